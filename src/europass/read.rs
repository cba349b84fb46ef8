//! `dossier import europass FILE`: a Europass CV → a profile. FILE is
//! Europass XML, current (`Candidate`) or legacy (`SkillsPassport` v3), or
//! a PDF carrying it as an embedded file (read with poppler's `pdfdetach`).
//! The profile is built as the JSON Resume import builds its own — a JSON
//! value written as YAML and checked by the same code — and the CEFR grid
//! of every foreign language is kept skill by skill (`levels`).
//!
//! Elements are matched by their local name: exports disagree on prefixes
//! and order, and what matters is the root and its namespace.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, anyhow, bail};
use roxmltree::{Document, Node};
use serde_json::{Map, Value};

use super::{ATTACHMENT_NAME, NS, NS_LEGACY, SKILLS, codes};
use crate::import::html::{self, Flow};
use crate::import::ids::Ids;
use crate::import::json_resume::{Converted, Out, put};
use crate::import::notes::Notes;
use crate::import::{Imported, jobs};
use crate::model::Date;

/// The names under which Europass PDFs carry their XML, the current
/// editor's first.
pub const ATTACHMENT_NAMES: [&str; 4] = [
    ATTACHMENT_NAME,
    "Europass-XML-Attachment.xml",
    "Europass-CV-XML-Attachment.xml",
    "CV.xml",
];

/// Where the XML came from.
pub enum Source {
    Xml,
    /// A PDF, and the name of its attachment.
    Pdf(String),
}

/// Read `path` (XML or PDF) and convert it.
pub fn import(path: &Path) -> Result<(Imported, Source)> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let (text, source) = if bytes.starts_with(b"%PDF") {
        let (name, xml) = from_pdf(path)?;
        (xml, Source::Pdf(name))
    } else {
        let text = String::from_utf8(bytes).map_err(|_| {
            anyhow!(
                "{}: neither a PDF nor UTF-8 text, so not Europass XML",
                path.display()
            )
        })?;
        (text, Source::Xml)
    };
    let imported = convert_xml(&text).with_context(|| {
        let inside = match &source {
            Source::Xml => String::new(),
            Source::Pdf(name) => format!(" ({name} inside the PDF)"),
        };
        format!("{}{inside}", path.display())
    })?;
    Ok((imported, source))
}

/// Europass XML text → a profile.
pub fn convert_xml(text: &str) -> Result<Imported> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc = Document::parse(text).map_err(|e| anyhow!("not XML: {e}"))?;
    let root = doc.root_element();
    let ns = root.tag_name().namespace().unwrap_or("");
    let mut notes = Notes::default();
    let (converted, format) = match (root.tag_name().name(), ns) {
        ("Candidate", NS) => (current(root, &mut notes)?, "Europass"),
        ("SkillsPassport", NS_LEGACY) => (legacy(root, &mut notes)?, "Europass (SkillsPassport)"),
        (name, ns) => bail!(
            "not a Europass CV: the root element is <{name}>{}; a Europass CV is <Candidate> in \
             {NS} (or, before 2020, <SkillsPassport> in {NS_LEGACY})",
            if ns.is_empty() {
                " in no namespace".to_string()
            } else {
                format!(" in {ns}")
            }
        ),
    };
    crate::import::finish(
        converted,
        &format!("# Imported from {format} XML by `dossier import europass`.\n"),
        notes.render(),
    )
}

/// The Europass XML a PDF carries, with its attachment name.
fn from_pdf(pdf: &Path) -> Result<(String, String)> {
    let missing = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            anyhow!(
                "reading a PDF needs `pdfdetach` (poppler); install it (`apt install \
                 poppler-utils`, `brew install poppler`) or import the XML itself"
            )
        } else {
            anyhow!("cannot run pdfdetach: {e}")
        }
    };
    let list = Command::new("pdfdetach")
        .arg("-list")
        .arg(pdf)
        .output()
        .map_err(missing)?;
    if !list.status.success() {
        bail!(
            "{}: pdfdetach cannot read it: {}",
            pdf.display(),
            String::from_utf8_lossy(&list.stderr).trim()
        );
    }
    // `1: attachment.xml` lines after a count.
    let listed = String::from_utf8_lossy(&list.stdout);
    let files: Vec<(usize, &str)> = listed
        .lines()
        .filter_map(|l| {
            let (n, name) = l.split_once(": ")?;
            Some((n.trim().parse().ok()?, name.trim()))
        })
        .collect();
    let found = ATTACHMENT_NAMES.iter().find_map(|want| {
        files
            .iter()
            .find(|(_, name)| name.eq_ignore_ascii_case(want))
    });
    let Some(&(number, name)) = found else {
        bail!(
            "{}: the PDF carries no Europass XML ({} embedded file(s){}; looked for {})",
            pdf.display(),
            files.len(),
            if files.is_empty() {
                String::new()
            } else {
                format!(
                    ": {}",
                    files.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
                )
            },
            ATTACHMENT_NAMES.join(", ")
        );
    };
    let out = temp_file();
    let saved = Command::new("pdfdetach")
        .arg("-save")
        .arg(number.to_string())
        .arg("-o")
        .arg(&out)
        .arg(pdf)
        .output()
        .map_err(missing);
    let read = std::fs::read(&out);
    let _ = std::fs::remove_file(&out);
    let saved = saved?;
    if !saved.status.success() {
        bail!(
            "{}: pdfdetach cannot save {name}: {}",
            pdf.display(),
            String::from_utf8_lossy(&saved.stderr).trim()
        );
    }
    let bytes = read.with_context(|| format!("{}: cannot read {name}", pdf.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow!("{}: {name} is not UTF-8 text", pdf.display()))?;
    Ok((name.to_string(), text))
}

fn temp_file() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    std::env::temp_dir().join(format!(
        "dossier-europass-{}-{}.xml",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

// Reading elements by local name.

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn children<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The element at `path` below `n`, each step the first of its name.
fn at<'a, 'i>(n: Node<'a, 'i>, path: &[&str]) -> Option<Node<'a, 'i>> {
    path.iter().try_fold(n, |n, name| child(n, name))
}

/// The text of the element at `path`, trimmed; `None` when empty.
fn text(n: Node, path: &[&str]) -> Option<String> {
    let n = at(n, path)?;
    let t: String = n
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// One line of plain text (a name, a title).
fn line(n: Node, path: &[&str]) -> Option<String> {
    text(n, path)
        .map(|t| html::one_line(&t))
        .filter(|t| !t.is_empty())
}

/// HTML text (escaped in the element, as Europass stores it) as markup.
fn rich(n: Node, path: &[&str], flow: Flow) -> (String, Vec<String>) {
    match text(n, path) {
        Some(t) => {
            let m = html::to_markup(&t, flow);
            (m.text.trim().to_string(), m.items)
        }
        None => (String::new(), Vec::new()),
    }
}

/// A date as Europass writes it (`2022-03`, `2022-03-01`, `2022`).
fn date(path: &str, raw: Option<String>, notes: &mut Notes, end: bool) -> Option<Date> {
    let raw = raw?;
    if end {
        jobs::end_of(path, &raw, notes)
    } else {
        jobs::start_of(path, &raw, notes)
    }
}

/// `(year="2016" month="--03" day="---10")` of the legacy format.
fn legacy_date(n: Option<Node>) -> Option<String> {
    let n = n?;
    let year = n.attribute("year")?.trim();
    let mut out = year.to_string();
    if let Some(m) = n.attribute("month") {
        out.push('-');
        out.push_str(m.trim().trim_start_matches('-'));
        if let Some(d) = n.attribute("day") {
            out.push('-');
            out.push_str(d.trim().trim_start_matches('-'));
        }
    }
    Some(out)
}

/// The profile's name from given names and family name.
fn full_name(given: Option<String>, family: Option<String>) -> Option<String> {
    let name = [given, family]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// A job of the profile, or `None` (noted) without a start date.
struct Job {
    organization: Option<String>,
    role: Option<String>,
    location: Option<String>,
    start: Option<String>,
    end: Option<String>,
    description: (String, Vec<String>),
}

fn push_job(job: Job, path: &str, ids: &mut Ids, out: &mut Out, notes: &mut Notes) {
    let start = date(&format!("{path}.start"), job.start, notes, false);
    let end = date(&format!("{path}.end"), job.end, notes, true);
    let (start, end) = jobs::ordered(path, start, end, notes);
    let organization = job.organization.unwrap_or_else(|| {
        notes.push(path, "no employer; set to \"Employer\" — correct it");
        "Employer".to_string()
    });
    let role = job.role.unwrap_or_else(|| {
        notes.push(path, "no position; set to \"Position\" — correct it");
        "Position".to_string()
    });
    let Some(start) = start else {
        notes.push(
            path,
            format!("{role}, {organization}: no start date; not imported — add it by hand"),
        );
        return;
    };
    let mut m = Map::new();
    m.insert("id".into(), ids.make(&organization).into());
    m.insert("organization".into(), organization.into());
    m.insert("role".into(), role.into());
    put(&mut m, "location", job.location);
    m.insert("start".into(), start.to_string().into());
    if let Some(e) = end {
        m.insert("end".into(), e.to_string().into());
    }
    let (summary, items) = job.description;
    put(&mut m, "summary", summary);
    let mut hid = Ids::new("h");
    let highlights: Vec<Value> = items
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            let words: Vec<&str> = t.split_whitespace().take(3).collect();
            let mut h = Map::new();
            h.insert("id".into(), hid.make(&words.join(" ")).into());
            h.insert("text".into(), t.into());
            Value::Object(h)
        })
        .collect();
    put(&mut m, "highlights", highlights);
    out.push("experience", m, path);
}

struct School {
    institution: Option<String>,
    degree: Option<String>,
    start: Option<String>,
    end: Option<String>,
    notes: String,
}

fn push_school(s: School, path: &str, ids: &mut Ids, out: &mut Out, notes: &mut Notes) {
    let start = date(&format!("{path}.start"), s.start, notes, false);
    let end = date(&format!("{path}.end"), s.end, notes, true);
    let (start, end) = jobs::ordered(path, start, end, notes);
    let institution = s.institution.unwrap_or_else(|| {
        notes.push(path, "no institution; set to \"Institution\" — correct it");
        "Institution".to_string()
    });
    let mut m = Map::new();
    m.insert("id".into(), ids.make(&institution).into());
    m.insert("institution".into(), institution.into());
    put(&mut m, "degree", s.degree);
    put(&mut m, "start", start.map(|d| d.to_string()));
    put(&mut m, "end", end.map(|d| d.to_string()));
    put(&mut m, "notes", s.notes);
    out.push("education", m, path);
}

/// A language: its code (two or three letters) or label, and its level —
/// `native`, or the five skills of the CEFR grid (`None` where not given).
struct Lang {
    code: Option<String>,
    label: Option<String>,
    levels: Option<[Option<String>; 5]>,
}

fn push_languages(langs: Vec<(String, Lang)>, out: &mut Out, notes: &mut Notes) {
    let mut ids = Ids::new("language");
    let mut seen = std::collections::HashSet::new();
    for (path, l) in langs {
        let known = l.code.as_deref().and_then(codes::from_code);
        let id = match known {
            Some((one, _)) if !seen.contains(one) => one.to_string(),
            _ => ids.make(l.label.as_deref().or(l.code.as_deref()).unwrap_or("")),
        };
        if !seen.insert(id.clone()) {
            notes.push(&path, format!("{id} a second time; not imported"));
            continue;
        }
        let name = l
            .label
            .or_else(|| known.map(|(_, name)| name.to_string()))
            .or(l.code)
            .unwrap_or_else(|| id.clone());
        let mut m = Map::new();
        m.insert("id".into(), id.into());
        m.insert("name".into(), name.clone().into());
        match l.levels {
            None => {
                m.insert("level".into(), "native".into());
            }
            Some(grid) => {
                let mut levels: Vec<(&str, &str)> = Vec::new();
                for ((skill, _, _), level) in SKILLS.iter().zip(&grid) {
                    let Some(level) = level else { continue };
                    let upper = level.trim().to_ascii_uppercase();
                    match CEFR.iter().find(|c| **c == upper) {
                        Some(c) => levels.push((skill, c)),
                        None => notes.push(
                            &path,
                            format!("{name}: {skill} \"{level}\" is not a CEFR level; left out"),
                        ),
                    }
                }
                // The level most skills have (the lower of a tie), the
                // others by skill.
                let overall = CEFR
                    .iter()
                    .rev()
                    .max_by_key(|c| levels.iter().filter(|(_, l)| l == *c).count())
                    .filter(|c| levels.iter().any(|(_, l)| l == *c));
                let overall = match overall {
                    Some(c) => *c,
                    None => {
                        notes.push(
                            &path,
                            format!("{name}: no CEFR level; level set to B1 — correct it"),
                        );
                        "B1"
                    }
                };
                m.insert("level".into(), overall.into());
                let by_skill: Map<String, Value> = levels
                    .iter()
                    .filter(|(_, l)| *l != overall)
                    .map(|(s, l)| (s.to_string(), Value::from(*l)))
                    .collect();
                if !by_skill.is_empty() {
                    m.insert("levels".into(), Value::Object(by_skill));
                }
            }
        }
        out.push("languages", m, &path);
    }
}

const CEFR: [&str; 6] = ["A1", "A2", "B1", "B2", "C1", "C2"];

/// Skills by name and category, each name once.
fn push_skills(skills: Vec<(String, String, Option<String>)>, out: &mut Out) {
    let mut ids = Ids::new("skill");
    let mut seen = std::collections::HashSet::new();
    for (path, name, category) in skills {
        if !seen.insert(name.to_lowercase()) {
            continue;
        }
        let mut m = Map::new();
        m.insert("id".into(), ids.make(&name).into());
        m.insert("name".into(), name.into());
        put(&mut m, "category", category);
        out.push("skills", m, &path);
    }
}

/// A label for a link: the social network, or the site's host.
fn link_label(kind: Option<&str>, url: &str) -> String {
    match kind {
        Some("linkedin") => "LinkedIn".to_string(),
        Some("youtube") => "YouTube".to_string(),
        Some(k) if !k.eq_ignore_ascii_case("other") => {
            let mut c = k.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        _ => url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split('/')
            .next()
            .unwrap_or(url)
            .trim_start_matches("www.")
            .to_string(),
    }
}

/// The current format, root `Candidate`.
fn current(root: Node, notes: &mut Notes) -> Result<Converted> {
    let mut out = Out::default();
    let person = child(root, "CandidatePerson");
    let person_name = person
        .and_then(|p| child(p, "PersonName"))
        .or_else(|| at(root, &["CandidateSupplier", "PersonContact", "PersonName"]));
    let name = person_name
        .and_then(|n| full_name(line(n, &["GivenName"]), line(n, &["FamilyName"])))
        .ok_or_else(|| anyhow!("the Europass CV has no name (CandidatePerson/PersonName)"))?;
    out.profile.insert("name".into(), name.clone().into());

    let mut langs: Vec<(String, Lang)> = Vec::new();
    if let Some(p) = person {
        let mut contact = Map::new();
        let mut links = Vec::new();
        let mut address = Vec::new();
        let mut location = None;
        for (i, c) in children(p, "Communication").enumerate() {
            let path = format!("CandidatePerson/Communication[{}]", i + 1);
            let channel = line(c, &["ChannelCode"]).unwrap_or_default();
            match channel.as_str() {
                "Email" => {
                    if !contact.contains_key("email") {
                        put(&mut contact, "email", line(c, &["URI"]));
                    }
                }
                "Telephone" => {
                    let number = line(c, &["DialNumber"]).unwrap_or_default();
                    let phone = match line(c, &["CountryDialing"]) {
                        Some(d) if !number.starts_with('+') => {
                            format!("+{} {number}", d.trim_start_matches('+'))
                        }
                        _ => number,
                    };
                    if !contact.contains_key("phone") {
                        put(&mut contact, "phone", phone);
                    }
                }
                "Web" | "Social Media" => {
                    if let Some(url) = line(c, &["URI"]) {
                        let kind = line(c, &["UseCode"]);
                        let mut l = Map::new();
                        l.insert("label".into(), link_label(kind.as_deref(), &url).into());
                        l.insert("url".into(), url.into());
                        links.push(Value::Object(l));
                    }
                }
                _ if child(c, "Address").is_some() => {
                    if let Some(a) = child(c, "Address") {
                        address.extend(children(a, "AddressLine").filter_map(|l| line(l, &[])));
                        let city = line(a, &["CityName"]);
                        let postal = line(a, &["PostalCode"]);
                        if let Some(city) = &city {
                            location.get_or_insert_with(|| city.clone());
                        }
                        if postal.is_some() {
                            address.push(
                                [postal, city]
                                    .into_iter()
                                    .flatten()
                                    .collect::<Vec<_>>()
                                    .join(" "),
                            );
                        }
                    }
                }
                "Instant Message" | "InstantMessage" => {}
                other => notes.push(&path, format!("channel \"{other}\" not imported")),
            }
        }
        put(&mut contact, "location", location);
        put(&mut contact, "address", address);
        put(&mut contact, "links", links);
        put(&mut out.profile, "contact", contact);
        for (i, l) in children(p, "PrimaryLanguageCode").enumerate() {
            let value = line(l, &[]);
            let free = l.attribute("name") == Some("FREE_TEXT");
            langs.push((
                format!("CandidatePerson/PrimaryLanguageCode[{}]", i + 1),
                Lang {
                    code: value.clone().filter(|_| !free),
                    label: value.filter(|_| free),
                    levels: None,
                },
            ));
        }
    }

    let mut skills = Vec::new();
    if let Some(profile) = child(root, "CandidateProfile") {
        let (summary, items) = rich(profile, &["ExecutiveSummary"], Flow::Block);
        let _ = items;
        put(&mut out.profile, "summary", summary);
        let mut ids = Ids::new("job");
        let mut n = 0;
        for employer in at(profile, &["EmploymentHistory"])
            .into_iter()
            .flat_map(|h| children(h, "EmployerHistory"))
        {
            let organization = line(employer, &["OrganizationName"]);
            let org_city = at(
                employer,
                &["OrganizationContact", "Communication", "Address"],
            )
            .and_then(|a| line(a, &["CityName"]));
            for position in children(employer, "PositionHistory") {
                n += 1;
                let path = format!("EmploymentHistory/EmployerHistory[{n}]");
                let period = child(position, "EmploymentPeriod");
                let current = period
                    .and_then(|p| line(p, &["CurrentIndicator"]))
                    .is_some_and(|c| c == "true");
                push_job(
                    Job {
                        organization: organization.clone(),
                        role: line(position, &["PositionTitle"]),
                        location: line(position, &["City"]).or_else(|| org_city.clone()),
                        start: period.and_then(|p| text(p, &["StartDate", "FormattedDateTime"])),
                        end: period
                            .and_then(|p| text(p, &["EndDate", "FormattedDateTime"]))
                            .filter(|_| !current),
                        description: rich(position, &["Description"], Flow::BlockWithItems),
                    },
                    &path,
                    &mut ids,
                    &mut out,
                    notes,
                );
            }
        }
        let mut ids = Ids::new("school");
        for (i, a) in at(profile, &["EducationHistory"])
            .into_iter()
            .flat_map(|h| children(h, "EducationOrganizationAttendance"))
            .enumerate()
        {
            let period = child(a, "AttendancePeriod");
            push_school(
                School {
                    institution: line(a, &["OrganizationName"]),
                    degree: line(a, &["EducationDegree", "DegreeName"]),
                    start: period.and_then(|p| text(p, &["StartDate", "FormattedDateTime"])),
                    end: period.and_then(|p| text(p, &["EndDate", "FormattedDateTime"])),
                    notes: rich(
                        a,
                        &["EducationDegree", "OccupationalSkillsCovered"],
                        Flow::Block,
                    )
                    .0,
                },
                &format!(
                    "EducationHistory/EducationOrganizationAttendance[{}]",
                    i + 1
                ),
                &mut ids,
                &mut out,
                notes,
            );
        }
        for (i, c) in at(profile, &["PersonQualifications"])
            .into_iter()
            .flat_map(|q| children(q, "PersonCompetency"))
            .enumerate()
        {
            let path = format!("PersonQualifications/PersonCompetency[{}]", i + 1);
            let taxonomy = line(c, &["TaxonomyID"]).unwrap_or_default();
            let id = line(c, &["CompetencyID"]);
            if taxonomy.eq_ignore_ascii_case("language") {
                let free = child(c, "CompetencyID").and_then(|n| n.attribute("schemeName"))
                    == Some("FREE_TEXT");
                let mut grid: [Option<String>; 5] = Default::default();
                for d in children(c, "CompetencyDimension") {
                    let code = line(d, &["CompetencyDimensionTypeCode"]).unwrap_or_default();
                    if let Some(k) = SKILLS.iter().position(|(_, dim, _)| *dim == code) {
                        grid[k] = line(d, &["Score", "ScoreText"]);
                    }
                }
                langs.push((
                    path,
                    Lang {
                        code: id.clone().filter(|_| !free),
                        label: id.filter(|_| free),
                        levels: Some(grid),
                    },
                ));
            } else if let Some(name) = line(c, &["CompetencyName"]).or(id) {
                skills.push((path, name, None));
            }
        }
        if let Some(s) = child(profile, "Skills") {
            for (i, c) in children(s, "PersonCompetency").enumerate() {
                if let Some(name) = line(c, &["CompetencyName"]) {
                    skills.push((format!("Skills/PersonCompetency[{}]", i + 1), name, None));
                }
            }
            for (i, g) in children(s, "SkillsGroup").enumerate() {
                let title = line(g, &["Title"]);
                for (j, c) in children(g, "PersonCompetency").enumerate() {
                    if let Some(name) = line(c, &["CompetencyName"]) {
                        skills.push((
                            format!("Skills/SkillsGroup[{}]/PersonCompetency[{}]", i + 1, j + 1),
                            name,
                            title.clone(),
                        ));
                    }
                }
            }
        }
        const READ: &[&str] = &[
            "ID",
            "ExecutiveSummary",
            "EmploymentHistory",
            "EducationHistory",
            "PersonQualifications",
            "Skills",
        ];
        for c in profile.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if !READ.contains(&name) && c.has_children() {
                notes.push(
                    format!("CandidateProfile/{name}"),
                    "no place in a profile; not imported",
                );
            }
        }
    }
    push_skills(skills, &mut out);
    push_languages(langs, &mut out, notes);
    let (profile, origins) = out.into_profile();
    Ok(Converted {
        profile,
        origins,
        name,
        headline: None,
    })
}

/// The legacy format, root `SkillsPassport`.
fn legacy(root: Node, notes: &mut Notes) -> Result<Converted> {
    let learner = child(root, "LearnerInfo")
        .ok_or_else(|| anyhow!("the SkillsPassport has no LearnerInfo: not a CV"))?;
    let mut out = Out::default();
    let id = child(learner, "Identification");
    let name = id
        .and_then(|i| child(i, "PersonName"))
        .and_then(|n| full_name(line(n, &["FirstName"]), line(n, &["Surname"])))
        .ok_or_else(|| anyhow!("the Europass CV has no name (Identification/PersonName)"))?;
    out.profile.insert("name".into(), name.clone().into());
    let headline = line(learner, &["Headline", "Description", "Label"]);
    put(&mut out.profile, "headline", headline.clone());
    if let Some(info) = id.and_then(|i| child(i, "ContactInfo")) {
        let mut contact = Map::new();
        put(&mut contact, "email", line(info, &["Email", "Contact"]));
        put(
            &mut contact,
            "phone",
            at(info, &["TelephoneList", "Telephone"]).and_then(|t| line(t, &["Contact"])),
        );
        if let Some(a) = at(info, &["Address", "Contact"]) {
            put(&mut contact, "location", line(a, &["Municipality"]));
            let lines: Vec<String> = [
                line(a, &["AddressLine"]),
                full_name(line(a, &["PostalCode"]), line(a, &["Municipality"])),
                line(a, &["Country", "Label"]),
            ]
            .into_iter()
            .flatten()
            .collect();
            put(&mut contact, "address", lines);
        }
        let links: Vec<Value> = at(info, &["WebsiteList"])
            .into_iter()
            .flat_map(|w| children(w, "Website"))
            .filter_map(|w| line(w, &["Contact"]))
            .map(|url| {
                let mut l = Map::new();
                l.insert("label".into(), link_label(None, &url).into());
                l.insert("url".into(), url.into());
                Value::Object(l)
            })
            .collect();
        put(&mut contact, "links", links);
        put(&mut out.profile, "contact", contact);
    }
    let mut ids = Ids::new("job");
    for (i, w) in at(learner, &["WorkExperienceList"])
        .into_iter()
        .flat_map(|l| children(l, "WorkExperience"))
        .enumerate()
    {
        let period = child(w, "Period");
        let current = period
            .and_then(|p| line(p, &["Current"]))
            .is_some_and(|c| c == "true");
        push_job(
            Job {
                organization: line(w, &["Employer", "Name"]),
                role: line(w, &["Position", "Label"]),
                location: at(w, &["Employer", "ContactInfo", "Address", "Contact"])
                    .and_then(|a| line(a, &["Municipality"])),
                start: legacy_date(period.and_then(|p| child(p, "From"))),
                end: legacy_date(period.and_then(|p| child(p, "To"))).filter(|_| !current),
                description: rich(w, &["Activities"], Flow::BlockWithItems),
            },
            &format!("WorkExperienceList/WorkExperience[{}]", i + 1),
            &mut ids,
            &mut out,
            notes,
        );
    }
    let mut ids = Ids::new("school");
    for (i, e) in at(learner, &["EducationList"])
        .into_iter()
        .flat_map(|l| children(l, "Education"))
        .enumerate()
    {
        let period = child(e, "Period");
        push_school(
            School {
                institution: line(e, &["Organisation", "Name"]),
                degree: line(e, &["Title"]),
                start: legacy_date(period.and_then(|p| child(p, "From"))),
                end: legacy_date(period.and_then(|p| child(p, "To"))),
                notes: rich(e, &["Activities"], Flow::Block).0,
            },
            &format!("EducationList/Education[{}]", i + 1),
            &mut ids,
            &mut out,
            notes,
        );
    }
    let mut langs = Vec::new();
    if let Some(ling) = at(learner, &["Skills", "Linguistic"]) {
        for (i, m) in at(ling, &["MotherTongueList"])
            .into_iter()
            .flat_map(|l| children(l, "MotherTongue"))
            .enumerate()
        {
            langs.push((
                format!("Skills/Linguistic/MotherTongueList/MotherTongue[{}]", i + 1),
                Lang {
                    code: line(m, &["Description", "Code"]),
                    label: line(m, &["Description", "Label"]),
                    levels: None,
                },
            ));
        }
        for (i, f) in at(ling, &["ForeignLanguageList"])
            .into_iter()
            .flat_map(|l| children(l, "ForeignLanguage"))
            .enumerate()
        {
            let level = child(f, "ProficiencyLevel");
            let mut grid: [Option<String>; 5] = Default::default();
            for (k, (_, _, element)) in SKILLS.iter().enumerate() {
                grid[k] = level.and_then(|l| line(l, &[element]));
            }
            langs.push((
                format!(
                    "Skills/Linguistic/ForeignLanguageList/ForeignLanguage[{}]",
                    i + 1
                ),
                Lang {
                    code: line(f, &["Description", "Code"]),
                    label: line(f, &["Description", "Label"]),
                    levels: Some(grid),
                },
            ));
        }
    }
    if let Some(skills) = child(learner, "Skills") {
        for c in skills.children().filter(|c| c.is_element()) {
            let name = c.tag_name().name();
            if name != "Linguistic" && c.has_children() {
                notes.push(
                    format!("Skills/{name}"),
                    "free text with no place in a profile; not imported — add it as skills by hand",
                );
            }
        }
    }
    push_languages(langs, &mut out, notes);
    let (profile, origins) = out.into_profile();
    Ok(Converted {
        profile,
        origins,
        name,
        headline,
    })
}
