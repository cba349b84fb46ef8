//! The JSON Resume sections other than `basics`, `work` and `volunteer`.
//! `awards`, `interests` and the quotes of `references` have no field of
//! their own in a profile and become free sections.

use serde_json::{Map, Value};

use super::fluency;
use super::html::Flow;
use super::ids::Ids;
use super::jobs::{end_of, ordered, start_of};
use super::json_resume::{Out, entries, host, linked, put, raw_date, url_of};
use super::notes::Notes;
use super::values::{self, Obj, is_empty};

/// Each entry of `sources` as an object; the others are noted.
fn objects<'a>(sources: &[(String, &'a Value)], notes: &mut Notes) -> Vec<Obj<'a>> {
    let mut out = Vec::new();
    for (path, v) in entries(sources) {
        if is_empty(v) {
            notes.push(&path, "an empty entry; skipped");
            continue;
        }
        match Obj::new(path.clone(), v) {
            Some(o) => out.push(o),
            None => notes.push(&path, format!("not an object ({v}); not imported")),
        }
    }
    out
}

/// A required name: the text, or `?` with a note.
fn required(text: Option<String>, path: &str, what: &str, notes: &mut Notes) -> String {
    text.unwrap_or_else(|| {
        notes.push(path, format!("no {what}; set to \"?\""));
        "?".to_string()
    })
}

/// An optional date (a certificate's, a publication's).
fn one_date(o: &mut Obj, keys: &[&str], notes: &mut Notes) -> Option<String> {
    let (path, raw) = raw_date(o, keys, notes)?;
    let d = start_of(&path, &raw, notes);
    if d.is_none() && !raw.is_empty() {
        notes.push(path, format!("\"{raw}\" is not a date; not imported"));
    }
    d.map(|d| d.to_string())
}

/// Optional start and end dates (education, projects), in order.
fn span(o: &mut Obj, m: &mut Map<String, Value>, notes: &mut Notes) {
    let start = raw_date(o, &["startDate"], notes).and_then(|(path, raw)| {
        let d = start_of(&path, &raw, notes);
        if d.is_none() {
            notes.push(path, format!("\"{raw}\" is not a date; not imported"));
        }
        d
    });
    let end = raw_date(o, &["endDate"], notes).and_then(|(path, raw)| end_of(&path, &raw, notes));
    let (start, end) = ordered(&o.path, start, end, notes);
    put(m, "start", start.map(|d| d.to_string()));
    put(m, "end", end.map(|d| d.to_string()));
}

pub fn education(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("school");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let institution = o.text(&["institution", "name", "school"], Flow::Line, notes);
        let url = url_of(&mut o, &["url", "website"], notes);
        let mut m = Map::new();
        m.insert(
            "id".into(),
            ids.make(institution.as_deref().unwrap_or("")).into(),
        );
        let institution = match (institution, url.as_deref().and_then(host)) {
            (Some(i), _) => i,
            (None, Some(h)) => {
                notes.push(
                    &path,
                    format!("no institution; set to \"{h}\", from its url"),
                );
                h
            }
            (None, None) => required(None, &path, "institution", notes),
        };
        let institution = match &url {
            Some(u) => linked(&institution, u),
            None => institution,
        };
        m.insert("institution".into(), institution.into());
        put(
            &mut m,
            "degree",
            o.text(&["studyType", "degree"], Flow::Line, notes),
        );
        put(
            &mut m,
            "field",
            o.text(&["area", "field"], Flow::Line, notes),
        );
        span(&mut o, &mut m, notes);
        let mut extra = Vec::new();
        if let Some((key, score)) = [("score", "Score"), ("gpa", "GPA")]
            .iter()
            .find_map(|(k, label)| o.text(&[k], Flow::Line, notes).map(|s| (label, s)))
        {
            extra.push(format!("{key}: {score}"));
        }
        let courses = o.strings(&["courses"], false, notes);
        if !courses.is_empty() {
            extra.push(format!("Courses: {}", courses.join(", ")));
        }
        put(&mut m, "notes", extra.join(". "));
        o.finish(notes);
        out.push("education", m, &path);
    }
}

pub fn skills(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("skill");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let group = o.plain(&["name"], notes);
        let level = o.plain(&["level"], notes);
        // Keywords: texts (one string is split at commas), or objects with
        // a name and a level.
        let mut names: Vec<(String, Option<String>)> = Vec::new();
        if let Some((kpath, kv)) = o.get(&["keywords", "names"], notes) {
            let items = match kv {
                Value::Array(a) => a
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("{kpath}[{i}]"), x, false))
                    .collect(),
                _ => vec![(kpath.clone(), kv, true)],
            };
            for (ipath, item, commas) in items {
                match Obj::new(ipath.clone(), item) {
                    Some(mut ko) => {
                        let name = ko.text(&["name"], Flow::Line, notes);
                        let level = ko.plain(&["level"], notes);
                        ko.finish(notes);
                        names.extend(name.map(|n| (n, level)));
                    }
                    None => {
                        let mut texts = Vec::new();
                        values::strings(&ipath, item, commas, notes, &mut texts);
                        names.extend(texts.into_iter().map(|t| (t, None)));
                    }
                }
            }
        }
        let category = if names.is_empty() {
            None
        } else {
            group.clone()
        };
        if names.is_empty() {
            match group {
                Some(g) => names.push((g, None)),
                None => {
                    notes.push(&path, "no name and no keywords; not imported");
                    o.finish(notes);
                    continue;
                }
            }
        }
        for (name, own_level) in names {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(&name).into());
            m.insert("name".into(), name.into());
            put(&mut m, "category", category.clone());
            put(&mut m, "level", own_level.or_else(|| level.clone()));
            out.push("skills", m, &path);
        }
        o.finish(notes);
    }
}

pub fn languages(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("language");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let name = o.plain(&["language", "name"], notes);
        let fluency = o.get(&["fluency", "level"], notes);
        let fluency_text = fluency
            .as_ref()
            .and_then(|(p, v)| values::text(p, v, Flow::Line, notes));
        o.finish(notes);
        let Some(name) = name else {
            notes.push(&path, "no language name; not imported");
            continue;
        };
        let level = match (&fluency, &fluency_text) {
            (Some((fpath, _)), Some(f)) => {
                let (level, understood) = fluency::cefr(f);
                if understood {
                    notes.push(fpath, format!("\"{f}\" read as {level}"));
                } else {
                    notes.push(
                        fpath,
                        format!("\"{f}\" not understood; level set to {level} — correct it"),
                    );
                }
                level
            }
            _ => {
                notes.push(
                    &path,
                    format!("{name}: no fluency; level set to B1 — correct it"),
                );
                "B1"
            }
        };
        let mut m = Map::new();
        m.insert("id".into(), ids.make(&name).into());
        m.insert("name".into(), name.into());
        m.insert("level".into(), level.into());
        out.push("languages", m, &path);
    }
}

pub fn certificates(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("certificate");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let name = o.text(&["name", "title"], Flow::Line, notes);
        let mut m = Map::new();
        m.insert("id".into(), ids.make(name.as_deref().unwrap_or("")).into());
        m.insert("name".into(), required(name, &path, "name", notes).into());
        put(
            &mut m,
            "issuer",
            o.plain(&["issuer", "organization", "authority"], notes),
        );
        put(
            &mut m,
            "date",
            one_date(&mut o, &["date", "startDate"], notes),
        );
        put(&mut m, "url", url_of(&mut o, &["url", "website"], notes));
        o.finish(notes);
        out.push("certifications", m, &path);
    }
}

pub fn projects(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("project");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let name = o.text(&["name", "title"], Flow::Line, notes);
        let mut m = Map::new();
        m.insert("id".into(), ids.make(name.as_deref().unwrap_or("")).into());
        m.insert("name".into(), required(name, &path, "name", notes).into());
        let mut role = o.strings(&["roles", "role"], false, notes).join(", ");
        if let Some(entity) = o.text(&["entity"], Flow::Line, notes) {
            role = if role.is_empty() {
                entity
            } else {
                format!("{role}, {entity}")
            };
        }
        put(&mut m, "role", role);
        span(&mut o, &mut m, notes);
        let mut summary: Vec<String> = o
            .text(&["description", "summary"], Flow::Block, notes)
            .into_iter()
            .collect();
        summary.extend(
            o.strings(&["highlights"], false, notes)
                .into_iter()
                .map(|h| format!("• {h}")),
        );
        put(&mut m, "summary", summary.join("\n\n"));
        put(
            &mut m,
            "url",
            url_of(&mut o, &["url", "website", "link"], notes),
        );
        let mut tags = o.strings(&["keywords"], true, notes);
        tags.extend(o.text(&["type"], Flow::Line, notes));
        put(&mut m, "tags", tags);
        o.finish(notes);
        out.push("projects", m, &path);
    }
}

pub fn publications(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("publication");
    for mut o in objects(sources, notes) {
        let path = o.path.clone();
        let title = o.text(&["name", "title"], Flow::Line, notes);
        let mut m = Map::new();
        m.insert("id".into(), ids.make(title.as_deref().unwrap_or("")).into());
        m.insert("title".into(), required(title, &path, "name", notes).into());
        put(&mut m, "venue", o.text(&["publisher"], Flow::Line, notes));
        put(
            &mut m,
            "date",
            one_date(&mut o, &["releaseDate", "date"], notes),
        );
        put(
            &mut m,
            "url",
            url_of(&mut o, &["url", "website", "link"], notes),
        );
        if o.has("summary") {
            notes.push(
                o.at("summary"),
                "a publication has no summary in a profile; not imported",
            );
            o.skip("summary");
        }
        o.finish(notes);
        out.push("publications", m, &path);
    }
}

/// Awards as the free section `awards`: "Title, awarder, date: summary".
pub fn awards(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut items = Vec::new();
    for mut o in objects(sources, notes) {
        let mut t = o
            .text(&["title", "name"], Flow::Line, notes)
            .unwrap_or_default();
        if let Some(u) = url_of(&mut o, &["url"], notes)
            && !t.is_empty()
        {
            t = linked(&t, &u);
        }
        let awarder = o.text(&["awarder"], Flow::Line, notes);
        let date = raw_date(&mut o, &["date", "awardDate"], notes).map(|(_, d)| d);
        for part in [awarder, date].into_iter().flatten() {
            t = if t.is_empty() {
                part
            } else {
                format!("{t}, {part}")
            };
        }
        if let Some(s) = o.text(&["summary"], Flow::Line, notes) {
            t = if t.is_empty() { s } else { format!("{t}: {s}") };
        }
        o.finish(notes);
        items.push(t);
    }
    out.free_section("awards", "Awards", items, first(sources));
}

/// Interests as the free section `interests`: "Name: keyword, keyword".
pub fn interests(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut items = Vec::new();
    for (path, v) in entries(sources) {
        let Some(mut o) = Obj::new(path.clone(), v) else {
            items.extend(values::text(&path, v, Flow::Line, notes));
            continue;
        };
        let name = o.text(&["name"], Flow::Line, notes).unwrap_or_default();
        let keywords = o.strings(&["keywords"], true, notes);
        let summary = o.text(&["summary"], Flow::Line, notes);
        o.finish(notes);
        let mut t = name;
        if !keywords.is_empty() {
            let k = keywords.join(", ");
            t = if t.is_empty() { k } else { format!("{t}: {k}") };
        }
        if let Some(s) = summary {
            t = if t.is_empty() {
                s
            } else {
                format!("{t} — {s}")
            };
        }
        if !t.is_empty() {
            items.push(t);
        }
    }
    out.free_section("interests", "Interests", items, first(sources));
}

/// The quotes of `references` as the free section `testimonials`.
pub fn references(sources: &[(String, &Value)], out: &mut Out, notes: &mut Notes) {
    let mut items = Vec::new();
    for mut o in objects(sources, notes) {
        let name = o.text(&["name"], Flow::Line, notes);
        let quote = o.text(&["reference"], Flow::Line, notes);
        o.finish(notes);
        items.extend(match (name, quote) {
            (Some(n), Some(q)) => Some(format!("“{q}” — {n}")),
            (None, Some(q)) => Some(format!("“{q}”")),
            (Some(n), None) => Some(n),
            (None, None) => None,
        });
    }
    if !items.is_empty() {
        notes.push(
            first(sources),
            "the references became the free section `testimonials`",
        );
    }
    out.free_section("testimonials", "References", items, first(sources));
}

fn first<'a>(sources: &'a [(String, &Value)]) -> &'a str {
    sources.first().map(|(p, _)| p.as_str()).unwrap_or("")
}
