//! All YAML parsing lives here (serde-saphyr). Placeholder: the loader work extends it with
//! locations, budgets and friendly errors.

use crate::diagnostic::Diagnostic;

/// Parse a YAML document into `T`.
#[allow(clippy::result_large_err)]
pub fn from_str<T: serde::de::DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str::<T>(src)
        .map_err(|e| Diagnostic::error("E0001", file, "", e.to_string()))
}
