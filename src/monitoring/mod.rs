//! Monitoring files (`monitoring/<year>.yaml`): what was carried out in each year of the period.
//!
//! - [`load`]: the files of a project's monitoring/ folder read into the model
//!   ([`crate::model::MonitoringFile`]), with the same recovery as pokja files (a programme entry
//!   or a field with a type-level mistake is reported and left out, the rest still checked), and
//!   the folder's stray entries reported or ignored;
//! - [`rules`]: the rules of the input contract on the loaded files, and on the `evaluation`
//!   weights of masterplan.yaml;
//! - [`scaffold`]: the file `masterplan monitoring new YEAR` writes.
//!
//! Codes: E0120-E0129 (masterplan.yaml `evaluation`), E0301-E0349 and W0301-W0349
//! (docs/reference/diagnostics.md).

pub mod load;
pub mod rules;
pub mod scaffold;

pub use rules::{validate, validate_evaluation};
