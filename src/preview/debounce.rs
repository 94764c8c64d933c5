//! Which file changes start a rebuild, and when: the [`WatchSet`] says whether a changed path is
//! one of the project's inputs, the [`Debouncer`] turns an editor's burst of writes (a temporary
//! file, a rename, a metadata change, a second save) into one rebuild.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long the files must stay quiet before a rebuild starts.
pub const QUIET: Duration = Duration::from_millis(120);
/// The longest a rebuild waits while changes keep arriving (a tool rewriting files in a loop
/// still gets a rebuild every this often).
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// Collects changed paths and says when the burst is over. Pure: the caller passes the time, so
/// it is tested without sleeping.
#[derive(Debug)]
pub struct Debouncer {
    quiet: Duration,
    max_wait: Duration,
    first: Option<Instant>,
    last: Option<Instant>,
    paths: BTreeSet<PathBuf>,
}

impl Default for Debouncer {
    fn default() -> Self {
        Debouncer::new(QUIET, MAX_WAIT)
    }
}

impl Debouncer {
    pub fn new(quiet: Duration, max_wait: Duration) -> Self {
        Debouncer {
            quiet,
            max_wait,
            first: None,
            last: None,
            paths: BTreeSet::new(),
        }
    }

    /// A change of `path` seen at `now`.
    pub fn add(&mut self, path: PathBuf, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.paths.insert(path);
    }

    /// True when changes are waiting for their rebuild.
    pub fn is_pending(&self) -> bool {
        self.first.is_some()
    }

    /// When the waiting changes are due: `quiet` after the last one, but no later than
    /// `max_wait` after the first. `None` when nothing waits.
    pub fn deadline(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        Some((last + self.quiet).min(first + self.max_wait))
    }

    /// The changed paths (sorted, each once) when the burst is over at `now`, and the time of
    /// the first change (where the latency of the rebuild starts); `None` while it goes on.
    pub fn take(&mut self, now: Instant) -> Option<(Instant, Vec<PathBuf>)> {
        if now < self.deadline()? {
            return None;
        }
        let first = self.first.take()?;
        self.last = None;
        Some((first, std::mem::take(&mut self.paths).into_iter().collect()))
    }
}

/// The inputs of a project that `watch` rebuilds for: masterplan.yaml, pokja/, monitoring/, the
/// templates folder, the logo and a taxonomy file. The output folder is never an input (writing
/// the outputs must not start another rebuild), nor are editor backups and swap files.
#[derive(Debug, Clone)]
pub struct WatchSet {
    /// The project folder, absolute.
    pub root: PathBuf,
    /// The output folder, absolute.
    pub out: PathBuf,
    /// The templates folder (`--templates`, or `<root>/templates`), absolute.
    pub templates: PathBuf,
    /// The logo and the taxonomy file named by masterplan.yaml (absolute), as last loaded.
    pub files: Vec<PathBuf>,
}

/// The folders (and files) read by a build of the project: what a watcher must watch, and
/// whether recursively.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub path: PathBuf,
    pub recursive: bool,
}

impl WatchSet {
    /// True when a change of `path` (absolute) can change the document.
    pub fn is_input(&self, path: &Path) -> bool {
        if path.starts_with(&self.out) {
            return false;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if is_scratch(&name) {
            return false;
        }
        if self.files.iter().any(|f| f == path) || path.starts_with(&self.templates) {
            return true;
        }
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        let mut parts = rel.components();
        match parts.next().map(|c| c.as_os_str().to_string_lossy()) {
            Some(first) if first == crate::load::MASTERPLAN_FILE => parts.next().is_none(),
            Some(first)
                if first == crate::load::POKJA_DIR || first == crate::load::MONITORING_DIR =>
            {
                // The folder itself, a YAML file in it, or a folder (a tool's temporary file,
                // `sedAb12Cd`, is neither).
                parts.next().is_none() || is_yaml(path) || path.is_dir()
            }
            _ => false,
        }
    }

    /// The existing folders to watch: the project folder itself (not recursively: it holds
    /// masterplan.yaml, and pokja/ may be created later), pokja/, monitoring/ and the templates
    /// folder recursively, and the folders of the logo and taxonomy file.
    pub fn targets(&self) -> Vec<Target> {
        let mut targets = BTreeSet::new();
        targets.insert(Target {
            path: self.root.clone(),
            recursive: false,
        });
        for dir in [
            self.root.join(crate::load::POKJA_DIR),
            self.root.join(crate::load::MONITORING_DIR),
            self.templates.clone(),
        ] {
            if dir.is_dir() && !self.out.starts_with(&dir) {
                targets.insert(Target {
                    path: dir,
                    recursive: true,
                });
            }
        }
        for file in &self.files {
            if let Some(parent) = file.parent()
                && parent.is_dir()
                && !targets
                    .iter()
                    .any(|t| t.recursive && parent.starts_with(&t.path))
            {
                targets.insert(Target {
                    path: parent.to_path_buf(),
                    recursive: false,
                });
            }
        }
        targets.into_iter().collect()
    }
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Editors' scratch files: backups (`x~`, `x.bak`), swap and lock files (`.x.swp`, `.#x`), Vim's
/// write test `4913`, and the output commit's staging folders.
fn is_scratch(name: &str) -> bool {
    name.is_empty()
        || crate::load::is_backup(name)
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name.starts_with(".masterplan-")
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_burst_of_writes_is_one_rebuild() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(100), ms(1000));
        assert!(!d.is_pending());
        assert_eq!(d.take(t0), None);
        // An editor's save: temp file, rename, metadata, within a few milliseconds.
        d.add("pokja/economy.yaml".into(), t0);
        d.add("pokja/economy.yaml".into(), t0 + ms(3));
        d.add("pokja/society.yaml".into(), t0 + ms(40));
        assert!(d.is_pending());
        assert_eq!(d.deadline(), Some(t0 + ms(140)));
        assert_eq!(d.take(t0 + ms(139)), None, "still within the quiet period");
        let (first, paths) = d.take(t0 + ms(140)).expect("due");
        assert_eq!(first, t0);
        assert_eq!(
            paths,
            vec![
                PathBuf::from("pokja/economy.yaml"),
                PathBuf::from("pokja/society.yaml")
            ]
        );
        assert!(!d.is_pending());
        assert_eq!(d.take(t0 + ms(500)), None, "taken once");
    }

    #[test]
    fn endless_changes_still_rebuild_after_max_wait() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(100), ms(1000));
        let mut t = t0;
        while t < t0 + ms(1500) {
            d.add("pokja/economy.yaml".into(), t);
            if t >= t0 + ms(1000) {
                break;
            }
            assert_eq!(d.take(t), None);
            t += ms(50);
        }
        assert_eq!(d.deadline(), Some(t0 + ms(1000)));
        assert!(d.take(t0 + ms(1000)).is_some());
    }

    #[test]
    fn a_later_save_is_a_second_rebuild() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(100), ms(1000));
        d.add("masterplan.yaml".into(), t0);
        assert!(d.take(t0 + ms(100)).is_some());
        d.add("masterplan.yaml".into(), t0 + ms(300));
        assert_eq!(d.take(t0 + ms(350)), None);
        let (first, _) = d.take(t0 + ms(400)).expect("second rebuild");
        assert_eq!(first, t0 + ms(300));
    }

    fn set() -> WatchSet {
        WatchSet {
            root: "/p".into(),
            out: "/p/build".into(),
            templates: "/p/templates".into(),
            files: vec!["/p/img/logo.png".into(), "/p/taksonomi.yaml".into()],
        }
    }

    #[test]
    fn inputs_are_the_project_files_and_never_the_outputs() {
        let s = set();
        for input in [
            "/p/masterplan.yaml",
            "/p/pokja/economy.yaml",
            "/p/pokja",
            "/p/monitoring/2024.yaml",
            "/p/templates/chapters/bab1.md.j2",
            "/p/img/logo.png",
            "/p/taksonomi.yaml",
        ] {
            assert!(s.is_input(Path::new(input)), "{input}");
        }
        for other in [
            "/p/build/masterplan.html",
            "/p/build/.masterplan-staging-12/masterplan.md",
            "/p/build",
            "/p/pokja/.economy.yaml.swp",
            "/p/pokja/economy.yaml~",
            "/p/pokja/4913",
            "/p/pokja/sedAb12Cd",
            "/p/masterplan.yaml/x",
            "/p/README.md",
            "/p/img/other.png",
            "/p/.git/index",
            "/elsewhere/masterplan.yaml",
            "/p",
        ] {
            assert!(!s.is_input(Path::new(other)), "{other}");
        }
        let mut outside = set();
        outside.templates = "/t".into();
        assert!(outside.is_input(Path::new("/t/bab1.md.j2")));
        let mut out_in_pokja = set();
        out_in_pokja.out = "/p/pokja/out".into();
        assert!(!out_in_pokja.is_input(Path::new("/p/pokja/out/masterplan.md")));
    }
}
