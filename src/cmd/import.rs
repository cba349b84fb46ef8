//! `dossier import json-resume FILE`: a JSON Resume document → a profile
//! (`profiles/<candidate>.yaml`) and, if the candidate has no postings yet, a
//! starter posting, so that `dossier build` works at once.

use std::io::Write;

use anyhow::{Context, Result, bail};

use crate::args::{Cli, ImportArgs};
use crate::import;
use crate::load::Workspace;
use crate::load::workspace::is_safe_id;

const STARTER: &str = r#"# A starter posting: copy this file for every job you apply to.
language: en
layout: classic
status: draft
posting:
  organization: Example Ltd
  short_name: EXAMPLE
  position: "{position}"
letter:
  body: |
    I am writing to apply for the position of {{ posting.position }} at {{ posting.organization }}.

    Write here why you want this job and what you bring to it.
"#;

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<i32> {
    let root = match Workspace::find(cli.dir.as_deref()) {
        Ok(ws) => ws.root,
        // Importing is a way to start: make the current directory a workspace.
        Err(_) if cli.dir.is_none() => std::env::current_dir()?,
        Err(e) => return Err(e),
    };
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("{}: cannot read", args.file.display()))?;
    let (yaml, notes) =
        import::json_resume_to_yaml(&text).with_context(|| format!("{}", args.file.display()))?;
    let name = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| {
            v.pointer("/basics/name")
                .and_then(|n| n.as_str())
                .map(str::to_string)
        })
        .unwrap_or_default();
    let id = match &args.candidate {
        Some(id) => id.clone(),
        None => crate::naming::file_part(&name)
            .to_lowercase()
            .replace('_', "-"),
    };
    if !is_safe_id(&id) {
        bail!(
            "candidate id \"{id}\" must use letters, digits, `-`, `_` or `.`; pass --candidate ID"
        );
    }
    let profile = root.join("profiles").join(format!("{id}.yaml"));
    if profile.exists() && !args.force {
        bail!(
            "{}: already exists; pass --force to replace it",
            profile.display()
        );
    }
    std::fs::create_dir_all(root.join("profiles").join(&id))?;
    std::fs::write(&profile, yaml)
        .with_context(|| format!("{}: cannot write", profile.display()))?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "wrote profiles/{id}.yaml")?;
    let postings = root.join("profiles").join(&id);
    let has_postings = std::fs::read_dir(&postings)?
        .flatten()
        .any(|e| e.path().extension().is_some_and(|x| x == "yaml"));
    if !has_postings {
        let position = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| {
                v.pointer("/basics/label")
                    .and_then(|n| n.as_str())
                    .map(str::to_string)
            })
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| "Position".to_string());
        let starter = STARTER.replace("{position}", &position.replace(['"', '\\'], ""));
        std::fs::write(postings.join("example.yaml"), starter)?;
        writeln!(err, "wrote profiles/{id}/example.yaml (a starter posting)")?;
    }
    for n in &notes {
        writeln!(err, "note: {n}")?;
    }
    Ok(0)
}
