//! Inline markup (parsed by `model::markup`) as Typst: every piece of text
//! escaped, the program's own `#strong[…]`, `#emph[…]` and `#link("…")[…]`
//! around it.

use super::escape::{escape_markup, string_literal};
use crate::model::markup::Span;

/// Typst markup for spans; every piece of text is escaped.
pub fn to_typst(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&escape_markup(t)),
            Span::Strong(inner) => {
                out.push_str("#strong[");
                out.push_str(&to_typst(inner));
                out.push(']');
            }
            Span::Emph(inner) => {
                out.push_str("#emph[");
                out.push_str(&to_typst(inner));
                out.push(']');
            }
            Span::Link { label, url } => {
                out.push_str("#link(");
                out.push_str(&string_literal(url.trim()));
                out.push_str(")[");
                out.push_str(&to_typst(label));
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::markup::{emphasize, parse, to_plain, typeset};

    #[test]
    fn typst_output_escapes_inside_markup() {
        assert_eq!(to_typst(&parse("**#x**")), "#strong[\\#x]");
        assert_eq!(
            to_typst(&parse("[a](https://x.ee/\"#)")),
            "#link(\"https://x.ee/\\\"#\")[a]"
        );
    }

    // ---- properties -----------------------------------------------------

    use proptest::prelude::*;

    /// Strings drawn mostly from the markup markers and Typst's special
    /// characters, with letters, spaces, line breaks and URLs mixed in.
    fn hostile_string() -> impl Strategy<Value = String> {
        let specials: Vec<char> = "\\#[]$*_`~<>@'\":=-+/;.(){},!?%&^|".chars().collect();
        let piece = prop_oneof![
            6 => proptest::sample::select(specials).prop_map(String::from),
            4 => proptest::sample::select(vec!["*", "**", "[", "](", ")", "](https://x.ee)", "https://a.b/c?d=e#f", "mailto:a@b.ee"])
                .prop_map(String::from),
            3 => proptest::char::range('a', 'z').prop_map(String::from),
            2 => Just(" ".to_string()),
            1 => Just("\n".to_string()),
            1 => proptest::sample::select(vec!["õ", "Š", "П", "\t", "\r", "\u{0}", "\u{2028}"]).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![3 => hostile_string(), 1 => any::<String>()]
    }

    /// Whether `sub` can be obtained from `s` by deleting characters.
    fn is_subsequence(sub: &str, s: &str) -> bool {
        let mut it = s.chars();
        sub.chars().all(|c| it.any(|x| x == c))
    }

    /// Checks the Typst produced for spans: outside the program's own
    /// `#strong[`, `#emph[`, `#link("…")[` and their closing `]`, every ASCII
    /// punctuation character is escaped, a backslash only ever escapes one,
    /// and the brackets balance. So data never starts code nor closes or
    /// continues the program's constructs.
    fn check_typst(out: &str) -> Result<(), String> {
        let c: Vec<char> = out.chars().collect();
        let at = |i: usize, p: &str| {
            p.chars()
                .enumerate()
                .all(|(k, pc)| c.get(i + k) == Some(&pc))
        };
        let mut depth = 0usize;
        let mut i = 0;
        while i < c.len() {
            if c[i] == '\\' {
                match c.get(i + 1) {
                    Some(n) if n.is_ascii_punctuation() => i += 2,
                    other => return Err(format!("backslash before {other:?} at {i} in {out:?}")),
                }
                continue;
            }
            if at(i, "#strong[") || at(i, "#emph[") {
                depth += 1;
                i += if at(i, "#emph[") { 6 } else { 8 };
                continue;
            }
            if at(i, "#link(\"") {
                i += 7;
                loop {
                    match c.get(i) {
                        None => return Err(format!("unterminated link url in {out:?}")),
                        Some('\\') => i += 2,
                        Some('"') => break,
                        Some(_) => i += 1,
                    }
                }
                if !at(i, "\")[") {
                    return Err(format!("link url not followed by `)[` at {i} in {out:?}"));
                }
                depth += 1;
                i += 3;
                continue;
            }
            if c[i] == ']' && depth > 0 {
                depth -= 1;
                i += 1;
                continue;
            }
            if c[i].is_ascii_punctuation() {
                return Err(format!("unescaped {:?} at {i} in {out:?}", c[i]));
            }
            i += 1;
        }
        if depth != 0 {
            return Err(format!("unbalanced brackets in {out:?}"));
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Whatever the input, the Typst output is escaped data inside the
        /// program's own constructs, with or without emphasized phrases.
        #[test]
        fn typst_output_is_escaped_data_in_balanced_constructs(s in any_text()) {
            let spans = emphasize(parse(&s), &["a".to_string(), "#x]".to_string()]);
            check_typst(&to_typst(&spans)).map_err(TestCaseError::fail)?;
        }

        /// Parsing is total, and removing markup only ever deletes characters.
        #[test]
        fn parse_is_total_and_plain_text_is_a_subsequence(s in any_text()) {
            let spans = parse(&s);
            let plain = to_plain(&spans);
            let _ = to_typst(&spans);
            prop_assert!(is_subsequence(&plain, &s), "{:?} → {:?}", s, plain);
            let emphasized = emphasize(spans, &["a".to_string(), "x y".to_string(), "**".to_string()]);
            prop_assert_eq!(to_plain(&emphasized), plain);
        }

        /// Typography over spans is typography over their text: the markers
        /// between the pieces change none of it (a quote next to bold text
        /// turns the way it would without the bold).
        #[test]
        fn typography_does_not_see_the_markers(s in any_text()) {
            let spans = emphasize(parse(&s), &["a".to_string(), "x y".to_string()]);
            for lang in [Lang::Et, Lang::En] {
                let plain = to_plain(&spans);
                prop_assert_eq!(
                    to_plain(&typeset(spans.clone(), lang)),
                    crate::model::typography::typeset(&plain, lang)
                );
            }
        }

        /// Without `*` or `[` there is no markup: the text is unchanged and its
        /// Typst form is the plain escape.
        #[test]
        fn text_without_markers_is_unchanged(s in any_text().prop_map(|s| s.replace(['*', '['], ""))) {
            let spans = parse(&s);
            prop_assert_eq!(to_plain(&spans), s.clone());
            prop_assert_eq!(to_typst(&spans), escape_markup(&s));
        }
    }

    #[test]
    fn typst_checker_catches_mistakes() {
        assert!(check_typst("#strong[a\\#] \\(x\\) #link(\"https://x.ee/\\\"\")[l]").is_ok());
        assert!(check_typst("#strong[a](b)").is_err());
        assert!(check_typst("#strong[a").is_err());
        assert!(check_typst("a\\ b").is_err());
        assert!(check_typst("#set page(width: 1cm)").is_err());
    }
}
