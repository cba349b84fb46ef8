//! JSON as people save it: a byte-order mark (Windows Notepad writes one),
//! `//` and `/* */` comments and trailing commas (JSONC, as editors allow).
//! They are blanked out in place — replaced by spaces, line breaks kept — so
//! that the line and column of a real syntax error stay those of the file.

use std::fmt;

/// What was blanked out, for the import's notes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// 1-based lines holding a comment.
    pub comment_lines: Vec<usize>,
    /// 1-based lines holding a trailing comma.
    pub comma_lines: Vec<usize>,
}

/// A JSON syntax error at a place of the file.
#[derive(Debug)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: not valid JSON: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Parse `text` leniently; a real syntax error names its line and column.
pub fn parse(text: &str) -> Result<(serde_json::Value, Cleaned), SyntaxError> {
    let cleaned = clean(text);
    match serde_json::from_str(&cleaned.text) {
        Ok(v) => Ok((v, cleaned)),
        Err(e) => {
            // serde_json's message ends in " at line L column C": the place
            // goes in front instead.
            let full = e.to_string();
            let message = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(m, _)| m)
                .to_string();
            Err(SyntaxError {
                line: e.line(),
                column: e.column(),
                message,
            })
        }
    }
}

/// Blank out a BOM, comments and trailing commas.
pub fn clean(text: &str) -> Cleaned {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut comment_lines = Vec::new();
    let mut comma_lines = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Where the last comma outside a string went in `out`, with its line,
    // while only white space and comments followed it.
    let mut pending_comma: Option<(usize, usize)> = None;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                pending_comma = None;
                out.push(c);
                i += 1;
                while i < chars.len() {
                    let s = chars[i];
                    out.push(s);
                    i += 1;
                    if s == '\\' && i < chars.len() {
                        out.push(chars[i]);
                        i += 1;
                    } else if s == '"' {
                        break;
                    } else if s == '\n' {
                        line += 1;
                    }
                }
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                push_line(&mut comment_lines, line);
                while i < chars.len() && chars[i] != '\n' {
                    out.push(' ');
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                push_line(&mut comment_lines, line);
                out.extend([' ', ' ']);
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    if chars[i] == '\n' {
                        line += 1;
                        out.push('\n');
                        push_line(&mut comment_lines, line);
                    } else {
                        out.push(' ');
                    }
                    i += 1;
                }
                if i < chars.len() {
                    out.extend([' ', ' ']);
                    i += 2;
                }
            }
            ',' => {
                pending_comma = Some((out.len(), line));
                out.push(c);
                i += 1;
            }
            ']' | '}' => {
                if let Some((at, l)) = pending_comma.take() {
                    out[at] = ' ';
                    push_line(&mut comma_lines, l);
                }
                out.push(c);
                i += 1;
            }
            _ => {
                if c == '\n' {
                    line += 1;
                }
                if !c.is_whitespace() {
                    pending_comma = None;
                }
                out.push(c);
                i += 1;
            }
        }
    }
    Cleaned {
        text: out.into_iter().collect(),
        comment_lines,
        comma_lines,
    }
}

fn push_line(lines: &mut Vec<usize>, line: usize) {
    if lines.last() != Some(&line) {
        lines.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let (v, c) = parse("\u{feff}{\"a\": 1}").expect("parses");
        assert_eq!(v["a"], 1);
        assert!(c.comment_lines.is_empty() && c.comma_lines.is_empty());
    }

    #[test]
    fn comments_and_trailing_commas_are_blanked_with_their_lines() {
        let text = "{\n  // the name\n  \"name\": \"Mari // not a comment\", /* a\n  block */\n  \"list\": [1, 2,],\n}\n";
        let (v, c) = parse(text).expect("parses");
        assert_eq!(v["name"], "Mari // not a comment");
        assert_eq!(v["list"], serde_json::json!([1, 2]));
        assert_eq!(c.comment_lines, [2, 3, 4]);
        assert_eq!(c.comma_lines, [5]);
        assert_eq!(c.text.lines().count(), text.lines().count());
    }

    #[test]
    fn strings_keep_slashes_escapes_and_commas() {
        let (v, _) =
            parse(r#"{"url": "https://x.ee/a,]", "q": "say \"hi\", // no"}"#).expect("parses");
        assert_eq!(v["url"], "https://x.ee/a,]");
        assert_eq!(v["q"], "say \"hi\", // no");
    }

    #[test]
    fn a_real_error_names_line_and_column_of_the_file() {
        let e = parse("{\n  // c\n  \"a\": 1\n  \"b\": 2\n}").expect_err("broken");
        assert_eq!((e.line, e.column), (4, 3));
        assert!(
            e.to_string().starts_with("4:3: not valid JSON: expected"),
            "{e}"
        );
        assert!(!e.to_string().contains("at line"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,60}") {
            let _ = parse(&text);
        }
    }
}
