//! Words compared across Estonian case endings and compounds.
//!
//! A posting says "X-teega", "infoturbe", "IT-projektijuhtimise kogemus";
//! the profile says "X-tee", "infoturve", "IT-projektijuht". No dictionary
//! is at hand, so the comparison is by form, and deliberately lenient only
//! where Estonian morphology makes it safe:
//!
//! - [`stem`] strips one case ending (or a light English ending), keeping
//!   at least four letters, so both sides of a comparison lose the same
//!   endings;
//! - two stems are the same word when they share a prefix of at least five
//!   letters and differ in at most three letters at the end — the stem
//!   changes of Estonian declension ("infotur-be" / "infotur-ve",
//!   "juhtimi-se" / "juhtimi-ne") happen there;
//! - a word of at least five letters found as the head (the last part) of a
//!   longer compound ("disain" in "teenusedisain") is a partial match, as the
//!   head carries the compound's meaning; found as its first part
//!   ("teenuse" in "teenuseomanik") a weaker one.
//!
//! Stop words of both languages, and the generic words of requirement lines
//! ("kogemus", "oskus", "experience", …), are not content words: they would
//! match every item and say nothing.

use std::collections::{HashMap, HashSet};

/// A content word of a text: as written (for messages), lowercased, and
/// the stems it is compared by — the whole word's, and for a hyphenated
/// compound each part's ("IT-projektijuhtimise": `it-projektijuhtimi`,
/// `it`, `projektijuhtimi`).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    lower: String,
    forms: Vec<String>,
}

/// How much a whole-word match counts against a compound-part one.
pub const SAME: f32 = 1.0;
/// The shorter word is the head of the longer compound.
pub const HEAD: f32 = 0.6;
/// The shorter word is the first part of the longer compound: related, but
/// the head decides what the compound means ("koostöö" / "koostöövalmis").
pub const MODIFIER: f32 = 0.4;

/// Minimum letters of a stem: shorter words are not stripped further.
const MIN_STEM: usize = 4;
/// Minimum letters of a shared prefix, and of a compound part, to count.
const MIN_SHARED: usize = 5;
/// Minimum letters a compound's part shares with a word: five would make
/// "õigus" (a right) the head of "intellektuaalomandiõigus" and the first
/// part of "õigusakt" (a legal act).
const MIN_PART: usize = 6;
/// At most this many letters may differ at the end of two forms of a word.
const MAX_ENDING: usize = 3;

/// Estonian case endings (singular and plural), and a few light English
/// ones; the longest that fits is stripped. `-ne`/`-se` make "juhtimine"
/// and "juhtimise" one stem.
const ENDINGS: &[&str] = &[
    "desse", "tesse", "dele", "tele", "dega", "tega", "deks", "teks", "dest", "test", "delt",
    "telt", "dele", "ment", "sse", "ies", "ing", "ide", "ile", "ilt", "ist", "iga", "ga", "ta",
    "na", "ks", "st", "lt", "le", "ni", "ne", "se", "te", "de", "id", "ed", "l", "s", "d", "t",
    "i",
];

/// Function words of Estonian and English, and the generic words of
/// requirement lines: none of them tells which item answers a line.
const STOP: &[&str] = &[
    // Estonian function words and pronouns.
    "ja",
    "või",
    "ning",
    "ka",
    "kui",
    "et",
    "on",
    "ole",
    "oled",
    "olema",
    "olnud",
    "oleks",
    "sul",
    "sa",
    "sina",
    "sinu",
    "sind",
    "sulle",
    "meie",
    "me",
    "meil",
    "meid",
    "kes",
    "mis",
    "mida",
    "mille",
    "kus",
    "kuhu",
    "oma",
    "see",
    "selle",
    "seda",
    "need",
    "nende",
    "nii",
    "kuid",
    "aga",
    "ehk",
    "sh",
    "jt",
    "jne",
    "nt",
    "ei",
    "ega",
    "vaid",
    "kas",
    "ning",
    "ise",
    "kõik",
    "kõiki",
    "mõni",
    "muu",
    "muud",
    "teiste",
    "teise",
    "eri",
    "erinev",
    "erinevate",
    "erinevat",
    "uute",
    "uus",
    "uusi",
    "suur",
    "suure",
    "suurte",
    "poolt",
    "kaudu",
    "abil",
    "jaoks",
    "vastu",
    "üle",
    "alates",
    "kuni",
    "koos",
    "sees",
    "ees",
    "järgi",
    "tööd",
    "töö",
    "tööle",
    "tööks",
    "töös",
    "ametikohal",
    "ametikoha",
    // Estonian generic words of a requirement line.
    "vähemalt",
    "hea",
    "head",
    "heal",
    "heade",
    "väga",
    "tase",
    "taseme",
    "tasemel",
    "tasemega",
    "kogemus",
    "kogemust",
    "kogemusega",
    "oskus",
    "oskust",
    "oskused",
    "oskusi",
    "teadmised",
    "teadmisi",
    "teadmine",
    "eelis",
    "eeliseks",
    "kasuks",
    "tuleb",
    "tulla",
    "soovitavalt",
    "soovitatav",
    "eelistatavalt",
    "varasem",
    "varasemat",
    "valmidus",
    "valmis",
    "võime",
    "võimet",
    "huvi",
    "soov",
    "arusaam",
    "arusaamine",
    "tundmine",
    "kokkupuude",
    "alal",
    "alane",
    "alast",
    "valdkonnas",
    "valdkonna",
    "valdkonnast",
    "valdkondlik",
    "eriala",
    "erialal",
    "erialane",
    "suuteline",
    "oskad",
    "oskab",
    "tead",
    "valdad",
    "kasutamine",
    "kasutamise",
    "nõutav",
    "nõutud",
    "kohustuslik",
    "vajalik",
    "aastane",
    "aasta",
    "aastat",
    "aastast",
    "kuud",
    "kuu",
    "kuune",
    "pikkune",
    "põhimõte",
    "põhimõtted",
    "lahendus",
    "lahendused",
    "võimalus",
    "kasutades",
    "mõista",
    "tegutseda",
    "töötada",
    "rakendada",
    "koostamine",
    "loomine",
    "vormistamine",
    "neile",
    "neid",
    "nad",
    "neil",
    "talle",
    "teda",
    "tema",
    "poole",
    "vahel",
    "päeval",
    "nädalas",
    "kohapeal",
    "kiiresti",
    "vabalt",
    "laiemalt",
    "inimene",
    "vastavus",
    "version",
    // Number words the requirement reader reads as years.
    "üks",
    "ühe",
    "kaks",
    "kahe",
    "kolm",
    "kolme",
    "neli",
    "nelja",
    "viis",
    "viie",
    "kuus",
    "kuue",
    "seitse",
    "seitsme",
    "kaheksa",
    "üheksa",
    "kümme",
    "kümne",
    "paari",
    "poolteist",
    // Traits: no profile item is evidence of them.
    "sõbralik",
    "avatud",
    "iseseisev",
    "kohusetundlik",
    "täpne",
    "paindlik",
    "koostöövalmis",
    "positiivne",
    "aktiivne",
    "ausus",
    "motiveeritud",
    "orienteeritud",
    "tulemustele",
    // English function words.
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "are",
    "be",
    "been",
    "you",
    "your",
    "we",
    "our",
    "us",
    "it's",
    "that",
    "this",
    "these",
    "those",
    "who",
    "which",
    "what",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "should",
    "must",
    "not",
    "no",
    "such",
    "other",
    "etc",
    "e.g",
    "i.e",
    "all",
    "any",
    "some",
    "more",
    "than",
    "into",
    "within",
    "across",
    "new",
    "well",
    "both",
    // English generic words of a requirement line.
    "experience",
    "experienced",
    "knowledge",
    "skill",
    "skills",
    "ability",
    "able",
    "strong",
    "good",
    "great",
    "excellent",
    "very",
    "solid",
    "proven",
    "least",
    "minimum",
    "year",
    "years",
    "month",
    "months",
    "required",
    "requirement",
    "preferred",
    "preferably",
    "plus",
    "advantage",
    "understanding",
    "familiarity",
    "familiar",
    "work",
    "working",
    "level",
    "fluent",
    "fluency",
    "one",
    "two",
    "three",
    "four",
    "five",
    "ideally",
    "relevant",
    "similar",
    "field",
    "degree",
    "friendly",
    "independent",
    "motivated",
    "oriented",
    "team-player",
    "willingness",
];

/// Parts that make a compound generic: "juhtimiskogemus" asks for
/// "juhtimis-", "suhtlemisoskus" for "suhtlemis-"; the part before them is
/// the content word.
const GENERIC_HEADS: &[&str] = &[
    "kogemus", "oskus", "teadmis", "võime", "alane", "alase", "alaste", "pädevus", "aastane",
    "aastase", "kuune",
];

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
}

/// A stop word, or a case form of a long one ("põhimõtetel",
/// "lahendamise"): the generic words of postings come in every case.
fn is_stop(word: &str) -> bool {
    if stop_words().contains(word) {
        return true;
    }
    if len(word) < MIN_SHARED {
        return false;
    }
    // The stems of the long stop words by their first five letters: a
    // case form shares at least those (every word of every profile text
    // is looked up here).
    static STEMS: std::sync::OnceLock<HashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let mut by_start: HashMap<String, Vec<String>> = HashMap::new();
        for s in STOP
            .iter()
            .filter(|s| len(s) >= MIN_SHARED)
            .map(|s| stem(s))
        {
            by_start.entry(start(&s)).or_default().push(s);
        }
        by_start
    });
    let own = stem(word);
    // All but one letter of the stop word's stem: "põhimõtetel" is
    // "põhimõte", but "Exceli" is not "excellent".
    stems.get(&start(&own)).is_some_and(|candidates| {
        candidates
            .iter()
            .any(|s| same_stem(s, &own) && shared_prefix(s, &own) + 1 >= len(s))
    })
}

/// The first [`MIN_SHARED`] letters.
fn start(s: &str) -> String {
    s.chars().take(MIN_SHARED).collect()
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// `word` lowercased with one case ending stripped, when at least
/// [`MIN_STEM`] letters stay: "x-teega" → "x-tee", "arhitektuuri" →
/// "arhitektuur", "juhtimise" and "juhtimine" → "juhtimi".
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    // "ies" is English "-ies" of "-y": "agencies" → "agency".
    if let Some(base) = lower.strip_suffix("ies")
        && len(base) + 1 >= MIN_STEM
    {
        return format!("{base}y");
    }
    ENDINGS
        .iter()
        .filter(|e| **e != "ies")
        .find_map(|e| {
            let base = lower.strip_suffix(e)?;
            // Not off a hyphen ("x-t"), and not below the minimum.
            (len(base) >= MIN_STEM && !base.ends_with('-')).then(|| base.to_string())
        })
        .unwrap_or(lower)
}

/// Letters two strings share from the start.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Two stems are forms of one word: equal, or a shared prefix of at least
/// [`MIN_SHARED`] letters and endings of at most [`MAX_ENDING`].
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shared = shared_prefix(a, b);
    let (ea, eb) = (len(a) - shared, len(b) - shared);
    // One word whole at the start of the other, three letters more, is
    // as likely a compound ("õigus" / "õigusakt") as a case form: only for
    // a part long enough to be sure ("analüüs" / "analüüsida").
    let whole_prefix = ea.min(eb) == 0 && ea.max(eb) >= MAX_ENDING;
    // After eight shared letters a fourth differing one is still an ending
    // ("architec-" / "architecture").
    let most = if shared >= 8 {
        MAX_ENDING + 1
    } else {
        MAX_ENDING
    };
    shared >= if whole_prefix { MIN_PART } else { MIN_SHARED } && ea <= most && eb <= most
}

/// How much stem `short` counts as part of the compound `long`: as its
/// head ([`HEAD`]), its first part ([`MODIFIER`]), or not at all.
fn compound_part(short: &str, long: &str) -> f32 {
    let (ls, ll) = (len(short), len(long));
    // The other part needs letters too: "teenus" is no compound of "teenused".
    if ls < MIN_PART || ll < ls + 3 {
        return 0.0;
    }
    // The head: a tail of `long` that is a form of `short`, the first part
    // at least three letters.
    for (i, (at, _)) in long.char_indices().enumerate() {
        if i < 3 {
            continue;
        }
        if i + MIN_PART > ll {
            break;
        }
        let tail = &long[at..];
        if shared_prefix(tail, short) >= MIN_PART && same_stem(tail, short) {
            return HEAD;
        }
    }
    // The first part: `long` starts with `short` (its last letter may be a
    // case ending: "teenus"/"teenuse-omanik").
    if shared_prefix(short, long) >= MIN_PART.max(ls - 1) {
        return MODIFIER;
    }
    0.0
}

/// How much two words count as one: [`SAME`], [`HEAD`], [`MODIFIER`] or 0.
pub fn similarity(a: &Word, b: &Word) -> f32 {
    // Stems against stems only: a stem against the other word as written
    // would stretch the shared-prefix rule twice ("õigusakt" / "õigusi").
    // Or one as written is the other's stem: "excel" (stemmed "exce", as
    // if "-l" were a case ending) and "Exceli".
    if a.lower == b.lower
        || a.forms.contains(&b.lower)
        || b.forms.contains(&a.lower)
        || a.forms
            .iter()
            .any(|x| b.forms.iter().any(|y| same_stem(x, y)))
    {
        return SAME;
    }
    // Compound parts also as written: a head may lose letters to the stem
    // ("ärianalüüs" → "ärianalüü" no longer ends in "analüüs").
    fn all(w: &Word) -> impl Iterator<Item = &str> {
        w.forms.iter().map(String::as_str).chain([w.lower.as_str()])
    }
    let mut best: f32 = 0.0;
    for x in all(a) {
        for y in all(b) {
            let s = if len(x) <= len(y) {
                compound_part(x, y)
            } else {
                compound_part(y, x)
            };
            best = best.max(s);
        }
    }
    best
}

/// The content word a raw token makes, if any: `None` for stop words,
/// numbers and CEFR level codes.
fn word(token: &str) -> Option<Word> {
    let mut lower = token.to_lowercase();
    // A generic compound keeps its content part: "juhtimiskogemus" →
    // "juhtimis"; with none left ("kogemusega", "3-aastane") it is no word.
    if let Some(at) = GENERIC_HEADS.iter().find_map(|h| lower.find(h)) {
        lower.truncate(at);
        let content = lower.trim_matches(|c: char| c == '-' || c.is_ascii_digit());
        if len(content) < 3 {
            return None;
        }
    }
    let lower = lower.trim_matches('-').to_string();
    if lower.is_empty()
        || is_stop(&lower)
        || lower.chars().all(|c| c.is_ascii_digit() || c == '-')
        || is_level_code(&lower)
    {
        return None;
    }
    let whole = stem(&lower);
    if is_stop(&whole) || len(&lower) < 2 {
        return None;
    }
    let mut forms = vec![whole];
    if lower.contains('-') {
        for part in lower.split('-') {
            // One letter ("x" of "X-tee") says nothing alone.
            if len(part) >= 2 && !is_stop(part) {
                let s = stem(part);
                if !forms.contains(&s) {
                    forms.push(s);
                }
            }
        }
    }
    Some(Word {
        text: token.trim_matches('-').to_string(),
        lower,
        forms,
    })
}

/// "A1" … "C2": the requirement reader reads these.
fn is_level_code(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && matches!(b[0], b'a'..=b'c') && matches!(b[1], b'1' | b'2')
}

/// The content words of a text, each once, in text order: markup and link
/// targets dropped, split at anything but letters, digits and hyphens.
pub fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for chunk in text.split_whitespace() {
        // "[GitHubis](https://…)": the label, not the address.
        let chunk = chunk.split("](").next().unwrap_or_default();
        if chunk.contains("://") || chunk.starts_with("www.") || chunk.contains('@') {
            continue;
        }
        for token in chunk.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if let Some(w) = word(token)
                && !out.iter().any(|o| o.forms[0] == w.forms[0])
            {
                out.push(w);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Word {
        let mut w = words(s);
        assert_eq!(w.len(), 1, "{s}: {w:?}");
        w.remove(0)
    }

    fn sim(a: &str, b: &str) -> f32 {
        similarity(&one(a), &one(b))
    }

    #[test]
    fn case_endings_are_one_word() {
        for (a, b) in [
            ("X-tee", "X-teega"),
            ("infoturbe", "infoturve"),
            ("projektijuhtimise", "projektijuhtimine"),
            ("arhitektuuri", "arhitektuur"),
            ("arhitektuuri", "Arhitektuur."),
            ("andmevahetuse", "andmevahetus"),
            ("teenuste", "teenused"),
            ("riigihangete", "riigihanked"),
            ("autentimislahendustega", "autentimislahendused"),
            ("agencies", "agency"),
            ("projects", "project"),
            ("management", "managing"),
            ("architect", "architecture"),
            ("Excel", "Exceli"),
        ] {
            assert_eq!(sim(a, b), SAME, "{a} / {b}");
        }
    }

    #[test]
    fn stems_keep_four_letters() {
        assert_eq!(stem("X-teega"), "x-tee");
        assert_eq!(stem("arhitektuuri"), "arhitektuur");
        assert_eq!(stem("juhtimine"), stem("juhtimise"));
        assert_eq!(stem("tees"), "tees");
        assert_eq!(stem("x-ti"), "x-ti");
        assert_eq!(stem(""), "");
    }

    #[test]
    fn compounds_match_their_parts() {
        // "IT-projektijuhtimise" is also "projektijuhtimine".
        let it = one("IT-projektijuhtimise");
        assert_eq!(similarity(&it, &one("projektijuhtimine")), SAME);
        assert_eq!(similarity(&it, &one("IT")), SAME);
        // The head of a compound carries its meaning.
        assert_eq!(sim("projektijuhtimise", "juhtimine"), HEAD);
        assert_eq!(sim("teenusedisain", "disain"), HEAD);
        assert_eq!(sim("ärianalüüs", "analüüsi"), HEAD);
        // Too short a part to be sure: a right is no legal act.
        assert_eq!(sim("intellektuaalomandiõiguse", "õigusi"), 0.0);
        assert_eq!(sim("õigusaktide", "õigusi"), 0.0);
        // The first part less so.
        assert_eq!(sim("teenuseomanik", "teenuse"), MODIFIER);
        // "teenuse disain" written as two words still meets the compound.
        let two = words("teenuse disain");
        let compound = one("teenusedisain");
        assert!(two.iter().all(|w| similarity(w, &compound) > 0.0));
    }

    #[test]
    fn different_words_do_not_match() {
        for (a, b) in [
            ("arendus", "analüüs"),
            ("koostöövõrgustiku", "koostööleping"),
            ("infoturve", "infosüsteem"),
            ("tee", "teenus"),
            ("projekt", "protsess"),
        ] {
            assert_eq!(
                similarity(&words(a)[0], &words(b)[0]),
                0.0,
                "{a} / {b} match"
            );
        }
    }

    #[test]
    fn generic_words_are_dropped() {
        let w: Vec<String> = words("Vähemalt 3-aastane juhtimiskogemus ja hea suhtlemisoskus, C1")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["juhtimiskogemus", "suhtlemisoskus"]);
        let w = words("juhtimiskogemus");
        assert_eq!(w[0].forms, ["juhtimi"]);
        assert!(words("kogemus oskus teadmised experience and skills").is_empty());
        assert!(words("[GitHubis](https://github.example.com/x) mari@example.ee").len() == 1);
    }
}
