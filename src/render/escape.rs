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
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
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
}
