//! What the binary carries with it: the layouts, their fonts and an
//! example workspace, so that `dossier init` in an empty folder works and a
//! workspace without `layouts/` still builds.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

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
    "layouts/classic/options",
    "layouts/classic/preamble.typ.j2",
    "layouts/classic/sections.typ.j2",
    "layouts/europass/attachments",
    "layouts/europass/cv.typ.j2",
    "layouts/europass/extends",
    "layouts/europass/letter.typ.j2",
    "layouts/europass/lib.typ",
    "layouts/europass/options",
    "layouts/formal/extends",
    "layouts/formal/style.typ",
    "layouts/modern/extends",
    "layouts/modern/letter.typ.j2",
    "layouts/modern/lib.typ",
    "layouts/modern/options",
];

/// The bundled fonts and their licences: Inter (SIL OFL 1.1) and Open Sans
/// 1.10 (Apache 2.0, from Debian's fonts-open-sans).
pub const FONTS: &[File] = files![
    "layouts/fonts/Inter-Regular.otf",
    "layouts/fonts/Inter-Italic.otf",
    "layouts/fonts/Inter-SemiBold.otf",
    "layouts/fonts/Inter-SemiBoldItalic.otf",
    "layouts/fonts/Inter-Bold.otf",
    "layouts/fonts/OFL.txt",
    "layouts/fonts/OpenSans-Regular.ttf",
    "layouts/fonts/OpenSans-Italic.ttf",
    "layouts/fonts/OpenSans-Semibold.ttf",
    "layouts/fonts/OpenSans-Bold.ttf",
    "layouts/fonts/OpenSans-LICENSE.txt",
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

/// The bytes of a built-in file, by workspace-relative path.
pub fn file(path: &str) -> Option<&'static [u8]> {
    LAYOUTS
        .iter()
        .chain(FONTS)
        .find(|(p, _)| *p == path)
        .map(|(_, b)| *b)
}

/// Put the built-in files a build of the workspace at `root` may read below
/// `output/.builtin/`: every built-in layout the workspace does not have
/// itself, and the fonts. Called once per
/// build, before any parallel work and while holding the output lock, so
/// no two writers ever meet; unchanged files are not rewritten.
pub fn unpack(root: &Path) -> Result<()> {
    // The fonts always: typst gets them beside the workspace's own.
    let wanted = |path: &str| {
        path.starts_with("layouts/fonts/") || {
            let name = path
                .strip_prefix("layouts/")
                .and_then(|p| p.split('/').next())
                .unwrap_or_default();
            !crate::layout::in_workspace(root, name)
        }
    };
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (path, bytes) in LAYOUTS.iter().chain(FONTS).filter(|(p, _)| wanted(p)) {
        let target = root.join(UNPACK_DIR).join(path);
        let Some(parent) = target.parent() else {
            continue;
        };
        if !dirs.iter().any(|d| d == parent) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
            crate::fsio::clean_stale_temps(parent);
            dirs.push(parent.to_path_buf());
        }
        crate::fsio::write_if_changed(&target, bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_the_classic_layout_and_fonts() {
        assert_eq!(layout_names(), ["classic", "europass", "formal", "modern"]);
        assert!(
            FONTS
                .iter()
                .any(|(p, b)| p.ends_with(".otf") && b.len() > 100_000)
        );
        assert!(EXAMPLE.iter().all(|(_, b)| std::str::from_utf8(b).is_ok()));
    }

    /// Every file of the repository's `layouts/` is built in: a layout or
    /// font added there and forgotten here would be missing from every
    /// workspace without its own `layouts/`.
    #[test]
    fn every_layout_and_font_file_is_built_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut stack = vec![root.join("layouts")];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(root).unwrap();
                    files.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        files.sort();
        let mut built_in: Vec<String> = LAYOUTS
            .iter()
            .chain(FONTS)
            .map(|(p, _)| p.to_string())
            .collect();
        built_in.sort();
        assert_eq!(files, built_in);
    }
}
