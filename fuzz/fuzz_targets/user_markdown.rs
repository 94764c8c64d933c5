//! A user Markdown field (description, foreword) stays inside its place: whatever it holds,
//! a heading after it is still a top-level heading, no raw HTML and no heading above the
//! container's level comes out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for level in [2, 5] {
        if let Err(e) = masterplan::fuzzing::user_markdown_contained(text, level) {
            panic!("{e}");
        }
    }
});
