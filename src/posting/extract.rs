//! Blocks → the fields of a posting.
