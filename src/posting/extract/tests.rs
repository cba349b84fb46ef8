//! Tests of `extract`.

use super::*;

fn ex(text: &str) -> Extracted {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    extract(&lines, Date::ymd(2025, 12, 1))
}

fn req_texts(e: &Extracted) -> Vec<(&str, bool)> {
    e.requirements
        .iter()
        .map(|r| (r.value.text.as_str(), r.value.optional))
        .collect()
}

#[test]
fn a_small_estonian_posting() {
    let e = ex(
        "# Otsime IT-projektijuhti\n\nEesti Muuseum ootab oma meeskonda IT-projektijuhti. IT-projektijuht juhib.\n\nSinu ülesanded:\n- projektide\njuhtimine;\n\nOotame sinult:\n• kõrgharidust;\n• vähemalt 2-aastast kogemust.\n\nKasuks tuleb Jira tundmine.\n\nPakume:\n- head palka\n\nCV saata hiljemalt 15. jaanuariks aadressil mari@muuseum.ee.",
    );
    assert_eq!(e.language, Lang::Et);
    assert_eq!(e.position.as_ref().unwrap().value, "IT-projektijuht");
    assert_eq!(e.organization.as_ref().unwrap().value, "Eesti Muuseum");
    assert_eq!(e.deadline.as_ref().unwrap().value, Date::ymd(2026, 1, 15));
    assert_eq!(e.duties[0].value, "projektide juhtimine;");
    assert_eq!(
        req_texts(&e),
        [
            ("kõrgharidust;", false),
            ("vähemalt 2-aastast kogemust.", false),
            ("Kasuks tuleb Jira tundmine.", true)
        ]
    );
    assert_eq!(e.requirements[0].line, 10);
    assert_eq!(
        e.contacts[0].value.email.as_deref(),
        Some("mari@muuseum.ee")
    );
}

#[test]
fn an_english_posting() {
    let e = ex(
        "# Backend Engineer at Acme OÜ\n\n## Requirements\n- 5+ years of experience with Rust\n- Knowledge of SQL\n\n## Nice to have\n- Kafka\n\n## Apply\nApply by December 29, 2025.",
    );
    assert_eq!(e.language, Lang::En);
    assert_eq!(e.position.as_ref().unwrap().value, "Backend Engineer");
    assert_eq!(e.organization.as_ref().unwrap().value, "Acme OÜ");
    assert_eq!(e.deadline.as_ref().unwrap().value, Date::ymd(2025, 12, 29));
    assert_eq!(
        req_texts(&e),
        [
            ("5+ years of experience with Rust", false),
            ("Knowledge of SQL", false),
            ("Kafka", true)
        ]
    );
}

#[test]
fn a_mislabelled_list_reads_by_its_meaning() {
    let e = ex(
        "Tööülesanded:\n- vähemalt 3-aastane kogemus\n- hea eesti keele oskus\n- teadmisi SQL-ist\n\nPakume:\n- koolitusi\n- head palka\n- sõbralikku meeskonda",
    );
    assert_eq!(e.requirements.len(), 3);
    assert!(e.duties.is_empty());
}

#[test]
fn labelled_requirement_lines() {
    let e = ex(
        "Tere!\n\nNõuded: kõrgharidus ja 3 aastat kogemust\n\nKasuks tuleb: Jira tundmine\n\nTähtaeg: 1.1.2026",
    );
    assert_eq!(
        req_texts(&e),
        [
            ("kõrgharidus ja 3 aastat kogemust", false),
            ("Jira tundmine", true)
        ]
    );
}

#[test]
fn requirements_without_a_heading() {
    let e = ex(
        "Tule meile!\n\n- vähemalt 3-aastane kogemus\n- hea eesti keele oskus\n- teadmisi SQL-ist\n- täpsus",
    );
    assert_eq!(e.requirements.len(), 4);
}

#[test]
fn first_level_sections_after_the_title() {
    let e = ex("# Analüütik\n\n# Nõuded\n\n- kõrgharidus\n\n# Pakume\n\n- palka");
    assert_eq!(req_texts(&e), [("kõrgharidus", false)]);
    assert_eq!(e.position.unwrap().value, "Analüütik");
}
