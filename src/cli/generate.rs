//! `masterplan generate`: check, plan, render Markdown, typeset PDF, write atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use masterplan::check::Timings;
use masterplan::render::{Date, RenderOptions};
use masterplan::typeset::{Paper, PdfOptions};

use super::output::{self, OutputFile};
use super::{EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, MessageArgs};

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the outputs [default: DIR/build].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Output formats, separated by commas or spaces (`md,pdf` or "md pdf").
    #[arg(long, value_name = "FORMATS", default_value = "md,pdf", value_parser = parse_formats)]
    format: Formats,
    /// Also write the four books of the Kominfo practice (Buku 1 Analisis Strategis, Buku 2
    /// Masterplan, Buku 3 Quick Win, Buku 4 Road Map) as separate documents.
    #[arg(long)]
    split_books: bool,
    /// Mark every output as a draft: DRAFT watermark and the date (today, or SOURCE_DATE_EPOCH
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

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutFormat {
    Md,
    Pdf,
    /// Editable Word document (masterplan.docx).
    Docx,
    /// Self-contained web page (masterplan.html).
    Html,
    /// The document's tables as a workbook (masterplan.xlsx), totals as formulas.
    Xlsx,
}

/// The `--format` list: one or more formats, in any case, separated by commas or spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formats(Vec<OutFormat>);

impl std::ops::Deref for Formats {
    type Target = [OutFormat];
    fn deref(&self) -> &[OutFormat] {
        &self.0
    }
}

pub(super) fn parse_formats(raw: &str) -> Result<Formats, String> {
    let mut formats = Vec::new();
    for piece in raw.split(|c: char| c == ',' || c.is_whitespace()) {
        if piece.is_empty() {
            continue;
        }
        let format = OutFormat::from_str(piece, true).map_err(|_| {
            let names: Vec<String> = OutFormat::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value())
                .map(|v| v.get_name().to_string())
                .collect();
            let nearest = masterplan::suggest::did_you_mean(
                &piece.to_lowercase(),
                names.iter().map(String::as_str),
            )
            .map(|n| format!(" (did you mean `{n}`?)"))
            .unwrap_or_default();
            format!(
                "unknown format `{piece}`{nearest}; the formats are {}, e.g. --format {}",
                names.join(", "),
                names.join(",")
            )
        })?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err("name at least one format, e.g. --format md,pdf".into());
    }
    Ok(Formats(formats))
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PaperArg {
    A4,
    F4,
    Letter,
}

pub fn run(args: &GenerateArgs) -> i32 {
    let messages = Some(&args.messages);
    let date = match prepare(&args.dir, args.templates.as_deref(), args.draft, messages) {
        Ok(date) => date,
        Err(code) => return code,
    };
    let mut timings = Timings::new();
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

    let started = Instant::now();
    let plan = masterplan::plan::plan(project, taxonomy);
    timings.push(("plan", started.elapsed()));
    let started = Instant::now();
    let options = RenderOptions {
        templates_dir: args.templates.clone(),
        split_books: args.split_books,
        draft: args.draft,
        date,
    };
    let documents = match masterplan::render::render(project, taxonomy, &plan, &options) {
        Ok(d) => d,
        Err(e) => return report_render_error(&e, &args.dir, &args.messages),
    };
    timings.push(("render", started.elapsed()));
    let mut extra = Vec::new();
    if args.format.contains(&OutFormat::Xlsx) {
        let out = args.out.clone().unwrap_or_else(|| args.dir.join("build"));
        match masterplan::workbook::tables(project, &plan) {
            Ok(bytes) => extra.push(OutputFile {
                name: "masterplan.xlsx".to_string(),
                bytes,
            }),
            Err(e) => {
                super::fail_with(
                    messages,
                    "E0717",
                    Some(&out.join("masterplan.xlsx")),
                    &format!("could not write the tables workbook masterplan.xlsx: {e}"),
                    Some(
                        "shorten the text the message names (an Excel cell holds 32,767 characters)",
                    ),
                );
                return EXIT_INPUT;
            }
        }
    }
    write_documents(
        project,
        &documents,
        extra,
        &Destination {
            dir: &args.dir,
            out: args.out.as_deref(),
            formats: &args.format,
            paper: args.paper,
            templates: args.templates.as_deref(),
            force: args.force,
            kind: GENERATION,
        },
        &args.messages,
        &mut timings,
    )
}

/// What every command that writes documents checks before it reads the project: the project
/// folder, the `--templates` folder, and the build date (SOURCE_DATE_EPOCH; today for drafts).
/// `Err` carries the exit status, the problem already reported.
pub(super) fn prepare(
    dir: &Path,
    templates: Option<&Path>,
    draft: bool,
    messages: Option<&MessageArgs>,
) -> Result<Option<Date>, i32> {
    if !super::require_project_dir(messages, dir) {
        return Err(EXIT_USAGE);
    }
    if let Some(t) = templates
        && !t.is_dir()
    {
        super::fail_with(
            messages,
            "E9003",
            Some(t),
            &format!("--templates {} is not a folder", t.display()),
            Some(
                "name a folder of templates, e.g. one written by `masterplan templates export DIR`",
            ),
        );
        return Err(EXIT_USAGE);
    }
    build_date(draft).map_err(|e| {
        super::fail_with(
            messages,
            "E9004",
            None,
            &e,
            Some("unset SOURCE_DATE_EPOCH or set it to e.g. 1795392000 (2026-11-23)"),
        );
        EXIT_USAGE
    })
}

/// Check the project with its template overrides (the time of each stage into `timings`) and
/// print the diagnostics.
pub(super) fn check_project(
    dir: &Path,
    templates: Option<&Path>,
    messages: &MessageArgs,
    timings: &mut Timings,
) -> masterplan::Checked {
    let mut checked = masterplan::check::check_timed(dir, templates, timings);
    checked
        .diagnostics
        .extend(super::template_warnings(dir, templates));
    messages.print(&checked, dir);
    checked
}

/// A template error is reported like an input error: located, in the chosen format.
pub(super) fn report_render_error(e: &anyhow::Error, dir: &Path, messages: &MessageArgs) -> i32 {
    let mut failed = masterplan::Checked::default();
    let d = masterplan::check::render_diagnostic(e, dir, &mut failed.sources);
    failed.diagnostics.push(d);
    messages.print(&failed, dir);
    EXIT_INPUT
}

/// Where and how a command writes its documents.
pub(super) struct Destination<'a> {
    /// The project folder (images in the Markdown are relative to it).
    pub dir: &'a Path,
    /// `--out`; default `<dir>/build`.
    pub out: Option<&'a Path>,
    pub formats: &'a [OutFormat],
    pub paper: PaperArg,
    pub templates: Option<&'a Path>,
    pub force: bool,
    /// The generation kind recorded in the output folder's marker (stale files of the same kind
    /// are removed).
    pub kind: &'a str,
}

/// Typeset the documents in the chosen formats, copy the logo beside the Markdown, and commit
/// them with the `extra` files (made from the plan, not the Markdown: the tables workbook) to
/// the output folder, all or nothing: what `generate` and `evaluate` share. Returns the exit
/// status.
pub(super) fn write_documents(
    project: &masterplan::model::Project,
    documents: &[masterplan::render::Document],
    extra: Vec<OutputFile>,
    to: &Destination,
    messages_args: &MessageArgs,
    timings: &mut Timings,
) -> i32 {
    let messages = Some(messages_args);
    let out = to
        .out
        .map_or_else(|| to.dir.join("build"), Path::to_path_buf);
    let pdf_options = PdfOptions {
        paper: paper(to.paper),
    };
    let mut files = Vec::new();
    let mut typesetting = std::time::Duration::ZERO;
    for doc in documents {
        let stem = doc.file_name.strip_suffix(".md").unwrap_or(&doc.file_name);
        if to.formats.contains(&OutFormat::Pdf) {
            let started = Instant::now();
            let typeset = masterplan::typeset::typeset(&doc.markdown, to.dir, &pdf_options);
            typesetting += started.elapsed();
            match typeset {
                Ok(bytes) => files.push(OutputFile {
                    name: format!("{stem}.pdf"),
                    bytes,
                }),
                Err(e) => {
                    super::fail_with(
                        messages,
                        "E9015",
                        Some(&out.join(format!("{stem}.pdf"))),
                        &format!("could not typeset {stem}.pdf: {e:#}"),
                        None,
                    );
                    return EXIT_OUTPUT;
                }
            }
        }
        match other_formats(to.formats, doc, to.dir, pdf_options.paper) {
            Ok(mut more) => files.append(&mut more),
            Err((name, e)) => {
                super::fail_with(messages, "E9015", Some(&out.join(name)), &e, None);
                return EXIT_OUTPUT;
            }
        }
        if to.formats.contains(&OutFormat::Md) {
            files.push(OutputFile {
                name: doc.file_name.clone(),
                bytes: doc.markdown.clone().into_bytes(),
            });
        }
    }
    files.extend(extra);
    // The Markdown refers to the logo by its project-relative path; copy it beside the Markdown.
    if to.formats.contains(&OutFormat::Md)
        && let Some(logo) = &project.masterplan.region.logo
    {
        let name = logo.replace('\\', "/");
        if files.iter().any(|f| f.name.eq_ignore_ascii_case(&name)) {
            super::fail_with(
                messages,
                "E9013",
                Some(&to.dir.join(logo)),
                &format!(
                    "the logo `{logo}` has the name of a generated file; it would replace that output"
                ),
                Some("rename the logo (e.g. logo.png) and change region.logo to match"),
            );
            return EXIT_INPUT;
        }
        match masterplan::input::read(to.dir, logo, masterplan::input::MAX_IMAGE_BYTES) {
            Ok(bytes) => files.push(OutputFile { name, bytes }),
            Err(e) => {
                super::fail_with(
                    messages,
                    "E9017",
                    Some(&to.dir.join(logo)),
                    &format!("could not read the logo {logo}: {e}"),
                    None,
                );
                return EXIT_INPUT;
            }
        }
    }

    if to.formats.contains(&OutFormat::Pdf) {
        timings.push(("typeset", typesetting));
    }
    let inputs = output::project_inputs(project, to.templates);
    let started = Instant::now();
    let result = output::commit(&out, to.kind, &files, &inputs, to.force);
    timings.push(("write", started.elapsed()));
    messages_args.print_timings(timings);
    match result {
        Ok(committed) => {
            if messages_args.chatty() {
                for name in &committed.written {
                    super::lang::wrote(display(&out.join(name)));
                }
                for name in &committed.removed {
                    super::lang::removed(display(&out.join(name)));
                }
            }
            EXIT_OK
        }
        Err(e) => {
            e.report(messages);
            e.exit
        }
    }
}

/// The generation kind `generate` records in the output folder's marker.
const GENERATION: &str = "generate";

/// The DOCX and HTML writers' files for one document, when asked for.
fn other_formats(
    formats: &[OutFormat],
    doc: &masterplan::render::Document,
    dir: &Path,
    paper: Paper,
) -> Result<Vec<OutputFile>, (String, String)> {
    let stem = doc.file_name.strip_suffix(".md").unwrap_or(&doc.file_name);
    let mut files = Vec::new();
    if formats.contains(&OutFormat::Docx) {
        let options = masterplan::docx::DocxOptions {
            paper,
            // Already checked by `prepare` (E9004).
            created: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        };
        let bytes = masterplan::docx::write(&doc.markdown, dir, &options).map_err(|e| {
            (
                format!("{stem}.docx"),
                format!("could not write {stem}.docx: {e:#}"),
            )
        })?;
        files.push(OutputFile {
            name: format!("{stem}.docx"),
            bytes,
        });
    }
    if formats.contains(&OutFormat::Html) {
        let options = masterplan::html::HtmlOptions { paper };
        let html = masterplan::html::write(&doc.markdown, dir, &options).map_err(|e| {
            (
                format!("{stem}.html"),
                format!("could not write {stem}.html: {e:#}"),
            )
        })?;
        files.push(OutputFile {
            name: format!("{stem}.html"),
            bytes: html.into_bytes(),
        });
    }
    Ok(files)
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

pub(super) fn paper(p: PaperArg) -> Paper {
    match p {
        PaperArg::A4 => Paper::A4,
        PaperArg::F4 => Paper::F4,
        PaperArg::Letter => Paper::Letter,
    }
}

/// The build date: SOURCE_DATE_EPOCH (reproducible-builds convention) when set; otherwise
/// today for a draft (drafts are dated), and none for a final document (identical inputs give
/// identical bytes).
pub(super) fn build_date(draft: bool) -> Result<Option<Date>, String> {
    let raw = std::env::var_os("SOURCE_DATE_EPOCH");
    let raw = raw.as_ref().map(|r| r.to_string_lossy());
    match raw.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            let secs: i64 = text.parse().map_err(|_| {
                format!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not `{text}`"
                )
            })?;
            Ok(Some(civil_date(secs)))
        }
        _ if draft => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            Ok(Some(civil_date(secs)))
        }
        _ => Ok(None),
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_date(secs: i64) -> Date {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(
            civil_date(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            civil_date(1_795_392_000),
            Date {
                year: 2026,
                month: 11,
                day: 23
            }
        );
        assert_eq!(
            civil_date(951_782_400),
            Date {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            civil_date(-86_400),
            Date {
                year: 1969,
                month: 12,
                day: 31
            }
        );
    }
}
