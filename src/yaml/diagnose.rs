//! Parse errors turned into diagnostics a planner can act on: syntax errors (with the tab or
//! the unclosed bracket that caused them), and serde-saphyr's type-level errors (unknown field
//! or value, wrong type, missing field, duplicate key, budget breaches) named by file, line,
//! column and field path, in plain words, with a hint.

use serde_saphyr::Error as YamlError;
use serde_saphyr::granit_parser::ScanError;

use super::{LocationIndex, Pos, hint, parent_path};
use crate::diagnostic::Diagnostic;
use crate::suggest;

/// A YAML syntax error, as the parser reports it.
pub(super) fn syntax_error(e: &ScanError, src: &str, file: &str) -> Diagnostic {
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
pub(super) fn inner(e: &YamlError) -> &YamlError {
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
/// [`parse_recovering`](super::parse_recovering)) starts on a later line of the file than its
/// slice does.
pub(super) fn friendly_error(
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
    use crate::model::Pokja;
    use crate::yaml::parse;
    use crate::yaml::tests::POKJA;

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
    fn type_messages_are_plain() {
        let src = POKJA.replace("programs:\n", "programs: semua\nx:\n");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.message, "wrong type: expected a list, found `semua`");
        let src = format!("{POKJA}---\nx: 1\n");
        let d = parse::<Pokja>(src.as_bytes(), "pokja/living.yaml").unwrap_err();
        assert_eq!(d.code, "E0001");
        assert!(d.message.contains("more than one YAML document"));
    }
}
