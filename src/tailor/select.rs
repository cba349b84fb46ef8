//! Selecting and ordering profile items by id or tag, and checking that every
//! id a tailoring file names exists.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Date, Id};

/// Something with an id in a profile list.
pub trait Item {
    fn id(&self) -> &Id;
    fn tags(&self) -> &[String] {
        &[]
    }
}

macro_rules! impl_item {
    ($($t:ty),*) => {$(
        impl Item for $t {
            fn id(&self) -> &Id { &self.id }
            fn tags(&self) -> &[String] { &self.tags }
        }
    )*};
}
use crate::model::profile::*;
impl_item!(
    Experience,
    Highlight,
    Education,
    Skill,
    Language,
    Certification,
    Project,
    Publication,
    Reference
);

impl Item for ExtraSection {
    fn id(&self) -> &Id {
        &self.id
    }
}

/// Report ids that occur twice in one profile list, with where the first one is.
pub fn check_unique<T: Item>(items: &[T], list: &str, file: &Path, diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Id> = HashMap::new();
    for item in items {
        let id = item.id();
        if let Some(first) = seen.get(id.value.as_str()) {
            diags.push(
                Diagnostic::new(
                    file,
                    format!(
                        "duplicate id \"{}\" in `{list}` (first at line {}); ids must be unique within a list",
                        id.value, first.pos.line
                    ),
                )
                .at(id.pos)
                .field(format!("{list}[{}].id", id.value)),
            );
        } else {
            seen.insert(id.value.as_str(), id);
        }
    }
}

/// Comma-separated ids for "known: …" hints.
pub fn known_ids<T: Item>(items: &[T]) -> String {
    if items.is_empty() {
        return "(none)".to_string();
    }
    items
        .iter()
        .map(|i| i.id().value.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn find<'a, T: Item>(items: &'a [T], id: &str) -> Option<&'a T> {
    items.iter().find(|i| i.id().value == id)
}

/// The items named by `ids`, in that order; an unknown or repeated id is reported.
pub fn by_ids<'a, T: Item>(
    items: &'a [T],
    ids: &[Id],
    what: &str,
    field: &str,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<&'a T> {
    let mut out: Vec<&T> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match find(items, &id.value) {
            Some(item) if out.iter().any(|o| o.id().value == id.value) => {
                let _ = item;
                diags.push(
                    Diagnostic::new(file, format!("{what} id \"{}\" is listed twice", id.value))
                        .at(id.pos)
                        .field(format!("{field}[{i}]")),
                );
            }
            Some(item) => out.push(item),
            None => diags.push(
                unknown_id(what, &id.value, &known_ids(items), file)
                    .at(id.pos)
                    .field(format!("{field}[{i}]")),
            ),
        }
    }
    out
}

pub fn unknown_id(what: &str, id: &str, known: &str, file: &Path) -> Diagnostic {
    Diagnostic::new(file, format!("unknown {what} id \"{id}\"; known: {known}"))
}

/// Items carrying any of `tags`; when `tags` is empty or nothing matches, all.
pub fn by_tags<'a, T: Item>(items: &'a [T], tags: &[String]) -> Vec<&'a T> {
    let hits: Vec<&T> = items
        .iter()
        .filter(|i| has_any_tag(i.tags(), tags))
        .collect();
    if tags.is_empty() || hits.is_empty() {
        items.iter().collect()
    } else {
        hits
    }
}

pub fn has_any_tag(item_tags: &[String], wanted: &[String]) -> bool {
    item_tags.iter().any(|t| wanted.contains(t))
}

/// Newest first: ongoing items first, then by end, then by start, both descending.
pub fn newest_first<T>(items: &mut [&T], key: impl Fn(&T) -> (Option<Date>, Option<Date>)) {
    items.sort_by(|a, b| {
        let (sa, ea) = key(a);
        let (sb, eb) = key(b);
        let rank = |s: Option<Date>, e: Option<Date>| (e.is_none() && s.is_some(), e, s);
        rank(sb, eb).cmp(&rank(sa, ea))
    });
}
