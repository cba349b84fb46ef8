//! Reading a job posting as people have it — text copied out of a PDF, a
//! Markdown or HTML copy of a job site's ad, a PDF file — into the fields a
//! tailoring file starts from ([`Extracted`]). The first stage of
//! `dossier new --from`: source ([`source`]: bytes → text lines) → blocks
//! ([`blocks`]: lines → headings, paragraphs, list items, table cells, with
//! wraps and hyphenation undone) → fields ([`extract`]).
//!
//! Every value remembers the line of the source it came from, so that the
//! draft can say where each value was read.

pub mod blocks;
pub mod extract;
pub mod source;

use crate::model::{Date, Lang};

/// A value and the 1-based line of the source where it was found: an index
/// into [`source::Source::lines`]. For Markdown and plain text that is the
/// file's own line; for HTML a line of the text the page was turned into
/// (block elements on lines of their own), and for a PDF a line of
/// `pdftotext`'s text — show those lines, not the HTML or PDF file's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub line: usize,
}

/// A person or mailbox to reach about the posting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    /// "Värbaja", "HR partner", "osakonna juhataja", …
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One requirement line of the posting, verbatim (bullet removed, wraps
/// joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementLine {
    pub text: String,
    /// A nice-to-have: in a "Kasuks tuleb" / "Nice to have" section, or the
    /// line itself says so ("… on eeliseks", "soovitavalt …").
    pub optional: bool,
}

/// What a posting says, as far as it could be read.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The posting's language (Estonian unless the text is English).
    pub language: Lang,
    pub organization: Option<Found<String>>,
    pub position: Option<Found<String>>,
    /// The structural unit, team or department.
    pub unit: Option<Found<String>>,
    /// A competition or posting number.
    pub reference: Option<Found<String>>,
    /// The application deadline.
    pub deadline: Option<Found<Date>>,
    pub url: Option<Found<String>>,
    /// The employer's address, one entry per line.
    pub address: Vec<Found<String>>,
    pub contacts: Vec<Found<Contact>>,
    /// The city or place of work.
    pub location: Option<Found<String>>,
    /// The salary offered, as written ("2300–2800 € bruto").
    pub salary: Option<Found<String>>,
    /// The duties, one per item.
    pub duties: Vec<Found<String>>,
    /// Every requirement line, nice-to-have ones included.
    pub requirements: Vec<Found<RequirementLine>>,
}

/// Reads a posting from `input` and extracts its fields. `today` resolves
/// deadlines written without a year ("kandideeri hiljemalt 15. jaanuariks").
///
/// Errors (with the input's name, never a panic): the file cannot be read,
/// it is empty or holds no text (binary data, an image-only PDF), or a PDF
/// cannot be turned into text because `pdftotext` is missing.
pub fn read(input: &source::Input, today: Date) -> anyhow::Result<(source::Source, Extracted)> {
    let source = source::load(input)?;
    let extracted = extract::extract(&source.lines, today);
    Ok((source, extracted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(text in "\\PC*(\n\\PC*){0,12}") {
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let _ = extract::extract(&lines, Date::ymd(2025, 12, 1));
            let _ = source::from_bytes(&source::Input::Stdin, text.as_bytes());
        }

        #[test]
        fn never_panics_on_posting_like_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("# Otsime juhti".to_string()),
                    Just("- ".to_string()),
                    Just("**Nõuded:**".to_string()),
                    Just("".to_string()),
                    Just("hiljemalt 29. ".to_string()),
                    Just("| a | b |".to_string()),
                    Just("1) ".to_string()),
                    Just("IT-".to_string()),
                    Just("<p>".to_string()),
                    Just("/cdn-cgi/l/email-protection#4".to_string()),
                    // Lower-casing changes these characters' length in bytes.
                    Just("İİ Otsib ȺȾ Tähtaeg: İ".to_string()),
                    Just("Ametinimetus İ".to_string()),
                    Just("Tel İ 5555 0000 İ@x.ee".to_string()),
                    "[a-zõäöü@.:;, -]{0,20}",
                ],
                0..30,
            )
        ) {
            let text = parts.join("\n");
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            let _ = extract::extract(&lines, Date::ymd(2025, 2, 28));
            let _ = source::from_bytes(&source::Input::Stdin, text.as_bytes());
        }
    }
}
