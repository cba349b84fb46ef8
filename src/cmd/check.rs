//! `dossier check`: load and merge everything and report, per posting, what
//! a careful reader would catch (see `crate::check`). Compiles nothing,
//! writes nothing, takes no lock.

use anyhow::{Result, bail};

use crate::args::{CheckArgs, Cli};
use crate::build;
use crate::check::{self, standard};
use crate::load::Workspace;
use crate::model::Date;
use crate::model::competence;
use crate::report::check::{CheckReporter, Totals};

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let reporter = CheckReporter::new(cli.message_format, cli.quiet);
    if let Some(id) = &args.standard {
        return self_assessment(&ws, &reporter, id, args);
    }
    let (_, selected) = super::select(&ws, &args.postings)?;
    let today = today();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let fonts = crate::glyphs::Fonts::for_workspace(&ws.root);
    let reports: Vec<check::Report> = build::merge_all(&ws, &selected, today, threads)
        .into_iter()
        .map(|m| match &m.result {
            Ok(merged) => check::check(&ws.root, merged, today, Some(&fonts)),
            Err(d) => check::unreadable(&m.posting, ws.shown(&m.posting.path), d),
        })
        .collect();
    reporter.reports(&reports);
    let totals = Totals::of(&reports);
    reporter.summary(&totals, args.strict);
    Ok(if totals.fail(args.strict) {
        super::EXIT_FAILED
    } else {
        0
    })
}

/// `SOURCE_DATE_EPOCH` when set (reproducible runs), else today.
pub(crate) fn today() -> Date {
    Date::today_or_epoch()
}

/// `check --standard ID`: every candidate's coverage of the standard's roles.
fn self_assessment(
    ws: &Workspace,
    reporter: &CheckReporter,
    id: &str,
    args: &CheckArgs,
) -> Result<i32> {
    let Some(standard) = competence::standard(id) else {
        bail!("{}", competence::unknown_standard(id));
    };
    let candidates = ws.candidates()?;
    if candidates.is_empty() {
        bail!("no profiles in profiles/; add profiles/<candidate>.yaml");
    }
    let mut assessments = Vec::new();
    let mut problems = 0;
    for c in &candidates {
        match build::merge::load_profile(ws, &c.id, &c.profile) {
            Ok(p) => assessments.push(standard::assess(&c.id, &p.profile, standard, args.lang)),
            Err(d) => {
                problems += d.0.len();
                eprintln!("{d}");
            }
        }
    }
    reporter.assessments(&assessments);
    Ok(if problems > 0 { super::EXIT_FAILED } else { 0 })
}
