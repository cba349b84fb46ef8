//! Which profile items answer a requirement line.
