//! What a requirement asks for, read from its free text as job ads write it,
//! in Estonian or English: languages at a CEFR level ([`language_demands`])
//! and a minimum number of years of experience ([`years_demand`]).
//!
//! The text is cut into tokens (lowercased words, numbers, CEFR codes,
//! punctuation) and the tokens into clauses at `.` `;` `!` `?`, a blank line
//! or a bullet. Small rules over the tokens of one clause find what is asked;
//! nothing is ever paired across a clause boundary, so "eesti keel. C1" asks
//! for nothing. A single line break is not a boundary: requirement texts
//! copied from PDFs are wrapped mid-sentence.
//!
//! The rules prefer asking for nothing over guessing: a language without a
//! level ("vene keele oskus kasuks"), a level without a language ("C1-taseme
//! oskus") and a vague word ("fluent", "hea", "kesktase") give no demand.

use crate::model::profile::LanguageLevel;

/// Everything one requirement line asks that can be computed: what `check`
/// compares with the profile, and what `new` suggests evidence from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub languages: Vec<LanguageDemand>,
    /// Every figure of experience asked, in text order: alternatives ("or")
    /// and further demands ("and") of the same line included.
    pub years: Vec<YearsDemand>,
    /// The level of education asked, if any.
    pub education: Option<EducationLevel>,
    /// The whole line is a nice-to-have ("Kasuks tuleb …", "… is a plus").
    pub optional: bool,
}

/// A level of formal education a requirement asks for, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EducationLevel {
    /// keskharidus, secondary education
    Secondary,
    /// kutseharidus, vocational
    Vocational,
    /// kõrgharidus, rakenduslik kõrgharidus, a bachelor's degree
    Higher,
    /// magistrikraad, master's degree
    Master,
    /// doktorikraad, PhD
    Doctorate,
}

/// Read one requirement line.
pub fn read(text: &str) -> Reading {
    Reading {
        languages: language_demands(text),
        years: years_demands(text),
        education: None,
        optional: false,
    }
}

/// A language named in a requirement with the CEFR level asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageDemand {
    /// ISO 639-1 code: `et`, `en`, `ru`, …
    pub language: &'static str,
    /// The lowest level that meets the requirement: of "B2/C1" or
    /// "emakeelena või C2" the lower one.
    pub level: LanguageLevel,
    /// Demands sharing a group are alternatives, any one of them meets the
    /// requirement: "inglise või vene keel B1", "vähemalt ühe võõrkeele
    /// (inglise, vene) oskus B1". Every other demand has a group of its own.
    /// Numbered from 0 in the order of the text.
    pub group: usize,
    /// The words that asked, whitespace collapsed, for messages.
    pub phrase: String,
}

/// A minimum number of years of experience asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearsDemand {
    pub years: u32,
    /// The words that asked, whitespace collapsed, for messages.
    pub phrase: String,
}

/// Whether a language known at `have` meets a demand for `want`: a higher
/// level meets every lower one, a mother tongue meets every level.
pub fn meets(have: LanguageLevel, want: LanguageLevel) -> bool {
    have >= want
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Lowercased; letters and digits, as `char::is_alphanumeric` sees them.
    Word(String),
    /// Digits, with a decimal fraction rounded up ("1,5" → 2): "at least
    /// 1.5 years" is met by 2 years, not by 1.
    Num(u32),
    /// A CEFR code on its own: "C1", "b2", the "C1" of "C1-tasemel".
    Level(LanguageLevel),
    /// Any other character that is not a clause boundary. All dashes are
    /// `-`, all apostrophes `'`.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    /// Byte range in the text, for phrases.
    start: usize,
    end: usize,
}

impl Token {
    /// The word, or "" for anything else.
    fn word(&self) -> &str {
        match &self.kind {
            Kind::Word(w) => w,
            _ => "",
        }
    }

    /// Whether this is the word `s` or the punctuation character `s`.
    fn is(&self, s: &str) -> bool {
        match &self.kind {
            Kind::Word(w) => w == s,
            Kind::Punct(c) => {
                let mut buf = [0; 4];
                c.encode_utf8(&mut buf) == s
            }
            _ => false,
        }
    }

    fn is_any(&self, set: &[&str]) -> bool {
        set.iter().any(|s| self.is(s))
    }

    /// Words, numbers and codes count towards distances; punctuation does not.
    fn counts(&self) -> bool {
        !matches!(self.kind, Kind::Punct(_))
    }
}

/// Words after which a `.` abbreviates rather than ends a sentence ("nt.",
/// "vt.", "e.g."), besides any one-letter word.
const ABBREVIATIONS: &[&str] = &["nt", "vt", "sh", "jt", "min", "ca", "incl", "approx", "nr"];

fn cefr(run: &str) -> Option<LanguageLevel> {
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
fn parse_digits(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    })
}

/// The text as clauses of tokens; empty clauses are dropped.
fn clauses(text: &str) -> Vec<Vec<Token>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let is_digit_at = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let mut clauses = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let mut end_clause = |current: &mut Vec<Token>| {
        if !current.is_empty() {
            clauses.push(std::mem::take(current));
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
                    if text[at(j + 1)..at(k)].bytes().any(|b| b != b'0') {
                        value = value.saturating_add(1);
                    }
                    j = k;
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
            ';' | '!' | '?' | '…' | '•' | '▪' | '●' | '◦' | '■' | '·' => {
                end_clause(&mut current)
            }
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' => current.push(punct('-')),
            '’' | '‘' | '`' | '´' => current.push(punct('\'')),
            _ => current.push(punct(c)),
        }
        i += 1;
    }
    end_clause(&mut current);
    clauses
}

/// The text from the start of token `first` to the end of token `last`,
/// whitespace collapsed, widened by a few tokens to close a parenthesis it
/// cuts: "(C1)", not "(C1"; "(soovitavalt inglise ja vene keel) oskus B1".
fn phrase(text: &str, clause: &[Token], mut first: usize, mut last: usize) -> String {
    let parens = |open: &str| {
        clause
            .get(first..=last)
            .map_or(0, |s| s.iter().filter(|t| t.is(open)).count())
    };
    let (opens, closes) = (parens("("), parens(")"));
    if closes > opens
        && let Some(k) = (first.saturating_sub(4)..first)
            .rev()
            .find(|&k| clause[k].is("("))
    {
        first = k;
    }
    if opens > closes
        && let Some(k) = (last + 1..clause.len().min(last + 5)).find(|&k| clause[k].is(")"))
    {
        last = k;
    }
    let (Some(a), Some(b)) = (clause.get(first), clause.get(last)) else {
        return String::new();
    };
    text.get(a.start..b.end)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words, numbers and codes strictly between tokens `a` and `b`.
fn distance(clause: &[Token], a: usize, b: usize) -> usize {
    clause
        .get(a + 1..b)
        .map_or(0, |between| between.iter().filter(|t| t.counts()).count())
}

/// Whether the tokens strictly between `a` and `b` are one or more, all from `set`.
fn only_between(clause: &[Token], a: usize, b: usize, set: &[&str]) -> bool {
    clause
        .get(a + 1..b)
        .is_some_and(|between| !between.is_empty() && between.iter().all(|t| t.is_any(set)))
}

// ---------------------------------------------------------------------------
// Languages

struct Language {
    code: &'static str,
    /// Estonian: the word before "keel" ("inglise keel") and the stem of
    /// compounds ("ingliskeelne", "inglisekeelne", "riigikeel").
    stems: &'static [&'static str],
    /// English name, lowercase.
    english: &'static str,
    /// ISO 639-2 codes and the language's own name, for [`language_code`].
    other: &'static [&'static str],
}

#[rustfmt::skip]
const LANGUAGES: &[Language] = &[
    Language { code: "et", stems: &["eesti", "riigi"], english: "estonian", other: &["est"] },
    Language { code: "en", stems: &["inglise", "inglis"], english: "english", other: &["eng"] },
    Language { code: "ru", stems: &["vene"], english: "russian", other: &["rus", "русский"] },
    Language { code: "de", stems: &["saksa"], english: "german", other: &["deu", "ger", "deutsch"] },
    Language { code: "fi", stems: &["soome"], english: "finnish", other: &["fin", "suomi"] },
    Language { code: "fr", stems: &["prantsuse", "prantsus"], english: "french", other: &["fra", "fre", "français", "francais"] },
    Language { code: "lv", stems: &["läti"], english: "latvian", other: &["lav", "latviešu"] },
    Language { code: "lt", stems: &["leedu"], english: "lithuanian", other: &["lit", "lietuvių"] },
    Language { code: "sv", stems: &["rootsi"], english: "swedish", other: &["swe", "svenska"] },
    Language { code: "es", stems: &["hispaania"], english: "spanish", other: &["spa", "español", "espanol"] },
    Language { code: "it", stems: &["itaalia"], english: "italian", other: &["ita", "italiano"] },
    Language { code: "pl", stems: &["poola"], english: "polish", other: &["pol", "polski"] },
    Language { code: "uk", stems: &["ukraina"], english: "ukrainian", other: &["ukr", "українська"] },
    Language { code: "be", stems: &["valgevene"], english: "belarusian", other: &["bel"] },
    Language { code: "no", stems: &["norra"], english: "norwegian", other: &["nor", "norsk"] },
    Language { code: "da", stems: &["taani"], english: "danish", other: &["dan", "dansk"] },
    Language { code: "nl", stems: &["hollandi", "niiderlandi"], english: "dutch", other: &["nld", "dut", "nederlands"] },
    Language { code: "pt", stems: &["portugali"], english: "portuguese", other: &["por", "português"] },
    Language { code: "cs", stems: &["tšehhi", "tsehhi"], english: "czech", other: &["ces", "cze"] },
    Language { code: "sk", stems: &["slovaki"], english: "slovak", other: &["slk", "slo"] },
    Language { code: "hu", stems: &["ungari"], english: "hungarian", other: &["hun"] },
    Language { code: "el", stems: &["kreeka"], english: "greek", other: &["ell", "gre"] },
    Language { code: "tr", stems: &["türgi"], english: "turkish", other: &["tur"] },
    Language { code: "ar", stems: &["araabia"], english: "arabic", other: &["ara"] },
    Language { code: "he", stems: &["heebrea"], english: "hebrew", other: &["heb"] },
    Language { code: "zh", stems: &["hiina"], english: "chinese", other: &["zho", "chi"] },
    Language { code: "ja", stems: &["jaapani"], english: "japanese", other: &["jpn"] },
    Language { code: "ko", stems: &["korea"], english: "korean", other: &["kor"] },
];

/// A form of Estonian "keel" (language): keel, keele, keelt, keeles,
/// keelega, keeli, keelte, and compounds starting with it ("keeleoskus").
/// Also the tail of adjectives ("-keelne", "-keelse"). Not "keelatud"
/// (forbidden) or "keeld" (ban).
fn is_keel_word(w: &str) -> bool {
    w == "keel"
        || ["keele", "keelt", "keeli", "keeln", "keels"]
            .iter()
            .any(|p| w.starts_with(p))
}

/// "inglise", "eesti": the Estonian word that names a language before "keel".
fn estonian_stem(w: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|l| l.stems.contains(&w))
        .map(|l| l.code)
}

/// "english", "estonian": an English language name.
fn english_name(w: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|l| l.english == w).map(|l| l.code)
}

/// One word naming a language: "eestikeelne", "ingliskeelse", "inglisekeelset",
/// "riigikeele" (the state language, Estonian), "venekeelne".
fn compound_language(w: &str) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|l| {
            l.stems
                .iter()
                .any(|s| w.strip_prefix(s).is_some_and(is_keel_word))
        })
        .map(|l| l.code)
}

/// The ISO 639-1 code of a language named as a profile or a person would:
/// "eesti", "eesti keel", "Estonian", "English language", "inglise",
/// "ingliskeelne", "et", "est", "suomi". `None` for anything else.
pub fn language_code(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let by_name = |w: &str| {
        LANGUAGES
            .iter()
            .find(|l| l.code == w || l.english == w || l.stems.contains(&w) || l.other.contains(&w))
            .map(|l| l.code)
    };
    match words.as_slice() {
        [w] => by_name(w).or_else(|| compound_language(w)),
        [w, rest] if is_keel_word(rest) || *rest == "language" => by_name(w),
        _ => None,
    }
}

/// Between list members: "inglise ja vene", "English, Russian and Finnish".
const AND: &[&str] = &[",", "ja", "ning", "and", "&"];
/// Between alternatives: "inglise või vene", "English/Russian".
const OR: &[&str] = &["või", "or", "/"];

/// Whether tokens `a` and `b` are list neighbours: one to three connectors
/// between them, one of them a word or comma (a lone dash is no list, but
/// "eesti- ja inglise keel" is). `Some(true)` when they are alternatives.
fn joined(clause: &[Token], a: usize, b: usize) -> Option<bool> {
    let between = clause.get(a + 1..b)?;
    let connector = |t: &Token| t.is_any(AND) || t.is_any(OR);
    let fits = (1..=3).contains(&between.len())
        && between.iter().all(|t| connector(t) || t.is("-"))
        && between.iter().any(connector);
    fits.then(|| between.iter().any(|t| t.is_any(OR)))
}

/// Languages named together, sharing what follows: "inglise ja vene keel".
#[derive(Debug)]
struct LangList {
    members: Vec<&'static str>,
    first: usize,
    last: usize,
    /// Alternatives: joined by "või"/"or", or the clause asks for one of them.
    any_of: bool,
}

/// "Vähemalt ühe võõrkeele (inglise, vene) oskus", "one of English or
/// Russian", "either …": the languages listed are alternatives.
fn asks_for_one(clause: &[Token]) -> bool {
    clause.windows(2).any(|w| {
        (w[0].is_any(&["ühe", "üht", "ühte"]) && w[1].word().starts_with("võõrkeel"))
            || (w[0].is("one") && w[1].is_any(&["of", "foreign"]))
    }) || clause.iter().any(|t| t.is("either"))
}

/// Every language named in the clause, grouped into lists, in text order.
fn language_lists(clause: &[Token]) -> Vec<LangList> {
    let one_of = asks_for_one(clause);
    let mut lists = Vec::new();
    let is_connector = |t: &Token| t.is_any(AND) || t.is_any(OR) || t.is("-");
    let mut j = 0;
    while let Some(token) = clause.get(j) {
        let w = token.word();
        if let Some(code) = compound_language(w) {
            lists.push(LangList {
                members: vec![code],
                first: j,
                last: j,
                any_of: false,
            });
        } else if is_keel_word(w)
            && let Some(code) = j
                .checked_sub(1)
                .and_then(|p| estonian_stem(clause[p].word()))
        {
            // Estonian names the language once, on the last member:
            // "eesti, inglise ja vene keel". Walk back over the bare stems.
            let mut list = LangList {
                members: vec![code],
                first: j - 1,
                last: j,
                any_of: false,
            };
            while let Some(p) = (0..list.first).rev().find(|&p| !is_connector(&clause[p]))
                && let Some(code) = estonian_stem(clause[p].word())
                && let Some(or) = joined(clause, p, list.first)
            {
                list.members.insert(0, code);
                list.first = p;
                list.any_of |= or;
            }
            list.any_of |= one_of && list.members.len() > 1;
            lists.push(list);
        } else if let Some(code) = english_name(w) {
            // English names each language: "English, Russian and Finnish".
            // A comma alone does not make a list ("Estonian, English B2"
            // asks the level of English); the last join must be a word.
            let mut members = vec![(code, j)];
            let mut joins = Vec::new();
            while let Some(&(_, prev)) = members.last()
                && let Some(next) = (prev + 1..clause.len()).find(|&k| !is_connector(&clause[k]))
                && let Some(code) = english_name(clause[next].word())
                && let Some(or) = joined(clause, prev, next)
            {
                let worded = clause[prev + 1..next]
                    .iter()
                    .any(|t| !t.is_any(&[",", "-"]));
                joins.push((or, worded));
                members.push((code, next));
            }
            if joins.last().is_some_and(|&(_, worded)| worded) {
                let last = members.last().map_or(j, |&(_, k)| k);
                lists.push(LangList {
                    members: members.iter().map(|&(c, _)| c).collect(),
                    first: j,
                    last,
                    any_of: one_of || joins.iter().any(|&(or, _)| or),
                });
                j = last + 1;
                continue;
            }
            lists.push(LangList {
                members: vec![code],
                first: j,
                last: j,
                any_of: false,
            });
        }
        j += 1;
    }
    lists
}

/// A level named in a clause, as tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
struct LevelMention {
    level: LanguageLevel,
    first: usize,
    last: usize,
}

/// Words that say "native" in English only next to a language or a word
/// about language; "cloud-native" and "native apps" are no level.
const NATIVE_CONTEXT: &[&str] = &[
    "speaker",
    "speakers",
    "language",
    "level",
    "tongue",
    "proficiency",
    "fluency",
    "command",
];

fn native_at(clause: &[Token], i: usize) -> bool {
    let skip = |t: &Token| t.is_any(&["-", "(", ")"]);
    let about_language = |k: Option<usize>| {
        k.and_then(|k| clause.get(k))
            .is_some_and(|t| english_name(t.word()).is_some() || t.is_any(NATIVE_CONTEXT))
    };
    about_language((0..i).rev().find(|&k| !skip(&clause[k])))
        || about_language((i + 1..clause.len()).find(|&k| !skip(&clause[k])))
}

/// Every level named in the clause, in text order.
fn level_mentions(clause: &[Token]) -> Vec<LevelMention> {
    let mut found = Vec::new();
    for (i, token) in clause.iter().enumerate() {
        let w = token.word();
        let prev = i.checked_sub(1).map_or("", |p| clause[p].word());
        let (level, first, last) = if let Kind::Level(level) = token.kind {
            (level, i, i)
        } else if w.starts_with("emakeel") {
            // "emakeelena", "emakeel", "emakeelne": mother tongue.
            (LanguageLevel::Native, i, i)
        } else if w.starts_with("kõrgtase") {
            // The Estonian exam's "kõrgtase" is C1, in old and new usage.
            (LanguageLevel::C1, i, i)
        } else if w.starts_with("kesktase") && prev.starts_with("kõrgem") {
            // "kõrgem kesktase" is B2 and "madalam kesktase" B1; a bare
            // "kesktase" is B1 to some and B2 to others: no level.
            (LanguageLevel::B2, i - 1, i)
        } else if w.starts_with("kesktase") && prev.starts_with("madalam") {
            (LanguageLevel::B1, i - 1, i)
        } else if w == "native" && native_at(clause, i) {
            (LanguageLevel::Native, i, i)
        } else if w == "mother" && clause.get(i + 1).is_some_and(|t| t.is("tongue")) {
            (LanguageLevel::Native, i, i + 1)
        } else {
            continue;
        };
        found.push(LevelMention { level, first, last });
    }
    found
}

/// Between levels that are one demand: "B2/C1", "B2–C1", "kõrgtasemel
/// (C1)", "emakeelena või C2", "B1 kuni B2".
const LEVEL_JOIN: &[&str] = &[
    "/", "-", "(", ")", "või", "or", "kuni", "to", "tase", "taseme", "tasemel", "level",
];

/// Levels that stand together merged into one: the lowest of them, since
/// any of them meets the requirement ("at least").
fn level_groups(clause: &[Token], mentions: Vec<LevelMention>) -> Vec<LevelMention> {
    let mut groups: Vec<LevelMention> = Vec::new();
    for m in mentions {
        match groups.last_mut() {
            Some(g)
                if m.first == g.last + 1
                    || (distance(clause, g.last, m.first) <= 2
                        && only_between(clause, g.last, m.first, LEVEL_JOIN)) =>
            {
                g.level = g.level.min(m.level);
                g.last = m.last;
            }
            _ => groups.push(m),
        }
    }
    groups
}

/// How many words may stand between a language and its level: "Estonian
/// language skills at a minimum of B2 level" has six.
const MAX_GAP: usize = 8;

/// Every language demand in a text: "eesti keel C1, inglise keel B2" gives two.
pub fn language_demands(text: &str) -> Vec<LanguageDemand> {
    let mut demands = Vec::new();
    for clause in clauses(text) {
        clause_languages(text, &clause, &mut demands);
    }
    demands
}

fn clause_languages(text: &str, clause: &[Token], demands: &mut Vec<LanguageDemand>) {
    #[derive(Clone, Copy)]
    enum What {
        Langs(usize),
        Level(usize),
    }
    let lists = language_lists(clause);
    let levels = level_groups(clause, level_mentions(clause));
    if lists.is_empty() || levels.is_empty() {
        return;
    }
    let mut items: Vec<(What, usize, usize)> = lists
        .iter()
        .enumerate()
        .map(|(k, l)| (What::Langs(k), l.first, l.last))
        .chain(
            levels
                .iter()
                .enumerate()
                .map(|(k, g)| (What::Level(k), g.first, g.last)),
        )
        .collect();
    items.sort_by_key(|&(_, first, _)| first);

    // A language and a level pair when they are neighbours among the
    // clause's languages and levels. Which way round is decided by the
    // clause's start: "eesti keel C1, inglise keel B2" names languages
    // first, "C1-tasemel eesti keel, B2-tasemel inglise keel" levels first.
    // What that leaves is then tried the other way round ("C1-taseme eesti
    // keele oskus ja inglise keel B2"). A level is used once, so in
    // "inglise keel B2, vene keel kasuks" Russian gets nothing.
    let levels_first = matches!(items.first(), Some((What::Level(_), _, _)));
    let mut list_done = vec![false; lists.len()];
    let mut level_done = vec![false; levels.len()];
    // (list, member, level group)
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for lang_first in [!levels_first, levels_first] {
        for w in 0..items.len().saturating_sub(1) {
            let ((a, _, a_last), (b, b_first, _)) = (items[w], items[w + 1]);
            let (list, level) = match (lang_first, a, b) {
                (true, What::Langs(l), What::Level(g))
                | (false, What::Level(g), What::Langs(l)) => (l, g),
                _ => continue,
            };
            if list_done[list] || level_done[level] || distance(clause, a_last, b_first) > MAX_GAP {
                continue;
            }
            list_done[list] = true;
            let members = lists[list].members.len();
            // "eesti ja inglise keel C1 ja B2": as many levels as languages,
            // joined like a list, are theirs respectively.
            let mut respective = vec![level];
            if lang_first && members > 1 {
                for k in w + 1..items.len() - 1 {
                    let ((_, _, prev_last), (next, next_first, _)) = (items[k], items[k + 1]);
                    if respective.len() == members {
                        break;
                    }
                    match next {
                        What::Level(g)
                            if !level_done[g]
                                && only_between(clause, prev_last, next_first, AND) =>
                        {
                            respective.push(g)
                        }
                        _ => break,
                    }
                }
            }
            if respective.len() == members {
                for (m, &g) in respective.iter().enumerate() {
                    level_done[g] = true;
                    pairs.push((list, m, g));
                }
            } else {
                level_done[level] = true;
                pairs.extend((0..members).map(|m| (list, m, level)));
            }
        }
    }

    pairs.sort_by_key(|&(list, m, _)| (lists[list].first, m));
    let mut shared_group: Option<(usize, usize)> = None; // (list, group)
    for (list, m, g) in pairs {
        let (l, level) = (&lists[list], &levels[g]);
        let group = match shared_group {
            Some((sl, group)) if sl == list => group,
            _ => {
                let group = demands.last().map_or(0, |d| d.group + 1);
                if l.any_of {
                    shared_group = Some((list, group));
                }
                group
            }
        };
        demands.push(LanguageDemand {
            language: l.members[m],
            level: level.level,
            group,
            phrase: phrase(
                text,
                clause,
                l.first.min(level.first),
                l.last.max(level.last),
            ),
        });
    }
}

// ---------------------------------------------------------------------------
// Years of experience

/// Estonian number words in the forms that stand before "aasta(t)":
/// nominative, genitive ("kolme aasta"), partitive.
#[rustfmt::skip]
const ESTONIAN_NUMBERS: &[(&str, u32)] = &[
    ("üks", 1), ("ühe", 1), ("üht", 1), ("ühte", 1),
    ("kaks", 2), ("kahe", 2), ("kaht", 2), ("kahte", 2),
    ("kolm", 3), ("kolme", 3),
    ("neli", 4), ("nelja", 4),
    ("viis", 5), ("viie", 5), ("viit", 5), ("viite", 5),
    ("kuus", 6), ("kuue", 6), ("kuut", 6), ("kuute", 6),
    ("seitse", 7), ("seitsme", 7), ("seitset", 7),
    ("kaheksa", 8), ("kaheksat", 8),
    ("üheksa", 9), ("üheksat", 9),
    ("kümme", 10), ("kümne", 10), ("kümmet", 10),
];

/// The genitive stems that form "N-aastane" in one word: "kolmeaastane".
#[rustfmt::skip]
const ESTONIAN_COMPOUND_STEMS: &[(&str, u32)] = &[
    ("ühe", 1), ("kahe", 2), ("kolme", 3), ("nelja", 4), ("viie", 5),
    ("kuue", 6), ("seitsme", 7), ("kaheksa", 8), ("üheksa", 9), ("kümne", 10),
];

#[rustfmt::skip]
const ENGLISH_NUMBERS: &[(&str, u32)] = &[
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
    ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
];

/// More than this is a calendar year ("2025"), a salary or a standard's
/// number, not years of experience.
const MAX_YEARS: u32 = 50;

/// From this many years on, a figure without a word about experience in
/// its clause is an age: "vähemalt 18-aastane".
const AGE_FROM: u32 = 16;

/// A number of years as a token: digits, or a number word.
fn count(t: &Token) -> Option<u32> {
    match &t.kind {
        Kind::Num(n) => (1..=MAX_YEARS).contains(n).then_some(*n),
        Kind::Word(w) => ESTONIAN_NUMBERS
            .iter()
            .chain(ENGLISH_NUMBERS)
            .find(|(word, _)| word == w)
            .map(|&(_, n)| n),
        _ => None,
    }
}

/// "aastane", "aastase", "aastast", "aastased": the adjective "N-year".
fn is_year_adjective(w: &str) -> bool {
    w.starts_with("aastane") || (w.starts_with("aastas") && w != "aastas")
}

/// A word that counts years after a number: "aasta" (genitive, "3 aasta
/// kogemus"), "aastat" (partitive), the adjective, English "year(s)".
/// Not "aastal" (in the year), "aastas" (per year), "aastatel".
fn is_year_word(w: &str) -> bool {
    matches!(w, "aasta" | "aastat" | "year" | "years" | "yr" | "yrs") || is_year_adjective(w)
}

/// "kolmeaastane", "kümneaastase": a number and the adjective in one word.
fn compound_years(w: &str) -> Option<u32> {
    ESTONIAN_COMPOUND_STEMS
        .iter()
        .find(|(stem, _)| w.strip_prefix(stem).is_some_and(is_year_adjective))
        .map(|&(_, n)| n)
}

/// Between a number and its year word: "3-aastane", "3+ years", "five (5)
/// years", "3 or more years", "3 või enam aastat", "3 full years".
const YEAR_FILLERS: &[&str] = &[
    "-", "+", "plus", "(", ")", "'", "or", "või", "more", "enam", "rohkem", "enama", "full",
];

/// Between the numbers of a range: "2–3", "2 kuni 3", "two to three", "3 või 4".
const RANGE: &[&str] = &["-", "kuni", "to", "või", "or"];

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
];

/// Two-word forms of the same: "up to", "less than", "vähem kui".
const NOT_A_MINIMUM_PAIRS: &[(&str, &str)] = &[
    ("up", "to"),
    ("less", "than"),
    ("fewer", "than"),
    ("vähem", "kui"),
];

/// Words before the number that belong to the phrase: "vähemalt", "at
/// least", "minimum of", "üle", "more than".
const QUALIFIERS: &[&str] = &["vähemalt", "minimaalselt", "minimum", "min", "üle", "over"];
const QUALIFIER_PAIRS: &[(&str, &str)] = &[("at", "least"), ("more", "than"), ("minimum", "of")];

/// Whether tokens `i-2`, `i-1` are the pair `(a, b)`.
fn pair_before(clause: &[Token], i: usize, pairs: &[(&str, &str)]) -> bool {
    i >= 2
        && pairs
            .iter()
            .any(|(a, b)| clause[i - 2].is(a) && clause[i - 1].is(b))
}

/// A word about experience: "töökogemus", "juhtimiskogemust", "experience",
/// "staaž".
fn is_experience_word(w: &str) -> bool {
    w.contains("kogemus") || w.starts_with("experience") || w.starts_with("staaž")
}

/// Words that make a clause's years something else than experience when
/// the clause names no experience: a contract ("2-aastane leping"), a
/// duration ("projekti kestus on 3 aastat"), a warranty, a period.
fn is_other_duration_word(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "leping", "tähtaeg", "tähtaja", "kestus", "kestab", "kestev", "kestva", "garantii",
        "periood", "contract", "duration", "lasts", "lasting", "warranty", "period",
    ];
    STEMS.iter().any(|s| w.starts_with(s))
}

/// The figure whose year word is token `j`, and where the figure starts.
fn figure_before(clause: &[Token], j: usize) -> Option<(u32, usize)> {
    let mut k = j;
    for _ in 0..3 {
        match k.checked_sub(1) {
            Some(p) if clause[p].is_any(YEAR_FILLERS) => k = p,
            _ => break,
        }
    }
    let p = k.checked_sub(1)?;
    let n = count(&clause[p])?;
    // "five (5) years": the figure starts at the word.
    if let Some(w) = p.checked_sub(2)
        && clause[w + 1].is("(")
        && count(&clause[w]).is_some()
    {
        return Some((n, w));
    }
    Some((n, p))
}

/// Every figure of years in a text with whether its clause speaks of
/// experience.
fn years_found(text: &str) -> Vec<(YearsDemand, bool)> {
    let mut found = Vec::new();
    for clause in clauses(text) {
        let experience = clause.iter().any(|t| is_experience_word(t.word()));
        if !experience && clause.iter().any(|t| is_other_duration_word(t.word())) {
            continue;
        }
        for (j, token) in clause.iter().enumerate() {
            let w = token.word();
            let (mut years, mut first) = if let Some(n) = compound_years(w) {
                (n, j)
            } else if is_year_word(w) {
                match figure_before(&clause, j) {
                    Some(found) => found,
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
                    Some(p) if clause[p].is_any(RANGE) => k = p,
                    _ => break,
                }
            }
            if k < first
                && let Some(low) = k.checked_sub(1).and_then(|p| count(&clause[p]))
            {
                years = years.min(low);
                first = k - 1;
            }
            if (first > 0 && clause[first - 1].is_any(NOT_A_MINIMUM))
                || pair_before(&clause, first, NOT_A_MINIMUM_PAIRS)
            {
                continue;
            }
            let next = clause.get(j + 1);
            if next.is_some_and(|t| t.is_any(&["old", "vana", "vanune"]))
                || (next.is_some_and(|t| t.is("of"))
                    && clause.get(j + 2).is_some_and(|t| t.is("age")))
                || (years >= AGE_FROM && !experience)
            {
                continue;
            }
            // The phrase: qualifier, figure, year word, experience word.
            loop {
                if first > 0 && clause[first - 1].is_any(QUALIFIERS) {
                    first -= 1;
                } else if pair_before(&clause, first, QUALIFIER_PAIRS) {
                    first -= 2;
                } else {
                    break;
                }
            }
            let mut last = j;
            let mut k = j + 1;
            while clause.get(k).is_some_and(|t| t.is_any(&["'", "s", "of"])) && k < j + 3 {
                k += 1;
            }
            if clause.get(k).is_some_and(|t| is_experience_word(t.word())) {
                last = k;
            }
            found.push((
                YearsDemand {
                    years,
                    phrase: phrase(text, &clause, first, last),
                },
                experience,
            ));
        }
    }
    found
}

/// Every figure of years in a text, in order: "vähemalt 3-aastane
/// juhtimisalane ja 5-aastane IT valdkonna töökogemus" gives 3 and 5.
pub fn years_demands(text: &str) -> Vec<YearsDemand> {
    years_found(text).into_iter().map(|(d, _)| d).collect()
}

/// The minimum years of experience a text asks for. Of several figures
/// the largest, since a candidate must meet each ("3-aastane juhtimisalane
/// ja 5-aastane IT töökogemus" needs 5 years in all); figures in clauses that
/// speak of experience win over others ("2-aastane leping" is a contract).
/// A range asks for its lower end, "üle 5 aasta" for 5.
pub fn years_demand(text: &str) -> Option<YearsDemand> {
    let found = years_found(text);
    let any_experience = found.iter().any(|&(_, e)| e);
    found
        .into_iter()
        .filter(|&(_, e)| e || !any_experience)
        .map(|(d, _)| d)
        .min_by_key(|d| std::cmp::Reverse(d.years))
}

#[cfg(test)]
mod tests;
