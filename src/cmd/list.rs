//! `dossier list`: every posting with its status, deadline, days left,
//! build state (from `output/manifest.json`) and the open items of its
//! checklist (`strategy.checklist`), soonest deadline first.

use std::io::Write;

use anyhow::Result;

use crate::args::Cli;
use crate::load::Workspace;
use crate::load::yaml;
use crate::manifest::{Manifest, Status as BuildStatus};
use crate::model::Date;
use crate::model::tailoring::Tailoring;

struct Row {
    posting: String,
    status: String,
    deadline: Option<Date>,
    position: String,
    built: String,
    /// Open checklist items.
    open: Vec<String>,
    /// When its documents were sent: the date, `yes` when unknown, `-`.
    sent: String,
}

pub fn run(cli: &Cli) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (_, postings) = super::select(&ws, &[])?;
    let manifest = Manifest::load(&ws.root);
    let today = Date::today_or_epoch();
    let mut rows = Vec::new();
    let mut broken = 0;
    for p in &postings {
        let key = p.key();
        let built = build_state(&manifest, &key);
        match yaml::load_file::<Tailoring>(&p.path, &ws.shown(&p.path)) {
            Ok(t) => rows.push(Row {
                status: format!("{:?}", t.status.unwrap_or_default()).to_lowercase(),
                deadline: t.posting.deadline.as_ref().map(|d| d.value),
                position: t
                    .posting
                    .position
                    .get(t.language.value, None)
                    .unwrap_or_default()
                    .to_string(),
                open: crate::build::brief::open_items(&t.strategy, t.language.value),
                sent: sent_date(&ws, p, &t),
                posting: key,
                built,
            }),
            Err(d) => {
                broken += 1;
                eprintln!("{d}");
                rows.push(Row {
                    posting: key,
                    status: "?".into(),
                    deadline: None,
                    position: String::new(),
                    built,
                    open: Vec::new(),
                    sent: "?".into(),
                });
            }
        }
    }
    // Soonest deadline first; postings without one last.
    rows.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.posting.clone()));
    let width = rows
        .iter()
        .map(|r| r.posting.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:width$}  {:10}  {:10}  {:>9}  {:11}  {:10}  {:>4}  POSITION — NEXT STEP",
        "POSTING", "STATUS", "DEADLINE", "DAYS LEFT", "BUILD", "SENT", "OPEN"
    )?;
    for r in &rows {
        let (deadline, left) = match r.deadline {
            Some(d) => (d.to_string(), today.days_until(&d).to_string()),
            None => ("-".to_string(), "-".to_string()),
        };
        let open = if r.open.is_empty() {
            "-".to_string()
        } else {
            r.open.len().to_string()
        };
        let next = r
            .open
            .first()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:width$}  {:10}  {:10}  {:>9}  {:11}  {:10}  {:>4}  {}{next}",
            r.posting, r.status, deadline, left, r.built, r.sent, open, r.position
        )?;
    }
    Ok(if broken > 0 { super::EXIT_FAILED } else { 0 })
}

/// The date a posting's documents were last sent: the later of
/// `submitted:` (when it counts, see [`crate::build::sent::is_sent`]) and
/// the date of its last record in `sent/` (a resend), else `yes` (sent,
/// date unknown) or `-`.
fn sent_date(ws: &Workspace, p: &crate::load::PostingFile, t: &Tailoring) -> String {
    use crate::build::sent;
    let submitted = t
        .submitted
        .as_ref()
        .filter(|_| sent::is_sent(t))
        .map(|d| d.value);
    let recorded = sent::sendings(&ws.root, &p.candidate, &p.id)
        .last()
        .map(|s| s.record.sent.unwrap_or(s.record.recorded));
    match submitted.max(recorded) {
        Some(d) => d.to_string(),
        None if sent::is_sent(t) => "yes".to_string(),
        None => "-".to_string(),
    }
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
