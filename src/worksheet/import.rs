//! `worksheet import`: a Bimtek workbook (calamine) back to the project's YAML files.
//!
//! The workbook is read cell by cell (bounded: file size, rows and columns per sheet, characters
//! per cell), each cell read the way planners type it (numbers stored as text, `Rp 250.000.000`,
//! `2023.0` or a date in a year cell, trailing spaces, lower-case codes, empty rows, merged
//! cells). The cells build the typed model; the model is written as YAML (see [`super::emit`])
//! and checked by the normal [`crate::check()`] in a scratch folder, and every diagnostic is
//! pointed back at its sheet and cell (`economy!F7`). Files are returned only when there is no
//! error.
//!
//! This module holds the entry point, the context that collects the diagnostics and the cell
//! each written field came from, and the build of the files; the stages are children: `book`
//! reads the workbook, `cells` one cell, `sheet` the rows of a key-value or table sheet,
//! `region` the `region` and `opd` sheets, `pokja` the `pokja` sheet, `programs` the
//! dimension, `budget` and `indicators` sheets, `register` the `risks` and `omitted` sheets,
//! and `check` runs `check` on the result.

use std::collections::HashMap;
use std::path::Path;

use super::{BUDGET, Field, INDICATORS, OPD, POKJA, REGION};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest;
use crate::taxonomy::Taxonomy;
use book::{Book, Grid, read_book};
use check::check_files;
use pokja::read_pokja;
use programs::{read_budget, read_indicators};
use region::{read_opd, read_region};

mod book;
mod cells;
mod check;
mod pokja;
mod programs;
mod region;
mod register;
mod sheet;

/// The largest workbook read (bytes of the .xlsx file).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The most rows read from one sheet.
pub const MAX_ROWS: u32 = 50_000;
/// The most columns read from one sheet.
pub const MAX_COLUMNS: u32 = 500;
/// Excel's limit on the characters of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What an import gives: the files to write (path relative to the project folder, YAML text),
/// empty when any diagnostic is an error, and the diagnostics, located by sheet and cell.
#[derive(Debug, Default)]
pub struct Imported {
    pub files: Vec<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        crate::diagnostic::has_errors(&self.diagnostics)
    }
}

/// Read a workbook (`bytes`, named `file` in diagnostics) for the project folder `dir` (where a
/// taxonomy file or logo the workbook names is looked up).
pub fn import(bytes: &[u8], file: &str, dir: &Path) -> Imported {
    let mut cx = Cx {
        file: file.to_string(),
        diagnostics: Vec::new(),
        locs: HashMap::new(),
        ids: Vec::new(),
        broken: Vec::new(),
    };
    let Some(book) = read_book(bytes, &mut cx) else {
        return cx.finish(Vec::new());
    };
    let files = build(&book, &mut cx, dir);
    if crate::diagnostic::has_errors(&cx.diagnostics) {
        return cx.finish(Vec::new());
    }
    let Some(files) = files else {
        return cx.finish(Vec::new());
    };
    check_files(&files, dir, &mut cx);
    if crate::diagnostic::has_errors(&cx.diagnostics) {
        return cx.finish(Vec::new());
    }
    cx.finish(files)
}

/// Where a field of a written file came from.
#[derive(Debug, Clone)]
struct Loc {
    cell: String,
    label: &'static str,
    key: String,
}

struct Cx {
    file: String,
    diagnostics: Vec<Diagnostic>,
    /// (file, field path) -> cell.
    locs: HashMap<(String, String), Loc>,
    /// Every programme id typed on a dimension sheet, and those whose row has an error.
    ids: Vec<String>,
    broken: Vec<String>,
}

impl Cx {
    fn error(&mut self, code: &'static str, cell: &str, message: String, hint: Option<String>) {
        let mut d = Diagnostic::error(code, self.file.clone(), cell, message);
        d.hint = hint;
        self.diagnostics.push(d);
    }

    fn warning(&mut self, code: &'static str, cell: &str, message: String, hint: Option<String>) {
        let mut d = Diagnostic::warning(code, self.file.clone(), cell, message);
        d.hint = hint;
        self.diagnostics.push(d);
    }

    fn loc(&mut self, file: &str, path: String, cell: String, field: &Field) {
        self.locs.insert(
            (file.to_string(), path),
            Loc {
                cell,
                label: field.id,
                key: field.key.to_string(),
            },
        );
    }

    fn finish(mut self, files: Vec<(String, String)>) -> Imported {
        // Errors first, then by cell as written, for a stable order.
        self.diagnostics.sort_by(|a, b| {
            (a.severity != Severity::Error)
                .cmp(&(b.severity != Severity::Error))
                .then_with(|| sheet_order(&a.path).cmp(&sheet_order(&b.path)))
                .then_with(|| a.code.cmp(b.code))
                .then_with(|| a.message.cmp(&b.message))
        });
        self.diagnostics.dedup();
        Imported {
            files,
            diagnostics: self.diagnostics,
        }
    }
}

/// `economy!F12` sorts by sheet, then row, then column.
fn sheet_order(cell: &str) -> (String, u32, String) {
    let (sheet, rest) = cell.split_once('!').unwrap_or((cell, ""));
    let letters: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = rest[letters.len()..].parse().unwrap_or(0);
    (
        sheet.to_string(),
        row,
        format!("{:>4}", letters), // B before AA
    )
}

const MP: &str = "masterplan.yaml";

fn build(book: &Book, cx: &mut Cx, dir: &Path) -> Option<Vec<(String, String)>> {
    let default_t = Taxonomy::default_builtin();
    // Which sheets are known: the fixed ones and the dimension keys of the (default) taxonomy;
    // refined below once the region sheet names its taxonomy.
    let region = require(book, REGION, cx);
    let opd = require(book, OPD, cx);
    let (Some(region), Some(opd_sheet)) = (region, opd) else {
        return None;
    };
    let mut masterplan = read_region(region, cx);
    let taxonomy = masterplan
        .as_ref()
        .and_then(|m| m.taxonomy.as_deref())
        .map(|name| resolve(name, dir))
        .unwrap_or_else(|| Some(default_t.clone()))
        .unwrap_or(default_t);
    let known: Vec<String> = [
        REGION,
        OPD,
        POKJA,
        BUDGET,
        INDICATORS,
        super::RISKS,
        super::OMITTED,
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(taxonomy.dimensions.iter().map(|d| d.key.clone()))
    .collect();
    for name in book.sheets.keys() {
        if !known.contains(name) {
            let hint = match suggest::did_you_mean(name, known.iter().map(String::as_str)) {
                Some(k) => format!("did you mean `{k}`? Rename the sheet to `{k}` to import it"),
                None => format!("the sheets read are {}", known.join(", ")),
            };
            cx.warning(
                "W0700",
                name,
                format!("sheet `{name}` is not part of the worksheet and is ignored"),
                Some(hint),
            );
        }
    }
    let opd = read_opd(opd_sheet, cx);
    let codes: Vec<String> = opd.iter().map(|o| o.code.clone()).collect();
    if let Some(m) = masterplan.as_mut() {
        m.opd = opd;
    }
    let pokja = read_pokja(book, &taxonomy, &codes, cx);
    let masterplan = masterplan?;
    let mut pokja = pokja;
    read_budget(book, &mut pokja, cx);
    read_indicators(book, &mut pokja, &masterplan, cx);
    register::read_risks(book, &mut pokja, cx);
    register::read_omitted(book, &taxonomy, &mut pokja, cx);
    let header = format!(
        "Written by `masterplan worksheet import` from {}.\nEdit this file or the workbook (then import it again with --force); `masterplan check` judges both.",
        cx.file
    );
    let mut files = vec![(
        MP.to_string(),
        super::emit::masterplan(&masterplan, &header),
    )];
    for (_, p) in pokja {
        files.push((
            format!("pokja/{}.yaml", p.dimension),
            super::emit::pokja(&p, &header),
        ));
    }
    Some(files)
}

fn resolve(name: &str, dir: &Path) -> Option<Taxonomy> {
    if let Some(t) = Taxonomy::builtin(name.trim()) {
        return Some(t);
    }
    let text = std::fs::read_to_string(dir.join(name.trim())).ok()?;
    crate::yaml::from_str::<Taxonomy>(&text, name).ok()
}

fn require<'b>(book: &'b Book, name: &str, cx: &mut Cx) -> Option<&'b Grid> {
    if let Some(g) = book.sheet(name) {
        return Some(g);
    }
    let names: Vec<&str> = book.sheets.keys().map(String::as_str).collect();
    let hint = match suggest::did_you_mean(name, names.iter().copied()) {
        Some(s) => format!("rename the sheet `{s}` back to `{name}`"),
        None => format!(
            "the workbook must have a sheet named `{name}`; start from `masterplan worksheet export`"
        ),
    };
    cx.error(
        "E0702",
        name,
        format!("the workbook has no sheet `{name}`"),
        Some(hint),
    );
    None
}
