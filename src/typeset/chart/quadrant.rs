//! The priority matrix: a Mermaid `quadrantChart` block drawn as four tinted quadrants with
//! one mark per point and its label placed where it overlaps nothing.
//!
//! Accepted syntax (Mermaid's, read leniently):
//! - `title <text>`;
//! - `x-axis <left text> --> <right text>` and `y-axis <bottom text> --> <top text>` (the right or
//!   top text optional);
//! - `quadrant-1 <text>` (top right), `quadrant-2` (top left), `quadrant-3` (bottom left),
//!   `quadrant-4` (bottom right);
//! - points `<name>: [x, y]` with x and y in 0..1, optionally with a class,
//!   `<name>:::quickwin: [x, y]`, and Mermaid styles after the bracket (ignored). A point of
//!   class `quickwin` is drawn with the quick-win mark (gold diamond);
//! - `%% point: <text>` and `%% quick-win: <text>`: the legend texts of the two marks;
//! - `classDef`, `accTitle`, `accDescr` and other comments are read and ignored.
//!
//! Labels: each point's label goes beside its mark (right, left, above, below, the diagonals,
//! then further out), at the first place that stays inside the plot and touches no mark, no other
//! label and no quadrant title. Points whose label finds no place (crowded cells) are gathered
//! into groups of nearby points; each group gets a number beside it, and the list beside the
//! chart names the group's points in full. The layout is deterministic.

use super::{
    AXIS, ChartBlock, ELLIPSIS, INK, MUTED, clean, fit, line, palette, quick_win_mark, rect, text,
    wrap2,
};
use crate::typeset::fonts::{self, FontId};
use crate::typeset::page::{Item, Rgb};

/// Points beyond this many are ignored.
const MAX_POINTS: usize = 2000;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Point {
    pub name: String,
    pub x: f32,
    pub y: f32,
    pub quick_win: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct QuadrantChart {
    pub title: Option<String>,
    pub x_left: Option<String>,
    pub x_right: Option<String>,
    pub y_bottom: Option<String>,
    pub y_top: Option<String>,
    /// quadrant-1..4.
    pub quadrants: [Option<String>; 4],
    pub points: Vec<Point>,
    pub point_label: Option<String>,
    pub quick_win_label: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Parsing.

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .map(|inner| inner.strip_suffix('"').unwrap_or(inner))
        .unwrap_or(s);
    clean(s)
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// `left --> right`, either part optional.
fn axis(rest: &str) -> (Option<String>, Option<String>) {
    match rest.split_once("-->") {
        Some((l, r)) => (some(unquote(l)), some(unquote(r))),
        None => (some(unquote(rest)), None),
    }
}

fn coordinate(s: &str) -> Option<f32> {
    let v: f32 = s.trim().parse().ok()?;
    (v.is_finite() && (0.0..=1.0).contains(&v)).then_some(v)
}

/// `name[:::class]: [x, y] [styles]`.
fn point(t: &str) -> Option<Point> {
    let open = t.find('[')?;
    let head = t[..open].trim_end().strip_suffix(':')?;
    let close = t[open..].find(']')? + open;
    let (x, y) = t[open + 1..close].split_once(',')?;
    let (x, y) = (coordinate(x)?, coordinate(y)?);
    let (name, class) = match head.split_once(":::") {
        Some((n, c)) => (n, Some(c.trim())),
        None => (head, None),
    };
    let name = unquote(name);
    if name.is_empty() {
        return None;
    }
    let quick_win = class.is_some_and(|c| {
        let c = c.to_ascii_lowercase().replace(['_', '-'], "");
        c == "quickwin"
    });
    Some(Point {
        name,
        x,
        y,
        quick_win,
    })
}

pub(super) fn parse<'a>(lines: impl Iterator<Item = &'a str>) -> QuadrantChart {
    let mut q = QuadrantChart::default();
    for raw in lines {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(comment) = t.strip_prefix("%%") {
            if let Some((key, value)) = comment.split_once(':') {
                match key.trim().to_ascii_lowercase().as_str() {
                    "point" => q.point_label = some(clean(value)),
                    "quick-win" => q.quick_win_label = some(clean(value)),
                    _ => {}
                }
            }
            continue;
        }
        let (keyword, rest) = match t.find(char::is_whitespace) {
            Some(i) => (&t[..i], t[i..].trim_start()),
            None => (t, ""),
        };
        match keyword.to_ascii_lowercase().as_str() {
            "title" => q.title = some(unquote(rest)),
            "x-axis" => (q.x_left, q.x_right) = axis(rest),
            "y-axis" => (q.y_bottom, q.y_top) = axis(rest),
            k @ ("quadrant-1" | "quadrant-2" | "quadrant-3" | "quadrant-4") => {
                let i = usize::from(k.as_bytes()[9] - b'1');
                if let Some(slot) = q.quadrants.get_mut(i) {
                    *slot = some(unquote(rest));
                }
            }
            "classdef" | "acctitle" | "accdescr" | "acctitle:" | "accdescr:" => {}
            _ => {
                if q.points.len() < MAX_POINTS
                    && let Some(p) = point(t)
                {
                    q.points.push(p);
                }
            }
        }
    }
    q
}

// ---------------------------------------------------------------------------------------------
// Layout.

const TITLE_SIZE: f32 = 9.5;
const TITLE_H: f32 = 18.0;
const QUADRANT_SIZE: f32 = 7.5;
const AXIS_SIZE: f32 = 7.0;
const LABEL_SIZE: f32 = 6.5;
const LIST_SIZE: f32 = 6.5;
const LIST_GAP: f32 = 8.5;
/// Radius of a programme's mark, and of the quick-win diamond.
const DOT_R: f32 = 3.0;
const DIAMOND_R: f32 = 4.4;
const AXIS_COLUMN: f32 = 50.0;
const SIDE_COLUMN: f32 = 150.0;
const GUTTER: f32 = 12.0;
/// How far a label may be nudged from its mark (further, it would seem to name a neighbour).
const LABEL_RINGS: &[f32] = &[1.5, 3.5];
/// How far a group's number may go from the group.
const KEY_RINGS: &[f32] = &[1.5, 4.0, 8.0, 14.0, 24.0];
/// Marks closer than this (horizontally and vertically) form one group.
const GROUP_DX: f32 = 12.5;
const GROUP_DY: f32 = 10.5;
/// Line distance in a group's label block.
const LINE_GAP: f32 = 7.5;
/// Rounds of placement at most (each numbers the groups whose names did not fit).
const MAX_ROUNDS: usize = 4;
/// Below this width the legend and the list go under the chart.
const SIDE_MIN_WIDTH: f32 = 420.0;

/// The quadrant tints: quadrant-1 (top right) .. quadrant-4 (bottom right).
const TINTS: [Rgb; 4] = [
    Rgb(0.890, 0.925, 0.957), // light blue   #E3ECF4
    Rgb(0.984, 0.937, 0.816), // light gold   #FBEFD0
    Rgb(0.910, 0.937, 0.894), // light green  #E8EFE4
    Rgb(0.957, 0.894, 0.871), // light clay   #F4E4DE
];

/// A box: (x0, y0, x1, y1).
type Box = (f32, f32, f32, f32);

fn overlaps(a: &Box, b: &Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inflate(b: &Box, by: f32) -> Box {
    (b.0 - by, b.1 - by, b.2 + by, b.3 + by)
}

/// The box of a text whose baseline starts at (x, y).
fn text_box(font: FontId, size: f32, x: f32, y: f32, s: &str) -> Box {
    (
        x,
        y - fonts::ascent(font, size),
        x + fonts::text_width(font, size, s),
        y + fonts::descent(font, size),
    )
}

/// Where a `w` x `h` label may go around `anchor`, nearest first: right, left, above, below,
/// then the diagonals, on rings further and further out. Returns top-left corners.
fn candidates(anchor: &Box, w: f32, h: f32, rings: &[f32]) -> Vec<(f32, f32)> {
    let (x0, y0, x1, y1) = *anchor;
    let cy = (y0 + y1) / 2.0 - h / 2.0;
    let cx = (x0 + x1) / 2.0 - w / 2.0;
    let mut out = Vec::new();
    for &d in rings {
        out.extend([
            (x1 + d, cy),
            (x0 - d - w, cy),
            (cx, y0 - d - h),
            (cx, y1 + d),
            (x1 + d, y0 - d - h * 0.6),
            (x1 + d, y1 + d - h * 0.4),
            (x0 - d - w, y0 - d - h * 0.6),
            (x0 - d - w, y1 + d - h * 0.4),
        ]);
    }
    out
}

/// The first candidate around `anchor` where a `w` x `h` box lies inside `area` and clear of
/// every box in `taken`, on the given `rings` (distances from the anchor).
fn place(anchor: &Box, w: f32, h: f32, rings: &[f32], area: &Box, taken: &[Box]) -> Option<Box> {
    candidates(anchor, w, h, rings)
        .into_iter()
        .find_map(|(x, y)| {
            let b = (x, y, x + w, y + h);
            let inside = b.0 >= area.0 && b.1 >= area.1 && b.2 <= area.2 && b.3 <= area.3;
            (inside && !taken.iter().any(|t| overlaps(&inflate(t, 0.6), &b))).then_some(b)
        })
}

/// A filled disc (a programme's mark) from horizontal slices.
fn disc(items: &mut Vec<Item>, cx: f32, cy: f32, r: f32, fill: Rgb) {
    const SLICES: usize = 8;
    let h = 2.0 * r / SLICES as f32;
    for i in 0..SLICES {
        let top = cy - r + i as f32 * h;
        let mid = top + h / 2.0 - cy;
        let half = (r * r - mid * mid).max(0.0).sqrt();
        items.push(rect(cx - half, top, 2.0 * half, h + 0.05_f32.min(h), fill));
    }
}

fn mark(items: &mut Vec<Item>, cx: f32, cy: f32, quick_win: bool) {
    if quick_win {
        quick_win_mark(items, cx, cy, DIAMOND_R);
    } else {
        disc(items, cx, cy, DOT_R + 0.6, Rgb(1.0, 1.0, 1.0));
        disc(items, cx, cy, DOT_R, palette(0));
    }
}

fn mark_box(cx: f32, cy: f32, quick_win: bool) -> Box {
    let r = if quick_win { DIAMOND_R } else { DOT_R + 0.6 };
    (cx - r, cy - r, cx + r, cy + r)
}

/// Where a number goes when no place is free (more points in one spot than the plot can number
/// clear of each other): just right of the group, inside the plot.
fn beside(group: &Box, w: f32, h: f32, plot: &Box) -> Box {
    let x = (group.2 + 1.5).min(plot.2 - w).max(plot.0);
    let y = ((group.1 + group.3) / 2.0 - h / 2.0)
        .min(plot.3 - h)
        .max(plot.1);
    (x, y, x + w, y + h)
}

/// The box around a group's marks.
fn group_box(members: &[usize], marks: &[Box]) -> Box {
    members.iter().fold(marks[members[0]], |b, &i| {
        let m = marks[i];
        (b.0.min(m.0), b.1.min(m.1), b.2.max(m.2), b.3.max(m.3))
    })
}

/// Union-find root.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

pub(super) fn layout(q: &QuadrantChart, width: f32, max_height: f32) -> Option<ChartBlock> {
    if q.points.is_empty() {
        return None;
    }
    let side = width >= SIDE_MIN_WIDTH;
    let axis_column = AXIS_COLUMN.min(width * 0.25);
    let plot_w = if side {
        (width - axis_column - GUTTER - SIDE_COLUMN).min(330.0)
    } else {
        (width - axis_column - 2.0).max(10.0)
    };
    let title_h = if q.title.is_some() { TITLE_H } else { 4.0 };
    let x_axis_h = 14.0;
    let plot_h = (plot_w * 0.8)
        .min(max_height - title_h - x_axis_h - 2.0)
        .max(60.0);
    let px0 = axis_column;
    let px1 = px0 + plot_w;
    let py0 = title_h;
    let py1 = py0 + plot_h;
    let mid_x = (px0 + px1) / 2.0;
    let mid_y = (py0 + py1) / 2.0;
    let plot: Box = (px0, py0, px1, py1);

    let mut items: Vec<Item> = Vec::new();
    // Title, centred over the plot (first, so the SVG takes it as its title).
    if let Some(title) = &q.title {
        let t = fit(FontId::Bold, TITLE_SIZE, title, width);
        let w = fonts::text_width(FontId::Bold, TITLE_SIZE, &t);
        let x = (mid_x - w / 2.0).clamp(0.0, (width - w).max(0.0));
        items.push(text(
            x,
            fonts::ascent(FontId::Bold, TITLE_SIZE) + 1.0,
            FontId::Bold,
            TITLE_SIZE,
            INK,
            t,
        ));
    }

    // Quadrants: tinted, separated by a white gutter; their titles at the top centre.
    let pad = 1.0;
    let areas: [Box; 4] = [
        (mid_x + pad, py0, px1, mid_y - pad),
        (px0, py0, mid_x - pad, mid_y - pad),
        (px0, mid_y + pad, mid_x - pad, py1),
        (mid_x + pad, mid_y + pad, px1, py1),
    ];
    let mut taken: Vec<Box> = Vec::new();
    for (i, a) in areas.iter().enumerate() {
        items.push(rect(a.0, a.1, a.2 - a.0, a.3 - a.1, TINTS[i]));
    }
    for (i, a) in areas.iter().enumerate() {
        let Some(title) = &q.quadrants[i] else {
            continue;
        };
        let t = fit(FontId::Bold, QUADRANT_SIZE, title, a.2 - a.0 - 6.0);
        let w = fonts::text_width(FontId::Bold, QUADRANT_SIZE, &t);
        let x = (a.0 + a.2 - w) / 2.0;
        let y = a.1 + 4.0 + fonts::ascent(FontId::Bold, QUADRANT_SIZE);
        taken.push(text_box(FontId::Bold, QUADRANT_SIZE, x, y, &t));
        items.push(text(x, y, FontId::Bold, QUADRANT_SIZE, MUTED, t));
    }
    items.push(line(px0, py1, px1, py1, 0.6, AXIS));
    items.push(line(px0, py0, px0, py1, 0.6, AXIS));

    // Marks, kept inside the plot.
    let inset = DIAMOND_R + 1.0;
    let centres: Vec<(f32, f32)> = q
        .points
        .iter()
        .map(|p| {
            (
                (px0 + p.x * plot_w).clamp(px0 + inset, px1 - inset),
                (py1 - p.y * plot_h).clamp(py0 + inset, py1 - inset),
            )
        })
        .collect();
    let marks: Vec<Box> = q
        .points
        .iter()
        .zip(&centres)
        .map(|(p, c)| mark_box(c.0, c.1, p.quick_win))
        .collect();
    taken.extend(marks.iter().copied());

    // Groups: points whose marks nearly touch (programmes sharing a cell, spread around its
    // centre) are labelled together, one block of names beside the group.
    let mut parent: Vec<usize> = (0..q.points.len()).collect();
    let mut by_x: Vec<usize> = (0..q.points.len()).collect();
    by_x.sort_by(|&a, &b| centres[a].0.total_cmp(&centres[b].0).then(a.cmp(&b)));
    for (k, &a) in by_x.iter().enumerate() {
        for &b in &by_x[k + 1..] {
            if centres[b].0 - centres[a].0 > GROUP_DX {
                break;
            }
            if (centres[a].1 - centres[b].1).abs() <= GROUP_DY {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; q.points.len()];
    for i in 0..q.points.len() {
        let r = root(&mut parent, i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of[r]].push(i);
    }

    // Each group's names beside it where they fit, else a number beside it and the names in
    // the list. Numbers are small and placed first, so that a crowd of names never leaves a
    // number without room: the groups whose names did not fit are numbered, and the placement
    // is redone until no more names fail (a few rounds at most).
    let asc = fonts::ascent(FontId::Regular, LABEL_SIZE);
    let label_h = asc + fonts::descent(FontId::Regular, LABEL_SIZE);
    let blocks: Vec<(Vec<String>, f32, f32)> = groups
        .iter()
        .map(|members| {
            let names: Vec<&str> = members.iter().map(|&i| q.points[i].name.as_str()).collect();
            let lines = wrap_words(&names.join(", "), (plot_w / 4.0).max(30.0));
            let w = lines
                .iter()
                .map(|l| fonts::text_width(FontId::Regular, LABEL_SIZE, l))
                .fold(0.0_f32, f32::max);
            let h = label_h + (lines.len() as f32 - 1.0) * LINE_GAP;
            (lines, w, h)
        })
        .collect();
    let base = taken;
    let mut numbered = vec![false; groups.len()];
    let mut round = 0;
    let (placed, keys, unplaced) = loop {
        round += 1;
        let mut taken = base.clone();
        let mut keys: Vec<(Box, String)> = Vec::new();
        let unplaced: Vec<usize> = (0..groups.len()).filter(|&g| numbered[g]).collect();
        for (k, &g) in unplaced.iter().enumerate() {
            let bbox = group_box(&groups[g], &marks);
            let key = (k + 1).to_string();
            let w = fonts::text_width(FontId::Bold, LABEL_SIZE, &key);
            let b = place(&bbox, w, label_h, KEY_RINGS, &plot, &taken)
                .unwrap_or_else(|| beside(&bbox, w, label_h, &plot));
            taken.push(b);
            keys.push((b, key));
        }
        let mut placed: Vec<(Box, Vec<String>)> = Vec::new();
        let mut failed = false;
        for (g, members) in groups.iter().enumerate() {
            if numbered[g] {
                continue;
            }
            let (lines, w, h) = &blocks[g];
            match place(
                &group_box(members, &marks),
                *w,
                *h,
                LABEL_RINGS,
                &plot,
                &taken,
            ) {
                Some(b) => {
                    taken.push(b);
                    placed.push((b, lines.clone()));
                }
                None => {
                    numbered[g] = true;
                    failed = true;
                }
            }
        }
        // The last round keeps what it placed; its new failures get numbers after the names
        // (so hostile input cannot make the rounds run on).
        if failed && round >= MAX_ROUNDS {
            let mut keys = keys;
            let mut unplaced = unplaced;
            for g in 0..groups.len() {
                if numbered[g] && !unplaced.contains(&g) {
                    let bbox = group_box(&groups[g], &marks);
                    let key = (unplaced.len() + 1).to_string();
                    let w = fonts::text_width(FontId::Bold, LABEL_SIZE, &key);
                    let b = place(&bbox, w, label_h, KEY_RINGS, &plot, &taken)
                        .unwrap_or_else(|| beside(&bbox, w, label_h, &plot));
                    taken.push(b);
                    keys.push((b, key));
                    unplaced.push(g);
                }
            }
            break (placed, keys, unplaced);
        }
        if !failed {
            break (placed, keys, unplaced);
        }
    };

    for (p, c) in q.points.iter().zip(&centres) {
        mark(&mut items, c.0, c.1, p.quick_win);
    }
    for (b, lines) in placed {
        for (k, l) in lines.into_iter().enumerate() {
            let y = b.1 + asc + k as f32 * LINE_GAP;
            items.push(text(b.0, y, FontId::Regular, LABEL_SIZE, INK, l));
        }
    }
    for (b, key) in &keys {
        items.push(text(
            b.0,
            b.1 + asc,
            FontId::Bold,
            LABEL_SIZE,
            INK,
            key.clone(),
        ));
    }

    // Axis texts: the y-axis's in the left column (top and bottom), the x-axis's under the plot.
    let axis_lines = |s: &str| wrap2(FontId::Regular, AXIS_SIZE, s, (axis_column - 6.0).max(0.0));
    let axis_asc = fonts::ascent(FontId::Regular, AXIS_SIZE);
    if let Some(top) = &q.y_top {
        for (k, l) in axis_lines(top).into_iter().enumerate() {
            let w = fonts::text_width(FontId::Regular, AXIS_SIZE, &l);
            let y = py0 + axis_asc + 1.0 + k as f32 * 8.5;
            items.push(text(
                (px0 - 5.0 - w).max(0.0),
                y,
                FontId::Regular,
                AXIS_SIZE,
                MUTED,
                l,
            ));
        }
    }
    if let Some(bottom) = &q.y_bottom {
        let lines = axis_lines(bottom);
        let n = lines.len() as f32;
        for (k, l) in lines.into_iter().enumerate() {
            let w = fonts::text_width(FontId::Regular, AXIS_SIZE, &l);
            let y = py1 - 2.0 - (n - 1.0 - k as f32) * 8.5;
            items.push(text(
                (px0 - 5.0 - w).max(0.0),
                y,
                FontId::Regular,
                AXIS_SIZE,
                MUTED,
                l,
            ));
        }
    }
    let x_base = py1 + 3.0 + axis_asc;
    let half = plot_w / 2.0 - 4.0;
    if let Some(left) = &q.x_left {
        let l = fit(FontId::Regular, AXIS_SIZE, left, half);
        items.push(text(px0, x_base, FontId::Regular, AXIS_SIZE, MUTED, l));
    }
    if let Some(right) = &q.x_right {
        let l = fit(FontId::Regular, AXIS_SIZE, right, half);
        let w = fonts::text_width(FontId::Regular, AXIS_SIZE, &l);
        items.push(text(px1 - w, x_base, FontId::Regular, AXIS_SIZE, MUTED, l));
    }

    // Legend and the list of numbered groups: beside the plot, or under it when narrow.
    let (col_x, col_w, mut y) = if side {
        (px1 + GUTTER, width - px1 - GUTTER, py0 + 2.0)
    } else {
        (0.0, width, py1 + x_axis_h + 4.0)
    };
    let list_asc = fonts::ascent(FontId::Regular, LIST_SIZE);
    let legend_text = |items: &mut Vec<Item>, y: f32, s: &str| {
        items.push(text(
            col_x + 12.0,
            y + list_asc,
            FontId::Regular,
            LIST_SIZE,
            INK,
            fit(FontId::Regular, LIST_SIZE, s, (col_w - 12.0).max(0.0)),
        ));
    };
    let centre_y = y + list_asc / 2.0 + 1.0;
    mark(&mut items, col_x + DIAMOND_R, centre_y, false);
    legend_text(&mut items, y, q.point_label.as_deref().unwrap_or("Program"));
    y += 11.0;
    if q.points.iter().any(|p| p.quick_win) {
        let centre_y = y + list_asc / 2.0 + 1.0;
        mark(&mut items, col_x + DIAMOND_R, centre_y, true);
        legend_text(
            &mut items,
            y,
            q.quick_win_label.as_deref().unwrap_or("Quick win"),
        );
        y += 11.0;
    }
    if !unplaced.is_empty() {
        y += 4.0;
    }
    let key_w = fonts::text_width(FontId::Bold, LIST_SIZE, &unplaced.len().to_string()) + 4.0;
    'list: for (g, &group) in unplaced.iter().enumerate() {
        let names: Vec<&str> = groups[group]
            .iter()
            .map(|&i| q.points[i].name.as_str())
            .collect();
        let lines = wrap_words(&names.join(", "), (col_w - key_w).max(10.0));
        items.push(text(
            col_x,
            y + list_asc,
            FontId::Bold,
            LIST_SIZE,
            INK,
            (g + 1).to_string(),
        ));
        for l in lines {
            // A list taller than the page is cut (the quadrant table names every programme).
            let last_fits = y + 2.0 * LIST_GAP + 2.0 <= max_height;
            let l = if last_fits { l } else { ELLIPSIS.to_string() };
            items.push(text(
                col_x + key_w,
                y + list_asc,
                FontId::Regular,
                LIST_SIZE,
                INK,
                l,
            ));
            y += LIST_GAP;
            if !last_fits {
                break 'list;
            }
        }
        y += 1.5;
    }
    let height = (py1 + x_axis_h).max(y + 2.0);
    let used_w = if side { width } else { px1 + 2.0 };
    Some(ChartBlock {
        width: used_w.min(width),
        height,
        items,
    })
}

/// `text` broken at spaces into lines at most `max_width` wide (a word too long for a line is
/// shortened with "…"). Every word is kept: the list must name every point.
fn wrap_words(text: &str, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fonts::text_width(FontId::Regular, LIST_SIZE, &candidate) <= max_width {
            current = candidate;
        } else {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            current = fit(FontId::Regular, LIST_SIZE, word, max_width);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::layout_mermaid;
    use super::super::testutil::{assert_inside, bounds, texts};
    use super::super::{MARK, palette};
    use super::*;

    const MATRIX: &str = "quadrantChart
    title Matriks Prioritas Program
    x-axis Upaya rendah --> Upaya tinggi
    y-axis Dampak rendah --> Dampak tinggi
    quadrant-1 Proyek besar
    quadrant-2 Quick win
    quadrant-3 Pelengkap
    quadrant-4 Pertimbangkan ulang
    %% point: Program
    %% quick-win: Program quick win
    classDef quickwin color: #f5c142, radius: 7
    GOV-01:::quickwin: [0.25, 0.75]
    GOV-02: [0.75, 0.75]
    ECO-01: [0.417, 0.917] radius: 4
    LIV-01: [0.75, 0.25]
";

    fn parsed(src: &str) -> QuadrantChart {
        parse(src.lines().skip(1))
    }

    /// The label texts (6.5 pt regular or bold) and the marks' boxes.
    fn labels_and_marks(block: &ChartBlock) -> (Vec<(Box, String)>, Vec<Box>) {
        let labels = block
            .items
            .iter()
            .filter_map(|i| match i {
                // Left of the side column: the labels in the plot.
                Item::Text {
                    x,
                    size,
                    color,
                    text,
                    ..
                } if *size == LABEL_SIZE && *color == INK && *x < block.width - SIDE_COLUMN => {
                    Some((bounds(i), text.clone()))
                }
                _ => None,
            })
            .collect();
        let marks = block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { fill, .. } if *fill == palette(0) || *fill == MARK => Some(bounds(i)),
                _ => None,
            })
            .collect();
        (labels, marks)
    }

    #[test]
    fn parses_mermaid_quadrant_syntax() {
        let q = parsed(MATRIX);
        assert_eq!(q.title.as_deref(), Some("Matriks Prioritas Program"));
        assert_eq!(q.x_left.as_deref(), Some("Upaya rendah"));
        assert_eq!(q.x_right.as_deref(), Some("Upaya tinggi"));
        assert_eq!(q.y_bottom.as_deref(), Some("Dampak rendah"));
        assert_eq!(q.y_top.as_deref(), Some("Dampak tinggi"));
        assert_eq!(q.quadrants[1].as_deref(), Some("Quick win"));
        assert_eq!(q.quadrants[3].as_deref(), Some("Pertimbangkan ulang"));
        assert_eq!(q.point_label.as_deref(), Some("Program"));
        assert_eq!(q.quick_win_label.as_deref(), Some("Program quick win"));
        assert_eq!(q.points.len(), 4);
        assert_eq!(
            q.points[0],
            Point {
                name: "GOV-01".into(),
                x: 0.25,
                y: 0.75,
                quick_win: true
            }
        );
        assert!(!q.points[1].quick_win);
        assert_eq!((q.points[2].x, q.points[2].y), (0.417, 0.917));
        // Out of range, unreadable or nameless points are skipped.
        let q = parsed(
            "quadrantChart\nA: [1.5, 0.2]\nB: [x, 0.2]\n: [0.1, 0.1]\nC [0.1, 0.1]\n\"D E\": [0, 1]\n",
        );
        assert_eq!(q.points.len(), 1);
        assert_eq!(q.points[0].name, "D E");
    }

    #[test]
    fn points_sit_in_their_quadrants_with_their_labels() {
        let block = &layout_mermaid(MATRIX, 450.0, 600.0).unwrap()[0];
        assert_inside(block);
        let t = texts(block);
        for expected in [
            "Matriks Prioritas Program",
            "Quick win",
            "Proyek besar",
            "Pelengkap",
            "Pertimbangkan ulang",
            "GOV-01",
            "GOV-02",
            "ECO-01",
            "LIV-01",
            "Program quick win",
            "Upaya rendah",
            "Dampak tinggi",
        ] {
            assert!(t.contains(&expected), "{expected} missing from {t:?}");
        }
        // The quick win has the gold mark, the others the navy disc.
        let gold = block
            .items
            .iter()
            .filter(|i| matches!(i, Item::Rect { fill, .. } if *fill == MARK))
            .count();
        assert!(gold > 0);
        let (labels, marks) = labels_and_marks(block);
        // GOV-01 (x 0.25) is left of GOV-02 (x 0.75); LIV-01 (y 0.25) below GOV-02.
        let at = |name: &str| labels.iter().find(|(_, n)| n == name).unwrap().0;
        assert!(at("GOV-01").0 < at("GOV-02").0);
        assert!(at("LIV-01").1 > at("GOV-02").1);
        for (a, (la, _)) in labels.iter().enumerate() {
            for (lb, _) in &labels[a + 1..] {
                assert!(!overlaps(la, lb), "labels overlap");
            }
            for m in &marks {
                assert!(
                    !overlaps(la, m),
                    "a label covers a mark: {la:?} {m:?} {labels:?}"
                );
            }
        }
    }

    #[test]
    fn crowded_points_are_numbered_and_listed_beside_the_chart() {
        let mut src = String::from("quadrantChart\nquadrant-2 Quick win\n");
        // One shared cell (a group labelled as one block) and a dense field of points too
        // close for their names.
        for i in 0..5 {
            src.push_str(&format!(
                "ECO-{i:02}: [{:.3}, 0.9]\n",
                0.72 + i as f32 * 0.035
            ));
        }
        // Every (impact, effort) cell of a 1..5 scale with four programmes, spread around the
        // cell centre as the plan spreads them: 100 points.
        let mut n = 0;
        for impact in 1..=5 {
            for effort in 1..=5 {
                for k in 0..4 {
                    let x = (effort as f32 + 0.5) / 6.0 + (k % 2) as f32 * 0.035 - 0.0175;
                    let y = (impact as f32 + 0.5) / 6.0 + (k / 2) as f32 * 0.035 - 0.0175;
                    src.push_str(&format!("GOV-{n:02}: [{x:.3}, {y:.3}]\n"));
                    n += 1;
                }
            }
        }
        let block = &layout_mermaid(&src, 450.0, 600.0).unwrap()[0];
        assert_inside(block);
        let (labels, marks) = labels_and_marks(block);
        for (a, (la, _)) in labels.iter().enumerate() {
            for (lb, _) in &labels[a + 1..] {
                assert!(!overlaps(la, lb), "labels overlap: {labels:?}");
            }
            for m in &marks {
                assert!(
                    !overlaps(la, m),
                    "a label covers a mark: {la:?} {m:?} {labels:?}"
                );
            }
        }
        // Every point is named: beside its mark, or in the list.
        let all = texts(block).join(" ");
        for i in 0..n {
            assert!(
                all.contains(&format!("GOV-{i:02}")),
                "GOV-{i:02} missing: {all}"
            );
        }
        // The shared cell is one block beside its marks.
        assert!(
            texts(block).iter().any(|t| t.starts_with("ECO-00, ECO-01")),
            "{all}"
        );
        assert!(texts(block).contains(&"1"), "a group number: {all}");
        // The list is in the side column, right of the plot.
        let listed = block.items.iter().any(|i| {
            matches!(i, Item::Text { x, text, .. }
                if *x >= 450.0 - SIDE_COLUMN && text.starts_with("GOV-"))
        });
        assert!(listed, "{all}");
    }

    #[test]
    fn narrow_charts_put_the_list_below_and_stay_inside() {
        let mut src = String::from(
            "quadrantChart\ntitle Matriks Prioritas Program yang Sangat Panjang Sekali\nx-axis Upaya rendah sekali --> Upaya tinggi sekali\ny-axis Dampak rendah sekali --> Dampak tinggi sekali\n",
        );
        for i in 0..40 {
            src.push_str(&format!(
                "PROGRAM-PANJANG-{i:02}: [0.{}, 0.{}]\n",
                10 + (i * 7) % 80,
                10 + (i * 13) % 80
            ));
        }
        for width in [60.0, 200.0, 300.0, 450.0, 700.0] {
            for max_h in [80.0, 300.0, 900.0] {
                let block = &layout_mermaid(&src, width, max_h).unwrap()[0];
                assert!(block.width <= width + 0.01, "{width}");
                assert_inside(block);
            }
        }
    }

    #[test]
    fn nothing_to_draw_is_none_and_hostile_input_does_not_panic() {
        assert!(layout_mermaid("quadrantChart\ntitle T\n", 400.0, 600.0).is_none());
        for src in [
            "quadrantChart\nA: [NaN, 0.5]\nB: [0.5, inf]\nC: [0.5, 0.5\n",
            "quadrantChart\nquadrant-1\nquadrant-9 X\nx-axis\ny-axis -->\n\u{0}: [0.1, 0.1]\n",
            "quadrantChart\nA:::: [0.1, 0.2]\nB::: [0.3, 0.4]\n%%:\n%% point:\n",
        ] {
            for width in [40.0, 480.0] {
                if let Some(blocks) = layout_mermaid(src, width, 400.0) {
                    assert_inside(&blocks[0]);
                }
            }
        }
        // Many points in one spot: still inside, every name listed.
        let mut src = String::from("quadrantChart\n");
        for i in 0..1200 {
            src.push_str(&format!("P{i}: [0.5, 0.5]\n"));
        }
        let block = &layout_mermaid(&src, 450.0, 600.0).unwrap()[0];
        assert_inside(block);
        // On a page, a list taller than the page is cut; unbounded (the SVG), it is complete.
        assert!(block.height <= 600.0, "{}", block.height);
        assert!(texts(block).contains(&"\u{2026}"));
        let svg = &layout_mermaid(&src, 450.0, f32::INFINITY).unwrap()[0];
        assert_inside(svg);
        assert!(texts(svg).join(" ").contains("P1199"));
        // A synthetic project's worth: 3000 points over all 25 cells, quickly and on the page.
        let mut src = String::from("quadrantChart\n");
        for i in 0..3000 {
            let (e, m) = (i % 5, (i / 5) % 5);
            let x = (e as f32 + 1.5) / 6.0 + ((i / 25) % 11) as f32 * 0.013 - 0.065;
            let y = (m as f32 + 1.5) / 6.0 + ((i / 275) % 11) as f32 * 0.013 - 0.065;
            src.push_str(&format!("P-{i}: [{x:.3}, {y:.3}]\n"));
        }
        let started = std::time::Instant::now();
        let block = &layout_mermaid(&src, 450.0, 640.0).unwrap()[0];
        assert!(
            started.elapsed().as_secs_f32() < 5.0,
            "{:?}",
            started.elapsed()
        );
        assert_inside(block);
        assert!(block.height <= 640.0);
    }

    #[test]
    fn deterministic() {
        let a = layout_mermaid(MATRIX, 450.0, 600.0);
        assert_eq!(a, layout_mermaid(MATRIX, 450.0, 600.0));
    }
}
