//! Stage 4 — compile: run the `typst` CLI on a rendered source and put the PDF
//! in place atomically (temp file + rename), so a failed or interrupted build
//! never leaves a broken PDF and never deletes the last good one.

mod output;
mod typst;

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use crate::diag::{Diagnostic, Pos, Severity};

pub use output::{PdfInfo, content_hash, output_files, output_hash, output_info};
pub use typst::{INSTALL_HINT, Typst};

/// One compile: all paths relative to the workspace root, which is the
/// working directory of the child.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: PathBuf,
    /// The output: a PDF, or for PNG a page pattern `<stem>-{p}.png`.
    pub pdf: PathBuf,
    /// Font directories given to typst (`--font-path` each), besides its
    /// embedded fonts.
    pub font_dirs: Vec<PathBuf>,
    pub timestamp: i64,
    pub format: Format,
    /// A PDF standard typst enforces (`a-2b`, `ua-1`, …).
    pub pdf_standard: Option<String>,
}

/// What typst writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    /// One PNG per page, 144 dpi (`<name>-1.png`, `<name>-2.png`, …).
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }
}

impl Job {
    /// The arguments given to typst, the output PDF last.
    pub fn args(&self, output: &Path) -> Vec<String> {
        let mut args = vec![
            "compile".to_string(),
            "--root".to_string(),
            ".".to_string(),
            "--ignore-system-fonts".to_string(),
        ];
        for dir in &self.font_dirs {
            args.push("--font-path".to_string());
            args.push(dir.to_string_lossy().into_owned());
        }
        if self.format == Format::Png {
            args.extend(["--ppi".to_string(), "144".to_string()]);
        }
        if let Some(standard) = &self.pdf_standard
            && self.format == Format::Pdf
        {
            args.extend(["--pdf-standard".to_string(), standard.clone()]);
        }
        args.extend([
            "--creation-timestamp".to_string(),
            self.timestamp.to_string(),
            "--format".to_string(),
            self.format.extension().to_string(),
            "--diagnostic-format".to_string(),
            "short".to_string(),
            "-j".to_string(),
            "1".to_string(),
            self.source.to_string_lossy().into_owned(),
            output.to_string_lossy().into_owned(),
        ]);
        args
    }
}

/// Why a compile failed: what stopped it (`typst failed`, a timeout, an
/// interrupt), and typst's own diagnostics, each with its file and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    /// Typst's errors (short format, parsed); empty when typst said nothing
    /// or did not finish.
    pub diagnostics: Vec<Diagnostic>,
    /// Typst's error lines as it printed them, the first ones only.
    pub detail: String,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            diagnostics: Vec::new(),
            detail: String::new(),
        }
    }

    fn typst(stderr: &str) -> Failure {
        let (detail, diagnostics) = typst_errors(stderr);
        Failure {
            message: "typst failed".to_string(),
            diagnostics,
            detail,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// Run typst for `job` in `root`; on success the PDF is renamed into place.
/// The child is stopped when it exceeds `timeout` or when `cancel` is set.
pub fn compile(
    typst: &Typst,
    root: &Path,
    job: &Job,
    timeout: Duration,
    cancel: &AtomicBool,
) -> Result<PdfInfo, Failure> {
    let tmp_rel = crate::fsio::temp_path(&job.pdf);
    let mut child = Command::new(&typst.program)
        .args(job.args(&tmp_rel))
        .current_dir(root)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("TYPST_FONT_PATHS")
        .env_remove("TYPST_ROOT")
        .env_remove("TYPST_FEATURES")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group, so that stopping it also stops anything it
        // started (a wrapper script's real typst, say).
        .process_group(0)
        .spawn()
        .map_err(|e| Failure::new(format!("cannot start {}: {e}", typst.program.display())))?;
    // Read stderr on a thread so a chatty child cannot block on a full pipe.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = std::io::Read::read_to_string(e, &mut s);
        }
        s
    });
    let started = Instant::now();
    let status = loop {
        // Returns as soon as the child exits; wakes up now and then to look
        // at the clock and at Ctrl-C.
        match child.wait_timeout(Duration::from_millis(50)) {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => return Err(Failure::new(format!("cannot wait for typst: {e}"))),
        }
        let stop = if cancel.load(Ordering::Relaxed) {
            Some("the build was interrupted".to_string())
        } else if started.elapsed() > timeout {
            Some(format!(
                "typst did not finish within {} s and was stopped (--timeout)",
                timeout.as_secs()
            ))
        } else {
            None
        };
        if let Some(why) = stop {
            kill_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            output::remove_outputs(root, &tmp_rel);
            return Err(Failure::new(why));
        }
    };
    let stderr = reader.join().unwrap_or_default();
    if !status.success() {
        output::remove_outputs(root, &tmp_rel);
        return Err(Failure::typst(&stderr));
    }
    if cancel.load(Ordering::Relaxed) {
        output::remove_outputs(root, &tmp_rel);
        return Err(Failure::new("the build was interrupted"));
    }
    output::move_into_place(root, &tmp_rel, &job.pdf)
        .map_err(|e| Failure::new(format!("{e:#}")))?;
    // Read back once here, in the worker, rather than later in the main thread.
    output_info(root, &job.pdf)
        .ok_or_else(|| Failure::new(format!("cannot read back {}", job.pdf.display())))
}

/// Typst's errors (short format, one per line), the first ones only: after a
/// syntax error the rest are mostly consequences. As printed, and parsed.
fn typst_errors(stderr: &str) -> (String, Vec<Diagnostic>) {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let errors: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.contains("error:"))
        .collect();
    let shown: Vec<&str> = if errors.is_empty() {
        lines.iter().copied().take(5).collect()
    } else {
        errors.iter().copied().take(3).collect()
    };
    let mut out = shown.join("\n  ");
    if errors.len() > shown.len() {
        out.push_str(&format!(
            "\n  (and {} more errors)",
            errors.len() - shown.len()
        ));
    }
    let parsed = errors.iter().filter_map(|l| parse_diagnostic(l)).collect();
    (out, parsed)
}

/// One line of typst's short diagnostic format:
/// `file:line:col: error: message` (or `warning:`), or `error: message`.
fn parse_diagnostic(line: &str) -> Option<Diagnostic> {
    let (head, severity, message) = [
        (": error: ", Severity::Error),
        (": warning: ", Severity::Warning),
    ]
    .iter()
    .find_map(|(sep, sev)| line.split_once(sep).map(|(h, m)| (h, *sev, m)))
    .or_else(|| {
        line.strip_prefix("error: ")
            .map(|m| ("", Severity::Error, m))
    })?;
    let mut parts = head.rsplitn(3, ':');
    let (col, ln, file) = (parts.next(), parts.next(), parts.next());
    let (file, pos) = match (
        file,
        ln.and_then(|l| l.parse().ok()),
        col.and_then(|c| c.parse().ok()),
    ) {
        (Some(file), Some(line), Some(column)) => (file, Pos { line, column }),
        _ => (head, Pos::default()),
    };
    Some(
        Diagnostic::new(file, message.trim())
            .at(pos)
            .severity(severity),
    )
}

/// SIGKILL to the child's whole process group (it leads its own group).
fn kill_group(pid: u32) {
    if let Ok(pid) = i32::try_from(pid) {
        let _ = nix::sys::signal::killpg(
            nix::unistd::Pid::from_raw(pid),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_errors_become_diagnostics_with_file_and_position() {
        let stderr = "layouts/x/lib.typ:5:17: error: unclosed delimiter\n\
                      output/m/p/cv.typ:2:1: error: unknown variable: foo\n\
                      error: file not found (searched at /x)\n\
                      output/m/p/cv.typ:9:3: warning: unknown font family: nope\n";
        let (text, diags) = typst_errors(stderr);
        assert_eq!(
            text,
            "layouts/x/lib.typ:5:17: error: unclosed delimiter\n  output/m/p/cv.typ:2:1: error: unknown variable: foo\n  error: file not found (searched at /x)"
        );
        assert_eq!(diags.len(), 3);
        assert_eq!(diags[0].file, Path::new("layouts/x/lib.typ"));
        assert_eq!(
            diags[0].pos,
            Pos {
                line: 5,
                column: 17
            }
        );
        assert_eq!(diags[0].message, "unclosed delimiter");
        assert_eq!(diags[1].message, "unknown variable: foo");
        assert_eq!(diags[2].file, Path::new(""));
        assert!(!diags[2].pos.is_known());
    }
}
