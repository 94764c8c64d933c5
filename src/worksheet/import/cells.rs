//! Reading one cell the way planners type it: text and prose, years (a date in a year cell
//! too), whole numbers, Rupiah amounts (`Rp 250.000.000`), decimals, yes/no, values, lists and
//! closed-set keys; and reporting a cell that cannot be read, or a required one left empty, at
//! its sheet and cell.

use super::Cx;
use super::book::Raw;
use crate::model::{Value, Year};
use crate::suggest;
use crate::worksheet::Field;

/// What is wrong with a cell: code, message, hint.
pub(super) struct Bad(
    pub(super) &'static str,
    pub(super) String,
    pub(super) String,
);

pub(super) type Read<T> = Result<Option<T>, Bad>;

pub(super) fn formula_error(e: &str) -> Bad {
    Bad(
        "E0705",
        format!("the cell shows the formula error {e}"),
        "fix the formula, or type the value itself".into(),
    )
}

/// One line of text: trimmed; numbers as typed (an id or a name typed as a number).
pub(super) fn read_text(raw: Option<&Raw>) -> Read<String> {
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
pub(super) fn read_prose(raw: Option<&Raw>) -> Read<String> {
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

pub(super) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A number typed in any of the planners' ways: `2023`, `2023.0`, `"2023"`, ` 2.023 `.
pub(super) fn parse_number_text(t: &str) -> Option<f64> {
    let t = t.trim().replace(['\u{a0}', ' '], "");
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

pub(super) fn read_year(raw: Option<&Raw>) -> Result<Option<(Year, bool)>, Bad> {
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

pub(super) fn whole_year(n: f64) -> Option<Year> {
    (n.fract() == 0.0 && (0.0..=9999.0).contains(&n)).then_some(n as Year)
}

/// A whole non-negative number (population, counts, weights, scores).
pub(super) fn read_whole(raw: Option<&Raw>) -> Read<u64> {
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

pub(super) fn whole(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && (0.0..9.0e15).contains(&n)).then_some(n as u64)
}

/// `250.000.000`, `250,000,000`, `250 000 000`, `250000000`, with `,00`/`.00` cents.
pub(super) fn grouped_integer(t: &str) -> Option<u64> {
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
pub(super) fn read_money(raw: Option<&Raw>) -> Read<u64> {
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

pub(super) fn read_decimal(raw: Option<&Raw>) -> Read<f64> {
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

pub(super) fn shown(raw: &Raw) -> String {
    match raw {
        Raw::Text(t) => t.clone(),
        Raw::Number(n) => number_text(*n),
        Raw::Bool(b) => b.to_string(),
        Raw::Date(_, s) => s.clone(),
        Raw::Error(e) => e.clone(),
    }
}

pub(super) fn read_yes_no(raw: Option<&Raw>) -> Read<bool> {
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

pub(super) fn read_value(raw: Option<&Raw>) -> Read<Value> {
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
pub(super) fn read_items(raw: Option<&Raw>) -> Result<Vec<String>, Bad> {
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
pub(super) fn read_lines(raw: Option<&Raw>) -> Result<Vec<String>, Bad> {
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
pub(super) fn read_key<'a>(
    raw: Option<&Raw>,
    keys: &[&'a str],
    what: &str,
) -> Result<Option<&'a str>, Bad> {
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
pub(super) fn opd_code(t: String, codes: &[String]) -> String {
    if codes.contains(&t) {
        return t;
    }
    codes
        .iter()
        .find(|c| c.eq_ignore_ascii_case(&t))
        .cloned()
        .unwrap_or(t)
}

pub(super) fn read_cell<T>(
    cx: &mut Cx,
    cell: &str,
    field: &Field,
    r: Result<Option<T>, Bad>,
) -> Option<T> {
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

pub(super) fn missing(cx: &mut Cx, cell: &str, field: &Field, what: &str) {
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

pub(super) fn date_in_year(cx: &mut Cx, cell: &str, field: &Field, year: Year) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Category;

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
