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

pub mod context;
pub mod escape;
pub mod format;
pub mod i18n;
pub mod user_markdown;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use crate::model::{Language, Project};
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
];

/// The template every document starts from.
pub const ROOT_TEMPLATE: &str = "document.md";

/// The line in `toc.md` that render replaces with the link list of the document's headings.
pub const TOC_PLACEHOLDER: &str = "<!-- masterplan:toc -->";

/// Periods longer than this many years put the year-column tables on landscape pages.
pub const LANDSCAPE_AFTER_YEARS: usize = 5;

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

const ALL_PARTS: &[&str] = &["responsibility", "commitment", "team", "order"];

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
                Appendix(&["responsibility", "order"]),
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
struct Section {
    /// `introduction`, `dimension`, `appendix`, ...
    key: &'static str,
    /// The template that renders it.
    template: &'static str,
    /// Chapter number (BAB n), for numbered chapters.
    number: Option<usize>,
    roman: Option<String>,
    /// Plain title (`Pendahuluan`, `Smart Governance`).
    title: String,
    /// The level-1 heading text, escaped: `BAB I PENDAHULUAN`.
    heading: String,
    /// Index into `dimensions` for a dimension chapter.
    dimension: Option<usize>,
    /// Quick-win chapter: also give each quick win's details.
    detail: bool,
    /// Appendix parts, numbered.
    parts: Vec<Part>,
    /// One sentence on what the chapter holds (the "sistematika" in 1.5).
    outline: String,
}

#[derive(Debug, Serialize)]
struct Part {
    key: &'static str,
    no: usize,
    template: String,
    title: String,
}

/// The `doc` variable.
#[derive(Debug, Serialize)]
struct DocInfo {
    file_name: &'static str,
    language: &'static str,
    title: String,
    subtitle: Option<String>,
    book: Option<u8>,
    region: String,
    province: Option<String>,
    /// `2023–2032`.
    period: String,
    start_year: i32,
    end_year: i32,
    /// Number of years.
    years: usize,
    /// The year at the foot of the cover.
    year: i32,
    draft: bool,
    /// Display date, when known.
    date: Option<String>,
    logo: Option<String>,
    author: String,
    subject: &'static str,
    keywords: Vec<String>,
    /// Whether year-column tables go on landscape pages.
    landscape: bool,
    /// Where the document is signed: the capital, else the region's name.
    place: String,
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

/// The default title: `Masterplan Smart City Kabupaten Buton 2022-2031`.
pub fn default_title(terms: &RegionTerms, start: i32, end: i32, language: Language) -> String {
    match language {
        Language::Id => format!("Masterplan Smart City {} {start}-{end}", terms.region),
        Language::En => format!("Smart City Masterplan of {} {start}-{end}", terms.region),
    }
}

fn outline(kind: &str, language: Language, title: &str) -> String {
    let id = language == Language::Id;
    let s = match kind {
        "introduction" if id => {
            "latar belakang, maksud dan tujuan, ruang lingkup, dasar hukum dan sistematika penulisan masterplan"
        }
        "introduction" => {
            "the background, purpose, scope and legal basis of the masterplan, and the structure of this document"
        }
        "profile" if id => {
            "profil daerah, RPJMD yang menjadi acuan, dan perangkat daerah yang terlibat"
        }
        "profile" => "the profile of the region, the RPJMD it serves, and the agencies involved",
        "readiness" if id => {
            "hasil analisis kesiapan daerah (struktur, infrastruktur, suprastruktur) dan analisis SWOT setiap dimensi"
        }
        "readiness" => {
            "the readiness analysis (structure, infrastructure, superstructure) and the SWOT analysis of every dimension"
        }
        "vision" if id => {
            "visi dan misi smart city, arah pengembangan setiap dimensi, dan keselarasannya dengan RPJMD"
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
        "quick_wins" => {
            "the quick wins: programmes with a direct impact on citizens within a short time"
        }
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
            format!("{s} {title}, by element")
        };
    }
    s.to_string()
}

fn sections(
    kinds: &[Kind],
    labels: &Labels,
    shared: &context::Shared,
    language: Language,
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
            outline: outline(key, language, &title),
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
        outline: outline(key, language, &title),
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
                let mut s = plain(
                    "appendix",
                    "appendix.md",
                    labels.get("appendix").to_string(),
                );
                s.parts = parts
                    .iter()
                    .enumerate()
                    .map(|(i, key)| Part {
                        key,
                        no: i + 1,
                        template: format!("appendix-{key}.md"),
                        title: labels.get(&format!("appendix_{key}")).to_string(),
                    })
                    .collect();
                out.push(s);
            }
        }
    }
    out
}

/// Where each template came from, for error messages.
struct Origins(HashMap<String, String>);

impl Origins {
    fn describe(&self, name: &str) -> String {
        self.0
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("built-in template `{name}`"))
    }
}

/// An anyhow error naming the template file and line of a minijinja error.
fn template_error(err: &minijinja::Error, origins: &Origins) -> anyhow::Error {
    // The innermost error carries the template where things went wrong (an include).
    let mut inner: &dyn std::error::Error = err;
    let mut deepest = err;
    while let Some(source) = inner.source() {
        if let Some(e) = source.downcast_ref::<minijinja::Error>() {
            deepest = e;
        }
        inner = source;
    }
    let where_ = match deepest.name() {
        Some(name) => origins.describe(name),
        None => "a template".to_string(),
    };
    let line = deepest.line();
    let detail = deepest
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| deepest.kind().to_string());
    let mut msg = match line {
        Some(l) => format!("{where_}, line {l}: {}: {detail}", deepest.kind()),
        None => format!("{where_}: {}: {detail}", deepest.kind()),
    };
    if let (Some(src), Some(l)) = (deepest.template_source(), line)
        && let Some(text) = src.lines().nth(l.saturating_sub(1))
    {
        msg.push_str(&format!("\n  {l} | {}", text.trim_end()));
    }
    anyhow::anyhow!(msg)
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
        match item.as_str() {
            Some(s) if escape::inline_is_identity(s) => out.push_str(s),
            Some(s) => out.push_str(&escape(s)),
            None => out.push_str(&escape(&text_of(&item))),
        }
    }
    Ok(out)
}

/// Build the environment: built-in templates, overrides, filters.
fn environment(
    language: Language,
    overrides: Option<&Path>,
) -> anyhow::Result<(Environment<'static>, Origins)> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    // Debug mode keeps the template source in runtime errors (no measurable cost).
    env.set_debug(true);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| anyhow::anyhow!("template syntax configuration: {e}"))?;
    env.set_syntax(syntax);

    let mut origins = Origins(HashMap::new());
    let mut sources: BTreeMap<String, (String, Option<String>)> = BUILTIN
        .iter()
        .map(|(n, s)| (n.to_string(), (s.to_string(), None)))
        .collect();
    if let Some(dir) = overrides {
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| !p.is_dir() && p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        for path in files {
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
            origins
                .0
                .insert(name.clone(), format!("template {}", path.display()));
            sources.insert(name.clone(), (src, Some(path.display().to_string())));
        }
    }
    for (name, (src, _)) in sources {
        if let Err(e) = env.add_template_owned(name, src) {
            return Err(template_error(&e, &origins));
        }
    }

    let lang = language;
    env.add_filter("rupiah", move |v: Value| {
        format::rupiah(amount_of(&v), lang)
    });
    env.add_filter("rupiah_short", move |v: Value| {
        format::rupiah_short(amount_of(&v), lang)
    });
    env.add_filter("number", move |v: Value, decimals: Option<usize>| {
        number_text(&v, decimals.unwrap_or(2), lang)
    });
    env.add_filter("percent", move |part: Value, whole: Value| {
        let (p, w) = (amount_of(&part), amount_of(&whole));
        if w == 0 {
            return String::new();
        }
        // One decimal, exact: tenths of a percent, rounded half up.
        let tenths = (p.saturating_mul(1000) + w / 2) / w;
        let point = if lang == Language::Id { ',' } else { '.' };
        format!("{}{point}{} %", tenths / 10, tenths % 10)
    });
    env.add_filter("md", |v: Value| escape_value(&v, escape::prose));
    env.add_filter("inline", |v: Value| escape_value(&v, escape::inline));
    env.add_filter("cell", |v: Value| escape_value(&v, escape::cell));
    env.add_filter("markdown", |v: Value, level: Option<usize>| {
        escape::markdown(&text_of(&v), level.unwrap_or(0))
    });
    env.add_filter(
        "join_cell",
        |v: Value, sep: Option<String>, attribute: Option<String>| {
            join_escaped(&v, sep.as_deref(), attribute.as_deref(), escape::cell)
        },
    );
    env.add_filter(
        "join_inline",
        |v: Value, sep: Option<String>, attribute: Option<String>| {
            join_escaped(&v, sep.as_deref(), attribute.as_deref(), escape::inline)
        },
    );
    env.add_filter("markdown_cell", |v: Value| {
        escape::markdown_cell(&text_of(&v))
    });
    env.add_filter("yaml", |v: Value| escape::yaml_scalar(&text_of(&v)));
    env.add_filter("mermaid", |v: Value| escape::mermaid_text(&text_of(&v)));
    env.add_filter("roman", |v: Value| {
        format::roman(u64::try_from(amount_of(&v)).unwrap_or(0))
    });
    env.add_filter("slug", |v: Value| format::slug(&text_of(&v)));
    env.add_filter("url", |v: Value| {
        let s = text_of(&v);
        if s.chars()
            .any(|c| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
        {
            format!("<{}>", s.replace('<', "%3C").replace('>', "%3E"))
        } else {
            s
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
    let labels = Labels::new(language);
    let terms = i18n::region_terms(&mp.region, language);
    let start = mp.period.start_year;
    let end = mp.period.end_year();
    let title = mp
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
    let (env, origins) = environment(language, overrides.as_deref())?;

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
    base.insert("legal_basis", Value::from(Serde(&legal_basis)));
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
            file_name: spec.file_name,
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
        let sections = sections(&spec.kinds, &labels, &shared, language);
        let mut ctx = base.clone();
        ctx.insert("doc", Value::from(Serde(&doc)));
        ctx.insert("sections", Value::from(Serde(&sections)));
        let raw = template
            .render(Value::from(ctx))
            .map_err(|e| template_error(&e, &origins))?;
        documents.push(Document {
            file_name: spec.file_name.to_string(),
            markdown: finish(&raw),
        });
    }
    Ok(documents)
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
