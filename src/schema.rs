//! JSON Schemas (draft-07, what yaml-language-server reads) of the input files, generated from
//! the model types with schemars: descriptions from the doc comments, enums for the closed sets,
//! `additionalProperties: false` wherever the loader rejects unknown keys.
//!
//! For a project, the pokja schema also knows the project's own OPD codes (`coordinator`,
//! `members`, `lead`, `support`), the taxonomy's dimensions and each dimension's element keys
//! (`element`, per `dimension`), and the programme ids (`depends_on`); the monitoring schema
//! knows the programme ids (the keys of `programs`). `check` stays the authority: on a valid
//! project the schemas accept every file.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::model::{Masterplan, Monitoring, Pokja, Project};
use crate::taxonomy::Taxonomy;

/// The schema files, in the order they are written.
pub const FILES: [&str; 4] = [
    "masterplan.schema.json",
    "pokja.schema.json",
    "monitoring.schema.json",
    "taxonomy.schema.json",
];

/// Where `init` and `schema` write the schemas, relative to the project folder.
pub const DIR: &str = ".masterplan/schema";

/// The schema file of an input file named relative to the project folder (`masterplan.yaml`,
/// `pokja/economy.yaml`, `monitoring/2024.yaml`); `None` for other files.
pub fn schema_of(file: &str) -> Option<&'static str> {
    let file = file.replace('\\', "/");
    let file = file.trim_start_matches("./");
    if file == "masterplan.yaml" {
        Some(FILES[0])
    } else if file.starts_with("pokja/") && file.ends_with(".yaml") {
        Some(FILES[1])
    } else if file.starts_with("monitoring/") && file.ends_with(".yaml") {
        Some(FILES[2])
    } else {
        None
    }
}

/// The first line of a scaffolded input file that tells yaml-language-server (VS Code's YAML
/// extension) its schema: `# yaml-language-server: $schema=../.masterplan/schema/pokja.schema.json`,
/// the path relative to the file, so the editor completes and validates offline.
pub fn modeline(file: &str) -> Option<String> {
    let schema = schema_of(file)?;
    let file = file.replace('\\', "/");
    let depth = file.trim_start_matches("./").matches('/').count();
    Some(format!(
        "{MODELINE_PREFIX}{}{DIR}/{schema}",
        "../".repeat(depth)
    ))
}

/// How a schema line starts.
pub const MODELINE_PREFIX: &str = "# yaml-language-server: $schema=";

/// `text` starting with the [`modeline`] of `file` (a schema line already there is replaced).
pub fn with_modeline(file: &str, text: &str) -> String {
    let Some(line) = modeline(file) else {
        return text.to_string();
    };
    let rest = if text.starts_with(MODELINE_PREFIX) {
        text.split_once('\n').map_or("", |(_, r)| r)
    } else {
        text
    };
    format!("{line}\n{rest}")
}

/// What a project adds to the generic schemas.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The OPD codes of masterplan.yaml, in its order.
    pub opd_codes: Vec<String>,
    /// Each dimension key of the taxonomy with its element keys.
    pub dimensions: Vec<(String, Vec<String>)>,
    /// Every programme id of the pokja files, in document order.
    pub program_ids: Vec<String>,
}

impl Context {
    /// The context of a loaded project and its taxonomy.
    pub fn of(project: &Project, taxonomy: &Taxonomy) -> Self {
        Context {
            opd_codes: project
                .masterplan
                .opd
                .iter()
                .map(|o| o.code.clone())
                .collect(),
            dimensions: taxonomy
                .dimensions
                .iter()
                .map(|d| {
                    (
                        d.key.clone(),
                        d.elements.iter().map(|e| e.key.clone()).collect(),
                    )
                })
                .collect(),
            program_ids: project.programs().map(|(_, p)| p.id.clone()).collect(),
        }
    }
}

fn generate<T: schemars::JsonSchema>(title: &str) -> Value {
    let mut generator = SchemaSettings::draft07().for_deserialize().into_generator();
    let mut schema = generator.root_schema_for::<T>().to_value();
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), Value::String(title.into()));
    }
    schema
}

/// The schema of `masterplan.yaml`.
pub fn masterplan() -> Value {
    generate::<Masterplan>("masterplan.yaml")
}

/// The schema of the taxonomy files (`taxonomy: path/to/file.yaml`).
pub fn taxonomy() -> Value {
    generate::<Taxonomy>("taxonomy file")
}

/// The schema of `pokja/<dimension>.yaml`, knowing the project's names when `context` is given.
pub fn pokja(context: Option<&Context>) -> Value {
    let mut schema = generate::<Pokja>("pokja/<dimension>.yaml");
    let Some(c) = context else {
        return schema;
    };
    let codes = strings(&c.opd_codes);
    set(
        &mut schema,
        &["properties", "coordinator"],
        "enum",
        codes.clone(),
    );
    set(
        &mut schema,
        &["properties", "members", "items"],
        "enum",
        codes.clone(),
    );
    let program = ["definitions", "Program", "properties"];
    set(
        &mut schema,
        &with(&program, &["lead"]),
        "enum",
        codes.clone(),
    );
    set(
        &mut schema,
        &with(&program, &["support", "items"]),
        "enum",
        codes,
    );
    if !c.program_ids.is_empty() {
        set(
            &mut schema,
            &with(&program, &["depends_on", "items"]),
            "enum",
            strings(&c.program_ids),
        );
    }
    let dimensions: Vec<String> = c.dimensions.iter().map(|(d, _)| d.clone()).collect();
    set(
        &mut schema,
        &["properties", "dimension"],
        "enum",
        strings(&dimensions),
    );
    let all_elements: Vec<String> = c.dimensions.iter().flat_map(|(_, e)| e.clone()).collect();
    set(
        &mut schema,
        &with(&program, &["element"]),
        "enum",
        strings(&all_elements),
    );
    // The element keys of the file's own dimension.
    let per_dimension: Vec<Value> = c
        .dimensions
        .iter()
        .map(|(d, elements)| {
            json!({
                "if": { "properties": { "dimension": { "const": d } }, "required": ["dimension"] },
                "then": { "properties": { "programs": { "items": {
                    "properties": { "element": { "enum": elements } }
                } } } }
            })
        })
        .collect();
    if let Some(map) = schema.as_object_mut() {
        map.insert("allOf".into(), Value::Array(per_dimension));
    }
    schema
}

/// The schema of `monitoring/<year>.yaml`, knowing the programme ids when `context` is given.
pub fn monitoring(context: Option<&Context>) -> Value {
    let mut schema = generate::<Monitoring>("monitoring/<year>.yaml");
    if let Some(c) = context
        && !c.program_ids.is_empty()
    {
        set(
            &mut schema,
            &["properties", "programs"],
            "propertyNames",
            json!({ "enum": c.program_ids }),
        );
    }
    schema
}

/// Every schema file: (name, pretty JSON text ending in a newline). Identical inputs give
/// identical bytes.
pub fn files(context: Option<&Context>) -> Vec<(String, String)> {
    let schemas = [
        masterplan(),
        pokja(context),
        monitoring(context),
        taxonomy(),
    ];
    FILES
        .iter()
        .zip(schemas)
        .map(|(name, schema)| {
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            (name.to_string(), text)
        })
        .collect()
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().cloned().map(Value::String).collect())
}

fn with<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<&'a str> {
    a.iter().chain(b).copied().collect()
}

/// Set `key` to `value` in the object at `path` (created when missing).
fn set(schema: &mut Value, path: &[&str], key: &str, value: Value) {
    let mut at = schema;
    for step in path {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        at = at
            .as_object_mut()
            .expect("an object")
            .entry(step.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if let Some(map) = at.as_object_mut() {
        map.insert(key.to_string(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_line_is_relative_to_the_file() {
        assert_eq!(
            modeline("masterplan.yaml").unwrap(),
            "# yaml-language-server: $schema=.masterplan/schema/masterplan.schema.json"
        );
        assert_eq!(
            modeline("pokja/economy.yaml").unwrap(),
            "# yaml-language-server: $schema=../.masterplan/schema/pokja.schema.json"
        );
        assert_eq!(
            modeline("monitoring\\2024.yaml").unwrap(),
            "# yaml-language-server: $schema=../.masterplan/schema/monitoring.schema.json"
        );
        assert_eq!(modeline("logo.png"), None);
        let once = with_modeline("pokja/x.yaml", "# Pokja\ndimension: x\n");
        assert_eq!(with_modeline("pokja/x.yaml", &once), once);
        assert!(once.ends_with("\n# Pokja\ndimension: x\n"), "{once}");
    }

    #[test]
    fn schemas_are_draft07_and_closed() {
        let m = masterplan();
        assert_eq!(m["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(m["additionalProperties"], false);
        assert!(m["required"].as_array().unwrap().contains(&json!("vision")));
        let p = pokja(None);
        assert_eq!(
            p["definitions"]["Category"]["enum"],
            json!(["policy", "infrastructure", "application", "literacy"])
        );
    }
}
