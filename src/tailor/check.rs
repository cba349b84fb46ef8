//! Checks of a profile on its own: unique ids, sane date ranges, section ids.

use std::path::Path;

use super::select::check_unique;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::profile::{Item, Language, LanguageLevel, Profile};
use crate::model::{Id, Section, competence};

/// Checks of a profile that do not depend on any posting: unique ids, sane date ranges.
pub fn check_profile(profile: &Profile, file: &Path) -> Diagnostics {
    let mut d = Diagnostics::default();
    let lists = || Section::ALL.into_iter().filter(|s| s.has_items());
    for section in lists() {
        check_unique(profile.items(section), section.id(), file, &mut d);
    }
    for e in &profile.experience {
        check_unique(
            e.highlights.iter().map(|h| h as &dyn Item),
            &format!("experience[{}].highlights", e.id.value),
            file,
            &mut d,
        );
    }
    check_unique(
        profile.sections.iter().map(|s| s as &dyn Item),
        "sections",
        file,
        &mut d,
    );
    for s in &profile.sections {
        if Section::from_id(&s.id.value).is_some() {
            d.push(
                Diagnostic::new(
                    file,
                    format!(
                        "section id \"{}\" is a built-in section; choose another id",
                        s.id.value
                    ),
                )
                .at(s.id.pos)
                .field("sections"),
            );
        }
    }
    for section in lists() {
        for item in profile.items(section) {
            check_range(item, section.id(), file, &mut d);
            let at = format!("{}[{}]", section.id(), item.id().value);
            check_competences(item.competences(), &at, file, &mut d);
        }
    }
    for e in &profile.experience {
        for h in &e.highlights {
            let at = format!("experience[{}].highlights[{}]", e.id.value, h.id.value);
            check_competences(&h.competences, &at, file, &mut d);
        }
    }
    for l in &profile.languages {
        check_levels(l, file, &mut d);
    }
    d
}

/// `levels` are CEFR levels of the skills of a language learnt: a mother
/// tongue (`level: native`) has none, and `native` is no level of one skill
/// (it would be printed as the word in the Europass grid).
fn check_levels(l: &Language, file: &Path, d: &mut Diagnostics) {
    let Some(levels) = &l.levels else {
        return;
    };
    let at = format!("languages[{}].levels", l.id.value);
    if l.level.value == LanguageLevel::Native {
        d.push(
            Diagnostic::new(
                file,
                "a mother tongue (`level: native`) has no per-skill `levels`: the CVs show it as a \
                 mother tongue, not in the CEFR grid; remove `levels`, or give the language a CEFR \
                 `level` (A1…C2)",
            )
            .at(levels.pos)
            .field(at),
        );
        return;
    }
    for (skill, level) in levels.value.by_name() {
        if let Some(level) = level.filter(|s| s.value == LanguageLevel::Native) {
            d.push(
                Diagnostic::new(
                    file,
                    format!(
                        "`native` is not a level of one skill; give {skill} a CEFR level (A1…C2), \
                         or, for a mother tongue, write `level: native` without `levels`"
                    ),
                )
                .at(level.pos)
                .field(format!("{at}.{skill}")),
            );
        }
    }
}

/// Every competence code must be one of the e-CF catalogue's.
pub fn check_competences(codes: &[Id], at: &str, file: &Path, d: &mut Diagnostics) {
    for (i, code) in codes.iter().enumerate() {
        if competence::find(&code.value).is_none() {
            d.push(
                unknown_competence(&code.value, file)
                    .at(code.pos)
                    .field(format!("{at}.competences[{i}]")),
            );
        }
    }
}

pub fn unknown_competence(code: &str, file: &Path) -> Diagnostic {
    let hint = competence::suggest(code)
        .map(|c| format!("; did you mean \"{c}\"?"))
        .unwrap_or_default();
    Diagnostic::new(file, format!("unknown e-CF competence \"{code}\"{hint}"))
        .help(competence::CODES_HELP)
}

/// An end before its start is a mistake, unless both fall in one year and
/// one of them gives no month.
fn check_range(item: &dyn Item, list: &str, file: &Path, d: &mut Diagnostics) {
    if let (Some(s), Some(e)) = item.span()
        && e.value < s.value
        && !(e.value.year == s.value.year && (e.value.month.is_none() || s.value.month.is_none()))
    {
        d.push(
            Diagnostic::new(file, format!("end {} is before start {}", e.value, s.value))
                .at(e.pos)
                .field(format!("{list}[{}].end", item.id().value)),
        );
    }
}
