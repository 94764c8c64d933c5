//! Typesetting: Markdown (as produced by the templates) to PDF.
//!
//! Layers: `markdown` (the shared document tree of [`crate::document`]: pulldown-cmark events
//! and the front matter) -> `layout` (blocks, lines,
//! table cells, page breaks, in points; produces a [`page::Document`]) -> `draw` (the only code
//! that touches printpdf; display list to PDF bytes, then lopdf post-processing for the nested
//! outline and a content-derived /ID). Charts (`chart`) turn Mermaid blocks into display items.

pub mod chart;
pub mod draw;
pub mod fonts;
pub mod hyphenate;
pub mod layout;
pub mod measure;
pub mod page;
pub mod raster;
pub mod svg;

/// The document tree and its reader, shared with the other writers (see [`crate::document`]);
/// kept under its old name so the layout's imports read `typeset::markdown`.
pub use crate::document::markdown;

use std::path::Path;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    /// Folio, 215 x 330 mm, common in Indonesian offices.
    F4,
    Letter,
}

impl Paper {
    /// Portrait width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        const MM: f32 = 72.0 / 25.4;
        match self {
            Paper::A4 => (210.0 * MM, 297.0 * MM),
            Paper::F4 => (215.0 * MM, 330.0 * MM),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    pub paper: Paper,
}

/// Typeset `markdown` (with its front matter) into PDF bytes. `base_dir` is the folder that
/// relative paths in the front matter (the logo) are resolved against.
pub fn typeset(markdown: &str, base_dir: &Path, options: &PdfOptions) -> anyhow::Result<Vec<u8>> {
    // The fonts are parsed for embedding on a second thread while the layout runs: parsing
    // is a fixed cost that would otherwise dominate small documents.
    let document = std::thread::scope(|scope| {
        // Without a thread, `draw` parses them itself.
        let _ = std::thread::Builder::new()
            .name("masterplan-fonts".into())
            .spawn_scoped(scope, draw::prepare_fonts);
        layout(markdown, base_dir, options)
    })?;
    draw::draw(&document)
}

/// Parse and lay out `markdown` into pages of positioned items (no PDF): what [`typeset`] draws.
/// Errors only on a missing or invalid front matter; any Markdown body lays out.
pub fn layout(
    markdown: &str,
    base_dir: &Path,
    options: &PdfOptions,
) -> anyhow::Result<page::Document> {
    let parsed = markdown::parse(markdown)?;
    Ok(layout::layout_document(&parsed, base_dir, options))
}
