//! Tables: column widths from the cells' minimum and maximum content widths, wrapped cells,
//! a shaded head row repeated on every page the table spans, zebra rows and light rules. A table
//! too wide for a portrait page goes onto landscape pages; still too wide, its font shrinks.

use crate::typeset::markdown::{Align, Inline, Table, plain_text};
use crate::typeset::page::Item;

use super::style;
use super::text::{HAlign, Prepared, TextSpec};
use super::{Builder, Flow, Frame, Piece, translate};

/// Whether a cell reads as a number or an amount of money (right-aligned by default).
fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix("Rp").unwrap_or(t).trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '+' | '-' | '–' | '(' | ')' | ' ')
        })
}

/// Column widths for `avail` points from each column's (min, max) content width: all at max
/// (then widened in proportion) when that fits, all at min (scaled down) when even that does
/// not, and otherwise min plus a share of the remaining space proportional to max - min.
pub(super) fn distribute(mins: &[f32], maxs: &[f32], avail: f32) -> Vec<f32> {
    let sum_min: f32 = mins.iter().sum();
    let sum_max: f32 = maxs.iter().sum();
    if sum_max <= avail {
        if sum_max <= 0.0 {
            let n = maxs.len().max(1) as f32;
            return maxs.iter().map(|_| avail / n).collect();
        }
        return maxs.iter().map(|m| m * avail / sum_max).collect();
    }
    if sum_min >= avail {
        if sum_min <= 0.0 {
            let n = mins.len().max(1) as f32;
            return mins.iter().map(|_| avail / n).collect();
        }
        return mins.iter().map(|m| m * avail / sum_min).collect();
    }
    let ratio = (avail - sum_min) / (sum_max - sum_min);
    mins.iter()
        .zip(maxs)
        .map(|(lo, hi)| lo + (hi - lo) * ratio)
        .collect()
}

struct Prepped {
    head: Vec<Prepared>,
    rows: Vec<Vec<Prepared>>,
    mins: Vec<f32>,
    maxs: Vec<f32>,
    size: f32,
    leading: f32,
}

fn prepare(t: &Table, ncols: usize, aligns: &[HAlign], size: f32) -> Prepped {
    // Leading rounded to a quarter point, so rows sit on a regular grid.
    let leading = (size * 1.3 * 4.0).round() / 4.0;
    let spec = |bold: bool, align: HAlign| TextSpec {
        size,
        leading,
        color: if bold { style::NAVY } else { style::TEXT },
        bold,
        italic: false,
        align,
    };
    let empty: Vec<Inline> = Vec::new();
    let row_of = |cells: &[Vec<Inline>], bold: bool| -> Vec<Prepared> {
        (0..ncols)
            .map(|c| {
                let align = aligns.get(c).copied().unwrap_or(HAlign::Left);
                Prepared::new(cells.get(c).unwrap_or(&empty), spec(bold, align))
            })
            .collect()
    };
    let head = if t.head.is_empty() {
        Vec::new()
    } else {
        row_of(&t.head, true)
    };
    let rows: Vec<Vec<Prepared>> = t.rows.iter().map(|r| row_of(r, false)).collect();
    let cap = size * 10.0;
    let pad = 2.0 * style::CELL_PAD_X;
    let mut mins = vec![pad + size; ncols];
    let mut maxs = vec![pad + size; ncols];
    let mut measure = |c: usize, cell: &Prepared, numeric: bool| {
        if let (Some(lo), Some(hi)) = (mins.get_mut(c), maxs.get_mut(c)) {
            // Numbers and amounts ("12,5 %") are never wrapped.
            let narrowest = if numeric {
                cell.max_width()
            } else {
                cell.min_word_width()
            };
            *lo = lo.max(narrowest.min(cap) + pad);
            *hi = hi.max(cell.max_width() + pad);
        }
    };
    for (c, cell) in head.iter().enumerate() {
        measure(c, cell, false);
    }
    for (src, row) in t.rows.iter().zip(&rows) {
        for (c, cell) in row.iter().enumerate() {
            let numeric = src.get(c).is_some_and(|s| looks_numeric(&plain_text(s)));
            measure(c, cell, numeric);
        }
    }
    Prepped {
        head,
        rows,
        mins,
        maxs,
        size,
        leading,
    }
}

/// Whether a table is too wide for `avail`: its narrowest setting does not fit, or it has so
/// many columns that each would get less than about five ems.
fn too_wide(p: &Prepped, avail: f32) -> bool {
    let sum_min: f32 = p.mins.iter().sum();
    let sum_max: f32 = p.maxs.iter().sum();
    let ncols = p.mins.len() as f32;
    sum_min > avail + 0.01 || (sum_max > avail && ncols * p.size * 5.0 > avail)
}

impl Builder {
    pub(super) fn table(&mut self, t: &Table, frame: Frame, space: f32) {
        let ncols = t
            .head
            .len()
            .max(t.align.len())
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if ncols == 0 {
            return;
        }
        let aligns: Vec<HAlign> = (0..ncols)
            .map(
                |c| match t.align.get(c).copied().unwrap_or(Align::Default) {
                    Align::Left => HAlign::Left,
                    Align::Center => HAlign::Center,
                    Align::Right => HAlign::Right,
                    Align::Default => {
                        let mut any = false;
                        let all = t.rows.iter().all(|r| match r.get(c) {
                            Some(cell) => {
                                let s = plain_text(cell);
                                if s.is_empty() {
                                    true
                                } else {
                                    any = true;
                                    looks_numeric(&s)
                                }
                            }
                            None => true,
                        });
                        if all && any {
                            HAlign::Right
                        } else {
                            HAlign::Left
                        }
                    }
                },
            )
            .collect();
        let mut p = prepare(t, ncols, &aligns, style::TABLE_SIZE);
        let switched = !self.landscape && too_wide(&p, frame.width);
        let frame = if switched {
            self.enter_landscape();
            self.full_frame()
        } else {
            frame
        };
        let sum_min: f32 = p.mins.iter().sum();
        if sum_min > frame.width + 0.01 {
            let size = (style::TABLE_SIZE * frame.width / sum_min).max(style::TABLE_MIN_SIZE);
            p = prepare(t, ncols, &aligns, size);
        }
        let widths = distribute(&p.mins, &p.maxs, frame.width);
        self.table_pieces(&p, &widths, frame, space);
        if switched {
            self.landscape = false;
            self.flow.push(Flow::Break { landscape: false });
        }
    }

    fn table_pieces(&mut self, p: &Prepped, widths: &[f32], frame: Frame, space: f32) {
        let total: f32 = widths.iter().sum();
        let lines_of = |row: &[Prepared]| -> Vec<Vec<super::text::SetLine>> {
            row.iter()
                .zip(widths)
                .map(|(cell, w)| cell.lines(w - 2.0 * style::CELL_PAD_X))
                .collect()
        };
        let x_of: Vec<f32> = widths
            .iter()
            .scan(frame.x, |x, w| {
                let at = *x;
                *x += w;
                Some(at)
            })
            .collect();
        let leading = p.leading;
        let pad_y = style::CELL_PAD_Y;
        let baseline = TextSpec {
            size: p.size,
            leading,
            color: style::TEXT,
            bold: false,
            italic: false,
            align: HAlign::Left,
        }
        .baseline();
        // Cell lines `from..to` of every cell, placed in a strip of the given height.
        let place = |piece: &mut Piece,
                     cells: &mut [Vec<super::text::SetLine>],
                     from: usize,
                     to: usize,
                     top: f32| {
            for (c, lines) in cells.iter_mut().enumerate() {
                let x = x_of.get(c).copied().unwrap_or(frame.x) + style::CELL_PAD_X;
                let end = to.min(lines.len());
                if from >= end {
                    continue;
                }
                for (k, line) in lines[from..end].iter_mut().enumerate() {
                    let y = top + k as f32 * leading;
                    for mut item in std::mem::take(&mut line.items) {
                        translate(&mut item, x, y);
                        piece.items.push(item);
                    }
                    for mut g in std::mem::take(&mut line.gotos) {
                        g.x += x;
                        g.y += y;
                        piece.gotos.push(g);
                    }
                }
            }
        };
        let rule = |y: f32, width: f32, color| Item::Line {
            x1: frame.x,
            y1: y,
            x2: frame.x + total,
            y2: y,
            width,
            color,
        };

        // Head row.
        let mut repeat = None;
        let mut head_h = 0.0;
        if !p.head.is_empty() {
            let mut cells = lines_of(&p.head);
            let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            head_h = n as f32 * leading + 2.0 * pad_y;
            let mut piece = Piece::new(head_h, space);
            piece.baseline = pad_y + baseline;
            piece.items.push(Item::Rect {
                x: frame.x,
                y: 0.0,
                w: total,
                h: head_h,
                fill: style::TABLE_HEAD_BG,
            });
            place(&mut piece, &mut cells, 0, n, pad_y);
            piece.items.push(rule(0.0, 0.9, style::NAVY));
            piece.items.push(rule(head_h, 0.9, style::NAVY));
            piece.keep_with_next = true;
            let mut repeated = piece.clone();
            repeated.space_before = 0.0;
            repeated.keep_with_next = false;
            repeated.gotos.clear();
            self.repeats.push(repeated);
            repeat = Some(self.repeats.len() - 1);
            self.push(piece);
        }

        // Body rows; a row taller than a page is cut between cell lines.
        let body_h = self.geo().height;
        // A row is cut into strips (a quarter page at most; three lines for a row taller than a
        // page). The strips of a row that fits on a page are kept together; those of a taller
        // row flow over as many pages as it needs, filling each.
        let fits_lines =
            (((body_h - head_h - 2.0 * pad_y - 2.0) / leading).floor() as usize).max(1);
        let quarter = (((body_h / 4.0) / leading).floor() as usize).clamp(1, fits_lines);
        let nrows = p.rows.len();
        for (r, row) in p.rows.iter().enumerate() {
            let mut cells = lines_of(row);
            let n = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let cap_lines = if n > fits_lines { 3 } else { quarter };
            let mut from = 0;
            while from < n {
                let to = (from + cap_lines).min(n);
                let top = if from == 0 { pad_y } else { 0.0 };
                let bottom = if to == n { pad_y } else { 0.0 };
                let h = (to - from) as f32 * leading + top + bottom;
                let mut piece = Piece::new(
                    h,
                    if r == 0 && repeat.is_none() {
                        space
                    } else {
                        0.0
                    },
                );
                piece.baseline = top + baseline;
                piece.repeat = repeat;
                piece.keep_with_next = n <= fits_lines && to < n;
                if r % 2 == 1 {
                    piece.items.push(Item::Rect {
                        x: frame.x,
                        y: 0.0,
                        w: total,
                        h,
                        fill: style::TABLE_ZEBRA,
                    });
                }
                place(&mut piece, &mut cells, from, to, top);
                if to == n {
                    piece.items.push(if r + 1 == nrows {
                        rule(h, 0.9, style::NAVY)
                    } else {
                        rule(h, 0.4, style::RULE)
                    });
                }
                self.push(piece);
                from = to;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribute_fills_and_respects_minimums() {
        let w = distribute(&[10.0, 20.0], &[50.0, 100.0], 300.0);
        assert!((w.iter().sum::<f32>() - 300.0).abs() < 0.01);
        assert!((w[1] / w[0] - 2.0).abs() < 0.01);
        let w = distribute(&[10.0, 20.0], &[50.0, 100.0], 100.0);
        assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01);
        assert!(w[0] >= 10.0 && w[1] >= 20.0);
        let w = distribute(&[100.0, 100.0], &[200.0, 200.0], 100.0);
        assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01);
    }

    #[test]
    fn numeric_cells() {
        assert!(looks_numeric("Rp1.250.000.000"));
        assert!(looks_numeric("12,5 %"));
        assert!(looks_numeric("2023–2025"));
        assert!(!looks_numeric("Dinkes"));
        assert!(!looks_numeric(""));
    }
}
