//! JSON Schemas (draft-07, what yaml-language-server reads) of the input files, generated from
//! the model types with schemars: descriptions from the doc comments, enums for the closed sets,
//! `additionalProperties: false` wherever the loader rejects unknown keys.
//!
//! For a project, the pokja schema also knows the project's own OPD codes (`coordinator`,
//! `members`, `lead`, `support`), the taxonomy's dimensions and each dimension's element keys
//! (`element`, per `dimension`), and the programme ids (`depends_on`); the monitoring schema
//! knows the programme ids (the keys of `programs`). `check` stays the authority: on a valid
//! project the schemas accept every file.
//!
//! Every field's description comes from [`descriptions`] (English and Bahasa Indonesia, keyed by
//! `Type.field`), in the project's language (English for the generic schemas), with examples and
//! the ranges `check` enforces.

pub mod descriptions;

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::model::{Language, Masterplan, Monitoring, Pokja, Project};
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
    /// The project's language: the language of the descriptions.
    pub language: Language,
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
            language: project.masterplan.language,
        }
    }
}

fn generate<T: schemars::JsonSchema>(title: &str, root: &str, english: bool) -> Value {
    let mut generator = SchemaSettings::draft07().for_deserialize().into_generator();
    let mut schema = generator.root_schema_for::<T>().to_value();
    describe(&mut schema, root, english);
    if let Some(map) = schema.as_object_mut() {
        map.insert("title".into(), Value::String(title.into()));
    }
    schema
}

/// Whether the descriptions of `context`'s schemas are English (the generic schemas are).
fn english(context: Option<&Context>) -> bool {
    context.is_none_or(|c| c.language == Language::En)
}

/// The schema of `masterplan.yaml`.
pub fn masterplan() -> Value {
    masterplan_in(None)
}

/// The schema of `masterplan.yaml` with the descriptions in `context`'s language.
pub fn masterplan_in(context: Option<&Context>) -> Value {
    generate::<Masterplan>("masterplan.yaml", "Masterplan", english(context))
}

/// The schema of the taxonomy files (`taxonomy: path/to/file.yaml`).
pub fn taxonomy() -> Value {
    taxonomy_in(None)
}

/// The schema of the taxonomy files with the descriptions in `context`'s language.
pub fn taxonomy_in(context: Option<&Context>) -> Value {
    generate::<Taxonomy>("taxonomy file", "Taxonomy", english(context))
}

/// Set the description (in English or Indonesian), the examples and the range of every
/// property of the root and of every definition, from [`descriptions`].
fn describe(schema: &mut Value, root: &str, english: bool) {
    describe_type(schema, root, english);
    describe_properties(schema.get_mut("properties"), root, english);
    if let Some(definitions) = schema.get_mut("definitions").and_then(Value::as_object_mut) {
        for (name, definition) in definitions.iter_mut() {
            describe_type(definition, name, english);
            describe_properties(definition.get_mut("properties"), name, english);
        }
    }
}

/// The description of a type and of the values of a closed set (`oneOf` of `const`s).
fn describe_type(node: &mut Value, name: &str, english: bool) {
    if let Some(text) = descriptions::text(name, english)
        && let Some(map) = node.as_object_mut()
    {
        map.insert("description".into(), Value::String(text.into()));
    }
    let Some(variants) = node.get_mut("oneOf").and_then(Value::as_array_mut) else {
        return;
    };
    for variant in variants {
        let Some(value) = variant.get("const").and_then(Value::as_str) else {
            continue;
        };
        if let Some(text) = descriptions::text(&format!("{name}={value}"), english)
            && let Some(map) = variant.as_object_mut()
        {
            map.insert("description".into(), Value::String(text.into()));
        }
    }
}

fn describe_properties(properties: Option<&mut Value>, owner: &str, english: bool) {
    let Some(properties) = properties.and_then(Value::as_object_mut) else {
        return;
    };
    for (field, node) in properties.iter_mut() {
        let key = format!("{owner}.{field}");
        let Some(map) = node.as_object_mut() else {
            continue;
        };
        // Keywords beside `$ref` are ignored in draft-07: wrap it, as schemars does.
        if let Some(reference) = map.remove("$ref") {
            map.insert("allOf".into(), json!([{ "$ref": reference }]));
        }
        if let Some(text) = descriptions::text(&key, english) {
            map.insert("description".into(), Value::String(text.into()));
        }
        if let Some((_, examples)) = descriptions::EXAMPLES.iter().find(|(k, _)| *k == key)
            && let Ok(examples) = serde_json::from_str::<Value>(examples)
        {
            map.insert("examples".into(), examples);
        }
        if let Some((_, min, max)) = descriptions::RANGES.iter().find(|(k, _, _)| *k == key) {
            map.insert("minimum".into(), json!(min));
            map.insert("maximum".into(), json!(max));
        }
    }
}

/// The schema of `pokja/<dimension>.yaml`, knowing the project's names when `context` is given.
pub fn pokja(context: Option<&Context>) -> Value {
    let mut schema = generate::<Pokja>("pokja/<dimension>.yaml", "Pokja", english(context));
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
    let mut schema =
        generate::<Monitoring>("monitoring/<year>.yaml", "Monitoring", english(context));
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
        masterplan_in(context),
        pokja(context),
        monitoring(context),
        taxonomy_in(context),
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

    /// Every property of every schema (the root's and each definition's), named `Type.field`.
    fn property_keys(schema: &Value, root: &str) -> Vec<String> {
        let mut keys = Vec::new();
        let mut add = |owner: &str, node: &Value| {
            if let Some(p) = node.get("properties").and_then(Value::as_object) {
                keys.extend(p.keys().map(|f| format!("{owner}.{f}")));
            }
        };
        add(root, schema);
        if let Some(d) = schema.get("definitions").and_then(Value::as_object) {
            for (name, definition) in d {
                add(name, definition);
            }
        }
        keys
    }

    #[test]
    fn every_property_has_a_description_in_both_languages() {
        let id = Context::default();
        let en = Context {
            language: Language::En,
            ..Context::default()
        };
        let roots = ["Masterplan", "Pokja", "Monitoring", "Taxonomy"];
        let mut missing = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for context in [&id, &en] {
            let english = context.language == Language::En;
            for ((_, text), root) in files(Some(context)).iter().zip(roots) {
                let schema: Value = serde_json::from_str(text).unwrap();
                for key in property_keys(&schema, root) {
                    seen.insert(key.clone());
                    let (owner, field) = key.split_once('.').unwrap();
                    let node = if owner == root {
                        &schema["properties"][field]
                    } else {
                        &schema["definitions"][owner]["properties"][field]
                    };
                    let description = node["description"].as_str().unwrap_or("");
                    if description.trim().is_empty()
                        || descriptions::text(&key, english) != Some(description)
                    {
                        missing.push(format!("{key} ({})", if english { "en" } else { "id" }));
                    }
                }
            }
        }
        // Every type and closed-set value that has a description has it in both languages.
        for context in [&id, &en] {
            let english = context.language == Language::En;
            for ((_, text), root) in files(Some(context)).iter().zip(roots) {
                let schema: Value = serde_json::from_str(text).unwrap();
                let mut types = vec![(root.to_string(), &schema)];
                if let Some(d) = schema.get("definitions").and_then(Value::as_object) {
                    types.extend(d.iter().map(|(k, v)| (k.clone(), v)));
                }
                for (name, node) in types {
                    let mut described = vec![(name.clone(), node)];
                    if let Some(variants) = node.get("oneOf").and_then(Value::as_array) {
                        described.extend(variants.iter().filter_map(|v| {
                            Some((format!("{name}={}", v.get("const")?.as_str()?), v))
                        }));
                    }
                    for (key, node) in described {
                        seen.insert(key.clone());
                        if let Some(d) = node.get("description").and_then(Value::as_str)
                            && descriptions::text(&key, english) != Some(d)
                        {
                            missing.push(format!("{key} ({})", if english { "en" } else { "id" }));
                        }
                    }
                }
            }
        }
        assert_eq!(
            missing,
            Vec::<String>::new(),
            "add them to schema/descriptions.rs"
        );
        // No entry of the table names a field that does not exist.
        let unused: Vec<&str> = descriptions::TEXTS
            .iter()
            .chain(descriptions::TYPES)
            .map(|(k, _, _)| *k)
            .chain(descriptions::EXAMPLES.iter().map(|(k, _)| *k))
            .chain(descriptions::RANGES.iter().map(|(k, _, _)| *k))
            .filter(|k| !seen.contains(*k))
            .collect();
        assert_eq!(unused, Vec::<&str>::new());
        // The Indonesian and English texts differ (a translation, not a copy).
        let copies: Vec<&str> = descriptions::TEXTS
            .iter()
            .chain(descriptions::TYPES)
            .filter(|(_, en, id)| en == id)
            .map(|(k, _, _)| *k)
            .collect();
        assert_eq!(copies, Vec::<&str>::new());
    }

    #[test]
    fn the_closed_sets_are_enums() {
        let p = pokja(None);
        let d = &p["definitions"];
        // A closed set is an `enum`, or a `oneOf` of `enum`s and `const`s (values that carry a
        // description); yaml-language-server offers the values of both.
        let values = |node: &Value| -> Vec<String> {
            let parts = node
                .get("oneOf")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_else(|| vec![node.clone()]);
            parts
                .iter()
                .flat_map(|v| {
                    v.get("enum")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_else(|| vec![v["const"].clone()])
                })
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        };
        let sources = values(&d["BudgetSource"]);
        for source in ["apbd", "apbn", "dak", "dana_desa", "apbdes", "add", "csr"] {
            assert!(sources.iter().any(|s| s == source), "{source}: {sources:?}");
        }
        assert_eq!(values(&d["Direction"]), ["increase", "decrease"]);
        let program = &d["Program"]["properties"];
        assert_eq!(program["risks"]["items"]["$ref"], "#/definitions/Risk");
        assert_eq!(d["Risk"]["properties"]["likelihood"]["maximum"], json!(5.0));
        assert_eq!(
            d["ReadinessScore"]["properties"]["target"]["minimum"],
            json!(1.0)
        );
        let root = &p["properties"];
        for so in ["so", "wo", "st", "wt"] {
            assert!(d["Strategies"]["properties"][so].is_object(), "{so}");
        }
        assert!(root["strategies"].is_object() && root["omitted_elements"].is_object());
        let m = masterplan();
        assert_eq!(
            m["definitions"]["RegionType"]["enum"],
            json!(["kabupaten", "kota", "provinsi", "desa"])
        );
        assert_eq!(m["definitions"]["Language"]["enum"], json!(["id", "en"]));
        let mon = monitoring(None);
        assert_eq!(
            mon["definitions"]["Status"]["enum"],
            json!(["not_started", "on_track", "delayed", "done", "cancelled"])
        );
        assert_eq!(
            mon["properties"]["programs"]["additionalProperties"]["$ref"],
            "#/definitions/ProgramReport"
        );
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
