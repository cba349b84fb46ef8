//! Text no font can show: typst draws boxes for a character no font has,
//! and says nothing. `build` and `check` do say it, naming the document, the
//! fields and the characters; a font added to `layouts/fonts/` is all it
//! takes to fix it. Real binary, real typst; the CJK font is made here
//! (`dossier::glyphs::testfont`), nothing is downloaded.

mod common;

use std::path::Path;

use common::*;

const PROFILE: &str = "\
name: 李 雷
headline: 软件工程师
contact: {email: li@example.com}
experience:
  - {id: pku, organization: 北京大学, role: 工程师, start: 2019-01}
education:
  - {id: bd, institution: 北京大学, degree: BSc, start: 2010, end: 2014}
languages:
  - {id: zh, name: Chinese, level: native}
";

const POSTING: &str = "\
language: en
posting: {organization: ACME, position: Developer}
letter:
  date: 2026-11-24
  body: I apply to ACME as a Developer.
";

fn cjk_workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().expect("temp dir");
    write(&ws.path().join("profiles/li.yaml"), PROFILE);
    write(&ws.path().join("profiles/li/acme.yaml"), POSTING);
    ws
}

#[test]
fn a_cjk_name_is_a_warning_until_a_font_that_has_it_is_added() {
    let ws = cjk_workspace();
    let ws = ws.path();
    let out = dossier(ws, &["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning, not a failure: {}",
        stderr(&out)
    );
    let err = stderr(&out);
    let cv_line = err
        .lines()
        .find(|l| l.contains("warning li/acme cv:"))
        .unwrap_or_else(|| panic!("no warning for the CV:\n{err}"));
    for part in [
        "no font has “李” (U+674E), “雷” (U+96F7)",
        "candidate.name",
        "cv.experience[pku].organization",
        // Six fields: five named, the sixth (the school) counted.
        "cv.experience[pku].role, and 1 more: the PDF shows boxes",
        "add a font that has them to layouts/fonts/",
        // PDF/A and PDF/UA forbid such text: the default gives way.
        "until then the PDF is neither PDF/A nor PDF/UA",
    ] {
        assert!(cv_line.contains(part), "{part} missing in {cv_line}");
    }
    assert!(
        err.contains(
            "warning li/acme letter: no font has “李” (U+674E), “雷” (U+96F7), in candidate.name"
        ),
        "{err}"
    );
    let cv = ws.join("output/li/acme/Li_Lei_CV_acme.pdf");
    assert!(!xmp(&cv).contains("pdfuaid:part"), "{}", xmp(&cv));
    // In the manifest and the JSON events, too.
    let manifest = std::fs::read_to_string(ws.join("output/manifest.json")).expect("manifest");
    assert!(manifest.contains("no font has “李”"), "{manifest}");
    // --strict makes it fail CI; check reports it too, by file and field.
    assert_eq!(dossier(ws, &["build", "--strict"]).status.code(), Some(1));
    let check = dossier(ws, &["check"]);
    assert!(
        stdout(&check)
            .contains("warning: profiles/li.yaml: no font has “李” (U+674E), “雷” (U+96F7), “软”")
            && stdout(&check).contains(
                "in name, headline, experience[pku].organization, experience[pku].role, \
                 education[bd].institution: the PDFs"
            ),
        "{}",
        stdout(&check)
    );
    assert_eq!(dossier(ws, &["check", "--strict"]).status.code(), Some(1));

    // A font with those characters in layouts/fonts/: nothing else to do.
    let chars: Vec<char> = "李雷软件工程师北京大学".chars().collect();
    let font = dossier::glyphs::testfont::font("Dossier CJK Test", &chars);
    write_bytes(&ws.join("layouts/fonts/DossierCJKTest.ttf"), &font);
    let out = dossier(ws, &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no font has"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 built"),
        "the font is an input: {}",
        stderr(&out)
    );
    let check = dossier(ws, &["check", "--strict"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Typst used it: the PDF embeds the font and its text has the name.
    // Accessible and archival again, by default.
    assert!(
        xmp(&cv).contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{}",
        xmp(&cv)
    );
    let fonts = std::process::Command::new("pdffonts")
        .arg(&cv)
        .output()
        .expect("pdffonts");
    assert!(
        String::from_utf8_lossy(&fonts.stdout).contains("DossierCJKTest"),
        "{}",
        String::from_utf8_lossy(&fonts.stdout)
    );
    let text = pdf_text(&cv);
    assert!(text.contains('李') && text.contains("北京大学"), "{text}");
    // …and the built-in Inter is still used for the Latin text beside it.
    assert!(String::from_utf8_lossy(&fonts.stdout).contains("Inter"));
}

/// The XMP metadata of a PDF (`pdfinfo -meta`).
fn xmp(pdf: &Path) -> String {
    let out = std::process::Command::new("pdfinfo")
        .arg("-meta")
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write_bytes(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn estonian_russian_and_latvian_text_needs_no_extra_font() {
    let ws = tempfile::tempdir().expect("temp dir");
    let ws = ws.path();
    write(
        &ws.join("profiles/olga.yaml"),
        "name: Õie Ärgmäe-Žukova\nheadline: Šveitsi juustu ülevaataja\n\
         experience:\n  - {id: a, organization: ООО «Рога и копыта», role: Разработчик, start: 2019-01}\n\
         \x20 - {id: b, organization: Rīgas Tehniskā universitāte, role: \"Pētniece — ķīmija, ņ ļ ģ ū\", start: 2015-01, end: 2018-12}\n",
    );
    write(
        &ws.join("profiles/olga/p.yaml"),
        "language: et\nposting: {organization: Ühendus „Õun“, position: Šoti–eesti tõlk}\n\
         letter:\n  date: 2026-11-24\n  body: Kandideerin Ühendus „Õun“ ametikohale Šoti–eesti tõlk – 3500 € kuus.\n",
    );
    let out = dossier(ws, &["build", "--strict"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no font has"), "{}", stderr(&out));
    let check = dossier(ws, &["check", "--strict"]);
    assert!(
        !stdout(&check).contains("no font has"),
        "{}",
        stdout(&check)
    );
    let cv = ws.join("output/olga/p/Oie_Argmae-Zukova_CV_p.pdf");
    let text = pdf_text(&cv);
    for word in [
        "Õie Ärgmäe-Žukova",
        "Разработчик",
        "Rīgas Tehniskā universitāte",
        "ķīmija",
    ] {
        assert!(text.contains(word), "{word} missing in:\n{text}");
    }
}
