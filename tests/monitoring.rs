//! Integration tests of the monitoring files on the real binary: `masterplan monitoring new`
//! (scaffold, check clean, never overwrite, --force, English comments, year outside the
//! period), and `check`/`generate` on projects with broken monitoring files. Each test works
//! on a temp copy of examples/banggai without its monitoring/ folder (so it does not depend on
//! the example's own monitoring files) plus the files it writes.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_tree, masterplan, repo};

use masterplan::model::Status;

/// A temp copy of examples/banggai without monitoring/.
fn banggai() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    copy_tree(&repo().join("examples/banggai"), &dir);
    let _ = fs::remove_dir_all(dir.join("monitoring"));
    (tmp, dir)
}

fn json_diagnostics(dir: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = masterplan()
        .arg("check")
        .arg(dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let ds = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), ds)
}

fn in_monitoring(ds: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    ds.iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.starts_with("monitoring"))
        })
        .collect()
}

fn new(dir: &Path, year: &str) -> assert_cmd::assert::Assert {
    masterplan()
        .args(["monitoring", "new", year])
        .arg(dir)
        .assert()
}

/// Uncomment what an OPD fills in: the programme fields, `date`, `reported_by`, the assessment.
fn uncomment_everything(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let l = if let Some(rest) = line.strip_prefix("    # ") {
            format!("    {rest}")
        } else if let Some(rest) = line.strip_prefix("# ").filter(|r| {
            r.starts_with("date:") || r.starts_with("reported_by:") || r.starts_with("assessment:")
        }) {
            rest.to_string()
        } else if let Some(rest) = line.strip_prefix("#   ").filter(|r| {
            ["baseline:", "output:", "outcome:", "impact:", "quick_win:"]
                .iter()
                .any(|k| r.starts_with(k))
        }) {
            format!("  {rest}")
        } else {
            line.to_string()
        };
        out.push_str(&l);
        out.push('\n');
    }
    out
}

#[test]
fn monitoring_new_writes_every_active_programme_and_checks_clean() {
    let (_tmp, dir) = banggai();
    new(&dir, "2024").success();
    let file = dir.join("monitoring/2024.yaml");
    let text = fs::read_to_string(&file).unwrap();

    // Parsed back: every programme active in 2024, not started, and nothing else.
    let checked = masterplan::check(&dir);
    let project = checked.project.as_ref().unwrap();
    let active: Vec<&str> = project
        .programs()
        .filter(|(_, p)| p.start <= 2024 && 2024 <= p.end)
        .map(|(_, p)| p.id.as_str())
        .collect();
    assert!(active.len() > 5, "{active:?}");
    let m = &project
        .monitoring_of(2024)
        .expect("monitoring/2024.yaml loaded")
        .monitoring;
    let mut reported: Vec<&str> = m.programs.keys().map(String::as_str).collect();
    let mut expected = active.clone();
    reported.sort_unstable();
    expected.sort_unstable();
    assert_eq!(reported, expected);
    assert!(m.programs.values().all(|r| r.status == Status::NotStarted));
    assert_eq!(m.year, 2024);

    // Clean as written: no diagnostic at all about the monitoring file.
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0);
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");

    // The comments say what the plan says for 2024, in Indonesian, Rupiah with dots.
    assert!(text.contains("# GOV-02 Banggai Satu Data"), "{text}");
    assert!(text.contains("OPD pengampu: DKISP (Dinas Komunikasi"));
    assert!(text.contains("Anggaran rencana 2024: apbd Rp283.300.000; apbn Rp400.000.000"));
    assert!(text.contains("Keluaran rencana: Portal Satu Data Banggai"));
    assert!(text.contains("target 2024: 75 persen; baseline 15 persen"));
    // Programmes not active in 2024 are not listed.
    for (_, p) in project.programs() {
        if p.end < 2024 || p.start > 2024 {
            assert!(
                !text.contains(&format!("\n  {}:\n", p.id)),
                "{} listed",
                p.id
            );
        }
    }

    // An OPD that uncomments every line (and fills in nothing) still checks clean.
    fs::write(&file, uncomment_everything(&text)).unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0, "{ds:#?}");
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");
    let checked = masterplan::check(&dir);
    let m = &checked.project.unwrap().monitoring[0].monitoring;
    assert_eq!(m.date.as_deref(), Some("2025-01-31"));
    assert!(m.assessment.is_some());
    let gov02 = &m.programs["GOV-02"];
    assert_eq!(gov02.progress, Some(0.0));
    assert_eq!(gov02.budget.len(), 2);
    assert!(
        gov02
            .indicators
            .contains_key("Dataset sektoral yang terbit dengan metadata")
    );
}

#[test]
fn monitoring_new_never_overwrites_without_force_and_is_deterministic() {
    let (_tmp, dir) = banggai();
    new(&dir, "2023").success();
    let file = dir.join("monitoring/2023.yaml");
    let first = fs::read(&file).unwrap();
    fs::write(&file, "year: 2023\nprograms: {}\n# filled in by hand\n").unwrap();
    let out = new(&dir, "2023").failure().get_output().clone();
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        "year: 2023\nprograms: {}\n# filled in by hand\n"
    );
    masterplan()
        .args(["monitoring", "new", "2023"])
        .arg(&dir)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(
        fs::read(&file).unwrap(),
        first,
        "identical input, identical file"
    );
    // No temp file is left beside it.
    let names: Vec<String> = fs::read_dir(dir.join("monitoring"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["2023.yaml"]);
}

#[test]
fn monitoring_new_in_an_english_project() {
    let (_tmp, dir) = banggai();
    let mp = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    fs::write(
        dir.join("masterplan.yaml"),
        mp.replace("language: id", "language: en"),
    )
    .unwrap();
    new(&dir, "2024").success();
    let text = fs::read_to_string(dir.join("monitoring/2024.yaml")).unwrap();
    assert!(text.contains("Lead OPD: DKISP"), "{text}");
    assert!(text.contains("Planned budget 2024: apbd Rp283,300,000; apbn Rp400,000,000"));
    assert!(text.contains("Each OPD fills in its own programmes"));
    assert!(!text.contains("OPD pengampu"));
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0);
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");
}

#[test]
fn monitoring_new_for_a_year_outside_the_period_is_a_usage_error() {
    let (_tmp, dir) = banggai();
    let out = new(&dir, "2040").code(2).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("2040 is not a year of the masterplan's period (2023-2032)"),
        "{err}"
    );
    assert!(!dir.join("monitoring").exists());
    new(&dir, "2022").code(2);
    // Not a number at all: clap's usage error.
    new(&dir, "duaribu").code(2);
}

#[test]
fn monitoring_new_refuses_a_project_with_errors() {
    let (_tmp, dir) = banggai();
    let p = dir.join("pokja/economy.yaml");
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, text.replacen("lead: ", "lead: NOPE", 1)).unwrap();
    new(&dir, "2024").code(1);
    assert!(!dir.join("monitoring/2024.yaml").exists());
}

#[test]
fn broken_monitoring_files_fail_check_and_generate_writes_nothing() {
    let (_tmp, dir) = banggai();
    fs::create_dir_all(dir.join("monitoring")).unwrap();
    fs::write(
        dir.join("monitoring/2023.yaml"),
        "year: 2023\nprograms:\n  ECO-01: { status: selesai }\n  ECO-99: { status: done }\n  ECO-02: { status: done, progress: 120 }\n",
    )
    .unwrap();
    fs::write(
        dir.join("monitoring/2024.yaml"),
        "year: 2024\nprograms:\n  ECO-02:\n    status: on_track\n    budget:\n      - { source: apbd, amount: -1 }\n",
    )
    .unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 1);
    let errors: Vec<(&str, &str, &str)> = ds
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["path"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("E0013", "monitoring/2023.yaml", "programs.ECO-01.status"),
            ("E0306", "monitoring/2023.yaml", "programs.ECO-99"),
            ("E0309", "monitoring/2023.yaml", "programs.ECO-02.progress"),
            (
                "E0308",
                "monitoring/2024.yaml",
                "programs.ECO-02.budget[0].amount"
            ),
        ]
    );
    // Every error is located.
    assert!(
        ds.iter()
            .filter(|d| d["severity"] == "error")
            .all(|d| d["line"].is_u64() && d["column"].is_u64())
    );

    let out_dir = dir.join("build");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(1);
    assert!(!out_dir.exists(), "generate wrote outputs despite errors");
}

#[test]
fn a_project_with_valid_monitoring_files_still_generates() {
    let (_tmp, dir) = banggai();
    new(&dir, "2023").success();
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .success();
    assert!(dir.join("build/masterplan.md").is_file());
}

#[test]
fn a_programme_done_in_an_earlier_year_stays_done_in_the_next_scaffold() {
    let (_tmp, dir) = banggai();
    new(&dir, "2023").success();
    let f2023 = dir.join("monitoring/2023.yaml");
    let text = fs::read_to_string(&f2023).unwrap();
    // GOV-02 (2023-2025) finished early, in its first year.
    let text = text.replacen(
        "  GOV-02:\n    status: not_started\n",
        "  GOV-02:\n    status: done\n",
        1,
    );
    assert!(text.contains("  GOV-02:\n    status: done\n"));
    fs::write(&f2023, text).unwrap();

    new(&dir, "2024").success();
    let f2024 = dir.join("monitoring/2024.yaml");
    let text = fs::read_to_string(&f2024).unwrap();
    assert!(
        text.contains("  GOV-02:\n    status: done  # menurut laporan tahun 2023\n"),
        "{text}"
    );
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0);
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");

    // Left out of 2024, it is not "unreported" (it was done); set back to not_started, W0311.
    let without = text.replacen(
        "  GOV-02:\n    status: done  # menurut laporan tahun 2023\n",
        "",
        1,
    );
    assert_ne!(without, text);
    fs::write(&f2024, without).unwrap();
    let (_, ds) = json_diagnostics(&dir);
    assert!(
        !ds.iter()
            .any(|d| d["code"] == "W0303" && d["message"].as_str().unwrap().contains("GOV-02")),
        "{ds:#?}"
    );
    fs::write(
        &f2024,
        text.replace(
            "status: done  # menurut laporan tahun 2023",
            "status: not_started",
        ),
    )
    .unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0);
    let w: Vec<_> = in_monitoring(&ds);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0]["code"], "W0311");
    assert_eq!(w[0]["path"], "programs.GOV-02.status");
}

#[test]
fn the_scaffold_stays_valid_yaml_whatever_the_names_hold() {
    let (_tmp, dir) = banggai();
    let p = dir.join("pokja/economy.yaml");
    let text = fs::read_to_string(&p).unwrap();
    let nasty_indicator = "UMKM: terdaftar # di \"galeri\" \\ 100%";
    let text = text
        .replacen(
            "    name: Galeri UKM Online\n",
            "    name: \"Galeri\\nUKM: Online #1 \\u2028 ---\"\n",
            1,
        )
        .replacen(
            "      - name: UMKM terdaftar di galeri\n        unit: UMKM\n",
            "      - name: \"UMKM: terdaftar # di \\\"galeri\\\" \\\\ 100%\"\n        unit: \"UMKM\\n# baris\"\n",
            1,
        );
    fs::write(&p, &text).unwrap();
    let checked = masterplan::check(&dir);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    let names: Vec<String> = checked
        .project
        .as_ref()
        .unwrap()
        .programs()
        .flat_map(|(_, p)| p.indicators.iter().map(|i| i.name.clone()))
        .collect();
    assert!(names.iter().any(|n| n == nasty_indicator), "{names:?}");

    new(&dir, "2023").success();
    let file = dir.join("monitoring/2023.yaml");
    let scaffold = fs::read_to_string(&file).unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0);
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");
    fs::write(&file, uncomment_everything(&scaffold)).unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 0, "{ds:#?}");
    assert!(in_monitoring(&ds).is_empty(), "{ds:#?}");
    let checked = masterplan::check(&dir);
    let m = &checked.project.unwrap().monitoring[0].monitoring;
    assert!(
        m.programs["ECO-01"]
            .indicators
            .contains_key(nasty_indicator)
    );
}

#[cfg(unix)]
#[test]
fn evidence_links_leading_out_of_the_project_are_errors() {
    let (tmp, dir) = banggai();
    fs::write(tmp.path().join("outside.pdf"), "x").unwrap();
    fs::create_dir_all(dir.join("monitoring/bukti")).unwrap();
    fs::write(dir.join("monitoring/bukti/ada.pdf"), "x").unwrap();
    std::os::unix::fs::symlink(
        tmp.path().join("outside.pdf"),
        dir.join("monitoring/bukti/link.pdf"),
    )
    .unwrap();
    fs::write(
        dir.join("monitoring/2023.yaml"),
        "year: 2023\nprograms:\n  ECO-01:\n    status: done\n    evidence: [monitoring/bukti/ada.pdf, monitoring/bukti/link.pdf, https://x.go.id/a]\n",
    )
    .unwrap();
    let (code, ds) = json_diagnostics(&dir);
    assert_eq!(code, 1);
    let e: Vec<_> = ds.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0]["code"], "E0311");
    assert_eq!(e[0]["path"], "programs.ECO-01.evidence[1]");
    assert!(!ds.iter().any(|d| d["code"] == "W0306"), "{ds:#?}");
}

/// Every code the monitoring rules emit is documented in docs/reference/diagnostics.md, and
/// lies in the ranges given to them (E0120-E0129, E0301-E0349, W0301-W0349).
#[test]
fn every_monitoring_code_is_documented_and_in_range() {
    let docs = fs::read_to_string(repo().join("docs/reference/diagnostics.md")).unwrap();
    let mut codes = Vec::new();
    for entry in fs::read_dir(repo().join("src/monitoring")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        // Every `"E0nnn"` / `"W0nnn"` string literal.
        for (i, _) in text.match_indices('"') {
            let Some(code) = text.get(i + 1..i + 6) else {
                continue;
            };
            if (code.starts_with("E0") || code.starts_with("W0"))
                && code[1..].bytes().all(|b| b.is_ascii_digit())
                && text.get(i + 6..i + 7) == Some("\"")
            {
                codes.push(code.to_string());
            }
        }
    }
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 20, "{codes:?}");
    for code in &codes {
        let n: u32 = code[1..].parse().unwrap();
        let in_range = match &code[..1] {
            "E" => (120..=129).contains(&n) || (301..=349).contains(&n),
            _ => (301..=349).contains(&n),
        };
        // E00xx: the shared reading and parsing codes the loader reuses (or its tests name).
        let shared = code.starts_with("E00");
        assert!(in_range || shared, "{code} outside the monitoring ranges");
        assert!(
            docs.contains(&format!("**{code} — ")),
            "{code} is not documented in docs/reference/diagnostics.md"
        );
    }
}
