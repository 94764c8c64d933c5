//! What the other writers (HTML, DOCX) take from the PDF's design so they agree with it: which
//! table columns are numeric (right-aligned), column widths from content, and whether a table is
//! too wide for a portrait page (the PDF then sets it on landscape pages, and the DOCX puts it in
//! a landscape section). Measured with the bundled fonts at the PDF's table size, by the same
//! rule as the layout (minimum: the longest word, a number never wraps; maximum: the whole text).

use crate::document::{Align, Inline, Table, plain_text};

use super::Paper;
use super::fonts::{self, FontId};
use super::layout::{Geometry, style};

/// Whether a cell reads as a number or an amount of money ("Rp1.250.000", "12,5 %", "2023–2025").
pub fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix("Rp").unwrap_or(t).trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '+' | '-' | '–' | '(' | ')' | ' ')
        })
}

/// The number of columns of a table (the widest of head, alignment row and body rows).
pub fn columns(t: &Table) -> usize {
    t.head
        .len()
        .max(t.align.len())
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0))
}

/// Each column's alignment: the alignment row's, and for columns it leaves open, right when
/// every non-empty body cell is numeric (as the PDF sets them).
pub fn aligns(t: &Table) -> Vec<Align> {
    (0..columns(t))
        .map(
            |c| match t.align.get(c).copied().unwrap_or(Align::Default) {
                Align::Default => {
                    let mut any = false;
                    let all = t.rows.iter().all(|r| match r.get(c) {
                        Some(cell) => {
                            let s = plain_text(cell);
                            any |= !s.is_empty();
                            s.is_empty() || looks_numeric(&s)
                        }
                        None => true,
                    });
                    if all && any {
                        Align::Right
                    } else {
                        Align::Left
                    }
                }
                other => other,
            },
        )
        .collect()
}

fn width_of(cell: &[Inline], bold: bool) -> (f32, f32) {
    let size = style::TABLE_SIZE;
    let font = FontId::styled(bold, false);
    let text = plain_text(cell);
    let max = fonts::text_width(font, size, &text);
    let min = text
        .split_whitespace()
        .map(|w| fonts::text_width(font, size, w))
        .fold(0.0, f32::max);
    (min, max)
}

/// Column widths in points for `avail` points, and whether the table is too wide for `avail`
/// (its narrowest setting does not fit, or each of many columns would get under five ems).
pub fn widths(t: &Table, avail: f32) -> (Vec<f32>, bool) {
    let n = columns(t);
    let size = style::TABLE_SIZE;
    let pad = 2.0 * style::CELL_PAD_X;
    let cap = size * 10.0;
    let mut mins = vec![pad + size; n];
    let mut maxs = vec![pad + size; n];
    let aligns = aligns(t);
    let mut measure = |c: usize, cell: &[Inline], bold: bool, numeric: bool| {
        let (lo, hi) = width_of(cell, bold);
        let narrowest = if numeric { hi } else { lo };
        mins[c] = mins[c].max(narrowest.min(cap) + pad);
        maxs[c] = maxs[c].max(hi + pad);
    };
    for (c, cell) in t.head.iter().enumerate().take(n) {
        measure(c, cell, true, false);
    }
    for row in &t.rows {
        for (c, cell) in row.iter().enumerate().take(n) {
            let numeric = looks_numeric(&plain_text(cell))
                || (aligns[c] == Align::Right && width_of(cell, false).1 <= size * 6.0);
            measure(c, cell, false, numeric);
        }
    }
    let sum_min: f32 = mins.iter().sum();
    let sum_max: f32 = maxs.iter().sum();
    let too_wide = sum_min > avail + 0.01 || (sum_max > avail && n as f32 * size * 5.0 > avail);
    let widths = if sum_max <= avail || sum_min >= avail || sum_max <= sum_min {
        let (v, s) = if sum_max <= avail {
            (&maxs, sum_max)
        } else {
            (&mins, sum_min)
        };
        if s > 0.0 {
            v.iter().map(|m| m * avail / s).collect()
        } else {
            vec![avail / n.max(1) as f32; n]
        }
    } else {
        let ratio = (avail - sum_min) / (sum_max - sum_min);
        mins.iter()
            .zip(&maxs)
            .map(|(lo, hi)| lo + (hi - lo) * ratio)
            .collect()
    };
    (widths, too_wide)
}

/// The width of the PDF's text area, in points.
pub fn text_width(paper: Paper, landscape: bool) -> f32 {
    Geometry::new(paper, landscape).width
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> Vec<Inline> {
        vec![Inline::Text {
            text: s.to_string(),
            style: Default::default(),
        }]
    }

    #[test]
    fn numeric_columns_and_widths() {
        let t = Table {
            align: vec![Align::Default, Align::Default],
            head: vec![cell("Program"), cell("Anggaran")],
            rows: vec![vec![cell("Satu Data Banggai"), cell("Rp1.250.000")]],
        };
        assert_eq!(aligns(&t), vec![Align::Left, Align::Right]);
        let (w, wide) = widths(&t, 400.0);
        assert!(!wide);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.1);
        let many = Table {
            align: vec![],
            head: (0..30).map(|i| cell(&format!("Kolom{i}"))).collect(),
            rows: vec![],
        };
        assert!(widths(&many, 430.0).1);
        assert!(!looks_numeric("belum ada"));
        assert!(looks_numeric("12,5 %"));
    }
}
