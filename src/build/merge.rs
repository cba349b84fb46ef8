//! Stages 1 and 2 for many postings: every profile loaded and checked once,
//! then every posting's tailoring file loaded and merged with its profile,
//! in parallel. `build` renders what comes out; `check` examines it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diag::Diagnostics;
use crate::load::{PostingFile, Workspace, yaml};
use crate::model::Date;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;
use crate::tailor::{self, Sources, Tailored};

/// A profile, loaded and checked on its own.
#[derive(Debug)]
pub struct LoadedProfile {
    pub candidate: String,
    /// The profile file as shown in messages.
    pub file: PathBuf,
    pub profile: Profile,
}

/// A posting merged with its profile.
#[derive(Debug)]
pub struct Merged {
    pub posting: PostingFile,
    /// The tailoring file as shown in messages.
    pub file: PathBuf,
    pub profile: Arc<LoadedProfile>,
    pub tailoring: Tailoring,
    pub tailored: Tailored,
}

impl Merged {
    /// The posting's layout, loaded (an unknown one is an error at its
    /// `layout:` line).
    pub fn load_layout(
        &self,
        root: &Path,
    ) -> Result<crate::layout::Layout, crate::diag::Diagnostic> {
        let pos = self
            .tailoring
            .layout
            .as_ref()
            .map(|l| l.pos)
            .unwrap_or_default();
        crate::layout::load(
            root,
            &self.tailored.context.posting.layout,
            (&self.file, pos),
        )
    }
}

/// One posting after stages 1 and 2: merged, or what stopped it (in the
/// profile or in its tailoring file).
#[derive(Debug)]
pub struct MergeResult {
    pub posting: PostingFile,
    pub result: Result<Merged, Diagnostics>,
}

/// Stage 1 for a candidate's profile.
pub fn load_profile(
    ws: &Workspace,
    candidate: &str,
    path: &Path,
) -> Result<LoadedProfile, Diagnostics> {
    let shown = ws.shown(path);
    let text = yaml::read_text(path, &shown)?;
    profile_from_text(candidate, &text, shown)
}

fn profile_from_text(
    candidate: &str,
    text: &str,
    shown: PathBuf,
) -> Result<LoadedProfile, Diagnostics> {
    let profile: Profile = yaml::parse(text, &shown)?;
    tailor::check_profile(&profile, &shown).into_result(())?;
    Ok(LoadedProfile {
        candidate: candidate.to_string(),
        file: shown,
        profile,
    })
}

type Loaded = Result<Arc<LoadedProfile>, Diagnostics>;

/// Profiles loaded before, by file and by the hash of their text: a build
/// that `watch` starts after a tailoring file changed reads the (larger)
/// profile again but parses and checks it only when its text changed.
#[derive(Default)]
pub struct ProfileCache {
    loaded: Mutex<HashMap<PathBuf, (blake3::Hash, Loaded)>>,
}

impl ProfileCache {
    /// [`load_profile`], or what it gave for the same text before.
    pub fn load(&self, ws: &Workspace, candidate: &str, path: &Path) -> Loaded {
        let shown = ws.shown(path);
        let text = yaml::read_text(path, &shown)?;
        let hash = blake3::hash(text.as_bytes());
        let cached = self.loaded.lock().ok().and_then(|m| {
            m.get(path)
                .filter(|(h, _)| *h == hash)
                .map(|(_, loaded)| loaded.clone())
        });
        if let Some(loaded) = cached {
            return loaded;
        }
        let loaded = profile_from_text(candidate, &text, shown).map(Arc::new);
        if let Ok(mut m) = self.loaded.lock() {
            m.insert(path.to_path_buf(), (hash, loaded.clone()));
        }
        loaded
    }
}

/// Stages 1 and 2 for one posting.
pub fn merge_posting(
    ws: &Workspace,
    profile: &Arc<LoadedProfile>,
    posting: &PostingFile,
    today: Date,
) -> Result<Merged, Diagnostics> {
    let shown = ws.shown(&posting.path);
    let tailoring: Tailoring = yaml::load_file(&posting.path, &shown)?;
    let src = Sources {
        root: &ws.root,
        candidate_id: &posting.candidate,
        posting_id: &posting.id,
        profile_file: &profile.file,
        tailoring_file: &shown,
    };
    let tailored = tailor::tailor(&profile.profile, &tailoring, &src, today)?;
    Ok(Merged {
        posting: posting.clone(),
        file: shown,
        profile: Arc::clone(profile),
        tailoring,
        tailored,
    })
}

/// Every posting of `postings` merged, in their order; each profile is
/// loaded once, the postings are merged `threads` at a time.
pub fn merge_all(
    ws: &Workspace,
    postings: &[PostingFile],
    today: Date,
    threads: usize,
) -> Vec<MergeResult> {
    merge_all_cached(ws, postings, today, threads, &ProfileCache::default())
}

/// [`merge_all`], taking profiles whose text did not change from `cache`.
pub fn merge_all_cached(
    ws: &Workspace,
    postings: &[PostingFile],
    today: Date,
    threads: usize,
    cache: &ProfileCache,
) -> Vec<MergeResult> {
    let mut profiles: Vec<(String, Loaded)> = Vec::new();
    for p in postings {
        if profiles.iter().any(|(c, _)| *c == p.candidate) {
            continue;
        }
        let loaded = cache.load(ws, &p.candidate, &p.profile);
        profiles.push((p.candidate.clone(), loaded));
    }
    crate::par::map(
        postings,
        threads,
        || (),
        |(), posting| {
            let profile = profiles
                .iter()
                .find(|(c, _)| *c == posting.candidate)
                .map(|(_, p)| p);
            let result = match profile {
                Some(Ok(profile)) => merge_posting(ws, profile, posting, today),
                Some(Err(d)) => Err(d.clone()),
                None => Err(Diagnostics::default()),
            };
            MergeResult {
                posting: posting.clone(),
                result,
            }
        },
    )
}

/// Stages 1 and 2 on texts in memory (an import's result, a fuzz case): the
/// profile and a tailoring file loaded, checked and merged, the letter body
/// expanded — what `build` would do with them as `pfile` and `tfile`.
pub fn merge_texts(
    root: &Path,
    (profile_yaml, pfile): (&str, &Path),
    (tailoring_yaml, tfile): (&str, &Path),
    ids: (&str, &str),
    today: Date,
) -> Result<Tailored, Diagnostics> {
    let profile: Profile = yaml::parse(profile_yaml, pfile)?;
    tailor::check_profile(&profile, pfile).into_result(())?;
    let tailoring: Tailoring = yaml::parse(tailoring_yaml, tfile)?;
    let src = Sources {
        root,
        candidate_id: ids.0,
        posting_id: ids.1,
        profile_file: pfile,
        tailoring_file: tfile,
    };
    let tailored = tailor::tailor(&profile, &tailoring, &src, today)?;
    tailored.letter.clone()?;
    Ok(tailored)
}
