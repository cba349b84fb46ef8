//! `dossier build`: render every selected posting, compile what is not up to
//! date, write the manifest, report.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::args::{BuildArgs, Cli, Only};
use crate::batch::{self, Settings};
use crate::compile::Typst;
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
    let previous = Manifest::load(&ws.root);
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

    let (fresh, stale): (Vec<&Document>, Vec<&Document>) = prepared
        .documents
        .iter()
        .partition(|d| !args.force && batch::is_up_to_date(&ws.root, d, &previous));
    let stale = if args.fail_fast && !prepared.failures.is_empty() {
        Vec::new()
    } else {
        stale
    };

    interrupt::install();
    let mut reporter = Reporter::new(cli.message_format, cli.quiet, cli.verbose);
    reporter.start(stale.len());
    let settings = Settings {
        typst: &typst,
        root: &ws.root,
        jobs: args.jobs.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        }),
        timeout: Duration::from_secs(args.timeout.max(1)),
        fail_fast: args.fail_fast,
        cancel: &interrupt::INTERRUPTED,
    };
    let results = batch::compile_all(
        &stale,
        &settings,
        &|d| reporter.compiling(&format!("{} {}", d.posting, d.kind.name())),
        &|_, _| reporter.compiled(),
    );

    // Outcomes, sorted by posting and kind.
    let entry = |d: &Document, status: Status, error: Option<String>| {
        let prev = previous.find(&d.posting, d.kind.name());
        let ok = status != Status::Failed;
        Entry {
            posting: d.posting.clone(),
            kind: d.kind.name().to_string(),
            language: Some(d.lang.to_string()),
            layout: Some(d.layout.clone()),
            pdf: Some(d.job.pdf.to_string_lossy().into_owned()),
            source: Some(d.job.source.to_string_lossy().into_owned()),
            fingerprint: if ok {
                Some(d.fingerprint.clone())
            } else {
                prev.and_then(|p| p.fingerprint.clone())
            },
            status,
            error,
            typst_args: d.job.args(&d.job.pdf),
            pdf_bytes: if ok {
                std::fs::metadata(ws.root.join(&d.job.pdf))
                    .ok()
                    .map(|m| m.len())
            } else {
                prev.and_then(|p| p.pdf_bytes)
            },
        }
    };
    let mut entries: Vec<Entry> = fresh
        .iter()
        .map(|d| entry(d, Status::UpToDate, None))
        .collect();
    for (d, r) in stale.iter().zip(&results) {
        entries.push(match r {
            Ok(()) => entry(d, Status::Built, None),
            Err(e) => entry(
                d,
                Status::Failed,
                Some(format!("{}: {e}", d.job.source.display())),
            ),
        });
    }
    for f in &prepared.failures {
        let kinds_failed: Vec<DocKind> = f.kind.map(|k| vec![k]).unwrap_or_else(|| kinds.clone());
        for k in kinds_failed {
            let prev = previous.find(&f.posting, k.name());
            entries.push(Entry {
                posting: f.posting.clone(),
                kind: k.name().to_string(),
                language: prev.and_then(|p| p.language.clone()),
                layout: prev.and_then(|p| p.layout.clone()),
                pdf: prev.and_then(|p| p.pdf.clone()),
                source: prev.and_then(|p| p.source.clone()),
                fingerprint: prev.and_then(|p| p.fingerprint.clone()),
                status: Status::Failed,
                error: Some(f.message.clone()),
                typst_args: prev.map(|p| p.typst_args.clone()).unwrap_or_default(),
                pdf_bytes: prev.and_then(|p| p.pdf_bytes),
            });
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
