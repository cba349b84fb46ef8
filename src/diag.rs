//! Diagnostics: errors a user can act on, each naming the file and, where
//! known, `line:column` and the field path.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a YAML file (1-based; 0 = unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

impl From<&serde_saphyr::Location> for Pos {
    fn from(loc: &serde_saphyr::Location) -> Pos {
        Pos {
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
            column: u32::try_from(loc.column()).unwrap_or(u32::MAX),
        }
    }
}

/// One problem, e.g.
/// `profiles/mari/smit.yaml:14:5: cv.experience[1]: unknown experience id "pof"; known: poff, eka`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path as shown to the user (relative to the workspace where possible).
    pub file: PathBuf,
    pub pos: Pos,
    /// Field path such as `cv.experience[1]`; empty when not applicable.
    pub field: String,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            pos: Pos::default(),
            field: String::new(),
            message: message.into(),
        }
    }

    pub fn at(mut self, pos: Pos) -> Diagnostic {
        self.pos = pos;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = field.into();
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.pos.is_known() {
            write!(f, ":{}:{}", self.pos.line, self.pos.column)?;
        }
        f.write_str(": ")?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Several problems found in one pass; a run reports all of them, not just the first.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// `Ok(value)` when nothing was reported.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

/// More problems than this in one file are summarised: after the first
/// twenty, the rest are usually consequences of the same mistake.
pub const MAX_SHOWN: usize = 20;

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if self.0.len() > MAX_SHOWN {
            write!(f, "\n… and {} more problems", self.0.len() - MAX_SHOWN)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// `path` relative to `base` when it lies inside it, for shorter messages.
pub fn display_path(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The closest candidate within a small edit distance, for "did you mean" hints.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(word, c);
        let limit = (c.chars().count().max(word.chars().count()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_file_line_field_message() {
        let d = Diagnostic::new("profiles/mari/smit.yaml", "unknown experience id \"pof\"")
            .at(Pos {
                line: 14,
                column: 5,
            })
            .field("cv.experience[1]");
        assert_eq!(
            d.to_string(),
            "profiles/mari/smit.yaml:14:5: cv.experience[1]: unknown experience id \"pof\""
        );
    }

    #[test]
    fn many_problems_are_capped() {
        let ds = Diagnostics(
            (0..25)
                .map(|i| Diagnostic::new("f.yaml", format!("p{i}")))
                .collect(),
        );
        let text = ds.to_string();
        assert_eq!(text.lines().count(), MAX_SHOWN + 1);
        assert!(text.ends_with("… and 5 more problems"), "{text}");
    }

    #[test]
    fn suggests_near_names_only() {
        let keys = ["headline", "summary", "experience"];
        assert_eq!(did_you_mean("hedline", keys), Some("headline"));
        assert_eq!(did_you_mean("experiance", keys), Some("experience"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
