//! Simple HTML inside JSON Resume text → dossier's inline markup:
//! `<b>`/`<strong>` → `**…**`, `<i>`/`<em>` → `*…*`, `<a href>` → `[label](url)`
//! (http, https and mailto only), `<br>` and `<p>` → paragraph break (a
//! profile has no line break of its own; on one line, a space),
//! `<ul>`/`<ol>` `<li>` → items, entities decoded. Elements that hold no
//! text to show (`<script>`, `<style>`, `<svg>`, …) are removed with their
//! content; other tags are removed, keeping their text. Both are reported.
//! Only names of HTML elements are tags: `<POSITION>` or `a < b` stay text,
//! and so does a generic like `List<Object>`: an element removed with its
//! content must be closed to count as one (only `<script>` and `<style>`
//! run to the end of the text when they are not).
//!
//! The HTML5 parser (html5ever, through `scraper`, as the posting reader
//! uses it) reads the tags and entities, the way a browser would: unclosed
//! items, misnested emphasis, every named and numeric entity. What we decide
//! before it sees the text is only which `<` start a tag at all (see
//! [`source`]): the parser would make an element of `<POSITION>` too.

use crate::html_tree::{Step, walk};
use scraper::{Html, Node};

/// How the text is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// One line (a name, a title, a highlight): every break becomes a space,
    /// list items are joined with `; `.
    Line,
    /// Paragraphs (a summary): list items become `• …` paragraphs.
    Block,
    /// Paragraphs, with the list items returned separately (a job's summary,
    /// whose items become highlights).
    BlockWithItems,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Markup {
    pub text: String,
    /// `<li>` items, with `Flow::BlockWithItems` only.
    pub items: Vec<String>,
    /// What was removed: `<span>`, `<a href="/cv">` …, each once.
    pub dropped: Vec<String>,
}

/// More tags than this in one string: read as plain text.
const MAX_TAGS: usize = 2000;

/// `s` without anything between `<` and `>`.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                out.push(' ');
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Tags we convert.
const HANDLED: &str = "b strong i em a br p ul ol li";

/// Tags removed (with a note) that separate blocks of text.
const BLOCK: &str = "div h1 h2 h3 h4 h5 h6 blockquote pre hr table tr section article \
                     header footer dl dt dd figure address center nav main aside";

/// Tags removed (with a note), keeping their text in line.
const INLINE: &str = "span u s strike del ins code small big sub sup font img mark abbr cite q \
                      tt kbd samp var label time wbr td th thead tbody tfoot caption figcaption nobr \
                      embed";

/// Elements that are no text for a reader (code, styles, embedded objects,
/// a page's head): removed with everything inside them, and reported.
const NO_TEXT: &str = "script style noscript template iframe object svg math canvas audio \
                       video head title textarea select";

/// Of those, the ones whose content the parser reads as text up to their
/// closing tag.
const RAW_TEXT: &str = "script style noscript iframe title textarea";

/// What `<head>` becomes for the parser, which ignores a `<head>` in the
/// middle of a page (and so would report its `<title>` instead).
const HEAD: &str = "dossier-head";

/// Whether `name` is one of the space-separated words of `list`.
fn is_in(list: &str, name: &str) -> bool {
    list.split(' ').any(|w| w == name)
}

/// Convert `s`; text without tags keeps its line breaks.
pub fn to_markup(s: &str, flow: Flow) -> Markup {
    let mut tags = Vec::new();
    let Some(source) = source(s, &mut tags) else {
        // No tag: text, perhaps with entities, whose line breaks are its own.
        return Markup {
            text: normalize(&decode(s), flow),
            ..Markup::default()
        };
    };
    // html5ever's time grows with the square of the nesting depth (10,000
    // nested `<li>` take seconds); no résumé string nests like that, so
    // such a string is read as text with its tags removed, and said so.
    if source.matches('<').count() > MAX_TAGS {
        return Markup {
            text: normalize(&decode(&strip_tags(&source)), flow),
            dropped: vec![format!("more than {MAX_TAGS} tags (read as plain text)")],
            ..Markup::default()
        };
    }
    let doc = Html::parse_fragment(&source);
    let mut b = Builder {
        flow,
        frames: vec![Frame::new(Kind::Root)],
        items: Vec::new(),
        dropped: Vec::new(),
    };
    // The fragment's own `<html>` holds what was written.
    let top = doc.root_element().id();
    walk(doc.tree.root(), |node, step| match node.value() {
        Node::Element(_) if node.id() == top => true,
        Node::Element(e) => {
            let name = match e.name() {
                HEAD => "head",
                name => name,
            };
            match step {
                Step::Enter if is_in(NO_TEXT, name) => {
                    b.drop_note(format!("<{name}> with its content"));
                    false
                }
                Step::Enter => {
                    b.open(
                        name,
                        e.attr("href").filter(|_| name == "a").map(str::to_string),
                    );
                    true
                }
                Step::Leave => {
                    b.close(name);
                    true
                }
            }
        }
        Node::Text(t) if step == Step::Enter => {
            b.text(&t.text);
            true
        }
        Node::Comment(_) if step == Step::Enter => {
            b.drop_note("<!-- comment -->".to_string());
            true
        }
        _ => true,
    });
    // Tags the parser ignored (a stray `</span>`, a `<td>` outside a table)
    // are gone from the text too.
    let elements: std::collections::HashSet<&str> = doc
        .tree
        .values()
        .filter_map(|n| n.as_element())
        .map(|e| if e.name() == HEAD { "head" } else { e.name() })
        .collect();
    for name in tags {
        if !is_in(HANDLED, name) && !elements.contains(&name) {
            b.drop_note(format!("<{name}>"));
        }
    }
    let root = b.frames.pop().map(|f| f.buf).unwrap_or_default();
    Markup {
        text: normalize(&root, flow),
        items: b
            .items
            .iter()
            .map(|i| normalize(i, Flow::Line))
            .filter(|i| !i.is_empty())
            .collect(),
        dropped: b.dropped,
    }
}

/// `s` as the parser is to read it, or `None` when it holds no tag or
/// comment; the names of its tags are added to `tags`, once each. A `<`
/// starts a tag only before the name of an element we know (in any case) and a `>` that ends it (quotes respected, no `<` on the
/// way); any other `<` is escaped, so that the parser keeps it as text. An
/// element of [`NO_TEXT`] counts only when it is closed later on: a generic
/// like `List<Object>` would otherwise take the rest of the text with it
/// (`<script>` and `<style>` need not be, as in a browser).
fn source(s: &str, tags: &mut Vec<&'static str>) -> Option<String> {
    // ASCII lower case keeps every byte where it was.
    let low = s.to_ascii_lowercase();
    let comments_end = low.rfind("-->");
    // Where the last closing tag of each element of NO_TEXT starts: one look
    // a name keeps `<title>` written a thousand times linear.
    let mut last_close: Vec<(&str, Option<usize>)> = Vec::new();
    let mut out = String::with_capacity(s.len() + 16);
    let mut found = false;
    let mut from = 0;
    while let Some(k) = low[from..].find('<') {
        let lt = from + k;
        out.push_str(&s[from..lt]);
        from = lt + 1;
        if low[lt..].starts_with("<!--") && comments_end.is_some_and(|e| e >= lt + 4) {
            // What the comment holds is scanned on, escaped or not: the
            // parser drops it either way.
            out.push_str("<!--");
            from = lt + 4;
            found = true;
            continue;
        }
        let Some((name, closing, end)) = tag(&low, lt) else {
            out.push_str("&lt;");
            continue;
        };
        let text = &s[lt..end];
        let self_closing = text.ends_with("/>");
        if !closing && !self_closing && is_in(NO_TEXT, name) && !matches!(name, "script" | "style")
        {
            let at = match last_close.iter().find(|(n, _)| *n == name) {
                Some(&(_, at)) => at,
                None => {
                    let at = last_closing_tag(&low, name);
                    last_close.push((name, at));
                    at
                }
            };
            if at.is_none_or(|at| at < end) {
                out.push_str("&lt;");
                continue;
            }
        }
        found = true;
        if !tags.contains(&name) {
            tags.push(name);
        }
        from = end;
        if name == "head" {
            // After `<` or `</`.
            let at = if closing { 2 } else { 1 };
            out.push_str(&text[..at]);
            out.push_str(HEAD);
            out.push_str(&text[at + name.len()..]);
        } else {
            out.push_str(text);
        }
        // Only foreign elements (`<svg/>`) close themselves for the parser;
        // an `<object/>` would take the rest of the text.
        if self_closing && !closing && is_in(NO_TEXT, name) && !matches!(name, "svg" | "math") {
            out.push_str(&format!("</{name}>"));
        } else if !closing && is_in(RAW_TEXT, name) {
            // Up to its closing tag the parser reads text (`if (a<b)`), and
            // so does this: what looks like a tag inside is not one.
            let content = closing_tag(&low, name, end).unwrap_or(s.len());
            out.push_str(&s[end..content]);
            from = content;
        }
    }
    out.push_str(&s[from..]);
    found.then_some(out)
}

/// The tag whose `<` is at `lt` in `low` (the text in lower case): the
/// element's name, whether it is a closing tag, and where the tag ends.
fn tag(low: &str, lt: usize) -> Option<(&'static str, bool, usize)> {
    let rest = &low[lt + 1..];
    let closing = rest.starts_with('/');
    let rest = &rest[usize::from(closing)..];
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = known(&rest[..len])?;
    match rest.as_bytes().get(len) {
        Some(b'>' | b'/') => {}
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    // Attributes up to `>`, quotes respected.
    let mut quote = None;
    for (k, c) in rest[len..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                return Some((name, closing, lt + 1 + usize::from(closing) + len + k + 1));
            }
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// `name` as one of the elements we know.
fn known(name: &str) -> Option<&'static str> {
    [HANDLED, BLOCK, INLINE, NO_TEXT]
        .iter()
        .flat_map(|list| list.split(' '))
        .find(|w| !w.is_empty() && *w == name)
}

/// Where the first closing tag of `name` at or after `from` starts in `low`.
fn closing_tag(low: &str, name: &str, from: usize) -> Option<usize> {
    let needle = format!("</{name}");
    let mut at = from;
    while let Some(k) = low[at..].find(&needle) {
        let start = at + k;
        at = start + needle.len();
        if low
            .as_bytes()
            .get(at)
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
        {
            return Some(start);
        }
    }
    None
}

/// Where the last closing tag of `name` starts in `low`.
fn last_closing_tag(low: &str, name: &str) -> Option<usize> {
    let mut last = None;
    while let Some(at) = closing_tag(low, name, last.map_or(0, |at| at + 1)) {
        last = Some(at);
    }
    last
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Root,
    Bold,
    Italic,
    /// Emphasis inside emphasis: its text only (stars would touch).
    Plain,
    Link(Option<String>),
    Item,
}

struct Frame {
    kind: Kind,
    buf: String,
}

impl Frame {
    fn new(kind: Kind) -> Frame {
        Frame {
            kind,
            buf: String::new(),
        }
    }
}

/// Paragraph and line breaks while building; normalized at the end.
const PARA: &str = "\n\n";

struct Builder {
    flow: Flow,
    frames: Vec<Frame>,
    items: Vec<String>,
    dropped: Vec<String>,
}

impl Builder {
    fn buf(&mut self) -> &mut String {
        let last = self.frames.len() - 1;
        &mut self.frames[last].buf
    }

    fn drop_note(&mut self, what: String) {
        if !self.dropped.contains(&what) {
            self.dropped.push(what);
        }
    }

    fn in_emphasis(&self) -> bool {
        self.frames
            .iter()
            .any(|f| matches!(f.kind, Kind::Bold | Kind::Italic | Kind::Plain))
    }

    fn text(&mut self, text: &str) {
        // HTML: any run of white space is one space.
        let text = squash_spaces(&clean(text));
        self.buf().push_str(&text);
    }

    fn open(&mut self, name: &str, href: Option<String>) {
        match name {
            "b" | "strong" | "i" | "em" => {
                let kind = if self.in_emphasis() {
                    Kind::Plain
                } else if matches!(name, "b" | "strong") {
                    Kind::Bold
                } else {
                    Kind::Italic
                };
                self.frames.push(Frame::new(kind));
            }
            "a" => self.frames.push(Frame::new(Kind::Link(href))),
            // A visible line break: the nearest thing a profile has is a
            // paragraph break (a single line break is printed as a space).
            // Inside emphasis, a link or an item it is a space.
            "br" => {
                let inline = self.frames.iter().any(|f| f.kind != Kind::Root);
                let brk = if inline { " " } else { PARA };
                self.buf().push_str(brk);
            }
            "p" | "ul" | "ol" => self.buf().push_str(PARA),
            "li" => self.frames.push(Frame::new(Kind::Item)),
            _ => self.other(name),
        }
    }

    /// The end of element `name`, whose content the parser has closed.
    fn close(&mut self, name: &str) {
        match name {
            "b" | "strong" | "i" | "em" | "a" | "li" => self.close_top(),
            "p" | "ul" | "ol" => self.buf().push_str(PARA),
            "br" => {}
            _ => self.other(name),
        }
    }

    /// A tag we do not convert: removed, with a break for block elements.
    fn other(&mut self, name: &str) {
        if is_in(BLOCK, name) {
            self.buf().push_str(PARA);
        } else if matches!(name, "td" | "th") {
            self.buf().push(' ');
        }
        self.drop_note(format!("<{name}>"));
    }

    fn close_top(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if self.frames.is_empty() {
            self.frames.push(frame);
            return;
        }
        let inside = frame.buf;
        match frame.kind {
            Kind::Root => {}
            Kind::Plain => self.buf().push_str(&inside),
            Kind::Bold => self.emphasis(&inside, "**"),
            Kind::Italic => self.emphasis(&inside, "*"),
            Kind::Link(href) => self.link(&inside, href),
            Kind::Item => self.item(&inside),
        }
    }

    fn emphasis(&mut self, inside: &str, marker: &str) {
        let core = inside.trim();
        let lead = &inside[..inside.len() - inside.trim_start().len()];
        let trail = &inside[inside.trim_end().len()..];
        let buf = self.buf();
        buf.push_str(lead);
        // Stars touching other stars are literal: then the text goes plain.
        if core.is_empty() || core.starts_with('*') || core.ends_with('*') || buf.ends_with('*') {
            buf.push_str(core);
        } else {
            buf.push_str(marker);
            buf.push_str(core);
            buf.push_str(marker);
        }
        buf.push_str(trail);
    }

    fn link(&mut self, inside: &str, href: Option<String>) {
        let label = squash_spaces(&inside.replace('\n', " "));
        let label = label.trim();
        let href = href.map(|h| h.trim().to_string()).unwrap_or_default();
        let web = {
            let l = href.to_ascii_lowercase();
            (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("mailto:"))
                && href.len() > 8
                && !href.contains(char::is_whitespace)
        };
        let in_link = self.frames.iter().any(|f| matches!(f.kind, Kind::Link(_)));
        if web && !in_link {
            let url = href
                .replace('(', "%28")
                .replace(')', "%29")
                .replace('[', "%5B")
                .replace(']', "%5D");
            let label = if label.is_empty() {
                href.as_str()
            } else {
                label
            };
            let lead = if inside.starts_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            let trail = if inside.ends_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
            let text = format!("{lead}[{label}]({url}){trail}");
            self.buf().push_str(&text);
        } else {
            if !href.is_empty() && !in_link {
                self.drop_note(format!(
                    "the link to \"{href}\" (only http, https and mailto links are kept)"
                ));
            }
            self.buf().push_str(inside);
        }
    }

    fn item(&mut self, inside: &str) {
        let nested = self.frames.iter().any(|f| f.kind == Kind::Item);
        let at_top = self.frames.len() == 1;
        match self.flow {
            Flow::BlockWithItems if at_top => self.items.push(inside.to_string()),
            Flow::Block if !nested => {
                let text = normalize(inside, Flow::Line);
                if !text.is_empty() {
                    self.buf().push_str(&format!("{PARA}• {text}{PARA}"));
                }
            }
            _ => {
                let text = normalize(inside, Flow::Line);
                if !text.is_empty() {
                    let buf = self.buf();
                    // The `;` right after the text before (`a; b`), not
                    // after the break a list or paragraph left (`a ; b`).
                    buf.truncate(buf.trim_end().len());
                    if !buf.is_empty() && !buf.ends_with([';', ':']) {
                        buf.push(';');
                    }
                    buf.push(' ');
                    buf.push_str(&text);
                }
            }
        }
    }
}

/// Everything on one line, runs of spaces as one.
pub fn one_line(s: &str) -> String {
    normalize(s, Flow::Line)
}

fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Lines trimmed, at most one blank line between paragraphs (`Block`), or
/// everything on one line (`Line`).
fn normalize(s: &str, flow: Flow) -> String {
    if flow == Flow::Line {
        return squash_spaces(s).trim().to_string();
    }
    let mut out = String::new();
    let mut blank = 0;
    for line in s.lines() {
        let line = squash_spaces(line);
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Decode `&amp;`, `&nbsp;`, `&#39;`, `&#x2014;`, `&eacute;` … as a browser
/// would; anything else stays (`AT&T`, `&unknown;`).
pub fn decode(s: &str) -> String {
    if !has_entity(s) {
        // Plain text with a bare `&` ("R&D") is left alone: the parser would
        // read the few old entities that need no `;` (`&copy2024`).
        return s.to_string();
    }
    let doc = Html::parse_fragment(&s.replace('<', "&lt;"));
    clean(&doc.root_element().text().collect::<String>())
}

/// Whether `s` holds an entity: `&` and a name or number ended by `;`.
fn has_entity(s: &str) -> bool {
    s.match_indices('&').any(|(at, _)| {
        let rest = &s[at + 1..];
        let name = rest.strip_prefix('#').unwrap_or(rest);
        let len = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        len > 0 && name[len..].starts_with(';')
    })
}

/// Text from the parser without what it decodes but nobody can see or print:
/// soft hyphens (`&shy;`) and control characters (`&#1;`).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| c != '\u{ad}' && (!c.is_control() || c == '\n' || c == '\t'))
        .collect()
}

#[cfg(test)]
mod tests;
