//! Command-line interface: argument parsing (clap) and the commands. Each command is a
//! function that returns an exit code; all the work is done by the library.
//!
//! Exit codes (stable, documented in docs/reference/commands.md):
//! 0 success (warnings allowed), 1 errors in the inputs (or templates), 2 wrong usage,
//! 3 the output could not be written or typeset.

mod evaluate;
mod generate;
mod init;
mod monitoring;
mod output;
mod reference;
mod templates;
mod worksheet;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use masterplan::report::{self, MessageFormat};

pub const EXIT_OK: i32 = 0;
pub const EXIT_INPUT: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_OUTPUT: i32 = 3;

const EXAMPLES: &str = "\
Examples:
  masterplan init banggai --region Banggai --type kabupaten \\
      --province \"Sulawesi Tengah\" --start-year 2023
  masterplan check banggai
  masterplan check banggai --message-format json
  masterplan generate banggai                 # build/masterplan.md and build/masterplan.pdf
  masterplan generate banggai --draft --split-books --paper f4
  masterplan templates export banggai/templates
  masterplan monitoring new 2024 banggai     # banggai/monitoring/2024.yaml to fill in
  masterplan evaluate 2024 banggai            # build/evaluasi-2024.md and build/evaluasi-2024.pdf";

#[derive(Parser, Debug)]
#[command(
    name = "masterplan",
    version,
    about = "Turns a region's smart-city pokja inputs (YAML) into its Masterplan Smart City, in Markdown and PDF",
    after_help = EXAMPLES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Scaffold a new project: masterplan.yaml and one commented file per pokja.
    #[command(
        after_help = "Examples:\n  masterplan init banggai --region Banggai --type kabupaten \\\n      --province \"Sulawesi Tengah\" --start-year 2023\n  masterplan init banggai --pokja economy      # add the missing pokja/economy.yaml"
    )]
    Init(init::InitArgs),
    /// Check a project's inputs and report every problem in every file.
    #[command(
        after_help = "Examples:\n  masterplan check\n  masterplan check examples/banggai --message-format json"
    )]
    Check(CheckArgs),
    /// Generate the masterplan document (Markdown and PDF) from a project.
    #[command(
        after_help = "Examples:\n  masterplan generate examples/banggai\n  masterplan generate . --out dist --format md --draft\n  masterplan generate banggai --split-books --paper f4"
    )]
    Generate(generate::GenerateArgs),
    /// Evaluate one reported year (monitoring/YEAR.yaml): the evaluation report in Markdown and PDF.
    #[command(
        after_help = "Examples:\n  masterplan evaluate 2024 examples/banggai\n  masterplan evaluate 2023 . --out dist --format md --draft"
    )]
    Evaluate(evaluate::EvaluateArgs),
    /// Work with the document templates: list them, or export them for customising.
    #[command(
        subcommand,
        after_help = "Examples:\n  masterplan templates list\n  masterplan templates export banggai/templates"
    )]
    Templates(templates::TemplatesCommand),
    /// Work with the yearly monitoring files (monitoring/<year>.yaml).
    #[command(subcommand)]
    Monitoring(monitoring::MonitoringCommand),
    /// Print the bundled reference (Markdown): input fields, diagnostics, commands, templates.
    #[command(
        after_help = "Examples:\n  masterplan reference              # every field of masterplan.yaml and pokja/*.yaml\n  masterplan reference diagnostics\n  masterplan reference input > input.md"
    )]
    Reference(reference::ReferenceArgs),
    /// The project as the Bimtek Excel workbook: export it to fill in, import it back to YAML.
    #[command(
        subcommand,
        after_help = "Examples:\n  masterplan worksheet export banggai --out bimtek.xlsx\n  masterplan worksheet import bimtek.xlsx banggai --force"
    )]
    Worksheet(worksheet::WorksheetCommand),
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Also render the templates that `generate --templates DIR` would use [default:
    /// DIR/templates when present].
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    messages: MessageArgs,
}

#[derive(Args, Debug, Clone, Copy)]
pub struct MessageArgs {
    /// How to print diagnostics: `human` (stderr, coloured on a terminal; NO_COLOR honoured) or
    /// `json` (stdout, one JSON object per line).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    message_format: Format,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Human,
    Json,
}

impl MessageArgs {
    /// Print the diagnostics of a check where this format sends them: JSON lines to stdout,
    /// human text (quoting source lines) to stderr.
    pub fn print(&self, checked: &masterplan::Checked) {
        use std::io::IsTerminal;
        let result = match self.message_format {
            Format::Json => report::write(
                &mut std::io::stdout().lock(),
                &checked.diagnostics,
                MessageFormat::Json,
                false,
            ),
            Format::Human => {
                let color = report::use_color(std::io::stderr().is_terminal());
                report::write_with_sources(
                    &mut std::io::stderr().lock(),
                    &checked.diagnostics,
                    MessageFormat::Human,
                    color,
                    &checked.sources,
                )
            }
        };
        // A closed stdout/stderr (e.g. `| head`) must not turn into a panic or a different exit code.
        let _ = result;
    }

    /// Print diagnostics found after a check (e.g. by `evaluate`), quoting source lines from it.
    pub fn print_diagnostics(
        &self,
        diagnostics: &[masterplan::diagnostic::Diagnostic],
        sources: &masterplan::load::Sources,
    ) {
        use std::io::IsTerminal;
        let result = match self.message_format {
            Format::Json => report::write(
                &mut std::io::stdout().lock(),
                diagnostics,
                MessageFormat::Json,
                false,
            ),
            Format::Human => report::write_with_sources(
                &mut std::io::stderr().lock(),
                diagnostics,
                MessageFormat::Human,
                report::use_color(std::io::stderr().is_terminal()),
                sources,
            ),
        };
        let _ = result;
    }

    pub fn is_json(&self) -> bool {
        self.message_format == Format::Json
    }
}

/// An error that is not about the inputs' content (usage, output folders, I/O), printed like a
/// diagnostic: in JSON mode with the same keys in the same order as the input diagnostics.
#[derive(serde::Serialize)]
pub struct UsageError {
    pub code: &'static str,
    /// The file or folder concerned, as given on the command line; null when none is.
    pub file: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

/// Print a [`UsageError`] in the chosen format.
pub fn report(messages: Option<&MessageArgs>, e: &UsageError) {
    if messages.is_some_and(MessageArgs::is_json) {
        println!("{}", usage_json(e));
    } else {
        eprintln!("error[{}]: {}", e.code, e.message);
        if let Some(hint) = &e.hint {
            eprintln!("  = help: {hint}");
        }
    }
}

/// One JSON line with the documented keys in the documented order.
fn usage_json(e: &UsageError) -> String {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        severity: &'a str,
        code: &'a str,
        file: Option<&'a str>,
        line: Option<usize>,
        column: Option<usize>,
        path: &'a str,
        message: &'a str,
        hint: Option<&'a str>,
    }
    serde_json::to_string(&Line {
        severity: "error",
        code: e.code,
        file: e.file.as_deref(),
        line: None,
        column: None,
        path: "",
        message: &e.message,
        hint: e.hint.as_deref(),
    })
    .unwrap_or_default()
}

/// Print an error with a code, the file concerned (if any) and a hint.
pub fn fail_with(
    messages: Option<&MessageArgs>,
    code: &'static str,
    file: Option<&std::path::Path>,
    message: &str,
    hint: Option<&str>,
) {
    report(
        messages,
        &UsageError {
            code,
            file: file.map(|f| f.display().to_string()),
            message: message.to_string(),
            hint: hint.map(str::to_string),
        },
    );
}

/// Print an error that has no more specific code (E9000). Commands should prefer [`fail_with`]
/// with a documented code; this stays for errors that have none yet.
#[allow(dead_code)]
pub fn fail(messages: Option<&MessageArgs>, message: &str) {
    fail_with(messages, "E9000", None, message, None);
}

/// The project folder must exist and be a folder (E9002, exit 2).
pub fn require_project_dir(messages: Option<&MessageArgs>, dir: &std::path::Path) -> bool {
    if dir.is_dir() {
        return true;
    }
    let message = if dir.exists() {
        format!("{} is a file, not a project folder", dir.display())
    } else {
        format!("the project folder {} does not exist", dir.display())
    };
    fail_with(
        messages,
        "E9002",
        Some(dir),
        &message,
        Some(
            "name the folder that holds masterplan.yaml, or create one with `masterplan init DIR`",
        ),
    );
    false
}

/// Warnings about the template overrides a run would use: `--templates DIR` when given (named as
/// given), otherwise the project's `templates/` folder when present.
pub fn template_warnings(
    project: &std::path::Path,
    templates: Option<&std::path::Path>,
) -> Vec<masterplan::diagnostic::Diagnostic> {
    match templates {
        Some(dir) => masterplan::render::override_warnings(dir, &dir.display().to_string()),
        None => {
            let dir = project.join("templates");
            if dir.is_dir() {
                masterplan::render::override_warnings(&dir, "templates")
            } else {
                Vec::new()
            }
        }
    }
}

/// True when the raw arguments ask for JSON messages, so that argument errors found before
/// parsing finished are printed as JSON too.
fn wants_json(args: &[std::ffi::OsString]) -> bool {
    args.windows(2)
        .any(|w| w[0] == "--message-format" && w[1] == "json")
        || args.iter().any(|a| a == "--message-format=json")
}

pub fn run() -> i32 {
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&raw) {
        Ok(cli) => cli,
        Err(e) => {
            if !e.use_stderr() {
                let _ = e.print();
                return EXIT_OK;
            }
            if wants_json(&raw) {
                let text = e.render().to_string();
                let mut lines = text.lines().filter(|l| !l.trim().is_empty());
                let message = lines
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("error: ")
                    .to_string();
                let hint = text
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("tip: "))
                    .map(str::to_string)
                    .or_else(|| Some("see `masterplan --help`".to_string()));
                println!(
                    "{}",
                    usage_json(&UsageError {
                        code: "E9001",
                        file: None,
                        message,
                        hint,
                    })
                );
            } else {
                let _ = e.print();
            }
            return EXIT_USAGE;
        }
    };
    match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Templates(cmd) => templates::run(&cmd),
        Command::Monitoring(cmd) => monitoring::run(&cmd),
        Command::Reference(args) => reference::run(&args),
        Command::Worksheet(cmd) => worksheet::run(&cmd),
    }
}

fn check(args: &CheckArgs) -> i32 {
    if !require_project_dir(Some(&args.messages), &args.dir) {
        return EXIT_USAGE;
    }
    if let Some(t) = &args.templates
        && !t.is_dir()
    {
        fail_with(
            Some(&args.messages),
            "E9003",
            Some(t),
            &format!("--templates {} is not a folder", t.display()),
            Some("name the folder that holds the template overrides"),
        );
        return EXIT_USAGE;
    }
    let mut checked = masterplan::check::check_with_templates(&args.dir, args.templates.as_deref());
    checked
        .diagnostics
        .extend(template_warnings(&args.dir, args.templates.as_deref()));
    args.messages.print(&checked);
    if checked.has_errors() {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}
