//! The cover page: a navy band with the issuing government, the logo, the title and subtitle,
//! a gold rule, region, province and period, and a navy foot band with the year.

use std::path::Path;
use std::sync::Arc;

use crate::typeset::fonts::{self, FontId};
use crate::typeset::markdown::FrontMatter;
use crate::typeset::page::{Item, Rgb};

use super::style;
use super::text::{HAlign, Prepared, TextSpec};
use super::{Geometry, translate};

const MM: f32 = 72.0 / 25.4;

/// Pixel width and height of a PNG or JPEG image, read from its header (no decoding).
pub fn image_size(data: &[u8]) -> Option<(u32, u32)> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if data.starts_with(PNG) {
        let w = u32::from_be_bytes(data.get(16..20)?.try_into().ok()?);
        let h = u32::from_be_bytes(data.get(20..24)?.try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if data.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 4 <= data.len() {
            if *data.get(i)? != 0xFF {
                return None;
            }
            let marker = *data.get(i + 1)?;
            if marker == 0xFF {
                i += 1;
                continue;
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
                i += 2;
                continue;
            }
            let len = usize::from(u16::from_be_bytes([*data.get(i + 2)?, *data.get(i + 3)?]));
            let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
            if is_sof {
                let h = u16::from_be_bytes([*data.get(i + 5)?, *data.get(i + 6)?]);
                let w = u16::from_be_bytes([*data.get(i + 7)?, *data.get(i + 8)?]);
                return (w > 0 && h > 0).then_some((u32::from(w), u32::from(h)));
            }
            if len < 2 {
                return None;
            }
            i += 2 + len;
        }
    }
    None
}

/// The logo as an image item in a `max_w` x `max_h` box centred at `cx`, top at `y`; `None`
/// when there is no logo or it cannot be read.
fn logo(front: &FrontMatter, base_dir: &Path, cx: f32, y: f32, max: f32) -> Option<(Item, f32)> {
    let rel = front.logo.as_ref()?;
    // Through the one confined, bounded reader: a template's front matter may name anything
    // (`logo: /dev/zero`, `../../secret.png`); what is not a project image is left out.
    let data = crate::input::read(base_dir, rel, crate::input::MAX_IMAGE_BYTES).ok()?;
    let (pw, ph) = image_size(&data)?;
    let aspect = pw as f32 / ph as f32;
    let (w, h) = if aspect >= 1.0 {
        (max, max / aspect)
    } else {
        (max * aspect, max)
    };
    Some((
        Item::Image {
            x: cx - w / 2.0,
            y,
            w,
            h,
            data: Arc::new(data),
        },
        h,
    ))
}

fn centred(items: &mut Vec<Item>, text: &str, spec: TextSpec, geo: &Geometry, y: f32) -> f32 {
    let spec = TextSpec {
        align: HAlign::Center,
        ..spec
    };
    let mut y = y;
    // Centred on the page, like the logo, the rule and the bands (not on the text area, whose
    // binding margin is wider).
    let left = (geo.page_w - geo.width) / 2.0;
    for line in Prepared::plain(text, spec).lines(geo.width) {
        for mut item in line.items {
            translate(&mut item, left, y);
            items.push(item);
        }
        y += spec.leading;
    }
    y
}

fn spec(size: f32, leading: f32, color: Rgb, bold: bool) -> TextSpec {
    TextSpec {
        size,
        leading,
        color,
        bold,
        italic: false,
        align: HAlign::Center,
    }
}

/// The cover's items on a portrait page of geometry `geo`.
pub fn cover(front: &FrontMatter, base_dir: &Path, geo: &Geometry) -> Vec<Item> {
    let mut items = Vec::new();
    let w = geo.page_w;
    let h = geo.page_h;
    let band = 22.0 * MM;
    items.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        w,
        h: band,
        fill: style::NAVY,
    });
    items.push(Item::Rect {
        x: 0.0,
        y: band,
        w,
        h: 2.2,
        fill: style::GOLD,
    });
    let top_text = front.author.to_uppercase();
    let size = 11.0;
    let tw = fonts::text_width(FontId::Bold, size, &top_text);
    let top_text = if tw > geo.width {
        super::text::truncate(FontId::Bold, size, &top_text, geo.width)
    } else {
        top_text
    };
    let tw = fonts::text_width(FontId::Bold, size, &top_text);
    items.push(Item::Text {
        x: (w - tw) / 2.0,
        y: band / 2.0 + fonts::ascent(FontId::Bold, size) * 0.35,
        font: FontId::Bold,
        size,
        color: Rgb::WHITE,
        text: top_text,
    });

    let mut y = band + 24.0 * MM;
    if let Some((img, ih)) = logo(front, base_dir, w / 2.0, y, 42.0 * MM) {
        items.push(img);
        y += ih + 14.0 * MM;
    } else {
        y += 20.0 * MM;
    }

    y = centred(
        &mut items,
        &front.title,
        spec(25.0, 31.0, style::NAVY, true),
        geo,
        y,
    );
    if let Some(sub) = &front.subtitle {
        y += 6.0;
        y = centred(
            &mut items,
            sub,
            spec(15.0, 20.0, style::MUTED, false),
            geo,
            y,
        );
    }
    y += 10.0 * MM;
    items.push(Item::Line {
        x1: w / 2.0 - 30.0 * MM,
        y1: y,
        x2: w / 2.0 + 30.0 * MM,
        y2: y,
        width: 1.8,
        color: style::GOLD,
    });

    // Region block, anchored in the lower part of the page (pushed down by a long title).
    let foot = 26.0 * MM;
    let mut y2 = (y + 14.0 * MM).max(h * 0.62);
    y2 = centred(
        &mut items,
        &front.region,
        spec(17.0, 22.0, style::TEXT, true),
        geo,
        y2,
    );
    if let Some(province) = &front.province {
        y2 = centred(
            &mut items,
            province,
            spec(13.0, 18.0, style::TEXT, false),
            geo,
            y2,
        );
    }
    y2 += 6.0;
    let period = front.period.as_str();
    y2 = centred(
        &mut items,
        period,
        spec(13.0, 18.0, style::NAVY, true),
        geo,
        y2,
    );
    if front.draft {
        let draft = match (&front.date, front.language) {
            (Some(d), crate::typeset::markdown::Language::En) => format!("Draft, {d}"),
            (Some(d), _) => format!("Draf, {d}"),
            (None, crate::typeset::markdown::Language::En) => "Draft".to_string(),
            (None, _) => "Draf".to_string(),
        };
        y2 += 4.0;
        centred(
            &mut items,
            &draft,
            TextSpec {
                italic: true,
                ..spec(10.5, 14.0, style::MUTED, false)
            },
            geo,
            y2,
        );
    }

    items.push(Item::Rect {
        x: 0.0,
        y: h - foot - 2.2,
        w,
        h: 2.2,
        fill: style::GOLD,
    });
    items.push(Item::Rect {
        x: 0.0,
        y: h - foot,
        w,
        h: foot,
        fill: style::NAVY,
    });
    let year_size = 15.0;
    let yw = fonts::text_width(FontId::Bold, year_size, &front.year);
    items.push(Item::Text {
        x: (w - yw) / 2.0,
        y: h - foot / 2.0 + fonts::ascent(FontId::Bold, year_size) * 0.35,
        font: FontId::Bold,
        size: year_size,
        color: Rgb::WHITE,
        text: front.year.clone(),
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_jpeg_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&300u32.to_be_bytes());
        png.extend_from_slice(&150u32.to_be_bytes());
        assert_eq!(image_size(&png), Some((300, 150)));
        // SOI, APP0 (len 4), SOF0 with height 80, width 120.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00,
            0x50, 0x00, 0x78, 0x03,
        ];
        assert_eq!(image_size(&jpeg), Some((120, 80)));
        assert_eq!(image_size(b"GIF89a"), None);
        assert_eq!(image_size(&png[..18]), None);
        assert_eq!(image_size(&[0xFF, 0xD8, 0xFF]), None);
    }
}
