//! `dossier new CANDIDATE/POSTING --from FILE|-` end to end: real postings in
//! every format (Markdown, text, HTML, PDF made by typst, standard input) →
//! a draft tailoring file that builds into real PDFs with the real typst,
//! whose requirements `check` reads; and every bad input refused with
//! nothing written.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

/// A posting as a candidate copies it from a job site: Markdown, Estonian.
const POSTING_MD: &str = "\
# Infoturbejuht

**Riigi Tugiteenuste Keskus** otsib oma meeskonda infoturbejuhti.

Struktuuriüksus: infoturbe osakond

## Sinu ülesanded

- infoturbe halduse korraldamine ja E-ITS nõuete rakendamine;
- riskianalüüside läbiviimine ning turvaintsidentide käsitlemine;
- koostöö Riigi Infosüsteemi Ametiga.

## Ootame sinult

- erialast kõrgharidust;
- vähemalt kolmeaastast töökogemust infoturbe või IT-halduse valdkonnas;
- eesti keele oskust C1 tasemel ja inglise keele oskust B2 tasemel;
- head suhtlemisoskust.

## Kasuks tuleb

- CISSP või CISM sertifikaat;
- vene keele oskus.

## Pakume

- töötasu 3200–3800 € kuus (bruto);
- kaugtöö võimalust.

Asukoht: Tallinn

Kandideerimise tähtaeg: 15.01.2027

Lisainfo: Õnne Sõrmus, personalijuht, onne.sormus@example.ee, +372 5555 1234
";

fn draft_path(ws: &Path, key: &str) -> std::path::PathBuf {
    ws.join("profiles").join(format!("{key}.yaml"))
}

fn new_from(ws: &Path, key: &str, file: &Path) -> std::process::Output {
    dossier(ws, &["new", key, "--from", file.to_str().expect("utf-8")])
}

/// The posting's JSON record of `check`.
fn check_json(ws: &Path, key: &str) -> serde_json::Value {
    let out = dossier(ws, &["--message-format", "json", "check", key]);
    stdout(&out)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["event"] == "posting")
        .unwrap_or_else(|| panic!("no posting event:\n{}\n{}", stdout(&out), stderr(&out)))
}

#[test]
fn a_markdown_posting_becomes_a_draft_that_builds_and_check_reads() {
    let ws = example_workspace();
    let file = ws.path().join("kuulutus.md");
    write(&file, POSTING_MD);
    let out = new_from(ws.path(), "mari/rtk-infoturve", &file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote profiles/mari/rtk-infoturve.yaml"),
        "{}",
        stderr(&out)
    );

    let draft =
        std::fs::read_to_string(draft_path(ws.path(), "mari/rtk-infoturve")).expect("draft");
    assert!(
        draft.starts_with("# yaml-language-server: $schema=../../schemas/tailoring.schema.json")
    );
    assert!(draft.contains("language: et"), "{draft}");
    assert!(draft.contains("\"Riigi Tugiteenuste Keskus\""), "{draft}");
    assert!(draft.contains("position: \"Infoturbejuht\""), "{draft}");
    assert!(draft.contains("deadline: 2027-01-15"), "{draft}");
    assert!(draft.contains("onne.sormus@example.ee"), "{draft}");
    // Each value names the line of the posting it was read from.
    let deadline_line = POSTING_MD
        .lines()
        .position(|l| l.contains("15.01.2027"))
        .expect("deadline in posting")
        + 1;
    assert!(
        draft.contains(&format!("deadline: 2027-01-15  # line {deadline_line}")),
        "{draft}"
    );

    let build = dossier(ws.path(), &["build", "mari/rtk-infoturve"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let pdfs = pdfs_under(&ws.path().join("output"));
    let cv = pdfs
        .iter()
        .find(|p| {
            p.to_string_lossy().contains("rtk-infoturve") && p.to_string_lossy().contains("CV")
        })
        .unwrap_or_else(|| panic!("a CV PDF among {pdfs:?}"));
    let letter = pdfs
        .iter()
        .find(|p| {
            p.to_string_lossy().contains("rtk-infoturve") && !p.to_string_lossy().contains("CV")
        })
        .unwrap_or_else(|| panic!("a letter PDF among {pdfs:?}"));
    assert!(pages(cv) >= 1);
    let letter_text = squash(&pdf_text(letter));
    assert!(letter_text.contains("Infoturbejuht"), "{letter_text}");
    assert!(
        letter_text.contains("Riigi Tugiteenuste Keskus"),
        "{letter_text}"
    );

    let p = check_json(ws.path(), "mari/rtk-infoturve");
    let reqs = p["requirements"].as_array().expect("requirements");
    let lang = reqs
        .iter()
        .find(|r| r["text"].as_str().is_some_and(|t| t.contains("C1 tasemel")))
        .unwrap_or_else(|| panic!("the language line among {reqs:#?}"));
    let asked: Vec<(String, String)> = lang["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .map(|l| {
            (
                l["language"].as_str().unwrap_or("").into(),
                l["asks"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert!(asked.contains(&("et".into(), "C1".into())), "{asked:?}");
    assert!(asked.contains(&("en".into(), "B2".into())), "{asked:?}");
    assert_eq!(
        lang["status"], "covered",
        "the draft suggests languages.et / languages.en: {lang:#}"
    );
    let years = reqs
        .iter()
        .find(|r| {
            r["text"]
                .as_str()
                .is_some_and(|t| t.contains("kolmeaastast"))
        })
        .expect("the years line");
    assert_eq!(years["years"]["asks"], 3, "{years:#}");
    let optional: Vec<&serde_json::Value> = reqs.iter().filter(|r| r["optional"] == true).collect();
    assert_eq!(optional.len(), 2, "{reqs:#?}");
    // The letter skeleton's TODOs are placeholders until written.
    let findings = p["findings"].as_array().expect("findings");
    let todo_lines: Vec<u64> = findings
        .iter()
        .filter(|f| {
            f["field"] == "letter.body" && f["message"].as_str().is_some_and(|m| m.contains("TODO"))
        })
        .filter_map(|f| f["line"].as_u64())
        .collect();
    // One per paragraph of the skeleton, each at its own line.
    assert_eq!(todo_lines.len(), 3, "{findings:#?}");
    assert!(todo_lines.windows(2).all(|w| w[0] < w[1]), "{todo_lines:?}");
}

#[test]
fn text_html_standard_input_and_pdf_all_draft() {
    let ws = example_workspace();
    // Plain text, as copied out of a PDF viewer: wrapped lines.
    let txt = ws.path().join("kuulutus.txt");
    write(
        &txt,
        &POSTING_MD
            .replace("# ", "")
            .replace("## ", "")
            .replace("**", ""),
    );
    // HTML as a job site serves it.
    let html = ws.path().join("kuulutus.html");
    let items = |section: &str| -> String {
        let start = POSTING_MD.find(section).expect("section");
        POSTING_MD[start..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with("- "))
            .map(|l| format!("<li>{}</li>", &l[2..]))
            .collect()
    };
    write(
        &html,
        &format!(
            "<!doctype html><html lang=\"et\"><head><title>Infoturbejuht</title>\
             <script>var x = '<li>not a requirement</li>';</script></head><body>\
             <nav><a href=\"/\">Avaleht</a></nav><h1>Infoturbejuht</h1>\
             <p><strong>Riigi Tugiteenuste Keskus</strong> otsib oma meeskonda infoturbejuhti.</p>\
             <h2>Sinu ülesanded</h2><ul>{}</ul><h2>Ootame sinult</h2><ul>{}</ul>\
             <h2>Kasuks tuleb</h2><ul>{}</ul>\
             <p>Kandideerimise t&auml;htaeg: 15.01.2027</p></body></html>",
            items("## Sinu ülesanded"),
            items("## Ootame sinult"),
            items("## Kasuks tuleb")
        ),
    );
    for (key, file) in [("mari/tekst", &txt), ("mari/html", &html)] {
        let out = new_from(ws.path(), key, file);
        assert!(out.status.success(), "{key}: {}", stderr(&out));
        let draft = std::fs::read_to_string(draft_path(ws.path(), key)).expect("draft");
        assert!(draft.contains("deadline: 2027-01-15"), "{key}:\n{draft}");
        assert!(draft.contains("C1 tasemel"), "{key}:\n{draft}");
        assert!(
            !draft.contains("not a requirement"),
            "{key}: a script's text\n{draft}"
        );
    }

    // Standard input.
    let mut child = Command::new(BIN)
        .args([
            "-C",
            ws.path().to_str().expect("utf-8"),
            "new",
            "mari/stdin",
            "--from",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(POSTING_MD.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    let draft = std::fs::read_to_string(draft_path(ws.path(), "mari/stdin")).expect("draft");
    assert!(draft.contains("from standard input"), "{draft}");
    assert!(draft.contains("Infoturbejuht"), "{draft}");

    // A PDF, made by typst from the same text.
    let typ = ws.path().join("kuulutus.typ");
    let body: String = POSTING_MD
        .lines()
        .map(|l| {
            let l = l
                .replace("**", "")
                .replace('#', "")
                .replace('@', "\\@")
                .replace('$', "\\$");
            let l = l.trim_start().to_string();
            if l.is_empty() {
                "\n".to_string()
            } else {
                format!("{l} \\\n")
            }
        })
        .collect();
    write(
        &typ,
        &format!("#set page(width: 16cm, height: auto)\n{body}"),
    );
    let pdf = ws.path().join("kuulutus.pdf");
    let typst = Command::new("typst")
        .args([
            "compile",
            typ.to_str().expect("utf-8"),
            pdf.to_str().expect("utf-8"),
        ])
        .output()
        .expect("run typst");
    assert!(
        typst.status.success(),
        "{}",
        String::from_utf8_lossy(&typst.stderr)
    );
    let out = new_from(ws.path(), "mari/pdf", &pdf);
    assert!(out.status.success(), "{}", stderr(&out));
    let draft = std::fs::read_to_string(draft_path(ws.path(), "mari/pdf")).expect("draft");
    assert!(draft.contains("(PDF)"), "{draft}");
    assert!(draft.contains("C1 tasemel"), "{draft}");
    let build = dossier(
        ws.path(),
        &["build", "mari/pdf", "mari/html", "mari/tekst", "mari/stdin"],
    );
    assert!(build.status.success(), "{}", stderr(&build));
}

#[test]
fn real_ametijuhend_files_draft_and_build() {
    // Real job descriptions of Estonian public bodies, read where they are.
    let Some(dir) = shared_reference("../postings-reference") else {
        return;
    };
    let ws = example_workspace();
    let mut keys = Vec::new();
    for seed in ["001", "003", "004"] {
        let file = std::fs::read_dir(&dir)
            .expect("read_dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(seed))
            })
            .unwrap_or_else(|| panic!("seed {seed} in {}", dir.display()));
        let key = format!("mari/seed-{seed}");
        let out = new_from(ws.path(), &key, &file);
        assert!(out.status.success(), "{seed}: {}", stderr(&out));
        let draft = std::fs::read_to_string(draft_path(ws.path(), &key)).expect("draft");
        assert!(
            draft.contains("requirements:\n  - text:"),
            "{seed}: no requirement lines\n{draft}"
        );
        assert!(
            draft.contains("    evidence:\n      - "),
            "{seed}: no evidence suggested\n{draft}"
        );
        keys.push(key);
    }
    let mut args = vec!["build", "-j", "4"];
    args.extend(keys.iter().map(String::as_str));
    let build = dossier(ws.path(), &args);
    assert!(build.status.success(), "{}", stderr(&build));
    // The Estonian level of an ametijuhend is read, and Mari's native
    // Estonian is suggested and meets it.
    let p = check_json(ws.path(), "mari/seed-004");
    let reqs = p["requirements"].as_array().expect("requirements");
    let et = reqs
        .iter()
        .flat_map(|r| r["languages"].as_array().into_iter().flatten())
        .find(|l| l["language"] == "et")
        .unwrap_or_else(|| panic!("an Estonian demand among {reqs:#?}"));
    assert_eq!(et["asks"], "C1", "{et:#}");
    assert_eq!(et["met"], true, "{et:#}");
    // Every seed asks Estonian at C1 and years of experience; check reads
    // both from the draft's requirement lines.
    for key in &keys {
        let p = check_json(ws.path(), key);
        let reqs = p["requirements"].as_array().expect("requirements");
        let langs: Vec<&serde_json::Value> = reqs
            .iter()
            .flat_map(|r| r["languages"].as_array().into_iter().flatten())
            .collect();
        assert!(
            langs
                .iter()
                .any(|l| l["language"] == "et" && l["asks"] == "C1"),
            "{key}: {langs:#?}"
        );
        let years: Vec<&serde_json::Value> =
            reqs.iter().filter(|r| !r["years"].is_null()).collect();
        assert!(
            years
                .iter()
                .any(|r| r["years"]["asks"].as_f64().is_some_and(|y| y >= 2.0)),
            "{key}: no years read in {reqs:#?}"
        );
    }
}

#[test]
fn a_workspace_with_only_profiles_drafts_builds_and_the_dry_run_writes_nothing() {
    let ws = tempfile::tempdir().expect("temp dir");
    copy_dir(&repo().join("profiles"), &ws.path().join("profiles"));
    for e in std::fs::read_dir(ws.path().join("profiles/mari")).expect("read_dir") {
        std::fs::remove_file(e.expect("entry").path()).expect("rm");
    }
    let file = ws.path().join("kuulutus.md");
    write(&file, POSTING_MD);
    // Only one candidate: the candidate may be left out.
    let dry = dossier(
        ws.path(),
        &[
            "new",
            "rtk",
            "--from",
            file.to_str().expect("utf-8"),
            "--dry-run",
        ],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("position: \"Infoturbejuht\""),
        "{}",
        stdout(&dry)
    );
    assert!(
        !draft_path(ws.path(), "mari/rtk").exists(),
        "a dry run writes nothing"
    );
    assert!(
        !ws.path().join("schemas").exists(),
        "a dry run writes nothing"
    );

    let out = dossier(
        ws.path(),
        &["new", "rtk", "--from", file.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(draft_path(ws.path(), "mari/rtk")).expect("draft"),
        stdout(&dry),
        "the dry run prints what is written"
    );
    assert!(ws.path().join("schemas/tailoring.schema.json").is_file());
    let build = dossier(ws.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert_eq!(pdfs_under(&ws.path().join("output")).len(), 2);
}

#[test]
fn an_existing_file_is_never_replaced_and_two_runs_at_once_write_one_file() {
    let ws = example_workspace();
    let file = ws.path().join("kuulutus.md");
    write(&file, POSTING_MD);
    let existing = draft_path(ws.path(), "mari/ringist-valja");
    let before = std::fs::read(&existing).expect("read");
    let out = new_from(ws.path(), "mari/ringist-valja", &file);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&existing).expect("read"), before);

    // Two runs for the same new posting at once: one writes, one refuses.
    let spawn = || {
        Command::new(BIN)
            .args([
                "-C",
                ws.path().to_str().expect("utf-8"),
                "new",
                "mari/kaks",
                "--from",
            ])
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (
        a.wait_with_output().expect("a"),
        b.wait_with_output().expect("b"),
    );
    let ok = [&a, &b].iter().filter(|o| o.status.success()).count();
    assert_eq!(ok, 1, "a: {}\nb: {}", stderr(&a), stderr(&b));
    let names: Vec<String> = std::fs::read_dir(ws.path().join("profiles/mari"))
        .expect("read_dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with('.')),
        "no temporary file left: {names:?}"
    );
    let text = std::fs::read_to_string(draft_path(ws.path(), "mari/kaks")).expect("draft");
    assert!(text.contains("Infoturbejuht"));
}

#[test]
fn bad_input_is_refused_with_nothing_written() {
    let ws = example_workspace();
    let files_before = files_under(&ws.path().join("profiles"));
    let empty = ws.path().join("tühi.md");
    write(&empty, "  \n\n");
    let binary = ws.path().join("pilt.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2, 255, 254]).expect("write");
    let posting = ws.path().join("kuulutus.md");
    write(&posting, POSTING_MD);
    let p = |f: &Path| f.to_str().expect("utf-8").to_string();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["mari/x".into(), "--from".into(), p(&empty)], "empty"),
        (
            vec!["mari/x".into(), "--from".into(), p(&binary)],
            "not text",
        ),
        (
            vec![
                "mari/x".into(),
                "--from".into(),
                p(&ws.path().join("puudub.md")),
            ],
            "puudub.md",
        ),
        (
            vec!["mrai/x".into(), "--from".into(), p(&posting)],
            "did you mean \"mari\"",
        ),
        (
            vec!["mari/../x".into(), "--from".into(), p(&posting)],
            "must use letters",
        ),
        (
            vec!["mari/".into(), "--from".into(), p(&posting)],
            "must use letters",
        ),
    ];
    for (args, says) in cases {
        let mut all = vec!["new".to_string()];
        all.extend(args.clone());
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let out = dossier(ws.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(says),
            "{args:?}: want {says:?} in\n{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    assert_eq!(
        files_under(&ws.path().join("profiles")),
        files_before,
        "nothing written"
    );
    // Standard input with nothing on it.
    let out = Command::new(BIN)
        .args([
            "-C",
            ws.path().to_str().expect("utf-8"),
            "new",
            "mari/y",
            "--from",
            "-",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    assert_eq!(
        files_under(&ws.path().join("profiles")),
        files_before,
        "nothing written"
    );
}

#[test]
fn an_english_posting_is_drafted_in_english() {
    let ws = example_workspace();
    let file = ws.path().join("posting.md");
    write(
        &file,
        "# Senior Backend Developer\n\n\
         Nortal is looking for a senior backend developer to join our e-government team.\n\n\
         ## Responsibilities\n\n- design and build X-Road services\n- mentor other developers\n\n\
         ## Requirements\n\n- at least 5 years of experience in backend development\n\
         - English at least B2 level\n- experience with Java or Kotlin\n\n\
         ## Nice to have\n\n- Estonian language skills\n\n\
         Apply by 31 January 2027.\n",
    );
    let out = new_from(ws.path(), "mari/nortal", &file);
    assert!(out.status.success(), "{}", stderr(&out));
    let draft = std::fs::read_to_string(draft_path(ws.path(), "mari/nortal")).expect("draft");
    assert!(draft.contains("language: en"), "{draft}");
    assert!(draft.contains("I am applying for the position"), "{draft}");
    assert!(draft.contains("deadline: 2027-01-31"), "{draft}");
    let build = dossier(ws.path(), &["build", "mari/nortal"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let p = check_json(ws.path(), "mari/nortal");
    let reqs = p["requirements"].as_array().expect("requirements");
    let years = reqs
        .iter()
        .find(|r| r["text"].as_str().is_some_and(|t| t.contains("5 years")))
        .unwrap_or_else(|| panic!("{reqs:#?}"));
    assert_eq!(years["years"]["asks"], 5);
}
