//! `dossier competences`: the e-CF catalogue built into the binary, so a
//! user can find the code to write in `competences:` without the standard's
//! text at hand; with the roles of each standard that require the code.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::args::{Cli, CompetencesArgs};
use crate::model::Lang;
use crate::model::competence::{CATALOGUE, Competence, STANDARDS};
use crate::report::MessageFormat;

#[derive(Serialize)]
struct Event<'a> {
    event: &'static str,
    code: &'a str,
    area: &'a str,
    en: &'a str,
    et: Option<&'a str>,
    /// `it-juht-7/arendusjuht`, … : the roles whose mandatory codes hold it.
    required_by: Vec<String>,
}

/// The roles (`standard/role`) that require `c`.
fn required_by(c: &Competence) -> Vec<String> {
    STANDARDS
        .iter()
        .flat_map(|s| {
            s.roles
                .iter()
                .filter(|r| r.competences().any(|rc| rc.code == c.code))
                .map(move |r| format!("{}/{}", s.id, r.id))
        })
        .collect()
}

pub fn run(cli: &Cli, args: &CompetencesArgs) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    for c in &CATALOGUE {
        let roles = required_by(c);
        if cli.message_format == MessageFormat::Json {
            let event = Event {
                event: "competence",
                code: c.code,
                area: c.area.name(Lang::En),
                en: c.en,
                et: c.et,
                required_by: roles,
            };
            writeln!(out, "{}", serde_json::to_string(&event)?)?;
            continue;
        }
        let name = c.name(args.lang);
        let other = c.name(match args.lang {
            Lang::Et => Lang::En,
            Lang::En => Lang::Et,
        });
        let mut line = format!("{:<5} {name}", c.code);
        if other != name {
            line.push_str(&format!(" · {other}"));
        }
        if !roles.is_empty() {
            let short: Vec<&str> = roles
                .iter()
                .map(|r| r.split_once('/').map_or(r.as_str(), |(_, role)| role))
                .collect();
            line.push_str(&format!("  [{}]", short.join(", ")));
        }
        writeln!(out, "{line}")?;
    }
    if !cli.quiet && cli.message_format != MessageFormat::Json {
        let standards: Vec<String> = STANDARDS
            .iter()
            .map(|s| format!("{} ({})", s.id, s.name(args.lang)))
            .collect();
        eprintln!(
            "{} e-CF 4.0 competences; [roles] of {} that require them",
            CATALOGUE.len(),
            standards.join(", ")
        );
    }
    Ok(0)
}
