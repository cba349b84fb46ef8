//! JSON Resume 1.0.0 (jsonresume.org): the schema's keys only, each left out
//! when empty. Texts are plain (dossier's inline markup removed), dates
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as precise as the profile has them
//! (except a certificate's, which the schema wants with its day).
//!
//! What JSON Resume has no place for is left out: the photo (a file in the
//! workspace, not a URL), e-CF competences, tags, education notes, the
//! per-skill CEFR grid of a language, the profile's free `sections`.

use serde::Serialize;

use crate::model::Section;
use crate::model::markup;
use crate::model::profile::{Item, LanguageLevel, Profile};
use crate::model::{Date, Lang};
use crate::tailor::Context;
use crate::tailor::context::{ExperienceCtx, LinkCtx};

/// The schema this export follows.
pub const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

#[derive(Debug, Serialize)]
pub struct Resume {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub basics: Basics,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<Volunteer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Education>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<Certificate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publications: Vec<Publication>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
}

#[derive(Debug, Serialize)]
pub struct Basics {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<NetworkProfile>,
}

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country_code: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub region: String,
}

#[derive(Debug, Serialize)]
pub struct NetworkProfile {
    pub network: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub username: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Work {
    pub name: String,
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location: String,
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Volunteer {
    pub organization: String,
    pub position: String,
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Education {
    pub institution: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub study_type: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
}

#[derive(Debug, Serialize)]
pub struct Certificate {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub release_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct Skill {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub level: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Language {
    pub language: String,
    pub fluency: String,
}

#[derive(Debug, Serialize)]
pub struct Reference {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// The document for `ctx` (merged from `profile`): the sections the
/// context's CV shows, its items in its order, its texts without markup.
pub fn resume(profile: &Profile, ctx: &Context) -> Resume {
    let cv = &ctx.cv;
    let shown = |s: Section| cv.sections.iter().any(|x| x.id == s.id());
    fn keep<T>(shown: bool, v: Vec<T>) -> Vec<T> {
        if shown { v } else { Vec::new() }
    }
    let c = &ctx.candidate;
    let (url, profiles) = links(&c.links);
    let basics = Basics {
        name: plain(&c.name),
        label: plain(&cv.headline),
        email: c.email.trim().to_string(),
        phone: c.phone.trim().to_string(),
        url,
        summary: if shown(Section::Summary) {
            plain(&cv.summary)
        } else {
            String::new()
        },
        location: location(&c.location, &c.address),
        profiles,
    };
    let work: Vec<Work> = cv
        .experience
        .iter()
        .map(|e| Work {
            name: plain(&e.organization),
            position: plain(&e.role),
            location: plain(&e.location),
            start_date: e.start.clone(),
            end_date: e.end.clone(),
            summary: plain(&e.summary),
            highlights: e.highlights.iter().map(|h| plain(h)).collect(),
        })
        .collect();
    let volunteer: Vec<Volunteer> = cv.volunteering.iter().map(volunteer).collect();
    let education: Vec<Education> = cv
        .education
        .iter()
        .map(|e| {
            let item = profile.education.iter().find(|x| x.id.value == e.id);
            let (start, end) = dates(item.map(|i| i as &dyn Item));
            Education {
                institution: plain(&e.institution),
                area: plain(&e.field),
                study_type: plain(&e.degree),
                start_date: start,
                end_date: end,
            }
        })
        .collect();
    let certificates: Vec<Certificate> = cv
        .certifications
        .iter()
        .map(|x| {
            let item = profile.certifications.iter().find(|i| i.id.value == x.id);
            Certificate {
                name: plain(&x.name),
                date: item
                    .and_then(|i| i.date.as_ref())
                    .map(|d| full_date(d.value))
                    .unwrap_or_default(),
                issuer: plain(&x.issuer),
                url: x.url.clone(),
            }
        })
        .collect();
    let publications: Vec<Publication> = cv
        .publications
        .iter()
        .map(|x| {
            let item = profile.publications.iter().find(|i| i.id.value == x.id);
            Publication {
                name: plain(&x.title),
                publisher: plain(&x.venue),
                release_date: item
                    .and_then(|i| i.date.as_ref())
                    .map(|d| d.value.to_string())
                    .unwrap_or_default(),
                url: x.url.clone(),
            }
        })
        .collect();
    let languages: Vec<Language> = cv
        .languages
        .iter()
        .map(|l| {
            let level = profile
                .languages
                .iter()
                .find(|i| i.id.value == l.id)
                .map(|i| i.level.value);
            Language {
                language: plain(&l.name),
                fluency: level.map(|v| fluency(ctx.lang, v)).unwrap_or_default(),
            }
        })
        .collect();
    let references: Vec<Reference> = cv
        .references
        .iter()
        .map(|r| {
            let role: Vec<String> = [&r.role, &r.organization]
                .into_iter()
                .map(|s| plain(s))
                .filter(|s| !s.is_empty())
                .collect();
            let parts: Vec<String> = std::iter::once(role.join(", "))
                .chain([r.email.trim().to_string(), r.phone.trim().to_string()])
                .filter(|s| !s.is_empty())
                .collect();
            Reference {
                name: plain(&r.name),
                reference: parts.join(" · "),
            }
        })
        .collect();
    let projects: Vec<Project> = cv
        .projects
        .iter()
        .map(|x| {
            let item = profile.projects.iter().find(|i| i.id.value == x.id);
            let (start, end) = dates(item.map(|i| i as &dyn Item));
            let role = plain(&x.role);
            Project {
                name: plain(&x.name),
                description: plain(&x.summary),
                start_date: start,
                end_date: end,
                url: x.url.clone(),
                roles: if role.is_empty() {
                    Vec::new()
                } else {
                    vec![role]
                },
            }
        })
        .collect();
    Resume {
        schema: SCHEMA_URL,
        basics,
        work: keep(shown(Section::Experience), work),
        volunteer: keep(shown(Section::Volunteering), volunteer),
        education: keep(shown(Section::Education), education),
        certificates: keep(shown(Section::Certifications), certificates),
        publications: keep(shown(Section::Publications), publications),
        skills: if shown(Section::Skills) {
            skills(ctx)
        } else {
            Vec::new()
        },
        languages: keep(shown(Section::Languages), languages),
        references: keep(shown(Section::References), references),
        projects: keep(shown(Section::Projects), projects),
    }
}

/// The document as pretty-printed JSON, ending in a newline.
pub fn to_string(resume: &Resume) -> String {
    let mut s = serde_json::to_string_pretty(resume).unwrap_or_default();
    s.push('\n');
    s
}

fn plain(s: &str) -> String {
    markup::plain(s).trim().to_string()
}

fn volunteer(e: &ExperienceCtx) -> Volunteer {
    Volunteer {
        organization: plain(&e.organization),
        position: plain(&e.role),
        start_date: e.start.clone(),
        end_date: e.end.clone(),
        summary: plain(&e.summary),
        highlights: e.highlights.iter().map(|h| plain(h)).collect(),
    }
}

/// An item's start and end as the profile writes them (`""` where none).
fn dates(item: Option<&dyn Item>) -> (String, String) {
    let Some(item) = item else {
        return (String::new(), String::new());
    };
    let (start, end) = item.span();
    let iso = |d: Option<&crate::model::Located<Date>>| {
        d.map(|d| d.value.to_string()).unwrap_or_default()
    };
    (iso(start), iso(end))
}

/// A date with its day, as `certificates[].date` must be (the schema's
/// `format: date`, unlike every other date of JSON Resume): a month or a
/// year alone stands for its first day.
fn full_date(d: Date) -> String {
    Date::ymd(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)).to_string()
}

/// Skills as JSON Resume groups them: one entry per category and level
/// (the category its name, the skills its keywords), in order of first
/// appearance; a skill without a category is an entry of its own.
fn skills(ctx: &Context) -> Vec<Skill> {
    let mut out: Vec<(bool, Skill)> = Vec::new();
    for s in &ctx.cv.skills {
        let (name, category, level) = (plain(&s.name), plain(&s.category), plain(&s.level));
        if category.is_empty() {
            out.push((
                false,
                Skill {
                    name,
                    level,
                    keywords: Vec::new(),
                },
            ));
            continue;
        }
        match out
            .iter_mut()
            .find(|(group, g)| *group && g.name == category && g.level == level)
        {
            Some((_, g)) => g.keywords.push(name),
            None => out.push((
                true,
                Skill {
                    name: category,
                    level,
                    keywords: vec![name],
                },
            )),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// A CEFR level in words, with its code: `C1 – Proficient user`,
/// `C1 – vilunud keelekasutaja`; a mother tongue `Native speaker`, `emakeel`.
pub fn fluency(lang: Lang, level: LanguageLevel) -> String {
    use LanguageLevel::*;
    let words = match (lang, level) {
        (Lang::En, Native) => return "Native speaker".to_string(),
        (Lang::Et, Native) => return "emakeel".to_string(),
        (Lang::En, A1 | A2) => "Basic user",
        (Lang::En, B1 | B2) => "Independent user",
        (Lang::En, C1 | C2) => "Proficient user",
        (Lang::Et, A1 | A2) => "algtasemel keelekasutaja",
        (Lang::Et, B1 | B2) => "iseseisev keelekasutaja",
        (Lang::Et, C1 | C2) => "vilunud keelekasutaja",
    };
    format!("{} – {words}", level.code())
}

/// Networks whose profile pages JSON Resume lists under `basics.profiles`
/// (by a link's label).
const NETWORKS: &[&str] = &[
    "github",
    "gitlab",
    "bitbucket",
    "linkedin",
    "twitter",
    "x",
    "mastodon",
    "instagram",
    "facebook",
    "medium",
    "dev.to",
    "codepen",
    "dribbble",
    "behance",
    "keybase",
    "npm",
    "youtube",
    "reddit",
    "stackoverflow",
    "stack overflow",
    "hackerrank",
    "leetcode",
    "soundcloud",
    "orcid",
    "researchgate",
    "xing",
];

/// The contact links: the first that is no network's page is `basics.url`,
/// the others are `basics.profiles` (a network's with the user name, the
/// last part of the address).
fn links(links: &[LinkCtx]) -> (String, Vec<NetworkProfile>) {
    let mut url = String::new();
    let mut profiles = Vec::new();
    for l in links {
        let label = plain(&l.label);
        let known = NETWORKS.contains(&label.to_lowercase().as_str());
        if !known && url.is_empty() {
            url = l.url.clone();
            continue;
        }
        profiles.push(NetworkProfile {
            username: if known {
                username(&l.url)
            } else {
                String::new()
            },
            network: if label.is_empty() {
                l.url.clone()
            } else {
                label
            },
            url: l.url.clone(),
        });
    }
    (url, profiles)
}

/// The user name in a profile page's address: its last path segment
/// (`https://github.com/octo` → `octo`, `…/in/mari-maasikas/` →
/// `mari-maasikas`, `…/@me` → `me`); `""` for a bare host.
fn username(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split_once('/')
        .map_or("", |(_, p)| p);
    path.split('/')
        .rfind(|s| !s.is_empty())
        .unwrap_or("")
        .trim_start_matches(['@', '~'])
        .to_string()
}

/// `contact.location` and `contact.address` as a JSON Resume location: the
/// address lines (one a line), the location's first part the city, the rest
/// the region, a last part of two capital letters the country code.
fn location(place: &str, address: &[String]) -> Option<Location> {
    let mut loc = Location {
        address: address
            .iter()
            .map(|a| plain(a))
            .filter(|a| !a.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        ..Location::default()
    };
    let mut parts: Vec<String> = plain(place)
        .split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
    {
        loc.country_code = parts.pop().unwrap_or_default();
    }
    if !parts.is_empty() {
        loc.city = parts.remove(0);
        loc.region = parts.join(", ");
    }
    let empty = loc.address.is_empty()
        && loc.city.is_empty()
        && loc.region.is_empty()
        && loc.country_code.is_empty();
    (!empty).then_some(loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fluency_in_words_with_the_code() {
        assert_eq!(fluency(Lang::En, LanguageLevel::C1), "C1 – Proficient user");
        assert_eq!(fluency(Lang::En, LanguageLevel::Native), "Native speaker");
        assert_eq!(
            fluency(Lang::Et, LanguageLevel::C1),
            "C1 – vilunud keelekasutaja"
        );
        assert_eq!(fluency(Lang::Et, LanguageLevel::Native), "emakeel");
        assert_eq!(
            fluency(Lang::Et, LanguageLevel::A2),
            "A2 – algtasemel keelekasutaja"
        );
        // The importer reads each back as the same level.
        for lang in Lang::ALL {
            for level in [
                LanguageLevel::A1,
                LanguageLevel::B2,
                LanguageLevel::C2,
                LanguageLevel::Native,
            ] {
                let (code, understood) = crate::import::fluency::cefr(&fluency(lang, level));
                assert!(understood, "{lang} {level:?}");
                assert_eq!(code, level.code(), "{lang} {level:?}");
            }
        }
    }

    #[test]
    fn user_names_from_profile_addresses() {
        assert_eq!(username("https://github.com/octo"), "octo");
        assert_eq!(
            username("https://linkedin.example.com/in/mari-maasikas/"),
            "mari-maasikas"
        );
        assert_eq!(username("https://medium.com/@me?x=1"), "me");
        assert_eq!(username("https://example.com"), "");
    }

    #[test]
    fn locations_split_into_city_region_and_country() {
        let l = location("Tartu, Tartumaa, EE", &["Rüütli 1".into()]).expect("some");
        assert_eq!(
            (l.city.as_str(), l.region.as_str(), l.country_code.as_str()),
            ("Tartu", "Tartumaa", "EE")
        );
        assert_eq!(l.address, "Rüütli 1");
        assert!(location("", &[]).is_none());
    }
}
