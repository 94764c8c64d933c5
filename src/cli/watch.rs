//! `masterplan watch`: rebuild on every save and serve a live preview on 127.0.0.1.
//!
//! The rebuilds run in a loop on this thread, through the same functions as `generate` (check,
//! plan, render, write); the preview server runs on its own thread (src/preview/server.rs) and
//! reads the shared state; the file watcher reports on its own thread through a channel, as does
//! the Ctrl-C handler. The logic (debouncing, what is an input, the page) is in src/preview/.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use clap::Args;
use masterplan::check::Timings;
use masterplan::preview::debounce::{Debouncer, WatchSet};
use masterplan::preview::files::{Change, FileWatcher};
use masterplan::preview::server::{BindError, Server};
use masterplan::preview::{Problems, Shared};
use masterplan::render::{Date, RenderOptions};

use super::generate::{self, Destination, Formats, OutFormat, PaperArg};
use super::{EXIT_OK, EXIT_USAGE, MessageArgs};

/// The preview's port when none is given: the one `mdbook serve` uses too.
pub const DEFAULT_PORT: u16 = 3000;

#[derive(Args, Debug)]
pub struct WatchArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The port of the preview on 127.0.0.1 (0: any free port, printed on start).
    #[arg(long, default_value_t = DEFAULT_PORT)]
    port: u16,
    /// Look for changes by scanning the project twice a second instead of listening for the
    /// system's file events: for network drives, shared folders and WSL, where events do not
    /// arrive.
    #[arg(long)]
    poll: bool,
    /// Where to write the outputs [default: DIR/build]; never watched.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Output formats written on every rebuild (html is always written: the preview shows it).
    #[arg(long, value_name = "FORMATS", default_value = "md,html", value_parser = generate::parse_formats)]
    format: Formats,
    /// Mark the outputs as a draft: DRAFT watermark and the date.
    #[arg(long)]
    draft: bool,
    /// Paper size of the PDF and of the page's print style sheet.
    #[arg(long, value_enum, ignore_case = true, default_value_t = PaperArg::A4)]
    paper: PaperArg,
    /// A folder of templates overriding the built-in ones [default: DIR/templates when present];
    /// watched too.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Replace files in the output folder that masterplan did not write.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

/// What reaches the rebuild loop.
enum Msg {
    Change(Change),
    Stop,
}

/// How often the loop looks whether the project folder is still there.
const TICK: Duration = Duration::from_millis(250);

pub fn run(args: &WatchArgs) -> i32 {
    let messages = Some(&args.messages);
    let date = match generate::prepare(&args.dir, args.templates.as_deref(), args.draft, messages) {
        Ok(date) => date,
        Err(code) => return code,
    };
    if args.format.contains(&OutFormat::Xlsx) {
        super::fail_with(
            messages,
            "E9303",
            None,
            "watch does not write the tables workbook (xlsx)",
            Some(
                "leave xlsx out, e.g. --format md,pdf,html, and run `masterplan generate --format xlsx` when you need it",
            ),
        );
        return EXIT_USAGE;
    }
    let mut formats: Vec<OutFormat> = args.format.to_vec();
    if !formats.contains(&OutFormat::Html) {
        formats.push(OutFormat::Html);
    }
    let root = absolute(&args.dir);
    let out = args
        .out
        .as_deref()
        .map_or_else(|| root.join("build"), absolute);
    let templates = args
        .templates
        .as_deref()
        .map_or_else(|| root.join("templates"), absolute);
    let mut set = WatchSet {
        root,
        out,
        templates,
        files: Vec::new(),
    };

    let preview = Shared::default();
    let server = match Server::start(args.port, Shared::clone(&preview)) {
        Ok(server) => server,
        Err(e) => return bind_failed(&e, args),
    };
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    }) {
        eprintln!("warning: Ctrl-C cannot stop watch cleanly here ({e}); it stops it abruptly");
    }
    let changes = tx;
    let mut watcher = match FileWatcher::new(args.poll, move |c| {
        let _ = changes.send(Msg::Change(c));
    }) {
        Ok(w) => w,
        Err(e) => {
            super::fail_with(
                messages,
                "E9302",
                Some(&args.dir),
                &format!("could not watch {} for changes: {e}", args.dir.display()),
                Some(
                    "run `masterplan watch --poll` (scans for changes instead of listening for file events)",
                ),
            );
            server.stop();
            return EXIT_USAGE;
        }
    };

    let how = if args.poll {
        "scanning for changes twice a second"
    } else {
        "watching for changes"
    };
    eprintln!(
        "watch: serving the preview of {} at {} ({how}; Ctrl-C stops)",
        args.dir.display(),
        server.url()
    );
    let round = Round {
        args,
        date,
        formats: &formats,
        preview: &preview,
        url: server.url(),
    };
    round.run(&mut set, Instant::now(), &[]);
    sync(&mut watcher, &set, args);

    let mut debouncer = Debouncer::default();
    let mut gone = false;
    loop {
        let wait = debouncer.deadline().map_or(TICK, |d| {
            d.saturating_duration_since(Instant::now()).min(TICK)
        });
        match rx.recv_timeout(wait) {
            Ok(Msg::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Ok(Msg::Change(Change::Paths(paths))) => {
                let now = Instant::now();
                for p in paths.into_iter().filter(|p| set.is_input(p)) {
                    debouncer.add(p, now);
                }
            }
            Ok(Msg::Change(Change::Error(e))) => warn(
                args,
                "W9301",
                &args.dir,
                &format!("the file watcher reported a problem, changes may be missed: {e}"),
                "save again to rebuild, or restart with `masterplan watch --poll`",
            ),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if !set.root.is_dir() {
            if !gone {
                gone = true;
                folder_gone(args, &preview);
                watcher.clear();
            }
            continue;
        }
        if gone {
            gone = false;
            eprintln!(
                "watch: the project folder {} is back; rebuilding",
                args.dir.display()
            );
            round.run(&mut set, Instant::now(), &[]);
            sync(&mut watcher, &set, args);
            let _ = debouncer.take(Instant::now() + Duration::from_secs(3600));
            continue;
        }
        if let Some((first, paths)) = debouncer.take(Instant::now()) {
            round.run(&mut set, first, &paths);
            sync(&mut watcher, &set, args);
        }
    }
    drop(watcher);
    server.stop();
    if args.messages.chatty() {
        eprintln!("watch: stopped");
    }
    EXIT_OK
}

/// One rebuild and what it needs.
struct Round<'a> {
    args: &'a WatchArgs,
    date: Option<Date>,
    formats: &'a [OutFormat],
    preview: &'a Shared,
    url: String,
}

impl Round<'_> {
    /// Rebuild like `generate` (printing the round's diagnostics the same way), then publish the
    /// document or the problems to the preview. `first` is when the first change was seen.
    fn run(&self, set: &mut WatchSet, first: Instant, changed: &[PathBuf]) {
        let args = self.args;
        if args.messages.chatty() && !changed.is_empty() {
            let names: Vec<String> = changed.iter().map(|p| shown(p, &set.root)).collect();
            eprintln!("watch: changed: {}", names.join(", "));
        }
        let outcome = self.build(set);
        let mut preview = self
            .preview
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match outcome {
            Ok((html, warnings)) => {
                preview.built(html, warnings);
                let round = preview.round();
                drop(preview);
                if args.messages.chatty() {
                    eprintln!(
                        "watch: round {round} rebuilt in {} ms: {}",
                        first.elapsed().as_millis(),
                        self.url
                    );
                }
            }
            Err(problems) => {
                preview.failed_with(problems);
                let round = preview.round();
                let kept = preview.document_round();
                drop(preview);
                let kept = match kept {
                    Some(r) => format!("the preview keeps the document of round {r}"),
                    None => "there is no document to preview yet".to_string(),
                };
                eprintln!("watch: round {round} failed; {kept}; fix the inputs and save");
            }
        }
    }

    /// The round's document (HTML, as written into the output folder) and its warnings, or the
    /// problems that stopped it.
    fn build(&self, set: &mut WatchSet) -> Result<(String, Option<Problems>), Problems> {
        let args = self.args;
        let dir = &args.dir;
        let mut timings = Timings::new();
        let checked =
            generate::check_project(dir, args.templates.as_deref(), &args.messages, &mut timings);
        let problems = problems(&checked.diagnostics, &checked.sources);
        let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
            return Err(problems);
        };
        set.files = read_files(project, &set.root);
        if args.messages.blocks(&checked) {
            let mut problems = problems;
            if !checked.has_errors() {
                problems.report.push_str(
                    "\nerror[E9100]: warnings are denied by --deny-warnings; nothing was written\n",
                );
            }
            return Err(problems);
        }
        let plan = masterplan::plan::plan(project, taxonomy);
        let options = RenderOptions {
            templates_dir: args.templates.clone(),
            split_books: false,
            draft: args.draft,
            date: self.date,
        };
        let documents = match masterplan::render::render(project, taxonomy, &plan, &options) {
            Ok(d) => d,
            Err(e) => {
                let mut failed = masterplan::Checked::default();
                let d = masterplan::check::render_diagnostic(&e, dir, &mut failed.sources);
                failed.diagnostics.push(d);
                args.messages.print(&failed, dir);
                return Err(self::problems(&failed.diagnostics, &failed.sources));
            }
        };
        let code = generate::write_documents(
            project,
            &documents,
            Vec::new(),
            &Destination {
                dir,
                out: args.out.as_deref(),
                formats: self.formats,
                paper: args.paper,
                templates: args.templates.as_deref(),
                force: args.force,
                kind: "generate",
            },
            &args.messages,
            &mut timings,
        );
        let out = args.out.clone().unwrap_or_else(|| dir.join("build"));
        if code != EXIT_OK {
            return Err(Problems {
                errors: 1,
                warnings: 0,
                report: format!(
                    "error: the outputs could not be written into {}; the terminal running `masterplan watch` says why\n",
                    out.display()
                ),
            });
        }
        let main = documents
            .iter()
            .find(|d| d.file_name == "masterplan.md")
            .or(documents.first())
            .map_or("masterplan.md", |d| d.file_name.as_str());
        let html = out.join(main.replace(".md", ".html"));
        let page = std::fs::read_to_string(&html).map_err(|e| Problems {
            errors: 1,
            warnings: 0,
            report: format!(
                "error: could not read back {} after writing it: {e}\n",
                html.display()
            ),
        })?;
        let warnings = (!checked.diagnostics.is_empty()).then_some(problems);
        Ok((page, warnings))
    }
}

/// The diagnostics as the human format prints them (no colour), for the page.
fn problems(
    diagnostics: &[masterplan::diagnostic::Diagnostic],
    sources: &masterplan::load::Sources,
) -> Problems {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut report = Vec::new();
    let summary = masterplan::report::summary(diagnostics);
    let last = (!diagnostics.is_empty()).then_some(summary.as_str());
    let _ = masterplan::report::write_human_with_summary(
        &mut report,
        diagnostics,
        false,
        sources,
        last,
    );
    Problems {
        errors,
        warnings: diagnostics.len() - errors,
        report: String::from_utf8_lossy(&report).into_owned(),
    }
}

/// The logo and the taxonomy file masterplan.yaml names (absolute), watched besides the folders.
fn read_files(project: &masterplan::model::Project, root: &Path) -> Vec<PathBuf> {
    let m = &project.masterplan;
    let mut files = Vec::new();
    if let Some(logo) = &m.region.logo {
        files.push(root.join(logo));
    }
    if let Some(t) = &m.taxonomy
        && root.join(t).is_file()
    {
        files.push(root.join(t));
    }
    files
}

/// Watch the folders the project now has; say which could not be watched.
fn sync(watcher: &mut FileWatcher, set: &WatchSet, args: &WatchArgs) {
    for (path, e) in watcher.sync(&set.targets()) {
        warn(
            args,
            "W9301",
            &path,
            &format!(
                "could not watch {} for changes: {e}",
                shown(&path, &set.root)
            ),
            "changes there are missed; restart with `masterplan watch --poll`",
        );
    }
}

/// The project folder disappeared (deleted, renamed, a USB stick pulled out): say so once, show
/// it in the page, and wait for it to come back.
fn folder_gone(args: &WatchArgs, preview: &Shared) {
    let message = format!(
        "the project folder {} disappeared; waiting for it to come back",
        args.dir.display()
    );
    let hint = "put the folder back (or plug the drive in again) and watch rebuilds; Ctrl-C stops";
    warn(args, "W9300", &args.dir, &message, hint);
    preview
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .failed_with(Problems {
            errors: 0,
            warnings: 1,
            report: format!("warning[W9300]: {message}\n  = help: {hint}\n"),
        });
}

/// Print a warning of watch itself (not about the inputs' content) in the chosen format.
fn warn(args: &WatchArgs, code: &'static str, file: &Path, message: &str, hint: &str) {
    let d =
        masterplan::diagnostic::Diagnostic::warning(code, file.display().to_string(), "", message)
            .with_hint(hint);
    args.messages
        .print_diagnostics(&[d], &masterplan::load::Sources::default(), &args.dir);
}

/// E9300 (the port is taken) or E9301 (another reason not to listen), exit 2.
fn bind_failed(e: &BindError, args: &WatchArgs) -> i32 {
    let messages = Some(&args.messages);
    match e {
        BindError::InUse(port) => {
            let next = port
                .checked_add(1)
                .map_or(String::new(), |n| format!("--port {n} (or "));
            let close = if next.is_empty() { "" } else { ")" };
            super::fail_with(
                messages,
                "E9300",
                None,
                &format!("{e}: another program (or another `masterplan watch`) serves there"),
                Some(&format!(
                    "choose another port: {next}--port 0 for any free one{close}, or stop the other program"
                )),
            );
        }
        BindError::Other(_, _) => super::fail_with(
            messages,
            "E9301",
            None,
            &e.to_string(),
            Some("choose a port above 1024, e.g. --port 3000, or --port 0 for any free one"),
        ),
    }
    EXIT_USAGE
}

/// `path` relative to the project folder when inside it (forward slashes), else as it is.
fn shown(path: &Path, root: &Path) -> String {
    path.strip_prefix(root).map_or_else(
        |_| path.display().to_string(),
        |rel| rel.to_string_lossy().replace('\\', "/"),
    )
}

/// The absolute, symlink-free form of `path` (of its folder when it does not exist yet), so
/// that the watcher's paths compare with it.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name())
        && let Ok(p) = std::fs::canonicalize(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
    {
        return p.join(name);
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
