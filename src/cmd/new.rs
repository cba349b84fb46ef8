//! `dossier new CANDIDATE/POSTING --from FILE|-`: a job posting's own text →
//! a draft tailoring file `profiles/<candidate>/<posting>.yaml`.
//!
//! Read (`posting::read`) → draft (`draft::tailoring`) → verify that the
//! draft loads and merges with the profile as `build` would → write it
//! without ever replacing a file (a second run, or a file that appeared
//! meanwhile, is refused). Nothing is written when anything fails.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::args::{Cli, NewArgs};
use crate::draft::tailoring::{Draft, draft};
use crate::load::Workspace;
use crate::load::workspace::is_safe_id;
use crate::model::profile::Profile;
use crate::model::{Date, Lang};
use crate::posting::source::Input;
use crate::report::MessageFormat;

pub fn run(cli: &Cli, args: &NewArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (candidate, posting) = target(&ws, &args.posting)?;
    let tfile = Path::new("profiles")
        .join(&candidate)
        .join(format!("{posting}.yaml"));
    let dest = ws.root.join(&tfile);
    if dest.exists() && !args.dry_run {
        bail!(
            "{}: already exists; `dossier new` never replaces a tailoring file — choose another \
             posting id, or delete the file first",
            tfile.display()
        );
    }

    let pfile = Path::new("profiles").join(format!("{candidate}.yaml"));
    let profile_yaml = crate::load::yaml::read_text(&ws.root.join(&pfile), &pfile)
        .map_err(|d| anyhow::anyhow!("{d}"))?;
    let profile: Profile =
        crate::load::yaml::parse(&profile_yaml, &pfile).map_err(|d| anyhow::anyhow!("{d}"))?;

    let today = Date::today_or_epoch();
    let input = Input::from_arg(&args.from);
    let (source, extracted) = crate::posting::read(&input, today)?;

    // The posting's language first; when the profile cannot be written in it
    // (texts only in the other language), the other one, with a note.
    let mut notes = Vec::new();
    let mut chosen: Option<Draft> = None;
    let mut first_problems = None;
    for lang in [extracted.language, other(extracted.language)] {
        let d = draft(&profile, &source, &extracted, lang, today);
        match crate::build::merge::merge_texts(
            &ws.root,
            (&profile_yaml, &pfile),
            (&d.yaml, &tfile),
            (&candidate, &posting),
            today,
        ) {
            Ok(_) => {
                if lang != extracted.language {
                    notes.push(format!(
                        "the posting is in {}, but the profile does not build in it; drafted in {} \
                         (add the missing translations to the profile, then set `language: {}`)",
                        name(extracted.language),
                        name(lang),
                        extracted.language.code()
                    ));
                }
                chosen = Some(d);
                break;
            }
            Err(problems) => {
                first_problems.get_or_insert(problems);
            }
        }
    }
    let Some(d) = chosen else {
        let problems = first_problems.map(|p| p.to_string()).unwrap_or_default();
        bail!(
            "the draft for {} would not build with profiles/{candidate}.yaml, so nothing was \
             written:\n  {}",
            tfile.display(),
            problems.replace('\n', "\n  ")
        );
    };

    if args.dry_run {
        std::io::stdout().lock().write_all(d.yaml.as_bytes())?;
    } else {
        std::fs::create_dir_all(dest.parent().unwrap_or(&ws.root))?;
        crate::fsio::write_new(&dest, d.yaml.as_bytes()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow::anyhow!(
                    "{}: already exists (written meanwhile by something else); nothing was replaced",
                    tfile.display()
                )
            } else {
                anyhow::Error::new(e).context(format!("{}: cannot write", tfile.display()))
            }
        })?;
        // The schema its first line names, for the editor.
        crate::model::schema::write(&ws.root).context("writing schemas/")?;
    }
    report(cli, args, &tfile, &d, &notes)?;
    Ok(0)
}

/// `candidate/posting`, or `posting` when the workspace has one candidate.
fn target(ws: &Workspace, arg: &str) -> Result<(String, String)> {
    let arg = arg.trim_end_matches(".yaml");
    let candidates = ws.candidates()?;
    let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
    let (candidate, posting) = match arg.split_once('/') {
        Some((c, p)) => (c.to_string(), p.to_string()),
        None => match ids.as_slice() {
            [one] => (one.to_string(), arg.to_string()),
            [] => bail!(
                "{}: no profiles in profiles/; add profiles/<candidate>.yaml (see `dossier init` \
                 or `dossier import`)",
                ws.root.display()
            ),
            _ => bail!(
                "\"{arg}\": name the candidate too, as CANDIDATE/{arg}; candidates: {}",
                ids.join(", ")
            ),
        },
    };
    if !ids.contains(&candidate.as_str()) {
        let hint = crate::diag::did_you_mean(&candidate, ids.iter().copied())
            .map(|b| format!("; did you mean \"{b}\"?"))
            .unwrap_or_default();
        let known = if ids.is_empty() {
            "none (add profiles/<candidate>.yaml)".to_string()
        } else {
            ids.join(", ")
        };
        bail!("unknown candidate \"{candidate}\"{hint}; candidates: {known}");
    }
    if !is_safe_id(&posting) || posting.is_empty() {
        bail!(
            "posting id \"{posting}\" must use letters, digits, `-`, `_` or `.` (it becomes the \
             file name profiles/{candidate}/<posting-id>.yaml)"
        );
    }
    Ok((candidate, posting))
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Et => Lang::En,
        Lang::En => Lang::Et,
    }
}

fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::Et => "Estonian",
        Lang::En => "English",
    }
}

fn report(cli: &Cli, args: &NewArgs, tfile: &Path, d: &Draft, notes: &[String]) -> Result<()> {
    if cli.message_format == MessageFormat::Json {
        let event = serde_json::json!({
            "event": "new",
            "file": tfile,
            "written": !args.dry_run,
            "requirements": d.requirements,
            "optional": d.optional,
            "with_evidence": d.with_evidence,
            "missing": d.missing,
            "notes": notes,
        });
        println!("{event}");
        return Ok(());
    }
    if cli.quiet {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    for n in notes {
        writeln!(err, "note: {n}")?;
    }
    let verb = if args.dry_run { "drafted" } else { "wrote" };
    writeln!(
        err,
        "{verb} {}: {} requirement lines ({} nice to have), evidence suggested for {}",
        tfile.display(),
        d.requirements,
        d.optional,
        d.with_evidence
    )?;
    if !d.missing.is_empty() {
        writeln!(err, "  not found in the posting: {}", d.missing.join(", "))?;
    }
    if !args.dry_run {
        let key = tfile
            .with_extension("")
            .strip_prefix("profiles")
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        writeln!(
            err,
            "  next: check the values against the posting, write the letter, then `dossier check {key}`"
        )?;
    }
    Ok(())
}
