//! `dossier build`: render every selected posting, compile what is not up to
//! date, write the manifest, report.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::args::{BuildArgs, Cli, Only};
use crate::batch::{self, Settings};
use crate::compile::Typst;
use crate::fsio::OutputLock;
use crate::interrupt;
use crate::load::Workspace;
use crate::manifest::{Entry, Manifest, Status, Summary};
use crate::model::Date;
use crate::pipeline::{self, Document};
use crate::render::DocKind;
use crate::report::Reporter;

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<i32> {
    let started = Instant::now();
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (candidates, selected) = super::select(&ws, &args.postings)?;
    // One writer of output/ at a time; the manifest is read under the lock,
    // so a build that waited sees what the other one wrote.
    let _lock = OutputLock::acquire(&ws.root, |pid| {
        if !cli.quiet {
            let who = pid.map(|p| format!(" (pid {p})")).unwrap_or_default();
            eprintln!("waiting for another dossier{who} to finish writing output/ …");
        }
    })?;
    let previous = Manifest::load(&ws.root);
    // Leftovers of a run killed while writing the manifest.
    crate::fsio::clean_stale_temps(&ws.root.join("output"));
    // Built-in layouts and fonts, once, before any parallel work.
    crate::builtin::unpack(&ws.root).map_err(|e| {
        anyhow::anyhow!("cannot unpack the built-in layouts into output/.builtin: {e:#}")
    })?;
    let typst = Typst::find(
        cli.typst.as_deref(),
        Some((&previous.typst_identity, &previous.typst_version)),
    )?;
    let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    let kinds = match args.only {
        Some(Only::Cv) => vec![DocKind::Cv],
        Some(Only::Letter) => vec![DocKind::Letter],
        None => vec![DocKind::Cv, DocKind::Letter],
    };
    let opts = pipeline::Options {
        kinds: kinds.clone(),
        today: source_date_epoch
            .map(Date::from_unix_seconds)
            .unwrap_or_else(Date::today),
        source_date_epoch,
        typst_version: typst.version.clone(),
        format: args.format,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        })
        .max(1);
    let prepared = pipeline::prepare(&ws, &candidates, &selected, &opts, jobs);

    // Checking means reading and hashing every PDF: in parallel.
    let up_to_date = crate::par::map(
        &prepared.documents,
        jobs,
        || (),
        |(), d| !args.force && batch::is_up_to_date(&ws.root, d, &previous),
    );
    let mut fresh: Vec<&Document> = Vec::new();
    let mut stale: Vec<&Document> = Vec::new();
    for (d, ok) in prepared.documents.iter().zip(up_to_date) {
        if ok { fresh.push(d) } else { stale.push(d) }
    }
    interrupt::install();
    let mut reporter = Reporter::new(cli.message_format, cli.quiet, cli.verbose);
    reporter.start(stale.len());
    let settings = Settings {
        typst: &typst,
        root: &ws.root,
        jobs,
        timeout: Duration::from_secs(args.timeout.max(1)),
        fail_fast: args.fail_fast,
        // With --fail-fast, a posting that failed to load or render stops the
        // build before any compile.
        failed_already: !prepared.failures.is_empty(),
        cancel: &interrupt::INTERRUPTED,
    };
    let results = batch::compile_all(
        &stale,
        &settings,
        &|d| reporter.compiling(&format!("{} {}", d.posting, d.kind.name())),
        &|_, _| reporter.compiled(),
    );

    // Outcomes, sorted by posting and kind.
    let prev = |posting: &str, kind: DocKind| previous.find(posting, kind.name());
    let mut entries: Vec<Entry> = fresh
        .iter()
        .map(|d| Entry::document(d, Ok((Status::UpToDate, None)), prev(&d.posting, d.kind)))
        .collect();
    for (d, r) in stale.iter().zip(results) {
        let outcome = r
            .map(|info| (Status::Built, Some(info)))
            .map_err(|e| format!("{}: {e}", d.job.source.display()));
        entries.push(Entry::document(d, outcome, prev(&d.posting, d.kind)));
    }
    for f in &prepared.failures {
        for k in f.kind.map(|k| vec![k]).unwrap_or_else(|| kinds.clone()) {
            entries.push(Entry::failure(
                &f.posting,
                k,
                &f.message,
                prev(&f.posting, k),
            ));
        }
    }
    entries.sort_by(|a, b| (&a.posting, &a.kind).cmp(&(&b.posting, &b.kind)));

    let count = |s: Status| entries.iter().filter(|e| e.status == s).count();
    let mut manifest = Manifest {
        typst: typst.program.to_string_lossy().into_owned(),
        typst_version: typst.version.clone(),
        typst_identity: typst.identity.clone(),
        dossier_version: env!("CARGO_PKG_VERSION").to_string(),
        summary: Summary {
            built: count(Status::Built),
            up_to_date: count(Status::UpToDate),
            failed: count(Status::Failed),
        },
        documents: entries.clone(),
    };
    manifest.keep_untouched(&previous);
    manifest.write(&ws.root)?;
    reporter.finish(&entries, started.elapsed());

    if interrupt::interrupted() {
        return Ok(interrupt::EXIT_INTERRUPTED);
    }
    Ok(if count(Status::Failed) == 0 {
        0
    } else {
        super::EXIT_FAILED
    })
}
