//! `masterplan init` through the real binary: arguments validated with the rules of `check`,
//! the scaffold written all or nothing, and `--pokja KEY` for an existing project.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_tree, masterplan, repo};

const ARGS: [&str; 6] = [
    "--type",
    "kabupaten",
    "--province",
    "Sulawesi Tengah",
    "--start-year",
    "2023",
];

fn init(dir: &Path, region: &str) -> std::process::Output {
    masterplan()
        .arg("init")
        .arg(dir)
        .args(["--region", region])
        .args(ARGS)
        .output()
        .unwrap()
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_region_given_with_its_type_is_shortened_or_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    let out = init(&dir, "Kabupaten Banggai");
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("using the name \"Banggai\""), "{stderr}");
    let yaml = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    assert!(yaml.contains("name: \"Banggai\""), "{yaml}");
    assert!(!yaml.contains("Kabupaten Kabupaten"));
    masterplan().arg("check").arg(&dir).assert().code(0);

    let other = tmp.path().join("other");
    let out = init(&other, "Kota Banggai");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("E9005") && stderr.contains("--type kota"),
        "{stderr}"
    );
    assert!(!other.exists(), "nothing written");
}

#[test]
fn init_arguments_follow_the_rules_of_check() {
    let tmp = tempfile::tempdir().unwrap();
    for region in ["Ban\nggai", "Banggai\u{1b}[31m", "Kabupaten", "  "] {
        let dir = tmp.path().join("p");
        let out = init(&dir, region);
        assert_eq!(out.status.code(), Some(2), "{region:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("E9005"),
            "{region:?}"
        );
        assert!(!dir.exists(), "{region:?}: nothing written");
    }
    // One year range for init and check: 1920 is refused by both.
    let dir = tmp.path().join("old");
    let out = masterplan()
        .arg("init")
        .arg(&dir)
        .args(["--region", "Buton"])
        .args(&ARGS[..4])
        .args(["--start-year", "1920"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1945..=2200"));
    assert!(!dir.exists());
    for year in ["1945", "2200"] {
        let dir = tmp.path().join(year);
        masterplan()
            .arg("init")
            .arg(&dir)
            .args(["--region", "Buton"])
            .args(&ARGS[..4])
            .args(["--start-year", year, "--years", "5"])
            .assert()
            .code(0);
        masterplan().arg("check").arg(&dir).assert().code(0);
    }
}

#[test]
fn a_failed_init_leaves_nothing_and_the_rerun_works() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    fs::create_dir_all(&dir).unwrap();
    // pokja/ cannot be made: a file is in the way. masterplan.yaml would be written first.
    fs::write(dir.join("pokja"), "in the way").unwrap();
    let out = init(&dir, "Buton");
    assert_ne!(out.status.code(), Some(0));
    assert_eq!(
        entries(&dir),
        vec!["pokja"],
        "nothing else written, no schemas either"
    );
    fs::remove_file(dir.join("pokja")).unwrap();
    let out = init(&dir, "Buton");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        entries(&dir),
        vec![".masterplan", "masterplan.yaml", "pokja"]
    );
    assert_eq!(entries(&dir.join("pokja")).len(), 6);
    assert_eq!(
        entries(&dir.join(".masterplan/schema")),
        vec![
            ".masterplan-output",
            "masterplan.schema.json",
            "monitoring.schema.json",
            "pokja.schema.json",
            "taxonomy.schema.json"
        ]
    );
}

fn project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("makassar");
    copy_tree(&repo().join("examples/makassar"), &dir);
    (tmp, dir)
}

#[test]
fn init_pokja_adds_one_missing_file_that_checks_clean() {
    let (_tmp, dir) = project();
    fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
    // The warning for the missing file points at the command.
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let w = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["code"] == "W0201")
        .expect("W0201");
    assert!(
        w["hint"].as_str().unwrap().contains(&format!(
            "masterplan init {} --pokja branding",
            dir.display()
        )),
        "{w}"
    );

    let before = fs::read(dir.join("masterplan.yaml")).unwrap();
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--pokja", "branding"])
        .assert()
        .code(0);
    assert_eq!(before, fs::read(dir.join("masterplan.yaml")).unwrap());
    let text = fs::read_to_string(dir.join("pokja/branding.yaml")).unwrap();
    assert!(text.contains("dimension: branding"));
    assert!(text.contains("Kota Makassar"), "the project's region");
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // Never overwrites; an unknown key gets the nearest one.
    let again = masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--pokja", "branding"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("E9006"));
    assert_eq!(
        text,
        fs::read_to_string(dir.join("pokja/branding.yaml")).unwrap()
    );
    let typo = masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--pokja", "ekonomy"])
        .output()
        .unwrap();
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("did you mean `economy`?"));
}

#[test]
fn init_pokja_uses_the_project_opd_codes() {
    let (_tmp, dir) = project();
    fs::remove_file(dir.join("pokja/living.yaml")).unwrap();
    // A project whose OPD codes are its own: none of the scaffold's example codes exist.
    let yaml = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    let codes: Vec<String> = yaml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- { code: "))
        .map(|c| c.split(',').next().unwrap().trim().to_string())
        .collect();
    assert!(!codes.is_empty());
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args(["--pokja", "living"])
        .assert()
        .code(0);
    let text = fs::read_to_string(dir.join("pokja/living.yaml")).unwrap();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        if let Some(code) = line.trim().strip_prefix("lead: ") {
            assert!(codes.iter().any(|c| c == code), "{code} not in {codes:?}");
        }
    }
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn empty_pokja_files_are_no_programmes_yet_and_backups_are_ignored() {
    let (_tmp, dir) = project();
    fs::write(
        dir.join("pokja/economy.yaml"),
        "# Pokja Ekonomi: belum diisi\n\n",
    )
    .unwrap();
    fs::write(dir.join("pokja/living.yaml"), "").unwrap();
    for stray in [
        "branding.yaml.bak",
        "~branding.yaml",
        "branding.yaml~",
        ".branding.yaml.swp",
    ] {
        fs::write(dir.join("pokja").join(stray), "not: [valid").unwrap();
    }
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let with = |code: &str| -> Vec<String> {
        lines
            .iter()
            .filter(|v| v["code"] == code)
            .map(|v| v["file"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        with("W0209"),
        vec!["pokja/economy.yaml", "pokja/living.yaml"]
    );
    let mut backups = with("W0210");
    backups.sort();
    assert_eq!(
        backups,
        vec![
            "pokja/branding.yaml.bak",
            "pokja/branding.yaml~",
            "pokja/~branding.yaml"
        ]
    );
    assert!(
        with("E0003").is_empty() && with("E0202").is_empty(),
        "{stdout}"
    );
    let hint = lines.iter().find(|v| v["code"] == "W0209").unwrap()["hint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(hint.contains("--pokja economy --force"), "{hint}");

    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(md.contains("belum menyampaikan rencananya"));

    // The hint's command replaces the empty file with the scaffold, which checks clean.
    masterplan()
        .arg("init")
        .arg(&dir)
        .args(["--pokja", "economy", "--force"])
        .assert()
        .code(0);
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\"file\":\"pokja/economy.yaml\",\"line\":null,\"column\":null,\"path\":\"\",\"message\":\"pokja/economy.yaml is empty"));
}

#[test]
fn init_type_desa_scaffolds_a_village_that_checks_clean_and_generates_a_village_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tongke");
    masterplan()
        .arg("init")
        .arg(&dir)
        .args(["--region", "Tongke-Tongke", "--type", "desa"])
        .args(["--province", "Sulawesi Selatan", "--start-year", "2025"])
        .args(["--years", "5"])
        .assert()
        .code(0);
    let yaml = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    for post in [
        "Sekretaris Desa",
        "Kepala Seksi Pemerintahan",
        "Kepala Urusan Keuangan",
    ] {
        assert!(
            yaml.contains(post),
            "{post} missing from the perangkat desa"
        );
    }
    assert!(!yaml.contains("Dinas "), "a village has no dinas:\n{yaml}");
    let governance = fs::read_to_string(dir.join("pokja/governance.yaml")).unwrap();
    assert!(
        governance.contains("lead: KASI-PEMERINTAHAN"),
        "{governance}"
    );
    assert!(governance.contains("source: dana_desa"), "{governance}");

    // `check`: no errors, and only the warnings every fresh scaffold has (elements without a
    // programme, the examples still to replace, names still to fill in).
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let code = v["code"].as_str().unwrap();
        assert!(
            ["W0202", "W0220", "W0221", "W0222"].contains(&code),
            "{line}"
        );
    }

    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    for word in [
        "Bupati",
        "OPD",
        "perangkat daerah",
        "Perangkat Daerah",
        "Jumlah kecamatan",
    ] {
        assert!(!md.contains(word), "`{word}` in the scaffold's document");
    }
    for word in [
        "KEPALA DESA TONGKE-TONGKE",
        "Perangkat Desa",
        "Dana Desa",
        "RPJMDes",
    ] {
        assert!(
            md.contains(word),
            "`{word}` missing from the scaffold's document"
        );
    }
}
