//! The location index of a file: where every field path (`programs[2].lead`) stands (line and
//! column of its key and value), built in one pass over the parser's events, which also guards
//! against alias bombs without expanding anything.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use serde_saphyr::granit_parser::{Event, Parser, ScanError};

/// A 1-based (line, column) position; columns count characters.
pub type Pos = (usize, usize);

/// Where every node of one file stands: field path (`programs[2].lead`) to the position of its
/// value, and, in source order, the positions of keys and values with their paths (to name the
/// field of a parser error that only has a position).
#[derive(Debug, Default, Clone)]
pub struct LocationIndex {
    by_path: HashMap<Arc<str>, Pos>,
    /// (position, path) of every key and value, in source order.
    ordered: Vec<(Pos, Arc<str>)>,
}

impl LocationIndex {
    /// Position of the value at `path`, or of its nearest recorded ancestor (a field inside an
    /// alias, or a field that is absent, points at what contains it).
    pub fn locate(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.by_path.get(p) {
                return Some(*pos);
            }
            p = parent_path(p)?;
        }
    }

    /// Position of the key of the mapping entry at exactly `path` (the first node recorded with
    /// that path: a key comes before its value). A linear scan, for the few diagnostics that point
    /// at a key.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.ordered
            .iter()
            .find(|(_, p)| &**p == path)
            .map(|(pos, _)| *pos)
    }

    /// Position of the value at exactly `path`.
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.by_path.get(path).copied()
    }

    /// The path of the key or value that starts at `pos`, or failing that the last one that
    /// starts before it.
    pub fn path_at(&self, pos: Pos) -> Option<&str> {
        let i = self.ordered.partition_point(|(p, _)| *p <= pos);
        let (_, path) = self.ordered.get(i.checked_sub(1)?)?;
        Some(path)
    }

    /// The path of the key or value that starts exactly at `pos`.
    pub fn path_exactly_at(&self, pos: Pos) -> Option<&str> {
        let i = self.ordered.partition_point(|(p, _)| *p < pos);
        match self.ordered.get(i) {
            Some((p, path)) if *p == pos => Some(path),
            _ => None,
        }
    }

    /// The path of the key `key` that starts exactly at `pos` (a mapping's first key starts
    /// where the mapping does).
    pub fn key_path_at(&self, pos: Pos, key: &str) -> Option<&str> {
        let i = self.ordered.partition_point(|(p, _)| *p < pos);
        self.ordered
            .get(i..)?
            .iter()
            .take_while(|(p, _)| *p == pos)
            .map(|(_, path)| &**path)
            .find(|path| {
                path.strip_suffix(key)
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
            })
    }

    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// `programs[2].lead` -> `programs[2]` -> `programs` -> `` -> None.
pub fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

enum Frame {
    /// A mapping; `key` is the path segment of the entry being read, `None` while a key is due.
    Map {
        path_len: usize,
        key: Option<String>,
    },
    Seq {
        path_len: usize,
        next: usize,
    },
    /// A complex (non-scalar) key being skipped, with its nesting depth.
    SkipKey {
        depth: usize,
    },
}

/// Most values a file may hold once its aliases are expanded (an "alias bomb" guard, checked
/// without expanding anything).
pub const MAX_EXPANDED_NODES: u64 = 2_000_000;

/// Why a text could not be indexed.
#[derive(Debug)]
pub enum IndexError {
    /// Not valid YAML.
    Syntax(ScanError),
    /// Aliases would expand it beyond [`MAX_EXPANDED_NODES`]; the position of the alias that
    /// crossed the limit.
    TooLarge { line: usize, column: usize },
}

impl From<ScanError> for IndexError {
    fn from(e: ScanError) -> Self {
        IndexError::Syntax(e)
    }
}

/// Build the location index of a text in one linear pass over the parser's events. Aliases are
/// recorded at the alias, not expanded; the same pass counts how many values the document
/// holds once aliases are expanded (each anchor's expanded size is recorded when it closes, so
/// the count is linear) and stops when it passes [`MAX_EXPANDED_NODES`].
pub fn index(src: &str) -> Result<LocationIndex, IndexError> {
    let mut out = LocationIndex::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = String::new();
    let mut parser = Parser::new_from_str(src);
    // Expanded size: running total, each anchor's size, open containers (anchor, total at start).
    let mut expanded: u64 = 0;
    let mut anchor_size: HashMap<usize, u64> = HashMap::new();
    let mut open: Vec<(usize, u64)> = Vec::new();
    while let Some(next) = parser.next_event() {
        let (event, span) = next?;
        let pos = (span.start.line(), span.start.col() + 1);
        match &event {
            Event::Scalar(_, _, anchor, _) => {
                expanded += 1;
                if *anchor > 0 {
                    anchor_size.insert(*anchor, 1);
                }
            }
            Event::Alias(id) => {
                expanded = expanded.saturating_add(anchor_size.get(id).copied().unwrap_or(1));
            }
            Event::MappingStart(_, anchor, _) | Event::SequenceStart(_, anchor, _) => {
                expanded += 1;
                open.push((*anchor, expanded));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some((anchor, start)) = open.pop()
                    && anchor > 0
                {
                    anchor_size.insert(anchor, expanded - start + 1);
                }
            }
            _ => {}
        }
        if expanded > MAX_EXPANDED_NODES {
            return Err(IndexError::TooLarge {
                line: pos.0,
                column: pos.1,
            });
        }
        // Complex keys are skipped whole.
        if let Some(Frame::SkipKey { depth }) = stack.last_mut() {
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => *depth += 1,
                Event::MappingEnd | Event::SequenceEnd => {
                    *depth -= 1;
                    if *depth == 0 {
                        stack.pop();
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some("?".to_string());
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(_)
        );
        if is_node {
            // A key of a mapping?
            if let Some(Frame::Map { path_len, key }) = stack.last_mut()
                && key.is_none()
            {
                path.truncate(*path_len);
                match &event {
                    Event::Scalar(text, ..) => {
                        let k = text.to_string();
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&k);
                        out.ordered.push((pos, Arc::from(path.as_str())));
                        *key = Some(k);
                    }
                    Event::Alias(_) => *key = Some("*".to_string()),
                    _ => stack.push(Frame::SkipKey { depth: 1 }),
                }
                continue;
            }
            // A value: its path is the container's path plus its key or index.
            match stack.last_mut() {
                Some(Frame::Map { path_len, key }) => {
                    path.truncate(*path_len);
                    if let Some(k) = key.take() {
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&k);
                    }
                }
                Some(Frame::Seq { path_len, next }) => {
                    path.truncate(*path_len);
                    path.push('[');
                    let _ = write!(path, "{next}");
                    path.push(']');
                    *next += 1;
                }
                _ => path.clear(),
            }
            let shared: Arc<str> = Arc::from(path.as_str());
            out.by_path.entry(Arc::clone(&shared)).or_insert(pos);
            out.ordered.push((pos, shared));
            match event {
                Event::MappingStart(..) => stack.push(Frame::Map {
                    path_len: path.len(),
                    key: None,
                }),
                Event::SequenceStart(..) => stack.push(Frame::Seq {
                    path_len: path.len(),
                    next: 0,
                }),
                _ => {}
            }
        } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            stack.pop();
        }
    }
    // Positions are pushed in source order except for flow/alias corner cases; keep the
    // invariant binary search needs.
    if !out.ordered.is_sorted_by(|a, b| a.0 <= b.0) {
        out.ordered.sort_by_key(|a| a.0);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_bomb_is_caught_before_expansion() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            src.push_str(&format!("{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = n;
        }
        assert!(matches!(
            index(&src),
            Err(IndexError::TooLarge { line: 7, .. })
        ));
        // A few honest aliases are fine.
        let ok = "a: &x [1, 2]\nb: *x\nc: *x\n";
        assert!(index(ok).is_ok());
    }

    #[test]
    fn parent_paths() {
        assert_eq!(parent_path("programs[2].lead"), Some("programs[2]"));
        assert_eq!(parent_path("programs[2]"), Some("programs"));
        assert_eq!(parent_path("programs"), Some(""));
        assert_eq!(parent_path(""), None);
    }
}
