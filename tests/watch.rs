//! `dossier watch` end to end: the real binary watching a copy of the
//! example workspace (no posting marked sent), files saved the ways editors
//! save them, the PDFs read back with pdftotext. Nothing here is timed: the
//! waits are generous, and the speed is measured by `scripts/bench.py`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use common::*;

const LIMIT: Duration = Duration::from_secs(20);
const POSTING: &str = "ringist-valja";
/// A sentence of ringist-valja's letter body.
const LETTER_SENTENCE: &str = "Soovin kandideerida ennetustalituse Ringist välja tiimi";

/// A running `dossier watch`, its stderr collected line by line.
struct Watch {
    child: Child,
    log: Arc<Mutex<String>>,
}

impl Watch {
    fn start(ws: &Path, args: &[&str]) -> Watch {
        Watch::start_with(ws, None, args)
    }

    fn start_with(ws: &Path, typst: Option<&Path>, args: &[&str]) -> Watch {
        let mut cmd = Command::new(BIN);
        cmd.args(["-C", ws.to_str().expect("utf-8")]);
        if let Some(t) = typst {
            cmd.arg("--typst").arg(t);
        }
        let mut child = cmd
            .args(args)
            .env_remove("SOURCE_DATE_EPOCH")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start dossier watch");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().expect("log");
                log.push_str(&line);
                log.push('\n');
            }
        });
        Watch { child, log }
    }

    fn log(&self) -> String {
        self.log.lock().expect("log").clone()
    }

    /// Wait until `ok()`; on timeout fail with `what` and what the watch said.
    fn wait(&mut self, what: &str, ok: impl Fn(&Watch) -> bool) {
        let deadline = Instant::now() + LIMIT;
        while !ok(self) {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                panic!(
                    "the watch ended ({status}) while waiting: {what}\n{}",
                    self.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting: {what}\nthe watch said:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the watch has said `text` `n` times in all.
    fn wait_said(&mut self, text: &str, n: usize) {
        self.wait(&format!("{n}× {text:?}"), |w| {
            w.log().matches(text).count() >= n
        });
    }

    /// Wait for the first build to be done and the watch to be watching.
    fn ready(&mut self) {
        self.wait_said("watching profiles/ and layouts/", 1);
    }

    fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().expect("try_wait").is_none(),
            "the watch stopped:\n{}",
            self.log()
        );
    }

    /// Ctrl-C; the exit status and everything it said.
    fn interrupt(mut self) -> (ExitStatus, String) {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return (status, self.log());
            }
            assert!(
                Instant::now() < deadline,
                "the watch did not stop after SIGINT:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn posting_file(ws: &Path, id: &str) -> PathBuf {
    ws.join(format!("profiles/mari/{id}.yaml"))
}

fn output(ws: &Path, id: &str, file: &str) -> PathBuf {
    ws.join(format!("output/mari/{id}/{file}"))
}

fn letter_pdf(ws: &Path) -> PathBuf {
    output(ws, POSTING, "Mari_Maasikas_Motivatsioonikiri_SKA.pdf")
}

fn cv_pdf(ws: &Path) -> PathBuf {
    output(ws, POSTING, "Mari_Maasikas_CV_SKA.pdf")
}

/// Identity of a file's current version: a rebuilt PDF is a new file.
fn version(path: &Path) -> Option<(u64, SystemTime)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.ino(), m.modified().ok()?))
}

fn has_text(pdf: &Path, text: &str) -> bool {
    pdf.is_file() && squash(&pdf_text(pdf)).contains(text)
}

/// The file's text with `old` (which must be there) replaced by `new`.
fn edited(path: &Path, old: &str, new: &str) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(old), "{} has no {old:?}", path.display());
    text.replacen(old, new, 1)
}

/// Save as vim, JetBrains and most editors do: write a new file beside the
/// old one, then rename it over the old one.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(
        "{}.tmp",
        path.file_name().expect("name").to_string_lossy()
    ));
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename over");
}

/// Save as nano does: empty the file, then write it, in two writes.
fn save_by_truncating(path: &Path, text: &str) {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .expect("open");
    let (a, b) = text.split_at(text.len() / 2);
    f.write_all(a.as_bytes()).expect("write");
    f.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(5));
    f.write_all(b.as_bytes()).expect("write");
}

fn part_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else if e.file_name().to_string_lossy().contains(".part.") {
                out.push(e.path());
            }
        }
    }
    out
}

#[test]
fn a_letter_edit_rebuilds_the_letter_and_not_the_cv() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch", POSTING]);
    watch.ready();
    let cv = version(&cv_pdf(ws));
    assert!(cv.is_some(), "the first build made the CV");

    let file = posting_file(ws, POSTING);
    save_by_rename(
        &file,
        &edited(
            &file,
            LETTER_SENTENCE,
            "Kirjutan muudetud lause ja kandideerin",
        ),
    );
    watch.wait("the letter shows the new sentence", |_| {
        has_text(&letter_pdf(ws), "Kirjutan muudetud lause ja kandideerin")
    });
    watch.wait_said("rebuilt mari/ringist-valja letter in ", 1);
    assert_eq!(version(&cv_pdf(ws)), cv, "the CV was rewritten");
    let log = watch.log();
    assert!(
        log.contains(&format!("(profiles/mari/{POSTING}.yaml changed)")),
        "{log}"
    );
    assert!(!log.contains("rebuilt mari/ringist-valja cv"), "{log}");
    // The normal report lines of the build are there too.
    assert!(log.contains("1 built, 1 up to date, 0 failed"), "{log}");
}

/// Three saves of the letter sentence, each made by `save`, each seen in
/// the letter; the watch still runs after them.
fn three_saves_show_in_the_letter(save: fn(&Path, &str), how: &str) -> tempfile::TempDir {
    let dir = example_workspace_unsent();
    let ws = dir.path();
    let mut watch = Watch::start(ws, &["watch", POSTING, "--only", "letter"]);
    watch.ready();
    let file = posting_file(ws, POSTING);
    let original = std::fs::read_to_string(&file).expect("read");
    for round in 1..=3 {
        let sentence = format!("Salvestan {how} {round}. korda");
        save(&file, &original.replacen(LETTER_SENTENCE, &sentence, 1));
        watch.wait(&format!("save {round} shows in the letter"), |_| {
            has_text(&letter_pdf(ws), &sentence)
        });
    }
    watch.assert_running();
    dir
}

#[test]
fn a_save_by_rename_triggers_a_rebuild() {
    let ws = three_saves_show_in_the_letter(save_by_rename, "ümbernimetamisega");
    // Nothing of the temporary file is taken for a posting.
    assert!(!ws.path().join("output/mari/ringist-valja.yaml").exists());
}

#[test]
fn a_truncate_and_write_triggers_a_rebuild() {
    three_saves_show_in_the_letter(save_by_truncating, "kohapeal");
}

#[test]
fn a_broken_edit_is_reported_with_file_and_line_and_the_fix_rebuilds() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch", POSTING]);
    watch.ready();
    let file = posting_file(ws, POSTING);
    let good = std::fs::read_to_string(&file).expect("read");
    let line = good
        .lines()
        .position(|l| l.starts_with("  subject: "))
        .expect("letter.subject")
        + 1;
    save_by_rename(&file, &good.replacen("  subject: ", "  subjekt: ", 1));
    let at = format!("profiles/mari/{POSTING}.yaml:{line}:3: letter.subjekt: unknown key");
    watch.wait_said(&at, 1);
    watch.wait_said("failed mari/ringist-valja cv and letter in ", 1);
    watch.assert_running();

    save_by_rename(
        &file,
        &good.replacen(
            "  subject: Kandideerimine",
            "  subject: Parandatud kandideerimine",
            1,
        ),
    );
    watch.wait("the fixed letter is built", |_| {
        has_text(&letter_pdf(ws), "Parandatud kandideerimine")
    });
    watch.wait_said("rebuilt mari/ringist-valja", 1);
    watch.assert_running();
}

#[test]
fn a_new_posting_file_is_built() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch"]);
    watch.ready();
    let text = std::fs::read_to_string(posting_file(ws, POSTING)).expect("read");
    let text = text.replacen("short_name: SKA", "short_name: UUS", 1);
    save_by_rename(&posting_file(ws, "uus-kuulutus"), &text);
    let cv = output(ws, "uus-kuulutus", "Mari_Maasikas_CV_UUS.pdf");
    let letter = output(
        ws,
        "uus-kuulutus",
        "Mari_Maasikas_Motivatsioonikiri_UUS.pdf",
    );
    watch.wait("the new posting's documents are built", |_| {
        has_text(&cv, "Mari Maasikas") && has_text(&letter, "Mari Maasikas")
    });
    watch.wait_said("rebuilt mari/uus-kuulutus cv and letter in ", 1);
    // Only the new posting was built.
    let log = watch.log();
    let rebuilt = log
        .lines()
        .find(|l| l.starts_with("rebuilt "))
        .expect("a rebuilt line");
    assert!(
        rebuilt.starts_with("rebuilt mari/uus-kuulutus cv and letter in "),
        "{log}"
    );
}

#[test]
fn a_profile_edit_rebuilds_the_documents_that_show_the_changed_text() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch"]);
    watch.ready();
    let pdfs = pdfs_under(&ws.join("output/mari"));
    assert_eq!(pdfs.len(), 8, "{pdfs:?}");
    let before: Vec<_> = pdfs.iter().map(|p| version(p)).collect();

    // Job `emajoe` is shown by the CVs of two postings: one in Estonian, one
    // in English.
    let profile = ws.join("profiles/mari.yaml");
    let text = edited(
        &profile,
        "Nooremarendaja ja IT-tugi",
        "Vaatluse all muudetud amet",
    );
    let text = text.replacen(
        "Junior Developer and IT Support",
        "Role changed while watched",
        1,
    );
    save_by_rename(&profile, &text);
    let showing = [
        output(
            ws,
            "sotsiaalkindlustusamet-kasutajatugi",
            "Mari_Maasikas_CV_SKA.pdf",
        ),
        output(ws, "e-estonia-architect", "Mari_Maasikas_CV_RIA.pdf"),
    ];
    watch.wait("both CVs show the new role", |_| {
        has_text(&showing[0], "Vaatluse all muudetud amet")
            && has_text(&showing[1], "Role changed while watched")
    });
    watch.wait_said("rebuilt ", 1);
    let log = watch.log();
    assert!(log.contains("(profiles/mari.yaml changed)"), "{log}");
    for (pdf, old) in pdfs.iter().zip(&before) {
        let rewritten = version(pdf) != *old;
        assert_eq!(
            rewritten,
            showing.contains(pdf),
            "{}: rewritten {rewritten}\n{log}",
            pdf.display()
        );
    }
}

#[test]
fn ctrl_c_stops_the_watch_with_status_0_and_leaves_no_temporary_files() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch", POSTING]);
    watch.ready();
    let (status, log) = watch.interrupt();
    assert!(status.success(), "{status}\n{log}");
    assert_eq!(part_files(&ws.join("output")), Vec::<PathBuf>::new());
}

/// A typst that notes each compile in `dir/started` and takes a second
/// longer than the real one.
fn slow_typst(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let program = dir.join("slow-typst");
    let started = dir.join("started");
    std::fs::write(
        &program,
        format!(
            "#!/bin/sh\nif [ \"$1\" != \"--version\" ]; then echo x >> '{}'; sleep 1; fi\nexec typst \"$@\"\n",
            started.display()
        ),
    )
    .expect("write slow typst");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    program
}

#[test]
fn ctrl_c_during_a_rebuild_stops_it_keeps_the_last_pdf_and_leaves_no_temporary_files() {
    let tools = tempfile::tempdir().expect("temp dir");
    let slow = slow_typst(tools.path());
    let compiles = || {
        std::fs::read_to_string(tools.path().join("started"))
            .unwrap_or_default()
            .lines()
            .count()
    };
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start_with(ws, Some(&slow), &["watch", POSTING, "--only", "letter"]);
    watch.ready();
    let first = compiles();
    let letter = pdf_text(&letter_pdf(ws));
    let file = posting_file(ws, POSTING);
    save_by_rename(
        &file,
        &edited(&file, LETTER_SENTENCE, "Seda lauset ei ehitata valmis"),
    );
    watch.wait("the rebuild's typst starts", |_| compiles() > first);
    let (status, log) = watch.interrupt();
    assert!(status.success(), "{status}\n{log}");
    assert_eq!(part_files(&ws.join("output")), Vec::<PathBuf>::new());
    assert_eq!(pdf_text(&letter_pdf(ws)), letter, "the last PDF is kept");
}

#[test]
fn quiet_prints_one_line_per_rebuild() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["-q", "watch", POSTING, "--only", "cv"]);
    watch.wait("the first build", |_| {
        has_text(&cv_pdf(ws), "Mari Maasikas")
    });
    // The first build is done when it has written the manifest.
    watch.wait("the manifest", |_| {
        ws.join("output/manifest.json").is_file()
    });
    let file = posting_file(ws, POSTING);
    set_headline(&file, "Vaatluse all muudetud pealkiri");
    watch.wait("the CV shows the new headline", |_| {
        has_text(&cv_pdf(ws), "Vaatluse all muudetud pealkiri")
    });
    watch.wait_said("rebuilt mari/ringist-valja cv in ", 1);
    let (status, log) = watch.interrupt();
    assert!(status.success(), "{status}\n{log}");
    // Nothing but one line per rebuild (an edit saved during the first
    // build may come back as one more, with nothing to do).
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("rebuilt mari/ringist-valja cv in ")),
        "{log}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("rebuilt ") || l.starts_with("unchanged ")),
        "{log}"
    );
}

#[test]
fn layouts_appearing_later_are_watched() {
    // A workspace with nothing but profiles/: the built-in layouts are used.
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path();
    copy_dir(&repo().join("profiles"), &ws.join("profiles"));
    unsend(ws);
    let mut watch = Watch::start(ws, &["watch", POSTING, "--only", "cv"]);
    watch.ready();
    let first = version(&cv_pdf(ws));

    // layouts/ appears (made beside, then renamed into place): its fonts are
    // given to typst too, so the CV is built anew.
    copy_dir(&repo().join("layouts"), &ws.join("layouts-new"));
    std::fs::rename(ws.join("layouts-new"), ws.join("layouts")).expect("rename");
    watch.wait("the CV is rebuilt with the workspace's layouts", |_| {
        version(&cv_pdf(ws)) != first
    });
    watch.wait_said("rebuilt mari/ringist-valja cv in ", 1);

    // And what is inside is watched from then on.
    let second = version(&cv_pdf(ws));
    let lib = ws.join("layouts/classic/lib.typ");
    let text = std::fs::read_to_string(&lib).expect("read");
    save_by_rename(&lib, &format!("{text}\n// changed while watched\n"));
    watch.wait("the CV is rebuilt after a layout edit", |_| {
        version(&cv_pdf(ws)) != second
    });
    watch.wait_said("rebuilt mari/ringist-valja cv in ", 2);
    assert!(watch.log().contains("(layouts/classic/lib.typ changed)"));
}

#[test]
fn polling_finds_changes_too() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["watch", POSTING, "--only", "letter", "--poll"]);
    watch.ready();
    assert!(
        watch.log().contains("(polling every 100 ms;"),
        "{}",
        watch.log()
    );
    let file = posting_file(ws, POSTING);
    save_by_rename(
        &file,
        &edited(&file, LETTER_SENTENCE, "Muudatus leitakse vaatamisega"),
    );
    watch.wait("the letter shows the edit", |_| {
        has_text(&letter_pdf(ws), "Muudatus leitakse vaatamisega")
    });
    watch.wait_said("rebuilt mari/ringist-valja letter in ", 1);
}

#[test]
fn editor_files_beside_the_postings_trigger_nothing() {
    let ws = example_workspace_unsent();
    let ws = ws.path();
    let mut watch = Watch::start(ws, &["-v", "watch", POSTING]);
    watch.ready();
    let dir = ws.join("profiles/mari");
    for junk in [
        ".ringist-valja.yaml.swp",
        "ringist-valja.yaml~",
        "4913",
        ".#ringist-valja.yaml",
        "notes.txt",
    ] {
        std::fs::write(dir.join(junk), "x").expect("write");
        std::fs::remove_file(dir.join(junk)).expect("remove");
    }
    // A real edit after them is the first thing rebuilt.
    let file = posting_file(ws, POSTING);
    save_by_rename(
        &file,
        &edited(&file, LETTER_SENTENCE, "Pärast prahti tuleb päris muudatus"),
    );
    watch.wait_said("rebuilt mari/ringist-valja letter in ", 1);
    let log = watch.log();
    let after_ready = &log[log.find("watching profiles/").expect("ready")..];
    let first = after_ready
        .lines()
        .find(|l| {
            l.starts_with("rebuilt")
                || l.starts_with("unchanged")
                || l.contains("no watched posting")
        })
        .expect("a line");
    assert!(
        first.starts_with("rebuilt mari/ringist-valja letter in ")
            && first.ends_with("(profiles/mari/ringist-valja.yaml changed)"),
        "{log}"
    );
}

#[test]
fn an_unknown_posting_at_the_start_is_bad_usage() {
    let ws = example_workspace_unsent();
    let out = dossier(ws.path(), &["watch", "ringist-vlja"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown posting \"ringist-vlja\"; did you mean \"ringist-valja\"?"),
        "{}",
        stderr(&out)
    );
}
