//! The JSON Schemas of a profile and a tailoring file, derived from the
//! model types, and where a workspace keeps them: `schemas/*.schema.json`,
//! which every profile and tailoring file names in its first line for the
//! YAML language server (`# yaml-language-server: $schema=…`).

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::args::SchemaKind;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;

/// The workspace folder of the schema files.
pub const DIR: &str = "schemas";

pub const KINDS: [SchemaKind; 2] = [SchemaKind::Profile, SchemaKind::Tailoring];

/// The schema of `kind`, as a JSON value.
pub fn schema(kind: SchemaKind) -> serde_json::Value {
    let mut schema = match kind {
        SchemaKind::Profile => schemars::schema_for!(Profile),
        SchemaKind::Tailoring => schemars::schema_for!(Tailoring),
    };
    let title = match kind {
        SchemaKind::Profile => "dossier master profile (profiles/<candidate>.yaml)",
        SchemaKind::Tailoring => "dossier tailoring file (profiles/<candidate>/<posting-id>.yaml)",
    };
    schema.insert("title".into(), title.into());
    schema.to_value()
}

/// The schema of `kind` as the file text: pretty JSON and a final newline,
/// exactly what `dossier schema KIND` prints.
pub fn text(kind: SchemaKind) -> Result<String> {
    Ok(format!(
        "{}\n",
        serde_json::to_string_pretty(&schema(kind))?
    ))
}

/// `schemas/profile.schema.json` or `schemas/tailoring.schema.json`,
/// relative to the workspace root.
pub fn file(kind: SchemaKind) -> PathBuf {
    let name = match kind {
        SchemaKind::Profile => "profile.schema.json",
        SchemaKind::Tailoring => "tailoring.schema.json",
    };
    Path::new(DIR).join(name)
}

/// The first line of a file of `kind`, pointing the YAML language server at
/// its schema: profiles are `profiles/<c>.yaml`, tailoring files one folder
/// deeper.
pub fn modeline(kind: SchemaKind) -> String {
    let up = match kind {
        SchemaKind::Profile => "../",
        SchemaKind::Tailoring => "../../",
    };
    format!(
        "# yaml-language-server: $schema={up}{}",
        file(kind).display()
    )
}

/// Write both schema files below `root`, each only when its content
/// changed. Returns every file (relative to `root`) and whether it was written.
pub fn write(root: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let dir = root.join(DIR);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("{}: cannot create directory", dir.display()))?;
    KINDS
        .iter()
        .map(|&kind| {
            let rel = file(kind);
            let written = crate::fsio::write_if_changed(&root.join(&rel), text(kind)?.as_bytes())?;
            Ok((rel, written))
        })
        .collect()
}
