//! Render: the model and plan to Markdown through minijinja templates (embedded; a project's
//! `templates/` folder or `--templates DIR` overrides any of them).

use std::path::PathBuf;

use crate::model::Project;
use crate::plan::Plan;
use crate::taxonomy::Taxonomy;

/// A calendar date (from SOURCE_DATE_EPOCH).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A folder whose templates override the built-in ones (else `<project>/templates` if present).
    pub templates_dir: Option<PathBuf>,
    /// Also write the four books of the Kominfo practice as separate documents.
    pub split_books: bool,
    /// Mark the output as a draft.
    pub draft: bool,
    /// The build date (SOURCE_DATE_EPOCH), if known.
    pub date: Option<Date>,
}

/// One rendered Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// File name inside the output folder, e.g. `masterplan.md`.
    pub file_name: String,
    pub markdown: String,
}

pub fn render(
    project: &Project,
    taxonomy: &Taxonomy,
    plan: &Plan,
    options: &RenderOptions,
) -> anyhow::Result<Vec<Document>> {
    let _ = (project, taxonomy, plan, options);
    anyhow::bail!("render is not built yet")
}

/// The built-in templates: (file name, source).
pub fn builtin_templates() -> Vec<(&'static str, &'static str)> {
    Vec::new()
}
