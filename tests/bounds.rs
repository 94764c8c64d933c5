//! Inputs are bounded, confined and cannot leak (issue 13, items 17, 19, 20, 23), driven
//! through the real binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
use common::{copy_tree, masterplan, repo};

fn example(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_tree(&repo().join("examples").join(name), &dir);
    (tmp, dir)
}

/// Replace `from` by `to` in a project file (the text must be there).
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let p = dir.join(file);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(p, text.replacen(from, to, 1)).unwrap();
}

/// `check --message-format json`: exit code and the diagnostics as JSON values (and the raw
/// output, to search for leaked content). Never waits longer than 60 s.
fn check(dir: &Path) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let out = masterplan()
        .arg("check")
        .arg(dir)
        .arg("--message-format")
        .arg("json")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let all = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    let ds = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
        .collect();
    (out.status.code(), ds, all)
}

fn find<'a>(ds: &'a [serde_json::Value], code: &str) -> &'a serde_json::Value {
    ds.iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {ds:?}"))
}

#[test]
fn taxonomy_outside_the_project_is_refused_and_not_quoted() {
    for (taxonomy, leak) in [
        ("../../../../../../etc/passwd", "root:"),
        ("/etc/passwd", "root:"),
        ("/proc/self/environ", "MASTERPLAN_SECRET_VALUE"),
    ] {
        let (_tmp, dir) = example("banggai");
        edit(
            &dir,
            "masterplan.yaml",
            "taxonomy: kominfo-2017",
            &format!("taxonomy: {taxonomy}"),
        );
        let out = masterplan()
            .arg("check")
            .arg(&dir)
            .arg("--message-format")
            .arg("json")
            .env("MASTERPLAN_LEAK", "MASTERPLAN_SECRET_VALUE")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{taxonomy}: {all}");
        assert!(!all.contains(leak), "{taxonomy} leaked: {all}");
        let d: serde_json::Value = all
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|d| d["code"] == "E0030")
            .unwrap_or_else(|| panic!("{taxonomy}: no E0030 in {all}"));
        assert_eq!(d["file"], "masterplan.yaml");
        assert_eq!(d["path"], "taxonomy");
        assert!(d["line"].is_u64(), "{d}");
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_the_project_are_refused() {
    let (_tmp, dir) = example("banggai");
    std::os::unix::fs::symlink("/proc/self/environ", dir.join("tax.yaml")).unwrap();
    edit(
        &dir,
        "masterplan.yaml",
        "taxonomy: kominfo-2017",
        "taxonomy: tax.yaml",
    );
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    let d = find(&ds, "E0030");
    assert_eq!(d["path"], "taxonomy");
    assert!(d["message"].as_str().unwrap().contains("link"), "{d}");

    // A pokja file that is a link out of the project is refused too.
    let (_tmp2, dir) = example("banggai");
    fs::remove_file(dir.join("pokja/economy.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("pokja/economy.yaml")).unwrap();
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    assert!(!all.contains("root:"), "{all}");
    assert_eq!(find(&ds, "E0030")["file"], "pokja/economy.yaml");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_blocking() {
    // The logo is a FIFO: check must not wait for a writer.
    let (_tmp, dir) = example("banggai");
    fs::remove_file(dir.join("logo.png")).unwrap();
    mkfifo(&dir.join("logo.png"));
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    let d = find(&ds, "E0031");
    assert_eq!(d["path"], "region.logo");
    assert!(d["message"].as_str().unwrap().contains("FIFO"), "{d}");

    // A pokja file that is a FIFO.
    let (_tmp, dir) = example("banggai");
    fs::remove_file(dir.join("pokja/living.yaml")).unwrap();
    mkfifo(&dir.join("pokja/living.yaml"));
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    assert_eq!(find(&ds, "E0031")["file"], "pokja/living.yaml");

    // masterplan.yaml linked to an endless device.
    let (_tmp, dir) = example("banggai");
    fs::remove_file(dir.join("masterplan.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("masterplan.yaml")).unwrap();
    let (code, _ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    assert!(all.contains("E0030") || all.contains("E0031"), "{all}");
}

#[cfg(unix)]
#[test]
fn a_template_front_matter_logo_is_confined() {
    // A template override naming /dev/zero (or a FIFO) as the logo: the PDF is made without it
    // and nothing blocks or grows without bound.
    let (_tmp, dir) = example("banggai");
    fs::create_dir(dir.join("templates")).unwrap();
    let fm = fs::read_to_string(repo().join("templates/document/front-matter.md")).unwrap();
    let fm = fm.replace(
        "author: {{ doc.author | yaml }}",
        "logo: /dev/zero\nauthor: {{ doc.author | yaml }}",
    );
    let fm = fm.replace(
        "{% if doc.logo %}\nlogo: {{ doc.logo | yaml }}\n{% endif %}\n",
        "",
    );
    fs::write(dir.join("templates/front-matter.md"), fm).unwrap();
    mkfifo(&dir.join("templates/closing.md"));
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--format")
        .arg("pdf")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // The FIFO template is refused with its name, not waited for.
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("closing.md"), "{err}");
    fs::remove_file(dir.join("templates/closing.md")).unwrap();
    let out = masterplan()
        .arg("generate")
        .arg(&dir)
        .arg("--format")
        .arg("pdf")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let pdf = fs::read(dir.join("build/masterplan.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

/// `generate --format md,pdf` into `out`; the exit code and stderr.
fn generate(dir: &Path, out: &Path) -> (Option<i32>, String) {
    let o = masterplan()
        .arg("generate")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn pages(pdf: &Path) -> usize {
    lopdf::Document::load(pdf).unwrap().get_pages().len()
}

/// The top-level headings (`# `) of a Markdown document, outside code.
fn chapters(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    ) {
        match e {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => current = Some(String::new()),
            Event::Text(t) => {
                if let Some(c) = &mut current {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn user_markdown_cannot_restructure_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    let (_t0, clean) = example("banggai");
    let (code, err) = generate(&clean, &tmp.path().join("clean"));
    assert_eq!(code, Some(0), "{err}");

    let (_t1, dir) = example("banggai");
    edit(
        &dir,
        "pokja/economy.yaml",
        "    description: |\n      Etalase daring",
        "    description: |\n      <!-- pdf:skip -->\n      <!-- pdf:landscape -->\n      Judul\n      =====\n      <script>\n      <style>\n      <!-- unclosed\n      ~~~~\n      Etalase daring",
    );
    edit(
        &dir,
        "masterplan.yaml",
        "foreword: |\n",
        "foreword: |\n  Bab Baru\n  ===\n\n  <pre>\n\n  ```\n  kode tanpa akhir\n\n",
    );
    // check warns, located on the field.
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(0), "{all}");
    for (file, path) in [
        ("pokja/economy.yaml", "programs[0].description"),
        ("masterplan.yaml", "foreword"),
    ] {
        let d = ds
            .iter()
            .find(|d| d["code"] == "W0020" && d["file"] == file)
            .unwrap_or_else(|| panic!("no W0020 for {file}: {all}"));
        assert_eq!(d["path"], path);
        assert!(d["line"].is_u64(), "{d}");
    }
    let (code, err) = generate(&dir, &tmp.path().join("attacked"));
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("W0020"), "generate warns too: {err}");

    // The same chapters, nothing of the rest of the document swallowed.
    let md_clean = fs::read_to_string(tmp.path().join("clean/masterplan.md")).unwrap();
    let md = fs::read_to_string(tmp.path().join("attacked/masterplan.md")).unwrap();
    assert_eq!(chapters(&md), chapters(&md_clean));
    assert!(
        !md.contains("<!-- pdf:landscape -->\n      "),
        "marker leaked"
    );
    assert!(!md.contains("<script>") && !md.contains("<style>"));
    let clean_pages = pages(&tmp.path().join("clean/masterplan.pdf"));
    let attacked_pages = pages(&tmp.path().join("attacked/masterplan.pdf"));
    assert!(
        attacked_pages >= clean_pages && attacked_pages <= clean_pages + 3,
        "{clean_pages} pages became {attacked_pages}"
    );
}

#[test]
fn control_characters_never_reach_the_markdown() {
    let tmp = tempfile::tempdir().unwrap();
    let (_t, dir) = example("banggai");
    edit(
        &dir,
        "pokja/economy.yaml",
        "name: Galeri UKM Online",
        "name: \"Galeri \\e[31mUKM\\u0007 Online\\0\"",
    );
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(0), "{all}");
    let d = find(&ds, "W0021");
    assert_eq!(d["file"], "pokja/economy.yaml");
    assert_eq!(d["path"], "programs[0].name");
    assert!(d["line"].is_u64(), "{d}");
    let (code, err) = generate(&dir, &tmp.path().join("out"));
    assert_eq!(code, Some(0), "{err}");
    let md = fs::read_to_string(tmp.path().join("out/masterplan.md")).unwrap();
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character reached masterplan.md"
    );
    assert!(md.contains("Galeri \\[31mUKM Online"), "the text stays");
}

#[test]
fn a_taxonomy_dimension_without_elements_is_refused() {
    let (_t, dir) = example("banggai");
    fs::write(
        dir.join("tax.yaml"),
        "name: kecil\ndimensions:\n  - key: governance\n    label: { id: Tata Kelola, en: Governance }\n    elements: []\n",
    )
    .unwrap();
    edit(
        &dir,
        "masterplan.yaml",
        "taxonomy: kominfo-2017",
        "taxonomy: tax.yaml",
    );
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    let d = ds
        .iter()
        .find(|d| d["code"] == "E0114")
        .unwrap_or_else(|| panic!("{all}"));
    assert_eq!(d["file"], "tax.yaml");
    assert_eq!(d["path"], "dimensions[0].elements");
    assert_eq!(d["line"], 5);
    assert!(d["hint"].as_str().unwrap().contains("elements:"), "{d}");
}

#[test]
fn a_huge_field_is_refused_in_bounded_memory() {
    // A 6 MB description (under the file and project limits): a located error, nothing written.
    let tmp = tempfile::tempdir().unwrap();
    let (_t, dir) = example("banggai");
    let line = "      Etalase daring produk UMKM Banggai yang dikelola Dinas Koperasi dan UKM.\n";
    let big = line.repeat(6 * 1024 * 1024 / line.len());
    edit(
        &dir,
        "pokja/economy.yaml",
        "    description: |\n",
        &format!("    description: |\n{big}"),
    );
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{}", &all[..all.len().min(2000)]);
    let d = find(&ds, "E0032");
    assert_eq!(d["path"], "programs[0].description");
    assert_eq!(d["line"], 43);
    let (code, _) = generate(&dir, &tmp.path().join("out"));
    assert_eq!(code, Some(1));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn the_project_as_a_whole_has_a_size_limit() {
    // 9 MB of comments in one pokja file: under the 32 MiB file limit, over the 8 MiB of the
    // project. Refused on that file; the other files are still checked.
    let (_t, dir) = example("banggai");
    let p = dir.join("pokja/economy.yaml");
    let mut text = fs::read_to_string(&p).unwrap();
    text.push_str(&"# catatan rapat yang ditempel ke berkas ini\n".repeat(9 * 1024 * 1024 / 45));
    fs::write(&p, text).unwrap();
    let (code, ds, all) = check(&dir);
    assert_eq!(code, Some(1), "{all}");
    let d = find(&ds, "E0033");
    assert_eq!(d["file"], "pokja/economy.yaml");
    assert!(!ds.iter().any(|d| d["code"] == "W0201"), "{all}");
}
