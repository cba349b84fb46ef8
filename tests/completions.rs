//! `dossier completions SHELL` prints a completion script that knows the
//! commands.

mod common;

use std::process::Command;

use common::*;

#[test]
fn completion_scripts_name_the_program_and_its_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Command::new(BIN)
            .args(["completions", shell])
            .output()
            .expect("run dossier");
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.len() > 500, "{shell}: too short:\n{script}");
        for word in ["dossier", "build", "check", "completions", "message-format"] {
            assert!(script.contains(word), "{shell}: no `{word}` in\n{script}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let out = Command::new(BIN)
        .args(["completions", "cmd.exe"])
        .output()
        .expect("run dossier");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bash"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}
