use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use proptest::prelude::*;

use super::{Coverage, describe_fields, embedded, needs_glyph, normalize, testfont};

/// The characters of the tiny test font: a CJK name, and one character
/// above the BMP (U+2000B, a CJK Extension B ideograph).
const TINY: &[char] = &['李', '雷', '\u{2000B}'];

fn inter_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/fonts")
}

/// The embedded fonts plus the bundled fonts (Inter, Open Sans).
fn with_inter() -> Coverage {
    let dir = inter_dir();
    let (coverage, problems) = Coverage::with_dirs(&[&dir]);
    assert_eq!(problems, Vec::new(), "fonts in {}", dir.display());
    coverage
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

// ---- the embedded table ----------------------------------------------------

/// The generated `embedded.rs` for these ranges.
fn embedded_source(names: &[String], ranges: &[(u32, u32)]) -> String {
    let count: u32 = ranges.iter().map(|&(lo, hi)| hi - lo + 1).sum();
    let mut s = String::new();
    s.push_str("//! GENERATED, do not edit: the characters of the fonts typst-cli 0.15.1\n");
    s.push_str("//! embeds, for `Coverage::embedded`.\n//!\n");
    s.push_str("//! Made by `DOSSIER_REGENERATE=1 cargo test --lib glyphs::tests::embedded_table_is_current`\n");
    s.push_str("//! from `typst_assets::fonts()` of the crate typst-assets 0.15.1 (feature\n");
    s.push_str("//! `fonts`; the version typst-cli 0.15.1 pins in its Cargo.lock), a\n");
    s.push_str("//! dev-dependency only. Fonts (PostScript names):\n");
    for name in names {
        let _ = writeln!(s, "//! - {name}");
    }
    s.push_str(
        "//!\n//! A character is in when a Unicode `cmap` subtable of one of them maps it\n",
    );
    let _ = writeln!(
        s,
        "//! to a glyph other than 0. {} ranges, {count} characters.",
        ranges.len()
    );
    s.push_str("\n/// Sorted, disjoint, non-adjacent inclusive ranges of code points.\n");
    s.push_str("#[rustfmt::skip]\npub(super) const RANGES: &[(u32, u32)] = &[\n");
    for line in ranges.chunks(6) {
        s.push_str("   ");
        for &(lo, hi) in line {
            let _ = write!(s, " (0x{lo:04X}, 0x{hi:04X}),");
        }
        s.push('\n');
    }
    s.push_str("];\n");
    s
}

fn postscript_name(bytes: &[u8]) -> String {
    let face = ttf_parser::Face::parse(bytes, 0).unwrap();
    face.names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| "(no name)".to_string())
}

#[test]
fn embedded_table_is_current() {
    let mut coverage = Coverage::empty();
    let mut names = Vec::new();
    for bytes in typst_assets::fonts() {
        coverage.add_font_bytes(bytes).unwrap();
        names.push(postscript_name(bytes));
    }
    let ranges = coverage.ranges();
    let source = embedded_source(&names, &ranges);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/glyphs/embedded.rs");
    let committed = std::fs::read_to_string(&path).unwrap();
    if std::env::var_os("DOSSIER_REGENERATE").is_some_and(|v| v == "1") {
        if committed != source {
            write(&path, source.as_bytes());
            eprintln!("wrote {} ({} ranges)", path.display(), ranges.len());
        }
        return;
    }
    let hint = "src/glyphs/embedded.rs is out of date; regenerate it with \
                DOSSIER_REGENERATE=1 cargo test --lib glyphs::tests::embedded_table_is_current";
    assert_eq!(embedded::RANGES, &ranges[..], "{hint}");
    assert_eq!(committed, source, "{hint}");
    assert_eq!(Coverage::embedded(), coverage);
}

#[test]
fn embedded_table_is_sorted_and_joined() {
    assert_eq!(normalize(embedded::RANGES.to_vec()), embedded::RANGES);
    let embedded = Coverage::embedded();
    // What typst's own fonts give: Latin (Libertinus), Greek, Cyrillic,
    // math (New Computer Modern Math), box drawing (DejaVu Sans Mono).
    for c in ['A', 'é', 'Ω', 'Ж', '∑', '𝔸', '─', '€'] {
        assert!(embedded.has(c), "{c:?}");
    }
    assert!(!embedded.has('李'));
}

// ---- what CVs in the project's languages need --------------------------------

const NEEDED: &[(&str, &str)] = &[
    ("Estonian", "õäöüšžÕÄÖÜŠŽ"),
    (
        "Russian",
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    ),
    ("Latvian", "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"),
    ("Lithuanian", "ąčęėįšųūžĄČĘĖĮŠŲŪŽ"),
    ("German", "äöüßÄÖÜẞ"),
    ("punctuation", "€„“”‘’–—…•·«»"),
];

#[test]
fn baltic_russian_german_and_punctuation_are_covered() {
    let coverage = with_inter();
    for (what, text) in NEEDED {
        assert_eq!(coverage.missing(text), Vec::<char>::new(), "{what}");
        assert!(text.chars().all(|c| coverage.has(c)), "{what}");
    }
    // Inter adds to the embedded fonts, and takes nothing away.
    let embedded = Coverage::embedded();
    assert!(coverage.count() > embedded.count());
    assert!(embedded.ranges().iter().all(|&(lo, hi)| {
        (lo..=hi)
            .filter_map(char::from_u32)
            .all(|c| coverage.has(c))
    }));
}

/// Each Open Sans face alone has what Estonian, Russian and the other
/// languages need (a design that sets it gets no fallback glyphs), except
/// the rare capital ẞ.
#[test]
fn open_sans_covers_estonian_and_cyrillic_in_every_face() {
    for face in ["Regular", "Italic", "Semibold", "Bold"] {
        let path = inter_dir().join(format!("OpenSans-{face}.ttf"));
        let mut coverage = Coverage::empty();
        coverage
            .add_font_file(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (what, text) in NEEDED {
            let text = text.replace('ẞ', "");
            assert_eq!(
                coverage.missing(&text),
                Vec::<char>::new(),
                "{face}: {what}"
            );
        }
    }
}

#[test]
fn a_cjk_name_is_missing_until_a_font_has_it() {
    let coverage = with_inter();
    assert_eq!(coverage.missing("Li Lei 李 雷"), vec!['李', '雷']);
    assert_eq!(coverage.missing("李雷 李"), vec!['李', '雷'], "each once");
    assert!(!coverage.has('\u{2000B}'));

    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("DossierTiny.ttf"),
        &testfont::font("Dossier Tiny", TINY),
    );
    let inter = inter_dir();
    let (coverage, problems) = Coverage::with_dirs(&[&inter, dir.path()]);
    assert_eq!(problems, Vec::new());
    assert_eq!(
        coverage.missing("Li Lei 李 雷 \u{2000B}"),
        Vec::<char>::new()
    );
    assert!(coverage.has('\u{2000B}'));
    assert!(!coverage.has('\u{2000A}') && !coverage.has('\u{2000C}'));
    assert_eq!(coverage.missing("王"), vec!['王']);

    // From bytes in memory too.
    let mut coverage = Coverage::embedded();
    assert!(!coverage.has('雷'));
    coverage
        .add_font_bytes(&testfont::font("Dossier Tiny", TINY))
        .unwrap();
    assert!(coverage.has('雷'));
}

#[test]
fn characters_without_a_glyph_are_never_missing() {
    let coverage = Coverage::empty();
    let invisible = "a \t\n\r\u{A0}\u{2009}\u{202F}\u{3000}\u{2028}\u{2029}\u{200B}\u{200C}\u{200D}\
                     \u{AD}\u{FEFF}\u{FE0F}\u{E0100}\u{2060}\u{200E}\u{202E}\u{1}\u{7F}\u{85}b";
    assert_eq!(coverage.missing(invisible), vec!['a', 'b']);
    for c in ['a', '李', '€', '\u{E000}', '\u{1F600}', '\u{FFFD}'] {
        assert!(needs_glyph(c), "{c:?}");
    }
    for c in [
        '\u{A0}',
        '\u{200D}',
        '\u{AD}',
        '\u{FE0E}',
        '\u{E007F}',
        '\u{1160}',
    ] {
        assert!(!needs_glyph(c), "{c:?}");
    }
    assert_eq!(normalize(super::NO_GLYPH.to_vec()), super::NO_GLYPH);
}

// ---- directories and bad files -------------------------------------------------

#[test]
fn directories_are_scanned_like_typst_does() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("nested/deeper")).unwrap();
    write(
        &root.join("nested/deeper/a.OTF"),
        &testfont::font("A", &['李']),
    );
    write(
        &root.join("b.ttc"),
        &testfont::collection(&[("B1", &['雷']), ("B2", &['王'])]),
    );
    // Names typst-cli skips, even when they hold a font.
    write(&root.join("c.Ttf"), &testfont::font("C", &['张']));
    write(&root.join("d.woff2"), &testfont::font("D", &['赵']));
    write(&root.join("notes.txt"), b"not a font");
    // Fonts typst cannot use.
    write(&root.join("garbage.ttf"), b"this is no font at all");
    write(&root.join("empty.otf"), b"");
    write(&root.join("unnamed.ttf"), &testfont::unnamed_font(&['刘']));
    write(&root.join("half.otc"), &{
        let mut two = testfont::collection(&[("H1", &['陈']), ("H2", &['杨'])]);
        // Break the second face: its directory's first table tag.
        let second = u32::from_be_bytes(two[16..20].try_into().unwrap()) as usize;
        two[second..second + 4].copy_from_slice(b"\0\0\0\0");
        two[second + 4..second + 6].copy_from_slice(&[0, 0]);
        two
    });
    #[cfg(unix)]
    {
        // A loop, and a dangling link: neither hangs nor counts.
        std::os::unix::fs::symlink(root, root.join("nested/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.ttf"), root.join("dangling.ttf")).unwrap();
    }
    let missing_dir = root.join("no-such-dir");

    let (coverage, problems) = Coverage::with_dirs(&[root, &missing_dir]);
    for c in ['李', '雷', '王', '陈'] {
        assert!(coverage.has(c), "{c:?}");
    }
    for c in ['张', '赵', '刘', '杨'] {
        assert!(!coverage.has(c), "{c:?}");
    }
    let problems: Vec<(String, String)> = problems
        .into_iter()
        .map(|(p, why)| (p.file_name().unwrap().to_string_lossy().into_owned(), why))
        .collect();
    let names: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        names,
        [
            "empty.otf",
            "garbage.ttf",
            "half.otc",
            "unnamed.ttf",
            "no-such-dir"
        ],
        "{problems:#?}"
    );
    assert!(
        problems[0].1.contains("not a font typst can read"),
        "{problems:#?}"
    );
    assert!(problems[2].1.starts_with("face 1: "), "{problems:#?}");
    assert!(problems[3].1.contains("no family name"), "{problems:#?}");
    assert!(
        problems[4].1.contains("cannot read the directory"),
        "{problems:#?}"
    );
}

#[test]
fn a_broken_collection_count_is_an_error_not_a_long_loop() {
    let mut bytes = b"ttcf\0\x01\0\0".to_vec();
    bytes.extend(u32::MAX.to_be_bytes());
    let mut coverage = Coverage::empty();
    let error = coverage.add_font_bytes(&bytes).unwrap_err();
    assert!(error.contains("collection"), "{error}");
    assert_eq!(coverage, Coverage::empty());
}

// ---- the sets themselves -------------------------------------------------------------

proptest! {
    #[test]
    fn ranges_and_lookups_agree(
        raw in prop::collection::vec((0u32..0x11_0000, 0u32..300), 0..40),
        probes in prop::collection::vec(0u32..0x11_0000, 0..200),
    ) {
        let ranges: Vec<(u32, u32)> = raw
            .iter()
            .map(|&(lo, len)| (lo, (lo + len).min(0x10_FFFF)))
            .collect();
        let mut coverage = Coverage::empty();
        coverage.add_ranges(&ranges);
        let inside = |cp: u32| ranges.iter().any(|&(lo, hi)| lo <= cp && cp <= hi);
        let edges = ranges.iter().flat_map(|&(lo, hi)| [lo.saturating_sub(1), lo, hi, hi + 1]);
        for cp in probes.into_iter().chain(edges) {
            if let Some(c) = char::from_u32(cp) {
                prop_assert_eq!(coverage.has(c), inside(cp), "U+{:04X}", cp);
            }
        }
        let expected = normalize(ranges.clone());
        prop_assert_eq!(coverage.ranges(), expected.clone());
        let count: u32 = expected.iter().map(|&(lo, hi)| hi - lo + 1).sum();
        prop_assert_eq!(coverage.count(), count as usize);
        // Adding the same characters one face at a time gives the same set.
        let mut again = Coverage::empty();
        for &(lo, hi) in &ranges {
            again.add_ranges(&[(lo, hi)]);
        }
        prop_assert_eq!(again, coverage);
    }
}

// ---- speed ---------------------------------------------------------------------------

/// Prints what scanning the five Inter files and looking up a few thousand
/// characters cost (`cargo test --release --lib glyphs::tests::speed --
/// --nocapture`); the aim is well under 5 ms in release mode.
#[test]
fn speed() {
    let dir = inter_dir();
    let text: String = NEEDED
        .iter()
        .map(|(_, t)| *t)
        .chain(["The quick brown fox jumps over the lazy dog. 李雷 ✓ 😀"])
        .collect::<String>()
        .repeat(20);
    let chars = text.chars().count();
    let mut best = [u128::MAX; 3];
    for _ in 0..5 {
        let t0 = Instant::now();
        let embedded = Coverage::embedded();
        let t1 = Instant::now();
        let (coverage, problems) = Coverage::with_dirs(&[&dir]);
        let t2 = Instant::now();
        let hits = text.chars().filter(|&c| coverage.has(c)).count();
        let missing = coverage.missing(&text);
        let t3 = Instant::now();
        assert!(problems.is_empty() && hits > 0 && embedded.count() > 0);
        assert_eq!(missing[..2], ['李', '雷']);
        for (b, t) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2]) {
            *b = (*b).min(t.as_micros());
        }
    }
    eprintln!(
        "glyphs speed ({}): Coverage::embedded {} µs; with_dirs(5 Inter files) {} µs; \
         has + missing over {chars} characters {} µs",
        if cfg!(debug_assertions) {
            "debug build"
        } else {
            "release build"
        },
        best[0],
        best[1],
        best[2],
    );
}

// ---- the real typst --------------------------------------------------------------------

/// The typst binary the project uses (`DOSSIER_TYPST`, else `typst` on
/// PATH), when it runs.
fn typst() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("DOSSIER_TYPST").map(PathBuf::from),
        Some(PathBuf::from("typst")),
        std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo/bin/typst")),
    ];
    candidates.into_iter().flatten().find(|bin| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

fn poppler(tool: &str, pdf: &Path) -> Option<String> {
    let out = Command::new(tool).arg(pdf).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The made font is one typst loads and embeds: a document that needs its
/// characters compiles with it to a PDF that carries the font and the text.
#[test]
fn typst_uses_the_tiny_font() {
    let Some(typst) = typst() else {
        eprintln!(
            "SKIPPED typst_uses_the_tiny_font: no typst (set DOSSIER_TYPST or put typst 0.15 on PATH)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    write(
        &fonts.join("DossierTiny.ttf"),
        &testfont::font("Dossier Tiny", TINY),
    );
    let main = dir.path().join("main.typ");
    std::fs::write(&main, "Li Lei 李雷 \u{2000B} here\n").unwrap();
    let pdf = dir.path().join("main.pdf");
    let out = Command::new(&typst)
        .arg("compile")
        .arg("--ignore-system-fonts")
        .arg("--font-path")
        .arg(&fonts)
        .arg(&main)
        .arg(&pdf)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "typst failed: {stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");

    let (Some(text), Some(fonts_list)) = (poppler("pdftotext", &pdf), pdffonts(&pdf)) else {
        eprintln!(
            "SKIPPED the PDF check of typst_uses_the_tiny_font: no pdftotext/pdffonts \
             (apt-get install poppler-utils)"
        );
        return;
    };
    assert!(text.contains("李雷 \u{2000B}"), "{text}");
    assert!(fonts_list.contains("DossierTiny-Regular"), "{fonts_list}");

    // typst's own font listing agrees.
    let out = Command::new(&typst)
        .args(["fonts", "--ignore-system-fonts", "--font-path"])
        .arg(&fonts)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.lines().any(|l| l.trim() == "Dossier Tiny"),
        "{listed}"
    );
}

fn pdffonts(pdf: &Path) -> Option<String> {
    let out = Command::new("pdffonts").arg(pdf).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn fields_beyond_five_are_counted() {
    let fields: Vec<String> = (1..=7).map(|i| format!("f{i}")).collect();
    assert_eq!(describe_fields(&fields[..1]), "f1");
    assert_eq!(describe_fields(&fields[..5]), "f1, f2, f3, f4, f5");
    assert_eq!(describe_fields(&fields), "f1, f2, f3, f4, f5, and 2 more");
}
