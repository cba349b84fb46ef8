//! `requirements[].evidence`: references such as `languages.et`,
//! `experience.poff` or `experience.poff.highlights.team`, checked against the
//! profile and described in words for the coverage report.

use crate::diag::Diagnostic;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;

use super::context::{CvCtx, EvidenceCtx, RequirementCtx};
use super::resolve::Resolver;
use super::select::{Item, find, known_ids, unknown_id};

const KINDS: &str = "experience, education, skills, languages, certifications, projects, publications, volunteering, references";

pub fn requirements(
    profile: &Profile,
    t: &Tailoring,
    cv: &CvCtx,
    r: &mut Resolver,
) -> Vec<RequirementCtx> {
    let mut out = Vec::new();
    for (i, req) in t.requirements.iter().enumerate() {
        let text = r.text(&req.text, &format!("requirements[{i}].text"));
        let mut evidence = Vec::new();
        for (j, ev) in req.evidence.iter().enumerate() {
            let field = format!("requirements[{i}].evidence[{j}]");
            match describe(profile, &ev.value, cv, r) {
                Ok((label, in_cv)) => evidence.push(EvidenceCtx {
                    reference: ev.value.clone(),
                    label,
                    in_cv,
                }),
                Err(msg) => r
                    .diags
                    .push(Diagnostic::new(&r.file, msg).at(ev.pos).field(field)),
            }
        }
        out.push(RequirementCtx { text, evidence });
    }
    out
}

/// What `reference` points at, in words, and whether it is in this CV.
fn describe(
    profile: &Profile,
    reference: &str,
    cv: &CvCtx,
    r: &mut Resolver,
) -> Result<(String, bool), String> {
    let parts: Vec<&str> = reference.split('.').collect();
    let (kind, id) = match parts.as_slice() {
        [kind, id, ..] => (*kind, *id),
        _ => {
            return Err(format!(
                "evidence \"{reference}\" should be `<list>.<id>`, e.g. `experience.{}`",
                profile
                    .experience
                    .first()
                    .map_or("<id>", |e| e.id.value.as_str())
            ));
        }
    };
    let lang = r.lang;
    let fb = profile.fallback_language;
    let txt = |t: &crate::model::Text| {
        let s = t.get(lang, fb).unwrap_or_default();
        crate::model::markup::plain(s)
    };
    fn lookup<'a, T: Item>(items: &'a [T], what: &str, id: &str) -> Result<&'a T, String> {
        find(items, id).ok_or_else(|| {
            unknown_id(what, id, &known_ids(items), std::path::Path::new("")).message
        })
    }
    let shown = |section: &str| cv.sections.iter().any(|s| s.id == section);
    let (label, in_cv) = match kind {
        "experience" => {
            let e = lookup(&profile.experience, "experience", id)?;
            let in_cv = shown("experience") && cv.experience.iter().any(|x| x.id == id);
            let label = format!("{}, {}", txt(&e.role), txt(&e.organization));
            match parts.get(2..) {
                Some([]) | None => (label, in_cv),
                Some(["highlights", hid]) => {
                    let h = lookup(&e.highlights, "highlight", hid)?;
                    (format!("{label}: {}", txt(&h.text)), in_cv)
                }
                Some(_) => {
                    return Err(format!(
                        "evidence \"{reference}\": after `experience.{id}` only `.highlights.<id>` may follow"
                    ));
                }
            }
        }
        "education" => {
            let e = lookup(&profile.education, "education", id)?;
            (txt(&e.institution), shown("education"))
        }
        "skills" => {
            let s = lookup(&profile.skills, "skill", id)?;
            (
                txt(&s.name),
                shown("skills") && cv.skills.iter().any(|x| x.id == id),
            )
        }
        "languages" => {
            let l = lookup(&profile.languages, "language", id)?;
            (
                format!(
                    "{} {}",
                    txt(&l.name),
                    crate::locale::language_level(lang, l.level.value)
                ),
                shown("languages"),
            )
        }
        "certifications" => {
            let c = lookup(&profile.certifications, "certification", id)?;
            (
                txt(&c.name),
                shown("certifications") && cv.certifications.iter().any(|x| x.id == id),
            )
        }
        "projects" => {
            let p = lookup(&profile.projects, "project", id)?;
            (
                txt(&p.name),
                shown("projects") && cv.projects.iter().any(|x| x.id == id),
            )
        }
        "publications" => (
            txt(&lookup(&profile.publications, "publication", id)?.title),
            shown("publications"),
        ),
        "volunteering" => (
            txt(&lookup(&profile.volunteering, "volunteering", id)?.role),
            shown("volunteering"),
        ),
        "references" => (
            txt(&lookup(&profile.references, "reference", id)?.name),
            shown("references"),
        ),
        other => {
            return Err(format!(
                "evidence \"{reference}\": unknown list `{other}`; known: {KINDS}"
            ));
        }
    };
    if parts.len() > 2 && kind != "experience" {
        return Err(format!("evidence \"{reference}\": write `{kind}.{id}`"));
    }
    Ok((label, in_cv))
}
