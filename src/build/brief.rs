//! The brief of one application: `output/<candidate>/<posting>/README.md`, in
//! the posting's language. What the applicant wrote in `strategy:` (their own
//! judgement: positioning, strengths and gaps, salary, interview, next
//! steps), beside what the tool knows: the posting's facts, the deadline
//! with the days left, the requirement coverage, `check`'s findings and the
//! files built, with their pages.

use std::fmt::Write as _;

use crate::build::Merged;
use crate::check::Report;
use crate::diag::Severity;
use crate::locale;
use crate::manifest::{Entry, Status as BuildStatus};
use crate::model::tailoring::Strategy;
use crate::model::{Date, Lang, Text};

/// The brief's file name, beside the documents.
pub const FILE: &str = "README.md";

/// Headings and words of the brief, per language.
fn word(lang: Lang, key: &str) -> &'static str {
    const WORDS: &[(&str, &str, &str)] = &[
        ("facts", "Kuulutus", "Posting"),
        ("unit", "Struktuuriüksus", "Unit"),
        ("reference", "Viide", "Reference"),
        ("deadline", "Tähtaeg", "Deadline"),
        ("status", "Olek", "Status"),
        ("link", "Kuulutus veebis", "Posting online"),
        ("address", "Aadress", "Address"),
        ("contacts", "Kontaktid", "Contacts"),
        (
            "organization",
            "Organisatsioon ja ametikoht",
            "Organization and position",
        ),
        ("mission", "Missioon", "Mission"),
        ("focus", "Fookus", "Focus"),
        ("location", "Asukoht", "Location"),
        ("remote", "Kaugtöö", "Remote work"),
        ("responsibilities", "Vastutus", "Responsibilities"),
        ("development", "Oodatav areng", "Expected development"),
        (
            "approaches",
            "Kuidas end positsioneerida",
            "How to position myself",
        ),
        ("strengths", "Tugevused", "Strengths"),
        ("gaps", "Arenguvaldkonnad", "Areas to develop"),
        ("mitigation", "Riskide maandamine", "Mitigating the risks"),
        ("messages", "Põhisõnumid", "Key messages"),
        ("salary", "Palk", "Salary"),
        ("offered", "Pakutav", "Offered"),
        ("desired", "Soovitud", "Desired"),
        ("reasoning", "Põhjendus", "Reasoning"),
        ("interview", "Intervjuuks", "Interview preparation"),
        ("topics", "Teemad, mida uurida", "Topics to study"),
        ("stories", "Lood, mida rääkida", "Stories to tell"),
        (
            "questions",
            "Küsimused organisatsioonile",
            "Questions to ask",
        ),
        (
            "requirements",
            "Nõuded ja tõendid",
            "Requirements and evidence",
        ),
        ("requirement", "Nõue", "Requirement"),
        ("evidence", "Tõendid", "Evidence"),
        ("gap", "**puudub**", "**gap**"),
        ("not_in_cv", "ei ole selles CV-s", "not in this CV"),
        ("competences", "Kompetentsid", "Competences"),
        ("findings", "Kontrolli tulemused", "What check found"),
        ("none", "Midagi ei leitud.", "Nothing found."),
        ("error", "viga", "error"),
        ("warning", "hoiatus", "warning"),
        ("note", "märkus", "note"),
        ("checklist", "Järgmised sammud", "Next steps"),
        ("files", "Failid", "Files"),
        ("history", "Ajalugu", "History"),
        ("sent", "saadetud", "sent"),
        (
            "sent_unknown",
            "saadetud (kuupäev teadmata)",
            "sent (date unknown)",
        ),
        ("recorded", "salvestatud", "recorded in"),
        ("with", "kellega", "with"),
        ("at", "kus", "at"),
        ("reply", "vastus", "reply"),
        ("interview_event", "vestlus", "interview"),
        ("test", "test", "test"),
        ("offer", "pakkumine", "offer"),
        ("accepted", "pakkumine vastu võetud", "offer accepted"),
        ("rejected", "äraütlemine", "rejected"),
        ("withdrawn", "loobusin", "withdrawn"),
        ("note_event", "märge", "note"),
        ("document", "Dokument", "Document"),
        ("file", "Fail", "File"),
        ("pages", "Lk", "Pages"),
        ("failed", "ebaõnnestus", "failed"),
        ("days_left", "päeva jäänud", "days left"),
        ("day_left", "päev jäänud", "day left"),
        ("today", "täna", "today"),
        ("days_ago", "päeva tagasi", "days ago"),
        (
            "generated",
            "Selle faili kirjutas `dossier build`; muuda tailoring-faili, mitte seda.",
            "Written by `dossier build`; edit the tailoring file, not this.",
        ),
    ];
    WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, et, en)| if lang == Lang::Et { *et } else { *en })
        .unwrap_or("")
}

/// A strategy text in the posting's language, else in the other one: these
/// are the applicant's own notes, often in their own language only.
fn text(t: &Text, lang: Lang) -> String {
    let other = Lang::ALL.into_iter().find(|l| *l != lang);
    one_line(t.get(lang, other).unwrap_or_default())
}

/// Markdown on one line: line breaks folded, `<` kept from starting HTML.
fn one_line(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('<', "&lt;")
}

/// A table cell: also `|` escaped.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

/// The brief of a merged posting; `report` is `check`'s, `files` the
/// manifest entries of its documents.
pub fn render(
    m: &Merged,
    report: &Report,
    files: &[&Entry],
    sendings: &[crate::build::sent::Sending],
    today: Date,
) -> String {
    let ctx = &m.tailored.context;
    let lang = ctx.lang;
    let w = |k: &str| word(lang, k);
    let s: &Strategy = &m.tailoring.strategy;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        one_line(&ctx.posting.position),
        one_line(&ctx.posting.organization)
    );
    let _ = writeln!(out, "<!-- {} -->\n", w("generated"));

    // The posting's facts.
    let _ = writeln!(out, "| {} | |\n|---|---|", w("facts"));
    let mut row = |k: &str, v: String| {
        if !v.trim().is_empty() {
            let _ = writeln!(out, "| {} | {} |", w(k), cell(&v));
        }
    };
    row("unit", ctx.posting.unit.clone());
    row("reference", ctx.posting.reference.clone());
    if let Some(d) = &m.tailoring.posting.deadline {
        let left = today.days_until(&d.value);
        let when = match left {
            0 => w("today").to_string(),
            1 => format!("1 {}", w("day_left")),
            n if n > 1 => format!("{n} {}", w("days_left")),
            n => format!("{} {}", -n, w("days_ago")),
        };
        row(
            "deadline",
            format!("{} ({when})", locale::long_date(lang, &d.value)),
        );
    }
    row("status", ctx.posting.status.name().to_string());
    row("link", ctx.posting.url.clone());
    row("address", ctx.posting.address.join(", "));
    let contacts: Vec<String> = std::iter::once(&ctx.posting.contact)
        .chain(&ctx.posting.contacts)
        .map(|c| {
            [
                c.name.as_str(),
                c.role.as_str(),
                c.email.as_str(),
                c.phone.as_str(),
            ]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
        })
        .filter(|c| !c.is_empty())
        .collect();
    row("contacts", contacts.join("; "));
    out.push('\n');

    // The applicant's strategy, what of it is set.
    let about: Vec<(&str, &Option<Text>)> = vec![
        ("mission", &s.mission),
        ("focus", &s.focus),
        ("location", &s.location),
        ("remote", &s.remote),
    ];
    if about.iter().any(|(_, t)| t.is_some()) {
        let _ = writeln!(out, "## {}\n", w("organization"));
        for (k, t) in about {
            if let Some(t) = t {
                let _ = writeln!(out, "- **{}:** {}", w(k), text(t, lang));
            }
        }
        out.push('\n');
    }
    list(&mut out, w("responsibilities"), &s.responsibilities, lang);
    if !s.development.is_empty() {
        let _ = writeln!(out, "## {}\n", w("development"));
        for d in &s.development {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                text(&d.when, lang),
                text(&d.text, lang)
            );
        }
        out.push('\n');
    }
    if !s.approaches.is_empty() {
        let _ = writeln!(out, "## {}\n", w("approaches"));
        for (i, a) in s.approaches.iter().enumerate() {
            let _ = writeln!(out, "{}. **{}**", i + 1, text(&a.title, lang));
            for p in &a.points {
                let _ = writeln!(out, "   - {}", text(p, lang));
            }
        }
        out.push('\n');
    }
    list(&mut out, w("strengths"), &s.strengths, lang);
    list(&mut out, w("gaps"), &s.gaps, lang);
    list(&mut out, w("mitigation"), &s.mitigation, lang);
    list(&mut out, w("messages"), &s.messages, lang);
    let salary = [
        ("offered", &s.salary.offered),
        ("desired", &s.salary.desired),
        ("reasoning", &s.salary.reasoning),
    ];
    if salary.iter().any(|(_, t)| t.is_some()) {
        let _ = writeln!(out, "## {}\n", w("salary"));
        for (k, t) in salary {
            if let Some(t) = t {
                let _ = writeln!(out, "- **{}:** {}", w(k), text(t, lang));
            }
        }
        out.push('\n');
    }
    let iv = &s.interview;
    if !(iv.topics.is_empty() && iv.stories.is_empty() && iv.questions.is_empty()) {
        let _ = writeln!(out, "## {}\n", w("interview"));
        for (k, items) in [
            ("topics", &iv.topics),
            ("stories", &iv.stories),
            ("questions", &iv.questions),
        ] {
            if !items.is_empty() {
                let _ = writeln!(out, "### {}\n", w(k));
                for t in items {
                    let _ = writeln!(out, "- {}", text(t, lang));
                }
                out.push('\n');
            }
        }
    }

    // What the tool knows: coverage, competences, findings.
    if !report.requirements.is_empty() {
        let _ = writeln!(out, "## {}\n", w("requirements"));
        let _ = writeln!(
            out,
            "| | {} | {} |\n|---|---|---|",
            w("requirement"),
            w("evidence")
        );
        for r in &report.requirements {
            let (mark, evidence) = if r.evidence.is_empty() {
                ("✗", w("gap").to_string())
            } else {
                let items: Vec<String> = r
                    .evidence
                    .iter()
                    .map(|e| {
                        let hidden = if e.in_cv {
                            String::new()
                        } else {
                            format!(" ({})", w("not_in_cv"))
                        };
                        format!("`{}` {}{hidden}", e.reference, short(&e.label))
                    })
                    .collect();
                ("✓", items.join("; "))
            };
            let _ = writeln!(out, "| {mark} | {} | {} |", cell(&r.text), cell(&evidence));
        }
        out.push('\n');
    }
    if !report.competences.is_empty() {
        let heading = match &report.standard {
            Some(st) => format!("{} ({})", w("competences"), st.name),
            None => w("competences").to_string(),
        };
        let _ = writeln!(out, "## {heading}\n");
        for c in &report.competences {
            let items: Vec<String> = c
                .evidence
                .iter()
                .map(|e| format!("`{}`", e.reference))
                .collect();
            let (mark, items) = if items.is_empty() {
                ("✗", w("gap").to_string())
            } else {
                ("✓", items.join(", "))
            };
            let _ = writeln!(
                out,
                "- {mark} **{}** {}: {items}",
                c.code,
                one_line(&c.name)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", w("findings"));
    // check's findings, then what the build said of the documents.
    let mut lines: Vec<String> = report
        .findings
        .iter()
        .map(|d| {
            let label = match d.severity {
                Severity::Error => w("error"),
                Severity::Warning => w("warning"),
                Severity::Note => w("note"),
            };
            format!("- **{label}:** {}", one_line(&d.to_string()))
        })
        .collect();
    for warning in files.iter().flat_map(|e| &e.warnings) {
        let line = format!("- **{}:** {}", w("warning"), one_line(warning));
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        let _ = writeln!(out, "{}\n", w("none"));
    } else {
        let _ = writeln!(out, "{}\n", lines.join("\n"));
    }
    if !s.checklist.is_empty() {
        let _ = writeln!(out, "## {}\n", w("checklist"));
        for c in &s.checklist {
            let date = c
                .date
                .as_ref()
                .map(|d| format!(" ({})", d.value))
                .unwrap_or_default();
            let mark = if c.done { "x" } else { " " };
            let _ = writeln!(out, "- [{mark}] {}{date}", text(&c.text, lang));
        }
        out.push('\n');
    }
    history(&mut out, m, sendings, lang);
    if !files.is_empty() {
        let _ = writeln!(out, "## {}\n", w("files"));
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w("document"),
            w("file"),
            w("pages")
        );
        for e in files {
            let name = e
                .pdf
                .as_deref()
                .and_then(|p| p.rsplit('/').next())
                .unwrap_or_default();
            let pages = match (e.status, e.pages) {
                (BuildStatus::Failed, _) => w("failed").to_string(),
                (_, Some(n)) => n.to_string(),
                (_, None) => String::new(),
            };
            let kind = match e.kind.as_str() {
                "cv" => ctx.labels["cv"],
                _ => ctx.labels["letter"],
            };
            // A sent document is in sent/, three folders up from here.
            let link = match e.pdf.as_deref() {
                Some(p) if p.starts_with("sent/") => format!("../../../{p}"),
                _ => name.to_string(),
            };
            let _ = writeln!(out, "| {kind} | [{name}]({link}) | {pages} |");
        }
    }
    out.trim_end().to_string() + "\n"
}

fn list(out: &mut String, heading: &str, items: &[Text], lang: Lang) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {heading}\n");
    for t in items {
        let _ = writeln!(out, "- {}", text(t, lang));
    }
    out.push('\n');
}

/// Evidence labels of highlights are whole sentences: the first words do.
fn short(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 90 {
        return label.to_string();
    }
    let cut: String = chars[..90].iter().collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// `## History`: the sendings (from `sent/`, else `submitted:`) and the
/// `events:`, in the order they happened.
fn history(out: &mut String, m: &Merged, sendings: &[crate::build::sent::Sending], lang: Lang) {
    use crate::model::event::EventKind;
    let w = |k: &str| word(lang, k);
    let t = &m.tailoring;
    // (when, line): a sending sorts before an event of its day.
    type Key = (Date, u8, Option<(u8, u8)>);
    let mut lines: Vec<(Key, String)> = Vec::new();
    for s in sendings {
        let day = s.record.sent.unwrap_or(s.record.recorded);
        lines.push((
            (day, 0, None),
            format!(
                "- {day} — **{}** ({} `{}`)",
                w("sent"),
                w("recorded"),
                s.dir.display()
            ),
        ));
    }
    if sendings.is_empty() && crate::build::sent::is_sent(t) {
        match &t.submitted {
            Some(d) => lines.push((
                (d.value, 0, None),
                format!("- {} — **{}**", d.value, w("sent")),
            )),
            None => lines.push((
                (Date::ymd(1900, 1, 1), 0, None),
                format!("- **{}**", w("sent_unknown")),
            )),
        }
    }
    for e in &t.events {
        let when = e.date.value;
        let kind = match e.kind.value {
            EventKind::Reply => w("reply"),
            EventKind::Interview => w("interview_event"),
            EventKind::Test => w("test"),
            EventKind::Offer => w("offer"),
            EventKind::Accepted => w("accepted"),
            EventKind::Rejected => w("rejected"),
            EventKind::Withdrawn => w("withdrawn"),
            EventKind::Note => w("note_event"),
        };
        let mut line = format!("- {} — **{kind}**", crate::track::show(when));
        if let Some(x) = e.with.as_deref().filter(|x| !x.trim().is_empty()) {
            line.push_str(&format!(", {} {}", w("with"), one_line(x)));
        }
        if let Some(x) = e.place.as_deref().filter(|x| !x.trim().is_empty()) {
            line.push_str(&format!(", {} {}", w("at"), one_line(x)));
        }
        if let Some(x) = e.note.as_deref().filter(|x| !x.trim().is_empty()) {
            line.push_str(&format!(": {}", one_line(x)));
        }
        lines.push(((when.date, 1, when.time), line));
    }
    if lines.is_empty() {
        return;
    }
    lines.sort_by_key(|l| l.0);
    let _ = writeln!(out, "## {}\n", w("history"));
    for (_, l) in lines {
        let _ = writeln!(out, "{l}");
    }
    out.push('\n');
}

/// The open items of a posting's checklist, for `dossier list`.
pub fn open_items(s: &Strategy, lang: Lang) -> Vec<String> {
    s.checklist
        .iter()
        .filter(|c| !c.done)
        .map(|c| text(&c.text, lang))
        .collect()
}
