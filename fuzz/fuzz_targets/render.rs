//! A project from bytes through the whole pipeline: load, check, plan, render and typeset
//! (Markdown and PDF) when it checks clean. No panic, a clean project always renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masterplan::fuzzing::{self, Depth};

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    if fuzzing::write_project(dir.path(), &fuzzing::split(data)).is_err() {
        return;
    }
    if let Err(e) = fuzzing::run_project(dir.path(), Depth::Pdf) {
        panic!("{e}");
    }
});
