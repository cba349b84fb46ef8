//! Compiling many documents at once: a fixed number of workers take jobs from
//! a shared counter; results come back in the input order.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::compile::{self, Typst};
use crate::pipeline::Document;

/// Compile `docs` with up to `jobs` typst processes; one result per document, in order.
pub fn compile_all(
    typst: &Typst,
    root: &Path,
    docs: &[Document],
    jobs: usize,
    timeout: Duration,
    on_done: &(dyn Fn(&Document, &Result<(), String>) + Sync),
) -> Vec<Result<(), String>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<(), String>>>> = Mutex::new(vec![None; docs.len()]);
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, docs.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(doc) = docs.get(i) else { break };
                    let r = compile::compile(typst, root, &doc.job, timeout).map_err(|e| format!("{e:#}"));
                    on_done(doc, &r);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("not compiled".to_string())))
        .collect()
}
