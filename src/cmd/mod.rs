//! One file per command; each is thin and calls the pipeline stages.

pub mod build;
pub mod calendar;
pub mod check;
pub mod competences;
pub mod completions;
pub mod export;
pub mod import;
pub mod init;
pub mod layouts;
pub mod list;
pub mod log;
pub mod new;
pub mod schema;
pub mod watch;

use anyhow::{Result, bail};

use crate::load::{Candidate, PostingFile, Workspace};

/// Exit status: 0 all good, 1 some document failed, 2 bad usage or unreadable input.
pub const EXIT_FAILED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// The workspace's candidates and the postings named on the command line
/// (all when none are named). An unknown name is an error listing the known ones.
pub fn select(ws: &Workspace, names: &[String]) -> Result<(Vec<Candidate>, Vec<PostingFile>)> {
    let candidates = ws.candidates()?;
    if candidates.is_empty() {
        bail!(
            "{}: no profiles in profiles/; add profiles/<candidate>.yaml (see `dossier init`)",
            ws.root.display()
        );
    }
    let all: Vec<PostingFile> = candidates
        .iter()
        .flat_map(|c| c.postings.iter().cloned())
        .collect();
    if all.is_empty() {
        bail!("no tailoring files; add profiles/<candidate>/<posting-id>.yaml");
    }
    if names.is_empty() {
        return Ok((candidates, all));
    }
    let mut chosen: Vec<PostingFile> = Vec::new();
    for name in names {
        let name = name.trim_end_matches(".yaml");
        let hits: Vec<&PostingFile> = all
            .iter()
            .filter(|p| p.key() == name || p.id == name)
            .collect();
        if hits.is_empty() {
            let known: Vec<String> = all.iter().map(|p| p.key()).collect();
            let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
            let hint = crate::diag::did_you_mean(name, ids)
                .map(|b| format!("; did you mean \"{b}\"?"))
                .unwrap_or_default();
            bail!(
                "unknown posting \"{name}\"{hint}; known: {}",
                known.join(", ")
            );
        }
        for h in hits {
            if !chosen.iter().any(|c| c.key() == h.key()) {
                chosen.push(h.clone());
            }
        }
    }
    Ok((candidates, chosen))
}
