//! The tiny inline markup users may write in text (parsed here, below the
//! tailor and render stages that both use it): `**bold**`, `*italic*` and
//! `[label](https://url)`. Everything else is literal. The parse is total: any
//! input gives spans, and unmatched markers stay as plain characters.

use super::Lang;
use super::typography::typeset_pieces;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(Vec<Span>),
    Emph(Vec<Span>),
    Link { label: Vec<Span>, url: String },
}

/// Parse inline markup.
pub fn parse(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    parse_range(&chars, 0)
}

fn parse_range(c: &[char], depth: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let flush = |plain: &mut String, out: &mut Vec<Span>| {
        if !plain.is_empty() {
            out.push(Span::Text(std::mem::take(plain)));
        }
    };
    while i < c.len() {
        if depth < 4 {
            // **bold**: exactly two stars open and close; the first `**` after the opener closes.
            if is_run(c, i, 2)
                && non_space(c, i + 2)
                && let Some(end) = (i + 3..c.len())
                    .find(|&k| is_run(c, k, 2))
                    .filter(|&e| non_space(c, e - 1))
            {
                flush(&mut plain, &mut out);
                out.push(Span::Strong(parse_range(&c[i + 2..end], depth + 1)));
                i = end + 2;
                continue;
            }
            // *italic*: a lone star opens and the next lone star closes.
            if is_run(c, i, 1)
                && non_space(c, i + 1)
                && let Some(end) = (i + 2..c.len())
                    .find(|&k| is_run(c, k, 1))
                    .filter(|&e| non_space(c, e - 1))
            {
                flush(&mut plain, &mut out);
                out.push(Span::Emph(parse_range(&c[i + 1..end], depth + 1)));
                i = end + 1;
                continue;
            }
            // [label](url): the label ends at the first `]`, which `(` must
            // follow; it holds no bracket and no paragraph break, so that
            // "[2015-2016].\n\n… [St. Anthony's](url)" links only the
            // second (a link across paragraphs cannot be tagged, and PDF/UA
            // refuses it).
            if c[i] == '['
                && let Some(close) = (i + 1..c.len())
                    .find(|&k| c[k] == '[' || c[k] == ']')
                    .filter(|&e| e > i + 1 && c[e] == ']' && c.get(e + 1) == Some(&'('))
                && find_seq(&c[i + 1..close], 0, &['\n', '\n']).is_none()
                && let Some(paren) = c[close + 2..]
                    .iter()
                    .position(|&x| x == ')')
                    .map(|p| p + close + 2)
            {
                let url: String = c[close + 2..paren].iter().collect();
                if is_link_target(&url) {
                    flush(&mut plain, &mut out);
                    out.push(Span::Link {
                        label: parse_range(&c[i + 1..close], depth + 1),
                        url,
                    });
                    i = paren + 1;
                    continue;
                }
            }
        }
        plain.push(c[i]);
        i += 1;
    }
    flush(&mut plain, &mut out);
    out
}

fn find_seq(c: &[char], from: usize, seq: &[char]) -> Option<usize> {
    (from..c.len().saturating_sub(seq.len() - 1)).find(|&k| c[k..k + seq.len()] == *seq)
}

/// Whether exactly `n` stars start at `k` (no star just before or after):
/// a star that touches others belongs to its run, and runs of three or more
/// are never markup.
fn is_run(c: &[char], k: usize, n: usize) -> bool {
    k + n <= c.len()
        && c[k..k + n].iter().all(|&x| x == '*')
        && (k == 0 || c[k - 1] != '*')
        && c.get(k + n) != Some(&'*')
}

fn non_space(c: &[char], k: usize) -> bool {
    c.get(k).is_some_and(|x| !x.is_whitespace())
}

/// Only web and mail links; `javascript:` and file paths stay text.
fn is_link_target(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    !u.contains(char::is_whitespace)
        && (u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:"))
        && u.len() > 8
}

/// Mark every occurrence of `phrases` (case-sensitive, whole words) as strong,
/// inside plain text only; longer phrases win over shorter ones.
pub fn emphasize(spans: Vec<Span>, phrases: &[String]) -> Vec<Span> {
    if phrases.is_empty() {
        return spans;
    }
    let mut sorted: Vec<&str> = phrases
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    let mut out = Vec::new();
    for span in spans {
        match span {
            Span::Text(t) => out.extend(emphasize_text(&t, &sorted)),
            Span::Emph(inner) => out.push(Span::Emph(emphasize(inner, phrases))),
            other => out.push(other),
        }
    }
    out
}

fn emphasize_text(text: &str, phrases: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut prev: Option<char> = None;
    let mut rest = text;
    'outer: while !rest.is_empty() {
        if prev.is_none_or(|c| !c.is_alphanumeric()) {
            for p in phrases {
                if let Some(after) = rest.strip_prefix(p)
                    && after.chars().next().is_none_or(|c| !c.is_alphanumeric())
                {
                    if !plain.is_empty() {
                        out.push(Span::Text(std::mem::take(&mut plain)));
                    }
                    out.push(Span::Strong(vec![Span::Text((*p).to_string())]));
                    prev = p.chars().last();
                    rest = after;
                    continue 'outer;
                }
            }
        }
        let mut it = rest.chars();
        if let Some(c) = it.next() {
            plain.push(c);
            prev = Some(c);
        }
        rest = it.as_str();
    }
    if !plain.is_empty() {
        out.push(Span::Text(plain));
    }
    out
}

/// The text without markup, for metadata and plain contexts.
pub fn to_plain(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(t),
            Span::Strong(inner) | Span::Emph(inner) | Span::Link { label: inner, .. } => {
                out.push_str(&to_plain(inner))
            }
        }
    }
    out
}

/// The spans with the language's typography applied to their text, as one
/// text (never to link targets): a quote, an apostrophe or a range next to
/// a marker is set as it would be without the marker (`**Mari**'s` →
/// `**Mari**’s`, `"**x** y"` → `“**x** y”`).
pub fn typeset(mut spans: Vec<Span>, lang: Lang) -> Vec<Span> {
    let mut texts = Vec::new();
    texts_mut(&mut spans, &mut texts);
    let pieces: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
    let typeset = typeset_pieces(&pieces, lang);
    for (text, new) in texts.into_iter().zip(typeset) {
        *text = new;
    }
    spans
}

/// Every piece of text of `spans`, in reading order.
fn texts_mut<'a>(spans: &'a mut [Span], out: &mut Vec<&'a mut String>) {
    for s in spans {
        match s {
            Span::Text(t) => out.push(t),
            Span::Strong(inner) | Span::Emph(inner) | Span::Link { label: inner, .. } => {
                texts_mut(inner, out)
            }
        }
    }
}

/// `text` with its markup removed.
pub fn plain(text: &str) -> String {
    to_plain(&parse(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Span {
        Span::Text(s.into())
    }

    #[test]
    fn parses_bold_italic_links() {
        assert_eq!(
            parse("a **b** c"),
            vec![t("a "), Span::Strong(vec![t("b")]), t(" c")]
        );
        assert_eq!(parse("*x*"), vec![Span::Emph(vec![t("x")])]);
        assert_eq!(
            parse("see [RIA](https://ria.ee)."),
            vec![
                t("see "),
                Span::Link {
                    label: vec![t("RIA")],
                    url: "https://ria.ee".into()
                },
                t(".")
            ]
        );
    }

    #[test]
    fn a_link_label_holds_no_bracket_and_no_paragraph_break() {
        let spans = parse("[2015-2016].\n\nVolunteer at [St. Anthony's](https://x.org/) [2012].");
        let links: Vec<&Span> = spans
            .iter()
            .filter(|s| matches!(s, Span::Link { .. }))
            .collect();
        assert_eq!(links.len(), 1, "{spans:?}");
        assert!(matches!(links[0], Span::Link { label, .. } if to_plain(label) == "St. Anthony's"));
        let nested = parse("[[1](https://a.org/)] [x\n\ny](https://b.org/)");
        assert_eq!(to_plain(&nested), "[1] [x\n\ny](https://b.org/)");
    }

    #[test]
    fn unmatched_markers_stay_literal() {
        for s in [
            "2 * 3 = 6",
            "a ** b",
            "*",
            "**",
            "***",
            "[x](javascript:alert(1))",
            "[a](b",
            "x*y",
        ] {
            assert_eq!(to_plain(&parse(s)), s, "{s}");
        }
        assert_eq!(parse("5 * 4 * 3"), vec![t("5 * 4 * 3")]);
    }

    #[test]
    fn emphasizes_whole_phrases() {
        let spans = emphasize(
            parse("Agile coach, Product Owner; Agilex"),
            &["Agile".into(), "Product Owner".into()],
        );
        assert_eq!(
            spans,
            vec![
                Span::Strong(vec![t("Agile")]),
                t(" coach, "),
                Span::Strong(vec![t("Product Owner")]),
                t("; Agilex")
            ]
        );
        assert_eq!(to_plain(&spans), "Agile coach, Product Owner; Agilex");
    }

    #[test]
    fn empty_markers_stay_literal() {
        for s in ["****", "a****b", "*****"] {
            assert_eq!(to_plain(&parse(s)), s, "{s:?}");
        }
    }

    /// Typography runs over the whole text, across bold, italic and link
    /// markers and the bold of emphasized phrases.
    #[test]
    fn typography_across_markup() {
        let en = |s: &str, phrases: &[&str]| {
            let phrases: Vec<String> = phrases.iter().map(|p| p.to_string()).collect();
            typeset(emphasize(parse(s), &phrases), Lang::En)
        };
        let strong = |s: &str| Span::Strong(vec![t(s)]);
        assert_eq!(
            en(r#"**Mari**'s "**TARA**" x"#, &[]),
            vec![strong("Mari"), t("’s “"), strong("TARA"), t("” x")]
        );
        assert_eq!(
            en(r#""**bold** inside""#, &[]),
            vec![t("“"), strong("bold"), t(" inside”")]
        );
        assert_eq!(
            en(r#"Master's thesis "Reuse via X-Road""#, &["X-Road"]),
            vec![t("Master’s thesis “Reuse via "), strong("X-Road"), t("”")]
        );
        assert_eq!(
            en("2019-**2021**", &[]),
            vec![t("2019–\u{2060}"), strong("2021")]
        );
        // A link's label is text like any other; its target is left alone.
        assert_eq!(
            en(r#""[RIA's](https://x.ee/a'b"c)""#, &[]),
            vec![
                t("“"),
                Span::Link {
                    label: vec![t("RIA’s")],
                    url: r#"https://x.ee/a'b"c"#.into()
                },
                t("”")
            ]
        );
        assert_eq!(
            typeset(parse(r#""**TARA**" *Mari*'s"#), Lang::Et),
            vec![
                t("„"),
                strong("TARA"),
                t("“ "),
                Span::Emph(vec![t("Mari")]),
                t("’s")
            ]
        );
    }
}
