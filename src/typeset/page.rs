//! The display list: what layout produces and drawing consumes. Every page is a list of positioned
//! items in points, origin at the TOP-LEFT of the page, y growing downwards (drawing converts to
//! PDF's bottom-left origin). Nothing here knows about printpdf, so layout is testable without a
//! PDF and the backend can be swapped.

use super::fonts::FontId;

/// An RGB colour, each channel 0.0..=1.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
    pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

    /// The 8-bit components, clamped to 0..1 (NaN is 0): what the SVG and bitmap backends write.
    pub fn to_u8(self) -> [u8; 3] {
        let b = |v: f32| {
            if v.is_nan() {
                0
            } else {
                (v.clamp(0.0, 1.0) * 255.0).round() as u8
            }
        };
        [b(self.0), b(self.1), b(self.2)]
    }
}

/// A laid-out document, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub pages: Vec<Page>,
    /// Nested outline (bookmarks), mirroring the headings.
    pub outline: Vec<OutlineEntry>,
    pub metadata: Metadata,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    pub title: String,
    /// The region (author).
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// BCP 47 language tag: `id` or `en`.
    pub language: String,
    /// The 0-based page index where the body starts (page label `1`); the pages before it are
    /// front matter, labelled in lower-case roman numerals from the cover (`i`). `None`: every
    /// page is labelled with its physical number.
    pub body_start: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// 1 for a chapter, 2 for a section, ...
    pub level: u8,
    /// 0-based page index the entry points to.
    pub page: usize,
    /// Distance from the top of that page, points.
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width and height in points (landscape pages have width > height).
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

/// One thing drawn on a page. Coordinates in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text in one font; `x`,`y` is the start of the BASELINE.
    Text {
        x: f32,
        y: f32,
        font: FontId,
        size: f32,
        color: Rgb,
        text: String,
    },
    /// A filled rectangle; `x`,`y` is its top-left corner.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight stroked line.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A clickable area linking to a URL.
    UriLink {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        uri: String,
    },
    /// A clickable area linking to a place in the document.
    GotoLink {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        page: usize,
        top: f32,
    },
    /// An image from the project folder (the logo), scaled into the box.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        data: std::sync::Arc<Vec<u8>>,
    },
    /// Large diagonal text drawn behind the content in a light colour (the DRAFT watermark).
    Watermark { text: String, size: f32, color: Rgb },
}
