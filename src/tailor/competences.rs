//! e-CF competences: those the CV's items carry (`cv.competences`, for the
//! optional `competences` section), and those the post asks for
//! (`competences:` and `standard:` of the tailoring file) with the profile
//! items that carry each (`posting.competences`, for `check`).

use super::context::{CompetenceCtx, CvCtx, EvidenceCtx, StandardCtx};
use super::evidence;
use super::resolve::Resolver;
use crate::diag::Diagnostic;
use crate::model::competence::{self, Competence};
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;
use crate::model::{Lang, Section};

/// The competences the items of this CV carry, in catalogue order.
pub fn of_cv(profile: &Profile, cv: &CvCtx, lang: Lang) -> Vec<CompetenceCtx> {
    let mut codes: Vec<&'static str> = Vec::new();
    for c in carriers(profile) {
        let shown = match &c.highlight {
            Some(h) => cv.shows_highlight(&c.id, h),
            None => cv.shows(c.section, &c.id),
        };
        if shown {
            codes.extend(&c.codes);
        }
    }
    competence::CATALOGUE
        .iter()
        .filter(|c| codes.contains(&c.code))
        .map(|c| ctx(c, lang, Vec::new()))
        .collect()
}

/// What the post asks for: the role of `standard:` (its mandatory codes),
/// then `competences:`, each with the profile items that carry it.
pub fn asked(
    profile: &Profile,
    t: &Tailoring,
    cv: &CvCtx,
    r: &mut Resolver,
) -> (Option<StandardCtx>, Vec<CompetenceCtx>) {
    let lang = r.lang;
    let mut codes: Vec<&'static Competence> = Vec::new();
    let mut standard = None;
    if let Some(spec) = &t.standard {
        match competence::role(&spec.value) {
            Ok((s, role)) => {
                codes.extend(role.competences());
                standard = Some(StandardCtx {
                    id: format!("{}/{}", s.id, role.id),
                    name: format!("{}: {}", s.name(lang), role.name(lang)),
                });
            }
            Err(msg) => r
                .diags
                .push(Diagnostic::new(&r.file, msg).at(spec.pos).field("standard")),
        }
    }
    for (i, code) in t.competences.iter().enumerate() {
        match competence::find(&code.value) {
            Some(c) => {
                if !codes.iter().any(|x| x.code == c.code) {
                    codes.push(c);
                }
            }
            None => r.diags.push(
                super::check::unknown_competence(&code.value, &r.file)
                    .at(code.pos)
                    .field(format!("competences[{i}]")),
            ),
        }
    }
    if codes.is_empty() {
        return (standard, Vec::new());
    }
    let carriers = carriers(profile);
    let asked = codes
        .into_iter()
        .map(|c| {
            let evidence = carriers
                .iter()
                .filter(|x| x.codes.contains(&c.code))
                .filter_map(|x| evidence::resolve(profile, &x.reference(), cv, r).ok())
                .collect();
            ctx(c, lang, evidence)
        })
        .collect();
    (standard, asked)
}

/// The items of a profile that carry competence `c`, described in `lang`
/// (for a self-assessment, without a CV: `in_cv` is false).
pub fn carrying(profile: &Profile, c: &Competence, lang: Lang) -> Vec<EvidenceCtx> {
    carriers(profile)
        .into_iter()
        .filter(|x| x.codes.contains(&c.code))
        .map(|x| EvidenceCtx {
            reference: x.reference(),
            label: evidence::label(profile, x.section, &x.id, x.highlight.as_deref(), lang),
            in_cv: false,
            section: x.section,
            id: x.id,
            highlight: x.highlight,
        })
        .collect()
}

fn ctx(c: &Competence, lang: Lang, evidence: Vec<EvidenceCtx>) -> CompetenceCtx {
    CompetenceCtx {
        code: c.code.to_string(),
        name: c.name(lang).to_string(),
        evidence,
    }
}

/// An item of the profile that may carry competences: its codes (as the
/// catalogue writes them), its section and id, and for a highlight of a job
/// the highlight's id.
struct Carrier {
    codes: Vec<&'static str>,
    section: Section,
    id: String,
    highlight: Option<String>,
}

impl Carrier {
    fn new(
        codes: &[crate::model::Id],
        section: Section,
        id: &str,
        highlight: Option<&str>,
    ) -> Carrier {
        Carrier {
            codes: codes
                .iter()
                .filter_map(|c| competence::find(&c.value))
                .map(|c| c.code)
                .collect(),
            section,
            id: id.to_string(),
            highlight: highlight.map(str::to_string),
        }
    }

    /// As an evidence reference: `experience.tehik.highlights.tara`.
    fn reference(&self) -> String {
        match &self.highlight {
            Some(h) => format!("{}.{}.highlights.{h}", self.section.id(), self.id),
            None => format!("{}.{}", self.section.id(), self.id),
        }
    }
}

/// Every item of the profile that carries a competence.
fn carriers(profile: &Profile) -> Vec<Carrier> {
    let mut out = Vec::new();
    for section in Section::ALL.into_iter().filter(|s| s.has_items()) {
        for item in profile.items(section) {
            if !item.competences().is_empty() {
                out.push(Carrier::new(
                    item.competences(),
                    section,
                    &item.id().value,
                    None,
                ));
            }
        }
    }
    for e in &profile.experience {
        for h in e.highlights.iter().filter(|h| !h.competences.is_empty()) {
            out.push(Carrier::new(
                &h.competences,
                Section::Experience,
                &e.id.value,
                Some(&h.id.value),
            ));
        }
    }
    out
}
