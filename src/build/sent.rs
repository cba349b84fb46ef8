//! What was sent stays as it was sent. A posting whose `status` is
//! `submitted` or later (or that has a `submitted:` date and no `status:`)
//! has a record of the sending in `sent/<candidate>/<posting>/<date>/`, at
//! the workspace root and meant for git (`output/` is not): the PDFs as they
//! were, `record.json` (the date, each file's SHA-256 and pages, the
//! documents' fingerprints, hashes of the sources) and `tailoring.yaml` (the
//! tailoring file's text as it was). Nothing ever overwrites a file there: a
//! record is written into a temporary folder beside its place and renamed
//! into place complete, and a second sending is a new dated folder beside
//! the first.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Document, Merged};
use crate::compile::PdfInfo;
use crate::model::tailoring::{Status, Tailoring};
use crate::model::{Date, DocKind};

/// The folder of all sent records.
pub const DIR: &str = "sent";
pub const RECORD: &str = "record.json";
pub const TAILORING: &str = "tailoring.yaml";
/// How the temporary folder of a record being written begins (a dot: never
/// taken for a record).
const PARTIAL: &str = ".recording-";

/// `record.json` of one sending.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    /// `candidate/posting`
    pub posting: String,
    /// The date sent (`submitted:`), when the tailoring file gave one.
    pub sent: Option<Date>,
    /// The day the record was made.
    pub recorded: Date,
    pub documents: Vec<SentDocument>,
    /// SHA-256 of the sources as they were: the profile and the tailoring
    /// file (whose text is `tailoring.yaml` beside this file).
    pub profile_sha256: String,
    pub tailoring_sha256: String,
    /// SHA-256 of the layout's files (templates and static files, of the
    /// layout and those it extends); records written before it was kept
    /// have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout_sha256: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SentDocument {
    /// `cv` or `letter`
    pub kind: String,
    /// The file name in the record's folder.
    pub file: String,
    pub sha256: String,
    pub pages: Option<usize>,
    /// The fingerprint of everything the document was built from.
    pub fingerprint: String,
}

/// A record and its folder (workspace-relative).
#[derive(Debug, Clone)]
pub struct Sending {
    pub dir: PathBuf,
    pub record: Record,
}

impl Sending {
    /// `2026-10-03`, or `recorded 2026-11-25` when the date sent is unknown.
    pub fn when(&self) -> String {
        match self.record.sent {
            Some(d) => d.to_string(),
            None => format!("recorded {}", self.record.recorded),
        }
    }

    pub fn document(&self, kind: &str) -> Option<&SentDocument> {
        self.record.documents.iter().find(|d| d.kind == kind)
    }
}

/// Whether the tailoring file says its documents have gone out: a status of
/// `submitted` or later, or a `submitted:` date without a status. A status
/// set back to `draft` or `ready` wins over a `submitted:` date.
pub fn is_sent(t: &Tailoring) -> bool {
    match t.status {
        Some(s) => crate::check::is_sent(s),
        None => t.submitted.is_some(),
    }
}

/// The status a sent posting is marked with, for messages.
pub fn marked(t: &Tailoring) -> &'static str {
    t.status.unwrap_or(Status::Submitted).name()
}

pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// `sent/<candidate>/<posting>`
pub fn posting_dir(candidate: &str, posting: &str) -> PathBuf {
    PathBuf::from(DIR).join(candidate).join(posting)
}

/// The folders of a posting's records (workspace-relative, sorted), and
/// what reading each one's `record.json` gave. A folder whose name begins
/// with a dot (a record being written) is none, nor is an empty one.
fn folders(root: &Path, candidate: &str, posting: &str) -> Vec<(PathBuf, Result<Record, String>)> {
    let dir = posting_dir(candidate, posting);
    let mut out: Vec<(PathBuf, Result<Record, String>)> = std::fs::read_dir(root.join(&dir))
        .map(|rd| {
            rd.flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                // An empty folder is no record, nor a broken one.
                .filter(|e| std::fs::read_dir(e.path()).is_ok_and(|mut d| d.next().is_some()))
                .map(|e| {
                    let rel = dir.join(e.file_name());
                    let record = match std::fs::read(root.join(&rel).join(RECORD)) {
                        Ok(text) => serde_json::from_slice(&text)
                            .map_err(|e| format!("{RECORD} cannot be read: {e}")),
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(format!(
                            "{RECORD} is missing: the files beside it are no longer a record \
                             of what was sent; restore it (from git)"
                        )),
                        Err(e) => Err(format!("{RECORD} cannot be read: {e}")),
                    };
                    (rel, record)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The records of a posting, oldest first (by folder name: dates sort).
pub fn sendings(root: &Path, candidate: &str, posting: &str) -> Vec<Sending> {
    folders(root, candidate, posting)
        .into_iter()
        .filter_map(|(dir, r)| {
            Some(Sending {
                dir,
                record: r.ok()?,
            })
        })
        .collect()
}

/// Folders of a posting's records whose `record.json` is missing or cannot
/// be read, each with what is wrong with it.
pub fn broken(root: &Path, candidate: &str, posting: &str) -> Vec<(PathBuf, String)> {
    folders(root, candidate, posting)
        .into_iter()
        .filter_map(|(dir, r)| Some((dir, r.err()?)))
        .collect()
}

/// SHA-256 of the files of the posting's layout (and of those it extends),
/// templates included; `None` when the layout does not load.
pub fn layout_sha256(root: &Path, m: &Merged) -> Option<String> {
    let layout = m.load_layout(root).ok()?;
    let mut h = Sha256::new();
    for dir in &layout.dirs {
        // Workspace-relative: a clone elsewhere has the same layout.
        let rel = dir.strip_prefix(root).unwrap_or(dir);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0]);
        hash_tree(&mut h, dir, dir);
    }
    Some(hex(&h.finalize()))
}

fn hash_tree(h: &mut Sha256, base: &Path, path: &Path) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            hash_tree(h, base, &e);
        }
    } else {
        let rel = path.strip_prefix(base).unwrap_or(path);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0]);
        let bytes = std::fs::read(path).unwrap_or_default();
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(&bytes);
    }
}

/// How the sources of a recorded posting changed since it was sent.
#[derive(Debug, Clone)]
pub struct Change {
    /// The documents that would come out differently now.
    pub kinds: Vec<DocKind>,
    pub message: String,
}

/// What changed since `s` was sent: the documents (of `docs`) whose
/// fingerprint is not the recorded one, and every kind of source that
/// changed; `None` when the documents would come out as they were sent.
pub fn changes(root: &Path, s: &Sending, m: &Merged, docs: &[&Document]) -> Option<Change> {
    let kinds: Vec<DocKind> = docs
        .iter()
        .filter(|d| {
            s.document(d.kind.name())
                .is_none_or(|x| x.fingerprint != d.fingerprint)
        })
        .map(|d| d.kind)
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let read = |p: &Path| {
        std::fs::read(root.join(p))
            .map(|b| sha256(&b))
            .unwrap_or_default()
    };
    let mut what = Vec::new();
    if read(&m.posting.profile) != s.record.profile_sha256 {
        what.push("the profile");
    }
    if read(&m.posting.path) != s.record.tailoring_sha256 {
        what.push("the tailoring file");
    }
    match &s.record.layout_sha256 {
        Some(was) if layout_sha256(root, m).as_ref() != Some(was) => what.push("the layout"),
        Some(_) if what.is_empty() => what.push("the fonts, the photo or the typst version"),
        Some(_) => {}
        // A record that does not know its layout.
        None if what.is_empty() => what.push("the layout or fonts"),
        None => {}
    }
    let documents = kinds
        .iter()
        .map(|k| match k {
            DocKind::Cv => "the CV",
            DocKind::Letter => "the letter",
        })
        .collect::<Vec<_>>();
    let (it, was) = if kinds.len() == 1 {
        ("it", "was")
    } else {
        ("they", "were")
    };
    let message = format!(
        "{} would come out differently now: {} changed since {it} {was} sent ({}); \
         the sent documents are kept",
        and_list(&documents),
        and_list(&what),
        s.when()
    );
    Some(Change { kinds, message })
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The date of a new sending of `m`, and whether it is the date sent: the
/// `submitted:` date, unless an earlier record of the posting already has
/// it (a resend, and the date was not changed since) — then `today`, the
/// day it is recorded.
pub fn date(m: &Merged, earlier: &[Sending], today: Date) -> (Date, Option<Date>) {
    match m.tailoring.submitted.as_ref().map(|d| d.value) {
        Some(d) if !earlier.iter().any(|s| s.record.sent == Some(d)) => (d, Some(d)),
        _ => (today, None),
    }
}

/// Record a sending of `m`: its documents' PDFs (built, checked up to date)
/// copied from `output/` into a new folder named by [`date`], after the
/// sendings `earlier`. Never overwrites: a folder of the same date gets a
/// `-2`, `-3`, … suffix. The record is written into a temporary folder
/// beside it and renamed into place once complete: a record that fails
/// leaves nothing behind.
pub fn record(
    root: &Path,
    m: &Merged,
    docs: &[(&Document, &PdfInfo)],
    earlier: &[Sending],
    today: Date,
) -> Result<Sending> {
    let (date, sent) = date(m, earlier, today);
    let base = posting_dir(&m.posting.candidate, &m.posting.id);
    std::fs::create_dir_all(root.join(&base))
        .with_context(|| format!("cannot create {}", base.display()))?;
    // What a record killed while being written left (the build holds the
    // output lock: no other is being written now).
    for e in std::fs::read_dir(root.join(&base))
        .into_iter()
        .flatten()
        .flatten()
    {
        if e.file_name().to_string_lossy().starts_with(PARTIAL) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    let tmp = base.join(format!("{PARTIAL}{date}-{}", std::process::id()));
    std::fs::create_dir(root.join(&tmp))
        .with_context(|| format!("cannot create {}", tmp.display()))?;
    let written = write_record(root, m, docs, &tmp, sent, today).and_then(|record| {
        let mut dir = base.join(date.to_string());
        let mut n = 2;
        while root.join(&dir).exists() {
            dir = base.join(format!("{date}-{n}"));
            n += 1;
        }
        std::fs::rename(root.join(&tmp), root.join(&dir))
            .with_context(|| format!("cannot rename {} to {}", tmp.display(), dir.display()))?;
        Ok(Sending { dir, record })
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(root.join(&tmp));
    }
    written
}

/// The files of a record, into the folder `dir`.
fn write_record(
    root: &Path,
    m: &Merged,
    docs: &[(&Document, &PdfInfo)],
    dir: &Path,
    sent: Option<Date>,
    today: Date,
) -> Result<Record> {
    let mut documents = Vec::new();
    for (d, info) in docs {
        let Some(name) = d.job.pdf.file_name() else {
            bail!("{}: not a file", d.job.pdf.display());
        };
        let bytes = std::fs::read(root.join(&d.job.pdf))
            .with_context(|| format!("cannot read {}", d.job.pdf.display()))?;
        create_new(&root.join(dir).join(name), &bytes)?;
        documents.push(SentDocument {
            kind: d.kind.name().to_string(),
            file: name.to_string_lossy().into_owned(),
            sha256: sha256(&bytes),
            pages: info.pages,
            fingerprint: d.fingerprint.clone(),
        });
    }
    let tailoring = std::fs::read(root.join(&m.posting.path))
        .with_context(|| format!("cannot read {}", m.file.display()))?;
    let profile = std::fs::read(root.join(&m.posting.profile)).unwrap_or_default();
    create_new(&root.join(dir).join(TAILORING), &tailoring)?;
    let record = Record {
        posting: m.posting.key(),
        sent,
        recorded: today,
        documents,
        profile_sha256: sha256(&profile),
        tailoring_sha256: sha256(&tailoring),
        layout_sha256: layout_sha256(root, m),
    };
    let mut json = serde_json::to_vec_pretty(&record)?;
    json.push(b'\n');
    create_new(&root.join(dir).join(RECORD), &json)?;
    Ok(record)
}

/// Write a file that must not exist yet.
fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {} (it must not exist yet)", path.display()))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Files of a record changed or deleted by hand: one message per file.
pub fn verify(root: &Path, s: &Sending) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |file: &str, recorded: &str, missing: &str| match std::fs::read(
        root.join(&s.dir).join(file),
    ) {
        Ok(bytes) if sha256(&bytes) == recorded => {}
        Ok(_) => problems.push(format!(
            "{file} was changed after it was sent: its SHA-256 is not the recorded one"
        )),
        Err(_) => problems.push(format!("{file} is missing: {missing}")),
    };
    for d in &s.record.documents {
        check(&d.file, &d.sha256, "it was recorded as sent here");
    }
    check(
        TAILORING,
        &s.record.tailoring_sha256,
        "it was recorded here as the tailoring file was when sent",
    );
    problems
}
