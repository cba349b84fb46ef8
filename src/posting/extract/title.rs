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

use super::fields::{Field, field};
use super::find_ci;

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

/// Legal forms and words that end an organization's name.
const LEGAL: &[&str] = &[
    "OÜ", "AS", "SA", "MTÜ", "TÜ", "FIE", "Ltd", "LLC", "GmbH", "Inc", "Oy", "AB", "ASA", "plc",
    "UAB", "SIA", "OU",
];

pub fn has_legal_form(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .any(|w| LEGAL.contains(&w))
}

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

/// "Kaitsepolitsei- ja Julgeolekuamet (KAPO)" → without the abbreviation.
pub fn drop_abbreviation(s: &str) -> String {
    let t = s.trim().trim_end_matches([':', '.']).trim();
    if let Some(open) = t.rfind(" (")
        && t.ends_with(')')
    {
        let inner = &t[open + 2..t.len() - 1];
        if !inner.is_empty()
            && inner.len() <= 8
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return t[..open].trim().to_string();
        }
    }
    t.to_string()
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

/// A partitive (or plural partitive) word back in the nominative:
/// "juhti" → "juht", "arendajat" → "arendaja", "analüütikut" → "analüütik",
/// "insenerit" → "insener", "nõunikku" → "nõunik", "müüjaid" → "müüja".
/// A candidate the text itself uses as a word wins over the rules' guess.
pub fn nominative(word: &str, text: &str) -> String {
    let lower = word.to_lowercase();
    let cut = |n: usize| -> String {
        let keep = word.chars().count().saturating_sub(n);
        word.chars().take(keep).collect()
    };
    let mut candidates: Vec<String> = Vec::new();
    let vowel = |c: char| "aeiouõäöüy".contains(c);
    let before = |n: usize| lower.chars().rev().nth(n);
    if lower.ends_with("ikku") {
        candidates.push(cut(2));
    }
    if lower.ends_with("jaid") || lower.ends_with("jad") {
        candidates.push(cut(if lower.ends_with("id") { 2 } else { 1 }));
    }
    if lower.ends_with("jat") {
        candidates.push(cut(1));
    }
    if lower.ends_with("kut") {
        candidates.push(cut(2));
    }
    if lower.ends_with("it") && before(2).is_some_and(|c| "rnl".contains(c)) {
        candidates.push(cut(2));
    }
    if lower.ends_with('i') && before(1).is_some_and(|c| !vowel(c)) {
        candidates.push(cut(1));
    }
    if lower.ends_with('t') && before(1).is_some_and(vowel) {
        candidates.push(cut(1));
        candidates.push(cut(2));
    }
    if lower.ends_with("id") {
        candidates.push(cut(2));
    }
    if lower.ends_with('d') && before(1).is_some_and(vowel) {
        candidates.push(cut(1));
    }
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_lowercase)
        .collect();
    candidates
        .iter()
        .find(|c| words.iter().any(|w| *w == c.to_lowercase()))
        .or(candidates.first())
        .cloned()
        .unwrap_or_else(|| word.to_string())
}

/// The organization and unit in a subject "Eesti Rahvusraamatukogu
/// üleriigiliste raamatukoguteenuste keskus": the capitalised name, and the
/// lower-case rest when it names a unit.
pub fn org_and_unit(subject: &str) -> (String, Option<String>) {
    let words: Vec<&str> = subject.split_whitespace().collect();
    let caps = words
        .iter()
        .take_while(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    if caps == 0 || caps == words.len() {
        return (subject.trim().to_string(), None);
    }
    let rest = words[caps..].join(" ");
    let unit = UNIT_WORDS.iter().any(|u| rest.ends_with(u)).then_some(rest);
    (words[..caps].join(" "), unit)
}

const UNIT_WORDS: &[&str] = &[
    "keskus",
    "osakond",
    "talitus",
    "büroo",
    "teenistus",
    "meeskond",
    "üksus",
    "labor",
    "department",
    "team",
    "unit",
    "division",
];

/// A unit from a title such as "IT osakonna juhataja" → "IT osakond".
pub fn unit_from_title(title: &str) -> Option<String> {
    const GENITIVES: &[(&str, &str)] = &[
        ("osakonna", "osakond"),
        ("talituse", "talitus"),
        ("keskuse", "keskus"),
        ("meeskonna", "meeskond"),
        ("teenistuse", "teenistus"),
        ("büroo", "büroo"),
        ("üksuse", "üksus"),
    ];
    let words: Vec<&str> = title.split_whitespace().collect();
    for (k, w) in words.iter().enumerate() {
        let wl = w.to_lowercase();
        if let Some((_, nom)) = GENITIVES.iter().find(|(g, _)| wl == *g)
            && k > 0
        {
            return Some(format!("{} {nom}", words[..k].join(" ")));
        }
    }
    None
}

/// The subject of "X otsib", "X ootab oma meeskonda", "X is looking for".
pub fn subject_before_verb(text: &str) -> Option<String> {
    for verb in [
        " otsib ",
        " ootab oma",
        " ootab enda",
        " is looking for ",
        " is hiring",
    ] {
        if let Some((at, _)) = find_ci(text, verb) {
            let before = &text[..at];
            let start = before
                .rfind(['.', '!', '?', ':', '\n'])
                .map_or(0, |i| i + 1);
            // The name: the capitalised words before any lower-case ones
            // (a unit: "… Rahvusraamatukogu üleriigiliste … keskus"), not
            // what a copy glued in front of it.
            let words: Vec<&str> = before[start..].split_whitespace().collect();
            // "1oT" is a name; "2025Tööpakkumine" two words a copy glued.
            let capital = |w: &&str| {
                let after_digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    && after_digits.chars().next().is_some_and(char::is_alphabetic)
                    && (after_digits.len() == w.len()
                        || after_digits.chars().next().is_some_and(char::is_lowercase))
            };
            let mut end = words.len();
            while end > 0 && !capital(&words[end - 1]) {
                end -= 1;
            }
            let mut begin = end;
            while begin > 0 && capital(&words[begin - 1]) {
                begin -= 1;
            }
            if begin < end && words.len() - begin <= 8 {
                return Some(words[begin..].join(" "));
            }
        }
    }
    None
}

/// Words that end the name of an institution.
const INSTITUTIONS: &[&str] = &[
    "amet",
    "keskus",
    "ministeerium",
    "inspektsioon",
    "kool",
    "gümnaasium",
    "haigla",
    "ülikool",
    "valitsus",
    "raamatukogu",
    "muuseum",
    "teater",
    "fond",
    "sihtasutus",
    "agentuur",
    "politsei",
    "kohus",
    "register",
    "teenistus",
    "koda",
    "instituut",
    "selts",
    "liit",
    "kantselei",
    "prokuratuur",
    "akadeemia",
    "arhiiv",
];

/// The subject of a sentence that introduces the employer: "Patendiamet on
/// …", "Tallinna Tehnikagümnaasium on …", "Acme OÜ is …" — capitalised
/// words naming an institution or carrying a legal form.
fn employer_sentence(text: &str) -> Option<String> {
    let (subject, _) = [" on ", " is ", " are "]
        .iter()
        .find_map(|v| text.split_once(v))?;
    let words: Vec<&str> = subject.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || matches!(*w, "ja" | "and" | "+" | "&")
    });
    let last = words.last()?.to_lowercase();
    let institution = INSTITUTIONS.iter().any(|i| last.ends_with(i));
    ((1..=6).contains(&words.len()) && capitalised && (institution || has_legal_form(subject)))
        .then(|| drop_abbreviation(subject))
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
        for b in blocks.iter().filter(|b| b.kind == Kind::Paragraph).take(8) {
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
mod tests {
    use super::*;

    #[test]
    fn partitive_titles_back_in_the_nominative() {
        assert_eq!(nominative("IT-projektijuhti", ""), "IT-projektijuht");
        assert_eq!(nominative("arendajat", ""), "arendaja");
        assert_eq!(nominative("analüütikut", ""), "analüütik");
        assert_eq!(nominative("insenerit", ""), "insener");
        assert_eq!(nominative("nõunikku", ""), "nõunik");
        assert_eq!(nominative("spetsialisti", ""), "spetsialist");
        assert_eq!(nominative("raamatupidajat", ""), "raamatupidaja");
        // The text's own nominative wins over the guess.
        assert_eq!(
            nominative("koordinaatorit", "Koordinaator vastutab"),
            "koordinaator"
        );
        assert_eq!(nominative("juristi", "Jurist"), "jurist");
    }

    #[test]
    fn titles_with_employer_and_site_words() {
        let t = |s: &str| split_title(s, "");
        assert_eq!(
            t("Otsime IT-projektijuhti"),
            (Some("IT-projektijuht".into()), None)
        );
        assert_eq!(
            t("Riigi IT Keskus otsib ärilise mõtlemisega TEENUSEJUHTI"),
            (Some("Teenusejuht".into()), Some("Riigi IT Keskus".into()))
        );
        assert_eq!(
            t("Projektijuht - Firon OÜ"),
            (Some("Projektijuht".into()), Some("Firon OÜ".into()))
        );
        assert_eq!(t("Juhiabi – Töökuulutus"), (Some("Juhiabi".into()), None));
        assert_eq!(
            t("KAPO - IT projektijuht-analüütik").0.as_deref(),
            Some("IT projektijuht-analüütik")
        );
        assert_eq!(
            t("Senior Backend Engineer (m\\w\\d) at Kühne + Nagel"),
            (
                Some("Senior Backend Engineer".into()),
                Some("Kühne + Nagel".into())
            )
        );
    }

    #[test]
    fn an_employer_heading_above_the_title() {
        let lines: Vec<String> = "# Firma OÜ\n\n## Analüütik\n\nTekst."
            .split('\n')
            .map(String::from)
            .collect();
        let blocks = crate::posting::blocks::blocks(&lines);
        let t = read(&blocks, &[], &lines, "");
        assert_eq!(t.organization.map(|o| o.0).as_deref(), Some("Firma OÜ"));
        assert_eq!(t.position.map(|p| p.0).as_deref(), Some("Analüütik"));
    }

    #[test]
    fn employer_sentences_and_seeking_sentences() {
        assert_eq!(
            employer_sentence("Patendiamet on Justiitsministeeriumi valitsemisalas").as_deref(),
            Some("Patendiamet")
        );
        assert_eq!(employer_sentence("Meie meeskond on tore"), None);
        assert_eq!(
            sought(
                "Sind - tarkvaraarenduse projektijuhti Tallinnas (või Tartus), kes",
                "",
                true
            )
            .as_deref(),
            Some("Tarkvaraarenduse projektijuht")
        );
        assert_eq!(
            sought("an experienced Lead Product Manager to drive", "", false).as_deref(),
            Some("Experienced Lead Product Manager")
        );
    }

    #[test]
    fn organization_unit_and_abbreviations() {
        assert_eq!(
            org_and_unit("Eesti Rahvusraamatukogu üleriigiliste raamatukoguteenuste keskus"),
            (
                "Eesti Rahvusraamatukogu".into(),
                Some("üleriigiliste raamatukoguteenuste keskus".into())
            )
        );
        assert_eq!(
            drop_abbreviation("Kaitsepolitsei- ja Julgeolekuamet (KAPO)"),
            "Kaitsepolitsei- ja Julgeolekuamet"
        );
        assert_eq!(
            unit_from_title("IT osakonna juhataja").as_deref(),
            Some("IT osakond")
        );
    }
}
