//! A posting's bytes → its text, by format.
//!
//! Plain text and Markdown are read as they are; HTML is turned into text
//! lines (block elements on lines of their own, scripts and navigation
//! dropped); a PDF goes through `pdftotext` (poppler-utils).

use std::path::PathBuf;

/// Where the posting comes from: `--from FILE` or `--from -`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// As the draft names it: the path as given, or `standard input`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// The format a posting was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
        }
    }
}

/// A posting as text, one entry per line; `Found::line` values index it
/// (1-based).
#[derive(Debug, Clone)]
pub struct Source {
    pub input: Input,
    pub format: Format,
    pub lines: Vec<String>,
}
