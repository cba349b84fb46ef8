//! Tests of `dates`.

use super::*;

fn one(text: &str) -> Option<Date> {
    dates_in(text, Date::ymd(2025, 12, 1))
        .first()
        .map(|d| d.date)
}

#[test]
fn numeric_and_iso_dates() {
    assert_eq!(one("kuni 29.12.2025"), Some(Date::ymd(2025, 12, 29)));
    assert_eq!(one("Tähtaeg: 2025-12-20"), Some(Date::ymd(2025, 12, 20)));
    assert_eq!(one("1.2.2026."), Some(Date::ymd(2026, 2, 1)));
    assert_eq!(one("31.02.2026"), None);
    assert_eq!(one("versioon 1.2.3"), None);
    assert!(dates_in("kuni 15.07", Date::ymd(2025, 12, 1))[0].short);
    assert_eq!(one("kell 14.00"), None);
}

#[test]
fn month_names_in_estonian_and_english() {
    assert_eq!(
        one("hiljemalt 29. detsembril 2025"),
        Some(Date::ymd(2025, 12, 29))
    );
    assert_eq!(one("30. september 2025"), Some(Date::ymd(2025, 9, 30)));
    assert_eq!(one("by December 29, 2025"), Some(Date::ymd(2025, 12, 29)));
    assert_eq!(one("by 5th of March 2026"), Some(Date::ymd(2026, 3, 5)));
    assert_eq!(one("until 12 Jan 2026"), Some(Date::ymd(2026, 1, 12)));
    assert_eq!(one("3 marketing 2025"), None);
}

#[test]
fn a_date_without_a_year_is_the_next_one() {
    // On 1 December 2025: 15 January is next year's, 20 December this year's.
    assert_eq!(
        one("kandideeri 15. jaanuariks"),
        Some(Date::ymd(2026, 1, 15))
    );
    assert_eq!(
        one("hiljemalt 20. detsembriks"),
        Some(Date::ymd(2025, 12, 20))
    );
    assert_eq!(one("1. detsember"), Some(Date::ymd(2025, 12, 1)));
}

#[test]
fn the_deadline_is_the_date_near_applying() {
    let today = Date::ymd(2025, 6, 1);
    let lines: Vec<String> = [
        "Avaldatud: 21.11.2025",
        "Tööle asumise aeg: 01.09.2025",
        "**Kandideerimise tähtaeg**",
        "24.08.2025",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 8, 24), 4)));
    let lines = ["We await your CV by 17.08.2025 at latest.".to_string()];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 8, 17), 1)));
    let lines = ["Ootame CV-d 15. augustiks.".to_string()];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 8, 15), 1)));
    let lines = ["Avaldatud 1.06.2025".to_string()];
    assert_eq!(deadline(&lines, today), None);
    let lines = ["Avaldatud 1.06.2025, kandideerimise tähtaeg 15.06.2025".to_string()];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 6, 15), 1)));
    // Short dates only where the line speaks of the deadline.
    let lines = [
        "Versioon 2.10 on uus".to_string(),
        "Tähtaeg 15.07".to_string(),
    ];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 7, 15), 2)));
    // A yearless date keeps the year of the posting's own dates.
    let lines = [
        "Avaldatud 20.12.2024".to_string(),
        "Kandideeri hiljemalt 10. jaanuariks".to_string(),
    ];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 1, 10), 2)));
    let lines = [
        "Leping kuni 31.12.2026".to_string(),
        "CV saata 20.06.2025".to_string(),
    ];
    assert_eq!(deadline(&lines, today), Some((Date::ymd(2025, 6, 20), 2)));
}
