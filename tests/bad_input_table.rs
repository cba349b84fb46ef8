//! Bad input, table-driven: one row per mistake a user can make. Each row
//! breaks a fresh copy of the example workspace (a string replacement on one
//! file, a new file, or a small setup step), runs `dossier`, and checks
//!
//! - the exit status,
//! - that the message names the file at `file:LINE:` (LINE computed here from
//!   the broken text by a marker, never hard-coded) and, where given, `:COL`,
//! - key words: the field path, the bad value, "did you mean", the valid values,
//! - that nothing was written: no PDF and no `.typ` for the broken posting(s)
//!   under `output/`, and no file created or changed anywhere outside `output/`
//!   (the workspace sits in an outer temp directory, which is snapshotted too).
//!
//! Every row is its own test, named after it (`cargo test tab_indentation`
//! runs one; `-- --list` lists them); all run in parallel, each in its own
//! temp dir, and every failure is reported by name.
//! `DOSSIER_TABLE_SHOW=1 cargo test --test bad_input_table -- --nocapture`
//! prints every message.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use common::{BIN, copy_dir, repo, write};

const CANDIDATE: &str = "mari";
const P: &str = "profiles/mari.yaml";
/// Estonian, layout classic, status draft, a salary line.
const RV: &str = "profiles/mari/ringist-valja.yaml";
const KT: &str = "profiles/mari/sotsiaalkindlustusamet-kasutajatugi.yaml";
const KO: &str = "profiles/mari/sotsiaalkindlustusamet-komponendid.yaml";
const ALL_POSTINGS: &[&str] = &[
    "e-estonia-architect",
    "ringist-valja",
    "sotsiaalkindlustusamet-kasutajatugi",
    "sotsiaalkindlustusamet-komponendid",
];
/// A line marker meaning "the last line of the file".
const EOF: &str = "<end of file>";
/// No case may take longer than this (an alias bomb must be refused quickly).
const CASE_LIMIT: Duration = Duration::from_secs(5);

/// How a case breaks the workspace. Paths are workspace-relative.
enum Edit {
    /// Replace the only occurrence of `from` in `file` with `to`.
    Replace(&'static str, &'static str, &'static str),
    /// Create (or overwrite) `file` with this text.
    Write(&'static str, &'static str),
    /// Rewrite the bytes of `file`.
    Bytes(&'static str, fn(Vec<u8>) -> Vec<u8>),
    /// Anything else: `(outer temp dir, workspace)`.
    Run(fn(&Path, &Path)),
}

/// Where nothing may be written.
enum Nothing {
    /// No PDF/.typ in `output/mari/<id>/` for these postings.
    Postings(Vec<&'static str>),
    /// No PDF/.typ anywhere under `output/`.
    Anywhere,
}

struct Case {
    name: &'static str,
    edits: Vec<Edit>,
    /// Arguments after `-C <workspace>`; `{outer}` is the outer temp dir.
    args: Vec<&'static str>,
    code: i32,
    /// The file the message must name ("" when the message names no file).
    file: &'static str,
    /// Acceptable lines: (marker, offset) → the line holding `marker`, plus
    /// `offset`. The first is the right one; others are tolerated (weak
    /// messages, listed in the test report).
    at: Vec<(&'static str, i32)>,
    /// Column: where this substring starts in the line of `at[0]`.
    col: Option<&'static str>,
    /// Words that must be in stderr. `{L}` is the line of `at[0]`'s marker,
    /// `{M}` the line of `aux`.
    says: Vec<&'static str>,
    not_says: Vec<&'static str>,
    aux: Option<(&'static str, i32)>,
    nothing: Nothing,
    /// The .typ of the failed document is kept (a Typst error): only no PDF.
    typ_kept: bool,
}

fn posting_of(file: &str) -> &'static str {
    ALL_POSTINGS
        .iter()
        .find(|id| file == format!("profiles/{CANDIDATE}/{id}.yaml"))
        .copied()
        .unwrap_or_else(|| panic!("{file} is not a posting of the example"))
}

/// A broken tailoring file: `dossier build <posting>`, exit 1, nothing for that posting.
fn tailoring(name: &'static str, file: &'static str, from: &'static str, to: &'static str) -> Case {
    let id = posting_of(file);
    Case {
        name,
        edits: vec![Edit::Replace(file, from, to)],
        args: vec!["build", id],
        code: 1,
        file,
        at: Vec::new(),
        col: None,
        says: Vec::new(),
        not_says: Vec::new(),
        aux: None,
        nothing: Nothing::Postings(vec![id]),
        typ_kept: false,
    }
}

/// A broken profile: plain `dossier build`, exit 1, nothing for any posting.
fn profile(name: &'static str, from: &'static str, to: &'static str) -> Case {
    Case {
        name,
        edits: vec![Edit::Replace(P, from, to)],
        args: vec!["build"],
        code: 1,
        file: P,
        at: Vec::new(),
        col: None,
        says: Vec::new(),
        not_says: Vec::new(),
        aux: None,
        nothing: Nothing::Postings(ALL_POSTINGS.to_vec()),
        typ_kept: false,
    }
}

/// A new tailoring file `profiles/mari/<id>.yaml`: `dossier build <id>`, exit 1.
fn new_posting(
    name: &'static str,
    file: &'static str,
    id: &'static str,
    text: &'static str,
) -> Case {
    Case {
        args: vec!["build", id],
        nothing: Nothing::Postings(vec![id]),
        ..profile(name, "", "")
    }
    .instead(Edit::Write(file, text))
    .file(file)
}

/// A command-line or workspace-level mistake: exit 2, nothing anywhere.
fn usage(name: &'static str, args: &[&'static str]) -> Case {
    Case {
        name,
        edits: Vec::new(),
        args: args.to_vec(),
        code: 2,
        file: "",
        at: Vec::new(),
        col: None,
        says: Vec::new(),
        not_says: Vec::new(),
        aux: None,
        nothing: Nothing::Anywhere,
        typ_kept: false,
    }
}

impl Case {
    /// Break the workspace with `e` instead of the constructor's replacement.
    fn instead(mut self, e: Edit) -> Self {
        self.edits = vec![e];
        self
    }
    fn at(mut self, marker: &'static str) -> Self {
        self.at.push((marker, 0));
        self
    }
    fn at_off(mut self, marker: &'static str, offset: i32) -> Self {
        self.at.push((marker, offset));
        self
    }
    fn col(mut self, of: &'static str) -> Self {
        self.col = Some(of);
        self
    }
    fn says(mut self, words: &[&'static str]) -> Self {
        self.says.extend_from_slice(words);
        self
    }
    fn not_says(mut self, words: &[&'static str]) -> Self {
        self.not_says.extend_from_slice(words);
        self
    }
    fn aux(mut self, marker: &'static str, offset: i32) -> Self {
        self.aux = Some((marker, offset));
        self
    }
    fn edit(mut self, e: Edit) -> Self {
        self.edits.push(e);
        self
    }
    fn first(mut self, e: Edit) -> Self {
        self.edits.insert(0, e);
        self
    }
    fn args(mut self, args: &[&'static str]) -> Self {
        self.args = args.to_vec();
        self
    }
    fn file(mut self, file: &'static str) -> Self {
        self.file = file;
        self
    }
    fn nothing_for(mut self, ids: &[&'static str]) -> Self {
        self.nothing = Nothing::Postings(ids.to_vec());
        self
    }
    fn typ_kept(mut self) -> Self {
        self.typ_kept = true;
        self
    }
}

// --- setup steps -------------------------------------------------------------

/// `layouts/broken/`: a copy of `classic` for the layout cases to break.
fn broken_layout(_: &Path, ws: &Path) {
    copy_dir(&ws.join("layouts/classic"), &ws.join("layouts/broken"));
}

/// A PNG (by its magic bytes) outside the workspace: `<outer>/outside.png`.
fn outside_png(outer: &Path, _: &Path) {
    std::fs::write(outer.join("outside.png"), b"\x89PNG\r\n\x1a\n").expect("write png");
}

/// `profiles/me.png`, a symlink to the PNG outside the workspace.
fn symlinked_photo(outer: &Path, ws: &Path) {
    outside_png(outer, ws);
    std::os::unix::fs::symlink("../../outside.png", ws.join("profiles/me.png")).expect("symlink");
}

/// The start of a JPEG: SOI, APP0 (JFIF), a quantization table, the frame
/// header (SOF0, 40×50, grey), the start of the scan and a few bytes of it.
fn jpeg_start() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    j.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    j.extend([0xFF, 0xDB, 0, 67, 0]);
    j.extend([1u8; 64]);
    j.extend([0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 40, 1, 1, 0x11, 0]);
    j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]);
    j.extend([0x12, 0x34, 0x56, 0x78]);
    j
}

/// `profiles/mari.jpg`: a JPEG cut inside its quantization table, before
/// its size (typst: "failed to decode image", pointing into the .typ).
fn jpeg_cut_in_headers(_: &Path, ws: &Path) {
    std::fs::write(ws.join("profiles/mari.jpg"), &jpeg_start()[..40]).expect("write jpeg");
}

/// `profiles/mari.jpg`: a JPEG cut inside its image data, without its
/// end-of-image marker (typst embeds it, and the PDF shows a broken photo).
fn jpeg_cut_in_data(_: &Path, ws: &Path) {
    std::fs::write(ws.join("profiles/mari.jpg"), jpeg_start()).expect("write jpeg");
}

/// `profiles/mari.png`: a PNG of its signature and IHDR chunk, no more.
fn png_cut_after_ihdr(_: &Path, ws: &Path) {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend([0, 0, 0, 40, 0, 0, 0, 50, 8, 2, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(ws.join("profiles/mari.png"), png).expect("write png");
}

fn script(path: &Path, text: &str, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// `<outer>/typst-old`: a fake typst that reports 0.14.2.
fn old_typst(outer: &Path, _: &Path) {
    script(
        &outer.join("typst-old"),
        "#!/bin/sh\necho \"typst 0.14.2\"\n",
        0o755,
    );
}

/// `<outer>/typst-noexec`: a typst "binary" without the execute bit.
fn noexec_typst(outer: &Path, _: &Path) {
    script(
        &outer.join("typst-noexec"),
        "#!/bin/sh\necho \"typst 0.15.1\"\n",
        0o644,
    );
}

fn empty_profiles(_: &Path, ws: &Path) {
    std::fs::remove_dir_all(ws.join("profiles")).expect("rm profiles");
    std::fs::create_dir(ws.join("profiles")).expect("mkdir profiles");
}

/// `profiles/toomas/ria.yaml` without `profiles/toomas.yaml`.
fn orphan_tailoring_folder(_: &Path, ws: &Path) {
    let text = std::fs::read_to_string(ws.join(RV)).expect("read");
    write(&ws.join("profiles/toomas/ria.yaml"), &text);
}

fn prepend(ws: &Path, file: &str, head: &str) {
    let path = ws.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("{head}{text}")).expect("write");
}

fn insert_before(ws: &Path, file: &str, needle: &str, text: &str) {
    let path = ws.join(file);
    let old = std::fs::read_to_string(&path).expect("read");
    assert_eq!(old.matches(needle).count(), 1, "{needle:?} once in {file}");
    std::fs::write(&path, old.replacen(needle, &format!("{text}{needle}"), 1)).expect("write");
}

/// The classic "billion laughs": ten levels of ten aliases each.
fn alias_bomb(_: &Path, ws: &Path) {
    let mut bomb = String::from("lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("lol{i}: &a{i} [{refs}]\n"));
    }
    prepend(ws, RV, &bomb);
}

/// 1 500 aliases of one anchor in one list (over the alias budget).
fn many_aliases(_: &Path, ws: &Path) {
    let refs = vec!["*a"; 1500].join(", ");
    insert_before(
        ws,
        RV,
        "  emphasize: [",
        &format!("  tags: [&a x, {refs}]\n"),
    );
}

/// 200 nested flow lists.
fn deep_nesting(_: &Path, ws: &Path) {
    let deep = format!("  tags: {}{}\n", "[".repeat(200), "]".repeat(200));
    insert_before(ws, RV, "  emphasize: [", &deep);
}

fn with_nul(b: Vec<u8>) -> Vec<u8> {
    replace_bytes(b, b"position: Tiimijuht", b"position: Tiimi\0juht")
}

fn with_invalid_utf8(b: Vec<u8>) -> Vec<u8> {
    replace_bytes(
        b,
        b"\nname: Mari Maasikas\n",
        b"\nname: Mari Maa\xffsikas\n",
    )
}

/// One byte over the 4 MiB limit, as a trailing comment.
fn over_4_mib(mut b: Vec<u8>) -> Vec<u8> {
    let pad = 4 * 1024 * 1024 + 1 - b.len().min(4 * 1024 * 1024);
    b.extend_from_slice(b"# ");
    b.extend(std::iter::repeat_n(b'x', pad));
    b.push(b'\n');
    b
}

fn replace_bytes(b: Vec<u8>, from: &[u8], to: &[u8]) -> Vec<u8> {
    let hits: Vec<usize> = b
        .windows(from.len())
        .enumerate()
        .filter(|(_, w)| *w == from)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(hits.len(), 1, "{:?} once", String::from_utf8_lossy(from));
    let i = hits[0];
    [&b[..i], to, &b[i + from.len()..]].concat()
}

// --- the table ---------------------------------------------------------------

fn cases() -> Vec<Case> {
    let subject = "  subject: Kandideerimine Ringist välja tiimijuhi ametikohale";
    vec![
        // YAML syntax
        profile(
            "unclosed [ in the profile",
            "    tags: [xroad, monitoring, opensource, interoperability]",
            "    tags: [xroad, monitoring, opensource, interoperability",
        )
        .at("tags: [xroad, monitoring, opensource, interoperability")
        .at_off("tags: [xroad, monitoring, opensource, interoperability", 1)
        .says(&[
            "projects[0].tags",
            "this `[` is never closed",
        ]),
        profile(
            "unclosed { in the profile",
            "en: Team leadership and mentoring}",
            "en: Team leadership and mentoring",
        )
        .at("en: Team leadership and mentoring")
        .at_off("en: Team leadership and mentoring", 1)
        .says(&["skills[2]", "this `{` is never closed"]),
        tailoring(
            "unclosed single quote",
            RV,
            subject,
            "  subject: 'Kandideerimine Ringist välja tiimijuhi ametikohale",
        )
        .at("subject: 'Kandideerimine")
        .col("'")
        .says(&["letter", "unclosed quote"]),
        profile(
            "unclosed double quote in the profile",
            "    issuer: Scrum.org",
            "    issuer: \"Scrum.org",
        )
        .at("issuer: \"Scrum.org")
        .col("\"")
        .says(&["certifications[0]", "unclosed quote"]),
        tailoring(
            "tab indentation",
            RV,
            "  unit: Ohvriabi",
            "\tunit: Ohvriabi",
        )
        .at("\tunit: Ohvriabi")
        .at_off("\tunit: Ohvriabi", -1)
        .says(&["posting", "tab"]),
        tailoring(
            "bad indentation (3 spaces)",
            RV,
            "  short_name: SKA",
            "   short_name: SKA",
        )
        .at("   short_name: SKA")
        .says(&["posting"]),
        profile(
            "duplicate key in the profile",
            "  email: mari.maasikas@example.ee\n",
            "  email: mari.maasikas@example.ee\n  email: mari@example.ee\n",
        )
        .at("email: mari@example.ee")
        .col("email")
        .says(&["contact", "duplicate key `email`"]),
        tailoring(
            "duplicate key in the tailoring file",
            RV,
            "    email: tiina.tamm@example.ee\n",
            "    email: tiina.tamm@example.ee\n    email: tiina@example.ee\n",
        )
        .at("email: tiina@example.ee")
        .col("email")
        .says(&["posting.contact", "duplicate key `email`"]),
        tailoring(
            "colon in an unquoted flow list item",
            RV,
            "  address:\n    - Endla 8\n    - 15092 Tallinn\n",
            "  address: [Endla 8, 15092 Tallinn: Eesti]\n",
        )
        .at("address: [Endla 8, 15092 Tallinn: Eesti]")
        .col("15092")
        .says(&["posting.address[1]", "`15092 Tallinn`", "in quotes"]),
        tailoring(
            "colon in an unquoted flow list of phrases",
            RV,
            "emphasize: [noorsootöötajatega,",
            "emphasize: [Märkus: noorsootöötajatega,",
        )
        .at("[Märkus: noorsootöötajatega")
        .col("Märkus")
        .says(&["cv.emphasize[0]"]),
        tailoring(
            "colon in an unquoted flow map value",
            RV,
            subject,
            "  subject: {et: Kandideerimine: tiimijuht}",
        )
        .at("{et: Kandideerimine: tiimijuht}")
        .says(&["letter.subject"]),
        // Unknown keys
        tailoring(
            "unknown top-level key in a tailoring file",
            RV,
            "layout: classic",
            "layuot: classic",
        )
        .at("layuot: classic")
        .col("layuot")
        .says(&[
            "unknown key `layuot`",
            "did you mean `layout`",
            "valid keys: language, layout, style, pdf_standard, status, submitted, posting, cv, letter, requirements, competences, standard, strategy",
        ]),
        profile(
            "unknown top-level key in the profile",
            "\nheadline:\n",
            "\nheadlin:\n",
        )
        .at("headlin:")
        .col("headlin")
        .says(&[
            "unknown key `headlin`",
            "did you mean `headline`",
            "fallback_language",
        ]),
        tailoring(
            "unknown key in posting",
            RV,
            "  position: Tiimijuht",
            "  positon: Tiimijuht",
        )
        .at("positon: Tiimijuht")
        .col("positon")
        .says(&["posting.positon", "did you mean `position`"]),
        tailoring("unknown key in cv", RV, "  emphasize: [", "  emphasise: [")
            .at("emphasise: [")
            .col("emphasise")
            .says(&["cv.emphasise", "did you mean `emphasize`"]),
        tailoring(
            "unknown key in cv without a close match",
            RV,
            "  emphasize: [",
            "  colour: blue\n  emphasize: [",
        )
        .at("colour: blue")
        .col("colour")
        .says(&[
            "cv.colour",
            "unknown key `colour`",
            "valid keys:",
            "max_pages",
        ])
        .not_says(&["did you mean"]),
        tailoring(
            "unknown key in letter",
            RV,
            "  subject: Kandideerimine",
            "  subjekt: Kandideerimine",
        )
        .at("subjekt:")
        .col("subjekt")
        .says(&["letter.subjekt", "did you mean `subject`"]),
        tailoring(
            "unknown key in posting.contact",
            RV,
            "    role: Talitusejuhataja",
            "    rolle: Talitusejuhataja",
        )
        .at("rolle: Talitusejuhataja")
        .col("rolle")
        .says(&["posting.contact.rolle", "did you mean `role`"]),
        profile("unknown key in contact", "  phone: +372", "  phon: +372")
            .at("phon: +372")
            .col("phon")
            .says(&[
                "contact.phon",
                "did you mean `phone`",
                "valid keys: email, phone",
            ]),
        profile(
            "unknown key in an experience item",
            "    location: Tartu",
            "    locaton: Tartu",
        )
        .at("locaton: Tartu")
        .col("locaton")
        .says(&["experience[", "locaton", "did you mean `location`"]),
        profile(
            "unknown key in a highlight",
            "      - id: tara\n        text:",
            "      - id: tara\n        txt:",
        )
        .at("txt:")
        .col("txt")
        .says(&[
            "experience[tehik].highlights[tara].txt",
            "did you mean `text`",
            "valid keys: id, text",
        ]),
        // Wrong types
        profile(
            "list where a text is expected",
            "\nname: Mari Maasikas\n",
            "\nname: [Mari, Maasikas]\n",
        )
        .at("name: [Mari, Maasikas]")
        .says(&["name", "sequence", "expected a text"]),
        tailoring(
            "map where a list is expected",
            RV,
            "  skills: [teamlead, projectmgmt, analysis, msoffice, jira, usersupport]",
            "  skills: {teamlead: yes}",
        )
        .at("skills: {teamlead: yes}")
        .col("{")
        .says(&["cv.skills"]),
        tailoring(
            "string where a list is expected (cv.experience)",
            RV,
            "  experience: [tehik, mkm, pank]",
            "  experience: tehik",
        )
        .at("experience: tehik")
        .col("tehik")
        .says(&["cv.experience"]),
        tailoring("number for language", RV, "language: et", "language: 5")
            .at("language: 5")
            .col("5")
            .says(&["language", "`5`", "et, en"]),
        tailoring(
            "bool for a number",
            KO,
            "  max_pages: 2",
            "  max_pages: true",
        )
        .at("max_pages: true")
        .col("true")
        .says(&["cv.max_pages"]),
        tailoring(
            "float salary asks for quotes",
            RV,
            "  salary: 3200 € kuus (bruto)",
            "  salary: 3200.50",
        )
        .at("salary: 3200.50")
        .col("3200.50")
        .says(&["letter.salary", "3200.5", "quotes"]),
        tailoring("list for status", RV, "status: draft", "status: [draft]")
            .at("status: [draft]")
            .col("[")
            .says(&["status"]),
        tailoring(
            "list for a URL",
            RV,
            "  url: https://tood.example.ee/sotsiaalkindlustusamet/ringist-valja-tiimijuht",
            "  url: [https://tood.example.ee]",
        )
        .at("url: [https://tood.example.ee]")
        .col("[")
        .says(&["posting.url"]),
        tailoring(
            "bool where a map is expected",
            RV,
            "  contact:\n    name: Tiina Tamm\n    role: Talitusejuhataja\n    email: tiina.tamm@example.ee\n",
            "  contact: true\n",
        )
        .at("contact: true")
        .col("true")
        .says(&["posting.contact"]),
        // Invalid dates
        profile("month 13", "    start: 2022-03", "    start: 2014-13")
            .at("start: 2014-13")
            .col("2014-13")
            .says(&["experience[tehik].start", "\"2014-13\"", "month 13"]),
        profile("two-digit year", "    start: 2015-05", "    start: 21-03")
            .at("start: 21-03")
            .col("21-03")
            .says(&[
                "experience[pank].start",
                "\"21-03\"",
                "YYYY, YYYY-MM or YYYY-MM-DD",
            ]),
        profile("30 February", "    date: 2017-11", "    date: 2014-02-30")
            .at("date: 2014-02-30")
            .col("2014-02-30")
            .says(&["certifications[itil].date", "\"2014-02-30\"", "28 days"]),
        tailoring(
            "29 February in a common year",
            RV,
            "  date: 2026-11-23",
            "  date: 2023-02-29",
        )
        .at("date: 2023-02-29")
        .col("2023-02-29")
        .says(&["letter.date", "\"2023-02-29\"", "28 days"]),
        tailoring(
            "slashes in a deadline",
            KT,
            "  deadline: 2026-11-16",
            "  deadline: 2021/03",
        )
        .at("deadline: 2021/03")
        .col("2021/03")
        .says(&[
            "posting.deadline",
            "\"2021/03\"",
            "YYYY, YYYY-MM or YYYY-MM-DD",
        ]),
        // End before start
        profile(
            "experience ends before it starts",
            "    end: 2018-08",
            "    end: 2014-08",
        )
        .at("end: 2014-08")
        .col("2014-08")
        .says(&[
            "experience[pank].end",
            "end 2014-08 is before start 2015-05",
        ]),
        profile(
            "education ends before it starts",
            "    end: 2016-06",
            "    end: 2013-06",
        )
        .at("end: 2013-06")
        .col("2013-06")
        .says(&[
            "education[taltech].end",
            "end 2013-06 is before start 2014-09",
        ]),
        profile(
            "project ends before it starts",
            "    end: 2023-05",
            "    end: 2022-05",
        )
        .at("end: 2022-05")
        .col("2022-05")
        .says(&[
            "projects[hackathon].end",
            "end 2022-05 is before start 2023-03",
        ]),
        // Unknown ids in the tailoring file
        tailoring(
            "unknown experience id (with a diacritic)",
            KT,
            "  experience: [tehik, mkm, sonajalg, emajoe]",
            "  experience: [tehik, mkm, sonajalg, emajõe]",
        )
        .at("sonajalg, emajõe]")
        .col("emajõe")
        .says(&[
            "cv.experience[3]",
            "unknown experience id \"emajõe\"",
            "known: tehik, mkm, pank, sonajalg, emajoe",
        ]),
        tailoring(
            "unknown experience id as a cv.highlights key",
            KO,
            "    pank: [psd2, itil]",
            "    bank: [psd2, itil]",
        )
        .at("bank: [psd2, itil]")
        .says(&["cv.highlights", "\"bank\"", "known: tehik, mkm, pank"]),
        tailoring(
            "unknown highlight id in cv.highlights",
            KO,
            "    sonajalg: [support]",
            "    sonajalg: [suport]",
        )
        .at("sonajalg: [suport]")
        .col("suport")
        .says(&[
            "cv.highlights.sonajalg[0]",
            "\"suport\"",
            "known: mvp, support",
        ]),
        tailoring(
            "unknown skill id",
            RV,
            "  skills: [teamlead,",
            "  skills: [teamleed,",
        )
        .at("skills: [teamleed,")
        .col("teamleed")
        .says(&[
            "cv.skills[0]",
            "unknown skill id \"teamleed\"",
            "known: productowner",
            "teamlead",
        ]),
        tailoring(
            "unknown project id",
            RV,
            "  projects: [hackathon, stylebook]",
            "  projects: [hackathon, stylebok]",
        )
        .at("projects: [hackathon, stylebok]")
        .col("stylebok")
        .says(&[
            "cv.projects[1]",
            "\"stylebok\"",
            "known: valvur, stylebook, hackathon",
        ]),
        tailoring(
            "unknown certification id",
            RV,
            "  certifications: [prince2, pspo]",
            "  certifications: [prince3, pspo]",
        )
        .at("certifications: [prince3, pspo]")
        .col("prince3")
        .says(&[
            "cv.certifications[0]",
            "\"prince3\"",
            "known: pspo, aws, itil, prince2",
        ]),
        tailoring(
            "unknown section",
            RV,
            "  sections: [summary, experience,",
            "  sections: [summary, experiences,",
        )
        .at("sections: [summary, experiences,")
        .col("experiences")
        .says(&[
            "cv.sections[1]",
            "\"experiences\"",
            "known: summary, experience",
            "training",
        ]),
        tailoring(
            "unknown skill in evidence",
            RV,
            "    evidence: [skills.msoffice, skills.jira]",
            "    evidence: [skills.msofice, skills.jira]",
        )
        .at("skills.msofice")
        .col("skills.msofice")
        .says(&[
            "requirements[7].evidence[0]",
            "\"msofice\"",
            "known:",
            "msoffice",
        ]),
        tailoring(
            "unknown education in evidence",
            RV,
            "    evidence: [education.taltech, education.ut]",
            "    evidence: [education.taltek, education.ut]",
        )
        .at("education.taltek")
        .col("education.taltek")
        .says(&[
            "requirements[2].evidence[0]",
            "\"taltek\"",
            "known: taltech, ut",
        ]),
        tailoring(
            "unknown highlight in evidence",
            RV,
            "experience.mkm.highlights.xroad]",
            "experience.mkm.highlights.xroads]",
        )
        .at("highlights.xroads")
        .col("experience.mkm.highlights.xroads")
        .says(&[
            "requirements[1].evidence[1]",
            "\"xroads\"",
            "known: xroad, procurement, strategy",
        ]),
        tailoring(
            "unknown certification in evidence",
            RV,
            "projects.hackathon, certifications.prince2]",
            "projects.hackathon, certifications.prince]",
        )
        .at("certifications.prince]")
        .col("certifications.prince]")
        .says(&[
            "requirements[4].evidence[2]",
            "\"prince\"",
            "known: pspo, aws, itil, prince2",
        ]),
        tailoring(
            "evidence without an id",
            RV,
            "    evidence: [experience.tehik, experience.mkm]",
            "    evidence: [experience, experience.mkm]",
        )
        .at("evidence: [experience, experience.mkm]")
        .col("experience,")
        .says(&[
            "requirements[3].evidence[0]",
            "\"experience\"",
            "`<list>.<id>`",
        ]),
        tailoring(
            "evidence with a bad tail",
            RV,
            "    evidence: [experience.tehik, experience.mkm]",
            "    evidence: [experience.tehik.foo.bar, experience.mkm]",
        )
        .at("experience.tehik.foo.bar")
        .col("experience.tehik.foo.bar")
        .says(&[
            "requirements[3].evidence[0]",
            "\"experience.tehik.foo.bar\"",
            "`.highlights.<id>`",
        ]),
        tailoring(
            "evidence from an unknown list",
            RV,
            "    evidence: [experience.tehik, experience.mkm]",
            "    evidence: [jobs.tehik, experience.mkm]",
        )
        .at("jobs.tehik")
        .col("jobs.tehik")
        .says(&[
            "requirements[3].evidence[0]",
            "unknown list `jobs`",
            "known: experience, education",
        ]),
        tailoring(
            "experience id listed twice",
            RV,
            "  experience: [tehik, mkm, pank]",
            "  experience: [tehik, mkm, tehik]",
        )
        .at("experience: [tehik, mkm, tehik]")
        .col("tehik]")
        .says(&["cv.experience[2]", "\"tehik\"", "twice"]),
        tailoring(
            "highlight id listed twice",
            KO,
            "    tehik: [tara, logging, backlog, training]",
            "    tehik: [tara, logging, backlog, tara]",
        )
        .at("tehik: [tara, logging, backlog, tara]")
        .col("tara]")
        .says(&["cv.highlights.tehik[3]", "\"tara\"", "twice"]),
        // Duplicate ids in the profile
        profile(
            "duplicate experience id",
            "  - id: sonajalg",
            "  - id: pank",
        )
        .at_off("organization: Sõnajalg OÜ", -1)
        .col("pank")
        .aux("organization: Läänemere Pank AS", -1)
        .says(&[
            "duplicate id \"pank\"",
            "in `experience`",
            "first at line {M}",
        ]),
        profile(
            "duplicate skill id",
            "  - id: teamlead",
            "  - id: projectmgmt",
        )
        .at_off("name: {et: Meeskonna juhtimine", -1)
        .col("projectmgmt")
        .aux("name: {et: Projektijuhtimine", -1)
        .says(&[
            "duplicate id \"projectmgmt\"",
            "in `skills`",
            "first at line {M}",
        ]),
        profile(
            "duplicate highlight id within one job",
            "      - id: logging",
            "      - id: tara",
        )
        .at_off("Koondasin komponentide logid", -3)
        .col("tara")
        .aux("Viisin SKAIS2 iseteeninduse", -3)
        .says(&[
            "duplicate id \"tara\"",
            "experience[tehik].highlights",
            "first at line {M}",
        ]),
        // Text maps and translations
        tailoring(
            "missing translation in the tailoring file",
            RV,
            "  headline: Projektijuht ja meeskonnajuht, kes oskab osapooli kaasata",
            "  headline: {en: Project and team manager}",
        )
        .at("headline: {en: Project and team manager}")
        .col("{en")
        .says(&[
            "cv.headline",
            "missing `et` translation",
            "has: en",
            "fallback_language",
        ]),
        profile(
            "missing translation in the profile",
            "name: {et: Ärianalüüs ja nõuete kogumine, en: ",
            "name: {en: ",
        )
        .at("name: {en: Business analysis and requirements}")
        .col("{en")
        .says(&[
            "skills[analysis].name",
            "missing `et` translation",
            "fallback_language",
        ])
        // The English posting and the one that does not select `analysis` still build.
        .nothing_for(&["ringist-valja", "sotsiaalkindlustusamet-komponendid"]),
        tailoring(
            "unknown language in a text map",
            RV,
            subject,
            "  subject: {de: Bewerbung als Teamleiterin}",
        )
        .at("subject: {de: Bewerbung")
        .col("{de")
        .says(&["letter.subject", "unknown language `de`", "et, en"]),
        tailoring(
            "empty text map",
            RV,
            "  unit: Ohvriabi ja ennetusteenuste osakond, ennetustalitus (Ringist välja tiim)",
            "  unit: {}",
        )
        .at("unit: {}")
        .col("{}")
        .says(&["posting.unit", "empty text map"]),
        // Unknown values
        tailoring("unknown language", KT, "language: et", "language: english")
            .at("language: english")
            .col("english")
            .says(&["language", "`english`", "et, en"]),
        tailoring("unknown layout", RV, "layout: classic", "layout: clasic")
            .at("layout: clasic")
            .col("clasic")
            .says(&["layout", "\"clasic\"", "available: classic"]),
        tailoring("unknown status", KO, "status: ready", "status: Ready")
            .at("status: Ready")
            .col("Ready")
            .says(&[
                "status",
                "`Ready`",
                "did you mean `ready`?",
                "draft, ready, submitted, interview, offer, rejected, withdrawn",
            ]),
        tailoring(
            "unknown density",
            RV,
            "layout: classic\n",
            "layout: classic\nstyle: {density: compat}\n",
        )
        .at("style: {density: compat}")
        .col("compat")
        .says(&[
            "style.density",
            "`compat`",
            "did you mean `compact`?",
            "normal, compact",
        ]),
        tailoring(
            "unknown paper",
            RV,
            "status: draft\n",
            "status: draft\nstyle:\n  paper: us-leter\n",
        )
        .at("paper: us-leter")
        .col("us-leter")
        .says(&[
            "style.paper",
            "`us-leter`",
            "did you mean `us-letter`?",
            "a4, us-letter",
        ]),
        tailoring(
            "font name in other letters",
            KO,
            "status: ready\n",
            "status: ready\nstyle:\n  font: open sans\n",
        )
        .at("font: open sans")
        .col("open sans")
        .says(&[
            "style.font",
            "`open sans`",
            "did you mean `Open Sans`?",
            "Inter, Open Sans, Libertinus Serif, New Computer Modern",
        ]),
        // Missing required keys
        tailoring(
            "missing posting.position",
            RV,
            "  position: Tiimijuht\n",
            "",
        )
        .at("posting:")
        .at("  contact:")
        .says(&["posting", "missing required key `position`"]),
        tailoring("missing language", RV, "language: et\n", "")
            .at_off("# yaml-language-server:", 0)
            .at("requirements:")
            .says(&["missing required key `language`"]),
        profile("missing experience id", "  - id: pank\n", "  -\n")
            .at_off("organization: Läänemere Pank AS", -1)
            .at("    competences: [E.2, E.3, E.5, D.9]")
            .says(&["experience[2]", "missing required key `id`"]),
        profile(
            "missing experience role",
            "    role:\n      et: IT-projektijuht\n      en: IT Project Manager\n",
            "",
        )
        .at_off("organization: Läänemere Pank AS", -1)
        .at("    competences: [E.2, E.3, E.5, D.9]")
        .says(&["experience[pank]", "missing required key `role`"]),
        // Templates: the letter body
        tailoring(
            "undefined variable in the letter body",
            KT,
            "ametikohale „{{ posting.position }}“",
            "ametikohale „{{ posting.positon }}“",
        )
        .args(&[
            "build",
            "sotsiaalkindlustusamet-kasutajatugi",
            "--only",
            "letter",
        ])
        .at("{{ posting.positon }}")
        .col("posting.positon")
        .says(&[
            "letter.body",
            "`posting.positon` is undefined",
            "did you mean `posting.position`",
        ]),
        tailoring(
            "unclosed {% if %} in the letter body",
            RV,
            "    {{ posting.organization }} teeb",
            "    {% if posting.unit %}{{ posting.organization }} teeb",
        )
        .args(&["build", "ringist-valja", "--only", "letter"])
        .at("{% if posting.unit %}")
        .says(&["letter.body", "`{% if %}` on this line is never closed"]),
        tailoring(
            "unknown filter in the letter body",
            KO,
            "Mind motiveerib, et {{ posting.organization }}",
            "Mind motiveerib, et {{ posting.organization|shout }}",
        )
        .args(&[
            "build",
            "sotsiaalkindlustusamet-komponendid",
            "--only",
            "letter",
        ])
        .at("|shout")
        .col("shout")
        .says(&["letter.body", "unknown filter", "shout"]),
        // Templates: a layout
        tailoring(
            "undefined variable in a layout",
            RV,
            "layout: classic",
            "layout: broken",
        )
        .first(Edit::Run(broken_layout))
        .edit(Edit::Replace(
            "layouts/broken/cv.typ.j2",
            "\n#header(\n",
            "\n{{ nope }}\n#header(\n",
        ))
        .args(&["build", "ringist-valja", "--only", "cv"])
        .file("layouts/broken/cv.typ.j2")
        .at("{{ nope }}")
        .col("{{ nope }}")
        .says(&["failed mari/ringist-valja cv", "`nope` is undefined"]),
        tailoring(
            "syntax error in a layout",
            RV,
            "layout: classic",
            "layout: broken",
        )
        .first(Edit::Run(broken_layout))
        .edit(Edit::Replace(
            "layouts/broken/letter.typ.j2",
            "#show: base.with(size: 10.5pt)\n",
            "{% if candidate.name %}\n#show: base.with(size: 10.5pt)\n",
        ))
        .args(&["build", "ringist-valja", "--only", "letter"])
        .file("layouts/broken/letter.typ.j2")
        .at("{% if candidate.name %}")
        .says(&["failed mari/ringist-valja letter", "`{% if %}` on this line is never closed"]),
        tailoring(
            "Typst error in a layout",
            RV,
            "layout: classic",
            "layout: broken",
        )
        .first(Edit::Run(broken_layout))
        .edit(Edit::Replace(
            "layouts/broken/lib.typ",
            "// The functions the templates call, made for one style.",
            "#let muted = rgb(\"#555b63\"",
        ))
        .args(&["build", "ringist-valja", "--only", "cv"])
        .file("layouts/broken/lib.typ")
        .at("#let muted")
        .says(&[
            "failed mari/ringist-valja cv",
            "output/mari/ringist-valja/Mari_Maasikas_CV_SKA.typ",
            "typst failed",
            "error: unclosed delimiter",
        ])
        .typ_kept(),
        // Languages
        profile(
            "native as the level of one skill",
            "    levels: {listening: C2, reading: C2, writing: B2}",
            "    levels: {listening: native, reading: C2, writing: B2}",
        )
        .at("levels: {listening: native")
        .col("native")
        .says(&[
            "languages[en].levels.listening",
            "`native` is not a level of one skill",
            "A1…C2",
            "`level: native`",
        ]),
        profile(
            "levels of a mother tongue",
            "    level: native\n",
            "    level: native\n    levels: {writing: C2}\n",
        )
        .at("levels: {writing: C2}")
        .col("{writing")
        .says(&[
            "languages[et].levels",
            "a mother tongue (`level: native`) has no per-skill `levels`",
            "remove `levels`",
        ]),
        // Photos
        profile(
            "photo outside the workspace",
            "\nheadline:\n",
            "\nphoto: ../../outside.png\nheadline:\n",
        )
        .first(Edit::Run(outside_png))
        .at("photo: ../../outside.png")
        .col("../../outside.png")
        .says(&["photo", "\"../../outside.png\"", "outside the workspace"]),
        profile(
            "photo missing",
            "\nheadline:\n",
            "\nphoto: mari.jpg\nheadline:\n",
        )
        .at("photo: mari.jpg")
        .col("mari.jpg")
        .says(&["photo", "\"mari.jpg\"", "cannot be read"]),
        profile(
            "photo is a symlink to outside the workspace",
            "\nheadline:\n",
            "\nphoto: me.png\nheadline:\n",
        )
        .first(Edit::Run(symlinked_photo))
        .at("photo: me.png")
        .col("me.png")
        .says(&["photo", "\"me.png\"", "outside the workspace"]),
        profile(
            "photo is not an image",
            "\nheadline:\n",
            "\nphoto: mari.yaml\nheadline:\n",
        )
        .at("photo: mari.yaml")
        .col("mari.yaml")
        .says(&["photo", "\"mari.yaml\"", "PNG, JPEG"]),
        profile(
            "photo is a JPEG cut short in its headers",
            "\nheadline:\n",
            "\nphoto: mari.jpg\nheadline:\n",
        )
        .first(Edit::Run(jpeg_cut_in_headers))
        .at("photo: mari.jpg")
        .col("mari.jpg")
        .says(&[
            "photo",
            "\"mari.jpg\" is not a whole JPEG",
            "ends inside its headers",
        ])
        .not_says(&[".typ", "typst"]),
        profile(
            "photo is a JPEG without its end",
            "\nheadline:\n",
            "\nphoto: mari.jpg\nheadline:\n",
        )
        .first(Edit::Run(jpeg_cut_in_data))
        .at("photo: mari.jpg")
        .col("mari.jpg")
        .says(&[
            "photo",
            "\"mari.jpg\" is not a whole JPEG",
            "end-of-image marker",
            "cut short",
        ]),
        profile(
            "photo is a PNG without its end",
            "\nheadline:\n",
            "\nphoto: mari.png\nheadline:\n",
        )
        .first(Edit::Run(png_cut_after_ihdr))
        .at("photo: mari.png")
        .col("mari.png")
        .says(&["photo", "\"mari.png\" is not a whole PNG", "no IEND"]),
        // Bytes and limits
        tailoring("NUL byte", RV, "", "")
            .instead(Edit::Bytes(RV, with_nul))
            .at("position: Tiimi")
            .says(&["NUL"]),
        profile("invalid UTF-8", "", "")
            .instead(Edit::Bytes(P, with_invalid_utf8))
            .at("name: Mari Maa")
            .says(&["not valid UTF-8"]),
        tailoring("file over 4 MiB", RV, "", "")
            .instead(Edit::Bytes(RV, over_4_mib))
            .says(&[
                "profiles/mari/ringist-valja.yaml: file is",
                "limit",
                "4194304",
            ]),
        tailoring("alias bomb", RV, "", "")
            .instead(Edit::Run(alias_bomb))
            .at("lol0:")
            .says(&["lol0"]),
        tailoring("1 500 aliases", RV, "", "")
            .instead(Edit::Run(many_aliases))
            .at("tags: [&a x")
            .says(&["cv.tags", "alias"]),
        tailoring("200 levels of nesting", RV, "", "")
            .instead(Edit::Run(deep_nesting))
            .at("tags: [[[")
            .says(&["cv.tags"]),
        // New files
        new_posting("empty tailoring file", "profiles/mari/uus.yaml", "uus", "")
            .says(&["profiles/mari/uus.yaml:1:", "file is empty"]),
        new_posting(
            "tailoring file without posting",
            "profiles/mari/uus.yaml",
            "uus",
            "# a new posting, not filled in yet\nlanguage: et\nstatus: draft\n",
        )
        .at("# a new posting")
        .at("status: draft")
        .says(&["missing required key `posting`"]),
        usage("space in a posting file name", &["build"])
            .edit(Edit::Write(
                "profiles/mari/uus koht.yaml",
                "language: et\nposting: {organization: Org, position: Arendaja}\n",
            ))
            .says(&["profiles/mari/uus koht.yaml", "letters, digits"]),
        // Command line and workspace
        usage(
            "typst too old",
            &["--typst", "{outer}/typst-old", "build", "ringist-valja"],
        )
        .edit(Edit::Run(old_typst))
        .says(&[
            "typst-old",
            "0.14.2",
            "0.15",
            "cargo install --locked typst-cli",
        ]),
        usage(
            "--typst is not executable",
            &["--typst", "{outer}/typst-noexec", "build", "ringist-valja"],
        )
        .edit(Edit::Run(noexec_typst))
        .says(&["typst-noexec", "is not executable", "chmod +x"]),
        usage(
            "unknown posting on the command line",
            &["build", "ringist-valjaa"],
        )
        .says(&[
            "unknown posting \"ringist-valjaa\"",
            "known: mari/e-estonia-architect, mari/ringist-valja, ",
            "mari/sotsiaalkindlustusamet-kasutajatugi, mari/sotsiaalkindlustusamet-komponendid",
        ]),
        usage("tailoring folder without a profile", &["build"])
            .edit(Edit::Run(orphan_tailoring_folder))
            .says(&["profiles/toomas", "profiles/toomas.yaml"]),
        usage("empty workspace", &["build"])
            .edit(Edit::Run(empty_profiles))
            .says(&["no profiles", "profiles/<candidate>.yaml"]),
    ]
}

// --- running a case -----------------------------------------------------------

/// 1-based line of the only line containing `marker` (`EOF`: the last line).
fn line_of(text: &str, marker: &str) -> Result<usize, String> {
    if marker == EOF {
        return Ok(text.lines().count());
    }
    let hits: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(marker))
        .map(|(i, _)| i + 1)
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        _ => Err(format!(
            "test bug: marker {marker:?} must be on exactly one line, found on {hits:?}"
        )),
    }
}

fn line_at(text: &str, (marker, offset): (&str, i32)) -> Result<usize, String> {
    let line = line_of(text, marker)? as i64 + i64::from(offset);
    usize::try_from(line).map_err(|_| format!("test bug: line {line} for {marker:?}"))
}

/// Every path under `dir` (except `skip`) with its size and mtime.
/// Every file below `dir` but `skip` (the workspace's `output/`) and the
/// workspace's `sent/` beside it, where a build records the example's
/// submitted posting.
fn snapshot(dir: &Path, skip: &Path, out: &mut BTreeMap<PathBuf, (u64, Option<SystemTime>)>) {
    let sent = skip.with_file_name("sent");
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p == skip || p == sent {
            continue;
        }
        let meta = std::fs::symlink_metadata(&p).expect("metadata");
        // A directory's size and mtime change when `output/` appears in it.
        let stamp = if meta.is_dir() {
            (0, None)
        } else {
            (meta.len(), meta.modified().ok())
        };
        out.insert(p.clone(), stamp);
        if meta.is_dir() {
            snapshot(&p, skip, out);
        }
    }
}

/// PDFs and .typ files under `dir` (recursively).
fn written(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd {
        let p = e.expect("entry").path();
        if p.is_dir() {
            written(&p, out);
        } else if p.extension().is_some_and(|e| e == "pdf" || e == "typ") {
            out.push(p);
        }
    }
}

fn apply(edit: &Edit, outer: &Path, ws: &Path) -> Result<(), String> {
    match edit {
        Edit::Replace(file, from, to) => {
            let path = ws.join(file);
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
            let n = text.matches(from).count();
            if n != 1 {
                return Err(format!(
                    "test bug: {file} contains {from:?} {n} times (must be once); update this case"
                ));
            }
            std::fs::write(&path, text.replacen(from, to, 1)).map_err(|e| e.to_string())
        }
        Edit::Write(file, text) => {
            write(&ws.join(file), text);
            Ok(())
        }
        Edit::Bytes(file, f) => {
            let path = ws.join(file);
            let bytes = std::fs::read(&path).map_err(|e| format!("{file}: {e}"))?;
            std::fs::write(&path, f(bytes)).map_err(|e| e.to_string())
        }
        Edit::Run(f) => {
            f(outer, ws);
            Ok(())
        }
    }
}

struct Outcome {
    stderr: String,
    elapsed: Duration,
    problems: Vec<String>,
    /// Passed, but only at a tolerated (not the right) location.
    tolerated: Option<String>,
}

fn run_case(case: &Case) -> Outcome {
    let outer = tempfile::tempdir().expect("temp dir");
    let ws = outer.path().join("ws");
    copy_dir(&repo().join("profiles"), &ws.join("profiles"));
    copy_dir(&repo().join("layouts"), &ws.join("layouts"));
    let mut problems = Vec::new();
    for e in &case.edits {
        if let Err(msg) = apply(e, outer.path(), &ws) {
            return Outcome {
                stderr: String::new(),
                elapsed: Duration::ZERO,
                problems: vec![msg],
                tolerated: None,
            };
        }
    }
    let output = ws.join("output");
    let mut before = BTreeMap::new();
    snapshot(outer.path(), &output, &mut before);

    let outer_str = outer.path().to_str().expect("utf-8 temp path");
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("{outer}", outer_str))
        .collect();
    let started = Instant::now();
    let out = Command::new(BIN)
        .arg("-C")
        .arg(&ws)
        .args(&args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DOSSIER_TYPST")
        .output()
        .expect("run dossier");
    let elapsed = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();

    // Exit status, no panic, not too slow.
    if out.status.code() != Some(case.code) {
        problems.push(format!(
            "exit status {:?}, expected {}",
            out.status.code(),
            case.code
        ));
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
        problems.push("dossier panicked".into());
    }
    if err.trim().is_empty() {
        problems.push("stderr is empty".into());
    }
    if elapsed > CASE_LIMIT {
        problems.push(format!("took {elapsed:?} (limit {CASE_LIMIT:?})"));
    }

    // Location.
    let text = if case.file.is_empty() {
        String::new()
    } else {
        std::fs::read(ws.join(case.file))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    };
    let mut marker_line = None;
    let mut tolerated = None;
    if !case.file.is_empty() && case.at.is_empty() && !err.contains(case.file) {
        problems.push(format!("the message does not name {}", case.file));
    }
    if !case.at.is_empty() {
        match case
            .at
            .iter()
            .map(|a| line_at(&text, *a))
            .collect::<Result<Vec<_>, _>>()
        {
            Err(msg) => problems.push(msg),
            Ok(lines) => {
                marker_line = line_of(&text, case.at[0].0).ok();
                let wanted: Vec<String> = lines
                    .iter()
                    .map(|l| format!("{}:{l}:", case.file))
                    .collect();
                if !wanted.iter().any(|w| err.contains(w.as_str())) {
                    problems.push(format!("expected the location {}", wanted.join(" or ")));
                } else if !err.contains(&wanted[0]) {
                    let got: Vec<&str> = wanted[1..]
                        .iter()
                        .filter(|w| err.contains(w.as_str()))
                        .map(String::as_str)
                        .collect();
                    tolerated = Some(format!("wanted {}, got {}", wanted[0], got.join(" and ")));
                } else if let Some(of) = case.col
                    && err.contains(&wanted[0])
                {
                    let line = text.lines().nth(lines[0] - 1).unwrap_or_default();
                    match line.find(of) {
                        None => problems.push(format!("test bug: {of:?} not in line {line:?}")),
                        Some(byte) => {
                            let col = line[..byte].chars().count() + 1;
                            let at = format!("{}:{}:{col}:", case.file, lines[0]);
                            if !err.contains(&at) {
                                problems.push(format!("expected the column: {at}"));
                            }
                        }
                    }
                }
            }
        }
    }

    // Words.
    let aux_line = match case.aux {
        Some(a) => match line_at(&text, a) {
            Ok(l) => Some(l),
            Err(msg) => {
                problems.push(msg);
                None
            }
        },
        None => None,
    };
    for w in &case.says {
        let mut w = w.to_string();
        if let Some(l) = marker_line {
            w = w.replace("{L}", &l.to_string());
        }
        if let Some(l) = aux_line {
            w = w.replace("{M}", &l.to_string());
        }
        if !err.contains(&w) {
            problems.push(format!("expected {w:?} in the message"));
        }
    }
    for w in &case.not_says {
        if err.contains(w) {
            problems.push(format!("did not expect {w:?} in the message"));
        }
    }

    // Nothing written for the broken posting(s)…
    let dirs: Vec<PathBuf> = match &case.nothing {
        Nothing::Anywhere => vec![output.clone()],
        Nothing::Postings(ids) => {
            for id in ids {
                if matches!(case.args.as_slice(), ["build"])
                    && !err.contains(&format!("{CANDIDATE}/{id}"))
                {
                    problems.push(format!("posting {id} is not reported as failed"));
                }
            }
            ids.iter()
                .map(|id| output.join(CANDIDATE).join(id))
                .collect()
        }
    };
    for dir in dirs {
        let mut files = Vec::new();
        written(&dir, &mut files);
        let (typ, pdf): (Vec<_>, Vec<_>) = files
            .iter()
            .partition(|p| p.extension().is_some_and(|e| e == "typ"));
        if !pdf.is_empty() {
            problems.push(format!("PDF written: {pdf:?}"));
        }
        if case.typ_kept {
            if typ.is_empty() {
                problems.push(format!("the .typ should be kept in {}", dir.display()));
            }
        } else if !typ.is_empty() {
            problems.push(format!(".typ written: {typ:?}"));
        }
    }
    // …and nothing created or changed outside output/.
    let mut after = BTreeMap::new();
    snapshot(outer.path(), &output, &mut after);
    if before != after {
        let changed: Vec<&PathBuf> = after
            .iter()
            .filter(|(p, m)| before.get(*p) != Some(m))
            .map(|(p, _)| p)
            .chain(before.keys().filter(|p| !after.contains_key(*p)))
            .collect();
        problems.push(format!(
            "files created or changed outside output/: {changed:?}"
        ));
    }

    Outcome {
        stderr: err,
        elapsed,
        problems,
        tolerated,
    }
}

/// `"unclosed [ in the profile"` → `unclosed_bracket_in_the_profile`: a
/// test name that `cargo test <name>` selects.
fn test_name(case: &str) -> String {
    let case = case.replace('[', " bracket ").replace('{', " brace ");
    let mut out = String::new();
    for c in case.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// One named test per case (`cargo test --test bad_input_table -- --list`);
/// run in parallel by the harness, each in its own temp dir.
fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let cases = cases();
    let mut names: Vec<String> = cases.iter().map(|c| test_name(c.name)).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names must be distinct");
    assert!(cases.len() >= 45, "only {} cases", cases.len());
    let show = std::env::var_os("DOSSIER_TABLE_SHOW").is_some();
    let trials = cases
        .into_iter()
        .map(|case| {
            libtest_mimic::Trial::test(test_name(case.name), move || {
                let o = run_case(&case);
                if show {
                    eprintln!(
                        "--- {} ({:?})\n{}",
                        case.name,
                        o.elapsed,
                        o.stderr.trim_end()
                    );
                }
                if let Some(t) = &o.tolerated {
                    eprintln!("weak location in {:?}: {t}", case.name);
                }
                if o.problems.is_empty() {
                    return Ok(());
                }
                Err(format!(
                    "{}\n  - {}\n  stderr:\n{}",
                    case.name,
                    o.problems.join("\n  - "),
                    o.stderr
                        .lines()
                        .map(|l| format!("    | {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                )
                .into())
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
