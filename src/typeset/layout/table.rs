//! Tables: column widths from the cells' minimum and maximum content widths, wrapped cells,
//! a shaded head row repeated on every page the table spans, zebra rows and light rules. A table
//! too wide for a portrait page goes onto landscape pages; still too wide, its font shrinks.

use crate::typeset::markdown::{Align, Block, Inline, Table, plain_text};
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
    // A column is never narrower than its minimum, whatever its natural width says.
    let maxs: Vec<f32> = maxs.iter().zip(mins).map(|(hi, lo)| hi.max(*lo)).collect();
    let maxs = maxs.as_slice();
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
    // With three columns or more, no column's natural width counts for more than half the
    // table: a column of long lists (an agency's supported programmes at 600 programmes) would
    // otherwise take nearly all the spare width and leave its neighbours (the agency's name) at
    // one word per line.
    let capped: Vec<f32> = if maxs.len() >= 3 {
        mins.iter()
            .zip(maxs)
            .map(|(lo, hi)| hi.min(avail / 2.0).max(*lo))
            .collect()
    } else {
        maxs.to_vec()
    };
    let sum_capped: f32 = capped.iter().sum();
    if sum_capped <= avail {
        // Every column gets its capped natural width; the rest goes to the capped ones.
        let extra = avail - sum_capped;
        let over: f32 = maxs.iter().zip(&capped).map(|(hi, c)| hi - c).sum();
        return maxs
            .iter()
            .zip(&capped)
            .map(|(hi, c)| {
                c + if over > 0.0 {
                    extra * (hi - c) / over
                } else {
                    0.0
                }
            })
            .collect();
    }
    let ratio = (avail - sum_min) / (sum_capped - sum_min);
    mins.iter()
        .zip(&capped)
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
    /// The least height of a body row (signature rows leave room to sign).
    min_row: f32,
    /// The signature column of a commitment sheet.
    signing: Option<usize>,
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
            // Numbers and amounts ("12,5 %") are never wrapped, and a word is never cut
            // (only an over-long one, past ten ems, such as a path without break points).
            let narrowest = if numeric {
                cell.max_width()
            } else {
                cell.min_word_width().min(cap)
            };
            *lo = lo.max(narrowest + pad);
            *hi = hi.max(cell.max_width() + pad);
        }
    };
    for (c, cell) in head.iter().enumerate() {
        measure(c, cell, false);
    }
    // Short words in a right-aligned (numeric) column, such as "belum ada", stay on one line.
    let short = size * 6.0;
    for (src, row) in t.rows.iter().zip(&rows) {
        for (c, cell) in row.iter().enumerate() {
            let numeric = src.get(c).is_some_and(|s| looks_numeric(&plain_text(s)))
                || (aligns.get(c) == Some(&HAlign::Right) && cell.max_width() <= short);
            measure(c, cell, numeric);
        }
    }
    let mut min_row = 0.0;
    let signing = signing_column(t);
    if let Some(c) = signing {
        // Room to sign: rows at least 1.25 cm tall, the signature column at least 4 cm wide.
        min_row = SIGNING_ROW;
        if let (Some(lo), Some(hi)) = (mins.get_mut(c), maxs.get_mut(c)) {
            *lo = lo.max(SIGNING_WIDTH);
            *hi = hi.max(SIGNING_WIDTH);
        }
    }
    Prepped {
        head,
        rows,
        mins,
        maxs,
        size,
        leading,
        min_row,
        signing,
    }
}

const MM: f32 = 72.0 / 25.4;
/// The least height of a row of a signature table (a commitment sheet).
const SIGNING_ROW: f32 = 12.5 * MM;
/// The least width of its signature column.
const SIGNING_WIDTH: f32 = 40.0 * MM;

/// The signature column of a table: the last column, when every body cell of it is a dotted
/// line to sign on (`1.……………………`), in a table of at least one row.
fn signing_column(t: &Table) -> Option<usize> {
    let c = t.head.len().checked_sub(1)?;
    let dotted = |cell: &Vec<Inline>| {
        let s = plain_text(cell);
        let s = s.trim();
        s.ends_with("……")
            && s.chars()
                .all(|c| c == '…' || c == '.' || c.is_ascii_digit())
    };
    (!t.rows.is_empty() && t.rows.iter().all(|r| r.get(c).is_some_and(dotted))).then_some(c)
}

/// A column of personal names ("Nama", "Name", "Kepala", "Head") is set without breaking a
/// name when the table still fits that way.
fn keep_names_whole(t: &Table, p: &mut Prepped, avail: f32) {
    for (c, cell) in t.head.iter().enumerate() {
        let head = plain_text(cell).trim().to_lowercase();
        if !matches!(
            head.as_str(),
            "nama" | "name" | "kepala" | "head" | "nama kepala"
        ) {
            continue;
        }
        let (Some(lo), Some(hi)) = (p.mins.get(c).copied(), p.maxs.get(c).copied()) else {
            continue;
        };
        let sum: f32 = p.mins.iter().sum();
        if sum - lo + hi <= avail + 0.01 {
            p.mins[c] = hi;
        }
    }
}

/// Whether a head cell is a year ("2025").
fn is_year(cell: &[Inline]) -> bool {
    let t = plain_text(cell);
    let t = t.trim();
    t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// The year columns of a table: head cells such as "2024", when there are at least two.
fn year_columns(t: &Table) -> Vec<usize> {
    let years: Vec<usize> = t
        .head
        .iter()
        .enumerate()
        .filter(|(_, cell)| is_year(cell))
        .map(|(c, _)| c)
        .collect();
    if years.len() < 2 { Vec::new() } else { years }
}

/// Give the year columns one natural width, the widest of theirs, when the whole table still
/// fits `avail` at its natural widths that way. Returns whether it did.
fn even_years(years: &[usize], p: &mut Prepped, avail: f32) -> bool {
    if years.is_empty() {
        return false;
    }
    let (hi, extra) = evened(years, &p.maxs);
    let sum_max: f32 = p.maxs.iter().sum();
    if sum_max + extra > avail + 0.01 {
        // Too wide at natural widths: still give every year column the largest minimum (so
        // that one "ditetapkan" does not make its column the odd one out) while that leaves
        // the other columns a fair share of the width.
        // When the widest (a word such as "ditetapkan") is too wide for that, the largest
        // minimum that fits: the year columns then share one width but for the odd one out.
        let sum_min: f32 = p.mins.iter().sum();
        let mut candidates: Vec<f32> = years
            .iter()
            .filter_map(|c| p.mins.get(*c).copied())
            .collect();
        candidates.sort_by(|a, b| b.total_cmp(a));
        for lo in candidates {
            let extra: f32 = years
                .iter()
                .filter_map(|c| p.mins.get(*c).map(|m| (lo - m).max(0.0)))
                .sum();
            if sum_min + extra <= avail * 0.92 {
                for c in years {
                    if let Some(m) = p.mins.get_mut(*c) {
                        *m = m.max(lo);
                    }
                }
                break;
            }
        }
        return false;
    }
    set_all(years, &mut p.maxs, hi);
    true
}

/// The widest of the `years` columns in `widths`, and how much wider the table gets when every
/// year column is made that wide.
fn evened(years: &[usize], widths: &[f32]) -> (f32, f32) {
    let widest = years
        .iter()
        .filter_map(|c| widths.get(*c).copied())
        .fold(0.0, f32::max);
    let extra = years
        .iter()
        .filter_map(|c| widths.get(*c).map(|w| widest - w))
        .sum();
    (widest, extra)
}

fn set_all(columns: &[usize], widths: &mut [f32], value: f32) {
    for c in columns {
        if let Some(w) = widths.get_mut(*c) {
            *w = value;
        }
    }
}

/// Share the width the year columns were given equally among them, except that a column never
/// gets less than its minimum (then the others share what is left).
fn share_years(years: &[usize], widths: &mut [f32], mins: &[f32]) {
    let total: f32 = years.iter().filter_map(|c| widths.get(*c)).sum();
    let floor = |c: &usize| mins.get(*c).copied().unwrap_or(0.0);
    let floors: f32 = years.iter().map(floor).sum();
    let mut target = total / years.len().max(1) as f32;
    if total >= floors {
        // Water-filling: columns whose minimum exceeds the share keep their minimum.
        for _ in 0..years.len().min(16) {
            let (fixed, fixed_w) = years
                .iter()
                .filter(|c| floor(c) > target)
                .fold((0usize, 0.0f32), |(n, w), c| (n + 1, w + floor(c)));
            let free = years.len() - fixed;
            if free == 0 {
                break;
            }
            let next = (total - fixed_w) / free as f32;
            if (next - target).abs() < 0.001 {
                break;
            }
            target = next;
        }
        for c in years {
            if let Some(w) = widths.get_mut(*c) {
                *w = target.max(floor(c));
            }
        }
    } else {
        for c in years {
            if let Some(w) = widths.get_mut(*c) {
                *w = target;
            }
        }
    }
}

/// Each column's alignment: as the Markdown says, or right for columns of numbers.
fn alignments(t: &Table, ncols: usize) -> Vec<HAlign> {
    (0..ncols)
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
        .collect()
}

/// The table prepared at the largest size below `at`'s (TABLE_SIZE), in quarter points down to
/// TABLE_MIN_SIZE, at which every column's unbreakable content fits `avail`; `None` if none
/// does. Widths scale with the size (padding apart), so the search starts from the
/// proportional guess and usually needs one or two tries.
fn shrink(at: &Prepped, t: &Table, ncols: usize, aligns: &[HAlign], avail: f32) -> Option<Prepped> {
    let need: f32 = at.mins.iter().sum();
    let pad = ncols as f32 * 2.0 * style::CELL_PAD_X;
    let guess = at.size * (avail - pad).max(0.0) / (need - pad).max(1.0);
    let mut size = ((guess * 4.0).floor() / 4.0).min(at.size - 0.25);
    if size < style::TABLE_MIN_SIZE - 0.001 {
        return None;
    }
    while size >= style::TABLE_MIN_SIZE - 0.001 {
        let p = prepare(t, ncols, aligns, size);
        if p.mins.iter().sum::<f32>() <= avail + 0.01 {
            return Some(p);
        }
        size -= 0.25;
    }
    None
}

/// Whether a table has so many columns that each would get less than about five ems.
fn many_columns(p: &Prepped, avail: f32) -> bool {
    let sum_max: f32 = p.maxs.iter().sum();
    sum_max > avail && p.mins.len() as f32 * p.size * 5.0 > avail
}

/// A table with year columns cut in two: the columns before the years, the first half of the
/// years; then the columns before the years again, the second half and the columns after the
/// years (totals). `None` when there are fewer than four year columns.
fn split_years(t: &Table) -> Option<(Table, Table)> {
    let years = year_columns(t);
    if years.len() < 4 {
        return None;
    }
    let first_year = *years.first()?;
    let last_year = *years.last()?;
    let half = years.len().div_ceil(2);
    let lead: Vec<usize> = (0..first_year).collect();
    let a: Vec<usize> = lead
        .iter()
        .copied()
        .chain(years[..half].iter().copied())
        .collect();
    let ncols = t.head.len();
    let b: Vec<usize> = lead
        .iter()
        .copied()
        .chain(years[half..].iter().copied())
        .chain(last_year + 1..ncols)
        .collect();
    let pick = |cols: &[usize]| Table {
        align: cols
            .iter()
            .map(|c| t.align.get(*c).copied().unwrap_or(Align::Default))
            .collect(),
        head: cols
            .iter()
            .map(|c| t.head.get(*c).cloned().unwrap_or_default())
            .collect(),
        rows: t
            .rows
            .iter()
            .map(|r| {
                cols.iter()
                    .map(|c| r.get(*c).cloned().unwrap_or_default())
                    .collect()
            })
            .collect(),
    };
    Some((pick(&a), pick(&b)))
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
        let aligns = alignments(t, ncols);
        let mut p = prepare(t, ncols, &aligns, style::TABLE_SIZE);
        // Narrower type first (down to TABLE_MIN_SIZE) when that is enough to keep every
        // unbreakable token whole in portrait; landscape when not, or for many columns.
        let fits = |p: &Prepped, avail: f32| p.mins.iter().sum::<f32>() <= avail + 0.01;
        let mut switched = false;
        if !self.landscape && too_wide(&p, frame.width) {
            if many_columns(&p, frame.width) || fits(&p, frame.width) {
                switched = true;
            } else {
                match shrink(&p, t, ncols, &aligns, frame.width) {
                    Some(small) => p = small,
                    None => switched = true,
                }
            }
        }
        let frame = if switched {
            self.enter_landscape();
            self.full_frame()
        } else {
            frame
        };
        // Tables of the same kind in a row (the roadmap's horizon matrices) share one geometry,
        // so their year columns line up.
        if let Some((size, widths)) = self.shared_geometry(t, ncols, frame.width) {
            let p = prepare(t, ncols, &aligns, size);
            self.table_pieces(&p, &widths, frame, space);
            if switched {
                self.landscape = false;
                self.flow.push(Flow::Break { landscape: false });
            }
            return;
        }
        if !fits(&p, frame.width) {
            match shrink(&p, t, ncols, &aligns, frame.width) {
                Some(small) => p = small,
                None => {
                    // Even the smallest type does not keep every amount whole: the year
                    // columns go into two stacked tables, the row labels repeated.
                    if let Some((first, second)) = split_years(t) {
                        self.table_in(&first, frame, space);
                        self.table_in(&second, frame, style::PARA_SPACE);
                        if switched {
                            self.landscape = false;
                            self.flow.push(Flow::Break { landscape: false });
                        }
                        return;
                    }
                    p = prepare(t, ncols, &aligns, style::TABLE_MIN_SIZE);
                }
            }
        }
        keep_names_whole(t, &mut p, frame.width);
        let years = year_columns(t);
        let natural = even_years(&years, &mut p, frame.width);
        let mut widths = distribute(&p.mins, &p.maxs, frame.width);
        if !natural && !years.is_empty() {
            share_years(&years, &mut widths, &p.mins);
        }
        self.table_pieces(&p, &widths, frame, space);
        if switched {
            self.landscape = false;
            self.flow.push(Flow::Break { landscape: false });
        }
    }

    /// The type size and column widths shared by the group of same-kind tables `t` belongs to
    /// (see [`same_kind`]), computed once per frame width from all their rows together as if
    /// they were one table; `None` when `t` is in no group, or the group as one table would
    /// need its years split.
    fn shared_geometry(&mut self, t: &Table, ncols: usize, width: f32) -> Option<(f32, Vec<f32>)> {
        let shared = self.shared.as_mut()?;
        if !shared.contains(t) || shared.merged.head.len() != ncols {
            return None;
        }
        if let Some((w, size, widths)) = &shared.cache
            && (w - width).abs() < 0.01
        {
            return Some((*size, widths.clone()));
        }
        let m = &shared.merged;
        let aligns = alignments(m, ncols);
        let mut p = prepare(m, ncols, &aligns, style::TABLE_SIZE);
        if p.mins.iter().sum::<f32>() > width + 0.01 {
            p = shrink(&p, m, ncols, &aligns, width)?;
        }
        keep_names_whole(m, &mut p, width);
        let years = year_columns(m);
        let natural = even_years(&years, &mut p, width);
        let mut widths = distribute(&p.mins, &p.maxs, width);
        if !natural && !years.is_empty() {
            share_years(&years, &mut widths, &p.mins);
        }
        shared.cache = Some((width, p.size, widths.clone()));
        Some((p.size, widths))
    }

    /// A table set in the current frame without changing orientation (one of the two halves of
    /// a split table).
    fn table_in(&mut self, t: &Table, frame: Frame, space: f32) {
        let ncols = t.head.len().max(t.align.len());
        let aligns = alignments(t, ncols);
        let mut p = prepare(t, ncols, &aligns, style::TABLE_SIZE);
        if p.mins.iter().sum::<f32>() > frame.width + 0.01 {
            p = shrink(&p, t, ncols, &aligns, frame.width)
                .unwrap_or_else(|| prepare(t, ncols, &aligns, style::TABLE_MIN_SIZE));
        }
        let years = year_columns(t);
        let natural = even_years(&years, &mut p, frame.width);
        let mut widths = distribute(&p.mins, &p.maxs, frame.width);
        if !natural && !years.is_empty() {
            share_years(&years, &mut widths, &p.mins);
        }
        self.table_pieces(&p, &widths, frame, space);
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
                     top: f32,
                     foot: f32| {
            for (c, lines) in cells.iter_mut().enumerate() {
                let x = x_of.get(c).copied().unwrap_or(frame.x) + style::CELL_PAD_X;
                let end = to.min(lines.len());
                if from >= end {
                    continue;
                }
                // The signature cell sits at the foot of its row, under the room to sign.
                let top = if Some(c) == p.signing {
                    top + foot
                } else {
                    top
                };
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

        let start = self.flow.len();
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
            place(&mut piece, &mut cells, 0, n, pad_y, 0.0);
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
            // A signature row is as tall as the room to sign needs.
            let raise = (p.min_row - (n as f32 * leading + 2.0 * pad_y)).max(0.0);
            let mut from = 0;
            while from < n {
                let to = (from + cap_lines).min(n);
                let top = if from == 0 { pad_y } else { 0.0 };
                let bottom = if to == n { pad_y + raise } else { 0.0 };
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
                // Within a row that fits on a page, strips keep together; a table that breaks
                // leaves at least three body rows before the break and carries three after it.
                let edge = if nrows >= 6 {
                    r < 2 || r + 3 >= nrows
                } else {
                    nrows >= 4 && (r == 0 || r + 2 == nrows)
                };
                // (Rows kept together at the edges only while three of them fit half a page.)
                let short_row = n as f32 * leading * 3.0 <= body_h / 2.0;
                piece.keep_with_next =
                    n <= fits_lines && (to < n || (edge && short_row && r + 1 < nrows));
                if r % 2 == 1 {
                    piece.items.push(Item::Rect {
                        x: frame.x,
                        y: 0.0,
                        w: total,
                        h,
                        fill: style::TABLE_ZEBRA,
                    });
                }
                let foot = match p.signing.and_then(|c| cells.get(c)) {
                    Some(sign) if from == 0 && to == n => {
                        n.saturating_sub(sign.len()) as f32 * leading + raise
                    }
                    _ => 0.0,
                };
                place(&mut piece, &mut cells, from, to, top, foot);
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
        // A small table never breaks: short (a quarter of the page), or of a few rows and at
        // most half a page, it becomes one piece, moving whole to the next page.
        let height: f32 = self
            .flow
            .iter()
            .skip(start)
            .map(|f| match f {
                Flow::Piece(p) => p.height,
                Flow::Break { .. } => 0.0,
            })
            .sum();
        if height <= body_h / 4.0 || (nrows <= 6 && height <= body_h / 2.0) {
            self.merge_from(start);
        }
    }

    /// Join the pieces pushed since `start` (no breaks among them) into one unbreakable piece.
    fn merge_from(&mut self, start: usize) {
        if start >= self.flow.len() {
            return;
        }
        let tail = self.flow.split_off(start);
        let mut merged: Option<Piece> = None;
        for f in tail {
            let mut p = match f {
                Flow::Piece(p) => p,
                other => {
                    // Not expected in a table; keep the flow as it was.
                    if let Some(m) = merged.take() {
                        self.push(m);
                    }
                    self.flow.push(other);
                    continue;
                }
            };
            match &mut merged {
                None => merged = Some(p),
                Some(m) => {
                    let dy = m.height + p.space_before;
                    for mut item in std::mem::take(&mut p.items) {
                        translate(&mut item, 0.0, dy);
                        m.items.push(item);
                    }
                    for mut g in std::mem::take(&mut p.gotos) {
                        g.y += dy;
                        m.gotos.push(g);
                    }
                    m.height = dy + p.height;
                    m.keep_with_next = p.keep_with_next;
                }
            }
        }
        if let Some(mut m) = merged {
            m.repeat = None;
            self.push(m);
        }
    }
}

/// Tables of one kind that follow each other, to be set with one geometry.
pub(super) struct SharedTables {
    /// The group's tables as one: their common head row and all their rows.
    pub merged: Table,
    /// (frame width, type size, column widths) computed for the last frame width asked.
    pub cache: Option<(f32, f32, Vec<f32>)>,
    /// The member tables (by address: the block tree is not moved while it is laid out).
    members: Vec<*const Table>,
}

impl SharedTables {
    pub fn contains(&self, t: &Table) -> bool {
        self.members.contains(&std::ptr::from_ref(t))
    }
}

/// The group of same-kind tables starting at `blocks[0]`: that table and the following ones
/// with the same head row, when only headings below level 2, paragraphs (captions, notes)
/// and nothing else stand between them (the roadmap's matrices, one per horizon). `None` for
/// a table alone. Year tables only: the roadmap, budget and indicator kinds.
pub(super) fn same_kind(blocks: &[Block]) -> Option<SharedTables> {
    let Some(Block::Table(first)) = blocks.first() else {
        return None;
    };
    if year_columns(first).is_empty() {
        return None;
    }
    let mut merged = first.clone();
    let mut members = vec![std::ptr::from_ref(first)];
    for b in &blocks[1..] {
        match b {
            Block::Table(t) if t.head == first.head && t.align == first.align => {
                merged.rows.extend(t.rows.iter().cloned());
                members.push(std::ptr::from_ref(t));
            }
            Block::Heading { level, .. } if *level > 2 => {}
            Block::Paragraph(_) => {}
            _ => break,
        }
    }
    (members.len() >= 2).then_some(SharedTables {
        merged,
        cache: None,
        members,
    })
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
        // A column of long lists does not starve its neighbours: the name column (natural 200)
        // gets more than its minimum word (70) beside a 5000-point list column.
        let w = distribute(
            &[20.0, 60.0, 70.0, 50.0, 50.0, 80.0],
            &[20.0, 60.0, 200.0, 60.0, 5000.0, 80.0],
            450.0,
        );
        assert!((w.iter().sum::<f32>() - 450.0).abs() < 0.01);
        assert!(w[2] > 110.0, "{w:?}");
        assert!(
            w.iter()
                .zip([20.0, 60.0, 70.0, 50.0, 50.0, 80.0])
                .all(|(w, m)| *w >= m - 0.01)
        );
        // A minimum raised past the natural width (evened year columns) still holds.
        let w = distribute(&[50.0, 10.0, 10.0], &[20.0, 100.0, 30.0], 300.0);
        assert!(w[0] >= 50.0, "{w:?}");
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
