//! Content fingerprints: a document is recompiled only when what it is built
//! from changed — its rendered Typst source, the layout's static files, the
//! fonts, files it embeds (a photo), the typst version and the arguments.
//! Contents are hashed, never mtimes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Hashes of input files and directories, each read at most once per run.
#[derive(Default)]
pub struct Hasher {
    cache: HashMap<PathBuf, String>,
}

impl Hasher {
    /// Hash of a file's bytes, or of a directory's files (names and bytes,
    /// sorted, recursively; templates `*.j2` excluded since their output is
    /// hashed as the rendered source). A missing path hashes as "missing".
    pub fn path(&mut self, path: &Path) -> String {
        if let Some(h) = self.cache.get(path) {
            return h.clone();
        }
        let mut h = blake3::Hasher::new();
        hash_path(&mut h, path, path);
        let hex = h.finalize().to_hex().to_string();
        self.cache.insert(path.to_path_buf(), hex.clone());
        hex
    }
}

fn hash_path(h: &mut blake3::Hasher, base: &Path, path: &Path) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.extension().is_some_and(|x| x == "j2") {
                continue;
            }
            hash_path(h, base, &e);
        }
    } else {
        let rel = path.strip_prefix(base).unwrap_or(path);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(&[0]);
        match std::fs::read(path) {
            Ok(bytes) => {
                h.update(&(bytes.len() as u64).to_le_bytes());
                h.update(&bytes);
            }
            Err(_) => {
                h.update(b"missing");
            }
        }
    }
}

/// The fingerprint of one document from its parts.
pub fn document(typst_version: &str, args: &[String], source: &[u8], inputs: &[String]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"dossier ");
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(b"\0typst ");
    h.update(typst_version.as_bytes());
    for a in args {
        h.update(b"\0arg ");
        h.update(a.as_bytes());
    }
    h.update(b"\0source ");
    h.update(&(source.len() as u64).to_le_bytes());
    h.update(source);
    for i in inputs {
        h.update(b"\0input ");
        h.update(i.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_part_changes_the_fingerprint() {
        let base = document("0.15.1", &["a".into()], b"src", &["x".into()]);
        assert_eq!(
            base,
            document("0.15.1", &["a".into()], b"src", &["x".into()])
        );
        assert_ne!(
            base,
            document("0.15.2", &["a".into()], b"src", &["x".into()])
        );
        assert_ne!(
            base,
            document("0.15.1", &["b".into()], b"src", &["x".into()])
        );
        assert_ne!(
            base,
            document("0.15.1", &["a".into()], b"src2", &["x".into()])
        );
        assert_ne!(
            base,
            document("0.15.1", &["a".into()], b"src", &["y".into()])
        );
        // Boundaries are unambiguous.
        assert_ne!(
            document("v", &["ab".into(), "c".into()], b"", &[]),
            document("v", &["a".into(), "bc".into()], b"", &[])
        );
    }

    #[test]
    fn directory_hash_follows_contents_not_times() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("lib.typ"), "a").unwrap();
        std::fs::write(dir.path().join("cv.typ.j2"), "template").unwrap();
        let h1 = Hasher::default().path(dir.path());
        std::fs::write(dir.path().join("cv.typ.j2"), "changed template").unwrap();
        assert_eq!(
            h1,
            Hasher::default().path(dir.path()),
            "templates are covered by the rendered source"
        );
        std::fs::write(dir.path().join("lib.typ"), "a").unwrap();
        assert_eq!(
            h1,
            Hasher::default().path(dir.path()),
            "rewriting the same bytes changes nothing"
        );
        std::fs::write(dir.path().join("lib.typ"), "b").unwrap();
        assert_ne!(h1, Hasher::default().path(dir.path()));
    }
}
