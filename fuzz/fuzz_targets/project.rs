//! Load and check a project from bytes (`#>> path` lines separate the files; see
//! masterplan::fuzzing): no panic, every error diagnostic located.
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
    if let Err(e) = fuzzing::run_project(dir.path(), Depth::Check) {
        panic!("{e}");
    }
});
