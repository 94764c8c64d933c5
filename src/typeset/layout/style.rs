//! The typographic design: colours, sizes, spacing. One place to tune the look.

use crate::typeset::page::Rgb;

const MM: f32 = 72.0 / 25.4;

/// Page margins, points (the inner/left margin is wider for binding).
pub const MARGIN_TOP: f32 = 25.0 * MM;
pub const MARGIN_BOTTOM: f32 = 25.0 * MM;
pub const MARGIN_LEFT: f32 = 30.0 * MM;
pub const MARGIN_RIGHT: f32 = 22.0 * MM;

pub const NAVY: Rgb = Rgb(0.075, 0.165, 0.337);
pub const GOLD: Rgb = Rgb(0.78, 0.61, 0.20);
/// Gold for text (the chapter label): dark enough for a 4.96:1 contrast on white, which survives
/// a photocopy (WCAG AA asks 4.5:1). `GOLD` itself (2.6:1) is for rules and bands only.
pub const GOLD_TEXT: Rgb = Rgb(0.55, 0.42, 0.10);
pub const TEXT: Rgb = Rgb(0.10, 0.10, 0.12);
pub const MUTED: Rgb = Rgb(0.38, 0.40, 0.45);
pub const LINK: Rgb = Rgb(0.05, 0.28, 0.68);
pub const RULE: Rgb = Rgb(0.72, 0.74, 0.78);
pub const CODE_BG: Rgb = Rgb(0.945, 0.950, 0.960);
pub const QUOTE_RULE: Rgb = Rgb(0.60, 0.66, 0.78);
pub const TABLE_HEAD_BG: Rgb = Rgb(0.855, 0.890, 0.945);
pub const TABLE_ZEBRA: Rgb = Rgb(0.965, 0.972, 0.982);
pub const WATERMARK: Rgb = Rgb(0.90, 0.90, 0.92);

/// Body text.
pub const BODY_SIZE: f32 = 11.0;
pub const BODY_LEADING: f32 = 15.0;
/// Footnotes.
pub const NOTE_SIZE: f32 = 9.0;
pub const NOTE_LEADING: f32 = 12.0;
/// Captions of tables and figures.
pub const CAPTION_SIZE: f32 = 10.0;
pub const CAPTION_LEADING: f32 = 13.5;
/// Tables (the font shrinks below this only for tables too wide even for landscape).
pub const TABLE_SIZE: f32 = 8.75;
pub const TABLE_MIN_SIZE: f32 = 5.5;
pub const CELL_PAD_X: f32 = 4.0;
pub const CELL_PAD_Y: f32 = 3.0;
/// Code blocks.
pub const CODE_SIZE: f32 = 8.5;
pub const CODE_LEADING: f32 = 11.0;
pub const CODE_PAD: f32 = 6.0;

/// Space above a paragraph, list, table, code block.
pub const PARA_SPACE: f32 = 7.0;
/// Space above a list item.
pub const ITEM_SPACE: f32 = 3.0;
/// Indent of a list level and of a block quote.
pub const LIST_INDENT: f32 = 20.0;
pub const QUOTE_INDENT: f32 = 16.0;

/// Running header and footer.
pub const FURNITURE_SIZE: f32 = 8.5;

/// (size, leading, space above, space below) of a heading level.
pub fn heading(level: u8) -> (f32, f32, f32, f32) {
    match level {
        1 => (19.0, 24.0, 0.0, 18.0),
        2 => (14.5, 18.5, 16.0, 6.0),
        3 => (12.5, 16.0, 13.0, 4.0),
        4 => (11.5, 15.0, 10.0, 3.0),
        _ => (11.0, 15.0, 8.0, 2.0),
    }
}

/// The WCAG contrast ratio of a colour on white.
pub fn contrast_on_white(c: Rgb) -> f32 {
    let lin = |v: f32| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colours_survive_a_photocopy() {
        for c in [GOLD_TEXT, NAVY, TEXT, MUTED, LINK] {
            assert!(
                contrast_on_white(c) >= 4.5,
                "{c:?}: {}",
                contrast_on_white(c)
            );
        }
        assert!(contrast_on_white(GOLD) < 4.5, "the rule gold is lighter");
    }
}
