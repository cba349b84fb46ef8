//! A PDF posting → text, through poppler's `pdftotext` (default reading
//! order, not `-layout`: layout mode pads columns with spaces, which would
//! glue a bullet list and its neighbouring column into one line).

use std::io::Write;
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use super::Input;

pub fn to_text(input: &Input, bytes: &[u8]) -> anyhow::Result<String> {
    let name = input.name();
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]);
    match input {
        Input::File(p) => cmd.arg(p),
        // pdftotext reads the PDF from standard input when its name is `-`.
        Input::Stdin => cmd.arg("-"),
    };
    cmd.arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "{name} is a PDF, and reading it needs pdftotext, which is not installed: install poppler-utils (apt install poppler-utils)"
        ),
        Err(e) => return Err(e).context(format!("cannot run pdftotext on {name}")),
    };
    // Standard input's PDF is fed from a thread, so that pdftotext's output
    // can never fill its pipe while we are still writing; for a file the
    // pipe is closed unused.
    let stdin = child.stdin.take();
    let out = std::thread::scope(|scope| {
        if let (Some(mut stdin), Input::Stdin) = (stdin, input) {
            // A write error shows up as pdftotext's own failure below.
            scope.spawn(move || {
                let _ = stdin.write_all(bytes);
            });
        }
        child.wait_with_output()
    });
    let out = out.with_context(|| format!("pdftotext failed on {name}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!("{name}: pdftotext cannot read it: {}", err.trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
