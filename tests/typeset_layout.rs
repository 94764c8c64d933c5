//! The layout stage of the PDF typesetter, tested on the display list (no PDF involved).

use std::path::{Path, PathBuf};

use masterplan::typeset::fonts::{self, FontId};
use masterplan::typeset::layout::Geometry;
use masterplan::typeset::page::{Document, Item, Page};
use masterplan::typeset::{Paper, PdfOptions, layout};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/typeset")
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).expect("sample exists")
}

fn lay(md: &str, paper: Paper) -> Document {
    layout(md, &dir(), &PdfOptions { paper }).expect("layout")
}

fn texts(page: &Page) -> impl Iterator<Item = (&str, f32, f32, f32, FontId)> {
    page.items.iter().filter_map(|i| match i {
        Item::Text {
            x,
            y,
            size,
            text,
            font,
            ..
        } => Some((text.as_str(), *x, *y, *size, *font)),
        _ => None,
    })
}

fn page_has(page: &Page, needle: &str) -> bool {
    texts(page).any(|(t, ..)| t.contains(needle))
}

fn geo(page: &Page, paper: Paper) -> Geometry {
    Geometry::new(paper, page.width > page.height)
}

/// The samples: hand-written ones and two rendered by `render` (the mini fixture, id and en).
const SAMPLES: [&str; 4] = [
    "masterplan.md",
    "long-table.md",
    "render-mini-id.md",
    "render-mini-en.md",
];

const FRONT: &str = "---\ntitle: Masterplan Smart City Kabupaten Sinjai\nregion: Kabupaten Sinjai\nprovince: Provinsi Sulawesi Selatan\nperiod: 2024–2033\nyear: 2024\n---\n\n";

#[test]
fn paper_sizes() {
    let md = sample("masterplan.md");
    for (paper, w, h) in [
        (Paper::A4, 595.27, 841.89),
        (Paper::F4, 609.45, 935.43),
        (Paper::Letter, 612.0, 792.0),
    ] {
        let doc = lay(&md, paper);
        assert!(doc.pages.len() >= 8, "{paper:?}: {}", doc.pages.len());
        let p = &doc.pages[0];
        assert!((p.width - w).abs() < 0.1 && (p.height - h).abs() < 0.1);
        for p in &doc.pages {
            let portrait = (p.width - w).abs() < 0.1 && (p.height - h).abs() < 0.1;
            let landscape = (p.width - h).abs() < 0.1 && (p.height - w).abs() < 0.1;
            assert!(portrait || landscape);
        }
    }
    // F4 is taller than A4, so the same text needs no more pages.
    assert!(lay(&md, Paper::F4).pages.len() <= lay(&md, Paper::A4).pages.len());
}

#[test]
fn nothing_overflows_the_text_area() {
    for name in SAMPLES {
        let doc = lay(&sample(name), Paper::A4);
        for (n, page) in doc.pages.iter().enumerate().skip(1) {
            let g = geo(page, Paper::A4);
            for (t, x, y, size, font) in texts(page) {
                let w = fonts::text_width(font, size, t);
                assert!(
                    x >= g.left - 0.5 && x + w <= g.left + g.width + 0.5,
                    "{name} page {n}: {t:?} at x {x} width {w}"
                );
                assert!(
                    y >= g.top - 20.0 && y <= g.bottom() + 30.0,
                    "{name} page {n}: {t:?} at y {y}"
                );
                // Body text (not the furniture) stays inside the text block.
                if y > g.top && y < g.bottom() + 5.0 {
                    assert!(y <= g.bottom() + 0.5, "{name} page {n}: {t:?} at y {y}");
                }
            }
        }
    }
}

#[test]
fn long_table_splits_with_its_head_row_repeated() {
    let doc = lay(&sample("long-table.md"), Paper::A4);
    let with_rows: Vec<usize> = (0..doc.pages.len())
        .filter(|&n| page_has(&doc.pages[n], "PRG-"))
        .collect();
    assert!(with_rows.len() >= 3, "{with_rows:?}");
    for &n in &with_rows {
        let page = &doc.pages[n];
        let head_y = texts(page)
            .find(|(t, ..)| *t == "Programme")
            .map(|(_, _, y, ..)| y)
            .unwrap_or_else(|| panic!("page {n} lacks the head row"));
        let first_row_y = texts(page)
            .filter(|(t, ..)| t.starts_with("PRG-"))
            .map(|(_, _, y, ..)| y)
            .fold(f32::MAX, f32::min);
        assert!(head_y < first_row_y, "page {n}");
        // The head row is shaded.
        assert!(
            page.items
                .iter()
                .any(|i| matches!(i, Item::Rect { y, h, .. } if *y <= head_y && y + h >= head_y))
        );
    }
    // All 180 rows are there, each once.
    let rows: usize = with_rows
        .iter()
        .map(|&n| {
            texts(&doc.pages[n])
                .filter(|(t, ..)| t.starts_with("PRG-"))
                .count()
        })
        .sum();
    assert_eq!(rows, 180);
}

#[test]
fn a_row_taller_than_a_page_is_split() {
    let doc = lay(&sample("long-table.md"), Paper::A4);
    let pages: Vec<usize> = (0..doc.pages.len())
        .filter(|&n| page_has(&doc.pages[n], "describes the programme scope"))
        .collect();
    assert!(pages.len() >= 2, "{pages:?}");
    // Consecutive pages, and every one repeats the head row of that table.
    for w in pages.windows(2) {
        assert_eq!(w[1], w[0] + 1);
    }
    for &n in &pages {
        assert!(page_has(&doc.pages[n], "Description"), "page {n}");
    }
    let first = texts(&doc.pages[pages[0]])
        .filter(|(t, ..)| t.contains("Sentence 1 "))
        .count();
    assert_eq!(first, 1);
    assert!(
        pages
            .iter()
            .any(|&n| page_has(&doc.pages[n], "Sentence 139"))
    );
}

#[test]
fn rows_that_fit_a_page_are_never_split() {
    let mut md = FRONT.to_string();
    md.push_str("# BAB I\n\n| No | Uraian |\n|--:|---|\n");
    for r in 0..12 {
        let words: String = (0..(60 + r * 25)).map(|k| format!("kata{k} ")).collect();
        md.push_str(&format!("| {r} | AWAL{r} {words} AKHIR{r} |\n"));
    }
    let doc = lay(&md, Paper::A4);
    for r in 0..12 {
        let start = doc
            .pages
            .iter()
            .position(|p| page_has(p, &format!("AWAL{r}")));
        let end = doc
            .pages
            .iter()
            .position(|p| page_has(p, &format!("AKHIR{r}")));
        assert!(
            start.is_some() && start == end,
            "row {r}: {start:?} {end:?}"
        );
    }
}

#[test]
fn a_heading_is_never_last_on_its_page() {
    for name in SAMPLES {
        let doc = lay(&sample(name), Paper::A4);
        for e in &doc.outline {
            let page = &doc.pages[e.page];
            let g = geo(page, Paper::A4);
            let below = texts(page)
                .any(|(_, _, y, size, _)| size <= 11.0 && y > e.y + 12.0 && y < g.bottom() + 1.0);
            assert!(
                below,
                "{name}: heading {:?} alone on page {}",
                e.title, e.page
            );
        }
    }
    // Headings near a page end: fill a page so that a heading lands at its foot.
    let mut md = FRONT.to_string();
    md.push_str("# BAB I\n\n");
    for k in 0..60 {
        md.push_str(&format!("## 1.{k} Bagian\n\nParagraf pendek nomor {k} tentang program.\n\nBaris kedua yang panjang sekali supaya paragraf ini memenuhi lebih dari satu baris pada halaman A4 yang sempit ini, dengan kata-kata tambahan.\n\n"));
    }
    let doc = lay(&md, Paper::A4);
    for e in doc.outline.iter().filter(|e| e.level == 2) {
        let page = &doc.pages[e.page];
        let g = geo(page, Paper::A4);
        assert!(
            texts(page).any(|(_, _, y, size, _)| size <= 11.0 && y > e.y + 12.0 && y < g.bottom()),
            "{:?}",
            e.title
        );
    }
}

#[test]
fn wide_table_and_marked_section_go_landscape() {
    let doc = lay(&sample("masterplan.md"), Paper::A4);
    let roadmap = doc
        .pages
        .iter()
        .find(|p| page_has(p, "2031") && page_has(p, "Telemedicine"))
        .expect("roadmap table");
    assert!(roadmap.width > roadmap.height);
    let marked = doc
        .pages
        .iter()
        .find(|p| page_has(p, "2.4 Peta Jalan") && !page_has(p, "DAFTAR ISI"))
        .expect("landscape section");
    assert!(marked.width > marked.height);
    let after = doc
        .pages
        .iter()
        .find(|p| page_has(p, "halaman tegak"))
        .expect("text after the roadmap");
    assert!(after.width < after.height);
    // A heading and a short note introducing a wide table go to the landscape page with it.
    let mut md = FRONT.to_string();
    md.push_str("# BAB XIII RENCANA ANGGARAN\n\nPengantar bab.\n\n## 13.2 Anggaran per Sumber Dana\n\n(dalam Rupiah)\n\n");
    md.push_str("| Sumber | 2024 | 2025 | 2026 | 2027 | 2028 | 2029 | 2030 | 2031 | 2032 | 2033 | Jumlah | % |\n|---|");
    md.push_str(&"--:|".repeat(12));
    md.push_str("\n| APBD | 1.833.333.333 | 1.466.666.666 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5.700.000.000 | 55,3 % |\n");
    let budget = lay(&md, Paper::A4);
    let heading = budget
        .pages
        .iter()
        .find(|p| page_has(p, "13.2 Anggaran") && !page_has(p, "DAFTAR ISI"))
        .unwrap();
    assert!(heading.width > heading.height && page_has(heading, "(dalam Rupiah)"));
    assert!(page_has(heading, "55,3 %"), "a percentage is not wrapped");
    // The same for a `pdf:landscape` section right after its heading (as `render` writes it).
    let mini = lay(&sample("render-mini-id.md"), Paper::A4);
    let budget = mini
        .pages
        .iter()
        .find(|p| page_has(p, "13.2 Anggaran per Sumber Dana") && !page_has(p, "DAFTAR ISI"))
        .unwrap();
    assert!(budget.width > budget.height && page_has(budget, "KPBU"));
    // The narrow programme table stays portrait.
    let actions = doc
        .pages
        .iter()
        .find(|p| page_has(p, "Bank Sampah Digital") && page_has(p, "Rp300.000.000"))
        .expect("action table");
    assert!(actions.width < actions.height);
}

#[test]
fn toc_numbers_match_where_headings_landed() {
    let doc = lay(&sample("masterplan.md"), Paper::A4);
    let toc_page = doc
        .pages
        .iter()
        .position(|p| page_has(p, "DAFTAR ISI"))
        .expect("TOC");
    // The foreword comes first, the TOC where the marker is (after it).
    assert!(
        doc.pages
            .iter()
            .position(|p| page_has(p, "KATA PENGANTAR"))
            .unwrap()
            < toc_page
    );
    let page = &doc.pages[toc_page];
    let g = geo(page, Paper::A4);
    let right = g.left + g.width;
    let mut checked = 0;
    for item in &page.items {
        let Item::GotoLink {
            y,
            h,
            page: target,
            top,
            ..
        } = item
        else {
            continue;
        };
        let number = texts(page)
            .find(|(t, x, ty, size, font)| {
                *ty >= *y
                    && *ty <= y + h
                    && (x + fonts::text_width(*font, *size, t) - right).abs() < 0.5
                    && !t.is_empty()
                    && t.chars().all(|c| c.is_ascii_digit() || "ivxlc".contains(c))
            })
            .map(|(t, ..)| t.to_string())
            .expect("page number");
        assert_eq!(number, printed(*target, doc.metadata.body_start));
        let entry = doc
            .outline
            .iter()
            .find(|e| e.page == *target && (e.y - top).abs() < 0.5)
            .expect("outline entry at the link target");
        assert!(page_has(&doc.pages[*target], &entry.title));
        checked += 1;
    }
    // KATA PENGANTAR, BAB I + 3 sections, BAB II + 5 sections.
    assert_eq!(checked, 11);
}

/// The printed number of page `index` (0-based): lower-case roman before the body, then 1, 2, ….
fn printed(index: usize, body: Option<usize>) -> String {
    let roman = |mut n: usize| {
        let mut out = String::new();
        for (v, d) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
            while n >= v {
                out.push_str(d);
                n -= v;
            }
        }
        out
    };
    match body {
        Some(b) if index < b => roman(index + 1),
        Some(b) => (index - b + 1).to_string(),
        None => (index + 1).to_string(),
    }
}

#[test]
fn outline_furniture_and_metadata() {
    let doc = lay(&sample("masterplan.md"), Paper::A4);
    assert_eq!(doc.metadata.author, "Pemerintah Kabupaten Banggai");
    assert_eq!(doc.metadata.language, "id");
    assert_eq!(
        doc.metadata.keywords,
        vec!["smart city", "masterplan", "Banggai"]
    );
    let levels: Vec<u8> = doc.outline.iter().map(|e| e.level).collect();
    assert!(levels.contains(&3));
    assert!(doc.outline.windows(2).all(|w| w[0].page <= w[1].page));
    let n = doc.pages.len();
    assert!(!page_has(&doc.pages[0], "Halaman"));
    let body = doc.metadata.body_start.expect("front matter before BAB I");
    for (k, p) in doc.pages.iter().enumerate().skip(1) {
        let want = if k < body {
            format!("Halaman {}", printed(k, Some(body)))
        } else {
            format!("Halaman {} dari {}", k - body + 1, n - body)
        };
        assert!(page_has(p, &want), "page {k}: {want}");
        assert!(page_has(p, "Masterplan Smart City Kabupaten Banggai"));
        assert!(!p.items.iter().any(|i| matches!(i, Item::Watermark { .. })));
    }
    // The skipped Markdown cover and link list are not set.
    assert!(
        !doc.pages
            .iter()
            .any(|p| page_has(p, "Provinsi Sulawesi Tengah 2023"))
    );
    // The cover: logo, title, region, year.
    let cover = &doc.pages[0];
    assert!(cover.items.iter().any(|i| matches!(i, Item::Image { .. })));
    assert!(page_has(cover, "Kabupaten Banggai"));
    assert!(page_has(cover, "2023"));
    assert!(page_has(cover, "Buku 2 Masterplan"));
}

#[test]
fn draft_english_missing_logo() {
    let doc = lay(&sample("long-table.md"), Paper::Letter);
    let n = doc.pages.len();
    assert!(
        !doc.pages[0]
            .items
            .iter()
            .any(|i| matches!(i, Item::Image { .. }))
    );
    for (k, p) in doc.pages.iter().enumerate() {
        assert!(matches!(p.items.first(), Some(Item::Watermark { text, .. }) if text == "DRAFT"));
        if k > 0 {
            let want = match doc.metadata.body_start {
                Some(b) if k < b => format!("Page {}", printed(k, Some(b))),
                Some(b) => format!("Page {} of {}", k - b + 1, n - b),
                None => format!("Page {} of {n}", k + 1),
            };
            assert!(page_has(p, &want), "page {k}: {want}");
            assert!(page_has(p, "23 November 2026"));
        }
    }
    assert!(doc.pages.iter().any(|p| page_has(p, "CONTENTS")));
    assert_eq!(doc.metadata.language, "en");
}

#[test]
fn links_inline_styles_and_footnotes() {
    let doc = lay(&sample("masterplan.md"), Paper::A4);
    let all: Vec<&Item> = doc.pages.iter().flat_map(|p| &p.items).collect();
    assert!(
        all.iter()
            .any(|i| matches!(i, Item::UriLink { uri, .. } if uri == "https://www.kominfo.go.id"))
    );
    // The bare URL in the text is set (split across lines when needed), never past the margin.
    let target = doc
        .outline
        .iter()
        .find(|e| e.title == "2.2 Analisis Kesiapan Daerah")
        .unwrap();
    let internal = doc.pages.iter().any(|p| {
        p.items.iter().any(
            |i| matches!(i, Item::GotoLink { page, h, .. } if *page == target.page && *h < 20.0),
        )
    });
    assert!(internal, "internal #slug link");
    assert!(all.iter().any(
        |i| matches!(i, Item::Text { font: FontId::Mono, text, .. } if text.contains("governance"))
    ));
    let struck = all
        .iter()
        .any(|i| matches!(i, Item::Line { y1, y2, .. } if y1 == y2))
        && doc.pages.iter().any(|p| page_has(p, "People"));
    assert!(struck);
    // Footnotes at the end of chapter I, before chapter II.
    let notes = doc
        .pages
        .iter()
        .position(|p| page_has(p, "Rencana Pembangunan Jangka Menengah Daerah"))
        .unwrap();
    let bab2 = doc
        .pages
        .iter()
        .position(|p| page_has(p, "BAB II ANALISIS STRATEGIS") && !page_has(p, "DAFTAR ISI"))
        .unwrap();
    assert!(notes < bab2);
    // Footnote references link to their notes.
    let to_notes = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| matches!(i, Item::GotoLink { page, h, .. } if *page == notes && *h < 12.0));
    assert!(to_notes.count() >= 2);
    // Nested list bullets and numbers.
    assert!(doc.pages.iter().any(|p| page_has(p, "•")));
    assert!(doc.pages.iter().any(|p| page_has(p, "3.")));
}

#[test]
fn a_short_preamble_shares_the_first_chapter_page() {
    let doc = lay(&sample("render-mini-en.md"), Paper::A4);
    let notice = doc
        .pages
        .iter()
        .position(|p| page_has(p, "has not been adopted yet"))
        .unwrap();
    assert_eq!(notice, 1);
    assert!(page_has(&doc.pages[notice], "FOREWORD"));
    // A long preamble keeps the chapter on its own page.
    let mut md = FRONT.to_string();
    for _ in 0..12 {
        md.push_str("Pembuka yang panjang sekali, berulang-ulang, untuk mengisi lebih dari seperempat halaman sebelum bab pertama dimulai pada halaman berikutnya.\n\n");
    }
    md.push_str("# BAB I PENDAHULUAN\n\nIsi.\n");
    let doc = lay(&md, Paper::A4);
    let first = doc
        .pages
        .iter()
        .position(|p| page_has(p, "Pembuka"))
        .unwrap();
    let chapter = doc
        .pages
        .iter()
        .position(|p| page_has(p, "PENDAHULUAN") && !page_has(p, "DAFTAR ISI"))
        .unwrap();
    assert!(chapter > first);
}

#[test]
fn layout_is_deterministic() {
    let md = sample("masterplan.md");
    assert_eq!(lay(&md, Paper::A4), lay(&md, Paper::A4));
    let md = sample("long-table.md");
    assert_eq!(lay(&md, Paper::F4), lay(&md, Paper::F4));
}

#[test]
fn odd_inputs_do_not_panic() {
    for body in [
        "",
        "# \n\n##\n",
        "<!-- pdf:skip -->\n\nnever closed",
        "<!-- /pdf:landscape -->\n<!-- pdf:landscape -->\n# Only",
        "| a |\n|---|\n",
        "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 | 3 | 4 |\n",
        "```\n\n```\n",
        "```mermaid\ngraph TD; A-->B\n```\n",
        "- \n-\n  1. x\n",
        "> > > deep\n",
        "[^missing] and [^x]\n\n[^x]: defined\n",
        "text with \u{0} control \u{7} chars and a tab\there",
        "Supercalifragilisticexpialidocious-antidisestablishmentarianism-floccinaucinihilipilification-pneumonoultramicroscopicsilicovolcanoconiosis",
        "<!-- pdf:toc -->\n<!-- pdf:toc -->\n# A\n## B\n",
    ] {
        let md = format!("{FRONT}{body}");
        let doc = layout(&md, Path::new("/nonexistent"), &PdfOptions::default()).unwrap();
        assert!(!doc.pages.is_empty());
    }
    // Very deep nesting: no stack overflow, nothing squeezed to nothing.
    for deep in [
        format!("{FRONT}{}deep\n", ">".repeat(5000)),
        format!("{FRONT}{}deep\n", "<!-- pdf:landscape -->\n\n".repeat(5000)),
        format!(
            "{FRONT}{}",
            (0..400)
                .map(|k| format!("{}- item {k}\n", "  ".repeat(k)))
                .collect::<String>()
        ),
    ] {
        let doc = layout(&deep, Path::new("."), &PdfOptions::default()).unwrap();
        let g = geo(&doc.pages[1], Paper::A4);
        for page in doc.pages.iter().skip(1) {
            for (t, x, _, size, font) in texts(page) {
                assert!(x + fonts::text_width(font, size, t) <= g.left + g.width + 0.5);
            }
        }
    }
    let table = format!(
        "{FRONT}| {} |\n|{}|\n| {} |\n",
        (0..40)
            .map(|c| format!("Kolom {c}"))
            .collect::<Vec<_>>()
            .join(" | "),
        (0..40).map(|_| "---").collect::<Vec<_>>().join("|"),
        (0..40)
            .map(|c| format!("nilai-{c}"))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    let doc = layout(&table, Path::new("."), &PdfOptions::default()).unwrap();
    let page = doc.pages.iter().find(|p| p.width > p.height).unwrap();
    assert!(page.width > page.height);
    let g = geo(page, Paper::A4);
    for (t, x, _, size, font) in texts(page) {
        assert!(
            x + fonts::text_width(font, size, t) <= g.left + g.width + 0.5,
            "{t}"
        );
    }
}

/// A document shaped like the 3000-programme masterplan: per programme a level-3 heading, a
/// paragraph and a small table; one long list table per dimension.
pub fn big_document(programs: usize) -> String {
    let mut md = FRONT.to_string();
    md.push_str("<!-- pdf:toc -->\n\n");
    let dims = [
        "Governance",
        "Branding",
        "Economy",
        "Living",
        "Society",
        "Environment",
    ];
    for (d, dim) in dims.iter().enumerate() {
        md.push_str(&format!("# BAB {} SMART {}\n\n", d + 3, dim.to_uppercase()));
        md.push_str(&format!("## {}.1 Daftar Program\n\n", d + 3));
        md.push_str(
            "| No | Kode | Program | OPD | Tahun | Anggaran |\n|--:|---|---|---|:-:|--:|\n",
        );
        let per = programs / dims.len();
        for k in 0..per {
            md.push_str(&format!(
                "| {} | {}-{:03} | Program peningkatan layanan {} nomor {} | Dinas {} | {} | Rp{}.000.000 |\n",
                k + 1, &dim[..3].to_uppercase(), k, dim, k, dim, 2024 + k % 10, 100 + k * 7
            ));
        }
        md.push_str(&format!("\n## {}.2 Rincian Program\n\n", d + 3));
        for k in 0..per {
            md.push_str(&format!(
                "### {}.2.{} {}-{:03} Program peningkatan layanan {}\n\nProgram ini dilaksanakan oleh Dinas {} untuk meningkatkan kualitas layanan kepada warga melalui pemanfaatan teknologi informasi, dengan indikator yang terukur dan sumber pendanaan dari APBD dan KPBU.\n\n| Atribut | Nilai |\n|---|---|\n| Kategori | Aplikasi |\n| Tahun | {} |\n| Anggaran | Rp{}.000.000 |\n| Indikator | Persentase layanan daring |\n\n",
                d + 3, k + 1, &dim[..3].to_uppercase(), k, dim, dim, 2024 + k % 10, 100 + k * 7
            ));
        }
    }
    md
}

#[test]
fn big_document_lays_out_linearly() {
    let md = big_document(600);
    let t = std::time::Instant::now();
    let doc = layout(&md, Path::new("."), &PdfOptions::default()).unwrap();
    let elapsed = t.elapsed();
    assert!(doc.pages.len() > 150, "{}", doc.pages.len());
    // Generous for unoptimised test builds on a shared machine; release is far faster.
    assert!(elapsed.as_secs_f32() < 20.0, "{elapsed:?}");
    let toc = doc
        .pages
        .iter()
        .filter(|p| page_has(p, "DAFTAR ISI"))
        .count();
    assert!(toc >= 1);
}

/// Documents stitched from random fragments (a fixed-seed generator): no panic, and no text
/// past the right margin, on every paper.
#[test]
fn random_documents_lay_out_within_the_margins() {
    let fragments = [
        "# BAB I PENDAHULUAN\n\n",
        "## 1.1 Latar Belakang\n\n",
        "### 1.1.1 Rinci\n\n",
        "#### GOV-01 Program\n\n",
        "Paragraf dengan **tebal**, *miring*, `kode sebaris`, ~~coret~~ dan [tautan](https://kominfo.go.id) serta [internal](#11-latar-belakang).\n\n",
        "Kata-kata panjang: https://satudata.banggaikab.go.id/dataset/indikator-kinerja-utama-smart-city-2023-2032-lengkap-sekali\n\n",
        "- satu\n- dua\n  - dua.a\n    1. dalam\n",
        "\n1. pertama\n2. kedua\n\n",
        "> kutipan yang cukup panjang untuk dibungkus menjadi beberapa baris di halaman ini, bersama warga.\n\n",
        "```\nkode blok dengan baris yang sangat panjang sekali sehingga harus dibungkus oleh penata letak tanpa keluar dari batas halaman\n```\n\n",
        "```mermaid\nxychart-beta\n    title \"Skor\"\n    x-axis [A, B, C]\n    y-axis \"Skor\" 0 --> 5\n    bar [3, 2, 4]\n```\n\n",
        "| No | Program | Anggaran |\n|--:|---|--:|\n| 1 | Mal Pelayanan Publik | Rp1.250.000.000 |\n| 2 | Satu Data | Rp850.000.000 |\n\n",
        "| A | B | C | D | E | F | G | H | I | J | K | L |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |\n\n",
        "<!-- pdf:pagebreak -->\n\n",
        "<!-- pdf:landscape -->\n\n",
        "<!-- /pdf:landscape -->\n\n",
        "<!-- pdf:toc -->\n\n",
        "Catatan kaki[^a] dan lainnya[^b].\n\n[^a]: Catatan A.\n\n",
        "---\n\n",
        "Teks ✓ ★ 🚀 dengan simbol.\n\n",
    ];
    let mut seed: u64 = 0x5eed_1234;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for round in 0..24 {
        let mut md = FRONT.to_string();
        for _ in 0..(10 + next() % 40) {
            md.push_str(fragments[next() % fragments.len()]);
        }
        let paper = [Paper::A4, Paper::F4, Paper::Letter][round % 3];
        let doc = layout(&md, Path::new("."), &PdfOptions { paper }).unwrap();
        for (n, page) in doc.pages.iter().enumerate().skip(1) {
            let g = geo(page, paper);
            for (t, x, _, size, font) in texts(page) {
                let right = x + fonts::text_width(font, size, t);
                assert!(
                    right <= g.left + g.width + 0.5,
                    "round {round} page {n}: {t:?} ends at {right}"
                );
            }
        }
        for e in &doc.outline {
            assert!(e.page < doc.pages.len());
        }
    }
}

/// A chapter whose first page is filled with `lines` one-line paragraphs, then `tail`.
fn after_filler(lines: usize, tail: &str) -> String {
    let mut md = FRONT.to_string();
    md.push_str("# BAB I\n\n");
    for k in 0..lines {
        md.push_str(&format!("Baris pengisi nomor {k}.\n\n"));
    }
    md.push_str(tail);
    md
}

fn page_of(doc: &Document, needle: &str) -> Option<usize> {
    doc.pages.iter().position(|p| page_has(p, needle))
}

#[test]
fn a_small_table_moves_whole_to_the_next_page() {
    let table = "| Aspek | Skor | Catatan |\n|---|---:|---|\n| Struktur | 3 | ROWA |\n| Infrastruktur | 2 | ROWB |\n| Suprastruktur | 3 | ROWC |\n\nSesudah tabel.\n";
    let mut moved = 0;
    for lines in 35..75 {
        let doc = lay(&after_filler(lines, table), Paper::A4);
        let head = page_of(&doc, "Catatan");
        for row in ["ROWA", "ROWB", "ROWC"] {
            assert_eq!(page_of(&doc, row), head, "{lines} lines: {row}");
        }
        moved += usize::from(head != page_of(&doc, "Baris pengisi nomor 0."));
    }
    assert!(moved > 0, "the filler never pushed the table over");
}

#[test]
fn a_long_table_breaks_with_two_rows_on_either_side() {
    let mut table = String::from("| No | Uraian |\n|---:|---|\n");
    for r in 0..30 {
        table.push_str(&format!("| {r} | BARIS{r} uraian |\n"));
    }
    for lines in 35..75 {
        let doc = lay(&after_filler(lines, &table), Paper::A4);
        let pages: Vec<usize> = doc
            .pages
            .iter()
            .map(|p| texts(p).filter(|(t, ..)| t.starts_with("BARIS")).count())
            .filter(|n| *n > 0)
            .collect();
        assert_eq!(pages.iter().sum::<usize>(), 30);
        assert!(pages.iter().all(|n| *n >= 2), "{lines} lines: {pages:?}");
    }
}

#[test]
fn a_lead_in_stays_with_what_it_introduces() {
    let mut table = String::from("| No | Nama | Peran |\n|---:|---|---|\n");
    for r in 0..12 {
        table.push_str(&format!("| {r} | ANGGOTA{r} | Anggota |\n"));
    }
    let bold = format!("**Tim Pelaksana**\n\n{table}");
    let colon = "Langkah berikut dilakukan berurutan:\n\n- LANGKAH1 pertama\n- LANGKAH2 kedua\n";
    for lines in 35..75 {
        let doc = lay(&after_filler(lines, &bold), Paper::A4);
        assert_eq!(
            page_of(&doc, "Tim Pelaksana"),
            page_of(&doc, "ANGGOTA1"),
            "{lines} lines"
        );
        let doc = lay(&after_filler(lines, colon), Paper::A4);
        assert_eq!(
            page_of(&doc, "berurutan:"),
            page_of(&doc, "LANGKAH1"),
            "{lines} lines"
        );
    }
}

#[test]
fn year_columns_are_equally_wide() {
    let md = after_filler(
        1,
        "| Kode | Indikator | 2023 | 2024 | 2025 | 2026 |\n|---|---|---:|---:|---:|---:|\n| GOV-01 | Peraturan Bupati | ditetapkan | 1 | | 300.000 |\n| GOV-02 | Dataset sektoral | 12 | | 1.500 | 2 |\n",
    );
    let doc = lay(&md, Paper::A4);
    let page = &doc.pages[page_of(&doc, "2023").expect("table")];
    let right = |year: &str| {
        texts(page)
            .find(|(t, ..)| *t == year)
            .map(|(t, x, _, size, font)| x + fonts::text_width(font, size, t))
            .expect("year head")
    };
    let edges: Vec<f32> = ["2023", "2024", "2025", "2026"].map(right).to_vec();
    let first = edges[1] - edges[0];
    for w in edges.windows(2) {
        assert!(((w[1] - w[0]) - first).abs() < 0.5, "{edges:?}");
    }
}

#[test]
fn the_contents_never_end_with_a_lone_entry() {
    let mut multi = 0;
    for entries in 40..130 {
        let mut md = FRONT.to_string();
        for k in 0..entries {
            if k % 7 == 0 {
                md.push_str(&format!("# BAB {k} Bab\n\nTeks.\n\n"));
            } else {
                md.push_str(&format!("## {k} Bagian\n\nTeks.\n\n"));
            }
        }
        let doc = lay(&md, Paper::A4);
        // Entries of the contents are the links as wide as the text area.
        let counts: Vec<usize> = doc
            .pages
            .iter()
            .map(|p| {
                let g = geo(p, Paper::A4);
                p.items
                    .iter()
                    .filter(|i| matches!(i, Item::GotoLink { w, .. } if (*w - g.width).abs() < 0.5))
                    .count()
            })
            .filter(|n| *n > 0)
            .collect();
        if counts.len() > 1 {
            multi += 1;
            assert!(
                counts.last().is_some_and(|n| *n >= 3),
                "{entries}: {counts:?}"
            );
        }
    }
    assert!(multi > 10);
}
