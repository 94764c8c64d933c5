//! The second drawing backend of the charts: the vector description a chart produces for the PDF
//! (a [`ChartBlock`] of display [`Item`]s) written as SVG, for the HTML page and the DOCX
//! pictures. The chart modules know nothing about either backend; this module knows nothing
//! about the charts. Text stays text, in the bundled family's name (Carlito, metric-compatible
//! with Calibri) with the width the layout measured; colours are the PDF's, written as `#rrggbb`.
//! Writers that need a bitmap draw the same description with [`super::raster`].

use std::fmt::Write as _;

use super::chart::{self, ChartBlock};
use super::fonts::{self, FontId};
use super::page::{Item, Rgb};

/// A chart drawn as SVG: the markup and its size in points (one SVG user unit = 1 pt).
#[derive(Debug, Clone, PartialEq)]
pub struct Svg {
    pub markup: String,
    pub width: f32,
    pub height: f32,
}

/// Lay out a Mermaid block `source` as one chart (never split into pages) at most `width` points
/// wide, and draw it as SVG. `None` for diagrams the typesetter does not draw (writers set those
/// as code, like the PDF). `decimal` is the decimal separator of numbers in labels.
pub fn mermaid(source: &str, width: f32, decimal: char) -> Option<Svg> {
    let blocks = chart::layout_mermaid_with(source, width, f32::INFINITY, decimal)?;
    let block = blocks.into_iter().next()?;
    Some(chart_svg(&block))
}

/// Lay out a Mermaid block as the PDF does, split into pieces at most `max_height` tall (a long
/// Gantt chart repeats its year axis on each), each with its SVG: the pictures of a paged writer
/// (which can also draw the block as a bitmap with [`super::raster`]).
pub fn mermaid_pages(
    source: &str,
    width: f32,
    max_height: f32,
    decimal: char,
) -> Option<Vec<(ChartBlock, Svg)>> {
    let blocks = chart::layout_mermaid_with(source, width, max_height, decimal)?;
    if blocks.is_empty() {
        return None;
    }
    Some(
        blocks
            .into_iter()
            .map(|b| {
                let svg = chart_svg(&b);
                (b, svg)
            })
            .collect(),
    )
}

/// One chart block as a standalone SVG document (usable inline in HTML5 as well).
pub fn chart_svg(block: &ChartBlock) -> Svg {
    let (w, h) = (num(block.width), num(block.height));
    let mut out = String::with_capacity(256 + block.items.len() * 96);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}pt\" height=\"{h}pt\" viewBox=\"0 0 {w} {h}\" role=\"img\">"
    );
    if let Some(title) = block.items.iter().find_map(|i| match i {
        Item::Text { text, .. } if !text.trim().is_empty() => Some(text),
        _ => None,
    }) {
        let _ = write!(out, "<title>{}</title>", escape(title));
    }
    for item in &block.items {
        item_svg(&mut out, item);
    }
    out.push_str("</svg>");
    Svg {
        markup: out,
        width: block.width.max(1.0),
        height: block.height.max(1.0),
    }
}

fn item_svg(out: &mut String, item: &Item) {
    match item {
        Item::Text {
            x,
            y,
            font,
            size,
            color,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            let (weight, style) = match font {
                FontId::Bold => (" font-weight=\"bold\"", ""),
                FontId::Italic => ("", " font-style=\"italic\""),
                FontId::BoldItalic => (" font-weight=\"bold\"", " font-style=\"italic\""),
                FontId::Regular | FontId::Mono => ("", ""),
            };
            let width = fonts::text_width(*font, *size, text);
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\"{weight}{style} fill=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>",
                num(*x),
                num(*y),
                family(*font),
                num(*size),
                hex(*color),
                num(width),
                escape(text)
            );
        }
        Item::Rect { x, y, w, h, fill } => {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                num(*x),
                num(*y),
                num(w.max(0.0)),
                num(h.max(0.0)),
                hex(*fill)
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
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                num(*x1),
                num(*y1),
                num(*x2),
                num(*y2),
                hex(*color),
                num(width.max(0.0))
            );
        }
        // Links, images and watermarks are page furniture, not chart content.
        Item::UriLink { .. }
        | Item::GotoLink { .. }
        | Item::Image { .. }
        | Item::Watermark { .. } => {}
    }
}

/// The CSS/SVG font family of a bundled face (Carlito first, then its metric twin Calibri).
pub fn family(font: FontId) -> &'static str {
    match font {
        FontId::Mono => "Liberation Mono, Courier New, monospace",
        _ => "Carlito, Calibri, sans-serif",
    }
}

/// A colour as `#rrggbb` (components clamped to 0..1; NaN is black).
pub fn hex(c: Rgb) -> String {
    let [r, g, b] = c.to_u8();
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// A coordinate with at most two decimals, no trailing zeros, never NaN or infinite.
fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Text for an XML text node or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GANTT: &str = "gantt\n    dateFormat YYYY\n    section Tata Kelola\n    P01 Satu Data & <Layanan> :crit, p01, 2023, 2025\n    section Ekonomi\n    P02 Pasar Digital :p02, 2024, 2027\n";

    #[test]
    fn gantt_as_svg_keeps_text_colours_and_escapes() {
        let svg = mermaid(GANTT, 480.0, ',').expect("a gantt chart");
        let m = &svg.markup;
        assert!(m.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(m.contains("Satu Data &amp; &lt;Layanan&gt;"), "{m}");
        assert!(!m.contains("<Layanan>"));
        assert!(m.contains("font-family=\"Carlito, Calibri, sans-serif\""));
        // The first section's colour, as in the PDF palette.
        assert!(m.contains(&hex(chart::PALETTE[0])), "{m}");
        assert!(svg.width <= 480.0 && svg.height > 0.0);
        // Parses as XML.
        assert!(m.matches("<text").count() == m.matches("</text>").count());
    }

    #[test]
    fn numbers_and_colours_are_sanitised() {
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(3.0), "3");
        assert_eq!(hex(Rgb(2.0, f32::NAN, 0.5)), "#FF0080");
    }

    #[test]
    fn other_diagrams_are_not_drawn() {
        assert!(mermaid("flowchart LR\n A --> B\n", 400.0, '.').is_none());
        assert!(mermaid("", 400.0, '.').is_none());
    }
}
