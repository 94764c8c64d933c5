//! Template errors as a planner can act on them: which template file, line and column, what went
//! wrong, and how to fix it. A [`TemplateError`] travels inside the `anyhow::Error` that
//! [`render`](super::render) returns, so `check` can turn it into a located diagnostic
//! ([`TemplateError::to_diagnostic`]) and `generate` can print it the same way.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use minijinja::ErrorKind;

use crate::diagnostic::Diagnostic;

/// Where each template came from: name -> the override file (built-in templates are absent).
#[derive(Debug, Default)]
pub(crate) struct Origins(pub(super) HashMap<String, PathBuf>);

/// A template that cannot be compiled or rendered.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// `E0006` syntax, `E0007` rendering (an undefined value, a wrong filter argument), `E0008`
    /// the rendering budget ran out.
    pub code: &'static str,
    /// The template's file name (`roadmap.md`).
    pub template: String,
    /// The override file it was read from; `None` for a built-in template.
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    /// `syntax error: unexpected end of block`.
    pub message: String,
    pub hint: Option<String>,
    /// The text of the template line, to quote.
    pub source_line: Option<String>,
    /// The whole template text, to quote from in a diagnostic report.
    pub source: Option<String>,
}

impl TemplateError {
    fn place(&self) -> String {
        match &self.file {
            Some(f) => format!("template {}", f.display()),
            None => format!("built-in template `{}`", self.template),
        }
    }

    /// The error as a diagnostic: the file relative to the project `root` when it lies inside.
    pub fn to_diagnostic(&self, root: &Path) -> Diagnostic {
        let file = match &self.file {
            Some(f) => f
                .strip_prefix(root)
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/"),
            None => format!("(built-in) {}", self.template),
        };
        let mut d = Diagnostic::error(self.code, file, "", self.message.clone());
        d.hint = self.hint.clone();
        if let Some(l) = self.line {
            // A runtime error may know its line only: the line's first column.
            d = d.at(l, self.column.unwrap_or(1));
        }
        d
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.place())?;
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, ", line {l}, column {c}")?,
            (Some(l), None) => write!(f, ", line {l}")?,
            _ => {}
        }
        write!(f, ": {}", self.message)?;
        if let (Some(l), Some(text)) = (self.line, &self.source_line) {
            write!(f, "\n  {l} | {}", text.trim_end())?;
            if let Some(c) = self.column {
                let pad = " ".repeat(l.to_string().len());
                let lead: String = text
                    .chars()
                    .take(c.saturating_sub(1))
                    .map(|ch| if ch == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n  {pad} | {lead}^")?;
            }
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  = help: {h}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

impl TemplateError {
    /// The expression an undefined-value error names (`project.visi`).
    pub(super) fn undefined_expr(&self) -> Option<&str> {
        if self.code != "E0007" {
            return None;
        }
        let expr = self
            .message
            .strip_prefix("undefined value: ")?
            .split('`')
            .nth(1)?;
        Some(expr)
    }

    /// For an undefined `parent.name`, name the nearest field of `parent` (`parent` is looked up
    /// with `lookup`, which knows only the top-level variables: loop variables are not
    /// resolved).
    pub(super) fn suggest_field(&mut self, lookup: impl Fn(&str) -> Option<minijinja::Value>) {
        let Some(expr) = self.undefined_expr().map(str::to_string) else {
            return;
        };
        let (parent, name) = match expr.rsplit_once('.') {
            Some((p, n)) => (Some(p), n),
            None => (None, expr.as_str()),
        };
        if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return;
        }
        let keys: Vec<String> = match parent {
            Some(p) => match lookup(p) {
                Some(v) if v.as_object().is_some() && !v.is_undefined() => v
                    .try_iter()
                    .map(|it| it.filter_map(|k| k.as_str().map(str::to_string)).collect())
                    .unwrap_or_default(),
                _ => return,
            },
            None => super::CONTEXT_NAMES.iter().map(|s| s.to_string()).collect(),
        };
        if let Some(best) = crate::suggest::did_you_mean(name, keys.iter().map(String::as_str)) {
            let full = match parent {
                Some(p) => format!("{p}.{best}"),
                None => best.to_string(),
            };
            self.hint = Some(format!("did you mean `{full}`?"));
        }
    }
}

/// 1-based (line, column in characters) of a byte offset.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let before = src.get(..at).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// A misspelt field found by the override lint: `expr` at byte `at` of template `name`
/// names a key its mapping lacks (`keys`).
pub(super) fn misspelt(
    name: &str,
    origins: &Origins,
    src: &str,
    expr: &str,
    at: usize,
    keys: &[String],
) -> TemplateError {
    let (line, column) = line_col(src, at);
    let (parent, key) = expr.rsplit_once('.').unwrap_or(("", expr));
    let hint = crate::suggest::did_you_mean(key, keys.iter().map(String::as_str))
        .map(|best| format!("did you mean `{parent}.{best}`?"))
        .unwrap_or_else(|| format!("`{parent}` has the fields {}", crate::suggest::one_of(keys)));
    TemplateError {
        code: "E0007",
        template: name.to_string(),
        file: origins.0.get(name).cloned(),
        line: Some(line),
        column: Some(column),
        message: format!(
            "undefined value: `{expr}` is undefined (`{parent}` has no field `{key}`)"
        ),
        hint: Some(hint),
        source_line: src.lines().nth(line - 1).map(str::to_string),
        source: Some(src.to_string()),
    }
}

/// The expression a filter at byte `at` is applied to: the text after the last `{{`, `{%` or
/// `|` before the filter's own `|` (`{{ project.visi | list }}` -> `project.visi`).
fn filtered_expr(src: &str, at: usize) -> Option<&str> {
    let before = src.get(..at.min(src.len()))?;
    let pipe = before.rfind('|')?;
    let head = before.get(..pipe)?;
    let start = ["{{", "{%", "|", "(", ","]
        .iter()
        .filter_map(|t| head.rfind(t).map(|i| i + t.len()))
        .max()?;
    let expr = head.get(start..)?.trim();
    (!expr.is_empty() && !expr.contains('\n')).then_some(expr)
}

/// The tag (`{{` or `{%`) left open before `at`: its byte offset, when the parser's complaint
/// at `at` comes from a tag opened on an earlier line and never closed (`{{ project.vision` at
/// the end of a line is noticed at the next line's first token).
fn unclosed_tag(src: &str, at: usize) -> Option<(usize, &'static str)> {
    let before = src.get(..at.min(src.len()))?;
    let (open, tag, close) = [("{{", "}}"), ("{%", "%}")]
        .iter()
        .filter_map(|(o, c)| before.rfind(o).map(|i| (i, *o, *c)))
        .max_by_key(|(i, ..)| *i)?;
    let inside = before.get(open + 2..)?;
    (!inside.contains(close) && inside.contains('\n')).then_some((open, tag))
}

/// The template error behind a minijinja error (the innermost one: an error inside an included
/// template names that template), with line, column and a hint.
pub(super) fn template_error(err: &minijinja::Error, origins: &Origins) -> TemplateError {
    // The deepest error that knows its template: a filter's own error (inside the chain)
    // may know neither template nor line. Whether an undefined value is behind it.
    let mut inner: &dyn std::error::Error = err;
    let mut deepest = err;
    let mut undefined_inside = err.kind() == ErrorKind::UndefinedError;
    while let Some(source) = inner.source() {
        if let Some(e) = source.downcast_ref::<minijinja::Error>() {
            undefined_inside |= e.kind() == ErrorKind::UndefinedError;
            if e.name().is_some() {
                deepest = e;
            }
        }
        inner = source;
    }
    let template = deepest.name().unwrap_or("a template").to_string();
    let file = origins.0.get(&template).cloned();
    let src = deepest.template_source();
    let mut kind = deepest.kind();
    let mut detail = deepest
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| kind.to_string());
    if undefined_inside && kind != ErrorKind::UndefinedError {
        // A built-in filter (`list`, `sort`, `max`) failed on an undefined value: name the
        // expression the filter was applied to, as written before the `|`.
        let expr = match (src, deepest.range()) {
            (Some(src), Some(range)) => filtered_expr(src, range.start),
            _ => None,
        };
        detail = match expr {
            Some(e) => format!("`{e}` is undefined ({detail})"),
            None => format!("an undefined value ({detail})"),
        };
        kind = ErrorKind::UndefinedError;
    }
    let mut line = deepest.line();
    let mut column = None;
    if let (Some(src), Some(range)) = (src, deepest.range()) {
        let (l, c) = line_col(src, range.start);
        line = Some(l);
        column = Some(c);
        if kind == ErrorKind::SyntaxError
            && let Some((open, tag)) = unclosed_tag(src, range.start)
        {
            let (ol, oc) = line_col(src, open);
            detail = format!("`{tag}` is not closed (the parser stopped at line {l}: {detail})");
            line = Some(ol);
            column = Some(oc);
        }
    }
    // An undefined value is reported at the filter or tag that used it; point at the expression
    // itself (`project.visi`) when the line holds it.
    if kind == ErrorKind::UndefinedError
        && let (Some(src), Some(l)) = (src, line)
        && let Some(expr) = detail.split('`').nth(1)
        && let Some(text) = src.lines().nth(l.saturating_sub(1))
        && let Some(at) = text.find(expr)
    {
        column = Some(text.get(..at).map_or(0, |s| s.chars().count()) + 1);
    }
    let (code, message, hint) = match kind {
        ErrorKind::SyntaxError => (
            "E0006",
            format!("syntax error: {detail}"),
            Some(
                "check the `{{ ... }}` and `{% ... %}` tags on this line: each opened tag is closed, each block has its `{% end... %}`"
                    .to_string(),
            ),
        ),
        ErrorKind::OutOfFuel => (
            "E0008",
            "the template does too much work: rendering ran out of its budget".to_string(),
            Some(
                "a loop, or text built up in a loop, grows without bound here; the budget scales with the project's size (see docs/reference/templates.md, \"Limits\")"
                    .to_string(),
            ),
        ),
        ErrorKind::UndefinedError => (
            "E0007",
            format!("undefined value: {detail}"),
            Some(
                "a misspelt variable or field name; the variables and fields are listed in docs/reference/templates.md"
                    .to_string(),
            ),
        ),
        other => ("E0007", format!("{other}: {detail}"), None),
    };
    let source_line = match (src, line) {
        (Some(s), Some(l)) => s.lines().nth(l.saturating_sub(1)).map(str::to_string),
        _ => None,
    };
    TemplateError {
        code,
        template,
        file,
        line,
        column,
        message,
        hint,
        source_line,
        source: src.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_unclosed_tags() {
        assert_eq!(line_col("ab\ncde", 4), (2, 2));
        let src = "a\n{{ x\n\nb\n";
        assert_eq!(unclosed_tag(src, src.find('b').unwrap()), Some((2, "{{")));
        assert_eq!(unclosed_tag("{{ x y }}", 5), None);
        assert_eq!(unclosed_tag("{% if %}\n{{ x }}", 14), None);
        let src = "a {{ project.visi | list }}";
        assert_eq!(
            filtered_expr(src, src.find("list").unwrap()),
            Some("project.visi")
        );
    }
}
