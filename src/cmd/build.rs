//! `dossier build`: the build of the selected postings, reported.

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::args::{BuildArgs, Cli, Only};
use crate::build::{self, Outcome, Plan};
use crate::load::Workspace;
use crate::manifest::Status;
use crate::model::{Date, DocKind};
use crate::report::Reporter;

pub fn run(cli: &Cli, args: &BuildArgs) -> Result<i32> {
    let started = Instant::now();
    let ws = Workspace::find(cli.dir.as_deref())?;
    let plan = plan(cli, &ws, args)?;
    let reporter = Reporter::new(cli.message_format, cli.quiet, cli.verbose);
    let outcome = build::run(&ws, &plan, &reporter)?;
    reporter.finish(&outcome, started.elapsed());
    let warned = outcome.entries.iter().any(|e| !e.warnings.is_empty());
    Ok(match exit_code(&outcome) {
        0 if args.strict && warned => super::EXIT_FAILED,
        code => code,
    })
}

/// The plan for `args`: the postings named (all when none), the documents,
/// the options; the date from `SOURCE_DATE_EPOCH` when it is set.
pub fn plan(cli: &Cli, ws: &Workspace, args: &BuildArgs) -> Result<Plan> {
    let (_, mut postings) = super::select(ws, &args.postings)?;
    let resend = if args.resend.is_empty() {
        Vec::new()
    } else {
        super::select(ws, &args.resend)?.1
    };
    for p in &resend {
        if !postings.iter().any(|x| x.key() == p.key()) {
            postings.push(p.clone());
        }
    }
    let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok());
    Ok(Plan {
        postings,
        kinds: match args.only {
            Some(Only::Cv) => vec![DocKind::Cv],
            Some(Only::Letter) => vec![DocKind::Letter],
            None => DocKind::ALL.to_vec(),
        },
        force: args.force,
        format: args.format,
        jobs: args
            .jobs
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(2)
            })
            .max(1),
        timeout: Duration::from_secs(args.timeout.max(1)),
        fail_fast: args.fail_fast,
        today: source_date_epoch
            .map(Date::from_unix_seconds)
            .unwrap_or_else(Date::today),
        source_date_epoch,
        typst: cli.typst.clone(),
        resend: resend.iter().map(|p| p.key()).collect(),
        pdf_standard: args.pdf_standard.clone(),
    })
}

/// 0 all built, 1 something failed, 130 interrupted.
pub fn exit_code(outcome: &Outcome) -> i32 {
    if outcome.interrupted {
        crate::interrupt::EXIT_INTERRUPTED
    } else if outcome.count(Status::Failed) > 0 {
        super::EXIT_FAILED
    } else {
        0
    }
}
