//! Layouts: `layouts/<name>/cv.typ.j2`, `letter.typ.j2` and the static Typst
//! files beside them. Looked up in the workspace, then among the built-in ones.

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
    let mut names = in_workspace_names(root);
    for b in crate::builtin::layout_names() {
        if !names.iter().any(|n| n == b) {
            names.push(b.to_string());
        }
    }
    names
}

fn in_workspace_names(root: &Path) -> Vec<String> {
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

/// Whether the workspace has its own layout `name` (which then hides a
/// built-in one of the same name).
pub fn in_workspace(root: &Path, name: &str) -> bool {
    is_safe_id(name) && is_layout_dir(&root.join("layouts").join(name))
}

/// A layout has its templates, or an `extends` file naming the layout whose
/// templates it uses (with its own `lib.typ`).
fn is_layout_dir(dir: &Path) -> bool {
    dir.join("cv.typ.j2").is_file() || dir.join("extends").is_file()
}

/// Where a layout's files are: the workspace's `layouts/<name>/`, or a
/// built-in layout, whose files are read from the binary here and which a
/// build unpacks below `output/.builtin/` for typst (see `builtin::unpack`).
struct Place {
    name: String,
    dir: PathBuf,
    import_dir: String,
    builtin: bool,
}

impl Place {
    /// A file of the layout, as text, and its path as shown in messages;
    /// `None` when the layout has no such file.
    fn read(&self, root: &Path, file: &str) -> Option<Result<(String, PathBuf), Diagnostic>> {
        let path = self.dir.join(file);
        let shown = crate::diag::display_path(&path, root);
        if self.builtin {
            let bytes = crate::builtin::file(&format!("layouts/{}/{file}", self.name))?;
            return Some(
                String::from_utf8(bytes.to_vec())
                    .map(|s| (s, shown.clone()))
                    .map_err(|_| Diagnostic::new(shown, "built-in file is not UTF-8")),
            );
        }
        if !path.is_file() {
            return None;
        }
        Some(
            std::fs::read_to_string(&path)
                .map(|s| (s, shown.clone()))
                .map_err(|e| Diagnostic::new(shown, format!("cannot read template: {e}"))),
        )
    }
}

/// The layout `name`: the workspace's, else a built-in one. `None` if there is none.
fn locate(root: &Path, name: &str) -> Option<Place> {
    if in_workspace(root, name) {
        return Some(Place {
            name: name.to_string(),
            dir: root.join("layouts").join(name),
            import_dir: format!("/layouts/{name}"),
            builtin: false,
        });
    }
    if !crate::builtin::layout_names().contains(&name) {
        return None;
    }
    Some(Place {
        name: name.to_string(),
        dir: root
            .join(crate::builtin::UNPACK_DIR)
            .join("layouts")
            .join(name),
        import_dir: format!("/{}/layouts/{name}", crate::builtin::UNPACK_DIR),
        builtin: true,
    })
}

/// A template of the layout at `place`, or of the layout it extends.
fn template(
    root: &Path,
    place: &Place,
    file: &str,
    depth: usize,
) -> Result<(String, PathBuf), Diagnostic> {
    if let Some(found) = place.read(root, file) {
        return found;
    }
    let shown = crate::diag::display_path(&place.dir.join(file), root);
    let Some(Ok((base, shown_ext))) = place.read(root, "extends") else {
        return Err(Diagnostic::new(
            shown,
            "layout has no such template and extends no other layout",
        ));
    };
    let base = base.trim();
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
    template(root, &found, file, depth + 1)
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
    let place = locate(root, name).ok_or_else(unknown)?;
    // A workspace layout must really be inside the workspace (no symlink out).
    if !place.builtin {
        let real = place
            .dir
            .canonicalize()
            .map_err(|e| Diagnostic::new(asked_at.0, format!("layout \"{name}\": {e}")))?;
        if !real.starts_with(root) {
            return Err(Diagnostic::new(
                &place.dir,
                format!("layout \"{name}\" points outside the workspace"),
            )
            .field("layout"));
        }
    }
    let (cv_source, cv_path) = template(root, &place, "cv.typ.j2", 0)?;
    let (letter_source, letter_path) = template(root, &place, "letter.typ.j2", 0)?;
    Ok(Layout {
        import_dir: place.import_dir,
        dir: place.dir,
        cv_source,
        letter_source,
        cv_path,
        letter_path,
    })
}
