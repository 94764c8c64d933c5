//! Plan: derived facts (quick wins, roadmap, budgets, indicator targets, dependency order,
//! responsibility matrix, readiness summary). Pure functions over the model.

use serde::Serialize;

use crate::model::Project;
use crate::taxonomy::Taxonomy;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {}

pub fn plan(project: &Project, taxonomy: &Taxonomy) -> Plan {
    let _ = (project, taxonomy);
    Plan::default()
}
