//! The fuzzing harness on the stable toolchain (docs/design/fuzzing.md): replays every case of
//! the fuzz corpus (`fuzz/corpus/<target>/`), then runs seeded structural mutations of the
//! example projects and the diagnostics corpus through load, validate, render and layout.
//! No panic, every error diagnostic located, every clean project renders and lays out.
//!
//! `MASTERPLAN_FUZZ_ITERATIONS` (default 2000) sets the number of mutated projects and
//! `MASTERPLAN_FUZZ_SEED` runs the one mutation a failure names. A failing input is written to
//! `target/fuzz-failures/` as a project-as-bytes file, ready to go into fuzz/corpus/project/.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use masterplan::fuzzing::{self, Depth, Rng};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_files(target: &str) -> Vec<PathBuf> {
    let dir = repo().join("fuzz/corpus").join(target);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Run one project as bytes in a fresh folder; a panic becomes an `Err`.
fn run_bytes(data: &[u8], depth: Depth) -> Result<bool, String> {
    let tmp = tempfile::tempdir().unwrap();
    fuzzing::write_project(tmp.path(), &fuzzing::split(data)).unwrap();
    catch_unwind(AssertUnwindSafe(|| fuzzing::run_project(tmp.path(), depth)))
        .unwrap_or_else(|p| Err(format!("panic: {}", panic_text(&p))))
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

fn keep_failure(name: &str, data: &[u8]) -> PathBuf {
    let dir = repo().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p
}

#[test]
fn the_fuzz_corpus_replays() {
    let mut failures = Vec::new();
    for f in corpus_files("project") {
        let data = std::fs::read(&f).unwrap();
        if let Err(e) = run_bytes(&data, Depth::Layout) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    let base = tempfile::tempdir().unwrap();
    for f in corpus_files("markdown") {
        let data = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&data);
        // Laid out, and what lays out written by the DOCX and HTML writers too.
        let r = catch_unwind(AssertUnwindSafe(|| {
            fuzzing::run_markdown(&text, base.path(), false)
        }))
        .unwrap_or_else(|p| Err(format!("panic: {}", panic_text(&p))));
        if let Err(e) = r {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    for f in corpus_files("user_markdown") {
        let data = std::fs::read(&f).unwrap();
        let text = String::from_utf8_lossy(&data);
        for level in [2, 5] {
            if let Err(e) = fuzzing::user_markdown_contained(&text, level) {
                failures.push(format!("{} at level {level}: {e}", f.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The seeds: the two examples and every case of the diagnostics corpus.
fn seeds() -> Vec<Vec<(String, Vec<u8>)>> {
    let mut dirs: Vec<PathBuf> = vec![
        repo().join("examples/banggai"),
        repo().join("examples/makassar"),
    ];
    let mut cases: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    dirs.extend(cases);
    let seeds: Vec<_> = dirs
        .iter()
        .map(|d| fuzzing::read_project(d))
        .filter(|f| !f.is_empty())
        .collect();
    assert!(dirs[2].ends_with("_valid"), "the clean seeds come first");
    seeds
}

/// The seeds that check clean (the two examples and tests/corpus/_valid, first in [`seeds`]).
const CLEAN_SEEDS: usize = 3;

/// Mutation `seed`: 1-4 mutations of any seed, or for `deep` one mutation of a clean seed (so
/// it often still checks clean and goes on through render and layout).
fn mutated(seeds: &[Vec<(String, Vec<u8>)>], seed: u64, deep: bool) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let pool = if deep { &seeds[..CLEAN_SEEDS] } else { seeds };
    let mut files = rng.pick(pool).clone();
    let n = if deep { 1 } else { 1 + rng.below(4) };
    for _ in 0..n {
        fuzzing::mutate(&mut files, &mut rng);
    }
    fuzzing::join(&files)
}

/// The mutations run in two halves (two tests, so two threads): seeds below and above the middle.
#[test]
fn seeded_mutations_never_break_an_invariant_even() {
    mutations(0);
}

#[test]
fn seeded_mutations_never_break_an_invariant_odd() {
    mutations(1);
}

fn mutations(half: u64) {
    let seeds = seeds();
    let iterations: u64 = std::env::var("MASTERPLAN_FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let only: Option<u64> = std::env::var("MASTERPLAN_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok());
    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    let mut ok = 0;
    let mut laid_out = 0;
    let range: Vec<u64> = match only {
        Some(s) if half == 0 => vec![s],
        Some(_) => Vec::new(),
        None if half == 0 => (0..iterations / 2).collect(),
        None => (iterations / 2..iterations).collect(),
    };
    for seed in range {
        // Every 4th mutation is of a clean seed and goes on through render and layout when it
        // still checks clean (the layout is the costly part of a debug build).
        let deep = seed % 4 == 0;
        let data = mutated(&seeds, seed, deep);
        let depth = if deep { Depth::Layout } else { Depth::Check };
        match run_bytes(&data, depth) {
            Ok(rendered) => {
                ok += 1;
                laid_out += usize::from(rendered);
            }
            Err(e) => {
                let kept = keep_failure(&format!("mutation-{seed}"), &data);
                failures.push(format!(
                    "seed {seed} ({}): {e}\n  rerun: MASTERPLAN_FUZZ_SEED={seed} cargo test --test fuzz_replay",
                    kept.display()
                ));
            }
        }
    }
    eprintln!(
        "{ok} mutated projects kept every invariant ({laid_out} of them checked clean and were rendered and laid out) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_harness_splits_what_it_joins() {
    for files in seeds() {
        let joined = fuzzing::join(&files);
        let back = fuzzing::split(&joined);
        assert_eq!(back.len(), files.len());
        let tmp = tempfile::tempdir().unwrap();
        fuzzing::write_project(tmp.path(), &back).unwrap();
        assert!(
            Path::new(&tmp.path().join("masterplan.yaml")).exists()
                || files[0].0 != "masterplan.yaml"
        );
    }
}
