//! The files `masterplan init` writes: masterplan.yaml and one pokja file per dimension of the
//! built-in taxonomy, every field present or shown commented (Indonesian, or English with
//! `--language en`), one worked example programme per dimension.
//!
//! The output is plain string building, deterministic, and valid YAML whatever the region or
//! province name holds: every value that comes from the options is written as a double-quoted
//! YAML scalar. The scaffold passes `masterplan check`; the only warnings are the elements that
//! have no programme yet, which each pokja file says in its header.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::{Language, RegionType, Year};
use crate::taxonomy::{Dimension, Taxonomy};

#[derive(Debug, Clone)]
pub struct InitOptions {
    pub region: String,
    pub kind: RegionType,
    pub province: Option<String>,
    pub start_year: Year,
    pub years: u32,
    pub language: Language,
}

/// (path relative to the project folder, content), in the order they should be written.
pub fn files(options: &InitOptions) -> Vec<(String, String)> {
    let taxonomy = Taxonomy::default_builtin();
    let ctx = Ctx::new(options);
    let prefixes = crate::synth::prefixes(&taxonomy);
    let mut out = vec![("masterplan.yaml".to_string(), masterplan_yaml(&ctx))];
    for (i, d) in taxonomy.dimensions.iter().enumerate() {
        let prefix = prefixes.get(i).cloned().unwrap_or_else(|| format!("D{i}"));
        let id = format!("{prefix}-01");
        out.push((format!("pokja/{}.yaml", d.key), pokja_yaml(&ctx, d, i, &id)));
    }
    out
}

/// One pokja file for an existing project (`masterplan init DIR --pokja KEY`): the dimension
/// `key` of the project's taxonomy, with one worked example programme. OPD codes of the example
/// that the project does not define are replaced by the project's first OPD (`coordinator`,
/// `lead`) or left out (`members`, `support`), so that the file checks clean in that project.
/// None when the taxonomy has no dimension `key`.
pub fn pokja_file(
    options: &InitOptions,
    taxonomy: &Taxonomy,
    key: &str,
    project_opd: &[String],
) -> Option<(String, String)> {
    let index = taxonomy.dimensions.iter().position(|d| d.key == key)?;
    let d = &taxonomy.dimensions[index];
    let prefixes = crate::synth::prefixes(taxonomy);
    let prefix = prefixes
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("D{index}"));
    let text = pokja_yaml(&Ctx::new(options), d, index, &format!("{prefix}-01"));
    Some((
        format!("pokja/{key}.yaml"),
        use_known_opd(&text, project_opd),
    ))
}

/// Rewrite the OPD codes of the fields `coordinator`, `lead`, `members` and `support` (outside
/// comments) to codes the project defines.
fn use_known_opd(text: &str, known: &[String]) -> String {
    let Some(first) = known.first() else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    // The coordinator or lead last written: members and support leave it out.
    let mut head = String::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        let rewritten = body
            .trim_start()
            .split_once(": ")
            .and_then(|(field, value)| {
                let value = value.trim();
                match field {
                    "coordinator" | "lead" => {
                        head = if known.iter().any(|k| k == value) {
                            value.to_string()
                        } else {
                            first.clone()
                        };
                        Some(head.clone())
                    }
                    "members" | "support" => {
                        let inner = value.strip_prefix('[')?.strip_suffix(']')?;
                        let mut kept: Vec<&str> = Vec::new();
                        for code in inner.split(',').map(str::trim) {
                            if known.iter().any(|k| k == code)
                                && code != head
                                && !kept.contains(&code)
                            {
                                kept.push(code);
                            }
                        }
                        Some(format!("[{}]", kept.join(", ")))
                    }
                    _ => None,
                }
                .map(|v| format!("{}{field}: {v}", &body[..indent]))
            });
        match rewritten {
            Some(r) => {
                out.push_str(&r);
                if line.ends_with('\n') {
                    out.push('\n');
                }
            }
            None => out.push_str(line),
        }
    }
    out
}

/// A YAML double-quoted scalar holding `s` exactly.
fn q(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(o, "\\x{:02x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Everything the templates need, derived once from the options.
struct Ctx<'a> {
    o: &'a InitOptions,
    en: bool,
    /// "Kabupaten Banggai" / "Banggai Regency".
    full_name: String,
    /// Bupati / Wali Kota / Gubernur / Kepala Desa (or the English word).
    head: &'static str,
    end_year: Year,
}

impl<'a> Ctx<'a> {
    fn new(o: &'a InitOptions) -> Self {
        let en = o.language == Language::En;
        let name = o.region.trim();
        let full_name = match (en, o.kind) {
            (false, RegionType::Kabupaten) => format!("Kabupaten {name}"),
            (false, RegionType::Kota) => format!("Kota {name}"),
            (false, RegionType::Provinsi) => format!("Provinsi {name}"),
            (false, RegionType::Desa) => format!("Desa {name}"),
            (true, RegionType::Kabupaten) => format!("{name} Regency"),
            (true, RegionType::Kota) => format!("{name} City"),
            (true, RegionType::Provinsi) => format!("{name} Province"),
            (true, RegionType::Desa) => format!("{name} Village"),
        };
        let head = match (en, o.kind) {
            (false, RegionType::Kabupaten) => "Bupati",
            (false, RegionType::Kota) => "Wali Kota",
            (false, RegionType::Provinsi) => "Gubernur",
            (false, RegionType::Desa) => "Kepala Desa",
            (true, RegionType::Kabupaten) => "Regent (Bupati)",
            (true, RegionType::Kota) => "Mayor (Wali Kota)",
            (true, RegionType::Provinsi) => "Governor (Gubernur)",
            (true, RegionType::Desa) => "Village Head (Kepala Desa)",
        };
        let years = i32::try_from(o.years.max(1)).unwrap_or(1);
        Ctx {
            o,
            en,
            full_name,
            head,
            end_year: o.start_year.saturating_add(years - 1),
        }
    }

    /// The text in the scaffold's language.
    /// `t` with the words of a village (`type: desa`) where they differ from a region's.
    fn v<'s>(&self, region: (&'s str, &'s str), village: (&'s str, &'s str)) -> &'s str {
        let (id, en) = if self.o.kind == RegionType::Desa {
            village
        } else {
            region
        };
        self.t(id, en)
    }

    fn t<'s>(&self, id: &'s str, en: &'s str) -> &'s str {
        if self.en { en } else { id }
    }

    /// A year `offset` years into the period, never past its end.
    fn year(&self, offset: i32) -> Year {
        self.o.start_year.saturating_add(offset).min(self.end_year)
    }

    fn opd(&self, role: Role) -> Opd {
        opd_for(self.o.kind, role)
    }
}

/// What an organisation does in the examples; mapped to a code per region type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Comms,
    Planning,
    Services,
    Tourism,
    Economy,
    Health,
    Education,
    Environment,
    Transport,
    Disaster,
    Social,
}

const ROLES: [Role; 11] = [
    Role::Comms,
    Role::Planning,
    Role::Services,
    Role::Tourism,
    Role::Economy,
    Role::Health,
    Role::Education,
    Role::Environment,
    Role::Transport,
    Role::Disaster,
    Role::Social,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Opd {
    code: &'static str,
    id: &'static str,
    en: &'static str,
}

const fn opd(code: &'static str, id: &'static str, en: &'static str) -> Opd {
    Opd { code, id, en }
}

fn opd_for(kind: RegionType, role: Role) -> Opd {
    if kind == RegionType::Desa {
        // The perangkat desa by their posts (Permendagri 84/2015), and the BUMDes.
        return match role {
            Role::Comms => opd(
                "SEKDES",
                "Sekretaris Desa",
                "Village Secretary (Sekretaris Desa)",
            ),
            Role::Planning => opd(
                "KAUR-PERENCANAAN",
                "Kepala Urusan Perencanaan",
                "Head of Planning Affairs (Kaur Perencanaan)",
            ),
            Role::Services | Role::Disaster => opd(
                "KASI-PEMERINTAHAN",
                "Kepala Seksi Pemerintahan",
                "Head of the Government Section (Kasi Pemerintahan)",
            ),
            Role::Tourism | Role::Economy => opd(
                "BUMDES",
                "Badan Usaha Milik Desa",
                "Village-Owned Enterprise (BUMDes)",
            ),
            Role::Health | Role::Environment | Role::Transport => opd(
                "KASI-KESEJAHTERAAN",
                "Kepala Seksi Kesejahteraan",
                "Head of the Welfare Section (Kasi Kesejahteraan)",
            ),
            Role::Education | Role::Social => opd(
                "KASI-PELAYANAN",
                "Kepala Seksi Pelayanan",
                "Head of the Services Section (Kasi Pelayanan)",
            ),
        };
    }
    match role {
        Role::Comms => opd(
            "DISKOMINFO",
            "Dinas Komunikasi dan Informatika",
            "Communication and Informatics Office (Diskominfo)",
        ),
        Role::Planning => opd(
            "BAPPEDA",
            "Badan Perencanaan Pembangunan Daerah",
            "Regional Development Planning Agency (Bappeda)",
        ),
        Role::Services => opd(
            "DPMPTSP",
            "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
            "Investment and One-Stop Service Office (DPMPTSP)",
        ),
        Role::Tourism => opd("DISPAR", "Dinas Pariwisata", "Tourism Office (Dispar)"),
        Role::Economy => opd(
            "DISKOPUKM",
            "Dinas Koperasi dan Usaha Kecil Menengah",
            "Cooperatives and SME Office (Diskopukm)",
        ),
        Role::Health => opd("DINKES", "Dinas Kesehatan", "Health Office (Dinkes)"),
        Role::Education => opd("DISDIK", "Dinas Pendidikan", "Education Office (Disdik)"),
        Role::Environment => opd("DLH", "Dinas Lingkungan Hidup", "Environment Office (DLH)"),
        Role::Transport => opd("DISHUB", "Dinas Perhubungan", "Transport Office (Dishub)"),
        Role::Disaster => opd(
            "BPBD",
            "Badan Penanggulangan Bencana Daerah",
            "Regional Disaster Management Agency (BPBD)",
        ),
        Role::Social => opd("DINSOS", "Dinas Sosial", "Social Affairs Office (Dinsos)"),
    }
}

/// A worked example programme for one dimension of the built-in taxonomy.
struct Example {
    dimension: &'static str,
    coordinator: Role,
    members: &'static [Role],
    element: &'static str,
    category: &'static str,
    name: (&'static str, &'static str),
    description: (&'static str, &'static str),
    lead: Role,
    support: &'static [Role],
    outputs: (&'static str, &'static str),
    outcome: (&'static str, &'static str),
    indicator: (&'static str, &'static str),
    unit: (&'static str, &'static str),
    baseline: u32,
    /// Targets at the first year, the programme's end and the period's end.
    targets: [u32; 3],
    apbd: u64,
    other: (&'static str, u64),
    impact: u8,
    effort: u8,
    sdgs: &'static str,
    goal: (&'static str, &'static str),
}

const EXAMPLES: &[Example] = &[
    Example {
        dimension: "governance",
        coordinator: Role::Comms,
        members: &[Role::Planning, Role::Services],
        element: "service",
        category: "application",
        name: (
            "Layanan Pengaduan Warga Terpadu",
            "Integrated Citizen Complaint Service",
        ),
        description: (
            "Satu kanal pengaduan (aplikasi, WhatsApp dan situs) yang meneruskan laporan warga\nke perangkat daerah yang berwenang dan menampilkan status tindak lanjutnya.",
            "One complaint channel (app, WhatsApp and website) that routes citizens' reports\nto the responsible office and shows their follow-up status.",
        ),
        lead: Role::Comms,
        support: &[Role::Services],
        outputs: (
            "Aplikasi pengaduan warga terhubung ke SP4N-LAPOR!",
            "Citizen complaint app connected to SP4N-LAPOR!",
        ),
        outcome: (
            "Pengaduan warga ditindaklanjuti lebih cepat dan dapat dilacak",
            "Complaints are followed up faster and can be tracked",
        ),
        indicator: (
            "Pengaduan yang ditindaklanjuti dalam 5 hari kerja",
            "Complaints followed up within 5 working days",
        ),
        unit: ("persen", "percent"),
        baseline: 40,
        targets: [70, 85, 95],
        apbd: 250_000_000,
        other: ("csr", 50_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[16]",
        goal: (
            "Pelayanan publik yang cepat, terbuka dan terpadu berbasis SPBE",
            "Fast, open and integrated public services based on e-government (SPBE)",
        ),
    },
    Example {
        dimension: "branding",
        coordinator: Role::Tourism,
        members: &[Role::Economy, Role::Comms],
        element: "tourism",
        category: "application",
        name: (
            "Portal Informasi Destinasi Wisata",
            "Tourist Destination Information Portal",
        ),
        description: (
            "Situs dan aplikasi yang memuat destinasi, akomodasi, kalender acara dan\npemandu wisata lokal, dikelola bersama pelaku wisata.",
            "A website and app listing destinations, lodging, the events calendar and\nlocal guides, run together with tourism businesses.",
        ),
        lead: Role::Tourism,
        support: &[Role::Comms],
        outputs: (
            "Portal destinasi wisata dengan kalender acara",
            "Destination portal with an events calendar",
        ),
        outcome: (
            "Kunjungan wisatawan meningkat dan tercatat",
            "More tourist visits, and recorded",
        ),
        indicator: ("Kunjungan wisatawan per tahun", "Tourist visits per year"),
        unit: ("orang", "people"),
        baseline: 50_000,
        targets: [60_000, 80_000, 120_000],
        apbd: 400_000_000,
        other: ("private", 150_000_000),
        impact: 3,
        effort: 2,
        sdgs: "[8]",
        goal: (
            "Daerah dikenal luas sebagai tujuan wisata dan investasi",
            "A region widely known as a destination for tourism and investment",
        ),
    },
    Example {
        dimension: "economy",
        coordinator: Role::Economy,
        members: &[Role::Planning, Role::Comms],
        element: "welfare",
        category: "literacy",
        name: ("Pendampingan UMKM Go Digital", "SME Go Digital Mentoring"),
        description: (
            "Pelatihan dan pendampingan pelaku UMKM untuk berjualan di lokapasar dan\nmenerima pembayaran nontunai (QRIS).",
            "Training and mentoring for small businesses to sell on marketplaces and\naccept cashless payments (QRIS).",
        ),
        lead: Role::Economy,
        support: &[Role::Comms],
        outputs: (
            "UMKM terlatih berjualan daring setiap tahun",
            "Small businesses trained to sell online every year",
        ),
        outcome: (
            "Omzet UMKM yang berjualan daring meningkat",
            "Higher turnover for small businesses selling online",
        ),
        indicator: (
            "UMKM yang berjualan daring",
            "Small businesses selling online",
        ),
        unit: ("UMKM", "businesses"),
        baseline: 200,
        targets: [400, 1_000, 3_000],
        apbd: 350_000_000,
        other: ("grant", 100_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[8]",
        goal: (
            "Ekonomi lokal yang tumbuh inklusif melalui pemanfaatan teknologi",
            "An inclusive local economy that grows through technology",
        ),
    },
    Example {
        dimension: "living",
        coordinator: Role::Health,
        members: &[Role::Transport, Role::Planning],
        element: "health",
        category: "application",
        name: (
            "Layanan Gawat Darurat Terpadu 119",
            "Integrated Emergency Service 119",
        ),
        description: (
            "Pusat panggilan gawat darurat kesehatan 24 jam dengan pelacakan ambulans\nterdekat (Public Safety Center 119).",
            "A 24-hour medical emergency call centre that dispatches the nearest ambulance\n(Public Safety Center 119).",
        ),
        lead: Role::Health,
        support: &[Role::Comms],
        outputs: (
            "Call center 119 dan pelacakan GPS ambulans",
            "119 call centre and GPS tracking of ambulances",
        ),
        outcome: (
            "Pasien gawat darurat tertangani lebih cepat",
            "Emergency patients are treated sooner",
        ),
        indicator: ("Waktu respons ambulans", "Ambulance response time"),
        unit: ("menit", "minutes"),
        baseline: 40,
        targets: [30, 20, 15],
        apbd: 600_000_000,
        other: ("dak", 400_000_000),
        impact: 5,
        effort: 3,
        sdgs: "[3]",
        goal: (
            "Lingkungan hidup yang sehat, layak huni dan mudah dijangkau",
            "A healthy, liveable and accessible place to live",
        ),
    },
    Example {
        dimension: "society",
        coordinator: Role::Education,
        members: &[Role::Social, Role::Comms],
        element: "learning",
        category: "literacy",
        name: (
            "Literasi Digital Sekolah dan Masyarakat",
            "Digital Literacy for Schools and Communities",
        ),
        description: (
            "Kelas literasi digital bagi guru, siswa dan warga: keamanan daring, mengenali\nhoaks dan memanfaatkan layanan digital pemerintah.",
            "Digital literacy classes for teachers, pupils and residents: online safety,\nspotting hoaxes and using government digital services.",
        ),
        lead: Role::Education,
        support: &[Role::Comms],
        outputs: (
            "Modul dan kelas literasi digital",
            "Digital literacy modules and classes",
        ),
        outcome: (
            "Warga cakap dan aman menggunakan layanan digital",
            "Residents use digital services competently and safely",
        ),
        indicator: (
            "Warga yang mengikuti kelas literasi digital",
            "Residents who attended a digital literacy class",
        ),
        unit: ("orang", "people"),
        baseline: 0,
        targets: [500, 2_000, 10_000],
        apbd: 300_000_000,
        other: ("csr", 100_000_000),
        impact: 3,
        effort: 2,
        sdgs: "[4]",
        goal: (
            "Masyarakat yang cakap digital, rukun dan aman",
            "A digitally skilled, harmonious and safe society",
        ),
    },
    Example {
        dimension: "environment",
        coordinator: Role::Environment,
        members: &[Role::Disaster, Role::Comms],
        element: "waste",
        category: "application",
        name: ("Bank Sampah Digital", "Digital Waste Bank"),
        description: (
            "Pencatatan tabungan sampah nasabah bank sampah secara daring dan penjadwalan\npenjemputan sampah terpilah.",
            "Online records of waste-bank savings and scheduled pickup of sorted waste.",
        ),
        lead: Role::Environment,
        support: &[Role::Comms],
        outputs: (
            "Aplikasi bank sampah dan bank sampah unit terdaftar",
            "Waste bank app and registered waste-bank units",
        ),
        outcome: (
            "Sampah yang dibuang ke TPA berkurang",
            "Less waste sent to landfill",
        ),
        indicator: (
            "Sampah terkelola melalui bank sampah",
            "Waste managed through waste banks",
        ),
        unit: ("ton/tahun", "tonnes/year"),
        baseline: 100,
        targets: [150, 250, 500],
        apbd: 300_000_000,
        other: ("csr", 150_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[11, 12]",
        goal: (
            "Lingkungan yang bersih, hemat energi dan tangguh terhadap bencana",
            "A clean, energy-efficient and disaster-resilient environment",
        ),
    },
];

/// The worked examples of a village (`type: desa`): village-scale programmes led by the perangkat
/// desa or the BUMDes, funded by Dana Desa with ADD or APBDes (tens of millions of Rupiah).
const DESA_EXAMPLES: &[Example] = &[
    Example {
        dimension: "governance",
        coordinator: Role::Comms,
        members: &[Role::Services, Role::Planning],
        element: "service",
        category: "application",
        name: ("Layanan Surat Desa Daring", "Online Village Letters"),
        description: (
            "Warga mengajukan surat keterangan dan surat pengantar desa lewat ponsel atau di\nkantor desa, dan mengambilnya sudah ditandatangani tanpa antre berulang.",
            "Residents request village certificates and cover letters by phone or at the\nvillage office, and collect them signed without queuing again.",
        ),
        lead: Role::Services,
        support: &[Role::Comms],
        outputs: (
            "Layanan surat daring terhubung ke Sistem Informasi Desa",
            "Online letter service connected to the village information system",
        ),
        outcome: (
            "Warga mendapat surat desa dalam satu hari kerja",
            "Residents get their village letters within one working day",
        ),
        indicator: (
            "Surat desa yang diajukan secara daring",
            "Village letters requested online",
        ),
        unit: ("persen", "percent"),
        baseline: 0,
        targets: [30, 50, 80],
        apbd: 25_000_000,
        other: ("add", 10_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[16]",
        goal: (
            "Pelayanan desa yang cepat, terbuka dan mudah dijangkau warga",
            "Village services that are fast, open and easy for residents to reach",
        ),
    },
    Example {
        dimension: "branding",
        coordinator: Role::Tourism,
        members: &[Role::Comms],
        element: "tourism",
        category: "application",
        name: (
            "Profil Wisata Desa Daring",
            "Online Village Tourism Profile",
        ),
        description: (
            "Halaman wisata desa di situs desa dan media sosial: daya tarik, paket kunjungan,\nhomestay dan pemesanan, dikelola BUMDes bersama pemuda desa.",
            "A village tourism page on the village website and social media: attractions,\nvisit packages, homestays and booking, run by the BUMDes with the village youth.",
        ),
        lead: Role::Tourism,
        support: &[Role::Comms],
        outputs: (
            "Halaman wisata desa dengan pemesanan paket kunjungan",
            "Village tourism page with booking of visit packages",
        ),
        outcome: (
            "Kunjungan wisata ke desa meningkat dan tercatat",
            "More visits to the village, and recorded",
        ),
        indicator: ("Kunjungan wisatawan per tahun", "Visitors per year"),
        unit: ("orang", "people"),
        baseline: 2_000,
        targets: [2_500, 3_500, 5_000],
        apbd: 20_000_000,
        other: ("apbdes", 5_000_000),
        impact: 3,
        effort: 2,
        sdgs: "[8]",
        goal: (
            "Desa dikenal sebagai tujuan wisata dan asal produk unggulan",
            "A village known as a destination and for its products",
        ),
    },
    Example {
        dimension: "economy",
        coordinator: Role::Economy,
        members: &[Role::Planning, Role::Comms],
        element: "welfare",
        category: "application",
        name: ("Lapak Daring BUMDes", "BUMDes Online Marketplace"),
        description: (
            "BUMDes memasarkan produk warga (hasil kebun, olahan pangan, kerajinan) di lapak\ndaring dan lokapasar, dengan pembayaran nontunai (QRIS).",
            "The BUMDes sells residents' products (crops, processed food, crafts) through an\nonline shop and marketplaces, with cashless payment (QRIS).",
        ),
        lead: Role::Economy,
        support: &[Role::Comms],
        outputs: (
            "Lapak daring BUMDes dengan produk warga dan QRIS",
            "BUMDes online shop with residents' products and QRIS",
        ),
        outcome: (
            "Pendapatan warga dan BUMDes dari penjualan daring meningkat",
            "Higher income for residents and the BUMDes from online sales",
        ),
        indicator: (
            "Pelaku usaha desa yang berjualan daring",
            "Village businesses selling online",
        ),
        unit: ("pelaku usaha", "businesses"),
        baseline: 5,
        targets: [15, 30, 60],
        apbd: 30_000_000,
        other: ("apbdes", 10_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[8]",
        goal: (
            "Ekonomi desa yang tumbuh melalui BUMDes dan usaha warga",
            "A village economy that grows through the BUMDes and residents' businesses",
        ),
    },
    Example {
        dimension: "living",
        coordinator: Role::Health,
        members: &[Role::Comms],
        element: "health",
        category: "application",
        name: ("Data Posyandu Digital", "Digital Posyandu Records"),
        description: (
            "Kader posyandu mencatat penimbangan balita, ibu hamil dan imunisasi di ponsel,\nsehingga balita berisiko tengkes (stunting) segera ditindaklanjuti bersama puskesmas.",
            "Posyandu volunteers record the weighing of toddlers, pregnant women and immunisation\non a phone, so children at risk of stunting are followed up with the health centre.",
        ),
        lead: Role::Health,
        support: &[Role::Comms],
        outputs: (
            "Pencatatan posyandu digital di setiap dusun",
            "Digital posyandu records in every hamlet",
        ),
        outcome: (
            "Balita berisiko tengkes ditemukan dan ditangani lebih awal",
            "Children at risk of stunting are found and treated earlier",
        ),
        indicator: (
            "Balita yang ditimbang setiap bulan",
            "Toddlers weighed every month",
        ),
        unit: ("persen", "percent"),
        baseline: 60,
        targets: [75, 85, 95],
        apbd: 20_000_000,
        other: ("add", 5_000_000),
        impact: 5,
        effort: 2,
        sdgs: "[3]",
        goal: (
            "Warga desa yang sehat, dengan layanan dasar yang tercatat",
            "Healthy residents, with basic services on record",
        ),
    },
    Example {
        dimension: "society",
        coordinator: Role::Education,
        members: &[Role::Comms],
        element: "learning",
        category: "literacy",
        name: (
            "Kelas Literasi Digital Warga",
            "Digital Literacy Classes for Residents",
        ),
        description: (
            "Kelas di balai desa bagi warga, pemuda dan perangkat desa: memakai layanan desa\ndaring, berjualan daring, keamanan akun dan mengenali hoaks.",
            "Classes at the village hall for residents, youth and village staff: using the\nonline village services, selling online, account safety and spotting hoaxes.",
        ),
        lead: Role::Education,
        support: &[Role::Comms],
        outputs: (
            "Kelas literasi digital di balai desa setiap tahun",
            "Digital literacy classes at the village hall every year",
        ),
        outcome: (
            "Warga cakap memakai layanan digital desa",
            "Residents use the village's digital services competently",
        ),
        indicator: (
            "Warga yang mengikuti kelas literasi digital",
            "Residents who attended a digital literacy class",
        ),
        unit: ("orang", "people"),
        baseline: 0,
        targets: [50, 150, 400],
        apbd: 15_000_000,
        other: ("apbdes", 5_000_000),
        impact: 3,
        effort: 1,
        sdgs: "[4]",
        goal: (
            "Warga desa yang cakap digital dan guyub",
            "Digitally skilled residents and a close community",
        ),
    },
    Example {
        dimension: "environment",
        coordinator: Role::Environment,
        members: &[Role::Economy],
        element: "waste",
        category: "application",
        name: ("Bank Sampah Desa", "Village Waste Bank"),
        description: (
            "Bank sampah di setiap dusun dengan pencatatan tabungan nasabah di ponsel; sampah\nterpilah dijual BUMDes ke pengepul.",
            "A waste bank in every hamlet with members' savings recorded on a phone; the\nBUMDes sells the sorted waste to collectors.",
        ),
        lead: Role::Environment,
        support: &[Role::Economy],
        outputs: (
            "Bank sampah dusun dengan pencatatan digital",
            "Hamlet waste banks with digital records",
        ),
        outcome: (
            "Sampah yang dibakar atau dibuang ke sungai berkurang",
            "Less waste burnt or thrown into rivers",
        ),
        indicator: ("Sampah terpilah per tahun", "Sorted waste per year"),
        unit: ("ton", "tonnes"),
        baseline: 2,
        targets: [5, 10, 20],
        apbd: 20_000_000,
        other: ("add", 10_000_000),
        impact: 4,
        effort: 2,
        sdgs: "[11, 12]",
        goal: (
            "Lingkungan desa yang bersih dan lestari",
            "A clean and sustainable village environment",
        ),
    },
];

/// The organisations the scaffold lists: those the examples use, plus the usual others.
fn scaffold_opd(kind: RegionType) -> Vec<Opd> {
    // A stable, sensible order: the order of ROLES, deduplicated.
    let mut out: Vec<Opd> = Vec::with_capacity(ROLES.len());
    for r in ROLES {
        let o = opd_for(kind, r);
        if !out.contains(&o) {
            out.push(o);
        }
    }
    if kind == RegionType::Desa {
        out.insert(
            2,
            opd(
                "KAUR-KEUANGAN",
                "Kepala Urusan Keuangan",
                "Head of Financial Affairs (Kaur Keuangan)",
            ),
        );
    }
    out
}

/// The worked examples of a region type: a village runs village-scale programmes.
fn examples(kind: RegionType) -> &'static [Example] {
    if kind == RegionType::Desa {
        DESA_EXAMPLES
    } else {
        EXAMPLES
    }
}

fn masterplan_yaml(c: &Ctx) -> String {
    let o = c.o;
    let desa = o.kind == RegionType::Desa;
    let mut s = String::with_capacity(8 * 1024);
    let title = format!(
        "Masterplan Smart City {} {}-{}",
        c.full_name, o.start_year, c.end_year
    );
    let _ = writeln!(
        s,
        "# {title}\n#\n{}",
        c.t(
            "# Berkas utama proyek: profil daerah, periode, visi-misi dan daftar OPD.\n\
             # Kunci (sebelah kiri titik dua) berbahasa Inggris dan tidak boleh diubah; isinya\n\
             # ditulis dalam bahasa dokumen. Baris yang diawali `#` adalah komentar: hapus `#` untuk\n\
             # mengisi kolom opsional. Nilai yang memuat titik dua, tanda pagar atau kutip\n\
             # sebaiknya ditulis di antara tanda kutip ganda.\n\
             # Periksa dengan: masterplan check. Acuan setiap kolom: masterplan reference input\n\
             # (juga docs/reference/input.md di repositori masterplan).",
            "# The project's main file: the region, the period, vision and missions, the OPD list.\n\
             # Keys (left of the colon) are English and must not change; values are written in the\n\
             # document's language. Lines starting with `#` are comments: remove the `#` to fill in\n\
             # an optional field. Quote values that contain a colon, a hash sign or quotes.\n\
             # Check with: masterplan check. Every field is described by: masterplan reference input\n\
             # (also docs/reference/input.md in the masterplan repository).",
        )
    );
    s.push_str("\nregion:\n");
    let _ = writeln!(
        s,
        "  {}\n  name: {}",
        if desa {
            c.t(
                "# Wajib. Nama desa tanpa awalan \"Desa\".",
                "# Required. The village's name without \"Desa\".",
            )
        } else {
            c.t(
                "# Wajib. Nama daerah tanpa awalan \"Kabupaten\"/\"Kota\".",
                "# Required. The region's name without \"Kabupaten\"/\"Kota\".",
            )
        },
        q(o.region.trim())
    );
    let _ = writeln!(
        s,
        "  {}\n  type: {}",
        c.t(
            "# Wajib. kabupaten | kota | provinsi | desa (menentukan sebutan Bupati/Wali Kota/Gubernur/Kepala Desa).",
            "# Required. kabupaten | kota | provinsi | desa (sets Bupati/Wali Kota/Gubernur/Kepala Desa)."
        ),
        o.kind.key()
    );
    let province_help = c.t(
        "# Wajib kecuali type: provinsi. Nama provinsi.",
        "# Required unless type is provinsi. The province.",
    );
    match &o.province {
        Some(p) => {
            let _ = writeln!(s, "  {province_help}\n  province: {}", q(p.trim()));
        }
        None => {
            let _ = writeln!(s, "  {province_help}\n  # province: \"Sulawesi Tengah\"");
        }
    }
    let capital_example = if o.kind == RegionType::Desa {
        "Dusun I"
    } else {
        "Luwuk"
    };
    // A village counts its dusun in `districts` and has no villages (W0260).
    let (area, population, districts) = if desa {
        ("4.2", "3200", "4")
    } else {
        ("9672.7", "374330", "23")
    };
    let villages_line = if desa {
        String::new()
    } else {
        format!(
            "  {}\n  # villages: 337\n",
            if o.kind == RegionType::Kota {
                c.t(
                    "# Opsional. Jumlah kelurahan/desa.",
                    "# Optional. Number of urban villages (kelurahan/desa).",
                )
            } else {
                c.t(
                    "# Opsional. Jumlah desa/kelurahan.",
                    "# Optional. Number of villages (desa/kelurahan).",
                )
            }
        )
    };
    let _ = writeln!(
        s,
        "  {}\n  # capital: {}\n  {}\n  # head: \"Ir. H. Amirudin\"\n  {}\n  # area_km2: {area}\n  \
         {}\n  # population: {population}\n  {}\n  # districts: {districts}\n{villages_line}  {}\n  # logo: logo.png",
        c.v(
            (
                "# Opsional. Ibu kota / pusat pemerintahan.",
                "# Optional. The capital / seat of government."
            ),
            (
                "# Opsional. Pusat pemerintahan desa (letak kantor desa).",
                "# Optional. Where the village office stands."
            )
        ),
        q(capital_example),
        if c.en {
            format!(
                "# Optional. The head of region ({}), full name with titles.",
                c.head
            )
        } else {
            format!("# Opsional. Nama {} lengkap dengan gelar.", c.head)
        },
        c.t(
            "# Opsional. Luas wilayah dalam km2 (titik sebagai pemisah desimal).",
            "# Optional. Area in km2 (dot as decimal separator)."
        ),
        c.t(
            "# Opsional. Jumlah penduduk (bilangan bulat, tanpa titik).",
            "# Optional. Population (a whole number, no separators)."
        ),
        match (desa, o.kind == RegionType::Provinsi) {
            (true, _) => c.t(
                "# Opsional. Jumlah dusun.",
                "# Optional. Number of hamlets (dusun).",
            ),
            (_, true) => c.t(
                "# Opsional. Jumlah kabupaten/kota.",
                "# Optional. Number of regencies and cities (kabupaten/kota).",
            ),
            _ => c.t(
                "# Opsional. Jumlah kecamatan.",
                "# Optional. Number of districts (kecamatan).",
            ),
        },
        c.t(
            "# Opsional. Berkas logo PNG atau JPEG, relatif terhadap folder proyek.",
            "# Optional. A PNG or JPEG logo, relative to the project folder."
        ),
    );
    let _ = writeln!(
        s,
        "\nperiod:\n  {}\n  start_year: {}\n  {}\n  years: {}",
        c.t(
            "# Wajib. Tahun pertama masterplan.",
            "# Required. The first year of the masterplan."
        ),
        o.start_year,
        c.t(
            "# Opsional, bawaan 10. Lama perencanaan dalam tahun, 5 sampai 20.",
            "# Optional, default 10. Length of the plan in years, 5 to 20."
        ),
        o.years
    );
    let _ = writeln!(
        s,
        "\n{}\nlanguage: {}\n{}\ntaxonomy: kominfo-2017\n{}\n# title: {}",
        c.t(
            "# Opsional. Bahasa dokumen: id (bawaan) | en.",
            "# Optional. Document language: id (default) | en."
        ),
        o.language.key(),
        c.t(
            "# Opsional. Kerangka dimensi: nama bawaan (kominfo-2017) atau path berkas taksonomi YAML.",
            "# Optional. The dimension framework: a built-in name (kominfo-2017) or a path to a taxonomy YAML."
        ),
        c.t(
            "# Opsional. Judul dokumen; bila kosong dibentuk otomatis seperti contoh ini.",
            "# Optional. The document title; derived like this example when absent."
        ),
        q(&title)
    );
    let _ = writeln!(
        s,
        "{}\n# foreword: |\n{}",
        c.t(
            "# Opsional. Kata pengantar (Markdown: **tebal**, *miring*, paragraf dipisah baris kosong).",
            "# Optional. The foreword (Markdown: **bold**, *italic*, blank line between paragraphs)."
        ),
        if c.en {
            format!(
                "#   Praise be to God for the completion of the **{title}**.\n#\n\
                 #   This document guides every {} in carrying out the smart-city programmes.",
                c.v(("", "office"), ("", "village official"))
            )
        } else {
            format!(
                "#   Puji syukur kita panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya\n\
                 #   **{title}**.\n#\n\
                 #   Dokumen ini menjadi pedoman seluruh {} dalam melaksanakan program smart city.",
                c.v(("perangkat daerah", ""), ("perangkat desa", ""))
            )
        }
    );
    let (vision, missions): (String, [&str; 3]) = if c.en {
        (
            format!("A smart, advanced and competitive {}", c.full_name),
            [
                "Improve the quality of digital public services and governance",
                "Strengthen the local economy, small businesses and tourism through technology",
                "Build a healthy, skilled and safe society in a sustainable environment",
            ],
        )
    } else {
        (
            format!("{} yang Cerdas, Maju dan Berdaya Saing", c.full_name),
            [
                "Meningkatkan kualitas layanan publik dan tata kelola pemerintahan berbasis digital",
                "Memperkuat ekonomi lokal, UMKM dan pariwisata melalui pemanfaatan teknologi",
                "Mewujudkan masyarakat yang sehat, cerdas dan aman dalam lingkungan yang lestari",
            ],
        )
    };
    let _ = writeln!(
        s,
        "\n{}\nvision: {}\n{}\nmissions:",
        c.t(
            "# Wajib. Visi smart city (satu kalimat). Ganti dengan hasil Bimtek 1.",
            "# Required. The smart-city vision (one sentence). Replace with the Bimtek 1 result."
        ),
        q(&vision),
        c.t(
            "# Wajib, minimal satu. Misi smart city.",
            "# Required, at least one. The smart-city missions."
        )
    );
    for m in missions {
        let _ = writeln!(s, "  - {}", q(m));
    }
    let head_word = c.head;
    let _ = writeln!(
        s,
        "\n{}\n# rpjmd:\n#   period: [{}, {}]\n#   vision: {}\n#   missions:\n\
         #     - {{ id: M1, text: {} }}\n#     - {{ id: M2, text: {} }}",
        if desa {
            c.t(
                "# Opsional. RPJMDes (di bawah kunci `rpjmd`) yang dilayani masterplan ini. Program merujuk misi lewat `rpjmd_missions: [M1]`.",
                "# Optional. The RPJMDes (village mid-term plan, under the key `rpjmd`) this masterplan serves.\n\
                 # Programmes refer to its missions with `rpjmd_missions: [M1]`.",
            )
        } else {
            c.t(
                "# Opsional. RPJMD yang dilayani masterplan ini. Program merujuk misi lewat `rpjmd_missions: [M1]`.",
                "# Optional. The RPJMD (regional mid-term plan) this masterplan serves. Programmes refer to\n\
                 # its missions with `rpjmd_missions: [M1]`.",
            )
        },
        o.start_year.saturating_sub(1),
        o.start_year.saturating_add(3),
        q(c.v(
            (
                "Visi RPJMD sebagaimana tertulis dalam Perda RPJMD",
                "The RPJMD vision as written in the RPJMD regulation"
            ),
            (
                "Visi RPJMDes sebagaimana tertulis dalam Peraturan Desa tentang RPJMDes",
                "The RPJMDes vision as written in the village regulation"
            )
        )),
        q(c.t(
            "Mewujudkan tata kelola pemerintahan yang bersih dan melayani",
            "Clean and service-oriented governance"
        )),
        q(c.t(
            "Meningkatkan kualitas sumber daya manusia",
            "Better human resources"
        )),
    );
    let _ = writeln!(
        s,
        "\n{}\nopd:",
        if desa && c.en {
            format!(
                "# Required, at least one. The village officials (perangkat desa) and bodies such as the BUMDes\n\
                 # that own programmes, under the key `opd`. `code` is unique and is what pokja files refer to\n\
                 # (coordinator, members, lead, support); `head` (optional), the person holding the post, is\n\
                 # named on the commitment sheet signed with the {head_word} and the chair of the BPD."
            )
        } else if desa {
            format!(
                "# Wajib, minimal satu. Perangkat desa (dan lembaga desa seperti BUMDes) pemilik program, di\n\
                 # bawah kunci `opd`. `code` unik dan dirujuk dari berkas pokja (coordinator, members, lead,\n\
                 # support); `head` (opsional), nama pejabatnya, dicantumkan pada lembar komitmen bersama\n\
                 # {head_word} dan Ketua BPD."
            )
        } else if c.en {
            format!(
                "# Required, at least one. The organisations (OPD) that own programmes. `code` is unique and is\n\
                 # what pokja files refer to (coordinator, members, lead, support); `head` (optional) is named\n\
                 # on the commitment sheet signed with the {head_word}. Adjust the list to the region's own OPD."
            )
        } else {
            format!(
                "# Wajib, minimal satu. Organisasi perangkat daerah pemilik program. `code` unik dan dirujuk\n\
                 # dari berkas pokja (coordinator, members, lead, support); `head` (opsional) dicantumkan\n\
                 # pada lembar komitmen bersama {head_word}. Sesuaikan dengan OPD daerah Anda."
            )
        }
    );
    for (i, d) in scaffold_opd(o.kind).iter().enumerate() {
        let _ = writeln!(s, "  - code: {}\n    name: {}", d.code, q(c.t(d.id, d.en)));
        if i == 0 {
            let _ = writeln!(
                s,
                "    # head: {}",
                q(c.t("Nama Kepala, S.Kom., M.Si.", "Head's Name, S.Kom., M.Si."))
            );
        }
    }
    let decree = if c.en {
        format!(
            "Decree of the {head_word} of {} No. ... of {}",
            c.full_name,
            o.start_year.saturating_sub(1)
        )
    } else {
        format!(
            "Keputusan {head_word} {} Nomor ... Tahun {} tentang Dewan Smart City dan Tim Pelaksana",
            o.region.trim(),
            o.start_year.saturating_sub(1)
        )
    };
    let _ = writeln!(
        s,
        "\n{}\n# team:\n#   decree: {}\n#   council:\n#     - {{ name: {}, role: {} }}\n\
         #   implementers:\n#     - {{ name: {}, role: {} }}",
        c.t(
            "# Opsional. Tim smart city: SK pembentukan, Dewan Smart City (council) dan Tim Pelaksana (implementers).",
            "# Optional. The smart-city team: the decree, the Smart City Council and the implementation team."
        ),
        q(&decree),
        q(c.v(("Nama Kepala Daerah", "Name of the head of region"), ("Nama Kepala Desa", "Name of the village head"))),
        q(c.t("Ketua Dewan Smart City", "Chair of the Smart City Council")),
        q(if desa {
            c.t("Nama Sekretaris Desa", "Name of the village secretary")
        } else {
            c.t("Nama Kepala Diskominfo", "Name of the head of Diskominfo")
        }),
        q(c.t("Ketua Tim Pelaksana", "Head of the implementation team")),
    );
    let (help, first, second) = if desa {
        (
            c.t(
                "# Opsional. Dasar hukum; bila kosong dipakai daftar bawaan (UU 6/2014 tentang Desa, PP 43/2014, Permendagri 114/2014, ...).",
                "# Optional. The legal basis; a default list (UU 6/2014 on Villages, PP 43/2014, Permendagri 114/2014, ...) is used when absent.",
            ),
            "Undang-Undang Nomor 6 Tahun 2014 tentang Desa",
            "Peraturan Menteri Dalam Negeri Nomor 114 Tahun 2014 tentang Pedoman Pembangunan Desa",
        )
    } else {
        (
            c.t(
                "# Opsional. Dasar hukum; bila kosong dipakai daftar bawaan (UU 23/2014, Perpres 95/2018, ...).",
                "# Optional. The legal basis; a default list (UU 23/2014, Perpres 95/2018, ...) is used when absent.",
            ),
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
        )
    };
    let _ = writeln!(
        s,
        "\n{help}\n# legal_basis:\n#   - {}\n#   - {}",
        q(first),
        q(second),
    );
    s
}

fn pokja_yaml(c: &Ctx, d: &Dimension, index: usize, id: &str) -> String {
    let mut s = String::with_capacity(6 * 1024);
    let label = d.label.get(c.o.language);
    let ex = examples(c.o.kind).iter().find(|e| e.dimension == d.key);
    let _ = writeln!(s, "# Pokja {label} - {}\n#", c.full_name);
    if c.en {
        let _ = writeln!(
            s,
            "# Filled in by the {label} working group. The file name is the dimension key.\n\
             # Bimtek 1: readiness, swot, goal, targets, issues. Bimtek 2-3: programs (action plans),\n\
             # indicators, budgets. Bimtek 4: review, final quick wins.\n#\n\
             # Elements of this dimension (write one of these keys in `element`):"
        );
    } else {
        let _ = writeln!(
            s,
            "# Diisi oleh pokja {label}. Nama berkas adalah kunci dimensi.\n\
             # Bimtek 1: readiness, swot, goal, targets, issues. Bimtek 2-3: programs (rencana aksi),\n\
             # indikator, anggaran. Bimtek 4: reviu dan penetapan quick win.\n#\n\
             # Elemen dimensi ini (isi `element` dengan salah satu kunci berikut):"
        );
    }
    let width = d.elements.iter().map(|e| e.key.len()).max().unwrap_or(0);
    for e in &d.elements {
        let _ = writeln!(s, "#   {:width$}  {}", e.key, e.label.get(c.o.language));
    }
    let _ = writeln!(
        s,
        "{}\n",
        c.t(
            "# `masterplan check` memperingatkan setiap elemen yang belum memiliki program: tambahkan\n\
             # minimal satu program per elemen.",
            "# `masterplan check` warns about every element with no programme yet: add at least one\n\
             # programme per element."
        )
    );
    let coordinator = c.opd(ex.map_or(Role::Planning, |e| e.coordinator));
    let members: Vec<&str> = ex
        .map_or(&[Role::Comms][..], |e| e.members)
        .iter()
        .map(|r| c.opd(*r).code)
        .filter(|m| *m != coordinator.code)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let _ = writeln!(
        s,
        "{}\ndimension: {}\n{}\ncoordinator: {}\n{}\nmembers: [{}]",
        c.t(
            "# Wajib. Kunci dimensi, sama dengan nama berkas.",
            "# Required. The dimension key, equal to the file name."
        ),
        d.key,
        c.v(("# Wajib. Kode OPD koordinator pokja (dari `opd` di masterplan.yaml).",
            "# Required. The OPD code of the group's coordinator (from `opd` in masterplan.yaml)."), ("# Wajib. Kode perangkat desa koordinator pokja (dari `opd` di masterplan.yaml).", "# Required. The code of the group's coordinator (from `opd` in masterplan.yaml).")),
        coordinator.code,
        c.v(("# Opsional. Kode OPD anggota pokja.",
            "# Optional. OPD codes of the group's members."), ("# Opsional. Kode perangkat desa anggota pokja.", "# Optional. Codes of the group's members.")),
        members.join(", ")
    );
    let goal = match ex {
        Some(e) => c.t(e.goal.0, e.goal.1).to_string(),
        None => format!("{label} {}", c.full_name),
    };
    let _ = writeln!(
        s,
        "{}\ngoal: {}",
        c.t(
            "# Opsional. Tujuan dimensi (satu kalimat).",
            "# Optional. The dimension's goal (one sentence)."
        ),
        q(&goal)
    );
    let _ = writeln!(
        s,
        "{}\n# targets:\n#   - {}\n{}\n# issues:\n#   - {}",
        c.t(
            "# Opsional. Sasaran yang terukur.",
            "# Optional. Measurable targets."
        ),
        q(c.t(
            "Indeks kepuasan layanan mencapai 85 pada akhir periode",
            "Service satisfaction index reaches 85 by the end of the period"
        )),
        c.t(
            "# Opsional. Isu strategis / permasalahan.",
            "# Optional. Strategic issues / problems."
        ),
        q(c.v(
            (
                "Data antarperangkat daerah belum terintegrasi",
                "Data is not yet shared between offices"
            ),
            (
                "Data kependudukan desa belum terintegrasi",
                "The village's population data is not yet integrated"
            )
        )),
    );
    let _ = writeln!(
        s,
        "{}\n# readiness:\n#   structure:      {{ score: 3, notes: {} }}\n\
         #   infrastructure: {{ score: 2, notes: {} }}\n#   superstructure: {{ score: 3, notes: {} }}",
        c.t(
            "# Opsional (Bimtek 1). Kesiapan daerah, skor 1 (sangat rendah) sampai 5 (sangat tinggi):\n\
             # structure = SDM, birokrasi, anggaran; infrastructure = jaringan, internet, infrastruktur sosial;\n\
             # superstructure = kebijakan, regulasi, kelembagaan.",
            "# Optional (Bimtek 1). Readiness, each score 1 (very low) to 5 (very high):\n\
             # structure = people, bureaucracy, budget; infrastructure = networks, internet, social\n\
             # infrastructure; superstructure = policies, regulations, institutions."
        ),
        q(c.t(
            "SDM TIK tersedia tetapi terbatas",
            "IT staff available but few"
        )),
        q(c.v(("Internet belum menjangkau seluruh desa",
            "Internet does not yet reach every village"), ("Internet belum menjangkau seluruh dusun", "Internet does not yet reach every hamlet"))),
        q(c.t(
            "Regulasi SPBE telah ditetapkan",
            "The e-government regulation is in force"
        )),
    );
    let _ = writeln!(
        s,
        "{}\n# swot:\n#   strengths: [{}]\n#   weaknesses: [{}]\n#   opportunities: [{}]\n#   threats: [{}]",
        c.t(
            "# Opsional (Bimtek 1). Analisis SWOT, masing-masing daftar kalimat.",
            "# Optional (Bimtek 1). SWOT analysis, each a list of sentences."
        ),
        q(c.v(
            ("Komitmen kepala daerah", "Commitment of the head of region"),
            ("Komitmen kepala desa", "Commitment of the village head")
        )),
        q(c.t("Anggaran TIK terbatas", "A small IT budget")),
        q(c.t(
            "Program nasional Gerakan Menuju 100 Smart City",
            "The national 100 Smart Cities Movement"
        )),
        q(c.t("Ancaman keamanan siber", "Cyber-security threats")),
    );
    let _ = writeln!(
        s,
        "{}\n# strategies:\n#   so: [{}]\n#   wo: [{}]\n#   st: [{}]\n#   wt: [{}]",
        c.t(
            "# Opsional (Bimtek 3). Strategi TOWS dari SWOT: so = kekuatan x peluang, wo = kelemahan x\n\
             # peluang, st = kekuatan x ancaman, wt = kelemahan x ancaman; masing-masing daftar kalimat.",
            "# Optional (Bimtek 3). TOWS strategies from the SWOT: so = strengths x opportunities, wo =\n\
             # weaknesses x opportunities, st = strengths x threats, wt = weaknesses x threats; each a list."
        ),
        q(c.t(
            "Memanfaatkan komitmen kepala daerah untuk mengikuti program nasional",
            "Use the head of region's commitment to join the national programme"
        )),
        q(c.t(
            "Memanfaatkan pendampingan nasional untuk menyusun anggaran TIK terpadu",
            "Use national mentoring to plan one IT budget"
        )),
        q(c.t(
            "Menetapkan standar keamanan informasi",
            "Adopt an information security standard"
        )),
        q(c.t(
            "Membentuk tim tanggap insiden siber",
            "Form a cyber incident response team"
        )),
    );
    let _ = writeln!(
        s,
        "{}\n# omitted_elements:\n#   {}: {}",
        c.t(
            "# Opsional. Elemen dimensi ini yang sengaja tidak diberi program, dengan alasannya.",
            "# Optional. Elements of this dimension deliberately left without a programme, and why."
        ),
        d.elements.last().map_or("element", |e| e.key.as_str()),
        q(c.t(
            "Ditangani instansi vertikal; di luar kewenangan daerah",
            "Handled by a central government office; outside the region's authority"
        )),
    );
    s.push_str(c.t(
        "\n# Program (rencana aksi). Satu entri per program; contoh di bawah boleh diubah atau dihapus.\nprograms:\n",
        "\n# Programmes (action plans). One entry per programme; the example below may be edited or removed.\nprograms:\n",
    ));
    program_yaml(&mut s, c, d, index, id, ex);
    s
}

fn program_yaml(
    s: &mut String,
    c: &Ctx,
    d: &Dimension,
    index: usize,
    id: &str,
    ex: Option<&Example>,
) {
    let o = c.o;
    // The first dimension's example is a quick win: one year, starting in the first year.
    let quick_win = index == 0;
    let start = o.start_year;
    let end = if quick_win { start } else { c.year(2) };
    let element = ex
        .map(|e| e.element)
        .filter(|k| d.element(k).is_some())
        .or_else(|| d.elements.first().map(|e| e.key.as_str()))
        .unwrap_or("");
    let label = d.label.get(o.language);
    let name = match ex {
        Some(e) => c.t(e.name.0, e.name.1).to_string(),
        None => format!("{} {label}", c.t("Program Contoh", "Example Programme")),
    };
    let (lead, support) = match ex {
        Some(e) => (
            c.opd(e.lead).code,
            e.support.iter().map(|r| c.opd(*r).code).collect::<Vec<_>>(),
        ),
        None => (c.opd(Role::Planning).code, vec![c.opd(Role::Comms).code]),
    };
    let support: Vec<&str> = support.into_iter().filter(|x| *x != lead).collect();
    let el_list: Vec<&str> = d.elements.iter().map(|e| e.key.as_str()).collect();
    let _ = writeln!(
        s,
        "  {}\n  - id: {id}\n    {}\n    name: {}\n    {}\n    element: {element}\n    {}\n    category: {}",
        c.t(
            "# Wajib: id unik di seluruh proyek, hanya huruf besar, angka dan '-'.",
            "# Required: an id unique in the whole project, only capitals, digits and '-'."
        ),
        c.t("# Wajib. Nama program.", "# Required. The programme's name."),
        q(&name),
        if c.en {
            format!("# Required. One of: {}.", el_list.join(", "))
        } else {
            format!("# Wajib. Salah satu dari: {}.", el_list.join(", "))
        },
        c.t(
            "# Wajib. policy (kebijakan/kelembagaan) | infrastructure | application | literacy (literasi/SDM).",
            "# Required. policy (policy/institutions) | infrastructure | application | literacy (skills)."
        ),
        ex.map_or("policy", |e| e.category),
    );
    let description = match ex {
        Some(e) => c.t(e.description.0, e.description.1).to_string(),
        None => c
            .t(FALLBACK_DESCRIPTION.0, FALLBACK_DESCRIPTION.1)
            .to_string(),
    };
    let _ = writeln!(
        s,
        "    {}\n    description: |",
        c.t(
            "# Opsional. Uraian program, boleh Markdown.",
            "# Optional. The description, Markdown allowed."
        )
    );
    for line in description.lines() {
        let _ = writeln!(s, "      {line}");
    }
    let _ = writeln!(
        s,
        "    {}\n    lead: {lead}\n    {}\n    support: [{}]",
        c.v(
            (
                "# Wajib. Kode OPD penanggung jawab.",
                "# Required. The owning OPD code."
            ),
            (
                "# Wajib. Kode perangkat desa penanggung jawab (dari `opd`).",
                "# Required. The owning village official's code (from `opd`)."
            )
        ),
        c.v(
            (
                "# Opsional. Kode OPD pendukung.",
                "# Optional. Supporting OPD codes."
            ),
            (
                "# Opsional. Kode perangkat desa pendukung.",
                "# Optional. Supporting codes."
            )
        ),
        support.join(", ")
    );
    let _ = writeln!(
        s,
        "    {}\n    start: {start}\n    {}\n    end: {end}",
        if c.en {
            format!(
                "# Required. First year, inside the period {}-{}.",
                o.start_year, c.end_year
            )
        } else {
            format!(
                "# Wajib. Tahun mulai, di dalam periode {}-{}.",
                o.start_year, c.end_year
            )
        },
        c.t(
            "# Wajib. Tahun selesai, >= start dan di dalam periode.",
            "# Required. Last year, >= start and inside the period."
        ),
    );
    let (apbd, (other_src, other_amount)) =
        ex.map_or((100_000_000, ("apbn", 50_000_000)), |e| (e.apbd, e.other));
    // A village funds its programmes from Dana Desa first; a region from its APBD.
    let main_source = if o.kind == RegionType::Desa {
        "dana_desa"
    } else {
        "apbd"
    };
    let _ = writeln!(
        s,
        "    {}\n    budget:\n      - {{ source: {main_source}, amount: {apbd}, year: {start} }}\n      \
         - {{ source: {other_src}, amount: {other_amount} }}",
        c.t(
            "# Opsional. Anggaran dalam Rupiah (bilangan bulat tanpa titik). source: apbd | apbn | dak |\n    \
             # dana_desa | apbdes | add | kpbu | csr | private | grant | other. Tanpa `year`, jumlah dibagi rata start..end.",
            "# Optional. Budget in Rupiah (whole numbers, no separators). source: apbd | apbn | dak |\n    \
             # dana_desa | apbdes | add | kpbu | csr | private | grant | other. Without `year` the amount is spread over start..end."
        ),
    );
    let (output, outcome) = match ex {
        Some(e) => (c.t(e.outputs.0, e.outputs.1), c.t(e.outcome.0, e.outcome.1)),
        None => (
            c.t("Keluaran program", "Programme output"),
            c.t("Manfaat bagi masyarakat", "Benefit to citizens"),
        ),
    };
    let _ = writeln!(
        s,
        "    {}\n    outputs:\n      - {}\n    {}\n    outcome: {}",
        c.t(
            "# Opsional. Keluaran (output) yang dihasilkan.",
            "# Optional. The outputs delivered."
        ),
        q(output),
        c.t(
            "# Opsional. Hasil (outcome) yang diharapkan.",
            "# Optional. The expected outcome."
        ),
        q(outcome),
    );
    let (ind, unit, baseline, targets) = match ex {
        Some(e) => (
            c.t(e.indicator.0, e.indicator.1),
            c.t(e.unit.0, e.unit.1),
            e.baseline,
            e.targets,
        ),
        None => (
            c.t("Capaian program", "Programme achievement"),
            "%",
            0,
            [30, 60, 100],
        ),
    };
    // Targets: the first year, the programme's end and the period's end (deduplicated).
    let mut years: Vec<(Year, u32)> = Vec::with_capacity(3);
    for (y, v) in [
        (start, targets[0]),
        (end, targets[1]),
        (c.end_year, targets[2]),
    ] {
        if years.last().is_some_and(|(ly, _)| *ly >= y) {
            continue;
        }
        years.push((y, v));
    }
    let targets_text: Vec<String> = years.iter().map(|(y, v)| format!("{y}: {v}")).collect();
    let _ = writeln!(
        s,
        "    {}\n    indicators:\n      - name: {}\n        unit: {}\n        baseline: {baseline}\n        \
         targets: {{ {} }}",
        c.t(
            "# Opsional. Indikator kinerja: baseline dan target per tahun (tahun di dalam periode);\n    \
             # nilai berupa angka atau teks singkat (mis. \"ditetapkan\").",
            "# Optional. Performance indicators: baseline and target per year (years inside the period);\n    \
             # values are numbers or short texts (e.g. \"adopted\")."
        ),
        q(ind),
        q(unit),
        targets_text.join(", ")
    );
    let _ = writeln!(
        s,
        "    {}\n    quick_win: {quick_win}",
        c.t(
            "# Opsional, bawaan false. Quick win: berdampak langsung, mulai tahun pertama, paling lama 1 tahun.",
            "# Optional, default false. Quick win: direct impact, starts in the first year, lasts at most 1 year."
        )
    );
    let (impact, effort, sdgs) = ex.map_or((3, 2, "[11]"), |e| (e.impact, e.effort, e.sdgs));
    let _ = writeln!(
        s,
        "    {}\n    impact: {impact}\n    {}\n    effort: {effort}",
        c.t(
            "# Opsional, 1..5. Dampak bagi warga.",
            "# Optional, 1..5. Impact on citizens."
        ),
        c.t(
            "# Opsional, 1..5. Biaya dan tingkat kesulitan.",
            "# Optional, 1..5. Cost and difficulty."
        ),
    );
    let _ = writeln!(
        s,
        "    {}\n    # depends_on: [{}]",
        c.t(
            "# Opsional. Id program yang harus dimulai lebih dulu (tidak boleh melingkar).",
            "# Optional. Ids of programmes that must start first (no cycles)."
        ),
        c.t("PROGRAM-LAIN-01", "OTHER-PROGRAM-01"),
    );
    let _ = writeln!(
        s,
        "    {}\n    # rpjmd_missions: [M1]\n    {}\n    sdgs: {sdgs}",
        c.v(
            (
                "# Opsional. Id misi RPJMD (aktifkan `rpjmd` di masterplan.yaml lebih dulu).",
                "# Optional. RPJMD mission ids (enable `rpjmd` in masterplan.yaml first)."
            ),
            (
                "# Opsional. Id misi RPJMDes (aktifkan `rpjmd` di masterplan.yaml lebih dulu).",
                "# Optional. RPJMDes mission ids (enable `rpjmd` in masterplan.yaml first)."
            )
        ),
        c.t(
            "# Opsional. Nomor tujuan SDGs yang didukung, 1..17.",
            "# Optional. SDG goal numbers supported, 1..17."
        ),
    );
    let _ = writeln!(
        s,
        "    {}\n    # risks:\n    #   - {{ risk: {}, likelihood: 3, impact: 4, mitigation: {} }}",
        c.t(
            "# Opsional; diharapkan untuk program besar (anggaran di atas Rp1 miliar atau lebih dari 3 tahun).\n    \
             # Daftar risiko: kemungkinan dan dampak 1..5; tingkat = kemungkinan x dampak.",
            "# Optional; expected of large programmes (budget over Rp1 billion or longer than 3 years).\n    \
             # The risk register: likelihood and impact 1..5; level = likelihood x impact."
        ),
        q(c.t(
            "Anggaran tahun berikutnya tidak tersedia",
            "Next year's budget is not available"
        )),
        q(c.t(
            "Diusulkan dalam RKPD sejak tahun pertama",
            "Proposed in the RKPD from the first year"
        )),
    );
}

/// The description of the example programme of a dimension without a worked example.
const FALLBACK_DESCRIPTION: (&str, &str) = (
    "Uraikan program: apa yang dibangun, untuk siapa, dan bagaimana dilaksanakan.",
    "Describe the programme: what is built, for whom, and how it is carried out.",
);

/// True when a programme's description is still that of an example `masterplan init` writes
/// (a worked example's, in either language, or the placeholder): the example was not replaced,
/// even if its name was. Used by `check` to warn (W0221) before the example text reaches the
/// document.
pub fn is_example_description(description: Option<&str>) -> bool {
    let Some(description) = description.map(str::trim) else {
        return false;
    };
    description == FALLBACK_DESCRIPTION.0
        || description == FALLBACK_DESCRIPTION.1
        || EXAMPLES
            .iter()
            .chain(DESA_EXAMPLES)
            .any(|e| description == e.description.0.trim() || description == e.description.1.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_read_back_exactly() {
        for s in [
            "Banggai",
            "Kota \"Lama\": Timur # 2",
            "back\\slash",
            "line\nbreak\ttab",
            "- starts like a list",
            "yes",
            "2023",
            "bell\u{7}",
            "Bau-Bau's ümlaut 漢字",
        ] {
            let yaml = format!("v: {}\n", q(s));
            let back: std::collections::BTreeMap<String, String> =
                crate::yaml::from_str(&yaml, "t").unwrap();
            assert_eq!(back["v"], s, "{yaml}");
        }
    }

    #[test]
    fn absurd_options_do_not_panic_and_stay_parseable() {
        for (start_year, years) in [(i32::MAX, u32::MAX), (i32::MIN, 0), (2025, 1), (0, 3)] {
            let o = InitOptions {
                region: String::new(),
                kind: RegionType::Provinsi,
                province: None,
                start_year,
                years,
                language: Language::En,
            };
            let files = files(&o);
            assert_eq!(files.len(), 7);
            let m: crate::model::Masterplan = crate::yaml::from_str(&files[0].1, "m").unwrap();
            assert_eq!(m.period.start_year, start_year);
            for (path, src) in &files[1..] {
                crate::yaml::from_str::<crate::model::Pokja>(src, path).unwrap();
            }
        }
    }

    #[test]
    fn every_builtin_dimension_has_a_worked_example_of_its_own_element() {
        let t = Taxonomy::default_builtin();
        for d in &t.dimensions {
            for list in [EXAMPLES, DESA_EXAMPLES] {
                let e = list.iter().find(|e| e.dimension == d.key).unwrap();
                assert!(d.element(e.element).is_some(), "{}", d.key);
            }
        }
    }
}
