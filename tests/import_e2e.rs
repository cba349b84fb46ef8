//! `dossier import json-resume` end to end: the real binary, a workspace,
//! `dossier build` with the real typst, and the PDF read back with
//! pdftotext.

mod common;

use common::*;

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
