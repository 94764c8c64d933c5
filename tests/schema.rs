//! `masterplan schema` on the real binary: the schemas are draft-07 JSON, both examples (and a
//! scaffolded monitoring file, and the built-in taxonomy) validate against them, and a misspelt
//! key, an unknown OPD code, a wrong type or an element of another dimension fails them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{copy_tree, masterplan, repo};
use serde_json::Value;

const FILES: [&str; 4] = [
    "masterplan.schema.json",
    "pokja.schema.json",
    "monitoring.schema.json",
    "taxonomy.schema.json",
];

fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap();
    serde_saphyr::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml_str(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap()
}

fn validator(dir: &Path, name: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&fs::read_to_string(dir.join(name)).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance).map(|e| e.to_string()).collect()
}

/// A copy of an example with its schemas written by `masterplan schema`.
fn project(example: &str, parent: &Path) -> (PathBuf, PathBuf) {
    let dir = parent.join(example);
    copy_tree(&repo().join("examples").join(example), &dir);
    // Without the example's monitoring files (they carry deliberate warnings; the test writes
    // its own with `monitoring new`).
    let _ = fs::remove_dir_all(dir.join("monitoring"));
    let out = masterplan().arg("schema").arg(&dir).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let schemas = dir.join(".masterplan/schema");
    (dir, schemas)
}

#[test]
fn the_examples_validate_against_their_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    for example in ["banggai", "makassar", "sinjai-desa"] {
        let (dir, schemas) = project(example, tmp.path());
        let m = validator(&schemas, "masterplan.schema.json");
        assert_eq!(
            errors(&m, &yaml(&dir.join("masterplan.yaml"))),
            Vec::<String>::new()
        );
        let p = validator(&schemas, "pokja.schema.json");
        let mut count = 0;
        for entry in fs::read_dir(dir.join("pokja")).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(
                errors(&p, &yaml(&path)),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            count += 1;
        }
        assert!(count >= 5);
        // A monitoring file as `monitoring new` writes it.
        // A year inside the example's period (the village plan starts in 2025).
        let year = if example == "sinjai-desa" {
            "2025"
        } else {
            "2024"
        };
        masterplan()
            .args(["monitoring", "new", year])
            .arg(&dir)
            .assert()
            .code(0);
        let mon = validator(&schemas, "monitoring.schema.json");
        assert_eq!(
            errors(&mon, &yaml(&dir.join(format!("monitoring/{year}.yaml")))),
            Vec::<String>::new()
        );
        let t = validator(&schemas, "taxonomy.schema.json");
        assert_eq!(
            errors(&t, &yaml(&repo().join("taxonomies/kominfo-2017.yaml"))),
            Vec::<String>::new()
        );
    }
}

#[test]
fn mistakes_fail_the_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, schemas) = project("banggai", tmp.path());
    let p = validator(&schemas, "pokja.schema.json");
    let living = fs::read_to_string(dir.join("pokja/living.yaml")).unwrap();
    assert!(p.is_valid(&yaml_str(&living)));
    let broken = |from: &str, to: &str| {
        assert!(living.contains(from), "{from}");
        yaml_str(&living.replacen(from, to, 1))
    };
    // A misspelt key.
    assert!(!p.is_valid(&broken("lead: DINKES", "laed: DINKES")));
    // An unknown OPD code.
    let e = errors(&p, &broken("lead: DINKES", "lead: DINKESS"));
    assert!(e.iter().any(|m| m.contains("DINKESS")), "{e:?}");
    // A wrong type.
    assert!(!p.is_valid(&broken("start: ", "start: soon #")));
    // An element of another dimension (an element key of governance in the living file).
    let governance = yaml(&dir.join("pokja/governance.yaml"));
    let other = governance["programs"][0]["element"]
        .as_str()
        .unwrap()
        .to_string();
    let own = yaml_str(&living)["programs"][0]["element"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!p.is_valid(&broken(
        &format!("element: {own}"),
        &format!("element: {other}")
    )));
    // An unknown programme id in depends_on.
    let mut value = yaml_str(&living);
    value["programs"][0]["depends_on"] = serde_json::json!(["NOPE-99"]);
    assert!(!p.is_valid(&value));

    let m = validator(&schemas, "masterplan.schema.json");
    let text = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    assert!(!m.is_valid(&yaml_str(&text.replacen("vision:", "visoin:", 1))));
    assert!(!m.is_valid(&yaml_str(&text.replacen(
        "type: kabupaten",
        "type: county",
        1
    ))));
}

#[test]
fn generic_schemas_without_a_project_and_no_overwriting() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let out = tmp.path().join("schemas");
    masterplan()
        .arg("schema")
        .arg(&empty)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    let p = validator(&out, "pokja.schema.json");
    // Without a project any OPD code is accepted, but not a misspelt key.
    let living = fs::read_to_string(repo().join("examples/banggai/pokja/living.yaml")).unwrap();
    assert!(p.is_valid(&yaml_str(&living.replacen("lead: DINKES", "lead: ANY", 1))));
    assert!(!p.is_valid(&yaml_str(&living.replacen(
        "lead: DINKES",
        "laed: DINKES",
        1
    ))));
    // Identical runs, identical bytes; a rerun replaces its own files.
    let before = fs::read(out.join("pokja.schema.json")).unwrap();
    masterplan()
        .arg("schema")
        .arg(&empty)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    assert_eq!(fs::read(out.join("pokja.schema.json")).unwrap(), before);
    // A folder holding a file of the same name that masterplan did not write: refused.
    let other = tmp.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("pokja.schema.json"), "{}").unwrap();
    let result = masterplan()
        .arg("schema")
        .arg(&empty)
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&result.stderr).contains("error[E9011]"));
    assert_eq!(
        fs::read_to_string(other.join("pokja.schema.json")).unwrap(),
        "{}"
    );
    assert_eq!(fs::read_dir(&other).unwrap().count(), 1);
}

#[test]
fn generic_schemas_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("s");
    masterplan()
        .arg("schema")
        .arg(tmp.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    for name in [
        "masterplan.schema.json",
        "pokja.schema.json",
        "monitoring.schema.json",
        "taxonomy.schema.json",
    ] {
        let text = fs::read_to_string(out.join(name)).unwrap();
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn a_project_that_cannot_be_read_gets_no_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("masterplan.yaml"), "region: [\n").unwrap();
    let out = masterplan().arg("schema").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[E9103]"));
    assert!(!tmp.path().join(".masterplan").exists());
}

#[test]
fn check_notices_stale_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project("banggai", tmp.path());
    masterplan()
        .arg("check")
        .arg(&dir)
        .arg("--deny-warnings")
        .assert()
        .code(0);
    // A new OPD: the pokja schema no longer offers every code.
    let m = dir.join("masterplan.yaml");
    let text = fs::read_to_string(&m).unwrap();
    let text = text.replacen(
        "opd:\n",
        "opd:\n  - code: DISNAKER\n    name: Dinas Tenaga Kerja\n",
        1,
    );
    fs::write(&m, text).unwrap();
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(line["code"], "W9100");
    assert_eq!(line["file"], ".masterplan/schema/pokja.schema.json");
    assert!(line["hint"].as_str().unwrap().contains("masterplan schema"));
    masterplan().arg("schema").arg(&dir).assert().code(0);
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("W9100"));
}

#[test]
fn schemas_of_a_freshly_initialised_project_accept_its_files() {
    // `init` into a folder named relatively (`ni`, whose parent is the empty path).
    let tmp = tempfile::tempdir().unwrap();
    masterplan()
        .current_dir(tmp.path())
        .args([
            "init",
            "ni",
            "--region",
            "Banggai",
            "--type",
            "kabupaten",
            "--province",
            "Sulawesi Tengah",
            "--start-year",
            "2023",
        ])
        .assert()
        .code(0);
    let dir = tmp.path().join("ni");
    let schemas = dir.join(".masterplan/schema");
    // `init` wrote the schemas `schema` writes, and marked them as its own: `schema` replaces
    // them without --force, byte for byte the same, and `check` finds them current.
    let read = |name: &str| fs::read(schemas.join(name)).unwrap();
    let by_init: Vec<Vec<u8>> = FILES.iter().map(|n| read(n)).collect();
    masterplan()
        .current_dir(tmp.path())
        .args(["schema", "ni"])
        .assert()
        .code(0);
    let by_schema: Vec<Vec<u8>> = FILES.iter().map(|n| read(n)).collect();
    assert!(by_init == by_schema, "init and schema write the same bytes");
    let out = masterplan()
        .current_dir(tmp.path())
        .args(["check", "ni", "--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8(out.stdout).unwrap().contains("W9100"));
    // Every scaffolded file names its schema, relative to itself, on its first line.
    let first = |path: &Path| {
        let text = fs::read_to_string(path).unwrap();
        text.lines().next().unwrap().to_string()
    };
    assert_eq!(
        first(&dir.join("masterplan.yaml")),
        "# yaml-language-server: $schema=.masterplan/schema/masterplan.schema.json"
    );
    for entry in fs::read_dir(dir.join("pokja")).unwrap() {
        assert_eq!(
            first(&entry.unwrap().path()),
            "# yaml-language-server: $schema=../.masterplan/schema/pokja.schema.json"
        );
    }
    masterplan()
        .current_dir(tmp.path())
        .args(["monitoring", "new", "2024", "ni"])
        .assert()
        .code(0);
    assert_eq!(
        first(&dir.join("monitoring/2024.yaml")),
        "# yaml-language-server: $schema=../.masterplan/schema/monitoring.schema.json"
    );
    let m = validator(&schemas, "masterplan.schema.json");
    assert_eq!(
        errors(&m, &yaml(&dir.join("masterplan.yaml"))),
        Vec::<String>::new()
    );
    let p = validator(&schemas, "pokja.schema.json");
    for entry in fs::read_dir(dir.join("pokja")).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(
            errors(&p, &yaml(&path)),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn descriptions_are_in_the_project_language() {
    let tmp = tempfile::tempdir().unwrap();
    let lead = |lang: &str| {
        let dir = tmp.path().join(lang);
        masterplan()
            .arg("init")
            .arg(&dir)
            .args(["--region", "Buton", "--type", "kabupaten"])
            .args(["--province", "Sulawesi Tenggara", "--start-year", "2024"])
            .args(["--language", lang])
            .assert()
            .code(0);
        let text = fs::read_to_string(dir.join(".masterplan/schema/pokja.schema.json")).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        let lead = &schema["definitions"]["Program"]["properties"]["lead"];
        // The project's OPD codes, and the examples and ranges in both languages.
        assert!(lead["enum"].as_array().unwrap().len() > 3, "{lead}");
        let effort = &schema["definitions"]["Program"]["properties"]["effort"];
        assert_eq!(
            (&effort["minimum"], &effort["maximum"]),
            (&1.0.into(), &5.0.into())
        );
        lead["description"].as_str().unwrap().to_string()
    };
    assert_eq!(lead("id"), "Kode OPD penanggung jawab program.");
    assert_eq!(lead("en"), "The owning OPD code.");
}
