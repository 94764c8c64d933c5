//! Signature blocks, set as an Indonesian official document sets them: place and date, the
//! office, about 3 cm of room for the signature and the stamp, then the name, as one block on
//! the right of the page, its lines centred on each other. The templates write a signature as
//! three short paragraphs (see `docs/reference/pdf.md`): `Place, date` (ending with the year),
//! the office in bold, and the name.

use crate::typeset::markdown::{Block, Inline, plain_text};

use super::text::{HAlign, Prepared, TextSpec};
use super::{Builder, Frame, Piece, style, translate};

const MM: f32 = 72.0 / 25.4;
/// The room between the office and the name, for the signature and the stamp.
pub(super) const SIGNING_ROOM: f32 = 30.0 * MM;

fn all_bold(content: &[Inline]) -> bool {
    let mut any = false;
    let all = content.iter().all(|i| match i {
        Inline::Text { text, style } => {
            if text.trim().is_empty() {
                true
            } else {
                any = true;
                style.bold
            }
        }
        Inline::LineBreak => false,
    });
    all && any
}

/// Whether `blocks` starts with a signature: a short `Place, … 2023` line, a short bold
/// office line and a short name line.
pub(super) fn is_signature(blocks: &[Block]) -> bool {
    let [
        Block::Paragraph(place),
        Block::Paragraph(office),
        Block::Paragraph(name),
        ..,
    ] = blocks
    else {
        return false;
    };
    // The cheap tests first: this runs for every paragraph.
    if !all_bold(office) || all_bold(place) {
        return false;
    }
    let place_text = plain_text(place);
    let place_text = place_text.trim();
    let short = |c: &[Inline]| plain_text(c).chars().count() <= 80;
    place_text.contains(", ")
        && place_text.ends_with(|c: char| c.is_ascii_digit())
        && short(place)
        && short(office)
        && short(name)
}

impl Builder {
    /// Set the three paragraphs of a signature (see [`is_signature`]) as one unbreakable block
    /// at the right of `frame`.
    pub(super) fn signature(
        &mut self,
        blocks: &[Block],
        frame: Frame,
        spec: &TextSpec,
        space: f32,
    ) {
        let centred = TextSpec {
            align: HAlign::Center,
            ..*spec
        };
        let lines: Vec<Prepared> = blocks
            .iter()
            .take(3)
            .filter_map(|b| match b {
                Block::Paragraph(c) => Some(Prepared::new(c, centred)),
                _ => None,
            })
            .collect();
        // The block is as wide as its widest line, at least 7 cm, at most the frame.
        let widest = lines.iter().map(Prepared::max_width).fold(0.0, f32::max);
        let width = widest.max(70.0 * MM).min(frame.width);
        let x = frame.x + frame.width - width;
        let leading = spec.leading;
        let mut piece = Piece::new(0.0, space + style::PARA_SPACE);
        piece.baseline = spec.baseline();
        let mut y = 0.0;
        for (k, p) in lines.iter().enumerate() {
            if k == 2 {
                y += SIGNING_ROOM;
            }
            for line in p.lines(width) {
                for mut item in line.items {
                    translate(&mut item, x, y);
                    piece.items.push(item);
                }
                y += leading;
            }
        }
        piece.height = y;
        self.push(piece);
    }
}
