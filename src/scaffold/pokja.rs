//! The scaffold's pokja files: one per dimension, with its readiness, SWOT and TOWS prompts and
//! the dimension's worked example programme.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::examples::{Example, Role, examples};
use super::{Ctx, FALLBACK_DESCRIPTION, q};
use crate::model::{RegionType, Year};
use crate::taxonomy::Dimension;

pub(super) fn pokja_yaml(c: &Ctx, d: &Dimension, index: usize, id: &str) -> String {
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

pub(super) fn program_yaml(
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
