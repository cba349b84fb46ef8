//! What the binary carries with it: the `classic` layout, its fonts and an
//! example workspace, so that `dossier init` in an empty folder works and a
//! workspace without `layouts/` still builds.

use std::path::{Path, PathBuf};

use anyhow::Result;

/// A file and its bytes, by workspace-relative path.
pub type File = (&'static str, &'static [u8]);

macro_rules! files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)))),*]
    };
}

/// The built-in layouts (`layouts/<name>/…`).
pub const LAYOUTS: &[File] = files![
    "layouts/classic/cv.typ.j2",
    "layouts/classic/letter.typ.j2",
    "layouts/classic/lib.typ",
    "layouts/formal/extends",
    "layouts/formal/lib.typ",
];

/// The bundled fonts and their licence.
pub const FONTS: &[File] = files![
    "layouts/fonts/Inter-Regular.otf",
    "layouts/fonts/Inter-Italic.otf",
    "layouts/fonts/Inter-SemiBold.otf",
    "layouts/fonts/Inter-SemiBoldItalic.otf",
    "layouts/fonts/Inter-Bold.otf",
    "layouts/fonts/OFL.txt",
];

/// The example candidate and two of her postings (one Estonian, one English).
pub const EXAMPLE: &[File] = files![
    "profiles/mari.yaml",
    "profiles/mari/sotsiaalkindlustusamet-komponendid.yaml",
    "profiles/mari/e-estonia-architect.yaml",
];

/// Where built-in files are written when a workspace lacks them: inside
/// `output/`, since Typst reads only below the workspace root.
pub const UNPACK_DIR: &str = "output/.builtin";

/// Names of the built-in layouts.
pub fn layout_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = LAYOUTS
        .iter()
        .filter_map(|(p, _)| p.strip_prefix("layouts/")?.split('/').next())
        .collect();
    names.dedup();
    names
}

/// Write the files of `set` whose path starts with `prefix` below `root/dir`
/// (unchanged files are not rewritten); returns the directory they landed in.
pub fn unpack(root: &Path, dir: &str, set: &[File], prefix: &str) -> Result<PathBuf> {
    for (path, bytes) in set.iter().filter(|(p, _)| p.starts_with(prefix)) {
        let target = root.join(dir).join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        crate::compile::write_if_changed(&target, bytes)?;
    }
    Ok(root.join(dir).join(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_the_classic_layout_and_fonts() {
        assert_eq!(layout_names(), ["classic", "formal"]);
        assert!(
            FONTS
                .iter()
                .any(|(p, b)| p.ends_with(".otf") && b.len() > 100_000)
        );
        assert!(EXAMPLE.iter().all(|(_, b)| std::str::from_utf8(b).is_ok()));
    }
}
