//! The typesetting measured from the produced PDF, as a typesetter and a Bupati's office would
//! review it (issue 12): word positions are read back from the file (`common::words`), and the
//! checks run on both examples, on the 10-year Banggai project on Letter paper and on a generated
//! 600-programme project. Each project is generated once per test binary.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

mod common;
use common::words::{self, Page};
use common::{copy_tree, masterplan, repo};

struct Output {
    name: &'static str,
    /// The file itself, for what words do not show (page labels).
    pdf: Vec<u8>,
    md: String,
    pages: Vec<Page>,
}

fn generate_in(name: &'static str, dir: &Path, args: &[&str]) -> Output {
    let out = masterplan()
        .arg("generate")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: generate {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = fs::read(dir.join("build/masterplan.pdf")).expect("masterplan.pdf written");
    let md = fs::read_to_string(dir.join("build/masterplan.md")).expect("masterplan.md written");
    let pages = words::pages(&pdf);
    Output {
        name,
        pdf,
        md,
        pages,
    }
}

fn example(name: &'static str, example: &str, args: &[&str]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(example);
    copy_tree(&repo().join("examples").join(example), &dir);
    generate_in(name, &dir, args)
}

fn synthetic(name: &'static str, programs: usize) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("project");
    for (file, content) in masterplan::synth::project(programs) {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    generate_in(name, &dir, &[])
}

fn banggai() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| example("banggai A4", "banggai", &[]))
}

fn makassar() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| example("makassar A4", "makassar", &[]))
}

fn banggai_letter() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| example("banggai Letter", "banggai", &["--paper", "letter"]))
}

fn banggai_f4() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| example("banggai F4", "banggai", &["--paper", "f4"]))
}

fn synth600() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| synthetic("600 programmes", 600))
}

fn all() -> Vec<&'static Output> {
    // Generated on two threads: the 600-programme project is most of the time.
    std::thread::scope(|s| {
        let big = s.spawn(synth600);
        let small = vec![banggai(), makassar(), banggai_letter(), banggai_f4()];
        let mut v = small;
        v.push(big.join().unwrap());
        v
    })
}

/// The tokens of the Markdown, trimmed of punctuation and Markdown syntax.
fn md_tokens(md: &str) -> BTreeSet<String> {
    md.split(|c: char| c.is_whitespace() || matches!(c, '|' | '*' | '`' | '[' | ']' | '(' | ')'))
        .map(trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn trim(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
}

/// Whether a token is a fragment of a broken amount or number: `2.761.665.0`, `11.975.000.`,
/// `00`, `000`.
fn number_fragment(t: &str) -> bool {
    let t = t.strip_prefix("Rp").unwrap_or(t);
    let t = t.trim_end_matches([',', ';', ':', ')']);
    // A full stop after a whole amount ends a sentence.
    let t = match t.strip_suffix('.') {
        Some(rest) if !number_fragment(rest) => rest,
        _ => t,
    };
    if t.len() >= 2 && t.starts_with('0') && t.as_bytes()[1].is_ascii_digit() {
        return true;
    }
    let groups: Vec<&str> = t.split('.').collect();
    if groups.len() < 3 || !groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    // An amount: 1-3 digits, then groups of three. A fragment ends in a shorter group or a dot.
    let last = groups[groups.len() - 1];
    groups[1..groups.len() - 1].iter().all(|g| g.len() == 3) && last.len() < 3
}

/// Every body token with a digit or a percent sign, and every word, is one the Markdown has (or
/// a hyphenated part of one): nothing is cut between characters.
#[test]
fn no_amount_percentage_code_or_word_is_split_across_lines() {
    for out in all() {
        let mut tokens = md_tokens(&out.md);
        // The typesetter's own titles: the lists of tables and figures.
        tokens.extend(["TABEL", "GAMBAR", "LIST", "OF", "TABLES", "FIGURES"].map(String::from));
        let mut bad = Vec::new();
        for page in &out.pages {
            for line in page.lines() {
                let body = line[0].y > 60.0 && line[0].y < page.height - 60.0;
                if !body {
                    continue;
                }
                for (i, w) in line.iter().enumerate() {
                    let raw = w.text.as_str();
                    let t = trim(raw);
                    let first = i == 0 || line[i - 1].right() + 12.0 < w.x;
                    if (number_fragment(raw) && !tokens.contains(t))
                        || (raw == "%" && first && !w.bold)
                    {
                        bad.push(format!("page {}: {raw:?}", page.number));
                        continue;
                    }
                    if t.is_empty() || tokens.contains(t) {
                        continue;
                    }
                    let numeric = t.chars().any(|c| c.is_ascii_digit() || c == '%');
                    let hyphenated = raw.ends_with('-') && tokens.iter().any(|k| k.starts_with(t));
                    let tail = first && tokens.iter().any(|k| k.ends_with(t));
                    let roman = t.chars().all(|c| "ivxlc".contains(c));
                    if roman || (numeric && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())) {
                        // Page numbers (roman in the front matter), chart ticks.
                        continue;
                    }
                    if !(hyphenated || tail) && (numeric || t.chars().all(char::is_alphabetic)) {
                        bad.push(format!("page {}: {raw:?}", page.number));
                    }
                }
            }
        }
        bad.dedup();
        assert!(
            bad.is_empty(),
            "{}: {} split or unknown tokens: {:?}",
            out.name,
            bad.len(),
            &bad[..bad.len().min(40)]
        );
    }
}

#[test]
fn the_outputs_parse_and_have_pages() {
    for out in all() {
        assert!(out.pdf.starts_with(b"%PDF-1.7"), "{}", out.name);
        assert!(
            out.pages.len() > 10,
            "{}: {} pages",
            out.name,
            out.pages.len()
        );
        assert!(out.md.starts_with("---"), "{}: front matter", out.name);
    }
}

const CM: f32 = 72.0 / 2.54;

/// The signature blocks the Markdown writes: (place-and-date line, office, name).
fn signatures(md: &str) -> Vec<(String, String, String)> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(office) = l.strip_prefix("**").and_then(|l| l.strip_suffix("**")) else {
            continue;
        };
        let place = i.checked_sub(2).map(|k| lines[k]).unwrap_or("");
        if !(place.contains(", ") && place.ends_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let name = lines.get(i + 2).copied().unwrap_or("");
        let name = name.trim_start_matches("**").trim_end_matches("**");
        out.push((place.to_string(), office.to_string(), name.to_string()));
    }
    out
}

fn line_text(line: &[common::words::Word]) -> String {
    let words: Vec<&str> = line.iter().map(|w| w.text.as_str()).collect();
    words.join(" ")
}

#[test]
fn signature_blocks_leave_room_to_sign_on_the_right() {
    for out in all() {
        let wanted = signatures(&out.md);
        assert!(
            !wanted.is_empty(),
            "{}: the Markdown has signatures",
            out.name
        );
        let mut found = 0;
        for page in &out.pages {
            let lines = page.lines();
            for (i, line) in lines.iter().enumerate() {
                let text = line_text(line);
                let Some((place, _, name)) = wanted.iter().find(|(_, o, _)| *o == text) else {
                    continue;
                };
                found += 1;
                let office = line;
                let named = lines[i + 1..]
                    .iter()
                    .find(|l| line_text(l) == *name)
                    .unwrap_or_else(|| panic!("{}: page {}: no {name:?}", out.name, page.number));
                let gap = named[0].y - office[0].y;
                assert!(
                    (3.0 * CM..4.0 * CM).contains(&gap),
                    "{}: page {}: {gap:.0} pt between office and name",
                    out.name,
                    page.number
                );
                let above = &lines[i - 1];
                assert_eq!(
                    line_text(above),
                    *place,
                    "{}: place and date above",
                    out.name
                );
                for l in [above, office, named] {
                    let left = l[0].x;
                    assert!(
                        left > page.width / 2.0,
                        "{}: page {}: {:?} starts at {left:.0} pt, not on the right",
                        out.name,
                        page.number,
                        line_text(l)
                    );
                    let right = l[l.len() - 1].right();
                    assert!(
                        right <= page.width - 22.0 * CM / 10.0 + 0.5,
                        "{}: inside the margin",
                        out.name
                    );
                }
            }
        }
        assert_eq!(found, wanted.len(), "{}: every signature drawn", out.name);
    }
}

#[test]
fn the_commitment_sheet_starts_a_page_with_rows_tall_enough_to_sign() {
    for out in all() {
        let heading = out
            .md
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .find(|h| h.contains("Komitmen") || h.contains("Commitment"))
            .unwrap_or_else(|| panic!("{}: a commitment sheet", out.name));
        let page = out
            .pages
            .iter()
            .find(|p| {
                p.lines()
                    .iter()
                    .any(|l| line_text(l) == heading && l[0].size > 12.0)
            })
            .unwrap_or_else(|| panic!("{}: {heading:?} drawn", out.name));
        let first = page
            .lines()
            .into_iter()
            .find(|l| l[0].y > 60.0 && l[0].y < page.height - 60.0)
            .unwrap();
        assert_eq!(
            line_text(&first),
            heading,
            "{}: page {}",
            out.name,
            page.number
        );
        // The signature cells: `1.……………………`, one per row.
        let mut rows = 0;
        for p in out.pages.iter().filter(|p| p.number >= page.number) {
            let cells: Vec<&common::words::Word> = p
                .words
                .iter()
                .filter(|w| w.text.contains('.') && w.text.ends_with("……"))
                .collect();
            for pair in cells.windows(2) {
                let pitch = pair[1].y - pair[0].y;
                assert!(
                    pitch >= 1.2 * CM,
                    "{}: page {}: signature rows {pitch:.0} pt apart",
                    out.name,
                    p.number
                );
            }
            rows += cells.len();
        }
        assert!(rows >= 2, "{}: {rows} signature rows", out.name);
    }
}

/// Justified body lines (11 pt lines followed by another line of the same paragraph: the next
/// baseline 15 pt below, starting at the same x) and how many of them are loose: word spaces
/// wider than half an em, or left ragged because they would be.
fn looseness(out: &Output) -> (usize, usize) {
    let (mut lines_seen, mut loose) = (0, 0);
    for page in &out.pages {
        let lines: Vec<Vec<common::words::Word>> = page
            .lines()
            .into_iter()
            .filter(|l| l.iter().all(|w| (w.size - 11.0).abs() < 0.01))
            .collect();
        let right = lines
            .iter()
            .map(|l| l[l.len() - 1].right())
            .fold(0.0, f32::max);
        for pair in lines.windows(2) {
            let (line, next) = (&pair[0], &pair[1]);
            let same_paragraph =
                (next[0].y - line[0].y - 15.0).abs() < 0.2 && (next[0].x - line[0].x).abs() < 0.2;
            if !same_paragraph || line.len() < 3 {
                continue;
            }
            lines_seen += 1;
            let gaps: Vec<f32> = line.windows(2).map(|w| w[1].x - w[0].right()).collect();
            let mean = gaps.iter().sum::<f32>() / gaps.len() as f32;
            let ragged = line[line.len() - 1].right() < right - 1.0;
            if mean > 5.5 || ragged {
                loose += 1;
                if std::env::var_os("SHOW_LOOSE").is_some() {
                    eprintln!(
                        "{} p{} {mean:.1} {ragged}: {}",
                        out.name,
                        page.number,
                        line_text(line)
                    );
                }
            }
        }
    }
    (lines_seen, loose)
}

#[test]
fn at_most_nine_percent_of_justified_lines_are_loose() {
    for out in all() {
        let (lines, loose) = looseness(out);
        assert!(lines > 50, "{}: {lines} justified lines", out.name);
        let share = loose as f32 / lines as f32;
        eprintln!(
            "{}: {loose} of {lines} justified lines loose ({:.1} %)",
            out.name,
            share * 100.0
        );
        assert!(
            share <= 0.09,
            "{}: {loose} of {lines} justified lines are loose ({:.1} %)",
            out.name,
            share * 100.0
        );
    }
}

/// Whether a page starts a chapter (draws a level-1 heading: 19 pt).
fn starts_chapter(page: &Page) -> bool {
    page.words.iter().any(|w| (w.size - 19.0).abs() < 0.01)
}

/// How far down its text area a page is used: the lowest body baseline, as a share of the text
/// area's height (25 mm margins).
fn fill(page: &Page) -> f32 {
    let margin = 25.0 * CM / 10.0;
    let lowest = page.body().iter().map(|w| w.y).fold(0.0, f32::max);
    ((lowest - margin) / (page.height - 2.0 * margin)).max(0.0)
}

#[test]
fn no_page_but_a_chapters_last_is_under_a_quarter_full() {
    let mut failures = Vec::new();
    for out in all() {
        let mut bad = Vec::new();
        for (k, page) in out.pages.iter().enumerate().skip(1) {
            let last_of_chapter = out.pages.get(k + 1).is_none_or(starts_chapter);
            if !last_of_chapter && fill(page) < 0.25 {
                bad.push(format!(
                    "page {} ({:.0} %)",
                    page.number,
                    fill(page) * 100.0
                ));
            }
        }
        if !bad.is_empty() {
            failures.push(format!("{}: pages under a quarter full: {bad:?}", out.name));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The programme headings of the Markdown (`#### GOV-01 Name`).
fn programme_headings(md: &str) -> Vec<String> {
    md.lines()
        .filter_map(|l| l.strip_prefix("#### "))
        .filter(|h| {
            let id = h.split(' ').next().unwrap_or("");
            id.contains('-') && id.chars().any(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_programme_heading_shares_its_page_with_the_start_of_its_table() {
    let mut failures = Vec::new();
    for out in all() {
        let headings = programme_headings(&out.md);
        assert!(!headings.is_empty(), "{}: programmes", out.name);
        let mut bad = Vec::new();
        for h in &headings {
            let id = h.split(' ').next().unwrap();
            // The heading's page: its id is drawn in the heading's bold 11.5 pt.
            let Some(page) = out.pages.iter().find(|p| {
                p.words
                    .iter()
                    .any(|w| w.text == id && (w.size - 11.5).abs() < 0.01)
            }) else {
                bad.push(format!("{id}: heading not found"));
                continue;
            };
            // The table's first row ("Kode | GOV-01") at table size, on the same page.
            let code_cell = page
                .words
                .iter()
                .any(|w| w.text == id && (w.size - 11.5).abs() > 0.01 && w.size < 9.0);
            if !code_cell {
                bad.push(format!("{id} (page {})", page.number));
            }
        }
        if !bad.is_empty() {
            failures.push(format!(
                "{}: {} of {} programme headings without the start of their table: {:?}",
                out.name,
                bad.len(),
                headings.len(),
                &bad[..bad.len().min(12)]
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_cover_is_centred_on_the_page() {
    for out in all() {
        let cover = &out.pages[0];
        let lines = cover.lines();
        assert!(lines.len() >= 4, "{}: cover text", out.name);
        for line in &lines {
            let centre = (line[0].x + line[line.len() - 1].right()) / 2.0;
            assert!(
                (centre - cover.width / 2.0).abs() <= 1.0,
                "{}: cover line {:?} centred at {centre:.1} pt, the page at {:.1} pt",
                out.name,
                line_text(line),
                cover.width / 2.0
            );
        }
    }
}

#[test]
fn gantt_labels_are_drawn_as_written() {
    // "BRD-01 Banggai Wonderful: Branding Destinasi …" keeps its colon in the roadmap chart.
    let out = banggai();
    let chart = out
        .pages
        .iter()
        .find(|p| {
            // Chart labels are set at neither the body, heading nor table size.
            p.words.iter().any(|w| {
                w.text == "BRD-01" && [8.75, 11.0, 11.5].iter().all(|s| (w.size - s).abs() > 0.01)
            })
        })
        .expect("the roadmap chart draws BRD-01");
    let text = chart.text();
    assert!(text.contains("Wonderful:"), "page {}: {text}", chart.number);
    assert!(!out.pages.iter().any(|p| p.text().contains("Wonderful –")));
}

/// The head rows of year tables on a page: (the row's text, the right edge of each year word),
/// for lines drawn in bold with at least two four-digit years.
fn year_heads(page: &Page) -> Vec<(String, Vec<f32>)> {
    page.lines()
        .into_iter()
        .filter(|l| l.iter().all(|w| w.bold))
        .filter_map(|l| {
            let years: Vec<f32> = l
                .iter()
                .filter(|w| w.text.len() == 4 && w.text.chars().all(|c| c.is_ascii_digit()))
                .map(|w| w.right())
                .collect();
            (years.len() >= 2).then(|| (line_text(&l), years))
        })
        .collect()
}

#[test]
fn tables_of_one_kind_on_a_page_share_their_year_columns() {
    let mut shared = 0;
    for out in all() {
        for page in &out.pages {
            let heads = year_heads(page);
            for (k, (text, years)) in heads.iter().enumerate() {
                for (other, theirs) in &heads[k + 1..] {
                    if other != text {
                        continue;
                    }
                    shared += 1;
                    for (a, b) in years.iter().zip(theirs) {
                        assert!(
                            (a - b).abs() <= 0.5,
                            "{}: page {}: '{text}': year columns at {years:?} and {theirs:?}",
                            out.name,
                            page.number
                        );
                    }
                }
            }
        }
    }
    // Banggai's roadmap matrices (Jangka Pendek and Jangka Menengah) share a page at least.
    assert!(shared >= 1, "no page with two tables of one kind");
}

#[test]
fn the_year_columns_of_the_indicator_table_are_even() {
    for out in all() {
        let mut seen = 0;
        for page in &out.pages {
            for (text, years) in year_heads(page) {
                if !(text.starts_with("Kode Indikator") || text.starts_with("Code Indicator")) {
                    continue;
                }
                seen += 1;
                let pitches: Vec<f32> = years.windows(2).map(|w| w[1] - w[0]).collect();
                let lo = pitches.iter().copied().fold(f32::MAX, f32::min);
                let hi = pitches.iter().copied().fold(0.0, f32::max);
                assert!(
                    hi - lo <= 1.0,
                    "{}: page {}: year pitches {pitches:?}",
                    out.name,
                    page.number
                );
                // Not cramped: each year column is at least 2.6 em of its header's size wide.
                assert!(lo >= 2.6 * 8.0, "{}: year columns {lo:.1} pt", out.name);
            }
        }
        assert!(seen >= 1, "{}: no indicator table head", out.name);
    }
}

/// The cells of the Markdown's table columns headed by one of `heads` (such as "Kepala"), in
/// every table that has such a column.
fn column_cells(md: &str, heads: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut column: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            column = None;
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().replace('\\', ""))
            .collect();
        match column {
            None => column = cells.iter().position(|c| heads.contains(&c.as_str())),
            Some(c) => {
                if let Some(cell) = cells.get(c)
                    && !cell.starts_with("---")
                    && cell.chars().any(char::is_alphabetic)
                    && cell != "–"
                {
                    out.push(cell.clone());
                }
            }
        }
    }
    out
}

#[test]
fn personal_names_never_break_across_lines() {
    for out in all() {
        let names = column_cells(&out.md, &["Kepala", "Nama", "Head", "Name"]);
        assert!(names.len() >= 3, "{}: {} names", out.name, names.len());
        let lines: BTreeSet<String> = out
            .pages
            .iter()
            .flat_map(|p| p.lines())
            .map(|l| line_text(&l))
            .collect();
        for name in &names {
            assert!(
                lines.iter().any(|l| l.contains(name.as_str())),
                "{}: '{name}' is not on one line",
                out.name
            );
        }
    }
}

#[test]
fn the_agency_matrix_gives_the_agency_names_room() {
    for out in all() {
        let (mut single, mut total) = (0, 0);
        for page in &out.pages {
            let lines = page.lines();
            let Some(head) = lines.iter().find(|l| {
                l.iter().any(|w| w.bold && w.text == "Organisasi")
                    && l.iter().any(|w| w.bold && w.text == "Mendukung")
            }) else {
                continue;
            };
            let from = head.iter().find(|w| w.text == "Organisasi").unwrap().x - 1.0;
            let to = head.iter().find(|w| w.text == "Memimpin").unwrap().x - 1.0;
            let y = head[0].y;
            for l in lines
                .iter()
                .filter(|l| l[0].y > y + 1.0 && l[0].y < page.height - 60.0)
            {
                let n = l
                    .iter()
                    .filter(|w| !w.bold && w.x >= from && w.right() <= to)
                    .count();
                if n > 0 {
                    total += 1;
                    single += usize::from(n == 1);
                }
            }
        }
        assert!(total >= 10, "{}: {total} agency name lines", out.name);
        // A one-word line ends a name now and then ("Daerah"); one word per line throughout
        // (the agency squeezed by a column of long lists) is what this rules out.
        assert!(
            single * 3 <= total,
            "{}: {single} of {total} agency name lines hold one word",
            out.name
        );
    }
}
