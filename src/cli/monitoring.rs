//! `masterplan monitoring new YEAR [DIR]`: scaffold the monitoring file of one year.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use masterplan::monitoring::scaffold;

use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, MessageArgs, fail, fail_with, output};

#[derive(Subcommand, Debug)]
pub enum MonitoringCommand {
    /// Write monitoring/YEAR.yaml: every programme active that year with `status: not_started`,
    /// and as comments its lead OPD, the year's planned budget, outputs and indicator targets.
    #[command(
        after_help = "Examples:\n  masterplan monitoring new 2024 examples/banggai\n  masterplan monitoring new 2025 --force"
    )]
    New(NewArgs),
}

#[derive(Args, Debug)]
pub struct NewArgs {
    /// The year to report: a year of the masterplan's period.
    year: i32,
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Replace monitoring/YEAR.yaml if it already exists.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

pub fn run(cmd: &MonitoringCommand) -> i32 {
    match cmd {
        MonitoringCommand::New(args) => new(args),
    }
}

fn new(args: &NewArgs) -> i32 {
    let messages = Some(&args.messages);
    if !super::require_project_dir(messages, &args.dir) {
        return EXIT_USAGE;
    }
    let mut checked = masterplan::check(&args.dir);
    // The scaffold depends on masterplan.yaml and the pokja files only: mistakes in other
    // monitoring files do not block it (they are still shown).
    let blocking = checked
        .diagnostics
        .iter()
        .any(|d| d.is_error() && !d.file.starts_with("monitoring"));
    if blocking {
        checked
            .diagnostics
            .retain(|d| !d.file.starts_with("monitoring"));
        args.messages.print(&checked, &args.dir);
        fail(
            None,
            "fix the errors in masterplan.yaml and the pokja files first; nothing was written",
        );
        return EXIT_INPUT;
    }
    let Some(project) = &checked.project else {
        args.messages.print(&checked, &args.dir);
        return EXIT_INPUT;
    };
    if args.messages.deny_warnings && checked.counts().1 > 0 {
        args.messages.print(&checked, &args.dir);
    }
    if args.messages.denies_warnings(&checked) {
        return EXIT_INPUT;
    }
    let period = project.masterplan.period;
    if !period.contains(args.year) {
        fail_with(
            messages,
            "E9001",
            None,
            &format!(
                "{} is not a year of the masterplan's period ({}-{}); monitoring files report years {} to {}",
                args.year,
                period.start_year,
                period.end_year(),
                period.start_year,
                period.end_year()
            ),
            Some("name a year of the period, e.g. the year that has just ended"),
        );
        return EXIT_USAGE;
    }
    let name = scaffold::file_name(args.year);
    let text = masterplan::schema::with_modeline(
        &name,
        &scaffold::monitoring_yaml(project, checked.taxonomy.as_ref(), args.year),
    );
    if let Err(e) = output::write_new_files(&args.dir, &[(name.as_str(), text)], args.force, "file")
    {
        e.report(messages);
        return e.exit;
    }
    if !args.messages.chatty() {
        return EXIT_OK;
    }
    let count = scaffold::active_programs(project, args.year).len();
    if super::lang::current() == masterplan::model::Language::Id {
        eprintln!(
            "Dibuat {} berisi {count} program yang berjalan pada {}.",
            args.dir.join(&name).display(),
            args.year
        );
        eprintln!(
            "Berikutnya: setiap OPD mengisi programnya (status, progres, belanja, indikator), lalu jalankan `masterplan check {}`.",
            args.dir.display()
        );
    } else {
        eprintln!(
            "Created {} with the {count} programmes active in {}.",
            args.dir.join(&name).display(),
            args.year
        );
        eprintln!(
            "Next: each OPD fills in its programmes (status, progress, spending, indicators), then run `masterplan check {}`.",
            args.dir.display()
        );
    }
    EXIT_OK
}
