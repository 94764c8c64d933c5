//! `masterplan generate`: check, plan, render Markdown, typeset PDF, write atomically.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use masterplan::render::{Date, RenderOptions};
use masterplan::typeset::{Paper, PdfOptions};

use super::output::{self, OutputFile};
use super::{EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, MessageArgs, fail};

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the outputs [default: DIR/build].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Output formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [OutFormat::Md, OutFormat::Pdf])]
    format: Vec<OutFormat>,
    /// Also write the four books of the Kominfo practice (Buku 1 Analisis Strategis, Buku 2
    /// Masterplan, Buku 3 Quick Win, Buku 4 Road Map) as separate documents.
    #[arg(long)]
    split_books: bool,
    /// Mark every output as a draft (DRAFT watermark; the date from SOURCE_DATE_EPOCH, if set).
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

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    Md,
    Pdf,
    /// Editable Word document (masterplan.docx).
    Docx,
    /// Self-contained web page (masterplan.html).
    Html,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum PaperArg {
    A4,
    F4,
    Letter,
}

pub fn run(args: &GenerateArgs) -> i32 {
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
    let options = RenderOptions {
        templates_dir: args.templates.clone(),
        split_books: args.split_books,
        draft: args.draft,
        date,
    };
    let documents = match masterplan::render::render(project, taxonomy, &plan, &options) {
        Ok(d) => d,
        Err(e) => {
            fail(messages, &format!("{e:#}"));
            return EXIT_INPUT;
        }
    };

    let pdf_options = PdfOptions {
        paper: paper(args.paper),
    };
    let mut files = Vec::new();
    for doc in &documents {
        let stem = doc.file_name.strip_suffix(".md").unwrap_or(&doc.file_name);
        if args.format.contains(&OutFormat::Pdf) {
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
        match other_formats(&args.format, doc, &args.dir, pdf_options.paper) {
            Ok(mut more) => files.append(&mut more),
            Err(e) => {
                fail(messages, &e);
                return EXIT_OUTPUT;
            }
        }
        if args.format.contains(&OutFormat::Md) {
            files.push(OutputFile {
                name: doc.file_name.clone(),
                bytes: doc.markdown.clone().into_bytes(),
            });
        }
    }
    // The Markdown refers to the logo by its project-relative path; copy it beside the Markdown.
    if args.format.contains(&OutFormat::Md)
        && let Some(logo) = &project.masterplan.region.logo
    {
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

/// The DOCX and HTML writers' files for one document, when asked for.
fn other_formats(
    formats: &[OutFormat],
    doc: &masterplan::render::Document,
    dir: &Path,
    paper: Paper,
) -> Result<Vec<OutputFile>, String> {
    let stem = doc.file_name.strip_suffix(".md").unwrap_or(&doc.file_name);
    let mut files = Vec::new();
    if formats.contains(&OutFormat::Docx) {
        let options = masterplan::docx::DocxOptions {
            paper,
            // Already checked by `source_date`.
            created: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        };
        let bytes = masterplan::docx::write(&doc.markdown, dir, &options)
            .map_err(|e| format!("could not write {stem}.docx: {e:#}"))?;
        files.push(OutputFile {
            name: format!("{stem}.docx"),
            bytes,
        });
    }
    if formats.contains(&OutFormat::Html) {
        let options = masterplan::html::HtmlOptions { paper };
        let html = masterplan::html::write(&doc.markdown, dir, &options)
            .map_err(|e| format!("could not write {stem}.html: {e:#}"))?;
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

fn paper(p: PaperArg) -> Paper {
    match p {
        PaperArg::A4 => Paper::A4,
        PaperArg::F4 => Paper::F4,
        PaperArg::Letter => Paper::Letter,
    }
}

/// The build date from SOURCE_DATE_EPOCH (reproducible-builds convention), if set.
fn source_date() -> Result<Option<Date>, String> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let raw = raw.to_string_lossy();
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let secs: i64 = raw.trim().parse().map_err(|_| {
        format!("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not `{raw}`")
    })?;
    Ok(Some(civil_date(secs)))
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
