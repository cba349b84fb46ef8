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
    if let Some(mut stdin) = child.stdin.take() {
        if matches!(input, Input::Stdin) {
            // A write error shows up as pdftotext's own failure below.
            let _ = stdin.write_all(bytes);
        }
    }
    let out = child
        .wait_with_output()
        .with_context(|| format!("pdftotext failed on {name}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!("{name}: pdftotext cannot read it: {}", err.trim());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
