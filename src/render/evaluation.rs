//! Render the yearly evaluation report (`evaluasi-<year>.md`) through the same templates engine,
//! filters, escaping and normalisation as the masterplan. The report is `document.md` rendered
//! with its own `sections` (cover, contents, summary, the evaluation chapters); its chapter
//! templates are built in (`templates/evaluation/*.md`) and overridable by file name like every
//! other template.

use std::collections::BTreeMap;

use minijinja::value::{Serde, Value};

use super::i18n::{self, Labels};
use super::{
    DocInfo, Document, LANDSCAPE_AFTER_YEARS, ROOT_TEMPLATE, RenderOptions, Section, default_title,
    environment, escape, finish, format, fuel_budget, render_checked, template_error,
};
use crate::evaluation::Evaluation;
use crate::model::{Language, Project};
use crate::plan::Plan;

/// The file name of the report of `year`, the same in both languages.
pub fn file_name(year: i32) -> String {
    format!("evaluasi-{year}.md")
}

/// The report's title: `Laporan Evaluasi Masterplan Smart City Kabupaten Banggai Tahun 2024`.
pub fn title(terms: &i18n::RegionTerms, year: i32, language: Language) -> String {
    match language {
        Language::Id => format!(
            "Laporan Evaluasi Masterplan Smart City {} Tahun {year}",
            terms.region
        ),
        Language::En => format!(
            "Evaluation Report of the Smart City Masterplan of {}, {year}",
            terms.region
        ),
    }
}

/// The chapters of the report, in order: (key, template, label key, numbered).
const CHAPTERS: &[(&str, &str, &str, bool)] = &[
    ("cover", "cover.md", "", false),
    ("toc", "toc.md", "toc", false),
    ("summary", "evaluation-summary.md", "eval_summary", false),
    (
        "scorecard",
        "evaluation-scorecard.md",
        "eval_scorecard",
        true,
    ),
    ("programs", "evaluation-programs.md", "eval_programs", true),
    ("budget", "evaluation-budget.md", "eval_budget", true),
    (
        "indicators",
        "evaluation-indicators.md",
        "eval_indicators",
        true,
    ),
    (
        "quick_wins",
        "evaluation-quick-wins.md",
        "eval_quick_wins",
        true,
    ),
    ("notes", "evaluation-notes.md", "eval_notes", true),
];

fn sections(labels: &Labels) -> Vec<Section> {
    let chapter_word = labels.get("chapter");
    let mut number = 0usize;
    CHAPTERS
        .iter()
        .map(|(key, template, label, numbered)| {
            let title = if label.is_empty() {
                String::new()
            } else {
                labels.get(label).to_string()
            };
            let upper = escape::inline(&title.to_uppercase());
            let (num, roman, heading) = if *numbered {
                number += 1;
                let roman = format::roman(number as u64);
                let heading = format!("{chapter_word} {roman} {upper}");
                (Some(number), Some(roman), heading)
            } else {
                (None, None, upper)
            };
            Section {
                key,
                template,
                number: num,
                roman,
                title,
                heading,
                dimension: None,
                detail: false,
                parts: Vec::new(),
                outline: String::new(),
            }
        })
        .collect()
}

/// Render the evaluation report of one year.
pub fn render_evaluation(
    project: &Project,
    plan: &Plan,
    evaluation: &Evaluation,
    options: &RenderOptions,
) -> anyhow::Result<Document> {
    let mp = &project.masterplan;
    let language = mp.language;
    let labels = Labels::for_region(language, mp.region.kind);
    let terms = i18n::region_terms(&mp.region, language);
    let start = mp.period.start_year;
    let end = mp.period.end_year();
    let masterplan_title = mp
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(&terms, start, end, language));
    let overrides = match &options.templates_dir {
        Some(dir) => Some(dir.clone()),
        None => {
            let dir = project.root.join("templates");
            dir.is_dir().then_some(dir)
        }
    };
    let (env, origins) = environment(language, overrides.as_deref(), fuel_budget(project))?;
    let file_name = file_name(evaluation.year);
    let doc = DocInfo {
        file_name: file_name.clone(),
        language: language.key(),
        title: title(&terms, evaluation.year, language),
        subtitle: Some(masterplan_title),
        book: None,
        region: terms.region.clone(),
        province: terms.province.clone(),
        period: format!("{start}–{end}"),
        start_year: start,
        end_year: end,
        years: plan.years.len(),
        year: options.date.map(|d| d.year).unwrap_or(evaluation.year),
        draft: options.draft,
        date: options.date.map(|d| format::date(d, language)),
        logo: mp.region.logo.clone().filter(|l| !l.trim().is_empty()),
        author: terms.government.clone(),
        subject: match language {
            Language::Id => "Evaluasi Masterplan Smart City",
            Language::En => "Smart City Masterplan Evaluation",
        },
        keywords: vec![
            "smart city".to_string(),
            match language {
                Language::Id => "evaluasi".to_string(),
                Language::En => "evaluation".to_string(),
            },
            terms.name.clone(),
            evaluation.year.to_string(),
        ],
        landscape: evaluation.reported_years.len() > LANDSCAPE_AFTER_YEARS,
        place: mp
            .region
            .capital
            .clone()
            .filter(|c| !c.trim().is_empty())
            .unwrap_or_else(|| terms.name.clone()),
    };
    let mut ctx: BTreeMap<&str, Value> = BTreeMap::new();
    ctx.insert("t", Value::from(Serde(&labels)));
    ctx.insert("region", Value::from(Serde(&terms)));
    ctx.insert("project", Value::from(Serde(mp)));
    ctx.insert("plan", Value::from(Serde(plan)));
    ctx.insert("evaluation", Value::from(Serde(evaluation)));
    ctx.insert("doc", Value::from(Serde(&doc)));
    ctx.insert("sections", Value::from(Serde(&sections(&labels))));
    let template = env
        .get_template(ROOT_TEMPLATE)
        .map_err(|e| template_error(&e, &origins))?;
    let raw = render_checked(&env, &origins, &template, &Value::from(ctx), true)?;
    Ok(Document {
        file_name,
        markdown: finish(&raw),
    })
}
