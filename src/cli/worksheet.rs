//! `masterplan worksheet export|import`: the project as the Bimtek Excel workbook, and back.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use masterplan::Checked;

use super::output::{self, OutputFile};
use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, MessageArgs};

#[derive(Subcommand, Debug)]
pub enum WorksheetCommand {
    /// Write the project (or one pokja) as a workbook to fill in: instructions, region, OPD,
    /// pokja, one sheet of programmes per dimension, budget lines and indicators.
    #[command(
        after_help = "Examples:\n  masterplan worksheet export banggai                  # banggai/build/worksheet.xlsx\n  masterplan worksheet export banggai --out bimtek.xlsx\n  masterplan worksheet export banggai --pokja economy --out economy.xlsx"
    )]
    Export(ExportArgs),
    /// Read a filled-in workbook and write the project's YAML files (checked first; nothing is
    /// written when the workbook has errors).
    #[command(
        after_help = "Examples:\n  masterplan worksheet import bimtek.xlsx banggai\n  masterplan worksheet import bimtek.xlsx banggai --force   # replace the YAML files"
    )]
    Import(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The workbook to write [default: DIR/build/worksheet.xlsx].
    #[arg(long, value_name = "FILE.xlsx")]
    out: Option<PathBuf>,
    /// Only this pokja (a dimension key, e.g. economy); the region and OPD sheets are kept.
    #[arg(long, value_name = "KEY")]
    pokja: Option<String>,
    /// Replace the workbook even if masterplan did not write it.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The workbook (.xlsx) to read.
    file: PathBuf,
    /// The project folder to write masterplan.yaml and pokja/*.yaml into (created when missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Replace YAML files that already exist.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

pub fn run(cmd: &WorksheetCommand) -> i32 {
    match cmd {
        WorksheetCommand::Export(a) => export(a),
        WorksheetCommand::Import(a) => import(a),
    }
}

/// The generation kind the export records in its output folder's marker: one per workbook
/// name, so exporting `a.xlsx` and then `b.xlsx` into one folder keeps both.
fn generation(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("worksheet:{safe}")
}

fn export(args: &ExportArgs) -> i32 {
    let messages = Some(&args.messages);
    if !super::require_project_dir(messages, &args.dir) {
        return EXIT_USAGE;
    }
    let checked = masterplan::check(&args.dir);
    if checked.has_errors() {
        args.messages.print(&checked, &args.dir);
        return EXIT_INPUT;
    }
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        args.messages.print(&checked, &args.dir);
        return EXIT_INPUT;
    };
    if let Some(key) = &args.pokja
        && !project.pokja.iter().any(|p| &p.pokja.dimension == key)
    {
        let keys: Vec<&str> = project
            .pokja
            .iter()
            .map(|p| p.pokja.dimension.as_str())
            .collect();
        let hint = match masterplan::suggest::did_you_mean(key, keys.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("the project's pokja are {}", keys.join(", ")),
        };
        super::fail_with(
            messages,
            "E9001",
            None,
            &format!("--pokja {key}: the project has no pokja file for `{key}`"),
            Some(&hint),
        );
        return EXIT_USAGE;
    }
    let bytes = match masterplan::worksheet::export(project, taxonomy, args.pokja.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            super::fail_with(
                messages,
                "E0715",
                None,
                &format!("the worksheet cannot be written: {e}"),
                Some("shorten the text in the YAML file, or fix what `masterplan check` reports"),
            );
            return EXIT_INPUT;
        }
    };
    let target = args
        .out
        .clone()
        .unwrap_or_else(|| args.dir.join("build").join("worksheet.xlsx"));
    let (folder, name) = split(&target);
    let files = [OutputFile {
        name: name.clone(),
        bytes,
    }];
    let inputs = output::project_inputs(project, None);
    match output::commit(&folder, &generation(&name), &files, &inputs, args.force) {
        Ok(_) => {
            if args.messages.chatty() {
                super::lang::wrote(folder.join(&name).display());
            }
            EXIT_OK
        }
        Err(e) => {
            e.report(messages);
            e.exit
        }
    }
}

/// (folder, file name) of an output path; the folder `.` for a bare name.
fn split(path: &Path) -> (PathBuf, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "worksheet.xlsx".into());
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    (folder, name)
}

fn import(args: &ImportArgs) -> i32 {
    let messages = Some(&args.messages);
    let bytes = match read_limited(&args.file) {
        Ok(b) => b,
        Err(e) => {
            super::fail_with(
                messages,
                "E0716",
                Some(&args.file),
                &format!("could not read {}: {e}", args.file.display()),
                Some("name an .xlsx workbook, e.g. one written by `masterplan worksheet export`"),
            );
            return EXIT_INPUT;
        }
    };
    let name = args.file.display().to_string();
    let imported = masterplan::worksheet::import(&bytes, &name, &args.dir);
    let checked = Checked {
        diagnostics: imported.diagnostics.clone(),
        ..Checked::default()
    };
    args.messages.print(&checked, &args.dir);
    if imported.has_errors() {
        if !args.messages.is_json() {
            eprintln!("nothing was written");
        }
        return EXIT_INPUT;
    }
    // The folders the files go into, created only when nothing would be refused (and removed
    // again, when empty, if writing fails).
    let exists = imported
        .files
        .iter()
        .any(|(f, _)| args.dir.join(f).exists());
    let mut created = Vec::new();
    if args.force || !exists {
        for sub in [args.dir.clone(), args.dir.join("pokja")] {
            if !sub.exists() {
                if let Err(e) = std::fs::create_dir_all(&sub) {
                    super::fail_with(
                        messages,
                        "E9014",
                        Some(&sub),
                        &format!("could not create {}: {e}", sub.display()),
                        Some("nothing was written; fix the permissions or name another folder"),
                    );
                    return super::EXIT_OUTPUT;
                }
                created.push(sub);
            }
        }
    }
    let files: Vec<(String, String)> = imported
        .files
        .iter()
        .map(|(name, text)| (name.clone(), masterplan::schema::with_modeline(name, text)))
        .collect();
    if let Err(e) = output::write_new_files(&args.dir, &files, args.force, "files") {
        for dir in created.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
        e.report(messages);
        return e.exit;
    }
    if args.messages.chatty() {
        for (f, _) in &imported.files {
            super::lang::wrote(args.dir.join(f).display());
        }
    }
    EXIT_OK
}

/// The file's bytes, refusing (without reading it all) a file over the import's limit.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(std::io::Error::other("it is a folder"));
    }
    let limit = masterplan::worksheet::import::MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}
