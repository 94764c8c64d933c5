//! The chart description drawn as a bitmap: the PNG a writer needs beside the SVG (the DOCX's
//! fallback picture, which LibreOffice shows instead of the SVG). A chart is flat rectangles,
//! straight lines and horizontal text runs ([`Item`]), so this backend draws exactly those, and
//! cheaply: rectangles and horizontal or vertical lines snapped to whole pixels (crisp bars and
//! rules, no seams between abutting slices), other lines filled from their outline, and text from
//! a cache of glyph coverage masks, each glyph outline filled once per size and quarter-pixel
//! position (with tiny-skia) and blended wherever it recurs. Coverage is kept in 16 levels, so a
//! chart has a few hundred colours at most: it is drawn one byte per pixel against a palette and
//! written as an indexed PNG (a third of the bytes to deflate), and only a chart with more than
//! 256 colours is drawn again in RGB. Filling every glyph outline anew in RGBA (as a general SVG
//! renderer does) was nearly all of the DOCX writer's time.
//!
//! Glyphs are placed as the PDF places them: the font's cmap and advance widths, no kerning, from
//! the run's start at `x`; the baseline is snapped to whole pixels (at 150 dpi a third of a
//! point at most) and the pen to quarter pixels. The picture depends only on the chart and the
//! resolution, never on what was drawn before or on which thread.

use std::cell::RefCell;
use std::collections::HashMap;

use tiny_skia::{FillRule, LineCap, Mask, PathBuilder, Stroke, Transform};

use super::chart::ChartBlock;
use super::fonts::{self, FontId};
use super::page::Item;

/// Largest picture drawn, in pixels (a larger one is refused: `None`).
const MAX_PIXELS: f32 = 100.0e6;

/// Glyph masks kept per thread before the cache starts afresh (a long-running preview server
/// meets many sizes; a document's charts use a few hundred masks).
const MAX_CACHED_GLYPHS: usize = 20_000;

/// Sub-pixel positions of the pen per pixel (horizontal).
const SUBPIXEL: f32 = 4.0;

/// Levels of coverage (0 = none, `LEVELS` = full) of anti-aliased edges.
const LEVELS: u8 = 16;

const WHITE: [u8; 3] = [255, 255, 255];

/// `block` drawn at `dpi` (1 pt = 1/72 in) on white, as an 8-bit PNG (indexed, or RGB for a
/// chart of more than 256 colours). `None` if the picture would be empty or over 100 megapixels.
pub fn chart_png(block: &ChartBlock, dpi: f32) -> Option<Vec<u8>> {
    let (w, h, scale) = picture_size(block, dpi)?;
    let mut indexed = Indexed::new(w, h);
    if draw_all(&mut indexed, block, scale) {
        return Some(encode_png(w, h, &indexed.data, Some(&indexed.palette)));
    }
    let (w, h, rgb) = chart_rgb(block, dpi)?;
    Some(encode_png(w, h, &rgb, None))
}

/// `block` drawn at `dpi` on white: width, height and the RGB pixels, row by row (the picture
/// [`chart_png`] encodes).
pub fn chart_rgb(block: &ChartBlock, dpi: f32) -> Option<(usize, usize, Vec<u8>)> {
    let (w, h, scale) = picture_size(block, dpi)?;
    let mut canvas = RgbCanvas {
        w,
        data: vec![255; w * h * 3],
    };
    draw_all(&mut canvas, block, scale);
    Some((w, h, canvas.data))
}

/// A one-pixel white PNG, for a chart that could not be drawn (its SVG is still there).
pub fn blank_png() -> Vec<u8> {
    encode_png(1, 1, &[0], Some(&[WHITE]))
}

fn picture_size(block: &ChartBlock, dpi: f32) -> Option<(usize, usize, f32)> {
    let scale = dpi / 72.0;
    if !scale.is_finite() || scale <= 0.0 {
        return None;
    }
    let (w, h) = (
        (block.width.max(1.0) * scale).ceil(),
        (block.height.max(1.0) * scale).ceil(),
    );
    if !(w >= 1.0 && h >= 1.0) || w * h > MAX_PIXELS {
        return None;
    }
    Some((w as usize, h as usize, scale))
}

/// Draw every item in order; `false` if the canvas could not take a colour (palette full).
fn draw_all(canvas: &mut impl Canvas, block: &ChartBlock, scale: f32) -> bool {
    GLYPHS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > MAX_CACHED_GLYPHS {
            cache.clear();
        }
        for item in &block.items {
            draw(canvas, &mut cache, item, scale);
            if canvas.full() {
                return false;
            }
        }
        true
    })
}

/// What the items are drawn on: solid spans and rows of coverage, clipped by the caller.
trait Canvas {
    fn size(&self) -> (usize, usize);
    /// Columns `x0..x1` of rows `y0..y1` in `color`.
    fn fill(&mut self, x0: usize, x1: usize, y0: usize, y1: usize, color: [u8; 3]);
    /// `color` blended onto row `y` from column `x` at the coverage `levels` (0..=[`LEVELS`]).
    fn blend(&mut self, x: usize, y: usize, levels: &[u8], color: [u8; 3]);
    /// A colour could not be taken (an indexed canvas with a full palette).
    fn full(&self) -> bool {
        false
    }
}

/// `fg` over `bg` at `level` of [`LEVELS`].
fn mix(bg: [u8; 3], fg: [u8; 3], level: u8) -> [u8; 3] {
    let full = u32::from(LEVELS);
    let (l, r) = (
        u32::from(level.min(LEVELS)),
        u32::from(LEVELS - level.min(LEVELS)),
    );
    let c = |b: u8, f: u8| ((u32::from(f) * l + u32::from(b) * r + full / 2) / full) as u8;
    [c(bg[0], fg[0]), c(bg[1], fg[1]), c(bg[2], fg[2])]
}

struct RgbCanvas {
    w: usize,
    data: Vec<u8>,
}

impl Canvas for RgbCanvas {
    fn size(&self) -> (usize, usize) {
        (self.w, self.data.len() / (self.w * 3).max(1))
    }

    fn fill(&mut self, x0: usize, x1: usize, y0: usize, y1: usize, color: [u8; 3]) {
        for y in y0..y1 {
            let row = &mut self.data[(y * self.w + x0) * 3..(y * self.w + x1) * 3];
            for px in row.chunks_exact_mut(3) {
                px.copy_from_slice(&color);
            }
        }
    }

    fn blend(&mut self, x: usize, y: usize, levels: &[u8], color: [u8; 3]) {
        let start = (y * self.w + x) * 3;
        let row = &mut self.data[start..start + levels.len() * 3];
        for (px, &level) in row.chunks_exact_mut(3).zip(levels) {
            if level > 0 {
                let m = mix([px[0], px[1], px[2]], color, level);
                px.copy_from_slice(&m);
            }
        }
    }
}

/// One byte per pixel, an index into a palette of at most 256 colours (white first).
struct Indexed {
    w: usize,
    h: usize,
    data: Vec<u8>,
    palette: Vec<[u8; 3]>,
    index: HashMap<[u8; 3], u8>,
    /// Per foreground colour: the index of its mix with background index `b` at level `l`, at
    /// `b * (LEVELS + 1) + l` (`u16::MAX` until first needed).
    mixes: Vec<([u8; 3], Vec<u16>)>,
    full: bool,
}

const UNSET: u16 = u16::MAX;

impl Indexed {
    fn new(w: usize, h: usize) -> Indexed {
        Indexed {
            w,
            h,
            data: vec![0; w * h],
            palette: vec![WHITE],
            index: HashMap::from([(WHITE, 0)]),
            mixes: Vec::new(),
            full: false,
        }
    }

    fn index_of(&mut self, color: [u8; 3]) -> Option<u8> {
        if let Some(&i) = self.index.get(&color) {
            return Some(i);
        }
        if self.palette.len() >= 256 {
            self.full = true;
            return None;
        }
        let i = self.palette.len() as u8;
        self.palette.push(color);
        self.index.insert(color, i);
        Some(i)
    }
}

impl Canvas for Indexed {
    fn size(&self) -> (usize, usize) {
        (self.w, self.h)
    }

    fn fill(&mut self, x0: usize, x1: usize, y0: usize, y1: usize, color: [u8; 3]) {
        let Some(i) = self.index_of(color) else {
            return;
        };
        for y in y0..y1 {
            self.data[y * self.w + x0..y * self.w + x1].fill(i);
        }
    }

    fn blend(&mut self, x: usize, y: usize, levels: &[u8], color: [u8; 3]) {
        let table = match self.mixes.iter().position(|(c, _)| *c == color) {
            Some(t) => t,
            None => {
                self.mixes
                    .push((color, vec![UNSET; 256 * (usize::from(LEVELS) + 1)]));
                self.mixes.len() - 1
            }
        };
        let start = y * self.w + x;
        for (k, &level) in levels.iter().enumerate() {
            if level == 0 {
                continue;
            }
            let bg = self.data[start + k];
            let slot = usize::from(bg) * (usize::from(LEVELS) + 1) + usize::from(level);
            let mut i = self.mixes[table].1[slot];
            if i == UNSET {
                let m = mix(self.palette[usize::from(bg)], color, level);
                let Some(n) = self.index_of(m) else { return };
                i = u16::from(n);
                self.mixes[table].1[slot] = i;
            }
            self.data[start + k] = i as u8;
        }
    }

    fn full(&self) -> bool {
        self.full
    }
}

fn finite(v: f32) -> bool {
    v.is_finite() && v.abs() < 1.0e6
}

fn draw(canvas: &mut impl Canvas, cache: &mut GlyphCache, item: &Item, scale: f32) {
    match item {
        Item::Rect { x, y, w, h, fill } => {
            if !(finite(*x) && finite(*y) && finite(*w) && finite(*h)) {
                return;
            }
            fill_rect(
                canvas,
                *x * scale,
                *y * scale,
                w * scale,
                h * scale,
                fill.to_u8(),
            );
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        } => {
            if !(finite(*x1) && finite(*y1) && finite(*x2) && finite(*y2) && finite(*width)) {
                return;
            }
            if *width <= 0.0 {
                return;
            }
            let (x1, y1, x2, y2, width) = (
                x1 * scale,
                y1 * scale,
                x2 * scale,
                y2 * scale,
                width * scale,
            );
            let color = color.to_u8();
            if (y1 - y2).abs() < 0.01 {
                fill_rect(
                    canvas,
                    x1.min(x2),
                    y1 - width / 2.0,
                    (x1 - x2).abs(),
                    width,
                    color,
                );
            } else if (x1 - x2).abs() < 0.01 {
                fill_rect(
                    canvas,
                    x1 - width / 2.0,
                    y1.min(y2),
                    width,
                    (y1 - y2).abs(),
                    color,
                );
            } else {
                slanted_line(canvas, (x1, y1), (x2, y2), width, color);
            }
        }
        Item::Text {
            x,
            y,
            font,
            size,
            color,
            text,
        } => {
            if !(finite(*x) && finite(*y) && finite(*size)) || *size <= 0.0 || text.is_empty() {
                return;
            }
            text_run(
                canvas,
                cache,
                *x * scale,
                *y * scale,
                *font,
                *size * scale,
                color.to_u8(),
                text,
            );
        }
        // Page furniture, not chart content (the SVG backend skips them too).
        Item::UriLink { .. }
        | Item::GotoLink { .. }
        | Item::Image { .. }
        | Item::Watermark { .. } => {}
    }
}

/// A rectangle in pixels with its edges snapped to whole pixels and no anti-aliasing: bars stay
/// crisp, and shapes built of abutting rectangles (the priority matrix's discs are horizontal
/// slices) show no seams where two anti-aliased edges would each half-cover a row. A rectangle
/// (or a line) thinner than a pixel still covers one.
fn fill_rect(canvas: &mut impl Canvas, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
    if w <= 0.0 && h <= 0.0 {
        return;
    }
    let (pw, ph) = canvas.size();
    let snap = |a: f32, b: f32| {
        let (a0, mut a1) = (a.round() as i64, (a + b.max(0.0)).round() as i64);
        if a1 <= a0 {
            a1 = a0 + 1;
        }
        (a0, a1)
    };
    let (x0, x1) = snap(x, w);
    let (y0, y1) = snap(y, h);
    let clip = |a: i64, n: usize| a.clamp(0, n as i64) as usize;
    let (x0, x1, y0, y1) = (clip(x0, pw), clip(x1, pw), clip(y0, ph), clip(y1, ph));
    if x0 < x1 && y0 < y1 {
        canvas.fill(x0, x1, y0, y1, color);
    }
}

/// A line at an angle: its outline (butt ends) filled with anti-aliasing.
fn slanted_line(
    canvas: &mut impl Canvas,
    a: (f32, f32),
    b: (f32, f32),
    width: f32,
    color: [u8; 3],
) {
    let mut pb = PathBuilder::new();
    pb.move_to(a.0, a.1);
    pb.line_to(b.0, b.1);
    let Some(path) = pb.finish() else { return };
    let stroke = Stroke {
        width: width.max(0.7),
        line_cap: LineCap::Butt,
        ..Stroke::default()
    };
    let Some(outline) = path.stroke(&stroke, 1.0) else {
        return;
    };
    let bounds = outline.bounds();
    let (pw, ph) = canvas.size();
    let left = (bounds.left().floor() as i64).clamp(0, pw as i64);
    let top = (bounds.top().floor() as i64).clamp(0, ph as i64);
    let right = (bounds.right().ceil() as i64 + 1).clamp(0, pw as i64);
    let bottom = (bounds.bottom().ceil() as i64 + 1).clamp(0, ph as i64);
    if left >= right || top >= bottom {
        return;
    }
    let (mw, mh) = ((right - left) as u32, (bottom - top) as u32);
    let Some(mut mask) = Mask::new(mw, mh) else {
        return;
    };
    mask.fill_path(
        &outline,
        FillRule::Winding,
        true,
        Transform::from_translate(-left as f32, -top as f32),
    );
    let levels: Vec<u8> = mask.data().iter().map(|&a| level(a)).collect();
    for (k, row) in levels.chunks_exact(mw as usize).enumerate() {
        canvas.blend(left as usize, top as usize + k, row, color);
    }
}

/// An 8-bit coverage as one of the [`LEVELS`].
fn level(coverage: u8) -> u8 {
    ((u32::from(coverage) * u32::from(LEVELS) + 127) / 255) as u8
}

/// One text run: `x`, `y` the start of its baseline and `px` the font size, all in pixels.
#[allow(clippy::too_many_arguments)]
fn text_run(
    canvas: &mut impl Canvas,
    cache: &mut GlyphCache,
    x: f32,
    y: f32,
    font: FontId,
    px: f32,
    color: [u8; 3],
    text: &str,
) {
    let face = face(font);
    let em = px / fonts::units_per_em(font).max(1.0);
    let baseline = y.round() as i64;
    let mut pen = x;
    for c in text.chars() {
        let advance = fonts::advance_units(font, c) * em;
        if c.is_whitespace() || c.is_control() {
            pen += advance;
            continue;
        }
        let whole = pen.floor();
        let sub = ((pen - whole) * SUBPIXEL).round() as u8;
        let (origin, sub) = if f32::from(sub) >= SUBPIXEL {
            (whole as i64 + 1, 0)
        } else {
            (whole as i64, sub)
        };
        let gid = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let key = GlyphKey {
            font,
            glyph: gid.0,
            px: px.to_bits(),
            sub,
        };
        let glyph = cache
            .entry(key)
            .or_insert_with(|| rasterise(face, gid, em, f32::from(sub) / SUBPIXEL));
        if let Some(g) = glyph {
            blit(canvas, origin + g.left, baseline + g.top, g, color);
        }
        pen += advance;
    }
}

/// A glyph's coverage ([`LEVELS`]) at one size and sub-pixel position: `width` x `height`,
/// placed `left`, `top` pixels from the pen's whole-pixel position on the baseline.
struct GlyphMask {
    left: i64,
    top: i64,
    width: usize,
    height: usize,
    levels: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: FontId,
    glyph: u16,
    px: u32,
    sub: u8,
}

type GlyphCache = HashMap<GlyphKey, Option<GlyphMask>>;

thread_local! {
    /// The glyph masks drawn so far on this thread (a chart's text uses a few dozen glyphs at two
    /// or three sizes, the same in every piece of a long Gantt chart).
    static GLYPHS: RefCell<GlyphCache> = RefCell::new(HashMap::new());
}

fn face(font: FontId) -> &'static ttf_parser::Face<'static> {
    use std::sync::OnceLock;
    static FACES: [OnceLock<ttf_parser::Face<'static>>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    FACES[font as usize]
        .get_or_init(|| ttf_parser::Face::parse(font.bytes(), 0).expect("bundled font parses"))
}

/// The glyph outline scaled by `em` (pixels per font unit), shifted right by `dx` pixels, filled
/// with anti-aliasing (non-zero winding, as TrueType outlines are drawn). `None` for glyphs
/// without an outline or too large to cache.
fn rasterise(
    face: &ttf_parser::Face,
    gid: ttf_parser::GlyphId,
    em: f32,
    dx: f32,
) -> Option<GlyphMask> {
    let mut outline = Outline {
        pb: PathBuilder::new(),
        em,
        dx,
    };
    let bbox = face.outline_glyph(gid, &mut outline)?;
    let path = outline.pb.finish()?;
    let left = (f32::from(bbox.x_min) * em + dx).floor() as i64 - 1;
    let right = (f32::from(bbox.x_max) * em + dx).ceil() as i64 + 1;
    let top = (-f32::from(bbox.y_max) * em).floor() as i64 - 1;
    let bottom = (-f32::from(bbox.y_min) * em).ceil() as i64 + 1;
    let (width, height) = ((right - left).max(1), (bottom - top).max(1));
    if width > 2048 || height > 2048 {
        return None;
    }
    let mut mask = Mask::new(width as u32, height as u32)?;
    mask.fill_path(
        &path,
        FillRule::Winding,
        true,
        Transform::from_translate(-left as f32, -top as f32),
    );
    Some(GlyphMask {
        left,
        top,
        width: width as usize,
        height: height as usize,
        levels: mask.data().iter().map(|&a| level(a)).collect(),
    })
}

/// ttf-parser's outline callbacks building a tiny-skia path in pixels, y pointing down.
struct Outline {
    pb: PathBuilder,
    em: f32,
    dx: f32,
}

impl Outline {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.em + self.dx, -y * self.em)
    }
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.pb.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.pb.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x, y) = self.p(x, y);
        self.pb.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (x1, y1) = self.p(x1, y1);
        let (x2, y2) = self.p(x2, y2);
        let (x, y) = self.p(x, y);
        self.pb.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.pb.close();
    }
}

/// A glyph's mask blended in `color` with its top-left at `x0`, `y0`; the parts outside the
/// picture are cut off.
fn blit(canvas: &mut impl Canvas, x0: i64, y0: i64, g: &GlyphMask, color: [u8; 3]) {
    let (pw, ph) = canvas.size();
    let (gw, gh) = (g.width as i64, g.height as i64);
    let (cx0, cy0) = ((-x0).max(0), (-y0).max(0));
    let (cx1, cy1) = ((pw as i64 - x0).min(gw), (ph as i64 - y0).min(gh));
    if cx0 >= cx1 || cy0 >= cy1 {
        return;
    }
    for gy in cy0..cy1 {
        let row = &g.levels[(gy * gw + cx0) as usize..(gy * gw + cx1) as usize];
        canvas.blend((x0 + cx0) as usize, (y0 + gy) as usize, row, color);
    }
}

/// Pixels as an 8-bit PNG: indexed with `palette`, one byte per pixel, or RGB (three) without.
/// Rows are unfiltered (the filter byte 0; on flat chart colours deflate finds the repeats
/// itself) and deflated at a fast level a band of rows at a time.
fn encode_png(w: usize, h: usize, pixels: &[u8], palette: Option<&[[u8; 3]]>) -> Vec<u8> {
    use std::io::Write as _;
    const BAND: usize = 32;
    let row_len = w * if palette.is_some() { 1 } else { 3 };
    let mut z = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(pixels.len() / 8),
        flate2::Compression::new(2),
    );
    let mut band: Vec<u8> = Vec::with_capacity((row_len + 1) * BAND.min(h));
    if row_len > 0 {
        for rows in pixels.chunks(row_len * BAND) {
            band.clear();
            for row in rows.chunks_exact(row_len) {
                band.push(0); // filter: None
                band.extend_from_slice(row);
            }
            let _ = z.write_all(&band);
        }
    }
    let idat = z.finish().unwrap_or_default();
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&(w as u32).to_be_bytes());
    ihdr.extend_from_slice(&(h as u32).to_be_bytes());
    let colour_type = if palette.is_some() { 3 } else { 2 };
    ihdr.extend_from_slice(&[8, colour_type, 0, 0, 0]);
    let plte: Vec<u8> = palette.unwrap_or(&[]).iter().flatten().copied().collect();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], body: &[u8]| {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    chunk(b"IHDR", &ihdr);
    if palette.is_some() {
        chunk(b"PLTE", &plte);
    }
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeset::chart;
    use crate::typeset::page::Rgb;
    use crate::typeset::svg;

    const GANTT: &str = "gantt\n    dateFormat YYYY\n    section Tata Kelola\n    P01 Satu Data & <Layanan> :crit, p01, 2023, 2025\n    section Ekonomi\n    P02 Pasar Digital :p02, 2024, 2027\n    P03 Ruang Kerja Bersama UMKM Sinjai :p03, 2025, 2029\n";
    const XY: &str = "xychart-beta\n    title \"Kesiapan Smart Governance\"\n    x-axis [Struktur, Infrastruktur, Suprastruktur]\n    y-axis \"Skor\" 0 --> 5\n    bar \"Saat ini\" [3, 2, 3]\n    bar \"Target\" [4, 4, 5]\n";
    const QUADRANT: &str = "quadrantChart\n    title Matriks Prioritas Program\n    x-axis Upaya rendah --> Upaya tinggi\n    y-axis Dampak rendah --> Dampak tinggi\n    quadrant-1 Proyek besar\n    quadrant-2 Quick win\n    quadrant-3 Pelengkap\n    quadrant-4 Pertimbangkan ulang\n    classDef quickwin color: #f5c142, radius: 7\n    GOV-01: [0.25, 0.583]\n    GOV-04:::quickwin: [0.399, 0.917]\n    ECO-04: [0.768, 0.768]\n    SOC-04: [0.917, 0.75]\n";

    fn block(source: &str) -> ChartBlock {
        chart::layout_mermaid_with(source, 460.0, f32::INFINITY, ',')
            .and_then(|b| b.into_iter().next())
            .expect("a chart the typesetter draws")
    }

    /// Read our own PNG back by its chunks (RGB or indexed, rows unfiltered): (width, RGB).
    fn decode_rgb(png: &[u8]) -> (usize, Vec<u8>) {
        use std::io::Read as _;
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let (mut w, mut kind, mut palette, mut idat) = (0, 0, Vec::new(), Vec::new());
        let mut at = 8;
        while at + 8 <= png.len() {
            let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let name = &png[at + 4..at + 8];
            let body = &png[at + 8..at + 8 + len];
            match name {
                b"IHDR" => {
                    w = u32::from_be_bytes(body[0..4].try_into().unwrap()) as usize;
                    assert_eq!(body[8], 8, "8 bits");
                    kind = body[9];
                }
                b"PLTE" => palette = body.chunks_exact(3).map(|c| [c[0], c[1], c[2]]).collect(),
                b"IDAT" => idat.extend_from_slice(body),
                _ => {}
            }
            at += 12 + len;
        }
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&idat[..])
            .read_to_end(&mut raw)
            .unwrap();
        let bpp = if kind == 3 { 1 } else { 3 };
        let mut out = Vec::new();
        for row in raw.chunks_exact(w * bpp + 1) {
            assert_eq!(row[0], 0, "rows are unfiltered");
            if kind == 3 {
                row[1..]
                    .iter()
                    .for_each(|&i| out.extend_from_slice(&palette[usize::from(i)]));
            } else {
                out.extend_from_slice(&row[1..]);
            }
        }
        (w, out)
    }

    /// The SVG of the same block drawn by resvg, a general SVG renderer, with the bundled fonts.
    fn resvg_pixels(svg: &svg::Svg, width: u32, height: u32) -> Vec<u8> {
        use resvg::usvg;
        let mut db = usvg::fontdb::Database::new();
        for font in FontId::ALL {
            db.load_font_source(usvg::fontdb::Source::Binary(std::sync::Arc::new(
                font.bytes(),
            )));
        }
        db.set_sans_serif_family("Carlito");
        let options = usvg::Options {
            fontdb: std::sync::Arc::new(db),
            font_family: "Carlito".to_string(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(&svg.markup, &options).expect("our SVG parses");
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        let (sx, sy) = (
            width as f32 / tree.size().width(),
            height as f32 / tree.size().height(),
        );
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(sx, sy),
            &mut pixmap.as_mut(),
        );
        pixmap
            .data()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect()
    }

    fn blur(rgb: &[u8], w: usize, h: usize) -> Vec<u8> {
        let mut out = vec![0u8; rgb.len()];
        for y in 0..h {
            for x in 0..w {
                for c in 0..3 {
                    let (mut sum, mut count) = (0u32, 0u32);
                    for yy in y.saturating_sub(1)..(y + 2).min(h) {
                        for xx in x.saturating_sub(1)..(x + 2).min(w) {
                            sum += u32::from(rgb[(yy * w + xx) * 3 + c]);
                            count += 1;
                        }
                    }
                    out[(y * w + x) * 3 + c] = (sum / count) as u8;
                }
            }
        }
        out
    }

    #[test]
    fn picture_has_the_chart_size_and_its_colours() {
        let b = block(GANTT);
        let png = chart_png(&b, 144.0).expect("png");
        let (w, pixels) = decode_rgb(&png);
        assert_eq!(w, (b.width * 2.0).ceil() as usize);
        assert_eq!(pixels.len(), w * (b.height * 2.0).ceil() as usize * 3);
        let navy = [31u8, 78, 121];
        assert!(pixels.chunks_exact(3).any(|p| p == navy), "navy bars drawn");
        // Text is drawn: dark pixels in the label column left of the bars.
        let dark = pixels
            .chunks_exact(3)
            .enumerate()
            .filter(|(i, p)| i % w < w / 5 && p.iter().all(|&c| c < 90))
            .count();
        assert!(dark > 100, "{dark} dark label pixels");
    }

    /// Every chart kind drawn by this backend looks like the same SVG drawn by resvg: nearly all
    /// pixels equal, the rest (anti-aliased glyph edges, the baseline snapped to the pixel) close.
    #[test]
    fn agrees_with_a_general_svg_renderer() {
        for source in [GANTT, XY, QUADRANT] {
            let b = block(source);
            let (w, h, ours) = chart_rgb(&b, 150.0).unwrap();
            // The PNG holds exactly these pixels (indexed when the chart has few colours).
            let png = chart_png(&b, 150.0).unwrap();
            assert_eq!(png[25], 3, "{source}: an indexed PNG");
            assert_eq!(decode_rgb(&png), (w, ours.clone()));
            let theirs = resvg_pixels(&svg::chart_svg(&b), w as u32, h as u32);
            // Compared through a 3x3 box blur: a rule snapped to the pixel grid here is an
            // anti-aliased two-pixel rule there, and must not count as a difference.
            let (ours, theirs) = (blur(&ours, w, h), blur(&theirs, w, h));
            let n = w * h;
            let far = (0..n)
                .filter(|&i| (0..3).any(|c| ours[i * 3 + c].abs_diff(theirs[i * 3 + c]) > 48))
                .count();
            let total: u64 = ours
                .iter()
                .zip(&theirs)
                .map(|(a, b)| u64::from(a.abs_diff(*b)))
                .sum();
            let mean = total as f64 / (n * 3) as f64;
            let kind = source.lines().next().unwrap();
            assert!(
                (far as f64) < n as f64 * 0.02,
                "{kind}: {far} of {n} pixels far from resvg's"
            );
            assert!(mean < 3.0, "{kind}: mean difference {mean:.2}");
        }
    }

    /// The glyph cache never changes the picture: cold on a new thread, warm on this one.
    #[test]
    fn same_picture_with_and_without_cached_glyphs() {
        let b = block(QUADRANT);
        let cold = std::thread::spawn({
            let b = b.clone();
            move || chart_png(&b, 150.0)
        })
        .join()
        .unwrap();
        let _ = chart_png(&block(GANTT), 150.0);
        let warm = chart_png(&b, 150.0);
        assert!(cold.is_some());
        assert_eq!(cold, warm);
    }

    /// A chart of more colours than a palette holds is written as RGB, with the same pixels.
    #[test]
    fn many_colours_fall_back_to_rgb() {
        let items = (0..300)
            .map(|k| Item::Rect {
                x: (k % 20) as f32 * 3.0,
                y: (k / 20) as f32 * 3.0,
                w: 3.0,
                h: 3.0,
                fill: Rgb(k as f32 / 300.0, 0.5, 1.0 - k as f32 / 600.0),
            })
            .collect();
        let b = ChartBlock {
            width: 60.0,
            height: 45.0,
            items,
        };
        let png = chart_png(&b, 72.0).unwrap();
        assert_eq!(png[25], 2, "RGB");
        let (w, _, rgb) = chart_rgb(&b, 72.0).unwrap();
        assert_eq!(decode_rgb(&png), (w, rgb));
        let few = ChartBlock {
            items: b.items[..200].to_vec(),
            ..b
        };
        assert_eq!(chart_png(&few, 72.0).unwrap()[25], 3, "indexed");
    }

    #[test]
    fn odd_items_are_skipped_not_drawn_wrong() {
        let items = vec![
            Item::Rect {
                x: f32::NAN,
                y: 0.0,
                w: 10.0,
                h: 10.0,
                fill: Rgb(0.0, 0.0, 0.0),
            },
            Item::Line {
                x1: 0.0,
                y1: 0.0,
                x2: f32::INFINITY,
                y2: 5.0,
                width: 1.0,
                color: Rgb(0.0, 0.0, 0.0),
            },
            Item::Text {
                x: -50.0,
                y: 3.0,
                font: FontId::Bold,
                size: 40.0,
                color: Rgb(f32::NAN, 2.0, -1.0),
                text: "\u{0}\u{1F600} tepi kiri\tdan\u{301} kanan ﷽".to_string(),
            },
            Item::Text {
                x: 5.0,
                y: 5.0,
                font: FontId::Mono,
                size: 1.0e9,
                color: Rgb(0.0, 0.0, 0.0),
                text: "besar".to_string(),
            },
        ];
        let b = ChartBlock {
            width: 40.0,
            height: 20.0,
            items,
        };
        let png = chart_png(&b, 150.0).expect("drawn");
        let (_, pixels) = decode_rgb(&png);
        assert!(
            pixels.iter().any(|&c| c != 255),
            "the clipped text is drawn"
        );
        assert!(chart_png(&b, f32::NAN).is_none());
        assert!(chart_png(&b, 0.0).is_none());
        let huge = ChartBlock {
            width: 1.0e6,
            height: 1.0e6,
            items: Vec::new(),
        };
        assert!(chart_png(&huge, 150.0).is_none());
    }
}
