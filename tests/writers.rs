//! The DOCX and HTML writers, through the real binary: what they produce is parsed back (the
//! DOCX unzipped and its XML read with roxmltree, the HTML with an HTML5 parser) and checked
//! against the Markdown and the project's YAML. Hostile Markdown goes through the library.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{copy_tree, masterplan, repo};
use masterplan::document::{self, Block};

struct Output {
    dir: PathBuf,
    md: String,
    docx: Vec<u8>,
    html: String,
    _tmp: tempfile::TempDir,
}

fn generate(example: &str, args: &[&str]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(example);
    copy_tree(&repo().join("examples").join(example), &dir);
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md,pdf,docx,html"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "generate failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let build = dir.join("build");
    assert!(
        build.join("masterplan.pdf").is_file(),
        "the PDF is written too"
    );
    Output {
        md: fs::read_to_string(build.join("masterplan.md")).unwrap(),
        docx: fs::read(build.join("masterplan.docx")).expect("masterplan.docx written"),
        html: fs::read_to_string(build.join("masterplan.html")).expect("masterplan.html written"),
        dir,
        _tmp: tmp,
    }
}

fn banggai() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| generate("banggai", &[]))
}

fn programme_names(example: &str) -> Vec<String> {
    let loaded = masterplan::load::load(&repo().join("examples").join(example));
    let names: Vec<String> = loaded
        .project
        .expect("the example loads")
        .pokja
        .into_iter()
        .flat_map(|p| p.pokja.programs)
        .map(|p| squash(&p.name))
        .collect();
    assert!(names.len() > 5);
    names
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Headings of the Markdown as the reader sees them (pdf:skip sections left out).
fn md_headings(md: &str) -> Vec<(u8, String)> {
    fn walk(blocks: &[Block], out: &mut Vec<(u8, String)>) {
        for b in blocks {
            match b {
                Block::Heading { level, content, .. } => {
                    out.push((*level, document::plain_text(content)))
                }
                Block::Landscape(inner) | Block::Quote(inner) => walk(inner, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
    }
    let parsed = document::parse(md).unwrap();
    let mut out = Vec::new();
    walk(&parsed.blocks, &mut out);
    out
}

/// Drawn charts in the Markdown: mermaid blocks holding a gantt or xychart.
fn md_charts(md: &str) -> usize {
    md.split("```mermaid")
        .skip(1)
        .filter(|b| {
            let body = b.split("```").next().unwrap_or("");
            body.contains("gantt") || body.contains("xychart") || body.contains("quadrantChart")
        })
        .count()
}

// ---- DOCX ----

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    let (_, data) = parts
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} in the package"));
    std::str::from_utf8(data).expect("UTF-8 XML")
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn w<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

fn style_of(p: roxmltree::Node) -> Option<String> {
    let ppr = w(p, "pPr")?;
    w(ppr, "pStyle")?.attribute((W, "val")).map(str::to_string)
}

fn paragraph_text(p: roxmltree::Node) -> String {
    p.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

#[test]
fn docx_has_styles_headings_names_tables_sections_and_pictures() {
    let out = banggai();
    let parts = unzip(&out.docx);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml", "content types first");
    // Every XML part parses.
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") || name.ends_with(".svg") {
            let text = std::str::from_utf8(data).unwrap();
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let doc_xml = part(&parts, "word/document.xml");
    let doc = roxmltree::Document::parse(doc_xml).unwrap();
    let paragraphs: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();

    // Heading styles: as many (per level) as the Markdown has headings, with the same text.
    let expected = md_headings(&out.md);
    let got: Vec<(u8, String)> = paragraphs
        .iter()
        .filter_map(|p| {
            let style = style_of(*p)?;
            let level: u8 = style.strip_prefix("Heading")?.parse().ok()?;
            Some((level, squash(&paragraph_text(*p))))
        })
        .collect();
    assert!(expected.len() > 10);
    assert_eq!(got, expected);
    let styles = part(&parts, "word/styles.xml");
    for name in [
        "\"heading 1\"",
        "\"heading 2\"",
        "\"heading 3\"",
        "\"Title\"",
        "\"Normal\"",
        "\"caption\"",
        "\"toc 1\"",
    ] {
        assert!(styles.contains(name), "style {name}");
    }
    assert!(
        styles.contains("w:ascii=\"Carlito\""),
        "the bundled family in the styles"
    );

    // Every programme name in the text.
    let text: String = paragraphs
        .iter()
        .map(|p| squash(&paragraph_text(*p)))
        .collect::<Vec<_>>()
        .join("\n");
    for name in programme_names("banggai") {
        assert!(text.contains(&name), "programme {name} in the DOCX");
    }

    // Tables: the head row repeats and no row splits.
    let tables: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert!(tables.len() > 3);
    for t in &tables {
        let first = w(*t, "tr").expect("a row");
        let trpr = w(first, "trPr").expect("row properties");
        assert!(w(trpr, "tblHeader").is_some(), "head row repeats");
        for row in t.children().filter(|n| n.has_tag_name((W, "tr"))) {
            assert!(w(w(row, "trPr").unwrap(), "cantSplit").is_some());
        }
        // No head cell narrower than its longest word (set bold at the table's 9 pt, with the
        // style's 4 pt cell margins): Word and LibreOffice would break the word.
        let grid: Vec<f32> = w(*t, "tblGrid")
            .expect("a grid")
            .children()
            .filter(|n| n.has_tag_name((W, "gridCol")))
            .map(|c| c.attribute((W, "w")).unwrap().parse::<f32>().unwrap() / 20.0)
            .collect();
        let cells = first.children().filter(|n| n.has_tag_name((W, "tc")));
        for (cell, width) in cells.zip(&grid) {
            let text = paragraph_text(cell);
            for word in text.split_whitespace() {
                let need = masterplan::typeset::fonts::text_width(
                    masterplan::typeset::fonts::FontId::Bold,
                    9.0,
                    word,
                ) + 8.0;
                assert!(
                    need <= *width,
                    "head word {word:?} needs {need:.1} pt, its column has {width:.1}"
                );
            }
        }
    }
    // Numbers right-aligned: some cell paragraph is.
    assert!(doc_xml.contains("<w:jc w:val=\"right\"/>"));

    // Sections: landscape ones exist; every section has a header and footer; the footers have
    // the page fields.
    let sections: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    let landscape: Vec<&roxmltree::Node> = sections
        .iter()
        .filter(|s| w(**s, "pgSz").and_then(|p| p.attribute((W, "orient"))) == Some("landscape"))
        .collect();
    assert!(!landscape.is_empty(), "the roadmap is on landscape pages");
    assert!(sections.len() > landscape.len() + 1);
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let rels_doc = roxmltree::Document::parse(rels).unwrap();
    let target = |id: &str| -> String {
        rels_doc
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .unwrap_or_else(|| panic!("relationship {id}"))
            .to_string()
    };
    for s in &sections {
        let header = w(*s, "headerReference").expect("every section has a header");
        let footer = w(*s, "footerReference").expect("every section has a footer");
        let _ = part(
            &parts,
            &format!("word/{}", target(header.attribute((R, "id")).unwrap())),
        );
        let footer_xml = part(
            &parts,
            &format!("word/{}", target(footer.attribute((R, "id")).unwrap())),
        );
        let is_cover = std::ptr::eq(s, &sections[0]);
        if !is_cover {
            assert!(footer_xml.contains("w:instr=\" PAGE \""), "{footer_xml}");
            assert!(footer_xml.contains("w:instr=\" NUMPAGES \""));
            assert!(footer_xml.contains("Halaman "));
        }
    }
    for s in &landscape {
        let footer = w(**s, "footerReference").unwrap();
        let footer_xml = part(
            &parts,
            &format!("word/{}", target(footer.attribute((R, "id")).unwrap())),
        );
        assert!(footer_xml.contains(" PAGE ") && footer_xml.contains(" NUMPAGES "));
    }

    // Pictures: the logo and every chart (PNG with its SVG), all referenced by the document.
    let blips: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "blip")
        .map(|n| n.attribute((R, "embed")).unwrap().to_string())
        .collect();
    let charts = md_charts(&out.md);
    assert!(charts >= 2);
    assert!(blips.len() > charts, "logo and charts: {blips:?}");
    for id in &blips {
        let t = target(id);
        let (_, data) = parts
            .iter()
            .find(|(n, _)| *n == format!("word/{t}"))
            .unwrap_or_else(|| panic!("{t} in the package"));
        assert!(data.starts_with(b"\x89PNG"), "{t} is a PNG");
        if t.starts_with("media/chart") {
            chart_picture_is_drawn(&t, data);
        }
    }
    let svgs = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "svgBlip")
        .count();
    assert!(svgs >= charts);

    // The TOC field, pre-filled with links to the headings' bookmarks.
    assert!(doc_xml.contains("TOC \\o \"1-2\""));
    assert!(doc_xml.contains("<w:hyperlink w:anchor=\"_Toc00001\""));
    assert!(doc_xml.contains("w:name=\"_Toc00001\""));

    // Document properties.
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:creator>Pemerintah Kabupaten Banggai</dc:creator>"));
    assert!(core.contains("<dc:language>id-ID</dc:language>"));
    assert!(
        !core.contains("dcterms:created"),
        "no date without SOURCE_DATE_EPOCH"
    );
    // Fixed zip timestamps.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&out.docx)).unwrap();
    for i in 0..archive.len() {
        let f = archive.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{:?}",
            f.name()
        );
    }
}

#[test]
fn docx_draft_watermark_paper_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("banggai");
    copy_tree(&repo().join("examples/banggai"), &dir);
    let run = |epoch: &str| {
        let out = masterplan()
            .env("SOURCE_DATE_EPOCH", epoch)
            .args([
                "generate", "--format", "docx", "--draft", "--paper", "letter",
            ])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        fs::read(dir.join("build/masterplan.docx")).unwrap()
    };
    let docx = run("1795392000");
    assert!(
        !dir.join("build/masterplan.pdf").exists(),
        "only the asked format"
    );
    let parts = unzip(&docx);
    let header = part(&parts, "word/header1.xml");
    assert!(
        header.contains("string=\"DRAFT\""),
        "watermark in the header"
    );
    assert!(part(&parts, "word/header2.xml").contains("string=\"DRAFT\""));
    let doc = part(&parts, "word/document.xml");
    assert!(
        doc.contains("<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"),
        "Letter"
    );
    assert!(
        part(&parts, "docProps/core.xml")
            .contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-23T00:00:00Z")
    );
    assert_eq!(run("1795392000"), docx, "byte-identical rerun");
}

// ---- HTML ----

#[test]
fn html_headings_names_charts_and_no_external_requests() {
    let out = banggai();
    let html = scraper::Html::parse_document(&out.html);
    assert!(
        html.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        html.errors
    );
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let root = html.root_element();
    assert_eq!(root.value().attr("lang"), Some("id"));

    // Every heading has a unique id, and as many headings as the Markdown.
    let mut ids = BTreeSet::new();
    let headings: Vec<(u8, String)> = html
        .select(&sel("main h1, main h2, main h3, main h4, main h5, main h6"))
        .map(|h| {
            let id = h.value().attr("id").expect("every heading has an id");
            assert!(!id.is_empty());
            assert!(ids.insert(id.to_string()), "unique id {id}");
            let level = h.value().name()[1..].parse().unwrap();
            (level, squash(&h.text().collect::<String>()))
        })
        .collect();
    assert_eq!(headings, md_headings(&out.md));
    // The table of contents points at them.
    let toc: Vec<String> = html
        .select(&sel("nav.toc a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert!(toc.len() > 5);
    for p in html.select(&sel("main p.caption")) {
        let id = p.value().attr("id").expect("every caption has an id");
        assert!(ids.insert(id.to_string()), "unique id {id}");
    }
    for href in &toc {
        assert!(ids.contains(href.trim_start_matches('#')), "{href}");
    }

    // Every programme name in the text.
    let text = squash(
        &html
            .select(&sel("main"))
            .next()
            .unwrap()
            .text()
            .collect::<String>(),
    );
    for name in programme_names("banggai") {
        assert!(text.contains(&name), "programme {name} in the HTML");
    }

    // One svg per chart; tables scroll in their own box.
    assert_eq!(
        html.select(&sel("figure.chart > svg")).count(),
        md_charts(&out.md)
    );
    assert!(html.select(&sel("div.table > table")).count() > 3);

    // No external URL in src/href except links the Markdown's own text has; no scripts.
    let parsed = document::parse(&out.md).unwrap();
    let user_links = links(&parsed.blocks);
    assert_eq!(html.select(&sel("script, link, iframe, object")).count(), 0);
    for el in html.select(&sel("[src], [href]")) {
        for attr in ["src", "href"] {
            let Some(v) = el.value().attr(attr) else {
                continue;
            };
            if v.starts_with('#') || v.starts_with("data:image/") {
                continue;
            }
            assert!(
                user_links.contains(v),
                "{attr}={v} is not a link of the text"
            );
        }
    }
    let logo = html.select(&sel("img.logo")).next().expect("the logo");
    assert!(
        logo.value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
    assert!(out.html.contains("@media print"));
    assert!(out.html.contains("<meta name=\"viewport\""));
}

fn links(blocks: &[Block]) -> BTreeSet<String> {
    fn inl(c: &[document::Inline], out: &mut BTreeSet<String>) {
        for i in c {
            if let document::Inline::Text { style, .. } = i
                && let Some(l) = &style.link
            {
                out.insert(l.clone());
            }
        }
    }
    fn walk(blocks: &[Block], out: &mut BTreeSet<String>) {
        for b in blocks {
            match b {
                Block::Heading { content, .. } | Block::Paragraph(content) => inl(content, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Quote(i) | Block::Landscape(i) => walk(i, out),
                Block::Table(t) => t
                    .head
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .for_each(|c| inl(c, out)),
                Block::Footnotes(n) => n.iter().for_each(|f| walk(&f.blocks, out)),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(blocks, &mut out);
    out
}

/// The Markdown's captions (`**Tabel 3.2** Ringkasan`) as plain text, tables first, then figures.
fn md_captions(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in ["Tabel", "Gambar"] {
        out.extend(
            md.lines()
                .filter_map(|l| l.strip_prefix(&format!("**{word} ")))
                .filter_map(|l| l.split_once("** "))
                .map(|(n, text)| squash(&format!("{word} {n} {}", text.replace('\\', "")))),
        );
    }
    out
}

#[test]
fn docx_and_html_list_the_tables_and_figures() {
    let out = banggai();
    let want = md_captions(&out.md);
    assert!(want.len() > 20, "{} captions", want.len());

    // DOCX: after the contents, "Daftar Tabel" and "Daftar Gambar" each with a TOC field over
    // its caption style, pre-filled with one linked entry per caption, in order; each link's
    // bookmark encloses a caption paragraph with that text.
    let parts = unzip(&out.docx);
    let doc_xml = part(&parts, "word/document.xml");
    assert!(doc_xml.contains("TOC \\h \\z \\t \"Table Caption,1\""));
    assert!(doc_xml.contains("TOC \\h \\z \\t \"Caption,1\""));
    let doc = roxmltree::Document::parse(doc_xml).unwrap();
    let paragraphs: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let titles: Vec<String> = paragraphs
        .iter()
        .filter(|p| style_of(**p).as_deref() == Some("TOCHeading"))
        .map(|p| paragraph_text(*p))
        .collect();
    assert_eq!(titles, ["Daftar Isi", "Daftar Tabel", "Daftar Gambar"]);
    let entries: Vec<(String, String)> = paragraphs
        .iter()
        .filter(|p| style_of(**p).as_deref() == Some("TableofFigures"))
        .map(|p| {
            let link = p
                .descendants()
                .find(|n| n.has_tag_name((W, "hyperlink")))
                .expect("each entry is a link");
            (
                squash(&paragraph_text(*p)),
                link.attribute((W, "anchor")).unwrap().to_string(),
            )
        })
        .collect();
    let texts: Vec<String> = entries.iter().map(|(t, _)| t.clone()).collect();
    assert_eq!(texts, want, "DOCX lists vs the Markdown's captions");
    for (text, anchor) in &entries {
        let start = doc
            .descendants()
            .find(|n| {
                n.has_tag_name((W, "bookmarkStart")) && n.attribute((W, "name")) == Some(anchor)
            })
            .unwrap_or_else(|| panic!("bookmark {anchor}"));
        let p = start.parent().unwrap();
        let style = style_of(p).unwrap_or_default();
        assert!(
            style == "TableCaption" || style == "Caption",
            "{anchor}: {style}"
        );
        assert_eq!(&squash(&paragraph_text(p)), text);
    }

    // HTML: the side navigation lists them too, each a link to the caption's id.
    let html = scraper::Html::parse_document(&out.html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let nav: Vec<String> = html
        .select(&sel("nav.toc p.toc-title"))
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(nav, ["Daftar Isi", "Daftar Tabel", "Daftar Gambar"]);
    let links: Vec<(String, String)> = html
        .select(&sel("nav.toc ul"))
        .skip(1)
        .flat_map(|ul| ul.select(&sel("a")).collect::<Vec<_>>())
        .map(|a| {
            (
                squash(&a.text().collect::<String>()),
                a.value()
                    .attr("href")
                    .unwrap()
                    .trim_start_matches('#')
                    .to_string(),
            )
        })
        .collect();
    let texts: Vec<String> = links.iter().map(|(t, _)| t.clone()).collect();
    assert_eq!(texts, want, "HTML lists vs the Markdown's captions");
    for (text, id) in &links {
        let p = html
            .select(&sel(&format!("main p.caption[id=\"{id}\"]")))
            .next()
            .unwrap_or_else(|| panic!("caption #{id}"));
        assert_eq!(&squash(&p.text().collect::<String>()), text);
    }
}

#[test]
fn reruns_are_byte_identical_and_split_books_get_both() {
    let first = banggai();
    let again = generate("banggai", &[]);
    assert_eq!(first.docx, again.docx, "DOCX byte-identical");
    assert_eq!(first.html, again.html, "HTML byte-identical");

    let split = generate("makassar", &["--split-books"]);
    let build = split.dir.join("build");
    let books: Vec<String> = fs::read_dir(&build)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("buku-"))
        .collect();
    for ext in ["md", "pdf", "docx", "html"] {
        assert_eq!(
            books
                .iter()
                .filter(|n| n.ends_with(&format!(".{ext}")))
                .count(),
            4,
            "four books as .{ext}: {books:?}"
        );
    }
    for b in books.iter().filter(|n| n.ends_with(".html")) {
        let text = fs::read_to_string(build.join(b)).unwrap();
        let doc = scraper::Html::parse_document(&text);
        assert!(doc.errors.is_empty(), "{b}: {:?}", doc.errors);
    }
    for b in books.iter().filter(|n| n.ends_with(".docx")) {
        let parts = unzip(&fs::read(build.join(b)).unwrap());
        roxmltree::Document::parse(part(&parts, "word/document.xml")).unwrap();
    }
}

// ---- any Markdown the typesetter accepts ----

fn hostile_markdown() -> String {
    let mut md = String::from(
        "---\ntitle: T <script>x</script>\nregion: R & D\nperiod: 2023–2032\nyear: 2023\nlogo: does-not-exist.png\n---\n\n<!-- pdf:toc -->\n\n# BAB I <b>bold</b>\n\n<script>alert(1)</script>\n\n<img src=\"http://evil.example/x.png\" onerror=\"alert(1)\">\n\n![missing](nowhere.png) text\u{1} with a control [js](javascript:alert(1)) [^n]\n\n[^n]: A note with a | table |\n\n",
    );
    // Deep nesting of lists and quotes.
    for depth in 0..40 {
        md.push_str(&"  ".repeat(depth));
        md.push_str("- level\n");
    }
    md.push('\n');
    md.push_str(&">".repeat(40));
    md.push_str(" deep quote\n\n");
    // A wide table (60 columns) and a long one (3000 rows).
    let cols = 60;
    md.push_str(&format!(
        "|{}\n|{}\n",
        "h |".repeat(cols),
        "--:|".repeat(cols)
    ));
    md.push_str(&format!("|{}\n\n", "12,5 % |".repeat(cols)));
    md.push_str("| a | b |\n|---|---|\n");
    for i in 0..3000 {
        md.push_str(&format!("| row {i} | Rp{i}.000 |\n"));
    }
    md.push_str("\n<!-- pdf:landscape -->\n\n<!-- pdf:landscape -->\n\n```mermaid\ngantt\n  dateFormat YYYY\n  section S\n  A <x> :a, 2023, 2025\n```\n\n<!-- /pdf:landscape -->\n\n```mermaid\nflowchart LR\n A-->B\n```\n\n```mermaid\nxychart-beta\n x-axis [a, b]\n bar [1, NaN]\n```\n");
    md
}

#[test]
fn hostile_markdown_gives_valid_files_without_panic() {
    let md = hostile_markdown();
    let base = Path::new("/nonexistent");
    // The PDF accepts it, so both writers must.
    masterplan::typeset::layout(&md, base, &Default::default()).expect("the typesetter accepts it");
    let html = masterplan::html::write(&md, base, &Default::default()).unwrap();
    let parsed = scraper::Html::parse_document(&html);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert!(!html.contains("onerror"));
    assert!(!html.contains("evil.example"));
    assert!(!html.contains("javascript:"));
    assert!(!html.contains("<img"), "a missing logo is left out");
    let docx = masterplan::docx::write(&md, base, &Default::default()).unwrap();
    let parts = unzip(&docx);
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            roxmltree::Document::parse(std::str::from_utf8(data).unwrap())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let doc = part(&parts, "word/document.xml");
    assert!(
        doc.contains("orient=\"landscape\""),
        "the wide table goes landscape"
    );
    assert!(!doc.contains("javascript"));
    // A front matter the PDF refuses is refused too.
    for bad in ["# no front matter\n", "---\ntitle: X\n---\n"] {
        assert!(masterplan::html::write(bad, base, &Default::default()).is_err());
        assert!(masterplan::docx::write(bad, base, &Default::default()).is_err());
    }
}

/// Rough in-process timings of the three writers on synthetic projects (debug build figures are
/// only relative; `cargo bench --bench pipeline` has the real ones). Ignored by default:
/// `cargo test --test writers -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_writers() {
    for n in [60, 600, 3000] {
        let tmp = tempfile::tempdir().unwrap();
        for (name, content) in masterplan::synth::project(n) {
            let path = tmp.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        let checked = masterplan::check(tmp.path());
        let (project, taxonomy) = (checked.project.unwrap(), checked.taxonomy.unwrap());
        let plan = masterplan::plan::plan(&project, &taxonomy);
        let docs =
            masterplan::render::render(&project, &taxonomy, &plan, &Default::default()).unwrap();
        let md = &docs[0].markdown;
        let time = |f: &dyn Fn() -> usize| {
            let t = std::time::Instant::now();
            let len = f();
            (t.elapsed().as_secs_f64() * 1000.0, len / 1024)
        };
        let pdf = time(&|| {
            masterplan::typeset::typeset(md, tmp.path(), &Default::default())
                .unwrap()
                .len()
        });
        let docx = time(&|| {
            masterplan::docx::write(md, tmp.path(), &Default::default())
                .unwrap()
                .len()
        });
        let html = time(&|| {
            masterplan::html::write(md, tmp.path(), &Default::default())
                .unwrap()
                .len()
        });
        println!(
            "{n:>5} programmes: pdf {:.0} ms ({} KB), docx {:.0} ms ({} KB), html {:.0} ms ({} KB)",
            pdf.0, pdf.1, docx.0, docx.1, html.0, html.1
        );
    }
}

/// A chart picture decodes (with the `png` crate, not our encoder's own reader) to a picture
/// at print resolution with the chart on it: text and coloured marks, not a blank square.
fn chart_picture_is_drawn(name: &str, data: &[u8]) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(data));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder
        .read_info()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader
        .next_frame(&mut pixels)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(info.width >= 300 && info.height >= 150, "{name}: {info:?}");
    assert_eq!(info.color_type, png::ColorType::Rgb, "{name}");
    let rgb = &pixels[..info.buffer_size()];
    let n = rgb.len() / 3;
    let dark = rgb
        .chunks_exact(3)
        .filter(|p| p.iter().all(|&c| c < 100))
        .count();
    let coloured = rgb
        .chunks_exact(3)
        .filter(|p| p.iter().max().unwrap() - p.iter().min().unwrap() > 60)
        .count();
    assert!(
        dark * 200 > n,
        "{name}: text drawn ({dark} of {n} pixels dark)"
    );
    assert!(
        coloured * 200 > n,
        "{name}: marks drawn ({coloured} of {n} pixels coloured)"
    );
}
