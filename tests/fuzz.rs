//! Fuzzing the path from YAML to Typst source: load + check + merge + escape +
//! render, on mutations of the example files. Nothing may panic; every
//! failure must be a diagnostic naming a file and saying something.
//!
//! `DOSSIER_FUZZ_CASES=200000 cargo test --release --test fuzz` for a long run;
//! CI runs the default number of cases plus the regression corpus in
//! `tests/fuzz-corpus/` (inputs that once broke something).

use std::path::{Path, PathBuf};

use dossier::build::document::render_texts;
use dossier::diag::{Diagnostics, Pos};
use dossier::layout;
use dossier::model::Date;
use dossier::render::Renderer;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn renderer() -> Renderer {
    let root = repo();
    let layout =
        layout::load(&root, "classic", (Path::new("x"), Pos::default())).expect("classic layout");
    Renderer::new(layout).expect("templates compile")
}

fn seeds() -> (String, Vec<String>) {
    let profile = std::fs::read_to_string(repo().join("profiles/mari.yaml")).expect("profile");
    let mut postings: Vec<String> = std::fs::read_dir(repo().join("profiles/mari"))
        .expect("postings")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    postings.sort();
    (profile, postings)
}

/// Run the pipeline; panics only if dossier misbehaves.
fn check(profile: &str, tailoring: &str, r: &Renderer) {
    match render_texts(profile, tailoring, r, Date::ymd(2026, 11, 23)) {
        Ok(sources) => {
            assert_eq!(sources.len(), 2);
            for s in sources {
                assert!(
                    s.contains("#set document("),
                    "rendered source lacks its preamble"
                );
            }
        }
        Err(Diagnostics(ds)) => {
            assert!(!ds.is_empty(), "an error without diagnostics");
            for d in ds {
                assert!(
                    !d.file.as_os_str().is_empty() && !d.message.trim().is_empty(),
                    "empty diagnostic: {d:?}"
                );
            }
        }
    }
}

const PIECES: &[&str] = &[
    "#",
    "$",
    "@",
    "<",
    ">",
    "\\",
    "_",
    "`",
    "~",
    "//",
    "/*",
    "*/",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "=",
    "- ",
    "+ ",
    "/ ",
    ":",
    ": ",
    "\"",
    "'",
    "*",
    "**",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "&a",
    "*a",
    "!!str",
    "!tag",
    "|",
    ">-",
    "---",
    "...",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "\0",
    "\u{7f}",
    "õ",
    "Ž",
    "П",
    "null",
    "~",
    "yes",
    "2014-02-30",
    "2021-13",
    "99999999999999999999",
    "-1",
    "1.5",
    "[]",
    "{}",
    "[a, b]",
    "{et: x}",
    "{de: x}",
    "experience.nope",
    "tehik",
    "{{ posting.positon }}",
    "{{ candidate.name }}",
    "{% for x in range(100000) %}x{% endfor %}",
    "#set page(width: 1cm)",
];

#[derive(Debug, Clone)]
enum Op {
    /// Replace the bytes at a fraction of the text with a piece.
    Replace(f64, usize, usize),
    /// Delete a line.
    DeleteLine(f64),
    /// Duplicate a line.
    DuplicateLine(f64),
    /// Swap two lines.
    SwapLines(f64, f64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0.0..1.0f64, 0..8usize, 0..PIECES.len()).prop_map(|(a, b, c)| Op::Replace(a, b, c)),
        (0.0..1.0f64).prop_map(Op::DeleteLine),
        (0.0..1.0f64).prop_map(Op::DuplicateLine),
        (0.0..1.0f64, 0.0..1.0f64).prop_map(|(a, b)| Op::SwapLines(a, b)),
    ]
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, ops: &[Op]) -> String {
    let mut t = text.to_string();
    for o in ops {
        match *o {
            Op::Replace(at, len, piece) => {
                let start = floor_char(&t, (at * t.len() as f64) as usize);
                let end = floor_char(&t, start + len);
                t.replace_range(start..end, PIECES[piece]);
            }
            Op::DeleteLine(at) | Op::DuplicateLine(at) | Op::SwapLines(at, _) => {
                let mut lines: Vec<String> = t.lines().map(str::to_string).collect();
                if lines.is_empty() {
                    continue;
                }
                let i = ((at * lines.len() as f64) as usize).min(lines.len() - 1);
                match *o {
                    Op::DeleteLine(_) => {
                        lines.remove(i);
                    }
                    Op::DuplicateLine(_) => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    Op::SwapLines(_, b) => {
                        let j = ((b * lines.len() as f64) as usize).min(lines.len() - 1);
                        lines.swap(i, j);
                    }
                    Op::Replace(..) => {}
                }
                t = lines.join("\n") + "\n";
            }
        }
    }
    t
}

#[test]
fn mutated_inputs_never_panic() {
    let cases: u32 = std::env::var("DOSSIER_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150);
    let r = renderer();
    let (profile, postings) = seeds();
    // The seeds themselves are fine.
    for p in &postings {
        assert!(render_texts(&profile, p, &r, Date::ymd(2026, 11, 23)).is_ok());
    }
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        any::<bool>(),
        0..postings.len(),
        proptest::collection::vec(op(), 1..6),
    );
    runner
        .run(&strategy, |(mutate_profile, which, ops)| {
            let (p, t) = if mutate_profile {
                (apply(&profile, &ops), postings[which].clone())
            } else {
                (profile.clone(), apply(&postings[which], &ops))
            };
            check(&p, &t, &r);
            Ok(())
        })
        .expect("no input may make dossier panic");
}

/// Inputs kept because they once found a problem: `<name>.profile.yaml` with
/// `<name>.tailoring.yaml` (either may be missing: the example's is used).
#[test]
fn regression_corpus() {
    let r = renderer();
    let (profile, postings) = seeds();
    let dir = repo().join("tests/fuzz-corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            Some(name.split('.').next()?.to_string())
        })
        .collect();
    names.sort();
    names.dedup();
    assert!(!names.is_empty(), "the corpus is empty");
    for name in names {
        let read = |kind: &str, default: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{kind}.yaml")))
                .unwrap_or_else(|_| default.to_string())
        };
        check(
            &read("profile", &profile),
            &read("tailoring", &postings[0]),
            &r,
        );
    }
}
