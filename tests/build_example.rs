//! End-to-end: build a copy of the example workspace with the real typst and
//! read the PDFs back with poppler. The expectations are read from the example's
//! own YAML files (with a tiny line-based reader that understands just the
//! shapes the example uses), so editing the example's wording does not break
//! these tests, while a change of *behaviour* does.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;

const CANDIDATE: &str = "mari";
/// The file-name prefix of the example candidate, `Mari Maasikas` folded.
const PREFIX: &str = "Mari_Maasikas";

// ---------------------------------------------------------------------------
// A minimal reader for the block-style YAML of the example.

/// Lines of a top-level `key:` block (the lines after it, up to the next top-level key).
fn section<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    let head = format!("{key}:");
    let mut lines = text.lines().skip_while(|l| l.trim_end() != head);
    assert!(lines.next().is_some(), "no top-level `{key}:` block");
    lines
        .take_while(|l| l.is_empty() || l.starts_with(' ') || l.starts_with('#'))
        .collect()
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Lines nested under `key:` (at exactly `indent` spaces).
fn sub<'a>(lines: &[&'a str], indent: usize, key: &str) -> Vec<&'a str> {
    let head = format!("{}{key}:", " ".repeat(indent));
    let Some(i) = lines.iter().position(|l| l.trim_end() == head) else {
        return Vec::new();
    };
    lines[i + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || indent_of(l) > indent)
        .copied()
        .collect()
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

/// The raw value after `key:` at exactly `indent` spaces (`- ` counts as indentation).
fn raw<'a>(lines: &[&'a str], indent: usize, key: &str) -> Option<&'a str> {
    lines.iter().find_map(|l| {
        let stripped = l.replacen("- ", "  ", 1);
        (indent_of(&stripped) == indent && stripped.trim_start().starts_with(&format!("{key}:")))
            .then(|| l.trim_start().trim_start_matches("- ")[key.len() + 1..].trim())
    })
}

fn scalar(lines: &[&str], indent: usize, key: &str) -> Option<String> {
    raw(lines, indent, key)
        .filter(|v| !v.is_empty())
        .map(unquote)
}

/// A text value in `lang`: `key: plain`, `key: {et: …, en: …}` or a block map.
fn text(lines: &[&str], indent: usize, key: &str, lang: &str) -> Option<String> {
    let v = raw(lines, indent, key)?;
    if let Some(inner) = v.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
        // Flow map; values may contain ", ", so glue parts that do not start with a key.
        let mut entries: Vec<String> = Vec::new();
        for part in inner.split(", ") {
            let is_key = part.len() > 3
                && part.as_bytes()[2] == b':'
                && part[..2].chars().all(|c| c.is_ascii_lowercase());
            match entries.last_mut() {
                Some(last) if !is_key => {
                    last.push_str(", ");
                    last.push_str(part);
                }
                _ => entries.push(part.to_string()),
            }
        }
        return entries
            .iter()
            .find_map(|e| e.strip_prefix(&format!("{lang}: ")).map(unquote));
    }
    if !v.is_empty() {
        return Some(unquote(v));
    }
    scalar(&sub(lines, indent, key), indent + 2, lang)
}

fn flow_list(v: &str) -> Vec<String> {
    let v = v.trim();
    let inner = v
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or_else(|| panic!("not a flow list: {v}"));
    inner
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------
// What the example says.

struct Job {
    id: String,
    start: String,
    end: Option<String>,
    /// lang → (role, organization)
    et: (String, String),
    en: (String, String),
}

impl Job {
    fn role(&self, lang: &str) -> &str {
        if lang == "et" { &self.et.0 } else { &self.en.0 }
    }
    fn org(&self, lang: &str) -> &str {
        if lang == "et" { &self.et.1 } else { &self.en.1 }
    }
    fn dates(&self, lang: &str) -> String {
        let end = match &self.end {
            Some(e) => cv_date(lang, e),
            None => if lang == "et" { "praegu" } else { "present" }.to_string(),
        };
        format!("{} – {end}", cv_date(lang, &self.start))
    }
}

fn profile_jobs(profile: &str) -> Vec<Job> {
    let lines = section(profile, "experience");
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  - id: "))
        .map(|(i, _)| i)
        .collect();
    assert!(starts.len() >= 3, "the example profile has several jobs");
    starts
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let item = &lines[i..starts.get(n + 1).copied().unwrap_or(lines.len())];
            let get = |key: &str, lang: &str| {
                text(item, 4, key, lang).unwrap_or_else(|| panic!("{key}/{lang} in {}", item[0]))
            };
            Job {
                id: scalar(item, 4, "id").expect("id"),
                start: scalar(item, 4, "start").expect("start"),
                end: scalar(item, 4, "end"),
                et: (get("role", "et"), get("organization", "et")),
                en: (get("role", "en"), get("organization", "en")),
            }
        })
        .collect()
}

struct Posting {
    id: String,
    yaml: String,
    lang: String,
    short: String,
    position: String,
    headline: String,
    experience: Vec<String>,
    max_pages: Option<usize>,
    date: String,
    subject: String,
    salutation: Option<String>,
    contact: String,
    salary: Option<String>,
    /// (covered, total) requirements
    coverage: (usize, usize),
}

impl Posting {
    fn dir(&self) -> PathBuf {
        PathBuf::from("output").join(CANDIDATE).join(&self.id)
    }
    fn cv(&self) -> PathBuf {
        self.dir().join(format!("{PREFIX}_CV_{}.pdf", self.short))
    }
    fn letter(&self) -> PathBuf {
        let kind = if self.lang == "et" {
            "Motivatsioonikiri"
        } else {
            "Cover_Letter"
        };
        self.dir()
            .join(format!("{PREFIX}_{kind}_{}.pdf", self.short))
    }
}

fn read_posting(path: &Path) -> Posting {
    let yaml = std::fs::read_to_string(path).expect("read tailoring file");
    let top: Vec<&str> = yaml.lines().collect();
    let lang = scalar(&top, 0, "language").expect("language");
    let posting = section(&yaml, "posting");
    let cv = section(&yaml, "cv");
    let letter = section(&yaml, "letter");
    let reqs = section(&yaml, "requirements");
    let total = reqs.iter().filter(|l| l.starts_with("  - text:")).count();
    let empty = reqs.iter().filter(|l| l.trim() == "evidence: []").count();
    Posting {
        id: path.file_stem().unwrap().to_string_lossy().into_owned(),
        short: scalar(&posting, 2, "short_name").expect("posting.short_name"),
        position: text(&posting, 2, "position", &lang).expect("posting.position"),
        headline: text(&cv, 2, "headline", &lang)
            .expect("the example's tailorings set cv.headline"),
        experience: flow_list(
            raw(&cv, 2, "experience").expect("the example's tailorings list cv.experience"),
        ),
        max_pages: scalar(&cv, 2, "max_pages").map(|m| m.parse().expect("max_pages")),
        date: scalar(&letter, 2, "date").expect("the example's letters are dated"),
        subject: text(&letter, 2, "subject", &lang).expect("letter.subject"),
        salutation: text(&letter, 2, "salutation", &lang),
        contact: scalar(&sub(&posting, 2, "contact"), 4, "name").expect("posting.contact.name"),
        salary: text(&letter, 2, "salary", &lang),
        coverage: (total - empty, total),
        lang,
        yaml,
    }
}

fn example_postings(ws: &Path) -> Vec<Posting> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ws.join("profiles").join(CANDIDATE))
        .expect("tailoring folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let postings: Vec<Posting> = files.iter().map(|f| read_posting(f)).collect();
    assert!(postings.len() >= 3, "the example has several postings");
    assert!(postings.iter().any(|p| p.lang == "et") && postings.iter().any(|p| p.lang == "en"));
    postings
}

// ---------------------------------------------------------------------------
// Dates and text as they must appear in the PDFs.

const ET_MONTHS: [&str; 12] = [
    "jaanuar",
    "veebruar",
    "märts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn ymd(s: &str) -> (u32, Option<usize>, Option<u32>) {
    let mut it = s.split('-');
    let y = it.next().unwrap().parse().unwrap();
    let m = it.next().map(|m| m.parse::<usize>().unwrap());
    let d = it.next().map(|d| d.parse().unwrap());
    (y, m, d)
}

/// `märts 2022` / `Mar 2022`.
fn cv_date(lang: &str, s: &str) -> String {
    match ymd(s) {
        (y, Some(m), _) if lang == "et" => format!("{} {y}", ET_MONTHS[m - 1]),
        (y, Some(m), _) => format!("{} {y}", &EN_MONTHS[m - 1][..3]),
        (y, None, _) => y.to_string(),
    }
}

/// `23. november 2026` / `23 November 2026`.
fn letter_date(lang: &str, s: &str) -> String {
    let (y, m, d) = ymd(s);
    let (m, d) = (m.expect("month"), d.expect("day"));
    if lang == "et" {
        format!("{d}. {} {y}", ET_MONTHS[m - 1])
    } else {
        format!("{d} {} {y}", EN_MONTHS[m - 1])
    }
}

/// pdftotext output with hyphenation undone and whitespace squashed.
fn norm(s: &str) -> String {
    squash(&s.replace("\u{ad}\n", "").replace('\u{ad}', ""))
}

/// For long phrases that may be broken (and hyphenated) anywhere: no whitespace, no hyphens.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .collect()
}

fn contains_loose(hay: &str, needle: &str) -> bool {
    loose(hay).contains(&loose(needle))
}

fn pdf_files(dir: &Path) -> BTreeSet<String> {
    match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".pdf"))
            .collect(),
        Err(_) => BTreeSet::new(),
    }
}

fn all_pdfs(ws: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "pdf") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&ws.join("output"), &mut out);
    out.sort();
    out
}

/// Position of `needle` in `hay` at or after `from`, with a helpful panic.
fn find_from(hay: &str, needle: &str, from: usize, what: &str, doc: &Path) -> usize {
    match hay[from..].find(needle) {
        Some(i) => from + i,
        None => panic!(
            "{}: expected {what} {needle:?} after byte {from}; text from there:\n{}",
            doc.display(),
            &hay[from..]
        ),
    }
}

// ---------------------------------------------------------------------------

/// One build of the whole example, checked section by section (one build keeps it fast).
#[test]
fn example_workspace_builds_tailored_documents() {
    let ws = example_workspace();
    let root = ws.path();
    let out = dossier(root, &["build"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "build of the example failed:\n{}",
        stderr(&out)
    );

    let profile = std::fs::read_to_string(root.join("profiles/mari.yaml")).expect("profile");
    let name = scalar(&profile.lines().collect::<Vec<_>>(), 0, "name").expect("name");
    assert_eq!(name, "Mari Maasikas");
    let jobs = profile_jobs(&profile);
    let postings = example_postings(root);

    // Every posting folder holds exactly its CV and letter, each with the kept .typ.
    let dirs: BTreeSet<String> = std::fs::read_dir(root.join("output").join(CANDIDATE))
        .expect("output/mari")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| root.join("output").join(CANDIDATE).join(n).is_dir())
        .collect();
    let ids: BTreeSet<String> = postings.iter().map(|p| p.id.clone()).collect();
    assert_eq!(dirs, ids, "one output folder per posting");
    for p in &postings {
        let expected: BTreeSet<String> = [p.cv(), p.letter()]
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(pdf_files(&root.join(p.dir())), expected, "PDFs of {}", p.id);
        for pdf in [p.cv(), p.letter()] {
            assert!(
                root.join(pdf.with_extension("typ")).is_file(),
                "kept Typst source next to {}",
                pdf.display()
            );
        }
    }

    for p in &postings {
        check_cv(root, p, &jobs);
        check_letter(root, p);
        check_metadata(root, p, &name);
    }
}

fn check_cv(root: &Path, p: &Posting, jobs: &[Job]) {
    let pdf = root.join(p.cv());
    if let Some(max) = p.max_pages {
        let n = pages(&pdf);
        assert!(
            n <= max,
            "{}: {n} pages, cv.max_pages is {max}",
            pdf.display()
        );
    }
    let raw_text = pdf_text(&pdf);
    let t = norm(&raw_text);

    assert!(
        contains_loose(&t, &p.headline),
        "{}: tailored headline {:?} missing:\n{t}",
        pdf.display(),
        p.headline
    );

    // The experience heading, with its diacritics (the layout may set it in capitals).
    let heading = if p.lang == "et" {
        "töökogemus"
    } else {
        "experience"
    };
    let lower = t.to_lowercase();
    assert!(
        lower.contains(heading),
        "{}: heading {heading:?} missing",
        pdf.display()
    );

    // Selected jobs in the given order; each job's role, organization and dates are read
    // before the next job's role begins.
    let job = |id: &str| {
        jobs.iter()
            .find(|j| j.id == id)
            .unwrap_or_else(|| panic!("job {id} not in the profile"))
    };
    let selected: Vec<&Job> = p.experience.iter().map(|id| job(id)).collect();
    let mut at = 0;
    let mut starts = Vec::new();
    for j in &selected {
        let role = find_from(&t, j.role(&p.lang), at, "role", &pdf);
        let org = find_from(&t, &norm(j.org(&p.lang)), role, "organization", &pdf);
        let dates = find_from(&t, &j.dates(&p.lang), org, "dates", &pdf);
        starts.push((role, dates, &j.id));
        at = dates;
    }
    for w in starts.windows(2) {
        let (_, dates_a, id_a) = w[0];
        let (role_b, _, id_b) = w[1];
        assert!(
            dates_a < role_b,
            "{}: dates of {id_a} must be read before the role of {id_b}",
            pdf.display()
        );
    }

    // The ongoing job's range is localized.
    let ongoing = if p.lang == "et" {
        " – praegu"
    } else {
        " – present"
    };
    if selected.iter().any(|j| j.end.is_none()) {
        assert!(
            t.contains(ongoing),
            "{}: ongoing range {ongoing:?} missing",
            pdf.display()
        );
    }

    // Jobs not selected are not in this CV.
    for j in jobs.iter().filter(|j| !p.experience.contains(&j.id)) {
        assert!(
            !t.contains(j.role(&p.lang)),
            "{}: excluded job {} (role) is in the CV",
            pdf.display(),
            j.id
        );
        assert!(
            !t.contains(&norm(j.org(&p.lang))),
            "{}: excluded job {} (organization) is in the CV",
            pdf.display(),
            j.id
        );
    }
}

fn check_letter(root: &Path, p: &Posting) {
    let pdf = root.join(p.letter());
    assert_eq!(pages(&pdf), 1, "{}: a letter is one page", pdf.display());
    let t = norm(&pdf_text(&pdf));

    assert!(
        contains_loose(&t, &p.subject),
        "{}: subject {:?} missing:\n{t}",
        pdf.display(),
        p.subject
    );
    match &p.salutation {
        Some(s) => assert!(
            t.contains(s.as_str()),
            "{}: salutation {s:?} missing",
            pdf.display()
        ),
        None => {
            let polite = if p.lang == "et" { "Lugupeetud" } else { "Dear" };
            let expected = format!("{polite} {}", p.contact);
            assert!(
                t.contains(&expected),
                "{}: default salutation {expected:?} missing:\n{t}",
                pdf.display()
            );
        }
    }
    // The body used {{ posting.position }}: expanded, and no template syntax left.
    assert!(
        p.yaml.contains("{{ posting.position }}"),
        "{}: the example body uses posting.position",
        p.id
    );
    assert!(
        contains_loose(&t, &p.position),
        "{}: position {:?} not expanded in the body",
        pdf.display(),
        p.position
    );
    assert!(
        !t.contains("{{") && !t.contains("}}") && !t.contains("posting."),
        "{}: template syntax left:\n{t}",
        pdf.display()
    );

    let closing = if p.lang == "et" {
        "Lugupidamisega"
    } else {
        "Kind regards"
    };
    assert!(
        t.contains(closing),
        "{}: closing {closing:?} missing",
        pdf.display()
    );
    let date = letter_date(&p.lang, &p.date);
    assert!(
        t.contains(&date),
        "{}: letter date {date:?} missing:\n{t}",
        pdf.display()
    );
    match &p.salary {
        Some(s) => {
            assert!(
                t.contains(&norm(s)),
                "{}: salary {s:?} missing",
                pdf.display()
            );
            if p.lang == "et" {
                assert!(
                    t.contains(&format!("Palgasoov: {}", norm(s))),
                    "{}: salary line",
                    pdf.display()
                );
            }
        }
        None if p.lang == "et" => assert!(
            !t.contains("Palgasoov"),
            "{}: no salary was given",
            pdf.display()
        ),
        None => {}
    }
}

fn check_metadata(root: &Path, p: &Posting, name: &str) {
    for pdf in [root.join(p.cv()), root.join(p.letter())] {
        let info = pdf_info(&pdf);
        let field = |k: &str| {
            info.get(k)
                .cloned()
                .unwrap_or_else(|| panic!("{}: no {k} in pdfinfo: {info:?}", pdf.display()))
        };
        let title = field("Title");
        assert!(
            title.contains(name),
            "{}: Title {title:?} lacks the name",
            pdf.display()
        );
        assert!(
            title.contains(&p.position),
            "{}: Title {title:?} lacks the position {:?}",
            pdf.display(),
            p.position
        );
        assert_eq!(field("Author"), name, "{}: Author", pdf.display());
        let keywords = field("Keywords");
        assert!(
            keywords.contains(&p.short),
            "{}: Keywords {keywords:?} lack {:?}",
            pdf.display(),
            p.short
        );
    }
}

#[test]
fn only_cv_builds_only_cvs() {
    let ws = example_workspace();
    let out = dossier(ws.path(), &["build", "--only", "cv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let postings = example_postings(ws.path());
    let mut expected: Vec<PathBuf> = postings.iter().map(|p| ws.path().join(p.cv())).collect();
    expected.sort();
    assert_eq!(all_pdfs(ws.path()), expected, "only the CVs");
}

#[test]
fn naming_a_posting_builds_only_that_posting() {
    let ws = example_workspace();
    let postings = example_postings(ws.path());
    let p = postings
        .iter()
        .find(|p| p.lang == "et")
        .expect("an Estonian posting");
    let out = dossier(ws.path(), &["build", &p.id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut expected = vec![ws.path().join(p.cv()), ws.path().join(p.letter())];
    expected.sort();
    assert_eq!(all_pdfs(ws.path()), expected, "only {}", p.id);
    for other in postings.iter().filter(|o| o.id != p.id) {
        assert!(
            !ws.path().join(other.dir()).exists(),
            "{} must not be touched",
            other.id
        );
    }
}

#[test]
fn unknown_posting_is_a_usage_error_listing_known_names() {
    let ws = example_workspace();
    let out = dossier(ws.path(), &["build", "no-such-posting"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no-such-posting"), "{err}");
    for p in example_postings(ws.path()) {
        assert!(
            err.contains(&p.id),
            "known posting {} not listed: {err}",
            p.id
        );
    }
    assert!(all_pdfs(ws.path()).is_empty());
}

#[test]
fn check_reports_requirement_coverage() {
    let ws = example_workspace();
    let out = dossier(ws.path(), &["check"]);
    let (so, se) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "stdout:\n{so}\nstderr:\n{se}");
    for p in example_postings(ws.path()) {
        let (covered, total) = p.coverage;
        let line = so
            .lines()
            .find(|l| l.contains(&p.id))
            .unwrap_or_else(|| panic!("no line for {} in:\n{so}", p.id));
        assert!(
            line.contains(&format!("{covered}/{total}")),
            "coverage of {}: {line:?}",
            p.id
        );
    }
    // A requirement with `evidence: []` is shown as not covered.
    let uncovered = example_postings(ws.path())
        .into_iter()
        .find(|p| p.coverage.0 < p.coverage.1);
    if let Some(p) = uncovered {
        assert!(
            so.contains('✗'),
            "{} has an uncovered requirement:\n{so}",
            p.id
        );
    }
    assert!(so.contains('✓'));
    assert!(all_pdfs(ws.path()).is_empty(), "check compiles nothing");
}

/// õ ä ö ü š ž survive into PDF text and metadata; file names are folded to ASCII.
#[test]
fn estonian_letters_survive_everywhere() {
    let ws = example_workspace();
    let postings = example_postings(ws.path());
    let p = postings
        .iter()
        .find(|p| p.lang == "et" && p.salutation.is_none())
        .expect("an Estonian posting with default salutation");
    let file = ws
        .path()
        .join("profiles")
        .join(CANDIDATE)
        .join(format!("{}.yaml", p.id));
    let contact = "Žaneta Šõmer-Äärmüür";
    let short = "Žürii-Šõ";
    let yaml = p
        .yaml
        .replacen(
            &format!("name: {}", p.contact),
            &format!("name: {contact}"),
            1,
        )
        .replacen(
            &format!("short_name: {}", p.short),
            &format!("short_name: \"{short}\""),
            1,
        );
    assert!(
        yaml.contains(contact) && yaml.contains(short),
        "mutation applied"
    );
    write(&file, &yaml);

    let out = dossier(ws.path(), &["build", &p.id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dir = ws.path().join(p.dir());
    let cv = dir.join(format!("{PREFIX}_CV_Zurii-So.pdf"));
    let letter = dir.join(format!("{PREFIX}_Motivatsioonikiri_Zurii-So.pdf"));
    assert_eq!(
        pdf_files(&dir),
        [&cv, &letter]
            .iter()
            .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
            .collect(),
        "ASCII-folded file names"
    );
    let t = norm(&pdf_text(&letter));
    assert!(
        t.contains(&format!("Lugupeetud {contact}")),
        "letter text:\n{t}"
    );
    let cv_text = norm(&pdf_text(&cv)).to_lowercase();
    for word in ["töökogemus", "märts", "õ", "ä", "ö", "ü"] {
        assert!(cv_text.contains(word), "{word:?} missing from the CV text");
    }
    for pdf in [&cv, &letter] {
        let kw = pdf_info(pdf).get("Keywords").cloned().unwrap_or_default();
        assert!(kw.contains(short), "{}: Keywords {kw:?}", pdf.display());
    }
}

/// The e-CF competences the CV's items carry are in every template's
/// context, but the classic CV shows them only when `cv.sections` lists
/// `competences` — then under their heading, code and name, in order.
#[test]
fn the_classic_cv_shows_competences_only_when_its_sections_list_them() {
    let ws = example_workspace();
    let ws = ws.path();
    let tailoring = ws.join("profiles/mari/e-estonia-architect.yaml");
    let pdf = ws.join("output/mari/e-estonia-architect");
    let cv_text = |ws: &Path| {
        let out = dossier_on(
            ws,
            "1795564800",
            &["build", "e-estonia-architect", "--only", "cv"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let cv = pdfs_under(&pdf)
            .into_iter()
            .find(|p| p.to_string_lossy().contains("CV") || p.to_string_lossy().contains("cv"))
            .expect("the CV");
        squash(&pdf_text(&cv))
    };
    let without = cv_text(ws);
    // Headings are set in capitals.
    assert!(!without.contains("COMPETENCES (E-CF)"), "{without}");

    let text = std::fs::read_to_string(&tailoring).expect("read");
    let sections =
        "sections: [summary, experience, projects, skills, certifications, education, languages]";
    assert!(text.contains(sections), "the example's sections changed");
    let listed = sections.replace("languages]", "languages, competences]");
    write(&tailoring, &text.replace(sections, &listed));
    let with = cv_text(ws);
    let at = with
        .find("COMPETENCES (E-CF)")
        .unwrap_or_else(|| panic!("no competences section:\n{with}"));
    let section = &with[at..];
    assert!(
        section.contains("E.2: Project and Portfolio Management"),
        "{section}"
    );
    // Catalogue order: A before E.
    let a = section.find("A.").expect("an A code");
    let e = section.find("E.2").expect("E.2");
    assert!(a < e, "{section}");
}
