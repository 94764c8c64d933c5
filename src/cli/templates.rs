//! `masterplan templates export`: write the built-in document templates out for customising.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, output};

#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// Write the built-in templates to DIR (e.g. <project>/templates, which `generate` then uses).
    #[command(after_help = "Example:\n  masterplan templates export examples/banggai/templates")]
    Export(ExportArgs),
    /// List the built-in templates.
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
    if !args.force {
        let existing: Vec<String> = templates
            .iter()
            .map(|(name, _)| args.dir.join(name))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            super::fail(
                None,
                &format!(
                    "not overwriting existing templates: {}; nothing was written (pass --force)",
                    existing.join(", ")
                ),
            );
            return EXIT_USAGE;
        }
    }
    for (name, source) in &templates {
        if let Err(e) = output::write_new(&args.dir.join(name), source.as_bytes(), args.force) {
            super::fail(
                None,
                &format!("could not write {}: {e}", args.dir.join(name).display()),
            );
            return EXIT_OUTPUT;
        }
    }
    eprintln!(
        "Wrote {} templates to {}; edit them, then `masterplan generate` uses them when they sit in <project>/templates (or pass --templates DIR).",
        templates.len(),
        args.dir.display()
    );
    EXIT_OK
}
