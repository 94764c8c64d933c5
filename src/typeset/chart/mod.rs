//! Charts: Mermaid blocks (`gantt`, `xychart-beta`, `quadrantChart`) laid out as vector display
//! items.
//!
//! The typesetter's layout calls [`layout_mermaid`] for every fenced ```` ```mermaid ```` block. The
//! three diagrams the Markdown contract uses are drawn natively: the roadmap (`gantt`, module
//! `gantt`), the readiness bar chart (`xychart-beta`, module `xychart`) and the priority matrix
//! (`quadrantChart`, module `quadrant`). Any other diagram
//! returns `None` and is set as a code block. The accepted syntax and the drawing are described
//! in docs/reference/charts.md. Parsing is lenient: a line that cannot be read is
//! skipped, never an error, and nothing here panics on any input.

mod gantt;
mod quadrant;
mod xychart;

use super::fonts::{self, FontId};
use super::page::{Item, Rgb};

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
    layout_mermaid_with(source, width, max_height, '.')
}

/// [`layout_mermaid`] with numbers in the chart's labels written with `decimal` as the decimal
/// separator (`,` in Indonesian documents: "2,5").
pub fn layout_mermaid_with(
    source: &str,
    width: f32,
    max_height: f32,
    decimal: char,
) -> Option<Vec<ChartBlock>> {
    if !width.is_finite() || width < 40.0 {
        return None;
    }
    // A missing or nonsensical height limit means "do not split".
    let max_height = if max_height.is_finite() && max_height > 0.0 {
        max_height
    } else {
        f32::MAX
    };
    let body = diagram_body(source)?;
    match body.kind {
        Kind::Gantt => gantt::layout(&gantt::parse(body.lines), width, max_height),
        Kind::XyChart => xychart::layout(&xychart::parse(body.lines), width, max_height, decimal)
            .map(|block| vec![block]),
        Kind::Quadrant => quadrant::layout(&quadrant::parse(body.lines), width, max_height)
            .map(|block| vec![block]),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Gantt,
    XyChart,
    Quadrant,
}

struct Body<'a> {
    kind: Kind,
    /// The lines after the diagram-type line.
    lines: std::str::Lines<'a>,
}

/// Skip a Mermaid front matter (`---` ... `---`), blank lines and `%%` comments or directives,
/// then recognise the diagram type from its first word.
fn diagram_body(source: &str) -> Option<Body<'_>> {
    let mut lines = source.lines();
    let mut in_front_matter = false;
    let mut first = true;
    for line in lines.by_ref() {
        let t = line.trim();
        if first && t == "---" {
            in_front_matter = true;
            first = false;
            continue;
        }
        first = false;
        if in_front_matter {
            if t == "---" {
                in_front_matter = false;
            }
            continue;
        }
        if t.is_empty() || t.starts_with("%%") {
            continue;
        }
        let word = t.split_whitespace().next().unwrap_or("");
        let kind = match word {
            "gantt" => Kind::Gantt,
            "xychart-beta" | "xychart" => Kind::XyChart,
            "quadrantChart" => Kind::Quadrant,
            _ => return None,
        };
        return Some(Body { kind, lines });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Shared style and helpers.

/// Section and series colours: muted, distinct, print-friendly (all dark enough to carry white or
/// gold marks, none so dark that greyscale printing merges neighbours).
pub(crate) const PALETTE: [Rgb; 8] = [
    Rgb(0.122, 0.306, 0.475), // navy        #1F4E79
    Rgb(0.165, 0.498, 0.498), // teal        #2A7F7F
    Rgb(0.710, 0.341, 0.235), // terracotta  #B5573C
    Rgb(0.420, 0.557, 0.239), // olive       #6B8E3D
    Rgb(0.478, 0.306, 0.494), // plum        #7A4E7E
    Rgb(0.231, 0.494, 0.631), // steel blue  #3B7EA1
    Rgb(0.722, 0.525, 0.169), // ochre       #B8862B
    Rgb(0.373, 0.420, 0.451), // slate       #5F6B73
];

/// The colour of the `index`-th section or series (the palette cycles).
pub(crate) fn palette(index: usize) -> Rgb {
    PALETTE[index % PALETTE.len()]
}

pub(crate) const INK: Rgb = Rgb(0.133, 0.153, 0.180); // body text   #22272E
pub(crate) const MUTED: Rgb = Rgb(0.353, 0.392, 0.439); // axis text #5A6470
pub(crate) const GRID: Rgb = Rgb(0.835, 0.851, 0.871); // gridlines  #D5D9DE
pub(crate) const AXIS: Rgb = Rgb(0.557, 0.588, 0.627); // axis lines #8E96A0
pub(crate) const MARK: Rgb = Rgb(0.961, 0.757, 0.259); // quick-win gold #F5C142
pub(crate) const MARK_EDGE: Rgb = Rgb(0.110, 0.133, 0.169); // #1C222B

/// Decode Mermaid's entity codes (`#58;` for `:`, `#quot;`; how the Markdown escapes label
/// text), replace characters that would upset the drawing stage (controls) and trim.
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim();
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.split_once(';').and_then(|(code, tail)| {
            let c = match code {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some('\u{a0}'),
                _ if !code.is_empty()
                    && code.len() <= 7
                    && code.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    code.parse::<u32>().ok().and_then(char::from_u32)
                }
                _ => None,
            }?;
            Some((c, tail))
        });
        match decoded {
            Some((c, tail)) => {
                out.push(c);
                rest = tail;
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Width of one character.
fn char_width(font: FontId, size: f32, c: char) -> f32 {
    let mut buf = [0u8; 4];
    fonts::text_width(font, size, c.encode_utf8(&mut buf))
}

pub(crate) const ELLIPSIS: char = '\u{2026}';

/// `text` shortened with an ellipsis so that it is at most `max_width` wide (empty when not even
/// the ellipsis fits). Linear in the length of `text`.
pub(crate) fn fit(font: FontId, size: f32, text: &str, max_width: f32) -> String {
    if fonts::text_width(font, size, text) <= max_width {
        return text.to_string();
    }
    let budget = max_width - char_width(font, size, ELLIPSIS);
    if budget < 0.0 {
        return String::new();
    }
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_width(font, size, c);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push(ELLIPSIS);
    out
}

/// `text` broken into at most two lines of at most `max_width` each, at spaces where possible;
/// the second line ends with an ellipsis when the text does not fit. Linear in the text length.
pub(crate) fn wrap2(font: FontId, size: f32, text: &str, max_width: f32) -> Vec<String> {
    if fonts::text_width(font, size, text) <= max_width {
        return vec![text.to_string()];
    }
    // Longest prefix that fits, remembering the last space inside it.
    let mut used = 0.0;
    let mut end = 0; // byte index where the fitting prefix ends
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        let w = char_width(font, size, c);
        if used + w > max_width {
            break;
        }
        used += w;
        end = i + c.len_utf8();
        if c == ' ' {
            last_space = Some(i);
        }
    }
    let split = match last_space {
        Some(i) if i > 0 => i,
        _ => end,
    };
    let (first, rest) = text.split_at(split);
    let first = first.trim_end();
    let rest = rest.trim_start();
    if first.is_empty() {
        // Not even one character fits.
        return vec![fit(font, size, text, max_width)];
    }
    let mut lines = vec![first.to_string()];
    if !rest.is_empty() {
        lines.push(fit(font, size, rest, max_width));
    }
    lines
}

pub(crate) fn text(x: f32, y: f32, font: FontId, size: f32, color: Rgb, text: String) -> Item {
    Item::Text {
        x,
        y,
        font,
        size,
        color,
        text,
    }
}

pub(crate) fn rect(x: f32, y: f32, w: f32, h: f32, fill: Rgb) -> Item {
    Item::Rect {
        x,
        y,
        w: w.max(0.0),
        h: h.max(0.0),
        fill,
    }
}

pub(crate) fn line(x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb) -> Item {
    Item::Line {
        x1,
        y1,
        x2,
        y2,
        width,
        color,
    }
}

/// A filled diamond (the quick-win mark) centred on (`cx`,`cy`) with half-diagonal `r`, built
/// from thin horizontal slices so it needs nothing beyond rectangles.
pub(crate) fn diamond(items: &mut Vec<Item>, cx: f32, cy: f32, r: f32, fill: Rgb) {
    const SLICES: usize = 12;
    let h = 2.0 * r / SLICES as f32;
    for i in 0..SLICES {
        let top = cy - r + i as f32 * h;
        let mid = top + h / 2.0;
        let half = r - (mid - cy).abs();
        items.push(rect(cx - half, top, 2.0 * half, h + 0.05_f32.min(h), fill));
    }
}

/// The quick-win mark: a gold diamond with a dark rim.
pub(crate) fn quick_win_mark(items: &mut Vec<Item>, cx: f32, cy: f32, r: f32) {
    diamond(items, cx, cy, r, MARK_EDGE);
    diamond(items, cx, cy, r * 0.62, MARK);
}

/// A number as it reads in a label: integers without decimals, otherwise up to two decimals,
/// written with `decimal` as the decimal separator.
pub(crate) fn format_number(v: f32, decimal: char) -> String {
    if (v - v.round()).abs() < 1e-4 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0')
            .trim_end_matches('.')
            .replace('.', decimal.encode_utf8(&mut [0; 4]))
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;

    /// The bounding box of an item: (x0, y0, x1, y1).
    pub fn bounds(item: &Item) -> (f32, f32, f32, f32) {
        match item {
            Item::Text {
                x,
                y,
                font,
                size,
                text,
                ..
            } => (
                *x,
                y - fonts::ascent(*font, *size),
                x + fonts::text_width(*font, *size, text),
                y + fonts::descent(*font, *size),
            ),
            Item::Rect { x, y, w, h, .. } => (*x, *y, x + w, y + h),
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                ..
            } => {
                let half = width / 2.0;
                (
                    x1.min(*x2) - half,
                    y1.min(*y2) - half,
                    x1.max(*x2) + half,
                    y1.max(*y2) + half,
                )
            }
            other => panic!("charts draw no {other:?}"),
        }
    }

    /// Panics when an item leaves its block or a coordinate is not finite.
    pub fn assert_inside(block: &ChartBlock) {
        const EPS: f32 = 0.01;
        assert!(block.width.is_finite() && block.height.is_finite());
        for item in &block.items {
            let (x0, y0, x1, y1) = bounds(item);
            assert!(
                [x0, y0, x1, y1].iter().all(|v| v.is_finite()),
                "non-finite {item:?}"
            );
            assert!(
                x0 >= -EPS && y0 >= -EPS && x1 <= block.width + EPS && y1 <= block.height + EPS,
                "{item:?} outside {} x {}",
                block.width,
                block.height
            );
        }
    }

    pub fn texts(block: &ChartBlock) -> Vec<&str> {
        block
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_diagrams_are_set_as_code() {
        assert!(layout_mermaid("flowchart LR\n  A --> B\n", 400.0, 600.0).is_none());
        assert!(layout_mermaid("pie title Pets\n \"Dogs\" : 386\n", 400.0, 600.0).is_none());
        assert!(layout_mermaid("", 400.0, 600.0).is_none());
        assert!(layout_mermaid("%% only a comment\n\n", 400.0, 600.0).is_none());
    }

    #[test]
    fn diagram_type_after_front_matter_and_directives() {
        let src = "---\ntitle: x\n---\n%%{init: {'theme':'base'}}%%\ngantt\n  A :2023, 2024\n";
        assert!(layout_mermaid(src, 400.0, 600.0).is_some());
    }

    #[test]
    fn unusable_width_is_none() {
        let src = "gantt\n A :2023, 2024\n";
        assert!(layout_mermaid(src, f32::NAN, 600.0).is_none());
        assert!(layout_mermaid(src, 0.0, 600.0).is_none());
        assert!(layout_mermaid(src, -5.0, 600.0).is_none());
        // A nonsensical height means no splitting, not a failure.
        assert_eq!(
            layout_mermaid(src, 400.0, f32::NAN).map(|b| b.len()),
            Some(1)
        );
    }

    #[test]
    fn fit_never_exceeds_the_width() {
        let long = "Pengembangan Sistem Informasi Manajemen Kepegawaian Terintegrasi";
        for max in [0.0, 3.0, 10.0, 40.0, 120.0, 500.0] {
            let s = fit(FontId::Regular, 7.0, long, max);
            assert!(
                fonts::text_width(FontId::Regular, 7.0, &s) <= max + 1e-3,
                "{max} {s}"
            );
            if max < 500.0 && !s.is_empty() {
                assert!(s.ends_with(ELLIPSIS), "{s}");
            }
        }
        assert_eq!(fit(FontId::Regular, 7.0, "Pendek", 500.0), "Pendek");
    }

    #[test]
    fn wrap2_breaks_at_spaces_and_ellipsises_the_rest() {
        let long =
            "Pengembangan Sistem Informasi Manajemen Kepegawaian Terintegrasi Berbasis Cloud";
        let lines = wrap2(FontId::Regular, 7.0, long, 80.0);
        assert_eq!(lines.len(), 2);
        assert!(long.starts_with(&lines[0]));
        assert!(!lines[0].ends_with(' '));
        assert!(lines[1].ends_with(ELLIPSIS));
        for l in &lines {
            assert!(fonts::text_width(FontId::Regular, 7.0, l) <= 80.0);
        }
        assert_eq!(wrap2(FontId::Regular, 7.0, "Satu baris", 80.0).len(), 1);
        // A single unbreakable word is cut, not lost.
        let word = "Supercalifragilisticexpialidocious-Kepegawaian";
        let lines = wrap2(FontId::Regular, 7.0, word, 40.0);
        assert!(
            lines
                .iter()
                .all(|l| fonts::text_width(FontId::Regular, 7.0, l) <= 40.0)
        );
        assert!(!lines[0].is_empty());
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(3.0, '.'), "3");
        assert_eq!(format_number(2.5, '.'), "2.5");
        assert_eq!(format_number(1.25, '.'), "1.25");
        assert_eq!(format_number(-2.0, '.'), "-2");
        assert_eq!(format_number(2.5, ','), "2,5");
        assert_eq!(format_number(-1.25, ','), "-1,25");
        assert_eq!(format_number(4.0, ','), "4");
    }

    #[test]
    fn palette_cycles() {
        assert_eq!(palette(0), palette(PALETTE.len()));
        assert_ne!(palette(0), palette(1));
    }
}
