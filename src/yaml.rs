//! All YAML parsing lives here (serde-saphyr, and its event parser for locations).
//!
//! [`parse`] turns the bytes of one file into a typed value plus a [`LocationIndex`] (field path
//! to line and column), or into diagnostics that name the file, line, column, field path and, for
//! a misspelt key or value, the nearest valid one. Parsing is bounded: duplicate keys are
//! rejected, and alias expansion, nesting depth, node count and file size have budgets, so an
//! alias bomb fails fast with bounded memory. See docs/design/yaml.md.
//!
//! The parts: `location` (the location index), `diagnose` (parse errors as diagnostics),
//! `recover` and `spans` (the recovering parse that reports every mistake of a file), `hint`
//! (wrong-type hints), `required` (the required fields of a type), `encoding` (UTF-16/32).

// A parse failure is one diagnostic, returned once per file: its size does not matter.
#![allow(clippy::result_large_err)]

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy};

use crate::diagnostic::Diagnostic;

mod diagnose;
mod encoding;
mod hint;
mod location;
mod recover;
mod required;
mod spans;

use diagnose::{friendly_error, syntax_error};
pub use location::{IndexError, LocationIndex, MAX_EXPANDED_NODES, Pos, index, parent_path};
use recover::missing_fields;
pub use recover::{Recovered, parse_recovering, parse_recovering_map};

/// Largest input file accepted, in bytes. Real masterplan files are well under 1 MiB; a
/// 3000-programme project spread over six files stays far below this.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Masterplan, Pokja};

    pub(super) const POKJA: &str = "\
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
    fn document_markers_and_bom_are_accepted() {
        let src = format!("\u{feff}---\n{POKJA}...\n");
        let (p, ix) = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap();
        assert_eq!(p.dimension, "living");
        assert_eq!(ix.get("dimension"), Some((2, 12)));
    }
}
