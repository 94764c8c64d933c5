//! The readiness chart: a Mermaid `xychart-beta` block drawn as a compact vertical bar chart.
//!
//! Accepted syntax (Mermaid's, read leniently):
//! - `title "Kesiapan Smart Governance"` (quotes optional);
//! - `x-axis [Struktur, Infrastruktur, "Supra struktur"]`, optionally with a title before the
//!   list (`x-axis "Elemen" [...]`); a numeric `x-axis 0 --> 10` only numbers the categories;
//! - `y-axis "Skor" 0 --> 5` (title and range each optional; without a range it is chosen from
//!   the data);
//! - `bar [3, 2, 2]` and `line [...]`, each optionally named (`bar "2023" [3, 2, 2]`). Several
//!   `bar` lines give grouped bars, one colour per series; `line` series are drawn as polylines.
//!   Values that are not numbers leave a gap.

use super::{
    AXIS, ChartBlock, GRID, INK, MUTED, clean, fit, format_number, line, palette, rect, text, wrap2,
};
use crate::typeset::fonts::{self, FontId};
use crate::typeset::page::Item;

/// Categories and values beyond this many are ignored (a readiness chart has three to six).
const MAX_POINTS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SeriesKind {
    Bar,
    Line,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Series {
    pub kind: SeriesKind,
    pub name: Option<String>,
    pub values: Vec<Option<f32>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct XyChart {
    pub title: Option<String>,
    pub x_title: Option<String>,
    pub categories: Vec<String>,
    pub y_title: Option<String>,
    pub y_range: Option<(f32, f32)>,
    pub series: Vec<Series>,
}

// ---------------------------------------------------------------------------------------------
// Parsing.

pub(super) fn parse<'a>(lines: impl Iterator<Item = &'a str>) -> XyChart {
    let mut xy = XyChart::default();
    for raw in lines {
        let t = raw.trim();
        if t.is_empty() || t.starts_with("%%") {
            continue;
        }
        let (keyword, rest) = match t.find(|c: char| c.is_whitespace() || c == '[' || c == '"') {
            Some(i) => (&t[..i], t[i..].trim_start()),
            None => (t, ""),
        };
        match keyword.to_ascii_lowercase().as_str() {
            "title" => {
                let title = unquote(rest);
                xy.title = (!title.is_empty()).then_some(title);
            }
            "x-axis" => {
                let (title, after) = leading_title(rest);
                xy.x_title = title;
                if let Some(list) = bracketed(after) {
                    xy.categories = split_list(list)
                        .into_iter()
                        .take(MAX_POINTS)
                        .map(|s| unquote(&s))
                        .collect();
                }
            }
            "y-axis" => {
                let (title, after) = leading_title(rest);
                xy.y_title = title;
                xy.y_range = parse_range(after);
            }
            "bar" | "line" => {
                let kind = if keyword.eq_ignore_ascii_case("bar") {
                    SeriesKind::Bar
                } else {
                    SeriesKind::Line
                };
                let (name, after) = leading_title(rest);
                let Some(list) = bracketed(after) else {
                    continue;
                };
                let values = split_list(list)
                    .into_iter()
                    .take(MAX_POINTS)
                    .map(|s| parse_value(&s))
                    .collect();
                xy.series.push(Series { kind, name, values });
            }
            _ => {}
        }
    }
    xy
}

/// Text without surrounding quotes, cleaned.
fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .map(|inner| inner.strip_suffix('"').unwrap_or(inner))
        .unwrap_or(s);
    clean(s)
}

/// An optional title before a list or range: a quoted string or a bare word that is neither a
/// number nor a list. Returns the title and what follows it.
fn leading_title(s: &str) -> (Option<String>, &str) {
    let s = s.trim_start();
    if let Some(inner) = s.strip_prefix('"') {
        return match inner.find('"') {
            Some(end) => {
                let title = clean(&inner[..end]);
                (
                    (!title.is_empty()).then_some(title),
                    inner[end + 1..].trim_start(),
                )
            }
            None => (Some(clean(inner)).filter(|t| !t.is_empty()), ""),
        };
    }
    if s.is_empty() || s.starts_with('[') || s.starts_with(|c: char| c.is_ascii_digit() || c == '-')
    {
        return (None, s);
    }
    // A bare title runs up to a list or a range.
    let end = s
        .find('[')
        .or_else(|| {
            s.find("-->").and_then(|arrow| {
                // Back up over the range's first number.
                s[..arrow].trim_end().rfind(char::is_whitespace)
            })
        })
        .unwrap_or(s.len());
    let title = clean(&s[..end]);
    ((!title.is_empty()).then_some(title), &s[end..])
}

/// The text between the first `[` and the last `]` (or the end when unclosed).
fn bracketed(s: &str) -> Option<&str> {
    let start = s.find('[')? + 1;
    let inner = &s[start..];
    Some(match inner.rfind(']') {
        Some(end) => &inner[..end],
        None => inner,
    })
}

/// Comma-separated items; commas inside double quotes do not split.
fn split_list(s: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() || !items.is_empty() {
        items.push(current);
    }
    items
}

/// Values beyond this magnitude are not plotted (they would overflow the scale arithmetic).
const MAX_MAGNITUDE: f32 = 1e12;

/// A plottable number.
fn parse_value(s: &str) -> Option<f32> {
    let v: f32 = s.trim().parse().ok()?;
    (v.is_finite() && v.abs() <= MAX_MAGNITUDE).then_some(v)
}

/// `0 --> 5`.
fn parse_range(s: &str) -> Option<(f32, f32)> {
    let (lo, hi) = s.split_once("-->")?;
    let (lo, hi) = (parse_value(lo)?, parse_value(hi)?);
    // A range too thin to divide into ticks is no range.
    (hi - lo > (hi.abs().max(lo.abs()) * 1e-5).max(1e-9)).then_some((lo, hi))
}

// ---------------------------------------------------------------------------------------------
// Layout.

const TITLE_SIZE: f32 = 9.5;
const TITLE_H: f32 = 16.0;
const SMALL: f32 = 7.0;
const X_LABEL_SIZE: f32 = 7.5;
const X_LINE_GAP: f32 = 8.5;
const HEADROOM: f32 = 11.0;
const TARGET_H: f32 = 170.0;
const MIN_PLOT_H: f32 = 40.0;

/// The step between ticks: 1, 2, 2.5 or 5 times a power of ten, giving about five intervals.
fn nice_step(span: f32) -> f32 {
    let raw = (span / 5.0).max(f32::MIN_POSITIVE);
    let magnitude = 10f32.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw * 0.999)
        .unwrap_or(10.0 * magnitude)
}

pub(super) fn layout(
    xy: &XyChart,
    width: f32,
    max_height: f32,
    decimal: char,
) -> Option<ChartBlock> {
    let points = xy
        .series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(xy.categories.len());
    let values = || xy.series.iter().flat_map(|s| s.values.iter().flatten());
    if points == 0 || values().next().is_none() {
        return None;
    }

    // The value range and its ticks.
    let (lo, hi) = match xy.y_range {
        Some(range) => range,
        None => {
            let lo = values().fold(0.0_f32, |a, v| a.min(*v));
            let hi = values().fold(0.0_f32, |a, v| a.max(*v));
            let hi = if hi > lo { hi } else { lo + 1.0 };
            let step = nice_step(hi - lo);
            ((lo / step).floor() * step, (hi / step).ceil() * step)
        }
    };
    let step = nice_step(hi - lo);
    let mut ticks = Vec::new();
    let mut k = (lo / step).ceil();
    while ticks.len() < 50 {
        let v = k * step;
        if v > hi + step * 1e-3 {
            break;
        }
        ticks.push(v);
        k += 1.0;
    }
    let tick_labels: Vec<String> = ticks.iter().map(|v| format_number(*v, decimal)).collect();
    let axis_w = tick_labels
        .iter()
        .map(|l| fonts::text_width(FontId::Regular, SMALL, l))
        .fold(0.0_f32, f32::max)
        + 8.0;

    // Width: a slot per category, wide enough for its bars and its label, within `width`.
    let bar_series = xy
        .series
        .iter()
        .filter(|s| s.kind == SeriesKind::Bar)
        .count();
    let per_slot = bar_series.max(1);
    let widest_label = xy
        .categories
        .iter()
        .map(|c| fonts::text_width(FontId::Regular, X_LABEL_SIZE, c))
        .fold(0.0_f32, f32::max);
    let slot_wanted = (per_slot as f32 * 18.0 + 16.0)
        .max((widest_label + 10.0).min(110.0))
        .max(36.0);
    let title_w = xy
        .title
        .as_deref()
        .map(|t| fonts::text_width(FontId::Bold, TITLE_SIZE, t) + 2.0)
        .unwrap_or(0.0);
    let used_w = (axis_w + points as f32 * slot_wanted + 6.0)
        .max(title_w)
        .min(width);
    // A very narrow chart keeps most of its width for the plot; tick labels are shortened.
    let axis_w = axis_w.min(used_w * 0.4);
    let plot_x0 = axis_w;
    let plot_x1 = used_w - 2.0;
    let slot = ((plot_x1 - plot_x0) / points as f32).max(0.0);

    // Category labels, at most two lines each, in a smaller size (down to 5.5 pt) when a word
    // would not fit its slot.
    let longest_word = xy
        .categories
        .iter()
        .flat_map(|c| c.split_whitespace())
        .map(|w| fonts::text_width(FontId::Regular, X_LABEL_SIZE, w))
        .fold(0.0_f32, f32::max);
    let label_size = if longest_word > slot - 3.0 && longest_word > 0.0 {
        (X_LABEL_SIZE * (slot - 3.0) / longest_word).clamp(5.5, X_LABEL_SIZE)
    } else {
        X_LABEL_SIZE
    };
    let labels: Vec<Vec<String>> = (0..points)
        .map(|i| match xy.categories.get(i) {
            Some(c) => wrap2(FontId::Regular, label_size, c, (slot - 3.0).max(0.0)),
            None => vec![fit(
                FontId::Regular,
                label_size,
                &(i + 1).to_string(),
                (slot - 2.0).max(0.0),
            )],
        })
        .collect();
    let label_lines = labels.iter().map(Vec::len).max().unwrap_or(1);

    // Legend entries: named series.
    let legend: Vec<(usize, String)> = xy
        .series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.name.clone().map(|n| (i, n)))
        .collect();

    // Heights, top to bottom.
    let title_h = if xy.title.is_some() { TITLE_H } else { 0.0 };
    let y_title_h = if xy.y_title.is_some() { 10.0 } else { 0.0 };
    let plot_top = title_h + y_title_h + HEADROOM;
    let x_labels_h = 4.0 + label_lines as f32 * X_LINE_GAP + 2.0;
    let x_title_h = if xy.x_title.is_some() { 11.0 } else { 0.0 };
    let legend_lines = legend_layout(&legend, used_w).last().map_or(0, |e| e.1 + 1);
    let legend_h = legend_lines as f32 * 11.0;
    let below = x_labels_h + x_title_h + legend_h + 2.0;
    let height = TARGET_H.min(max_height).max(plot_top + MIN_PLOT_H + below);
    let plot_bottom = height - below;
    let plot_h = plot_bottom - plot_top;
    let y_of = |v: f32| plot_bottom - (v.clamp(lo, hi) - lo) / (hi - lo) * plot_h;

    let mut items: Vec<Item> = Vec::new();
    if let Some(title) = &xy.title {
        let t = fit(FontId::Bold, TITLE_SIZE, title, used_w);
        let w = fonts::text_width(FontId::Bold, TITLE_SIZE, &t);
        items.push(text(
            ((used_w - w) / 2.0).max(0.0),
            fonts::ascent(FontId::Bold, TITLE_SIZE) + 1.0,
            FontId::Bold,
            TITLE_SIZE,
            INK,
            t,
        ));
    }
    if let Some(y_title) = &xy.y_title {
        items.push(text(
            0.0,
            title_h + 7.0,
            FontId::Regular,
            SMALL,
            MUTED,
            fit(FontId::Regular, SMALL, y_title, used_w),
        ));
    }
    // Gridlines and tick labels.
    for (v, label) in ticks.iter().zip(tick_labels) {
        let y = y_of(*v);
        items.push(line(plot_x0, y, plot_x1, y, 0.4, GRID));
        let label = fit(FontId::Regular, SMALL, &label, (plot_x0 - 4.0).max(0.0));
        let w = fonts::text_width(FontId::Regular, SMALL, &label);
        items.push(text(
            (plot_x0 - 4.0 - w).max(0.0),
            y + 2.4,
            FontId::Regular,
            SMALL,
            MUTED,
            label,
        ));
    }
    let base_value = 0.0_f32.clamp(lo, hi);
    let base_y = y_of(base_value);

    // Bars, grouped per category, each with its value above it (below when negative).
    let gap = (slot * 0.08).min(1.5);
    let bar_w = ((slot * 0.72 - gap * (per_slot as f32 - 1.0)) / per_slot as f32).clamp(0.0, 22.0);
    let group_w = per_slot as f32 * bar_w + (per_slot as f32 - 1.0) * gap;
    let mut bar_index = 0;
    for (si, s) in xy.series.iter().enumerate() {
        if s.kind != SeriesKind::Bar {
            continue;
        }
        let colour = palette(si);
        for (i, v) in s.values.iter().enumerate().take(points) {
            let Some(v) = *v else { continue };
            let slot_x = plot_x0 + i as f32 * slot;
            let x = slot_x + (slot - group_w) / 2.0 + bar_index as f32 * (bar_w + gap);
            let y = y_of(v);
            let (top, h) = if y <= base_y {
                (y, base_y - y)
            } else {
                (base_y, y - base_y)
            };
            items.push(rect(x, top, bar_w, h, colour));
            let label = fit(FontId::Regular, SMALL, &format_number(v, decimal), used_w);
            let w = fonts::text_width(FontId::Regular, SMALL, &label);
            let lx = (x + bar_w / 2.0 - w / 2.0).clamp(0.0, (used_w - w).max(0.0));
            let ly = if v >= base_value {
                top - 2.5
            } else {
                (top + h + 8.0).min(plot_bottom - 1.0)
            };
            items.push(text(lx, ly, FontId::Regular, SMALL, INK, label));
        }
        bar_index += 1;
    }
    // Line series: polylines through the slot centres, with small square markers.
    for (si, s) in xy.series.iter().enumerate() {
        if s.kind != SeriesKind::Line {
            continue;
        }
        let colour = palette(si);
        let mut previous: Option<(f32, f32)> = None;
        for (i, v) in s.values.iter().enumerate().take(points) {
            let Some(v) = *v else {
                previous = None;
                continue;
            };
            let point = (plot_x0 + (i as f32 + 0.5) * slot, y_of(v));
            if let Some((px, py)) = previous {
                items.push(line(px, py, point.0, point.1, 1.2, colour));
            }
            items.push(rect(point.0 - 1.8, point.1 - 1.8, 3.6, 3.6, colour));
            previous = Some(point);
        }
    }
    // Axes on top of the bars' feet.
    items.push(line(plot_x0, plot_top, plot_x0, plot_bottom, 0.6, AXIS));
    items.push(line(plot_x0, base_y, plot_x1, base_y, 0.7, AXIS));

    // Category labels.
    for (i, lines) in labels.iter().enumerate() {
        let centre = plot_x0 + (i as f32 + 0.5) * slot;
        for (k, l) in lines.iter().enumerate() {
            let w = fonts::text_width(FontId::Regular, label_size, l);
            items.push(text(
                (centre - w / 2.0).clamp(0.0, (used_w - w).max(0.0)),
                plot_bottom + 4.0 + X_LINE_GAP * (k as f32 + 1.0) - 1.5,
                FontId::Regular,
                label_size,
                INK,
                l.clone(),
            ));
        }
    }
    let mut y = plot_bottom + x_labels_h;
    if let Some(x_title) = &xy.x_title {
        let t = fit(FontId::Regular, SMALL, x_title, used_w);
        let w = fonts::text_width(FontId::Regular, SMALL, &t);
        items.push(text(
            (plot_x0 + plot_x1 - w) / 2.0,
            y + 8.0,
            FontId::Regular,
            SMALL,
            MUTED,
            t,
        ));
        y += x_title_h;
    }
    for ((si, name), (x, line_no)) in legend.iter().zip(legend_layout(&legend, used_w)) {
        let top = y + line_no as f32 * 11.0;
        items.push(rect(x, top + 2.0, 9.0, 6.0, palette(*si)));
        items.push(text(
            x + 12.0,
            top + 8.0,
            FontId::Regular,
            SMALL,
            INK,
            fit(FontId::Regular, SMALL, name, (used_w - 12.0).max(0.0)),
        ));
    }
    Some(ChartBlock {
        width: used_w,
        height,
        items,
    })
}

/// Where each legend entry goes: (x, line number), flowing left to right.
fn legend_layout(legend: &[(usize, String)], width: f32) -> Vec<(f32, usize)> {
    let mut out = Vec::with_capacity(legend.len());
    let mut x = 0.0;
    let mut line_no = 0;
    for (_, name) in legend {
        let name = fit(FontId::Regular, SMALL, name, (width - 12.0).max(0.0));
        let w = 12.0 + fonts::text_width(FontId::Regular, SMALL, &name);
        if x > 0.0 && x + w > width {
            x = 0.0;
            line_no += 1;
        }
        out.push((x, line_no));
        x += w + 10.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout_mermaid;
    use super::super::testutil::{assert_inside, texts};
    use super::*;
    use crate::typeset::page::Rgb;

    const READINESS: &str = "xychart-beta
    title \"Kesiapan Smart Governance\"
    x-axis [Struktur, Infrastruktur, Suprastruktur]
    y-axis \"Skor\" 0 --> 5
    bar [3, 2, 2]
";

    fn parsed(src: &str) -> XyChart {
        parse(src.lines().skip(1))
    }

    fn bars(block: &ChartBlock) -> Vec<(f32, f32, f32, f32, Rgb)> {
        block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, y, w, h, fill } if *w > 4.0 && *h > 0.0 && *w != 9.0 => {
                    Some((*x, *y, *w, *h, *fill))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn parses_the_readiness_chart() {
        let xy = parsed(READINESS);
        assert_eq!(xy.title.as_deref(), Some("Kesiapan Smart Governance"));
        assert_eq!(
            xy.categories,
            ["Struktur", "Infrastruktur", "Suprastruktur"]
        );
        assert_eq!(xy.y_title.as_deref(), Some("Skor"));
        assert_eq!(xy.y_range, Some((0.0, 5.0)));
        assert_eq!(
            xy.series,
            [Series {
                kind: SeriesKind::Bar,
                name: None,
                values: vec![Some(3.0), Some(2.0), Some(2.0)]
            }]
        );
    }

    #[test]
    fn lenient_forms() {
        let xy = parsed(
            "xychart-beta
            title Kesiapan tanpa kutip
            x-axis \"Elemen\" [\"Supra, struktur\", Infra , \"Struktur\"]
            y-axis Skor rata-rata 1 --> 4
            bar \"2023\" [3, x, 2.5]
            line [1,2,3]
            bar []
            bar no list
            frobnicate [1]
            ",
        );
        assert_eq!(xy.title.as_deref(), Some("Kesiapan tanpa kutip"));
        assert_eq!(xy.x_title.as_deref(), Some("Elemen"));
        assert_eq!(xy.categories, ["Supra, struktur", "Infra", "Struktur"]);
        assert_eq!(xy.y_title.as_deref(), Some("Skor rata-rata"));
        assert_eq!(xy.y_range, Some((1.0, 4.0)));
        assert_eq!(xy.series.len(), 3);
        assert_eq!(xy.series[0].name.as_deref(), Some("2023"));
        assert_eq!(xy.series[0].values, [Some(3.0), None, Some(2.5)]);
        assert_eq!(xy.series[1].kind, SeriesKind::Line);
        assert!(xy.series[2].values.is_empty());
        let y = parsed("xychart-beta\ny-axis 0 --> 10\nx-axis 0 --> 5\n");
        assert_eq!((y.y_title, y.y_range), (None, Some((0.0, 10.0))));
        assert!(y.categories.is_empty());
        assert_eq!(parsed("x\ny-axis \"S\" 5 --> 1\n").y_range, None);
    }

    #[test]
    fn bars_heights_are_proportional_and_values_printed() {
        let blocks = layout_mermaid(READINESS, 480.0, 600.0).unwrap();
        assert_eq!(blocks.len(), 1);
        let block = &blocks[0];
        assert_inside(block);
        assert!(
            block.width < 480.0,
            "a three-bar chart is narrower than the page"
        );
        assert!(
            block.height >= 140.0 && block.height <= 180.0,
            "{}",
            block.height
        );
        let b = bars(block);
        assert_eq!(b.len(), 3, "{b:?}");
        // 3 : 2 : 2, sharing a baseline.
        assert!((b[0].3 / b[1].3 - 1.5).abs() < 1e-3);
        assert!((b[1].3 - b[2].3).abs() < 1e-3);
        assert!((b[0].1 + b[0].3 - (b[1].1 + b[1].3)).abs() < 1e-3);
        assert!(b[0].0 < b[1].0 && b[1].0 < b[2].0);
        let t = texts(block);
        for expected in [
            "Kesiapan Smart Governance",
            "Skor",
            "Struktur",
            "Infrastruktur",
            "Suprastruktur",
            "0",
            "5",
            "3",
        ] {
            assert!(t.contains(&expected), "{expected} missing from {t:?}");
        }
        // Ticks 0..5 and the three values: "2" twice as a value, once as a tick.
        assert_eq!(t.iter().filter(|s| **s == "2").count(), 3);
        // Each value sits just above its bar.
        for (bar, value) in b.iter().zip(["3", "2", "2"]) {
            let above = block.items.iter().any(|i| {
                matches!(i,
                Item::Text { x, y, text, .. } if text == value
                    && *x >= bar.0 - 5.0 && *x <= bar.0 + bar.2
                    && *y <= bar.1 && *y >= bar.1 - 6.0)
            });
            assert!(above, "no {value} above {bar:?}");
        }
    }

    #[test]
    fn several_bar_lines_make_grouped_bars_with_distinct_colours() {
        let src = "xychart-beta\nx-axis [A, B, C]\ny-axis 0 --> 5\nbar \"2023\" [1, 2, 3]\nbar \"2027\" [2, 3, 4]\n";
        let block = &layout_mermaid(src, 480.0, 600.0).unwrap()[0];
        assert_inside(block);
        let b = bars(block);
        assert_eq!(b.len(), 6);
        type Bar = (f32, f32, f32, f32, Rgb);
        let (first, second): (Vec<&Bar>, Vec<&Bar>) = b.iter().partition(|bar| bar.4 == palette(0));
        assert_eq!(first.len(), 3);
        assert!(second.iter().all(|bar| bar.4 == palette(1)));
        for (a, c) in first.iter().zip(&second) {
            // Side by side in the same slot, not overlapping.
            assert!(a.0 + a.2 <= c.0 && c.0 - (a.0 + a.2) < 3.0);
        }
        let t = texts(block);
        assert!(t.contains(&"2023") && t.contains(&"2027"), "legend: {t:?}");
    }

    #[test]
    fn values_are_written_with_the_documents_decimal_separator() {
        let src = "xychart-beta\nx-axis [A, B]\ny-axis 0 --> 5\nbar [2.5, 3]\n";
        let id = &super::super::layout_mermaid_with(src, 480.0, 600.0, ',').unwrap()[0];
        let t = texts(id);
        assert!(t.contains(&"2,5") && !t.contains(&"2.5"), "{t:?}");
        let en = &layout_mermaid(src, 480.0, 600.0).unwrap()[0];
        assert!(texts(en).contains(&"2.5"));
    }

    #[test]
    fn auto_range_when_none_is_given() {
        let src = "xychart-beta\nx-axis [A, B]\nbar [37, 82]\n";
        let block = &layout_mermaid(src, 480.0, 600.0).unwrap()[0];
        assert_inside(block);
        let t = texts(block);
        assert!(t.contains(&"0") && t.contains(&"100"), "{t:?}");
    }

    #[test]
    fn line_series_are_polylines() {
        let src = "xychart-beta\nx-axis [A, B, C, D]\ny-axis 0 --> 5\nline [1, 2, 3, 4]\n";
        let block = &layout_mermaid(src, 480.0, 600.0).unwrap()[0];
        assert_inside(block);
        let segments = block
            .items
            .iter()
            .filter(|i| matches!(i, Item::Line { color, .. } if *color == palette(0)))
            .count();
        assert_eq!(segments, 3);
    }

    #[test]
    fn narrow_widths_and_many_categories_stay_inside() {
        let mut src = String::from(
            "xychart-beta\ntitle \"Kesiapan Smart City Kabupaten Banggai per Elemen dan Dimensi\"\nx-axis [",
        );
        for i in 0..40 {
            src.push_str(&format!("\"Elemen panjang sekali nomor {i}\", "));
        }
        src.push_str("]\ny-axis \"Skor\" 0 --> 5\nbar [");
        for i in 0..40 {
            src.push_str(&format!("{}, ", i % 6));
        }
        src.push_str("]\nbar \"Target\" [5, 5]\nline [-3, 7]\n");
        for width in [40.0, 120.0, 300.0, 480.0] {
            let block = &layout_mermaid(&src, width, 600.0).unwrap()[0];
            assert!(block.width <= width);
            assert_inside(block);
        }
    }

    #[test]
    fn values_outside_the_range_are_clamped_and_negatives_hang_down() {
        let src = "xychart-beta\nx-axis [A, B, C]\ny-axis -2 --> 5\nbar [9, -1, -7]\n";
        let block = &layout_mermaid(src, 480.0, 600.0).unwrap()[0];
        assert_inside(block);
        let t = texts(block);
        assert!(t.contains(&"9") && t.contains(&"-1") && t.contains(&"-7"));
    }

    #[test]
    fn nothing_to_draw_is_none() {
        assert!(layout_mermaid("xychart-beta\n", 400.0, 600.0).is_none());
        assert!(
            layout_mermaid("xychart-beta\ntitle \"T\"\nx-axis [A, B]\n", 400.0, 600.0).is_none()
        );
        assert!(layout_mermaid("xychart-beta\nbar [a, b]\n", 400.0, 600.0).is_none());
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for src in [
            "xychart-beta\nbar [1e38, -1e38]\n",
            "xychart-beta\nbar [3e38, -3e38, 1e12, -1e12]\n",
            "xychart-beta\ny-axis -3e38 --> 3e38\nbar [1]\n",
            "xychart-beta\ny-axis 0 --> 1e-30\nbar [1]\n",
            "xychart-beta\ny-axis \"unterminated\nbar [\"1\"\n",
            "xychart-beta\nx-axis [\"\u{0}\", é]\nbar [NaN, inf, 3]\n",
            "xychart-beta\nbar [0, 0, 0]\n",
            "xychart-beta\ntitle\nx-axis\ny-axis\nbar\nline\n",
            "xychart-beta\ny-axis 3 --> 3.0000001\nbar [3]\n",
        ] {
            for width in [40.0, 480.0] {
                for max_h in [10.0, 160.0, 900.0] {
                    if let Some(blocks) = layout_mermaid(src, width, max_h) {
                        assert_inside(&blocks[0]);
                    }
                }
            }
        }
    }

    #[test]
    fn generated_charts_stay_inside_their_block() {
        let mut seed: u64 = 0x5eed;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m.max(1)
        };
        let names = [
            "Struktur",
            "Infrastruktur",
            "Suprastruktur",
            "Tata Kelola Data",
            "SDM",
        ];
        for case in 0..80 {
            let n = 1 + next(8) as usize;
            let cats: Vec<&str> = (0..n).map(|_| names[next(5) as usize]).collect();
            let mut src = format!(
                "xychart-beta\ntitle \"Kesiapan {case}\"\nx-axis [{}]\n",
                cats.join(", ")
            );
            if next(2) == 0 {
                let lo = next(3) as i64 - 1;
                src.push_str(&format!(
                    "y-axis \"Skor\" {lo} --> {}\n",
                    lo + 1 + next(100) as i64
                ));
            }
            for k in 0..1 + next(3) {
                let kind = if next(4) == 0 { "line" } else { "bar" };
                let values: Vec<String> = (0..n)
                    .map(|_| format!("{}", next(1000) as f32 / 10.0 - 20.0))
                    .collect();
                src.push_str(&format!("{kind} \"S{k}\" [{}]\n", values.join(", ")));
            }
            let width = 40.0 + next(500) as f32;
            let max_h = 100.0 + next(200) as f32;
            let block = &layout_mermaid(&src, width, max_h).unwrap()[0];
            assert!(block.width <= width, "case {case}");
            assert!(
                block.height <= max_h.max(130.0),
                "case {case}: {}",
                block.height
            );
            assert_inside(block);
        }
    }

    #[test]
    fn compact_when_the_page_is_short() {
        let block = &layout_mermaid(READINESS, 480.0, 120.0).unwrap()[0];
        assert!(block.height <= 120.0, "{}", block.height);
        assert_inside(block);
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(5.0), 1.0);
        assert_eq!(nice_step(100.0), 20.0);
        assert_eq!(nice_step(12.0), 2.5);
        assert_eq!(nice_step(1.0), 0.2);
    }
}
