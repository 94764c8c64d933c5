//! Diagnostics as text for people (coloured on a terminal, NO_COLOR honoured) or JSON lines.
//!
//! Human format (rustc style), with the offending source line when the text is at hand:
//!
//! ```text
//! error[E0203]: unknown OPD code `DINKESS` (lead)
//!   --> pokja/living.yaml:14:11 at programs[2].lead
//!    |
//! 14 |     lead: DINKESS
//!    |           ^^^^^^^
//!    = help: did you mean `DINKES`?
//! ```
//!
//! followed by a summary line (`2 errors, 3 warnings`). JSON format: exactly one JSON object per
//! diagnostic and line, with the keys `severity`, `code`, `file`, `line`, `column`, `path`,
//! `message` and `hint` (`null` when absent), and nothing else on the stream.
//!
//! GitHub format: one GitHub Actions workflow command per diagnostic and line, so that a CI run
//! annotates the offending line of a pull request:
//!
//! ```text
//! ::error file=pokja/living.yaml,line=14,col=11,title=E0203::unknown OPD code `DINKESS` (lead) at programs[2].lead%0Ahelp: did you mean `DINKES`?
//! ```
//!
//! Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (the
//! escaping of GitHub's runner and of `@actions/core`).

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Sources;
use crate::model::Language;

/// The fixed words around a diagnostic, in the reader's language: the labels, "at" before the
/// field path, "help" before the hint. Indonesian uses the words of Indonesian government
/// software ("kesalahan", "peringatan", "saran"), not the English ones.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub error: &'static str,
    pub warning: &'static str,
    pub at: &'static str,
    pub help: &'static str,
}

impl Words {
    pub fn of(lang: Language) -> Words {
        match lang {
            Language::En => Words {
                error: "error",
                warning: "warning",
                at: "at",
                help: "help",
            },
            Language::Id => Words {
                error: "kesalahan",
                warning: "peringatan",
                at: "di",
                help: "saran",
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageFormat {
    Human,
    Json,
    /// GitHub Actions workflow commands (`::error file=...,line=...::message`).
    Github,
}

/// Whether to colour human output: never when `NO_COLOR` is set (and not empty); always when
/// `CLICOLOR_FORCE` is set to anything but `0`; otherwise on a terminal, unless `CLICOLOR=0`.
pub fn use_color(is_terminal: bool) -> bool {
    let var = |name: &str| std::env::var(name).ok();
    use_color_from(
        is_terminal,
        var("NO_COLOR").as_deref(),
        var("CLICOLOR_FORCE").as_deref(),
        var("CLICOLOR").as_deref(),
    )
}

/// [`use_color`] with the environment passed in.
pub fn use_color_from(
    is_terminal: bool,
    no_color: Option<&str>,
    clicolor_force: Option<&str>,
    clicolor: Option<&str>,
) -> bool {
    if no_color.is_some_and(|v| !v.is_empty()) {
        return false;
    }
    if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    if clicolor == Some("0") {
        return false;
    }
    is_terminal
}

/// Write diagnostics in the chosen format. `color` only applies to the human format. Without
/// the sources no source lines are quoted; see [`write_with_sources`].
pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    format: MessageFormat,
    color: bool,
) -> io::Result<()> {
    write_with_sources(out, diagnostics, format, color, &Sources::default())
}

/// Write diagnostics, quoting the source line of each located diagnostic from `sources`
/// (human format only).
pub fn write_with_sources(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    format: MessageFormat,
    color: bool,
    sources: &Sources,
) -> io::Result<()> {
    match format {
        MessageFormat::Json => {
            for d in diagnostics {
                writeln!(out, "{}", json_line(d)?)?;
            }
        }
        MessageFormat::Github => {
            for d in diagnostics {
                writeln!(out, "{}", github_line(d, ""))?;
            }
        }
        MessageFormat::Human => {
            let last = (!diagnostics.is_empty()).then(|| summary(diagnostics));
            write_human_with_summary(out, diagnostics, color, sources, last.as_deref())?;
        }
    }
    Ok(())
}

/// The human format with a chosen last line (`check`'s "ok: ..." line) instead of the
/// [`summary`]; none for no last line.
pub fn write_human_with_summary(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    color: bool,
    sources: &Sources,
    last: Option<&str>,
) -> io::Result<()> {
    write_human_in(out, diagnostics, color, sources, last, Language::En)
}

/// [`write_human_with_summary`] with the labels in `lang` (the messages are printed as given:
/// translate them first with [`crate::diagnostic::translate::localize`]).
pub fn write_human_in(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    color: bool,
    sources: &Sources,
    last: Option<&str>,
    lang: Language,
) -> io::Result<()> {
    let style = Style::new(color);
    let words = Words::of(lang);
    for d in diagnostics {
        write_human(out, d, &style, sources, &words)?;
    }
    if let Some(s) = last {
        writeln!(out, "{}{s}{}", style.bold, style.reset)?;
    }
    Ok(())
}

/// One diagnostic as a JSON object on one line.
pub fn json_line(d: &Diagnostic) -> io::Result<String> {
    serde_json::to_string(d).map_err(io::Error::other)
}

/// Escape the message of a workflow command: `%`, CR and LF.
pub fn github_escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command: as the message, and also `:` and `,`.
pub fn github_escape_property(text: &str) -> String {
    github_escape_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// One diagnostic as a GitHub Actions workflow command (`::error` or `::warning`). `prefix` is
/// put before the file name (the project folder relative to the repository root, so that the
/// annotation lands on the file; empty for none). The field path follows the message, and the
/// hint is a second line of the annotation.
pub fn github_line(d: &Diagnostic, prefix: &str) -> String {
    github_line_in(d, prefix, Language::En)
}

/// [`github_line`] with "at" and "help" in `lang`.
pub fn github_line_in(d: &Diagnostic, prefix: &str, lang: Language) -> String {
    github_command_in(
        match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        d.code,
        (!d.file.is_empty()).then(|| join_prefix(prefix, &d.file)),
        d.line,
        d.column,
        &d.path,
        &d.message,
        d.hint.as_deref(),
        lang,
    )
}

/// A workflow command from its parts (see [`github_line`]).
#[allow(clippy::too_many_arguments)]
pub fn github_command(
    command: &str,
    code: &str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    path: &str,
    message: &str,
    hint: Option<&str>,
) -> String {
    github_command_in(
        command,
        code,
        file,
        line,
        column,
        path,
        message,
        hint,
        Language::En,
    )
}

/// [`github_command`] with "at" and "help" in `lang`.
#[allow(clippy::too_many_arguments)]
pub fn github_command_in(
    command: &str,
    code: &str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    path: &str,
    message: &str,
    hint: Option<&str>,
    lang: Language,
) -> String {
    let words = Words::of(lang);
    let mut properties = Vec::new();
    if let Some(file) = file {
        properties.push(format!("file={}", github_escape_property(&file)));
        if let Some(line) = line {
            properties.push(format!("line={line}"));
            if let Some(col) = column {
                properties.push(format!("col={col}"));
            }
        }
    }
    properties.push(format!("title={}", github_escape_property(code)));
    let mut text = message.to_string();
    if !path.is_empty() {
        text.push_str(&format!(" {} {path}", words.at));
    }
    if let Some(hint) = hint {
        text.push_str(&format!("\n{}: {hint}", words.help));
    }
    format!(
        "::{command} {}::{}",
        properties.join(","),
        github_escape_data(&text)
    )
}

/// `prefix/file` with forward slashes, without a leading `./`; `file` alone for an empty or `.`
/// prefix.
fn join_prefix(prefix: &str, file: &str) -> String {
    let prefix = prefix.replace('\\', "/");
    let prefix = prefix.trim_start_matches("./").trim_end_matches('/');
    if prefix.is_empty() || prefix == "." {
        file.to_string()
    } else {
        format!("{prefix}/{file}")
    }
}

/// "2 errors, 3 warnings"; "1 error"; "no problems".
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    summary_in(diagnostics, Language::En)
}

/// [`summary`] in `lang`: "2 kesalahan, 3 peringatan"; "tidak ada masalah" (Indonesian has no
/// plural ending).
pub fn summary_in(diagnostics: &[Diagnostic], lang: Language) -> String {
    if lang == Language::Id {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = diagnostics.len() - errors;
        return match (errors, warnings) {
            (0, 0) => "tidak ada masalah".to_string(),
            (e, 0) => format!("{e} kesalahan"),
            (0, w) => format!("{w} peringatan"),
            (e, w) => format!("{e} kesalahan, {w} peringatan"),
        };
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (errors, warnings) {
        (0, 0) => "no problems".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// ANSI escape codes, or empty strings without colour.
struct Style {
    error: &'static str,
    warning: &'static str,
    bold: &'static str,
    blue: &'static str,
    help: &'static str,
    reset: &'static str,
}

impl Style {
    fn new(color: bool) -> Self {
        if color {
            Style {
                error: "\x1b[1;31m",
                warning: "\x1b[1;33m",
                bold: "\x1b[1m",
                blue: "\x1b[1;34m",
                help: "\x1b[1;36m",
                reset: "\x1b[0m",
            }
        } else {
            Style {
                error: "",
                warning: "",
                bold: "",
                blue: "",
                help: "",
                reset: "",
            }
        }
    }
}

/// Length in characters of the token starting at `column` (1-based) of `line`, for the caret.
fn token_len(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    // A punctuation mark (where the parser stopped) is marked alone.
    if rest.first().is_some_and(|c| {
        matches!(
            c,
            ':' | ',' | '[' | ']' | '{' | '}' | '-' | '&' | '*' | '|' | '>'
        )
    }) {
        return 1;
    }
    let mut n = 0;
    let mut quote: Option<char> = None;
    for (i, c) in rest.iter().enumerate() {
        match quote {
            Some(q) => {
                n = i + 1;
                if *c == q && i > 0 {
                    break;
                }
            }
            None => {
                if i == 0 && (*c == '"' || *c == '\'') {
                    quote = Some(*c);
                    n = 1;
                    continue;
                }
                if matches!(c, ',' | '}' | ']' | '#') || (*c == ':' && i > 0) {
                    break;
                }
                n = i + 1;
            }
        }
    }
    // Trailing blanks are not part of the token.
    let trailing = rest
        .get(..n)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count();
    (n - trailing).max(1)
}

fn write_human(
    out: &mut dyn Write,
    d: &Diagnostic,
    s: &Style,
    sources: &Sources,
    words: &Words,
) -> io::Result<()> {
    let (label, color) = match d.severity {
        Severity::Error => (words.error, s.error),
        Severity::Warning => (words.warning, s.warning),
    };
    writeln!(
        out,
        "{color}{label}[{}]{reset}{bold}: {}{reset}",
        d.code,
        d.message,
        reset = s.reset,
        bold = s.bold
    )?;
    let source_line = d
        .line
        .and_then(|l| sources.line(&d.file, l).map(|text| (l, text)));
    let gutter = source_line.map_or(1, |(l, _)| l.to_string().len());
    let pad = " ".repeat(gutter);
    let mut location = d.file.clone();
    if let Some(line) = d.line {
        location.push_str(&format!(":{line}"));
        if let Some(col) = d.column {
            location.push_str(&format!(":{col}"));
        }
    }
    if !d.path.is_empty() {
        location.push_str(&format!(" {} {}", words.at, d.path));
    }
    writeln!(out, "{pad}{}-->{} {location}", s.blue, s.reset)?;
    if let Some((l, text)) = source_line {
        let shown = text.replace('\t', " ");
        writeln!(out, "{pad} {}|{}", s.blue, s.reset)?;
        writeln!(out, "{}{l} |{} {shown}", s.blue, s.reset)?;
        if let Some(col) = d.column {
            let width = shown.chars().count();
            let at = col.clamp(1, width.max(1) + 1);
            let carets = "^".repeat(token_len(&shown, at));
            writeln!(
                out,
                "{pad} {}|{} {}{color}{carets}{}",
                s.blue,
                s.reset,
                " ".repeat(at - 1),
                s.reset
            )?;
        }
    }
    if let Some(hint) = &d.hint {
        writeln!(out, "{pad} {}= {}:{} {hint}", s.help, words.help, s.reset)?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic::error(
                "E0203",
                "pokja/living.yaml",
                "programs[2].lead",
                "unknown OPD code `DINKESS` (lead)",
            )
            .with_hint("did you mean `DINKES`?")
            .at(3, 11),
            Diagnostic::warning(
                "W0201",
                "pokja/branding.yaml",
                "",
                "pokja/branding.yaml is missing",
            ),
        ]
    }

    #[test]
    fn human_format_quotes_the_line() {
        let mut sources = Sources::default();
        sources.insert(
            "pokja/living.yaml",
            "a: 1\nb: 2\n    lead: DINKESS # x\n".to_string(),
        );
        let mut out = Vec::new();
        write_with_sources(&mut out, &sample(), MessageFormat::Human, false, &sources).unwrap();
        let text = String::from_utf8(out).unwrap();
        let expected = "\
error[E0203]: unknown OPD code `DINKESS` (lead)
 --> pokja/living.yaml:3:11 at programs[2].lead
  |
3 |     lead: DINKESS # x
  |           ^^^^^^^
  = help: did you mean `DINKES`?

warning[W0201]: pokja/branding.yaml is missing
 --> pokja/branding.yaml

1 error, 1 warning
";
        assert_eq!(text, expected);
    }

    #[test]
    fn json_lines_have_the_stable_keys() {
        let mut out = Vec::new();
        write(&mut out, &sample(), MessageFormat::Json, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            r#"{"severity":"error","code":"E0203","file":"pokja/living.yaml","line":3,"column":11,"path":"programs[2].lead","message":"unknown OPD code `DINKESS` (lead)","hint":"did you mean `DINKES`?"}"#
        );
        assert!(lines[1].ends_with(r#""hint":null}"#));
        assert!(lines[1].contains(r#""line":null"#));
    }

    #[test]
    fn github_commands_are_escaped() {
        let lines: Vec<String> = sample()
            .iter()
            .map(|d| github_line(d, "./examples/x/"))
            .collect();
        assert_eq!(
            lines[0],
            "::error file=examples/x/pokja/living.yaml,line=3,col=11,title=E0203::unknown OPD code `DINKESS` (lead) at programs[2].lead%0Ahelp: did you mean `DINKES`?"
        );
        assert_eq!(
            lines[1],
            "::warning file=examples/x/pokja/branding.yaml,title=W0201::pokja/branding.yaml is missing"
        );
        let d = Diagnostic::error("E0101", "a:b,c%.yaml", "", "50% done\r\nnext: a, b")
            .with_hint("x")
            .at(2, 1);
        assert_eq!(
            github_line(&d, ""),
            "::error file=a%3Ab%2Cc%25.yaml,line=2,col=1,title=E0101::50%25 done%0D%0Anext: a, b%0Ahelp: x"
        );
        assert_eq!(github_escape_property("%0A"), "%250A");
    }

    #[test]
    fn colour_only_when_asked() {
        let mut out = Vec::new();
        write(&mut out, &sample(), MessageFormat::Human, true).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\x1b[1;31merror"));
        let mut out = Vec::new();
        write(&mut out, &sample(), MessageFormat::Human, false).unwrap();
        assert!(!String::from_utf8(out).unwrap().contains('\x1b'));
    }

    #[test]
    fn colour_policy() {
        assert!(use_color_from(true, None, None, None));
        assert!(!use_color_from(false, None, None, None));
        assert!(!use_color_from(true, Some("1"), None, None));
        assert!(use_color_from(true, Some(""), None, None));
        assert!(use_color_from(false, None, Some("1"), None));
        assert!(!use_color_from(false, None, Some("0"), None));
        assert!(!use_color_from(true, Some("1"), Some("1"), None));
        assert!(!use_color_from(true, None, None, Some("0")));
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(&[]), "no problems");
        assert_eq!(summary(&sample()), "1 error, 1 warning");
        assert_eq!(summary(&sample()[..1]), "1 error");
    }

    #[test]
    fn caret_lengths() {
        assert_eq!(token_len("lead: DINKESS", 7), 7);
        assert_eq!(token_len("x: \"a b\" # c", 4), 5);
        assert_eq!(token_len("{ 2031: 20 }", 3), 4);
        assert_eq!(token_len("", 1), 1);
        assert_eq!(token_len("goal: x", 5), 1);
    }
}
