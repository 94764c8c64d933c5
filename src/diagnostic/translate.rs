//! Diagnostics in the reader's language, at presentation time.
//!
//! Diagnostics are built in English at about 140 places (`format!`), and new ones are added all
//! the time, so they are not rewritten: the printer translates each message and hint through a
//! catalogue ([`super::catalogue`]) of English patterns and Indonesian templates, per code.
//!
//! A pattern is the English text with `{}` for each dynamic part (a code, a name, a number, a
//! path): `unknown OPD code `{}` ({})`. Matching is exact and anchored: the whole text must
//! match the whole pattern, the literal parts character for character; a dynamic part matches
//! any text (the shortest that lets the rest match). The template names the parts by position,
//! `{0}`, `{1}`, ..., in any order, optionally with a filter after a colon:
//!
//! - `{0:list}`: a list of names as [`crate::suggest::one_of`] writes it (" or " -> " atau ",
//!   " and " -> " dan ", outside backticks);
//! - `{0:msg}` / `{0:hint}`: the part is itself a message (hint) of the same code (or of any
//!   code), translated in turn; for texts composed of other texts; `{0:msg=E0110}` translates
//!   it as a message of another code;
//! - `{0:phrase}`: the part is a phrase of the phrase table (a type such as "a whole number",
//!   the meaning of a scale, why a file is not read); `{0:phrases}` for a list of them joined
//!   by ", ".
//!
//! A `{` not followed by a digit is text in a template.
//!
//! Entries whose code is `*` apply to every code (the shared "did you mean" hints, the helpers
//! that build messages for many codes); the entries of the diagnostic's own code are tried first.
//! A text that no entry matches is a [`Miss`]: it is printed in English, and the test
//! `tests/lang.rs` fails naming the code and the text.

use super::Diagnostic;
use super::catalogue::{HINTS, MESSAGES, PHRASES};
use crate::model::Language;

/// The language for people, as chosen: the `--lang` flag, else the `MASTERPLAN_LANG`
/// environment variable, else the project's `language`, else Indonesian.
pub fn choose(flag: Option<Language>, env: Option<&str>, project: Option<Language>) -> Language {
    flag.or_else(|| env.and_then(parse))
        .or(project)
        .unwrap_or(Language::Id)
}

/// `id` or `en` (any case, blanks ignored); anything else is none.
pub fn parse(text: &str) -> Option<Language> {
    match text.trim().to_ascii_lowercase().as_str() {
        "id" => Some(Language::Id),
        "en" => Some(Language::En),
        _ => None,
    }
}

/// A text the catalogue has no entry for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub code: String,
    /// `message` or `hint`.
    pub kind: &'static str,
    pub text: String,
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no Indonesian for the {} of {}: {:?} (add an entry for {} to {} in src/diagnostic/catalogue.rs)",
            self.kind,
            self.code,
            self.text,
            self.code,
            if self.kind == "hint" {
                "HINTS"
            } else {
                "MESSAGES"
            }
        )
    }
}

/// The message of `code` in Indonesian.
pub fn message(code: &str, text: &str) -> Result<String, Miss> {
    translate(code, text, "message")
}

/// The hint of `code` in Indonesian.
pub fn hint(code: &str, text: &str) -> Result<String, Miss> {
    translate(code, text, "hint")
}

/// The diagnostic with its message and hint in `lang`; a text without a catalogue entry stays
/// in English. Code, file, position and field path are unchanged.
pub fn localize(d: &Diagnostic, lang: Language) -> Diagnostic {
    let mut out = d.clone();
    if lang == Language::Id {
        if let Ok(m) = message(d.code, &d.message) {
            out.message = m;
        }
        if let Some(h) = &d.hint
            && let Ok(h) = hint(d.code, h)
        {
            out.hint = Some(h);
        }
    }
    out
}

/// The texts of `d` that have no Indonesian (empty when all are translated).
pub fn misses(d: &Diagnostic) -> Vec<Miss> {
    let mut out = Vec::new();
    if let Err(m) = message(d.code, &d.message) {
        out.push(m);
    }
    if let Some(h) = &d.hint
        && let Err(m) = hint(d.code, h)
    {
        out.push(m);
    }
    out
}

/// Every code the catalogue has an entry for (messages or hints), `*` excluded.
pub fn catalogued_codes() -> Vec<&'static str> {
    let mut codes: Vec<&str> = MESSAGES
        .iter()
        .chain(HINTS)
        .map(|(c, _, _)| *c)
        .filter(|c| *c != "*")
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn translate(code: &str, text: &str, kind: &'static str) -> Result<String, Miss> {
    translate_depth(code, text, kind, 0).ok_or_else(|| Miss {
        code: code.to_string(),
        kind,
        text: text.to_string(),
    })
}

fn translate_depth(code: &str, text: &str, kind: &'static str, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    let table = match kind {
        "hint" => HINTS,
        "phrase" => PHRASES,
        _ => MESSAGES,
    };
    let own = table.iter().filter(|(c, _, _)| *c == code);
    let shared = table.iter().filter(|(c, _, _)| *c == "*");
    for (_, en, id) in own.chain(shared) {
        if let Some(parts) = capture(en, text)
            && let Some(out) = fill(id, &parts, code, depth)
        {
            return Some(out);
        }
    }
    None
}

/// One piece of a pattern: literal text, or a dynamic part.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Text(&'a str),
    Hole,
}

fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find("{}") {
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        out.push(Piece::Hole);
        rest = &rest[at + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The dynamic parts of `text` when it matches `pattern` as a whole.
fn capture<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces = pieces(pattern);
    let mut parts = Vec::new();
    matches(&pieces, text, &mut parts).then_some(parts)
}

fn matches<'t>(pieces: &[Piece<'_>], text: &'t str, parts: &mut Vec<&'t str>) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Piece::Text(t), rest)) => {
            text.starts_with(t) && matches(rest, &text[t.len()..], parts)
        }
        Some((Piece::Hole, rest)) => match rest.first() {
            None => {
                parts.push(text);
                true
            }
            Some(Piece::Text(next)) => {
                let before = parts.len();
                for (at, _) in text.match_indices(next) {
                    parts.push(&text[..at]);
                    if matches(rest, &text[at..], parts) {
                        return true;
                    }
                    // Undo what the failed attempt pushed.
                    parts.truncate(before);
                }
                false
            }
            // Two dynamic parts side by side cannot be told apart: such a pattern matches
            // nothing (the catalogue test rejects it).
            Some(Piece::Hole) => false,
        },
    }
}

/// The template with `{n}` (and `{n:filter}`) replaced by the parts; a `{` not followed by a
/// digit is text (`{ status: not_started }`, `{% end... %}`).
fn fill(template: &str, parts: &[&str], code: &str, depth: usize) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if !after.starts_with(|c: char| c.is_ascii_digit()) {
            out.push('{');
            rest = after;
            continue;
        }
        let close = after.find('}')?;
        let spec = &after[..close];
        let (index, filter) = spec.split_once(':').unwrap_or((spec, ""));
        let part = parts.get(index.parse::<usize>().ok()?)?;
        let (filter, of) = filter.split_once('=').unwrap_or((filter, code));
        match filter {
            "" => out.push_str(part),
            "list" => out.push_str(&list(part)),
            "msg" => out.push_str(&translate_depth(of, part, "message", depth + 1)?),
            "hint" => out.push_str(&translate_depth(of, part, "hint", depth + 1)?),
            "phrase" => out.push_str(&translate_depth(of, part, "phrase", depth + 1)?),
            "phrases" => {
                let each: Option<Vec<String>> = part
                    .split(", ")
                    .map(|p| translate_depth(of, p, "phrase", depth + 1))
                    .collect();
                out.push_str(&each?.join(", "));
            }
            _ => return None,
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// "`a`, `b` or `c`" -> "`a`, `b` atau `c`": the joining words outside backticks.
fn list(text: &str) -> String {
    let mut out = String::new();
    for (i, piece) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push('`');
            out.push_str(piece);
            out.push('`');
        } else {
            out.push_str(&piece.replace(" or ", " atau ").replace(" and ", " dan "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_exact_matching() {
        assert_eq!(
            capture(
                "unknown OPD code `{}` ({})",
                "unknown OPD code `DINKS` (lead)"
            ),
            Some(vec!["DINKS", "lead"])
        );
        assert_eq!(
            capture("unknown OPD code `{}`", "xunknown OPD code `A`"),
            None
        );
        assert_eq!(capture("there are no OPD", "there are no OPD here"), None);
        assert_eq!(
            capture("a {} b {}", "a x b y b z"),
            Some(vec!["x", "y b z"])
        );
    }

    #[test]
    fn fills_in_order_and_with_filters() {
        assert_eq!(
            fill("{1} lalu {0:list}", &["`a`, `b` or `c`", "x"], "E0000", 0).as_deref(),
            Some("x lalu `a`, `b` atau `c`")
        );
        assert_eq!(list("`or and` or `b`"), "`or and` atau `b`");
    }

    #[test]
    fn translates_a_known_message_and_reports_a_miss() {
        assert_eq!(
            message("E0203", "unknown OPD code `DINKS` (lead)").unwrap(),
            "kode OPD `DINKS` tidak dikenal (`lead`)"
        );
        assert_eq!(
            hint("E0203", "did you mean `DINKES`?").unwrap(),
            "maksud Anda `DINKES`?"
        );
        let miss = message("E0203", "something new").unwrap_err();
        assert!(miss.to_string().contains("E0203"), "{miss}");
    }

    #[test]
    fn precedence_flag_env_project_default() {
        use Language::{En, Id};
        assert_eq!(choose(Some(En), Some("id"), Some(Id)), En);
        assert_eq!(choose(None, Some("en"), Some(Id)), En);
        assert_eq!(choose(None, Some("xx"), Some(En)), En);
        assert_eq!(choose(None, None, Some(En)), En);
        assert_eq!(choose(None, None, None), Id);
    }

    #[test]
    fn every_pattern_is_usable() {
        for (code, en, id) in MESSAGES.iter().chain(HINTS).chain(PHRASES) {
            assert!(
                !en.contains("{}{}"),
                "{code}: two parts side by side in {en:?}"
            );
            let holes = en.matches("{}").count();
            let sample: Vec<String> = (0..holes).map(|i| format!("x{i}")).collect();
            let parts: Vec<&str> = sample.iter().map(String::as_str).collect();
            let mut text = String::new();
            let mut k = 0;
            for piece in pieces(en) {
                match piece {
                    Piece::Text(t) => text.push_str(t),
                    Piece::Hole => {
                        text.push_str(parts[k]);
                        k += 1;
                    }
                }
            }
            assert_eq!(capture(en, &text), Some(parts.clone()), "{code}: {en:?}");
            // Templates name only parts the pattern has (filters `msg`/`hint` may miss on
            // the sample and are left out of this check).
            if !id.contains(":msg") && !id.contains(":hint") && !id.contains(":phrase") {
                assert!(
                    fill(id, &parts, code, 0).is_some(),
                    "{code}: the template {id:?} names a part that {en:?} lacks"
                );
            }
        }
    }
}
