//! The e-CF competence catalogue and the professional standards built on it,
//! compiled into the binary as data.
//!
//! # Where the data comes from
//!
//! **Codes.** e-CF 4.0 (EN 16234-1:2019) has 41 competences, as the published
//! summaries of EN 16234-1 and CEN/TR 16234-2 say (e.g. the SIST EN
//! 16234-1:2020 catalogue entry: "a reference of 41 competences"). The code
//! set used here — A.1–A.10, B.1–B.6, C.1–C.5, D.1–D.11, E.1–E.9 — is the one
//! a public code repository maps, id by id, when it loads ESCO's e-CF 4.0
//! crosswalk table (`e-Cf_ESCO.csv`); the table itself was not available to
//! read. It is the only machine-readable e-CF 4.0 list found.
//!
//! **English names.** The standard's own text could not be consulted (it is
//! sold, and no public copy was found). For the 36 codes whose meaning e-CF
//! 4.0 kept from e-CF 3.0, the names are e-CF 3.0's (CWA 16234-1:2014), checked
//! against a public web copy of the e-CF 3.0 competence descriptions
//! (e-competence-quality.com) and a public database dump of the e-CF 3.0 text
//! (which spaces A.4 as "Product / Service Planning"). e-CF 4.0 may have
//! spelled some of them out (it is believed to say "Information Systems …"
//! for "IS …" in A.1 and E.9, and "ICT Systems Engineering" for B.6); those
//! renames are not verified, so the 3.0 wording stays. The five codes that
//! are new or were reassigned in e-CF 4.0 carry names from secondary
//! knowledge of the 4.0 changes, **not checked against the standard's text**
//! (marked `4.0, unverified` below):
//! A.10 User Experience and C.5 Systems Management (new);
//! D.5 Sales Development (e-CF 3.0's D.5 Sales Proposal Development and D.7
//! Sales Management merged); D.6 Digital Marketing (e-CF 3.0's D.12; 3.0's
//! D.6 Channel Management was dropped); D.7 Data Science and Analytics (new).
//! So an e-CF 3.0 "D.6", "D.7" or "D.12" in old documents means something else.
//!
//! **Estonian names.** Where a code appears in the professional standard
//! "IT-juht, tase 7" (Kutsekoda, the version with five partial
//! qualifications; `postings-reference/002_…`), its name is that standard's,
//! letter for letter (section B.3). That standard names two competences with
//! two codes each — B.3.5 "Tehnoloogia arengu jälgimine ja innovatsioon"
//! (A.7 and A.9) and B.3.18 "Infoturbestrateegia väljatöötamine ja haldamine"
//! (E.8 and D.1) — and both codes of a pair carry that one name. Six more
//! names come from other Estonian professional standards in the Kutseregister,
//! each written there next to its e-CF code:
//! - A.4 "Toote või projekti kavandamine": IT juht, tase 7, version 5 (2012),
//!   work unit 4 (kutseregister.ee standard 10443037); the same wording is
//!   quoted for A.4 in the change notes of Noorem-tarkvaraarendaja, tase 4,
//!   version 7 (standard 11202551).
//! - A.6 "Rakenduse projekteerimine": Noorem-tarkvaraarendaja, tase 4,
//!   version 7, change notes quoting the earlier work unit (standard 11202551).
//! - B.3 "Testimine", B.4 "Lahenduste juurutamine", B.5 "Dokumentatsiooni
//!   koostamine", C.1 "Kasutajatugi": the certificate supplement of
//!   IT-süsteemide nooremspetsialist, tase 3 (kutseregister.ee
//!   KutsetunnistuseLisad 10455542). Its C.1 line is cut off in the copy read
//!   ("Kasutajatugi (e-CF kom…"); that user support is C.1 is confirmed by
//!   Junior IT Systems Specialist, EstQF level 4 (standard 11313942, "User
//!   support (e-CF competence C.1)").
//!
//! Every other code has no Estonian name (`et: None`) and shows its English
//! name in Estonian documents. No Estonian source was found for the names of
//! the five areas either, so [`Area::name`] is English in both languages.
//!
//! # Codes as users write them
//!
//! [`find`] accepts the canonical form (`E.2`) and, leniently, a lower-case
//! letter and a missing dot (`e.2`, `E2`, `e2`), with surrounding blanks
//! ignored; the canonical code is [`Competence::code`]. Anything else
//! (`E.02`, `E 2`, `E.2.1`) is unknown, and [`suggest`] offers the nearest
//! code.

use crate::diag::did_you_mean;
use crate::model::Lang;
use Area::{Build, Enable, Manage, Plan, Run};

/// The five e-CF areas, in the framework's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Plan,
    Build,
    Run,
    Enable,
    Manage,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::Plan,
        Area::Build,
        Area::Run,
        Area::Enable,
        Area::Manage,
    ];

    /// The letter that starts the codes of this area: `A` … `E`.
    pub fn letter(self) -> char {
        match self {
            Area::Plan => 'A',
            Area::Build => 'B',
            Area::Run => 'C',
            Area::Enable => 'D',
            Area::Manage => 'E',
        }
    }

    /// The area's name. No Estonian source was found (see the module
    /// documentation), so both languages get the e-CF's English.
    pub fn name(self, lang: Lang) -> &'static str {
        let en = match self {
            Area::Plan => "Plan",
            Area::Build => "Build",
            Area::Run => "Run",
            Area::Enable => "Enable",
            Area::Manage => "Manage",
        };
        match lang {
            Lang::Et | Lang::En => en,
        }
    }
}

/// One e-CF competence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Competence {
    /// Canonical code, e.g. `E.2`.
    pub code: &'static str,
    pub area: Area,
    /// The e-CF's English name.
    pub en: &'static str,
    /// The Estonian name, where a real Estonian source gives one.
    pub et: Option<&'static str>,
}

impl Competence {
    /// The name in `lang`; Estonian falls back to English.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Et => self.et.unwrap_or(self.en),
            Lang::En => self.en,
        }
    }
}

const fn c(
    code: &'static str,
    area: Area,
    en: &'static str,
    et: Option<&'static str>,
) -> Competence {
    Competence { code, area, en, et }
}

// Names shared by two codes in "IT-juht, tase 7".
const ET_TECH_AND_INNOVATION: &str = "Tehnoloogia arengu jälgimine ja innovatsioon"; // B.3.5
const ET_INFOSEC_STRATEGY: &str = "Infoturbestrateegia väljatöötamine ja haldamine"; // B.3.18

/// All 41 competences of e-CF 4.0, in the framework's order.
/// Comments: `B.3.n` is the competence's number in "IT-juht, tase 7";
/// other Estonian sources are listed in the module documentation.
#[rustfmt::skip]
pub static CATALOGUE: [Competence; 41] = [
    c("A.1", Plan, "IS and Business Strategy Alignment",
        Some("Infosüsteemi ja äristrateegia kooskõlastamine")), // B.3.1
    c("A.2", Plan, "Service Level Management", Some("Teenusetaseme haldus")), // B.3.2
    c("A.3", Plan, "Business Plan Development", Some("Tegevusplaani väljatöötamine")), // B.3.3
    c("A.4", Plan, "Product/Service Planning", Some("Toote või projekti kavandamine")), // IT juht v5
    c("A.5", Plan, "Architecture Design", Some("Arhitektuuri planeerimine")), // B.3.4
    c("A.6", Plan, "Application Design", Some("Rakenduse projekteerimine")), // Noorem-tarkvaraarendaja
    c("A.7", Plan, "Technology Trend Monitoring", Some(ET_TECH_AND_INNOVATION)), // B.3.5
    c("A.8", Plan, "Sustainable Development", Some("Jätkusuutlikkuse tagamine")), // B.3.6
    c("A.9", Plan, "Innovating", Some(ET_TECH_AND_INNOVATION)), // B.3.5
    c("A.10", Plan, "User Experience", None), // 4.0, unverified
    c("B.1", Build, "Application Development", None),
    c("B.2", Build, "Component Integration", None),
    c("B.3", Build, "Testing", Some("Testimine")), // IT-süsteemide nooremspetsialist
    c("B.4", Build, "Solution Deployment", Some("Lahenduste juurutamine")), // same
    c("B.5", Build, "Documentation Production", Some("Dokumentatsiooni koostamine")), // same
    c("B.6", Build, "Systems Engineering", None),
    c("C.1", Run, "User Support", Some("Kasutajatugi")), // IT-süsteemide nooremspetsialist
    c("C.2", Run, "Change Support", None),
    c("C.3", Run, "Service Delivery", None),
    c("C.4", Run, "Problem Management", Some("Probleemihaldus")), // B.3.7
    c("C.5", Run, "Systems Management", None), // 4.0, unverified
    c("D.1", Enable, "Information Security Strategy Development", Some(ET_INFOSEC_STRATEGY)), // B.3.18
    c("D.2", Enable, "ICT Quality Strategy Development",
        Some("IT kvaliteedinormide väljatöötamine")), // B.3.8
    c("D.3", Enable, "Education and Training Provision", None),
    c("D.4", Enable, "Purchasing", Some("Hankimine")), // B.3.9
    c("D.5", Enable, "Sales Development", None), // 4.0, unverified
    c("D.6", Enable, "Digital Marketing", None), // 4.0, unverified
    c("D.7", Enable, "Data Science and Analytics", None), // 4.0, unverified
    c("D.8", Enable, "Contract Management", None),
    c("D.9", Enable, "Personnel Development", Some("Personaliarendus")), // B.3.10
    c("D.10", Enable, "Information and Knowledge Management",
        Some("Informatsiooni ja oskusteabe haldamine")), // B.3.11
    c("D.11", Enable, "Needs Identification", Some("Ärivajaduste väljaselgitamine")), // B.3.12
    c("E.1", Manage, "Forecast Development", None),
    c("E.2", Manage, "Project and Portfolio Management",
        Some("Projektijuhtimine ja -portfelli haldamine")), // B.3.13
    c("E.3", Manage, "Risk Management", Some("Riskijuhtimine")), // B.3.14
    c("E.4", Manage, "Relationship Management", Some("Suhete juhtimine")), // B.3.15
    c("E.5", Manage, "Process Improvement", Some("IT protsesside täiustamine")), // B.3.16
    c("E.6", Manage, "ICT Quality Management", None),
    c("E.7", Manage, "Business Change Management", Some("Ärimuudatuste juhtimine")), // B.3.17
    c("E.8", Manage, "Information Security Management", Some(ET_INFOSEC_STRATEGY)), // B.3.18
    c("E.9", Manage, "IS Governance", Some("IT valitsemine/juhtimine")), // B.3.19
];

/// What the valid codes are, for messages.
pub const CODES_HELP: &str = "e-CF 4.0 codes are A.1–A.10, B.1–B.6, C.1–C.5, D.1–D.11 and E.1–E.9; `dossier competences` lists them with their names";

/// `E.2`, `e.2`, `E2`, `e2` → `E.2`; `None` when `code` is not of that shape.
fn canonical(code: &str) -> Option<String> {
    let code = code.trim();
    let mut chars = code.chars();
    let letter = chars.next()?.to_ascii_uppercase();
    if !letter.is_ascii_uppercase() {
        return None;
    }
    let rest = chars.as_str();
    let number = rest.strip_prefix('.').unwrap_or(rest);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{letter}.{number}"))
}

/// The competence with this code; lenient about the letter's case and the
/// dot (see the module documentation).
pub fn find(code: &str) -> Option<&'static Competence> {
    let code = canonical(code)?;
    CATALOGUE.iter().find(|c| c.code == code)
}

/// The code the user probably meant: the competence itself when [`find`]
/// knows `code`, else the nearest catalogue code within a small edit
/// distance (`E.22` → `E.2`), else `None`.
pub fn suggest(code: &str) -> Option<&'static str> {
    if let Some(c) = find(code) {
        return Some(c.code);
    }
    let word = canonical(code).unwrap_or_else(|| code.trim().to_ascii_uppercase());
    did_you_mean(&word, CATALOGUE.iter().map(|c| c.code))
}

/// A role of a professional standard (in Estonian: osakutse, a partial
/// qualification) and the competences it requires.
#[derive(Debug, PartialEq, Eq)]
pub struct Role {
    /// Short ASCII id, unique within its standard.
    pub id: &'static str,
    pub et: &'static str,
    pub en: &'static str,
    /// Codes of the mandatory competences, in catalogue order.
    pub mandatory: &'static [&'static str],
}

impl Role {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Et => self.et,
            Lang::En => self.en,
        }
    }

    /// The mandatory competences.
    pub fn competences(&self) -> impl Iterator<Item = &'static Competence> + use<> {
        let mandatory: &'static [&'static str] = self.mandatory;
        mandatory.iter().filter_map(|code| find(code))
    }
}

/// A professional standard built on the e-CF.
#[derive(Debug, PartialEq, Eq)]
pub struct Standard {
    /// Short ASCII id, as written in a tailoring file.
    pub id: &'static str,
    pub et: &'static str,
    pub en: &'static str,
    /// Codes of the competences the whole qualification requires, in
    /// catalogue order.
    pub mandatory: &'static [&'static str],
    pub roles: &'static [Role],
}

impl Standard {
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Et => self.et,
            Lang::En => self.en,
        }
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&'static Role> {
        let roles: &'static [Role] = self.roles;
        roles.iter().find(|r| r.id == id)
    }

    fn role_ids(&self) -> String {
        let ids: Vec<&str> = self.roles.iter().map(|r| r.id).collect();
        ids.join(", ")
    }
}

/// "IT-juht, tase 7" (Kutsekoda; `postings-reference/002_…`).
///
/// Section B.1 lists, per partial qualification, the mandatory competences
/// B.3.n; B.3.5 stands for A.7 and A.9, and B.3.18 for E.8 and D.1, so a role
/// requiring those requires both codes. Besides its competences every role
/// requires the general skills of B.2 (thinking, self-management,
/// interpersonal skills, English B2, computer use), which are not e-CF
/// competences and are not listed here. The standard has no further
/// competences common to all roles: E.2 (B.3.13) and E.4 (B.3.15) are
/// mandatory in every role only because B.1 names them for each. The whole
/// qualification requires B.3.1–B.3.19, which is the union of the five roles.
///
/// Role ids are the Estonian role names without "IT" and the level;
/// "IT meeskonna- ja partnerlusjuht" is shortened to `meeskonnajuht`. The
/// English role names are ours: the standard gives an English name only for
/// the whole qualification (section C.2).
const IT_JUHT_7: Standard = Standard {
    id: "it-juht-7",
    et: "IT-juht, tase 7",
    en: "IT manager, EstQF Level 7",
    mandatory: &[
        "A.1", "A.2", "A.3", "A.5", "A.7", "A.8", "A.9", "C.4", "D.1", "D.2", "D.4", "D.9", "D.10",
        "D.11", "E.2", "E.3", "E.4", "E.5", "E.7", "E.8", "E.9",
    ],
    roles: &[
        Role {
            id: "arendusjuht",
            et: "IT arendusjuht, tase 7",
            en: "IT development manager, level 7",
            // B.3.1, 3, 4, 5, 6, 8, 9, 12, 13, 15, 17, 19
            mandatory: &[
                "A.1", "A.3", "A.5", "A.7", "A.8", "A.9", "D.2", "D.4", "D.11", "E.2", "E.4",
                "E.7", "E.9",
            ],
        },
        Role {
            id: "haldusjuht",
            et: "IT haldusjuht, tase 7",
            en: "IT operations manager, level 7",
            // B.3.2, 7, 9, 12, 13, 15, 16, 19
            mandatory: &["A.2", "C.4", "D.4", "D.11", "E.2", "E.4", "E.5", "E.9"],
        },
        Role {
            id: "meeskonnajuht",
            et: "IT meeskonna- ja partnerlusjuht, tase 7",
            en: "IT team and partnership manager, level 7",
            // B.3.5, 10, 13, 15
            mandatory: &["A.7", "A.9", "D.9", "E.2", "E.4"],
        },
        Role {
            id: "andmehaldusejuht",
            et: "Andmehaldusejuht, tase 7",
            en: "Data management manager, level 7",
            // B.3.5, 11, 13, 15, 19
            mandatory: &["A.7", "A.9", "D.10", "E.2", "E.4", "E.9"],
        },
        Role {
            id: "infoturbejuht",
            et: "Infoturbejuht, tase 7",
            en: "Information security manager, level 7",
            // B.3.5, 7, 13, 14, 15, 16, 18, 19
            mandatory: &[
                "A.7", "A.9", "C.4", "D.1", "E.2", "E.3", "E.4", "E.5", "E.8", "E.9",
            ],
        },
    ],
};

/// The professional standards built into the binary.
pub static STANDARDS: &[Standard] = &[IT_JUHT_7];

/// The standard with this id.
pub fn standard(id: &str) -> Option<&'static Standard> {
    STANDARDS.iter().find(|s| s.id == id)
}

pub fn unknown_standard(id: &str) -> String {
    let ids: Vec<&str> = STANDARDS.iter().map(|s| s.id).collect();
    let hint = did_you_mean(id, ids.iter().copied())
        .map(|b| format!("; did you mean \"{b}\"?"))
        .unwrap_or_default();
    format!(
        "unknown professional standard \"{id}\"{hint}; known: {}",
        ids.join(", ")
    )
}

/// A role written as `standard/role`, e.g. `it-juht-7/arendusjuht`. The
/// error names what exists, with a "did you mean" where one is close.
pub fn role(spec: &str) -> Result<(&'static Standard, &'static Role), String> {
    let Some((std_id, role_id)) = spec.split_once('/') else {
        return Err(match standard(spec) {
            Some(s) => {
                let specs: Vec<String> = s
                    .roles
                    .iter()
                    .map(|r| format!("{}/{}", s.id, r.id))
                    .collect();
                format!(
                    "\"{spec}\" is a standard, not a role; name one of its roles: {}",
                    specs.join(", ")
                )
            }
            None => unknown_standard(spec),
        });
    };
    let s = standard(std_id).ok_or_else(|| unknown_standard(std_id))?;
    let r = s.role(role_id).ok_or_else(|| {
        // A typo, or the start of exactly one role's id ("arendus").
        let mut starting = s.roles.iter().filter(|r| r.id.starts_with(role_id));
        let prefix = match (role_id.is_empty(), starting.next(), starting.next()) {
            (false, Some(only), None) => Some(only.id),
            _ => None,
        };
        let hint = did_you_mean(role_id, s.roles.iter().map(|r| r.id))
            .or(prefix)
            .map(|b| format!("; did you mean \"{b}\"?"))
            .unwrap_or_default();
        format!(
            "unknown role \"{role_id}\" in standard \"{}\"{hint}; known: {}",
            s.id,
            s.role_ids()
        )
    })?;
    Ok((s, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn position(code: &str) -> usize {
        CATALOGUE
            .iter()
            .position(|c| c.code == code)
            .unwrap_or_else(|| panic!("{code} is not in the catalogue"))
    }

    #[test]
    fn catalogue_has_41_unique_well_formed_codes() {
        assert_eq!(CATALOGUE.len(), 41);
        let codes: BTreeSet<&str> = CATALOGUE.iter().map(|c| c.code).collect();
        assert_eq!(codes.len(), 41, "duplicate codes");
        for c in &CATALOGUE {
            let (letter, number) = c.code.split_once('.').unwrap_or_else(|| panic!("{c:?}"));
            assert_eq!(
                letter.chars().collect::<Vec<_>>(),
                [c.area.letter()],
                "{c:?}"
            );
            assert!(!number.starts_with('0'), "{c:?}");
            assert!(number.parse::<u32>().is_ok(), "{c:?}");
            assert_eq!(canonical(c.code).as_deref(), Some(c.code));
            assert!(!c.en.trim().is_empty(), "{c:?}");
            assert_eq!(c.en.trim(), c.en, "{c:?}");
            if let Some(et) = c.et {
                assert!(!et.trim().is_empty() && et.trim() == et, "{c:?}");
            }
        }
        let names: BTreeSet<&str> = CATALOGUE.iter().map(|c| c.en).collect();
        assert_eq!(names.len(), 41, "duplicate English names");
    }

    #[test]
    fn areas_are_contiguous_and_numbered_from_one() {
        let mut expected_area = 0;
        let mut expected_number = 1;
        for c in &CATALOGUE {
            if c.area != Area::ALL[expected_area] {
                expected_area += 1;
                expected_number = 1;
                assert_eq!(c.area, Area::ALL[expected_area], "{c:?} out of order");
            }
            assert_eq!(c.code, format!("{}.{expected_number}", c.area.letter()));
            expected_number += 1;
        }
        assert_eq!(expected_area, Area::ALL.len() - 1);
        let count = |a: Area| CATALOGUE.iter().filter(|c| c.area == a).count();
        let counts: Vec<usize> = Area::ALL.iter().map(|&a| count(a)).collect();
        assert_eq!(counts, [10, 6, 5, 11, 9]);
    }

    #[test]
    fn area_letters_and_names() {
        let letters: String = Area::ALL.iter().map(|a| a.letter()).collect();
        assert_eq!(letters, "ABCDE");
        assert_eq!(Area::Enable.name(Lang::En), "Enable");
        assert_eq!(Area::Enable.name(Lang::Et), "Enable");
    }

    /// Every competence "IT-juht, tase 7" names (section B.3), letter for letter.
    const IT_JUHT_7_NAMES: [(&str, &str); 21] = [
        ("A.1", "Infosüsteemi ja äristrateegia kooskõlastamine"),
        ("A.2", "Teenusetaseme haldus"),
        ("A.3", "Tegevusplaani väljatöötamine"),
        ("A.5", "Arhitektuuri planeerimine"),
        ("A.7", "Tehnoloogia arengu jälgimine ja innovatsioon"),
        ("A.9", "Tehnoloogia arengu jälgimine ja innovatsioon"),
        ("A.8", "Jätkusuutlikkuse tagamine"),
        ("C.4", "Probleemihaldus"),
        ("D.2", "IT kvaliteedinormide väljatöötamine"),
        ("D.4", "Hankimine"),
        ("D.9", "Personaliarendus"),
        ("D.10", "Informatsiooni ja oskusteabe haldamine"),
        ("D.11", "Ärivajaduste väljaselgitamine"),
        ("E.2", "Projektijuhtimine ja -portfelli haldamine"),
        ("E.3", "Riskijuhtimine"),
        ("E.4", "Suhete juhtimine"),
        ("E.5", "IT protsesside täiustamine"),
        ("E.7", "Ärimuudatuste juhtimine"),
        ("E.8", "Infoturbestrateegia väljatöötamine ja haldamine"),
        ("D.1", "Infoturbestrateegia väljatöötamine ja haldamine"),
        ("E.9", "IT valitsemine/juhtimine"),
    ];

    #[test]
    fn estonian_names_are_the_standards() {
        for (code, et) in IT_JUHT_7_NAMES {
            let c = find(code).unwrap_or_else(|| panic!("{code}"));
            assert_eq!(c.et, Some(et), "{code}");
            assert_eq!(c.name(Lang::Et), et, "{code}");
        }
        let distinct: BTreeSet<&str> = IT_JUHT_7_NAMES.iter().map(|(_, et)| *et).collect();
        assert_eq!(distinct.len(), 19, "the standard names 19 competences");
        // Spot checks, written out.
        assert_eq!(
            find("E.2").map(|c| c.name(Lang::Et)),
            Some("Projektijuhtimine ja -portfelli haldamine")
        );
        assert_eq!(
            find("D.9").map(|c| c.name(Lang::Et)),
            Some("Personaliarendus")
        );
    }

    #[test]
    fn name_falls_back_to_english() {
        let b1 = find("B.1").unwrap_or_else(|| panic!("B.1"));
        assert_eq!(b1.et, None);
        assert_eq!(b1.name(Lang::Et), "Application Development");
        assert_eq!(b1.name(Lang::En), "Application Development");
        let e2 = find("E.2").unwrap_or_else(|| panic!("E.2"));
        assert_eq!(e2.name(Lang::En), "Project and Portfolio Management");
    }

    #[test]
    fn find_accepts_case_and_missing_dot() {
        for spelling in ["E.2", "e.2", "E2", "e2", " E.2 "] {
            assert_eq!(find(spelling).map(|c| c.code), Some("E.2"), "{spelling:?}");
        }
        assert_eq!(find("a10").map(|c| c.code), Some("A.10"));
        assert_eq!(find("D.11").map(|c| c.code), Some("D.11"));
        for bad in [
            "", "E", "E.", "E.02", "E 2", "E.2.1", "EE2", "F.1", "E.10", "D.12", "C.6", "Ä.1",
            ".2", "2",
        ] {
            assert_eq!(find(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn suggest_offers_the_nearest_code() {
        assert_eq!(suggest("E.22"), Some("E.2"));
        assert_eq!(suggest("A.11"), Some("A.1"));
        assert_eq!(suggest("e2"), Some("E.2"));
        assert_eq!(suggest("E.2"), Some("E.2"));
        assert_eq!(suggest("Z.99"), None);
        assert_eq!(suggest("project management"), None);
    }

    #[test]
    fn it_juht_7_has_five_roles_with_known_codes() {
        let s = standard("it-juht-7").unwrap_or_else(|| panic!("it-juht-7"));
        let ids: Vec<&str> = s.roles.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [
                "arendusjuht",
                "haldusjuht",
                "meeskonnajuht",
                "andmehaldusejuht",
                "infoturbejuht"
            ]
        );
        for list in s.roles.iter().map(|r| r.mandatory).chain([s.mandatory]) {
            for code in list {
                assert!(find(code).is_some_and(|c| c.code == *code), "{code}");
            }
            let positions: Vec<usize> = list.iter().map(|c| position(c)).collect();
            assert!(
                positions.windows(2).all(|w| w[0] < w[1]),
                "{list:?} not unique and in catalogue order"
            );
        }
        for r in s.roles {
            assert_eq!(r.competences().count(), r.mandatory.len(), "{}", r.id);
            assert!(r.mandatory.contains(&"E.2") && r.mandatory.contains(&"E.4"));
        }
        // The whole qualification is B.3.1–B.3.19: the union of the roles.
        let union: BTreeSet<&str> = s
            .roles
            .iter()
            .flat_map(|r| r.mandatory.iter().copied())
            .collect();
        let whole: BTreeSet<&str> = s.mandatory.iter().copied().collect();
        assert_eq!(union, whole);
        assert_eq!(whole.len(), 21);
        let named: BTreeSet<&str> = IT_JUHT_7_NAMES.iter().map(|(code, _)| *code).collect();
        assert_eq!(whole, named);
    }

    #[test]
    fn roles_require_what_section_b1_says() {
        let expect = |spec: &str, codes: &[&str]| {
            let (_, r) = role(spec).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(r.mandatory, codes, "{spec}");
        };
        expect(
            "it-juht-7/arendusjuht",
            &[
                "A.1", "A.3", "A.5", "A.7", "A.8", "A.9", "D.2", "D.4", "D.11", "E.2", "E.4",
                "E.7", "E.9",
            ],
        );
        expect(
            "it-juht-7/haldusjuht",
            &["A.2", "C.4", "D.4", "D.11", "E.2", "E.4", "E.5", "E.9"],
        );
        expect(
            "it-juht-7/meeskonnajuht",
            &["A.7", "A.9", "D.9", "E.2", "E.4"],
        );
        expect(
            "it-juht-7/andmehaldusejuht",
            &["A.7", "A.9", "D.10", "E.2", "E.4", "E.9"],
        );
        expect(
            "it-juht-7/infoturbejuht",
            &[
                "A.7", "A.9", "C.4", "D.1", "E.2", "E.3", "E.4", "E.5", "E.8", "E.9",
            ],
        );
    }

    #[test]
    fn role_and_standard_lookup() {
        let (s, r) = role("it-juht-7/infoturbejuht").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.name(Lang::Et), "IT-juht, tase 7");
        assert_eq!(s.name(Lang::En), "IT manager, EstQF Level 7");
        assert_eq!(r.name(Lang::Et), "Infoturbejuht, tase 7");
        assert!(std::ptr::eq(s, &STANDARDS[0]));
        assert_eq!(standard("it-juht-8"), None);
        assert_eq!(s.role("nobody"), None);
    }

    #[test]
    fn role_errors_name_what_exists() {
        let err = |spec: &str| {
            role(spec)
                .err()
                .unwrap_or_else(|| panic!("{spec} accepted"))
        };

        let e = err("it-juht-7");
        assert!(e.contains("is a standard, not a role"), "{e}");
        assert!(
            e.contains("it-juht-7/arendusjuht") && e.contains("it-juht-7/infoturbejuht"),
            "{e}"
        );

        let e = err("it-juht7/arendusjuht");
        assert_eq!(
            e,
            "unknown professional standard \"it-juht7\"; did you mean \"it-juht-7\"?; known: it-juht-7"
        );

        let e = err("it-juht-7/arendus");
        assert!(
            e.starts_with("unknown role \"arendus\" in standard \"it-juht-7\""),
            "{e}"
        );
        assert!(e.contains("did you mean \"arendusjuht\"?"), "{e}");
        assert!(
            e.ends_with(
                "known: arendusjuht, haldusjuht, meeskonnajuht, andmehaldusejuht, infoturbejuht"
            ),
            "{e}"
        );

        let e = err("it-juht-7/infoturbjuht");
        assert!(e.contains("did you mean \"infoturbejuht\"?"), "{e}");

        let e = err("it-juht-7/");
        assert!(!e.contains("did you mean"), "{e}");

        let e = err("foo/bar");
        assert_eq!(e, "unknown professional standard \"foo\"; known: it-juht-7");

        let e = err("");
        assert!(e.starts_with("unknown professional standard \"\""), "{e}");

        let e = err("it-juht-7/infoturbejuht/x");
        assert!(e.contains("unknown role \"infoturbejuht/x\""), "{e}");
    }
}
