//! The letter as a careful reader checks it before sending: does it name the
//! organization and the position, is it in the posting's language, is it
//! dated on or before the deadline, and is no placeholder left in it.

use crate::build::Merged;
use crate::diag::{Diagnostic, Pos};
use crate::model::markup::plain;
use crate::model::text::TextValue;
use crate::model::{Date, Lang, Text};

pub fn check(m: &Merged, findings: &mut Vec<Diagnostic>) {
    let ctx = &m.tailored.context;
    let lt = &m.tailoring.letter;
    let body_pos = lt.body.as_ref().map(|b| b.pos).unwrap_or_default();
    let warn = |msg: String| {
        Diagnostic::warning(&m.file, msg)
            .at(body_pos)
            .field("letter.body")
    };

    // Placeholders, wherever the letter (or the CV's own words) has text:
    // (field, text as printed, text as written, file it was written in).
    let profile = &m.profile;
    let tfile = m.file.as_path();
    let cvt = &m.tailoring.cv;
    let mut texts: Vec<(&str, String, Option<&Text>, &std::path::Path)> = vec![
        (
            "letter.subject",
            ctx.letter.subject.clone(),
            lt.subject.as_ref(),
            tfile,
        ),
        (
            "letter.salutation",
            ctx.letter.salutation.clone(),
            lt.salutation.as_ref(),
            tfile,
        ),
        (
            "letter.closing",
            ctx.letter.closing.clone(),
            lt.closing.as_ref(),
            tfile,
        ),
        // A draft of `dossier new` leaves `[organization]` / `[position]`
        // where the posting did not say.
        (
            "posting.organization",
            ctx.posting.organization.clone(),
            Some(&m.tailoring.posting.organization),
            tfile,
        ),
        (
            "posting.position",
            ctx.posting.position.clone(),
            Some(&m.tailoring.posting.position),
            tfile,
        ),
    ];
    for (field, shown, written, profile_field, in_profile) in [
        (
            "cv.headline",
            &ctx.cv.headline,
            cvt.headline.as_ref(),
            "headline",
            profile.profile.headline.as_ref(),
        ),
        (
            "cv.summary",
            &ctx.cv.summary,
            cvt.summary.as_ref(),
            "summary",
            profile.profile.summary.as_ref(),
        ),
    ] {
        texts.push(match written {
            Some(w) => (field, shown.clone(), Some(w), tfile),
            None => (
                profile_field,
                shown.clone(),
                in_profile,
                profile.file.as_path(),
            ),
        });
    }
    for p in &ctx.letter.paragraphs {
        texts.push(("letter.body", p.clone(), lt.body.as_ref(), tfile));
    }
    let mut seen: Vec<(&str, String)> = Vec::new();
    for (field, text, written, file) in &texts {
        let found_here = placeholders(text);
        if found_here.is_empty() {
            continue;
        }
        // The file's text, to find the placeholder's own line (read only
        // when there is one to find).
        let real = if *file == tfile {
            &m.posting.path
        } else {
            &m.posting.profile
        };
        let source = std::fs::read_to_string(real).ok();
        for found in found_here {
            // The same placeholder in several paragraphs of one text: each
            // at its own place.
            let key = (*field, found.clone());
            let nth = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            let pos = written
                .map(|w| locate(source.as_deref(), w, ctx.lang, (&found, nth)))
                .unwrap_or_default();
            findings.push(
                Diagnostic::new(*file, format!("a placeholder is left in the text: {found}"))
                    .at(pos)
                    .field(*field)
                    .help("write the real text before sending"),
            );
        }
    }
    if ctx.letter.paragraphs.is_empty() {
        return;
    }
    let body: String = std::iter::once(ctx.letter.subject.as_str())
        .chain(ctx.letter.paragraphs.iter().map(String::as_str))
        .map(plain)
        .collect::<Vec<_>>()
        .join("\n");

    // Names the organization (or its short name) and the position.
    let org = plain(&ctx.posting.organization);
    let short = &ctx.posting.short_name;
    if !names(&body, &org) && (short.is_empty() || !names(&body, short)) {
        findings.push(warn(format!(
            "the letter does not name the organization ({org}{})",
            if short.is_empty() {
                String::new()
            } else {
                format!(" or {short}")
            }
        )));
    }
    let position = plain(&ctx.posting.position);
    if !position.is_empty() && !names(&body, &position) {
        findings.push(warn(format!(
            "the letter does not name the position ({position})"
        )));
    }

    // In the posting's language.
    if let Some(wrote) = language_of(&body)
        && wrote != ctx.lang
    {
        findings.push(warn(format!(
            "the letter reads as {}, but the posting's language is {}",
            lang_name(wrote),
            lang_name(ctx.lang)
        )));
    }
}

/// A letter dated after the deadline; `None` when either is unknown.
pub fn dated_after_deadline(m: &Merged) -> Option<Diagnostic> {
    let deadline = m.tailoring.posting.deadline.as_ref()?.value;
    let date = Date::parse(&m.tailored.context.letter.date_iso).ok()?;
    let pos = m
        .tailoring
        .letter
        .date
        .as_ref()
        .map(|d| d.pos)
        .unwrap_or_default();
    (date > deadline).then(|| {
        Diagnostic::warning(
            &m.file,
            format!("the letter is dated {date}, after the deadline {deadline}"),
        )
        .at(pos)
        .field("letter.date")
    })
}

/// Placeholders a writer leaves to fill in later: `TODO`, `XXX`, `[name]`
/// (brackets not followed by a link target), and `…` or `...` as the whole
/// text (an ellipsis that ends a list, "HTML, CSS, ...", is not one).
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '_') {
        let upper = word.to_ascii_uppercase();
        if (word == "TODO" || word == "XXX" || word == "TBD" || upper == "FIXME")
            && !out.contains(&word.to_string())
        {
            out.push(word.to_string());
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '['
            && let Some(len) = chars[i + 1..].iter().take(40).position(|&c| c == ']')
        {
            let close = i + 1 + len;
            let inner: String = chars[i + 1..close].iter().collect();
            let link = chars.get(close + 1) == Some(&'(');
            if !link && !inner.trim().is_empty() && !inner.contains('[') {
                out.push(format!("[{inner}]"));
            }
            i = close + 1;
            continue;
        }
        i += 1;
    }
    if matches!(text.trim(), "…" | "...") && !out.iter().any(|o| o == text.trim()) {
        out.push(text.trim().to_string());
    }
    out
}

/// Where `found` is in the text as written: its line and column in the
/// YAML file, else where the text begins. The value alone cannot tell the
/// line of a folded text (`>-` joins its lines) or of a text per language
/// (its position is the map's), so the file's `source` is searched first,
/// over the lines that belong to the text.
/// Where the `nth` (0-based) occurrence of `found` in `written` stands in
/// the file: the letter body's three `TODO`s are three places.
fn locate(source: Option<&str>, written: &Text, lang: Lang, (found, nth): (&str, usize)) -> Pos {
    if let Some(pos) = source.and_then(|s| locate_in_source(s, written, lang, (found, nth))) {
        return pos;
    }
    let Some(raw) = written.get(lang, None) else {
        return written.pos;
    };
    raw.lines()
        .enumerate()
        .flat_map(|(n, line)| {
            line.match_indices(found)
                .map(move |(col, _)| (n, line, col))
        })
        .nth(nth)
        .map_or(written.pos, |(n, line, col)| {
            if n == 0 {
                return written.pos;
            }
            Pos {
                line: written.pos.line + n as u32,
                column: written.pos.column.max(1) + line[..col].chars().count() as u32,
            }
        })
}

/// `found` in the lines of `source` that belong to the text starting at
/// `written.pos`: that line from the text's column on, then every line
/// indented at least as far as the text starts (or blank). For a text per
/// language, from the line of its language's key (`et:`) on. `None` when
/// it is not there as written (an escape in a quoted string, or text the
/// letter template produced).
fn locate_in_source(
    source: &str,
    written: &Text,
    lang: Lang,
    (found, nth): (&str, usize),
) -> Option<Pos> {
    let start = written.pos;
    if !start.is_known() {
        return None;
    }
    let indent = start.column.saturating_sub(1) as usize;
    let lines: Vec<&str> = source
        .lines()
        .skip(start.line as usize - 1)
        .enumerate()
        .take_while(|(n, l)| {
            *n == 0 || l.trim().is_empty() || l.len() - l.trim_start_matches(' ').len() >= indent
        })
        .map(|(_, l)| l)
        .collect();
    let from = match &written.value {
        TextValue::ByLang(_) => {
            let key = format!("{}:", lang.code());
            lines
                .iter()
                .position(|l| l.trim_start().starts_with(&key))
                .unwrap_or(0)
        }
        TextValue::Plain(_) => 0,
    };
    lines
        .iter()
        .enumerate()
        .skip(from)
        .flat_map(|(n, line)| {
            let skip = if n == 0 {
                line.char_indices()
                    .nth(indent)
                    .map_or(line.len(), |(b, _)| b)
            } else {
                0
            };
            line[skip..].match_indices(found).map(move |(at, _)| Pos {
                line: start.line + n as u32,
                column: line[..skip + at].chars().count() as u32 + 1,
            })
        })
        .nth(nth)
}

/// Whether `text` names `name`: every longer word of the name occurs, also
/// inflected (Estonian adds endings: „Sotsiaalkindlustusameti“,
/// „peaspetsialisti“) — a word counts when a word of the text starts with
/// all but its last two letters.
pub fn names(text: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let have = words(text);
    let wanted: Vec<String> = words(name)
        .into_iter()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if wanted.is_empty() {
        // A short name ("RIA", "SKA") must stand as whole words: as a mere
        // substring "criteria" or "variant" would name RIA. Estonian writes
        // its cases after a hyphen ("RIA-le", "SKA-s"), which splits off.
        let short = words(name);
        if short.is_empty() {
            return text.to_lowercase().contains(&name.to_lowercase());
        }
        return have.windows(short.len()).any(|w| w == short.as_slice());
    }
    wanted.iter().all(|w| {
        let n = w.chars().count().saturating_sub(2).max(3);
        let stem: String = w.chars().take(n).collect();
        have.iter().any(|h| h.starts_with(&stem))
    })
}

/// Estonian or English, by their most common short words; `None` when the
/// text is short or unclear.
pub fn language_of(text: &str) -> Option<Lang> {
    const ET: &[&str] = &[
        "ja", "on", "et", "ning", "ma", "mina", "olen", "oma", "see", "kui", "mis", "ka", "aga",
        "või", "kes", "minu", "teie", "ei", "kuid", "samuti", "mind", "mulle", "seda", "ole",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "in", "i", "my", "is", "for", "with", "that", "on", "as", "be",
        "this", "your", "have", "am", "at", "an", "would", "am",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 25 {
        return None;
    }
    let et = words.iter().filter(|w| ET.contains(&w.as_str())).count();
    let en = words.iter().filter(|w| EN.contains(&w.as_str())).count();
    if et >= 3 && et > 2 * en {
        Some(Lang::Et)
    } else if en >= 3 && en > 2 * et {
        Some(Lang::En)
    } else {
        None
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Et => "Estonian",
        Lang::En => "English",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders() {
        assert_eq!(placeholders("Hello TODO world"), ["TODO"]);
        assert_eq!(placeholders("Dear [name], XXX"), ["XXX", "[name]"]);
        assert_eq!(placeholders("…"), ["…"]);
        assert_eq!(placeholders(" ... "), ["..."]);
        assert!(placeholders("React, RxJS, ...").is_empty());
        assert!(placeholders("See [RIA](https://ria.ee) and todo-lists…").is_empty());
        assert!(placeholders("Tallinn, 12. november 2026").is_empty());
    }

    #[test]
    fn names_inflected_words() {
        assert!(!names(
            "Kandideerin Sotsiaalkindlustusameti peaspetsialisti ametikohale",
            "Peaspetsialist (kasutaja tugi)"
        ));
        assert!(names(
            "Kandideerin Sotsiaalkindlustusameti peaspetsialisti (kasutajatoe) ametikohale, kasutaja tugi",
            "Peaspetsialist (kasutaja tugi)"
        ));
        assert!(names(
            "töö Sotsiaalkindlustusametis",
            "Sotsiaalkindlustusamet"
        ));
        assert!(names("I apply to RIA", "RIA"));
        assert!(names("Kandideerin RIA-sse", "RIA"));
        assert!(!names("I meet the criteria of the variant", "RIA"));
        assert!(!names("I apply to the bank", "Sotsiaalkindlustusamet"));
    }

    #[test]
    fn tells_estonian_from_english() {
        let et = "Kandideerin teie asutusse, sest olen töötanud kümme aastat riigi infosüsteemidega ja tean, et see töö on oluline. Minu tugevus on suhtlus ning ma oskan kuulata, kui mis iganes juhtub, ja ka aidata.";
        let en = "I am applying for the position because I have worked with the state information systems for ten years and I know that this work is important to the people of the country and to my team.";
        assert_eq!(language_of(et), Some(Lang::Et));
        assert_eq!(language_of(en), Some(Lang::En));
        assert_eq!(language_of("Too short to tell."), None);
    }
}
