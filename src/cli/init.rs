//! `masterplan init`: scaffold a project folder.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use masterplan::model::{Language, RegionType};
use masterplan::scaffold::{self, InitOptions};

use super::{EXIT_OK, EXIT_USAGE, output};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (or fill) with masterplan.yaml and pokja/*.yaml.
    dir: PathBuf,
    /// The region's name, without its type: `Banggai`, not `Kabupaten Banggai`.
    #[arg(long)]
    region: String,
    /// The region type.
    #[arg(long = "type", value_enum)]
    kind: Kind,
    /// The province (required unless --type provinsi).
    #[arg(long)]
    province: Option<String>,
    /// The first year of the plan.
    #[arg(long, value_parser = clap::value_parser!(i32).range(1900..=2200))]
    start_year: i32,
    /// The length of the plan in years (5 to 20).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(5..=20))]
    years: u32,
    /// The document language, and the language of the comments in the scaffold.
    #[arg(long, value_enum, default_value_t = Lang::Id)]
    language: Lang,
    /// Replace files that already exist.
    #[arg(long)]
    force: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum Kind {
    Kabupaten,
    Kota,
    Provinsi,
    Desa,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

pub fn run(args: &InitArgs) -> i32 {
    let kind = match args.kind {
        Kind::Kabupaten => RegionType::Kabupaten,
        Kind::Kota => RegionType::Kota,
        Kind::Provinsi => RegionType::Provinsi,
        Kind::Desa => RegionType::Desa,
    };
    if kind != RegionType::Provinsi && args.province.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        super::fail(
            None,
            "--province is required unless --type provinsi (e.g. --province \"Sulawesi Tengah\")",
        );
        return EXIT_USAGE;
    }
    if args.region.trim().is_empty() {
        super::fail(None, "--region must not be empty (e.g. --region Banggai)");
        return EXIT_USAGE;
    }
    let options = InitOptions {
        region: args.region.trim().to_string(),
        kind,
        province: args.province.as_ref().map(|p| p.trim().to_string()),
        start_year: args.start_year,
        years: args.years,
        language: if args.language == Lang::En {
            Language::En
        } else {
            Language::Id
        },
    };
    let files = scaffold::files(&options);
    let code = output::write_new_files(&args.dir, &files, args.force, "files");
    if code != EXIT_OK {
        return code;
    }
    eprintln!("Created {} files in {}:", files.len(), args.dir.display());
    for (name, _) in &files {
        eprintln!("  {name}");
    }
    eprintln!(
        "Next: each pokja fills in its file under pokja/, then run `masterplan check {0}` and `masterplan generate {0}`.",
        args.dir.display()
    );
    EXIT_OK
}
