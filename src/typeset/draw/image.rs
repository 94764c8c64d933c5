//! Image decoding for the drawing stage, without an image codec dependency.
//!
//! - JPEG is embedded as-is with `/DCTDecode` (the viewer decodes it); we only read the frame
//!   header (size, components).
//! - PNG without alpha (grey, RGB, palette) is embedded as its own zlib data with
//!   `/FlateDecode` and the PNG predictor (`/Predictor 15`), which is exactly what PDF's Flate
//!   filter understands. The data is still inflated once (through lopdf) to validate it.
//! - PNG with alpha (grey+alpha, RGBA) is inflated and un-filtered through lopdf's Flate +
//!   predictor decoder, split into colour and alpha, and embedded as an image with an `/SMask`.
//!
//! Anything else (interlaced PNG, 16-bit palette, corrupt data, arithmetic-coded JPEG, ...)
//! yields `None`: the drawing stage skips the image rather than failing the document.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream};

/// A decoded image ready to become an image XObject.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfImage {
    pub width: u32,
    pub height: u32,
    /// The image XObject stream (dictionary and content), `/SMask` nested in it.
    pub stream: ExternalStream,
}

/// The largest image we accept, in pixels (a 100-megapixel logo is a mistake, not a logo).
const MAX_PIXELS: u64 = 100_000_000;

/// Decode `data` (PNG or JPEG, sniffed from the signature). `None` when the bytes are neither or
/// cannot be embedded.
pub fn decode(data: &[u8]) -> Option<PdfImage> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(data)
    } else if data.starts_with(&[0xFF, 0xD8]) {
        jpeg(data)
    } else {
        None
    }
}

fn name(s: &str) -> DictItem {
    DictItem::Name(s.as_bytes().to_vec())
}

fn image_dict(
    width: u32,
    height: u32,
    color_space: DictItem,
    bpc: i64,
) -> BTreeMap<String, DictItem> {
    let mut dict = BTreeMap::new();
    dict.insert("Type".to_string(), name("XObject"));
    dict.insert("Subtype".to_string(), name("Image"));
    dict.insert("Width".to_string(), DictItem::Int(i64::from(width)));
    dict.insert("Height".to_string(), DictItem::Int(i64::from(height)));
    dict.insert("ColorSpace".to_string(), color_space);
    dict.insert("BitsPerComponent".to_string(), DictItem::Int(bpc));
    dict
}

fn be_u16(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn be_u32(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

fn pixels_ok(width: u32, height: u32) -> bool {
    width > 0 && height > 0 && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

/// JPEG: walk the marker segments up to the first start-of-frame.
fn jpeg(data: &[u8]) -> Option<PdfImage> {
    let mut at = 2usize;
    loop {
        // Skip fill bytes before a marker.
        while *data.get(at)? == 0xFF && *data.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *data.get(at)? != 0xFF {
            return None;
        }
        let marker = *data.get(at + 1)?;
        at += 2;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            // End of image or start of scan before any frame header: not a usable JPEG.
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let len = usize::from(be_u16(data, at)?);
        if len < 2 {
            return None;
        }
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            // Arithmetic coding (C9..CB, CD..CF) is not widely supported by viewers.
            if matches!(marker, 0xC9..=0xCB | 0xCD..=0xCF) {
                return None;
            }
            let precision = *data.get(at + 2)?;
            let height = u32::from(be_u16(data, at + 3)?);
            let width = u32::from(be_u16(data, at + 5)?);
            let components = *data.get(at + 7)?;
            if precision != 8 || !pixels_ok(width, height) {
                return None;
            }
            let (space, invert) = match components {
                1 => ("DeviceGray", false),
                3 => ("DeviceRGB", false),
                // Adobe writes CMYK JPEGs inverted; that is by far the common case.
                4 => ("DeviceCMYK", true),
                _ => return None,
            };
            let mut dict = image_dict(width, height, name(space), 8);
            dict.insert("Filter".to_string(), name("DCTDecode"));
            if invert {
                let decode = [1, 0, 1, 0, 1, 0, 1, 0].map(DictItem::Int).to_vec();
                dict.insert("Decode".to_string(), DictItem::Array(decode));
            }
            return Some(PdfImage {
                width,
                height,
                stream: ExternalStream {
                    dict,
                    content: data.to_vec(),
                    compress: false,
                },
            });
        }
        at = at.checked_add(len)?;
    }
}

/// The parts of a PNG file we need.
struct Png<'a> {
    width: u32,
    height: u32,
    bit_depth: u8,
    color_type: u8,
    palette: Option<&'a [u8]>,
    idat: Vec<u8>,
}

fn png_chunks(data: &[u8]) -> Option<Png<'_>> {
    let mut at = 8usize;
    let mut header = None;
    let mut palette = None;
    let mut idat = Vec::new();
    while at < data.len() {
        let len = usize::try_from(be_u32(data, at)?).ok()?;
        let kind = data.get(at + 4..at + 8)?;
        let body_start = at + 8;
        let body = data.get(body_start..body_start.checked_add(len)?)?;
        match kind {
            b"IHDR" => {
                if body.len() < 13 {
                    return None;
                }
                let interlace = body[12];
                if interlace != 0 {
                    return None;
                }
                header = Some((be_u32(body, 0)?, be_u32(body, 4)?, body[8], body[9]));
            }
            b"PLTE" => palette = Some(body),
            b"IDAT" => idat.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        // Chunk: length, type, body, CRC.
        at = body_start.checked_add(len)?.checked_add(4)?;
    }
    let (width, height, bit_depth, color_type) = header?;
    Some(Png {
        width,
        height,
        bit_depth,
        color_type,
        palette,
        idat,
    })
}

fn png(data: &[u8]) -> Option<PdfImage> {
    let png = png_chunks(data)?;
    let (width, height, depth) = (png.width, png.height, png.bit_depth);
    if !pixels_ok(width, height) || png.idat.is_empty() {
        return None;
    }
    let channels: u32 = match (png.color_type, depth) {
        (0, 1 | 2 | 4 | 8 | 16) => 1,
        (2, 8 | 16) => 3,
        (3, 1 | 2 | 4 | 8) => 1,
        (4, 8 | 16) => 2,
        (6, 8 | 16) => 4,
        _ => return None,
    };
    // Decode once through lopdf's Flate + PNG predictor: validates the data and gives the
    // unfiltered rows for the alpha split.
    let row_bytes = (u64::from(width) * u64::from(channels) * u64::from(depth)).div_ceil(8);
    let expected = usize::try_from(row_bytes * u64::from(height)).ok()?;
    let parms = || {
        let mut p = BTreeMap::new();
        p.insert("Predictor".to_string(), DictItem::Int(15));
        p.insert("Colors".to_string(), DictItem::Int(i64::from(channels)));
        p.insert(
            "BitsPerComponent".to_string(),
            DictItem::Int(i64::from(depth)),
        );
        p.insert("Columns".to_string(), DictItem::Int(i64::from(width)));
        DictItem::Dict { map: p }
    };
    let probe = {
        let mut d = lopdf::Dictionary::new();
        d.set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
        d.set("DecodeParms", parms().to_lopdf());
        lopdf::Stream::new(d, png.idat.clone())
    };
    // The limit applies to the inflated data, which still has one filter byte per row.
    let inflated = expected.checked_add(usize::try_from(height).ok()?)?;
    let pixels = probe.decompressed_content_with_limit(inflated).ok()?;
    if pixels.len() != expected {
        return None;
    }

    let color_space = match png.color_type {
        0 | 4 => name("DeviceGray"),
        2 | 6 => name("DeviceRGB"),
        _ => {
            let palette = png.palette?;
            let entries = palette.len() / 3;
            if entries == 0 || entries > 256 {
                return None;
            }
            DictItem::Array(vec![
                name("Indexed"),
                name("DeviceRGB"),
                DictItem::Int(entries as i64 - 1),
                DictItem::String {
                    data: palette[..entries * 3].to_vec(),
                    literal: false,
                },
            ])
        }
    };

    if matches!(png.color_type, 0 | 2 | 3) {
        // Embed the PNG's own compressed data: PDF's Flate filter speaks the PNG predictor.
        let mut dict = image_dict(width, height, color_space, i64::from(depth));
        dict.insert("Filter".to_string(), name("FlateDecode"));
        dict.insert("DecodeParms".to_string(), parms());
        return Some(PdfImage {
            width,
            height,
            stream: ExternalStream {
                dict,
                content: png.idat,
                compress: false,
            },
        });
    }

    // Grey+alpha or RGBA: split into colour and alpha (8 bits per sample; 16-bit keeps the
    // high byte), both recompressed by the final stream compression.
    let color_channels = (channels - 1) as usize;
    let sample = usize::from(depth / 8);
    let pixel = channels as usize * sample;
    let count = width as usize * height as usize;
    let mut color = Vec::with_capacity(count * color_channels);
    let mut alpha = Vec::with_capacity(count);
    for px in pixels.chunks_exact(pixel) {
        for c in 0..color_channels {
            color.push(px[c * sample]);
        }
        alpha.push(px[color_channels * sample]);
    }
    let smask = ExternalStream {
        dict: image_dict(width, height, name("DeviceGray"), 8),
        content: alpha,
        compress: true,
    };
    let mut dict = image_dict(width, height, color_space, 8);
    dict.insert("SMask".to_string(), DictItem::Stream { stream: smask });
    Some(PdfImage {
        width,
        height,
        stream: ExternalStream {
            dict,
            content: color,
            compress: true,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_rejected_without_panicking() {
        assert!(decode(b"").is_none());
        assert!(decode(b"GIF89a").is_none());
        assert!(decode(b"\x89PNG\r\n\x1a\n").is_none());
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0").is_none());
        assert!(decode(&[0xFF, 0xD8, 0xFF]).is_none());
        assert!(decode(&[0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x01]).is_none());
    }

    #[test]
    fn jpeg_frame_header_is_read() {
        // SOI, APP0 (len 4), SOF0: precision 8, 2x3 px, 3 components, then EOI.
        let mut jpg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 8, 0x00, 0x03, 0x00, 0x02, 3]);
        jpg.extend_from_slice(&[1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
        let img = decode(&jpg).expect("jpeg header");
        assert_eq!((img.width, img.height), (2, 3));
        assert_eq!(img.stream.dict.get("Filter"), Some(&name("DCTDecode")));
    }
}
