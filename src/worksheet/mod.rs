//! The Bimtek worksheet: a project as an Excel workbook a planner fills in, and back.
//!
//! [`export`] writes the workbook (rust_xlsxwriter); [`import`] reads one (calamine) and gives
//! the project's YAML files, checked by the normal `check`. This module holds the layout both
//! directions share, a public interface documented in docs/reference/worksheet.md: the sheet
//! names, the rows of the key-value sheets and the columns of the table sheets, each with its
//! contract field key and its label in both document languages.

pub mod archive;
pub mod emit;
pub mod export;
pub mod import;

pub use export::{ExportError, export};
pub use import::{Imported, import};

use crate::model::Language;

/// Sheet names (stable; the import finds sheets by these names, case and spaces ignored).
pub const REGION: &str = "region";
pub const OPD: &str = "opd";
pub const POKJA: &str = "pokja";
pub const BUDGET: &str = "budget";
pub const INDICATORS: &str = "indicators";
/// The risk register: one risk per row, keyed by programme id.
pub const RISKS: &str = "risks";
/// Elements a pokja leaves out, with the reason: one per row, keyed by dimension.
pub const OMITTED: &str = "omitted";
pub const LISTS: &str = "lists";
/// The instructions sheet, by language (the import ignores it).
pub const INSTRUCTIONS: [&str; 2] = ["petunjuk", "instructions"];

/// Table sheets have two header rows: labels (row 1) and field keys (row 2); data from row 3.
pub const HEADER_ROWS: u32 = 2;

/// What a cell holds, which decides its format, its dropdown and how the import reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Markdown prose, line breaks kept.
    Prose,
    /// A programme id (`ECO-01`).
    ProgramId,
    /// An OPD code.
    Opd,
    /// OPD codes separated by commas.
    OpdList,
    /// Programme ids separated by commas.
    ProgramList,
    /// Codes separated by commas (RPJMD mission ids).
    CodeList,
    /// Whole numbers separated by commas (SDGs).
    NumberList,
    /// One item per line of the cell.
    Lines,
    /// A year of the period.
    Year,
    /// A whole number (start year, population).
    Whole,
    /// A decimal number (area).
    Decimal,
    /// Whole Rupiah.
    Money,
    /// 1..=5.
    Score,
    /// ya/tidak, yes/no.
    YesNo,
    /// A number or a short text (indicator baseline and targets).
    Value,
    /// An element key of the sheet's dimension.
    Element,
    /// An element key of any dimension (the omitted sheet; `check` ties it to the row's
    /// dimension).
    AnyElement,
    /// A category key.
    Category,
    /// A budget source key.
    Source,
    /// increase | decrease.
    Direction,
    /// kabupaten | kota | provinsi | desa.
    RegionType,
    /// id | en.
    Language,
    /// 5..=20.
    PeriodYears,
    /// A dimension key.
    Dimension,
}

/// A column of a table sheet, or a row of a key-value sheet.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub id: &'static str,
    pub en: &'static str,
    pub kind: Kind,
    pub required: bool,
}

impl Field {
    pub fn label(&self, language: Language) -> &'static str {
        match language {
            Language::Id => self.id,
            Language::En => self.en,
        }
    }
}

const fn f(key: &'static str, id: &'static str, en: &'static str, kind: Kind) -> Field {
    Field {
        key,
        id,
        en,
        kind,
        required: false,
    }
}

const fn req(key: &'static str, id: &'static str, en: &'static str, kind: Kind) -> Field {
    Field {
        key,
        id,
        en,
        kind,
        required: true,
    }
}

/// Rows of the region sheet (masterplan.yaml without the OPD list). Keys marked as repeating
/// may appear on several rows, one item each; pair rows use the value and value 2 columns.
pub const REGION_ROWS: &[Field] = &[
    req("region.name", "Nama daerah", "Region name", Kind::Text),
    req(
        "region.type",
        "Jenis daerah",
        "Region type",
        Kind::RegionType,
    ),
    f("region.province", "Provinsi", "Province", Kind::Text),
    f("region.capital", "Ibu kota", "Capital", Kind::Text),
    f("region.head", "Kepala daerah", "Head of region", Kind::Text),
    f("region.area_km2", "Luas (km²)", "Area (km²)", Kind::Decimal),
    f(
        "region.population",
        "Jumlah penduduk",
        "Population",
        Kind::Whole,
    ),
    f(
        "region.districts",
        "Jumlah kecamatan",
        "Districts",
        Kind::Whole,
    ),
    f(
        "region.villages",
        "Jumlah desa/kelurahan",
        "Villages",
        Kind::Whole,
    ),
    f("region.logo", "Berkas logo", "Logo file", Kind::Text),
    req(
        "period.start_year",
        "Tahun mulai",
        "First year",
        Kind::Whole,
    ),
    f(
        "period.years",
        "Lama (tahun)",
        "Length (years)",
        Kind::PeriodYears,
    ),
    f(
        "language",
        "Bahasa dokumen",
        "Document language",
        Kind::Language,
    ),
    f("taxonomy", "Taksonomi", "Taxonomy", Kind::Text),
    f("title", "Judul dokumen", "Document title", Kind::Text),
    f("foreword", "Kata pengantar", "Foreword", Kind::Prose),
    req("vision", "Visi", "Vision", Kind::Text),
    req(
        "missions",
        "Misi (satu per baris)",
        "Missions (one per row)",
        Kind::Text,
    ),
    f(
        "rpjmd.period",
        "Periode RPJMD (awal, akhir)",
        "RPJMD period (first, last)",
        Kind::Whole,
    ),
    f("rpjmd.vision", "Visi RPJMD", "RPJMD vision", Kind::Text),
    f(
        "rpjmd.missions",
        "Misi RPJMD (id, teks)",
        "RPJMD mission (id, text)",
        Kind::Text,
    ),
    f("team.decree", "SK tim", "Team decree", Kind::Text),
    f(
        "team.council",
        "Dewan Smart City (nama, peran)",
        "Smart City Council (name, role)",
        Kind::Text,
    ),
    f(
        "team.implementers",
        "Tim Pelaksana (nama, peran)",
        "Implementation team (name, role)",
        Kind::Text,
    ),
    f(
        "legal_basis",
        "Dasar hukum (satu per baris)",
        "Legal basis (one per row)",
        Kind::Text,
    ),
    f(
        "evaluation.weights.baseline",
        "Bobot evaluasi: baseline",
        "Evaluation weight: baseline",
        Kind::Whole,
    ),
    f(
        "evaluation.weights.output",
        "Bobot evaluasi: output",
        "Evaluation weight: output",
        Kind::Whole,
    ),
    f(
        "evaluation.weights.outcome",
        "Bobot evaluasi: outcome",
        "Evaluation weight: outcome",
        Kind::Whole,
    ),
    f(
        "evaluation.weights.impact",
        "Bobot evaluasi: dampak",
        "Evaluation weight: impact",
        Kind::Whole,
    ),
    f(
        "evaluation.weights.quick_win",
        "Bobot evaluasi: quick win",
        "Evaluation weight: quick win",
        Kind::Whole,
    ),
];

/// Region rows that may repeat, one item per row.
pub const REPEATING: &[&str] = &[
    "missions",
    "rpjmd.missions",
    "team.council",
    "team.implementers",
    "legal_basis",
    "members",
    "targets",
    "issues",
    "swot.strengths",
    "swot.weaknesses",
    "swot.opportunities",
    "swot.threats",
    "strategies.so",
    "strategies.wo",
    "strategies.st",
    "strategies.wt",
];

/// Rows that use the second value column too.
pub const PAIRS: &[&str] = &[
    "rpjmd.period",
    "rpjmd.missions",
    "team.council",
    "team.implementers",
];

/// Columns of the key-value sheets: region (label, key, value, value 2) and pokja (dimension,
/// label, key, value).
pub const REGION_COLUMNS: [Field; 4] = [
    f("label", "Isian", "Field", Kind::Text),
    f("key", "Kunci", "Key", Kind::Text),
    f("value", "Nilai", "Value", Kind::Text),
    f("value2", "Nilai 2", "Value 2", Kind::Text),
];
pub const POKJA_COLUMNS: [Field; 4] = [
    f("dimension", "Dimensi", "Dimension", Kind::Dimension),
    f("label", "Isian", "Field", Kind::Text),
    f("key", "Kunci", "Key", Kind::Text),
    f("value", "Nilai", "Value", Kind::Text),
];

/// Rows of the pokja sheet, for each dimension.
pub const POKJA_ROWS: &[Field] = &[
    req(
        "coordinator",
        "OPD koordinator",
        "Coordinating OPD",
        Kind::Opd,
    ),
    f(
        "members",
        "OPD anggota (satu per baris)",
        "Member OPD (one per row)",
        Kind::Opd,
    ),
    f("goal", "Tujuan", "Goal", Kind::Text),
    f(
        "targets",
        "Sasaran (satu per baris)",
        "Target (one per row)",
        Kind::Text,
    ),
    f(
        "issues",
        "Isu strategis (satu per baris)",
        "Strategic issue (one per row)",
        Kind::Text,
    ),
    f(
        "readiness.structure.score",
        "Kesiapan struktur: skor 1-5",
        "Readiness, structure: score 1-5",
        Kind::Score,
    ),
    f(
        "readiness.structure.target",
        "Kesiapan struktur: target 1-5",
        "Readiness, structure: target 1-5",
        Kind::Score,
    ),
    f(
        "readiness.structure.notes",
        "Kesiapan struktur: catatan",
        "Readiness, structure: notes",
        Kind::Prose,
    ),
    f(
        "readiness.infrastructure.score",
        "Kesiapan infrastruktur: skor 1-5",
        "Readiness, infrastructure: score 1-5",
        Kind::Score,
    ),
    f(
        "readiness.infrastructure.target",
        "Kesiapan infrastruktur: target 1-5",
        "Readiness, infrastructure: target 1-5",
        Kind::Score,
    ),
    f(
        "readiness.infrastructure.notes",
        "Kesiapan infrastruktur: catatan",
        "Readiness, infrastructure: notes",
        Kind::Prose,
    ),
    f(
        "readiness.superstructure.score",
        "Kesiapan suprastruktur: skor 1-5",
        "Readiness, superstructure: score 1-5",
        Kind::Score,
    ),
    f(
        "readiness.superstructure.target",
        "Kesiapan suprastruktur: target 1-5",
        "Readiness, superstructure: target 1-5",
        Kind::Score,
    ),
    f(
        "readiness.superstructure.notes",
        "Kesiapan suprastruktur: catatan",
        "Readiness, superstructure: notes",
        Kind::Prose,
    ),
    f(
        "swot.strengths",
        "Kekuatan (satu per baris)",
        "Strength (one per row)",
        Kind::Text,
    ),
    f(
        "swot.weaknesses",
        "Kelemahan (satu per baris)",
        "Weakness (one per row)",
        Kind::Text,
    ),
    f(
        "swot.opportunities",
        "Peluang (satu per baris)",
        "Opportunity (one per row)",
        Kind::Text,
    ),
    f(
        "swot.threats",
        "Ancaman (satu per baris)",
        "Threat (one per row)",
        Kind::Text,
    ),
    // TOWS strategies (issue 11), after the SWOT they are drawn from.
    f(
        "strategies.so",
        "Strategi S-O: kekuatan x peluang (satu per baris)",
        "S-O strategy: strengths x opportunities (one per row)",
        Kind::Text,
    ),
    f(
        "strategies.wo",
        "Strategi W-O: kelemahan x peluang (satu per baris)",
        "W-O strategy: weaknesses x opportunities (one per row)",
        Kind::Text,
    ),
    f(
        "strategies.st",
        "Strategi S-T: kekuatan x ancaman (satu per baris)",
        "S-T strategy: strengths x threats (one per row)",
        Kind::Text,
    ),
    f(
        "strategies.wt",
        "Strategi W-T: kelemahan x ancaman (satu per baris)",
        "W-T strategy: weaknesses x threats (one per row)",
        Kind::Text,
    ),
];

/// Columns of the OPD sheet.
pub const OPD_COLUMNS: &[Field] = &[
    req("code", "Kode OPD", "OPD code", Kind::Text),
    req("name", "Nama OPD", "OPD name", Kind::Text),
    f("head", "Kepala OPD", "Head of OPD", Kind::Text),
];

/// Columns of a programme sheet (one per pokja, named by the dimension key).
pub const PROGRAM_COLUMNS: &[Field] = &[
    req("id", "ID program", "Programme id", Kind::ProgramId),
    req("name", "Nama program", "Programme name", Kind::Text),
    req("element", "Elemen", "Element", Kind::Element),
    req("category", "Kategori", "Category", Kind::Category),
    f("description", "Deskripsi", "Description", Kind::Prose),
    req("lead", "OPD penanggung jawab", "Lead OPD", Kind::Opd),
    f(
        "support",
        "OPD pendukung (koma)",
        "Supporting OPDs (commas)",
        Kind::OpdList,
    ),
    req("start", "Tahun mulai", "Start year", Kind::Year),
    req("end", "Tahun selesai", "End year", Kind::Year),
    f(
        "outputs",
        "Keluaran (satu per baris)",
        "Outputs (one per line)",
        Kind::Lines,
    ),
    f("outcome", "Hasil (outcome)", "Outcome", Kind::Prose),
    f("quick_win", "Quick win", "Quick win", Kind::YesNo),
    f("impact", "Dampak 1-5", "Impact 1-5", Kind::Score),
    f("effort", "Upaya 1-5", "Effort 1-5", Kind::Score),
    f(
        "depends_on",
        "Bergantung pada (koma)",
        "Depends on (commas)",
        Kind::ProgramList,
    ),
    f(
        "rpjmd_missions",
        "Misi RPJMD (koma)",
        "RPJMD missions (commas)",
        Kind::CodeList,
    ),
    f("sdgs", "SDGs (koma)", "SDGs (commas)", Kind::NumberList),
];

/// Columns of the budget sheet: one budget line per row.
pub const BUDGET_COLUMNS: &[Field] = &[
    req("program", "ID program", "Programme id", Kind::ProgramId),
    req("source", "Sumber dana", "Source", Kind::Source),
    req("amount", "Jumlah (Rp)", "Amount (Rp)", Kind::Money),
    f(
        "year",
        "Tahun (kosong: dibagi rata)",
        "Year (empty: spread evenly)",
        Kind::Year,
    ),
];

/// The fixed columns of the indicators sheet; a `targets.<year>` column per period year follows.
pub const INDICATOR_COLUMNS: &[Field] = &[
    req("program", "ID program", "Programme id", Kind::ProgramId),
    req("name", "Nama indikator", "Indicator", Kind::Text),
    f("unit", "Satuan", "Unit", Kind::Text),
    f("baseline", "Baseline", "Baseline", Kind::Value),
    f("direction", "Arah", "Direction", Kind::Direction),
];

/// Columns of the risks sheet: one risk of a programme's register per row.
pub const RISK_COLUMNS: &[Field] = &[
    req("program", "ID program", "Programme id", Kind::ProgramId),
    req("risk", "Risiko", "Risk", Kind::Prose),
    req(
        "likelihood",
        "Kemungkinan 1-5",
        "Likelihood 1-5",
        Kind::Score,
    ),
    req("impact", "Dampak 1-5", "Impact 1-5", Kind::Score),
    f("mitigation", "Mitigasi", "Mitigation", Kind::Prose),
];

/// Columns of the omitted sheet: an element a pokja has no programme for, and why.
pub const OMITTED_COLUMNS: &[Field] = &[
    req("dimension", "Dimensi", "Dimension", Kind::Dimension),
    req("element", "Elemen", "Element", Kind::AnyElement),
    req(
        "reason",
        "Alasan tanpa program",
        "Why there is no programme",
        Kind::Prose,
    ),
];

/// The yes/no words the export writes, by language; the import reads either language's.
pub fn yes_no(language: Language) -> [&'static str; 2] {
    match language {
        Language::Id => ["ya", "tidak"],
        Language::En => ["yes", "no"],
    }
}

/// `A`, `B`, ..., `Z`, `AA`, ... for a 0-based column.
pub fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `economy!D7` for a 0-based row and column.
pub fn cell_ref(sheet: &str, row: u32, col: u16) -> String {
    format!("{sheet}!{}{}", column_name(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(cell_ref("economy", 6, 3), "economy!D7");
    }
}
