//! Language codes: Europass writes ISO 639-2 (terminology) codes (`est`,
//! `deu`); profiles use ISO 639-1 ids (`et`, `de`) by convention, the
//! legacy format too.

/// ISO 639-1, ISO 639-2/T, ISO 639-2/B where it differs, English name.
const LANGUAGES: &[(&str, &str, &str, &str)] = &[
    ("ar", "ara", "", "Arabic"),
    ("bg", "bul", "", "Bulgarian"),
    ("bs", "bos", "", "Bosnian"),
    ("ca", "cat", "", "Catalan"),
    ("cs", "ces", "cze", "Czech"),
    ("cy", "cym", "wel", "Welsh"),
    ("da", "dan", "", "Danish"),
    ("de", "deu", "ger", "German"),
    ("el", "ell", "gre", "Greek"),
    ("en", "eng", "", "English"),
    ("es", "spa", "", "Spanish"),
    ("et", "est", "", "Estonian"),
    ("eu", "eus", "baq", "Basque"),
    ("fa", "fas", "per", "Persian"),
    ("fi", "fin", "", "Finnish"),
    ("fr", "fra", "fre", "French"),
    ("ga", "gle", "", "Irish"),
    ("he", "heb", "", "Hebrew"),
    ("hi", "hin", "", "Hindi"),
    ("hr", "hrv", "", "Croatian"),
    ("hu", "hun", "", "Hungarian"),
    ("hy", "hye", "arm", "Armenian"),
    ("is", "isl", "ice", "Icelandic"),
    ("it", "ita", "", "Italian"),
    ("ja", "jpn", "", "Japanese"),
    ("ka", "kat", "geo", "Georgian"),
    ("ko", "kor", "", "Korean"),
    ("lb", "ltz", "", "Luxembourgish"),
    ("lt", "lit", "", "Lithuanian"),
    ("lv", "lav", "", "Latvian"),
    ("mk", "mkd", "mac", "Macedonian"),
    ("mt", "mlt", "", "Maltese"),
    ("nl", "nld", "dut", "Dutch"),
    ("no", "nor", "", "Norwegian"),
    ("nb", "nob", "", "Norwegian Bokmål"),
    ("nn", "nno", "", "Norwegian Nynorsk"),
    ("pl", "pol", "", "Polish"),
    ("pt", "por", "", "Portuguese"),
    ("ro", "ron", "rum", "Romanian"),
    ("ru", "rus", "", "Russian"),
    ("sk", "slk", "slo", "Slovak"),
    ("sl", "slv", "", "Slovenian"),
    ("sq", "sqi", "alb", "Albanian"),
    ("sr", "srp", "", "Serbian"),
    ("sv", "swe", "", "Swedish"),
    ("tr", "tur", "", "Turkish"),
    ("uk", "ukr", "", "Ukrainian"),
    ("zh", "zho", "chi", "Chinese"),
];

/// The ISO 639-2 code of a profile language id (`et` → `est`); an id that
/// is a three-letter code already stays. `None`: not a code known here.
pub fn iso639_2(id: &str) -> Option<&'static str> {
    let id = id.trim().to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|(one, t, b, _)| *one == id || *t == id || (!b.is_empty() && *b == id))
        .map(|(_, t, _, _)| *t)
}

/// The same, from an English language name (`Estonian` → `est`).
pub fn iso639_2_by_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    LANGUAGES
        .iter()
        .find(|(_, _, _, n)| n.eq_ignore_ascii_case(name))
        .map(|(_, t, _, _)| *t)
}

/// The ISO 639-1 code (a profile's language id) of a Europass code, two
/// or three letters (`est`, `ger`, `et`), with its English name.
pub fn from_code(code: &str) -> Option<(&'static str, &'static str)> {
    let code = code.trim().to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|(one, t, b, _)| *one == code || *t == code || (!b.is_empty() && *b == code))
        .map(|(one, _, _, name)| (*one, *name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_both_ways() {
        assert_eq!(iso639_2("et"), Some("est"));
        assert_eq!(iso639_2("de"), Some("deu"));
        assert_eq!(iso639_2("ger"), Some("deu"));
        assert_eq!(iso639_2("xx"), None);
        assert_eq!(iso639_2_by_name("Russian"), Some("rus"));
        assert_eq!(from_code("est"), Some(("et", "Estonian")));
        assert_eq!(from_code("fre"), Some(("fr", "French")));
        assert_eq!(from_code("EN"), Some(("en", "English")));
    }
}
