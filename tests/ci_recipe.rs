//! The CI recipe `.github/workflows/documents.yml` (which the manual offers
//! to workspace repositories) runs: its `dossier` steps are run here as
//! written, with the binary under test, in a copy of the example workspace,
//! and the paths its upload step names must then match what was built. The
//! the manual's copy of the recipe (docs/ci.md) must be the same workflow. So the recipe
//! cannot rot.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::Value;

const WORKFLOW: &str = ".github/workflows/documents.yml";

fn workflow() -> Value {
    let text = std::fs::read_to_string(repo().join(WORKFLOW)).expect("read the workflow");
    serde_saphyr::from_str(&text).expect("the workflow is YAML")
}

/// Every step of every job, in order.
fn steps(wf: &Value) -> Vec<&Value> {
    wf["jobs"]
        .as_object()
        .expect("jobs")
        .values()
        .flat_map(|job| job["steps"].as_array().expect("steps"))
        .collect()
}

/// The lines of a step's `run:`, one command each.
fn commands(step: &Value) -> Vec<&str> {
    step["run"]
        .as_str()
        .map(|r| r.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
        .unwrap_or_default()
}

/// The step that `uses` an action (`actions/cache@v4` → `actions/cache`).
fn uses<'a>(wf: &'a Value, action: &str) -> &'a Value {
    steps(wf)
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.split('@').next() == Some(action))
        })
        .unwrap_or_else(|| panic!("no step uses {action}"))
}

/// Files below `root` matching `pattern` as actions/upload-artifact reads it:
/// `**` any number of folders, `*` any part of a name; hidden files and
/// folders (`output/.builtin/`) are left out, as the action does by default.
fn glob(root: &Path, pattern: &str) -> Vec<PathBuf> {
    let pat: Vec<&str> = pattern.split('/').collect();
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(root).expect("below root");
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            if matches(&pat, &parts) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn matches(pat: &[&str], path: &[&str]) -> bool {
    match (pat.first(), path.first()) {
        (None, None) => true,
        (Some(&"**"), _) => {
            matches(&pat[1..], path) || (!path.is_empty() && matches(pat, &path[1..]))
        }
        (Some(p), Some(s)) => name_matches(p, s) && matches(&pat[1..], &path[1..]),
        _ => false,
    }
}

/// A file name against a pattern whose only wildcard is `*`.
fn name_matches(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == name;
    };
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    for m in middle {
        match rest.find(m) {
            Some(i) => rest = &rest[i + m.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[test]
fn the_glob_reads_patterns_as_upload_artifact_does() {
    assert!(matches(
        &["output", "**", "*.pdf"],
        &["output", "a", "b", "x.pdf"]
    ));
    assert!(matches(&["output", "**", "*.pdf"], &["output", "x.pdf"]));
    assert!(!matches(&["output", "**", "*.pdf"], &["output", "x.typ"]));
    assert!(!matches(&["output", "**", "*.pdf"], &["other", "x.pdf"]));
    assert!(matches(
        &["output", "manifest.json"],
        &["output", "manifest.json"]
    ));
    assert!(!matches(
        &["output", "manifest.json"],
        &["output", "a", "manifest.json"]
    ));
    assert!(name_matches("*_CV_*.pdf", "Mari_CV_SKA.pdf"));
    assert!(!name_matches("*.pdf", "pdf"));
}

#[test]
fn the_dossier_steps_of_the_workflow_build_the_example_and_the_upload_finds_it() {
    let wf = workflow();
    let run: Vec<&str> = steps(&wf)
        .into_iter()
        .flat_map(commands)
        .filter(|c| c.split_whitespace().next() == Some("dossier"))
        .collect();
    assert_eq!(
        run,
        ["dossier check --strict", "dossier build"],
        "the workflow checks strictly, then builds"
    );

    let epoch = dated(&wf)
        .strip_prefix("echo \"SOURCE_DATE_EPOCH=")
        .and_then(|r| r.strip_suffix("\" >> \"$GITHUB_ENV\""))
        .expect("the workflow dates the example by a fixed SOURCE_DATE_EPOCH")
        .to_string();
    let ws = example_workspace();
    // Every problem, so that one run says all that is wrong.
    let mut problems = Vec::new();
    for command in &run {
        // One simple command per line: words, no quoting, no shell.
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let out = Command::new(BIN)
            .args(&args)
            .current_dir(ws.path())
            // The day the workflow gives: before the example's deadlines.
            .env("SOURCE_DATE_EPOCH", &epoch)
            .output()
            .expect("run dossier");
        if !out.status.success() {
            // Of the report, each posting's heading and what is missing.
            let report: String = stdout(&out)
                .lines()
                .filter(|l| !l.starts_with(' ') || l.contains('✗'))
                .map(|l| format!("{l}\n"))
                .collect();
            problems.push(format!(
                "`{command}` exited with {:?} (the CI job would fail here):\n{report}{}",
                out.status.code(),
                stderr(&out)
            ));
        }
    }

    let upload = uses(&wf, "actions/upload-artifact");
    assert_eq!(upload["with"]["if-no-files-found"], "error");
    let patterns: Vec<&str> = upload["with"]["path"]
        .as_str()
        .expect("with.path")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        patterns,
        [
            "output/**/*.pdf",
            "output/**/README.md",
            "output/manifest.json",
            "sent/**"
        ]
    );
    let uploaded: Vec<PathBuf> = patterns.iter().flat_map(|p| glob(ws.path(), p)).collect();
    for p in &patterns {
        let found = glob(ws.path(), p);
        if found.is_empty() {
            problems.push(format!("the upload pattern {p} matches no file"));
        }
    }
    // Every PDF the manifest lists is uploaded, and no PDF is left behind.
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(ws.path().join("output/manifest.json")).unwrap_or_default(),
    )
    .unwrap_or(Value::Null);
    let mut built: Vec<PathBuf> = manifest["documents"]
        .as_array()
        .map(|docs| {
            docs.iter()
                .filter_map(|d| d["pdf"].as_str())
                .map(PathBuf::from)
                .collect()
        })
        .unwrap_or_default();
    built.sort();
    // The sent records (the example's submitted posting is recorded on its
    // first build) are uploaded beside the output.
    let (sent, mut pdfs): (Vec<PathBuf>, Vec<PathBuf>) = uploaded
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .cloned()
        .partition(|p| p.starts_with("sent"));
    pdfs.sort();
    if built.len() != 8 || pdfs != built {
        problems.push(format!(
            "uploaded PDFs {pdfs:?}\nare not the 8 the manifest lists {built:?}"
        ));
    }
    if sent.len() != 2 || !uploaded.iter().any(|p| p.ends_with("record.json")) {
        problems.push(format!("the sent record is not uploaded: {uploaded:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_workflow_installs_the_pinned_typst_once_and_caches_it() {
    let wf = workflow();
    let setup = std::fs::read_to_string(repo().join("scripts/setup.sh")).expect("setup.sh");
    let pinned = setup
        .lines()
        .find_map(|l| l.strip_prefix("TYPST_VERSION="))
        .expect("setup.sh pins TYPST_VERSION");
    assert_eq!(wf["env"]["TYPST_VERSION"], pinned);

    let cache = uses(&wf, "actions/cache");
    assert_eq!(cache["with"]["path"], "~/.cargo/bin/typst");
    let key = cache["with"]["key"].as_str().expect("key");
    assert!(key.contains("${{ env.TYPST_VERSION }}"), "{key}");
    let id = cache["id"].as_str().expect("the cache step has an id");

    let install = steps(&wf)
        .into_iter()
        .find(|s| commands(s).iter().any(|c| c.contains("typst-cli")))
        .expect("a step installs typst-cli");
    assert_eq!(
        commands(install),
        ["cargo install --locked typst-cli --version ${{ env.TYPST_VERSION }}"]
    );
    assert_eq!(
        install["if"],
        format!("steps.{id}.outputs.cache-hit != 'true'")
    );
    // dossier is installed before it is used.
    let names: Vec<String> = steps(&wf)
        .iter()
        .flat_map(|s| commands(s))
        .map(String::from)
        .collect();
    let at = |prefix: &str| names.iter().position(|c| c.starts_with(prefix));
    assert!(
        at("cargo install --locked --path .") < at("dossier check"),
        "{names:?}"
    );
}

/// The command of the step that sets the build's date, which comes before
/// the first dossier command.
fn dated(wf: &Value) -> String {
    let all: Vec<&str> = steps(wf).into_iter().flat_map(commands).collect();
    let at = all
        .iter()
        .position(|c| c.contains("SOURCE_DATE_EPOCH="))
        .expect("a step sets SOURCE_DATE_EPOCH");
    let first_dossier = all
        .iter()
        .position(|c| c.starts_with("dossier "))
        .expect("a dossier step");
    assert!(
        at < first_dossier,
        "the date is set after dossier runs: {all:?}"
    );
    all[at].to_string()
}

/// The manual's recipe (docs/ci.md) is this workflow, with dossier installed from its
/// git repository instead of from the checkout, and dated by the last
/// commit instead of the example's fixed day.
#[test]
fn the_readme_recipe_is_the_workflow() {
    let readme = std::fs::read_to_string(repo().join("docs/ci.md")).expect("docs/ci.md");
    let marker = format!("# {WORKFLOW}");
    let start = readme
        .find(&format!("```yaml\n{marker}\n"))
        .unwrap_or_else(|| panic!("docs/ci.md has no ```yaml block starting with {marker}"));
    let block = &readme[start + "```yaml\n".len()..];
    let block = &block[..block.find("\n```").expect("end of the block")];
    let recipe: Value = serde_saphyr::from_str(block).expect("the docs/ci.md recipe is YAML");

    let mut ours = workflow();
    let mut theirs = recipe.clone();
    let install_of = |wf: &mut Value| -> String {
        let steps = wf["jobs"]["documents"]["steps"]
            .as_array_mut()
            .expect("steps");
        let i = steps
            .iter()
            .position(|s| s["name"] == "Install dossier")
            .expect("an Install dossier step");
        let step = steps.remove(i);
        step["run"].as_str().unwrap_or_default().trim().to_string()
    };
    assert_eq!(install_of(&mut ours), "cargo install --locked --path .");
    let theirs_install = install_of(&mut theirs);
    assert!(
        theirs_install.starts_with("cargo install --locked --git https://")
            && theirs_install.ends_with(" dossier"),
        "{theirs_install}"
    );
    assert_eq!(
        dated(&theirs),
        "echo \"SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)\" >> \"$GITHUB_ENV\""
    );
    let date_of = |wf: &mut Value| {
        let steps = wf["jobs"]["documents"]["steps"]
            .as_array_mut()
            .expect("steps");
        let i = steps
            .iter()
            .position(|s| s["name"] == "Date the documents")
            .expect("a Date the documents step");
        steps.remove(i);
    };
    date_of(&mut ours);
    date_of(&mut theirs);
    assert_eq!(
        theirs, ours,
        "the docs/ci.md recipe differs from {WORKFLOW}"
    );
}
