//! `masterplan evaluate YEAR`: check, plan, evaluate the year's monitoring file, render the
//! report's Markdown, typeset its PDF, write atomically (the same stages and output writing as
//! `generate`).

use std::path::PathBuf;

use clap::Args;
use masterplan::render::RenderOptions;

use super::generate::{
    Destination, Formats, OutFormat, PaperArg, check_project, parse_formats, prepare,
    report_render_error, write_documents,
};
use super::{EXIT_INPUT, EXIT_USAGE, MessageArgs, fail_with};

#[derive(Args, Debug)]
pub struct EvaluateArgs {
    /// The reported year to evaluate (its monitoring/YEAR.yaml must exist).
    year: i32,
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the outputs [default: DIR/build].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Output formats, separated by commas or spaces (`md,pdf` or "md pdf").
    #[arg(long, value_name = "FORMATS", default_value = "md,pdf", value_parser = parse_formats)]
    format: Formats,
    /// Mark the report as a draft: DRAFT watermark and the date (today, or SOURCE_DATE_EPOCH
    /// when set, for reproducible builds).
    #[arg(long)]
    draft: bool,
    /// Paper size of the PDF (any case: a4, A4).
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
    paper: PaperArg,
    /// A folder of templates overriding the built-in ones [default: DIR/templates when present].
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Replace files in the output folder that masterplan did not write.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

pub fn run(args: &EvaluateArgs) -> i32 {
    let messages = Some(&args.messages);
    let date = match prepare(&args.dir, args.templates.as_deref(), args.draft, messages) {
        Ok(date) => date,
        Err(code) => return code,
    };
    if args.format.contains(&OutFormat::Xlsx) {
        fail_with(
            messages,
            "E9001",
            None,
            "evaluate writes md, pdf, docx and html; the tables workbook (xlsx) is the masterplan's",
            Some(
                "use `masterplan generate --format xlsx` for the workbook, and e.g. --format md,pdf here",
            ),
        );
        return EXIT_USAGE;
    }
    let mut timings = masterplan::check::Timings::new();
    let checked = check_project(
        &args.dir,
        args.templates.as_deref(),
        &args.messages,
        &mut timings,
    );
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        args.messages.print_timings(&timings);
        return EXIT_INPUT;
    };
    if args.messages.blocks(&checked) {
        args.messages.print_timings(&timings);
        return EXIT_INPUT;
    }
    let started = std::time::Instant::now();

    let plan = masterplan::plan::plan(project, taxonomy);
    let evaluation = match masterplan::evaluation::evaluate(project, &plan, args.year) {
        Ok(e) => e,
        Err(e) => {
            let mut diagnostics = vec![e.diagnostic()];
            checked.sources.locate(&mut diagnostics);
            args.messages
                .print_diagnostics(&diagnostics, &checked.sources, &args.dir);
            return EXIT_INPUT;
        }
    };
    let options = RenderOptions {
        templates_dir: args.templates.clone(),
        split_books: false,
        draft: args.draft,
        date,
    };
    let doc = match masterplan::render::evaluation::render_evaluation(
        project,
        &plan,
        &evaluation,
        &options,
    ) {
        Ok(d) => d,
        Err(e) => return report_render_error(&e, &args.dir, &args.messages),
    };
    timings.push(("evaluate", started.elapsed()));
    write_documents(
        project,
        std::slice::from_ref(&doc),
        Vec::new(),
        &Destination {
            dir: &args.dir,
            out: args.out.as_deref(),
            formats: &args.format,
            paper: args.paper,
            templates: args.templates.as_deref(),
            force: args.force,
            kind: &generation(args.year),
        },
        &args.messages,
        &mut timings,
    )
}

/// The generation kind `evaluate` records in the output folder's marker: one per year, so the
/// reports of other years (and the masterplan) stay when one year is evaluated again.
fn generation(year: i32) -> String {
    format!("evaluate-{year}")
}
