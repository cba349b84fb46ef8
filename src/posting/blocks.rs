//! A posting's text → blocks: headings, paragraphs, list items and table
//! rows, each with the 1-based line it starts on.
//!
//! Postings are copied out of PDFs and web pages, so the reader undoes what
//! copying does: a line broken inside a sentence is joined to the next one
//! (the break is mid-sentence when the line does not end a clause and the
//! next goes on in lower case), a word hyphenated at the line end is made
//! whole again ("infosüs-" + "teemide"), and a word split across a blank
//! line by a broken copy ("asja" / "" / "tundjat") is rejoined. Headings are
//! recognised the ways people write them: Markdown `#`, a line that is all
//! bold, and in plain text a line ending in a colon, a line in capitals, or
//! a short line standing alone above content.

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A heading; the level orders them: `#`…`######` are 1–6, a bold line
    /// 7, a plain-text heading 8.
    Heading(u8),
    Paragraph,
    /// A bulleted or numbered list item (marker removed).
    Item,
    /// A table row; the cells, and `text` holds them joined by ` | `.
    Row(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// The text, inline Markdown removed, whitespace collapsed.
    pub text: String,
    /// The 1-based source line the block starts on.
    pub line: usize,
}

/// Level of headings made of a bold line.
pub const BOLD: u8 = 7;
/// Level of plain-text headings (colon, capitals, a short line alone).
pub const PLAIN: u8 = 8;

const BULLETS: &[char] = &[
    '-', '*', '•', '–', '—', '·', '▪', '\u{f0b7}', '◦', '●', '○', '■', '□', '➢', '►', '✓', '✔', '+',
];

pub fn blocks(lines: &[String]) -> Vec<Block> {
    let full = full_width(lines);
    let mut prev_len = 0usize;
    let mut out: Vec<Block> = Vec::new();
    // The paragraph or item still open to continuation lines.
    let mut open: Option<Block> = None;
    let mut blanks = 0usize;
    // The number of the last numbered section heading ("3. … nõuded"): the
    // next number is the next section's heading, whatever its words.
    let mut last_section: Option<u32> = None;
    for (i, raw) in lines.iter().enumerate() {
        let line_no = i + 1;
        let line = spaces(raw);
        let line = line.trim();
        if line.is_empty() {
            blanks += 1;
            continue;
        }
        let prev_blanks = blanks;
        blanks = 0;
        // The line before this one filled the width the text was wrapped
        // at: it broke where the width ran out, not where a sentence ended.
        let prev_full = full.is_some_and(|w| prev_len >= w);
        prev_len = line.chars().count();
        if is_rule(line) {
            out.extend(open.take());
            continue;
        }
        if let Some((level, text)) = md_heading(line) {
            out.extend(open.take());
            push_heading(&mut out, level, &text, line_no);
            continue;
        }
        if let Some(cells) = table_row(line) {
            out.extend(open.take());
            if !cells.is_empty() {
                out.push(Block {
                    text: cells.join(" | "),
                    kind: Kind::Row(cells),
                    line: line_no,
                });
            }
            continue;
        }
        if let Some(rest) = list_item(line) {
            out.extend(open.take());
            // "3. Teenistuskoha täitjale esitatavad nõuded" between blank
            // lines: an ametijuhend's numbered section heading, not an item.
            let alone =
                prev_blanks > 0 && lines.get(i + 1).is_none_or(|n| spaces(n).trim().is_empty());
            let number: Option<u32> = line.split(['.', ')']).next().and_then(|n| n.parse().ok());
            let next_section = number.is_some() && number == last_section.map(|n| n + 1);
            if alone && numbered_heading(line, rest, next_section) {
                last_section = number;
                push_heading(&mut out, PLAIN, &clean_inline(rest), line_no);
                continue;
            }
            let rest = rest
                .trim_start_matches("[ ] ")
                .trim_start_matches("[x] ")
                .trim_start_matches("[X] ");
            open = Some(Block {
                kind: Kind::Item,
                text: clean_inline(rest),
                line: line_no,
            });
            continue;
        }
        if let Some(text) = bold_line(line) {
            out.extend(open.take());
            push_heading(&mut out, BOLD, &text, line_no);
            continue;
        }
        let text = clean_inline(line);
        if text.is_empty() {
            continue;
        }
        if let Some(b) = open.as_mut()
            && let Some(seam) = join(&b.text, &text, prev_blanks, prev_full)
        {
            seam.sew(&mut b.text, &text);
            continue;
        }
        // A list item or a finished sentence just before: a known heading
        // phrase may follow without a blank line ("…;" / "Nõuded" / "- …").
        let prev_closed = open
            .as_ref()
            .is_some_and(|b| b.kind == Kind::Item || b.text.ends_with(['.', ';', '!', '?']));
        out.extend(open.take());
        let after_break = prev_blanks > 0
            || i == 0
            || out
                .last()
                .is_some_and(|b| matches!(b.kind, Kind::Heading(_)));
        // The next line with text: a label of a form ("Haridus") stands
        // between blank lines, above its value.
        let next = lines[i + 1..]
            .iter()
            .map(|l| spaces(l).trim().to_string())
            .find(|l| !l.is_empty());
        let place = if after_break {
            Place::AfterBreak
        } else if prev_closed {
            Place::AfterClosed
        } else {
            Place::Inside
        };
        if plain_heading(&text, place, next.as_deref()) {
            push_heading(&mut out, PLAIN, &text, line_no);
        } else {
            open = Some(Block {
                kind: Kind::Paragraph,
                text,
                line: line_no,
            });
        }
    }
    out.extend(open);
    out
}

fn push_heading(out: &mut Vec<Block>, level: u8, text: &str, line: usize) {
    let text = clean_inline(text);
    if !text.is_empty() {
        out.push(Block {
            kind: Kind::Heading(level),
            text,
            line,
        });
    }
}

/// No-break and other odd spaces as plain spaces; soft hyphens and
/// zero-width characters dropped.
pub(super) fn spaces(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
            )
        })
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

fn is_rule(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| *c != ' ').collect();
    squeezed.chars().count() >= 3
        && (squeezed.chars().all(|c| c == '-')
            || squeezed.chars().all(|c| c == '*')
            || squeezed.chars().all(|c| c == '_')
            || squeezed.chars().all(|c| c == '—' || c == '–') && squeezed.chars().count() >= 1)
        || line == "—"
}

fn md_heading(line: &str) -> Option<(u8, String)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    Some((hashes as u8, text.to_string()))
}

/// A `|`-separated row: a Markdown table row, or a pipe "table" of a copied
/// form (`eesti keel - nõutud | C1 | C1`). The Markdown rule row gives no
/// cells.
fn table_row(line: &str) -> Option<Vec<String>> {
    let starts = line.starts_with('|');
    if !starts && !line.contains(" | ") {
        return None;
    }
    let cells: Vec<&str> = line.split('|').map(str::trim).collect();
    let cells: Vec<&str> = if starts { cells[1..].to_vec() } else { cells };
    let cells: Vec<&str> = match cells.last() {
        Some(&"") => cells[..cells.len() - 1].to_vec(),
        _ => cells,
    };
    if cells.len() < 2 && !starts {
        return None;
    }
    if cells
        .iter()
        .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    {
        return Some(Vec::new());
    }
    Some(cells.iter().map(|c| clean_inline(c)).collect())
}

/// The text of a bulleted or numbered item (`- x`, `• x`, `1. x`, `1) x`,
/// `a) x`), or `None`.
fn list_item(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if BULLETS.contains(&first) {
        let rest = &line[first.len_utf8()..];
        // `**bold**` and `*emphasis*` are not bullets; `-` must be followed
        // by a space (`-5 °C` is no item).
        if rest.starts_with(' ') && !rest.trim().is_empty() {
            return Some(rest.trim_start());
        }
        return None;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let marker_end = if (1..=2).contains(&digits) {
        digits
    } else if first.is_ascii_lowercase() && line[1..].starts_with(')') {
        1
    } else {
        return None;
    };
    let after = &line[marker_end..];
    let rest = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(") "))
        .or_else(|| after.strip_prefix(".) "))?;
    // "1. september 2025" is a date, not an item.
    let first_word = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    if digits > 0 && super::extract::dates::month_of(&first_word).is_some() {
        return None;
    }
    (!rest.trim().is_empty()).then(|| rest.trim_start())
}

/// Whether a numbered line's text `rest` is a section heading: short,
/// without figures or a sentence's end, and a known heading phrase or the
/// number after the last section heading's.
fn numbered_heading(line: &str, rest: &str, next_section: bool) -> bool {
    let numbered = line.starts_with(|c: char| c.is_ascii_digit());
    let words = rest.split_whitespace().count();
    numbered
        && (1..=8).contains(&words)
        && !rest.ends_with(['.', ';', ',', ':'])
        && !rest.chars().any(|c| c.is_ascii_digit())
        && (next_section || super::extract::sections::classify(rest).is_some())
}

/// A line that is all bold (`**Nõuded:**`, `__Nõuded__`): a heading.
fn bold_line(line: &str) -> Option<String> {
    for mark in ["**", "__"] {
        if let Some(inner) = line.strip_prefix(mark).and_then(|l| l.strip_suffix(mark))
            && !inner.contains(mark)
            && !inner.trim().is_empty()
        {
            return Some(inner.trim().to_string());
        }
    }
    None
}

/// Where a line stands relative to the text before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// After a blank line, a heading, or at the start.
    AfterBreak,
    /// Right after a list item or a finished sentence.
    AfterClosed,
    /// Inside running text.
    Inside,
}

/// Whether `text`, a line on its own, is a heading of plain text: it ends in
/// a colon (and says nothing after it), it is in capitals, or it is short
/// and unpunctuated with content after it — and then it must stand after a
/// break and not be one of a run of short lines (a list written one item a
/// line), unless it is a known heading phrase ("Nõuded", "Pakume").
fn plain_heading(text: &str, place: Place, next: Option<&str>) -> bool {
    let words = text.split_whitespace().count();
    if words > 10 || text.chars().count() > 90 {
        return false;
    }
    if text.ends_with(':') || text.ends_with('?') && words <= 6 {
        // Inside running text a colon ends a clause, not a heading line,
        // unless the words are a heading's.
        return place != Place::Inside || text.ends_with(':') && words <= 6;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    let first_upper = text.chars().next().is_some_and(char::is_uppercase);
    let ends_open = !text.ends_with(['.', ',', ';', '!', '?', ':', ')', '"', '”']);
    let next_starts_new = next.is_some_and(|n| {
        !n.is_empty()
            && (list_item(n).is_some()
                || n.starts_with('#')
                || n.chars().next().is_some_and(|c| !c.is_lowercase()))
    });
    let next_is_peer = next.is_some_and(|n| {
        list_item(n).is_none()
            && !n.starts_with('#')
            && n.split_whitespace().count() <= 6
            && !n.ends_with(['.', ';', ':', '!', '?', ','])
            && n.chars().next().is_some_and(char::is_uppercase)
    });
    let known = super::extract::sections::classify(text).is_some();
    let placed = match place {
        Place::AfterBreak => known || !next_is_peer,
        _ => known,
    };
    // "Registrikood: 70003164" is a field, not a heading.
    let field = text.contains(": ");
    (words <= 6 || known)
        && first_upper
        && ends_open
        && !field
        && placed
        && next_starts_new
        && !text.contains("://")
        && !text.contains('@')
}

/// How `next` goes on from `prev` when it continues it (a wrapped line, or
/// a word broken across a blank line), else `None`.
fn join(prev: &str, next: &str, blanks: usize, prev_full: bool) -> Option<Seam> {
    let last = prev.chars().last()?;
    let next_first = next.chars().next()?;
    if blanks == 1 {
        // A copy that broke a word over a blank line: both sides are bare
        // lower-case letters where the word was cut.
        return (last.is_lowercase() && next_first.is_lowercase()).then_some(Seam::Glue);
    }
    if blanks > 1 {
        return None;
    }
    // An item that is one short lower-case word going on in lower case on
    // the next line is a word the copy broke ("• asja" / "tundjat, …"):
    // no item is a lone "asja".
    if !prev.contains(' ')
        && prev.chars().count() <= 6
        && prev.chars().all(char::is_lowercase)
        && next_first.is_lowercase()
    {
        return Some(Seam::Glue);
    }
    if last == '-' && !prev.ends_with(" -") {
        return Some(hyphen_seam(prev, next));
    }
    let ends_clause = matches!(last, '.' | ';' | '!' | '?' | ':');
    let continues = next_first.is_lowercase()
        || last == ','
        || (last == '-' || last == '–')
        || (next_first == '(' && !ends_clause);
    // In text wrapped at a width a full line goes on in the next one even
    // after a full stop: paragraphs there are parted by blank lines, and
    // sentences are split again where they are read.
    (!ends_clause && continues || prev_full && last != ':').then_some(Seam::Space)
}

/// The length from which a line counts as full, when the text was
/// hard-wrapped at a fixed width (a PDF's or a mail's copy): most long
/// lines then end within a few characters of the same width. `None` when
/// the lines' lengths show no such width.
fn full_width(lines: &[String]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|n| *n >= 30)
        .collect();
    if lens.len() < 5 {
        return None;
    }
    lens.sort_unstable();
    let top = lens[lens.len() * 9 / 10];
    let near = lens
        .iter()
        .filter(|n| **n + 15 >= top && **n <= top + 5)
        .count();
    // Wrapped text: a good share of the long lines end near that width.
    (top <= 120 && near * 3 >= lens.len()).then(|| top.saturating_sub(15).max(30))
}

/// Joins a line ending in a hyphen with the next. A hyphen before "ja",
/// "ning", "või" (and English "and", "or") is the shared-suffix dash of
/// "töö- ja pereelu" and keeps its space; after capitals, digits or a single
/// letter ("IT-", "3-", "e-") it is part of the word ("IT-juht"); otherwise
/// it is a line-end hyphenation and goes ("infosüs-teemide" →
/// "infosüsteemide").
pub fn dehyphenate(prev: &str, next: &str) -> String {
    let mut out = prev.to_string();
    hyphen_seam(prev, next).sew(&mut out, next);
    out
}

fn hyphen_seam(prev: &str, next: &str) -> Seam {
    let stem = prev.trim_end_matches('-');
    let first_word = next.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first_word.as_str(),
        "ja" | "ning" | "või" | "ega" | "and" | "or" | "nor" | "kui"
    ) {
        return Seam::Space;
    }
    let fragment = stem.rsplit(' ').next().unwrap_or("");
    let letters = fragment.chars().filter(|c| c.is_alphabetic()).count();
    let keeps = fragment
        .chars()
        .any(|c| c.is_uppercase() || c.is_ascii_digit())
        || letters <= 1
        || next.chars().next().is_some_and(|c| !c.is_lowercase());
    if keeps { Seam::Glue } else { Seam::DropHyphen }
}

/// How a continuation line is sewn onto the text before it. Appending in
/// place keeps a long paragraph's joining linear in its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seam {
    /// With a space: a line wrapped between words.
    Space,
    /// Without one: a word broken by the copy, or a real hyphen ("IT-juht").
    Glue,
    /// Dropping the line's final hyphen: "infosüs-" + "teemide".
    DropHyphen,
}

impl Seam {
    fn sew(self, text: &mut String, next: &str) {
        match self {
            Seam::Space => text.push(' '),
            Seam::Glue => {}
            Seam::DropHyphen => {
                while text.ends_with('-') {
                    text.pop();
                }
            }
        }
        text.push_str(next);
    }
}

mod inline;

pub use inline::clean_inline;

#[cfg(test)]
mod tests;
