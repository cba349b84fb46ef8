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
                .filter(|e| is_layout_dir(&e.path()))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A layout has its templates, or an `extends` file naming the layout whose
/// templates it uses (with its own `lib.typ`).
fn is_layout_dir(dir: &Path) -> bool {
    dir.join("cv.typ.j2").is_file() || dir.join("extends").is_file()
}

/// The directory of layout `name` and its Typst import path: the workspace's,
/// else a built-in one unpacked below output/. `None` if there is none.
fn locate(root: &Path, name: &str) -> Option<Result<(PathBuf, String), Diagnostic>> {
    if !is_safe_id(name) {
        return None;
    }
    let dir = root.join("layouts").join(name);
    if is_layout_dir(&dir) {
        return Some(Ok((dir, format!("/layouts/{name}"))));
    }
    if !crate::builtin::layout_names().contains(&name) {
        return None;
    }
    let prefix = format!("layouts/{name}/");
    let unpacked = crate::builtin::unpack(
        root,
        crate::builtin::UNPACK_DIR,
        crate::builtin::LAYOUTS,
        &prefix,
    )
    .map(|dir| {
        (
            dir,
            format!("/{}/layouts/{name}", crate::builtin::UNPACK_DIR),
        )
    })
    .map_err(|e| {
        Diagnostic::new(
            crate::builtin::UNPACK_DIR,
            format!("cannot unpack layout \"{name}\": {e:#}"),
        )
    });
    Some(unpacked)
}

/// A template of the layout in `dir`, or of the layout it extends.
fn template(
    root: &Path,
    dir: &Path,
    file: &str,
    depth: usize,
) -> Result<(String, PathBuf), Diagnostic> {
    let path = dir.join(file);
    let shown = crate::diag::display_path(&path, root);
    if path.is_file() {
        return std::fs::read_to_string(&path)
            .map(|s| (s, shown.clone()))
            .map_err(|e| Diagnostic::new(shown, format!("cannot read template: {e}")));
    }
    let extends = dir.join("extends");
    let Ok(base) = std::fs::read_to_string(&extends) else {
        return Err(Diagnostic::new(
            shown,
            "layout has no such template and extends no other layout",
        ));
    };
    let base = base.trim();
    let shown_ext = crate::diag::display_path(&extends, root);
    if depth >= 4 {
        return Err(Diagnostic::new(
            shown_ext,
            "layouts extend each other too deeply (a loop?)",
        ));
    }
    let Some(found) = locate(root, base) else {
        return Err(Diagnostic::new(
            shown_ext,
            format!(
                "extends unknown layout \"{base}\"; available: {}",
                available(root).join(", ")
            ),
        ));
    };
    template(root, &found?.0, file, depth + 1)
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
    let (dir, import_dir) = locate(root, name).ok_or_else(unknown)??;
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
    let (cv_source, cv_path) = template(root, &dir, "cv.typ.j2", 0)?;
    let (letter_source, letter_path) = template(root, &dir, "letter.typ.j2", 0)?;
    Ok(Layout {
        import_dir,
        dir,
        cv_source,
        letter_source,
        cv_path,
        letter_path,
    })
}
