//! Pagination: pieces stacked onto pages, then everything that needs final page numbers: the
//! table of contents' numbers and leaders, internal links, the outline, running header and
//! footer, and the draft watermark.

use std::collections::HashMap;

use crate::typeset::fonts::{self, FontId};
use crate::typeset::markdown::FrontMatter;
use crate::typeset::page::{Document, Item, Metadata, OutlineEntry, Page};

use super::text::{Goto, truncate};
use super::{
    Builder, Flow, Geometry, Mark, Piece, chapter_label, front_page_label, labels, metadata,
    page_label, page_number, style, translate,
};

struct Sheet {
    landscape: bool,
    items: Vec<Item>,
    has_content: bool,
}

/// A link to a heading, placed on a page (page index into the final document).
struct PlacedGoto {
    page: usize,
    goto: Goto,
}

struct Paginator<'a> {
    portrait: &'a Geometry,
    landscape: &'a Geometry,
    done: Vec<Sheet>,
    cur: Sheet,
    y: f32,
    heading_pos: Vec<Option<(usize, f32)>>,
    toc_pos: Vec<Option<(usize, f32)>>,
    gotos: Vec<PlacedGoto>,
}

impl<'a> Paginator<'a> {
    fn geo(&self) -> &'a Geometry {
        if self.cur.landscape {
            self.landscape
        } else {
            self.portrait
        }
    }

    /// Index in the final document of the page being filled (the cover is page 0).
    fn page_index(&self) -> usize {
        self.done.len() + 1
    }

    fn new_page(&mut self, landscape: bool) {
        if self.cur.has_content {
            let next = Sheet {
                landscape,
                items: Vec::with_capacity(self.cur.items.len().max(64)),
                has_content: false,
            };
            self.done.push(std::mem::replace(&mut self.cur, next));
        } else {
            self.cur.landscape = landscape;
        }
        self.y = self.geo().top;
    }

    fn put(&mut self, piece: &mut Piece, space: f32) {
        let geo = self.geo();
        let top = self.y + space;
        let page = self.page_index();
        for mut item in std::mem::take(&mut piece.items) {
            translate(&mut item, geo.left, top);
            self.cur.items.push(item);
        }
        for mut g in std::mem::take(&mut piece.gotos) {
            g.x += geo.left;
            g.y += top;
            self.gotos.push(PlacedGoto { page, goto: g });
        }
        match piece.mark {
            Some(Mark::Heading(h)) => {
                if let Some(slot) = self.heading_pos.get_mut(h) {
                    *slot = Some((page, top));
                }
            }
            Some(Mark::TocEntry(t)) => {
                if let Some(slot) = self.toc_pos.get_mut(t) {
                    *slot = Some((page, top));
                }
            }
            None => {}
        }
        self.y = top + piece.height;
        self.cur.has_content = true;
    }
}

/// Height needed to place `flow[i]` together with the pieces it keeps with.
pub(super) fn chain_height(flow: &[Flow], i: usize, body: f32) -> f32 {
    let Some(Flow::Piece(first)) = flow.get(i) else {
        return 0.0;
    };
    let mut total = first.height;
    let mut k = i;
    let mut count = 0;
    while let Some(Flow::Piece(p)) = flow.get(k) {
        if !p.keep_with_next || count >= 16 {
            break;
        }
        let Some(Flow::Piece(next)) = flow.get(k + 1) else {
            break;
        };
        total += next.space_before + next.height;
        k += 1;
        count += 1;
    }
    total.min(body)
}

/// The page (counted from 0) each piece of `flow` lands on when it starts a fresh page of the
/// given body height, by the rules [`finish`] follows; a break starts a new page.
pub(super) fn simulate(flow: &[Flow], body: f32) -> Vec<usize> {
    let mut pages = Vec::with_capacity(flow.len());
    let mut page = 0;
    let mut y = 0.0;
    let mut has_content = false;
    for (i, f) in flow.iter().enumerate() {
        let Flow::Piece(p) = f else {
            if has_content {
                page += 1;
                y = 0.0;
                has_content = false;
            }
            continue;
        };
        let need = chain_height(flow, i, body);
        let mut space = if has_content { p.space_before } else { 0.0 };
        if has_content && y + space + need > body + 0.01 {
            page += 1;
            y = 0.0;
            space = 0.0;
        }
        y += space + p.height;
        has_content = true;
        pages.push(page);
    }
    pages
}

/// Paginate the flow and finish the document.
pub(super) fn finish(b: Builder, cover: Vec<Item>, front: &FrontMatter) -> Document {
    let Builder {
        mut flow,
        repeats,
        headings,
        toc,
        portrait,
        landscape_geo,
        lang,
        ..
    } = b;
    let level = |h: usize| headings.get(h).map_or(9, |r| r.level);
    super::balance::balance(
        &mut flow,
        portrait.height,
        landscape_geo.height,
        &repeats,
        &level,
    );
    let mut pg = Paginator {
        portrait: &portrait,
        landscape: &landscape_geo,
        done: Vec::new(),
        cur: Sheet {
            landscape: false,
            items: Vec::new(),
            has_content: false,
        },
        y: portrait.top,
        heading_pos: vec![None; headings.len()],
        toc_pos: vec![None; toc.len()],
        gotos: Vec::new(),
    };
    for i in 0..flow.len() {
        let need = match flow.get(i) {
            Some(Flow::Break { landscape }) => {
                let l = *landscape;
                pg.new_page(l);
                continue;
            }
            Some(Flow::Piece(_)) => chain_height(&flow, i, pg.geo().height),
            None => break,
        };
        let Some(Flow::Piece(piece)) = flow.get_mut(i) else {
            continue;
        };
        let mut space = if pg.cur.has_content {
            piece.space_before
        } else {
            0.0
        };
        if pg.cur.has_content && pg.y + space + need > pg.geo().bottom() + 0.01 {
            let l = pg.cur.landscape;
            pg.new_page(l);
            space = 0.0;
        }
        if !pg.cur.has_content
            && let Some(head) = piece.repeat.and_then(|r| repeats.get(r))
        {
            let mut head = head.clone();
            pg.put(&mut head, 0.0);
        }
        pg.put(piece, space);
    }
    if pg.cur.has_content {
        let last = std::mem::replace(
            &mut pg.cur,
            Sheet {
                landscape: false,
                items: Vec::new(),
                has_content: false,
            },
        );
        pg.done.push(last);
    }
    flow.clear();

    let total = pg.done.len() + 1;
    // The body starts at the first chapter (`BAB I …`); what comes before is front matter.
    let body_start = headings
        .iter()
        .enumerate()
        .find(|(_, r)| r.level == 1 && chapter_label(&r.text).is_some())
        .and_then(|(h, _)| pg.heading_pos.get(h).copied().flatten())
        .map(|(page, _)| page)
        .filter(|&p| p > 0);
    let mut extra: Vec<Vec<Item>> = vec![Vec::new(); total];

    // Table of contents: leaders, page numbers, links.
    for (i, rec) in toc.iter().enumerate() {
        let (Some((page, y)), Some(target)) = (
            pg.toc_pos.get(i).copied().flatten(),
            rec.heading
                .and_then(|h| pg.heading_pos.get(h).copied().flatten()),
        ) else {
            continue;
        };
        let geo = &portrait;
        let number = page_number(target.0, body_start);
        let num_w = fonts::text_width(rec.font, rec.size, &number);
        let right = geo.left + geo.width;
        let base = y + rec.last_baseline;
        let Some(out) = extra.get_mut(page) else {
            continue;
        };
        let pitch = fonts::text_width(FontId::Regular, rec.size, " .").max(0.5);
        let start = geo.left + rec.end_x + 5.0;
        let first = geo.left + ((start - geo.left) / pitch).ceil() * pitch;
        let end = right - num_w - 5.0;
        if end > first + pitch {
            let count = ((end - first) / pitch).floor() as usize;
            out.push(Item::Text {
                x: first,
                y: base,
                font: FontId::Regular,
                size: rec.size,
                color: style::MUTED,
                text: " .".repeat(count),
            });
        }
        out.push(Item::Text {
            x: right - num_w,
            y: base,
            font: rec.font,
            size: rec.size,
            color: rec.color,
            text: number,
        });
        out.push(Item::GotoLink {
            x: geo.left,
            y,
            w: geo.width,
            h: rec.height,
            page: target.0,
            top: (target.1 - 6.0).max(0.0),
        });
    }

    // Internal links.
    let mut by_slug: HashMap<&str, usize> = HashMap::new();
    for (h, rec) in headings.iter().enumerate() {
        if let Some(s) = &rec.slug {
            by_slug.entry(s.as_str()).or_insert(h);
        }
    }
    for g in &pg.gotos {
        let Some((page, top)) = by_slug
            .get(g.goto.slug.as_str())
            .and_then(|h| pg.heading_pos.get(*h).copied().flatten())
        else {
            continue;
        };
        if let Some(out) = extra.get_mut(g.page) {
            out.push(Item::GotoLink {
                x: g.goto.x,
                y: g.goto.y,
                w: g.goto.w,
                h: g.goto.h,
                page,
                top: (top - 6.0).max(0.0),
            });
        }
    }

    // Outline (levels 1-3) and the chapter shown in each page's running header.
    let mut outline = Vec::new();
    let mut chapter_from: Vec<(usize, &str)> = Vec::new();
    for (h, rec) in headings.iter().enumerate() {
        let Some((page, y)) = pg.heading_pos.get(h).copied().flatten() else {
            continue;
        };
        if rec.level <= 3 {
            outline.push(OutlineEntry {
                title: rec.text.clone(),
                level: rec.level,
                page,
                y: (y - 6.0).max(0.0),
            });
        }
        if rec.level == 1 {
            chapter_from.push((page, rec.text.as_str()));
        }
    }

    let l = labels(lang);
    let watermark = front.draft.then(|| Item::Watermark {
        // In the document's language: DRAF in Indonesian.
        text: l.draft.to_uppercase(),
        size: 110.0,
        color: style::WATERMARK,
    });
    let mut footer_left = front.region.clone();
    if front.draft {
        footer_left.push_str("  ·  ");
        footer_left.push_str(l.draft);
        if let Some(d) = &front.date {
            footer_left.push(' ');
            footer_left.push_str(d);
        }
    }

    let mut pages = Vec::with_capacity(total);
    let mut sheets = std::iter::once(Sheet {
        landscape: false,
        items: cover,
        has_content: true,
    })
    .chain(pg.done);
    let mut chapter_idx = 0usize;
    let mut chapter: &str = "";
    for (index, extra_items) in extra.into_iter().enumerate() {
        let Some(sheet) = sheets.next() else { break };
        let geo = if sheet.landscape {
            &landscape_geo
        } else {
            &portrait
        };
        let mut items = Vec::with_capacity(sheet.items.len() + extra_items.len() + 10);
        if let Some(w) = &watermark {
            items.push(w.clone());
        }
        items.extend(sheet.items);
        items.extend(extra_items);
        while let Some((page, title)) = chapter_from.get(chapter_idx)
            && *page <= index
        {
            chapter = title;
            chapter_idx += 1;
        }
        if index > 0 {
            furniture(
                &mut items,
                geo,
                &front.title,
                chapter,
                &footer_left,
                &match body_start {
                    Some(b) if index < b => front_page_label(lang, index + 1),
                    Some(b) => page_label(lang, index - b + 1, total - b),
                    None => page_label(lang, index + 1, total),
                },
            );
        }
        pages.push(Page {
            width: geo.page_w,
            height: geo.page_h,
            items,
        });
    }
    Document {
        pages,
        outline,
        metadata: Metadata {
            body_start,
            ..metadata(front)
        },
    }
}

/// Running header (document title, chapter) and footer (region, page X of Y) with rules.
fn furniture(
    items: &mut Vec<Item>,
    geo: &Geometry,
    title: &str,
    chapter: &str,
    footer_left: &str,
    page: &str,
) {
    let size = style::FURNITURE_SIZE;
    let half = geo.width / 2.0 - 12.0;
    let right = geo.left + geo.width;
    let head_base = geo.top - 16.0;
    let head_rule = geo.top - 10.0;
    items.push(Item::Text {
        x: geo.left,
        y: head_base,
        font: FontId::Italic,
        size,
        color: style::MUTED,
        text: truncate(FontId::Italic, size, title, half),
    });
    if !chapter.is_empty() {
        let c = truncate(FontId::Regular, size, chapter, half);
        let w = fonts::text_width(FontId::Regular, size, &c);
        items.push(Item::Text {
            x: right - w,
            y: head_base,
            font: FontId::Regular,
            size,
            color: style::MUTED,
            text: c,
        });
    }
    items.push(Item::Line {
        x1: geo.left,
        y1: head_rule,
        x2: right,
        y2: head_rule,
        width: 0.5,
        color: style::RULE,
    });
    let foot_rule = geo.bottom() + 12.0;
    let foot_base = geo.bottom() + 24.0;
    items.push(Item::Line {
        x1: geo.left,
        y1: foot_rule,
        x2: right,
        y2: foot_rule,
        width: 0.5,
        color: style::RULE,
    });
    let pw = fonts::text_width(FontId::Regular, size, page);
    items.push(Item::Text {
        x: geo.left,
        y: foot_base,
        font: FontId::Regular,
        size,
        color: style::MUTED,
        text: truncate(FontId::Regular, size, footer_left, geo.width - pw - 20.0),
    });
    items.push(Item::Text {
        x: right - pw,
        y: foot_base,
        font: FontId::Regular,
        size,
        color: style::MUTED,
        text: page.to_string(),
    });
}
