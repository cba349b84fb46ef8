//! Stage 5 — report: what was built and what failed, on stderr.

use std::io::{IsTerminal, Write};
use std::time::Duration;

use crate::pipeline::{Document, Failure};

pub struct Reporter {
    quiet: bool,
    color: bool,
}

impl Reporter {
    pub fn new(quiet: bool) -> Reporter {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Reporter { quiet, color }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    /// One line per compiled document.
    pub fn document(&self, doc: &Document, result: &Result<(), String>) {
        if result.is_ok() && !self.quiet {
            let line = format!("{} {} {} → {}", self.paint("32", "   built"), doc.posting, doc.kind.name(), doc.job.pdf.display());
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        }
    }

    /// Every failure with its reason, then the totals.
    pub fn summary(&self, built: usize, failures: &[Failure], elapsed: Duration) {
        let mut err = std::io::stderr().lock();
        for f in failures {
            let what = f.kind.map(|k| format!(" {}", k.name())).unwrap_or_default();
            let _ = writeln!(err, "{} {}{what}:", self.paint("31;1", "  failed"), f.posting);
            for line in f.message.lines() {
                let _ = writeln!(err, "    {line}");
            }
        }
        if !self.quiet || !failures.is_empty() {
            let _ = writeln!(
                err,
                "{built} built, {} failed in {:.2} s",
                failures.len(),
                elapsed.as_secs_f64()
            );
        }
    }
}
