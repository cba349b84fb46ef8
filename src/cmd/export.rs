//! `dossier export json-resume|europass CANDIDATE[/POSTING] [--lang L]
//! [--posting P] [-o FILE]`: the profile (or a posting's CV) as a JSON Resume
//! document or Europass XML, on standard output or written whole to FILE. Reads only; an unknown candidate or posting, or a profile
//! or tailoring file that does not load and merge, is an error (exit 2).

use std::io::Write;
use std::sync::Arc;

use anyhow::{Result, bail};

use crate::args::{Cli, ExportArgs, ExportFormat};
use crate::build::merge;
use crate::export;
use crate::load::{Candidate, PostingFile, Workspace};

pub fn run(cli: &Cli, args: &ExportArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let candidates = ws.candidates()?;
    // `mari/ringist-valja` names the candidate and the posting at once.
    let (candidate_name, posting_name) = match args.candidate.split_once('/') {
        Some(_) if args.posting.is_some() => bail!(
            "\"{}\" names a posting already; leave out --posting",
            args.candidate
        ),
        Some((c, _)) => (c, Some(args.candidate.as_str())),
        None => (args.candidate.as_str(), args.posting.as_deref()),
    };
    let candidate = find_candidate(&candidates, candidate_name)?;
    let loaded = merge::load_profile(&ws, &candidate.id, &candidate.profile)
        .map_err(|d| anyhow::anyhow!("{d}"))?;
    let context = match posting_name {
        Some(name) => {
            let posting = find_posting(candidate, name)?;
            let merged =
                merge::merge_posting(&ws, &Arc::new(loaded), posting, super::check::today())
                    .map_err(|d| anyhow::anyhow!("{d}"))?;
            let ctx = merged.tailored.context;
            if let Some(lang) = args.lang
                && lang != ctx.lang
            {
                bail!(
                    "posting \"{}\" is in `{}`; --lang {lang} does not apply (export it without --lang)",
                    posting.key(),
                    ctx.lang
                );
            }
            (ctx, merged.profile)
        }
        None => {
            let lang = args
                .lang
                .unwrap_or_else(|| export::default_lang(&loaded.profile));
            let ctx = export::whole_profile(
                &ws.root,
                &candidate.id,
                (&loaded.profile, &loaded.file),
                lang,
            )
            .map_err(|d| anyhow::anyhow!("{d}"))?;
            (ctx, Arc::new(loaded))
        }
    };
    let (ctx, loaded) = context;
    let text = match args.format {
        ExportFormat::JsonResume => {
            let resume = export::json_resume::resume(&loaded.profile, &ctx);
            export::json_resume::to_string(&resume)
        }
        // The same XML a europass CV of this context carries.
        ExportFormat::Europass => crate::europass::to_xml(&ctx),
    };
    match &args.output {
        Some(path) => {
            crate::fsio::write_atomic(path, text.as_bytes())?;
            if !cli.quiet {
                eprintln!("wrote {}", path.display());
            }
        }
        None => match std::io::stdout().lock().write_all(text.as_bytes()) {
            // `dossier export … | head`: the reader has all it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            r => r?,
        },
    }
    Ok(0)
}

/// The candidate named `name` (`mari` or `mari.yaml`); an unknown one is an
/// error naming the closest and all known.
fn find_candidate<'a>(candidates: &'a [Candidate], name: &str) -> Result<&'a Candidate> {
    let name = name.trim_end_matches(".yaml");
    if let Some(c) = candidates.iter().find(|c| c.id == name) {
        return Ok(c);
    }
    if candidates.is_empty() {
        bail!("no profiles in profiles/; add profiles/<candidate>.yaml (see `dossier init`)");
    }
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    let hint = crate::diag::did_you_mean(name, ids.iter().copied())
        .map(|b| format!("; did you mean \"{b}\"?"))
        .unwrap_or_default();
    bail!(
        "unknown candidate \"{name}\"{hint}; known: {}",
        ids.join(", ")
    )
}

/// The candidate's posting `name` (`posting-id` or `candidate/posting-id`).
fn find_posting<'a>(candidate: &'a Candidate, name: &str) -> Result<&'a PostingFile> {
    let name = name.trim_end_matches(".yaml");
    let id = match name.split_once('/') {
        Some((c, id)) if c == candidate.id => id,
        Some((c, _)) => bail!(
            "posting \"{name}\" belongs to candidate \"{c}\", not \"{}\"",
            candidate.id
        ),
        None => name,
    };
    if let Some(p) = candidate.postings.iter().find(|p| p.id == id) {
        return Ok(p);
    }
    let ids: Vec<&str> = candidate.postings.iter().map(|p| p.id.as_str()).collect();
    let hint = crate::diag::did_you_mean(id, ids.iter().copied())
        .map(|b| format!("; did you mean \"{b}\"?"))
        .unwrap_or_default();
    let known = if ids.is_empty() {
        "(none)".to_string()
    } else {
        ids.join(", ")
    };
    bail!(
        "unknown posting \"{id}\" of candidate \"{}\"{hint}; known: {known}",
        candidate.id
    )
}
