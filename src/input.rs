//! Input: the one way a file of the project is read.
//!
//! Every input (masterplan.yaml, the pokja and monitoring files, a taxonomy file, the logo,
//! template overrides, a logo named in a template's front matter) is read by [`read`]:
//!
//! - the path is **confined** to its folder (the project folder, or the `--templates` folder):
//!   absolute paths, paths that climb out with `..` and symbolic links that lead outside are
//!   refused, so nothing outside the project is read or quoted in a diagnostic;
//! - only **regular files** are read: a FIFO (which would block), a device (`/dev/zero`, which
//!   never ends), a socket or a folder is refused before it is opened;
//! - the **size limit** is applied while reading (at most `limit + 1` bytes are ever read), never
//!   trusted from the file's metadata, which `/proc` files report as 0.

use std::fmt;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The largest logo read (PNG or JPEG).
pub const MAX_IMAGE_BYTES: usize = 16 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// No file at that path.
    Missing,
    /// Absolute, or climbs out of the folder with `..`.
    Outside,
    /// A symbolic link (or a linked folder on the way) that leads outside the folder.
    LinksOutside,
    /// Not a regular file: a folder, FIFO, device or socket (the name of the kind).
    NotAFile(&'static str),
    /// Larger than the limit (in bytes), found while reading.
    TooLarge(usize),
    /// The operating system refused (permissions, ...).
    Io(std::io::Error),
}

impl Refusal {
    /// The diagnostic code for a refusal (E0005 too large, E0014 unreadable or missing,
    /// E0030 outside the folder, E0031 not a regular file).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Missing | Refusal::Io(_) => "E0014",
            Refusal::Outside | Refusal::LinksOutside => "E0030",
            Refusal::NotAFile(_) => "E0031",
            Refusal::TooLarge(_) => "E0005",
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Refusal::Outside | Refusal::LinksOutside => {
                Some("copy the file into the project folder and give its path relative to it")
            }
            Refusal::NotAFile(_) => Some("name a regular file inside the project folder"),
            Refusal::TooLarge(_) => Some("split the content or shorten it"),
            _ => None,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => write!(f, "the file does not exist"),
            Refusal::Outside => write!(f, "the path leads outside the project folder"),
            Refusal::LinksOutside => {
                write!(f, "the path is a link to a file outside the project folder")
            }
            Refusal::NotAFile(kind) => write!(f, "it is {kind}, not a regular file"),
            Refusal::TooLarge(limit) => write!(f, "it is larger than the limit of {limit} bytes"),
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

/// True when `rel` is absolute (on any platform's spelling) or climbs out of its folder with
/// `..` at some point.
pub fn escapes(rel: &str) -> bool {
    let looks_absolute = Path::new(rel).is_absolute()
        || rel.starts_with('/')
        || rel.starts_with('\\')
        || rel.get(1..2) == Some(":");
    if looks_absolute {
        return true;
    }
    let mut depth: i64 = 0;
    for c in Path::new(&rel.replace('\\', "/")).components() {
        match c {
            Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            Component::Normal(_) => depth += 1,
            Component::RootDir | Component::Prefix(_) => return true,
            Component::CurDir => {}
        }
    }
    false
}

/// The path of `rel` inside `root`, after checking that it stays inside (also through
/// symbolic links) and is a regular file.
pub fn confined(root: &Path, rel: &str) -> Result<PathBuf, Refusal> {
    if escapes(rel) {
        return Err(Refusal::Outside);
    }
    let full = root.join(rel);
    let meta = match std::fs::metadata(&full) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A dangling link is missing too; a link elsewhere is reported as leading outside.
            return Err(match std::fs::symlink_metadata(&full) {
                Ok(_) => Refusal::LinksOutside,
                Err(_) => Refusal::Missing,
            });
        }
        Err(e) => return Err(Refusal::Io(e)),
    };
    if let (Ok(real), Ok(real_root)) = (full.canonicalize(), root.canonicalize())
        && !real.starts_with(&real_root)
    {
        return Err(Refusal::LinksOutside);
    }
    regular(&meta)?;
    Ok(full)
}

/// Refuse what is not a regular file, naming what it is.
fn regular(meta: &std::fs::Metadata) -> Result<(), Refusal> {
    let t = meta.file_type();
    if t.is_file() {
        return Ok(());
    }
    if t.is_dir() {
        return Err(Refusal::NotAFile("a folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Err(Refusal::NotAFile("a named pipe (FIFO)"));
        }
        if t.is_char_device() || t.is_block_device() {
            return Err(Refusal::NotAFile("a device"));
        }
        if t.is_socket() {
            return Err(Refusal::NotAFile("a socket"));
        }
    }
    Err(Refusal::NotAFile("not a file"))
}

/// Read `rel` inside `root`: confined, a regular file, at most `limit` bytes.
pub fn read(root: &Path, rel: &str, limit: usize) -> Result<Vec<u8>, Refusal> {
    let full = confined(root, rel)?;
    read_bounded(&full, limit)
}

/// Read a regular file of at most `limit` bytes, counting while reading.
fn read_bounded(path: &Path, limit: usize) -> Result<Vec<u8>, Refusal> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Refusal::Missing,
        _ => Refusal::Io(e),
    })?;
    // The file may have been replaced between the check and the opening.
    regular(&file.metadata().map_err(Refusal::Io)?)?;
    let hint = file
        .metadata()
        .map(|m| usize::try_from(m.len()).unwrap_or(limit).min(limit))
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(hint.saturating_add(1));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Io)?;
    if bytes.len() > limit {
        return Err(Refusal::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_is_lexical() {
        for p in [
            "/etc/passwd",
            "../x",
            "a/../../x",
            "\\x",
            "C:\\x",
            "a\\..\\..\\x",
        ] {
            assert!(escapes(p), "{p}");
        }
        for p in ["logo.png", "a/../b", "./x", "tax/desa.yaml"] {
            assert!(!escapes(p), "{p}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_confined_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.yaml"), "x: 1\n").unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        assert_eq!(read(root, "a.yaml", 100).unwrap(), b"x: 1\n");
        assert!(matches!(read(root, "a.yaml", 3), Err(Refusal::TooLarge(3))));
        assert!(matches!(read(root, "b.yaml", 3), Err(Refusal::Missing)));
        assert!(matches!(read(root, "sub", 3), Err(Refusal::NotAFile(_))));
        assert!(matches!(
            read(root, "/etc/passwd", 9),
            Err(Refusal::Outside)
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", root.join("link")).unwrap();
            assert!(matches!(read(root, "link", 99), Err(Refusal::LinksOutside)));
            std::os::unix::fs::symlink("a.yaml", root.join("inside")).unwrap();
            assert!(read(root, "inside", 99).is_ok());
            std::os::unix::fs::symlink("/dev/zero", root.join("zero")).unwrap();
            assert!(read(root, "zero", 99).is_err());
        }
    }

    #[test]
    fn the_limit_holds_when_metadata_says_zero() {
        // /proc files report a size of 0; the limit is counted while reading.
        let p = Path::new("/proc/self/status");
        if p.exists() {
            assert!(matches!(read_bounded(p, 8), Err(Refusal::TooLarge(8))));
        }
    }
}
