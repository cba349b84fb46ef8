//! `dossier check` end to end: the real binary on a fresh copy of the example
//! workspace, edited for each case by a string replacement that must match
//! exactly once. Every check has a case where it must fire — its severity,
//! the file and the line (found here in the edited text by a marker, never
//! written down), the field path and the key words of the message — and a
//! close variant where it must not. `check` compiles nothing, so no typst is
//! needed and the whole file runs in a few seconds.
//!
//! Today is fixed with `SOURCE_DATE_EPOCH` (2026-11-20 unless a test says
//! otherwise). On that day the example workspace itself checks completely
//! clean: no errors, no warnings, no notes and no requirement without
//! evidence. Every posting has a `strategy:`; sotsiaalkindlustusamet-kasutajatugi
//! is submitted (so its passed deadline is no finding); the profile's items
//! carry every competence the postings ask for. A test that needs a gap makes
//! one (`with_a_gap`); one that needs an uncarried competence uses a code no
//! item of `profiles/mari.yaml` carries (A.10, B.2–B.6, C.2, C.3, C.5, D.1,
//! D.3, D.5–D.8, E.1 and E.6).

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::*;
use serde_json::Value;

/// The day every test runs on unless it says otherwise: before every
/// example deadline except the submitted posting's (2026-11-16).
const TODAY: &str = "2026-11-20";

const PROFILE: &str = "profiles/mari.yaml";
/// Estonian, draft, deadline 2026-12-14, letter dated 2026-11-23.
const RINGIST: &str = "profiles/mari/ringist-valja.yaml";
/// Estonian, ready, deadline 2026-12-07; eight requirements, all with
/// evidence; `competences: [A.4, D.11, E.2, E.4, C.4]`, all carried.
const KOMPONENDID: &str = "profiles/mari/sotsiaalkindlustusamet-komponendid.yaml";
/// English, ready, deadline 2027-01-10, letter dated 2026-11-23; shows every
/// job; `standard: it-juht-7/arendusjuht`, its 13 codes all carried.
const ARCHITECT: &str = "profiles/mari/e-estonia-architect.yaml";

// ---------------------------------------------------------------------------
// Helpers

/// `SOURCE_DATE_EPOCH` for noon (UTC) of `YYYY-MM-DD`.
fn epoch(date: &str) -> String {
    let parts: Vec<i64> = date.split('-').map(|p| p.parse().expect("date")).collect();
    let (y, m, d) = (parts[0], parts[1], parts[2]);
    // Days from civil (H. Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    (days * 86_400 + 12 * 3_600).to_string()
}

/// 1-based line and column (in characters) of the only occurrence of
/// `marker` in `text`.
fn pos_in(text: &str, marker: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(marker).count(),
        1,
        "marker {marker:?} must occur exactly once in:\n{text}"
    );
    let at = text.find(marker).expect("marker");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// A fresh copy of the example workspace.
struct Ws {
    dir: tempfile::TempDir,
}

impl Ws {
    fn new() -> Ws {
        Ws {
            dir: example_workspace(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    /// Replace `old` by `new` in `rel`; `old` must occur exactly once.
    fn edit(&self, rel: &str, old: &str, new: &str) -> &Ws {
        let text = self.read(rel);
        assert_eq!(
            text.matches(old).count(),
            1,
            "{old:?} must occur exactly once in {rel}:\n{text}"
        );
        write(&self.path(rel), &text.replacen(old, new, 1));
        self
    }

    /// Replace the lines of the block scalar under the only line `header`
    /// (`"  body: |"`) — its more indented and blank lines — by `lines`,
    /// each indented by four spaces.
    fn replace_block(&self, rel: &str, header: &str, lines: &[&str]) -> &Ws {
        let text = self.read(rel);
        let (line, _) = pos_in(&text, &format!("{header}\n"));
        let all: Vec<&str> = text.lines().collect();
        let mut end = line; // index of the first line after the header
        while end < all.len() && (all[end].is_empty() || all[end].starts_with("    ")) {
            end += 1;
        }
        // Keep one blank line if the block was followed by one.
        while end > line && all[end - 1].is_empty() {
            end -= 1;
        }
        let body: Vec<String> = lines
            .iter()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("    {l}")
                }
            })
            .collect();
        let mut out: Vec<String> = all[..line].iter().map(|s| s.to_string()).collect();
        out.extend(body);
        out.extend(all[end..].iter().map(|s| s.to_string()));
        write(&self.path(rel), &(out.join("\n") + "\n"));
        self
    }

    /// Line and column of the only occurrence of `marker` in `rel` as it is now.
    fn pos(&self, rel: &str, marker: &str) -> (usize, usize) {
        pos_in(&self.read(rel), marker)
    }

    fn line(&self, rel: &str, marker: &str) -> usize {
        self.pos(rel, marker).0
    }

    /// `dossier <global…> check <args…>` with today set to `today`.
    fn run(&self, today: &str, global: &[&str], args: &[&str]) -> Output {
        Command::new(BIN)
            .arg("-C")
            .arg(self.dir.path())
            .args(global)
            .arg("check")
            .args(args)
            .env("SOURCE_DATE_EPOCH", epoch(today))
            .env("NO_COLOR", "1")
            .output()
            .expect("run dossier")
    }

    fn check(&self, args: &[&str]) -> Checked {
        self.check_on(TODAY, args)
    }

    fn check_on(&self, today: &str, args: &[&str]) -> Checked {
        Checked(self.run(today, &[], args))
    }

    /// `--message-format json check`: every line parsed.
    fn json(&self, args: &[&str]) -> (Vec<Value>, Output) {
        let out = self.run(TODAY, &["--message-format", "json"], args);
        let events = stdout(&out)
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("not JSON ({e}): {l}\n{}", stderr(&out)))
            })
            .collect();
        (events, out)
    }
}

/// The output of a human-format check.
struct Checked(Output);

impl Checked {
    fn code(&self) -> Option<i32> {
        self.0.status.code()
    }

    fn out(&self) -> String {
        stdout(&self.0)
    }

    fn err(&self) -> String {
        stderr(&self.0)
    }

    fn dump(&self) -> String {
        format!("stdout:\n{}\nstderr:\n{}", self.out(), self.err())
    }

    /// The finding lines: `  warning: file:line:col: field: message`.
    fn findings(&self) -> Vec<String> {
        self.out()
            .lines()
            .filter_map(|l| {
                let l = l.trim_start();
                ["error: ", "warning: ", "note: "]
                    .iter()
                    .any(|p| l.starts_with(p))
                    .then(|| l.to_string())
            })
            .collect()
    }

    /// The one finding of `severity` at `file:line` with `field`, whose
    /// message has every word of `words`; returns it.
    fn expect(
        &self,
        severity: &str,
        file: &str,
        line: usize,
        field: &str,
        words: &[&str],
    ) -> String {
        let at = format!("{severity}: {file}:{line}:");
        let found: Vec<String> = self
            .findings()
            .into_iter()
            .filter(|f| f.starts_with(&at) && f.contains(&format!(": {field}: ")))
            .filter(|f| words.iter().all(|w| f.contains(w)))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected one `{at}…: {field}: …` with {words:?}\n{}",
            self.dump()
        );
        found.into_iter().next().expect("one")
    }

    /// No finding at all, exit status 0, and the summary says so.
    fn expect_clean(&self) {
        assert!(
            self.findings().is_empty(),
            "no findings expected\n{}",
            self.dump()
        );
        assert_eq!(self.code(), Some(0), "{}", self.dump());
        assert!(
            self.err().contains("0 errors, 0 warnings, 0 notes"),
            "{}",
            self.dump()
        );
    }

    /// The example's own state: exit 0, no findings and no gap.
    fn expect_clean_like_the_example(&self) {
        self.expect_clean();
        assert!(
            self.summary()
                .ends_with("; 0 requirements without evidence"),
            "{}",
            self.dump()
        );
    }

    /// The summary line on stderr.
    fn summary(&self) -> String {
        self.err()
            .lines()
            .find(|l| l.contains(" checked: "))
            .unwrap_or_else(|| panic!("no summary line\n{}", self.dump()))
            .to_string()
    }
}

fn posting_events(events: &[Value]) -> Vec<&Value> {
    events.iter().filter(|e| e["event"] == "posting").collect()
}

fn posting<'a>(events: &'a [Value], key: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["event"] == "posting" && e["posting"] == key)
        .unwrap_or_else(|| panic!("no posting {key} in {events:#?}"))
}

fn summary(events: &[Value]) -> &Value {
    let last = events.last().expect("some output");
    assert_eq!(last["event"], "summary", "the summary comes last: {last}");
    last
}

/// The top of a tailoring file, for inserting top-level keys.
const POSTING_KEY: &str = "\nposting:\n";

/// The evidence of "Isikuomadused: …", the last (eighth) requirement of
/// sotsiaalkindlustusamet-komponendid.
const PERSONAL_QUALITIES_EVIDENCE: &str = "    evidence: [experience.tehik.highlights.training, experience.mkm.highlights.xroad, projects.stylebook]";

/// The example has no gap: make one, "Isikuomadused: …" of
/// sotsiaalkindlustusamet-komponendid with `evidence: []`.
fn with_a_gap(ws: &Ws) {
    ws.edit(KOMPONENDID, PERSONAL_QUALITIES_EVIDENCE, "    evidence: []");
}

// ---------------------------------------------------------------------------
// The example workspace

#[test]
fn example_workspace_checks_clean_with_exit_0_and_no_gap() {
    // Findings of the example on 2026-11-20: none (no errors, warnings or
    // notes) and no gap: "Isikuomadused: …" of sotsiaalkindlustusamet-komponendid,
    // the last to get evidence, has it. The submitted posting's deadline
    // (2026-11-16) has passed, which is no warning for a sent posting; the
    // profile's items carry all 13 codes of the architect's standard role and
    // all 5 of komponendid's, so there is no note.
    let ws = Ws::new();
    let c = ws.check(&[]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert!(c.findings().is_empty(), "{}", c.dump());
    assert_eq!(
        c.summary(),
        "4 postings checked: 0 errors, 0 warnings, 0 notes; 0 requirements without evidence"
    );
    let out = c.out();
    assert!(
        out.contains(
            "mari/sotsiaalkindlustusamet-komponendid: ok — 8/8 requirements have evidence"
        ),
        "{out}"
    );
    assert!(
        out.contains("  ✓ Isikuomadused: Hoolivus, asjatundlikkus, koostöövõime, uuendusmeelsus\n"),
        "{out}"
    );
    assert!(!out.contains("(gap)"), "{out}");
    assert!(
        out.contains("  competences: 5/5 carried by the profile\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "  competences (IT manager, EstQF Level 7: IT development manager, level 7): 13/13 carried by the profile\n"
        ),
        "{out}"
    );
    assert!(out.contains("[et C1: native ✓]"), "{out}");
    assert!(out.contains("[5 years: 8 years 3 months ✓]"), "{out}");
    assert!(out.contains("(4 days ago)"), "{out}");
}

// ---------------------------------------------------------------------------
// Language levels

#[test]
fn language_level_below_the_requirement_warns_at_the_requirement_text() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Inglise keele valdamine vähemalt tasemel C2.",
    );
    let c = ws.check(&["ringist-valja"]);
    let (line, col) = ws.pos(RINGIST, "Inglise keele valdamine vähemalt tasemel C2.");
    let f = c.expect(
        "warning",
        RINGIST,
        line,
        "requirements[6]",
        &[
            "asks for C2 in English",
            "the evidence `languages.en` is C1",
        ],
    );
    assert!(
        f.starts_with(&format!("warning: {RINGIST}:{line}:{col}: ")),
        "{f}"
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
    assert!(c.out().contains("[en C2: C1 ✗]"), "{}", c.dump());
    assert_eq!(
        c.code(),
        Some(0),
        "a warning alone does not fail: {}",
        c.dump()
    );
}

#[test]
fn language_level_met_exactly_or_by_a_mother_tongue_does_not_warn() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Inglise keele valdamine vähemalt tasemel C1.",
    )
    .edit(
        RINGIST,
        "Eesti keele valdamine vähemalt tasemel C1.",
        "Eesti keele valdamine vähemalt tasemel C2.",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect_clean();
    assert!(c.out().contains("[en C1: C1 ✓]"), "{}", c.dump());
    assert!(c.out().contains("[et C2: native ✓]"), "{}", c.dump());
}

#[test]
fn language_evidence_not_naming_the_language_warns_with_the_profiles_level() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "    evidence: [languages.en]",
        "    evidence: [skills.msoffice]",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "warning",
        RINGIST,
        ws.line(RINGIST, "Inglise keele valdamine vähemalt tasemel B1."),
        "requirements[6]",
        &[
            "asks for B1 in English",
            "the evidence does not name `languages.en`",
            "(C1 in the profile)",
        ],
    );
    assert!(
        c.out().contains("[en B1: not in the evidence]"),
        "{}",
        c.dump()
    );
}

#[test]
fn language_the_profile_does_not_have_warns_that_it_has_no_such_language() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Saksa keele valdamine vähemalt tasemel B1.",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "warning",
        RINGIST,
        ws.line(RINGIST, "Saksa keele valdamine"),
        "requirements[6]",
        &["asks for B1 in German", "the profile has no such language"],
    );
}

#[test]
fn language_alternatives_are_met_by_any_one_of_them() {
    // English is not in the evidence, Russian (B1) is: one alternative is enough.
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Inglise või vene keele oskus vähemalt tasemel B1.",
    )
    .edit(
        RINGIST,
        "    evidence: [languages.en]",
        "    evidence: [languages.ru]",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect_clean();
    assert!(c.out().contains("[ru B1: B1 ✓]"), "{}", c.dump());
}

#[test]
fn language_alternatives_none_of_which_is_met_warn_for_each() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Inglise või vene keele oskus vähemalt tasemel B2.",
    )
    .edit(
        RINGIST,
        "    evidence: [languages.en]",
        "    evidence: [languages.ru]",
    );
    let c = ws.check(&["ringist-valja"]);
    let line = ws.line(RINGIST, "Inglise või vene keele oskus");
    c.expect(
        "warning",
        RINGIST,
        line,
        "requirements[6]",
        &[
            "asks for B2 in Russian",
            "the evidence `languages.ru` is B1",
        ],
    );
    c.expect(
        "warning",
        RINGIST,
        line,
        "requirements[6]",
        &["asks for B2 in English", "does not name `languages.en`"],
    );
    assert_eq!(c.findings().len(), 2, "{}", c.dump());
}

// ---------------------------------------------------------------------------
// Years of experience

#[test]
fn years_short_of_the_requirement_warn_with_what_the_evidence_adds_up_to() {
    // Sõnajalg: 2013-02 … 2015-04, 27 months.
    let ws = Ws::new();
    ws.edit(
        ARCHITECT,
        "At least five years of experience designing or operating public-sector information systems.",
        "Vähemalt kolmeaastane töökogemus avalikus sektoris.",
    )
    .edit(
        ARCHITECT,
        "    evidence: [experience.tehik, experience.mkm]",
        "    evidence: [experience.sonajalg]",
    );
    let c = ws.check(&["e-estonia-architect"]);
    c.expect(
        "warning",
        ARCHITECT,
        ws.line(ARCHITECT, "Vähemalt kolmeaastane"),
        "requirements[1]",
        &[
            "asks for 3 years of experience",
            "the evidence `experience.sonajalg` adds up to 2 years 3 months",
        ],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
    assert!(
        c.out().contains("[3 years: 2 years 3 months ✗]"),
        "{}",
        c.dump()
    );
}

#[test]
fn years_count_an_ongoing_job_until_the_letter_date() {
    // TEHIK: 2022-03 … ongoing. Until a letter of 2026-11-23 that is
    // 4 years 9 months, short of five years.
    let ws = Ws::new();
    ws.edit(
        ARCHITECT,
        "    evidence: [experience.tehik, experience.mkm]",
        "    evidence: [experience.tehik]",
    );
    let c = ws.check(&["e-estonia-architect"]);
    c.expect(
        "warning",
        ARCHITECT,
        ws.line(ARCHITECT, "At least five years of experience"),
        "requirements[1]",
        &[
            "asks for 5 years of experience",
            "`experience.tehik` adds up to 4 years 9 months",
        ],
    );
    // Dated 2027-03-01 (deadline moved so the date is fine) it is 5 years 1 month.
    ws.edit(ARCHITECT, "date: 2026-11-23", "date: 2027-03-01")
        .edit(ARCHITECT, "deadline: 2027-01-10", "deadline: 2027-03-10");
    let c = ws.check(&["e-estonia-architect"]);
    c.expect_clean();
    assert!(
        c.out().contains("[5 years: 5 years 1 month ✓]"),
        "{}",
        c.dump()
    );
}

#[test]
fn years_count_overlapping_jobs_once_and_name_each_job_once() {
    // Sõnajalg made to end 2016-04, overlapping Läänemere Pank (2015-05 …
    // 2018-08): together 2013-02 … 2018-08 = 67 months, not 39 + 40 = 79.
    // The highlight of the bank is the same job: not counted, not named twice.
    let ws = Ws::new();
    ws.edit(
        PROFILE,
        "    start: 2013-02\n    end: 2015-04",
        "    start: 2013-02\n    end: 2016-04",
    )
    .edit(
        ARCHITECT,
        "At least five years of experience designing or operating public-sector information systems.",
        "At least 6 years of experience in software projects.",
    )
    .edit(
        ARCHITECT,
        "    evidence: [experience.tehik, experience.mkm]",
        "    evidence: [experience.sonajalg, experience.pank, experience.pank.highlights.psd2]",
    );
    let c = ws.check(&["e-estonia-architect"]);
    let f = c.expect(
        "warning",
        ARCHITECT,
        ws.line(ARCHITECT, "At least 6 years"),
        "requirements[1]",
        &[
            "asks for 6 years of experience",
            "the evidence `experience.sonajalg`, `experience.pank` adds up to 5 years 7 months",
        ],
    );
    assert_eq!(f.matches("`experience.pank`").count(), 1, "{f}");
}

#[test]
fn years_met_by_a_highlights_job_do_not_warn() {
    // "3+ years" and a highlight of the bank: the whole job counts (40 months).
    let ws = Ws::new();
    ws.edit(
        ARCHITECT,
        "At least five years of experience designing or operating public-sector information systems.",
        "3+ years of experience leading IT projects.",
    )
    .edit(
        ARCHITECT,
        "    evidence: [experience.tehik, experience.mkm]",
        "    evidence: [experience.pank.highlights.psd2]",
    );
    let c = ws.check(&["e-estonia-architect"]);
    c.expect_clean();
    assert!(
        c.out().contains("[3 years: 3 years 4 months ✓]"),
        "{}",
        c.dump()
    );
}

// ---------------------------------------------------------------------------
// Evidence the CV does not show; requirements without evidence

#[test]
fn evidence_the_cv_does_not_show_warns_once_per_item_at_the_item() {
    // The CV keeps mkm's highlights xroad and strategy, not procurement, and
    // does not list the skill dev.
    let ws = Ws::new();
    ws.edit(
        KOMPONENDID,
        "    evidence: [experience.tehik, experience.mkm.highlights.xroad]",
        "    evidence: [experience.tehik, experience.mkm.highlights.procurement, skills.dev]",
    );
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    let (line, col) = ws.pos(KOMPONENDID, "experience.mkm.highlights.procurement");
    let f = c.expect(
        "warning",
        KOMPONENDID,
        line,
        "requirements[3].evidence[1]",
        &[
            "`experience.mkm.highlights.procurement` is evidence, but this CV does not show it",
            "cv.highlights: {mkm: [procurement, …]}",
        ],
    );
    assert!(
        f.starts_with(&format!("warning: {KOMPONENDID}:{line}:{col}: ")),
        "{f}"
    );
    let (line, col) = ws.pos(KOMPONENDID, "skills.dev]");
    let f = c.expect(
        "warning",
        KOMPONENDID,
        line,
        "requirements[3].evidence[2]",
        &[
            "`skills.dev` is evidence, but this CV does not show it",
            "add `dev` to `cv.skills`",
        ],
    );
    assert!(
        f.starts_with(&format!("warning: {KOMPONENDID}:{line}:{col}: ")),
        "{f}"
    );
    assert_eq!(c.findings().len(), 2, "{}", c.dump());
    assert!(
        c.out()
            .contains("skills.dev — Tarkvaraarendus (Java ja SQL) (not in this CV)")
    );
}

#[test]
fn evidence_the_cv_shows_does_not_warn() {
    let ws = Ws::new();
    ws.edit(
        KOMPONENDID,
        "    evidence: [experience.tehik, experience.mkm.highlights.xroad]",
        "    evidence: [experience.tehik, experience.mkm.highlights.strategy, skills.xroad]",
    );
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    c.expect_clean();
    // The requirements' evidence, that is; the competences listed after it
    // may name items this CV leaves out (projects.hackathon for E.4).
    let out = c.out();
    let (requirements, _) = out
        .split_once("\n  competences: ")
        .unwrap_or_else(|| panic!("no competences after the requirements\n{}", c.dump()));
    assert!(
        requirements.contains("experience.mkm.highlights.strategy — ")
            && requirements.contains("skills.xroad — "),
        "{}",
        c.dump()
    );
    assert!(!requirements.contains("(not in this CV)"), "{}", c.dump());
}

#[test]
fn requirement_without_evidence_is_a_gap_not_a_finding() {
    let ws = Ws::new();
    with_a_gap(&ws);
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    c.expect_clean();
    assert!(
        c.summary().ends_with("; 1 requirement without evidence"),
        "{}",
        c.dump()
    );
    assert!(
        c.out().contains(
            "  ✗ Isikuomadused: Hoolivus, asjatundlikkus, koostöövõime, uuendusmeelsus (gap)"
        ),
        "{}",
        c.dump()
    );
    assert!(
        c.out().contains("7/8 requirements have evidence"),
        "{}",
        c.dump()
    );
    // With evidence it is covered and the gap is gone.
    ws.edit(
        KOMPONENDID,
        "    evidence: []",
        "    evidence: [projects.stylebook]",
    );
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    c.expect_clean();
    assert!(
        c.summary().ends_with("; 0 requirements without evidence"),
        "{}",
        c.dump()
    );
    assert!(c.out().contains("  ✓ Isikuomadused:"), "{}", c.dump());
    assert!(
        c.out().contains("8/8 requirements have evidence"),
        "{}",
        c.dump()
    );
}

// ---------------------------------------------------------------------------
// The letter

/// The English letter with the organization's name taken out (and the
/// letters "ria" left inside other words).
fn architect_without_organization(ws: &Ws) {
    ws.edit(
        ARCHITECT,
        "at the {{ posting.organization }}.",
        "at your agency.",
    )
    .edit(
        ARCHITECT,
        "help the {{ posting.organization }} design",
        "help your team meet the criteria for",
    );
}

#[test]
fn letter_not_naming_the_organization_warns_at_the_body() {
    // "criteria" contains "ria" but does not name RIA.
    let ws = Ws::new();
    architect_without_organization(&ws);
    let c = ws.check(&["e-estonia-architect"]);
    c.expect(
        "warning",
        ARCHITECT,
        ws.line(ARCHITECT, "I am writing to apply"),
        "letter.body",
        &[
            "does not name the organization",
            "(Estonian Information System Authority or RIA)",
        ],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
}

#[test]
fn letter_naming_only_the_short_name_does_not_warn() {
    let ws = Ws::new();
    architect_without_organization(&ws);
    ws.edit(ARCHITECT, "at your agency.", "at RIA.");
    ws.check(&["e-estonia-architect"]).expect_clean();
}

/// The Estonian letter with the position only in the body, as `word`.
fn ringist_position_as(ws: &Ws, word: &str) {
    ws.edit(
        RINGIST,
        "subject: Kandideerimine Ringist välja tiimijuhi ametikohale",
        "subject: Kandideerimine Sotsiaalkindlustusametisse",
    )
    .edit(RINGIST, "„{{ posting.position }}“", word);
}

#[test]
fn letter_not_naming_the_position_warns() {
    let ws = Ws::new();
    ringist_position_as(&ws, "meeskonnajuhi");
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "warning",
        RINGIST,
        ws.line(RINGIST, "Soovin kandideerida"),
        "letter.body",
        &["does not name the position (Tiimijuht)"],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
}

#[test]
fn letter_naming_the_position_inflected_does_not_warn() {
    // "tiimijuhiks" (translative) names "Tiimijuht".
    let ws = Ws::new();
    ringist_position_as(&ws, "tiimijuhiks");
    ws.check(&["ringist-valja"]).expect_clean();
}

#[test]
fn letter_in_the_other_language_warns() {
    let ws = Ws::new();
    ws.replace_block(
        RINGIST,
        "  body: |",
        &[
            "I am applying for the position of {{ posting.position }} at {{ posting.organization }}. For the past seven years I have mentored at-risk young people as a volunteer, and I have led projects and teams in a bank and in the public sector.",
            "",
            "I would like to bring structured project management and a calm, supportive way of leading to the team of the Ringist välja programme.",
        ],
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "warning",
        RINGIST,
        ws.line(RINGIST, "I am applying for the position"),
        "letter.body",
        &["the letter reads as English, but the posting's language is Estonian"],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
}

#[test]
fn letter_in_the_postings_language_quoting_english_names_does_not_warn() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "    Tean, et sotsiaalvaldkonna",
        "    Osalesin ka projektis „Once-Only Technical System for the European Union“ ja Digital Agenda 2030 koostamisel.\n\n    Tean, et sotsiaalvaldkonna",
    );
    ws.check(&["ringist-valja"]).expect_clean();
}

#[test]
fn placeholders_are_errors_at_their_line_and_column_and_fail_the_check() {
    let ws = Ws::new();
    ws.edit(
        KOMPONENDID,
        "Varem koordineerisin",
        "Varem (TODO: aasta) koordineerisin",
    )
    .edit(
        KOMPONENDID,
        "    Räägin oma kogemusest",
        "    Räägin [nimi] oma kogemusest",
    )
    .edit(
        KOMPONENDID,
        "  subject: Kandideerimine",
        "  salutation: Lugupeetud XXX\n  closing: \"…\"\n  subject: Kandideerimine",
    )
    .edit(
        KOMPONENDID,
        "  headline: Üldkomponentide ja andmevahetuse tooteomanik",
        "  headline: Üldkomponentide tooteomanik TBD",
    )
    // The second line of a folded (`>-`) text: the value has lost its line breaks.
    .edit(
        KOMPONENDID,
        "    logimise ja andmevahetuse",
        "    logimise ja [komponent] andmevahetuse",
    );
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    for (marker, field) in [
        ("TODO", "letter.body"),
        ("[nimi]", "letter.body"),
        ("XXX", "letter.salutation"),
        ("…", "letter.closing"),
        ("TBD", "cv.headline"),
        ("[komponent]", "cv.summary"),
    ] {
        let (line, col) = ws.pos(KOMPONENDID, marker);
        let f = c.expect(
            "error",
            KOMPONENDID,
            line,
            field,
            &[&format!("a placeholder is left in the text: {marker}")],
        );
        assert!(
            f.starts_with(&format!("error: {KOMPONENDID}:{line}:{col}: ")),
            "{marker} is at {line}:{col}: {f}"
        );
        assert!(f.contains("write the real text before sending"), "{f}");
    }
    assert_eq!(c.findings().len(), 6, "{}", c.dump());
    assert!(c.summary().contains("6 errors"), "{}", c.dump());
    assert!(
        c.out()
            .contains("sotsiaalkindlustusamet-komponendid: problems"),
        "{}",
        c.dump()
    );
}

#[test]
fn placeholder_in_the_profiles_text_is_an_error_in_the_profile_at_its_language() {
    // Without `cv.summary` the CV shows the profile's summary, a text per
    // language: the Estonian one is shown, and reported, not the English.
    let ws = Ws::new();
    ws.replace_block(KOMPONENDID, "  summary: >-", &[])
        .edit(KOMPONENDID, "  summary: >-\n", "")
        .edit(
            PROFILE,
            "    projektijuhi, nõuniku ja",
            "    projektijuhi, [ametinimetus] nõuniku ja",
        )
        .edit(
            PROFILE,
            "    project manager, policy",
            "    project manager, [job title] policy",
        );
    let c = ws.check(&["sotsiaalkindlustusamet-komponendid"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    let (line, col) = ws.pos(PROFILE, "[ametinimetus]");
    let f = c.expect(
        "error",
        PROFILE,
        line,
        "summary",
        &["a placeholder is left in the text: [ametinimetus]"],
    );
    assert!(
        f.starts_with(&format!("error: {PROFILE}:{line}:{col}: ")),
        "{f}"
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
}

#[test]
fn links_list_ellipses_and_lower_case_words_are_not_placeholders() {
    let ws = Ws::new();
    ws.edit(
        KOMPONENDID,
        "    Räägin oma kogemusest",
        "    Minu töölaua lähtekood on [GitHubis](https://github.example.com/mari-maasikas/valvur); tunnen Java, SQL, ... ja todo-nimekirju.\n\n    Räägin oma kogemusest",
    )
    .edit(
        KOMPONENDID,
        "  subject: Kandideerimine",
        "  closing: Lugupidamisega …\n  subject: Kandideerimine",
    );
    ws.check(&["sotsiaalkindlustusamet-komponendid"])
        .expect_clean();
}

// ---------------------------------------------------------------------------
// Dates and deadlines

#[test]
fn letter_dated_after_the_deadline_warns_at_the_date() {
    let ws = Ws::new();
    ws.edit(RINGIST, "date: 2026-11-23", "date: 2026-12-15");
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "warning",
        RINGIST,
        ws.line(RINGIST, "date: 2026-12-15"),
        "letter.date",
        &["the letter is dated 2026-12-15, after the deadline 2026-12-14"],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
}

#[test]
fn letter_dated_on_the_deadline_or_sent_late_does_not_warn() {
    let ws = Ws::new();
    ws.edit(RINGIST, "date: 2026-11-23", "date: 2026-12-14");
    ws.check(&["ringist-valja"]).expect_clean();
    // After the deadline, but sent: nothing to do about it any more.
    ws.edit(RINGIST, "date: 2026-12-14", "date: 2026-12-15")
        .edit(RINGIST, "status: draft", "status: submitted");
    ws.check(&["ringist-valja"]).expect_clean();
}

#[test]
fn passed_deadline_of_a_posting_without_status_warns_as_draft() {
    let ws = Ws::new();
    ws.edit(RINGIST, "status: draft\n", "");
    let c = ws.check_on("2026-12-16", &["ringist-valja"]);
    let (line, col) = ws.pos(RINGIST, "2026-12-14");
    let f = c.expect(
        "warning",
        RINGIST,
        line,
        "posting.deadline",
        &["the deadline 2026-12-14 passed 2 days ago and the status is still draft"],
    );
    assert!(
        f.starts_with(&format!("warning: {RINGIST}:{line}:{col}: ")),
        "{f}"
    );
    assert!(
        c.out().contains("deadline 2026-12-14 (2 days ago)"),
        "{}",
        c.dump()
    );
}

#[test]
fn passed_deadline_of_a_sent_posting_is_silent() {
    for status in ["submitted", "interview", "offer", "rejected", "withdrawn"] {
        let ws = Ws::new();
        ws.edit(RINGIST, "status: draft", &format!("status: {status}"));
        let c = ws.check_on("2026-12-16", &["ringist-valja"]);
        assert!(c.findings().is_empty(), "{status}: {}", c.dump());
        assert_eq!(c.code(), Some(0), "{status}: {}", c.dump());
    }
}

#[test]
fn deadline_within_three_days_is_a_note_and_four_days_nothing() {
    let ws = Ws::new();
    ws.edit(RINGIST, "status: draft", "status: ready");
    let line = ws.line(RINGIST, "deadline: 2026-12-14");
    let c = ws.check_on("2026-12-11", &["ringist-valja"]);
    c.expect(
        "note",
        RINGIST,
        line,
        "posting.deadline",
        &["the deadline 2026-12-14 is in 3 days"],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    let c = ws.check_on("2026-12-14", &["ringist-valja"]);
    c.expect(
        "note",
        RINGIST,
        line,
        "posting.deadline",
        &["the deadline 2026-12-14 is today"],
    );
    ws.check_on("2026-12-10", &["ringist-valja"]).expect_clean();
}

// ---------------------------------------------------------------------------
// e-CF competences

#[test]
fn competence_no_profile_item_carries_is_a_note_at_its_code() {
    // B.5 (Documentation Production): no item of the profile carries it, and
    // it has an Estonian name, which the Estonian posting shows.
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        POSTING_KEY,
        "\ncompetences: [E.2, D.9, B.5]\n\nposting:\n",
    );
    let c = ws.check(&["ringist-valja"]);
    let (line, col) = ws.pos(RINGIST, "B.5");
    let f = c.expect(
        "note",
        RINGIST,
        line,
        "competences[2]",
        &["B.5 Dokumentatsiooni koostamine: no item of the profile carries it"],
    );
    assert!(
        f.starts_with(&format!("note: {RINGIST}:{line}:{col}: ")),
        "{f}"
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
    let out = c.out();
    assert!(
        out.contains("  competences: 2/3 carried by the profile"),
        "{out}"
    );
    assert!(
        out.contains("    ✓ D.9 Personaliarendus — experience.pank, skills.teamlead, experience.pank.highlights.team"),
        "{out}"
    );
    assert!(
        out.contains("    ✗ B.5 Dokumentatsiooni koostamine\n"),
        "{out}"
    );
    // A gap like a requirement without evidence: counted, and --strict fails on it.
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert_eq!(
        c.summary(),
        "1 posting checked: 0 errors, 0 warnings, 1 note; 0 requirements without evidence, 1 competence no profile item carries"
    );
    let strict = ws.check(&["--strict", "ringist-valja"]);
    assert_eq!(strict.code(), Some(1), "{}", strict.dump());
    let (events, _) = ws.json(&["ringist-valja"]);
    assert_eq!(summary(&events)["competence_gaps"], 1);
}

#[test]
fn competences_all_carried_give_no_note_also_written_leniently() {
    // `e2` and `d9` are E.2 and D.9.
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        POSTING_KEY,
        "\ncompetences: [e2, d9]\n\nposting:\n",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect_clean();
    assert!(
        c.out()
            .contains("  competences: 2/2 carried by the profile"),
        "{}",
        c.dump()
    );
    assert!(
        c.out().contains("    ✓ E.2 Projektijuhtimine"),
        "{}",
        c.dump()
    );
}

#[test]
fn standard_role_asks_for_its_mandatory_codes_and_notes_the_uncarried_at_the_standard() {
    // The information security manager needs D.1, which no item of the
    // profile carries; its nine other codes are carried.
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        POSTING_KEY,
        "\nstandard: it-juht-7/infoturbejuht\n\nposting:\n",
    );
    let c = ws.check(&["ringist-valja"]);
    c.expect(
        "note",
        RINGIST,
        ws.line(RINGIST, "standard: it-juht-7/infoturbejuht"),
        "standard",
        &[
            "D.1 Infoturbestrateegia väljatöötamine ja haldamine",
            "no item of the profile carries it",
        ],
    );
    assert_eq!(c.findings().len(), 1, "{}", c.dump());
    assert!(
        c.out().contains(
            "  competences (IT-juht, tase 7: Infoturbejuht, tase 7): 9/10 carried by the profile"
        ),
        "{}",
        c.dump()
    );
    let (events, _) = ws.json(&["ringist-valja"]);
    let p = posting(&events, "mari/ringist-valja");
    let codes: Vec<&str> = p["competences"]
        .as_array()
        .expect("competences")
        .iter()
        .map(|c| c["code"].as_str().expect("code"))
        .collect();
    assert_eq!(
        codes,
        [
            "A.7", "A.9", "C.4", "D.1", "E.2", "E.3", "E.4", "E.5", "E.8", "E.9"
        ]
    );
    assert_eq!(p["standard"]["id"], "it-juht-7/infoturbejuht");
}

#[test]
fn unknown_competence_in_the_tailoring_is_an_error_with_did_you_mean() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        POSTING_KEY,
        "\ncompetences: [E.2, E.22]\n\nposting:\n",
    );
    let c = ws.check(&["ringist-valja"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    let (line, col) = ws.pos(RINGIST, "E.22");
    let want = format!(
        "{RINGIST}:{line}:{col}: competences[1]: unknown e-CF competence \"E.22\"; did you mean \"E.2\"?"
    );
    assert!(c.err().contains(&want), "{want}\n{}", c.dump());
    assert!(c.summary().contains("1 error"), "{}", c.dump());
    // The help names the command that lists every code.
    assert!(
        c.err().contains("`dossier competences` lists them"),
        "{}",
        c.dump()
    );
}

#[test]
fn competences_lists_every_code_with_its_names_and_the_roles_that_require_it() {
    let out = dossier(&repo(), &["competences"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(codes.len(), 41, "{text}");
    for code in ["A.1", "A.10", "B.6", "C.5", "D.11", "E.9"] {
        assert!(codes.contains(&code), "{code} missing:\n{text}");
    }
    // Estonian first by default, English after; the roles that require it.
    assert!(
        text.contains(
            "D.1   Infoturbestrateegia väljatöötamine ja haldamine · Information Security Strategy Development  [infoturbejuht]"
        ),
        "{text}"
    );
    // A code no Estonian source names: English only, no role.
    assert!(text.contains("\nB.1   Application Development\n"), "{text}");
    let en = stdout(&dossier(&repo(), &["competences", "--lang", "en"]));
    assert!(
        en.contains(
            "E.2   Project and Portfolio Management · Projektijuhtimine ja -portfelli haldamine  ["
        ),
        "{en}"
    );
    let json = stdout(&dossier(
        &repo(),
        &["--message-format", "json", "competences"],
    ));
    let events: Vec<Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(events.len(), 41);
    let d9 = events.iter().find(|e| e["code"] == "D.9").expect("D.9");
    assert_eq!(d9["en"], "Personnel Development");
    assert_eq!(d9["et"], "Personaliarendus");
    assert!(
        d9["required_by"]
            .as_array()
            .expect("roles")
            .iter()
            .any(|r| r == "it-juht-7/meeskonnajuht"),
        "{d9}"
    );
}

#[test]
fn unknown_competence_in_the_profile_is_an_error_with_did_you_mean() {
    let ws = Ws::new();
    ws.edit(
        PROFILE,
        "competences: [D.9]\n    tags: [projectmgmt",
        "competences: [D.99]\n    tags: [projectmgmt",
    );
    let c = ws.check(&[]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    let (line, col) = ws.pos(PROFILE, "D.99");
    let want = format!(
        "{PROFILE}:{line}:{col}: experience[pank].highlights[team].competences[0]: unknown e-CF competence \"D.99\"; did you mean \"D.9\"?"
    );
    assert!(c.err().contains(&want), "{want}\n{}", c.dump());
    // Said once; every posting of the candidate is unreadable.
    assert_eq!(
        c.err().matches("unknown e-CF competence").count(),
        1,
        "{}",
        c.dump()
    );
    // Written leniently it is fine.
    ws.edit(PROFILE, "competences: [D.99]", "competences: [d9]");
    ws.check(&[]).expect_clean_like_the_example();
}

#[test]
fn unknown_standard_or_role_in_the_tailoring_is_an_error_listing_the_known_ones() {
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        POSTING_KEY,
        "\nstandard: it-juht-8/meeskonnajuht\n\nposting:\n",
    );
    let c = ws.check(&["ringist-valja"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    let (line, col) = ws.pos(RINGIST, "it-juht-8");
    let want = format!(
        "{RINGIST}:{line}:{col}: standard: unknown professional standard \"it-juht-8\"; did you mean \"it-juht-7\"?; known: it-juht-7"
    );
    assert!(c.err().contains(&want), "{want}\n{}", c.dump());

    ws.edit(RINGIST, "it-juht-8/meeskonnajuht", "it-juht-7/meeskonna");
    let c = ws.check(&["ringist-valja"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    assert!(
        c.err().contains(&format!(
            "{RINGIST}:{line}:{col}: standard: unknown role \"meeskonna\" in standard \"it-juht-7\"; did you mean \"meeskonnajuht\"?; known: arendusjuht, haldusjuht, meeskonnajuht, andmehaldusejuht, infoturbejuht"
        )),
        "{}",
        c.dump()
    );
}

// ---------------------------------------------------------------------------
// JSON, exit statuses

#[test]
fn json_gives_one_object_per_posting_then_the_summary_with_separate_finding_fields() {
    // One warning in ringist-valja and one gap in komponendid.
    let ws = Ws::new();
    ws.edit(
        RINGIST,
        "Inglise keele valdamine vähemalt tasemel B1.",
        "Inglise keele valdamine vähemalt tasemel C2.",
    );
    with_a_gap(&ws);
    let (events, out) = ws.json(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let postings = posting_events(&events);
    assert_eq!(postings.len(), 4, "{events:#?}");
    assert_eq!(
        events.len(),
        5,
        "four postings and the summary: {events:#?}"
    );

    let p = posting(&events, "mari/ringist-valja");
    assert_eq!(p["file"], RINGIST);
    assert_eq!(p["language"], "et");
    assert_eq!(p["status"], "draft");
    assert_eq!(p["deadline"], "2026-12-14");
    assert_eq!(p["days_left"], 24);
    let findings = p["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    let (line, col) = ws.pos(RINGIST, "Inglise keele valdamine vähemalt tasemel C2.");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["file"], RINGIST);
    assert_eq!(f["line"], line);
    assert_eq!(f["column"], col);
    assert_eq!(f["field"], "requirements[6]");
    assert_eq!(
        f["message"],
        "asks for C2 in English, the evidence `languages.en` is C1"
    );
    assert!(f["help"].is_null(), "{f}");

    let reqs = p["requirements"].as_array().expect("requirements");
    assert_eq!(reqs.len(), 9);
    assert!(reqs.iter().all(|r| r["status"] == "covered"), "{reqs:#?}");
    assert_eq!(
        reqs[6]["languages"],
        serde_json::json!([{"language": "en", "asks": "C2", "word": null, "required": true,
            "has": "C1", "met_by": null, "met": false}])
    );
    assert_eq!(reqs[6]["evidence"][0]["reference"], "languages.en");
    assert_eq!(reqs[6]["evidence"][0]["in_cv"], true);
    // TEHIK 2022-03 … letter 2026-11 (57 months) and MKM 2018-09 … 2022-02 (42).
    assert_eq!(
        reqs[3]["years"],
        serde_json::json!({"asks": 2, "months": 99, "needs": 24, "required": true,
            "paths": [{"years": 2, "relation": "first", "required": true,
                       "field": "töökogemus sotsiaalvaldkonnas"}],
            "met": true})
    );
    assert!(reqs[0]["years"].is_null() && reqs[0]["languages"] == serde_json::json!([]));

    let k = posting(&events, "mari/sotsiaalkindlustusamet-komponendid");
    let statuses: Vec<&str> = k["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .map(|r| r["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "covered").count(), 7);
    assert_eq!(statuses[7], "gap");
    assert_eq!(k["findings"], serde_json::json!([]));

    let s = summary(&events);
    assert_eq!(
        *s,
        serde_json::json!({"event": "summary", "postings": 4, "errors": 0, "warnings": 1,
            "notes": 0, "gaps": 1, "competence_gaps": 0, "strict": false})
    );
    assert!(
        !stderr(&out).contains(" checked: "),
        "no human summary in JSON mode"
    );
}

#[test]
fn json_of_an_unreadable_posting_has_its_error_and_exit_1() {
    let ws = Ws::new();
    ws.edit(RINGIST, "\ncv:\n", "\ncv: [\n");
    let (events, out) = ws.json(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let p = posting(&events, "mari/ringist-valja");
    assert!(p["language"].is_null(), "{p}");
    let f = &p["findings"][0];
    assert_eq!(f["severity"], "error");
    assert_eq!(f["file"], RINGIST);
    assert!(f["line"].as_u64().is_some(), "{f}");
    // The other postings are still checked.
    assert_eq!(posting_events(&events).len(), 4);
    assert_eq!(
        posting(&events, "mari/e-estonia-architect")["findings"],
        serde_json::json!([])
    );
    assert_eq!(summary(&events)["errors"], 1);
}

/// The example (no gap) with exactly one warning.
fn only_a_warning(ws: &Ws) {
    ws.edit(RINGIST, "date: 2026-11-23", "date: 2026-12-15");
}

#[test]
fn strict_turns_a_single_warning_into_exit_1() {
    let ws = Ws::new();
    only_a_warning(&ws);
    let c = ws.check(&[]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert_eq!(
        c.summary(),
        "4 postings checked: 0 errors, 1 warning, 0 notes; 0 requirements without evidence"
    );
    let c = ws.check(&["--strict"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    assert!(c.summary().ends_with("(--strict)"), "{}", c.dump());
    let (events, out) = ws.json(&["--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(summary(&events)["strict"], true);
    assert_eq!(summary(&events)["warnings"], 1);
}

#[test]
fn strict_passes_a_clean_workspace_and_fails_on_a_gap_alone() {
    let ws = Ws::new();
    // The example is clean: no finding, no gap.
    let c = ws.check(&["--strict"]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert_eq!(
        c.summary(),
        "4 postings checked: 0 errors, 0 warnings, 0 notes; 0 requirements without evidence (--strict)"
    );
    // One gap and nothing else: fine without --strict, exit 1 with it.
    with_a_gap(&ws);
    let c = ws.check(&[]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert!(c.findings().is_empty(), "{}", c.dump());
    let c = ws.check(&["--strict"]);
    assert_eq!(c.code(), Some(1), "{}", c.dump());
    assert!(c.findings().is_empty(), "{}", c.dump());
    assert_eq!(
        c.summary(),
        "4 postings checked: 0 errors, 0 warnings, 0 notes; 1 requirement without evidence (--strict)"
    );
}

#[test]
fn colour_on_a_terminal_only_and_never_with_no_color() {
    // Through a pseudo-terminal (`script`), the headline and findings are
    // coloured; piped, or with NO_COLOR set, they are not.
    let ws = Ws::new();
    only_a_warning(&ws);
    let dossier = env!("CARGO_BIN_EXE_dossier");
    let cmd = format!(
        "{dossier} -C {} check ringist-valja",
        ws.dir.path().display()
    );
    let tty = |no_color: bool| {
        let mut c = Command::new("script");
        c.args(["-qec", &cmd, "/dev/null"])
            .env("SOURCE_DATE_EPOCH", epoch(TODAY))
            .env("TERM", "xterm");
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        let out = c.output().expect("script (util-linux) runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let coloured = tty(false);
    assert!(coloured.contains("\x1b["), "{coloured:?}");
    assert!(coloured.contains("warning"), "{coloured:?}");
    let plain = tty(true);
    assert!(!plain.contains("\x1b["), "{plain:?}");
    assert!(plain.contains("warning"), "{plain:?}");
    let piped = ws.check(&["ringist-valja"]);
    assert!(!piped.out().contains('\x1b') && !piped.err().contains('\x1b'));
}

#[test]
fn unknown_posting_name_is_exit_2_listing_the_known_ones() {
    let ws = Ws::new();
    let c = ws.check(&["ringist-valjas"]);
    assert_eq!(c.code(), Some(2), "{}", c.dump());
    assert!(
        c.err().contains("unknown posting \"ringist-valjas\""),
        "{}",
        c.dump()
    );
    assert!(c.err().contains("mari/ringist-valja"), "{}", c.dump());
    assert!(c.out().is_empty(), "{}", c.dump());
}

#[test]
fn a_directory_without_profiles_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(BIN)
        .arg("-C")
        .arg(dir.path())
        .arg("check")
        .output()
        .expect("run dossier");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("profiles/"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// --standard: self-assessment

/// The five roles of "IT-juht, tase 7" and their mandatory e-CF codes.
const IT_JUHT_7_ROLES: [(&str, &[&str]); 5] = [
    (
        "it-juht-7/arendusjuht",
        &[
            "A.1", "A.3", "A.5", "A.7", "A.8", "A.9", "D.2", "D.4", "D.11", "E.2", "E.4", "E.7",
            "E.9",
        ],
    ),
    (
        "it-juht-7/haldusjuht",
        &["A.2", "C.4", "D.4", "D.11", "E.2", "E.4", "E.5", "E.9"],
    ),
    (
        "it-juht-7/meeskonnajuht",
        &["A.7", "A.9", "D.9", "E.2", "E.4"],
    ),
    (
        "it-juht-7/andmehaldusejuht",
        &["A.7", "A.9", "D.10", "E.2", "E.4", "E.9"],
    ),
    (
        "it-juht-7/infoturbejuht",
        &[
            "A.7", "A.9", "C.4", "D.1", "E.2", "E.3", "E.4", "E.5", "E.8", "E.9",
        ],
    ),
];

#[test]
fn standard_self_assessment_lists_five_roles_with_their_codes() {
    let ws = Ws::new();
    let c = ws.check(&["--standard", "it-juht-7"]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    let out = c.out();
    assert!(out.starts_with("mari: IT-juht, tase 7\n"), "{out}");
    let roles: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("competences carried"))
        .collect();
    assert_eq!(roles.len(), 5, "{out}");
    for ((id, codes), line) in IT_JUHT_7_ROLES.iter().zip(&roles) {
        assert!(line.contains(&format!("({id})")), "{line}");
        assert!(
            line.ends_with(&format!("/{} competences carried", codes.len())),
            "{line}"
        );
    }
    assert!(
        out.contains("  IT haldusjuht, tase 7 (it-juht-7/haldusjuht): 8/8 competences carried"),
        "{out}"
    );
    assert!(
        out.contains("    ✓ D.9 Personaliarendus — experience.pank, skills.teamlead"),
        "{out}"
    );
    assert!(
        out.contains("    ✗ D.1 Infoturbestrateegia väljatöötamine ja haldamine\n"),
        "{out}"
    );
    // --lang en: the English names.
    let c = ws.check(&["--standard", "it-juht-7", "--lang", "en"]);
    assert_eq!(c.code(), Some(0), "{}", c.dump());
    assert!(
        c.out().starts_with("mari: IT manager, EstQF Level 7\n"),
        "{}",
        c.dump()
    );
    assert!(
        c.out().contains("    ✓ D.9 Personnel Development — "),
        "{}",
        c.dump()
    );
}

#[test]
fn standard_self_assessment_json_has_five_roles_with_the_catalogue_codes() {
    let ws = Ws::new();
    let (events, out) = ws.json(&["--standard", "it-juht-7"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(events.len(), 1, "one candidate: {events:#?}");
    let a = &events[0];
    assert_eq!(a["event"], "assessment");
    assert_eq!(a["candidate"], "mari");
    assert_eq!(a["standard"], "it-juht-7");
    let roles = a["roles"].as_array().expect("roles");
    assert_eq!(roles.len(), 5);
    for ((id, codes), role) in IT_JUHT_7_ROLES.iter().zip(roles) {
        assert_eq!(role["role"], *id);
        let competences = role["competences"].as_array().expect("competences");
        let got: Vec<&str> = competences
            .iter()
            .map(|c| c["code"].as_str().expect("code"))
            .collect();
        assert_eq!(got, *codes, "{id}");
        assert_eq!(role["total"], codes.len());
        let carried = competences
            .iter()
            .filter(|c| !c["evidence"].as_array().expect("evidence").is_empty())
            .count();
        assert_eq!(role["covered"], carried, "{id}");
    }
    // D.9 of the team lead role: the bank job, its team highlight, the skill.
    let d9 = &roles[2]["competences"][2];
    assert_eq!(d9["code"], "D.9");
    let refs: Vec<&str> = d9["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .map(|e| e["reference"].as_str().expect("reference"))
        .collect();
    assert_eq!(
        refs,
        [
            "experience.pank",
            "skills.teamlead",
            "experience.pank.highlights.team"
        ]
    );
}

#[test]
fn unknown_standard_is_exit_2_with_did_you_mean() {
    let ws = Ws::new();
    let c = ws.check(&["--standard", "it-juht7"]);
    assert_eq!(c.code(), Some(2), "{}", c.dump());
    assert!(
        c.err().contains(
            "unknown professional standard \"it-juht7\"; did you mean \"it-juht-7\"?; known: it-juht-7"
        ),
        "{}",
        c.dump()
    );
    assert!(c.out().is_empty(), "{}", c.dump());
}
