//! Snapshot tests of the examples' Markdown (insta): any change to the document shows up as a
//! reviewable diff. Update with `cargo insta review` (or INSTA_UPDATE=always cargo test) after an
//! intended change.

use std::path::Path;

use masterplan::render::{Date, RenderOptions};

fn render(example: &str, options: &RenderOptions) -> Vec<masterplan::render::Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let checked = masterplan::check(&root);
    assert!(
        !checked.has_errors(),
        "{example}: {:?}",
        checked.diagnostics
    );
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        panic!("{example} did not load");
    };
    let plan = masterplan::plan::plan(project, taxonomy);
    masterplan::render::render(project, taxonomy, &plan, options).expect("renders")
}

#[test]
fn banggai_markdown() {
    let docs = render("banggai", &RenderOptions::default());
    assert_eq!(docs.len(), 1);
    insta::assert_snapshot!("banggai_masterplan", docs[0].markdown);
}

#[test]
fn makassar_markdown() {
    let docs = render("makassar", &RenderOptions::default());
    insta::assert_snapshot!("makassar_masterplan", docs[0].markdown);
}

#[test]
fn makassar_books_and_draft() {
    let options = RenderOptions {
        split_books: true,
        draft: true,
        date: Some(Date {
            year: 2026,
            month: 11,
            day: 23,
        }),
        ..RenderOptions::default()
    };
    let docs = render("makassar", &options);
    let names: Vec<&str> = docs.iter().map(|d| d.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "masterplan.md",
            "buku-1-analisis-strategis.md",
            "buku-2-masterplan.md",
            "buku-3-quick-win.md",
            "buku-4-road-map.md"
        ]
    );
    for doc in &docs {
        assert!(doc.markdown.contains("draft: true"), "{}", doc.file_name);
        let name = doc.file_name.trim_end_matches(".md").replace('-', "_");
        insta::assert_snapshot!(format!("makassar_draft_{name}"), doc.markdown);
    }
}

/// The evaluation report of one reported year of an example.
fn evaluation(example: &str, year: i32) -> masterplan::render::Document {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let checked = masterplan::check(&root);
    assert!(
        !checked.has_errors(),
        "{example}: {:?}",
        checked.diagnostics
    );
    let project = checked.project.as_ref().expect("loads");
    let taxonomy = checked.taxonomy.as_ref().expect("taxonomy");
    let plan = masterplan::plan::plan(project, taxonomy);
    let evaluation =
        masterplan::evaluation::evaluate(project, &plan, year).expect("the year evaluates");
    masterplan::render::evaluation::render_evaluation(
        project,
        &plan,
        &evaluation,
        &RenderOptions::default(),
    )
    .expect("renders")
}

#[test]
fn banggai_evaluation_2023() {
    let doc = evaluation("banggai", 2023);
    assert_eq!(doc.file_name, "evaluasi-2023.md");
    insta::assert_snapshot!("banggai_evaluation_2023", doc.markdown);
}

#[test]
fn banggai_evaluation_2024() {
    let doc = evaluation("banggai", 2024);
    assert_eq!(doc.file_name, "evaluasi-2024.md");
    insta::assert_snapshot!("banggai_evaluation_2024", doc.markdown);
}

#[test]
fn sinjai_desa_markdown() {
    let docs = render("sinjai-desa", &RenderOptions::default());
    assert_eq!(docs.len(), 1);
    insta::assert_snapshot!("sinjai_desa_masterplan", docs[0].markdown);
}

/// `word` occurs in `text` other than as the start of one of the `allowed` longer words.
fn occurs_outside(text: &str, word: &str, allowed: &[&str]) -> Vec<String> {
    text.match_indices(word)
        .filter(|(i, _)| !allowed.iter().any(|a| text[*i..].starts_with(a)))
        .map(|(i, _)| {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(k, _)| k);
            let to = text[i..]
                .char_indices()
                .nth(60)
                .map_or(text.len(), |(k, _)| i + k);
            text[from..to].to_string()
        })
        .collect()
}

#[test]
fn the_desa_document_speaks_of_a_village_from_cover_to_commitment_sheet() {
    let md = render("sinjai-desa", &RenderOptions::default())
        .remove(0)
        .markdown;
    // No kabupaten words where village words belong.
    for word in [
        "Bupati",
        "OPD",
        "Perangkat Daerah",
        "perangkat daerah",
        "Kepala daerah",
        "kepala daerah",
        "Peraturan Daerah",
        "kecamatan",
        "Jumlah desa/kelurahan",
        "Renstra",
        "Kabupaten Tongke-Tongke",
    ] {
        assert!(!md.contains(word), "`{word}` in the desa document");
    }
    for (word, allowed) in [("RPJMD", &["RPJMDes"][..]), ("RKPD", &["RKPDes"][..])] {
        let hits = occurs_outside(&md, word, allowed);
        assert!(hits.is_empty(), "`{word}` without \"Des\": {hits:#?}");
    }
    // The village words, each where the document needs it.
    let cover = &md[..md.find("# KATA PENGANTAR").expect("foreword")];
    assert!(cover.contains("Desa Tongke-Tongke"), "{cover}");
    assert!(cover.contains("PEMERINTAH DESA TONGKE-TONGKE"), "{cover}");
    let legal = &md[md.find("Dasar Hukum\n").expect("legal basis")..];
    let legal = &legal[..legal.find("\n## ").unwrap()];
    for law in [
        "Undang-Undang Nomor 6 Tahun 2014 tentang Desa",
        "Peraturan Pemerintah Nomor 43 Tahun 2014",
        "Peraturan Menteri Dalam Negeri Nomor 114 Tahun 2014 tentang Pedoman Pembangunan Desa",
        "Peraturan Desa Tongke-Tongke tentang Rencana Pembangunan Jangka Menengah Desa Tahun 2023–2028",
    ] {
        assert!(legal.contains(law), "{law} missing from:\n{legal}");
    }
    assert!(!legal.contains("Pemerintahan Daerah"), "{legal}");
    for word in [
        "KEPALA DESA TONGKE-TONGKE",
        "GAMBARAN UMUM DESA",
        "| Jumlah dusun | 4 |",
        "Rencana Pembangunan Jangka Menengah Desa (RPJMDes)",
        "## 2.3 Perangkat Desa",
        "Perangkat Desa Penanggung Jawab",
        "| Dana Desa |",
        "| Alokasi Dana Desa |",
        "| APBDes |",
        "RKPDes",
        "ditetapkan dengan Peraturan Desa",
    ] {
        assert!(md.contains(word), "`{word}` missing");
    }
    let sheet = &md[md.find("Lembar Komitmen\n").expect("commitment sheet")..];
    let sheet = &sheet[..sheet.find("\n## ").unwrap_or(sheet.len())];
    assert!(sheet.contains("| Kepala Desa Tongke-Tongke |"), "{sheet}");
    assert!(sheet.contains("| Sekretaris Desa |"), "{sheet}");
    assert!(
        sheet.contains("| Ketua Badan Permusyawaratan Desa Tongke-Tongke |"),
        "{sheet}"
    );
    assert!(!sheet.contains("Kepala Kepala"), "{sheet}");
}

/// An example rendered as another region type (and in another language).
fn render_as(
    example: &str,
    name: &str,
    kind: masterplan::model::RegionType,
    language: masterplan::model::Language,
) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let checked = masterplan::check(&root);
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        panic!("{example} did not load");
    };
    let mut project = project.clone();
    project.masterplan.region.name = name.to_string();
    project.masterplan.region.kind = kind;
    project.masterplan.language = language;
    project.masterplan.title = None;
    project.masterplan.foreword = None;
    project.masterplan.legal_basis = None;
    let plan = masterplan::plan::plan(&project, taxonomy);
    masterplan::render::render(&project, taxonomy, &plan, &RenderOptions::default())
        .expect("renders")
        .remove(0)
        .markdown
}

#[test]
fn a_kota_and_a_provinsi_use_their_own_titles_and_counts() {
    use masterplan::model::{Language, RegionType};
    let kota = render("makassar", &RenderOptions::default())
        .remove(0)
        .markdown;
    for word in [
        "WALI KOTA MAKASSAR",
        "Peraturan Wali Kota",
        "| Jumlah kecamatan | 15 |",
        "| Jumlah kelurahan/desa | 153 |",
    ] {
        assert!(kota.contains(word), "kota: `{word}` missing");
    }
    assert!(!kota.contains("Bupati"), "kota: Bupati");
    let provinsi = render_as(
        "makassar",
        "Sulawesi Selatan",
        RegionType::Provinsi,
        Language::Id,
    );
    for word in [
        "GUBERNUR SULAWESI SELATAN",
        "Peraturan Gubernur",
        "Pemerintah Provinsi Sulawesi Selatan",
        "| Jumlah kabupaten/kota | 15 |",
    ] {
        assert!(provinsi.contains(word), "provinsi: `{word}` missing");
    }
    for word in ["Bupati", "Jumlah kecamatan", "WALI KOTA"] {
        assert!(!provinsi.contains(word), "provinsi: `{word}`");
    }
    // English: village head, village regulation, village officials.
    let village = render_as(
        "sinjai-desa",
        "Tongke-Tongke",
        RegionType::Desa,
        Language::En,
    );
    for word in [
        "VILLAGE HEAD OF TONGKE-TONGKE",
        "Village Regulation (Peraturan Desa)",
        "Village Officials (perangkat desa)",
        "Law Number 6 of 2014 on Villages",
        "| Hamlets (dusun) | 4 |",
        "Chair of the Village Consultative Body (BPD) of Tongke-Tongke",
    ] {
        assert!(village.contains(word), "en desa: `{word}` missing");
    }
    for word in ["Regent", "agencies", "OPD", "head of region", "Districts"] {
        assert!(!village.contains(word), "en desa: `{word}`");
    }
}
