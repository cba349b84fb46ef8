//! Unit tests of the merge: selection, order, overrides, defaults and the
//! errors for ids that do not exist.

use std::path::Path;

use super::*;
use crate::load::yaml::parse;
use crate::model::tailoring::Tailoring;

const PROFILE: &str = r#"
name: Mari Maasikas
headline: {et: Tooteomanik, en: Product owner}
summary: {et: Kokkuvõte, en: Summary}
contact: {email: mari@example.ee, location: "Tallinn, Eesti"}
experience:
  - id: old
    organization: Vana OÜ
    role: {et: Arendaja, en: Developer}
    start: 2010-01
    end: 2014-12
    tags: [dev]
    highlights:
      - {id: a, text: Tegin A, tags: [dev]}
      - {id: b, text: Tegin B, tags: [lead]}
  - id: now
    organization: TEHIK
    role: {et: Tooteomanik, en: Product owner}
    start: 2020-03
    tags: [lead]
    highlights:
      - {id: x, text: X}
      - {id: y, text: Y}
  - id: mid
    organization: Pank
    role: Projektijuht
    start: 2015-01
    end: 2019-12
skills:
  - {id: rust, name: Rust, category: Keeled, tags: [dev]}
  - {id: scrum, name: Scrum, category: Meetodid, tags: [lead]}
  - {id: sql, name: SQL, category: Keeled}
languages:
  - {id: et, name: {et: eesti keel, en: Estonian}, level: native}
  - {id: en, name: {et: inglise keel, en: English}, level: c1}
"#;

fn profile() -> Profile {
    parse(PROFILE, Path::new("profiles/mari.yaml")).unwrap()
}

fn merge(tailoring: &str) -> Result<Context, Diagnostics> {
    let t: Tailoring = parse(tailoring, Path::new("profiles/mari/p.yaml")).unwrap();
    let src = Sources {
        root: Path::new("/nonexistent"),
        candidate_id: "mari",
        posting_id: "p",
        profile_file: Path::new("profiles/mari.yaml"),
        tailoring_file: Path::new("profiles/mari/p.yaml"),
    };
    tailor(&profile(), &t, &src, Date::ymd(2025, 9, 30)).map(|t| t.context)
}

const HEAD: &str = "language: et\nposting: {organization: SMIT, position: Tooteomanik, contact: {name: Kati Kask}}\n";

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| id(i).to_string()).collect()
}

#[test]
fn omitted_selection_means_all_newest_first() {
    let ctx = merge(HEAD).unwrap();
    assert_eq!(ids(&ctx.cv.experience, |e| &e.id), ["now", "mid", "old"]);
    assert_eq!(ctx.cv.experience[0].dates, "märts 2020 – praegu");
    assert_eq!(ids(&ctx.cv.skills, |s| &s.id), ["rust", "scrum", "sql"]);
    assert_eq!(ctx.cv.experience[2].highlights, ["Tegin A", "Tegin B"]);
    let sections: Vec<&str> = ctx.cv.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["summary", "experience", "skills", "languages"]);
}

#[test]
fn explicit_ids_select_and_order() {
    let ctx = merge(&format!(
        "{HEAD}cv:\n  experience: [old, now]\n  highlights: {{old: [b]}}\n  skills: [sql, rust]\n  sections: [experience, summary]\n"
    ))
    .unwrap();
    assert_eq!(ids(&ctx.cv.experience, |e| &e.id), ["old", "now"]);
    assert_eq!(ctx.cv.experience[0].highlights, ["Tegin B"]);
    assert_eq!(ctx.cv.experience[1].highlights, ["X", "Y"]);
    assert_eq!(ids(&ctx.cv.skills, |s| &s.id), ["sql", "rust"]);
    assert_eq!(ctx.cv.skill_groups.len(), 1, "both skills are in Keeled");
    assert_eq!(ids(&ctx.cv.sections, |s| &s.id), ["experience", "summary"]);
}

#[test]
fn tags_select_items_and_their_highlights() {
    let ctx = merge(&format!("{HEAD}cv:\n  tags: [lead]\n")).unwrap();
    // `old` matches through its highlight `b`; `mid` has no tags.
    assert_eq!(ids(&ctx.cv.experience, |e| &e.id), ["now", "old"]);
    assert_eq!(ctx.cv.experience[1].highlights, ["Tegin B"]);
    // `now` has highlights without tags: none match, so all are kept.
    assert_eq!(ctx.cv.experience[0].highlights, ["X", "Y"]);
    assert_eq!(ids(&ctx.cv.skills, |s| &s.id), ["scrum"]);
}

#[test]
fn overrides_and_defaults() {
    let ctx = merge(&format!(
        "{HEAD}cv: {{headline: Üldkomponentide omanik}}\nletter: {{body: Tere}}\n"
    ))
    .unwrap();
    assert_eq!(ctx.cv.headline, "Üldkomponentide omanik");
    assert_eq!(ctx.cv.summary, "Kokkuvõte");
    assert_eq!(ctx.letter.salutation, "Lugupeetud Kati Kask");
    assert_eq!(ctx.letter.closing, "Lugupidamisega");
    assert_eq!(ctx.letter.date, "30. september 2025");
    assert_eq!(ctx.letter.place, "Tallinn");
    assert_eq!(ctx.letter.subject, "Kandideerimine ametikohale Tooteomanik");
    assert_eq!(ctx.letter.timestamp, Date::ymd(2025, 9, 30).unix_seconds());
    assert_eq!(
        ctx.cv.languages[1].level_label,
        "C1 – vilunud keelekasutaja"
    );
    let en = merge("language: en\nposting: {organization: RIA, position: Architect}\n").unwrap();
    assert_eq!(en.cv.headline, "Product owner");
    assert_eq!(en.letter.salutation, "Dear Hiring Manager,");
    assert_eq!(en.letter.closing, "Kind regards");
    assert_eq!(en.cv.experience[0].dates, "Mar 2020 – present");
}

#[test]
fn unknown_ids_are_reported_with_line_and_known_ids() {
    let err = merge(&format!(
        "{HEAD}cv:\n  experience: [now, nwo]\n  highlights: {{now: [z]}}\n  skills: [rust, go]\nrequirements:\n  - text: Eesti keel\n    evidence: [languages.fi, experience.old.highlights.q]\n"
    ))
    .unwrap_err();
    let all = err.to_string();
    assert_eq!(err.0.len(), 5, "{all}");
    assert!(all.contains("profiles/mari/p.yaml:4:21: cv.experience[1]: unknown experience id \"nwo\"; did you mean \"now\"?; known: old, now, mid"), "{all}");
    assert!(
        all.contains(":5:") && all.contains("\"z\"") && all.contains("known: x, y"),
        "{all}"
    );
    assert!(
        all.contains(":6:") && all.contains("unknown skill id \"go\"; known: rust, scrum, sql"),
        "{all}"
    );
    assert!(
        all.contains(":9:") && all.contains("unknown language id \"fi\"; known: et, en"),
        "{all}"
    );
    assert!(
        all.contains("\"q\"") && all.contains("known: a, b"),
        "{all}"
    );
}

#[test]
fn repeated_ids_and_unknown_sections_are_errors() {
    let err = merge(&format!(
        "{HEAD}cv:\n  experience: [now, now]\n  sections: [summary, hobbies]\n"
    ))
    .unwrap_err();
    let all = err.to_string();
    assert!(all.contains("listed twice"), "{all}");
    assert!(
        all.contains("unknown section \"hobbies\"") && all.contains("references"),
        "{all}"
    );
}

#[test]
fn missing_translation_names_the_field_unless_there_is_a_fallback() {
    let err = merge(&format!("{HEAD}cv:\n  headline: {{en: Only English}}\n")).unwrap_err();
    let all = err.to_string();
    assert!(
        all.contains("profiles/mari/p.yaml:4:13: cv.headline: missing `et` translation (has: en)"),
        "{all}"
    );
    let with_fallback = PROFILE.to_string() + "fallback_language: en\n";
    let p: Profile = parse(&with_fallback, Path::new("profiles/mari.yaml")).unwrap();
    let t: Tailoring = parse(
        &format!("{HEAD}cv:\n  headline: {{en: Only English}}\n"),
        Path::new("p.yaml"),
    )
    .unwrap();
    let src = Sources {
        root: Path::new("/"),
        candidate_id: "mari",
        posting_id: "p",
        profile_file: Path::new("profiles/mari.yaml"),
        tailoring_file: Path::new("p.yaml"),
    };
    assert_eq!(
        tailor(&p, &t, &src, Date::ymd(2025, 1, 1))
            .unwrap()
            .context
            .cv
            .headline,
        "Only English"
    );
}

#[test]
fn profile_checks_find_duplicates_and_reversed_dates() {
    let bad = PROFILE
        .replace("id: mid", "id: old")
        .replace("end: 2019-12", "end: 2014-06");
    let p: Profile = parse(&bad, Path::new("profiles/mari.yaml")).unwrap();
    let all = check_profile(&p, Path::new("profiles/mari.yaml")).to_string();
    assert!(
        all.contains("duplicate id \"old\" in `experience` (first at line 7)"),
        "{all}"
    );
    assert!(all.contains("end 2014-06 is before start 2015-01"), "{all}");
}

#[test]
fn evidence_is_described_and_marked_when_not_shown() {
    let ctx = merge(&format!(
        "{HEAD}cv:\n  experience: [now]\nrequirements:\n  - text: Juhtimine\n    evidence: [experience.now.highlights.x, experience.old]\n"
    ))
    .unwrap();
    let ev = &ctx.requirements[0].evidence;
    assert_eq!(ev[0].label, "Tooteomanik, TEHIK: X");
    assert!(ev[0].in_cv);
    assert!(!ev[1].in_cv, "job `old` is not in this CV");
}
