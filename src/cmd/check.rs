//! `dossier check`: load and merge everything, report problems and how each
//! posting's requirements are covered by evidence. Compiles nothing.

use std::io::Write;

use anyhow::Result;

use crate::args::{CheckArgs, Cli};
use crate::load::Workspace;
use crate::model::Date;
use crate::{pipeline, render};

pub fn run(cli: &Cli, args: &CheckArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let (candidates, selected) = super::select(&ws, &args.postings)?;
    let mut out = std::io::stdout().lock();
    let mut problems = 0;
    for cand in &candidates {
        let postings: Vec<_> = selected.iter().filter(|p| p.candidate == cand.id).collect();
        if postings.is_empty() {
            continue;
        }
        let pshown = ws.shown(&cand.profile);
        let profile = match pipeline::load_profile(&ws, cand) {
            Ok(p) => p,
            Err(d) => {
                problems += d.0.len();
                eprintln!("{d}");
                continue;
            }
        };
        for posting in postings {
            let shown = ws.shown(&posting.path);
            let result = pipeline::tailor_posting(&ws, &profile, &pshown, posting, Date::today())
                .and_then(|(_, mut ctx)| {
                    render::expand_letter_body(&mut ctx, &shown)?;
                    Ok(ctx)
                });
            match result {
                Err(d) => {
                    problems += d.0.len();
                    eprintln!("{d}");
                }
                Ok(ctx) => {
                    if cli.quiet {
                        continue;
                    }
                    let covered = ctx
                        .requirements
                        .iter()
                        .filter(|r| !r.evidence.is_empty())
                        .count();
                    writeln!(
                        out,
                        "{}: ok — {covered}/{} requirements have evidence",
                        posting.key(),
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
            }
        }
    }
    if problems > 0 {
        eprintln!("{problems} problem(s) found");
        return Ok(super::EXIT_FAILED);
    }
    Ok(0)
}
