//! Misspelt fields that rendering does not catch: in minijinja's semi-strict mode a test on an
//! undefined value is simply false, so `{% if project.visi %}` hides a block without a word.
//! Every field of the context's structs is always present (an absent optional field is `none`,
//! not undefined), so a dotted name rooted at a context variable (`project.region.nme`) whose
//! key is missing from a mapping it passes through is a misspelling, wherever it stands. Only
//! the project's override templates are scanned (the built-in ones are tested).

use minijinja::Value;
use minijinja::value::ValueKind;

/// A dotted name in a template whose key is missing from the mapping it looks into.
pub(super) struct Misspelt {
    /// Byte offset of the name in the template.
    pub at: usize,
    /// `project.visi`.
    pub expr: String,
    /// The keys of the mapping that lacks it, for did-you-mean.
    pub keys: Vec<String>,
}

/// The first misspelt dotted name of `src`, looked up in `ctx` (a map of the context
/// variables). Names that the template itself binds (`{% for doc in ... %}`, `{% set t = ...
/// %}`, macro arguments) are not checked.
pub(super) fn first_misspelt(src: &str, ctx: &Value) -> Option<Misspelt> {
    let tags = tags(src);
    let bound: Vec<&str> = tags
        .iter()
        .flat_map(|(start, end)| bound_names(&src[*start..*end]))
        .collect();
    for (start, end) in tags {
        let text = &src[start..end];
        for (offset, chain) in chains(text) {
            let Some(first) = chain.first() else {
                continue;
            };
            if bound.contains(first) {
                continue;
            }
            let Ok(mut value) = ctx.get_attr(first) else {
                continue;
            };
            if value.is_undefined() {
                continue;
            }
            for (i, key) in chain.iter().enumerate().skip(1) {
                if value.kind() != ValueKind::Map {
                    break;
                }
                let next = value.get_attr(key).unwrap_or_default();
                if next.is_undefined() {
                    let keys = value
                        .try_iter()
                        .map(|it| it.filter_map(|k| k.as_str().map(str::to_string)).collect())
                        .unwrap_or_default();
                    return Some(Misspelt {
                        at: start + offset,
                        expr: chain[..=i].join("."),
                        keys,
                    });
                }
                value = next;
            }
        }
    }
    None
}

/// Byte ranges of the insides of `{{ ... }}` and `{% ... %}` tags (comments `{# #}` skipped).
fn tags(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = src.get(at..).and_then(|s| s.find('{')) {
        let open = at + i;
        let close = match src.get(open + 1..open + 2) {
            Some("{") => "}}",
            Some("%") => "%}",
            Some("#") => "#}",
            _ => {
                at = open + 1;
                continue;
            }
        };
        let inner = open + 2;
        let Some(j) = src.get(inner..).and_then(|s| s.find(close)) else {
            break;
        };
        if close != "#}" {
            out.push((inner, inner + j));
        }
        at = inner + j + 2;
    }
    out
}

/// The names a tag binds: `for a, b in`, `set a =`, `macro m(a, b)`, `with a =`.
fn bound_names(tag: &str) -> Vec<&str> {
    let t = tag.trim().trim_start_matches('-').trim_start();
    let word =
        |s: &str| -> bool { !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_') };
    if let Some(rest) = t.strip_prefix("for ") {
        let vars = rest.split(" in ").next().unwrap_or("");
        return vars.split(',').map(str::trim).filter(|s| word(s)).collect();
    }
    if let Some(rest) = t.strip_prefix("set ").or_else(|| t.strip_prefix("with ")) {
        let name = rest.split(['=', '.']).next().unwrap_or("").trim();
        return if word(name) { vec![name] } else { Vec::new() };
    }
    if let Some(rest) = t.strip_prefix("macro ") {
        let args = rest.split_once('(').map_or("", |(_, a)| a);
        let args = args.split(')').next().unwrap_or("");
        return args
            .split(',')
            .map(|a| a.split('=').next().unwrap_or("").trim())
            .filter(|s| word(s))
            .collect();
    }
    Vec::new()
}

/// Dotted name chains in a tag's text (`project.region.name`), outside string literals, with
/// their byte offset; a chain stops before a method call (`x.items()`).
fn chains(text: &str) -> Vec<(usize, Vec<&str>)> {
    let bytes = text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' || b == b'\'' {
            // Skip the string literal.
            i += 1;
            while i < bytes.len() && bytes[i] != b {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            continue;
        }
        let starts = (b.is_ascii_alphabetic() || b == b'_')
            && (i == 0 || (!is_ident(bytes[i - 1]) && bytes[i - 1] != b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let begin = i;
        let mut parts = Vec::new();
        let mut part_start = i;
        loop {
            while i < bytes.len() && is_ident(bytes[i]) {
                i += 1;
            }
            parts.push(&text[part_start..i]);
            let dot = bytes.get(i) == Some(&b'.');
            let next_ident = bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_');
            if dot && next_ident {
                i += 1;
                part_start = i;
                continue;
            }
            break;
        }
        if bytes.get(i) == Some(&b'(') {
            // A method call: its name is not a field.
            parts.pop();
        }
        if parts.len() > 1 {
            out.push((begin, parts));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_misspelt_fields_in_tests_too() {
        let ctx = Value::from(minijinja::value::Serde(serde_json::json!({
            "project": { "vision": "x", "region": { "name": "B", "head": null } },
            "plan": { "years": [2023] }
        })));
        let src = "{% if project.region.head %}{{ project.region.name }}{% endif %}\n{% if project.visi %}x{% endif %}";
        let m = first_misspelt(src, &ctx).expect("found");
        assert_eq!(m.expr, "project.visi");
        assert_eq!(&src[m.at..m.at + 12], "project.visi");
        assert!(m.keys.contains(&"vision".to_string()));
        // Lists, methods, strings, loop variables and names the template binds are not fields.
        let ok = "{{ plan.years | length }}{% for project in plan.years %}{{ project.nope }}{% endfor %}{{ \"project.visi\" }}{{ project.items() }}";
        assert!(first_misspelt(ok, &ctx).is_none());
        assert!(first_misspelt("{# project.visi #}", &ctx).is_none());
    }
}
