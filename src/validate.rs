//! Validate: every rule of the input contract, as diagnostics that name file and field path.

use crate::diagnostic::Diagnostic;
use crate::model::Project;
use crate::taxonomy::Taxonomy;

pub fn validate(project: &Project, taxonomy: &Taxonomy) -> Vec<Diagnostic> {
    let _ = (project, taxonomy);
    Vec::new()
}
