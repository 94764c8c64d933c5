//! `check`: load + validate + locate, diagnostics sorted by file, line, column.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{MASTERPLAN_FILE, Sources};
use crate::model::Project;
use crate::taxonomy::Taxonomy;

#[derive(Debug, Default)]
pub struct Checked {
    pub project: Option<Project>,
    pub taxonomy: Option<Taxonomy>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text and field locations of every file read, for reports that quote source lines.
    pub sources: Sources,
}

impl Checked {
    pub fn has_errors(&self) -> bool {
        crate::diagnostic::has_errors(&self.diagnostics)
    }

    /// (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, self.diagnostics.len() - errors)
    }
}

/// Load and validate a project folder; every diagnostic located and in a stable order. The
/// project's template overrides (`<root>/templates`) are rendered too (see
/// [`check_templates`]).
pub fn check(root: &Path) -> Checked {
    check_with_templates(root, None)
}

/// [`check`], rendering the overrides in `templates_dir` instead of `<root>/templates` (what
/// `generate --templates DIR` will use).
pub fn check_with_templates(root: &Path, templates_dir: Option<&Path>) -> Checked {
    check_timed(root, templates_dir, &mut Vec::new())
}

/// How long each stage of a run took, in order: (`load`, 3 ms), (`validate`, 1 ms), ...
pub type Timings = Vec<(&'static str, std::time::Duration)>;

/// [`check_with_templates`], recording the time of the `load` and `validate` stages (checking
/// the template overrides counts as validating) in `timings`.
pub fn check_timed(root: &Path, templates_dir: Option<&Path>, timings: &mut Timings) -> Checked {
    let started = std::time::Instant::now();
    let loaded = crate::load::load(root);
    timings.push(("load", started.elapsed()));
    let started = std::time::Instant::now();
    let mut diagnostics = loaded.diagnostics;
    if let Some(p) = loaded.project.as_ref().or(loaded.partial.as_ref()) {
        diagnostics.extend(crate::validate::validate_recovered(
            p,
            loaded.taxonomy.as_ref(),
            &loaded.recovery,
        ));
        diagnostics.extend(crate::monitoring::validate(p, &loaded.recovery));
    }
    let mut sources = loaded.sources;
    sources.locate(&mut diagnostics);
    if !crate::diagnostic::has_errors(&diagnostics)
        && let (Some(project), Some(taxonomy)) = (&loaded.project, &loaded.taxonomy)
    {
        diagnostics.extend(check_templates(
            project,
            taxonomy,
            templates_dir,
            &mut sources,
        ));
    }
    sort(&mut diagnostics, loaded.taxonomy.as_ref());
    timings.push(("validate", started.elapsed()));
    Checked {
        project: loaded.project,
        taxonomy: loaded.taxonomy,
        diagnostics,
        sources,
    }
}

/// Compile and render the project's template overrides (`templates_dir`, else
/// `<project>/templates` when it exists) the way `generate` does, as one document and as the
/// four books, so `check` fails where `generate` would. A project without overrides uses only
/// the built-in templates and is not rendered. The template's text is added to `sources`, so a
/// report quotes the line.
pub fn check_templates(
    project: &Project,
    taxonomy: &Taxonomy,
    templates_dir: Option<&Path>,
    sources: &mut Sources,
) -> Vec<Diagnostic> {
    let dir = match templates_dir {
        Some(d) => d.to_path_buf(),
        None => project.root.join("templates"),
    };
    if !dir.is_dir() {
        return Vec::new();
    }
    let plan = crate::plan::plan(project, taxonomy);
    for split_books in [false, true] {
        let options = crate::render::RenderOptions {
            templates_dir: Some(dir.clone()),
            split_books,
            ..Default::default()
        };
        if let Err(e) = crate::render::render(project, taxonomy, &plan, &options) {
            return vec![render_diagnostic(&e, &project.root, sources)];
        }
    }
    Vec::new()
}

/// A render failure as a diagnostic: a template error located in its file (whose text is added
/// to `sources`), anything else (an unreadable templates folder) as E0007 without a position.
pub fn render_diagnostic(e: &anyhow::Error, root: &Path, sources: &mut Sources) -> Diagnostic {
    match e.downcast_ref::<crate::render::TemplateError>() {
        Some(te) => {
            let d = te.to_diagnostic(root);
            if let Some(src) = &te.source {
                sources.insert(d.file.clone(), src.clone());
            }
            d
        }
        None => Diagnostic::error("E0007", "templates", "", format!("{e:#}")),
    }
}

/// Sort diagnostics: masterplan.yaml first, then the pokja files in taxonomy order, then any
/// other file by name; inside a file by line, column, code, path and message (a total order,
/// so identical input gives identical output).
pub fn sort(diagnostics: &mut [Diagnostic], taxonomy: Option<&Taxonomy>) {
    let rank: HashMap<String, usize> = taxonomy
        .map(|t| {
            t.dimensions
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("pokja/{}.yaml", d.key), i + 1))
                .collect()
        })
        .unwrap_or_default();
    let file_rank = |f: &str| -> usize {
        if f == MASTERPLAN_FILE {
            0
        } else {
            rank.get(f).copied().unwrap_or(usize::MAX)
        }
    };
    diagnostics.sort_by(|a, b| {
        file_rank(&a.file)
            .cmp(&file_rank(&b.file))
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.line.unwrap_or(0).cmp(&b.line.unwrap_or(0)))
            .then_with(|| a.column.unwrap_or(0).cmp(&b.column.unwrap_or(0)))
            .then_with(|| a.code.cmp(b.code))
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_masterplan_then_taxonomy_order() {
        let t = Taxonomy::default_builtin();
        let mut d = vec![
            Diagnostic::error("E0203", "pokja/governance.yaml", "", "a").at(3, 1),
            Diagnostic::error("E0203", "pokja/economy.yaml", "", "b").at(1, 1),
            Diagnostic::error("E0101", "masterplan.yaml", "", "c").at(9, 1),
            Diagnostic::error("E0203", "pokja/governance.yaml", "", "d").at(2, 5),
            Diagnostic::error("E0202", "pokja/zzz.txt", "", "e"),
        ];
        sort(&mut d, Some(&t));
        let order: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["c", "d", "a", "b", "e"]);
    }

    #[test]
    fn a_missing_folder_reports_one_error() {
        let c = check(Path::new("/nonexistent/masterplan-project"));
        assert!(c.has_errors());
        assert_eq!(c.counts(), (1, 0));
    }
}
