//! End-to-end: incremental builds, reproducibility, the manifest, keep-going,
//! interrupts and timeouts — over the real `dossier` binary and the real typst
//! (plus fake typst scripts that hang, fail or report another version).
//!
//! Which postings a profile edit should rebuild is read from the example's own
//! YAML files, so editing the example does not break these tests.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use common::*;

// ---------------------------------------------------------------------------
// Helpers.

/// Every file under `dir` (recursively), relative to `dir`, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Temp files (`.name.<pid>.part.ext`) anywhere under `output/`.
fn part_files(ws: &Path) -> Vec<PathBuf> {
    files_under(&ws.join("output"))
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with('.') && name.contains(".part.")
        })
        .collect()
}

/// The finished PDFs under `output/` (temp files excluded): path relative to
/// the workspace → (modification time, bytes).
fn pdfs(ws: &Path) -> BTreeMap<String, (SystemTime, Vec<u8>)> {
    files_under(&ws.join("output"))
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".pdf") && !name.starts_with('.')
        })
        .map(|p| {
            let abs = ws.join("output").join(&p);
            let mtime = std::fs::metadata(&abs)
                .and_then(|m| m.modified())
                .expect("mtime");
            let rel = Path::new("output").join(&p).to_string_lossy().into_owned();
            (rel, (mtime, std::fs::read(&abs).expect("read pdf")))
        })
        .collect()
}

/// Run dossier with `--message-format json`; every stdout line must be JSON.
fn run_json(ws: &Path, args: &[&str]) -> (Output, Vec<Value>) {
    let mut all = vec!["--message-format", "json"];
    all.extend_from_slice(args);
    let out = dossier(ws, &all);
    let events = parse_json_lines(&stdout(&out));
    (out, events)
}

fn parse_json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l:?}")))
        .collect()
}

/// `(posting, kind)` → document event.
fn documents(events: &[Value]) -> BTreeMap<(String, String), Value> {
    events
        .iter()
        .filter(|e| e["event"] == "document")
        .map(|e| {
            let posting = e["posting"].as_str().expect("posting").to_string();
            let kind = e["kind"].as_str().expect("kind").to_string();
            ((posting, kind), e.clone())
        })
        .collect()
}

fn summary(events: &[Value]) -> &Value {
    let last = events.last().expect("at least the summary event");
    assert_eq!(last["event"], "summary", "the last event is the summary");
    last
}

fn status(doc: &Value) -> &str {
    doc["status"].as_str().expect("status")
}

fn manifest(ws: &Path) -> Value {
    let text = std::fs::read_to_string(ws.join("output/manifest.json")).expect("manifest");
    serde_json::from_str(&text).expect("manifest is JSON")
}

fn manifest_doc(m: &Value, posting: &str, kind: &str) -> Value {
    m["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["posting"] == posting && d["kind"] == kind)
        .unwrap_or_else(|| panic!("no manifest entry for {posting} {kind}"))
        .clone()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code (not killed by a signal)")
}

fn assert_ok(o: &Output) {
    assert_eq!(
        code(o),
        0,
        "dossier failed\nstdout:\n{}\nstderr:\n{}",
        stdout(o),
        stderr(o)
    );
}

/// The example's candidate (the only `profiles/*.yaml`).
fn candidate(ws: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(ws.join("profiles"))
        .expect("profiles/")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".yaml").map(str::to_string)
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 1, "the example has one candidate: {names:?}");
    names.remove(0)
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read yaml");
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The example's postings: `candidate/posting-id` → parsed tailoring file.
fn postings(ws: &Path) -> BTreeMap<String, Value> {
    let cand = candidate(ws);
    let dir = ws.join("profiles").join(&cand);
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(&dir).expect("tailoring dir").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(id) = name.strip_suffix(".yaml") {
            out.insert(format!("{cand}/{id}"), yaml(&e.path()));
        }
    }
    assert!(out.len() >= 3, "the example has several postings");
    out
}

fn tailoring_path(ws: &Path, posting: &str) -> PathBuf {
    ws.join("profiles").join(format!("{posting}.yaml"))
}

fn build_ok(ws: &Path) {
    let o = dossier(ws, &["build"]);
    assert_ok(&o);
}

// ---------------------------------------------------------------------------
// 1. An up-to-date rebuild is a no-op.

#[test]
fn second_build_is_a_no_op() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    assert_eq!(
        before.len(),
        2 * postings(ws).len(),
        "a CV and a letter each"
    );

    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    let docs = documents(&events);
    assert_eq!(docs.len(), before.len());
    for (key, d) in &docs {
        assert_eq!(status(d), "up-to-date", "{key:?}: {d}");
    }
    let s = summary(&events);
    assert_eq!(s["built"], 0);
    assert_eq!(s["up_to_date"], before.len());
    assert_eq!(s["failed"], 0);

    let after = pdfs(ws);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, (mtime, bytes)) in &before {
        assert_eq!(*mtime, after[path].0, "{path} was rewritten");
        assert!(*bytes == after[path].1, "{path} changed");
    }
}

// ---------------------------------------------------------------------------
// 2. A profile edit rebuilds exactly the documents whose source changed.

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `profile` with the `role` of experience item `job` replaced; a map by
/// language gets `et`/`en`, a plain string gets `en` (then shown in both).
/// Returns the new text and whether the role was a plain string.
fn set_role(profile: &str, job: &str, et: &str, en: &str) -> (String, bool) {
    let lines: Vec<&str> = profile.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == format!("- id: {job}"))
        .unwrap_or_else(|| panic!("no `- id: {job}` in the profile"));
    let field = indent_of(lines[start]) + 2;
    let pad = " ".repeat(field);
    let mut out: Vec<String> = lines[..=start].iter().map(|l| l.to_string()).collect();
    let mut plain = None;
    let mut i = start + 1;
    while i < lines.len() {
        let l = lines[i];
        if plain.is_none() && indent_of(l) == field && l.trim_start().starts_with("role:") {
            let rest = l.trim_start()["role:".len()..].trim();
            if rest.is_empty() {
                out.push(format!("{pad}role:"));
                out.push(format!("{pad}  et: {et}"));
                out.push(format!("{pad}  en: {en}"));
                i += 1;
                while i < lines.len() && !lines[i].trim().is_empty() && indent_of(lines[i]) > field
                {
                    i += 1;
                }
                plain = Some(false);
                continue;
            } else if rest.starts_with('{') {
                out.push(format!("{pad}role: {{et: {et}, en: {en}}}"));
                plain = Some(false);
            } else {
                out.push(format!("{pad}role: {en}"));
                plain = Some(true);
            }
        } else {
            out.push(l.to_string());
        }
        i += 1;
    }
    let plain = plain.unwrap_or_else(|| panic!("experience item {job} has no role"));
    (out.join("\n") + "\n", plain)
}

#[test]
fn profile_edit_rebuilds_only_the_cvs_that_show_it() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let cand = candidate(ws);
    let profile_path = ws.join("profiles").join(format!("{cand}.yaml"));
    let profile = yaml(&profile_path);
    let postings = postings(ws);

    // Which postings show which job: `cv.experience`, or all when omitted.
    let jobs: Vec<String> = profile["experience"]
        .as_array()
        .expect("experience")
        .iter()
        .map(|j| j["id"].as_str().expect("id").to_string())
        .collect();
    let shows = |posting: &Value, job: &str| match posting["cv"]["experience"].as_array() {
        Some(list) => list.iter().any(|x| x == job),
        None => true,
    };
    let users = |job: &str| -> BTreeSet<String> {
        postings
            .iter()
            .filter(|(_, p)| shows(p, job))
            .map(|(k, _)| k.clone())
            .collect()
    };
    // The job shown by the fewest postings, but by at least one.
    let job = jobs
        .iter()
        .filter(|j| {
            let n = users(j).len();
            n > 0 && n < postings.len()
        })
        .min_by_key(|j| users(j).len())
        .expect("a job that only some postings select")
        .clone();
    let rebuilt = users(&job);

    build_ok(ws);
    let before = pdfs(ws);
    let m_before = manifest(ws);

    let (et, en) = ("Lohemeister Kvarts", "Kite Master Quartz");
    let (edited, plain) = set_role(
        &std::fs::read_to_string(&profile_path).expect("profile"),
        &job,
        et,
        en,
    );
    write(&profile_path, &edited);

    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    let docs = documents(&events);
    assert_eq!(docs.len(), before.len());
    for ((posting, kind), d) in &docs {
        let pdf = d["pdf"].as_str().expect("pdf");
        let expect_built = kind == "cv" && rebuilt.contains(posting);
        let old = &before[pdf];
        let new_mtime = std::fs::metadata(ws.join(pdf))
            .and_then(|m| m.modified())
            .expect("mtime");
        if expect_built {
            assert_eq!(status(d), "built", "{posting} {kind} shows {job}: {d}");
            assert_ne!(new_mtime, old.0, "{pdf} was not rewritten");
            let lang = postings[posting]["language"].as_str().expect("language");
            let role = if plain || lang == "en" { en } else { et };
            let text = squash(&pdf_text(&ws.join(pdf)));
            assert!(
                text.contains(role),
                "{pdf} lacks the new role {role:?}:\n{text}"
            );
            assert_ne!(
                manifest_doc(&manifest(ws), posting, kind)["fingerprint"],
                manifest_doc(&m_before, posting, kind)["fingerprint"]
            );
        } else {
            assert_eq!(
                status(d),
                "up-to-date",
                "{posting} {kind} does not show {job}: {d}"
            );
            assert_eq!(new_mtime, old.0, "{pdf} was rewritten");
            assert!(
                std::fs::read(ws.join(pdf)).expect("pdf") == old.1,
                "{pdf} changed"
            );
        }
    }
    let s = summary(&events);
    assert_eq!(s["built"], rebuilt.len());
    assert_eq!(s["up_to_date"], before.len() - rebuilt.len());
    assert_eq!(s["failed"], 0);
}

// ---------------------------------------------------------------------------
// 3. --force rebuilds everything, to the same bytes.

#[test]
fn force_rebuilds_everything_to_identical_bytes() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);

    let (out, events) = run_json(ws, &["build", "--force"]);
    assert_ok(&out);
    let docs = documents(&events);
    assert_eq!(docs.len(), before.len());
    for (key, d) in &docs {
        assert_eq!(status(d), "built", "{key:?}: {d}");
    }
    assert_eq!(summary(&events)["built"], before.len());

    let after = pdfs(ws);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, (_, bytes)) in &before {
        assert!(
            *bytes == after[path].1,
            "{path}: --force gave different bytes"
        );
    }
}

// ---------------------------------------------------------------------------
// 4. Byte-identical across directories, with and without SOURCE_DATE_EPOCH.

/// A second copy of the example, deeper and with a space and a non-ASCII
/// letter in its path.
fn second_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("nested").join("töö kaust");
    copy_dir(&repo().join("profiles"), &root.join("profiles"));
    copy_dir(&repo().join("layouts"), &root.join("layouts"));
    unsend(&root);
    (dir, root)
}

fn assert_same_pdfs(a: &Path, b: &Path) -> usize {
    let (pa, pb) = (pdfs(a), pdfs(b));
    assert_eq!(pa.keys().collect::<Vec<_>>(), pb.keys().collect::<Vec<_>>());
    for (path, (_, bytes)) in &pa {
        assert!(
            *bytes == pb[path].1,
            "{path} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
    pa.len()
}

#[test]
fn builds_are_byte_identical_across_directories() {
    let one = example_workspace_unsent();
    let one = one.path();
    let (_keep, two) = second_copy();
    build_ok(one);
    build_ok(&two);
    assert!(assert_same_pdfs(one, &two) > 0);

    const EPOCH: &str = "1700000000"; // 2023-11-14T22:13:20Z
    for ws in [one, two.as_path()] {
        let out = Command::new(BIN)
            .args(["-C", ws.to_str().expect("utf-8"), "build"])
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .output()
            .expect("run dossier");
        assert_ok(&out);
    }
    assert_same_pdfs(one, &two);
    for pdf in pdfs(one).keys() {
        let info = Command::new("pdfinfo")
            .args(["-isodates", &one.join(pdf).to_string_lossy()])
            .env("TZ", "UTC")
            .output()
            .expect("pdfinfo");
        let text = String::from_utf8_lossy(&info.stdout);
        let created = text
            .lines()
            .find_map(|l| l.strip_prefix("CreationDate:"))
            .unwrap_or_else(|| panic!("{pdf} has no CreationDate:\n{text}"))
            .trim();
        assert_eq!(created, "2023-11-14T22:13:20Z", "{pdf}");
    }
}

// ---------------------------------------------------------------------------
// 5. One broken posting never stops the others; --fail-fast stops at once.

const BROKEN_ID: &str = "nosuchjob";

/// Break the first posting that lists `cv.experience` with an unknown id.
/// Returns the posting key.
fn break_experience(ws: &Path) -> String {
    for posting in postings(ws).keys() {
        let path = tailoring_path(ws, posting);
        let text = std::fs::read_to_string(&path).expect("tailoring");
        if let Some(line) = text
            .lines()
            .find(|l| l.trim_start().starts_with("experience: ["))
        {
            let broken = line.replacen("experience: [", &format!("experience: [{BROKEN_ID}, "), 1);
            write(&path, &text.replacen(line, &broken, 1));
            return posting.clone();
        }
    }
    panic!("no posting lists cv.experience");
}

#[test]
fn one_broken_posting_does_not_stop_the_others() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let n_docs = 2 * postings(ws).len();
    let bad = break_experience(ws);
    let bad_file = format!("profiles/{bad}.yaml");

    let out = dossier(ws, &["build"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    let built = n_docs - 2;
    assert!(
        err.contains(&format!("{built} built, 0 up to date, 2 failed")),
        "summary line:\n{err}"
    );
    assert!(err.contains(&bad), "names the posting:\n{err}");
    assert!(err.contains(&bad_file), "names the file:\n{err}");
    assert!(err.contains(BROKEN_ID), "names the bad id:\n{err}");
    let built_pdfs = pdfs(ws);
    assert_eq!(built_pdfs.len(), built, "the other postings were built");
    assert!(
        built_pdfs
            .keys()
            .all(|p| !p.starts_with(&format!("output/{bad}/"))),
        "nothing for the broken posting"
    );

    // JSON: the others are up to date now, the broken one failed with a message.
    let (out, events) = run_json(ws, &["build"]);
    assert_eq!(code(&out), 1);
    let docs = documents(&events);
    assert_eq!(docs.len(), n_docs);
    for ((posting, kind), d) in &docs {
        if *posting == bad {
            assert_eq!(status(d), "failed", "{kind}: {d}");
            let e = d["error"].as_str().unwrap_or("");
            assert!(e.contains(&bad_file) && e.contains(BROKEN_ID), "{e}");
        } else {
            assert_eq!(status(d), "up-to-date", "{posting} {kind}: {d}");
            assert!(d["error"].is_null(), "{d}");
        }
    }
    let s = summary(&events);
    assert_eq!(
        (s["built"].clone(), s["failed"].clone()),
        (0.into(), 2.into())
    );

    // --fail-fast (with --force, so that everything would be compiled
    // otherwise): exit 1, nothing compiled, nothing touched.
    let before = pdfs(ws);
    let (out, events) = run_json(ws, &["build", "--force", "--fail-fast"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        documents(&events).values().all(|d| status(d) != "built"),
        "{events:?}"
    );
    assert_eq!(summary(&events)["built"], 0);
    let after = pdfs(ws);
    for (path, (mtime, _)) in &before {
        assert_eq!(
            *mtime, after[path].0,
            "{path} was rewritten under --fail-fast"
        );
    }

    // --fail-fast in a fresh copy: no PDF at all.
    let fresh = example_workspace_unsent();
    let fresh = fresh.path();
    break_experience(fresh);
    let (out, events) = run_json(fresh, &["build", "--fail-fast"]);
    assert_eq!(code(&out), 1);
    assert!(documents(&events).values().all(|d| status(d) != "built"));
    assert!(pdfs(fresh).is_empty(), "{:?}", pdfs(fresh).keys());
    // Every document is reported: the broken ones with their error, the rest
    // as not built because of --fail-fast.
    let docs = documents(&events);
    assert_eq!(docs.len(), n_docs, "{events:?}");
    assert_eq!(summary(&events)["failed"], n_docs);
    let not_built = docs
        .values()
        .filter(|d| d["error"].as_str().unwrap_or("").contains("--fail-fast"))
        .count();
    assert_eq!(not_built, n_docs - 2, "{events:?}");
}

#[test]
fn stale_manifest_temp_file_is_removed() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let stale = ws.join("output/.manifest.99999.part.json");
    std::fs::create_dir_all(ws.join("output")).expect("mkdir");
    std::fs::write(&stale, "{\"half\":").expect("write");
    build_ok(ws);
    assert!(
        !stale.exists(),
        "a killed run's manifest temp file stays behind"
    );
    assert!(part_files(ws).is_empty(), "{:?}", part_files(ws));
}

// ---------------------------------------------------------------------------
// 6. The manifest: every field, and typst_args replay to the same bytes.

#[test]
fn manifest_is_complete_and_replayable() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let m = manifest(ws);
    assert!(
        m["typst"].as_str().is_some_and(|s| !s.is_empty()),
        "top-level typst: {m}"
    );
    let docs = m["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 2 * postings(ws).len());
    let mut seen = BTreeSet::new();
    for d in docs {
        for field in [
            "posting",
            "kind",
            "language",
            "layout",
            "pdf",
            "source",
            "fingerprint",
            "status",
            "typst_args",
        ] {
            assert!(
                d.get(field).is_some_and(|v| !v.is_null()),
                "missing {field}: {d}"
            );
        }
        assert!(seen.insert((d["posting"].to_string(), d["kind"].to_string())));
        assert!(["cv", "letter"].contains(&d["kind"].as_str().expect("kind")));
        assert!(["et", "en"].contains(&d["language"].as_str().expect("language")));
        assert_eq!(d["status"], "built");
        for field in ["pdf", "source"] {
            let p = d[field].as_str().expect("path");
            assert!(Path::new(p).is_relative(), "{field} {p} is not relative");
            assert!(ws.join(p).is_file(), "{field} {p} does not exist");
        }
        assert!(d["pdf"].as_str().expect("pdf").ends_with(".pdf"));
        assert!(d["source"].as_str().expect("source").ends_with(".typ"));
        let fp = d["fingerprint"].as_str().expect("fingerprint");
        assert!(
            fp.len() == 32 && fp.chars().all(|c| c.is_ascii_hexdigit()),
            "fingerprint {fp:?}"
        );
        let args: Vec<&str> = d["typst_args"]
            .as_array()
            .expect("typst_args")
            .iter()
            .map(|a| a.as_str().expect("string arg"))
            .collect();
        assert_eq!(args.last(), d["pdf"].as_str().as_ref(), "{d}");
    }

    // Replay one document by hand, to another output path.
    let d = &docs[0];
    let mut args: Vec<String> = d["typst_args"]
        .as_array()
        .expect("typst_args")
        .iter()
        .map(|a| a.as_str().expect("arg").to_string())
        .collect();
    args.pop();
    args.push("output/replayed.pdf".to_string());
    let out = Command::new("typst")
        .args(&args)
        .current_dir(ws)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("TYPST_FONT_PATHS")
        .env_remove("TYPST_ROOT")
        .output()
        .expect("run typst");
    assert!(
        out.status.success(),
        "typst {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours = std::fs::read(ws.join(d["pdf"].as_str().expect("pdf"))).expect("pdf");
    let replayed = std::fs::read(ws.join("output/replayed.pdf")).expect("replayed pdf");
    assert!(
        ours == replayed,
        "replaying typst_args gives different bytes"
    );
}

// ---------------------------------------------------------------------------
// 7. The last good PDF survives a failed rebuild.

#[test]
fn last_good_letter_survives_a_broken_letter_body() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    let m_before = manifest(ws);

    let (posting, path, original) = postings(ws)
        .keys()
        .find_map(|p| {
            let path = tailoring_path(ws, p);
            let text = std::fs::read_to_string(&path).expect("tailoring");
            text.contains("{{ posting.position }}")
                .then(|| (p.clone(), path, text))
        })
        .expect("a letter body using {{ posting.position }}");
    write(
        &path,
        &original.replacen("{{ posting.position }}", "{{ posting.positon }}", 1),
    );
    let old = manifest_doc(&m_before, &posting, "letter");
    let letter_pdf = old["pdf"].as_str().expect("pdf").to_string();

    let (out, events) = run_json(ws, &["build"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let docs = documents(&events);
    let failed = &docs[&(posting.clone(), "letter".to_string())];
    assert_eq!(status(failed), "failed", "{failed}");
    assert!(
        failed["error"]
            .as_str()
            .is_some_and(|e| e.contains("positon")),
        "{failed}"
    );
    for (key, d) in &docs {
        if key.0 != posting || key.1 != "letter" {
            assert_eq!(status(d), "up-to-date", "{key:?}: {d}");
        }
    }
    let now = pdfs(ws);
    assert_eq!(
        now.get(&letter_pdf).map(|p| (&p.0, &p.1)),
        Some((&before[&letter_pdf].0, &before[&letter_pdf].1)),
        "the last good letter is gone or changed"
    );
    let entry = manifest_doc(&manifest(ws), &posting, "letter");
    assert_eq!(entry["status"], "failed");
    assert_eq!(entry["fingerprint"], old["fingerprint"], "{entry}");
    assert_eq!(entry["pdf"], old["pdf"]);

    // Fixed again: up to date (or rebuilt to the same bytes).
    write(&path, &original);
    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    let d = &documents(&events)[&(posting.clone(), "letter".to_string())];
    assert!(["up-to-date", "built"].contains(&status(d)), "{d}");
    assert!(
        std::fs::read(ws.join(&letter_pdf)).expect("pdf") == before[&letter_pdf].1,
        "the letter's bytes changed"
    );
    assert_eq!(
        manifest_doc(&manifest(ws), &posting, "letter")["fingerprint"],
        old["fingerprint"]
    );
}

// ---------------------------------------------------------------------------
// 8. Interrupts and timeouts, with a fake typst that hangs.

/// A fake typst (a shell script in its own temp dir), e.g. one whose compile
/// writes half a PDF to its last argument, records its pid, then sleeps (as
/// the same process, like the real single-process typst).
struct FakeTypst {
    dir: tempfile::TempDir,
    program: PathBuf,
    pids: PathBuf,
}

impl FakeTypst {
    /// A typst that hangs.
    fn hanging() -> FakeTypst {
        FakeTypst::script(
            Some("0.15.1"),
            "for last; do :; done\n\
             printf '%%PDF-1.7 half written' > \"$last\"\n\
             echo $$ >> \"$PIDS\"\n\
             exec sleep 30",
        )
    }

    /// Like `hanging`, but a wrapper that does not `exec`: the process that
    /// hangs is a grandchild of dossier (its pid is recorded, not the shell's).
    fn hanging_wrapper() -> FakeTypst {
        FakeTypst::script(
            Some("0.15.1"),
            "for last; do :; done\n\
             printf '%%PDF-1.7 half written' > \"$last\"\n\
             sleep 30 &\n\
             echo $! >> \"$PIDS\"\n\
             wait",
        )
    }

    /// A shell script that answers `--version` with `version` (or asks the
    /// real typst when `None`), logs every other call, then runs `compile`
    /// (which sees `$PIDS`, a file to record pids in).
    fn script(version: Option<&str>, compile: &str) -> FakeTypst {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let program = dir.path().join("typst");
        let pids = dir.path().join("pids");
        let calls = dir.path().join("calls");
        let version = match version {
            Some(v) => format!("echo 'typst {v} (fake)'; exit 0"),
            None => "exec typst --version".to_string(),
        };
        let script = format!(
            "#!/bin/sh\n\
             PIDS='{}'\n\
             if [ \"$1\" = \"--version\" ]; then {version}; fi\n\
             echo \"$*\" >> '{}'\n\
             {compile}\n",
            pids.display(),
            calls.display(),
        );
        std::fs::write(&program, script).expect("write fake typst");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        // Another test thread forking while the file was open for writing can
        // make exec fail with ETXTBSY for a moment: wait until it runs.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !Command::new(&program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            assert!(Instant::now() < deadline, "fake typst does not run");
            std::thread::sleep(Duration::from_millis(20));
        }
        FakeTypst { dir, program, pids }
    }

    /// How many compiles were started.
    fn calls(&self) -> usize {
        std::fs::read_to_string(self.dir.path().join("calls"))
            .unwrap_or_default()
            .lines()
            .count()
    }

    fn arg(&self) -> String {
        self.program.to_str().expect("utf-8").to_string()
    }

    fn pids(&self) -> Vec<u32> {
        std::fs::read_to_string(&self.pids)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect()
    }

    /// Every fake typst process is gone (waits up to 3 s).
    fn assert_all_stopped(&self) {
        let deadline = Instant::now() + Duration::from_secs(3);
        loop {
            let alive: Vec<u32> = self.pids().into_iter().filter(|&p| running(p)).collect();
            if alive.is_empty() {
                return;
            }
            if Instant::now() > deadline {
                panic!("typst processes still running: {alive:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Whether process `pid` exists and is not a zombie waiting to be reaped.
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
        !state.is_some_and(|s| s.starts_with('Z'))
    })
}

impl Drop for FakeTypst {
    /// Never leave a sleeping fake behind, even when a test fails.
    fn drop(&mut self) {
        for p in self.pids() {
            if running(p) {
                let _ = Command::new("kill")
                    .args(["-KILL", &p.to_string()])
                    .status();
            }
        }
    }
}

/// Start `build --force` with the fake typst, wait until its temp files
/// appear, send `signal`; the exit status, how long the exit took, and stderr.
fn interrupted_build(ws: &Path, fake: &FakeTypst, signal: &str) -> (ExitStatus, Duration, String) {
    let n_docs = 2 * postings(ws).len();
    let mut child = Command::new(BIN)
        .args(["-C", ws.to_str().expect("utf-8")])
        .arg("--typst")
        .arg(&fake.program)
        .args(["build", "--force", "-j", &n_docs.to_string()])
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dossier");
    let deadline = Instant::now() + Duration::from_secs(5);
    while part_files(ws).len() < n_docs && Instant::now() < deadline {
        if let Some(st) = child.try_wait().expect("try_wait") {
            panic!("dossier exited before it was interrupted: {st}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !part_files(ws).is_empty(),
        "no temp files appeared within 5 s"
    );

    let sent = Instant::now();
    let ok = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .expect("kill");
    assert!(ok.success());
    let status = loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            break st;
        }
        if sent.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier did not exit within 10 s of SIG{signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = sent.elapsed();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut err);
    }
    (status, took, err)
}

#[test]
fn sigterm_during_first_build_leaves_no_pdf_and_no_temp_files() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let fake = FakeTypst::hanging();
    let (exit, took, err) = interrupted_build(ws, &fake, "TERM");
    assert!(!exit.success(), "exit status after SIGTERM: {exit}\n{err}");
    assert!(took < Duration::from_secs(5), "took {took:?} to stop");
    fake.assert_all_stopped();
    assert!(
        pdfs(ws).is_empty(),
        "PDFs after an interrupted first build: {:?}",
        pdfs(ws).keys()
    );
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );

    // A normal build afterwards builds everything and leaves no temp file.
    build_ok(ws);
    assert_eq!(pdfs(ws).len(), 2 * postings(ws).len());
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );
}

#[test]
fn sigint_during_rebuild_keeps_the_last_good_pdfs() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    let fake = FakeTypst::hanging();
    let (exit, took, err) = interrupted_build(ws, &fake, "INT");
    assert!(!exit.success(), "exit status after SIGINT: {exit}\n{err}");
    assert!(took < Duration::from_secs(5), "took {took:?} to stop");
    fake.assert_all_stopped();
    let after = pdfs(ws);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, (mtime, bytes)) in &before {
        assert_eq!(*mtime, after[path].0, "{path} was touched");
        assert!(*bytes == after[path].1, "{path} changed");
    }
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );

    // The real typst again: nothing changed, so nothing is recompiled.
    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    for (key, d) in &documents(&events) {
        assert_eq!(status(d), "up-to-date", "{key:?}: {d}");
    }
    let again = pdfs(ws);
    for (path, (_, bytes)) in &before {
        assert!(*bytes == again[path].1, "{path} changed");
    }
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );
}

#[test]
fn timeout_also_stops_what_a_wrapper_typst_started() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let fake = FakeTypst::hanging_wrapper();
    let out = Command::new(BIN)
        .args(["-C", ws.to_str().expect("utf-8")])
        .arg("--typst")
        .arg(&fake.program)
        .args(["build", "--force", "--timeout", "1", "-j", "8"])
        .output()
        .expect("run dossier");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!fake.pids().is_empty(), "the wrapper never ran");
    fake.assert_all_stopped();
    assert!(pdfs(ws).is_empty(), "{:?}", pdfs(ws).keys());
}

#[test]
fn timeout_stops_a_hanging_typst() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let n_docs = 2 * postings(ws).len();
    let fake = FakeTypst::hanging();
    let started = Instant::now();
    let out = Command::new(BIN)
        .args(["-C", ws.to_str().expect("utf-8")])
        .arg("--typst")
        .arg(&fake.program)
        .args([
            "--message-format",
            "json",
            "build",
            "--force",
            "--timeout",
            "1",
        ])
        .args(["-j", &n_docs.to_string()])
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run dossier");
    let took = started.elapsed();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(took < Duration::from_secs(8), "took {took:?}");
    fake.assert_all_stopped();
    let events = parse_json_lines(&stdout(&out));
    let docs = documents(&events);
    assert_eq!(docs.len(), n_docs);
    for (key, d) in &docs {
        assert_eq!(status(d), "failed", "{key:?}: {d}");
        let e = d["error"].as_str().unwrap_or("");
        assert!(e.to_lowercase().contains("timeout"), "{key:?}: {e}");
    }
    assert_eq!(summary(&events)["failed"], n_docs);
    assert!(pdfs(ws).is_empty(), "{:?}", pdfs(ws).keys());
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );
}

#[test]
fn temp_files_of_a_killed_build_are_gone_after_the_next_run() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    let fake = FakeTypst::hanging();
    // SIGKILL cannot be caught: the temp files stay until the next run.
    let (exit, _, _) = interrupted_build(ws, &fake, "KILL");
    assert!(!exit.success());
    let after = pdfs(ws);
    for (path, (mtime, bytes)) in &before {
        assert_eq!(*mtime, after[path].0, "{path} was touched");
        assert!(*bytes == after[path].1, "{path} changed");
    }
    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    for (key, d) in &documents(&events) {
        assert_eq!(status(d), "up-to-date", "{key:?}: {d}");
    }
    assert!(
        part_files(ws).is_empty(),
        "temp files left: {:?}",
        part_files(ws)
    );
}

// ---------------------------------------------------------------------------
// 9. -q and --message-format json.

#[test]
fn quiet_prints_nothing_and_json_lines_parse() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let out = dossier(ws, &["-q", "build"]);
    assert_ok(&out);
    assert_eq!(stderr(&out), "", "-q on a successful build");
    let out = dossier(ws, &["-q", "build"]);
    assert_ok(&out);
    assert_eq!(stderr(&out), "", "-q on an up-to-date build");
    assert_eq!(stdout(&out), "");

    for args in [&["build"][..], &["build", "--force"][..]] {
        let (out, events) = run_json(ws, args);
        assert_ok(&out);
        let (last, rest) = events.split_last().expect("events");
        assert_eq!(last["event"], "summary", "{last}");
        // Per document one event; per posting one for its brief.
        let docs: Vec<&Value> = rest.iter().filter(|e| e["event"] == "document").collect();
        let briefs = rest.iter().filter(|e| e["event"] == "brief").count();
        assert_eq!(docs.len() + briefs, rest.len(), "{rest:?}");
        assert_eq!(docs.len(), 2 * postings(ws).len());
        assert_eq!(briefs, postings(ws).len());
        for (key, name) in [
            ("built", "built"),
            ("up_to_date", "up-to-date"),
            ("failed", "failed"),
        ] {
            let n = docs.iter().filter(|d| d["status"] == name).count();
            assert_eq!(last[key], n, "{key} in {last}");
        }
    }
}

// ---------------------------------------------------------------------------
// 10. Exit status 2 for bad usage and unreadable workspaces.

#[test]
fn not_a_workspace_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dossier(dir.path(), &["build"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("profiles"), "{}", stderr(&out));
    assert!(
        files_under(dir.path()).is_empty(),
        "wrote into a non-workspace"
    );

    let out = dossier(&dir.path().join("does-not-exist"), &["build"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));

    let ws = example_workspace_unsent();
    let out = dossier(ws.path(), &["build", "--jobs", "many"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!ws.path().join("output").exists());
}

// ---------------------------------------------------------------------------
// 11. What a document is built from: layout files, fonts, typst version, the
// PDF itself.

#[test]
fn layout_and_font_changes_rebuild_every_document() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let n_docs = 2 * postings(ws).len();
    let all_built = |what: &str| {
        let (out, events) = run_json(ws, &["build"]);
        assert_ok(&out);
        for (key, d) in &documents(&events) {
            assert_eq!(status(d), "built", "after {what}: {key:?}: {d}");
        }
        assert_eq!(summary(&events)["built"], n_docs, "after {what}");
    };

    // A static Typst file of each layout the postings use (a comment changes
    // no output).
    let layouts: BTreeSet<String> = postings(ws)
        .values()
        .map(|p| p["layout"].as_str().unwrap_or("classic").to_string())
        .collect();
    for layout in &layouts {
        let layout_dir = ws.join("layouts").join(layout);
        let typ = files_under(&layout_dir)
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "typ"))
            .expect("a static .typ file in the layout");
        let typ = layout_dir.join(typ);
        let mut text = std::fs::read_to_string(&typ).expect("read");
        text.push_str("\n// an edit\n");
        write(&typ, &text);
    }
    all_built("a layout file edit");

    // The fonts folder.
    let fonts = ws.join("layouts/fonts");
    let font = files_under(&fonts)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "otf" || e == "ttf"))
        .expect("a bundled font");
    std::fs::copy(
        fonts.join(&font),
        fonts.join(format!("Copy-{}", font.display())),
    )
    .expect("copy font");
    all_built("a new font");

    // A deleted PDF is rebuilt, and only that one.
    let victim = pdfs(ws).keys().next().expect("a pdf").clone();
    std::fs::remove_file(ws.join(&victim)).expect("rm");
    let (out, events) = run_json(ws, &["build"]);
    assert_ok(&out);
    for d in documents(&events).values() {
        let expected = if d["pdf"] == victim.as_str() {
            "built"
        } else {
            "up-to-date"
        };
        assert_eq!(status(d), expected, "{d}");
    }
    assert!(ws.join(&victim).is_file());
}

#[test]
fn another_typst_version_rebuilds_every_document() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    // Reports another 0.15 version, compiles with the real typst.
    let other = FakeTypst::script(Some("0.15.9"), "exec typst \"$@\"");
    let statuses = |typst: Option<&FakeTypst>| {
        let mut args = vec![];
        let arg;
        if let Some(t) = typst {
            arg = t.arg();
            args.extend(["--typst", arg.as_str()]);
        }
        args.push("build");
        let (out, events) = run_json(ws, &args);
        assert_ok(&out);
        documents(&events)
            .values()
            .map(|d| status(d).to_string())
            .collect::<BTreeSet<_>>()
    };
    let built = BTreeSet::from(["built".to_string()]);
    let fresh = BTreeSet::from(["up-to-date".to_string()]);
    assert_eq!(statuses(Some(&other)), built, "typst 0.15.1 → 0.15.9");
    assert_eq!(other.calls(), before.len());
    assert_eq!(statuses(Some(&other)), fresh, "0.15.9 again");
    assert_eq!(other.calls(), before.len());
    assert_eq!(statuses(None), built, "0.15.9 → 0.15.1");
    let after = pdfs(ws);
    for (path, (_, bytes)) in &before {
        assert!(*bytes == after[path].1, "{path} changed");
    }
}

// ---------------------------------------------------------------------------
// 12. A typst failure: the others are built, the last good PDF stays;
// --fail-fast starts no compile after the first failure.

#[test]
fn typst_failure_keeps_going_and_keeps_the_last_good_pdf() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    build_ok(ws);
    let before = pdfs(ws);
    let bad = postings(ws).keys().next().expect("a posting").clone();
    let failing = FakeTypst::script(
        None,
        &format!(
            "case \"$*\" in *'output/{bad}/'*) echo 'error: simulated typst failure' >&2; exit 1;; esac\n\
             exec typst \"$@\""
        ),
    );
    let (out, events) = run_json(ws, &["--typst", &failing.arg(), "build", "--force"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    for ((posting, kind), d) in &documents(&events) {
        if *posting == bad {
            assert_eq!(status(d), "failed", "{d}");
            let e = d["error"].as_str().unwrap_or("");
            let source = d["source"].as_str().expect("source");
            assert!(
                e.contains("simulated typst failure") && e.contains(source),
                "names typst's message and the kept .typ: {e}"
            );
        } else {
            assert_eq!(status(d), "built", "{posting} {kind}: {d}");
        }
    }
    let s = summary(&events);
    assert_eq!(
        (s["built"].clone(), s["failed"].clone()),
        ((before.len() - 2).into(), 2.into())
    );
    let after = pdfs(ws);
    for (path, (mtime, bytes)) in &before {
        assert!(*bytes == after[path].1, "{path} changed");
        if path.starts_with(&format!("output/{bad}/")) {
            assert_eq!(
                *mtime, after[path].0,
                "{path}: the last good PDF was touched"
            );
        }
    }
    assert!(part_files(ws).is_empty(), "{:?}", part_files(ws));

    // Every compile fails; with one job and --fail-fast only one is started.
    let all_fail = FakeTypst::script(None, "echo 'error: simulated typst failure' >&2; exit 1");
    let (out, events) = run_json(
        ws,
        &[
            "--typst",
            &all_fail.arg(),
            "build",
            "--force",
            "--fail-fast",
            "-j",
            "1",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        all_fail.calls(),
        1,
        "compiles started after the first failure"
    );
    let docs = documents(&events);
    assert_eq!(docs.len(), before.len(), "every document is reported");
    assert!(docs.values().all(|d| status(d) == "failed"), "{docs:?}");
    assert_eq!(
        docs.values()
            .filter(|d| d["error"].as_str().is_some_and(|e| e.contains("simulated")))
            .count(),
        1
    );
    let now = pdfs(ws);
    for (path, (_, bytes)) in &after {
        assert!(*bytes == now[path].1, "{path} changed");
    }
}
