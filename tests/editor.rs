//! The editor loop as a new user meets it: scripts/editor-check.py drives yaml-language-server
//! (the engine of VS Code's YAML extension) over LSP on a freshly `init`ed project: field names
//! and OPD codes completed, a misspelt key underlined, hover in Bahasa Indonesia. Runs when
//! python3 and yaml-language-server (node) are installed; skipped, saying so, otherwise (CI has
//! no node).

mod common;

use std::process::Command;

fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

#[test]
fn yaml_language_server_completes_and_underlines_a_fresh_project() {
    for program in ["python3", "yaml-language-server"] {
        if !installed(program) {
            eprintln!(
                "skipped: {program} is not installed (npm i -g yaml-language-server to run this test)"
            );
            return;
        }
    }
    let out = Command::new("python3")
        .arg(common::repo().join("scripts/editor-check.py"))
        .args(["--masterplan", env!("CARGO_BIN_EXE_masterplan")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("all editor checks passed"), "{stdout}");
}
