//! `check`: load + validate + locate, diagnostics sorted by file, line, column.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::Project;
use crate::taxonomy::Taxonomy;

#[derive(Debug, Default)]
pub struct Checked {
    pub project: Option<Project>,
    pub taxonomy: Option<Taxonomy>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        crate::diagnostic::has_errors(&self.diagnostics)
    }
}

pub fn check(root: &Path) -> Checked {
    let loaded = crate::load::load(root);
    let mut diagnostics = loaded.diagnostics;
    if let (Some(p), Some(t)) = (&loaded.project, &loaded.taxonomy) {
        diagnostics.extend(crate::validate::validate(p, t));
    }
    loaded.sources.locate(&mut diagnostics);
    Checked {
        project: loaded.project,
        taxonomy: loaded.taxonomy,
        diagnostics,
    }
}
