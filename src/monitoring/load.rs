//! Reading the monitoring/ folder: every `<year>.yaml` file parsed with the project's YAML module
//! and the same recovery as a pokja file, so one run reports every mistake of every file.
//!
//! What else may stand in monitoring/ (docs/reference/input.md, "monitoring/<year>.yaml"):
//! - an editor backup (`2024.yaml.bak`, `2024.yaml~`, `~2024.yaml`, `.2024.yaml.swp`, `*.orig`,
//!   `#2024.yaml#`): ignored, with warning W0301 (it may hold edits that were never saved);
//! - any other hidden file (`.gitkeep`, `.DS_Store`): ignored silently;
//! - a YAML file not named by a year (`laporan.yaml`, `2024.yml`, `2024-final.yaml`): error
//!   E0301, since a report that is silently ignored would be missing from the evaluation;
//! - a folder named by a year (`2024/`): ignored, with warning W0302; any other folder (evidence
//!   such as `monitoring/bukti/`) and any other file (`laporan-2024.pdf`, photos): ignored
//!   silently, they are attachments.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{MONITORING_DIR, Recovery, Sources};
use crate::model::{Monitoring, MonitoringFile, ProgramReport, Year};
use crate::yaml;

/// What an entry of the monitoring/ folder is, by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `2024.yaml`: the monitoring file of that year.
    Report(Year),
    /// An editor backup or swap file: ignored with a warning.
    Backup,
    /// Any other hidden file: ignored.
    Hidden,
    /// A YAML file not named `<year>.yaml`: an error. The name it probably should have, if any.
    StrayYaml(Option<String>),
    /// A folder named by a year: ignored with a warning.
    YearFolder(Year),
    /// Anything else (attachments, evidence folders): ignored.
    Other,
}

/// A year as written in a file name: ASCII digits only (no sign), at most six of them.
pub fn parse_year(s: &str) -> Option<Year> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The year a monitoring file's name gives (`monitoring/2024.yaml` -> 2024).
pub fn file_year(file: &str) -> Option<Year> {
    let name = file.rsplit('/').next()?;
    parse_year(name.strip_suffix(".yaml")?)
}

/// The only four-digit number in a name (`laporan-2024-final` -> 2024), if there is exactly one.
fn lone_year(stem: &str) -> Option<&str> {
    let mut found = None;
    for run in stem.split(|c: char| !c.is_ascii_digit()) {
        if run.len() == 4 {
            if found.is_some() {
                return None;
            }
            found = Some(run);
        }
    }
    found
}

/// Classify an entry of monitoring/ by its name.
pub fn classify(name: &str, is_dir: bool) -> Entry {
    if is_dir {
        return match parse_year(name) {
            Some(y) if !name.starts_with('.') => Entry::YearFolder(y),
            _ => Entry::Other,
        };
    }
    if crate::load::is_backup(name) {
        return Entry::Backup;
    }
    if name.starts_with('.') {
        return Entry::Hidden;
    }
    if let Some(stem) = name.strip_suffix(".yaml")
        && let Some(y) = parse_year(stem)
    {
        return Entry::Report(y);
    }
    let lower = name.to_ascii_lowercase();
    let stem = [".yaml", ".yml"]
        .iter()
        .find_map(|ext| lower.strip_suffix(ext).map(|s| &name[..s.len()]));
    match stem {
        Some(stem) => Entry::StrayYaml(lone_year(stem).map(|y| format!("{y}.yaml"))),
        None => Entry::Other,
    }
}

/// Read every monitoring file of the project, in year order; report the stray entries.
pub fn load(
    root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Vec<MonitoringFile> {
    let dir = root.join(MONITORING_DIR);
    if !dir.exists() {
        return Vec::new();
    }
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                "E0301",
                MONITORING_DIR,
                "",
                "monitoring is a file, not a folder; the monitoring files are monitoring/<year>.yaml",
            )
            .with_hint("move it away and run `masterplan monitoring new YEAR` to start the folder"),
        );
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                "E0014",
                format!("{MONITORING_DIR}/"),
                "",
                format!("could not read the folder {MONITORING_DIR}/: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, e.path().is_dir())
        })
        .collect();
    names.sort();
    let mut reports: Vec<(Year, String)> = Vec::new();
    for (name, is_dir) in names {
        let file = format!("{MONITORING_DIR}/{name}");
        match classify(&name, is_dir) {
            Entry::Report(y) => reports.push((y, name)),
            Entry::Backup => diagnostics.push(
                Diagnostic::warning(
                    "W0301",
                    &file,
                    "",
                    format!("{file} looks like an editor backup or swap file; it is not read"),
                )
                .with_hint(
                    "make sure its changes are saved in the real <year>.yaml file, then delete it",
                ),
            ),
            Entry::Hidden | Entry::Other => {}
            Entry::StrayYaml(suggestion) => {
                let hint = match suggestion {
                    Some(s) => format!("rename it to `{s}`"),
                    None => "name each monitoring file by the year it reports, e.g. `2024.yaml`; move other files out of monitoring/".to_string(),
                };
                diagnostics.push(
                    Diagnostic::error(
                        "E0301",
                        &file,
                        "",
                        format!(
                            "{file} is not a monitoring file: monitoring files are named <year>.yaml"
                        ),
                    )
                    .with_hint(hint),
                );
            }
            Entry::YearFolder(y) => diagnostics.push(
                Diagnostic::warning(
                    "W0302",
                    format!("{file}/"),
                    "",
                    format!("{file}/ is a folder; the monitoring file of {y} is {MONITORING_DIR}/{y}.yaml, so it is not read"),
                )
                .with_hint(format!(
                    "write the year's report in {MONITORING_DIR}/{y}.yaml; evidence files may stay in a folder"
                )),
            ),
        }
    }
    reports.sort();
    let mut out = Vec::new();
    for (_, name) in reports {
        let file = format!("{MONITORING_DIR}/{name}");
        if let Some(monitoring) = read_monitoring(root, &file, sources, diagnostics, recovery) {
            out.push(MonitoringFile { file, monitoring });
        }
    }
    out
}

/// Read and parse one monitoring file, recovering from programme entries and fields that do not
/// deserialize.
fn read_monitoring(
    root: &Path,
    file: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Option<Monitoring> {
    let bytes = crate::load::read(root, file, sources, diagnostics)?;
    let r = yaml::parse_recovering_map::<Monitoring, ProgramReport>(
        &bytes,
        file,
        "programs",
        |m, entries| m.programs = entries.into_iter().collect(),
    );
    let text = sources.text(file).unwrap_or("");
    diagnostics.extend(
        r.diagnostics
            .into_iter()
            .map(|d| number_hint(status_in_indonesian(negative_amount(d, text), text), text)),
    );
    recovery
        .removed
        .extend(r.removed.into_iter().map(|p| (file.to_string(), p)));
    recovery.left_out_reports.extend(
        r.left_out
            .into_iter()
            .map(|id| (file.to_string(), id.to_string())),
    );
    r.value
}

/// A negative amount of money reads, to the parser, as a wrong type (the amount is a whole
/// number of Rupiah, not negative): say so plainly, with its own code.
fn negative_amount(d: Diagnostic, text: &str) -> Diagnostic {
    let is_amount = d.code == "E0010"
        && d.path.starts_with("programs.")
        && d.path.ends_with(".amount")
        && d.path.contains(".budget[");
    let token = d
        .line
        .zip(d.column)
        .and_then(|(l, c)| {
            let line = text.lines().nth(l.checked_sub(1)?)?;
            let rest: String = line.chars().skip(c.checked_sub(1)?).collect();
            Some(rest)
        })
        .unwrap_or_default();
    let value: String = token
        .trim_start()
        .chars()
        .take_while(|c| !matches!(c, ',' | '}' | ']' | ' ' | '#'))
        .collect();
    if !is_amount || !value.starts_with('-') {
        return d;
    }
    Diagnostic {
        code: "E0308",
        message: format!("the amount {value} is negative; an amount is the Rupiah spent, 0 or more"),
        hint: Some(
            "write what was spent from this source in the year; a refund or correction lowers the amount, it is never below 0".to_string(),
        ),
        ..d
    }
}

/// The value at a diagnostic's position, up to the end of a flow item.
fn value_at(d: &Diagnostic, text: &str) -> String {
    d.line
        .zip(d.column)
        .and_then(|(l, c)| {
            let line = text.lines().nth(l.checked_sub(1)?)?;
            Some(line.chars().skip(c.checked_sub(1)?).collect::<String>())
        })
        .unwrap_or_default()
        .trim_start()
        // A flow item ends at `, `, `}` or `]`; a decimal comma (`3,5`) is part of the value.
        .split(", ")
        .next()
        .unwrap_or("")
        .chars()
        .take_while(|c| !matches!(c, '}' | ']' | '#'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// A percentage or score written the Indonesian way (`75%`, `3,5`) reads as a text where a
/// number is due: say how to write it. (Amounts, `Rp250.000.000`, get their hint from the
/// general wrong-type hints of the YAML module.)
fn number_hint(mut d: Diagnostic, text: &str) -> Diagnostic {
    if d.code != "E0010" || d.hint.is_some() {
        return d;
    }
    let is_number = d.path.ends_with(".progress") || d.path.ends_with(".score");
    if !is_number {
        return d;
    }
    let value = value_at(&d, text);
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return d;
    }
    let hint = if value.ends_with('%') {
        format!(
            "write the number without `%`: `{}`",
            value.trim_end_matches('%').trim()
        )
    } else if value.contains(',') || value.matches('.').count() > 1 {
        "write a decimal number with a dot and no thousands separators, e.g. `3.5`".to_string()
    } else {
        return d;
    };
    d.hint = Some(hint);
    d
}

/// The status keys are English; a status written in Indonesian (`selesai`, `terlambat`) gets
/// the key it means as its hint.
fn status_in_indonesian(mut d: Diagnostic, text: &str) -> Diagnostic {
    if d.code != "E0013" || d.hint.is_some() || !d.path.ends_with(".status") {
        return d;
    }
    let Some(word) = d
        .line
        .and_then(|l| text.lines().nth(l.checked_sub(1)?))
        .zip(d.column)
        .map(|(line, c)| {
            line.chars()
                .skip(c.saturating_sub(1))
                .take_while(|ch| ch.is_alphanumeric() || matches!(ch, ' ' | '_' | '-'))
                .collect::<String>()
                .trim()
                .to_lowercase()
        })
    else {
        return d;
    };
    let key = match word.as_str() {
        "belum" | "belum mulai" | "belum dimulai" | "belum_mulai" => "not_started",
        "berjalan" | "sedang berjalan" | "sesuai jadwal" | "on track" | "ontrack" => "on_track",
        "terlambat" | "tertunda" | "lambat" | "late" => "delayed",
        "selesai" | "tuntas" | "finished" | "complete" | "completed" => "done",
        "batal" | "dibatalkan" | "canceled" => "cancelled",
        _ => return d,
    };
    d.hint = Some(format!(
        "write `status: {key}` (the status keys are English)"
    ));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_classified_by_name() {
        assert_eq!(classify("2024.yaml", false), Entry::Report(2024));
        assert_eq!(
            classify("2024.yml", false),
            Entry::StrayYaml(Some("2024.yaml".into()))
        );
        assert_eq!(
            classify("2024.YAML", false),
            Entry::StrayYaml(Some("2024.yaml".into()))
        );
        assert_eq!(
            classify("laporan-2024-final.yaml", false),
            Entry::StrayYaml(Some("2024.yaml".into()))
        );
        assert_eq!(classify("laporan.yaml", false), Entry::StrayYaml(None));
        assert_eq!(classify("2023-2024.yaml", false), Entry::StrayYaml(None));
        assert_eq!(
            classify("+2024.yaml", false),
            Entry::StrayYaml(Some("2024.yaml".into()))
        );
        for backup in [
            "2024.yaml.bak",
            "2024.yaml~",
            "~2024.yaml",
            ".2024.yaml.swp",
            "#2024.yaml#",
        ] {
            assert_eq!(classify(backup, false), Entry::Backup, "{backup}");
        }
        assert_eq!(classify(".gitkeep", false), Entry::Hidden);
        assert_eq!(classify("laporan.pdf", false), Entry::Other);
        assert_eq!(classify("2024", true), Entry::YearFolder(2024));
        assert_eq!(classify("bukti", true), Entry::Other);
        assert_eq!(classify("2024.yaml", true), Entry::Other);
    }

    #[test]
    fn numbers_written_the_indonesian_way_get_a_hint() {
        let text = "year: 2023\nprograms:\n  A-01:\n    status: done\n    progress: 75%\n    budget:\n      - { source: apbd, amount: 250.000.000 }\n      - { source: csr, amount: Rp1.500.000 }\nassessment:\n  impact:\n    score: 3,5\n";
        let r = parse(text);
        let hints: Vec<(String, String)> = r
            .diagnostics
            .into_iter()
            .map(|d| number_hint(d, text))
            .map(|d| (d.path, d.hint.unwrap_or_default()))
            .collect();
        assert_eq!(
            hints,
            [
                (
                    "programs.A-01.progress".to_string(),
                    "write the number without `%`: `75`".to_string()
                ),
                (
                    "programs.A-01.budget[0].amount".to_string(),
                    "write digits only, without dots, units or words: `amount: 250000000`"
                        .to_string()
                ),
                (
                    "programs.A-01.budget[1].amount".to_string(),
                    "write digits only, without dots, units or words: `amount: 1500000`"
                        .to_string()
                ),
                (
                    "assessment.impact.score".to_string(),
                    "write a decimal number with a dot and no thousands separators, e.g. `3.5`"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn file_years() {
        assert_eq!(file_year("monitoring/2024.yaml"), Some(2024));
        assert_eq!(file_year("monitoring/laporan.yaml"), None);
        assert_eq!(parse_year("-1"), None);
        assert_eq!(parse_year("9999999"), None);
    }

    fn parse(text: &str) -> yaml::Recovered<Monitoring, String> {
        yaml::parse_recovering_map::<Monitoring, ProgramReport>(
            text.as_bytes(),
            "monitoring/2023.yaml",
            "programs",
            |m, entries| m.programs = entries.into_iter().collect(),
        )
    }

    #[test]
    fn bad_entries_are_left_out_by_key_and_the_rest_loads() {
        let r = parse(
            "year: 2023\nprograms:\n  A-01: { status: finished }\n  A-02:\n    status: done\n    budget:\n      - { source: apdb, amount: 1 }\n      - { source: apbd, amount: 2 }\n    indicators: { x: [1] }\n  A-03: { progress: 5 }\n  A-04: { status: on_track }\nassessment: { impak: { score: 1 } }\n",
        );
        let got: Vec<(&str, &str)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code, d.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("E0013", "programs.A-01.status"),
                ("E0013", "programs.A-02.budget[0].source"),
                ("E0010", "programs.A-02.indicators.x"),
                ("E0011", "programs.A-03"),
                ("E0012", "assessment.impak"),
            ]
        );
        let m = r.value.unwrap();
        let ids: Vec<&str> = m.programs.keys().map(String::as_str).collect();
        assert_eq!(ids, ["A-02", "A-04"]);
        assert_eq!(m.programs["A-02"].budget.len(), 1);
        assert_eq!(r.left_out, ["A-01", "A-03"]);
        assert_eq!(r.kept, Some(vec![1, 3]));
        // A clean file is read whole.
        let r = parse("year: 2023\nprograms:\n  A-01: { status: done }\n");
        assert!(r.diagnostics.is_empty() && r.kept.is_none());
        assert_eq!(r.value.unwrap().programs.len(), 1);
        // A required top-level field missing: no value, the entries are left out with it.
        let r = parse("programs:\n  A-01: { status: done }\n");
        assert!(r.value.is_none());
        assert_eq!(r.left_out, ["A-01"]);
    }
}
