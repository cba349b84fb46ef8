//! A read posting and the candidate's profile → the text of a draft
//! tailoring file.
//!
//! What the draft holds, and why:
//! - every value read from the posting, each with the source line it came
//!   from in a comment, so the candidate can check it against the ad;
//! - a placeholder in square brackets where the posting's organization or
//!   position could not be read: the draft builds, and `check` reports the
//!   placeholder as an error until it is filled in;
//! - every requirement line verbatim, nice-to-haves marked `optional`, with
//!   the profile items suggested as evidence and why;
//! - the jobs ordered by how much each answers the posting;
//! - a letter skeleton in the posting's language whose `TODO`s `check`
//!   reports until they are written. The letter body is a template, so no
//!   text of the posting goes into it: it names the posting only through
//!   `{{ posting.… }}`.

use crate::args::SchemaKind;
use crate::model::profile::Profile;
use crate::model::{Date, Lang};
use crate::posting::source::Source;
use crate::posting::{Extracted, Found};

use super::evidence;
use super::yaml::{Out, quoted};

/// The draft, and what the report says about it.
pub struct Draft {
    pub yaml: String,
    /// Fields the posting did not give (`posting.deadline`, …).
    pub missing: Vec<&'static str>,
    pub requirements: usize,
    pub optional: usize,
    /// Requirement lines with at least one suggested piece of evidence.
    pub with_evidence: usize,
}

pub const ORGANIZATION_PLACEHOLDER: &str = "[organization]";
pub const POSITION_PLACEHOLDER: &str = "[position]";

fn at(line: usize) -> String {
    format!("line {line}")
}

/// Writes the draft for `ex`, read from `source`, in `lang`.
pub fn draft(profile: &Profile, source: &Source, ex: &Extracted, lang: Lang, today: Date) -> Draft {
    let mut missing = Vec::new();
    let mut out = Out::default();
    out.line(0, &crate::model::schema::modeline(SchemaKind::Tailoring));
    out.line(
        0,
        &format!(
            "# Drafted by `dossier new` on {today} from {} ({}).",
            super::yaml::comment(&source.input.name()),
            source.format.name()
        ),
    );
    out.line(
        0,
        "# Each value read from the posting names its line there. Check them against the ad,",
    );
    out.line(
        0,
        "# keep the evidence that is right, write the letter, then run `dossier check`.",
    );
    let mark = out.text.len();
    out.field(0, "language", lang.code(), None);
    out.field(0, "layout", "classic", None);
    out.field(0, "status", "draft", None);
    out.blank();

    // posting
    out.line(0, "posting:");
    let text_field = |out: &mut Out,
                      missing: &mut Vec<&'static str>,
                      key: &str,
                      path: &'static str,
                      v: &Option<Found<String>>,
                      placeholder: Option<&str>| match (v, placeholder) {
        (Some(f), _) => out.field(2, key, &quoted(&f.value), Some(&at(f.line))),
        (None, Some(p)) => {
            missing.push(path);
            out.field(2, key, &quoted(p), Some("not found in the posting"));
        }
        (None, None) => missing.push(path),
    };
    text_field(
        &mut out,
        &mut missing,
        "organization",
        "posting.organization",
        &ex.organization,
        Some(ORGANIZATION_PLACEHOLDER),
    );
    text_field(
        &mut out,
        &mut missing,
        "position",
        "posting.position",
        &ex.position,
        Some(POSITION_PLACEHOLDER),
    );
    text_field(
        &mut out,
        &mut missing,
        "unit",
        "posting.unit",
        &ex.unit,
        None,
    );
    text_field(
        &mut out,
        &mut missing,
        "reference",
        "posting.reference",
        &ex.reference,
        None,
    );
    match &ex.deadline {
        Some(d) => {
            let note = if d.value < today {
                format!("{}; already passed", at(d.line))
            } else {
                at(d.line)
            };
            out.field(2, "deadline", &d.value.to_string(), Some(&note));
        }
        None => missing.push("posting.deadline"),
    }
    text_field(&mut out, &mut missing, "url", "posting.url", &ex.url, None);
    if !ex.address.is_empty() {
        out.line(2, "address:");
        for a in &ex.address {
            out.item(4, &quoted(&a.value), Some(&at(a.line)));
        }
    }
    let mut contacts = ex.contacts.iter().filter(|c| {
        let c = &c.value;
        c.name.is_some() || c.email.is_some() || c.phone.is_some()
    });
    match contacts.next() {
        Some(first) => {
            out.line(2, &format!("contact:  # {}", at(first.line)));
            contact(&mut out, 4, &first.value);
        }
        None => missing.push("posting.contact"),
    }
    let rest: Vec<_> = contacts.collect();
    if !rest.is_empty() {
        out.line(2, "contacts:");
        for c in rest {
            out.line(4, &format!("-  # {}", at(c.line)));
            contact(&mut out, 6, &c.value);
        }
    }
    out.blank();

    // strategy: what the brief shows beside the documents.
    if ex.location.is_some() || ex.salary.is_some() || !ex.duties.is_empty() {
        out.line(0, "strategy:");
        if let Some(l) = &ex.location {
            out.field(2, "location", &quoted(&l.value), Some(&at(l.line)));
        }
        if !ex.duties.is_empty() {
            out.line(2, "responsibilities:");
            for d in &ex.duties {
                out.item(4, &quoted(&d.value), Some(&at(d.line)));
            }
        }
        if let Some(s) = &ex.salary {
            out.line(2, "salary:");
            out.field(4, "offered", &quoted(&s.value), Some(&at(s.line)));
        }
        out.blank();
    }
    if ex.salary.is_none() {
        missing.push("strategy.salary.offered");
    }

    // cv: the jobs, the most relevant first.
    let lines: Vec<&str> = ex
        .requirements
        .iter()
        .map(|r| r.value.text.as_str())
        .chain(ex.duties.iter().map(|d| d.value.as_str()))
        .collect();
    let order = evidence::order_experience(profile, &lines, lang);
    if !order.is_empty() {
        out.line(0, "cv:");
        out.field(
            2,
            "experience",
            &format!("[{}]", order.join(", ")),
            Some("every job, the one answering the posting best first"),
        );
        out.blank();
    }

    letter(&mut out, lang);
    out.blank();

    // requirements
    let mut with_evidence = 0;
    let mut optional = 0;
    if ex.requirements.is_empty() {
        missing.push("requirements");
        out.line(
            0,
            "# No requirement lines were found in the posting: copy them here, one per item.",
        );
        out.line(0, "requirements: []");
    } else {
        out.line(0, "requirements:");
        for r in &ex.requirements {
            out.field(2, "- text", &quoted(&r.value.text), Some(&at(r.line)));
            if r.value.optional {
                optional += 1;
                out.field(4, "optional", "true", Some("a nice-to-have"));
            }
            let found = evidence::suggest(profile, &r.value.text, lang);
            if found.is_empty() {
                out.field(
                    4,
                    "evidence",
                    "[]",
                    Some("nothing in the profile answers this: add evidence or speak to it in the letter"),
                );
            } else {
                with_evidence += 1;
                out.line(4, "evidence:");
                for s in &found {
                    out.item(6, &s.reference, Some(&s.why));
                }
            }
        }
    }

    // The summary of what was not found goes at the top, where it is read.
    if !missing.is_empty() {
        let note = format!("# Not found in the posting: {}.\n", missing.join(", "));
        out.text.insert_str(mark, &note);
    }
    Draft {
        yaml: out.text,
        missing,
        requirements: ex.requirements.len(),
        optional,
        with_evidence,
    }
}

fn contact(out: &mut Out, indent: usize, c: &crate::posting::Contact) {
    for (key, v) in [
        ("name", &c.name),
        ("role", &c.role),
        ("email", &c.email),
        ("phone", &c.phone),
    ] {
        if let Some(v) = v {
            out.field(indent, key, &quoted(v), None);
        }
    }
}

/// The letter's skeleton, in the posting's language. Its `TODO`s are
/// placeholders `check` reports as errors until they are written.
fn letter(out: &mut Out, lang: Lang) {
    let body: &[&str] = match lang {
        Lang::Et => &[
            "Soovin kandideerida ametikohale „{{ posting.position }}“ ({{ posting.organization }}). TODO: miks just see töö ja see asutus – üks-kaks lauset, mis näitavad, et olete kuulutust lugenud.",
            "TODO: kaks-kolm oma kogemust, mis vastavad kuulutuse nõuetele; tõendid on allpool nõuete juures.",
            "TODO: mida toote meeskonda esimesel aastal.",
        ],
        Lang::En => &[
            "I am applying for the position of {{ posting.position }} at {{ posting.organization }}. TODO: why this job and this organization, in a sentence or two that show you have read the posting.",
            "TODO: two or three of your experiences that answer the posting's requirements; the evidence is listed with the requirements below.",
            "TODO: what you would bring to the team in the first year.",
        ],
    };
    out.line(0, "letter:");
    out.line(2, "body: |");
    for (k, p) in body.iter().enumerate() {
        if k > 0 {
            out.blank();
        }
        out.line(4, p);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::posting::source::{Format, Input};
    use crate::posting::{Contact, RequirementLine};

    const PROFILE: &str = include_str!("../../profiles/mari.yaml");

    fn found<T>(value: T, line: usize) -> Option<Found<T>> {
        Some(Found { value, line })
    }

    fn source() -> Source {
        Source {
            input: Input::File("kuulutus.md".into()),
            format: Format::Markdown,
            lines: Vec::new(),
        }
    }

    fn empty() -> Extracted {
        Extracted {
            language: Lang::Et,
            organization: None,
            position: None,
            unit: None,
            reference: None,
            deadline: None,
            url: None,
            address: Vec::new(),
            contacts: Vec::new(),
            location: None,
            salary: None,
            duties: Vec::new(),
            requirements: Vec::new(),
        }
    }

    /// The draft merged as `build` merges it (letter included), and the
    /// tailoring file as loaded.
    fn merged(
        yaml: &str,
    ) -> (
        crate::tailor::context::Context,
        crate::model::tailoring::Tailoring,
    ) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = Path::new("profiles/mari/uus.yaml");
        let t = crate::build::merge::merge_texts(
            root,
            (PROFILE, Path::new("profiles/mari.yaml")),
            (yaml, file),
            ("mari", "uus"),
            Date::ymd(2026, 12, 7),
        )
        .unwrap_or_else(|d| panic!("{d}\n{yaml}"));
        if let Err(d) = &t.letter {
            panic!("{d}\n{yaml}");
        }
        let loaded = crate::load::yaml::parse(yaml, file).unwrap_or_else(|d| panic!("{d}"));
        (t.context, loaded)
    }

    fn profile() -> Profile {
        crate::load::yaml::parse(PROFILE, Path::new("profiles/mari.yaml")).expect("profile")
    }

    #[test]
    fn a_full_posting_becomes_a_draft_that_merges_with_every_value_and_its_line() {
        let mut ex = empty();
        ex.organization = found("Riigi Infosüsteemi Amet".into(), 3);
        ex.position = found("Arhitekt".into(), 1);
        ex.unit = found("Küberturvalisuse teenistus".into(), 4);
        ex.deadline = found(Date::ymd(2027, 1, 15), 40);
        ex.contacts = vec![Found {
            value: Contact {
                name: Some("Õie Šõrm".into()),
                role: Some("värbaja".into()),
                email: Some("oie@example.ee".into()),
                phone: None,
            },
            line: 42,
        }];
        ex.salary = found("3000–3500 € bruto".into(), 30);
        ex.duties = vec![Found {
            value: "X-tee arhitektuuri kujundamine".into(),
            line: 10,
        }];
        ex.requirements = vec![
            Found {
                value: RequirementLine {
                    text: "Eesti keele oskus C1".into(),
                    optional: false,
                },
                line: 20,
            },
            Found {
                value: RequirementLine {
                    text: "Kasuks tuleb vene keele oskus".into(),
                    optional: true,
                },
                line: 21,
            },
        ];
        let d = draft(&profile(), &source(), &ex, Lang::Et, Date::ymd(2026, 12, 7));
        let (_, t) = merged(&d.yaml);
        assert_eq!(t.language.value, Lang::Et);
        assert!(
            d.yaml
                .contains("organization: \"Riigi Infosüsteemi Amet\"  # line 3"),
            "{}",
            d.yaml
        );
        assert!(
            d.yaml.contains("deadline: 2027-01-15  # line 40"),
            "{}",
            d.yaml
        );
        assert_eq!(t.requirements.len(), 2);
        assert!(!t.requirements[0].optional && t.requirements[1].optional);
        assert_eq!(d.requirements, 2);
        assert_eq!(d.optional, 1);
        assert_eq!(t.strategy.responsibilities.len(), 1);
        assert!(
            d.yaml.contains("offered: \"3000–3500 € bruto\""),
            "{}",
            d.yaml
        );
        assert!(d.yaml.contains("name: \"Õie Šõrm\""), "{}", d.yaml);
        // The letter is a skeleton whose TODOs check reports.
        assert!(d.yaml.contains("TODO"), "{}", d.yaml);
        assert!(d.missing.contains(&"posting.reference"));
        assert!(!d.missing.contains(&"posting.deadline"));
        assert!(
            d.yaml
                .contains("# Not found in the posting: posting.reference"),
            "{}",
            d.yaml
        );
    }

    #[test]
    fn nothing_found_still_merges_with_placeholders_that_check_reports() {
        let d = draft(
            &profile(),
            &source(),
            &empty(),
            Lang::En,
            Date::ymd(2026, 12, 7),
        );
        let (_, t) = merged(&d.yaml);
        assert_eq!(
            t.posting.organization.get(Lang::En, None),
            Some(ORGANIZATION_PLACEHOLDER)
        );
        assert!(!crate::check::placeholders(ORGANIZATION_PLACEHOLDER).is_empty());
        assert!(!crate::check::placeholders(POSITION_PLACEHOLDER).is_empty());
        for field in [
            "posting.organization",
            "posting.position",
            "posting.deadline",
            "requirements",
        ] {
            assert!(d.missing.contains(&field), "{field}: {:?}", d.missing);
        }
        assert!(d.yaml.contains("requirements: []"));
    }

    #[test]
    fn hostile_posting_text_stays_text() {
        let hostile = [
            "#set page(fill: red)",
            "{{ candidate.name }} {% for x in y %}",
            "key: value\n- item\n# comment",
            "\"]} ` $ \\ @ < >",
        ];
        let mut ex = empty();
        ex.organization = found(hostile[0].into(), 1);
        ex.position = found(hostile[1].into(), 2);
        ex.requirements = hostile
            .iter()
            .enumerate()
            .map(|(k, h)| Found {
                value: RequirementLine {
                    text: h.to_string(),
                    optional: false,
                },
                line: k + 1,
            })
            .collect();
        let d = draft(&profile(), &source(), &ex, Lang::Et, Date::ymd(2026, 12, 7));
        let (context, t) = merged(&d.yaml);
        let texts: Vec<_> = t
            .requirements
            .iter()
            .map(|r| r.text.get(Lang::Et, None).unwrap_or_default().to_string())
            .collect();
        assert_eq!(texts, hostile);
        // The letter names the posting only through variables: the template
        // syntax in the position is printed, never run.
        assert!(
            context.letter.paragraphs[0].contains(hostile[1]),
            "{:?}",
            context.letter.paragraphs
        );
    }
}
