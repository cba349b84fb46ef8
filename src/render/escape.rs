//! Escaping data for Typst. Two targets:
//! - markup (`escape_markup`): every ASCII punctuation character gets a
//!   backslash, so nothing from data can start a command, a comment, a label,
//!   math, a heading or a list, nor continue an expression written before it;
//! - string literals (`string_literal`): a complete `"…"` with `\\` and `\"`
//!   escaped and control characters written as `\u{…}`.

/// Characters that are markup in some position. Escaping them all is simpler
/// and safer than tracking positions; `\` before a non-space character is
/// always that character literally.
fn needs_backslash(c: char) -> bool {
    c.is_ascii_punctuation()
}

/// Escape plain text for Typst markup. A blank line stays a paragraph break and
/// a single newline stays a space; other control characters are dropped.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // CR LF and a lone CR are line ends.
        let c = if c == '\r' {
            if chars.peek() == Some(&'\n') {
                continue;
            }
            '\n'
        } else {
            c
        };
        if needs_backslash(c) {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\t' {
            out.push(if c == '\t' { ' ' } else { '\n' });
        } else if c.is_control() {
            // NUL, escape sequences and the like have no place in a document.
        } else {
            out.push(c);
        }
    }
    out
}

/// A complete Typst string literal, e.g. for a URL or PDF metadata.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape_markup("#set page(width: 1cm)"),
            "\\#set page\\(width\\: 1cm\\)"
        );
        assert_eq!(escape_markup("a // b /* c"), "a \\/\\/ b \\/\\* c");
        assert_eq!(escape_markup("= H\n- l\n+ e"), "\\= H\n\\- l\n\\+ e");
        assert_eq!(
            escape_markup("$x$ @ref <lbl> \\ _ ` ~"),
            "\\$x\\$ \\@ref \\<lbl\\> \\\\ \\_ \\` \\~"
        );
        assert_eq!(escape_markup("Õun ja šokolaad"), "Õun ja šokolaad");
    }

    #[test]
    fn drops_control_characters_but_keeps_paragraphs() {
        assert_eq!(escape_markup("a\0b\u{1b}c"), "abc");
        assert_eq!(escape_markup("a\r\n\r\nb"), "a\n\nb");
    }

    #[test]
    fn string_literals() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(string_literal("x\ny\u{7}"), "\"x\\ny\\u{7}\"");
        assert_eq!(
            string_literal("https://x.ee/?a=1#b"),
            "\"https://x.ee/?a=1#b\""
        );
    }

    // ---- properties -----------------------------------------------------

    use proptest::prelude::*;

    /// Every ASCII character that is special in Typst markup somewhere.
    const SPECIALS: &str = "\\#[]$*_`~<>@'\":=-+/;.(){},!?%&^|";

    /// Strings drawn mostly from Typst's special characters, with letters,
    /// spaces, line breaks, control characters and some non-ASCII mixed in.
    fn hostile_string() -> impl Strategy<Value = String> {
        let specials: Vec<char> = SPECIALS.chars().collect();
        let odd = vec![
            'õ', 'ä', 'ö', 'ü', 'š', 'ž', 'Õ', 'Ž', 'П', '\u{0}', '\u{1b}', '\u{7f}', '\u{85}',
            '\u{a0}', '\u{2028}', '\u{2029}', '\u{feff}', '«',
        ];
        let c = prop_oneof![
            10 => proptest::sample::select(specials),
            3 => proptest::char::range('a', 'z'),
            1 => proptest::char::range('0', '9'),
            3 => Just(' '),
            1 => Just('\n'),
            1 => Just('\r'),
            1 => Just('\t'),
            1 => proptest::sample::select(odd),
            1 => any::<char>(),
        ];
        proptest::collection::vec(c, 0..48).prop_map(|v| v.into_iter().collect())
    }

    /// Hostile strings, or arbitrary Unicode.
    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![3 => hostile_string(), 1 => any::<String>()]
    }

    /// Checks that every ASCII punctuation character in `out` is escaped: each
    /// is preceded by an odd number of backslashes, and a run of backslashes
    /// before anything else (a space, a line end, a letter, the end) is even,
    /// so that no backslash escapes a space or a line end (a line break).
    fn check_escaped(out: &str) -> Result<(), String> {
        // Whether the backslashes just before the current character are odd.
        let mut odd = false;
        for (i, c) in out.char_indices() {
            if c == '\\' {
                odd = !odd;
                continue;
            }
            if c.is_ascii_punctuation() && !odd {
                return Err(format!("unescaped {c:?} at byte {i} of {out:?}"));
            }
            if !c.is_ascii_punctuation() && odd {
                return Err(format!("a backslash escapes {c:?} at byte {i} of {out:?}"));
            }
            odd = false;
        }
        if odd {
            return Err(format!("dangling backslash at the end of {out:?}"));
        }
        Ok(())
    }

    /// What Typst shows for escaped markup (for text where every special
    /// character is escaped): a backslash and the character after it stand
    /// for that character.
    fn unescape_markup(out: &str) -> String {
        let mut text = String::new();
        let mut it = out.chars();
        while let Some(c) = it.next() {
            if c == '\\' {
                text.extend(it.next());
            } else {
                text.push(c);
            }
        }
        text
    }

    /// `text` as escape_markup promises to keep it: line ends normalized to
    /// `\n`, tabs as spaces, other control characters dropped.
    fn normalized(text: &str) -> String {
        text.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect()
    }

    /// A Typst string literal read back with Typst's rules: `\\`, `\"`, `\n`,
    /// `\r`, `\t` and `\u{hex}` are the only escapes; a bare `"` ends it.
    fn read_string_literal(lit: &str) -> Result<String, String> {
        let inner = lit
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .ok_or_else(|| format!("not quoted: {lit:?}"))?;
        let mut out = String::new();
        let mut it = inner.chars();
        while let Some(c) = it.next() {
            match c {
                '"' => return Err(format!("bare quote inside {lit:?}")),
                c if c.is_control() => return Err(format!("raw control {c:?} inside {lit:?}")),
                '\\' => match it.next() {
                    Some('\\') => out.push('\\'),
                    Some('"') => out.push('"'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        if it.next() != Some('{') {
                            return Err(format!("bad \\u in {lit:?}"));
                        }
                        let hex: String = it.by_ref().take_while(|&h| h != '}').collect();
                        let code =
                            u32::from_str_radix(&hex, 16).map_err(|e| format!("{e}: {lit:?}"))?;
                        out.push(
                            char::from_u32(code)
                                .ok_or_else(|| format!("bad code point in {lit:?}"))?,
                        );
                    }
                    other => return Err(format!("unknown escape {other:?} in {lit:?}")),
                },
                c => out.push(c),
            }
        }
        Ok(out)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn markup_escapes_every_special_character(s in any_text()) {
            let out = escape_markup(&s);
            if let Err(e) = check_escaped(&out) {
                return Err(TestCaseError::fail(e));
            }
            prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "control character in {:?}", out);
            prop_assert_eq!(unescape_markup(&out), normalized(&s));
        }

        #[test]
        fn string_literals_round_trip(s in any_text()) {
            let lit = string_literal(&s);
            prop_assert_eq!(read_string_literal(&lit).map_err(TestCaseError::fail)?, s);
        }

        /// Any string survives the profile loader when written as a YAML
        /// double-quoted scalar that escapes what YAML cannot hold raw.
        #[test]
        fn yaml_text_round_trips(s in any_text()) {
            prop_assert_eq!(load_text(&yaml_quote(&s))?, s);
        }

        /// A JSON string (what the end-to-end tests write) is a valid YAML
        /// double-quoted scalar, and read back verbatim, as long as it holds
        /// only characters YAML allows raw (serde_json leaves DEL, C1 controls
        /// and U+FEFF unescaped; YAML rejects a raw DEL).
        #[test]
        fn json_quoted_yaml_text_round_trips(s in any_text().prop_filter("YAML-printable", |s| s.chars().all(yaml_printable))) {
            let json = serde_json::to_string(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(load_text(&json)?, s);
        }
    }

    /// YAML 1.2 `c-printable`, minus the byte-order mark.
    fn yaml_printable(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
            && c != '\u{feff}'
    }

    /// A YAML double-quoted scalar for any string.
    fn yaml_quote(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c == ' ' || (c.is_ascii_graphic()) => out.push(c),
                c if yaml_printable(c) && !c.is_whitespace() && !c.is_control() => out.push(c),
                c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push_str(&format!("\\U{:08x}", c as u32)),
            }
        }
        out.push('"');
        out
    }

    /// Load `t: <scalar>` as a profile text, as the loader does for any field.
    fn load_text(scalar: &str) -> Result<String, TestCaseError> {
        #[derive(serde::Deserialize)]
        struct Doc {
            t: crate::model::Text,
        }
        let yaml = format!("t: {scalar}\n");
        let doc: Doc = crate::load::yaml::parse(&yaml, std::path::Path::new("t.yaml"))
            .map_err(|d| TestCaseError::fail(format!("{d} for {yaml:?}")))?;
        Ok(doc
            .t
            .get(crate::model::Lang::Et, None)
            .unwrap_or_default()
            .to_string())
    }

    #[test]
    fn escaping_checker_catches_mistakes() {
        assert!(check_escaped("a\\#b\\\\").is_ok());
        assert!(check_escaped("#").is_err());
        assert!(check_escaped("\\\\#").is_err());
        assert!(check_escaped("a\\ b").is_err());
        assert!(check_escaped("a\\").is_err());
        assert_eq!(
            read_string_literal("\"a\\u{41}\\\"\""),
            Ok("aA\"".to_string())
        );
        assert!(read_string_literal("\"a\"b\"").is_err());
    }
}
