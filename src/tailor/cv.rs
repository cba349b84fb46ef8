//! The CV part of the context: the selected profile items, resolved to the
//! posting's language, with the tailoring file's overrides.

use super::context::*;
use super::resolve::Resolver;
use super::select::{
    Item, by_ids, by_tags, find, newest_first, select_experience, select_highlights,
    select_sections, sorted_newest,
};
use crate::diag::Diagnostics;
use crate::locale;
use crate::model::profile::{Experience, Profile};
use crate::model::tailoring::Tailoring;
use std::path::Path;

/// The CV context from the profile (texts resolved by `p`), selected by the
/// tailoring file (ids checked against the profile, problems to `diags` via `p`).
pub fn cv_ctx(profile: &Profile, tailoring: &Tailoring, tfile: &Path, p: &mut Resolver) -> CvCtx {
    let lang = p.lang;
    let cvt = &tailoring.cv;
    let diags: &mut Diagnostics = p.diags;
    let experience = select_experience(profile, tailoring, tfile, diags);
    let highlight_sel = select_highlights(profile, tailoring, tfile, diags);
    let skills = match &cvt.skills {
        Some(ids) => by_ids(&profile.skills, ids, "skill", "cv.skills", tfile, diags),
        None => by_tags(&profile.skills, &cvt.tags),
    };
    let projects = match &cvt.projects {
        Some(ids) => by_ids(
            &profile.projects,
            ids,
            "project",
            "cv.projects",
            tfile,
            diags,
        ),
        None => sorted_newest(by_tags(&profile.projects, &cvt.tags), |p| {
            (
                p.start.as_ref().map(|d| d.value),
                p.end.as_ref().map(|d| d.value),
            )
        }),
    };
    let certifications = match &cvt.certifications {
        Some(ids) => by_ids(
            &profile.certifications,
            ids,
            "certification",
            "cv.certifications",
            tfile,
            diags,
        ),
        None => sorted_newest(by_tags(&profile.certifications, &cvt.tags), |c| {
            (
                c.date.as_ref().map(|d| d.value),
                c.date.as_ref().map(|d| d.value),
            )
        }),
    };
    let section_ids = select_sections(profile, tailoring, tfile, diags);

    let experience: Vec<ExperienceCtx> = experience
        .iter()
        .map(|e| {
            let keep = highlight_sel
                .iter()
                .find(|(id, _)| *id == e.id.value)
                .map(|(_, h)| h.clone());
            experience_ctx(p, e, "experience", keep, &cvt.tags)
        })
        .collect();
    let mut volunteering: Vec<&Experience> = profile.volunteering.iter().collect();
    newest_first(&mut volunteering, |e| {
        (Some(e.start.value), e.end.as_ref().map(|d| d.value))
    });
    let volunteering = volunteering
        .iter()
        .map(|e| experience_ctx(p, e, "volunteering", None, &[]))
        .collect();
    let mut education: Vec<_> = profile.education.iter().collect();
    newest_first(&mut education, |e| {
        (
            e.start.as_ref().map(|d| d.value),
            e.end.as_ref().map(|d| d.value),
        )
    });
    let education = education
        .iter()
        .map(|e| {
            let f = |k: &str| format!("education[{}].{k}", e.id.value);
            EducationCtx {
                id: e.id.value.clone(),
                institution: p.text(&e.institution, &f("institution")),
                degree: p.opt(e.degree.as_ref(), &f("degree")),
                field: p.opt(e.field.as_ref(), &f("field")),
                dates: locale::date_range(
                    lang,
                    e.start.as_ref().map(|d| &d.value),
                    e.end.as_ref().map(|d| &d.value),
                    false,
                ),
                notes: p.opt(e.notes.as_ref(), &f("notes")),
                competences: e.competences.clone(),
            }
        })
        .collect();
    let skills: Vec<SkillCtx> = skills
        .iter()
        .map(|s| {
            let f = |k: &str| format!("skills[{}].{k}", s.id.value);
            SkillCtx {
                id: s.id.value.clone(),
                name: p.text(&s.name, &f("name")),
                category: p.opt(s.category.as_ref(), &f("category")),
                level: p.opt(s.level.as_ref(), &f("level")),
                competences: s.competences.clone(),
            }
        })
        .collect();
    let languages = profile
        .languages
        .iter()
        .map(|l| LanguageCtx {
            id: l.id.value.clone(),
            name: p.text(&l.name, &format!("languages[{}].name", l.id.value)),
            level: l.level.value.code().to_string(),
            level_label: locale::language_level(lang, l.level.value),
        })
        .collect();
    let certifications = certifications
        .iter()
        .map(|c| CertificationCtx {
            id: c.id.value.clone(),
            name: p.text(&c.name, &format!("certifications[{}].name", c.id.value)),
            issuer: p.opt(
                c.issuer.as_ref(),
                &format!("certifications[{}].issuer", c.id.value),
            ),
            date: c
                .date
                .as_ref()
                .map(|d| locale::cv_date(lang, &d.value))
                .unwrap_or_default(),
            url: c.url.clone().unwrap_or_default(),
            competences: c.competences.clone(),
        })
        .collect();
    let projects = projects
        .iter()
        .map(|x| {
            let f = |k: &str| format!("projects[{}].{k}", x.id.value);
            ProjectCtx {
                id: x.id.value.clone(),
                name: p.text(&x.name, &f("name")),
                role: p.opt(x.role.as_ref(), &f("role")),
                dates: locale::date_range(
                    lang,
                    x.start.as_ref().map(|d| &d.value),
                    x.end.as_ref().map(|d| &d.value),
                    x.start.is_some(),
                ),
                summary: p.opt(x.summary.as_ref(), &f("summary")),
                url: x.url.clone().unwrap_or_default(),
                competences: x.competences.clone(),
            }
        })
        .collect();
    let publications = profile
        .publications
        .iter()
        .map(|x| PublicationCtx {
            id: x.id.value.clone(),
            title: p.text(&x.title, &format!("publications[{}].title", x.id.value)),
            venue: p.opt(
                x.venue.as_ref(),
                &format!("publications[{}].venue", x.id.value),
            ),
            date: x
                .date
                .as_ref()
                .map(|d| locale::cv_date(lang, &d.value))
                .unwrap_or_default(),
            url: x.url.clone().unwrap_or_default(),
        })
        .collect();
    let references = profile
        .references
        .iter()
        .map(|r| {
            let f = |k: &str| format!("references[{}].{k}", r.id.value);
            ReferenceCtx {
                id: r.id.value.clone(),
                name: p.text(&r.name, &f("name")),
                role: p.opt(r.role.as_ref(), &f("role")),
                organization: p.opt(r.organization.as_ref(), &f("organization")),
                email: r.email.clone().unwrap_or_default(),
                phone: r.phone.clone().unwrap_or_default(),
            }
        })
        .collect();
    let sections: Vec<SectionCtx> = section_ids
        .iter()
        .map(|id| match find(&profile.sections, id) {
            Some(s) => SectionCtx {
                id: id.clone(),
                title: p.text(&s.title, &format!("sections[{id}].title")),
                items: p.list(&s.items, &format!("sections[{id}].items")),
                custom: true,
            },
            None => SectionCtx {
                id: id.clone(),
                title: locale::word(lang, id).to_string(),
                items: Vec::new(),
                custom: false,
            },
        })
        .collect();
    CvCtx {
        // Filled in by `headline_and_summary`.
        headline: String::new(),
        summary: String::new(),
        sections,
        skill_groups: group_skills(&skills),
        experience,
        education,
        skills,
        languages,
        certifications,
        projects,
        publications,
        volunteering,
        references,
        emphasize: cvt
            .emphasize
            .iter()
            .filter(|e| !e.trim().is_empty())
            .cloned()
            .collect(),
        max_pages: cvt.max_pages.as_ref().map(|m| m.value),
    }
}

/// The headline and summary: the tailoring file's, else the profile's.
pub fn headline_and_summary(
    cv: &mut CvCtx,
    tailoring: &Tailoring,
    candidate: &CandidateCtx,
    t: &mut Resolver,
) {
    cv.headline = match &tailoring.cv.headline {
        Some(h) => t.text(h, "cv.headline"),
        None => candidate.headline.clone(),
    };
    cv.summary = match &tailoring.cv.summary {
        Some(s) => t.text(s, "cv.summary"),
        None => candidate.summary.clone(),
    };
}

pub fn experience_ctx(
    p: &mut Resolver,
    e: &Experience,
    list: &str,
    keep: Option<Vec<String>>,
    tags: &[String],
) -> ExperienceCtx {
    let f = |k: &str| format!("{list}[{}].{k}", e.id.value);
    let highlights: Vec<_> = match keep {
        Some(ids) => ids
            .iter()
            .filter_map(|id| find(&e.highlights, id))
            .collect(),
        None if !tags.is_empty() => by_tags(&e.highlights, tags),
        None => e.highlights.iter().collect(),
    };
    let lang = p.lang;
    ExperienceCtx {
        id: e.id.value.clone(),
        organization: p.text(&e.organization, &f("organization")),
        role: p.text(&e.role, &f("role")),
        location: p.opt(e.location.as_ref(), &f("location")),
        dates: locale::date_range(
            lang,
            Some(&e.start.value),
            e.end.as_ref().map(|d| &d.value),
            true,
        ),
        start: e.start.value.to_string(),
        end: e
            .end
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default(),
        summary: p.opt(e.summary.as_ref(), &f("summary")),
        highlights: highlights
            .iter()
            .map(|h| {
                p.text(
                    &h.text,
                    &format!("{list}[{}].highlights[{}].text", e.id.value, h.id().value),
                )
            })
            .collect(),
        tags: e.tags.clone(),
        competences: e.competences.clone(),
    }
}

pub fn group_skills(skills: &[SkillCtx]) -> Vec<SkillGroupCtx> {
    let mut groups: Vec<SkillGroupCtx> = Vec::new();
    for s in skills {
        match groups.iter_mut().find(|g| g.category == s.category) {
            Some(g) => g.skills.push(s.clone()),
            None => groups.push(SkillGroupCtx {
                category: s.category.clone(),
                skills: vec![s.clone()],
            }),
        }
    }
    groups
}
