//! `dossier init [DIR]`: a new workspace with the example candidate, two of
//! her postings, the built-in layouts and their fonts, and the JSON Schemas
//! in `schemas/`. Existing files are kept; the schemas are brought up to date.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::args::InitArgs;
use crate::builtin;

pub fn run(args: &InitArgs) -> Result<i32> {
    let dir = args.dir.as_deref().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
    let mut written = 0;
    let mut kept = Vec::new();
    let gitignore: builtin::File = (".gitignore", b"/output\n");
    let files = builtin::EXAMPLE
        .iter()
        .chain(builtin::LAYOUTS)
        .chain(builtin::FONTS)
        .chain([&gitignore]);
    for (path, bytes) in files {
        let target = dir.join(path);
        if target.exists() {
            kept.push(*path);
            continue;
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{}: cannot create directory", parent.display()))?;
        }
        std::fs::write(&target, bytes)
            .with_context(|| format!("{}: cannot write", target.display()))?;
        written += 1;
    }
    // The schemas the example files name in their first line: generated,
    // so brought up to date rather than kept.
    let schemas = crate::model::schema::write(dir)?;
    written += schemas.iter().filter(|(_, w)| *w).count();
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "dossier workspace in {}: {written} files written",
        dir.display()
    )?;
    if !kept.is_empty() {
        writeln!(err, "kept as they were: {}", kept.join(", "))?;
    }
    writeln!(
        err,
        "next: edit profiles/mari.yaml (or rename it to your name), draft a tailoring file from each posting's own text with `dossier -C {d} new mari/<posting> --from ad.pdf` (or .md, .txt, .html), then run `dossier -C {d} build`",
        d = dir.display()
    )?;
    Ok(0)
}
