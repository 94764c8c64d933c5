//! The scaffold's masterplan.yaml: every field present or shown commented, in the scaffold's
//! language, with the region's organisations.

use std::fmt::Write as _;

use super::examples::scaffold_opd;
use super::{Ctx, q};
use crate::model::RegionType;

pub(super) fn masterplan_yaml(c: &Ctx) -> String {
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
