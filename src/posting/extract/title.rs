//! The position, the organization and the unit.
//!
//! Titles come as a form field ("Ametikoht: …"), as the page's first
//! heading, often with the employer and the site's words around it
//! ("Projektijuht - Firon OÜ", "Juhiabi – Töökuulutus", "Senior Engineer
//! (m/w/d) at Kühne + Nagel"), or only in a sentence: "Otsime
//! IT-projektijuhti", "Riigi IT Keskus otsib … TEENUSEJUHTI". After
//! "otsime"/"otsib" Estonian puts the title in the partitive; it is turned
//! back into the nominative, preferring a nominative the text itself uses.

use crate::posting::blocks::{Block, Kind};

use super::employer::{
    drop_abbreviation, employer_sentence, has_legal_form, org_and_unit, subject_before_verb,
    unit_from_title,
};
use super::fields::{Field, field};
use super::find_ci;
use super::partitive::nominative;

/// Words that mark a part of a title as the site's, not the job's.
const META: &[&str] = &[
    "töökuulutus",
    "tööpakkumine",
    "tööpakkumised",
    "kuulutus",
    "full ad",
    "job ad",
    "job posting",
    "vacancy",
    "verbatim",
    "capture",
    "cv.ee",
    "cv keskus",
    "cvkeskus",
    "töötukassa",
    "job offer",
];

/// Headings that name the kind of document, not the job.
const DOCUMENT_KINDS: &[&str] = &[
    "ametijuhend",
    "töökuulutus",
    "tööpakkumine",
    "kutsestandard",
    "ametikirjeldus",
    "job description",
    "job posting",
    "job ad",
    "vacancy",
    "konkurss",
];

/// "(m/w/d)", "(m\w\d)", "(M/N)", "(f/m/x)": dropped from titles.
fn drop_gender(s: &str) -> String {
    let mut out = s.to_string();
    while let Some(open) = out.find('(') {
        let Some(close) = out[open..].find(')').map(|c| c + open) else {
            break;
        };
        let inner = &out[open + 1..close];
        let parts: Vec<&str> = inner.split(['/', '\\', '|', ',']).map(str::trim).collect();
        let gender = parts.len() >= 2
            && parts.iter().all(|p| {
                matches!(
                    p.to_lowercase().as_str(),
                    "m" | "f" | "w" | "n" | "d" | "x" | "mees" | "naine"
                )
            });
        if !gender {
            break;
        }
        out = format!("{}{}", out[..open].trim_end(), &out[close + 1..]);
    }
    out.trim().to_string()
}

/// The position and (when the title names it) the organization, from a
/// title line.
pub fn split_title(title: &str, text: &str) -> (Option<String>, Option<String>) {
    let mut title = drop_gender(title);
    // "Tööpakkumine: Analüütik": the site's word before a colon.
    if let Some((head, rest)) = title.split_once(": ")
        && META.iter().any(|m| head.to_lowercase().contains(m))
    {
        title = rest.trim().to_string();
    }
    // A document's kind is no title ("AMETIJUHEND", "Töökuulutus").
    if DOCUMENT_KINDS.contains(&title.to_lowercase().trim()) {
        return (None, None);
    }
    // "Riigi IT Keskus otsib … TEENUSEJUHTI", "Otsime IT-projektijuhti".
    for verb in [" otsib ", " otsivad "] {
        if let Some((at, end)) = find_ci(&title, verb) {
            let org = title[..at].trim().to_string();
            let pos = sought(&title[end..], text, true);
            return (pos, Some(org));
        }
    }
    if let Some((0, end)) = find_ci(&title, "otsime ") {
        return (sought(&title[end..], text, true), None);
    }
    let mut org = None;
    let mut pos = title.clone();
    if let Some(at) = title.rfind(" at ") {
        org = Some(title[at + 4..].trim().to_string());
        pos = title[..at].trim().to_string();
    }
    let parts: Vec<&str> = pos
        .split(" – ")
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" | "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut kept = Vec::new();
    for p in &parts {
        let pl = p.to_lowercase();
        if META.iter().any(|m| pl.contains(m)) {
            continue;
        }
        if has_legal_form(p) && parts.len() > 1 {
            org.get_or_insert_with(|| p.to_string());
            continue;
        }
        // An abbreviation of the employer ("KAPO - …").
        if parts.len() > 1 && p.chars().count() <= 6 && p.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        // After the title, a name in capitals is the employer
        // ("Data Engineer – Playtech", "Jurist | Küberväejuhatus").
        let name = p.split_whitespace().count() <= 4
            && p.split_whitespace().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        if !kept.is_empty() && name && org.is_none() {
            org = Some(p.to_string());
            continue;
        }
        kept.push(*p);
    }
    let pos = kept
        .first()
        .map(|p| p.trim_end_matches([':', '.']).to_string());
    (pos.filter(|p| !p.is_empty()), org)
}

/// The title in a phrase after "otsime"/"otsib" ("we are looking for"): a
/// run in capitals when there is one, else the phrase up to a clause; an
/// Estonian one in the nominative.
pub fn sought(phrase: &str, text: &str, estonian: bool) -> Option<String> {
    let cut = phrase
        .split([',', '!', '.', ':', ';', '('])
        .next()
        .unwrap_or("")
        .split(" kes ")
        .next()
        .unwrap_or("")
        .split(" et ")
        .next()
        .unwrap_or("")
        .split(" to ")
        .next()
        .unwrap_or("")
        .split(" who ")
        .next()
        .unwrap_or("")
        .split(" with ")
        .next()
        .unwrap_or("");
    let mut words: Vec<&str> = cut.split_whitespace().collect();
    while let Some(w) = words.first() {
        let wl = w.to_lowercase();
        if matches!(
            wl.as_str(),
            "oma"
                | "meeskonda"
                | "tiimi"
                | "meie"
                | "enda"
                | "uut"
                | "uue"
                | "sind"
                | "sind-"
                | "a"
                | "an"
                | "the"
                | "-"
                | "–"
        ) {
            words.remove(0);
        } else {
            break;
        }
    }
    // Estonian writes a title in lower case: a capitalised word after the
    // first is a place or a name ("projektijuhti Tallinnas").
    if estonian
        && let Some(stop) = words
            .iter()
            .skip(1)
            .position(|w| w.chars().next().is_some_and(char::is_uppercase) && !all_caps(w))
    {
        words.truncate(stop + 1);
    }
    let caps: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| !all_caps(w))
        .take_while(|w| all_caps(w))
        .collect();
    let chosen: Vec<&str> = if caps
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
    {
        caps
    } else {
        words
    };
    if chosen.is_empty() || chosen.len() > 6 {
        return None;
    }
    let mut out: Vec<String> = chosen
        .iter()
        .map(|w| {
            if all_caps(w) && w.chars().count() > 3 {
                w.to_lowercase()
            } else {
                (*w).to_string()
            }
        })
        .collect();
    let last = out.pop()?;
    out.push(if estonian {
        nominative(&last, text)
    } else {
        last
    });
    let joined = out.join(" ");
    let mut chars = joined.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn all_caps(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// What the title names: position, organization, unit, each with its line.
pub struct Title {
    pub position: Option<(String, usize)>,
    pub organization: Option<(String, usize)>,
    pub unit: Option<(String, usize)>,
}

pub fn read(blocks: &[Block], fields: &[Field], lines: &[String], text: &str) -> Title {
    let mut position = field(
        fields,
        &[
            "ametikoht",
            "ametinimetus",
            "teenistuskoht",
            "job title",
            "position",
            "positsioon",
        ],
    )
    .map(|f| (drop_gender(&f.value), f.line));
    let mut organization = field(
        fields,
        &[
            "organisatsioon",
            "tööandja nimi",
            "tööandja",
            "ettevõte",
            "asutus",
            "company",
            "employer",
            "organization",
            "organisation",
        ],
    )
    .filter(|f| !f.value.contains("://"))
    .map(|f| (drop_abbreviation(&f.value), f.line));
    let mut unit = field(
        fields,
        &["struktuuriüksus", "osakond", "department", "team"],
    )
    .map(|f| (f.value.clone(), f.line));

    // The title: a first-level heading near the top, or the first block
    // when it is a heading. A heading that only names the employer ("#
    // Firma OÜ" above "## Analüütik") gives the organization, and one that
    // names the kind of document ("AMETIJUHEND") nothing; the heading after
    // either is the title.
    let mut title_heading = None;
    let mut after_skipped = false;
    for (k, b) in blocks.iter().enumerate().take(6) {
        let Kind::Heading(level) = b.kind else {
            continue;
        };
        if DOCUMENT_KINDS.contains(&b.text.to_lowercase().trim()) {
            after_skipped = true;
            continue;
        }
        if has_legal_form(&b.text) && split_title(&b.text, text).1.is_none() {
            organization.get_or_insert_with(|| (drop_abbreviation(&b.text), b.line));
            after_skipped = true;
            continue;
        }
        // A slogan ("Liitu meiega!") or a sentence is no title.
        let slogan = b.text.ends_with(['!', '?', '.']) || b.text.split_whitespace().count() > 10;
        if (level == 1 || k == 0 || after_skipped) && !slogan {
            title_heading = Some(b);
        }
        break;
    }
    // A plain text's first line, short and unpunctuated, is its title.
    let first_line = blocks.first().filter(|b| {
        b.kind == Kind::Paragraph
            && b.line <= 3
            && b.text.split_whitespace().count() <= 8
            && !b.text.ends_with(['.', '!', '?', ':', ';', ','])
            && !b.text.contains(": ")
            && !b.text.contains("://")
            && !has_legal_form(&b.text)
    });
    if let Some(h) = title_heading.or(first_line) {
        let (pos, org) = split_title(&h.text, text);
        if position.is_none() {
            position = pos.map(|p| (p, h.line));
        }
        if organization.is_none() {
            organization = org.map(|o| (drop_abbreviation(&o), h.line));
        }
    }
    // A scraper's record: title, company, URL on the first three lines.
    if lines.len() > 3 && lines[2].trim().starts_with("http") && !lines[1].trim().is_empty() {
        let company = lines[1].trim();
        if organization.is_none() && !company.to_lowercase().contains("vahendatud") {
            organization = Some((company.to_string(), 2));
        }
        if position.is_none() {
            position = Some((drop_gender(lines[0].trim()), 1));
        }
    }
    // A short line near the top that carries a legal form.
    if organization.is_none() {
        organization = blocks
            .iter()
            .take(12)
            .find(|b| {
                b.text.split_whitespace().count() <= 6
                    && has_legal_form(&b.text)
                    && !b.text.contains("://")
            })
            .map(|b| (drop_abbreviation(b.text.trim_end_matches(':')), b.line));
    }
    // "X ootab oma meeskonda …", "X otsib …".
    if organization.is_none() || unit.is_none() {
        for b in blocks
            .iter()
            .filter(|b| matches!(b.kind, Kind::Paragraph | Kind::Heading(_)))
            .take(10)
        {
            if let Some(subject) = subject_before_verb(&b.text) {
                let (org, u) = org_and_unit(&subject);
                if organization.is_none() {
                    organization = Some((org, b.line));
                }
                if unit.is_none() {
                    unit = u.map(|u| (u, b.line));
                }
                break;
            }
        }
    }
    // "Patendiamet on … valitsusasutus": a sentence about the employer.
    if organization.is_none() {
        organization = blocks
            .iter()
            .filter(|b| b.kind == Kind::Paragraph)
            .find_map(|b| employer_sentence(&b.text).map(|o| (o, b.line)));
    }
    // "Source: Teamdash – Enefit": a job board's page names the employer.
    if organization.is_none()
        && let Some(f) = field(fields, &["allikas", "source"])
    {
        let v = f.value.split("http").next().unwrap_or("");
        if let Some((_, org)) = v.split_once(" – ").or_else(|| v.split_once(" - ")) {
            organization = Some((org.trim().to_string(), f.line));
        }
    }
    if position.is_none() {
        const SEEKING: &[(&str, bool)] = &[
            ("otsime ", true),
            (" otsib ", true),
            ("ootame oma meeskonda ", true),
            (" ootab oma meeskonda ", true),
            ("as a ", false),
            ("as an ", false),
            ("looking for ", false),
            ("we are hiring ", false),
        ];
        position = blocks.iter().take(30).find_map(|b| {
            SEEKING.iter().find_map(|(phrase, estonian)| {
                let (at, end) = find_ci(&b.text, phrase)?;
                // "As a …, you will": only where a sentence begins.
                if phrase.starts_with("as a") && at > 0 {
                    return None;
                }
                sought(&b.text[end..], text, *estonian).map(|p| (p, b.line))
            })
        });
    }
    if unit.is_none()
        && let Some((p, line)) = &position
    {
        unit = unit_from_title(p).map(|u| (u, *line));
    }
    Title {
        position,
        organization,
        unit,
    }
}

#[cfg(test)]
mod tests;
