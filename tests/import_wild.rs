//! `dossier import json-resume` on the JSON Resume files people really keep
//! (`../shared/reference/json-resume-wild/` beside the checkout, see its
//! `SOURCES.md`; never copied into the project): every file
//! with a name imports into a profile that passes `dossier check` and builds, and every
//! employer, school and language of the JSON is in it.

mod common;

use std::path::{Path, PathBuf};

use common::{dossier, pages, pdf_text, squash, stderr};
use dossier::model::markup;
use serde_json::Value;

/// The corpus, read where it is kept: `None` (the test skips, saying so)
/// when it is absent outside CI.
fn wild_files() -> Option<Vec<PathBuf>> {
    let dir = common::shared_reference("json-resume-wild")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .json files in the corpus");
    Some(files)
}

fn has_name(doc: &Value) -> bool {
    doc.pointer("/basics/name")
        .and_then(Value::as_str)
        .is_some_and(|n| !n.trim().is_empty())
}

/// A workspace with an empty `profiles/`, and the file imported into it.
fn import(file: &Path) -> (tempfile::TempDir, std::process::Output) {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(tmp.path().join("profiles")).expect("mkdir");
    let out = dossier(
        tmp.path(),
        &["import", "json-resume", file.to_str().expect("utf-8 path")],
    );
    (tmp, out)
}

/// The one profile written into `ws`, read back as JSON values.
fn written_profile(ws: &Path) -> Value {
    let yaml = std::fs::read_dir(ws.join("profiles"))
        .expect("profiles/")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "yaml"))
        .expect("a profile was written");
    serde_saphyr::from_str(&std::fs::read_to_string(yaml).expect("read")).expect("YAML")
}

/// The text a JSON value shows: HTML tags of the kinds people use removed,
/// a few entities decoded, white space squashed; every language of a text
/// given in several.
fn shown(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => {
            let mut out = String::new();
            let mut rest = s.as_str();
            while let Some(lt) = rest.find('<') {
                out.push_str(&rest[..lt]);
                let tag = &rest[lt + 1..];
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                let known = ["b", "strong", "i", "em", "a", "br", "p", "span", "ul", "li"];
                match tag.find('>') {
                    Some(gt) if known.contains(&name.to_ascii_lowercase().as_str()) => {
                        rest = &tag[gt + 1..];
                    }
                    _ => {
                        out.push('<');
                        rest = tag;
                    }
                }
            }
            out.push_str(rest);
            let out = out
                .replace("&amp;", "&")
                .replace("&nbsp;", " ")
                .replace('\u{a0}', " ");
            vec![squash(&out)]
        }
        Value::Number(n) => vec![n.to_string()],
        Value::Object(o) => o.values().flat_map(shown).collect(),
        _ => Vec::new(),
    }
}

/// The plain text of profile values (inline markup removed).
fn plain(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    squash(&markup::plain(&text)).replace('\u{a0}', " ")
}

/// Entries of a JSON Resume section, at the top level or (older files)
/// inside `basics`.
fn section<'a>(doc: &'a Value, names: &[&str]) -> Vec<&'a Value> {
    names
        .iter()
        .flat_map(|n| {
            [doc.get(*n), doc.pointer(&format!("/basics/{n}"))]
                .into_iter()
                .flatten()
        })
        .filter_map(Value::as_array)
        .flatten()
        .collect()
}

/// (kind, name as the JSON shows it) of every employer, school and language.
fn expected_names(doc: &Value) -> Vec<(&'static str, Vec<String>)> {
    let mut out = Vec::new();
    let mut add = |kind: &'static str, entries: Vec<&Value>, keys: &[&str]| {
        for e in entries {
            if let Some(v) = keys.iter().find_map(|k| e.get(*k)) {
                let names: Vec<String> = shown(v).into_iter().filter(|s| !s.is_empty()).collect();
                if !names.is_empty() {
                    out.push((kind, names));
                }
            }
        }
    };
    add(
        "employer",
        section(doc, &["work", "volunteer", "volunteers"]),
        &["name", "company", "organization"],
    );
    add("school", section(doc, &["education"]), &["institution"]);
    add(
        "language",
        section(doc, &["languages"]),
        &["language", "name"],
    );
    out
}

/// Where a kind of name must be found in the profile.
fn haystack(profile: &Value, kind: &str) -> String {
    let list = |key: &str, field: &str| -> Vec<String> {
        profile[key]
            .as_array()
            .map(|a| a.iter().map(|e| plain(&e[field])).collect())
            .unwrap_or_default()
    };
    let mut texts = match kind {
        "employer" => {
            let mut t = list("experience", "organization");
            t.extend(list("volunteering", "organization"));
            t
        }
        "school" => list("education", "institution"),
        _ => list("languages", "name"),
    };
    texts.retain(|t| !t.is_empty());
    texts.join("\n")
}

/// Items of the free sections that hold jobs without any date.
fn undated(profile: &Value) -> Vec<String> {
    profile["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| {
            s["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("undated-"))
        })
        .flat_map(|s| s["items"].as_array().into_iter().flatten().map(plain))
        .collect()
}

#[test]
fn every_wild_file_with_a_name_imports_passes_check_and_builds() {
    let Some(files) = wild_files() else {
        return;
    };
    let (mut with_name, mut checked, mut without_name) = (0, 0, 0);
    let mut kept = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    let mut failures = Vec::new();
    for file in &files {
        let label = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("JSON");
        let (tmp, out) = import(file);
        let ws = tmp.path();
        if !has_name(&doc) {
            without_name += 1;
            assert_eq!(out.status.code(), Some(2), "{label}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("basics.name is missing"),
                "{label}: {}",
                stderr(&out)
            );
            let written = std::fs::read_dir(ws.join("profiles")).expect("dir").count();
            assert_eq!(written, 0, "{label}: nothing may be written");
            continue;
        }
        with_name += 1;
        if !out.status.success() {
            failures.push(format!("{label}: import failed: {}", stderr(&out)));
            continue;
        }
        let check = dossier(ws, &["check"]);
        if check.status.code() != Some(0) {
            failures.push(format!("{label}: check failed: {}", stderr(&check)));
            continue;
        }
        // And typst builds it, PDF/UA and PDF/A enforced as by default.
        let build = dossier(ws, &["build", "-q"]);
        if !build.status.success() {
            failures.push(format!("{label}: build failed: {}", stderr(&build)));
            continue;
        }
        checked += 1;
        let profile = written_profile(ws);
        for (kind, names) in expected_names(&doc) {
            let hay = haystack(&profile, kind);
            let entry = kept.entry(kind).or_default();
            entry.1 += 1;
            // The name itself, or (for a job without dates) inside an item.
            let found = names.iter().any(|n| {
                hay.lines().any(|l| l == n)
                    || (kind == "employer"
                        && undated(&profile).iter().any(|i| i.contains(n.as_str())))
            });
            if found {
                entry.0 += 1;
            } else {
                failures.push(format!("{label}: {kind} {names:?} is not in the profile"));
            }
        }
    }
    let summary: Vec<String> = kept
        .iter()
        .map(|(k, (found, all))| format!("{found} of {all} {k}s"))
        .collect();
    eprintln!(
        "{checked} of {with_name} files with a name import and pass check; {}; \
         {without_name} without a name refused",
        summary.join(", ")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checked, with_name);
    assert!(
        with_name >= 55 && without_name >= 4,
        "the corpus has 59 files"
    );
}

#[test]
fn names_in_other_scripts_give_an_ascii_candidate_id() {
    for (name, id) in [("李 雷", "li-lei"), ("Иван Петров", "ivan-petrov")] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let file = tmp.path().join("resume.json");
        let json = serde_json::json!({
            "basics": {"name": name, "label": "Разработчик"},
            "work": [{"name": "Яндекс", "position": "Инженер", "startDate": "2019-01"},
                     {"name": "阿里巴巴", "position": "工程师", "startDate": "2017"}]
        });
        std::fs::write(&file, json.to_string()).expect("write");
        let ws = tmp.path().join("ws");
        std::fs::create_dir_all(ws.join("profiles")).expect("mkdir");
        let out = dossier(
            &ws,
            &["import", "json-resume", file.to_str().expect("utf-8")],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            ws.join(format!("profiles/{id}.yaml")).is_file(),
            "{name} → {id}: {}",
            stderr(&out)
        );
        let profile = written_profile(&ws);
        assert_eq!(profile["name"], name);
        let ids: Vec<&str> = profile["experience"]
            .as_array()
            .expect("experience")
            .iter()
            .map(|e| e["id"].as_str().expect("id"))
            .collect();
        assert_eq!(ids, ["iandeks", "a-li-ba-ba"]);
        assert!(
            ids.iter()
                .all(|i| !i.is_empty() && i.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        );
        let check = dossier(&ws, &["check"]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    }
}

/// Build the PDFs of a few representative files (old keys, HTML, free-text
/// dates, several languages, Chinese) and read the employers back.
#[test]
fn representative_wild_files_build_and_show_their_employers() {
    let Some(files) = wild_files() else {
        return;
    };
    for prefix in ["01-", "08-", "27-", "31-", "41-", "48-"] {
        let file = files
            .iter()
            .find(|f| {
                f.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .expect("corpus file");
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("read")).expect("JSON");
        let (tmp, out) = import(file);
        assert!(out.status.success(), "{prefix}: {}", stderr(&out));
        let ws = tmp.path();
        let built = dossier(ws, &["build"]);
        assert!(built.status.success(), "{prefix}: {}", stderr(&built));
        let cv = std::fs::read_dir(ws.join("output"))
            .expect("output/")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_dir() && !p.ends_with(".builtin"))
            .flat_map(|d| walk(&d))
            .find(|p| p.to_string_lossy().ends_with("_CV_EXAMPLE.pdf"))
            .expect("a CV");
        assert!(pages(&cv) >= 1);
        let text = squash(&pdf_text(&cv));
        for (kind, names) in expected_names(&doc) {
            if kind != "employer" {
                continue;
            }
            assert!(
                names.iter().any(|n| text.contains(n.as_str())),
                "{prefix}: {names:?} is not in the CV:\n{text}"
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
