//! Tests of `sections`.

use super::*;

#[test]
fn headings_by_meaning() {
    assert_eq!(
        classify("Ootame Sind kandideerima, kui:"),
        Some(Section::Requirements)
    );
    assert_eq!(classify("Kandideerimise info"), Some(Section::Other));
    assert_eq!(classify("Kasuks tuleb:"), Some(Section::Nice));
    assert_eq!(classify("Nõutud keeleoskus:"), Some(Section::Requirements));
    assert_eq!(
        classify("Kui Sul on küsimusi, pöördu:"),
        Some(Section::Other)
    );
    assert_eq!(classify("Mida ootame?"), Some(Section::Requirements));
    assert_eq!(classify("Sa sobid meile, kui"), Some(Section::Requirements));
    assert_eq!(classify("Muud nõuded"), Some(Section::Requirements));
    assert_eq!(
        classify("Sinu peamised tööülesanded"),
        Some(Section::Duties)
    );
    assert_eq!(
        classify("Meiega töötades ootab Sind"),
        Some(Section::Offers)
    );
    assert_eq!(
        classify("It’s a bonus if you also have:"),
        Some(Section::Nice)
    );
    assert_eq!(
        classify("You are a great match if you have"),
        Some(Section::Requirements)
    );
    assert_eq!(classify("Otsime IT-projektijuhti"), None);
    assert_eq!(
        classify("Haridus ja töökogemus"),
        Some(Section::Requirements)
    );
    assert_eq!(classify("Kõrgharidus"), None);
}

#[test]
fn sentences_and_abbreviations() {
    assert_eq!(
        sentences("Teed tööd, nt. Jira. Oled täpne; Kui soovid, kandideeri!"),
        [
            "Teed tööd, nt. Jira.",
            "Oled täpne;",
            "Kui soovid, kandideeri!"
        ]
    );
}

#[test]
fn a_flattened_page_is_cut_into_sections() {
    let text = "It is a job. ".repeat(30)
        + "What we would like you to bring 5+ years of Java. Knowledge of SQL. What's in it for you Join us.";
    let got = unflatten(vec![Block {
        kind: Kind::Paragraph,
        text,
        line: 3,
    }]);
    let heads: Vec<&str> = got
        .iter()
        .filter(|b| matches!(b.kind, Kind::Heading(_)))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        heads,
        ["What we would like you to bring", "What's in it for you"]
    );
    assert!(got.iter().any(|b| b.text == "5+ years of Java."));
}
