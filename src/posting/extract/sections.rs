//! What a section of a posting is about, by its heading; and text that lost
//! its layout (a web page flattened into one paragraph) cut back into
//! headings, sentences and items.

use crate::posting::blocks::{Block, Kind, PLAIN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Requirements,
    /// Nice-to-haves: "Kasuks tuleb", "Eeliseks", "Nice to have".
    Nice,
    Duties,
    Offers,
    /// Applying, contacts, the employer: none of the lists above.
    Other,
}

/// Phrases of headings, by section, checked in this order (a nice-to-have
/// heading often also says "nõuded").
const NICE: &[&str] = &[
    "kasuks",
    "eelis",
    "boonus",
    "plussiks",
    "lisaväärtus",
    "oleks tore",
    "tore oleks",
    "tore, kui",
    "hea, kui",
    "oleks hea",
    "hea oleks",
    "lisaks hindame",
    "soovituslik",
    "nice to have",
    "nice-to-have",
    "good to have",
    "bonus",
    "plus",
    "advantage",
    "desirable",
    "preferred",
    "stand out",
    "extra points",
    "would be nice",
];
/// A job portal's form fields (Haridustase, Keeleoskus, Töökogemus, …) are
/// requirements too: their lines feed the requirement reader (levels,
/// years), although a person would not repeat them as sentences.
const REQUIREMENTS: &[&str] = &[
    "nõue",
    "nõuded",
    "nõutav",
    "nõutud",
    "ootused",
    "ootame sinult",
    "ootame sult",
    "ootame, et",
    "sinult",
    "kandidaadilt",
    "sobiv kandidaat",
    "sobid",
    "eeldame",
    "eeldus",
    "sinu oskused",
    "mida ootame",
    "otsime",
    "kes sa oled",
    "kvalifikatsioon",
    "profiil",
    "requirement",
    "qualification",
    "what we expect",
    "we expect",
    "you have",
    "you bring",
    "to bring",
    "you'll need",
    "you need",
    "must have",
    "must-have",
    "great match",
    "about you",
    "your profile",
    "who you are",
    "looking for",
    "skills",
    "expectations",
    "you should have",
    "background",
    "ideal candidate",
    "your experience",
    "language",
];
const DUTIES: &[&str] = &[
    "ülesan",
    "töö kirjeldus",
    "ametikoha kirjeldus",
    "töö sisu",
    "sinu töö",
    "sinu roll",
    "igapäevatöö",
    "vastutusala",
    "mida teed",
    "mida sa teed",
    "sa hakkad",
    "responsibilit",
    "duties",
    "tasks",
    "what you will do",
    "what you'll do",
    "you'll be doing",
    "you will",
    "your role",
    "the role",
    "in this role",
    "create impact",
    "contribution",
    "your job",
    "day to day",
    "your day",
    "job description",
    "role description",
];
const OFFERS: &[&str] = &[
    "pakume",
    "pakub",
    "pakutav",
    "omalt poolt",
    "ootab sind",
    "hüved",
    "soodustus",
    "miks meie",
    "offer",
    "benefit",
    "in it for you",
    "with us",
    "perks",
    "why join",
    "why us",
    "compensation",
];
const OTHER: &[&str] = &[
    "kandideeri",
    "kontakt",
    "lisainfo",
    "lisateave",
    "küsimus",
    "töökoha andmed",
    "ettevõte",
    "meist",
    "tähtaeg",
    "deadline",
    "apply",
    "contact",
    "question",
    "about us",
    "dokumendid",
    "details",
    "info",
];

pub fn classify(heading: &str) -> Option<Section> {
    let h = heading.to_lowercase().replace('’', "'");
    let h = h.trim().trim_end_matches([':', '?', '!']).trim();
    if h.split_whitespace().count() > 10 {
        return None;
    }
    let has = |list: &[&str]| list.iter().any(|p| h.contains(p));
    // "Otsime" is a heading of requirements only alone: "Otsime juhti" is a
    // title.
    if h.starts_with("otsime") && h.split_whitespace().count() >= 2 {
        return None;
    }
    // A form's field name alone ("Haridustase", "Nõutud keeleoskus",
    // "Haridus ja töökogemus"): every word one of these, so that an item
    // such as "Kõrgharidus" is never taken for a heading.
    const FORM_WORDS: &[&str] = &[
        "haridus",
        "haridustase",
        "keeleoskus",
        "keeled",
        "arvutioskus",
        "juhiload",
        "juhiluba",
        "töökogemus",
        "kogemus",
        "oskused",
        "teadmised",
        "nõutud",
        "nõutav",
        "muud",
        "ja",
        "education",
        "experience",
        "skills",
        "languages",
        "and",
    ];
    let form = h
        .split_whitespace()
        .all(|w| FORM_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    if has(NICE) {
        Some(Section::Nice)
    } else if (h.starts_with("kandideeri") && !h.ends_with("kui")) || has(&["küsimus", "question"])
    {
        Some(Section::Other)
    } else if form
        || has(REQUIREMENTS)
        || h.starts_with("sul on")
        || h.starts_with("you are")
        || h.ends_with(" kui")
        || h.ends_with(" if you")
    {
        Some(Section::Requirements)
    } else if has(DUTIES) {
        Some(Section::Duties)
    } else if has(OFFERS) {
        Some(Section::Offers)
    } else if has(OTHER) {
        Some(Section::Other)
    } else {
        None
    }
}

/// Sentences of a prose text: cut after `.`, `!`, `?` or `;` followed by a
/// space and a capital or digit, except after abbreviations ("nt.", "sh.").
pub fn sentences(text: &str) -> Vec<String> {
    const ABBREV: &[&str] = &[
        "nt", "sh", "jne", "vms", "jt", "e.g", "i.e", "incl", "etc", "nr", "tel", "dr", "mr", "ms",
        "vs", "u", "ca",
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | ';') {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, ')' | '"' | '”' | '»') {
            j += 1;
        }
        if j >= chars.len() || chars[j].1 != ' ' {
            continue;
        }
        let next = chars.get(j + 1).map(|c| c.1);
        if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit()) {
            continue;
        }
        let word = text[start..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if c == '.' && (ABBREV.contains(&word.as_str()) || word.chars().count() == 1) {
            continue;
        }
        let end = chars[j].0;
        let s = text[start..end].trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
        start = end;
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
    out
}

/// A sentence that begins with a heading glued to it ("What we would like
/// you to bring 5+ years of …"): the heading and the rest.
/// A heading never ends in a word that needs more after it ("Nice to have
/// experience with CMS …" is a sentence, not a heading and a sentence).
const OPEN_ENDS: &[&str] = &[
    "with",
    "of",
    "in",
    "for",
    "and",
    "or",
    "to",
    "the",
    "a",
    "an",
    "on",
    "at",
    "by",
    "ja",
    "ning",
    "või",
    "ka",
    "kui",
    "et",
    "näiteks",
    "nt",
    "sh",
    "muuhulgas",
];

fn glued_heading(sentence: &str) -> Option<(String, String)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    (2..=8.min(words.len().saturating_sub(1)))
        .rev()
        .find_map(|k| {
            let head = words[..k].join(" ");
            let next = words[k];
            let acronym = next.chars().count() >= 2 && next.chars().all(|c| c.is_uppercase());
            let starts_new = !acronym
                && next
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let clean = !head.contains([',', '.', ';', ':', '('])
                && !head.chars().any(|c| c.is_ascii_digit())
                && !OPEN_ENDS.contains(&words[k - 1].to_lowercase().as_str());
            (starts_new && clean && classify(&head).is_some() && keyword_at_end(&head))
                .then(|| (head, words[k..].join(" ")))
        })
}

/// Whether a heading's key phrase ends it (give or take a word): "How you
/// create impact", "What's in it for you" — unlike a sentence that only
/// contains one ("We are looking for an experienced …").
fn keyword_at_end(head: &str) -> bool {
    let h = head.to_lowercase().replace('’', "'");
    [NICE, REQUIREMENTS, DUTIES, OFFERS]
        .iter()
        .flat_map(|l| l.iter())
        .any(|p| {
            h.rfind(p)
                .is_some_and(|i| h[i + p.len()..].split_whitespace().count() <= 1)
        })
}

/// Where " - " starts a new item in a flattened list: the dash between
/// spaces, and a lower-case word after it.
fn dash_items(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(" - ") {
        let after = text[i + 3..].chars().next();
        if after.is_some_and(char::is_lowercase) {
            out.push(&text[start..i]);
            start = i + 3;
        }
    }
    out.push(&text[start..]);
    out
}

/// Long paragraphs that are whole flattened pages, cut back into blocks:
/// " - " items (their first sentence; what follows is prose again), and
/// prose sentences, with headings that were glued to a sentence split off.
pub fn unflatten(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.kind != Kind::Paragraph || b.text.chars().count() < 400 {
            out.push(b);
            continue;
        }
        let pieces = dash_items(&b.text);
        let listy = pieces.len() >= 4;
        for (p, piece) in pieces.iter().enumerate() {
            let mut sents = sentences(piece).into_iter();
            if listy
                && p > 0
                && let Some(first) = sents.next()
            {
                out.push(Block {
                    kind: Kind::Item,
                    text: first,
                    line: b.line,
                });
            }
            for s in sents {
                // A page flattened with its " - " items lost its headings
                // outright; only prose keeps them glued to sentences.
                let glued = if listy { None } else { glued_heading(&s) };
                match glued {
                    Some((head, rest)) => {
                        out.push(Block {
                            kind: Kind::Heading(PLAIN),
                            text: head,
                            line: b.line,
                        });
                        out.push(Block {
                            kind: Kind::Paragraph,
                            text: rest,
                            line: b.line,
                        });
                    }
                    None => out.push(Block {
                        kind: Kind::Paragraph,
                        text: s,
                        line: b.line,
                    }),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
