//! `masterplan reference [TOPIC]`: the reference documentation bundled in the binary, for a
//! planner who has only the binary (the scaffold's comments point here).

use clap::{Args, ValueEnum};

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct ReferenceArgs {
    /// Which reference to print (Markdown, to stdout).
    #[arg(value_enum, default_value_t = Topic::Input)]
    topic: Topic,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    /// Every field of masterplan.yaml and pokja/*.yaml (docs/reference/input.md).
    Input,
    /// Every diagnostic code and how to fix it (docs/reference/diagnostics.md).
    Diagnostics,
    /// Every command, flag and exit code (docs/reference/commands.md).
    Commands,
    /// The document's templates, variables and filters (docs/reference/templates.md).
    Templates,
    /// What the document contains (docs/reference/document.md).
    Document,
    /// The criteria, weights and sources of `masterplan score` (docs/reference/score.md).
    Score,
}

fn text(topic: Topic) -> &'static str {
    match topic {
        Topic::Input => include_str!("../../docs/reference/input.md"),
        Topic::Diagnostics => include_str!("../../docs/reference/diagnostics.md"),
        Topic::Commands => include_str!("../../docs/reference/commands.md"),
        Topic::Templates => include_str!("../../docs/reference/templates.md"),
        Topic::Document => include_str!("../../docs/reference/document.md"),
        Topic::Score => include_str!("../../docs/reference/score.md"),
    }
}

pub fn run(args: &ReferenceArgs) -> i32 {
    use std::io::Write as _;
    // A closed stdout (`| head`) is not an error.
    let _ = std::io::stdout()
        .lock()
        .write_all(text(args.topic).as_bytes());
    EXIT_OK
}
