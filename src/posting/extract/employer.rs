//! The employer and its unit: legal forms, institutions' names, sentences
//! that introduce the employer ("Patendiamet on …", "X otsib …").

use super::find_ci;

/// Legal forms and words that end an organization's name.
const LEGAL: &[&str] = &[
    "OÜ", "AS", "SA", "MTÜ", "TÜ", "FIE", "Ltd", "LLC", "GmbH", "Inc", "Oy", "AB", "ASA", "plc",
    "UAB", "SIA", "OU",
];

pub fn has_legal_form(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .any(|w| LEGAL.contains(&w))
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
    "juhatus",
];

/// The subject of a sentence that introduces the employer: "Patendiamet on
/// …", "Tallinna Tehnikagümnaasium on …", "Acme OÜ is …" — capitalised
/// words naming an institution or carrying a legal form.
pub fn employer_sentence(text: &str) -> Option<String> {
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
