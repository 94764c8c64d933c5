//! Charts: Mermaid blocks (`gantt`, `xychart-beta`) laid out as vector display items.

use super::page::Item;

/// A piece of a chart that fits on one page. Items are positioned relative to the block's
/// top-left corner (y grows downwards); layout translates them to where the block lands.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBlock {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

/// Lay out a Mermaid diagram `source` (the fenced block's content) into blocks at most `width`
/// wide and `max_height` tall (a tall Gantt chart is split into several blocks, each repeating the
/// year axis). `None` when the diagram is not one the typesetter draws (it is then set as code).
pub fn layout_mermaid(source: &str, width: f32, max_height: f32) -> Option<Vec<ChartBlock>> {
    let _ = (source, width, max_height);
    None
}
