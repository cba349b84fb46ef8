//! All YAML handling lives here. We use serde-saphyr (not serde_yaml, which is
//! archived and cannot tell the line of a *value*): it gives `Spanned` locations
//! for any value, rejects duplicate keys and enforces input budgets against
//! alias bombs and deep nesting. serde_path_to_error adds the field path.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Pos, did_you_mean};

/// Largest YAML file we read; a profile is a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Limits far above any real profile (a few hundred nodes, a handful of
/// anchors) and far below what hurts: an alias bomb or a 100-level nesting is
/// refused in milliseconds.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_events: 500_000,
            max_nodes: 200_000,
            max_total_scalar_bytes: 8 * 1024 * 1024,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 20_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 1_000,
        },
    }
}

/// Parse `text` (the contents of `file`, shown as given) into `T`.
pub fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Diagnostic> {
    // Tracking the field path makes parsing about four times slower, so it is
    // done only to explain an error.
    match serde_saphyr::from_str_with_options(text, options()) {
        Ok(value) => Ok(value),
        Err(_) => parse_with_path(text, file),
    }
}

fn parse_with_path<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Diagnostic> {
    let mut field = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            field = clean_path(&e.path().to_string());
            e.into_inner()
        })
    });
    let field = items_by_id(&field, text);
    result.map_err(|e| {
        let mut pos = e.location().map(|l| Pos::from(&l)).unwrap_or_default();
        let mut message = friendly_message(&e.without_snippet().to_string());
        let flow_trouble = ["indicator", "flow", "expected ','", "unclosed bracket"]
            .iter()
            .any(|w| message.contains(w));
        if flow_trouble && let Some(open) = unclosed_bracket_before(text, pos.line) {
            // The parser notices only a line or two later; point at the cause.
            message = format!(
                "this `{}` is never closed (the parser stopped at line {}: {message})",
                open.2, pos.line
            );
            pos = Pos {
                line: open.0,
                column: open.1,
            };
        } else if message.contains("tabs cannot indent") {
            if let Some(tab) = first_indenting_tab(text, pos.line) {
                pos = tab;
            }
        } else if message.starts_with("missing required key") {
            // serde notices at the end of the map; name the map instead.
            if field.is_empty() {
                pos = Pos { line: 1, column: 1 };
            } else if let Some(key) = key_line(text, &field) {
                pos = key;
            }
        }
        Diagnostic::new(file, message).at(pos).field(field)
    })
}

/// The flow bracket (line, column, char) still open when line `line` begins
/// — the usual cause of puzzling errors a line or two further down. Quotes
/// and comments are skipped roughly.
fn unclosed_bracket_before(text: &str, line: u32) -> Option<(u32, u32, char)> {
    let mut open: Vec<(u32, u32, char)> = Vec::new();
    for (n, l) in text
        .lines()
        .enumerate()
        .take((line as usize).saturating_sub(1))
    {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for (col, c) in l.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"') => quote = Some(c),
                // An apostrophe inside a word (Mari's) is not a quote.
                (None, '\'') if matches!(prev, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
                (None, '#') if prev == ' ' || col == 0 => break,
                (None, '[' | '{') => open.push((n as u32 + 1, col as u32 + 1, c)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
            prev = c;
        }
    }
    open.first().copied()
}

/// The first tab in a line's indentation, from line `from` on (the parser
/// reports the line before).
fn first_indenting_tab(text: &str, from: u32) -> Option<Pos> {
    text.lines()
        .enumerate()
        .skip((from as usize).saturating_sub(1))
        .find_map(|(n, l)| {
            let indent: String = l.chars().take_while(|c| c.is_whitespace()).collect();
            indent.find('\t').map(|i| Pos {
                line: n as u32 + 1,
                column: i as u32 + 1,
            })
        })
}

/// The line of the key that `field` names (`posting` → the `posting:` line),
/// for errors about a map as a whole. `None` for the top level or list items.
fn key_line(text: &str, field: &str) -> Option<Pos> {
    let last = field
        .rsplit('.')
        .next()
        .filter(|k| !k.is_empty() && !k.contains('['))?;
    text.lines().enumerate().find_map(|(n, l)| {
        let trimmed = l.trim_start();
        trimmed
            .strip_prefix(last)
            .filter(|rest| rest.starts_with(':'))
            .map(|_| Pos {
                line: n as u32 + 1,
                column: (l.len() - trimmed.len()) as u32 + 1,
            })
    })
}

/// Read and parse a YAML file; `shown` is the path printed in messages.
pub fn load_file<T: DeserializeOwned>(path: &Path, shown: &Path) -> Result<T, Diagnostic> {
    parse(&read_text(path, shown)?, shown)
}

/// The text of a YAML file, refused (with the reason) when it is too big,
/// not UTF-8, empty or holds a NUL byte; `shown` is the path printed in
/// messages.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::new(shown, format!("cannot read file: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            shown,
            format!(
                "file is {} bytes; the limit is {MAX_FILE_BYTES} bytes (4 MiB)",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::new(shown, format!("cannot read file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        Diagnostic::new(shown, "file is not valid UTF-8; save it as UTF-8")
            .at(pos_of(&valid, offset))
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic::new(shown, "file is empty").at(Pos { line: 1, column: 1 }));
    }
    if let Some(offset) = text.find('\0') {
        return Err(Diagnostic::new(shown, "file contains a NUL byte").at(pos_of(&text, offset)));
    }
    Ok(text)
}

/// Line and column (in characters, 1-based) of byte `offset` in `text`.
fn pos_of(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line: before.matches('\n').count() as u32 + 1,
        column: before[line_start..].chars().count() as u32 + 1,
    }
}

/// `experience[4].locaton` → `experience[emajoe].locaton`: list items named by
/// their ids, as in every other message, where the document can be read
/// without its types. Unchanged when it cannot.
fn items_by_id(field: &str, text: &str) -> String {
    if !field.contains('[') {
        return field.to_string();
    }
    let Ok(mut node) = serde_saphyr::from_str_with_options::<serde_json::Value>(text, options())
    else {
        return field.to_string();
    };
    let mut out = Vec::new();
    for segment in field.split('.') {
        let (key, index) = match segment.split_once('[') {
            Some((k, rest)) => (k, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        node = node.get(key).cloned().unwrap_or_default();
        match index {
            Some(i) => {
                node = node.get(i).cloned().unwrap_or_default();
                match node.get("id").and_then(|id| id.as_str()) {
                    Some(id) if !id.is_empty() => out.push(format!("{key}[{id}]")),
                    _ => out.push(segment.to_string()),
                }
            }
            None => out.push(segment.to_string()),
        }
    }
    out.join(".")
}

/// `cv.experience[1].value` → `cv.experience[1]`: drop the internals of the
/// location wrappers and serde's placeholder for the root.
fn clean_path(path: &str) -> String {
    let p = path.replace(".value", "");
    let parts: Vec<&str> = p
        .split('.')
        .filter(|s| !s.is_empty() && *s != "?")
        .collect();
    parts.join(".")
}

/// The parser's terse type and limit messages, in the words of a profile.
fn plain_words(msg: &str) -> Option<String> {
    let m = match msg {
        "expected sequence start" => "expected a list, e.g. [a, b] or lines starting with `- `".to_string(),
        "expected mapping start" => "expected a map of `key: value` lines".to_string(),
        "expected string scalar" => {
            "expected a text; a text containing `: ` or starting with `[`, `{`, `*` or `&` must be in quotes".to_string()
        }
        "invalid u32" => "expected a whole number".to_string(),
        "externally tagged enum expected scalar or mapping" => "expected a single word value".to_string(),
        m if m.contains("found a tab") => format!("{m}; tabs cannot indent YAML, use spaces"),
        m if m.starts_with("budget breached") => {
            let what = ["Aliases", "Anchors", "Depth", "Nodes", "Events", "Documents", "ScalarBytes"]
                .into_iter()
                .find(|w| m.contains(w))
                .unwrap_or("size");
            format!(
                "too large or too deeply nested to be a profile ({} over its limit; limits: 64 levels, \
                 200 000 nodes, 1 000 anchors and aliases)",
                what.to_lowercase()
            )
        }
        _ => return None,
    };
    Some(m)
}

/// Rephrase the parser's message where we can say it better, e.g. add a
/// "did you mean" to an unknown field.
fn friendly_message(raw: &str) -> String {
    // Strip a leading "line L column C: " — we print the position ourselves.
    let mut msg = raw.trim();
    if let Some(rest) = msg.strip_prefix("error: ") {
        msg = rest;
    }
    if msg.starts_with("line ")
        && let Some(idx) = msg.find(": ")
    {
        msg = &msg[idx + 2..];
    }
    // …and a trailing " at line L, column C".
    let owned;
    if let Some(idx) = msg.rfind(" at line ")
        && msg[idx..].contains(", column ")
    {
        owned = msg[..idx].to_string();
        msg = &owned;
    }
    if let Some(plain) = plain_words(msg) {
        return plain;
    }
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        return format!("duplicate key `{key}`; each key may appear once");
    }
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((name, tail)) = rest.split_once('`')
    {
        let expected: Vec<&str> = tail
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty() && !s.starts_with("there are no fields"))
            .collect();
        let mut out = format!("unknown key `{name}`");
        if let Some(best) = did_you_mean(name, expected.iter().copied()) {
            out.push_str(&format!("; did you mean `{best}`?"));
        }
        if !expected.is_empty() {
            out.push_str(&format!(" (valid keys: {})", expected.join(", ")));
        }
        return out;
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `")
        && let Some((name, tail)) = rest.split_once('`')
    {
        let expected = tail
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .replace('`', "");
        let values: Vec<&str> = expected.split(", ").filter(|v| !v.is_empty()).collect();
        // The same word in other letters (`open sans`), else a close one (`compat`).
        let best = values
            .iter()
            .copied()
            .find(|v| v.eq_ignore_ascii_case(name.trim()))
            .or_else(|| did_you_mean(name, values.iter().copied()));
        let hint = best
            .map(|b| format!("; did you mean `{b}`?"))
            .unwrap_or_default();
        return format!("unknown value `{name}`{hint}; expected one of: {expected}");
    }
    if let Some(rest) = msg.strip_prefix("missing field `")
        && let Some((name, _)) = rest.split_once('`')
    {
        return format!("missing required key `{name}`");
    }
    msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tailoring::Tailoring;

    fn err(src: &str) -> Diagnostic {
        parse::<Tailoring>(src, Path::new("t.yaml")).unwrap_err()
    }

    const HEAD: &str = "language: et\nposting:\n  organization: Org\n  position: Arendaja\n";

    #[test]
    fn unknown_key_has_suggestion_line_and_path() {
        let d = err(&format!("{HEAD}cv:\n  hedline: x\n"));
        assert_eq!(d.pos.line, 6);
        assert_eq!(d.field, "cv.hedline");
        assert!(d.message.contains("did you mean `headline`"), "{d}");
    }

    #[test]
    fn unknown_value_has_suggestion() {
        for (style, best) in [
            ("density: compat", "compact"),
            ("paper: us-leter", "us-letter"),
            ("font: open sans", "Open Sans"),
            ("font: INTER", "Inter"),
        ] {
            let d = err(&format!("{HEAD}style:\n  {style}\n"));
            assert_eq!(d.pos.line, 6, "{d}");
            assert!(
                d.message.contains(&format!("did you mean `{best}`?")),
                "{style}: {d}"
            );
            assert!(d.message.contains("expected one of: "), "{d}");
        }
        let d = err(&format!("{HEAD}style:\n  font: Comic Sans\n"));
        assert!(!d.message.contains("did you mean"), "{d}");
    }

    #[test]
    fn wrong_type_names_the_field() {
        let d = err(&format!("{HEAD}cv:\n  emphasize: {{a: 1}}\n"));
        assert_eq!(d.pos.line, 6);
        assert!(d.field.starts_with("cv.emphasize"), "{d}");
    }

    #[test]
    fn invalid_date_points_at_value() {
        let d = err(&format!("{HEAD}letter:\n  date: 2014-02-30\n"));
        assert_eq!(d.pos.line, 6);
        assert!(d.message.contains("has 28 days"), "{d}");
    }

    #[test]
    fn unknown_language_lists_valid_ones() {
        let d = err("language: de\nposting: {organization: O, position: P}\n");
        assert_eq!(d.pos.line, 1);
        assert!(d.message.contains("et") && d.message.contains("en"), "{d}");
    }

    #[test]
    fn duplicate_keys_and_tabs_are_errors() {
        assert_eq!(err(&format!("{HEAD}language: en\n")).pos.line, 5);
        assert!(err("language: et\n\tposting: 1\n").pos.is_known());
    }

    #[test]
    fn unclosed_bracket_is_named() {
        let d = err(&format!(
            "{HEAD}cv:\n  experience: [tehik, mkm\n  skills: [a]\n"
        ));
        assert!(d.message.contains("is never closed"), "{d}");
        assert_eq!((d.pos.line, d.pos.column), (6, 15), "{d}");
        assert_eq!(
            unclosed_bracket_before("a: [x]\nb: \"[\"\nc: Mari's [x]\nd: 1\n", 4),
            None
        );
    }

    #[test]
    fn list_items_are_named_by_id() {
        let text = "experience:\n  - id: tehik\n    role: x\n  - id: mkm\n    rol: y\n";
        assert_eq!(
            items_by_id("experience[1].rol", text),
            "experience[mkm].rol"
        );
        assert_eq!(
            items_by_id("cv.emphasize[0]", "cv: {emphasize: [a]}\n"),
            "cv.emphasize[0]"
        );
        assert_eq!(
            items_by_id("experience[0].x", "not: [valid\n"),
            "experience[0].x"
        );
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            src.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let started = std::time::Instant::now();
        let d = parse::<serde_json::Value>(&src, Path::new("bomb.yaml")).unwrap_err();
        assert!(
            d.message.contains("alias")
                || d.message.contains("limit")
                || d.message.contains("budget"),
            "{d}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }
}
