//! The letter body: a small minijinja template over the merged context
//! (`{{ posting.position }}`, `{{ candidate.name }}`, …) whose output is plain
//! text, split into paragraphs. Expanding it is the last step of tailoring,
//! so that render receives a complete context.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::Context;
use crate::diag::{Diagnostic, Pos};

/// Render the letter body, itself a small template over the context, into
/// paragraphs (split on blank lines). Its output is text: it is escaped later
/// like any other value. Errors point at the body's place in the tailoring file.
pub fn expand(ctx: &mut Context, tailoring_file: &Path) -> Result<(), Diagnostic> {
    let Some((source, pos)) = ctx.letter.body_source.clone() else {
        return Ok(());
    };
    let mut env = Environment::new();
    // As for layouts (see `render::environment`): the same errors in release.
    env.set_debug(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_fuel(Some(200_000));
    env.set_recursion_limit(20);
    let text = env
        .render_str(&source, visible(ctx, &source))
        .map_err(|e| body_error(&e, &source, pos, ctx, tailoring_file))?;
    ctx.letter.paragraphs = split_paragraphs(&text);
    Ok(())
}

/// The parts of the context the body names: converting the whole context
/// (every job, skill and requirement) for a body that says
/// `{{ posting.position }}` is most of the work of tailoring a posting. A
/// part the text does not name cannot be reached by it.
fn visible(ctx: &Context, source: &str) -> Value {
    if !source.contains("{{") && !source.contains("{%") {
        return Value::from(());
    }
    // A name that merely appears in the text is converted too: harmless.
    const PARTS: [&str; 8] = [
        "lang",
        "style",
        "candidate",
        "posting",
        "cv",
        "letter",
        "requirements",
        "labels",
    ];
    let named: BTreeMap<&str, Value> = PARTS
        .into_iter()
        .filter(|name| source.contains(name))
        .map(|name| {
            let value = match name {
                "lang" => Value::from(Serde(&ctx.lang)),
                "style" => Value::from(Serde(&ctx.style)),
                "candidate" => Value::from(Serde(&ctx.candidate)),
                "posting" => Value::from(Serde(&ctx.posting)),
                "cv" => Value::from(Serde(&ctx.cv)),
                "letter" => Value::from(Serde(&ctx.letter)),
                "requirements" => Value::from(Serde(&ctx.requirements)),
                _ => Value::from(Serde(&ctx.labels)),
            };
            (name, value)
        })
        .collect();
    Value::from(named)
}

/// An error in the letter body, pointed at its line and column in the YAML
/// file; for an undefined name, with the names that do exist there.
fn body_error(
    e: &minijinja::Error,
    source: &str,
    pos: Pos,
    ctx: &Context,
    file: &Path,
) -> Diagnostic {
    // `pos` is where the body text begins (for `body: |`, the line after the key).
    let mut at = pos;
    if let Some(l) = e.line() {
        at.line = pos.line + l as u32 - 1;
    }
    let expr = e
        .range()
        .and_then(|r| source.get(r.clone()).map(|x| (r, x)));
    if let Some((range, _)) = &expr {
        let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let col = source[line_start..range.start].chars().count() as u32;
        // Every line of a block scalar starts at the body's column.
        at.column = pos.column.max(1) + col;
    }
    let message = match (e.kind(), &expr) {
        (minijinja::ErrorKind::UndefinedError, Some((_, name))) => {
            let name = name.trim();
            let (parent, _) = name.rsplit_once('.').unwrap_or(("", name));
            let json = serde_json::to_value(ctx).unwrap_or_default();
            let known: Vec<String> = if parent.is_empty() {
                json.as_object()
                    .map(|o| o.keys().cloned().collect())
                    .unwrap_or_default()
            } else {
                parent
                    .split('.')
                    .try_fold(&json, |v, k| v.get(k))
                    .and_then(|v| v.as_object())
                    .map(|o| o.keys().cloned().collect())
                    .unwrap_or_default()
            };
            let mut m = format!("`{name}` is undefined in the letter text");
            if let Some(best) = crate::diag::did_you_mean(
                name.rsplit('.').next().unwrap_or(name),
                known.iter().map(String::as_str),
            ) {
                let prefix = if parent.is_empty() {
                    String::new()
                } else {
                    format!("{parent}.")
                };
                m.push_str(&format!("; did you mean `{prefix}{best}`?"));
            }
            if !known.is_empty() {
                let scope = if parent.is_empty() {
                    "names".to_string()
                } else {
                    format!("`{parent}` has")
                };
                m.push_str(&format!(" ({scope}: {})", known.join(", ")));
            }
            m
        }
        _ => {
            let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
            format!("in the letter text template: {}{detail}", e.kind())
        }
    };
    let d = Diagnostic::new(file, message).at(at).field("letter.body");
    crate::jinja::unclosed_hint(d, e, source, pos.line)
}

/// Paragraphs are separated by blank lines; lines within one are joined by a space.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs() {
        assert_eq!(split_paragraphs("a\nb\n\n\n c \n"), vec!["a b", "c"]);
        assert!(split_paragraphs("  \n").is_empty());
    }
}
