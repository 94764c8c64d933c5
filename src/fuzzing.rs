//! The fuzzing harness, shared by the cargo-fuzz targets (`fuzz/`) and the stable replay test
//! (`tests/fuzz_replay.rs`): a project folder written from one byte string, the pipeline run on
//! it with its invariants checked, and seeded structural mutations of example projects.
//! See docs/design/fuzzing.md.
//!
//! A project as bytes is a sequence of files, each introduced by a line `#>> <path>` (a YAML
//! comment, so a mutated input stays close to YAML); bytes before the first such line are
//! masterplan.yaml. Paths are confined to the project (`masterplan.yaml`, `pokja/x.yaml`, ...).

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The line that starts a file in a project as bytes.
pub const FILE_MARK: &str = "#>> ";

/// At most this many files are taken from one input.
const MAX_FILES: usize = 16;

/// Diagnostics that concern a whole file, so have neither a field path nor a line.
const WHOLE_FILE: &[&str] = &[
    "E0002", "E0003", "E0005", "E0014", "E0030", "E0031", "E0033", "E0100", "E0202", "W0201",
    // A monitoring file misnamed, or named for a year outside the period: the culprit is the name.
    "E0301", "E0302",
];

/// A path usable inside the project: lower-case names, digits, `_-.~#` (editor backups), `/`,
/// no `..`.
fn usable_path(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 64
        && !p.starts_with('/')
        && !p.split('/').any(|c| c.is_empty() || c == "." || c == "..")
        && p.bytes().all(|b| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || matches!(b, b'_' | b'-' | b'.' | b'/' | b'~' | b'#')
        })
}

/// Split a project as bytes into (path, content) files.
pub fn split(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = vec![("masterplan.yaml".to_string(), Vec::new())];
    let mark = FILE_MARK.as_bytes();
    for line in data.split_inclusive(|b| *b == b'\n') {
        if let Some(rest) = line.strip_prefix(mark) {
            let name = String::from_utf8_lossy(rest).trim().to_string();
            if usable_path(&name) && files.len() < MAX_FILES {
                files.push((name, Vec::new()));
                continue;
            }
        }
        if let Some(last) = files.last_mut() {
            last.1.extend_from_slice(line);
        }
    }
    // No bytes before the first file: no implicit masterplan.yaml (a project may lack it).
    if files.len() > 1 && files[0].1.is_empty() {
        files.remove(0);
    }
    files
}

/// The inverse of [`split`].
pub fn join(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (name, bytes)) in files.iter().enumerate() {
        if i > 0 || name != "masterplan.yaml" || bytes.is_empty() {
            if !out.is_empty() && !out.ends_with(b"\n") {
                out.push(b'\n');
            }
            out.extend_from_slice(FILE_MARK.as_bytes());
            out.extend_from_slice(name.as_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(bytes);
    }
    out
}

/// The YAML files of a project folder (masterplan.yaml, pokja/, monitoring/, and other
/// `*.yaml` at the top, such as a taxonomy file), in name order.
pub fn read_project(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(b) = std::fs::read(dir.join("masterplan.yaml")) {
        out.push(("masterplan.yaml".to_string(), b));
    }
    for sub in ["", "pokja", "monitoring"] {
        let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        let mut names: Vec<String> = rd
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml") && n != "masterplan.yaml")
            .collect();
        names.sort();
        for n in names {
            let rel = if sub.is_empty() {
                n.clone()
            } else {
                format!("{sub}/{n}")
            };
            if let Ok(b) = std::fs::read(dir.join(&rel)) {
                out.push((rel, b));
            }
        }
    }
    out
}

/// Write `files` into the (empty) folder `root`.
pub fn write_project(root: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    for (name, bytes) in files {
        let p = root.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, bytes)?;
    }
    Ok(())
}

/// An error diagnostic that says where: a file, and a field path or line unless it concerns
/// the whole file.
pub fn is_located(d: &Diagnostic) -> bool {
    !d.file.is_empty() && (d.line.is_some() || !d.path.is_empty() || WHOLE_FILE.contains(&d.code))
}

/// How far [`run_project`] goes with a project that checks clean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// load + validate only.
    Check,
    /// and plan, render (Markdown) and lay out the pages.
    Layout,
    /// and draw the PDF.
    Pdf,
}

/// Run the pipeline on the project folder `root`; `Err` names a broken invariant (an error
/// diagnostic without a location, a rendering error on a clean project, a document that
/// does not lay out). A panic is left to the caller (the fuzzer reports it).
/// Returns whether the project went on past the check (it checked clean and `depth` asked for
/// more).
pub fn run_project(root: &Path, depth: Depth) -> Result<bool, String> {
    let checked = crate::check(root);
    for d in &checked.diagnostics {
        if d.is_error() && !is_located(d) {
            return Err(format!("diagnostic without a location: {d:?}"));
        }
    }
    if depth == Depth::Check || checked.has_errors() {
        return Ok(false);
    }
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        return Err("no errors, but no project".to_string());
    };
    let plan = crate::plan::plan(project, taxonomy);
    let options = crate::render::RenderOptions {
        templates_dir: None,
        split_books: false,
        draft: false,
        date: None,
    };
    let documents = crate::render::render(project, taxonomy, &plan, &options)
        .map_err(|e| format!("a clean project does not render: {e:#}"))?;
    let pdf = crate::typeset::PdfOptions::default();
    for doc in &documents {
        if depth == Depth::Pdf {
            crate::typeset::typeset(&doc.markdown, root, &pdf)
                .map_err(|e| format!("{} does not typeset: {e:#}", doc.file_name))?;
        } else {
            crate::typeset::layout(&doc.markdown, root, &pdf)
                .map_err(|e| format!("{} does not lay out: {e:#}", doc.file_name))?;
        }
    }
    Ok(true)
}

/// The front matter [`run_markdown`] puts before a body that has none.
pub const FRONT_MATTER: &str =
    "---\ntitle: Fuzz\nregion: Kabupaten Fuzz\nperiod: 2023-2032\nyear: 2023\n---\n\n";

/// Lay out (and with `pdf`, draw) arbitrary Markdown, then write what lays out as DOCX and HTML
/// ([`run_writers`]); a body without front matter gets [`FRONT_MATTER`]. Any body must lay out.
pub fn run_markdown(text: &str, base_dir: &Path, pdf: bool) -> Result<(), String> {
    let owned;
    let md = if text.starts_with("---\n") {
        text
    } else {
        owned = format!("{FRONT_MATTER}{text}");
        &owned
    };
    let options = crate::typeset::PdfOptions::default();
    let result = if pdf {
        crate::typeset::typeset(md, base_dir, &options).map(|_| ())
    } else {
        crate::typeset::layout(md, base_dir, &options).map(|_| ())
    };
    match result {
        // A front matter of the input's own may be wrong; the body after ours may not.
        Err(e) if !text.starts_with("---\n") => Err(format!("a body does not lay out: {e:#}")),
        Err(_) => Ok(()),
        Ok(()) => run_writers(md, base_dir),
    }
}

/// The DOCX and HTML writers on Markdown the typesetter accepted (`md`, with its front
/// matter): they must accept it too, charts drawn (the DOCX's bitmap backend included).
pub fn run_writers(md: &str, base_dir: &Path) -> Result<(), String> {
    crate::docx::write(md, base_dir, &Default::default())
        .map_err(|e| format!("the DOCX writer refuses what the PDF takes: {e:#}"))?;
    crate::html::write(md, base_dir, &Default::default())
        .map_err(|e| format!("the HTML writer refuses what the PDF takes: {e:#}"))?;
    Ok(())
}

/// User Markdown stays inside its field: after it, a top-level heading is still a top-level
/// heading, no raw HTML comes out, and no heading is above `min_level`.
pub fn user_markdown_contained(field: &str, min_level: usize) -> Result<(), String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let out = crate::render::escape::markdown(field, min_level);
    let doc = format!("{out}\n\n# SENTINEL\n\nafter\n");
    let mut depth = 0usize;
    let mut heading: Option<(usize, usize)> = None;
    let mut sentinel = false;
    for e in Parser::new_ext(&doc, crate::typeset::markdown::options()) {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => return Err(format!("HTML {h:?} in {out:?}")),
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as usize, depth)),
            Event::Text(t) if t.as_ref() == "SENTINEL" => {
                if heading != Some((1, 0)) {
                    return Err(format!("the field swallowed what follows: {out:?}"));
                }
                sentinel = true;
            }
            Event::Text(_) | Event::Code(_) if !sentinel => {
                if let Some((level, _)) = heading
                    && level < min_level
                {
                    return Err(format!("heading level {level} < {min_level}: {out:?}"));
                }
            }
            Event::End(TagEnd::Heading(_)) => heading = None,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if sentinel {
        Ok(())
    } else {
        Err(format!("no heading after {out:?}"))
    }
}

/// A small deterministic PRNG (xorshift64*), so a seed names a mutation for ever.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Values that planners and attackers write where a scalar belongs.
const VALUES: &[&str] = &[
    "\"\"",
    "~",
    "[]",
    "{}",
    "-1",
    "0",
    "99999999999999999999",
    "2023",
    "1920",
    "2200",
    "\"\\e[31mmerah\\u0007\\0\"",
    "\"<script>alert(1)\"",
    "\"```\"",
    "\"<!-- pdf:skip -->\"",
    "|\n  <!-- pdf:landscape -->\n  Judul\n  ===\n  ~~~~",
    "*anchor",
    "&anchor x",
    "!!binary aGk=",
    "Rp 150.000.000",
    "150 juta",
    "tinggi",
    "2027-2030",
    "DISKOMINFO, DISHUB",
    ".inf",
    "yes",
    "\"../../etc/passwd\"",
    "/proc/self/environ",
    "[a, [b, [c]]]",
    "{ a: 1, a: 2 }",
    "'''",
    "\"\\uD800\"",
    "3.5",
    "1e9",
];

/// One structural mutation of one file (or of the set of files).
pub fn mutate(files: &mut Vec<(String, Vec<u8>)>, rng: &mut Rng) {
    if files.is_empty() {
        return;
    }
    let donor: Vec<String> = {
        let (_, b) = rng.pick(files);
        String::from_utf8_lossy(b)
            .lines()
            .map(str::to_string)
            .collect()
    };
    let which = rng.below(files.len());
    let kind = rng.below(16);
    if kind == 15 {
        // A whole file goes, or becomes empty.
        if rng.below(2) == 0 {
            files.remove(which);
        } else {
            files[which].1.clear();
        }
        return;
    }
    let (_, bytes) = &mut files[which];
    if kind == 14 {
        // Bytes the text never holds: a BOM, a NUL, invalid UTF-8, a tab.
        let at = rng.below(bytes.len() + 1);
        const JUNK: &[&[u8]] = &[b"\xEF\xBB\xBF", b"\0", b"\xFF\xFE", b"\t", b"\r"];
        let junk: &&[u8] = rng.pick(JUNK);
        bytes.splice(at..at, junk.iter().copied());
        return;
    }
    if kind == 13 {
        // Truncated anywhere.
        let at = rng.below(bytes.len() + 1);
        bytes.truncate(at);
        return;
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    let i = rng.below(lines.len());
    match kind {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 => {
            // Indentation off by two, or by a tab.
            let l = &mut lines[i];
            match rng.below(3) {
                0 => l.insert_str(0, "  "),
                1 => {
                    if l.starts_with("  ") {
                        l.replace_range(..2, "");
                    }
                }
                _ => l.insert(0, '\t'),
            }
        }
        4..=7 => {
            // A value replaced.
            let l = &mut lines[i];
            if let Some(at) = l.find(": ") {
                l.truncate(at + 2);
                let v: &&str = rng.pick(VALUES);
                l.push_str(v);
            } else if let Some(at) = l.find("- ") {
                l.truncate(at + 2);
                let v: &&str = rng.pick(VALUES);
                l.push_str(v);
            }
        }
        8 => {
            // A key misspelt.
            let l = &mut lines[i];
            if let Some(at) = l.find(':') {
                let start = l.len() - l.trim_start().len();
                if at > start + 1 {
                    l.remove(start + rng.below(at - start));
                }
            }
        }
        9 => {
            // A line from another file.
            if !donor.is_empty() {
                let d = rng.pick(&donor).clone();
                lines.insert(i, d);
            }
        }
        10 => {
            // A list item repeated (a duplicate id, a second programme).
            let start = (0..=i)
                .rev()
                .find(|&k| lines[k].trim_start().starts_with("- "));
            if let Some(s) = start {
                let indent = lines[s].len() - lines[s].trim_start().len();
                let mut e = s + 1;
                while e < lines.len()
                    && (lines[e].trim().is_empty()
                        || lines[e].len() - lines[e].trim_start().len() > indent)
                {
                    e += 1;
                }
                let block: Vec<String> = lines[s..e].to_vec();
                let at = e.min(lines.len());
                for (k, l) in block.into_iter().enumerate() {
                    lines.insert(at + k, l);
                }
            }
        }
        11 => {
            // A number nudged (years out of the period, scores out of range).
            let l = &mut lines[i];
            if let Some(pos) = l.find(|c: char| c.is_ascii_digit()) {
                let delta = *rng.pick(&["1", "9", "0", "-", "00"][..]);
                l.insert_str(pos, delta);
            }
        }
        _ => {
            // A line cut in two.
            let l = lines[i].clone();
            let cut = l
                .char_indices()
                .map(|(k, _)| k)
                .nth(rng.below(l.chars().count() + 1))
                .unwrap_or(l.len());
            lines[i] = l[..cut].to_string();
            lines.insert(i + 1, l[cut..].to_string());
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    *bytes = out.into_bytes();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_join_are_inverse() {
        let files = vec![
            ("masterplan.yaml".to_string(), b"a: 1\n".to_vec()),
            ("pokja/economy.yaml".to_string(), b"b: 2\n".to_vec()),
        ];
        assert_eq!(split(&join(&files)), files);
        // Paths outside the project stay content.
        let f = split(b"x: 1\n#>> ../etc/passwd\n#>> /abs\n");
        assert_eq!(f.len(), 1);
    }

    #[test]
    fn an_unlocated_error_breaks_the_invariant() {
        assert!(!is_located(&Diagnostic::error(
            "E0203",
            "pokja/a.yaml",
            "",
            "x"
        )));
        assert!(!is_located(&Diagnostic::error(
            "E0203",
            "",
            "programs[0]",
            "x"
        )));
        assert!(is_located(&Diagnostic::error(
            "E0203",
            "f",
            "programs[0]",
            "x"
        )));
        assert!(is_located(
            &Diagnostic::error("E0203", "f", "", "x").at(1, 1)
        ));
        assert!(is_located(&Diagnostic::error("E0003", "f", "", "x")));
        assert!(user_markdown_contained("<!-- pdf:skip -->\n```", 5).is_ok());
    }

    #[test]
    fn the_rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..10 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }
}
