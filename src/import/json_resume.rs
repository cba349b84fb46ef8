//! A JSON Resume document (any schema era) → a dossier profile as a JSON
//! value, ready to be written as YAML. This file reads the document's top
//! level and `basics`; `jobs` does `work` and `volunteer`, `sections` the rest.

use anyhow::{Result, bail};
use serde_json::{Map, Value, json};

use super::html::Flow;
use super::notes::Notes;
use super::values::{Obj, is_empty, list};
use super::{jobs, sections};

/// The profile, and where each of its entries came from.
pub struct Converted {
    pub profile: Value,
    pub origins: Vec<Origin>,
    /// The candidate's name and headline, as imported.
    pub name: String,
    pub headline: Option<String>,
}

/// Entry `id` of profile list `list` came from JSON path `path`.
#[derive(Debug, Clone)]
pub struct Origin {
    pub list: String,
    pub id: String,
    pub path: String,
}

/// JSON Resume sections by their 1.0 names, and the other names they have
/// had or are given (all of them are read, one after the other).
const SECTIONS: &[(&str, &[&str])] = &[
    ("work", &[]),
    ("volunteer", &["volunteers", "community"]),
    ("education", &[]),
    ("awards", &[]),
    ("certificates", &["certifications"]),
    ("publications", &[]),
    ("skills", &[]),
    ("languages", &[]),
    ("interests", &["hobbies"]),
    ("references", &[]),
    ("projects", &[]),
];

/// What the conversion builds.
#[derive(Default)]
pub struct Out {
    pub profile: Map<String, Value>,
    pub origins: Vec<Origin>,
    pub free: Vec<Value>,
}

impl Out {
    /// Append `item` (which has an `id`) to profile list `list`.
    pub fn push(&mut self, list: &str, item: Map<String, Value>, path: &str) {
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        self.origins.push(Origin {
            list: list.to_string(),
            id,
            path: path.to_string(),
        });
        if let Value::Array(a) = self
            .profile
            .entry(list)
            .or_insert_with(|| Value::Array(Vec::new()))
        {
            a.push(Value::Object(item));
        }
    }

    /// The profile, its keys in the order of the README (name first,
    /// sections last), and where its entries came from.
    pub fn into_profile(self) -> (Value, Vec<Origin>) {
        let mut profile = self.profile;
        if !self.free.is_empty() {
            profile.insert("sections".into(), Value::Array(self.free));
        }
        let order = [
            "name",
            "headline",
            "contact",
            "summary",
            "experience",
            "education",
            "skills",
            "languages",
            "certifications",
            "projects",
            "publications",
            "volunteering",
            "sections",
        ];
        let mut ordered = Map::new();
        for key in order {
            if let Some(v) = profile.remove(key) {
                ordered.insert(key.to_string(), v);
            }
        }
        (Value::Object(ordered), self.origins)
    }

    /// A free section (`sections:` of the profile).
    pub fn free_section(&mut self, id: &str, title: &str, items: Vec<String>, path: &str) {
        if items.is_empty() {
            return;
        }
        self.origins.push(Origin {
            list: "sections".to_string(),
            id: id.to_string(),
            path: path.to_string(),
        });
        self.free
            .push(json!({"id": id, "title": title, "items": items}));
    }
}

pub fn convert(doc: &Value, notes: &mut Notes) -> Result<Converted> {
    let Some(mut top) = Obj::new("", doc) else {
        bail!("a JSON Resume document is a JSON object; this is not one")
    };
    top.skip("$schema");
    top.skip("meta");
    // Notes name paths as they are in the file: `bio.profiles`, not `basics.profiles`.
    let (basics_path, basics) = match top.get(&["basics", "bio"], notes) {
        Some((path, v)) => (path, Some(v)),
        None => ("basics".to_string(), None),
    };

    // Sections, also where older files keep them: inside `basics`.
    let mut sources: Vec<(&str, Vec<(String, &Value)>)> = Vec::new();
    let mut nested = Vec::new();
    for (name, others) in SECTIONS {
        let mut found = Vec::new();
        for key in std::iter::once(name).chain(others.iter()) {
            if let Some((path, v)) = top.get(&[key], notes) {
                if key != name {
                    notes.renamed(&path, name);
                }
                found.push((path, v));
            }
            if let Some(v) = basics.and_then(|b| b.get(*key)).filter(|v| !is_empty(v)) {
                let path = format!("{basics_path}.{key}");
                notes.renamed(&path, name);
                nested.push(*key);
                found.push((path, v));
            }
        }
        sources.push((name, found));
    }
    let section = |name: &str| -> Vec<(String, &Value)> {
        sources
            .iter()
            .filter(|(n, _)| *n == name)
            .flat_map(|(_, found)| found.iter().cloned())
            .collect()
    };

    let mut out = Out::default();
    let (name, headline) = read_basics(&basics_path, basics, doc, &nested, &mut out, notes)?;
    jobs::work(&section("work"), "work", &mut out, notes);
    sections::education(&section("education"), &mut out, notes);
    sections::skills(&section("skills"), &mut out, notes);
    sections::languages(&section("languages"), &mut out, notes);
    sections::certificates(&section("certificates"), &mut out, notes);
    sections::projects(&section("projects"), &mut out, notes);
    sections::publications(&section("publications"), &mut out, notes);
    jobs::work(&section("volunteer"), "volunteer", &mut out, notes);
    sections::awards(&section("awards"), &mut out, notes);
    sections::interests(&section("interests"), &mut out, notes);
    sections::references(&section("references"), &mut out, notes);
    top.finish(notes);

    let (profile, origins) = out.into_profile();
    Ok(Converted {
        profile,
        origins,
        name,
        headline,
    })
}

/// Put `value` under `key` unless it is empty.
pub fn put(m: &mut Map<String, Value>, key: &str, value: impl Into<Value>) {
    let value = value.into();
    if !is_empty(&value) {
        m.insert(key.to_string(), value);
    }
}

/// A web address: as written with a scheme, or `https://` before a bare
/// domain (`www.x.com`, `x.org/me`).
pub fn web_url(raw: &str) -> Option<String> {
    let u = raw.trim();
    let lower = u.to_ascii_lowercase();
    if u.len() < 4 || u.contains(char::is_whitespace) || u.contains(['<', '>', '"']) {
        return None;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return (u.len() > 8).then(|| u.to_string());
    }
    if lower.starts_with("mailto:") {
        return None;
    }
    let host = u.split('/').next().unwrap_or("");
    let domain = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    domain.then(|| format!("https://{u}"))
}

/// The host of a web address, without `www.`: a name for an organization
/// that has none.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// `text` as a link to `url` (inline markup), unless it is one already.
pub fn linked(text: &str, url: &str) -> String {
    if text.contains("](") {
        return text.to_string();
    }
    let url = url
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('[', "%5B")
        .replace(']', "%5D");
    format!("[{text}]({url})")
}

/// A URL under one of `keys` (a string, or an object with `url`); a value
/// that is no web address is noted.
pub fn url_of(o: &mut Obj, keys: &[&str], notes: &mut Notes) -> Option<String> {
    let (path, v) = o.get(keys, notes)?;
    let raw = match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => m
            .get("url")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    };
    let url = web_url(&raw);
    if url.is_none() {
        notes.push(path, format!("{v} is not a web address; not imported"));
    }
    url
}

/// A date field as written (a number is read as its digits).
pub fn raw_date(o: &mut Obj, keys: &[&str], notes: &mut Notes) -> Option<(String, String)> {
    let (path, v) = o.get(keys, notes)?;
    let raw = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    Some((path, raw))
}

/// `basics`: name, headline, contact, summary. Returns the name and headline.
fn read_basics(
    path: &str,
    basics: Option<&Value>,
    doc: &Value,
    nested: &[&str],
    out: &mut Out,
    notes: &mut Notes,
) -> Result<(String, Option<String>)> {
    let no_name = || {
        let keys: Vec<&str> = doc
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let what = if basics.is_some() {
            "basics.name is missing".to_string()
        } else {
            format!(
                "the document has no `basics` (its top-level keys: {}), so basics.name is missing",
                keys.join(", ")
            )
        };
        anyhow::anyhow!(
            "{what}; a profile needs the candidate's name. Add \"basics\": {{\"name\": \"…\"}} \
             to the JSON file and import it again"
        )
    };
    let mut o = basics.and_then(|b| Obj::new(path, b)).ok_or_else(no_name)?;
    for key in nested {
        o.skip(key);
    }
    let name = match o.plain(&["name"], notes) {
        Some(n) => n,
        None => {
            // Before 0.0.12: firstName and lastName.
            let parts: Vec<String> = ["firstName", "lastName"]
                .iter()
                .filter_map(|k| o.plain(&[k], notes))
                .collect();
            if parts.is_empty() {
                return Err(no_name());
            }
            notes.renamed(&o.at("firstName"), "name");
            parts.join(" ")
        }
    };
    let p = &mut out.profile;
    put(p, "name", name.as_str());
    let headline = o.text(&["label"], Flow::Line, notes);
    put(p, "headline", headline.clone());

    let mut contact = Map::new();
    for key in ["email", "phone"] {
        if let Some((path, v)) = o.get(&[key], notes) {
            put(&mut contact, key, contact_value(&path, v, notes));
        }
    }
    if let Some((path, loc)) = o.get(&["location"], notes) {
        location(&path, loc, &mut contact, notes);
    }
    let mut links = Vec::new();
    if let Some((path, v)) = o.get(&["url", "website"], notes) {
        let (label, raw) = match v {
            Value::Object(m) => (
                m.get("name").and_then(Value::as_str).unwrap_or("Website"),
                m.get("url").and_then(Value::as_str).unwrap_or(""),
            ),
            Value::String(s) => ("Website", s.as_str()),
            _ => ("Website", ""),
        };
        match web_url(raw) {
            Some(url) => {
                links.push(json!({"label": crate::model::markup::plain(label.trim()), "url": url}))
            }
            None => notes.push(path, format!("{v} is not a web address; not imported")),
        }
    }
    for (path, prof) in o.list(&["profiles"], notes) {
        if let Some(link) = profile_link(&path, prof, notes) {
            links.push(link);
        }
    }
    put(&mut contact, "links", links);
    put(p, "contact", Value::Object(contact));
    if let Some((path, _)) = o.get(&["image", "picture"], notes) {
        notes.push(
            path,
            "a photo must be a file in the workspace: save it there and set `photo:` in the profile",
        );
    }
    put(p, "summary", o.text(&["summary"], Flow::Block, notes));
    o.finish(notes);
    Ok((name, headline))
}

/// `email` or `phone`: a string, a number, or (before 0.0.12) an object of them.
fn contact_value(path: &str, v: &Value, notes: &mut Notes) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(m) => {
            let values: Vec<&str> = m.values().filter_map(Value::as_str).collect();
            if values.len() > 1 {
                notes.push(
                    path,
                    format!("several given; only \"{}\" was imported", values[0]),
                );
            }
            values.first().map(|s| s.trim().to_string())
        }
        Value::Array(a) => {
            let values: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            if values.len() > 1 {
                notes.push(
                    path,
                    format!("several given; only \"{}\" was imported", values[0]),
                );
            }
            values.first().map(|s| s.trim().to_string())
        }
        _ => {
            notes.push(path, "not text; not imported");
            None
        }
    }
}

/// `basics.location` → `contact.location` (city, region, country) and
/// `contact.address` (street lines, then postal code and city).
fn location(path: &str, v: &Value, contact: &mut Map<String, Value>, notes: &mut Notes) {
    let Some(mut o) = Obj::new(path, v) else {
        put(
            contact,
            "location",
            super::values::text(path, v, Flow::Line, notes),
        );
        return;
    };
    let address = o.text(&["address"], Flow::Block, notes);
    let postal = o.plain(&["postalCode"], notes);
    let city = o.plain(&["city"], notes);
    let region = o.plain(&["region", "state"], notes);
    let country = o.plain(&["countryCode", "country"], notes);
    let place: Vec<&str> = [&city, &region, &country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    put(contact, "location", place.join(", "));
    let mut lines: Vec<String> = address
        .iter()
        .flat_map(|a| a.lines())
        .map(|l| crate::model::markup::plain(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let city_line: Vec<&str> = [&postal, &city]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    // An address that already ends in its city ("15092 Tallinn", as
    // `dossier export json-resume` writes it) gets no second city line.
    let has_city = city.as_deref().is_some_and(|c| {
        lines
            .iter()
            .any(|l| l.to_lowercase().contains(&c.to_lowercase()))
    });
    if !city_line.is_empty() && !lines.is_empty() && !has_city {
        lines.push(city_line.join(" "));
    } else if let Some(p) = &postal {
        notes.push(
            o.at("postalCode"),
            format!("\"{p}\" without a street address; not imported"),
        );
    }
    put(contact, "address", lines);
    o.finish(notes);
}

/// A `basics.profiles` entry as a link; a username without a URL is linked
/// where the network's address is known.
fn profile_link(path: &str, v: &Value, notes: &mut Notes) -> Option<Value> {
    let Some(mut o) = Obj::new(path, v) else {
        notes.push(path, "not an object; not imported");
        return None;
    };
    let network = o.plain(&["network"], notes);
    let username = o.plain(&["username"], notes);
    let given = url_of(&mut o, &["url"], notes);
    o.finish(notes);
    let url = given.or_else(|| {
        let url = network
            .as_deref()
            .zip(username.as_deref())
            .and_then(|(n, u)| network_url(n, u));
        if url.is_none() {
            notes.push(
                path,
                format!(
                    "{} ({}) has no url{}; not imported",
                    network.as_deref().unwrap_or("a profile"),
                    username.as_deref().unwrap_or("no username"),
                    if username.is_some() {
                        ", and the network's address is not known"
                    } else {
                        ""
                    }
                ),
            );
        }
        url
    })?;
    let label = network.unwrap_or_else(|| url.clone());
    Some(json!({"label": label, "url": url}))
}

/// The profile page of `user` on `network`, for networks whose addresses
/// are well known.
fn network_url(network: &str, user: &str) -> Option<String> {
    let user = user.trim().trim_start_matches('@');
    if user.is_empty()
        || !user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        return None;
    }
    let pattern = match network.trim().to_lowercase().as_str() {
        "github" => "https://github.com/{}",
        "gitlab" => "https://gitlab.com/{}",
        "bitbucket" => "https://bitbucket.org/{}",
        "twitter" => "https://twitter.com/{}",
        "x" => "https://x.com/{}",
        "linkedin" => "https://www.linkedin.com/in/{}",
        "instagram" => "https://www.instagram.com/{}",
        "facebook" => "https://www.facebook.com/{}",
        "medium" => "https://medium.com/@{}",
        "dev.to" | "dev" => "https://dev.to/{}",
        "codepen" => "https://codepen.io/{}",
        "dribbble" => "https://dribbble.com/{}",
        "behance" => "https://www.behance.net/{}",
        "keybase" => "https://keybase.io/{}",
        "npm" => "https://www.npmjs.com/~{}",
        "youtube" => "https://www.youtube.com/@{}",
        "reddit" => "https://www.reddit.com/user/{}",
        "hackerrank" => "https://www.hackerrank.com/{}",
        "leetcode" => "https://leetcode.com/{}",
        "soundcloud" => "https://soundcloud.com/{}",
        _ => return None,
    };
    Some(pattern.replace("{}", user))
}

/// The entries of a section from all its sources; a section written as one
/// object instead of a list is read as a list of that one entry.
pub fn entries<'a>(sources: &[(String, &'a Value)]) -> Vec<(String, &'a Value)> {
    sources.iter().flat_map(|(path, v)| list(path, v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses() {
        assert_eq!(web_url("https://x.org").as_deref(), Some("https://x.org"));
        assert_eq!(web_url("www.x.com").as_deref(), Some("https://www.x.com"));
        assert_eq!(web_url("x.org/me").as_deref(), Some("https://x.org/me"));
        assert_eq!(web_url("GitHub"), None);
        assert_eq!(web_url("<WEBSITE>"), None);
        assert_eq!(web_url("not a url.com x"), None);
        assert_eq!(
            host("http://www.nearsoft.com/x").as_deref(),
            Some("nearsoft.com")
        );
        assert_eq!(
            linked("Acme", "https://a.com/x_(y)"),
            "[Acme](https://a.com/x_%28y%29)"
        );
    }

    #[test]
    fn usernames_become_links_where_the_network_is_known() {
        assert_eq!(
            network_url("GitHub", "octo").as_deref(),
            Some("https://github.com/octo")
        );
        assert_eq!(
            network_url("Twitter", "@neutral").as_deref(),
            Some("https://twitter.com/neutral")
        );
        assert_eq!(network_url("Mastodon", "me"), None);
        assert_eq!(network_url("GitHub", "a b"), None);
    }
}
