//! `output/manifest.json`: what every document is built from and how it went,
//! written atomically after every build. Its `typst_args` replay a compile by
//! hand from the workspace directory: `typst <typst_args…>`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;

pub const FILE: &str = "output/manifest.json";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// The typst binary used.
    pub typst: String,
    pub typst_version: String,
    /// Path, size and modification time of the typst binary the version was read from.
    #[serde(default)]
    pub typst_identity: String,
    pub dossier_version: String,
    pub documents: Vec<Entry>,
    /// The brief of each posting (`output/<candidate>/<posting>/README.md`).
    #[serde(default)]
    pub briefs: Vec<Brief>,
    pub summary: Summary,
}

/// A posting's brief as the last build left it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Brief {
    /// `candidate/posting-id`.
    pub posting: String,
    /// Relative to the workspace.
    pub path: String,
    /// Content hash of the file.
    pub hash: String,
    /// `built` (written this time) or `up-to-date` (it already said this).
    pub status: Status,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    pub built: usize,
    pub up_to_date: usize,
    pub failed: usize,
    /// Documents of sent postings: kept as recorded in `sent/`.
    #[serde(default)]
    pub sent: usize,
    /// Documents of postings marked sent whose PDFs are out of date: kept
    /// as they are, not recorded.
    #[serde(default)]
    pub held: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Built,
    UpToDate,
    Failed,
    /// Sent: the PDF is the one recorded in `sent/`, never rebuilt.
    Sent,
    /// Marked sent, but out of date and not recorded: kept as it is.
    Held,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// `candidate/posting-id`.
    pub posting: String,
    pub kind: String,
    pub language: Option<String>,
    pub layout: Option<String>,
    /// Paths relative to the workspace.
    pub pdf: Option<String>,
    pub source: Option<String>,
    /// Fingerprint of the inputs of the PDF now on disk (kept when a rebuild fails).
    pub fingerprint: Option<String>,
    pub status: Status,
    /// Why it failed, as the human report prints it.
    pub error: Option<String>,
    /// Why it failed, as data: each problem with its file, line, column and field.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
    /// Arguments for `typst`, run in the workspace directory; the PDF path last.
    pub typst_args: Vec<String>,
    /// Content hash of the PDF as built, to notice a PDF changed behind our back.
    pub pdf_hash: Option<String>,
    /// Pages of the PDF now on disk.
    #[serde(default)]
    pub pages: Option<usize>,
    /// Things worth knowing that did not stop the build (a CV over `max_pages`).
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Manifest {
    /// The previous manifest, or an empty one when there is none or it is unreadable.
    pub fn load(root: &Path) -> Manifest {
        std::fs::read(root.join(FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn find(&self, posting: &str, kind: &str) -> Option<&Entry> {
        self.documents
            .iter()
            .find(|e| e.posting == posting && e.kind == kind)
    }

    /// Keep entries of `previous` for documents this run did not touch
    /// (a build of some postings does not forget the others).
    pub fn keep_untouched(&mut self, previous: &Manifest) {
        for e in &previous.documents {
            if self.find(&e.posting, &e.kind).is_none() {
                self.documents.push(e.clone());
            }
        }
        for b in &previous.briefs {
            if !self.briefs.iter().any(|x| x.posting == b.posting) {
                self.briefs.push(b.clone());
            }
        }
        self.briefs.sort_by(|a, b| a.posting.cmp(&b.posting));
        self.documents
            .sort_by(|a, b| (&a.posting, &a.kind).cmp(&(&b.posting, &b.kind)));
    }

    pub fn write(&self, root: &Path) -> anyhow::Result<()> {
        std::fs::create_dir_all(root.join("output"))?;
        let mut json = serde_json::to_vec_pretty(self)?;
        json.push(b'\n');
        crate::fsio::write_if_changed(&root.join(FILE), &json)?;
        Ok(())
    }
}
