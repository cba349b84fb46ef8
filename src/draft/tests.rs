//! Evidence suggested against the example profile, `profiles/mari.yaml`,
//! for requirement lines written the way Estonian and English postings
//! write them.

use std::path::Path;

use proptest::prelude::*;

use super::evidence::{Suggestion, order_experience, suggest};
use crate::load::yaml::parse;
use crate::model::Lang;
use crate::model::profile::Profile;

fn mari() -> Profile {
    parse(
        include_str!("../../profiles/mari.yaml"),
        Path::new("profiles/mari.yaml"),
    )
    .unwrap()
}

/// Parsed once for the property test's many cases.
static MARI: std::sync::LazyLock<Profile> = std::sync::LazyLock::new(mari);

fn refs(s: &[Suggestion]) -> Vec<&str> {
    s.iter().map(|s| s.reference.as_str()).collect()
}

fn et(line: &str) -> Vec<Suggestion> {
    let s = suggest(&mari(), line, Lang::Et);
    assert!(s.len() <= 3, "{line}: {s:?}");
    s
}

#[test]
fn a_language_is_answered_by_that_language() {
    let s = et("Eesti keele oskus C1");
    assert_eq!(refs(&s), ["languages.et"]);
    assert_eq!(s[0].why, "C1 asked, native in the profile");
    let s = et("Väga hea eesti keele oskus (C1) ja inglise keele oskus (B2)");
    assert_eq!(refs(&s), ["languages.et", "languages.en"]);
    // Named by the English name too, and below the level asked.
    let s = suggest(&mari(), "Russian at B2 level", Lang::En);
    assert_eq!(refs(&s), ["languages.ru"]);
    assert!(s[0].why.contains("only B1"), "{s:?}");
    // Not in the profile: an honest gap, not the nearest word match.
    assert!(et("Läti keele oskus B1").is_empty());
}

#[test]
fn any_foreign_language_is_the_best_foreign_one() {
    let s = et("vähemalt ühe võõrkeele oskus B2");
    assert_eq!(refs(&s), ["languages.en"]);
    assert_eq!(s[0].why, "B2 asked, C1 in the profile");
}

#[test]
fn years_are_answered_by_the_jobs_of_the_field() {
    let s = et("sul on vähemalt kaheaastane IT-projektijuhtimise kogemus;");
    assert_eq!(refs(&s), ["experience.pank"]);
    assert!(s[0].why.contains("2 years asked"), "{s:?}");
    assert!(s[0].why.contains("projektijuhtimise"), "{s:?}");
    // The field matches no job: the longest-running ones, until they cover
    // the years asked (TEHIK, ongoing since 2022-03, then Emajõe, 4 years
    // 5 months).
    let s = et("vähemalt 7-aastane kaevandamise töökogemus");
    assert_eq!(refs(&s), ["experience.tehik", "experience.emajoe"]);
    assert!(s[1].why.contains("a long job"), "{s:?}");
}

#[test]
fn education_is_answered_highest_degree_first() {
    let s = et("kõrgharidus");
    assert_eq!(refs(&s), ["education.taltech", "education.ut"]);
    assert!(s[0].why.starts_with("higher education asked"), "{s:?}");
}

#[test]
fn other_lines_are_answered_by_shared_words() {
    // X-tee in another case; the highlight, not its whole job.
    let s = et("X-teega liidestatud infosüsteemide arhitektuuri tundmine");
    let r = refs(&s);
    assert!(r.contains(&"experience.mkm.highlights.xroad"), "{s:?}");
    assert!(r.contains(&"skills.architecture"), "{s:?}");
    assert!(!r.contains(&"experience.mkm"), "{s:?}");
    assert!(s.iter().all(|s| s.why.starts_with("shares: ")), "{s:?}");
    // A compound's head: "riigihangete" / "IT-riigihanked".
    let s = et("Riigihangete alased teadmised");
    assert_eq!(
        refs(&s),
        [
            "experience.mkm.highlights.procurement",
            "skills.procurement"
        ]
    );
    // English texts of the profile for an English line.
    let s = suggest(&mari(), "Experience with Jira and Confluence", Lang::En);
    assert_eq!(refs(&s)[0], "skills.jira");
}

#[test]
fn traits_get_nothing() {
    // Threshold: no item is evidence of a trait. "koostöövalmis" shares
    // only a compound's first part with "koostöös" (a project) and
    // "koostöövõrgustiku" (a highlight): too little.
    assert!(et("oled sõbralik ja koostöövalmis").is_empty());
    assert!(et("oled koostöövalmis, avatud, paindlik ja sõbralik.").is_empty());
    // "meeskonna-" is only the first part of "meeskonnamängija".
    assert!(et("Oled iseseisev, kuid meeskonnamängija").is_empty());
    assert!(et("").is_empty());
    assert!(et("kogemus, oskus, teadmised").is_empty());
}

#[test]
fn the_relevant_job_comes_first() {
    let p = mari();
    let ids: Vec<String> = p.experience.iter().map(|e| e.id.value.clone()).collect();
    let order = order_experience(
        &p,
        &[
            "vähemalt kaheaastane IT-projektijuhtimise kogemus",
            "projektide eelarvete koostamine ja jälgimine",
            "ITIL-i põhimõtete tundmine",
        ],
        Lang::Et,
    );
    assert_eq!(order[0], "pank");
    let mut sorted = order.clone();
    sorted.sort();
    let mut all = ids.clone();
    all.sort();
    assert_eq!(sorted, all, "every job once");
    // Nothing answered: the profile's order.
    assert_eq!(order_experience(&p, &["oled sõbralik"], Lang::Et), ids);
    assert_eq!(order_experience(&p, &[], Lang::En), ids);
    let order = order_experience(&p, &["X-Road data exchange and interoperability"], Lang::En);
    assert_eq!(order[0], "mkm");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics(line in "\\PC{0,80}", words in prop::collection::vec("[a-zA-ZõäöüšžÕÄÖÜ0-9 -]{0,30}", 0..4)) {
        let p = &*MARI;
        for lang in Lang::ALL {
            let s = suggest(p, &line, lang);
            prop_assert!(s.len() <= 3);
            let joined = words.join(" ");
            let _ = suggest(p, &joined, lang);
            let lines: Vec<&str> = words.iter().map(String::as_str).chain([line.as_str()]).collect();
            prop_assert_eq!(order_experience(p, &lines, lang).len(), p.experience.len());
        }
    }
}
