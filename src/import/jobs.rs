//! `work` → `experience`, `volunteer` → `volunteering`. A job is never
//! dropped: one without a readable start date gets the year of its end
//! date or the earliest year written in it (with a note); one with no year
//! anywhere goes into a free section, also with a note.

use serde_json::{Map, Value};

use super::dates::{self, When};
use super::html::{self, Flow};
use super::ids::Ids;
use super::json_resume::{Out, entries, host, linked, put, raw_date, url_of};
use super::notes::Notes;
use super::values::{Obj, is_empty};
use crate::model::Date;

/// `section` is `work` or `volunteer`.
pub fn work(sources: &[(String, &Value)], section: &str, out: &mut Out, notes: &mut Notes) {
    let (list, fallback, org_keys, free_id, free_title): (_, _, &[&str], _, _) =
        if section == "work" {
            (
                "experience",
                "job",
                &["name", "company", "organization"],
                "undated-work",
                "Other experience",
            )
        } else {
            (
                "volunteering",
                "volunteer",
                &["organization", "name", "company"],
                "undated-volunteering",
                "Other volunteering",
            )
        };
    let mut ids = Ids::new(fallback);
    let mut undated = Vec::new();
    for (path, v) in entries(sources) {
        if is_empty(v) {
            notes.push(&path, "an empty entry; skipped");
            continue;
        }
        let Some(o) = Obj::new(path.clone(), v) else {
            notes.push(&path, format!("not an object ({v}); not imported"));
            continue;
        };
        match job(o, org_keys, &mut ids, notes) {
            Job::Dated(m) => out.push(list, m, &path),
            Job::Undated(text) => {
                notes.push(
                    &path,
                    format!(
                        "no start date and no year anywhere in it; kept as an item of the free \
                         section `{free_id}` — add `start:` and move it to `{list}` to use it"
                    ),
                );
                undated.push(text);
            }
        }
    }
    let path = sources.first().map(|(p, _)| p.as_str()).unwrap_or(section);
    out.free_section(free_id, free_title, undated, path);
}

enum Job {
    Dated(Map<String, Value>),
    /// No date at all: one line for a free section.
    Undated(String),
}

fn job(mut o: Obj, org_keys: &[&str], ids: &mut Ids, notes: &mut Notes) -> Job {
    let path = o.path.clone();
    let org = o.text(org_keys, Flow::Line, notes);
    let role = o.text(&["position", "title", "role"], Flow::Line, notes);
    let url = url_of(&mut o, &["url", "website"], notes);
    let location = location(&mut o, notes);
    let start = raw_date(&mut o, &["startDate"], notes);
    let end = raw_date(&mut o, &["endDate"], notes);
    let description = o.text(&["description"], Flow::Block, notes);
    let (summary, mut highlights) = o.text_and_items(&["summary"], notes);
    highlights.extend(o.strings(&["highlights", "higlights"], false, notes));
    let tags = o.strings(&["keywords"], true, notes);
    o.finish(notes);

    let summary: Vec<String> = description
        .into_iter()
        .chain((!summary.is_empty()).then_some(summary))
        .collect();
    let summary = summary.join("\n\n");

    let mut m = Map::new();
    let org_text = match (&org, url.as_deref().and_then(host)) {
        (Some(o), _) => o.clone(),
        (None, Some(h)) => {
            notes.push(
                &path,
                format!("no name of the organization; set to \"{h}\", from its url"),
            );
            h
        }
        (None, None) => {
            notes.push(&path, "no name of the organization; set to \"?\"");
            "?".to_string()
        }
    };
    let role = match role {
        Some(r) => r,
        None => {
            notes.push(&path, "no position; role set to \"?\"");
            "?".to_string()
        }
    };
    m.insert(
        "id".into(),
        ids.make(if org.is_some() { &org_text } else { "" }).into(),
    );
    let organization = match &url {
        Some(u) => linked(&org_text, u),
        None => org_text.clone(),
    };
    m.insert("organization".into(), organization.clone().into());
    m.insert("role".into(), role.clone().into());
    put(&mut m, "location", location.clone());

    // Dates: a job needs a start.
    let end_date = end.as_ref().and_then(|(p, raw)| end_of(p, raw, notes));
    let mut start_date = start.as_ref().and_then(|(p, raw)| start_of(p, raw, notes));
    if start_date.is_none() {
        let start_path = format!("{path}.startDate");
        let what = match &start {
            Some((_, raw)) => format!("\"{raw}\" is not a date"),
            None => "missing".to_string(),
        };
        let all_text = [&role, &summary]
            .into_iter()
            .chain(highlights.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(e) = end_date {
            let year = Date {
                year: e.year,
                month: None,
                day: None,
            };
            notes.push(
                start_path,
                format!("{what}; start set to {year}, the year of the end date — correct it"),
            );
            start_date = Some(year);
        } else if let Some(y) = dates::earliest_year(&all_text) {
            notes.push(
                start_path,
                format!(
                    "{what}; start set to {y}, the earliest year written in the entry — correct it"
                ),
            );
            start_date = Some(y);
        } else {
            let mut line = format!("{role} — {organization}");
            if let Some(l) = &location {
                line.push_str(&format!(", {l}"));
            }
            if !summary.is_empty() {
                line.push_str(&format!(": {}", html::one_line(&summary)));
            }
            if !highlights.is_empty() {
                line.push_str(&format!(" — {}", highlights.join("; ")));
            }
            return Job::Undated(line);
        }
    }
    let (start_date, end_date) = ordered(&path, start_date, end_date, notes);
    if let Some(s) = start_date {
        m.insert("start".into(), s.to_string().into());
    }
    if let Some(e) = end_date {
        m.insert("end".into(), e.to_string().into());
    }
    put(&mut m, "summary", summary);
    let mut hid = Ids::new("h");
    let highlights: Vec<Value> = highlights
        .into_iter()
        .map(|t| {
            let words: Vec<&str> = t.split_whitespace().take(3).collect();
            let mut h = Map::new();
            h.insert("id".into(), hid.make(&words.join(" ")).into());
            h.insert("text".into(), t.into());
            Value::Object(h)
        })
        .collect();
    put(&mut m, "highlights", highlights);
    put(&mut m, "tags", tags);
    Job::Dated(m)
}

/// A job's location: text, or an object of address parts.
fn location(o: &mut Obj, notes: &mut Notes) -> Option<String> {
    let (path, v) = o.get(&["location"], notes)?;
    let address = ["address", "city", "region", "countryCode", "country"];
    match v {
        Value::Object(m) if address.iter().any(|k| m.contains_key(*k)) => {
            let mut lo = Obj::new(path, v)?;
            let parts: Vec<String> = address
                .iter()
                .filter_map(|k| lo.plain(&[k], notes))
                .collect();
            lo.finish(notes);
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => super::values::text(&path, v, Flow::Line, notes)
            .map(|t| crate::model::markup::plain(&t)),
    }
}

/// A start date; `None` (noted by the caller) when there is none to read.
pub fn start_of(path: &str, raw: &str, notes: &mut Notes) -> Option<Date> {
    match dates::read(raw) {
        When::Date(d) => Some(d),
        When::Guess(d, why) => {
            notes.push(path, why);
            Some(d)
        }
        When::Empty | When::Ongoing { .. } | When::Unreadable => None,
    }
}

/// An end date; `None` means ongoing.
pub fn end_of(path: &str, raw: &str, notes: &mut Notes) -> Option<Date> {
    match dates::read(raw) {
        When::Date(d) => Some(d),
        When::Guess(d, why) => {
            notes.push(path, why);
            Some(d)
        }
        When::Empty | When::Ongoing { exact: true } => None,
        When::Ongoing { exact: false } => {
            notes.push(path, format!("\"{raw}\" read as ongoing"));
            None
        }
        When::Unreadable => {
            notes.push(
                path,
                format!("\"{raw}\" is not a date; read as ongoing — set `end:` by hand"),
            );
            None
        }
    }
}

/// Start and end in order: an end before the start (as `dossier check`
/// sees it) means the two were swapped.
pub fn ordered(
    path: &str,
    start: Option<Date>,
    end: Option<Date>,
    notes: &mut Notes,
) -> (Option<Date>, Option<Date>) {
    if let (Some(s), Some(e)) = (start, end)
        && e < s
        && !(e.year == s.year && (e.month.is_none() || s.month.is_none()))
    {
        notes.push(
            path,
            format!(
                "the end date {e} is before the start date {s}; the two were swapped — check them"
            ),
        );
        return (Some(e), Some(s));
    }
    (start, end)
}
