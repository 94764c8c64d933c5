//! Inline text: styled runs measured with the bundled fonts, broken into lines by minimum
//! raggedness (optimal fit: the sum of squared slack over all lines but the last is minimal,
//! found by dynamic programming over the break points), then set as display items, justified or
//! aligned. Words wider than the measure are broken between characters, so nothing overflows.

use crate::typeset::fonts::{self, FontId};
use crate::typeset::markdown::{Inline, SpanStyle};
use crate::typeset::page::{Item, Rgb};

use super::style;
use crate::typeset::hyphenate;
use crate::typeset::markdown::Language;

/// A justified line is loose when its word spaces are wider than this many ems.
pub const LOOSE_SPACE: f32 = 0.5;
/// The cost of breaking at a hyphen, as the slack (a share of the measure) that costs as much.
const HYPHEN_COST: f32 = 0.02;
/// How much of its natural width a word space of justified text may give up.
const SPACE_SHRINK: f32 = 0.2;

/// Horizontal alignment of a text block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
    /// Justified, last line (and lines before a hard break) ragged.
    Justify,
}

/// The base style of a text block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextSpec {
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
    pub bold: bool,
    pub italic: bool,
    pub align: HAlign,
}

impl TextSpec {
    pub fn body() -> TextSpec {
        TextSpec {
            size: style::BODY_SIZE,
            leading: style::BODY_LEADING,
            color: style::TEXT,
            bold: false,
            italic: false,
            align: HAlign::Justify,
        }
    }

    /// Distance from the top of a line box to its baseline.
    pub fn baseline(&self) -> f32 {
        let asc = fonts::ascent(FontId::Regular, self.size);
        let desc = fonts::descent(FontId::Regular, self.size);
        (self.leading - (asc + desc)) / 2.0 + asc
    }
}

/// What follows a unit (a word or a piece of one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sep {
    /// An inter-word space of this natural width (stretchable when justifying).
    Space(f32),
    /// A break opportunity without a space (after a hyphen, or inside an over-long word).
    Soft,
    /// A hyphenation point inside a word: breaking here draws a hyphen of this width.
    Hyphen(f32),
    /// A forced line break.
    Hard,
    /// End of the text.
    End,
}

#[derive(Debug, Clone, PartialEq)]
struct RunStyle {
    font: FontId,
    size: f32,
    color: Rgb,
    rise: f32,
    code: bool,
    strike: bool,
    link: Option<String>,
    space: f32,
}

#[derive(Debug, Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    style: u16,
    width: f32,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    first: u32,
    end: u32,
    width: f32,
    sep: Sep,
}

/// A link to a heading of this document (`#slug`), positioned relative to the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Goto {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub slug: String,
}

/// One set line: items relative to the line box's top-left corner.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetLine {
    pub items: Vec<Item>,
    pub gotos: Vec<Goto>,
    /// Where the text ends (x of the last glyph's right edge).
    pub end_x: f32,
}

/// Inline content measured and split into units, ready to be broken at any measure.
#[derive(Debug, Clone)]
pub struct Prepared {
    buf: String,
    runs: Vec<Run>,
    units: Vec<Unit>,
    styles: Vec<RunStyle>,
    pub spec: TextSpec,
    /// The language to hyphenate justified text in (`None`: never hyphenate).
    pub hyphenate: Option<Language>,
}

/// The typographic form of a straight quote: “ ” for `"`, ‘ ’ for `'` (’ also as the
/// apostrophe): opening at the start of a word or after an opening bracket or a dash.
fn curly(c: char, before: Option<char>, word_start: bool) -> char {
    let opening = word_start
        || before.is_none_or(|b| matches!(b, '(' | '[' | '{' | '–' | '—' | '-' | '/' | '“' | '‘'));
    match (c, opening) {
        ('"', true) => '“',
        ('"', false) => '”',
        (_, true) => '‘',
        (_, false) => '’',
    }
}

fn breaks_word(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' && c != '\u{2007}'
}

impl Prepared {
    pub fn plain(text: &str, spec: TextSpec) -> Prepared {
        Prepared::new(
            &[Inline::Text {
                text: text.to_string(),
                style: SpanStyle::default(),
            }],
            spec,
        )
    }

    pub fn new(content: &[Inline], spec: TextSpec) -> Prepared {
        let mut b = Builder {
            p: Prepared {
                buf: String::new(),
                runs: Vec::new(),
                units: Vec::new(),
                styles: Vec::new(),
                spec,
                hyphenate: None,
            },
            run_start: 0,
            run_style: 0,
            word_first: 0,
        };
        for inline in content {
            match inline {
                Inline::LineBreak => b.end_word(Sep::Hard),
                Inline::Text { text, style } => {
                    let s = b.intern(style);
                    let code = style.code;
                    let url = text.contains("://") || text.contains("www.");
                    let mut chars = text.chars().peekable();
                    let mut prev = ' ';
                    while let Some(c) = chars.next() {
                        if breaks_word(c) {
                            let space = b.p.styles.get(s as usize).map_or(0.0, |st| st.space);
                            b.end_word(Sep::Space(space));
                            prev = ' ';
                            continue;
                        }
                        if c.is_control() {
                            continue;
                        }
                        // Typographic quotes in prose (never in code or URLs).
                        let c = if (c == '"' || c == '\'') && !code && !url {
                            let word_start =
                                b.p.runs.len() == b.word_first && b.run_start == b.p.buf.len();
                            curly(c, b.p.buf.chars().next_back(), word_start)
                        } else {
                            c
                        };
                        let c = if c > '\u{7f}' { b.substitute(s, c) } else { c };
                        if b.run_style != s {
                            b.flush_run();
                            b.run_style = s;
                        }
                        b.p.buf.push(c);
                        let next = chars.peek().copied().unwrap_or(' ');
                        let breaks_after = if url {
                            // Inside URLs: after separators, never between `//`.
                            matches!(c, '/' | '.' | '-' | '_' | '?' | '&' | '=' | '#')
                                && !breaks_word(next)
                                && next != c
                                && prev != c
                        } else {
                            // In words: after a hyphen or slash between letters.
                            !code
                                && (c == '-' || c == '/')
                                && prev.is_alphabetic()
                                && next.is_alphabetic()
                        };
                        if breaks_after {
                            b.end_word(Sep::Soft);
                        }
                        prev = c;
                    }
                }
            }
        }
        b.end_word(Sep::End);
        if let Some(last) = b.p.units.last_mut() {
            last.sep = Sep::End;
        }
        b.p
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// The widest unit (a word, or a hyphenated part), the narrowest measure without breaking
    /// inside words.
    pub fn min_width(&self) -> f32 {
        self.units.iter().map(|u| u.width).fold(0.0, f32::max)
    }

    /// The widest word between spaces (hyphenated parts together): the narrowest measure that
    /// breaks no word. Table columns use it so codes such as `GOV-01` stay whole.
    pub fn min_word_width(&self) -> f32 {
        let mut widest: f32 = 0.0;
        let mut word = 0.0;
        for u in &self.units {
            word += u.width;
            if !matches!(u.sep, Sep::Soft | Sep::Hyphen(_)) {
                widest = widest.max(word);
                word = 0.0;
            }
        }
        widest.max(word)
    }

    /// The width of the text set on one line (the widest line between hard breaks).
    pub fn max_width(&self) -> f32 {
        let mut widest: f32 = 0.0;
        let mut line = 0.0;
        for u in &self.units {
            line += u.width;
            match u.sep {
                Sep::Space(w) => line += w,
                Sep::Soft | Sep::Hyphen(_) => {}
                Sep::Hard | Sep::End => {
                    widest = widest.max(line);
                    line = 0.0;
                }
            }
        }
        widest.max(line)
    }

    /// Break into lines no wider than `measure` and set them.
    pub fn lines(&self, measure: f32) -> Vec<SetLine> {
        if self.units.is_empty() {
            return Vec::new();
        }
        let measure = measure.max(1.0);
        if self.units.iter().any(|u| u.width > measure) {
            let split = self.split_long(measure);
            return split.set_all(measure);
        }
        self.set_all(measure)
    }

    fn set_all(&self, measure: f32) -> Vec<SetLine> {
        // Most table cells and headings fit on one line: no need to search for breaks.
        let hard = self.units.iter().any(|u| u.sep == Sep::Hard);
        if !hard && self.max_width() <= measure {
            return vec![self.set_line(0, self.units.len(), measure)];
        }
        let metrics: Vec<(f32, Sep)> = self.units.iter().map(|u| (u.width, u.sep)).collect();
        let shrink = if self.spec.align == HAlign::Justify {
            SPACE_SHRINK
        } else {
            0.0
        };
        let ends = optimal_breaks_shrinking(&metrics, measure, shrink);
        // Justified text with a loose line is broken again with its hyphenation points.
        if let Some(lang) = self.hyphenate
            && self.spec.align == HAlign::Justify
            && self.any_loose(&ends, measure)
        {
            let hyphenated = self.with_hyphens(lang);
            if hyphenated.units.len() > self.units.len() {
                let metrics: Vec<(f32, Sep)> =
                    hyphenated.units.iter().map(|u| (u.width, u.sep)).collect();
                let ends = optimal_breaks_shrinking(&metrics, measure, shrink);
                return hyphenated.set_ends(&ends, measure);
            }
        }
        self.set_ends(&ends, measure)
    }

    fn set_ends(&self, ends: &[usize], measure: f32) -> Vec<SetLine> {
        let mut out = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in ends {
            out.push(self.set_line(start, end, measure));
            start = end;
        }
        out
    }

    /// Whether a line but the last of a paragraph would have word spaces wider than half an
    /// em (the measure of a loose line).
    fn any_loose(&self, ends: &[usize], measure: f32) -> bool {
        let mut start = 0;
        for &end in ends {
            let units = self.units.get(start..end).unwrap_or(&[]);
            start = end;
            let Some(last) = units.last() else { continue };
            if matches!(last.sep, Sep::Hard | Sep::End) {
                continue;
            }
            let mut natural = 0.0;
            let mut spaces = 0usize;
            let mut space_w = 0.0;
            for (k, u) in units.iter().enumerate() {
                natural += u.width;
                if k + 1 < units.len()
                    && let Sep::Space(w) = u.sep
                {
                    natural += w;
                    space_w += w;
                    spaces += 1;
                }
            }
            if spaces == 0 {
                continue;
            }
            let space = (space_w + (measure - natural).max(0.0)) / spaces as f32;
            if space > self.spec.size * LOOSE_SPACE {
                return true;
            }
        }
        false
    }

    /// A copy whose eligible words are split at their hyphenation points (see
    /// [`crate::typeset::hyphenate`]); words in code or links, and words set in several
    /// styles, are left whole.
    fn with_hyphens(&self, lang: Language) -> Prepared {
        let mut out = Prepared {
            buf: self.buf.clone(),
            runs: Vec::with_capacity(self.runs.len() * 2),
            units: Vec::with_capacity(self.units.len() * 2),
            styles: self.styles.clone(),
            spec: self.spec,
            hyphenate: None,
        };
        for u in &self.units {
            let runs = self
                .runs
                .get(u.first as usize..u.end as usize)
                .unwrap_or(&[]);
            let whole = |out: &mut Prepared| {
                let first = out.runs.len() as u32;
                out.runs.extend_from_slice(runs);
                out.units.push(Unit {
                    first,
                    end: out.runs.len() as u32,
                    width: u.width,
                    sep: u.sep,
                });
            };
            let [r] = runs else {
                whole(&mut out);
                continue;
            };
            let Some(st) = self.styles.get(r.style as usize) else {
                whole(&mut out);
                continue;
            };
            let text = self.buf.get(r.start as usize..r.end as usize).unwrap_or("");
            // The word without the punctuation around it ("(pemerintahan),").
            let core_start = text.len()
                - text
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            let core = text[core_start..].trim_end_matches(|c: char| !c.is_alphanumeric());
            let points = if st.code || st.link.is_some() {
                Vec::new()
            } else {
                hyphenate::points(core, lang)
            };
            if points.is_empty() {
                whole(&mut out);
                continue;
            }
            let hyphen = fonts::text_width(st.font, st.size, "-");
            let mut from = 0usize;
            let cuts = points.iter().map(|p| core_start + p).chain([text.len()]);
            for (k, to) in cuts.enumerate() {
                let piece = &text[from..to];
                let width = fonts::text_width(st.font, st.size, piece);
                let first = out.runs.len() as u32;
                out.runs.push(Run {
                    start: r.start + from as u32,
                    end: r.start + to as u32,
                    style: r.style,
                    width,
                });
                let last = k == points.len();
                out.units.push(Unit {
                    first,
                    end: first + 1,
                    width,
                    sep: if last { u.sep } else { Sep::Hyphen(hyphen) },
                });
                from = to;
            }
        }
        out
    }

    /// A copy where every unit wider than `measure` is cut between characters.
    fn split_long(&self, measure: f32) -> Prepared {
        let mut out = Prepared {
            buf: self.buf.clone(),
            runs: Vec::with_capacity(self.runs.len() + 8),
            units: Vec::with_capacity(self.units.len() + 8),
            styles: self.styles.clone(),
            spec: self.spec,
            hyphenate: self.hyphenate,
        };
        for u in &self.units {
            let runs = self
                .runs
                .get(u.first as usize..u.end as usize)
                .unwrap_or(&[]);
            if u.width <= measure {
                let first = out.runs.len() as u32;
                out.runs.extend_from_slice(runs);
                out.units.push(Unit {
                    first,
                    end: out.runs.len() as u32,
                    width: u.width,
                    sep: u.sep,
                });
                continue;
            }
            let mut first = out.runs.len() as u32;
            let mut acc = 0.0;
            for r in runs {
                let Some(st) = self.styles.get(r.style as usize) else {
                    continue;
                };
                let text = self.buf.get(r.start as usize..r.end as usize).unwrap_or("");
                let mut piece_start = r.start;
                let mut piece_w = 0.0;
                let mut tmp = [0u8; 4];
                for (off, c) in text.char_indices() {
                    let cw = fonts::text_width(st.font, st.size, c.encode_utf8(&mut tmp));
                    let at = r.start + off as u32;
                    if acc + cw > measure && acc > 0.0 {
                        if at > piece_start {
                            out.runs.push(Run {
                                start: piece_start,
                                end: at,
                                style: r.style,
                                width: piece_w,
                            });
                        }
                        out.units.push(Unit {
                            first,
                            end: out.runs.len() as u32,
                            width: acc,
                            sep: Sep::Soft,
                        });
                        first = out.runs.len() as u32;
                        piece_start = at;
                        piece_w = 0.0;
                        acc = 0.0;
                    }
                    acc += cw;
                    piece_w += cw;
                }
                if r.end > piece_start {
                    out.runs.push(Run {
                        start: piece_start,
                        end: r.end,
                        style: r.style,
                        width: piece_w,
                    });
                }
            }
            out.units.push(Unit {
                first,
                end: out.runs.len() as u32,
                width: acc,
                sep: u.sep,
            });
        }
        out
    }

    fn set_line(&self, start: usize, end: usize, measure: f32) -> SetLine {
        let units = self.units.get(start..end).unwrap_or(&[]);
        let mut natural = 0.0;
        let mut spaces = 0usize;
        for (k, u) in units.iter().enumerate() {
            natural += u.width;
            if k + 1 < units.len()
                && let Sep::Space(w) = u.sep
            {
                natural += w;
                spaces += 1;
            }
        }
        let last_line = units
            .last()
            .is_none_or(|u| matches!(u.sep, Sep::Hard | Sep::End));
        let hyphen = match units.last().map(|u| u.sep) {
            Some(Sep::Hyphen(w)) => w,
            _ => 0.0,
        };
        natural += hyphen;
        let extra = (measure - natural).max(0.0);
        let spec = &self.spec;
        let (x0, stretch) = match spec.align {
            HAlign::Left => (0.0, 0.0),
            HAlign::Center => (extra / 2.0, 0.0),
            HAlign::Right => (extra, 0.0),
            HAlign::Justify => {
                if !last_line && spaces > 0 && natural > measure {
                    // Spaces shrunk (line breaking allows at most SPACE_SHRINK of them).
                    (0.0, (measure - natural) / spaces as f32)
                } else if !last_line && spaces > 0 && extra / spaces as f32 <= spec.size * 1.6 {
                    (0.0, extra / spaces as f32)
                } else {
                    (0.0, 0.0)
                }
            }
        };
        let baseline = spec.baseline();
        let mut set = LineSetter {
            baseline,
            bg: Vec::new(),
            fg: Vec::with_capacity(4),
            gotos: Vec::new(),
            pending: None,
            code: None,
            link: None,
            strike: None,
        };
        let mut x = x0;
        let mut gap_before: Option<f32> = None;
        for (k, u) in units.iter().enumerate() {
            let runs = self
                .runs
                .get(u.first as usize..u.end as usize)
                .unwrap_or(&[]);
            for r in runs {
                let Some(st) = self.styles.get(r.style as usize) else {
                    continue;
                };
                let text = self.buf.get(r.start as usize..r.end as usize).unwrap_or("");
                set.run(r.style, st, text, x, r.width, gap_before);
                gap_before = None;
                x += r.width;
            }
            if k + 1 < units.len()
                && let Sep::Space(w) = u.sep
            {
                x += w + stretch;
                gap_before = Some(if stretch == 0.0 { w } else { -1.0 });
            }
        }
        // A line broken at a hyphenation point ends with a hyphen, in the style of the word.
        if hyphen > 0.0
            && let Some(r) = units.last().and_then(|u| self.runs.get(u.end as usize - 1))
            && let Some(st) = self.styles.get(r.style as usize)
        {
            set.run(r.style, st, "-", x, hyphen, None);
            x += hyphen;
        }
        set.finish(x)
    }
}

struct Builder {
    p: Prepared,
    run_start: usize,
    run_style: u16,
    word_first: usize,
}

impl Builder {
    fn intern(&mut self, s: &SpanStyle) -> u16 {
        let spec = &self.p.spec;
        let font = if s.code {
            FontId::Mono
        } else {
            FontId::styled(s.bold || spec.bold, s.italic || spec.italic)
        };
        let mut size = spec.size;
        if s.code {
            size *= 0.88;
        }
        if s.sup {
            size *= 0.68;
        }
        let st = RunStyle {
            font,
            size,
            color: if s.link.is_some() {
                style::LINK
            } else {
                spec.color
            },
            rise: if s.sup { spec.size * 0.33 } else { 0.0 },
            code: s.code,
            strike: s.strike,
            link: s.link.clone(),
            space: fonts::text_width(font, size, " "),
        };
        if let Some(i) = self.p.styles.iter().position(|x| *x == st) {
            return i as u16;
        }
        self.p.styles.push(st);
        (self.p.styles.len() - 1).min(u16::MAX as usize) as u16
    }

    /// A stand-in the font has for a common symbol it lacks (check marks, crosses, stars).
    fn substitute(&self, style: u16, c: char) -> char {
        let Some(st) = self.p.styles.get(style as usize) else {
            return c;
        };
        if fonts::has_glyph(st.font, c) {
            return c;
        }
        let alt = match c {
            // No-break spaces keep words together (see `breaks_word`) but draw as a space.
            '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
            '✓' | '✔' | '✅' | '☑' => '√',
            '✗' | '✘' | '❌' | '❎' | '☒' => '×',
            '★' | '☆' | '⭐' => '*',
            '■' | '◼' | '⬛' => '▪',
            '▲' | '▶' | '►' | '➜' | '➔' | '⇒' => '→',
            '◀' | '◄' | '⇐' => '←',
            _ => return c,
        };
        if fonts::has_glyph(st.font, alt) {
            alt
        } else {
            c
        }
    }

    fn flush_run(&mut self) {
        let end = self.p.buf.len();
        if end > self.run_start {
            let width = match self.p.styles.get(self.run_style as usize) {
                Some(st) => fonts::text_width(st.font, st.size, &self.p.buf[self.run_start..end]),
                None => 0.0,
            };
            self.p.runs.push(Run {
                start: self.run_start as u32,
                end: end as u32,
                style: self.run_style,
                width,
            });
        }
        self.run_start = end;
    }

    fn end_word(&mut self, sep: Sep) {
        self.flush_run();
        let runs = self.p.runs.len();
        if runs > self.word_first {
            let width = self.p.runs[self.word_first..].iter().map(|r| r.width).sum();
            self.p.units.push(Unit {
                first: self.word_first as u32,
                end: runs as u32,
                width,
                sep,
            });
            self.word_first = runs;
        } else if sep == Sep::Hard
            && let Some(last) = self.p.units.last_mut()
        {
            last.sep = Sep::Hard;
        }
    }
}

/// A text item being built from consecutive runs of one style.
struct Pending {
    style: u16,
    x: f32,
    text: String,
    end: f32,
    font: FontId,
    size: f32,
    color: Rgb,
    rise: f32,
}

struct LineSetter {
    baseline: f32,
    /// Backgrounds (inline code), drawn first.
    bg: Vec<Item>,
    /// Text, rules through struck-out text, link areas.
    fg: Vec<Item>,
    gotos: Vec<Goto>,
    pending: Option<Pending>,
    code: Option<(f32, f32, f32)>,
    link: Option<(String, f32, f32, f32)>,
    strike: Option<(f32, f32, f32)>,
}

impl LineSetter {
    fn run(&mut self, id: u16, st: &RunStyle, text: &str, x: f32, w: f32, gap: Option<f32>) {
        // Text, merged with the previous run when drawing it as one string is exact.
        let merged = match &mut self.pending {
            Some(p) if p.style == id => {
                if (x - p.end).abs() < 0.01 {
                    p.text.push_str(text);
                    p.end = x + w;
                    true
                } else if gap.is_some_and(|g| (g - st.space).abs() < 0.01) {
                    p.text.push(' ');
                    p.text.push_str(text);
                    p.end = x + w;
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if !merged {
            self.flush_text();
            self.pending = Some(Pending {
                style: id,
                x,
                text: text.to_string(),
                end: x + w,
                font: st.font,
                size: st.size,
                color: st.color,
                rise: st.rise,
            });
        }
        // Decorations spanning consecutive runs.
        match &mut self.code {
            Some((_, end, _)) if st.code => *end = x + w,
            _ => {
                self.close_code();
                if st.code {
                    self.code = Some((x, x + w, st.size));
                }
            }
        }
        match &mut self.link {
            Some((url, _, end, _)) if st.link.as_deref() == Some(url.as_str()) => *end = x + w,
            _ => {
                self.close_link();
                if let Some(url) = &st.link {
                    self.link = Some((url.clone(), x, x + w, st.size));
                }
            }
        }
        match &mut self.strike {
            Some((_, end, _)) if st.strike => *end = x + w,
            _ => {
                self.close_strike();
                if st.strike {
                    self.strike = Some((x, x + w, st.size));
                }
            }
        }
    }

    fn flush_text(&mut self) {
        if let Some(p) = self.pending.take() {
            self.fg.push(Item::Text {
                x: p.x,
                y: self.baseline - p.rise,
                font: p.font,
                size: p.size,
                color: p.color,
                text: p.text,
            });
        }
    }

    fn close_code(&mut self) {
        if let Some((x0, x1, size)) = self.code.take() {
            self.bg.push(Item::Rect {
                x: x0 - 1.5,
                y: self.baseline - size * 0.88,
                w: x1 - x0 + 3.0,
                h: size * 1.18,
                fill: style::CODE_BG,
            });
        }
    }

    fn close_link(&mut self) {
        if let Some((url, x0, x1, size)) = self.link.take() {
            let (y, h) = (self.baseline - size * 0.95, size * 1.25);
            if let Some(slug) = url.strip_prefix('#') {
                self.gotos.push(Goto {
                    x: x0,
                    y,
                    w: x1 - x0,
                    h,
                    slug: slug.to_string(),
                });
            } else {
                self.fg.push(Item::UriLink {
                    x: x0,
                    y,
                    w: x1 - x0,
                    h,
                    uri: url,
                });
            }
        }
    }

    fn close_strike(&mut self) {
        if let Some((x0, x1, size)) = self.strike.take() {
            let y = self.baseline - size * 0.28;
            self.fg.push(Item::Line {
                x1: x0,
                y1: y,
                x2: x1,
                y2: y,
                width: (size * 0.06).max(0.4),
                color: style::TEXT,
            });
        }
    }

    fn finish(mut self, end_x: f32) -> SetLine {
        self.flush_text();
        self.close_code();
        self.close_link();
        self.close_strike();
        let items = if self.bg.is_empty() {
            self.fg
        } else {
            let mut items = self.bg;
            items.append(&mut self.fg);
            items
        };
        SetLine {
            items,
            gotos: self.gotos,
            end_x,
        }
    }
}

fn space_of(sep: Sep) -> f32 {
    match sep {
        Sep::Space(w) => w,
        _ => 0.0,
    }
}

/// Optimal-fit line breaking. `units` are (width, what follows); returns the exclusive end index
/// of every line. Minimises the sum over all lines but the last of each paragraph (and those
/// before a forced break) of the squared slack, plus a penalty for breaking at a hyphen. A unit
/// wider than `measure` gets a line of its own.
pub fn optimal_breaks(units: &[(f32, Sep)], measure: f32) -> Vec<usize> {
    optimal_breaks_shrinking(units, measure, 0.0)
}

/// [`optimal_breaks`] for justified text, whose word spaces may also shrink by the share
/// `shrink` of their natural width on a line but the last (a shrunk space costs four times a
/// stretched one).
pub fn optimal_breaks_shrinking(units: &[(f32, Sep)], measure: f32, shrink: f32) -> Vec<usize> {
    let n = units.len();
    if n == 0 {
        return Vec::new();
    }
    let soft_penalty = f64::from(measure * 0.12) * f64::from(measure * 0.12);
    // A hyphen costs as much as a line 4 % of the measure short (about 18 pt in 439 pt).
    let hyphen_penalty = f64::from(measure * HYPHEN_COST) * f64::from(measure * HYPHEN_COST);
    let mut prefix = Vec::with_capacity(n + 1);
    let mut spaces = Vec::with_capacity(n + 1);
    prefix.push(0.0f64);
    spaces.push(0.0f64);
    for (w, sep) in units {
        let last = prefix.last().copied().unwrap_or(0.0);
        prefix.push(last + f64::from(*w) + f64::from(space_of(*sep)));
        let s = spaces.last().copied().unwrap_or(0.0);
        spaces.push(s + f64::from(space_of(*sep)));
    }
    let shrink = f64::from(shrink.clamp(0.0, 0.5));
    let measure_d = f64::from(measure);
    let mut best = vec![f64::INFINITY; n + 1];
    let mut from = vec![0usize; n + 1];
    best[0] = 0.0;
    let mut seg_start = 0;
    for j in 1..=n {
        if j >= 2 && units[j - 2].1 == Sep::Hard {
            seg_start = j - 1;
        }
        let (_, end_sep) = units[j - 1];
        let last = matches!(end_sep, Sep::Hard | Sep::End) || j == n;
        for i in (seg_start..j).rev() {
            let w = prefix[j] - prefix[i] - f64::from(space_of(end_sep))
                + match end_sep {
                    Sep::Hyphen(h) => f64::from(h),
                    _ => 0.0,
                };
            // What the line's inner spaces can give up (not the space after its last unit).
            let give = if last {
                0.0
            } else {
                (spaces[j - 1] - spaces[i]) * shrink
            };
            if w > measure_d + give && i + 1 < j {
                break;
            }
            if !best[i].is_finite() {
                continue;
            }
            let cost = if w > measure_d + give {
                1e12 + (w - measure_d) * 1e6
            } else if w > measure_d {
                let over = w - measure_d;
                4.0 * over * over
                    + match end_sep {
                        Sep::Soft => soft_penalty,
                        Sep::Hyphen(_) => hyphen_penalty,
                        _ => 0.0,
                    }
            } else if last {
                0.0
            } else {
                let slack = measure_d - w;
                slack * slack
                    + match end_sep {
                        Sep::Soft => soft_penalty,
                        Sep::Hyphen(_) => hyphen_penalty,
                        _ => 0.0,
                    }
            };
            let total = best[i] + cost;
            if total < best[j] {
                best[j] = total;
                from[j] = i;
            }
        }
    }
    let mut ends = Vec::new();
    let mut j = n;
    while j > 0 {
        ends.push(j);
        j = from[j];
    }
    ends.reverse();
    ends
}

/// First-fit (greedy) line breaking, for comparison with [`optimal_breaks`].
pub fn greedy_breaks(units: &[(f32, Sep)], measure: f32) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut line = 0.0;
    let mut pending_space = 0.0;
    for (k, (w, sep)) in units.iter().enumerate() {
        if k > 0 && line > 0.0 && line + pending_space + w > measure {
            ends.push(k);
            line = 0.0;
            pending_space = 0.0;
        }
        line += pending_space + w;
        pending_space = space_of(*sep);
        if *sep == Sep::Hard {
            ends.push(k + 1);
            line = 0.0;
            pending_space = 0.0;
        }
    }
    if ends.last() != Some(&units.len()) && !units.is_empty() {
        ends.push(units.len());
    }
    ends
}

/// The raggedness of a breaking: sum of squared slack over every line but the last.
pub fn raggedness(units: &[(f32, Sep)], ends: &[usize], measure: f32) -> f32 {
    let mut total = 0.0;
    let mut start = 0;
    for (k, &end) in ends.iter().enumerate() {
        if k + 1 < ends.len() {
            let line = units.get(start..end).unwrap_or(&[]);
            let mut w = 0.0;
            for (m, (uw, sep)) in line.iter().enumerate() {
                w += uw;
                if m + 1 < line.len() {
                    w += space_of(*sep);
                }
            }
            total += (measure - w) * (measure - w);
        }
        start = end;
    }
    total
}

/// `text` shortened with an ellipsis to fit `width`.
pub fn truncate(font: FontId, size: f32, text: &str, width: f32) -> String {
    if fonts::text_width(font, size, text) <= width {
        return text.to_string();
    }
    let ell = fonts::text_width(font, size, "…");
    let mut out = String::new();
    let mut w = 0.0;
    let mut tmp = [0u8; 4];
    for c in text.chars() {
        let cw = fonts::text_width(font, size, c.encode_utf8(&mut tmp));
        if w + cw + ell > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    let trimmed = out.trim_end().to_string();
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, spec: TextSpec) -> Prepared {
        Prepared::plain(text, spec)
    }

    fn spec(align: HAlign) -> TextSpec {
        TextSpec {
            align,
            ..TextSpec::body()
        }
    }

    fn text_extent(line: &SetLine) -> (f32, f32) {
        let mut lo = f32::MAX;
        let mut hi: f32 = 0.0;
        for item in &line.items {
            if let Item::Text {
                x,
                font,
                size,
                text,
                ..
            } = item
            {
                lo = lo.min(*x);
                hi = hi.max(x + fonts::text_width(*font, *size, text));
            }
        }
        (lo, hi)
    }

    #[test]
    fn no_line_exceeds_the_measure() {
        let text = "Pemerintah Kabupaten Banggai menyusun Masterplan Smart City sebagai \
            pedoman pembangunan kota cerdas selama sepuluh tahun, selaras dengan RPJMD dan \
            Renstra perangkat daerah, dengan program-program yang terukur dan terjangkau.";
        for align in [HAlign::Left, HAlign::Justify, HAlign::Center, HAlign::Right] {
            for measure in [60.0, 120.0, 200.0, 439.0] {
                let lines = words(text, spec(align)).lines(measure);
                assert!(lines.len() > 1 || measure > 400.0);
                for l in &lines {
                    let (lo, hi) = text_extent(l);
                    assert!(
                        lo >= -0.01 && hi <= measure + 0.05,
                        "{align:?} {measure} {hi}"
                    );
                }
            }
        }
    }

    #[test]
    fn long_url_is_split_by_characters() {
        let url = "https://satudata.banggaikab.go.id/dataset/indikator-kinerja-smart-city-2023-2032-lengkap";
        let p = Prepared::new(
            &[Inline::Text {
                text: url.to_string(),
                style: SpanStyle {
                    link: Some(url.to_string()),
                    ..SpanStyle::default()
                },
            }],
            spec(HAlign::Justify),
        );
        let lines = p.lines(90.0);
        assert!(lines.len() >= 4, "{}", lines.len());
        let mut joined = String::new();
        for l in &lines {
            let (_, hi) = text_extent(l);
            assert!(hi <= 90.05, "{hi}");
            for item in &l.items {
                if let Item::Text { text, .. } = item {
                    joined.push_str(text);
                }
            }
            assert!(l.items.iter().any(|i| matches!(i, Item::UriLink { .. })));
        }
        assert_eq!(joined, url);
    }

    #[test]
    fn optimal_fit_beats_greedy_on_the_classic_case() {
        // "aaa bb cc ddddd" at measure 6 (unit widths, space 1): greedy takes "aaa bb" / "cc" /
        // "ddddd" (raggedness 16), optimal "aaa" / "bb cc" / "ddddd" (9 + 1 = 10).
        let u = [
            (3.0, Sep::Space(1.0)),
            (2.0, Sep::Space(1.0)),
            (2.0, Sep::Space(1.0)),
            (5.0, Sep::End),
        ];
        let g = greedy_breaks(&u, 6.0);
        let o = optimal_breaks(&u, 6.0);
        assert_eq!(g, vec![2, 3, 4]);
        assert_eq!(o, vec![1, 3, 4]);
        assert_eq!(raggedness(&u, &g, 6.0), 16.0);
        assert_eq!(raggedness(&u, &o, 6.0), 10.0);
    }

    #[test]
    fn optimal_never_worse_than_greedy_on_measured_text() {
        let text = "Setiap perangkat daerah menetapkan indikator kinerja utama, target tahunan, \
            dan sumber pendanaan yang jelas: APBD, APBN, DAK, KPBU, atau CSR. Program quick win \
            dipilih karena berdampak langsung bagi warga dalam enam sampai dua belas bulan.";
        let p = words(text, spec(HAlign::Justify));
        let u: Vec<(f32, Sep)> = p.units.iter().map(|u| (u.width, u.sep)).collect();
        for measure in [150.0, 200.0, 260.0, 330.0] {
            let g = greedy_breaks(&u, measure);
            let o = optimal_breaks(&u, measure);
            assert!(raggedness(&u, &o, measure) <= raggedness(&u, &g, measure) + 0.01);
        }
    }

    #[test]
    fn justified_lines_fill_the_measure_but_the_last() {
        let text = "Dimensi smart governance mencakup pelayanan publik, tata kelola birokrasi, \
            dan kebijakan publik yang transparan, akuntabel, dan partisipatif bagi seluruh warga.";
        let lines = words(text, spec(HAlign::Justify)).lines(200.0);
        assert!(lines.len() >= 3);
        for (k, l) in lines.iter().enumerate() {
            let (_, hi) = text_extent(l);
            if k + 1 < lines.len() {
                assert!((hi - 200.0).abs() < 0.1, "line {k} ends at {hi}");
            } else {
                assert!(hi < 199.0);
            }
        }
    }

    #[test]
    fn hard_breaks_and_hyphens() {
        let p = Prepared::new(
            &[
                Inline::Text {
                    text: "satu".into(),
                    style: SpanStyle::default(),
                },
                Inline::LineBreak,
                Inline::Text {
                    text: "masing-masing".into(),
                    style: SpanStyle::default(),
                },
            ],
            spec(HAlign::Justify),
        );
        assert_eq!(p.lines(400.0).len(), 2);
        assert_eq!(p.units.len(), 3);
        assert_eq!(p.units[1].sep, Sep::Soft);
    }

    #[test]
    fn urls_break_after_separators() {
        let p = words(
            "lihat https://aptika.kominfo.go.id/2023/01/gerakan-menuju-100-smart-city ya",
            spec(HAlign::Left),
        );
        let soft = p.units.iter().filter(|u| u.sep == Sep::Soft).count();
        assert!(soft >= 8, "{soft}");
        // Never between the two slashes of the scheme.
        assert!(p.units.iter().all(|u| {
            let text = &p.buf[p.runs[u.first as usize].start as usize..];
            !text.starts_with('/')
        }));
    }

    #[test]
    fn missing_symbols_get_stand_ins() {
        let p = words("✓ ✗ ★", spec(HAlign::Left));
        assert_eq!(p.buf, "√×*");
    }

    #[test]
    fn no_break_spaces_keep_words_together_and_draw_as_spaces() {
        let joined = words("Pasal\u{a0}5 ayat\u{202f}2", spec(HAlign::Left));
        let plain = words("Pasal_5 ayat_2", spec(HAlign::Left));
        assert!(joined.buf.contains("Pasal 5"), "{}", joined.buf);
        assert!(
            joined
                .buf
                .chars()
                .all(|c| fonts::has_glyph(FontId::Regular, c)),
            "{:?}",
            joined.buf
        );
        assert_eq!(joined.units.len(), plain.units.len());
    }

    #[test]
    fn truncation_fits() {
        let t = truncate(
            FontId::Regular,
            9.0,
            "Masterplan Smart City Kabupaten Banggai",
            80.0,
        );
        assert!(t.ends_with('…'));
        assert!(fonts::text_width(FontId::Regular, 9.0, &t) <= 80.0);
    }
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    fn drawn(text: &str) -> String {
        Prepared::plain(text, TextSpec::body())
            .lines(1000.0)
            .into_iter()
            .flat_map(|l| l.items)
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn straight_quotes_become_typographic_in_prose() {
        assert_eq!(
            drawn("predikat \"Baik\" (\"Sangat Baik\") dan 'quick win' Jum'at"),
            "predikat “Baik” (“Sangat Baik”) dan ‘quick win’ Jum’at"
        );
    }
}
