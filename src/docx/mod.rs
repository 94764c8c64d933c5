//! The DOCX writer: the document tree (see [`crate::document`]) as an editable Word document
//! (`masterplan.docx`) that opens in Microsoft Word and LibreOffice Writer.
//!
//! WordprocessingML is written directly (docx-rs has no per-section headers and footers, fields or
//! SVG pictures) and packed with the `zip` crate: entries in a fixed order with a fixed timestamp,
//! and `docProps/core.xml` dates only from SOURCE_DATE_EPOCH, so identical input gives identical
//! bytes. `body` turns the blocks into `word/document.xml` (and the footnotes); this module writes
//! the package around it: styles (Title, Heading 1-6, Normal, table, caption, TOC, header and
//! footer styles, all in the bundled Carlito family), numbering, settings, the running header and
//! the footer with page fields for portrait and for landscape sections, the DRAFT watermark, the
//! document properties and the pictures (charts as PNG at 150 dpi with the SVG beside it).

mod body;
mod parts;
mod pictures;

use std::io::Write as _;
use std::path::Path;

use crate::document;
use crate::typeset::Paper;

/// Options of the DOCX writer.
#[derive(Debug, Clone, Default)]
pub struct DocxOptions {
    pub paper: Paper,
    /// Seconds since 1970 (SOURCE_DATE_EPOCH) for the document's created/modified dates; no
    /// dates are written without it.
    pub created: Option<i64>,
}

/// Write `markdown` (with its front matter) as DOCX bytes. `base_dir` is the folder the front
/// matter's logo path is relative to (a missing or unreadable logo is left out). Errors only where
/// the PDF would refuse too (a missing or invalid front matter).
pub fn write(markdown: &str, base_dir: &Path, options: &DocxOptions) -> anyhow::Result<Vec<u8>> {
    let parsed = document::parse(markdown)?;
    write_parsed(&parsed, base_dir, options)
}

/// [`write`] from an already parsed document.
pub fn write_parsed(
    parsed: &document::Parsed,
    base_dir: &Path,
    options: &DocxOptions,
) -> anyhow::Result<Vec<u8>> {
    let logo = parsed
        .front
        .logo
        .as_deref()
        .and_then(|l| std::fs::read(base_dir.join(l)).ok());
    let body = body::write(parsed, logo, options.paper);
    let entries = parts::package(&parsed.front, &body, options);
    zip(&entries)
}

/// One file of the package.
pub(crate) struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Pack the entries in the given order, every one dated 1980-01-01 00:00 (the zip epoch) and
/// deflated at level 1 (pictures stored: they are compressed already).
fn zip(entries: &[Entry]) -> anyhow::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime};
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for e in entries {
        let method = if e.name.ends_with(".png") || e.name.ends_with(".jpeg") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        // Level 1: XML compresses well even at the fastest level (as the PDF's content streams).
        let level = (method == CompressionMethod::Deflated).then_some(1);
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .compression_level(level)
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        writer.start_file(e.name.as_str(), options)?;
        writer.write_all(&e.bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Text for an XML text node or attribute value: markup characters escaped, characters XML 1.0
/// does not allow replaced by a space.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The width and height in pixels of PNG or JPEG data (`None` for anything else).
pub(crate) fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xFF {
                return None;
            }
            let marker = bytes[i + 1];
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
                let h = u32::from(u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]));
                let w = u32::from(u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]));
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_and_drops_controls() {
        assert_eq!(xml("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c ");
    }

    #[test]
    fn image_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 0, 34, 0, 0, 0, 47]);
        assert_eq!(image_size(&png), Some((34, 47)));
        assert_eq!(image_size(b"GIF89a"), None);
        let jpeg = include_bytes!("../../tests/data/tiny.jpg");
        assert_eq!(image_size(jpeg), Some((34, 47)));
    }
}
