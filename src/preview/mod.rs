//! The live preview of `masterplan watch`: the state of the rebuild rounds, the page served (the
//! HTML writer's document with a small reload script and a banner listing the current errors
//! injected), the HTTP server ([`server`]) and the file-change logic ([`debounce`], [`files`]).
//!
//! Each rebuild is a *round*. A round that built the document replaces the served document; a
//! round that failed keeps the last good document and shows its problems above it. The page asks
//! `/__masterplan/round` twice a second and reloads itself when the round changed (keeping its
//! scroll position), so the problems shown are always those of the latest round. No external
//! script, style or font: it works offline.

pub mod debounce;
pub mod files;
pub mod server;

use std::fmt::Write as _;
use std::sync::{Arc, RwLock};

use crate::typeset::svg::escape;

/// The path the page polls for the current round number.
pub const ROUND_PATH: &str = "/__masterplan/round";
/// The path of the round's status as JSON (round, ok, errors, warnings, document_round).
pub const STATUS_PATH: &str = "/__masterplan/status";

/// What a round found: the diagnostics as the terminal printed them (human format, no colour).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    pub errors: usize,
    pub warnings: usize,
    /// The report text (`error[E0101]: ...` with the quoted source lines), shown in the page.
    pub report: String,
}

/// The state of the preview, shared by the rebuild loop (writer) and the server (readers).
#[derive(Debug, Default)]
pub struct Preview {
    round: u64,
    /// The last good document (HTML) and the round that built it.
    document: Option<(u64, String)>,
    /// The problems of the latest round: errors (the round failed) or warnings only.
    problems: Option<Problems>,
    /// The latest round failed (the document, if any, is older).
    failed: bool,
}

/// [`Preview`] behind a lock, as the rebuild loop and the server threads share it.
pub type Shared = Arc<RwLock<Preview>>;

impl Preview {
    /// The number of the latest round (0 before the first).
    pub fn round(&self) -> u64 {
        self.round
    }

    /// True when the latest round failed.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// The round that built the document served, if any.
    pub fn document_round(&self) -> Option<u64> {
        self.document.as_ref().map(|(r, _)| *r)
    }

    /// A round built `html`; `warnings` are its non-blocking diagnostics (when any).
    pub fn built(&mut self, html: String, warnings: Option<Problems>) {
        self.round += 1;
        self.document = Some((self.round, html));
        self.problems = warnings.filter(|p| !p.report.is_empty());
        self.failed = false;
    }

    /// A round failed with `problems`: the last good document stays.
    pub fn failed_with(&mut self, problems: Problems) {
        self.round += 1;
        self.problems = Some(problems);
        self.failed = true;
    }

    /// The round's status as one JSON object (for scripts and tests).
    pub fn status_json(&self) -> String {
        let (errors, warnings) = self
            .problems
            .as_ref()
            .map_or((0, 0), |p| (p.errors, p.warnings));
        serde_json::json!({
            "round": self.round,
            "ok": !self.failed,
            "errors": errors,
            "warnings": warnings,
            "document_round": self.document_round(),
        })
        .to_string()
    }

    /// The page to serve: the last good document with the banner of the latest round's problems
    /// and the reload script; before any good round, a page with the problems only.
    pub fn page(&self) -> String {
        let banner = self.banner();
        let script = SCRIPT.replace("ROUND", &self.round.to_string());
        match &self.document {
            Some((_, html)) => {
                let mut page = String::with_capacity(html.len() + banner.len() + 4096);
                match html.find("<body>") {
                    Some(at) => {
                        let at = at + "<body>".len();
                        page.push_str(&html[..at]);
                        page.push('\n');
                        page.push_str(STYLE);
                        page.push_str(&banner);
                        page.push_str(&html[at..]);
                    }
                    None => {
                        page.push_str(STYLE);
                        page.push_str(&banner);
                        page.push_str(html);
                    }
                }
                match page.rfind("</body>") {
                    Some(at) => page.insert_str(at, &script),
                    None => page.push_str(&script),
                }
                page
            }
            None => {
                let waiting = if self.round == 0 {
                    "The first build is running."
                } else {
                    "No document yet: fix the problems above and save; this page reloads itself."
                };
                format!(
                    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>masterplan watch</title>\n</head>\n<body>\n{STYLE}{banner}<p class=\"mpw-waiting\">{waiting}</p>\n{script}</body>\n</html>\n"
                )
            }
        }
    }

    fn banner(&self) -> String {
        let Some(p) = &self.problems else {
            return String::new();
        };
        let mut out = String::new();
        let counts = counts(p);
        if self.failed {
            let kept = match self.document_round() {
                Some(r) => format!(" The document below is the last good one (round {r})."),
                None => String::new(),
            };
            let _ = write!(
                out,
                "<div id=\"masterplan-watch\" class=\"mpw mpw-error\" role=\"alert\">\n<p class=\"mpw-title\">masterplan watch, round {}: {counts}; nothing was rebuilt.{kept}</p>\n<pre>{}</pre>\n</div>\n",
                self.round,
                escape(&p.report)
            );
        } else {
            let _ = write!(
                out,
                "<details id=\"masterplan-watch\" class=\"mpw mpw-warn\">\n<summary>masterplan watch, round {}: {counts}</summary>\n<pre>{}</pre>\n</details>\n",
                self.round,
                escape(&p.report)
            );
        }
        out
    }
}

fn counts(p: &Problems) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    match (p.errors, p.warnings) {
        (0, 0) => "a problem".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// The banner's style: on top of the document (sticky, so the document stays readable below),
/// never printed.
const STYLE: &str = "<style>
.mpw { position: sticky; top: 0; z-index: 1000; margin: 0; padding: .6rem 1rem; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.mpw pre { margin: .4rem 0 0; max-height: 40vh; overflow: auto; white-space: pre-wrap; font: 13px/1.35 ui-monospace, Menlo, Consolas, monospace; }
.mpw-error { background: #fdecea; color: #611a15; border-bottom: 3px solid #c62828; }
.mpw-warn { background: #fff8e1; color: #5d4037; border-bottom: 2px solid #f9a825; }
.mpw-warn summary { cursor: pointer; }
.mpw-title { margin: 0; font-weight: 600; }
.mpw-waiting { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; }
#masterplan-watch-offline { position: fixed; right: 1rem; bottom: 1rem; z-index: 1001; padding: .4rem .8rem; background: #424242; color: #fff; font: 13px system-ui, sans-serif; border-radius: 4px; }
@media print { .mpw, #masterplan-watch-offline { display: none; } }
</style>
";

/// The reload script: polls the round number; reloads (keeping the scroll position) when it
/// changed; says so when `watch` stopped. `ROUND` is replaced by the page's round.
const SCRIPT: &str = "<script>
(function () {
  var round = 'ROUND', key = 'masterplan-watch-scroll', badge = null;
  try {
    var y = sessionStorage.getItem(key);
    if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(y)); }
  } catch (e) {}
  function offline(on) {
    if (on && !badge) {
      badge = document.createElement('div');
      badge.id = 'masterplan-watch-offline';
      badge.textContent = 'masterplan watch is not running: this page no longer refreshes';
      document.body.appendChild(badge);
    } else if (!on && badge) { badge.remove(); badge = null; }
  }
  function poll() {
    fetch('/__masterplan/round', { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (t) {
        offline(false);
        if (t.trim() !== round) {
          try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) {}
          location.reload();
        } else { setTimeout(poll, 500); }
      })
      .catch(function () { offline(true); setTimeout(poll, 1000); });
  }
  setTimeout(poll, 500);
})();
</script>
";

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<title>T</title>\n</head>\n<body>\n<main>Isi dokumen</main>\n</body>\n</html>\n";

    #[test]
    fn a_failed_round_keeps_the_last_good_document_below_its_errors() {
        let mut p = Preview::default();
        assert!(p.page().contains("The first build is running"));
        p.built(DOC.to_string(), None);
        let good = p.page();
        assert!(good.contains("<main>Isi dokumen</main>"));
        assert!(!good.contains("id=\"masterplan-watch\""));
        assert!(good.contains("var round = '1'"));
        assert!(good.find("<script>").unwrap() < good.find("</body>").unwrap());
        p.failed_with(Problems {
            errors: 1,
            warnings: 0,
            report: "error[E0103]: unknown OPD `DINKSE` <here>\n --> pokja/society.yaml:7:11"
                .into(),
        });
        let bad = p.page();
        assert!(p.failed());
        assert_eq!(p.document_round(), Some(1));
        assert!(bad.contains("round 2: 1 error; nothing was rebuilt"));
        assert!(bad.contains("last good one (round 1)"));
        assert!(bad.contains("pokja/society.yaml:7:11"));
        assert!(bad.contains("&lt;here&gt;"), "escaped: {bad}");
        assert!(bad.contains("<main>Isi dokumen</main>"));
        assert!(bad.find("masterplan-watch").unwrap() < bad.find("<main>").unwrap());
        assert!(bad.contains("var round = '2'"));
        assert!(p.status_json().contains("\"ok\":false"));
        p.built(DOC.replace("Isi", "Isi baru"), None);
        let fixed = p.page();
        assert!(fixed.contains("Isi baru dokumen"));
        assert!(!fixed.contains("id=\"masterplan-watch\""));
        assert_eq!(
            p.status_json(),
            r#"{"document_round":3,"errors":0,"ok":true,"round":3,"warnings":0}"#
        );
    }

    #[test]
    fn warnings_are_a_folded_note_and_errors_before_any_document_a_page_of_their_own() {
        let mut p = Preview::default();
        p.failed_with(Problems {
            errors: 2,
            warnings: 1,
            report: "error[E0001]: ...".into(),
        });
        let page = p.page();
        assert!(page.contains("round 1: 2 errors, 1 warning"));
        assert!(page.contains("No document yet"));
        assert!(page.contains("location.reload()"));
        p.built(
            DOC.to_string(),
            Some(Problems {
                errors: 0,
                warnings: 2,
                report: "warning[W0201]: ...".into(),
            }),
        );
        let page = p.page();
        assert!(page.contains("<details id=\"masterplan-watch\" class=\"mpw mpw-warn\">"));
        assert!(page.contains("round 2: 2 warnings"));
    }
}
