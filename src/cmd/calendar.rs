//! `dossier calendar [-o FILE]`: every posting's deadline (an all-day event;
//! past ones stay), its interviews and tests (at their time, Europe/Tallinn,
//! one hour; all day when no time is given) and its follow-up (on the day it
//! comes due), as an iCalendar file (see [`crate::track::ical`]).

use std::io::Write;

use anyhow::{Result, anyhow};

use crate::args::{CalendarArgs, Cli};
use crate::load::Workspace;
use crate::model::Date;
use crate::model::event::{EventKind, When};
use crate::track::ical::{self, Entry};
use crate::track::{Settings, StepKind};

pub fn run(cli: &Cli, args: &CalendarArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let settings = Settings::load(&ws.root).map_err(|d| anyhow!("{d}"))?;
    let today = Date::today_or_epoch();
    let rows = super::list::rows(&ws, &settings, today)?;
    let mut entries = Vec::new();
    for r in &rows {
        let what = format!("{} — {}", r.position, r.organization);
        let key = |kind: &str, when: &dyn std::fmt::Display| {
            format!("{}/{}/{kind}/{when}", r.candidate, r.id)
        };
        if let Some(d) = r.deadline {
            entries.push(Entry {
                key: key("deadline", &d),
                summary: format!("Deadline: {what}"),
                description: Some(format!("dossier: {}", r.posting)),
                location: None,
                start: When::day(d),
            });
        }
        for e in &r.events {
            let kind = e.kind.value;
            if !matches!(kind, EventKind::Interview | EventKind::Test) {
                continue;
            }
            let title = if kind == EventKind::Interview {
                "Interview"
            } else {
                "Test"
            };
            let mut description = vec![format!("dossier: {}", r.posting)];
            if let Some(w) = &e.with {
                description.push(format!("With: {w}"));
            }
            if let Some(n) = &e.note {
                description.push(n.clone());
            }
            entries.push(Entry {
                key: key(kind.name(), &e.date.value),
                summary: format!("{title}: {what}"),
                description: Some(description.join("\n")),
                location: e.place.clone(),
                start: e.date.value,
            });
        }
        if let Some(n) = r.next().filter(|n| n.kind == StepKind::FollowUp)
            && let Some(d) = n.date
        {
            entries.push(Entry {
                key: key("follow-up", &d),
                summary: format!("Follow up: {what}"),
                description: Some(format!("dossier: {}\n{}", r.posting, n.text)),
                location: None,
                start: When::day(d),
            });
        }
    }
    // The stamp every event carries: SOURCE_DATE_EPOCH's day when set, else
    // today's, so runs on one day give the same bytes.
    let text = ical::calendar(&entries, today.unix_seconds());
    match &args.output {
        Some(path) => {
            crate::fsio::write_atomic(path, text.as_bytes())?;
            if cli.message_format == crate::report::MessageFormat::Json {
                let event = serde_json::json!({
                    "event": "calendar",
                    "file": path,
                    "events": entries.len(),
                });
                println!("{event}");
            } else if !cli.quiet {
                eprintln!("wrote {} ({} events)", path.display(), entries.len());
            }
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r?,
            }
        }
    }
    let broken = rows.iter().any(|r| r.error.is_some());
    Ok(if broken { super::EXIT_FAILED } else { 0 })
}
