//! `worksheet import`: a Bimtek workbook (calamine) back to the project's YAML files.
//!
//! The workbook is read cell by cell (bounded: file size, rows and columns per sheet, characters
//! per cell), each cell read the way planners type it (numbers stored as text, `Rp 250.000.000`,
//! `2023.0` or a date in a year cell, trailing spaces, lower-case codes, empty rows, merged
//! cells). The cells build the typed model; the model is written as YAML (see [`super::emit`])
//! and checked by the normal [`crate::check()`] in a scratch folder, and every diagnostic is
//! pointed back at its sheet and cell (`economy!F7`). Files are returned only when there is no
//! error.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{DataRef, Reader, Xlsx};

use super::{
    BUDGET, BUDGET_COLUMNS, Field, HEADER_ROWS, INDICATOR_COLUMNS, INDICATORS, INSTRUCTIONS, Kind,
    LISTS, OPD, OPD_COLUMNS, POKJA, POKJA_ROWS, PROGRAM_COLUMNS, REGION, REGION_ROWS, cell_ref,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{
    BudgetLine, BudgetSource, Category, Direction, EvaluationConfig, Indicator, Language,
    Masterplan, Member, Opd, Period, Pokja, Program, Readiness, ReadinessScore, Region, RegionType,
    Rpjmd, RpjmdMission, Strategies, Swot, Team, Value, Weights, Year,
};
use crate::suggest;
use crate::taxonomy::Taxonomy;

mod register;

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

/// One cell's value as the import sees it.
#[derive(Debug, Clone, PartialEq)]
enum Raw {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or date-time: the year, and the text as typed (ISO).
    Date(i32, String),
    Error(String),
}

/// One sheet, sparse: row -> column -> value (empty cells absent).
#[derive(Debug, Default)]
struct Grid {
    name: String,
    rows: BTreeMap<u32, BTreeMap<u16, Raw>>,
}

impl Grid {
    fn get(&self, row: u32, col: u16) -> Option<&Raw> {
        self.rows.get(&row).and_then(|r| r.get(&col))
    }
}

struct Book {
    /// Normalised sheet name (trimmed, lower case) -> grid.
    sheets: BTreeMap<String, Grid>,
}

impl Book {
    fn sheet(&self, name: &str) -> Option<&Grid> {
        self.sheets.get(name)
    }
}

fn read_book(bytes: &[u8], cx: &mut Cx) -> Option<Book> {
    let file = cx.file.clone();
    if bytes.len() > MAX_FILE_BYTES {
        cx.error(
            "E0703",
            "",
            format!(
                "{file} is {} MiB, more than the {} MiB a worksheet may have",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            Some("split the workbook (e.g. `worksheet export --pokja KEY` per pokja)".into()),
        );
        return None;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        cx.error(
            "E0701",
            "",
            format!(
                "{file} is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read"
            ),
            Some("in Excel or LibreOffice remove the password (if any) and save it as Excel Workbook (.xlsx)".into()),
        );
        return None;
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        let looks_text = bytes
            .iter()
            .take(512)
            .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || *b >= 0x80);
        let what = if bytes.is_empty() {
            "is empty".to_string()
        } else if looks_text {
            "is text (a CSV or another text file renamed?), not an .xlsx workbook".to_string()
        } else {
            "is not an .xlsx workbook".to_string()
        };
        cx.error(
            "E0700",
            "",
            format!("{file} {what}"),
            Some("open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), or start from `masterplan worksheet export`".into()),
        );
        return None;
    }
    if let Err(refused) = super::archive::check(bytes, super::archive::MAX_INFLATED_BYTES) {
        cx.error(
            "E0034",
            "",
            format!("{file} {}; nothing was read", refused.what),
            Some("open the workbook in Excel or LibreOffice and save it again as Excel Workbook (.xlsx), or start from `masterplan worksheet export`".into()),
        );
        return None;
    }
    let mut xlsx = match Xlsx::new(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(e) => {
            cx.error(
                "E0700",
                "",
                format!(
                    "{file} is not a readable .xlsx workbook (a damaged or incomplete file?): {e}"
                ),
                Some(
                    "open it in Excel or LibreOffice and save it again as Excel Workbook (.xlsx)"
                        .into(),
                ),
            );
            return None;
        }
    };
    let names: Vec<String> = xlsx.sheet_names().to_vec();
    let mut book = Book {
        sheets: BTreeMap::new(),
    };
    for name in names {
        let key = name.trim().to_lowercase();
        if INSTRUCTIONS.contains(&key.as_str()) || key == LISTS {
            continue;
        }
        let regions: Vec<calamine::Dimensions> =
            xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut grid = Grid {
            name: key.clone(),
            rows: BTreeMap::new(),
        };
        let mut reader = match xlsx.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(e) => {
                cx.error(
                    "E0700",
                    &key,
                    format!("sheet `{name}` of {file} cannot be read: {e}"),
                    Some("open the workbook in Excel or LibreOffice and save it again".into()),
                );
                continue;
            }
        };
        let mut too_big = false;
        loop {
            let cell = match reader.next_cell() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    cx.error(
                        "E0700",
                        &key,
                        format!("sheet `{name}` of {file} is damaged: {e}"),
                        Some("open the workbook in Excel or LibreOffice and save it again".into()),
                    );
                    break;
                }
            };
            let (row, col) = cell.get_position();
            if row >= MAX_ROWS || col >= MAX_COLUMNS {
                let raw = raw(cell.get_value());
                if raw.is_none() {
                    continue;
                }
                too_big = true;
                cx.error(
                    "E0703",
                    &cell_ref(&key, row, col as u16),
                    format!(
                        "sheet `{name}` has data at {}, beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns a worksheet may have",
                        cell_ref(&key, row, col as u16)
                    ),
                    Some("delete the rows or columns below or right of the data, or split the workbook".into()),
                );
                break;
            }
            let Some(value) = raw(cell.get_value()) else {
                continue;
            };
            if let Raw::Text(t) = &value
                && t.chars().count() > MAX_CELL_CHARS
            {
                cx.error(
                    "E0704",
                    &cell_ref(&key, row, col as u16),
                    format!(
                        "the cell holds {} characters, more than the {MAX_CELL_CHARS} a cell may have",
                        t.chars().count()
                    ),
                    Some("shorten the text; long prose belongs in the YAML file".into()),
                );
                continue;
            }
            grid.rows.entry(row).or_default().insert(col as u16, value);
        }
        drop(reader);
        if too_big {
            continue;
        }
        spread_merged(&mut grid, &regions, cx);
        if book.sheets.contains_key(&key) {
            cx.error(
                "E0702",
                &key,
                format!("two sheets are named `{key}` (ignoring case and spaces)"),
                Some("rename or delete one of them".into()),
            );
            continue;
        }
        book.sheets.insert(key, grid);
    }
    Some(book)
}

fn raw(v: &DataRef<'_>) -> Option<Raw> {
    Some(match v {
        DataRef::Empty => return None,
        DataRef::Int(i) => Raw::Number(*i as f64),
        DataRef::Float(f) => Raw::Number(*f),
        DataRef::String(s) => Raw::Text(s.clone()),
        DataRef::SharedString(s) => Raw::Text((*s).to_string()),
        DataRef::Bool(b) => Raw::Bool(*b),
        DataRef::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Raw::Date(i32::from(y), format!("{y:04}-{m:02}-{day:02}"))
        }
        DataRef::DateTimeIso(s) => {
            let year = s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            Raw::Date(year, s.clone())
        }
        DataRef::DurationIso(s) => Raw::Text(s.clone()),
        DataRef::Error(e) => Raw::Error(e.to_string()),
    })
}

/// Merged cells hold their value in the top-left cell only: copy it to every cell of the
/// region, with a warning (below the header rows).
fn spread_merged(grid: &mut Grid, regions: &[calamine::Dimensions], cx: &mut Cx) {
    for d in regions {
        let (r0, c0) = d.start;
        let (r1, c1) = d.end;
        if r1.saturating_sub(r0) > MAX_ROWS || c1.saturating_sub(c0) > MAX_COLUMNS {
            continue;
        }
        let value = grid.get(r0, c0 as u16).cloned();
        if r1 >= HEADER_ROWS {
            cx.warning(
                "W0702",
                &cell_ref(&grid.name, r0, c0 as u16),
                format!(
                    "merged cells {}:{}; the value of {} is used in each of them",
                    super::column_name(c0 as u16) + &(r0 + 1).to_string(),
                    super::column_name(c1 as u16) + &(r1 + 1).to_string(),
                    super::column_name(c0 as u16) + &(r0 + 1).to_string(),
                ),
                Some("unmerge the cells and fill in each row (merged cells are read, but a sort or a filter in Excel breaks them)".into()),
            );
        }
        let Some(value) = value else { continue };
        for r in r0..=r1 {
            for c in c0..=c1 {
                grid.rows
                    .entry(r)
                    .or_default()
                    .insert(c as u16, value.clone());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading cells.

/// What is wrong with a cell: code, message, hint.
struct Bad(&'static str, String, String);

type Read<T> = Result<Option<T>, Bad>;

fn formula_error(e: &str) -> Bad {
    Bad(
        "E0705",
        format!("the cell shows the formula error {e}"),
        "fix the formula, or type the value itself".into(),
    )
}

/// One line of text: trimmed; numbers as typed (an id or a name typed as a number).
fn read_text(raw: Option<&Raw>) -> Read<String> {
    Ok(match raw {
        None => None,
        Some(Raw::Text(t)) => {
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Some(Raw::Number(n)) => Some(number_text(*n)),
        Some(Raw::Bool(b)) => Some(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Some(Raw::Date(_, s)) => Some(s.clone()),
        Some(Raw::Error(e)) => return Err(formula_error(e)),
    })
}

/// Prose: line breaks kept (`\r\n` as `\n`), trailing spaces of each line removed.
fn read_prose(raw: Option<&Raw>) -> Read<String> {
    match raw {
        Some(Raw::Text(t)) => {
            let t = t.replace("\r\n", "\n").replace('\r', "\n");
            let lines: Vec<&str> = t.split('\n').map(str::trim_end).collect();
            let t = lines.join("\n");
            if t.trim().is_empty() {
                return Ok(None);
            }
            // A single line is trimmed like any text; a block keeps its leading indentation.
            if !t.contains('\n') {
                return Ok(Some(t.trim().to_string()));
            }
            Ok(Some(t.trim_start_matches('\n').to_string()))
        }
        other => read_text(other),
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A number typed in any of the planners' ways: `2023`, `2023.0`, `"2023"`, ` 2.023 `.
fn parse_number_text(t: &str) -> Option<f64> {
    let t = t.trim().replace(['\u{a0}', ' '], "");
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn read_year(raw: Option<&Raw>) -> Result<Option<(Year, bool)>, Bad> {
    let bad = |shown: String| {
        Bad(
            "E0710",
            format!("`{shown}` is not a year"),
            "type the year as a number, e.g. 2025".into(),
        )
    };
    match raw {
        None => Ok(None),
        Some(Raw::Date(y, _)) => Ok(Some((*y, true))),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(Raw::Bool(b)) => Err(bad(b.to_string())),
        Some(Raw::Number(n)) => whole_year(*n)
            .map(|y| Some((y, false)))
            .ok_or_else(|| bad(number_text(*n))),
        Some(Raw::Text(t)) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_number_text(t)
                .and_then(whole_year)
                .map(|y| Some((y, false)))
                .ok_or_else(|| bad(t.to_string()))
        }
    }
}

fn whole_year(n: f64) -> Option<Year> {
    (n.fract() == 0.0 && (0.0..=9999.0).contains(&n)).then_some(n as Year)
}

/// A whole non-negative number (population, counts, weights, scores).
fn read_whole(raw: Option<&Raw>) -> Read<u64> {
    let bad = |shown: String| {
        Bad(
            "E0709",
            format!("`{shown}` is not a whole number"),
            "type a whole number without decimals, e.g. 374330".into(),
        )
    };
    match raw {
        None => Ok(None),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(Raw::Number(n)) => whole(*n).map(Some).ok_or_else(|| bad(number_text(*n))),
        Some(Raw::Text(t)) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            grouped_integer(t)
                .or_else(|| parse_number_text(t).and_then(whole))
                .map(Some)
                .ok_or_else(|| bad(t.to_string()))
        }
        Some(Raw::Bool(b)) => Err(bad(b.to_string())),
        Some(Raw::Date(_, s)) => Err(bad(s.clone())),
    }
}

fn whole(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && (0.0..9.0e15).contains(&n)).then_some(n as u64)
}

/// `250.000.000`, `250,000,000`, `250 000 000`, `250000000`, with `,00`/`.00` cents.
fn grouped_integer(t: &str) -> Option<u64> {
    let t = t.trim();
    let t = t
        .strip_suffix(",00")
        .or_else(|| t.strip_suffix(",-"))
        .or_else(|| t.strip_suffix(".00"))
        .unwrap_or(t);
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok();
    }
    for sep in ['.', ',', ' ', '\u{a0}'] {
        let groups: Vec<&str> = t.split(sep).collect();
        if groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        {
            return groups.concat().parse().ok();
        }
    }
    None
}

/// Whole Rupiah: a number, or text such as `Rp 250.000.000`, `Rp250,000,000`, `250000000`.
fn read_money(raw: Option<&Raw>) -> Read<u64> {
    let bad = |shown: String, why: &str| {
        Bad(
            "E0711",
            format!("`{shown}` is not an amount in whole Rupiah{why}"),
            "type the amount as a number, e.g. 250000000 (Rp 250.000.000 and 250.000.000 are read too)".into(),
        )
    };
    match raw {
        None => Ok(None),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(Raw::Number(n)) => {
            if *n < 0.0 {
                Err(bad(number_text(*n), " (it is negative)"))
            } else {
                whole(*n)
                    .map(Some)
                    .ok_or_else(|| bad(number_text(*n), " (it has decimals)"))
            }
        }
        Some(Raw::Text(t)) => {
            let trimmed = t.trim();
            if trimmed.is_empty() {
                return Ok(None);
            }
            let lower = trimmed.to_lowercase();
            let digits = lower
                .strip_prefix("rp.")
                .or_else(|| lower.strip_prefix("rp"))
                .or_else(|| lower.strip_prefix("idr"))
                .unwrap_or(&lower)
                .trim();
            if digits.starts_with('-') {
                return Err(bad(trimmed.to_string(), " (it is negative)"));
            }
            grouped_integer(digits)
                .map(Some)
                .ok_or_else(|| bad(trimmed.to_string(), ""))
        }
        Some(Raw::Bool(b)) => Err(bad(b.to_string(), "")),
        Some(Raw::Date(_, s)) => Err(bad(s.clone(), " (the cell holds a date)")),
    }
}

fn read_decimal(raw: Option<&Raw>) -> Read<f64> {
    match raw {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(*n)),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(Raw::Text(t)) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            // 9672,7 (Indonesian decimal comma) or 9672.7.
            parse_number_text(t)
                .or_else(|| parse_number_text(&t.replace(',', ".")))
                .map(Some)
                .ok_or_else(|| {
                    Bad(
                        "E0709",
                        format!("`{t}` is not a number"),
                        "type a number, e.g. 9672.7".into(),
                    )
                })
        }
        Some(other) => Err(Bad(
            "E0709",
            format!("`{}` is not a number", shown(other)),
            "type a number, e.g. 9672.7".into(),
        )),
    }
}

fn shown(raw: &Raw) -> String {
    match raw {
        Raw::Text(t) => t.clone(),
        Raw::Number(n) => number_text(*n),
        Raw::Bool(b) => b.to_string(),
        Raw::Date(_, s) => s.clone(),
        Raw::Error(e) => e.clone(),
    }
}

fn read_yes_no(raw: Option<&Raw>) -> Read<bool> {
    match raw {
        None => Ok(None),
        Some(Raw::Bool(b)) => Ok(Some(*b)),
        Some(Raw::Number(n)) if *n == 1.0 => Ok(Some(true)),
        Some(Raw::Number(n)) if *n == 0.0 => Ok(Some(false)),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(other) => {
            let t = shown(other).trim().to_lowercase();
            match t.as_str() {
                "" => Ok(None),
                "ya" | "y" | "yes" | "true" | "benar" | "x" | "v" | "✓" => Ok(Some(true)),
                "tidak" | "t" | "no" | "n" | "false" | "salah" | "-" => Ok(Some(false)),
                _ => Err(Bad(
                    "E0712",
                    format!("`{}` is not yes or no", shown(other).trim()),
                    "choose ya or tidak (yes or no) from the dropdown".into(),
                )),
            }
        }
    }
}

fn read_value(raw: Option<&Raw>) -> Read<Value> {
    match raw {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(Value::Number(*n))),
        Some(Raw::Error(e)) => Err(formula_error(e)),
        Some(other) => {
            let t = shown(other);
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            Ok(Some(match parse_number_text(t) {
                Some(n) if !t.contains(' ') => Value::Number(n),
                _ => Value::Text(t.to_string()),
            }))
        }
    }
}

/// Items separated by commas, semicolons or line breaks.
fn read_items(raw: Option<&Raw>) -> Result<Vec<String>, Bad> {
    let Some(t) = read_text(raw)? else {
        return Ok(Vec::new());
    };
    Ok(t.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// One item per line of the cell.
fn read_lines(raw: Option<&Raw>) -> Result<Vec<String>, Bad> {
    let Some(t) = read_prose(raw)? else {
        return Ok(Vec::new());
    };
    Ok(t.split('\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// A key of a closed set, any case; unknown values are E0013 (as `check` reports them).
fn read_key<'a>(raw: Option<&Raw>, keys: &[&'a str], what: &str) -> Result<Option<&'a str>, Bad> {
    let Some(t) = read_text(raw)? else {
        return Ok(None);
    };
    let lower = t.to_lowercase().replace(' ', "_");
    if let Some(k) = keys.iter().find(|k| **k == lower) {
        return Ok(Some(k));
    }
    let hint = match suggest::did_you_mean(&lower, keys.iter().copied()) {
        Some(k) => format!("did you mean `{k}`? The {what}s are {}", keys.join(", ")),
        None => format!("choose one from the dropdown: {}", keys.join(", ")),
    };
    Err(Bad("E0013", format!("unknown {what} `{t}`"), hint))
}

/// An OPD code as the OPD sheet spells it when only the case differs; otherwise as typed
/// (`check` reports an unknown code with its did-you-mean).
fn opd_code(t: String, codes: &[String]) -> String {
    if codes.contains(&t) {
        return t;
    }
    codes
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&t))
        .cloned()
        .unwrap_or(t)
}

// ---------------------------------------------------------------------------------------------
// Building the model.

fn read_cell<T>(cx: &mut Cx, cell: &str, field: &Field, r: Result<Option<T>, Bad>) -> Option<T> {
    match r {
        Ok(v) => v,
        Err(Bad(code, message, hint)) => {
            cx.error(
                code,
                cell,
                format!("{message} (column `{}` / {})", field.id, field.key),
                Some(hint),
            );
            None
        }
    }
}

fn missing(cx: &mut Cx, cell: &str, field: &Field, what: &str) {
    cx.error(
        "E0011",
        cell,
        format!(
            "missing required field `{}` ({}) {what}",
            field.key, field.id
        ),
        Some(format!("fill in `{}`", field.id)),
    );
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

/// Rows of a key-value sheet: (row, key, value column cells); the key found in `key_col`.
fn kv_rows<'g>(
    grid: &'g Grid,
    key_col: u16,
    fields: &'static [Field],
    cx: &mut Cx,
) -> Vec<(u32, &'static Field, &'g BTreeMap<u16, Raw>)> {
    let mut out = Vec::new();
    for (row, cells) in grid.rows.range(1..) {
        let key = cells.get(&key_col).map(shown).unwrap_or_default();
        let key = key.trim().to_lowercase();
        let has_value = cells.keys().any(|c| *c > key_col);
        if key.is_empty() {
            if has_value {
                cx.error(
                    "E0708",
                    &cell_ref(&grid.name, *row, key_col),
                    "a value in a row without a field key".into(),
                    Some(
                        "copy the field key (column `Kunci`/`Key`) of the field this row adds to"
                            .into(),
                    ),
                );
            }
            continue;
        }
        match fields.iter().find(|f| f.key == key) {
            Some(f) => out.push((*row, f, cells)),
            None => {
                let hint = match suggest::did_you_mean(&key, fields.iter().map(|f| f.key)) {
                    Some(k) => format!("did you mean `{k}`?"),
                    None => {
                        "use one of the keys the export writes (docs/reference/worksheet.md)".into()
                    }
                };
                cx.error(
                    "E0707",
                    &cell_ref(&grid.name, *row, key_col),
                    format!("unknown field key `{key}`"),
                    Some(hint),
                );
            }
        }
    }
    out
}

fn read_region(g: &Grid, cx: &mut Cx) -> Option<Masterplan> {
    let rows = kv_rows(g, 1, REGION_ROWS, cx);
    let mut one: HashMap<&str, (u32, Option<&Raw>)> = HashMap::new();
    let mut missions = Vec::new();
    let mut legal = Vec::new();
    let mut rpjmd_missions = Vec::new();
    let mut council = Vec::new();
    let mut implementers = Vec::new();
    let mut rpjmd_period = None;
    let mut weights: HashMap<&str, u32> = HashMap::new();
    let mut weight_row = None;
    let mut rpjmd_used = false;
    let mut team_used = false;
    let mut legal_used = false;
    for (row, field, cells) in rows {
        let c = cell_ref(&g.name, row, 2);
        let v1 = cells.get(&2);
        let v2 = cells.get(&3);
        match field.key {
            "missions" => {
                if let Some(t) = read_cell(cx, &c, field, read_text(v1)) {
                    cx.loc(
                        MP,
                        format!("missions[{}]", missions.len()),
                        c.clone(),
                        field,
                    );
                    missions.push(t);
                }
            }
            "legal_basis" => {
                if let Some(t) = read_cell(cx, &c, field, read_text(v1)) {
                    legal_used = true;
                    cx.loc(
                        MP,
                        format!("legal_basis[{}]", legal.len()),
                        c.clone(),
                        field,
                    );
                    legal.push(t);
                }
            }
            "rpjmd.missions" => {
                let id = read_cell(cx, &c, field, read_text(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let text = read_cell(cx, &c2, field, read_text(v2));
                if id.is_none() && text.is_none() {
                    continue;
                }
                rpjmd_used = true;
                let i = rpjmd_missions.len();
                cx.loc(MP, format!("rpjmd.missions[{i}]"), c.clone(), field);
                cx.loc(MP, format!("rpjmd.missions[{i}].id"), c.clone(), field);
                cx.loc(MP, format!("rpjmd.missions[{i}].text"), c2.clone(), field);
                match (id, text) {
                    (Some(id), Some(text)) => rpjmd_missions.push(RpjmdMission {
                        id: id.to_uppercase(),
                        text,
                    }),
                    (None, _) => missing(cx, &c, field, "(the mission id, in this column)"),
                    (_, None) => missing(cx, &c2, field, "(the mission text, in this column)"),
                }
            }
            "team.council" | "team.implementers" => {
                let name = read_cell(cx, &c, field, read_text(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let role = read_cell(cx, &c2, field, read_text(v2));
                let list = if field.key == "team.council" {
                    &mut council
                } else {
                    &mut implementers
                };
                match name {
                    Some(name) => {
                        team_used = true;
                        let i = list.len();
                        let base = format!("{}[{i}]", field.key);
                        cx.loc(MP, base.clone(), c.clone(), field);
                        cx.loc(MP, format!("{base}.name"), c.clone(), field);
                        cx.loc(MP, format!("{base}.role"), c2.clone(), field);
                        list.push(Member { name, role });
                    }
                    None if role.is_some() => {
                        missing(cx, &c, field, "(the member's name, in this column)")
                    }
                    None => {}
                }
            }
            "rpjmd.period" => {
                let a = read_cell(cx, &c, field, read_year(v1));
                let c2 = cell_ref(&g.name, row, 3);
                let b = read_cell(cx, &c2, field, read_year(v2));
                cx.loc(MP, "rpjmd.period".into(), c.clone(), field);
                match (a, b) {
                    (Some((a, _)), Some((b, _))) => {
                        rpjmd_used = true;
                        rpjmd_period = Some([a, b]);
                    }
                    (None, None) => {}
                    (None, _) => missing(cx, &c, field, "(the first year)"),
                    (_, None) => missing(cx, &c2, field, "(the last year)"),
                }
            }
            k if k.starts_with("evaluation.weights.") => {
                cx.loc(MP, k.to_string(), c.clone(), field);
                if let Some(n) = read_cell(cx, &c, field, read_whole(v1)) {
                    weight_row.get_or_insert(c.clone());
                    weights.insert(k, u32::try_from(n).unwrap_or(u32::MAX));
                }
            }
            k => {
                if one.contains_key(k) {
                    cx.error(
                        "E0004",
                        &cell_ref(&g.name, row, 1),
                        format!("the field `{k}` appears on two rows"),
                        Some("keep one row per field (only lists such as missions repeat)".into()),
                    );
                    continue;
                }
                cx.loc(MP, k.to_string(), c.clone(), field);
                one.insert(k, (row, v1));
            }
        }
    }
    let mut ok = true;
    let mut get_text = |cx: &mut Cx, key: &'static str, prose: bool| -> Option<String> {
        let (row, v) = one.get(key).copied().unwrap_or((0, None));
        let field = REGION_ROWS.iter().find(|f| f.key == key)?;
        let c = cell_ref(&g.name, row, 2);
        let r = if prose { read_prose(v) } else { read_text(v) };
        let v = read_cell(cx, &c, field, r);
        if v.is_none() && field.required {
            missing(cx, if row == 0 { &g.name } else { &c }, field, "");
            ok = false;
        }
        v
    };
    let name = get_text(cx, "region.name", false);
    let province = get_text(cx, "region.province", false);
    let capital = get_text(cx, "region.capital", false);
    let head = get_text(cx, "region.head", false);
    let logo = get_text(cx, "region.logo", false);
    let taxonomy = get_text(cx, "taxonomy", false);
    let title = get_text(cx, "title", false);
    let foreword = get_text(cx, "foreword", true);
    let vision = get_text(cx, "vision", false);
    let rpjmd_vision = get_text(cx, "rpjmd.vision", false);
    let decree = get_text(cx, "team.decree", false);
    let field = |key: &str| REGION_ROWS.iter().find(|f| f.key == key);
    let cell_of = |key: &str| {
        let (row, v) = one.get(key).copied().unwrap_or((0, None));
        (cell_ref(&g.name, row, 2), v, row)
    };
    let mut ok2 = true;
    // region.type
    let kind = {
        let (c, v, row) = cell_of("region.type");
        let f = field("region.type")?;
        let keys = RegionType::ALL.map(RegionType::key);
        let k = read_cell(cx, &c, f, read_key(v, &keys, "region type"));
        if k.is_none() && v.is_none() {
            missing(cx, if row == 0 { &g.name } else { &c }, f, "");
        }
        k.and_then(|k| RegionType::ALL.into_iter().find(|t| t.key() == k))
    };
    let language = {
        let (c, v, _) = cell_of("language");
        let f = field("language")?;
        match read_cell(cx, &c, f, read_key(v, &["id", "en"], "language")) {
            Some("en") => Language::En,
            Some(_) => Language::Id,
            None => {
                if v.is_some() {
                    ok2 = false;
                }
                Language::Id
            }
        }
    };
    let mut whole_of = |cx: &mut Cx, key: &str| -> Option<u64> {
        let (c, v, _) = cell_of(key);
        let f = field(key)?;
        let r = read_whole(v);
        if r.is_err() {
            ok2 = false;
        }
        read_cell(cx, &c, f, r)
    };
    let population = whole_of(cx, "region.population");
    let districts = whole_of(cx, "region.districts").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let villages = whole_of(cx, "region.villages").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let years = whole_of(cx, "period.years").map(|n| u32::try_from(n).unwrap_or(u32::MAX));
    let start_year = {
        let (c, v, row) = cell_of("period.start_year");
        let f = field("period.start_year")?;
        let y = read_cell(cx, &c, f, read_year(v));
        if y.is_none() && v.is_none() {
            missing(cx, if row == 0 { &g.name } else { &c }, f, "");
        }
        if let Some((y, true)) = y {
            date_in_year(cx, &c, f, y);
        }
        y.map(|(y, _)| y)
    };
    let area_km2 = {
        let (c, v, _) = cell_of("region.area_km2");
        let f = field("region.area_km2")?;
        read_cell(cx, &c, f, read_decimal(v))
    };
    if missions.is_empty() {
        let f = field("missions")?;
        missing(cx, &g.name, f, "(at least one mission row)");
    }
    let evaluation = if weights.is_empty() {
        None
    } else {
        let w = |k: &str| weights.get(k).copied();
        match (
            w("evaluation.weights.baseline"),
            w("evaluation.weights.output"),
            w("evaluation.weights.outcome"),
            w("evaluation.weights.impact"),
            w("evaluation.weights.quick_win"),
        ) {
            (Some(baseline), Some(output), Some(outcome), Some(impact), Some(quick_win)) => {
                Some(EvaluationConfig {
                    weights: Some(Weights {
                        baseline,
                        output,
                        outcome,
                        impact,
                        quick_win,
                    }),
                })
            }
            _ => {
                let f = field("evaluation.weights.baseline")?;
                missing(
                    cx,
                    weight_row.as_deref().unwrap_or(&g.name),
                    f,
                    "(give all five evaluation weights, or none)",
                );
                None
            }
        }
    };
    let (Some(name), Some(kind), Some(start_year), Some(vision)) = (name, kind, start_year, vision)
    else {
        return None;
    };
    if !ok || !ok2 {
        return None;
    }
    Some(Masterplan {
        region: Region {
            name,
            kind,
            province,
            capital,
            head,
            area_km2,
            population,
            districts,
            villages,
            logo,
        },
        period: Period {
            start_year,
            years: years.unwrap_or(10),
        },
        language,
        taxonomy,
        title,
        foreword,
        vision,
        missions,
        rpjmd: (rpjmd_used || rpjmd_vision.is_some()).then_some(Rpjmd {
            period: rpjmd_period,
            vision: rpjmd_vision,
            missions: rpjmd_missions,
        }),
        opd: Vec::new(),
        team: (team_used || decree.is_some()).then_some(Team {
            decree,
            council,
            implementers,
        }),
        legal_basis: legal_used.then_some(legal),
        evaluation,
    })
}

fn date_in_year(cx: &mut Cx, cell: &str, field: &Field, year: Year) {
    cx.warning(
        "W0703",
        cell,
        format!(
            "a date in a year cell (column `{}` / {}); the year {year} is used",
            field.id, field.key
        ),
        Some(format!(
            "type the year alone ({year}) and format the cell as a number"
        )),
    );
}

/// The columns of a table sheet by field key, from its key row; extra columns warned about,
/// missing required ones reported. `extra` accepts further keys (the indicators' target years).
fn columns(
    g: &Grid,
    fields: &'static [Field],
    extra: &dyn Fn(&str) -> bool,
    cx: &mut Cx,
) -> Option<HashMap<String, u16>> {
    let Some(keys) = g.rows.get(&(HEADER_ROWS - 1)) else {
        cx.error(
            "E0706",
            &cell_ref(&g.name, HEADER_ROWS - 1, 0),
            format!(
                "sheet `{}` has no field keys in row {HEADER_ROWS}",
                g.name
            ),
            Some("restore the two header rows (labels, field keys) from a fresh `masterplan worksheet export`".into()),
        );
        return None;
    };
    let mut out = HashMap::new();
    for (col, raw) in keys {
        let key = shown(raw).trim().to_lowercase();
        if key.is_empty() {
            continue;
        }
        let cell = cell_ref(&g.name, HEADER_ROWS - 1, *col);
        if fields.iter().any(|f| f.key == key) || extra(&key) {
            if out.contains_key(&key) {
                cx.error(
                    "E0706",
                    &cell,
                    format!("the field key `{key}` heads two columns"),
                    Some("delete one of the two columns".into()),
                );
                continue;
            }
            out.insert(key, *col);
        } else {
            let hint = match suggest::did_you_mean(&key, fields.iter().map(|f| f.key)) {
                Some(k) => format!(
                    "did you mean `{k}`? Restore the key in row {HEADER_ROWS} to import the column"
                ),
                None => {
                    "delete the column, or move its content into a column the worksheet has".into()
                }
            };
            cx.warning(
                "W0701",
                &cell,
                format!("extra column `{key}` is ignored"),
                Some(hint),
            );
        }
    }
    let mut ok = true;
    for f in fields.iter().filter(|f| f.required) {
        if !out.contains_key(f.key) {
            ok = false;
            cx.error(
                "E0706",
                &cell_ref(&g.name, HEADER_ROWS - 1, 0),
                format!(
                    "sheet `{}` has no column `{}` ({})",
                    g.name, f.key, f.id
                ),
                Some(format!(
                    "add the column with `{}` in row {HEADER_ROWS}, as a fresh `masterplan worksheet export` has it",
                    f.key
                )),
            );
        }
    }
    ok.then_some(out)
}

/// Data rows of a table sheet that hold anything in a known column.
fn data_rows<'g>(
    g: &'g Grid,
    cols: &HashMap<String, u16>,
) -> impl Iterator<Item = (u32, &'g BTreeMap<u16, Raw>)> {
    let known: Vec<u16> = cols.values().copied().collect();
    g.rows
        .range(HEADER_ROWS..)
        .filter(move |(_, cells)| cells.keys().any(|c| known.contains(c)))
        .map(|(r, c)| (*r, c))
}

/// The cell of column `key` in `row` of a keyed sheet (budget, indicators): its reference
/// (`budget!C4`), its value if any, and the column's field.
fn cell_at<'c>(
    sheet: &str,
    cols: &HashMap<String, u16>,
    row: u32,
    cells: &'c BTreeMap<u16, Raw>,
    fields: &'static [Field],
    key: &str,
) -> (String, Option<&'c Raw>, &'static Field) {
    let col = cols.get(key).copied();
    (
        cell_ref(sheet, row, col.unwrap_or(0)),
        col.and_then(|c| cells.get(&c)),
        field_of(fields, key),
    )
}

fn field_of(fields: &'static [Field], key: &str) -> &'static Field {
    fields.iter().find(|f| f.key == key).unwrap_or(&fields[0])
}

fn read_opd(g: &Grid, cx: &mut Cx) -> Vec<Opd> {
    let Some(cols) = columns(g, OPD_COLUMNS, &|_| false, cx) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (row, cells) in data_rows(g, &cols) {
        let i = out.len();
        let get = |cx: &mut Cx, key: &str| {
            let f = field_of(OPD_COLUMNS, key);
            let col = cols.get(key).copied()?;
            let c = cell_ref(&g.name, row, col);
            cx.loc(MP, format!("opd[{i}].{key}"), c.clone(), f);
            let v = read_cell(cx, &c, f, read_text(cells.get(&col)));
            if v.is_none() && f.required {
                missing(cx, &c, f, "");
            }
            v
        };
        let code = get(cx, "code");
        let name = get(cx, "name");
        let head = get(cx, "head");
        cx.loc(
            MP,
            format!("opd[{i}]"),
            cell_ref(&g.name, row, cols.get("code").copied().unwrap_or(0)),
            &OPD_COLUMNS[0],
        );
        if let (Some(code), Some(name)) = (code, name) {
            out.push(Opd {
                code: code.to_uppercase(),
                name,
                head,
            });
        }
    }
    out
}

/// One row of the pokja sheet: row, field, value.
type KvRow<'g> = (u32, &'static Field, Option<&'g Raw>);

/// The pokja of the workbook by dimension key, in taxonomy order.
fn read_pokja(
    book: &Book,
    taxonomy: &Taxonomy,
    codes: &[String],
    cx: &mut Cx,
) -> Vec<(String, Pokja)> {
    let dims: Vec<&str> = taxonomy.dimensions.iter().map(|d| d.key.as_str()).collect();
    // dimension -> rows of the pokja sheet.
    let mut header: BTreeMap<&str, Vec<KvRow>> = BTreeMap::new();
    let mut sheet_name = POKJA.to_string();
    if let Some(g) = book.sheet(POKJA) {
        sheet_name = g.name.clone();
        for (row, field, cells) in kv_rows(g, 2, POKJA_ROWS, cx) {
            let c = cell_ref(&g.name, row, 0);
            let dim = match read_key(cells.get(&0), &dims, "dimension") {
                Ok(Some(d)) => d,
                Ok(None) => {
                    if cells.contains_key(&3) {
                        cx.error(
                            "E0011",
                            &c,
                            "missing the dimension of this row".into(),
                            Some(format!("fill in the dimension key: {}", dims.join(", "))),
                        );
                    }
                    continue;
                }
                Err(Bad(code, m, h)) => {
                    cx.error(code, &c, m, Some(h));
                    continue;
                }
            };
            header
                .entry(dim)
                .or_default()
                .push((row, field, cells.get(&3)));
        }
    }
    let mut out = Vec::new();
    for dim in &dims {
        let sheet = book.sheet(dim);
        let rows = header.remove(dim).unwrap_or_default();
        let has_values = rows.iter().any(|(_, _, v)| v.is_some());
        if sheet.is_none() && !has_values {
            continue;
        }
        let file = format!("pokja/{dim}.yaml");
        let mut p = Pokja {
            dimension: dim.to_string(),
            coordinator: String::new(),
            members: Vec::new(),
            goal: None,
            targets: Vec::new(),
            issues: Vec::new(),
            readiness: None,
            swot: None,
            strategies: None,
            omitted_elements: BTreeMap::new(),
            programs: Vec::new(),
        };
        let mut coordinator_cell = None;
        let mut readiness: BTreeMap<&str, (Option<u8>, Option<String>, String)> = BTreeMap::new();
        let mut targets: BTreeMap<&str, u8> = BTreeMap::new();
        let mut swot = Swot::default();
        let mut swot_used = false;
        let mut tows = Strategies::default();
        let mut tows_used = false;
        let rows_cell: HashMap<&str, String> = rows
            .iter()
            .map(|(row, field, _)| (field.key, cell_ref(&sheet_name, *row, 3)))
            .collect();
        for (row, field, v) in rows {
            let c = cell_ref(&sheet_name, row, 3);
            match field.key {
                "coordinator" => {
                    coordinator_cell = Some(c.clone());
                    cx.loc(&file, "coordinator".into(), c.clone(), field);
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        p.coordinator = opd_code(t, codes);
                    }
                }
                "members" => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        cx.loc(
                            &file,
                            format!("members[{}]", p.members.len()),
                            c.clone(),
                            field,
                        );
                        p.members.push(opd_code(t, codes));
                    }
                }
                "goal" => {
                    cx.loc(&file, "goal".into(), c.clone(), field);
                    p.goal = read_cell(cx, &c, field, read_text(v));
                }
                "targets" | "issues" => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        let list = if field.key == "targets" {
                            &mut p.targets
                        } else {
                            &mut p.issues
                        };
                        cx.loc(
                            &file,
                            format!("{}[{}]", field.key, list.len()),
                            c.clone(),
                            field,
                        );
                        list.push(t);
                    }
                }
                k if k.starts_with("readiness.") && k.ends_with(".target") => {
                    let part = k.split('.').nth(1).unwrap_or_default();
                    cx.loc(&file, format!("readiness.{part}.target"), c.clone(), field);
                    if let Some(n) = read_cell(cx, &c, field, read_whole(v)) {
                        targets.insert(part, u8::try_from(n).unwrap_or(u8::MAX));
                    }
                }
                k if k.starts_with("strategies.") => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        tows_used = true;
                        let list = match k {
                            "strategies.so" => &mut tows.so,
                            "strategies.wo" => &mut tows.wo,
                            "strategies.st" => &mut tows.st,
                            _ => &mut tows.wt,
                        };
                        cx.loc(&file, format!("{k}[{}]", list.len()), c.clone(), field);
                        list.push(t);
                    }
                }
                k if k.starts_with("readiness.") => {
                    let mut parts = k.split('.').skip(1);
                    let part = parts.next().unwrap_or_default();
                    let entry = readiness.entry(part).or_insert((None, None, c.clone()));
                    if parts.next() == Some("score") {
                        entry.2 = c.clone();
                        cx.loc(&file, format!("readiness.{part}.score"), c.clone(), field);
                        cx.loc(&file, format!("readiness.{part}"), c.clone(), field);
                        entry.0 = read_cell(cx, &c, field, read_whole(v))
                            .map(|n| u8::try_from(n).unwrap_or(u8::MAX));
                    } else {
                        cx.loc(&file, format!("readiness.{part}.notes"), c.clone(), field);
                        entry.1 = read_cell(cx, &c, field, read_prose(v));
                    }
                }
                k => {
                    if let Some(t) = read_cell(cx, &c, field, read_text(v)) {
                        swot_used = true;
                        let list = match k {
                            "swot.strengths" => &mut swot.strengths,
                            "swot.weaknesses" => &mut swot.weaknesses,
                            "swot.opportunities" => &mut swot.opportunities,
                            _ => &mut swot.threats,
                        };
                        cx.loc(&file, format!("{k}[{}]", list.len()), c.clone(), field);
                        list.push(t);
                    }
                }
            }
        }
        if p.coordinator.is_empty() {
            let f = &POKJA_ROWS[0];
            missing(
                cx,
                coordinator_cell.as_deref().unwrap_or(&sheet_name),
                f,
                &format!("for pokja {dim}"),
            );
        }
        let mut r = Readiness {
            structure: None,
            infrastructure: None,
            superstructure: None,
        };
        let mut any = false;
        for (part, (score, notes, cell)) in readiness {
            let s = match (score, notes) {
                (None, None) => continue,
                (Some(score), notes) => ReadinessScore {
                    score,
                    target: targets.remove(part),
                    notes,
                },
                (None, Some(_)) => {
                    let f = POKJA_ROWS
                        .iter()
                        .find(|f| f.key == format!("readiness.{part}.score"))
                        .unwrap_or(&POKJA_ROWS[0]);
                    missing(cx, &cell, f, "(notes are given without a score)");
                    continue;
                }
            };
            any = true;
            match part {
                "structure" => r.structure = Some(s),
                "infrastructure" => r.infrastructure = Some(s),
                _ => r.superstructure = Some(s),
            }
        }
        // A target without a score: the score is what is missing.
        for part in targets.keys() {
            let key = format!("readiness.{part}.score");
            let f = POKJA_ROWS
                .iter()
                .find(|f| f.key == key)
                .unwrap_or(&POKJA_ROWS[0]);
            let cell = rows_cell
                .get(key.as_str())
                .cloned()
                .unwrap_or_else(|| sheet_name.clone());
            missing(cx, &cell, f, "(a target is given without a score)");
        }
        p.readiness = any.then_some(r);
        p.swot = swot_used.then_some(swot);
        p.strategies = tows_used.then_some(tows);
        if let Some(g) = sheet {
            p.programs = read_programs(g, &file, taxonomy, codes, cx);
        }
        out.push((dim.to_string(), p));
    }
    out
}

fn read_programs(
    g: &Grid,
    file: &str,
    taxonomy: &Taxonomy,
    codes: &[String],
    cx: &mut Cx,
) -> Vec<Program> {
    let Some(cols) = columns(g, PROGRAM_COLUMNS, &|_| false, cx) else {
        return Vec::new();
    };
    let elements: Vec<&str> = taxonomy
        .dimension(&g.name)
        .map(|d| d.elements.iter().map(|e| e.key.as_str()).collect())
        .unwrap_or_default();
    let categories = Category::ALL.map(Category::key);
    let mut out = Vec::new();
    for (row, cells) in data_rows(g, &cols) {
        let i = out.len();
        let base = format!("programs[{i}]");
        let mut errors = false;
        // (cell, raw) of a column, and its location recorded.
        let at = |cx: &mut Cx, key: &str| -> (String, Option<&Raw>, &'static Field) {
            let f = field_of(PROGRAM_COLUMNS, key);
            let col = cols.get(key).copied();
            let c = cell_ref(&g.name, row, col.unwrap_or(0));
            cx.loc(file, format!("{base}.{key}"), c.clone(), f);
            (c, col.and_then(|col| cells.get(&col)), f)
        };
        let (c0, ..) = at(cx, "id");
        cx.loc(file, base.clone(), c0, &PROGRAM_COLUMNS[0]);
        let required = |cx: &mut Cx, key: &str, errors: &mut bool| -> Option<String> {
            let (c, v, f) = at(cx, key);
            let t = match read_text(v) {
                Ok(t) => t,
                Err(Bad(code, m, h)) => {
                    cx.error(
                        code,
                        &c,
                        format!("{m} (column `{}` / {key})", f.id),
                        Some(h),
                    );
                    *errors = true;
                    return None;
                }
            };
            if t.is_none() && f.required {
                missing(cx, &c, f, "");
                *errors = true;
            }
            t
        };
        let id = required(cx, "id", &mut errors).map(|s| s.to_uppercase());
        let name = required(cx, "name", &mut errors);
        let lead = required(cx, "lead", &mut errors).map(|t| opd_code(t, codes));
        let element = {
            let (c, v, f) = at(cx, "element");
            match read_text(v) {
                Ok(Some(t)) => {
                    let lower = t.to_lowercase();
                    Some(
                        elements
                            .iter()
                            .find(|e| e.eq_ignore_ascii_case(&lower))
                            .map_or(lower.replace(' ', "_"), |e| e.to_string()),
                    )
                }
                Ok(None) => {
                    missing(cx, &c, f, "");
                    errors = true;
                    None
                }
                Err(Bad(code, m, h)) => {
                    cx.error(code, &c, m, Some(h));
                    errors = true;
                    None
                }
            }
        };
        let category = {
            let (c, v, f) = at(cx, "category");
            let k = read_key(v, &categories, "category");
            if k.is_err() {
                errors = true;
            }
            let k = read_cell(cx, &c, f, k);
            if k.is_none() && v.is_none() {
                missing(cx, &c, f, "");
                errors = true;
            }
            k.and_then(|k| Category::ALL.into_iter().find(|x| x.key() == k))
        };
        let year = |cx: &mut Cx, key: &str, errors: &mut bool| -> Option<Year> {
            let (c, v, f) = at(cx, key);
            let r = read_year(v);
            if r.is_err() {
                *errors = true;
            }
            match read_cell(cx, &c, f, r) {
                Some((y, date)) => {
                    if date {
                        date_in_year(cx, &c, f, y);
                    }
                    Some(y)
                }
                None => {
                    if v.is_none() {
                        missing(cx, &c, f, "");
                        *errors = true;
                    }
                    None
                }
            }
        };
        let start = year(cx, "start", &mut errors);
        let end = year(cx, "end", &mut errors);
        let optional = |cx: &mut Cx, key: &str, prose: bool| -> Option<String> {
            let (c, v, f) = at(cx, key);
            let r = if prose { read_prose(v) } else { read_text(v) };
            read_cell(cx, &c, f, r)
        };
        let description = optional(cx, "description", true);
        let outcome = optional(cx, "outcome", true);
        let list = |cx: &mut Cx, key: &str, lines: bool| -> Vec<String> {
            let (c, v, f) = at(cx, key);
            let r = if lines { read_lines(v) } else { read_items(v) };
            read_cell(cx, &c, f, r.map(Some)).unwrap_or_default()
        };
        let support: Vec<String> = list(cx, "support", false)
            .into_iter()
            .map(|t| opd_code(t, codes))
            .collect();
        let outputs = list(cx, "outputs", true);
        let depends_on: Vec<String> = list(cx, "depends_on", false)
            .into_iter()
            .map(|s| s.to_uppercase())
            .collect();
        let rpjmd_missions: Vec<String> = list(cx, "rpjmd_missions", false)
            .into_iter()
            .map(|s| s.to_uppercase())
            .collect();
        let mut sdgs = Vec::new();
        {
            let (c, _, f) = at(cx, "sdgs");
            for s in list(cx, "sdgs", false) {
                match parse_number_text(&s).and_then(whole) {
                    Some(n) => sdgs.push(u8::try_from(n).unwrap_or(u8::MAX)),
                    None => {
                        errors = true;
                        cx.error(
                            "E0709",
                            &c,
                            format!("`{s}` is not an SDG number (column `{}` / sdgs)", f.id),
                            Some(
                                "list the goals as numbers 1-17 separated by commas, e.g. 8, 9"
                                    .into(),
                            ),
                        );
                    }
                }
            }
        }
        let quick_win = {
            let (c, v, f) = at(cx, "quick_win");
            read_cell(cx, &c, f, read_yes_no(v)).unwrap_or(false)
        };
        let score = |cx: &mut Cx, key: &str| -> Option<u8> {
            let (c, v, f) = at(cx, key);
            read_cell(cx, &c, f, read_whole(v)).map(|n| u8::try_from(n).unwrap_or(u8::MAX))
        };
        let impact = score(cx, "impact");
        let effort = score(cx, "effort");
        if let Some(id) = &id {
            cx.ids.push(id.clone());
            if errors {
                cx.broken.push(id.clone());
            }
        }
        if errors {
            continue;
        }
        let (
            Some(id),
            Some(name),
            Some(element),
            Some(category),
            Some(lead),
            Some(start),
            Some(end),
        ) = (id, name, element, category, lead, start, end)
        else {
            continue;
        };
        out.push(Program {
            id,
            name,
            element,
            category,
            description,
            lead,
            support,
            start,
            end,
            budget: Vec::new(),
            outputs,
            outcome,
            indicators: Vec::new(),
            quick_win,
            impact,
            effort,
            depends_on,
            rpjmd_missions,
            sdgs,
            risks: Vec::new(),
        });
    }
    out
}

/// Programme id -> (pokja index, programme index), built once per sheet (linear cost).
fn program_index(pokja: &[(String, Pokja)]) -> HashMap<String, (usize, usize)> {
    let mut index = HashMap::new();
    for (pi, (_, p)) in pokja.iter().enumerate() {
        for (i, x) in p.programs.iter().enumerate() {
            index.entry(x.id.clone()).or_insert((pi, i));
        }
    }
    index
}

/// The programme with this id: (pokja index, programme index), or a located error with the
/// nearest id.
fn find_program(
    index: &HashMap<String, (usize, usize)>,
    id: &str,
    cell: &str,
    sheet: &str,
    cx: &mut Cx,
) -> Option<(usize, usize)> {
    if let Some(found) = index.get(id) {
        return Some(*found);
    }
    // A programme whose own row has an error is reported there already.
    if cx.broken.iter().any(|b| b == id) {
        return None;
    }
    let hint = match suggest::did_you_mean(id, cx.ids.iter().map(String::as_str)) {
        Some(n) => format!("did you mean `{n}`?"),
        None => "use the id of a programme on one of the dimension sheets".into(),
    };
    cx.error(
        "E0713",
        cell,
        format!("the {sheet} row names programme `{id}`, which no dimension sheet has"),
        Some(hint),
    );
    None
}

fn read_budget(book: &Book, pokja: &mut [(String, Pokja)], cx: &mut Cx) {
    let Some(g) = book.sheet(BUDGET) else {
        return;
    };
    let Some(cols) = columns(g, BUDGET_COLUMNS, &|_| false, cx) else {
        return;
    };
    let sources = BudgetSource::ALL.map(BudgetSource::key);
    let index = program_index(pokja);
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, BUDGET_COLUMNS, key);
        let (pc, pv, pf) = at("program");
        let Some(id) = read_cell(cx, &pc, pf, read_text(pv)) else {
            missing(cx, &pc, pf, "");
            continue;
        };
        let (sc, sv, sf) = at("source");
        let source = read_cell(cx, &sc, sf, read_key(sv, &sources, "budget source"));
        if source.is_none() && sv.is_none() {
            missing(cx, &sc, sf, "");
        }
        let (ac, av, af) = at("amount");
        let amount = read_cell(cx, &ac, af, read_money(av));
        if amount.is_none() && av.is_none() {
            missing(cx, &ac, af, "");
        }
        let (yc, yv, yf) = at("year");
        let year = read_cell(cx, &yc, yf, read_year(yv));
        if let Some((y, true)) = year {
            date_in_year(cx, &yc, yf, y);
        }
        let Some((pi, i)) = find_program(&index, &id.to_uppercase(), &pc, BUDGET, cx) else {
            continue;
        };
        let (Some(source), Some(amount)) = (source, amount) else {
            continue;
        };
        let Some(source) = BudgetSource::ALL.into_iter().find(|s| s.key() == source) else {
            continue;
        };
        let (dim, p) = &mut pokja[pi];
        let file = format!("pokja/{dim}.yaml");
        let prog = &mut p.programs[i];
        let base = format!("programs[{i}].budget[{}]", prog.budget.len());
        cx.loc(&file, base.clone(), pc.clone(), pf);
        cx.loc(&file, format!("{base}.source"), sc, sf);
        cx.loc(&file, format!("{base}.amount"), ac, af);
        cx.loc(&file, format!("{base}.year"), yc, yf);
        cx.loc(&file, format!("programs[{i}].budget"), pc, pf);
        prog.budget.push(BudgetLine {
            source,
            amount,
            year: year.map(|(y, _)| y),
        });
    }
}

fn read_indicators(book: &Book, pokja: &mut [(String, Pokja)], _m: &Masterplan, cx: &mut Cx) {
    let Some(g) = book.sheet(INDICATORS) else {
        return;
    };
    let is_target = |k: &str| {
        k.strip_prefix("targets.")
            .is_some_and(|y| y.parse::<Year>().is_ok())
    };
    let Some(cols) = columns(g, INDICATOR_COLUMNS, &is_target, cx) else {
        return;
    };
    let mut targets: Vec<(Year, u16)> = cols
        .iter()
        .filter_map(|(k, c)| Some((k.strip_prefix("targets.")?.parse().ok()?, *c)))
        .collect();
    targets.sort();
    let target_field = Field {
        key: "targets",
        id: "Target",
        en: "Target",
        kind: Kind::Value,
        required: false,
    };
    let directions = Direction::ALL.map(Direction::key);
    let index = program_index(pokja);
    for (row, cells) in data_rows(g, &cols) {
        let at = |key: &str| cell_at(&g.name, &cols, row, cells, INDICATOR_COLUMNS, key);
        let (pc, pv, pf) = at("program");
        let Some(id) = read_cell(cx, &pc, pf, read_text(pv)) else {
            missing(cx, &pc, pf, "");
            continue;
        };
        let (nc, nv, nf) = at("name");
        let name = read_cell(cx, &nc, nf, read_text(nv));
        if name.is_none() && nv.is_none() {
            missing(cx, &nc, nf, "");
        }
        let (uc, uv, uf) = at("unit");
        let unit = read_cell(cx, &uc, uf, read_text(uv));
        let (bc, bv, bf) = at("baseline");
        let baseline = read_cell(cx, &bc, bf, read_value(bv));
        let (dc, dv, df) = at("direction");
        let direction = match read_cell(cx, &dc, df, read_key(dv, &directions, "direction")) {
            Some("decrease") => Direction::Decrease,
            _ => Direction::Increase,
        };
        let mut values = BTreeMap::new();
        let mut cells_of = Vec::new();
        for (year, col) in &targets {
            let c = cell_ref(&g.name, row, *col);
            if let Some(v) = read_cell(cx, &c, &target_field, read_value(cells.get(col))) {
                values.insert(*year, v);
            }
            cells_of.push((*year, c));
        }
        let Some((pi, i)) = find_program(&index, &id.to_uppercase(), &pc, INDICATORS, cx) else {
            continue;
        };
        let Some(name) = name else { continue };
        let (dim, p) = &mut pokja[pi];
        let file = format!("pokja/{dim}.yaml");
        let prog = &mut p.programs[i];
        let base = format!("programs[{i}].indicators[{}]", prog.indicators.len());
        cx.loc(&file, base.clone(), nc.clone(), nf);
        cx.loc(&file, format!("{base}.name"), nc, nf);
        cx.loc(&file, format!("{base}.unit"), uc, uf);
        cx.loc(&file, format!("{base}.baseline"), bc, bf);
        cx.loc(&file, format!("{base}.direction"), dc, df);
        cx.loc(&file, format!("programs[{i}].indicators"), pc, pf);
        for (year, c) in cells_of {
            cx.loc(&file, format!("{base}.targets.{year}"), c, &target_field);
        }
        prog.indicators.push(Indicator {
            name,
            unit,
            baseline,
            direction,
            targets: values,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Checking the result with `check`.

/// Write the files to a scratch folder (with the taxonomy file and logo the project has), run
/// `check` there, and report its diagnostics at the cells they came from.
fn check_files(files: &[(String, String)], dir: &Path, cx: &mut Cx) {
    let scratch = scratch_dir();
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(scratch.join("pokja"))?;
        for (name, text) in files {
            std::fs::write(scratch.join(name), text)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        cx.error(
            "E0700",
            "",
            format!(
                "could not check the workbook: the scratch folder {} cannot be written: {e}",
                scratch.display()
            ),
            Some("set TMPDIR to a writable folder".into()),
        );
        let _ = std::fs::remove_dir_all(&scratch);
        return;
    }
    // The taxonomy file and the logo are not in the workbook: take the project's own.
    if let Some((_, text)) = files.iter().find(|(n, _)| n == MP)
        && let Ok(m) = crate::yaml::from_str::<Masterplan>(text, MP)
    {
        for name in [m.taxonomy.clone(), m.region.logo.clone()]
            .into_iter()
            .flatten()
        {
            let from = dir.join(&name);
            if from.is_file() && !Path::new(&name).is_absolute() && !name.contains("..") {
                let to = scratch.join(&name);
                if let Some(parent) = to.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                let _ = std::fs::copy(&from, &to);
            }
        }
    }
    let checked = crate::check(&scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    for d in checked.diagnostics {
        let mut d = d;
        // A logo the folder does not have yet is the user's to add, not the workbook's fault.
        if d.code == "E0110" {
            d.severity = Severity::Warning;
            d.code = "W0704";
            d.hint = Some(format!(
                "copy the logo into {} before `masterplan generate`, or clear region.logo",
                dir.display()
            ));
        }
        let (cell, loc) = locate(&cx.locs, &d.file, &d.path);
        let mut message = d.message.clone();
        if let Some(loc) = loc {
            message = format!("{message} (column `{}` / {})", loc.label, loc.key);
        }
        d.message = message;
        d.file = cx.file.clone();
        d.path = cell;
        d.line = None;
        d.column = None;
        cx.diagnostics.push(d);
    }
}

fn scratch_dir() -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    std::env::temp_dir().join(format!(
        "masterplan-import-{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

/// The cell a (file, path) diagnostic of `check` came from: the nearest recorded path.
fn locate(locs: &HashMap<(String, String), Loc>, file: &str, path: &str) -> (String, Option<Loc>) {
    let mut p = Some(path);
    while let Some(cur) = p {
        if let Some(loc) = locs.get(&(file.to_string(), cur.to_string())) {
            return (loc.cell.clone(), Some(loc.clone()));
        }
        p = crate::yaml::parent_path(cur);
    }
    let sheet = if file == MP {
        REGION.to_string()
    } else {
        file.strip_prefix("pokja/")
            .and_then(|f| f.strip_suffix(".yaml"))
            .unwrap_or(file)
            .to_string()
    };
    (sheet, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_as_planners_type_it() {
        let t = |s: &str| read_money(Some(&Raw::Text(s.into()))).ok().flatten();
        assert_eq!(t("Rp 250.000.000"), Some(250_000_000));
        assert_eq!(t("250.000.000"), Some(250_000_000));
        assert_eq!(t("Rp250,000,000"), Some(250_000_000));
        assert_eq!(t("250000000"), Some(250_000_000));
        assert_eq!(t("Rp 1.250.000.000,00"), Some(1_250_000_000));
        assert_eq!(t(" 250000000 "), Some(250_000_000));
        assert_eq!(t("250.00.000"), None);
        assert_eq!(t("1,25 miliar"), None);
        assert!(read_money(Some(&Raw::Number(1.5))).is_err());
        assert!(read_money(Some(&Raw::Number(-5.0))).is_err());
        assert_eq!(
            read_money(Some(&Raw::Number(2e8))).ok().flatten(),
            Some(200_000_000)
        );
    }

    #[test]
    fn years_as_planners_type_them() {
        let y = |r: Raw| read_year(Some(&r)).ok().flatten();
        assert_eq!(y(Raw::Number(2023.0)), Some((2023, false)));
        assert_eq!(y(Raw::Text("2023.0".into())), Some((2023, false)));
        assert_eq!(y(Raw::Text(" 2023 ".into())), Some((2023, false)));
        assert_eq!(y(Raw::Date(2024, "2024-01-01".into())), Some((2024, true)));
        assert!(read_year(Some(&Raw::Text("tahun depan".into()))).is_err());
        assert!(read_year(Some(&Raw::Number(2023.5))).is_err());
    }

    #[test]
    fn keys_any_case_with_did_you_mean() {
        let keys = Category::ALL.map(Category::key);
        let k = |s: &str| read_key(Some(&Raw::Text(s.into())), &keys, "category");
        assert_eq!(k(" Application ").ok().flatten(), Some("application"));
        let Err(Bad(code, _, hint)) = k("aplication") else {
            panic!()
        };
        assert_eq!(code, "E0013");
        assert!(hint.contains("`application`"), "{hint}");
    }
}
