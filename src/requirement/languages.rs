//! Languages a requirement asks for, with the level: "eesti keele oskus
//! vähemalt C1-tasemel", "C1-tasemel eesti keel", "inglise ja vene keel B2",
//! "Estonian (native), English (C1)", the Töötukassa code line "RU, kõne: B2,
//! kiri: B2 … kohustuslik", "vähemalt ühe võõrkeele oskus B1", and languages
//! named without a level ("valdad väga heal tasemel eesti keelt").
//!
//! A language and a level pair when they are neighbours among the clause's
//! languages and levels; levels that are no language's (a driving-licence
//! category, a regulation's ceiling "mitte kõrgem kui C1") are left out
//! first.

use super::LanguageDemand;
use super::tokens::{Clause, Kind, Token};
use crate::model::profile::LanguageLevel;

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

/// The English name of a language code, for messages.
pub fn english_name_of(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|l| l.code == code).map(|l| l.english)
}

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

/// "võõrkeel", "võõrkeele", "võõrkeelte": a foreign language, not named.
fn is_foreign_word(w: &str) -> bool {
    w.strip_prefix("võõr").is_some_and(is_keel_word)
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
fn joined(c: &Clause, a: usize, b: usize) -> Option<bool> {
    let between = c.tokens.get(a + 1..b)?;
    let connector = |t: &Token| t.is_any(AND) || t.is_any(OR);
    let fits = (1..=5).contains(&between.len())
        && between
            .iter()
            .all(|t| connector(t) || t.is("-") || t.is_any(QUALITY))
        && between.iter().any(connector);
    fits.then(|| between.iter().any(|t| t.is_any(OR)))
}

/// Words of quality that may stand before a member of a list without
/// breaking it: "väga hea eesti ja hea inglise keele oskus".
const QUALITY: &[&str] = &[
    "hea",
    "heal",
    "väga",
    "suurepärane",
    "suurepärasel",
    "vaba",
    "vabal",
    "soravalt",
    "ka",
    "vähemalt",
    "good",
    "very",
    "excellent",
    "fluent",
    "strong",
];

/// One language of a list: its code (`None`: a foreign language, not
/// named) and its token.
#[derive(Debug, Clone, Copy)]
struct Member {
    code: Option<&'static str>,
    at: usize,
}

/// Languages named together, sharing what follows: "inglise ja vene keel".
#[derive(Debug)]
struct LangList {
    members: Vec<Member>,
    first: usize,
    last: usize,
    /// Alternatives: joined by "või"/"or", or the clause asks for one of them.
    any_of: bool,
    /// Whether the words ask for the language even without a level:
    /// "eesti keele oskus", "valdad eesti keelt", "Estonian and English
    /// fluency"; not "inglise keeles" in a title or "Estonian citizenship".
    asks_bare: bool,
}

/// "Vähemalt ühe võõrkeele (inglise, vene) oskus", "one of English or
/// Russian", "either …": the languages listed are alternatives.
fn asks_for_one(c: &Clause) -> bool {
    c.tokens.windows(2).any(|w| {
        (w[0].is_any(&["ühe", "üht", "ühte"]) && is_foreign_word(w[1].word()))
            || (w[0].is("one") && w[1].is_any(&["of", "foreign"]))
    }) || c.tokens.iter().any(|t| t.is("either"))
}

/// Words that say a language is asked for when it is named without a level.
const SKILL_AFTER_GENITIVE: &[&str] = &[
    "oskus", "valdam", "tundmi", "tase", "teadmis", "kasutam", "kasutus", "õpe",
];
const COMMUNICATION: &[&str] = &[
    "suhtle",
    "vabalt",
    "räägi",
    "rääki",
    "kirjuta",
    "väljenda",
    "suuliselt",
    "kirjalikult",
    "töökeel",
    "töötada",
    "valda",
    "oska",
];
const ENGLISH_CONTEXT: &[&str] = &[
    "fluent",
    "fluency",
    "proficien",
    "speak",
    "spoken",
    "written",
    "writing",
    "command",
    "knowledge",
    "skill",
    "language",
    "native",
    "communicat",
    "excellent",
    "good",
    "working",
];
/// Words after an English language name that make it no language.
const NOT_LANGUAGE_AFTER: &[&str] = &[
    "citizen",
    "company",
    "companies",
    "market",
    "law",
    "resident",
    "id",
    "state",
    "government",
    "authorit",
    "public",
    "sector",
    "team",
    "office",
    "startup",
    "e-",
];

fn estonian_asks_bare(c: &Clause, keel: usize) -> bool {
    let w = c.tokens[keel].word();
    let next = c.get(keel + 1).map(Token::word).unwrap_or_default();
    w == "keel"
        || w == "keelt"
        || w.starts_with("keeleosk")
        || (w == "keele" && SKILL_AFTER_GENITIVE.iter().any(|s| next.starts_with(s)))
        || (w == "keeles" && c.tokens.iter().any(|t| t.starts_any(COMMUNICATION)))
}

fn english_asks_bare(c: &Clause, at: usize) -> bool {
    let next = c.get(at + 1).map(Token::word).unwrap_or_default();
    !NOT_LANGUAGE_AFTER.iter().any(|s| next.starts_with(s))
        && c.tokens.iter().any(|t| t.starts_any(ENGLISH_CONTEXT))
}

/// Every language named in the clause, grouped into lists, in text order.
fn language_lists(c: &Clause) -> Vec<LangList> {
    let one_of = asks_for_one(c);
    let mut lists: Vec<LangList> = Vec::new();
    let is_connector = |t: &Token| t.is_any(AND) || t.is_any(OR) || t.is("-");
    let mut j = 0;
    while let Some(token) = c.get(j) {
        let w = token.word();
        if is_foreign_word(w)
            || (w == "foreign" && c.get(j + 1).is_some_and(|t| t.starts_any(&["language"])))
        {
            let mut list = LangList {
                members: vec![Member { code: None, at: j }],
                first: j,
                last: j,
                any_of: false,
                asks_bare: !w.contains("keeln") && !w.contains("keels"),
            };
            // "ühe võõrkeele (soovitavalt inglise ja vene keel)": the
            // languages in parentheses are the ones preferred.
            if c.get(j + 1).is_some_and(|t| t.is("(")) {
                let close = c.find_from(j + 2, |t| t.is(")"));
                let inner: Vec<LangList> = match close {
                    Some(end) => {
                        let sub = Clause {
                            text: c.text,
                            tokens: c.tokens[..end].to_vec(),
                        };
                        language_lists_from(&sub, j + 2)
                    }
                    None => Vec::new(),
                };
                if let Some(end) = close
                    && !inner.is_empty()
                {
                    for l in inner {
                        list.members.extend(l.members);
                    }
                    list.last = end;
                    list.any_of = true;
                    lists.push(list);
                    j = end + 1;
                    continue;
                }
            }
            lists.push(list);
        } else if let Some(code) = compound_language(w) {
            lists.push(LangList {
                members: vec![Member {
                    code: Some(code),
                    at: j,
                }],
                first: j,
                last: j,
                any_of: false,
                asks_bare: false,
            });
        } else if is_keel_word(w)
            && let Some(code) = j
                .checked_sub(1)
                .and_then(|p| estonian_stem(c.tokens[p].word()))
        {
            // Estonian names the language once, on the last member:
            // "eesti, inglise ja vene keel". Walk back over the bare stems.
            let mut list = LangList {
                members: vec![Member {
                    code: Some(code),
                    at: j - 1,
                }],
                first: j - 1,
                last: j,
                any_of: false,
                asks_bare: estonian_asks_bare(c, j),
            };
            while let Some(p) = (0..list.first)
                .rev()
                .find(|&p| !is_connector(&c.tokens[p]) && !c.tokens[p].is_any(QUALITY))
                && let Some(code) = estonian_stem(c.tokens[p].word())
                && let Some(or) = joined(c, p, list.first)
            {
                list.members.insert(
                    0,
                    Member {
                        code: Some(code),
                        at: p,
                    },
                );
                list.first = p;
                list.any_of |= or;
            }
            list.any_of |= one_of && list.members.len() > 1;
            lists.push(list);
        } else if let Some(code) = english_name(w) {
            // English names each language: "English, Russian and Finnish".
            // A comma alone does not make a list ("Estonian, English B2"
            // asks the level of English); the last join must be a word.
            let mut members = vec![Member {
                code: Some(code),
                at: j,
            }];
            let mut joins = Vec::new();
            while let Some(prev) = members.last().map(|m| m.at)
                && let Some(next) = (prev + 1..c.len()).find(|&k| !is_connector(&c.tokens[k]))
                && let Some(code) = english_name(c.tokens[next].word())
                && let Some(or) = joined(c, prev, next)
            {
                let worded = c.tokens[prev + 1..next]
                    .iter()
                    .any(|t| !t.is_any(&[",", "-"]));
                joins.push((or, worded));
                members.push(Member {
                    code: Some(code),
                    at: next,
                });
            }
            if joins.last().is_some_and(|&(_, worded)| worded) {
                let last = members.last().map_or(j, |m| m.at);
                lists.push(LangList {
                    asks_bare: english_asks_bare(c, last),
                    members,
                    first: j,
                    last,
                    any_of: one_of || joins.iter().any(|&(or, _)| or),
                });
                j = last + 1;
                continue;
            }
            lists.push(LangList {
                members: vec![Member {
                    code: Some(code),
                    at: j,
                }],
                first: j,
                last: j,
                any_of: false,
                asks_bare: english_asks_bare(c, j),
            });
        }
        j += 1;
    }
    merge_bracketed_preferences(c, lists)
}

/// "Ühe võõrkeele oskus B2 tasemel (eelistatult inglise keel)": languages
/// in brackets a little after "a foreign language" are the preferred ones,
/// members of that list, not demands of their own.
fn merge_bracketed_preferences(c: &Clause, lists: Vec<LangList>) -> Vec<LangList> {
    let mut out: Vec<LangList> = Vec::with_capacity(lists.len());
    for list in lists {
        if let Some(foreign) = out.last_mut()
            && foreign.members.len() == 1
            && foreign.members[0].code.is_none()
            && let Some(open) = (foreign.last + 1..list.first).find(|&k| c.tokens[k].is("("))
            && c.distance(foreign.last, open) <= 6
            && c.find_from(open + 1, |t| t.is(")"))
                .is_some_and(|close| close > list.last)
        {
            foreign.members.extend(list.members);
            foreign.any_of = true;
            continue;
        }
        out.push(list);
    }
    out
}

/// The lists of a clause from token `from` on.
fn language_lists_from(c: &Clause, from: usize) -> Vec<LangList> {
    language_lists(c)
        .into_iter()
        .filter(|l| l.first >= from)
        .collect()
}

/// A level named in a clause, as tokens `first..=last`.
#[derive(Debug, Clone)]
struct LevelMention {
    level: LanguageLevel,
    /// The level as worded, when it is a word: "kõrgtasemel", "emakeelena".
    word: Option<String>,
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

fn native_at(c: &Clause, i: usize) -> bool {
    let skip = |t: &Token| t.is_any(&["-", "(", ")"]);
    let about_language = |k: Option<usize>| {
        k.and_then(|k| c.get(k))
            .is_some_and(|t| english_name(t.word()).is_some() || t.is_any(NATIVE_CONTEXT))
    };
    about_language((0..i).rev().find(|&k| !skip(&c.tokens[k])))
        || about_language((i + 1..c.len()).find(|&k| !skip(&c.tokens[k])))
}

/// Words near a code that make it something else than a language level:
/// a driving-licence category ("C1-kategooria juhiload", "driving licence
/// C1"), a vehicle.
const NOT_LANGUAGE_LEVEL: &[&str] = &[
    "kategoori",
    "juhilub",
    "juhilo",
    "juhiloa",
    "juhtimisõigus",
    "sõiduk",
    "mootorsõiduk",
    "auto",
    "veok",
    "driving",
    "driver",
    "licen",
    "categor",
    "vehicle",
    "truck",
];

fn is_licence_category(c: &Clause, i: usize) -> bool {
    // Near, and not across a list separator or a language's name:
    // "B-kategooria juhiload, eesti keel C1" asks C1 of Estonian.
    let near = |k: usize| {
        let (a, b) = (k.min(i), k.max(i));
        c.distance(a, b) <= 3
            && !c.tokens[a + 1..b].iter().any(|t| {
                t.is_any(&[",", ";"])
                    || estonian_stem(t.word()).is_some()
                    || english_name(t.word()).is_some()
            })
    };
    c.tokens
        .iter()
        .enumerate()
        .any(|(k, t)| k != i && near(k) && t.starts_any(NOT_LANGUAGE_LEVEL))
}

/// Whether the level at `first` is a ceiling, not a demand: "mitte kõrgem
/// kui C1", "not higher than B2", "at most B1", "kuni C1".
fn is_ceiling(c: &Clause, first: usize) -> bool {
    let before = |k: usize| first.checked_sub(k).and_then(|p| c.get(p));
    let is = |k: usize, set: &[&str]| before(k).is_some_and(|t| t.is_any(set));
    let higher = ["kõrgem", "kõrgemat", "kõrgemal", "higher", "above"];
    (is(1, &["kui", "than"]) && is(2, &higher) && is(3, &["mitte", "not", "no", "ei"]))
        || (is(1, &higher) && is(2, &["mitte", "not", "no"]))
        || (is(1, &["most"]) && is(2, &["at"]))
        || is(1, &["maximum", "max", "ülimalt", "kõige"])
        || (is(1, &["kuni"]) && before(2).is_none_or(|t| t.level().is_none()))
}

/// Every language level named in the clause, in text order.
fn level_mentions(c: &Clause, ceiling: &mut bool) -> Vec<LevelMention> {
    let mut found = Vec::new();
    for (i, token) in c.tokens.iter().enumerate() {
        let w = token.word();
        let prev = i.checked_sub(1).map_or("", |p| c.tokens[p].word());
        let next = c.get(i + 1).map(Token::word).unwrap_or_default();
        let worded = |level, first| Some((level, Some(c.phrase(first, i)), first));
        let (level, word, first) = if let Kind::Level(level) = token.kind {
            if is_licence_category(c, i) {
                continue;
            }
            (level, None, i)
        } else if let Some(m) =
            if w.starts_with("emakeel") && !matches!(next, "ei" | "pole" | "not") {
                // "emakeelena", "emakeel", "emakeelne": mother tongue; not "kui
                // emakeel ei ole eesti keel" (when the mother tongue is not).
                worded(LanguageLevel::Native, i)
            } else if w.starts_with("kõrgtase") {
                // The old scale of the Estonian exam, as the Language Act maps
                // it: algtase B1, kesktase B2, kõrgtase C1.
                worded(LanguageLevel::C1, i)
            } else if w.starts_with("kesktase") && prev.starts_with("kõrgem") {
                worded(LanguageLevel::B2, i - 1)
            } else if w.starts_with("kesktase") && prev.starts_with("madalam") {
                worded(LanguageLevel::B1, i - 1)
            } else if w.starts_with("kesktase") {
                worded(LanguageLevel::B2, i)
            } else if w.starts_with("algtase") {
                worded(LanguageLevel::B1, i)
            } else if w == "native" && native_at(c, i) {
                worded(LanguageLevel::Native, i)
            } else if w == "mother" && next == "tongue" {
                Some((LanguageLevel::Native, Some("mother tongue".to_string()), i))
            } else {
                None
            }
        {
            m
        } else {
            continue;
        };
        let last = if w == "mother" { i + 1 } else { i };
        if is_ceiling(c, first) {
            *ceiling = true;
            continue;
        }
        found.push(LevelMention {
            level,
            word,
            first,
            last,
        });
    }
    found
}

/// Between levels that are one demand: "B2/C1", "B2–C1", "kõrgtasemel
/// (C1)", "emakeelena või vähemalt tasemel C1", "B1 kuni B2".
const LEVEL_JOIN: &[&str] = &[
    "/",
    "-",
    "(",
    ")",
    "või",
    "or",
    "kuni",
    "to",
    "tase",
    "taseme",
    "tasemel",
    "level",
    "vähemalt",
    "at",
    "least",
    "minimum",
    "min",
    "ehk",
    "ja",
];

/// Levels that stand together merged into one: the lowest of them, since
/// any of them meets the requirement ("at least").
fn level_groups(c: &Clause, mentions: Vec<LevelMention>) -> Vec<LevelMention> {
    let mut groups: Vec<LevelMention> = Vec::new();
    for m in mentions {
        match groups.last_mut() {
            Some(g)
                if m.first == g.last + 1
                    || (c.distance(g.last, m.first) <= 3
                        && c.only_between(g.last, m.first, LEVEL_JOIN)
                        // "C1 ja B2" after two languages are theirs
                        // respectively, not one demand.
                        && !c.tokens[g.last + 1..m.first].iter().any(|t| t.is("ja"))) =>
            {
                if m.level < g.level {
                    g.level = m.level;
                    g.word = m.word.clone().or(g.word.take());
                }
                g.last = m.last;
            }
            _ => groups.push(m),
        }
    }
    groups
}

/// Words that describe a level without a code: "väga heal tasemel",
/// "suhtlustasandil", "vabalt", "töökeelena", "fluent". Kept for messages.
const LEVEL_WORDS: &[&str] = &[
    "väga",
    "hea",
    "heal",
    "head",
    "heas",
    "suurepära",
    "vaba",
    "suhtlustas",
    "töökeel",
    "elementaar",
    "vähene",
    "keskmi",
    "perfekt",
    "fluent",
    "good",
    "excellent",
    "basic",
    "professional",
    "conversational",
    "business",
    "strong",
    "perfect",
    "working",
];

/// The level words near the tokens `first..=last` ("väga heal tasemel
/// eesti keelt", "elementaarne tööks vajalik inglise keele oskus", "English:
/// fluent"): the nearest run of them before the language, else after it,
/// within a few words and not past another language (`lo..hi`).
fn level_words(c: &Clause, first: usize, last: usize, lo: usize, hi: usize) -> Option<String> {
    const REACH: usize = 4;
    let is_word = |k: usize| c.tokens[k].starts_any(LEVEL_WORDS);
    let is_level_noun = |k: usize| c.tokens[k].starts_any(&["tase", "tasand", "level"]);
    let stop = |k: usize| c.tokens[k].is_any(&[",", "|", ";", "("]);
    let run_around = |k: usize| {
        let mut a = k;
        while a > lo && (is_word(a - 1) || is_level_noun(a - 1)) && !stop(a - 1) {
            a -= 1;
        }
        let mut b = k;
        while b + 1 < hi && (is_word(b + 1) || is_level_noun(b + 1)) {
            b += 1;
        }
        c.phrase(a, b)
    };
    let before = (lo..first)
        .rev()
        .take_while(|&k| !stop(k))
        .filter(|&k| c.tokens[k].counts())
        .take(REACH)
        .find(|&k| is_word(k));
    if let Some(k) = before {
        return Some(run_around(k));
    }
    (last + 1..hi)
        .take_while(|&k| !stop(k))
        .filter(|&k| c.tokens[k].counts())
        .take(REACH)
        .find(|&k| is_word(k))
        .map(run_around)
}

/// How many words may stand between a language and its level: "Estonian
/// language skills at a minimum of B2 level" has six.
const MAX_GAP: usize = 8;

/// Words close before a level that tie it to a language far away: "keele
/// tase", "keeletaseme C1", "keelemapi tunnistus C1".
fn level_about_language(c: &Clause, first: usize) -> bool {
    (first.saturating_sub(4)..first).any(|k| {
        let w = c.tokens[k].word();
        is_keel_word(w) || w.starts_with("language")
    })
}

/// The Töötukassa code line: `RU, kõne: B2, kiri: B2 ET, kõne: B2, kiri: B2
/// EN, kõne: C1, kiri: C1, kohustuslik`. The spoken level is the one asked;
/// only a language marked `kohustuslik` is required.
fn code_line(c: &Clause, demands: &mut Vec<LanguageDemand>) -> bool {
    let code_at = |k: usize| -> Option<&'static str> {
        let raw = c.raw(k);
        (raw.len() == 2 && raw.chars().all(|ch| ch.is_ascii_uppercase()))
            .then(|| LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(raw)))
            .flatten()
            .map(|l| l.code)
    };
    let spoken_after = |k: usize| -> Option<(LanguageLevel, usize)> {
        // CODE , kõne : LEVEL
        let kone = c.find_from(k + 1, |t| t.counts())?;
        if !c.tokens[kone].starts_any(&["kõne", "suuline"]) || c.distance(k, kone) > 0 {
            return None;
        }
        let level = c.find_from(kone + 1, |t| t.counts())?;
        c.tokens[level].level().map(|l| (l, level))
    };
    let entries: Vec<(usize, &'static str, LanguageLevel, usize)> = (0..c.len())
        .filter_map(|k| {
            let code = code_at(k)?;
            let (level, at) = spoken_after(k)?;
            Some((k, code, level, at))
        })
        .collect();
    if entries.is_empty() {
        return false;
    }
    for (n, &(k, code, level, at)) in entries.iter().enumerate() {
        let end = entries.get(n + 1).map_or(c.len(), |e| e.0);
        let required = c.tokens[k..end]
            .iter()
            .any(|t| t.is_any(&["kohustuslik", "nõutud", "nõutav"]));
        let group = demands.last().map_or(0, |d| d.group + 1);
        demands.push(LanguageDemand {
            language: Some(code),
            level: Some(level),
            word: None,
            required,
            group,
            phrase: c
                .phrase(k, at.max(end.saturating_sub(1)))
                .trim_end_matches([',', ' '])
                .to_string(),
        });
    }
    true
}

/// Every language demand of one clause, appended to `demands`.
pub(super) fn clause_languages(c: &Clause, optional: &[bool], demands: &mut Vec<LanguageDemand>) {
    if code_line(c, demands) {
        return;
    }
    #[derive(Clone, Copy)]
    enum What {
        Langs(usize),
        Level(usize),
    }
    let lists = language_lists(c);
    if lists.is_empty() {
        return;
    }
    // A clause that sets a ceiling ("mitte kõrgem kui C1") is a rule about
    // limits, not a demand: its languages are asked for at no level.
    let mut ceiling = false;
    let levels = level_groups(c, level_mentions(c, &mut ceiling));
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
    // keele oskus ja inglise keel B2"). A level is used once.
    let levels_first = matches!(items.first(), Some((What::Level(_), _, _)));
    let mut list_level: Vec<Option<Vec<usize>>> = vec![None; lists.len()];
    let mut level_done = vec![false; levels.len()];
    for lang_first in [!levels_first, levels_first] {
        for w in 0..items.len().saturating_sub(1) {
            let ((a, _, a_last), (b, b_first, _)) = (items[w], items[w + 1]);
            let (list, level) = match (lang_first, a, b) {
                (true, What::Langs(l), What::Level(g))
                | (false, What::Level(g), What::Langs(l)) => (l, g),
                _ => continue,
            };
            if list_level[list].is_some()
                || level_done[level]
                || c.distance(a_last, b_first) > MAX_GAP
            {
                continue;
            }
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
                            if !level_done[g] && c.only_between(prev_last, next_first, AND) =>
                        {
                            respective.push(g)
                        }
                        _ => break,
                    }
                }
            }
            if respective.len() == members && members > 1 {
                for &g in &respective {
                    level_done[g] = true;
                }
                list_level[list] = Some(respective);
            } else {
                level_done[level] = true;
                list_level[list] = Some(vec![level; members]);
            }
        }
    }

    // One language and one level left in a clause about language pair
    // however far apart: "inglise keele riigieksam … keelemapi tunnistus C1".
    let open_lists: Vec<usize> = (0..lists.len())
        .filter(|&l| list_level[l].is_none())
        .collect();
    let open_levels: Vec<usize> = (0..levels.len()).filter(|&g| !level_done[g]).collect();
    if let ([l], [g]) = (open_lists.as_slice(), open_levels.as_slice())
        && lists
            .iter()
            .filter(|x| x.members.iter().any(|m| m.code.is_some()))
            .count()
            <= 1
        && level_about_language(c, levels[*g].first)
    {
        level_done[*g] = true;
        list_level[*l] = Some(vec![*g; lists[*l].members.len()]);
    }

    // Languages listed before others that got a level share it: "eesti
    // keel ja inglise keel B2".
    for l in (0..lists.len().saturating_sub(1)).rev() {
        if list_level[l].is_none()
            && let Some(next) = &list_level[l + 1]
            && let Some(&g) = next.first()
            && levels[g].first > lists[l + 1].last
            && c.only_between(lists[l].last, lists[l + 1].first, AND)
            && !c.only_between(lists[l].last, lists[l + 1].first, &[","])
        {
            list_level[l] = Some(vec![g; lists[l].members.len()]);
        }
    }

    let is_optional = |k: usize| optional.get(k).copied().unwrap_or(false);
    let clause_start = demands.len();
    for (l, list) in lists.iter().enumerate() {
        let assigned = list_level[l].as_ref();
        // A language named again without a level ("… C1 tasemel, … valdavalt
        // inglise keeles") is the same demand.
        let again = assigned.is_none()
            && list.members.iter().all(|m| {
                m.code.is_some() && demands[clause_start..].iter().any(|d| d.language == m.code)
            });
        if assigned.is_none() && (!list.asks_bare || ceiling || again) {
            continue;
        }
        let group = demands.last().map_or(0, |d| d.group + 1);
        for (m, member) in list.members.iter().enumerate() {
            let level = assigned.map(|a| &levels[a[m.min(a.len() - 1)]]);
            let (first, last) = match level {
                Some(g) => (list.first.min(g.first), list.last.max(g.last)),
                None => (list.first, list.last),
            };
            let required = !is_optional(member.at)
                && level.is_none_or(|g| !is_optional(g.first))
                // The preferred languages of "ühe võõrkeele (soovitavalt
                // inglise ja vene keel)" are preferences.
                && !(m > 0 && list.members[0].code.is_none());
            demands.push(LanguageDemand {
                language: member.code,
                level: level.map(|g| g.level),
                word: level.and_then(|g| g.word.clone()).or_else(|| {
                    let lo = l.checked_sub(1).map_or(0, |p| lists[p].last + 1);
                    let hi = lists.get(l + 1).map_or(c.len(), |n| n.first);
                    level_words(c, list.first, list.last, lo, hi)
                }),
                required,
                group: if list.any_of { group } else { group + m },
                phrase: c.phrase(first, last),
            });
        }
    }
}
