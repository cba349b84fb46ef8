//! Helpers for end-to-end tests: a copy of the example workspace in a temp
//! directory, the real `dossier` binary, the real typst, and poppler's
//! pdftotext/pdfinfo to read the PDFs back.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_dossier");

/// The repository root, which is also the example workspace.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh temp directory holding `profiles/` and `layouts/` of the example.
pub fn example_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("profiles"), &dir.path().join("profiles"));
    copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
    dir
}

/// The example workspace with no posting marked sent (the submitted one set
/// back to `ready`): for tests of how documents are rebuilt, which a sent
/// posting's never are.
pub fn example_workspace_unsent() -> tempfile::TempDir {
    let dir = example_workspace();
    unsend(dir.path());
    dir
}

/// Set every posting of the workspace at `ws` that is marked sent back to `ready`.
pub fn unsend(ws: &Path) {
    let postings = ws.join("profiles/mari");
    for e in std::fs::read_dir(&postings).expect("read_dir") {
        let path = e.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let unsent: String = text
            .lines()
            .filter(|l| !l.starts_with("submitted:"))
            .map(|l| {
                if l.starts_with("status: submitted") {
                    "status: ready"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&path, unsent + "\n").expect("write");
    }
}

/// A temp workspace with only the layouts (write your own profiles).
pub fn empty_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("profiles")).expect("mkdir");
    copy_dir(&repo().join("layouts"), &dir.path().join("layouts"));
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

pub fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// Run dossier in `dir` with `args`.
pub fn dossier(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["-C", dir.to_str().expect("utf-8 path")])
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run dossier")
}

/// Run dossier in `dir` with `args` on a fixed day (`SOURCE_DATE_EPOCH`).
pub fn dossier_on(dir: &Path, epoch: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["-C", dir.to_str().expect("utf-8 path")])
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run dossier")
}

/// Replace the `cv.headline` of a tailoring file: an edit that changes the
/// CV only, the text easy to find in the PDF.
pub fn set_headline(tailoring: &Path, headline: &str) {
    let text = std::fs::read_to_string(tailoring).expect("read");
    let line = text
        .lines()
        .find(|l| l.starts_with("  headline: "))
        .expect("a cv.headline line")
        .to_string();
    write(
        tailoring,
        &text.replace(&line, &format!("  headline: {headline}")),
    );
}

/// Every file below `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The PDFs below `dir`, recursively, sorted.
pub fn pdfs_under(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `pdftotext -raw`: the text in content-stream order, which is Typst's
/// logical order. The default mode (`pdf_text`) is only used for strings
/// inside longer lines: it joins a line ending in `-` with the next one, dropping the hyphen
/// (`ab-` → `ab`), and on a line whose every gap is one space between single
/// characters it takes the gaps for letter-spacing and drops them
/// (`2 * 3 = 6` → `2*3=6`), although `pdftotext -bbox` shows the glyphs and
/// the space-wide gaps exactly where Typst put them.
pub fn pdf_text_raw(pdf: &Path) -> String {
    pdftotext(pdf, &["-raw"])
}

/// Plain `pdftotext` (reading order, no -layout).
pub fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// `pdftotext FLAGS PDF -`, its text (poppler-utils must be installed).
pub fn pdftotext(pdf: &Path, flags: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(flags)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// `pdfinfo` fields, e.g. `Pages`, `Title`, `Author`, `Keywords`.
pub fn pdf_info(pdf: &Path) -> std::collections::BTreeMap<String, String> {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) installed");
    assert!(out.status.success(), "pdfinfo failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

pub fn pages(pdf: &Path) -> usize {
    pdf_info(pdf)
        .get("Pages")
        .and_then(|p| p.parse().ok())
        .expect("page count")
}

/// All whitespace runs as one space, for comparing text across line breaks.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema file the first line of a YAML file names for the YAML language
/// server (`# yaml-language-server: $schema=REL`), resolved against the
/// file's folder; `None` when the first line names none.
pub fn schema_named_by(yaml: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(yaml).expect("read");
    let rel = text
        .lines()
        .next()?
        .strip_prefix("# yaml-language-server: $schema=")?;
    Some(yaml.parent()?.join(rel))
}

/// Assert that the first line of `yaml` names `schemas/<kind>.schema.json`
/// of the workspace `root`, and that the file exists.
pub fn assert_names_schema(yaml: &Path, root: &Path, kind: &str) {
    let named = schema_named_by(yaml)
        .unwrap_or_else(|| panic!("{}: first line names no schema", yaml.display()));
    let want = root.join(format!("schemas/{kind}.schema.json"));
    assert!(
        named.is_file(),
        "{}: {} does not exist",
        yaml.display(),
        named.display()
    );
    assert_eq!(
        named.canonicalize().expect("canonical"),
        want.canonicalize().expect("canonical"),
        "{}",
        yaml.display()
    );
}

/// A file or folder of the outside reference data, `../shared/reference/`
/// beside the checkout (CI has it there). `None` when it is absent: the
/// caller skips, after this has said so. With `CI=true` an absent folder
/// fails the test instead: CI must never skip it.
pub fn shared_reference(rel: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/reference").join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is absent, and CI=true: the reference data must be beside the checkout",
        path.display()
    );
    eprintln!(
        "skipped: {} is absent (the outside reference data)",
        path.display()
    );
    None
}
