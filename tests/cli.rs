//! Integration tests that drive the real `masterplan` binary on real project folders.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{copy_tree, masterplan, repo};

/// Every file below `dir` with its bytes.
fn snapshot_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                out.insert(
                    entry.path().strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(entry.path()).unwrap(),
                );
            }
        }
    }
    out
}

fn example(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_tree(&repo().join("examples").join(name), &dir);
    (tmp, dir)
}

#[test]
fn examples_check_clean() {
    for name in ["banggai", "makassar", "sinjai-desa"] {
        let out = masterplan()
            .arg("check")
            .arg(repo().join("examples").join(name))
            .arg("--message-format")
            .arg("json")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in stdout.lines() {
            let v: serde_json::Value =
                serde_json::from_str(line).expect("one JSON object per line");
            assert_ne!(v["severity"], "error", "{name}: {line}");
        }
    }
}

#[test]
fn generate_writes_markdown_and_pdf_and_reruns_are_identical() {
    let (_tmp, dir) = example("banggai");
    masterplan().arg("generate").arg(&dir).assert().code(0);
    let first = snapshot_tree(&dir.join("build"));
    let md = first
        .get(Path::new("masterplan.md"))
        .expect("masterplan.md written");
    let pdf = first
        .get(Path::new("masterplan.pdf"))
        .expect("masterplan.pdf written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(!md.is_empty());
    assert!(
        first.contains_key(Path::new("logo.png")),
        "the logo is copied beside the Markdown"
    );

    masterplan().arg("generate").arg(&dir).assert().code(0);
    let second = snapshot_tree(&dir.join("build"));
    assert_eq!(
        first, second,
        "two runs on identical input give identical bytes"
    );
}

#[test]
fn generate_formats_out_and_split_books() {
    let (tmp, dir) = example("makassar");
    let out = tmp.path().join("dist");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .arg("--format")
        .arg("md")
        .arg("--split-books")
        .assert()
        .code(0);
    let files = snapshot_tree(&out);
    for name in [
        "masterplan.md",
        "buku-1-analisis-strategis.md",
        "buku-2-masterplan.md",
        "buku-3-quick-win.md",
        "buku-4-road-map.md",
    ] {
        assert!(
            files.contains_key(Path::new(name)),
            "{name} missing: {:?}",
            files.keys()
        );
    }
    assert!(
        !files
            .keys()
            .any(|p| p.extension().is_some_and(|e| e == "pdf")),
        "--format md writes no PDF"
    );
    assert!(
        !dir.join("build").exists(),
        "--out replaces the default folder"
    );
}

#[test]
fn failed_generate_leaves_earlier_output_untouched() {
    let (_tmp, dir) = example("makassar");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--format")
        .arg("md")
        .assert()
        .code(0);
    let before = snapshot_tree(&dir.join("build"));
    assert!(!before.is_empty());

    // Break the project: an unknown OPD code as a programme's lead.
    let path = dir.join("masterplan.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replacen("vision:", "visoin:", 1)).unwrap();
    let out = masterplan().arg("generate").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("masterplan.yaml"), "{stderr}");
    assert_eq!(
        before,
        snapshot_tree(&dir.join("build")),
        "outputs untouched"
    );
}

#[test]
fn draft_marks_markdown_and_pdf_with_the_source_date() {
    let (_tmp, dir) = example("makassar");
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--draft")
        .env("SOURCE_DATE_EPOCH", "1795392000")
        .assert()
        .code(0);
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(md.contains("draft: true"), "front matter marks the draft");
    assert!(
        md.contains("23 November 2026"),
        "the draft date from SOURCE_DATE_EPOCH"
    );
    let pdf = lopdf::Document::load(dir.join("build/masterplan.pdf")).unwrap();
    let text = pdf.extract_text(&[1]).unwrap_or_default();
    assert!(
        text.contains("DRAF"),
        "watermark (DRAF in Indonesian, DRAFT in English) on the first page: {text}"
    );
}

#[test]
fn init_scaffolds_a_project_that_checks_clean_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("buton");
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args([
            "--region",
            "Buton",
            "--type",
            "kabupaten",
            "--province",
            "Sulawesi Tenggara",
            "--start-year",
            "2022",
        ])
        .assert()
        .code(0);
    assert!(dir.join("masterplan.yaml").is_file());
    for dim in [
        "governance",
        "branding",
        "economy",
        "living",
        "society",
        "environment",
    ] {
        assert!(
            dir.join("pokja").join(format!("{dim}.yaml")).is_file(),
            "{dim}"
        );
    }
    let yaml = fs::read_to_string(dir.join("masterplan.yaml")).unwrap();
    assert!(yaml.contains('#'), "the scaffold is commented");
    masterplan().arg("check").arg(&dir).assert().code(0);

    // A second init refuses and changes nothing.
    fs::write(dir.join("masterplan.yaml"), "edited by a pokja\n").unwrap();
    let before = snapshot_tree(&dir);
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args([
            "--region",
            "Buton",
            "--type",
            "kabupaten",
            "--province",
            "Sulawesi Tenggara",
            "--start-year",
            "2022",
        ])
        .assert()
        .code(2);
    assert_eq!(before, snapshot_tree(&dir));

    // --force replaces.
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args([
            "--region",
            "Buton",
            "--type",
            "kabupaten",
            "--province",
            "Sulawesi Tenggara",
            "--start-year",
            "2022",
            "--force",
        ])
        .assert()
        .code(0);
    masterplan().arg("check").arg(&dir).assert().code(0);
}

#[test]
fn init_in_english_and_for_a_kota_generates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bogor");
    masterplan()
        .args(["init"])
        .arg(&dir)
        .args([
            "--region",
            "Bogor",
            "--type",
            "kota",
            "--province",
            "Jawa Barat",
            "--start-year",
            "2023",
            "--years",
            "5",
            "--language",
            "en",
        ])
        .assert()
        .code(0);
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--format")
        .arg("md")
        .assert()
        .code(0);
    let md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(md.contains("language: en"));
}

#[test]
fn usage_errors_exit_2() {
    masterplan()
        .arg("generate")
        .arg("--format")
        .arg("odt")
        .assert()
        .code(2);
    masterplan()
        .arg("check")
        .arg("--no-such-flag")
        .assert()
        .code(2);
    masterplan()
        .arg("check")
        .arg("/no/such/folder")
        .assert()
        .code(2);
    masterplan().arg("frobnicate").assert().code(2);
    masterplan()
        .args([
            "init",
            "x",
            "--region",
            "A",
            "--type",
            "kota",
            "--start-year",
            "2023",
        ])
        .assert()
        .code(2); // --province missing for a kota
    masterplan().arg("--help").assert().code(0);
}

#[test]
fn check_json_lines_have_the_documented_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    copy_tree(&repo().join("examples/makassar"), &dir);
    fs::remove_file(dir.join("pokja/branding.yaml")).unwrap();
    let out = masterplan()
        .arg("check")
        .arg(&dir)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "a missing pokja file is a warning"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut saw_missing = false;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "severity", "code", "file", "line", "column", "path", "message", "hint",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
        saw_missing |= v["file"] == "pokja/branding.yaml" && v["severity"] == "warning";
    }
    assert!(saw_missing, "{stdout}");
    // generate still works and says the dimension has no programmes yet.
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
}

#[test]
fn templates_export_and_override() {
    let (tmp, dir) = example("makassar");
    let exported = tmp.path().join("exported");
    masterplan()
        .args(["templates", "export"])
        .arg(&exported)
        .assert()
        .code(0);
    let files = snapshot_tree(&exported);
    assert!(!files.is_empty());
    // Exporting again refuses to overwrite.
    masterplan()
        .args(["templates", "export"])
        .arg(&exported)
        .assert()
        .code(2);
    assert_eq!(files, snapshot_tree(&exported));

    // The default templates reproduce the default output.
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let default_md = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md", "--out"])
        .arg(tmp.path().join("o2"))
        .arg("--templates")
        .arg(&exported)
        .assert()
        .code(0);
    assert_eq!(
        default_md,
        fs::read_to_string(tmp.path().join("o2/masterplan.md")).unwrap()
    );

    // A customised template in the project's templates/ folder changes the output.
    let (name, source) = files
        .iter()
        .find(|(_, s)| String::from_utf8_lossy(s).contains("{{"))
        .map(|(n, s)| (n.clone(), String::from_utf8_lossy(s).into_owned()))
        .unwrap();
    fs::create_dir_all(dir.join("templates").join(name.parent().unwrap())).unwrap();
    fs::write(
        dir.join("templates").join(&name),
        format!("{source}\nDISUSUN OLEH TIM BIMTEK KOTA\n"),
    )
    .unwrap();
    masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .assert()
        .code(0);
    let custom = fs::read_to_string(dir.join("build/masterplan.md")).unwrap();
    assert!(
        custom.contains("DISUSUN OLEH TIM BIMTEK KOTA"),
        "override {name:?} used"
    );

    // A broken customised template is an input error naming the template.
    fs::write(dir.join("templates").join(&name), "{% if %}\n").unwrap();
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let base = name.file_name().unwrap().to_string_lossy();
    assert!(stderr.contains(base.as_ref()), "{stderr}");
}

#[test]
fn refuses_to_replace_files_it_did_not_write() {
    let (tmp, dir) = example("makassar");
    let out = tmp.path().join("mine");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("masterplan.md"), "my own notes\n").unwrap();
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md"])
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(out.join("masterplan.md")).unwrap(),
        "my own notes\n"
    );
    masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md", "--force"])
        .assert()
        .code(0);
}

/// Every broken project of the corpus, through the real binary: `check` and `generate` exit 1,
/// every diagnostic is a JSON object naming a file, and `generate` writes nothing.
#[test]
fn broken_corpus_through_the_binary() {
    let corpus = repo().join("tests/corpus");
    let mut cases = 0;
    for entry in fs::read_dir(&corpus).unwrap() {
        let case = entry.unwrap().path();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if !case.is_dir() || name.starts_with('_') {
            continue;
        }
        cases += 1;
        let out = masterplan()
            .arg("check")
            .arg(&case)
            .args(["--message-format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: check exit code");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.lines().count() >= 1, "{name}: no diagnostic");
        assert!(
            stdout
                .lines()
                .any(|l| serde_json::from_str::<serde_json::Value>(l)
                    .is_ok_and(|v| v["severity"] == "error")),
            "{name}: {stdout}"
        );

        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("out");
        let out = masterplan()
            .arg("generate")
            .arg(&case)
            .arg("--out")
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: generate exit code");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{name}"
        );
        assert!(
            !target.exists(),
            "{name}: generate wrote output for a broken project"
        );
    }
    assert!(cases >= 25, "only {cases} corpus cases");
}
