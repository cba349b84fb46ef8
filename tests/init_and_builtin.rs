//! `dossier init` and the layouts built into the binary: a new workspace
//! builds at once, and a workspace without `layouts/` still builds.

mod common;

use std::process::Command;

use common::*;

#[test]
fn init_makes_a_workspace_that_builds() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path().join("uus tööruum");
    let out = Command::new(BIN)
        .arg("init")
        .arg(&ws)
        .output()
        .expect("run init");
    assert!(out.status.success(), "{}", stderr(&out));
    for f in [
        "profiles/mari.yaml",
        "layouts/classic/cv.typ.j2",
        "layouts/fonts/OFL.txt",
        ".gitignore",
        "schemas/profile.schema.json",
        "schemas/tailoring.schema.json",
    ] {
        assert!(ws.join(f).is_file(), "{f} missing");
    }
    // Every example file's first line names a schema that is there.
    assert_names_schema(&ws.join("profiles/mari.yaml"), &ws, "profile");
    for e in std::fs::read_dir(ws.join("profiles/mari")).expect("dir") {
        assert_names_schema(&e.expect("entry").path(), &ws, "tailoring");
    }
    let built = dossier(&ws, &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let pdfs = pdfs_under(&ws.join("output"));
    assert_eq!(pdfs.len(), 4, "{pdfs:?}");
    let cv = ws.join("output/mari/sotsiaalkindlustusamet-komponendid/Mari_Maasikas_CV_SKA.pdf");
    assert!(pdf_text(&cv).to_lowercase().contains("töökogemus"));

    // A second init keeps what the user changed.
    write(&ws.join("profiles/mari.yaml"), "name: Juhan Juurikas\n");
    let again = Command::new(BIN)
        .arg("init")
        .arg(&ws)
        .output()
        .expect("run init");
    assert!(again.status.success());
    assert!(
        stderr(&again).contains("kept as they were"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(ws.join("profiles/mari.yaml")).expect("read"),
        "name: Juhan Juurikas\n"
    );
}

#[test]
fn a_workspace_without_layouts_uses_the_built_in_ones() {
    let with = example_workspace();
    let without = example_workspace();
    std::fs::remove_dir_all(without.path().join("layouts")).expect("remove layouts");
    for ws in [with.path(), without.path()] {
        let out = dossier(ws, &["build", "sotsiaalkindlustusamet-komponendid"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let rel = "output/mari/sotsiaalkindlustusamet-komponendid/Mari_Maasikas_CV_SKA.pdf";
    let (a, b) = (with.path().join(rel), without.path().join(rel));
    assert_eq!(pdf_text(&a), pdf_text(&b), "same layout, same text");
    assert_eq!(pages(&a), pages(&b));
    let fonts = Command::new("pdffonts")
        .arg(&b)
        .output()
        .expect("pdffonts (poppler-utils)");
    assert!(
        String::from_utf8_lossy(&fonts.stdout).contains("Inter"),
        "the bundled font is used"
    );
    // Nothing was written outside output/.
    assert!(!without.path().join("layouts").exists());
}

#[test]
fn unknown_layout_lists_workspace_and_built_in_layouts() {
    let ws = example_workspace();
    let file = ws.path().join("profiles/mari/ringist-valja.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("layout: classic"));
    write(&file, &text.replace("layout: classic", "layout: clasic"));
    let out = dossier(ws.path(), &["build", "ringist-valja"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("unknown layout \"clasic\"; did you mean \"classic\"?; available: classic"),
        "{err}"
    );
}

#[test]
fn list_shows_postings_by_deadline_with_build_state() {
    let ws = example_workspace();
    let before = dossier(ws.path(), &["list"]);
    assert!(before.status.success(), "{}", stderr(&before));
    assert!(
        stdout(&before)
            .lines()
            .skip(1)
            .all(|l| l.contains("not built")),
        "{}",
        stdout(&before)
    );
    let out = dossier(ws.path(), &["build", "ringist-valja"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&dossier(ws.path(), &["list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert!(
        lines[0].starts_with("POSTING") && lines[0].contains("DAYS LEFT"),
        "{list}"
    );
    assert_eq!(lines.len(), 5, "{list}");
    let row = lines
        .iter()
        .find(|l| l.starts_with("mari/ringist-valja "))
        .expect("row");
    assert!(
        row.contains("draft") && row.contains("2026-12-14") && row.contains(" built "),
        "{row}"
    );
    // Soonest deadline first.
    let deadlines: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split_whitespace().nth(3).unwrap_or(""))
        .collect();
    let mut sorted = deadlines.clone();
    sorted.sort();
    assert_eq!(deadlines, sorted, "{list}");
}

#[test]
fn the_json_resume_sample_imports_and_builds() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path();
    std::fs::create_dir_all(ws.join("profiles")).expect("mkdir");
    let Some(sample) = shared_reference("json-resume/sample.resume.json") else {
        return;
    };
    let out = dossier(
        ws,
        &["import", "json-resume", sample.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote profiles/richard-hendriks.yaml"),
        "{}",
        stderr(&out)
    );
    // Both files name their schema, which the import wrote.
    assert_names_schema(&ws.join("profiles/richard-hendriks.yaml"), ws, "profile");
    assert_names_schema(
        &ws.join("profiles/richard-hendriks/example.yaml"),
        ws,
        "tailoring",
    );
    assert!(
        stderr(&out).contains("wrote schemas/profile.schema.json"),
        "{}",
        stderr(&out)
    );
    // Importing again does not overwrite without --force.
    let again = dossier(
        ws,
        &["import", "json-resume", sample.to_str().expect("utf-8")],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));

    let built = dossier(ws, &["build"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let cv = ws.join("output/richard-hendriks/example/Richard_Hendriks_CV_EXAMPLE.pdf");
    let text = squash(&pdf_text(&cv));
    for expected in [
        "Richard Hendriks",
        "CEO/President",
        "Pied Piper",
        "Dec 2013 – Dec 2014",
        "Successfully won Techcrunch Disrupt",
        "University of Oklahoma",
        "HTML (Master)",
        "English: Native",
        "Miss Direction",
        "Teacher",
        "Digital Compression Pioneer Award",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the CV:\n{text}"
        );
    }
    let letter =
        ws.join("output/richard-hendriks/example/Richard_Hendriks_Cover_Letter_EXAMPLE.pdf");
    assert!(squash(&pdf_text(&letter)).contains("position of Programmer at Example Ltd"));
}

#[test]
fn formal_layout_uses_the_classic_templates_with_its_own_style() {
    // Unsent: a sent posting's documents are never rebuilt.
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let posting = "sotsiaalkindlustusamet-kasutajatugi";
    let yaml =
        std::fs::read_to_string(ws.join(format!("profiles/mari/{posting}.yaml"))).expect("read");
    assert!(
        yaml.contains("layout: formal"),
        "the example uses the formal layout here"
    );
    let out = dossier(ws, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cv = ws.join(format!("output/mari/{posting}/Mari_Maasikas_CV_SKA.pdf"));
    let fonts = Command::new("pdffonts")
        .arg(&cv)
        .output()
        .expect("pdffonts");
    assert!(
        String::from_utf8_lossy(&fonts.stdout).contains("Libertinus"),
        "serif font"
    );
    assert!(pdf_text(&cv).contains("Tarkvaraarendaja ja tiimijuht"));

    // Its own style.typ changes only its own documents.
    let lib = ws.join("layouts/formal/style.typ");
    let mut text = std::fs::read_to_string(&lib).expect("read");
    text.push_str("\n// an edit\n");
    write(&lib, &text);
    let out = dossier(ws, &["--message-format", "json", "build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.contains("\"event\":\"document\"") && l.contains("\"status\":\"built\""))
        .map(|l| l.to_string())
        .collect();
    assert_eq!(built.len(), 2, "{built:?}");
    assert!(built.iter().all(|l| l.contains(posting)), "{built:?}");

    // The library of the layout it extends is read by its documents too.
    let classic = ws.join("layouts/classic/lib.typ");
    let mut text = std::fs::read_to_string(&classic).expect("read");
    text.push_str("\n// an edit\n");
    write(&classic, &text);
    let out = dossier(ws, &["--message-format", "json", "build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built = stdout(&out)
        .lines()
        .filter(|l| {
            l.contains("\"event\":\"document\"")
                && l.contains("\"status\":\"built\"")
                && l.contains(posting)
        })
        .count();
    assert_eq!(
        built, 2,
        "formal's documents are rebuilt after classic's lib.typ changed"
    );

    // An `extends` naming a layout that does not exist is an error naming the file.
    write(&ws.join("layouts/formal/extends"), "clasic\n");
    let out = dossier(ws, &["build", posting]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("layouts/formal/extends") && err.contains("unknown layout \"clasic\""),
        "{err}"
    );
}

#[test]
fn png_format_writes_one_image_per_page_and_cleans_up_old_pages() {
    let ws = example_workspace();
    let ws = ws.path();
    let posting = "ringist-valja";
    let dir = ws.join(format!("output/mari/{posting}"));
    let out = dossier(ws, &["build", posting, "--format", "png"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = |name: &str| dir.join(name);
    for page in [
        "Mari_Maasikas_CV_SKA-1.png",
        "Mari_Maasikas_CV_SKA-2.png",
        "Mari_Maasikas_Motivatsioonikiri_SKA-1.png",
    ] {
        let bytes = std::fs::read(png(page)).unwrap_or_else(|_| panic!("{page} missing"));
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "{page} is not a PNG"
        );
    }
    assert!(
        !png("Mari_Maasikas_CV_SKA.pdf").exists(),
        "no PDF in PNG mode"
    );

    // Up to date the second time.
    let again = dossier(
        ws,
        &[
            "--message-format",
            "json",
            "build",
            posting,
            "--format",
            "png",
        ],
    );
    assert!(
        stdout(&again)
            .lines()
            .filter(|l| l.contains("\"event\":\"document\""))
            .all(|l| l.contains("up-to-date")),
        "{}",
        stdout(&again)
    );

    // A CV that shrinks to one page leaves no stale second page.
    let file = ws.join(format!("profiles/mari/{posting}.yaml"));
    let text = std::fs::read_to_string(&file).expect("read");
    let sections = text
        .lines()
        .find(|l| l.starts_with("  sections: "))
        .expect("cv.sections")
        .to_string();
    write(&file, &text.replace(&sections, "  sections: [summary]"));
    let out = dossier(ws, &["build", posting, "--format", "png", "--only", "cv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(png("Mari_Maasikas_CV_SKA-1.png").is_file());
    assert!(
        !png("Mari_Maasikas_CV_SKA-2.png").exists(),
        "stale page 2 left behind"
    );
}
