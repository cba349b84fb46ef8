//! `dossier schema profile|tailoring`: the JSON Schema of a file on stdout;
//! `dossier schema --write`: both into the workspace's `schemas/`, which the
//! first line of every profile and tailoring file names for the editor
//! (`# yaml-language-server: $schema=…`; see `crate::model::schema`).

use std::io::Write;

use anyhow::Result;

use crate::args::{Cli, SchemaArgs};
use crate::load::Workspace;

pub use crate::model::schema::schema;

pub fn run(cli: &Cli, args: &SchemaArgs) -> Result<i32> {
    if let Some(kind) = args.kind {
        print!("{}", crate::model::schema::text(kind)?);
        return Ok(0);
    }
    let ws = Workspace::find(cli.dir.as_deref())?;
    let files = crate::model::schema::write(&ws.root)?;
    if !cli.quiet {
        report(&files)?;
    }
    Ok(0)
}

/// One line per schema file on stderr: written, or already up to date.
pub fn report(files: &[(std::path::PathBuf, bool)]) -> Result<()> {
    let mut err = std::io::stderr().lock();
    for (path, written) in files {
        if *written {
            writeln!(err, "wrote {}", path.display())?;
        } else {
            writeln!(err, "{} is up to date", path.display())?;
        }
    }
    Ok(())
}
