//! The score for a terminal: one row per criterion (id, title, points of max), the fixes of each
//! criterion short of full marks below it (at most `limit`, then "and N more"), the total.

use crate::model::Language;
use crate::render::format::scaled;

use super::Score;

/// The words of the text output.
struct Words {
    heading: &'static str,
    criterion: &'static str,
    points: &'static str,
    total: &'static str,
    more: &'static str,
    year: &'static str,
    due: &'static str,
    nothing_due: &'static str,
    reference: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::Id => Words {
            heading: "Skor rancangan",
            criterion: "kriteria",
            points: "poin",
            total: "Total",
            more: "dan {n} lainnya",
            year: "Dinilai pada tahun",
            due: "monitoring diharapkan untuk",
            nothing_due: "belum ada monitoring yang jatuh tempo",
            reference: "Kriteria, bobot dan sumbernya: `masterplan reference score`.",
        },
        Language::En => Words {
            heading: "Draft score",
            criterion: "criterion",
            points: "points",
            total: "Total",
            more: "and {n} more",
            year: "Scored as of",
            due: "monitoring due for",
            nothing_due: "no monitoring due yet",
            reference: "The criteria, their weights and sources: `masterplan reference score`.",
        },
    }
}

/// The width the text is wrapped to: a terminal's.
const WIDTH: usize = 80;

/// `- text` indented by `indent`, wrapped at spaces to [`WIDTH`] with a hanging indent (a word
/// longer than a line stays whole, and so does an amount).
fn bullet(out: &mut String, indent: usize, text: &str) {
    let mut line = format!("{:indent$}-", "");
    let mut empty = true;
    // An amount (`Rp1,25 miliar`) stays on one line.
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if last.trim_start_matches('(').starts_with("Rp") && !last.contains(' ') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
    }
    for word in &words {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = format!("{:width$}", "", width = indent + 1);
        }
        line.push(' ');
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// The score as text for `title` (the masterplan's title), with at most `limit` fixes per
/// criterion (`None`: all of them).
pub fn human(score: &Score, title: &str, limit: Option<usize>) -> String {
    let language = if score.language == "en" {
        Language::En
    } else {
        Language::Id
    };
    let w = words(language);
    let points =
        |tenths: u32, max: u32| format!("{}/{max}", scaled(i128::from(tenths), 1, language));
    let id_width = score
        .criteria
        .iter()
        .map(|c| c.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(w.criterion.len().min(12));
    let title_width = score
        .criteria
        .iter()
        .map(|c| c.title.chars().count())
        .max()
        .unwrap_or(0);
    let points_width = score
        .criteria
        .iter()
        .map(|c| points(c.tenths, c.max).chars().count())
        .chain([
            points(score.tenths_points(), score.max).chars().count(),
            w.points.len(),
        ])
        .max()
        .unwrap_or(0);
    let percent = format!("{} %", scaled(i128::from(score.tenths), 1, language));

    let mut out = String::new();
    out.push_str(&format!("{} {}: {percent}\n\n", w.heading, title.trim()));
    out.push_str(&format!(
        "{:<id_width$}  {:<title_width$}  {:>points_width$}\n",
        "id", w.criterion, w.points
    ));
    for c in &score.criteria {
        let mark = if c.tenths == c.max * 10 { "  ✓" } else { "" };
        out.push_str(&format!(
            "{:<id_width$}  {:<title_width$}  {:>points_width$}{mark}\n",
            c.id,
            c.title,
            points(c.tenths, c.max)
        ));
        let shown = limit.unwrap_or(usize::MAX).min(c.fixes.len());
        for fix in &c.fixes[..shown] {
            bullet(&mut out, id_width + 2, fix);
        }
        if shown < c.fixes.len() {
            let more = w.more.replace("{n}", &(c.fixes.len() - shown).to_string());
            out.push_str(&format!("{:id_width$}  - {more}\n", ""));
        }
    }
    let rule = id_width + title_width + points_width + 4;
    out.push_str(&format!("{}\n", "-".repeat(rule)));
    out.push_str(&format!(
        "{:<id_width$}  {:<title_width$}  {:>points_width$}  {percent}\n\n",
        w.total,
        "",
        points(score.tenths_points(), score.max)
    ));
    let due = match (score.due_years.first(), score.due_years.last()) {
        (Some(a), Some(b)) if a == b => format!("{} {a}", w.due),
        (Some(a), Some(b)) => format!("{} {a}-{b}", w.due),
        _ => w.nothing_due.to_string(),
    };
    out.push_str(&format!(
        "{} {}: {due}.\n{}\n",
        w.year, score.year, w.reference
    ));
    out
}

impl Score {
    /// The points earned, in tenths.
    fn tenths_points(&self) -> u32 {
        self.criteria.iter().map(|c| c.tenths).sum()
    }
}
