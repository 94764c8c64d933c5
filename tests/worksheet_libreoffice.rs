//! The LibreOffice round trip: `worksheet export`, filled in LibreOffice Calc as a planner
//! would (scripts/fill-worksheet-libreoffice.py: a new programme row, its budget line and
//! indicator targets, saved as .xlsx by Calc), `worksheet import`, then `check` passes. Runs when
//! soffice and Python UNO are installed; skipped, saying so, otherwise (CI has no soffice).

mod common;

use std::fs;
use std::process::Command;

use common::{masterplan, repo};

#[test]
fn a_workbook_filled_and_saved_by_libreoffice_imports_and_checks() {
    let has_soffice = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join("soffice").is_file()));
    if !has_soffice {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let exported = tmp.path().join("makassar.xlsx");
    let filled = tmp.path().join("makassar-filled.xlsx");
    masterplan()
        .args(["worksheet", "export"])
        .arg(repo().join("examples/makassar"))
        .arg("--out")
        .arg(&exported)
        .assert()
        .code(0);
    let out = Command::new("python3")
        .arg(repo().join("scripts/fill-worksheet-libreoffice.py"))
        .arg(&exported)
        .arg(&filled)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() == Some(77) {
        eprintln!("{stdout}");
        return;
    }
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("added ECO-99"), "{stdout}");
    let dir = tmp.path().join("p");
    let out = masterplan()
        .args(["worksheet", "import"])
        .arg(&filled)
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .arg("--deny-warnings")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What the planner typed in Calc is in the YAML.
    let yaml = fs::read_to_string(dir.join("pokja/economy.yaml")).unwrap();
    let added = &yaml[yaml.find("- id: ECO-99").expect("the new programme")..];
    for expected in [
        "name: Pasar Digital Terpadu",
        "Aplikasi pemesanan dan pembayaran\n",
        "{ source: apbd, amount: 150000000, year: 2024 }",
        "name: Pasar terhubung",
        "targets: { 2024: 4, 2025: 10 }",
    ] {
        assert!(added.contains(expected), "{expected}\n{added}");
    }
}
