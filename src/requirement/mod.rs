//! The requirement reader: what one requirement line of a job posting asks
//! for, read as Estonian and English postings write it. `check` compares
//! its [`Reading`] with the profile; `new` suggests evidence from it.
//!
//! - languages with the level asked, or named without one
//!   ([`LanguageDemand`]): "eesti keele oskus vähemalt C1-tasemel",
//!   "emakeelena või vähemalt tasemel C1" (C1 is enough), "inglise ja/või
//!   vene keel", "vähemalt ühe võõrkeele oskus B1" (any foreign language),
//!   the Töötukassa code line "RU, kõne: B2, kiri: B2 … kohustuslik";
//! - years of experience ([`YearsDemand`]): digits, number words in their
//!   cases and their `-aastane` compounds, months, ranges, alternatives;
//! - the level of education ([`EducationLevel`]);
//! - what is only welcome: "kasuks tuleb", "eeliseks", "soovitavalt", "is a
//!   plus" ([`scope`]).
//!
//! The text is cut into clauses of tokens ([`tokens`]); small rules over
//! one clause find what is asked, and nothing is paired across a clause
//! boundary. The rules prefer reading nothing over guessing: a number is
//! experience only when its clause is about the candidate's work, and a
//! level is a language's only when no licence or ceiling claims it.

mod education;
mod languages;
mod numbers;
mod scope;
mod tokens;
mod years;

pub use languages::{english_name_of, language_code};

use crate::model::profile::LanguageLevel;

/// Everything one requirement line asks that can be computed: what `check`
/// compares with the profile, and what `new` suggests evidence from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    pub languages: Vec<LanguageDemand>,
    /// Every figure of experience asked, in text order: alternatives ("or")
    /// and further demands ("and") of the same line included.
    pub years: Vec<YearsDemand>,
    /// The level of education asked, if any.
    pub education: Option<EducationLevel>,
    /// The whole line is a nice-to-have ("Kasuks tuleb …", "… is a plus").
    pub optional: bool,
}

/// A level of formal education a requirement asks for, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EducationLevel {
    /// keskharidus, secondary education
    Secondary,
    /// kutseharidus, vocational
    Vocational,
    /// kõrgharidus, rakenduslik kõrgharidus, a bachelor's degree
    Higher,
    /// magistrikraad, master's degree
    Master,
    /// doktorikraad, PhD
    Doctorate,
}

/// A language a requirement names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageDemand {
    /// ISO 639-1 code (`et`, `en`, `ru`, …); `None`: any foreign language
    /// ("vähemalt ühe võõrkeele oskus B1").
    pub language: Option<&'static str>,
    /// The lowest level that meets the requirement: of "B2/C1" or
    /// "emakeelena või C2" the lower one. `None`: named without a CEFR
    /// level ("valdad väga heal tasemel eesti keelt").
    pub level: Option<LanguageLevel>,
    /// The level as worded, when it is words: "väga heal tasemel",
    /// "kõrgtasemel" (C1), "suhtlustasandil".
    pub word: Option<String>,
    /// `false` for a nice-to-have: "vene keele oskus kasuks", "soovituslik",
    /// a Töötukassa code line without "kohustuslik".
    pub required: bool,
    /// Demands sharing a group are alternatives, any one of them meets the
    /// requirement: "inglise või vene keel B1", "vähemalt ühe võõrkeele
    /// (inglise, vene) oskus B1". Numbered from 0 in the order of the text.
    pub group: usize,
    /// The words that asked, whitespace collapsed, for messages.
    pub phrase: String,
}

/// How a figure of experience stands to the one before it in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The line's first figure.
    First,
    /// Asked as well: "3-aastane juhtimisalane ja 5-aastane IT töökogemus".
    And,
    /// Another way to qualify: "… või selle puudumisel 3-aastane töökogemus".
    Or,
}

/// A minimum of experience asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearsDemand {
    /// Months: "3-aastane" is 36, "36 kuu" 36, "poolteist aastat" 18.
    pub months: u32,
    /// `false` for "soovitavalt 3-aastane", "kasuks tuleb …".
    pub required: bool,
    pub relation: Relation,
    /// "paariaastane" (a couple of years) is about two.
    pub approximate: bool,
    /// The field as written around the figure ("IT-projektijuhtimise
    /// kogemus"), for matching the profile's jobs.
    pub field: String,
    /// The words that asked, whitespace collapsed, for messages.
    pub phrase: String,
}

impl YearsDemand {
    /// The years asked, as a number: 3, or 1.5.
    pub fn years(&self) -> f64 {
        f64::from(self.months) / 12.0
    }
}

/// Read one requirement line.
pub fn read(text: &str) -> Reading {
    let clauses: Vec<(tokens::Clause, Vec<bool>)> = tokens::clauses(text)
        .into_iter()
        .map(|c| {
            let mask = scope::optional_mask(&c);
            (c, mask)
        })
        .collect();
    let mut reading = Reading {
        optional: scope::all_optional(&clauses),
        education: education::education(&clauses),
        ..Reading::default()
    };
    for (c, optional) in &clauses {
        languages::clause_languages(c, optional, &mut reading.languages);
        years::clause_years(c, optional, &mut reading.years);
    }
    if reading.optional {
        reading
            .languages
            .iter_mut()
            .for_each(|d| d.required = false);
        reading.years.iter_mut().for_each(|d| d.required = false);
    }
    reading
}

/// Whether a language known at `have` meets a demand for `want`: a higher
/// level meets every lower one, a mother tongue meets every level.
pub fn meets(have: LanguageLevel, want: LanguageLevel) -> bool {
    have >= want
}

#[cfg(test)]
mod tests;
