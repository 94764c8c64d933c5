//! The language of the messages for people: `--lang`, else `MASTERPLAN_LANG`, else the
//! project's `language` (masterplan.yaml), else Indonesian. Diagnostics are built in English and
//! translated when printed ([`masterplan::diagnostic::translate`]).

use std::path::Path;
use std::sync::{Mutex, OnceLock};

use masterplan::diagnostic::translate;
use masterplan::model::Language;

/// The environment variable that chooses the language when `--lang` is not given.
pub const ENV: &str = "MASTERPLAN_LANG";

static FLAG: OnceLock<Option<Language>> = OnceLock::new();
static PROJECT: Mutex<Option<Language>> = Mutex::new(None);

/// Record the `--lang` flag (once, at start).
pub fn set_flag(lang: Option<Language>) {
    let _ = FLAG.set(lang);
}

/// Record the language of the project in `dir`, read from the top-level `language:` line of
/// its masterplan.yaml (before, or without, a full load: a usage error about the project is
/// printed in its language too).
pub fn note_project(dir: &Path) {
    // Through the confined, bounded reader: masterplan.yaml may be a FIFO or a link to
    // /dev/zero, which the check reports (E0030, E0031) and which must not block here.
    let Ok(bytes) = masterplan::input::read(dir, masterplan::load::MASTERPLAN_FILE, 1 << 20) else {
        return;
    };
    if let Some(lang) = peek(&String::from_utf8_lossy(&bytes)) {
        note(lang);
    }
}

/// Record the language of a loaded project, unless masterplan.yaml's own `language:` line was
/// read already (a recovered model may carry the default where the file says otherwise).
pub fn note_loaded(lang: Language) {
    if let Ok(mut p) = PROJECT.lock()
        && p.is_none()
    {
        *p = Some(lang);
    }
}

/// Record the language of the project.
pub fn note(lang: Language) {
    if let Ok(mut p) = PROJECT.lock() {
        *p = Some(lang);
    }
}

/// The top-level `language: id|en` of a masterplan.yaml text, if it has one.
fn peek(text: &str) -> Option<Language> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("language:")?;
        let value = value.split(" #").next().unwrap_or(value).trim();
        translate::parse(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// The value of `MASTERPLAN_LANG` when it is set but names no language (E9400).
pub fn bad_env() -> Option<String> {
    let value = std::env::var(ENV).ok()?;
    (!value.trim().is_empty() && translate::parse(&value).is_none()).then_some(value)
}

/// The language to print in now.
pub fn current() -> Language {
    let env = std::env::var(ENV).ok();
    let project = PROJECT.lock().ok().and_then(|p| *p);
    translate::choose(FLAG.get().copied().flatten(), env.as_deref(), project)
}

/// A message of a usage or output error (code `code`) in the current language.
pub fn message(code: &str, text: &str) -> String {
    match current() {
        Language::Id => translate::message(code, text).unwrap_or_else(|_| text.to_string()),
        Language::En => text.to_string(),
    }
}

/// A hint of a usage or output error in the current language.
pub fn hint(code: &str, text: &str) -> String {
    match current() {
        Language::Id => translate::hint(code, text).unwrap_or_else(|_| text.to_string()),
        Language::En => text.to_string(),
    }
}

/// "wrote build/masterplan.pdf" (a line for people, on stderr).
pub fn wrote(path: impl std::fmt::Display) {
    match current() {
        Language::Id => eprintln!("ditulis: {path}"),
        Language::En => eprintln!("wrote {path}"),
    }
}

/// "removed X (written by an earlier run, not by this one)".
pub fn removed(path: impl std::fmt::Display) {
    match current() {
        Language::Id => {
            eprintln!("dihapus: {path} (ditulis oleh proses sebelumnya, bukan oleh proses ini)")
        }
        Language::En => eprintln!("removed {path} (written by an earlier run, not by this one)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peeks_the_top_level_language() {
        assert_eq!(
            peek("region: x\nlanguage: en # English\n"),
            Some(Language::En)
        );
        assert_eq!(peek("language: \"id\"\n"), Some(Language::Id));
        assert_eq!(peek("x:\n  language: en\n"), None);
        assert_eq!(peek("vision: v\n"), None);
    }
}
