//! The level of formal education a requirement asks for: "kõrgharidus",
//! "rakenduslik kõrgharidus", "magistrikraad", "master's degree".

use super::EducationLevel;
use super::tokens::Clause;

/// The level a word names, if any.
fn level_of(c: &Clause, i: usize) -> Option<EducationLevel> {
    let t = &c.tokens[i];
    let next = c.get(i + 1).map(|t| t.word()).unwrap_or_default();
    if t.starts_any(&["doktorikraad", "doktoriõpe", "doktorantuur", "phd"]) {
        Some(EducationLevel::Doctorate)
    } else if t.starts_any(&[
        "magistrikraad",
        "magistriõpe",
        "magistritase",
        "magister",
        "master",
    ]) || t.is_any(&["msc", "mba"])
    {
        Some(EducationLevel::Master)
    } else if t.starts_any(&["kõrgharidus", "bakalaureus", "bachelor", "diplomiõpe"])
        || t.is_any(&["bsc"])
        || (t.is("higher") && next.starts_with("education"))
        || (t.starts_any(&["university", "ülikool"]) && next.starts_with("degree"))
    {
        Some(EducationLevel::Higher)
    } else if t.starts_any(&["kutseharidus", "kutsekeskharidus", "vocational"]) {
        Some(EducationLevel::Vocational)
    } else if t.starts_any(&["keskharidus", "gümnaasium"])
        || (t.is("secondary") && next.starts_with("education"))
    {
        Some(EducationLevel::Secondary)
    } else {
        None
    }
}

/// The lowest level the clauses ask for, the required ones first.
pub(super) fn education(clauses: &[(Clause, Vec<bool>)]) -> Option<EducationLevel> {
    let mut required = None;
    let mut any = None;
    for (c, optional) in clauses {
        for i in 0..c.len() {
            if let Some(level) = level_of(c, i) {
                any = Some(any.map_or(level, |a: EducationLevel| a.min(level)));
                if !optional.get(i).copied().unwrap_or(false) {
                    required = Some(required.map_or(level, |a: EducationLevel| a.min(level)));
                }
            }
        }
    }
    required.or(any)
}
