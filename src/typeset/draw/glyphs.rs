//! Text encoding for the subset fonts, done once per character instead of once per drawn glyph.
//!
//! printpdf encodes `ShowText` by looking every character up in the font's cmap and in its
//! subset renumbering, and writes each code as four hex digits through `fmt`: about 100 ns per
//! character, most of a second for a 1700-page document. Instead, printpdf subsets each font
//! from one "glyph page" that shows every character the document uses once; the codes it chose
//! are read back from the `/ToUnicode` CMap it wrote (the same map viewers use for searching and
//! copying), and the pages' text is written as `Tj` strings already in those codes.

use std::collections::BTreeMap;

use lopdf::Object;
use printpdf::ParsedFont;

use super::super::fonts::FontId;

/// A face the document draws text in.
pub struct UsedFont<'a> {
    /// Resource name, which is also the subset tag.
    pub name: String,
    /// Bitset of the characters it draws (see `chars_of`).
    pub chars: &'a [u64],
    pub parsed: &'a ParsedFont,
}

/// Character -> two-byte Identity-H code in one subset font.
pub struct Encoder {
    bmp: Vec<u16>,
    astral: BTreeMap<u32, u16>,
}

impl Encoder {
    /// Append the codes for `text` to `out` as the bytes of a PDF literal string (two bytes
    /// per character, big-endian; code 0, `.notdef`, for characters the font lacks). Half the
    /// size of a hex string, so less to compress.
    pub fn encode_literal(&self, text: &str, out: &mut Vec<u8>) {
        out.reserve(text.len() * 2);
        for c in text.chars() {
            let cp = c as u32;
            let code = match self.bmp.get(cp as usize) {
                Some(code) => *code,
                None => self.astral.get(&cp).copied().unwrap_or(0),
            };
            for byte in code.to_be_bytes() {
                push_literal_byte(out, byte);
            }
        }
    }
}

/// One byte inside a literal string: parentheses and backslash escaped, and the end-of-line
/// bytes too (a raw CR or LF in a string is read back as LF).
fn push_literal_byte(out: &mut Vec<u8>, byte: u8) {
    match byte {
        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\n' => out.extend_from_slice(b"\\n"),
        _ => out.push(byte),
    }
}

/// `push_str` for the byte buffers content streams are written into.
pub trait PushStr {
    fn push_str(&mut self, s: &str);
}

impl PushStr for Vec<u8> {
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

/// Append `v` (finite) to `out` with at most three decimals, PDF number syntax.
pub fn push_number(out: &mut Vec<u8>, v: f32) {
    let milli = (f64::from(v) * 1000.0).round();
    let milli = if milli.is_finite() { milli as i64 } else { 0 };
    if milli < 0 {
        out.push(b'-');
    }
    let abs = milli.unsigned_abs();
    push_digits(out, abs / 1000);
    let frac = abs % 1000;
    if frac != 0 {
        out.push(b'.');
        let digits = [frac / 100, frac / 10 % 10, frac % 10];
        let used = if frac % 100 == 0 {
            1
        } else if frac % 10 == 0 {
            2
        } else {
            3
        };
        for d in &digits[..used] {
            out.push(b'0' + *d as u8);
        }
    }
}

fn push_digits(out: &mut Vec<u8>, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// The characters in a font's used-character bitset, in code point order.
pub fn chars_of(set: &[u64]) -> impl Iterator<Item = char> + '_ {
    set.iter()
        .enumerate()
        .filter(|(_, word)| **word != 0)
        .flat_map(|(w, word)| {
            (0..64u32)
                .filter(move |bit| word & (1u64 << bit) != 0)
                .filter_map(move |bit| char::from_u32(w as u32 * 64 + bit))
        })
}

/// Subset tag (the font's resource name) -> its ToUnicode `(code, char)` entries.
pub type ToUnicodeMaps = BTreeMap<Vec<u8>, Vec<(u16, char)>>;

/// The ToUnicode maps of the Type0 fonts printpdf wrote into `doc`.
pub fn to_unicode_maps(doc: &lopdf::Document) -> anyhow::Result<ToUnicodeMaps> {
    let mut cmaps = ToUnicodeMaps::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            continue;
        }
        let (Ok(base), Ok(to_unicode)) = (
            dict.get(b"BaseFont").and_then(Object::as_name),
            dict.get(b"ToUnicode").and_then(Object::as_reference),
        ) else {
            continue;
        };
        let Some(tag) = base.split(|b| *b == b'+').next() else {
            continue;
        };
        let stream = doc
            .get_object(to_unicode)
            .and_then(Object::as_stream)
            .map_err(|e| anyhow::anyhow!("printpdf wrote no ToUnicode stream: {e}"))?;
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        cmaps.insert(tag.to_vec(), parse_bfchar(&content));
    }
    Ok(cmaps)
}

/// Build each embedded font's encoder from the `/ToUnicode` maps of printpdf's output for the
/// glyph page alone.
pub fn encoders(
    cmaps: &ToUnicodeMaps,
    fonts: &BTreeMap<FontId, UsedFont>,
) -> BTreeMap<FontId, Encoder> {
    let mut out = BTreeMap::new();
    for (
        font,
        UsedFont {
            name: tag,
            chars: used,
            parsed,
        },
    ) in fonts
    {
        // printpdf leaves out a face none of whose characters it has a glyph for; its text has
        // nothing to show, and drawing skips it (no encoder).
        let Some(entries) = cmaps.get(tag.as_bytes()) else {
            continue;
        };
        // Original glyph -> code, through the character printpdf recorded for each code; then
        // every used character -> its glyph -> code (several characters may share a glyph).
        let glyph_code: BTreeMap<u16, u16> = entries
            .iter()
            .filter_map(|(code, c)| Some((parsed.lookup_glyph_index(*c as u32)?, *code)))
            .collect();
        let mut encoder = Encoder {
            bmp: vec![0; 0x1_0000],
            astral: BTreeMap::new(),
        };
        for c in chars_of(used) {
            let code = parsed
                .lookup_glyph_index(c as u32)
                .and_then(|g| glyph_code.get(&g).copied())
                .unwrap_or(0);
            match encoder.bmp.get_mut(c as usize) {
                Some(slot) => *slot = code,
                None => {
                    encoder.astral.insert(c as u32, code);
                }
            }
        }
        out.insert(*font, encoder);
    }
    out
}

/// The `<code> <utf16>` pairs of a ToUnicode CMap's `bfchar` sections (first character of each
/// target). printpdf writes only `bfchar` entries with four-digit codes.
fn parse_bfchar(cmap: &[u8]) -> Vec<(u16, char)> {
    let text = String::from_utf8_lossy(cmap);
    let mut out = Vec::new();
    let mut in_section = false;
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_section = true;
            continue;
        }
        if line == "endbfchar" {
            in_section = false;
            continue;
        }
        if !in_section {
            continue;
        }
        let mut parts = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let (Some(code), Some(target)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(code) = u16::from_str_radix(code, 16) else {
            continue;
        };
        let units: Vec<u16> = target
            .as_bytes()
            .chunks(4)
            .filter_map(|h| u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
            .collect();
        if let Some(Ok(c)) = char::decode_utf16(units).next() {
            out.push((code, c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_sections_are_parsed() {
        let cmap = b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n3 beginbfchar\n\
                     <0001> <0052>\n<0002> <2013>\n<0003> <D83DDE42>\nendbfchar\nendcmap\n";
        assert_eq!(parse_bfchar(cmap), [(1, 'R'), (2, '–'), (3, '🙂')]);
    }

    #[test]
    fn numbers_are_written_with_three_decimals_at_most() {
        let mut out = Vec::new();
        for v in [0.0, 72.0, 641.8898, -0.5, 12.25, -1234.0015, -0.0004] {
            push_number(&mut out, v);
            out.push(b' ');
        }
        assert_eq!(out, b"0 72 641.89 -0.5 12.25 -1234.001 0 ");
    }

    #[test]
    fn literal_strings_escape_delimiters_and_line_ends() {
        let mut encoder = Encoder {
            bmp: vec![0; 0x1_0000],
            astral: BTreeMap::new(),
        };
        encoder.bmp['a' as usize] = 0x2829; // ( )
        encoder.bmp['b' as usize] = 0x5C0D; // \ CR
        encoder.bmp['c' as usize] = 0x0A41; // LF A
        encoder.astral.insert(0x1F642, 0x0102);
        let mut out = Vec::new();
        encoder.encode_literal("abc\u{1F642}z", &mut out);
        assert_eq!(out, b"\\(\\)\\\\\\r\\nA\x01\x02\x00\x00");
    }

    #[test]
    fn bitset_chars_come_out_in_order() {
        let mut set = vec![0u64; 0x11_0000 / 64];
        for c in ['b', 'A', '–', '🙂'] {
            set[c as usize / 64] |= 1 << (c as usize % 64);
        }
        assert_eq!(chars_of(&set).collect::<String>(), "Ab–🙂");
    }
}
