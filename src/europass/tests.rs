//! The writer's output parsed back, and both formats read into profiles.

use std::path::Path;

use roxmltree::Document;

use super::{NS, NS_EURES, NS_HR, NS_OA, read, to_xml};
use crate::model::Date;
use crate::tailor::Context;

/// The example's Estonian posting, with `layout` europass.
fn context(posting: &str) -> Context {
    let profile = include_str!("../../profiles/mari.yaml");
    let tailoring = match posting {
        "et" => include_str!("../../profiles/mari/sotsiaalkindlustusamet-komponendid.yaml"),
        _ => include_str!("../../profiles/mari/e-estonia-architect.yaml"),
    }
    .replace("layout: classic", "layout: europass");
    crate::build::merge::merge_texts(
        Path::new("/nonexistent-workspace"),
        (profile, Path::new("profiles/mari.yaml")),
        (&tailoring, Path::new("profiles/mari/p.yaml")),
        ("mari", "p"),
        Date::ymd(2026, 11, 1),
    )
    .map_err(|d| d.to_string())
    .expect("the example merges")
    .context
}

fn all<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

#[test]
fn the_xml_parses_back_in_the_europass_namespaces() {
    let xml = to_xml(&context("et"));
    let doc = Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "Candidate");
    assert_eq!(root.tag_name().namespace(), Some(NS));
    assert_eq!(root.lookup_namespace_uri(Some("hr")), Some(NS_HR));
    assert_eq!(root.lookup_namespace_uri(Some("oa")), Some(NS_OA));
    assert_eq!(root.lookup_namespace_uri(Some("eures")), Some(NS_EURES));
    // The order the documentation gives.
    let top: Vec<&str> = root
        .children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name())
        .collect();
    assert_eq!(
        top,
        [
            "DocumentID",
            "CandidateSupplier",
            "CandidatePerson",
            "CandidateProfile"
        ]
    );
    let given = all(&doc, "GivenName")[0];
    assert_eq!(given.tag_name().namespace(), Some(NS_OA));
    assert_eq!(given.text(), Some("Mari"));
    assert_eq!(all(&doc, "FamilyName")[0].text(), Some("Maasikas"));
    let primary = all(&doc, "PrimaryLanguageCode");
    assert_eq!(primary.len(), 1);
    assert_eq!(primary[0].text(), Some("est"));
    assert_eq!(primary[0].attribute("name"), Some("NORMAL"));
    let profile = all(&doc, "CandidateProfile")[0];
    assert_eq!(profile.attribute("languageCode"), Some("et"));
    // Estonian letters survive, and escaping is right.
    let employers: Vec<String> = all(&doc, "EmployerHistory")
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.tag_name().name() == "OrganizationName")
        })
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    assert!(
        employers.iter().any(|e| e.contains("Sõnajalg OÜ")),
        "{employers:?}"
    );
    let period = all(&doc, "EmploymentPeriod")[0];
    assert_eq!(period.tag_name().namespace(), Some(NS_EURES));
    assert_eq!(
        all(&doc, "FormattedDateTime")[0].text(),
        Some("2022-03"),
        "the newest job first"
    );
}

#[test]
fn every_foreign_language_has_the_five_cefr_dimensions() {
    let doc_text = to_xml(&context("en"));
    let doc = Document::parse(&doc_text).expect("well-formed XML");
    let languages: Vec<_> = all(&doc, "PersonCompetency")
        .into_iter()
        .filter(|c| {
            c.children()
                .any(|n| n.tag_name().name() == "TaxonomyID" && n.text() == Some("language"))
        })
        .collect();
    let mut seen = Vec::new();
    for l in languages {
        let id = l
            .children()
            .find(|n| n.tag_name().name() == "CompetencyID")
            .and_then(|n| n.text())
            .expect("CompetencyID");
        let dims: Vec<(String, String)> = l
            .children()
            .filter(|n| n.tag_name().name() == "CompetencyDimension")
            .map(|d| {
                let text = |name: &str| {
                    d.descendants()
                        .find(|n| n.tag_name().name() == name)
                        .and_then(|n| n.text())
                        .unwrap_or_default()
                        .to_string()
                };
                (text("CompetencyDimensionTypeCode"), text("ScoreText"))
            })
            .collect();
        let codes: Vec<&str> = dims.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "CEF-Understanding-Listening",
                "CEF-Understanding-Reading",
                "CEF-Speaking-Interaction",
                "CEF-Speaking-Production",
                "CEF-Writing-Production"
            ]
        );
        let scores: Vec<&str> = dims.iter().map(|(_, s)| s.as_str()).collect();
        seen.push((id.to_string(), scores.join(" ")));
    }
    // English: C1 with listening, reading C2 and writing B2 given; Finnish
    // A2 throughout.
    assert!(
        seen.contains(&("eng".into(), "C2 C2 C1 C1 B2".into())),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("rus".into(), "B2 B1 B1 A2 A2".into())),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("fin".into(), "A2 A2 A2 A2 A2".into())),
        "{seen:?}"
    );
    assert!(
        !seen.iter().any(|(id, _)| id == "est"),
        "a mother tongue is not foreign"
    );
}

#[test]
fn the_same_context_gives_the_same_bytes() {
    assert_eq!(to_xml(&context("et")), to_xml(&context("et")));
}

#[test]
fn the_xml_reads_back_as_a_profile() {
    let imported = read::convert_xml(&to_xml(&context("en"))).expect("imports");
    let y = &imported.yaml;
    assert_eq!(imported.name, "Mari Maasikas");
    for want in [
        "organization: Health and Welfare Information Systems Centre (TEHIK)",
        "start: 2022-03",
        "phone: +372 5555 1234",
        "**TARA**",
        "level: native",
    ] {
        assert!(y.contains(want), "{want} missing from\n{y}");
    }
    assert!(
        y.contains("levels:\n    listening: C2\n    reading: C2\n    writing: B2"),
        "{y}"
    );
}

const LEGACY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="et">
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName>Jüri</FirstName><Surname>Õunapuu</Surname></PersonName>
      <ContactInfo>
        <Email><Contact>juri@example.ee</Contact></Email>
        <TelephoneList><Telephone><Contact>+372 5000 0000</Contact></Telephone></TelephoneList>
      </ContactInfo>
    </Identification>
    <Headline><Description><Label>Tarkvaraarendaja</Label></Description></Headline>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2019" month="--04"/><Current>true</Current></Period>
        <Position><Label>Arendaja</Label></Position>
        <Activities>&lt;p&gt;Java &amp;amp; Kotlin&lt;/p&gt;&lt;ul&gt;&lt;li&gt;X-tee liidesed&lt;/li&gt;&lt;/ul&gt;</Activities>
        <Employer><Name>Põld &amp; Partnerid OÜ</Name></Employer>
      </WorkExperience>
    </WorkExperienceList>
    <EducationList>
      <Education>
        <Period><From year="2012"/><To year="2015" month="--06"/></Period>
        <Title>BSc informaatika</Title>
        <Organisation><Name>Tartu Ülikool</Name></Organisation>
      </Education>
    </EducationList>
    <Skills>
      <Linguistic>
        <MotherTongueList>
          <MotherTongue><Description><Code>et</Code><Label>eesti keel</Label></Description></MotherTongue>
        </MotherTongueList>
        <ForeignLanguageList>
          <ForeignLanguage>
            <Description><Code>en</Code><Label>inglise keel</Label></Description>
            <ProficiencyLevel>
              <Listening>C1</Listening><Reading>C2</Reading><SpokenInteraction>B2</SpokenInteraction>
              <SpokenProduction>B2</SpokenProduction><Writing>B1</Writing>
            </ProficiencyLevel>
          </ForeignLanguage>
        </ForeignLanguageList>
      </Linguistic>
    </Skills>
  </LearnerInfo>
</SkillsPassport>
"#;

#[test]
fn a_skills_passport_imports_with_its_cefr_grid() {
    let imported = read::convert_xml(LEGACY).expect("imports");
    let y = &imported.yaml;
    assert_eq!(imported.name, "Jüri Õunapuu");
    assert_eq!(imported.headline.as_deref(), Some("Tarkvaraarendaja"));
    for want in [
        "organization: Põld & Partnerid OÜ",
        "role: Arendaja",
        "start: 2019-04",
        "summary: Java & Kotlin",
        "text: X-tee liidesed",
        "institution: Tartu Ülikool",
        "end: 2015-06",
        "id: et\n  name: eesti keel\n  level: native",
        "id: en\n  name: inglise keel\n  level: B2\n  levels:\n    listening: C1\n    reading: C2\n    writing: B1",
    ] {
        assert!(y.contains(want), "{want} missing from\n{y}");
    }
}

#[test]
fn other_documents_are_refused_by_name() {
    let e = read::convert_xml("{\"basics\": {}}")
        .err()
        .expect("not XML");
    assert!(e.to_string().starts_with("not XML:"), "{e}");
    let e = read::convert_xml("<resume xmlns=\"http://example.com/cv\"><name>X</name></resume>")
        .err()
        .expect("another XML");
    assert!(
        e.to_string()
            .contains("not a Europass CV: the root element is <resume> in http://example.com/cv"),
        "{e}"
    );
    let e = read::convert_xml(&format!("<Candidate xmlns=\"{NS}\"/>"))
        .err()
        .expect("no name");
    assert!(e.to_string().contains("no name"), "{e}");
}
