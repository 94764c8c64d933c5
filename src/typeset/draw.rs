//! Drawing: the only code that touches printpdf. A laid-out [`Document`] to PDF bytes.

use super::page::Document;

pub fn draw(document: &Document) -> anyhow::Result<Vec<u8>> {
    let _ = document;
    anyhow::bail!("drawing is not built yet")
}
