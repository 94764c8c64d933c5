//! Reading a Mermaid `gantt` block (the lenient subset described in the parent module) into
//! sections, tasks and horizons, in years.

use std::collections::BTreeMap;

use super::super::clean;

/// The years a chart may show; anything else is not a year.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;
/// More horizon comments than this are ignored (a document has three or four).
const MAX_HORIZONS: usize = 24;

#[derive(Debug, Clone, PartialEq, Default)]
pub(in crate::typeset::chart) struct Gantt {
    pub title: Option<String>,
    pub sections: Vec<String>,
    pub tasks: Vec<Task>,
    pub horizons: Vec<Horizon>,
    /// Legend text for the quick-win mark.
    pub quick_win_label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(in crate::typeset::chart) struct Task {
    pub label: String,
    pub id: Option<String>,
    /// Index into `Gantt::sections`.
    pub section: usize,
    pub start: i32,
    /// Exclusive: a programme running 2023-2024 has `end == 2025`.
    pub end: i32,
    pub quick_win: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(in crate::typeset::chart) struct Horizon {
    pub label: String,
    pub first: i32,
    /// Inclusive.
    pub last: i32,
}

/// Read the lines after `gantt`. Lines that cannot be read are skipped.
pub(in crate::typeset::chart) fn parse<'a>(lines: impl Iterator<Item = &'a str>) -> Gantt {
    let mut g = Gantt {
        quick_win_label: "Quick win".to_string(),
        ..Gantt::default()
    };
    let mut inclusive_end = false;
    let mut current_section: Option<usize> = None;
    let mut ends_by_id: BTreeMap<String, i32> = BTreeMap::new();
    let mut starts_by_id: BTreeMap<String, i32> = BTreeMap::new();
    for raw in lines {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(comment) = t.strip_prefix("%%") {
            parse_comment(comment, &mut g);
            continue;
        }
        let (keyword, rest) = split_keyword(t);
        match keyword.to_ascii_lowercase().as_str() {
            "title" => {
                let title = clean(rest);
                g.title = (!title.is_empty()).then_some(title);
                continue;
            }
            "section" => {
                g.sections.push(clean(rest));
                current_section = Some(g.sections.len() - 1);
                continue;
            }
            "inclusiveenddates" => {
                inclusive_end = true;
                continue;
            }
            "dateformat" | "axisformat" | "excludes" | "includes" | "todaymarker"
            | "tickinterval" | "weekday" | "weekend" | "topaxis" | "displaymode" | "click"
            | "acctitle" | "accdescr" | "acctitle:" | "accdescr:" | "accdescr{" => continue,
            _ => {}
        }
        if keyword.starts_with("accTitle") || keyword.starts_with("accDescr") {
            continue;
        }
        let previous_end = g.tasks.last().map(|task| task.end);
        let read = |(label, data): (&str, &str)| {
            parse_task_data(
                data,
                inclusive_end,
                previous_end,
                &ends_by_id,
                &starts_by_id,
            )
            .map(|task| (clean(label), task))
        };
        // Mermaid ends the label at the first colon; a label that itself contains one (which
        // Mermaid cannot show) is still read when the data after the last colon makes sense.
        let Some((label, mut task)) = t
            .rsplit_once(':')
            .and_then(read)
            .or_else(|| t.split_once(':').and_then(read))
        else {
            continue;
        };
        if label.is_empty() {
            continue;
        }
        let section = match current_section {
            Some(s) => s,
            None => {
                // Tasks before any `section` line belong to an unnamed section.
                g.sections.push(String::new());
                let s = g.sections.len() - 1;
                current_section = Some(s);
                s
            }
        };
        task.label = label;
        task.section = section;
        if let Some(id) = &task.id {
            ends_by_id.insert(id.clone(), task.end);
            starts_by_id.insert(id.clone(), task.start);
        }
        g.tasks.push(task);
    }
    g
}

/// The first word of a line and the rest (keywords are followed by whitespace).
fn split_keyword(t: &str) -> (&str, &str) {
    match t.find(char::is_whitespace) {
        Some(i) => (&t[..i], t[i..].trim_start()),
        None => (t, ""),
    }
}

fn parse_comment(comment: &str, g: &mut Gantt) {
    let c = comment.trim();
    if let Some(rest) = strip_prefix_ci(c, "horizon") {
        let rest = rest.trim_start_matches([':', ' ', '\t']);
        if g.horizons.len() >= MAX_HORIZONS {
            return;
        }
        // `<label> <first> <last>`; a single year or `<first>-<last>` is accepted too.
        let words: Vec<&str> = rest.split_whitespace().collect();
        let year = |w: &str| parse_date(w).map(|d| d.year);
        let (label_words, first, last) = match words.as_slice() {
            [label @ .., a, b] if year(a).is_some() && year(b).is_some() => {
                (label, year(a), year(b))
            }
            [label @ .., range]
                if range
                    .split_once('-')
                    .is_some_and(|(a, b)| year(a).is_some() && year(b).is_some()) =>
            {
                let (a, b) = range.split_once('-').unwrap_or_default();
                (label, year(a), year(b))
            }
            [label @ .., a] => (label, year(a), year(a)),
            [] => return,
        };
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        if last < first || label_words.is_empty() {
            return;
        }
        let label = clean(&label_words.join(" "));
        g.horizons.push(Horizon { label, first, last });
    } else if let Some(rest) =
        strip_prefix_ci(c, "quick-win").or_else(|| strip_prefix_ci(c, "quickwin"))
    {
        let label = clean(rest.trim_start_matches([':', ' ', '\t']));
        if !label.is_empty() {
            g.quick_win_label = label;
        }
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// A date as the chart needs it: its year, and whether it is the very start of that year.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Date {
    year: i32,
    start_of_year: bool,
}

/// `2023`, `2023-01-01`, `2023-07`, `2023/01/01`, `2023.01.01`.
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let mut parts = s.split(['-', '/', '.']);
    let year_text = parts.next()?;
    if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year_text.parse().ok()?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let mut start_of_year = true;
    for part in parts.take(2) {
        let part = part.split(['T', ' ']).next().unwrap_or("");
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u32 = part.parse().ok()?;
        if v == 0 {
            return None;
        }
        if v != 1 {
            start_of_year = false;
        }
    }
    Some(Date {
        year,
        start_of_year,
    })
}

/// A Mermaid duration (`2y`, `18M`, `6w`, `30d`, ...) rounded up to whole years (at least one).
fn parse_duration_years(s: &str) -> Option<i32> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = s.split_at(split);
    let value: f64 = number.parse().ok()?;
    if !value.is_finite() || value <= 0.0 {
        return None;
    }
    let per_year = match unit.trim() {
        "y" => 1.0,
        "M" => 12.0,
        "w" => 52.0,
        "d" => 365.0,
        "h" => 365.0 * 24.0,
        "m" => 365.0 * 24.0 * 60.0,
        "s" => 365.0 * 24.0 * 3600.0,
        "ms" => 365.0 * 24.0 * 3600.0 * 1000.0,
        _ => return None,
    };
    let years = (value / per_year).ceil().clamp(1.0, f64::from(MAX_YEAR));
    Some(years as i32)
}

const TAGS: [&str; 5] = ["crit", "active", "done", "milestone", "vert"];

fn parse_task_data(
    data: &str,
    inclusive_end: bool,
    previous_end: Option<i32>,
    ends_by_id: &BTreeMap<String, i32>,
    starts_by_id: &BTreeMap<String, i32>,
) -> Option<Task> {
    // Mermaid ends the data at a `;` or `#`.
    let data = data.split([';', '#']).next().unwrap_or("");
    let mut quick_win = false;
    let mut values: Vec<&str> = Vec::new();
    for item in data.split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if let Some(tag) = TAGS.iter().find(|tag| tag.eq_ignore_ascii_case(item)) {
            if *tag == "crit" {
                quick_win = true;
            }
            continue;
        }
        values.push(item);
    }
    let n = values.len();
    let (id, start_text, end_text) = match n {
        0 => return None,
        1 => (None, None, values[0]),
        2 => (None, Some(values[0]), values[1]),
        _ => (Some(values[n - 3]), Some(values[n - 2]), values[n - 1]),
    };
    let start = match start_text {
        None => previous_end?,
        Some(s) => parse_start(s, ends_by_id)?,
    };
    let end = parse_end(end_text, start, inclusive_end, starts_by_id)?;
    let end = match end.cmp(&start) {
        std::cmp::Ordering::Less => return None,
        // A zero-length entry is read as a one-year programme.
        std::cmp::Ordering::Equal => start.checked_add(1)?,
        std::cmp::Ordering::Greater => end,
    };
    if end > MAX_YEAR + 1 {
        return None;
    }
    Some(Task {
        label: String::new(),
        id: id.map(|s| s.to_string()).filter(|s| !s.is_empty()),
        section: 0,
        start,
        end,
        quick_win,
    })
}

fn parse_start(s: &str, ends_by_id: &BTreeMap<String, i32>) -> Option<i32> {
    if let Some(rest) = strip_prefix_ci(s, "after ") {
        return rest
            .split_whitespace()
            .filter_map(|id| ends_by_id.get(id).copied())
            .max();
    }
    parse_date(s).map(|d| d.year)
}

fn parse_end(
    s: &str,
    start: i32,
    inclusive_end: bool,
    starts_by_id: &BTreeMap<String, i32>,
) -> Option<i32> {
    if let Some(rest) = strip_prefix_ci(s, "until ") {
        return rest
            .split_whitespace()
            .filter_map(|id| starts_by_id.get(id).copied())
            .min();
    }
    if let Some(d) = parse_date(s) {
        return Some(if inclusive_end || !d.start_of_year {
            d.year + 1
        } else {
            d.year
        });
    }
    parse_duration_years(s).and_then(|years| start.checked_add(years))
}

// ---------------------------------------------------------------------------------------------
// Layout.
