//! `masterplan init`: scaffold a project folder, or one missing pokja file of an existing
//! project (`--pokja KEY`).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use masterplan::model::{Language, PERIOD_YEARS, RegionType, START_YEARS};
use masterplan::scaffold::{self, InitOptions};

use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, fail_with, output};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create (or fill) with masterplan.yaml and pokja/*.yaml; with --pokja, the
    /// existing project folder.
    dir: PathBuf,
    /// Add only the file of this dimension (e.g. `economy`) to the existing project in DIR;
    /// the region, period and OPD list are read from its masterplan.yaml.
    #[arg(long, value_name = "KEY", conflicts_with_all = ["region", "kind", "province", "start_year", "years"])]
    pokja: Option<String>,
    /// The region's name, without its type: `Banggai`, not `Kabupaten Banggai`.
    #[arg(long, required_unless_present = "pokja")]
    region: Option<String>,
    /// The region type.
    #[arg(
        long = "type",
        value_enum,
        ignore_case = true,
        required_unless_present = "pokja"
    )]
    kind: Option<Kind>,
    /// The province (required unless --type provinsi).
    #[arg(long)]
    province: Option<String>,
    /// The first year of the plan (the years `check` accepts, 1945 to 2200).
    #[arg(long, required_unless_present = "pokja",
        value_parser = clap::value_parser!(i32).range(i64::from(*START_YEARS.start())..=i64::from(*START_YEARS.end())))]
    start_year: Option<i32>,
    /// The length of the plan in years (5 to 20) [default: 10].
    #[arg(long, value_parser = clap::value_parser!(u32).range(i64::from(*PERIOD_YEARS.start())..=i64::from(*PERIOD_YEARS.end())))]
    years: Option<u32>,
    /// The document language, and the language of the comments in the scaffold [default: id;
    /// with --pokja, the project's language].
    #[arg(long, value_enum, ignore_case = true)]
    language: Option<Lang>,
    /// Replace files that already exist.
    #[arg(long)]
    force: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
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

fn usage(code: &'static str, message: &str, hint: &str) -> i32 {
    fail_with(None, code, None, message, Some(hint));
    EXIT_USAGE
}

pub fn run(args: &InitArgs) -> i32 {
    if let Some(key) = &args.pokja {
        return add_pokja(args, key);
    }
    let (Some(region), Some(kind), Some(start_year)) = (&args.region, args.kind, args.start_year)
    else {
        return usage(
            "E9001",
            "--region, --type and --start-year are required for a new project",
            "e.g. masterplan init banggai --region Banggai --type kabupaten --province \"Sulawesi Tengah\" --start-year 2023",
        );
    };
    let kind = match kind {
        Kind::Kabupaten => RegionType::Kabupaten,
        Kind::Kota => RegionType::Kota,
        Kind::Provinsi => RegionType::Provinsi,
        Kind::Desa => RegionType::Desa,
    };
    for (flag, value) in [
        ("--region", Some(region)),
        ("--province", args.province.as_ref()),
    ] {
        if let Some(v) = value
            && v.chars().any(char::is_control)
        {
            return usage(
                "E9005",
                &format!("{flag} {v:?} holds a line break or another control character"),
                &format!(
                    "write the name on one line, e.g. {flag} {}",
                    if flag == "--region" {
                        "Banggai"
                    } else {
                        "\"Sulawesi Tengah\""
                    }
                ),
            );
        }
    }
    if kind != RegionType::Provinsi && args.province.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        return usage(
            "E9005",
            "--province is required unless --type provinsi",
            "e.g. --province \"Sulawesi Tengah\"",
        );
    }
    let region = match region_name(region.trim(), kind) {
        Ok(name) => name,
        Err((message, hint)) => return usage("E9005", &message, &hint),
    };
    let options = InitOptions {
        region,
        kind,
        province: args.province.as_ref().map(|p| p.trim().to_string()),
        start_year,
        years: args.years.unwrap_or(10),
        language: language(args.language.unwrap_or(Lang::Id)),
    };
    let files: Vec<(String, String)> = scaffold::files(&options)
        .into_iter()
        .map(|(name, text)| {
            let text = masterplan::schema::with_modeline(&name, &text);
            (name, text)
        })
        .collect();
    let context = match check_scaffold(&files) {
        Ok(context) => context,
        Err(code) => return code,
    };
    let schemas = schema_files(context.as_ref());
    let written: Vec<(String, String)> = files.iter().cloned().chain(schemas).collect();
    if let Err(e) = output::write_new_files(&args.dir, &written, args.force, "files") {
        e.report(None);
        return e.exit;
    }
    let indonesian = super::lang::current() == masterplan::model::Language::Id;
    if indonesian {
        eprintln!("Dibuat {} berkas di {}:", files.len(), args.dir.display());
    } else {
        eprintln!("Created {} files in {}:", files.len(), args.dir.display());
    }
    for (name, _) in &files {
        eprintln!("  {name}");
    }
    if indonesian {
        eprintln!(
            "  {}/ (skema untuk editor: VS Code dengan ekstensi YAML melengkapi dan memeriksa saat Anda mengetik; perbarui dengan `masterplan schema`)",
            masterplan::schema::DIR
        );
        eprintln!(
            "Berikutnya: setiap pokja mengisi berkasnya di pokja/, lalu jalankan `masterplan check {0}` dan `masterplan generate {0}`.",
            args.dir.display()
        );
    } else {
        eprintln!(
            "  {}/ (the editor schemas: VS Code with the YAML extension completes and checks as you type; refresh them with `masterplan schema`)",
            masterplan::schema::DIR
        );
        eprintln!(
            "Next: each pokja fills in its file under pokja/, then run `masterplan check {0}` and `masterplan generate {0}`.",
            args.dir.display()
        );
    }
    EXIT_OK
}

fn language(lang: Lang) -> Language {
    if lang == Lang::En {
        Language::En
    } else {
        Language::Id
    }
}

/// The region's name without its type. A name given with its type (`Kabupaten Banggai`) is
/// shortened, with a note, when the type agrees with --type; refused when it does not.
fn region_name(name: &str, kind: RegionType) -> Result<String, (String, String)> {
    if name.is_empty() {
        return Err((
            "--region must not be empty".into(),
            "e.g. --region Banggai".into(),
        ));
    }
    let prefixes: [(&str, RegionType); 7] = [
        ("kabupaten", RegionType::Kabupaten),
        ("kab.", RegionType::Kabupaten),
        ("kota administrasi", RegionType::Kota),
        ("kota", RegionType::Kota),
        ("provinsi", RegionType::Provinsi),
        ("desa", RegionType::Desa),
        ("kelurahan", RegionType::Desa),
    ];
    let lower = name.to_lowercase();
    for (prefix, given) in prefixes {
        let Some(rest) = lower.strip_prefix(prefix) else {
            continue;
        };
        if !rest.is_empty() && !rest.starts_with(' ') && !prefix.ends_with('.') {
            continue;
        }
        let short = name[name.len() - rest.len()..].trim().to_string();
        if short.is_empty() {
            return Err((
                format!("--region {name:?} is only a region type"),
                "give the region's name, e.g. --region Banggai --type kabupaten".into(),
            ));
        }
        if given != kind {
            return Err((
                format!(
                    "--region {name:?} starts with a region type that differs from --type {}",
                    kind.key()
                ),
                format!(
                    "give the name without its type and the type with --type, e.g. --region {short:?} --type {}",
                    given.key()
                ),
            ));
        }
        if super::lang::current() == masterplan::model::Language::Id {
            eprintln!(
                "catatan: --region {name:?} diawali jenis daerahnya; yang dipakai nama {short:?} (jenisnya dari --type {})",
                kind.key()
            );
        } else {
            eprintln!(
                "note: --region {name:?} starts with its type; using the name {short:?} (the type comes from --type {})",
                kind.key()
            );
        }
        return Ok(short);
    }
    Ok(name.to_string())
}

/// The editor schemas of the new project (the files `masterplan schema` writes, with its
/// marker, so the next `masterplan schema` replaces them), named relative to the project.
fn schema_files(context: Option<&masterplan::schema::Context>) -> Vec<(String, String)> {
    let dir = masterplan::schema::DIR;
    let schemas = masterplan::schema::files(context);
    let marker = output::marker_text(
        super::schema::GENERATION,
        schemas.iter().map(|(name, _)| name.clone()),
    );
    schemas
        .into_iter()
        .map(|(name, text)| (format!("{dir}/{name}"), text))
        .chain([(format!("{dir}/{}", output::MARKER), marker)])
        .collect()
}

/// The scaffold must pass the same rules as `check`: it is checked in a temporary folder
/// before anything is written. Returns the project's schema context when it does, an exit
/// code when it does not.
fn check_scaffold(files: &[(String, String)]) -> Result<Option<masterplan::schema::Context>, i32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = std::env::temp_dir().join(format!("masterplan-init-{}-{nanos}", std::process::id()));
    let staged = output::write_new_files(&tmp, files, false, "files");
    let checked = staged.is_ok().then(|| masterplan::check(&tmp));
    let _ = std::fs::remove_dir_all(&tmp);
    let Some(checked) = checked else {
        // The temporary folder could not be written: the real write reports why.
        return Ok(None);
    };
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}: {}", d.code, d.file, d.message))
        .collect();
    if errors.is_empty() {
        return Ok(match (&checked.project, &checked.taxonomy) {
            (Some(project), Some(taxonomy)) => {
                Some(masterplan::schema::Context::of(project, taxonomy))
            }
            _ => None,
        });
    }
    Err(usage(
        "E9005",
        &format!(
            "these arguments would give a project that fails `masterplan check`: {}",
            errors.join("; ")
        ),
        "change the argument the message names",
    ))
}

/// `init DIR --pokja KEY`: write the missing file of one dimension into an existing project.
fn add_pokja(args: &InitArgs, key: &str) -> i32 {
    let dir = &args.dir;
    if !super::require_project_dir(None, dir) {
        return EXIT_USAGE;
    }
    let checked = masterplan::check(dir);
    let project = checked.project.as_ref();
    let (Some(project), Some(taxonomy)) = (project, checked.taxonomy.as_ref()) else {
        fail_with(
            None,
            "E9007",
            Some(&dir.join(masterplan::load::MASTERPLAN_FILE)),
            &format!(
                "{} cannot be read, so the pokja file cannot be made to match it",
                dir.join(masterplan::load::MASTERPLAN_FILE).display()
            ),
            Some(&format!(
                "run `masterplan check {}` and fix masterplan.yaml first (or `masterplan init` in a new folder)",
                dir.display()
            )),
        );
        return EXIT_INPUT;
    };
    let keys: Vec<&str> = taxonomy.dimensions.iter().map(|d| d.key.as_str()).collect();
    let m = &project.masterplan;
    let options = InitOptions {
        region: m.region.name.clone(),
        kind: m.region.kind,
        province: m.region.province.clone(),
        start_year: m.period.start_year,
        years: m.period.years,
        language: args.language.map_or(m.language, language),
    };
    let codes: Vec<String> = m.opd.iter().map(|o| o.code.to_string()).collect();
    let Some((name, text)) =
        scaffold::pokja_file(&options, taxonomy, key, &codes).map(|(name, text)| {
            let text = masterplan::schema::with_modeline(&name, &text);
            (name, text)
        })
    else {
        let nearest = masterplan::suggest::did_you_mean(key, keys.iter().copied())
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        return usage(
            "E9005",
            &format!(
                "`{key}` is not a dimension of the taxonomy `{}`",
                taxonomy.name
            ),
            &format!("{nearest}the dimensions are {}", keys.join(", ")),
        );
    };
    if let Err(e) =
        output::write_new_files(dir, &[(name.as_str(), text.as_str())], args.force, "files")
    {
        e.report(None);
        return e.exit;
    }
    if super::lang::current() == masterplan::model::Language::Id {
        eprintln!("Dibuat {}", Path::new(dir).join(&name).display());
        eprintln!(
            "Berikutnya: pokja {key} mengisinya, lalu jalankan `masterplan check {}`.",
            dir.display()
        );
    } else {
        eprintln!("Created {}", Path::new(dir).join(&name).display());
        eprintln!(
            "Next: the {key} pokja fills it in, then run `masterplan check {}`.",
            dir.display()
        );
    }
    EXIT_OK
}
