//! All YAML parsing lives here (serde-saphyr, and its event parser for locations).
//!
//! [`parse`] turns the bytes of one file into a typed value plus a [`LocationIndex`] (field path
//! to line and column), or into diagnostics that name the file, line, column, field path and, for
//! a misspelt key or value, the nearest valid one. Parsing is bounded: duplicate keys are
//! rejected, and alias expansion, nesting depth, node count and file size have budgets, so an
//! alias bomb fails fast with bounded memory. See docs/design/yaml.md.

// A parse failure is one diagnostic, returned once per file: its size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::{Event, Parser, ScanError, StructureStyle};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error as YamlError};

use crate::diagnostic::Diagnostic;
use crate::suggest;

mod encoding;
mod hint;
mod required;

/// Largest input file accepted, in bytes. Real masterplan files are well under 1 MiB; a
/// 3000-programme project spread over six files stays far below this.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

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

/// The serde-saphyr options every input file is parsed with.
fn options() -> serde_saphyr::Options {
    let mut budget = Budget::default();
    budget.max_reader_input_bytes = Some(MAX_FILE_BYTES);
    budget.max_events = 2_000_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_depth = 32;
    budget.max_nodes = 1_000_000;
    budget.max_total_scalar_bytes = MAX_FILE_BYTES;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.with_snippet = false;
    options.alias_limits.max_total_replayed_events = 100_000;
    options.alias_limits.max_replay_stack_depth = 16;
    options.alias_limits.max_alias_expansions_per_anchor = 1_000;
    options
}

/// Parse one file: its bytes to `T` and the location of every field, or the diagnostic that
/// says why not. `file` is the relative path used in diagnostics.
pub fn parse<T: DeserializeOwned>(
    bytes: &[u8],
    file: &str,
) -> Result<(T, LocationIndex), Diagnostic> {
    let value = parse_value::<T>(bytes, file)?;
    let src = decode(bytes, file)?;
    Ok((value, index(src).unwrap_or_default()))
}

/// Parse one file to `T` without building its location index (the loader builds indexes only
/// for files that have diagnostics). On failure the index is built to name the field, and a
/// syntax error found by the event pass takes precedence over the deserializer's complaint
/// (which may be a type mismatch caused by the broken syntax).
pub fn parse_value<T: DeserializeOwned>(bytes: &[u8], file: &str) -> Result<T, Diagnostic> {
    try_parse::<T>(bytes, file).map_err(|f| match f {
        Failure::Fatal(d) => d,
        Failure::Typed { diagnostic, .. } => diagnostic,
    })
}

/// Why a file did not deserialize.
enum Failure {
    /// The file cannot be read as YAML at all (encoding, empty, syntax, budgets).
    Fatal(Diagnostic),
    /// Valid YAML whose content does not fit the type (wrong type, unknown field or value,
    /// missing field, duplicate key); the location index is built.
    Typed {
        diagnostic: Diagnostic,
        index: LocationIndex,
    },
}

fn try_parse<T: DeserializeOwned>(bytes: &[u8], file: &str) -> Result<T, Failure> {
    let src = decode(bytes, file).map_err(Failure::Fatal)?;
    if is_blank(src) {
        return Err(Failure::Fatal(
            Diagnostic::error("E0003", file, "", format!("{} is empty", file)).with_hint(
                "write the fields the input format requires; `masterplan init` makes a working example",
            ),
        ));
    }
    match serde_saphyr::from_str_with_options::<T>(src, options()) {
        Ok(value) => Ok(value),
        Err(e) => Err(match index(src) {
            Ok(ix) => {
                let d = friendly_error(&e, 0, src, file, Some(&ix));
                if is_fatal(&d) {
                    Failure::Fatal(d)
                } else {
                    Failure::Typed {
                        diagnostic: d,
                        index: ix,
                    }
                }
            }
            Err(IndexError::Syntax(se)) => Failure::Fatal(syntax_error(&se, src, file)),
            Err(IndexError::TooLarge { line, column }) => Failure::Fatal(
                Diagnostic::error(
                    "E0005",
                    file,
                    "",
                    format!(
                        "{} expands aliases (`*name`) to more than {MAX_EXPANDED_NODES} values; refusing to read it",
                        file
                    ),
                )
                .with_hint(
                    "masterplan files need no more than a few anchors and aliases; write the values out",
                )
                .at(line, column),
            ),
        }),
    }
}

/// A diagnostic that says the file cannot be read at all, so nothing in it can be recovered.
fn is_fatal(d: &Diagnostic) -> bool {
    matches!(d.code, "E0001" | "E0002" | "E0003" | "E0005")
}

/// What [`parse_recovering`] gives: the value, when its top level could be built; every
/// diagnostic found; which list items were kept; and what could be read of those left out.
#[derive(Debug)]
pub struct Recovered<T, K> {
    /// `None` when the file cannot be read, or a required top-level field is unusable.
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
    /// The index in the file of each list item kept in `value`, in order; `None` when every
    /// item was kept (the usual case), so `value`'s indexes are the file's.
    pub kept: Option<Vec<usize>>,
    /// For each list item left out (it did not deserialize, or `value` is `None`), the item
    /// read as `K`, when that works (a struct of the few fields other files refer to, such as
    /// `id`).
    pub left_out: Vec<K>,
    /// The field paths blanked out of the items kept and of the top level (`swot`,
    /// `programs[1].budget[1]`): validation must not complain that they are absent.
    pub removed: Vec<String>,
}

/// Most attempts to deserialize one part (the top level, or one list item) while removing what
/// fails; each attempt reports one more mistake.
const MAX_ATTEMPTS: usize = 64;

/// Most text re-read while recovering one file, as a multiple of its size (plus a floor), so a
/// hostile file with a mistake in each of a million list entries cannot make recovery slow:
/// past it, the parts not yet recovered are left out silently.
const RECOVERY_WORK_FACTOR: usize = 8;
const RECOVERY_WORK_FLOOR: usize = 1 << 20;

/// Parse one file to `T`, recovering from type-level mistakes so that one run reports them all.
///
/// The file is first deserialized whole, once (a clean file costs nothing more). When that
/// fails with a type-level error (wrong type, unknown field or value, missing field, duplicate
/// key) in valid YAML, the file is read again in parts:
///
/// - each item of the top-level list `list_key` (`programs`, `opd`) is deserialized on its own
///   as `I`, from its own slice of the text;
/// - the top level is deserialized as `T` with that list replaced by `[]`.
///
/// When a part fails, the error is reported (field path and position in the whole file, as
/// usual) and the smallest removable piece that holds the mistake is blanked out of the text:
/// the innermost list item on the error's path (`budget[1]`), else the part's field
/// (`programs[1].outputs`, `swot`); then the part is tried again. A part whose required field
/// is unusable is left out: a list item is dropped (and read as `K`), a top level gives no
/// value. Blanking keeps every line and column, so positions stay exact.
///
/// `put` stores the items that were kept in the value. Syntax errors, encoding errors and
/// budget breaches are not recovered from: they give one diagnostic and no value.
pub fn parse_recovering<T, I, K>(
    bytes: &[u8],
    file: &str,
    list_key: &str,
    put: impl FnOnce(&mut T, Vec<I>),
) -> Recovered<T, K>
where
    T: DeserializeOwned,
    I: DeserializeOwned,
    K: DeserializeOwned,
{
    let p = recover_parts::<T, I>(bytes, file, list_key, Items::Seq);
    let left_out = p
        .left_out
        .iter()
        .filter_map(|(_, text)| serde_saphyr::from_str_with_options::<K>(text, options()).ok())
        .collect();
    let value = p.value.map(|mut v| {
        if !p.clean {
            put(&mut v, p.items.into_iter().map(|(_, i)| i).collect());
        }
        v
    });
    Recovered {
        value,
        diagnostics: p.diagnostics,
        kept: p.kept,
        left_out,
        removed: p.removed,
    }
}

/// [`parse_recovering`] for a file whose recovered part is a top-level *mapping* (`programs:`
/// of a monitoring file: programme id -> report): each entry's value is deserialized on its own
/// as `I` (field paths `programs.ECO-01.status`); an entry that does not deserialize is left
/// out, and its key is in `left_out`. `kept` holds the indexes, in file order, of the entries
/// kept. `put` gets the kept entries with their keys, in file order.
pub fn parse_recovering_map<T, I>(
    bytes: &[u8],
    file: &str,
    map_key: &str,
    put: impl FnOnce(&mut T, Vec<(String, I)>),
) -> Recovered<T, String>
where
    T: DeserializeOwned,
    I: DeserializeOwned,
{
    let p = recover_parts::<T, I>(bytes, file, map_key, Items::Map);
    let left_out = p.left_out.into_iter().filter_map(|(k, _)| k).collect();
    let value = p.value.map(|mut v| {
        if !p.clean {
            put(
                &mut v,
                p.items
                    .into_iter()
                    .filter_map(|(k, i)| Some((k?, i)))
                    .collect(),
            );
        }
        v
    });
    Recovered {
        value,
        diagnostics: p.diagnostics,
        kept: p.kept,
        left_out,
        removed: p.removed,
    }
}

/// Whether the recovered part of a file is a list or a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Items {
    Seq,
    Map,
}

/// What [`recover_parts`] gives: the top-level value (without its items), the items kept (with
/// their key, for a mapping), and the text (and key) of each item left out.
struct Parts<T, I> {
    value: Option<T>,
    /// The file deserialized whole: `value` has its items in place.
    clean: bool,
    diagnostics: Vec<Diagnostic>,
    items: Vec<(Option<String>, I)>,
    kept: Option<Vec<usize>>,
    left_out: Vec<(Option<String>, String)>,
    removed: Vec<String>,
}

/// The work of [`parse_recovering`] and [`parse_recovering_map`]; the value, when there is one,
/// has the part at `list_key` as the parser built it from the text with the items removed
/// (`[]` or `{}`): the callers put the kept items back.
fn recover_parts<T, I>(bytes: &[u8], file: &str, list_key: &str, kind: Items) -> Parts<T, I>
where
    T: DeserializeOwned,
    I: DeserializeOwned,
{
    let failed = |d: Diagnostic| Parts {
        value: None,
        clean: false,
        diagnostics: vec![d],
        items: Vec::new(),
        kept: None,
        left_out: Vec::new(),
        removed: Vec::new(),
    };
    let (first, ix) = match try_parse::<T>(bytes, file) {
        Ok(value) => {
            // Clean: the value is whole, with its items in place (nothing to put back).
            return Parts {
                value: Some(value),
                clean: true,
                diagnostics: Vec::new(),
                items: Vec::new(),
                kept: None,
                left_out: Vec::new(),
                removed: Vec::new(),
            };
        }
        Err(Failure::Fatal(d)) => return failed(d),
        Err(Failure::Typed { diagnostic, index }) => (diagnostic, index),
    };
    let Ok(src) = decode(bytes, file) else {
        return failed(first);
    };
    let Some(spans) = spans(src, list_key, kind) else {
        return failed(first);
    };
    let ctx = Ctx {
        src,
        file,
        ix: &ix,
        spans: &spans,
        work_left: std::cell::Cell::new(
            src.len()
                .saturating_mul(RECOVERY_WORK_FACTOR)
                .saturating_add(RECOVERY_WORK_FLOOR),
        ),
    };
    let mut diagnostics = Vec::new();
    let mut removed: Vec<String> = Vec::new();

    // The items, one by one.
    let mut items: Vec<(Option<String>, I)> = Vec::with_capacity(spans.items.len());
    let mut kept: Vec<usize> = Vec::with_capacity(spans.items.len());
    let mut left_out: Vec<(Option<String>, String)> = Vec::new();
    for (n, item) in spans.items.iter().enumerate() {
        let root = match &item.key {
            Some(k) => format!("{list_key}.{k}"),
            None => format!("{list_key}[{n}]"),
        };
        let part = Part {
            root,
            window: item.bytes.clone(),
            column: item.column,
            line: item.line,
            list: None,
        };
        match ctx.recover::<I>(&part, &mut diagnostics) {
            Outcome::Value(v, gone) => {
                items.push((item.key.clone(), v));
                kept.push(n);
                removed.extend(gone);
            }
            Outcome::LeftOut => left_out.push((item.key.clone(), ctx.text(&part, &[]))),
            Outcome::Fatal => return failed(first),
        }
    }

    // The top level, with the items removed.
    let empty = match kind {
        Items::Seq => "[]",
        Items::Map => "{}",
    };
    let head = Part {
        root: String::new(),
        window: 0..src.len(),
        column: 1,
        line: 1,
        list: spans
            .by_path
            .get(list_key)
            .map(|r| (r.clone(), format!("{list_key}: {empty}"))),
    };
    let value = match ctx.recover::<T>(&head, &mut diagnostics) {
        Outcome::Value(v, gone) => {
            removed.extend(gone);
            Some(v)
        }
        Outcome::LeftOut => None,
        Outcome::Fatal => return failed(first),
    };
    if diagnostics.is_empty() {
        // Nothing found in parts: keep the whole-file complaint.
        diagnostics.push(first);
    }
    if value.is_none() {
        // The whole file is left out: so are the items that were read.
        for &n in &kept {
            let Some(item) = spans.items.get(n) else {
                continue;
            };
            let part = Part {
                root: String::new(),
                window: item.bytes.clone(),
                column: item.column,
                line: item.line,
                list: None,
            };
            left_out.push((item.key.clone(), ctx.text(&part, &[])));
        }
        kept.clear();
        items.clear();
    }
    let kept = (kept.len() < spans.items.len()).then_some(kept);
    Parts {
        value,
        clean: false,
        diagnostics,
        items,
        kept,
        left_out,
        removed,
    }
}

/// One part of a file deserialized on its own.
struct Part {
    /// The field path of the part (`programs[3]`, or empty for the top level).
    root: String,
    /// Its bytes in the file.
    window: std::ops::Range<usize>,
    /// Where it starts (1-based); the first line is padded to `column`.
    line: usize,
    column: usize,
    /// A range replaced by a text (the list, in the top level), line breaks kept.
    list: Option<(std::ops::Range<usize>, String)>,
}

enum Outcome<T> {
    /// The value, and the field paths blanked out to get it.
    Value(T, Vec<String>),
    /// A required field is unusable; reported.
    LeftOut,
    /// Not recoverable (a syntax-level error in a part): use the whole-file diagnostic.
    Fatal,
}

struct Ctx<'a> {
    src: &'a str,
    file: &'a str,
    ix: &'a LocationIndex,
    spans: &'a Spans,
    /// Bytes that may still be parsed (see [`RECOVERY_WORK_FACTOR`]).
    work_left: std::cell::Cell<usize>,
}

impl Ctx<'_> {
    /// The text of a part, with `removed` ranges blanked (spaces, line breaks kept) after the
    /// text that replaces them (usually none; `[]` for a block list whose items all went).
    fn text(&self, part: &Part, removed: &[(std::ops::Range<usize>, &str)]) -> String {
        let mut cuts: Vec<(std::ops::Range<usize>, &str)> = removed.to_vec();
        if let Some((r, with)) = &part.list {
            cuts.push((r.clone(), with.as_str()));
        }
        cuts.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let w = &part.window;
        let mut out = " ".repeat(part.column.saturating_sub(1));
        out.reserve(w.len());
        let mut at = w.start;
        for (r, with) in cuts {
            let start = r.start.max(at);
            let end = r.end.min(w.end);
            if start >= end {
                continue;
            }
            let (Some(before), Some(inside)) = (self.src.get(at..start), self.src.get(start..end))
            else {
                continue;
            };
            out.push_str(before);
            out.push_str(with);
            let mut width = with.chars().count();
            for c in inside.chars() {
                if c == '\n' || c == '\r' {
                    out.push(c);
                    width = 0;
                } else if width > 0 {
                    width -= 1;
                } else {
                    out.push(' ');
                }
            }
            at = end;
        }
        out.push_str(self.src.get(at..w.end).unwrap_or(""));
        out
    }

    /// Deserialize a part, reporting and blanking out what fails until it works or a
    /// required field is unusable.
    fn recover<T: DeserializeOwned>(&self, part: &Part, out: &mut Vec<Diagnostic>) -> Outcome<T> {
        let shift = part.line.saturating_sub(1);
        let mut removed: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        let mut paths: Vec<String> = Vec::new();
        // Per block list: how many of its items were removed.
        let mut emptied: HashMap<&str, usize> = HashMap::new();
        // Fields of the part removed, and fields a misspelt key was taken for.
        let mut gone: Vec<String> = Vec::new();
        for _ in 0..MAX_ATTEMPTS {
            let text = self.text(part, &removed);
            let Some(left) = self.work_left.get().checked_sub(text.len()) else {
                return Outcome::LeftOut;
            };
            self.work_left.set(left);
            let e = match serde_saphyr::from_str_with_options::<T>(&text, options()) {
                Ok(v) => return Outcome::Value(v, paths),
                Err(e) => e,
            };
            let d = friendly_error(&e, shift, self.src, self.file, Some(self.ix));
            if is_fatal(&d) {
                // After a piece was blanked out, a part that no longer reads (a mapping entry
                // whose only field went, so nothing is left) is left out; before, the part's
                // own text is broken.
                return if removed.is_empty() {
                    Outcome::Fatal
                } else {
                    Outcome::LeftOut
                };
            }
            let err = inner(&e);
            // A mapping left with no key (an entry whose only field was removed, or written
            // empty) is named by its parent's path: it is still the part itself.
            let at_part = d.path == part.root
                || (!part.root.is_empty() && parent_path(&part.root) == Some(d.path.as_str()));
            if let YamlError::SerdeMissingField { .. } = err
                && at_part
            {
                let mut d = d;
                if d.path != part.root {
                    d.path.clone_from(&part.root);
                    if let Some((line, column)) = self.ix.get(&part.root) {
                        d = d.at(line, column);
                    }
                }
                // Required fields of the part: removed by us (their mistake is reported), or
                // really missing: every one of those is reported, not only serde's first.
                out.extend(self.missing_fields::<T>(part, &d, &gone));
                return Outcome::LeftOut;
            }
            let also_missing = if matches!(err, YamlError::SerdeMissingField { .. }) {
                // A nested mapping (a budget line) that lacks required fields: all of them.
                let mut all = self.missing_fields::<T>(part, &d, &[]);
                all.retain(|m| m.message != d.message);
                all
            } else {
                Vec::new()
            };
            if let YamlError::SerdeUnknownField {
                field, expected, ..
            } = err
                && let Some(c) = suggest::did_you_mean(field, expected.iter().copied())
            {
                gone.push(c.to_string());
            }
            let Some(unit) = removable(&part.root, &d.path).map(str::to_string) else {
                out.push(d);
                return Outcome::LeftOut;
            };
            let Some(range) = self.spans.by_path.get(&unit).cloned() else {
                out.push(d);
                return Outcome::LeftOut;
            };
            if removed.iter().any(|(r, _)| *r == range) {
                return Outcome::LeftOut;
            }
            if let Some(field) = direct_field(&part.root, &unit) {
                gone.push(field.to_string());
            }
            out.push(d);
            out.extend(also_missing);
            // A block list whose last item goes would read as nothing (not a list): it becomes
            // `[]` instead.
            let list = unit
                .strip_suffix(']')
                .and_then(|u| u.rfind('[').and_then(|i| u.get(..i)))
                .and_then(|l| self.spans.block_lists.get_key_value(l));
            match list {
                Some((l, (value, count))) => {
                    let n = emptied.entry(l.as_str()).or_insert(0);
                    *n += 1;
                    if *n == *count {
                        removed.push((value.clone(), "[]"));
                    } else {
                        removed.push((range, ""));
                    }
                }
                None => removed.push((range, "")),
            }
            paths.push(unit);
        }
        Outcome::LeftOut
    }
}

impl Ctx<'_> {
    /// One E0011 for each required field that the mapping named by the missing-field
    /// diagnostic `d` lacks in the file (serde names only the first), except those in `skip`
    /// (blanked out by the recovery after their own mistake was reported, or meant by a
    /// misspelt key). `T` is the type of the part.
    fn missing_fields<T: DeserializeOwned>(
        &self,
        part: &Part,
        d: &Diagnostic,
        skip: &[String],
    ) -> Vec<Diagnostic> {
        missing_fields::<T>(self.ix, &part.root, d, skip)
    }
}

/// One E0011 for each required field of `T`'s struct at the mapping of the missing-field
/// diagnostic `d` that the file (its index `ix`) lacks, in declaration order; `root` is the
/// path of `T` in the file (empty for the whole file), `skip` fields not to report.
fn missing_fields<T: DeserializeOwned>(
    ix: &LocationIndex,
    root: &str,
    d: &Diagnostic,
    skip: &[String],
) -> Vec<Diagnostic> {
    let rel = if root.is_empty() {
        d.path.as_str()
    } else {
        match d.path.strip_prefix(root) {
            Some(rest) => rest.strip_prefix('.').unwrap_or(rest),
            None => return vec![d.clone()],
        }
    };
    let required = required::required_fields::<T>();
    let Some(fields) = required.get(&required::normalise(rel)) else {
        return vec![d.clone()];
    };
    let mut out = Vec::new();
    for field in fields {
        let full = if d.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", d.path)
        };
        if ix.get(&full).is_some() || skip.iter().any(|g| g == field) {
            continue;
        }
        let mut m = d.clone();
        m.message = format!("missing required field `{field}`");
        m.hint = Some(if d.path.is_empty() {
            format!("add `{field}:` at the top level of the file")
        } else {
            format!("add `{field}:` to the mapping at `{}`", d.path)
        });
        out.push(m);
    }
    out
}

/// Parse one file to `T` without recovery, like [`parse_value`], but when the file lacks
/// required fields, one diagnostic for each of those of the mapping serde complained about
/// (serde names only the first).
pub fn parse_value_all<T: DeserializeOwned>(
    bytes: &[u8],
    file: &str,
) -> Result<T, Vec<Diagnostic>> {
    try_parse::<T>(bytes, file).map_err(|f| match f {
        Failure::Fatal(d) => vec![d],
        Failure::Typed { diagnostic, index } if diagnostic.code == "E0011" => {
            let all = missing_fields::<T>(&index, "", &diagnostic, &[]);
            if all.is_empty() {
                vec![diagnostic]
            } else {
                all
            }
        }
        Failure::Typed { diagnostic, .. } => vec![diagnostic],
    })
}

/// The piece to blank out for an error at `path` inside the part at `root`: the innermost list
/// item on the path below `root` (`programs[1].budget[1]`), else the part's field on the path
/// (`programs[1].outputs`). `None` when the path is not inside the part.
fn removable<'p>(root: &str, path: &'p str) -> Option<&'p str> {
    let rest = if root.is_empty() {
        path
    } else {
        path.strip_prefix(root)?
            .strip_prefix('.')
            .or_else(|| path.strip_prefix(root)?.starts_with('[').then_some(""))?
    };
    if rest.is_empty() {
        return None;
    }
    let below = path.len() - rest.len();
    // The innermost `[i]` that closes inside `rest`.
    if let Some(close) = path.rfind(']')
        && close >= below
    {
        return path.get(..=close);
    }
    let end = rest.find(['.', '[']).map_or(path.len(), |i| below + i);
    path.get(..end)
}

/// `unit` as a field name of the part at `root`, when it is one (`programs[1].budget` ->
/// `budget`).
fn direct_field<'u>(root: &str, unit: &'u str) -> Option<&'u str> {
    let rest = if root.is_empty() {
        unit
    } else {
        unit.strip_prefix(root)?.strip_prefix('.')?
    };
    (!rest.is_empty() && !rest.contains(['.', '['])).then_some(rest)
}

/// Where the removable pieces of a file stand, for [`parse_recovering`].
#[derive(Default)]
struct Spans {
    /// Field path -> bytes to blank to remove it: a mapping entry from its key to the end of
    /// its value; a block list item from its `-`; a flow list item with its trailing comma.
    by_path: HashMap<String, std::ops::Range<usize>>,
    /// Block lists: path -> (bytes of the value, number of items).
    block_lists: HashMap<String, (std::ops::Range<usize>, usize)>,
    /// The items of the top-level list.
    items: Vec<ItemSpan>,
}

struct ItemSpan {
    /// The key of a mapping entry ([`Items::Map`]); `None` for a list item.
    key: Option<String>,
    bytes: std::ops::Range<usize>,
    /// 1-based line and column (in characters) where the item starts.
    line: usize,
    column: usize,
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
fn spans(src: &str, list_key: &str, kind: Items) -> Option<Spans> {
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

/// Parse a YAML text into `T` (built-in data such as the taxonomies, or a test), with the same
/// options as input files.
pub fn from_str<T: DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostic> {
    parse_value::<T>(src.as_bytes(), file)
}

/// The text of a file, or an error naming the first byte that is not UTF-8. A leading byte-order
/// mark is dropped.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "E0005",
            file,
            "",
            format!(
                "{} is too large ({} bytes; the limit is {} bytes)",
                file,
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    if let Some(encoding) = encoding::wide_encoding(bytes) {
        return Err(Diagnostic::error(
            "E0002",
            file,
            "",
            format!("{file} is saved as {encoding}, not UTF-8"),
        )
        .with_hint(
            "save the file as UTF-8 (Notepad: \"Save as\" > Encoding: UTF-8; other editors: \"Save with encoding\" > UTF-8)",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => match encoding::first_nul(s) {
            // A NUL byte is not text: the file is binary or half converted.
            Some((line, column)) => Err(Diagnostic::error(
                "E0002",
                file,
                "",
                format!("{file} holds a NUL byte (0x00) at line {line}, column {column}: it is not a text file"),
            )
            .with_hint("save the file as plain text in UTF-8")),
            None => Ok(s),
        },
        Err(e) => {
            let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
            let column = prefix.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
            Err(Diagnostic::error(
                "E0002",
                file,
                "",
                format!(
                    "{} is not valid UTF-8: byte 0x{byte:02X} at line {line}, column {column}",
                    file
                ),
            )
            .with_hint("save the file as UTF-8 (in most editors: \"Save with encoding\" > UTF-8)")
            .at(line, column))
        }
    }
}

/// True when the text holds no YAML content: only blank lines, comments and document markers.
fn is_blank(src: &str) -> bool {
    src.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
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

/// A YAML syntax error, as the parser reports it.
fn syntax_error(e: &ScanError, src: &str, file: &str) -> Diagnostic {
    let m = e.marker();
    let line = m.line().max(1);
    let column = m.col() + 1;
    let info = e.info();
    if info.contains("tab")
        && let Some((tab_line, tab_column)) = tab_after(src, line, column)
    {
        // The scanner stops at the token before the tab: point at the tab itself.
        return Diagnostic::error(
            "E0001",
            file,
            "",
            "YAML syntax error: a tab character in the indentation",
        )
        .with_hint(
            "YAML does not allow tabs for indentation; indent with spaces (set your editor to insert spaces for Tab)",
        )
        .at(tab_line, tab_column);
    }
    let hint = if info.contains("tab") {
        "YAML does not allow tabs for indentation; indent with spaces".to_string()
    } else if let Some((open_line, bracket)) = unclosed_bracket(src, line) {
        format!("the `{bracket}` on line {open_line} is not closed")
    } else {
        "check the indentation, the `key: value` layout and unclosed brackets or quotes near this line"
            .to_string()
    };
    Diagnostic::error("E0001", file, "", format!("YAML syntax error: {info}"))
        .with_hint(hint)
        .at(line, column)
}

/// The first tab at or after (`line`, `column`) (1-based, columns in characters), where the
/// scanner that complained about a tab stopped before it.
fn tab_after(src: &str, line: usize, column: usize) -> Option<Pos> {
    for (n, text) in src.lines().enumerate().skip(line.checked_sub(1)?) {
        let skip = if n + 1 == line {
            column.saturating_sub(1)
        } else {
            0
        };
        if let Some(i) = text.chars().skip(skip).position(|c| c == '\t') {
            return Some((n + 1, skip + i + 1));
        }
        if n + 1 > line + 1 {
            // The tab is on the stopping line or the next one.
            return None;
        }
    }
    None
}

/// A line before `line` (at most five back) that opens a flow `[` or `{` it does not close,
/// the usual cause of a syntax error reported at the next key.
fn unclosed_bracket(src: &str, line: usize) -> Option<(usize, char)> {
    let first = line.saturating_sub(5).max(1);
    let lines: Vec<&str> = src
        .lines()
        .skip(first - 1)
        .take(line.saturating_sub(first))
        .collect();
    for (i, text) in lines.iter().enumerate().rev() {
        let mut stack: Vec<char> = Vec::new();
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for c in text.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if matches!(prev, ' ' | '[' | '{' | ',' | ':') => quote = Some(c),
                    '#' if prev == ' ' => break,
                    '[' | '{' => stack.push(c),
                    ']' | '}' => {
                        stack.pop();
                    }
                    _ => {}
                },
            }
            prev = c;
        }
        if let Some(&c) = stack.first() {
            return Some((first + i, c));
        }
    }
    None
}

/// The innermost error, unwrapped from alias and snippet wrappers.
fn inner(e: &YamlError) -> &YamlError {
    match e {
        YamlError::AliasError { error, .. } => inner(error),
        YamlError::WithSnippet { error, .. } => inner(error),
        other => other,
    }
}

/// A readable name for what serde expected.
fn human_type(expected: &str) -> String {
    let e = expected.trim();
    let plain = match e {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "u8" => "a small whole number (not negative)",
        "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (not negative)",
        "f32" | "f64" => "a number",
        "a string" | "string" | "str" | "string scalar" => "a text",
        "a boolean" | "bool" | "boolean" => "`true` or `false`",
        "a sequence" | "sequence" | "seq" | "sequence start" => "a list",
        "a map" | "map" | "mapping" | "mapping start" => "a mapping (`key: value` lines)",
        "an array of length 2" | "a tuple of size 2" => "a list of two items",
        "untagged enum Value" => "a number or a short text",
        _ => "",
    };
    if !plain.is_empty() {
        return plain.to_string();
    }
    if e.starts_with("struct ") {
        return "a mapping (`key: value` lines)".to_string();
    }
    if let Some(name) = e.strip_prefix("enum ") {
        return format!("one of the {name} values");
    }
    e.to_string()
}

fn human_found(unexpected: &str) -> String {
    let u = unexpected.trim();
    if u.starts_with("map") || u == "mapping" {
        return "a mapping".to_string();
    }
    if u.starts_with("sequence") || u == "seq" {
        return "a list".to_string();
    }
    if u == "unit value" || u == "null" || u == "unit" {
        return "nothing (an empty value)".to_string();
    }
    u.to_string()
}

/// The scalar text at a position, for messages (`"dua ribu"` is not a whole number).
fn token_at(src: &str, pos: Pos) -> Option<String> {
    let line = src.lines().nth(pos.0.checked_sub(1)?)?;
    let rest: String = line.chars().skip(pos.1.checked_sub(1)?).collect();
    let rest = rest.split(" #").next().unwrap_or("").trim();
    let rest = rest.split(": ").next().unwrap_or("").trim();
    let rest = if rest.starts_with(['{', '[', '"', '\'']) {
        rest.trim_end_matches([',', '}', ']']).trim()
    } else {
        rest.split([',', '}', ']']).next().unwrap_or("").trim()
    };
    if rest.is_empty() || rest.len() > 60 {
        None
    } else {
        Some(rest.to_string())
    }
}

/// How to name a found token in a message: a flow or block collection by its kind, a scalar
/// quoted.
fn describe_token(token: &str) -> String {
    if token.starts_with('{') {
        "a mapping".to_string()
    } else if token.starts_with('[') || token == "-" || token.starts_with("- ") {
        "a list".to_string()
    } else {
        format!("`{token}`")
    }
}

/// Turn a serde-saphyr error into a diagnostic a planner can act on.
/// `line_shift` is added to the error's line: a list item parsed on its own (see
/// [`parse_recovering`]) starts on a later line of the file than its slice does.
fn friendly_error(
    e: &YamlError,
    line_shift: usize,
    src: &str,
    file: &str,
    index: Option<&LocationIndex>,
) -> Diagnostic {
    let err = inner(e);
    let pos: Option<Pos> = e.location().or_else(|| err.location()).and_then(|l| {
        let line = usize::try_from(l.line()).ok()?;
        let col = usize::try_from(l.column()).ok()?;
        (line > 0).then_some((line + line_shift, col.max(1)))
    });
    let path_here = |exact_only: bool| -> String {
        match (index, pos) {
            (Some(ix), Some(p)) => {
                let found = if exact_only {
                    ix.path_exactly_at(p)
                } else {
                    ix.path_exactly_at(p).or_else(|| ix.path_at(p))
                };
                found.unwrap_or("").to_string()
            }
            _ => String::new(),
        }
    };
    let mut d = match err {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            // A key and the mapping holding it may start at the same place: name the key.
            let path = match (index, pos) {
                (Some(ix), Some(p)) => ix
                    .key_path_at(p, field)
                    .map(str::to_string)
                    .unwrap_or_else(|| path_here(false)),
                _ => path_here(false),
            };
            let mut d = Diagnostic::error("E0012", file, path, format!("unknown field `{field}`"));
            d.hint = suggest::hint(field, expected.iter().copied()).or_else(|| {
                (!expected.is_empty())
                    .then(|| format!("the fields allowed here are {}", suggest::one_of(expected)))
            });
            d
        }
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let mut d = Diagnostic::error(
                "E0013",
                file,
                path_here(false),
                format!(
                    "unknown value `{variant}`; expected {}",
                    suggest::one_of(expected)
                ),
            );
            d.hint = suggest::hint(variant, expected.iter().copied());
            d
        }
        YamlError::SerdeMissingField { field, .. } => {
            // The error points at the last key read in the mapping that lacks the field; name
            // (and point at) that mapping instead.
            let mapping = match (index, pos) {
                (Some(ix), Some(p)) => ix
                    .path_exactly_at(p)
                    .or_else(|| ix.path_at(p))
                    .and_then(parent_path)
                    .map(str::to_string),
                _ => None,
            };
            let path = mapping.clone().unwrap_or_default();
            let mut d = Diagnostic::error(
                "E0011",
                file,
                path.clone(),
                format!("missing required field `{field}`"),
            );
            d.hint = Some(if path.is_empty() {
                format!("add `{field}:` at the top level of the file")
            } else {
                format!("add `{field}:` to the mapping at `{path}`")
            });
            if let (Some(ix), Some(m)) = (index, mapping.as_deref())
                && let Some((line, col)) = ix.get(m)
            {
                return d.at(line, col);
            }
            d
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | YamlError::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Diagnostic::error(
            "E0010",
            file,
            path_here(false),
            format!(
                "wrong type: expected {}, found {}",
                human_type(expected),
                human_found(unexpected)
            ),
        ),
        YamlError::SerdeInvalidLength { len, expected, .. } => Diagnostic::error(
            "E0010",
            file,
            path_here(false),
            format!(
                "wrong length: expected {}, found {len} items",
                human_type(expected)
            ),
        ),
        YamlError::InvalidScalar { ty, .. } => {
            let found = pos.and_then(|p| token_at(src, p));
            let msg = match found {
                Some(t) => format!(
                    "wrong type: expected {}, found {}",
                    human_type(ty),
                    describe_token(&t)
                ),
                None => format!("wrong type: expected {}", human_type(ty)),
            };
            Diagnostic::error("E0010", file, path_here(false), msg)
        }
        YamlError::NullIntoString { .. } => Diagnostic::error(
            "E0010",
            file,
            path_here(false),
            "wrong type: expected a text, found nothing (an empty value)",
        ),
        YamlError::Unexpected { expected, .. } => {
            let found = pos.and_then(|p| token_at(src, p));
            let msg = match found {
                Some(t) => format!(
                    "wrong type: expected {}, found {}",
                    human_type(expected),
                    describe_token(&t)
                ),
                None => format!("wrong type: expected {}", human_type(expected)),
            };
            Diagnostic::error("E0010", file, path_here(false), msg)
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let msg = match key {
                Some(k) => format!("duplicate key `{k}` in one mapping"),
                None => "duplicate key in one mapping".to_string(),
            };
            Diagnostic::error("E0004", file, path_here(false), msg)
                .with_hint("each key may appear once per mapping; remove or merge the repeated one")
        }
        YamlError::Budget { breach, .. } if breach_name(breach) == "documents" => {
            Diagnostic::error(
                "E0001",
                file,
                "",
                format!("{} holds more than one YAML document (`---`)", file),
            )
            .with_hint("keep one document per file; remove the extra `---` line")
        }
        YamlError::Budget { breach, .. } => Diagnostic::error(
            "E0005",
            file,
            "",
            format!(
                "{} is too large or too deeply nested to read safely (limit reached: {})",
                file,
                breach_name(breach)
            ),
        )
        .with_hint(
            "masterplan files need no more than a few anchors and aliases; write the values out",
        ),
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::AliasReplayCounterOverflow { .. } => Diagnostic::error(
            "E0005",
            file,
            "",
            format!(
                "{} expands aliases (`*name`) too many times to read safely",
                file
            ),
        )
        .with_hint(
            "masterplan files need no more than a few anchors and aliases; write the values out",
        ),
        YamlError::MultipleDocuments { .. } => Diagnostic::error(
            "E0001",
            file,
            "",
            format!("{} holds more than one YAML document (`---`)", file),
        )
        .with_hint("keep one document per file; remove the extra `---` line"),
        YamlError::InvalidUtf8Input => {
            Diagnostic::error("E0002", file, "", format!("{} is not valid UTF-8", file))
        }
        YamlError::UnknownAnchor { .. } => Diagnostic::error(
            "E0001",
            file,
            "",
            "an alias (`*name`) refers to an anchor (`&name`) that is not defined before it",
        ),
        other
            if other
                .to_string()
                .contains("did not match any variant of untagged enum") =>
        {
            // An indicator value (a number or a short text) written as a list or a mapping:
            // a wrong type in valid YAML, not a syntax error (so the file is recovered).
            Diagnostic::error(
                "E0010",
                file,
                path_here(false),
                "wrong type: expected a number or a short text",
            )
        }
        other => {
            let text = other.to_string();
            let text = strip_location_suffix(&text);
            Diagnostic::error("E0001", file, "", format!("YAML syntax error: {text}"))
                .with_hint("check the indentation and the `key: value` layout near this line")
        }
    };
    if d.code == "E0010"
        && let Some(expected) = expected_of(err)
    {
        improve_wrong_type(&mut d, expected, pos.and_then(|p| value_at(src, p)));
    }
    if let Some((line, col)) = pos {
        d = d.at(line, col);
    }
    d
}

/// What serde expected, for the wrong-type errors.
fn expected_of(err: &YamlError) -> Option<&str> {
    match err {
        YamlError::SerdeInvalidType { expected, .. }
        | YamlError::SerdeInvalidValue { expected, .. } => Some(expected.as_str()),
        YamlError::Unexpected { expected, .. } => Some(expected),
        YamlError::InvalidScalar { ty, .. } => Some(ty),
        _ => None,
    }
}

/// A wrong-type diagnostic in the contract's words (`a whole number from 1 to 5`, not the
/// Rust type's range), with the value as written and a hint that shows it in the right form.
fn improve_wrong_type(d: &mut Diagnostic, expected: &str, found: Option<String>) {
    let want = hint::want(expected);
    let found = found.filter(|f| f != ":");
    let expected_text = hint::expected_text(&d.path, want).unwrap_or_else(|| human_type(expected));
    let found_text = match &found {
        Some(f) => describe_token(f),
        None if d.message.contains("found nothing") || want == hint::Want::List => {
            "nothing (an empty value)".to_string()
        }
        None => String::new(),
    };
    if !found_text.is_empty() && want != hint::Want::Other {
        d.message = format!("wrong type: expected {expected_text}, found {found_text}");
    } else if let Some(rest) = d.message.strip_prefix("wrong type: expected ")
        && let Some((_, tail)) = rest.split_once(", found ")
    {
        d.message = format!("wrong type: expected {expected_text}, found {tail}");
    }
    if d.hint.is_none() {
        d.hint = hint::wrong_type(&d.path, want, found.as_deref());
    }
}

/// The value written at `pos` as the planner wrote it: in a flow collection (`{ amount: 1 }`)
/// up to the next `,`, `}` or `]`; in block context the rest of the line (a plain scalar may
/// hold commas: `support: DISKOMINFO, DISHUB`), comments left out.
fn value_at(src: &str, pos: Pos) -> Option<String> {
    let line = src.lines().nth(pos.0.checked_sub(1)?)?;
    let before: String = line.chars().take(pos.1.checked_sub(1)?).collect();
    let rest: String = line.chars().skip(pos.1 - 1).collect();
    let depth = before.chars().fold(0i32, |d, c| match c {
        '[' | '{' => d + 1,
        ']' | '}' => d - 1,
        _ => d,
    });
    let rest = match rest.find(" #") {
        Some(i) => rest.get(..i).unwrap_or(&rest).to_string(),
        None if rest.starts_with('#') => String::new(),
        None => rest,
    };
    let value = if rest.starts_with(['"', '\'']) {
        let q = rest.chars().next()?;
        match rest.get(1..).and_then(|r| r.find(q)) {
            Some(end) => rest.get(..end + 2).unwrap_or(&rest).to_string(),
            None => rest,
        }
    } else if depth > 0 && !rest.starts_with(['[', '{']) {
        rest.split([',', '}', ']']).next().unwrap_or("").to_string()
    } else {
        rest
    };
    let value = value.trim();
    (!value.is_empty() && value.chars().count() <= 80).then(|| value.to_string())
}

/// The name of the budget that was exceeded (`Aliases`, `Depth`, ...), in lower case.
fn breach_name(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    let debug = format!("{breach:?}");
    let name: String = debug
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let mut words = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.push(c.to_ascii_lowercase());
    }
    words
}

/// serde-saphyr appends " at line X column Y" to some messages; the diagnostic carries them.
fn strip_location_suffix(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    match first.find(" at line ") {
        Some(i) => first.get(..i).unwrap_or(first).to_string(),
        None => first.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Masterplan, Pokja};

    const POKJA: &str = "\
dimension: living
coordinator: DINKES
programs:
  - id: LIV-01
    name: Telemedis
    element: health
    category: application
    lead: DINKES
    start: 2023
    end: 2024
    indicators:
      - name: Puskesmas
        targets: { 2023: 5, 2031: 20 }
";

    #[test]
    fn parses_and_locates_every_field() {
        let (p, ix) = parse::<Pokja>(POKJA.as_bytes(), "pokja/living.yaml").unwrap();
        assert_eq!(p.programs.len(), 1);
        assert_eq!(ix.get("dimension"), Some((1, 12)));
        assert_eq!(ix.get("programs[0].lead"), Some((8, 11)));
        assert_eq!(
            ix.get("programs[0].indicators[0].targets.2031"),
            Some((13, 35))
        );
        assert_eq!(ix.locate("programs[0].budget[3].amount"), Some((4, 5)));
        assert_eq!(ix.path_at((8, 5)), Some("programs[0].lead"));
    }

    #[test]
    fn unknown_field_suggests_the_nearest() {
        let src = POKJA.replace("coordinator", "cordinator");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0012");
        assert_eq!(d.line, Some(2));
        assert_eq!(d.path, "cordinator");
        assert_eq!(d.hint.as_deref(), Some("did you mean `coordinator`?"));
    }

    #[test]
    fn unknown_variant_suggests_the_nearest() {
        let src = POKJA.replace("category: application", "category: aplication");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0013");
        assert_eq!(d.path, "programs[0].category");
        assert_eq!(d.hint.as_deref(), Some("did you mean `application`?"));
    }

    #[test]
    fn wrong_type_names_field_and_position() {
        let src = POKJA.replace("start: 2023", "start: dua ribu");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0010", "{d:?}");
        assert_eq!(d.path, "programs[0].start");
        assert_eq!(d.line, Some(9));
        assert!(d.message.contains("whole number"), "{}", d.message);
    }

    #[test]
    fn missing_field_is_named() {
        let src = POKJA.replace("    lead: DINKES\n", "");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0011");
        assert!(d.message.contains("`lead`"));
        assert!(d.path.starts_with("programs[0]"), "{d:?}");
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let src = POKJA.replace("    end: 2024\n", "    end: 2024\n    end: 2025\n");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0004", "{d:?}");
        assert!(d.message.contains("`end`"));
        assert_eq!(d.line, Some(11));
    }

    #[test]
    fn empty_and_comment_only_files_are_empty() {
        for src in ["", "   \n\n", "# only a comment\n---\n"] {
            let d = parse::<Masterplan>(src.as_bytes(), "masterplan.yaml").unwrap_err();
            assert_eq!(d.code, "E0003");
            assert_eq!(d.message, "masterplan.yaml is empty");
        }
    }

    #[test]
    fn non_utf8_names_the_first_bad_byte() {
        let bytes = b"dimension: living\ncoordinator: D\xE9NKES\n";
        let d = parse::<Pokja>(bytes, "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0002");
        assert_eq!((d.line, d.column), (Some(2), Some(15)));
        assert!(d.message.contains("0xE9"));
    }

    #[test]
    fn alias_bomb_is_rejected() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for n in names {
            src.push_str(&format!(
                "{n}: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = n;
        }
        let d = parse::<std::collections::BTreeMap<String, serde_json::Value>>(
            src.as_bytes(),
            "masterplan.yaml",
        )
        .unwrap_err();
        assert_eq!(d.code, "E0005", "{d:?}");
    }

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
    fn syntax_error_has_a_position() {
        let src = "dimension: living\ncoordinator: [DINKES\nprograms: []\n";
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0001", "{d:?}");
        assert!(d.line.is_some());
        assert_eq!(d.hint.as_deref(), Some("the `[` on line 2 is not closed"));
        let tabbed = "dimension: living\ncoordinator: X\nprograms:\n\t- id: A\n";
        let d = parse::<Pokja>(tabbed.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0001", "{d:?}");
        assert!(d.hint.unwrap().contains("tabs"));
    }

    #[test]
    fn document_markers_and_bom_are_accepted() {
        let src = format!("\u{feff}---\n{POKJA}...\n");
        let (p, ix) = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap();
        assert_eq!(p.dimension, "living");
        assert_eq!(ix.get("dimension"), Some((2, 12)));
    }

    #[test]
    fn type_messages_are_plain() {
        let src = POKJA.replace("programs:\n", "programs: semua\nx:\n");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.message, "wrong type: expected a list, found `semua`");
        let src = format!("{POKJA}---\nx: 1\n");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0001");
        assert!(d.message.contains("more than one YAML document"));
    }

    #[derive(Debug, serde::Deserialize)]
    struct Named {
        id: Option<String>,
    }

    fn recover(src: &str) -> Recovered<Pokja, Named> {
        parse_recovering::<Pokja, crate::model::Program, Named>(
            src.as_bytes(),
            "pokja/living.yaml",
            "programs",
            |p, programs| p.programs = programs,
        )
    }

    #[test]
    fn a_clean_file_is_not_recovered() {
        let r = recover(POKJA);
        assert!(r.diagnostics.is_empty());
        assert!(r.kept.is_none());
        assert_eq!(r.value.unwrap().programs.len(), 1);
    }

    #[test]
    fn bad_programmes_are_left_out_and_all_reported() {
        let extra = "  - id: LIV-02
    name: Ambulans
    element: health
    category: application
    lead: DINKES
    start: 2025
    end: 2027
    budget:
      - { source: apbd, amount: 900 }
      - { source: apdb, amount: 1 }
  - { id: LIV-03, name: X, element: health, category: aplication, lead: DINKES, start: 2025, end: 2026 }
  - id: LIV-04
    name: Baik
    element: health
    category: policy
    lead: DINKES
    start: dua ribu
    end: 2027
  - id: LIV-05
    name: Baik juga
    element: health
    category: policy
    lead: DINKES
    start: 2025
    end: 2027
";
        let src = format!("{POKJA}{extra}swot: {{ strengths: [a] }}\n");
        let r = recover(&src);
        let got: Vec<(&str, &str, Option<usize>, Option<usize>)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code, d.path.as_str(), d.line, d.column))
            .collect();
        assert_eq!(
            got,
            [
                ("E0013", "programs[1].budget[1].source", Some(23), Some(19)),
                ("E0013", "programs[2].category", Some(24), Some(55)),
                ("E0010", "programs[3].start", Some(30), Some(12)),
            ]
        );
        assert_eq!(
            r.diagnostics[0].hint.as_deref(),
            Some("did you mean `apbd`?")
        );
        assert!(
            r.diagnostics[2].message.contains("`dua ribu`"),
            "{:?}",
            r.diagnostics[2]
        );
        let p = r.value.unwrap();
        let ids: Vec<&str> = p.programs.iter().map(|p| p.id.as_str()).collect();
        // LIV-02 loses its bad budget line only; LIV-03 and LIV-04 lack a usable required field.
        assert_eq!(ids, ["LIV-01", "LIV-02", "LIV-05"]);
        assert_eq!(p.programs[1].budget.len(), 1);
        assert_eq!(p.swot.unwrap().strengths, ["a"]);
        assert_eq!(r.kept, Some(vec![0, 1, 4]));
        let left: Vec<_> = r.left_out.iter().map(|n| n.id.as_deref()).collect();
        assert_eq!(left, [Some("LIV-03"), Some("LIV-04")]);
    }

    #[test]
    fn top_level_fields_are_recovered_one_by_one() {
        let src = POKJA
            .replace(
                "dimension: living\n",
                "dimension: living\ngoal: [a, b]\nswot: { strenghts: [a] }\n",
            )
            .replace("category: application", "category: aplication");
        let r = recover(&src);
        let got: Vec<(&str, &str)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code, d.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("E0013", "programs[0].category"),
                ("E0010", "goal"),
                ("E0012", "swot.strenghts"),
            ]
        );
        let p = r.value.unwrap();
        assert!(p.goal.is_none() && p.swot.is_none() && p.programs.is_empty());
        // A misspelt required field: reported once, and the file gives no value.
        let r = recover(&POKJA.replace("coordinator", "cordinator"));
        assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
        assert!(r.value.is_none());
        // Its programmes are left out with it, and named (so references to them stay quiet).
        let left: Vec<_> = r.left_out.iter().map(|n| n.id.as_deref()).collect();
        assert_eq!(left, [Some("LIV-01")]);
        // A syntax error is not recovered from.
        let r = recover("dimension: [\n");
        assert_eq!(r.diagnostics[0].code, "E0001");
    }

    #[test]
    fn a_list_emptied_by_recovery_stays_a_list() {
        let src = POKJA.replace(
            "    end: 2024\n",
            "    end: 2024\n    budget:\n      - { source: apdb, amount: 5 }\n    sdgs: [3, x]\n",
        );
        let r = recover(&src);
        let got: Vec<&str> = r.diagnostics.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(got, ["programs[0].budget[0].source", "programs[0].sdgs[1]"]);
        let p = r.value.unwrap();
        assert!(p.programs[0].budget.is_empty());
        assert_eq!(p.programs[0].sdgs, [3]);
        assert_eq!(r.removed, ["programs[0].budget[0]", "programs[0].sdgs[1]"]);
        assert!(r.kept.is_none());
    }

    #[test]
    fn flow_lists_and_crlf_are_recovered() {
        let src = "dimension: living\r\ncoordinator: DINKES\r\nprograms: [\r\n  { id: A-1, name: A, element: health, category: policy, lead: X, start: 2023, end: 2024, sdgs: [3, x, 4] },\r\n  { id: A-2, name: B, element: health, category: polcy, lead: X, start: 2023, end: 2024 },\r\n  { id: A-3, name: C, element: health, category: policy, lead: X, start: 2023, end: 2024, budget: [{ source: apdb, amount: 1 }] }\r\n]\r\n";
        let r = recover(src);
        let got: Vec<(&str, Option<usize>)> = r
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.line))
            .collect();
        assert_eq!(
            got,
            [
                ("programs[0].sdgs[1]", Some(4)),
                ("programs[1].category", Some(5)),
                ("programs[2].budget[0].source", Some(6)),
            ]
        );
        let p = r.value.unwrap();
        assert_eq!(p.programs.len(), 2);
        assert_eq!(p.programs[0].sdgs, [3, 4]);
        assert!(p.programs[1].budget.is_empty());
        assert_eq!(r.kept, Some(vec![0, 2]));
    }

    #[test]
    fn removable_pieces() {
        assert_eq!(
            removable("programs[1]", "programs[1].budget[0].source"),
            Some("programs[1].budget[0]")
        );
        assert_eq!(
            removable("programs[1]", "programs[1].lead"),
            Some("programs[1].lead")
        );
        assert_eq!(removable("programs[1]", "programs[1]"), None);
        assert_eq!(removable("programs[1]", "programs[12].lead"), None);
        assert_eq!(removable("", "region.type"), Some("region"));
        assert_eq!(removable("", "missions[2]"), Some("missions[2]"));
        assert_eq!(
            direct_field("programs[1]", "programs[1].budget"),
            Some("budget")
        );
        assert_eq!(direct_field("", "budget[0]"), None);
    }

    #[test]
    fn parent_paths() {
        assert_eq!(parent_path("programs[2].lead"), Some("programs[2]"));
        assert_eq!(parent_path("programs[2]"), Some("programs"));
        assert_eq!(parent_path("programs"), Some(""));
        assert_eq!(parent_path(""), None);
    }
}
