//! `masterplan man [COMMAND] [--out DIR]`: manual pages (clap_mangen), one per command.
//!
//! Without `--out` the page of one command (default: `masterplan` itself) goes to stdout, for
//! `masterplan man | man -l -`. With `--out DIR` every page is written into DIR
//! (`masterplan.1`, `masterplan-check.1`, `masterplan-templates-export.1`, ...) through
//! [`output::commit`], so pages of an earlier run are replaced and files masterplan did not
//! write are never overwritten.

use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::output::{self, OutputFile};
use super::{EXIT_OK, EXIT_OUTPUT, EXIT_USAGE};

/// The generation kind recorded in the output folder's marker.
const GENERATION: &str = "man";

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Print the page of this command only (`check`, `templates export`, ...) [default: the
    /// page of `masterplan`]. Not with --out.
    #[arg(num_args = 0.., conflicts_with = "out")]
    command: Vec<String>,
    /// Write every page (section 1) into this folder instead, e.g.
    /// ~/.local/share/man/man1.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Replace files in DIR that masterplan did not write.
    #[arg(long)]
    force: bool,
}

/// Every page: (file name, roff text), the top-level command first, then its subcommands
/// depth first, in the order of `--help`.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = super::Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, &mut pages)?;
    Ok(pages)
}

fn collect(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("masterplan {}", env!("CARGO_PKG_VERSION")))
        .manual("masterplan manual");
    let mut bytes = Vec::new();
    man.render(&mut bytes)?;
    pages.push((man.get_filename(), bytes));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages)?;
    }
    Ok(())
}

pub fn run(args: &ManArgs) -> i32 {
    let pages = match pages() {
        Ok(p) => p,
        Err(e) => {
            super::fail_with(
                None,
                "E9101",
                None,
                &format!("could not render the manual pages: {e}"),
                None,
            );
            return EXIT_OUTPUT;
        }
    };
    let Some(out) = &args.out else {
        let wanted = if args.command.is_empty() {
            "masterplan.1".to_string()
        } else {
            format!("masterplan-{}.1", args.command.join("-"))
        };
        let Some((_, page)) = pages.iter().find(|(name, _)| *name == wanted) else {
            let names: Vec<String> = pages
                .iter()
                .filter_map(|(n, _)| n.strip_prefix("masterplan-")?.strip_suffix(".1"))
                .map(|n| n.replace('-', " "))
                .collect();
            let asked = args.command.join(" ");
            let nearest =
                masterplan::suggest::did_you_mean(&asked, names.iter().map(String::as_str))
                    .map(|n| format!("did you mean `{n}`? "))
                    .unwrap_or_default();
            super::fail_with(
                None,
                "E9102",
                None,
                &format!("`{asked}` is not a masterplan command"),
                Some(&format!("{nearest}the commands are: {}", names.join(", "))),
            );
            return EXIT_USAGE;
        };
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(page);
        return EXIT_OK;
    };
    let files: Vec<OutputFile> = pages
        .into_iter()
        .map(|(name, bytes)| OutputFile { name, bytes })
        .collect();
    match output::commit(out, GENERATION, &files, &[], args.force) {
        Ok(committed) => {
            if super::lang::current() == masterplan::model::Language::Id {
                eprintln!(
                    "ditulis: {} halaman manual ke {}",
                    committed.written.len(),
                    out.display()
                );
            } else {
                eprintln!(
                    "wrote {} manual pages to {}",
                    committed.written.len(),
                    out.display()
                );
            }
            for name in &committed.removed {
                super::lang::removed(out.join(name).display());
            }
            EXIT_OK
        }
        Err(e) => {
            e.report(None);
            e.exit
        }
    }
}
