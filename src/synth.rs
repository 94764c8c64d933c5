//! Synthetic valid projects of a given size, for benchmarks and scale tests.
//!
//! The project is a fictional kabupaten ("Kabupaten Nusa Sintetis", 2025-2034) with exactly the
//! requested number of programmes, spread round-robin over every element of every dimension of the
//! built-in taxonomy, each with a budget, an indicator and outputs; some depend on an earlier
//! programme of the same dimension that does not start later; the first programme of each
//! dimension is a one-year quick win. It also has monitoring files for its first two years
//! (`monitoring/2025.yaml`, `monitoring/2026.yaml`) reporting every active programme, spending at
//! most the planned amount, so `masterplan evaluate` has something to evaluate. The output is a
//! pure function of `programs`: a tiny linear congruential generator replaces randomness, so
//! benchmarks are repeatable.

use std::fmt::Write as _;

use crate::model;
use crate::taxonomy::Taxonomy;

const START: i32 = 2025;
const YEARS: i32 = 10;

/// The OPD of the synthetic region: (code, name, head).
const OPD: &[(&str, &str, &str)] = &[
    (
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Andi Rahmat Saputra, S.Kom., M.T.",
    ),
    (
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah",
        "Dr. Ir. Hj. Sitti Nurhaya, M.Si.",
    ),
    ("DINKES", "Dinas Kesehatan", "dr. Yohanes Lamba, M.Kes."),
    (
        "DISDIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "Drs. Made Suarjana, M.Pd.",
    ),
    (
        "DISKOPUKM",
        "Dinas Koperasi dan Usaha Mikro, Kecil dan Menengah",
        "Hasanuddin Lapasere, S.E.",
    ),
    ("DISPAR", "Dinas Pariwisata", "Fransiska Mandagi, S.Sos."),
    ("DLH", "Dinas Lingkungan Hidup", "Ir. Baso Tahir, M.Si."),
    ("DISHUB", "Dinas Perhubungan", "Muhammad Arfah, S.T."),
    ("DINSOS", "Dinas Sosial", "Nurlela Daeng Baji, S.Sos."),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Rudi Hartono, S.H., M.H.",
    ),
    (
        "BAPENDA",
        "Badan Pendapatan Daerah",
        "Ketut Wirawan, S.E., M.Ak.",
    ),
    (
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "Agus Salim Pakaya, S.IP.",
    ),
    (
        "DISPERKIM",
        "Dinas Perumahan dan Kawasan Permukiman",
        "Ir. Rahmawati Tompo",
    ),
    (
        "KESBANGPOL",
        "Badan Kesatuan Bangsa dan Politik",
        "Drs. Abdul Gani Lamusu",
    ),
    (
        "DISPERTAN",
        "Dinas Pertanian",
        "Ir. Syamsul Bahri Lasena, M.P.",
    ),
    (
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Maria Goreti Bano, S.Sos., M.AP.",
    ),
];

/// Lead OPD per dimension position (cycled when a taxonomy has more dimensions).
const LEADS: &[&[&str]] = &[
    &["DISKOMINFO", "BAPPEDA", "BKPSDM", "DPMPTSP"],
    &["DISPAR", "DISKOPUKM", "DISPERKIM"],
    &["DISKOPUKM", "BAPENDA", "DPMPTSP", "DISPERTAN"],
    &["DINKES", "DISPERKIM", "DISHUB", "DINSOS"],
    &["DISDIKBUD", "KESBANGPOL", "DINSOS", "BPBD"],
    &["DLH", "BPBD", "DISPERKIM", "DISHUB"],
];

const ACTIONS: &[&str] = &[
    "Pengembangan",
    "Penguatan",
    "Digitalisasi",
    "Integrasi",
    "Perluasan",
    "Peningkatan Kapasitas",
    "Penyusunan Regulasi",
    "Pembangunan",
];
const OBJECTS: &[&str] = &[
    "Sistem Informasi",
    "Layanan Terpadu",
    "Aplikasi Mobile",
    "Dasbor Data",
    "Jaringan Sensor",
    "Pusat Layanan",
    "Portal Partisipasi Warga",
    "Basis Data Terpadu",
    "Literasi Digital",
];
const PLACES: &[&str] = &[
    "Kecamatan",
    "Desa dan Kelurahan",
    "Perangkat Daerah",
    "Pasar Rakyat",
    "Puskesmas",
    "Sekolah",
    "Kawasan Pesisir",
    "Destinasi Wisata",
];
const UNITS: &[&str] = &["persen", "unit", "layanan", "desa", "orang", "dokumen"];
const SOURCES: &[&str] = &[
    "apbd",
    "apbn",
    "dak",
    "dana_desa",
    "kpbu",
    "csr",
    "private",
    "grant",
];

/// A tiny linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = self.below(items.len());
        items.get(i).copied().unwrap_or("")
    }
}

/// The programme-id prefix of a dimension: its first three letters, upper-case, made unique by
/// the dimension position when two dimensions share them.
pub(crate) fn prefixes(taxonomy: &Taxonomy) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, d) in taxonomy.dimensions.iter().enumerate() {
        let mut p: String = d
            .key
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(3)
            .collect::<String>()
            .to_ascii_uppercase();
        if p.is_empty() || out.contains(&p) {
            p = format!("D{}", i + 1);
        }
        out.push(p);
    }
    out
}

/// (path relative to the project folder, content) for a valid project with `programs` programmes.
pub fn project(programs: usize) -> Vec<(String, String)> {
    let taxonomy = Taxonomy::default_builtin();
    let mut files = vec![("masterplan.yaml".to_string(), masterplan_yaml())];
    let dims = taxonomy.dimensions.len().max(1);
    let prefixes = prefixes(&taxonomy);
    let mut rng = Lcg(0x5EED_2025);
    let mut reported: Vec<Reported> = Vec::with_capacity(programs);
    // Slots: programme k goes to dimension k % dims, element (k / dims) % elements.
    for (di, d) in taxonomy.dimensions.iter().enumerate() {
        let count = programs / dims + usize::from(di < programs % dims);
        let leads = LEADS
            .get(di % LEADS.len())
            .copied()
            .unwrap_or(&["BAPPEDA"][..]);
        let prefix = prefixes.get(di).cloned().unwrap_or_default();
        let mut out = String::with_capacity(count * 1400 + 1024);
        let coordinator = leads.first().copied().unwrap_or("BAPPEDA");
        let _ = write!(
            out,
            "dimension: {key}\ncoordinator: {coordinator}\nmembers: [BAPPEDA, DISKOMINFO]\n\
             goal: Mewujudkan {label} yang terukur dan berkelanjutan di Kabupaten Nusa Sintetis\n\
             targets:\n  - Seluruh layanan {label} terdigitalisasi pada 2029\n  \
             - Indeks kepuasan masyarakat di atas 85 pada 2034\n\
             issues:\n  - Data sektoral belum terintegrasi antarperangkat daerah\n  \
             - Kapasitas SDM teknologi informasi masih terbatas\n\
             readiness:\n  structure: {{ score: 3, notes: SDM dan anggaran cukup untuk tahap awal }}\n  \
             infrastructure: {{ score: 2, notes: Jaringan internet belum menjangkau seluruh desa }}\n  \
             superstructure: {{ score: 3, notes: Peraturan Bupati tentang SPBE telah terbit }}\n\
             swot:\n  strengths: [Komitmen kepala daerah]\n  weaknesses: [Anggaran terbatas]\n  \
             opportunities: [Program nasional Gerakan Menuju 100 Smart City]\n  \
             threats: [Ancaman keamanan siber]\nprograms:\n",
            key = d.key,
            label = d.label.id,
        );
        // (start) of the programmes written so far in this dimension, for dependencies.
        let mut starts: Vec<i32> = Vec::with_capacity(count);
        for j in 0..count {
            let element = d
                .elements
                .get(j % d.elements.len().max(1))
                .map(|e| e.key.as_str())
                .unwrap_or("");
            let quick_win = j == 0;
            let (start, end) = if quick_win {
                (START, START)
            } else {
                let s = START + rng.below(7) as i32;
                let len = rng.below(4) as i32;
                (s, (s + len).min(START + YEARS - 1))
            };
            let id = format!("{prefix}-{:04}", j + 1);
            let name = format!(
                "{} {} {} {}",
                rng.pick(ACTIONS),
                rng.pick(OBJECTS),
                rng.pick(PLACES),
                j + 1
            );
            let lead = rng.pick(leads);
            let support = rng.pick(&["DISKOMINFO", "BAPPEDA", "BAPENDA"]);
            let category = ["policy", "infrastructure", "application", "literacy"][j % 4];
            let _ = write!(
                out,
                "  - id: {id}\n    name: {name}\n    element: {element}\n    category: {category}\n    \
                 description: >-\n      Program **{name}** memperkuat {el_label} melalui pemanfaatan\n      \
                 teknologi informasi yang terintegrasi dengan layanan perangkat daerah lain.\n      \
                 Pelaksanaan dilakukan bertahap, dimulai dari kawasan prioritas, lalu diperluas\n      \
                 ke seluruh kecamatan sesuai hasil evaluasi tahunan.\n    \
                 lead: {lead}\n    support: [{support}]\n    start: {start}\n    end: {end}\n    budget:\n",
                el_label = d
                    .element(element)
                    .map(|e| e.label.id.as_str())
                    .unwrap_or(""),
            );
            let amount = (rng.below(200) as u64 + 5) * 50_000_000;
            let _ = writeln!(
                out,
                "      - {{ source: apbd, amount: {amount}, year: {start} }}"
            );
            let mut total = amount;
            if rng.below(2) == 0 {
                let src = rng.pick(SOURCES);
                let extra = (rng.below(100) as u64 + 1) * 25_000_000;
                total += extra;
                let _ = writeln!(out, "      - {{ source: {src}, amount: {extra} }}");
            }
            let unit = rng.pick(UNITS);
            let base = rng.below(40) as i32;
            reported.push(Reported {
                id: id.clone(),
                start,
                end,
                apbd: amount,
                indicator: format!("Capaian pemanfaatan {name}"),
                targets: if end > start {
                    vec![(start, base + 10), (end, base + 10 + 5 * (end - start))]
                } else {
                    vec![(start, base + 10)]
                },
            });
            let _ = write!(
                out,
                "    outputs:\n      - Dokumen rancangan dan standar operasional {name}\n      \
                 - Layanan {name} beroperasi di kawasan prioritas\n    \
                 outcome: Masyarakat memperoleh layanan {el_label} yang lebih cepat dan transparan\n    \
                 indicators:\n      - name: Capaian pemanfaatan {name}\n        unit: {unit}\n        \
                 baseline: {base}\n        targets: {{ {targets} }}\n",
                el_label = d
                    .element(element)
                    .map(|e| e.label.id.to_lowercase())
                    .unwrap_or_default(),
                targets = if end > start {
                    format!(
                        "{start}: {}, {end}: {}",
                        base + 10,
                        base + 10 + 5 * (end - start)
                    )
                } else {
                    format!("{start}: {}", base + 10)
                },
            );
            if quick_win {
                out.push_str("    quick_win: true\n");
            }
            let _ = writeln!(
                out,
                "    impact: {}\n    effort: {}",
                rng.below(5) + 1,
                rng.below(5) + 1
            );
            // A large programme names its risks, as a complete plan does (W0230 otherwise);
            // chosen without the random stream, so the rest of the project is as before.
            if total > model::LARGE_PROGRAM_BUDGET
                || (end - start + 1) as u32 > model::LARGE_PROGRAM_YEARS
            {
                let _ = writeln!(
                    out,
                    "    risks:\n      - {{ risk: Anggaran tidak tersedia penuh pada tahun berjalan, likelihood: {}, impact: {}, mitigation: Diusulkan bertahap dalam RKPD dan dicarikan sumber pendanaan lain }}",
                    1 + j % 4,
                    2 + j % 3
                );
                if j % 3 == 0 {
                    out.push_str(
                        "      - { risk: Keterbatasan SDM pengelola di perangkat daerah, likelihood: 3, impact: 3, mitigation: Bimtek dan pendampingan oleh Diskominfo }\n",
                    );
                }
            }
            // A dependency on one of the ten previous programmes of this dimension that starts
            // no later: acyclic because it always points backwards.
            if j > 0 && rng.below(3) != 0 {
                let back = rng.below(j.min(10)) + 1;
                let k = j - back;
                if starts.get(k).is_some_and(|s| *s <= start) {
                    let _ = writeln!(out, "    depends_on: [{prefix}-{:04}]", k + 1);
                }
            }
            let _ = writeln!(
                out,
                "    rpjmd_missions: [M{}]\n    sdgs: [{}, 17]",
                rng.below(4) + 1,
                [9, 3, 8, 11, 4, 13][di % 6]
            );
            starts.push(start);
        }
        files.push((format!("pokja/{}.yaml", d.key), out));
    }
    for year in [START, START + 1] {
        files.push((
            format!("monitoring/{year}.yaml"),
            monitoring_yaml(year, &reported),
        ));
    }
    files
}

/// What the monitoring files need to know about a synthetic programme.
struct Reported {
    id: String,
    start: i32,
    end: i32,
    /// The APBD line, planned in the start year.
    apbd: u64,
    indicator: String,
    targets: Vec<(i32, i32)>,
}

/// A monitoring file for `year`: every active programme reported; the start year's APBD line 70
/// to 100 % spent; the indicator's actual near its target where the year has one.
fn monitoring_yaml(year: i32, programs: &[Reported]) -> String {
    let mut rng = Lcg(0x0E7A_u64 + year as u64);
    let mut out = String::with_capacity(programs.len() * 200 + 256);
    let _ = write!(
        out,
        "year: {year}\ndate: {}-01-31\nreported_by: BAPPEDA\nprograms:{}\n",
        year + 1,
        // A small project may have nothing running in a year: an empty mapping, not null.
        if programs.iter().any(|p| p.start <= year && year <= p.end) {
            ""
        } else {
            " {}"
        }
    );
    for p in programs.iter().filter(|p| p.start <= year && year <= p.end) {
        let (status, progress) = if p.end == year && rng.below(5) != 0 {
            ("done", 100)
        } else if rng.below(4) == 0 {
            ("delayed", 10 + rng.below(40))
        } else {
            ("on_track", 20 + rng.below(70))
        };
        let _ = write!(
            out,
            "  {}:\n    status: {status}\n    progress: {progress}\n",
            p.id
        );
        if p.start == year {
            let spent = p.apbd / 100 * (70 + rng.below(31) as u64);
            let _ = write!(
                out,
                "    budget:\n      - {{ source: apbd, amount: {spent} }}\n    outputs: [Dokumen rancangan dan standar operasional]\n"
            );
        }
        if let Some((_, target)) = p.targets.iter().find(|(y, _)| *y == year) {
            let actual = target - rng.below(8) as i32 + 2;
            let _ = write!(
                out,
                "    indicators:\n      \"{}\": {actual}\n",
                p.indicator
            );
        }
        if status == "delayed" {
            out.push_str("    obstacles: Pengadaan barang dan jasa terlambat\n");
        }
        if rng.below(10) == 0 {
            let _ = writeln!(
                out,
                "    evidence: [https://nusasintetis.go.id/bukti/{}]",
                p.id.to_lowercase()
            );
        }
    }
    if year == START + 1 {
        out.push_str(
            "assessment:\n  baseline: { score: 3.2 }\n  output: { score: 3.0 }\n  \
             outcome: { score: 3.4 }\n  impact: { score: 2.9 }\n  quick_win: { score: 4.1 }\n",
        );
    }
    out
}

fn masterplan_yaml() -> String {
    let mut s = String::from(
        "region:\n  name: Nusa Sintetis\n  type: kabupaten\n  province: Sulawesi Tengah\n  \
         capital: Sintetis Kota\n  head: Drs. H. Lukman Tadulako, M.Si.\n  area_km2: 5123.4\n  \
         population: 298450\n  districts: 18\n  villages: 241\n\
         period:\n  start_year: 2025\n  years: 10\nlanguage: id\ntaxonomy: kominfo-2017\n\
         vision: Nusa Sintetis Cerdas, Sejahtera dan Berkelanjutan\n\
         missions:\n  - Mewujudkan tata kelola pemerintahan digital yang bersih dan melayani\n  \
         - Memperkuat ekonomi lokal berbasis potensi unggulan daerah\n  \
         - Meningkatkan kualitas hidup masyarakat dan kelestarian lingkungan\n\
         rpjmd:\n  period: [2025, 2029]\n  vision: Nusa Sintetis yang Maju, Mandiri dan Berdaya Saing\n  \
         missions:\n    - { id: M1, text: Reformasi birokrasi dan pelayanan publik berbasis digital }\n    \
         - { id: M2, text: Pertumbuhan ekonomi inklusif }\n    \
         - { id: M3, text: Pembangunan manusia yang sehat dan cerdas }\n    \
         - { id: M4, text: Lingkungan hidup yang lestari }\nopd:\n",
    );
    for (code, name, head) in OPD {
        let _ = writeln!(
            s,
            "  - {{ code: {code}, name: \"{name}\", head: \"{head}\" }}"
        );
    }
    s.push_str(
        "team:\n  decree: SK Bupati Nusa Sintetis Nomor 100/245/2024\n  council:\n    \
         - { name: \"Drs. H. Lukman Tadulako, M.Si.\", role: Ketua }\n  implementers:\n    \
         - { name: \"Andi Rahmat Saputra, S.Kom., M.T.\", role: Ketua Tim Pelaksana }\n",
    );
    s
}
