//! Money over the years: where a budget line falls in the period, the even spread of a line
//! without a year in round figures, a programme's budget per year and per source.

use crate::model::{BudgetSource, Period, Program, Year};

use super::{Amount, SourceAmount};

pub(super) fn source_index(source: BudgetSource) -> usize {
    BudgetSource::ALL
        .iter()
        .position(|s| *s == source)
        .unwrap_or(0)
}

/// Index of `year` in the period's year list, clamping years outside the period to its ends.
/// `None` only when the period has no years.
pub(super) fn clamp_slot(year: Year, period: &Period, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let offset = i64::from(year) - i64::from(period.start_year);
    let max = i64::try_from(n - 1).unwrap_or(i64::MAX);
    usize::try_from(offset.clamp(0, max)).ok()
}

/// Index of `year` in the period's year list; `None` outside the period.
pub(super) fn year_slot(year: Year, period: &Period, n: usize) -> Option<usize> {
    let offset = i64::from(year) - i64::from(period.start_year);
    let i = usize::try_from(offset).ok()?;
    (i < n).then_some(i)
}

/// The smallest unit an amount without a year is spread in: Rp1.000.
pub const SPREAD_UNIT: Amount = 1_000;

/// The unit an even share is rounded down to, so that it reads as a round figure: four
/// significant digits, at least [`SPREAD_UNIT`] (83.330.000, not 83.333.333 or 83.333.000;
/// 1.109.000.000, not 1.109.999.000; 2.965.000.000 stays).
pub fn spread_unit(share: Amount) -> Amount {
    let mut unit = SPREAD_UNIT;
    while share / unit >= 10_000 {
        unit *= 10;
    }
    unit
}

/// Spread `amount` over the years `start..=end`: every year but the last gets the even share
/// rounded down to a round figure ([`spread_unit`]), the last year gets the rest. Returns
/// `(year, amount)` pairs; their sum is always `amount`. A reversed range is read as a one-year
/// range at `start`.
pub fn spread(amount: Amount, start: Year, end: Year) -> Vec<(Year, Amount)> {
    let end = end.max(start);
    let count = Amount::from(end.abs_diff(start)) + 1;
    let even = amount / count;
    let unit = spread_unit(even);
    let share = even / unit * unit;
    // `share * (count - 1) <= amount`, so the last year's rest never underflows.
    let last = amount - share * (count - 1);
    (start..=end)
        .map(|y| if y == end { (y, last) } else { (y, share) })
        .collect()
}

/// One budget line per year of the period (length `n`).
pub(super) fn line_by_year(
    line: &crate::model::BudgetLine,
    program: &Program,
    period: &Period,
    n: usize,
) -> Vec<Amount> {
    let mut out = vec![0; n];
    let amount = Amount::from(line.amount);
    match line.year {
        Some(y) => {
            if let Some(slot) = clamp_slot(y, period, n).and_then(|i| out.get_mut(i)) {
                *slot += amount;
            }
        }
        None => {
            // Clamp the programme's range into the period first, so nothing falls outside.
            let (Some(s), Some(e)) = (
                clamp_slot(program.start, period, n),
                clamp_slot(program.end.max(program.start), period, n),
            ) else {
                return out;
            };
            let s_year = period
                .start_year
                .saturating_add(i32::try_from(s).unwrap_or(0));
            let e_year = period
                .start_year
                .saturating_add(i32::try_from(e).unwrap_or(0));
            for (y, a) in spread(amount, s_year, e_year) {
                if let Some(slot) = year_slot(y, period, n).and_then(|i| out.get_mut(i)) {
                    *slot += a;
                }
            }
        }
    }
    out
}

/// A programme's budget per year of the period (length `n`).
pub(super) fn program_budget(p: &Program, period: &Period, n: usize) -> Vec<Amount> {
    let mut out = vec![0; n];
    for line in &p.budget {
        for (cell, a) in out.iter_mut().zip(line_by_year(line, p, period, n)) {
            *cell += a;
        }
    }
    out
}

/// A programme's planned budget in one year, per source with a non-zero amount, in
/// [`BudgetSource::ALL`] order: the same yearly spread as the budget chapter ([`spread`]), so the
/// evaluation compares realised spending with exactly the amounts the masterplan shows.
pub fn planned_in_year(p: &Program, period: &Period, year: Year) -> Vec<SourceAmount> {
    let years = period.year_list();
    let n = years.len();
    let Some(slot) = year_slot(year, period, n) else {
        return Vec::new();
    };
    let mut by_source = [0 as Amount; BudgetSource::ALL.len()];
    for line in &p.budget {
        let amount = line_by_year(line, p, period, n)
            .get(slot)
            .copied()
            .unwrap_or(0);
        by_source[source_index(line.source)] += amount;
    }
    BudgetSource::ALL
        .iter()
        .zip(by_source)
        .filter(|(_, a)| *a > 0)
        .map(|(s, amount)| SourceAmount { source: *s, amount })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_puts_remainder_on_last_year() {
        // Shares are round figures (four significant digits); the last year takes the rest.
        assert_eq!(
            spread(250_000_000, 2024, 2026),
            vec![(2024, 83_330_000), (2025, 83_330_000), (2026, 83_340_000)]
        );
        assert_eq!(
            spread(3_329_999_000, 2024, 2026),
            vec![
                (2024, 1_109_000_000),
                (2025, 1_109_000_000),
                (2026, 1_111_999_000)
            ]
        );
        assert_eq!(spread_unit(999), 1_000);
        assert_eq!(spread_unit(83_333_333), 10_000);
        assert_eq!(spread_unit(2_965_000_000), 1_000_000);
        assert_eq!(
            spread(8_895_000_000, 2023, 2025),
            vec![
                (2023, 2_965_000_000),
                (2024, 2_965_000_000),
                (2025, 2_965_000_000)
            ]
        );
        assert_eq!(
            spread(1_000_001, 2023, 2024),
            vec![(2023, 500_000), (2024, 500_001)]
        );
        // Less than one unit per year: everything on the last year.
        assert_eq!(
            spread(100, 2023, 2025),
            vec![(2023, 0), (2024, 0), (2025, 100)]
        );
        assert_eq!(spread(7, 2023, 2023), vec![(2023, 7)]);
        assert_eq!(spread(0, 2023, 2024), vec![(2023, 0), (2024, 0)]);
        // Reversed range: one year at start.
        assert_eq!(spread(5, 2025, 2023), vec![(2025, 5)]);
        let big = u128::from(u64::MAX) * 3 + 2;
        let parts = spread(big, 2023, 2032);
        assert_eq!(parts.iter().map(|(_, a)| a).sum::<Amount>(), big);
        assert!(parts[..9].iter().all(|(_, a)| a % SPREAD_UNIT == 0));
    }
}
