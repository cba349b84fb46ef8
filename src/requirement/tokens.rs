//! A requirement's text as clauses of tokens: lowercased words, numbers,
//! CEFR codes and punctuation. A clause ends at `.` `;` `!` `?`, a bullet or
//! a blank line; a single line break is no boundary, since text copied from
//! a PDF is wrapped mid-sentence. Nothing is ever read across a clause
//! boundary.

use crate::model::profile::LanguageLevel;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// Lowercased; letters and digits, as `char::is_alphanumeric` sees them.
    Word(String),
    /// Digits, with a decimal fraction: "1,5" and "1.5" are 1.5.
    Num(f64),
    /// A CEFR code on its own: "C1", "b2", the "C1" of "C1-tasemel".
    Level(LanguageLevel),
    /// Any other character that is not a clause boundary. All dashes are
    /// `-`, all apostrophes `'`.
    Punct(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub kind: Kind,
    /// Byte range in the text, for phrases and for the case as written.
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The word, or "" for anything else.
    pub fn word(&self) -> &str {
        match &self.kind {
            Kind::Word(w) => w,
            _ => "",
        }
    }

    /// Whether this is the word `s` or the punctuation character `s`.
    pub fn is(&self, s: &str) -> bool {
        match &self.kind {
            Kind::Word(w) => w == s,
            Kind::Punct(c) => {
                let mut buf = [0; 4];
                c.encode_utf8(&mut buf) == s
            }
            _ => false,
        }
    }

    pub fn is_any(&self, set: &[&str]) -> bool {
        set.iter().any(|s| self.is(s))
    }

    /// Whether the word starts with one of `stems`.
    pub fn starts_any(&self, stems: &[&str]) -> bool {
        let w = self.word();
        !w.is_empty() && stems.iter().any(|s| w.starts_with(s))
    }

    /// Words, numbers and codes count towards distances; punctuation does not.
    pub fn counts(&self) -> bool {
        !matches!(self.kind, Kind::Punct(_))
    }

    pub fn level(&self) -> Option<LanguageLevel> {
        match self.kind {
            Kind::Level(l) => Some(l),
            _ => None,
        }
    }
}

/// One clause: its tokens, and the text they index into.
pub(super) struct Clause<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
}

impl Clause<'_> {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The token as written (case kept).
    pub fn raw(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// Words, numbers and codes strictly between tokens `a` and `b`.
    pub fn distance(&self, a: usize, b: usize) -> usize {
        self.tokens
            .get(a + 1..b)
            .map_or(0, |between| between.iter().filter(|t| t.counts()).count())
    }

    /// Whether the tokens strictly between `a` and `b` are one or more, all from `set`.
    pub fn only_between(&self, a: usize, b: usize, set: &[&str]) -> bool {
        self.tokens
            .get(a + 1..b)
            .is_some_and(|between| !between.is_empty() && between.iter().all(|t| t.is_any(set)))
    }

    /// Whether tokens `i`, `i+1`, … are the words of `seq`.
    pub fn seq_at(&self, i: usize, seq: &[&str]) -> bool {
        seq.iter()
            .enumerate()
            .all(|(k, s)| self.get(i + k).is_some_and(|t| t.is(s)))
    }

    /// The index of the first token at or after `from` for which `f` holds.
    pub fn find_from(&self, from: usize, f: impl Fn(&Token) -> bool) -> Option<usize> {
        (from..self.len()).find(|&k| f(&self.tokens[k]))
    }

    /// The text from the start of token `first` to the end of token `last`,
    /// whitespace collapsed, widened by a few tokens to close a parenthesis
    /// it cuts: "(C1)", not "(C1".
    pub fn phrase(&self, mut first: usize, mut last: usize) -> String {
        let parens = |open: &str, first: usize, last: usize| {
            self.tokens
                .get(first..=last)
                .map_or(0, |s| s.iter().filter(|t| t.is(open)).count())
        };
        let (opens, closes) = (parens("(", first, last), parens(")", first, last));
        if closes > opens
            && let Some(k) = (first.saturating_sub(4)..first)
                .rev()
                .find(|&k| self.tokens[k].is("("))
        {
            first = k;
        }
        if opens > closes
            && let Some(k) = (last + 1..self.len().min(last + 5)).find(|&k| self.tokens[k].is(")"))
        {
            last = k;
        }
        let (Some(a), Some(b)) = (self.get(first), self.get(last)) else {
            return String::new();
        };
        self.text
            .get(a.start..b.end)
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Words after which a `.` abbreviates rather than ends a sentence ("nt.",
/// "vt.", "e.g."), besides any one-letter word.
const ABBREVIATIONS: &[&str] = &[
    "nt", "vt", "sh", "jt", "jm", "min", "ca", "incl", "approx", "nr", "tel", "vms", "jne", "eg",
    "ie", "etc",
];

pub(super) fn cefr(run: &str) -> Option<LanguageLevel> {
    match run.to_ascii_uppercase().as_str() {
        "A1" => Some(LanguageLevel::A1),
        "A2" => Some(LanguageLevel::A2),
        "B1" => Some(LanguageLevel::B1),
        "B2" => Some(LanguageLevel::B2),
        "C1" => Some(LanguageLevel::C1),
        "C2" => Some(LanguageLevel::C2),
        _ => None,
    }
}

/// ASCII digits to a number, saturating (a long number is no count of years).
fn parse_digits(digits: &str) -> f64 {
    digits
        .bytes()
        .fold(0.0, |n, b| (n * 10.0 + f64::from(b - b'0')).min(1.0e9))
}

/// The text as clauses of tokens; empty clauses are dropped.
pub(super) fn clauses(text: &str) -> Vec<Clause<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let is_digit_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut clauses = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let mut end_clause = |current: &mut Vec<Token>| {
        if !current.is_empty() {
            clauses.push(Clause {
                text,
                tokens: std::mem::take(current),
            });
        }
    };
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            // A blank line separates paragraphs, list items, table cells.
            let mut newlines = 0;
            while let Some(&(_, w)) = chars.get(i).filter(|(_, w)| w.is_whitespace()) {
                newlines += usize::from(w == '\n');
                i += 1;
            }
            if newlines >= 2 {
                end_clause(&mut current);
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i;
            while chars.get(j).is_some_and(|(_, w)| w.is_alphanumeric()) {
                j += 1;
            }
            let run = &text[start..at(j)];
            let digits = run.bytes().take_while(u8::is_ascii_digit).count();
            if digits == run.len() {
                let mut value = parse_digits(run);
                // "1,5" / "1.5": a separator with digits on both sides, no space.
                if chars.get(j).is_some_and(|(_, s)| matches!(s, ',' | '.')) && is_digit_at(j + 1) {
                    let mut k = j + 1;
                    while is_digit_at(k) {
                        k += 1;
                    }
                    let fraction = &text[at(j + 1)..at(k)];
                    if fraction.len() <= 2 {
                        value += parse_digits(fraction) / 10f64.powi(fraction.len() as i32);
                        j = k;
                    }
                }
                current.push(Token {
                    kind: Kind::Num(value),
                    start,
                    end: at(j),
                });
            } else if digits > 0 {
                // "3aastane": a number glued to a word.
                let mid = start + digits;
                current.push(Token {
                    kind: Kind::Num(parse_digits(&run[..digits])),
                    start,
                    end: mid,
                });
                current.push(Token {
                    kind: Kind::Word(run[digits..].to_lowercase()),
                    start: mid,
                    end: at(j),
                });
            } else if let Some(level) = cefr(run) {
                current.push(Token {
                    kind: Kind::Level(level),
                    start,
                    end: at(j),
                });
            } else {
                current.push(Token {
                    kind: Kind::Word(run.to_lowercase()),
                    start,
                    end: at(j),
                });
            }
            i = j;
            continue;
        }
        let punct = |c| Token {
            kind: Kind::Punct(c),
            start,
            end: at(i + 1),
        };
        match c {
            '.' => {
                // Not a sentence end: "C1.1", "A.1" (an e-CF code), "nt.", "e.g.".
                let abbreviation = current.last().is_some_and(|t| {
                    let w = t.word();
                    w.chars().count() == 1 || ABBREVIATIONS.contains(&w)
                });
                if is_digit_at(i + 1) || abbreviation {
                    current.push(punct('.'));
                } else {
                    end_clause(&mut current);
                }
            }
            ';' | '!' | '?' | '…' | '•' | '▪' | '●' | '◦' | '■' | '·' | '\u{f0b7}' => {
                end_clause(&mut current)
            }
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' => current.push(punct('-')),
            '’' | '‘' | '`' | '´' => current.push(punct('\'')),
            '«' | '»' | '„' | '“' | '”' => current.push(punct('"')),
            _ => current.push(punct(c)),
        }
        i += 1;
    }
    end_clause(&mut current);
    clauses
}
