//! The check stage: what a careful reader would catch before a posting's
//! documents go out. For each merged posting ([`crate::build::merge_all`]),
//! a [`Report`]: the requirements with their evidence (and what can be
//! computed: languages at a CEFR level, years of experience), the e-CF
//! competences the post asks for, the letter, the deadline — every problem a
//! [`Diagnostic`] with file, line, field and severity. [`phrases`] reads the
//! requirement texts.

mod letter;

pub(crate) mod requirements;
pub mod standard;

use std::path::PathBuf;

use serde::Serialize;

use crate::build::Merged;
use crate::diag::{Diagnostic, Diagnostics, Pos, Severity};
use crate::glyphs::Fonts;
use crate::model::tailoring::Status;
use crate::model::{Date, Lang};
use crate::tailor::context::{CompetenceCtx, StandardCtx};

pub use letter::placeholders;
pub use requirements::{RequirementReport, years_text};

/// How one posting fares.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// `candidate/posting`
    pub posting: String,
    /// The tailoring file, as shown.
    pub file: PathBuf,
    pub language: Option<Lang>,
    pub status: Option<Status>,
    pub position: Option<String>,
    pub organization: Option<String>,
    /// `YYYY-MM-DD`
    pub deadline: Option<String>,
    pub days_left: Option<i64>,
    pub requirements: Vec<RequirementReport>,
    pub standard: Option<StandardCtx>,
    pub competences: Vec<CompetenceCtx>,
    pub findings: Vec<Diagnostic>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Requirements without evidence.
    pub fn gaps(&self) -> usize {
        self.requirements
            .iter()
            .filter(|r| r.status == "gap")
            .count()
    }

    /// Competences the post asks for that no item of the profile carries:
    /// gaps too, counted apart from the requirements'.
    pub fn competence_gaps(&self) -> usize {
        self.competences
            .iter()
            .filter(|c| c.evidence.is_empty())
            .count()
    }

    /// Whether the posting could not be read or merged at all.
    pub fn unreadable(&self) -> bool {
        self.language.is_none()
    }
}

/// Whether a posting's documents have gone out (`submitted` or later):
/// deadlines and letter dates no longer matter.
pub fn is_sent(status: Status) -> bool {
    !matches!(status, Status::Draft | Status::Ready)
}

/// Check a merged posting of the workspace at `root`; `today` for the
/// deadline, `fonts` what the workspace's fonts can show.
/// `fonts`: what the workspace's fonts can show — `None` when the caller
/// (a build) checks the fonts and the layout of the documents itself.
pub fn check(root: &std::path::Path, m: &Merged, today: Date, fonts: Option<&Fonts>) -> Report {
    let ctx = &m.tailored.context;
    let status = m.tailoring.status.unwrap_or_default();
    let mut findings = Vec::new();
    if let Err(d) = &m.tailored.letter {
        findings.push(d.clone());
    }
    let letter_date = Date::parse(&ctx.letter.date_iso).unwrap_or(today);
    let sent = crate::build::sent::is_sent(&m.tailoring);
    let requirements = requirements::check(m, letter_date, !sent, &mut findings);
    for c in ctx
        .posting
        .competences
        .iter()
        .filter(|c| c.evidence.is_empty())
    {
        // Where the code was asked for: its entry in `competences:` (found by
        // code, since `[E.2, e2]` is one competence and shifts the indices),
        // else the `standard:` whose role requires it. Without a position
        // the note would name neither line nor the code's own entry.
        let listed = m.tailoring.competences.iter().enumerate().find(|(_, id)| {
            crate::model::competence::find(&id.value).is_some_and(|f| f.code == c.code)
        });
        let (field, pos) = match (listed, &m.tailoring.standard) {
            (Some((i, id)), _) => (format!("competences[{i}]"), id.pos),
            (None, Some(s)) => ("standard".to_string(), s.pos),
            (None, None) => ("competences".to_string(), Pos::default()),
        };
        findings.push(
            Diagnostic::note(
                &m.file,
                format!("{} {}: no item of the profile carries it", c.code, c.name),
            )
            .at(pos)
            .field(field),
        );
    }
    let deadline = m.tailoring.posting.deadline.as_ref();
    if sent {
        // The documents went out as they were: what the CV and letter say now
        // no longer matters, whether the record is intact does.
        use crate::build::sent;
        for s in sent::sendings(root, &m.posting.candidate, &m.posting.id) {
            for problem in sent::verify(root, &s) {
                findings.push(Diagnostic::warning(s.dir.join(sent::RECORD), problem));
            }
        }
        for (dir, problem) in sent::broken(root, &m.posting.candidate, &m.posting.id) {
            findings.push(Diagnostic::warning(dir.join(sent::RECORD), problem));
        }
    } else {
        letter::check(m, &mut findings);
    }
    findings.extend(events(root, m));
    let days_left = deadline.map(|d| today.days_until(&d.value));
    if !sent {
        if let Some(d) = letter::dated_after_deadline(m) {
            findings.push(d);
        }
        if let (Some(d), Some(left)) = (deadline, days_left) {
            let at = |x: Diagnostic| x.at(d.pos).field("posting.deadline");
            if left < 0 {
                findings.push(at(Diagnostic::warning(
                    &m.file,
                    format!(
                        "the deadline {} passed {} ago and the status is still {}",
                        d.value,
                        days(-left),
                        status.name()
                    ),
                )));
            } else if left <= 3 {
                // "is in 0 days" on the day itself reads oddly: say "today".
                let when = if left == 0 {
                    "today".to_string()
                } else {
                    format!("in {}", days(left))
                };
                findings.push(at(Diagnostic::note(
                    &m.file,
                    format!("the deadline {} is {when}", d.value),
                )));
            }
        }
    }
    if let Some(fonts) = fonts {
        findings.extend(glyphs(m, fonts));
        findings.extend(layout(root, m));
    }
    findings.sort_by_key(|d| (d.pos.line == 0, d.pos, d.severity));
    Report {
        posting: m.posting.key(),
        file: m.file.clone(),
        language: Some(ctx.lang),
        status: Some(status),
        position: Some(crate::model::markup::plain(&ctx.posting.position)),
        organization: Some(crate::model::markup::plain(&ctx.posting.organization)),
        deadline: deadline.map(|d| d.value.to_string()),
        days_left,
        requirements,
        standard: ctx.posting.standard.clone(),
        competences: ctx.posting.competences.clone(),
        findings,
    }
}

/// The posting's layout: that it exists and loads, which of the style
/// options set it ignores, and a photo asked for that the profile lacks.
/// Events dated before the (first) sending, and events of a posting not
/// marked sent.
fn events(root: &std::path::Path, m: &Merged) -> Vec<Diagnostic> {
    use crate::model::event::EventKind;
    let t = &m.tailoring;
    let sending = crate::track::Sending::of(root, &m.posting.candidate, &m.posting.id, t);
    let mut out = Vec::new();
    for (i, e) in t.events.iter().enumerate() {
        if let Some(first) = sending.first
            && e.date.value.date < first
        {
            out.push(
                Diagnostic::warning(
                    &m.file,
                    format!(
                        "this {} is dated {}, before the sending on {first}",
                        e.kind.value, e.date.value
                    ),
                )
                .at(e.date.pos)
                .field(format!("events[{i}].date")),
            );
        }
    }
    if !sending.marked
        && let Some((i, e)) = t
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| e.kind.value != EventKind::Note)
    {
        out.push(
            Diagnostic::warning(
                &m.file,
                format!(
                    "a {} is logged, but the posting is not marked sent (status {}); \
                     set `status: submitted` and `submitted:` to the day it was sent",
                    e.kind.value,
                    t.status.unwrap_or_default().name()
                ),
            )
            .at(e.kind.pos)
            .field(format!("events[{i}].kind")),
        );
    }
    out
}

fn layout(root: &std::path::Path, m: &Merged) -> Vec<Diagnostic> {
    let ctx = &m.tailored.context;
    match m.load_layout(root) {
        Err(d) => vec![d],
        Ok(layout) => layout.style_warnings(&ctx.posting.layout, ctx),
    }
}

/// Text no font can show: a warning per file, naming the fields and the
/// characters (typst would draw boxes, silently).
fn glyphs(m: &Merged, fonts: &Fonts) -> Vec<Diagnostic> {
    let Ok(json) = serde_json::to_value(&m.tailored.context) else {
        return Vec::new();
    };
    let mut text = String::new();
    collect_strings(&json, &mut text);
    let missing = fonts.missing(&text);
    if missing.is_empty() {
        return Vec::new();
    }
    let mut fields = Vec::new();
    crate::glyphs::fields_with(&json, &missing, &mut String::new(), &mut fields);
    // Where each text was written: the tailoring file for the posting and
    // the letter (and the CV's headline and summary when it overrides them),
    // else the profile. Copies (the signature is the name) are left out.
    let cvt = &m.tailoring.cv;
    let derived = |f: &str| {
        f.starts_with("labels")
            || f.starts_with("requirements")
            || f == "letter.signature"
            || (f == "cv.headline" && cvt.headline.is_none())
            || (f == "cv.summary" && cvt.summary.is_none())
    };
    let from_tailoring = |f: &str| {
        f.starts_with("posting")
            || f.starts_with("letter")
            || f.starts_with("cv.headline")
            || f.starts_with("cv.summary")
    };
    let (posting, profile): (Vec<String>, Vec<String>) = fields
        .into_iter()
        .filter(|f| !derived(f))
        .partition(|f| from_tailoring(f));
    let mut out = Vec::new();
    for (file, fields) in [(&m.profile.file, profile), (&m.file, posting)] {
        if fields.is_empty() {
            continue;
        }
        let mut chars: Vec<char> = Vec::new();
        for f in &fields {
            let mut t = String::new();
            if let Some(v) = field_value(&json, f) {
                collect_strings(v, &mut t);
            }
            for c in fonts.missing(&t) {
                if !chars.contains(&c) {
                    chars.push(c);
                }
            }
        }
        let fields: Vec<String> = fields.iter().map(|f| yaml_field(f)).collect();
        out.push(
            Diagnostic::warning(
                file,
                format!(
                    "no font has {}, in {}: the PDFs would show boxes there",
                    crate::glyphs::describe(&chars),
                    crate::glyphs::describe_fields(&fields)
                ),
            )
            .help("add a font that has them to layouts/fonts/; see docs/workspace.md, fonts for other scripts"),
        );
    }
    out
}

/// A field path of the context as the YAML file names it:
/// `candidate.email` → `contact.email`, `cv.experience[a].role` → `experience[a].role`.
fn yaml_field(context_field: &str) -> String {
    if let Some(rest) = context_field.strip_prefix("candidate.") {
        let contact = ["email", "phone", "location", "address", "links"];
        return if contact.iter().any(|c| rest.starts_with(c)) {
            format!("contact.{rest}")
        } else {
            rest.to_string()
        };
    }
    match context_field.strip_prefix("cv.") {
        Some(rest) if !rest.starts_with("headline") && !rest.starts_with("summary") => {
            rest.to_string()
        }
        _ => context_field.to_string(),
    }
}

/// The value at a field path as `fields_with` writes it (`a.b[id].c`, `a[2]`).
fn field_value<'a>(json: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut v = json;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, Some(rest.trim_end_matches(']'))),
            None => (part, None),
        };
        v = v.get(key)?;
        if let Some(i) = index {
            let items = v.as_array()?;
            v = items
                .iter()
                .find(|x| x.get("id").and_then(serde_json::Value::as_str) == Some(i))
                .or_else(|| i.parse::<usize>().ok().and_then(|n| items.get(n)))?;
        }
    }
    Some(v)
}

fn collect_strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// The report of a posting that could not be loaded or merged.
pub fn unreadable(posting: &crate::load::PostingFile, file: PathBuf, d: &Diagnostics) -> Report {
    Report {
        posting: posting.key(),
        file,
        language: None,
        status: None,
        position: None,
        organization: None,
        deadline: None,
        days_left: None,
        requirements: Vec::new(),
        standard: None,
        competences: Vec::new(),
        findings: d.0.clone(),
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}
