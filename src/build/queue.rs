//! Compiling many documents: `jobs` typst processes at once, taking
//! documents from the one work queue of the program (`par::map`). Results
//! come back in input order, whatever the completion order.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{Document, Progress};
use crate::compile::{self, Failure, PdfInfo, Typst};
use crate::manifest::Manifest;

/// Whether `doc`'s output on disk was built from exactly the same inputs.
pub fn is_up_to_date(root: &Path, doc: &Document, previous: &Manifest) -> bool {
    let Some(prev) = previous.find(&doc.posting, doc.kind.name()) else {
        return false;
    };
    let pdf = doc.job.pdf.to_string_lossy();
    prev.fingerprint.as_deref() == Some(doc.fingerprint.as_str())
        && prev.pdf.as_deref() == Some(pdf.as_ref())
        && prev.pdf_hash.is_some()
        && compile::output_hash(root, &doc.job.pdf) == prev.pdf_hash
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
/// because of `fail_fast` or an interrupt gets a failure saying so.
pub fn compile_all(
    docs: &[&Document],
    s: &Settings,
    progress: &dyn Progress,
) -> Vec<Result<PdfInfo, Failure>> {
    let failed = AtomicBool::new(s.failed_already);
    crate::par::map(
        docs,
        s.jobs,
        || (),
        |(), doc| {
            if s.cancel.load(Ordering::Relaxed) {
                return Err(Failure::new("not built: the build was interrupted"));
            }
            if s.fail_fast && failed.load(Ordering::Relaxed) {
                return Err(Failure::new(
                    "not built: stopped after the first failure (--fail-fast)",
                ));
            }
            progress.compiling(doc);
            let r = compile::compile(s.typst, s.root, &doc.job, s.timeout, s.cancel);
            if r.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            progress.compiled(doc);
            r
        },
    )
}
