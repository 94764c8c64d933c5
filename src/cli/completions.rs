//! `masterplan completions SHELL`: the shell completion script (clap_complete) on stdout.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::EXIT_OK;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

pub fn run(args: &CompletionsArgs) -> i32 {
    let mut cmd = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "masterplan", &mut out);
    use std::io::Write;
    // A closed stdout (`| head`) is not an error of ours.
    let _ = std::io::stdout().lock().write_all(&out);
    EXIT_OK
}
