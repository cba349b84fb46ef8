//! `dossier import json-resume` end to end: the real binary, a workspace,
//! `dossier build` with the real typst, and the PDF read back with
//! pdftotext.

mod common;

use common::*;

/// A JSON Resume file with the keys of every schema era, every date form,
/// HTML, a CJK name and a Cyrillic employer.
const CRAFTED: &str = r#"{
  "bio": {
    "name": "李 雷",
    "label": "Software <b>engineer</b>",
    "email": "li@example.org",
    "website": "https://li.example.org",
    "summary": "I build <b>reliable</b> systems and <i>teach</i> them.<br>Second line of the summary.<script>track()</script><style>p{color:red}</style>",
    "profiles": [{"network": "GitHub", "username": "lilei"}]
  },
  "work": [
    {"company": "Яндекс", "website": "https://yandex.example", "position": "Инженер",
     "startDate": "2017-05", "endDate": "Present",
     "summary": "<p>Ran the <a href=\"https://search.example\">search</a> team.</p><ul><li>Shipped <strong>Ranker</strong></li><li>Hired five</li></ul>"},
    {"company": "Acme Year", "position": "Dev", "startDate": 2017, "endDate": "2017-05-03"},
    {"company": "Acme Day", "position": "Dev", "startDate": "2016-05-03", "endDate": "May 2017"},
    {"company": "Acme Words", "position": "Dev", "startDate": "Sep. 2019", "endDate": "current"},
    {"company": "Acme Blank", "position": "Dev", "startDate": "2015", "endDate": ""}
  ],
  "education": [{"institution": "北京大学", "area": "Informatics", "studyType": "BSc", "startDate": "2010", "endDate": "2014"}],
  "languages": [{"name": "Chinese", "level": "Native speaker"}, {"name": "English", "level": "Fluent"}]
}"#;

const POSTING: &str = "\
language: en
posting: {organization: ACME, position: Developer}
letter:
  date: 2026-11-24
  body: I apply to ACME as a Developer.
";

#[test]
fn a_json_resume_of_every_era_builds_into_a_pdf_without_html() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("resume.json");
    write(&file, CRAFTED);
    let ws = tmp.path().join("ws");
    let init = std::process::Command::new(BIN)
        .args(["init", ws.to_str().expect("utf-8")])
        .output()
        .expect("run dossier init");
    assert!(init.status.success(), "{}", stderr(&init));
    let out = dossier(
        &ws,
        &[
            "import",
            "json-resume",
            "--candidate",
            "li",
            file.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let notes = stderr(&out);
    for needle in [
        "work[].company → name",
        "work[].website → url",
        "languages[].name → language",
        "bio.summary: HTML removed: <script> with its content, <style> with its content",
    ] {
        assert!(notes.contains(needle), "{needle} missing in:\n{notes}");
    }
    // A posting of our own besides the starter.
    write(&ws.join("profiles/li/acme.yaml"), POSTING);
    let built = dossier(&ws, &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));

    // The glyph warning names the CJK fields, the school among them.
    let err = stderr(&built);
    let warning = err
        .lines()
        .find(|l| l.contains("warning li/acme cv: no font has"))
        .unwrap_or_else(|| panic!("no glyph warning for the CV:\n{err}"));
    for part in ["“李” (U+674E)", "candidate.name", "cv.education["] {
        assert!(warning.contains(part), "{part} missing in {warning}");
    }

    let cv = ws.join("output/li/acme/Li_Lei_CV_acme.pdf");
    let raw = pdf_text_raw(&cv);
    let text = squash(&raw);
    for employer in [
        "Яндекс",
        "Acme Year",
        "Acme Day",
        "Acme Words",
        "Acme Blank",
    ] {
        assert!(text.contains(employer), "{employer} missing in:\n{text}");
    }
    // No HTML, no script, and bold not as asterisks…
    for bad in ["<", ">", "track()", "color:red", "**", "*teach*"] {
        assert!(!text.contains(bad), "{bad:?} in:\n{text}");
    }
    assert!(text.contains("Shipped Ranker"), "{text}");
    assert!(text.contains("search team"), "{text}");
    // The job that is ongoing is shown as ongoing.
    assert!(text.contains("May 2017 – present"), "{text}");
    assert!(text.contains("Sep 2019 – present"), "{text}");
    // `<br>` starts a paragraph: the second line is a line of its own.
    assert!(
        raw.lines()
            .any(|l| l.trim_start().starts_with("Second line of the summary")),
        "{raw}"
    );
    // …set in bold by typst: the source kept beside the PDF says so.
    let typ = std::fs::read_to_string(ws.join("output/li/acme/Li_Lei_CV_acme.typ")).expect("typ");
    for strong in ["#strong[reliable]", "#strong[Ranker]"] {
        assert!(typ.contains(strong), "{strong} missing in the Typst source");
    }
}

#[test]
fn an_import_over_postings_it_would_break_writes_nothing() {
    let tmp = example_workspace();
    let ws = tmp.path();
    let file = ws.join("t.json");
    write(
        &file,
        r#"{"basics": {"name": "Mari Maasikas"}, "work": [{"name": "Other", "position": "Dev", "startDate": "2020"}]}"#,
    );
    let profile = ws.join("profiles/mari.yaml");
    let before = std::fs::read_to_string(&profile).expect("read");
    let out = dossier(
        ws,
        &[
            "import",
            "--force",
            "--candidate",
            "mari",
            "json-resume",
            file.to_str().expect("utf-8"),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        std::fs::read_to_string(&profile).expect("read"),
        before,
        "nothing may be written"
    );
    assert!(!err.contains("wrote"), "{err}");
    assert!(
        err.contains("of the postings in profiles/mari/ would not build"),
        "{err}"
    );
    // Every posting, by file and line, with the id it names.
    for posting in [
        "e-estonia-architect",
        "ringist-valja",
        "sotsiaalkindlustusamet-kasutajatugi",
        "sotsiaalkindlustusamet-komponendid",
    ] {
        let at = format!("profiles/mari/{posting}.yaml:");
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with(&at) && l.contains("tehik"))
            .unwrap_or_else(|| panic!("{at} with a line and the id tehik missing in:\n{err}"));
        let after = &line.trim_start()[at.len()..];
        assert!(
            after.starts_with(|c: char| c.is_ascii_digit()),
            "a line number: {line}"
        );
    }
    assert!(
        err.contains("hint:") && err.contains("--candidate"),
        "{err}"
    );

    // Under another name it is written, and the example still builds.
    let out = dossier(
        ws,
        &[
            "import",
            "--candidate",
            "mari2",
            "json-resume",
            file.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(ws.join("profiles/mari2/example.yaml").is_file());
    let check = dossier(ws, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("mari2/example: ok"),
        "{}",
        stdout(&check)
    );
}

/// JSON as people save it: Windows Notepad's byte-order mark, `//` and
/// `/* */` comments and trailing commas import and build, with a note naming
/// the lines; a file really broken says file:line:column.
#[test]
fn json_with_a_byte_order_mark_comments_and_trailing_commas_imports_and_builds() {
    let Some(sample) = shared_reference("json-resume/sample.resume.json") else {
        return;
    };
    let json = std::fs::read_to_string(sample).expect("read sample");
    // Comments in the places people put them; a trailing comma after the
    // last top-level member.
    let mut saved = String::from("\u{feff}// my CV, kept in git\n");
    saved.push_str(&json.replacen("\"basics\": {", "\"basics\": { /* who */", 1));
    let end = saved.rfind('}').expect("closing brace");
    let body = saved[..end].trim_end().to_string();
    saved = format!("{body},\n  // the end\n}}\n");
    let ws = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(ws.path().join("profiles")).expect("mkdir");
    let file = ws.path().join("resume.json");
    std::fs::write(&file, &saved).expect("write");
    let out = dossier(
        ws.path(),
        &["import", "json-resume", file.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let comma_line = saved.lines().count() - 2;
    let err = stderr(&out);
    assert!(err.contains("comments skipped"), "{err}");
    assert!(
        err.contains(&format!("trailing commas skipped on line(s) {comma_line}")),
        "{err}"
    );
    let build = dossier(ws.path(), &["build"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let cv = pdfs_under(&ws.path().join("output"))
        .into_iter()
        .find(|p| p.to_string_lossy().contains("CV"))
        .expect("a CV");
    assert!(squash(&pdf_text(&cv)).contains("Pied Piper"));

    // Really broken: a missing comma on line 3.
    let broken = ws.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"basics\": {\"name\": \"Mari\"}\n  \"work\": []\n}\n",
    )
    .expect("write");
    let out = dossier(
        ws.path(),
        &[
            "import",
            "json-resume",
            broken.to_str().expect("utf-8"),
            "--candidate",
            "b",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("broken.json:3:3: not valid JSON: expected `,` or `}`"),
        "{err}"
    );
    assert!(!ws.path().join("profiles/b.yaml").exists());
}
