//! The rules of the input contract on monitoring files (`monitoring/<year>.yaml`) and on the
//! `evaluation` weights of masterplan.yaml. Diagnostics name a field path; `check` locates them.
//!
//! Where the contract is silent, the rules decide as a Bappeda evaluator would
//! (docs/reference/input.md, "monitoring/<year>.yaml"):
//! - `status: done` with `progress` under 100 is contradictory: warning W0307;
//! - `status: not_started` with money spent or progress above 0: warning W0308;
//! - `status: delayed` without `obstacles` (kendala): warning W0309, the evaluation asks why;
//! - a `date` before the reported year began cannot be the date of its report: warning W0310;
//! - evidence paths are relative to the project folder and must stay inside it (E0311); links
//!   (`http://`, `https://`) are not checked;
//! - a programme reported `done` or `cancelled` in an earlier year need not be reported again
//!   (no W0303); reported `not_started` after being `done` it gets warning W0311;
//! - the year-dependent warnings (unreported, outside the programme's years, above plan) are
//!   only given when the file's name, its `year` and the period agree.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path};

use crate::diagnostic::Diagnostic;
use crate::load::{MASTERPLAN_FILE, Recovery};
use crate::model::{
    AssessedScore, EvaluationDimension, Masterplan, MonitoringFile, Program, ProgramReport,
    Project, Status, Year,
};
use crate::plan::{Amount, planned_in_year};
use crate::suggest;

/// Every rule on every monitoring file of the project, and on the evaluation weights.
pub fn validate(project: &Project, recovery: &Recovery) -> Vec<Diagnostic> {
    let mut out = validate_evaluation(&project.masterplan, recovery);
    if project.monitoring.is_empty() {
        return out;
    }
    let mut programs: HashMap<&str, Planned<'_>> = HashMap::new();
    for pf in &project.pokja {
        for (k, program) in pf.pokja.programs.iter().enumerate() {
            programs.entry(program.id.as_str()).or_insert(Planned {
                program,
                file: &pf.file,
                slot: recovery.program_slot(&pf.file, k),
            });
        }
    }
    let ids: Vec<&str> = project.programs().map(|(_, p)| p.id.as_str()).collect();
    let unreadable_pokja = pokja_files_not_loaded(project);
    let ctx = Ctx {
        project,
        recovery,
        programs: &programs,
        ids: &ids,
        unreadable_pokja,
    };
    for m in &project.monitoring {
        validate_file(&ctx, m, &mut out);
    }
    out
}

/// The programmes reported `done` or `cancelled` in the monitoring files of the years before
/// `year` (whose name and `year` agree), with that year and status: the latest report of each
/// programme counts (one reported `on_track` after being `cancelled` was taken up again).
pub fn closed_before(project: &Project, year: Year) -> HashMap<&str, (Year, Status)> {
    let mut closed = HashMap::new();
    for m in &project.monitoring {
        let y = m.monitoring.year;
        if y >= year || super::load::file_year(&m.file) != Some(y) {
            continue;
        }
        for (id, r) in &m.monitoring.programs {
            if matches!(r.status, Status::Done | Status::Cancelled) {
                closed.insert(id.as_str(), (y, r.status));
            } else {
                closed.remove(id.as_str());
            }
        }
    }
    closed
}

/// `evaluation.weights` of masterplan.yaml: the five weights sum to 100 (E0120). An unknown
/// dimension among the weights is E0012 with the nearest name, from the parser.
pub fn validate_evaluation(masterplan: &Masterplan, recovery: &Recovery) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if recovery.masterplan_partial {
        return out;
    }
    let Some(w) = masterplan.evaluation.as_ref().and_then(|e| e.weights) else {
        return out;
    };
    let sum = w.sum();
    if sum != 100 {
        let parts: Vec<String> = EvaluationDimension::ALL
            .iter()
            .map(|d| format!("{} {}", d.key(), w.of(*d)))
            .collect();
        out.push(
            Diagnostic::error(
                "E0120",
                MASTERPLAN_FILE,
                "evaluation.weights",
                format!(
                    "the evaluation weights sum to {sum}, not 100 ({})",
                    parts.join(" + ")
                ),
            )
            .with_hint(format!(
                "the weights are percentages of the final index: change them so they sum to 100 (the default is baseline 10, output 20, outcome 30, impact 30, quick_win 10){}",
                if sum > 100 {
                    format!("; {} too many", sum - 100)
                } else {
                    format!("; {} short", 100 - sum)
                }
            )),
        );
    }
    out
}

struct Ctx<'a> {
    project: &'a Project,
    recovery: &'a Recovery,
    programs: &'a HashMap<&'a str, Planned<'a>>,
    ids: &'a [&'a str],
    /// A pokja file exists that was not loaded (unreadable, or stray): an unknown programme id
    /// may be one of its programmes, so it is not reported (the file's own error is).
    unreadable_pokja: bool,
}

/// A programme of the plan, with where it stands (to see what recovery left out of it).
struct Planned<'a> {
    program: &'a Program,
    file: &'a str,
    /// Its index in the pokja file as written.
    slot: usize,
}

impl Planned<'_> {
    /// True when `field` of the programme was left out of the model for its own mistake: what
    /// the monitoring file says about it is not checked against it.
    fn removed(&self, recovery: &Recovery, field: &str) -> bool {
        recovery.removed_under(self.file, &format!("programs[{}].{field}", self.slot))
    }
}

/// True when pokja/ holds a `.yaml` file that is not among the loaded pokja files.
fn pokja_files_not_loaded(project: &Project) -> bool {
    let loaded: BTreeSet<&str> = project.pokja.iter().map(|p| p.file.as_str()).collect();
    let Ok(rd) = std::fs::read_dir(project.root.join(crate::load::POKJA_DIR)) else {
        return false;
    };
    rd.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let file = format!("{}/{name}", crate::load::POKJA_DIR);
        (name.ends_with(".yaml") || name.ends_with(".yml"))
            && !name.starts_with('.')
            && !loaded.contains(file.as_str())
    })
}

fn validate_file(ctx: &Ctx<'_>, m: &MonitoringFile, out: &mut Vec<Diagnostic>) {
    let f = m.file.as_str();
    let report = &m.monitoring;
    let period = ctx.project.masterplan.period;
    let name_year = super::load::file_year(f);
    let years = format!("{}..={}", period.start_year, period.end_year());
    let mut year_ok = true;
    if let Some(y) = name_year
        && !period.contains(y)
    {
        year_ok = false;
        out.push(
            Diagnostic::error(
                "E0302",
                f,
                "",
                format!("{f} names the year {y}, which is not a year of the period ({years})"),
            )
            .with_hint(format!(
                "monitoring files report years of the masterplan's period: rename it to a year from {} to {}",
                period.start_year,
                period.end_year()
            )),
        );
    }
    if name_year.is_some_and(|y| y != report.year) && !removed(ctx, f, "year") {
        year_ok = false;
        let y = name_year.unwrap_or_default();
        out.push(
            Diagnostic::error(
                "E0303",
                f,
                "year",
                format!("`year: {}` disagrees with the file name {f}", report.year),
            )
            .with_hint(format!(
                "write `year: {y}`, or rename the file to monitoring/{}.yaml if it reports {}",
                report.year, report.year
            )),
        );
    }
    if removed(ctx, f, "year") {
        year_ok = false;
    }
    let year = report.year;
    let closed = if year_ok {
        closed_before(ctx.project, year)
    } else {
        HashMap::new()
    };

    if let Some(date) = &report.date {
        match parse_date(date) {
            None => out.push(
                Diagnostic::error(
                    "E0304",
                    f,
                    "date",
                    format!("`{date}` is not a date written YYYY-MM-DD"),
                )
                .with_hint(format!(
                    "write the day the report was compiled, e.g. `date: {}-01-31`",
                    year.saturating_add(1)
                )),
            ),
            Some((y, _, _)) if y < year && year_ok => out.push(
                Diagnostic::warning(
                    "W0310",
                    f,
                    "date",
                    format!("the report of {year} is dated {date}, before the year began"),
                )
                .with_hint(format!(
                    "the date is when the report was compiled, usually early in {}",
                    year.saturating_add(1)
                )),
            ),
            Some(_) => {}
        }
    }

    if let Some(code) = &report.reported_by
        && ctx.project.masterplan.opd(code).is_none()
        && !ctx.recovery.left_out_opd.contains(code)
    {
        let codes: Vec<&str> = ctx
            .project
            .masterplan
            .opd
            .iter()
            .map(|o| o.code.as_str())
            .collect();
        out.push(
            Diagnostic::error(
                "E0305",
                f,
                "reported_by",
                format!("`reported_by: {code}` is not an OPD code of masterplan.yaml"),
            )
            .with_hint(suggest::hint(code, codes.iter().copied()).unwrap_or_else(
                || format!("use one of the OPD codes: {}", suggest::one_of(&codes)),
            )),
        );
    }

    for (id, r) in &report.programs {
        let base = format!("programs.{id}");
        match ctx.programs.get(id.as_str()) {
            Some(p) => {
                validate_report(ctx, f, &base, p, r, year_ok.then_some(year), out);
                if let Some(&(done_in, Status::Done)) = closed.get(id.as_str())
                    && r.status == Status::NotStarted
                {
                    out.push(
                        Diagnostic::warning(
                            "W0311",
                            f,
                            format!("{base}.status"),
                            format!(
                                "`{id}` was reported `done` in {done_in} but is `not_started` in {year}"
                            ),
                        )
                        .with_hint(format!(
                            "write `status: done` (it stays done), or correct monitoring/{done_in}.yaml"
                        )),
                    );
                }
            }
            None => {
                if ctx.recovery.left_out_programs.contains(id) || ctx.unreadable_pokja {
                    continue;
                }
                out.push(
                    Diagnostic::error(
                        "E0306",
                        f,
                        &base,
                        format!("`{id}` is not a programme id of any pokja file"),
                    )
                    .with_hint(
                        suggest::hint(id, ctx.ids.iter().copied()).unwrap_or_else(|| {
                            "report only programmes of the pokja files, by their `id`; `masterplan monitoring new YEAR` lists them".to_string()
                        }),
                    ),
                );
                validate_numbers(ctx, f, &base, r, out);
            }
        }
    }

    let programs_removed = ctx
        .recovery
        .removed
        .contains(&(f.to_string(), "programs".to_string()));
    if year_ok && !programs_removed {
        for (_, p) in ctx.project.programs() {
            if p.start <= year
                && year <= p.end
                && !report.programs.contains_key(&p.id)
                && !closed.contains_key(p.id.as_str())
                && !ctx
                    .recovery
                    .left_out_reports
                    .contains(&(f.to_string(), p.id.clone()))
            {
                out.push(
                    Diagnostic::warning(
                        "W0303",
                        f,
                        "programs",
                        format!(
                            "`{}` ({}) runs in {year} ({}-{}) but is not reported",
                            p.id, p.name, p.start, p.end
                        ),
                    )
                    .with_hint(format!(
                        "add `{}: {{ status: not_started }}` (or its real status) under `programs`; the evaluation counts it as not reported",
                        p.id
                    )),
                );
            }
        }
    }

    if let Some(a) = &report.assessment {
        for d in EvaluationDimension::ALL {
            if let Some(s) = a.of(d) {
                validate_score(ctx, f, d, s, out);
            }
        }
    }
}

/// The rules on one programme's report that need no programme: progress, evidence.
fn validate_numbers(
    ctx: &Ctx<'_>,
    f: &str,
    base: &str,
    r: &ProgramReport,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(p) = r.progress
        && !(0.0..=100.0).contains(&p)
    {
        out.push(
            Diagnostic::error(
                "E0309",
                f,
                format!("{base}.progress"),
                format!("progress {p} is outside 0..=100"),
            )
            .with_hint("progress is the percent of the work planned up to this year that was done, from 0 to 100"),
        );
    }
    for (i, e) in r.evidence.iter().enumerate() {
        validate_evidence(ctx, f, &format!("{base}.evidence[{i}]"), e, out);
    }
}

fn validate_report(
    ctx: &Ctx<'_>,
    f: &str,
    base: &str,
    planned: &Planned<'_>,
    r: &ProgramReport,
    year: Option<Year>,
    out: &mut Vec<Diagnostic>,
) {
    let p = planned.program;
    validate_numbers(ctx, f, base, r, out);
    let outside = year.is_some_and(|y| y < p.start || y > p.end);
    if let Some(year) = year
        && outside
    {
        out.push(
            Diagnostic::warning(
                "W0304",
                f,
                base,
                format!(
                    "`{}` is reported for {year}, outside its years {}-{}",
                    p.id, p.start, p.end
                ),
            )
            .with_hint(format!(
                "if the work really moved, change `start`/`end` of {} in its pokja file; otherwise remove it from this file",
                p.id
            )),
        );
    }
    let indicators_known = !planned.removed(ctx.recovery, "indicators");
    for name in r.indicators.keys() {
        if !indicators_known || p.indicators.iter().any(|i| i.name == *name) {
            continue;
        }
        let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
        let hint = if names.is_empty() {
            format!(
                "`{}` has no indicators in its pokja file; add the indicator there first",
                p.id
            )
        } else {
            match nearest(name, &names) {
                Some(n) => format!("did you mean `{n}`?"),
                None => format!("the indicators of {} are {}", p.id, suggest::one_of(&names)),
            }
        };
        out.push(
            Diagnostic::error(
                "E0307",
                f,
                format!("{base}.indicators.{name}"),
                format!("`{}` has no indicator named `{name}`", p.id),
            )
            .with_hint(hint),
        );
    }
    let spent: Amount = r.budget.iter().map(|s| Amount::from(s.amount)).sum();
    if let Some(year) = year.filter(|_| !outside && !planned.removed(ctx.recovery, "budget")) {
        let planned: Amount = planned_in_year(p, &ctx.project.masterplan.period, year)
            .iter()
            .map(|s| s.amount)
            .sum();
        if spent > planned {
            let lang = ctx.project.masterplan.language;
            out.push(
                Diagnostic::warning(
                    "W0305",
                    f,
                    format!("{base}.budget"),
                    format!(
                        "`{}` spent {} in {year}, above the {} planned for that year",
                        p.id,
                        crate::render::format::rupiah(spent, lang),
                        crate::render::format::rupiah(planned, lang)
                    ),
                )
                .with_hint("check the amounts; if the plan changed, update the programme's `budget` in its pokja file"),
            );
        }
    }
    let progress = r.progress.unwrap_or(0.0);
    match r.status {
        Status::Done if r.progress.is_some_and(|p| p < 100.0) => out.push(
            Diagnostic::warning(
                "W0307",
                f,
                format!("{base}.progress"),
                format!("`{}` is `done` but its progress is {progress}", p.id),
            )
            .with_hint("a finished programme has progress 100; otherwise its status is `on_track` or `delayed`"),
        ),
        Status::NotStarted if spent > 0 || progress > 0.0 => {
            let (path, what) = if spent > 0 {
                (format!("{base}.budget"), "money was spent")
            } else {
                (format!("{base}.progress"), "its progress is above 0")
            };
            out.push(
                Diagnostic::warning(
                    "W0308",
                    f,
                    path,
                    format!("`{}` is `not_started` but {what}", p.id),
                )
                .with_hint("work that has begun is `on_track` or `delayed`"),
            );
        }
        Status::Delayed if r.obstacles.as_deref().is_none_or(|o| o.trim().is_empty()) => out.push(
            Diagnostic::warning(
                "W0309",
                f,
                format!("{base}.status"),
                format!("`{}` is `delayed` but no `obstacles` are given", p.id),
            )
            .with_hint("say what held it back (`obstacles: ...`); the evaluation asks for the kendala of every late programme"),
        ),
        _ => {}
    }
}

fn validate_score(
    ctx: &Ctx<'_>,
    f: &str,
    d: EvaluationDimension,
    s: &AssessedScore,
    out: &mut Vec<Diagnostic>,
) {
    let base = format!("assessment.{}", d.key());
    if !(0.0..=5.0).contains(&s.score) {
        out.push(
            Diagnostic::error(
                "E0310",
                f,
                format!("{base}.score"),
                format!("the {} score {} is outside 0..=5", d.key(), s.score),
            )
            .with_hint("the evaluation scores each dimension from 0 to 5, e.g. `score: 3.5`"),
        );
    }
    for (i, e) in s.evidence.iter().enumerate() {
        validate_evidence(ctx, f, &format!("{base}.evidence[{i}]"), e, out);
    }
}

/// An evidence item: a link (not checked) or a path relative to the project folder that stays
/// inside it (E0311) and exists (W0306).
fn validate_evidence(ctx: &Ctx<'_>, f: &str, path: &str, e: &str, out: &mut Vec<Diagnostic>) {
    let e = e.trim();
    let lower = e.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return;
    }
    if e.is_empty() {
        out.push(
            Diagnostic::error("E0311", f, path, "an evidence item is empty")
                .with_hint("give a link (https://...) or a path relative to the project folder, or remove the item"),
        );
        return;
    }
    let p = Path::new(e);
    let escapes = p.is_absolute()
        || e.starts_with('/')
        || e.starts_with('\\')
        || e.get(1..2) == Some(":")
        || p.components().any(|c| matches!(c, Component::ParentDir));
    if escapes {
        out.push(
            Diagnostic::error(
                "E0311",
                f,
                path,
                format!("the evidence path `{e}` leads outside the project folder"),
            )
            .with_hint("copy the file into the project (e.g. monitoring/bukti/) and give its path relative to the project folder, or give a link"),
        );
        return;
    }
    let full = ctx.project.root.join(p);
    // A link inside the project that leads out of it is outside too (as for the logo).
    if let (Ok(real), Ok(root)) = (full.canonicalize(), ctx.project.root.canonicalize())
        && !real.starts_with(&root)
    {
        out.push(
            Diagnostic::error(
                "E0311",
                f,
                path,
                format!("the evidence path `{e}` is a link to a file outside the project folder"),
            )
            .with_hint(
                "copy the file itself into the project (e.g. monitoring/bukti/), or give a link",
            ),
        );
        return;
    }
    if !full.exists() {
        out.push(
            Diagnostic::warning(
                "W0306",
                f,
                path,
                format!("the evidence file `{e}` does not exist in the project folder"),
            )
            .with_hint("paths are relative to the project folder (where masterplan.yaml is); check the spelling, or add the file"),
        );
    }
}

/// True when `path` of `file` (or something inside it) was blanked out for a reported mistake.
fn removed(ctx: &Ctx<'_>, file: &str, path: &str) -> bool {
    ctx.recovery.removed_under(file, path)
}

/// The nearest name, also for a longer name that only differs in case or spacing.
fn nearest<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    if let Some(n) = suggest::did_you_mean(name, names.iter().copied()) {
        return Some(n);
    }
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let target = norm(name);
    names.iter().copied().find(|n| {
        let m = norm(n);
        !target.is_empty() && (m == target || m.starts_with(&target) || target.starts_with(&m))
    })
}

/// `YYYY-MM-DD` as (year, month, day), when it is a real calendar date.
pub fn parse_date(s: &str) -> Option<(Year, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let y = digits(0..4)?;
    let m = digits(5..7)?;
    let d = digits(8..10)?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days).contains(&d) {
        return None;
    }
    Year::try_from(y).ok().map(|y| (y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetLine, BudgetSource, Category, Period, Weights};

    #[test]
    fn dates_are_real_calendar_days() {
        assert_eq!(parse_date("2024-01-31"), Some((2024, 1, 31)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2100-02-29"), None);
        assert_eq!(parse_date("2000-02-29"), Some((2000, 2, 29)));
        for bad in [
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "31-01-2024",
            "2024-1-31",
            "2024/01/31",
            "",
            "2024-01-3x",
            "+024-01-31",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn nearest_indicator_names() {
        let names = ["Pengguna layanan", "Waktu respons ambulans"];
        assert_eq!(nearest("Penguna layanan", &names), Some("Pengguna layanan"));
        assert_eq!(nearest("pengguna", &names), Some("Pengguna layanan"));
        assert_eq!(
            nearest("WAKTU RESPONS AMBULANS (menit)", &names),
            Some("Waktu respons ambulans")
        );
        assert_eq!(
            nearest("waktu-respons ambulans", &names),
            Some("Waktu respons ambulans")
        );
        assert_eq!(nearest("Jumlah desa", &names), None);
    }

    fn masterplan(weights: Option<Weights>) -> Masterplan {
        crate::yaml::from_str::<Masterplan>(
            "region: { name: A, type: kota, province: B }\nperiod: { start_year: 2023, years: 5 }\nvision: v\nmissions: [m]\nopd: [{ code: DKISP, name: D }]\n",
            "masterplan.yaml",
        )
        .map(|mut m| {
            m.evaluation = Some(crate::model::EvaluationConfig { weights });
            m
        })
        .unwrap()
    }

    #[test]
    fn weights_must_sum_to_100() {
        let r = Recovery::default();
        assert!(validate_evaluation(&masterplan(None), &r).is_empty());
        assert!(validate_evaluation(&masterplan(Some(Weights::default())), &r).is_empty());
        let w = Weights {
            baseline: 0,
            output: 25,
            outcome: 25,
            impact: 25,
            quick_win: 25,
        };
        assert!(validate_evaluation(&masterplan(Some(w)), &r).is_empty());
        let short = Weights {
            quick_win: 5,
            ..Weights::default()
        };
        let d = validate_evaluation(&masterplan(Some(short)), &r);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "E0120");
        assert!(d[0].message.contains("sum to 95"), "{}", d[0].message);
        assert!(d[0].hint.as_deref().unwrap().contains("5 short"));
        // No overflow on absurd weights.
        let huge = Weights {
            baseline: u32::MAX,
            output: u32::MAX,
            ..Weights::default()
        };
        let d = validate_evaluation(&masterplan(Some(huge)), &r);
        assert!(d[0].message.contains("8589934660"), "{}", d[0].message);
    }

    #[test]
    fn the_planned_amount_of_a_year_is_the_plans_spread() {
        let period = Period {
            start_year: 2023,
            years: 10,
        };
        let p = Program {
            id: "ECO-01".into(),
            name: "n".into(),
            element: "e".into(),
            category: Category::Application,
            description: None,
            lead: "DKISP".into(),
            support: vec![],
            start: 2023,
            end: 2025,
            budget: vec![
                BudgetLine {
                    source: BudgetSource::Apbd,
                    amount: 1_000_000_000,
                    year: None,
                },
                BudgetLine {
                    source: BudgetSource::Csr,
                    amount: 50_000_000,
                    year: Some(2025),
                },
            ],
            outputs: vec![],
            outcome: None,
            indicators: vec![],
            quick_win: false,
            impact: None,
            effort: None,
            depends_on: vec![],
            rpjmd_missions: vec![],
            sdgs: vec![],
            risks: vec![],
        };
        let year = |y| -> Vec<(BudgetSource, Amount)> {
            planned_in_year(&p, &period, y)
                .iter()
                .map(|s| (s.source, s.amount))
                .collect()
        };
        assert_eq!(year(2023), [(BudgetSource::Apbd, 333_300_000)]);
        assert_eq!(year(2024), [(BudgetSource::Apbd, 333_300_000)]);
        assert_eq!(
            year(2025),
            [
                (BudgetSource::Apbd, 333_400_000),
                (BudgetSource::Csr, 50_000_000)
            ]
        );
        assert!(year(2026).is_empty());
        assert!(year(2040).is_empty());
    }
}
