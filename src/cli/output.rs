//! Writing outputs: one commit function for every output folder.
//!
//! A command produces everything in memory, then hands [`commit`] the list of named files it
//! wants in the folder. The commit is all or nothing:
//!
//! 1. *Preflight*: the folder is a folder (not a file) and lies outside the project's inputs; no
//!    output name collides with another or with an input file; a target that exists was written
//!    by masterplan (it is recorded in the `.masterplan-output` marker) or `force` is given; no
//!    target is a folder.
//! 2. *Stage*: every file is written (and synced) into a staging folder
//!    `.masterplan-staging-<pid>` inside the output folder, so on the same file system.
//! 3. *Swap*: each existing target (and each stale file: recorded for this generation kind by an
//!    earlier run, not written now) is renamed into the staging folder, each new file is renamed
//!    into place, then the marker. Any failure undoes the renames made so far, in reverse. Only
//!    renames within one folder tree are used, which work on Linux, macOS and Windows (a file that
//!    is open elsewhere on Windows makes its rename fail, and so the whole commit rolls back).
//! 4. The staging folder (holding the replaced files) is removed, on success and on failure.
//!
//! The marker records the files per *generation kind* (`generate`, `evaluate`, ...), so commands
//! writing into the same folder do not remove each other's outputs as stale; files masterplan did
//! not write are never overwritten (without `force`) nor removed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Marker file that records which files of a folder masterplan wrote, per generation kind.
pub const MARKER: &str = ".masterplan-output";
const STAGING_PREFIX: &str = ".masterplan-staging-";

/// One file to write: path relative to the output folder (forward slashes), and its bytes.
pub struct OutputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why a commit (or another write) was refused or failed: a stable code (documented in
/// docs/reference/diagnostics.md), the file or folder concerned, and the exit code.
#[derive(Debug)]
pub struct WriteError {
    pub code: &'static str,
    pub file: Option<PathBuf>,
    pub message: String,
    pub hint: Option<String>,
    pub exit: i32,
}

impl WriteError {
    fn usage(code: &'static str, file: &Path, message: String, hint: &str) -> Self {
        WriteError {
            code,
            file: Some(file.to_path_buf()),
            message,
            hint: Some(hint.to_string()),
            exit: super::EXIT_USAGE,
        }
    }

    fn io(file: &Path, e: &std::io::Error) -> Self {
        WriteError {
            code: "E9014",
            file: Some(file.to_path_buf()),
            message: format!("could not write {}: {e}", file.display()),
            hint: Some("nothing in the output folder was changed; free disk space or fix the permissions, then run again".into()),
            exit: super::EXIT_OUTPUT,
        }
    }

    /// Print it in the chosen message format.
    pub fn report(&self, messages: Option<&super::MessageArgs>) {
        super::report(
            messages,
            &super::UsageError {
                code: self.code,
                file: self.file.as_ref().map(|f| f.display().to_string()),
                message: self.message.clone(),
                hint: self.hint.clone(),
            },
        );
    }
}

/// What a commit changed: the files written and the stale files removed (names relative to the
/// output folder).
#[derive(Debug, Default)]
pub struct Committed {
    pub written: Vec<String>,
    pub removed: Vec<String>,
}

/// The inputs of a project that outputs must never replace nor be written among: the project's
/// files and folders (masterplan.yaml, pokja/, monitoring/, the templates folder, the logo, a
/// taxonomy file).
pub fn project_inputs(
    project: &masterplan::model::Project,
    templates: Option<&Path>,
) -> Vec<PathBuf> {
    let root = &project.root;
    let mut inputs = vec![
        root.join(masterplan::load::MASTERPLAN_FILE),
        root.join(masterplan::load::POKJA_DIR),
        root.join(masterplan::load::MONITORING_DIR),
        templates.map_or_else(|| root.join("templates"), Path::to_path_buf),
    ];
    let m = &project.masterplan;
    if let Some(logo) = &m.region.logo {
        inputs.push(root.join(logo));
    }
    if let Some(t) = &m.taxonomy
        && root.join(t).is_file()
    {
        inputs.push(root.join(t));
    }
    inputs
}

/// Commit one generation of `kind` into the folder `out`: afterwards the folder holds exactly
/// `files` for this kind (stale files of the kind removed), or, on any error, is unchanged.
/// `inputs` are files and folders that must never be written to or among (see
/// [`project_inputs`]); `force` allows replacing files masterplan did not write.
pub fn commit(
    out: &Path,
    kind: &str,
    files: &[OutputFile],
    inputs: &[PathBuf],
    force: bool,
) -> Result<Committed, WriteError> {
    if out.exists() && !out.is_dir() {
        return Err(WriteError::usage(
            "E9010",
            out,
            format!("--out must be a folder: {} is a file", out.display()),
            "name a folder (it is created when missing), e.g. --out build",
        ));
    }
    check_names(out, files)?;
    check_not_among_inputs(out, files, inputs)?;

    let marker = Marker::read(&out.join(MARKER));
    let new_names: BTreeSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for f in files {
        let target = out.join(&f.name);
        if target.is_dir() {
            return Err(WriteError::usage(
                "E9011",
                &target,
                format!(
                    "{} is a folder; the output file {} cannot be written there",
                    target.display(),
                    f.name
                ),
                "move or rename that folder, or choose another --out folder",
            ));
        }
        if !force && target.exists() && !marker.owns(&f.name) {
            return Err(WriteError::usage(
                "E9011",
                &target,
                format!(
                    "{} already exists and was not written by masterplan; nothing was written",
                    target.display()
                ),
                "move it away, choose another --out folder, or pass --force to replace it",
            ));
        }
    }
    // Stale: recorded for this kind, not written now, still a file, and not an input.
    let stale: Vec<String> = marker
        .files(kind)
        .filter(|name| !new_names.contains(name.as_str()))
        .filter(|name| is_plain_name(name) && out.join(name).is_file())
        .filter(|name| !inputs.iter().any(|i| same_path(&out.join(name), i)))
        .cloned()
        .collect();

    // The folders created for `out` (it and missing parents), removed again on failure.
    let mut created: Vec<PathBuf> = Vec::new();
    let mut missing = Some(out);
    while let Some(d) = missing.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        created.push(d.to_path_buf());
        missing = d.parent();
    }
    if let Err(e) = fs::create_dir_all(out) {
        for d in &created {
            let _ = fs::remove_dir(d);
        }
        return Err(WriteError::io(out, &e));
    }
    remove_leftover_staging(out);
    let staging = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
    let result = stage_and_swap(out, &staging, kind, files, &stale, marker);
    let _ = fs::remove_dir_all(&staging);
    if result.is_err() {
        for d in &created {
            let _ = fs::remove_dir(d);
        }
    }
    result?;
    for name in &stale {
        remove_empty_parents(out, name);
    }
    Ok(Committed {
        written: files.iter().map(|f| f.name.clone()).collect(),
        removed: stale,
    })
}

/// Output names: relative, forward slashes, no `..`, no control characters, unique (also when
/// case is ignored, as on Windows and macOS file systems).
fn check_names(out: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for f in files {
        if !is_plain_name(&f.name) {
            return Err(WriteError::usage(
                "E9013",
                &out.join(&f.name),
                format!("`{}` is not a usable output file name", f.name),
                "output names are relative paths inside the output folder, without `..`",
            ));
        }
        if let Some(other) = seen.insert(f.name.to_lowercase(), &f.name) {
            return Err(WriteError::usage(
                "E9013",
                &out.join(&f.name),
                format!(
                    "two outputs would be written to {} (`{other}` and `{}`)",
                    out.join(&f.name).display(),
                    f.name
                ),
                "a copied file (such as the logo) has the name of a generated file; rename it",
            ));
        }
    }
    Ok(())
}

fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(char::is_control)
        && !name.contains('\\')
        && name != MARKER
        && !name.starts_with(STAGING_PREFIX)
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// The output folder must not lie inside an input folder, and no target may be an input file.
fn check_not_among_inputs(
    out: &Path,
    files: &[OutputFile],
    inputs: &[PathBuf],
) -> Result<(), WriteError> {
    let out_abs = resolved(out);
    for input in inputs {
        let input_abs = resolved(input);
        if input.is_dir() && out_abs.starts_with(&input_abs) {
            return Err(WriteError::usage(
                "E9012",
                out,
                format!(
                    "the output folder {} is inside the input folder {}; outputs must not be written among the inputs",
                    out.display(),
                    input.display()
                ),
                "choose an --out folder outside pokja/, monitoring/ and templates/ (the default is <project>/build)",
            ));
        }
        if let Some(f) = files.iter().find(|f| out_abs.join(&f.name) == input_abs) {
            return Err(WriteError::usage(
                "E9012",
                &out.join(&f.name),
                format!(
                    "the output {} would replace the input file {}",
                    out.join(&f.name).display(),
                    input.display()
                ),
                "choose another --out folder (the default is <project>/build)",
            ));
        }
    }
    Ok(())
}

/// `p` made absolute, with its longest existing ancestor canonicalised (symbolic links and
/// `..` resolved), so that two spellings of one place compare equal.
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

fn same_path(a: &Path, b: &Path) -> bool {
    resolved(a) == resolved(b)
}

/// A staging folder left by a run that was killed: ours by its name, removed.
fn remove_leftover_staging(out: &Path) {
    if let Ok(rd) = fs::read_dir(out) {
        for entry in rd.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGING_PREFIX)
            {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// One rename done during the swap, to undo on failure.
enum Done {
    /// An existing file moved aside: `from` (in the folder) now at `to` (in staging).
    MovedAside { from: PathBuf, to: PathBuf },
    /// A new file put in place at this path.
    Placed(PathBuf),
    /// A folder created for a target.
    CreatedDir(PathBuf),
}

fn stage_and_swap(
    out: &Path,
    staging: &Path,
    kind: &str,
    files: &[OutputFile],
    stale: &[String],
    mut marker: Marker,
) -> Result<(), WriteError> {
    let new_dir = staging.join("new");
    let old_dir = staging.join("old");
    for f in files {
        let tmp = new_dir.join(&f.name);
        create_parent(&tmp).map_err(|e| WriteError::io(&out.join(&f.name), &e))?;
        write_synced(&tmp, &f.bytes).map_err(|e| WriteError::io(&out.join(&f.name), &e))?;
    }
    marker.set(kind, files.iter().map(|f| f.name.clone()));
    let marker_tmp = staging.join(MARKER);
    write_synced(&marker_tmp, marker.render().as_bytes())
        .map_err(|e| WriteError::io(&out.join(MARKER), &e))?;

    let mut done: Vec<Done> = Vec::new();
    let result = swap(
        out,
        &new_dir,
        &old_dir,
        files,
        stale,
        &marker_tmp,
        &mut done,
    );
    if result.is_err() {
        undo(done);
    }
    result
}

/// Undo the renames of a failed swap, last first.
fn undo(done: Vec<Done>) {
    for step in done.into_iter().rev() {
        let _ = match step {
            Done::Placed(p) => fs::remove_file(p),
            Done::MovedAside { from, to } => fs::rename(to, from),
            Done::CreatedDir(d) => fs::remove_dir(d),
        };
    }
}

fn swap(
    out: &Path,
    new_dir: &Path,
    old_dir: &Path,
    files: &[OutputFile],
    stale: &[String],
    marker_tmp: &Path,
    done: &mut Vec<Done>,
) -> Result<(), WriteError> {
    let move_aside = |name: &str, done: &mut Vec<Done>| -> Result<(), WriteError> {
        let from = out.join(name);
        if !from.exists() {
            return Ok(());
        }
        let to = old_dir.join(name);
        create_parent(&to).map_err(|e| WriteError::io(&from, &e))?;
        fs::rename(&from, &to).map_err(|e| WriteError::io(&from, &e))?;
        done.push(Done::MovedAside { from, to });
        Ok(())
    };
    for f in files {
        let target = out.join(&f.name);
        move_aside(&f.name, done)?;
        let mut missing = Vec::new();
        let mut dir = target.parent();
        while let Some(d) = dir.filter(|d| !d.exists()) {
            missing.push(d.to_path_buf());
            dir = d.parent();
        }
        for d in missing.into_iter().rev() {
            fs::create_dir(&d).map_err(|e| WriteError::io(&target, &e))?;
            done.push(Done::CreatedDir(d));
        }
        fs::rename(new_dir.join(&f.name), &target).map_err(|e| WriteError::io(&target, &e))?;
        done.push(Done::Placed(target));
    }
    for name in stale {
        move_aside(name, done)?;
    }
    let marker = out.join(MARKER);
    move_aside(MARKER, done)?;
    fs::rename(marker_tmp, &marker).map_err(|e| WriteError::io(&marker, &e))?;
    done.push(Done::Placed(marker));
    Ok(())
}

fn create_parent(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent),
        None => Ok(()),
    }
}

/// After a stale `a/b/logo.png` is removed, remove `a/b` and `a` when they are left empty.
fn remove_empty_parents(out: &Path, name: &str) {
    let mut dir = Path::new(name).parent();
    while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
        if fs::remove_dir(out.join(d)).is_err() {
            break;
        }
        dir = d.parent();
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// The `.masterplan-output` marker: the files masterplan wrote into a folder, per generation
/// kind. A marker of an older version (one line, no list) made every file of its folder
/// replaceable: those files are recorded under `[legacy]`, so they stay replaceable, but no
/// command removes them as stale.
#[derive(Debug, Default)]
struct Marker {
    kinds: BTreeMap<String, BTreeSet<String>>,
}

const LEGACY: &str = "legacy";

/// Every file below `dir` (relative names with `/`), leaving out the marker and staging folders.
fn files_below(dir: &Path, prefix: &str, out: &mut BTreeSet<String>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for entry in rd.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == MARKER || name.starts_with(STAGING_PREFIX) {
            continue;
        }
        let rel = format!("{prefix}{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_below(&entry.path(), &format!("{rel}/"), out),
            Ok(t) if t.is_file() => {
                out.insert(rel);
            }
            _ => {}
        }
    }
}

impl Marker {
    fn read(path: &Path) -> Marker {
        let mut marker = Marker::default();
        if !path.is_file() {
            return marker;
        }
        let text = fs::read_to_string(path).unwrap_or_default();
        let mut section: Option<String> = None;
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some(kind) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(kind.to_string());
                marker.kinds.entry(kind.to_string()).or_default();
            } else if let Some(kind) = &section {
                marker
                    .kinds
                    .entry(kind.clone())
                    .or_default()
                    .insert(line.to_string());
            }
        }
        if text.starts_with("This folder holds files generated by masterplan") {
            let mut files = BTreeSet::new();
            files_below(path.parent().unwrap_or(Path::new(".")), "", &mut files);
            marker.kinds.insert(LEGACY.to_string(), files);
        }
        marker
    }

    fn owns(&self, name: &str) -> bool {
        self.kinds.values().any(|files| files.contains(name))
    }

    fn files(&self, kind: &str) -> impl Iterator<Item = &String> {
        self.kinds.get(kind).into_iter().flatten()
    }

    /// Record `names` as this kind's files; a file moves to this kind if another kind had it.
    fn set(&mut self, kind: &str, names: impl Iterator<Item = String>) {
        let names: BTreeSet<String> = names.collect();
        for files in self.kinds.values_mut() {
            files.retain(|f| !names.contains(f));
        }
        self.kinds.insert(kind.to_string(), names);
        self.kinds.retain(|_, files| !files.is_empty());
    }

    fn render(&self) -> String {
        let mut s = String::from(
            "# Files written by masterplan, per command. The next run of a command replaces its\n\
             # files and removes the ones it no longer writes; other files here are left alone.\n",
        );
        for (kind, files) in &self.kinds {
            s.push_str(&format!("[{kind}]\n"));
            for f in files {
                s.push_str(f);
                s.push('\n');
            }
        }
        s
    }
}

/// The marker of a folder holding only `names`, written by `kind`: what `init` writes beside
/// the schemas it writes, so a later `masterplan schema` replaces them as its own.
pub fn marker_text(kind: &str, names: impl Iterator<Item = String>) -> String {
    let mut marker = Marker::default();
    marker.set(kind, names);
    marker.render()
}

/// Write new files into `dir` for `init` and `templates export`, all or nothing: unless
/// `force`, refuse (and write nothing) when any of them exists; otherwise stage every file
/// beside its target and rename them into place only when all are written.
pub fn write_new_files<S: AsRef<[u8]>>(
    dir: &Path,
    files: &[(impl AsRef<str>, S)],
    force: bool,
    what: &str,
) -> Result<(), WriteError> {
    if dir.exists() && !dir.is_dir() {
        return Err(WriteError::usage(
            "E9010",
            dir,
            format!("{} is a file, not a folder", dir.display()),
            "name a folder (it is created when missing)",
        ));
    }
    if !force {
        let existing: Vec<PathBuf> = files
            .iter()
            .map(|(name, _)| dir.join(name.as_ref()))
            .filter(|p| p.exists())
            .collect();
        if let Some(first) = existing.first() {
            let list: Vec<String> = existing.iter().map(|p| p.display().to_string()).collect();
            return Err(WriteError::usage(
                "E9006",
                first,
                format!(
                    "not overwriting existing {what}: {}; nothing was written",
                    list.join(", ")
                ),
                "pass --force to replace them",
            ));
        }
    }
    let created_dir = !dir.exists();
    let mut created: Vec<PathBuf> = Vec::new();
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = (|| {
        for (name, content) in files {
            let target = dir.join(name.as_ref());
            if target.is_dir() {
                return Err(WriteError::usage(
                    "E9011",
                    &target,
                    format!("{} is a folder; nothing was written", target.display()),
                    "move or rename that folder",
                ));
            }
            let mut missing = Vec::new();
            let mut d = target.parent();
            while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && !p.exists()) {
                missing.push(p.to_path_buf());
                d = p.parent();
            }
            for p in missing.into_iter().rev() {
                fs::create_dir(&p).map_err(|e| WriteError::io(&target, &e))?;
                created.push(p);
            }
            let tmp = temp_path(&target);
            staged.push((tmp.clone(), target.clone()));
            write_synced(&tmp, content.as_ref()).map_err(|e| WriteError::io(&target, &e))?;
        }
        for (tmp, target) in &staged {
            fs::rename(tmp, target).map_err(|e| WriteError::io(target, &e))?;
        }
        Ok(())
    })();
    if result.is_err() {
        for (tmp, _) in &staged {
            let _ = fs::remove_file(tmp);
        }
        for p in created.iter().rev() {
            let _ = fs::remove_dir(p);
        }
        if created_dir {
            let _ = fs::remove_dir(dir);
        }
    }
    result
}

fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, bytes: &str) -> OutputFile {
        OutputFile {
            name: name.into(),
            bytes: bytes.as_bytes().to_vec(),
        }
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn kinds_keep_their_own_files_and_drop_their_stale_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("build");
        commit(
            &out,
            "generate",
            &[file("a.md", "1"), file("a.pdf", "2")],
            &[],
            false,
        )
        .unwrap();
        commit(&out, "evaluate", &[file("e.md", "3")], &[], false).unwrap();
        let c = commit(&out, "generate", &[file("a.md", "4")], &[], false).unwrap();
        assert_eq!(c.removed, vec!["a.pdf".to_string()]);
        assert_eq!(listing(&out), vec![MARKER, "a.md", "e.md"]);
        assert_eq!(fs::read_to_string(out.join("a.md")).unwrap(), "4");
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(
            marker.contains("[evaluate]\ne.md\n[generate]\na.md\n"),
            "{marker}"
        );
    }

    #[test]
    fn a_user_file_is_never_replaced_or_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("build");
        commit(&out, "generate", &[file("a.md", "1")], &[], false).unwrap();
        fs::write(out.join("logo.png"), "mine").unwrap();
        let e = commit(
            &out,
            "generate",
            &[file("a.md", "2"), file("logo.png", "x")],
            &[],
            false,
        )
        .unwrap_err();
        assert_eq!(e.code, "E9011");
        assert_eq!(e.file.as_deref(), Some(out.join("logo.png").as_path()));
        assert_eq!(fs::read_to_string(out.join("a.md")).unwrap(), "1");
        assert_eq!(fs::read_to_string(out.join("logo.png")).unwrap(), "mine");
    }

    #[test]
    fn a_failed_swap_rolls_back() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("build");
        commit(
            &out,
            "generate",
            &[file("a.md", "1"), file("b.md", "1")],
            &[],
            false,
        )
        .unwrap();
        // Stage, then make the swap of the second file fail: its staged copy disappears.
        let staging = out.join(format!("{STAGING_PREFIX}test"));
        let files = [file("a.md", "2"), file("b.md", "2")];
        let mut done = Vec::new();
        fs::create_dir_all(staging.join("new")).unwrap();
        fs::write(staging.join("new/a.md"), "2").unwrap();
        fs::write(staging.join(MARKER), "").unwrap();
        let r = swap(
            &out,
            &staging.join("new"),
            &staging.join("old"),
            &files,
            &[],
            &staging.join(MARKER),
            &mut done,
        );
        let e = r.unwrap_err();
        assert_eq!(e.file.as_deref(), Some(out.join("b.md").as_path()));
        undo(done);
        fs::remove_dir_all(&staging).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.md")).unwrap(), "1");
        assert_eq!(fs::read_to_string(out.join("b.md")).unwrap(), "1");
        assert_eq!(listing(&out), vec![MARKER, "a.md", "b.md"]);
    }

    #[test]
    fn a_marker_of_an_older_version_owns_its_files_but_removes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("build");
        fs::create_dir_all(&out).unwrap();
        fs::write(
            out.join(MARKER),
            "This folder holds files generated by masterplan; they are replaced on every run.\n",
        )
        .unwrap();
        fs::write(out.join("a.md"), "old").unwrap();
        fs::write(out.join("a.pdf"), "old").unwrap();
        let c = commit(&out, "generate", &[file("a.md", "new")], &[], false).unwrap();
        assert!(c.removed.is_empty());
        assert_eq!(fs::read_to_string(out.join("a.md")).unwrap(), "new");
        assert_eq!(listing(&out), vec![MARKER, "a.md", "a.pdf"]);
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(
            marker.contains("[generate]\na.md\n[legacy]\na.pdf\n"),
            "{marker}"
        );
        // a.pdf stays replaceable, and is then the generate command's.
        commit(
            &out,
            "generate",
            &[file("a.md", "3"), file("a.pdf", "3")],
            &[],
            false,
        )
        .unwrap();
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        assert!(!marker.contains("[legacy]"), "{marker}");
    }

    #[test]
    fn names_are_unique_and_inside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("build");
        for files in [
            vec![file("a.pdf", "1"), file("A.PDF", "2")],
            vec![file("../x", "1")],
            vec![file("/etc/x", "1")],
            vec![file(MARKER, "1")],
        ] {
            assert_eq!(
                commit(&out, "generate", &files, &[], false)
                    .unwrap_err()
                    .code,
                "E9013"
            );
        }
        assert!(!out.exists());
    }
}
