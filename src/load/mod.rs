//! Stage 1 — load: read YAML files into typed values (`model`), with errors
//! that point at file, line, column and field path.

pub mod workspace;
pub mod yaml;

pub use workspace::{Candidate, PostingFile, Workspace};
