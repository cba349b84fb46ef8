//! A posting's merged CV context → Europass XML, current format: what the
//! CV shows, in its language. The same context gives the same bytes (no
//! dates or random ids), so a PDF that carries the XML stays reproducible.
//!
//! Long texts (the summary, a job's description) are HTML stored escaped in
//! the text node, as the Europass editor writes them; inline markup becomes
//! `<strong>`, `<em>` and `<a>`.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{NS, NS_EURES, NS_HR, NS_OA, SKILLS, codes};
use crate::model::markup::{self, Span};
use crate::tailor::Context;
use crate::tailor::context::LanguageCtx;

/// The Europass XML of `ctx`'s CV.
pub fn to_xml(ctx: &Context) -> String {
    let mut x = Xml::new();
    x.decl();
    x.open(
        "Candidate",
        &[
            ("xmlns", NS),
            ("xmlns:hr", NS_HR),
            ("xmlns:oa", NS_OA),
            ("xmlns:eures", NS_EURES),
        ],
    );
    x.leaf(
        "hr:DocumentID",
        &[
            ("schemeID", "dossier"),
            ("schemeName", "DocumentIdentifier"),
            ("schemeAgencyName", "EUROPASS"),
            ("schemeVersionID", "4.0"),
        ],
        &format!("{}-{}", ctx.candidate.id, ctx.posting.id),
    );
    let name = markup::plain(&ctx.candidate.name);
    let (given, family) = split_name(&name);

    x.open("CandidateSupplier", &[]);
    x.leaf(
        "hr:PartyID",
        &[
            ("schemeID", "dossier"),
            ("schemeName", "PartyID"),
            ("schemeAgencyName", "EUROPASS"),
            ("schemeVersionID", "1.0"),
        ],
        &ctx.candidate.id,
    );
    x.leaf("hr:PartyName", &[], "Owner");
    x.open("PersonContact", &[]);
    person_name(&mut x, &given, &family);
    if !ctx.candidate.email.is_empty() {
        email(&mut x, &ctx.candidate.email);
    }
    x.close("PersonContact");
    x.leaf("hr:PrecedenceCode", &[], "1");
    x.close("CandidateSupplier");

    candidate_person(&mut x, ctx, &given, &family);
    candidate_profile(&mut x, ctx);
    x.close("Candidate");
    x.finish()
}

/// Given names and family name: the last word is the family name, with the
/// particles before it (`van`, `von`, `de`, …); one word is a given name.
pub fn split_name(name: &str) -> (String, String) {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "der", "den", "da", "das", "di", "du", "del", "della", "la", "le",
        "ter", "ten", "af", "zu", "dos", "y",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return (words.join(" "), String::new());
    }
    let mut at = words.len() - 1;
    while at > 1 && PARTICLES.contains(&words[at - 1]) {
        at -= 1;
    }
    (words[..at].join(" "), words[at..].join(" "))
}

fn person_name(x: &mut Xml, given: &str, family: &str) {
    x.open("PersonName", &[]);
    x.leaf("oa:GivenName", &[], given);
    if !family.is_empty() {
        x.leaf("hr:FamilyName", &[], family);
    }
    x.close("PersonName");
}

fn email(x: &mut Xml, address: &str) {
    x.open("Communication", &[]);
    x.leaf("ChannelCode", &[], "Email");
    x.leaf("oa:URI", &[], address);
    x.close("Communication");
}

fn candidate_person(x: &mut Xml, ctx: &Context, given: &str, family: &str) {
    let c = &ctx.candidate;
    x.open("CandidatePerson", &[]);
    person_name(x, given, family);
    if !c.email.is_empty() {
        email(x, &c.email);
    }
    if !c.phone.is_empty() {
        let (dialing, number) = split_phone(&c.phone);
        x.open("Communication", &[]);
        x.leaf("ChannelCode", &[], "Telephone");
        x.leaf("UseCode", &[], "mobile");
        if let Some(d) = dialing {
            x.leaf("CountryDialing", &[], d);
        }
        x.leaf("oa:DialNumber", &[], number);
        x.close("Communication");
    }
    if !c.address.is_empty() || !c.location.is_empty() {
        x.open("Communication", &[]);
        x.leaf("UseCode", &[], "home");
        x.open("Address", &[("type", "home")]);
        if !c.address.is_empty() {
            let lines: Vec<String> = c.address.iter().map(|l| markup::plain(l)).collect();
            x.leaf("oa:AddressLine", &[], &lines.join(", "));
        }
        if !c.location.is_empty() {
            x.leaf("oa:CityName", &[], &markup::plain(&c.location));
        }
        x.close("Address");
        x.close("Communication");
    }
    for l in &c.links {
        x.open("Communication", &[]);
        match social_media(&l.url) {
            Some(kind) => {
                x.leaf("ChannelCode", &[], "Social Media");
                x.leaf("UseCode", &[], kind);
            }
            None => x.leaf("ChannelCode", &[], "Web"),
        }
        x.leaf("oa:URI", &[], &l.url);
        x.close("Communication");
    }
    if shows(ctx, "languages") {
        for l in ctx.cv.languages.iter().filter(|l| l.native) {
            let (scheme, code) = language_code(l);
            x.leaf("PrimaryLanguageCode", &[("name", scheme)], &code);
        }
    }
    x.close("CandidatePerson");
}

fn candidate_profile(x: &mut Xml, ctx: &Context) {
    let cv = &ctx.cv;
    x.open("CandidateProfile", &[("languageCode", ctx.lang.code())]);
    if shows(ctx, "summary") && !cv.summary.is_empty() {
        x.leaf("hr:ExecutiveSummary", &[], &html(&[&cv.summary], &[]));
    }
    if shows(ctx, "experience") && !cv.experience.is_empty() {
        x.open("EmploymentHistory", &[]);
        for e in &cv.experience {
            x.open("EmployerHistory", &[]);
            x.leaf("hr:OrganizationName", &[], &markup::plain(&e.organization));
            if !e.location.is_empty() {
                x.open("OrganizationContact", &[]);
                x.open("Communication", &[]);
                x.open("Address", &[]);
                x.leaf("oa:CityName", &[], &markup::plain(&e.location));
                x.close("Address");
                x.close("Communication");
                x.close("OrganizationContact");
            }
            x.open("PositionHistory", &[]);
            x.leaf(
                "PositionTitle",
                &[("typeCode", "FREETEXT")],
                &markup::plain(&e.role),
            );
            x.open("eures:EmploymentPeriod", &[]);
            date(x, "eures:StartDate", &e.start);
            if !e.end.is_empty() {
                date(x, "eures:EndDate", &e.end);
            }
            x.leaf(
                "hr:CurrentIndicator",
                &[],
                if e.end.is_empty() { "true" } else { "false" },
            );
            x.close("eures:EmploymentPeriod");
            let highlights: Vec<&str> = e.highlights.iter().map(String::as_str).collect();
            if !e.summary.is_empty() || !highlights.is_empty() {
                let paragraphs: Vec<&str> = [e.summary.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                x.leaf("oa:Description", &[], &html(&paragraphs, &highlights));
            }
            if !e.location.is_empty() {
                x.leaf("City", &[], &markup::plain(&e.location));
            }
            x.close("PositionHistory");
            x.close("EmployerHistory");
        }
        x.close("EmploymentHistory");
    }
    if shows(ctx, "education") && !cv.education.is_empty() {
        x.open("EducationHistory", &[]);
        for e in &cv.education {
            x.open("EducationOrganizationAttendance", &[]);
            x.leaf("hr:OrganizationName", &[], &markup::plain(&e.institution));
            if !e.start.is_empty() || !e.end.is_empty() {
                x.open("AttendancePeriod", &[]);
                if !e.start.is_empty() {
                    date(x, "StartDate", &e.start);
                }
                if !e.end.is_empty() {
                    date(x, "EndDate", &e.end);
                }
                x.leaf(
                    "Ongoing",
                    &[],
                    if e.end.is_empty() { "true" } else { "false" },
                );
                x.close("AttendancePeriod");
            }
            let degree = [e.degree.as_str(), e.field.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(markup::plain)
                .collect::<Vec<_>>()
                .join(", ");
            if !degree.is_empty() || !e.notes.is_empty() {
                x.open("EducationDegree", &[]);
                x.leaf("hr:DegreeName", &[], &degree);
                if !e.notes.is_empty() {
                    x.leaf("OccupationalSkillsCovered", &[], &html(&[&e.notes], &[]));
                }
                x.close("EducationDegree");
            }
            x.close("EducationOrganizationAttendance");
        }
        x.close("EducationHistory");
    }
    let foreign: Vec<&LanguageCtx> = if shows(ctx, "languages") {
        cv.languages.iter().filter(|l| !l.native).collect()
    } else {
        Vec::new()
    };
    if !foreign.is_empty() {
        x.open("PersonQualifications", &[]);
        for l in foreign {
            let (scheme, code) = language_code(l);
            x.open("PersonCompetency", &[]);
            x.leaf("CompetencyID", &[("schemeName", scheme)], &code);
            x.leaf("hr:TaxonomyID", &[], "language");
            let levels = &l.levels;
            let by_skill = [
                &levels.listening,
                &levels.reading,
                &levels.interaction,
                &levels.production,
                &levels.writing,
            ];
            for ((_, dimension, _), level) in SKILLS.iter().zip(by_skill) {
                let level = if level.is_empty() { &l.level } else { level };
                x.open("eures:CompetencyDimension", &[]);
                x.leaf("hr:CompetencyDimensionTypeCode", &[], dimension);
                x.open("eures:Score", &[]);
                x.leaf("hr:ScoreText", &[], level);
                x.close("eures:Score");
                x.close("eures:CompetencyDimension");
            }
            x.close("PersonCompetency");
        }
        x.close("PersonQualifications");
    }
    if shows(ctx, "skills") && !cv.skills.is_empty() {
        // Europass refuses two skills of the same name.
        let mut seen = std::collections::HashSet::new();
        x.open("Skills", &[]);
        for g in &cv.skill_groups {
            let names: Vec<String> = g
                .skills
                .iter()
                .map(|s| markup::plain(&s.name))
                .filter(|n| seen.insert(n.to_lowercase()))
                .collect();
            if names.is_empty() {
                continue;
            }
            let grouped = !g.category.is_empty();
            if grouped {
                x.open("SkillsGroup", &[]);
                x.leaf("Title", &[], &markup::plain(&g.category));
            }
            for n in names {
                x.open("PersonCompetency", &[]);
                x.leaf("hr:TaxonomyID", &[], "Digital_Skill");
                x.leaf("hr:CompetencyName", &[], &n);
                x.close("PersonCompetency");
            }
            if grouped {
                x.close("SkillsGroup");
            }
        }
        x.close("Skills");
    }
    x.close("CandidateProfile");
}

/// Whether the CV shows section `id`.
fn shows(ctx: &Context, id: &str) -> bool {
    ctx.cv.sections.iter().any(|s| s.id == id)
}

/// `NORMAL` and the ISO 639-2 code, or `FREE_TEXT` and the name.
fn language_code(l: &LanguageCtx) -> (&'static str, String) {
    let name = markup::plain(&l.name);
    match codes::iso639_2(&l.id).or_else(|| codes::iso639_2_by_name(&name)) {
        Some(code) => ("NORMAL", code.to_string()),
        None => ("FREE_TEXT", name),
    }
}

fn date(x: &mut Xml, element: &str, value: &str) {
    x.open(element, &[]);
    x.leaf("hr:FormattedDateTime", &[], value);
    x.close(element);
}

/// `+372 5555 1234` → (`372`, `5555 1234`): Europass wants the country
/// calling code apart, digits only.
fn split_phone(phone: &str) -> (Option<&str>, &str) {
    let phone = phone.trim();
    if let Some(rest) = phone.strip_prefix('+') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) && rest[digits..].starts_with([' ', '-', '(']) {
            let number = rest[digits..].trim_start_matches([' ', '-']);
            return (Some(&rest[..digits]), number);
        }
    }
    (None, phone)
}

/// The Europass social media kind of a link, by its host.
fn social_media(url: &str) -> Option<&'static str> {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .split("://")
        .nth(1)
        .unwrap_or(&lower)
        .split('/')
        .next()
        .unwrap_or_default();
    [
        "facebook",
        "twitter",
        "instagram",
        "linkedin",
        "youtube",
        "pinterest",
        "tumblr",
    ]
    .into_iter()
    .find(|kind| host.split('.').any(|part| part == *kind))
}

/// Paragraphs and a bullet list as HTML; the XML writer escapes it again.
fn html(paragraphs: &[&str], items: &[&str]) -> String {
    let mut out = String::new();
    for p in paragraphs {
        out.push_str("<p>");
        spans_html(&markup::parse(p), &mut out);
        out.push_str("</p>");
    }
    if !items.is_empty() {
        out.push_str("<ul>");
        for i in items {
            out.push_str("<li>");
            spans_html(&markup::parse(i), &mut out);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out
}

fn spans_html(spans: &[Span], out: &mut String) {
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&escape_html(t)),
            Span::Strong(inner) => {
                out.push_str("<strong>");
                spans_html(inner, out);
                out.push_str("</strong>");
            }
            Span::Emph(inner) => {
                out.push_str("<em>");
                spans_html(inner, out);
                out.push_str("</em>");
            }
            Span::Link { label, url } => {
                out.push_str(&format!("<a href=\"{}\">", escape_html(url)));
                spans_html(label, out);
                out.push_str("</a>");
            }
        }
    }
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An indented XML document in memory.
struct Xml {
    w: Writer<Vec<u8>>,
}

impl Xml {
    fn new() -> Xml {
        Xml {
            w: Writer::new_with_indent(Vec::new(), b' ', 2),
        }
    }

    fn event(&mut self, e: Event) {
        // Writing to a `Vec` cannot fail.
        let _ = self.w.write_event(e);
    }

    fn decl(&mut self) {
        self.event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
    }

    fn start<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for &a in attrs {
            start.push_attribute(a);
        }
        start
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.event(Event::Start(Xml::start(name, attrs)));
    }

    fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// An element with text only.
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.event(Event::Start(Xml::start(name, attrs)));
        self.event(Event::Text(BytesText::new(text)));
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn finish(self) -> String {
        let mut bytes = self.w.into_inner();
        bytes.push(b'\n');
        // Written from strings only, so UTF-8.
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_the_family_name() {
        let s = |n: &str| split_name(n);
        assert_eq!(s("Mari Maasikas"), ("Mari".into(), "Maasikas".into()));
        assert_eq!(
            s("Anna-Liisa Mari Tamm"),
            ("Anna-Liisa Mari".into(), "Tamm".into())
        );
        assert_eq!(
            s("Ludwig van Beethoven"),
            ("Ludwig".into(), "van Beethoven".into())
        );
        assert_eq!(s("Prince"), ("Prince".into(), String::new()));
    }

    #[test]
    fn phones_split_at_the_country_code() {
        assert_eq!(split_phone("+372 5555 1234"), (Some("372"), "5555 1234"));
        assert_eq!(split_phone("5555 1234"), (None, "5555 1234"));
        assert_eq!(split_phone("+3725551234"), (None, "+3725551234"));
    }

    #[test]
    fn markup_becomes_html() {
        assert_eq!(
            html(&["a **b** & [c](https://x.ee)"], &["<i>"]),
            "<p>a <strong>b</strong> &amp; <a href=\"https://x.ee\">c</a></p><ul><li>&lt;i&gt;</li></ul>"
        );
    }
}
