//! Typeset arbitrary Markdown (a minimal front matter is put before a body without one): no
//! panic, any body lays out and draws, and the DOCX and HTML writers take it too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = std::env::temp_dir();
    if let Err(e) = masterplan::fuzzing::run_markdown(text, &base, true) {
        panic!("{e}");
    }
});
