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
use crate::model::DocKind;
use crate::model::markup as text_markup;
use crate::model::typography::typeset;
use crate::tailor::Context;

/// PDF metadata of one document.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// "position, organization" (the PDF's Subject).
    pub subject: String,
    pub keywords: Vec<String>,
}

impl Meta {
    /// Title, author and keywords of a document's PDF.
    pub fn of(ctx: &Context, kind: DocKind) -> Meta {
        let plain = text_markup::plain;
        let what = match kind {
            DocKind::Cv => ctx.labels["cv"],
            DocKind::Letter => ctx.labels["letter"],
        };
        let name = plain(&ctx.candidate.name);
        let position = plain(&ctx.posting.position);
        let org = plain(&ctx.posting.organization);
        let mut keywords = vec![position.clone(), org.clone()];
        if !ctx.posting.short_name.is_empty() {
            keywords.push(ctx.posting.short_name.clone());
        }
        if !ctx.posting.reference.is_empty() {
            keywords.push(plain(&ctx.posting.reference));
        }
        // What the CV stresses is what a search should find.
        keywords.extend(ctx.cv.emphasize.iter().map(|e| plain(e)));
        keywords.retain(|k| !k.is_empty());
        keywords.dedup();
        Meta {
            title: format!("{name} – {what} – {position}, {org}"),
            author: name,
            subject: format!("{position}, {org}"),
            keywords,
        }
    }
}

/// The document's language, for typography (English when unknown).
fn lang_of(state: &State) -> crate::model::Lang {
    match state.lookup("lang").as_ref().and_then(Value::as_str) {
        Some("et") => crate::model::Lang::Et,
        _ => crate::model::Lang::En,
    }
}

fn typst_formatter(
    out: &mut minijinja::Output,
    state: &mut State,
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
    let lang = lang_of(state);
    let text = match value.as_str() {
        Some(s) => escape::escape_markup(&typeset(s, lang)),
        None => escape::escape_markup(&typeset(&value.to_string(), lang)),
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
    let spans = text_markup::emphasize(text_markup::parse(&value), &phrases);
    let spans = text_markup::typeset(spans, lang_of(state));
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
    text_markup::plain(&value)
}

/// A minijinja environment set up for Typst output.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // minijinja names the undefined variable (`nope` is undefined) only in
    // debug mode, which is off by default in release builds: what users run.
    env.set_debug(true);
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
        for t in &layout.templates {
            env.add_template_owned(t.name.clone(), t.source.clone())
                .map_err(|e| {
                    crate::jinja::unclosed_hint(template_error(&e, &t.path), &e, &t.source, 1)
                })?;
        }
        Ok(Renderer { env, layout })
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Typst source of one document; `ctx_value` is `ctx` converted for the
    /// templates (once per posting, shared by both documents);
    /// `europass_xml` the file name of the Europass XML written beside the
    /// source, for a CV whose layout attaches it (`none` in the templates
    /// otherwise).
    pub fn render(
        &self,
        kind: DocKind,
        ctx: &Context,
        ctx_value: &Value,
        europass_xml: Option<&str>,
    ) -> Result<String, Diagnostic> {
        let meta = Meta::of(ctx, kind);
        let name = format!("{}.typ.j2", kind.name());
        let template = self
            .env
            .get_template(&name)
            .map_err(|e| self.error(&e, &name))?;
        let emphasize: &[String] = if kind == DocKind::Cv {
            &ctx.cv.emphasize
        } else {
            &[]
        };
        let vars = minijinja::context! {
            emphasize => Value::from(Serde(emphasize)),
            meta => Value::from(Serde(&meta)),
            layout_dir => &self.layout.import_dir,
            europass_xml => europass_xml,
            layout_lib => &self.layout.lib,
            layout_style => &self.layout.style,
            user_style => Value::from_safe_string(user_style(&ctx.style)),
            ..ctx_value.clone()
        };
        template.render(vars).map_err(|e| self.error(&e, &name))
    }

    /// An error while rendering `name`, pointed at the template it is in (an
    /// included or imported one, maybe).
    fn error(&self, e: &minijinja::Error, name: &str) -> Diagnostic {
        let at = e.name().unwrap_or(name);
        let path = self
            .layout
            .template(at)
            .or_else(|| self.layout.template(name))
            .map(|t| t.path.as_path())
            .unwrap_or(Path::new(name));
        template_error(e, path)
    }
}

/// The style options set, as a Typst dictionary over the layout's style
/// (`(accent: rgb("#1d4e89"), font: "Inter")`); `(:)` when none is.
fn user_style(style: &crate::tailor::context::StyleCtx) -> String {
    let mut parts = Vec::new();
    if let Some(a) = &style.accent {
        parts.push(format!("accent: rgb({})", escape::string_literal(a)));
    }
    if let Some(f) = &style.font {
        parts.push(format!("font: {}", escape::string_literal(f)));
    }
    if let Some(p) = &style.paper {
        parts.push(format!("paper: {}", escape::string_literal(p)));
    }
    if let Some(d) = &style.density {
        parts.push(format!("density: {}", escape::string_literal(d)));
    }
    if parts.is_empty() {
        "(:)".to_string()
    } else {
        format!("({})", parts.join(", "))
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
        // Printed text gets the language's quotes (English without a
        // `lang`); a string literal keeps the characters as they are.
        assert_eq!(out, "\\#x “y”|\"#x \\\"y\\\"\"|#strong[B] \\#|B \\#|3|true");
        let et = env
            .render_str(
                "{{ a }}|{{ c|rich }}",
                minijinja::context! { a => "#x \"y\"", c => "**\"Õun\"** 3500 €", lang => "et" },
            )
            .unwrap();
        assert_eq!(et, "\\#x „y“|#strong[„Õun“] 3500\u{a0}€");
    }

    #[test]
    fn undefined_is_an_error() {
        let env = environment();
        let err = env
            .render_str("{{ nope }}", minijinja::context! {})
            .unwrap_err();
        assert_eq!(err.kind(), minijinja::ErrorKind::UndefinedError);
    }
}
