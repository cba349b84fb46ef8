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
struct RecordedEvent<'a> {
    event: &'static str,
    posting: &'a str,
    dir: &'a std::path::Path,
    sent: Option<crate::model::Date>,
}

#[derive(Serialize)]
struct SummaryEvent {
    event: &'static str,
    built: usize,
    up_to_date: usize,
    failed: usize,
    sent: usize,
    held: usize,
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
        match self.format {
            MessageFormat::Json => self.finish_json(outcome, elapsed),
            MessageFormat::Human => self.finish_human(outcome, elapsed),
        }
    }

    fn finish_json(&self, outcome: &Outcome, elapsed: Duration) {
        let mut out = std::io::stdout().lock();
        let mut emit = |value: &dyn erased::Event| {
            if let Ok(line) = value.line() {
                let _ = writeln!(out, "{line}");
            }
        };
        for e in &outcome.entries {
            for d in &e.diagnostics {
                emit(&DiagnosticEvent {
                    event: "diagnostic",
                    posting: &e.posting,
                    kind: &e.kind,
                    diagnostic: d,
                });
            }
            emit(&DocumentEvent {
                event: "document",
                entry: e,
            });
        }
        for s in &outcome.recorded {
            emit(&RecordedEvent {
                event: "recorded",
                posting: &s.record.posting,
                dir: &s.dir,
                sent: s.record.sent,
            });
        }
        for b in &outcome.briefs {
            emit(&BriefEvent {
                event: "brief",
                brief: b,
            });
        }
        emit(&SummaryEvent {
            event: "summary",
            built: outcome.count(Status::Built),
            up_to_date: outcome.count(Status::UpToDate),
            failed: outcome.count(Status::Failed),
            sent: outcome.count(Status::Sent),
            held: outcome.count(Status::Held),
            seconds: elapsed.as_secs_f64(),
        });
    }

    fn finish_human(&self, outcome: &Outcome, elapsed: Duration) {
        let mut err = std::io::stderr().lock();
        let mut last_error: Option<String> = None;
        // A posting's two documents often say the same: say it once.
        let mut said: Vec<(String, String)> = Vec::new();
        for e in &outcome.entries {
            let target = e.pdf.clone().unwrap_or_default();
            let line = |label: &str, code: &str| {
                format!("{} {} {}", self.paint(code, label), e.posting, e.kind)
            };
            match e.status {
                Status::Built if !self.quiet => {
                    let _ = writeln!(err, "{} → {target}", line("     built", "32"));
                }
                Status::UpToDate if !self.quiet && self.verbose => {
                    let _ = writeln!(err, "{}", line("up to date", "2"));
                }
                Status::Sent if !self.quiet && self.verbose => {
                    let _ = writeln!(err, "{} → {target}", line("      sent", "36"));
                }
                Status::Held if !self.quiet => {
                    let _ = writeln!(err, "{}", line("      held", "33"));
                }
                Status::Failed => {
                    let head = line("    failed", "31;1");
                    // One broken profile fails every document of its
                    // candidate: say it once.
                    if e.error.is_some() && e.error == last_error {
                        let _ = writeln!(err, "{head} (same error as above)");
                        continue;
                    }
                    let _ = writeln!(err, "{head}:");
                    for l in e.error.as_deref().unwrap_or("").lines() {
                        let _ = writeln!(err, "    {l}");
                    }
                    last_error = e.error.clone();
                }
                _ => {}
            }
            if e.status != Status::Failed && !self.quiet {
                for w in &e.warnings {
                    let key = (e.posting.clone(), w.clone());
                    if said.contains(&key) {
                        continue;
                    }
                    let _ = writeln!(
                        err,
                        "{} {} {}: {w}",
                        self.paint("33", "   warning"),
                        e.posting,
                        e.kind
                    );
                    said.push(key);
                }
            }
        }
        if !self.quiet {
            for s in &outcome.recorded {
                let _ = writeln!(
                    err,
                    "{} {} as sent → {}/",
                    self.paint("36", "  recorded"),
                    s.record.posting,
                    s.dir.display()
                );
            }
            for b in &outcome.briefs {
                let written = b.status == Status::Built;
                if written || self.verbose {
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
        }
        let failed = outcome.count(Status::Failed);
        if !self.quiet || failed > 0 {
            let mut parts = vec![
                format!("{} built", outcome.count(Status::Built)),
                format!("{} up to date", outcome.count(Status::UpToDate)),
            ];
            for (status, word) in [(Status::Sent, "sent"), (Status::Held, "held")] {
                let n = outcome.count(status);
                if n > 0 {
                    parts.push(format!("{n} {word}"));
                }
            }
            parts.push(format!("{failed} failed"));
            let _ = writeln!(
                err,
                "{} in {:.2} s",
                parts.join(", "),
                elapsed.as_secs_f64()
            );
        }
    }
}

/// JSON events of different types through one writer.
mod erased {
    pub trait Event {
        fn line(&self) -> serde_json::Result<String>;
    }

    impl<T: serde::Serialize> Event for T {
        fn line(&self) -> serde_json::Result<String> {
            serde_json::to_string(self)
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
