//! Every file dossier writes below `output/` goes through here: temporary
//! names, atomic writes, write-if-changed, removal of a killed run's
//! leftovers, and the lock that keeps two dossier processes from writing
//! `output/` at the same time. This is the one place that names temporary
//! files.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context as _, Result};

/// Marks a temporary file: `.name.<pid>-<n>.part.ext`.
const PART: &str = ".part.";

/// `dir/.name.<pid>-<n>.part.ext` — hidden, next to the target so that the
/// rename is atomic, with the target's extension so that typst knows the
/// format, and unique per call: no two writers, in one process or in two,
/// ever share a temporary file.
pub fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{stem}.{}-{n}{PART}{ext}", std::process::id()))
}

/// Whether `name` is one of our temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(PART)
}

/// Write `contents` to `path` atomically: readers see the old file or the
/// new one, never a part.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let tmp = temp_path(path);
    if let Err(e) = std::fs::write(&tmp, contents) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
    })
}

/// Write `contents` to a new file `path`, whole or not at all, and never
/// over an existing file — even one that appears while writing (two runs of
/// `dossier new` at once): the temporary file is linked to `path`, which
/// fails with `AlreadyExists` when `path` exists.
pub fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let tmp = temp_path(path);
    let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Write `contents` to `path` atomically, unless it already has exactly
/// them (an unchanged file keeps its modification time). `true` if written.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    write_atomic(path, contents)?;
    Ok(true)
}

/// Remove temporary files left in `dir` by a killed run. Only called while
/// holding the [`OutputLock`], so no other process is writing them.
pub fn clean_stale_temps(dir: &Path) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if is_temp_name(&e.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// `output/.lock`: held by a process that writes below `output/` (build,
/// watch while it rebuilds), as cargo locks its target directory. It is an
/// advisory lock of the operating system, so it dies with its process: a
/// killed run never blocks the next one.
pub struct OutputLock {
    file: File,
}

pub const LOCK_FILE: &str = "output/.lock";

impl OutputLock {
    /// Take the lock of the workspace at `root`, waiting for another process
    /// that holds it; `waiting` is called once, before waiting, with that
    /// process's id when known.
    pub fn acquire(root: &Path, waiting: impl FnOnce(Option<u32>)) -> Result<OutputLock> {
        let path = root.join(LOCK_FILE);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                waiting(text.trim().parse().ok());
                file.lock()
                    .with_context(|| format!("cannot lock {}", path.display()))?;
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("cannot lock {}", path.display()));
            }
        }
        // Who holds it, for the message of the next one to wait.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(file, "{}", std::process::id());
        Ok(OutputLock { file })
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_unique_per_call_and_recognised() {
        let a = temp_path(Path::new("out/cv.typ.j2"));
        let b = temp_path(Path::new("out/cv.typ.j2"));
        assert_ne!(a, b);
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".cv.typ."), "{name}");
        assert!(name.ends_with(".part.j2"), "{name}");
        assert!(is_temp_name(&name));
        assert!(!is_temp_name("cv.pdf"));
        assert!(!is_temp_name(".lock"));
    }

    #[test]
    fn many_threads_writing_one_file_never_fail() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("same.txt");
        std::thread::scope(|s| {
            for i in 0..8 {
                let target = &target;
                s.spawn(move || {
                    for j in 0..50 {
                        write_atomic(target, format!("{i}-{j}").as_bytes()).unwrap();
                    }
                });
            }
        });
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("same.txt")]);
    }

    #[test]
    fn write_if_changed_leaves_equal_files_alone() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a");
        assert!(write_if_changed(&f, b"x").unwrap());
        assert!(!write_if_changed(&f, b"x").unwrap());
        assert!(write_if_changed(&f, b"y").unwrap());
        assert_eq!(std::fs::read(&f).unwrap(), b"y");
    }

    #[test]
    fn second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(dir.path(), |_| panic!("nobody holds it")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let root = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            let _second = OutputLock::acquire(&root, |pid| tx.send(pid).unwrap()).unwrap();
        });
        // The second one reports whom it waits for, then blocks.
        let pid = rx.recv().unwrap();
        assert_eq!(pid, Some(std::process::id()));
        assert!(!waiter.is_finished());
        drop(first);
        waiter.join().unwrap();
    }
}
