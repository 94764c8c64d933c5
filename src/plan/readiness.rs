//! The readiness summary: each dimension's scores per aspect (structure, infrastructure,
//! superstructure) with their averages, and the averages across dimensions.

use std::collections::HashMap;

use crate::model::Project;

use super::{DimensionFacts, ReadinessRow, ReadinessSummary};

/// Mean of the given scores, rounded to two decimals.
pub(super) fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: f64 = values.iter().sum();
    let len = values.len() as f64;
    Some((sum / len * 100.0).round() / 100.0)
}

pub(super) fn readiness(project: &Project, dimensions: &[DimensionFacts]) -> ReadinessSummary {
    let mut rows = Vec::with_capacity(dimensions.len());
    let mut aspect: [Vec<f64>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut averages = Vec::new();
    let by_key: HashMap<&str, &crate::model::Pokja> = project
        .pokja
        .iter()
        .map(|f| (f.pokja.dimension.as_str(), &f.pokja))
        .collect();
    for d in dimensions {
        let r = by_key
            .get(d.key.as_str())
            .and_then(|p| p.readiness.as_ref());
        let get = |which: usize| {
            r.and_then(|r| match which {
                0 => r.structure.as_ref(),
                1 => r.infrastructure.as_ref(),
                _ => r.superstructure.as_ref(),
            })
        };
        let scores = [get(0), get(1), get(2)];
        let mut given = Vec::new();
        for (k, s) in scores.iter().enumerate() {
            if let Some(s) = s {
                given.push(f64::from(s.score));
                if let Some(a) = aspect.get_mut(k) {
                    a.push(f64::from(s.score));
                }
            }
        }
        let average = mean(&given);
        if let Some(a) = average {
            averages.push(a);
        }
        let [s0, s1, s2] = scores;
        rows.push(ReadinessRow {
            dimension: d.key.clone(),
            label: d.label.clone(),
            assessed: !given.is_empty(),
            structure: s0.map(|s| s.score),
            infrastructure: s1.map(|s| s.score),
            superstructure: s2.map(|s| s.score),
            structure_notes: s0.and_then(|s| s.notes.clone()),
            infrastructure_notes: s1.and_then(|s| s.notes.clone()),
            superstructure_notes: s2.and_then(|s| s.notes.clone()),
            average,
        });
    }
    let [a0, a1, a2] = aspect;
    ReadinessSummary {
        rows,
        structure: mean(&a0),
        infrastructure: mean(&a1),
        superstructure: mean(&a2),
        average: mean(&averages),
    }
}
