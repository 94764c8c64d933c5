//! End-to-end checks of the PDF the real `masterplan` binary writes for the example projects.
//!
//! Every check parses the produced file with lopdf and reads what a reader would see (page boxes,
//! fonts, the outline, the text drawn at its position) — never the typesetter's own data. The
//! expectations come from the inputs: the generated Markdown (headings, markers, front matter)
//! and the example YAML (programmes, quick wins) loaded through the library.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use masterplan::model::Program;

mod common;
use common::{copy_tree, masterplan, repo};

const MM: f32 = 72.0 / 25.4;
const A4: (f32, f32) = (595.28, 841.89);
const F4: (f32, f32) = (215.0 * MM, 330.0 * MM);
const LETTER: (f32, f32) = (612.0, 792.0);

// ---- running the binary ----

/// What one `masterplan generate` run produced.
struct Output {
    pdf: Vec<u8>,
    md: String,
}

/// Run `masterplan generate <args>` on the project folder `dir` and read its outputs.
fn generate_in(dir: &Path, args: &[&str]) -> Output {
    let out = masterplan()
        .arg("generate")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "generate {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Output {
        pdf: fs::read(dir.join("build/masterplan.pdf")).expect("masterplan.pdf written"),
        md: fs::read_to_string(dir.join("build/masterplan.md")).expect("masterplan.md written"),
    }
}

/// Copy an example into a fresh temp folder and generate it there.
fn generate(example: &str, args: &[&str]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(example);
    copy_tree(&repo().join("examples").join(example), &dir);
    generate_in(&dir, args)
}

fn banggai() -> &'static Output {
    static PDF: OnceLock<Output> = OnceLock::new();
    PDF.get_or_init(|| generate("banggai", &[]))
}

fn makassar() -> &'static Output {
    static PDF: OnceLock<Output> = OnceLock::new();
    PDF.get_or_init(|| generate("makassar", &[]))
}

/// Both examples with their names, for checks that hold for any project.
fn examples() -> [(&'static str, &'static Output); 2] {
    [("banggai", banggai()), ("makassar", makassar())]
}

/// The programmes of an example, read from its YAML through the library.
fn programmes(example: &str) -> Vec<Program> {
    let loaded = masterplan::load::load(&repo().join("examples").join(example));
    let project = loaded.project.expect("the example loads");
    let all: Vec<Program> = project
        .pokja
        .into_iter()
        .flat_map(|p| p.pokja.programs)
        .collect();
    assert!(!all.is_empty(), "{example} has programmes");
    all
}

// ---- reading the PDF ----

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the output parses as PDF")
}

fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).expect("resolvable reference").1
}

fn catalog(doc: &Document) -> &Dictionary {
    deref(doc, doc.trailer.get(b"Root").expect("Root"))
        .as_dict()
        .expect("catalog")
}

fn text_string(obj: &Object) -> String {
    let bytes = obj.as_str().expect("a string");
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16(&units).expect("utf-16")
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn number(obj: &Object) -> f32 {
    obj.as_float()
        .or_else(|_| obj.as_i64().map(|i| i as f32))
        .expect("a number")
}

/// Page object ids in page order.
fn page_ids(doc: &Document) -> Vec<ObjectId> {
    doc.get_pages().into_values().collect()
}

/// (width, height) of every page, from its MediaBox.
fn page_sizes(doc: &Document) -> Vec<(f32, f32)> {
    page_ids(doc)
        .iter()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let media = deref(doc, page.get(b"MediaBox").expect("MediaBox"))
                .as_array()
                .unwrap();
            let n: Vec<f32> = media.iter().map(number).collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

/// One run of text as drawn: the position of its text matrix and the decoded string.
#[derive(Debug, Clone)]
struct Run {
    x: f32,
    y: f32,
    text: String,
}

/// The text runs of a page (1-based), decoded through each font's encoding (ToUnicode).
fn runs(doc: &Document, page: usize) -> Vec<Run> {
    let id = page_ids(doc)[page - 1];
    let fonts = doc.get_page_fonts(id).unwrap();
    let encodings: BTreeMap<Vec<u8>, Encoding> = fonts
        .into_iter()
        .map(|(name, font)| (name, font.get_font_encoding(doc).expect("font encoding")))
        .collect();
    let content = doc.get_and_decode_page_content(id).unwrap();
    let mut out = Vec::new();
    let (mut x, mut y) = (0.0f32, 0.0f32);
    let mut font: Option<Vec<u8>> = None;
    for op in &content.operations {
        match op.operator.as_str() {
            "BT" => (x, y) = (0.0, 0.0),
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec)
            }
            "Tm" => {
                x = number(&op.operands[4]);
                y = number(&op.operands[5]);
            }
            "Td" | "TD" => {
                x += number(&op.operands[0]);
                y += number(&op.operands[1]);
            }
            "Tj" | "TJ" => {
                let encoding = font
                    .as_ref()
                    .and_then(|f| encodings.get(f))
                    .expect("text drawn with a font of the page");
                let mut text = String::new();
                let pieces: Vec<&Object> = match &op.operands[0] {
                    Object::Array(items) => items.iter().collect(),
                    other => vec![other],
                };
                for piece in pieces {
                    if let Ok(bytes) = piece.as_str() {
                        text.push_str(&Document::decode_text(encoding, bytes).unwrap());
                    }
                }
                out.push(Run { x, y, text });
            }
            _ => {}
        }
    }
    out
}

/// The page's text as lines, top to bottom: runs on the same baseline (within 1 pt) joined
/// left to right with a space.
fn lines(doc: &Document, page: usize) -> Vec<String> {
    join_lines(runs(doc, page))
}

/// The lines of the text block only: without the running header and the footer, which sit in
/// the 25 mm top and bottom margins (their baselines within 60 pt of the paper's edge).
fn body_lines(doc: &Document, page: usize) -> Vec<String> {
    let height = page_sizes(doc)[page - 1].1;
    let runs = runs(doc, page)
        .into_iter()
        .filter(|r| r.y > 60.0 && r.y < height - 60.0)
        .collect();
    join_lines(runs)
}

fn join_lines(mut runs: Vec<Run>) -> Vec<String> {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<(f32, Vec<Run>)> = Vec::new();
    for run in runs {
        match out.last_mut() {
            Some((y, line)) if (*y - run.y).abs() <= 1.0 => line.push(run),
            _ => out.push((run.y, vec![run])),
        }
    }
    out.into_iter()
        .map(|(_, mut line)| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let words: Vec<&str> = line.iter().map(|r| r.text.as_str()).collect();
            words.join(" ")
        })
        .collect()
}

/// Everything drawn on a page, whitespace removed (names may wrap anywhere).
fn squashed(doc: &Document, page: usize) -> String {
    runs(doc, page).iter().map(|r| squash(&r.text)).collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One outline entry: its title, depth (0 = top) and destination page (1-based).
#[derive(Debug, Clone, PartialEq)]
struct Bookmark {
    title: String,
    depth: usize,
    page: usize,
}

/// The outline, walked through /First and /Next, in reading order.
fn outline(doc: &Document) -> Vec<Bookmark> {
    fn walk(
        doc: &Document,
        first: Option<&Object>,
        depth: usize,
        ids: &[ObjectId],
        out: &mut Vec<Bookmark>,
    ) {
        let mut next = first.map(|o| o.as_reference().expect("/First is a reference"));
        while let Some(id) = next {
            let item = doc.get_dictionary(id).unwrap();
            let dest = deref(doc, item.get(b"Dest").expect("every bookmark has /Dest"))
                .as_array()
                .unwrap();
            let target = dest[0].as_reference().unwrap();
            let page = ids
                .iter()
                .position(|p| *p == target)
                .expect("/Dest names a page")
                + 1;
            out.push(Bookmark {
                title: normalise(&text_string(item.get(b"Title").unwrap())),
                depth,
                page,
            });
            walk(doc, item.get(b"First").ok(), depth + 1, ids, out);
            next = item.get(b"Next").ok().map(|n| n.as_reference().unwrap());
        }
    }
    let root = deref(doc, catalog(doc).get(b"Outlines").expect("/Outlines"))
        .as_dict()
        .unwrap();
    let mut out = Vec::new();
    walk(doc, root.get(b"First").ok(), 0, &page_ids(doc), &mut out);
    out
}

/// The bookmark of the table of contents itself, and its index in the outline.
fn toc_bookmark(bookmarks: &[Bookmark]) -> (usize, &Bookmark) {
    bookmarks
        .iter()
        .enumerate()
        .find(|(_, b)| b.title == "DAFTAR ISI" || b.title == "CONTENTS")
        .expect("the TOC is in the outline")
}

// ---- reading the Markdown ----

/// A heading of the Markdown as the typesetter sees it.
#[derive(Debug, Clone)]
struct Heading {
    level: usize,
    title: String,
    /// Inside `<!-- pdf:landscape -->` … `<!-- /pdf:landscape -->`.
    landscape: bool,
    /// The heading's section holds a Mermaid `gantt` block.
    gantt: bool,
}

/// The front matter's `key: value` lines.
fn front_matter(md: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut lines = md.lines();
    if lines.next() != Some("---") {
        return out;
    }
    for line in lines {
        if line == "---" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            out.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
        }
    }
    out
}

/// The ATX headings of levels 1 to 6 that the typesetter sets: outside the front matter, fenced
/// code and `pdf:skip` regions (an unclosed skip runs to the end).
fn headings(md: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut lines = md.lines().peekable();
    if lines.peek() == Some(&"---") {
        lines.next();
        for line in lines.by_ref() {
            if line == "---" {
                break;
            }
        }
    }
    let (mut skip, mut landscape) = (false, false);
    let mut fence: Option<String> = None;
    for line in lines {
        let t = line.trim_start();
        if let Some(f) = &fence {
            if t.trim_end() == f.as_str() || (t.starts_with(f.as_str()) && t.trim_end() == t) {
                if t.trim() == f.as_str() {
                    fence = None;
                }
            } else if t.trim() == "gantt"
                && !skip
                && let Some(h) = out.last_mut()
            {
                h.gantt = true;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            let marker: String = t.chars().take_while(|c| *c == '`' || *c == '~').collect();
            fence = Some(marker);
            continue;
        }
        if t.contains("<!-- pdf:skip -->") {
            skip = true;
        }
        if t.contains("<!-- /pdf:skip -->") {
            skip = false;
            continue;
        }
        if t.contains("<!-- pdf:landscape -->") {
            landscape = true;
        }
        if t.contains("<!-- /pdf:landscape -->") {
            landscape = false;
        }
        if skip || line.starts_with("    ") {
            continue;
        }
        let level = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&level) && t[level..].starts_with(' ') {
            let title = t[level..]
                .trim()
                .trim_end_matches('#')
                .replace(['*', '`'], "");
            out.push(Heading {
                level,
                title: normalise(&title),
                landscape,
                gantt: false,
            });
        }
    }
    out
}

/// The outline entries that stand for headings (everything but the TOC's own bookmark).
fn heading_bookmarks(bookmarks: &[Bookmark]) -> Vec<Bookmark> {
    contents_bookmarks(bookmarks)
        .into_iter()
        .filter(|b| !LISTS.contains(&b.title.as_str()))
        .collect()
}

/// The titles of the lists of tables and figures the PDF adds after its contents.
const LISTS: [&str; 4] = [
    "DAFTAR TABEL",
    "DAFTAR GAMBAR",
    "LIST OF TABLES",
    "LIST OF FIGURES",
];

/// What the contents list: the outline without the contents' own bookmark (the lists of
/// tables and figures included).
fn contents_bookmarks(bookmarks: &[Bookmark]) -> Vec<Bookmark> {
    let (i, _) = toc_bookmark(bookmarks);
    let mut out = bookmarks.to_vec();
    out.remove(i);
    out
}

/// The first page after `from` where another bookmark lands (the end of that section's pages),
/// or the page count.
fn section_end(bookmarks: &[Bookmark], index: usize, page_count: usize) -> usize {
    let start = bookmarks[index].page;
    bookmarks[index + 1..]
        .iter()
        .map(|b| b.page)
        .find(|&p| p > start)
        .map_or(page_count, |p| p - 1)
}

// ---- tests ----

#[test]
fn page_count_is_plausible_and_stable() {
    let doc = load(&banggai().pdf);
    let pages = page_ids(&doc).len();
    // 31 programmes each with a section, 15 chapters each starting a page, the appendices.
    assert!((40..=120).contains(&pages), "banggai: {pages} pages");
    let doc = load(&makassar().pdf);
    let small = page_ids(&doc).len();
    assert!((20..pages).contains(&small), "makassar: {small} pages");

    let again = generate("banggai", &[]);
    assert_eq!(page_ids(&load(&again.pdf)).len(), pages);
}

#[test]
fn identical_input_gives_a_byte_identical_pdf() {
    // A second copy in another temp folder: neither the path nor the time may leak in.
    let again = generate("banggai", &[]);
    assert!(
        again.pdf == banggai().pdf,
        "the PDF differs between two runs"
    );
    assert_eq!(again.md, banggai().md);
}

#[test]
fn the_banggai_pdf_stays_small() {
    let size = banggai().pdf.len();
    assert!(size < 500 * 1024, "{size} bytes");
    assert!(size > 20 * 1024, "{size} bytes is too small for 60 pages");
}

fn assert_paper(output: &Output, paper: (f32, f32), name: &str) {
    let doc = load(&output.pdf);
    let sizes = page_sizes(&doc);
    let close = |a: f32, b: f32| (a - b).abs() <= 0.5;
    let mut landscape = 0;
    for (i, (w, h)) in sizes.iter().enumerate() {
        let portrait = close(*w, paper.0) && close(*h, paper.1);
        let turned = close(*w, paper.1) && close(*h, paper.0);
        assert!(
            portrait || turned,
            "{name} page {}: {w} x {h}, expected {paper:?} either way",
            i + 1
        );
        landscape += usize::from(turned);
    }
    assert!(close(sizes[0].0, paper.0), "{name}: the cover is portrait");
    assert!(landscape > 0, "{name}: no landscape page");
    assert!(landscape < sizes.len() / 2, "{name}: mostly landscape");
}

#[test]
fn page_sizes_follow_the_paper_option() {
    assert_paper(banggai(), A4, "a4 (default)");
    assert_paper(&generate("banggai", &["--paper", "a4"]), A4, "a4");
    assert_paper(&generate("banggai", &["--paper", "f4"]), F4, "f4");
    assert_paper(
        &generate("banggai", &["--paper", "letter"]),
        LETTER,
        "letter",
    );
}

#[test]
fn landscape_sections_and_the_roadmap_are_on_landscape_pages() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let sizes = page_sizes(&doc);
        let marks = heading_bookmarks(&outline(&doc));
        let expected: Vec<Heading> = headings(&output.md)
            .into_iter()
            .filter(|h| h.level <= 3)
            .collect();
        assert_eq!(marks.len(), expected.len(), "{name}: outline vs headings");
        let mut chapter = String::new();
        let mut roadmap_landscape = 0;
        for (h, b) in expected.iter().zip(&marks) {
            if h.level == 1 {
                chapter = h.title.clone();
            }
            if h.landscape {
                let (w, hh) = sizes[b.page - 1];
                assert!(
                    w > hh,
                    "{name}: '{}' is in a landscape region but on portrait page {}",
                    h.title,
                    b.page
                );
                if chapter.contains("PETA JALAN") || chapter.to_uppercase().contains("ROADMAP") {
                    roadmap_landscape += 1;
                }
            }
        }
        // A 10-year roadmap matrix (Banggai, 2023-2032) is too wide for portrait; Makassar's
        // five years fit.
        if name == "banggai" {
            assert!(
                roadmap_landscape > 0,
                "{name}: the 10-year roadmap matrix has no landscape page"
            );
        }
    }
}

#[test]
fn every_font_is_an_embedded_subset_with_tounicode() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let mut seen = 0;
        for id in page_ids(&doc) {
            for (_, font) in doc.get_page_fonts(id).unwrap() {
                seen += 1;
                let base = font.get(b"BaseFont").unwrap().as_name().unwrap();
                let base = String::from_utf8_lossy(base);
                let (tag, rest) = base.split_at(7.min(base.len()));
                assert!(
                    tag.len() == 7
                        && tag.ends_with('+')
                        && tag[..6].chars().all(|c| c.is_ascii_uppercase())
                        && !rest.is_empty(),
                    "{name}: font {base} is not a subset (XXXXXX+ prefix)"
                );
                assert!(
                    font.get(b"ToUnicode").is_ok(),
                    "{name}: font {base} has no ToUnicode"
                );
                // Type0 -> DescendantFonts[0] -> FontDescriptor -> FontFile2.
                let descendant = match font.get(b"DescendantFonts") {
                    Ok(d) => {
                        let arr = deref(&doc, d).as_array().unwrap();
                        deref(&doc, &arr[0]).as_dict().unwrap()
                    }
                    Err(_) => font,
                };
                let descriptor = deref(&doc, descendant.get(b"FontDescriptor").unwrap())
                    .as_dict()
                    .unwrap();
                let file = descriptor
                    .get(b"FontFile2")
                    .unwrap_or_else(|_| panic!("{name}: font {base} not embedded as FontFile2"));
                let stream = deref(&doc, file).as_stream().unwrap();
                assert!(
                    stream.content.len() > 1000,
                    "{name}: font {base} has an empty font program"
                );
            }
        }
        assert!(seen > 0, "{name}: no fonts");
    }
}

#[test]
fn the_outline_has_every_heading_of_levels_1_to_3_nested_in_order() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let bookmarks = outline(&doc);
        let (_, toc) = toc_bookmark(&bookmarks);
        assert_eq!(toc.depth, 0, "{name}: the TOC bookmark is top-level");
        let marks = heading_bookmarks(&bookmarks);
        let expected: Vec<Heading> = headings(&output.md)
            .into_iter()
            .filter(|h| h.level <= 3)
            .collect();
        let got: Vec<&str> = marks.iter().map(|b| b.title.as_str()).collect();
        let want: Vec<&str> = expected.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(got, want, "{name}: outline titles");
        // Depth follows the heading levels: a level-2 under the last level-1, a level-3 under
        // the last level-2 (the Markdown never skips a level).
        for (h, b) in expected.iter().zip(&marks) {
            assert_eq!(b.depth, h.level - 1, "{name}: depth of '{}'", h.title);
        }
        // Destinations go forward through the document.
        for pair in marks.windows(2) {
            assert!(
                pair[0].page <= pair[1].page,
                "{name}: '{}' on page {} before '{}' on page {}",
                pair[0].title,
                pair[0].page,
                pair[1].title,
                pair[1].page
            );
        }
        // Each heading's title is actually drawn on its destination page.
        for b in &marks {
            assert!(
                squashed(&doc, b.page).contains(&squash(&b.title)),
                "{name}: '{}' not found on page {}",
                b.title,
                b.page
            );
        }
    }
}

/// The 0-based page index where the body starts, from the catalog's `/PageLabels` (front matter
/// `/S /r` from page 0, the body `/S /D`).
fn body_start(doc: &Document) -> usize {
    let labels = deref(doc, catalog(doc).get(b"PageLabels").expect("/PageLabels"))
        .as_dict()
        .expect("a number tree");
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    assert_eq!(nums.len(), 4, "two ranges: {nums:?}");
    assert_eq!(nums[0].as_i64().unwrap(), 0);
    let style = |o: &Object| {
        deref(doc, o)
            .as_dict()
            .unwrap()
            .get(b"S")
            .unwrap()
            .as_name()
            .unwrap()
            .to_vec()
    };
    assert_eq!(
        style(&nums[1]),
        b"r".to_vec(),
        "front matter in lower-case roman"
    );
    assert_eq!(style(&nums[3]), b"D".to_vec(), "the body in arabic");
    nums[2].as_i64().unwrap() as usize
}

fn roman(mut n: usize) -> String {
    let mut out = String::new();
    for (v, d) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= v {
            out.push_str(d);
            n -= v;
        }
    }
    out
}

/// The printed number of a 1-based physical page.
fn label(page: usize, body: usize) -> String {
    if page <= body {
        roman(page)
    } else {
        (page - body).to_string()
    }
}

/// The entries of the table of contents as printed: (title, page number).
fn toc_entries(doc: &Document, bookmarks: &[Bookmark]) -> Vec<(String, String)> {
    let (i, _) = toc_bookmark(bookmarks);
    list_entries(doc, bookmarks, i)
}

/// The entries of the contents-like list whose bookmark is `bookmarks[i]` (the contents, the
/// list of tables, the list of figures) as printed: (title, page number).
fn list_entries(doc: &Document, bookmarks: &[Bookmark], i: usize) -> Vec<(String, String)> {
    let toc = &bookmarks[i];
    let last = section_end(bookmarks, i, page_ids(doc).len());
    let mut out = Vec::new();
    let mut pending = String::new();
    for page in toc.page..=last {
        for line in body_lines(doc, page) {
            let line = normalise(&line);
            if line == toc.title {
                continue;
            }
            let (head, number) = match line.rsplit_once(' ') {
                Some((head, n))
                    if n.chars().all(|c| c.is_ascii_digit())
                        || (!n.is_empty() && n.chars().all(|c| "ivxlc".contains(c))) =>
                {
                    (head, n)
                }
                _ => {
                    // A title wrapped onto the next line, or furniture.
                    if !line.contains(". .") {
                        pending = format!("{pending} {line}");
                    }
                    continue;
                }
            };
            let title = head.trim_end_matches([' ', '.']).trim();
            let title = normalise(&format!("{pending} {title}"));
            pending.clear();
            if title.is_empty() {
                continue;
            }
            out.push((title, number.to_string()));
        }
        pending.clear();
    }
    out
}

#[test]
fn toc_page_numbers_are_where_the_headings_landed() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let bookmarks = outline(&doc);
        let entries = toc_entries(&doc, &bookmarks);
        let body = body_start(&doc);
        // The TOC lists levels 1 and 2, with the printed page numbers (roman before BAB I).
        let want: Vec<(String, String)> = contents_bookmarks(&bookmarks)
            .into_iter()
            .filter(|b| b.depth <= 1)
            .map(|b| (b.title, label(b.page, body)))
            .collect();
        let got = entries;
        assert_eq!(got, want, "{name}: TOC (title, page) vs outline");
    }
}

/// The captions of the Markdown (`**Tabel 3.2** Ringkasan Kesiapan`) starting with `word`, as
/// plain text, in order.
fn markdown_captions(md: &str, word: &str) -> Vec<String> {
    md.lines()
        .filter_map(|l| l.strip_prefix(&format!("**{word} ")))
        .filter_map(|l| l.split_once("** "))
        .map(|(number, text)| normalise(&format!("{word} {number} {}", text.replace('\\', ""))))
        .collect()
}

#[test]
fn the_lists_of_tables_and_figures_give_the_page_of_each_caption() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let bookmarks = outline(&doc);
        let body = body_start(&doc);
        for (list, word) in [("DAFTAR TABEL", "Tabel"), ("DAFTAR GAMBAR", "Gambar")] {
            let i = bookmarks
                .iter()
                .position(|b| b.title == list)
                .unwrap_or_else(|| panic!("{name}: no {list} in the outline"));
            assert!(
                bookmarks[i].page <= body,
                "{name}: {list} is in the front matter"
            );
            let entries = list_entries(&doc, &bookmarks, i);
            // Every caption of the Markdown, in order, with the same number.
            let titles: Vec<String> = entries.iter().map(|(t, _)| t.clone()).collect();
            let want = markdown_captions(&output.md, word);
            assert!(want.len() >= 3, "{name}: {word} captions in the Markdown");
            assert_eq!(titles, want, "{name}: {list} vs the Markdown's captions");
            // Each listed page is the page where the caption stands.
            let last_list = section_end(&bookmarks, i, page_ids(&doc).len());
            for (title, number) in &entries {
                let label_of = title.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" ");
                let pages: Vec<usize> = (last_list + 1..=page_ids(&doc).len())
                    .filter(|&p| {
                        body_lines(&doc, p)
                            .iter()
                            .any(|l| normalise(l).starts_with(&format!("{label_of} ")))
                    })
                    .collect();
                assert_eq!(
                    pages.len(),
                    1,
                    "{name}: '{label_of}' stands on exactly one page: {pages:?}"
                );
                assert_eq!(
                    *number,
                    label(pages[0], body),
                    "{name}: {list} gives '{title}' page {number}"
                );
            }
        }
    }
}

#[test]
fn the_footer_numbers_every_page_but_the_cover() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let total = page_ids(&doc).len();
        assert!(
            !lines(&doc, 1).iter().any(|l| l.contains("Halaman")),
            "{name}: the cover has no footer"
        );
        // Front matter numbered i, ii, … (the cover is i, unprinted); the body from 1 at BAB I,
        // matching the PDF page labels.
        let body = body_start(&doc);
        assert!(body >= 3, "{name}: front matter before BAB I");
        assert!(
            lines(&doc, body + 1)
                .iter()
                .any(|l| l.contains("BAB I ") || l.trim() == "BAB I"),
            "{name}: the body starts with BAB I on page {}",
            body + 1
        );
        for page in 2..=total {
            let want = if page <= body {
                format!("Halaman {}", roman(page))
            } else {
                format!("Halaman {} dari {}", page - body, total - body)
            };
            assert!(
                lines(&doc, page)
                    .iter()
                    .any(|l| normalise(l).ends_with(&want)),
                "{name}: page {page} has no '{want}'"
            );
        }
    }
}

#[test]
fn an_english_project_says_page_x_of_y() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("palu");
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args([
            "--region",
            "Palu",
            "--type",
            "kota",
            "--province",
            "Sulawesi Tengah",
            "--start-year",
            "2025",
            "--language",
            "en",
        ])
        .assert()
        .success();
    let output = generate_in(&dir, &[]);
    assert_eq!(
        front_matter(&output.md).get("language").map(String::as_str),
        Some("en")
    );
    let doc = load(&output.pdf);
    let total = page_ids(&doc).len();
    assert!(total >= 3, "{total} pages");
    let body = body_start(&doc);
    for page in 2..=total {
        let want = if page <= body {
            format!("Page {}", roman(page))
        } else {
            format!("Page {} of {}", page - body, total - body)
        };
        let lines = lines(&doc, page);
        assert!(
            lines.iter().any(|l| normalise(l).ends_with(&want)),
            "page {page} has no '{want}'"
        );
        assert!(!lines.iter().any(|l| l.contains("Halaman")));
    }
    let bookmarks = outline(&doc);
    assert_eq!(toc_bookmark(&bookmarks).1.title, "CONTENTS");
}

#[test]
fn draft_marks_every_page() {
    let output = generate("makassar", &["--draft"]);
    let doc = load(&output.pdf);
    for page in 1..=page_ids(&doc).len() {
        assert!(
            // In the document's language: Makassar is Indonesian.
            runs(&doc, page).iter().any(|r| r.text.trim() == "DRAF"),
            "page {page} has no DRAF watermark"
        );
    }
    // And a final document has none.
    let doc = load(&makassar().pdf);
    for page in 1..=page_ids(&doc).len() {
        assert!(!runs(&doc, page).iter().any(|r| r.text.contains("DRAF")));
    }
}

#[test]
fn metadata_has_title_and_author() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let info = deref(&doc, doc.trailer.get(b"Info").expect("/Info"))
            .as_dict()
            .unwrap();
        let front = front_matter(&output.md);
        let title = text_string(info.get(b"Title").unwrap());
        assert_eq!(Some(&title), front.get("title"), "{name}");
        assert!(title.contains("Masterplan Smart City"));
        let author = text_string(info.get(b"Author").unwrap());
        let region = front.get("region").unwrap();
        let want = front
            .get("author")
            .cloned()
            .unwrap_or_else(|| format!("Pemerintah {region}"));
        assert_eq!(author, want, "{name}");
        assert!(author.contains(region.as_str()), "{name}: {author}");
    }
}

#[test]
fn every_programme_name_is_in_the_text() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let text: String = (1..=page_ids(&doc).len())
            .map(|p| squashed(&doc, p))
            .collect();
        let programmes = programmes(name);
        for p in &programmes {
            assert!(
                text.contains(&squash(&p.name)),
                "{name}: programme {} '{}' is not in the PDF text",
                p.id,
                p.name
            );
            assert!(text.contains(&p.id), "{name}: {} missing", p.id);
        }
    }
}

#[test]
fn the_quick_win_table_lists_exactly_the_quick_wins() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let marks = heading_bookmarks(&outline(&doc));
        let pages = page_ids(&doc).len();
        // The quick-win list: the level-2 section under the chapter about quick wins.
        let index = marks
            .iter()
            .position(|b| b.depth == 1 && b.title.to_lowercase().contains("quick win"))
            .unwrap_or_else(|| panic!("{name}: no quick-win section in the outline"));
        let end = section_end(&marks, index, pages);
        let text: String = (marks[index].page..=end)
            .map(|p| squashed(&doc, p))
            .collect();
        let programmes = programmes(name);
        assert!(programmes.iter().any(|p| p.quick_win), "{name}");
        for p in &programmes {
            let found = text.contains(p.id.as_str());
            assert_eq!(
                found, p.quick_win,
                "{name}: {} (quick win: {}) on the quick-win pages {}..={end}",
                p.id, p.quick_win, marks[index].page
            );
            if p.quick_win {
                assert!(
                    text.contains(&squash(&p.name)),
                    "{name}: quick win '{}' not named in the table",
                    p.name
                );
            }
        }
    }
}

#[test]
fn the_gantt_chart_shows_every_programme() {
    for (name, output) in examples() {
        let doc = load(&output.pdf);
        let marks = heading_bookmarks(&outline(&doc));
        let pages = page_ids(&doc).len();
        let expected: Vec<Heading> = headings(&output.md)
            .into_iter()
            .filter(|h| h.level <= 3)
            .collect();
        let index = expected
            .iter()
            .position(|h| h.gantt)
            .unwrap_or_else(|| panic!("{name}: no section with a gantt chart"));
        let start = marks[index].page;
        let end = section_end(&marks, index, pages);
        // The chart is drawn, not set as code: the Mermaid source is not on the page.
        let text: String = (start..=end).map(|p| squashed(&doc, p)).collect();
        assert!(!text.contains("dateFormat"), "{name}: gantt source printed");
        for p in programmes(name) {
            assert!(
                text.contains(&p.id),
                "{name}: {} not on the Gantt pages {start}..={end}",
                p.id
            );
        }
    }
}

/// The village plan, generated once: its PDF reads as a village plan on the cover, in the
/// profile and on the commitment sheet (the PDF draws its own cover from the front matter).
#[test]
fn the_desa_pdf_reads_as_a_village_plan_from_cover_to_commitment_sheet() {
    let output = generate("sinjai-desa", &[]);
    let doc = load(&output.pdf);
    let pages = page_ids(&doc).len();
    let cover = squashed(&doc, 1);
    for word in [
        "PEMERINTAHDESATONGKE-TONGKE",
        "DesaTongke-Tongke",
        "ProvinsiSulawesiSelatan",
    ] {
        assert!(cover.contains(word), "cover: {word} in {cover}");
    }
    let find = |needle: &str| {
        (1..=pages)
            .find(|&p| squashed(&doc, p).contains(needle))
            .unwrap_or_else(|| panic!("{needle} on no page"))
    };
    // (The table of contents names the sections too: find the pages by their content.)
    let profile = squashed(&doc, find("Jumlahdusun"));
    for word in [
        "2.1ProfilDesa",
        "2.3PerangkatDesa",
        "KepalaSeksiPemerintahan",
    ] {
        assert!(profile.contains(word), "profile: {word}");
    }
    assert!(!profile.contains("kecamatan"), "profile: kecamatan");
    let sheet = find("KetuaBadanPermusyawaratanDesa");
    assert!(squashed(&doc, sheet).contains("Lampiran3LembarKomitmen"));
    let lines = body_lines(&doc, sheet);
    let kades = lines
        .iter()
        .position(|l| l.contains("Kepala Desa Tongke-Tongke"))
        .expect("the Kepala Desa signs");
    let bpd = lines
        .iter()
        .position(|l| l.contains("Ketua Badan Permusyawaratan Desa"))
        .expect("the chair of the BPD signs");
    assert!(
        kades < bpd,
        "the Kepala Desa first, the BPD last: {lines:#?}"
    );
    for p in 1..=pages {
        let text = squashed(&doc, p);
        for word in ["Bupati", "OPDPenanggung", "PerangkatDaerah"] {
            assert!(!text.contains(word), "page {p}: {word}");
        }
    }
}
