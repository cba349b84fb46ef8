//! Stage 2 — tailor: merge a profile with one tailoring file into one
//! [`Context`]. The tailoring file selects, orders and overrides; every id it
//! names must exist. All problems found are reported together.

pub mod context;
mod evidence;
mod resolve;
mod select;
#[cfg(test)]
mod tests;

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::locale;
use crate::model::profile::{Experience, Profile};
use crate::model::tailoring::Tailoring;
use crate::model::{Date, Located};

pub use context::Context;
use context::*;
use resolve::Resolver;
use select::{Item, by_ids, by_tags, check_unique, find, has_any_tag, newest_first};

/// The built-in CV sections, in their default order.
pub const SECTIONS: [&str; 10] = [
    "summary",
    "experience",
    "education",
    "skills",
    "languages",
    "certifications",
    "projects",
    "publications",
    "volunteering",
    "references",
];

/// Where the inputs are, for messages and for checking paths.
pub struct Sources<'a> {
    pub root: &'a Path,
    pub candidate_id: &'a str,
    pub posting_id: &'a str,
    /// Profile path as shown in messages (relative to the workspace).
    pub profile_file: &'a Path,
    pub tailoring_file: &'a Path,
}

/// Checks of a profile that do not depend on any posting: unique ids, sane date ranges.
pub fn check_profile(profile: &Profile, file: &Path) -> Diagnostics {
    let mut d = Diagnostics::default();
    check_unique(&profile.experience, "experience", file, &mut d);
    for (i, e) in profile.experience.iter().enumerate() {
        check_unique(
            &e.highlights,
            &format!("experience[{i}].highlights"),
            file,
            &mut d,
        );
    }
    check_unique(&profile.education, "education", file, &mut d);
    check_unique(&profile.skills, "skills", file, &mut d);
    check_unique(&profile.languages, "languages", file, &mut d);
    check_unique(&profile.certifications, "certifications", file, &mut d);
    check_unique(&profile.projects, "projects", file, &mut d);
    check_unique(&profile.publications, "publications", file, &mut d);
    check_unique(&profile.volunteering, "volunteering", file, &mut d);
    check_unique(&profile.references, "references", file, &mut d);
    check_unique(&profile.sections, "sections", file, &mut d);
    for s in &profile.sections {
        if SECTIONS.contains(&s.id.value.as_str()) {
            d.push(
                Diagnostic::new(
                    file,
                    format!(
                        "section id \"{}\" is a built-in section; choose another id",
                        s.id.value
                    ),
                )
                .at(s.id.pos)
                .field("sections"),
            );
        }
    }
    let mut range =
        |list: &str, i: &str, start: Option<&Located<Date>>, end: Option<&Located<Date>>| {
            if let (Some(s), Some(e)) = (start, end)
                && e.value < s.value
                && !(e.value.year == s.value.year
                    && (e.value.month.is_none() || s.value.month.is_none()))
            {
                d.push(
                    Diagnostic::new(file, format!("end {} is before start {}", e.value, s.value))
                        .at(e.pos)
                        .field(format!("{list}[{i}].end")),
                );
            }
        };
    for e in &profile.experience {
        range("experience", &e.id.value, Some(&e.start), e.end.as_ref());
    }
    for e in &profile.volunteering {
        range("volunteering", &e.id.value, Some(&e.start), e.end.as_ref());
    }
    for e in &profile.education {
        range("education", &e.id.value, e.start.as_ref(), e.end.as_ref());
    }
    for p in &profile.projects {
        range("projects", &p.id.value, p.start.as_ref(), p.end.as_ref());
    }
    d
}

/// Merge `profile` and `tailoring` into the context both documents are rendered from.
/// `today` is the letter date when the tailoring file sets none.
pub fn tailor(
    profile: &Profile,
    tailoring: &Tailoring,
    src: &Sources,
    today: Date,
) -> Result<Context, Diagnostics> {
    let lang = tailoring.language.value;
    let mut diags = Diagnostics::default();
    let tfile = src.tailoring_file;

    // Ids first: they are in the tailoring file and checked against the profile.
    let cvt = &tailoring.cv;
    let experience = select_experience(profile, tailoring, tfile, &mut diags);
    let highlight_sel = select_highlights(profile, tailoring, tfile, &mut diags);
    let skills = match &cvt.skills {
        Some(ids) => by_ids(
            &profile.skills,
            ids,
            "skill",
            "cv.skills",
            tfile,
            &mut diags,
        ),
        None => by_tags(&profile.skills, &cvt.tags),
    };
    let projects = match &cvt.projects {
        Some(ids) => by_ids(
            &profile.projects,
            ids,
            "project",
            "cv.projects",
            tfile,
            &mut diags,
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
            &mut diags,
        ),
        None => sorted_newest(by_tags(&profile.certifications, &cvt.tags), |c| {
            (
                c.date.as_ref().map(|d| d.value),
                c.date.as_ref().map(|d| d.value),
            )
        }),
    };
    let section_ids = select_sections(profile, tailoring, tfile, &mut diags);

    // Texts of the profile, resolved to the posting's language.
    let mut p = Resolver {
        lang,
        fallback: profile.fallback_language,
        file: src.profile_file.to_path_buf(),
        diags: &mut diags,
    };
    let name = p.text(&profile.name, "name");
    let candidate = CandidateCtx {
        id: src.candidate_id.to_string(),
        headline: p.opt(profile.headline.as_ref(), "headline"),
        summary: p.opt(profile.summary.as_ref(), "summary"),
        email: profile.contact.email.clone().unwrap_or_default(),
        phone: profile.contact.phone.clone().unwrap_or_default(),
        location: p.opt(profile.contact.location.as_ref(), "contact.location"),
        address: p.list(&profile.contact.address, "contact.address"),
        links: profile
            .contact
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| LinkCtx {
                label: p.text(&l.label, &format!("contact.links[{i}].label")),
                url: l.url.clone(),
            })
            .collect(),
        photo: None,
        name,
    };
    let experience: Vec<ExperienceCtx> = experience
        .iter()
        .map(|e| {
            let keep = highlight_sel
                .iter()
                .find(|(id, _)| *id == e.id.value)
                .map(|(_, h)| h.clone());
            experience_ctx(&mut p, e, "experience", keep, &cvt.tags)
        })
        .collect();
    let mut volunteering: Vec<&Experience> = profile.volunteering.iter().collect();
    newest_first(&mut volunteering, |e| {
        (Some(e.start.value), e.end.as_ref().map(|d| d.value))
    });
    let volunteering = volunteering
        .iter()
        .map(|e| experience_ctx(&mut p, e, "volunteering", None, &[]))
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
    let profile_headline = candidate.headline.clone();
    let profile_summary = candidate.summary.clone();

    // Texts of the tailoring file.
    let mut t = Resolver {
        lang,
        fallback: profile.fallback_language,
        file: tfile.to_path_buf(),
        diags: p.diags,
    };
    let pt = &tailoring.posting;
    let position = t.text(&pt.position, "posting.position");
    let contact = pt
        .contact
        .as_ref()
        .map(|c| ContactCtx {
            name: c.name.clone().unwrap_or_default(),
            role: t.opt(c.role.as_ref(), "posting.contact.role"),
            email: c.email.clone().unwrap_or_default(),
            phone: c.phone.clone().unwrap_or_default(),
        })
        .unwrap_or_default();
    let posting = PostingCtx {
        id: src.posting_id.to_string(),
        organization: t.text(&pt.organization, "posting.organization"),
        short_name: pt.short_name.clone().unwrap_or_default(),
        unit: t.opt(pt.unit.as_ref(), "posting.unit"),
        reference: t.opt(pt.reference.as_ref(), "posting.reference"),
        deadline: pt
            .deadline
            .as_ref()
            .map(|d| locale::long_date(lang, &d.value))
            .unwrap_or_default(),
        deadline_iso: pt
            .deadline
            .as_ref()
            .map(|d| d.value.to_string())
            .unwrap_or_default(),
        url: pt.url.clone().unwrap_or_default(),
        address: t.list(&pt.address, "posting.address"),
        status: tailoring.status.unwrap_or_default(),
        layout: tailoring
            .layout
            .as_ref()
            .map(|l| l.value.clone())
            .unwrap_or_else(|| "classic".to_string()),
        contact,
        position,
    };
    let cv = CvCtx {
        headline: match &cvt.headline {
            Some(h) => t.text(h, "cv.headline"),
            None => profile_headline,
        },
        summary: match &cvt.summary {
            Some(s) => t.text(s, "cv.summary"),
            None => profile_summary,
        },
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
    };
    let lt = &tailoring.letter;
    let date = lt.date.as_ref().map(|d| d.value).unwrap_or(today);
    let letter = LetterCtx {
        date: locale::long_date(lang, &date),
        date_iso: date.to_string(),
        place: match &lt.place {
            Some(pl) => t.text(pl, "letter.place"),
            None => candidate
                .location
                .split(',')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string(),
        },
        subject: match &lt.subject {
            Some(s) => t.text(s, "letter.subject"),
            None => format!(
                "{} {}",
                locale::word(lang, "application_for"),
                posting.position
            ),
        },
        salutation: match &lt.salutation {
            Some(s) => t.text(s, "letter.salutation"),
            None => locale::salutation(lang, Some(&posting.contact.name)),
        },
        paragraphs: Vec::new(),
        closing: match &lt.closing {
            Some(c) => t.text(c, "letter.closing"),
            None => locale::closing(lang).to_string(),
        },
        salary: t.opt(lt.salary.as_ref(), "letter.salary"),
        attachments: t.list(&lt.attachments, "letter.attachments"),
        signature: candidate.name.clone(),
        body_source: lt.body.as_ref().map(|b| (t.text(b, "letter.body"), b.pos)),
        timestamp: date.unix_seconds(),
    };
    let requirements = evidence::requirements(profile, tailoring, &cv, &mut t);

    let mut candidate = candidate;
    if let Some(photo) = &profile.photo {
        match check_photo(src.root, src.profile_file, &photo.value) {
            Ok(rel) => candidate.photo = Some(rel),
            Err(msg) => diags.push(
                Diagnostic::new(src.profile_file, msg)
                    .at(photo.pos)
                    .field("photo"),
            ),
        }
    }

    let context = Context {
        lang,
        labels: locale::labels(lang),
        candidate,
        posting,
        cv,
        letter,
        requirements,
    };
    diags.into_result(context)
}

fn sorted_newest<T>(
    mut items: Vec<&T>,
    key: impl Fn(&T) -> (Option<Date>, Option<Date>),
) -> Vec<&T> {
    newest_first(&mut items, key);
    items
}

fn select_experience<'a>(
    profile: &'a Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<&'a Experience> {
    match &t.cv.experience {
        Some(ids) => by_ids(
            &profile.experience,
            ids,
            "experience",
            "cv.experience",
            file,
            diags,
        ),
        None => {
            let tags = &t.cv.tags;
            let mut items: Vec<&Experience> = if tags.is_empty() {
                profile.experience.iter().collect()
            } else {
                profile
                    .experience
                    .iter()
                    .filter(|e| {
                        has_any_tag(&e.tags, tags)
                            || e.highlights.iter().any(|h| has_any_tag(&h.tags, tags))
                    })
                    .collect()
            };
            newest_first(&mut items, |e| {
                (Some(e.start.value), e.end.as_ref().map(|d| d.value))
            });
            items
        }
    }
}

/// `cv.highlights`: experience id → highlight ids to keep, checked.
fn select_highlights(
    profile: &Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (exp_id, ids) in &t.cv.highlights {
        let field = format!("cv.highlights.{exp_id}");
        let Some(exp) = find(&profile.experience, exp_id) else {
            diags.push(
                select::unknown_id(
                    "experience",
                    exp_id,
                    &select::known_ids(&profile.experience),
                    file,
                )
                .at(ids.pos)
                .field(field),
            );
            continue;
        };
        let kept = by_ids(
            &exp.highlights,
            &ids.value,
            "highlight",
            &field,
            file,
            diags,
        );
        out.push((
            exp_id.clone(),
            kept.iter().map(|h| h.id.value.clone()).collect(),
        ));
    }
    out
}

fn select_sections(
    profile: &Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<String> {
    match &t.cv.sections {
        Some(ids) => {
            let mut out: Vec<String> = Vec::new();
            for (i, id) in ids.iter().enumerate() {
                let known = SECTIONS.contains(&id.value.as_str())
                    || find(&profile.sections, &id.value).is_some();
                if !known {
                    let mut all: Vec<&str> = SECTIONS.to_vec();
                    all.extend(profile.sections.iter().map(|s| s.id.value.as_str()));
                    diags.push(
                        Diagnostic::new(
                            file,
                            format!(
                                "unknown section \"{}\"; known: {}",
                                id.value,
                                all.join(", ")
                            ),
                        )
                        .at(id.pos)
                        .field(format!("cv.sections[{i}]")),
                    );
                } else if out.contains(&id.value) {
                    diags.push(
                        Diagnostic::new(file, format!("section \"{}\" is listed twice", id.value))
                            .at(id.pos)
                            .field(format!("cv.sections[{i}]")),
                    );
                } else {
                    out.push(id.value.clone());
                }
            }
            out
        }
        None => {
            let has = |s: &str| match s {
                "summary" => profile.summary.is_some() || t.cv.summary.is_some(),
                "experience" => !profile.experience.is_empty(),
                "education" => !profile.education.is_empty(),
                "skills" => !profile.skills.is_empty(),
                "languages" => !profile.languages.is_empty(),
                "certifications" => !profile.certifications.is_empty(),
                "projects" => !profile.projects.is_empty(),
                "publications" => !profile.publications.is_empty(),
                "volunteering" => !profile.volunteering.is_empty(),
                "references" => !profile.references.is_empty(),
                _ => false,
            };
            SECTIONS
                .iter()
                .filter(|s| has(s))
                .map(|s| s.to_string())
                .chain(profile.sections.iter().map(|s| s.id.value.clone()))
                .collect()
        }
    }
}

fn experience_ctx(
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

fn group_skills(skills: &[SkillCtx]) -> Vec<SkillGroupCtx> {
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

/// A photo path is relative to the profile file and must stay inside the
/// workspace (symlinks resolved). Returns the root-relative path for Typst.
fn check_photo(root: &Path, profile_file: &Path, photo: &str) -> Result<String, String> {
    let base = root
        .join(profile_file)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.to_path_buf());
    let path = base.join(photo);
    let real = path
        .canonicalize()
        .map_err(|e| format!("photo \"{photo}\" cannot be read: {e}"))?;
    let rel = real.strip_prefix(root).map_err(|_| {
        format!("photo \"{photo}\" is outside the workspace; put it next to the profile")
    })?;
    let ext = real
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(
        ext.as_str(),
        "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
    ) || !real.is_file()
    {
        return Err(format!(
            "photo \"{photo}\" must be a PNG, JPEG, GIF, SVG or WebP file"
        ));
    }
    let rel: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", rel.join("/")))
}
