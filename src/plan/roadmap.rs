//! The order of the programmes by their dependencies, and the roadmap: the programmes per
//! horizon, in start order, with the years they run.

use std::collections::BTreeSet;

use crate::model::Year;

use super::{Horizon, ProgramFacts, Roadmap, RoadmapGroup, RoadmapRow};

/// Topological order of `0..edges.len()` where `edges[i]` lists what `i` depends on. Stable: among
/// the programmes that are ready, the one earliest in project order goes first. Returns the order
/// (every index exactly once) and the indices caught in cycles (also appended to the order, in
/// project order).
pub fn dependency_order(edges: &[Vec<usize>]) -> (Vec<usize>, Vec<usize>) {
    let n = edges.len();
    let mut remaining: Vec<usize> = vec![0; n];
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, deps) in edges.iter().enumerate() {
        let unique: BTreeSet<usize> = deps.iter().copied().filter(|&d| d < n).collect();
        if let Some(r) = remaining.get_mut(i) {
            *r = unique.len();
        }
        for d in unique {
            if let Some(list) = dependents.get_mut(d) {
                list.push(i);
            }
        }
    }
    let mut ready: BTreeSet<usize> = (0..n).filter(|&i| remaining.get(i) == Some(&0)).collect();
    let mut order = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(i) = ready.pop_first() {
        order.push(i);
        if let Some(p) = placed.get_mut(i) {
            *p = true;
        }
        for &k in dependents.get(i).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(r) = remaining.get_mut(k) {
                *r = r.saturating_sub(1);
                if *r == 0 {
                    ready.insert(k);
                }
            }
        }
    }
    let cycle: Vec<usize> = (0..n)
        .filter(|&i| !placed.get(i).copied().unwrap_or(true))
        .collect();
    order.extend(cycle.iter().copied());
    (order, cycle)
}

pub(super) fn roadmap(
    programs: &[ProgramFacts],
    dim_of_program: &[usize],
    horizons: &[Horizon],
    years: &[Year],
) -> Roadmap {
    let mut groups: Vec<RoadmapGroup> = Vec::new();
    for h in horizons {
        let mut idx: Vec<usize> = (0..programs.len())
            .filter(|&i| programs.get(i).is_some_and(|p| p.horizon == h.key))
            .collect();
        idx.sort_by_key(|&i| {
            (
                programs.get(i).map(|p| p.start).unwrap_or(0),
                dim_of_program.get(i).copied().unwrap_or(0),
                i,
            )
        });
        let rows: Vec<RoadmapRow> = idx
            .iter()
            .filter_map(|&i| programs.get(i))
            .map(|p| RoadmapRow {
                program: p.id.clone(),
                name: p.name.clone(),
                dimension: p.dimension.clone(),
                dimension_label: p.dimension_label.clone(),
                lead: p.lead.code.clone(),
                quick_win: p.quick_win,
                start: p.start,
                end: p.end,
                active: years
                    .iter()
                    .map(|&y| y >= p.start && y <= p.end.max(p.start))
                    .collect(),
            })
            .collect();
        if !rows.is_empty() {
            groups.push(RoadmapGroup {
                horizon: h.key,
                first: h.first,
                last: h.last,
                rows,
            });
        }
    }
    Roadmap {
        years: years.to_vec(),
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_order_is_topological_stable_and_cycle_safe() {
        // 0 depends on 2, 1 has none, 2 depends on 1, 3 none.
        let (order, cycle) = dependency_order(&[vec![2], vec![], vec![1], vec![]]);
        assert_eq!(order, vec![1, 2, 0, 3]);
        assert!(cycle.is_empty());
        // Cycle 0 <-> 1, 2 free, self-loop on 3, out-of-range edge ignored.
        let (order, cycle) = dependency_order(&[vec![1], vec![0], vec![9], vec![3]]);
        assert_eq!(order, vec![2, 0, 1, 3]);
        assert_eq!(cycle, vec![0, 1, 3]);
        assert_eq!(dependency_order(&[]), (vec![], vec![]));
    }
}
