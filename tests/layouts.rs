//! `dossier layouts`: the layouts a posting may name, where each comes from,
//! what it extends and whether it hides a built-in one.

mod common;

use common::*;
use serde_json::Value;

fn json_lines(out: &std::process::Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn the_example_workspace_has_its_own_layouts_hiding_the_built_in_ones() {
    let ws = example_workspace();
    let out = dossier(ws.path(), &["layouts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(
        lines[0].starts_with("LAYOUT") && lines[0].contains("EXTENDS"),
        "{text}"
    );
    let classic: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(classic[..3], ["classic", "layouts/classic/", "-"], "{text}");
    assert!(lines[1].ends_with("hides the built-in classic"), "{text}");
    // The other designs use classic's templates, each with its own look.
    for (line, name) in lines[2..].iter().zip(["europass", "formal", "modern"]) {
        let row: Vec<&str> = line.split_whitespace().collect();
        let dir = format!("layouts/{name}/");
        assert_eq!(row[..3], [name, dir.as_str(), "classic"], "{text}");
        assert!(
            line.ends_with(&format!("hides the built-in {name}")),
            "{text}"
        );
    }

    let json = json_lines(&dossier(
        ws.path(),
        &["--message-format", "json", "layouts"],
    ));
    assert_eq!(json.len(), 4);
    assert_eq!(json[0]["event"], "layout");
    assert_eq!(json[0]["name"], "classic");
    assert_eq!(json[0]["source"], "workspace");
    assert_eq!(json[0]["path"], "layouts/classic");
    assert_eq!(json[0]["extends"], Value::Null);
    assert_eq!(json[0]["hides_builtin"], true);
    assert_eq!(json[0]["problem"], Value::Null);
    assert_eq!(json[2]["name"], "formal");
    assert_eq!(json[2]["extends"], "classic");
}

#[test]
fn a_workspace_with_only_profiles_has_the_built_in_layouts() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("profiles")).expect("mkdir");
    let out = dossier(tmp.path(), &["layouts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "LAYOUT    FROM      EXTENDS  OPTIONS                          NOTE
\
         classic   built in  -        accent font paper density photo
\
         europass  built in  classic  paper photo font
\
         formal    built in  classic  accent font paper density photo
\
         modern    built in  classic  accent font paper density photo
"
    );
    let json = json_lines(&dossier(
        tmp.path(),
        &["layouts", "--message-format", "json"],
    ));
    let names: Vec<&str> = json.iter().filter_map(|j| j["name"].as_str()).collect();
    assert_eq!(names, ["classic", "europass", "formal", "modern"]);
    for j in &json {
        assert_eq!(j["source"], "built-in", "{j}");
        assert_eq!(j["path"], Value::Null, "{j}");
        assert_eq!(j["hides_builtin"], false, "{j}");
    }
    // Listing writes nothing (built-in layouts are unpacked by a build only).
    assert!(!tmp.path().join("output").exists());
}

#[test]
fn own_layouts_come_first_and_a_broken_one_is_an_error() {
    let ws = example_workspace();
    std::fs::remove_dir_all(ws.path().join("layouts/formal")).expect("rm");
    write(&ws.path().join("layouts/mine/extends"), "formal\n");
    write(&ws.path().join("layouts/broken/extends"), "formel\n");
    let out = dossier(ws.path(), &["--message-format", "json", "layouts"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json = json_lines(&out);
    let row = |name: &str| {
        json.iter()
            .find(|j| j["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {json:?}"))
    };
    let names: Vec<&str> = json.iter().filter_map(|j| j["name"].as_str()).collect();
    assert_eq!(
        names,
        ["broken", "classic", "europass", "mine", "modern", "formal"]
    );
    assert_eq!(row("mine")["source"], "workspace");
    assert_eq!(row("mine")["extends"], "formal");
    assert_eq!(row("mine")["hides_builtin"], false);
    assert_eq!(row("mine")["problem"], Value::Null);
    assert_eq!(row("formal")["source"], "built-in");
    let problem = row("broken")["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains("layouts/broken/extends")
            && problem.contains("extends unknown layout \"formel\""),
        "{problem}"
    );

    let human = stdout(&dossier(ws.path(), &["layouts"]));
    assert!(
        human
            .lines()
            .any(|l| l.starts_with("broken ") && l.contains("error: layouts/broken/extends")),
        "{human}"
    );
}

#[test]
fn copy_puts_a_layout_into_the_workspace_and_never_overwrites() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let ws = tmp.path();
    std::fs::create_dir(ws.join("profiles")).expect("mkdir");
    // A built-in layout that only restyles: its own files, still extending classic.
    let out = dossier(ws, &["layouts", "copy", "formal", "mine"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files: Vec<String> = std::fs::read_dir(ws.join("layouts/mine"))
        .expect("copied")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["extends", "style.typ"]);
    let listed = stdout(&dossier(ws, &["layouts"]));
    assert!(
        listed.lines().any(|l| l.starts_with("mine ")
            && l.contains("layouts/mine/")
            && l.contains("classic")),
        "{listed}"
    );
    // Never overwriting: a second copy to the same name is refused, the files stay.
    std::fs::write(ws.join("layouts/mine/style.typ"), "#let style = (:)\n").expect("edit");
    let again = dossier(ws, &["layouts", "copy", "formal", "mine"]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("layouts/mine exists already; nothing is overwritten"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read_to_string(ws.join("layouts/mine/style.typ")).expect("read"),
        "#let style = (:)\n"
    );
    // Copying classic under its own name hides the built-in one.
    assert!(
        dossier(ws, &["layouts", "copy", "classic"])
            .status
            .success()
    );
    assert!(ws.join("layouts/classic/cv.typ.j2").is_file());
    assert!(ws.join("layouts/classic/sections.typ.j2").is_file());
    let unknown = dossier(ws, &["layouts", "copy", "clasic", "x"]);
    assert!(
        stderr(&unknown).contains("did you mean \"classic\""),
        "{}",
        stderr(&unknown)
    );
}
