//! Checking the result: the written files run through the normal `check` in a scratch folder,
//! and each of its diagnostics pointed back at the sheet and cell its field came from.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Cx, Loc, MP};
use crate::diagnostic::Severity;
use crate::model::Masterplan;
use crate::worksheet::REGION;

/// Write the files to a scratch folder (with the taxonomy file and logo the project has), run
/// `check` there, and report its diagnostics at the cells they came from.
pub(super) fn check_files(files: &[(String, String)], dir: &Path, cx: &mut Cx) {
    let scratch = scratch_dir();
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(scratch.join("pokja"))?;
        for (name, text) in files {
            std::fs::write(scratch.join(name), text)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        cx.error(
            "E0700",
            "",
            format!(
                "could not check the workbook: the scratch folder {} cannot be written: {e}",
                scratch.display()
            ),
            Some("set TMPDIR to a writable folder".into()),
        );
        let _ = std::fs::remove_dir_all(&scratch);
        return;
    }
    // The taxonomy file and the logo are not in the workbook: take the project's own.
    if let Some((_, text)) = files.iter().find(|(n, _)| n == MP)
        && let Ok(m) = crate::yaml::from_str::<Masterplan>(text, MP)
    {
        for name in [m.taxonomy.clone(), m.region.logo.clone()]
            .into_iter()
            .flatten()
        {
            let from = dir.join(&name);
            if from.is_file() && !Path::new(&name).is_absolute() && !name.contains("..") {
                let to = scratch.join(&name);
                if let Some(parent) = to.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                let _ = std::fs::copy(&from, &to);
            }
        }
    }
    let checked = crate::check(&scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    for d in checked.diagnostics {
        let mut d = d;
        // A logo the folder does not have yet is the user's to add, not the workbook's fault.
        if d.code == "E0110" {
            d.severity = Severity::Warning;
            d.code = "W0704";
            d.hint = Some(format!(
                "copy the logo into {} before `masterplan generate`, or clear region.logo",
                dir.display()
            ));
        }
        let (cell, loc) = locate(&cx.locs, &d.file, &d.path);
        let mut message = d.message.clone();
        if let Some(loc) = loc {
            message = format!("{message} (column `{}` / {})", loc.label, loc.key);
        }
        d.message = message;
        d.file = cx.file.clone();
        d.path = cell;
        d.line = None;
        d.column = None;
        cx.diagnostics.push(d);
    }
}

pub(super) fn scratch_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "masterplan-import-{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

/// The cell a (file, path) diagnostic of `check` came from: the nearest recorded path.
pub(super) fn locate(
    locs: &HashMap<(String, String), Loc>,
    file: &str,
    path: &str,
) -> (String, Option<Loc>) {
    let mut p = Some(path);
    while let Some(cur) = p {
        if let Some(loc) = locs.get(&(file.to_string(), cur.to_string())) {
            return (loc.cell.clone(), Some(loc.clone()));
        }
        p = crate::yaml::parent_path(cur);
    }
    let sheet = if file == MP {
        REGION.to_string()
    } else {
        file.strip_prefix("pokja/")
            .and_then(|f| f.strip_suffix(".yaml"))
            .unwrap_or(file)
            .to_string()
    };
    (sheet, None)
}
