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
