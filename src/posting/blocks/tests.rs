//! Tests of `blocks`.

use super::*;

fn b(text: &str) -> Vec<Block> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    blocks(&lines)
}

fn texts(text: &str) -> Vec<(Kind, String)> {
    b(text).into_iter().map(|b| (b.kind, b.text)).collect()
}

#[test]
fn wrapped_bullets_and_paragraphs_are_joined() {
    let got = texts(
        "Sinu ülesanded on:\n\n• projektide meeskondade kokkupanek, tööülesannete jaotus ja koostöö\nkoordineerimine;\n• läbirääkimised eri osapooltega;\n\nEesti Rahvusraamatukogu ootab oma\nmeeskonda juhti.\nTeine lause.",
    );
    assert_eq!(
        got,
        [
            (Kind::Heading(PLAIN), "Sinu ülesanded on:".into()),
            (
                Kind::Item,
                "projektide meeskondade kokkupanek, tööülesannete jaotus ja koostöö koordineerimine;"
                    .into()
            ),
            (Kind::Item, "läbirääkimised eri osapooltega;".into()),
            (
                Kind::Paragraph,
                "Eesti Rahvusraamatukogu ootab oma meeskonda juhti.".into()
            ),
            (Kind::Paragraph, "Teine lause.".into()),
        ]
    );
}

#[test]
fn hyphenation_is_undone_but_real_hyphens_stay() {
    assert_eq!(
        dehyphenate("arendus infosüs-", "teemide jaoks"),
        "arendus infosüsteemide jaoks"
    );
    assert_eq!(dehyphenate("meie IT-", "juht"), "meie IT-juht");
    assert_eq!(dehyphenate("töö-", "ja pereelu"), "töö- ja pereelu");
    assert_eq!(dehyphenate("3-", "aastane"), "3-aastane");
    assert_eq!(dehyphenate("e-", "post"), "e-post");
    let got = texts("- kogemus infosüs-\nteemide arendamisel\n- IT-\njuhi kogemus");
    assert_eq!(got[0].1, "kogemus infosüsteemide arendamisel");
    assert_eq!(got[1].1, "IT-juhi kogemus");
}

#[test]
fn a_text_wrapped_at_a_width_is_joined_even_before_capitals() {
    let text = "Otsime kogenud arendajat, kellel on vähemalt viis aastat\n\
                Java ja Kotlini kogemust ning kes tunneb hästi nii meie\n\
                Tallinna kui ka Tartu meeskonna töövõtteid ja tavasid.\n\
                Pakume head palka, paindlikku tööaega ning toredaid\n\
                kolleege, kellega koos on hea töötada igal aastaajal.\n\
                Lühike rida.";
    let got = texts(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.contains("aastat Java ja Kotlini"));
    assert!(got[0].1.contains("tavasid. Pakume"));
}

#[test]
fn word_broken_over_a_blank_line_is_rejoined() {
    let got = texts("- asja\n\ntundjat, kellel on kogemus\n- teine");
    assert_eq!(got[0].1, "asjatundjat, kellel on kogemus");
    assert_eq!(got.len(), 2);
    let got = texts("• asja\ntundjat, kellel on kogemus");
    assert_eq!(got[0].1, "asjatundjat, kellel on kogemus");
}

#[test]
fn headings_of_every_kind() {
    let got = texts(
        "# Otsime juhti\n\n**Nõuded:**\n- a\n\nTÖÖÜLESANDED\nTeed tööd.\n\nKasuks tuleb\n- b\n\nKandidaadilt eeldame:\n1. üks\n2) kaks\na) kolm",
    );
    let kinds: Vec<&Kind> = got.iter().map(|(k, _)| k).collect();
    assert_eq!(
        kinds,
        [
            &Kind::Heading(1),
            &Kind::Heading(BOLD),
            &Kind::Item,
            &Kind::Heading(PLAIN),
            &Kind::Paragraph,
            &Kind::Heading(PLAIN),
            &Kind::Item,
            &Kind::Heading(PLAIN),
            &Kind::Item,
            &Kind::Item,
            &Kind::Item,
        ]
    );
    assert_eq!(got[1].1, "Nõuded:");
}

#[test]
fn bullets_of_every_kind_with_no_break_spaces() {
    for bullet in ["-", "*", "•", "–", "·", "▪", "\u{f0b7}"] {
        let got = texts(&format!(
            "{bullet}\u{a0}\u{a0}\u{a0}oskus kasutada  arvutit;"
        ));
        assert_eq!(
            got,
            [(Kind::Item, "oskus kasutada arvutit;".into())],
            "{bullet}"
        );
    }
}

#[test]
fn a_list_of_short_lines_is_no_run_of_headings() {
    let got =
        texts("Nõuded:\n\nKõrgharidus\nHea eesti keel\nB-kategooria juhiluba\nPakume\n- palka");
    let kinds: Vec<&Kind> = got.iter().map(|(k, _)| k).collect();
    assert_eq!(
        kinds,
        [
            &Kind::Heading(PLAIN),
            &Kind::Paragraph,
            &Kind::Paragraph,
            &Kind::Paragraph,
            &Kind::Heading(PLAIN),
            &Kind::Item
        ]
    );
}

#[test]
fn tables_and_pipe_rows() {
    let got = b(
        "| Keel | Kõnes |\n|------|------|\n| eesti keel - nõutud | B2 - hea |\neesti keel | C1 | C1",
    );
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[1].kind,
        Kind::Row(vec!["eesti keel - nõutud".into(), "B2 - hea".into()])
    );
    assert_eq!(got[1].line, 3);
}

#[test]
fn inline_markdown_is_removed() {
    assert_eq!(
        clean_inline("**Tähtaeg:** 8. [detsember](http://x) 2025  \\- <https://a.ee>"),
        "Tähtaeg: 8. detsember 2025 - https://a.ee"
    );
    assert_eq!(
        clean_inline("vastab [Mari Maasikas](mailto:m@x.ee)"),
        "vastab Mari Maasikas (m@x.ee)"
    );
    assert_eq!(clean_inline("_Staatus: Aktiivne_"), "Staatus: Aktiivne");
    assert_eq!(clean_inline("Engineer (m\\w\\d)"), "Engineer (m\\w\\d)");
}

#[test]
fn a_date_is_not_a_numbered_item() {
    let got = texts("1. september 2025 algab töö");
    assert_eq!(got[0].0, Kind::Paragraph);
}
