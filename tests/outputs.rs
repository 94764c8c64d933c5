//! The output folder through the real binary: one consistent generation, all or nothing, the
//! clobber rule per file on every run, never among or over the inputs.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_tree, masterplan, repo};

fn example(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_tree(&repo().join("examples").join(name), &dir);
    (tmp, dir)
}

/// Every file and folder below `dir` (relative name -> bytes; folders map to `None`).
fn tree(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for entry in rd.flatten() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if entry.file_type().unwrap().is_dir() {
                out.insert(rel, None);
                stack.push(entry.path());
            } else {
                out.insert(rel, Some(fs::read(entry.path()).unwrap()));
            }
        }
    }
    out
}

fn names(dir: &Path) -> Vec<String> {
    tree(dir).into_keys().collect()
}

/// The one JSON error line of a failed run.
fn json_error(stdout: &[u8]) -> serde_json::Value {
    let text = String::from_utf8_lossy(stdout);
    let line = text
        .lines()
        .find(|l| l.contains("\"severity\":\"error\""))
        .unwrap_or_else(|| panic!("no error line in {text}"));
    serde_json::from_str(line).unwrap()
}

#[test]
fn stale_outputs_of_an_earlier_run_are_removed_and_user_files_kept() {
    let (_tmp, dir) = example("makassar");
    let build = dir.join("build");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--split-books")
        .assert()
        .code(0);
    assert_eq!(
        names(&build).iter().filter(|n| n.ends_with(".pdf")).count(),
        5
    );
    fs::write(build.join("notes.txt"), "the pokja's own notes\n").unwrap();

    // Rename a programme, then generate only the Markdown of the whole document.
    let path = dir.join("pokja/economy.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("Lorong UMKM Go Digital", "Lorong UMKM Naik Kelas", 1),
    )
    .unwrap();
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("removed") && stderr.contains("masterplan.pdf"),
        "{stderr}"
    );
    assert_eq!(
        names(&build),
        vec![".masterplan-output", "masterplan.md", "notes.txt"],
        "one consistent generation, and the user's file"
    );
    let md = fs::read_to_string(build.join("masterplan.md")).unwrap();
    assert!(md.contains("Lorong UMKM Naik Kelas"));
    assert_eq!(
        fs::read_to_string(build.join("notes.txt")).unwrap(),
        "the pokja's own notes\n"
    );
    let marker = fs::read_to_string(build.join(".masterplan-output")).unwrap();
    assert!(marker.contains("[generate]\nmasterplan.md\n"), "{marker}");
    assert!(!marker.contains("notes.txt"));
}

#[test]
fn a_user_file_in_out_is_never_replaced_even_once_the_marker_exists() {
    let (tmp, dir) = example("banggai");
    let out = tmp.path().join("dist");
    // First run: PDF only, so the logo is not copied; the folder now has the marker.
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--format", "pdf"])
        .assert()
        .code(0);
    fs::write(out.join("logo.png"), "the user's own logo").unwrap();
    let before = tree(&out);
    let run = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,pdf", "--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let e = json_error(&run.stdout);
    assert_eq!(e["code"], "E9011");
    assert_eq!(e["file"], out.join("logo.png").display().to_string());
    assert_eq!(before, tree(&out), "nothing changed");
    // --force replaces it, and from then on it is masterplan's.
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,pdf", "--force"])
        .assert()
        .code(0);
    assert_eq!(
        fs::read(out.join("logo.png")).unwrap(),
        fs::read(dir.join("logo.png")).unwrap()
    );
}

#[test]
fn out_naming_a_file_or_a_folder_among_the_inputs_is_refused() {
    let (tmp, dir) = example("makassar");
    let file = tmp.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let run = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&file)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let e = json_error(&run.stdout);
    assert_eq!(e["code"], "E9010");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("--out must be a folder")
    );
    assert_eq!(e["file"], file.display().to_string());

    let pokja_before = tree(&dir.join("pokja"));
    for inside in ["pokja", "pokja/out", "templates/x"] {
        fs::create_dir_all(dir.join("templates")).unwrap();
        let run = masterplan()
            .arg("generate")
            .arg(&dir)
            .arg("--out")
            .arg(dir.join(inside))
            .args(["--message-format", "json"])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{inside}");
        assert_eq!(json_error(&run.stdout)["code"], "E9012", "{inside}");
    }
    assert_eq!(
        pokja_before,
        tree(&dir.join("pokja")),
        "no output among the inputs"
    );
    masterplan().arg("check").arg(&dir).assert().code(0);
}

#[test]
fn a_logo_named_like_an_output_or_an_input_as_a_target_is_refused() {
    let (_tmp, dir) = example("banggai");
    masterplan().arg("generate").arg(&dir).assert().code(0);
    let before = tree(&dir.join("build"));

    // A logo named like an output.
    fs::copy(dir.join("logo.png"), dir.join("masterplan.pdf")).unwrap();
    let yaml = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    fs::write(
        dir.join("masterplan.yaml"),
        yaml.replacen("logo: logo.png", "logo: masterplan.pdf", 1),
    )
    .unwrap();
    let run = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_ne!(run.status.code(), Some(0));
    assert_eq!(json_error(&run.stdout)["code"], "E9013");
    assert_eq!(before, tree(&dir.join("build")), "build/ untouched");
    fs::write(dir.join("masterplan.yaml"), &yaml).unwrap();

    // --out the project folder itself: the copied logo would replace the input logo.
    let logo = fs::read(dir.join("logo.png")).unwrap();
    let run = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&dir)
        .args(["--format", "md", "--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let e = json_error(&run.stdout);
    assert_eq!(e["code"], "E9012");
    assert_eq!(e["file"], dir.join("logo.png").display().to_string());
    assert_eq!(logo, fs::read(dir.join("logo.png")).unwrap());
    assert!(!dir.join("masterplan.md").exists());
}

#[test]
fn a_target_that_is_a_folder_fails_before_anything_changes() {
    let (_tmp, dir) = example("makassar");
    let build = dir.join("build");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    fs::create_dir_all(build.join("masterplan.pdf")).unwrap();
    let before = tree(&build);
    let run = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let e = json_error(&run.stdout);
    assert_eq!(e["code"], "E9011");
    assert_eq!(
        e["file"],
        build.join("masterplan.pdf").display().to_string()
    );
    assert_eq!(before, tree(&build));
}

/// A write that fails half-way (here: the file-size limit, as a full disk would) leaves the
/// earlier generation exactly as it was, no temporary file behind, and names the file.
#[cfg(unix)]
#[test]
fn a_write_failing_half_way_changes_nothing_and_leaves_no_temp_files() {
    let (_tmp, dir) = example("makassar");
    let build = dir.join("build");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let before = tree(&build);
    let md_len = fs::metadata(build.join("masterplan.md")).unwrap().len();
    // Limit files to a little more than the Markdown: the PDFs do not fit.
    let blocks = md_len / 512 + 8;
    let bin = assert_cmd::cargo::cargo_bin("masterplan");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" generate \"$1\" --split-books --message-format json"
        ))
        .arg(&bin)
        .arg(&dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(3), "{run:?}");
    let e = json_error(&run.stdout);
    assert_eq!(e["code"], "E9014");
    let file = e["file"].as_str().unwrap();
    assert!(file.ends_with(".pdf"), "the file that failed: {file}");
    assert_eq!(before, tree(&build), "the earlier generation is untouched");

    // Into a new folder: the folders made for it are removed again.
    let fresh = dir.parent().unwrap().join("new/deep/out");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" generate \"$1\" --out \"$2\" --message-format json"
        ))
        .arg(&bin)
        .arg(&dir)
        .arg(&fresh)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(3), "{run:?}");
    assert!(
        !dir.parent().unwrap().join("new").exists(),
        "no folder left behind"
    );

    // The rerun without the limit works.
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--split-books")
        .assert()
        .code(0);
    assert!(build.join("buku-4-road-map.pdf").is_file());
    assert!(
        !names(&build)
            .iter()
            .any(|n| n.contains("staging") || n.ends_with(".tmp")),
        "{:?}",
        names(&build)
    );
}
