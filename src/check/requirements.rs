//! A posting's requirements against the profile: which have evidence (and
//! whether the CV shows it), and what the text asks that can be computed —
//! a language at a CEFR level, a number of years of experience.

use serde::Serialize;

use crate::requirement::{self as phrases, LanguageDemand};
use crate::build::Merged;
use crate::diag::{Diagnostic, Pos};
use crate::model::profile::{LanguageLevel, Profile};
use crate::model::{Date, Section};
use crate::tailor::context::{EvidenceCtx, RequirementCtx};

/// One requirement as `check` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementReport {
    pub text: String,
    /// `covered` (it has evidence) or `gap`.
    pub status: &'static str,
    pub evidence: Vec<EvidenceCtx>,
    /// Languages the text asks for, and what the evidence shows.
    pub languages: Vec<LanguageCheck>,
    /// Years of experience the text asks for, and what the evidence adds up to.
    pub years: Option<YearsCheck>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageCheck {
    /// ISO 639-1 code.
    pub language: &'static str,
    pub asks: &'static str,
    /// The level of the evidence that names this language (`None`: no evidence does).
    pub has: Option<&'static str>,
    pub met: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearsCheck {
    pub asks: u32,
    /// Months of experience of the jobs the evidence names, overlaps counted once.
    pub months: u32,
    pub met: bool,
}

/// The requirements of a merged posting, and the findings about them;
/// `about_cv`: whether what its CV shows still matters (not once sent).
pub fn check(
    m: &Merged,
    until: Date,
    about_cv: bool,
    findings: &mut Vec<Diagnostic>,
) -> Vec<RequirementReport> {
    let profile = &m.profile.profile;
    let ctx = &m.tailored.context;
    let mut out = Vec::new();
    for (i, (req, asked)) in ctx
        .requirements
        .iter()
        .zip(&m.tailoring.requirements)
        .enumerate()
    {
        let at = |pos: Pos, field: String, d: Diagnostic| d.at(pos).field(field);
        let field = format!("requirements[{i}]");
        for (j, e) in req.evidence.iter().enumerate() {
            if about_cv && !e.in_cv {
                let pos = asked
                    .evidence
                    .get(j)
                    .map(|x| x.pos)
                    .unwrap_or(asked.text.pos);
                findings.push(at(
                    pos,
                    format!("{field}.evidence[{j}]"),
                    Diagnostic::warning(
                        &m.file,
                        format!(
                            "`{}` is evidence, but this CV does not show it",
                            e.reference
                        ),
                    )
                    .help(not_shown_help(e)),
                ));
            }
        }
        let languages = languages(profile, req, &phrases::language_demands(&req.text));
        for l in languages.iter().filter(|l| !l.met) {
            let msg = match l.has {
                Some(has) => format!(
                    "asks for {} in {}, the evidence `{}` is {has}",
                    l.asks,
                    language_name(l.language),
                    evidence_of(profile, req, l.language).unwrap_or_default()
                ),
                None => match profile_level(profile, l.language) {
                    Some((id, level)) => format!(
                        "asks for {} in {}; the evidence does not name `languages.{id}` ({} in the profile)",
                        l.asks,
                        language_name(l.language),
                        level.code()
                    ),
                    None => format!(
                        "asks for {} in {}; the profile has no such language",
                        l.asks,
                        language_name(l.language)
                    ),
                },
            };
            findings.push(at(
                asked.text.pos,
                field.clone(),
                Diagnostic::warning(&m.file, msg),
            ));
        }
        let years = phrases::years_demand(&req.text).map(|d| {
            let months = experience_months(profile, &req.evidence, until);
            YearsCheck {
                asks: d.years,
                months,
                met: months >= d.years * 12,
            }
        });
        if let Some(y) = &years
            && !y.met
        {
            // A job and a highlight of it are one job: name it once
            // ("`experience.pank`, `experience.pank` adds up to" read as two).
            let mut jobs: Vec<String> = Vec::new();
            for e in req
                .evidence
                .iter()
                .filter(|e| e.section == Section::Experience)
            {
                let job = format!("`experience.{}`", e.id);
                if !jobs.contains(&job) {
                    jobs.push(job);
                }
            }
            let msg = if jobs.is_empty() {
                format!(
                    "asks for {} of experience; no `experience.<id>` evidence to count",
                    years_text(y.asks * 12)
                )
            } else {
                format!(
                    "asks for {} of experience; the evidence {} adds up to {}",
                    years_text(y.asks * 12),
                    jobs.join(", "),
                    years_text(y.months)
                )
            };
            findings.push(at(
                asked.text.pos,
                field.clone(),
                Diagnostic::warning(&m.file, msg),
            ));
        }
        out.push(RequirementReport {
            text: req.text.clone(),
            status: if req.evidence.is_empty() {
                "gap"
            } else {
                "covered"
            },
            evidence: req.evidence.clone(),
            languages,
            years,
        });
    }
    out
}

fn not_shown_help(e: &EvidenceCtx) -> String {
    match (e.section, &e.highlight) {
        (Section::Experience, Some(h)) => format!(
            "keep it: `cv.highlights: {{{}: [{h}, …]}}`, and the job in `cv.experience`",
            e.id
        ),
        (s, _) if s.has_items() => format!(
            "add `{}` to `cv.{}` (and `{}` to `cv.sections` if it is not there)",
            e.id,
            s.id(),
            s.id()
        ),
        _ => String::new(),
    }
}

/// For each group of alternatives: one check per demand, or, when one
/// demand of the group is met, that one only.
fn languages(
    profile: &Profile,
    req: &RequirementCtx,
    demands: &[LanguageDemand],
) -> Vec<LanguageCheck> {
    let mut out = Vec::new();
    let mut groups: Vec<usize> = demands.iter().map(|d| d.group).collect();
    groups.dedup();
    for g in groups {
        let checks: Vec<LanguageCheck> = demands
            .iter()
            .filter(|d| d.group == g)
            .map(|d| {
                let has = evidence_level(profile, req, d.language);
                LanguageCheck {
                    language: d.language,
                    asks: d.level.code(),
                    has: has.map(LanguageLevel::code),
                    met: has.is_some_and(|h| phrases::meets(h, d.level)),
                }
            })
            .collect();
        match checks.iter().find(|c| c.met) {
            Some(met) => out.push(met.clone()),
            None => out.extend(checks),
        }
    }
    out
}

/// The ISO code of a profile language: by its id (`et`), else by one of its names.
fn code_of(l: &crate::model::profile::Language) -> Option<&'static str> {
    phrases::language_code(&l.id.value).or_else(|| {
        crate::model::Lang::ALL
            .iter()
            .filter_map(|lang| l.name.get(*lang, None))
            .find_map(phrases::language_code)
    })
}

fn evidence_language<'a>(
    profile: &'a Profile,
    req: &RequirementCtx,
    code: &str,
) -> Option<&'a crate::model::profile::Language> {
    req.evidence
        .iter()
        .filter(|e| e.section == Section::Languages)
        .filter_map(|e| profile.languages.iter().find(|l| l.id.value == e.id))
        .find(|l| code_of(l) == Some(code))
}

fn evidence_level(profile: &Profile, req: &RequirementCtx, code: &str) -> Option<LanguageLevel> {
    evidence_language(profile, req, code).map(|l| l.level.value)
}

fn evidence_of(profile: &Profile, req: &RequirementCtx, code: &str) -> Option<String> {
    evidence_language(profile, req, code).map(|l| format!("languages.{}", l.id.value))
}

fn profile_level(profile: &Profile, code: &str) -> Option<(String, LanguageLevel)> {
    profile
        .languages
        .iter()
        .find(|l| code_of(l) == Some(code))
        .map(|l| (l.id.value.clone(), l.level.value))
}

/// The language's English name for messages (the code when unknown).
fn language_name(code: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("et", "Estonian"),
        ("en", "English"),
        ("ru", "Russian"),
        ("de", "German"),
        ("fi", "Finnish"),
        ("fr", "French"),
        ("sv", "Swedish"),
        ("lv", "Latvian"),
        ("lt", "Lithuanian"),
        ("es", "Spanish"),
        ("it", "Italian"),
        ("pl", "Polish"),
        ("uk", "Ukrainian"),
    ];
    NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, n)| n.to_string())
}

/// Months of the jobs `evidence` names (a job, or a highlight of one), from
/// start to end; an ongoing job until `until`; overlaps counted once.
pub fn experience_months(profile: &Profile, evidence: &[EvidenceCtx], until: Date) -> u32 {
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for e in evidence.iter().filter(|e| e.section == Section::Experience) {
        if let Some(job) = profile.experience.iter().find(|j| j.id.value == e.id) {
            let from = month_index(&job.start.value, false);
            let to = job.end.as_ref().map_or_else(
                || month_index(&until, true),
                |d| month_index(&d.value, true),
            );
            if to > from && !spans.contains(&(from, to)) {
                spans.push((from, to));
            }
        }
    }
    union_length(&mut spans)
}

/// Months since year 0 at the start of the date's month; `end`: just after
/// its month (a year alone: its January, or just after its December).
fn month_index(d: &Date, end: bool) -> u32 {
    let month = u32::from(d.month.unwrap_or(if end { 12 } else { 1 }));
    u32::from(d.year) * 12 + month - 1 + u32::from(end)
}

/// The length of the union of half-open intervals.
fn union_length(spans: &mut [(u32, u32)]) -> u32 {
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(u32, u32)> = None;
    for &(a, b) in spans.iter() {
        current = match current {
            Some((s, e)) if a <= e => Some((s, e.max(b))),
            Some((s, e)) => {
                total += e - s;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some((s, e)) = current {
        total += e - s;
    }
    total
}

/// `2 years 4 months`, `1 year`, `5 months`.
pub fn years_text(months: u32) -> String {
    let (y, m) = (months / 12, months % 12);
    let part = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (y, m) {
        (0, m) => part(m, "month", "months"),
        (y, 0) => part(y, "year", "years"),
        (y, m) => format!(
            "{} {}",
            part(y, "year", "years"),
            part(m, "month", "months")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_jobs_count_once() {
        let mut spans = vec![(0, 12), (6, 18), (30, 36), (36, 40)];
        assert_eq!(union_length(&mut spans), 18 + 10);
        assert_eq!(union_length(&mut []), 0);
    }

    #[test]
    fn months_of_dates() {
        let d = |s: &str| Date::parse(s).unwrap();
        // 2022-03 … 2022-03 is one month; a year alone is the whole year.
        assert_eq!(
            month_index(&d("2022-03"), true) - month_index(&d("2022-03"), false),
            1
        );
        assert_eq!(
            month_index(&d("2020"), true) - month_index(&d("2020"), false),
            12
        );
        assert_eq!(years_text(28), "2 years 4 months");
        assert_eq!(years_text(12), "1 year");
        assert_eq!(years_text(1), "1 month");
    }
}
