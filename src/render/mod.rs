//! Stage 3 — render: the context through a layout's minijinja templates into
//! Typst source. Every `{{ value }}` is escaped for Typst markup unless a filter
//! marked it safe:
//! - `rich`: inline markup (`**bold**`, `*italic*`, `[label](url)`) → Typst,
//!   with the CV's `emphasize` phrases in bold; all text inside escaped;
//! - `str`: a complete Typst string literal (URLs, metadata, paths);
//! - `plain`: inline markup removed (then escaped or `str`-ed as usual).

pub mod escape;
pub mod markup;

use std::path::Path;

use minijinja::value::{Serde, Value, ValueKind};
use minijinja::{AutoEscape, Environment, State, UndefinedBehavior};
use serde::Serialize;

use crate::diag::{Diagnostic, Pos};
use crate::layout::Layout;
use crate::tailor::Context;

/// The two documents built per posting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Cv,
    Letter,
}

impl DocKind {
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Cv => "cv",
            DocKind::Letter => "letter",
        }
    }
}

/// PDF metadata of one document.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub keywords: Vec<String>,
}

fn typst_formatter(
    out: &mut minijinja::Output,
    _: &mut State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if value.is_safe() {
        return write!(out, "{value}").map_err(minijinja::Error::from);
    }
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    if value.kind() == ValueKind::Bool {
        return out
            .write_str(if value.is_true() { "true" } else { "false" })
            .map_err(minijinja::Error::from);
    }
    let text = match value.as_str() {
        Some(s) => escape::escape_markup(s),
        None => escape::escape_markup(&value.to_string()),
    };
    out.write_str(&text).map_err(minijinja::Error::from)
}

fn rich(state: &State, value: String) -> Value {
    let phrases: Vec<String> = state
        .lookup("emphasize")
        .and_then(|v| {
            v.try_iter()
                .ok()
                .map(|it| it.filter_map(|p| p.as_str().map(str::to_string)).collect())
        })
        .unwrap_or_default();
    let spans = markup::emphasize(markup::parse(&value), &phrases);
    Value::from_safe_string(markup::to_typst(&spans))
}

fn str_literal(value: Value) -> Value {
    let s = value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| value.to_string());
    Value::from_safe_string(escape::string_literal(&s))
}

fn plain(value: String) -> String {
    markup::to_plain(&markup::parse(&value))
}

/// A minijinja environment set up for Typst output.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
    env.set_formatter(typst_formatter);
    env.set_fuel(Some(2_000_000));
    env.add_filter("rich", rich);
    env.add_filter("str", str_literal);
    env.add_filter("plain", plain);
    if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    env
}

/// Renders documents of one layout.
pub struct Renderer {
    env: Environment<'static>,
    layout: Layout,
}

impl Renderer {
    pub fn new(layout: Layout) -> Result<Renderer, Diagnostic> {
        let mut env = environment();
        for (kind, src, path) in [
            (DocKind::Cv, &layout.cv_source, &layout.cv_path),
            (DocKind::Letter, &layout.letter_source, &layout.letter_path),
        ] {
            env.add_template_owned(kind.name(), src.clone())
                .map_err(|e| unclosed_hint(template_error(&e, path), &e, src, 1))?;
        }
        Ok(Renderer { env, layout })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Typst source of one document; `ctx_value` is `ctx` converted for the
    /// templates (once per posting, shared by both documents).
    pub fn render(
        &self,
        kind: DocKind,
        ctx: &Context,
        ctx_value: &Value,
        meta: &Meta,
    ) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(kind.name())
            .map_err(|e| template_error(&e, self.path(kind)))?;
        let emphasize: &[String] = if kind == DocKind::Cv {
            &ctx.cv.emphasize
        } else {
            &[]
        };
        let vars = minijinja::context! {
            emphasize => Value::from(Serde(emphasize)),
            meta => Value::from(Serde(meta)),
            layout_dir => &self.layout.import_dir,
            ..ctx_value.clone()
        };
        template
            .render(vars)
            .map_err(|e| template_error(&e, self.path(kind)))
    }

    fn path(&self, kind: DocKind) -> &Path {
        match kind {
            DocKind::Cv => &self.layout.cv_path,
            DocKind::Letter => &self.layout.letter_path,
        }
    }
}

fn template_error(e: &minijinja::Error, path: &Path) -> Diagnostic {
    let line = e.line().unwrap_or(0) as u32;
    let detail = e.detail().map(|d| format!(": {d}")).unwrap_or_default();
    Diagnostic::new(path, format!("template error: {}{detail}", e.kind())).at(Pos {
        line,
        column: if line > 0 { 1 } else { 0 },
    })
}

/// The block tag (`if`, `for`, …) left open in `source`, innermost first,
/// with its line: the cause of an "unexpected end of input".
fn unclosed_block(source: &str) -> Option<(u32, String)> {
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
fn unclosed_hint(
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

/// Render the letter body, itself a small template over the context, into
/// paragraphs (split on blank lines). Its output is text: it is escaped later
/// like any other value. Errors point at the body's place in the tailoring file.
pub fn expand_letter_body(ctx: &mut Context, tailoring_file: &Path) -> Result<(), Diagnostic> {
    let Some((source, pos)) = ctx.letter.body_source.clone() else {
        return Ok(());
    };
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_fuel(Some(200_000));
    env.set_recursion_limit(20);
    let text = env
        .render_str(&source, Value::from(Serde(&*ctx)))
        .map_err(|e| body_error(&e, &source, pos, ctx, tailoring_file))?;
    ctx.letter.paragraphs = split_paragraphs(&text);
    Ok(())
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
    unclosed_hint(d, e, source, pos.line)
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
    fn plain_values_are_escaped_and_filters_mark_safe() {
        let env = environment();
        let out = env
            .render_str(
                "{{ a }}|{{ a|str }}|{{ b|rich }}|{{ b|plain }}|{{ n }}|{{ t }}",
                minijinja::context! { a => "#x \"y\"", b => "**B** #", n => 3, t => true },
            )
            .unwrap();
        assert_eq!(
            out,
            "\\#x \\\"y\\\"|\"#x \\\"y\\\"\"|#strong[B] \\#|B \\#|3|true"
        );
    }

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

    #[test]
    fn undefined_is_an_error() {
        let env = environment();
        let err = env
            .render_str("{{ nope }}", minijinja::context! {})
            .unwrap_err();
        assert_eq!(err.kind(), minijinja::ErrorKind::UndefinedError);
    }

    #[test]
    fn paragraphs() {
        assert_eq!(split_paragraphs("a\nb\n\n\n c \n"), vec!["a b", "c"]);
        assert!(split_paragraphs("  \n").is_empty());
    }
}
