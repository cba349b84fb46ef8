use super::*;
use LanguageLevel::*;

fn languages(text: &str) -> Vec<LanguageDemand> {
    read(text).languages
}

fn years_all(text: &str) -> Vec<YearsDemand> {
    read(text).years
}

fn years_first(text: &str) -> Option<YearsDemand> {
    read(text).years.into_iter().next()
}

/// Demands as one line: "et C1, en B2"; alternatives joined by " | ";
/// `?` for no level, `*` for any foreign language, `~` before a
/// nice-to-have.
fn show(demands: &[LanguageDemand]) -> String {
    let mut out = String::new();
    for (k, d) in demands.iter().enumerate() {
        if k > 0 {
            out.push_str(if demands[k - 1].group == d.group {
                " | "
            } else {
                ", "
            });
        }
        if !d.required {
            out.push('~');
        }
        out.push_str(d.language.unwrap_or("*"));
        out.push(' ');
        out.push_str(d.level.map_or("?", LanguageLevel::code));
    }
    out
}

/// Every row of `table` whose reading (`read`) differs from the wanted
/// one, as `"text": want …, got …`.
fn mismatches<W: std::fmt::Debug, G: PartialEq<W> + std::fmt::Debug>(
    table: &[(&str, W)],
    read: impl Fn(&str) -> G,
) -> Vec<String> {
    table
        .iter()
        .filter_map(|(text, want)| {
            let got = read(text);
            (got != *want).then(|| format!("{text:?}: want {want:?}, got {got:?}"))
        })
        .collect()
}

/// Requirement text → the languages and levels it asks for.
#[rustfmt::skip]
const LANGUAGE_TABLE: &[(&str, &str)] = &[
    // Estonian: keel / keele / keelt / keeles, level after the language.
    ("Inglise keele oskus vähemalt B2", "en B2"),
    ("vene keel B1", "ru B1"),
    ("Valdab eesti keelt vähemalt tasemel C1.", "et C1"),
    ("eesti keele oskus C1-tasemel", "et C1"),
    ("Eesti keele oskus kõrgtasemel (C1)", "et C1"),
    ("Eesti keele oskus kõrgtasemel", "et C1"),
    ("eesti keele oskus kõrgemal kesktasemel", "et B2"),
    ("eesti keele oskus madalamal kesktasemel", "et B1"),
    ("inglise keele oskus vähemalt B2 tasemel, vene keele oskus kasuks", "en B2, ~ru ?"),
    ("eesti keel emakeelena või C2", "et C2"),
    ("eesti keel emakeelena", "et native"),
    ("emakeelne eesti keel", "et native"),
    ("Eesti keel emakeelena või C1-tasemel", "et C1"),
    ("Eesti keel C1 (emakeel)", "et C1"),
    ("Inglise keel B2/C1", "en B2"),
    ("Eesti keele oskus B2-C1", "et B2"),
    ("Eesti keele oskus B2–C1 tasemel", "et B2"),
    ("inglise keel b2", "en B2"),
    ("inglise keel – B2", "en B2"),
    ("Eesti keele oskus vähemalt B1, soovitavalt B2", "et B1"),
    ("rootsi keeles suhtlemine B1", "sv B1"),
    ("soome keelt B1 tasemel", "fi B1"),
    ("saksa keele oskus A2", "de A2"),
    ("prantsuse keelega töötamine B2", "fr B2"),
    ("eesti keel C1.1", "et C1"),
    // Several languages in one text.
    ("eesti keel C1, inglise keel B2", "et C1, en B2"),
    ("läti keel A1, leedu keel A2", "lv A1, lt A2"),
    ("Eesti keel C1, inglise ja vene keel B2", "et C1, en B2, ru B2"),
    ("inglise ja vene keel B1", "en B1, ru B1"),
    ("inglise või vene keel B1", "en B1 | ru B1"),
    ("Inglise või vene keele oskus vähemalt tasemel B2.", "en B2 | ru B2"),
    ("eesti- ja inglise keele oskus C1", "et C1, en C1"),
    ("Väga hea eesti ja hea inglise keele oskus", "et ?, en ?"),
    ("väga hea eesti ja vähemalt hea inglise keele oskus B2 tasemel", "et B2, en B2"),
    ("eesti, inglise ja vene keel B2", "et B2, en B2, ru B2"),
    ("eesti ja inglise keel vastavalt C1 ja B2", "et C1, en B2"),
    ("eesti keel ja inglise keel B2", "et B2, en B2"),
    // Level before the language.
    ("C1-tasemel eesti keele oskus", "et C1"),
    ("C1-tasemel eesti keele oskus, B2-tasemel inglise keele oskus", "et C1, en B2"),
    ("Nõutav C1-taseme eesti keele oskus ja inglise keele oskus B2", "et C1, en B2"),
    // Adjectives and compounds.
    ("ingliskeelne suhtlus B2 tasemel", "en B2"),
    ("inglisekeelse erialase kirjanduse lugemine B2 tasemel", "en B2"),
    ("eestikeelne asjaajamine C1 tasemel", "et C1"),
    ("venekeelsete klientidega suhtlemine B1", "ru B1"),
    ("riigikeele oskus vähemalt C1 tasemel", "et C1"),
    ("Eesti keeleoskus C1", "et C1"),
    // English.
    ("English at least C1", "en C1"),
    ("Fluent English (C1)", "en C1"),
    ("Russian B1 or higher", "ru B1"),
    ("Estonian language proficiency at level C1", "et C1"),
    ("Estonian language skills at a minimum of B2 level", "et B2"),
    ("English: C1", "en C1"),
    ("B2 level English", "en B2"),
    ("at least B2 level of English", "en B2"),
    ("Native Estonian speaker", "et native"),
    ("native-level English", "en native"),
    ("Estonian (native), English (C1)", "et native, en C1"),
    ("Estonian as mother tongue, English B2", "et native, en B2"),
    ("English and Russian at B2 level", "en B2, ru B2"),
    ("English, Russian and Finnish at B1 level", "en B1, ru B1, fi B1"),
    ("English or Finnish, B2", "en B2 | fi B2"),
    ("English/Russian B2", "en B2 | ru B2"),
    ("one of English or German at B1", "en B1 | de B1"),
    ("Estonian, English B2", "en B2"),
    ("Estonian citizenship; English B2", "en B2"),
    ("German A2; French A1", "de A2, fr A1"),
    ("English (B2) and Russian (B1)", "en B2, ru B1"),
    ("Väga hea eesti keele oskus (C1) ja inglise keele oskus (B2)", "et C1, en B2"),
    ("Eesti keele oskus C1-tasemel ning inglise keele oskus vähemalt B2-tasemel", "et C1, en B2"),
    ("Eesti keele oskus vähemalt C1 tasemel ja inglise keele oskus suhtlustasandil", "et C1, en ?"),
    // The reference postings, as written.
    ("Keeleoskus Eesti keele oskus vähemalt tasemel C1.  \n\nVähemalt ühe võõrkeele (soovitavalt inglise ja vene keel) oskus \ntasemel B1.  ",
     "et C1, * B1 | ~en B1 | ~ru B1"),
    ("13. Valdab inglise keelt tasemel B2 (vt Lisa 1 “Keelte oskustasemete kirjeldused”).", "en B2"),
    ("Eesti keele valdamine vähemalt tasemel C1. Inglise keele valdamine vähemalt tasemel B1. ", "et C1, en B1"),
    ("### Keeleoskus\n\nValdab eesti keelt vähemalt tasemel C1.\n\n### Arvutikasutamise oskus", "et C1"),
    // A language without a level is still a demand (level unknown, `?`);
    // "any foreign language" is `*`.
    ("Inglise keeles IT manager, EstQF Level 7", ""),
    ("C1-taseme oskus", ""),
    ("vene keele oskus kasuks", "~ru ?"),
    ("Fluent English", "en ?"),
    ("hea eesti keele oskus", "et ?"),
    ("eesti keele oskus kesktasemel", "et B2"),
    ("eesti keel. Tase C1", "et ?"),
    ("Inglise keel; B2", "en ?"),
    ("eesti keel\n\nC1", "et ?"),
        // Nothing: no language, or a level of something else.
    ("Eesti Vabariigi kodakondsus, tase B2", ""),
    ("cloud-native development, B2 level", ""),
    ("Kogemus e-CF kompetentsidega A.1 ja B.2", ""),
    ("Vähemalt ühe võõrkeele oskus tasemel B1", "* B1"),
    ("emakeel", ""),
    ("keelatud on B2", ""),
    ("", ""),
];

#[test]
fn language_table() {
    let wrong = mismatches(LANGUAGE_TABLE, |t| show(&languages(t)));
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// Requirement text → the minimum years of experience it asks for.
#[rustfmt::skip]
const YEARS_TABLE: &[(&str, Option<f64>)] = &[
    // Estonian, digits.
    ("vähemalt 3-aastane töökogemus", Some(3.0)),
    ("vähemalt 2 aastat töökogemust", Some(2.0)),
    ("2–3 aastat töökogemust", Some(2.0)),
    ("2-3 aastat kogemust", Some(2.0)),
    ("2 kuni 3 aastat töökogemust", Some(2.0)),
    ("3-5-aastane töökogemus", Some(3.0)),
    ("Soovitatavalt 3-aastane töökogemus ametikoha töövaldkonnas.", Some(3.0)),
    ("üle 5 aasta kogemust", Some(5.0)),
    ("vähemalt 3 aasta pikkune töökogemus", Some(3.0)),
    ("3 või enam aastat töökogemust", Some(3.0)),
    ("1,5-aastane töökogemus", Some(1.5)),
    ("3aastane töökogemus", Some(3.0)),
    ("vähemalt 4-aastast töökogemust", Some(4.0)),
    ("vähemalt 20-aastane töökogemus", Some(20.0)),
    // Estonian, words in one with "-aastane".
    ("vähemalt kolmeaastane töökogemus", Some(3.0)),
    ("vähemalt kaheaastane töökogemus", Some(2.0)),
    ("üheaastane töökogemus", Some(1.0)),
    ("kaheaastase töökogemusega", Some(2.0)),
    ("kolme-aastane töökogemus", Some(3.0)),
    ("neljaaastane töökogemus", Some(4.0)),
    ("viieaastane töökogemus", Some(5.0)),
    ("kuueaastane töökogemus", Some(6.0)),
    ("seitsmeaastane töökogemus", Some(7.0)),
    ("kaheksaaastane töökogemus", Some(8.0)),
    ("üheksaaastane töökogemus", Some(9.0)),
    ("kümneaastane töökogemus", Some(10.0)),
    ("kahe- kuni kolmeaastane töökogemus", Some(2.0)),
    // Estonian, separate words.
    ("üks aasta töökogemust", Some(1.0)),
    ("ühe aasta pikkune töökogemus", Some(1.0)),
    ("kaks aastat töökogemust", Some(2.0)),
    ("vähemalt kahe aasta töökogemus", Some(2.0)),
    ("kolm aastat töökogemust", Some(3.0)),
    ("vähemalt kolme aasta pikkune töökogemus", Some(3.0)),
    ("neli aastat töökogemust", Some(4.0)),
    ("viis aastat töökogemust", Some(5.0)),
    ("kuus aastat töökogemust", Some(6.0)),
    ("seitse aastat töökogemust", Some(7.0)),
    ("kaheksa aastat töökogemust", Some(8.0)),
    ("üheksa aastat töökogemust", Some(9.0)),
    ("kümme aastat töökogemust", Some(10.0)),
    ("kümne aasta kogemus", Some(10.0)),
    // English.
    ("3+ years", Some(3.0)),
    ("5+ yrs of experience", Some(5.0)),
    ("at least five years of experience", Some(5.0)),
    ("5 years' experience", Some(5.0)),
    ("5 years’ experience", Some(5.0)),
    ("minimum of 2 years of experience", Some(2.0)),
    ("2-3 years of experience", Some(2.0)),
    ("two to three years of experience", Some(2.0)),
    ("one year of experience", Some(1.0)),
    ("a one-year experience in IT", Some(1.0)),
    ("ten years of experience", Some(10.0)),
    ("seven-year experience", Some(7.0)),
    ("five (5) years of experience", Some(5.0)),
    ("3 or more years of experience", Some(3.0)),
    ("more than 4 years of experience", Some(4.0)),
    ("10 years of experience", Some(10.0)),
    ("at least 3 years of experience within the last 5 years", Some(3.0)),
    ("from 2 to 3 years of experience", Some(2.0)),
    ("töökogemus alates 2 aastast", Some(2.0)),
    ("Vähemalt 3 aastat IT-alast töökogemust", Some(3.0)),
    ("töökogemus vähemalt 2 aastat", Some(2.0)),
    // Several figures: the first (the others are kept with their relation);
    // experience wins over a contract.
    ("vähemalt 3-aastane juhtimisalane ja 5-aastane IT valdkonna töökogemus", Some(3.0)),
    ("vähemalt 3-aastane töökogemus viimase 5 aasta jooksul", Some(3.0)),
    ("Pakume 2-aastast tähtajalist lepingut. Nõutav 1-aastane töökogemus.", Some(1.0)),
    // The reference postings, as written.
    ("Erialane töökogemus Soovitatavalt 3-aastane töökogemus ametikoha töövaldkonnas. ", Some(3.0)),
    ("Vähemalt kaheaastane töökogemus sotsiaalvaldkonnas, ametiasutuse või ametikoha \ntöövaldkonnas. Projektijuhtimise kogemus. ", Some(2.0)),
    ("Tavapäraselt töötavad IT-juhtidena inimesed, kellel on erialane kõrgharidus ning vähemalt 3-aastane juhtimisalane ja 5-aastane IT valdkonna töökogemus.", Some(3.0)),
    // Nothing: dates, months, hours, money, standards, ages, upper bounds.
    ("Projekti kestus on 3 aastat", None),
    ("Pakume 2-aastast tähtajalist lepingut", None),
    ("a 2-year fixed-term contract", None),
    ("The project lasts three years", None),
    ("2025. aastal", None),
    ("aastast 2020", None),
    ("alates 2020. aastast", None),
    ("2020 aasta lõpuni", None),
    ("2020–2023 aastatel", None),
    ("3 kuud", None),
    ("24/7", None),
    ("3500 €", None),
    ("palk 3500 eurot kuus", None),
    ("5-päevane töönädal", None),
    ("ISO 27001", None),
    ("Ametijuhend vaadatakse üle kord aastas vahetu juhiga.", None),
    ("vähemalt 18-aastane", None),
    ("at least 21 years old", None),
    ("up to 2 years", None),
    ("kuni 2 aastat", None),
    ("alla 2 aasta", None),
    ("töökogemus viimase 5 aasta jooksul", None),
    ("Eesti keele oskus C1", None),
    ("Inglise keeles IT manager, EstQF Level 7", None),
    ("Projektijuhtimise kogemus.", None),
    ("years of experience", None),
    ("aastane", None),
    ("", None),
];

#[test]
fn years_table() {
    let wrong = mismatches(YEARS_TABLE, |t| years_first(t).map(|d| d.years()));
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn phrases_quote_the_requirement() {
    let lang = |t| {
        languages(t)
            .into_iter()
            .map(|d| d.phrase)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lang("Valdab eesti keelt vähemalt tasemel C1."),
        ["eesti keelt vähemalt tasemel C1"]
    );
    assert_eq!(
        lang("Eesti keele oskus kõrgtasemel (C1)"),
        ["Eesti keele oskus kõrgtasemel (C1)"]
    );
    assert_eq!(
        lang("C1-tasemel eesti\nkeele oskus"),
        ["C1-tasemel eesti keele"]
    );
    assert_eq!(
        lang("eesti keel C1, inglise keel B2"),
        ["eesti keel C1", "inglise keel B2"]
    );
    assert_eq!(lang("Fluent English (C1)"), ["English (C1)"]);
    assert_eq!(
        lang("Vähemalt ühe võõrkeele (soovitavalt inglise ja vene keel) oskus tasemel B1."),
        ["võõrkeele (soovitavalt inglise ja vene keel) oskus tasemel B1"; 3]
    );
    let years = |t| years_first(t).map(|d| d.phrase);
    assert_eq!(
        years("Nõutav vähemalt 3-aastane töökogemus IT valdkonnas").as_deref(),
        Some("vähemalt 3-aastane töökogemus")
    );
    assert_eq!(
        years("at least five years of experience").as_deref(),
        Some("at least five years of experience")
    );
    assert_eq!(
        years("5 years' experience").as_deref(),
        Some("5 years' experience")
    );
    assert_eq!(
        years("2–3 aastat töökogemust").as_deref(),
        Some("2–3 aastat töökogemust")
    );
    assert_eq!(
        years("five (5) years of experience").as_deref(),
        Some("five (5) years of experience")
    );
    assert_eq!(
        years("vähemalt kolmeaastane töökogemus").as_deref(),
        Some("vähemalt kolmeaastane töökogemus")
    );
}

/// The forms real postings use that our own examples did not: each is
/// built from a rule of the language, not copied from a posting.
#[test]
fn real_posting_forms() {
    #[rustfmt::skip]
    let langs: &[(&str, &str)] = &[
        // Töötukassa's code line: every language with its levels, "kohustuslik".
        ("Nõutud keeleoskus: ET, kõne: C1, kiri: C1 kohustuslik", "et C1"),
        ("Nõutud keeleoskus: EN, kõne: B2, kiri: B1 kohustuslik RU, kõne: B1, kiri: A2 soovitav",
         "en B2, ~ru B1"),
        // Native or a level: the level is enough.
        ("eesti keele oskus emakeelena või vähemalt tasemel C1", "et C1"),
        // One level shared by a list, in several cases.
        ("eesti, inglise ja soome keele oskus B2 tasemel", "et B2, en B2, fi B2"),
        ("Valdab eesti ja inglise keelt tasemel B2", "et B2, en B2"),
        // A preference in brackets is a nice-to-have alternative.
        ("Ühe võõrkeele oskus B2 tasemel (eelistatult inglise keel)", "* B2 | ~en B2"),
        // The old scale, as the Language Act maps it: algtase B1.
        ("eesti keele oskus algtasemel", "et B1"),
        ("vene keele oskus suhtlustasandil kasuks", "~ru ?"),
        // A driving licence category and an upper bound are not languages.
        ("B-kategooria juhiload, eesti keel C1", "et C1"),
    ];
    let wrong = mismatches(langs, |t| show(&languages(t)));
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));

    #[rustfmt::skip]
    let years: &[(&str, Option<f64>)] = &[
        // Months, in figures and in words.
        ("vähemalt 36 kuu töökogemust", Some(3.0)),
        ("vähemalt 6-kuuline töökogemus", Some(0.5)),
        ("vähemalt kuuekuuline töökogemus", Some(0.5)),
        // Number words in their cases, and "a couple".
        ("paariaastase töökogemusega", Some(2.0)),
        ("vähemalt kahe aasta pikkune töökogemus", Some(2.0)),
        ("vähemalt viie aasta pikkust töökogemust", Some(5.0)),
        ("poolteist aastat töökogemust", Some(1.5)),
        ("kaheteistkümne aasta töökogemus", Some(12.0)),
        // The employer's years, a licence's term, a contract: not the candidate's.
        ("Meil on 20 aastat kogemust IT-teenuste pakkumisel", None),
        ("kahe aastane kasutusõigus", None),
        ("leping sõlmitakse kolmeks aastaks", None),
        ("Ettevõte on tegutsenud üle 25 aasta", None),
    ];
    let wrong = mismatches(years, |t| years_first(t).map(|d| d.years()));
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn an_alternative_path_of_experience_is_kept_with_its_relation() {
    let all = years_all(
        "vähemalt 2-aastane juhtimiskogemus või selle puudumisel vähemalt 3-aastane erialane töökogemus",
    );
    let shown: Vec<(f64, Relation)> = all.iter().map(|d| (d.years(), d.relation)).collect();
    assert_eq!(shown, [(2.0, Relation::First), (3.0, Relation::Or)]);
    let and = years_all("vähemalt 3-aastane juhtimisalane ja 5-aastane IT valdkonna töökogemus");
    assert_eq!(and[1].relation, Relation::And);
}

#[test]
fn alternatives_share_a_group_and_others_do_not() {
    let d = languages("eesti keel C1; inglise või vene keel B2; saksa keel A2");
    let groups: Vec<usize> = d.iter().map(|d| d.group).collect();
    assert_eq!(groups, [0, 1, 1, 2]);
}

#[test]
fn all_years_figures_in_order() {
    let all: Vec<f64> =
        years_all("vähemalt 3-aastane juhtimisalane ja 5-aastane IT valdkonna töökogemus")
            .iter()
            .map(|d| d.years())
            .collect();
    assert_eq!(all, [3.0, 5.0]);
}

#[test]
fn meets_compares_levels_and_native_meets_all() {
    assert!(meets(C1, B2));
    assert!(meets(B2, B2));
    assert!(!meets(B1, B2));
    assert!(!meets(C2, Native));
    for want in [A1, A2, B1, B2, C1, C2, Native] {
        assert!(meets(Native, want), "native meets {want:?}");
        assert!(meets(want, A1));
    }
    assert!(A1 < A2 && A2 < B1 && B1 < B2 && B2 < C1 && C1 < C2 && C2 < Native);
}

#[test]
fn language_codes_from_names_and_ids() {
    #[rustfmt::skip]
    let table: &[(&str, Option<&str>)] = &[
        ("eesti", Some("et")), ("eesti keel", Some("et")), ("Eesti keel", Some("et")),
        ("Estonian", Some("et")), ("Estonian language", Some("et")), ("et", Some("et")),
        ("est", Some("et")), ("eestikeelne", Some("et")), ("riigikeel", Some("et")),
        ("inglise", Some("en")), ("Inglise keel", Some("en")), ("English", Some("en")),
        ("EN", Some("en")), ("ingliskeelne", Some("en")),
        ("vene", Some("ru")), ("vene keel", Some("ru")), ("Russian", Some("ru")), ("Русский", Some("ru")),
        ("saksa", Some("de")), ("German", Some("de")), ("Deutsch", Some("de")),
        ("soome", Some("fi")), ("Finnish", Some("fi")), ("suomi", Some("fi")),
        ("läti", Some("lv")), ("Läti keel", Some("lv")), ("Latvian", Some("lv")),
        ("leedu", Some("lt")), ("Lithuanian", Some("lt")),
        ("prantsuse", Some("fr")), ("French", Some("fr")), ("Français", Some("fr")),
        ("rootsi", Some("sv")), ("Swedish", Some("sv")),
        ("hispaania", Some("es")), ("itaalia", Some("it")), ("poola", Some("pl")),
        ("ukraina keel", Some("uk")), ("Ukrainian", Some("uk")),
        ("  Norra keel ", Some("no")), ("tšehhi", Some("cs")),
        ("klingon", None), ("", None), ("keel", None), ("eesti keel C1", None),
        ("võõrkeel", None), ("emakeel", None),
    ];
    for &(name, want) in table {
        assert_eq!(language_code(name), want, "{name:?}");
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,80}") {
        let _ = languages(&text);
        let _ = years_all(&text);
        let _ = language_code(&text);
    }

    #[test]
    fn never_panics_on_requirement_like_text(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "eesti", "inglise", "keel", "keelt", "English", "C1", "b2", "või", "ja",
                "(", ")", "-", "–", "/", ".", ";", ",", "3", "1,5", "kolme", "aastane",
                "aastat", "years", "vähemalt", "emakeelena", "native", "\n\n", "kuni",
            ]),
            0..20,
        )
    ) {
        let text = words.join(" ");
        let _ = languages(&text);
        let _ = years_first(&text);
    }
}
