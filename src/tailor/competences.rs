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
    let mut codes: Vec<&'static Competence> = Vec::new();
    for (reference, section, id) in carriers(profile) {
        let shown = match &id.1 {
            Some(h) => cv.shows_highlight(&id.0, h),
            None => cv.shows(section, &id.0),
        };
        if shown {
            codes.extend(reference.iter().filter_map(|c| competence::find(&c.value)));
        }
    }
    let mut out: Vec<CompetenceCtx> = competence::CATALOGUE
        .iter()
        .filter(|c| codes.iter().any(|x| x.code == c.code))
        .map(|c| ctx(c, lang, Vec::new()))
        .collect();
    out.dedup_by(|a, b| a.code == b.code);
    out
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
    let asked = codes
        .into_iter()
        .map(|c| {
            let evidence = carriers(profile)
                .into_iter()
                .filter(|(codes, _, _)| {
                    codes
                        .iter()
                        .any(|x| competence::find(&x.value).is_some_and(|f| f.code == c.code))
                })
                .filter_map(|(_, section, (id, highlight))| {
                    let reference = match &highlight {
                        Some(h) => format!("{}.{id}.highlights.{h}", section.id()),
                        None => format!("{}.{id}", section.id()),
                    };
                    evidence::resolve(profile, &reference, cv, r).ok()
                })
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
        .filter(|(codes, _, _)| {
            codes
                .iter()
                .any(|x| competence::find(&x.value).is_some_and(|f| f.code == c.code))
        })
        .map(|(_, section, (id, highlight))| EvidenceCtx {
            reference: match &highlight {
                Some(h) => format!("{}.{id}.highlights.{h}", section.id()),
                None => format!("{}.{id}", section.id()),
            },
            label: evidence::label(profile, section, &id, highlight.as_deref(), lang),
            in_cv: false,
            section,
            id,
            highlight,
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

/// Every item of the profile that may carry competences: its codes, its
/// section and its id (with the highlight's id for a highlight of a job).
type Carrier<'a> = (&'a [crate::model::Id], Section, (String, Option<String>));

fn carriers(profile: &Profile) -> Vec<Carrier<'_>> {
    let mut out: Vec<Carrier> = Vec::new();
    for section in Section::ALL.into_iter().filter(|s| s.has_items()) {
        for item in profile.items(section) {
            out.push((item.competences(), section, (item.id().value.clone(), None)));
        }
    }
    for e in &profile.experience {
        for h in &e.highlights {
            out.push((
                &h.competences,
                Section::Experience,
                (e.id.value.clone(), Some(h.id.value.clone())),
            ));
        }
    }
    out
}
