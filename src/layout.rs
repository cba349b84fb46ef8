//! Layouts: `layouts/<name>/` with templates (`cv.typ.j2`, `letter.typ.j2`
//! and the `*.j2` files they include or import) and static Typst files
//! (`lib.typ`, `style.typ`). A layout may `extends` another: a file `extends`
//! naming the layout whose files it uses wherever it has none of its own.
//! Looked up in the workspace, then among the built-in ones.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::{Diagnostic, Pos};
use crate::load::workspace::is_safe_id;

/// A template of a layout: its name (`cv.typ.j2`), text and path as shown.
#[derive(Debug, Clone)]
pub struct Template {
    pub name: String,
    pub source: String,
    pub path: PathBuf,
}

#[derive(Debug, Clone)]
pub struct Layout {
    /// Directories of the layout and of the layouts it extends, nearest
    /// first: everything a document of this layout may read.
    pub dirs: Vec<PathBuf>,
    /// The layout directory as a Typst root-relative path (`/layouts/classic`).
    pub import_dir: String,
    /// Root-relative Typst paths of the nearest `lib.typ` and `style.typ`.
    pub lib: Option<String>,
    pub style: Option<String>,
    /// Every template of the chain by name, the nearest layout's version.
    pub templates: Vec<Template>,
    /// The style options it honours (its `options` file, or the nearest
    /// one up the `extends` chain); `None`: it does not say.
    pub options: Option<Vec<String>>,
    /// What its CV carries inside the PDF (its `attachments` file, or the
    /// nearest one up the `extends` chain): [`ATTACHMENTS`].
    pub attachments: Vec<String>,
}

/// What a layout's `attachments` file may name: `europass`, the CV as
/// Europass XML, written beside the CV's Typst source and named to the
/// template by `europass_xml`.
pub const ATTACHMENTS: [&str; 1] = ["europass"];

impl Layout {
    /// Whether its CV carries the Europass XML.
    pub fn attaches_europass(&self) -> bool {
        self.attachments.iter().any(|a| a == "europass")
    }

    pub fn template(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// The warnings about a posting's style options, each where the option
    /// was set: an option this layout (named `name`) ignores, and `photo:
    /// true` with no photo in the profile (which would show nothing, silently).
    pub fn style_warnings(&self, name: &str, ctx: &crate::tailor::Context) -> Vec<Diagnostic> {
        let mut out = self.ignored_options(name, &ctx.style);
        let honours_photo = self
            .options
            .as_ref()
            .is_none_or(|o| o.iter().any(|h| h == "photo"));
        if ctx.style.photo
            && ctx.candidate.photo.is_none()
            && honours_photo
            && let Some((_, file, pos)) = ctx.style.set.iter().find(|(o, _, _)| *o == "photo")
        {
            out.push(
                Diagnostic::warning(
                    file,
                    format!(
                        "`photo: true`, but profiles/{}.yaml has no `photo:`, so the CV shows none; \
                         add `photo: <file>` (a JPEG or PNG next to the profile) or remove this option",
                        ctx.candidate.id
                    ),
                )
                .at(*pos)
                .field("style.photo"),
            );
        }
        out
    }

    /// The style options set that this layout (named `name`) does not
    /// honour: a warning each, where the option was set. A layout without
    /// an `options` file is taken to honour them all.
    pub fn ignored_options(
        &self,
        name: &str,
        style: &crate::tailor::context::StyleCtx,
    ) -> Vec<Diagnostic> {
        let Some(honoured) = &self.options else {
            return Vec::new();
        };
        style
            .set
            .iter()
            .filter(|(option, _, _)| !honoured.iter().any(|h| h == option))
            .map(|(option, file, pos)| {
                Diagnostic::warning(
                    file,
                    format!(
                        "layout \"{name}\" ignores this option; it honours {}",
                        if honoured.is_empty() {
                            "none".to_string()
                        } else {
                            honoured.join(", ")
                        }
                    ),
                )
                .at(*pos)
                .field(format!("style.{option}"))
            })
            .collect()
    }
}

/// Where a layout a posting may name comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// `layouts/<name>/` of the workspace.
    Workspace,
    /// Carried in the binary (`builtin::LAYOUTS`).
    BuiltIn,
}

/// A layout a posting may name, as `dossier layouts` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayoutInfo {
    pub name: String,
    pub source: Source,
    /// The workspace directory (`layouts/<name>`), relative to the
    /// workspace; `None` for a built-in layout.
    pub path: Option<PathBuf>,
    /// The layout named in its `extends` file.
    pub extends: Option<String>,
    /// A workspace layout with the name of a built-in one, which a posting
    /// naming it no longer gets.
    pub hides_builtin: bool,
    /// Why a posting naming it would fail (what `load` says), if it would.
    pub problem: Option<String>,
    /// The style options it honours (`None`: it does not say).
    pub options: Option<Vec<String>>,
}

/// Every layout a posting may name, in the order of [`available`]: where it
/// comes from, what it extends, whether it hides a built-in one and whether
/// it loads.
pub fn describe(root: &Path) -> Vec<LayoutInfo> {
    let builtin = crate::builtin::layout_names();
    available(root)
        .into_iter()
        .filter_map(|name| {
            let place = locate(root, &name)?;
            let extends = place
                .read(root, "extends")
                .and_then(Result::ok)
                .map(|(text, _)| text.trim().to_string());
            let asked_at = crate::diag::display_path(&place.dir, root);
            let loaded = load(root, &name, (&asked_at, Pos::default()));
            let options = loaded.as_ref().ok().and_then(|l| l.options.clone());
            let problem = loaded.err().map(|d| d.to_string());
            Some(LayoutInfo {
                source: if place.builtin {
                    Source::BuiltIn
                } else {
                    Source::Workspace
                },
                path: (!place.builtin).then_some(asked_at),
                extends,
                hides_builtin: !place.builtin && builtin.contains(&name.as_str()),
                problem,
                options,
                name,
            })
        })
        .collect()
}

/// Copy layout `name` (the workspace's, else the built-in one) into the
/// workspace as `layouts/<new>/`, to change it there. Never overwrites: the
/// target must not exist. What it extends stays extended, not copied.
/// Returns the files written (workspace-relative).
pub fn copy(root: &Path, name: &str, new: &str) -> Result<Vec<PathBuf>, String> {
    if !is_safe_id(new) {
        return Err(format!(
            "\"{new}\" cannot be a layout name: use letters, digits, `-`, `_` or `.`"
        ));
    }
    let place = locate(root, name).ok_or_else(|| unknown(root, name))?;
    let target = PathBuf::from("layouts").join(new);
    if root.join(&target).exists() {
        return Err(format!(
            "{} exists already; nothing is overwritten (name the copy: `dossier layouts copy {name} NEW`)",
            target.display()
        ));
    }
    std::fs::create_dir_all(root.join(&target))
        .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    let mut written = Vec::new();
    for file in place.files() {
        let bytes = if place.builtin {
            crate::builtin::file(&format!("layouts/{name}/{file}"))
                .map(<[u8]>::to_vec)
                .unwrap_or_default()
        } else {
            std::fs::read(place.dir.join(&file))
                .map_err(|e| format!("cannot read {}: {e}", place.dir.join(&file).display()))?
        };
        let path = target.join(&file);
        std::fs::write(root.join(&path), bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// `unknown layout "x"; did you mean "y"?; available: …`
fn unknown(root: &Path, name: &str) -> String {
    let all = available(root);
    format!(
        "unknown layout \"{name}\"{}; available: {}",
        crate::diag::did_you_mean(name, all.iter().map(String::as_str))
            .map(|b| format!("; did you mean \"{b}\"?"))
            .unwrap_or_default(),
        all.join(", ")
    )
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
/// templates it uses.
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
    /// The names of the layout's files (not of subdirectories).
    fn files(&self) -> Vec<String> {
        if self.builtin {
            let prefix = format!("layouts/{}/", self.name);
            return crate::builtin::LAYOUTS
                .iter()
                .filter_map(|(p, _)| p.strip_prefix(&prefix))
                .filter(|f| !f.contains('/'))
                .map(str::to_string)
                .collect();
        }
        let mut names: Vec<String> = std::fs::read_dir(&self.dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter(|e| e.path().is_file())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

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

/// The layout at `first` and the layouts it extends, nearest first.
fn chain(root: &Path, first: Place) -> Result<Vec<Place>, Diagnostic> {
    let mut chain = vec![first];
    while let Some(last) = chain.last() {
        let Some(extends) = last.read(root, "extends") else {
            break;
        };
        let (base, shown) = extends?;
        let base = base.trim();
        if chain.len() > 4 || chain.iter().any(|p| p.name == base) {
            return Err(Diagnostic::new(
                shown,
                "layouts extend each other too deeply (a loop?)",
            ));
        }
        let Some(found) = locate(root, base) else {
            return Err(Diagnostic::new(
                shown,
                format!(
                    "extends unknown layout \"{base}\"; available: {}",
                    available(root).join(", ")
                ),
            ));
        };
        chain.push(found);
    }
    Ok(chain)
}

/// Load layout `name`; `asked_at` is the file and position that named it.
pub fn load(root: &Path, name: &str, asked_at: (&Path, Pos)) -> Result<Layout, Diagnostic> {
    let unknown = || {
        Diagnostic::new(asked_at.0, unknown(root, name))
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
    let chain = chain(root, place)?;
    let mut templates: Vec<Template> = Vec::new();
    let mut lib = None;
    let mut style = None;
    let mut options = None;
    let mut attachments = None;
    for place in &chain {
        if attachments.is_none()
            && let Some(found) = place.read(root, "attachments")
        {
            let (text, path) = found?;
            let words: Vec<String> = words(&text);
            if let Some(bad) = words.iter().find(|w| !ATTACHMENTS.contains(&w.as_str())) {
                return Err(Diagnostic::new(
                    path,
                    format!(
                        "unknown attachment \"{bad}\"; known: {}",
                        ATTACHMENTS.join(", ")
                    ),
                ));
            }
            attachments = Some(words);
        }
        if options.is_none()
            && let Some(found) = place.read(root, "options")
        {
            let (text, _) = found?;
            options = Some(words(&text));
        }
        for file in place.files() {
            if file.ends_with(".j2") && !templates.iter().any(|t| t.name == file) {
                if let Some(read) = place.read(root, &file) {
                    let (source, path) = read?;
                    templates.push(Template {
                        name: file,
                        source,
                        path,
                    });
                }
            } else if file == "lib.typ" && lib.is_none() {
                lib = Some(format!("{}/lib.typ", place.import_dir));
            } else if file == "style.typ" && style.is_none() {
                style = Some(format!("{}/style.typ", place.import_dir));
            }
        }
    }
    let own = &chain[0];
    for required in ["cv.typ.j2", "letter.typ.j2"] {
        if !templates.iter().any(|t| t.name == required) {
            return Err(Diagnostic::new(
                crate::diag::display_path(&own.dir.join(required), root),
                "layout has no such template and extends no other layout",
            ));
        }
    }
    Ok(Layout {
        import_dir: own.import_dir.clone(),
        dirs: chain.iter().map(|p| p.dir.clone()).collect(),
        lib,
        style,
        templates,
        options,
        attachments: attachments.unwrap_or_default(),
    })
}

/// The words of a layout's list file (`options`, `attachments`): `#` starts
/// a comment.
fn words(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .flat_map(|l| l.split_whitespace())
        .map(str::to_string)
        .collect()
}
