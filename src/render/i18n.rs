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
    // The gap analysis and the priority matrix (analysis chapter).
    ("gap_analysis", "Analisis Kesenjangan", "Gap Analysis"),
    ("current", "Saat ini", "Current"),
    ("gap", "Kesenjangan", "Gap"),
    (
        "priority_matrix",
        "Matriks Prioritas Program",
        "Programme Priority Matrix",
    ),
    ("quadrant", "Kuadran", "Quadrant"),
    ("quadrant_quick_win", "Quick win", "Quick wins"),
    ("quadrant_major_project", "Proyek besar", "Major projects"),
    ("quadrant_fill_in", "Pelengkap", "Fill-ins"),
    ("quadrant_reconsider", "Pertimbangkan ulang", "Reconsider"),
    ("impact_low", "Dampak rendah", "Low impact"),
    ("impact_high", "Dampak tinggi", "High impact"),
    ("effort_low", "Upaya rendah", "Low effort"),
    ("effort_high", "Upaya tinggi", "High effort"),
    (
        "quick_win_program",
        "Program quick win",
        "Quick-win programme",
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

/// The TOWS strategies and the risk register (issue 11), merged into the flat table.
const REGISTER: &[(&str, &str, &str)] = &[
    ("tows", "Matriks Strategi TOWS", "TOWS Strategy Matrix"),
    ("strategies", "Strategi", "Strategies"),
    (
        "tows_factors",
        "Faktor internal / eksternal",
        "Internal / external factors",
    ),
    ("tows_so", "Strategi S-O", "S-O strategies"),
    ("tows_wo", "Strategi W-O", "W-O strategies"),
    ("tows_st", "Strategi S-T", "S-T strategies"),
    ("tows_wt", "Strategi W-T", "W-T strategies"),
    (
        "tows_kind_so",
        "kekuatan untuk meraih peluang",
        "strengths to seize opportunities",
    ),
    (
        "tows_kind_wo",
        "mengatasi kelemahan dengan peluang",
        "opportunities to overcome weaknesses",
    ),
    (
        "tows_kind_st",
        "kekuatan untuk menghadapi ancaman",
        "strengths to meet threats",
    ),
    (
        "tows_kind_wt",
        "menekan kelemahan dan menghindari ancaman",
        "reducing weaknesses and avoiding threats",
    ),
    ("risks", "Risiko", "Risks"),
    ("risk", "Risiko", "Risk"),
    ("likelihood", "Kemungkinan", "Likelihood"),
    ("risk_impact", "Dampak", "Impact"),
    ("risk_score", "Skor", "Score"),
    ("risk_level", "Tingkat Risiko", "Risk Level"),
    ("mitigation", "Mitigasi", "Mitigation"),
    ("risk_level_low", "Rendah", "Low"),
    ("risk_level_medium", "Sedang", "Medium"),
    ("risk_level_high", "Tinggi", "High"),
    (
        "appendix_risks",
        "Daftar Risiko Program",
        "Programme Risk Register",
    ),
    ("omitted", "Tanpa program", "No programme"),
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

/// Labels that change with the region type, `(key, Bahasa Indonesia, English)`, applied over
/// [`LABELS`] by [`Labels::for_region`]. A desa has perangkat desa, an RPJMDes and dusun; a kota
/// has kelurahan; a provinsi counts its kabupaten/kota where a kabupaten counts kecamatan.
const DESA: &[(&str, &str, &str)] = &[
    ("profile", "Gambaran Umum Desa", "Village Profile"),
    ("region_profile", "Profil Desa", "Profile of the Village"),
    (
        "rpjmd",
        "Rencana Pembangunan Jangka Menengah Desa (RPJMDes)",
        "Village Medium-Term Development Plan (RPJMDes)",
    ),
    (
        "opd_list",
        "Perangkat Desa",
        "Village Officials (perangkat desa)",
    ),
    ("agency", "Perangkat Desa", "Village official"),
    (
        "alignment_matrix",
        "Matriks Keselarasan Program dengan Misi RPJMDes",
        "Alignment of the Programmes with the RPJMDes Missions",
    ),
    ("readiness", "Analisis Kesiapan Desa", "Readiness Analysis"),
    (
        "alignment",
        "Keselarasan dengan RPJMDes",
        "Alignment with the RPJMDes",
    ),
    (
        "appendix_responsibility",
        "Matriks Tanggung Jawab Perangkat Desa",
        "Responsibility Matrix of the Village Officials",
    ),
    (
        "lead",
        "Perangkat Desa Penanggung Jawab",
        "Lead village official",
    ),
    ("lead_short", "Pelaksana", "Lead"),
    (
        "support",
        "Perangkat Desa Pendukung",
        "Supporting village officials",
    ),
    ("rpjmd_missions", "Misi RPJMDes", "RPJMDes Missions"),
    ("region_name", "Nama desa", "Village"),
    ("capital", "Pusat pemerintahan desa", "Village office"),
    ("head_of_region", "Kepala desa", "Village head"),
    ("head", "Pejabat", "Official"),
    ("districts", "Jumlah dusun", "Hamlets (dusun)"),
];

const KOTA: &[(&str, &str, &str)] = &[(
    "villages",
    "Jumlah kelurahan/desa",
    "Urban villages (kelurahan/desa)",
)];

const PROVINSI: &[(&str, &str, &str)] = &[(
    "districts",
    "Jumlah kabupaten/kota",
    "Regencies and cities (kabupaten/kota)",
)];

impl Labels {
    /// The labels of a region type: [`Labels::new`] with the words a desa, kota or provinsi uses.
    pub fn for_region(language: Language, kind: RegionType) -> Labels {
        let mut labels = Labels::new(language);
        let words = match kind {
            RegionType::Kabupaten => &[][..],
            RegionType::Kota => KOTA,
            RegionType::Provinsi => PROVINSI,
            RegionType::Desa => DESA,
        };
        labels.strings.extend(table(words, language));
        labels
    }

    pub fn new(language: Language) -> Labels {
        Labels {
            strings: {
                let mut strings = table(LABELS, language);
                strings.extend(table(EVALUATION, language));
                strings.extend(table(REGISTER, language));
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
    /// The region type as written in YAML: `kabupaten`, `kota`, `provinsi`, `desa`.
    pub key: &'static str,
    /// The organisations that carry out programmes, in running text: `perangkat daerah` /
    /// `agencies`; for a desa `perangkat desa` / `village officials`.
    pub agencies: String,
    /// One of them: `perangkat daerah` / `agency`; `perangkat desa` / `village official`.
    pub agency: String,
    /// The head in running text: `kepala daerah` / `head of region`; `kepala desa` / `village head`.
    pub head_generic: String,
    /// What the plan covers, in running text: `daerah` / `region`; `desa` / `village`.
    pub area: String,
    /// The medium-term development plan: `RPJMD`; `RPJMDes` for a desa.
    pub mid_plan: String,
    /// The yearly work plan: `RKPD`; `RKPDes` for a desa.
    pub annual_plan: String,
    /// Where the programmes' yearly plans and budgets are made: `rencana kerja dan anggaran
    /// perangkat daerah` / `the agencies' work plans and budgets`; for a desa the RKPDes and APBDes.
    pub work_plans: String,
    /// The plans the masterplan follows: `RPJMD dan Renstra perangkat daerah`; for a desa
    /// `RPJMDes dan RKPDes`.
    pub plans: String,
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
    let desa = region.kind == RegionType::Desa;
    let pick = |kab: &str, des: &str| if desa { des } else { kab }.to_string();
    let (agencies, agency, head_generic, area, work_plans, plans) = match language {
        Language::Id => (
            pick("perangkat daerah", "perangkat desa"),
            pick("perangkat daerah", "perangkat desa"),
            pick("kepala daerah", "kepala desa"),
            pick("daerah", "desa"),
            pick(
                "rencana kerja dan anggaran perangkat daerah",
                "Rencana Kerja Pemerintah Desa (RKPDes) dan APBDes",
            ),
            pick("RPJMD dan Renstra perangkat daerah", "RPJMDes dan RKPDes"),
        ),
        Language::En => (
            pick("agencies", "village officials"),
            pick("agency", "village official"),
            pick("head of region", "village head"),
            pick("region", "village"),
            pick(
                "the agencies' work plans and budgets",
                "the village's yearly work plan (RKPDes) and budget (APBDes)",
            ),
            pick(
                "the RPJMD and the agencies' strategic plans (Renstra)",
                "the RPJMDes and the yearly village work plans (RKPDes)",
            ),
        ),
    };
    RegionTerms {
        key: region.kind.key(),
        agencies,
        agency,
        head_generic,
        area,
        mid_plan: pick("RPJMD", "RPJMDes"),
        annual_plan: pick("RKPD", "RKPDes"),
        work_plans,
        plans,
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
    if terms.key == RegionType::Desa.key() {
        return village_legal_basis(language, terms, rpjmd_period);
    }
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

/// The default legal basis of a desa: the village law and its implementing rules (village
/// government, Dana Desa, village development planning and finance, the organisation of the
/// perangkat desa), the national laws on electronic services and data, then the village's RPJMDes
/// Peraturan Desa when its period is known.
fn village_legal_basis(
    language: Language,
    terms: &RegionTerms,
    rpjmd_period: Option<[i32; 2]>,
) -> Vec<String> {
    let laws: &[&str] = match language {
        Language::Id => &[
            "Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 3 Tahun 2024",
            "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik beserta perubahannya",
            "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
            "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
            "Peraturan Pemerintah Nomor 43 Tahun 2014 tentang Peraturan Pelaksanaan Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah beberapa kali diubah, terakhir dengan Peraturan Pemerintah Nomor 11 Tahun 2019",
            "Peraturan Pemerintah Nomor 60 Tahun 2014 tentang Dana Desa yang Bersumber dari Anggaran Pendapatan dan Belanja Negara beserta perubahannya",
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
            "Peraturan Menteri Dalam Negeri Nomor 114 Tahun 2014 tentang Pedoman Pembangunan Desa",
            "Peraturan Menteri Dalam Negeri Nomor 84 Tahun 2015 tentang Susunan Organisasi dan Tata Kerja Pemerintah Desa",
            "Peraturan Menteri Dalam Negeri Nomor 20 Tahun 2018 tentang Pengelolaan Keuangan Desa",
            "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 21 Tahun 2020 tentang Pedoman Umum Pembangunan Desa dan Pemberdayaan Masyarakat Desa",
        ],
        Language::En => &[
            "Law Number 6 of 2014 on Villages, as last amended by Law Number 3 of 2024",
            "Law Number 11 of 2008 on Electronic Information and Transactions, as amended",
            "Law Number 14 of 2008 on Public Information Disclosure",
            "Law Number 25 of 2009 on Public Services",
            "Law Number 27 of 2022 on Personal Data Protection",
            "Government Regulation Number 43 of 2014 implementing Law Number 6 of 2014 on Villages, as last amended by Government Regulation Number 11 of 2019",
            "Government Regulation Number 60 of 2014 on the Village Fund from the State Budget, as amended",
            "Presidential Regulation Number 95 of 2018 on Electronic-Based Government Systems (SPBE)",
            "Regulation of the Minister of Home Affairs Number 114 of 2014 on Guidelines for Village Development",
            "Regulation of the Minister of Home Affairs Number 84 of 2015 on the Organisation and Work Procedures of Village Governments",
            "Regulation of the Minister of Home Affairs Number 20 of 2018 on Village Financial Management",
            "Regulation of the Minister of Villages, Development of Disadvantaged Regions and Transmigration Number 21 of 2020 on General Guidelines for Village Development and Community Empowerment",
        ],
    };
    let mut out: Vec<String> = laws.iter().map(|s| s.to_string()).collect();
    if let Some([from, to]) = rpjmd_period {
        out.push(match language {
            Language::Id => format!(
                "{} tentang Rencana Pembangunan Jangka Menengah Desa Tahun {from}–{to}",
                terms.local_law
            ),
            Language::En => format!(
                "{} on the Village Medium-Term Development Plan {from}–{to}",
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
    fn region_labels_override_only_known_keys() {
        for kind in RegionType::ALL {
            for language in [Language::Id, Language::En] {
                let base = Labels::new(language);
                let over = Labels::for_region(language, kind);
                assert_eq!(
                    base.strings.len(),
                    over.strings.len(),
                    "{kind:?}: a new key"
                );
            }
        }
        let d = Labels::for_region(Language::Id, RegionType::Desa);
        assert_eq!(d.get("opd_list"), "Perangkat Desa");
        assert_eq!(d.get("districts"), "Jumlah dusun");
        assert!(d.get("rpjmd").contains("RPJMDes"));
        let p = Labels::for_region(Language::Id, RegionType::Provinsi);
        assert_eq!(p.get("districts"), "Jumlah kabupaten/kota");
        let k = Labels::for_region(Language::Id, RegionType::Kota);
        assert_eq!(k.get("villages"), "Jumlah kelurahan/desa");
        assert_eq!(k.get("districts"), "Jumlah kecamatan");
    }

    #[test]
    fn a_village_rests_on_the_village_law() {
        let d = region_terms(
            &region("Tongke-Tongke", RegionType::Desa, None),
            Language::Id,
        );
        assert_eq!(d.mid_plan, "RPJMDes");
        assert_eq!(d.agencies, "perangkat desa");
        let laws = default_legal_basis(Language::Id, &d, Some([2025, 2030]));
        assert!(laws[0].starts_with("Undang-Undang Nomor 6 Tahun 2014 tentang Desa"));
        assert!(!laws.iter().any(|l| l.contains("Pemerintahan Daerah")));
        assert_eq!(
            laws.last().unwrap(),
            "Peraturan Desa Tongke-Tongke tentang Rencana Pembangunan Jangka Menengah Desa Tahun 2025–2030"
        );
        let en = region_terms(
            &region("Tongke-Tongke", RegionType::Desa, None),
            Language::En,
        );
        assert_eq!(
            default_legal_basis(Language::En, &en, None).len(),
            laws.len() - 1
        );
        let k = region_terms(&region("Buton", RegionType::Kabupaten, None), Language::Id);
        assert_eq!(k.mid_plan, "RPJMD");
        assert!(default_legal_basis(Language::Id, &k, None)[3].contains("Pemerintahan Daerah"));
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
        let register: std::collections::BTreeSet<&str> = REGISTER.iter().map(|r| r.0).collect();
        assert_eq!(
            register.len(),
            REGISTER.len(),
            "duplicate register label key"
        );
        assert!(
            keys.is_disjoint(&register) && evaluation.is_disjoint(&register),
            "a register label hides another label"
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
