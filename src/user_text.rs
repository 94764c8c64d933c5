//! Checks on every piece of user text in the model, whatever its field: its size (E0032),
//! control characters from YAML escapes (W0021), and what the Markdown fields (`foreword`,
//! a programme's `description`) hold that the document will neutralise (W0020).
//!
//! The model is walked through its serialized form, so a field added to the model later is
//! checked without a change here; field paths are the ones of the input format
//! (`programs[2].description`, `region.name`), named by their place in the file.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::load::{MASTERPLAN_FILE, Recovery};
use crate::model::Project;
use crate::render::user_markdown;

/// The largest single text field (64 KiB): a description or foreword is prose of a few pages at
/// most; a bigger field is refused (E0032) so that memory stays bounded by the input
/// (docs/performance.md).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// True for a control character that must not reach the document (all but tab and line breaks).
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The fields documented as Markdown, as (file kind, field path pattern).
fn is_markdown_field(in_masterplan: bool, path: &str) -> bool {
    if in_masterplan {
        return path == "foreword";
    }
    path.strip_prefix("programs[")
        .and_then(|rest| rest.split_once("]."))
        .is_some_and(|(index, field)| {
            index.bytes().all(|b| b.is_ascii_digit()) && field == "description"
        })
}

/// Check every text of the project.
pub fn check(project: &Project, recovery: &Recovery, out: &mut Vec<Diagnostic>) {
    if !recovery.masterplan_partial
        && let Ok(v) = serde_json::to_value(&project.masterplan)
    {
        walk(&v, MASTERPLAN_FILE, true, &mut String::new(), recovery, out);
    }
    for pf in &project.pokja {
        if let Ok(v) = serde_json::to_value(&pf.pokja) {
            walk(&v, &pf.file, false, &mut String::new(), recovery, out);
        }
    }
    for mf in &project.monitoring {
        if let Ok(v) = serde_json::to_value(&mf.monitoring) {
            walk(&v, &mf.file, false, &mut String::new(), recovery, out);
        }
    }
}

/// Walk `v`, with `path` the field path of `v` (one buffer for the whole walk: segments are
/// appended and cut off again, so no path is allocated per field).
fn walk(
    v: &Value,
    file: &str,
    in_masterplan: bool,
    path: &mut String,
    recovery: &Recovery,
    out: &mut Vec<Diagnostic>,
) {
    use std::fmt::Write as _;
    match v {
        Value::String(s) => text(s, file, in_masterplan, path, out),
        Value::Array(items) => {
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                // Kept programmes and OPD entries are named by their place in the file.
                let slot = match &path[..] {
                    "programs" => recovery.program_slot(file, i),
                    "opd" if in_masterplan => recovery.opd_slot(i),
                    _ => i,
                };
                let _ = write!(path, "[{slot}]");
                walk(item, file, in_masterplan, path, recovery, out);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            let len = path.len();
            for (k, item) in map {
                if len > 0 {
                    path.push('.');
                }
                path.push_str(k);
                walk(item, file, in_masterplan, path, recovery, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn text(s: &str, file: &str, in_masterplan: bool, path: &str, out: &mut Vec<Diagnostic>) {
    if s.len() > MAX_FIELD_BYTES {
        out.push(
            Diagnostic::error(
                "E0032",
                file,
                path,
                format!(
                    "`{path}` is too long ({} bytes; a text field holds at most {MAX_FIELD_BYTES} bytes)",
                    s.len()
                ),
            )
            .with_hint("shorten the text; a description or foreword is a few paragraphs"),
        );
        return;
    }
    if let Some(c) = s.chars().find(|c| is_stray_control(*c)) {
        out.push(
            Diagnostic::warning(
                "W0021",
                file,
                path,
                format!(
                    "`{path}` holds the control character U+{:04X}; it is left out of the document",
                    u32::from(c)
                ),
            )
            .with_hint("remove the escape (`\\e`, `\\u0007`, `\\0`, ...) from the quoted text"),
        );
    }
    if is_markdown_field(in_masterplan, path) {
        let (_, found) = user_markdown::sanitize(s, 1);
        let mut what = found.describe();
        // Control characters have their own warning.
        if found.control {
            what.pop();
        }
        if !what.is_empty() {
            out.push(
                Diagnostic::warning(
                    "W0020",
                    file,
                    path,
                    format!(
                        "`{path}` holds Markdown that a field may not use: {}",
                        what.join(", ")
                    ),
                )
                .with_hint(
                    "use paragraphs, emphasis, lists, quotes, tables, links and closed code fences; see \"Markdown in user fields\" in the input reference",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_fields_are_known() {
        assert!(is_markdown_field(true, "foreword"));
        assert!(is_markdown_field(false, "programs[12].description"));
        assert!(!is_markdown_field(false, "programs[1].name"));
        assert!(!is_markdown_field(true, "region.name"));
    }

    #[test]
    fn text_findings() {
        let mut out = Vec::new();
        text("a\u{1b}[31m", "f", false, "programs[0].name", &mut out);
        text("<script>x", "f", false, "programs[0].description", &mut out);
        text(
            &"x".repeat(MAX_FIELD_BYTES + 1),
            "f",
            true,
            "foreword",
            &mut out,
        );
        text("**baik**", "f", true, "foreword", &mut out);
        let codes: Vec<_> = out.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["W0021", "W0020", "E0032"]);
    }
}
