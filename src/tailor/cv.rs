//! The CV part of the context: the selected profile items, resolved to the
//! posting's language, with the tailoring file's overrides.

use super::context::*;
use super::resolve::Resolver;
use super::select::{
    SectionRef, by_ids, by_tags, find, newest_first, select_experience, select_highlights,
    select_sections, sorted_newest,
};
use crate::locale;
use crate::model::Located;
use crate::model::profile::{Experience, Item, LanguageLevel, Profile};
use crate::model::tailoring::Tailoring;
use std::path::Path;

/// The CV context from the profile (texts resolved by `p`), selected by the
/// tailoring file (ids checked against the profile, problems to `diags` via
/// `p`), built a section at a time.
pub fn cv_ctx(profile: &Profile, tailoring: &Tailoring, tfile: &Path, p: &mut Resolver) -> CvCtx {
    let cvt = &tailoring.cv;
    // In the order of the tailoring file's keys, so that its problems are
    // reported in that order.
    let experience = experience(profile, tailoring, tfile, p);
    let skills = skills(profile, tailoring, tfile, p);
    let projects = projects(profile, tailoring, tfile, p);
    let certifications = certifications(profile, tailoring, tfile, p);
    let sections = select_sections(profile, tailoring, tfile, p.diags);
    CvCtx {
        // Filled in by `headline_and_summary`.
        headline: String::new(),
        summary: String::new(),
        experience,
        volunteering: volunteering(profile, p),
        education: education(profile, p),
        skill_groups: group_skills(&skills),
        skills,
        languages: languages(profile, p),
        certifications,
        projects,
        publications: publications(profile, p),
        references: references(profile, p),
        sections: sections
            .iter()
            .map(|s| section_ctx(profile, s, p))
            .collect(),
        emphasize: cvt
            .emphasize
            .iter()
            .filter(|e| !e.trim().is_empty())
            .cloned()
            .collect(),
        max_pages: cvt.max_pages.as_ref().map(|m| m.value),
        // Filled in when the CV is complete.
        competences: Vec::new(),
    }
}

fn section_ctx(profile: &Profile, section: &SectionRef, p: &mut Resolver) -> SectionCtx {
    match section {
        SectionRef::Builtin(s) => SectionCtx {
            id: s.id().to_string(),
            title: locale::word(p.lang, s.id()).to_string(),
            items: Vec::new(),
            custom: false,
        },
        SectionRef::Custom(id) => {
            let (title, items) = match find(&profile.sections, id) {
                Some(s) => (
                    p.text(&s.title, &format!("sections[{id}].title")),
                    p.list(&s.items, &format!("sections[{id}].items")),
                ),
                None => (String::new(), Vec::new()),
            };
            SectionCtx {
                id: id.clone(),
                title,
                items,
                custom: true,
            }
        }
    }
}

/// Jobs: `cv.experience` (ids, in that order), else by `cv.tags`, newest
/// first; per job the highlights `cv.highlights` keeps.
fn experience(
    profile: &Profile,
    t: &Tailoring,
    tfile: &Path,
    p: &mut Resolver,
) -> Vec<ExperienceCtx> {
    let jobs = select_experience(profile, t, tfile, p.diags);
    let kept = select_highlights(profile, t, tfile, p.diags);
    jobs.iter()
        .map(|e| {
            let keep = kept
                .iter()
                .find(|(id, _)| *id == e.id.value)
                .map(|(_, h)| h.clone());
            experience_ctx(p, e, "experience", keep, &t.cv.tags)
        })
        .collect()
}

/// Volunteering: all, newest first.
fn volunteering(profile: &Profile, p: &mut Resolver) -> Vec<ExperienceCtx> {
    let mut items: Vec<&Experience> = profile.volunteering.iter().collect();
    newest_first(&mut items, |e| {
        (Some(e.start.value), e.end.as_ref().map(|d| d.value))
    });
    items
        .iter()
        .map(|e| experience_ctx(p, e, "volunteering", None, &[]))
        .collect()
}

/// Education: all, newest first.
fn education(profile: &Profile, p: &mut Resolver) -> Vec<EducationCtx> {
    let lang = p.lang;
    let mut items: Vec<_> = profile.education.iter().collect();
    newest_first(&mut items, |e| {
        (
            e.start.as_ref().map(|d| d.value),
            e.end.as_ref().map(|d| d.value),
        )
    });
    items
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
                dates_short: locale::short_date_range(
                    lang,
                    e.start.as_ref().map(|d| &d.value),
                    e.end.as_ref().map(|d| &d.value),
                    false,
                ),
                start: e
                    .start
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .unwrap_or_default(),
                end: e
                    .end
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .unwrap_or_default(),
                notes: p.opt(e.notes.as_ref(), &f("notes")),
                competences: codes(&e.competences),
            }
        })
        .collect()
}

/// Skills: `cv.skills`, else by `cv.tags`, in profile order.
fn skills(profile: &Profile, t: &Tailoring, tfile: &Path, p: &mut Resolver) -> Vec<SkillCtx> {
    let items = match &t.cv.skills {
        Some(ids) => by_ids(&profile.skills, ids, "skill", "cv.skills", tfile, p.diags),
        None => by_tags(&profile.skills, &t.cv.tags),
    };
    items
        .iter()
        .map(|s| {
            let f = |k: &str| format!("skills[{}].{k}", s.id.value);
            SkillCtx {
                id: s.id.value.clone(),
                name: p.text(&s.name, &f("name")),
                category: p.opt(s.category.as_ref(), &f("category")),
                level: p.opt(s.level.as_ref(), &f("level")),
                competences: codes(&s.competences),
            }
        })
        .collect()
}

/// Languages: all, in profile order.
fn languages(profile: &Profile, p: &mut Resolver) -> Vec<LanguageCtx> {
    let lang = p.lang;
    profile
        .languages
        .iter()
        .map(|l| {
            let level = l.level.value;
            let levels = l.levels.as_ref().map(|v| &v.value);
            let skill = |s: Option<&Located<LanguageLevel>>| {
                s.map_or(level, |s| s.value).code().to_string()
            };
            LanguageCtx {
                id: l.id.value.clone(),
                name: p.text(&l.name, &format!("languages[{}].name", l.id.value)),
                level: level.code().to_string(),
                level_label: locale::language_level(lang, level),
                native: level == LanguageLevel::Native,
                levels: SkillLevelsCtx {
                    listening: skill(levels.and_then(|v| v.listening.as_ref())),
                    reading: skill(levels.and_then(|v| v.reading.as_ref())),
                    interaction: skill(levels.and_then(|v| v.interaction.as_ref())),
                    production: skill(levels.and_then(|v| v.production.as_ref())),
                    writing: skill(levels.and_then(|v| v.writing.as_ref())),
                },
            }
        })
        .collect()
}

/// Certifications: `cv.certifications`, else by `cv.tags`, newest first.
fn certifications(
    profile: &Profile,
    t: &Tailoring,
    tfile: &Path,
    p: &mut Resolver,
) -> Vec<CertificationCtx> {
    let lang = p.lang;
    let items = match &t.cv.certifications {
        Some(ids) => by_ids(
            &profile.certifications,
            ids,
            "certification",
            "cv.certifications",
            tfile,
            p.diags,
        ),
        None => sorted_newest(by_tags(&profile.certifications, &t.cv.tags), |c| {
            (
                c.date.as_ref().map(|d| d.value),
                c.date.as_ref().map(|d| d.value),
            )
        }),
    };
    items
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
            competences: codes(&c.competences),
        })
        .collect()
}

/// Projects: `cv.projects`, else by `cv.tags`, newest first.
fn projects(profile: &Profile, t: &Tailoring, tfile: &Path, p: &mut Resolver) -> Vec<ProjectCtx> {
    let lang = p.lang;
    let items = match &t.cv.projects {
        Some(ids) => by_ids(
            &profile.projects,
            ids,
            "project",
            "cv.projects",
            tfile,
            p.diags,
        ),
        None => sorted_newest(by_tags(&profile.projects, &t.cv.tags), |p| {
            (
                p.start.as_ref().map(|d| d.value),
                p.end.as_ref().map(|d| d.value),
            )
        }),
    };
    items
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
                dates_short: locale::short_date_range(
                    lang,
                    x.start.as_ref().map(|d| &d.value),
                    x.end.as_ref().map(|d| &d.value),
                    x.start.is_some(),
                ),
                summary: p.opt(x.summary.as_ref(), &f("summary")),
                url: x.url.clone().unwrap_or_default(),
                competences: codes(&x.competences),
            }
        })
        .collect()
}

/// Publications: all, in profile order.
fn publications(profile: &Profile, p: &mut Resolver) -> Vec<PublicationCtx> {
    let lang = p.lang;
    profile
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
        .collect()
}

/// References: all, in profile order.
fn references(profile: &Profile, p: &mut Resolver) -> Vec<ReferenceCtx> {
    profile
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
        .collect()
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
        dates_short: locale::short_date_range(
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
        highlight_ids: highlights.iter().map(|h| h.id.value.clone()).collect(),
        tags: e.tags.clone(),
        competences: codes(&e.competences),
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

/// Competence codes as the catalogue writes them (`e2` → `E.2`); codes the
/// catalogue does not know were reported by `check_profile`.
fn codes(ids: &[crate::model::Id]) -> Vec<String> {
    ids.iter()
        .filter_map(|c| crate::model::competence::find(&c.value))
        .map(|c| c.code.to_string())
        .collect()
}
