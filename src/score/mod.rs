//! `masterplan score`: a self-review of the draft as a Kominfo mentor would grade it. A fixed
//! table of criteria ([`CRITERIA`]), each with its maximum points, the guidance it comes from
//! and a pure function that returns the share of the criterion the project meets and the fixes
//! that would earn the rest. Points are proportional where the criterion is a share (27 of 30
//! programmes with an indicator earn 27/30 of its points); the maxima sum to 100, so the points
//! are the percentage. Nothing here measures prose: only what is present in the inputs.
//! The criteria, weights and sources are documented in docs/reference/score.md.

mod criteria;
#[cfg(test)]
mod tests;
mod text;

use serde::Serialize;

use crate::model::{Language, Period, Project, Year};
use crate::taxonomy::Taxonomy;

pub use text::human;

/// What a criterion is graded on.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub project: &'a Project,
    pub taxonomy: &'a Taxonomy,
    /// The year the score is taken in: monitoring files are due for the period's years before
    /// it ([`due_years`]).
    pub year: Year,
    /// The language of titles and fixes.
    pub language: Language,
}

impl Input<'_> {
    pub fn language(&self) -> Language {
        self.language
    }
}

/// What one criterion found: the share met (0 to 1) and the fixes that would earn the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub share: f64,
    pub fixes: Vec<String>,
}

/// One criterion of the score.
#[derive(Debug, Clone, Copy)]
pub struct Criterion {
    /// Stable key (`indicators`), used in the JSON and the docs.
    pub id: &'static str,
    /// The title in Bahasa Indonesia ...
    pub title_id: &'static str,
    /// ... and in English.
    pub title_en: &'static str,
    /// The points a project meeting the criterion in full earns.
    pub max: u32,
    /// The guidance the criterion comes from (docs/reference/score.md cites it in full).
    pub source: &'static str,
    pub grade: fn(&Input) -> Graded,
}

impl Criterion {
    pub fn title(&self, language: Language) -> &'static str {
        match language {
            Language::Id => self.title_id,
            Language::En => self.title_en,
        }
    }
}

/// Every criterion, in the order of the document: the strategic analysis (Buku 1), the
/// programmes (Buku 2), the quick wins (Buku 3), the institutions behind the plan, and its
/// monitoring after adoption. The maxima sum to 100.
pub const CRITERIA: &[Criterion] = &[
    Criterion {
        id: "profile",
        title_id: "Basis fakta: profil, isu, tujuan, sasaran",
        title_en: "Fact base: profile, issues, goals, targets",
        max: 5,
        source: "Buku 1 (regional profile); study of 22 masterplans: the fact base is weakest",
        grade: criteria::profile,
    },
    Criterion {
        id: "readiness",
        title_id: "Kesiapan dinilai dan ditargetkan",
        title_en: "Readiness scored and targeted",
        max: 7,
        source: "Bimtek 1 and 2: readiness and gap analysis (struktur, infrastruktur, suprastruktur)",
        grade: criteria::readiness,
    },
    Criterion {
        id: "swot",
        title_id: "SWOT lengkap per dimensi",
        title_en: "A complete SWOT per dimension",
        max: 6,
        source: "Bimtek 1: SWOT per pokja",
        grade: criteria::swot,
    },
    Criterion {
        id: "tows",
        title_id: "Strategi TOWS per dimensi",
        title_en: "TOWS strategies per dimension",
        max: 5,
        source: "Bimtek 3: strategy per dimension, drawn from the SWOT (SO, WO, ST, WT)",
        grade: criteria::tows,
    },
    Criterion {
        id: "rpjmd",
        title_id: "Visi dan misi terhubung dengan RPJMD",
        title_en: "Vision and missions linked to the RPJMD",
        max: 5,
        source: "Buku 1 (RPJMD); evaluators flag masterplans that do not match the RPJMD",
        grade: criteria::rpjmd,
    },
    Criterion {
        id: "elements",
        title_id: "Setiap elemen diprogramkan atau dijelaskan",
        title_en: "Every element covered or its omission explained",
        max: 9,
        source: "Kominfo framework: six dimensions of three elements; Bimtek 2 and 3",
        grade: criteria::elements,
    },
    Criterion {
        id: "outputs",
        title_id: "Program dengan keluaran (output)",
        title_en: "Programmes with outputs",
        max: 6,
        source: "Bimtek 2: action plan worksheet (rencana aksi)",
        grade: criteria::outputs,
    },
    Criterion {
        id: "budget",
        title_id: "Program dengan anggaran",
        title_en: "Programmes with a budget",
        max: 7,
        source: "Bimtek 2: action plans with funding; common failure: unclear funding",
        grade: criteria::budget,
    },
    Criterion {
        id: "indicators",
        title_id: "Program dengan indikator, baseline, target",
        title_en: "Programmes with indicator, baseline, targets",
        max: 9,
        source: "Bimtek 1 and 2: goals and indicators (SNI ISO 37122) with yearly targets",
        grade: criteria::indicators,
    },
    Criterion {
        id: "missions",
        title_id: "Program mendukung misi RPJMD",
        title_en: "Programmes serving an RPJMD mission",
        max: 6,
        source: "Bimtek 2: programmes aligned with OPD programmes and the RPJMD",
        grade: criteria::missions,
    },
    Criterion {
        id: "risks",
        title_id: "Risiko dan mitigasi program besar",
        title_en: "Risks and mitigation of large programmes",
        max: 7,
        source: "Kominfo mentors: most programmes have no risk mitigation",
        grade: criteria::risks,
    },
    Criterion {
        id: "quick-wins",
        title_id: "3 sampai 6 quick win di tahun pertama",
        title_en: "3 to 6 quick wins in the first year",
        max: 8,
        source: "Bimtek 1, 3 and 4: about 3 to 6 quick wins, each with an owner and a year",
        grade: criteria::quick_wins,
    },
    Criterion {
        id: "legal-basis",
        title_id: "Dasar hukum daerah dicantumkan",
        title_en: "The region's legal basis listed",
        max: 3,
        source: "Buku 1 (dasar hukum); evaluators flag regions without a regulation",
        grade: criteria::legal_basis,
    },
    Criterion {
        id: "team",
        title_id: "SK, Dewan Smart City, Tim Pelaksana",
        title_en: "Team decree, council and implementers",
        max: 4,
        source: "Before Bimtek: Dewan Smart City and Tim Pelaksana formed by decree",
        grade: criteria::team,
    },
    Criterion {
        id: "signers",
        title_id: "Penanda tangan lembar komitmen",
        title_en: "Commitment signers named",
        max: 5,
        source: "Bimtek 4: lembar komitmen signed by the head of region and the OPD heads",
        grade: criteria::signers,
    },
    Criterion {
        id: "monitoring",
        title_id: "Monitoring tahun-tahun yang telah lewat",
        title_en: "Monitoring files for past years",
        max: 8,
        source: "Yearly Kominfo evaluation; common failure: the plan kept in the cupboard",
        grade: criteria::monitoring,
    },
];

/// One criterion's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    pub id: &'static str,
    /// In the project's language.
    pub title: &'static str,
    /// Points earned, to one decimal.
    pub points: f64,
    pub max: u32,
    /// Every fix that would earn the missing points, in the project's language.
    pub fixes: Vec<String>,
    pub source: &'static str,
    /// `points` in tenths (exact, for the text output).
    #[serde(skip)]
    pub tenths: u32,
}

/// The whole score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// The total as a percentage of the maximum, to one decimal.
    pub score: f64,
    pub criteria: Vec<CriterionScore>,
    /// The points earned, to one decimal (the sum of the criteria's points).
    pub points: f64,
    /// The maximum points (100).
    pub max: u32,
    /// The year the score was taken in.
    pub year: Year,
    /// The period years whose monitoring files were due.
    pub due_years: Vec<Year>,
    /// `id` or `en`: the language of titles and fixes.
    pub language: &'static str,
    /// `score` in tenths of a percent.
    #[serde(skip)]
    pub tenths: u32,
}

/// The period's years whose monitoring files are due in `year`: those before it (a year is
/// reported once it is over).
pub fn due_years(period: &Period, year: Year) -> Vec<Year> {
    period
        .year_list()
        .into_iter()
        .filter(|y| *y < year)
        .collect()
}

/// Grade a project that loaded and validated, as of `year`, with titles and fixes in the
/// project's language.
pub fn score(project: &Project, taxonomy: &Taxonomy, year: Year) -> Score {
    score_in(project, taxonomy, year, project.masterplan.language)
}

/// [`score`] with titles and fixes in `language` (`masterplan score --lang`).
pub fn score_in(project: &Project, taxonomy: &Taxonomy, year: Year, language: Language) -> Score {
    let input = Input {
        project,
        taxonomy,
        year,
        language,
    };
    let language = input.language();
    let mut criteria = Vec::with_capacity(CRITERIA.len());
    for c in CRITERIA {
        let graded = (c.grade)(&input);
        let tenths = tenths_of(graded.share, c.max);
        criteria.push(CriterionScore {
            id: c.id,
            title: c.title(language),
            points: f64::from(tenths) / 10.0,
            max: c.max,
            fixes: graded.fixes,
            source: c.source,
            tenths,
        });
    }
    let earned: u32 = criteria.iter().map(|c| c.tenths).sum();
    let max: u32 = criteria.iter().map(|c| c.max).sum();
    // Percent in tenths, rounded half up, in integers (the same digits on every machine).
    let tenths = (earned * 100 + max / 2).checked_div(max).unwrap_or(0);
    Score {
        score: f64::from(tenths) / 10.0,
        criteria,
        points: f64::from(earned) / 10.0,
        max,
        year,
        due_years: due_years(&project.masterplan.period, year),
        language: language.key(),
        tenths,
    }
}

/// `share` of `max` points, in tenths, rounded half up; a share short of 1 never rounds up to
/// full marks (a fix is outstanding), nor a share above 0 down to nothing.
fn tenths_of(share: f64, max: u32) -> u32 {
    let full = max * 10;
    if share.is_nan() || share <= 0.0 {
        return 0;
    }
    if share >= 1.0 {
        return full;
    }
    let t = (share * f64::from(full)).round() as u32;
    t.clamp(1.min(full), full.saturating_sub(1))
}

/// The masterplan's title as the document shows it (`title`, or the default one), for the
/// heading of the text output.
pub fn title(project: &Project) -> String {
    let m = &project.masterplan;
    let terms = crate::render::i18n::region_terms(&m.region, m.language);
    let (start, end) = (m.period.start_year, m.period.end_year());
    m.title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| crate::render::default_title(&terms, start, end, m.language))
        // The period with an en dash, as the document writes it.
        .replace(&format!("{start}-{end}"), &format!("{start}–{end}"))
}
