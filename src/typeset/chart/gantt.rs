//! The roadmap: a Mermaid `gantt` block drawn as a year grid with one bar per programme.
//!
//! Accepted syntax (a lenient subset of Mermaid's):
//! - `title <text>`; `dateFormat`, `axisFormat`, `excludes`, `todayMarker`, ... are read and
//!   ignored (years are always the unit); `inclusiveEndDates` makes end dates inclusive.
//! - `section <name>` starts a section (a dimension); its bars take the next palette colour.
//! - `<label> :[tags,] [id,] <start>, <end>` is a task. Tags (`crit`, `active`, `done`,
//!   `milestone`) may appear anywhere in the list; `crit` marks a quick win. `<start>` is a year
//!   (`2023`), a date (`2023-01-01`) or `after <id>...`; `<end>` is an exclusive year or date, a
//!   duration (`2y`, `18M`, `30d`) or `until <id>`. One value alone is an end after the previous
//!   task.
//! - `%% horizon: <label> <first year> <last year>` (inclusive) gives a horizon band;
//!   `%% quick-win: <label>` renames the legend entry for quick wins; other comments are ignored.

use super::{
    AXIS, ChartBlock, GRID, INK, MARK_EDGE, MUTED, fit, line, palette, quick_win_mark, rect, text,
    wrap2,
};
use crate::typeset::fonts::{self, FontId};
use crate::typeset::page::{Item, Rgb};

mod parse;

pub(super) use parse::{Gantt, Horizon, Task, parse};

const TITLE_SIZE: f32 = 9.5;
const TITLE_H: f32 = 17.0;
const LEGEND_SIZE: f32 = 7.0;
const LEGEND_LINE_H: f32 = 11.0;
const LANE_SIZE: f32 = 6.8;
const LANE_H: f32 = 12.0;
const LANE2_H: f32 = 19.0;
const LANE_LINE_GAP: f32 = 7.5;
const AXIS_SIZE: f32 = 7.0;
const AXIS_H: f32 = 13.0;
const SECTION_SIZE: f32 = 7.5;
const SECTION_H: f32 = 14.0;
const LABEL_SIZE: f32 = 7.0;
const ROW_H: f32 = 12.0;
const ROW2_H: f32 = 19.5;
const LINE_GAP: f32 = 8.0;
const BAR_H: f32 = 7.0;
const BOTTOM_PAD: f32 = 3.0;
const MARK_R: f32 = 3.4;

/// Band tints, lightest first (drawn widest first, so nested horizons darken inwards).
const BAND_TINTS: [Rgb; 3] = [
    Rgb(0.957, 0.965, 0.976),
    Rgb(0.918, 0.937, 0.957),
    Rgb(0.886, 0.910, 0.937),
];

/// The bar fill used for the quick-win legend sample.
const NEUTRAL: Rgb = Rgb(0.600, 0.635, 0.675);

enum Row {
    Section(usize),
    Task { task: usize, lines: Vec<String> },
}

impl Row {
    fn height(&self) -> f32 {
        match self {
            Row::Section(_) => SECTION_H,
            Row::Task { lines, .. } => {
                if lines.len() > 1 {
                    ROW2_H
                } else {
                    ROW_H
                }
            }
        }
    }
}

/// One horizon, placed: its band's x extent and its label lane.
struct Band {
    x0: f32,
    x1: f32,
    lane: usize,
    tint: Rgb,
    /// The label, on one or (in a narrow band) two lines: each line's left x and text.
    lines: Vec<(f32, String)>,
}

/// The horizons of a chart, placed, and their label lanes.
struct Bands {
    /// In drawing order (widest first).
    bands: Vec<Band>,
    /// Each lane's top and height, relative to the top of the header.
    lanes: Vec<(f32, f32)>,
    height: f32,
}

struct Geometry {
    width: f32,
    first: i32,
    /// Exclusive.
    last: i32,
    grid_x0: f32,
    grid_x1: f32,
    year_w: f32,
    label_w: f32,
}

impl Geometry {
    fn x(&self, year: i32) -> f32 {
        let y = year.clamp(self.first, self.last);
        self.grid_x0 + (y - self.first) as f32 * self.year_w
    }
}

pub(super) fn layout(g: &Gantt, width: f32, max_height: f32) -> Option<Vec<ChartBlock>> {
    if g.tasks.is_empty() {
        return None;
    }
    // The span: every task and every horizon.
    let mut first = i32::MAX;
    let mut last = i32::MIN;
    for t in &g.tasks {
        first = first.min(t.start);
        last = last.max(t.end);
    }
    for h in &g.horizons {
        first = first.min(h.first);
        last = last.max(h.last + 1);
    }
    let years = (last - first).max(1);

    // The label column: as wide as the longest label, within a fifth and two fifths of the width.
    let longest = g
        .tasks
        .iter()
        .map(|t| fonts::text_width(FontId::Regular, LABEL_SIZE, &t.label))
        .fold(0.0_f32, f32::max);
    let label_w = (longest + 10.0).clamp(0.2 * width, 0.4 * width);
    let grid_x0 = label_w;
    let grid_x1 = width - 2.0;
    let geo = Geometry {
        width,
        first,
        last: first + years,
        grid_x0,
        grid_x1,
        year_w: (grid_x1 - grid_x0) / years as f32,
        label_w,
    };

    let rows = build_rows(g, &geo);
    let bands = place_bands(g, &geo);
    let header_h = bands.height + AXIS_H;

    let mut intro = Vec::new();
    let intro_h = draw_intro(g, width, &mut intro);

    let mut blocks = Vec::new();
    // When the title and legend leave no room for the axis and a first row, they go alone into a
    // first block (only when the rows would fit under the axis in a block of their own).
    let first_row_h = rows.first().map_or(0.0, Row::height);
    if intro_h > 0.0
        && intro_h + header_h + first_row_h + BOTTOM_PAD > max_height
        && header_h + first_row_h + BOTTOM_PAD <= max_height
    {
        blocks.push(ChartBlock {
            width,
            height: intro_h,
            items: std::mem::take(&mut intro),
        });
    }
    let mut next = 0;
    while next < rows.len() {
        let is_first = blocks.is_empty();
        let top = if is_first { intro_h } else { 0.0 } + header_h;
        let available = max_height - top - BOTTOM_PAD;
        // Rows of this block: `None` is a repeated section header.
        let mut chosen: Vec<(Option<usize>, f32)> = Vec::new();
        let mut used = 0.0;
        if !is_first
            && let Some(Row::Task { task, .. }) = rows.get(next)
            && let Some(t) = g.tasks.get(*task)
            && g.sections.get(t.section).is_some_and(|s| !s.is_empty())
        {
            chosen.push((None, SECTION_H));
            used += SECTION_H;
        }
        let mut real = 0;
        while let Some(row) = rows.get(next) {
            let h = row.height();
            if real > 0 && used + h > available {
                break;
            }
            chosen.push((Some(next), h));
            used += h;
            real += 1;
            next += 1;
        }
        // Never leave a section header alone at the foot of a block.
        if real > 1
            && next < rows.len()
            && let Some((Some(i), h)) = chosen.last().copied()
            && matches!(rows.get(i), Some(Row::Section(_)))
        {
            chosen.pop();
            used -= h;
            next -= 1;
        }
        let height = top + used + BOTTOM_PAD;
        let mut items = Vec::new();
        let header_top = if is_first { intro_h } else { 0.0 };
        let body_top = header_top + header_h;
        draw_header(&geo, &bands, header_top, body_top + used, &mut items);
        if is_first {
            items.append(&mut intro);
        }
        let mut y = body_top;
        let mut previous_section = rows
            .get(chosen.iter().find_map(|c| c.0).unwrap_or(0))
            .and_then(|r| match r {
                Row::Task { task, .. } => g.tasks.get(*task).map(|t| t.section),
                Row::Section(s) => Some(*s),
            })
            .unwrap_or(0);
        for (k, (row, h)) in chosen.iter().enumerate() {
            match row.and_then(|i| rows.get(i)) {
                None => draw_section(g, &geo, previous_section, y, k == 0, &mut items),
                Some(Row::Section(s)) => {
                    previous_section = *s;
                    draw_section(g, &geo, *s, y, k == 0, &mut items);
                }
                Some(Row::Task { task, lines }) => {
                    if let Some(t) = g.tasks.get(*task) {
                        draw_task(t, lines, &geo, y, *h, &mut items);
                    }
                }
            }
            y += h;
        }
        blocks.push(ChartBlock {
            width,
            height,
            items,
        });
    }
    Some(blocks)
}

fn build_rows(g: &Gantt, geo: &Geometry) -> Vec<Row> {
    let mut rows = Vec::with_capacity(g.tasks.len() + g.sections.len());
    let mut current: Option<usize> = None;
    let label_max = (geo.label_w - 8.0).max(0.0);
    for (i, t) in g.tasks.iter().enumerate() {
        if current != Some(t.section) {
            current = Some(t.section);
            if g.sections.get(t.section).is_some_and(|s| !s.is_empty()) {
                rows.push(Row::Section(t.section));
            }
        }
        let lines = wrap2(FontId::Regular, LABEL_SIZE, &t.label, label_max);
        rows.push(Row::Task { task: i, lines });
    }
    rows
}

fn place_bands(g: &Gantt, geo: &Geometry) -> Bands {
    // Label lanes: a horizon goes to the first lane where nothing (band or label) reaches past
    // its start, so neither brackets nor labels sharing a lane ever overlap.
    let mut lane_ends: Vec<f32> = Vec::new();
    let mut bands: Vec<(Band, i32)> = Vec::with_capacity(g.horizons.len());
    // Labels that fit their band first, so they share the top lane; those running on over
    // their neighbours come after, on lanes of their own.
    let mut order: Vec<(bool, &Horizon)> = g
        .horizons
        .iter()
        .map(|h| {
            let w = fonts::text_width(FontId::Bold, LANE_SIZE, &h.label);
            (
                w > geo.x(h.last.saturating_add(1)) - geo.x(h.first) - 4.0,
                h,
            )
        })
        .collect();
    order.sort_by_key(|(over, _)| *over);
    for (_, h) in order {
        let x0 = geo.x(h.first);
        let x1 = geo.x(h.last.saturating_add(1));
        let lines = place_label(&h.label, x0, x1, geo.grid_x1);
        let reach = lines
            .iter()
            .map(|(x, t)| x + fonts::text_width(FontId::Bold, LANE_SIZE, t) + 2.0)
            .fold(x1, f32::max);
        let start = lines.iter().map(|(x, _)| *x - 2.0).fold(x0, f32::min);
        let lane = match lane_ends.iter().position(|end| *end <= start + 0.01) {
            Some(l) => l,
            None => {
                lane_ends.push(f32::MIN);
                lane_ends.len() - 1
            }
        };
        if let Some(end) = lane_ends.get_mut(lane) {
            *end = reach;
        }
        bands.push((
            Band {
                x0,
                x1,
                lane,
                tint: BAND_TINTS[0],
                lines,
            },
            h.last - h.first,
        ));
    }
    // Lane heights: two lines where some label in the lane needs them.
    let lane_count = lane_ends.len();
    let mut lanes = Vec::with_capacity(lane_count);
    let mut top = 0.0;
    for lane in 0..lane_count {
        let two = bands
            .iter()
            .any(|(b, _)| b.lane == lane && b.lines.len() > 1);
        let h = if two { LANE2_H } else { LANE_H };
        lanes.push((top, h));
        top += h;
    }
    // Widest first so that nested horizons stay visible; tints darken with each band drawn.
    bands.sort_by_key(|b| std::cmp::Reverse(b.1));
    let bands = bands
        .into_iter()
        .enumerate()
        .map(|(i, (mut band, _))| {
            band.tint = BAND_TINTS[i % BAND_TINTS.len()];
            band
        })
        .collect();
    Bands {
        bands,
        lanes,
        height: top,
    }
}

/// A horizon label's lines: centred on one line over its band. A label wider than its band
/// (a one-year "Jangka Pendek") stays on one line, centred on the band and running on over the
/// neighbouring years, kept between 0 and `free_x1`; [`place_bands`] then gives it a lane of its
/// own, so it never touches another band's bracket or label. Shortened if even that is too
/// little room.
fn place_label(label: &str, x0: f32, x1: f32, free_x1: f32) -> Vec<(f32, String)> {
    let width = |t: &str| fonts::text_width(FontId::Bold, LANE_SIZE, t);
    if label.is_empty() {
        return Vec::new();
    }
    let room = (free_x1 - 4.0).max(0.0);
    let text = fit(FontId::Bold, LANE_SIZE, label, room);
    if text.is_empty() {
        return Vec::new();
    }
    let w = width(&text);
    let left = ((x0 + x1 - w) / 2.0).min(free_x1 - 2.0 - w).max(2.0);
    vec![(left, text)]
}

/// Title and legend (first block only). Returns their height.
fn draw_intro(g: &Gantt, width: f32, items: &mut Vec<Item>) -> f32 {
    let mut y = 0.0;
    if let Some(title) = &g.title {
        let t = fit(FontId::Bold, TITLE_SIZE, title, width);
        items.push(text(
            0.0,
            fonts::ascent(FontId::Bold, TITLE_SIZE) + 1.0,
            FontId::Bold,
            TITLE_SIZE,
            INK,
            t,
        ));
        y += TITLE_H;
    }
    // Legend entries: one per section that has tasks (in order), then the quick-win mark.
    let mut has_tasks = vec![false; g.sections.len()];
    let mut any_quick_win = false;
    for t in &g.tasks {
        if let Some(h) = has_tasks.get_mut(t.section) {
            *h = true;
        }
        any_quick_win |= t.quick_win;
    }
    let mut entries: Vec<(Option<usize>, &str)> = g
        .sections
        .iter()
        .enumerate()
        .filter(|(i, name)| !name.is_empty() && has_tasks.get(*i).copied().unwrap_or(false))
        .map(|(i, name)| (Some(i), name.as_str()))
        .collect();
    if any_quick_win {
        entries.push((None, g.quick_win_label.as_str()));
    }
    if entries.is_empty() {
        return y;
    }
    const SWATCH_W: f32 = 12.0;
    const SWATCH_H: f32 = 6.0;
    let max_label = (width - SWATCH_W - 4.0).max(0.0);
    let baseline_offset = 8.0;
    let mut x = 0.0;
    let mut line_top = y;
    for (section, label) in entries {
        let label = fit(FontId::Regular, LEGEND_SIZE, label, max_label);
        let w = SWATCH_W + 3.0 + fonts::text_width(FontId::Regular, LEGEND_SIZE, &label);
        if x > 0.0 && x + w > width {
            x = 0.0;
            line_top += LEGEND_LINE_H;
        }
        let sy = line_top + baseline_offset - SWATCH_H + 0.5;
        match section {
            Some(s) => items.push(rect(x, sy, SWATCH_W, SWATCH_H, palette(s))),
            None => {
                items.push(rect(x, sy, SWATCH_W, SWATCH_H, NEUTRAL));
                outline(items, x, sy, SWATCH_W, SWATCH_H);
                quick_win_mark(items, x + SWATCH_W / 2.0, sy + SWATCH_H / 2.0, MARK_R);
            }
        }
        items.push(text(
            x + SWATCH_W + 3.0,
            line_top + baseline_offset,
            FontId::Regular,
            LEGEND_SIZE,
            INK,
            label,
        ));
        x += w + 10.0;
    }
    y = line_top + LEGEND_LINE_H + 4.0;
    y
}

/// Bands, grid, horizon lanes and the year axis of one block.
fn draw_header(geo: &Geometry, bands: &Bands, top: f32, bottom: f32, items: &mut Vec<Item>) {
    let axis_top = top + bands.height;
    let axis_bottom = axis_top + AXIS_H;
    for b in &bands.bands {
        items.push(rect(b.x0, top, b.x1 - b.x0, bottom - top, b.tint));
    }
    // Year labels: every `stride` years so that labels never collide.
    let label_w = fonts::text_width(FontId::Regular, AXIS_SIZE, &geo.first.to_string()).max(
        fonts::text_width(FontId::Regular, AXIS_SIZE, &geo.last.to_string()),
    );
    let stride = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000]
        .into_iter()
        .find(|s| *s as f32 * geo.year_w >= label_w + 3.0)
        .unwrap_or(10000);
    let grid_stride = if geo.year_w >= 2.5 { 1 } else { stride };
    // With a number per column the gridlines separate the numbers; with fewer numbers they start
    // under the axis so that no line crosses a number.
    let grid_top = if stride == 1 {
        axis_top + 2.0
    } else {
        axis_bottom
    };
    let mut year = geo.first;
    while year <= geo.last {
        let x = geo.x(year);
        if (year - geo.first) % grid_stride == 0 || year == geo.last {
            items.push(line(x, grid_top, x, bottom, 0.4, GRID));
        }
        if year < geo.last && (year - geo.first) % stride == 0 {
            let label = year.to_string();
            let w = fonts::text_width(FontId::Regular, AXIS_SIZE, &label);
            let centre = x + geo.year_w / 2.0;
            let lx = (centre - w / 2.0).clamp(geo.grid_x0, (geo.width - w).max(geo.grid_x0));
            items.push(text(
                lx,
                axis_bottom - 4.0,
                FontId::Regular,
                AXIS_SIZE,
                MUTED,
                label,
            ));
        }
        year += 1;
    }
    items.push(line(
        geo.grid_x0,
        axis_bottom - 0.5,
        geo.grid_x1,
        axis_bottom - 0.5,
        0.6,
        AXIS,
    ));
    // Horizon labels over a thin bracket showing each band's extent.
    for b in &bands.bands {
        let (lane_top, lane_h) = bands.lanes.get(b.lane).copied().unwrap_or((0.0, LANE_H));
        let lane_top = top + lane_top;
        let rule_y = lane_top + lane_h - 2.0;
        let (x0, x1) = (b.x0 + 1.5, b.x1 - 1.5);
        if x1 > x0 {
            // A label running on past its band would touch upward ticks: they point down.
            let over = b
                .lines
                .iter()
                .any(|(x, t)| *x < x0 || x + fonts::text_width(FontId::Bold, LANE_SIZE, t) > x1);
            let tick = if over { 1.5 } else { -2.0 };
            items.push(line(x0, rule_y, x1, rule_y, 0.5, MUTED));
            items.push(line(x0, rule_y + tick, x0, rule_y, 0.5, MUTED));
            items.push(line(x1, rule_y + tick, x1, rule_y, 0.5, MUTED));
        }
        // Lines sit at the foot of their lane, just above the bracket.
        let skip = if lane_h > LANE_H {
            2 - b.lines.len().min(2)
        } else {
            0
        };
        for (k, (x, label)) in b.lines.iter().enumerate() {
            items.push(text(
                *x,
                lane_top + 7.0 + (k + skip) as f32 * LANE_LINE_GAP,
                FontId::Bold,
                LANE_SIZE,
                MUTED,
                label.clone(),
            ));
        }
    }
}

fn draw_section(
    g: &Gantt,
    geo: &Geometry,
    section: usize,
    top: f32,
    first_in_block: bool,
    items: &mut Vec<Item>,
) {
    if !first_in_block {
        items.push(line(
            0.25,
            top + 0.5,
            geo.width - 0.25,
            top + 0.5,
            0.5,
            GRID,
        ));
    }
    let colour = palette(section);
    items.push(rect(0.0, top + 3.0, 3.0, SECTION_H - 5.0, colour));
    let name = g.sections.get(section).map(String::as_str).unwrap_or("");
    let name = fit(FontId::Bold, SECTION_SIZE, name, (geo.width - 8.0).max(0.0));
    items.push(text(
        6.0,
        top + SECTION_H - 4.0,
        FontId::Bold,
        SECTION_SIZE,
        INK,
        name,
    ));
}

fn draw_task(t: &Task, lines: &[String], geo: &Geometry, top: f32, h: f32, items: &mut Vec<Item>) {
    let cap = LABEL_SIZE * 0.68;
    let first_baseline = if lines.len() > 1 {
        top + (h - LINE_GAP + cap) / 2.0
    } else {
        top + (h + cap) / 2.0
    };
    for (k, l) in lines.iter().enumerate() {
        items.push(text(
            4.0,
            first_baseline + k as f32 * LINE_GAP,
            FontId::Regular,
            LABEL_SIZE,
            INK,
            l.clone(),
        ));
    }
    let x0 = geo.x(t.start) + 0.6;
    let x1 = geo.x(t.end) - 0.6;
    let w = (x1 - x0).max(0.8);
    let y = top + (h - BAR_H) / 2.0;
    items.push(rect(x0, y, w, BAR_H, palette(t.section)));
    if t.quick_win {
        outline(items, x0, y, w, BAR_H);
        let cx = if w >= 2.0 * MARK_R + 4.0 {
            x0 + MARK_R + 2.0
        } else {
            x0 + w / 2.0
        };
        let cx = cx.clamp(MARK_R, (geo.width - MARK_R).max(MARK_R));
        quick_win_mark(items, cx, y + BAR_H / 2.0, MARK_R);
    }
}

/// A dark rim drawn just inside a rectangle.
fn outline(items: &mut Vec<Item>, x: f32, y: f32, w: f32, h: f32) {
    const LW: f32 = 0.9;
    let half = LW / 2.0;
    let (l, r, t, b) = (x + half, x + w - half, y + half, y + h - half);
    if r <= l || b <= t {
        return;
    }
    items.push(line(l, t, r, t, LW, MARK_EDGE));
    items.push(line(l, b, r, b, LW, MARK_EDGE));
    items.push(line(l, t, l, b, LW, MARK_EDGE));
    items.push(line(r, t, r, b, LW, MARK_EDGE));
}

#[cfg(test)]
mod tests {
    use super::super::layout_mermaid;
    use super::super::testutil::{assert_inside, texts};
    use super::*;

    const ROADMAP: &str = "gantt
    title Peta Jalan Smart City Kabupaten Banggai 2023-2027
    dateFormat YYYY
    axisFormat %Y
    %% horizon: Jangka Pendek 2023 2023
    %% horizon: Jangka Menengah 2024 2027
    section Smart Governance
    SG-01 Sistem Pemerintahan Berbasis Elektronik :crit, sg01, 2023, 2025
    SG-02 Satu Data Banggai :sg02, 2024, 2027
    section Smart Branding
    SB-01 Portal Pariwisata Banggai :crit, sb01, 2023, 2024
    section Smart Economy
    SE-01 Pasar Digital UMKM :se01, 2025, 2028
";

    fn parsed(src: &str) -> Gantt {
        parse(src.lines().skip(1))
    }

    fn bars(block: &ChartBlock) -> Vec<(f32, f32, f32, f32, Rgb)> {
        block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, y, w, h, fill } if (*h - BAR_H).abs() < 1e-3 && *w > 0.0 => {
                    Some((*x, *y, *w, *h, *fill))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn parses_sections_tasks_quick_wins_and_horizons() {
        let g = parsed(ROADMAP);
        assert_eq!(
            g.title.as_deref(),
            Some("Peta Jalan Smart City Kabupaten Banggai 2023-2027")
        );
        assert_eq!(
            g.sections,
            ["Smart Governance", "Smart Branding", "Smart Economy"]
        );
        assert_eq!(g.tasks.len(), 4);
        let t = &g.tasks[0];
        assert_eq!(t.label, "SG-01 Sistem Pemerintahan Berbasis Elektronik");
        assert_eq!(t.id.as_deref(), Some("sg01"));
        assert_eq!(
            (t.start, t.end, t.section, t.quick_win),
            (2023, 2025, 0, true)
        );
        assert!(!g.tasks[1].quick_win);
        assert_eq!(g.tasks[2].section, 1);
        assert_eq!(g.tasks[3].section, 2);
        assert_eq!(
            g.horizons,
            [
                Horizon {
                    label: "Jangka Pendek".into(),
                    first: 2023,
                    last: 2023
                },
                Horizon {
                    label: "Jangka Menengah".into(),
                    first: 2024,
                    last: 2027
                }
            ]
        );
    }

    #[test]
    fn lenient_task_forms() {
        let g = parsed(
            "gantt
            section A
            No tags :x1, 2023, 2025
            Spaced   :  crit ,  x2 ,2024,2026
            Tags everywhere :active, crit, done, x3, 2023, 2024
            Dates :x4, 2023-01-01, 2025-01-01
            Mid-year end :x5, 2023-03-01, 2024-06-30
            Duration :x6, 2023, 3y
            Months :x7, 2023, 18M
            After :x8, after x1, 2027
            Two values :2026, 2028
            One value :2y
            Until :x9, 2023, until x8
            Milestone :milestone, m1, 2026, 2026
            Bad year :x10, 20x3, 2025
            Backwards :x11, 2026, 2024
            No data at all
            accTitle: not a task
            Label: with a colon :crit, c1, 2023, 2024
            Time of day :t1, 2023-01-01 10:00, 2024
            ",
        );
        let got: Vec<(&str, i32, i32, bool)> = g
            .tasks
            .iter()
            .map(|t| (t.label.as_str(), t.start, t.end, t.quick_win))
            .collect();
        assert_eq!(
            got,
            [
                ("No tags", 2023, 2025, false),
                ("Spaced", 2024, 2026, true),
                ("Tags everywhere", 2023, 2024, true),
                ("Dates", 2023, 2025, false),
                ("Mid-year end", 2023, 2025, false),
                ("Duration", 2023, 2026, false),
                ("Months", 2023, 2025, false),
                ("After", 2025, 2027, false),
                ("Two values", 2026, 2028, false),
                ("One value", 2028, 2030, false),
                ("Until", 2023, 2025, false),
                ("Milestone", 2026, 2027, false),
                ("Label: with a colon", 2023, 2024, true),
                ("Time of day", 2023, 2024, false),
            ]
        );
    }

    #[test]
    fn inclusive_end_dates_flag() {
        let g = parsed("gantt\ninclusiveEndDates\nA :a, 2023, 2024\n");
        assert_eq!((g.tasks[0].start, g.tasks[0].end), (2023, 2025));
    }

    #[test]
    fn tasks_before_any_section_get_an_unnamed_section() {
        let g = parsed("gantt\nA :2023, 2024\nsection S\nB :2023, 2024\n");
        assert_eq!(g.sections, ["", "S"]);
        assert_eq!(g.tasks[0].section, 0);
        assert_eq!(g.tasks[1].section, 1);
        let blocks = layout(&g, 400.0, 800.0).unwrap();
        // Only the named section has a header row and a legend entry.
        assert_eq!(texts(&blocks[0]).iter().filter(|t| **t == "S").count(), 2);
    }

    #[test]
    fn comments_other_than_horizons_are_ignored() {
        let g = parsed(
            "gantt\n%% a note\n%% horizon: bad\n%% horizon: X 2030 2025\n%% horizon: 2023 2024\n%%horizon:Jangka Panjang 2028 2032\n%% horizon: Tahap 1 2023\n%% horizon: Tahap 2 2024-2026\n%% quick-win: Quick Win (prioritas)\nA :2023,2024\n",
        );
        let got: Vec<(&str, i32, i32)> = g
            .horizons
            .iter()
            .map(|h| (h.label.as_str(), h.first, h.last))
            .collect();
        assert_eq!(
            got,
            [
                ("Jangka Panjang", 2028, 2032),
                ("Tahap 1", 2023, 2023),
                ("Tahap 2", 2024, 2026)
            ]
        );
        assert_eq!(g.quick_win_label, "Quick Win (prioritas)");
    }

    #[test]
    fn bars_are_proportional_to_years() {
        let g = parsed(ROADMAP);
        let blocks = layout(&g, 480.0, 2000.0).unwrap();
        assert_eq!(blocks.len(), 1);
        let block = &blocks[0];
        assert_inside(block);
        let bars = bars(block);
        assert_eq!(bars.len(), 4);
        // Span 2023..2028 (5 years); SG-01 runs 2 years, SB-01 one, SE-01 three.
        let year_w = (bars[0].2 + 1.2) / 2.0;
        assert!(((bars[2].2 + 1.2) - year_w).abs() < 0.01);
        assert!(((bars[3].2 + 1.2) - 3.0 * year_w).abs() < 0.01);
        // SG-02 starts one year after SG-01, SE-01 two years after.
        assert!((bars[1].0 - bars[0].0 - year_w).abs() < 0.01);
        assert!((bars[3].0 - bars[0].0 - 2.0 * year_w).abs() < 0.01);
        // The grid spans from the label column to the right edge.
        assert!((bars[0].0 - 0.6 + 5.0 * year_w - (480.0 - 2.0)).abs() < 0.01);
        // Coloured by section.
        assert_eq!(bars[0].4, palette(0));
        assert_eq!(bars[1].4, palette(0));
        assert_eq!(bars[2].4, palette(1));
        assert_eq!(bars[3].4, palette(2));
    }

    #[test]
    fn draws_axis_horizons_sections_and_legend() {
        let blocks = layout_mermaid(ROADMAP, 480.0, 2000.0).unwrap();
        let t = texts(&blocks[0]);
        for expected in [
            "Peta Jalan Smart City Kabupaten Banggai 2023-2027",
            "2023",
            "2027",
            "Jangka Pendek",
            "Jangka Menengah",
            "Smart Governance",
            "Smart Economy",
            "Quick win",
            "SG-02 Satu Data Banggai",
        ] {
            assert!(t.contains(&expected), "{expected} missing from {t:?}");
        }
        // Each year is labelled once, each section twice (legend and header row).
        assert_eq!(t.iter().filter(|s| **s == "2024").count(), 1);
        assert_eq!(t.iter().filter(|s| **s == "Smart Branding").count(), 2);
        // Quick wins: two bars, each with a dark rim (4 lines) and a mark; plus the legend sample.
        let rims = blocks[0]
            .items
            .iter()
            .filter(|i| matches!(i, Item::Line { color, .. } if *color == MARK_EDGE))
            .count();
        assert_eq!(rims, 3 * 4);
    }

    #[test]
    fn a_narrow_horizon_label_stays_on_one_line_clear_of_the_brackets() {
        // Ten years in a narrow chart: "Jangka Pendek" is far wider than its one-year band.
        let src = "gantt\n%% horizon: Jangka Pendek 2023 2023\n%% horizon: Jangka Menengah 2024 2027\n%% horizon: Jangka Panjang 2028 2032\nsection S\nA :a, 2023, 2032\n";
        let blocks = layout_mermaid(src, 300.0, 900.0).unwrap();
        let block = &blocks[0];
        assert_inside(block);
        let labels: Vec<(f32, f32, f32)> = block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x, y, size, text, ..
                } if *size == LANE_SIZE => {
                    Some((*x, x + fonts::text_width(FontId::Bold, LANE_SIZE, text), *y))
                }
                _ => None,
            })
            .collect();
        let t = texts(block);
        assert!(t.contains(&"Jangka Pendek"), "{t:?}");
        assert_eq!(labels.len(), 3, "{labels:?}");
        // No bracket line (muted, thin) passes through a label's box.
        for (x0, x1, base) in &labels {
            let (top, bottom) = (base - LANE_SIZE * 0.75, base + LANE_SIZE * 0.25);
            for item in &block.items {
                if let Item::Line {
                    x1: a,
                    y1,
                    x2: b,
                    y2,
                    width,
                    color,
                    ..
                } = item
                    && *color == MUTED
                    && *width <= 0.5
                {
                    let (lx0, lx1) = (a.min(*b), a.max(*b));
                    let (ly0, ly1) = (y1.min(*y2), y1.max(*y2));
                    let apart = lx1 < *x0 || lx0 > *x1 || ly1 < top || ly0 > bottom;
                    assert!(apart, "{item:?} touches the label at {x0}..{x1}, {base}");
                }
            }
        }
    }

    #[test]
    fn quick_win_legend_only_when_there_are_quick_wins() {
        let blocks = layout_mermaid("gantt\nsection S\nA :a, 2023, 2024\n", 400.0, 900.0).unwrap();
        assert!(!texts(&blocks[0]).contains(&"Quick win"));
    }

    #[test]
    fn long_labels_wrap_then_truncate_within_the_label_column() {
        let long = "Pengembangan Sistem Informasi Manajemen Kepegawaian Daerah Terintegrasi \
                    dengan Layanan Kependudukan dan Catatan Sipil serta Perizinan Terpadu";
        let src = format!(
            "gantt\nsection Smart Governance\n{long} :crit, a, 2023, 2025\nPendek :b, 2024, 2025\n"
        );
        let blocks = layout_mermaid(&src, 360.0, 900.0).unwrap();
        let block = &blocks[0];
        assert_inside(block);
        let grid_x0 = bars(block).iter().map(|b| b.0).fold(f32::MAX, f32::min) - 0.6;
        assert!(grid_x0 <= 0.4 * 360.0 + 0.01);
        let label_lines: Vec<(f32, &str)> = block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text {
                    x,
                    text,
                    font,
                    size,
                    ..
                } if *font == FontId::Regular && *size == LABEL_SIZE && *x == 4.0 => {
                    Some((x + fonts::text_width(*font, *size, text), text.as_str()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(label_lines.len(), 3, "{label_lines:?}");
        assert!(label_lines[1].1.ends_with('\u{2026}'));
        for (right, text) in &label_lines {
            assert!(
                *right <= grid_x0 - 2.0,
                "{text} reaches {right}, grid at {grid_x0}"
            );
        }
    }

    fn big_roadmap(tasks: usize) -> String {
        let mut s = String::from(
            "gantt\ntitle Peta Jalan\ndateFormat YYYY\n%% horizon: Jangka Pendek 2023 2023\n%% horizon: Jangka Menengah 2024 2027\n%% horizon: Jangka Panjang 2028 2032\n",
        );
        let sections = [
            "Smart Governance",
            "Smart Branding",
            "Smart Economy",
            "Smart Living",
            "Smart Society",
            "Smart Environment",
        ];
        let per = tasks.div_ceil(sections.len());
        let mut n = 0;
        for sec in sections {
            s.push_str(&format!("section {sec}\n"));
            for _ in 0..per {
                if n == tasks {
                    break;
                }
                let start = 2023 + (n % 10) as i32;
                let end = (start + 1 + (n % 3) as i32).min(2033);
                let crit = if n % 7 == 0 { "crit, " } else { "" };
                s.push_str(&format!(
                    "P{n:04} Program Pembangunan Nomor {n} di Kabupaten :{crit}p{n}, {start}, {end}\n"
                ));
                n += 1;
            }
        }
        s
    }

    #[test]
    fn tall_charts_split_into_blocks_that_repeat_the_axis() {
        let src = big_roadmap(300);
        let max_h = 500.0;
        let blocks = layout_mermaid(&src, 480.0, max_h).unwrap();
        assert!(blocks.len() > 3, "{}", blocks.len());
        let mut task_rows = 0;
        for (i, block) in blocks.iter().enumerate() {
            assert!(block.height <= max_h, "block {i} is {}", block.height);
            assert_inside(block);
            let t = texts(block);
            assert!(
                t.contains(&"2023") && t.contains(&"2032"),
                "block {i} lacks the axis"
            );
            assert!(
                t.contains(&"Jangka Panjang"),
                "block {i} lacks the horizons"
            );
            assert_eq!(t.contains(&"Peta Jalan"), i == 0);
            task_rows += t.iter().filter(|s| s.starts_with("P0")).count();
        }
        // Every task label appears exactly once (no row lost or split across blocks).
        assert_eq!(task_rows, 300);
        // A block that starts inside a section repeats that section's name first.
        let second = texts(&blocks[1]);
        assert!(second.iter().any(|s| s.starts_with("Smart ")), "{second:?}");
    }

    #[test]
    fn no_section_header_is_orphaned_at_a_block_foot() {
        let src = big_roadmap(120);
        for max_h in [180.0, 230.0, 260.0, 333.0, 410.0] {
            let blocks = layout_mermaid(&src, 420.0, max_h).unwrap();
            for block in &blocks[..blocks.len() - 1] {
                let last_text = block
                    .items
                    .iter()
                    .rev()
                    .find_map(|i| match i {
                        Item::Text { font, text, .. } => Some((*font, text.as_str())),
                        _ => None,
                    })
                    .unwrap();
                assert_eq!(last_text.0, FontId::Regular, "{last_text:?} at {max_h}");
            }
        }
    }

    #[test]
    fn a_legend_that_leaves_no_room_goes_alone_into_the_first_block() {
        let mut src = String::from("gantt\ntitle Peta Jalan\n");
        for s in 0..12 {
            src.push_str(&format!(
                "section Dimensi Nomor {s}\nP{s} :crit, p{s}, 2023, 2025\n"
            ));
        }
        let blocks = layout_mermaid(&src, 200.0, 110.0).unwrap();
        assert!(blocks.len() > 2);
        let first = texts(&blocks[0]);
        assert!(first.contains(&"Peta Jalan") && first.contains(&"Quick win"));
        assert!(!first.contains(&"2023"), "{first:?}");
        for b in &blocks {
            assert!(b.height <= 110.0, "{}", b.height);
            assert_inside(b);
        }
    }

    #[test]
    fn a_tiny_height_still_makes_progress() {
        let src = big_roadmap(20);
        let blocks = layout_mermaid(&src, 400.0, 10.0).unwrap();
        let labels: usize = blocks
            .iter()
            .map(|b| texts(b).iter().filter(|s| s.starts_with("P0")).count())
            .sum();
        assert_eq!(labels, 20);
        for b in &blocks {
            assert_inside(b);
        }
    }

    #[test]
    fn quick_win_marks_stay_inside_narrow_and_edge_bars() {
        let src = "gantt\nsection S\nA :crit, a, 2023, 2024\nB :crit, b, 2031, 2032\nC :crit, c, 1990, 2032\n";
        for width in [40.0, 90.0, 200.0, 600.0] {
            for block in layout_mermaid(src, width, 900.0).unwrap() {
                assert_inside(&block);
            }
        }
    }

    #[test]
    fn wide_spans_thin_out_the_axis_labels() {
        let src = "gantt\nA :a, 1900, 2100\n";
        let blocks = layout_mermaid(src, 300.0, 900.0).unwrap();
        assert_inside(&blocks[0]);
        let years: Vec<i32> = texts(&blocks[0])
            .iter()
            .filter_map(|s| s.parse().ok())
            .collect();
        assert!(years.len() >= 3 && years.len() <= 40, "{years:?}");
        // Labels never overlap.
        let xs: Vec<(f32, f32)> = blocks[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, text, .. } if text.parse::<i32>().is_ok() => {
                    Some((*x, x + fonts::text_width(FontId::Regular, AXIS_SIZE, text)))
                }
                _ => None,
            })
            .collect();
        for pair in xs.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "{pair:?}");
        }
    }

    #[test]
    fn nested_horizons_get_separate_label_lanes() {
        let src = "gantt\n%% horizon: Jangka Pendek 2023 2023\n%% horizon: Jangka Menengah 2023 2027\n%% horizon: Jangka Panjang 2023 2032\nA :a, 2023, 2024\n";
        let g = parsed(src);
        let geo_blocks = layout(&g, 500.0, 900.0).unwrap();
        assert_inside(&geo_blocks[0]);
        let lane_label_ys: Vec<f32> = geo_blocks[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { y, text, .. } if text.starts_with("Jangka") => Some(*y),
                _ => None,
            })
            .collect();
        assert_eq!(lane_label_ys.len(), 3);
        assert!(lane_label_ys[0] != lane_label_ys[1] && lane_label_ys[1] != lane_label_ys[2]);
        // Horizons extend the span: the axis runs to 2032.
        assert!(texts(&geo_blocks[0]).contains(&"2032"));
    }

    #[test]
    fn horizon_labels_in_a_lane_never_overlap() {
        let src = "gantt\n%% horizon: Jangka Pendek 2023 2023\n%% horizon: Jangka Menengah 2024 2027\n%% horizon: Jangka Panjang Sekali Dan Lebih Panjang Lagi 2028 2032\nA :a, 2023, 2033\n";
        for width in [120.0, 200.0, 300.0, 480.0, 700.0] {
            let blocks = layout_mermaid(src, width, 900.0).unwrap();
            let block = &blocks[0];
            assert_inside(block);
            let mut spans: Vec<(f32, f32, f32)> = block
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text {
                        x, y, font, text, ..
                    } if *font == FontId::Bold && text.starts_with("J") => {
                        Some((*y, *x, x + fonts::text_width(FontId::Bold, LANE_SIZE, text)))
                    }
                    _ => None,
                })
                .collect();
            assert!(!spans.is_empty());
            if width >= 200.0 {
                // Short horizon labels are shown whole (on one or two lines), never shortened.
                let t = texts(block);
                let pendek = t.contains(&"Jangka Pendek")
                    || (t.contains(&"Jangka") && t.contains(&"Pendek"));
                assert!(pendek, "{width}: {t:?}");
                assert!(t.contains(&"Jangka Menengah"), "{width}: {t:?}");
            }
            spans.sort_by(|a, b| a.partial_cmp(b).unwrap());
            for pair in spans.windows(2) {
                if pair[0].0 == pair[1].0 {
                    assert!(pair[0].2 <= pair[1].1 + 0.01, "{width}: {pair:?}");
                }
            }
        }
    }

    #[test]
    fn empty_or_broken_gantt_is_none() {
        assert!(layout_mermaid("gantt\n", 400.0, 900.0).is_none());
        assert!(layout_mermaid("gantt\ntitle T\nsection S\n", 400.0, 900.0).is_none());
        assert!(layout_mermaid("gantt\nA : nonsense, here\n:\n::::\n", 400.0, 900.0).is_none());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let inputs = [
            "gantt\nA :a, 0001, 9999\n",
            "gantt\nA :a, 9999, 9999\n",
            "gantt\nA :a, 2023, 99999999y\n",
            "gantt\nA :a, 2023, 1e40y\n",
            "gantt\nA :a, 2023, NaNy\n",
            "gantt\nA :a, after a, 2024\nB :2y\n",
            "gantt\n\u{0}\u{7}: , , ,\nsection \u{202e}\n\u{2026} :2023,2024\n",
            "gantt\n%% horizon: é 2023 2023\n%% horizon:\u{1F600}\nA :2023-13-45, 2024\n",
            "gantt\nsection ééééé\nÜ :crit,2023-1-1,2023-12-31\n",
        ];
        for src in inputs {
            for width in [40.0, 100.0, 480.0] {
                if let Some(blocks) = layout_mermaid(src, width, 300.0) {
                    for b in &blocks {
                        assert_inside(b);
                    }
                }
            }
        }
    }

    #[test]
    fn generated_roadmaps_stay_inside_their_blocks() {
        // A small deterministic generator: varied labels, spans, horizons, widths and heights.
        let mut seed: u64 = 0x2023_2032;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m.max(1)
        };
        let words = [
            "Sistem",
            "Informasi",
            "Layanan",
            "Digital",
            "Terpadu",
            "Kabupaten",
            "e-Gov",
            "Satu",
        ];
        for case in 0..60 {
            let mut src = String::from("gantt\ntitle Peta Jalan\n");
            for h in 0..next(4) {
                let first = 2020 + next(8) as i32;
                src.push_str(&format!(
                    "%% horizon: Jangka {h} {first} {}\n",
                    first + next(6) as i32
                ));
            }
            for sec in 0..1 + next(9) {
                src.push_str(&format!("section Dimensi {sec}\n"));
                for t in 0..next(12) {
                    let label: Vec<&str> =
                        (0..1 + next(14)).map(|_| words[next(8) as usize]).collect();
                    let start = 2015 + next(20) as i32;
                    let crit = if next(3) == 0 { "crit, " } else { "" };
                    src.push_str(&format!(
                        "{} :{crit}t{sec}x{t}, {start}, {}\n",
                        label.join(" "),
                        start + 1 + next(12) as i32
                    ));
                }
            }
            let width = 60.0 + next(700) as f32;
            let max_h = 120.0 + next(800) as f32;
            let Some(blocks) = layout_mermaid(&src, width, max_h) else {
                continue;
            };
            for (i, block) in blocks.iter().enumerate() {
                assert_inside(block);
                assert_eq!(block.width, width);
                // The axis (three lanes at most here), a repeated section row and the tallest row
                // always fit in 120 pt; only a title and legend alone can be taller (narrow widths).
                let intro_only = i == 0 && !texts(block).iter().any(|t| t.starts_with("20"));
                assert!(
                    block.height <= max_h || intro_only,
                    "case {case} block {i}: {} > {max_h}",
                    block.height
                );
            }
        }
    }

    #[test]
    fn deterministic() {
        let src = big_roadmap(200);
        assert_eq!(
            layout_mermaid(&src, 480.0, 600.0),
            layout_mermaid(&src, 480.0, 600.0)
        );
    }

    #[test]
    fn three_thousand_programmes_lay_out_quickly() {
        let src = big_roadmap(3000);
        // Warm the font metrics, built once per process.
        let _ = layout_mermaid("gantt\nA :2023, 2024\n", 480.0, 700.0);
        let start = std::time::Instant::now();
        let blocks = layout_mermaid(&src, 480.0, 700.0).unwrap();
        let elapsed = start.elapsed();
        eprintln!("3000-programme roadmap: {elapsed:?}");
        assert!(blocks.len() > 40);
        // Generous for a debug build on a shared machine; release is a few milliseconds.
        assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
    }
}
