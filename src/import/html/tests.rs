use super::*;

fn line(s: &str) -> String {
    to_markup(s, Flow::Line).text
}

fn block(s: &str) -> String {
    to_markup(s, Flow::Block).text
}

#[test]
fn bold_and_italic() {
    assert_eq!(line("Acme <b>Corp</b>"), "Acme **Corp**");
    assert_eq!(line("a <strong>b c</strong> d"), "a **b c** d");
    assert_eq!(line("<i>x</i> and <em>y</em>"), "*x* and *y*");
    assert_eq!(line("<B>loud</B>"), "**loud**");
    // Spaces inside the element move outside the markers.
    assert_eq!(line("a<b> b </b>c"), "a **b** c");
    // Emphasis inside emphasis keeps only the outer markers.
    assert_eq!(line("<b>x <i>y</i></b>"), "**x y**");
    assert_eq!(line("<b></b>empty"), "empty");
    // Unclosed: closed at the end.
    assert_eq!(line("<b>open"), "**open**");
    // A stray closing tag is ignored.
    assert_eq!(line("text</b>"), "text");
}

#[test]
fn links() {
    assert_eq!(
        line(r#"see <a href="https://x.org/a">the site</a>."#),
        "see [the site](https://x.org/a)."
    );
    assert_eq!(
        line("<a href='mailto:a@b.org'>mail</a>"),
        "[mail](mailto:a@b.org)"
    );
    assert_eq!(
        line(r#"<a href="https://x.org/">"#),
        "[https://x.org/](https://x.org/)"
    );
    // Parentheses in the URL would end the markup link.
    assert_eq!(
        line(r#"<a href="https://en.wikipedia.org/wiki/X_(y)">X</a>"#),
        "[X](https://en.wikipedia.org/wiki/X_%28y%29)"
    );
    // A `>` inside the quoted value does not end the tag.
    assert_eq!(
        line("<a href='https://y.com/v>'>\"Going\"</a>"),
        "[\"Going\"](https://y.com/v>)"
    );
    let m = to_markup(r#"<a href="/cv.pdf">my CV</a>"#, Flow::Line);
    assert_eq!(m.text, "my CV");
    assert_eq!(m.dropped.len(), 1);
    assert!(m.dropped[0].contains("/cv.pdf"), "{:?}", m.dropped);
    let m = to_markup(r#"<a href="javascript:alert(1)">x</a>"#, Flow::Line);
    assert_eq!(m.text, "x");
    assert!(!m.dropped.is_empty());
}

#[test]
fn breaks_and_paragraphs() {
    // A profile's text has paragraphs, no line breaks: `<br>` starts a paragraph.
    assert_eq!(block("one<br>two<br/>three"), "one\n\ntwo\n\nthree");
    assert_eq!(block("one<br /><br />two"), "one\n\ntwo");
    // …except inside emphasis, a link or a list item, where it is a space.
    assert_eq!(block("<b>one<br>two</b>"), "**one two**");
    assert_eq!(block("<ul><li>one<br>two</li></ul>"), "• one two");
    assert_eq!(block("<p>one</p><p>two</p>"), "one\n\ntwo");
    assert_eq!(line("one<br>two<p>three</p>"), "one two three");
    // In HTML, source line breaks are spaces; in plain text they stay.
    assert_eq!(block("a\nb <b>c</b>"), "a b **c**");
    assert_eq!(block("a\nb\n\n\n\nc"), "a\nb\n\nc");
}

#[test]
fn lists() {
    let m = to_markup(
        "<p>Leads the team.</p><ul><li>Built <b>X</b></li><li>Ran Y</li></ul>",
        Flow::BlockWithItems,
    );
    assert_eq!(m.text, "Leads the team.");
    assert_eq!(m.items, vec!["Built **X**", "Ran Y"]);
    assert!(m.dropped.is_empty());
    assert_eq!(
        block("Intro<ul><li>one</li><li>two</li></ul>End"),
        "Intro\n\n• one\n\n• two\n\nEnd"
    );
    assert_eq!(line("Did:<ul><li>one</li><li>two</ul>"), "Did: one; two");
    // Unclosed items end at the next one.
    let m = to_markup("<ul><li>one<li>two</ul>", Flow::BlockWithItems);
    assert_eq!(m.items, vec!["one", "two"]);
    let m = to_markup("<ol><li>one</li></ol>", Flow::BlockWithItems);
    assert_eq!(m.items, vec!["one"]);
}

#[test]
fn entities() {
    assert_eq!(line("Tom &amp; Jerry"), "Tom & Jerry");
    assert_eq!(line("a&nbsp;b"), "a\u{a0}b");
    assert_eq!(line("it&#39;s &#x2014; &quot;ok&quot;"), "it's — \"ok\"");
    assert_eq!(line("caf&eacute; &Ouml;l &mdash; x"), "café Öl — x");
    assert_eq!(line("AT&T &unknown; &"), "AT&T &unknown; &");
    // An escaped tag is text, not a tag.
    assert_eq!(line("&lt;b&gt;x&lt;/b&gt;"), "<b>x</b>");
    assert_eq!(line("soft&shy;hyphen"), "softhyphen");
}

#[test]
fn other_tags_are_removed_and_reported() {
    let m = to_markup(
        "<span class=\"x\">a</span> <u>b</u><span>c</span>",
        Flow::Line,
    );
    assert_eq!(m.text, "a bc");
    assert_eq!(m.dropped, vec!["<span>", "<u>"]);
    let m = to_markup("<div>a</div><div>b</div><!-- hidden -->", Flow::Block);
    assert_eq!(m.text, "a\n\nb");
    assert_eq!(m.dropped, vec!["<div>", "<!-- comment -->"]);
}

#[test]
fn what_is_not_a_tag_stays_text() {
    for s in [
        "<POSITION>",
        "<ORGANIZATION_NAME>",
        "a < b > c",
        "x<y",
        "<3 code",
        "https://instagram.com/<pg2k1>",
        "**already markup**",
        // Generics whose parameter is named like an element that is dropped
        // with its content: without its closing tag it is no element.
        "List<Object> and Map<String, Object>",
        "C<T> and Vec<Title>",
        "Foo<Template>, Bar<Head>",
        // A bare `&` is no entity; nor are the old ones without `;` that
        // HTML would read (`&copy2024`), in text without tags or entities.
        "R&D, C++ & Rust",
        "AT&T&copy &copy2024 a &amp b",
    ] {
        let m = to_markup(s, Flow::Line);
        assert_eq!(m.text, s, "{s}");
        assert!(m.dropped.is_empty());
    }
}

#[test]
fn script_style_and_other_non_text_elements_go_with_their_content() {
    let m = to_markup("x <script>y()</script> <style>p{}</style> z", Flow::Block);
    assert_eq!(m.text, "x z");
    assert_eq!(
        m.dropped,
        vec!["<script> with its content", "<style> with its content"]
    );
    for (s, want, dropped) in [
        (
            "a<SCRIPT type='text/javascript'>if (a < b) { x('</p>') }</SCRIPT>b",
            "ab",
            "<script>",
        ),
        ("a <noscript><b>on</b></noscript>b", "a b", "<noscript>"),
        ("a <template><p>t</p></template>b", "a b", "<template>"),
        (
            "a <iframe src=\"https://x.org\"></iframe>b",
            "a b",
            "<iframe>",
        ),
        (
            "a <object><object>inner</object>fallback</object>b",
            "a b",
            "<object>",
        ),
        (
            "a <svg viewBox='0 0 1 1'><title>t</title><path d='M0'/></svg>b",
            "a b",
            "<svg>",
        ),
        ("<head><title>CV</title></head>a", "a", "<head>"),
        ("<title>CV</title>a", "a", "<title>"),
        ("a <svg/> b", "a b", "<svg>"),
        // An unclosed script or style runs to the end of the text.
        ("a <script>alert(1)", "a", "<script>"),
    ] {
        let m = to_markup(s, Flow::Line);
        assert_eq!(m.text, want, "{s}");
        assert_eq!(m.dropped.len(), 1, "{s}: {:?}", m.dropped);
        assert!(m.dropped[0].starts_with(dropped), "{s}: {:?}", m.dropped);
    }
}

#[test]
fn what_the_parser_reads_as_a_browser_does() {
    // Items left open end at the next item or the list's end.
    let m = to_markup(
        "<ol><li>one<li>two<li>three</ol>after",
        Flow::BlockWithItems,
    );
    assert_eq!(m.items, vec!["one", "two", "three"]);
    assert_eq!(m.text, "after");
    assert_eq!(block("<li>loose"), "• loose");
    // A nested list stays within its item, joined on one line.
    let nested = "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>";
    assert_eq!(block(nested), "• a; b; c\n\n• d");
    let m = to_markup(nested, Flow::BlockWithItems);
    assert_eq!(m.items, vec!["a; b; c", "d"]);
    assert_eq!(
        line("Intro<ul><li>one</li><li>two</li></ul>"),
        "Intro; one; two"
    );
    // Every way of writing a line break, `</br>` too.
    assert_eq!(block("a<br>b<br/>c<BR />d</br>e"), "a\n\nb\n\nc\n\nd\n\ne");
    // Numeric entities, old Windows code points and entities without `;`
    // in HTML, as a browser reads them.
    assert_eq!(
        line("<b>&#8364;&#x20AC; &#128512;</b> &#150; &copy2024 &amp R&D"),
        "**€€ 😀** – ©2024 & R&D"
    );
    // Emphasis left open across a paragraph goes on in the next one.
    assert_eq!(block("<p><b>x</p>y"), "**x**\n\n**y**");
    // A tag the parser ignores is still reported.
    let m = to_markup("x</span> <td>y", Flow::Line);
    assert_eq!(m.text, "x y");
    assert_eq!(m.dropped, vec!["<span>", "<td>"]);
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "(\\PC|</?(b|i|a|li|ul|p|br|td|table|div|span|script|object|title|head|svg|!--|-->|x)[ a-z='\"/]{0,6}>?|&[a-z#0-9]{0,6};?){0,30}") {
        for flow in [Flow::Line, Flow::Block, Flow::BlockWithItems] {
            let m = to_markup(&text, flow);
            proptest::prop_assert!(!m.text.contains('\0'));
        }
    }
}

#[test]
fn thousands_of_nested_tags_are_read_as_text() {
    // Past MAX_TAGS the parser (quadratic in the nesting depth) is not used.
    let deep = "<ul><li>x".repeat(10_000);
    let m = to_markup(&deep, Flow::Block);
    assert!(
        m.text.starts_with('x'),
        "{:?}",
        &m.text[..20.min(m.text.len())]
    );
    assert!(
        m.dropped.iter().any(|d| d.contains("read as plain text")),
        "{:?}",
        m.dropped
    );
}
