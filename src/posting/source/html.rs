//! An HTML posting → text lines, shaped like the Markdown copies the rest of
//! the reader knows: every block element on lines of its own with a blank
//! line after it, list items as `- item`, headings as `# …` by level, table
//! cells joined by ` | `. Scripts, styles, navigation, page headers and
//! footers, forms and buttons are not part of an ad and are dropped.
//! The parser decodes entities; Cloudflare-protected addresses are decoded
//! here from `data-cfemail` (a link's `href` is decoded later with the text).

use crate::html_tree::{Step, walk};
use scraper::{Html, Node};

const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "noscript", "form", "button", "head", "template",
    "svg", "iframe", "select", "textarea", "aside",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
    "fieldset",
    "details",
    "summary",
    "caption",
];

/// Blocks that end a paragraph: a blank line follows them, so that the
/// block reader never joins two of them as one wrapped paragraph.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "hr",
];

struct Out {
    lines: Vec<String>,
    cur: String,
}

impl Out {
    fn flush(&mut self) {
        let line = self.cur.trim().to_string();
        self.cur.clear();
        let bare = line.trim_start_matches(['#', '-', ' ']);
        if !bare.is_empty() {
            self.lines.push(line);
        }
    }

    fn blank(&mut self) {
        self.flush();
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn text(&mut self, t: &str) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.cur.ends_with(' ') && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.cur.push_str(word);
        }
    }
}

/// The element's text, whitespace collapsed.
fn inner_text(el: scraper::ElementRef) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn to_text(source: &str) -> String {
    let doc = Html::parse_document(source);
    let mut out = Out {
        lines: Vec::new(),
        cur: String::new(),
    };
    // Without an h1 the page's <title> ("Analüütik - Asutus") is the only
    // place that names the job: it becomes the first heading.
    let selector = |s: &str| scraper::Selector::parse(s).ok();
    if let (Some(h1), Some(title)) = (selector("h1"), selector("title"))
        && doc.select(&h1).next().is_none()
        && let Some(t) = doc.select(&title).next()
    {
        out.cur.push_str("# ");
        out.text(&inner_text(t));
        out.blank();
    }
    let mut cells_in_row = 0usize;
    // An element dropped, or whose text is already written, is not entered.
    walk(doc.tree.root(), |node, step| {
        let Node::Element(e) = node.value() else {
            if let (Node::Text(t), Step::Enter) = (node.value(), step) {
                out.text(&t.text);
            }
            return true;
        };
        let name = e.name();
        if step == Step::Leave {
            if PARAGRAPHS.contains(&name) {
                out.blank();
            } else if BLOCKS.contains(&name) {
                out.flush();
            }
            return true;
        }
        if DROPPED.contains(&name) {
            return false;
        }
        if let Some(addr) = e.attr("data-cfemail").and_then(super::cf_decode) {
            out.text(&addr);
            return false;
        }
        if name == "a"
            && let Some(el) = scraper::ElementRef::wrap(node)
        {
            let href = e.attr("href").unwrap_or("");
            let addr = href
                .split_once("email-protection#")
                .and_then(|(_, hex)| super::cf_decode(hex.trim()))
                .or_else(|| {
                    href.strip_prefix("mailto:")
                        .map(|a| a.split('?').next().unwrap_or("").to_string())
                });
            if let Some(addr) = addr.filter(|a| a.contains('@')) {
                let shown = inner_text(el);
                if shown.contains('@') && !shown.contains("protected") {
                    out.text(&shown);
                } else if shown.is_empty() || shown.contains("protected") {
                    out.text(&addr);
                } else {
                    out.text(&format!("{shown} ({addr})"));
                }
                return false;
            }
        }
        if name == "br" {
            out.flush();
        } else if name == "td" || name == "th" {
            if cells_in_row > 0 {
                out.cur.push_str(" | ");
            }
            cells_in_row += 1;
        } else if BLOCKS.contains(&name) {
            out.flush();
            if name == "tr" {
                cells_in_row = 0;
            }
            if name == "li" {
                out.cur.push_str("- ");
            }
            if let Some(level) = heading_level(name) {
                out.cur.push_str(&"#".repeat(level));
                out.cur.push(' ');
            }
        }
        true
    });
    out.flush();
    out.lines.join("\n")
}

fn heading_level(name: &str) -> Option<usize> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn blocks_lists_headings_and_dropped_parts() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav>Menüü</nav><h2>Nõuded</h2><ul><li>kõrg&shy;haridus &amp; <b>kogemus</b></li>\
            <li>eesti keel</li></ul><p>Rida<br>teine</p><script>x()</script>\
            <table><tr><td>a</td><td>b</td></tr></table><footer>©</footer></body></html>";
        let text = to_text(html);
        assert_eq!(
            text,
            "# T\n\n## Nõuded\n\n- kõrg\u{ad}haridus & kogemus\n- eesti keel\n\nRida\nteine\n\na | b\n"
        );
    }

    #[test]
    fn the_title_stands_in_for_a_missing_h1() {
        let html =
            "<html><head><title>Analüütik - Amet</title></head><body><p>Tekst</p></body></html>";
        assert_eq!(to_text(html), "# Analüütik - Amet\n\nTekst\n");
    }

    #[test]
    fn cloudflare_and_mailto_links_show_the_address() {
        let hex: String = std::iter::once(0x11u8)
            .chain(b"x@y.ee".iter().map(|b| b ^ 0x11))
            .map(|b| format!("{b:02x}"))
            .collect();
        let html = format!(
            "<p><a href=\"/cdn-cgi/l/email-protection#{hex}\">[email&#160;protected]</a>, \
             <a href=\"/cdn-cgi/l/email-protection#{hex}\">Mari Maasikas</a>, \
             <span class=\"__cf_email__\" data-cfemail=\"{hex}\">[email protected]</span>, \
             <a href=\"mailto:z@y.ee\">kirjuta</a></p>"
        );
        assert_eq!(
            to_text(&html).trim(),
            "x@y.ee, Mari Maasikas (x@y.ee), x@y.ee, kirjuta (z@y.ee)"
        );
    }
}
