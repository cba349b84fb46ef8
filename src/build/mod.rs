//! The build, as one library entry that `dossier build` and `dossier watch`
//! call: [`run`] takes a workspace and a [`Plan`] and returns an [`Outcome`].
//! For every posting of the plan: load → tailor ([`merge`], which `check`
//! shares) → render ([`document`]) → compile what is not up to date
//! ([`queue`]) → one manifest entry per document. A posting that fails is
//! recorded and the others go on.

pub mod brief;
pub mod document;
pub mod fingerprint;
pub mod merge;
mod queue;
pub mod sent;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;

use crate::compile::{self, Format, PdfInfo, Typst};
use crate::diag::{Diagnostic, Diagnostics};
use crate::fsio::OutputLock;
use crate::load::{PostingFile, Workspace};
use crate::manifest::{Brief, Entry, Manifest, Status, Summary};
use crate::model::{Date, DocKind};

pub use document::Document;
pub use merge::{MergeResult, Merged, merge_all};

/// What to build, and how.
#[derive(Debug, Clone)]
pub struct Plan {
    pub postings: Vec<PostingFile>,
    pub kinds: Vec<DocKind>,
    /// Rebuild even what is up to date.
    pub force: bool,
    pub format: Format,
    /// Typst processes (and threads) at once.
    pub jobs: usize,
    /// How long one typst process may take.
    pub timeout: Duration,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// Letter date when a tailoring file sets none.
    pub today: Date,
    /// Creation timestamp for all PDFs; else each letter's date.
    pub source_date_epoch: Option<i64>,
    /// The typst binary (default: `typst` on PATH).
    pub typst: Option<PathBuf>,
    /// Postings (`candidate/posting`) whose documents are rebuilt and
    /// recorded as a new sending.
    pub resend: Vec<String>,
    /// A PDF standard for every document (`--pdf-standard`).
    pub pdf_standard: Option<String>,
}

/// What a build tells while it runs (a progress bar, say); every method
/// may be called from any of the build's threads.
pub trait Progress: Sync {
    /// Another dossier process holds the output lock; the build waits for it.
    fn waiting(&self, _pid: Option<u32>) {}
    /// `compiles` documents are about to be compiled.
    fn start(&self, _compiles: usize) {}
    fn compiling(&self, _doc: &Document) {}
    fn compiled(&self, _doc: &Document) {}
}

/// A build that reports nothing while it runs.
pub struct Silent;
impl Progress for Silent {}

/// How a build went: one manifest entry per document, sorted by posting and
/// kind (also written to `output/manifest.json`).
#[derive(Debug, Clone)]
pub struct Outcome {
    pub entries: Vec<Entry>,
    /// Sendings recorded by this build (in `sent/`).
    pub recorded: Vec<sent::Sending>,
    /// The brief of every posting that could be merged.
    pub briefs: Vec<Brief>,
    /// Ctrl-C or SIGTERM stopped it.
    pub interrupted: bool,
}

impl Outcome {
    pub fn count(&self, status: Status) -> usize {
        self.entries.iter().filter(|e| e.status == status).count()
    }
}

/// Why a document could not be built: its diagnostics, and how the human
/// report words them.
#[derive(Debug, Clone)]
struct Problem {
    text: String,
    diagnostics: Vec<Diagnostic>,
}

impl From<&Diagnostics> for Problem {
    fn from(d: &Diagnostics) -> Problem {
        Problem {
            text: d.to_string(),
            diagnostics: d.0.clone(),
        }
    }
}

impl Problem {
    fn compile(source: &Path, f: compile::Failure) -> Problem {
        let text = format!("{}: {f}", source.display());
        let diagnostics = if f.diagnostics.is_empty() {
            vec![Diagnostic::new(source, f.to_string())]
        } else {
            f.diagnostics
        };
        Problem { text, diagnostics }
    }
}

/// What a build leaves for the next one in the same process, so that a
/// rebuild (`watch`) redoes only what changed: profiles by the hash of
/// their text (read and compared every time), and the layouts — templates
/// loaded, the hashes of their static files and of the fonts, the fonts'
/// coverage — until [`Cache::layouts_changed`] says something below
/// `layouts/` changed.
#[derive(Default)]
pub struct Cache {
    profiles: merge::ProfileCache,
    layouts: Mutex<Arc<Layouts>>,
}

#[derive(Default)]
struct Layouts {
    loaded: document::LayoutCache,
    /// The characters the fonts of these directories have.
    glyphs: Mutex<Option<(Vec<PathBuf>, Arc<crate::glyphs::Fonts>)>>,
}

impl Cache {
    /// A file below `layouts/` (a template, a font) changed, or appeared,
    /// or went: load layouts and fonts anew.
    pub fn layouts_changed(&self) {
        if let Ok(mut l) = self.layouts.lock() {
            *l = Arc::default();
        }
    }

    fn layouts(&self) -> Arc<Layouts> {
        self.layouts
            .lock()
            .map(|l| Arc::clone(&l))
            .unwrap_or_default()
    }
}

impl Layouts {
    /// The coverage of the fonts in `dirs` (absolute) and typst's own.
    fn glyphs(&self, dirs: &[PathBuf]) -> Arc<crate::glyphs::Fonts> {
        if let Ok(g) = self.glyphs.lock()
            && let Some((d, coverage)) = g.as_ref()
            && d == dirs
        {
            return Arc::clone(coverage);
        }
        let coverage = Arc::new(crate::glyphs::Fonts::in_dirs(dirs.to_vec()));
        if let Ok(mut g) = self.glyphs.lock() {
            *g = Some((dirs.to_vec(), Arc::clone(&coverage)));
        }
        coverage
    }
}

/// Build the documents of `plan` in the workspace `ws`. Holds the output
/// lock (waiting for another dossier that holds it) from before the previous
/// manifest is read until the new one is written.
pub fn run(ws: &Workspace, plan: &Plan, progress: &dyn Progress) -> Result<Outcome> {
    run_cached(ws, plan, progress, &Cache::default())
}

/// [`run`], taking from `cache` what an earlier build in this process
/// loaded and is still valid, and leaving there what this one loads.
pub fn run_cached(
    ws: &Workspace,
    plan: &Plan,
    progress: &dyn Progress,
    cache: &Cache,
) -> Result<Outcome> {
    let _lock = OutputLock::acquire(&ws.root, |pid| progress.waiting(pid))?;
    let previous = Manifest::load(&ws.root);
    // Leftovers of a run killed while writing the manifest.
    crate::fsio::clean_stale_temps(&ws.root.join("output"));
    // Built-in layouts and fonts, once, before any parallel work.
    crate::builtin::unpack(&ws.root).map_err(|e| {
        anyhow::anyhow!("cannot unpack the built-in layouts into output/.builtin: {e:#}")
    })?;
    let typst = Typst::find(
        plan.typst.as_deref(),
        Some((&previous.typst_identity, &previous.typst_version)),
    )?;

    // Load, tailor and render every posting.
    let merged =
        merge::merge_all_cached(ws, &plan.postings, plan.today, plan.jobs, &cache.profiles);
    let layouts = cache.layouts();
    let font_dirs = font_dirs(ws);
    let absolute: Vec<PathBuf> = font_dirs.iter().map(|d| ws.root.join(d)).collect();
    let glyphs = layouts.glyphs(&absolute);
    let (documents, failures) = render_all(
        ws,
        plan,
        &merged,
        (&typst, &font_dirs, &glyphs),
        &layouts.loaded,
    );

    // Checking means reading and hashing every PDF: in parallel.
    let up_to_date = crate::par::map(
        &documents,
        plan.jobs,
        || (),
        |(), d| queue::is_up_to_date(&ws.root, d, &previous),
    );
    // Sent postings first: their documents are kept, held or recorded.
    let fates = sent_fates(ws, plan, &merged, &documents, &up_to_date);
    let fate = |d: &Document| fates.iter().find(|(p, _)| *p == d.posting).map(|(_, f)| f);
    let mut fresh: Vec<&Document> = Vec::new();
    let mut stale: Vec<&Document> = Vec::new();
    for (d, ok) in documents.iter().zip(&up_to_date) {
        match fate(d) {
            Some(Fate::Kept(..) | Fate::Held(_)) => {}
            Some(Fate::Record { rebuild: true, .. }) => stale.push(d),
            _ if *ok && !plan.force => fresh.push(d),
            _ => stale.push(d),
        }
    }

    crate::interrupt::install();
    progress.start(stale.len());
    let queue_settings = queue::Settings {
        typst: &typst,
        root: &ws.root,
        jobs: plan.jobs,
        timeout: plan.timeout,
        fail_fast: plan.fail_fast,
        // With --fail-fast, a posting that failed to load or render stops the
        // build before any compile.
        failed_already: !failures.is_empty(),
        cancel: &crate::interrupt::INTERRUPTED,
    };
    let results = queue::compile_all(&stale, &queue_settings, progress);

    // One entry per document, sorted by posting and kind.
    let prev = |posting: &str, kind: DocKind| previous.find(posting, kind.name());
    let mut entries: Vec<Entry> = fresh
        .iter()
        .map(|d| document_entry(d, Ok((Status::UpToDate, None)), prev(&d.posting, d.kind)))
        .collect();
    for (d, r) in stale.iter().zip(results) {
        let outcome = r
            .map(|info| (Status::Built, Some(info)))
            .map_err(|f| Problem::compile(&d.job.source, f));
        entries.push(document_entry(d, outcome, prev(&d.posting, d.kind)));
    }
    for (posting, kind, problem) in &failures {
        entries.push(failure_entry(posting, *kind, problem, prev(posting, *kind)));
    }
    let recorded = apply_fates(ws, plan, &merged, &documents, &fates, &mut entries);
    entries.sort_by(|a, b| (&a.posting, &a.kind).cmp(&(&b.posting, &b.kind)));

    // A brief lists every document of its posting, built now or before.
    let mut all = Manifest {
        documents: entries.clone(),
        ..Manifest::default()
    };
    all.keep_untouched(&previous);
    let outcome = Outcome {
        briefs: write_briefs(ws, &merged, &all.documents, plan),
        entries,
        recorded,
        interrupted: crate::interrupt::interrupted(),
    };
    let mut manifest = Manifest {
        typst: typst.program.to_string_lossy().into_owned(),
        typst_version: typst.version.clone(),
        typst_identity: typst.identity.clone(),
        dossier_version: env!("CARGO_PKG_VERSION").to_string(),
        summary: Summary {
            built: outcome.count(Status::Built),
            up_to_date: outcome.count(Status::UpToDate),
            failed: outcome.count(Status::Failed),
            sent: outcome.count(Status::Sent),
            held: outcome.count(Status::Held),
        },
        documents: outcome.entries.clone(),
        briefs: outcome.briefs.clone(),
    };
    manifest.keep_untouched(&previous);
    manifest.write(&ws.root)?;
    Ok(outcome)
}

/// Stage 3 for every merged posting, in parallel: the documents ready to
/// compile, and what could not be rendered.
fn render_all(
    ws: &Workspace,
    plan: &Plan,
    merged: &[MergeResult],
    (typst, font_dirs, glyphs): (&Typst, &[PathBuf], &crate::glyphs::Fonts),
    layouts: &document::LayoutCache,
) -> (Vec<Document>, Vec<(String, DocKind, Problem)>) {
    let settings = document::Settings {
        ws,
        kinds: &plan.kinds,
        format: plan.format,
        source_date_epoch: plan.source_date_epoch,
        typst_version: &typst.version,
        font_dirs,
        glyphs,
        pdf_standard: plan.pdf_standard.as_deref(),
    };
    // What is sent is PDFs: a sent posting's documents are PDFs whatever
    // the format asked for (they are kept, or recorded).
    let sent_settings = document::Settings {
        format: Format::Pdf,
        ..settings
    };
    let rendered = crate::par::map(
        merged,
        plan.jobs,
        || document::Caches::new(layouts),
        |caches, m| match &m.result {
            Ok(m) if sent::is_sent(&m.tailoring) => {
                document::render_posting(m, &sent_settings, caches)
            }
            Ok(m) => document::render_posting(m, &settings, caches),
            Err(d) => plan.kinds.iter().map(|&k| (k, Err(d.clone()))).collect(),
        },
    );
    let mut documents: Vec<Document> = Vec::new();
    let mut failures: Vec<(String, DocKind, Problem)> = Vec::new();
    for (m, results) in merged.iter().zip(rendered) {
        for (kind, result) in results {
            match result {
                Ok(d) => documents.push(d),
                Err(d) => failures.push((m.posting.key(), kind, Problem::from(&d))),
            }
        }
    }
    (documents, failures)
}

/// What becomes of a posting marked sent (see [`sent`]).
#[derive(Debug)]
enum Fate {
    /// A record exists: its documents are the sent ones, never rebuilt; the
    /// change says what would come out differently now, if anything would.
    Kept(sent::Sending, Option<sent::Change>),
    /// No record yet (or `--resend`): record the documents once they are
    /// built — all rebuilt first when `rebuild`, else only those not up to
    /// date (never built: the held ones are not recorded) — after the
    /// sendings `earlier`.
    Record {
        rebuild: bool,
        earlier: Vec<sent::Sending>,
    },
    /// No record, and a PDF on disk does not match the sources (or a record
    /// is broken): nothing is recorded, nothing rebuilt.
    Held(String),
}

/// The fate of every sent posting of the plan, by posting key.
fn sent_fates(
    ws: &Workspace,
    plan: &Plan,
    merged: &[MergeResult],
    documents: &[Document],
    up_to_date: &[bool],
) -> Vec<(String, Fate)> {
    let mut out = Vec::new();
    for m in merged.iter().filter_map(|m| m.result.as_ref().ok()) {
        if !sent::is_sent(&m.tailoring) {
            continue;
        }
        let key = m.posting.key();
        let docs: Vec<(&Document, bool)> = documents
            .iter()
            .zip(up_to_date)
            .filter(|(d, _)| d.posting == key)
            .map(|(d, ok)| (d, *ok))
            .collect();
        let sendings = sent::sendings(&ws.root, &m.posting.candidate, &m.posting.id);
        let resend = plan.resend.contains(&key);
        // A PDF on disk that the sources would not give now may be what the
        // recruiter holds: not recorded, not replaced. One never built is
        // built.
        let stale = docs
            .iter()
            .any(|(d, ok)| !ok && !compile::output_files(&ws.root, &d.job.pdf).is_empty());
        let broken = sent::broken(&ws.root, &m.posting.candidate, &m.posting.id);
        let fate = match sendings.last() {
            _ if resend => Fate::Record {
                rebuild: true,
                earlier: sendings.clone(),
            },
            Some(last) => {
                let current: Vec<&Document> = docs.iter().map(|(d, _)| *d).collect();
                Fate::Kept(last.clone(), sent::changes(&ws.root, last, m, &current))
            }
            None if !broken.is_empty() => Fate::Held(format!(
                "marked {} but not recorded: {}/ is a record without a readable {}; \
                 restore it (from git), or `dossier build --resend {}` records a new sending",
                sent::marked(&m.tailoring),
                broken[0].0.display(),
                sent::RECORD,
                m.posting.id
            )),
            None if stale => Fate::Held(format!(
                "marked {} but not recorded: the PDFs on disk do not match the sources; \
                 build them and check them before you mark them sent (status: ready, then \
                 `dossier build`), or `dossier build --resend {}` rebuilds and records them",
                sent::marked(&m.tailoring),
                m.posting.id
            )),
            None => Fate::Record {
                rebuild: false,
                earlier: Vec::new(),
            },
        };
        out.push((key, fate));
    }
    out
}

/// Turn the entries of sent postings into what their fate says, and record
/// the new sendings; returns the records made.
fn apply_fates(
    ws: &Workspace,
    plan: &Plan,
    merged: &[MergeResult],
    documents: &[Document],
    fates: &[(String, Fate)],
    entries: &mut Vec<Entry>,
) -> Vec<sent::Sending> {
    let mut recorded = Vec::new();
    let merged_ok = |key: &str| {
        merged
            .iter()
            .filter_map(|m| m.result.as_ref().ok())
            .find(|m| m.posting.key() == key)
    };
    for (key, fate) in fates {
        let docs: Vec<&Document> = documents.iter().filter(|d| d.posting == *key).collect();
        match fate {
            Fate::Kept(sending, change) => {
                for d in &docs {
                    let change = change
                        .as_ref()
                        .filter(|c| c.kinds.contains(&d.kind))
                        .map(|c| c.message.clone());
                    entries.push(sent_entry(ws, d, sending, change));
                }
            }
            Fate::Held(why) => {
                for d in &docs {
                    let mut e = document_entry(d, Ok((Status::Held, None)), None);
                    e.fingerprint = None;
                    e.warnings = vec![why.clone()];
                    entries.push(e);
                }
            }
            Fate::Record { earlier, .. } => {
                let Some(m) = merged_ok(key) else {
                    continue;
                };
                let mut infos: Vec<(&Document, crate::compile::PdfInfo)> = Vec::new();
                let mut missing: Vec<&str> = Vec::new();
                for kind in DocKind::ALL {
                    let built = docs.iter().find(|d| d.kind == kind).and_then(|d| {
                        let e = entries
                            .iter()
                            .find(|e| e.posting == *key && e.kind == kind.name())?;
                        if e.status == Status::Failed {
                            return None;
                        }
                        Some((*d, compile::output_info(&ws.root, &d.job.pdf)?))
                    });
                    match built {
                        Some(b) => infos.push(b),
                        None => missing.push(kind.name()),
                    }
                }
                if !missing.is_empty() {
                    let left_out = missing
                        .iter()
                        .all(|k| !plan.kinds.iter().any(|p| p.name() == *k));
                    let why = if left_out {
                        format!(
                            "not recorded as sent yet: a sending is both documents, and --only \
                             left out the {}; `dossier build {}` builds it and records both",
                            missing.join(" and the "),
                            m.posting.id
                        )
                    } else {
                        format!(
                            "not recorded as sent: a sending is both documents, and the {} \
                             did not build",
                            missing.join(" and the ")
                        )
                    };
                    for e in entries.iter_mut().filter(|e| e.posting == *key) {
                        e.warnings.push(why.clone());
                    }
                    continue;
                }
                let pairs: Vec<(&Document, &crate::compile::PdfInfo)> =
                    infos.iter().map(|(d, i)| (*d, i)).collect();
                match sent::record(&ws.root, m, &pairs, earlier, plan.today) {
                    Ok(sending) => recorded.push(sending),
                    Err(e) => {
                        let why = format!(
                            "not recorded as sent: {e:#}; nothing was written to {}/, \
                             and the next build tries again",
                            sent::DIR
                        );
                        for entry in entries.iter_mut().filter(|e| e.posting == *key) {
                            entry.warnings.push(why.clone());
                        }
                    }
                }
            }
        }
    }
    // `--resend` of a posting that is not marked sent: built as usual.
    for key in &plan.resend {
        let Some(m) = merged_ok(key) else {
            continue;
        };
        if sent::is_sent(&m.tailoring) {
            continue;
        }
        let why = format!(
            "--resend: {key} is not marked sent (status {}); built as usual",
            m.tailoring.status.unwrap_or_default().name()
        );
        for e in entries.iter_mut().filter(|e| e.posting == *key) {
            e.warnings.push(why.clone());
        }
    }
    recorded
}

/// The entry of a document kept as it was sent.
fn sent_entry(ws: &Workspace, d: &Document, s: &sent::Sending, change: Option<String>) -> Entry {
    let kept = s.document(d.kind.name());
    let pdf = kept.map(|k| s.dir.join(&k.file));
    let mut e = document_entry(d, Ok((Status::Sent, None)), None);
    e.pdf = pdf.as_ref().map(|p| p.to_string_lossy().into_owned());
    e.pdf_hash = pdf
        .as_ref()
        .and_then(|p| std::fs::read(ws.root.join(p)).ok())
        .map(|b| compile::content_hash(&b));
    e.pages = kept.and_then(|k| k.pages);
    e.fingerprint = kept.map(|k| k.fingerprint.clone());
    e.warnings = change.into_iter().collect();
    e
}

/// Write the brief of every merged posting (unchanged briefs are not
/// rewritten); `documents` are the manifest's entries after this build.
fn write_briefs(
    ws: &Workspace,
    merged: &[MergeResult],
    documents: &[Entry],
    plan: &Plan,
) -> Vec<Brief> {
    let results = crate::par::map(
        merged,
        plan.jobs,
        || (),
        |(), m| {
            let m = m.result.as_ref().ok()?;
            let key = m.posting.key();
            let files: Vec<&Entry> = documents.iter().filter(|e| e.posting == key).collect();
            // Fonts and layout: the documents' own warnings say those.
            let report = crate::check::check(&ws.root, m, plan.today, None);
            let sendings = sent::sendings(&ws.root, &m.posting.candidate, &m.posting.id);
            let text = brief::render(m, &report, &files, &sendings, plan.today);
            let path = PathBuf::from("output")
                .join(&m.posting.candidate)
                .join(&m.posting.id)
                .join(brief::FILE);
            // Only into the posting's checked output directory (see `document::prepare`).
            if !document::inside_output(ws, path.parent()?) {
                return None;
            }
            let written =
                crate::fsio::write_if_changed(&ws.root.join(&path), text.as_bytes()).ok()?;
            Some(Brief {
                posting: key,
                path: path.to_string_lossy().into_owned(),
                hash: compile::content_hash(text.as_bytes()),
                status: if written {
                    Status::Built
                } else {
                    Status::UpToDate
                },
            })
        },
    );
    results.into_iter().flatten().collect()
}

/// The font directories typst gets: the built-in fonts (unpacked below
/// output/ by `builtin::unpack`), then the workspace's `layouts/fonts/` if
/// it has one — so adding a font file there (for another script, say) is
/// all it takes to use it. Workspace-relative, for reproducible arguments.
pub fn font_dirs(ws: &Workspace) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from(crate::builtin::UNPACK_DIR).join("layouts/fonts")];
    if ws.root.join("layouts/fonts").is_dir() {
        dirs.push(PathBuf::from("layouts/fonts"));
    }
    dirs
}

/// The entry of a document that was compiled (`Ok(Built)`), found up to
/// date (`Ok(UpToDate)`) or failed. A failed document keeps what is known of
/// the PDF still on disk; an up-to-date one is the PDF the previous entry
/// describes.
fn document_entry(
    d: &Document,
    outcome: Result<(Status, Option<PdfInfo>), Problem>,
    prev: Option<&Entry>,
) -> Entry {
    let (status, info, problem) = match outcome {
        Ok((s, info)) => (s, info, None),
        Err(p) => (Status::Failed, None, Some(p)),
    };
    let (pdf_hash, pages) = match &info {
        Some(i) => (Some(i.hash.clone()), i.pages),
        None => (
            prev.and_then(|p| p.pdf_hash.clone()),
            prev.and_then(|p| p.pages),
        ),
    };
    let mut warnings = match (pages, &d.page_limit) {
        (Some(n), Some((limit, why))) if status != Status::Failed && n > *limit => {
            vec![format!("{n} pages; {why}")]
        }
        _ => Vec::new(),
    };
    if status != Status::Failed {
        warnings.extend(d.warnings.iter().cloned());
    }
    Entry {
        posting: d.posting.clone(),
        kind: d.kind.name().to_string(),
        language: Some(d.lang.to_string()),
        layout: Some(d.layout.clone()),
        pdf: Some(d.job.pdf.to_string_lossy().into_owned()),
        source: Some(d.job.source.to_string_lossy().into_owned()),
        fingerprint: if status == Status::Failed {
            prev.and_then(|p| p.fingerprint.clone())
        } else {
            Some(d.fingerprint.clone())
        },
        status,
        error: problem.as_ref().map(|p| p.text.clone()),
        diagnostics: problem.map(|p| p.diagnostics).unwrap_or_default(),
        typst_args: d.job.args(&d.job.pdf),
        pdf_hash,
        pages,
        warnings,
    }
}

/// The entry of a document that could not even be rendered; what is known
/// of its last good build is kept.
fn failure_entry(posting: &str, kind: DocKind, problem: &Problem, prev: Option<&Entry>) -> Entry {
    Entry {
        posting: posting.to_string(),
        kind: kind.name().to_string(),
        language: prev.and_then(|p| p.language.clone()),
        layout: prev.and_then(|p| p.layout.clone()),
        pdf: prev.and_then(|p| p.pdf.clone()),
        source: prev.and_then(|p| p.source.clone()),
        fingerprint: prev.and_then(|p| p.fingerprint.clone()),
        status: Status::Failed,
        error: Some(problem.text.clone()),
        diagnostics: problem.diagnostics.clone(),
        typst_args: prev.map(|p| p.typst_args.clone()).unwrap_or_default(),
        pdf_hash: prev.and_then(|p| p.pdf_hash.clone()),
        pages: prev.and_then(|p| p.pages),
        warnings: Vec::new(),
    }
}
