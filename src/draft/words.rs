//! Words compared across Estonian case endings and compounds.
