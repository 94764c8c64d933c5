//! Diagnostics in both languages, through the real binary: a table of inputs that triggers the
//! diagnostic codes (every case of tests/corpus, plus command-line, output, monitoring,
//! evaluation, template and worksheet mistakes), each run with `--lang en` and `--lang id`.
//!
//! - No message or hint of `en` lacks its Indonesian (the failure names the code and the text,
//!   and says where to add the entry);
//! - codes, files, positions, field paths and JSON keys are identical in both languages;
//! - every code of src/ is triggered by some input, or listed in NOT_TRIGGERED with why.
//!
//! Also: golden messages in both languages, the human labels and summary, and the precedence
//! `--lang` > MASTERPLAN_LANG > the project's `language` > `id`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use masterplan::diagnostic::translate;

mod common;
use common::{copy_tree, masterplan, repo};

/// Codes no input of this table triggers, and why (each still has a catalogue entry, which
/// `every_code_in_src_has_a_catalogue_entry` checks).
const NOT_TRIGGERED: &[(&str, &str)] = &[
    (
        "E0034",
        "needs a zip bomb of hundreds of MiB inflated: tests/worksheet_bounds.rs builds one",
    ),
    (
        "E0720",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0721",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    ("E9200", "needs `score --min`: tests/score.rs"),
    ("E9300", "needs a running `watch`: tests/watch.rs"),
    ("E9301", "needs a port the system refuses to `watch`"),
    ("E9302", "needs a file watcher that cannot start"),
    ("E9303", "needs a running `watch`: tests/watch.rs"),
    (
        "W9300",
        "needs a running `watch` whose folder disappears: tests/watch.rs",
    ),
    ("W9301", "needs a file watcher that fails while running"),
    (
        "W0233",
        "an omission with a blank reason: unit test in src/validate.rs",
    ),
    (
        "W0240",
        "a readiness target below the score: tests/analysis.rs",
    ),
    (
        "W0260",
        "`villages` in a desa: unit test in src/validate/region.rs",
    ),
    (
        "E9000",
        "no command prints it any more (kept for errors without a code)",
    ),
    ("E0008", "needs a template that exhausts the render fuel"),
    (
        "E0014",
        "needs an unreadable folder (permissions; the tests run as root)",
    ),
    ("E0033", "needs a project over the total size limit"),
    (
        "E9014",
        "needs a write failure (permissions; the tests run as root)",
    ),
    ("E9015", "needs a typesetting failure"),
    (
        "E9017",
        "needs a logo that disappears between check and generate",
    ),
    ("E9101", "needs a failure of clap_mangen"),
    (
        "E9102",
        "`man` has no --message-format: see `golden_usage_errors`",
    ),
    (
        "E9400",
        "needs MASTERPLAN_LANG itself: see `golden_usage_errors`",
    ),
    ("E0715", "needs a text longer than an Excel cell"),
    ("E0717", "needs a text longer than an Excel cell"),
    (
        "E0701",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0702",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0703",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0704",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0705",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    ("E0706", "needs a workbook with broken headers"),
    (
        "E0707",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    ("E0708", "needs a workbook row without a key"),
    (
        "E0709",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0710",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0711",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0712",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "E0713",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "W0700",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "W0701",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "W0702",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    (
        "W0703",
        "triggered by tests/worksheet.rs, whose json_lines checks every line against the catalogue",
    ),
    ("W0704", "needs a workbook whose logo is missing"),
];

struct Case {
    name: String,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    /// The command has no `--message-format`: its usage errors are read from the human text.
    human: bool,
}

fn case(name: &str, args: &[&str]) -> Case {
    Case {
        name: name.to_string(),
        args: args.iter().map(|a| a.to_string()).collect(),
        env: Vec::new(),
        human: false,
    }
}

fn human(name: &str, args: &[&str]) -> Case {
    Case {
        human: true,
        ..case(name, args)
    }
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

/// A copy of tests/corpus/_valid in `tmp/name`, changed by `edit`.
fn project(tmp: &Path, name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let dir = tmp.join(name);
    copy_tree(&repo().join("tests/corpus/_valid"), &dir);
    edit(&dir);
    dir
}

fn replace(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The table of inputs.
fn cases(tmp: &Path) -> Vec<Case> {
    let mut out = Vec::new();
    let corpus = repo().join("tests/corpus");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        out.push(case(&format!("corpus/{name}"), &["check", &path(dir)]));
    }
    let valid = corpus.join("_valid");
    let v = path(&valid);
    // Monitoring and evaluation.
    out.push(case(
        "evaluate, no monitoring file",
        &["evaluate", "2024", &v, "--out", &path(&tmp.join("out-e"))],
    ));
    out.push(case(
        "evaluate, outside the period",
        &["evaluate", "1999", &v, "--out", &path(&tmp.join("out-e"))],
    ));
    out.push(case(
        "evaluate xlsx",
        &["evaluate", "2024", &v, "--format", "xlsx"],
    ));
    out.push(case(
        "monitoring new outside the period",
        &["monitoring", "new", "1990", &v],
    ));
    // Usage and outputs.
    out.push(case("no such folder", &["check", &path(&tmp.join("nope"))]));
    let file = tmp.join("a-file.txt");
    fs::write(&file, "x").unwrap();
    out.push(case("a file as project", &["check", &path(&file)]));
    out.push(case(
        "templates not a folder",
        &["check", &v, "--templates", &path(&file)],
    ));
    out.push(case(
        "generate templates not a folder",
        &["generate", &v, "--templates", &path(&file)],
    ));
    out.push(case(
        "out is a file",
        &["generate", &v, "--format", "md", "--out", &path(&file)],
    ));
    let stranger = tmp.join("out-stranger");
    fs::create_dir_all(&stranger).unwrap();
    fs::write(stranger.join("masterplan.md"), "mine").unwrap();
    out.push(case(
        "out holds a stranger's file",
        &["generate", &v, "--format", "md", "--out", &path(&stranger)],
    ));
    let mut epoch = case(
        "bad SOURCE_DATE_EPOCH",
        &[
            "generate",
            &v,
            "--format",
            "md",
            "--out",
            &path(&tmp.join("out-d")),
        ],
    );
    epoch.env.push(("SOURCE_DATE_EPOCH", "soon".to_string()));
    out.push(epoch);
    let warned = project(tmp, "warned", |d| {
        fs::remove_file(d.join("pokja/branding.yaml")).unwrap()
    });
    out.push(case(
        "deny warnings",
        &[
            "generate",
            &path(&warned),
            "--deny-warnings",
            "--out",
            &path(&tmp.join("out-w")),
        ],
    ));
    out.push(human(
        "init without region",
        &["init", &path(&tmp.join("new1"))],
    ));
    out.push(human(
        "init with a line break",
        &[
            "init",
            &path(&tmp.join("new2")),
            "--region",
            "Ban\nggai",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out.push(human(
        "init without province",
        &[
            "init",
            &path(&tmp.join("new3")),
            "--region",
            "Banggai",
            "--type",
            "kabupaten",
            "--start-year",
            "2023",
        ],
    ));
    out.push(human(
        "init into an existing project",
        &[
            "init",
            &v,
            "--region",
            "Banggai",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out.push(human(
        "init unknown pokja",
        &["init", &v, "--pokja", "ekonomi"],
    ));
    out.push(human(
        "init bad start year",
        &[
            "init",
            &path(&tmp.join("new4")),
            "--region",
            "Banggai",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "1800",
        ],
    ));
    out.push(case("unknown argument", &["check", &v, "--frobnicate"]));
    out.push(case(
        "worksheet export unknown pokja",
        &[
            "worksheet",
            "export",
            &v,
            "--pokja",
            "ekonomi",
            "--out",
            &path(&tmp.join("w.xlsx")),
        ],
    ));
    let csv = tmp.join("book.xlsx");
    fs::write(&csv, "a,b\n1,2\n").unwrap();
    out.push(case(
        "worksheet import of a CSV",
        &[
            "worksheet",
            "import",
            &path(&csv),
            &path(&tmp.join("imported")),
        ],
    ));
    out.push(case("unknown format", &["generate", &v, "--format", "mdd"]));
    out.push(case("no format", &["generate", &v, "--format", ""]));
    out.push(case(
        "worksheet import of a folder",
        &[
            "worksheet",
            "import",
            &path(tmp),
            &path(&tmp.join("imported2")),
        ],
    ));
    out.push(human(
        "init with an empty region",
        &[
            "init",
            &path(&tmp.join("new5")),
            "--region",
            "",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out.push(human(
        "init with a region type as name",
        &[
            "init",
            &path(&tmp.join("new6")),
            "--region",
            "Kabupaten",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out.push(human(
        "init with a differing region type",
        &[
            "init",
            &path(&tmp.join("new7")),
            "--region",
            "Kota Luwuk",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out.push(case(
        "out inside an input folder",
        &[
            "generate",
            &path(&project(tmp, "out-inside", |_| {})),
            "--format",
            "md",
            "--out",
            &path(&tmp.join("out-inside/pokja/out")),
        ],
    ));
    out.push(case(
        "schema of a broken project",
        &[
            "schema",
            &path(&corpus.join("empty_masterplan")),
            "--out",
            &path(&tmp.join("schemas")),
        ],
    ));
    out.push(human(
        "init a pokja in a broken project",
        &[
            "init",
            &path(&corpus.join("empty_masterplan")),
            "--pokja",
            "economy",
        ],
    ));
    let stale = project(tmp, "stale-schemas", |d| {
        masterplan().arg("schema").arg(d).assert().code(0);
        replace(
            &d.join("masterplan.yaml"),
            "  - { code: DLH,",
            "  - { code: DLHH, name: X, head: Y }\n  - { code: DLH,",
        );
    });
    out.push(case("stale schemas", &["check", &path(&stale)]));
    let logo_named = project(tmp, "logo-named", |d| {
        fs::write(d.join("masterplan.md"), b"\x89PNG\r\n\x1a\n....").unwrap();
        replace(
            &d.join("masterplan.yaml"),
            "  capital: Luwuk",
            "  capital: Luwuk\n  logo: masterplan.md",
        );
    });
    out.push(case(
        "logo named like an output",
        &[
            "generate",
            &path(&logo_named),
            "--format",
            "md",
            "--out",
            &path(&tmp.join("out-logo")),
        ],
    ));
    // Templates.
    let templated = project(tmp, "templated", |d| {
        fs::create_dir_all(d.join("templates")).unwrap();
        fs::write(d.join("templates/closing.md"), "{% if %}\n").unwrap();
        fs::write(
            d.join("templates/vision.md"),
            "{{ masterplan.nope.deeper }}\n",
        )
        .unwrap();
        fs::write(d.join("templates/stray.md"), "x\n").unwrap();
    });
    out.push(case("broken templates", &["check", &path(&templated)]));
    let undefined = project(tmp, "undefined", |d| {
        fs::create_dir_all(d.join("templates")).unwrap();
        fs::write(d.join("templates/vision.md"), "{{ nope.deeper }}\n").unwrap();
    });
    out.push(case(
        "undefined in a template",
        &["check", &path(&undefined)],
    ));
    let undefined_field = project(tmp, "undefined-field", |d| {
        fs::create_dir_all(d.join("templates")).unwrap();
        fs::write(
            d.join("templates/vision.md"),
            "{{ masterplan.region.nope.deeper }}\n",
        )
        .unwrap();
    });
    out.push(case(
        "undefined field in a template",
        &["check", &path(&undefined_field)],
    ));
    // Shared helpers: wrong types with their hints, monitoring mistakes.
    let typed = project(tmp, "typed", |d| {
        replace(
            &d.join("masterplan.yaml"),
            "start_year: ",
            "start_year: tahun ",
        );
    });
    out.push(case("wrong type", &["check", &path(&typed)]));
    // masterplan.yaml mistakes that the corpus does not hold.
    let outside = tmp.join("outside.png");
    fs::write(&outside, b"\x89PNG\r\n\x1a\n....").unwrap();
    let masterplan_rules = project(tmp, "masterplan-rules", |d| {
        let m = d.join("masterplan.yaml");
        replace(&m, "name: Banggai", "name: \" \"");
        replace(&m, "start_year: 2023", "start_year: 1800");
        replace(
            &m,
            "vision: Banggai Cerdas, Maju dan Berdaya Saing",
            "vision: \" \"\nforeword: \"Kata <b>pengantar</b> \\u0007\"",
        );
        replace(
            &m,
            "  - Meningkatkan kualitas layanan publik berbasis digital",
            "  - \" \"",
        );
        replace(&m, "{ id: M2,", "{ id: M1,");
        replace(
            &m,
            "capital: Luwuk",
            &format!("capital: Luwuk\n  logo: {}", path(&outside)),
        );
        replace(&m, "name: Dinas Kesehatan", "name: \" \"");
    });
    out.push(case(
        "masterplan.yaml rules",
        &["check", &path(&masterplan_rules)],
    ));
    let no_missions = project(tmp, "no-missions", |d| {
        let m = d.join("masterplan.yaml");
        replace(
            &m,
            "missions:\n  - Meningkatkan kualitas layanan publik berbasis digital",
            "missions: []",
        );
        let text = fs::read_to_string(&m).unwrap();
        let cut = text.find("opd:").unwrap();
        fs::write(&m, format!("{}opd: []\n", &text[..cut])).unwrap();
    });
    out.push(case("no missions, no OPD", &["check", &path(&no_missions)]));
    let long = "x".repeat(70 * 1024);
    let programme_rules = project(tmp, "programme-rules", |d| {
        let g = d.join("pokja/governance.yaml");
        replace(&g, "name: Mal Pelayanan Publik Digital", "name: \" \"");
        replace(&g, "depends_on: [GOV-01]", "depends_on: [GOV-02]");
        replace(
            &g,
            "start: 2023\n    end: 2023\n    quick_win: true",
            "start: 2024\n    end: 2025\n    quick_win: true",
        );
        replace(
            &g,
            "{ source: apbd, amount: 250000000 }",
            "{ source: apbd, amount: 0 }",
        );
        replace(
            &g,
            "goal: Tujuan pokja governance",
            &format!("goal: {long}"),
        );
        replace(
            &g,
            "name: Satu Data Banggai",
            "name: Satu Data Banggai\n    description: \"Uraikan program: apa yang dibangun, untuk siapa, dan bagaimana dilaksanakan.\"",
        );
        fs::write(d.join("pokja/economy.yaml"), "# nothing yet\n").unwrap();
        fs::write(d.join("pokja/living.yaml~"), "x").unwrap();
    });
    out.push(case("programme rules", &["check", &path(&programme_rules)]));
    let taxonomy_outside = project(tmp, "taxonomy-outside", |d| {
        let m = d.join("masterplan.yaml");
        let text = fs::read_to_string(&m).unwrap();
        fs::write(&m, format!("{text}taxonomy: ../outside.yaml\n")).unwrap();
    });
    out.push(case(
        "taxonomy outside",
        &["check", &path(&taxonomy_outside)],
    ));
    let taxonomy_folder = project(tmp, "taxonomy-folder", |d| {
        fs::create_dir_all(d.join("tax.yaml")).unwrap();
        let m = d.join("masterplan.yaml");
        let text = fs::read_to_string(&m).unwrap();
        fs::write(&m, format!("{text}taxonomy: tax.yaml\n")).unwrap();
    });
    out.push(case(
        "taxonomy a folder",
        &["check", &path(&taxonomy_folder)],
    ));
    // Outputs: `init` over existing files.
    let half = tmp.join("half");
    fs::create_dir_all(half.join("pokja")).unwrap();
    fs::write(half.join("pokja/economy.yaml"), "x").unwrap();
    out.push(human(
        "init over existing files",
        &[
            "init",
            &path(&half),
            "--region",
            "Banggai",
            "--type",
            "kabupaten",
            "--province",
            "X",
            "--start-year",
            "2023",
        ],
    ));
    out
}

/// The JSON lines of one run in one language, and the exit code.
fn run(c: &Case, lang: &str) -> (Vec<serde_json::Value>, Vec<String>, i32) {
    let mut cmd = masterplan();
    cmd.args(&c.args).args(["--lang", lang]);
    if c.human {
        for (k, v) in &c.env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let values = usage_errors(&String::from_utf8(out.stderr).unwrap(), lang);
        let lines = values.iter().map(|v| v.to_string()).collect();
        return (values, lines, out.status.code().unwrap_or(-1));
    }
    cmd.args(["--message-format", "json"]);
    for (k, v) in &c.env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(str::to_string)
        .collect();
    let values = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}: {e}: {l}", c.name)))
        .collect();
    (values, lines, out.status.code().unwrap_or(-1))
}

/// The usage errors of a human text (`error[E9005]: ...` and `  = help: ...`), as JSON values
/// with the keys of the JSON format.
fn usage_errors(text: &str, lang: &str) -> Vec<serde_json::Value> {
    let (label, help) = if lang == "id" {
        ("kesalahan[", "  = saran: ")
    } else {
        ("error[", "  = help: ")
    };
    let mut out: Vec<serde_json::Value> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(label)
            && let Some((code, message)) = rest.split_once("]: ")
        {
            out.push(serde_json::json!({
                "severity": "error", "code": code, "file": null, "line": null,
                "column": null, "path": "", "message": message, "hint": null,
            }));
        } else if let Some(message) = line.strip_prefix("error: ")
            && lang == "en"
        {
            // clap's own argument errors (E9001), in English.
            out.push(serde_json::json!({
                "severity": "error", "code": "E9001", "file": null, "line": null,
                "column": null, "path": "", "message": message, "hint": null,
            }));
        } else if let Some(hint) = line
            .strip_prefix(help)
            .or_else(|| line.strip_prefix("  tip: ").filter(|_| lang == "en"))
            && let Some(last) = out.last_mut()
        {
            last["hint"] = serde_json::Value::String(hint.to_string());
        }
    }
    out
}

fn keys(line: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    let mut keys: Vec<(usize, String)> = v
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (line.find(&format!("\"{k}\":")).unwrap(), k.clone()))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

fn src_codes(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            src_codes(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&p).unwrap();
            let text = text.split("#[cfg(test)]").next().unwrap();
            let b = text.as_bytes();
            for i in 0..b.len().saturating_sub(6) {
                if b[i] == b'"'
                    && (b[i + 1] == b'E' || b[i + 1] == b'W')
                    && b[i + 2..i + 6].iter().all(u8::is_ascii_digit)
                    && b[i + 6] == b'"'
                {
                    out.insert(text[i + 1..i + 6].to_string());
                }
            }
        }
    }
}

#[test]
fn every_diagnostic_reads_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for c in cases(tmp.path()) {
        let (en, en_lines, en_exit) = run(&c, "en");
        let (id, id_lines, id_exit) = run(&c, "id");
        assert_eq!(en_exit, id_exit, "{}: exit codes differ", c.name);
        assert_eq!(
            en.len(),
            id.len(),
            "{}: {en_lines:#?}\n{id_lines:#?}",
            c.name
        );
        for ((e, i), (el, il)) in en.iter().zip(&id).zip(en_lines.iter().zip(&id_lines)) {
            assert_eq!(keys(el), keys(il), "{}: JSON keys differ", c.name);
            for k in ["severity", "code", "file", "line", "column", "path"] {
                assert_eq!(e[k], i[k], "{}: `{k}` differs:\n{el}\n{il}", c.name);
            }
            let code = e["code"].as_str().unwrap().to_string();
            seen.entry(code.clone()).or_insert_with(|| c.name.clone());
            let message = e["message"].as_str().unwrap();
            match translate::message(&code, message) {
                Ok(m) => assert_eq!(i["message"], m, "{}", c.name),
                Err(miss) => misses.push(format!("{} (input: {})", miss, c.name)),
            }
            if let Some(hint) = e["hint"].as_str() {
                match translate::hint(&code, hint) {
                    Ok(h) => assert_eq!(i["hint"], h, "{}", c.name),
                    Err(miss) => misses.push(format!("{} (input: {})", miss, c.name)),
                }
            }
        }
    }
    misses.sort();
    misses.dedup();
    assert!(
        misses.is_empty(),
        "{} texts print in English under --lang id:\n{}",
        misses.len(),
        misses.join("\n")
    );
    let mut all = BTreeSet::new();
    src_codes(&repo().join("src"), &mut all);
    let excused: BTreeSet<&str> = NOT_TRIGGERED.iter().map(|(c, _)| *c).collect();
    let untriggered: Vec<&String> = all
        .iter()
        .filter(|c| !seen.contains_key(*c) && !excused.contains(c.as_str()))
        .collect();
    assert!(
        untriggered.is_empty(),
        "no input of tests/lang.rs triggers {untriggered:?}: add a case to `cases`"
    );
    let stale: Vec<&&str> = excused.iter().filter(|c| seen.contains_key(**c)).collect();
    assert!(
        stale.is_empty(),
        "{stale:?} are triggered now: remove them from NOT_TRIGGERED"
    );
}

#[test]
fn every_code_in_src_has_a_catalogue_entry() {
    let mut all = BTreeSet::new();
    src_codes(&repo().join("src"), &mut all);
    let catalogued: BTreeSet<&str> = translate::catalogued_codes().into_iter().collect();
    let missing: Vec<&String> = all
        .iter()
        .filter(|c| !catalogued.contains(c.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "no Indonesian for {missing:?}: add their messages and hints to src/diagnostic/catalogue.rs"
    );
}

/// `masterplan` without the tests' `MASTERPLAN_LANG=en`.
fn bare() -> assert_cmd::Command {
    let mut cmd = masterplan();
    cmd.env_remove("MASTERPLAN_LANG");
    cmd
}

fn stderr(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.output().unwrap().stderr).unwrap()
}

#[test]
fn golden_messages_in_both_languages() {
    let case = repo().join("tests/corpus/unknown_opd_code");
    let id = stderr(bare().arg("check").arg(&case));
    assert!(
        id.contains(
            "kesalahan[E0203]: kode OPD `DINKESS` tidak dikenal (`lead`)\n  --> pokja/living.yaml:25:11 di programs[1].lead\n"
        ),
        "{id}"
    );
    assert!(id.contains("   = saran: maksud Anda `DINKES`?\n"), "{id}");
    assert!(
        id.contains("peringatan[W0222]: belum ada `region.head`: baris tanda tangan kepala daerah pada lembar komitmen kosong\n"),
        "{id}"
    );
    assert!(id.ends_with("\n1 kesalahan, 12 peringatan\n"), "{id}");
    let en = stderr(bare().arg("check").arg(&case).args(["--lang", "en"]));
    assert!(
        en.contains(
            "error[E0203]: unknown OPD code `DINKESS` (lead)\n  --> pokja/living.yaml:25:11 at programs[1].lead\n"
        ),
        "{en}"
    );
    assert!(en.contains("   = help: did you mean `DINKES`?\n"), "{en}");
    assert!(en.ends_with("\n1 error, 12 warnings\n"), "{en}");

    // The GitHub format: the same command, file and position; the words in the language.
    let out = bare()
        .arg("check")
        .arg(&case)
        .args(["--message-format", "github"])
        .output()
        .unwrap();
    let github = String::from_utf8(out.stdout).unwrap();
    assert!(
        github.lines().any(|l| l.ends_with("title=E0203::kode OPD `DINKESS` tidak dikenal (`lead`) di programs[1].lead%0Asaran: maksud Anda `DINKES`?")),
        "{github}"
    );

    // A wrong type with its hint, through the shared helpers.
    let tmp = tempfile::tempdir().unwrap();
    let typed = project(tmp.path(), "typed", |d| {
        replace(
            &d.join("pokja/governance.yaml"),
            "start: 2024",
            "start: 2024-2026",
        );
    });
    let id = stderr(bare().arg("check").arg(&typed));
    assert!(
        id.contains("kesalahan[E0010]: jenis nilai salah: seharusnya tahun (bilangan bulat seperti 2027), tertulis `2024-2026`\n"),
        "{id}"
    );
    assert!(
        id.contains("= saran: tahun program ditulis dalam dua isian: `start: 2024` dan `end: 2026` (tahun terakhir pelaksanaan)\n"),
        "{id}"
    );

    // The ok line and the "wrote" lines.
    let valid = repo().join("tests/corpus/_valid");
    assert_eq!(
        stderr(bare().arg("check").arg(&valid)),
        "ok: 6 berkas pokja, 18 program, 0 kesalahan, 0 peringatan\n"
    );
    assert_eq!(
        stderr(bare().arg("check").arg(&valid).args(["--lang", "en"])),
        "ok: 6 pokja files, 18 programmes, 0 errors, 0 warnings\n"
    );
    let out = tmp.path().join("out");
    let wrote = stderr(
        bare()
            .arg("generate")
            .arg(&valid)
            .args(["--format", "md", "--out"])
            .arg(&out),
    );
    assert_eq!(
        wrote,
        format!("ditulis: {}\n", out.join("masterplan.md").display())
    );
}

#[test]
fn golden_usage_errors() {
    let id = stderr(bare().args(["man", "chek"]));
    assert!(
        id.starts_with("kesalahan[E9102]: `chek` bukan perintah masterplan\n  = saran: maksud Anda `check`? perintahnya adalah: init, check,"),
        "{id}"
    );
    let en = stderr(bare().args(["man", "chek", "--lang", "en"]));
    assert!(
        en.starts_with("error[E9102]: `chek` is not a masterplan command\n  = help: did you mean `check`? the commands are: init, check,"),
        "{en}"
    );
    // An unknown language in the environment is a usage error (exit 2), in the default
    // language; `--lang` wins over the variable.
    let valid = repo().join("tests/corpus/_valid");
    let out = bare()
        .arg("check")
        .arg(&valid)
        .args(["--message-format", "json"])
        .env("MASTERPLAN_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["code"], "E9400");
    assert_eq!(
        line["message"],
        "MASTERPLAN_LANG=fr bukan bahasa pesan masterplan"
    );
    bare()
        .arg("check")
        .arg(&valid)
        .args(["--lang", "en"])
        .env("MASTERPLAN_LANG", "fr")
        .assert()
        .code(0);
    // An argument error in JSON mode, translated as far as clap's text allows.
    let out = bare()
        .args(["check", "--frobnicate", "--message-format", "json"])
        .output()
        .unwrap();
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(line["message"], "argumen '--frobnicate' tidak dikenal");
    // And in the human format, in the layout of the other usage errors.
    let id = stderr(bare().args(["check", "--frobnicate"]));
    assert!(
        id.starts_with("kesalahan[E9001]: argumen '--frobnicate' tidak dikenal\n  = saran: untuk memberikan '--frobnicate' sebagai nilai, gunakan '-- --frobnicate'\n"),
        "{id}"
    );
    assert!(
        id.contains("\nUsage: masterplan check [OPTIONS] [DIR]\n"),
        "{id}"
    );
    let en = stderr(bare().args(["check", "--frobnicate", "--lang", "en"]));
    assert!(
        en.starts_with("error: unexpected argument '--frobnicate' found"),
        "{en}"
    );
}

#[test]
fn flag_then_environment_then_project_then_indonesian() {
    let tmp = tempfile::tempdir().unwrap();
    let english = project(tmp.path(), "english", |d| {
        let m = d.join("masterplan.yaml");
        let text = fs::read_to_string(&m).unwrap();
        fs::write(&m, format!("{text}language: en\n")).unwrap();
        replace(
            &d.join("pokja/governance.yaml"),
            "lead: DKISP",
            "lead: DKISPP",
        );
    });
    let indonesian = project(tmp.path(), "indonesian", |d| {
        replace(
            &d.join("pokja/governance.yaml"),
            "lead: DKISP",
            "lead: DKISPP",
        );
    });
    let said = |dir: &Path, flag: Option<&str>, env: Option<&str>| {
        let mut cmd = bare();
        cmd.arg("check").arg(dir);
        if let Some(f) = flag {
            cmd.args(["--lang", f]);
        }
        if let Some(e) = env {
            cmd.env("MASTERPLAN_LANG", e);
        }
        let text = stderr(&mut cmd);
        if text.contains("error[E0203]: unknown OPD code `DKISPP`") {
            "en"
        } else if text.contains("kesalahan[E0203]: kode OPD `DKISPP` tidak dikenal") {
            "id"
        } else {
            panic!("{text}")
        }
    };
    // The project's language, else Indonesian.
    assert_eq!(said(&english, None, None), "en");
    assert_eq!(said(&indonesian, None, None), "id");
    // The environment over the project.
    assert_eq!(said(&english, None, Some("id")), "id");
    assert_eq!(said(&indonesian, None, Some("en")), "en");
    // The flag over both.
    assert_eq!(said(&english, Some("id"), Some("en")), "id");
    assert_eq!(said(&indonesian, Some("en"), Some("id")), "en");
    // A usage error about an English project is in English too (its language is read
    // before the check).
    let text = stderr(
        bare()
            .arg("check")
            .arg(&english)
            .args(["--templates", "/nonexistent-templates"]),
    );
    assert!(text.starts_with("error[E9003]: --templates"), "{text}");
}
