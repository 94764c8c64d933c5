//! The two shapes of sheet: key-value sheets (`region`, `pokja`: one field key per row) and
//! table sheets (`opd`, the dimension sheets, `budget`, `indicators`, ...: one field key per
//! column in the key row, one record per data row), and the cells of a table row by column key.

use std::collections::{BTreeMap, HashMap};

use super::Cx;
use super::book::{Grid, Raw};
use super::cells::shown;
use crate::suggest;
use crate::worksheet::{Field, HEADER_ROWS, cell_ref};

/// Rows of a key-value sheet: (row, key, value column cells); the key found in `key_col`.
pub(super) fn kv_rows<'g>(
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

/// The columns of a table sheet by field key, from its key row; extra columns warned about,
/// missing required ones reported. `extra` accepts further keys (the indicators' target years).
pub(super) fn columns(
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
pub(super) fn data_rows<'g>(
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
pub(super) fn cell_at<'c>(
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

pub(super) fn field_of(fields: &'static [Field], key: &str) -> &'static Field {
    fields.iter().find(|f| f.key == key).unwrap_or(&fields[0])
}
