//! `masterplan score [DIR]`: check the project, then grade the draft as a mentor would
//! (`masterplan::score`) and print the criteria with their points and fixes. The score is
//! information, not a gate: exit 0 unless the inputs have errors, or `--min` is not reached.

use std::path::PathBuf;

use clap::Args;
use masterplan::model::{START_YEARS, Year};

use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE, MessageArgs, fail_with};

/// How many fixes per criterion the human format shows before "and N more".
const FIXES_SHOWN: usize = 5;

#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// The project folder (holding masterplan.yaml).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Score as of this year: monitoring files are due for the period's years before it
    /// [default: the year of SOURCE_DATE_EPOCH when set, else the current year].
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(i64::from(*START_YEARS.start())..=i64::from(*START_YEARS.end())))]
    year: Option<Year>,
    /// Exit 1 (E9200) when the score is below PERCENT (0 to 100), for CI.
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    min: Option<f64>,
    /// Show every fix of every criterion (the human format shows 5 per criterion and counts the
    /// rest; JSON always lists them all).
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    messages: MessageArgs,
}

fn parse_percent(text: &str) -> Result<f64, String> {
    match text.trim().trim_end_matches('%').trim().parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "`{text}` is not a percentage from 0 to 100 (e.g. 70 or 72.5)"
        )),
    }
}

/// The JSON object: the library's score, plus what this run adds.
#[derive(serde::Serialize)]
struct JsonScore<'a> {
    #[serde(flatten)]
    score: &'a masterplan::score::Score,
    /// The warnings `check` found (not printed in JSON mode; run `masterplan check`).
    warnings: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    below_min: Option<bool>,
}

pub fn run(args: &ScoreArgs) -> i32 {
    let messages = Some(&args.messages);
    if !super::require_project_dir(messages, &args.dir) {
        return EXIT_USAGE;
    }
    let year = match args.year {
        Some(y) => y,
        None => match super::generate::build_date(true) {
            Ok(Some(date)) => date.year,
            Ok(None) => clock_year(),
            Err(e) => {
                fail_with(
                    messages,
                    "E9004",
                    None,
                    &e,
                    Some(
                        "unset SOURCE_DATE_EPOCH, set it to e.g. 1795392000 (2026-11-23), or give --year",
                    ),
                );
                return EXIT_USAGE;
            }
        },
    };
    let mut timings = masterplan::check::Timings::new();
    let mut checked = masterplan::check::check_timed(&args.dir, None, &mut timings);
    checked
        .diagnostics
        .extend(super::template_warnings(&args.dir, None));
    checked
        .diagnostics
        .extend(super::schema::stale_warning(&args.dir, &checked));
    // JSON: stdout holds the score object alone; diagnostics only when the run stops.
    let stops = checked.has_errors() || (args.messages.deny_warnings && checked.counts().1 > 0);
    if !args.messages.is_json() || stops {
        args.messages.print(&checked, &args.dir);
    }
    if args.messages.blocks(&checked) {
        args.messages.print_timings(&timings);
        return EXIT_INPUT;
    }
    let (Some(project), Some(taxonomy)) = (&checked.project, &checked.taxonomy) else {
        args.messages.print_timings(&timings);
        return EXIT_INPUT;
    };
    let started = std::time::Instant::now();
    // Titles and fixes in the language of the messages: --lang, MASTERPLAN_LANG, else the
    // project's.
    super::lang::note_loaded(project.masterplan.language);
    let score = masterplan::score::score_in(project, taxonomy, year, super::lang::current());
    timings.push(("score", started.elapsed()));
    args.messages.print_timings(&timings);
    let below = args.min.map(|min| score.score < min);
    let text = if args.messages.is_json() {
        let json = JsonScore {
            score: &score,
            warnings: checked.counts().1,
            min: args.min,
            below_min: below,
        };
        format!("{}\n", serde_json::to_string(&json).unwrap_or_default())
    } else {
        let title = masterplan::score::title(project);
        let limit = (!args.all).then_some(FIXES_SHOWN);
        masterplan::score::human(&score, &title, limit)
    };
    {
        use std::io::Write as _;
        // A closed stdout (`| head`) is not an error.
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
    if let (Some(min), Some(true)) = (args.min, below) {
        if !args.messages.is_json() {
            fail_with(
                messages,
                "E9200",
                Some(&args.dir),
                &format!(
                    "the score {} % is below --min {} %",
                    percent(score.score),
                    percent(min)
                ),
                Some("earn the missing points with the fixes listed above, or lower --min"),
            );
        }
        return EXIT_INPUT;
    }
    EXIT_OK
}

/// A percentage in the number format of the messages (`80,8` in Indonesian, `80.8` in
/// English), as the report prints it.
fn percent(x: f64) -> String {
    masterplan::render::format::decimal(x, 1, super::lang::current())
}

/// The year from the clock. Only a fallback: `build_date(true)` already dates the run today
/// when SOURCE_DATE_EPOCH is unset.
fn clock_year() -> Year {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // 365.2425 days a year from 1970: exact enough away from New Year, and never reached.
    1970 + i32::try_from(secs / 31_556_952).unwrap_or(0)
}
