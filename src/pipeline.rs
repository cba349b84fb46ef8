//! The build pipeline up to compiling: for every selected posting, load →
//! tailor → render, and write the Typst source of each document. A posting that
//! fails is recorded and the others go on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::value::{Serde, Value};

use crate::builtin;
use crate::compile::{Format, Job};
use crate::diag::{Diagnostic, Diagnostics};
use crate::fingerprint::{self, Hasher};
use crate::layout;
use crate::load::yaml;
use crate::load::{Candidate, PostingFile, Workspace};
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;
use crate::model::{Date, Lang};
use crate::naming;
use crate::render::{self, DocKind, Meta, Renderer};
use crate::tailor::{self, Context, Sources};

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
}

/// Something that could not be built, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub posting: String,
    /// `None` when the whole posting failed before its documents existed.
    pub kind: Option<DocKind>,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Prepared {
    pub documents: Vec<Document>,
    pub failures: Vec<Failure>,
}

/// Options of a build that shape the documents.
pub struct Options {
    pub kinds: Vec<DocKind>,
    /// Letter date when a tailoring file sets none.
    pub today: Date,
    /// Creation timestamp for all PDFs (`SOURCE_DATE_EPOCH`); else the letter date.
    pub source_date_epoch: Option<i64>,
    /// Part of every fingerprint.
    pub typst_version: String,
    pub format: Format,
}

/// `layouts/fonts`, else the built-in fonts, unpacked below output/ by
/// `builtin::unpack` (relative to the workspace, for reproducible typst
/// arguments).
fn font_dir(ws: &Workspace) -> PathBuf {
    if ws.root.join("layouts/fonts").is_dir() {
        PathBuf::from("layouts/fonts")
    } else {
        PathBuf::from(builtin::UNPACK_DIR).join("layouts/fonts")
    }
}

/// Stage 1 for a candidate: the profile, loaded and checked on its own.
pub fn load_profile(ws: &Workspace, cand: &Candidate) -> Result<Profile, Diagnostics> {
    let shown = ws.shown(&cand.profile);
    let profile: Profile = yaml::load_file(&cand.profile, &shown)?;
    tailor::check_profile(&profile, &shown).into_result(profile)
}

/// Stages 1 and 2 for a posting: its tailoring file, loaded and merged with
/// the profile into the context.
pub fn tailor_posting(
    ws: &Workspace,
    profile: &Profile,
    profile_shown: &Path,
    posting: &PostingFile,
    today: Date,
) -> Result<(Tailoring, Context), Diagnostics> {
    let shown = ws.shown(&posting.path);
    let tailoring: Tailoring = yaml::load_file(&posting.path, &shown)?;
    let src = Sources {
        root: &ws.root,
        candidate_id: &posting.candidate,
        posting_id: &posting.id,
        profile_file: profile_shown,
        tailoring_file: &shown,
    };
    let ctx = tailor::tailor(profile, &tailoring, &src, today)?;
    Ok((tailoring, ctx))
}

/// Per-thread caches: loaded layouts and file hashes.
#[derive(Default)]
struct Caches {
    renderers: BTreeMap<String, Result<Renderer, Diagnostic>>,
    hasher: Hasher,
}

/// Load every profile once, then prepare the selected postings in parallel
/// (`threads` at a time).
pub fn prepare(
    ws: &Workspace,
    candidates: &[Candidate],
    selected: &[PostingFile],
    opts: &Options,
    threads: usize,
) -> Prepared {
    let mut out = Prepared::default();
    let font_dir = font_dir(ws);
    let mut profiles: Vec<(String, Profile, PathBuf)> = Vec::new();
    for cand in candidates {
        let postings: Vec<&PostingFile> =
            selected.iter().filter(|p| p.candidate == cand.id).collect();
        if postings.is_empty() {
            continue;
        }
        let profile_shown = ws.shown(&cand.profile);
        let profile = load_profile(ws, cand);
        match profile {
            Ok(p) => profiles.push((cand.id.clone(), p, profile_shown)),
            Err(d) => {
                for p in postings {
                    out.failures.push(Failure {
                        posting: p.key(),
                        kind: None,
                        message: d.to_string(),
                    });
                }
            }
        }
    }
    let work: Vec<(&PostingFile, &Profile, &Path)> = selected
        .iter()
        .filter_map(|posting| {
            let (_, profile, shown) = profiles
                .iter()
                .find(|(id, _, _)| *id == posting.candidate)?;
            Some((posting, profile, shown.as_path()))
        })
        .collect();
    let results = crate::par::map(
        &work,
        threads,
        Caches::default,
        |caches, (posting, profile, shown)| {
            prepare_posting(ws, profile, shown, posting, opts, caches, &font_dir)
        },
    );
    for ((posting, _, _), result) in work.iter().zip(results) {
        match result {
            Ok((docs, fails)) => {
                out.documents.extend(docs);
                out.failures.extend(fails);
            }
            Err(d) => out.failures.push(Failure {
                posting: posting.key(),
                kind: None,
                message: d.to_string(),
            }),
        }
    }
    out
}

fn prepare_posting(
    ws: &Workspace,
    profile: &Profile,
    profile_shown: &Path,
    posting: &PostingFile,
    opts: &Options,
    caches: &mut Caches,
    font_dir: &Path,
) -> Result<(Vec<Document>, Vec<Failure>), Diagnostics> {
    let Caches { renderers, hasher } = caches;
    let shown = ws.shown(&posting.path);
    let (tailoring, mut ctx) = tailor_posting(ws, profile, profile_shown, posting, opts.today)?;
    let layout_name = ctx.posting.layout.clone();
    let layout_pos = tailoring.layout.as_ref().map(|l| l.pos).unwrap_or_default();
    let renderer = renderers
        .entry(layout_name.clone())
        .or_insert_with(|| {
            layout::load(&ws.root, &layout_name, (&shown, layout_pos)).and_then(Renderer::new)
        })
        .as_ref()
        .map_err(|d| Diagnostics::from(d.clone()))?;

    let dir_rel = PathBuf::from("output")
        .join(&posting.candidate)
        .join(&posting.id);
    let dir_abs = ws.root.join(&dir_rel);
    std::fs::create_dir_all(&dir_abs)
        .map_err(|e| Diagnostic::new(&dir_rel, format!("cannot create output directory: {e}")))?;
    // A symlink planted inside output/ must not lead the writes elsewhere.
    let inside = match (
        dir_abs.canonicalize(),
        ws.root.join("output").canonicalize(),
    ) {
        (Ok(dir), Ok(out)) => dir.starts_with(out),
        _ => false,
    };
    if !inside {
        return Err(Diagnostic::new(
            &dir_rel,
            "output directory leads outside output/ (a symlink?); remove it and build again",
        )
        .into());
    }
    crate::fsio::clean_stale_temps(&dir_abs);

    // Files the documents read besides their source: the layout's static
    // files, the fonts, the photo.
    let mut inputs = vec![
        hasher.path(&renderer.layout().dir),
        hasher.path(&ws.root.join(font_dir)),
    ];
    if let Some(photo) = &ctx.candidate.photo {
        inputs.push(hasher.path(&ws.root.join(photo.trim_start_matches('/'))));
    }
    let mut docs = Vec::new();
    let mut fails = Vec::new();
    // The letter body is itself a template over the context: expand it first,
    // so that both documents render from one converted context.
    let letter_problem = if opts.kinds.contains(&DocKind::Letter) {
        letter_body(&mut ctx, &shown).err()
    } else {
        None
    };
    let ctx_value = Value::from(Serde(&ctx));
    for &kind in &opts.kinds {
        let result = match (&letter_problem, kind) {
            (Some(d), DocKind::Letter) => Err(d.clone()),
            _ => render_one(
                ws, renderer, &ctx, &ctx_value, kind, &dir_rel, font_dir, opts,
            ),
        };
        match result {
            Ok((job, source)) => docs.push(Document {
                page_limit: page_limit(&ctx, kind, &tailoring, &shown),
                posting: posting.key(),
                kind,
                lang: ctx.lang,
                layout: layout_name.clone(),
                fingerprint: fingerprint::document(
                    &opts.typst_version,
                    &job.args(&job.pdf),
                    source.as_bytes(),
                    &inputs,
                ),
                job,
            }),
            Err(d) => fails.push(Failure {
                posting: posting.key(),
                kind: Some(kind),
                message: d.to_string(),
            }),
        }
    }
    Ok((docs, fails))
}

#[allow(clippy::too_many_arguments)]
fn render_one(
    ws: &Workspace,
    renderer: &Renderer,
    ctx: &Context,
    ctx_value: &Value,
    kind: DocKind,
    dir_rel: &Path,
    font_dir: &Path,
    opts: &Options,
) -> Result<(Job, String), Diagnostic> {
    let org = if ctx.posting.short_name.is_empty() {
        ctx.posting.id.clone()
    } else {
        ctx.posting.short_name.clone()
    };
    let stem = naming::document_stem(&ctx.candidate.name, kind, ctx.lang, &org);
    let meta = document_meta(ctx, kind);
    let source = renderer.render(kind, ctx, ctx_value, &meta)?;
    let source_rel = dir_rel.join(format!("{stem}.typ"));
    crate::fsio::write_if_changed(&ws.root.join(&source_rel), source.as_bytes())
        .map_err(|e| Diagnostic::new(&source_rel, format!("{e:#}")))?;
    let job = Job {
        source: source_rel,
        pdf: match opts.format {
            Format::Pdf => dir_rel.join(format!("{stem}.pdf")),
            Format::Png => dir_rel.join(format!("{stem}-{{p}}.png")),
        },
        format: opts.format,
        font_dir: font_dir.to_path_buf(),
        timestamp: opts.source_date_epoch.unwrap_or(ctx.letter.timestamp),
    };
    Ok((job, source))
}

/// The letter's paragraphs from its body template; a letter needs a body.
fn letter_body(ctx: &mut Context, tailoring_file: &Path) -> Result<(), Diagnostic> {
    if ctx.letter.body_source.is_none() {
        return Err(
            Diagnostic::new(tailoring_file, "the letter has no text; add `letter.body`")
                .field("letter.body"),
        );
    }
    render::expand_letter_body(ctx, tailoring_file)
}

/// `cv.max_pages` for the CV (with where it was set); one page for a letter.
fn page_limit(ctx: &Context, kind: DocKind, t: &Tailoring, file: &Path) -> Option<(usize, String)> {
    match kind {
        DocKind::Cv => {
            let m = t.cv.max_pages.as_ref()?;
            let at = format!(
                "{}:{}: cv.max_pages is {}",
                file.display(),
                m.pos.line,
                m.value
            );
            Some((ctx.cv.max_pages? as usize, at))
        }
        DocKind::Letter => Some((1, "a motivation letter should fit on one page".to_string())),
    }
}

/// Title, author and keywords of a document's PDF.
pub fn document_meta(ctx: &Context, kind: DocKind) -> Meta {
    let plain = |s: &str| render::markup::to_plain(&render::markup::parse(s));
    let what = match kind {
        DocKind::Cv => ctx.labels["cv"],
        DocKind::Letter => ctx.labels["letter"],
    };
    let name = plain(&ctx.candidate.name);
    let position = plain(&ctx.posting.position);
    let org = plain(&ctx.posting.organization);
    let mut keywords = vec![position.clone(), org.clone()];
    if !ctx.posting.short_name.is_empty() {
        keywords.push(ctx.posting.short_name.clone());
    }
    if !ctx.posting.reference.is_empty() {
        keywords.push(plain(&ctx.posting.reference));
    }
    keywords.retain(|k| !k.is_empty());
    Meta {
        title: format!("{name} – {what} – {position}, {org}"),
        author: name,
        keywords,
    }
}

/// The whole pipeline short of compiling, on texts in memory: load both
/// YAML texts, check, tailor and render both documents. Used by the fuzz
/// tests; every failure must come back as diagnostics, never as a panic.
pub fn render_texts(
    profile_yaml: &str,
    tailoring_yaml: &str,
    renderer: &Renderer,
    today: Date,
) -> Result<Vec<String>, Diagnostics> {
    let (pfile, tfile) = (Path::new("profiles/x.yaml"), Path::new("profiles/x/p.yaml"));
    let profile: Profile = yaml::parse(profile_yaml, pfile)?;
    tailor::check_profile(&profile, pfile).into_result(())?;
    let tailoring: Tailoring = yaml::parse(tailoring_yaml, tfile)?;
    let root = Path::new("/nonexistent-workspace");
    let src = Sources {
        root,
        candidate_id: "x",
        posting_id: "p",
        profile_file: pfile,
        tailoring_file: tfile,
    };
    let mut ctx = tailor::tailor(&profile, &tailoring, &src, today)?;
    render::expand_letter_body(&mut ctx, tfile)?;
    let value = Value::from(Serde(&ctx));
    let mut out = Vec::new();
    for kind in [DocKind::Cv, DocKind::Letter] {
        out.push(renderer.render(kind, &ctx, &value, &document_meta(&ctx, kind))?);
    }
    Ok(out)
}
