//! Command-line interface: argument parsing (clap) and the commands. Each command is a
//! function that returns an exit code; all the work is done by the library.
//!
//! Exit codes (stable, documented in docs/reference/commands.md):
//! 0 success (warnings allowed), 1 errors in the inputs (or templates), 2 wrong usage,
//! 3 the output could not be written or typeset.

mod evaluate;
mod generate;
mod init;
mod output;
mod templates;

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
  masterplan evaluate 2024 banggai            # build/evaluasi-2024.md and build/evaluasi-2024.pdf
  masterplan templates export banggai/templates";

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
        after_help = "Example:\n  masterplan init banggai --region Banggai --type kabupaten \\\n      --province \"Sulawesi Tengah\" --start-year 2023"
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
    /// Work with the document templates.
    #[command(subcommand)]
    Templates(templates::TemplatesCommand),
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
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

/// Print an error that is not about the inputs (usage, I/O) in the chosen format.
pub fn fail(messages: Option<&MessageArgs>, message: &str) {
    if messages.is_some_and(MessageArgs::is_json) {
        let obj = serde_json::json!({ "severity": "error", "code": "E9000", "file": null, "line": null,
            "column": null, "path": "", "message": message, "hint": null });
        println!("{obj}");
    } else {
        eprintln!("error: {message}");
    }
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Templates(cmd) => templates::run(&cmd),
    }
}

fn check(args: &CheckArgs) -> i32 {
    if !args.dir.is_dir() {
        fail(
            Some(&args.messages),
            &format!("{} is not a folder", args.dir.display()),
        );
        return EXIT_USAGE;
    }
    let checked = masterplan::check(&args.dir);
    args.messages.print(&checked);
    if checked.has_errors() {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}
