//! The bundled fonts (Carlito for text, Liberation Mono for code; both SIL OFL 1.1, licences in
//! fonts/) and text measurement from their glyph advances. Layout measures with this module; the
//! drawing stage embeds [`FontId::bytes`].

use std::sync::OnceLock;

/// One of the bundled faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    Regular,
    Bold,
    Italic,
    BoldItalic,
    Mono,
}

impl FontId {
    pub const ALL: [FontId; 5] = [
        FontId::Regular,
        FontId::Bold,
        FontId::Italic,
        FontId::BoldItalic,
        FontId::Mono,
    ];

    /// The face for a combination of bold and italic (text faces only).
    pub fn styled(bold: bool, italic: bool) -> FontId {
        match (bold, italic) {
            (false, false) => FontId::Regular,
            (true, false) => FontId::Bold,
            (false, true) => FontId::Italic,
            (true, true) => FontId::BoldItalic,
        }
    }

    /// The TrueType file, bundled in the binary.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontId::Regular => include_bytes!("../../fonts/Carlito-Regular.ttf"),
            FontId::Bold => include_bytes!("../../fonts/Carlito-Bold.ttf"),
            FontId::Italic => include_bytes!("../../fonts/Carlito-Italic.ttf"),
            FontId::BoldItalic => include_bytes!("../../fonts/Carlito-BoldItalic.ttf"),
            FontId::Mono => include_bytes!("../../fonts/LiberationMono-Regular.ttf"),
        }
    }

    /// A stable PostScript-style name, used as the font's resource name in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            FontId::Regular => "Carlito-Regular",
            FontId::Bold => "Carlito-Bold",
            FontId::Italic => "Carlito-Italic",
            FontId::BoldItalic => "Carlito-BoldItalic",
            FontId::Mono => "LiberationMono-Regular",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Advance widths of one face, in font units, for fast measuring.
struct Metrics {
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    /// Advances for U+0000..=U+FFFF (0 where the font has no glyph); outside the BMP we ask ttf-parser.
    bmp: Vec<u16>,
    /// Advance used for characters the font lacks (the .notdef glyph).
    missing: u16,
}

fn metrics(font: FontId) -> &'static Metrics {
    static CELLS: [OnceLock<Metrics>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    CELLS[font.index()].get_or_init(|| {
        let face = ttf_parser::Face::parse(font.bytes(), 0).expect("bundled font parses");
        let missing = face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
        let mut bmp = vec![0u16; 0x1_0000];
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                if !sub.is_unicode() {
                    continue;
                }
                sub.codepoints(|cp| {
                    if cp < 0x1_0000
                        && bmp[cp as usize] == 0
                        && let Some(g) = sub.glyph_index(cp)
                    {
                        bmp[cp as usize] = face.glyph_hor_advance(g).unwrap_or(0);
                    }
                });
            }
        }
        Metrics {
            units_per_em: f32::from(face.units_per_em()),
            ascender: f32::from(face.ascender()),
            descender: f32::from(face.descender()),
            bmp,
            missing,
        }
    })
}

/// Width in points of `text` set in `font` at `size` points (no kerning, as drawn).
pub fn text_width(font: FontId, size: f32, text: &str) -> f32 {
    let m = metrics(font);
    let units: u32 = text
        .chars()
        .map(|c| {
            let cp = c as u32;
            let adv = if cp < 0x1_0000 { m.bmp[cp as usize] } else { 0 };
            u32::from(if adv == 0 { m.missing } else { adv })
        })
        .sum();
    units as f32 * size / m.units_per_em
}

/// Advance of `c` in font units (per em: [`units_per_em`]), as [`text_width`] counts it.
pub fn advance_units(font: FontId, c: char) -> f32 {
    let m = metrics(font);
    let cp = c as u32;
    let adv = if cp < 0x1_0000 { m.bmp[cp as usize] } else { 0 };
    f32::from(if adv == 0 { m.missing } else { adv })
}

/// Font units per em of `font`.
pub fn units_per_em(font: FontId) -> f32 {
    metrics(font).units_per_em
}

/// Whether the font has a glyph for `c`.
pub fn has_glyph(font: FontId, c: char) -> bool {
    let cp = c as u32;
    cp < 0x1_0000 && metrics(font).bmp[cp as usize] != 0
}

/// Distance from the baseline to the top of the tallest glyphs, in points at `size`.
pub fn ascent(font: FontId, size: f32) -> f32 {
    let m = metrics(font);
    m.ascender * size / m.units_per_em
}

/// Distance from the baseline down to the lowest glyphs (positive), in points at `size`.
pub fn descent(font: FontId, size: f32) -> f32 {
    let m = metrics(font);
    -m.descender * size / m.units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width(FontId::Regular, 10.0, "Rp1.250.000.000");
        let b = text_width(FontId::Regular, 20.0, "Rp1.250.000.000");
        assert!(a > 30.0 && a < 100.0, "{a}");
        assert!((b - 2.0 * a).abs() < 0.01);
        assert!(
            text_width(FontId::Bold, 10.0, "Banggai")
                > text_width(FontId::Regular, 10.0, "Banggai") * 0.95
        );
        assert_eq!(text_width(FontId::Regular, 10.0, ""), 0.0);
    }

    #[test]
    fn mono_is_monospaced_and_indonesian_glyphs_exist() {
        let i = text_width(FontId::Mono, 10.0, "iiii");
        let m = text_width(FontId::Mono, 10.0, "MMMM");
        assert!((i - m).abs() < 0.01);
        for c in "Rp–—“”’•éÉ".chars() {
            assert!(has_glyph(FontId::Regular, c), "{c}");
        }
    }
}
