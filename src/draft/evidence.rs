//! Which profile items answer a requirement line.
//!
//! What the requirement reader computes decides first: a language asked
//! is answered by that language of the profile, years of experience by the
//! jobs of the field asked, a level of education by the education. Any
//! other line is answered by the items that share its content words
//! ([`super::words`]), each shared word weighted by how rare it is among
//! the profile's items (a word every job has says nothing), and an item
//! needs [`THRESHOLD`] to be suggested at all: a line about a trait ("oled
//! sõbralik ja koostöövalmis") gets nothing rather than noise.

use super::words::{self, Word};
use crate::check::requirements::{code_of, job_months, years_text};
use crate::model::profile::{Education, Profile};
use crate::model::{Date, Lang, Text};
use crate::requirement::{self, EducationLevel, LanguageDemand, YearsDemand};

/// One suggested piece of evidence for a requirement line.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// As a tailoring file writes it: `languages.et`, `experience.tehik`,
    /// `experience.tehik.highlights.tara`, `education.ttu`, `skills.xroad`, …
    pub reference: String,
    /// Why, in a few words, for the draft's comment: "C1 asked, native in
    /// the profile", "shares: X-tee, arhitektuur".
    pub why: String,
}

/// At most this many suggestions per line: a draft comment, not a ranking.
const MOST: usize = 3;

/// The least score an item needs to be suggested for a line. A shared
/// word's weight is its rarity among the profile's items,
/// `ln((items + 1) / (items having it + 0.5))` — about 3.4 for a word only
/// one item of a 40-item profile has, 1.4 for one ten items have — times
/// 1 for the same word, 0.6 for a compound's head, 0.4 for its first part.
/// 1.5 asks for one rare-ish word shared whole, the head of a rare
/// compound, or two common words; the first part of a compound alone
/// ("koostöö-" of "koostöövalmis" and "koostöös") is not enough.
const THRESHOLD: f32 = 1.5;

/// The profile items words can answer a line with.
struct Item {
    reference: String,
    /// For a highlight: the index of its job (so that the job is not
    /// suggested next to it); for a job: its own index.
    job: Option<usize>,
    highlight: bool,
    words: Vec<Word>,
}

/// The text of `t` in `lang`, else in the profile's fallback, else any.
fn text(t: &Text, lang: Lang, fallback: Option<Lang>) -> &str {
    t.get(lang, fallback)
        .or_else(|| Lang::ALL.iter().find_map(|l| t.get(*l, None)))
        .unwrap_or_default()
}

/// The content words of some texts and tags of one item.
fn item_words(
    texts: &[Option<&Text>],
    tags: &[String],
    lang: Lang,
    fallback: Option<Lang>,
) -> Vec<Word> {
    let mut all: Vec<&str> = texts
        .iter()
        .flatten()
        .map(|t| text(t, lang, fallback))
        .collect();
    all.extend(tags.iter().map(String::as_str));
    words::words(&all.join(" \n "))
}

/// Every job, highlight, skill, certification, project and education item
/// of the profile, with its words. Languages are answered by the reader's
/// demands, not by words ("eesti" is in every Estonian text).
fn items(profile: &Profile, lang: Lang) -> Vec<Item> {
    let fb = profile.fallback_language;
    let mut out = Vec::new();
    let other = |reference: String, words: Vec<Word>| Item {
        reference,
        job: None,
        highlight: false,
        words,
    };
    let mut rest = Vec::new();
    for (j, e) in profile.experience.iter().enumerate() {
        out.push(Item {
            reference: format!("experience.{}", e.id.value),
            job: Some(j),
            highlight: false,
            words: item_words(
                &[Some(&e.role), Some(&e.organization), e.summary.as_ref()],
                &e.tags,
                lang,
                fb,
            ),
        });
        for h in &e.highlights {
            out.push(Item {
                reference: format!("experience.{}.highlights.{}", e.id.value, h.id.value),
                job: Some(j),
                highlight: true,
                words: item_words(&[Some(&h.text)], &h.tags, lang, fb),
            });
        }
    }
    for s in &profile.skills {
        // Not the category: "Juhtimine" would make every management skill
        // answer every line about leading.
        rest.push(other(
            format!("skills.{}", s.id.value),
            item_words(&[Some(&s.name)], &s.tags, lang, fb),
        ));
    }
    for c in &profile.certifications {
        rest.push(other(
            format!("certifications.{}", c.id.value),
            item_words(&[Some(&c.name), c.issuer.as_ref()], &c.tags, lang, fb),
        ));
    }
    for p in &profile.projects {
        rest.push(other(
            format!("projects.{}", p.id.value),
            item_words(
                &[Some(&p.name), p.role.as_ref(), p.summary.as_ref()],
                &p.tags,
                lang,
                fb,
            ),
        ));
    }
    for e in &profile.education {
        rest.push(other(
            format!("education.{}", e.id.value),
            item_words(
                &[
                    Some(&e.institution),
                    e.degree.as_ref(),
                    e.field.as_ref(),
                    e.notes.as_ref(),
                ],
                &e.tags,
                lang,
                fb,
            ),
        ));
    }
    out.extend(rest);
    out
}

/// An item's score for a line, and the line's words it shares.
#[derive(Debug, Clone, Default)]
struct Score {
    score: f32,
    shared: Vec<String>,
}

/// Every item's score for the line's words (same order as `items`).
fn scores(items: &[&[Word]], line: &[Word]) -> Vec<Score> {
    let mut out = vec![Score::default(); items.len()];
    let n = items.len() as f32;
    for w in line {
        let sims: Vec<f32> = items
            .iter()
            .map(|ws| {
                ws.iter()
                    .map(|x| words::similarity(w, x))
                    .fold(0.0, f32::max)
            })
            .collect();
        let df = sims.iter().filter(|s| **s > 0.0).count() as f32;
        if df == 0.0 {
            continue;
        }
        // Rarity among the items: a word every item has weighs nothing.
        let idf = ((n + 1.0) / (df + 0.5)).ln().max(0.0);
        for (s, sim) in out.iter_mut().zip(sims) {
            if sim > 0.0 {
                s.score += sim * idf;
                s.shared.push(w.text.clone());
            }
        }
    }
    out
}

fn shares(shared: &[String]) -> String {
    let mut shown: Vec<&str> = shared.iter().take(4).map(String::as_str).collect();
    if shared.len() > shown.len() {
        shown.push("…");
    }
    format!("shares: {}", shown.join(", "))
}

/// The items that share enough of the line's words, best first; a job
/// only when none of its highlights qualifies (the highlight says more,
/// and names the job anyway).
fn by_words(items: &[Item], line: &[Word]) -> Vec<Suggestion> {
    let lists: Vec<&[Word]> = items.iter().map(|i| i.words.as_slice()).collect();
    let scores = scores(&lists, line);
    let mut ranked: Vec<usize> = (0..items.len())
        .filter(|i| scores[*i].score >= THRESHOLD)
        .collect();
    // Stable: ties keep the profile's order.
    ranked.sort_by(|a, b| scores[*b].score.total_cmp(&scores[*a].score));
    let highlighted: Vec<usize> = ranked
        .iter()
        .filter(|i| items[**i].highlight)
        .filter_map(|i| items[*i].job)
        .collect();
    ranked
        .into_iter()
        .filter(|i| items[*i].highlight || items[*i].job.is_none_or(|j| !highlighted.contains(&j)))
        .take(MOST)
        .map(|i| Suggestion {
            reference: items[i].reference.clone(),
            why: shares(&scores[i].shared),
        })
        .collect()
}

/// The profile's languages that answer the line's language demands.
fn by_language(profile: &Profile, demands: &[LanguageDemand]) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = Vec::new();
    for d in demands {
        let coded = profile
            .languages
            .iter()
            .filter_map(|l| Some((l, code_of(l)?)));
        let found = match d.language {
            Some(code) => coded.clone().find(|(_, c)| *c == code).map(|(l, _)| l),
            // Any foreign language: the best the candidate has (if any
            // meets the level, the best does); of equals, the first in the
            // profile, the candidate's own order.
            None => {
                let foreign: Vec<_> = coded.filter(|(_, c)| *c != "et").map(|(l, _)| l).collect();
                let best = foreign.iter().map(|l| l.level.value).max();
                foreign.into_iter().find(|l| Some(l.level.value) == best)
            }
        };
        let Some(l) = found else { continue };
        let reference = format!("languages.{}", l.id.value);
        if out.iter().any(|s| s.reference == reference) {
            continue;
        }
        let has = l.level.value.code();
        let why = match d.level {
            Some(want) if requirement::meets(l.level.value, want) => {
                format!("{} asked, {has} in the profile", want.code())
            }
            Some(want) => format!("{} asked, only {has} in the profile", want.code()),
            None => format!("asked, {has} in the profile"),
        };
        out.push(Suggestion { reference, why });
    }
    out
}

/// The jobs that make up the experience asked: those sharing words with the
/// demand's field, best first, until they cover the months asked; when no
/// job shares a word, the longest-running ones.
fn by_years(profile: &Profile, demands: &[YearsDemand], lang: Lang) -> Vec<Suggestion> {
    let today = Date::today();
    let fb = profile.fallback_language;
    // A job with its highlights: the field may be named by either.
    let jobs: Vec<Vec<Word>> = profile
        .experience
        .iter()
        .map(|e| {
            let mut texts = vec![Some(&e.role), Some(&e.organization), e.summary.as_ref()];
            texts.extend(e.highlights.iter().map(|h| Some(&h.text)));
            item_words(&texts, &e.tags, lang, fb)
        })
        .collect();
    let lists: Vec<&[Word]> = jobs.iter().map(Vec::as_slice).collect();
    let months = |j: usize| job_months(profile, [profile.experience[j].id.value.as_str()], today);
    let mut out: Vec<Suggestion> = Vec::new();
    for d in demands {
        let scores = scores(&lists, &words::words(&d.field));
        let mut ranked: Vec<usize> = (0..jobs.len()).filter(|j| scores[*j].score > 0.0).collect();
        let by_field = !ranked.is_empty();
        if by_field {
            ranked.sort_by(|a, b| scores[*b].score.total_cmp(&scores[*a].score));
        } else {
            ranked = (0..jobs.len()).collect();
            ranked.sort_by_key(|j| std::cmp::Reverse(months(*j)));
        }
        let mut taken: Vec<&str> = Vec::new();
        for j in ranked {
            let id = profile.experience[j].id.value.as_str();
            if job_months(profile, taken.iter().copied(), today) >= d.months || taken.len() >= MOST
            {
                break;
            }
            taken.push(id);
            let reference = format!("experience.{id}");
            if out.iter().any(|s| s.reference == reference) {
                continue;
            }
            let why = format!(
                "{} of the {} asked; {}",
                years_text(months(j)),
                years_text(d.months),
                if by_field {
                    shares(&scores[j].shared)
                } else {
                    "a long job".to_string()
                }
            );
            out.push(Suggestion { reference, why });
        }
    }
    out
}

/// The level an education item's degree names, as far as its words tell.
fn degree_level(e: &Education) -> Option<EducationLevel> {
    let degree = e.degree.as_ref()?;
    let all: String = Lang::ALL
        .iter()
        .filter_map(|l| degree.get(*l, None))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let has = |stems: &[&str]| stems.iter().any(|s| all.contains(s));
    if has(&["doktor", "phd", "doctor"]) {
        Some(EducationLevel::Doctorate)
    } else if has(&["magist", "master", "msc", "mba", "m.sc"]) {
        Some(EducationLevel::Master)
    } else if has(&[
        "bakalaur",
        "bachelor",
        "bsc",
        "b.sc",
        "rakenduslik",
        "diplom",
    ]) {
        Some(EducationLevel::Higher)
    } else if has(&["kutse", "vocational"]) {
        Some(EducationLevel::Vocational)
    } else {
        None
    }
}

/// The education items, the highest degree first.
fn by_education(profile: &Profile, asked: EducationLevel, lang: Lang) -> Vec<Suggestion> {
    let mut items: Vec<&Education> = profile.education.iter().collect();
    items.sort_by_key(|e| std::cmp::Reverse(degree_level(e)));
    let asked = match asked {
        EducationLevel::Secondary => "secondary education",
        EducationLevel::Vocational => "vocational education",
        EducationLevel::Higher => "higher education",
        EducationLevel::Master => "a master's degree",
        EducationLevel::Doctorate => "a doctorate",
    };
    items
        .into_iter()
        .map(|e| {
            let what = e
                .degree
                .as_ref()
                .or(e.field.as_ref())
                .unwrap_or(&e.institution);
            Suggestion {
                reference: format!("education.{}", e.id.value),
                why: format!(
                    "{asked} asked: {}",
                    text(what, lang, profile.fallback_language)
                ),
            }
        })
        .collect()
}

/// The profile items that answer `requirement` (a posting line, in `lang`),
/// best first, at most three; empty when nothing answers it.
pub fn suggest(profile: &Profile, requirement: &str, lang: Lang) -> Vec<Suggestion> {
    let reading = requirement::read(requirement);
    let mut out = by_language(profile, &reading.languages);
    out.extend(by_years(profile, &reading.years, lang));
    if let Some(level) = reading.education {
        out.extend(by_education(profile, level, lang));
    }
    // A line the reader understood is answered by what it asks; its other
    // words ("eesti keele", "kõrgharidus haakuval erialal") would only
    // find noise. Nothing found for what it asks is an honest gap.
    let understood =
        !reading.languages.is_empty() || !reading.years.is_empty() || reading.education.is_some();
    if !understood {
        out = by_words(&items(profile, lang), &words::words(requirement));
    }
    out.truncate(MOST);
    out
}

/// The ids of the profile's jobs, the one that answers the posting's
/// requirements and duties best first; ties keep the profile's newest-first
/// order. Every job id appears once.
pub fn order_experience(profile: &Profile, lines: &[&str], lang: Lang) -> Vec<String> {
    let items = items(profile, lang);
    let lists: Vec<&[Word]> = items.iter().map(|i| i.words.as_slice()).collect();
    let mut totals = vec![0.0f32; profile.experience.len()];
    for line in lines {
        let scores = scores(&lists, &words::words(line));
        // A job answers a line by itself or by its best highlight, counted
        // once; below the threshold it does not answer it at all.
        let mut best = vec![0.0f32; totals.len()];
        for (item, s) in items.iter().zip(&scores) {
            if let Some(j) = item.job
                && s.score >= THRESHOLD
            {
                best[j] = best[j].max(s.score);
            }
        }
        for (t, b) in totals.iter_mut().zip(best) {
            *t += b;
        }
    }
    let mut order: Vec<usize> = (0..totals.len()).collect();
    // Stable: ties keep the profile's order.
    order.sort_by(|a, b| totals[*b].total_cmp(&totals[*a]));
    order
        .into_iter()
        .map(|j| profile.experience[j].id.value.clone())
        .collect()
}
