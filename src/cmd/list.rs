//! `dossier list`: every posting with its status, stage and next step (see
//! [`crate::track`]), deadline, days left, build state (from
//! `output/manifest.json`), the date sent and the open items of its checklist
//! (`strategy.checklist`), soonest deadline first; then a summary (how many
//! sent, replies, interviews, offers, the median days to a reply). As a
//! table, as JSON lines (`--message-format json`) or as CSV (`--format csv`).

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::args::{Cli, ListArgs, ListFormat};
use crate::load::Workspace;
use crate::load::yaml;
use crate::manifest::{Manifest, Status as BuildStatus};
use crate::model::Date;
use crate::model::event::Event;
use crate::model::tailoring::Tailoring;
use crate::report::MessageFormat;
use crate::track::{self, NextStep, Outcome, Sending, Settings, Stage, Summary};

/// One posting as `list` and `calendar` see it.
pub struct Row {
    pub candidate: String,
    pub id: String,
    /// `candidate/posting`
    pub posting: String,
    pub status: String,
    pub deadline: Option<Date>,
    pub position: String,
    pub organization: String,
    pub built: String,
    /// Open checklist items.
    pub open: Vec<String>,
    pub sending: Sending,
    pub events: Vec<Event>,
    /// `None` when the tailoring file cannot be read.
    pub track: Option<track::Track>,
    pub outcome: Outcome,
    /// Why the tailoring file cannot be read.
    pub error: Option<String>,
}

impl Row {
    /// The date of the last sending, `yes` when sent on a day not known, `-`.
    pub fn sent(&self) -> String {
        match (self.sending.last, self.sending.marked) {
            _ if self.error.is_some() => "?".to_string(),
            (Some(d), _) => d.to_string(),
            (None, true) => "yes".to_string(),
            (None, false) => "-".to_string(),
        }
    }

    pub fn stage(&self) -> &'static str {
        self.track.as_ref().map_or("?", |t| t.stage.name())
    }

    pub fn next(&self) -> Option<&NextStep> {
        self.track.as_ref().and_then(|t| t.next.as_ref())
    }
}

/// Every posting of the workspace, soonest deadline first; a tailoring file
/// that cannot be read is a row with its error (also printed on stderr).
pub fn rows(ws: &Workspace, settings: &Settings, today: Date) -> Result<Vec<Row>> {
    let (_, postings) = super::select(ws, &[])?;
    let manifest = Manifest::load(&ws.root);
    let mut rows = Vec::new();
    for p in &postings {
        let key = p.key();
        let built = build_state(&manifest, &key);
        let mut row = Row {
            candidate: p.candidate.clone(),
            id: p.id.clone(),
            posting: key.clone(),
            status: "?".into(),
            deadline: None,
            position: String::new(),
            organization: String::new(),
            built,
            open: Vec::new(),
            sending: Sending::default(),
            events: Vec::new(),
            track: None,
            outcome: Outcome::default(),
            error: None,
        };
        match yaml::load_file::<Tailoring>(&p.path, &ws.shown(&p.path)) {
            Ok(t) => {
                let lang = t.language.value;
                let status = t.status.unwrap_or_default();
                let sending = Sending::of(&ws.root, &p.candidate, &p.id, &t);
                let organization = t
                    .posting
                    .organization
                    .get(lang, None)
                    .unwrap_or_default()
                    .to_string();
                let facts = track::Facts::of(&t, sending, &organization);
                row.track = Some(track::track(&facts, settings, today));
                row.outcome = Outcome::of(status, &sending, &t.events);
                row.status = status.name().to_string();
                row.deadline = facts.deadline;
                row.position = t
                    .posting
                    .position
                    .get(lang, None)
                    .unwrap_or_default()
                    .to_string();
                row.open = crate::build::brief::open_items(&t.strategy, lang);
                row.organization = organization;
                row.sending = sending;
                row.events = t.events;
            }
            Err(d) => {
                eprintln!("{d}");
                row.error = Some(d.to_string());
            }
        }
        rows.push(row);
    }
    // Soonest deadline first; postings without one last.
    rows.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.posting.clone()));
    Ok(rows)
}

pub fn run(cli: &Cli, args: &ListArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let settings = Settings::load(&ws.root).map_err(|d| anyhow::anyhow!("{d}"))?;
    let today = Date::today_or_epoch();
    let rows = rows(&ws, &settings, today)?;
    let summary = Summary::of(&rows.iter().map(|r| r.outcome).collect::<Vec<_>>());
    let out = std::io::stdout().lock();
    let written = match (args.format, cli.message_format) {
        (ListFormat::Csv, _) => csv(out, &rows, today),
        (ListFormat::Human, MessageFormat::Json) => json(out, &rows, &summary, today),
        (ListFormat::Human, MessageFormat::Human) => table(out, &rows, today).map(|()| {
            if !cli.quiet {
                eprintln!("{}", summary.line());
            }
        }),
    };
    match written {
        // `dossier list | head`: a closed pipe is no error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    let broken = rows.iter().any(|r| r.error.is_some());
    Ok(if broken { super::EXIT_FAILED } else { 0 })
}

fn days_left(today: Date, r: &Row) -> Option<i64> {
    r.deadline.map(|d| today.days_until(&d))
}

/// What the last column shows after the position: before sending the first
/// open checklist item (the applicant's own plan) where there is one, else
/// the derived next step.
fn next_text(r: &Row) -> Option<String> {
    let tracked = r
        .track
        .as_ref()
        .is_some_and(|t| !matches!(t.stage, Stage::Draft | Stage::Ready));
    match (tracked, r.open.first(), r.next()) {
        (false, Some(item), _) => Some(item.clone()),
        (_, _, Some(n)) => Some(n.text.clone()),
        (_, Some(item), None) => Some(item.clone()),
        (_, None, None) => None,
    }
}

fn table(mut out: impl Write, rows: &[Row], today: Date) -> std::io::Result<()> {
    let width = rows
        .iter()
        .map(|r| r.posting.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    writeln!(
        out,
        "{:width$}  {:10}  {:13}  {:10}  {:>9}  {:11}  {:10}  {:>4}  POSITION — NEXT STEP",
        "POSTING", "STATUS", "STAGE", "DEADLINE", "DAYS LEFT", "BUILD", "SENT", "OPEN"
    )?;
    for r in rows {
        let (deadline, left) = match (r.deadline, days_left(today, r)) {
            (Some(d), Some(n)) => (d.to_string(), n.to_string()),
            _ => ("-".to_string(), "-".to_string()),
        };
        let open = if r.open.is_empty() {
            "-".to_string()
        } else {
            r.open.len().to_string()
        };
        let next = next_text(r).map(|n| format!(" — {n}")).unwrap_or_default();
        writeln!(
            out,
            "{:width$}  {:10}  {:13}  {:10}  {:>9}  {:11}  {:10}  {:>4}  {}{next}",
            r.posting,
            r.status,
            r.stage(),
            deadline,
            left,
            r.built,
            r.sent(),
            open,
            r.position
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    date: String,
    kind: &'static str,
    note: Option<&'a str>,
    with: Option<&'a str>,
    place: Option<&'a str>,
}

fn json(mut out: impl Write, rows: &[Row], summary: &Summary, today: Date) -> std::io::Result<()> {
    for r in rows {
        let events: Vec<JsonEvent> = track::in_order(&r.events)
            .into_iter()
            .map(|e| JsonEvent {
                date: e.date.value.to_string(),
                kind: e.kind.value.name(),
                note: e.note.as_deref(),
                with: e.with.as_deref(),
                place: e.place.as_deref(),
            })
            .collect();
        let value = serde_json::json!({
            "event": "posting",
            "posting": r.posting,
            "status": r.status,
            "stage": r.track.as_ref().map(|t| t.stage.name()),
            "next_step": r.next(),
            "events": events,
            "deadline": r.deadline.map(|d| d.to_string()),
            "days_left": days_left(today, r),
            "sent": r.sending.marked,
            "sent_date": r.sending.last.map(|d| d.to_string()),
            "build": r.built,
            "position": r.position,
            "organization": r.organization,
            "open": r.open,
            "error": r.error,
        });
        writeln!(out, "{value}")?;
    }
    let mut s = serde_json::json!({"event": "summary", "postings": rows.len()});
    if let (Some(m), serde_json::Value::Object(fields)) = (
        s.as_object_mut(),
        serde_json::to_value(summary).unwrap_or_default(),
    ) {
        m.extend(fields);
    }
    writeln!(out, "{s}")
}

fn csv(out: impl Write, rows: &[Row], today: Date) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    let to_io = |e: ::csv::Error| match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    };
    w.write_record([
        "posting",
        "status",
        "stage",
        "next_step",
        "next_step_date",
        "deadline",
        "days_left",
        "sent",
        "build",
        "organization",
        "position",
        "events",
        "last_event",
        "open_items",
    ])
    .map_err(to_io)?;
    for r in rows {
        let next = r.next();
        let last = track::in_order(&r.events)
            .last()
            .map(|e| format!("{} {}", e.date.value, e.kind.value))
            .unwrap_or_default();
        w.write_record([
            r.posting.clone(),
            r.status.clone(),
            r.stage().to_string(),
            next.map(|n| n.text.clone()).unwrap_or_default(),
            next.and_then(|n| n.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            r.deadline.map(|d| d.to_string()).unwrap_or_default(),
            days_left(today, r)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            r.sending.last.map(|d| d.to_string()).unwrap_or_else(|| {
                if r.sending.marked {
                    "yes".to_string()
                } else {
                    String::new()
                }
            }),
            r.built.clone(),
            r.organization.clone(),
            r.position.clone(),
            r.events.len().to_string(),
            last,
            r.open.len().to_string(),
        ])
        .map_err(to_io)?;
    }
    w.flush()
}

/// What the last build said about a posting's documents.
fn build_state(m: &Manifest, posting: &str) -> String {
    let docs: Vec<_> = m
        .documents
        .iter()
        .filter(|d| d.posting == posting)
        .collect();
    if docs.is_empty() {
        "not built".to_string()
    } else if docs.iter().any(|d| d.status == BuildStatus::Failed) {
        "failed".to_string()
    } else if docs.iter().all(|d| d.status == BuildStatus::Sent) {
        "sent".to_string()
    } else if docs.iter().any(|d| d.status == BuildStatus::Held) {
        "held".to_string()
    } else {
        "built".to_string()
    }
}
