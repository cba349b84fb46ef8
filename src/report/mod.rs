//! Stage 5 — report: progress while compiling, then every document's outcome
//! in a stable (sorted) order and a summary. Human text on stderr (a progress
//! bar on a terminal, plain lines elsewhere), or JSON lines on stdout.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::build::{Document, Outcome, Progress};
use crate::diag::Diagnostic;
use crate::manifest::{Entry, Status};

pub mod check;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    Human,
    Json,
}

pub struct Reporter {
    format: MessageFormat,
    quiet: bool,
    verbose: bool,
    color: bool,
    bar: Mutex<Option<ProgressBar>>,
}

#[derive(Serialize)]
struct DocumentEvent<'a> {
    event: &'static str,
    #[serde(flatten)]
    entry: &'a Entry,
}

/// One problem of a failed document, as its own record (as cargo's
/// `compiler-message`): file, line, column, field and message as values.
#[derive(Serialize)]
struct DiagnosticEvent<'a> {
    event: &'static str,
    posting: &'a str,
    kind: &'a str,
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
}

#[derive(Serialize)]
struct BriefEvent<'a> {
    event: &'static str,
    #[serde(flatten)]
    brief: &'a crate::manifest::Brief,
}

#[derive(Serialize)]
struct SummaryEvent {
    event: &'static str,
    built: usize,
    up_to_date: usize,
    failed: usize,
    seconds: f64,
}

impl Reporter {
    pub fn new(format: MessageFormat, quiet: bool, verbose: bool) -> Reporter {
        let terminal = std::io::stderr().is_terminal();
        Reporter {
            format,
            quiet,
            verbose,
            color: terminal && std::env::var_os("NO_COLOR").is_none(),
            bar: Mutex::new(None),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Every outcome (sorted by the caller), then the totals.
    pub fn finish(&self, outcome: &Outcome, elapsed: Duration) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut b| b.take()) {
            bar.finish_and_clear();
        }
        let entries = &outcome.entries;
        let count = |s: Status| entries.iter().filter(|e| e.status == s).count();
        let (built, up_to_date, failed) = (
            count(Status::Built),
            count(Status::UpToDate),
            count(Status::Failed),
        );
        match self.format {
            MessageFormat::Json => {
                let mut out = std::io::stdout().lock();
                for e in entries {
                    for d in &e.diagnostics {
                        if let Ok(line) = serde_json::to_string(&DiagnosticEvent {
                            event: "diagnostic",
                            posting: &e.posting,
                            kind: &e.kind,
                            diagnostic: d,
                        }) {
                            let _ = writeln!(out, "{line}");
                        }
                    }
                    if let Ok(line) = serde_json::to_string(&DocumentEvent {
                        event: "document",
                        entry: e,
                    }) {
                        let _ = writeln!(out, "{line}");
                    }
                }
                for b in &outcome.briefs {
                    if let Ok(line) = serde_json::to_string(&BriefEvent {
                        event: "brief",
                        brief: b,
                    }) {
                        let _ = writeln!(out, "{line}");
                    }
                }
                let summary = SummaryEvent {
                    event: "summary",
                    built,
                    up_to_date,
                    failed,
                    seconds: elapsed.as_secs_f64(),
                };
                if let Ok(line) = serde_json::to_string(&summary) {
                    let _ = writeln!(out, "{line}");
                }
            }
            MessageFormat::Human => {
                let mut err = std::io::stderr().lock();
                let mut last_error: Option<String> = None;
                for e in entries {
                    let target = e.pdf.clone().unwrap_or_default();
                    match e.status {
                        Status::Built if !self.quiet => {
                            let _ = writeln!(
                                err,
                                "{} {} {} → {target}",
                                self.paint("32", "     built"),
                                e.posting,
                                e.kind
                            );
                        }
                        Status::UpToDate if !self.quiet && self.verbose => {
                            let _ = writeln!(
                                err,
                                "{} {} {}",
                                self.paint("2", "up to date"),
                                e.posting,
                                e.kind
                            );
                        }
                        Status::Failed => {
                            let head = format!(
                                "{} {} {}",
                                self.paint("31;1", "    failed"),
                                e.posting,
                                e.kind
                            );
                            // One broken profile fails every document of its
                            // candidate: say it once.
                            if e.error.is_some() && e.error == last_error {
                                let _ = writeln!(err, "{head} (same error as above)");
                                continue;
                            }
                            let _ = writeln!(err, "{head}:");
                            for line in e.error.as_deref().unwrap_or("").lines() {
                                let _ = writeln!(err, "    {line}");
                            }
                            last_error = e.error.clone();
                        }
                        _ => {}
                    }
                    if e.status != Status::Failed && !self.quiet {
                        for w in &e.warnings {
                            let _ = writeln!(
                                err,
                                "{} {} {}: {w}",
                                self.paint("33", "   warning"),
                                e.posting,
                                e.kind
                            );
                        }
                    }
                }
                for b in &outcome.briefs {
                    let written = b.status == Status::Built;
                    if !self.quiet && (written || self.verbose) {
                        let label = if written { "     brief" } else { "up to date" };
                        let _ = writeln!(
                            err,
                            "{} {} → {}",
                            self.paint(if written { "32" } else { "2" }, label),
                            b.posting,
                            b.path
                        );
                    }
                }
                if !self.quiet || failed > 0 {
                    let _ = writeln!(
                        err,
                        "{built} built, {up_to_date} up to date, {failed} failed in {:.2} s",
                        elapsed.as_secs_f64()
                    );
                }
            }
        }
    }
}

impl Progress for Reporter {
    fn waiting(&self, pid: Option<u32>) {
        if !self.quiet {
            let who = pid.map(|p| format!(" (pid {p})")).unwrap_or_default();
            eprintln!("waiting for another dossier{who} to finish writing output/ …");
        }
    }

    /// A progress bar for `total` compiles, on a terminal only.
    fn start(&self, total: usize) {
        if self.format == MessageFormat::Human && !self.quiet && self.color && total > 0 {
            let bar = ProgressBar::new(total as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            if let Ok(mut slot) = self.bar.lock() {
                *slot = Some(bar);
            }
        }
    }

    fn compiling(&self, doc: &Document) {
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.set_message(format!("{} {}", doc.posting, doc.kind));
        }
    }

    fn compiled(&self, _doc: &Document) {
        if let Ok(slot) = self.bar.lock()
            && let Some(bar) = slot.as_ref()
        {
            bar.inc(1);
        }
    }
}
