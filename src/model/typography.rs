//! Typography of printed text, per language: the quotes a typist types
//! straight come out as the language's („…“ in Estonian, “…” in English),
//! an apostrophe as ’, a spaced hyphen and a range of years or amounts as an
//! en dash, and the spaces that must not break (in a date, between a number
//! and its unit) as no-break spaces. The program does this before escaping,
//! so nothing from the data reaches Typst as markup (Typst's own smart quotes
//! would need the quote characters unescaped).

use super::Lang;
use super::date::{MONTHS_EN, MONTHS_ET};

const NBSP: char = '\u{a0}';

/// The quotes of a language: opening and closing.
fn quotes(lang: Lang) -> (char, char) {
    match lang {
        Lang::Et => ('„', '“'),
        Lang::En => ('“', '”'),
    }
}

/// Whether `word` (lower case) is a month's name, in either language.
fn is_month(word: &str) -> bool {
    MONTHS_ET
        .iter()
        .chain(&MONTHS_EN)
        .any(|m| m.eq_ignore_ascii_case(word))
}

/// Units a number is not parted from.
const UNITS: [&str; 9] = ["€", "%", "eur", "eurot", "euro", "km", "kg", "h", "$"];

/// Word joiner: no line break on either side of it (after a range's dash).
pub const WORD_JOINER: char = '\u{2060}';

/// Whether typography may change anything in `text`.
fn may_change(text: &str) -> bool {
    text.contains(['"', '\'', '-', ' '])
}

/// `text` as it should be printed in `lang`.
pub fn typeset(text: &str, lang: Lang) -> String {
    if !may_change(text) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    typeset_chars(&chars, lang, &mut |_, c| out.push(c));
    out
}

/// The pieces of one text (the plain parts between its bold, italic and
/// link markers), typeset as the one text they make: a quote or an
/// apostrophe next to a marker looks at the character on its other side,
/// a quote opened in one piece is closed in another, a range split by a
/// marker is still a range. Each piece gets what its own characters became.
pub fn typeset_pieces(pieces: &[&str], lang: Lang) -> Vec<String> {
    if !pieces.iter().any(|p| may_change(p)) {
        return pieces.iter().map(|p| (*p).to_string()).collect();
    }
    let mut chars = Vec::new();
    // Where each piece ends in `chars`.
    let mut ends = Vec::with_capacity(pieces.len());
    for p in pieces {
        chars.extend(p.chars());
        ends.push(chars.len());
    }
    let mut out: Vec<String> = pieces
        .iter()
        .map(|p| String::with_capacity(p.len() + 4))
        .collect();
    let mut piece = 0;
    typeset_chars(&chars, lang, &mut |i, c| {
        while i >= ends[piece] {
            piece += 1;
        }
        out[piece].push(c);
    });
    out
}

/// Typeset `chars`: `emit(i, c)` for each character `c` printed for the
/// input character at `i` (one or two per input character, in order).
fn typeset_chars(chars: &[char], lang: Lang, emit: &mut dyn FnMut(usize, char)) {
    let (open, close) = quotes(lang);
    let mut quote_open = false;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            '"' => {
                // Opening at the start, after a space, a bracket or a dash;
                // closing otherwise (and when one is open).
                let opens =
                    !quote_open && prev.is_none_or(|p| p.is_whitespace() || "([{–—-/".contains(p));
                emit(i, if opens { open } else { close });
                quote_open = opens;
            }
            '\'' if prev.is_some_and(char::is_alphanumeric) => emit(i, '’'),
            '-' if prev == Some(' ') && next == Some(' ') => emit(i, '–'),
            '-' if is_range(chars, i) => {
                // A range is not broken at its dash: 2800–
                // 3400 € would read as two amounts.
                emit(i, '–');
                emit(i, WORD_JOINER);
            }
            ' ' if keeps_together(chars, i) => emit(i, NBSP),
            _ => emit(i, c),
        }
    }
}

/// A hyphen between two years (`2019-2021`) or between two amounts that a
/// unit follows (`2800-3400 €`): a range, set with an en dash.
fn is_range(chars: &[char], i: usize) -> bool {
    let digits_before = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let digits_after = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits_before == 0 || digits_after == 0 {
        return false;
    }
    // Not part of a longer number (a phone number, a date 2021-03-15).
    let before_start = i - digits_before;
    let after_end = i + 1 + digits_after;
    let attached =
        |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '-' || *c == '.');
    if attached(before_start.checked_sub(1).and_then(|j| chars.get(j)))
        || attached(chars.get(after_end))
    {
        return false;
    }
    let number = |from: usize, len: usize| -> u32 {
        chars[from..from + len]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0)
    };
    let years = digits_before == 4
        && digits_after == 4
        && (1900..2100).contains(&number(before_start, 4))
        && (1900..2100).contains(&number(i + 1, 4));
    years || unit_at(chars, after_end)
}

/// Whether a unit follows at `at` (after optional spaces).
fn unit_at(chars: &[char], at: usize) -> bool {
    let rest = &chars[at.min(chars.len())..];
    let rest = &rest[rest.iter().take_while(|c| **c == ' ').count()..];
    let len = rest
        .iter()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '.' | ';' | ')'))
        .count();
    // Every unit is at most five characters: longer words are not looked at.
    len <= 5 && UNITS.iter().any(|u| eq_ignore_case(&rest[..len], u))
}

/// Whether `word` is `name`, ignoring case.
fn eq_ignore_case(word: &[char], name: &str) -> bool {
    word.len() == name.chars().count()
        && word
            .iter()
            .zip(name.chars())
            .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
}

/// Whether `word` names a month, in Estonian or English.
fn is_month_chars(word: &[char]) -> bool {
    !word.is_empty() && word.len() <= 9 && is_month(&word.iter().collect::<String>())
}

/// A space that must not break: between a number and its unit
/// (`3500 €`), and inside a date (`23. november 2026`, `23 November 2026`).
/// Called for every space, so it looks only as far as the words either side
/// and allocates only when one of them may be a month.
fn keeps_together(chars: &[char], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|j| chars[j]) else {
        return false;
    };
    let after = &chars[i + 1..];
    let word_after = &after[..after.iter().take_while(|c| c.is_alphanumeric()).count()];
    let before = &chars[..i];
    let word_before = &before[before
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1)..];
    let year_after = word_after.len() == 4 && word_after.iter().all(char::is_ascii_digit);
    if prev.is_ascii_digit() {
        return unit_at(chars, i + 1) || is_month_chars(word_after);
    }
    let number = &word_before[..word_before.len().saturating_sub(1)];
    let ordinal_before =
        prev == '.' && !number.is_empty() && number.iter().all(char::is_ascii_digit);
    (ordinal_before && is_month_chars(word_after)) || (year_after && is_month_chars(word_before))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_per_language() {
        assert_eq!(
            typeset(r#"ametikohale "Tiimijuht""#, Lang::Et),
            "ametikohale „Tiimijuht“"
        );
        assert_eq!(
            typeset(r#"the "Safe Community" hackathon"#, Lang::En),
            "the “Safe Community” hackathon"
        );
        assert_eq!(typeset(r#""Quoted" start"#, Lang::En), "“Quoted” start");
        assert_eq!(typeset(r#"("a")"#, Lang::Et), "(„a“)");
        // Quotes the typist already set stay.
        assert_eq!(typeset("„Õun“", Lang::Et), "„Õun“");
    }

    #[test]
    fn apostrophes_dashes_and_ranges() {
        assert_eq!(
            typeset("Mari's CV, the 90's", Lang::En),
            "Mari’s CV, the 90’s"
        );
        assert_eq!(typeset("a - b", Lang::En), "a – b");
        assert_eq!(typeset("2019-2021", Lang::Et), "2019–\u{2060}2021");
        assert_eq!(typeset("2800-3400 €", Lang::Et), "2800–\u{2060}3400\u{a0}€");
        // Not ranges: a date, a phone number, a word, a reference.
        for same in [
            "2021-03-15",
            "+372 5555-1234",
            "X-tee",
            "SKA-2026-052",
            "e-CF",
            "1-2 years",
        ] {
            assert_eq!(typeset(same, Lang::Et), same, "{same}");
        }
    }

    #[test]
    fn spaces_that_do_not_break() {
        assert_eq!(typeset("3500 € kuus", Lang::Et), "3500\u{a0}€ kuus");
        assert_eq!(typeset("40 %", Lang::Et), "40\u{a0}%");
        assert_eq!(
            typeset("Tallinn, 23. november 2026", Lang::Et),
            "Tallinn, 23.\u{a0}november\u{a0}2026"
        );
        assert_eq!(
            typeset("23 November 2026", Lang::En),
            "23\u{a0}November\u{a0}2026"
        );
        // A number and an ordinary word still break.
        assert_eq!(typeset("42 asutust", Lang::Et), "42 asutust");
        assert_eq!(
            typeset("2018. aasta jaanuaris", Lang::Et),
            "2018. aasta jaanuaris"
        );
    }

    /// A range's dash holds its numbers together: the word joiner after it
    /// leaves no line break between `2800–` and `3400 €`.
    #[test]
    fn a_range_does_not_break_at_its_dash() {
        let salary = typeset("Palgasoov 2800-3400 € kuus", Lang::Et);
        assert_eq!(salary, "Palgasoov 2800–\u{2060}3400\u{a0}€ kuus");
        assert_eq!(
            typeset("2019-2021", Lang::En).chars().collect::<Vec<_>>(),
            ['2', '0', '1', '9', '–', WORD_JOINER, '2', '0', '2', '1']
        );
        // A spaced dash is no range: it may break.
        assert_eq!(typeset("2019 - 2021", Lang::Et), "2019 – 2021");
    }

    /// Pieces split by markup are typeset as one text: the character on the
    /// other side of a marker decides a quote's or an apostrophe's direction,
    /// a quote opened in one piece closes in another, a range split by a
    /// marker is still a range.
    #[test]
    fn pieces_are_typeset_as_one_text() {
        // **Mari**'s "**TARA**" x
        assert_eq!(
            typeset_pieces(&["Mari", "'s \"", "TARA", "\" x"], Lang::En),
            ["Mari", "’s “", "TARA", "” x"]
        );
        assert_eq!(
            typeset_pieces(&["'s \"", "TARA", "\" x"], Lang::Et),
            ["'s „", "TARA", "“ x"]
        );
        // "**bold** inside"
        assert_eq!(
            typeset_pieces(&["\"", "bold", " inside\""], Lang::En),
            ["“", "bold", " inside”"]
        );
        // Master's thesis "Reuse … via **X-Road**"
        assert_eq!(
            typeset_pieces(&["Master's thesis \"Reuse via ", "X-Road", "\""], Lang::En),
            ["Master’s thesis “Reuse via ", "X-Road", "”"]
        );
        // 2019-**2021**, **2800**-3400 €
        assert_eq!(
            typeset_pieces(&["2019-", "2021"], Lang::Et),
            ["2019–\u{2060}", "2021"]
        );
        assert_eq!(
            typeset_pieces(&["", "2800", "-3400 €"], Lang::Et),
            ["", "2800", "–\u{2060}3400\u{a0}€"]
        );
        // Nothing to change: the pieces as they are.
        assert_eq!(typeset_pieces(&["a", "", "b"], Lang::Et), ["a", "", "b"]);
    }
}
