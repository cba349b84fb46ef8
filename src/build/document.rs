//! Stage 3 for a merged posting: each of its documents rendered through its
//! layout to Typst source, written next to where its PDF will be, and given
//! a fingerprint of everything the PDF is built from.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use minijinja::value::{Serde, Value};

use super::fingerprint::{self, Hasher};
use super::merge::Merged;
use crate::compile::{Format, Job};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Workspace;
use crate::model::{DocKind, Lang};
use crate::naming;
use crate::render::Renderer;
use crate::tailor::Context;

/// A document ready to compile.
#[derive(Debug, Clone)]
pub struct Document {
    /// `candidate/posting`.
    pub posting: String,
    pub kind: DocKind,
    pub lang: Lang,
    pub layout: String,
    pub job: Job,
    /// Fingerprint of everything the PDF is built from.
    pub fingerprint: String,
    /// Most pages the document should have, and what says so (for a warning).
    pub page_limit: Option<(usize, String)>,
    /// What is worth knowing before it is compiled: characters no font
    /// has, style options its layout ignores.
    pub warnings: Vec<String>,
}

/// What shapes every document of a build.
pub struct Settings<'a> {
    pub ws: &'a Workspace,
    pub kinds: &'a [DocKind],
    pub format: Format,
    /// Creation timestamp for all PDFs (`SOURCE_DATE_EPOCH`); else the letter date.
    pub source_date_epoch: Option<i64>,
    /// Part of every fingerprint.
    pub typst_version: &'a str,
    /// Workspace-relative font directories given to typst.
    pub font_dirs: &'a [PathBuf],
    /// The characters those fonts and typst's own can show.
    pub glyphs: &'a crate::glyphs::Fonts,
    /// `--pdf-standard`, over each tailoring file's `pdf_standard`.
    pub pdf_standard: Option<&'a str>,
}

/// Loaded layouts and the hashes of their static files and of the fonts,
/// shared by the threads of a build. Valid as long as nothing below
/// `layouts/` changes: `watch` keeps one from build to build and starts a
/// new one when a layout or font changes (see [`super::Cache`]).
#[derive(Default)]
pub struct LayoutCache {
    renderers: Mutex<BTreeMap<String, Arc<Renderer>>>,
    hashes: Mutex<HashMap<PathBuf, String>>,
}

impl LayoutCache {
    fn renderer(&self, name: &str) -> Option<Arc<Renderer>> {
        self.renderers.lock().ok()?.get(name).cloned()
    }

    fn hash(&self, path: &Path) -> String {
        if let Some(h) = self.hashes.lock().ok().and_then(|m| m.get(path).cloned()) {
            return h;
        }
        let h = Hasher::default().path(path);
        if let Ok(mut m) = self.hashes.lock() {
            m.insert(path.to_path_buf(), h.clone());
        }
        h
    }
}

/// What one thread of a build keeps: the shared layouts, and the hashes of
/// other files (a photo) for this build only.
pub struct Caches<'a> {
    layouts: &'a LayoutCache,
    hasher: Hasher,
}

impl<'a> Caches<'a> {
    pub fn new(layouts: &'a LayoutCache) -> Caches<'a> {
        Caches {
            layouts,
            hasher: Hasher::default(),
        }
    }
}

/// The documents of one merged posting, one result per kind of `s.kinds`.
pub fn render_posting(
    m: &Merged,
    s: &Settings,
    caches: &mut Caches,
) -> Vec<(DocKind, Result<Document, Diagnostics>)> {
    let kinds = s.kinds;
    match prepare(m, s, caches) {
        Err(d) => kinds.iter().map(|&k| (k, Err(d.clone()))).collect(),
        Ok((renderer, inputs, dir_rel)) => {
            let ctx = &m.tailored.context;
            let ctx_value = Value::from(Serde(ctx));
            kinds
                .iter()
                .map(|&kind| {
                    let result = match (&m.tailored.letter, kind) {
                        (Err(d), DocKind::Letter) => Err(Diagnostics::from(d.clone())),
                        _ => render_one(s, m, &renderer, &ctx_value, kind, &dir_rel)
                            .map(|r| Document {
                                page_limit: page_limit(m, kind),
                                warnings: r
                                    .warnings
                                    .into_iter()
                                    .chain(
                                        renderer
                                            .layout()
                                            .style_warnings(&ctx.posting.layout, ctx)
                                            .iter()
                                            .map(ToString::to_string),
                                    )
                                    .collect(),
                                posting: m.posting.key(),
                                kind,
                                lang: ctx.lang,
                                layout: ctx.posting.layout.clone(),
                                fingerprint: fingerprint::document(
                                    s.typst_version,
                                    &r.job.args(&r.job.pdf),
                                    r.source.as_bytes(),
                                    &inputs.iter().cloned().chain(r.attached).collect::<Vec<_>>(),
                                ),
                                job: r.job,
                            })
                            .map_err(Diagnostics::from),
                    };
                    (kind, result)
                })
                .collect()
        }
    }
}

/// The posting's renderer, the hashes of the files its documents read
/// besides their source, and its output directory (created, checked).
fn prepare(
    m: &Merged,
    s: &Settings,
    caches: &mut Caches,
) -> Result<(Arc<Renderer>, Vec<String>, PathBuf), Diagnostics> {
    let Caches { layouts, hasher } = caches;
    let ws = s.ws;
    let ctx = &m.tailored.context;
    let layout_name = &ctx.posting.layout;
    // A layout that does not load is not kept: its error names the posting
    // that asked for it.
    let renderer = match layouts.renderer(layout_name) {
        Some(r) => r,
        None => {
            let r = Arc::new(m.load_layout(&ws.root).and_then(Renderer::new)?);
            if let Ok(mut map) = layouts.renderers.lock() {
                map.insert(layout_name.clone(), Arc::clone(&r));
            }
            r
        }
    };

    let dir_rel = PathBuf::from("output")
        .join(&m.posting.candidate)
        .join(&m.posting.id);
    let dir_abs = ws.root.join(&dir_rel);
    std::fs::create_dir_all(&dir_abs)
        .map_err(|e| Diagnostic::new(&dir_rel, format!("cannot create output directory: {e}")))?;
    if !inside_output(ws, &dir_rel) {
        return Err(Diagnostic::new(
            &dir_rel,
            "output directory leads outside output/ (a symlink?); remove it and build again",
        )
        .into());
    }
    crate::fsio::clean_stale_temps(&dir_abs);

    // The static files of the layout and of those it extends, the fonts,
    // the photo.
    let mut inputs: Vec<String> = renderer
        .layout()
        .dirs
        .iter()
        .map(|d| layouts.hash(d))
        .collect();
    for dir in s.font_dirs {
        inputs.push(layouts.hash(&ws.root.join(dir)));
    }
    if let Some(photo) = &ctx.candidate.photo {
        inputs.push(hasher.path(&ws.root.join(photo.trim_start_matches('/'))));
    }
    Ok((renderer, inputs, dir_rel))
}

/// Whether the directory `dir_rel` exists and is really below `output/`: a
/// symlink planted inside output/ must not lead the writes elsewhere.
pub fn inside_output(ws: &Workspace, dir_rel: &Path) -> bool {
    match (
        ws.root.join(dir_rel).canonicalize(),
        ws.root.join("output").canonicalize(),
    ) {
        (Ok(dir), Ok(out)) => dir.starts_with(out),
        _ => false,
    }
}

/// One document rendered: its compile job and source, the hashes of the
/// files it attaches, and a warning about its PDF standard.
struct Rendered {
    job: Job,
    source: String,
    attached: Vec<String>,
    /// Text no font can show; a PDF standard changed.
    warnings: Vec<String>,
}

fn render_one(
    s: &Settings,
    m: &Merged,
    renderer: &Renderer,
    ctx_value: &Value,
    kind: DocKind,
    dir_rel: &Path,
) -> Result<Rendered, Diagnostic> {
    let ctx = &m.tailored.context;
    let org = if ctx.posting.short_name.is_empty() {
        ctx.posting.id.clone()
    } else {
        ctx.posting.short_name.clone()
    };
    let stem = naming::document_stem(&ctx.candidate.name, kind, ctx.lang, &org);
    // The Europass XML, from the same context, beside the source.
    let mut attached = Vec::new();
    let europass_xml = if kind == DocKind::Cv && renderer.layout().attaches_europass() {
        let xml = crate::europass::to_xml(ctx);
        let name = format!("{stem}.xml");
        let xml_rel = dir_rel.join(&name);
        crate::fsio::write_if_changed(&s.ws.root.join(&xml_rel), xml.as_bytes())
            .map_err(|e| Diagnostic::new(&xml_rel, format!("{e:#}")))?;
        attached.push(blake3::hash(xml.as_bytes()).to_hex().to_string());
        Some(name)
    } else {
        None
    };
    let source = renderer.render(kind, ctx, ctx_value, europass_xml.as_deref())?;
    let source_rel = dir_rel.join(format!("{stem}.typ"));
    crate::fsio::write_if_changed(&s.ws.root.join(&source_rel), source.as_bytes())
        .map_err(|e| Diagnostic::new(&source_rel, format!("{e:#}")))?;
    let mut unshowable = missing_glyphs(ctx, kind, &source, s.glyphs);
    let (pdf_standard, warning) = pdf_standard(s, m, europass_xml.is_some(), unshowable.is_some());
    if let Some(w) = unshowable.as_mut()
        && pdf_standard.is_none()
    {
        w.push_str(
            "; until then the PDF is neither PDF/A nor PDF/UA, which forbid text no font can show",
        );
    }
    let job = Job {
        source: source_rel,
        pdf: match s.format {
            Format::Pdf => dir_rel.join(format!("{stem}.pdf")),
            Format::Png => dir_rel.join(format!("{stem}-{{p}}.png")),
        },
        format: s.format,
        font_dirs: s.font_dirs.to_vec(),
        pdf_standard,
        timestamp: s.source_date_epoch.unwrap_or(ctx.letter.timestamp),
    };
    Ok(Rendered {
        job,
        source,
        attached,
        warnings: unshowable.into_iter().chain(warning).collect(),
    })
}

/// The PDF standard of a document: `--pdf-standard`, else the tailoring
/// file's `pdf_standard`, else the default. A document with an attachment
/// needs PDF/A-3 (typst refuses attached files under PDF/A-1 and -2): its
/// default is `a-3a,ua-1`, and an `a-1*` or `a-2*` asked for becomes the
/// `a-3*` of the same conformance, with a warning saying so.
///
/// The default gives way when the document has text no font can show: PDF/A
/// and PDF/UA forbid it (typst refuses to write the file), and a CV with a
/// box where a letter of a name should be is still better than no CV — the
/// glyph warning says which font to add. A standard asked for explicitly is
/// kept, and typst's error then says the same.
fn pdf_standard(
    s: &Settings,
    m: &Merged,
    attaches: bool,
    unshowable: bool,
) -> (Option<String>, Option<String>) {
    use crate::model::style::{DEFAULT_PDF_STANDARD, DEFAULT_PDF_STANDARD_ATTACHED};
    let (asked, at) = match (s.pdf_standard, &m.tailoring.pdf_standard) {
        (Some(cli), _) => (cli.to_string(), "--pdf-standard".to_string()),
        (None, Some(p)) => (
            p.value.clone(),
            format!("{}:{}: pdf_standard", m.file.display(), p.pos.line),
        ),
        (None, None) if unshowable => return (None, None),
        (None, None) if attaches => {
            return (Some(DEFAULT_PDF_STANDARD_ATTACHED.to_string()), None);
        }
        (None, None) => return (Some(DEFAULT_PDF_STANDARD.to_string()), None),
    };
    if !attaches {
        return (Some(asked), None);
    }
    let upgraded: Vec<String> = asked
        .split(',')
        .map(
            |part| match part.strip_prefix("a-1").or(part.strip_prefix("a-2")) {
                Some(level) => format!("a-3{level}"),
                None => part.to_string(),
            },
        )
        .collect();
    let upgraded = upgraded.join(",");
    if upgraded == asked {
        return (Some(asked), None);
    }
    let warning = format!(
        "{at} {asked}: a PDF/A-1 or PDF/A-2 file cannot carry the Europass XML the layout \
         attaches, so the CV is {upgraded} (PDF/A-3 allows it); write {upgraded} to say so"
    );
    (Some(upgraded), Some(warning))
}

/// The characters of a document no font has: typst draws boxes for them,
/// silently. Named with the fields of the context that hold them.
fn missing_glyphs(
    ctx: &Context,
    kind: DocKind,
    source: &str,
    glyphs: &crate::glyphs::Fonts,
) -> Option<String> {
    let missing = glyphs.missing(source);
    if missing.is_empty() {
        return None;
    }
    // Parts of the context the other document shows, or none does.
    let elsewhere: &[&str] = match kind {
        DocKind::Cv => &["letter", "requirements", "labels"],
        DocKind::Letter => &["cv", "requirements", "labels"],
    };
    let mut fields = Vec::new();
    if let Ok(json) = serde_json::to_value(ctx) {
        crate::glyphs::fields_with(&json, &missing, &mut String::new(), &mut fields);
    }
    fields.retain(|f: &String| !elsewhere.iter().any(|e| f.starts_with(e)));
    Some(format!(
        "no font has {}{}: the PDF shows boxes there; add a font that has them to layouts/fonts/",
        crate::glyphs::describe(&missing),
        if fields.is_empty() {
            String::new()
        } else {
            format!(", in {}", crate::glyphs::describe_fields(&fields))
        }
    ))
}

/// `cv.max_pages` for the CV (with where it was set); one page for a letter.
fn page_limit(m: &Merged, kind: DocKind) -> Option<(usize, String)> {
    match kind {
        DocKind::Cv => {
            let limit = m.tailoring.cv.max_pages.as_ref()?;
            let at = format!(
                "{}:{}: cv.max_pages is {}",
                m.file.display(),
                limit.pos.line,
                limit.value
            );
            Some((limit.value as usize, at))
        }
        DocKind::Letter => Some((1, "a motivation letter should fit on one page".to_string())),
    }
}

/// The whole pipeline short of compiling, on texts in memory: load both
/// YAML texts, check, tailor and render both documents. Used by the fuzz
/// tests; every failure must come back as diagnostics, never as a panic.
pub fn render_texts(
    profile_yaml: &str,
    tailoring_yaml: &str,
    renderer: &Renderer,
    today: crate::model::Date,
) -> Result<Vec<String>, Diagnostics> {
    let tailored = super::merge::merge_texts(
        Path::new("/nonexistent-workspace"),
        (profile_yaml, Path::new("profiles/x.yaml")),
        (tailoring_yaml, Path::new("profiles/x/p.yaml")),
        ("x", "p"),
        today,
    )?;
    let ctx = tailored.context;
    let value = Value::from(Serde(&ctx));
    DocKind::ALL
        .into_iter()
        .map(|kind| {
            renderer
                .render(
                    kind,
                    &ctx,
                    &value,
                    (kind == DocKind::Cv && renderer.layout().attaches_europass())
                        .then_some("cv.xml"),
                )
                .map_err(Diagnostics::from)
        })
        .collect()
}
