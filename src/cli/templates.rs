//! `masterplan templates export`: write the built-in document templates out for customising.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{EXIT_OK, output};

#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// Write the built-in templates to DIR (e.g. <project>/templates, which `generate` then uses).
    #[command(
        after_help = "Examples:\n  masterplan templates export banggai/templates\n  masterplan templates export /tmp/t --force"
    )]
    Export(ExportArgs),
    /// List the built-in templates (the names an override in <project>/templates must have).
    #[command(
        after_help = "Example:\n  masterplan templates list\n  masterplan templates export banggai/templates   # then edit one of the listed files"
    )]
    List,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The folder to write the templates into.
    dir: PathBuf,
    /// Replace templates that already exist there.
    #[arg(long)]
    force: bool,
}

pub fn run(cmd: &TemplatesCommand) -> i32 {
    match cmd {
        TemplatesCommand::List => {
            for (name, _) in masterplan::render::builtin_templates() {
                println!("{name}");
            }
            EXIT_OK
        }
        TemplatesCommand::Export(args) => export(args),
    }
}

fn export(args: &ExportArgs) -> i32 {
    let templates = masterplan::render::builtin_templates();
    if let Err(e) = output::write_new_files(&args.dir, &templates, args.force, "templates") {
        e.report(None);
        return e.exit;
    }
    eprintln!(
        "Wrote {} templates to {}; edit them, then `masterplan generate` uses them when they sit in <project>/templates (or pass --templates DIR).",
        templates.len(),
        args.dir.display()
    );
    EXIT_OK
}
