//! `masterplan schema [DIR] [--out DIR]`: write the JSON Schemas of the input files, for
//! editors (yaml-language-server) to complete and validate as one types.

use std::path::PathBuf;

use clap::Args;

use super::output::{self, OutputFile};
use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, MessageArgs};

/// The generation kind recorded in the output folder's marker.
pub const GENERATION: &str = "schema";

/// Where `schema` writes by default, relative to the project folder.
pub const SCHEMA_DIR: &str = masterplan::schema::DIR;

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// The project folder. With a masterplan.yaml there, the pokja schema knows the project's
    /// OPD codes, element keys and programme ids; without one, the generic schemas are written.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Where to write the schemas [default: DIR/.masterplan/schema].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace files in the output folder that masterplan did not write.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

pub fn run(args: &SchemaArgs) -> i32 {
    let messages = Some(&args.messages);
    if !super::require_project_dir(messages, &args.dir) {
        return EXIT_USAGE;
    }
    let (context, inputs) = if args.dir.join(masterplan::load::MASTERPLAN_FILE).exists() {
        let checked = masterplan::check(&args.dir);
        let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
            args.messages.print(&checked, &args.dir);
            super::fail_with(
                messages,
                "E9103",
                Some(&args.dir.join(masterplan::load::MASTERPLAN_FILE)),
                "the project's schemas need a readable masterplan.yaml and taxonomy; nothing was written",
                Some(
                    "fix the errors above (`masterplan check`), then run `masterplan schema` again",
                ),
            );
            return EXIT_INPUT;
        };
        (
            Some(masterplan::schema::Context::of(project, taxonomy)),
            output::project_inputs(project, None),
        )
    } else {
        (None, Vec::new())
    };
    let files: Vec<OutputFile> = masterplan::schema::files(context.as_ref())
        .into_iter()
        .map(|(name, text)| OutputFile {
            name,
            bytes: text.into_bytes(),
        })
        .collect();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.dir.join(SCHEMA_DIR));
    match output::commit(&out, GENERATION, &files, &inputs, args.force) {
        Ok(committed) => {
            if args.messages.chatty() {
                for name in &committed.written {
                    super::lang::wrote(out.join(name).display());
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

/// W9100 when the project holds schemas written by `masterplan schema` (in
/// `.masterplan/schema/`) that differ from what it would write now: an OPD, an element or a
/// programme was added or renamed since, so the editor would offer stale names.
pub fn stale_warning(
    dir: &std::path::Path,
    checked: &masterplan::Checked,
) -> Option<masterplan::diagnostic::Diagnostic> {
    let folder = dir.join(SCHEMA_DIR);
    if !folder.is_dir() {
        return None;
    }
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        return None;
    };
    let context = masterplan::schema::Context::of(project, taxonomy);
    let stale: Vec<String> = masterplan::schema::files(Some(&context))
        .into_iter()
        .filter(|(name, text)| {
            std::fs::read_to_string(folder.join(name)).is_ok_and(|on_disk| on_disk != *text)
        })
        .map(|(name, _)| name)
        .collect();
    let first = stale.first()?;
    Some(
        masterplan::diagnostic::Diagnostic::warning(
            "W9100",
            format!("{SCHEMA_DIR}/{first}"),
            "",
            format!(
                "the editor schemas in {SCHEMA_DIR}/ are out of date ({}): the OPDs, elements or programmes changed since they were written",
                stale.join(", ")
            ),
        )
        .with_hint(format!(
            "refresh them with `masterplan schema {}`",
            dir.display()
        )),
    )
}
