//! Drawing: the only code that touches printpdf. A laid-out [`Document`] to PDF bytes.
//!
//! 1. The characters each font draws are collected; printpdf subsets the fonts from a "glyph
//!    page" showing each of them once, and the codes it assigned are read back from the
//!    `/ToUnicode` maps it wrote (see `glyphs`).
//! 2. Every page's display items become a printpdf `Op` list (coordinates flipped from the
//!    display list's top-left origin to PDF's bottom-left one); text runs are written already
//!    encoded. The glyph page is appended last, so printpdf embeds the same subsets.
//! 3. printpdf serialises to a `lopdf::Document` (Identity-H CID fonts with `/ToUnicode`,
//!    link annotations, image XObjects).
//! 4. `post` finishes it with lopdf: the glyph page removed, annotations made indirect, our
//!    own `/Info` (no dates), `/Lang`, the nested outline, stream compression, and a
//!    content-derived `/ID`.
//!
//! Output is a pure function of the [`Document`]: font resource names are derived from the font
//! and the characters used, image names from their order of appearance.

mod glyphs;
mod image;
mod post;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use printpdf::{
    Actions, BorderArray, Color, ColorArray, CurTransMat, Destination, ExternalXObject,
    HighlightingMode, Line, LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, XObject, XObjectId,
    XObjectTransform,
};

use super::fonts::{self, FontId};
use super::page::{Document, Item, Page, Rgb};
use glyphs::UsedFont;

/// Draw `document` into PDF bytes.
pub fn draw(document: &Document) -> anyhow::Result<Vec<u8>> {
    if document.pages.is_empty() {
        anyhow::bail!("the document has no pages to draw");
    }
    let used = UsedChars::collect(document);
    let names = resource_names(&used);
    let mut fonts: BTreeMap<FontId, UsedFont> = BTreeMap::new();
    for (font, set) in &used.sets {
        let parsed = parsed_font(*font)
            .ok_or_else(|| anyhow::anyhow!("bundled font {} does not parse", font.name()))?;
        let name = names.get(font).cloned().unwrap_or_default();
        let used_font = UsedFont {
            name,
            chars: set.as_slice(),
            parsed,
        };
        fonts.insert(*font, used_font);
    }
    let new_pdf = || {
        let mut pdf = PdfDocument::new(&document.metadata.title);
        for used_font in fonts.values() {
            let font = PdfFont::new(used_font.parsed.clone());
            let id = printpdf::FontId(used_font.name.clone());
            pdf.resources.fonts.map.insert(id, font);
        }
        pdf
    };
    let options = PdfSaveOptions {
        // Compression is done once, after post-processing.
        optimize: false,
        subset_fonts: true,
        // Our text arrives as ready-encoded `Tj` operations (`Op::Unknown`).
        secure: false,
        image_optimization: None,
    };
    let mut warnings = Vec::new();

    // Pass 1: subset the fonts from the glyph page alone and learn the codes printpdf chose.
    let glyph_page = glyph_page(&fonts);
    let mut probe = new_pdf();
    probe.pages = vec![glyph_page.clone()];
    let probe_maps = glyphs::to_unicode_maps(&probe.to_lopdf_document(&options, &mut warnings))?;
    let encoders = glyphs::encoders(&probe_maps, &fonts);

    // Pass 2: the document, with the glyph page last (it yields the same subsets; post-processing
    // removes the page).
    let handles: BTreeMap<FontId, PdfFontHandle> = fonts
        .iter()
        .map(|(font, used_font)| {
            let handle = PdfFontHandle::External(printpdf::FontId(used_font.name.clone()));
            (*font, handle)
        })
        .collect();
    let text = TextEncoding {
        handles: &handles,
        encoders: &encoders,
    };
    let mut pdf = new_pdf();
    let mut images = Images::default();
    let mut pages = Vec::with_capacity(document.pages.len() + 1);
    for page in &document.pages {
        pages.push(page_ops(page, document, &text, &mut images));
    }
    pages.push(glyph_page);
    pdf.pages = pages;
    for (id, image) in images.registered {
        pdf.resources.xobjects.map.insert(
            id,
            XObject::External(ExternalXObject {
                stream: image.stream,
                width: None,
                height: None,
                dpi: None,
            }),
        );
    }
    let lopdf_doc = pdf.to_lopdf_document(&options, &mut warnings);
    // The text was encoded with pass 1's codes: the subsets must be the same.
    if glyphs::to_unicode_maps(&lopdf_doc)? != probe_maps {
        anyhow::bail!("printpdf subset the fonts differently in its two passes");
    }
    post::finish(lopdf_doc, document)
}

/// A page showing every used character of every used font once: what printpdf subsets from.
fn glyph_page(fonts: &BTreeMap<FontId, UsedFont>) -> PdfPage {
    let mut ops = Vec::new();
    for used_font in fonts.values() {
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(printpdf::FontId(used_font.name.clone())),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(glyphs::chars_of(used_font.chars).collect())],
        });
        ops.push(Op::EndTextSection);
    }
    PdfPage {
        media_box: Rect::from_wh(Pt(100.0), Pt(100.0)),
        trim_box: Rect::from_wh(Pt(100.0), Pt(100.0)),
        crop_box: Rect::from_wh(Pt(100.0), Pt(100.0)),
        ops,
    }
}

/// How page text is written: the font resources and each font's character encoder.
struct TextEncoding<'a> {
    handles: &'a BTreeMap<FontId, PdfFontHandle>,
    encoders: &'a BTreeMap<FontId, glyphs::Encoder>,
}

impl TextEncoding<'_> {
    /// Whether `font` is embedded (it has a glyph for at least one of its characters).
    fn has(&self, font: FontId) -> bool {
        self.encoders.contains_key(&font)
    }

    fn handle(&self, font: FontId) -> PdfFontHandle {
        self.handles
            .get(&font)
            .cloned()
            .unwrap_or_else(|| PdfFontHandle::External(printpdf::FontId(String::new())))
    }

    /// Position the text matrix and show `text` in `font`, already encoded to the subset's codes.
    ///
    /// Written as one raw operation (`a b c d e f Tm <codes> Tj`): building and formatting a
    /// lopdf object per glyph string and matrix number was most of the drawing time for long
    /// documents. `matrix` must be finite.
    fn show(&self, font: FontId, matrix: [f32; 6], text: &str) -> Op {
        let mut raw = String::with_capacity(48 + text.len() * 4);
        for v in matrix {
            glyphs::push_number(&mut raw, v);
            raw.push(' ');
        }
        raw.push_str("Tm <");
        if let Some(encoder) = self.encoders.get(&font) {
            encoder.encode_hex(text, &mut raw);
        }
        raw.push_str("> Tj");
        Op::Unknown {
            key: raw,
            value: Vec::new(),
        }
    }
}

/// A finite number for the PDF (NaN or infinity would make the file unreadable).
fn fin(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

fn color(c: Rgb) -> Color {
    let ch = |v: f32| fin(v).clamp(0.0, 1.0);
    Color::Rgb(printpdf::Rgb {
        r: ch(c.0),
        g: ch(c.1),
        b: ch(c.2),
        icc_profile: None,
    })
}

fn page_size(page: &Page) -> (f32, f32) {
    let dim = |v: f32| if v.is_finite() && v >= 1.0 { v } else { 1.0 };
    (dim(page.width), dim(page.height))
}

/// Which characters each font draws, as bitsets over all Unicode scalar values.
struct UsedChars {
    sets: BTreeMap<FontId, Vec<u64>>,
}

impl UsedChars {
    const WORDS: usize = 0x11_0000 / 64;

    fn collect(document: &Document) -> UsedChars {
        let mut sets: BTreeMap<FontId, Vec<u64>> = BTreeMap::new();
        let mut add = |font: FontId, text: &str| {
            let set = sets.entry(font).or_insert_with(|| vec![0; Self::WORDS]);
            for c in text.chars() {
                let cp = c as usize;
                if let Some(word) = set.get_mut(cp / 64) {
                    *word |= 1 << (cp % 64);
                }
            }
        };
        for page in &document.pages {
            for item in &page.items {
                match item {
                    Item::Text { font, text, .. } => add(*font, text),
                    Item::Watermark { text, .. } => add(WATERMARK_FONT, text),
                    _ => {}
                }
            }
        }
        UsedChars { sets }
    }
}

/// The face the watermark is set in.
const WATERMARK_FONT: FontId = FontId::Bold;

/// Resource names for the used fonts. printpdf takes the first six characters of the resource
/// name as the subset tag (`ABCDEF+Carlito-Regular`), so each name is six capital letters derived
/// from the font and its used characters: stable for identical input, distinct per subset.
fn resource_names(used: &UsedChars) -> BTreeMap<FontId, String> {
    let mut names: BTreeMap<FontId, String> = BTreeMap::new();
    for (font, set) in &used.sets {
        let mut hash = post::Fnv::new();
        hash.write(font.name().as_bytes());
        for word in set {
            hash.write(&word.to_le_bytes());
        }
        let mut h = hash.finish();
        loop {
            let tag: String = (0..6)
                .map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8))
                .collect();
            if !names.values().any(|n| *n == tag) {
                names.insert(*font, tag);
                break;
            }
            h = h.rotate_left(13) ^ 0x9E37_79B9_7F4A_7C15;
        }
    }
    names
}

/// The bundled faces parsed once per process (parsing is the slow part of font handling).
fn parsed_font(font: FontId) -> Option<&'static ParsedFont> {
    static CELLS: [OnceLock<Option<ParsedFont>>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let index = FontId::ALL.iter().position(|f| *f == font)?;
    CELLS
        .get(index)?
        .get_or_init(|| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(font.bytes(), 0, &mut warnings)
        })
        .as_ref()
}

/// An image's XObject name and its size in pixels.
type Placed = (XObjectId, u32, u32);

/// Image bytes seen so far and what they became (`None`: could not be decoded).
type Seen = Vec<(Arc<Vec<u8>>, Option<Placed>)>;

/// Images registered so far, deduplicated by content.
#[derive(Default)]
struct Images {
    /// Already seen `Arc`s (by address; the document keeps them alive while drawing), so a logo
    /// repeated on every page is hashed once. Only a cache: names follow first appearance.
    by_arc: BTreeMap<usize, Option<Placed>>,
    /// Content hash and length -> the images with that key.
    by_content: BTreeMap<(u64, usize), Seen>,
    registered: Vec<(XObjectId, image::PdfImage)>,
}

impl Images {
    /// The XObject and pixel size for `data`, decoding it on first sight.
    fn get(&mut self, data: &Arc<Vec<u8>>) -> Option<Placed> {
        let address = Arc::as_ptr(data) as usize;
        if let Some(known) = self.by_arc.get(&address) {
            return known.clone();
        }
        let mut hash = post::Fnv::new();
        hash.write(data);
        let key = (hash.finish(), data.len());
        let same = self
            .by_content
            .get(&key)
            .and_then(|seen| seen.iter().find(|(bytes, _)| bytes[..] == data[..]));
        let entry = match same {
            Some((_, placed)) => placed.clone(),
            None => {
                let entry = image::decode(data).map(|img| {
                    let id = XObjectId(format!("Im{}", self.registered.len() + 1));
                    let out = (id.clone(), img.width, img.height);
                    self.registered.push((id, img));
                    out
                });
                let seen = self.by_content.entry(key).or_default();
                seen.push((Arc::clone(data), entry.clone()));
                entry
            }
        };
        self.by_arc.insert(address, entry.clone());
        entry
    }
}

/// Text state inside the current `BT`..`ET` block.
struct TextState {
    open: bool,
    font: Option<(FontId, f32)>,
    fill: Option<Rgb>,
}

impl TextState {
    fn close(&mut self, ops: &mut Vec<Op>) {
        if self.open {
            ops.push(Op::EndTextSection);
            self.open = false;
        }
    }
}

fn page_ops(
    page: &Page,
    document: &Document,
    encoding: &TextEncoding,
    images: &mut Images,
) -> PdfPage {
    let (width, height) = page_size(page);
    let mut ops = Vec::with_capacity(page.items.len() * 3 + 4);

    // Watermarks first, so that everything else is drawn over them.
    for item in &page.items {
        if let Item::Watermark {
            text,
            size,
            color: c,
        } = item
        {
            watermark(&mut ops, (width, height), text, *size, *c, encoding);
        }
    }

    let mut text = TextState {
        open: false,
        font: None,
        fill: None,
    };
    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                font,
                size,
                color: c,
                text: s,
            } => {
                if s.is_empty() || !encoding.has(*font) {
                    continue;
                }
                if !text.open {
                    ops.push(Op::StartTextSection);
                    text.open = true;
                }
                let size = fin(*size);
                if text.font != Some((*font, size)) {
                    ops.push(Op::SetFont {
                        font: encoding.handle(*font),
                        size: Pt(size),
                    });
                    text.font = Some((*font, size));
                }
                if text.fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    text.fill = Some(*c);
                }
                let matrix = [1.0, 0.0, 0.0, 1.0, fin(*x), height - fin(*y)];
                ops.push(encoding.show(*font, matrix, s));
            }
            Item::Rect { x, y, w, h, fill } => {
                text.close(&mut ops);
                // The fill colour stays inside q..Q so it never leaks into later text.
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetFillColor { col: color(*fill) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(fin(*x)),
                        y: Pt(height - fin(*y) - fin(*h)),
                        width: Pt(fin(*w)),
                        height: Pt(fin(*h)),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width: w,
                color: c,
            } => {
                text.close(&mut ops);
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: Pt(fin(x)),
                        y: Pt(height - fin(y)),
                    },
                    bezier: false,
                };
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(fin(*w).max(0.0)),
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::UriLink { x, y, w, h, uri } => {
                ops.push(link(height, (*x, *y, *w, *h), Actions::Uri(uri.clone())));
            }
            Item::GotoLink {
                x,
                y,
                w,
                h,
                page: target,
                top,
            } => {
                // A link to a page that does not exist is dropped, not written broken.
                let Some(target_page) = document.pages.get(*target) else {
                    continue;
                };
                let (_, target_height) = page_size(target_page);
                let destination = Destination::Xyz {
                    page: target + 1,
                    left: Some(0.0),
                    top: Some(target_height - fin(*top)),
                    zoom: None,
                };
                ops.push(link(height, (*x, *y, *w, *h), Actions::Goto(destination)));
            }
            Item::Image { x, y, w, h, data } => {
                let Some((id, px_w, px_h)) = images.get(data) else {
                    continue;
                };
                text.close(&mut ops);
                let (bw, bh) = (fin(*w).max(0.0), fin(*h).max(0.0));
                // Fit into the box keeping the aspect ratio, centred.
                let scale = (bw / px_w as f32).min(bh / px_h as f32);
                let (iw, ih) = (px_w as f32 * scale, px_h as f32 * scale);
                let ix = fin(*x) + (bw - iw) / 2.0;
                let iy = height - fin(*y) - bh + (bh - ih) / 2.0;
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: CurTransMat::Raw([iw, 0.0, 0.0, ih, ix, iy]),
                });
                ops.push(Op::UseXobject {
                    id,
                    transform: XObjectTransform {
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Watermark { .. } => {}
        }
    }
    text.close(&mut ops);

    PdfPage {
        media_box: Rect::from_wh(Pt(width), Pt(height)),
        trim_box: Rect::from_wh(Pt(width), Pt(height)),
        crop_box: Rect::from_wh(Pt(width), Pt(height)),
        ops,
    }
}

/// An invisible (borderless) link annotation over a top-left-origin box.
fn link(page_height: f32, (x, y, w, h): (f32, f32, f32, f32), actions: Actions) -> Op {
    let (w, h) = (fin(w).max(0.0), fin(h).max(0.0));
    Op::LinkAnnotation {
        link: LinkAnnotation {
            rect: Rect::from_xywh(Pt(fin(x)), Pt(page_height - fin(y) - h), Pt(w), Pt(h)),
            actions,
            border: BorderArray::Solid([0.0, 0.0, 0.0]),
            color: ColorArray::Transparent,
            highlighting: HighlightingMode::Invert,
        },
    }
}

/// Large text along the page diagonal (bottom-left to top-right), centred on the page.
fn watermark(
    ops: &mut Vec<Op>,
    (width, height): (f32, f32),
    text: &str,
    size: f32,
    c: Rgb,
    encoding: &TextEncoding,
) {
    let size = fin(size);
    if text.is_empty() || size <= 0.0 || !encoding.has(WATERMARK_FONT) {
        return;
    }
    let angle = height.atan2(width);
    let (sin, cos) = angle.sin_cos();
    let run = fonts::text_width(WATERMARK_FONT, size, text);
    // Centre the run's box: half its length back along the baseline, and half the cap height
    // (about 0.7 em) down, perpendicular to it.
    let half_cap = 0.35 * size;
    let x = width / 2.0 - cos * run / 2.0 + sin * half_cap;
    let y = height / 2.0 - sin * run / 2.0 - cos * half_cap;
    // Marked as an artifact: not part of the document's content for readers that care.
    ops.push(Op::BeginMarkedContent {
        tag: "Artifact".to_string(),
    });
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: encoding.handle(WATERMARK_FONT),
        size: Pt(size),
    });
    ops.push(Op::SetFillColor { col: color(c) });
    let matrix = [cos, sin, -sin, cos, fin(x), fin(y)];
    ops.push(encoding.show(WATERMARK_FONT, matrix, text));
    ops.push(Op::EndTextSection);
    ops.push(Op::RestoreGraphicsState);
    ops.push(Op::EndMarkedContent);
}
