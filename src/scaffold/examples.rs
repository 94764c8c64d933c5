//! The worked examples `masterplan init` writes: the organisations by role for each region type
//! (a village's perangkat desa, a region's dinas), and one example programme per dimension of the
//! built-in taxonomy, for regions and for villages.

use crate::model::RegionType;

/// What an organisation does in the examples; mapped to a code per region type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Role {
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

pub(super) const ROLES: [Role; 11] = [
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
pub(super) struct Opd {
    pub(super) code: &'static str,
    pub(super) id: &'static str,
    pub(super) en: &'static str,
}

pub(super) const fn opd(code: &'static str, id: &'static str, en: &'static str) -> Opd {
    Opd { code, id, en }
}

pub(super) fn opd_for(kind: RegionType, role: Role) -> Opd {
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
pub(super) struct Example {
    pub(super) dimension: &'static str,
    pub(super) coordinator: Role,
    pub(super) members: &'static [Role],
    pub(super) element: &'static str,
    pub(super) category: &'static str,
    pub(super) name: (&'static str, &'static str),
    pub(super) description: (&'static str, &'static str),
    pub(super) lead: Role,
    pub(super) support: &'static [Role],
    pub(super) outputs: (&'static str, &'static str),
    pub(super) outcome: (&'static str, &'static str),
    pub(super) indicator: (&'static str, &'static str),
    pub(super) unit: (&'static str, &'static str),
    pub(super) baseline: u32,
    /// Targets at the first year, the programme's end and the period's end.
    pub(super) targets: [u32; 3],
    pub(super) apbd: u64,
    pub(super) other: (&'static str, u64),
    pub(super) impact: u8,
    pub(super) effort: u8,
    pub(super) sdgs: &'static str,
    pub(super) goal: (&'static str, &'static str),
}

pub(super) const EXAMPLES: &[Example] = &[
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
pub(super) const DESA_EXAMPLES: &[Example] = &[
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
pub(super) fn scaffold_opd(kind: RegionType) -> Vec<Opd> {
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
pub(super) fn examples(kind: RegionType) -> &'static [Example] {
    if kind == RegionType::Desa {
        DESA_EXAMPLES
    } else {
        EXAMPLES
    }
}
