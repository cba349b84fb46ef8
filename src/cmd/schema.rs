//! `dossier schema profile|tailoring`: the JSON Schema of a file, for editor
//! completion and checking (e.g. `# yaml-language-server: $schema=…`).

use anyhow::Result;

use crate::args::{SchemaArgs, SchemaKind};
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;

pub fn run(args: &SchemaArgs) -> Result<i32> {
    println!("{}", serde_json::to_string_pretty(&schema(args.kind))?);
    Ok(0)
}

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
