//! Per-language words and date formats: section headings, month names, date
//! ranges, the letter date, salutations, closings and CEFR level labels.

use std::collections::BTreeMap;

use crate::model::profile::LanguageLevel;
use crate::model::{Date, Lang};

use crate::model::date::{MONTHS_EN, MONTHS_ET};

const MONTHS_EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(lang: Lang, month: u8, short: bool) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match (lang, short) {
        (Lang::Et, _) => MONTHS_ET[i],
        (Lang::En, true) => MONTHS_EN_SHORT[i],
        (Lang::En, false) => MONTHS_EN[i],
    }
}

/// A date in a CV line: `märts 2021`, `Mar 2021`, `2021`. A day is not shown.
pub fn cv_date(lang: Lang, d: &Date) -> String {
    match d.month {
        Some(m) => format!("{} {}", month_name(lang, m, true), d.year),
        None => d.year.to_string(),
    }
}

/// A date in numbers, as in a narrow column: `03.2021` / `03/2021`, `2021`.
pub fn short_date(lang: Lang, d: &Date) -> String {
    match (d.month, lang) {
        (Some(m), Lang::Et) => format!("{m:02}.{}", d.year),
        (Some(m), Lang::En) => format!("{m:02}/{}", d.year),
        (None, _) => d.year.to_string(),
    }
}

/// `märts 2021 – praegu` / `Mar 2021 – present`; a range within one year
/// and precision is shown once when start equals end.
pub fn date_range(lang: Lang, start: Option<&Date>, end: Option<&Date>, ongoing: bool) -> String {
    range(lang, start, end, ongoing, cv_date)
}

/// [`date_range`] in numbers (`03.2021 – praegu`, `09/2018 – 02/2022`), one
/// short line for a column beside the entries.
pub fn short_date_range(
    lang: Lang,
    start: Option<&Date>,
    end: Option<&Date>,
    ongoing: bool,
) -> String {
    range(lang, start, end, ongoing, short_date)
}

fn range(
    lang: Lang,
    start: Option<&Date>,
    end: Option<&Date>,
    ongoing: bool,
    date: fn(Lang, &Date) -> String,
) -> String {
    let start_s = start.map(|d| date(lang, d));
    let end_s = match end {
        Some(d) => Some(date(lang, d)),
        None if ongoing => Some(word(lang, "present").to_string()),
        None => None,
    };
    match (start_s, end_s) {
        (Some(s), Some(e)) if s == e => s,
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => s,
        (None, Some(e)) => e,
        (None, None) => String::new(),
    }
}

/// The letter date: `30. september 2025` / `30 September 2025`.
pub fn long_date(lang: Lang, d: &Date) -> String {
    match (d.month, d.day, lang) {
        (Some(m), Some(day), Lang::Et) => {
            format!("{day}. {} {}", month_name(lang, m, false), d.year)
        }
        (Some(m), Some(day), Lang::En) => {
            format!("{day} {} {}", month_name(lang, m, false), d.year)
        }
        (Some(m), None, _) => format!("{} {}", month_name(lang, m, false), d.year),
        _ => d.year.to_string(),
    }
}

/// Default salutation, with the contact's name when known.
pub fn salutation(lang: Lang, contact_name: Option<&str>) -> String {
    match (lang, contact_name.map(str::trim).filter(|n| !n.is_empty())) {
        (Lang::Et, Some(name)) => format!("Lugupeetud {name}"),
        (Lang::Et, None) => "Lugupeetud värbaja".to_string(),
        (Lang::En, Some(name)) => format!("Dear {name},"),
        (Lang::En, None) => "Dear Hiring Manager,".to_string(),
    }
}

/// Default closing.
pub fn closing(lang: Lang) -> &'static str {
    match lang {
        Lang::Et => "Lugupidamisega",
        Lang::En => "Kind regards",
    }
}

/// `C1 – vilunud keelekasutaja` / `C1 – Advanced`; `emakeel` / `Native`.
pub fn language_level(lang: Lang, level: LanguageLevel) -> String {
    use LanguageLevel::*;
    let label = match (lang, level) {
        (Lang::Et, A1 | A2) => "algtasemel keelekasutaja",
        (Lang::Et, B1 | B2) => "iseseisev keelekasutaja",
        (Lang::Et, C1 | C2) => "vilunud keelekasutaja",
        (Lang::Et, Native) => return "emakeel".to_string(),
        (Lang::En, A1) => "Beginner",
        (Lang::En, A2) => "Elementary",
        (Lang::En, B1) => "Intermediate",
        (Lang::En, B2) => "Upper intermediate",
        (Lang::En, C1) => "Advanced",
        (Lang::En, C2) => "Proficient",
        (Lang::En, Native) => return "Native".to_string(),
    };
    format!("{} – {label}", level.code())
}

/// One localized word or heading by key; see [`labels`] for the keys.
pub fn word(lang: Lang, key: &str) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, et, en)| if lang == Lang::Et { *et } else { *en })
        .unwrap_or("")
}

const LABELS: &[(&str, &str, &str)] = &[
    ("summary", "Kokkuvõte", "Summary"),
    ("experience", "Töökogemus", "Experience"),
    ("education", "Haridus", "Education"),
    ("skills", "Oskused", "Skills"),
    ("languages", "Keeleoskus", "Languages"),
    ("certifications", "Sertifikaadid", "Certifications"),
    ("projects", "Projektid", "Projects"),
    ("publications", "Publikatsioonid", "Publications"),
    ("volunteering", "Vabatahtlik tegevus", "Volunteering"),
    ("references", "Soovitajad", "References"),
    ("competences", "Kompetentsid (e-CF)", "Competences (e-CF)"),
    ("present", "praegu", "present"),
    ("cv", "CV", "CV"),
    // The photo's alternative text (PDF/UA): "Foto: Mari Maasikas".
    ("photo", "Foto", "Photo"),
    ("letter", "Motivatsioonikiri", "Cover letter"),
    ("letter_file", "Motivatsioonikiri", "Cover_Letter"),
    ("subject", "Teema", "Subject"),
    ("recipient", "Saaja", "To"),
    ("date", "Kuupäev", "Date"),
    ("reference", "Viide", "Reference"),
    ("salary", "Palgasoov", "Salary expectation"),
    ("attachments", "Lisad", "Attachments"),
    ("email", "E-post", "Email"),
    ("phone", "Telefon", "Phone"),
    (
        "application_for",
        "Kandideerimine ametikohale",
        "Application for the position of",
    ),
    ("page", "lk", "page"),
    // The headings of the Europass CV, in the wording of its Estonian and
    // English versions (Cedefop's Europass CV stylesheets; "Teised
    // keel(ed)" and "Other language(s)" in the number the CV needs).
    ("europass_personal", "Isikuandmed", "Personal information"),
    (
        "europass_job_applied",
        "Soovitud töökoht",
        "Job applied for",
    ),
    ("europass_work", "Töökogemus", "Work experience"),
    (
        "europass_education",
        "Hariduskäik ja koolitus",
        "Education and training",
    ),
    (
        "europass_personal_skills",
        "Isiklikud oskused",
        "Personal skills",
    ),
    ("europass_mother_tongue", "Emakeel", "Mother tongue"),
    ("europass_mother_tongues", "Emakeeled", "Mother tongues"),
    ("europass_other_language", "Teine keel", "Other language"),
    (
        "europass_other_languages",
        "Teised keeled",
        "Other languages",
    ),
    ("europass_understanding", "Mõistmine", "Understanding"),
    ("europass_speaking", "Rääkimine", "Speaking"),
    ("europass_writing", "Kirjutamine", "Writing"),
    ("europass_listening", "Kuulamine", "Listening"),
    ("europass_reading", "Lugemine", "Reading"),
    (
        "europass_interaction",
        "Suuline suhtlus",
        "Spoken interaction",
    ),
    ("europass_production", "Suuline esitus", "Spoken production"),
    (
        "europass_levels",
        "Tasemed: A1 ja A2: algeline keelekasutus – B1 ja B2: iseseisev keelekasutus – C1 ja C2: vaba keelekasutus",
        "Levels: A1 and A2: Basic user – B1 and B2: Independent user – C1 and C2: Proficient user",
    ),
    (
        "europass_cefr",
        "Euroopa Nõukogu keeleoskustasemete süsteem",
        "Common European Framework of Reference for Languages",
    ),
    ("europass_other_skills", "Muud oskused", "Other skills"),
    (
        "europass_additional",
        "Lisainformatsioon",
        "Additional information",
    ),
];

/// All labels of a language, for templates (`labels.experience`, …).
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(k, et, en)| (*k, if lang == Lang::Et { *et } else { *en }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn ranges_in_both_languages() {
        assert_eq!(
            date_range(Lang::Et, Some(&d("2021-03")), None, true),
            "märts 2021 – praegu"
        );
        assert_eq!(
            date_range(Lang::En, Some(&d("2021-03")), None, true),
            "Mar 2021 – present"
        );
        assert_eq!(
            date_range(Lang::Et, Some(&d("2019-01")), Some(&d("2021-12-31")), true),
            "jaanuar 2019 – detsember 2021"
        );
        assert_eq!(
            date_range(Lang::En, Some(&d("2015")), Some(&d("2019")), true),
            "2015 – 2019"
        );
        assert_eq!(
            date_range(Lang::En, Some(&d("2019-06")), Some(&d("2019-06")), true),
            "Jun 2019"
        );
        assert_eq!(date_range(Lang::Et, None, Some(&d("2020")), false), "2020");
        assert_eq!(date_range(Lang::Et, Some(&d("2020")), None, false), "2020");
    }

    #[test]
    fn short_ranges_in_numbers() {
        assert_eq!(
            short_date_range(Lang::Et, Some(&d("2021-03")), None, true),
            "03.2021 – praegu"
        );
        assert_eq!(
            short_date_range(Lang::En, Some(&d("2018-09")), Some(&d("2022-02-28")), true),
            "09/2018 – 02/2022"
        );
        assert_eq!(
            short_date_range(Lang::En, Some(&d("2014")), Some(&d("2016")), false),
            "2014 – 2016"
        );
        assert_eq!(
            short_date_range(Lang::Et, Some(&d("2019-06")), Some(&d("2019-06")), true),
            "06.2019"
        );
    }

    #[test]
    fn letter_dates() {
        assert_eq!(long_date(Lang::Et, &d("2025-09-30")), "30. september 2025");
        assert_eq!(long_date(Lang::En, &d("2025-09-30")), "30 September 2025");
        assert_eq!(long_date(Lang::Et, &d("2025-03-01")), "1. märts 2025");
    }

    #[test]
    fn salutations_and_closings() {
        assert_eq!(
            salutation(Lang::Et, Some("Kati Kask")),
            "Lugupeetud Kati Kask"
        );
        assert_eq!(salutation(Lang::En, None), "Dear Hiring Manager,");
        assert_eq!(closing(Lang::Et), "Lugupidamisega");
        assert_eq!(closing(Lang::En), "Kind regards");
    }

    #[test]
    fn cefr_labels() {
        assert_eq!(
            language_level(Lang::Et, LanguageLevel::C1),
            "C1 – vilunud keelekasutaja"
        );
        assert_eq!(
            language_level(Lang::En, LanguageLevel::B2),
            "B2 – Upper intermediate"
        );
        assert_eq!(language_level(Lang::Et, LanguageLevel::Native), "emakeel");
    }

    #[test]
    fn every_label_exists_in_both_languages() {
        for (k, et, en) in LABELS {
            assert!(!et.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(labels(Lang::Et)["experience"], "Töökogemus");
    }
}
