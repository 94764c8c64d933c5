//! `masterplan completions SHELL` and `masterplan man`, on the real binary: the scripts are
//! produced and parse, the pages render with groff, and `man --out` never overwrites a file it
//! did not write.

mod common;

use std::fs;
use std::process::Command as Process;

use common::masterplan;

fn has(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn completion(shell: &str) -> String {
    let out = masterplan().args(["completions", shell]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{shell}");
    assert!(out.stderr.is_empty());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completion_scripts_name_every_command_and_parse() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = completion(shell);
        for word in [
            "generate",
            "watch",
            "score",
            "monitoring",
            "message-format",
            "github",
            "deny-warnings",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
        // Identical runs give identical scripts.
        assert_eq!(script, completion(shell));
    }
    let tmp = tempfile::tempdir().unwrap();
    for (shell, check) in [("bash", "bash"), ("zsh", "zsh"), ("fish", "fish")] {
        if shell != "bash" && !has(check) {
            continue;
        }
        let file = tmp.path().join(format!("masterplan.{shell}"));
        fs::write(&file, completion(shell)).unwrap();
        let flag = if shell == "fish" {
            "--no-execute"
        } else {
            "-n"
        };
        let out = Process::new(check).arg(flag).arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "{shell} -n: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Sourcing the bash script registers the completion function.
    let out = Process::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p masterplan",
            tmp.path().join("masterplan.bash").display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("masterplan"));
    masterplan().args(["completions", "tcsh"]).assert().code(2);
}

const PAGES: [&str; 19] = [
    "masterplan-check.1",
    "masterplan-completions.1",
    "masterplan-evaluate.1",
    "masterplan-generate.1",
    "masterplan-init.1",
    "masterplan-man.1",
    "masterplan-monitoring-new.1",
    "masterplan-monitoring.1",
    "masterplan-reference.1",
    "masterplan-schema.1",
    "masterplan-score.1",
    "masterplan-templates-export.1",
    "masterplan-templates-list.1",
    "masterplan-templates.1",
    "masterplan-watch.1",
    "masterplan-worksheet-export.1",
    "masterplan-worksheet-import.1",
    "masterplan-worksheet.1",
    "masterplan.1",
];

/// Render a page with groff, warnings on; the text it shows.
fn groff(page: &std::path::Path) -> String {
    let out = Process::new("groff")
        .args(["-man", "-T", "utf8", "-ww", "-P", "-cbou"])
        .arg(page)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", page.display());
    assert!(
        out.stderr.is_empty(),
        "{}: {}",
        page.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn man_writes_one_page_per_command_and_only_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("man1");
    let out = masterplan()
        .arg("man")
        .arg("--out")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("wrote 19 manual pages to "));
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".1"))
        .collect();
    names.sort();
    assert_eq!(names, PAGES);
    for name in PAGES {
        let page = dir.join(name);
        let roff = fs::read_to_string(&page).unwrap();
        let stem = name.strip_suffix(".1").unwrap();
        assert!(roff.contains(&format!(".TH {stem} 1")), "{name}");
        if has("groff") {
            let shown = groff(&page);
            assert!(shown.contains("NAME"), "{name}: {shown}");
            assert!(shown.contains(stem), "{name}");
        }
    }
    let check = fs::read_to_string(dir.join("masterplan-check.1")).unwrap();
    assert!(check.contains("github"));
    assert!(check.contains("deny\\-warnings"));

    // Again: its own pages are replaced, byte for byte the same.
    let before = fs::read(dir.join("masterplan.1")).unwrap();
    masterplan()
        .arg("man")
        .arg("--out")
        .arg(&dir)
        .assert()
        .code(0);
    assert_eq!(fs::read(dir.join("masterplan.1")).unwrap(), before);

    // A page masterplan did not write is not overwritten, and nothing is written.
    let other = tmp.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("masterplan-check.1"), "mine").unwrap();
    let out = masterplan()
        .arg("man")
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[E9011]"));
    assert_eq!(
        fs::read_to_string(other.join("masterplan-check.1")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_dir(&other).unwrap().count(), 1);
    masterplan()
        .arg("man")
        .arg("--out")
        .arg(&other)
        .arg("--force")
        .assert()
        .code(0);
    assert_ne!(
        fs::read_to_string(other.join("masterplan-check.1")).unwrap(),
        "mine"
    );
}

#[test]
fn man_prints_one_page_to_stdout() {
    let out = masterplan()
        .args(["man", "templates", "export"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH masterplan-templates-export 1"), "{page}");
    let out = masterplan().arg("man").output().unwrap();
    let top = String::from_utf8(out.stdout).unwrap();
    assert!(top.contains(".TH masterplan 1"));
    if has("groff") {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("masterplan.1");
        fs::write(&file, &top).unwrap();
        assert!(groff(&file).contains("generate"));
    }
    let out = masterplan().args(["man", "chek"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error[E9102]: `chek` is not a masterplan command"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `check`?"), "{stderr}");
}
