//! CI formats and verbosity on the real binary: `--message-format github`, `--deny-warnings`,
//! `-q/--quiet`, `-v/--verbose`, and `check`'s "ok" line.

mod common;

use std::fs;
use std::path::Path;

use common::{copy_tree, masterplan, repo};

/// A copy of the Banggai example in `parent/b` without its monitoring files (they carry
/// deliberate warnings), with one error (a misspelt lead) and one warning (a missing pokja file)
/// when `broken`.
fn banggai(parent: &Path, broken: bool) -> std::path::PathBuf {
    let dir = parent.join("b");
    copy_tree(&repo().join("examples/banggai"), &dir);
    let _ = fs::remove_dir_all(dir.join("monitoring"));
    if broken {
        fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
        let living = dir.join("pokja/living.yaml");
        let text = fs::read_to_string(&living).unwrap();
        fs::write(&living, text.replacen("lead: DINKES", "lead: DINKESS", 1)).unwrap();
    }
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn github_format_golden() {
    let tmp = tempfile::tempdir().unwrap();
    banggai(tmp.path(), true);
    let out = masterplan()
        .current_dir(tmp.path())
        .args(["check", "b", "--message-format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let expected = "\
::warning file=b/pokja/branding.yaml,title=W0201::pokja/branding.yaml is missing; the document will say the dimension has no programmes yet%0Ahelp: ask the branding pokja for its file, or scaffold it with `masterplan init b --pokja branding`
::error file=b/pokja/living.yaml,line=45,col=11,title=E0203::unknown OPD code `DINKESS` (lead) at programs[0].lead%0Ahelp: did you mean `DINKES`?
";
    assert_eq!(text(&out.stdout), expected);
    // Every stdout line is a workflow command; the summary goes to stderr.
    assert_eq!(text(&out.stderr), "1 error, 1 warning\n");
    // With the project folder given as `./b/` the files are the same.
    let again = masterplan()
        .current_dir(tmp.path())
        .args(["check", "./b/", "--message-format=github"])
        .output()
        .unwrap();
    let files = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(files(&text(&again.stdout)), files(expected));
}

#[test]
fn github_format_for_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let out = masterplan()
        .current_dir(tmp.path())
        .args(["generate", "missing", "--message-format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stdout),
        "::error file=missing,title=E9002::the project folder missing does not exist%0Ahelp: name the folder that holds masterplan.yaml, or create one with `masterplan init DIR`\n"
    );
    let out = masterplan()
        .args(["check", "--bogus", "--message-format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("::error title=E9001::unexpected argument '--bogus' found"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn deny_warnings_fails_on_warnings_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = banggai(tmp.path(), false);
    fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
    masterplan().arg("check").arg(&dir).assert().code(0);
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--deny-warnings", "--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["code"], "W0201");
    assert_eq!(lines[1]["code"], "E9100");
    assert_eq!(lines[1]["severity"], "error");

    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--deny-warnings", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error[E9100]: 1 warning denied by --deny-warnings"),
        "{stderr}"
    );
    assert!(!dir.join("build").exists());
    // Without warnings the flag changes nothing.
    let clean = banggai(&tmp.path().join("clean"), false);
    masterplan()
        .arg("generate")
        .arg(&clean)
        .args(["--deny-warnings", "--format", "md"])
        .assert()
        .code(0);
    assert!(clean.join("build/masterplan.md").is_file());
}

#[test]
fn check_says_ok_on_a_clean_project_and_quiet_silences_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = banggai(tmp.path(), false);
    let out = masterplan().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "ok: 6 pokja files, 31 programmes, 0 errors, 0 warnings\n"
    );
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    // With a warning: the warning, then the ok line counting it.
    fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
    let out = masterplan().arg("check").arg(&dir).output().unwrap();
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("warning[W0201]"), "{stderr}");
    assert!(
        stderr.ends_with("\nok: 5 pokja files, 27 programmes, 0 errors, 1 warning\n"),
        "{stderr}"
    );
    // Quiet: errors only.
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .arg("--quiet")
        .output()
        .unwrap();
    assert_eq!(text(&out.stderr), "");
    let broken = banggai(&tmp.path().join("broken"), true);
    let out = masterplan()
        .arg("check")
        .arg(&broken)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error[E0203]"), "{stderr}");
    assert!(!stderr.contains("W0201"), "{stderr}");
    assert!(stderr.ends_with("\n1 error\n"), "{stderr}");
}

#[test]
fn quiet_generate_prints_nothing_and_verbose_times_every_stage() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = banggai(tmp.path(), false);
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["-q", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    assert!(dir.join("build/masterplan.md").is_file());

    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("-v")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    let stages: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("timing: "))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        stages,
        [
            "load", "validate", "plan", "render", "typeset", "write", "total"
        ]
    );
    for line in stderr.lines().filter(|l| l.starts_with("timing: ")) {
        let ms: f64 = line.split_whitespace().nth(2).unwrap().parse().unwrap();
        assert!(ms >= 0.0 && line.ends_with(" ms"), "{line}");
    }
    assert!(stderr.contains("wrote "), "{stderr}");
    // -q and -v together are refused as wrong usage.
    masterplan()
        .arg("check")
        .arg(&dir)
        .args(["-q", "-v"])
        .assert()
        .code(2);
}
