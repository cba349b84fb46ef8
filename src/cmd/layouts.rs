//! `dossier layouts`: the layouts a posting may name (`layout:`), where each
//! comes from, what it extends and whether a workspace layout hides a
//! built-in one (see `crate::layout::describe`).

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::args::{Cli, LayoutsAction, LayoutsArgs};
use crate::layout::{self, LayoutInfo, Source};
use crate::load::Workspace;
use crate::report::MessageFormat;

#[derive(Serialize)]
struct Event<'a> {
    event: &'static str,
    #[serde(flatten)]
    layout: &'a LayoutInfo,
}

pub fn run(cli: &Cli, args: &LayoutsArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    if let Some(LayoutsAction::Copy { name, new }) = &args.action {
        let new = new.as_deref().unwrap_or(name);
        let written = layout::copy(&ws.root, name, new).map_err(anyhow::Error::msg)?;
        if !cli.quiet {
            eprintln!(
                "copied layout {name} to layouts/{new}/ ({} files); a posting with `layout: {new}` uses it",
                written.len()
            );
        }
        return Ok(0);
    }
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
        let options = |l: &LayoutInfo| match &l.options {
            Some(o) if o.is_empty() => "none".to_string(),
            Some(o) => o.join(" "),
            None => "(does not say)".to_string(),
        };
        let w_opt = width(&|l| options(l).chars().count(), 7);
        writeln!(
            out,
            "{:w_name$}  {:w_from$}  {:w_ext$}  {:w_opt$}  NOTE",
            "LAYOUT", "FROM", "EXTENDS", "OPTIONS"
        )?;
        for l in &layouts {
            let note = match (&l.problem, l.hides_builtin) {
                (Some(p), _) => format!("error: {p}"),
                (None, true) => format!("hides the built-in {}", l.name),
                (None, false) => String::new(),
            };
            let line = format!(
                "{:w_name$}  {:w_from$}  {:w_ext$}  {:w_opt$}  {note}",
                l.name,
                from(l),
                l.extends.as_deref().unwrap_or("-"),
                options(l)
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    let broken = layouts.iter().any(|l| l.problem.is_some());
    Ok(if broken { super::EXIT_FAILED } else { 0 })
}
