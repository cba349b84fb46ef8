//! `requirements[].evidence`: references such as `languages.et`,
//! `experience.poff` or `experience.poff.highlights.team`, checked against the
//! profile and described in words for the coverage report.

use crate::diag::Diagnostic;
use crate::model::profile::Profile;
use crate::model::tailoring::Tailoring;
use crate::model::{Lang, Section, Text};

use super::context::{CvCtx, EvidenceCtx, RequirementCtx};
use super::resolve::Resolver;
use super::select::{find, known_ids, unknown_id};

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
            match resolve(profile, &ev.value, cv, r) {
                Ok(e) => evidence.push(e),
                Err(msg) => r
                    .diags
                    .push(Diagnostic::new(&r.file, msg).at(ev.pos).field(field)),
            }
        }
        // As `check` reads it: the flag, or the words of the line.
        let optional = req.optional || crate::requirement::read(&text).optional;
        out.push(RequirementCtx {
            text,
            optional,
            evidence,
        });
    }
    out
}

/// What `reference` points at: checked, described in words, and whether
/// this CV shows it.
pub fn resolve(
    profile: &Profile,
    reference: &str,
    cv: &CvCtx,
    r: &Resolver,
) -> Result<EvidenceCtx, String> {
    let parts: Vec<&str> = reference.split('.').collect();
    let (list, id, rest) = match parts.as_slice() {
        [list, id, rest @ ..] => (*list, *id, rest),
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
    let lists: Vec<&str> = Section::ALL
        .iter()
        .filter(|s| s.has_items())
        .map(|s| s.id())
        .collect();
    let section = Section::from_id(list)
        .filter(|s| s.has_items())
        .ok_or_else(|| {
            format!(
                "evidence \"{reference}\": unknown list `{list}`; known: {}",
                lists.join(", ")
            )
        })?;
    let items = profile.items(section);
    if !items.iter().any(|i| i.id().value == id) {
        return Err(unknown_id(
            section.item(),
            id,
            &known_ids(items),
            std::path::Path::new(""),
        )
        .message);
    }
    let highlight = match (section, rest) {
        (_, []) => None,
        (Section::Experience, ["highlights", hid]) => {
            let job = find(&profile.experience, id);
            let highlights = job.map(|j| j.highlights.as_slice()).unwrap_or_default();
            if find(highlights, hid).is_none() {
                return Err(unknown_id(
                    "highlight",
                    hid,
                    &known_ids(highlights),
                    std::path::Path::new(""),
                )
                .message);
            }
            Some(hid.to_string())
        }
        (Section::Experience, _) => {
            return Err(format!(
                "evidence \"{reference}\": after `experience.{id}` only `.highlights.<id>` may follow"
            ));
        }
        _ => return Err(format!("evidence \"{reference}\": write `{list}.{id}`")),
    };
    Ok(EvidenceCtx {
        reference: reference.to_string(),
        label: label(profile, section, id, highlight.as_deref(), r.lang),
        in_cv: match &highlight {
            Some(h) => cv.shows_highlight(id, h),
            None => cv.shows(section, id),
        },
        section,
        id: id.to_string(),
        highlight,
    })
}

/// The item in words, in `lang`: `Tooteomanik, SMIT`.
pub fn label(
    profile: &Profile,
    section: Section,
    id: &str,
    highlight: Option<&str>,
    lang: Lang,
) -> String {
    let txt = |t: &Text| {
        crate::model::markup::plain(t.get(lang, profile.fallback_language).unwrap_or_default())
    };
    let name = |t: Option<&Text>| t.map(txt).unwrap_or_default();
    match section {
        Section::Experience | Section::Volunteering => {
            let list = if section == Section::Experience {
                &profile.experience
            } else {
                &profile.volunteering
            };
            let Some(e) = find(list, id) else {
                return String::new();
            };
            let job = if section == Section::Experience {
                format!("{}, {}", txt(&e.role), txt(&e.organization))
            } else {
                txt(&e.role)
            };
            match highlight.and_then(|h| find(&e.highlights, h)) {
                Some(h) => format!("{job}: {}", txt(&h.text)),
                None => job,
            }
        }
        Section::Education => name(find(&profile.education, id).map(|e| &e.institution)),
        Section::Skills => name(find(&profile.skills, id).map(|s| &s.name)),
        Section::Languages => find(&profile.languages, id)
            .map(|l| {
                format!(
                    "{} {}",
                    txt(&l.name),
                    crate::locale::language_level(lang, l.level.value)
                )
            })
            .unwrap_or_default(),
        Section::Certifications => name(find(&profile.certifications, id).map(|c| &c.name)),
        Section::Projects => name(find(&profile.projects, id).map(|p| &p.name)),
        Section::Publications => name(find(&profile.publications, id).map(|p| &p.title)),
        Section::References => name(find(&profile.references, id).map(|p| &p.name)),
        Section::Summary | Section::Competences => String::new(),
    }
}
