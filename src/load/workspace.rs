//! Finding a workspace and the candidates and postings in it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// A directory with a `profiles/` folder.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Absolute, canonical path.
    pub root: PathBuf,
}

/// `profiles/<id>.yaml` and the tailoring files in `profiles/<id>/`.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub profile: PathBuf,
    pub postings: Vec<PostingFile>,
}

/// `profiles/<candidate>/<id>.yaml`.
#[derive(Debug, Clone)]
pub struct PostingFile {
    pub candidate: String,
    pub id: String,
    pub path: PathBuf,
    /// The candidate's profile, `profiles/<candidate>.yaml`.
    pub profile: PathBuf,
}

impl PostingFile {
    /// `candidate/posting`, the name used on the command line and in reports.
    pub fn key(&self) -> String {
        format!("{}/{}", self.candidate, self.id)
    }
}

/// Ids taken from file names become directory names under `output/`, so they are
/// restricted to a safe alphabet: no separators, no leading dot.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Workspace {
    /// `dir` itself if given (it must have `profiles/`), else the current
    /// directory or the nearest ancestor that has `profiles/`.
    pub fn find(dir: Option<&Path>) -> Result<Workspace> {
        let start = match dir {
            Some(d) => d.to_path_buf(),
            None => std::env::current_dir().context("cannot read the current directory")?,
        };
        let start = start
            .canonicalize()
            .with_context(|| format!("{}: cannot open workspace directory", start.display()))?;
        if dir.is_some() {
            if !start.join("profiles").is_dir() {
                bail!(
                    "{}: not a dossier workspace (no profiles/ folder); run `dossier init` there or pass -C DIR",
                    start.display()
                );
            }
            return Ok(Workspace { root: start });
        }
        let mut cur: Option<&Path> = Some(&start);
        while let Some(d) = cur {
            if d.join("profiles").is_dir() {
                return Ok(Workspace {
                    root: d.to_path_buf(),
                });
            }
            cur = d.parent();
        }
        bail!(
            "{}: no dossier workspace here or above (no profiles/ folder); pass -C DIR",
            start.display()
        )
    }

    /// Path relative to the workspace, for messages.
    pub fn shown(&self, path: &Path) -> PathBuf {
        crate::diag::display_path(path, &self.root)
    }

    /// All candidates with their tailoring files, sorted by id.
    pub fn candidates(&self) -> Result<Vec<Candidate>> {
        let profiles = self.root.join("profiles");
        let mut out = Vec::new();
        for path in yaml_files(&profiles)? {
            let Some(id) = stem(&path) else { continue };
            if !is_safe_id(&id) {
                bail!(
                    "{}: profile file name must use letters, digits, `-`, `_` or `.` only",
                    self.shown(&path).display()
                );
            }
            let dir = profiles.join(&id);
            let mut postings = Vec::new();
            if dir.is_dir() {
                for p in yaml_files(&dir)? {
                    let Some(pid) = stem(&p) else { continue };
                    if !is_safe_id(&pid) {
                        bail!(
                            "{}: posting file name must use letters, digits, `-`, `_` or `.` only",
                            self.shown(&p).display()
                        );
                    }
                    postings.push(PostingFile {
                        candidate: id.clone(),
                        id: pid,
                        path: p,
                        profile: path.clone(),
                    });
                }
            }
            out.push(Candidate {
                id,
                profile: path,
                postings,
            });
        }
        // A tailoring folder without its profile is a mistake worth naming.
        for entry in read_dir_sorted(&profiles)? {
            if entry.is_dir() {
                let name = entry
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                if !out.iter().any(|c| c.id == name) && has_yaml(&entry) {
                    bail!(
                        "{}: tailoring folder has no profile; expected profiles/{name}.yaml",
                        self.shown(&entry).display()
                    );
                }
            }
        }
        Ok(out)
    }
}

fn stem(path: &Path) -> Option<String> {
    path.file_stem().map(|s| s.to_string_lossy().into_owned())
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read directory", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn is_yaml(path: &Path) -> bool {
    // Hidden files are an editor's or our own temporary files (`dossier
    // new` writes `.posting.<pid>-<n>.part.yaml` before linking it).
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden
        && matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        )
        && path.is_file()
}

fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>> {
    Ok(read_dir_sorted(dir)?
        .into_iter()
        .filter(|p| is_yaml(p))
        .collect())
}

fn has_yaml(dir: &Path) -> bool {
    yaml_files(dir).map(|v| !v.is_empty()).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids() {
        assert!(is_safe_id("smit-2025"));
        assert!(is_safe_id("a.b_c"));
        for bad in ["", ".", "..", ".hidden", "a/b", "a b", "õ"] {
            assert!(!is_safe_id(bad), "{bad}");
        }
    }
}
