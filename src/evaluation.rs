//! Planning the yearly evaluation: what one monitoring file (`monitoring/<year>.yaml`) says about
//! the masterplan's year `Y`, set against what the plan planned for that year. Pure functions over
//! the model and the [`Plan`]; the evaluation report (`masterplan evaluate`) only iterates over
//! the result.
//!
//! Every rule here is documented for evaluators in docs/reference/evaluation.md; in short:
//! - **Money** is exact integer Rupiah ([`Amount`]). Planned spending in `Y` is the plan's own yearly
//!   spread ([`crate::plan::planned_in_year`]); absorption is realised / planned in tenths of a
//!   percent, rounded half up, absent when nothing was planned.
//! - **Achievement** of an indicator is `(actual - baseline) / (target - baseline)`, in tenths of a
//!   percent ([`achievement`]); it works unchanged for indicators where lower is better.
//! - **Scores** are hundredths (`330` is 3,30) on the 0..=5 scale: the self-assessed score where the
//!   file gives one, otherwise a score derived from the data ([`derive`]).
//! - **Index**: the weighted sum of the five scores with the configured weights (percent).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::{
    BudgetSource, Direction, EvaluationDimension, Indicator, Monitoring, Program, ProgramReport,
    Project, Status, Value, Weights, Year,
};
use crate::plan::{Amount, OpdRef, Plan, ProgramFacts, planned_in_year};

/// A score on the evaluation's 0..=5 scale, in hundredths (`330` is 3,30).
pub type Hundredths = i64;

/// A percentage in tenths of a percent (`875` is 87,5 %); may be negative or above 1000.
pub type Tenths = i64;

/// The highest score, in hundredths.
pub const MAX_SCORE: Hundredths = 500;

/// The evaluation of one reported year.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub year: Year,
    /// The monitoring file, relative to the project root: `monitoring/2024.yaml`.
    pub file: String,
    pub date: Option<String>,
    pub reported_by: Option<OpdRef>,
    /// Every year with a monitoring file up to and including `year`, in order.
    pub reported_years: Vec<Year>,
    /// The latest earlier year with a monitoring file.
    pub previous_year: Option<Year>,
    /// Every programme active in `year` (start <= year <= end), and any programme reported though
    /// not active, in project order.
    pub programs: Vec<ProgramStatus>,
    /// Counts per status of the active programmes, in [`Status::ALL`] order, then the count of
    /// active programmes not reported (`not_reported`).
    pub by_status: Vec<StatusCount>,
    /// Programmes active in the year (the sum of [`Evaluation::by_status`]).
    pub active: usize,
    /// One entry per dimension of the plan that has a programme in [`Evaluation::programs`].
    pub dimensions: Vec<DimensionProgress>,
    pub budget: BudgetComparison,
    /// Every indicator of an evaluated programme with a target in `year`, in programme order.
    pub indicators: Vec<IndicatorAchievement>,
    /// Every quick win that started by the year (start <= year), delivered or not, in project
    /// order.
    pub quick_wins: Vec<QuickWinDelivery>,
    /// Programmes behind schedule ([`behind_reason`]), in project order.
    pub behind: Vec<Behind>,
    /// Programmes active in `year` that the file does not mention.
    pub not_reported: Vec<ProgramRef>,
    /// Every piece of evidence the file names: programmes' first, then the self-assessment's.
    pub evidence: Vec<Evidence>,
    /// The five evaluation dimensions, in [`EvaluationDimension::ALL`] order.
    pub scores: Vec<DimensionScore>,
    /// The weights in force (percent).
    pub weights: Weights,
    /// Whether `masterplan.yaml` configures the weights (else the default 10/20/30/30/10).
    pub weights_configured: bool,
    /// The weighted final index, hundredths.
    pub index: Hundredths,
    /// The index of [`Evaluation::previous_year`] (with today's weights), hundredths.
    pub previous_index: Option<Hundredths>,
    /// `index - previous_index`.
    pub change: Option<Hundredths>,
    /// Whether any dimension's score is self-assessed.
    pub self_assessed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgramRef {
    pub id: String,
    pub name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub lead: OpdRef,
}

/// One programme's state in the year.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramStatus {
    pub id: String,
    pub name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub lead: OpdRef,
    pub schedule: String,
    pub start: Year,
    pub end: Year,
    pub quick_win: bool,
    /// Whether start <= year <= end.
    pub active: bool,
    /// `None`: not reported.
    pub status: Option<Status>,
    /// The reported progress, percent.
    pub progress: Option<f64>,
    /// The realisation used by the derived Outcome score, percent 0..=100 ([`realisation`]).
    pub realisation: f64,
    pub planned: Amount,
    pub realised: Amount,
    pub absorption: Option<Tenths>,
    /// Realised above planned.
    pub over_plan: bool,
    pub outputs: Vec<String>,
    pub notes: Option<String>,
    pub obstacles: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// A [`Status`] key or `not_reported`.
    pub key: &'static str,
    pub count: usize,
}

/// The programmes of one dimension in the year.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionProgress {
    pub key: String,
    pub label: String,
    /// Indices into [`Evaluation::programs`].
    pub programs: Vec<usize>,
    /// Counts per status of its active programmes, as [`Evaluation::by_status`].
    pub by_status: Vec<StatusCount>,
    /// Its programmes active in the year.
    pub active: usize,
    pub planned: Amount,
    pub realised: Amount,
    pub absorption: Option<Tenths>,
    /// Indicators of its programmes with a target in the year.
    pub indicators: usize,
    /// Their mean achievement, each capped to 0..=100 % and an unreported one counting 0 (the
    /// rule of the derived Impact score).
    pub achievement: Option<Tenths>,
}

/// Planned versus realised spending. Invariants (tested): every total is the sum of its rows;
/// the dimension x source cells add up to the per-dimension rows, the per-source rows and the
/// per-programme rows alike.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BudgetComparison {
    /// One row per dimension with anything planned or realised, in plan order.
    pub by_dimension: Vec<Comparison>,
    /// One row per source with anything planned or realised, in [`BudgetSource::ALL`] order.
    pub by_source: Vec<Comparison>,
    /// Dimension x source: per dimension, the sources with anything planned or realised.
    pub cells: Vec<DimensionSources>,
    /// Every evaluated programme with anything planned or realised, in project order.
    pub by_program: Vec<Comparison>,
    pub planned: Amount,
    pub realised: Amount,
    pub absorption: Option<Tenths>,
    /// The top of the absorption chart's axis, percent: 100, or the highest dimension's
    /// absorption rounded up to a multiple of 10.
    pub axis_max: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub key: String,
    pub label: String,
    pub planned: Amount,
    pub realised: Amount,
    pub absorption: Option<Tenths>,
    pub over_plan: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionSources {
    pub key: String,
    pub label: String,
    pub sources: Vec<Comparison>,
    pub total: Comparison,
}

/// One indicator with a target in the year.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorAchievement {
    /// A short label for tables and charts: the programme id, with `.1`, `.2`, ... when the
    /// programme has more than one indicator with a target in the year.
    pub code: String,
    pub program: String,
    pub program_name: String,
    pub dimension: String,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    pub baseline: Option<Value>,
    pub target: Value,
    /// `None`: not reported.
    pub actual: Option<Value>,
    /// `None`: not measurable (not reported, or a text baseline with text values).
    pub achievement: Option<Tenths>,
    /// Achievement of 100 % or more.
    pub met: bool,
    /// Target and actual per reported year up to the evaluated one.
    pub history: Vec<HistoryPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryPoint {
    pub year: Year,
    pub target: Option<Value>,
    pub actual: Option<Value>,
    pub achievement: Option<Tenths>,
}

/// Whether a quick win was delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Done by its end year.
    OnTime,
    /// Done after its end year (in `delivered_year`).
    Late,
    /// Not done yet, and its end year is still to come.
    InProgress,
    /// Not done by its end year, and no later file says done.
    NotDelivered,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuickWinDelivery {
    pub program: String,
    pub name: String,
    pub dimension_label: String,
    pub lead: OpdRef,
    pub schedule: String,
    pub due: Year,
    pub status: Option<Status>,
    pub delivery: Delivery,
    /// The first year whose file says done.
    pub delivered_year: Option<Year>,
    /// Whether it is scheduled in the evaluated year (start <= year <= end); else it was due in
    /// an earlier year.
    pub planned: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Behind {
    pub program: String,
    pub name: String,
    pub dimension_label: String,
    pub lead: OpdRef,
    pub schedule: String,
    pub status: Status,
    pub progress: Option<f64>,
    /// `delayed`, `not_started` or `past_end`.
    pub reason: &'static str,
    pub obstacles: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// A programme id, or an evaluation dimension key for the self-assessment.
    pub owner: String,
    pub owner_label: String,
    /// A link or a project path.
    pub target: String,
    pub is_link: bool,
}

/// How a dimension's score was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreSource {
    SelfAssessed,
    Derived,
}

#[derive(Debug, Clone, Serialize)]
pub struct DimensionScore {
    pub dimension: EvaluationDimension,
    pub key: &'static str,
    pub weight: u32,
    pub score: Hundredths,
    /// `weight x score / 100`, hundredths rounded half up (the dimension's share of the index;
    /// the index itself is rounded once, from the exact sum).
    pub weighted: Hundredths,
    pub source: ScoreSource,
    /// The derived score, always computed (shown beside a self-assessed one).
    pub derived: Hundredths,
    /// What the derived score was computed from ([`Derived::basis`]).
    pub basis: Derived,
    pub notes: Option<String>,
    pub evidence: Vec<String>,
}

/// The figures behind a derived score: `part` of `whole` (or a mean, in `mean`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Derived {
    pub part: usize,
    pub whole: usize,
    /// The mean percentage the score was derived from (Outcome, Impact), tenths of a percent.
    pub mean: Option<Tenths>,
    /// Absorption used by Output, tenths of a percent.
    pub absorption: Option<Tenths>,
}

// ---------------------------------------------------------------------------------------------
// Formulas.

/// `part / whole` in tenths of a percent, rounded half up; `None` when `whole` is zero.
pub fn absorption(part: Amount, whole: Amount) -> Option<Tenths> {
    if whole == 0 {
        return None;
    }
    let tenths = (part.saturating_mul(1000).saturating_add(whole / 2)) / whole;
    Some(Tenths::try_from(tenths).unwrap_or(Tenths::MAX))
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) if n.is_finite() => Some(*n),
        Value::Number(_) => None,
        Value::Text(t) => t.trim().replace(',', ".").parse::<f64>().ok(),
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `actual` is at least as good as `target` for this direction.
fn reaches(actual: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::Increase => actual >= target,
        Direction::Decrease => actual <= target,
    }
}

fn to_tenths(ratio: f64) -> Option<Tenths> {
    let t = (ratio * 1000.0).round();
    (t.is_finite() && t.abs() < 1e15).then_some(t as Tenths)
}

/// Achievement of an indicator, in tenths of a percent, measured from the baseline:
/// `(actual - baseline) / (target - baseline)`. The same formula serves indicators where lower
/// is better (both differences are negative). Edge cases:
/// - target equal to the baseline (a level to hold): 100 % when the actual reaches it in the
///   indicator's direction, else 0 %;
/// - no baseline (or a text baseline with numeric target and actual): the baseline is taken as 0
///   for `increase` (achievement = actual / target); for `decrease` it is target / actual
///   (100 % when the actual is 0);
/// - text values (target or actual not a number): 100 % when they are the same text (ignoring
///   case and surrounding spaces), else 0 %;
/// - no actual: `None`.
///
/// Numbers written as text (`"12,5"`) count as numbers. The result is not capped; derived scores
/// cap it to 0..=100 %.
pub fn achievement(
    baseline: Option<&Value>,
    target: &Value,
    actual: Option<&Value>,
    direction: Direction,
) -> Option<Tenths> {
    let actual = actual?;
    let (Some(t), Some(a)) = (number(target), number(actual)) else {
        let (ts, as_) = (text_of(target), text_of(actual));
        return Some(if same_text(&ts, &as_) { 1000 } else { 0 });
    };
    match baseline.and_then(number) {
        Some(b) if b == t => Some(if reaches(a, t, direction) { 1000 } else { 0 }),
        Some(b) => to_tenths((a - b) / (t - b)),
        None => match direction {
            Direction::Increase if t == 0.0 => Some(if a >= 0.0 { 1000 } else { 0 }),
            Direction::Increase => to_tenths(a / t),
            Direction::Decrease if a <= 0.0 => {
                Some(if reaches(a, t, direction) { 1000 } else { 0 })
            }
            Direction::Decrease => to_tenths(t / a),
        },
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::Text(t) => t.clone(),
    }
}

/// The default realisation of a programme by status, percent, used when no progress is reported:
/// done 100, on track 75, delayed 40, not started 0, cancelled 0; not reported 0.
pub fn status_realisation(status: Option<Status>) -> f64 {
    match status {
        Some(Status::Done) => 100.0,
        Some(Status::OnTrack) => 75.0,
        Some(Status::Delayed) => 40.0,
        Some(Status::NotStarted | Status::Cancelled) | None => 0.0,
    }
}

/// The realisation of a programme in percent: a done programme 100; otherwise its reported
/// progress (clamped to 0..=100); without progress the status default ([`status_realisation`]).
pub fn realisation(report: Option<&ProgramReport>) -> f64 {
    match report {
        Some(r) if r.status == Status::Done => 100.0,
        Some(r) => match r.progress {
            Some(p) if p.is_finite() => p.clamp(0.0, 100.0),
            _ => status_realisation(Some(r.status)),
        },
        None => 0.0,
    }
}

/// A score of `5 x ratio` in hundredths, ratio clamped to 0..=1, rounded half up.
pub fn score_of_ratio(ratio: f64) -> Hundredths {
    if !ratio.is_finite() {
        return 0;
    }
    (ratio.clamp(0.0, 1.0) * MAX_SCORE as f64).round() as Hundredths
}

/// `5 x part / whole` in hundredths, exact, rounded half up; 0 when `whole` is 0.
pub fn score_of_share(part: usize, whole: usize) -> Hundredths {
    if whole == 0 {
        return 0;
    }
    let (p, w) = (part.min(whole) as i128, whole as i128);
    ((p * MAX_SCORE as i128 * 2 + w) / (2 * w)) as Hundredths
}

/// The weighted index: `sum(weight x score) / 100`, hundredths, rounded half up (weights in
/// percent, scores in hundredths).
pub fn weighted_index(
    weights: &Weights,
    scores: &[(EvaluationDimension, Hundredths)],
) -> Hundredths {
    let sum: i128 = scores
        .iter()
        .map(|(d, s)| i128::from(weights.of(*d)) * i128::from(*s))
        .sum();
    round_div(sum, 100) as Hundredths
}

/// `n / d` rounded half away from zero (`d > 0`).
fn round_div(n: i128, d: i128) -> i128 {
    if n >= 0 {
        (n + d / 2) / d
    } else {
        -((-n + d / 2) / d)
    }
}

/// The derived scores of the five dimensions, from the year's facts:
/// - **Baseline** (improvement since the last evaluation): 5 x the share of the measurable
///   indicators (numeric actual in the year) that moved the right way against their reference:
///   the actual of the previous monitoring file when it has one, otherwise the baseline. Equal
///   to the reference counts as improved only when it already reaches the year's target.
/// - **Output** (policy, institutions, budget): 5 x the mean of two shares: the budget absorption
///   (capped at 100 %; counted as 0 when nothing was planned for the year) and the share of
///   active programmes that report at least one delivered output.
/// - **Outcome** (how far the plans are carried out): 5 x the mean realisation of the active
///   programmes ([`realisation`]; an unreported programme counts 0).
/// - **Impact** (benefit to citizens): 5 x the mean achievement of the indicators with a target
///   in the year, each capped to 0..=100 %, unreported ones counting 0.
/// - **Quick Win**: 5 x the share of the quick wins due by the year (end <= year, plus any
///   delivered ahead of its end) that a monitoring file of the year or earlier reports done.
///
/// A dimension with nothing to measure (no indicator, no active programme, no quick win) scores 0.
pub fn derive(inputs: &DerivedInputs) -> Vec<(EvaluationDimension, Hundredths, Derived)> {
    let none = Derived {
        part: 0,
        whole: 0,
        mean: None,
        absorption: None,
    };
    let baseline = (
        EvaluationDimension::Baseline,
        score_of_share(inputs.improved, inputs.measurable),
        Derived {
            part: inputs.improved,
            whole: inputs.measurable,
            ..none
        },
    );
    let absorption_share = match inputs.absorption {
        Some(t) => (t.clamp(0, 1000) as f64) / 1000.0,
        None => 0.0,
    };
    let output_share = if inputs.active == 0 {
        0.0
    } else {
        inputs.with_outputs as f64 / inputs.active as f64
    };
    let output = (
        EvaluationDimension::Output,
        if inputs.active == 0 {
            0
        } else {
            score_of_ratio((absorption_share + output_share) / 2.0)
        },
        Derived {
            part: inputs.with_outputs,
            whole: inputs.active,
            absorption: inputs.absorption,
            ..none
        },
    );
    let mean_realisation = mean(&inputs.realisations);
    let outcome = (
        EvaluationDimension::Outcome,
        mean_realisation.map_or(0, |m| score_of_ratio(m / 100.0)),
        Derived {
            part: 0,
            whole: inputs.realisations.len(),
            mean: mean_realisation.and_then(|m| to_tenths(m / 100.0)),
            absorption: None,
        },
    );
    let capped: Vec<f64> = inputs.achievements.iter().map(|a| capped(*a)).collect();
    let mean_achievement = mean(&capped);
    let impact = (
        EvaluationDimension::Impact,
        mean_achievement.map_or(0, |m| score_of_ratio(m / 100.0)),
        Derived {
            part: inputs.achievements.iter().filter(|a| a.is_some()).count(),
            whole: inputs.achievements.len(),
            mean: mean_achievement.and_then(|m| to_tenths(m / 100.0)),
            absorption: None,
        },
    );
    let quick_win = (
        EvaluationDimension::QuickWin,
        score_of_share(inputs.quick_wins_done, inputs.quick_wins_planned),
        Derived {
            part: inputs.quick_wins_done,
            whole: inputs.quick_wins_planned,
            ..none
        },
    );
    vec![baseline, output, outcome, impact, quick_win]
}

/// What the derived scores are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DerivedInputs {
    /// Indicators with a numeric actual in the year, and how many of them improved.
    pub measurable: usize,
    pub improved: usize,
    /// Total absorption of the year (`None`: nothing planned).
    pub absorption: Option<Tenths>,
    /// Active programmes, and how many report an output.
    pub active: usize,
    pub with_outputs: usize,
    /// Realisation of every active programme, percent.
    pub realisations: Vec<f64>,
    /// Achievement of every indicator with a target in the year (`None`: not reported).
    pub achievements: Vec<Option<Tenths>>,
    /// Quick wins due by the year (or delivered early), and how many of them are done.
    pub quick_wins_planned: usize,
    pub quick_wins_done: usize,
}

/// An achievement capped to 0..=100, in percent; not measured counts 0.
fn capped(a: Option<Tenths>) -> f64 {
    a.map_or(0.0, |t| t.clamp(0, 1000) as f64 / 10.0)
}

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// A self-assessed score (0..=5) in hundredths, rounded half up and clamped to the scale.
pub fn assessed_hundredths(score: f64) -> Hundredths {
    if !score.is_finite() {
        return 0;
    }
    ((score * 100.0).round() as Hundredths).clamp(0, MAX_SCORE)
}

/// Whether the value `now` improved on `reference` in the indicator's direction; equal values
/// count when they already reach `target`.
pub fn improved(reference: f64, now: f64, target: Option<f64>, direction: Direction) -> bool {
    if now == reference {
        return target.is_some_and(|t| reaches(now, t, direction));
    }
    match direction {
        Direction::Increase => now > reference,
        Direction::Decrease => now < reference,
    }
}

// ---------------------------------------------------------------------------------------------
// The evaluation.

/// Why `evaluate` cannot evaluate a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvaluateError {
    /// The year lies outside the masterplan's period.
    OutsidePeriod { year: Year, start: Year, end: Year },
    /// No monitoring file for the year; the path it expected.
    NoFile { year: Year, expected: String },
}

impl std::fmt::Display for EvaluateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvaluateError::OutsidePeriod { year, start, end } => write!(
                f,
                "{year} is outside the masterplan's period {start}-{end}; evaluate a year from {start} to {end}"
            ),
            EvaluateError::NoFile { year, expected } => write!(
                f,
                "no monitoring file for {year}: expected {expected} (create it with `masterplan monitoring new {year}`)"
            ),
        }
    }
}

impl std::error::Error for EvaluateError {}

impl EvaluateError {
    /// The error as a diagnostic: `E0350` (no monitoring file for the year, on the file it
    /// expected) or `E0351` (the year is outside the period, on `masterplan.yaml` `period`).
    pub fn diagnostic(&self) -> crate::diagnostic::Diagnostic {
        use crate::diagnostic::Diagnostic;
        match self {
            EvaluateError::NoFile { year, expected } => Diagnostic::error(
                "E0350",
                expected.clone(),
                "",
                format!("no monitoring file for {year}: expected {expected}"),
            )
            .with_hint(format!(
                "create it with `masterplan monitoring new {year}` and fill in what was done in {year}"
            )),
            EvaluateError::OutsidePeriod { year, start, end } => Diagnostic::error(
                "E0351",
                "masterplan.yaml",
                "period",
                format!("{year} is outside the masterplan's period {start}-{end}"),
            )
            .with_hint(format!("evaluate a year from {start} to {end}")),
        }
    }
}

/// Evaluate one year: the year must lie inside the period and have a monitoring file.
pub fn evaluate(project: &Project, plan: &Plan, year: Year) -> Result<Evaluation, EvaluateError> {
    let period = project.masterplan.period;
    if !period.contains(year) {
        return Err(EvaluateError::OutsidePeriod {
            year,
            start: period.start_year,
            end: period.end_year(),
        });
    }
    let Some(file) = project.monitoring_of(year) else {
        return Err(EvaluateError::NoFile {
            year,
            expected: format!("monitoring/{year}.yaml"),
        });
    };
    let reports: BTreeMap<Year, &Monitoring> = project
        .monitoring
        .iter()
        .map(|m| (m.monitoring.year, &m.monitoring))
        .collect();
    let year_facts = facts(project, plan, year, &reports);
    let weights = project.masterplan.weights();
    let previous_year = reports.range(..year).next_back().map(|(y, _)| *y);
    let previous_index = previous_year.map(|py| {
        let prev = facts(project, plan, py, &reports);
        index_of(&weights, &scores(&prev, reports.get(&py).copied()))
    });
    let mut scores = scores(&year_facts, Some(&file.monitoring));
    for s in &mut scores {
        s.weight = weights.of(s.dimension);
        s.weighted = round_div(i128::from(s.weight) * i128::from(s.score), 100) as Hundredths;
    }
    let index = index_of(&weights, &scores);
    let m = &file.monitoring;
    let reported_by = m.reported_by.as_ref().map(|code| OpdRef {
        code: code.clone(),
        name: project
            .masterplan
            .opd(code)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| code.clone()),
    });
    let evidence = evidence(&year_facts, m);
    Ok(Evaluation {
        year,
        file: file.file.clone(),
        date: m.date.clone(),
        reported_by,
        reported_years: reports.range(..=year).map(|(y, _)| *y).collect(),
        previous_year,
        by_status: status_counts(year_facts.programs.iter().filter(|p| p.active)),
        active: year_facts.programs.iter().filter(|p| p.active).count(),
        dimensions: year_facts.dimensions,
        budget: year_facts.budget,
        indicators: year_facts.indicators,
        quick_wins: year_facts.quick_wins,
        behind: year_facts.behind,
        not_reported: year_facts.not_reported,
        evidence,
        self_assessed: scores.iter().any(|s| s.source == ScoreSource::SelfAssessed),
        scores,
        weights,
        weights_configured: project
            .masterplan
            .evaluation
            .as_ref()
            .is_some_and(|e| e.weights.is_some()),
        index,
        change: previous_index.map(|p| index - p),
        previous_index,
        programs: year_facts.programs,
    })
}

fn index_of(weights: &Weights, scores: &[DimensionScore]) -> Hundredths {
    let pairs: Vec<(EvaluationDimension, Hundredths)> =
        scores.iter().map(|s| (s.dimension, s.score)).collect();
    weighted_index(weights, &pairs)
}

/// The year's facts, before scoring.
struct Facts {
    programs: Vec<ProgramStatus>,
    dimensions: Vec<DimensionProgress>,
    budget: BudgetComparison,
    indicators: Vec<IndicatorAchievement>,
    quick_wins: Vec<QuickWinDelivery>,
    behind: Vec<Behind>,
    not_reported: Vec<ProgramRef>,
    inputs: DerivedInputs,
    /// Reported programme evidence: (programme id, name, evidence).
    evidence: Vec<(String, String, Vec<String>)>,
}

fn program_ref(f: &ProgramFacts) -> ProgramRef {
    ProgramRef {
        id: f.id.clone(),
        name: f.name.clone(),
        dimension: f.dimension.clone(),
        dimension_label: f.dimension_label.clone(),
        lead: f.lead.clone(),
    }
}

/// The first year (among all monitoring files) whose report says this programme is done.
fn done_year(reports: &BTreeMap<Year, &Monitoring>, id: &str) -> Option<Year> {
    reports
        .iter()
        .find(|(_, m)| m.programs.get(id).is_some_and(|r| r.status == Status::Done))
        .map(|(y, _)| *y)
}

/// Why a programme is behind schedule in `year`, if it is: reported `delayed`; `not_started`
/// though active; or its end year reached without being done (`past_end`). Cancelled and done
/// programmes are never behind.
pub fn behind_reason(status: Status, end: Year, year: Year) -> Option<&'static str> {
    match status {
        Status::Delayed => Some("delayed"),
        Status::NotStarted => Some("not_started"),
        Status::OnTrack if end <= year => Some("past_end"),
        _ => None,
    }
}

fn facts(
    project: &Project,
    plan: &Plan,
    year: Year,
    reports: &BTreeMap<Year, &Monitoring>,
) -> Facts {
    let period = project.masterplan.period;
    let report = reports.get(&year).copied();
    let previous = reports.range(..year).next_back().map(|(_, m)| *m);
    let model: Vec<&Program> = project.programs().map(|(_, p)| p).collect();

    let mut programs = Vec::new();
    let mut behind = Vec::new();
    let mut not_reported = Vec::new();
    let mut indicators = Vec::new();
    let mut quick_wins = Vec::new();
    let mut evidence = Vec::new();
    let mut inputs = DerivedInputs::default();
    // (dimension key, source) -> (planned, realised), in first-seen order via index maps.
    let mut cell: BTreeMap<(usize, usize), (Amount, Amount)> = BTreeMap::new();
    let dim_pos: HashMap<&str, usize> = plan
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.as_str(), i))
        .collect();
    let mut by_program = Vec::new();

    for (facts, program) in plan.programs.iter().zip(model.iter().copied()) {
        let active = facts.start <= year && year <= facts.end;
        let r = report.and_then(|m| m.programs.get(&facts.id));
        if facts.quick_win && facts.start <= year {
            let delivered = done_year(reports, &facts.id);
            let done_by_now = delivered.is_some_and(|d| d <= year);
            let delivery = match delivered {
                Some(d) if d <= facts.end => Delivery::OnTime,
                Some(_) if facts.end <= year => Delivery::Late,
                _ if facts.end > year => Delivery::InProgress,
                _ => Delivery::NotDelivered,
            };
            // Counted: every quick win due by the year, and one delivered ahead of its end.
            if facts.end <= year || done_by_now {
                inputs.quick_wins_planned += 1;
                if done_by_now {
                    inputs.quick_wins_done += 1;
                }
            }
            quick_wins.push(QuickWinDelivery {
                program: facts.id.clone(),
                name: facts.name.clone(),
                dimension_label: facts.dimension_label.clone(),
                lead: facts.lead.clone(),
                schedule: facts.schedule.clone(),
                due: facts.end,
                status: r.map(|r| r.status),
                delivery,
                delivered_year: delivered,
                planned: active,
            });
        }
        if !active && r.is_none() {
            continue;
        }
        let planned_sources = if active {
            planned_in_year(program, &period, year)
        } else {
            Vec::new()
        };
        let mut per_source = [(0 as Amount, 0 as Amount); BudgetSource::ALL.len()];
        for s in &planned_sources {
            per_source[source_index(s.source)].0 += s.amount;
        }
        if let Some(r) = r {
            for s in &r.budget {
                per_source[source_index(s.source)].1 += Amount::from(s.amount);
            }
        }
        let planned: Amount = per_source.iter().map(|p| p.0).sum();
        let realised: Amount = per_source.iter().map(|p| p.1).sum();
        let d = dim_pos
            .get(facts.dimension.as_str())
            .copied()
            .unwrap_or(usize::MAX);
        for (si, (p, rl)) in per_source.iter().enumerate() {
            if *p > 0 || *rl > 0 {
                let c = cell.entry((d, si)).or_insert((0, 0));
                c.0 += p;
                c.1 += rl;
            }
        }
        if planned > 0 || realised > 0 {
            by_program.push(comparison(&facts.id, &facts.name, planned, realised));
        }
        let status = r.map(|r| r.status);
        if active {
            inputs.active += 1;
            if r.is_some_and(|r| !r.outputs.is_empty()) {
                inputs.with_outputs += 1;
            }
            inputs.realisations.push(realisation(r));
            if r.is_none() {
                not_reported.push(program_ref(facts));
            }
        }
        if let Some(r) = r
            && let Some(reason) = active
                .then(|| behind_reason(r.status, facts.end, year))
                .flatten()
        {
            behind.push(Behind {
                program: facts.id.clone(),
                name: facts.name.clone(),
                dimension_label: facts.dimension_label.clone(),
                lead: facts.lead.clone(),
                schedule: facts.schedule.clone(),
                status: r.status,
                progress: r.progress,
                reason,
                obstacles: r.obstacles.clone(),
            });
        }
        if let Some(r) = r
            && !r.evidence.is_empty()
        {
            evidence.push((facts.id.clone(), facts.name.clone(), r.evidence.clone()));
        }
        let first_indicator = indicators.len();
        for ind in &program.indicators {
            if let Some(target) = ind.targets.get(&year) {
                let row =
                    indicator_row(facts, ind, target, year, r, previous, reports, &mut inputs);
                indicators.push(row);
            }
        }
        if indicators.len() - first_indicator > 1 {
            for (k, row) in indicators[first_indicator..].iter_mut().enumerate() {
                row.code = format!("{}.{}", row.program, k + 1);
            }
        }
        programs.push(ProgramStatus {
            id: facts.id.clone(),
            name: facts.name.clone(),
            dimension: facts.dimension.clone(),
            dimension_label: facts.dimension_label.clone(),
            lead: facts.lead.clone(),
            schedule: facts.schedule.clone(),
            start: facts.start,
            end: facts.end,
            quick_win: facts.quick_win,
            active,
            status,
            progress: r.and_then(|r| r.progress),
            realisation: realisation(r),
            planned,
            realised,
            absorption: absorption(realised, planned),
            over_plan: realised > planned,
            outputs: r.map(|r| r.outputs.clone()).unwrap_or_default(),
            notes: r.and_then(|r| r.notes.clone()),
            obstacles: r.and_then(|r| r.obstacles.clone()),
        });
    }

    // Dimensions.
    let mut dimensions = Vec::new();
    for d in &plan.dimensions {
        let members: Vec<usize> = programs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.dimension == d.key)
            .map(|(i, _)| i)
            .collect();
        if members.is_empty() {
            continue;
        }
        let planned = members.iter().map(|i| programs[*i].planned).sum();
        let realised = members.iter().map(|i| programs[*i].realised).sum();
        let achievements: Vec<f64> = indicators
            .iter()
            .filter(|i| i.dimension == d.key)
            .map(|i| capped(i.achievement))
            .collect();
        dimensions.push(DimensionProgress {
            active: members.iter().filter(|i| programs[**i].active).count(),
            indicators: achievements.len(),
            achievement: mean(&achievements).and_then(|m| to_tenths(m / 100.0)),
            key: d.key.clone(),
            label: d.label.clone(),
            by_status: status_counts(members.iter().map(|i| &programs[*i]).filter(|p| p.active)),
            programs: members,
            planned,
            realised,
            absorption: absorption(realised, planned),
        });
    }

    let mut budget = budget(plan, &cell, by_program);
    let highest = dimensions
        .iter()
        .filter_map(|d| d.absorption)
        .max()
        .unwrap_or(0);
    budget.axis_max = 100.max((highest + 99) / 100 * 10);
    inputs.absorption = budget.absorption;
    Facts {
        programs,
        dimensions,
        budget,
        indicators,
        quick_wins,
        behind,
        not_reported,
        inputs,
        evidence,
    }
}

#[allow(clippy::too_many_arguments)]
fn indicator_row(
    facts: &ProgramFacts,
    ind: &Indicator,
    target: &Value,
    year: Year,
    r: Option<&ProgramReport>,
    previous: Option<&Monitoring>,
    reports: &BTreeMap<Year, &Monitoring>,
    inputs: &mut DerivedInputs,
) -> IndicatorAchievement {
    let actual = r.and_then(|r| r.indicators.get(&ind.name)).cloned();
    let a = achievement(
        ind.baseline.as_ref(),
        target,
        actual.as_ref(),
        ind.direction,
    );
    inputs.achievements.push(a);
    if let Some(now) = actual.as_ref().and_then(number) {
        let reference = previous
            .and_then(|m| m.programs.get(&facts.id))
            .and_then(|r| r.indicators.get(&ind.name))
            .and_then(number)
            .or_else(|| ind.baseline.as_ref().and_then(number));
        if let Some(reference) = reference {
            inputs.measurable += 1;
            if improved(reference, now, number(target), ind.direction) {
                inputs.improved += 1;
            }
        }
    }
    let history = reports
        .range(..=year)
        .map(|(y, m)| {
            let t = ind.targets.get(y).cloned();
            let act = m
                .programs
                .get(&facts.id)
                .and_then(|r| r.indicators.get(&ind.name))
                .cloned();
            let ach = t
                .as_ref()
                .and_then(|t| achievement(ind.baseline.as_ref(), t, act.as_ref(), ind.direction));
            HistoryPoint {
                year: *y,
                target: t,
                actual: act,
                achievement: ach,
            }
        })
        .collect();
    IndicatorAchievement {
        code: facts.id.clone(),
        program: facts.id.clone(),
        program_name: facts.name.clone(),
        dimension: facts.dimension.clone(),
        name: ind.name.clone(),
        unit: ind.unit.clone(),
        direction: ind.direction,
        baseline: ind.baseline.clone(),
        target: target.clone(),
        actual,
        met: a.is_some_and(|a| a >= 1000),
        achievement: a,
        history,
    }
}

fn comparison(key: &str, label: &str, planned: Amount, realised: Amount) -> Comparison {
    Comparison {
        key: key.to_string(),
        label: label.to_string(),
        planned,
        realised,
        absorption: absorption(realised, planned),
        over_plan: realised > planned,
    }
}

fn source_index(source: BudgetSource) -> usize {
    BudgetSource::ALL
        .iter()
        .position(|s| *s == source)
        .unwrap_or(0)
}

fn budget(
    plan: &Plan,
    cells: &BTreeMap<(usize, usize), (Amount, Amount)>,
    by_program: Vec<Comparison>,
) -> BudgetComparison {
    let dim_label = |d: usize| -> (String, String) {
        plan.dimensions
            .get(d)
            .map(|x| (x.key.clone(), x.label.clone()))
            .unwrap_or_else(|| ("other".to_string(), "other".to_string()))
    };
    let mut by_dimension = Vec::new();
    let mut grouped: Vec<DimensionSources> = Vec::new();
    let mut source_totals = [(0 as Amount, 0 as Amount); BudgetSource::ALL.len()];
    let mut current: Option<usize> = None;
    for (&(d, s), &(p, r)) in cells {
        if current != Some(d) {
            let (key, label) = dim_label(d);
            grouped.push(DimensionSources {
                total: comparison(&key, &label, 0, 0),
                key,
                label,
                sources: Vec::new(),
            });
            current = Some(d);
        }
        let source = BudgetSource::ALL[s.min(BudgetSource::ALL.len() - 1)];
        if let Some(g) = grouped.last_mut() {
            g.sources.push(comparison(source.key(), source.key(), p, r));
            g.total = comparison(&g.key, &g.label, g.total.planned + p, g.total.realised + r);
        }
        source_totals[s].0 += p;
        source_totals[s].1 += r;
    }
    for g in &grouped {
        by_dimension.push(g.total.clone());
    }
    let by_source: Vec<Comparison> = BudgetSource::ALL
        .iter()
        .zip(source_totals)
        .filter(|(_, (p, r))| *p > 0 || *r > 0)
        .map(|(s, (p, r))| comparison(s.key(), s.key(), p, r))
        .collect();
    let planned = by_source.iter().map(|c| c.planned).sum();
    let realised = by_source.iter().map(|c| c.realised).sum();
    BudgetComparison {
        by_dimension,
        by_source,
        cells: grouped,
        by_program,
        planned,
        realised,
        absorption: absorption(realised, planned),
        axis_max: 100,
    }
}

fn status_counts<'a>(programs: impl Iterator<Item = &'a ProgramStatus>) -> Vec<StatusCount> {
    let mut counts = [0usize; Status::ALL.len() + 1];
    for p in programs {
        match p.status {
            Some(s) => counts[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)] += 1,
            None => counts[Status::ALL.len()] += 1,
        }
    }
    Status::ALL
        .iter()
        .map(|s| s.key())
        .chain(std::iter::once("not_reported"))
        .zip(counts)
        .map(|(key, count)| StatusCount { key, count })
        .collect()
}

fn scores(facts: &Facts, report: Option<&Monitoring>) -> Vec<DimensionScore> {
    derive(&facts.inputs)
        .into_iter()
        .map(|(dimension, derived, basis)| {
            let assessed = report
                .and_then(|m| m.assessment.as_ref())
                .and_then(|a| a.of(dimension));
            let (score, source) = match assessed {
                Some(a) => (assessed_hundredths(a.score), ScoreSource::SelfAssessed),
                None => (derived, ScoreSource::Derived),
            };
            DimensionScore {
                dimension,
                key: dimension.key(),
                weight: 0,
                score,
                weighted: 0,
                source,
                derived,
                basis,
                notes: assessed.and_then(|a| a.notes.clone()),
                evidence: assessed.map(|a| a.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn is_link(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

fn evidence(facts: &Facts, m: &Monitoring) -> Vec<Evidence> {
    let mut out = Vec::new();
    for (id, name, items) in &facts.evidence {
        for e in items {
            out.push(Evidence {
                owner: id.clone(),
                owner_label: name.clone(),
                target: e.clone(),
                is_link: is_link(e),
            });
        }
    }
    if let Some(a) = &m.assessment {
        for d in EvaluationDimension::ALL {
            if let Some(s) = a.of(d) {
                for e in &s.evidence {
                    out.push(Evidence {
                        owner: d.key().to_string(),
                        owner_label: d.key().to_string(),
                        target: e.clone(),
                        is_link: is_link(e),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
