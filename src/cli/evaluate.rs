//! `masterplan evaluate YEAR`: check, plan, evaluate the year's monitoring file, render the
//! report's Markdown, typeset its PDF, write atomically (the same stages and output writing as
//! `generate`).

use std::path::PathBuf;

use clap::Args;
use masterplan::render::RenderOptions;
use masterplan::typeset::PdfOptions;

use super::generate::{OutFormat, PaperArg, display, paper, source_date};
use super::output::{self, OutputFile};
use super::{EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, MessageArgs, fail};

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
    /// Output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [OutFormat::Md, OutFormat::Pdf])]
    format: Vec<OutFormat>,
    /// Mark the report as a draft (DRAFT watermark; the date from SOURCE_DATE_EPOCH, if set).
    #[arg(long)]
    draft: bool,
    /// Paper size of the PDF.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    paper: PaperArg,
    /// A folder of templates overriding the built-in ones [default: DIR/templates when present].
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Replace files in an --out folder that masterplan did not create.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

pub fn run(args: &EvaluateArgs) -> i32 {
    let messages = Some(&args.messages);
    if !args.dir.is_dir() {
        fail(messages, &format!("{} is not a folder", args.dir.display()));
        return EXIT_USAGE;
    }
    if let Some(t) = &args.templates
        && !t.is_dir()
    {
        fail(
            messages,
            &format!("--templates {} is not a folder", t.display()),
        );
        return EXIT_USAGE;
    }
    let date = match source_date() {
        Ok(d) => d,
        Err(e) => {
            fail(messages, &e);
            return EXIT_USAGE;
        }
    };

    let checked = masterplan::check(&args.dir);
    args.messages.print(&checked);
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        return EXIT_INPUT;
    };
    if checked.has_errors() {
        return EXIT_INPUT;
    }

    let plan = masterplan::plan::plan(project, taxonomy);
    let evaluation = match masterplan::evaluation::evaluate(project, &plan, args.year) {
        Ok(e) => e,
        Err(e) => {
            let mut diagnostics = vec![e.diagnostic()];
            checked.sources.locate(&mut diagnostics);
            args.messages
                .print_diagnostics(&diagnostics, &checked.sources);
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
        Err(e) => {
            fail(messages, &format!("{e:#}"));
            return EXIT_INPUT;
        }
    };

    let mut files = Vec::new();
    let stem = doc.file_name.strip_suffix(".md").unwrap_or(&doc.file_name);
    if args.format.contains(&OutFormat::Pdf) {
        let pdf_options = PdfOptions {
            paper: paper(args.paper),
        };
        match masterplan::typeset::typeset(&doc.markdown, &args.dir, &pdf_options) {
            Ok(bytes) => files.push(OutputFile {
                name: format!("{stem}.pdf"),
                bytes,
            }),
            Err(e) => {
                fail(messages, &format!("could not typeset {stem}.pdf: {e:#}"));
                return EXIT_OUTPUT;
            }
        }
    }
    if args.format.contains(&OutFormat::Md) {
        files.push(OutputFile {
            name: doc.file_name.clone(),
            bytes: doc.markdown.clone().into_bytes(),
        });
        // The Markdown refers to the logo by its project-relative path; copy it beside it.
        if let Some(logo) = &project.masterplan.region.logo {
            match std::fs::read(args.dir.join(logo)) {
                Ok(bytes) => files.push(OutputFile {
                    name: logo.replace('\\', "/"),
                    bytes,
                }),
                Err(e) => {
                    fail(messages, &format!("could not read the logo {logo}: {e}"));
                    return EXIT_INPUT;
                }
            }
        }
    }

    let out = args.out.clone().unwrap_or_else(|| args.dir.join("build"));
    if !args.force
        && let Err(e) = output::check_ours(&out, &files)
    {
        fail(messages, &e);
        return EXIT_USAGE;
    }
    if let Err(e) = output::write_all(&out, &files) {
        fail(
            messages,
            &format!("could not write to {}: {e}", out.display()),
        );
        return EXIT_OUTPUT;
    }
    if !args.messages.is_json() {
        for f in &files {
            eprintln!("wrote {}", display(&out.join(&f.name)));
        }
    }
    EXIT_OK
}
