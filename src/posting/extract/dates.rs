//! Dates as postings write them, and which of them is the deadline.
//!
//! Estonian writes `29.12.2025`, `29. detsembril 2025` (month name in any
//! case: "detsembriks", "detsembrini"), or leaves the year out
//! ("15. jaanuariks"); English `December 29, 2025`, `29 December 2025`;
//! both sometimes ISO `2025-12-29`. A date without a year is the next such
//! day on or after `today`. The deadline is the first date on a line that
//! speaks of applying ("tähtaeg", "hiljemalt", "kandideeri…", "aegub",
//! "deadline", "apply by", "at the latest"), or on the line right after such
//! a line when that line gives no date (a form's label above its value).

use crate::model::Date;
use crate::model::date::days_in_month;

use super::find_ci;

/// The month a word names, in Estonian (any case form) or English
/// (full or abbreviated); `word` in lower case.
pub fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.chars().count() < 3 || w.chars().count() > 13 {
        return None;
    }
    // Estonian month names in any case form share these stems
    // ("detsembril", "jaanuariks", "märtsini").
    const ESTONIAN: &[(&str, u8)] = &[
        ("jaanuar", 1),
        ("veebruar", 2),
        ("märts", 3),
        ("aprill", 4),
        ("juuni", 6),
        ("juuli", 7),
        ("august", 8),
        ("septemb", 9),
        ("oktoob", 10),
        ("novemb", 11),
        ("detsemb", 12),
    ];
    // English names whole or abbreviated, never a longer word ("marketing").
    const ENGLISH: &[(&str, u8)] = &[
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("aug", 8),
        ("september", 9),
        ("sept", 9),
        ("sep", 9),
        ("october", 10),
        ("oct", 10),
        ("okt", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
        ("dets", 12),
    ];
    if matches!(w, "mai" | "mail" | "maiks" | "maini" | "maist") {
        return Some(5);
    }
    ESTONIAN
        .iter()
        .find(|(stem, _)| w.starts_with(stem))
        .or_else(|| ENGLISH.iter().find(|(name, _)| w == *name))
        .map(|(_, m)| *m)
}

/// A token of a text: a run of letters or digits, and where it ends.
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Tok {
                text: &text[s..i],
                start: s,
                end: i,
            });
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

fn num(t: &str, lens: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (lens.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// A day number, `29` or `29th`.
fn day_num(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    num(digits, 1..=2).filter(|d| (1..=31).contains(d))
}

/// A date found in a text: the date, and whether the month was written as a
/// word in the terminative ("jaanuariks": "by January …"), which in Estonian
/// is itself a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: Date,
    pub by: bool,
    /// Written without a year: resolved against the reference day.
    pub yearless: bool,
    /// Written as bare `dd.mm`: a date only where the line speaks of a
    /// deadline (elsewhere it may be a version or a score).
    pub short: bool,
    /// Where in the text the date starts (a byte offset).
    pub at: usize,
}

/// Every date in `text`, in order.
pub fn dates_in(text: &str, today: Date) -> Vec<Dated> {
    let toks = tokens(text);
    let sep = |a: usize| -> &str {
        match (toks.get(a), toks.get(a + 1)) {
            (Some(x), Some(y)) => &text[x.end..y.start],
            _ => "",
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].text;
        let next = |k: usize| toks.get(i + k).map(|t| t.text).unwrap_or("");
        // 2025-12-29
        if let (Some(y), Some(m), Some(d)) =
            (num(t, 4..=4), num(next(1), 1..=2), num(next(2), 1..=2))
            && sep(i) == "-"
            && sep(i + 1) == "-"
            && let Some(date) = make(y, m, d)
        {
            out.push(Dated {
                date,
                by: false,
                yearless: false,
                short: false,
                at: toks[i].start,
            });
            i += 3;
            continue;
        }
        // 29.12.2025, 29/12/2025
        if let (Some(d), Some(m), Some(y)) =
            (num(t, 1..=2), num(next(1), 1..=2), num(next(2), 4..=4))
            && matches!(sep(i), "." | "/")
            && sep(i) == sep(i + 1)
            && let Some(date) = make(y, m, d)
        {
            out.push(Dated {
                date,
                by: false,
                yearless: false,
                short: false,
                at: toks[i].start,
            });
            i += 3;
            continue;
        }
        // 15.01 (no year), not followed by more digits.
        if let (Some(d), Some(m)) = (num(t, 1..=2), num(next(1), 2..=2))
            && sep(i) == "."
            && !sep(i + 1).starts_with(['.', ':', ',', '/', '-'])
            && num(next(2), 1..=4)
                .is_none_or(|_| !sep(i + 1).trim().is_empty() && sep(i + 1).trim() != ".")
            && (1..=12).contains(&m)
            && let Some(date) = resolve(None, m as u8, d, today)
        {
            out.push(Dated {
                date,
                by: false,
                yearless: true,
                short: true,
                at: toks[i].start,
            });
            i += 2;
            continue;
        }
        // 29. detsembril 2025, 29 December 2025, 15. jaanuariks
        let of = usize::from(next(1).eq_ignore_ascii_case("of"));
        if let Some(d) = day_num(t)
            && matches!(sep(i).trim(), "." | "")
            && let Some(m) = month_of(&next(1 + of).to_lowercase())
        {
            let year =
                num(next(2 + of), 4..=4).filter(|_| matches!(sep(i + 1 + of).trim(), "" | ","));
            if let Some(date) = resolve(year, m, d, today) {
                out.push(Dated {
                    date,
                    by: next(1 + of).to_lowercase().ends_with("ks"),
                    yearless: year.is_none(),
                    short: false,
                    at: toks[i].start,
                });
                i += 2 + of + usize::from(year.is_some());
                continue;
            }
        }
        // December 29, 2025
        if let Some(m) = month_of(&t.to_lowercase())
            && t.chars().next().is_some_and(char::is_alphabetic)
            && let Some(d) = day_num(next(1))
            && matches!(sep(i).trim(), "" | ".")
        {
            let year = num(next(2), 4..=4).filter(|_| matches!(sep(i + 1).trim(), "" | ","));
            if let Some(date) = resolve(year, m, d, today) {
                out.push(Dated {
                    date,
                    by: false,
                    yearless: year.is_none(),
                    short: false,
                    at: toks[i].start,
                });
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        }
        i += 1;
    }
    out
}

fn make(y: u32, m: u32, d: u32) -> Option<Date> {
    if !(1900..=2999).contains(&y) || !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    let (y, m) = (y as u16, m as u8);
    (d <= u32::from(days_in_month(y, m))).then(|| Date::ymd(y, m, d as u8))
}

/// A date whose year may be missing: then the next such day on or after
/// `today`.
fn resolve(year: Option<u32>, m: u8, d: u32, today: Date) -> Option<Date> {
    if let Some(y) = year {
        return make(y, u32::from(m), d);
    }
    let this = u32::from(today.year);
    let cur = (today.month.unwrap_or(1), today.day.unwrap_or(1));
    let y = if (m, d as u8) >= cur { this } else { this + 1 };
    make(y, u32::from(m), d).or_else(|| make(y + 4 - y % 4, u32::from(m), d))
}

/// Lower-case words that put a date on the line in the role of the
/// application deadline.
const DEADLINE_WORDS: &[&str] = &[
    "tähtaeg",
    "tähtaja ",
    "tähtajaks",
    "hiljemalt",
    "kandideeri",
    "aegub",
    "ootame kuni",
    "deadline",
    "apply by",
    "apply until",
    "apply before",
    "applications by",
    "at latest",
    "at the latest",
    "no later than",
    "closing date",
    "expires",
    "expiry",
    "valid until",
];

/// Words that make a date on the line a likely deadline when no line says
/// so outright ("CV saata 15.01.2026", "ootame kuni 3. märtsini").
const WEAK_DEADLINE_WORDS: &[&str] = &[
    "kuni",
    "saata",
    "esitada",
    "ootame",
    "oodatakse",
    "until",
    "send",
    "submit",
    " by ",
];

/// Dates on these lines are something else: the ad's publication, the
/// start of work.
const NOT_DEADLINE: &[&str] = &[
    "avaldatud",
    "avaldati",
    "registreeritud",
    "sisestatud",
    "salvestatud",
    "arhiveeri",
    "loodud",
    "posted",
    "published",
    "last updated",
    "tööle asumi",
    "alates",
    "start date",
    "starting",
    "leping",
    "contract",
];

/// The deadline in `lines` (cleaned text, 1-based by position) and its line.
pub fn deadline(lines: &[String], today: Date) -> Option<(Date, usize)> {
    let lower: Vec<String> = lines.iter().map(|l| l.to_lowercase()).collect();
    // A date without a year belongs to the posting's own time: the day of
    // its earliest full date (its publication, as a rule) when that is
    // before today, so that an archived posting's "15. jaanuariks" keeps
    // its year; else today.
    let today = lines
        .iter()
        .flat_map(|l| dates_in(l, today))
        .filter(|d| !d.yearless)
        .map(|d| d.date)
        .filter(|d| *d <= today)
        .min()
        .unwrap_or(today);
    let skip = |k: usize| NOT_DEADLINE.iter().any(|w| lower[k].contains(w));
    let mut by_case = None;
    let mut weak = None;
    for (k, l) in lower.iter().enumerate() {
        let all = dates_in(&lines[k], today);
        // Where the line speaks of the deadline: "Avaldatud 1.12.2025,
        // tähtaeg 15.12.2025" means the date after those words.
        let said = DEADLINE_WORDS
            .iter()
            .filter_map(|w| find_ci(&lines[k], w).map(|(at, _)| at))
            .min();
        if let Some(said) = said {
            let after = all.iter().find(|d| d.at >= said);
            let chosen = after.or_else(|| all.iter().rev().find(|_| !skip(k)));
            if let Some(d) = chosen {
                return Some((d.date, k + 1));
            }
        }
        if skip(k) {
            continue;
        }
        if said.is_some() {
            // A label above its value: the next non-blank line.
            if let Some(n) = (k + 1..lines.len().min(k + 3)).find(|&n| !lines[n].trim().is_empty())
                && !skip(n)
                && let Some(d) = dates_in(&lines[n], today).first()
            {
                return Some((d.date, n + 1));
            }
        }
        let found: Vec<&Dated> = all.iter().filter(|d| !d.short).collect();
        if by_case.is_none()
            && let Some(d) = found.iter().find(|d| d.by)
        {
            by_case = Some((d.date, k + 1));
        }
        if weak.is_none()
            && WEAK_DEADLINE_WORDS.iter().any(|w| l.contains(w))
            && let Some(d) = found.first()
        {
            weak = Some((d.date, k + 1));
        }
    }
    by_case.or(weak)
}

#[cfg(test)]
mod tests;
