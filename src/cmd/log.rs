//! `dossier log POSTING KIND`: one event appended to the posting's tailoring
//! file, every other byte of it kept (see [`crate::track::insert`]). A bad
//! kind or date is refused before the file is read; the result is parsed
//! again, and written whole or not at all.

use anyhow::{Result, anyhow, bail};

use crate::args::{Cli, LogArgs};
use crate::load::{Workspace, yaml};
use crate::model::Date;
use crate::model::event::{EventKind, When};
use crate::model::tailoring::Tailoring;
use crate::track::{self, Sending, Settings, insert};

pub fn run(cli: &Cli, args: &LogArgs) -> Result<i32> {
    let kind = EventKind::parse(&args.kind).map_err(|e| anyhow!(e))?;
    let today = Date::today_or_epoch();
    let date = match &args.date {
        Some(d) => When::parse(d).map_err(|e| anyhow!("--date: {e}"))?,
        None => When::day(today),
    };
    let ws = Workspace::find(cli.dir.as_deref())?;
    let settings = Settings::load(&ws.root).map_err(|d| anyhow!("{d}"))?;
    let (_, postings) = super::select(&ws, std::slice::from_ref(&args.posting))?;
    let p = match postings.as_slice() {
        [p] => p,
        many => bail!(
            "\"{}\" names postings of several candidates; name one: {}",
            args.posting,
            many.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ")
        ),
    };
    let shown = ws.shown(&p.path);
    let text = yaml::read_text(&p.path, &shown).map_err(|d| anyhow!("{d}"))?;
    yaml::parse::<Tailoring>(&text, &shown)
        .map_err(|d| anyhow!("{d}\n(fix the file first; nothing was logged)"))?;
    let given = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let event = insert::NewEvent {
        date,
        kind,
        note: given(&args.note),
        with: given(&args.with),
        place: given(&args.place),
    };
    let new = insert::append(&text, &event)
        .map_err(|e| anyhow!("{}: {e}; the file is unchanged", shown.display()))?;
    let t: Tailoring = yaml::parse(&new, &shown)
        .map_err(|d| anyhow!("{d}\n(the event would break the file; it is unchanged)"))?;
    crate::fsio::write_atomic(&p.path, new.as_bytes())?;

    let sending = Sending::of(&ws.root, &p.candidate, &p.id, &t);
    let added = t
        .events
        .iter()
        .rev()
        .find(|e| e.kind.value == kind && e.date.value == date);
    let line = added.map(|e| e.date.pos.line).unwrap_or_default();
    if let Some(first) = sending.first
        && date.date < first
    {
        eprintln!(
            "warning: {}:{line}: this {kind} is dated {date}, before the sending on {first}",
            shown.display()
        );
    }
    if cli.message_format == crate::report::MessageFormat::Json || !cli.quiet {
        let lang = t.language.value;
        let organization = t
            .posting
            .organization
            .get(lang, None)
            .unwrap_or_default()
            .to_string();
        let facts = track::Facts::of(&t, sending, &organization);
        let tr = track::track(&facts, &settings, today);
        if cli.message_format == crate::report::MessageFormat::Json {
            let event = serde_json::json!({
                "event": "logged",
                "posting": p.key(),
                "kind": kind.to_string(),
                "date": date.to_string(),
                "file": shown,
                "line": line,
                "stage": tr.stage.name(),
                "next": tr.next,
            });
            println!("{event}");
            return Ok(0);
        }
        println!("logged {kind} {date} in {}:{line}", shown.display());
        match tr.next {
            Some(n) => println!("{}: {} — next: {}", p.key(), tr.stage.name(), n.text),
            None => println!("{}: {}", p.key(), tr.stage.name()),
        }
    }
    Ok(0)
}
