//! The analysis chapter's priority matrix and gap analysis, end to end through the real binary:
//! the Banggai example (readiness targets, scored and unscored programmes) generated as Markdown,
//! PDF and HTML; the PDF read back by word positions (`common::words`), the HTML with an HTML5
//! parser and its chart SVG with an XML parser. Plus `check`'s W0240 on a target below the score.

mod common;

use std::fs;
use std::sync::OnceLock;

use common::words::{self, Page, Word};
use common::{copy_tree, masterplan, repo};
use masterplan::plan::PRIORITY_HIGH;

struct Output {
    md: String,
    pdf: Vec<u8>,
    html: String,
    programs: Vec<masterplan::model::Program>,
}

fn banggai() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("banggai");
        copy_tree(&repo().join("examples/banggai"), &dir);
        let out = masterplan()
            .arg("generate")
            .arg(&dir)
            .args(["--format", "md,pdf,html"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let loaded = masterplan::load::load(&dir);
        let programs = loaded
            .project
            .expect("banggai loads")
            .programs()
            .map(|(_, p)| p.clone())
            .collect();
        Output {
            md: fs::read_to_string(dir.join("build/masterplan.md")).unwrap(),
            pdf: fs::read(dir.join("build/masterplan.pdf")).unwrap(),
            html: fs::read_to_string(dir.join("build/masterplan.html")).unwrap(),
            programs,
        }
    })
}

fn pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(|| words::pages(&banggai().pdf))
}

/// The page whose body has the heading `heading` (its words in order on one line, bold).
fn page_with_heading(heading: &str) -> &'static Page {
    let want: Vec<&str> = heading.split_whitespace().collect();
    pages()
        .iter()
        .find(|p| {
            p.lines().iter().any(|line| {
                let texts: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
                texts == want && line.iter().all(|w| w.bold)
            })
        })
        .unwrap_or_else(|| panic!("no page with the heading {heading:?}"))
}

fn word<'a>(page: &'a Page, text: &str) -> &'a Word {
    page.words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("{text:?} not on page {}: {}", page.number, page.text()))
}

/// The word `text` below the heading (the chart comes after it), of the given size.
fn chart_word<'a>(page: &'a Page, text: &str, below: f32) -> &'a Word {
    page.words
        .iter()
        .find(|w| w.text.trim_end_matches(',') == text && w.y > below && w.size < 10.0)
        .unwrap_or_else(|| panic!("{text:?} not in the chart on page {}", page.number))
}

fn scored(out: &Output) -> Vec<&masterplan::model::Program> {
    out.programs
        .iter()
        .filter(|p| p.impact.is_some() && p.effort.is_some())
        .collect()
}

#[test]
fn the_markdown_has_the_quadrant_chart_table_and_unscored_list() {
    let out = banggai();
    let md = &out.md;
    let start = md
        .find("## 3.9 Matriks Prioritas Program")
        .expect("matrix section");
    let section = &md[start..md[start..].find("\n# ").map_or(md.len(), |e| start + e)];
    assert!(section.contains("```mermaid\nquadrantChart\n"), "{section}");
    for p in scored(out) {
        let class = if p.quick_win { ":::quickwin" } else { "" };
        assert!(
            section.contains(&format!("    {}{class}: [", p.id)),
            "{} not a point",
            p.id
        );
        // Each scored programme is in the table, in its quadrant's rows.
        assert!(section.contains(&format!("| {} {} |", p.id, p.name.replace('|', "\\|"))));
    }
    let unscored: Vec<_> = out
        .programs
        .iter()
        .filter(|p| p.impact.is_none() || p.effort.is_none())
        .collect();
    assert!(
        !unscored.is_empty(),
        "the example keeps unscored programmes"
    );
    let list = &section[section.find("Belum dinilai").expect("unscored list")..];
    for p in unscored {
        assert!(
            list.contains(&format!("- {} ", p.id)),
            "{} not listed",
            p.id
        );
        assert!(!section.contains(&format!("    {}: [", p.id)));
    }
    // The quadrant each programme is in follows the documented threshold (3 or more is high).
    let quadrant_rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| ")).collect();
    let mut current = "";
    for row in quadrant_rows.iter().skip(1) {
        let cells: Vec<&str> = row.split(" | ").collect();
        if let Some(q) = cells[0].strip_prefix("| **") {
            current = q.trim_end_matches("**");
        }
        let Some(p) = scored(out).into_iter().find(|p| {
            cells
                .get(1)
                .is_some_and(|c| c.starts_with(&format!("{} ", p.id)))
        }) else {
            continue;
        };
        let (i, e) = (p.impact.unwrap(), p.effort.unwrap());
        let expected = match (i >= PRIORITY_HIGH, e >= PRIORITY_HIGH) {
            (true, false) => "Quick win",
            (true, true) => "Proyek besar",
            (false, false) => "Pelengkap",
            (false, true) => "Pertimbangkan ulang",
        };
        assert_eq!(current, expected, "{} ({i}/{e})", p.id);
    }
}

#[test]
fn the_pdf_draws_the_matrix_with_quadrants_in_place_and_every_programme_named() {
    let heading_page = page_with_heading("3.9 Matriks Prioritas Program");
    let heading_y = word(heading_page, "Matriks").y;
    // The chart follows its introduction: on the heading's page, or on the next one.
    let on_heading_page = heading_page
        .words
        .iter()
        .any(|w| w.text == "Quick" && w.y > heading_y && w.size < 10.0);
    let (page, heading_y) = if on_heading_page {
        (heading_page, heading_y)
    } else {
        let next = pages()
            .iter()
            .find(|p| p.number == heading_page.number + 1)
            .expect("a page after the heading");
        (next, 0.0)
    };
    assert!(
        !page.text().contains("quadrantChart"),
        "the Mermaid source is printed"
    );
    let (quick, major) = (
        chart_word(page, "Quick", heading_y),
        chart_word(page, "Proyek", heading_y),
    );
    let (fill, reconsider) = (
        chart_word(page, "Pelengkap", heading_y),
        chart_word(page, "Pertimbangkan", heading_y),
    );
    // quadrant-2 top left, quadrant-1 top right, quadrant-3 bottom left, quadrant-4 bottom right.
    assert!(quick.x < major.x && (quick.y - major.y).abs() < 1.0);
    assert!(fill.x < reconsider.x && (fill.y - reconsider.y).abs() < 1.0);
    assert!(quick.y < fill.y && major.y < reconsider.y);
    // The plot's middle: between the centres of the two top quadrant titles.
    let next = |w: &Word| {
        page.words
            .iter()
            .find(|n| (n.y - w.y).abs() < 0.5 && n.x > w.right() && n.x < w.right() + 6.0)
            .unwrap_or_else(|| panic!("no word after {w:?}"))
            .right()
    };
    let mid_x = ((quick.x + next(quick)) / 2.0 + (major.x + next(major)) / 2.0) / 2.0;
    // The fill-in title sits just under the middle line.
    let mid_y = fill.y - 9.0;
    // Every scored programme is named on the chart page, beside its mark or in the list.
    let text = page.text();
    for p in scored(banggai()) {
        assert!(
            text.contains(p.id.as_str()),
            "{} not on the chart page",
            p.id
        );
    }
    // Single programmes' labels sit in their quadrant: BRD-03 (2/2) is a fill-in, LIV-05 (2/3)
    // to reconsider, ENV-05 (5/4) a major project, GOV-01 (3/1) a quick win.
    let at = |id: &str| chart_word(page, id, heading_y);
    let (brd, liv, env, gov) = (at("BRD-03"), at("LIV-05"), at("ENV-05"), at("GOV-01"));
    assert!(brd.y > mid_y && brd.x < mid_x, "BRD-03 {brd:?}");
    assert!(liv.y > mid_y && liv.x > mid_x - 20.0, "LIV-05 {liv:?}");
    assert!(env.y < mid_y && env.x > mid_x, "ENV-05 {env:?}");
    assert!(gov.y < mid_y && gov.right() < mid_x, "GOV-01 {gov:?}");
    // The legend names the quick-win mark.
    assert!(text.contains("Program quick win"));
    // Labels never overlap one another.
    let labels: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| w.y > heading_y && w.size < 7.0)
        .collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let apart = a.right() <= b.x + 0.01
                || b.right() <= a.x + 0.01
                || (a.y - b.y).abs() >= a.size * 0.9;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn the_pdf_draws_current_versus_target_and_names_the_largest_gap() {
    let page = page_with_heading("3.2 Smart Governance");
    let heading_y = word(page, "3.2").y;
    let title = chart_word(page, "Kesiapan", heading_y);
    let saat = chart_word(page, "Saat", heading_y);
    let target = page
        .words
        .iter()
        .find(|w| w.text == "Target" && (w.y - saat.y).abs() < 1.0)
        .expect("the legend has Target beside Saat ini");
    let struktur = chart_word(page, "Struktur", heading_y);
    // Title above the axis labels, the legend below them.
    assert!(title.y < struktur.y && struktur.y < saat.y && saat.x < target.x);
    // The table (on this page or, with its caption, the next) has the gap column.
    let next = pages().iter().find(|p| p.number == page.number + 1);
    assert!(
        page.text().contains("Kesenjangan")
            || next.is_some_and(|p| p.text().contains("Kesenjangan"))
    );
    let gap_page = page_with_heading("3.8 Analisis Kesenjangan");
    assert!(gap_page.number > page.number);
    let all: String = pages()
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        all.contains(
            "Kesenjangan terbesar terdapat pada dimensi Smart Governance (rata-rata 1,67)"
        ),
        "the summary names the dimension with the largest gap"
    );
    assert!(banggai().md.contains("bar \"Target\" [4, 4, 5]"));
}

#[test]
fn the_html_matrix_svg_has_every_point() {
    let out = banggai();
    let html = scraper::Html::parse_document(&out.html);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let sel = scraper::Selector::parse("figure.chart > svg").unwrap();
    let svg = html
        .select(&sel)
        .map(|s| s.html())
        .find(|s| s.contains("<title>Matriks Prioritas Program</title>"))
        .expect("the matrix as an inline SVG titled by its chart title");
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is XML");
    let texts: Vec<(f32, f32, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let num = |a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
            (num("x"), num("y"), n.text().unwrap_or("").to_string())
        })
        .collect();
    let all: String = texts
        .iter()
        .map(|t| t.2.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for p in scored(out) {
        assert!(all.contains(p.id.as_str()), "{} not in the SVG", p.id);
    }
    let find = |s: &str| texts.iter().find(|t| t.2 == s).unwrap();
    let (q2, q1, q3) = (find("Quick win"), find("Proyek besar"), find("Pelengkap"));
    assert!(q2.0 < q1.0 && q2.1 < q3.1);
    // Gold quick-win marks and navy dots.
    assert!(svg.contains("#F5C142") && svg.contains("#1F4E79"));
}

#[test]
fn a_target_below_the_score_is_a_located_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("m");
    copy_tree(&repo().join("examples/makassar"), &dir);
    let file = dir.join("pokja/economy.yaml");
    let src = fs::read_to_string(&file).unwrap();
    let line = src
        .lines()
        .position(|l| l.trim_start().starts_with("infrastructure: { score: 4,"))
        .expect("the example's economy readiness");
    let edited = src.replacen(
        "infrastructure: { score: 4,",
        "infrastructure: { score: 4, target: 2,",
        1,
    );
    fs::write(&file, edited).unwrap();
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "a warning, not an error");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let w: serde_json::Value = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["code"] == "W0240")
        .unwrap_or_else(|| panic!("no W0240 in {stdout}"));
    assert_eq!(w["file"], "pokja/economy.yaml");
    assert_eq!(w["path"], "readiness.infrastructure.target");
    assert_eq!(w["line"], line as u64 + 1);
    assert!(w["hint"].as_str().unwrap().contains("swap"));
    // The document is still written, with the negative gap.
    let generated = masterplan().arg("generate").arg(&dir).output().unwrap();
    assert!(generated.status.success());
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(
        md.contains("| Infrastruktur | 4 | 2 | -2 |"),
        "negative gap shown"
    );
}
