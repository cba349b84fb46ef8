//! Diagnostics: problems a user can act on, each naming the file and, where
//! known, `line:column` and the field path. A diagnostic stays data from the
//! stage that finds it to the last line of output: the human text (its
//! `Display`) and the JSON record (its `Serialize`) are two renderings of it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A position in a YAML file (1-based; 0 = unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// How much a diagnostic matters: an error stops what it is about (a
/// document, a posting); a warning is worth fixing; a note is for information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem, e.g.
/// `profiles/mari/smit.yaml:14:5: cv.experience[1]: unknown experience id "pof"; known: poff, eka`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "Record", from = "Record")]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as shown to the user (relative to the workspace where possible).
    pub file: PathBuf,
    pub pos: Pos,
    /// Field path such as `cv.experience[1]`; empty when not applicable.
    pub field: String,
    pub message: String,
    /// What to do about it, when the message alone does not say.
    pub help: Option<String>,
}

/// A diagnostic as one flat JSON object: `severity`, `file`, `line`,
/// `column` (null when unknown), `field` (null when none), `message`, `help`.
#[derive(Serialize, Deserialize)]
struct Record {
    severity: Severity,
    file: PathBuf,
    line: Option<u32>,
    column: Option<u32>,
    field: Option<String>,
    message: String,
    #[serde(default)]
    help: Option<String>,
}

impl From<Diagnostic> for Record {
    fn from(d: Diagnostic) -> Record {
        Record {
            severity: d.severity,
            file: d.file,
            line: d.pos.is_known().then_some(d.pos.line),
            column: (d.pos.is_known() && d.pos.column > 0).then_some(d.pos.column),
            field: (!d.field.is_empty()).then_some(d.field),
            message: d.message,
            help: d.help,
        }
    }
}

impl From<Record> for Diagnostic {
    fn from(r: Record) -> Diagnostic {
        Diagnostic {
            severity: r.severity,
            file: r.file,
            pos: Pos {
                line: r.line.unwrap_or(0),
                column: r.column.unwrap_or(0),
            },
            field: r.field.unwrap_or_default(),
            message: r.message,
            help: r.help,
        }
    }
}

impl Diagnostic {
    /// An error about `file`.
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            pos: Pos::default(),
            field: String::new(),
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(file, message).severity(Severity::Warning)
    }

    pub fn note(file: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(file, message).severity(Severity::Note)
    }

    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
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
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
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

/// Edits from `a` to `b`, two swapped neighbours counting as one ("mrai"
/// for "mari": the commonest typo is a transposition).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                cur[j + 1] = cur[j + 1].min(before[j - 1] + 1);
            }
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        assert_eq!(edit_distance("mrai", "mari"), 1);
        assert_eq!(edit_distance("intervew", "interview"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(did_you_mean("mrai", ["mari", "jaan"]), Some("mari"));
    }

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
    fn json_record_has_separate_fields() {
        let d = Diagnostic::new("profiles/mari/x.yaml", "unknown skill id \"rust\"")
            .at(Pos { line: 3, column: 7 })
            .field("cv.skills[0]");
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "severity": "error", "file": "profiles/mari/x.yaml", "line": 3, "column": 7,
                "field": "cv.skills[0]", "message": "unknown skill id \"rust\"", "help": null
            })
        );
        let back: Diagnostic = serde_json::from_value(json).unwrap();
        assert_eq!(back, d);
        let bare = serde_json::to_value(Diagnostic::warning("a.yaml", "m")).unwrap();
        assert_eq!(bare["line"], serde_json::Value::Null);
        assert_eq!(bare["field"], serde_json::Value::Null);
        assert_eq!(bare["severity"], "warning");
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
