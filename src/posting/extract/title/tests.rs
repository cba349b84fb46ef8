//! Tests of `title`.

use super::*;

#[test]
fn partitive_titles_back_in_the_nominative() {
    assert_eq!(nominative("IT-projektijuhti", ""), "IT-projektijuht");
    assert_eq!(nominative("arendajat", ""), "arendaja");
    assert_eq!(nominative("analüütikut", ""), "analüütik");
    assert_eq!(nominative("insenerit", ""), "insener");
    assert_eq!(nominative("nõunikku", ""), "nõunik");
    assert_eq!(nominative("spetsialisti", ""), "spetsialist");
    assert_eq!(nominative("raamatupidajat", ""), "raamatupidaja");
    // The text's own nominative wins over the guess.
    assert_eq!(
        nominative("koordinaatorit", "Koordinaator vastutab"),
        "koordinaator"
    );
    assert_eq!(nominative("juristi", "Jurist"), "jurist");
}

#[test]
fn titles_with_employer_and_site_words() {
    let t = |s: &str| split_title(s, "");
    assert_eq!(
        t("Otsime IT-projektijuhti"),
        (Some("IT-projektijuht".into()), None)
    );
    assert_eq!(
        t("Riigi IT Keskus otsib ärilise mõtlemisega TEENUSEJUHTI"),
        (Some("Teenusejuht".into()), Some("Riigi IT Keskus".into()))
    );
    assert_eq!(
        t("Projektijuht - Firon OÜ"),
        (Some("Projektijuht".into()), Some("Firon OÜ".into()))
    );
    assert_eq!(t("Juhiabi – Töökuulutus"), (Some("Juhiabi".into()), None));
    assert_eq!(
        t("Data Engineer – Playtech"),
        (Some("Data Engineer".into()), Some("Playtech".into()))
    );
    assert_eq!(
        t("KAPO - IT projektijuht-analüütik").0.as_deref(),
        Some("IT projektijuht-analüütik")
    );
    assert_eq!(
        t("Senior Backend Engineer (m\\w\\d) at Kühne + Nagel"),
        (
            Some("Senior Backend Engineer".into()),
            Some("Kühne + Nagel".into())
        )
    );
}

#[test]
fn an_employer_heading_above_the_title() {
    let lines: Vec<String> = "# Firma OÜ\n\n## Analüütik\n\nTekst."
        .split('\n')
        .map(String::from)
        .collect();
    let blocks = crate::posting::blocks::blocks(&lines);
    let t = read(&blocks, &[], &lines, "");
    assert_eq!(t.organization.map(|o| o.0).as_deref(), Some("Firma OÜ"));
    assert_eq!(t.position.map(|p| p.0).as_deref(), Some("Analüütik"));
}

#[test]
fn employer_sentences_and_seeking_sentences() {
    assert_eq!(
        employer_sentence("Patendiamet on Justiitsministeeriumi valitsemisalas").as_deref(),
        Some("Patendiamet")
    );
    assert_eq!(employer_sentence("Meie meeskond on tore"), None);
    assert_eq!(
        sought(
            "Sind - tarkvaraarenduse projektijuhti Tallinnas (või Tartus), kes",
            "",
            true
        )
        .as_deref(),
        Some("Tarkvaraarenduse projektijuht")
    );
    assert_eq!(
        sought("an experienced Lead Product Manager to drive", "", false).as_deref(),
        Some("Experienced Lead Product Manager")
    );
}

#[test]
fn organization_unit_and_abbreviations() {
    assert_eq!(
        org_and_unit("Eesti Rahvusraamatukogu üleriigiliste raamatukoguteenuste keskus"),
        (
            "Eesti Rahvusraamatukogu".into(),
            Some("üleriigiliste raamatukoguteenuste keskus".into())
        )
    );
    assert_eq!(
        drop_abbreviation("Kaitsepolitsei- ja Julgeolekuamet (KAPO)"),
        "Kaitsepolitsei- ja Julgeolekuamet"
    );
    assert_eq!(
        unit_from_title("IT osakonna juhataja").as_deref(),
        Some("IT osakond")
    );
}
