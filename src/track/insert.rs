//! `dossier log`: one event appended to a tailoring file's text, every other
//! byte kept — comments, key order, quoting, the letter body. The text is
//! never parsed and written back: the new item is inserted after the last
//! line of the top-level `events:` block list (found by its indentation), or
//! a new `events:` block is added at the end of the file. [`append`] then
//! checks that the file still means everything it meant, plus one event.

use crate::model::event::{EventKind, When};

/// The event to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub date: When,
    pub kind: EventKind,
    pub note: Option<String>,
    pub with: Option<String>,
    pub place: Option<String>,
}

/// A YAML double-quoted scalar (a JSON string is one).
fn quoted(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

/// The item's lines, `indent` spaces before the dash.
fn item(e: &NewEvent, indent: usize, eol: &str) -> String {
    let pad = " ".repeat(indent);
    // The date and the kind are checked words: plain scalars read as strings.
    let mut out = format!("{pad}- date: {}{eol}{pad}  kind: {}{eol}", e.date, e.kind);
    for (key, value) in [("note", &e.note), ("with", &e.with), ("place", &e.place)] {
        if let Some(v) = value {
            out.push_str(&format!("{pad}  {key}: {}{eol}", quoted(v)));
        }
    }
    out
}

/// Where the insertion goes, and how the list is indented.
enum Place {
    /// After this byte offset, items indented this much; `needs_eol` when
    /// the line before has no line ending (the file's last line).
    Block {
        at: usize,
        indent: usize,
        needs_eol: bool,
    },
    /// No `events:` yet.
    End,
}

fn find(text: &str) -> Result<Place, String> {
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|l| {
            let start = offset;
            offset += l.len();
            (start, l)
        })
        .collect();
    let bare = |l: &str| l.trim_end_matches(['\n', '\r']).to_string();
    let Some(head) = lines.iter().position(|(_, l)| {
        l.strip_prefix("events:")
            .is_some_and(|rest| rest.starts_with([' ', '\t', '\r', '\n', '#']) || rest.is_empty())
    }) else {
        return Ok(Place::End);
    };
    let rest = bare(&lines[head].1["events:".len()..]);
    let rest = rest.trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(format!(
            "`events: {rest}` is written on one line; write it as a block list \
             (`events:` and then one `- date: …` item per line) and log again"
        ));
    }
    let mut last = head;
    let mut indent = None;
    for (j, (_, l)) in lines.iter().enumerate().skip(head + 1) {
        let c = bare(l);
        if c.trim().is_empty() || c.starts_with('#') {
            continue;
        }
        if c.starts_with([' ', '\t']) || c == "-" || c.starts_with("- ") {
            last = j;
            if indent.is_none() && c.trim_start().starts_with('-') {
                indent = Some(c.len() - c.trim_start().len());
            }
        } else {
            break;
        }
    }
    let (start, line) = lines[last];
    Ok(Place::Block {
        at: start + line.len(),
        indent: indent.unwrap_or(2),
        needs_eol: !line.ends_with('\n'),
    })
}

/// `text` with `e` appended to its `events:`; an error when the text would
/// mean anything else than before plus this event.
pub fn append(text: &str, e: &NewEvent) -> Result<String, String> {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let candidates: Vec<String> = match find(text)? {
        Place::Block {
            at,
            indent,
            needs_eol,
        } => {
            let lead = if needs_eol { eol } else { "" };
            vec![format!(
                "{}{lead}{}{}",
                &text[..at],
                item(e, indent, eol),
                &text[at..]
            )]
        }
        Place::End => {
            let mut base = text.to_string();
            if !base.ends_with('\n') {
                base.push_str(eol);
            }
            let block = format!("events:{eol}{}", item(e, 2, eol));
            // A blank line before the new block reads best; without it when
            // the blank line would change what the file says (a `|+` text
            // at the end keeps its trailing blank lines).
            vec![format!("{base}{eol}{block}"), format!("{base}{block}")]
        }
    };
    let mut last_err = String::new();
    for new in candidates {
        match same_but_one_event(text, &new) {
            Ok(()) => return Ok(new),
            Err(e) => last_err = e,
        }
    }
    Err(last_err)
}

/// Both texts parsed: equal but for `events`, which has one item more.
fn same_but_one_event(old: &str, new: &str) -> Result<(), String> {
    let parse = |t: &str| {
        crate::load::yaml::parse::<serde_json::Value>(t, std::path::Path::new("-"))
            .map_err(|d| d.message)
    };
    let (mut a, mut b) = (parse(old)?, parse(new)?);
    let count = |v: &serde_json::Value| {
        v.get("events")
            .and_then(|e| e.as_array())
            .map_or(0, Vec::len)
    };
    let (na, nb) = (count(&a), count(&b));
    for v in [&mut a, &mut b] {
        if let Some(m) = v.as_object_mut() {
            m.remove("events");
        }
    }
    if a != b || nb != na + 1 {
        return Err(
            "appending the event would change more of the file than its events; \
             add it by hand"
                .to_string(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn interview() -> NewEvent {
        NewEvent {
            date: When::parse("2026-12-10T10:00").unwrap(),
            kind: EventKind::Interview,
            note: Some("Teams: \"vestlus\" # 1".into()),
            with: None,
            place: None,
        }
    }

    const HEAD: &str = "# top comment\nlanguage: et   # keep me\nposting:\n  organization: 'Org'\n  position: \"P\"\nletter:\n  body: |\n    Tere!\n\n    # not a comment\n";

    #[test]
    fn a_new_block_goes_at_the_end_and_keeps_every_byte() {
        let new = append(HEAD, &interview()).unwrap();
        assert!(new.starts_with(HEAD), "{new}");
        assert_eq!(
            &new[HEAD.len()..],
            "\nevents:\n  - date: 2026-12-10T10:00\n    kind: interview\n    note: \"Teams: \\\"vestlus\\\" # 1\"\n"
        );
        let t: crate::model::tailoring::Tailoring =
            crate::load::yaml::parse(&new, std::path::Path::new("t")).unwrap();
        assert_eq!(t.events.len(), 1);
        assert_eq!(t.events[0].date.value.date, Date::ymd(2026, 12, 10));
        assert_eq!(t.events[0].note.as_deref(), Some("Teams: \"vestlus\" # 1"));
        assert_eq!(t.events[0].date.pos.line, 13);
    }

    #[test]
    fn an_existing_block_grows_at_its_end_before_the_next_key() {
        let text = format!(
            "{HEAD}events:\n# how it went\n- date: 2026-11-20\n  kind: reply   # by phone\n\n  # indented comment\n\n# about the cv\ncv:\n  headline: H\n"
        );
        let new = append(&text, &interview()).unwrap();
        let added =
            "- date: 2026-12-10T10:00\n  kind: interview\n  note: \"Teams: \\\"vestlus\\\" # 1\"\n";
        let after = "  # indented comment\n";
        assert_eq!(new, text.replace(after, &format!("{after}{added}")));
        // With the usual indentation.
        let text =
            format!("{HEAD}events:\n  - date: 2026-11-20\n    kind: reply\nstatus: submitted\n");
        let new = append(&text, &interview()).unwrap();
        assert!(
            new.contains("    kind: reply\n  - date: 2026-12-10T10:00\n    kind: interview\n"),
            "{new}"
        );
        assert!(new.ends_with("\"\nstatus: submitted\n"), "{new}");
    }

    #[test]
    fn crlf_files_get_crlf_lines() {
        let text = HEAD.replace('\n', "\r\n");
        let new = append(&text, &interview()).unwrap();
        assert!(new.starts_with(&text));
        assert!(!new.replace("\r\n", "").contains('\n'), "{new:?}");
        let text = format!("{text}events:\r\n  - date: 2026-11-20\r\n    kind: reply\r\n");
        let new = append(&text, &interview()).unwrap();
        assert!(new.starts_with(&text));
        assert!(
            new.ends_with("    kind: interview\r\n    note: \"Teams: \\\"vestlus\\\" # 1\"\r\n")
        );
    }

    #[test]
    fn a_file_without_a_final_newline() {
        let text = "language: et\nposting: {organization: O, position: P}";
        let new = append(text, &interview()).unwrap();
        assert!(new.starts_with(&format!("{text}\n\nevents:\n")), "{new}");
        let text = "language: et\nposting: {organization: O, position: P}\nevents:\n  - date: 2026-11-20\n    kind: reply";
        let new = append(text, &interview()).unwrap();
        assert!(
            new.starts_with(&format!("{text}\n  - date: 2026-12-10T10:00\n")),
            "{new}"
        );
    }

    #[test]
    fn a_flow_list_or_a_kept_trailing_text_is_not_broken() {
        let text = "language: et\nposting: {organization: O, position: P}\nevents: []\n";
        assert!(append(text, &interview()).unwrap_err().contains("one line"));
        // `|+` keeps trailing blank lines: no blank line is added before the block.
        let text = "language: et\nposting: {organization: O, position: P}\nletter:\n  body: |+\n    Tere\n";
        let new = append(text, &interview()).unwrap();
        assert!(new.starts_with(&format!("{text}events:\n")), "{new}");
    }
}
