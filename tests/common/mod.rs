//! Helpers shared by the integration tests that run the real binary on copies of projects.
//! (Each test crate uses a different subset, hence the `dead_code` allowance.)
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `masterplan` binary, without SOURCE_DATE_EPOCH and colours from the environment, and
/// with English messages (`MASTERPLAN_LANG=en`: the tests assert English texts; tests/lang.rs
/// passes `--lang` or sets the variable itself).
pub fn masterplan() -> Command {
    let mut cmd = Command::cargo_bin("masterplan").expect("binary builds");
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .env("MASTERPLAN_LANG", "en");
    cmd
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy a folder tree (an example) into a temp folder, leaving out build outputs.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "build" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub mod words;
