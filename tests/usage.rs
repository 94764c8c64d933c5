//! The command line versus its documentation, through the real binary: every code the tool can
//! print is documented, the JSON examples in docs/ are real messages, usage errors in JSON mode
//! have the documented keys in order, and the flags accept what `--help` shows.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

mod common;
use common::{copy_tree, masterplan, repo};

const KEYS: [&str; 8] = [
    "severity", "code", "file", "line", "column", "path", "message", "hint",
];

/// The keys of a JSON line in the order they appear.
fn key_order(line: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let mut keys: Vec<(usize, String)> = v
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (line.find(&format!("\"{k}\":")).unwrap(), k.clone()))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

fn string_literals_with_codes(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            string_literals_with_codes(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            // Test modules may name codes that are not printed; stop at them.
            let text = text.split("#[cfg(test)]").next().unwrap();
            let bytes = text.as_bytes();
            for i in 0..bytes.len().saturating_sub(6) {
                if bytes[i] == b'"'
                    && (bytes[i + 1] == b'E' || bytes[i + 1] == b'W')
                    && bytes[i + 2..i + 6].iter().all(u8::is_ascii_digit)
                    && bytes[i + 6] == b'"'
                {
                    out.insert(text[i + 1..i + 6].to_string());
                }
            }
        }
    }
}

#[test]
fn every_code_the_tool_can_print_is_documented() {
    let mut codes = BTreeSet::new();
    string_literals_with_codes(&repo().join("src"), &mut codes);
    assert!(codes.len() > 40, "{codes:?}");
    let docs = fs::read_to_string(repo().join("docs/reference/diagnostics.md")).unwrap();
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !docs.contains(&format!("**{c} ")) && !docs.contains(&format!("| {c} |")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes printed by src/ but not documented in docs/reference/diagnostics.md: {missing:?}"
    );
}

/// Every JSON line shown in docs/reference/{commands,diagnostics}.md is a line the tool prints
/// for the scenario the docs describe.
#[test]
fn the_json_examples_in_the_docs_are_real_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
    let living = fs::read_to_string(dir.join("pokja/living.yaml")).unwrap();
    fs::write(
        dir.join("pokja/living.yaml"),
        living.replacen("lead: DINKES\n", "lead: DINKESS\n", 1),
    )
    .unwrap();
    let clean = tmp.path().join("clean");
    copy_tree(&repo().join("examples/makassar"), &clean);
    fs::write(tmp.path().join("dist"), "a file").unwrap();

    let mut printed = BTreeSet::new();
    for args in [
        vec!["check", "makassar", "--message-format", "json"],
        vec![
            "generate",
            "clean",
            "--out",
            "dist",
            "--message-format",
            "json",
        ],
    ] {
        let out = masterplan()
            .current_dir(tmp.path())
            .args(&args)
            .output()
            .unwrap();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            assert_eq!(key_order(line), KEYS, "{line}");
            printed.insert(line.to_string());
        }
    }
    let mut shown = 0;
    for doc in [
        "docs/reference/commands.md",
        "docs/reference/diagnostics.md",
    ] {
        let text = fs::read_to_string(repo().join(doc)).unwrap();
        for line in text.lines().filter(|l| l.starts_with("{\"severity\"")) {
            shown += 1;
            assert!(
                printed.contains(line),
                "{doc} shows\n{line}\nbut the tool prints\n{}",
                printed.iter().cloned().collect::<Vec<_>>().join("\n")
            );
        }
    }
    assert!(shown >= 4, "only {shown} JSON examples found");
}

#[test]
fn usage_errors_in_json_mode_have_codes_files_and_the_documented_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-project");
    let cases: Vec<(Vec<String>, &str, bool)> = vec![
        (
            vec!["check".into(), missing.display().to_string()],
            "E9002",
            true,
        ),
        (
            vec!["generate".into(), missing.display().to_string()],
            "E9002",
            true,
        ),
        (
            vec!["generate".into(), "--frobnicate".into()],
            "E9001",
            false,
        ),
        (
            vec!["generate".into(), "--format".into(), "odt".into()],
            "E9001",
            false,
        ),
        (
            vec![
                "generate".into(),
                repo().join("examples/makassar").display().to_string(),
                "--templates".into(),
                missing.display().to_string(),
            ],
            "E9003",
            true,
        ),
    ];
    for (args, code, has_file) in cases {
        let out = masterplan()
            .args(&args)
            .args(["--message-format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let line = stdout
            .lines()
            .next()
            .unwrap_or_else(|| panic!("{args:?}: no JSON"));
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert_eq!(key_order(line), KEYS, "{line}");
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["code"], code, "{line}");
        assert_eq!(v["file"].is_string(), has_file, "{line}");
        if has_file {
            assert_eq!(v["file"], missing.display().to_string());
        }
        assert!(out.stderr.is_empty(), "nothing else: {:?}", out.stderr);
    }
    // Human mode: the code in the message, and clap's own text for argument errors.
    let out = masterplan().arg("check").arg(&missing).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error[E9002]: "), "{stderr}");
}

#[test]
fn format_and_paper_accept_what_help_shows_in_any_spelling() {
    let help = masterplan().args(["generate", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("[default: md,pdf]"), "{help}");

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    for (format, paper) in [("md pdf", "A4"), ("MD,PDF", "F4"), ("pdf, md", "Letter")] {
        let out = tmp.path().join(paper);
        masterplan()
            .arg("generate")
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .args(["--format", format, "--paper", paper])
            .assert()
            .code(0);
        assert!(out.join("masterplan.md").is_file(), "{format}");
        let pdf = lopdf::Document::load(out.join("masterplan.pdf")).unwrap();
        assert!(pdf.get_pages().len() > 5, "{format}");
    }
    let bad = masterplan()
        .args(["generate", "--format", "md,pfd"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean `pdf`?"));
}

#[test]
fn templates_help_has_examples() {
    for args in [
        vec!["templates", "--help"],
        vec!["templates", "list", "--help"],
        vec!["templates", "export", "--help"],
    ] {
        let out = masterplan().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Example"), "{args:?}: {text}");
        assert!(text.contains("masterplan templates "), "{args:?}: {text}");
    }
}

/// Days since 1970-01-01 to (year, month, day).
fn civil(secs: i64) -> (i32, u32, u32) {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

#[test]
fn a_draft_without_source_date_epoch_is_dated_today() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64
    };
    let before = civil(now());
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--draft", "--format", "md"])
        .assert()
        .code(0);
    let after = civil(now());
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    let dated = [before, after].iter().any(|&(year, month, day)| {
        let date = masterplan::render::format::date(
            masterplan::render::Date { year, month, day },
            masterplan::model::Language::Id,
        );
        md.contains(&format!("date: {date}\n"))
    });
    assert!(
        dated,
        "no date of today in the draft: {}",
        &md[..400.min(md.len())]
    );

    // A final document carries no date (identical inputs give identical bytes).
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(!md.lines().any(|l| l.starts_with("date:")));
}

#[test]
fn a_template_override_with_no_builtin_name_warns_with_the_nearest_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    fs::create_dir_all(dir.join("templates")).unwrap();
    fs::write(dir.join("templates/Closing.md"), "PENUTUP KAMI\n").unwrap();
    // A partial that an override includes is used, so it is not reported.
    fs::write(dir.join("templates/_tanda-tangan.md"), "TTD\n").unwrap();
    let closing = masterplan::render::builtin_templates()
        .into_iter()
        .find(|(n, _)| *n == "closing.md")
        .unwrap()
        .1;
    fs::write(
        dir.join("templates/closing.md"),
        format!("{closing}\n{{% include \"_tanda-tangan.md\" %}}\n"),
    )
    .unwrap();
    for command in ["check", "generate"] {
        let out = masterplan()
            .arg(command)
            .arg(&dir)
            .args(["--message-format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{command}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let warnings: Vec<serde_json::Value> = stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|v| v["code"] == "W0211")
            .collect();
        assert_eq!(warnings.len(), 1, "{command}: {stdout}");
        assert_eq!(warnings[0]["file"], "templates/Closing.md");
        assert!(
            warnings[0]["hint"]
                .as_str()
                .unwrap()
                .contains("did you mean `closing.md`?")
        );
    }
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(md.contains("TTD") && !md.contains("PENUTUP KAMI"));
}
