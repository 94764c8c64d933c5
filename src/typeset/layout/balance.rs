//! Page balancing before pagination: a page that would be under a quarter full because a forced
//! break (a new chapter aside) follows the tail of what started on the page before — the last
//! rows of a table, the end of a section — gets more: the section it ends starts on it instead
//! (a break before the last heading of the page before), or, with no heading there, the table
//! breaks earlier so that the tail is at least a quarter page. Rows never split, and both pages
//! keep at least a quarter page.

use super::paginate::chain_height;
use super::{Flow, Mark, Piece};

/// One simulated page: the flow indices it holds, its used height, whether it was ended by a
/// forced break (or the end of the flow), and its body height.
struct SimPage {
    pieces: Vec<usize>,
    used: f32,
    forced_end: bool,
    forced_start: bool,
    body: f32,
}

/// Pages as `paginate::finish` fills them (repeated head rows included).
fn simulate(flow: &[Flow], portrait: f32, landscape: f32, repeats: &[Piece]) -> Vec<SimPage> {
    let mut pages = Vec::new();
    let mut orient = false;
    let mut cur = SimPage {
        pieces: Vec::new(),
        used: 0.0,
        forced_end: false,
        forced_start: true,
        body: portrait,
    };
    for (i, f) in flow.iter().enumerate() {
        match f {
            Flow::Break { landscape: l } => {
                if !cur.pieces.is_empty() {
                    cur.forced_end = true;
                    let body = if *l { landscape } else { portrait };
                    pages.push(std::mem::replace(
                        &mut cur,
                        SimPage {
                            pieces: Vec::new(),
                            used: 0.0,
                            forced_end: false,
                            forced_start: true,
                            body,
                        },
                    ));
                } else {
                    cur.body = if *l { landscape } else { portrait };
                }
                orient = *l;
            }
            Flow::Piece(p) => {
                let body = if orient { landscape } else { portrait };
                let need = chain_height(flow, i, body);
                let mut space = if cur.pieces.is_empty() {
                    0.0
                } else {
                    p.space_before
                };
                if !cur.pieces.is_empty() && cur.used + space + need > body + 0.01 {
                    pages.push(std::mem::replace(
                        &mut cur,
                        SimPage {
                            pieces: Vec::new(),
                            used: 0.0,
                            forced_end: false,
                            forced_start: false,
                            body,
                        },
                    ));
                    space = 0.0;
                }
                if cur.pieces.is_empty()
                    && let Some(head) = p.repeat.and_then(|r| repeats.get(r))
                {
                    cur.used += head.height;
                }
                cur.used += space + p.height;
                cur.pieces.push(i);
            }
        }
    }
    if !cur.pieces.is_empty() {
        cur.forced_end = true;
        pages.push(cur);
    }
    pages
}

fn piece(flow: &[Flow], i: usize) -> Option<&Piece> {
    match flow.get(i) {
        Some(Flow::Piece(p)) => Some(p),
        _ => None,
    }
}

/// How far past a quarter page a moved table tail reaches: the page's last baseline sits a
/// row's padding above the bottom of its last row, and the tail must read as a quarter full.
const MARGIN: f32 = 12.0;

/// Where to break earlier so that `page` (ending in a forced break, under a quarter full) gets
/// more of what `before` ends with. `None` when nothing fits the rules.
fn earlier_break(
    flow: &[Flow],
    before: &SimPage,
    page: &SimPage,
    level: &dyn Fn(usize) -> u8,
) -> Option<usize> {
    let quarter = page.body / 4.0;
    // Heights from each candidate on the page before to its end.
    let mut tail = 0.0;
    let mut best = None;
    for (k, &i) in before.pieces.iter().enumerate().rev() {
        let p = piece(flow, i)?;
        tail += p.height + p.space_before;
        if k == 0 {
            break;
        }
        let moved = tail + page.used;
        if moved > page.body - 2.0 || before.used - tail < quarter {
            break;
        }
        // Never break inside a keep-together chain.
        if piece(flow, before.pieces[k - 1]).is_some_and(|q| q.keep_with_next) {
            continue;
        }
        let heading = matches!(p.mark, Some(Mark::Heading(h)) if level(h) >= 2);
        if heading {
            return Some(i);
        }
        // A table row: the tail becomes at least a quarter page (the head row repeats).
        if best.is_none() && p.repeat.is_some() && moved >= quarter + MARGIN {
            best = Some(i);
        }
    }
    best
}

/// Insert breaks so that no page but a chapter's last is left under a quarter full by a forced
/// break, where an earlier break can fix it.
pub(super) fn balance(
    flow: &mut Vec<Flow>,
    portrait: f32,
    landscape: f32,
    repeats: &[Piece],
    level: &dyn Fn(usize) -> u8,
) {
    let pages = simulate(flow, portrait, landscape, repeats);
    let mut inserts: Vec<(usize, bool)> = Vec::new();
    for k in 1..pages.len() {
        let page = &pages[k];
        if page.forced_start || !page.forced_end || page.used >= page.body / 4.0 {
            continue;
        }
        // A chapter's last page may be short.
        let next_is_chapter = pages.get(k + 1).is_none_or(|n| {
            n.pieces
                .first()
                .and_then(|&i| piece(flow, i))
                .is_some_and(|p| matches!(p.mark, Some(Mark::Heading(h)) if level(h) == 1))
        });
        if next_is_chapter {
            continue;
        }
        if let Some(i) = earlier_break(flow, &pages[k - 1], page, level) {
            let landscape_page = (page.body - landscape).abs() < 0.01 && landscape != portrait;
            inserts.push((i, landscape_page));
        }
    }
    for (i, l) in inserts.into_iter().rev() {
        flow.insert(i, Flow::Break { landscape: l });
    }
}
