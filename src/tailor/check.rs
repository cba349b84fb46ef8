//! Checks of a profile on its own: unique ids, sane date ranges, section ids.

use std::path::Path;

use super::SECTIONS;
use super::select::check_unique;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::profile::Profile;
use crate::model::{Date, Located};

/// Checks of a profile that do not depend on any posting: unique ids, sane date ranges.
pub fn check_profile(profile: &Profile, file: &Path) -> Diagnostics {
    let mut d = Diagnostics::default();
    check_unique(&profile.experience, "experience", file, &mut d);
    for e in &profile.experience {
        check_unique(
            &e.highlights,
            &format!("experience[{}].highlights", e.id.value),
            file,
            &mut d,
        );
    }
    check_unique(&profile.education, "education", file, &mut d);
    check_unique(&profile.skills, "skills", file, &mut d);
    check_unique(&profile.languages, "languages", file, &mut d);
    check_unique(&profile.certifications, "certifications", file, &mut d);
    check_unique(&profile.projects, "projects", file, &mut d);
    check_unique(&profile.publications, "publications", file, &mut d);
    check_unique(&profile.volunteering, "volunteering", file, &mut d);
    check_unique(&profile.references, "references", file, &mut d);
    check_unique(&profile.sections, "sections", file, &mut d);
    for s in &profile.sections {
        if SECTIONS.contains(&s.id.value.as_str()) {
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
    let mut range =
        |list: &str, i: &str, start: Option<&Located<Date>>, end: Option<&Located<Date>>| {
            if let (Some(s), Some(e)) = (start, end)
                && e.value < s.value
                && !(e.value.year == s.value.year
                    && (e.value.month.is_none() || s.value.month.is_none()))
            {
                d.push(
                    Diagnostic::new(file, format!("end {} is before start {}", e.value, s.value))
                        .at(e.pos)
                        .field(format!("{list}[{i}].end")),
                );
            }
        };
    for e in &profile.experience {
        range("experience", &e.id.value, Some(&e.start), e.end.as_ref());
    }
    for e in &profile.volunteering {
        range("volunteering", &e.id.value, Some(&e.start), e.end.as_ref());
    }
    for e in &profile.education {
        range("education", &e.id.value, e.start.as_ref(), e.end.as_ref());
    }
    for p in &profile.projects {
        range("projects", &p.id.value, p.start.as_ref(), p.end.as_ref());
    }
    d
}
