//! `dossier watch [POSTING…]`: build, then rebuild whenever a file under
//! `profiles/` or `layouts/` changes. Changes are told by the file system
//! ([`crate::watch`]); each batch is built with the plan `build` makes,
//! narrowed to the postings the change reaches, and the fingerprints decide
//! which of their documents are compiled. Ctrl-C ends it.

use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde::Serialize;

use crate::args::{Cli, WatchArgs};
use crate::build::{self, Outcome};
use crate::interrupt;
use crate::load::Workspace;
use crate::manifest::Status;
use crate::report::{MessageFormat, Reporter};
use crate::watch::{Batch, Mode, Watcher};

pub fn run(cli: &Cli, args: &WatchArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    // What cannot be planned at the start (an unknown posting name) is bad
    // usage, as for `build`; later it is reported and watching goes on.
    super::build::plan(cli, &ws, &args.build)?;
    interrupt::install();
    // Watching starts before the first build, so that nothing saved while
    // it runs is missed.
    let mut watcher = Watcher::start(&ws.root, args.poll)?;
    warn_problems(&mut watcher);

    // What one build loaded and the next may reuse.
    let cache = build::Cache::default();
    let started = Instant::now();
    if let Some(outcome) = build_plan(cli, &ws, &args.build, &cache, None, started)
        && outcome.interrupted
    {
        return Ok(0);
    }
    if !cli.quiet {
        let how = match watcher.mode {
            Mode::Events => "file-system events".to_string(),
            Mode::Polling => format!(
                "polling every {} ms",
                crate::watch::POLL_INTERVAL.as_millis()
            ),
        };
        eprintln!(
            "watching profiles/ and layouts/ of {} ({how}; Ctrl-C to stop)",
            ws.root.display()
        );
    }

    // `--resend` records a new sending once, with the first build.
    let mut rebuild = args.build.clone();
    rebuild.resend.clear();
    while let Some(batch) = watcher.next(&interrupt::interrupted) {
        warn_problems(&mut watcher);
        let since = batch.since.unwrap_or_else(Instant::now);
        if batch.reach.everything {
            cache.layouts_changed();
        }
        if let Some(outcome) = build_plan(cli, &ws, &rebuild, &cache, Some(&batch), since) {
            announce(cli, &batch, &outcome, since.elapsed());
            if outcome.interrupted {
                return Ok(0);
            }
        }
    }
    Ok(0)
}

/// Build what `args` select — only the postings `batch` reaches, when given
/// — and report it as `build` does. `None` when nothing was built: the
/// change reaches no selected posting, or the plan could not be made (the
/// error is printed; watching goes on).
fn build_plan(
    cli: &Cli,
    ws: &Workspace,
    args: &crate::args::BuildArgs,
    cache: &build::Cache,
    batch: Option<&Batch>,
    started: Instant,
) -> Option<Outcome> {
    let mut plan = match super::build::plan(cli, ws, args) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: {e:#}");
            return None;
        }
    };
    if let Some(batch) = batch {
        plan.postings.retain(|p| batch.reach.covers(p));
        if plan.postings.is_empty() {
            if cli.verbose {
                eprintln!("{}: no watched posting reads it", changed(batch));
            }
            return None;
        }
    }
    let reporter = Reporter::new(cli.message_format, cli.quiet, cli.verbose);
    match build::run_cached(ws, &plan, &reporter, cache) {
        Ok(outcome) => {
            reporter.finish(&outcome, started.elapsed());
            Some(outcome)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            None
        }
    }
}

fn warn_problems(watcher: &mut Watcher) {
    for p in watcher.problems.drain(..) {
        eprintln!("warning: watch: {p}");
    }
}

/// The changed files, for a line: the first ones and how many more.
fn changed(batch: &Batch) -> String {
    let shown: Vec<String> = batch
        .paths
        .iter()
        .take(3)
        .map(|p| p.display().to_string())
        .collect();
    let more = batch.paths.len().saturating_sub(shown.len());
    match (shown.is_empty(), more) {
        (true, _) => "changes (events were lost)".to_string(),
        (false, 0) => shown.join(", "),
        (false, n) => format!("{} and {n} more", shown.join(", ")),
    }
}

#[derive(Serialize)]
struct RebuiltEvent {
    event: &'static str,
    changed: Vec<String>,
    built: Vec<String>,
    failed: Vec<String>,
    milliseconds: u128,
}

/// One line per rebuild: what was compiled (and what failed), how long it
/// took from the change being noticed, and which files changed.
fn announce(cli: &Cli, batch: &Batch, outcome: &Outcome, took: Duration) {
    let docs = |status: Status| -> Vec<(String, String)> {
        outcome
            .entries
            .iter()
            .filter(|e| e.status == status)
            .map(|e| (e.posting.clone(), e.kind.clone()))
            .collect()
    };
    let (built, failed) = (docs(Status::Built), docs(Status::Failed));
    let ms = took.as_millis();
    if cli.message_format == MessageFormat::Json {
        let event = RebuiltEvent {
            event: "rebuilt",
            changed: batch
                .paths
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect(),
            built: built.iter().map(|(p, k)| format!("{p} {k}")).collect(),
            failed: failed.iter().map(|(p, k)| format!("{p} {k}")).collect(),
            milliseconds: ms,
        };
        if let Ok(line) = serde_json::to_string(&event) {
            let _ = writeln!(std::io::stdout().lock(), "{line}");
        }
        return;
    }
    let mut parts = Vec::new();
    if !built.is_empty() {
        parts.push(format!("rebuilt {}", grouped(&built)));
    }
    if !failed.is_empty() {
        parts.push(format!("failed {}", grouped(&failed)));
    }
    if parts.is_empty() {
        let mut postings: Vec<&str> = outcome.entries.iter().map(|e| e.posting.as_str()).collect();
        postings.dedup();
        parts.push(format!("unchanged {}", postings.join(", ")));
    }
    eprintln!(
        "{} in {ms} ms ({} changed)",
        parts.join("; "),
        changed(batch)
    );
}

/// `mari/a cv and letter, mari/b letter`: documents by posting.
fn grouped(docs: &[(String, String)]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<&str> = None;
    for (posting, kind) in docs {
        if last == Some(posting.as_str()) {
            if let Some(l) = out.last_mut() {
                l.push_str(" and ");
                l.push_str(kind);
            }
        } else {
            out.push(format!("{posting} {kind}"));
            last = Some(posting);
        }
    }
    out.join(", ")
}
