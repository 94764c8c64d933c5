//! The document's words in both languages: short labels (chapter titles, column heads, category
//! and source names) as a table the templates read as `t`, and the regional terms that follow the
//! region type (Bupati / Wali Kota / Gubernur / Kepala Desa). Longer prose lives in the templates.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Language, Region, RegionType};

/// `(key, Bahasa Indonesia, English)`.
const LABELS: &[(&str, &str, &str)] = &[
    // Chapter and section titles.
    ("chapter", "BAB", "CHAPTER"),
    ("foreword", "Kata Pengantar", "Foreword"),
    ("toc", "Daftar Isi", "Contents"),
    // Caption labels; render numbers them ("Tabel 3.2").
    ("table", "Tabel", "Table"),
    ("figure", "Gambar", "Figure"),
    ("swot_of", "Analisis SWOT", "SWOT Analysis of"),
    ("agency", "Organisasi Perangkat Daerah", "Agency"),
    (
        "dimension_overview",
        "Dimensi Smart City dan Rencana Aksinya",
        "Smart City Dimensions and Their Action Plans",
    ),
    (
        "alignment_matrix",
        "Matriks Keselarasan Program dengan Misi RPJMD",
        "Alignment of the Programmes with the RPJMD Missions",
    ),
    (
        "evaluation_weights",
        "Bobot Aspek Evaluasi",
        "Weights of the Evaluation Aspects",
    ),
    ("summary", "Ringkasan Eksekutif", "Executive Summary"),
    ("introduction", "Pendahuluan", "Introduction"),
    ("background", "Latar Belakang", "Background"),
    ("purpose", "Maksud dan Tujuan", "Purpose and Objectives"),
    ("scope", "Ruang Lingkup", "Scope"),
    ("legal_basis", "Dasar Hukum", "Legal Basis"),
    (
        "outline",
        "Sistematika Penulisan",
        "Structure of This Document",
    ),
    ("profile", "Gambaran Umum Daerah", "Regional Profile"),
    ("region_profile", "Profil Daerah", "Profile of the Region"),
    (
        "rpjmd",
        "Rencana Pembangunan Jangka Menengah Daerah (RPJMD)",
        "Regional Medium-Term Development Plan (RPJMD)",
    ),
    (
        "opd_list",
        "Organisasi Perangkat Daerah",
        "Regional Government Agencies (OPD)",
    ),
    (
        "readiness",
        "Analisis Kesiapan Daerah",
        "Readiness Analysis",
    ),
    ("readiness_of", "Kesiapan", "Readiness of"),
    (
        "aspect_scores_of",
        "Skor Aspek Kesiapan",
        "Readiness Scores by Aspect:",
    ),
    (
        "readiness_summary",
        "Ringkasan Kesiapan",
        "Readiness Summary",
    ),
    (
        "vision",
        "Visi dan Misi Smart City",
        "Smart City Vision and Mission",
    ),
    ("vision_short", "Visi", "Vision"),
    ("missions", "Misi", "Mission"),
    (
        "alignment",
        "Keselarasan dengan RPJMD",
        "Alignment with the RPJMD",
    ),
    (
        "goals",
        "Tujuan, Sasaran dan Indikator",
        "Goals, Targets and Indicators",
    ),
    (
        "goal_targets",
        "Tujuan, Sasaran dan Isu Strategis",
        "Goal, Targets and Strategic Issues",
    ),
    ("goal", "Tujuan", "Goal"),
    ("targets", "Sasaran", "Targets"),
    ("issues", "Isu Strategis", "Strategic Issues"),
    ("quick_wins", "Quick Win", "Quick Wins"),
    ("quick_win_list", "Daftar Quick Win", "List of Quick Wins"),
    (
        "quick_win_details",
        "Rincian Quick Win",
        "Quick Win Details",
    ),
    ("roadmap", "Peta Jalan", "Roadmap"),
    (
        "roadmap_stages",
        "Tahapan Pelaksanaan",
        "Implementation Stages",
    ),
    ("roadmap_matrix", "Matriks Peta Jalan", "Roadmap Matrix"),
    ("roadmap_chart", "Diagram Peta Jalan", "Roadmap Chart"),
    ("budget", "Rencana Anggaran", "Budget Plan"),
    (
        "budget_by_dimension",
        "Anggaran per Dimensi dan Tahun",
        "Budget by Dimension and Year",
    ),
    (
        "budget_by_source",
        "Anggaran per Sumber Dana",
        "Budget by Source of Funds",
    ),
    (
        "budget_by_program",
        "Anggaran per Program",
        "Budget by Programme",
    ),
    (
        "monitoring",
        "Monitoring dan Evaluasi",
        "Monitoring and Evaluation",
    ),
    (
        "evaluation_framework",
        "Kerangka Evaluasi",
        "Evaluation Framework",
    ),
    (
        "indicator_targets",
        "Target Indikator per Tahun",
        "Indicator Targets by Year",
    ),
    ("mechanism", "Mekanisme Pelaksanaan", "Procedure"),
    ("closing", "Penutup", "Closing"),
    ("appendix", "Lampiran", "Appendix"),
    (
        "appendix_responsibility",
        "Matriks Tanggung Jawab OPD",
        "Agency Responsibility Matrix",
    ),
    ("appendix_commitment", "Lembar Komitmen", "Commitment Sheet"),
    ("appendix_team", "Tim Penyusun", "The Team"),
    (
        "appendix_order",
        "Urutan Pelaksanaan Program",
        "Programme Sequence",
    ),
    (
        "programs_by_element",
        "Program per Elemen",
        "Programmes by Element",
    ),
    ("element", "Elemen", "Element"),
    ("council", "Dewan Smart City", "Smart City Council"),
    ("implementers", "Tim Pelaksana", "Implementation Team"),
    ("decree", "Dasar penetapan", "Established by"),
    // Column heads and field names.
    ("no", "No", "No"),
    ("code", "Kode", "Code"),
    ("program", "Program", "Programme"),
    ("programs", "Program", "Programmes"),
    ("dimension", "Dimensi", "Dimension"),
    ("dimensions", "Dimensi", "Dimensions"),
    ("category", "Kategori", "Category"),
    // English says "agency" ("OPD" is explained once, in the list of regional agencies).
    ("lead", "OPD Penanggung Jawab", "Lead agency"),
    ("lead_short", "OPD", "Agency"),
    ("support", "OPD Pendukung", "Supporting agencies"),
    ("schedule", "Jadwal", "Schedule"),
    ("years", "Tahun", "Years"),
    ("year", "Tahun", "Year"),
    ("total", "Jumlah", "Total"),
    ("grand_total", "Total Anggaran", "Total Budget"),
    ("budget_amount", "Anggaran", "Budget"),
    ("source", "Sumber Dana", "Source of Funds"),
    ("output", "Keluaran", "Outputs"),
    ("outcome", "Hasil", "Outcome"),
    (
        "output_indicator",
        "Keluaran / Indikator",
        "Output / Indicator",
    ),
    ("indicator", "Indikator", "Indicator"),
    ("indicators", "Indikator", "Indicators"),
    ("unit", "Satuan", "Unit"),
    ("baseline", "Baseline", "Baseline"),
    ("final_target", "Target Akhir", "Final Target"),
    ("depends_on", "Bergantung pada", "Depends on"),
    ("dependents", "Prasyarat bagi", "Required by"),
    ("rpjmd_missions", "Misi RPJMD", "RPJMD Missions"),
    ("sdgs", "Tujuan SDGs", "SDGs"),
    ("impact", "Dampak", "Impact"),
    ("effort", "Upaya", "Effort"),
    ("horizon", "Jangka Waktu", "Horizon"),
    ("description", "Uraian", "Description"),
    ("detail", "Keterangan", "Details"),
    ("item", "Uraian", "Item"),
    ("count", "Jumlah", "Count"),
    ("name", "Nama", "Name"),
    ("position", "Jabatan", "Position"),
    ("role", "Peran", "Role"),
    ("signature", "Tanda Tangan", "Signature"),
    ("head", "Kepala", "Head"),
    ("score", "Skor", "Score"),
    ("average", "Rata-rata", "Average"),
    ("notes", "Catatan", "Notes"),
    ("aspect_name", "Aspek", "Aspect"),
    ("quick_win", "Quick Win", "Quick Win"),
    ("yes", "Ya", "Yes"),
    ("opd_leads", "Memimpin", "Leads"),
    ("opd_supports", "Mendukung", "Supports"),
    ("role_lead", "P", "L"),
    ("role_support", "D", "S"),
    (
        "role_legend",
        "P = penanggung jawab, D = pendukung",
        "L = lead, S = support",
    ),
    ("in_rupiah", "dalam Rupiah", "in Rupiah"),
    ("active_mark", "●", "●"),
    ("none", "–", "–"),
    ("not_assessed", "belum dinilai", "not assessed"),
    ("strengths", "Kekuatan (S)", "Strengths (S)"),
    ("weaknesses", "Kelemahan (W)", "Weaknesses (W)"),
    ("opportunities", "Peluang (O)", "Opportunities (O)"),
    ("threats", "Ancaman (T)", "Threats (T)"),
    ("swot", "Analisis SWOT", "SWOT Analysis"),
    (
        "coordinator",
        "Koordinator pokja",
        "Working-group coordinator",
    ),
    ("members", "Anggota pokja", "Working-group members"),
    // Profile rows.
    ("region_name", "Nama daerah", "Region"),
    ("province", "Provinsi", "Province"),
    ("capital", "Ibu kota", "Capital"),
    ("head_of_region", "Kepala daerah", "Head of region"),
    ("area", "Luas wilayah", "Area"),
    ("population", "Jumlah penduduk", "Population"),
    ("density", "Kepadatan penduduk", "Population density"),
    ("districts", "Jumlah kecamatan", "Districts (kecamatan)"),
    (
        "villages",
        "Jumlah desa/kelurahan",
        "Villages (desa/kelurahan)",
    ),
    ("people", "jiwa", "people"),
    ("per_km2", "jiwa/km²", "people/km²"),
    ("km2", "km²", "km²"),
    ("period", "Periode", "Period"),
    ("draft", "DRAFT", "DRAFT"),
];

/// Action-plan category names.
const CATEGORIES: &[(&str, &str, &str)] = &[
    (
        "policy",
        "Pengembangan Kebijakan dan Kelembagaan",
        "Policy and Institutional Development",
    ),
    (
        "infrastructure",
        "Penguatan Infrastruktur Pendukung",
        "Supporting Infrastructure",
    ),
    (
        "application",
        "Penyediaan Perangkat Lunak dan Aplikasi Pendukung",
        "Software and Applications",
    ),
    (
        "literacy",
        "Penguatan Literasi dan Sumber Daya Manusia",
        "Literacy and Human Resources",
    ),
];

/// Budget source names.
const SOURCES: &[(&str, &str, &str)] = &[
    ("apbd", "APBD", "APBD (regional budget)"),
    ("apbn", "APBN", "APBN (state budget)"),
    ("dak", "DAK", "DAK (special allocation fund)"),
    ("dana_desa", "Dana Desa", "Village Fund (Dana Desa)"),
    ("apbdes", "APBDes", "APBDes (village budget)"),
    ("add", "Alokasi Dana Desa", "ADD (village fund allocation)"),
    ("kpbu", "KPBU", "KPBU (public-private partnership)"),
    ("csr", "CSR", "CSR"),
    ("private", "Investasi Swasta", "Private investment"),
    ("grant", "Hibah", "Grants"),
    ("other", "Lainnya", "Other"),
];

/// Horizon names.
const HORIZONS: &[(&str, &str, &str)] = &[
    ("short", "Jangka Pendek", "Short Term"),
    ("medium", "Jangka Menengah", "Medium Term"),
    ("long", "Jangka Panjang", "Long Term"),
];

/// Readiness aspects.
const ASPECTS: &[(&str, &str, &str)] = &[
    ("structure", "Struktur", "Structure"),
    ("infrastructure", "Infrastruktur", "Infrastructure"),
    ("superstructure", "Suprastruktur", "Superstructure"),
];

/// The evaluation report's labels (`masterplan evaluate`), merged into the flat table.
const EVALUATION: &[(&str, &str, &str)] = &[
    ("eval_title", "Laporan Evaluasi", "Evaluation Report"),
    ("eval_summary", "Ringkasan", "Summary"),
    (
        "eval_scorecard",
        "Penilaian Lima Dimensi",
        "The Five Dimensions",
    ),
    (
        "eval_programs",
        "Status Pelaksanaan Program",
        "Programme Status",
    ),
    ("eval_budget", "Realisasi Anggaran", "Budget Realisation"),
    (
        "eval_indicators",
        "Capaian Indikator",
        "Indicator Achievement",
    ),
    ("eval_quick_wins", "Quick Win", "Quick Wins"),
    ("eval_notes", "Catatan Pelaksanaan", "Implementation Notes"),
    ("eval_index", "Indeks akhir", "Final index"),
    ("eval_change", "Perubahan", "Change"),
    ("eval_weight", "Bobot (%)", "Weight (%)"),
    ("eval_weighted", "Nilai Tertimbang", "Weighted"),
    ("eval_method", "Cara Penilaian", "How Obtained"),
    ("eval_self_assessed", "penilaian mandiri", "self-assessed"),
    ("eval_derived", "turunan dari data", "derived from the data"),
    (
        "eval_status_by_dimension",
        "Status per Dimensi",
        "Status by Dimension",
    ),
    ("eval_active", "Program aktif", "Active programmes"),
    (
        "eval_quick_wins_delivered",
        "Quick win terlaksana / jatuh tempo",
        "Quick wins delivered / due",
    ),
    ("status", "Status", "Status"),
    ("progress", "Progres (%)", "Progress (%)"),
    ("planned", "Rencana", "Planned"),
    ("realised", "Realisasi", "Realised"),
    ("absorption", "Serapan", "Absorption"),
    ("over_plan", "melebihi rencana", "above plan"),
    ("outside_schedule", "di luar jadwal", "outside its schedule"),
    (
        "eval_by_dimension_source",
        "Per Dimensi dan Sumber Dana",
        "By Dimension and Source",
    ),
    ("eval_by_source", "Per Sumber Dana", "By Source"),
    ("eval_by_program", "Per Program", "By Programme"),
    (
        "eval_absorption_chart",
        "Serapan anggaran per dimensi",
        "Budget absorption by dimension",
    ),
    (
        "eval_achievement_chart",
        "Capaian indikator",
        "Indicator achievement",
    ),
    ("eval_score_chart", "Skor per dimensi", "Score by dimension"),
    (
        "eval_year_targets",
        "Target dan Realisasi",
        "Targets and Actuals",
    ),
    ("eval_history", "Riwayat Capaian", "History"),
    ("target", "Target", "Target"),
    ("actual", "Realisasi", "Actual"),
    ("achievement", "Capaian", "Achievement"),
    ("direction", "Arah", "Direction"),
    ("direction_increase", "naik", "up"),
    ("direction_decrease", "turun", "down"),
    (
        "eval_behind",
        "Program Terlambat dan Kendala",
        "Behind Schedule and Obstacles",
    ),
    ("obstacles", "Kendala", "Obstacles"),
    ("eval_evidence", "Daftar Bukti", "Evidence"),
    (
        "eval_not_reported",
        "Program yang Tidak Dilaporkan",
        "Programmes Not Reported",
    ),
    ("evidence", "Bukti", "Evidence"),
    ("delivery", "Keterangan", "Delivery"),
    (
        "delivery_on_time",
        "terlaksana tepat waktu",
        "delivered on time",
    ),
    ("delivery_late", "terlaksana terlambat", "delivered late"),
    ("delivery_in_progress", "dalam pelaksanaan", "in progress"),
    (
        "delivery_not_delivered",
        "tidak terlaksana",
        "not delivered",
    ),
    ("reason_delayed", "terlambat", "delayed"),
    (
        "reason_not_started",
        "belum dimulai padahal dijadwalkan",
        "not started though scheduled",
    ),
    (
        "reason_past_end",
        "melewati tahun akhir tanpa selesai",
        "past its end year, not done",
    ),
    ("report_file", "Berkas monitoring", "Monitoring file"),
    ("reported_by", "Disusun oleh", "Compiled by"),
    ("report_date", "Tanggal laporan", "Report date"),
];

/// Programme statuses of a monitoring file, and `not_reported`.
const STATUSES: &[(&str, &str, &str)] = &[
    ("not_started", "Belum dimulai", "Not started"),
    ("on_track", "Sesuai jadwal", "On track"),
    ("delayed", "Terlambat", "Delayed"),
    ("done", "Selesai", "Done"),
    ("cancelled", "Dibatalkan", "Cancelled"),
    ("not_reported", "Tidak dilaporkan", "Not reported"),
];

/// The five dimensions of the yearly evaluation.
const EVALUATION_DIMENSIONS: &[(&str, &str, &str)] = &[
    ("baseline", "Baseline", "Baseline"),
    ("output", "Output", "Output"),
    ("outcome", "Outcome", "Outcome"),
    ("impact", "Impact", "Impact"),
    ("quick_win", "Quick Win", "Quick Win"),
];

fn table(rows: &[(&str, &str, &str)], language: Language) -> BTreeMap<String, String> {
    rows.iter()
        .map(|(k, id, en)| {
            let v = match language {
                Language::Id => id,
                Language::En => en,
            };
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The label table templates see as `t`: flat strings (`t.chapter`, `t.budget`) plus the nested
/// tables `t.categories`, `t.sources`, `t.horizons` and `t.aspects`, keyed like the input.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    #[serde(flatten)]
    pub strings: BTreeMap<String, String>,
    pub categories: BTreeMap<String, String>,
    pub sources: BTreeMap<String, String>,
    pub horizons: BTreeMap<String, String>,
    pub aspects: BTreeMap<String, String>,
    /// Monitoring statuses (`t.statuses.on_track`) and `not_reported`.
    pub statuses: BTreeMap<String, String>,
    /// The evaluation's five dimensions (`t.evaluation_dimensions.quick_win`).
    pub evaluation_dimensions: BTreeMap<String, String>,
}

impl Labels {
    pub fn new(language: Language) -> Labels {
        Labels {
            strings: {
                let mut strings = table(LABELS, language);
                strings.extend(table(EVALUATION, language));
                strings
            },
            categories: table(CATEGORIES, language),
            sources: table(SOURCES, language),
            horizons: table(HORIZONS, language),
            aspects: table(ASPECTS, language),
            statuses: table(STATUSES, language),
            evaluation_dimensions: table(EVALUATION_DIMENSIONS, language),
        }
    }

    /// A flat label; the key itself when missing (never fails).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(String::as_str).unwrap_or(key)
    }

    pub fn horizon(&self, key: &str) -> String {
        self.horizons
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn source(&self, key: &str) -> String {
        self.sources
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn category(&self, key: &str) -> String {
        self.categories
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// The names a region goes by, following its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionTerms {
    /// The bare name: `Buton`.
    pub name: String,
    /// `Kabupaten Buton` / `Buton Regency`.
    pub region: String,
    /// `Kabupaten` / `Regency`.
    pub kind: String,
    /// `Bupati` / `Regent`.
    pub head_title: String,
    /// `Bupati Buton` / `Regent of Buton`.
    pub head_of: String,
    /// `Peraturan Bupati` / `Regent Regulation`.
    pub regulation: String,
    /// `Pemerintah Kabupaten Buton` / `Government of Buton Regency`.
    pub government: String,
    /// `Peraturan Daerah Kabupaten Buton` (a Perda; for a desa `Peraturan Desa Buton`).
    pub local_law: String,
    /// `Provinsi Sulawesi Tenggara` / `Sulawesi Tenggara Province`, when given (not for a province).
    pub province: Option<String>,
}

/// Remove a leading `prefix ` (case-insensitive) from `name`.
fn strip_prefix_ci<'a>(name: &'a str, prefixes: &[&str]) -> &'a str {
    for p in prefixes {
        if let Some(head) = name.get(..p.len())
            && head.eq_ignore_ascii_case(p)
            && let Some(rest) = name.get(p.len()..)
            && rest.starts_with(' ')
        {
            return rest.trim_start();
        }
    }
    name
}

pub fn region_terms(region: &Region, language: Language) -> RegionTerms {
    let raw = region.name.trim();
    let name = match region.kind {
        RegionType::Kabupaten => strip_prefix_ci(raw, &["Kabupaten", "Kab."]),
        RegionType::Kota => strip_prefix_ci(raw, &["Kota"]),
        RegionType::Provinsi => strip_prefix_ci(raw, &["Provinsi", "Prov."]),
        RegionType::Desa => strip_prefix_ci(raw, &["Desa"]),
    }
    .to_string();
    let province = region
        .province
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty() && region.kind != RegionType::Provinsi)
        .map(|p| {
            let bare = strip_prefix_ci(p, &["Provinsi", "Prov."]);
            match language {
                Language::Id => format!("Provinsi {bare}"),
                Language::En => format!("{bare} Province"),
            }
        });
    let n = &name;
    let (kind, region_full, head_title, head_of, regulation, government, local_law) =
        match (language, region.kind) {
            (Language::Id, RegionType::Kabupaten) => (
                "Kabupaten",
                format!("Kabupaten {n}"),
                "Bupati",
                format!("Bupati {n}"),
                "Peraturan Bupati",
                format!("Pemerintah Kabupaten {n}"),
                format!("Peraturan Daerah Kabupaten {n}"),
            ),
            (Language::Id, RegionType::Kota) => (
                "Kota",
                format!("Kota {n}"),
                "Wali Kota",
                format!("Wali Kota {n}"),
                "Peraturan Wali Kota",
                format!("Pemerintah Kota {n}"),
                format!("Peraturan Daerah Kota {n}"),
            ),
            (Language::Id, RegionType::Provinsi) => (
                "Provinsi",
                format!("Provinsi {n}"),
                "Gubernur",
                format!("Gubernur {n}"),
                "Peraturan Gubernur",
                format!("Pemerintah Provinsi {n}"),
                format!("Peraturan Daerah Provinsi {n}"),
            ),
            (Language::Id, RegionType::Desa) => (
                "Desa",
                format!("Desa {n}"),
                "Kepala Desa",
                format!("Kepala Desa {n}"),
                "Peraturan Desa",
                format!("Pemerintah Desa {n}"),
                format!("Peraturan Desa {n}"),
            ),
            (Language::En, RegionType::Kabupaten) => (
                "Regency",
                format!("{n} Regency"),
                "Regent",
                format!("Regent of {n}"),
                "Regent Regulation (Peraturan Bupati)",
                format!("Government of {n} Regency"),
                format!("Regional Regulation of {n} Regency"),
            ),
            (Language::En, RegionType::Kota) => (
                "City",
                format!("{n} City"),
                "Mayor",
                format!("Mayor of {n}"),
                "Mayor Regulation (Peraturan Wali Kota)",
                format!("Government of {n} City"),
                format!("Regional Regulation of {n} City"),
            ),
            (Language::En, RegionType::Provinsi) => (
                "Province",
                format!("{n} Province"),
                "Governor",
                format!("Governor of {n}"),
                "Governor Regulation (Peraturan Gubernur)",
                format!("Government of {n} Province"),
                format!("Regional Regulation of {n} Province"),
            ),
            (Language::En, RegionType::Desa) => (
                "Village",
                format!("{n} Village"),
                "Village Head",
                format!("Village Head of {n}"),
                "Village Regulation (Peraturan Desa)",
                format!("Government of {n} Village"),
                format!("Village Regulation of {n}"),
            ),
        };
    RegionTerms {
        region: region_full,
        kind: kind.to_string(),
        head_title: head_title.to_string(),
        head_of,
        regulation: regulation.to_string(),
        government,
        local_law,
        province,
        name,
    }
}

/// The legal basis used when `masterplan.yaml` gives none: the national laws and regulations a
/// smart-city masterplan rests on, then the region's RPJMD Perda when its period is known.
pub fn default_legal_basis(
    language: Language,
    terms: &RegionTerms,
    rpjmd_period: Option<[i32; 2]>,
) -> Vec<String> {
    let mut out: Vec<String> = match language {
        Language::Id => [
            "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik beserta perubahannya",
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah beserta perubahannya",
            "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
            "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik",
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
            "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia",
            "Peraturan Presiden Nomor 82 Tahun 2023 tentang Percepatan Transformasi Digital dan Keterpaduan Layanan Digital Nasional",
            "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        Language::En => [
            "Law Number 11 of 2008 on Electronic Information and Transactions, as amended",
            "Law Number 14 of 2008 on Public Information Disclosure",
            "Law Number 25 of 2009 on Public Services",
            "Law Number 23 of 2014 on Regional Government, as amended",
            "Law Number 27 of 2022 on Personal Data Protection",
            "Government Regulation Number 71 of 2019 on Electronic Systems and Transactions",
            "Presidential Regulation Number 95 of 2018 on Electronic-Based Government Systems (SPBE)",
            "Presidential Regulation Number 39 of 2019 on One Data Indonesia",
            "Presidential Regulation Number 82 of 2023 on Accelerating Digital Transformation and Integrating National Digital Services",
            "Regulation of the Minister of Home Affairs Number 86 of 2017 on Planning, Control and Evaluation of Regional Development",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    };
    if let Some([from, to]) = rpjmd_period {
        out.push(match language {
            Language::Id => format!(
                "{} tentang Rencana Pembangunan Jangka Menengah Daerah Tahun {from}–{to}",
                terms.local_law
            ),
            Language::En => format!(
                "{} on the Regional Medium-Term Development Plan {from}–{to}",
                terms.local_law
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(name: &str, kind: RegionType, province: Option<&str>) -> Region {
        Region {
            name: name.into(),
            kind,
            province: province.map(Into::into),
            capital: None,
            head: None,
            area_km2: None,
            population: None,
            districts: None,
            villages: None,
            logo: None,
        }
    }

    #[test]
    fn regional_terms_follow_region_type() {
        let k = region_terms(
            &region("Buton", RegionType::Kabupaten, Some("Sulawesi Tenggara")),
            Language::Id,
        );
        assert_eq!(k.region, "Kabupaten Buton");
        assert_eq!(k.head_title, "Bupati");
        assert_eq!(k.regulation, "Peraturan Bupati");
        assert_eq!(k.government, "Pemerintah Kabupaten Buton");
        assert_eq!(k.province.as_deref(), Some("Provinsi Sulawesi Tenggara"));
        let c = region_terms(&region("Kota Bogor", RegionType::Kota, None), Language::Id);
        assert_eq!(c.region, "Kota Bogor");
        assert_eq!(c.head_of, "Wali Kota Bogor");
        assert_eq!(c.regulation, "Peraturan Wali Kota");
        let p = region_terms(
            &region("Jawa Tengah", RegionType::Provinsi, Some("x")),
            Language::Id,
        );
        assert_eq!(p.head_title, "Gubernur");
        assert_eq!(p.regulation, "Peraturan Gubernur");
        assert_eq!(p.province, None);
        let d = region_terms(&region("Sukamaju", RegionType::Desa, None), Language::Id);
        assert_eq!(d.head_title, "Kepala Desa");
        assert_eq!(d.regulation, "Peraturan Desa");
        let e = region_terms(
            &region(
                "Kabupaten Buton",
                RegionType::Kabupaten,
                Some("Provinsi Sulawesi Tenggara"),
            ),
            Language::En,
        );
        assert_eq!(e.region, "Buton Regency");
        assert_eq!(e.head_title, "Regent");
        assert_eq!(e.province.as_deref(), Some("Sulawesi Tenggara Province"));
    }

    #[test]
    fn labels_exist_in_both_languages() {
        let id = Labels::new(Language::Id);
        let en = Labels::new(Language::En);
        assert_eq!(id.strings.len(), en.strings.len());
        assert_eq!(id.get("closing"), "Penutup");
        assert_eq!(en.get("closing"), "Closing");
        assert_eq!(id.horizon("short"), "Jangka Pendek");
        assert_eq!(en.source("dana_desa"), "Village Fund (Dana Desa)");
        assert_eq!(id.get("missing-key"), "missing-key");
        let keys: std::collections::BTreeSet<&str> = LABELS.iter().map(|r| r.0).collect();
        assert_eq!(keys.len(), LABELS.len(), "duplicate label key");
        let evaluation: std::collections::BTreeSet<&str> = EVALUATION.iter().map(|r| r.0).collect();
        assert_eq!(
            evaluation.len(),
            EVALUATION.len(),
            "duplicate evaluation label key"
        );
        assert!(
            keys.is_disjoint(&evaluation),
            "an evaluation label hides a masterplan label"
        );
        for nested in [
            "categories",
            "sources",
            "horizons",
            "aspects",
            "statuses",
            "evaluation_dimensions",
        ] {
            assert!(!keys.contains(nested), "{nested} is a nested table");
        }
    }
}
