//! The check stage: what a careful reader would catch before a posting's
//! documents go out. For each merged posting ([`crate::build::merge_all`]),
//! a [`Report`]: the requirements with their evidence (and what can be
//! computed: languages at a CEFR level, years of experience), the e-CF
//! competences the post asks for, the letter, the deadline — every problem a
//! [`Diagnostic`] with file, line, field and severity. [`phrases`] reads the
//! requirement texts.

mod letter;
pub mod phrases;
mod requirements;
pub mod standard;

use std::path::PathBuf;

use serde::Serialize;

use crate::build::Merged;
use crate::diag::{Diagnostic, Diagnostics, Pos, Severity};
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

/// Check a merged posting of the workspace at `root`; `today` for the deadline.
pub fn check(root: &std::path::Path, m: &Merged, today: Date) -> Report {
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
        for s in crate::build::sent::sendings(root, &m.posting.candidate, &m.posting.id) {
            for problem in crate::build::sent::verify(root, &s) {
                findings.push(Diagnostic::warning(
                    s.dir.join(crate::build::sent::RECORD),
                    problem,
                ));
            }
        }
    } else {
        letter::check(m, &mut findings);
    }
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
