//! What `dossier watch` waits for: changes below `profiles/` and `layouts/`,
//! told by the operating system (inotify, FSEvents, …) through `notify`, or
//! found by polling where no such events exist (a network file system, or
//! `--poll`). Changes come in [`Batch`]es: an editor saves a file in a burst
//! of events (write a temporary file, rename it over the old one, set its
//! mode), and the burst is one change. [`reach`] says which postings a batch
//! may alter.

pub mod reach;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use notify::{Event, RecursiveMode};

pub use reach::{Change, Reach};

/// A batch is built this long after its last event…
pub const SETTLE: Duration = Duration::from_millis(10);
/// …or this long, while a file of it is still open for writing or has just
/// disappeared (an editor that renames the old file away before writing the
/// new one).
pub const SETTLE_UNFINISHED: Duration = Duration::from_millis(50);
/// A stream of events that never pauses is built this long after it began;
/// what comes later is the next batch.
pub const MAX_WAIT: Duration = Duration::from_millis(300);
/// How often the file system is looked at when polling.
pub const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// The folders below the workspace root that are watched, recursively.
const WATCHED: [&str; 2] = ["profiles", "layouts"];

/// Changes that belong together, with what they reach.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Changed paths that a build may read, relative to the workspace root.
    pub paths: BTreeSet<PathBuf>,
    pub reach: Reach,
    /// When its first event arrived.
    pub since: Option<Instant>,
}

impl Batch {
    fn add(&mut self, rel: PathBuf, change: Change) {
        self.reach.add(change);
        self.paths.insert(rel);
        self.since.get_or_insert_with(Instant::now);
    }
}

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Events of the operating system.
    Events,
    /// Looking at every file every [`POLL_INTERVAL`].
    Polling,
}

/// The watch on a workspace's `profiles/` and `layouts/`.
pub struct Watcher {
    root: PathBuf,
    watcher: Box<dyn notify::Watcher>,
    events: Receiver<notify::Result<Event>>,
    pub mode: Mode,
    /// Problems of the watch itself (a folder that could not be watched),
    /// for the caller to print.
    pub problems: Vec<String>,
}

impl Watcher {
    /// Watch the workspace at `root` (absolute), with events unless `poll`
    /// or unless the system has none to give, else by polling.
    pub fn start(root: &Path, poll: bool) -> Result<Watcher> {
        if !poll {
            match Watcher::with(root, Mode::Events) {
                Ok(w) => return Ok(w),
                Err(e) => {
                    let mut w = Watcher::with(root, Mode::Polling)?;
                    w.problems.push(format!(
                        "file-system events are not available ({e:#}); looking for changes every {} ms instead",
                        POLL_INTERVAL.as_millis()
                    ));
                    return Ok(w);
                }
            }
        }
        Watcher::with(root, Mode::Polling)
    }

    fn with(root: &Path, mode: Mode) -> Result<Watcher> {
        let (tx, events) = channel();
        let watcher: Box<dyn notify::Watcher> = match mode {
            Mode::Events => Box::new(notify::recommended_watcher(tx)?),
            // notify's poller compares modification times in whole seconds:
            // only the contents tell two saves within a second apart.
            Mode::Polling => Box::new(notify::PollWatcher::new(
                tx,
                notify::Config::default()
                    .with_poll_interval(POLL_INTERVAL)
                    .with_compare_contents(true),
            )?),
        };
        let mut w = Watcher {
            root: root.to_path_buf(),
            watcher,
            events,
            mode,
            problems: Vec::new(),
        };
        // The root itself, for `layouts/` (or `profiles/`) appearing later.
        w.watcher
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {}", root.display()))?;
        for dir in WATCHED {
            w.watch_dir(dir)?;
        }
        Ok(w)
    }

    /// Watch `root/dir` recursively if it exists.
    fn watch_dir(&mut self, dir: &str) -> Result<()> {
        let path = self.root.join(dir);
        if path.is_dir() {
            self.watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", path.display()))?;
        }
        Ok(())
    }

    /// Wait for the next batch of changes that some build reads. Returns
    /// `None` once `stop()` says so (it is asked every 50 ms) or when the
    /// watch ends.
    pub fn next(&mut self, stop: &dyn Fn() -> bool) -> Option<Batch> {
        let mut batch = Batch::default();
        let mut unfinished: BTreeSet<PathBuf> = BTreeSet::new();
        let mut last = Instant::now();
        loop {
            let wait = match batch.since {
                None => Duration::from_millis(50),
                Some(first) => {
                    let settle = if unfinished.is_empty() {
                        SETTLE
                    } else {
                        SETTLE_UNFINISHED
                    };
                    let until = (last + settle).min(first + MAX_WAIT);
                    until.saturating_duration_since(Instant::now())
                }
            };
            match self.events.recv_timeout(wait) {
                Ok(event) => {
                    if self.take(event, &mut batch, &mut unfinished) {
                        last = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) if batch.since.is_some() => return Some(batch),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
            if stop() {
                return None;
            }
        }
    }

    /// Add `event` to `batch`; `true` if it changed something a build reads.
    fn take(
        &mut self,
        event: notify::Result<Event>,
        batch: &mut Batch,
        unfinished: &mut BTreeSet<PathBuf>,
    ) -> bool {
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                self.problems.push(format!("{e}"));
                return false;
            }
        };
        if event.need_rescan() {
            // Events were lost (the kernel's queue overflowed): anything may
            // have changed.
            batch.reach.add(Change::Everything);
            batch.since.get_or_insert_with(Instant::now);
            return true;
        }
        // Reading a file (a build does) is no change.
        if matches!(
            event.kind,
            EventKind::Access(AccessKind::Open(_) | AccessKind::Read | AccessKind::Any)
                | EventKind::Access(AccessKind::Close(AccessMode::Read | AccessMode::Execute))
        ) {
            return false;
        }
        let mut taken = false;
        for (i, path) in event.paths.iter().enumerate() {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            let rel = rel.to_path_buf();
            // `profiles/` or `layouts/` made anew: watch it.
            if rel.components().count() == 1
                && WATCHED.iter().any(|d| rel == Path::new(d))
                && matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
                )
                && let Err(e) = self.watch_dir(&rel.to_string_lossy())
            {
                self.problems.push(format!("{e:#}"));
            }
            let Some(change) = reach::classify(&rel) else {
                continue;
            };
            if self.mode == Mode::Events {
                match event.kind {
                    // Made, written, or gone (perhaps to be written anew):
                    // not finished until it is closed or renamed into place.
                    EventKind::Create(CreateKind::File)
                    | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => {
                        unfinished.insert(rel.clone());
                    }
                    // A rename's first path is where it came from.
                    EventKind::Modify(ModifyKind::Name(RenameMode::Both)) if i == 0 => {
                        unfinished.insert(rel.clone());
                    }
                    EventKind::Access(AccessKind::Close(AccessMode::Write))
                    | EventKind::Modify(ModifyKind::Name(_)) => {
                        unfinished.remove(&rel);
                    }
                    _ => {}
                }
            }
            batch.add(rel, change);
            taken = true;
        }
        taken
    }
}
