//! The taxonomy: the dimensions of the smart-city framework and the elements of each, as data.
//! The built-in `kominfo-2017` ships inside the binary; a project may name its own file with the
//! same structure. Nothing else in the crate hard-codes the dimensions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Language;

/// Built-in taxonomies: name and YAML source.
pub const BUILTIN: &[(&str, &str)] = &[(
    "kominfo-2017",
    include_str!("../taxonomies/kominfo-2017.yaml"),
)];

/// The name used when `masterplan.yaml` names no taxonomy.
pub const DEFAULT_NAME: &str = "kominfo-2017";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    pub name: String,
    #[serde(default)]
    pub label: Option<Label>,
    pub dimensions: Vec<Dimension>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub key: String,
    pub label: Label,
    pub elements: Vec<Element>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub key: String,
    pub label: Label,
}

/// A text in both document languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    pub en: String,
}

impl Label {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Id => &self.id,
            Language::En => &self.en,
        }
    }
}

impl Taxonomy {
    /// The built-in taxonomy with this name.
    pub fn builtin(name: &str) -> Option<Taxonomy> {
        let (_, src) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        // The built-in files are tested to parse; a failure here is a build defect, not user input.
        crate::yaml::from_str::<Taxonomy>(src, name).ok()
    }

    /// The default taxonomy (`kominfo-2017`).
    pub fn default_builtin() -> Taxonomy {
        Taxonomy::builtin(DEFAULT_NAME).expect("built-in taxonomy parses")
    }

    pub fn dimension(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    /// Position of a dimension in the taxonomy, used to order everything by dimension.
    pub fn dimension_index(&self, key: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d.key == key)
    }

    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(n, _)| *n)
    }
}

impl Dimension {
    pub fn element(&self, key: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_kominfo_has_six_dimensions_of_three_elements() {
        let t = Taxonomy::default_builtin();
        assert_eq!(t.name, "kominfo-2017");
        assert_eq!(t.dimensions.len(), 6);
        assert!(t.dimensions.iter().all(|d| d.elements.len() == 3));
        assert_eq!(t.dimension_index("environment"), Some(5));
        assert_eq!(
            t.dimension("economy")
                .unwrap()
                .element("welfare")
                .unwrap()
                .label
                .id,
            "Kesejahteraan Masyarakat"
        );
    }
}
