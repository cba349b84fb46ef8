//! JSON Resume (jsonresume.org, schema v1) → a dossier profile. The result is
//! a YAML text that loads as a `Profile`; what has no place in a profile goes
//! into free `sections` so that nothing is silently dropped.

use std::collections::HashSet;

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value, json};

use crate::model::Date;

/// The profile YAML for a JSON Resume document, plus notes on what was adapted.
pub fn json_resume_to_yaml(json_text: &str) -> Result<(String, Vec<String>)> {
    let doc: Value = serde_json::from_str(json_text).context("not valid JSON")?;
    let Some(doc) = doc.as_object() else {
        bail!("a JSON Resume document is a JSON object")
    };
    let mut notes = Vec::new();
    let profile = convert(doc, &mut notes)?;
    let yaml = serde_saphyr::to_string(&profile).context("cannot write YAML")?;
    let header = "# Imported from JSON Resume by `dossier import json-resume`.\n\
                  # Add `{et: …, en: …}` translations where you write in both languages.\n";
    Ok((format!("{header}{yaml}"), notes))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .unwrap_or("")
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn items<'a>(doc: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    doc.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Put `value` under `key` unless it is empty.
fn put(m: &mut Map<String, Value>, key: &str, value: impl Into<Value>) {
    let value = value.into();
    let empty = match &value {
        Value::String(x) => x.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null => true,
        _ => false,
    };
    if !empty {
        m.insert(key.to_string(), value);
    }
}

/// Ids from names: lower-case ASCII words joined by `-`, unique within a list.
struct Ids(HashSet<String>);

impl Ids {
    fn new() -> Ids {
        Ids(HashSet::new())
    }

    fn make(&mut self, name: &str, fallback: &str) -> String {
        let mut base = crate::naming::file_part(name)
            .to_lowercase()
            .replace('_', "-");
        base.truncate(24);
        let base = base.trim_matches('-').to_string();
        let base = if base.is_empty() {
            fallback.to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// A JSON Resume date (`2014`, `2014-06`, `2014-06-29`) as a dossier date, or a note.
fn date(v: &Value, key: &str, what: &str, notes: &mut Vec<String>) -> Option<String> {
    let raw = s(v, key);
    if raw.is_empty() {
        return None;
    }
    match Date::parse(raw) {
        Ok(d) => Some(d.to_string()),
        Err(e) => {
            notes.push(format!("{what}: {key} dropped: {e}"));
            None
        }
    }
}

/// CEFR level for JSON Resume's free-text fluency.
fn cefr(fluency: &str) -> &'static str {
    let f = fluency.to_lowercase();
    for code in ["c2", "c1", "b2", "b1", "a2", "a1"] {
        if f.split(|c: char| !c.is_alphanumeric()).any(|w| w == code) {
            return match code {
                "c2" => "C2",
                "c1" => "C1",
                "b2" => "B2",
                "b1" => "B1",
                "a2" => "A2",
                _ => "A1",
            };
        }
    }
    if f.contains("native") || f.contains("mother") || f.contains("bilingual") {
        "native"
    } else if f.contains("fluent") || f.contains("full professional") || f.contains("advanced") {
        "C1"
    } else if f.contains("professional") || f.contains("upper") {
        "B2"
    } else if f.contains("elementary") || f.contains("basic") || f.contains("beginner") {
        "A2"
    } else {
        "B1"
    }
}

fn convert(doc: &Map<String, Value>, notes: &mut Vec<String>) -> Result<Value> {
    let empty = json!({});
    let basics = doc.get("basics").unwrap_or(&empty);
    let mut p = Map::new();
    let name = s(basics, "name");
    if name.is_empty() {
        bail!("basics.name is missing; a profile needs the candidate's name");
    }
    put(&mut p, "name", name);
    put(&mut p, "headline", s(basics, "label"));

    let mut contact = Map::new();
    put(&mut contact, "email", s(basics, "email"));
    put(&mut contact, "phone", s(basics, "phone"));
    let loc = basics.get("location").unwrap_or(&empty);
    let place: Vec<&str> = [s(loc, "city"), s(loc, "region"), s(loc, "countryCode")]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    put(&mut contact, "location", place.join(", "));
    let city_line: Vec<&str> = [s(loc, "postalCode"), s(loc, "city")]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    let address: Vec<String> = [s(loc, "address").to_string(), city_line.join(" ")]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect();
    put(&mut contact, "address", address);
    let mut links = Vec::new();
    if !s(basics, "url").is_empty() {
        links.push(json!({"label": "Website", "url": s(basics, "url")}));
    }
    for prof in items_of(basics, "profiles") {
        let url = s(prof, "url");
        if url.is_empty() {
            notes.push(format!(
                "basics.profiles: {} ({}) has no url and was left out",
                s(prof, "network"),
                s(prof, "username")
            ));
            continue;
        }
        let label = if s(prof, "network").is_empty() {
            url
        } else {
            s(prof, "network")
        };
        links.push(json!({"label": label, "url": url}));
    }
    put(&mut contact, "links", links);
    put(&mut p, "contact", Value::Object(contact));
    if !s(basics, "image").is_empty() {
        notes.push(
            "basics.image: a photo must be a file in the workspace; set `photo:` by hand"
                .to_string(),
        );
    }
    put(&mut p, "summary", s(basics, "summary"));

    put(
        &mut p,
        "experience",
        jobs(items(doc, "work"), "name", "work", notes),
    );
    let mut ids = Ids::new();
    let education: Vec<Value> = items(doc, "education")
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(s(e, "institution"), "school").into());
            put(&mut m, "institution", s(e, "institution"));
            put(&mut m, "degree", s(e, "studyType"));
            put(&mut m, "field", s(e, "area"));
            put(&mut m, "start", date(e, "startDate", "education", notes));
            put(&mut m, "end", date(e, "endDate", "education", notes));
            let mut extra = Vec::new();
            if !s(e, "score").is_empty() {
                extra.push(format!("Score: {}", s(e, "score")));
            }
            let courses = strings(e, "courses");
            if !courses.is_empty() {
                extra.push(format!("Courses: {}", courses.join(", ")));
            }
            put(&mut m, "notes", extra.join(". "));
            Value::Object(m)
        })
        .collect();
    put(&mut p, "education", education);

    let mut ids = Ids::new();
    let mut skills = Vec::new();
    for sk in items(doc, "skills") {
        let keywords = strings(sk, "keywords");
        let names = if keywords.is_empty() {
            vec![s(sk, "name").to_string()]
        } else {
            keywords.clone()
        };
        for n in names.iter().filter(|n| !n.is_empty()) {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(n, "skill").into());
            m.insert("name".into(), n.clone().into());
            if !keywords.is_empty() {
                put(&mut m, "category", s(sk, "name"));
            }
            put(&mut m, "level", s(sk, "level"));
            skills.push(Value::Object(m));
        }
    }
    put(&mut p, "skills", skills);

    let mut ids = Ids::new();
    let languages: Vec<Value> = items(doc, "languages")
        .iter()
        .filter(|l| !s(l, "language").is_empty())
        .map(|l| {
            let level = cefr(s(l, "fluency"));
            if !s(l, "fluency").is_empty() {
                notes.push(format!("languages: {} \"{}\" read as {level}", s(l, "language"), s(l, "fluency")));
            }
            json!({"id": ids.make(s(l, "language"), "lang"), "name": s(l, "language"), "level": level})
        })
        .collect();
    put(&mut p, "languages", languages);

    let mut ids = Ids::new();
    let certifications: Vec<Value> = items(doc, "certificates")
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(s(c, "name"), "certificate").into());
            put(&mut m, "name", s(c, "name"));
            put(&mut m, "issuer", s(c, "issuer"));
            put(&mut m, "date", date(c, "date", "certificates", notes));
            put(&mut m, "url", s(c, "url"));
            Value::Object(m)
        })
        .collect();
    put(&mut p, "certifications", certifications);

    let mut ids = Ids::new();
    let projects: Vec<Value> = items(doc, "projects")
        .iter()
        .map(|x| {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(s(x, "name"), "project").into());
            put(&mut m, "name", s(x, "name"));
            put(&mut m, "role", strings(x, "roles").join(", "));
            put(&mut m, "start", date(x, "startDate", "projects", notes));
            put(&mut m, "end", date(x, "endDate", "projects", notes));
            let summary: Vec<String> = [
                s(x, "description").to_string(),
                strings(x, "highlights").join("; "),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
            put(&mut m, "summary", summary.join(" — "));
            put(&mut m, "url", s(x, "url"));
            put(&mut m, "tags", strings(x, "keywords"));
            Value::Object(m)
        })
        .collect();
    put(&mut p, "projects", projects);

    let mut ids = Ids::new();
    let publications: Vec<Value> = items(doc, "publications")
        .iter()
        .map(|x| {
            let mut m = Map::new();
            m.insert("id".into(), ids.make(s(x, "name"), "publication").into());
            put(&mut m, "title", s(x, "name"));
            put(&mut m, "venue", s(x, "publisher"));
            put(
                &mut m,
                "date",
                date(x, "releaseDate", "publications", notes),
            );
            put(&mut m, "url", s(x, "url"));
            Value::Object(m)
        })
        .collect();
    put(&mut p, "publications", publications);

    put(
        &mut p,
        "volunteering",
        jobs(items(doc, "volunteer"), "organization", "volunteer", notes),
    );

    // What has no field of its own becomes a free section.
    let mut sections = Vec::new();
    let awards: Vec<String> = items(doc, "awards")
        .iter()
        .map(|a| {
            let mut t = s(a, "title").to_string();
            for part in [s(a, "awarder"), s(a, "date")] {
                if !part.is_empty() {
                    t.push_str(&format!(", {part}"));
                }
            }
            if !s(a, "summary").is_empty() {
                t.push_str(&format!(": {}", s(a, "summary")));
            }
            t
        })
        .collect();
    if !awards.is_empty() {
        sections.push(json!({"id": "awards", "title": "Awards", "items": awards}));
    }
    let interests: Vec<String> = items(doc, "interests")
        .iter()
        .map(|i| {
            let k = strings(i, "keywords");
            if k.is_empty() {
                s(i, "name").to_string()
            } else {
                format!("{}: {}", s(i, "name"), k.join(", "))
            }
        })
        .collect();
    if !interests.is_empty() {
        sections.push(json!({"id": "interests", "title": "Interests", "items": interests}));
    }
    let testimonials: Vec<String> = items(doc, "references")
        .iter()
        .filter(|r| !s(r, "reference").is_empty())
        .map(|r| format!("“{}” — {}", s(r, "reference"), s(r, "name")))
        .collect();
    if !testimonials.is_empty() {
        sections.push(json!({"id": "testimonials", "title": "References", "items": testimonials}));
        notes.push("references: the quotes became a free section `testimonials`".to_string());
    }
    put(&mut p, "sections", sections);
    Ok(Value::Object(p))
}

fn items_of<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// `work` and `volunteer` entries; an entry without a start date cannot be
/// placed in time and is left out (with a note).
fn jobs(list: &[Value], org_key: &str, what: &str, notes: &mut Vec<String>) -> Vec<Value> {
    let mut ids = Ids::new();
    let mut out = Vec::new();
    for (i, w) in list.iter().enumerate() {
        let Some(start) = date(w, "startDate", what, notes) else {
            notes.push(format!(
                "{what}[{i}] ({}): no startDate, left out",
                s(w, org_key)
            ));
            continue;
        };
        let mut m = Map::new();
        m.insert("id".into(), ids.make(s(w, org_key), "job").into());
        put(&mut m, "organization", s(w, org_key));
        put(&mut m, "role", s(w, "position"));
        put(&mut m, "location", s(w, "location"));
        m.insert("start".into(), start.into());
        put(&mut m, "end", date(w, "endDate", what, notes));
        let summary: Vec<&str> = [s(w, "summary"), s(w, "description")]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        put(&mut m, "summary", summary.first().copied().unwrap_or(""));
        let mut hid = Ids::new();
        let highlights: Vec<Value> = strings(w, "highlights")
            .into_iter()
            .map(|t| json!({"id": hid.make(&t.split_whitespace().take(3).collect::<Vec<_>>().join(" "), "h"), "text": t}))
            .collect();
        put(&mut m, "highlights", highlights);
        if s(w, "position").is_empty() {
            m.insert("role".into(), "?".into());
            notes.push(format!(
                "{what}[{i}] ({}): no position; role set to \"?\"",
                s(w, org_key)
            ));
        }
        out.push(Value::Object(m));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::Profile;

    #[test]
    fn fluency_words_become_cefr_levels() {
        assert_eq!(cefr("Native speaker"), "native");
        assert_eq!(cefr("Fluent"), "C1");
        assert_eq!(cefr("B2 (upper intermediate)"), "B2");
        assert_eq!(cefr("Elementary proficiency"), "A2");
        assert_eq!(cefr("conversational"), "B1");
    }

    #[test]
    fn minimal_document_gives_a_loadable_profile() {
        let (yaml, _) = json_resume_to_yaml(
            r#"{"basics": {"name": "Õie Tamm", "label": "Arendaja"}, "work": [{"name": "ACME", "position": "Dev", "startDate": "2020-02", "highlights": ["Did *this*", "Did that"]}, {"name": "ACME", "position": "Dev 2", "startDate": "2021"}, {"name": "No date"}]}"#,
        )
        .unwrap();
        let p: Profile = crate::load::yaml::parse(&yaml, std::path::Path::new("x.yaml")).unwrap();
        assert_eq!(p.experience.len(), 2);
        assert_eq!(p.experience[1].id.value, "acme-2");
        assert!(
            crate::tailor::check_profile(&p, std::path::Path::new("x.yaml"))
                .0
                .is_empty()
        );
    }

    #[test]
    fn rejects_what_is_not_a_resume() {
        assert!(json_resume_to_yaml("[1, 2]").is_err());
        assert!(
            json_resume_to_yaml("{\"basics\": {}}")
                .unwrap_err()
                .to_string()
                .contains("basics.name")
        );
        assert!(json_resume_to_yaml("not json").is_err());
    }
}
