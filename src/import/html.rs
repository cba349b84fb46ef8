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

/// Of those, the ones whose content is raw text (what looks like a tag
/// inside is not one): they end at the first closing tag.
const RAW_TEXT: &str = "script style noscript iframe title textarea";

/// Whether `name` is one of the space-separated words of `list`.
fn is_in(list: &str, name: &str) -> bool {
    list.split(' ').any(|w| w == name)
}

#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Open(String, Option<String>),
    Close(String),
    Comment,
    /// An element of [`NO_TEXT`], removed with its content.
    Removed(String),
}

/// Convert `s`; text without tags keeps its line breaks.
pub fn to_markup(s: &str, flow: Flow) -> Markup {
    let tokens = tokenize(s);
    let html = tokens.iter().any(|t| !matches!(t, Token::Text(_)));
    let mut b = Builder {
        flow,
        html,
        frames: vec![Frame::new(Kind::Root)],
        items: Vec::new(),
        dropped: Vec::new(),
    };
    for t in tokens {
        b.token(t);
    }
    while b.frames.len() > 1 {
        b.close_top();
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

fn tokenize(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    // Elements found not closed: later ones of the same name are not
    // looked for again (which keeps `<title>` written a thousand times linear).
    let mut unclosed: Vec<String> = Vec::new();
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some((token, mut len)) = tag(rest) else {
            text.push('<');
            rest = &rest[1..];
            continue;
        };
        let token = match token {
            Token::Open(name, _) if is_in(NO_TEXT, &name) => {
                let content = if rest[..len].ends_with("/>") {
                    Some(0)
                } else if unclosed.contains(&name) {
                    None
                } else {
                    element_end(&name, &rest[len..])
                };
                let Some(content) = content else {
                    // Not closed: no element (`List<Object>`).
                    if !unclosed.contains(&name) {
                        unclosed.push(name);
                    }
                    text.push('<');
                    rest = &rest[1..];
                    continue;
                };
                len += content;
                Token::Removed(name)
            }
            token => token,
        };
        if !text.is_empty() {
            out.push(Token::Text(decode(&std::mem::take(&mut text))));
        }
        out.push(token);
        rest = &rest[len..];
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Token::Text(decode(&text)));
    }
    out
}

/// How many bytes of `s`, which follows the opening tag of `name` (an
/// element of [`NO_TEXT`]), the element's content and closing tag take;
/// `None` when it is not closed (then it is no element), except that an
/// unclosed `<script>` or `<style>` runs to the end.
fn element_end(name: &str, s: &str) -> Option<usize> {
    // ASCII lower case keeps every byte where it was.
    let low = s.to_ascii_lowercase();
    let bytes = low.as_bytes();
    let boundary = |at: usize| {
        bytes
            .get(at)
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
    };
    let tag_end = |from: usize| low[from..].find('>').map_or(low.len(), |k| from + k + 1);
    let raw = is_in(RAW_TEXT, name);
    let mut depth = 1;
    let mut at = 0;
    while let Some(k) = low[at..].find('<') {
        let lt = at + k;
        let rest = &low[lt + 1..];
        if let Some(closing) = rest.strip_prefix('/')
            && closing.starts_with(name)
            && boundary(lt + 2 + name.len())
        {
            depth -= 1;
            if depth == 0 {
                return Some(tag_end(lt));
            }
        } else if !raw && rest.starts_with(name) && boundary(lt + 1 + name.len()) {
            let end = tag_end(lt);
            if !low[..end].ends_with("/>") {
                depth += 1;
            }
        }
        at = lt + 1;
    }
    matches!(name, "script" | "style").then_some(s.len())
}

/// A tag at the start of `s` and its length in bytes.
fn tag(s: &str) -> Option<(Token, usize)> {
    if let Some(body) = s.strip_prefix("<!--") {
        let end = body.find("-->")?;
        return Some((Token::Comment, 4 + end + 3));
    }
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    if name.is_empty()
        || !name.as_bytes()[0].is_ascii_alphabetic()
        || ![HANDLED, BLOCK, INLINE, NO_TEXT]
            .iter()
            .any(|list| is_in(list, &name))
    {
        return None;
    }
    match bytes.get(i) {
        Some(b'>' | b'/') => {}
        Some(c) if c.is_ascii_whitespace() => {}
        _ => return None,
    }
    // Attributes up to `>`, quotes respected.
    let mut quote = None;
    let mut end = None;
    for (k, c) in s[i..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = Some(i + k);
                break;
            }
            (None, '<') => return None,
            _ => {}
        }
    }
    let end = end?;
    let token = if closing {
        Token::Close(name)
    } else {
        let href = (name == "a")
            .then(|| attribute(&s[i..end], "href"))
            .flatten();
        Token::Open(name, href)
    };
    Some((token, end + 1))
}

/// The value of attribute `name` in `attrs` (`href="x"`, `href='x'`, `href=x`).
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let value = if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &v[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..close], &v[close..])
                }
            };
            rest = after;
            Some(value)
        } else {
            None
        };
        if key == name {
            return value.map(decode);
        }
        if key.is_empty() {
            // Nothing parsable is left.
            return None;
        }
    }
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
    html: bool,
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

    fn token(&mut self, t: Token) {
        match t {
            Token::Text(text) => {
                let text = if self.html {
                    // HTML: any run of white space is one space.
                    squash_spaces(&text)
                } else {
                    text
                };
                self.buf().push_str(&text);
            }
            Token::Comment => self.drop_note("<!-- comment -->".to_string()),
            Token::Removed(name) => self.drop_note(format!("<{name}> with its content")),
            Token::Open(name, href) => self.open(&name, href),
            Token::Close(name) => self.close(&name),
        }
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
            "li" => {
                if self.frames.last().is_some_and(|f| f.kind == Kind::Item) {
                    self.close_top();
                }
                self.frames.push(Frame::new(Kind::Item));
            }
            _ => self.other(name),
        }
    }

    fn close(&mut self, name: &str) {
        let wanted = |k: &Kind| match name {
            "b" | "strong" => matches!(k, Kind::Bold | Kind::Plain),
            "i" | "em" => matches!(k, Kind::Italic | Kind::Plain),
            "a" => matches!(k, Kind::Link(_)),
            "li" => *k == Kind::Item,
            _ => false,
        };
        if let Some(at) = self.frames.iter().rposition(|f| wanted(&f.kind)) {
            // Close what was left open inside, then the element itself.
            while self.frames.len() > at {
                self.close_top();
            }
            return;
        }
        match name {
            "p" | "ul" | "ol" => {
                if name != "p" && self.frames.last().is_some_and(|f| f.kind == Kind::Item) {
                    self.close_top();
                }
                self.buf().push_str(PARA);
            }
            "b" | "strong" | "i" | "em" | "a" | "li" | "br" => {}
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
                    if !buf.trim().is_empty() && !buf.trim_end().ends_with([';', ':']) {
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

/// Decode `&amp;`, `&nbsp;`, `&#39;`, `&#x2014;` …; anything else stays.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(k, _)| k + 1);
        let decoded = semi.and_then(|k| entity(&rest[1..k]).map(|c| (c, k)));
        match decoded {
            Some((c, k)) => {
                if let Some(c) = c {
                    out.push(c);
                }
                rest = &rest[k + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of an entity name (`amp`, `#39`, `#x2014`); `Some(None)`
/// for one that stands for nothing visible (`shy`).
fn entity(name: &str) -> Option<Option<char>> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code)?;
        return (!c.is_control() || c == '\n' || c == '\t').then_some(Some(c));
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "shy" | "zwj" | "zwnj" => return Some(None),
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "sect" => '§',
        "para" => '¶',
        "rarr" => '→',
        "larr" => '←',
        "harr" => '↔',
        "szlig" => 'ß',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        _ => return accented(name).map(Some),
    };
    Some(Some(c))
}

/// `eacute`, `Ouml`, `atilde` …: a letter with an accent.
fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next()?;
    let accent = chars.as_str();
    const TABLE: &[(&str, &str, &str)] = &[
        ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
        ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ("uml", "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
        ("tilde", "aonAON", "ãõñÃÕÑ"),
        ("caron", "sSzZcC", "šŠžŽčČ"),
    ];
    let (_, from, to) = TABLE.iter().find(|(a, _, _)| *a == accent)?;
    let at = from.chars().position(|c| c == base)?;
    to.chars().nth(at)
}

#[cfg(test)]
mod tests;
