//! `masterplan`: turns a region's smart-city pokja inputs into its Masterplan Smart City.
//!
//! The data flows one way, one module per stage:
//! [`load`] (YAML to typed [`model`], with locations) -> [`validate`] (diagnostics) ->
//! [`plan`] (derived facts) -> [`render`] (minijinja templates to Markdown) ->
//! [`typeset`] (Markdown to PDF).

pub mod diagnostic;
pub mod model;
pub mod taxonomy;
pub mod typeset;
pub mod yaml;
