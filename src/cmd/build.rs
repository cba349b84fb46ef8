//! `dossier build`: render and compile the documents of every selected posting.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::args::{BuildArgs, Cli, Only};
use crate::batch;
use crate::compile::Typst;
use crate::load::Workspace;
use crate::model::Date;
use crate::pipeline::{self, Failure};
use crate::render::DocKind;
use crate::report::Reporter;

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<i32> {
    let started = Instant::now();
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (candidates, selected) = super::select(&ws, &args.postings)?;
    let typst = Typst::find(cli.typst.as_deref())?;
    let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<i64>().ok());
    let opts = pipeline::Options {
        kinds: match args.only {
            Some(Only::Cv) => vec![DocKind::Cv],
            Some(Only::Letter) => vec![DocKind::Letter],
            None => vec![DocKind::Cv, DocKind::Letter],
        },
        today: source_date_epoch.map(Date::from_unix_seconds).unwrap_or_else(Date::today),
        source_date_epoch,
    };
    let prepared = pipeline::prepare(&ws, &candidates, &selected, &opts);
    let reporter = Reporter::new(cli.quiet);
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2));
    let results = batch::compile_all(
        &typst,
        &ws.root,
        &prepared.documents,
        jobs,
        Duration::from_secs(args.timeout.max(1)),
        &|doc, r| reporter.document(doc, r),
    );
    let mut failures: Vec<Failure> = prepared.failures;
    let mut built = 0;
    for (doc, r) in prepared.documents.iter().zip(&results) {
        match r {
            Ok(()) => built += 1,
            Err(e) => failures.push(Failure {
                posting: doc.posting.clone(),
                kind: Some(doc.kind),
                message: format!("{}: {e}", doc.job.source.display()),
            }),
        }
    }
    failures.sort_by(|a, b| (&a.posting, a.kind).cmp(&(&b.posting, b.kind)));
    reporter.summary(built, &failures, started.elapsed());
    Ok(if failures.is_empty() { 0 } else { super::EXIT_FAILED })
}
