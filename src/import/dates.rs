//! Dates as people write them in JSON Resume files: ISO forms, `MM/YYYY`,
//! `YYYY/MM`, month names (`May 2017`, `Sep. 2019`, `Septembre 2018`), words
//! for "ongoing", and dates buried in other text ("Winter 2015").

use crate::model::Date;

/// What a date field says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// Nothing: missing, `null` or empty.
    Empty,
    /// A date in one of the accepted forms.
    Date(Date),
    /// A date read from a form that leaves something out or guesses: why.
    Guess(Date, String),
    /// `Present`, `current`, `heute`, …; `false` when more text follows
    /// (`Present (part-time)`).
    Ongoing { exact: bool },
    /// No date in it.
    Unreadable,
}

/// Month names and their numbers: English first, then the languages the
/// files in the wild are written in (German, French, Spanish, Portuguese,
/// Italian, Estonian). A word is a month when it starts (at least three
/// letters) only names of one month.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("jaanuar", 1),
    ("veebruar", 2),
    ("märts", 3),
    ("aprill", 4),
    ("juuni", 6),
    ("juuli", 7),
    ("oktoober", 10),
    ("detsember", 12),
];

/// Words for "until now", compared with the text lower-cased and trimmed of
/// punctuation.
const ONGOING: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "till now",
    "until now",
    "to date",
    "till date",
    "to present",
    "heute",
    "bis heute",
    "jetzt",
    "aktuell",
    "derzeit",
    "en cours",
    "aujourd'hui",
    "aujourd’hui",
    "actuel",
    "actuellement",
    "présent",
    "actualidad",
    "actual",
    "actualmente",
    "presente",
    "atual",
    "atualmente",
    "oggi",
    "praegu",
    "kuni praegu",
    "obecnie",
    "teraz",
    "сейчас",
    "настоящее время",
    "по настоящее время",
    "н.в.",
    "至今",
    "现在",
    "目前",
    "今",
    "現在",
    "현재",
];

/// Read a date field.
pub fn read(raw: &str) -> When {
    let s = raw.trim();
    if s.is_empty() {
        return When::Empty;
    }
    if let Some(d) = exact(s) {
        return d;
    }
    let lower = s.to_lowercase();
    let bare = lower.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    if ONGOING.contains(&bare) {
        return When::Ongoing { exact: true };
    }
    if let Some(first) = bare
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        && ["present", "current", "now", "today", "ongoing"].contains(&first)
    {
        return When::Ongoing { exact: false };
    }
    found_in(s)
}

/// The forms that are dates and nothing else.
fn exact(s: &str) -> Option<When> {
    // ISO timestamps: the date part.
    let s = match s.split_once('T') {
        Some((d, t)) if t.starts_with(|c: char| c.is_ascii_digit()) && d.len() == 10 => d,
        _ => s,
    };
    let s = s.trim_end_matches('.');
    if let Ok(d) = Date::parse(s) {
        return Some(When::Date(d));
    }
    let tokens = tokens(s);
    let nums: Vec<Option<u32>> = tokens
        .iter()
        .map(|t| {
            t.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| t.parse().ok())?
        })
        .collect();
    let year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    let digits_only = nums.iter().all(Option::is_some);
    if digits_only {
        let n: Vec<u32> = nums.iter().flatten().copied().collect();
        let sep = s.chars().find(|c| !c.is_ascii_digit());
        return match (tokens.as_slice(), n.as_slice()) {
            // YYYY-M, YYYY/MM, YYYY.MM
            ([y, _], [_, m]) if year(y) => Some(ymd(n[0], Some(*m), None, s)),
            // MM/YYYY, M-YYYY, MM.YYYY
            ([_, y], [m, _]) if year(y) => Some(ymd(n[1], Some(*m), None, s)),
            // YYYY-MM-DD in any separator
            ([y, _, _], [_, m, d]) if year(y) => Some(ymd(n[0], Some(*m), Some(*d), s)),
            // DD.MM.YYYY, MM/DD/YYYY or DD/MM/YYYY
            ([_, _, y], [a, b, _]) if year(y) => Some(day_month_year(*a, *b, n[2], sep, s)),
            _ => None,
        };
    }
    // Month names: `May 2017`, `Sep. 2019`, `June, 2012`, `Jun-2022`,
    // `3 March 2020`, `March 3, 2020`, `2020 March`.
    let mut month = None;
    let mut year_v = None;
    let mut day = None;
    for (t, n) in tokens.iter().zip(&nums) {
        match n {
            Some(v) if year(t) && year_v.is_none() => year_v = Some(*v),
            Some(v) if t.len() <= 2 && day.is_none() => day = Some(*v),
            None if month.is_none() => month = Some(month_number(t)?),
            _ => return None,
        }
    }
    Some(ymd(year_v?, Some(u32::from(month?)), day, s))
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The month a word names (`may`, `sept`, `märz`, `dez`), if exactly one.
fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
        return Some(*m);
    }
    if w.chars().count() < 3 {
        return None;
    }
    let mut found = MONTHS
        .iter()
        .filter(|(name, _)| name.starts_with(w))
        .map(|(_, m)| *m);
    let first = found.next()?;
    found.all(|m| m == first).then_some(first)
}

/// A date from numbers, checked; an impossible day falls back to the month,
/// an impossible month to the year.
fn ymd(year: u32, month: Option<u32>, day: Option<u32>, raw: &str) -> When {
    let text = match (month, day) {
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        _ => format!("{year:04}"),
    };
    let err = match Date::parse(&text) {
        Ok(d) => return When::Date(d),
        Err(e) => e,
    };
    if let (Some(m), Some(_)) = (month, day)
        && let Ok(d) = Date::parse(&format!("{year:04}-{m:02}"))
    {
        return When::Guess(d, format!("\"{raw}\" is not a real day; read as {d}"));
    }
    match Date::parse(&format!("{year:04}")) {
        Ok(d) => When::Guess(d, format!("\"{raw}\": {err}; read as {d}")),
        Err(_) => When::Unreadable,
    }
}

/// `a b YYYY`: day and month in the order the numbers allow; `.` means the
/// European order; when both orders are possible only the year is kept.
fn day_month_year(a: u32, b: u32, year: u32, sep: Option<char>, raw: &str) -> When {
    let (day, month) = if sep == Some('.') || (a > 12 && b <= 12) {
        (a, b)
    } else if b > 12 && a <= 12 {
        (b, a)
    } else if a == b {
        (a, b)
    } else {
        return match Date::parse(&format!("{year:04}")) {
            Ok(d) => When::Guess(
                d,
                format!("\"{raw}\" could be day/month or month/day; only the year {d} was kept"),
            ),
            Err(_) => When::Unreadable,
        };
    };
    ymd(year, Some(month), Some(day), raw)
}

/// A date inside other text: a month name next to a year, else the first
/// year (1900–2099).
fn found_in(s: &str) -> When {
    let tokens = tokens(s);
    let is_year = |t: &str| {
        t.len() == 4
            && t.bytes().all(|b| b.is_ascii_digit())
            && (t.starts_with("19") || t.starts_with("20"))
    };
    for w in tokens.windows(2) {
        let pair = match (month_number(&w[0]), month_number(&w[1])) {
            (Some(m), _) if is_year(&w[1]) => Some((&w[1], m)),
            (_, Some(m)) if is_year(&w[0]) => Some((&w[0], m)),
            _ => None,
        };
        if let Some((y, m)) = pair
            && let Ok(d) = Date::parse(&format!("{y}-{m:02}"))
        {
            return When::Guess(d, format!("\"{s}\" read as {d}"));
        }
    }
    // Also years glued to other characters, such as `2018/10至今`.
    let mut digits = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if is_year(&digits)
            && let Ok(d) = Date::parse(&digits)
        {
            return When::Guess(d, format!("\"{s}\" read as {d}"));
        }
        digits.clear();
    }
    When::Unreadable
}

/// The earliest year (1900–2099) written in a text, for a job that gives no
/// date at all.
pub fn earliest_year(text: &str) -> Option<Date> {
    let mut best: Option<Date> = None;
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() == 4
            && (digits.starts_with("19") || digits.starts_with("20"))
            && let Ok(d) = Date::parse(&digits)
            && best.is_none_or(|b| d < b)
        {
            best = Some(d);
        }
        digits.clear();
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> String {
        match read(s) {
            When::Date(d) => d.to_string(),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    fn guess(s: &str) -> String {
        match read(s) {
            When::Guess(d, _) => d.to_string(),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn iso_forms() {
        assert_eq!(date("2017"), "2017");
        assert_eq!(date("2017-05"), "2017-05");
        assert_eq!(date("2017-05-31"), "2017-05-31");
        assert_eq!(date(" 2019-6 "), "2019-06");
        assert_eq!(date("2019-06-01T00:00:00.000Z"), "2019-06-01");
    }

    #[test]
    fn slashes_and_dots() {
        assert_eq!(date("05/2017"), "2017-05");
        assert_eq!(date("5/2017"), "2017-05");
        assert_eq!(date("2017/05"), "2017-05");
        assert_eq!(date("2017/05/31"), "2017-05-31");
        assert_eq!(date("31.05.2017"), "2017-05-31");
        assert_eq!(date("24-06-2022"), "2022-06-24");
        assert_eq!(date("12/31/2020"), "2020-12-31");
        // Day and month could be either way round: only the year.
        assert_eq!(guess("08-12-2020"), "2020");
    }

    #[test]
    fn month_names() {
        assert_eq!(date("May 2017"), "2017-05");
        assert_eq!(date("Sep. 2019"), "2019-09");
        assert_eq!(date("Sep 2019"), "2019-09");
        assert_eq!(date("September 2019"), "2019-09");
        assert_eq!(date("Sept 2019"), "2019-09");
        assert_eq!(date("sept. 2019"), "2019-09");
        assert_eq!(date("June, 2012"), "2012-06");
        assert_eq!(date("Jun-2022"), "2022-06");
        assert_eq!(date("3 March 2020"), "2020-03-03");
        assert_eq!(date("March 3, 2020"), "2020-03-03");
        assert_eq!(date("2020 March"), "2020-03");
        // Other languages of the files in the wild.
        assert_eq!(date("Septembre 2018"), "2018-09");
        assert_eq!(date("Dezember 2024"), "2024-12");
        assert_eq!(date("März 2021"), "2021-03");
        assert_eq!(date("Oktober 2022"), "2022-10");
        // `Ju` and `Juu` could be several months: only the year.
        assert_eq!(guess("Ju 2020"), "2020");
        assert_eq!(guess("Juu 2020"), "2020");
    }

    #[test]
    fn ongoing_words() {
        for s in [
            "Present",
            "present",
            "current",
            "now",
            "today",
            "Now",
            "heute",
            "aktuell",
            "En cours",
            "至今",
            " Present. ",
        ] {
            assert_eq!(read(s), When::Ongoing { exact: true }, "{s}");
        }
        assert_eq!(read("Present (part-time)"), When::Ongoing { exact: false });
        assert_eq!(read(""), When::Empty);
        assert_eq!(read("   "), When::Empty);
    }

    #[test]
    fn dates_inside_text() {
        assert_eq!(guess("Disponible à partir de septembre 2021"), "2021-09");
        assert_eq!(guess("Winter 2015"), "2015");
        assert_eq!(guess("2012 - 2016"), "2012");
        assert_eq!(guess("Q2 2015 | Q4 2016"), "2015");
        assert_eq!(guess("2018/10至今"), "2018");
        assert_eq!(read("sometime"), When::Unreadable);
        assert_eq!(read("<START_DATE>"), When::Unreadable);
        assert_eq!(read("20-01-01"), When::Unreadable);
    }

    #[test]
    fn impossible_days_keep_the_month() {
        assert_eq!(guess("2014-02-30"), "2014-02");
        assert_eq!(guess("31.02.2014"), "2014-02");
        assert_eq!(guess("2014-13"), "2014");
    }

    #[test]
    fn earliest_year_in_text() {
        assert_eq!(
            earliest_year("Since 2012 on my own; in 2009 I started").map(|d| d.to_string()),
            Some("2009".to_string())
        );
        assert_eq!(earliest_year("10000 users, 123 servers"), None);
    }
}
