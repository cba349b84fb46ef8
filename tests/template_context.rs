//! Every variable a template receives is documented in the manual
//! (docs/layouts.md), and nothing the manual documents is gone: the
//! context of the example postings, walked key by key, against the list.

mod common;

use std::collections::BTreeSet;

use common::*;
use dossier::build::merge_all;
use dossier::load::Workspace;
use dossier::model::Date;

/// Every key path of a JSON value: `cv.experience[].role`.
fn paths(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                paths(v, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

const FULL_PROFILE: &str = "\
name: X
publications:
  - {id: p, title: T, venue: V, date: 2020, url: https://x.ee}
references:
  - {id: r, name: N, role: R, organization: O, email: e@x.ee, phone: '1'}
sections:
  - {id: s, title: S, items: [a]}
";

const FULL_POSTING: &str = "\
language: en
posting:
  organization: O
  position: P
  contacts: [{name: N, role: R, email: e@x.ee, phone: '1'}]
letter: {date: 2026-11-25, body: B}
";

/// The context of every example posting, plus what the renderer adds.
fn context_paths() -> BTreeSet<String> {
    let ws = Workspace::find(Some(&repo())).expect("the example workspace");
    let postings: Vec<_> = ws
        .candidates()
        .expect("candidates")
        .into_iter()
        .flat_map(|c| c.postings)
        .collect();
    let mut out = BTreeSet::new();
    for m in merge_all(&ws, &postings, Date::ymd(2026, 11, 25), 2) {
        let merged = m.result.expect("the example merges");
        let json = serde_json::to_value(&merged.tailored.context).expect("json");
        paths(&json, "", &mut out);
    }
    // The lists the example leaves empty, from a profile that has them all.
    let root = repo();
    let merged = dossier::build::merge::merge_texts(
        &root,
        (FULL_PROFILE, std::path::Path::new("profiles/x.yaml")),
        (FULL_POSTING, std::path::Path::new("profiles/x/p.yaml")),
        ("x", "p"),
        Date::ymd(2026, 11, 25),
    )
    .expect("the full profile merges");
    paths(
        &serde_json::to_value(&merged.context).expect("json"),
        "",
        &mut out,
    );
    // `labels.<key>`: one entry for all of them.
    out.retain(|p| !p.starts_with("labels."));
    for extra in [
        "meta",
        "meta.title",
        "meta.author",
        "meta.subject",
        "meta.keywords",
        "emphasize",
        "layout_dir",
        "layout_lib",
        "layout_style",
        "europass_xml",
        "user_style",
    ] {
        out.insert(extra.to_string());
    }
    out
}

/// The paths the manual's "Template context" list (docs/layouts.md) documents.
fn documented() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(repo().join("docs/layouts.md")).expect("docs/layouts.md");
    let start = readme
        .find("<!-- template-context -->")
        .expect("docs/layouts.md marks its template context list");
    let end = readme[start..]
        .find("<!-- /template-context -->")
        .map(|e| start + e)
        .expect("the list ends");
    let list = &readme[start..end];
    let mut out = BTreeSet::new();
    for line in list.lines() {
        // `- `path`: …` lines; a path may hold `[]`.
        if let Some(rest) = line.trim_start().strip_prefix("- `")
            && let Some((path, _)) = rest.split_once('`')
        {
            out.insert(path.to_string());
        }
    }
    out
}

#[test]
fn every_template_variable_is_documented_and_every_documented_one_exists() {
    let have = context_paths();
    let documented = documented();
    let undocumented: Vec<&String> = have.difference(&documented).collect();
    let gone: Vec<&String> = documented.difference(&have).collect();
    assert!(
        undocumented.is_empty() && gone.is_empty(),
        "docs/layouts.md template context out of date.\nundocumented: {undocumented:#?}\ndocumented but not in the context: {gone:#?}"
    );
}

/// A letter body reaches every part of the context it names (the body is
/// given only the parts its text names, so each part is named here once),
/// and a body without template syntax is taken as it is.
#[test]
fn a_letter_body_reaches_every_part_of_the_context() {
    let profile =
        "name: Mari Maasikas\nexperience:\n  - {id: a, role: R, organization: O, start: 2020-01}\n";
    let posting = "\
language: et
style: {accent: '#112233'}
posting: {organization: Org, position: Analüütik}
requirements:
  - {text: Eesti keel C1, evidence: []}
letter:
  date: 2026-11-25
  body: |
    {{ lang }} {{ style.accent }} {{ candidate.name }} {{ posting.position }}
    {{ cv.experience | length }} {{ letter.date }} {{ requirements[0].text }}
    {{ labels.summary }}

    {% for r in requirements %}[{{ r.text }}]{% endfor %} 100% {# a comment #}
";
    let merged = dossier::build::merge::merge_texts(
        &repo(),
        (profile, std::path::Path::new("profiles/x.yaml")),
        (posting, std::path::Path::new("profiles/x/p.yaml")),
        ("x", "p"),
        Date::ymd(2026, 11, 25),
    )
    .expect("the posting merges");
    assert_eq!(
        merged.context.letter.paragraphs,
        vec![
            "et #112233 Mari Maasikas Analüütik 1 25. november 2026 Eesti keel C1 Kokkuvõte",
            "[Eesti keel C1] 100%",
        ]
    );

    let literal = "language: en\nposting: {organization: O, position: P}\nletter: {date: 2026-11-25, body: 'Dear team, 50% {lang} } {'}\n";
    let merged = dossier::build::merge::merge_texts(
        &repo(),
        (profile, std::path::Path::new("profiles/x.yaml")),
        (literal, std::path::Path::new("profiles/x/p.yaml")),
        ("x", "p"),
        Date::ymd(2026, 11, 25),
    )
    .expect("a literal body merges");
    assert_eq!(
        merged.context.letter.paragraphs,
        vec!["Dear team, 50% {lang} } {"]
    );
}
