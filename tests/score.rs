//! `masterplan score` on the real binary: the examples' scores as snapshots, the JSON shape,
//! that the score follows the inputs (an indicator added raises it, outputs removed lower it),
//! the scoring year, `--min`, and bad input.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_tree, repo};

/// The binary with the messages in the project's language, as a user without `--lang` or
/// `MASTERPLAN_LANG` sees them: the score's titles and fixes follow the message language, and
/// these tests read the Indonesian examples' scores in Indonesian. (`--lang` is tested below.)
fn masterplan() -> assert_cmd::Command {
    let mut command = common::masterplan();
    command.env_remove("MASTERPLAN_LANG");
    command
}

/// Run `masterplan score` with `args`; (exit code, stdout, stderr).
fn score(args: &[&str]) -> (i32, String, String) {
    let out = masterplan().arg("score").args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn example(name: &str) -> String {
    repo().join("examples").join(name).display().to_string()
}

fn json(dir: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![dir, "--message-format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = score(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout.lines().count(), 1, "one JSON object: {stdout}");
    serde_json::from_str(&stdout).expect("the score is JSON")
}

#[test]
fn banggai_score_text() {
    let (code, stdout, _) = score(&[&example("banggai"), "--year", "2026"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("banggai_score", stdout);
}

#[test]
fn makassar_score_text() {
    let (code, stdout, stderr) = score(&[&example("makassar"), "--year", "2026"]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "Makassar has no warnings: {stderr}");
    insta::assert_snapshot!("makassar_score", stdout);
}

#[test]
fn the_json_has_the_documented_shape() {
    let docs = fs::read_to_string(repo().join("docs/reference/score.md")).unwrap();
    for name in ["banggai", "makassar"] {
        let v = json(&example(name), &["--year", "2026"]);
        let score = v["score"].as_f64().expect("score is a number");
        assert!((0.0..=100.0).contains(&score));
        let criteria = v["criteria"].as_array().expect("criteria is an array");
        assert_eq!(criteria.len(), 16);
        let mut points = 0.0;
        let mut max = 0;
        for c in criteria {
            let id = c["id"].as_str().unwrap();
            assert!(
                docs.contains(&format!("| `{id}` |")),
                "{id} is documented in score.md"
            );
            assert!(!c["title"].as_str().unwrap().is_empty());
            let p = c["points"].as_f64().unwrap();
            let m = c["max"].as_u64().unwrap();
            let fixes = c["fixes"].as_array().unwrap();
            assert!(p >= 0.0 && p <= m as f64, "{id}");
            // Short of full marks there is a fix; at full marks none.
            assert_eq!(p < m as f64, !fixes.is_empty(), "{id}: {fixes:?}");
            assert!(
                fixes
                    .iter()
                    .all(|f| f.as_str().is_some_and(|f| f.contains(": ")))
            );
            points += p;
            max += m;
        }
        assert_eq!(max, 100);
        assert_eq!(v["max"], 100);
        assert!((points - v["points"].as_f64().unwrap()).abs() < 1e-6);
        assert!(
            (points - score).abs() < 0.051,
            "{name}: {points} vs {score}"
        );
        assert_eq!(v["year"], 2026);
        assert_eq!(v["language"], "id");
    }
    // Banggai: 2023-2025 due; its monitoring/ has 2023 and 2024. Its warnings are counted as
    // `check` counts them.
    let v = json(&example("banggai"), &["--year", "2026"]);
    assert_eq!(v["due_years"], serde_json::json!([2023, 2024, 2025]));
    let check = masterplan()
        .args(["check", &example("banggai"), "--message-format", "json"])
        .output()
        .unwrap();
    let warnings = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains(r#""severity":"warning""#))
        .count();
    assert!(warnings > 0);
    assert_eq!(v["warnings"], warnings);
    let monitoring = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "monitoring")
        .unwrap();
    assert_eq!(
        monitoring["fixes"],
        serde_json::json!(["monitoring/2025.yaml: belum ada; `masterplan monitoring new 2025`"])
    );
}

#[test]
fn json_lists_every_fix_and_text_caps_them() {
    // One pokja of six: 15 elements without a programme, five pokja files missing.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("buton");
    small_project(&dir, PROGRAM_A);
    let dir = dir.display().to_string();
    let v = json(&dir, &["--year", "2026"]);
    let most = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fixes"].as_array().unwrap().len())
        .max()
        .unwrap();
    assert!(most > 5, "a criterion with more than 5 fixes to cap");
    let (_, capped, _) = score(&[&dir, "--year", "2026"]);
    let (_, all, _) = score(&[&dir, "--year", "2026", "--all"]);
    assert!(capped.contains("lainnya\n"));
    assert!(!all.contains("lainnya\n"));
    let fixes = |text: &str| {
        text.lines()
            .filter(|l| l.trim_start().starts_with("- "))
            .count()
    };
    let total: usize = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fixes"].as_array().unwrap().len())
        .sum();
    assert_eq!(fixes(&all), total);
    assert!(fixes(&capped) < total);
}

#[test]
fn the_same_input_gives_the_same_output() {
    let dir = example("banggai");
    let first = score(&[&dir, "--year", "2026"]);
    assert_eq!(first, score(&[&dir, "--year", "2026"]));
    let first = score(&[&dir, "--year", "2026", "--message-format", "json"]);
    assert_eq!(
        first,
        score(&[&dir, "--year", "2026", "--message-format", "json"])
    );
}

#[test]
fn the_scoring_year_comes_from_year_or_source_date_epoch() {
    let dir = example("banggai");
    let (_, with_year, _) = score(&[&dir, "--year", "2026", "--message-format", "json"]);
    // 1795392000 is 2026-11-23.
    let out = masterplan()
        .env("SOURCE_DATE_EPOCH", "1795392000")
        .args(["score", &dir, "--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), with_year);
    // In the first year nothing is due: full monitoring marks.
    let v = json(&dir, &["--year", "2023"]);
    let monitoring = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "monitoring")
        .unwrap()
        .clone();
    assert_eq!(monitoring["points"], 8.0);
    assert_eq!(v["due_years"], serde_json::json!([]));
    // A bad SOURCE_DATE_EPOCH is a usage error, unless --year is given.
    let out = masterplan()
        .env("SOURCE_DATE_EPOCH", "tomorrow")
        .args(["score", &dir])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[E9004]"));
    let out = masterplan()
        .env("SOURCE_DATE_EPOCH", "tomorrow")
        .args(["score", &dir, "--year", "2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// A small project: one pokja with two programmes, written into `dir`.
fn small_project(dir: &Path, programs: &str) {
    fs::create_dir_all(dir.join("pokja")).unwrap();
    fs::write(
        dir.join("masterplan.yaml"),
        "\
region: { name: Buton, type: kabupaten, province: Sulawesi Tenggara, head: La Bakry }
period: { start_year: 2023, years: 5 }
vision: Buton Cerdas
missions: [Layanan publik digital]
opd:
  - { code: DKISP, name: Diskominfo, head: Ridwan }
",
    )
    .unwrap();
    fs::write(
        dir.join("pokja/governance.yaml"),
        format!("dimension: governance\ncoordinator: DKISP\nprograms:\n{programs}"),
    )
    .unwrap();
}

const PROGRAM_A: &str = "  - id: GOV-01
    name: Layanan Aduan
    element: service
    category: application
    lead: DKISP
    start: 2023
    end: 2023
    outputs: [Aplikasi aduan]
    budget: [{ source: apbd, amount: 100000000 }]
";

const PROGRAM_B: &str = "  - id: GOV-02
    name: Satu Data
    element: bureaucracy
    category: application
    lead: DKISP
    start: 2023
    end: 2024
    outputs: [Portal data]
    budget: [{ source: apbd, amount: 200000000 }]
";

const INDICATOR: &str = "    indicators: [{ name: Aduan ditangani, unit: persen, baseline: 0, targets: { 2023: 50 } }]\n";

fn total(dir: &Path) -> f64 {
    json(&dir.display().to_string(), &["--year", "2023"])["score"]
        .as_f64()
        .unwrap()
}

#[test]
fn adding_an_indicator_raises_the_score() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("buton");
    small_project(&dir, &format!("{PROGRAM_A}{PROGRAM_B}"));
    let before = total(&dir);
    let v = json(&dir.display().to_string(), &["--year", "2023"]);
    let indicators = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "indicators")
        .unwrap()
        .clone();
    assert_eq!(indicators["points"], 0.0);
    assert!(
        indicators["fixes"][0]
            .as_str()
            .unwrap()
            .starts_with("pokja/governance.yaml: GOV-01 (Layanan Aduan): tambahkan indikator"),
        "{indicators}"
    );
    small_project(&dir, &format!("{PROGRAM_A}{INDICATOR}{PROGRAM_B}"));
    let after = total(&dir);
    assert!(after > before, "{before} -> {after}");
    // One of two programmes: half the indicator points (4,5 of 9).
    let v = json(&dir.display().to_string(), &["--year", "2023"]);
    let indicators = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "indicators")
        .unwrap()
        .clone();
    assert_eq!(indicators["points"], 4.5);
    assert_eq!(indicators["fixes"].as_array().unwrap().len(), 1);
}

#[test]
fn removing_outputs_lowers_the_score() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, dir) = (&tmp, tmp.path().join("makassar"));
    copy_tree(&repo().join("examples/makassar"), &dir);
    let before = total(&dir);
    let living = dir.join("pokja/living.yaml");
    let text = fs::read_to_string(&living).unwrap();
    // Drop every `outputs:` list of the file (flow `[...]` or block `- ...` form).
    let mut kept = Vec::new();
    let mut skipping: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(at) = skipping {
            if line.trim_start().starts_with("- ") && indent >= at {
                continue;
            }
            skipping = None;
        }
        if line.trim_start().starts_with("outputs:") {
            if line.trim_end().ends_with("outputs:") {
                skipping = Some(indent);
            }
            continue;
        }
        kept.push(line);
    }
    assert_ne!(kept.len(), text.lines().count(), "living.yaml had outputs");
    fs::write(&living, kept.join("\n") + "\n").unwrap();
    let after = total(&dir);
    assert!(after < before, "{before} -> {after}");
    let v = json(&dir.display().to_string(), &["--year", "2023"]);
    let outputs = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "outputs")
        .unwrap()
        .clone();
    let fixes = outputs["fixes"].as_array().unwrap();
    assert!(!fixes.is_empty());
    assert!(
        fixes
            .iter()
            .all(|f| f.as_str().unwrap().starts_with("pokja/living.yaml: LIV-"))
    );
}

#[test]
fn min_makes_it_a_gate() {
    let dir = example("makassar");
    let (code, stdout, stderr) = score(&[&dir, "--year", "2026", "--min", "50"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, stdout, stderr) = score(&[&dir, "--year", "2026", "--min", "99.5"]);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("Skor rancangan"),
        "the score is still printed"
    );
    let percent = json(&dir, &["--year", "2026"])["score"].as_f64().unwrap();
    assert!(percent < 99.5);
    // In the messages' language and number format (the project's: Indonesian).
    let shown = percent.to_string().replace('.', ",");
    assert!(
        stderr.contains(&format!(
            "kesalahan[E9200]: skor {shown} % berada di bawah --min 99,5 %"
        )),
        "{stderr}"
    );
    let (_, _, english) = score(&[&dir, "--year", "2026", "--min", "99.5", "--lang", "en"]);
    assert!(
        english.contains(&format!(
            "error[E9200]: the score {percent} % is below --min 99.5 %"
        )),
        "{english}"
    );
    let out = masterplan()
        .args([
            "score",
            &dir,
            "--year",
            "2026",
            "--min",
            "99.5",
            "--message-format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (v["min"].as_f64(), v["below_min"].as_bool()),
        (Some(99.5), Some(true))
    );
    for bad in ["--min=101", "--min=-1", "--min=lots"] {
        let (code, _, stderr) = score(&[&dir, bad]);
        assert_eq!(code, 2, "--min {bad}");
        assert!(stderr.contains("0 to 100"), "{stderr}");
    }
}

#[test]
fn a_project_with_errors_is_not_scored() {
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("buton");
    small_project(&dir, &PROGRAM_A.replace("lead: DKISP", "lead: DKSIP"));
    let d = dir.display().to_string();
    let (code, stdout, stderr) = score(&[&d, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "no score: {stdout}");
    assert!(stderr.contains("error[E0203]"), "{stderr}");
    assert!(stderr.contains("did you mean `DKISP`?"), "{stderr}");
    let (code, stdout, _) = score(&[&d, "--message-format", "json"]);
    assert_eq!(code, 1);
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v.get("score").is_none(), "diagnostics only: {line}");
        assert!(v["code"].is_string());
    }
    // Warnings do not stop it, unless denied.
    small_project(&dir, PROGRAM_A);
    assert_eq!(score(&[&d, "--year", "2023"]).0, 0);
    let (code, stdout, stderr) = score(&[&d, "--deny-warnings"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("E9100"), "{stderr}");
}

#[test]
fn wrong_usage_exits_2() {
    let (code, _, stderr) = score(&["/nonexistent/masterplan-project"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("[E9002]"), "{stderr}");
    let (code, _, _) = score(&[&example("makassar"), "--year", "1900"]);
    assert_eq!(code, 2);
}

/// The report speaks the language of the messages: `--lang`, else `MASTERPLAN_LANG`, else the
/// project's; the score itself does not change.
#[test]
fn the_report_follows_the_message_language() {
    let dir = example("banggai");
    let (_, id, _) = score(&[&dir, "--year", "2026"]);
    assert!(id.starts_with("Skor rancangan"), "{id}");
    assert!(id.contains("Total") && id.contains("97,3 %"), "{id}");
    let (code, en, _) = score(&[&dir, "--year", "2026", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(en.starts_with("Draft score"), "{en}");
    assert!(
        en.contains("97.3 %") && en.contains("Scored as of 2026"),
        "{en}"
    );
    assert!(!en.contains("Dinilai"), "{en}");
    let out = masterplan()
        .env("MASTERPLAN_LANG", "en")
        .args(["score", &dir, "--year", "2026"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), en);
    let v = json(&dir, &["--year", "2026", "--lang", "en"]);
    assert_eq!(v["language"], "en");
    assert_eq!(v["score"], json(&dir, &["--year", "2026"])["score"]);
}

#[test]
fn an_english_project_is_scored_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("buton");
    small_project(&dir, PROGRAM_A);
    let yaml = dir.join("masterplan.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}language: en\n")).unwrap();
    let (code, stdout, _) = score(&[&dir.display().to_string(), "--year", "2025"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("Draft score Smart City Masterplan of Buton Regency 2023–2027: "),
        "{stdout}"
    );
    assert!(stdout.contains("Programmes with outputs"));
    assert!(
        stdout.contains("monitoring/2024.yaml: missing; `masterplan monitoring new 2024`"),
        "{stdout}"
    );
    assert!(stdout.contains("Scored as of 2025: monitoring due for 2023-2024."));
}

#[test]
fn the_criteria_are_in_the_bundled_reference() {
    let out = masterplan().args(["reference", "score"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# The draft score (`masterplan score`)"));
    assert_eq!(
        text,
        fs::read_to_string(repo().join("docs/reference/score.md")).unwrap()
    );
}

#[test]
fn github_format_annotates_warnings_and_prints_the_score() {
    let (code, stdout, stderr) = score(&[
        &example("banggai"),
        "--year",
        "2026",
        "--message-format",
        "github",
        "-v",
    ]);
    assert_eq!(code, 0);
    let warnings = stdout
        .lines()
        .filter(|l| l.starts_with("::warning "))
        .count();
    assert_eq!(warnings, 5, "{stdout}");
    assert!(stdout.contains("\nSkor rancangan Masterplan Smart City Kabupaten Banggai"));
    assert!(stderr.contains("timing: score "), "{stderr}");
    // -q: no warnings, the score only.
    let (code, stdout, stderr) = score(&[&example("banggai"), "--year", "2026", "-q"]);
    assert_eq!(code, 0);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.starts_with("Skor rancangan"));
}

#[test]
fn a_fresh_scaffold_scores_low_until_its_examples_are_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("buton");
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--region", "Buton", "--type", "kabupaten"])
        .args(["--province", "Sulawesi Tenggara", "--start-year", "2026"])
        .assert()
        .code(0);
    let v = json(&dir.display().to_string(), &["--year", "2026"]);
    assert!(v["score"].as_f64().unwrap() < 20.0, "{}", v["score"]);
    let outputs = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "outputs")
        .unwrap()
        .clone();
    assert_eq!(outputs["points"], 0.0);
    assert!(
        outputs["fixes"].as_array().unwrap().iter().all(|f| f
            .as_str()
            .unwrap()
            .contains("masih contoh dari `masterplan init`")),
        "{outputs}"
    );
}
