//! The blocks of the document tree as WordprocessingML: `word/document.xml` (cover, table of
//! contents field, headings with bookmarks, paragraphs, lists, quotes, code, tables, charts, and
//! the portrait/landscape sections), `word/footnotes.xml`, `word/numbering.xml`, the pictures and
//! the relationships they need.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::{Entry, image_size, pictures, xml};
use crate::document::{
    self, Align, Block, Caption, CaptionKind, FrontMatter, Inline, Language, Parsed, Table,
};
use crate::typeset::layout::style;
use crate::typeset::raster;
use crate::typeset::svg::{self, Svg};
use crate::typeset::{Paper, measure};

/// Relationship ids fixed by the package (see `parts`); pictures and links come after them.
pub(super) const RID_HEADER_PORTRAIT: &str = "rId5";
pub(super) const RID_FOOTER_PORTRAIT: &str = "rId6";
pub(super) const RID_HEADER_LANDSCAPE: &str = "rId7";
pub(super) const RID_FOOTER_LANDSCAPE: &str = "rId8";
pub(super) const RID_HEADER_COVER: &str = "rId9";
pub(super) const RID_FOOTER_COVER: &str = "rId10";
const FIRST_FREE_RID: usize = 11;

/// Page margins in twentieths of a point (the PDF's: 25 mm top and bottom, 30 mm left, 22 mm
/// right) and the header/footer distance from the edge (12 mm).
pub(super) const MARGIN_TOP: u32 = 1417;
pub(super) const MARGIN_BOTTOM: u32 = 1417;
pub(super) const MARGIN_LEFT: u32 = 1701;
pub(super) const MARGIN_RIGHT: u32 = 1247;
const HEADER_DISTANCE: u32 = 680;

/// Resolution of the chart pictures.
const CHART_DPI: f32 = 150.0;

/// Table text is 9 pt here (the `TableText` style) and [`style::TABLE_SIZE`] in the PDF, whose
/// measure the column widths come from: widths are measured for a proportionally narrower table
/// and scaled up, with 4 % to spare for Word's and LibreOffice's own measuring, so that no
/// column is narrower than its longest word ("Dampak" broke as "Dampa k" in LibreOffice).
const TABLE_WIDTH_SCALE: f32 = 9.0 / style::TABLE_SIZE * 1.04;
/// Points to English Metric Units (DrawingML sizes).
const EMU_PER_PT: f32 = 12_700.0;

/// A relationship of `word/document.xml`.
pub(super) struct Rel {
    pub id: String,
    pub kind: &'static str,
    pub target: String,
    pub external: bool,
}

/// What `body` produces for the package.
pub(super) struct Body {
    pub document: String,
    pub footnotes: String,
    pub numbering: String,
    pub rels: Vec<Rel>,
    pub media: Vec<Entry>,
    /// Whether any picture is an SVG (its content type is then declared).
    pub has_svg: bool,
    /// Whether the logo is a JPEG.
    pub has_jpeg: bool,
}

/// Page width and height in twips, portrait.
pub(super) fn page_twips(paper: Paper) -> (u32, u32) {
    match paper {
        Paper::A4 => (11_906, 16_838),
        Paper::F4 => (12_189, 18_709),
        Paper::Letter => (12_240, 15_840),
    }
}

/// The text width in twips of a portrait or landscape page.
pub(super) fn text_twips(paper: Paper, landscape: bool) -> u32 {
    let (w, h) = page_twips(paper);
    let page_w = if landscape { h } else { w };
    page_w - MARGIN_LEFT - MARGIN_RIGHT
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Cover,
    Body,
}

/// The paragraph context: its style and list indentation.
#[derive(Clone, Copy)]
struct Ctx {
    style: &'static str,
    /// Nesting of lists (0: not in a list).
    list: u8,
}

const NORMAL: Ctx = Ctx {
    style: "Normal",
    list: 0,
};

struct ChartJob {
    svg: Svg,
    png_name: String,
}

struct W<'q> {
    /// Chart pieces to draw as PNG, on another thread while the XML is written.
    pictures: &'q pictures::Queue,
    out: String,
    paper: Paper,
    lang: Language,
    landscape: bool,
    /// Content was written since the last section break.
    section_has_content: bool,
    bookmarks: HashMap<String, String>,
    bookmark_id: u32,
    notes: BTreeMap<u32, Vec<Block>>,
    rels: Vec<Rel>,
    link_rels: HashMap<String, String>,
    media: Vec<Entry>,
    charts: Vec<ChartJob>,
    picture_id: u32,
    /// (list level, start) of every ordered list: numbering instance 2, 3, ...
    ordered: Vec<(u8, u64)>,
    has_jpeg: bool,
    /// Writing a footnote: no section breaks.
    in_note: bool,
    /// The document's captions, for the lists of tables and figures after the contents.
    captions: Vec<Caption>,
}

pub(super) fn write(parsed: &Parsed, logo: Option<Vec<u8>>, paper: Paper) -> Body {
    let ((mut body, charts), mut pngs) =
        pictures::drawn_while(CHART_DPI, |queue| write_xml(parsed, logo, paper, queue));
    // The pictures after the other media, in chart order: PNG, then the SVG Word shows instead.
    for (n, job) in charts.into_iter().enumerate() {
        body.media.push(Entry {
            name: format!("word/media/{}", job.png_name),
            bytes: pngs.remove(&n).unwrap_or_else(raster::blank_png),
        });
        body.media.push(Entry {
            name: format!("word/media/{}", job.png_name.replace(".png", ".svg")),
            bytes: job.svg.markup.into_bytes(),
        });
    }
    body
}

/// The document's XML, queueing its chart pieces on `pictures`; the body and the charts met.
fn write_xml(
    parsed: &Parsed,
    logo: Option<Vec<u8>>,
    paper: Paper,
    pictures: &pictures::Queue,
) -> (Body, Vec<ChartJob>) {
    let mut w = W {
        pictures,
        out: String::with_capacity(256 * 1024),
        paper,
        lang: parsed.front.language,
        landscape: false,
        section_has_content: false,
        bookmarks: HashMap::new(),
        bookmark_id: 0,
        notes: BTreeMap::new(),
        rels: Vec::new(),
        link_rels: HashMap::new(),
        media: Vec::new(),
        charts: Vec::new(),
        picture_id: 0,
        ordered: Vec::new(),
        has_jpeg: false,
        in_note: false,
        captions: document::captions(&parsed.blocks),
    };
    let mut headings = Vec::new();
    walk_headings(&parsed.blocks, &mut headings);
    for (k, (_, _, slug)) in headings.iter().enumerate() {
        w.bookmarks
            .insert(slug.clone(), format!("_Toc{:05}", k + 1));
    }
    for (k, c) in w.captions.iter().enumerate() {
        w.bookmarks
            .entry(c.anchor.clone())
            .or_insert_with(|| format!("_Cap{:05}", k + 1));
    }
    collect_notes(&parsed.blocks, &mut w.notes);

    w.out.push_str(DOCUMENT_START);
    w.cover(&parsed.front, logo);
    w.section_break(Section::Cover);
    for b in &parsed.blocks {
        w.block(b, NORMAL, &headings);
    }
    let last = w.sect_pr(Section::Body);
    w.out.push_str(&last);
    w.out.push_str("</w:body></w:document>");

    let footnotes = w.footnotes_xml(&headings);
    let numbering = w.numbering_xml();
    let body = Body {
        document: w.out,
        footnotes,
        numbering,
        has_svg: !w.charts.is_empty(),
        rels: w.rels,
        media: w.media,
        has_jpeg: w.has_jpeg,
    };
    (body, w.charts)
}

const DOCUMENT_START: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"",
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"",
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"",
    " xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\">",
    "<w:body>"
);

/// (level, text, slug) of every heading anywhere in the tree, in document order.
fn walk_headings(blocks: &[Block], out: &mut Vec<(u8, String, String)>) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                content,
                slug,
            } => out.push((*level, document::plain_text(content), slug.clone())),
            Block::Landscape(inner) | Block::Quote(inner) => walk_headings(inner, out),
            Block::List { items, .. } => items.iter().for_each(|i| walk_headings(i, out)),
            _ => {}
        }
    }
}

fn collect_notes(blocks: &[Block], out: &mut BTreeMap<u32, Vec<Block>>) {
    for b in blocks {
        match b {
            Block::Footnotes(notes) => {
                for n in notes {
                    out.entry(n.number).or_insert_with(|| n.blocks.clone());
                }
            }
            Block::Landscape(inner) | Block::Quote(inner) => collect_notes(inner, out),
            _ => {}
        }
    }
}

/// The footnote number a superscript link `#^fn-N` refers to.
fn footnote_ref(link: Option<&str>) -> Option<u32> {
    link?.strip_prefix("#^fn-")?.parse().ok()
}

impl W<'_> {
    fn rel(&mut self, kind: &'static str, target: String, external: bool) -> String {
        let id = format!("rId{}", FIRST_FREE_RID + self.rels.len());
        self.rels.push(Rel {
            id: id.clone(),
            kind,
            target,
            external,
        });
        id
    }

    fn sect_pr(&self, section: Section) -> String {
        let (w, h) = page_twips(self.paper);
        let (header, footer) = match (section, self.landscape) {
            (Section::Cover, _) => (RID_HEADER_COVER, RID_FOOTER_COVER),
            (Section::Body, false) => (RID_HEADER_PORTRAIT, RID_FOOTER_PORTRAIT),
            (Section::Body, true) => (RID_HEADER_LANDSCAPE, RID_FOOTER_LANDSCAPE),
        };
        let size = if self.landscape {
            format!("<w:pgSz w:w=\"{h}\" w:h=\"{w}\" w:orient=\"landscape\"/>")
        } else {
            format!("<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>")
        };
        format!(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"{header}\"/><w:footerReference w:type=\"default\" r:id=\"{footer}\"/><w:type w:val=\"nextPage\"/>{size}<w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" w:left=\"{MARGIN_LEFT}\" w:header=\"{HEADER_DISTANCE}\" w:footer=\"{HEADER_DISTANCE}\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr>"
        )
    }

    /// End the current section here (its properties go into a last, empty paragraph).
    fn section_break(&mut self, section: Section) {
        let pr = self.sect_pr(section);
        let _ = write!(self.out, "<w:p><w:pPr>{pr}</w:pPr></w:p>");
        self.section_has_content = false;
    }

    /// Continue on portrait or landscape pages (a new section when the orientation changes).
    fn orientation(&mut self, landscape: bool) {
        if self.landscape == landscape || self.in_note {
            return;
        }
        if self.section_has_content {
            self.section_break(Section::Body);
        }
        self.landscape = landscape;
    }

    fn cover(&mut self, front: &FrontMatter, logo: Option<Vec<u8>>) {
        if let Some(bytes) = logo
            && let Some((pw, ph)) = image_size(&bytes)
        {
            let jpeg = bytes.starts_with(&[0xFF, 0xD8]);
            self.has_jpeg |= jpeg;
            let name = if jpeg { "logo.jpeg" } else { "logo.png" };
            self.media.push(Entry {
                name: format!("word/media/{name}"),
                bytes,
            });
            let rid = self.rel(REL_IMAGE, format!("media/{name}"), false);
            // At most 4.5 cm tall and 6 cm wide, keeping the aspect ratio.
            let scale = (127.5 / ph as f32).min(170.0 / pw as f32);
            let (w, h) = (pw as f32 * scale, ph as f32 * scale);
            let alt = format!("Logo {}", front.region);
            let pic = self.picture(&rid, None, w, h, &alt);
            let _ = write!(
                self.out,
                "<w:p><w:pPr><w:pStyle w:val=\"CoverText\"/><w:spacing w:before=\"1200\" w:after=\"480\"/></w:pPr>{pic}</w:p>"
            );
        }
        let line = |w: &mut W, style: &str, text: &str| {
            let _ = write!(
                w.out,
                "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml(text)
            );
        };
        line(self, "CoverRegion", &front.region.to_uppercase());
        if let Some(p) = &front.province {
            line(self, "CoverText", p);
        }
        line(self, "Title", &front.title);
        if let Some(s) = &front.subtitle {
            line(self, "Subtitle", s);
        }
        line(self, "CoverText", &front.period);
        line(self, "CoverYear", &front.year);
        if front.draft {
            let draft = match &front.date {
                Some(d) => format!("DRAFT, {d}"),
                None => "DRAFT".to_string(),
            };
            line(self, "CoverText", &draft);
        }
    }

    fn block(&mut self, b: &Block, ctx: Ctx, headings: &[(u8, String, String)]) {
        self.section_has_content = true;
        match b {
            Block::Heading {
                level,
                content,
                slug,
            } => {
                let level = (*level).clamp(1, 6);
                let _ = write!(
                    self.out,
                    "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>"
                );
                let mark = self.bookmarks.get(slug).cloned();
                if let Some(name) = &mark {
                    self.bookmark_id += 1;
                    let _ = write!(
                        self.out,
                        "<w:bookmarkStart w:id=\"{}\" w:name=\"{name}\"/>",
                        self.bookmark_id
                    );
                }
                self.runs(content, Run::default());
                if mark.is_some() {
                    let _ = write!(self.out, "<w:bookmarkEnd w:id=\"{}\"/>", self.bookmark_id);
                }
                self.out.push_str("</w:p>");
            }
            Block::Paragraph(content) => match document::caption(b) {
                Some(c) if ctx.list == 0 => self.caption(content, &c),
                _ => self.paragraph(content, ctx, ""),
            },
            Block::List { start, items } => {
                let level = ctx.list.min(8);
                let num = match start {
                    Some(s) => {
                        self.ordered.push((level, *s));
                        self.ordered.len() + 1
                    }
                    None => 1,
                };
                let inner = Ctx {
                    style: "ListParagraph",
                    list: ctx.list.saturating_add(1),
                };
                for item in items {
                    let mut rest = item.as_slice();
                    if let Some((Block::Paragraph(first), tail)) = rest.split_first() {
                        let numbered = format!(
                            "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
                        );
                        self.paragraph(first, inner, &numbered);
                        rest = tail;
                    }
                    for b in rest {
                        self.block(b, inner, headings);
                    }
                }
            }
            Block::Quote(inner) => {
                let q = Ctx {
                    style: "Quote",
                    ..ctx
                };
                for b in inner {
                    self.block(b, q, headings);
                }
            }
            Block::Code { info, text } => self.code(info, text, ctx),
            Block::Rule => self.out.push_str(
                "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"B8BDC7\"/></w:pBdr></w:pPr></w:p>",
            ),
            Block::Table(t) => self.table(t),
            // Footnotes are real Word footnotes (footnotes.xml), referenced where they are cited.
            Block::Footnotes(_) => {}
            Block::Toc => {
                self.toc(headings);
                self.caption_list(CaptionKind::Table);
                self.caption_list(CaptionKind::Figure);
            }
            Block::PageBreak => self
                .out
                .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
            Block::Landscape(inner) => {
                let was = self.landscape;
                self.orientation(true);
                for b in inner {
                    self.block(b, ctx, headings);
                }
                self.orientation(was);
            }
        }
    }

    /// A caption: `Table Caption` above a table (kept with it), `Caption` below a figure, with
    /// the bookmark its entry in the list of tables or figures points to.
    fn caption(&mut self, content: &[Inline], c: &Caption) {
        let style = match c.kind {
            CaptionKind::Table => "TableCaption",
            CaptionKind::Figure => "Caption",
        };
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"
        );
        let mark = self.bookmarks.get(&c.anchor).cloned();
        if let Some(name) = &mark {
            self.bookmark_id += 1;
            let _ = write!(
                self.out,
                "<w:bookmarkStart w:id=\"{}\" w:name=\"{name}\"/>",
                self.bookmark_id
            );
        }
        self.runs(content, Run::default());
        if mark.is_some() {
            let _ = write!(self.out, "<w:bookmarkEnd w:id=\"{}\"/>", self.bookmark_id);
        }
        self.out.push_str("</w:p>");
    }

    /// The list of tables or of figures after the contents: a TOC field over the paragraphs of
    /// the caption style (`TOC \t "Table Caption,1"`) that Word updates, pre-filled with the
    /// captions as links with PAGEREF page numbers.
    fn caption_list(&mut self, kind: CaptionKind) {
        let (title, style) = match (kind, self.lang) {
            (CaptionKind::Table, Language::Id) => ("Daftar Tabel", "Table Caption"),
            (CaptionKind::Table, Language::En) => ("List of Tables", "Table Caption"),
            (CaptionKind::Figure, Language::Id) => ("Daftar Gambar", "Caption"),
            (CaptionKind::Figure, Language::En) => ("List of Figures", "Caption"),
        };
        let entries: Vec<(String, String)> = self
            .captions
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                (
                    c.text.clone(),
                    self.bookmarks.get(&c.anchor).cloned().unwrap_or_default(),
                )
            })
            .collect();
        if entries.is_empty() {
            return;
        }
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>{title}</w:t></w:r></w:p>"
        );
        let last = entries.len() - 1;
        for (k, (text, anchor)) in entries.into_iter().enumerate() {
            self.out
                .push_str("<w:p><w:pPr><w:pStyle w:val=\"TableofFigures\"/></w:pPr>");
            if k == 0 {
                let _ = write!(
                    self.out,
                    "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\h \\z \\t \"{style},1\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                );
            }
            let _ = write!(
                self.out,
                "<w:hyperlink w:anchor=\"{anchor}\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGEREF {anchor} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>",
                xml(&text)
            );
            if k == last {
                self.out
                    .push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            }
            self.out.push_str("</w:p>");
        }
    }

    fn paragraph(&mut self, content: &[Inline], ctx: Ctx, numbering: &str) {
        let indent = if numbering.is_empty() && ctx.list > 0 {
            format!(
                "<w:ind w:left=\"{}\"/>",
                360 * (u32::from(ctx.list.min(9)) + 1)
            )
        } else {
            String::new()
        };
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{numbering}{indent}</w:pPr>",
            ctx.style
        );
        self.runs(content, Run::default());
        self.out.push_str("</w:p>");
    }

    fn code(&mut self, info: &str, text: &str, ctx: Ctx) {
        let lang = info.split_whitespace().next().unwrap_or("");
        if lang.eq_ignore_ascii_case("mermaid") && self.chart(text) {
            return;
        }
        let indent = if ctx.list > 0 {
            format!(
                "<w:ind w:left=\"{}\"/>",
                360 * (u32::from(ctx.list.min(9)) + 1)
            )
        } else {
            String::new()
        };
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"Code\"/>{indent}</w:pPr><w:r>"
        );
        for (k, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            if k > 0 {
                self.out.push_str("<w:br/>");
            }
            let _ = write!(
                self.out,
                "<w:t xml:space=\"preserve\">{}</w:t>",
                xml(&line.replace('\t', "    "))
            );
        }
        self.out.push_str("</w:r></w:p>");
    }

    /// A Mermaid chart the typesetter draws, as pictures (one per piece the PDF would set on a
    /// page). `false` when it is not one (it is then set as code).
    fn chart(&mut self, source: &str) -> bool {
        let decimal = match self.lang {
            Language::Id => ',',
            Language::En => '.',
        };
        let width = measure::text_width(self.paper, self.landscape);
        let (pw, ph) = page_twips(self.paper);
        let page_h = if self.landscape { pw } else { ph };
        // Room for the picture on a page, in points, less a line for the paragraph around it.
        let max_h = (page_h - MARGIN_TOP - MARGIN_BOTTOM) as f32 / 20.0 - 24.0;
        let Some(pieces) = svg::mermaid_pages(source, width, max_h, decimal) else {
            return false;
        };
        for (block, piece) in pieces {
            let n = self.charts.len() + 1;
            let png_name = format!("chart{n}.png");
            let svg_name = format!("chart{n}.svg");
            let png_rid = self.rel(REL_IMAGE, format!("media/{png_name}"), false);
            let svg_rid = self.rel(REL_IMAGE, format!("media/{svg_name}"), false);
            let alt = chart_title(&piece);
            let pic = self.picture(&png_rid, Some(&svg_rid), piece.width, piece.height, &alt);
            let _ = write!(
                self.out,
                "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr>{pic}</w:p>"
            );
            // The queue only closes after the body is written, so a send cannot fail; if it did,
            // the picture would be drawn blank.
            let _ = self.pictures.send((self.charts.len(), block));
            self.charts.push(ChartJob {
                svg: piece,
                png_name,
            });
        }
        true
    }

    /// An inline picture `w` x `h` points (`svg_rid`: the SVG Word shows instead of the PNG).
    fn picture(&mut self, rid: &str, svg_rid: Option<&str>, w: f32, h: f32, alt: &str) -> String {
        self.picture_id += 1;
        let id = self.picture_id;
        let cx = (w.max(1.0) * EMU_PER_PT).round() as u64;
        let cy = (h.max(1.0) * EMU_PER_PT).round() as u64;
        let ext = match svg_rid {
            Some(s) => format!(
                "<a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip r:embed=\"{s}\"/></a:ext></a:extLst>"
            ),
            None => String::new(),
        };
        let alt = xml(alt);
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\" name=\"Picture {id}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"Picture {id}\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rid}\">{ext}</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
    }

    fn table(&mut self, t: &Table) {
        let n = measure::columns(t);
        if n == 0 {
            return;
        }
        let portrait_pt = text_twips(self.paper, false) as f32 / 20.0;
        // Landscape exactly where the PDF turns the page: its measure, unscaled.
        let (_, too_wide) = measure::widths(t, portrait_pt);
        let switched = too_wide && !self.landscape && !self.in_note;
        if switched {
            self.orientation(true);
            self.section_has_content = true;
        }
        let avail = text_twips(self.paper, self.landscape);
        let (widths, _) = measure::widths(t, avail as f32 / 20.0 / TABLE_WIDTH_SCALE);
        let twips: Vec<u32> = widths
            .iter()
            .map(|w| ((w * TABLE_WIDTH_SCALE * 20.0).round() as u32).max(100))
            .collect();
        let total: u32 = twips.iter().sum();
        let aligns = measure::aligns(t);
        let _ = write!(
            self.out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"MasterplanTable\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in &twips {
            let _ = write!(self.out, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
        if !t.head.is_empty() {
            self.row(&t.head, &twips, &aligns, true);
        }
        for r in &t.rows {
            self.row(r, &twips, &aligns, false);
        }
        // A paragraph after every table: Word merges adjacent tables, and a cell needs one.
        self.out
            .push_str("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
        if switched {
            self.orientation(false);
        }
    }

    fn row(&mut self, cells: &[Vec<Inline>], twips: &[u32], aligns: &[Align], head: bool) {
        // Rows never split across pages; head rows repeat on every page.
        let header = if head { "<w:tblHeader/>" } else { "" };
        let _ = write!(self.out, "<w:tr><w:trPr><w:cantSplit/>{header}</w:trPr>");
        let empty = Vec::new();
        for (c, w) in twips.iter().enumerate() {
            let jc = match aligns.get(c) {
                Some(Align::Right) => "<w:jc w:val=\"right\"/>",
                Some(Align::Center) => "<w:jc w:val=\"center\"/>",
                _ => "",
            };
            let style = if head { "TableHeading" } else { "TableText" };
            let shade = if head {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DAE3F1\"/>"
            } else {
                ""
            };
            let _ = write!(
                self.out,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{jc}</w:pPr>"
            );
            self.runs(
                cells.get(c).unwrap_or(&empty),
                Run {
                    bold: head,
                    ..Run::default()
                },
            );
            self.out.push_str("</w:p></w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    /// The table of contents: a TOC field over Heading 1-2 that Word updates, pre-filled with
    /// the headings as links.
    fn toc(&mut self, headings: &[(u8, String, String)]) {
        let title = match self.lang {
            Language::Id => "Daftar Isi",
            Language::En => "Contents",
        };
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>{title}</w:t></w:r></w:p>"
        );
        let entries: Vec<&(u8, String, String)> =
            headings.iter().filter(|(l, _, _)| *l <= 2).collect();
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        if entries.is_empty() {
            let _ = write!(
                self.out,
                "<w:p>{begin}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
            );
            return;
        }
        let last = entries.len() - 1;
        for (k, (level, text, slug)) in entries.into_iter().enumerate() {
            let _ = write!(
                self.out,
                "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr>"
            );
            if k == 0 {
                self.out.push_str(begin);
            }
            let anchor = self.bookmarks.get(slug).cloned().unwrap_or_default();
            let _ = write!(
                self.out,
                "<w:hyperlink w:anchor=\"{anchor}\" w:history=\"1\"><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGEREF {anchor} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink>",
                xml(text)
            );
            if k == last {
                self.out
                    .push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            }
            self.out.push_str("</w:p>");
        }
    }

    fn runs(&mut self, content: &[Inline], base: Run) {
        for i in content {
            match i {
                Inline::LineBreak => self.out.push_str("<w:r><w:br/></w:r>"),
                Inline::Text { text, style } => {
                    if style.sup
                        && let Some(n) = footnote_ref(style.link.as_deref())
                        && self.notes.contains_key(&n)
                    {
                        let _ = write!(
                            self.out,
                            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{n}\"/></w:r>"
                        );
                        continue;
                    }
                    let run = Run {
                        bold: base.bold || style.bold,
                        italic: style.italic,
                        strike: style.strike,
                        code: style.code,
                        sup: style.sup,
                        link: false,
                    };
                    let target = style.link.as_deref().and_then(|l| self.link_target(l));
                    match target {
                        Some(Target::Anchor(a)) => {
                            let _ = write!(self.out, "<w:hyperlink w:anchor=\"{a}\">");
                            self.run(text, Run { link: true, ..run });
                            self.out.push_str("</w:hyperlink>");
                        }
                        Some(Target::Rel(id)) => {
                            let _ = write!(self.out, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
                            self.run(text, Run { link: true, ..run });
                            self.out.push_str("</w:hyperlink>");
                        }
                        None => self.run(text, run),
                    }
                }
            }
        }
    }

    fn run(&mut self, text: &str, r: Run) {
        self.out.push_str("<w:r>");
        if r != Run::default() {
            self.out.push_str("<w:rPr>");
            if r.link {
                self.out.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
            }
            if r.code {
                self.out.push_str("<w:rFonts w:ascii=\"Liberation Mono\" w:hAnsi=\"Liberation Mono\" w:cs=\"Liberation Mono\"/>");
            }
            if r.bold {
                self.out.push_str("<w:b/>");
            }
            if r.italic {
                self.out.push_str("<w:i/>");
            }
            if r.strike {
                self.out.push_str("<w:strike/>");
            }
            if r.sup {
                self.out.push_str("<w:vertAlign w:val=\"superscript\"/>");
            }
            self.out.push_str("</w:rPr>");
        }
        let _ = write!(
            self.out,
            "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml(text)
        );
    }

    fn link_target(&mut self, link: &str) -> Option<Target> {
        let link = link.trim();
        if let Some(slug) = link.strip_prefix('#') {
            return self.bookmarks.get(slug).cloned().map(Target::Anchor);
        }
        let scheme = link.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
        if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto" | "tel")) {
            return None;
        }
        if let Some(id) = self.link_rels.get(link) {
            return Some(Target::Rel(id.clone()));
        }
        let id = self.rel(REL_HYPERLINK, link.to_string(), true);
        self.link_rels.insert(link.to_string(), id.clone());
        Some(Target::Rel(id))
    }

    fn footnotes_xml(&mut self, headings: &[(u8, String, String)]) -> String {
        let body = std::mem::take(&mut self.out);
        self.out.push_str(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
            " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"",
            " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"",
            " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"",
            " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"",
            " xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\">",
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>",
            "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        ));
        let notes = std::mem::take(&mut self.notes);
        let ctx = Ctx {
            style: "FootnoteText",
            list: 0,
        };
        for (n, blocks) in &notes {
            let _ = write!(self.out, "<w:footnote w:id=\"{n}\">");
            let mark = "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
            match blocks.split_first() {
                Some((Block::Paragraph(first), rest)) => {
                    self.out
                        .push_str("<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>");
                    self.out.push_str(mark);
                    self.runs(first, Run::default());
                    self.out.push_str("</w:p>");
                    for b in rest {
                        self.footnote_block(b, ctx, headings);
                    }
                }
                _ => {
                    let _ = write!(
                        self.out,
                        "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>{mark}</w:p>"
                    );
                    for b in blocks {
                        self.footnote_block(b, ctx, headings);
                    }
                }
            }
            self.out.push_str("</w:footnote>");
        }
        self.notes = notes;
        self.out.push_str("</w:footnotes>");
        std::mem::replace(&mut self.out, body)
    }

    /// A block inside a footnote: no headings' bookmarks, no sections, no TOC.
    fn footnote_block(&mut self, b: &Block, ctx: Ctx, headings: &[(u8, String, String)]) {
        match b {
            Block::Heading { content, .. } => self.paragraph(content, ctx, ""),
            Block::Toc | Block::Landscape(_) | Block::Footnotes(_) | Block::PageBreak => {}
            Block::Table(t) => {
                // A table in a footnote cannot change the page's orientation.
                self.in_note = true;
                self.table(t);
                self.in_note = false;
            }
            other => self.block(other, ctx, headings),
        }
    }

    fn numbering_xml(&self) -> String {
        let mut s = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        ));
        let bullets = ["\u{2022}", "\u{2013}", "\u{25E6}"];
        for (abs, ordered) in [(0, false), (1, true)] {
            let _ = write!(
                s,
                "<w:abstractNum w:abstractNumId=\"{abs}\"><w:multiLevelType w:val=\"multilevel\"/>"
            );
            for l in 0..9u32 {
                let (fmt, text) = if ordered {
                    let fmt = match l % 3 {
                        0 => "decimal",
                        1 => "lowerLetter",
                        _ => "lowerRoman",
                    };
                    (fmt, format!("%{}.", l + 1))
                } else {
                    ("bullet", bullets[l as usize % 3].to_string())
                };
                let left = 360 * (l + 1);
                let _ = write!(
                    s,
                    "<w:lvl w:ilvl=\"{l}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
                );
            }
            s.push_str("</w:abstractNum>");
        }
        s.push_str("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");
        for (k, (level, start)) in self.ordered.iter().enumerate() {
            let _ = write!(
                s,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride></w:num>",
                k + 2,
                (*start).min(u64::from(u32::MAX))
            );
        }
        s.push_str("</w:numbering>");
        s
    }
}

fn chart_title(svg: &Svg) -> String {
    svg.markup
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(t, _)| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .unwrap_or_else(|| "Chart".to_string())
}

enum Target {
    Anchor(String),
    Rel(String),
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
    sup: bool,
    link: bool,
}

pub(super) const REL_IMAGE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const REL_HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
