//! File-change events for `watch`: the system's notifications (inotify, FSEvents,
//! ReadDirectoryChangesW through the `notify` crate) or, with `--poll`, a scan of the watched
//! folders twice a second, comparing modification times and contents (for network drives and
//! WSL folders, where notifications do not arrive). Only changes to contents and names count: reading a file (which `watch` itself does
//! on every rebuild) is not a change.

use std::path::PathBuf;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

use super::debounce::Target;

/// How often `--poll` scans the watched folders.
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// What the watcher reports.
#[derive(Debug)]
pub enum Change {
    /// These paths changed (were written, created, removed or renamed).
    Paths(Vec<PathBuf>),
    /// The watcher itself failed (events may have been lost).
    Error(String),
}

/// A watcher over a set of [`Target`]s, kept in step with the project by [`FileWatcher::sync`].
pub struct FileWatcher {
    inner: Box<dyn notify::Watcher + Send>,
    watched: Vec<Target>,
}

impl FileWatcher {
    /// A watcher that calls `report` (on the watcher's own thread) for every change; `poll`
    /// scans instead of listening to the system.
    pub fn new(
        poll: bool,
        report: impl Fn(Change) + Send + 'static,
    ) -> Result<FileWatcher, String> {
        let handler = move |event: notify::Result<notify::Event>| match event {
            Ok(e) if counts(&e.kind) && !e.paths.is_empty() => report(Change::Paths(e.paths)),
            Ok(_) => {}
            Err(e) => report(Change::Error(e.to_string())),
        };
        let inner: Box<dyn notify::Watcher + Send> = if poll {
            // notify's scan compares modification times in whole seconds: two saves within one
            // second would look like one. Comparing the contents too (the inputs are small, at
            // most a few MB) sees every save.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            Box::new(notify::PollWatcher::new(handler, config).map_err(|e| e.to_string())?)
        } else {
            Box::new(notify::recommended_watcher(handler).map_err(|e| e.to_string())?)
        };
        Ok(FileWatcher {
            inner,
            watched: Vec::new(),
        })
    }

    /// Watch exactly `targets`: start on the new ones, stop on those gone. Returns the targets
    /// that could not be watched, with why (the caller says so; the others are watched).
    pub fn sync(&mut self, targets: &[Target]) -> Vec<(PathBuf, String)> {
        let mut failed = Vec::new();
        for old in std::mem::take(&mut self.watched) {
            if targets.contains(&old) {
                self.watched.push(old);
            } else {
                // A folder that was removed is no longer watched anyway.
                let _ = self.inner.unwatch(&old.path);
            }
        }
        for t in targets {
            if self.watched.contains(t) {
                continue;
            }
            let mode = if t.recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            match self.inner.watch(&t.path, mode) {
                Ok(()) => self.watched.push(t.clone()),
                Err(e) => failed.push((t.path.clone(), e.to_string())),
            }
        }
        failed
    }

    /// Stop watching everything (the project folder disappeared).
    pub fn clear(&mut self) {
        self.sync(&[]);
    }
}

/// Whether an event is a change: contents, names, creation, removal. Opening and reading a file
/// (inotify reports them) is not.
fn counts(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// A real watcher (system notifications and polling) sees a write in a watched folder and
    /// not a read.
    #[test]
    fn sees_writes_not_reads() {
        for poll in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().canonicalize().unwrap();
            let file = root.join("masterplan.yaml");
            std::fs::write(&file, "a: 1\n").unwrap();
            let (tx, rx) = mpsc::channel();
            let mut w = FileWatcher::new(poll, move |c| {
                let _ = tx.send(c);
            })
            .unwrap();
            let failed = w.sync(&[Target {
                path: root.clone(),
                recursive: false,
            }]);
            assert!(failed.is_empty(), "{failed:?}");
            let _ = std::fs::read_to_string(&file).unwrap();
            std::thread::sleep(Duration::from_millis(1100));
            if let Ok(c) = rx.try_recv() {
                panic!("poll={poll}: a read was reported as {c:?}");
            }
            std::fs::write(&file, "a: 2\nb: 3\n").unwrap();
            let seen = rx.recv_timeout(Duration::from_secs(20));
            match seen {
                Ok(Change::Paths(paths)) => assert!(paths.contains(&file), "{paths:?}"),
                other => panic!("poll={poll}: {other:?}"),
            }
            // A second save right after (the same second of modification time) is seen too.
            std::thread::sleep(Duration::from_millis(50));
            while rx.try_recv().is_ok() {}
            std::fs::write(&file, "a: 4\nb: 5\n").unwrap();
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(Change::Paths(paths)) => assert!(paths.contains(&file), "{paths:?}"),
                other => panic!("poll={poll}, second save: {other:?}"),
            }
            w.clear();
        }
    }
}
