//! The posting reader on real postings: each posting of the development
//! half in `../shared/reference/postings/` (`postings/NAME.{md,txt,html}`
//! with `expected/NAME.yaml`) is its own named test (`cargo test --test
//! posting_reference 02-`), judged by the rules of
//! `shared/tools/score-postings.py`:
//!
//! - position and organization: one contains the other (case and
//!   punctuation ignored, the first 40 characters of the expected value);
//! - the deadline exactly;
//! - every expected requirement and nice-to-have line found by its first 30
//!   normalised characters among the requirement texts read.
//!
//! A summary line like the scorer's follows the trials. The data stays
//! outside the project; where it is absent the tests skip (with `CI=true`
//! they fail instead). `POSTING_REFERENCE_DIR=DIR` reads another folder of
//! the same layout instead.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use dossier::model::Date;
use dossier::posting::{self, source::Input};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    organization: Option<String>,
    position: Option<String>,
    deadline: Option<String>,
    #[serde(default)]
    requirements: Vec<String>,
    #[serde(default)]
    nice_to_have: Vec<String>,
    #[serde(flatten)]
    _rest: BTreeMap<String, serde_json::Value>,
}

/// The scorer's `norm`: lower case, every run of non-word characters one
/// space, trimmed.
fn norm(s: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in s.to_lowercase().chars() {
        if c.is_alphanumeric() || c == '_' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// The scorer's `near`: `a`'s first 40 characters inside `b`, or `b` (over
/// three characters) inside `a`.
fn near(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    let head: String = a.chars().take(40).collect();
    !a.is_empty()
        && !b.is_empty()
        && (b.contains(&head) || (b.chars().count() > 3 && a.contains(&b)))
}

#[derive(Default)]
struct Tally {
    n: usize,
    pos: usize,
    org: usize,
    dl: usize,
    dl_want: usize,
    rq: usize,
    rq_want: usize,
}

/// The day the postings are read on: before every deadline of the corpus,
/// so that a date written without a year falls in the posting's year.
fn today() -> Date {
    Date::ymd(2025, 5, 1)
}

fn judge(posting: &Path, want: &Expected, tally: &Mutex<Tally>) -> Result<(), String> {
    let (_, got) = posting::read(&Input::File(posting.to_path_buf()), today())
        .map_err(|e| format!("{e:#}"))?;
    let mut wrong = Vec::new();
    let position = got.position.as_ref().map_or("", |f| f.value.as_str());
    let organization = got.organization.as_ref().map_or("", |f| f.value.as_str());
    let want_pos = want.position.as_deref().unwrap_or("");
    let ok_pos = near(want_pos, position) || near(position, want_pos);
    let ok_org = match want.organization.as_deref() {
        None => true,
        Some(o) => near(o, organization) || near(organization, o),
    };
    if !ok_pos {
        wrong.push(format!("position {position:?}, want {want_pos:?}"));
    }
    if !ok_org {
        wrong.push(format!(
            "organization {organization:?}, want {:?}",
            want.organization
        ));
    }
    let deadline = got.deadline.as_ref().map(|f| f.value.to_string());
    let ok_dl = want.deadline.is_none() || deadline == want.deadline;
    if !ok_dl {
        wrong.push(format!("deadline {deadline:?}, want {:?}", want.deadline));
    }
    let texts = got
        .requirements
        .iter()
        .map(|r| norm(&r.value.text))
        .collect::<Vec<_>>()
        .join(" | ");
    let mut hits = 0;
    let wants: Vec<&String> = want.requirements.iter().chain(&want.nice_to_have).collect();
    for w in &wants {
        let head: String = norm(w).chars().take(30).collect();
        if texts.contains(&head) {
            hits += 1;
        } else {
            wrong.push(format!("requirement line missing: {w}"));
        }
    }
    {
        let mut t = tally.lock().unwrap_or_else(|e| e.into_inner());
        t.n += 1;
        t.pos += usize::from(ok_pos);
        t.org += usize::from(ok_org);
        if want.deadline.is_some() {
            t.dl_want += 1;
            t.dl += usize::from(ok_dl);
        }
        t.rq_want += wants.len();
        t.rq += hits;
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        let read: Vec<&str> = got
            .requirements
            .iter()
            .map(|r| r.value.text.as_str())
            .collect();
        Err(format!(
            "{}\n  read requirements: {read:#?}",
            wrong.join("\n  ")
        ))
    }
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    // POSTING_REFERENCE_DIR: another folder of the same layout (a held-out
    // set, or variants of these postings in other formats).
    let root = match std::env::var_os("POSTING_REFERENCE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => std::path::PathBuf::from(dir),
        None => match common::shared_reference("postings") {
            Some(root) => root,
            None => libtest_mimic::run(&args, Vec::new()).exit(),
        },
    };
    let mut names: Vec<_> = std::fs::read_dir(root.join("postings"))
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let tally = Arc::new(Mutex::new(Tally::default()));
    let trials: Vec<_> = names
        .into_iter()
        .map(|posting| {
            let stem = posting
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            let expected = root.join("expected").join(format!("{stem}.yaml"));
            let tally = Arc::clone(&tally);
            libtest_mimic::Trial::test(stem, move || {
                let text = std::fs::read_to_string(&expected)
                    .map_err(|e| format!("{}: {e}", expected.display()))?;
                // The labels' dates are YAML dates; read them as text.
                let want: Expected = serde_saphyr::from_str(&text)
                    .map_err(|e| format!("{}: {e}", expected.display()))?;
                judge(&posting, &want, &tally).map_err(Into::into)
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    let t = tally.lock().unwrap_or_else(|e| e.into_inner());
    if t.n > 0 {
        println!(
            "read {} postings; position {}/{}; organization {}/{}; deadline {}/{}; requirement lines {}/{}",
            t.n, t.pos, t.n, t.org, t.n, t.dl, t.dl_want, t.rq, t.rq_want
        );
    }
    conclusion.exit();
}
