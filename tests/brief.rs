//! The brief per application (`output/<candidate>/<posting>/README.md`):
//! written by `build` from the tailoring file's `strategy:` and what the tool
//! knows, fingerprinted like a document, listed in the manifest; `list`
//! shows the open checklist items. Real binary, real typst.

mod common;

use std::path::Path;

use common::*;

/// 2026-11-25 00:00 UTC: the deadlines of the example are days away.
const TODAY: &str = "1795564800";

fn build(ws: &Path, args: &[&str]) -> std::process::Output {
    dossier_on(ws, TODAY, args)
}

fn brief(ws: &Path, posting: &str) -> String {
    std::fs::read_to_string(ws.join(format!("output/mari/{posting}/README.md"))).expect("brief")
}

fn manifest(ws: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(ws.join("output/manifest.json")).expect("read"))
        .expect("json")
}

#[test]
fn the_brief_holds_the_strategy_the_coverage_and_the_files_in_the_postings_language() {
    let ws = example_workspace();
    let ws = ws.path();
    let out = build(ws, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let b = brief(ws, "sotsiaalkindlustusamet-komponendid");
    // The posting's facts, with the days left until the deadline (7 December).
    assert!(
        b.starts_with("# Üldkomponentide omanik — Sotsiaalkindlustusamet\n"),
        "{b}"
    );
    assert!(
        b.contains("| Tähtaeg | 7. detsember 2026 (12 päeva jäänud) |"),
        "{b}"
    );
    assert!(b.contains("| Viide | SKA-2026-041 |"), "{b}");
    assert!(
        b.contains("Kati Karu, Personalispetsialist, kati.karu@example.ee"),
        "{b}"
    );
    // `contacts:` beside the single `contact:`: both listed.
    assert!(
        b.contains("Andres Allik, Üldkomponentide tiimi juht, andres.allik@example.ee"),
        "{b}"
    );
    // The applicant's strategy, each part under its heading.
    for heading in [
        "## Organisatsioon ja ametikoht",
        "## Vastutus",
        "## Oodatav areng",
        "## Kuidas end positsioneerida",
        "## Tugevused",
        "## Arenguvaldkonnad",
        "## Riskide maandamine",
        "## Põhisõnumid",
        "## Palk",
        "## Intervjuuks",
        "## Nõuded ja tõendid",
        "## Kompetentsid",
        "## Kontrolli tulemused",
        "## Järgmised sammud",
        "## Failid",
    ] {
        assert!(b.contains(heading), "{heading} missing in:\n{b}");
    }
    assert!(
        b.contains("- **4 kuud:** Olen kõigi nelja komponendi omanik"),
        "{b}"
    );
    assert!(
        b.contains("1. **Sees olev inimene**\n   - Tunnen komponente"),
        "{b}"
    );
    assert!(b.contains("- **Soovitud:** 3300 €"), "{b}");
    assert!(
        b.contains("- [x] CV ja kiri läbi lugeda (2026-11-20)"),
        "{b}"
    );
    assert!(
        b.contains("- [ ] Küsida Kati Karult kaugtöö võimaluste kohta"),
        "{b}"
    );
    // The coverage table: one row per requirement, evidence by reference.
    assert!(
        b.contains("| ✓ | Eesti keele oskus vähemalt tasemel C1. | `languages.et`"),
        "{b}"
    );
    // The competences the post asks for, with the items carrying them.
    assert!(
        b.contains("- ✓ **E.2** Projektijuhtimine ja -portfelli haldamine: `experience.tehik`"),
        "{b}"
    );
    // The files, with their pages as the PDFs have them.
    let dir = ws.join("output/mari/sotsiaalkindlustusamet-komponendid");
    for (name, label) in [
        ("Mari_Maasikas_CV_SKA.pdf", "CV"),
        (
            "Mari_Maasikas_Motivatsioonikiri_SKA.pdf",
            "Motivatsioonikiri",
        ),
    ] {
        let row = format!(
            "| {label} | [{name}]({name}) | {} |",
            pages(&dir.join(name))
        );
        assert!(b.contains(&row), "{row} missing in:\n{b}");
    }

    // English posting, English headings; its strategy is in English too.
    let en = brief(ws, "e-estonia-architect");
    assert!(en.contains("## How to position myself"), "{en}");
    assert!(
        en.contains("| Deadline | 10 January 2027 (46 days left) |"),
        "{en}"
    );
    assert!(
        en.contains("## Competences (IT manager, EstQF Level 7: IT development manager, level 7)"),
        "{en}"
    );

    // Listed in the manifest, one per posting.
    let m = manifest(ws);
    let briefs = m["briefs"].as_array().expect("briefs");
    assert_eq!(briefs.len(), 4, "{briefs:?}");
    assert!(briefs.iter().all(|b| b["status"] == "built"), "{briefs:?}");
}

#[test]
fn an_unchanged_brief_is_not_rewritten_and_a_strategy_edit_rewrites_only_the_brief() {
    let ws = example_workspace();
    let ws = ws.path();
    assert!(build(ws, &["build"]).status.success());
    let file = ws.join("output/mari/ringist-valja/README.md");
    let before = std::fs::metadata(&file)
        .expect("brief")
        .modified()
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));

    let out = build(ws, &["--message-format", "json", "build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::metadata(&file)
            .expect("brief")
            .modified()
            .expect("mtime"),
        before
    );
    assert!(
        stdout(&out)
            .lines()
            .any(|l| l.contains("\"event\":\"brief\"")
                && l.contains("ringist-valja")
                && l.contains("\"status\":\"up-to-date\"")),
        "{}",
        stdout(&out)
    );

    // A strategy edit changes the brief only: no document is rebuilt.
    let tailoring = ws.join("profiles/mari/ringist-valja.yaml");
    let text = std::fs::read_to_string(&tailoring).expect("read");
    let edited = text.replace(
        "    desired: 3200 € kuus (bruto), nagu kirjas.",
        "    desired: 3300 € kuus (bruto).",
    );
    assert_ne!(edited, text, "the example's desired salary line moved");
    write(&tailoring, &edited);
    let out = build(ws, &["--message-format", "json", "build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let so = stdout(&out);
    assert!(so.contains("\"built\":0"), "{so}");
    assert!(brief(ws, "ringist-valja").contains("- **Soovitud:** 3300 € kuus (bruto)."));
}

#[test]
fn list_shows_the_open_checklist_items() {
    let ws = example_workspace();
    let out = build(ws.path(), &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let so = stdout(&out);
    assert!(
        so.lines().next().is_some_and(|h| h.contains("OPEN")),
        "{so}"
    );
    let line = so
        .lines()
        .find(|l| l.starts_with("mari/sotsiaalkindlustusamet-komponendid "))
        .expect("a line for the posting");
    // Two of its three checklist items are open; the first is shown.
    assert!(
        line.contains("  2  Üldkomponentide omanik — Küsida Kati Karult kaugtöö võimaluste kohta"),
        "{line}"
    );
}

#[test]
fn a_posting_without_strategy_still_gets_a_brief_with_what_the_tool_knows() {
    let ws = empty_workspace();
    let ws = ws.path();
    write(
        &ws.join("profiles/ann.yaml"),
        "name: Ann Tamm\nexperience:\n  - {id: a, organization: ACME, role: Arendaja, start: 2019-01}\nlanguages:\n  - {id: et, name: eesti keel, level: native}\n",
    );
    write(
        &ws.join("profiles/ann/acme.yaml"),
        "language: et\nposting: {organization: ACME AS, position: Arendaja, deadline: 2026-11-27}\nletter:\n  date: 2026-11-24\n  body: Kandideerin ACME AS-i arendaja ametikohale.\nrequirements:\n  - text: Eesti keele oskus vähemalt C1\n    evidence: [languages.et]\n  - text: Python\n    evidence: []\n",
    );
    let out = build(ws, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let b = std::fs::read_to_string(ws.join("output/ann/acme/README.md")).expect("brief");
    assert!(b.starts_with("# Arendaja — ACME AS"), "{b}");
    assert!(b.contains("(2 päeva jäänud)"), "{b}");
    assert!(b.contains("| ✗ | Python | **puudub** |"), "{b}");
    // check's findings are in it: the deadline is near.
    assert!(b.contains("- **märkus:** profiles/ann/acme.yaml:2:"), "{b}");
    assert!(
        !b.contains("## Tugevused"),
        "no strategy, no strategy headings:\n{b}"
    );
}
