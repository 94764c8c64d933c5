//! Plan: derived facts (quick wins, roadmap, budgets, indicator targets, dependency order,
//! responsibility matrix, readiness summary, counts). Pure functions over the model.
//!
//! Everything here is computed once, in linear (or `n log n`) time, so the templates only ever
//! iterate: no template has to search. Money is exact integer Rupiah ([`Amount`], `u128`), never a
//! float, and every total is the sum of the cells it totals (see [`Budget`]).
//!
//! The rules (documented for planners in docs/reference/document.md):
//! - **Horizons** ([`horizons`]): jangka pendek is the first year of the period; jangka menengah
//!   runs from the second year through year `min(5, ceil(n / 2))`; jangka panjang is the rest.
//!   A 10- or 20-year period gives 1 / 2-5 / 6-n; a 5-year period gives 1 / 2-3 / 4-5. A programme
//!   belongs to the horizon of its start year.
//! - **Budget** ([`spread`]): a line with a year counts in that year; a line without one is spread
//!   evenly over the programme's `start..=end` in round figures (four significant digits, at
//!   least whole Rp1.000: [`spread_unit`]), the rest on the last year. Years outside
//!   the period (invalid input, rejected by `check`) are counted in the nearest year of the period,
//!   so the totals still agree.

mod budget;
mod gap;
mod horizon;
mod priority;
mod readiness;
mod roadmap;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::model::{BudgetSource, Category, Language, Program, Project, Value, Year};
use crate::taxonomy::Taxonomy;

pub mod risk;
pub use budget::{SPREAD_UNIT, planned_in_year, spread, spread_unit};
pub use horizon::{horizon_of, horizons, schedule};
pub use roadmap::dependency_order;

use budget::{line_by_year, program_budget, source_index, year_slot};
pub use gap::{AspectGap, GapAnalysis, GapRow};
pub use priority::{HIGH as PRIORITY_HIGH, PriorityMatrix, PriorityPoint, Quadrant, QuadrantGroup};
use readiness::readiness;
use roadmap::roadmap;

/// An amount of money in whole Rupiah, wide enough that no sum of `u64` amounts overflows.
pub type Amount = u128;

/// Everything the document derives from the inputs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    /// The document language (labels below are in it).
    pub language: Language,
    /// Every year of the period, in order; every per-year vector below is aligned with it.
    pub years: Vec<Year>,
    /// The planning horizons; empty ones (a very short period) are left out.
    pub horizons: Vec<Horizon>,
    /// One entry per dimension: the taxonomy's, in its order, then any dimension a pokja file
    /// names that the taxonomy lacks (invalid input, kept so nothing is lost).
    pub dimensions: Vec<DimensionFacts>,
    /// Every programme, in project order (taxonomy order, then file order).
    pub programs: Vec<ProgramFacts>,
    pub quick_wins: Vec<QuickWin>,
    pub roadmap: Roadmap,
    pub budget: Budget,
    /// Indicator x year targets, in programme order.
    pub indicators: Vec<IndicatorRow>,
    /// Programme ids so that each comes after what it depends on; ties keep project order.
    /// Programmes caught in a dependency cycle come last, in project order.
    pub dependency_order: Vec<String>,
    /// The programmes that could not be ordered because of a cycle (empty for valid input).
    pub dependency_cycle: Vec<String>,
    pub responsibility: Responsibility,
    pub readiness: ReadinessSummary,
    /// The readiness gap analysis (dimensions with a readiness `target`).
    pub gap: GapAnalysis,
    /// The priority matrix (impact x effort).
    pub priority: PriorityMatrix,
    pub counts: Counts,
}

/// The three planning horizons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HorizonKey {
    /// Jangka pendek.
    Short,
    /// Jangka menengah.
    Medium,
    /// Jangka panjang.
    Long,
}

impl HorizonKey {
    pub const ALL: [HorizonKey; 3] = [HorizonKey::Short, HorizonKey::Medium, HorizonKey::Long];

    pub fn key(self) -> &'static str {
        match self {
            HorizonKey::Short => "short",
            HorizonKey::Medium => "medium",
            HorizonKey::Long => "long",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Horizon {
    pub key: HorizonKey,
    pub first: Year,
    pub last: Year,
}

impl Horizon {
    pub fn contains(&self, year: Year) -> bool {
        year >= self.first && year <= self.last
    }
}

/// Facts about one dimension.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionFacts {
    pub key: String,
    pub label: String,
    /// Whether its pokja file exists.
    pub present: bool,
    pub programs: usize,
    pub quick_wins: usize,
    pub budget: Amount,
    /// Programmes per element: the taxonomy's elements in order (zero counts included), then any
    /// element a programme names that the taxonomy lacks.
    pub elements: Vec<KeyCount>,
    /// Programmes per action-plan category, in [`Category::ALL`] order (zero counts included).
    pub categories: Vec<KeyCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyCount {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// An OPD named by code, with its name when the OPD list has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpdRef {
    pub code: String,
    pub name: String,
}

/// Derived facts about one programme.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramFacts {
    pub id: String,
    pub name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub element: String,
    pub element_label: String,
    pub category: Category,
    pub lead: OpdRef,
    pub support: Vec<OpdRef>,
    pub start: Year,
    pub end: Year,
    /// `2023` or `2023–2024`.
    pub schedule: String,
    pub horizon: HorizonKey,
    pub quick_win: bool,
    /// Aligned with [`Plan::years`].
    pub budget_by_year: Vec<Amount>,
    pub budget_total: Amount,
    /// Per source with a non-zero amount, in [`BudgetSource::ALL`] order.
    pub budget_by_source: Vec<SourceAmount>,
    /// The dependencies that name an existing programme, in the order written.
    pub depends_on: Vec<String>,
    /// The programmes that depend on this one, in project order.
    pub dependents: Vec<String>,
    /// Position (0-based) in [`Plan::dependency_order`].
    pub order: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceAmount {
    pub source: BudgetSource,
    pub amount: Amount,
}

/// One quick win, as the Quick Win chapter lists it.
#[derive(Debug, Clone, Serialize)]
pub struct QuickWin {
    /// 1-based number in the list.
    pub no: usize,
    pub program: String,
    pub name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub element: String,
    pub element_label: String,
    pub lead: OpdRef,
    pub start: Year,
    pub end: Year,
    pub schedule: String,
    pub budget: Amount,
    pub outputs: Vec<String>,
    /// Indicator names.
    pub indicators: Vec<String>,
    pub impact: Option<u8>,
    pub effort: Option<u8>,
}

/// The programme x year matrix, grouped by horizon.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Roadmap {
    pub years: Vec<Year>,
    /// One group per horizon that has programmes, in horizon order.
    pub groups: Vec<RoadmapGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoadmapGroup {
    pub horizon: HorizonKey,
    pub first: Year,
    pub last: Year,
    /// Ordered by start year, then dimension, then project order.
    pub rows: Vec<RoadmapRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoadmapRow {
    pub program: String,
    pub name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub lead: String,
    pub quick_win: bool,
    pub start: Year,
    pub end: Year,
    /// Aligned with [`Roadmap::years`]: whether the programme runs that year.
    pub active: Vec<bool>,
}

/// Budget tables. Invariants (tested): every row's `total` is the sum of its `per_year`;
/// `per_year[i]` is the sum of the rows' `per_year[i]` both over `by_dimension` and over
/// `by_source`; `total` is the sum of `per_year` and of the programmes' totals.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Budget {
    pub years: Vec<Year>,
    /// Every dimension of [`Plan::dimensions`], zero rows included.
    pub by_dimension: Vec<BudgetRow>,
    /// The sources with a non-zero total, in [`BudgetSource::ALL`] order.
    pub by_source: Vec<BudgetRow>,
    /// Column totals.
    pub per_year: Vec<Amount>,
    pub total: Amount,
    /// Programmes with no budget line (or only zero amounts).
    pub unfunded: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetRow {
    pub key: String,
    pub label: String,
    pub per_year: Vec<Amount>,
    pub total: Amount,
}

/// One indicator with its target per year.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    pub program: String,
    pub program_name: String,
    pub dimension: String,
    pub dimension_label: String,
    pub name: String,
    pub unit: Option<String>,
    pub baseline: Option<Value>,
    /// Aligned with [`Plan::years`].
    pub targets: Vec<Option<Value>>,
    /// The target of the latest year (inside the period) that has one, and that year.
    pub final_target: Option<Value>,
    pub final_year: Option<Year>,
}

/// Who does what: OPD x programme.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Responsibility {
    /// The OPDs that lead or support at least one programme, in the order of the OPD list, then
    /// codes the list lacks (invalid input) in order of first use.
    pub opds: Vec<OpdRef>,
    /// One row per programme, in project order; `roles` is aligned with `opds`.
    pub rows: Vec<ResponsibilityRow>,
    /// Per OPD of the OPD list (all of them, in order; then unknown codes): what it leads and
    /// supports.
    pub per_opd: Vec<OpdLoad>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    Support,
    None,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResponsibilityRow {
    pub program: String,
    pub name: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpdLoad {
    pub code: String,
    pub name: String,
    pub head: Option<String>,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Budget of the programmes it leads.
    pub budget: Amount,
}

/// Readiness scores per dimension.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadinessSummary {
    pub rows: Vec<ReadinessRow>,
    /// Mean score per aspect over the dimensions that scored it (two decimals).
    pub structure: Option<f64>,
    pub infrastructure: Option<f64>,
    pub superstructure: Option<f64>,
    /// Mean of the dimensions' averages (two decimals).
    pub average: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReadinessRow {
    pub dimension: String,
    pub label: String,
    /// Whether the pokja gave any score.
    pub assessed: bool,
    pub structure: Option<u8>,
    pub infrastructure: Option<u8>,
    pub superstructure: Option<u8>,
    pub structure_notes: Option<String>,
    pub infrastructure_notes: Option<String>,
    pub superstructure_notes: Option<String>,
    /// Mean of the scores given (two decimals).
    pub average: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub programs: usize,
    pub quick_wins: usize,
    /// Dimensions of the taxonomy.
    pub dimensions: usize,
    /// Pokja files present.
    pub pokja: usize,
    /// OPDs in the OPD list.
    pub opd: usize,
    /// OPDs that lead or support a programme.
    pub opd_involved: usize,
    pub indicators: usize,
    /// Programmes per category over all dimensions, in [`Category::ALL`] order.
    pub categories: Vec<KeyCount>,
    /// Programmes per horizon, in horizon order (all three).
    pub horizons: Vec<KeyCount>,
}

/// Derive the plan. Never panics; odd input (unknown codes, years outside the period, cycles)
/// is handled by the rules in the module documentation.
pub fn plan(project: &Project, taxonomy: &Taxonomy) -> Plan {
    let language = project.masterplan.language;
    let period = project.masterplan.period;
    let years = period.year_list();
    let horizons = horizons(&period);

    // Dimensions: taxonomy order, then unknown pokja dimensions.
    let mut dimensions: Vec<DimensionFacts> = Vec::new();
    let mut dim_index: HashMap<&str, usize> = HashMap::new();
    let mut element_index: Vec<HashMap<String, usize>> = Vec::new();
    for d in &taxonomy.dimensions {
        if dim_index.contains_key(d.key.as_str()) {
            continue;
        }
        dim_index.insert(d.key.as_str(), dimensions.len());
        let mut elements = Vec::new();
        let mut idx = HashMap::new();
        for e in &d.elements {
            if idx.contains_key(&e.key) {
                continue;
            }
            idx.insert(e.key.clone(), elements.len());
            elements.push(KeyCount {
                key: e.key.clone(),
                label: e.label.get(language).to_string(),
                count: 0,
            });
        }
        element_index.push(idx);
        dimensions.push(DimensionFacts {
            key: d.key.clone(),
            label: d.label.get(language).to_string(),
            present: false,
            programs: 0,
            quick_wins: 0,
            budget: 0,
            elements,
            categories: category_counts(),
        });
    }
    for file in &project.pokja {
        let key = file.pokja.dimension.as_str();
        match dim_index.get(key) {
            Some(&i) => {
                if let Some(d) = dimensions.get_mut(i) {
                    d.present = true;
                }
            }
            None => {
                dim_index.insert(key, dimensions.len());
                element_index.push(HashMap::new());
                dimensions.push(DimensionFacts {
                    key: key.to_string(),
                    label: key.to_string(),
                    present: true,
                    programs: 0,
                    quick_wins: 0,
                    budget: 0,
                    elements: Vec::new(),
                    categories: category_counts(),
                });
            }
        }
    }

    // OPDs.
    let mut opd_index: HashMap<&str, usize> = HashMap::new();
    let mut per_opd: Vec<OpdLoad> = Vec::new();
    for o in &project.masterplan.opd {
        if opd_index.contains_key(o.code.as_str()) {
            continue;
        }
        opd_index.insert(o.code.as_str(), per_opd.len());
        per_opd.push(OpdLoad {
            code: o.code.clone(),
            name: o.name.clone(),
            head: o.head.clone(),
            lead: Vec::new(),
            support: Vec::new(),
            budget: 0,
        });
    }
    let opd_count = per_opd.len();

    // Programmes.
    let all: Vec<(&str, &Program)> = project
        .programs()
        .map(|(f, p)| (f.pokja.dimension.as_str(), p))
        .collect();
    let mut id_index: HashMap<&str, usize> = HashMap::with_capacity(all.len());
    for (i, (_, p)) in all.iter().enumerate() {
        id_index.entry(p.id.as_str()).or_insert(i);
    }

    let mut programs: Vec<ProgramFacts> = Vec::with_capacity(all.len());
    let mut dim_of_program: Vec<usize> = Vec::with_capacity(all.len());
    for (dim_key, p) in &all {
        let di = dim_index.get(*dim_key).copied().unwrap_or(0);
        dim_of_program.push(di);
        let (dimension_label, element_label) = match dimensions.get_mut(di) {
            Some(d) => {
                d.programs += 1;
                if p.quick_win {
                    d.quick_wins += 1;
                }
                if let Some(c) = d.categories.iter_mut().find(|c| c.key == p.category.key()) {
                    c.count += 1;
                }
                let idx = element_index.get_mut(di);
                let ei = match idx.as_ref().and_then(|m| m.get(&p.element)) {
                    Some(&ei) => ei,
                    None => {
                        let ei = d.elements.len();
                        d.elements.push(KeyCount {
                            key: p.element.clone(),
                            label: p.element.clone(),
                            count: 0,
                        });
                        if let Some(m) = idx {
                            m.insert(p.element.clone(), ei);
                        }
                        ei
                    }
                };
                let element_label = match d.elements.get_mut(ei) {
                    Some(e) => {
                        e.count += 1;
                        e.label.clone()
                    }
                    None => p.element.clone(),
                };
                (d.label.clone(), element_label)
            }
            None => (dim_key.to_string(), p.element.clone()),
        };

        let budget_by_year = program_budget(p, &period, years.len());
        let budget_total: Amount = budget_by_year.iter().sum();
        let mut by_source: Vec<Amount> = vec![0; BudgetSource::ALL.len()];
        for line in &p.budget {
            if let Some(slot) = by_source.get_mut(source_index(line.source)) {
                *slot += Amount::from(line.amount);
            }
        }
        let budget_by_source = BudgetSource::ALL
            .iter()
            .zip(&by_source)
            .filter(|(_, a)| **a > 0)
            .map(|(s, a)| SourceAmount {
                source: *s,
                amount: *a,
            })
            .collect();

        let mut seen = BTreeSet::new();
        let depends_on: Vec<String> = p
            .depends_on
            .iter()
            .filter(|d| id_index.contains_key(d.as_str()) && seen.insert(d.as_str()))
            .cloned()
            .collect();

        programs.push(ProgramFacts {
            id: p.id.clone(),
            name: p.name.clone(),
            dimension: dim_key.to_string(),
            dimension_label,
            element: p.element.clone(),
            element_label,
            category: p.category,
            lead: opd_ref(project, &p.lead),
            support: p.support.iter().map(|c| opd_ref(project, c)).collect(),
            start: p.start,
            end: p.end,
            schedule: schedule(p.start, p.end),
            horizon: horizon_of(p.start, &horizons),
            quick_win: p.quick_win,
            budget_by_year,
            budget_total,
            budget_by_source,
            depends_on,
            dependents: Vec::new(),
            order: 0,
        });
    }

    // Dependents and dependency order.
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); programs.len()];
    for (i, p) in programs.iter().enumerate() {
        for d in &p.depends_on {
            if let Some(&j) = id_index.get(d.as_str())
                && let Some(list) = dependents.get_mut(j)
            {
                list.push(i);
            }
        }
    }
    for (i, list) in dependents.iter().enumerate() {
        let ids: Vec<String> = list
            .iter()
            .filter_map(|&k| programs.get(k).map(|p| p.id.clone()))
            .collect();
        if let Some(p) = programs.get_mut(i) {
            p.dependents = ids;
        }
    }
    let edges: Vec<Vec<usize>> = programs
        .iter()
        .map(|p| {
            p.depends_on
                .iter()
                .filter_map(|d| id_index.get(d.as_str()).copied())
                .collect()
        })
        .collect();
    let (order, cycle) = dependency_order(&edges);
    for (pos, &i) in order.iter().enumerate() {
        if let Some(p) = programs.get_mut(i) {
            p.order = pos;
        }
    }
    let name_of = |i: &usize| programs.get(*i).map(|p| p.id.clone());
    let dependency_order: Vec<String> = order.iter().filter_map(name_of).collect();
    let dependency_cycle: Vec<String> = cycle.iter().filter_map(name_of).collect();

    // Budget.
    let n = years.len();
    let mut dim_rows: Vec<Vec<Amount>> = vec![vec![0; n]; dimensions.len()];
    let mut source_rows: Vec<Vec<Amount>> = vec![vec![0; n]; BudgetSource::ALL.len()];
    let mut unfunded = Vec::new();
    for ((p, facts), &di) in all.iter().zip(&programs).zip(&dim_of_program) {
        if let Some(row) = dim_rows.get_mut(di) {
            for (cell, a) in row.iter_mut().zip(&facts.budget_by_year) {
                *cell += a;
            }
        }
        if let Some(d) = dimensions.get_mut(di) {
            d.budget += facts.budget_total;
        }
        if facts.budget_total == 0 {
            unfunded.push(facts.id.clone());
        }
        for line in &p.1.budget {
            if let Some(row) = source_rows.get_mut(source_index(line.source)) {
                for (cell, a) in row.iter_mut().zip(line_by_year(line, p.1, &period, n)) {
                    *cell += a;
                }
            }
        }
    }
    let mut per_year: Vec<Amount> = vec![0; n];
    for row in &dim_rows {
        for (t, a) in per_year.iter_mut().zip(row) {
            *t += a;
        }
    }
    let by_dimension: Vec<BudgetRow> = dimensions
        .iter()
        .zip(dim_rows)
        .map(|(d, per_year)| BudgetRow {
            key: d.key.clone(),
            label: d.label.clone(),
            total: per_year.iter().sum(),
            per_year,
        })
        .collect();
    let by_source: Vec<BudgetRow> = BudgetSource::ALL
        .iter()
        .zip(source_rows)
        .map(|(s, per_year)| BudgetRow {
            key: s.key().to_string(),
            label: s.key().to_string(),
            total: per_year.iter().sum(),
            per_year,
        })
        .filter(|r| r.total > 0)
        .collect();
    let budget = Budget {
        years: years.clone(),
        by_dimension,
        by_source,
        total: per_year.iter().sum(),
        per_year,
        unfunded,
    };

    // Quick wins.
    let quick_wins: Vec<QuickWin> = all
        .iter()
        .zip(&programs)
        .filter(|((_, p), _)| p.quick_win)
        .enumerate()
        .map(|(k, ((_, p), f))| QuickWin {
            no: k + 1,
            program: f.id.clone(),
            name: f.name.clone(),
            dimension: f.dimension.clone(),
            dimension_label: f.dimension_label.clone(),
            element: f.element.clone(),
            element_label: f.element_label.clone(),
            lead: f.lead.clone(),
            start: f.start,
            end: f.end,
            schedule: f.schedule.clone(),
            budget: f.budget_total,
            outputs: p.outputs.clone(),
            indicators: p.indicators.iter().map(|i| i.name.clone()).collect(),
            impact: p.impact,
            effort: p.effort,
        })
        .collect();

    // Roadmap.
    let roadmap = roadmap(&programs, &dim_of_program, &horizons, &years);

    // Indicators.
    let mut indicators = Vec::new();
    for ((_, p), f) in all.iter().zip(&programs) {
        for ind in &p.indicators {
            let mut targets: Vec<Option<Value>> = vec![None; n];
            for (y, v) in &ind.targets {
                if let Some(slot) = year_slot(*y, &period, n).and_then(|i| targets.get_mut(i)) {
                    *slot = Some(v.clone());
                }
            }
            let last = targets.iter().rposition(Option::is_some);
            let final_target = last.and_then(|i| targets.get(i).cloned().flatten());
            let final_year = last.and_then(|i| years.get(i).copied());
            indicators.push(IndicatorRow {
                program: f.id.clone(),
                program_name: f.name.clone(),
                dimension: f.dimension.clone(),
                dimension_label: f.dimension_label.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                baseline: ind.baseline.clone(),
                targets,
                final_target,
                final_year,
            });
        }
    }

    // Responsibility.
    for f in &programs {
        // A code named twice in one programme's support list counts once (support lists are
        // short, so a linear check per programme keeps this linear overall).
        let mut seen_support: Vec<&str> = Vec::new();
        for (code, role) in std::iter::once((&f.lead.code, Role::Lead))
            .chain(f.support.iter().map(|s| (&s.code, Role::Support)))
        {
            if role == Role::Support {
                if seen_support.contains(&code.as_str()) {
                    continue;
                }
                seen_support.push(code.as_str());
            }
            let i = match opd_index.get(code.as_str()) {
                Some(&i) => i,
                None => {
                    let i = per_opd.len();
                    opd_index.insert(code.as_str(), i);
                    per_opd.push(OpdLoad {
                        code: code.clone(),
                        name: code.clone(),
                        head: None,
                        lead: Vec::new(),
                        support: Vec::new(),
                        budget: 0,
                    });
                    i
                }
            };
            if let Some(o) = per_opd.get_mut(i) {
                match role {
                    Role::Lead => {
                        o.lead.push(f.id.clone());
                        o.budget += f.budget_total;
                    }
                    _ => o.support.push(f.id.clone()),
                }
            }
        }
    }
    // Involved OPDs: a column index for each OPD that has a role.
    let mut column_of: Vec<Option<usize>> = vec![None; per_opd.len()];
    let mut opds = Vec::new();
    for (i, o) in per_opd.iter().enumerate() {
        if !o.lead.is_empty() || !o.support.is_empty() {
            if let Some(c) = column_of.get_mut(i) {
                *c = Some(opds.len());
            }
            opds.push(OpdRef {
                code: o.code.clone(),
                name: o.name.clone(),
            });
        }
    }
    let rows: Vec<ResponsibilityRow> = programs
        .iter()
        .map(|f| {
            let mut roles = vec![Role::None; opds.len()];
            for s in &f.support {
                let col = opd_index
                    .get(s.code.as_str())
                    .and_then(|&i| column_of.get(i).copied().flatten());
                if let Some(r) = col.and_then(|c| roles.get_mut(c)) {
                    *r = Role::Support;
                }
            }
            let col = opd_index
                .get(f.lead.code.as_str())
                .and_then(|&i| column_of.get(i).copied().flatten());
            if let Some(r) = col.and_then(|c| roles.get_mut(c)) {
                *r = Role::Lead;
            }
            ResponsibilityRow {
                program: f.id.clone(),
                name: f.name.clone(),
                roles,
            }
        })
        .collect();
    let opd_involved = opds.len();
    let responsibility = Responsibility {
        opds,
        rows,
        per_opd,
    };

    // Readiness.
    let readiness = readiness(project, &dimensions);
    let readiness_of: HashMap<&str, &crate::model::Readiness> = project
        .pokja
        .iter()
        .filter_map(|f| Some((f.pokja.dimension.as_str(), f.pokja.readiness.as_ref()?)))
        .collect();
    let gap = gap::gap(dimensions.iter().map(|d| {
        (
            d.key.as_str(),
            d.label.as_str(),
            readiness_of.get(d.key.as_str()).copied(),
        )
    }));
    let priority = priority::priority(project.programs().map(|(_, p)| p));

    // Counts.
    let mut categories = category_counts();
    for f in &programs {
        if let Some(c) = categories.iter_mut().find(|c| c.key == f.category.key()) {
            c.count += 1;
        }
    }
    let horizon_counts = HorizonKey::ALL
        .iter()
        .map(|h| KeyCount {
            key: h.key().to_string(),
            label: h.key().to_string(),
            count: programs.iter().filter(|p| p.horizon == *h).count(),
        })
        .collect();
    let counts = Counts {
        programs: programs.len(),
        quick_wins: quick_wins.len(),
        dimensions: taxonomy.dimensions.len(),
        pokja: project.pokja.len(),
        opd: opd_count,
        opd_involved,
        indicators: indicators.len(),
        categories,
        horizons: horizon_counts,
    };

    Plan {
        language,
        years,
        horizons,
        dimensions,
        programs,
        quick_wins,
        roadmap,
        budget,
        indicators,
        dependency_order,
        dependency_cycle,
        responsibility,
        readiness,
        gap,
        priority,
        counts,
    }
}

fn category_counts() -> Vec<KeyCount> {
    Category::ALL
        .iter()
        .map(|c| KeyCount {
            key: c.key().to_string(),
            label: c.key().to_string(),
            count: 0,
        })
        .collect()
}

fn opd_ref(project: &Project, code: &str) -> OpdRef {
    OpdRef {
        code: code.to_string(),
        name: project
            .masterplan
            .opd(code)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| code.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetLine, Masterplan, Pokja, PokjaFile};

    fn masterplan(start: Year, years: u32) -> Masterplan {
        let src = format!(
            "region: {{ name: Buton, type: kabupaten, province: Sulawesi Tenggara }}\n\
             period: {{ start_year: {start}, years: {years} }}\n\
             vision: Buton Cerdas\n\
             missions: [Satu]\n\
             opd:\n  - {{ code: DKISP, name: Diskominfo }}\n  - {{ code: DINKES, name: Dinas Kesehatan }}\n  - {{ code: BAPPEDA, name: Bappeda }}\n"
        );
        crate::yaml::from_str(&src, "masterplan.yaml").expect("test masterplan parses")
    }

    fn program(id: &str, start: Year, end: Year) -> Program {
        let src = format!(
            "id: {id}\nname: Program {id}\nelement: service\ncategory: application\nlead: DKISP\nstart: {start}\nend: {end}\n"
        );
        crate::yaml::from_str(&src, "p").expect("test program parses")
    }

    fn pokja(dimension: &str, programs: Vec<Program>) -> PokjaFile {
        let src = format!("dimension: {dimension}\ncoordinator: DKISP\n");
        let mut pokja: Pokja = crate::yaml::from_str(&src, "pokja").expect("test pokja parses");
        pokja.programs = programs;
        PokjaFile {
            file: format!("pokja/{dimension}.yaml"),
            pokja,
        }
    }

    fn project(start: Year, years: u32, pokja: Vec<PokjaFile>) -> Project {
        Project {
            root: std::path::PathBuf::from("."),
            masterplan: masterplan(start, years),
            pokja,
            monitoring: Vec::new(),
        }
    }

    fn line(amount: u64, year: Option<Year>, source: BudgetSource) -> BudgetLine {
        BudgetLine {
            source,
            amount,
            year,
        }
    }

    #[test]
    fn planned_in_year_is_the_budget_chapters_cell() {
        let mut p = program("GOV-01", 2023, 2025);
        p.budget = vec![
            line(250_000_000, None, BudgetSource::Apbd),
            line(100_000_000, Some(2024), BudgetSource::Apbn),
            line(30_000_000, None, BudgetSource::Csr),
        ];
        let project = project(2023, 5, vec![pokja("governance", vec![p.clone()])]);
        let planned = plan(&project, &Taxonomy::default_builtin());
        let period = project.masterplan.period;
        for (i, year) in planned.years.iter().enumerate() {
            let cells = planned_in_year(&p, &period, *year);
            let sum: Amount = cells.iter().map(|c| c.amount).sum();
            assert_eq!(sum, planned.programs[0].budget_by_year[i], "{year}");
        }
        assert_eq!(
            planned_in_year(&p, &period, 2024),
            vec![
                SourceAmount {
                    source: BudgetSource::Apbd,
                    amount: 83_330_000
                },
                SourceAmount {
                    source: BudgetSource::Apbn,
                    amount: 100_000_000
                },
                SourceAmount {
                    source: BudgetSource::Csr,
                    amount: 10_000_000
                },
            ]
        );
        // Outside the period: nothing.
        assert!(planned_in_year(&p, &period, 2040).is_empty());
    }

    #[test]
    fn budget_totals_agree() {
        let mut a = program("GOV-01", 2023, 2025);
        a.budget = vec![
            line(100_000, None, BudgetSource::Apbd),
            line(50, Some(2024), BudgetSource::Csr),
        ];
        let mut b = program("GOV-02", 2024, 2024);
        b.budget = vec![line(1_000_000_007, None, BudgetSource::Apbn)];
        let mut c = program("ECO-01", 2023, 2027);
        c.element = "welfare".into();
        c.budget = vec![
            line(999, None, BudgetSource::Apbd),
            // Outside the period: counted in the last year.
            line(10, Some(2040), BudgetSource::Dak),
            line(u64::MAX, None, BudgetSource::Kpbu),
        ];
        let p = project(
            2023,
            5,
            vec![pokja("governance", vec![a, b]), pokja("economy", vec![c])],
        );
        let plan = plan(&p, &Taxonomy::default_builtin());
        let gov = &plan.programs[0];
        // Spread in round figures (at least whole thousands), the rest on the last year.
        assert_eq!(gov.budget_by_year, vec![33_000, 33_050, 34_000, 0, 0]);
        assert_eq!(gov.budget_total, 100_050);
        let eco = &plan.programs[2];
        assert_eq!(eco.budget_by_year.len(), 5);
        let max = u128::from(u64::MAX);
        let share = max / 5 / spread_unit(max / 5) * spread_unit(max / 5);
        // 999 is less than Rp1.000 a year: all of it in the last year.
        assert_eq!(eco.budget_by_year[0], share);
        assert_eq!(eco.budget_by_year[4], 999 + 10 + max - 4 * share);
        let expected = 100_050 + 1_000_000_007 + 999 + 10 + Amount::from(u64::MAX);
        assert_eq!(plan.budget.total, expected);
        assert_budget_invariants(&plan);
        // Sources in BudgetSource::ALL order, only non-zero ones.
        let keys: Vec<&str> = plan
            .budget
            .by_source
            .iter()
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(keys, vec!["apbd", "apbn", "dak", "kpbu", "csr"]);
        assert_eq!(plan.budget.by_source[2].per_year, vec![0, 0, 0, 0, 10]);
    }

    fn assert_budget_invariants(plan: &Plan) {
        let b = &plan.budget;
        let n = plan.years.len();
        for row in b.by_dimension.iter().chain(&b.by_source) {
            assert_eq!(row.per_year.len(), n);
            assert_eq!(
                row.total,
                row.per_year.iter().sum::<Amount>(),
                "{}",
                row.key
            );
        }
        for i in 0..n {
            let dim: Amount = b.by_dimension.iter().map(|r| r.per_year[i]).sum();
            let src: Amount = b.by_source.iter().map(|r| r.per_year[i]).sum();
            let prog: Amount = plan.programs.iter().map(|p| p.budget_by_year[i]).sum();
            assert_eq!(dim, b.per_year[i]);
            assert_eq!(src, b.per_year[i]);
            assert_eq!(prog, b.per_year[i]);
        }
        assert_eq!(b.total, b.per_year.iter().sum::<Amount>());
        assert_eq!(
            b.total,
            plan.programs.iter().map(|p| p.budget_total).sum::<Amount>()
        );
        assert_eq!(
            b.total,
            plan.dimensions.iter().map(|d| d.budget).sum::<Amount>()
        );
        for p in &plan.programs {
            assert_eq!(
                p.budget_total,
                p.budget_by_source.iter().map(|s| s.amount).sum::<Amount>()
            );
        }
    }

    #[test]
    fn plan_orders_dependencies_and_lists_quick_wins() {
        let mut a = program("GOV-01", 2023, 2024);
        a.depends_on = vec!["GOV-03".into(), "NOPE".into()];
        let mut b = program("GOV-02", 2023, 2023);
        b.quick_win = true;
        b.support = vec!["DINKES".into(), "XYZ".into()];
        let c = program("GOV-03", 2023, 2023);
        let mut d = program("ECO-01", 2024, 2026);
        d.element = "welfare".into();
        d.quick_win = true;
        d.lead = "BAPPEDA".into();
        let p = project(
            2023,
            10,
            vec![
                pokja("governance", vec![a, b, c]),
                pokja("economy", vec![d]),
            ],
        );
        let plan = plan(&p, &Taxonomy::default_builtin());
        assert_eq!(
            plan.dependency_order,
            vec!["GOV-02", "GOV-03", "GOV-01", "ECO-01"]
        );
        assert_eq!(plan.programs[0].depends_on, vec!["GOV-03"]);
        assert_eq!(plan.programs[2].dependents, vec!["GOV-01"]);
        assert_eq!(plan.programs[0].order, 2);
        let qw: Vec<&str> = plan.quick_wins.iter().map(|q| q.program.as_str()).collect();
        assert_eq!(qw, vec!["GOV-02", "ECO-01"]);
        assert_eq!(plan.quick_wins[1].no, 2);
        assert_eq!(plan.quick_wins[1].lead.name, "Bappeda");
        assert_eq!(plan.quick_wins[1].schedule, "2024–2026");
        assert_eq!(plan.quick_wins[1].dimension_label, "Smart Economy");
        assert_eq!(plan.quick_wins[1].element_label, "Kesejahteraan Masyarakat");
        assert_eq!(plan.counts.quick_wins, 2);
        assert_eq!(plan.counts.programs, 4);
        // Responsibility: involved OPDs in list order, then unknown codes.
        let codes: Vec<&str> = plan
            .responsibility
            .opds
            .iter()
            .map(|o| o.code.as_str())
            .collect();
        assert_eq!(codes, vec!["DKISP", "DINKES", "BAPPEDA", "XYZ"]);
        assert_eq!(
            plan.responsibility.rows[1].roles,
            vec![Role::Lead, Role::Support, Role::None, Role::Support]
        );
        // Counts per dimension and element.
        let gov = &plan.dimensions[0];
        assert!(gov.present);
        assert_eq!(gov.programs, 3);
        assert_eq!(gov.elements[0].count, 3);
        assert!(!plan.dimensions[1].present);
        assert_eq!(plan.dimensions.len(), 6);
        // Roadmap: one cell per year; groups by horizon of the start year.
        assert_eq!(plan.roadmap.years.len(), 10);
        assert_eq!(plan.roadmap.groups.len(), 2);
        assert_eq!(plan.roadmap.groups[0].horizon, HorizonKey::Short);
        assert_eq!(plan.roadmap.groups[0].rows.len(), 3);
        assert_eq!(plan.roadmap.groups[1].horizon, HorizonKey::Medium);
        let eco = &plan.roadmap.groups[1].rows[0];
        assert_eq!(eco.active.len(), 10);
        assert_eq!(
            eco.active.iter().filter(|a| **a).count(),
            3,
            "ECO-01 runs 2024-2026"
        );
    }

    #[test]
    fn indicators_are_aligned_with_years_and_readiness_averages() {
        let mut a = program("GOV-01", 2023, 2024);
        a.indicators = vec![crate::yaml::from_str(
            "name: Layanan online\nunit: layanan\nbaseline: 0\ntargets: { 2023: 10, 2025: 30, 2040: 99 }\n",
            "i",
        )
        .expect("indicator parses")];
        let mut f = pokja("governance", vec![a]);
        f.pokja.readiness = Some(
            crate::yaml::from_str(
                "structure: { score: 3 }\ninfrastructure: { score: 2, notes: Jaringan terbatas }\n",
                "r",
            )
            .expect("readiness parses"),
        );
        let plan = plan(&project(2023, 5, vec![f]), &Taxonomy::default_builtin());
        let row = &plan.indicators[0];
        assert_eq!(
            row.targets,
            vec![
                Some(Value::Number(10.0)),
                None,
                Some(Value::Number(30.0)),
                None,
                None
            ]
        );
        assert_eq!(row.final_target, Some(Value::Number(30.0)));
        assert_eq!(row.final_year, Some(2025));
        let r = &plan.readiness.rows[0];
        assert!(r.assessed);
        assert_eq!(r.average, Some(2.5));
        assert_eq!(r.superstructure, None);
        assert!(!plan.readiness.rows[1].assessed);
        assert_eq!(plan.readiness.average, Some(2.5));
        assert_eq!(plan.readiness.infrastructure, Some(2.0));
    }

    #[test]
    fn odd_input_does_not_panic() {
        // Empty project, zero-year period, unknown dimension and element, reversed years.
        let empty = plan(&project(2023, 0, vec![]), &Taxonomy::default_builtin());
        assert!(empty.years.is_empty());
        assert_eq!(empty.budget.total, 0);
        let mut a = program("X-1", 2030, 2020);
        a.element = "nothing".into();
        a.budget = vec![line(10, None, BudgetSource::Other)];
        let p = project(
            2023,
            20,
            vec![pokja("mystery", vec![a]), pokja("living", vec![])],
        );
        let plan = plan(&p, &Taxonomy::default_builtin());
        assert_eq!(plan.dimensions.len(), 7);
        assert_eq!(plan.dimensions[6].key, "mystery");
        assert_eq!(plan.dimensions[6].elements[0].key, "nothing");
        assert_eq!(plan.budget.total, 10);
        assert_budget_invariants(&plan);
        assert_eq!(plan.roadmap.years.len(), 20);
    }
}
