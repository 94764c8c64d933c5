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
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, OnceLock};
use std::thread::{Scope, ScopedJoinHandle};

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    ExternalXObject, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions,
    Pt, Rect, TextItem, XObject, XObjectId,
};

use super::fonts::{self, FontId};
use super::page::{Document, Item, Page, Rgb};
use glyphs::PushStr;
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

    // Images are decoded up front (in order of first appearance), so printpdf writes their
    // XObjects together with the fonts.
    let mut images = Images::default();
    for page in &document.pages {
        for item in &page.items {
            if let Item::Image { data, .. } = item {
                images.get(data);
            }
        }
    }

    // printpdf writes the resources: the fonts, subset from the glyph page (a page showing every
    // used character once), and the image XObjects.
    let mut pdf = PdfDocument::new(&document.metadata.title);
    for used_font in fonts.values() {
        let font = PdfFont::new(used_font.parsed.clone());
        let id = printpdf::FontId(used_font.name.clone());
        pdf.resources.fonts.map.insert(id, font);
    }
    for (id, image) in std::mem::take(&mut images.registered) {
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
    pdf.pages = vec![glyph_page(&fonts)];
    let options = PdfSaveOptions {
        // Compression is done by `post` (resources) and per page (content streams).
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut doc = pdf.to_lopdf_document(&options, &mut warnings);
    drop(pdf);
    let encoders = glyphs::encoders(&glyphs::to_unicode_maps(&doc)?, &fonts);
    let base = post::Base::take(&mut doc)?;

    // The pages, written by us straight from the display list: one content stream each,
    // handed to the `Deflater` as soon as it is written.
    let handles: BTreeMap<FontId, String> = fonts
        .iter()
        .map(|(font, used_font)| (*font, used_font.name.clone()))
        .collect();
    let text = TextEncoding {
        handles: &handles,
        encoders: &encoders,
    };
    let page_ids: Vec<ObjectId> = document.pages.iter().map(|_| doc.new_object_id()).collect();
    // Object numbers are assigned here, in page order, so the output does not depend on how
    // the compression thread keeps up.
    let mut contents = Vec::with_capacity(page_ids.len());
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let mut deflater = Deflater::start(scope);
        let mut links = Vec::new();
        let mut capacity = 4096;
        for (page, &page_id) in document.pages.iter().zip(&page_ids) {
            let mut content = Vec::with_capacity(capacity);
            links.clear();
            page_content(page, document, &text, &mut images, &mut content, &mut links);
            capacity = capacity.max(content.len());
            deflater.push(content)?;
            let contents_id = doc.new_object_id();
            contents.push(contents_id);
            let annots = links
                .drain(..)
                .map(|link| {
                    Object::Reference(doc.add_object(link.into_dictionary(page_id, &page_ids)))
                })
                .collect();
            let dict = page_dictionary(page, &base, contents_id, annots);
            doc.objects.insert(page_id, Object::Dictionary(dict));
        }
        let streams = deflater.finish()?;
        if streams.len() != contents.len() {
            anyhow::bail!(
                "{} content streams for {} pages",
                streams.len(),
                contents.len()
            );
        }
        for (id, stream) in contents.iter().zip(streams) {
            doc.objects.insert(*id, Object::Stream(stream));
        }
        Ok(())
    })?;
    post::finish(doc, &base, &page_ids, document)
}

/// A page's dictionary: its boxes, the shared resources, its content stream and annotations.
fn page_dictionary(
    page: &Page,
    base: &post::Base,
    contents: ObjectId,
    annots: Vec<Object>,
) -> Dictionary {
    let (width, height) = page_size(page);
    let size = || {
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(width),
            Object::Real(height),
        ])
    };
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Page".to_vec()));
    dict.set("MediaBox", size());
    dict.set("CropBox", size());
    dict.set("TrimBox", size());
    dict.set("Parent", Object::Reference(base.pages));
    dict.set("Resources", Object::Reference(base.resources));
    dict.set("Contents", Object::Reference(contents));
    if !annots.is_empty() {
        dict.set("Annots", Object::Array(annots));
    }
    dict
}

/// Compresses the pages' content streams, in the order they are pushed: on a second thread
/// while the next pages are written (the two take about the same time), or, where no thread
/// can be started, right away on this one. The streams are the same either way.
enum Deflater<'scope> {
    Thread {
        sender: SyncSender<Vec<u8>>,
        thread: ScopedJoinHandle<'scope, anyhow::Result<Vec<lopdf::Stream>>>,
    },
    Here(Vec<lopdf::Stream>),
}

impl<'scope> Deflater<'scope> {
    fn start<'env>(scope: &'scope Scope<'scope, 'env>) -> Deflater<'scope> {
        let (sender, receiver) = sync_channel::<Vec<u8>>(8);
        let thread = std::thread::Builder::new()
            .name("masterplan-deflate".into())
            .spawn_scoped(scope, move || -> anyhow::Result<Vec<lopdf::Stream>> {
                receiver
                    .into_iter()
                    .map(|content| post::compressed_stream(&content))
                    .collect()
            });
        match thread {
            Ok(thread) => Deflater::Thread { sender, thread },
            Err(_) => Deflater::Here(Vec::new()),
        }
    }

    fn push(&mut self, content: Vec<u8>) -> anyhow::Result<()> {
        match self {
            // A send fails only when the thread has stopped on an error: `finish` reports it.
            Deflater::Thread { sender, .. } => {
                let _ = sender.send(content);
            }
            Deflater::Here(streams) => streams.push(post::compressed_stream(&content)?),
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<Vec<lopdf::Stream>> {
        match self {
            Deflater::Thread { sender, thread } => {
                drop(sender);
                thread
                    .join()
                    .map_err(|_| anyhow::anyhow!("the compression thread failed"))?
            }
            Deflater::Here(streams) => Ok(streams),
        }
    }
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

/// How page text is written: the font resource names and each font's character encoder.
struct TextEncoding<'a> {
    handles: &'a BTreeMap<FontId, String>,
    encoders: &'a BTreeMap<FontId, glyphs::Encoder>,
}

impl TextEncoding<'_> {
    /// Whether `font` is embedded (it has a glyph for at least one of its characters).
    fn has(&self, font: FontId) -> bool {
        self.encoders.contains_key(&font)
    }

    /// `/Name size Tf`.
    fn select(&self, out: &mut Vec<u8>, font: FontId, size: f32) {
        out.push(b'/');
        if let Some(name) = self.handles.get(&font) {
            out.push_str(name);
        }
        out.push(b' ');
        glyphs::push_number(out, size);
        out.push_str(" Tf\n");
    }

    /// Position the text matrix and show `text` in `font`, already encoded to the subset's codes:
    /// `a b c d e f Tm (codes) Tj`. `matrix` must be finite.
    fn show(&self, out: &mut Vec<u8>, font: FontId, matrix: [f32; 6], text: &str) {
        push_numbers(out, &matrix);
        out.push_str("Tm (");
        if let Some(encoder) = self.encoders.get(&font) {
            encoder.encode_literal(text, out);
        }
        out.push_str(") Tj\n");
    }
}

/// Each number followed by a space.
fn push_numbers(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        glyphs::push_number(out, *v);
        out.push(b' ');
    }
}

/// `r g b rg` (fill) or `r g b RG` (stroke), channels clamped to 0..1.
fn push_color(out: &mut Vec<u8>, c: Rgb, operator: &str) {
    let ch = |v: f32| fin(v).clamp(0.0, 1.0);
    push_numbers(out, &[ch(c.0), ch(c.1), ch(c.2)]);
    out.push_str(operator);
    out.push(b'\n');
}

/// A finite number for the PDF (NaN or infinity would make the file unreadable).
fn fin(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
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

/// Parse every bundled face for embedding now (it is otherwise done on first use, by [`draw`]).
/// Parsing takes a few milliseconds, so callers may run this on another thread in advance.
pub fn prepare_fonts() {
    for font in FontId::ALL {
        parsed_font(font);
    }
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
            // The lazy constructor skips decoding every glyph outline (only subsetting needs
            // the outlines, and it reads them from the source bytes): half the time and memory
            // of `ParsedFont::from_bytes`.
            let mut warnings = Vec::new();
            let bytes = Arc::new(rust_fontconfig::FontBytes::Owned(Arc::from(font.bytes())));
            printpdf::font::AzulParsedFont::from_bytes_shared(bytes, 0, &mut warnings)
                .map(ParsedFont::from_azul)
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
    fn close(&mut self, out: &mut Vec<u8>) {
        if self.open {
            out.push_str("ET\n");
            self.open = false;
        }
    }
}

/// A link annotation found on a page, in PDF coordinates (`[x1 y1 x2 y2]`).
enum Link {
    Uri {
        rect: [f32; 4],
        uri: String,
    },
    Goto {
        rect: [f32; 4],
        page: usize,
        top: f32,
    },
}

impl Link {
    /// The annotation dictionary: invisible (no border), `/P` pointing at its page.
    fn into_dictionary(self, page_id: ObjectId, page_ids: &[ObjectId]) -> Dictionary {
        let (rect, action) = match self {
            Link::Uri { rect, uri } => {
                let mut action = Dictionary::new();
                action.set("S", Object::Name(b"URI".to_vec()));
                action.set(
                    "URI",
                    Object::String(uri.into_bytes(), StringFormat::Literal),
                );
                (rect, action)
            }
            Link::Goto { rect, page, top } => {
                let target = page_ids
                    .get(page)
                    .map_or(Object::Null, |id| Object::Reference(*id));
                let mut action = Dictionary::new();
                action.set("S", Object::Name(b"GoTo".to_vec()));
                action.set(
                    "D",
                    Object::Array(vec![
                        target,
                        Object::Name(b"XYZ".to_vec()),
                        Object::Real(0.0),
                        Object::Real(top),
                        Object::Null,
                    ]),
                );
                (rect, action)
            }
        };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Annot".to_vec()));
        dict.set("Subtype", Object::Name(b"Link".to_vec()));
        dict.set(
            "Rect",
            Object::Array(rect.iter().map(|v| Object::Real(*v)).collect()),
        );
        dict.set("A", Object::Dictionary(action));
        dict.set(
            "Border",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(0),
                Object::Integer(0),
            ]),
        );
        dict.set("H", Object::Name(b"I".to_vec()));
        dict.set("P", Object::Reference(page_id));
        dict
    }
}

/// An annotation rectangle for a top-left-origin box.
fn link_rect(page_height: f32, (x, y, w, h): (f32, f32, f32, f32)) -> [f32; 4] {
    let (x, w, h) = (fin(x), fin(w).max(0.0), fin(h).max(0.0));
    let bottom = page_height - fin(y) - h;
    [x, bottom, x + w, bottom + h]
}

/// Write `page`'s content stream into `out` and collect its links.
fn page_content(
    page: &Page,
    document: &Document,
    encoding: &TextEncoding,
    images: &mut Images,
    out: &mut Vec<u8>,
    links: &mut Vec<Link>,
) {
    let (width, height) = page_size(page);

    // Watermarks first, so that everything else is drawn over them.
    for item in &page.items {
        if let Item::Watermark {
            text,
            size,
            color: c,
        } = item
        {
            watermark(out, (width, height), text, *size, *c, encoding);
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
                    out.push_str("BT\n");
                    text.open = true;
                }
                let size = fin(*size);
                if text.font != Some((*font, size)) {
                    encoding.select(out, *font, size);
                    text.font = Some((*font, size));
                }
                if text.fill != Some(*c) {
                    push_color(out, *c, "rg");
                    text.fill = Some(*c);
                }
                let matrix = [1.0, 0.0, 0.0, 1.0, fin(*x), height - fin(*y)];
                encoding.show(out, *font, matrix, s);
            }
            Item::Rect { x, y, w, h, fill } => {
                text.close(out);
                // The fill colour stays inside q..Q so it never leaks into later text.
                out.push_str("q\n");
                push_color(out, *fill, "rg");
                push_numbers(
                    out,
                    &[fin(*x), height - fin(*y) - fin(*h), fin(*w), fin(*h)],
                );
                out.push_str("re\nf\nQ\n");
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width: w,
                color: c,
            } => {
                text.close(out);
                out.push_str("q\n");
                push_color(out, *c, "RG");
                push_numbers(out, &[fin(*w).max(0.0)]);
                out.push_str("w\n");
                push_numbers(out, &[fin(*x1), height - fin(*y1)]);
                out.push_str("m\n");
                push_numbers(out, &[fin(*x2), height - fin(*y2)]);
                out.push_str("l\nS\nQ\n");
            }
            Item::UriLink { x, y, w, h, uri } => links.push(Link::Uri {
                rect: link_rect(height, (*x, *y, *w, *h)),
                uri: uri.clone(),
            }),
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
                links.push(Link::Goto {
                    rect: link_rect(height, (*x, *y, *w, *h)),
                    page: *target,
                    top: target_height - fin(*top),
                });
            }
            Item::Image { x, y, w, h, data } => {
                let Some((id, px_w, px_h)) = images.get(data) else {
                    continue;
                };
                text.close(out);
                let (bw, bh) = (fin(*w).max(0.0), fin(*h).max(0.0));
                // Fit into the box keeping the aspect ratio, centred.
                let scale = (bw / px_w as f32).min(bh / px_h as f32);
                let (iw, ih) = (px_w as f32 * scale, px_h as f32 * scale);
                let ix = fin(*x) + (bw - iw) / 2.0;
                let iy = height - fin(*y) - bh + (bh - ih) / 2.0;
                out.push_str("q\n");
                push_numbers(out, &[fin(iw), 0.0, 0.0, fin(ih), fin(ix), fin(iy)]);
                out.push_str("cm\n/");
                out.push_str(&id.0);
                out.push_str(" Do\nQ\n");
            }
            Item::Watermark { .. } => {}
        }
    }
    text.close(out);
}

/// Large text along the page diagonal (bottom-left to top-right), centred on the page.
fn watermark(
    out: &mut Vec<u8>,
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
    out.push_str("/Artifact BMC\nq\nBT\n");
    encoding.select(out, WATERMARK_FONT, size);
    push_color(out, c, "rg");
    let matrix = [fin(cos), fin(sin), -fin(sin), fin(cos), fin(x), fin(y)];
    encoding.show(out, WATERMARK_FONT, matrix, text);
    out.push_str("ET\nQ\nEMC\n");
}
