//! `dossier layouts`: the layouts a posting may name (`layout:`), where each
//! comes from, what it extends and whether a workspace layout hides a
//! built-in one (see `crate::layout::describe`).

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::args::{Cli, LayoutsArgs};
use crate::layout::{self, LayoutInfo, Source};
use crate::load::Workspace;
use crate::report::MessageFormat;

#[derive(Serialize)]
struct Event<'a> {
    event: &'static str,
    #[serde(flatten)]
    layout: &'a LayoutInfo,
}

pub fn run(cli: &Cli, _args: &LayoutsArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    let layouts = layout::describe(&ws.root);
    let mut out = std::io::stdout().lock();
    if cli.message_format == MessageFormat::Json {
        for l in &layouts {
            let event = Event {
                event: "layout",
                layout: l,
            };
            writeln!(out, "{}", serde_json::to_string(&event)?)?;
        }
    } else {
        let from = |l: &LayoutInfo| match (&l.source, &l.path) {
            (Source::Workspace, Some(p)) => format!("{}/", p.display()),
            _ => "built in".to_string(),
        };
        let width = |f: &dyn Fn(&LayoutInfo) -> usize, min: usize| {
            layouts.iter().map(f).max().unwrap_or(min).max(min)
        };
        let (w_name, w_from, w_ext) = (
            width(&|l| l.name.chars().count(), 6),
            width(&|l| from(l).chars().count(), 4),
            width(&|l| l.extends.as_deref().unwrap_or("-").chars().count(), 7),
        );
        writeln!(
            out,
            "{:w_name$}  {:w_from$}  {:w_ext$}  NOTE",
            "LAYOUT", "FROM", "EXTENDS"
        )?;
        for l in &layouts {
            let note = match (&l.problem, l.hides_builtin) {
                (Some(p), _) => format!("error: {p}"),
                (None, true) => format!("hides the built-in {}", l.name),
                (None, false) => String::new(),
            };
            let line = format!(
                "{:w_name$}  {:w_from$}  {:w_ext$}  {note}",
                l.name,
                from(l),
                l.extends.as_deref().unwrap_or("-")
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    let broken = layouts.iter().any(|l| l.problem.is_some());
    Ok(if broken { super::EXIT_FAILED } else { 0 })
}
