//! Layouts: `layouts/<name>/cv.typ.j2`, `letter.typ.j2` and the static Typst
//! files beside them. Looked up in the workspace.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Pos};
use crate::load::workspace::is_safe_id;

#[derive(Debug, Clone)]
pub struct Layout {
    /// Directory of the layout.
    pub dir: PathBuf,
    /// The layout directory as a Typst root-relative path (`/layouts/classic`),
    /// for `#import` in templates.
    pub import_dir: String,
    pub cv_source: String,
    pub letter_source: String,
    /// Template paths as shown in messages.
    pub cv_path: PathBuf,
    pub letter_path: PathBuf,
}

/// Layout names available: the workspace's, then the built-in ones.
pub fn available(root: &Path) -> Vec<String> {
    let mut names = in_workspace(root);
    for b in crate::builtin::layout_names() {
        if !names.iter().any(|n| n == b) {
            names.push(b.to_string());
        }
    }
    names
}

fn in_workspace(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("layouts"))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().join("cv.typ.j2").is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Load layout `name`; `asked_at` is the file and position that named it.
pub fn load(root: &Path, name: &str, asked_at: (&Path, Pos)) -> Result<Layout, Diagnostic> {
    let unknown = || {
        Diagnostic::new(
            asked_at.0,
            format!(
                "unknown layout \"{name}\"{}; available: {}",
                crate::diag::did_you_mean(name, available(root).iter().map(String::as_str))
                    .map(|b| format!("; did you mean \"{b}\"?"))
                    .unwrap_or_default(),
                available(root).join(", ")
            ),
        )
        .at(asked_at.1)
        .field("layout")
    };
    if !is_safe_id(name) {
        return Err(unknown());
    }
    let mut dir = root.join("layouts").join(name);
    let mut import_dir = format!("/layouts/{name}");
    if !dir.join("cv.typ.j2").is_file() {
        // Not in the workspace: a built-in layout, unpacked below output/.
        if !crate::builtin::layout_names().contains(&name) {
            return Err(unknown());
        }
        let prefix = format!("layouts/{name}/");
        dir = crate::builtin::unpack(
            root,
            crate::builtin::UNPACK_DIR,
            crate::builtin::LAYOUTS,
            &prefix,
        )
        .map_err(|e| {
            Diagnostic::new(
                crate::builtin::UNPACK_DIR,
                format!("cannot unpack layout \"{name}\": {e:#}"),
            )
        })?;
        import_dir = format!("/{}/layouts/{name}", crate::builtin::UNPACK_DIR);
    }
    // The layout directory must really be inside the workspace (no symlink out).
    let real = dir
        .canonicalize()
        .map_err(|e| Diagnostic::new(asked_at.0, format!("layout \"{name}\": {e}")))?;
    if !real.starts_with(root) {
        return Err(Diagnostic::new(
            &dir,
            format!("layout \"{name}\" points outside the workspace"),
        )
        .field("layout"));
    }
    let read = |file: &str| -> Result<(String, PathBuf), Diagnostic> {
        let path = dir.join(file);
        let shown = crate::diag::display_path(&path, root);
        std::fs::read_to_string(&path)
            .map(|s| (s, shown.clone()))
            .map_err(|e| Diagnostic::new(shown, format!("cannot read template: {e}")))
    };
    let (cv_source, cv_path) = read("cv.typ.j2")?;
    let (letter_source, letter_path) = read("letter.typ.j2")?;
    Ok(Layout {
        import_dir,
        dir,
        cv_source,
        letter_source,
        cv_path,
        letter_path,
    })
}
