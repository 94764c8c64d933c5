//! The readiness gap analysis (analisis kesenjangan): where a pokja gave a readiness `target`,
//! the gap of each aspect is `target - score`, per dimension and across dimensions.
//!
//! Rules (documented for planners in docs/reference/document.md):
//! - an aspect's gap exists when it has both a score and a target; it may be negative (a target
//!   below the current score; `check` warns, W0240);
//! - a dimension's gap is the mean of its aspects' gaps (two decimals), the dimensions are those
//!   with at least one targeted aspect, in taxonomy order;
//! - an aspect's gap across dimensions is the mean over the dimensions that target it;
//! - the largest gap names every dimension whose gap equals the highest (ties all named).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Readiness, ReadinessScore};

/// One aspect (struktur, infrastruktur or suprastruktur) of one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AspectGap {
    pub score: Option<u8>,
    pub target: Option<u8>,
    /// `target - score`, when both are given.
    pub gap: Option<i16>,
}

impl AspectGap {
    fn of(s: Option<&ReadinessScore>) -> AspectGap {
        let score = s.map(|s| s.score);
        let target = s.and_then(|s| s.target);
        AspectGap {
            score,
            target,
            gap: score.zip(target).map(|(s, t)| i16::from(t) - i16::from(s)),
        }
    }
}

/// The gap of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapRow {
    pub dimension: String,
    pub label: String,
    pub structure: AspectGap,
    pub infrastructure: AspectGap,
    pub superstructure: AspectGap,
    /// Mean of the aspects' gaps (two decimals).
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GapAnalysis {
    /// Dimensions with at least one targeted aspect, in dimension order.
    pub rows: Vec<GapRow>,
    /// The same rows by dimension key (what the per-dimension sections look up).
    pub by_dimension: BTreeMap<String, GapRow>,
    /// Mean gap per aspect over the dimensions that target it (two decimals).
    pub structure: Option<f64>,
    pub infrastructure: Option<f64>,
    pub superstructure: Option<f64>,
    /// Mean of the dimensions' gaps (two decimals).
    pub gap: Option<f64>,
    /// The labels of the dimensions with the largest gap (ties all named), when any gap is positive.
    pub largest: Vec<String>,
    /// That largest gap.
    pub largest_gap: Option<f64>,
    /// The aspect keys (`structure`, ...) with the largest mean gap, when positive.
    pub largest_aspects: Vec<String>,
}

fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some((values.iter().sum::<f64>() / values.len() as f64 * 100.0).round() / 100.0)
}

/// The gap analysis of `dimensions`: (key, label, the pokja's readiness), in dimension order.
pub fn gap<'a>(
    dimensions: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a Readiness>)>,
) -> GapAnalysis {
    let mut rows = Vec::new();
    let mut per_aspect: [Vec<f64>; 3] = Default::default();
    for (key, label, readiness) in dimensions {
        let Some(r) = readiness else { continue };
        let aspects = [
            AspectGap::of(r.structure.as_ref()),
            AspectGap::of(r.infrastructure.as_ref()),
            AspectGap::of(r.superstructure.as_ref()),
        ];
        if aspects.iter().all(|a| a.target.is_none()) {
            continue;
        }
        let gaps: Vec<f64> = aspects
            .iter()
            .filter_map(|a| a.gap.map(f64::from))
            .collect();
        for (k, a) in aspects.iter().enumerate() {
            if let (Some(g), Some(list)) = (a.gap, per_aspect.get_mut(k)) {
                list.push(f64::from(g));
            }
        }
        let [structure, infrastructure, superstructure] = aspects;
        rows.push(GapRow {
            dimension: key.to_string(),
            label: label.to_string(),
            structure,
            infrastructure,
            superstructure,
            gap: mean(&gaps),
        });
    }
    let largest_gap = rows
        .iter()
        .filter_map(|r| r.gap)
        .fold(None, |m: Option<f64>, g| Some(m.map_or(g, |m| m.max(g))))
        .filter(|g| *g > 0.0);
    let largest = match largest_gap {
        Some(top) => rows
            .iter()
            .filter(|r| r.gap == Some(top))
            .map(|r| r.label.clone())
            .collect(),
        None => Vec::new(),
    };
    let [s, i, u] = per_aspect;
    let aspect_means = [
        ("structure", mean(&s)),
        ("infrastructure", mean(&i)),
        ("superstructure", mean(&u)),
    ];
    let top_aspect = aspect_means
        .iter()
        .filter_map(|(_, g)| *g)
        .fold(None, |m: Option<f64>, g| Some(m.map_or(g, |m| m.max(g))))
        .filter(|g| *g > 0.0);
    let largest_aspects = aspect_means
        .iter()
        .filter(|(_, g)| top_aspect.is_some() && *g == top_aspect)
        .map(|(k, _)| k.to_string())
        .collect();
    let dimension_gaps: Vec<f64> = rows.iter().filter_map(|r| r.gap).collect();
    GapAnalysis {
        by_dimension: rows
            .iter()
            .map(|r| (r.dimension.clone(), r.clone()))
            .collect(),
        structure: aspect_means[0].1,
        infrastructure: aspect_means[1].1,
        superstructure: aspect_means[2].1,
        gap: mean(&dimension_gaps),
        rows,
        largest,
        largest_gap,
        largest_aspects,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readiness(src: &str) -> Readiness {
        crate::yaml::from_str(src, "r").expect("readiness parses")
    }

    #[test]
    fn gap_is_target_minus_score_and_the_largest_is_named() {
        let gov = readiness(
            "structure: { score: 3, target: 4 }\ninfrastructure: { score: 2, target: 5 }\nsuperstructure: { score: 2 }\n",
        );
        let eco = readiness(
            "structure: { score: 2, target: 4 }\ninfrastructure: { score: 2, target: 4 }\nsuperstructure: { score: 4, target: 3 }\n",
        );
        let untargeted = readiness("structure: { score: 1 }\n");
        let g = gap([
            ("governance", "Smart Governance", Some(&gov)),
            ("branding", "Smart Branding", None),
            ("economy", "Smart Economy", Some(&eco)),
            ("living", "Smart Living", Some(&untargeted)),
        ]);
        assert_eq!(g.rows.len(), 2, "only targeted dimensions");
        let r = &g.rows[0];
        assert_eq!(r.structure.gap, Some(1));
        assert_eq!(r.infrastructure.gap, Some(3));
        assert_eq!(
            r.superstructure,
            AspectGap {
                score: Some(2),
                target: None,
                gap: None
            }
        );
        assert_eq!(r.gap, Some(2.0));
        // A target below the score is a negative gap.
        assert_eq!(g.rows[1].superstructure.gap, Some(-1));
        assert_eq!(g.rows[1].gap, Some(1.0));
        assert_eq!(g.largest, ["Smart Governance"]);
        assert_eq!(g.largest_gap, Some(2.0));
        assert_eq!(g.structure, Some(1.5));
        assert_eq!(g.infrastructure, Some(2.5));
        assert_eq!(g.superstructure, Some(-1.0));
        assert_eq!(g.largest_aspects, ["infrastructure"]);
        assert_eq!(g.gap, Some(1.5));
    }

    #[test]
    fn ties_name_every_dimension_and_no_positive_gap_names_none() {
        let a = readiness("structure: { score: 2, target: 4 }\n");
        let b = readiness("infrastructure: { score: 1, target: 3 }\n");
        let g = gap([("a", "A", Some(&a)), ("b", "B", Some(&b))]);
        assert_eq!(g.largest, ["A", "B"]);
        assert_eq!(g.largest_aspects, ["structure", "infrastructure"]);
        let met = readiness("structure: { score: 4, target: 4 }\n");
        let g = gap([("a", "A", Some(&met))]);
        assert_eq!(g.rows[0].gap, Some(0.0));
        assert!(g.largest.is_empty() && g.largest_gap.is_none() && g.largest_aspects.is_empty());
        // Nothing targeted: an empty analysis.
        assert_eq!(gap([("a", "A", None)]), GapAnalysis::default());
    }
}
