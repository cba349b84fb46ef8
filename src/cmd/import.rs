//! `dossier import json-resume FILE`: a JSON Resume document → a profile
//! (`dossier import europass FILE`: a Europass CV, XML or PDF, the same way)
//! (`profiles/<candidate>.yaml`) and, if the candidate has no postings yet, a
//! starter posting, so that `dossier build` works at once. Nothing is written
//! unless the profile and the posting load, check and merge — and, when the
//! candidate has postings already, unless every one of them merges with the
//! new profile (else exit 1, naming each posting's problems).

use std::io::Write;

use anyhow::{Context, Result, bail};

use crate::args::{Cli, ImportArgs, ImportFormat};
use crate::import;
use crate::load::Workspace;
use crate::load::workspace::is_safe_id;
use crate::model::markup;

pub fn run(cli: &Cli, args: &ImportArgs) -> Result<i32> {
    let root = match Workspace::find(cli.dir.as_deref()) {
        Ok(ws) => ws.root,
        // Importing is a way to start: make the current directory a workspace.
        Err(_) if cli.dir.is_none() => std::env::current_dir()?,
        Err(e) => return Err(e),
    };
    let imported = match args.format {
        ImportFormat::JsonResume => {
            let text = std::fs::read_to_string(&args.file)
                .with_context(|| format!("{}: cannot read", args.file.display()))?;
            import::json_resume(&text).map_err(|e| {
                // A syntax error reads `file:line:column: …`, like every other.
                match e.downcast_ref::<import::jsonc::SyntaxError>() {
                    Some(s) => anyhow::anyhow!("{}:{s}", args.file.display()),
                    None => e.context(args.file.display().to_string()),
                }
            })?
        }
        ImportFormat::Europass => {
            let (imported, source) = crate::europass::import(&args.file)?;
            if let crate::europass::Source::Pdf(name) = source {
                writeln!(
                    std::io::stderr(),
                    "note: read {name}, the Europass XML the PDF carries"
                )?;
            }
            imported
        }
    };
    let id = match &args.candidate {
        Some(id) => id.clone(),
        None => {
            let plain = markup::plain(&imported.name);
            let id = crate::naming::file_part(&plain)
                .to_lowercase()
                .replace('_', "-");
            if id.is_empty() {
                "candidate".to_string()
            } else {
                id
            }
        }
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
    let postings = root.join("profiles").join(&id);
    let has_postings = !import::postings(&root, &id).is_empty();
    let starter = import::starter_posting(imported.headline.as_deref().unwrap_or(""));

    let mut err = std::io::stderr().lock();
    for n in &imported.notes {
        writeln!(err, "note: {n}")?;
    }
    import::verify(&imported, &root, &id, &starter)
        .with_context(|| format!("{}", args.file.display()))?;
    // The postings already there must build with the new profile, as
    // `dossier build` would merge them.
    let broken = import::posting_problems(&imported, &root, &id);
    if !broken.is_empty() {
        writeln!(
            err,
            "error: {}: {} of the postings in profiles/{id}/ would not build with the imported \
             profile, so nothing was written:",
            args.file.display(),
            broken.len()
        )?;
        for (file, problems) in &broken {
            writeln!(err, "  {}:", file.display())?;
            writeln!(err, "    {}", problems.to_string().replace('\n', "\n    "))?;
        }
        writeln!(
            err,
            "hint: these postings name ids (jobs, skills, highlights, …) that the imported \
             profile lacks; import under another name with --candidate NAME to keep both, or \
             edit the postings to name the ids of the imported profile"
        )?;
        return Ok(crate::cmd::EXIT_FAILED);
    }

    std::fs::create_dir_all(&postings)?;
    std::fs::write(&profile, &imported.yaml)
        .with_context(|| format!("{}: cannot write", profile.display()))?;
    writeln!(err, "wrote profiles/{id}.yaml")?;
    if !has_postings {
        std::fs::write(postings.join("example.yaml"), starter)?;
        writeln!(err, "wrote profiles/{id}/example.yaml (a starter posting)")?;
    }
    // The schemas the first lines of both files name, for the editor.
    for (path, written) in crate::model::schema::write(&root)? {
        if written {
            writeln!(err, "wrote {}", path.display())?;
        }
    }
    Ok(0)
}
