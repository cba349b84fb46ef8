//! Compiling many documents: decide which are up to date (by fingerprint),
//! then run a fixed number of typst processes that take jobs from a shared
//! counter. Results come back in input order, whatever the completion order.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crate::compile::{self, PdfInfo, Typst};
use crate::manifest::Manifest;
use crate::pipeline::Document;

/// Whether `doc`'s PDF on disk was built from exactly the same inputs.
pub fn is_up_to_date(root: &Path, doc: &Document, previous: &Manifest) -> bool {
    let Some(prev) = previous.find(&doc.posting, doc.kind.name()) else {
        return false;
    };
    let pdf = doc.job.pdf.to_string_lossy();
    prev.fingerprint.as_deref() == Some(doc.fingerprint.as_str())
        && prev.pdf.as_deref() == Some(pdf.as_ref())
        && prev.pdf_hash.is_some()
        && compile::output_info(root, &doc.job.pdf).map(|i| i.hash) == prev.pdf_hash
}

pub struct Settings<'a> {
    pub typst: &'a Typst,
    pub root: &'a Path,
    pub jobs: usize,
    pub timeout: Duration,
    /// Stop starting new compiles after the first failure.
    pub fail_fast: bool,
    /// Something failed before compiling started (counts for `fail_fast`).
    pub failed_already: bool,
    /// Set by Ctrl-C: running compiles are stopped, no new ones start.
    pub cancel: &'a AtomicBool,
}

/// Compile `docs`; one result per document, in order. A document not started
/// because of `fail_fast` or an interrupt gets an error saying so.
pub fn compile_all(
    docs: &[&Document],
    s: &Settings,
    on_start: &(dyn Fn(&Document) + Sync),
    on_done: &(dyn Fn(&Document, &Result<PdfInfo, String>) + Sync),
) -> Vec<Result<PdfInfo, String>> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(s.failed_already);
    let results: Mutex<Vec<Option<Result<PdfInfo, String>>>> = Mutex::new(vec![None; docs.len()]);
    std::thread::scope(|scope| {
        for _ in 0..s.jobs.clamp(1, docs.len().max(1)) {
            scope.spawn(|| {
                loop {
                    if s.cancel.load(Ordering::Relaxed)
                        || (s.fail_fast && failed.load(Ordering::Relaxed))
                    {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(doc) = docs.get(i) else { break };
                    on_start(doc);
                    let r = compile::compile(s.typst, s.root, &doc.job, s.timeout, s.cancel)
                        .map_err(|e| format!("{e:#}"));
                    if r.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    on_done(doc, &r);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    let why_not = if s.cancel.load(Ordering::Relaxed) {
        "not built: the build was interrupted"
    } else {
        "not built: stopped after the first failure (--fail-fast)"
    };
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(why_not.to_string())))
        .collect()
}
