//! Load: a project folder to the typed model, with the location of every field.
//!
//! Every file is read and parsed even when another one fails, so one run reports every problem:
//! a pokja file that cannot be read as YAML is left out of [`Project::pokja`], the others still
//! load. Inside a file that is valid YAML but does not fit the input format, loading recovers
//! at a finer grain ([`yaml::parse_recovering`]): a programme (or an OPD entry of
//! masterplan.yaml) with a type-level mistake is reported and left out, the rest of the file
//! loads and is validated; [`Recovery`] tells validation what was left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::input;
use crate::model::{
    Language, Masterplan, MonitoringFile, Opd, Period, Pokja, PokjaFile, Program, Project, Region,
    RegionType, Rpjmd,
};
use crate::suggest;
use crate::taxonomy::{self, Taxonomy};
use crate::yaml::{self, LocationIndex};
use std::sync::OnceLock;

/// The name of the region file.
pub const MASTERPLAN_FILE: &str = "masterplan.yaml";
/// The folder of the pokja files.
pub const POKJA_DIR: &str = "pokja";
/// The most all YAML files of a project may hold together (8 MiB; the 3000-programme synthetic
/// project has 3.6 MB). It bounds the memory of a run (docs/performance.md, "Memory budget").
pub const MAX_PROJECT_BYTES: usize = 8 * 1024 * 1024;
/// The folder of the monitoring files (`monitoring/<year>.yaml`).
pub const MONITORING_DIR: &str = "monitoring";

/// What loading a project folder gives: as much of the model as could be read, the taxonomy it
/// names, where each field stands in its file, and the diagnostics met on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `None` when masterplan.yaml is missing or unusable.
    pub project: Option<Project>,
    /// `None` when the taxonomy could not be resolved (or masterplan.yaml is unusable).
    pub taxonomy: Option<Taxonomy>,
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
    /// What was left out of the model because it did not deserialize.
    pub recovery: Recovery,
    /// When a required field of masterplan.yaml is unusable (so `project` is `None`) but its
    /// period and OPD list are fine: the project with only those fields of masterplan.yaml, so
    /// the pokja files are still validated. Never rendered.
    pub partial: Option<Project>,
}

/// What loading left out of the model (programmes, OPD entries that did not deserialize), so
/// validation names the kept ones by their place in the file and does not report references to
/// the left-out ones as unknown (their own mistake is already reported).
#[derive(Debug, Default, Clone)]
pub struct Recovery {
    /// Per pokja file with programmes left out: the index in the file of each programme kept,
    /// in order (`pokja.programs[k]` is `programs[program_slots[file][k]]` in the file).
    pub program_slots: BTreeMap<String, Vec<usize>>,
    /// The ids of the programmes left out, where readable.
    pub left_out_programs: BTreeSet<String>,
    /// When OPD entries of masterplan.yaml were left out: the index of each one kept.
    pub opd_slots: Option<Vec<usize>>,
    /// The codes of the OPD entries left out, where readable.
    pub left_out_opd: BTreeSet<String>,
    /// masterplan.yaml has an unusable required field: only its period, OPD list, RPJMD and
    /// taxonomy were read ([`Loaded::partial`]); its own rules are not checked.
    pub masterplan_partial: bool,
    /// (file, field path) of every piece blanked out of what was kept (`swot`,
    /// `programs[1].budget[1]`); its mistake is reported, its absence is not.
    pub removed: BTreeSet<(String, String)>,
    /// (monitoring file, programme id) of every programme report left out of a monitoring
    /// file because it did not deserialize: the programme is not "unreported".
    pub left_out_reports: BTreeSet<(String, String)>,
}

impl Recovery {
    /// The index in `file` of the programme at `index` in the loaded pokja.
    pub fn program_slot(&self, file: &str, index: usize) -> usize {
        self.program_slots
            .get(file)
            .and_then(|s| s.get(index).copied())
            .unwrap_or(index)
    }

    /// The index in masterplan.yaml of the OPD at `index` in the loaded masterplan.
    pub fn opd_slot(&self, index: usize) -> usize {
        self.opd_slots
            .as_ref()
            .and_then(|s| s.get(index).copied())
            .unwrap_or(index)
    }

    /// True when `path` of `file`, or something inside it, was blanked out.
    pub fn removed_under(&self, file: &str, path: &str) -> bool {
        let from = (file.to_string(), path.to_string());
        self.removed.range(from..).next().is_some_and(|(f, p)| {
            f == file
                && p.strip_prefix(path)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }

    /// True when programmes of `file` were left out.
    pub fn left_out_programs_in(&self, file: &str) -> bool {
        self.program_slots.contains_key(file)
    }
}

/// The one field of a left-out programme that other programmes refer to.
#[derive(serde::Deserialize)]
struct ProgramId {
    #[serde(default)]
    id: Option<String>,
}

/// The one field of a left-out OPD entry that pokja files refer to.
#[derive(serde::Deserialize)]
struct OpdCode {
    #[serde(default)]
    code: Option<String>,
}

/// One file read from the project: its text and, built on first use, where each field stands
/// (a clean file never needs its index, so `generate` on a clean project does not build one).
#[derive(Debug, Default, Clone)]
pub struct SourceFile {
    pub text: String,
    index: OnceLock<LocationIndex>,
    /// Byte offset of the start of each line, built on first use (quoting a line of a large
    /// file is then not a scan of the file per diagnostic).
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(text: String) -> Self {
        SourceFile {
            text,
            index: OnceLock::new(),
            line_starts: OnceLock::new(),
        }
    }

    /// One line (1-based), without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .filter(|&i| i < self.text.len())
                .collect()
        });
        let start = *starts.get(line.checked_sub(1)?)?;
        let rest = self.text.get(start..)?;
        let end = rest.find('\n').unwrap_or(rest.len());
        let l = rest.get(..end)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    /// Where each field stands; empty for a file that is not valid YAML.
    pub fn index(&self) -> &LocationIndex {
        self.index
            .get_or_init(|| yaml::index(&self.text).unwrap_or_default())
    }
}

/// Per file (relative path), a map from field path (`programs[2].lead`) to 1-based (line, column),
/// and the file's text (to quote the offending line in reports).
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: BTreeMap<String, SourceFile>,
}

impl Sources {
    /// Fill in line and column of diagnostics that name a file and field path and have no
    /// position yet. A path that is not in the file (an absent field) falls back to the nearest
    /// enclosing field that is.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        for d in diagnostics.iter_mut() {
            if d.line.is_some() || d.path.is_empty() {
                continue;
            }
            let on_key = crate::validate::register::LOCATED_ON_KEY.contains(&d.code);
            if let Some(pos) = self.files.get(&d.file).and_then(|f| {
                let index = f.index();
                on_key
                    .then(|| index.key(&d.path))
                    .flatten()
                    .or_else(|| index.locate(&d.path))
            }) {
                d.line = Some(pos.0);
                d.column = Some(pos.1);
            }
        }
    }

    /// The bytes of every file read so far.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(|f| f.text.len()).sum()
    }

    /// Record a file.
    pub fn insert(&mut self, file: impl Into<String>, text: String) {
        self.files.insert(file.into(), SourceFile::new(text));
    }

    pub fn file(&self, file: &str) -> Option<&SourceFile> {
        self.files.get(file)
    }

    /// The text of a file that was read.
    pub fn text(&self, file: &str) -> Option<&str> {
        self.files.get(file).map(|f| f.text.as_str())
    }

    /// One line (1-based) of a file that was read, without its line break.
    pub fn line(&self, file: &str, line: usize) -> Option<&str> {
        self.files.get(file)?.line(line)
    }

    /// Where the value at `path` stands in `file`.
    pub fn position(&self, file: &str, path: &str) -> Option<(usize, usize)> {
        self.files.get(file)?.index().get(path)
    }
}

/// Read one file into `sources` and parse it; diagnostics on failure.
fn read_and_parse<T: serde::de::DeserializeOwned>(
    root: &Path,
    file: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let bytes = read(root, file, sources, diagnostics)?;
    match yaml::parse_value_all::<T>(&bytes, file) {
        Ok(value) => Some(value),
        Err(ds) => {
            diagnostics.extend(ds);
            None
        }
    }
}

/// Read one file of the project (`file` relative to `root`) through [`input::read`] (confined
/// to the project, regular files only, the size limit counted while reading) and record its
/// text in `sources`; diagnostics when it cannot be read.
pub(crate) fn read(
    root: &Path,
    file: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    // What is left of the project's budget, if less than the limit of one file.
    let left = MAX_PROJECT_BYTES.saturating_sub(sources.total_bytes());
    let limit = yaml::MAX_FILE_BYTES.min(left);
    let bytes = match input::read(root, file, limit) {
        Ok(b) => b,
        Err(refusal) => {
            let (code, message, hint) = match &refusal {
                input::Refusal::TooLarge(_) if limit < yaml::MAX_FILE_BYTES => (
                    "E0033",
                    format!(
                        "the project's files are too large together: with {file} they exceed {MAX_PROJECT_BYTES} bytes"
                    ),
                    Some(
                        "a masterplan's YAML is well under 1 MiB; remove pasted content or split long texts out of the project",
                    ),
                ),
                input::Refusal::TooLarge(limit) => (
                    refusal.code(),
                    format!("{file} is too large (the limit is {limit} bytes)"),
                    refusal.hint(),
                ),
                other => (
                    refusal.code(),
                    format!("could not read {file}: {other}"),
                    refusal.hint(),
                ),
            };
            let mut d = Diagnostic::error(code, file, "", message);
            d.hint = hint.map(str::to_string);
            diagnostics.push(d);
            return None;
        }
    };
    // Keep the text as the parser sees it (without a byte-order mark), so indexes match it.
    let text = match yaml::decode(&bytes, file) {
        Ok(text) => text.to_string(),
        Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
    };
    sources.insert(file, text);
    Some(bytes)
}

/// Read and parse masterplan.yaml, recovering from OPD entries and top-level fields that do
/// not deserialize.
fn read_masterplan(
    root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Option<Masterplan> {
    let bytes = read(root, MASTERPLAN_FILE, sources, diagnostics)?;
    let r = yaml::parse_recovering::<Masterplan, Opd, OpdCode>(
        &bytes,
        MASTERPLAN_FILE,
        "opd",
        |m, opd| m.opd = opd,
    );
    let readable = !r
        .diagnostics
        .iter()
        .any(|d| matches!(d.code, "E0001" | "E0002" | "E0003" | "E0005"));
    // An empty masterplan.yaml in an existing project: `init DIR` would refuse there.
    diagnostics.extend(r.diagnostics.into_iter().map(|d| {
        if d.code == "E0003" {
            d.with_hint(
                "write the fields of masterplan.yaml (region, period, vision, missions, opd), or scaffold a commented one with `masterplan init <new folder> ...` and copy it here",
            )
        } else {
            d
        }
    }));
    recovery.opd_slots = r.kept;
    recovery.removed.extend(
        r.removed
            .into_iter()
            .map(|p| (MASTERPLAN_FILE.to_string(), p)),
    );
    recovery
        .left_out_opd
        .extend(r.left_out.into_iter().filter_map(|o| o.code));
    if r.value.is_some() || !readable {
        return r.value;
    }
    // A required field is unusable (its mistake is reported). If the fields the pokja files
    // are checked against (period, OPD list, RPJMD, taxonomy) are fine, keep them, so the
    // pokja files are still validated.
    let core = yaml::parse_recovering::<MasterplanCore, Opd, OpdCode>(
        &bytes,
        MASTERPLAN_FILE,
        "opd",
        |m, opd| m.opd = opd,
    );
    let c = core.value?;
    recovery.masterplan_partial = true;
    recovery.opd_slots = core.kept;
    recovery.left_out_opd = core.left_out.into_iter().filter_map(|o| o.code).collect();
    Some(Masterplan {
        region: Region {
            name: String::new(),
            kind: RegionType::Kabupaten,
            province: None,
            capital: None,
            head: None,
            area_km2: None,
            population: None,
            districts: None,
            villages: None,
            logo: None,
        },
        period: c.period,
        language: Language::default(),
        taxonomy: c.taxonomy,
        title: None,
        foreword: None,
        vision: String::new(),
        missions: Vec::new(),
        rpjmd: c.rpjmd,
        opd: c.opd,
        team: None,
        legal_basis: None,
        evaluation: None,
    })
}

/// The fields of masterplan.yaml that the pokja files are checked against, read when another
/// required field is unusable (the other fields are ignored here: their mistakes are reported
/// by the full reading).
#[derive(serde::Deserialize)]
struct MasterplanCore {
    period: Period,
    #[serde(default)]
    taxonomy: Option<String>,
    #[serde(default)]
    rpjmd: Option<Rpjmd>,
    #[serde(default)]
    opd: Vec<Opd>,
}

/// Read and parse one pokja file, recovering from programmes and top-level fields that do not
/// deserialize.
fn read_pokja(
    root: &Path,
    file: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Option<Pokja> {
    let bytes = read(root, file, sources, diagnostics)?;
    finish_pokja(root, file, parse_pokja(&bytes, file), diagnostics, recovery)
}

/// A pokja file parsed, recovering from programmes that do not deserialize.
fn parse_pokja(bytes: &[u8], file: &str) -> yaml::Recovered<Pokja, ProgramId> {
    yaml::parse_recovering::<Pokja, Program, ProgramId>(bytes, file, "programs", |p, programs| {
        p.programs = programs
    })
}

/// `f` over every `(file, bytes)`, on two threads (parsing the pokja files is most of `load`;
/// there is one per dimension, of similar sizes): the results in the order of `files`, whoever
/// computed them. Without a second thread, on this one.
fn map_files<T: Send>(files: &[(String, Vec<u8>)], f: impl Fn(&[u8], &str) -> T + Sync) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((file, bytes)) = files.get(i) else {
                return done;
            };
            done.push((i, f(bytes, file)));
        }
    };
    let mut results: Vec<(usize, T)> = if files.len() < 2 {
        work()
    } else {
        std::thread::scope(|scope| {
            let other = std::thread::Builder::new()
                .name("masterplan-load".into())
                .spawn_scoped(scope, work)
                .ok();
            let mut mine = work();
            if let Some(other) = other {
                match other.join() {
                    Ok(theirs) => mine.extend(theirs),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            mine
        })
    };
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// The diagnostics and recovery facts of a parsed pokja file recorded; its pokja, if any.
fn finish_pokja(
    root: &Path,
    file: &str,
    r: yaml::Recovered<Pokja, ProgramId>,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Option<Pokja> {
    // An empty pokja file (or one with only comments) is a pokja that has not started yet: like
    // a missing file, a warning, and the document says the dimension has no programmes yet.
    if let [only] = r.diagnostics.as_slice()
        && only.code == "E0003"
    {
        let key = file
            .strip_prefix("pokja/")
            .and_then(|n| n.strip_suffix(".yaml"))
            .unwrap_or(file);
        diagnostics.push(
            Diagnostic::warning(
                "W0209",
                file,
                "",
                format!(
                    "{file} is empty (no fields, only blanks or comments); the document will say the dimension has no programmes yet"
                ),
            )
            .with_hint(format!(
                "fill in the file, or start from the scaffold with `{}`",
                init_pokja_command(&root.join(file), key, true)
            )),
        );
        return None;
    }
    diagnostics.extend(r.diagnostics);
    recovery
        .removed
        .extend(r.removed.into_iter().map(|p| (file.to_string(), p)));
    if let Some(kept) = r.kept {
        recovery.program_slots.insert(file.to_string(), kept);
    }
    recovery
        .left_out_programs
        .extend(r.left_out.into_iter().filter_map(|p| p.id));
    r.value
}

/// The command that scaffolds the pokja file `key` into the project holding `pokja_file`.
fn init_pokja_command(pokja_file: &Path, key: &str, force: bool) -> String {
    let root = pokja_file
        .parent()
        .and_then(Path::parent)
        .map(|r| r.display().to_string())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| ".".to_string());
    let root = if root.contains(char::is_whitespace) {
        format!("\"{root}\"")
    } else {
        root
    };
    let force = if force { " --force" } else { "" };
    format!("masterplan init {root} --pokja {key}{force}")
}

/// Editor backups and lock files (`economy.yaml~`, `economy.yaml.bak`, `~economy.yaml`,
/// `#economy.yaml#`, `economy.yaml.orig`): ignored in pokja/ and monitoring/, with a warning.
pub fn is_backup(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.ends_with('~')
        || name.starts_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || [
            ".bak", ".backup", ".orig", ".old", ".swp", ".swo", ".tmp", ".save", ".rej",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Load a project folder.
pub fn load(root: &Path) -> Loaded {
    let mut loaded = Loaded::default();
    let masterplan_path = root.join(MASTERPLAN_FILE);
    let masterplan: Option<Masterplan> = if std::fs::symlink_metadata(&masterplan_path)
        .is_ok_and(|m| !m.is_dir())
    {
        read_masterplan(
            root,
            &mut loaded.sources,
            &mut loaded.diagnostics,
            &mut loaded.recovery,
        )
    } else {
        let dir = if root.as_os_str().is_empty() {
            ".".to_string()
        } else {
            root.display().to_string()
        };
        let why = if root.is_dir() {
            format!("no masterplan.yaml in {dir}")
        } else {
            format!("no masterplan.yaml in {dir} (the folder does not exist)")
        };
        // In a project that has its pokja files, `init DIR` would refuse (they exist): scaffold
        // elsewhere and copy the one file over.
        let hint = if root.join(POKJA_DIR).is_dir() {
            format!(
                "restore masterplan.yaml (e.g. from version control), or scaffold one with `masterplan init <new folder> ...` and copy its masterplan.yaml into {dir}"
            )
        } else {
            format!(
                "run `masterplan init {dir} --region ... --type ... --province ... --start-year ...` to start a project here, or name the project folder"
            )
        };
        loaded
            .diagnostics
            .push(Diagnostic::error("E0100", MASTERPLAN_FILE, "", why).with_hint(hint));
        None
    };

    // A `taxonomy` field blanked out for a mistake: no taxonomy (rather than the default one,
    // which would report every pokja file of a custom taxonomy as stray).
    let taxonomy_removed = loaded.recovery.removed_under(MASTERPLAN_FILE, "taxonomy");
    let taxonomy = masterplan
        .as_ref()
        .filter(|_| !taxonomy_removed)
        .and_then(|m| {
            resolve_taxonomy(
                root,
                m.taxonomy.as_deref(),
                &mut loaded.sources,
                &mut loaded.diagnostics,
            )
        });

    let pokja = load_pokja(
        root,
        taxonomy.as_ref(),
        &mut loaded.sources,
        &mut loaded.diagnostics,
        &mut loaded.recovery,
    );

    let monitoring = load_monitoring(
        root,
        &mut loaded.sources,
        &mut loaded.diagnostics,
        &mut loaded.recovery,
    );

    let project = masterplan.map(|masterplan| Project {
        root: root.to_path_buf(),
        masterplan,
        pokja,
        monitoring,
    });
    if loaded.recovery.masterplan_partial {
        loaded.partial = project;
    } else {
        loaded.project = project;
    }
    loaded.taxonomy = taxonomy;
    loaded
}

/// The taxonomy a project names: none -> the default built-in; a built-in name; or a path,
/// relative to the project folder, to a YAML file with the taxonomy structure.
pub fn resolve_taxonomy(
    root: &Path,
    name: Option<&str>,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Taxonomy> {
    let Some(name) = name.map(str::trim) else {
        return Taxonomy::builtin(taxonomy::DEFAULT_NAME);
    };
    if let Some(t) = Taxonomy::builtin(name) {
        return Some(t);
    }
    let file = name.replace('\\', "/");
    let file = file.trim_start_matches("./").to_string();
    let refusal = if name.is_empty() {
        Some(input::Refusal::Missing)
    } else {
        input::confined(root, &file).err()
    };
    match refusal {
        None => {
            let t: Taxonomy = read_and_parse(root, &file, sources, diagnostics)?;
            let problems = check_taxonomy(&t, &file);
            if problems.is_empty() {
                return Some(t);
            }
            diagnostics.extend(problems);
            return None;
        }
        Some(input::Refusal::Missing) => {}
        // Reported on the `taxonomy` field: nothing of a file outside the project is quoted.
        Some(refusal) => {
            let mut d = Diagnostic::error(
                refusal.code(),
                MASTERPLAN_FILE,
                "taxonomy",
                format!("the taxonomy file `{name}` is not read: {refusal}"),
            );
            d.hint = refusal.hint().map(str::to_string);
            diagnostics.push(d);
            return None;
        }
    }
    let builtins: Vec<&str> = Taxonomy::builtin_names().collect();
    let mut d = Diagnostic::error(
        "E0113",
        MASTERPLAN_FILE,
        "taxonomy",
        format!(
            "unknown taxonomy `{name}`: not a built-in taxonomy and not a file in the project folder"
        ),
    );
    d.hint = Some(
        match suggest::did_you_mean(name, builtins.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!(
                "use a built-in taxonomy ({}) or the path of a taxonomy YAML file relative to the project folder",
                suggest::one_of(&builtins)
            ),
        },
    );
    diagnostics.push(d);
    None
}

/// True for keys usable as file names and identifiers: `[a-z0-9_-]+`.
fn is_key(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Structural checks of a taxonomy file: at least one dimension, keys well formed and unique.
pub fn check_taxonomy(t: &Taxonomy, file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if t.dimensions.is_empty() {
        out.push(Diagnostic::error(
            "E0114",
            file,
            "dimensions",
            "the taxonomy has no dimensions",
        ));
    }
    let mut dims: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, d) in t.dimensions.iter().enumerate() {
        let path = format!("dimensions[{i}].key");
        if !is_key(&d.key) {
            out.push(
                Diagnostic::error(
                    "E0114",
                    file,
                    &path,
                    format!("dimension key `{}` is not a valid key", d.key),
                )
                .with_hint(
                    "use lower-case letters, digits, `_` or `-`; the key names the pokja file",
                ),
            );
        }
        if let Some(first) = dims.insert(&d.key, i) {
            out.push(
                Diagnostic::error(
                    "E0114",
                    file,
                    &path,
                    format!(
                        "dimension key `{}` is used twice (also at dimensions[{first}])",
                        d.key
                    ),
                )
                .with_hint("each dimension has its own key; rename or merge one of them"),
            );
        }
        if d.elements.is_empty() {
            // Every programme names an element of its dimension: without one, no programme of
            // this dimension could be written (and the hint listing the elements is empty).
            out.push(
                Diagnostic::error(
                    "E0114",
                    file,
                    format!("dimensions[{i}].elements"),
                    format!("dimension `{}` has no elements", d.key),
                )
                .with_hint(
                    "list at least one element: `elements: [{ key: layanan, label: { id: Layanan, en: Service } }]`",
                ),
            );
        }
        let mut elements: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, e) in d.elements.iter().enumerate() {
            let epath = format!("dimensions[{i}].elements[{j}].key");
            if !is_key(&e.key) {
                out.push(Diagnostic::error(
                    "E0114",
                    file,
                    &epath,
                    format!("element key `{}` is not a valid key", e.key),
                ));
            }
            if let Some(first) = elements.insert(&e.key, j) {
                out.push(Diagnostic::error(
                    "E0114",
                    file,
                    &epath,
                    format!(
                        "element key `{}` is used twice in dimension `{}` (also at elements[{first}])",
                        e.key, d.key
                    ),
                ));
            }
        }
    }
    out
}

/// Read the pokja files. With a taxonomy: one per dimension (missing -> warning), in taxonomy
/// order, and any other entry of pokja/ is an error. Without one (masterplan.yaml or the
/// taxonomy is unusable): every `*.yaml` file is parsed, to report its own errors, in name order.
fn load_pokja(
    root: &Path,
    taxonomy: Option<&Taxonomy>,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Vec<PokjaFile> {
    let dir = root.join(POKJA_DIR);
    // Entry names of pokja/, sorted, dot-files left out.
    let mut entries: Vec<(String, bool)> = Vec::new();
    let mut readable = false;
    if dir.is_dir() {
        match std::fs::read_dir(&dir) {
            Ok(rd) => {
                readable = true;
                for entry in rd.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // Hidden files (`.economy.yaml.swp`, `.DS_Store`) are not the pokja's.
                    if name.starts_with('.') {
                        continue;
                    }
                    if is_backup(&name) {
                        diagnostics.push(
                            Diagnostic::warning(
                                "W0210",
                                format!("{POKJA_DIR}/{name}"),
                                "",
                                format!(
                                    "`{POKJA_DIR}/{name}` looks like an editor backup; it is ignored"
                                ),
                            )
                            .with_hint("delete it, or move it out of pokja/, once it is no longer needed"),
                        );
                        continue;
                    }
                    // Anything but a folder is read as a file (and refused there if it is a
                    // FIFO or device, rather than called a folder).
                    let is_file = !entry.path().is_dir();
                    entries.push((name, is_file));
                }
            }
            Err(e) => diagnostics.push(Diagnostic::error(
                "E0014",
                POKJA_DIR,
                "",
                format!("could not read the folder pokja/: {e}"),
            )),
        }
    } else if dir.exists() {
        diagnostics.push(
            Diagnostic::error("E0202", POKJA_DIR, "", "pokja is a file, not a folder")
                .with_hint("pokja/ must be a folder holding one `<dimension>.yaml` per dimension"),
        );
    }
    entries.sort();

    let mut out = Vec::new();
    let Some(taxonomy) = taxonomy else {
        for (name, is_file) in &entries {
            if *is_file && (name.ends_with(".yaml") || name.ends_with(".yml")) {
                let file = format!("{POKJA_DIR}/{name}");
                if let Some(pokja) = read_pokja(root, &file, sources, diagnostics, recovery) {
                    out.push(PokjaFile { file, pokja });
                }
            }
        }
        return out;
    };

    let keys: Vec<&str> = taxonomy.dimensions.iter().map(|d| d.key.as_str()).collect();
    let expected: Vec<String> = keys.iter().map(|k| format!("{k}.yaml")).collect();
    for (name, is_file) in &entries {
        let known = name
            .strip_suffix(".yaml")
            .is_some_and(|stem| keys.contains(&stem));
        if known && *is_file {
            continue;
        }
        let file = format!("{POKJA_DIR}/{name}");
        let stem = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
            .unwrap_or(name);
        let (message, hint) = if !is_file {
            (
                format!("`{file}` is a folder; pokja/ holds only one YAML file per dimension"),
                format!(
                    "move it out of pokja/; the pokja files are {}",
                    suggest::one_of(&expected)
                ),
            )
        } else if name.ends_with(".yml") && keys.contains(&stem) {
            (
                format!("`{file}` has the extension .yml; pokja files end in .yaml"),
                format!("rename it to `{stem}.yaml`"),
            )
        } else if let Some(c) = suggest::did_you_mean(stem, keys.iter().copied()) {
            (
                format!(
                    "`{file}` does not name a dimension of the taxonomy `{}`",
                    taxonomy.name
                ),
                format!("did you mean `{c}.yaml`?"),
            )
        } else {
            (
                format!(
                    "`{file}` does not name a dimension of the taxonomy `{}`",
                    taxonomy.name
                ),
                format!(
                    "the pokja files are {}; move other files out of pokja/",
                    suggest::one_of(&expected)
                ),
            )
        };
        diagnostics.push(Diagnostic::error("E0202", file, "", message).with_hint(hint));
    }

    let mut read_files: Vec<(String, Vec<u8>)> = Vec::new();
    for key in &keys {
        let name = format!("{key}.yaml");
        let file = format!("{POKJA_DIR}/{name}");
        let present = entries.iter().any(|(n, f)| *f && *n == name);
        if !present {
            if readable || !dir.exists() {
                diagnostics.push(
                    Diagnostic::warning(
                        "W0201",
                        &file,
                        "",
                        format!(
                            "{file} is missing; the document will say the dimension has no programmes yet"
                        ),
                    )
                    .with_hint(format!(
                        "ask the {key} pokja for its file, or scaffold it with `{}`",
                        init_pokja_command(&dir.join(&name), key, false)
                    )),
                );
            }
            continue;
        }
        if let Some(bytes) = read(root, &file, sources, diagnostics) {
            read_files.push((file, bytes));
        }
    }
    // Read in order (the project's size budget counts in that order), parsed in parallel,
    // recorded in order again.
    let parsed = map_files(&read_files, parse_pokja);
    for ((file, _), r) in read_files.iter().zip(parsed) {
        if let Some(pokja) = finish_pokja(root, file, r, diagnostics, recovery) {
            out.push(PokjaFile {
                file: file.clone(),
                pokja,
            });
        }
    }
    out
}

/// Read the monitoring files: every `monitoring/<year>.yaml`, in year order (see
/// [`crate::monitoring::load`]). A project without a monitoring/ folder has none.
fn load_monitoring(
    root: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    recovery: &mut Recovery,
) -> Vec<MonitoringFile> {
    crate::monitoring::load::load(root, sources, diagnostics, recovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(p, text).unwrap();
    }

    const MASTERPLAN: &str = "\
region: { name: Banggai, type: kabupaten, province: Sulawesi Tengah }
period: { start_year: 2023 }
vision: Banggai Cerdas
missions: [Layanan publik digital]
opd:
  - { code: DKISP, name: Diskominfo }
";

    #[test]
    fn missing_masterplan_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let l = load(dir.path());
        assert!(l.project.is_none());
        assert_eq!(l.diagnostics[0].code, "E0100");
        assert!(l.diagnostics[0].message.contains("no masterplan.yaml in"));
    }

    #[test]
    fn missing_pokja_files_warn_and_strays_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "masterplan.yaml", MASTERPLAN);
        write(
            dir.path(),
            "pokja/governance.yaml",
            "dimension: governance\ncoordinator: DKISP\n",
        );
        write(dir.path(), "pokja/enviroment.yaml", "x: 1\n");
        write(dir.path(), "pokja/economy.yml", "x: 1\n");
        write(dir.path(), "pokja/.hidden", "x");
        let l = load(dir.path());
        let p = l.project.unwrap();
        assert_eq!(p.pokja.len(), 1);
        let warnings = l.diagnostics.iter().filter(|d| d.code == "W0201").count();
        assert_eq!(warnings, 5);
        let strays: Vec<_> = l.diagnostics.iter().filter(|d| d.code == "E0202").collect();
        assert_eq!(strays.len(), 2);
        assert_eq!(strays[0].file, "pokja/economy.yml");
        assert_eq!(
            strays[0].hint.as_deref(),
            Some("rename it to `economy.yaml`")
        );
        assert_eq!(
            strays[1].hint.as_deref(),
            Some("did you mean `environment.yaml`?")
        );
    }

    #[test]
    fn unknown_taxonomy_suggests_a_builtin() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "masterplan.yaml",
            &format!("{MASTERPLAN}taxonomy: kominfo-2071\n"),
        );
        let l = load(dir.path());
        assert!(l.taxonomy.is_none());
        let d = l.diagnostics.iter().find(|d| d.code == "E0113").unwrap();
        assert_eq!(d.hint.as_deref(), Some("did you mean `kominfo-2017`?"));
    }

    #[test]
    fn taxonomy_file_is_read_relative_to_the_project() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "masterplan.yaml",
            &format!("{MASTERPLAN}taxonomy: tax/desa.yaml\n"),
        );
        write(
            dir.path(),
            "tax/desa.yaml",
            "name: desa\ndimensions:\n  - key: layanan\n    label: { id: Layanan, en: Service }\n    elements:\n      - { key: umum, label: { id: Umum, en: General } }\n",
        );
        write(
            dir.path(),
            "pokja/layanan.yaml",
            "dimension: layanan\ncoordinator: DKISP\n",
        );
        let l = load(dir.path());
        assert_eq!(l.taxonomy.unwrap().name, "desa");
        assert_eq!(l.project.unwrap().pokja.len(), 1);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    }

    #[test]
    fn lines_are_found_by_their_number() {
        let f = SourceFile::new("a\r\nb\n\nd".to_string());
        let lines: Vec<_> = (0..6).map(|n| f.line(n)).collect();
        assert_eq!(
            lines,
            [None, Some("a"), Some("b"), Some(""), Some("d"), None]
        );
        assert_eq!(SourceFile::new("x\n".to_string()).line(2), None);
    }

    #[test]
    fn recovery_maps_slots_and_removed_paths() {
        let mut r = Recovery::default();
        r.program_slots
            .insert("pokja/living.yaml".to_string(), vec![0, 2, 3]);
        r.removed.insert((
            "pokja/living.yaml".to_string(),
            "programs[2].budget[0]".to_string(),
        ));
        assert_eq!(r.program_slot("pokja/living.yaml", 1), 2);
        assert_eq!(r.program_slot("pokja/living.yaml", 7), 7);
        assert_eq!(r.program_slot("pokja/economy.yaml", 1), 1);
        assert!(r.removed_under("pokja/living.yaml", "programs[2].budget"));
        assert!(r.removed_under("pokja/living.yaml", "programs[2]"));
        assert!(!r.removed_under("pokja/living.yaml", "programs[2].budget[1]"));
        assert!(!r.removed_under("pokja/living.yaml", "programs[20]"));
        assert!(!r.removed_under("pokja/economy.yaml", "programs[2].budget"));
        assert!(r.left_out_programs_in("pokja/living.yaml"));
    }

    #[test]
    fn a_bad_programme_is_left_out_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "masterplan.yaml", MASTERPLAN);
        write(
            dir.path(),
            "pokja/economy.yaml",
            "dimension: economy\ncoordinator: DKISP\nprograms:\n  - { id: ECO-01, name: A, element: ukm, category: policy, lead: DKISP, start: 2023, end: dua }\n  - { id: ECO-02, name: B, element: ukm, category: policy, lead: DKISP, start: 2023, end: 2024, depends_on: [ECO-01] }\n",
        );
        let l = load(dir.path());
        let p = l.project.unwrap();
        assert_eq!(p.pokja[0].pokja.programs.len(), 1);
        assert_eq!(l.recovery.program_slot("pokja/economy.yaml", 0), 1);
        assert!(l.recovery.left_out_programs.contains("ECO-01"));
        let d: Vec<_> = l.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "programs[0].end");
    }

    #[test]
    fn a_broken_pokja_file_does_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "masterplan.yaml", MASTERPLAN);
        write(dir.path(), "pokja/governance.yaml", "dimension: [\n");
        write(
            dir.path(),
            "pokja/economy.yaml",
            "dimension: economy\ncoordinator: DKISP\n",
        );
        let l = load(dir.path());
        let p = l.project.unwrap();
        assert_eq!(p.pokja.len(), 1);
        assert_eq!(p.pokja[0].file, "pokja/economy.yaml");
        assert!(
            l.diagnostics
                .iter()
                .any(|d| d.code == "E0001" && d.file == "pokja/governance.yaml")
        );
        assert_eq!(
            l.sources.position("pokja/economy.yaml", "coordinator"),
            Some((2, 14))
        );
    }
}
