//! The typed input model: what `masterplan.yaml` and `pokja/<dimension>.yaml` say, exactly as the
//! input contract (docs/reference/input.md) defines it. Plain data, no behaviour beyond small
//! helpers; every struct rejects unknown keys so a misspelt key is an error, not a silent loss.
//!
//! Locations (line and column) are not stored here: the loader keeps a per-file map from field
//! path (`programs[2].lead`) to location, so validation can speak in paths and still point at lines.

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A calendar year, as written in the inputs (`start_year: 2023`).
pub type Year = i32;

/// An amount of money in whole Rupiah.
pub type Rupiah = u64;

/// A whole project: the region file, the pokja files that exist, and where they came from.
#[derive(Debug, Clone, Serialize)]
pub struct Project {
    /// The project folder.
    pub root: PathBuf,
    pub masterplan: Masterplan,
    /// The pokja files that were found and parsed, in taxonomy order.
    pub pokja: Vec<PokjaFile>,
    /// The monitoring files (`monitoring/<year>.yaml`) that were found and parsed, in year order.
    /// Empty for a project without a monitoring/ folder.
    pub monitoring: Vec<MonitoringFile>,
}

/// One parsed pokja file.
#[derive(Debug, Clone, Serialize)]
pub struct PokjaFile {
    /// Path relative to the project root, with forward slashes: `pokja/economy.yaml`.
    pub file: String,
    pub pokja: Pokja,
}

/// `masterplan.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Masterplan {
    pub region: Region,
    pub period: Period,
    #[serde(default)]
    pub language: Language,
    /// A built-in taxonomy name (`kominfo-2017`) or a path to a taxonomy YAML file.
    #[serde(default)]
    pub taxonomy: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Kata pengantar; Markdown.
    #[serde(default)]
    pub foreword: Option<String>,
    pub vision: String,
    pub missions: Vec<String>,
    #[serde(default)]
    pub rpjmd: Option<Rpjmd>,
    pub opd: Vec<Opd>,
    #[serde(default)]
    pub team: Option<Team>,
    #[serde(default)]
    pub legal_basis: Option<Vec<String>>,
    /// How the yearly evaluation weighs its five dimensions.
    #[serde(default)]
    pub evaluation: Option<EvaluationConfig>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: RegionType,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub capital: Option<String>,
    /// The head of region: Bupati, Wali Kota, Gubernur or Kepala Desa.
    #[serde(default)]
    pub head: Option<String>,
    #[serde(default)]
    pub area_km2: Option<f64>,
    #[serde(default)]
    pub population: Option<u64>,
    /// Kecamatan.
    #[serde(default)]
    pub districts: Option<u32>,
    /// Desa/kelurahan.
    #[serde(default)]
    pub villages: Option<u32>,
    /// PNG or JPEG, relative to the project folder.
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RegionType {
    Kabupaten,
    Kota,
    Provinsi,
    Desa,
}

impl RegionType {
    pub const ALL: [RegionType; 4] = [
        RegionType::Kabupaten,
        RegionType::Kota,
        RegionType::Provinsi,
        RegionType::Desa,
    ];

    /// The key as written in YAML.
    pub fn key(self) -> &'static str {
        match self {
            RegionType::Kabupaten => "kabupaten",
            RegionType::Kota => "kota",
            RegionType::Provinsi => "provinsi",
            RegionType::Desa => "desa",
        }
    }
}

/// The plausible first years of a masterplan (`period.start_year`; `init --start-year`).
pub const START_YEARS: std::ops::RangeInclusive<Year> = 1945..=2200;
/// The allowed lengths of a masterplan in years (`period.years`; `init --years`).
pub const PERIOD_YEARS: std::ops::RangeInclusive<u32> = 5..=20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start_year: Year,
    /// Default 10; allowed 5..=20.
    #[serde(default = "default_years")]
    pub years: u32,
}

fn default_years() -> u32 {
    10
}

impl Period {
    /// The last year of the period (inclusive). Saturates instead of overflowing on absurd input.
    pub fn end_year(&self) -> Year {
        self.start_year
            .saturating_add(i32::try_from(self.years).unwrap_or(i32::MAX))
            .saturating_sub(1)
    }

    /// Every year of the period, in order.
    pub fn year_list(&self) -> Vec<Year> {
        (self.start_year..=self.end_year()).collect()
    }

    pub fn contains(&self, year: Year) -> bool {
        year >= self.start_year && year <= self.end_year()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Id,
    En,
}

impl Language {
    pub fn key(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rpjmd {
    /// `[2021, 2026]`: first and last year.
    #[serde(default)]
    pub period: Option<[Year; 2]>,
    #[serde(default)]
    pub vision: Option<String>,
    #[serde(default)]
    pub missions: Vec<RpjmdMission>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RpjmdMission {
    pub id: String,
    pub text: String,
}

/// Organisasi perangkat daerah: an organisation that owns programmes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opd {
    pub code: String,
    pub name: String,
    /// The head of the OPD, named on the commitment sheet.
    #[serde(default)]
    pub head: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Team {
    #[serde(default)]
    pub decree: Option<String>,
    /// Dewan Smart City.
    #[serde(default)]
    pub council: Vec<Member>,
    /// Tim Pelaksana.
    #[serde(default)]
    pub implementers: Vec<Member>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
}

/// `pokja/<dimension>.yaml`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pokja {
    /// Must equal the file name and a taxonomy dimension key.
    pub dimension: String,
    /// An OPD code.
    pub coordinator: String,
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub targets: Vec<String>,
    #[serde(default)]
    pub issues: Vec<String>,
    #[serde(default)]
    pub readiness: Option<Readiness>,
    #[serde(default)]
    pub swot: Option<Swot>,
    /// TOWS strategies drawn from the SWOT (Bimtek 3).
    #[serde(default)]
    pub strategies: Option<Strategies>,
    /// Element key -> why this dimension has no programme for that element.
    #[serde(default)]
    pub omitted_elements: BTreeMap<String, String>,
    #[serde(default)]
    pub programs: Vec<Program>,
}

/// Bimtek 1 readiness analysis.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readiness {
    #[serde(default)]
    pub structure: Option<ReadinessScore>,
    #[serde(default)]
    pub infrastructure: Option<ReadinessScore>,
    #[serde(default)]
    pub superstructure: Option<ReadinessScore>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadinessScore {
    /// 1..=5.
    pub score: u8,
    /// 1..=5: the readiness aimed for at the end of the period (gap = target - score).
    #[serde(default)]
    pub target: Option<u8>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Swot {
    #[serde(default)]
    pub strengths: Vec<String>,
    #[serde(default)]
    pub weaknesses: Vec<String>,
    #[serde(default)]
    pub opportunities: Vec<String>,
    #[serde(default)]
    pub threats: Vec<String>,
}

/// The TOWS matrix: strategies crossing the SWOT's internal and external factors.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategies {
    /// Strengths x opportunities.
    #[serde(default)]
    pub so: Vec<String>,
    /// Weaknesses x opportunities.
    #[serde(default)]
    pub wo: Vec<String>,
    /// Strengths x threats.
    #[serde(default)]
    pub st: Vec<String>,
    /// Weaknesses x threats.
    #[serde(default)]
    pub wt: Vec<String>,
}

/// One entry of a programme's risk register.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub risk: String,
    /// 1..=5.
    pub likelihood: u8,
    /// 1..=5.
    pub impact: u8,
    #[serde(default)]
    pub mitigation: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Unique across the project; `[A-Z0-9-]+`.
    pub id: String,
    pub name: String,
    /// An element key of this dimension in the taxonomy.
    pub element: String,
    pub category: Category,
    /// Markdown.
    #[serde(default)]
    pub description: Option<String>,
    /// The owning OPD code.
    pub lead: String,
    #[serde(default)]
    pub support: Vec<String>,
    pub start: Year,
    pub end: Year,
    #[serde(default)]
    pub budget: Vec<BudgetLine>,
    #[serde(default)]
    pub outputs: Vec<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub quick_win: bool,
    /// 1..=5: expected impact on citizens.
    #[serde(default)]
    pub impact: Option<u8>,
    /// 1..=5: cost and difficulty.
    #[serde(default)]
    pub effort: Option<u8>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub rpjmd_missions: Vec<String>,
    /// 1..=17.
    #[serde(default)]
    pub sdgs: Vec<u8>,
    /// The programme's risk register.
    #[serde(default)]
    pub risks: Vec<Risk>,
}

/// A programme counts as large, and so should carry a risk register, when its budget is over
/// this many Rupiah ...
pub const LARGE_PROGRAM_BUDGET: Rupiah = 1_000_000_000;
/// ... or when it runs longer than this many years.
pub const LARGE_PROGRAM_YEARS: u32 = 3;

impl Program {
    /// The sum of the programme's budget lines, in Rupiah (saturating: amounts are bounded by
    /// validation, this only keeps a hostile file from overflowing).
    pub fn total_budget(&self) -> Rupiah {
        self.budget
            .iter()
            .fold(0 as Rupiah, |sum, line| sum.saturating_add(line.amount))
    }

    /// Years from `start` to `end`, both included (0 when `end` is before `start`).
    pub fn duration_years(&self) -> u32 {
        u32::try_from(i64::from(self.end) + 1 - i64::from(self.start)).unwrap_or(0)
    }

    /// Large enough that a mentor expects its risks to be registered: a budget over
    /// [`LARGE_PROGRAM_BUDGET`] or longer than [`LARGE_PROGRAM_YEARS`] years.
    pub fn is_large(&self) -> bool {
        self.total_budget() > LARGE_PROGRAM_BUDGET || self.duration_years() > LARGE_PROGRAM_YEARS
    }
}

/// Action-plan category (rencana aksi), as used at Bimtek 2.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Policy,
    Infrastructure,
    Application,
    Literacy,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Policy,
        Category::Infrastructure,
        Category::Application,
        Category::Literacy,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Category::Policy => "policy",
            Category::Infrastructure => "infrastructure",
            Category::Application => "application",
            Category::Literacy => "literacy",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub source: BudgetSource,
    pub amount: Rupiah,
    /// When absent the amount is spread evenly over start..=end, the remainder on the last year.
    #[serde(default)]
    pub year: Option<Year>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BudgetSource {
    Apbd,
    Apbn,
    Dak,
    DanaDesa,
    /// The village budget (APBDes).
    Apbdes,
    /// Alokasi Dana Desa.
    Add,
    Kpbu,
    Csr,
    Private,
    Grant,
    Other,
}

impl BudgetSource {
    pub const ALL: [BudgetSource; 11] = [
        BudgetSource::Apbd,
        BudgetSource::Apbn,
        BudgetSource::Dak,
        BudgetSource::DanaDesa,
        BudgetSource::Apbdes,
        BudgetSource::Add,
        BudgetSource::Kpbu,
        BudgetSource::Csr,
        BudgetSource::Private,
        BudgetSource::Grant,
        BudgetSource::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            BudgetSource::Apbd => "apbd",
            BudgetSource::Apbn => "apbn",
            BudgetSource::Dak => "dak",
            BudgetSource::DanaDesa => "dana_desa",
            BudgetSource::Apbdes => "apbdes",
            BudgetSource::Add => "add",
            BudgetSource::Kpbu => "kpbu",
            BudgetSource::Csr => "csr",
            BudgetSource::Private => "private",
            BudgetSource::Grant => "grant",
            BudgetSource::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: String,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<Value>,
    /// Increase (default) or decrease: whether a higher or a lower value is better.
    #[serde(default)]
    pub direction: Direction,
    /// Year -> target; years inside the period.
    #[serde(default)]
    pub targets: BTreeMap<Year, Value>,
}

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Higher is better (the default).
    #[default]
    Increase,
    /// Lower is better (response times, poverty rate, ...).
    Decrease,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::Increase, Direction::Decrease];

    pub fn key(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
        }
    }

    /// True for the default, so serialisation can leave it out.
    pub fn is_increase(&self) -> bool {
        *self == Direction::Increase
    }
}

/// An indicator value: a number (`100`, `12.5`) or a short text (`tersedia`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Masterplan {
    /// The OPD with this code, if any.
    pub fn opd(&self, code: &str) -> Option<&Opd> {
        self.opd.iter().find(|o| o.code == code)
    }
}

impl Project {
    /// Every programme of every pokja, in taxonomy order then file order.
    pub fn programs(&self) -> impl Iterator<Item = (&PokjaFile, &Program)> {
        self.pokja
            .iter()
            .flat_map(|p| p.pokja.programs.iter().map(move |prog| (p, prog)))
    }
}

/// `evaluation:` in masterplan.yaml: how the yearly evaluation weighs its five dimensions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationConfig {
    #[serde(default)]
    pub weights: Option<Weights>,
}

/// The weights of the five evaluation dimensions, in percent; they must sum to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub baseline: u32,
    pub output: u32,
    pub outcome: u32,
    pub impact: u32,
    pub quick_win: u32,
}

impl Default for Weights {
    /// One published weighting: 10/20/30/30/10.
    fn default() -> Self {
        Weights {
            baseline: 10,
            output: 20,
            outcome: 30,
            impact: 30,
            quick_win: 10,
        }
    }
}

impl Weights {
    /// The weight of one evaluation dimension.
    pub fn of(&self, d: EvaluationDimension) -> u32 {
        match d {
            EvaluationDimension::Baseline => self.baseline,
            EvaluationDimension::Output => self.output,
            EvaluationDimension::Outcome => self.outcome,
            EvaluationDimension::Impact => self.impact,
            EvaluationDimension::QuickWin => self.quick_win,
        }
    }

    /// The sum of the five weights (must be 100), without overflow.
    pub fn sum(&self) -> u64 {
        EvaluationDimension::ALL
            .iter()
            .map(|d| u64::from(self.of(*d)))
            .sum()
    }
}

/// The five dimensions of the yearly Kominfo evaluation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationDimension {
    /// Improvement since the last evaluation.
    Baseline,
    /// Policy, institutions, budget.
    Output,
    /// How far the plans are carried out.
    Outcome,
    /// Benefit to citizens, participation, sustainability.
    Impact,
    QuickWin,
}

impl EvaluationDimension {
    pub const ALL: [EvaluationDimension; 5] = [
        EvaluationDimension::Baseline,
        EvaluationDimension::Output,
        EvaluationDimension::Outcome,
        EvaluationDimension::Impact,
        EvaluationDimension::QuickWin,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EvaluationDimension::Baseline => "baseline",
            EvaluationDimension::Output => "output",
            EvaluationDimension::Outcome => "outcome",
            EvaluationDimension::Impact => "impact",
            EvaluationDimension::QuickWin => "quick_win",
        }
    }
}

impl Masterplan {
    /// The evaluation weights in force: the configured ones, or the default 10/20/30/30/10.
    pub fn weights(&self) -> Weights {
        self.evaluation
            .as_ref()
            .and_then(|e| e.weights)
            .unwrap_or_default()
    }
}

/// One parsed monitoring file.
#[derive(Debug, Clone, Serialize)]
pub struct MonitoringFile {
    /// Path relative to the project root, with forward slashes: `monitoring/2024.yaml`.
    pub file: String,
    pub monitoring: Monitoring,
}

/// `monitoring/<year>.yaml`: what was carried out in one year of the period.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// Equals the file name; a year inside the period.
    pub year: Year,
    /// When the report was compiled (`YYYY-MM-DD`).
    #[serde(default)]
    pub date: Option<String>,
    /// An OPD code.
    #[serde(default)]
    pub reported_by: Option<String>,
    /// Programme id -> what happened in this year.
    pub programs: BTreeMap<String, ProgramReport>,
    /// The region's self-assessment on the five evaluation dimensions.
    #[serde(default)]
    pub assessment: Option<Assessment>,
}

/// What happened to one programme in one year.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramReport {
    pub status: Status,
    /// Percent of the work planned up to this year, 0..=100.
    #[serde(default)]
    pub progress: Option<f64>,
    /// Money actually spent in this year.
    #[serde(default)]
    pub budget: Vec<Spending>,
    /// Outputs delivered (text).
    #[serde(default)]
    pub outputs: Vec<String>,
    /// Indicator name (as in the pokja file) -> actual value this year.
    #[serde(default)]
    pub indicators: BTreeMap<String, Value>,
    /// Links or project-relative paths.
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// Kendala.
    #[serde(default)]
    pub obstacles: Option<String>,
}

/// Money actually spent from one source in the reported year.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spending {
    pub source: BudgetSource,
    pub amount: Rupiah,
}

/// The status of a programme in a reported year.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    OnTrack,
    Delayed,
    Done,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::OnTrack,
        Status::Delayed,
        Status::Done,
        Status::Cancelled,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::OnTrack => "on_track",
            Status::Delayed => "delayed",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }
}

/// The self-assessment of a monitoring file: a score per evaluation dimension.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    #[serde(default)]
    pub baseline: Option<AssessedScore>,
    #[serde(default)]
    pub output: Option<AssessedScore>,
    #[serde(default)]
    pub outcome: Option<AssessedScore>,
    #[serde(default)]
    pub impact: Option<AssessedScore>,
    #[serde(default)]
    pub quick_win: Option<AssessedScore>,
}

impl Assessment {
    /// The self-assessed score of one evaluation dimension, if given.
    pub fn of(&self, d: EvaluationDimension) -> Option<&AssessedScore> {
        match d {
            EvaluationDimension::Baseline => self.baseline.as_ref(),
            EvaluationDimension::Output => self.output.as_ref(),
            EvaluationDimension::Outcome => self.outcome.as_ref(),
            EvaluationDimension::Impact => self.impact.as_ref(),
            EvaluationDimension::QuickWin => self.quick_win.as_ref(),
        }
    }
}

/// One self-assessed score, 0..=5, with its notes and evidence.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessedScore {
    pub score: f64,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Project {
    /// The monitoring file of one year, if any.
    pub fn monitoring_of(&self, year: Year) -> Option<&MonitoringFile> {
        self.monitoring.iter().find(|m| m.monitoring.year == year)
    }
}
