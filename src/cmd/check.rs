//! `dossier check`: load and merge everything, report problems and how each
//! posting's requirements are covered by evidence. Compiles nothing.

use std::io::Write;

use anyhow::Result;

use crate::args::{CheckArgs, Cli};
use crate::build;
use crate::load::Workspace;
use crate::model::Date;

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (_, selected) = super::select(&ws, &args.postings)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut out = std::io::stdout().lock();
    let mut problems = 0;
    let mut reported: Vec<String> = Vec::new();
    for m in build::merge_all(&ws, &selected, Date::today(), threads) {
        let merged = match m.result {
            Ok(merged) => merged,
            Err(d) => {
                // A broken profile fails every posting of its candidate: say it once.
                let text = d.to_string();
                if !reported.contains(&text) {
                    problems += d.0.len();
                    eprintln!("{text}");
                    reported.push(text);
                }
                continue;
            }
        };
        if let Err(d) = &merged.tailored.letter {
            problems += 1;
            eprintln!("{d}");
            continue;
        }
        if cli.quiet {
            continue;
        }
        let ctx = &merged.tailored.context;
        let covered = ctx
            .requirements
            .iter()
            .filter(|r| !r.evidence.is_empty())
            .count();
        writeln!(
            out,
            "{}: ok — {covered}/{} requirements have evidence",
            m.posting.key(),
            ctx.requirements.len()
        )?;
        for r in &ctx.requirements {
            let mark = if r.evidence.is_empty() {
                "  ✗"
            } else {
                "  ✓"
            };
            writeln!(out, "{mark} {}", r.text)?;
            for e in &r.evidence {
                let note = if e.in_cv { "" } else { " (not in this CV)" };
                writeln!(out, "      {} — {}{note}", e.reference, e.label)?;
            }
        }
    }
    if problems > 0 {
        eprintln!("{problems} problem(s) found");
        return Ok(super::EXIT_FAILED);
    }
    Ok(0)
}
