//! A posting's bytes → its text, by format.
