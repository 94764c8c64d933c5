//! `masterplan evaluate` on the real binary: both reported years of the Banggai example, reruns,
//! missing and out-of-period years, broken inputs, weights, an English project, template
//! overrides; the produced PDF is parsed (outline, scorecard text) and the Markdown's totals are
//! checked against the monitoring files.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use lopdf::{Document, Encoding, Object};

use common::{copy_tree, masterplan, repo};

/// A fresh copy of the Banggai example; the temp folder lives as long as the returned guard.
fn banggai() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    copy_tree(&repo().join("examples/banggai"), &dir);
    (tmp, dir)
}

fn evaluate(dir: &Path, year: &str, args: &[&str]) -> std::process::Output {
    masterplan()
        .arg("evaluate")
        .arg(year)
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn evaluate_ok(dir: &Path, year: &str, args: &[&str]) {
    let out = evaluate(dir, year, args);
    assert!(
        out.status.success(),
        "evaluate {year} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `| **Indeks akhir 2024** | **3,30** |` figure of a report.
fn index_of(md: &str, label: &str) -> String {
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("| **{label}")))
        .unwrap_or_else(|| panic!("no `{label}` row"));
    line.split('|')
        .nth(2)
        .unwrap()
        .trim()
        .trim_matches('*')
        .to_string()
}

// ---- reading the PDF ----

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).expect("resolvable reference").1
}

fn text_string(obj: &Object) -> String {
    let bytes = obj.as_str().expect("a string");
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16(&units).expect("utf-16")
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// The outline titles, in reading order.
fn outline(doc: &Document) -> Vec<String> {
    fn walk(doc: &Document, first: Option<&Object>, out: &mut Vec<String>) {
        let mut next = first.map(|o| o.as_reference().expect("a reference"));
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let title = text_string(item.get(b"Title").unwrap());
            out.push(title.split_whitespace().collect::<Vec<_>>().join(" "));
            walk(doc, item.get(b"First").ok(), out);
            next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
        }
    }
    let root_ref = doc.trailer.get(b"Root").expect("Root");
    let catalog = deref(doc, root_ref).as_dict().expect("catalog");
    let outlines = deref(doc, catalog.get(b"Outlines").expect("/Outlines"))
        .as_dict()
        .unwrap();
    let mut out = Vec::new();
    walk(doc, outlines.get(b"First").ok(), &mut out);
    out
}

/// Everything drawn on every page, whitespace removed, page by page.
fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .into_values()
        .map(|id| {
            let fonts = doc.get_page_fonts(id).unwrap();
            let encodings: Vec<(Vec<u8>, Encoding)> = fonts
                .into_iter()
                .map(|(name, font)| (name, font.get_font_encoding(doc).expect("encoding")))
                .collect();
            let content = doc.get_and_decode_page_content(id).unwrap();
            let mut font: Option<Vec<u8>> = None;
            let mut text = String::new();
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tf" => {
                        font = op
                            .operands
                            .first()
                            .and_then(|o| o.as_name().ok())
                            .map(<[u8]>::to_vec)
                    }
                    "Tj" | "TJ" => {
                        let encoding = encodings
                            .iter()
                            .find(|(n, _)| Some(n) == font.as_ref())
                            .map(|(_, e)| e)
                            .expect("a font of the page");
                        let pieces: Vec<&Object> = match &op.operands[0] {
                            Object::Array(items) => items.iter().collect(),
                            other => vec![other],
                        };
                        for piece in pieces {
                            if let Ok(bytes) = piece.as_str() {
                                text.push_str(&Document::decode_text(encoding, bytes).unwrap());
                            }
                        }
                    }
                    _ => {}
                }
            }
            text.chars().filter(|c| !c.is_whitespace()).collect()
        })
        .collect()
}

#[test]
fn both_years_evaluate_byte_identically_and_the_pdf_parses() {
    let (_tmp, dir) = banggai();
    evaluate_ok(&dir, "2023", &[]);
    evaluate_ok(&dir, "2024", &[]);
    let build = dir.join("build");
    for year in ["2023", "2024"] {
        let md = fs::read_to_string(build.join(format!("evaluasi-{year}.md"))).unwrap();
        let pdf = fs::read(build.join(format!("evaluasi-{year}.pdf"))).unwrap();
        // A rerun gives the same bytes.
        evaluate_ok(&dir, year, &[]);
        assert_eq!(
            md,
            fs::read_to_string(build.join(format!("evaluasi-{year}.md"))).unwrap()
        );
        assert_eq!(
            pdf,
            fs::read(build.join(format!("evaluasi-{year}.pdf"))).unwrap()
        );

        let doc = Document::load_mem(&pdf).expect("the PDF parses");
        let titles = outline(&doc);
        for expected in [
            "RINGKASAN",
            "BAB I PENILAIAN LIMA DIMENSI",
            "1.1 Skor",
            "BAB III REALISASI ANGGARAN",
            "BAB IV CAPAIAN INDIKATOR",
            "BAB V QUICK WIN",
            "6.2 Daftar Bukti",
        ] {
            assert!(
                titles.iter().any(|t| t == expected),
                "{year}: outline lacks {expected}: {titles:?}"
            );
        }
        // The scorecard: the index row and the five dimensions with their scores.
        let index = index_of(&md, &format!("Indeks akhir {year}"));
        let texts = page_texts(&doc);
        let scorecard = texts
            .iter()
            .find(|t| t.contains("1.1Skor") && t.contains("NilaiTertimbang"))
            .expect("a page with the scorecard");
        assert!(
            scorecard.contains(&format!("Indeksakhir100{index}")),
            "{scorecard}"
        );
        for dim in ["Baseline", "Output", "Outcome", "Impact", "QuickWin"] {
            assert!(scorecard.contains(dim), "{dim} missing from {scorecard}");
        }
        // The cover and the running heads carry the report's title.
        assert!(texts[0].contains("LaporanEvaluasiMasterplanSmartCity"));
        assert!(texts[0].contains(&format!("Tahun{year}")));
    }
    let md24 = fs::read_to_string(build.join("evaluasi-2024.md")).unwrap();
    // The 2024 self-assessment gives 3,30 (10x3,5 + 20x3 + 30x3,5 + 30x3 + 10x4) / 100.
    assert_eq!(index_of(&md24, "Indeks akhir 2024"), "3,30");
    let md23 = fs::read_to_string(build.join("evaluasi-2023.md")).unwrap();
    let previous = index_of(&md23, "Indeks akhir 2023");
    assert!(
        md24.contains(&format!("| Indeks akhir 2023 | {previous} |")),
        "{md24}"
    );
}

#[test]
fn every_active_programme_is_listed_and_realised_totals_add_up_to_the_rupiah() {
    let root = repo().join("examples/banggai");
    let loaded = masterplan::load::load(&root);
    let project = loaded.project.expect("loads");
    let (_tmp, dir) = banggai();
    evaluate_ok(&dir, "2024", &["--format", "md"]);
    let md = fs::read_to_string(dir.join("build/evaluasi-2024.md")).unwrap();
    assert!(!dir.join("build/evaluasi-2024.pdf").exists());
    for (_, p) in project.programs() {
        if p.start <= 2024 && 2024 <= p.end {
            assert!(
                md.contains(&format!("| {} | {} |", p.id, p.name))
                    || md.contains(&format!("| {} (QW) | {} |", p.id, p.name)),
                "{} missing",
                p.id
            );
        }
    }
    let file = project.monitoring_of(2024).expect("2024 file");
    let realised: u128 = file
        .monitoring
        .programs
        .values()
        .flat_map(|r| &r.budget)
        .map(|s| u128::from(s.amount))
        .sum();
    let shown = masterplan::render::format::rupiah(realised, masterplan::model::Language::Id);
    assert!(
        md.contains(&format!("| Anggaran: realisasi | {shown} |")),
        "realised total {shown} not in the summary"
    );
    assert!(
        md.contains("| **Total Anggaran** | | **"),
        "grand total row"
    );
    assert!(
        md.contains(&format!("**{shown}**")),
        "{shown} as the bold total"
    );
    // The charts are kept as Mermaid.
    assert!(md.matches("```mermaid\nxychart-beta").count() >= 3);
}

#[test]
fn a_year_without_a_file_or_outside_the_period_is_an_error_and_nothing_is_written() {
    let (_tmp, dir) = banggai();
    let out = evaluate(&dir, "2025", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[E0350]: no monitoring file for 2025"),
        "{stderr}"
    );
    assert!(stderr.contains("--> monitoring/2025.yaml"), "{stderr}");
    assert!(
        stderr.contains("masterplan monitoring new 2025"),
        "{stderr}"
    );
    assert!(!dir.join("build").exists());

    let out = evaluate(&dir, "2040", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("outside the masterplan's period 2023-2032"),
        "{stderr}"
    );
    assert!(!dir.join("build").exists());
}

#[test]
fn a_year_with_nothing_scheduled_and_nothing_reported_still_gives_a_whole_report() {
    let (_tmp, dir) = banggai();
    fs::write(
        dir.join("monitoring/2031.yaml"),
        "year: 2031\nprograms: {}\n",
    )
    .unwrap();
    evaluate_ok(&dir, "2031", &[]);
    let md = fs::read_to_string(dir.join("build/evaluasi-2031.md")).unwrap();
    assert!(md.contains("Tidak ada program yang dijadwalkan pada tahun 2031"));
    assert!(md.contains("Tidak ada indikator yang bertarget pada tahun 2031."));
    assert!(md.contains("| **Total Anggaran** | | **Rp0** | **Rp0** | **–** |"));
    // Every score derived, the quick wins of 2023 still delivered: 10 x 5,00 / 100.
    assert_eq!(index_of(&md, "Indeks akhir 2031"), "0,50");
    assert!(md.contains("| Indeks akhir 2024 | 3,30 |"));
    let pdf = fs::read(dir.join("build/evaluasi-2031.pdf")).unwrap();
    Document::load_mem(&pdf).expect("the PDF parses");
}

#[test]
fn the_missing_year_is_a_json_diagnostic_too() {
    let (_tmp, dir) = banggai();
    let out = evaluate(&dir, "2026", &["--message-format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("E0350"))
        .unwrap_or_else(|| panic!("no E0350 line in {stdout}"));
    let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["file"], "monitoring/2026.yaml");
    assert!(!dir.join("build").exists());
}

#[test]
fn errors_in_the_inputs_stop_the_evaluation() {
    let (_tmp, dir) = banggai();
    let path = dir.join("masterplan.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("language: id", "language: id\nlangauge: en"),
    )
    .unwrap();
    let out = evaluate(&dir, "2024", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("build").exists());
}

#[test]
fn the_weights_of_masterplan_yaml_change_the_index_and_the_masterplan_shows_them() {
    let (_tmp, dir) = banggai();
    evaluate_ok(&dir, "2024", &["--format", "md"]);
    let before = fs::read_to_string(dir.join("build/evaluasi-2024.md")).unwrap();
    let path = dir.join("masterplan.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(
        "evaluation:\n  weights: { baseline: 5, output: 15, outcome: 40, impact: 30, quick_win: 10 }\n",
    );
    fs::write(&path, text).unwrap();
    evaluate_ok(&dir, "2024", &["--format", "md"]);
    let after = fs::read_to_string(dir.join("build/evaluasi-2024.md")).unwrap();
    assert_eq!(index_of(&before, "Indeks akhir 2024"), "3,30");
    // (5x3,5 + 15x3 + 40x3,5 + 30x3 + 10x4) / 100 = 3,325 -> 3,33 (half up).
    assert_eq!(index_of(&after, "Indeks akhir 2024"), "3,33");
    assert!(
        after.contains("| Outcome | 40 | 3,50 | 1,40 | penilaian mandiri |"),
        "{after}"
    );
    assert!(after.contains("ditetapkan dalam masterplan.yaml"));

    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let mp = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(
        mp.contains("| Outcome | 40 |"),
        "the M&E chapter shows the weights"
    );
    assert!(mp.contains("| Baseline | 5 |"));
    assert!(mp.contains("masterplan ini menggunakan pembobotan berikut"));
}

#[test]
fn an_english_project_gets_an_english_report_with_english_numbers() {
    let (_tmp, dir) = banggai();
    let path = dir.join("masterplan.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("language: id", "language: en")).unwrap();
    evaluate_ok(&dir, "2024", &[]);
    let md = fs::read_to_string(dir.join("build/evaluasi-2024.md")).unwrap();
    assert!(md.contains("Evaluation Report of the Smart City Masterplan of Banggai Regency, 2024"));
    assert_eq!(index_of(&md, "Final index 2024"), "3.30");
    assert!(md.contains("# CHAPTER I THE FIVE DIMENSIONS"));
    assert!(md.contains("delivered late (2024)"));
    let pdf = fs::read(dir.join("build/evaluasi-2024.pdf")).unwrap();
    let doc = Document::load_mem(&pdf).expect("parses");
    assert!(
        outline(&doc)
            .iter()
            .any(|t| t == "CHAPTER III BUDGET REALISATION")
    );
}

#[test]
fn a_project_template_overrides_a_report_chapter_and_drafts_are_marked() {
    let (_tmp, dir) = banggai();
    fs::create_dir_all(dir.join("templates")).unwrap();
    fs::write(
        dir.join("templates/evaluation-notes.md"),
        "# {{ section.heading }}\n\nCatatan khusus {{ evaluation.year }}: {{ evaluation.behind | length }} program terlambat.\n",
    )
    .unwrap();
    evaluate_ok(&dir, "2024", &["--format", "md", "--draft"]);
    let md = fs::read_to_string(dir.join("build/evaluasi-2024.md")).unwrap();
    assert!(
        md.contains("Catatan khusus 2024: 4 program terlambat."),
        "{md}"
    );
    assert!(!md.contains("6.2 Daftar Bukti"));
    assert!(md.contains("draft: true"));
}

#[test]
fn templates_export_includes_the_report_templates() {
    let tmp = tempfile::tempdir().unwrap();
    masterplan()
        .args(["templates", "export"])
        .arg(tmp.path())
        .assert()
        .code(0);
    for name in [
        "evaluation-summary.md",
        "evaluation-scorecard.md",
        "evaluation-budget.md",
        "evaluation-indicators.md",
    ] {
        assert!(tmp.path().join(name).is_file(), "{name} exported");
    }
}
