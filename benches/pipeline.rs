//! `cargo bench`: speed and memory of the pipeline on synthetic projects of 60, 600 and 3000
//! programmes. Prints a table; never fails on a slow run (figures, not assertions).
//!
//! In-process figures (median of several runs): `check` (load + validate), `markdown` (plan +
//! render), `pdf` (typeset the Markdown), and peak heap of the whole in-process pipeline
//! (counting allocator), and the other writers of the same Markdown: `docx` and `html`
//! (in-process, median), with their sizes. Whole-process figures: wall time and peak RSS of
//! `masterplan generate` (Markdown and PDF) run as a child process (median wall time, highest
//! peak RSS). The evaluation: `evaluate md` (plan + evaluate one year + render the report) and
//! `evaluate pdf` (typeset it) in-process, and `masterplan evaluate 2026` as a child process.
//!
//! Set `MASTERPLAN_BENCH_SIZES=60,600` to choose sizes, `MASTERPLAN_BENCH_RUNS=5` for runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = CURRENT.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                CURRENT.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

struct Row {
    programs: usize,
    check: Duration,
    markdown: Duration,
    pdf: Duration,
    layout: Duration,
    draw: Duration,
    docx: Duration,
    html: Duration,
    docx_kb: usize,
    html_kb: usize,
    pages: usize,
    pdf_kb: usize,
    peak_heap: usize,
    /// Peak heap of check + Markdown alone (the target's figure).
    md_heap: usize,
    process_wall: Duration,
    process_rss_kb: i64,
    eval_markdown: Duration,
    eval_pdf: Duration,
    eval_pages: usize,
    eval_wall: Duration,
    eval_rss_kb: i64,
    worksheet_export: Duration,
    worksheet_import: Duration,
    worksheet_kb: usize,
    worksheet_heap: usize,
}

/// The year the benchmark evaluates: the synthetic project's second reported year.
const EVAL_YEAR: i32 = 2026;

fn write_project(dir: &Path, programs: usize) {
    for (name, content) in masterplan::synth::project(programs) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("file has a folder")).expect("mkdir");
        std::fs::write(path, content).expect("write");
    }
}

fn measure(programs: usize, runs: usize) -> Row {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("project");
    write_project(&root, programs);

    // Warm-up and correctness: the synthetic project must be valid.
    let checked = masterplan::check(&root);
    assert!(
        !checked.has_errors(),
        "synthetic project of {programs} programmes has errors: {:?}",
        checked.diagnostics.iter().find(|d| d.is_error())
    );

    let mut check_times = Vec::new();
    let mut md_times = Vec::new();
    let mut pdf_times = Vec::new();
    let mut layout_times = Vec::new();
    let mut draw_times = Vec::new();
    let mut docx_times = Vec::new();
    let mut html_times = Vec::new();
    let (mut docx_len, mut html_len) = (0, 0);
    let mut peak_heap = 0;
    let mut md_heap = 0;
    let mut pdf_len = 0;
    let mut pages = 0;
    let mut eval_md_times = Vec::new();
    let mut eval_pdf_times = Vec::new();
    let mut eval_pages = 0;
    for _ in 0..runs {
        let base = CURRENT.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);

        let t = Instant::now();
        let checked = masterplan::check(&root);
        check_times.push(t.elapsed());
        let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
            panic!("synthetic project did not load");
        };

        let t = Instant::now();
        let plan = masterplan::plan::plan(project, taxonomy);
        let docs = masterplan::render::render(project, taxonomy, &plan, &Default::default())
            .expect("render");
        md_times.push(t.elapsed());
        md_heap = md_heap.max(PEAK.load(Ordering::Relaxed) - base);

        let t = Instant::now();
        let pdf = masterplan::typeset::typeset(&docs[0].markdown, &root, &Default::default())
            .expect("typeset");
        pdf_times.push(t.elapsed());
        pdf_len = pdf.len();
        pages = count_pages(&pdf);

        // The same PDF in its two stages, to see where the time goes.
        let t = Instant::now();
        let laid_out = masterplan::typeset::layout(&docs[0].markdown, &root, &Default::default())
            .expect("layout");
        layout_times.push(t.elapsed());
        let t = Instant::now();
        let drawn = masterplan::typeset::draw::draw(&laid_out).expect("draw");
        draw_times.push(t.elapsed());
        assert_eq!(drawn, pdf, "typeset = layout + draw");

        let t = Instant::now();
        let docx =
            masterplan::docx::write(&docs[0].markdown, &root, &Default::default()).expect("docx");
        docx_times.push(t.elapsed());
        docx_len = docx.len();
        let t = Instant::now();
        let html =
            masterplan::html::write(&docs[0].markdown, &root, &Default::default()).expect("html");
        html_times.push(t.elapsed());
        html_len = html.len();

        peak_heap = peak_heap.max(PEAK.load(Ordering::Relaxed) - base);

        // The evaluation report of one year, from the same checked project.
        let t = Instant::now();
        let plan = masterplan::plan::plan(project, taxonomy);
        let evaluation =
            masterplan::evaluation::evaluate(project, &plan, EVAL_YEAR).expect("evaluates");
        let report = masterplan::render::evaluation::render_evaluation(
            project,
            &plan,
            &evaluation,
            &Default::default(),
        )
        .expect("renders the report");
        eval_md_times.push(t.elapsed());
        let t = Instant::now();
        let pdf = masterplan::typeset::typeset(&report.markdown, &root, &Default::default())
            .expect("typesets the report");
        eval_pdf_times.push(t.elapsed());
        eval_pages = count_pages(&pdf);
    }

    // The Bimtek worksheet: export the project, import it back (import includes its `check`).
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        panic!("synthetic project did not load");
    };
    let mut export_times = Vec::new();
    let mut import_times = Vec::new();
    let mut worksheet_len = 0;
    let mut worksheet_heap = 0;
    for _ in 0..runs {
        let base = CURRENT.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let book = masterplan::worksheet::export(project, taxonomy, None).expect("export");
        export_times.push(t.elapsed());
        worksheet_len = book.len();
        let t = Instant::now();
        let imported = masterplan::worksheet::import(&book, "bench.xlsx", &root);
        import_times.push(t.elapsed());
        assert!(!imported.has_errors(), "{:?}", imported.diagnostics.first());
        worksheet_heap = worksheet_heap.max(PEAK.load(Ordering::Relaxed) - base);
    }

    let mut walls = Vec::new();
    let mut process_rss_kb = 0;
    for _ in 0..runs {
        let (wall, rss) = run_process(&root, &tmp.path().join("out"));
        walls.push(wall);
        process_rss_kb = process_rss_kb.max(rss);
    }
    let process_wall = median(walls);
    let mut eval_walls = Vec::new();
    let mut eval_rss_kb = 0;
    let year = EVAL_YEAR.to_string();
    for _ in 0..runs {
        let (wall, rss) = run_command(&["evaluate", &year], &root, &tmp.path().join("out"));
        eval_walls.push(wall);
        eval_rss_kb = eval_rss_kb.max(rss);
    }
    Row {
        programs,
        check: median(check_times),
        markdown: median(md_times),
        pdf: median(pdf_times),
        layout: median(layout_times),
        draw: median(draw_times),
        docx: median(docx_times),
        html: median(html_times),
        docx_kb: docx_len / 1024,
        html_kb: html_len / 1024,
        pages,
        pdf_kb: pdf_len / 1024,
        peak_heap,
        md_heap,
        process_wall,
        process_rss_kb,
        eval_markdown: median(eval_md_times),
        eval_pdf: median(eval_pdf_times),
        eval_pages,
        eval_wall: median(eval_walls),
        eval_rss_kb,
        worksheet_export: median(export_times),
        worksheet_import: median(import_times),
        worksheet_kb: worksheet_len / 1024,
        worksheet_heap,
    }
}

fn count_pages(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0)
}

/// Run `masterplan generate` as a child; wall time and the child's peak RSS (KiB).
///
/// The child is started by a fresh copy of this benchmark (see [`measure_child`]), not by this
/// process: on Linux, `exec` records the peak RSS of the memory the new program replaces into
/// the child's `ru_maxrss`, so a child spawned from this process (which holds the whole
/// in-process pipeline's memory) would report this process's peak instead of its own.
fn run_process(root: &Path, out: &Path) -> (Duration, i64) {
    run_command(&["generate"], root, out)
}

/// Run `masterplan <command...> <root> --out <out>` in a measuring child, as [`run_process`].
fn run_command(command: &[&str], root: &Path, out: &Path) -> (Duration, i64) {
    let me = std::env::current_exe().expect("benchmark executable");
    let output = Command::new(me)
        .env(CHILD_ENV, "1")
        .arg(env!("CARGO_BIN_EXE_masterplan"))
        .args(command)
        .arg(root)
        .arg("--out")
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("run the measuring child");
    assert!(
        output.status.success(),
        "masterplan {command:?} failed on the synthetic project"
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.split_whitespace().map(|f| f.parse::<i64>().ok());
    match (fields.next().flatten(), fields.next().flatten()) {
        (Some(nanos), Some(rss)) => (Duration::from_nanos(nanos as u64), rss),
        _ => panic!("measuring child printed {text:?}"),
    }
}

/// Set in the environment of the measuring child.
const CHILD_ENV: &str = "MASTERPLAN_BENCH_MEASURE";

/// In the measuring child: run the command in the arguments, print its wall time (ns) and peak
/// RSS (KiB), exit non-zero if it failed.
fn measure_child() -> ! {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (program, rest) = args.split_first().expect("a command to measure");
    let t = Instant::now();
    let status = Command::new(program)
        .args(rest)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run masterplan");
    let wall = t.elapsed();
    // SAFETY: getrusage only writes into the struct we pass.
    let rss = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    };
    println!("{} {}", wall.as_nanos(), rss);
    std::process::exit(if status.success() { 0 } else { 1 });
}

fn main() {
    if std::env::var_os(CHILD_ENV).is_some() {
        measure_child();
    }
    // `cargo test --benches` runs bench targets with --bench absent: keep that cheap.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let sizes: Vec<usize> = std::env::var("MASTERPLAN_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![60, 600, 3000]);
    let runs: usize = std::env::var("MASTERPLAN_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);

    println!(
        "masterplan pipeline benchmark ({runs} runs each, median; peak heap in-process; RSS of the whole `generate` process)"
    );
    println!(
        "{:>10} {:>10} {:>12} {:>10} {:>7} {:>9} {:>11} {:>13} {:>12}",
        "programmes",
        "check ms",
        "markdown ms",
        "pdf ms",
        "pages",
        "pdf KB",
        "heap MB",
        "generate ms",
        "max RSS MB"
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        let r = measure(n, runs);
        println!(
            "{:>10} {:>10.2} {:>12.2} {:>10.1} {:>7} {:>9} {:>11.1} {:>13.1} {:>12.1}",
            r.programs,
            ms(r.check),
            ms(r.markdown),
            ms(r.pdf),
            r.pages,
            r.pdf_kb,
            mb(r.peak_heap),
            ms(r.process_wall),
            r.process_rss_kb as f64 / 1024.0
        );
        rows.push(r);
    }
    println!();
    println!("pdf stages (median ms):");
    for r in &rows {
        println!(
            "{:>10} layout {:>8.1}  draw {:>8.1}",
            r.programs,
            ms(r.layout),
            ms(r.draw)
        );
    }
    println!();
    println!("evaluate one year (median ms; RSS of the whole `evaluate` process):");
    for r in &rows {
        println!(
            "{:>10} markdown {:>8.2}  pdf {:>8.1}  pages {:>5}  evaluate {:>8.1}  max RSS {:>6.1} MB",
            r.programs,
            ms(r.eval_markdown),
            ms(r.eval_pdf),
            r.eval_pages,
            ms(r.eval_wall),
            r.eval_rss_kb as f64 / 1024.0
        );
    }
    println!();
    println!("other writers of the same Markdown (median ms; target: each within the pdf time):");
    for r in &rows {
        let verdict = |d: Duration| if d <= r.pdf { "ok" } else { "MISSED" };
        println!(
            "{:>10} pdf {:>8.1}  docx {:>8.1} {} ({} KB)  html {:>8.1} {} ({} KB)",
            r.programs,
            ms(r.pdf),
            ms(r.docx),
            verdict(r.docx),
            r.docx_kb,
            ms(r.html),
            verdict(r.html),
            r.html_kb
        );
    }
    println!();
    println!("worksheet (median ms; import includes its check; heap in-process):");
    for r in &rows {
        println!(
            "{:>10} export {:>8.1}  import {:>8.1}  xlsx {:>6} KB  heap {:>6.1} MB  ({:.1} + {:.1} µs/programme)",
            r.programs,
            ms(r.worksheet_export),
            ms(r.worksheet_import),
            r.worksheet_kb,
            mb(r.worksheet_heap),
            r.worksheet_export.as_secs_f64() * 1e6 / r.programs as f64,
            r.worksheet_import.as_secs_f64() * 1e6 / r.programs as f64
        );
    }
    println!();
    println!("per programme (linearity):");
    for r in &rows {
        let n = r.programs as f64;
        println!(
            "{:>10} check+markdown {:>7.1} µs/programme, generate {:>7.1} µs/programme, evaluate {:>7.1} µs/programme, docx {:>7.1} µs/programme, html {:>7.1} µs/programme",
            r.programs,
            (r.check + r.markdown).as_secs_f64() * 1e6 / n,
            r.process_wall.as_secs_f64() * 1e6 / n,
            r.eval_wall.as_secs_f64() * 1e6 / n,
            r.docx.as_secs_f64() * 1e6 / n,
            r.html.as_secs_f64() * 1e6 / n
        );
    }
    println!();
    println!("targets: check+markdown < 10 ms (60) and < 300 ms (3000), heap < 100 MB;");
    println!("         generate (md+pdf) < 50 ms and 40 MB (60), < 2 s and 300 MB (3000)");
    for r in &rows {
        let cm = ms(r.check + r.markdown);
        let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
        match r.programs {
            60 => println!(
                "  60: check+markdown {cm:.1} ms {}, heap {:.1} MB {}; generate {:.0} ms {}; RSS {:.1} MB {}",
                verdict(cm < 10.0),
                mb(r.md_heap),
                verdict(r.md_heap < 100 << 20),
                ms(r.process_wall),
                verdict(ms(r.process_wall) < 50.0),
                r.process_rss_kb as f64 / 1024.0,
                verdict(r.process_rss_kb < 40 * 1024)
            ),
            3000 => {
                println!(
                    "  3000: check+markdown {cm:.1} ms {}, heap {:.1} MB {}; generate {:.0} ms {}; RSS {:.1} MB {}",
                    verdict(cm < 300.0),
                    mb(r.md_heap),
                    verdict(r.md_heap < 100 << 20),
                    ms(r.process_wall),
                    verdict(ms(r.process_wall) < 2000.0),
                    r.process_rss_kb as f64 / 1024.0,
                    verdict(r.process_rss_kb < 300 * 1024)
                );
                println!(
                    "  3000: evaluate {:.0} ms {} (within generate's budget of 2 s); RSS {:.1} MB {}",
                    ms(r.eval_wall),
                    verdict(ms(r.eval_wall) < 2000.0),
                    r.eval_rss_kb as f64 / 1024.0,
                    verdict(r.eval_rss_kb < 300 * 1024)
                );
            }
            _ => {}
        }
    }
}
