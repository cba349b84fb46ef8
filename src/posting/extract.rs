//! Blocks → the fields of a posting.
//!
//! The lists (duties, requirements, nice-to-haves) are read by section: a
//! heading says what the blocks under it are ([`sections::classify`]), a
//! sub-heading that says nothing of its own belongs to its parent's
//! section. Requirement sections give every line verbatim; a prose sentence
//! that says it is a plus ("Kasuks tuleb …", "… on eeliseks") is a
//! nice-to-have wherever it stands. Where a page lost its headings, a run of
//! list items that read like requirements (experience, skills, knowledge,
//! education) is taken as the requirements.
//!
//! The single values come from form fields first ("Tähtaeg: …"), then from
//! the title, then from the running text ([`title`], [`fields`], [`dates`]).

pub mod contacts;
pub mod dates;
pub mod employer;
pub mod fields;
pub mod partitive;
pub mod sections;
pub mod title;

use crate::model::{Date, Lang};

use super::blocks::{self, Block, Kind};
use super::{Extracted, Found, RequirementLine};
use sections::Section;

/// Reads the fields of a posting from its source lines.
pub fn extract(lines: &[String], today: Date) -> Extracted {
    let clean: Vec<String> = lines.iter().map(|l| blocks::clean_inline(l)).collect();
    let blocks = sections::unflatten(blocks::blocks(lines));
    let text = clean.join("\n");
    let fields = fields::fields(&blocks);
    let title = title::read(&blocks, &fields, &clean, &text);
    let found = |v: Option<(String, usize)>| v.map(|(value, line)| Found { value, line });
    let (duties, requirements) = lists(&blocks);
    Extracted {
        language: language(&text),
        organization: found(title.organization),
        position: found(title.position),
        unit: found(title.unit),
        reference: fields::reference(&clean),
        deadline: dates::deadline(&clean, today).map(|(value, line)| Found { value, line }),
        // Links are in the raw lines: cleaning keeps a link's text only.
        url: fields::url(&fields, lines),
        address: fields::address(&fields),
        contacts: contacts::contacts(&clean),
        location: fields::location(&fields, &clean),
        salary: fields::salary(&fields, &clean),
        duties,
        requirements,
    }
}

/// Where `needle` (lower case) occurs in `hay` ignoring case: the byte
/// range in `hay` itself. Lower-casing can change a character's length in
/// bytes ("İ"), so an index into `hay.to_lowercase()` must never slice `hay`.
pub fn find_ci(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let mut lower = String::with_capacity(hay.len());
    let mut map = Vec::with_capacity(hay.len() + 1);
    for (i, c) in hay.char_indices() {
        for lc in c.to_lowercase() {
            let before = lower.len();
            lower.push(lc);
            map.extend(std::iter::repeat_n(i, lower.len() - before));
        }
    }
    map.push(hay.len());
    let at = lower.find(needle)?;
    let end = map.get(at + needle.len()).copied().unwrap_or(hay.len());
    Some((map[at], end.max(map[at])))
}

/// English when English function words outnumber Estonian ones; Estonian
/// otherwise (the default for a posting of this tool).
pub fn language(text: &str) -> Lang {
    const EN: &[&str] = &[
        "the", "and", "of", "to", "with", "you", "we", "in", "for", "is", "are", "our", "your",
        "will", "a", "an", "as", "on", "be", "have",
    ];
    const ET: &[&str] = &[
        "ja",
        "on",
        "ning",
        "või",
        "kui",
        "sinu",
        "oma",
        "ka",
        "meie",
        "kes",
        "mis",
        "see",
        "ole",
        "oled",
        "sul",
        "tööd",
        "töö",
        "vähemalt",
        "nii",
        "et",
    ];
    let (mut en, mut et) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if EN.contains(&w.as_str()) {
            en += 1;
        }
        if ET.contains(&w.as_str()) || w.contains(['õ', 'ä', 'ö', 'ü']) {
            et += 1;
        }
    }
    if en > et { Lang::En } else { Lang::Et }
}

/// Openings of sentences that offer something as a plus.
const NICE_START: &[&str] = &[
    "kasuks tuleb",
    "kasuks tulevad",
    "eeliseks on",
    "eeliseks loeme",
    "eeliseks tuleb",
    "eelistatud on",
    "boonuseks",
    "soovitavalt",
    "soovituslikult",
    "nice to have",
    "it's a plus",
    "it is a plus",
    "a plus is",
    "bonus points",
];
/// Phrases inside a line that make it a nice-to-have.
const NICE_INSIDE: &[&str] = &[
    "on eeliseks",
    "tuleb kasuks",
    "loetakse eeliseks",
    "on kasuks",
    "on plussiks",
    "is a plus",
    "is a huge plus",
    "is a bonus",
    "is an advantage",
    "is beneficial",
    "nice to have",
    "is considered an asset",
];

fn is_optional(text: &str) -> bool {
    let l = text.to_lowercase().replace('’', "'");
    NICE_START.iter().any(|p| l.starts_with(p)) || NICE_INSIDE.iter().any(|p| l.contains(p))
}

/// Stems of the words requirement lines are made of, to recognise a list
/// of requirements that lost its heading.
const REQUIREMENT_WORDS: &[&str] = &[
    "kogemus",
    "oskus",
    "teadmis",
    "haridus",
    "keel",
    "tundmi",
    "valdami",
    "mõtlemi",
    "võime",
    "vilumus",
    "pädevus",
    "valmidus",
    "orienteeritus",
    "juhiluba",
    "juhiload",
    "kodakondsus",
    "tasemel",
    "experience",
    "knowledge",
    "degree",
    "skills",
    "ability",
    "proficien",
    "familiar",
    "understanding",
    "fluent",
    "years of",
];

fn reads_as_requirement(text: &str) -> bool {
    let l = text.to_lowercase();
    REQUIREMENT_WORDS.iter().any(|w| l.contains(w))
}

/// "Label: value" whose label is about applying, contacts or the deadline.
fn applying_field(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(label, _)| {
        label.split_whitespace().count() <= 4 && sections::classify(label) == Some(Section::Other)
    })
}

/// A sentence about applying or asking, which ends up under the last
/// list's heading when the page has no heading of its own for it.
fn about_applying(sentence: &str) -> bool {
    const WORDS: &[&str] = &[
        "kandideeri",
        "tähtaeg",
        "ühendust",
        "küsimus",
        "cv",
        "motivatsioonikiri",
        "apply",
        "deadline",
        "contact",
        "application",
        "questions",
    ];
    let l = sentence.to_lowercase();
    WORDS.iter().any(|w| l.contains(w))
}

/// The requirement lines read so far, each text once.
#[derive(Default)]
struct ReqList {
    list: Vec<Found<RequirementLine>>,
    seen: std::collections::HashSet<String>,
}

impl ReqList {
    fn push(&mut self, text: &str, line: usize, optional: bool) {
        let text = text.trim();
        // An address or a link alone is how to apply, not a requirement.
        let bare_link = !text.contains(' ') && (text.contains('@') || text.contains("://"));
        if text.is_empty() || bare_link || !self.seen.insert(text.to_string()) {
            return;
        }
        self.list.push(Found {
            value: RequirementLine {
                text: text.to_string(),
                optional: optional || is_optional(text),
            },
            line,
        });
    }
}

type Lists = (Vec<Found<String>>, Vec<Found<RequirementLine>>);

/// The duties and the requirement lines, by section.
fn lists(blocks: &[Block]) -> Lists {
    let mut duties = Vec::new();
    let mut reqs = ReqList::default();
    let mut stack: Vec<(u8, Option<Section>)> = Vec::new();
    let mut section: Option<Section> = None;
    let mut seen_title = false;
    // Runs of items under no known section, for the fallback.
    let mut loose: Vec<Vec<&Block>> = vec![Vec::new()];
    // Runs of items under duties or offers headings.
    let mut labelled: Vec<Vec<&Block>> = vec![Vec::new()];
    for (k, b) in blocks.iter().enumerate() {
        match &b.kind {
            Kind::Heading(level) => {
                while stack.last().is_some_and(|(l, _)| l >= level) {
                    stack.pop();
                }
                let parent = stack.last().and_then(|(_, s)| *s);
                // The first first-level heading is the posting's title
                // ("# Otsime juhti" is no heading of requirements); later
                // ones are sections of a copy that uses `#` for them.
                let title = *level == 1 && !seen_title;
                seen_title |= *level == 1;
                let own = if title {
                    None
                } else {
                    sections::classify(&b.text)
                };
                section = own.or(parent);
                stack.push((*level, section));
                loose.push(Vec::new());
                labelled.push(Vec::new());
                // A heading that is itself a plus ("Kasuks tuleb X-i
                // tundmine") is a line too, not only a heading.
                if own == Some(Section::Nice)
                    && b.text.split_whitespace().count() > 4
                    && !b.text.ends_with(':')
                {
                    reqs.push(&b.text, b.line, true);
                }
            }
            // A form's field about applying ("Kandideerimise tähtaeg:
            // 15.01.2026") ends a list that had no blank line after it.
            Kind::Paragraph if applying_field(&b.text) => {
                section = Some(Section::Other);
            }
            // "Nõuded: kõrgharidus, …", "Kasuks tuleb: …", "Haridus:
            // kõrgharidus": a labelled line of requirements anywhere.
            Kind::Paragraph | Kind::Item
                if !matches!(section, Some(Section::Requirements | Section::Nice))
                    && let Some((label, value)) = b.text.split_once(": ")
                    && label.split_whitespace().count() <= 4
                    && let Some(kind @ (Section::Requirements | Section::Nice)) =
                        sections::classify(label) =>
            {
                reqs.push(value, b.line, kind == Section::Nice);
            }
            Kind::Item | Kind::Paragraph => {
                let item = b.kind == Kind::Item;
                let intro = !item
                    && blocks.get(k + 1).is_some_and(|n| n.kind == Kind::Item)
                    && !b.text.ends_with(['.', ';', '!', '?']);
                match section {
                    Some(Section::Requirements | Section::Nice) if !intro => {
                        let optional = section == Some(Section::Nice);
                        if item {
                            reqs.push(&b.text, b.line, optional);
                        } else {
                            for s in sections::sentences(&b.text) {
                                if !about_applying(&s) {
                                    reqs.push(&s, b.line, optional);
                                }
                            }
                        }
                    }
                    Some(Section::Duties | Section::Offers) if item => {
                        // Kept aside: a list under a duties or offers heading
                        // that reads as requirements was mislabelled.
                        if let Some(run) = labelled.last_mut() {
                            run.push(b);
                        }
                        if section == Some(Section::Duties) {
                            if is_optional(&b.text) {
                                reqs.push(&b.text, b.line, true);
                            } else {
                                duties.push(Found {
                                    value: b.text.clone(),
                                    line: b.line,
                                });
                            }
                        }
                    }
                    Some(Section::Duties) if !intro => {
                        let texts = if item {
                            vec![b.text.clone()]
                        } else {
                            sections::sentences(&b.text)
                        };
                        for t in texts {
                            if is_optional(&t) {
                                reqs.push(&t, b.line, true);
                            } else {
                                duties.push(Found {
                                    value: t,
                                    line: b.line,
                                });
                            }
                        }
                    }
                    Some(Section::Offers) => {}
                    _ => {
                        if item {
                            if let Some(run) = loose.last_mut() {
                                run.push(b);
                            }
                        } else {
                            loose.push(Vec::new());
                            for s in sections::sentences(&b.text) {
                                if NICE_START.iter().any(|p| s.to_lowercase().starts_with(p))
                                    || is_optional(&s)
                                {
                                    reqs.push(&s, b.line, true);
                                }
                            }
                        }
                    }
                }
            }
            // A form's table (languages with their levels) under a
            // requirements heading: each row but the header is a line.
            Kind::Row(cells) => {
                let header = k == 0
                    || !matches!(blocks[k - 1].kind, Kind::Row(_))
                        && blocks
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.kind, Kind::Row(_)))
                        && !cells
                            .iter()
                            .any(|c| c.chars().any(|ch| ch.is_ascii_digit()));
                if matches!(section, Some(Section::Requirements | Section::Nice)) && !header {
                    reqs.push(&b.text, b.line, section == Some(Section::Nice));
                }
            }
        }
    }
    let mut moved = Vec::new();
    for (run, mislabelled) in loose
        .into_iter()
        .map(|r| (r, false))
        .chain(labelled.into_iter().map(|r| (r, true)))
    {
        let hits = run.iter().filter(|b| reads_as_requirement(&b.text)).count();
        // A mislabelled list must read as requirements almost throughout:
        // duties and offers mention skills too ("oskuslikult", "koolitused").
        let (need, of) = if mislabelled { (8, 10) } else { (6, 10) };
        if run.len() >= 3 && hits * of >= run.len() * need {
            for b in run {
                reqs.push(&b.text, b.line, false);
                moved.push(b.line);
            }
        }
    }
    duties.retain(|d| !moved.contains(&d.line));
    duties.truncate(40);
    (duties, reqs.list)
}

#[cfg(test)]
mod tests;
