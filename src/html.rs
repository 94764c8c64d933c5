//! The HTML writer: the document tree (see [`crate::document`]) as one self-contained HTML5 page
//! (`masterplan.html`), to upload as-is to the region's website or open from a USB stick.
//!
//! Everything is inline: the style sheet, the charts as SVG (the same drawing as the PDF's, through
//! [`crate::typeset::svg`]), the logo as a `data:` URI. There are no scripts, fonts or requests.
//! The page is responsive (tables scroll sideways inside their own box), has a sticky side table
//! of contents on wide screens, an `id` on every heading, the document's language in
//! `<html lang>`, and a print style sheet (A4, a new page per chapter, landscape pages for the
//! PDF's landscape sections). All text is escaped; raw HTML never reaches the page (the reader
//! drops it), and only `http(s):`, `mailto:`, `tel:` and relative link targets become links.
//! Identical input gives identical bytes.

use std::fmt::Write as _;
use std::path::Path;

use crate::document::{self, Align, Block, Footnote, FrontMatter, Inline, Language, Table};
use crate::typeset::svg::{self, escape};
use crate::typeset::{Paper, measure};

/// Options of the HTML writer.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// The paper of the print style sheet (and of the charts' width, as in the PDF).
    pub paper: Paper,
}

/// Write `markdown` (with its front matter) as a self-contained HTML page. `base_dir` is the
/// folder the front matter's logo path is relative to (a missing logo is left out). Errors only
/// where the PDF would refuse too (a missing or invalid front matter).
pub fn write(markdown: &str, base_dir: &Path, options: &HtmlOptions) -> anyhow::Result<String> {
    let parsed = document::parse(markdown)?;
    Ok(write_parsed(&parsed, base_dir, options))
}

/// [`write`] from an already parsed document.
pub fn write_parsed(parsed: &document::Parsed, base_dir: &Path, options: &HtmlOptions) -> String {
    let front = &parsed.front;
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        lang: front.language,
        paper: options.paper,
        landscape: false,
    };
    w.head(front);
    w.out.push_str("<body>\n");
    let labels = Labels::of(front.language);
    let _ = writeln!(
        w.out,
        "<a class=\"skip\" href=\"#content\">{}</a>",
        labels.skip
    );
    if front.draft {
        let _ = writeln!(
            w.out,
            "<div class=\"watermark\" aria-hidden=\"true\">DRAFT</div>"
        );
    }
    w.out.push_str("<div class=\"layout\">\n");
    w.toc(&parsed.blocks, &labels);
    w.out.push_str("<main id=\"content\">\n");
    w.cover(front, base_dir);
    w.blocks(&parsed.blocks);
    w.out.push_str("</main>\n</div>\n</body>\n</html>\n");
    w.out
}

struct Labels {
    contents: &'static str,
    tables: &'static str,
    figures: &'static str,
    skip: &'static str,
}

impl Labels {
    fn of(lang: Language) -> Labels {
        match lang {
            Language::Id => Labels {
                contents: "Daftar Isi",
                tables: "Daftar Tabel",
                figures: "Daftar Gambar",
                skip: "Langsung ke isi",
            },
            Language::En => Labels {
                contents: "Contents",
                tables: "List of Tables",
                figures: "List of Figures",
                skip: "Skip to content",
            },
        }
    }
}

struct Writer {
    out: String,
    lang: Language,
    paper: Paper,
    landscape: bool,
}

const CSS: &str = include_str!("html.css");

impl Writer {
    fn head(&mut self, front: &FrontMatter) {
        let (page_w, page_h) = match self.paper {
            Paper::A4 => ("210mm", "297mm"),
            Paper::F4 => ("215mm", "330mm"),
            Paper::Letter => ("8.5in", "11in"),
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<meta name=\"author\" content=\"{}\">\n<meta name=\"description\" content=\"{}\">\n",
            self.lang.tag(),
            escape(&title_line(front)),
            escape(&front.author),
            escape(&front.subject)
        );
        if !front.keywords.is_empty() {
            let _ = writeln!(
                self.out,
                "<meta name=\"keywords\" content=\"{}\">",
                escape(&front.keywords.join(", "))
            );
        }
        let _ = write!(
            self.out,
            "<meta name=\"generator\" content=\"masterplan\">\n<style>\n{CSS}@page {{ size: {page_w} {page_h}; margin: 25mm 22mm 25mm 30mm; }}\n@page wide {{ size: {page_h} {page_w}; margin: 25mm 22mm 25mm 30mm; }}\n</style>\n</head>\n"
        );
    }

    /// The side table of contents: levels 1 and 2, as in the PDF.
    fn toc(&mut self, blocks: &[Block], labels: &Labels) {
        let label = labels.contents;
        let mut entries = Vec::new();
        collect_headings(blocks, &mut entries);
        let _ = writeln!(
            self.out,
            "<nav class=\"toc\" aria-label=\"{label}\">\n<p class=\"toc-title\">{label}</p>\n<ul>"
        );
        for (level, text, slug) in entries.iter().filter(|(l, _, _)| *l <= 2) {
            let _ = writeln!(
                self.out,
                "<li class=\"l{level}\"><a href=\"#{}\">{}</a></li>",
                escape(slug),
                escape(text)
            );
        }
        self.out.push_str("</ul>\n");
        // The lists of tables and figures: every caption, linked.
        let captions = document::captions(blocks);
        for (kind, title) in [
            (document::CaptionKind::Table, labels.tables),
            (document::CaptionKind::Figure, labels.figures),
        ] {
            let mut of_kind = captions.iter().filter(|c| c.kind == kind).peekable();
            if of_kind.peek().is_none() {
                continue;
            }
            let _ = writeln!(self.out, "<p class=\"toc-title\">{title}</p>\n<ul>");
            for c in of_kind {
                let _ = writeln!(
                    self.out,
                    "<li class=\"l2\"><a href=\"#{}\">{}</a></li>",
                    escape(&c.anchor),
                    escape(&c.text)
                );
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</nav>\n");
    }

    fn cover(&mut self, front: &FrontMatter, base_dir: &Path) {
        self.out.push_str("<header class=\"cover\">\n");
        if let Some(uri) = front.logo.as_deref().and_then(|l| logo_uri(base_dir, l)) {
            let _ = writeln!(
                self.out,
                "<img class=\"logo\" src=\"{uri}\" alt=\"Logo {}\">",
                escape(&front.region)
            );
        }
        let _ = writeln!(
            self.out,
            "<p class=\"region\">{}</p>",
            escape(&front.region)
        );
        if let Some(p) = &front.province {
            let _ = writeln!(self.out, "<p class=\"province\">{}</p>", escape(p));
        }
        let _ = writeln!(
            self.out,
            "<p class=\"doc-title\">{}</p>",
            escape(&front.title)
        );
        if let Some(s) = &front.subtitle {
            let _ = writeln!(self.out, "<p class=\"subtitle\">{}</p>", escape(s));
        }
        let _ = writeln!(
            self.out,
            "<p class=\"period\">{} · {}</p>",
            escape(&front.period),
            escape(&front.year)
        );
        if front.draft {
            let date = front
                .date
                .as_deref()
                .map(|d| format!(", {}", escape(d)))
                .unwrap_or_default();
            let _ = writeln!(self.out, "<p class=\"draft\">DRAFT{date}</p>");
        }
        self.out.push_str("</header>\n");
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading {
                level,
                content,
                slug,
            } => {
                let level = (*level).clamp(1, 6);
                let _ = write!(self.out, "<h{level} id=\"{}\">", escape(slug));
                self.inlines(content);
                let _ = writeln!(self.out, "</h{level}>");
            }
            Block::Paragraph(content) => {
                match document::caption(b) {
                    Some(c) => {
                        let _ = write!(
                            self.out,
                            "<p class=\"caption\" id=\"{}\">",
                            escape(&c.anchor)
                        );
                    }
                    None => self.out.push_str("<p>"),
                }
                self.inlines(content);
                self.out.push_str("</p>\n");
            }
            Block::List { start, items } => {
                match start {
                    Some(1) => self.out.push_str("<ol>\n"),
                    Some(n) => {
                        let _ = writeln!(self.out, "<ol start=\"{n}\">");
                    }
                    None => self.out.push_str("<ul>\n"),
                }
                for item in items {
                    self.out.push_str("<li>");
                    // A tight item's single paragraph is written without <p>.
                    match item.as_slice() {
                        [Block::Paragraph(content)] => self.inlines(content),
                        blocks => {
                            self.out.push('\n');
                            self.blocks(blocks);
                        }
                    }
                    self.out.push_str("</li>\n");
                }
                self.out.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            Block::Quote(inner) => {
                self.out.push_str("<blockquote>\n");
                self.blocks(inner);
                self.out.push_str("</blockquote>\n");
            }
            Block::Code { info, text } => self.code(info, text),
            Block::Rule => self.out.push_str("<hr>\n"),
            Block::Table(t) => self.table(t),
            Block::Footnotes(notes) => self.footnotes(notes),
            // The table of contents is the side navigation.
            Block::Toc => {}
            Block::PageBreak => self.out.push_str("<div class=\"pagebreak\"></div>\n"),
            Block::Landscape(inner) => {
                let was = self.landscape;
                self.landscape = true;
                self.out.push_str("<section class=\"landscape\">\n");
                self.blocks(inner);
                self.out.push_str("</section>\n");
                self.landscape = was;
            }
        }
    }

    fn code(&mut self, info: &str, text: &str) {
        let lang = info.split_whitespace().next().unwrap_or("");
        if lang.eq_ignore_ascii_case("mermaid") {
            let decimal = match self.lang {
                Language::Id => ',',
                Language::En => '.',
            };
            let width = measure::text_width(self.paper, self.landscape);
            if let Some(chart) = svg::mermaid(text, width, decimal) {
                // A wide chart (the Gantt) scrolls sideways on a phone rather than shrinking its
                // text below reading size; a small one just scales to the width.
                let class = if chart.width > 400.0 {
                    "chart wide"
                } else {
                    "chart"
                };
                let _ = writeln!(
                    self.out,
                    "<figure class=\"{class}\" style=\"max-width:{}pt\">{}</figure>",
                    chart.width.ceil(),
                    chart.markup
                );
                return;
            }
        }
        self.out.push_str("<pre><code>");
        self.out.push_str(&escape(text));
        self.out.push_str("</code></pre>\n");
    }

    fn table(&mut self, t: &Table) {
        let n = measure::columns(t);
        if n == 0 {
            return;
        }
        let aligns = measure::aligns(t);
        let (widths, _) = measure::widths(t, 1000.0);
        let total: f32 = widths.iter().sum::<f32>().max(1.0);
        self.out
            .push_str("<div class=\"table\" role=\"region\" tabindex=\"0\">\n<table>\n<colgroup>");
        for w in &widths {
            let _ = write!(self.out, "<col style=\"width:{:.1}%\">", w * 100.0 / total);
        }
        self.out.push_str("</colgroup>\n");
        let class = |c: usize| match aligns.get(c) {
            Some(Align::Right) => " class=\"r\"",
            Some(Align::Center) => " class=\"c\"",
            _ => "",
        };
        if !t.head.is_empty() {
            self.out.push_str("<thead>\n<tr>");
            for c in 0..n {
                let _ = write!(self.out, "<th scope=\"col\"{}>", class(c));
                if let Some(cell) = t.head.get(c) {
                    self.inlines(cell);
                }
                self.out.push_str("</th>");
            }
            self.out.push_str("</tr>\n</thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for row in &t.rows {
            self.out.push_str("<tr>");
            for c in 0..n {
                let _ = write!(self.out, "<td{}>", class(c));
                if let Some(cell) = row.get(c) {
                    self.inlines(cell);
                }
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
    }

    fn footnotes(&mut self, notes: &[Footnote]) {
        self.out
            .push_str("<section class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
        for note in notes {
            let _ = write!(
                self.out,
                "<li id=\"{}\" value=\"{}\">",
                footnote_id(note.number),
                note.number
            );
            match note.blocks.as_slice() {
                [Block::Paragraph(content)] => self.inlines(content),
                blocks => self.blocks(blocks),
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ol>\n</section>\n");
    }

    fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            match i {
                Inline::LineBreak => self.out.push_str("<br>"),
                Inline::Text { text, style } => {
                    let href = style.link.as_deref().and_then(safe_href);
                    if let Some(h) = &href {
                        let _ = write!(self.out, "<a href=\"{}\">", escape(h));
                    }
                    let tags: [(bool, &str); 5] = [
                        (style.bold, "strong"),
                        (style.italic, "em"),
                        (style.strike, "s"),
                        (style.code, "code"),
                        (style.sup, "sup"),
                    ];
                    for (on, tag) in tags {
                        if on {
                            let _ = write!(self.out, "<{tag}>");
                        }
                    }
                    self.out.push_str(&escape(text));
                    for (on, tag) in tags.iter().rev() {
                        if *on {
                            let _ = write!(self.out, "</{tag}>");
                        }
                    }
                    if href.is_some() {
                        self.out.push_str("</a>");
                    }
                }
            }
        }
    }
}

/// The `<title>`: the title, and the subtitle of a split book.
fn title_line(front: &FrontMatter) -> String {
    match &front.subtitle {
        Some(s) => format!("{s} · {}", front.title),
        None => front.title.clone(),
    }
}

/// (level, text, slug) of every heading, in order (inside landscape sections too).
pub(crate) fn collect_headings(blocks: &[Block], out: &mut Vec<(u8, String, String)>) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                content,
                slug,
            } => out.push((*level, document::plain_text(content), slug.clone())),
            Block::Landscape(inner) => collect_headings(inner, out),
            _ => {}
        }
    }
}

/// The element id of footnote `number` (cannot collide with a heading slug, which has no `:`).
fn footnote_id(number: u32) -> String {
    format!("fn:{number}")
}

/// A link target that is safe to write as `href`: web, mail and phone links, relative paths and
/// this document's anchors (footnote references become their element ids). Anything else (such
/// as `javascript:` or `data:`) gives `None`: the text is kept, without a link.
fn safe_href(link: &str) -> Option<String> {
    let link = link.trim();
    if let Some(n) = link
        .strip_prefix("#^fn-")
        .and_then(|n| n.parse::<u32>().ok())
    {
        return Some(format!("#{}", footnote_id(n)));
    }
    if link.starts_with('#') {
        return Some(link.to_string());
    }
    let scheme_end = link.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if link[i..].starts_with(':') => {
            let scheme = link[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel").then(|| link.to_string())
        }
        _ => Some(link.to_string()),
    }
}

/// The logo as a `data:` URI (PNG or JPEG, recognised by their signatures); `None` when the file
/// is missing or not one of those.
pub(crate) fn logo_uri(base_dir: &Path, logo: &str) -> Option<String> {
    let bytes = std::fs::read(base_dir.join(logo)).ok()?;
    let mime = image_mime(&bytes)?;
    Some(format!("data:{mime};base64,{}", base64(&bytes)))
}

/// The MIME type of PNG and JPEG data, from the file's signature.
pub(crate) fn image_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(A[(n >> 18) as usize & 63] as char);
        out.push(A[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            A[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            A[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "---\ntitle: Masterplan <b>X</b>\nregion: Kabupaten Banggai\nperiod: 2023–2032\nyear: 2023\nlanguage: en\n---\n\n";

    fn html(body: &str) -> String {
        write(
            &format!("{FRONT}{body}"),
            Path::new("/nonexistent"),
            &HtmlOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn escapes_user_text_and_drops_raw_html() {
        let h = html(
            "# BAB I <script>alert(1)</script>\n\n<div onclick=\"x\">raw</div>\n\nA & B <i>x</i> [bad](javascript:alert(1)) [ok](https://x.id/?a=1&b=\"2\")\n",
        );
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("onclick"));
        assert!(!h.contains("<b>X</b>"));
        assert!(h.contains("Masterplan &lt;b&gt;X&lt;/b&gt;"));
        assert!(h.contains("A &amp; B"));
        assert!(!h.contains("javascript:"));
        assert!(h.contains("href=\"https://x.id/?a=1&amp;b=&quot;2&quot;\""));
        assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    }

    #[test]
    fn headings_have_ids_and_the_toc_links_them() {
        let h = html("# BAB I PENDAHULUAN\n\n## 1.1 Latar Belakang\n\n### 1.1.1 Detail\n");
        assert!(h.contains("<h1 id=\"bab-i-pendahuluan\">"));
        assert!(h.contains("<h3 id=\"111-detail\">"));
        assert!(h.contains("<a href=\"#11-latar-belakang\">1.1 Latar Belakang</a>"));
        assert!(!h.contains("href=\"#111-detail\""));
    }

    #[test]
    fn footnotes_tables_and_missing_logo() {
        let h = html(
            "# A\n\nText[^1].\n\n[^1]: Note.\n\n| Program | Anggaran |\n|---|--:|\n| Satu | Rp1.000 |\n",
        );
        assert!(h.contains("href=\"#fn:1\""));
        assert!(h.contains("<li id=\"fn:1\" value=\"1\">Note.</li>"));
        assert!(h.contains("<td class=\"r\">Rp1.000</td>"));
        assert!(h.contains("<div class=\"table\""));
        assert!(!h.contains("<img"));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn hrefs() {
        assert_eq!(safe_href("JavaScript:x"), None);
        assert_eq!(safe_href("data:text/html,x"), None);
        assert_eq!(safe_href("lampiran.pdf").as_deref(), Some("lampiran.pdf"));
        assert_eq!(safe_href("#^fn-3").as_deref(), Some("#fn:3"));
        assert_eq!(safe_href("mailto:a@b.id").as_deref(), Some("mailto:a@b.id"));
    }
}
