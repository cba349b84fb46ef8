//! Years (or months) of experience a requirement asks for: "vähemalt
//! 3-aastane töökogemus", "kahe aasta kogemus", "36 kuu töökogemust",
//! "paariaastase töökogemusega", "5+ years of experience", with the
//! alternatives of one sentence ("vähemalt 2-aastane juhtimiskogemus või
//! selle puudumisel … 3-aastane töökogemus").
//!
//! A figure is experience only when its clause is about the candidate's
//! work: it names experience or work, and it is not about the employer ("we
//! have 20 years of experience"), a contract, a licence, a period or an age.

use super::numbers::{self, Count, Unit};
use super::tokens::{Clause, Kind, Token};
use super::{Relation, YearsDemand};

/// More than this many years is a calendar year ("2025"), a salary or a
/// standard's number, not years of experience.
const MAX_YEARS: f64 = 50.0;

/// From this many years on, a figure without a word about experience in
/// its clause is an age: "vähemalt 18-aastane".
const AGE_FROM: f64 = 16.0;

/// A count of years or months as a token: digits, or a number word.
fn count_of(t: &Token) -> Option<Count> {
    match &t.kind {
        Kind::Num(n) if *n > 0.0 => Some(Count {
            value: *n,
            approximate: false,
        }),
        Kind::Word(w) => numbers::word_count(w),
        _ => None,
    }
}

/// Between a number and its unit: "3-aastane", "3+ years", "five (5)
/// years", "3 or more years", "3 või enam aastat", "3 full years".
const FILLERS: &[&str] = &[
    "-", "+", "plus", "(", ")", "'", "or", "või", "more", "enam", "rohkem", "enama", "full",
    "täis", "pikkune",
];

/// Between the numbers of a range: "2–3", "2 kuni 3", "two to three", "3 või 4".
const RANGE: &[&str] = &["-", "kuni", "to", "või", "or", "/"];

/// Words before the number that make it no minimum: "viimase 5 aasta
/// jooksul" (within the last 5 years), "kuni 2 aastat" (up to), "alla 2
/// aasta" (under). But "alates 2 aastast" / "from 2 years" is a minimum.
const NOT_A_MINIMUM: &[&str] = &[
    "viimase",
    "viimasel",
    "viimastel",
    "viimaste",
    "viimased",
    "last",
    "past",
    "within",
    "kuni",
    "alla",
    "under",
    "möödas",
    "möödunud",
];

/// Two-word forms of the same: "up to", "less than", "vähem kui".
const NOT_A_MINIMUM_PAIRS: &[(&str, &str)] = &[
    ("up", "to"),
    ("less", "than"),
    ("fewer", "than"),
    ("vähem", "kui"),
];

/// Words after the unit that make the figure no experience: "12 kuu
/// jooksul" (within), "5 aastat tagasi" (ago), "3 years old".
const NOT_EXPERIENCE_AFTER: &[&str] = &[
    "jooksul", "jooksu", "tagasi", "ago", "old", "vana", "vanune", "vanuse", "eest", "pärast",
    "after", "later", "hiljem", "võrra",
];

/// Words before the number that belong to the phrase: "vähemalt", "at
/// least", "minimum of", "üle", "more than".
const QUALIFIERS: &[&str] = &[
    "vähemalt",
    "vahemalt",
    "minimaalselt",
    "minimum",
    "min",
    "üle",
    "over",
    "alates",
    "from",
];
const QUALIFIER_PAIRS: &[(&str, &str)] = &[("at", "least"), ("more", "than"), ("minimum", "of")];

/// Whether tokens `i-2`, `i-1` are the pair `(a, b)`.
fn pair_before(c: &Clause, i: usize, pairs: &[(&str, &str)]) -> bool {
    i >= 2
        && pairs
            .iter()
            .any(|(a, b)| c.tokens[i - 2].is(a) && c.tokens[i - 1].is(b))
}

/// A word about the candidate's experience or work: "töökogemus",
/// "juhtimiskogemust", "staaž", "töötanud", "experience", "worked".
fn is_experience_word(t: &Token) -> bool {
    let w = t.word();
    w.contains("kogemus")
        || t.starts_any(&[
            "staaž",
            "staaz",
            "experience",
            "töötamis",
            "töötanud",
            "tegutsenud",
        ])
        || t.is_any(&["tööd", "worked", "working", "work", "practice", "praktika"])
}

/// English "years in/of/with/as …": a figure of work even without the word
/// "experience" ("5+ years in backend development").
fn english_work_after(c: &Clause, unit: usize) -> bool {
    c.tokens[unit].is_any(&["years", "year", "yrs", "yr"])
        && c.get(unit + 1).is_some_and(|t| {
            t.is_any(&[
                "in",
                "of",
                "with",
                "as",
                "building",
                "developing",
                "designing",
                "leading",
                "managing",
                "hands",
                "professional",
                "commercial",
                "industry",
                "relevant",
                "programming",
                "coding",
                "writing",
                "using",
            ])
        })
}

/// Words that make a clause's figures something else than experience when
/// the clause names no experience: a contract ("2-aastane leping"), a
/// licence ("kahe aastane kasutusõigus"), a duration, a warranty, a period.
fn is_other_duration_word(t: &Token) -> bool {
    t.starts_any(&[
        "leping",
        "tähtaeg",
        "tähtaja",
        "kestus",
        "kestab",
        "kestev",
        "kestva",
        "garantii",
        "periood",
        "kasutusõigus",
        "litsents",
        "litsentsi",
        "tellimus",
        "hooldus",
        "toetus",
        "contract",
        "duration",
        "lasts",
        "lasting",
        "warranty",
        "period",
        "licen",
        "subscription",
        "term",
    ])
}

/// Words that make the employer the subject: "meil on 20 aastat
/// kogemust", "we have 15 years of experience".
const EMPLOYER: &[&str] = &[
    "meil",
    "meie",
    "meid",
    "oleme",
    "tegutseme",
    "pakume",
    "we",
    "our",
    "us",
    "we've",
    "asutatud",
    "founded",
    "established",
    "turul",
    "ajalugu",
    "history",
    // The employer as the subject, in the nominative only: "ettevõte on
    // tegutsenud üle 25 aasta"; "töökogemus ettevõttes" stays the candidate's.
    "ettevõte",
    "firma",
    "asutus",
    "meeskond",
];

/// Words that make the candidate the subject, whatever else the clause says.
const CANDIDATE: &[&str] = &[
    "sul",
    "sinul",
    "sa",
    "sina",
    "teil",
    "omad",
    "oled",
    "omate",
    "olete",
    "kandidaat",
    "kandidaadil",
    "kandidaadilt",
    "kandideerija",
    "kandideerijal",
    "you",
    "your",
    "you've",
    "candidate",
    "candidates",
    "applicant",
    "applicants",
    "peab",
    "peavad",
    "nõutav",
    "nõutud",
    "nõuded",
    "nõue",
    "required",
    "requirement",
    "requirements",
    "must",
    "otsime",
    "looking",
    "seeking",
    "someone",
    "person",
    "inimest",
    "isikut",
    "isik",
    "ametnikul",
    "teenistujal",
    "juhil",
    "liikmel",
    "spetsialist",
    "omama",
    "eeldame",
    "ootame",
    "expect",
];

/// A figure found in a clause.
struct Figure {
    count: Count,
    unit: Unit,
    /// Its first token (the qualifier not included) and its unit's token.
    first: usize,
    unit_at: usize,
}

/// The count whose unit is token `j`, and where the count starts.
fn count_before(c: &Clause, j: usize) -> Option<(Count, usize)> {
    let mut k = j;
    for _ in 0..3 {
        match k.checked_sub(1) {
            Some(p) if c.tokens[p].is_any(FILLERS) => k = p,
            _ => break,
        }
    }
    let p = k.checked_sub(1)?;
    // "2+1 aastat": a sum (a licence and its extension), not a count.
    if p >= 2 && c.tokens[p - 1].is("+") && count_of(&c.tokens[p - 2]).is_some() {
        return None;
    }
    let n = count_of(&c.tokens[p])?;
    // "five (5) years": the figure starts at the word.
    if let Some(w) = p.checked_sub(2)
        && c.tokens[w + 1].is("(")
        && count_of(&c.tokens[w]).is_some()
    {
        return Some((n, w));
    }
    Some((n, p))
}

/// Every figure of time in the clause.
fn figures(c: &Clause) -> Vec<Figure> {
    let mut out = Vec::new();
    for (j, token) in c.tokens.iter().enumerate() {
        let w = token.word();
        let (mut count, unit, mut first) = if let Some((count, unit)) = numbers::compound(w) {
            (count, unit, j)
        } else if let Some(unit) = numbers::unit_word(w) {
            match count_before(c, j) {
                Some((count, first)) => (count, unit, first),
                // "vähemalt aastane töökogemus": a year.
                None if j > 0 && c.tokens[j - 1].is_any(&["vähemalt", "üle", "a", "one"]) => (
                    Count {
                        value: 1.0,
                        approximate: false,
                    },
                    unit,
                    j,
                ),
                None => continue,
            }
        } else {
            continue;
        };
        // A range asks for its lower end: "2–3 aastat", "kahe- kuni
        // kolmeaastane", "3-5-aastane".
        let mut k = first;
        for _ in 0..2 {
            match k.checked_sub(1) {
                Some(p) if c.tokens[p].is_any(RANGE) => k = p,
                _ => break,
            }
        }
        if k < first
            && let Some(low) = k.checked_sub(1).and_then(|p| count_of(&c.tokens[p]))
            && low.value < count.value
        {
            count = low;
            first = k - 1;
        }
        let limit = match unit {
            Unit::Year => MAX_YEARS,
            Unit::Month => MAX_YEARS * 12.0,
        };
        if count.value > limit {
            continue;
        }
        out.push(Figure {
            count,
            unit,
            first,
            unit_at: j,
        });
    }
    out
}

/// Every demand for experience in one clause, appended to `demands`.
pub(super) fn clause_years(c: &Clause, optional: &[bool], demands: &mut Vec<YearsDemand>) {
    let experience = c.tokens.iter().any(is_experience_word);
    let about_employer = c.tokens.iter().any(|t| t.is_any(EMPLOYER))
        && !c.tokens.iter().any(|t| t.is_any(CANDIDATE));
    if about_employer || (!experience && c.tokens.iter().any(is_other_duration_word)) {
        return;
    }
    let mut previous_end: Option<usize> = None;
    for f in figures(c) {
        let first = f.first;
        let j = f.unit_at;
        if (first > 0 && c.tokens[first - 1].is_any(NOT_A_MINIMUM))
            || pair_before(c, first, NOT_A_MINIMUM_PAIRS)
            || c.get(j + 1).is_some_and(|t| t.is_any(NOT_EXPERIENCE_AFTER))
            || (c.get(j + 1).is_some_and(|t| t.is("of"))
                && c.get(j + 2).is_some_and(|t| t.is("age")))
        {
            continue;
        }
        let years = match f.unit {
            Unit::Year => f.count.value,
            Unit::Month => f.count.value / 12.0,
        };
        let about_work =
            experience || english_work_after(c, j) || c.get(first + 1).is_some_and(|t| t.is("+"));
        if !about_work || (years >= AGE_FROM && !experience) {
            continue;
        }
        // The phrase: qualifier, figure, unit, experience word.
        let mut start = first;
        loop {
            if start > 0 && c.tokens[start - 1].is_any(QUALIFIERS) {
                start -= 1;
            } else if pair_before(c, start, QUALIFIER_PAIRS) {
                start -= 2;
            } else {
                break;
            }
        }
        let mut last = j;
        let mut k = j + 1;
        while c.get(k).is_some_and(|t| t.is_any(&["'", "s", "of"])) && k < j + 3 {
            k += 1;
        }
        if c.get(k).is_some_and(is_experience_word) {
            last = k;
        }
        let relation = match previous_end {
            None if demands.is_empty() => Relation::First,
            None => Relation::And,
            Some(end) => {
                let between = &c.tokens[end + 1..start.max(end + 1)];
                if between.iter().any(|t| {
                    t.is_any(&["või", "or", "alternatively", "puudumisel", "either", "ehk"])
                }) {
                    Relation::Or
                } else {
                    Relation::And
                }
            }
        };
        let months = (years * 12.0).round() as u32;
        demands.push(YearsDemand {
            months,
            required: !optional.get(first).copied().unwrap_or(false),
            relation,
            approximate: f.count.approximate,
            field: field(c, start, j),
            phrase: c.phrase(start, last),
        });
        previous_end = Some(last.max(j));
    }
}

/// The words of the field the experience is in: the part of the clause
/// around the figure, up to a comma, "või" or the end, without the figure
/// itself: "IT-projektijuhtimise kogemus", "töökogemus õigusvaldkonnas".
fn field(c: &Clause, start: usize, unit: usize) -> String {
    let stop = |t: &Token| t.is_any(&[",", "või", "or", ";", ":"]);
    let end = (unit + 1..c.len())
        .find(|&k| stop(&c.tokens[k]))
        .unwrap_or(c.len());
    let begin = (0..start)
        .rev()
        .find(|&k| stop(&c.tokens[k]))
        .map_or(0, |k| k + 1);
    (begin..end)
        .filter(|&k| !(start..=unit).contains(&k) && c.tokens[k].counts())
        .filter(|&k| !c.tokens[k].is_any(QUALIFIERS))
        .map(|k| c.raw(k))
        .collect::<Vec<_>>()
        .join(" ")
}
