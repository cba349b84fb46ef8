//! Parallel and concurrent work: many threads of one build, two dossier
//! processes on one workspace, a watch and a build side by side. Real binary,
//! real typst, PDFs read back with pdfinfo.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A workspace holding nothing but `profiles/`: the example candidate and
/// her postings, plus a fifth posting (a copy under another id).
fn profiles_only_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("profiles"), &dir.path().join("profiles"));
    let postings = dir.path().join("profiles/mari");
    std::fs::copy(
        postings.join("ringist-valja.yaml"),
        postings.join("ringist-valja-2.yaml"),
    )
    .expect("copy posting");
    dir
}

/// Every `(posting, kind)` of the manifest with how often it is listed.
fn manifest_counts(ws: &Path) -> BTreeMap<(String, String), usize> {
    let text = std::fs::read_to_string(ws.join("output/manifest.json")).expect("manifest");
    let m: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
    let mut counts = BTreeMap::new();
    for d in m["documents"].as_array().expect("documents") {
        let key = (
            d["posting"].as_str().expect("posting").to_string(),
            d["kind"].as_str().expect("kind").to_string(),
        );
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

fn assert_valid_pdfs(ws: &Path, expected: usize) {
    let pdfs = pdfs_under(&ws.join("output"));
    assert_eq!(pdfs.len(), expected, "{pdfs:#?}");
    for pdf in &pdfs {
        assert!(pages(pdf) >= 1, "{} is not a valid PDF", pdf.display());
    }
}

#[test]
fn a_workspace_with_only_profiles_builds_on_its_first_run_with_four_jobs() {
    for round in 0..20 {
        let ws = profiles_only_workspace();
        let out = dossier(ws.path(), &["build", "-j", "4"]);
        assert!(
            out.status.success(),
            "round {round}: first build failed:\n{}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("10 built, 0 up to date, 0 failed"),
            "round {round}: {}",
            stderr(&out)
        );
        if round == 0 {
            assert_valid_pdfs(ws.path(), 10);
        }
        // Nothing half-written is left anywhere below output/.
        let mut stack = vec![ws.path().join("output")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                assert!(!name.contains(".part."), "round {round}: left {name}");
                if e.path().is_dir() {
                    stack.push(e.path());
                }
            }
        }
    }
}

#[test]
fn two_forced_builds_at_once_both_succeed_and_the_manifest_stays_whole() {
    let ws = profiles_only_workspace();
    let ws = ws.path();
    for round in 0..5 {
        let start = || {
            Command::new(BIN)
                .args(["-C", ws.to_str().expect("utf-8"), "build", "--force"])
                .env_remove("SOURCE_DATE_EPOCH")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start dossier")
        };
        let (a, b) = (start(), start());
        let (a, b) = (
            a.wait_with_output().expect("wait"),
            b.wait_with_output().expect("wait"),
        );
        for o in [&a, &b] {
            assert!(
                o.status.success(),
                "round {round}: a concurrent build failed:\n{}",
                stderr(o)
            );
            // The submitted posting is built and recorded as sent by the
            // first build ever; from then on it is kept as sent.
            let e = stderr(o);
            assert!(
                e.contains("10 built, 0 up to date, 0 failed")
                    || e.contains("8 built, 0 up to date, 2 sent, 0 failed"),
                "round {round}: {e}"
            );
        }
        let recorded = [&a, &b]
            .iter()
            .filter(|o| stderr(o).contains("recorded mari/sotsiaalkindlustusamet-kasutajatugi"))
            .count();
        assert_eq!(
            recorded,
            usize::from(round == 0),
            "round {round}: recorded once, by one of them"
        );
        assert_valid_pdfs(ws, 10);
        let counts = manifest_counts(ws);
        assert_eq!(counts.len(), 10, "round {round}: {counts:?}");
        assert!(
            counts.values().all(|&n| n == 1),
            "round {round}: {counts:?}"
        );
    }
}

/// A typst that takes a second longer than the real one for every compile.
fn slow_typst(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let program = dir.join("slow-typst");
    std::fs::write(
        &program,
        "#!/bin/sh\nif [ \"$1\" != \"--version\" ]; then sleep 1; fi\nexec typst \"$@\"\n",
    )
    .expect("write slow typst");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    program
}

fn wait_for(what: &str, limit: Duration, ok: impl Fn() -> bool) {
    let deadline = Instant::now() + limit;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_build_waits_for_a_rebuilding_watch_and_the_watch_goes_on() {
    let tools = tempfile::tempdir().expect("temp dir");
    let slow = slow_typst(tools.path());
    let ws = example_workspace();
    let ws = ws.path();
    let posting = "ringist-valja";
    let cv = ws.join(format!("output/mari/{posting}/Mari_Maasikas_CV_SKA.pdf"));
    let lock = ws.join("output/.lock");
    let holder = || std::fs::read_to_string(&lock).unwrap_or_default();
    let log = tools.path().join("watch.log");
    let mut watch = Command::new(BIN)
        .args(["-C", ws.to_str().expect("utf-8"), "--typst"])
        .arg(&slow)
        .args(["watch", posting, "--only", "cv"])
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("start watch");
    // The watch holds the lock while its first, slow build runs.
    wait_for("the watch takes the lock", Duration::from_secs(20), || {
        holder().trim() == watch.id().to_string()
    });
    let build = dossier(ws, &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(
        stderr(&build).contains(&format!("waiting for another dossier (pid {})", watch.id())),
        "the build did not say it waits: {}",
        stderr(&build)
    );
    assert!(stderr(&build).contains("0 failed"), "{}", stderr(&build));
    assert_valid_pdfs(ws, 8);

    // The watch goes on: an edit is rebuilt.
    let file = ws.join(format!("profiles/mari/{posting}.yaml"));
    set_headline(&file, "Pärast ehitust muudetud");
    wait_for("the watch rebuilds the CV", Duration::from_secs(30), || {
        pdf_text(&cv).contains("Pärast ehitust muudetud")
    });
    assert!(
        watch.try_wait().expect("try_wait").is_none(),
        "watch stopped"
    );
    let _ = Command::new("kill")
        .args(["-INT", &watch.id().to_string()])
        .status();
    let status = watch.wait().expect("wait");
    assert!(
        status.success(),
        "{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    assert_eq!(holder(), "", "the lock is released");
}
