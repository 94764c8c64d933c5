//! Reading the workbook: the .xlsx file checked (size, format, zip bomb) and opened with
//! calamine, each sheet read cell by cell into a sparse grid (bounded rows, columns and
//! characters per cell), merged cells spread to every cell of their region.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::{Cx, MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use crate::worksheet::{HEADER_ROWS, INSTRUCTIONS, LISTS, cell_ref};

/// One cell's value as the import sees it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Raw {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or date-time: the year, and the text as typed (ISO).
    Date(i32, String),
    Error(String),
}

/// One sheet, sparse: row -> column -> value (empty cells absent).
#[derive(Debug, Default)]
pub(super) struct Grid {
    pub(super) name: String,
    pub(super) rows: BTreeMap<u32, BTreeMap<u16, Raw>>,
}

impl Grid {
    pub(super) fn get(&self, row: u32, col: u16) -> Option<&Raw> {
        self.rows.get(&row).and_then(|r| r.get(&col))
    }
}

pub(super) struct Book {
    /// Normalised sheet name (trimmed, lower case) -> grid.
    pub(super) sheets: BTreeMap<String, Grid>,
}

impl Book {
    pub(super) fn sheet(&self, name: &str) -> Option<&Grid> {
        self.sheets.get(name)
    }
}

pub(super) fn read_book(bytes: &[u8], cx: &mut Cx) -> Option<Book> {
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
    if let Err(refused) =
        crate::worksheet::archive::check(bytes, crate::worksheet::archive::MAX_INFLATED_BYTES)
    {
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

pub(super) fn raw(v: &DataRef<'_>) -> Option<Raw> {
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
pub(super) fn spread_merged(grid: &mut Grid, regions: &[calamine::Dimensions], cx: &mut Cx) {
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
                    crate::worksheet::column_name(c0 as u16) + &(r0 + 1).to_string(),
                    crate::worksheet::column_name(c1 as u16) + &(r1 + 1).to_string(),
                    crate::worksheet::column_name(c0 as u16) + &(r0 + 1).to_string(),
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
