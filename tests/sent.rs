//! What was sent stays as it was sent: a submitted posting's documents are
//! recorded in `sent/<candidate>/<posting>/<date>/` and never rebuilt,
//! whatever changes. Real binary, real typst.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

const POSTING: &str = "ringist-valja";

fn tailoring(ws: &Path) -> PathBuf {
    ws.join(format!("profiles/mari/{POSTING}.yaml"))
}

/// Replace `from` (which must occur exactly once) in the file at `path`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        path.display()
    );
    write(path, &text.replacen(from, to, 1));
}

/// Every file below `dir`, by path relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p.strip_prefix(dir).expect("below").to_path_buf(), bytes)
        })
        .collect()
}

fn json_build(ws: &Path, args: &[&str]) -> (std::process::Output, Vec<Value>) {
    let mut all = vec!["--message-format", "json", "build"];
    all.extend_from_slice(args);
    let out = dossier(ws, &all);
    let events = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (out, events)
}

fn statuses(events: &[Value], posting: &str) -> Vec<String> {
    events
        .iter()
        .filter(|e| e["event"] == "document" && e["posting"] == format!("mari/{posting}"))
        .map(|e| e["status"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_submitted_posting_is_recorded_and_then_never_rebuilt() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    assert!(dossier(ws, &["build"]).status.success());
    let output_pdfs = |ws: &Path| {
        files(&ws.join(format!("output/mari/{POSTING}")))
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "pdf"))
            .collect::<BTreeMap<_, _>>()
    };
    let built = output_pdfs(ws);
    assert_eq!(built.len(), 2);

    // Marked sent on a date: the up-to-date PDFs are copied, with a record.
    edit(
        &tailoring(ws),
        "status: draft\n",
        "status: submitted\nsubmitted: 2026-11-24\n",
    );
    let out = dossier(ws, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "recorded mari/{POSTING} as sent → sent/mari/{POSTING}/2026-11-24/"
        )),
        "{}",
        stderr(&out)
    );
    let record_dir = ws.join(format!("sent/mari/{POSTING}/2026-11-24"));
    let sent = files(&record_dir);
    for (name, bytes) in &built {
        assert_eq!(
            sent.get(name),
            Some(bytes),
            "{} copied as it was",
            name.display()
        );
    }
    let record: Value = serde_json::from_slice(&sent[Path::new("record.json")]).expect("json");
    assert_eq!(record["sent"], "2026-11-24");
    assert_eq!(record["documents"].as_array().map(Vec::len), Some(2));
    for d in record["documents"].as_array().expect("documents") {
        let bytes = &sent[Path::new(d["file"].as_str().expect("file"))];
        let sha = String::from_utf8(
            std::process::Command::new("sha256sum")
                .arg(record_dir.join(d["file"].as_str().expect("file")))
                .output()
                .expect("sha256sum")
                .stdout,
        )
        .expect("utf-8");
        assert!(
            sha.starts_with(d["sha256"].as_str().expect("sha")),
            "{sha} / {d}"
        );
        assert!(!bytes.is_empty());
    }
    assert_eq!(
        sent[Path::new("tailoring.yaml")],
        std::fs::read(tailoring(ws)).expect("read"),
        "the tailoring file as it was"
    );

    // The profile, a layout file and the letter body change: the sent
    // documents stay, the other postings are rebuilt.
    edit(
        &ws.join("profiles/mari.yaml"),
        "phone: +372 5555 1234",
        "phone: +372 5555 9999",
    );
    let lib = ws.join("layouts/classic/lib.typ");
    let mut text = std::fs::read_to_string(&lib).expect("read");
    text.push_str("\n// an edit\n");
    write(&lib, &text);
    edit(
        &tailoring(ws),
        "Soovin kandideerida ennetustalituse",
        "Kandideerin ennetustalituse",
    );
    for args in [&[][..], &["--force"][..]] {
        let (out, events) = json_build(ws, args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            statuses(&events, POSTING),
            ["sent", "sent"],
            "build {args:?}"
        );
        for other in ["e-estonia-architect", "sotsiaalkindlustusamet-komponendid"] {
            assert_eq!(
                statuses(&events, other),
                ["built", "built"],
                "{other}, build {args:?}"
            );
        }
        let doc = events
            .iter()
            .find(|e| e["event"] == "document" && e["posting"] == format!("mari/{POSTING}"))
            .expect("a document event");
        assert!(
            doc["pdf"]
                .as_str()
                .is_some_and(|p| p.starts_with(&format!("sent/mari/{POSTING}/2026-11-24/"))),
            "{doc}"
        );
        let warning = doc["warnings"][0].as_str().unwrap_or("");
        assert!(
            warning.contains("the CV and the letter would come out differently now: the profile, the tailoring file and the layout changed since they were sent (2026-11-24); the sent documents are kept"),
            "{doc}"
        );
        let summary = events.last().expect("summary");
        assert_eq!(summary["sent"], 2, "{summary}");
    }
    assert_eq!(files(&record_dir), sent, "nothing under sent/ changed");
    assert_eq!(
        output_pdfs(ws),
        built,
        "the output PDFs were not rebuilt either"
    );
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(ws.join("output/manifest.json")).expect("read"),
    )
    .expect("json");
    let kept = manifest["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter(|d| d["posting"] == format!("mari/{POSTING}"))
        .all(|d| d["status"] == "sent");
    assert!(kept, "{manifest}");
    assert_eq!(manifest["summary"]["sent"], 2);

    // list shows the date it was sent.
    let list = stdout(&dossier(ws, &["list"]));
    let line = list
        .lines()
        .find(|l| l.starts_with(&format!("mari/{POSTING} ")))
        .expect("a line");
    assert!(
        line.contains("sent") && line.contains("2026-11-24"),
        "{line}"
    );

    // Back to draft: it builds again, and the record stays.
    edit(
        &tailoring(ws),
        "status: submitted\nsubmitted: 2026-11-24\n",
        "status: draft\n",
    );
    let (out, events) = json_build(ws, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statuses(&events, POSTING), ["built", "built"]);
    assert_eq!(files(&record_dir), sent, "the record stays");
}

#[test]
fn marked_sent_with_stale_pdfs_records_nothing_until_resend() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    assert!(dossier(ws, &["build"]).status.success());
    // The sources change after the last build, then the posting is marked sent.
    edit(
        &ws.join("profiles/mari.yaml"),
        "phone: +372 5555 1234",
        "phone: +372 5555 9999",
    );
    edit(&tailoring(ws), "status: draft\n", "status: submitted\n");
    let before = files(&ws.join(format!("output/mari/{POSTING}")));
    let (out, events) = json_build(ws, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(statuses(&events, POSTING), ["held", "held"]);
    assert!(!ws.join("sent").exists(), "nothing copied");
    let human = dossier(ws, &["build"]);
    let err = stderr(&human);
    assert!(
        err.contains("the PDFs on disk do not match the sources; build them and check them before you mark them sent")
            && err.contains(&format!("dossier build --resend {POSTING}")),
        "{err}"
    );
    assert_eq!(
        err.matches("do not match the sources").count(),
        1,
        "said once: {err}"
    );
    let after = files(&ws.join(format!("output/mari/{POSTING}")));
    let pdfs = |m: &BTreeMap<PathBuf, Vec<u8>>| {
        m.iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "pdf"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pdfs(&after), pdfs(&before), "held PDFs are not rebuilt");

    // --resend rebuilds and records them (dated today: no `submitted:` date).
    let out = dossier_on(ws, "1795564800", &["build", "--resend", POSTING]);
    assert!(out.status.success(), "{}", stderr(&out));
    let record = ws.join(format!("sent/mari/{POSTING}/2026-11-25/record.json"));
    let record: Value =
        serde_json::from_slice(&std::fs::read(&record).expect("record")).expect("json");
    assert_eq!(record["sent"], Value::Null, "date unknown");
    assert_eq!(record["recorded"], "2026-11-25");

    // A second --resend is a second sending beside the first.
    let out = dossier_on(ws, "1795564800", &["build", "--resend", POSTING]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dirs: Vec<String> = std::fs::read_dir(ws.join(format!("sent/mari/{POSTING}")))
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(dirs, ["2026-11-25", "2026-11-25-2"]);
}

#[test]
fn a_fresh_workspace_builds_and_records_its_submitted_posting_and_a_fresh_clone_keeps_it() {
    // The example's submitted posting has never been built: it is built and
    // recorded on the first build.
    let ws = example_workspace();
    let ws = ws.path();
    let out = dossier(ws, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let posting = "sotsiaalkindlustusamet-kasutajatugi";
    let record_dir = ws.join(format!("sent/mari/{posting}/2026-11-12"));
    assert!(record_dir.join("record.json").is_file(), "{}", stderr(&out));
    let sent = files(&record_dir);

    // A fresh clone of the workspace repository: sent/ is committed, output/
    // is not. The recorded files are the truth; nothing of it is rebuilt.
    std::fs::remove_dir_all(ws.join("output")).expect("rm output");
    let (out, events) = json_build(ws, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statuses(&events, posting), ["sent", "sent"]);
    assert!(
        !ws.join(format!("output/mari/{posting}/Mari_Maasikas_CV_SKA.pdf"))
            .exists(),
        "not rebuilt into output/"
    );
    assert_eq!(files(&record_dir), sent);
    // The brief links the sent files.
    let brief = std::fs::read_to_string(ws.join(format!("output/mari/{posting}/README.md")))
        .expect("brief");
    assert!(
        brief.contains(&format!(
            "[Mari_Maasikas_CV_SKA.pdf](../../../sent/mari/{posting}/2026-11-12/Mari_Maasikas_CV_SKA.pdf)"
        )),
        "{brief}"
    );
}

#[test]
fn check_warns_about_a_sent_record_changed_by_hand_and_not_about_its_deadline() {
    let ws = example_workspace();
    let ws = ws.path();
    assert!(dossier(ws, &["build"]).status.success());
    let posting = "sotsiaalkindlustusamet-kasutajatugi";
    let out = dossier(ws, &["check", posting]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(!stdout(&out).contains("warning"), "{}", stdout(&out));

    let dir = ws.join(format!("sent/mari/{posting}/2026-11-12"));
    let cv = dir.join("Mari_Maasikas_CV_SKA.pdf");
    let mut bytes = std::fs::read(&cv).expect("read");
    bytes.extend_from_slice(b"\n% edited\n");
    std::fs::write(&cv, bytes).expect("write");
    std::fs::remove_file(dir.join("Mari_Maasikas_Motivatsioonikiri_SKA.pdf")).expect("rm");
    let out = dossier(ws, &["check", posting]);
    let so = stdout(&out);
    assert!(
        so.contains(&format!(
            "warning: sent/mari/{posting}/2026-11-12/record.json: Mari_Maasikas_CV_SKA.pdf was changed after it was sent"
        )),
        "{so}"
    );
    assert!(
        so.contains(
            "Mari_Maasikas_Motivatsioonikiri_SKA.pdf is missing: it was recorded as sent here"
        ),
        "{so}"
    );
    // --strict makes it fail CI.
    assert_eq!(
        dossier(ws, &["check", "--strict", posting]).status.code(),
        Some(1)
    );
}

/// The example's submitted posting, formal layout, sent 2026-11-12.
const SUBMITTED: &str = "sotsiaalkindlustusamet-kasutajatugi";

/// The names in the folder of `posting`'s records, sorted.
fn record_dirs(ws: &Path, posting: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(ws.join(format!("sent/mari/{posting}")))
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn names(dir: &Path) -> Vec<String> {
    files(dir)
        .into_keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

const RECORD_FILES: [&str; 4] = [
    "Mari_Maasikas_CV_SKA.pdf",
    "Mari_Maasikas_Motivatsioonikiri_SKA.pdf",
    "record.json",
    "tailoring.yaml",
];

#[test]
fn a_document_never_built_is_not_held_and_only_cv_records_nothing_yet() {
    let ws = example_workspace();
    let ws = ws.path();
    // The first build makes the CV only: nothing to record yet, said once.
    let out = dossier(ws, &["build", "--only", "cv", SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        err.matches("not recorded as sent yet").count(),
        1,
        "said once: {err}"
    );
    assert!(
        err.contains(&format!(
            "not recorded as sent yet: a sending is both documents, and --only left out the letter; `dossier build {SUBMITTED}` builds it and records both"
        )),
        "{err}"
    );
    assert!(!ws.join("sent").exists(), "nothing recorded");
    let cv = std::fs::read(ws.join(format!("output/mari/{SUBMITTED}/Mari_Maasikas_CV_SKA.pdf")))
        .expect("the CV was built");

    // Nothing changed: the letter, never built, is built, and both are recorded.
    let (out, events) = json_build(ws, &[SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statuses(&events, SUBMITTED), ["up-to-date", "built"]);
    assert!(
        events.iter().any(|e| e["event"] == "recorded"),
        "{events:?}"
    );
    let dir = ws.join(format!("sent/mari/{SUBMITTED}/2026-11-12"));
    assert_eq!(names(&dir), RECORD_FILES);
    assert_eq!(
        std::fs::read(dir.join("Mari_Maasikas_CV_SKA.pdf")).expect("read"),
        cv,
        "the CV built first is the one recorded"
    );
}

#[test]
fn a_png_build_records_the_pdfs_of_a_submitted_posting_and_never_half_a_record() {
    let ws = example_workspace();
    let ws = ws.path();
    // Recording fails (the posting's folder in sent/ cannot be made): a
    // warning, and nothing half-made.
    write(&ws.join(format!("sent/mari/{SUBMITTED}")), "in the way\n");
    let out = dossier(ws, &["build", "--format", "png", SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("not recorded as sent: cannot create")
            && err.contains("nothing was written to sent/, and the next build tries again"),
        "{err}"
    );
    std::fs::remove_file(ws.join(format!("sent/mari/{SUBMITTED}"))).expect("rm");

    // A sending is PDFs: a PNG build records the posting's PDFs.
    let out = dossier(ws, &["build", "--format", "png", SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "recorded mari/{SUBMITTED} as sent → sent/mari/{SUBMITTED}/2026-11-12/"
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(record_dirs(ws, SUBMITTED), ["2026-11-12"]);
    let dir = ws.join(format!("sent/mari/{SUBMITTED}/2026-11-12"));
    assert_eq!(names(&dir), RECORD_FILES);
    let sent = files(&dir);

    // Then it is kept, whatever the format.
    for args in [&[SUBMITTED][..], &["--format", "png", SUBMITTED][..]] {
        let (out, events) = json_build(ws, args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(statuses(&events, SUBMITTED), ["sent", "sent"], "{args:?}");
        let doc = events
            .iter()
            .find(|e| e["event"] == "document")
            .expect("a document");
        assert_eq!(doc["warnings"], Value::Array(vec![]), "{doc}");
    }
    assert_eq!(files(&dir), sent);
}

#[test]
fn check_warns_about_a_missing_record_json_and_a_changed_tailoring_copy() {
    let ws = example_workspace();
    let ws = ws.path();
    assert!(dossier(ws, &["build", SUBMITTED]).status.success());
    let dir = ws.join(format!("sent/mari/{SUBMITTED}/2026-11-12"));
    let record = format!("sent/mari/{SUBMITTED}/2026-11-12/record.json");
    let check = |ws: &Path| stdout(&dossier(ws, &["check", SUBMITTED]));
    assert!(!check(ws).contains("warning"), "{}", check(ws));

    // The copy of the tailoring file, edited, then deleted.
    let copy = dir.join("tailoring.yaml");
    let text = std::fs::read_to_string(&copy).expect("read");
    write(
        &copy,
        &text.replace("submitted: 2026-11-12", "submitted: 2026-11-10"),
    );
    let so = check(ws);
    assert!(
        so.contains(&format!(
            "warning: {record}: tailoring.yaml was changed after it was sent: its SHA-256 is not the recorded one"
        )),
        "{so}"
    );
    std::fs::remove_file(&copy).expect("rm");
    let so = check(ws);
    assert!(
        so.contains(&format!("warning: {record}: tailoring.yaml is missing")),
        "{so}"
    );
    write(&copy, &text);
    assert!(!check(ws).contains("warning"), "{}", check(ws));

    // record.json deleted: the PDFs beside it are no record any more.
    std::fs::remove_file(dir.join("record.json")).expect("rm");
    let out = dossier(ws, &["check", "--strict", SUBMITTED]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!(
            "warning: {record}: record.json is missing: the files beside it are no longer a record of what was sent; restore it (from git)"
        )),
        "{}",
        stdout(&out)
    );
    // And build says so, recording nothing new.
    let (out, events) = json_build(ws, &[SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statuses(&events, SUBMITTED), ["held", "held"]);
    let doc = events
        .iter()
        .find(|e| e["event"] == "document")
        .expect("a document");
    assert!(
        doc["warnings"][0].as_str().is_some_and(|w| w.contains(&format!(
            "sent/mari/{SUBMITTED}/2026-11-12/ is a record without a readable record.json; restore it (from git)"
        ))),
        "{doc}"
    );
    assert_eq!(record_dirs(ws, SUBMITTED), ["2026-11-12"]);
}

#[test]
fn the_change_since_sending_names_the_documents_and_every_source_that_changed() {
    let ws = example_workspace();
    let ws = ws.path();
    assert!(dossier(ws, &["build", SUBMITTED]).status.success());
    let file = ws.join(format!("profiles/mari/{SUBMITTED}.yaml"));
    let warnings = |events: &[Value]| -> Vec<(String, Value)> {
        events
            .iter()
            .filter(|e| e["event"] == "document")
            .map(|e| {
                (
                    e["kind"].as_str().unwrap_or("").to_string(),
                    e["warnings"].clone(),
                )
            })
            .collect()
    };

    // Nothing changed, in a clone elsewhere either: nothing to say.
    let clone = tempfile::tempdir().expect("temp dir");
    for dir in ["profiles", "layouts", "sent"] {
        copy_dir(&ws.join(dir), &clone.path().join(dir));
    }
    for ws in [ws, clone.path()] {
        let (out, events) = json_build(ws, &[SUBMITTED]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(statuses(&events, SUBMITTED), ["sent", "sent"]);
        assert!(
            warnings(&events)
                .iter()
                .all(|(_, w)| w == &serde_json::json!([])),
            "{events:?}"
        );
    }

    // Only the letter's body: only the letter, only the tailoring file.
    edit(
        &file,
        "Kasutajatoega alustasin",
        "Kasutajatoega alustasingi",
    );
    let (out, events) = json_build(ws, &[SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let letter = "the letter would come out differently now: the tailoring file changed since it was sent (2026-11-12); the sent documents are kept";
    assert_eq!(
        warnings(&events),
        [
            ("cv".to_string(), serde_json::json!([])),
            ("letter".to_string(), serde_json::json!([letter])),
        ]
    );
    let err = stderr(&dossier(ws, &["build", SUBMITTED]));
    assert!(
        err.contains(&format!("warning mari/{SUBMITTED} letter: {letter}")),
        "{err}"
    );

    // The profile and the layout too: both documents, all three sources.
    edit(
        &ws.join("profiles/mari.yaml"),
        "phone: +372 5555 1234",
        "phone: +372 5555 9999",
    );
    let style = ws.join("layouts/formal/style.typ");
    let mut text = std::fs::read_to_string(&style).expect("read");
    text.push_str("\n// an edit\n");
    write(&style, &text);
    let (out, events) = json_build(ws, &[SUBMITTED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let both = "the CV and the letter would come out differently now: the profile, the tailoring file and the layout changed since they were sent (2026-11-12); the sent documents are kept";
    assert_eq!(
        warnings(&events),
        [
            ("cv".to_string(), serde_json::json!([both])),
            ("letter".to_string(), serde_json::json!([both])),
        ]
    );
    assert_eq!(statuses(&events, SUBMITTED), ["sent", "sent"]);
}

#[test]
fn resend_of_a_posting_not_marked_sent_says_so_and_builds_as_usual() {
    let ws = example_workspace();
    let ws = ws.path();
    let posting = "e-estonia-architect";
    let out = dossier(ws, &["build", "--only", "cv", posting, "--resend", posting]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "--resend: mari/{posting} is not marked sent (status ready); built as usual"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("built mari/{posting} cv")), "{err}");
    assert!(!ws.join("sent").exists());
}

#[test]
fn a_submitted_date_counts_as_sent_only_without_a_status_or_with_a_sent_one() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    // Set back to draft, the date left in: built as usual, nothing recorded.
    edit(
        &tailoring(ws),
        "status: draft\n",
        "status: draft\nsubmitted: 2026-11-24\n",
    );
    let (out, events) = json_build(ws, &[POSTING]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(statuses(&events, POSTING), ["built", "built"]);
    assert!(!ws.join("sent").exists(), "not recorded");
    let list = stdout(&dossier(ws, &["list"]));
    let line = list
        .lines()
        .find(|l| l.starts_with(&format!("mari/{POSTING} ")))
        .expect("a line");
    assert!(!line.contains("2026-11-24"), "not sent: {line}");

    // A date without a status: sent.
    edit(&tailoring(ws), "status: draft\n", "");
    let out = dossier(ws, &["build", POSTING]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(record_dirs(ws, POSTING), ["2026-11-24"], "{}", stderr(&out));
}

#[test]
fn a_resend_is_dated_the_day_it_is_recorded_unless_the_submitted_date_changed() {
    let ws = example_workspace();
    let ws = ws.path();
    let on = |args: &[&str]| {
        let out = dossier_on(ws, "1795564800", args); // 2026-11-25
        assert!(out.status.success(), "{}", stderr(&out));
    };
    on(&["build", SUBMITTED]);
    assert_eq!(record_dirs(ws, SUBMITTED), ["2026-11-12"]);

    // Sent again, the date in the tailoring file left as it was.
    on(&["build", SUBMITTED, "--resend", SUBMITTED]);
    assert_eq!(record_dirs(ws, SUBMITTED), ["2026-11-12", "2026-11-25"]);
    let record = |dir: &str| -> Value {
        serde_json::from_slice(
            &std::fs::read(ws.join(format!("sent/mari/{SUBMITTED}/{dir}/record.json")))
                .expect("record"),
        )
        .expect("json")
    };
    assert_eq!(record("2026-11-25")["sent"], Value::Null);
    assert_eq!(record("2026-11-25")["recorded"], "2026-11-25");
    let list = stdout(&dossier(ws, &["list"]));
    assert!(
        list.lines()
            .any(|l| l.starts_with(&format!("mari/{SUBMITTED} ")) && l.contains("2026-11-25")),
        "{list}"
    );

    // The date changed: the resend is dated by it.
    edit(
        &ws.join(format!("profiles/mari/{SUBMITTED}.yaml")),
        "submitted: 2026-11-12",
        "submitted: 2026-11-26",
    );
    on(&["build", SUBMITTED, "--resend", SUBMITTED]);
    assert_eq!(
        record_dirs(ws, SUBMITTED),
        ["2026-11-12", "2026-11-25", "2026-11-26"]
    );
    assert_eq!(record("2026-11-26")["sent"], "2026-11-26");
}
