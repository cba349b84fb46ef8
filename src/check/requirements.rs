//! A posting's requirements against the profile: which have evidence (and
//! whether the CV shows it), and what the text asks that can be computed —
//! languages at a CEFR level, years of experience — read by
//! [`crate::requirement`].

use serde::{Serialize, Serializer};

use crate::build::Merged;
use crate::diag::{Diagnostic, Pos};
use crate::model::profile::{Language, LanguageLevel, Profile};
use crate::model::{Date, Section};
use crate::requirement::{self, LanguageDemand, Relation, YearsDemand};
use crate::tailor::context::{EvidenceCtx, RequirementCtx};

/// One requirement as `check` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementReport {
    pub text: String,
    /// `covered` (it has evidence), `gap`, or `optional` (a nice-to-have
    /// without evidence: a note, never a gap).
    pub status: &'static str,
    /// The line is a nice-to-have (`optional: true`, or its words say so).
    pub optional: bool,
    pub evidence: Vec<EvidenceCtx>,
    /// Languages the text asks for, and what the evidence shows.
    pub languages: Vec<LanguageCheck>,
    /// Years of experience the text asks for, and what the evidence adds up to.
    pub years: Option<YearsCheck>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageCheck {
    /// ISO 639-1 code, or `foreign` for "one foreign language".
    pub language: &'static str,
    /// The CEFR level (or `native`) asked; `null` when the text names the
    /// language without one.
    pub asks: Option<&'static str>,
    /// The level as the text words it ("väga heal tasemel", "kõrgtasemel").
    pub word: Option<String>,
    pub required: bool,
    /// The level of the evidence that names this language (`None`: no evidence does).
    pub has: Option<&'static str>,
    /// For `foreign`: the language of the evidence that meets it.
    pub met_by: Option<&'static str>,
    pub met: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearsCheck {
    /// The years the line's first figure asks (`3`, `1.5`).
    #[serde(serialize_with = "number")]
    pub asks: f64,
    /// Months of experience of the jobs the evidence names, overlaps counted once.
    pub months: u32,
    /// Months that meet the line: of alternatives ("või") the least, of
    /// figures asked together ("ja") the most.
    pub needs: u32,
    pub required: bool,
    /// Every figure of the line: the first, and those asked as well or instead.
    pub paths: Vec<YearsPath>,
    pub met: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearsPath {
    #[serde(serialize_with = "number")]
    pub years: f64,
    pub relation: Relation,
    pub required: bool,
    pub field: String,
}

/// A whole number as an integer (`3`, not `3.0`), a fraction as it is.
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
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
        let reading = requirement::read(&req.text);
        let optional = req.optional || reading.optional;
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
        let languages = languages(profile, req, &reading.languages);
        for l in languages.iter().filter(|l| !l.met) {
            let asked_for = match (l.asks, &l.word) {
                (Some(level), _) => format!("{level} in {}", language_name(l.language)),
                (None, Some(word)) => format!("{} ({word})", language_name(l.language)),
                (None, None) => language_name(l.language),
            };
            let msg = match l.has {
                Some(has) => format!(
                    "asks for {asked_for}, the evidence `{}` is {has}",
                    evidence_of(profile, req, l.language).unwrap_or_default()
                ),
                None => match profile_level(profile, l.language) {
                    Some((id, level)) => format!(
                        "asks for {asked_for}; the evidence does not name `languages.{id}` ({} in the profile)",
                        level.code()
                    ),
                    None if l.language == FOREIGN => {
                        format!("asks for {asked_for}; the evidence names no such language")
                    }
                    None => format!("asks for {asked_for}; the profile has no such language"),
                },
            };
            let d = if l.required && !optional {
                Diagnostic::warning(&m.file, msg)
            } else {
                Diagnostic::note(&m.file, format!("{msg} (a nice-to-have)"))
            };
            findings.push(at(asked.text.pos, field.clone(), d));
        }
        let years = years(&reading.years, profile, &req.evidence, until, optional);
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
            let asks = asks_text(y);
            let msg = if jobs.is_empty() {
                format!("asks for {asks} of experience; no `experience.<id>` evidence to count")
            } else {
                format!(
                    "asks for {asks} of experience; the evidence {} adds up to {}",
                    jobs.join(", "),
                    years_text(y.months)
                )
            };
            let d = if y.required {
                Diagnostic::warning(&m.file, msg)
            } else {
                Diagnostic::note(&m.file, format!("{msg} (a nice-to-have)"))
            };
            findings.push(at(asked.text.pos, field.clone(), d));
        }
        let status = match (req.evidence.is_empty(), optional) {
            (false, _) => "covered",
            (true, false) => "gap",
            (true, true) => "optional",
        };
        if status == "optional" {
            findings.push(at(
                asked.text.pos,
                field.clone(),
                Diagnostic::note(&m.file, "a nice-to-have without evidence")
                    .help("name the profile items that answer it in `evidence:`, or leave it"),
            ));
        }
        out.push(RequirementReport {
            text: req.text.clone(),
            status,
            optional,
            evidence: req.evidence.clone(),
            languages,
            years,
        });
    }
    out
}

/// "2 years", "2 years (or 3 years)", "3 years and 5 years".
fn asks_text(y: &YearsCheck) -> String {
    let mut out = years_text(months_of(y.asks));
    for p in y.paths.iter().skip(1) {
        let word = match p.relation {
            Relation::Or => "or",
            _ => "and",
        };
        out.push_str(&format!(" {word} {}", years_text(months_of(p.years))));
    }
    out
}

fn months_of(years: f64) -> u32 {
    (years * 12.0).round() as u32
}

/// The years a line asks and whether the evidence meets them: alternatives
/// ("või") need the least of them, figures asked together the most.
fn years(
    demands: &[YearsDemand],
    profile: &Profile,
    evidence: &[EvidenceCtx],
    until: Date,
    optional: bool,
) -> Option<YearsCheck> {
    let first = demands.first()?;
    let mut best: Option<u32> = None;
    let mut current = first.months;
    for d in &demands[1..] {
        match d.relation {
            Relation::Or => {
                best = Some(best.map_or(current, |b| b.min(current)));
                current = d.months;
            }
            _ => current = current.max(d.months),
        }
    }
    let needs = best.map_or(current, |b| b.min(current));
    let months = experience_months(profile, evidence, until);
    Some(YearsCheck {
        asks: first.years(),
        months,
        needs,
        required: !optional && demands.iter().any(|d| d.required),
        paths: demands
            .iter()
            .map(|d| YearsPath {
                years: d.years(),
                relation: d.relation,
                required: d.required,
                field: d.field.clone(),
            })
            .collect(),
        met: months >= needs,
    })
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

/// The `language` of a demand for "one foreign language".
const FOREIGN: &str = "foreign";

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
                let (has, met_by) = match d.language {
                    Some(code) => (evidence_level(profile, req, code), None),
                    None => match foreign_evidence(profile, req, d.level) {
                        Some((code, level)) => (Some(level), Some(code)),
                        None => (None, None),
                    },
                };
                LanguageCheck {
                    language: d.language.unwrap_or(FOREIGN),
                    asks: d.level.map(LanguageLevel::code),
                    word: d.word.clone(),
                    required: d.required,
                    has: has.map(LanguageLevel::code),
                    met_by,
                    met: has
                        .is_some_and(|h| d.level.is_none_or(|want| requirement::meets(h, want))),
                }
            })
            .collect();
        // A group is met by one of its languages; when none is, each
        // required alternative is reported (the preferences of "one foreign
        // language, preferably English" only when nothing is required).
        match checks.iter().find(|c| c.met) {
            Some(met) => out.push(met.clone()),
            None if checks.iter().any(|c| c.required) => {
                out.extend(checks.into_iter().filter(|c| c.required))
            }
            None => out.extend(checks),
        }
    }
    out
}

/// The ISO code of a profile language: by its id (`et`), else by one of its names.
pub(crate) fn code_of(l: &Language) -> Option<&'static str> {
    requirement::language_code(&l.id.value).or_else(|| {
        crate::model::Lang::ALL
            .iter()
            .filter_map(|lang| l.name.get(*lang, None))
            .find_map(requirement::language_code)
    })
}

/// The evidence's languages, in the order named.
fn evidence_languages<'a>(profile: &'a Profile, req: &RequirementCtx) -> Vec<&'a Language> {
    req.evidence
        .iter()
        .filter(|e| e.section == Section::Languages)
        .filter_map(|e| profile.languages.iter().find(|l| l.id.value == e.id))
        .collect()
}

fn evidence_language<'a>(
    profile: &'a Profile,
    req: &RequirementCtx,
    code: &str,
) -> Option<&'a Language> {
    evidence_languages(profile, req)
        .into_iter()
        .find(|l| code_of(l) == Some(code))
}

/// A foreign language of the evidence (any but Estonian) at `level` or
/// above, else the best one there is.
fn foreign_evidence(
    profile: &Profile,
    req: &RequirementCtx,
    level: Option<LanguageLevel>,
) -> Option<(&'static str, LanguageLevel)> {
    let foreign: Vec<(&'static str, LanguageLevel)> = evidence_languages(profile, req)
        .into_iter()
        .filter_map(|l| Some((code_of(l)?, l.level.value)))
        .filter(|(code, _)| *code != "et")
        .collect();
    foreign
        .iter()
        .find(|(_, have)| level.is_none_or(|want| requirement::meets(*have, want)))
        .or_else(|| foreign.iter().max_by_key(|(_, have)| *have))
        .copied()
}

fn evidence_level(profile: &Profile, req: &RequirementCtx, code: &str) -> Option<LanguageLevel> {
    evidence_language(profile, req, code).map(|l| l.level.value)
}

fn evidence_of(profile: &Profile, req: &RequirementCtx, code: &str) -> Option<String> {
    if code == FOREIGN {
        let (found, _) = foreign_evidence(profile, req, None)?;
        return evidence_of(profile, req, found);
    }
    evidence_language(profile, req, code).map(|l| format!("languages.{}", l.id.value))
}

fn profile_level(profile: &Profile, code: &str) -> Option<(String, LanguageLevel)> {
    profile
        .languages
        .iter()
        .find(|l| match code_of(l) {
            Some(c) if code == FOREIGN => c != "et",
            c => c == Some(code),
        })
        .map(|l| (l.id.value.clone(), l.level.value))
}

/// The language's English name for messages ("a foreign language" for
/// `foreign`, the code when unknown).
fn language_name(code: &str) -> String {
    if code == FOREIGN {
        return "one foreign language".to_string();
    }
    match requirement::english_name_of(code) {
        Some(name) => {
            let mut c = name.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
        None => code.to_string(),
    }
}

/// Months of the jobs `evidence` names (a job, or a highlight of one), from
/// start to end; an ongoing job until `until`; overlaps counted once.
pub fn experience_months(profile: &Profile, evidence: &[EvidenceCtx], until: Date) -> u32 {
    let jobs = evidence
        .iter()
        .filter(|e| e.section == Section::Experience)
        .map(|e| e.id.as_str());
    job_months(profile, jobs, until)
}

/// Months of the jobs with the given ids, from start to end; an ongoing
/// job until `until`; overlaps counted once.
pub(crate) fn job_months<'a>(
    profile: &Profile,
    ids: impl IntoIterator<Item = &'a str>,
    until: Date,
) -> u32 {
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for id in ids {
        if let Some(job) = profile.experience.iter().find(|j| j.id.value == id) {
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
