//! What the generated Markdown must hold, checked against the inputs: every programme, a
//! quick-win table with exactly the quick wins, a roadmap with one column per year of the period,
//! and budget tables whose totals add up to the sum of every budget line.

use std::collections::BTreeSet;
use std::path::PathBuf;

use assert_cmd::Command;
use masterplan::model::Project;

struct Generated {
    project: Project,
    markdown: String,
    dimensions: usize,
    _tmp: tempfile::TempDir,
}

fn generate(example: &str) -> Generated {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("masterplan")
        .unwrap()
        .env_remove("SOURCE_DATE_EPOCH")
        .arg("generate")
        .arg(&root)
        .arg("--out")
        .arg(tmp.path())
        .args(["--format", "md"])
        .assert()
        .code(0);
    let markdown = std::fs::read_to_string(tmp.path().join("masterplan.md")).unwrap();
    let checked = masterplan::check(&root);
    let dimensions = checked.taxonomy.expect("taxonomy").dimensions.len();
    let project = checked.project.expect("example loads");
    Generated {
        project,
        markdown,
        dimensions,
        _tmp: tmp,
    }
}

/// The lines of the section that starts with a heading containing `title`, up to the next heading
/// of the same or a higher level.
fn section<'a>(markdown: &'a str, title: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = markdown.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with('#') && l.contains(title))
        .unwrap_or_else(|| panic!("no heading with {title:?}"));
    let level = lines[start].chars().take_while(|c| *c == '#').count();
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with('#') && l.chars().take_while(|c| *c == '#').count() <= level)
        .map_or(lines.len(), |i| start + 1 + i);
    lines[start + 1..end].to_vec()
}

/// Cells of a table row (`| a | b |`), trimmed; None for non-rows and alignment rows.
fn cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if !line.starts_with('|') || line.chars().all(|c| "|-: ".contains(c)) {
        return None;
    }
    let inner = line.trim_start_matches('|').trim_end_matches('|');
    Some(inner.split(" | ").map(|c| c.trim().to_string()).collect())
}

fn money(cell: &str) -> u128 {
    let digits: String = cell.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

fn check_document(example: &str) {
    let g = generate(example);
    let period = g.project.masterplan.period.year_list();

    // Every programme has its own heading with id and name.
    for (_, p) in g.project.programs() {
        assert!(
            g.markdown
                .lines()
                .any(|l| l.starts_with('#') && l.contains(&p.id) && l.contains(&p.name)),
            "{example}: no heading for {} {}",
            p.id,
            p.name
        );
    }

    // The quick-win table lists exactly the quick wins.
    let expected: BTreeSet<String> = g
        .project
        .programs()
        .filter(|(_, p)| p.quick_win)
        .map(|(_, p)| p.id.clone())
        .collect();
    assert!(!expected.is_empty(), "{example} has quick wins");
    let rows: Vec<Vec<String>> = section(&g.markdown, "Daftar Quick Win")
        .iter()
        .filter_map(|l| cells(l))
        .skip(1)
        .collect();
    let listed: BTreeSet<String> = rows
        .iter()
        .map(|r| {
            r[1].split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(listed, expected, "{example}: quick-win table");
    assert_eq!(
        rows.len(),
        expected.len(),
        "{example}: one row per quick win"
    );

    // The roadmap matrix has one column per year of the period, in order.
    let roadmap = section(&g.markdown, "Matriks Peta Jalan");
    let headers: Vec<Vec<String>> = roadmap
        .iter()
        .filter(|l| l.starts_with("| Kode"))
        .filter_map(|l| cells(l))
        .collect();
    assert!(!headers.is_empty(), "{example}: roadmap tables");
    for h in &headers {
        let years: Vec<i32> = h.iter().filter_map(|c| c.parse().ok()).collect();
        assert_eq!(years, period, "{example}: roadmap columns");
    }
    let in_roadmap = roadmap
        .iter()
        .filter(|l| cells(l).is_some_and(|c| c[0].contains('-')))
        .count();
    assert_eq!(
        in_roadmap,
        g.project.programs().count(),
        "{example}: every programme in the roadmap"
    );

    // Budget per dimension x year: rows add up, columns add up, and the grand total is the sum
    // of every budget line of every programme.
    let total: u128 = g
        .project
        .programs()
        .flat_map(|(_, p)| &p.budget)
        .map(|b| u128::from(b.amount))
        .sum();
    let table: Vec<Vec<String>> = section(&g.markdown, "Anggaran per Dimensi dan Tahun")
        .iter()
        .filter_map(|l| cells(l))
        .collect();
    let header = &table[0];
    assert_eq!(
        header.len(),
        period.len() + 2,
        "{example}: dimension, years, total"
    );
    let body = &table[1..table.len() - 1];
    let totals = &table[table.len() - 1];
    assert_eq!(body.len(), g.dimensions, "{example}: one row per dimension");
    let mut column_sums = vec![0u128; period.len() + 1];
    for row in body {
        let values: Vec<u128> = row[1..].iter().map(|c| money(c)).collect();
        let year_sum: u128 = values[..period.len()].iter().sum();
        assert_eq!(
            year_sum,
            values[period.len()],
            "{example}: row {} adds up",
            row[0]
        );
        for (sum, v) in column_sums.iter_mut().zip(&values) {
            *sum += v;
        }
    }
    let total_row: Vec<u128> = totals[1..].iter().map(|c| money(c)).collect();
    assert_eq!(column_sums, total_row, "{example}: totals row");
    assert_eq!(
        total_row[period.len()],
        total,
        "{example}: grand total = sum of budget lines"
    );

    // The same grand total by source.
    let by_source: Vec<Vec<String>> = section(&g.markdown, "Anggaran per Sumber Dana")
        .iter()
        .filter_map(|l| cells(l))
        .collect();
    let last = &by_source[by_source.len() - 1];
    assert_eq!(
        money(&last[period.len() + 1]),
        total,
        "{example}: total by source"
    );

    // A Mermaid Gantt chart with every programme.
    let gantt_start = g
        .markdown
        .find("```mermaid\ngantt")
        .expect("a mermaid gantt block");
    let gantt_end = gantt_start + g.markdown[gantt_start + 3..].find("```").unwrap() + 3;
    let gantt = &g.markdown[gantt_start..gantt_end];
    for (_, p) in g.project.programs() {
        assert!(gantt.contains(&p.id), "{example}: {} in the gantt", p.id);
    }
}

#[test]
fn banggai_document_is_complete_and_adds_up() {
    check_document("banggai");
}

#[test]
fn makassar_document_is_complete_and_adds_up() {
    check_document("makassar");
}

#[test]
fn sinjai_desa_document_is_complete_and_adds_up() {
    check_document("sinjai-desa");
}

#[test]
fn markdown_is_clean_gfm() {
    let g = generate("banggai");
    assert!(g.markdown.starts_with("---\n"), "front matter first");
    assert!(g.markdown.ends_with('\n') && !g.markdown.ends_with("\n\n"));
    for (i, line) in g.markdown.lines().enumerate() {
        assert!(!line.ends_with(' '), "trailing space on line {}", i + 1);
    }
    assert!(!g.markdown.contains("\n\n\n"), "no double blank lines");
}

/// A programme's risks: the level as the document writes it, from likelihood x impact
/// (docs/reference/document.md, "Risk register").
fn level(likelihood: u8, impact: u8) -> &'static str {
    match u32::from(likelihood) * u32::from(impact) {
        0..=6 => "Rendah",
        7..=12 => "Sedang",
        _ => "Tinggi",
    }
}

#[test]
fn the_risk_register_lists_every_risk_of_the_plan() {
    for example in ["banggai", "makassar"] {
        let g = generate(example);
        let rows: Vec<Vec<String>> = section(&g.markdown, "Daftar Risiko Program")
            .into_iter()
            .filter_map(cells)
            .filter(|c| c.len() == 8 && c[0].parse::<usize>().is_ok())
            .collect();
        let mut expected = Vec::new();
        for (_, p) in g.project.programs() {
            for r in &p.risks {
                expected.push((p.id.clone(), r));
            }
        }
        assert!(!expected.is_empty(), "{example} has risks");
        assert_eq!(rows.len(), expected.len(), "{example}: one row per risk");
        for (id, r) in &expected {
            let row = rows
                .iter()
                .find(|c| &c[1] == id && c[3] == r.risk)
                .unwrap_or_else(|| panic!("{example}: {id} `{}` is not in the register", r.risk));
            assert_eq!(row[4], r.likelihood.to_string());
            assert_eq!(row[5], r.impact.to_string());
            let score = u32::from(r.likelihood) * u32::from(r.impact);
            assert_eq!(
                row[6],
                format!("{} ({score})", level(r.likelihood, r.impact)),
                "{example}: {id}"
            );
            assert_eq!(row[7], r.mitigation.clone().unwrap_or_else(|| "–".into()));
        }
        // Numbered 1..n, and the matrix counts add up to the rows.
        let numbers: Vec<usize> = rows.iter().map(|c| c[0].parse().unwrap()).collect();
        assert_eq!(numbers, (1..=rows.len()).collect::<Vec<_>>());
        let matrix: usize = section(&g.markdown, "Daftar Risiko Program")
            .into_iter()
            .filter_map(cells)
            .filter(|c| c.len() == 6 && c[0].starts_with("**"))
            .flat_map(|c| c.into_iter().skip(1))
            .filter_map(|cell| {
                cell.split_once(": **")
                    .map(|(_, n)| n.trim_end_matches("**").parse::<usize>().unwrap())
            })
            .sum();
        assert_eq!(
            matrix,
            rows.len(),
            "{example}: the matrix counts every risk"
        );
        // And each programme's details carry its own risks.
        if example == "banggai" {
            let details = section(&g.markdown, "SOC-04 CCTV");
            assert!(
                details
                    .iter()
                    .any(|l| l.contains("Biaya operasional Command Center")),
                "SOC-04's details list its risks"
            );
        }
    }
}

#[test]
fn tows_strategies_are_drawn_under_the_swot_and_listed_with_the_programmes() {
    let g = generate("banggai");
    for f in &g.project.pokja {
        let Some(s) = &f.pokja.strategies else {
            continue;
        };
        for (code, text) in
            s.so.iter()
                .enumerate()
                .map(|(i, t)| (format!("SO{}", i + 1), t))
                .chain(
                    s.wt.iter()
                        .enumerate()
                        .map(|(i, t)| (format!("WT{}", i + 1), t)),
                )
        {
            let cell = format!("**{code}** {text}");
            let item = format!("- **{code}** (");
            assert!(g.markdown.contains(&cell), "the TOWS matrix has {cell}");
            assert!(
                g.markdown
                    .lines()
                    .any(|l| l.starts_with(&item) && l.ends_with(text.as_str())),
                "the dimension chapter lists {code}"
            );
        }
    }
    // Six section headings and six table captions.
    assert_eq!(g.markdown.matches("Matriks Strategi TOWS").count(), 12);
    // Without `strategies` (Makassar) the document is as before: no TOWS anywhere.
    let m = generate("makassar");
    assert!(!m.markdown.contains("TOWS"));
    assert!(!m.markdown.contains("**Strategi:**"));
}

#[test]
fn an_omitted_element_states_its_reason_where_its_programmes_would_be() {
    let tmp = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/_valid");
    for entry in walk(&root) {
        let rel = entry.strip_prefix(&root).unwrap();
        let to = tmp.path().join("p").join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    let society = tmp.path().join("p/pokja/society.yaml");
    let text = std::fs::read_to_string(&society).unwrap();
    // SOC-03 (security) removed, its omission explained.
    let cut = text.find("  - id: SOC-03").unwrap();
    let text = text[..cut].replace(
        "goal: Tujuan pokja society\n",
        "goal: Tujuan pokja society\nomitted_elements:\n  security: Ditangani Polres; di luar kewenangan daerah\n",
    );
    std::fs::write(&society, text).unwrap();
    let out = Command::cargo_bin("masterplan")
        .unwrap()
        .arg("check")
        .arg(tmp.path().join("p"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("W0202"),
        "no warning for the omitted element: {stderr}"
    );
    Command::cargo_bin("masterplan")
        .unwrap()
        .arg("generate")
        .arg(tmp.path().join("p"))
        .args(["--format", "md"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(tmp.path().join("p/build/masterplan.md")).unwrap();
    let element = section(&md, "Elemen Keamanan Masyarakat");
    assert!(
        element.iter().any(|l| l.contains(
            "tidak memuat program untuk elemen ini. **Alasan:** Ditangani Polres; di luar kewenangan daerah"
        )),
        "{element:#?}"
    );
    assert!(!element.iter().any(|l| l.contains("belum memiliki program")));
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
