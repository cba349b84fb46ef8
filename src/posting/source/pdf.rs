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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::model::Date;
    use crate::posting::{self, source::Format, source::Input};

    /// Typst, to make a PDF on the fly: the one beside cargo, or on PATH.
    fn typst() -> Option<PathBuf> {
        let beside_cargo = std::env::var_os("HOME")
            .map(|h| PathBuf::from(h).join(".cargo/bin/typst"))
            .filter(|p| p.is_file());
        beside_cargo.or_else(|| {
            std::process::Command::new("typst")
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| PathBuf::from("typst"))
        })
    }

    fn compile(dir: &Path, name: &str, source: &str) -> Option<PathBuf> {
        let typst = typst()?;
        let typ = dir.join(format!("{name}.typ"));
        let pdf = dir.join(format!("{name}.pdf"));
        std::fs::write(&typ, source).ok()?;
        let ok = std::process::Command::new(typst)
            .arg("compile")
            .arg(&typ)
            .arg(&pdf)
            .status()
            .ok()?
            .success();
        ok.then_some(pdf)
    }

    #[test]
    fn a_pdf_posting_is_read_through_pdftotext() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Some(pdf) = compile(
            dir.path(),
            "posting",
            "= Nõuded\n\n- kõrgharidus\n- vähemalt kolmeaastane töökogemus infosüsteemide arendamisel ja haldamisel meie suures asutuses\n\nKandideerimise tähtaeg: 15.01.2026\n",
        ) else {
            eprintln!("skipped: typst is not installed");
            return;
        };
        let (source, got) =
            posting::read(&Input::File(pdf), Date::ymd(2025, 12, 1)).expect("a PDF with text");
        assert_eq!(source.format, Format::Pdf);
        assert_eq!(got.deadline.map(|d| d.value), Some(Date::ymd(2026, 1, 15)));
        let texts: Vec<&str> = got
            .requirements
            .iter()
            .map(|r| r.value.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "kõrgharidus",
                "vähemalt kolmeaastane töökogemus infosüsteemide arendamisel ja haldamisel meie suures asutuses"
            ]
        );
    }

    #[test]
    fn an_image_only_pdf_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Some(pdf) = compile(
            dir.path(),
            "scan",
            "#rect(width: 3cm, height: 2cm, fill: blue)\n",
        ) else {
            eprintln!("skipped: typst is not installed");
            return;
        };
        let e = posting::read(&Input::File(pdf), Date::ymd(2025, 12, 1)).unwrap_err();
        assert!(format!("{e:#}").contains("holds no text"), "{e:#}");
    }
}
