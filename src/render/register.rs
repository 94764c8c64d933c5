//! What the templates see of the TOWS strategies, the risk register and the omitted elements
//! (issue 11): strategies numbered per quadrant (`SO1`, `WT2`), each risk with its level
//! ([`crate::plan::risk`]), and the register of every risk of the plan for the appendix.

use serde::Serialize;

use crate::model::{Risk, Strategies};
use crate::plan::risk::{self, RiskLevel};

/// One TOWS strategy: `SO1`, `so`, the text.
#[derive(Debug, Clone, Serialize)]
pub struct StrategyView<'a> {
    pub code: String,
    /// `so` | `wo` | `st` | `wt`.
    pub kind: &'static str,
    pub text: &'a str,
}

/// The TOWS matrix of one dimension, one list per quadrant.
#[derive(Debug, Default, Serialize)]
pub struct TowsView<'a> {
    pub so: Vec<StrategyView<'a>>,
    pub wo: Vec<StrategyView<'a>>,
    pub st: Vec<StrategyView<'a>>,
    pub wt: Vec<StrategyView<'a>>,
    /// Every strategy in quadrant order (SO, WO, ST, WT), for the list in the dimension chapter.
    pub all: Vec<StrategyView<'a>>,
}

/// The TOWS view of a pokja's `strategies`, or `None` when it lists no strategy (the document
/// is then as without the field).
pub fn tows(s: Option<&Strategies>) -> Option<TowsView<'_>> {
    let s = s?;
    fn quadrant<'a>(kind: &'static str, items: &'a [String]) -> Vec<StrategyView<'a>> {
        items
            .iter()
            .filter(|t| !t.trim().is_empty())
            .enumerate()
            .map(|(i, t)| StrategyView {
                code: format!("{}{}", kind.to_uppercase(), i + 1),
                kind,
                text: t,
            })
            .collect()
    }
    let mut v = TowsView {
        so: quadrant("so", &s.so),
        wo: quadrant("wo", &s.wo),
        st: quadrant("st", &s.st),
        wt: quadrant("wt", &s.wt),
        all: Vec::new(),
    };
    v.all = [&v.so, &v.wo, &v.st, &v.wt]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    (!v.all.is_empty()).then_some(v)
}

/// One risk as the templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct RiskView<'a> {
    pub risk: &'a str,
    pub likelihood: u8,
    pub impact: u8,
    /// likelihood x impact.
    pub score: u32,
    /// `low` | `medium` | `high` (`t["risk_level_" ~ level]`).
    pub level: &'static str,
    pub mitigation: Option<&'a str>,
}

pub fn risks(list: &[Risk]) -> Vec<RiskView<'_>> {
    list.iter()
        .map(|r| RiskView {
            risk: &r.risk,
            likelihood: r.likelihood,
            impact: r.impact,
            score: risk::score(r),
            level: RiskLevel::of(r).key(),
            mitigation: r.mitigation.as_deref().filter(|m| !m.trim().is_empty()),
        })
        .collect()
}

/// A row of the appendix: a risk and its programme.
#[derive(Debug, Serialize)]
pub struct RegisterRow<'a> {
    pub program: &'a str,
    pub name: &'a str,
    pub dimension_label: &'a str,
    #[serde(flatten)]
    pub risk: RiskView<'a>,
}

/// Every risk of the plan, in document order (programmes by dimension, each programme's risks
/// in file order), with the count per level.
#[derive(Debug, Default, Serialize)]
pub struct RiskRegister<'a> {
    pub rows: Vec<RegisterRow<'a>>,
    pub low: usize,
    pub medium: usize,
    pub high: usize,
    /// High risks without a mitigation.
    pub high_unmitigated: usize,
    /// Programmes with at least one risk.
    pub programs: usize,
    /// The 5 x 5 matrix: rows likelihood 5 down to 1, each with a cell per impact 1 to 5.
    pub matrix: Vec<MatrixRow>,
}

/// One likelihood row of the risk matrix.
#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub likelihood: u8,
    pub cells: Vec<MatrixCell>,
}

/// How many risks of the plan have this likelihood and impact, and the level of the cell.
#[derive(Debug, Serialize)]
pub struct MatrixCell {
    pub impact: u8,
    pub count: usize,
    pub level: &'static str,
}

/// The empty 5 x 5 matrix, every cell with its level.
fn empty_matrix() -> Vec<MatrixRow> {
    (1..=5u8)
        .rev()
        .map(|likelihood| MatrixRow {
            likelihood,
            cells: (1..=5u8)
                .map(|impact| MatrixCell {
                    impact,
                    count: 0,
                    level: RiskLevel::of_product(u32::from(likelihood) * u32::from(impact)).key(),
                })
                .collect(),
        })
        .collect()
}

impl<'a> RiskRegister<'a> {
    pub fn push(
        &mut self,
        program: &'a str,
        name: &'a str,
        dimension_label: &'a str,
        rs: &[RiskView<'a>],
    ) {
        if !rs.is_empty() {
            self.programs += 1;
        }
        if self.matrix.is_empty() {
            self.matrix = empty_matrix();
        }
        for r in rs {
            // Scores outside 1..=5 are errors of `check`; they have no cell.
            if let Some(cell) = self
                .matrix
                .iter_mut()
                .find(|row| row.likelihood == r.likelihood)
                .and_then(|row| row.cells.iter_mut().find(|c| c.impact == r.impact))
            {
                cell.count += 1;
            }
            match r.level {
                "low" => self.low += 1,
                "medium" => self.medium += 1,
                _ => {
                    self.high += 1;
                    if r.mitigation.is_none() {
                        self.high_unmitigated += 1;
                    }
                }
            }
            self.rows.push(RegisterRow {
                program,
                name,
                dimension_label,
                risk: r.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies_are_numbered_per_quadrant_and_blank_ones_left_out() {
        let s = Strategies {
            so: vec!["a".into(), "b".into()],
            wo: vec![],
            st: vec![" ".into(), "c".into()],
            wt: vec!["d".into()],
        };
        let v = tows(Some(&s)).unwrap();
        let codes: Vec<&str> = v.all.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["SO1", "SO2", "ST1", "WT1"]);
        assert!(tows(Some(&Strategies::default())).is_none());
        assert!(tows(None).is_none());
    }

    #[test]
    fn the_register_counts_levels() {
        let list = vec![
            Risk {
                risk: "a".into(),
                likelihood: 1,
                impact: 2,
                mitigation: None,
            },
            Risk {
                risk: "b".into(),
                likelihood: 3,
                impact: 3,
                mitigation: Some("m".into()),
            },
            Risk {
                risk: "c".into(),
                likelihood: 5,
                impact: 4,
                mitigation: Some(" ".into()),
            },
        ];
        let views = risks(&list);
        assert_eq!(views[2].score, 20);
        assert_eq!(views[2].mitigation, None);
        let mut reg = RiskRegister::default();
        reg.push("X-01", "X", "D", &views);
        assert_eq!(
            (reg.low, reg.medium, reg.high, reg.high_unmitigated),
            (1, 1, 1, 1)
        );
        assert_eq!(reg.rows.len(), 3);
        assert_eq!(reg.programs, 1);
        // Row 1 is likelihood 4 (rows run 5 down to 1); cell 3 is impact 4.
        assert_eq!(reg.matrix[1].cells[3].count, 0);
        assert_eq!(reg.matrix[0].cells[3].count, 1, "5 x 4");
        assert_eq!(reg.matrix[0].cells[3].level, "high");
        assert_eq!(reg.matrix[4].cells[1].count, 1, "1 x 2");
        assert_eq!(reg.matrix[2].cells[2].level, "medium");
        let total: usize = reg
            .matrix
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| c.count)
            .sum();
        assert_eq!(total, 3);
    }
}
