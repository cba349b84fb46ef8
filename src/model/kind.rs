//! The two documents built per posting.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Cv,
    Letter,
}

impl DocKind {
    pub const ALL: [DocKind; 2] = [DocKind::Cv, DocKind::Letter];

    /// `cv` / `letter`: the name in reports, the manifest and template names.
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Cv => "cv",
            DocKind::Letter => "letter",
        }
    }

    pub fn from_name(name: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for DocKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
