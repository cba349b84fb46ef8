//! Selecting and ordering profile items by id or tag, and checking that every
//! id a tailoring file names exists.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::profile::{Experience, Item, Profile};
use crate::model::tailoring::Tailoring;
use crate::model::{Date, Id, Section};

/// Report ids that occur twice in one profile list, with where the first one is.
pub fn check_unique<'a>(
    items: impl IntoIterator<Item = &'a dyn Item>,
    list: &str,
    file: &Path,
    diags: &mut Diagnostics,
) {
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
pub fn known_ids<'a, T: Item + ?Sized + 'a>(items: impl IntoIterator<Item = &'a T>) -> String {
    let ids: Vec<&str> = items.into_iter().map(|i| i.id().value.as_str()).collect();
    if ids.is_empty() {
        return "(none)".to_string();
    }
    ids.join(", ")
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
    Diagnostic::new(
        file,
        format!(
            "unknown {what} id \"{id}\"{}; known: {known}",
            suggestion(id, known)
        ),
    )
}

/// `; did you mean "x"?` when one of the comma-separated `known` is close to `word`.
pub fn suggestion(word: &str, known: &str) -> String {
    crate::diag::did_you_mean(word, known.split(", "))
        .map(|best| format!("; did you mean \"{best}\"?"))
        .unwrap_or_default()
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

// Selections made by a tailoring file.

pub fn sorted_newest<T>(
    mut items: Vec<&T>,
    key: impl Fn(&T) -> (Option<Date>, Option<Date>),
) -> Vec<&T> {
    newest_first(&mut items, key);
    items
}

pub fn select_experience<'a>(
    profile: &'a Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<&'a Experience> {
    match &t.cv.experience {
        Some(ids) => by_ids(
            &profile.experience,
            ids,
            "experience",
            "cv.experience",
            file,
            diags,
        ),
        None => {
            let tags = &t.cv.tags;
            let mut items: Vec<&Experience> = if tags.is_empty() {
                profile.experience.iter().collect()
            } else {
                profile
                    .experience
                    .iter()
                    .filter(|e| {
                        has_any_tag(&e.tags, tags)
                            || e.highlights.iter().any(|h| has_any_tag(&h.tags, tags))
                    })
                    .collect()
            };
            newest_first(&mut items, |e| {
                (Some(e.start.value), e.end.as_ref().map(|d| d.value))
            });
            items
        }
    }
}

/// `cv.highlights`: experience id → highlight ids to keep, checked.
pub fn select_highlights(
    profile: &Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (exp_id, ids) in &t.cv.highlights {
        let field = format!("cv.highlights.{exp_id}");
        let Some(exp) = find(&profile.experience, exp_id) else {
            diags.push(
                unknown_id("experience", exp_id, &known_ids(&profile.experience), file)
                    .at(ids.pos)
                    .field(field),
            );
            continue;
        };
        let kept = by_ids(
            &exp.highlights,
            &ids.value,
            "highlight",
            &field,
            file,
            diags,
        );
        out.push((
            exp_id.clone(),
            kept.iter().map(|h| h.id.value.clone()).collect(),
        ));
    }
    out
}

/// A section of this CV: built-in, or one of the profile's free sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SectionRef {
    Builtin(Section),
    Custom(String),
}

/// `cv.sections`, checked; omitted: every built-in section with something
/// to show, in the default order, then the profile's free sections.
pub fn select_sections(
    profile: &Profile,
    t: &Tailoring,
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<SectionRef> {
    let Some(ids) = &t.cv.sections else {
        return Section::ALL
            .into_iter()
            .filter(|&s| profile.has(s) || (s == Section::Summary && t.cv.summary.is_some()))
            .map(SectionRef::Builtin)
            .chain(
                profile
                    .sections
                    .iter()
                    .map(|s| SectionRef::Custom(s.id.value.clone())),
            )
            .collect();
    };
    let mut out: Vec<SectionRef> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let section = match Section::from_id(&id.value) {
            Some(s) => Some(SectionRef::Builtin(s)),
            None => {
                find(&profile.sections, &id.value).map(|s| SectionRef::Custom(s.id.value.clone()))
            }
        };
        match section {
            None => {
                let all: Vec<&str> = Section::ALL
                    .iter()
                    .map(|s| s.id())
                    .chain(profile.sections.iter().map(|s| s.id.value.as_str()))
                    .collect();
                diags.push(
                    Diagnostic::new(
                        file,
                        format!(
                            "unknown section \"{}\"; known: {}",
                            id.value,
                            all.join(", ")
                        ),
                    )
                    .at(id.pos)
                    .field(format!("cv.sections[{i}]")),
                );
            }
            Some(s) if out.contains(&s) => diags.push(
                Diagnostic::new(file, format!("section \"{}\" is listed twice", id.value))
                    .at(id.pos)
                    .field(format!("cv.sections[{i}]")),
            ),
            Some(s) => out.push(s),
        }
    }
    out
}
