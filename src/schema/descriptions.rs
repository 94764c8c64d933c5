//! The descriptions of every field of every schema, in English and in Bahasa Indonesia, keyed
//! by the schema path `Type.field` (`Type` is a definition of the schema, or the file's root
//! type: `Masterplan`, `Pokja`, `Monitoring`, `Taxonomy`); with examples where they help and the
//! ranges `check` enforces. An editor shows the description in the project's language on hover
//! and while completing.

/// `(key, English, Indonesian)`.
pub const TEXTS: &[(&str, &str, &str)] = &[
    // masterplan.yaml
    (
        "Masterplan.region",
        "The region: name, type, province and profile figures.",
        "Daerah: nama, jenis, provinsi dan angka profil wilayah.",
    ),
    (
        "Masterplan.period",
        "The period of the masterplan: first year and length.",
        "Periode masterplan: tahun pertama dan lamanya.",
    ),
    (
        "Masterplan.language",
        "The document language: id (default) or en.",
        "Bahasa dokumen: id (bawaan) atau en.",
    ),
    (
        "Masterplan.taxonomy",
        "A built-in taxonomy name (`kominfo-2017`) or a path to a taxonomy YAML file.",
        "Nama taksonomi bawaan (`kominfo-2017`) atau path berkas taksonomi YAML.",
    ),
    (
        "Masterplan.title",
        "The document title; derived from the region and period when absent.",
        "Judul dokumen; bila kosong dibentuk dari nama daerah dan periode.",
    ),
    (
        "Masterplan.foreword",
        "Kata pengantar; Markdown.",
        "Kata pengantar; Markdown (**tebal**, *miring*, paragraf dipisah baris kosong).",
    ),
    (
        "Masterplan.vision",
        "The smart-city vision of the region, one sentence.",
        "Visi smart city daerah, satu kalimat.",
    ),
    (
        "Masterplan.missions",
        "The missions that carry out the vision, one per item.",
        "Misi yang menjabarkan visi, satu butir per misi.",
    ),
    (
        "Masterplan.rpjmd",
        "The RPJMD the masterplan follows: period, vision and missions with ids.",
        "RPJMD yang menjadi acuan: periode, visi, dan misi beserta kodenya.",
    ),
    (
        "Masterplan.opd",
        "The regional organisations (OPD); their codes are what the pokja files use.",
        "Daftar perangkat daerah (OPD); kodenya dipakai di berkas pokja.",
    ),
    (
        "Masterplan.team",
        "The decree and members of the Dewan Smart City and the Tim Pelaksana.",
        "SK serta anggota Dewan Smart City dan Tim Pelaksana.",
    ),
    (
        "Masterplan.legal_basis",
        "The regulations the masterplan rests on, one per item.",
        "Dasar hukum penyusunan masterplan, satu peraturan per butir.",
    ),
    (
        "Masterplan.evaluation",
        "How the yearly evaluation weighs its five dimensions.",
        "Bobot lima dimensi evaluasi tahunan.",
    ),
    (
        "EvaluationConfig.weights",
        "The weight of each evaluation dimension, in percent; together 100.",
        "Bobot tiap dimensi evaluasi dalam persen; jumlahnya 100.",
    ),
    (
        "Weights.baseline",
        "Weight of the baseline (readiness) dimension, percent.",
        "Bobot dimensi baseline (kesiapan), persen.",
    ),
    (
        "Weights.output",
        "Weight of the output dimension, percent.",
        "Bobot dimensi output, persen.",
    ),
    (
        "Weights.outcome",
        "Weight of the outcome dimension, percent.",
        "Bobot dimensi outcome, persen.",
    ),
    (
        "Weights.impact",
        "Weight of the impact dimension, percent.",
        "Bobot dimensi dampak, persen.",
    ),
    (
        "Weights.quick_win",
        "Weight of the quick-win dimension, percent.",
        "Bobot dimensi quick win, persen.",
    ),
    (
        "Member.name",
        "The member's full name with titles.",
        "Nama lengkap anggota beserta gelar.",
    ),
    (
        "Member.role",
        "The member's role or position in the team.",
        "Jabatan atau peran anggota dalam tim.",
    ),
    (
        "Opd.code",
        "The OPD's short code, used by the pokja files (`lead`, `support`, ...).",
        "Kode singkat OPD, dipakai di berkas pokja (`lead`, `support`, ...).",
    ),
    ("Opd.name", "The OPD's full name.", "Nama lengkap OPD."),
    (
        "Opd.head",
        "The head of the OPD, named on the commitment sheet.",
        "Kepala OPD, dicantumkan pada lembar komitmen.",
    ),
    (
        "Period.start_year",
        "The first year of the masterplan.",
        "Tahun pertama masterplan.",
    ),
    (
        "Period.years",
        "Default 10; allowed 5..=20.",
        "Lama perencanaan dalam tahun, 5 sampai 20 (bawaan 10).",
    ),
    (
        "Region.name",
        "The region's name without its type: `Banggai`, not `Kabupaten Banggai`.",
        "Nama daerah tanpa jenisnya: `Banggai`, bukan `Kabupaten Banggai`.",
    ),
    (
        "Region.type",
        "kabupaten, kota, provinsi or desa: sets Bupati / Wali Kota / Gubernur / Kepala Desa.",
        "kabupaten, kota, provinsi atau desa: menentukan sebutan Bupati / Wali Kota / Gubernur / Kepala Desa.",
    ),
    (
        "Region.province",
        "The province; required unless type is provinsi.",
        "Nama provinsi; wajib kecuali jenis daerahnya provinsi.",
    ),
    (
        "Region.capital",
        "The capital / seat of government.",
        "Ibu kota / pusat pemerintahan.",
    ),
    (
        "Region.head",
        "The head of region: Bupati, Wali Kota, Gubernur or Kepala Desa.",
        "Kepala daerah (Bupati, Wali Kota, Gubernur atau Kepala Desa), nama lengkap dengan gelar.",
    ),
    (
        "Region.area_km2",
        "Area in km2 (dot as decimal separator).",
        "Luas wilayah dalam km2 (titik sebagai pemisah desimal).",
    ),
    (
        "Region.population",
        "Population (a whole number, no separators).",
        "Jumlah penduduk (bilangan bulat, tanpa titik).",
    ),
    ("Region.districts", "Kecamatan.", "Jumlah kecamatan."),
    (
        "Region.villages",
        "Desa/kelurahan.",
        "Jumlah desa/kelurahan.",
    ),
    (
        "Region.logo",
        "PNG or JPEG, relative to the project folder.",
        "Berkas logo PNG atau JPEG, relatif terhadap folder proyek.",
    ),
    (
        "Rpjmd.period",
        "`[2021, 2026]`: first and last year.",
        "`[2021, 2026]`: tahun awal dan tahun akhir RPJMD.",
    ),
    ("Rpjmd.vision", "The vision of the RPJMD.", "Visi RPJMD."),
    (
        "Rpjmd.missions",
        "The missions of the RPJMD, each with a short id that programmes cite.",
        "Misi RPJMD, masing-masing dengan kode singkat yang dirujuk program.",
    ),
    (
        "RpjmdMission.id",
        "A short id of the mission, cited by `rpjmd_missions` of programmes.",
        "Kode singkat misi, dirujuk oleh `rpjmd_missions` pada program.",
    ),
    (
        "RpjmdMission.text",
        "The mission as written in the RPJMD.",
        "Bunyi misi sesuai dokumen RPJMD.",
    ),
    (
        "Team.decree",
        "The decree (SK) that forms the teams.",
        "SK pembentukan tim.",
    ),
    (
        "Team.council",
        "Dewan Smart City.",
        "Anggota Dewan Smart City.",
    ),
    (
        "Team.implementers",
        "Tim Pelaksana.",
        "Anggota Tim Pelaksana.",
    ),
    // pokja/<dimension>.yaml
    (
        "Pokja.dimension",
        "Must equal the file name and a taxonomy dimension key.",
        "Harus sama dengan nama berkas dan salah satu kunci dimensi taksonomi.",
    ),
    (
        "Pokja.coordinator",
        "An OPD code.",
        "Kode OPD koordinator pokja.",
    ),
    (
        "Pokja.members",
        "The OPD codes of the pokja's members.",
        "Kode OPD anggota pokja.",
    ),
    (
        "Pokja.readiness",
        "The readiness of the dimension (Bimtek 1): structure, infrastructure, superstructure.",
        "Kesiapan dimensi (Bimtek 1): struktur, infrastruktur, suprastruktur.",
    ),
    (
        "Pokja.swot",
        "The SWOT analysis of the dimension (Bimtek 1).",
        "Analisis SWOT dimensi (Bimtek 1).",
    ),
    (
        "Pokja.strategies",
        "TOWS strategies drawn from the SWOT (Bimtek 3).",
        "Strategi TOWS yang diturunkan dari SWOT (Bimtek 3).",
    ),
    (
        "Pokja.goal",
        "The goal of the dimension over the period.",
        "Sasaran dimensi selama periode masterplan.",
    ),
    (
        "Pokja.issues",
        "The strategic issues of the dimension, one per item.",
        "Isu strategis dimensi, satu isu per butir.",
    ),
    (
        "Pokja.targets",
        "The dimension's targets, one per item.",
        "Target dimensi, satu target per butir.",
    ),
    (
        "Pokja.programs",
        "The programmes of the dimension (Bimtek 2 and 3).",
        "Program dimensi ini (Bimtek 2 dan 3).",
    ),
    (
        "Pokja.omitted_elements",
        "Element key -> why this dimension has no programme for that element.",
        "Kunci elemen -> alasan dimensi ini tidak memiliki program untuk elemen tersebut.",
    ),
    (
        "Readiness.structure",
        "Structure: organisation, people and their skills.",
        "Struktur: kelembagaan, SDM dan kompetensinya.",
    ),
    (
        "Readiness.infrastructure",
        "Infrastructure: networks, data centres, devices.",
        "Infrastruktur: jaringan, pusat data, perangkat.",
    ),
    (
        "Readiness.superstructure",
        "Superstructure: regulations and policies.",
        "Suprastruktur: regulasi dan kebijakan.",
    ),
    (
        "ReadinessScore.score",
        "1..=5.",
        "Nilai kesiapan saat ini, 1 sampai 5.",
    ),
    (
        "ReadinessScore.target",
        "1..=5: the readiness aimed for at the end of the period (gap = target - score).",
        "Nilai kesiapan yang dituju di akhir periode, 1 sampai 5 (kesenjangan = target - nilai).",
    ),
    (
        "ReadinessScore.notes",
        "Why this score: what exists and what is missing.",
        "Alasan nilai ini: apa yang sudah ada dan apa yang belum.",
    ),
    (
        "Swot.strengths",
        "Strengths, one per item.",
        "Kekuatan, satu per butir.",
    ),
    (
        "Swot.weaknesses",
        "Weaknesses, one per item.",
        "Kelemahan, satu per butir.",
    ),
    (
        "Swot.opportunities",
        "Opportunities, one per item.",
        "Peluang, satu per butir.",
    ),
    (
        "Swot.threats",
        "Threats, one per item.",
        "Ancaman, satu per butir.",
    ),
    (
        "Strategies.so",
        "Strengths x opportunities.",
        "Strategi S-O: memakai kekuatan untuk meraih peluang.",
    ),
    (
        "Strategies.wo",
        "Weaknesses x opportunities.",
        "Strategi W-O: memanfaatkan peluang untuk mengatasi kelemahan.",
    ),
    (
        "Strategies.st",
        "Strengths x threats.",
        "Strategi S-T: memakai kekuatan untuk menghadapi ancaman.",
    ),
    (
        "Strategies.wt",
        "Weaknesses x threats.",
        "Strategi W-T: menekan kelemahan dan menghindari ancaman.",
    ),
    (
        "Program.id",
        "Unique across the project; `[A-Z0-9-]+`.",
        "Kode program, unik di seluruh proyek; huruf besar, angka dan tanda hubung.",
    ),
    ("Program.name", "The programme's name.", "Nama program."),
    (
        "Program.element",
        "An element key of this dimension in the taxonomy.",
        "Kunci elemen dimensi ini dalam taksonomi.",
    ),
    (
        "Program.category",
        "policy, infrastructure, application or literacy (the action-plan category).",
        "policy, infrastructure, application atau literacy (kategori rencana aksi).",
    ),
    (
        "Program.lead",
        "The owning OPD code.",
        "Kode OPD penanggung jawab program.",
    ),
    (
        "Program.support",
        "The OPD codes that support the programme.",
        "Kode OPD pendukung program.",
    ),
    (
        "Program.start",
        "The first year of the programme, inside the period.",
        "Tahun mulai program, di dalam periode masterplan.",
    ),
    (
        "Program.end",
        "The last year of the programme, inside the period, not before start.",
        "Tahun selesai program, di dalam periode dan tidak sebelum tahun mulai.",
    ),
    (
        "Program.description",
        "Markdown.",
        "Uraian program; Markdown.",
    ),
    (
        "Program.outputs",
        "What the programme delivers, one per item.",
        "Keluaran (output) program, satu per butir.",
    ),
    (
        "Program.outcome",
        "The change the outputs bring about.",
        "Hasil (outcome) yang diharapkan dari keluaran program.",
    ),
    (
        "Program.budget",
        "The budget lines: source, amount in rupiah and optionally the year.",
        "Rincian anggaran: sumber, jumlah dalam rupiah dan (opsional) tahunnya.",
    ),
    (
        "Program.indicators",
        "The performance indicators with baseline and yearly targets.",
        "Indikator kinerja beserta nilai awal (baseline) dan target tahunan.",
    ),
    (
        "Program.quick_win",
        "Whether the programme is a quick win (results within the first year or two).",
        "Apakah program ini quick win (hasilnya terlihat dalam satu-dua tahun pertama).",
    ),
    (
        "Program.impact",
        "1..=5: expected impact on citizens.",
        "Perkiraan dampak bagi warga, 1 sampai 5.",
    ),
    (
        "Program.effort",
        "1..=5: cost and difficulty.",
        "Besarnya biaya dan tingkat kesulitan, 1 sampai 5.",
    ),
    (
        "Program.depends_on",
        "The ids of the programmes that must come first.",
        "Kode program yang harus dilaksanakan lebih dahulu.",
    ),
    (
        "Program.rpjmd_missions",
        "The ids of the RPJMD missions the programme serves.",
        "Kode misi RPJMD yang didukung program ini.",
    ),
    (
        "Program.sdgs",
        "1..=17.",
        "Nomor tujuan SDGs yang didukung, 1 sampai 17.",
    ),
    (
        "Program.risks",
        "The programme's risk register.",
        "Daftar risiko program.",
    ),
    (
        "Risk.risk",
        "What could go wrong.",
        "Risiko yang mungkin terjadi.",
    ),
    (
        "Risk.likelihood",
        "1..=5.",
        "Kemungkinan terjadinya, 1 sampai 5.",
    ),
    (
        "Risk.impact",
        "1..=5.",
        "Besarnya dampak bila terjadi, 1 sampai 5.",
    ),
    (
        "Risk.mitigation",
        "What is done to prevent or soften it.",
        "Langkah pencegahan atau pengurangan risiko.",
    ),
    (
        "BudgetLine.source",
        "Where the money comes from (apbd, apbn, dak, dana_desa, apbdes, add, kpbu, csr, private, grant, other).",
        "Sumber dana (apbd, apbn, dak, dana_desa, apbdes, add, kpbu, csr, private, grant, other).",
    ),
    (
        "BudgetLine.amount",
        "Rupiah, a whole number without separators.",
        "Jumlah dalam rupiah, bilangan bulat tanpa titik.",
    ),
    (
        "BudgetLine.year",
        "When absent the amount is spread evenly over start..=end, the remainder on the last year.",
        "Tahun anggaran; bila kosong, jumlahnya dibagi rata dari tahun mulai sampai tahun selesai (sisanya di tahun terakhir).",
    ),
    (
        "Indicator.name",
        "The indicator's name; monitoring files refer to it by this name.",
        "Nama indikator; berkas monitoring merujuknya dengan nama ini.",
    ),
    (
        "Indicator.unit",
        "The unit of the values (%, unit, orang, ...).",
        "Satuan nilai (%, unit, orang, ...).",
    ),
    (
        "Indicator.baseline",
        "The value at the start of the period.",
        "Nilai awal (baseline) di awal periode.",
    ),
    (
        "Indicator.targets",
        "Year -> target; years inside the period.",
        "Tahun -> target; tahun di dalam periode masterplan.",
    ),
    (
        "Indicator.direction",
        "Increase (default) or decrease: whether a higher or a lower value is better.",
        "increase (bawaan) atau decrease: apakah nilai yang lebih tinggi atau lebih rendah yang lebih baik.",
    ),
    // monitoring/<year>.yaml
    (
        "Monitoring.year",
        "Equals the file name; a year inside the period.",
        "Sama dengan nama berkas; tahun di dalam periode masterplan.",
    ),
    (
        "Monitoring.date",
        "When the report was compiled (`YYYY-MM-DD`).",
        "Tanggal laporan disusun (`YYYY-MM-DD`).",
    ),
    (
        "Monitoring.reported_by",
        "An OPD code.",
        "Kode OPD penyusun laporan.",
    ),
    (
        "Monitoring.programs",
        "Programme id -> what happened in this year.",
        "Kode program -> capaian program pada tahun ini.",
    ),
    (
        "Monitoring.assessment",
        "The region's self-assessment on the five evaluation dimensions.",
        "Penilaian mandiri daerah atas lima dimensi evaluasi.",
    ),
    (
        "ProgramReport.status",
        "not_started, on_track, delayed, done or cancelled.",
        "not_started, on_track, delayed, done atau cancelled (belum mulai, sesuai jadwal, terlambat, selesai, dibatalkan).",
    ),
    (
        "ProgramReport.progress",
        "Percent of the work planned up to this year, 0..=100.",
        "Persentase capaian pekerjaan yang direncanakan sampai tahun ini, 0 sampai 100.",
    ),
    (
        "ProgramReport.budget",
        "Money actually spent in this year.",
        "Realisasi anggaran pada tahun ini.",
    ),
    (
        "ProgramReport.outputs",
        "Outputs delivered (text).",
        "Keluaran yang sudah dihasilkan.",
    ),
    (
        "ProgramReport.indicators",
        "Indicator name (as in the pokja file) -> actual value this year.",
        "Nama indikator (sesuai berkas pokja) -> realisasi tahun ini.",
    ),
    (
        "ProgramReport.obstacles",
        "Kendala.",
        "Kendala pelaksanaan.",
    ),
    (
        "ProgramReport.evidence",
        "Links or project-relative paths.",
        "Bukti dukung: tautan atau path relatif terhadap folder proyek.",
    ),
    (
        "ProgramReport.notes",
        "Notes on the year.",
        "Catatan tahun ini.",
    ),
    (
        "Spending.source",
        "Where the money came from (the budget sources of the pokja files).",
        "Sumber dana (sama dengan sumber anggaran di berkas pokja).",
    ),
    (
        "Spending.amount",
        "Rupiah spent, a whole number without separators.",
        "Jumlah realisasi dalam rupiah, bilangan bulat tanpa titik.",
    ),
    (
        "Assessment.baseline",
        "Self-assessed score of the baseline (readiness) dimension.",
        "Nilai mandiri dimensi baseline (kesiapan).",
    ),
    (
        "Assessment.output",
        "Self-assessed score of the output dimension.",
        "Nilai mandiri dimensi output.",
    ),
    (
        "Assessment.outcome",
        "Self-assessed score of the outcome dimension.",
        "Nilai mandiri dimensi outcome.",
    ),
    (
        "Assessment.impact",
        "Self-assessed score of the impact dimension.",
        "Nilai mandiri dimensi dampak.",
    ),
    (
        "Assessment.quick_win",
        "Self-assessed score of the quick-win dimension.",
        "Nilai mandiri dimensi quick win.",
    ),
    ("AssessedScore.score", "The score.", "Nilai."),
    (
        "AssessedScore.evidence",
        "Links or project-relative paths that support the score.",
        "Bukti dukung nilai: tautan atau path relatif terhadap folder proyek.",
    ),
    (
        "AssessedScore.notes",
        "Why this score.",
        "Alasan pemberian nilai.",
    ),
    // taxonomy files
    (
        "Taxonomy.name",
        "The taxonomy's name, as `taxonomy:` of masterplan.yaml refers to it.",
        "Nama taksonomi, sebagaimana dirujuk `taxonomy:` di masterplan.yaml.",
    ),
    (
        "Taxonomy.label",
        "The taxonomy's title in both languages.",
        "Judul taksonomi dalam dua bahasa.",
    ),
    (
        "Taxonomy.dimensions",
        "The dimensions; each has a pokja file named by its key.",
        "Daftar dimensi; tiap dimensi punya berkas pokja bernama sesuai kuncinya.",
    ),
    (
        "Dimension.key",
        "The dimension's key: the pokja file name and `dimension:` of that file.",
        "Kunci dimensi: nama berkas pokja dan isi `dimension:` di berkas itu.",
    ),
    (
        "Dimension.label",
        "The dimension's title in both languages.",
        "Nama dimensi dalam dua bahasa.",
    ),
    (
        "Dimension.elements",
        "The elements of the dimension.",
        "Daftar elemen dimensi.",
    ),
    (
        "Element.key",
        "The element's key, used by `element:` of programmes.",
        "Kunci elemen, dipakai pada `element:` program.",
    ),
    (
        "Element.label",
        "The element's title in both languages.",
        "Nama elemen dalam dua bahasa.",
    ),
    ("Label.id", "Bahasa Indonesia.", "Dalam Bahasa Indonesia."),
    ("Label.en", "English.", "Dalam bahasa Inggris."),
];

/// The descriptions of the files and of the types (`Type`), and of the values of the closed
/// sets that have one (`Type=value`): `(key, English, Indonesian)`.
pub const TYPES: &[(&str, &str, &str)] = &[
    (
        "Masterplan",
        "`masterplan.yaml`: the region, the period, vision and missions, the OPD list.",
        "`masterplan.yaml`: profil daerah, periode, visi-misi dan daftar OPD.",
    ),
    (
        "Pokja",
        "`pokja/<dimension>.yaml`: one working group's analysis and programmes.",
        "`pokja/<dimensi>.yaml`: analisis dan program satu kelompok kerja.",
    ),
    (
        "Monitoring",
        "`monitoring/<year>.yaml`: what was carried out in one year of the period.",
        "`monitoring/<tahun>.yaml`: apa yang terlaksana pada satu tahun periode.",
    ),
    (
        "Taxonomy",
        "A taxonomy file: the dimensions and their elements.",
        "Berkas taksonomi: daftar dimensi beserta elemennya.",
    ),
    (
        "EvaluationConfig",
        "`evaluation:` in masterplan.yaml: how the yearly evaluation weighs its five dimensions.",
        "`evaluation:` di masterplan.yaml: bobot lima dimensi evaluasi tahunan.",
    ),
    (
        "Opd",
        "Organisasi perangkat daerah: an organisation that owns programmes.",
        "Organisasi perangkat daerah yang menjadi penanggung jawab program.",
    ),
    (
        "Weights",
        "The weights of the five evaluation dimensions, in percent; they must sum to 100.",
        "Bobot lima dimensi evaluasi dalam persen; jumlahnya harus 100.",
    ),
    (
        "AssessedScore",
        "One self-assessed score, 0..=5, with its notes and evidence.",
        "Satu nilai penilaian mandiri, 0 sampai 5, beserta catatan dan bukti dukungnya.",
    ),
    (
        "Assessment",
        "The self-assessment of a monitoring file: a score per evaluation dimension.",
        "Penilaian mandiri dalam berkas monitoring: satu nilai per dimensi evaluasi.",
    ),
    (
        "BudgetSource=apbdes",
        "The village budget (APBDes).",
        "Anggaran Pendapatan dan Belanja Desa (APBDes).",
    ),
    (
        "BudgetSource=add",
        "Alokasi Dana Desa.",
        "Alokasi Dana Desa (ADD).",
    ),
    (
        "ProgramReport",
        "What happened to one programme in one year.",
        "Capaian satu program pada satu tahun.",
    ),
    (
        "Spending",
        "Money actually spent from one source in the reported year.",
        "Realisasi belanja dari satu sumber dana pada tahun laporan.",
    ),
    (
        "Status",
        "The status of a programme in a reported year.",
        "Status program pada tahun laporan.",
    ),
    (
        "Value",
        "An indicator value: a number (`100`, `12.5`) or a short text (`tersedia`).",
        "Nilai indikator: angka (`100`, `12.5`) atau teks singkat (`tersedia`).",
    ),
    (
        "Category",
        "Action-plan category (rencana aksi), as used at Bimtek 2.",
        "Kategori rencana aksi, sebagaimana dipakai pada Bimtek 2.",
    ),
    (
        "Direction",
        "Which way an indicator should move.",
        "Arah perubahan indikator yang diharapkan.",
    ),
    (
        "Direction=increase",
        "Higher is better (the default).",
        "Makin tinggi makin baik (bawaan).",
    ),
    (
        "Direction=decrease",
        "Lower is better (response times, poverty rate, ...).",
        "Makin rendah makin baik (waktu layanan, angka kemiskinan, ...).",
    ),
    (
        "Readiness",
        "Bimtek 1 readiness analysis.",
        "Analisis kesiapan daerah (Bimtek 1).",
    ),
    (
        "Risk",
        "One entry of a programme's risk register.",
        "Satu butir dalam daftar risiko program.",
    ),
    (
        "Strategies",
        "The TOWS matrix: strategies crossing the SWOT's internal and external factors.",
        "Matriks TOWS: strategi yang memadukan faktor internal dan eksternal SWOT.",
    ),
    (
        "Label",
        "A text in both document languages.",
        "Teks dalam dua bahasa dokumen.",
    ),
];

/// `(key, examples as a JSON array)`: shown by editors beside the description.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("Region.name", r#"["Banggai", "Makassar"]"#),
    ("Region.province", r#"["Sulawesi Tengah"]"#),
    ("Region.head", r#"["Ir. H. Amirudin"]"#),
    ("Region.area_km2", "[9672.7]"),
    ("Region.population", "[374330]"),
    ("Region.logo", r#"["logo.png"]"#),
    ("Period.start_year", "[2023]"),
    ("Period.years", "[10, 5]"),
    ("Rpjmd.period", "[[2021, 2026]]"),
    ("RpjmdMission.id", r#"["M1"]"#),
    ("Opd.code", r#"["DKISP", "BAPPEDA", "DINKES"]"#),
    (
        "Opd.name",
        r#"["Dinas Komunikasi, Informatika, Statistik dan Persandian"]"#,
    ),
    ("Masterplan.taxonomy", r#"["kominfo-2017"]"#),
    ("Pokja.dimension", r#"["economy"]"#),
    ("Program.id", r#"["ECO-01", "GOV-03"]"#),
    ("Program.start", "[2024]"),
    ("Program.end", "[2026]"),
    ("Program.sdgs", "[[8, 9]]"),
    ("BudgetLine.amount", "[250000000]"),
    ("BudgetLine.year", "[2024]"),
    ("Indicator.unit", r#"["%", "unit", "orang"]"#),
    ("Indicator.targets", r#"[{"2024": 40, "2026": 80}]"#),
    ("Monitoring.year", "[2024]"),
    ("Monitoring.date", r#"["2025-01-31"]"#),
    ("ProgramReport.progress", "[60]"),
    ("Spending.amount", "[120000000]"),
];

/// `(key, minimum, maximum)`: the ranges `check` enforces (E0216 and the period rules), so the
/// editor underlines a value out of range.
pub const RANGES: &[(&str, f64, f64)] = &[
    ("Period.years", 5.0, 20.0),
    ("ReadinessScore.score", 1.0, 5.0),
    ("ReadinessScore.target", 1.0, 5.0),
    ("Program.impact", 1.0, 5.0),
    ("Program.effort", 1.0, 5.0),
    ("Risk.likelihood", 1.0, 5.0),
    ("Risk.impact", 1.0, 5.0),
    ("ProgramReport.progress", 0.0, 100.0),
];

/// The description of `key` in English (`english`) or Indonesian.
pub fn text(key: &str, english: bool) -> Option<&'static str> {
    TEXTS
        .iter()
        .chain(TYPES)
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, id)| if english { *en } else { *id })
}
