//! The recovering parse: a file whose content does not fit its type is read again in parts
//! (each item of its top-level list or mapping, then the top level without them), blanking out
//! each mistake after reporting it, so one run reports every mistake and keeps what is usable.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_saphyr::Error as YamlError;

use super::diagnose::{friendly_error, inner};
use super::spans::{Items, Spans, spans};
use super::{Failure, LocationIndex, decode, is_fatal, options, parent_path, required, try_parse};
use crate::diagnostic::Diagnostic;
use crate::suggest;

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
pub(super) fn missing_fields<T: DeserializeOwned>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pokja;
    use crate::yaml::tests::POKJA;

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
}
