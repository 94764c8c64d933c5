//! Numbers, money, dates and numerals in the document's language. Exact integer arithmetic for
//! money; no locale machinery, just the two conventions the documents use:
//! Bahasa Indonesia groups thousands with `.` and writes decimals with `,` (`Rp1.250.000.000`,
//! `9.672,7`); English the other way round (`Rp1,250,000,000`, `9,672.7`).

use crate::model::Language;
use crate::render::Date;

fn separators(language: Language) -> (char, char) {
    match language {
        Language::Id => ('.', ','),
        Language::En => (',', '.'),
    }
}

/// Digits of `n` grouped by thousands with `sep`.
pub fn group(n: u128, sep: char) -> String {
    group_digits(&n.to_string(), sep)
}

/// A string of ASCII digits grouped by thousands with `sep`.
fn group_digits(digits: &str, sep: char) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An integer with thousands separators: `1.250.000` (id), `1,250,000` (en).
pub fn integer(n: i128, language: Language) -> String {
    let (thousands, _) = separators(language);
    let body = group(n.unsigned_abs(), thousands);
    if n < 0 { format!("-{body}") } else { body }
}

/// A decimal number with at most `max_decimals` decimals (trailing zeros dropped):
/// `9.672,7` (id), `9,672.7` (en). Whole numbers print without decimals.
pub fn decimal(x: f64, max_decimals: usize, language: Language) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let (thousands, point) = separators(language);
    let text = format!("{:.*}", max_decimals.min(6), x.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let zero = int_part.bytes().all(|b| b == b'0');
    let negative = x < 0.0 && (!zero || !frac_part.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(int_part, thousands));
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// An integer scaled by `10^places`, with exactly `places` decimals in the document's number
/// format: `scaled(330, 2)` is `3,30` (id) or `3.30` (en); `scaled(-25, 1)` is `-2,5`.
pub fn scaled(n: i128, places: u32, language: Language) -> String {
    let (thousands, point) = separators(language);
    scaled_with(n, places, thousands, point)
}

/// [`scaled`] without grouping and with a decimal point, for Mermaid: `scaled_plain(875, 1)` is
/// `87.5`.
pub fn scaled_plain(n: i128, places: usize) -> String {
    let places = u32::try_from(places.min(6)).unwrap_or(0);
    let text = scaled_with(n.abs(), places, '\0', '.').replace('\0', "");
    if n < 0 { format!("-{text}") } else { text }
}

fn scaled_with(n: i128, places: u32, thousands: char, point: char) -> String {
    let unit = 10u128.pow(places);
    let abs = n.unsigned_abs();
    let int = group(abs / unit, thousands);
    let sign = if n < 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{int}");
    }
    let frac = abs % unit;
    format!("{sign}{int}{point}{frac:0width$}", width = places as usize)
}

/// A number with exactly `decimals` decimals, for a column that must read at one precision:
/// `3,00` and `2,67` (id), `3.00` and `2.67` (en).
pub fn fixed(x: f64, decimals: usize, language: Language) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let (thousands, point) = separators(language);
    let text = format!("{:.*}", decimals.min(6), x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let zero = text.bytes().all(|b| b == b'0' || b == b'.');
    let mut out = String::new();
    if x < 0.0 && !zero {
        out.push('-');
    }
    out.push_str(&group_digits(int_part, thousands));
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// Full Rupiah: `Rp1.250.000.000` (id), `Rp1,250,000,000` (en).
pub fn rupiah(amount: u128, language: Language) -> String {
    let (thousands, _) = separators(language);
    format!("Rp{}", group(amount, thousands))
}

/// Short Rupiah with at most two decimals: `Rp1,25 miliar`, `Rp250 juta`, `Rp1,2 triliun` (id);
/// `Rp1.25 billion`, `Rp250 million`, `Rp1.2 trillion` (en). Amounts under a million are written
/// in full. Rounding is half up, in exact integer arithmetic; a value that rounds up to a
/// thousand of one unit moves to the next (`Rp999.999.999` -> `Rp1 miliar`).
pub fn rupiah_short(amount: u128, language: Language) -> String {
    const UNITS: [u128; 3] = [1_000_000, 1_000_000_000, 1_000_000_000_000];
    let names: [&str; 3] = match language {
        Language::Id => ["juta", "miliar", "triliun"],
        Language::En => ["million", "billion", "trillion"],
    };
    if amount < UNITS[0] {
        return rupiah(amount, language);
    }
    let mut k = UNITS.iter().rposition(|u| amount >= *u).unwrap_or(0);
    loop {
        let unit = UNITS.get(k).copied().unwrap_or(1_000_000);
        let hundredths = (amount / unit)
            .saturating_mul(100)
            .saturating_add(((amount % unit) * 100 + unit / 2) / unit);
        if hundredths >= 100_000 && k + 1 < UNITS.len() {
            k += 1;
            continue;
        }
        let (thousands, point) = separators(language);
        let whole = group(hundredths / 100, thousands);
        let frac = hundredths % 100;
        let name = names.get(k).copied().unwrap_or("");
        return if frac == 0 {
            format!("Rp{whole} {name}")
        } else if frac.is_multiple_of(10) {
            format!("Rp{whole}{point}{} {name}", frac / 10)
        } else {
            format!("Rp{whole}{point}{frac:02} {name}")
        };
    }
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `23 November 2026` (both languages, each with its own month names). An impossible month
/// prints as a number rather than failing.
pub fn date(d: Date, language: Language) -> String {
    let months = match language {
        Language::Id => &MONTHS_ID,
        Language::En => &MONTHS_EN,
    };
    let index = usize::try_from(d.month).ok().and_then(|m| m.checked_sub(1));
    match index.and_then(|i| months.get(i)) {
        Some(m) => format!("{} {} {}", d.day, m, d.year),
        None => format!("{} {} {}", d.day, d.month, d.year),
    }
}

/// Roman numerals for chapter numbers (`5` -> `V`); 0 and numbers above 3999 stay decimal.
pub fn roman(n: u64) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// The anchor GitHub and GitLab give a heading: the rendered text (backslash escapes removed)
/// lower-cased, punctuation dropped, each space a hyphen. Duplicates are numbered by the caller.
pub fn slug(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    let mut chars = heading.trim().chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == '\\' {
            match chars.next() {
                Some(next) => next,
                None => break,
            }
        } else {
            c
        };
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Years as a reader says them: runs of consecutive years as spans with an en dash, the last
/// two joined with "dan" / "and": `[2028, 2029, 2030]` -> `2028–2030`, `[2024, 2026, 2027]` ->
/// `2024 dan 2026–2027`.
pub fn year_spans(years: &[i64], language: Language) -> String {
    let mut spans: Vec<String> = Vec::new();
    let mut k = 0;
    while k < years.len() {
        let start = years[k];
        let mut end = start;
        while k + 1 < years.len() && years[k + 1] == end + 1 {
            end += 1;
            k += 1;
        }
        spans.push(if end == start {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        k += 1;
    }
    let and = match language {
        Language::Id => " dan ",
        Language::En => " and ",
    };
    match spans.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_spans_join_runs() {
        assert_eq!(year_spans(&[2028, 2029, 2030], Language::Id), "2028–2030");
        assert_eq!(
            year_spans(&[2024, 2026, 2027], Language::Id),
            "2024 dan 2026–2027"
        );
        assert_eq!(
            year_spans(&[2023, 2025, 2027], Language::En),
            "2023, 2025 and 2027"
        );
        assert_eq!(year_spans(&[], Language::En), "");
    }

    #[test]
    fn scaled_scores_and_percentages() {
        assert_eq!(scaled(330, 2, Language::Id), "3,30");
        assert_eq!(scaled(330, 2, Language::En), "3.30");
        assert_eq!(scaled(5, 2, Language::Id), "0,05");
        assert_eq!(scaled(-25, 2, Language::Id), "-0,25");
        assert_eq!(scaled(12_345, 1, Language::Id), "1.234,5");
        assert_eq!(scaled(7, 0, Language::En), "7");
        assert_eq!(scaled_plain(875, 1), "87.5");
        assert_eq!(scaled_plain(-12_345, 1), "-1234.5");
        assert_eq!(scaled_plain(330, 2), "3.30");
    }

    #[test]
    fn rupiah_full() {
        assert_eq!(rupiah(1_250_000_000, Language::Id), "Rp1.250.000.000");
        assert_eq!(rupiah(1_250_000_000, Language::En), "Rp1,250,000,000");
        assert_eq!(rupiah(0, Language::Id), "Rp0");
        assert_eq!(rupiah(999, Language::Id), "Rp999");
        assert_eq!(rupiah(1000, Language::Id), "Rp1.000");
        assert_eq!(rupiah(u128::MAX, Language::Id).len(), "Rp".len() + 39 + 12);
    }

    #[test]
    fn rupiah_short_forms() {
        let id = Language::Id;
        let en = Language::En;
        assert_eq!(rupiah_short(1_250_000_000, id), "Rp1,25 miliar");
        assert_eq!(rupiah_short(250_000_000, id), "Rp250 juta");
        assert_eq!(rupiah_short(1_200_000_000_000, id), "Rp1,2 triliun");
        assert_eq!(rupiah_short(1_250_000_000, en), "Rp1.25 billion");
        assert_eq!(rupiah_short(250_000_000, en), "Rp250 million");
        assert_eq!(rupiah_short(1_200_000_000_000, en), "Rp1.2 trillion");
        assert_eq!(rupiah_short(750_000, id), "Rp750.000");
        assert_eq!(rupiah_short(1_000_000, id), "Rp1 juta");
        assert_eq!(rupiah_short(1_005_000, id), "Rp1,01 juta");
        assert_eq!(rupiah_short(1_004_999, id), "Rp1 juta");
        assert_eq!(rupiah_short(999_999_999, id), "Rp1 miliar");
        assert_eq!(rupiah_short(12_345_000_000_000_000, id), "Rp12.345 triliun");
        assert_eq!(
            rupiah_short(12_345_000_000_000_000, en),
            "Rp12,345 trillion"
        );
        // Never panics on the largest amount.
        assert!(rupiah_short(u128::MAX, id).ends_with(" triliun"));
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(integer(374_330, Language::Id), "374.330");
        assert_eq!(integer(374_330, Language::En), "374,330");
        assert_eq!(integer(-1500, Language::Id), "-1.500");
        assert_eq!(decimal(9672.7, 2, Language::Id), "9.672,7");
        assert_eq!(decimal(9672.7, 2, Language::En), "9,672.7");
        assert_eq!(decimal(2.3333, 2, Language::Id), "2,33");
        assert_eq!(decimal(3.0, 2, Language::Id), "3");
        assert_eq!(decimal(-0.001, 2, Language::Id), "0");
        assert_eq!(decimal(-12.5, 1, Language::En), "-12.5");
        assert_eq!(decimal(0.5, 2, Language::Id), "0,5");
        let huge = decimal(1e30, 2, Language::Id);
        assert!(huge.starts_with("1.000.000.000.000.000.0"), "{huge}");
        let d = Date {
            year: 2026,
            month: 11,
            day: 23,
        };
        assert_eq!(date(d, Language::Id), "23 November 2026");
        assert_eq!(date(d, Language::En), "23 November 2026");
        let d = Date {
            year: 2026,
            month: 8,
            day: 1,
        };
        assert_eq!(date(d, Language::Id), "1 Agustus 2026");
        assert_eq!(date(d, Language::En), "1 August 2026");
        let bad = Date {
            year: 2026,
            month: 13,
            day: 1,
        };
        assert_eq!(date(bad, Language::Id), "1 13 2026");
    }

    #[test]
    fn roman_and_slug() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(0), "0");
        assert_eq!(slug("BAB I PENDAHULUAN"), "bab-i-pendahuluan");
        assert_eq!(slug("1.1 Latar Belakang"), "11-latar-belakang");
        assert_eq!(
            slug("GOV-01 Layanan \\*Satu\\* Pintu"),
            "gov-01-layanan-satu-pintu"
        );
        assert_eq!(slug("Smart\\_City (2023–2032)"), "smart_city-20232032");
    }
}
