//! How `check` reports: per posting the requirement coverage, the
//! competences asked for and the findings, then a summary — as text (coloured
//! on a terminal) or as one JSON object per posting.

use std::io::{IsTerminal, Write};

use serde::Serialize;

use super::MessageFormat;
use crate::check::standard::Assessment;
use crate::check::{Report, years_text};
use crate::diag::{Diagnostic, Severity};

/// Totals over every posting checked.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Totals {
    pub postings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub gaps: usize,
    /// Competences asked for that no profile item carries.
    pub competence_gaps: usize,
}

impl Totals {
    pub fn of(reports: &[Report]) -> Totals {
        Totals {
            postings: reports.len(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            notes: reports.iter().map(|r| r.count(Severity::Note)).sum(),
            gaps: reports.iter().map(Report::gaps).sum(),
            competence_gaps: reports.iter().map(Report::competence_gaps).sum(),
        }
    }

    /// Exit status 1: an error, or with `--strict` any warning or gap.
    pub fn fail(&self, strict: bool) -> bool {
        self.errors > 0
            || (strict && (self.warnings > 0 || self.gaps > 0 || self.competence_gaps > 0))
    }
}

pub struct CheckReporter {
    format: MessageFormat,
    quiet: bool,
    color: bool,
}

#[derive(Serialize)]
struct Event<'a, T: Serialize> {
    event: &'static str,
    #[serde(flatten)]
    body: &'a T,
}

impl CheckReporter {
    pub fn new(format: MessageFormat, quiet: bool) -> CheckReporter {
        CheckReporter {
            format,
            quiet,
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn json<T: Serialize>(&self, event: &'static str, body: &T) {
        if let Ok(line) = serde_json::to_string(&Event { event, body }) {
            let _ = writeln!(std::io::stdout().lock(), "{line}");
        }
    }

    pub fn reports(&self, reports: &[Report]) {
        if self.format == MessageFormat::Json {
            for r in reports {
                self.json("posting", r);
            }
            return;
        }
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        let mut last_unreadable: Option<&Vec<Diagnostic>> = None;
        for r in reports {
            if r.unreadable() {
                // One broken profile fails every posting of its candidate: say it once.
                if last_unreadable == Some(&r.findings) {
                    let _ = writeln!(err, "{}: (same problems as above)", r.posting);
                } else {
                    for d in &r.findings {
                        let _ = writeln!(err, "{d}");
                    }
                }
                last_unreadable = Some(&r.findings);
                continue;
            }
            if self.quiet && r.findings.iter().all(|d| d.severity != Severity::Error) {
                continue;
            }
            let _ = writeln!(out, "{}", self.headline(r));
            if !self.quiet {
                self.coverage(&mut out, r);
            }
            for d in &r.findings {
                if self.quiet && d.severity != Severity::Error {
                    continue;
                }
                let _ = writeln!(out, "  {}", self.finding(d));
            }
        }
    }

    /// `mari/x: ok — 5/6 requirements have evidence · Tiimijuht, SKA · et · ready · deadline 2026-11-30 (5 days left)`
    fn headline(&self, r: &Report) -> String {
        // A nice-to-have without evidence is neither evidence nor a gap.
        let covered = r
            .requirements
            .iter()
            .filter(|q| q.status == "covered")
            .count();
        let wishes = r
            .requirements
            .iter()
            .filter(|q| q.status == "optional")
            .count();
        let state = if r.count(Severity::Error) > 0 {
            self.paint("31;1", "problems")
        } else {
            self.paint("32", "ok")
        };
        let mut parts = vec![format!(
            "{covered}/{} requirements have evidence",
            r.requirements.len() - wishes
        )];
        if wishes > 0 {
            parts[0].push_str(&format!(" (+{wishes} nice to have without)"));
        }
        if let (Some(p), Some(o)) = (&r.position, &r.organization) {
            parts.push(format!("{p}, {o}"));
        }
        if let Some(l) = r.language {
            parts.push(l.to_string());
        }
        if let Some(s) = r.status {
            parts.push(s.name().to_string());
        }
        if let (Some(d), Some(left)) = (&r.deadline, r.days_left) {
            let when = match left {
                0 => "today".to_string(),
                1 => "1 day left".to_string(),
                n if n > 1 => format!("{n} days left"),
                n => format!("{} days ago", -n),
            };
            parts.push(format!("deadline {d} ({when})"));
        }
        format!(
            "{}: {state} — {}",
            self.paint("1", &r.posting),
            parts.join(" · ")
        )
    }

    fn coverage(&self, out: &mut impl Write, r: &Report) {
        for req in &r.requirements {
            let mark = if req.status == "gap" {
                self.paint("31", "  ✗")
            } else if req.status == "optional" {
                self.paint("2", "  ·")
            } else {
                self.paint("32", "  ✓")
            };
            let mut facts = Vec::new();
            for l in &req.languages {
                let opt = if l.required { "" } else { " (nice to have)" };
                facts.push(format!(
                    "{} {}{opt}: {}",
                    l.met_by.map_or(l.language.to_string(), |by| format!(
                        "{} ({by})",
                        l.language
                    )),
                    l.asks.or(l.word.as_deref()).unwrap_or("any level"),
                    match l.has {
                        Some(h) if l.met => format!("{h} ✓"),
                        Some(h) => format!("{h} ✗"),
                        None => "not in the evidence".to_string(),
                    }
                ));
            }
            if let Some(y) = &req.years {
                facts.push(format!(
                    "{}: {}{}",
                    years_text(y.needs),
                    years_text(y.months),
                    if y.met { " ✓" } else { " ✗" }
                ));
            }
            let facts = if facts.is_empty() {
                String::new()
            } else {
                self.paint("2", &format!("  [{}]", facts.join("; ")))
            };
            let gap = match req.status {
                "gap" => " (gap)",
                "optional" => " (nice to have)",
                _ => "",
            };
            let _ = writeln!(out, "{mark} {}{gap}{facts}", req.text);
            for e in &req.evidence {
                let note = if e.in_cv { "" } else { " (not in this CV)" };
                let _ = writeln!(out, "      {} — {}{note}", e.reference, e.label);
            }
        }
        if r.competences.is_empty() {
            return;
        }
        let carried = r
            .competences
            .iter()
            .filter(|c| !c.evidence.is_empty())
            .count();
        let what = r
            .standard
            .as_ref()
            .map(|s| format!(" ({})", s.name))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  competences{what}: {carried}/{} carried by the profile",
            r.competences.len()
        );
        for c in &r.competences {
            let mark = if c.evidence.is_empty() {
                self.paint("31", "✗")
            } else {
                self.paint("32", "✓")
            };
            let items: Vec<String> = c
                .evidence
                .iter()
                .map(|e| {
                    let note = if e.in_cv { "" } else { " (not in this CV)" };
                    format!("{}{note}", e.reference)
                })
                .collect();
            let items = if items.is_empty() {
                String::new()
            } else {
                format!(" — {}", items.join(", "))
            };
            let _ = writeln!(out, "    {mark} {} {}{items}", c.code, c.name);
        }
    }

    fn finding(&self, d: &Diagnostic) -> String {
        let label = match d.severity {
            Severity::Error => self.paint("31;1", "error"),
            Severity::Warning => self.paint("33", "warning"),
            Severity::Note => self.paint("36", "note"),
        };
        format!("{label}: {d}")
    }

    pub fn assessments(&self, all: &[Assessment]) {
        if self.format == MessageFormat::Json {
            for a in all {
                self.json("assessment", a);
            }
            return;
        }
        let mut out = std::io::stdout().lock();
        for a in all {
            let _ = writeln!(out, "{}: {}", self.paint("1", &a.candidate), a.name);
            for role in &a.roles {
                let _ = writeln!(
                    out,
                    "  {} ({}): {}/{} competences carried",
                    role.name, role.role, role.covered, role.total
                );
                for c in &role.competences {
                    let mark = if c.evidence.is_empty() {
                        self.paint("31", "✗")
                    } else {
                        self.paint("32", "✓")
                    };
                    let items: Vec<&str> =
                        c.evidence.iter().map(|e| e.reference.as_str()).collect();
                    let items = if items.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", items.join(", "))
                    };
                    let _ = writeln!(out, "    {mark} {} {}{items}", c.code, c.name);
                }
            }
        }
    }

    pub fn summary(&self, t: &Totals, strict: bool) {
        if self.format == MessageFormat::Json {
            #[derive(Serialize)]
            struct Summary<'a> {
                #[serde(flatten)]
                totals: &'a Totals,
                strict: bool,
            }
            self.json("summary", &Summary { totals: t, strict });
            return;
        }
        if self.quiet && t.errors == 0 {
            return;
        }
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = writeln!(
            std::io::stderr().lock(),
            "{} checked: {}, {}, {}; {} without evidence{}{}",
            plural(t.postings, "posting", "postings"),
            plural(t.errors, "error", "errors"),
            plural(t.warnings, "warning", "warnings"),
            plural(t.notes, "note", "notes"),
            plural(t.gaps, "requirement", "requirements"),
            if t.competence_gaps > 0 {
                format!(
                    ", {} no profile item carries",
                    plural(t.competence_gaps, "competence", "competences")
                )
            } else {
                String::new()
            },
            if strict { " (--strict)" } else { "" }
        );
    }
}
