//! The JSON Schemas printed by `dossier schema` accept the example files and
//! reject what the loader rejects; the copies committed in `schemas/` are
//! what `dossier schema --write` writes, and every example file names its
//! schema in its first line.

mod common;

use std::path::PathBuf;

use dossier::args::SchemaKind;
use dossier::cmd::schema::schema;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).expect("YAML")
}

fn errors(kind: SchemaKind, doc: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema(kind)).expect("a valid schema");
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn example_files_are_valid() {
    let profile = std::fs::read_to_string(repo().join("profiles/mari.yaml")).expect("read");
    assert_eq!(
        errors(SchemaKind::Profile, &yaml(&profile)),
        Vec::<String>::new()
    );
    for e in std::fs::read_dir(repo().join("profiles/mari")).expect("dir") {
        let path = e.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            errors(SchemaKind::Tailoring, &yaml(&text)),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn unknown_keys_wrong_values_and_missing_keys_are_invalid() {
    let bad = [
        "language: et\nposting: {organization: O, position: P}\ncv: {hedline: x}\n",
        "language: de\nposting: {organization: O, position: P}\n",
        "language: et\nposting: {organization: O}\n",
        "language: et\nposting: {organization: O, position: P}\nstatus: maybe\n",
        "language: et\nposting: {organization: O, position: P, deadline: 2014-13}\n",
        "language: et\nposting: {organization: {de: O}, position: P}\n",
    ];
    for doc in bad {
        assert!(
            !errors(SchemaKind::Tailoring, &yaml(doc)).is_empty(),
            "accepted:\n{doc}"
        );
    }
    let profile = "name: X\nlanguages: [{id: et, name: Eesti, level: D1}]\n";
    assert!(!errors(SchemaKind::Profile, &yaml(profile)).is_empty());
}

#[test]
fn the_command_prints_the_schema() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["schema", "profile"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["additionalProperties"], false);
    assert!(v["properties"]["experience"].is_object());
    assert!(v["title"].as_str().unwrap_or("").contains("profile"));
}

#[test]
fn committed_schemas_are_what_schema_write_writes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("profiles")).expect("mkdir");
    let out = common::dossier(tmp.path(), &["schema", "--write"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        common::stderr(&out),
        "wrote schemas/profile.schema.json\nwrote schemas/tailoring.schema.json\n"
    );
    let names = |dir: PathBuf| {
        let mut n: Vec<String> = std::fs::read_dir(dir)
            .expect("schemas/")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(
        names(tmp.path().join("schemas")),
        names(repo().join("schemas"))
    );
    for name in names(tmp.path().join("schemas")) {
        let written =
            std::fs::read_to_string(tmp.path().join("schemas").join(&name)).expect("read");
        let committed = std::fs::read_to_string(repo().join("schemas").join(&name)).expect("read");
        assert!(
            written == committed,
            "schemas/{name} is out of date: run `dossier schema --write` and commit it"
        );
    }
    // The same as printed, and not rewritten when unchanged.
    let printed = common::dossier(tmp.path(), &["schema", "tailoring"]);
    assert_eq!(
        printed.stdout,
        std::fs::read(tmp.path().join("schemas/tailoring.schema.json")).expect("read")
    );
    let again = common::dossier(tmp.path(), &["schema", "--write"]);
    assert!(again.status.success());
    assert_eq!(
        common::stderr(&again),
        "schemas/profile.schema.json is up to date\nschemas/tailoring.schema.json is up to date\n"
    );
}

#[test]
fn example_files_name_their_schema_in_the_first_line() {
    common::assert_names_schema(&repo().join("profiles/mari.yaml"), &repo(), "profile");
    let mut n = 0;
    for e in std::fs::read_dir(repo().join("profiles/mari")).expect("dir") {
        let path = e.expect("entry").path();
        common::assert_names_schema(&path, &repo(), "tailoring");
        n += 1;
    }
    assert!(n >= 4);
}

#[test]
fn schema_takes_a_kind_or_write_but_not_both() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("profiles")).expect("mkdir");
    for args in [&["schema"][..], &["schema", "profile", "--write"]] {
        let out = common::dossier(tmp.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(!tmp.path().join("schemas").exists());
}
