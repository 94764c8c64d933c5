//! Diagnostics that lead to the fix, through the real binary: what the message says, where it
//! points and what it quotes (issue 13, items 4-9, 16, 18). The broken inputs that fit the
//! corpus are in tests/corpus; these tests check what the corpus format cannot (the text a
//! planner sees, generate versus check, template overrides).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_tree, masterplan, repo};

/// A copy of the corpus's valid project in a temp folder.
fn valid() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    copy_tree(&repo().join("tests/corpus/_valid"), &root);
    (tmp, root)
}

/// `masterplan check` in human form: (exit code, stderr).
fn check(root: &Path) -> (Option<i32>, String) {
    let out = masterplan().arg("check").arg(root).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `masterplan check --message-format json`: (exit code, one JSON value per diagnostic).
fn check_json(root: &Path) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = masterplan()
        .arg("check")
        .arg(root)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    (out.status.code(), lines)
}

#[test]
fn utf16_and_utf32_files_say_save_as_utf8_and_quote_no_nul_bytes() {
    let (_tmp, root) = valid();
    let file = root.join("pokja/living.yaml");
    let text = fs::read_to_string(&file).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&file, &utf16).unwrap();
    let mut utf32 = vec![0xFF, 0xFE, 0, 0];
    let economy = root.join("pokja/economy.yaml");
    let text = fs::read_to_string(&economy).unwrap();
    utf32.extend(text.chars().flat_map(|c| (c as u32).to_le_bytes()));
    fs::write(&economy, &utf32).unwrap();
    let (code, stderr) = check(&root);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("pokja/living.yaml is saved as UTF-16 (little-endian), not UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("pokja/economy.yaml is saved as UTF-32 (little-endian), not UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("save the file as UTF-8"), "{stderr}");
    assert!(!stderr.contains('\0'), "a NUL byte quoted: {stderr:?}");
}

#[test]
fn a_tab_in_the_indentation_is_reported_at_the_tab() {
    let (_tmp, root) = valid();
    let file = root.join("pokja/living.yaml");
    let text = fs::read_to_string(&file).unwrap();
    // Line 8 (`element: ...`), indented with two spaces and a tab.
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[7] = format!("  \t{}", lines[7].trim_start());
    fs::write(&file, lines.join("\n") + "\n").unwrap();
    let (code, diags) = check_json(&root);
    assert_eq!(code, Some(1));
    let d = diags
        .iter()
        .find(|d| d["code"] == "E0001")
        .expect("a syntax error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(8), Some(3)),
        "{d}"
    );
    assert!(
        d["hint"].as_str().unwrap().contains("indent with spaces"),
        "{d}"
    );
}
