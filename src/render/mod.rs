//! Render: the model and plan to Markdown through minijinja templates (embedded; a project's
//! `templates/` folder or `--templates DIR` overrides any of them by file name).
//!
//! The Markdown follows "The Markdown contract" in docs/design/architecture.md. Templates are
//! documented in docs/reference/templates.md, the document itself in docs/reference/document.md.
//!
//! How a render goes: one minijinja [`Environment`] is built per call (built-in templates, then
//! overrides, our filters, auto-escaping off); the shared context (labels, project, plan,
//! dimension views) is converted to template values once; each document (`masterplan.md`, and
//! the four books with `split_books`) is `document.md` rendered with its own `doc` and
//! `sections`; the output is then normalised (no trailing spaces, single blank lines, one final
//! newline) and its link-list table of contents is filled in from the headings it contains.

mod captions;
pub mod context;
mod errors;
pub mod escape;
pub mod evaluation;
pub mod format;
pub mod i18n;
mod lint;
pub mod register;
pub mod user_markdown;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, State, UndefinedBehavior};
use serde::Serialize;

use errors::Origins;
pub use errors::TemplateError;

use crate::model::{Language, Project, RegionType};
use crate::plan::Plan;
use crate::taxonomy::Taxonomy;

use self::i18n::{Labels, RegionTerms};

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

/// The built-in templates, embedded in the binary: (file name, source).
const BUILTIN: &[(&str, &str)] = &[
    (
        "document.md",
        include_str!("../../templates/document/document.md"),
    ),
    (
        "front-matter.md",
        include_str!("../../templates/document/front-matter.md"),
    ),
    (
        "cover.md",
        include_str!("../../templates/document/cover.md"),
    ),
    (
        "foreword.md",
        include_str!("../../templates/document/foreword.md"),
    ),
    ("toc.md", include_str!("../../templates/document/toc.md")),
    (
        "summary.md",
        include_str!("../../templates/document/summary.md"),
    ),
    (
        "introduction.md",
        include_str!("../../templates/document/introduction.md"),
    ),
    (
        "profile.md",
        include_str!("../../templates/document/profile.md"),
    ),
    (
        "readiness.md",
        include_str!("../../templates/document/readiness.md"),
    ),
    (
        "readiness-gap-dimension.md",
        include_str!("../../templates/document/readiness-gap-dimension.md"),
    ),
    (
        "readiness-gap.md",
        include_str!("../../templates/document/readiness-gap.md"),
    ),
    (
        "priority.md",
        include_str!("../../templates/document/priority.md"),
    ),
    (
        "vision.md",
        include_str!("../../templates/document/vision.md"),
    ),
    (
        "goals.md",
        include_str!("../../templates/document/goals.md"),
    ),
    (
        "dimension.md",
        include_str!("../../templates/document/dimension.md"),
    ),
    (
        "program.md",
        include_str!("../../templates/document/program.md"),
    ),
    (
        "quick-wins.md",
        include_str!("../../templates/document/quick-wins.md"),
    ),
    (
        "roadmap.md",
        include_str!("../../templates/document/roadmap.md"),
    ),
    (
        "budget.md",
        include_str!("../../templates/document/budget.md"),
    ),
    (
        "monitoring.md",
        include_str!("../../templates/document/monitoring.md"),
    ),
    (
        "closing.md",
        include_str!("../../templates/document/closing.md"),
    ),
    (
        "appendix.md",
        include_str!("../../templates/document/appendix.md"),
    ),
    (
        "appendix-responsibility.md",
        include_str!("../../templates/document/appendix-responsibility.md"),
    ),
    (
        "appendix-commitment.md",
        include_str!("../../templates/document/appendix-commitment.md"),
    ),
    (
        "appendix-team.md",
        include_str!("../../templates/document/appendix-team.md"),
    ),
    (
        "appendix-order.md",
        include_str!("../../templates/document/appendix-order.md"),
    ),
    (
        "appendix-risks.md",
        include_str!("../../templates/document/appendix-risks.md"),
    ),
    (
        "evaluation-summary.md",
        include_str!("../../templates/evaluation/evaluation-summary.md"),
    ),
    (
        "evaluation-scorecard.md",
        include_str!("../../templates/evaluation/evaluation-scorecard.md"),
    ),
    (
        "evaluation-programs.md",
        include_str!("../../templates/evaluation/evaluation-programs.md"),
    ),
    (
        "evaluation-budget.md",
        include_str!("../../templates/evaluation/evaluation-budget.md"),
    ),
    (
        "evaluation-indicators.md",
        include_str!("../../templates/evaluation/evaluation-indicators.md"),
    ),
    (
        "evaluation-quick-wins.md",
        include_str!("../../templates/evaluation/evaluation-quick-wins.md"),
    ),
    (
        "evaluation-notes.md",
        include_str!("../../templates/evaluation/evaluation-notes.md"),
    ),
];

/// The template every document starts from.
pub const ROOT_TEMPLATE: &str = "document.md";

/// The line in `toc.md` that render replaces with the link list of the document's headings.
pub const TOC_PLACEHOLDER: &str = "<!-- masterplan:toc -->";

/// Periods longer than this many years put the year-column tables on landscape pages.
pub const LANDSCAPE_AFTER_YEARS: usize = 5;

/// The template files of an overrides folder (`*.md`), sorted.
fn override_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    Ok(files)
}

/// W0211 for each file of the overrides folder `dir` whose name is no built-in template and
/// that no other template includes, imports or extends by name (so it would silently do
/// nothing, e.g. `Closing.md` for `closing.md`); with the nearest built-in name. `file` in the
/// diagnostics is `display_dir` joined with the file name.
pub fn override_warnings(dir: &Path, display_dir: &str) -> Vec<crate::diagnostic::Diagnostic> {
    let Ok(files) = override_files(dir) else {
        return Vec::new();
    };
    let names: Vec<String> = files
        .iter()
        .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(str::to_string))
        .collect();
    let sources: Vec<String> = BUILTIN
        .iter()
        .map(|(_, s)| s.to_string())
        .chain(names.iter().filter_map(|n| {
            let bytes = crate::input::read(dir, n, crate::yaml::MAX_FILE_BYTES).ok()?;
            String::from_utf8(bytes).ok()
        }))
        .collect();
    let builtin: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    let mut out = Vec::new();
    for name in &names {
        if builtin.contains(&name.as_str()) {
            continue;
        }
        let used = sources
            .iter()
            .any(|s| s.contains(&format!("\"{name}\"")) || s.contains(&format!("'{name}'")));
        if used {
            continue;
        }
        let lower = name.to_lowercase();
        let nearest = builtin
            .iter()
            .find(|b| b.to_lowercase() == lower)
            .copied()
            .or_else(|| crate::suggest::did_you_mean(&lower, builtin.iter().copied()));
        let hint = match nearest {
            Some(b) => format!("did you mean `{b}`? rename the file to override that template"),
            None => format!(
                "an override must have the name of a built-in template (`masterplan templates list`): {}",
                builtin.join(", ")
            ),
        };
        let file = if display_dir.is_empty() {
            name.clone()
        } else {
            format!("{}/{name}", display_dir.trim_end_matches('/'))
        };
        out.push(
            crate::diagnostic::Diagnostic::warning(
                "W0211",
                file,
                "",
                format!("`{name}` is not the name of a built-in template, and no template includes it; it is ignored"),
            )
            .with_hint(hint),
        );
    }
    out
}

/// The built-in templates: (file name, source).
pub fn builtin_templates() -> Vec<(&'static str, &'static str)> {
    BUILTIN.to_vec()
}

/// What a document contains, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cover,
    Foreword,
    Toc,
    Summary,
    Introduction,
    Profile,
    Readiness,
    Vision,
    Goals,
    /// Every dimension chapter, in taxonomy order.
    Dimensions,
    QuickWins,
    /// The quick-win chapter with each quick win's full details (Buku 3).
    QuickWinsDetailed,
    Roadmap,
    Budget,
    Monitoring,
    Closing,
    Appendix(&'static [&'static str]),
}

struct DocSpec {
    file_name: &'static str,
    /// Book number (1..=4) for a split book.
    book: Option<u8>,
    kinds: Vec<Kind>,
}

/// `risks` (the risk register) is left out of a document whose plan registers no risk.
const ALL_PARTS: &[&str] = &["responsibility", "risks", "commitment", "team", "order"];

fn specs(split_books: bool) -> Vec<DocSpec> {
    use Kind::*;
    let mut out = vec![DocSpec {
        file_name: "masterplan.md",
        book: None,
        kinds: vec![
            Cover,
            Foreword,
            Toc,
            Summary,
            Introduction,
            Profile,
            Readiness,
            Vision,
            Dimensions,
            QuickWins,
            Roadmap,
            Budget,
            Monitoring,
            Closing,
            Appendix(ALL_PARTS),
        ],
    }];
    if split_books {
        out.push(DocSpec {
            file_name: "buku-1-analisis-strategis.md",
            book: Some(1),
            kinds: vec![
                Cover,
                Foreword,
                Toc,
                Introduction,
                Profile,
                Readiness,
                Vision,
                Goals,
                Closing,
                Appendix(&["team"]),
            ],
        });
        out.push(DocSpec {
            file_name: "buku-2-masterplan.md",
            book: Some(2),
            kinds: vec![
                Cover,
                Toc,
                Summary,
                Introduction,
                Vision,
                Dimensions,
                Roadmap,
                Budget,
                Monitoring,
                Closing,
                Appendix(&["responsibility", "risks", "order"]),
            ],
        });
        out.push(DocSpec {
            file_name: "buku-3-quick-win.md",
            book: Some(3),
            kinds: vec![
                Cover,
                Toc,
                Summary,
                QuickWinsDetailed,
                Closing,
                Appendix(&["commitment"]),
            ],
        });
        out.push(DocSpec {
            file_name: "buku-4-road-map.md",
            book: Some(4),
            kinds: vec![
                Cover,
                Toc,
                Roadmap,
                Budget,
                Monitoring,
                Closing,
                Appendix(&["responsibility", "commitment"]),
            ],
        });
    }
    out
}

/// One section of a document, as templates see it (`section.*`).
#[derive(Debug, Serialize)]
pub(crate) struct Section {
    /// `introduction`, `dimension`, `appendix`, ...
    pub(crate) key: &'static str,
    /// The template that renders it.
    pub(crate) template: &'static str,
    /// Chapter number (BAB n), for numbered chapters.
    pub(crate) number: Option<usize>,
    pub(crate) roman: Option<String>,
    /// Plain title (`Pendahuluan`, `Smart Governance`).
    pub(crate) title: String,
    /// The level-1 heading text, escaped: `BAB I PENDAHULUAN`.
    pub(crate) heading: String,
    /// Index into `dimensions` for a dimension chapter.
    pub(crate) dimension: Option<usize>,
    /// Quick-win chapter: also give each quick win's details.
    pub(crate) detail: bool,
    /// Appendix parts, numbered.
    pub(crate) parts: Vec<Part>,
    /// One sentence on what the chapter holds (the "sistematika" in 1.5).
    pub(crate) outline: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Part {
    key: &'static str,
    no: usize,
    template: String,
    title: String,
}

/// The `doc` variable.
#[derive(Debug, Serialize)]
pub(crate) struct DocInfo {
    pub(crate) file_name: String,
    pub(crate) language: &'static str,
    pub(crate) title: String,
    pub(crate) subtitle: Option<String>,
    pub(crate) book: Option<u8>,
    pub(crate) region: String,
    pub(crate) province: Option<String>,
    /// `2023–2032`.
    pub(crate) period: String,
    pub(crate) start_year: i32,
    pub(crate) end_year: i32,
    /// Number of years.
    pub(crate) years: usize,
    /// The year at the foot of the cover.
    pub(crate) year: i32,
    pub(crate) draft: bool,
    /// Display date, when known.
    pub(crate) date: Option<String>,
    pub(crate) logo: Option<String>,
    pub(crate) author: String,
    pub(crate) subject: &'static str,
    pub(crate) keywords: Vec<String>,
    /// Whether year-column tables go on landscape pages.
    pub(crate) landscape: bool,
    /// Where the document is signed: the capital, else the region's name.
    pub(crate) place: String,
}

fn book_subtitle(book: u8, language: Language) -> &'static str {
    match (book, language) {
        (1, Language::Id) => "Buku 1 Analisis Strategis",
        (2, Language::Id) => "Buku 2 Masterplan",
        (3, Language::Id) => "Buku 3 Quick Win",
        (_, Language::Id) => "Buku 4 Road Map",
        (1, Language::En) => "Book 1 Strategic Analysis",
        (2, Language::En) => "Book 2 Masterplan",
        (3, Language::En) => "Book 3 Quick Wins",
        (_, Language::En) => "Book 4 Roadmap",
    }
}

/// The default title: `Masterplan Smart City Kabupaten Buton 2022–2031`.
pub fn default_title(terms: &RegionTerms, start: i32, end: i32, language: Language) -> String {
    match language {
        Language::Id => format!("Masterplan Smart City {} {start}–{end}", terms.region),
        Language::En => format!("Smart City Masterplan of {} {start}–{end}", terms.region),
    }
}

fn outline(kind: &str, language: Language, desa: bool, title: &str) -> String {
    let id = language == Language::Id;
    let s = match kind {
        "introduction" if id => {
            "latar belakang, maksud dan tujuan, ruang lingkup, dasar hukum dan sistematika penulisan masterplan"
        }
        "introduction" => {
            "the background, purpose, scope and legal basis of the masterplan, and the structure of this document"
        }
        "profile" if id && desa => {
            "profil desa, RPJMDes yang menjadi acuan, dan perangkat desa yang terlibat"
        }
        "profile" if id => {
            "profil daerah, RPJMD yang menjadi acuan, dan perangkat daerah yang terlibat"
        }
        "profile" if desa => {
            "the profile of the village, the RPJMDes it serves, and the village officials involved"
        }
        "profile" => "the profile of the region, the RPJMD it serves, and the agencies involved",
        "readiness" if id && desa => {
            "hasil analisis kesiapan desa (struktur, infrastruktur, suprastruktur) dan analisis SWOT setiap dimensi"
        }
        "readiness" if id => {
            "hasil analisis kesiapan daerah (struktur, infrastruktur, suprastruktur), analisis SWOT setiap dimensi dan matriks prioritas program"
        }
        "readiness" => {
            "the readiness analysis (structure, infrastructure, superstructure), the SWOT analysis of every dimension and the programme priority matrix"
        }
        "vision" if id && desa => {
            "visi dan misi smart city, arah pengembangan setiap dimensi, dan keselarasannya dengan RPJMDes"
        }
        "vision" if id => {
            "visi dan misi smart city, arah pengembangan setiap dimensi, dan keselarasannya dengan RPJMD"
        }
        "vision" if desa => {
            "the smart-city vision and mission, the direction of each dimension, and their alignment with the RPJMDes"
        }
        "vision" => {
            "the smart-city vision and mission, the direction of each dimension, and their alignment with the RPJMD"
        }
        "goals" if id => "tujuan, sasaran, isu strategis dan indikator setiap dimensi",
        "goals" => "the goals, targets, strategic issues and indicators of each dimension",
        "dimension" if id => "tujuan, sasaran, isu strategis dan rencana aksi dimensi",
        "dimension" => "the goal, targets, strategic issues and action plan of the dimension",
        "quick_wins" if id => {
            "program quick win yang memberi dampak langsung kepada masyarakat dalam waktu singkat"
        }
        "quick_wins" => "the programmes with a direct impact on citizens within a short time",
        "roadmap" if id => "peta jalan pelaksanaan program per tahun dan per jangka waktu",
        "roadmap" => "the roadmap of the programmes by year and horizon",
        "budget" if id => {
            "rencana anggaran per dimensi, per tahun, per sumber dana dan per program"
        }
        "budget" => "the budget by dimension, year, source of funds and programme",
        "monitoring" if id => "kerangka monitoring dan evaluasi serta target indikator per tahun",
        "monitoring" => "the monitoring and evaluation framework and the indicator targets by year",
        "closing" if id => "penutup",
        "closing" => "closing remarks",
        "appendix" if id => "matriks tanggung jawab, lembar komitmen dan susunan tim",
        "appendix" => "the responsibility matrix, the commitment sheet and the team",
        _ => "",
    };
    if kind == "dimension" {
        return if id {
            format!("{s} {title} per elemen")
        } else {
            format!(
                "the goal, targets, strategic issues and action plan of the {title} dimension, by element"
            )
        };
    }
    s.to_string()
}

fn sections(
    kinds: &[Kind],
    labels: &Labels,
    shared: &context::Shared,
    language: Language,
    desa: bool,
) -> Vec<Section> {
    let mut out = Vec::new();
    let mut chapter = 0usize;
    let chapter_word = labels.get("chapter");
    let mut numbered = |key: &'static str, template: &'static str, title: String| {
        chapter += 1;
        let roman = format::roman(chapter as u64);
        Section {
            key,
            template,
            number: Some(chapter),
            heading: format!(
                "{chapter_word} {roman} {}",
                escape::inline(&title.to_uppercase())
            ),
            roman: Some(roman),
            outline: outline(key, language, desa, &title),
            title,
            dimension: None,
            detail: false,
            parts: Vec::new(),
        }
    };
    let plain = |key: &'static str, template: &'static str, title: String| Section {
        key,
        template,
        number: None,
        roman: None,
        heading: escape::inline(&title.to_uppercase()),
        outline: outline(key, language, desa, &title),
        title,
        dimension: None,
        detail: false,
        parts: Vec::new(),
    };
    for kind in kinds {
        match *kind {
            Kind::Cover => out.push(plain("cover", "cover.md", String::new())),
            Kind::Foreword => out.push(plain(
                "foreword",
                "foreword.md",
                labels.get("foreword").to_string(),
            )),
            Kind::Toc => out.push(plain("toc", "toc.md", labels.get("toc").to_string())),
            Kind::Summary => out.push(plain(
                "summary",
                "summary.md",
                labels.get("summary").to_string(),
            )),
            Kind::Introduction => out.push(numbered(
                "introduction",
                "introduction.md",
                labels.get("introduction").to_string(),
            )),
            Kind::Profile => out.push(numbered(
                "profile",
                "profile.md",
                labels.get("profile").to_string(),
            )),
            Kind::Readiness => out.push(numbered(
                "readiness",
                "readiness.md",
                labels.get("readiness").to_string(),
            )),
            Kind::Vision => out.push(numbered(
                "vision",
                "vision.md",
                labels.get("vision").to_string(),
            )),
            Kind::Goals => out.push(numbered(
                "goals",
                "goals.md",
                labels.get("goals").to_string(),
            )),
            Kind::Dimensions => {
                for (i, d) in shared.dimensions.iter().enumerate() {
                    let mut s = numbered("dimension", "dimension.md", d.label.to_string());
                    s.dimension = Some(i);
                    out.push(s);
                }
            }
            Kind::QuickWins | Kind::QuickWinsDetailed => {
                let mut s = numbered(
                    "quick_wins",
                    "quick-wins.md",
                    labels.get("quick_wins").to_string(),
                );
                s.detail = *kind == Kind::QuickWinsDetailed;
                out.push(s);
            }
            Kind::Roadmap => out.push(numbered(
                "roadmap",
                "roadmap.md",
                labels.get("roadmap").to_string(),
            )),
            Kind::Budget => out.push(numbered(
                "budget",
                "budget.md",
                labels.get("budget").to_string(),
            )),
            Kind::Monitoring => out.push(numbered(
                "monitoring",
                "monitoring.md",
                labels.get("monitoring").to_string(),
            )),
            Kind::Closing => out.push(numbered(
                "closing",
                "closing.md",
                labels.get("closing").to_string(),
            )),
            Kind::Appendix(parts) => {
                // English says "Appendices" over more than one ("Lampiran" is both).
                let heading = match (language, parts.len()) {
                    (Language::En, n) if n > 1 => "Appendices".to_string(),
                    _ => labels.get("appendix").to_string(),
                };
                let mut s = plain("appendix", "appendix.md", heading);
                s.parts = parts
                    .iter()
                    .filter(|key| **key != "risks" || !shared.risk_register.rows.is_empty())
                    .enumerate()
                    .map(|(i, key)| Part {
                        key,
                        no: i + 1,
                        template: format!("appendix-{key}.md"),
                        title: labels.get(&format!("appendix_{key}")).to_string(),
                    })
                    .collect();
                if s.parts.iter().any(|p| p.key == "risks") && parts == ALL_PARTS {
                    s.outline = match language {
                        Language::Id => "matriks tanggung jawab, daftar risiko program, lembar komitmen dan susunan tim",
                        Language::En => "the responsibility matrix, the programme risk register, the commitment sheet and the team",
                    }
                    .to_string();
                }
                out.push(s);
            }
        }
    }
    out
}

/// Render `template` with `ctx`; a failure is a located [`TemplateError`] with a did-you-mean
/// for a misspelt field. With `lint`, the override templates are first checked for misspelt
/// fields that a test would hide (see [`lint`]). What every document's rendering goes through.
fn render_checked(
    env: &Environment<'static>,
    origins: &Origins,
    template: &minijinja::Template<'_, '_>,
    ctx: &Value,
    lint: bool,
) -> anyhow::Result<String> {
    if lint && let Some(e) = misspelt_in_overrides(env, origins, ctx) {
        return Err(anyhow::Error::new(e));
    }
    template.render(ctx).map_err(|e| {
        let mut te = errors::template_error(&e, origins);
        te.suggest_field(|expr| env.compile_expression(expr).ok()?.eval(ctx).ok());
        anyhow::Error::new(te)
    })
}

/// The first misspelt field in an override template (see [`lint`]), as a template error.
fn misspelt_in_overrides(
    env: &Environment<'static>,
    origins: &Origins,
    ctx: &Value,
) -> Option<TemplateError> {
    let mut names: Vec<&String> = origins.0.keys().collect();
    names.sort();
    for name in names {
        let Ok(template) = env.get_template(name) else {
            continue;
        };
        let src = template.source();
        let Some(m) = lint::first_misspelt(src, ctx) else {
            continue;
        };
        return Some(errors::misspelt(name, origins, src, &m.expr, m.at, &m.keys));
    }
    None
}

/// A minijinja error as the `anyhow::Error` that render returns (a [`TemplateError`] inside).
fn template_error(err: &minijinja::Error, origins: &Origins) -> anyhow::Error {
    anyhow::Error::new(errors::template_error(err, origins))
}

fn amount_of(v: &Value) -> u128 {
    if let Ok(n) = u128::try_from(v.clone()) {
        return n;
    }
    if let Ok(n) = i64::try_from(v.clone()) {
        return u128::try_from(n.max(0)).unwrap_or(0);
    }
    if let Ok(f) = f64::try_from(v.clone())
        && f.is_finite()
        && f > 0.0
    {
        return f.round() as u128;
    }
    if let Some(s) = v.as_str() {
        return s.trim().parse().unwrap_or(0);
    }
    0
}

fn amount_signed(v: &Value) -> i128 {
    if let Ok(n) = i64::try_from(v.clone()) {
        return i128::from(n);
    }
    i128::try_from(amount_of(v)).unwrap_or(i128::MAX)
}

/// A number for display: integers grouped, floats with up to `decimals` decimals; text as is.
fn number_text(v: &Value, decimals: usize, language: Language) -> String {
    if v.is_none() || v.is_undefined() {
        return String::new();
    }
    if let Ok(n) = i64::try_from(v.clone()) {
        return format::integer(i128::from(n), language);
    }
    if let Ok(n) = u128::try_from(v.clone()) {
        return format::group(n, if language == Language::Id { '.' } else { ',' });
    }
    if v.is_number()
        && let Ok(f) = f64::try_from(v.clone())
    {
        return format::decimal(f, decimals, language);
    }
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string())
}

/// An error for an undefined value passed to one of our filters (a misspelt name behind a
/// filter, `{{ project.visi | inline }}`): minijinja's own string conversion raises it, so the
/// error names the expression (`project.visi` is undefined) and the template line. Filters take
/// [`Value`] arguments, which minijinja passes through undefined, so each one asks here first.
fn defined(state: &State, v: &Value) -> Result<(), minijinja::Error> {
    if v.is_undefined() {
        <String as minijinja::value::ArgType>::from_state_and_value(Some(state), Some(v))?;
    }
    Ok(())
}

/// Apply a text escape to a template value without copying when nothing changes.
fn escape_value(v: &Value, escape: fn(&str) -> String) -> Value {
    match v.as_str() {
        Some(s) if escape::inline_is_identity(s) => v.clone(),
        Some(s) => Value::from(escape(s)),
        None => Value::from(escape(&text_of(v))),
    }
}

fn text_of(v: &Value) -> String {
    if v.is_none() || v.is_undefined() {
        String::new()
    } else if let Some(s) = v.as_str() {
        s.to_string()
    } else {
        v.to_string()
    }
}

/// Escape every item of a list (or each item's `attribute`) and join them with `sep`.
fn join_escaped(
    state: &State,
    list: &Value,
    sep: Option<&str>,
    attribute: Option<&str>,
    escape: fn(&str) -> String,
) -> Result<String, minijinja::Error> {
    let sep = sep.unwrap_or(", ");
    let mut out = String::new();
    for (i, item) in list.try_iter()?.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        let item = match attribute {
            Some(a) => item.get_attr(a)?,
            None => item,
        };
        defined(state, &item)?;
        match item.as_str() {
            Some(s) if escape::inline_is_identity(s) => out.push_str(s),
            Some(s) => out.push_str(&escape(s)),
            None => out.push_str(&escape(&text_of(&item))),
        }
    }
    Ok(out)
}

/// The variables of every template, and of section and appendix-part templates
/// (docs/reference/templates.md), for did-you-mean on an undefined name.
const CONTEXT_NAMES: &[&str] = &[
    "t",
    "region",
    "project",
    "plan",
    "dimensions",
    "quick_win_programs",
    "alignment",
    "commitment",
    "team",
    "risk_register",
    "legal_basis",
    "framework",
    "doc",
    "sections",
    "section",
    "part",
];

/// Fuel every render starts with, whatever the project's size (minijinja fuel: one instruction,
/// or 64 bytes of text produced, costs one).
pub const FUEL_FLOOR: u64 = 1_000_000;

/// Fuel added per byte of the project's data (its model as JSON). The built-in templates use
/// about 0.8 per byte (Banggai, and a 3000-programme project), so this leaves ample room for
/// custom templates, while a runaway loop or text doubled in a loop stops after at most
/// 64 x budget bytes of text.
pub const FUEL_PER_INPUT_BYTE: u64 = 3;

/// The rendering budget of one document: [`FUEL_FLOOR`] plus [`FUEL_PER_INPUT_BYTE`] for each
/// byte of the project's data.
pub fn fuel_budget(project: &Project) -> u64 {
    struct Count(u64);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len() as u64;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    // Serialising plain data to a counter cannot fail; a failure would only lower the budget.
    let _ = serde_json::to_writer(&mut count, &project.masterplan);
    for p in &project.pokja {
        let _ = serde_json::to_writer(&mut count, &p.pokja);
    }
    for m in &project.monitoring {
        let _ = serde_json::to_writer(&mut count, m);
    }
    FUEL_FLOOR.saturating_add(count.0.saturating_mul(FUEL_PER_INPUT_BYTE))
}

/// Build the environment: built-in templates, overrides, filters.
pub(crate) fn environment(
    language: Language,
    overrides: Option<&Path>,
    fuel: u64,
) -> anyhow::Result<(Environment<'static>, Origins)> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    // Debug mode keeps the template source in runtime errors (no measurable cost).
    env.set_debug(true);
    env.set_fuel(Some(fuel));
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| anyhow::anyhow!("template syntax configuration: {e}"))?;
    env.set_syntax(syntax);

    let mut origins = Origins::default();
    let mut sources: BTreeMap<String, (String, Option<String>)> = BUILTIN
        .iter()
        .map(|(n, s)| (n.to_string(), (s.to_string(), None)))
        .collect();
    if let Some(dir) = overrides {
        for path in override_files(dir)? {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            // Through the one confined, bounded reader (a link out of the folder, a FIFO or an
            // endless device is refused).
            let bytes = crate::input::read(dir, &name, crate::yaml::MAX_FILE_BYTES)
                .map_err(|e| anyhow::anyhow!("cannot read template {}: {e}", path.display()))?;
            let src = String::from_utf8(bytes)
                .map_err(|_| anyhow::anyhow!("template {} is not UTF-8", path.display()))?;
            origins.0.insert(name.clone(), path.clone());
            sources.insert(name.clone(), (src, Some(path.display().to_string())));
        }
    }
    for (name, (src, _)) in sources {
        if let Err(e) = env.add_template_owned(name, src) {
            return Err(template_error(&e, &origins));
        }
    }

    let lang = language;
    env.add_filter("rupiah", move |state: &State, v: Value| {
        defined(state, &v)?;
        Ok::<_, minijinja::Error>(format::rupiah(amount_of(&v), lang))
    });
    env.add_filter("rupiah_short", move |state: &State, v: Value| {
        defined(state, &v)?;
        Ok::<_, minijinja::Error>(format::rupiah_short(amount_of(&v), lang))
    });
    // Evaluation figures are integers scaled by 100 (scores) or 10 (percentages).
    env.add_filter("score", move |state: &State, v: Value| {
        defined(state, &v).map(|()| format::scaled(amount_signed(&v), 2, lang))
    });
    env.add_filter("signed_score", move |state: &State, v: Value| {
        defined(state, &v)?;
        let n = amount_signed(&v);
        let body = format::scaled(n, 2, lang);
        Ok::<_, minijinja::Error>(if n > 0 { format!("+{body}") } else { body })
    });
    env.add_filter(
        "fixed",
        move |state: &State, v: Value, decimals: Option<usize>| {
            defined(state, &v)?;
            Ok::<_, minijinja::Error>(match f64::try_from(v.clone()) {
                Ok(f) if v.is_number() => format::fixed(f, decimals.unwrap_or(2), lang),
                _ => number_text(&v, decimals.unwrap_or(2), lang),
            })
        },
    );
    env.add_filter("tenths", move |state: &State, v: Value| {
        defined(state, &v).map(|()| format::scaled(amount_signed(&v), 1, lang))
    });
    // A percentage in tenths, with a no-break space before the sign ("90,4 %"), like `percent`.
    env.add_filter("tenths_percent", move |state: &State, v: Value| {
        defined(state, &v)
            .map(|()| format!("{}\u{a0}%", format::scaled(amount_signed(&v), 1, lang)))
    });
    env.add_filter("chart_scaled", |state: &State, v: Value, places: usize| {
        defined(state, &v).map(|()| format::scaled_plain(amount_signed(&v), places))
    });
    env.add_filter(
        "number",
        move |state: &State, v: Value, decimals: Option<usize>| {
            defined(state, &v)?;
            Ok::<_, minijinja::Error>(number_text(&v, decimals.unwrap_or(2), lang))
        },
    );
    env.add_filter(
        "percent",
        move |state: &State, part: Value, whole: Value| {
            defined(state, &part)?;
            defined(state, &whole)?;
            let (p, w) = (amount_of(&part), amount_of(&whole));
            if w == 0 {
                return Ok(String::new());
            }
            // One decimal, exact: tenths of a percent, rounded half up.
            let tenths = (p.saturating_mul(1000) + w / 2) / w;
            let point = if lang == Language::Id { ',' } else { '.' };
            // A no-break space keeps the sign with its number ("34,9 %") on one line.
            Ok(format!("{}{point}{}\u{a0}%", tenths / 10, tenths % 10))
        },
    );
    env.add_filter("md", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape_value(&v, escape::prose))
    });
    env.add_filter("inline", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape_value(&v, escape::inline))
    });
    env.add_filter("cell", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape_value(&v, escape::cell))
    });
    env.add_filter(
        "markdown",
        |state: &State, v: Value, level: Option<usize>| {
            defined(state, &v).map(|()| escape::markdown(&text_of(&v), level.unwrap_or(0)))
        },
    );
    env.add_filter(
        "join_cell",
        |state: &State, v: Value, sep: Option<String>, attribute: Option<String>| {
            defined(state, &v)?;
            join_escaped(
                state,
                &v,
                sep.as_deref(),
                attribute.as_deref(),
                escape::cell,
            )
        },
    );
    env.add_filter(
        "join_inline",
        |state: &State, v: Value, sep: Option<String>, attribute: Option<String>| {
            defined(state, &v)?;
            join_escaped(
                state,
                &v,
                sep.as_deref(),
                attribute.as_deref(),
                escape::inline,
            )
        },
    );
    env.add_filter("markdown_cell", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape::markdown_cell(&text_of(&v)))
    });
    env.add_filter("yaml", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape::yaml_scalar(&text_of(&v)))
    });
    env.add_filter("mermaid", |state: &State, v: Value| {
        defined(state, &v).map(|()| escape::mermaid_text(&text_of(&v)))
    });
    env.add_filter("roman", |state: &State, v: Value| {
        defined(state, &v).map(|()| format::roman(u64::try_from(amount_of(&v)).unwrap_or(0)))
    });
    env.add_filter("year_spans", move |state: &State, v: Value| {
        defined(state, &v)?;
        let years: Vec<i64> = v
            .try_iter()
            .map(|it| it.filter_map(|y| i64::try_from(y).ok()).collect())
            .unwrap_or_default();
        Ok(format::year_spans(&years, language))
    });
    env.add_filter("slug", |state: &State, v: Value| {
        defined(state, &v).map(|()| format::slug(&text_of(&v)))
    });
    env.add_filter("url", |state: &State, v: Value| {
        defined(state, &v)?;
        let s = text_of(&v);
        if s.chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
        {
            Ok(format!("<{}>", s.replace('<', "%3C").replace('>', "%3E")))
        } else {
            Ok(s)
        }
    });
    Ok((env, origins))
}

/// Render the project's documents: `masterplan.md`, and with `split_books` the four books.
pub fn render(
    project: &Project,
    taxonomy: &Taxonomy,
    plan: &Plan,
    options: &RenderOptions,
) -> anyhow::Result<Vec<Document>> {
    let mp = &project.masterplan;
    let language = mp.language;
    let labels = Labels::for_region(language, mp.region.kind);
    let terms = i18n::region_terms(&mp.region, language);
    let start = mp.period.start_year;
    let end = mp.period.end_year();
    let title = mp
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(&terms, start, end, language))
        // One form for the period everywhere: the plan's years with an en dash.
        .replace(&format!("{start}-{end}"), &format!("{start}–{end}"));

    let overrides = match &options.templates_dir {
        Some(dir) => Some(dir.clone()),
        None => {
            let dir = project.root.join("templates");
            dir.is_dir().then_some(dir)
        }
    };
    let (env, origins) = environment(language, overrides.as_deref(), fuel_budget(project))?;

    let head_prefix = match language {
        Language::Id => "Kepala",
        Language::En => "Head of",
    };
    let shared = context::build(project, taxonomy, plan, &terms, head_prefix);
    let legal_basis: Vec<String> = match &mp.legal_basis {
        Some(list) if !list.is_empty() => list.clone(),
        _ => i18n::default_legal_basis(language, &terms, mp.rpjmd.as_ref().and_then(|r| r.period)),
    };

    let mut base: BTreeMap<&str, Value> = BTreeMap::new();
    base.insert("t", Value::from(Serde(&labels)));
    base.insert("region", Value::from(Serde(&terms)));
    base.insert("project", Value::from(Serde(mp)));
    base.insert("plan", Value::from(Serde(plan)));
    base.insert("dimensions", Value::from(Serde(&shared.dimensions)));
    base.insert(
        "quick_win_programs",
        Value::from(Serde(&shared.quick_win_programs)),
    );
    base.insert("alignment", Value::from(Serde(&shared.alignment)));
    base.insert("commitment", Value::from(Serde(&shared.commitment)));
    base.insert("team", Value::from(Serde(&shared.team)));
    base.insert("risk_register", Value::from(Serde(&shared.risk_register)));
    base.insert("legal_basis", Value::from(Serde(&legal_basis)));
    base.insert("weights", Value::from(Serde(mp.weights())));
    base.insert(
        "framework",
        Value::from(Serde(taxonomy.label.as_ref().map(|l| l.get(language)))),
    );

    let template = env
        .get_template(ROOT_TEMPLATE)
        .map_err(|e| template_error(&e, &origins))?;
    let mut documents = Vec::new();
    for spec in specs(options.split_books) {
        let doc = DocInfo {
            file_name: spec.file_name.to_string(),
            language: language.key(),
            title: title.clone(),
            subtitle: spec.book.map(|b| book_subtitle(b, language).to_string()),
            book: spec.book,
            region: terms.region.clone(),
            province: terms.province.clone(),
            period: format!("{start}–{end}"),
            start_year: start,
            end_year: end,
            years: plan.years.len(),
            year: options.date.map(|d| d.year).unwrap_or(start),
            draft: options.draft,
            date: options.date.map(|d| format::date(d, language)),
            logo: mp.region.logo.clone().filter(|l| !l.trim().is_empty()),
            author: terms.government.clone(),
            subject: match language {
                Language::Id => "Masterplan Smart City",
                Language::En => "Smart City Masterplan",
            },
            keywords: vec![
                "smart city".to_string(),
                "masterplan".to_string(),
                terms.name.clone(),
            ],
            landscape: plan.years.len() > LANDSCAPE_AFTER_YEARS,
            place: mp
                .region
                .capital
                .clone()
                .filter(|c| !c.trim().is_empty())
                .unwrap_or_else(|| terms.name.clone()),
        };
        let sections = sections(
            &spec.kinds,
            &labels,
            &shared,
            language,
            mp.region.kind == RegionType::Desa,
        );
        let mut ctx = base.clone();
        ctx.insert("doc", Value::from(Serde(&doc)));
        ctx.insert("sections", Value::from(Serde(&sections)));
        let ctx = Value::from(ctx);
        // The overrides are checked for misspelt fields once (the books share their context).
        let raw = render_checked(&env, &origins, &template, &ctx, documents.is_empty())?;
        documents.push(Document {
            file_name: spec.file_name.to_string(),
            markdown: captions::number(&finish(&raw), language),
        });
        drop_later(ctx);
    }
    drop_later(base);
    Ok(documents)
}

/// Free `value` on a short-lived thread of its own: the template context is a tree of some
/// hundred thousand values at 3000 programmes, and freeing it took a tenth of the render.
/// Without a thread (a process limit) it is freed here, when the refused closure is dropped.
fn drop_later<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("masterplan-free".into())
        .spawn(move || drop(value));
}

/// Normalise rendered Markdown and fill in the table of contents:
/// - line endings `\n`, no trailing whitespace, no leading blank lines;
/// - outside fenced code: at most one blank line in a row, and a blank line before each heading;
/// - the [`TOC_PLACEHOLDER`] line becomes a link list of the level-1 and level-2 headings that lie
///   outside `pdf:skip` blocks, with GitHub's anchors (duplicates numbered `-1`, `-2`, ...);
/// - exactly one newline at the end.
pub fn finish(raw: &str) -> String {
    let raw = &*escape::drop_controls(raw);
    let mut lines: Vec<&str> = Vec::with_capacity(raw.len() / 40);
    let mut headings: Vec<(usize, String, String)> = Vec::new();
    let mut slug_counts: HashMap<String, usize> = HashMap::new();
    let mut placeholder: Option<usize> = None;
    let mut fence: Option<(char, usize)> = None;
    let mut skip = false;
    let mut front_matter = false;
    let mut blank_pending = false;

    for (i, line) in raw.lines().enumerate() {
        let line = line.trim_end();
        if i == 0 && line == "---" {
            front_matter = true;
            lines.push(line);
            continue;
        }
        if front_matter {
            lines.push(line);
            if line == "---" || line == "..." {
                front_matter = false;
            }
            continue;
        }
        let was_in_fence = fence.is_some();
        let marker = escape::update_fence(line, &mut fence);
        if was_in_fence || (marker && fence.is_some()) {
            // Inside a fence (or opening one): copy verbatim, blank lines included.
            if !was_in_fence {
                if blank_pending && !lines.is_empty() {
                    lines.push("");
                }
                blank_pending = false;
            }
            lines.push(line);
            continue;
        }
        if line.is_empty() {
            blank_pending = true;
            continue;
        }
        let heading = heading_of(line);
        if (blank_pending || heading.is_some()) && lines.last().is_some_and(|l| !l.is_empty()) {
            lines.push("");
        }
        blank_pending = false;
        match line {
            "<!-- pdf:skip -->" => skip = true,
            "<!-- /pdf:skip -->" => skip = false,
            TOC_PLACEHOLDER => {
                placeholder = Some(lines.len());
            }
            _ => {}
        }
        if let Some((level, text)) = heading {
            let base = format::slug(text);
            let n = slug_counts.entry(base.clone()).or_insert(0);
            let anchor = if *n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            if level <= 2 && !skip {
                headings.push((level, text.to_string(), anchor));
            }
        }
        lines.push(line);
    }

    let mut out = String::with_capacity(raw.len() + headings.len() * 40);
    for (i, line) in lines.iter().enumerate() {
        if Some(i) == placeholder {
            for (k, (level, text, anchor)) in headings.iter().enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                if *level == 2 {
                    out.push_str("  ");
                }
                out.push_str("- [");
                out.push_str(text);
                out.push_str("](#");
                out.push_str(anchor);
                out.push(')');
            }
            if headings.is_empty() {
                continue;
            }
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() || !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// `(level, text)` of an ATX heading line.
fn heading_of(line: &str) -> Option<(usize, &str)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = line.get(hashes..)?;
    if rest.is_empty() {
        return Some((hashes, ""));
    }
    rest.strip_prefix(' ').map(|t| (hashes, t.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_normalises_and_fills_the_toc() {
        let raw = "---\ntitle: x\n---\n\n\n<!-- pdf:skip -->\n# Cover\n<!-- /pdf:skip -->\n\
                   <!-- masterplan:toc -->\n\n\n# BAB I A  \ntext   \n## 1.1 B\n```\n# not\n\n\ncode\n```\n### deep\n# BAB I A\n\n\n";
        let out = finish(raw);
        assert_eq!(
            out,
            "---\ntitle: x\n---\n\n<!-- pdf:skip -->\n\n# Cover\n<!-- /pdf:skip -->\n\
             - [BAB I A](#bab-i-a)\n  - [1.1 B](#11-b)\n- [BAB I A](#bab-i-a-1)\n\n\
             # BAB I A\ntext\n\n## 1.1 B\n```\n# not\n\n\ncode\n```\n\n### deep\n\n# BAB I A\n"
        );
    }

    #[test]
    fn finish_of_nothing_is_one_newline() {
        assert_eq!(finish(""), "\n");
        assert_eq!(finish("\n\n\n"), "\n");
    }
}
