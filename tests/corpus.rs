//! The diagnostics corpus: `tests/corpus/_valid/` must check without errors; every other folder
//! is a broken project whose `expect` file lists what `check` must report, one line each:
//!
//! ```text
//! # comment
//! E0203 pokja/living.yaml programs[1].lead 22:11 DINKES
//! ```
//!
//! code, file, field path (`-` for none), `line:column` (`-` when the diagnostic has no position)
//! and a word that the message or the hint must contain. Every case must report at least one
//! error. A line `#! exact` says the errors reported are exactly those listed (no cascade).
//! See tests/corpus/README.md.

use std::path::{Path, PathBuf};

use masterplan::diagnostic::Diagnostic;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

struct Expectation {
    code: String,
    file: String,
    path: String,
    position: Option<(usize, usize)>,
    word: String,
}

fn parse_expect(text: &str, case: &str) -> Vec<Expectation> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.splitn(5, ' ').collect();
        let [code, file, path, pos, word] = parts[..] else {
            panic!("{case}/expect:{}: expected 5 fields: {line}", n + 1);
        };
        let position = if pos == "-" {
            None
        } else {
            let (l, c) = pos
                .split_once(':')
                .unwrap_or_else(|| panic!("{case}/expect:{}: bad position {pos}", n + 1));
            Some((l.parse().unwrap(), c.parse().unwrap()))
        };
        out.push(Expectation {
            code: code.to_string(),
            file: file.to_string(),
            path: if path == "-" {
                String::new()
            } else {
                path.to_string()
            },
            position,
            word: word.to_string(),
        });
    }
    out
}

fn matches(d: &Diagnostic, e: &Expectation) -> bool {
    d.code == e.code
        && d.file == e.file
        && d.path == e.path
        && e.position
            .is_none_or(|(l, c)| d.line == Some(l) && d.column == Some(c))
        && e.position.is_some() == d.line.is_some()
        && (d.message.contains(&e.word) || d.hint.as_deref().is_some_and(|h| h.contains(&e.word)))
}

fn show(ds: &[Diagnostic]) -> String {
    ds.iter()
        .map(|d| {
            format!(
                "{} {} {} {} {} | {}",
                d.code,
                d.file,
                if d.path.is_empty() { "-" } else { &d.path },
                match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{l}:{c}"),
                    _ => "-".to_string(),
                },
                d.message,
                d.hint.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn valid_project_has_no_errors() {
    let checked = masterplan::check(&corpus().join("_valid"));
    let errors: Vec<Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    assert!(errors.is_empty(), "{}", show(&errors));
    assert!(
        checked.diagnostics.is_empty(),
        "the valid project should be clean:\n{}",
        show(&checked.diagnostics)
    );
    let project = checked.project.expect("project loaded");
    assert_eq!(project.pokja.len(), 6);
    assert_eq!(project.programs().count(), 18);
}

#[test]
fn every_broken_case_reports_what_its_expect_file_says() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expect = std::fs::read_to_string(case.join("expect"))
            .unwrap_or_else(|_| panic!("{name}: no expect file"));
        let expectations = parse_expect(&expect, &name);
        assert!(!expectations.is_empty(), "{name}: empty expect file");
        let checked = masterplan::check(case);
        if std::env::var_os("CORPUS_PRINT").is_some() {
            eprintln!("== {name}\n{}", show(&checked.diagnostics));
        }
        if !checked.has_errors() {
            failures.push(format!("{name}: no error reported"));
        }
        // `#! exact`: the errors are exactly the listed ones (nothing cascades); warnings may
        // come too.
        if expect.lines().any(|l| l.trim() == "#! exact") {
            let extra: Vec<Diagnostic> = checked
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && !expectations.iter().any(|e| matches(d, e)))
                .cloned()
                .collect();
            if !extra.is_empty() {
                failures.push(format!(
                    "{name}: errors not in the expect file (#! exact):\n{}",
                    show(&extra)
                ));
            }
        }
        for e in &expectations {
            if !checked.diagnostics.iter().any(|d| matches(d, e)) {
                failures.push(format!(
                    "{name}: expected `{} {} {} {} {}` among:\n{}",
                    e.code,
                    e.file,
                    if e.path.is_empty() { "-" } else { &e.path },
                    e.position
                        .map_or("-".to_string(), |(l, c)| format!("{l}:{c}")),
                    e.word,
                    show(&checked.diagnostics)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn diagnostics_are_deterministic() {
    let case = corpus().join("several_files");
    let a = masterplan::check(&case).diagnostics;
    let b = masterplan::check(&case).diagnostics;
    assert_eq!(a, b);
    // masterplan.yaml first, then the pokja files in taxonomy order.
    let mut files: Vec<&str> = a.iter().map(|d| d.file.as_str()).collect();
    files.dedup();
    assert_eq!(
        files,
        [
            "masterplan.yaml",
            "pokja/governance.yaml",
            "pokja/economy.yaml",
            "pokja/environment.yaml"
        ]
    );
}

#[test]
fn every_case_renders_as_text_and_json() {
    use masterplan::report::{MessageFormat, write_with_sources};
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    for case in cases {
        let checked = masterplan::check(&case);
        let mut human = Vec::new();
        write_with_sources(
            &mut human,
            &checked.diagnostics,
            MessageFormat::Human,
            false,
            &checked.sources,
        )
        .unwrap();
        let human = String::from_utf8(human).unwrap();
        if std::env::var_os("CORPUS_PRINT").is_some() {
            eprintln!("== {}\n{human}", case.display());
        }
        let mut json = Vec::new();
        write_with_sources(
            &mut json,
            &checked.diagnostics,
            MessageFormat::Json,
            false,
            &checked.sources,
        )
        .unwrap();
        let json = String::from_utf8(json).unwrap();
        assert_eq!(json.lines().count(), checked.diagnostics.len());
        for line in json.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            let mut expected = [
                "severity", "code", "file", "line", "column", "path", "message", "hint",
            ];
            expected.sort();
            let mut keys = keys;
            keys.sort();
            assert_eq!(keys, expected);
        }
        if !checked.diagnostics.is_empty() {
            assert!(
                human
                    .trim_end()
                    .ends_with(&masterplan::report::summary(&checked.diagnostics))
            );
        }
    }
}

/// A large project (3000 programmes, long dependency chains) checks cleanly; the rules are
/// linear, so this stays fast (the time is printed, not asserted).
#[test]
fn a_large_project_checks() {
    let dir = tempfile::tempdir().unwrap();
    let src = corpus().join("_valid");
    std::fs::copy(
        src.join("masterplan.yaml"),
        dir.path().join("masterplan.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("pokja")).unwrap();
    let dims = [
        ("governance", "GOV", ["service", "bureaucracy", "policy"]),
        (
            "branding",
            "BRD",
            ["tourism", "business", "city_appearance"],
        ),
        ("economy", "ECO", ["industry", "welfare", "transaction"]),
        ("living", "LIV", ["harmony", "health", "mobility"]),
        ("society", "SOC", ["community", "learning", "security"]),
        ("environment", "ENV", ["protection", "waste", "energy"]),
    ];
    for (key, prefix, elements) in dims {
        let mut text = format!("dimension: {key}\ncoordinator: DKISP\nprograms:\n");
        for i in 0..500 {
            let dep = if i > 0 {
                format!("    depends_on: [{prefix}-{:04}]\n", i - 1)
            } else {
                String::new()
            };
            text.push_str(&format!(
                "  - id: {prefix}-{i:04}\n    name: Program {i}\n    element: {}\n    category: policy\n    lead: BAPPEDA\n    support: [DKISP, DINKES]\n    start: 2024\n    end: 2026\n{dep}    budget:\n      - {{ source: apbd, amount: 1000000, year: 2025 }}\n    outputs: [x]\n    indicators:\n      - {{ name: n, unit: u, baseline: tersedia, targets: {{ 2024: 1, 2026: 2.5 }} }}\n",
                elements[i % 3]
            ));
        }
        std::fs::write(dir.path().join(format!("pokja/{key}.yaml")), text).unwrap();
    }
    let t = std::time::Instant::now();
    let checked = masterplan::check(dir.path());
    eprintln!("checked 3000 programmes in {:?}", t.elapsed());
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        show(&checked.diagnostics)
    );
    assert_eq!(checked.project.unwrap().programs().count(), 3000);
}
