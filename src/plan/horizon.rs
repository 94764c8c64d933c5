//! The planning horizons (jangka pendek, menengah, panjang) of a period, and a programme's
//! schedule as the document writes it.

use crate::model::{Period, Year};

use super::{Horizon, HorizonKey};

/// `2023` for a one-year programme, else `2023–2024` (en dash).
pub fn schedule(start: Year, end: Year) -> String {
    if end <= start {
        start.to_string()
    } else {
        format!("{start}–{end}")
    }
}

/// The horizons of a period (see the module documentation for the rule). Empty horizons are
/// left out, so a 1-year period has only jangka pendek.
pub fn horizons(period: &Period) -> Vec<Horizon> {
    let years = period.year_list();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let n = years.len();
    // Year number (1-based) where jangka menengah ends: min(5, ceil(n / 2)).
    let medium_end = n.div_ceil(2).min(5);
    let year_at = |k: usize| -> Year { years.get(k.saturating_sub(1)).copied().unwrap_or(last) };
    let mut out = vec![Horizon {
        key: HorizonKey::Short,
        first,
        last: first,
    }];
    if medium_end >= 2 {
        out.push(Horizon {
            key: HorizonKey::Medium,
            first: year_at(2),
            last: year_at(medium_end),
        });
    }
    if n > medium_end.max(1) {
        out.push(Horizon {
            key: HorizonKey::Long,
            first: year_at(medium_end.max(1) + 1),
            last,
        });
    }
    out
}

/// The horizon a year falls in; years before the period count as jangka pendek, years after it
/// as the last horizon.
pub fn horizon_of(year: Year, horizons: &[Horizon]) -> HorizonKey {
    if let Some(h) = horizons.iter().find(|h| h.contains(year)) {
        return h.key;
    }
    match horizons.first() {
        Some(h) if year < h.first => h.key,
        _ => horizons.last().map(|h| h.key).unwrap_or(HorizonKey::Short),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizons_for_5_10_20_years() {
        let h5 = horizons(&Period {
            start_year: 2023,
            years: 5,
        });
        assert_eq!(
            h5.iter()
                .map(|h| (h.key, h.first, h.last))
                .collect::<Vec<_>>(),
            vec![
                (HorizonKey::Short, 2023, 2023),
                (HorizonKey::Medium, 2024, 2025),
                (HorizonKey::Long, 2026, 2027)
            ]
        );
        let h10 = horizons(&Period {
            start_year: 2022,
            years: 10,
        });
        assert_eq!(
            h10.iter()
                .map(|h| (h.key, h.first, h.last))
                .collect::<Vec<_>>(),
            vec![
                (HorizonKey::Short, 2022, 2022),
                (HorizonKey::Medium, 2023, 2026),
                (HorizonKey::Long, 2027, 2031)
            ]
        );
        let h20 = horizons(&Period {
            start_year: 2025,
            years: 20,
        });
        assert_eq!(
            h20.iter()
                .map(|h| (h.key, h.first, h.last))
                .collect::<Vec<_>>(),
            vec![
                (HorizonKey::Short, 2025, 2025),
                (HorizonKey::Medium, 2026, 2029),
                (HorizonKey::Long, 2030, 2044)
            ]
        );
        // Degenerate periods do not panic and cover every year exactly once.
        for years in 0..=25 {
            let p = Period {
                start_year: 2020,
                years,
            };
            let h = horizons(&p);
            let covered: usize = h
                .iter()
                .map(|h| usize::try_from(h.last - h.first + 1).unwrap_or(0))
                .sum();
            assert_eq!(covered, p.year_list().len(), "years = {years}");
        }
        assert_eq!(horizon_of(2019, &h5), HorizonKey::Short);
        assert_eq!(horizon_of(2030, &h5), HorizonKey::Long);
        assert_eq!(horizon_of(2025, &h5), HorizonKey::Medium);
    }
}
