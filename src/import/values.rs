//! Reading JSON Resume values leniently: numbers where text is expected,
//! a string where a list is expected (or a JSON array written as a string),
//! text in several languages, HTML. Every object remembers which keys were
//! read, so that whatever was not imported becomes a note.

use serde_json::{Map, Value};

use super::html::{self, Flow};
use super::notes::Notes;

/// Whether a value holds nothing: `null`, `""`, `[]`, `{}` or only such values.
pub fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.iter().all(is_empty),
        Value::Object(o) => o.values().all(is_empty),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

/// `path.key`, or `path["odd key"]` for a key that is not a plain name.
pub fn key_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '-'));
    match (plain, path.is_empty()) {
        (true, true) => key.to_string(),
        (true, false) => format!("{path}.{key}"),
        (false, _) => format!("{path}[{}]", Value::String(key.to_string())),
    }
}

/// A JSON object being read.
pub struct Obj<'a> {
    pub path: String,
    map: &'a Map<String, Value>,
    read: Vec<String>,
    /// Keys left unread because another name of the same field was used.
    shadowed: Vec<(String, String)>,
}

impl<'a> Obj<'a> {
    /// `None` when `v` is not an object.
    pub fn new(path: impl Into<String>, v: &'a Value) -> Option<Obj<'a>> {
        Some(Obj {
            path: path.into(),
            map: v.as_object()?,
            read: Vec::new(),
            shadowed: Vec::new(),
        })
    }

    pub fn at(&self, key: &str) -> String {
        key_path(&self.path, key)
    }

    /// Whether the object has anything under `key`.
    pub fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !is_empty(v))
    }

    /// The value of the first of `keys` that holds something, with its path.
    /// `keys[0]` is the JSON Resume 1.0 name; the others are older names or
    /// common variants, and reading one is noted as a rename.
    pub fn get(&mut self, keys: &[&str], notes: &mut Notes) -> Option<(String, &'a Value)> {
        let (key, value) = keys
            .iter()
            .find_map(|k| self.map.get_key_value(*k).filter(|(_, v)| !is_empty(v)))?;
        for k in keys {
            match self.map.get(*k) {
                Some(v) if is_empty(v) || v == value => self.read.push((*k).to_string()),
                Some(_) => self.shadowed.push(((*k).to_string(), key.clone())),
                None => {}
            }
        }
        if key != keys[0] {
            notes.renamed(&self.at(key), keys[0]);
        }
        Some((self.at(key), value))
    }

    /// Mark `key` as dealt with.
    pub fn skip(&mut self, key: &str) {
        self.read.push(key.to_string());
    }

    /// Text under one of `keys`.
    pub fn text(&mut self, keys: &[&str], flow: Flow, notes: &mut Notes) -> Option<String> {
        let (path, v) = self.get(keys, notes)?;
        text(&path, v, flow, notes)
    }

    /// One-line text without markup, for fields that are shown as written
    /// (a name, a place, a label).
    pub fn plain(&mut self, keys: &[&str], notes: &mut Notes) -> Option<String> {
        let t = self.text(keys, Flow::Line, notes)?;
        let p = crate::model::markup::plain(&t);
        (!p.is_empty()).then_some(p)
    }

    /// Text and the `<li>` items found in it (see [`Flow::BlockWithItems`]).
    pub fn text_and_items(&mut self, keys: &[&str], notes: &mut Notes) -> (String, Vec<String>) {
        match self.get(keys, notes) {
            Some((path, v)) => markup(&path, v, Flow::BlockWithItems, notes),
            None => (String::new(), Vec::new()),
        }
    }

    /// The entries of a list under one of `keys` (see [`list`]).
    pub fn list(&mut self, keys: &[&str], notes: &mut Notes) -> Vec<(String, &'a Value)> {
        match self.get(keys, notes) {
            Some((path, v)) => list(&path, v),
            None => Vec::new(),
        }
    }

    /// A list of one-line texts: each `<li>` and each paragraph (`<br>`,
    /// `<p>`) of an entry is an entry of its own; a plain string is one
    /// entry, or with `commas` split at commas.
    pub fn strings(&mut self, keys: &[&str], commas: bool, notes: &mut Notes) -> Vec<String> {
        let mut out = Vec::new();
        if let Some((path, v)) = self.get(keys, notes) {
            strings(&path, v, commas, notes, &mut out);
        }
        out
    }

    /// Note every key that holds something and was not read.
    pub fn finish(self, notes: &mut Notes) {
        for (key, value) in self.map {
            if is_empty(value) || self.read.iter().any(|r| r == key) {
                continue;
            }
            match self.shadowed.iter().find(|(k, _)| k == key) {
                Some((_, used)) => notes.push(
                    key_path(&self.path, key),
                    format!("not imported: `{used}` is used instead and differs"),
                ),
                None => notes.push(key_path(&self.path, key), "not imported"),
            }
        }
    }
}

/// One-line texts of a list value (see [`Obj::strings`]).
pub fn strings(path: &str, v: &Value, commas: bool, notes: &mut Notes, out: &mut Vec<String>) {
    if let Value::String(s) = v
        && let Some(inner) = json_array_in_string(s)
    {
        return strings(path, &inner, commas, notes, out);
    }
    let single = !matches!(v, Value::Array(_));
    for (p, item) in list(path, v).into_iter().filter(|(_, x)| !is_empty(x)) {
        let (text, items) = markup(&p, item, Flow::BlockWithItems, notes);
        // Each paragraph (`<br>`, `<p>`, a blank line) is an entry of its own.
        let paragraphs = text.split("\n\n").map(html::one_line);
        if commas && single && items.is_empty() {
            out.extend(paragraphs.flat_map(|t| {
                t.split([',', ';'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            }));
            continue;
        }
        out.extend(paragraphs.filter(|t| !t.is_empty()));
        out.extend(items);
    }
}

/// The entries of a list: an array's items (`path[i]`), or any other
/// single value as the only entry (`path`).
pub fn list<'a>(path: &str, v: &'a Value) -> Vec<(String, &'a Value)> {
    match v {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("{path}[{i}]"), x))
            .collect(),
        _ if is_empty(v) => Vec::new(),
        _ => vec![(path.to_string(), v)],
    }
}

/// One-line or block text of a value; `None` when it holds none.
pub fn text(path: &str, v: &Value, flow: Flow, notes: &mut Notes) -> Option<String> {
    let (text, _) = markup(path, v, flow, notes);
    (!text.is_empty()).then_some(text)
}

/// Text of a value as markup, with `<li>` items apart for `BlockWithItems`.
pub fn markup(path: &str, v: &Value, flow: Flow, notes: &mut Notes) -> (String, Vec<String>) {
    match v {
        Value::String(s) => {
            // A JSON array written as a string (`"[]"`, `"[\"a\", \"b\"]"`).
            if let Some(inner) = json_array_in_string(s) {
                return markup(path, &inner, flow, notes);
            }
            // "TODO" as a whole value is a note to self, not text for a CV.
            if crate::check::placeholders(s.trim())
                .iter()
                .any(|p| p == s.trim())
            {
                notes.push(
                    path,
                    format!("{:?} is a placeholder, not imported", s.trim()),
                );
                return (String::new(), Vec::new());
            }
            let m = html::to_markup(s, flow);
            if !m.dropped.is_empty() {
                notes.push(path, format!("HTML removed: {}", m.dropped.join(", ")));
            }
            (m.text, m.items)
        }
        Value::Number(n) => (n.to_string(), Vec::new()),
        Value::Array(a) => {
            let mut parts = Vec::new();
            let mut items = Vec::new();
            for (i, x) in a.iter().enumerate() {
                let (t, it) = markup(&format!("{path}[{i}]"), x, flow, notes);
                if !t.is_empty() {
                    parts.push(t);
                }
                items.extend(it);
            }
            let sep = if flow == Flow::Line { "; " } else { "\n\n" };
            (parts.join(sep), items)
        }
        Value::Object(o) => match one_language(o) {
            Some((lang, s)) => {
                let others: Vec<&str> = o
                    .keys()
                    .map(String::as_str)
                    .filter(|k| *k != lang)
                    .collect();
                if !others.is_empty() {
                    notes.push(
                        path,
                        format!(
                            "text in several languages: the `{lang}` text was imported, not {}; \
                             add translations as {{et: …, en: …}}",
                            others.join(", ")
                        ),
                    );
                }
                markup(path, s, flow, notes)
            }
            None => {
                if !is_empty(v) {
                    notes.push(path, "an object where text was expected; not imported");
                }
                (String::new(), Vec::new())
            }
        },
        Value::Bool(b) => {
            notes.push(path, format!("`{b}` where text was expected; not imported"));
            (String::new(), Vec::new())
        }
        Value::Null => (String::new(), Vec::new()),
    }
}

fn json_array_in_string(s: &str) -> Option<Value> {
    let t = s.trim();
    if !(t.starts_with('[') && t.ends_with(']')) {
        return None;
    }
    serde_json::from_str::<Value>(t).ok().filter(|v| {
        v.as_array()
            .is_some_and(|a| a.iter().all(|x| x.is_string()))
    })
}

/// Text per language (`{"de": "…", "en": "…"}`): the English one, else the first.
fn one_language(o: &Map<String, Value>) -> Option<(&str, &Value)> {
    let is_lang = |k: &str| {
        let (lang, region) = k.split_once(['-', '_']).unwrap_or((k, ""));
        lang.len() == 2
            && lang.bytes().all(|b| b.is_ascii_lowercase())
            && region.len() <= 4
            && region.bytes().all(|b| b.is_ascii_alphabetic())
    };
    if o.is_empty()
        || !o
            .iter()
            .all(|(k, v)| is_lang(k) && (v.is_string() || v.is_null()))
    {
        return None;
    }
    o.get_key_value("en")
        .or_else(|| o.iter().find(|(_, v)| !is_empty(v)))
        .map(|(k, v)| (k.as_str(), v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_arrays_and_languages_as_text() {
        let mut n = Notes::default();
        assert_eq!(text("p", &json!(3.5), Flow::Line, &mut n).unwrap(), "3.5");
        assert_eq!(text("p", &json!(2015), Flow::Line, &mut n).unwrap(), "2015");
        assert_eq!(
            text("p", &json!(["a", "b"]), Flow::Block, &mut n).unwrap(),
            "a\n\nb"
        );
        assert_eq!(
            text(
                "p",
                &json!({"de": "Hallo", "en": "Hello"}),
                Flow::Line,
                &mut n
            )
            .unwrap(),
            "Hello"
        );
        assert!(n.render()[0].starts_with("p: text in several languages"));
        let mut n = Notes::default();
        assert_eq!(text("p", &json!(true), Flow::Line, &mut n), None);
        assert_eq!(text("p", &json!({"x": 1}), Flow::Line, &mut n), None);
        assert_eq!(n.render().len(), 2);
    }

    #[test]
    fn lists_from_strings() {
        let doc = json!({
            "h": "one highlight",
            "s": "[]",
            "k": "Rust, Go; C",
            "a": ["x", "", "<ul><li>y</li><li>z</li></ul>"],
            "j": "[\"p\", \"q\"]",
            "b": ["Led X<br>Built <b>Y</b>", "<p>P1</p><p>P2</p>"],
            "kb": "Rust<br>Go, C"
        });
        let mut n = Notes::default();
        let mut o = Obj::new("w", &doc).unwrap();
        assert_eq!(o.strings(&["h"], false, &mut n), vec!["one highlight"]);
        assert!(o.strings(&["s"], false, &mut n).is_empty());
        assert_eq!(o.strings(&["k"], true, &mut n), vec!["Rust", "Go", "C"]);
        assert_eq!(o.strings(&["a"], false, &mut n), vec!["x", "y", "z"]);
        assert_eq!(o.strings(&["j"], true, &mut n), vec!["p", "q"]);
        assert_eq!(
            o.strings(&["b"], false, &mut n),
            vec!["Led X", "Built **Y**", "P1", "P2"]
        );
        assert_eq!(o.strings(&["kb"], true, &mut n), vec!["Rust", "Go", "C"]);
        o.finish(&mut n);
        assert!(n.render().is_empty(), "{:?}", n.render());
    }

    #[test]
    fn unread_keys_and_renames_are_noted() {
        let doc = json!({"company": "A", "name": "B", "website": "u", "x y": 1, "e": ""});
        let mut n = Notes::default();
        let mut o = Obj::new("work[2]", &doc).unwrap();
        assert_eq!(
            o.text(&["name", "company"], Flow::Line, &mut n).unwrap(),
            "B"
        );
        assert_eq!(
            o.text(&["url", "website"], Flow::Line, &mut n).unwrap(),
            "u"
        );
        o.finish(&mut n);
        assert_eq!(
            n.render(),
            vec![
                "keys of older schema versions and variants read by their JSON Resume 1.0 names: work[].website → url",
                "work[2].company: not imported: `name` is used instead and differs",
                "work[2][\"x y\"]: not imported",
            ]
        );
    }
}
