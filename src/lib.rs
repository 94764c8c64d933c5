//! `masterplan`: turns a region's smart-city pokja inputs into its Masterplan Smart City.
//!
//! The data flows one way, one module per stage:
//! [`load`] (YAML to typed [`model`], with locations) -> [`validate`] (diagnostics) ->
//! [`plan`] (derived facts) -> [`render`] (minijinja templates to Markdown) ->
//! [`typeset`] (Markdown to PDF). [`check()`] runs the first two for `masterplan check`.

pub mod check;
pub mod diagnostic;
pub mod document;
pub mod docx;
pub mod evaluation;
pub mod fuzzing;
pub mod html;
pub mod input;
pub mod load;
pub mod model;
pub mod monitoring;
pub mod plan;
pub mod preview;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod score;
pub mod suggest;
pub mod synth;
pub mod taxonomy;
pub mod typeset;
pub mod user_text;
pub mod validate;
pub mod workbook;
pub mod worksheet;
pub mod yaml;

pub use check::{Checked, check};
