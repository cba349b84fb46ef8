//! A draft tailoring file as YAML text, written by hand rather than through
//! a serializer: the draft carries comments (where each value was read, why
//! each piece of evidence was suggested), and every value from the posting
//! is a double-quoted scalar, so no text of a posting can become YAML
//! structure.

use std::fmt::Write as _;

/// A YAML double-quoted scalar: a JSON string is one.
pub fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// Text for a comment: one line, no control characters.
pub fn comment(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines of YAML with an optional trailing comment each, indented.
#[derive(Default)]
pub struct Out {
    pub text: String,
}

impl Out {
    /// `key: value  # note` at `indent` spaces.
    pub fn field(&mut self, indent: usize, key: &str, value: &str, note: Option<&str>) {
        let _ = write!(self.text, "{:indent$}{key}: {value}", "");
        self.note(note);
    }

    /// `- value  # note`.
    pub fn item(&mut self, indent: usize, value: &str, note: Option<&str>) {
        let _ = write!(self.text, "{:indent$}- {value}", "");
        self.note(note);
    }

    /// A line as it is (a key opening a block, a comment).
    pub fn line(&mut self, indent: usize, s: &str) {
        let _ = writeln!(self.text, "{:indent$}{s}", "");
    }

    pub fn blank(&mut self) {
        self.text.push('\n');
    }

    fn note(&mut self, note: Option<&str>) {
        match note.map(comment).filter(|n| !n.is_empty()) {
            Some(n) => {
                let _ = writeln!(self.text, "  # {n}");
            }
            None => self.text.push('\n'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_text_a_string() {
        for s in [
            "Tiimijuht",
            "key: value",
            "- item",
            "# not a comment",
            "{{ posting.position }}",
            "yes",
            "2025-12-29",
            "\"quoted\" and \\ back",
            "line\nbreak",
            "õ ä ö ü š ž",
            "",
        ] {
            let yaml = format!("v: {}\n", quoted(s));
            let back: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).expect("parses");
            assert_eq!(back["v"], s, "{yaml}");
        }
    }

    #[test]
    fn comments_are_one_line() {
        assert_eq!(comment("a\nb\tc  d\r\n"), "a b c d");
    }
}
