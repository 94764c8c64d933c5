//! The spans of a file's pieces, for the recovering parse: the bytes to blank out to remove
//! each field or list item, the block lists and their item counts, and where each item of the
//! top-level list (or mapping) being recovered starts and ends.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};

/// Whether the recovered part of a file is a list or a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Items {
    Seq,
    Map,
}

/// Where the removable pieces of a file stand, for [`parse_recovering`](super::parse_recovering).
#[derive(Default)]
pub(super) struct Spans {
    /// Field path -> bytes to blank to remove it: a mapping entry from its key to the end of
    /// its value; a block list item from its `-`; a flow list item with its trailing comma.
    pub(super) by_path: HashMap<String, std::ops::Range<usize>>,
    /// Block lists: path -> (bytes of the value, number of items).
    pub(super) block_lists: HashMap<String, (std::ops::Range<usize>, usize)>,
    /// The items of the top-level list.
    pub(super) items: Vec<ItemSpan>,
}

pub(super) struct ItemSpan {
    /// The key of a mapping entry ([`Items::Map`]); `None` for a list item.
    pub(super) key: Option<String>,
    pub(super) bytes: std::ops::Range<usize>,
    /// 1-based line and column (in characters) where the item starts.
    pub(super) line: usize,
    pub(super) column: usize,
}

/// An open collection in the spans pass.
struct Open {
    path: String,
    unit_start: usize,
    /// Where the collection itself starts (for a list, its first `-` or its `[`).
    node_start: usize,
    flow_item: bool,
    /// A flow collection (`{...}`, `[...]`): its entries take their trailing comma along.
    flow: bool,
    /// For an item of the top-level list (or mapping): where its node starts (byte, line,
    /// column), and its key in a mapping.
    list_item: Option<(usize, usize, usize, Option<String>)>,
    kind: OpenKind,
}

enum OpenKind {
    /// The key being read (text, start), `None` while a key is due.
    Map(Option<(String, usize)>),
    Seq(usize),
}

/// One pass over the events of a text: the removable span of every node (see [`Spans`]) and
/// the items of the top-level sequence at `list_key`. `None` when a key is not a plain scalar
/// or a position has no byte offset (nothing is then recovered).
pub(super) fn spans(src: &str, list_key: &str, kind: Items) -> Option<Spans> {
    let bytes = src.as_bytes();
    let mut out = Spans::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut parser = Parser::new_from_str(src);
    // The end of a removable span: a flow item takes its trailing comma along.
    let extend = |end: usize, flow_item: bool| -> usize {
        if !flow_item {
            return end;
        }
        let mut i = end;
        while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        if bytes.get(i) == Some(&b',') {
            i + 1
        } else {
            end
        }
    };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.ok()?;
        let opens = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
        let is_node = opens || matches!(event, Event::Scalar(..) | Event::Alias(_));
        let start = span.start.byte_offset()?;
        let end = span.end.byte_offset()?;
        if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            let o = stack.pop()?;
            let stop = extend(end.max(o.unit_start), o.flow_item);
            if let OpenKind::Seq(count) = o.kind
                && !o.flow
                && count > 0
            {
                // A block list starts at its first `-` (the event is at the first item).
                let mut from = o.node_start;
                while from > 0 && matches!(bytes.get(from - 1), Some(b' ' | b'\t')) {
                    from -= 1;
                }
                if from > 0 && bytes.get(from - 1) == Some(&b'-') {
                    from -= 1;
                } else {
                    from = o.node_start;
                }
                out.block_lists
                    .insert(o.path.clone(), (from..end.max(from), count));
            }
            if let Some((from, line, column, key)) = o.list_item {
                out.items.push(ItemSpan {
                    key,
                    bytes: from..end.max(from),
                    line,
                    column,
                });
            }
            out.by_path.insert(o.path, o.unit_start..stop);
            continue;
        }
        if !is_node {
            continue;
        }
        let root_list = stack.len() == 2;
        let (path, unit_start, flow_item) = match stack.last_mut() {
            None => (String::new(), 0, false),
            Some(parent) => match &mut parent.kind {
                OpenKind::Map(key @ None) => {
                    let Event::Scalar(text, ..) = &event else {
                        return None;
                    };
                    *key = Some((text.to_string(), start));
                    continue;
                }
                OpenKind::Map(key) => {
                    let (k, from) = key.take()?;
                    let path = if parent.path.is_empty() {
                        k
                    } else {
                        format!("{}.{k}", parent.path)
                    };
                    (path, from, parent.flow)
                }
                OpenKind::Seq(next) => {
                    let path = format!("{}[{next}]", parent.path);
                    *next += 1;
                    if parent.flow {
                        (path, start, true)
                    } else {
                        // A block item starts at its `-`.
                        let mut i = start;
                        while i > 0
                            && matches!(bytes.get(i - 1), Some(b' ' | b'\t' | b'\n' | b'\r'))
                        {
                            i -= 1;
                        }
                        if i > 0 && bytes.get(i - 1) == Some(&b'-') {
                            (path, i - 1, false)
                        } else {
                            (path, start, false)
                        }
                    }
                }
            },
        };
        let list_item = (root_list
            && stack.last().is_some_and(|p| {
                p.path == list_key
                    && match kind {
                        Items::Seq => matches!(p.kind, OpenKind::Seq(_)),
                        Items::Map => matches!(p.kind, OpenKind::Map(_)),
                    }
            }))
        .then(|| {
            let key = (kind == Items::Map)
                .then(|| path.get(list_key.len() + 1..).unwrap_or("").to_string());
            (start, span.start.line(), span.start.col() + 1, key)
        });
        if opens {
            let kind = if matches!(event, Event::MappingStart(..)) {
                OpenKind::Map(None)
            } else {
                OpenKind::Seq(0)
            };
            let flow = matches!(
                event,
                Event::MappingStart(StructureStyle::Flow, ..)
                    | Event::SequenceStart(StructureStyle::Flow, ..)
            );
            stack.push(Open {
                path,
                unit_start,
                node_start: start,
                flow_item,
                flow,
                list_item,
                kind,
            });
        } else {
            if let Some((from, line, column, key)) = list_item {
                out.items.push(ItemSpan {
                    key,
                    bytes: from..end.max(from),
                    line,
                    column,
                });
            }
            let stop = extend(end.max(unit_start), flow_item);
            out.by_path.insert(path, unit_start..stop);
        }
    }
    Some(out)
}
