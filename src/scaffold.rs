//! The files `masterplan init` writes: masterplan.yaml and the six pokja files, every field
//! commented (Indonesian, or English with `--language en`), one worked example per dimension.

use crate::model::{Language, RegionType, Year};

#[derive(Debug, Clone)]
pub struct InitOptions {
    pub region: String,
    pub kind: RegionType,
    pub province: Option<String>,
    pub start_year: Year,
    pub years: u32,
    pub language: Language,
}

/// (path relative to the project folder, content), in the order they should be written.
pub fn files(options: &InitOptions) -> Vec<(String, String)> {
    let _ = options;
    Vec::new()
}
