//! The JSON Schemas printed by `dossier schema` accept the example files and
//! reject what the loader rejects.

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
