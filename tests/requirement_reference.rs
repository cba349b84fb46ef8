//! The requirement reader on real sentences: the 40 hand-labelled
//! requirement sentences of the development half in
//! `../shared/reference/ee-requirements/phrases.yaml` (Estonian postings,
//! procurements, regulations), each its own named test (`cargo test --test
//! requirement_reference ee042`). Every labelled reading must come out:
//!
//! - each language with its level (a worded level such as "kõrgtasemel" by
//!   its official CEFR equivalent), required or optional, alternatives in one
//!   group, and no language the label does not name;
//! - the years of experience (first figure), required or optional, and the
//!   further figures with their relation ("or" alternatives, "and");
//! - traps and hard negatives: nothing at all.
//!
//! The data stays outside the project; where it is absent the tests skip
//! (with `CI=true` they fail instead).

mod common;

use std::collections::BTreeMap;

use dossier::model::profile::LanguageLevel;
use dossier::requirement::{self, Reading, Relation};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Case {
    id: String,
    kind: String,
    text: String,
    #[serde(default)]
    languages: Vec<LabelLanguage>,
    #[serde(default)]
    years: Option<LabelYears>,
    #[serde(default)]
    years_extra: Vec<LabelYears>,
    #[serde(flatten)]
    _rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct LabelLanguage {
    language: String,
    level: Option<String>,
    #[serde(default)]
    word: Option<String>,
    required: bool,
    #[serde(default)]
    alt_group: Option<String>,
    #[serde(default)]
    cefr_equiv: Option<String>,
    #[serde(flatten)]
    _rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct LabelYears {
    min_years: Option<f64>,
    required: bool,
    #[serde(default)]
    relation: Option<String>,
    #[serde(default)]
    approximate: bool,
    #[serde(default)]
    months: Option<u32>,
    #[serde(flatten)]
    _rest: BTreeMap<String, serde_json::Value>,
}

/// The labels' Estonian language names as ISO codes; `None`: "a foreign
/// language, not named" (`võõrkeel (täpsustamata)`).
fn code(name: &str) -> Option<&'static str> {
    if name.starts_with("võõrkeel") {
        return None;
    }
    Some(
        requirement::language_code(name)
            .unwrap_or_else(|| panic!("unknown language {name:?} in the labels")),
    )
}

fn level(code: &str) -> LanguageLevel {
    match code {
        "A1" => LanguageLevel::A1,
        "A2" => LanguageLevel::A2,
        "B1" => LanguageLevel::B1,
        "B2" => LanguageLevel::B2,
        "C1" => LanguageLevel::C1,
        "C2" => LanguageLevel::C2,
        other => panic!("unknown level {other:?} in the labels"),
    }
}

/// Every way the reading differs from the labels.
fn differences(case: &Case, got: &Reading) -> Vec<String> {
    let mut wrong = Vec::new();
    if case.kind != "requirement" {
        if !got.languages.is_empty() || !got.years.is_empty() {
            wrong.push(format!("a {} must read as nothing", case.kind));
        }
        return wrong;
    }
    let mut used = vec![false; got.languages.len()];
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for want in &case.languages {
        let want_code = code(&want.language);
        let want_level = want
            .level
            .as_deref()
            .or(want.cefr_equiv.as_deref())
            .map(level);
        let found = got
            .languages
            .iter()
            .enumerate()
            .find(|(k, d)| !used[*k] && d.language == want_code);
        let Some((k, d)) = found else {
            wrong.push(format!("{}: not read", want.language));
            continue;
        };
        used[k] = true;
        if d.level != want_level {
            wrong.push(format!(
                "{}: level {:?}, want {want_level:?}",
                want.language, d.level
            ));
        }
        if d.required != want.required {
            wrong.push(format!(
                "{}: required {}, want {}",
                want.language, d.required, want.required
            ));
        }
        if want.level.is_none()
            && want.cefr_equiv.is_none()
            && want.word.is_some()
            && d.word.is_none()
        {
            wrong.push(format!(
                "{}: the level's words ({:?}) not kept",
                want.language, want.word
            ));
        }
        if let Some(g) = &want.alt_group {
            groups.entry(g).or_default().push(d.group);
        }
    }
    for (k, d) in got.languages.iter().enumerate() {
        if !used[k] {
            wrong.push(format!(
                "{:?} {:?} read, but not labelled",
                d.language, d.level
            ));
        }
    }
    for (g, members) in groups {
        if members.windows(2).any(|w| w[0] != w[1]) {
            wrong.push(format!("alternatives {g}: not one group ({members:?})"));
        }
    }

    let want_years: Vec<&LabelYears> = case
        .years
        .iter()
        .chain(&case.years_extra)
        .filter(|y| y.min_years.is_some())
        .collect();
    if want_years.len() != got.years.len() {
        wrong.push(format!(
            "{} figures of experience, want {}: {:?}",
            got.years.len(),
            want_years.len(),
            got.years.iter().map(|y| &y.phrase).collect::<Vec<_>>()
        ));
    }
    for (k, (want, got)) in want_years.iter().zip(&got.years).enumerate() {
        let want_months = want
            .months
            .unwrap_or_else(|| (want.min_years.unwrap_or_default() * 12.0).round() as u32);
        if got.months != want_months {
            wrong.push(format!(
                "figure {k}: {} months, want {want_months}",
                got.months
            ));
        }
        if got.required != want.required {
            wrong.push(format!(
                "figure {k}: required {}, want {}",
                got.required, want.required
            ));
        }
        if got.approximate != want.approximate {
            wrong.push(format!(
                "figure {k}: approximate {}, want {}",
                got.approximate, want.approximate
            ));
        }
        let want_relation = match want.relation.as_deref() {
            None => Relation::First,
            Some("or") => Relation::Or,
            Some(_) => Relation::And,
        };
        if got.relation != want_relation {
            wrong.push(format!(
                "figure {k}: {:?}, want {want_relation:?}",
                got.relation
            ));
        }
    }
    wrong
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let Some(path) = common::shared_reference("ee-requirements/phrases.yaml") else {
        libtest_mimic::run(&args, Vec::new()).exit();
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cases: Vec<Case> =
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(cases.len(), 40, "the development half has 40 sentences");
    let trials = cases
        .into_iter()
        .map(|case| {
            libtest_mimic::Trial::test(case.id.clone(), move || {
                let got = requirement::read(&case.text);
                let wrong = differences(&case, &got);
                if wrong.is_empty() {
                    Ok(())
                } else {
                    Err(format!(
                        "{:?}\n  {}\n  read: {got:#?}",
                        case.text,
                        wrong.join("\n  ")
                    )
                    .into())
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
