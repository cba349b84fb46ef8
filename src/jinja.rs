//! minijinja as both the letter body (tailor) and the layouts (render) use
//! it: where an error is, in words a template writer understands.

use crate::diag::{Diagnostic, Pos};

/// The block tag (`if`, `for`, …) left open in `source`, innermost first,
/// with its line: the cause of an "unexpected end of input".
pub fn unclosed_block(source: &str) -> Option<(u32, String)> {
    const OPENERS: [&str; 7] = ["if", "for", "macro", "call", "filter", "with", "block"];
    let mut open: Vec<(u32, String)> = Vec::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(i) = rest.find("{%") {
        let tag_start = offset + i + 2;
        let tag: String = source[tag_start..]
            .trim_start_matches(['-', '+', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let line = source[..tag_start].matches('\n').count() as u32 + 1;
        if OPENERS.contains(&tag.as_str()) {
            open.push((line, tag));
        } else if let Some(closed) = tag.strip_prefix("end")
            && open.last().is_some_and(|(_, t)| t == closed)
        {
            open.pop();
        }
        offset = tag_start;
        rest = &source[offset..];
    }
    open.pop()
}

/// For a template that ends inside a block, point at the block's opening
/// line (`first_line` is the line of the template's first line in its file).
pub fn unclosed_hint(
    mut d: Diagnostic,
    e: &minijinja::Error,
    source: &str,
    first_line: u32,
) -> Diagnostic {
    if e.kind() == minijinja::ErrorKind::SyntaxError
        && e.detail().is_some_and(|x| x.contains("end of input"))
        && let Some((line, tag)) = unclosed_block(source)
    {
        d.message =
            format!("`{{% {tag} %}}` on this line is never closed (`{{% end{tag} %}}` is missing)");
        d.pos = Pos {
            line: first_line + line - 1,
            column: 1,
        };
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_unclosed_block() {
        assert_eq!(
            unclosed_block("a\n{% if x %}\nb\n{% for y in z %}{% endfor %}\n"),
            Some((2, "if".into()))
        );
        assert_eq!(unclosed_block("{% if x %}{% endif %}"), None);
        assert_eq!(
            unclosed_block("{%- for a in b -%}\n{% if c %}{% endif %}"),
            Some((1, "for".into()))
        );
    }
}
