//! The priority matrix: every programme with both an `impact` and an `effort` score (1..=5)
//! placed in one of four quadrants, and its position on the Mermaid `quadrantChart` (0..1).
//!
//! The thresholds (documented for planners in docs/reference/document.md): a score of 3 or more
//! is **high** on both axes, 1 and 2 are **low**. So a programme of impact 3 counts as high
//! impact, and one of effort 3 as high effort (not a quick win). Quadrants:
//! - quick win: high impact, low effort (impact >= 3, effort <= 2);
//! - major project: high impact, high effort (impact >= 3, effort >= 3);
//! - fill-in: low impact, low effort (impact <= 2, effort <= 2);
//! - reconsider: low impact, high effort (impact <= 2, effort >= 3).
//!
//! Positions are linear in the score, `(score + 0.5) / 6` (1 -> 0.25, 5 -> 0.92), so the chart's
//! middle line (0.5) falls between 2 and 3, where the threshold is. Programmes sharing one
//! (impact, effort) cell are spread on a small grid around the cell's centre so each stays
//! visible.

use serde::Serialize;

use crate::model::Program;

/// Scores at or above this are high (impact and effort alike).
pub const HIGH: u8 = 3;

/// The four quadrants, in the order the document lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    QuickWin,
    MajorProject,
    FillIn,
    Reconsider,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::QuickWin,
        Quadrant::MajorProject,
        Quadrant::FillIn,
        Quadrant::Reconsider,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Quadrant::QuickWin => "quick_win",
            Quadrant::MajorProject => "major_project",
            Quadrant::FillIn => "fill_in",
            Quadrant::Reconsider => "reconsider",
        }
    }
}

/// The quadrant of an (impact, effort) pair.
pub fn quadrant(impact: u8, effort: u8) -> Quadrant {
    match (impact >= HIGH, effort >= HIGH) {
        (true, false) => Quadrant::QuickWin,
        (true, true) => Quadrant::MajorProject,
        (false, false) => Quadrant::FillIn,
        (false, true) => Quadrant::Reconsider,
    }
}

/// Where a score sits on the chart's 0..1 axis: `(score + 0.5) / 6`, scores clamped to 1..=5.
pub fn position(score: u8) -> f64 {
    (f64::from(score.clamp(1, 5)) + 0.5) / 6.0
}

/// Spacing of programmes that share a cell, in chart units (a cell is 1/6 wide).
const SPREAD: f64 = 0.035;
/// The widest a shared cell's grid may get.
const SPREAD_MAX: f64 = 0.13;

/// One programme on the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityPoint {
    pub id: String,
    pub name: String,
    pub impact: u8,
    pub effort: u8,
    pub quadrant: Quadrant,
    /// Whether the pokja made it a quick win (`quick_win: true`); marked on the chart.
    pub quick_win: bool,
    /// Position on the effort axis, 0..1 (three decimals).
    pub x: f64,
    /// Position on the impact axis, 0..1 (three decimals).
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdName {
    pub id: String,
    pub name: String,
}

/// The programmes of one quadrant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuadrantGroup {
    pub key: Quadrant,
    /// Highest impact first, then lowest effort, then project order.
    pub programs: Vec<PriorityPoint>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PriorityMatrix {
    /// Every scored programme, in project order.
    pub points: Vec<PriorityPoint>,
    /// The four quadrants in [`Quadrant::ALL`] order (empty ones included).
    pub quadrants: Vec<QuadrantGroup>,
    /// Programmes lacking `impact` or `effort` (or both), in project order.
    pub unscored: Vec<IdName>,
    /// Designated quick wins (`quick_win: true`) that lie outside the quick-win quadrant.
    pub quick_wins_elsewhere: Vec<String>,
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The matrix of `programs` (project order).
pub fn priority<'a>(programs: impl IntoIterator<Item = &'a Program>) -> PriorityMatrix {
    let mut points = Vec::new();
    let mut unscored = Vec::new();
    for p in programs {
        match (p.impact, p.effort) {
            (Some(impact), Some(effort)) => points.push(PriorityPoint {
                id: p.id.clone(),
                name: p.name.clone(),
                impact,
                effort,
                quadrant: quadrant(impact, effort),
                quick_win: p.quick_win,
                x: position(effort),
                y: position(impact),
            }),
            _ => unscored.push(IdName {
                id: p.id.clone(),
                name: p.name.clone(),
            }),
        }
    }
    spread_shared_cells(&mut points);
    let quadrants = Quadrant::ALL
        .iter()
        .map(|&key| {
            let mut programs: Vec<PriorityPoint> = points
                .iter()
                .filter(|p| p.quadrant == key)
                .cloned()
                .collect();
            // Stable: ties keep project order.
            programs.sort_by_key(|p| (std::cmp::Reverse(p.impact), p.effort));
            QuadrantGroup { key, programs }
        })
        .collect();
    let quick_wins_elsewhere = points
        .iter()
        .filter(|p| p.quick_win && p.quadrant != Quadrant::QuickWin)
        .map(|p| p.id.clone())
        .collect();
    PriorityMatrix {
        points,
        quadrants,
        unscored,
        quick_wins_elsewhere,
    }
}

/// Programmes with the same (impact, effort) go on a grid of `ceil(sqrt(n))` columns centred on
/// the cell, in project order, left to right and top to bottom.
fn spread_shared_cells(points: &mut [PriorityPoint]) {
    let mut cells: std::collections::BTreeMap<(u8, u8), Vec<usize>> = Default::default();
    for (i, p) in points.iter().enumerate() {
        cells.entry((p.impact, p.effort)).or_default().push(i);
    }
    for members in cells.values() {
        let n = members.len();
        if n < 2 {
            continue;
        }
        let cols = (1..=n).find(|c| c * c >= n).unwrap_or(n);
        let rows = n.div_ceil(cols);
        let step = SPREAD.min(SPREAD_MAX / (cols.max(rows) - 1).max(1) as f64);
        for (k, &i) in members.iter().enumerate() {
            let (col, row) = (k % cols, k / cols);
            // The last row is centred when it is not full.
            let in_row = if row + 1 == rows {
                n - row * cols
            } else {
                cols
            };
            let dx = (col as f64 - (in_row as f64 - 1.0) / 2.0) * step;
            let dy = ((rows as f64 - 1.0) / 2.0 - row as f64) * step;
            if let Some(p) = points.get_mut(i) {
                p.x = round3(p.x + dx);
                p.y = round3(p.y + dy);
            }
        }
    }
    for p in points.iter_mut() {
        p.x = round3(p.x);
        p.y = round3(p.y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(id: &str, impact: Option<u8>, effort: Option<u8>, quick_win: bool) -> Program {
        let src = format!(
            "id: {id}\nname: Program {id}\nelement: service\ncategory: application\nlead: DKISP\nstart: 2023\nend: 2024\nquick_win: {quick_win}\n{}{}",
            impact.map(|v| format!("impact: {v}\n")).unwrap_or_default(),
            effort.map(|v| format!("effort: {v}\n")).unwrap_or_default(),
        );
        crate::yaml::from_str(&src, "p").expect("programme parses")
    }

    #[test]
    fn quadrants_and_their_boundaries() {
        // Impact 3 is high, effort 3 is high; 2 is low on both axes.
        assert_eq!(quadrant(3, 2), Quadrant::QuickWin);
        assert_eq!(quadrant(5, 1), Quadrant::QuickWin);
        assert_eq!(quadrant(3, 3), Quadrant::MajorProject);
        assert_eq!(quadrant(5, 5), Quadrant::MajorProject);
        assert_eq!(quadrant(2, 2), Quadrant::FillIn);
        assert_eq!(quadrant(1, 1), Quadrant::FillIn);
        assert_eq!(quadrant(2, 3), Quadrant::Reconsider);
        assert_eq!(quadrant(1, 5), Quadrant::Reconsider);
        for impact in 1..=5u8 {
            for effort in 1..=5u8 {
                let q = quadrant(impact, effort);
                let high_impact = matches!(q, Quadrant::QuickWin | Quadrant::MajorProject);
                let high_effort = matches!(q, Quadrant::MajorProject | Quadrant::Reconsider);
                assert_eq!(high_impact, impact >= 3, "{impact} {effort}");
                assert_eq!(high_effort, effort >= 3, "{impact} {effort}");
            }
        }
    }

    #[test]
    fn positions_put_the_threshold_on_the_middle_line() {
        assert_eq!(position(1), 0.25);
        assert!(position(2) < 0.5 && position(3) > 0.5);
        assert!((position(5) - 11.0 / 12.0).abs() < 1e-12);
        // Steps are equal.
        let steps: Vec<f64> = (1..5u8).map(|s| position(s + 1) - position(s)).collect();
        assert!(steps.iter().all(|s| (s - 1.0 / 6.0).abs() < 1e-12));
        // Out-of-range scores (rejected by check) stay on the chart.
        assert_eq!(position(0), position(1));
        assert_eq!(position(9), position(5));
    }

    #[test]
    fn groups_unscored_and_quick_wins_outside_their_quadrant() {
        let programs = [
            program("A-01", Some(3), Some(3), true),
            program("A-02", Some(4), Some(2), false),
            program("A-03", None, Some(2), false),
            program("A-04", Some(5), Some(1), true),
            program("A-05", Some(1), Some(4), false),
            program("A-06", None, None, false),
            program("A-07", Some(2), Some(1), false),
        ];
        let m = priority(&programs);
        assert_eq!(m.points.len(), 5);
        let ids = |q: usize| -> Vec<&str> {
            m.quadrants[q]
                .programs
                .iter()
                .map(|p| p.id.as_str())
                .collect()
        };
        assert_eq!(m.quadrants[0].key, Quadrant::QuickWin);
        // Highest impact first.
        assert_eq!(ids(0), ["A-04", "A-02"]);
        assert_eq!(ids(1), ["A-01"]);
        assert_eq!(ids(2), ["A-07"]);
        assert_eq!(ids(3), ["A-05"]);
        let unscored: Vec<&str> = m.unscored.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(unscored, ["A-03", "A-06"]);
        assert_eq!(m.quick_wins_elsewhere, ["A-01"]);
        let a02 = &m.points[1];
        assert_eq!((a02.x, a02.y), (0.417, 0.75));
    }

    #[test]
    fn programmes_in_one_cell_are_spread_apart_inside_it() {
        let programs: Vec<Program> = (0..7)
            .map(|i| program(&format!("B-{i:02}"), Some(3), Some(2), false))
            .collect();
        let m = priority(&programs);
        let (cx, cy) = (position(2), position(3));
        for (i, a) in m.points.iter().enumerate() {
            assert!((a.x - cx).abs() < 1.0 / 12.0 && (a.y - cy).abs() < 1.0 / 12.0);
            assert!(a.x > 0.0 && a.x < 1.0 && a.y > 0.0 && a.y < 1.0);
            for b in &m.points[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d >= 0.03, "{a:?} {b:?}");
            }
        }
        // A lone programme sits on its cell's centre.
        let one = priority(&[program("C-01", Some(5), Some(5), false)]);
        assert_eq!((one.points[0].x, one.points[0].y), (0.917, 0.917));
        // Deterministic.
        assert_eq!(priority(&programs), m);
    }

    #[test]
    fn no_programmes_no_points() {
        let m = priority(&[]);
        assert!(m.points.is_empty() && m.unscored.is_empty());
        assert_eq!(m.quadrants.len(), 4);
    }
}
