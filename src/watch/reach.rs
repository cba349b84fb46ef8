//! Which postings a changed file reaches. Only the workspace's layout is
//! known here — `profiles/<candidate>.yaml`, `profiles/<candidate>/<posting>.yaml`,
//! `layouts/…` — not what the files say: a change reaches every posting that
//! may read the file, and the fingerprints then decide what is compiled.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use crate::load::PostingFile;

/// What one changed path reaches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A layout, a font, an image a profile may show, `profiles/` itself:
    /// every posting.
    Everything,
    /// `profiles/<candidate>.yaml`, or the folder `profiles/<candidate>/`
    /// appearing or going: the candidate's postings.
    Candidate(String),
    /// `profiles/<candidate>/<posting>.yaml`: that posting.
    Posting(String, String),
}

/// What a set of changed paths reaches, together.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub everything: bool,
    pub candidates: BTreeSet<String>,
    /// `(candidate, posting)`.
    pub postings: BTreeSet<(String, String)>,
}

impl Reach {
    pub fn add(&mut self, change: Change) {
        match change {
            Change::Everything => self.everything = true,
            Change::Candidate(c) => {
                self.candidates.insert(c);
            }
            Change::Posting(c, p) => {
                self.postings.insert((c, p));
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && self.candidates.is_empty() && self.postings.is_empty()
    }

    /// Whether the change may alter a document of `posting`.
    pub fn covers(&self, posting: &PostingFile) -> bool {
        self.everything
            || self.candidates.contains(&posting.candidate)
            || self
                .postings
                .contains(&(posting.candidate.clone(), posting.id.clone()))
    }
}

/// What a change of `rel` (relative to the workspace root) reaches; `None`
/// for a path no build reads: outside `profiles/` and `layouts/`, an
/// editor's swap, backup or lock file, a temporary file saved under another
/// name before being renamed over the real one.
pub fn classify(rel: &Path) -> Option<Change> {
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<&str>>>()?;
    let (&top, rest) = parts.split_first()?;
    if rest.last().is_some_and(|name| is_editor_junk(name)) {
        return None;
    }
    match (top, rest) {
        ("layouts", _) => Some(Change::Everything),
        ("profiles", []) => Some(Change::Everything),
        ("profiles", [name]) => match yaml_stem(name) {
            Some(candidate) => Some(Change::Candidate(candidate.to_string())),
            None if is_image(name) => Some(Change::Everything),
            // A folder (`profiles/<candidate>/` made or removed), or a file
            // no build reads, which reaches no posting.
            None if !name.contains('.') => Some(Change::Candidate((*name).to_string())),
            None => None,
        },
        ("profiles", [candidate, name]) => match yaml_stem(name) {
            Some(posting) => Some(Change::Posting(
                (*candidate).to_string(),
                posting.to_string(),
            )),
            None if is_image(name) => Some(Change::Everything),
            None => None,
        },
        // A photo may be anywhere below profiles/.
        ("profiles", [.., name]) if is_image(name) => Some(Change::Everything),
        _ => None,
    }
}

/// `name` without `.yaml` or `.yml`, if it has either.
fn yaml_stem(name: &str) -> Option<&str> {
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .filter(|s| !s.is_empty())
}

fn is_image(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Files editors make beside the one being edited, which no build reads:
/// hidden files (vim's `.x.yaml.swp`, Emacs's `.#x.yaml` lock, gedit's
/// `.goutputstream-…`), backups (`x.yaml~`), Emacs's `#x.yaml#`, vim's
/// `4913` probe (a number), JetBrains' `___jb_tmp___`/`___jb_old___`, and
/// `.tmp`/`.bak` files.
pub fn is_editor_junk(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".swp")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn c(path: &str) -> Option<Change> {
        classify(Path::new(path))
    }

    fn posting(candidate: &str, id: &str) -> PostingFile {
        PostingFile {
            candidate: candidate.into(),
            id: id.into(),
            path: PathBuf::from(format!("profiles/{candidate}/{id}.yaml")),
            profile: PathBuf::from(format!("profiles/{candidate}.yaml")),
        }
    }

    #[test]
    fn tailoring_files_reach_their_posting() {
        assert_eq!(
            c("profiles/mari/ringist-valja.yaml"),
            Some(Change::Posting("mari".into(), "ringist-valja".into()))
        );
        assert_eq!(
            c("profiles/mari/x.yml"),
            Some(Change::Posting("mari".into(), "x".into()))
        );
    }

    #[test]
    fn a_profile_or_its_folder_reaches_the_candidate() {
        assert_eq!(
            c("profiles/mari.yaml"),
            Some(Change::Candidate("mari".into()))
        );
        assert_eq!(c("profiles/anna"), Some(Change::Candidate("anna".into())));
    }

    #[test]
    fn layouts_fonts_and_images_reach_everything() {
        for path in [
            "layouts",
            "layouts/classic/lib.typ",
            "layouts/fonts/Inter-Regular.otf",
            "layouts/mine/extends",
            "profiles",
            "profiles/mari/photo.JPG",
            "profiles/photos/mari.png",
        ] {
            assert_eq!(c(path), Some(Change::Everything), "{path}");
        }
    }

    #[test]
    fn editor_files_and_other_places_reach_nothing() {
        for path in [
            "profiles/mari/.ringist-valja.yaml.swp",
            "profiles/mari/ringist-valja.yaml~",
            "profiles/mari/ringist-valja.yaml.tmp",
            "profiles/mari/.#ringist-valja.yaml",
            "profiles/mari/#ringist-valja.yaml#",
            "profiles/mari/4913",
            "profiles/mari/ringist-valja.yaml___jb_tmp___",
            "profiles/mari/ringist-valja.yaml___jb_old___",
            "profiles/mari/.goutputstream-ABC123",
            "profiles/mari/notes.txt",
            "profiles/notes.md",
            "profiles/mari.yaml.bak",
            "layouts/classic/.lib.typ.swp",
            "layouts/classic/lib.typ~",
            "layouts/classic/4913",
            "output/manifest.json",
            "output",
            "sent/mari/x/2026-11-12/record.json",
            "README.md",
            "schemas/profile.schema.json",
        ] {
            assert_eq!(c(path), None, "{path}");
        }
    }

    #[test]
    fn reach_covers_what_was_touched() {
        let mut r = Reach::default();
        assert!(r.is_empty());
        r.add(Change::Posting("mari".into(), "a".into()));
        assert!(r.covers(&posting("mari", "a")));
        assert!(!r.covers(&posting("mari", "b")));
        r.add(Change::Candidate("anna".into()));
        assert!(r.covers(&posting("anna", "b")));
        assert!(!r.covers(&posting("mari", "b")));
        r.add(Change::Everything);
        assert!(r.covers(&posting("mari", "b")));
    }
}
