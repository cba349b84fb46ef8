//! `dossier watch [POSTING…]`: build, then rebuild whenever a file under
//! `profiles/` or `layouts/` changes. Changes are noticed by polling (names,
//! sizes, modification times); what is then rebuilt is decided by the content
//! fingerprints, as in `build`. Ctrl-C ends it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Result;

use crate::args::{Cli, WatchArgs};
use crate::build;
use crate::interrupt;
use crate::load::Workspace;
use crate::report::Reporter;

/// How often the workspace is looked at.
const POLL: Duration = Duration::from_millis(300);

pub fn run(cli: &Cli, args: &WatchArgs) -> Result<i32> {
    let ws = Workspace::find(cli.dir.as_deref())?;
    interrupt::install();
    let mut seen = snapshot(&ws.root);
    loop {
        // A broken file is reported and watching goes on. The plan is made
        // anew each time: a new posting may have appeared.
        let started = Instant::now();
        let built = super::build::plan(cli, &ws, &args.build).and_then(|plan| {
            let reporter = Reporter::new(cli.message_format, cli.quiet, cli.verbose);
            let outcome = build::run(&ws, &plan, &reporter)?;
            reporter.finish(&outcome, started.elapsed());
            Ok(outcome)
        });
        match built {
            Ok(outcome) if outcome.interrupted => return Ok(0),
            Ok(_) => {}
            Err(e) => eprintln!("error: {e:#}"),
        }
        if !cli.quiet {
            eprintln!(
                "watching {} for changes (Ctrl-C to stop)",
                ws.root.display()
            );
        }
        loop {
            std::thread::sleep(POLL);
            if interrupt::interrupted() {
                return Ok(0);
            }
            let now = snapshot(&ws.root);
            if now != seen {
                // Let an editor finish writing (save = several writes).
                std::thread::sleep(POLL);
                seen = snapshot(&ws.root);
                break;
            }
        }
    }
}

type Snapshot = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

fn snapshot(root: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    for dir in ["profiles", "layouts"] {
        walk(&root.join(dir), &mut out, 0);
    }
    out
}

fn walk(dir: &Path, out: &mut Snapshot, depth: usize) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let path = e.path();
        let Ok(meta) = e.metadata() else { continue };
        if meta.is_dir() {
            if depth < 4 {
                walk(&path, out, depth + 1);
            }
        } else {
            out.insert(path, (meta.len(), meta.modified().ok()));
        }
    }
}
