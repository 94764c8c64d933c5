//! Synthetic valid projects of a given size, for benchmarks and scale tests.

/// (path relative to the project folder, content) for a valid project with `programs` programmes.
pub fn project(programs: usize) -> Vec<(String, String)> {
    let _ = programs;
    Vec::new()
}
