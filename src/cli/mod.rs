//! Command-line interface: argument parsing (clap) and the commands. Each command is a
//! function that returns an exit code; all the work is done by the library.
//!
//! Exit codes (stable, documented in docs/reference/commands.md):
//! 0 success (warnings allowed), 1 errors in the inputs (or templates), 2 wrong usage,
//! 3 the output could not be written or typeset.

mod completions;
mod evaluate;
mod generate;
mod init;
pub mod lang;
mod man;
mod monitoring;
mod output;
mod reference;
mod schema;
mod score;
mod templates;
mod watch;
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
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages and hints: `id` (Bahasa Indonesia) or `en` (English)
    /// [default: the MASTERPLAN_LANG environment variable, else the project's `language`, else
    /// `id`]. Codes, field paths and JSON keys are the same in both.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum LangArg {
    Id,
    En,
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
    /// Rebuild on every save and serve a live preview that reloads itself (127.0.0.1 only).
    #[command(
        after_help = "Examples:\n  masterplan watch banggai                 # http://127.0.0.1:3000/, build/masterplan.md and .html\n  masterplan watch . --port 0 --poll       # any free port; scan (network drive, WSL)\n  masterplan watch banggai --format md,pdf,html --draft"
    )]
    Watch(watch::WatchArgs),
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
    /// Write JSON Schemas of the input files for editors (VS Code with the YAML extension).
    #[command(
        after_help = "Examples:\n  masterplan schema banggai        # banggai/.masterplan/schema/*.schema.json\n  masterplan schema . --out schemas"
    )]
    Schema(schema::SchemaArgs),
    /// Grade the draft as a Kominfo mentor would: points per criterion, the total, and the fixes.
    #[command(
        after_help = "Examples:\n  masterplan score examples/banggai\n  masterplan score . --message-format json\n  masterplan score . --min 70          # exit 1 below 70 %, for CI\n  masterplan score . --year 2025 --all"
    )]
    Score(score::ScoreArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    #[command(
        after_help = "Examples:\n  masterplan completions bash > ~/.local/share/bash-completion/completions/masterplan\n  masterplan completions zsh > ~/.zfunc/_masterplan\n  masterplan completions fish > ~/.config/fish/completions/masterplan.fish"
    )]
    Completions(completions::CompletionsArgs),
    /// Print a manual page, or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  masterplan man | man -l -\n  masterplan man check | man -l -\n  masterplan man --out ~/.local/share/man/man1"
    )]
    Man(man::ManArgs),
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
    /// How to print diagnostics: `human` (stderr, coloured on a terminal; NO_COLOR honoured),
    /// `json` (stdout, one JSON object per line) or `github` (stdout, GitHub Actions workflow
    /// commands that annotate the line in a pull request).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    message_format: Format,
    /// Treat warnings as errors: exit 1 (and write nothing) when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print errors only: no warnings, no "wrote ..." lines, no summary on success.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print how long each stage took (load, validate, plan, render, typeset, write), on
    /// stderr.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Github,
}

impl MessageArgs {
    /// Print the diagnostics of a check where this format sends them: JSON lines and GitHub
    /// workflow commands to stdout, human text (quoting source lines) to stderr. `dir` is the
    /// project folder as given, which the GitHub format puts before each file name so the
    /// annotation lands on the file in the repository.
    pub fn print(&self, checked: &masterplan::Checked, dir: &std::path::Path) {
        self.print_with_summary(checked, dir, None);
    }

    /// [`MessageArgs::print`], with `ok` as the human format's last line when there are no
    /// errors (`check`'s "ok: ..." line).
    pub fn print_with_summary(
        &self,
        checked: &masterplan::Checked,
        dir: &std::path::Path,
        ok: Option<&str>,
    ) {
        use std::io::IsTerminal;
        if let Some(project) = &checked.project {
            lang::note_loaded(project.masterplan.language);
        }
        let language = lang::current();
        let shown: Vec<masterplan::diagnostic::Diagnostic> = checked
            .diagnostics
            .iter()
            .filter(|d| !self.quiet || d.is_error())
            .map(|d| masterplan::diagnostic::translate::localize(d, language))
            .collect();
        let result = match self.message_format {
            Format::Json => report::write(
                &mut std::io::stdout().lock(),
                &shown,
                MessageFormat::Json,
                false,
            ),
            Format::Github => {
                let prefix = dir.display().to_string();
                let mut out = std::io::stdout().lock();
                let mut result = Ok(());
                for d in &shown {
                    result = result.and_then(|()| {
                        use std::io::Write;
                        writeln!(out, "{}", report::github_line_in(d, &prefix, language))
                    });
                }
                if !shown.is_empty() {
                    eprintln!("{}", report::summary_in(&shown, language));
                }
                result
            }
            Format::Human => {
                let color = report::use_color(std::io::stderr().is_terminal());
                let last = match ok {
                    Some(ok)
                        if !(checked.has_errors()
                            || self.quiet
                            || (self.deny_warnings && checked.counts().1 > 0)) =>
                    {
                        Some(ok.to_string())
                    }
                    _ if shown.is_empty() => None,
                    _ => Some(report::summary_in(&shown, language)),
                };
                report::write_human_in(
                    &mut std::io::stderr().lock(),
                    &shown,
                    color,
                    &checked.sources,
                    last.as_deref(),
                    language,
                )
            }
        };
        // A closed stdout/stderr (e.g. `| head`) must not turn into a panic or a different exit code.
        let _ = result;
    }

    /// Print diagnostics found after a check (e.g. by `evaluate`) like [`MessageArgs::print`],
    /// quoting source lines from the check's sources.
    pub fn print_diagnostics(
        &self,
        diagnostics: &[masterplan::diagnostic::Diagnostic],
        sources: &masterplan::load::Sources,
        dir: &std::path::Path,
    ) {
        let found = masterplan::Checked {
            diagnostics: diagnostics.to_vec(),
            sources: sources.clone(),
            ..masterplan::Checked::default()
        };
        self.print(&found, dir);
    }

    pub fn is_json(&self) -> bool {
        self.message_format == Format::Json
    }

    /// True when the run must stop here: errors, or warnings under `--deny-warnings` (then
    /// E9100 says so).
    pub fn blocks(&self, checked: &masterplan::Checked) -> bool {
        checked.has_errors() || self.denies_warnings(checked)
    }

    /// True (and E9100 printed) when there are warnings and `--deny-warnings` was given.
    pub fn denies_warnings(&self, checked: &masterplan::Checked) -> bool {
        let (_, warnings) = checked.counts();
        if self.deny_warnings && warnings > 0 {
            let what = if warnings == 1 {
                "1 warning".to_string()
            } else {
                format!("{warnings} warnings")
            };
            fail_with(
                Some(self),
                "E9100",
                None,
                &format!("{what} denied by --deny-warnings; nothing was written"),
                Some("fix the warnings, or run without --deny-warnings"),
            );
            return true;
        }
        false
    }

    /// True when lines for people ("wrote ...", "Created ...") may be printed: human format and
    /// not `--quiet`.
    pub fn chatty(&self) -> bool {
        self.message_format == Format::Human && !self.quiet
    }

    /// With `--verbose`, print the time of each stage and the total on stderr.
    pub fn print_timings(&self, timings: &masterplan::check::Timings) {
        if !self.verbose {
            return;
        }
        let mut total = std::time::Duration::ZERO;
        for (stage, took) in timings {
            total += *took;
            eprintln!("timing: {stage:<8} {:>9.1} ms", took.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "timing: {:<8} {:>9.1} ms",
            "total",
            total.as_secs_f64() * 1000.0
        );
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
    let format = messages.map_or(Format::Human, |m| m.message_format);
    let e = &UsageError {
        code: e.code,
        file: e.file.clone(),
        message: lang::message(e.code, &e.message),
        hint: e.hint.as_deref().map(|h| lang::hint(e.code, h)),
    };
    if format == Format::Json {
        println!("{}", usage_json(e));
    } else if format == Format::Github {
        println!("{}", usage_github(e));
    } else {
        let words = report::Words::of(lang::current());
        eprintln!("{}[{}]: {}", words.error, e.code, e.message);
        if let Some(hint) = &e.hint {
            eprintln!("  = {}: {hint}", words.help);
        }
    }
}

/// A usage error as a GitHub Actions `::error` command (the file, when any, as given).
fn usage_github(e: &UsageError) -> String {
    report::github_command_in(
        "error",
        e.code,
        e.file.clone(),
        None,
        None,
        "",
        &e.message,
        e.hint.as_deref(),
        lang::current(),
    )
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
        lang::note_project(dir);
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

/// The message format the raw arguments ask for, so that argument errors found before parsing
/// finished are printed in it too.
fn wanted_format(args: &[std::ffi::OsString]) -> Format {
    for (name, format) in [("json", Format::Json), ("github", Format::Github)] {
        if args
            .windows(2)
            .any(|w| w[0] == "--message-format" && w[1] == name)
            || args
                .iter()
                .any(|a| *a == *format!("--message-format={name}"))
        {
            return format;
        }
    }
    Format::Human
}

/// The `--lang` the raw arguments ask for, when parsing them failed.
fn wanted_lang(args: &[std::ffi::OsString]) -> Option<masterplan::model::Language> {
    let value = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].to_string_lossy().to_string())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.to_str()?.strip_prefix("--lang=").map(str::to_string))
        })?;
    masterplan::diagnostic::translate::parse(&value)
}

pub fn run() -> i32 {
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&raw) {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e, &raw),
    };
    lang::set_flag(cli.lang.map(|l| match l {
        LangArg::Id => masterplan::model::Language::Id,
        LangArg::En => masterplan::model::Language::En,
    }));
    if cli.lang.is_none()
        && let Some(value) = lang::bad_env()
    {
        let format = wanted_format(&raw);
        let messages = MessageArgs {
            message_format: format,
            deny_warnings: false,
            quiet: false,
            verbose: false,
        };
        fail_with(
            Some(&messages),
            "E9400",
            None,
            &format!(
                "{}={value} is not a language of masterplan's messages",
                lang::ENV
            ),
            Some("set it to `id` (Bahasa Indonesia) or `en` (English), or unset it"),
        );
        return EXIT_USAGE;
    }
    match cli.command {
        Command::Init(args) => init::run(&args),
        Command::Check(args) => check(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Templates(cmd) => templates::run(&cmd),
        Command::Monitoring(cmd) => monitoring::run(&cmd),
        Command::Reference(args) => reference::run(&args),
        Command::Worksheet(cmd) => worksheet::run(&cmd),
        Command::Schema(args) => schema::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
    }
}

/// An error of the command line itself (clap's, E9001), in the asked message format.
fn argument_error(e: &clap::Error, raw: &[std::ffi::OsString]) -> i32 {
    if !e.use_stderr() {
        let _ = e.print();
        return EXIT_OK;
    }
    let format = wanted_format(raw);
    lang::set_flag(wanted_lang(raw));
    if format != Format::Human {
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
        let e = UsageError {
            code: "E9001",
            file: None,
            message: lang::message("E9001", &message),
            hint: hint.map(|h| lang::hint("E9001", &h)),
        };
        if format == Format::Json {
            println!("{}", usage_json(&e));
        } else {
            println!("{}", usage_github(&e));
        }
    } else if lang::current() == masterplan::model::Language::Id {
        human_argument_error_id(&e.render().to_string());
    } else {
        let _ = e.print();
    }
    EXIT_USAGE
}

/// clap's argument error in Indonesian, in the layout of the other usage errors: the message
/// and the tip translated (E9001), clap's usage line kept as it is.
fn human_argument_error_id(text: &str) {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first);
    let words = report::Words::of(masterplan::model::Language::Id);
    eprintln!(
        "{}[E9001]: {}",
        words.error,
        lang::message("E9001", message)
    );
    for line in lines {
        let trimmed = line.trim();
        if let Some(tip) = trimmed.strip_prefix("tip: ") {
            eprintln!("  = {}: {}", words.help, lang::hint("E9001", tip));
        } else if trimmed.starts_with("Usage:") {
            eprintln!("\n{trimmed}");
        } else if trimmed.starts_with("For more information") {
            eprintln!("\nKeterangan lebih lanjut: `masterplan --help`.");
        } else if !trimmed.is_empty() {
            eprintln!("{line}");
        }
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
    let mut timings = masterplan::check::Timings::new();
    let mut checked =
        masterplan::check::check_timed(&args.dir, args.templates.as_deref(), &mut timings);
    checked
        .diagnostics
        .extend(template_warnings(&args.dir, args.templates.as_deref()));
    checked
        .diagnostics
        .extend(schema::stale_warning(&args.dir, &checked));
    let ok = ok_line(&checked);
    args.messages
        .print_with_summary(&checked, &args.dir, ok.as_deref());
    args.messages.print_timings(&timings);
    if args.messages.blocks(&checked) {
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

/// `check`'s last line on a project without errors: "ok: 6 pokja files, 30 programmes, 0
/// errors, 2 warnings".
fn ok_line(checked: &masterplan::Checked) -> Option<String> {
    let project = checked.project.as_ref()?;
    let files = project.pokja.len();
    let programmes: usize = project.pokja.iter().map(|p| p.pokja.programs.len()).sum();
    let (errors, warnings) = checked.counts();
    if lang::current() == masterplan::model::Language::Id {
        return Some(format!(
            "ok: {files} berkas pokja, {programmes} program, {errors} kesalahan, {warnings} peringatan"
        ));
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    Some(format!(
        "ok: {}, {}, {}, {}",
        plural(files, "pokja file", "pokja files"),
        plural(programmes, "programme", "programmes"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    ))
}
