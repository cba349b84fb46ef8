//! Inline Markdown of a line: links, bold, code marks, escapes.

use super::spaces;

/// A line's inline Markdown removed: links (`[text](url)` → text,
/// `<url>` → url), bold and code marks, backslash escapes, an italic line's
/// underscores; whitespace collapsed.
pub fn clean_inline(s: &str) -> String {
    let s = spaces(s);
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '[' => {
                // `[text](target)`: keep the text (an address target whose
                // text hides it is kept too).
                if let Some((text, target, end)) = md_link(&chars, i) {
                    let text = clean_inline(&text);
                    let addr = target.strip_prefix("mailto:").map(str::to_string);
                    match addr {
                        Some(a) if !text.contains('@') => {
                            if text.is_empty() || text.contains("protected") {
                                out.push_str(&a);
                            } else {
                                out.push_str(&format!("{text} ({a})"));
                            }
                        }
                        _ => out.push_str(&text),
                    }
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '<' => {
                let close = chars[i..].iter().position(|c| *c == '>').map(|p| p + i);
                match close {
                    Some(end) => {
                        let inner: String = chars[i + 1..end].iter().collect();
                        if inner.contains("://") || inner.contains('@') {
                            out.push_str(inner.trim_start_matches("mailto:"));
                            i = end + 1;
                        } else {
                            out.push(c);
                            i += 1;
                        }
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            '*' if chars.get(i + 1) == Some(&'*') => i += 2,
            '_' if chars.get(i + 1) == Some(&'_') => i += 2,
            '`' => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.len() > 2 && out.starts_with('_') && out.ends_with('_') {
        out = out[1..out.len() - 1].trim().to_string();
    }
    out
}

/// `[text](target)` at `start`: the text, the target and the index after it.
fn md_link(chars: &[char], start: usize) -> Option<(String, String, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (k, c) in chars.iter().enumerate().skip(start) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 2..].iter().position(|c| *c == ')')? + close + 2;
    let text: String = chars[start + 1..close].iter().collect();
    let target: String = chars[close + 2..end].iter().collect();
    Some((text, target.trim().to_string(), end + 1))
}
