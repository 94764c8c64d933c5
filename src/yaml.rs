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
use serde_saphyr::granit_parser::{Event, Parser, ScanError};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Error as YamlError};

use crate::diagnostic::Diagnostic;
use crate::suggest;

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

/// Parse one file: its bytes to `T` and the location of every field, or the diagnostics that
/// say why not. `file` is the relative path used in diagnostics; `what` names the file in
/// messages about the file as a whole (`masterplan.yaml is empty`).
pub fn parse<T: DeserializeOwned>(
    bytes: &[u8],
    file: &str,
) -> Result<(T, LocationIndex), Diagnostic> {
    let src = decode(bytes, file)?;
    if is_blank(src) {
        return Err(Diagnostic::error(
            "E0003",
            file,
            "",
            format!("{} is empty", file_name(file)),
        )
        .with_hint("write the fields the input format requires; `masterplan init` makes a working example"));
    }
    // The event pass finds syntax errors first, with the parser's own position and wording,
    // before the deserializer can stop at a type mismatch caused by the broken syntax.
    let index = match index(src) {
        Ok(index) => index,
        Err(IndexError::Syntax(e)) => return Err(syntax_error(&e, file)),
        Err(IndexError::TooLarge { line, column }) => {
            return Err(Diagnostic::error(
                "E0005",
                file,
                "",
                format!(
                    "{} expands aliases (`*name`) to more than {MAX_EXPANDED_NODES} values; refusing to read it",
                    file_name(file)
                ),
            )
            .with_hint("masterplan files need no more than a few anchors and aliases; write the values out")
            .at(line, column));
        }
    };
    match serde_saphyr::from_str_with_options::<T>(src, options()) {
        Ok(value) => Ok((value, index)),
        Err(e) => Err(friendly_error(&e, src, file, Some(&index))),
    }
}

/// Parse a YAML text into `T` (built-in data such as the taxonomies, or a test), with the same
/// options as input files.
pub fn from_str<T: DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostic> {
    parse::<T>(src.as_bytes(), file).map(|(v, _)| v)
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
                file_name(file),
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s),
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
                    file_name(file)
                ),
            )
            .with_hint("save the file as UTF-8 (in most editors: \"Save with encoding\" > UTF-8)")
            .at(line, column))
        }
    }
}

fn file_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
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
fn syntax_error(e: &ScanError, file: &str) -> Diagnostic {
    let m = e.marker();
    let line = m.line().max(1);
    let column = m.col() + 1;
    Diagnostic::error("E0001", file, "", format!("YAML syntax error: {}", e.info()))
        .with_hint("check the indentation, the `key: value` layout and unclosed brackets or quotes near this line")
        .at(line, column)
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
        "u8" => "a whole number from 0 to 255",
        "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (not negative)",
        "f32" | "f64" => "a number",
        "a string" | "string" | "str" => "a text",
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
    let rest = rest.trim_end_matches([',', '}', ']']).trim();
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
fn friendly_error(
    e: &YamlError,
    src: &str,
    file: &str,
    index: Option<&LocationIndex>,
) -> Diagnostic {
    let err = inner(e);
    let pos: Option<Pos> = e.location().or_else(|| err.location()).and_then(|l| {
        let line = usize::try_from(l.line()).ok()?;
        let col = usize::try_from(l.column()).ok()?;
        (line > 0).then_some((line, col.max(1)))
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
            let mut d = Diagnostic::error(
                "E0012",
                file,
                path_here(false),
                format!("unknown field `{field}`"),
            );
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
                format!(
                    "{} holds more than one YAML document (`---`)",
                    file_name(file)
                ),
            )
            .with_hint("keep one document per file; remove the extra `---` line")
        }
        YamlError::Budget { breach, .. } => Diagnostic::error(
            "E0005",
            file,
            "",
            format!(
                "{} is too large or too deeply nested to read safely (limit reached: {})",
                file_name(file),
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
                file_name(file)
            ),
        )
        .with_hint(
            "masterplan files need no more than a few anchors and aliases; write the values out",
        ),
        YamlError::MultipleDocuments { .. } => Diagnostic::error(
            "E0001",
            file,
            "",
            format!(
                "{} holds more than one YAML document (`---`)",
                file_name(file)
            ),
        )
        .with_hint("keep one document per file; remove the extra `---` line"),
        YamlError::InvalidUtf8Input => Diagnostic::error(
            "E0002",
            file,
            "",
            format!("{} is not valid UTF-8", file_name(file)),
        ),
        YamlError::UnknownAnchor { .. } => Diagnostic::error(
            "E0001",
            file,
            "",
            "an alias (`*name`) refers to an anchor (`&name`) that is not defined before it",
        ),
        other => {
            let text = other.to_string();
            let text = strip_location_suffix(&text);
            Diagnostic::error("E0001", file, "", format!("YAML syntax error: {text}"))
                .with_hint("check the indentation and the `key: value` layout near this line")
        }
    };
    if let Some((line, col)) = pos {
        d = d.at(line, col);
    }
    d
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
    }

    #[test]
    fn parent_paths() {
        assert_eq!(parent_path("programs[2].lead"), Some("programs[2]"));
        assert_eq!(parent_path("programs[2]"), Some("programs"));
        assert_eq!(parent_path("programs"), Some(""));
        assert_eq!(parent_path(""), None);
    }
}
