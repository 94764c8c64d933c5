//! Hints for wrong-type errors that show the planner's own value in the form the field wants:
//! `amount: Rp 150.000.000` -> `amount: 150000000`, `start: 2027-2030` -> `start: 2027` and
//! `end: 2030`, `support: DISKOMINFO, DISHUB` -> `support: [DISKOMINFO, DISHUB]`, `impact:
//! tinggi` -> a whole number from 1 to 5.
//!
//! The hint is chosen by what the field expects (serde's expected type: a whole number, a
//! number, a list, `true`/`false`) and, for numbers, by the input contract's range for that
//! field ([`CONTRACT`]), so every field of the format benefits, not only the ones named here.

use super::required::normalise;

/// What the input contract says about a numeric field, beyond its Rust type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    /// A whole number in this range, with what the ends mean.
    Range(i64, i64, &'static str),
    /// A calendar year.
    Year,
    /// An amount of Rupiah.
    Amount,
}

/// Numeric fields by normalised path (`*` stands for any one key): the contract of
/// docs/reference/input.md. Validation checks the ranges (E0102, E0116, E0216, E0217); here
/// they make the type error say the same.
pub const CONTRACT: &[(&str, Contract)] = &[
    (
        "programs[].impact",
        Contract::Range(1, 5, "1 = lowest, 5 = highest"),
    ),
    (
        "programs[].effort",
        Contract::Range(1, 5, "1 = lowest, 5 = highest"),
    ),
    (
        "readiness.*.score",
        Contract::Range(1, 5, "1 = lowest, 5 = highest"),
    ),
    (
        "readiness.*.target",
        Contract::Range(1, 5, "1 = lowest, 5 = highest"),
    ),
    (
        "programs[].risks[].likelihood",
        Contract::Range(1, 5, "1 = rare, 5 = almost certain"),
    ),
    (
        "programs[].risks[].impact",
        Contract::Range(1, 5, "1 = negligible, 5 = severe"),
    ),
    (
        "programs[].sdgs[]",
        Contract::Range(1, 17, "the number of a Sustainable Development Goal"),
    ),
    (
        "period.years",
        Contract::Range(5, 20, "the length of the masterplan in years"),
    ),
    ("period.start_year", Contract::Year),
    ("rpjmd.period[]", Contract::Year),
    ("programs[].start", Contract::Year),
    ("programs[].end", Contract::Year),
    ("programs[].budget[].year", Contract::Year),
    ("year", Contract::Year),
    ("programs[].budget[].amount", Contract::Amount),
];

/// The contract of the field at `path` (`programs[3].impact`), if it has one.
pub fn contract(path: &str) -> Option<Contract> {
    let norm = normalise(path);
    CONTRACT
        .iter()
        .find(|(pattern, _)| matches_pattern(pattern, &norm))
        .map(|(_, c)| *c)
}

fn matches_pattern(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('.').collect();
    let q: Vec<&str> = path.split('.').collect();
    p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| *a == "*" || a == b)
}

/// What serde expected, as far as hints go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    Whole,
    Number,
    List,
    Bool,
    Other,
}

pub fn want(expected: &str) -> Want {
    match expected.trim() {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" => Want::Whole,
        "f32" | "f64" => Want::Number,
        "a sequence" | "sequence" | "seq" | "sequence start" | "a list" => Want::List,
        "a boolean" | "bool" | "boolean" => Want::Bool,
        _ => Want::Other,
    }
}

/// How the message names what a field expects, from its contract when it has one (no internal
/// type ranges such as "0 to 255").
pub fn expected_text(path: &str, want: Want) -> Option<String> {
    match (contract(path)?, want) {
        (Contract::Range(lo, hi, _), Want::Whole | Want::Number) => {
            Some(format!("a whole number from {lo} to {hi}"))
        }
        (Contract::Year, _) => Some("a year (a whole number such as 2027)".to_string()),
        (Contract::Amount, _) => Some("an amount in whole Rupiah (digits only)".to_string()),
        _ => None,
    }
}

/// The key a hint writes: the last field name of the path (`programs[0].budget[1].amount` ->
/// `amount`; a list item -> its list's name).
fn key_of(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// The hint for a wrong-type error at `path`, where `found` is the value as written (`None`
/// or empty when the value is empty).
pub fn wrong_type(path: &str, want: Want, found: Option<&str>) -> Option<String> {
    let key = key_of(path);
    let found = found.map(str::trim).filter(|f| !f.is_empty() && *f != ":");
    let is_item = path.ends_with(']');
    match want {
        Want::List => Some(match found {
            None => format!(
                "`{key}:` is empty: write `{key}: []` for none yet, or put its items on the lines below it, indented, each starting with `- `"
            ),
            Some(f) if f.starts_with('{') => format!(
                "`{key}` is a list: put `- ` before each entry (`- {{ ... }}`), or write `{key}: [{f}]`"
            ),
            Some(f) => {
                let items: Vec<&str> = f
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                let first = items.first().copied().unwrap_or(f);
                format!(
                    "`{key}` is a list, even of one: write `{key}: [{}]`, or one `- {first}` per line",
                    items.join(", ")
                )
            }
        }),
        Want::Whole | Want::Number => number_hint(path, key, is_item, want, found?),
        Want::Bool => {
            let f = found?.to_lowercase();
            let value = match f.as_str() {
                "ya" | "iya" | "yes" | "y" | "benar" | "1" | "on" => "true",
                "tidak" | "bukan" | "no" | "n" | "salah" | "0" | "off" => "false",
                _ => return Some(format!("write `{key}: true` or `{key}: false`")),
            };
            Some(format!("write `{key}: {value}` (`true` or `false`)"))
        }
        Want::Other => None,
    }
}

fn number_hint(path: &str, key: &str, is_item: bool, want: Want, found: &str) -> Option<String> {
    let contract = contract(path);
    let unquoted = found.trim_matches(|c| c == '"' || c == '\'');
    let write = |v: &str| {
        if is_item {
            format!("`- {v}`")
        } else {
            format!("`{key}: {v}`")
        }
    };
    // Two years written as a range.
    if let Some((a, b)) = year_range(unquoted) {
        return Some(match key {
            "start" | "end" => format!(
                "a programme's years are two fields: `start: {a}` and `end: {b}` (the last year it runs)"
            ),
            _ => format!("one year only: {}", write(&a.to_string())),
        });
    }
    if let Some(Contract::Range(lo, hi, meaning)) = contract {
        if let Some(n) = scale_word(unquoted, hi) {
            return Some(format!(
                "write a whole number from {lo} to {hi} ({meaning}): {} for `{unquoted}`",
                write(&n.to_string())
            ));
        }
        return Some(format!(
            "write a whole number from {lo} to {hi} ({meaning}), such as {}",
            write(&hi.min(lo.max(3)).to_string())
        ));
    }
    if let Some(n) = amount(unquoted) {
        let what = if contract == Some(Contract::Amount) {
            "the amount in whole Rupiah, digits only (no `Rp`, dots or words)"
        } else {
            "digits only, without dots, units or words"
        };
        return Some(format!("write {what}: {}", write(&n.to_string())));
    }
    if contract == Some(Contract::Year) {
        return Some(format!(
            "write the year as four digits, such as {}",
            write("2027")
        ));
    }
    if want == Want::Whole {
        return Some(format!(
            "write a whole number, digits only, such as {}",
            write("1")
        ));
    }
    Some(format!("write a number, such as {}", write("12.5")))
}

/// `2027-2030`, `2027 – 2030`, `2027 s.d. 2030`, `2027 sampai 2030`, `2027 to 2030`.
fn year_range(s: &str) -> Option<(u32, u32)> {
    let lower = s.to_lowercase();
    let digits_at = |t: &str| -> Option<u32> {
        let t = t.trim();
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    for sep in [
        "s.d.", "s/d", "sd", "sampai", "hingga", "to", "-", "–", "—", "/",
    ] {
        if let Some((a, b)) = lower.split_once(sep)
            && let (Some(a), Some(b)) = (digits_at(a), digits_at(b))
        {
            return Some((a, b));
        }
    }
    None
}

/// A word on a scale (`tinggi`, `sedang`, `rendah`, `high`, ...) as a number of a 1..=`hi`
/// range; only for the five-point scales.
fn scale_word(s: &str, hi: i64) -> Option<i64> {
    if hi != 5 {
        return None;
    }
    let w = s.to_lowercase();
    let w = w.trim();
    Some(match w {
        "sangat tinggi" | "sangat besar" | "very high" => 5,
        "tinggi" | "besar" | "high" => 4,
        "sedang" | "menengah" | "cukup" | "medium" | "moderate" => 3,
        "rendah" | "kecil" | "low" => 2,
        "sangat rendah" | "sangat kecil" | "very low" => 1,
        _ => return None,
    })
}

/// An amount as planners write it: `Rp 150.000.000`, `Rp150.000.000,-`, `IDR 2,500,000`,
/// `150 juta`, `1,5 miliar`, `2.5 billion`, `1 M`. `None` when it does not read as one.
pub fn amount(s: &str) -> Option<u128> {
    let mut t = s.trim().to_lowercase();
    for prefix in ["rp.", "rp", "idr"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim().to_string();
            break;
        }
    }
    let t = t.trim_end_matches(",-").trim_end_matches(".-").trim();
    // A unit word at the end.
    let units: [(&str, u128); 12] = [
        ("triliun", 1_000_000_000_000),
        ("trillion", 1_000_000_000_000),
        ("miliar", 1_000_000_000),
        ("milyar", 1_000_000_000),
        ("billion", 1_000_000_000),
        ("juta", 1_000_000),
        ("million", 1_000_000),
        ("jt", 1_000_000),
        ("ribu", 1_000),
        ("thousand", 1_000),
        ("rb", 1_000),
        ("m", 1_000_000_000),
    ];
    let (number, unit) = units
        .iter()
        .find_map(|(w, f)| {
            t.strip_suffix(w)
                .filter(|n| n.ends_with(|c: char| c.is_ascii_digit() || c == ' '))
                .map(|n| (n.trim(), *f))
        })
        .unwrap_or((t, 1));
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Grouping: `150.000.000` or `2,500,000` (groups of three); else one decimal separator.
    let grouped = |sep: char| {
        let parts: Vec<&str> = number.split(sep).collect();
        parts.len() > 1
            && parts.iter().skip(1).all(|p| p.len() == 3)
            && !parts[0].is_empty()
            && parts[0].len() <= 3
    };
    let (whole, frac) = if !number.contains(['.', ',']) {
        (number.to_string(), String::new())
    } else if grouped('.') && !number.contains(',') {
        (number.replace('.', ""), String::new())
    } else if grouped(',') && !number.contains('.') && unit == 1 {
        (number.replace(',', ""), String::new())
    } else if let Some((w, f)) = number.split_once(['.', ','])
        && !f.contains(['.', ','])
    {
        (w.to_string(), f.to_string())
    } else {
        return None;
    };
    let whole: u128 = whole.parse().ok()?;
    let mut value = whole.checked_mul(unit)?;
    if !frac.is_empty() {
        let scale = 10u128.checked_pow(u32::try_from(frac.len()).ok()?)?;
        let f: u128 = frac.parse().ok()?;
        let part = f.checked_mul(unit)? / scale;
        if unit == 1 && f != 0 {
            // A decimal amount of Rupiah: not a whole number.
            return None;
        }
        value = value.checked_add(part)?;
    }
    (unit > 1 || s.trim() != value.to_string()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_planners_write_them() {
        assert_eq!(amount("Rp 150.000.000"), Some(150_000_000));
        assert_eq!(amount("Rp150.000.000,-"), Some(150_000_000));
        assert_eq!(amount("150 juta"), Some(150_000_000));
        assert_eq!(amount("1,5 miliar"), Some(1_500_000_000));
        assert_eq!(amount("2.5 billion"), Some(2_500_000_000));
        assert_eq!(amount("IDR 2,500,000"), Some(2_500_000));
        assert_eq!(amount("250 rb"), Some(250_000));
        assert_eq!(amount("tinggi"), None);
        assert_eq!(amount("12,5"), None);
        assert_eq!(amount("Rp"), None);
    }

    #[test]
    fn hints_show_the_value_in_the_right_form() {
        let h = |path, want, found| wrong_type(path, want, found).unwrap();
        assert!(
            h(
                "programs[0].budget[0].amount",
                Want::Whole,
                Some("Rp 150.000.000")
            )
            .contains("`amount: 150000000`")
        );
        assert!(
            h(
                "programs[0].budget[0].amount",
                Want::Whole,
                Some("150 juta")
            )
            .contains("`amount: 150000000`")
        );
        let years = h("programs[0].start", Want::Whole, Some("2027-2030"));
        assert!(
            years.contains("`start: 2027`") && years.contains("`end: 2030`"),
            "{years}"
        );
        assert!(
            h(
                "programs[0].support",
                Want::List,
                Some("DISKOMINFO, DISHUB")
            )
            .contains("`support: [DISKOMINFO, DISHUB]`")
        );
        let impact = h("programs[0].impact", Want::Whole, Some("tinggi"));
        assert!(
            impact.contains("from 1 to 5") && impact.contains("`impact: 4`"),
            "{impact}"
        );
        assert!(h("programs", Want::List, None).contains("`programs: []`"));
        assert!(h("programs[0].quick_win", Want::Bool, Some("ya")).contains("`quick_win: true`"));
        assert!(h("programs[0].sdgs[1]", Want::Whole, Some("tiga")).contains("from 1 to 17"));
        assert_eq!(
            expected_text("programs[2].impact", Want::Whole).as_deref(),
            Some("a whole number from 1 to 5")
        );
        assert_eq!(
            expected_text("evaluation.weights.impact", Want::Whole),
            None
        );
    }
}
