//! Layout: the block tree to a laid-out [`Document`] (pages of positioned items, in points).
//!
//! Two steps, both linear in the size of the document:
//! 1. *Flow* (this module, `table`): every block becomes a sequence of [`Piece`]s, each an
//!    unbreakable strip of the page (a text line, a heading, a table row or part of one, a chart
//!    block) with its height, the space above it, and whether it must stay on the same page as
//!    the next piece (headings, the first and second-to-last line of a paragraph, a table's head
//!    row). Orientation changes and forced page breaks are [`Flow::Break`]s.
//! 2. *Pagination* (`paginate`): pieces are stacked onto pages; a piece that does not fit (with
//!    the pieces it keeps with) starts a new page; table head rows are repeated at the top of a
//!    continued table. Then the page furniture, the table of contents' page numbers and the
//!    internal links are filled in, since the page of every heading is now known. The table of
//!    contents reserves its page-number column, so its own length never depends on the numbers
//!    and one pass is enough.

mod balance;
mod cover;
mod paginate;
mod signature;
pub mod style;
mod table;
pub mod text;

use std::path::Path;

use super::chart;
use super::fonts::{self, FontId};
use super::markdown::{
    Block, Caption, CaptionKind, FrontMatter, Inline, Language, Parsed, caption, captions,
    plain_text,
};
use super::page::{Document, Item, Metadata, Rgb};
use super::{Paper, PdfOptions};
use text::{Goto, HAlign, Prepared, TextSpec};

/// The printable area of a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub page_w: f32,
    pub page_h: f32,
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl Geometry {
    pub fn new(paper: Paper, landscape: bool) -> Geometry {
        let (w, h) = paper.size_pt();
        let (page_w, page_h) = if landscape { (h, w) } else { (w, h) };
        Geometry {
            page_w,
            page_h,
            left: style::MARGIN_LEFT,
            top: style::MARGIN_TOP,
            width: page_w - style::MARGIN_LEFT - style::MARGIN_RIGHT,
            height: page_h - style::MARGIN_TOP - style::MARGIN_BOTTOM,
        }
    }

    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }
}

/// A horizontal slot for a block: x relative to the content area's left edge, and width.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frame {
    x: f32,
    width: f32,
}

/// What a piece is, for the records pagination keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mark {
    Heading(usize),
    TocEntry(usize),
}

/// An unbreakable horizontal strip. Items are relative to (content left, piece top).
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    height: f32,
    space_before: f32,
    /// First baseline below the piece top (where a list label goes).
    baseline: f32,
    items: Vec<Item>,
    gotos: Vec<Goto>,
    keep_with_next: bool,
    /// A table head row to repeat above this piece when it starts a page.
    repeat: Option<usize>,
    mark: Option<Mark>,
}

impl Piece {
    fn new(height: f32, space_before: f32) -> Piece {
        Piece {
            height,
            space_before,
            baseline: height * 0.75,
            items: Vec::new(),
            gotos: Vec::new(),
            keep_with_next: false,
            repeat: None,
            mark: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Flow {
    Piece(Piece),
    Break { landscape: bool },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_labels() {
        assert_eq!(
            chapter_label("BAB IV STRATEGI DAN RENCANA AKSI"),
            Some(("BAB IV".into(), "STRATEGI DAN RENCANA AKSI".into()))
        );
        assert_eq!(
            chapter_label("Chapter 2 Analysis"),
            Some(("Chapter 2".into(), "Analysis".into()))
        );
        assert_eq!(chapter_label("BAB"), None);
        assert_eq!(chapter_label("BAB I"), None);
        assert_eq!(chapter_label("Babak baru"), None);
        assert_eq!(chapter_label("KATA PENGANTAR"), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "i");
        assert_eq!(roman(4), "iv");
        assert_eq!(roman(14), "xiv");
        assert_eq!(roman(49), "xlix");
        assert_eq!(page_number(2, Some(5)), "iii");
        assert_eq!(page_number(5, Some(5)), "1");
        assert_eq!(page_number(5, None), "6");
    }
}

/// The pseudo heading level footnotes are registered at (as link targets; never in the outline).
const FOOTNOTE_LEVEL: u8 = 99;
/// The pseudo heading level of captions (targets of the lists of tables and figures).
const CAPTION_LEVEL: u8 = 98;

#[derive(Debug, Clone)]
struct HeadingRec {
    level: u8,
    text: String,
    slug: Option<String>,
}

#[derive(Debug, Clone)]
struct TocRec {
    level: u8,
    /// The heading this entry points to (set when the heading is laid out).
    heading: Option<usize>,
    end_x: f32,
    last_baseline: f32,
    height: f32,
    size: f32,
    font: FontId,
    color: Rgb,
}

/// Shift an item by (dx, dy).
fn translate(item: &mut Item, dx: f32, dy: f32) {
    match item {
        Item::Text { x, y, .. }
        | Item::Rect { x, y, .. }
        | Item::UriLink { x, y, .. }
        | Item::GotoLink { x, y, .. }
        | Item::Image { x, y, .. } => {
            *x += dx;
            *y += dy;
        }
        Item::Line { x1, y1, x2, y2, .. } => {
            *x1 += dx;
            *x2 += dx;
            *y1 += dy;
            *y2 += dy;
        }
        Item::Watermark { .. } => {}
    }
}

struct Labels {
    contents: &'static str,
    tables: &'static str,
    figures: &'static str,
    draft: &'static str,
}

fn labels(lang: Language) -> Labels {
    match lang {
        Language::Id => Labels {
            contents: "DAFTAR ISI",
            tables: "DAFTAR TABEL",
            figures: "DAFTAR GAMBAR",
            draft: "Draf",
        },
        Language::En => Labels {
            contents: "CONTENTS",
            tables: "LIST OF TABLES",
            figures: "LIST OF FIGURES",
            draft: "Draft",
        },
    }
}

fn page_label(lang: Language, x: usize, of: usize) -> String {
    match lang {
        Language::Id => format!("Halaman {x} dari {of}"),
        Language::En => format!("Page {x} of {of}"),
    }
}

/// The footer of a front-matter page: "Halaman ii" / "Page ii".
fn front_page_label(lang: Language, x: usize) -> String {
    match lang {
        Language::Id => format!("Halaman {}", roman(x)),
        Language::En => format!("Page {}", roman(x)),
    }
}

/// Lower-case roman numerals (`1` -> `i`, `14` -> `xiv`); `0` is empty.
fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// A page's printed number: roman in the front matter (before `body`), then arabic from 1.
fn page_number(index: usize, body: Option<usize>) -> String {
    match body {
        Some(b) if index < b => roman(index + 1),
        Some(b) => (index - b + 1).to_string(),
        None => (index + 1).to_string(),
    }
}

struct Builder {
    flow: Vec<Flow>,
    repeats: Vec<Piece>,
    headings: Vec<HeadingRec>,
    /// (level, title) of the level-1 and level-2 headings, in order (collected beforehand).
    toc_titles: Vec<(u8, String)>,
    toc: Vec<TocRec>,
    /// Level-1/2 headings laid out so far (index into `toc`).
    toc_seen: usize,
    toc_done: bool,
    /// The captions (collected beforehand) and the index into `toc` of each one's entry.
    captions: Vec<Caption>,
    caption_toc: Vec<usize>,
    /// Captions laid out so far.
    caption_seen: usize,
    /// The group of same-kind tables being set (one geometry for all).
    shared: Option<table::SharedTables>,
    landscape: bool,
    portrait: Geometry,
    landscape_geo: Geometry,
    list_depth: usize,
    lang: Language,
}

/// The level-1 and level-2 headings for the contents; `lists` (the titles of the lists of
/// tables and figures) stand where the first `pdf:toc` marker is, since they follow it.
fn collect_toc(
    blocks: &[Block],
    out: &mut Vec<(u8, String)>,
    has_marker: &mut bool,
    lists: &[&str],
) {
    for b in blocks {
        match b {
            Block::Heading { level, content, .. } if *level <= 2 => {
                out.push((*level, plain_text(content)))
            }
            Block::Toc => {
                if !*has_marker {
                    out.extend(lists.iter().map(|t| (1, t.to_string())));
                }
                *has_marker = true
            }
            Block::Landscape(inner) | Block::Quote(inner) => {
                collect_toc(inner, out, has_marker, lists)
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_toc(item, out, has_marker, lists);
                }
            }
            Block::Footnotes(notes) => {
                for n in notes {
                    collect_toc(&n.blocks, out, has_marker, lists);
                }
            }
            _ => {}
        }
    }
}

/// Whether `b` introduces `next` and must stay on the same page as its first lines: a paragraph
/// set entirely in bold (a run-in sub-heading such as "**Tim Pelaksana**") before any block, or
/// a paragraph ending with a colon before a table or a list.
fn is_lead_in(b: &Block, next: &Block) -> bool {
    let Block::Paragraph(content) = b else {
        return false;
    };
    if matches!(
        next,
        Block::Heading { .. } | Block::PageBreak | Block::Footnotes(_)
    ) {
        return false;
    }
    let mut any = false;
    let all_bold = content.iter().all(|i| match i {
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
    if all_bold && any && plain_text(content).chars().count() <= 120 {
        return true;
    }
    plain_text(content).trim_end().ends_with(':')
        && (matches!(next, Block::Table(_) | Block::List { .. })
            || caption(next).is_some_and(|c| c.kind == CaptionKind::Table))
}

/// The space a block wants below it (the next block's space above is at least this).
fn space_after(b: &Block) -> f32 {
    match b {
        Block::Table(_) | Block::Code { .. } => style::PARA_SPACE + 5.0,
        Block::Quote(_) | Block::List { .. } => style::PARA_SPACE + 2.0,
        _ => style::PARA_SPACE,
    }
}

/// Split a chapter heading into its label and title: `BAB IV STRATEGI` -> (`BAB IV`,
/// `STRATEGI`); also `CHAPTER 2 ...`. `None` for any other heading.
fn chapter_label(text: &str) -> Option<(String, String)> {
    let mut words = text.split_whitespace();
    let first = words.next()?;
    if !matches!(first.to_lowercase().as_str(), "bab" | "chapter") {
        return None;
    }
    let number = words.next()?;
    let roman = number.chars().all(|c| "IVXLCDM".contains(c));
    let arabic = number.chars().all(|c| c.is_ascii_digit());
    if !(roman || arabic) {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        return None;
    }
    Some((format!("{first} {number}"), rest.join(" ")))
}

fn bullet(depth: usize) -> &'static str {
    let want = match depth {
        0 => "•",
        1 => "◦",
        2 => "▪",
        _ => "–",
    };
    let c = want.chars().next().unwrap_or('-');
    if fonts::has_glyph(FontId::Regular, c) {
        want
    } else if depth.is_multiple_of(2) {
        "•"
    } else {
        "–"
    }
}

impl Builder {
    fn geo(&self) -> &Geometry {
        if self.landscape {
            &self.landscape_geo
        } else {
            &self.portrait
        }
    }

    fn full_frame(&self) -> Frame {
        Frame {
            x: 0.0,
            width: self.geo().width,
        }
    }

    fn push(&mut self, p: Piece) {
        self.flow.push(Flow::Piece(p));
    }

    /// Remove and return the pieces that introduce what comes next: the trailing pieces kept
    /// with the next one, or, when a heading is among the last few pieces (at most 6, none of
    /// them a break), everything from that heading on.
    fn take_introduction(&mut self) -> Vec<Flow> {
        let len = self.flow.len();
        let window = len.saturating_sub(6);
        let mut from = len;
        for k in (window..len).rev() {
            match self.flow.get(k) {
                Some(Flow::Piece(p)) => {
                    if matches!(p.mark, Some(Mark::Heading(_))) {
                        from = k;
                        break;
                    }
                }
                _ => break,
            }
        }
        // Headings directly above that heading ("LAMPIRAN" over "Lampiran 1") go along.
        while from < len && from > 0 {
            match self.flow.get(from - 1) {
                Some(Flow::Piece(p)) if matches!(p.mark, Some(Mark::Heading(_))) => from -= 1,
                _ => break,
            }
        }
        if from == len {
            while from > 0 {
                match self.flow.get(from - 1) {
                    Some(Flow::Piece(p)) if p.keep_with_next => from -= 1,
                    _ => break,
                }
            }
        }
        self.flow.split_off(from)
    }

    /// Start landscape pages. The heading introducing what follows (and a short note under it,
    /// such as "(dalam Rupiah)") moves to the landscape page with it.
    fn enter_landscape(&mut self) {
        let kept = self.take_introduction();
        self.flow.push(Flow::Break { landscape: true });
        self.landscape = true;
        let shift = (self.landscape_geo.width - self.portrait.width) / 2.0;
        for mut f in kept {
            if let Flow::Piece(p) = &mut f
                && let Some(Mark::Heading(h)) = p.mark
                && self.headings.get(h).is_some_and(|r| r.level == 1)
            {
                for item in &mut p.items {
                    translate(item, shift, 0.0);
                }
                for g in &mut p.gotos {
                    g.x += shift;
                }
            }
            self.flow.push(f);
        }
    }

    /// When `blocks` starts with a level-1 heading (in portrait), followed by paragraphs
    /// taking less than 40 % of a page, then a landscape section: the number of blocks before
    /// that section.
    fn landscape_lead(&self, blocks: &[Block]) -> Option<usize> {
        if self.landscape || !matches!(blocks.first(), Some(Block::Heading { level: 1, .. })) {
            return None;
        }
        let measure = self.landscape_geo.width;
        let mut height = 0.0;
        let mut j = 1;
        while let Some(Block::Paragraph(content)) = blocks.get(j) {
            let p = Prepared::new(content, TextSpec::body());
            let lines = (p.max_width() / measure).ceil().max(1.0);
            height += lines * style::BODY_LEADING + style::PARA_SPACE;
            j += 1;
        }
        let short = height < 0.4 * self.portrait.height;
        (j > 1 && short && matches!(blocks.get(j), Some(Block::Landscape(_)))).then_some(j)
    }

    /// The height of the trailing pieces kept with what comes next (a heading and its lead-in).
    fn kept_tail(&self) -> f32 {
        let mut h = 0.0;
        for f in self.flow.iter().rev() {
            match f {
                Flow::Piece(p) if p.keep_with_next => h += p.height + p.space_before,
                _ => break,
            }
        }
        h.min(self.geo().height / 2.0)
    }

    /// Keep the pieces from `from` on with the next one, when together they take at most a
    /// third of the page.
    fn keep_together_from(&mut self, from: usize) {
        let third = self.geo().height / 3.0;
        let mut height = 0.0;
        for f in self.flow.iter().skip(from) {
            match f {
                Flow::Piece(p) => height += p.height + p.space_before,
                Flow::Break { .. } => return,
            }
        }
        if height > third {
            return;
        }
        for f in self.flow.iter_mut().skip(from) {
            if let Flow::Piece(p) = f {
                p.keep_with_next = true;
            }
        }
    }

    fn blocks(&mut self, blocks: &[Block], frame: Frame, spec: &TextSpec, first_space: f32) {
        let mut after = first_space;
        let mut skip = 0;
        let mut heading_at: Option<usize> = None;
        for (k, b) in blocks.iter().enumerate() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            // A chapter whose short introduction leads into landscape pages is set on the
            // landscape page, at its width, rather than alone on a portrait page.
            if let Some(j) = self.landscape_lead(&blocks[k..])
                && let Some(Block::Landscape(inner)) = blocks.get(k + j)
            {
                self.landscape = true;
                let full = self.full_frame();
                self.blocks(&blocks[k..k + j], full, spec, after);
                let space = blocks.get(k + j - 1).map_or(style::PARA_SPACE, space_after);
                self.blocks(inner, full, spec, space);
                self.landscape = false;
                self.flow.push(Flow::Break { landscape: false });
                after = style::PARA_SPACE;
                skip = j;
                continue;
            }
            if signature::is_signature(&blocks[k..]) {
                self.signature(&blocks[k..], frame, spec, after);
                after = style::PARA_SPACE;
                skip = 2;
                continue;
            }
            let from = self.flow.len();
            // A heading's description keeps with the table after it (a programme's heading,
            // description and the start of its details table share a page).
            match b {
                Block::Heading { .. } => heading_at = Some(from),
                Block::Paragraph(_) => {}
                Block::Table(t) => {
                    if let Some(h) = heading_at.take() {
                        self.keep_together_from(h);
                    }
                    if !self.shared.as_ref().is_some_and(|s| s.contains(t)) {
                        self.shared = table::same_kind(&blocks[k..]);
                    }
                }
                _ => heading_at = None,
            }
            self.block(b, frame, spec, after);
            after = space_after(b);
            // A lead-in of at most three lines: all its lines keep together (a paragraph's
            // first line keeps with the second, the second-to-last with the last), so it moves
            // whole, also onto a landscape page with the table it introduces.
            if let Some(next) = blocks.get(k + 1)
                && self.flow.len() - from <= 3
                && is_lead_in(b, next)
                && let Some(Flow::Piece(p)) = self.flow.last_mut()
            {
                p.keep_with_next = true;
            }
        }
    }

    fn block(&mut self, b: &Block, frame: Frame, spec: &TextSpec, space: f32) {
        match b {
            Block::Heading {
                level,
                content,
                slug,
            } => self.heading(*level, content, Some(slug), frame, true),
            Block::Paragraph(content) => match caption(b) {
                Some(c) => self.caption(content, &c, frame, space),
                None => {
                    let mut p = Prepared::new(content, *spec);
                    p.hyphenate = Some(self.lang);
                    self.text_pieces(&p, frame, space);
                }
            },
            Block::List { start, items } => self.list(*start, items, frame, spec, space),
            Block::Quote(inner) => self.quote(inner, frame, spec, space),
            Block::Code { info, text } => {
                let lang = info.split_whitespace().next().unwrap_or("");
                if lang.eq_ignore_ascii_case("mermaid") {
                    // The first part of a chart shares its page with the heading kept with it.
                    let max_h = self.geo().height - self.kept_tail() - space - 4.0;
                    // Numbers in chart labels as the document writes them ("2,5").
                    let decimal = match self.lang {
                        Language::Id => ',',
                        Language::En => '.',
                    };
                    match chart::layout_mermaid_with(text, frame.width, max_h, decimal) {
                        Some(blocks) if !blocks.is_empty() => {
                            for (k, cb) in blocks.into_iter().enumerate() {
                                let mut p = Piece::new(
                                    cb.height,
                                    if k == 0 {
                                        space + 4.0
                                    } else {
                                        style::PARA_SPACE
                                    },
                                );
                                let dx = frame.x + ((frame.width - cb.width) / 2.0).max(0.0);
                                p.items = cb.items;
                                for item in &mut p.items {
                                    translate(item, dx, 0.0);
                                }
                                self.push(p);
                            }
                        }
                        _ => self.code(text, frame, space),
                    }
                } else {
                    self.code(text, frame, space);
                }
            }
            Block::Rule => {
                let mut p = Piece::new(14.0, space);
                p.items.push(Item::Line {
                    x1: frame.x,
                    y1: 7.0,
                    x2: frame.x + frame.width,
                    y2: 7.0,
                    width: 0.75,
                    color: style::RULE,
                });
                self.push(p);
            }
            Block::Table(t) => self.table(t, frame, space),
            Block::Footnotes(notes) => self.footnotes(notes, frame),
            Block::Toc => self.toc(),
            Block::PageBreak => self.flow.push(Flow::Break {
                landscape: self.landscape,
            }),
            Block::Landscape(inner) => {
                if self.landscape {
                    self.blocks(inner, frame, spec, space);
                } else {
                    self.enter_landscape();
                    let full = self.full_frame();
                    self.blocks(inner, full, spec, 0.0);
                    self.landscape = false;
                    self.flow.push(Flow::Break { landscape: false });
                }
            }
        }
    }

    /// Lines of a paragraph as pieces; the first keeps with the second (no orphan) and the
    /// second-to-last with the last (no widow). Returns the number of pieces.
    fn text_pieces(&mut self, p: &Prepared, frame: Frame, space: f32) -> usize {
        let lines = p.lines(frame.width);
        let n = lines.len();
        let leading = p.spec.leading;
        let baseline = p.spec.baseline();
        for (k, line) in lines.into_iter().enumerate() {
            let mut piece = Piece::new(leading, if k == 0 { space } else { 0.0 });
            piece.baseline = baseline;
            piece.keep_with_next = (k == 0 && n >= 2) || (n >= 3 && k + 2 == n);
            piece.items = line.items;
            for item in &mut piece.items {
                translate(item, frame.x, 0.0);
            }
            piece.gotos = line.gotos;
            for g in &mut piece.gotos {
                g.x += frame.x;
            }
            self.push(piece);
        }
        n
    }

    fn heading(
        &mut self,
        level: u8,
        content: &[Inline],
        slug: Option<&str>,
        frame: Frame,
        in_toc: bool,
    ) {
        let (size, leading, above, below) = style::heading(level);
        if level == 1 && !self.short_preamble() {
            self.flow.push(Flow::Break {
                landscape: self.landscape,
            });
        }
        let spec = TextSpec {
            size,
            leading,
            color: if level <= 3 { style::NAVY } else { style::TEXT },
            bold: true,
            italic: level >= 4,
            align: if level == 1 {
                HAlign::Center
            } else {
                HAlign::Left
            },
        };
        let mut piece = Piece::new(0.0, above);
        piece.baseline = spec.baseline();
        let mut y = 0.0;
        // "BAB I PENDAHULUAN": the chapter label on a line of its own, smaller, above the title.
        let split = if level == 1 {
            chapter_label(&plain_text(content))
        } else {
            None
        };
        let lines = match &split {
            Some((label, title)) => {
                let label_spec = TextSpec {
                    size: 13.0,
                    leading: 18.0,
                    color: style::GOLD_TEXT,
                    ..spec
                };
                for line in Prepared::plain(label, label_spec).lines(frame.width) {
                    for mut item in line.items {
                        translate(&mut item, frame.x, y);
                        piece.items.push(item);
                    }
                    y += label_spec.leading;
                }
                y += 2.0;
                Prepared::plain(title, spec).lines(frame.width)
            }
            None => Prepared::new(content, spec).lines(frame.width),
        };
        for line in lines {
            for mut item in line.items {
                translate(&mut item, frame.x, y);
                piece.items.push(item);
            }
            for mut g in line.gotos {
                g.x += frame.x;
                g.y += y;
                piece.gotos.push(g);
            }
            y += leading;
        }
        if level == 1 {
            let mid = frame.x + frame.width / 2.0;
            y += 6.0;
            piece.items.push(Item::Line {
                x1: mid - 36.0,
                y1: y,
                x2: mid + 36.0,
                y2: y,
                width: 1.6,
                color: style::GOLD,
            });
        }
        piece.height = y + below;
        piece.keep_with_next = true;
        let idx = self.headings.len();
        self.headings.push(HeadingRec {
            level,
            text: plain_text(content),
            slug: slug.map(str::to_string),
        });
        piece.mark = Some(Mark::Heading(idx));
        if in_toc && level <= 2 {
            if let Some(rec) = self.toc.get_mut(self.toc_seen) {
                rec.heading = Some(idx);
            }
            self.toc_seen += 1;
        }
        self.push(piece);
    }

    /// Whether everything set since the last page break is a short preamble (such as a draft
    /// notice) before the document's first heading: the first chapter then shares its page
    /// instead of leaving it nearly empty.
    fn short_preamble(&self) -> bool {
        if self
            .headings
            .iter()
            .any(|h| h.slug.is_some() && h.level != FOOTNOTE_LEVEL)
        {
            return false;
        }
        let mut height = 0.0;
        for f in self.flow.iter().rev() {
            match f {
                Flow::Break { .. } => break,
                Flow::Piece(p) => {
                    if p.mark.is_some() {
                        return false;
                    }
                    height += p.space_before + p.height;
                }
            }
        }
        height > 0.0 && height < self.geo().height / 4.0
    }

    /// Put `label` right-aligned before `x_right` on the first baseline of the first piece
    /// pushed since `from`; push an empty line carrying it when there is none.
    fn label_first(&mut self, from: usize, label: &str, x_right: f32, spec: &TextSpec) {
        let font = FontId::Regular;
        let w = fonts::text_width(font, spec.size, label);
        let first = self.flow.iter_mut().skip(from).find_map(|f| match f {
            Flow::Piece(p) => Some(p),
            Flow::Break { .. } => None,
        });
        let make = |baseline: f32| Item::Text {
            x: x_right - w,
            y: baseline,
            font,
            size: spec.size,
            color: style::NAVY,
            text: label.to_string(),
        };
        match first {
            Some(p) => {
                let item = make(p.baseline);
                p.items.push(item);
            }
            None => {
                let mut p = Piece::new(spec.leading, style::ITEM_SPACE);
                p.baseline = spec.baseline();
                p.items.push(make(p.baseline));
                self.push(p);
            }
        }
    }

    fn list(
        &mut self,
        start: Option<u64>,
        items: &[Vec<Block>],
        frame: Frame,
        spec: &TextSpec,
        space: f32,
    ) {
        let depth = self.list_depth;
        self.list_depth += 1;
        let labels: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(k, _)| match start {
                Some(s) => format!("{}.", s.saturating_add(k as u64)),
                None => bullet(depth).to_string(),
            })
            .collect();
        let widest = labels
            .iter()
            .map(|l| fonts::text_width(FontId::Regular, spec.size, l))
            .fold(0.0, f32::max);
        let indent = style::LIST_INDENT.max(widest + 8.0).min(frame.width / 3.0);
        let inner = Frame {
            x: frame.x + indent,
            width: frame.width - indent,
        };
        for (k, item) in items.iter().enumerate() {
            let from = self.flow.len();
            let first = if k == 0 { space } else { style::ITEM_SPACE };
            for (m, b) in item.iter().enumerate() {
                let s = if m == 0 {
                    first
                } else {
                    style::ITEM_SPACE + 1.0
                };
                self.block(b, inner, spec, s);
            }
            let label = labels.get(k).map_or("•", String::as_str);
            self.label_first(from, label, inner.x - 5.0, spec);
        }
        self.list_depth -= 1;
    }

    fn quote(&mut self, inner: &[Block], frame: Frame, spec: &TextSpec, space: f32) {
        let from = self.flow.len();
        let quoted = TextSpec {
            color: Rgb(0.24, 0.27, 0.33),
            ..*spec
        };
        let in_frame = Frame {
            x: frame.x + style::QUOTE_INDENT,
            width: frame.width - style::QUOTE_INDENT,
        };
        self.blocks(inner, in_frame, &quoted, space);
        let mut first = true;
        for f in self.flow.iter_mut().skip(from) {
            let Flow::Piece(p) = f else { continue };
            if !first && p.space_before > 0.0 {
                let s = p.space_before;
                for item in &mut p.items {
                    translate(item, 0.0, s);
                }
                for g in &mut p.gotos {
                    g.y += s;
                }
                p.baseline += s;
                p.height += s;
                p.space_before = 0.0;
            }
            first = false;
            p.items.push(Item::Line {
                x1: frame.x + 3.0,
                y1: 0.0,
                x2: frame.x + 3.0,
                y2: p.height,
                width: 2.5,
                color: style::QUOTE_RULE,
            });
        }
    }

    fn code(&mut self, text: &str, frame: Frame, space: f32) {
        let spec = TextSpec {
            size: style::CODE_SIZE,
            leading: style::CODE_LEADING,
            color: style::TEXT,
            bold: false,
            italic: false,
            align: HAlign::Left,
        };
        let char_w = fonts::text_width(FontId::Mono, spec.size, "M").max(0.1);
        let cols = (((frame.width - 2.0 * style::CODE_PAD) / char_w).floor() as usize).max(8);
        let text = text.replace('\t', "    ");
        let mut lines: Vec<String> = Vec::new();
        for raw in text.trim_end_matches('\n').split('\n') {
            let raw = raw.trim_end_matches('\r');
            let chars: Vec<char> = raw.chars().filter(|c| !c.is_control()).collect();
            if chars.is_empty() {
                lines.push(String::new());
                continue;
            }
            let mut start = 0;
            while start < chars.len() {
                let mut end = (start + cols).min(chars.len());
                if end < chars.len()
                    && let Some(sp) = chars[start..end].iter().rposition(|c| *c == ' ')
                    && sp > cols / 2
                {
                    end = start + sp + 1;
                }
                lines.push(chars[start..end].iter().collect());
                start = end;
            }
        }
        let n = lines.len();
        let baseline = spec.baseline();
        for (k, line) in lines.into_iter().enumerate() {
            let top_pad = if k == 0 { style::CODE_PAD } else { 0.0 };
            let bottom_pad = if k + 1 == n { style::CODE_PAD } else { 0.0 };
            let mut p = Piece::new(
                top_pad + spec.leading + bottom_pad,
                if k == 0 { space } else { 0.0 },
            );
            p.baseline = top_pad + baseline;
            p.keep_with_next = (k == 0 && n >= 2) || (n >= 3 && k + 2 == n);
            p.items.push(Item::Rect {
                x: frame.x,
                y: 0.0,
                w: frame.width,
                h: p.height,
                fill: style::CODE_BG,
            });
            if !line.trim().is_empty() {
                p.items.push(Item::Text {
                    x: frame.x + style::CODE_PAD,
                    y: top_pad + baseline,
                    font: FontId::Mono,
                    size: spec.size,
                    color: spec.color,
                    text: line,
                });
            }
            self.push(p);
        }
    }

    fn footnotes(&mut self, notes: &[super::markdown::Footnote], frame: Frame) {
        let mut sep = Piece::new(8.0, 16.0);
        sep.items.push(Item::Line {
            x1: frame.x,
            y1: 4.0,
            x2: frame.x + (frame.width * 0.3).min(140.0),
            y2: 4.0,
            width: 0.6,
            color: style::RULE,
        });
        sep.keep_with_next = true;
        self.push(sep);
        let spec = TextSpec {
            size: style::NOTE_SIZE,
            leading: style::NOTE_LEADING,
            color: style::TEXT,
            bold: false,
            italic: false,
            align: HAlign::Justify,
        };
        let indent = 18.0;
        let inner = Frame {
            x: frame.x + indent,
            width: frame.width - indent,
        };
        for note in notes {
            let from = self.flow.len();
            self.blocks(&note.blocks, inner, &spec, 3.0);
            self.label_first(from, &format!("{}.", note.number), inner.x - 4.0, &spec);
            // The note is the target of its references' links.
            let idx = self.headings.len();
            let first = self.flow.iter_mut().skip(from).find_map(|f| match f {
                Flow::Piece(p) if p.mark.is_none() => Some(p),
                _ => None,
            });
            if let Some(p) = first {
                p.mark = Some(Mark::Heading(idx));
                self.headings.push(HeadingRec {
                    level: FOOTNOTE_LEVEL,
                    text: String::new(),
                    slug: Some(super::markdown::footnote_anchor(note.number)),
                });
            }
        }
    }

    fn toc(&mut self) {
        if self.toc_done {
            return;
        }
        self.toc_done = true;
        if self.toc_titles.is_empty() {
            return;
        }
        let was_landscape = self.landscape;
        self.landscape = false;
        let title = labels(self.lang).contents;
        let frame = self.full_frame();
        let content = [Inline::Text {
            text: title.to_string(),
            style: Default::default(),
        }];
        self.heading(1, &content, None, frame, false);
        let titles = std::mem::take(&mut self.toc_titles);
        let head = self.flow.len().saturating_sub(1);
        let fresh = head == 0 || matches!(self.flow.get(head - 1), Some(Flow::Break { .. }));
        self.toc_entries(&titles, frame, false);
        // No lone entry on the contents' last page. The contents start a page of their own
        // (unless they share it with a short preamble, when this is skipped), so their
        // pagination is known here: when the last page would hold fewer than three entries,
        // set them with slightly less space between entries if that saves the page, else
        // break the page earlier so that three (or a chapter with its first entry) move over.
        let body = self.portrait.height;
        if fresh && titles.len() >= 6 {
            let pages = paginate::simulate(self.flow.get(head..).unwrap_or(&[]), body);
            if lone_tail(&pages) {
                self.flow.truncate(head + 1);
                self.toc_entries(&titles, frame, true);
                let tight = paginate::simulate(self.flow.get(head..).unwrap_or(&[]), body);
                if tight.last() >= pages.last() || lone_tail(&tight) {
                    self.flow.truncate(head + 1);
                    self.toc_entries(&titles, frame, false);
                    let mut at = self.flow.len().saturating_sub(3);
                    while at > head + 1
                        && matches!(self.flow.get(at - 1), Some(Flow::Piece(p)) if p.keep_with_next)
                    {
                        at -= 1;
                    }
                    if at > head + 1 {
                        self.flow.insert(at, Flow::Break { landscape: false });
                    }
                }
            }
        }
        self.toc_titles = titles;
        self.flow.push(Flow::Break { landscape: false });
        for kind in [CaptionKind::Table, CaptionKind::Figure] {
            self.caption_list(kind, frame);
        }
        self.flow.push(Flow::Break {
            landscape: was_landscape,
        });
        self.landscape = was_landscape;
    }

    /// The list of tables or of figures (after the contents, each from a new page): every
    /// caption of that kind with its page, dotted leaders and a link, like the contents.
    fn caption_list(&mut self, kind: CaptionKind, frame: Frame) {
        let entries: Vec<(usize, String)> = self
            .captions
            .iter()
            .zip(&self.caption_toc)
            .filter(|(c, _)| c.kind == kind)
            .map(|(c, &t)| (t, c.text.clone()))
            .collect();
        if entries.is_empty() {
            return;
        }
        let l = labels(self.lang);
        let title = match kind {
            CaptionKind::Table => l.tables,
            CaptionKind::Figure => l.figures,
        };
        let content = [Inline::Text {
            text: title.to_string(),
            style: Default::default(),
        }];
        // In the contents too: the heading takes the contents entry collected for it.
        self.heading(1, &content, None, frame, true);
        let num_w = fonts::text_width(FontId::Bold, 11.0, "0000");
        let spec = TextSpec {
            size: 10.5,
            leading: 14.0,
            color: style::TEXT,
            bold: false,
            italic: false,
            align: HAlign::Left,
        };
        let measure = frame.width - num_w - 14.0;
        for (t, text) in entries {
            let lines = Prepared::plain(&text, spec).lines(measure);
            let n = lines.len().max(1);
            let mut p = Piece::new(n as f32 * spec.leading, 3.0);
            p.baseline = spec.baseline();
            let mut end_x = 0.0;
            for (k, line) in lines.into_iter().enumerate() {
                end_x = line.end_x;
                for mut item in line.items {
                    translate(&mut item, 0.0, k as f32 * spec.leading);
                    p.items.push(item);
                }
            }
            p.mark = Some(Mark::TocEntry(t));
            if let Some(rec) = self.toc.get_mut(t) {
                rec.end_x = end_x;
                rec.last_baseline = (n - 1) as f32 * spec.leading + spec.baseline();
                rec.height = p.height;
                rec.size = spec.size;
                rec.font = FontId::Regular;
                rec.color = spec.color;
                rec.level = 3;
            }
            self.push(p);
        }
        self.flow.push(Flow::Break { landscape: false });
    }

    /// A caption: smaller, centred, its label bold as written. A table's caption keeps with the
    /// table below it, a figure's caption with the figure above it. Registered as the target of
    /// its entry in the list of tables or figures.
    fn caption(&mut self, content: &[Inline], c: &Caption, frame: Frame, space: f32) {
        let spec = TextSpec {
            size: style::CAPTION_SIZE,
            leading: style::CAPTION_LEADING,
            color: style::NAVY,
            bold: false,
            italic: false,
            align: HAlign::Center,
        };
        if c.kind == CaptionKind::Figure
            && let Some(Flow::Piece(p)) = self.flow.last_mut()
        {
            p.keep_with_next = true;
        }
        let from = self.flow.len();
        let space = if c.kind == CaptionKind::Figure {
            4.0
        } else {
            space
        };
        self.text_pieces(&Prepared::new(content, spec), frame, space);
        let idx = self.headings.len();
        self.headings.push(HeadingRec {
            level: CAPTION_LEVEL,
            text: c.text.clone(),
            slug: Some(c.anchor.clone()),
        });
        let table = c.kind == CaptionKind::Table;
        let mut first = true;
        for f in self.flow.iter_mut().skip(from) {
            if let Flow::Piece(p) = f {
                if first {
                    p.mark = Some(Mark::Heading(idx));
                    first = false;
                }
                if table {
                    p.keep_with_next = true;
                }
            }
        }
        if let Some(&t) = self.caption_toc.get(self.caption_seen)
            && let Some(rec) = self.toc.get_mut(t)
        {
            rec.heading = Some(idx);
        }
        self.caption_seen += 1;
    }

    /// The contents' entries, one piece each; `tight` sets them with less space between them.
    fn toc_entries(&mut self, titles: &[(u8, String)], frame: Frame, tight: bool) {
        let num_w = fonts::text_width(FontId::Bold, 11.0, "0000");
        for (i, (level, title)) in titles.iter().enumerate() {
            let spec = if *level == 1 {
                TextSpec {
                    size: 11.0,
                    leading: 15.0,
                    color: style::NAVY,
                    bold: true,
                    italic: false,
                    align: HAlign::Left,
                }
            } else {
                TextSpec {
                    size: 10.5,
                    leading: 14.0,
                    color: style::TEXT,
                    bold: false,
                    italic: false,
                    align: HAlign::Left,
                }
            };
            let indent = if *level == 1 { 0.0 } else { 18.0 };
            let measure = frame.width - indent - num_w - 14.0;
            let lines = Prepared::plain(title, spec).lines(measure);
            let n = lines.len().max(1);
            let above = match (*level == 1, tight) {
                (true, false) => 8.0,
                (true, true) => 5.0,
                (false, false) => 2.0,
                (false, true) => 1.0,
            };
            let mut p = Piece::new(n as f32 * spec.leading, above);
            p.baseline = spec.baseline();
            let mut end_x = indent;
            for (k, line) in lines.into_iter().enumerate() {
                end_x = indent + line.end_x;
                for mut item in line.items {
                    translate(&mut item, indent, k as f32 * spec.leading);
                    p.items.push(item);
                }
            }
            p.keep_with_next = *level == 1;
            p.mark = Some(Mark::TocEntry(i));
            if let Some(rec) = self.toc.get_mut(i) {
                rec.end_x = end_x;
                rec.last_baseline = (n - 1) as f32 * spec.leading + spec.baseline();
                rec.height = p.height;
                rec.size = spec.size;
                rec.font = if *level == 1 {
                    FontId::Bold
                } else {
                    FontId::Regular
                };
                rec.color = spec.color;
                rec.level = *level;
            }
            self.push(p);
        }
    }
}

/// Whether the last of these pages (page of each piece, the first piece being the heading)
/// holds fewer than three pieces while earlier pages exist.
fn lone_tail(pages: &[usize]) -> bool {
    let Some(last) = pages.last().copied() else {
        return false;
    };
    last > 0 && pages.iter().filter(|p| **p == last).count() < 3
}

/// Lay out a parsed document.
pub fn layout_document(parsed: &Parsed, base_dir: &Path, options: &PdfOptions) -> Document {
    let front = &parsed.front;
    let portrait = Geometry::new(options.paper, false);
    let landscape_geo = Geometry::new(options.paper, true);
    let captions = captions(&parsed.blocks);
    let l = labels(front.language);
    let mut lists = Vec::new();
    for (kind, title) in [
        (CaptionKind::Table, l.tables),
        (CaptionKind::Figure, l.figures),
    ] {
        if captions.iter().any(|c| c.kind == kind) {
            lists.push(title);
        }
    }
    let mut toc_titles = Vec::new();
    let mut has_marker = false;
    collect_toc(&parsed.blocks, &mut toc_titles, &mut has_marker, &lists);
    if !has_marker {
        // The contents (and the lists after them) come first.
        for (k, t) in lists.iter().enumerate() {
            toc_titles.insert(k, (1, t.to_string()));
        }
    }
    let caption_toc: Vec<usize> = (toc_titles.len()..toc_titles.len() + captions.len()).collect();
    let toc = toc_titles
        .iter()
        .map(|(level, _)| *level)
        .chain(std::iter::repeat_n(3, captions.len()))
        .map(|level| TocRec {
            level,
            heading: None,
            end_x: 0.0,
            last_baseline: 0.0,
            height: 0.0,
            size: 11.0,
            font: FontId::Regular,
            color: style::TEXT,
        })
        .collect();
    let mut b = Builder {
        flow: Vec::with_capacity(parsed.blocks.len() * 4),
        repeats: Vec::new(),
        headings: Vec::new(),
        toc_titles,
        toc,
        toc_seen: 0,
        toc_done: false,
        captions,
        caption_toc,
        caption_seen: 0,
        shared: None,
        landscape: false,
        portrait,
        landscape_geo,
        list_depth: 0,
        lang: front.language,
    };
    if !has_marker {
        b.toc();
    }
    let body = TextSpec::body();
    let frame = b.full_frame();
    b.blocks(&parsed.blocks, frame, &body, 0.0);
    let cover = cover::cover(front, base_dir, &portrait);
    paginate::finish(b, cover, front)
}

fn metadata(front: &FrontMatter) -> Metadata {
    Metadata {
        title: front.title.clone(),
        author: front.author.clone(),
        subject: front.subject.clone(),
        keywords: front.keywords.clone(),
        language: front.language.tag().to_string(),
        body_start: None,
    }
}
