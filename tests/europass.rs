//! Europass both ways: the europass design's CV carries its Europass XML
//! (`attachment.xml`, PDF/A-3 + PDF/UA-1), `dossier import europass` reads
//! that PDF, a bare XML file or a legacy SkillsPassport back into a profile,
//! and refuses what is none of these.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const EPOCH: &str = "1790000000";
const POSTING: &str = "profiles/mari/e-estonia-architect.yaml";

/// The example workspace with the English posting in the europass design.
fn europass_workspace() -> tempfile::TempDir {
    let ws = example_workspace_unsent();
    let path = ws.path().join(POSTING);
    let text = std::fs::read_to_string(&path).expect("read posting");
    assert!(text.contains("\nlayout: classic\n"));
    write(
        &path,
        &text.replace("\nlayout: classic\n", "\nlayout: europass\n"),
    );
    ws
}

fn build(ws: &Path, extra: &[&str]) -> (String, PathBuf) {
    let mut args = vec!["build", "mari/e-estonia-architect"];
    args.extend(extra);
    let out = dossier_on(ws, EPOCH, &args);
    assert!(out.status.success(), "build failed: {}", stderr(&out));
    let cv = pdfs_under(&ws.join("output/mari/e-estonia-architect"))
        .into_iter()
        .find(|p| p.to_string_lossy().contains("_CV_"))
        .expect("a CV");
    (stderr(&out), cv)
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} (poppler-utils) installed: {e}"));
    assert!(out.status.success(), "{cmd} {args:?}: {}", stderr(&out));
    stdout(&out)
}

fn element<'a, 'i>(doc: &'a roxmltree::Document<'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

#[test]
fn the_europass_cv_carries_its_xml_as_pdf_a3() {
    let ws = europass_workspace();
    let (_, cv) = build(ws.path(), &[]);
    let cv_arg = cv.to_str().expect("utf-8");
    let list = run("pdfdetach", &["-list", cv_arg]);
    assert!(
        list.lines().any(|l| l.trim() == "1: attachment.xml"),
        "{list}"
    );
    let xml_path = ws.path().join("x.xml");
    run(
        "pdfdetach",
        &[
            "-save",
            "1",
            "-o",
            xml_path.to_str().expect("utf-8"),
            cv_arg,
        ],
    );
    let xml = std::fs::read_to_string(&xml_path).expect("extracted");
    // The same XML as the one written beside the Typst source.
    let beside = cv.with_extension("xml");
    assert_eq!(
        std::fs::read_to_string(&beside).expect("beside the .typ"),
        xml
    );
    // What `dossier export europass` writes is the same.
    let exported = dossier(
        ws.path(),
        &["export", "europass", "mari/e-estonia-architect"],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert_eq!(stdout(&exported), xml);
    let with_flag = dossier(
        ws.path(),
        &[
            "export",
            "europass",
            "mari",
            "--posting",
            "e-estonia-architect",
        ],
    );
    assert_eq!(stdout(&with_flag), xml);
    let doc = roxmltree::Document::parse(&xml).expect("the attachment parses");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "Candidate");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.europass.eu/1.0")
    );
    let primary: Vec<_> = element(&doc, "PrimaryLanguageCode")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(primary, ["est"]);
    let languages: Vec<_> = element(&doc, "PersonCompetency")
        .into_iter()
        .filter(|c| c.children().any(|n| n.text() == Some("language")))
        .collect();
    assert_eq!(languages.len(), 3, "English, Russian, Finnish");
    for l in &languages {
        let dims: Vec<&str> = l
            .descendants()
            .filter(|n| n.tag_name().name() == "CompetencyDimensionTypeCode")
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            dims,
            [
                "CEF-Understanding-Listening",
                "CEF-Understanding-Reading",
                "CEF-Speaking-Interaction",
                "CEF-Speaking-Production",
                "CEF-Writing-Production"
            ]
        );
    }
    let meta = run("pdfinfo", &["-meta", cv_arg]);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");
    assert!(meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");

    // Up to date when nothing changed; the same bytes when built again.
    let first = std::fs::read(&cv).expect("pdf");
    let (again, _) = build(ws.path(), &[]);
    assert!(again.contains("0 built"), "{again}");
    let (forced, _) = build(ws.path(), &["--force"]);
    assert!(forced.contains("2 built"), "{forced}");
    assert_eq!(std::fs::read(&cv).expect("pdf"), first, "reproducible");

    // A level changes: the CV is rebuilt, its XML (part of its fingerprint) too.
    let profile = ws.path().join("profiles/mari.yaml");
    let text = std::fs::read_to_string(&profile).expect("profile");
    write(
        &profile,
        &text.replace(
            "levels: {listening: C2, reading: C2, writing: B2}",
            "levels: {listening: C2, reading: C2, writing: C1}",
        ),
    );
    let (changed, _) = build(ws.path(), &[]);
    assert!(
        changed.contains("built mari/e-estonia-architect cv"),
        "{changed}"
    );
    assert!(
        std::fs::read_to_string(&beside)
            .expect("xml")
            .contains("C1")
    );
}

#[test]
fn an_archival_standard_without_attachments_becomes_pdf_a3() {
    let ws = europass_workspace();
    let path = ws.path().join(POSTING);
    let text = std::fs::read_to_string(&path).expect("read posting");
    write(
        &path,
        &text.replace(
            "\nlayout: europass\n",
            "\nlayout: europass\npdf_standard: a-2b\n",
        ),
    );
    let (err, cv) = build(ws.path(), &[]);
    assert!(
        err.contains("e-estonia-architect.yaml:7: pdf_standard a-2b")
            && err.contains("the CV is a-3b"),
        "{err}"
    );
    let meta = run("pdfinfo", &["-meta", cv.to_str().expect("utf-8")]);
    assert!(meta.contains("<pdfaid:part>3</pdfaid:part>"), "{meta}");
    assert!(meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    // The letter carries nothing: it stays what was asked for.
    let letter = pdfs_under(&ws.path().join("output/mari/e-estonia-architect"))
        .into_iter()
        .find(|p| !p.to_string_lossy().contains("_CV_"))
        .expect("a letter");
    let meta = run("pdfinfo", &["-meta", letter.to_str().expect("utf-8")]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
}

#[test]
fn a_europass_pdf_imports_and_builds_with_the_same_employers() {
    let ws = europass_workspace();
    let (_, cv) = build(ws.path(), &[]);
    let empty = empty_workspace();
    let out = dossier(
        empty.path(),
        &["import", "europass", cv.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("read attachment.xml"), "{err}");
    assert!(err.contains("wrote profiles/mari-maasikas.yaml"), "{err}");
    let yaml = std::fs::read_to_string(empty.path().join("profiles/mari-maasikas.yaml"))
        .expect("profile written");
    assert!(yaml.contains("# Imported from Europass XML"), "{yaml}");
    let out = dossier_on(empty.path(), EPOCH, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let imported_cv = pdfs_under(&empty.path().join("output"))
        .into_iter()
        .find(|p| p.to_string_lossy().contains("_CV_"))
        .expect("a CV");
    let original = squash(&pdf_text(&cv));
    let text = squash(&pdf_text(&imported_cv));
    for employer in [
        "Health and Welfare Information Systems Centre (TEHIK)",
        "Ministry of Economic Affairs and Communications",
        "Läänemere Pank AS",
    ] {
        assert!(
            original.contains(employer),
            "{employer} not in the Europass CV"
        );
        assert!(text.contains(employer), "{employer} not in\n{text}");
    }
}

const SKILLS_PASSPORT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="en">
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName>Kadri</FirstName><Surname>Kask</Surname></PersonName>
      <ContactInfo><Email><Contact>kadri@example.ee</Contact></Email></ContactInfo>
    </Identification>
    <Headline><Description><Label>Data analyst</Label></Description></Headline>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2020" month="--02"/><To year="2024" month="--11"/><Current>false</Current></Period>
        <Position><Label>Analyst</Label></Position>
        <Activities>Reports for the board</Activities>
        <Employer><Name>Statistikaamet</Name></Employer>
      </WorkExperience>
    </WorkExperienceList>
    <EducationList>
      <Education>
        <Period><From year="2016"/><To year="2019"/></Period>
        <Title>BSc Mathematics</Title>
        <Organisation><Name>Tallinna Tehnikaülikool</Name></Organisation>
      </Education>
    </EducationList>
    <Skills>
      <Linguistic>
        <MotherTongueList>
          <MotherTongue><Description><Code>et</Code><Label>Estonian</Label></Description></MotherTongue>
        </MotherTongueList>
        <ForeignLanguageList>
          <ForeignLanguage>
            <Description><Code>de</Code><Label>German</Label></Description>
            <ProficiencyLevel>
              <Listening>B2</Listening><Reading>C1</Reading><SpokenInteraction>B1</SpokenInteraction>
              <SpokenProduction>B1</SpokenProduction><Writing>A2</Writing>
            </ProficiencyLevel>
          </ForeignLanguage>
        </ForeignLanguageList>
      </Linguistic>
    </Skills>
  </LearnerInfo>
</SkillsPassport>
"#;

#[test]
fn a_skills_passport_imports_with_per_skill_levels() {
    let ws = empty_workspace();
    let file = ws.path().join("cv.xml");
    write(&file, SKILLS_PASSPORT);
    let out = dossier(
        ws.path(),
        &["import", "europass", file.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let yaml =
        std::fs::read_to_string(ws.path().join("profiles/kadri-kask.yaml")).expect("profile");
    assert!(
        yaml.contains(
            "- id: de\n  name: German\n  level: B1\n  levels:\n    listening: B2\n    reading: C1\n    writing: A2\n"
        ),
        "{yaml}"
    );
    assert!(
        yaml.contains("- id: et\n  name: Estonian\n  level: native\n"),
        "{yaml}"
    );
    assert!(yaml.contains("organization: Statistikaamet"), "{yaml}");
    let posting = std::fs::read_to_string(ws.path().join("profiles/kadri-kask/example.yaml"))
        .expect("starter posting");
    assert!(posting.contains("position: \"Data analyst\""), "{posting}");
    let out = dossier_on(ws.path(), EPOCH, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let built = europass_workspace();
    let (_, cv) = build(built.path(), &[]);
    let letter = pdfs_under(&built.path().join("output/mari/e-estonia-architect"))
        .into_iter()
        .find(|p| !p.to_string_lossy().contains("_CV_"))
        .expect("a letter");
    let ws = empty_workspace();
    write(
        &ws.path().join("notes.txt"),
        "Mari Maasikas, product owner\n",
    );
    write(
        &ws.path().join("other.xml"),
        "<?xml version=\"1.0\"?><resume xmlns=\"http://example.com/cv\"><name>X</name></resume>",
    );
    let letter_arg = letter.to_str().expect("utf-8").to_string();
    let notes = ws.path().join("notes.txt").to_string_lossy().into_owned();
    let other = ws.path().join("other.xml").to_string_lossy().into_owned();
    let cases: [(&str, &str); 3] = [
        (&notes, "notes.txt: not XML"),
        (
            &other,
            "other.xml: not a Europass CV: the root element is <resume> in http://example.com/cv",
        ),
        (
            &letter_arg,
            "the PDF carries no Europass XML (0 embedded file(s)",
        ),
    ];
    for (file, want) in cases {
        let out = dossier(ws.path(), &["import", "europass", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(stderr(&out).contains(want), "{file}: {}", stderr(&out));
        assert!(
            files_under(&ws.path().join("profiles")).is_empty(),
            "{file}: something was written"
        );
    }
    assert!(cv.exists());
}
