//! The risk level of a programme's risk: likelihood x impact on the 5 x 5 matrix that BNPB and
//! ISO 31000 practice draw, read in three bands (docs/reference/document.md, "Risk register"):
//!
//! | likelihood x impact | level |
//! |---|---|
//! | 1-6 | rendah (low) |
//! | 8-12 | sedang (medium) |
//! | 15-25 | tinggi (high) |
//!
//! (The products of two scores 1..=5 never fall on 7, 13 or 14.)

use serde::Serialize;

use crate::model::Risk;

/// The band of a risk's likelihood x impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

/// Highest product of the low band.
pub const LOW_MAX: u32 = 6;
/// Highest product of the medium band; above it a risk is high.
pub const MEDIUM_MAX: u32 = 12;

impl RiskLevel {
    /// The level of a likelihood x impact product.
    pub fn of_product(product: u32) -> RiskLevel {
        if product <= LOW_MAX {
            RiskLevel::Low
        } else if product <= MEDIUM_MAX {
            RiskLevel::Medium
        } else {
            RiskLevel::High
        }
    }

    /// The level of one risk (scores outside 1..=5 are reported by `check`; they are read as
    /// given here).
    pub fn of(risk: &Risk) -> RiskLevel {
        RiskLevel::of_product(score(risk))
    }

    /// The key the templates use (`t.risk_levels[key]`).
    pub fn key(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
        }
    }
}

/// Likelihood x impact.
pub fn score(risk: &Risk) -> u32 {
    u32::from(risk.likelihood) * u32::from(risk.impact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(likelihood: u8, impact: u8) -> Risk {
        Risk {
            risk: "r".into(),
            likelihood,
            impact,
            mitigation: None,
        }
    }

    #[test]
    fn bands_follow_the_product() {
        assert_eq!(RiskLevel::of(&risk(1, 1)), RiskLevel::Low);
        assert_eq!(RiskLevel::of(&risk(2, 3)), RiskLevel::Low);
        assert_eq!(RiskLevel::of(&risk(1, 5)), RiskLevel::Low);
        assert_eq!(RiskLevel::of(&risk(2, 4)), RiskLevel::Medium);
        assert_eq!(RiskLevel::of(&risk(3, 3)), RiskLevel::Medium);
        assert_eq!(RiskLevel::of(&risk(3, 4)), RiskLevel::Medium);
        assert_eq!(RiskLevel::of(&risk(3, 5)), RiskLevel::High);
        assert_eq!(RiskLevel::of(&risk(4, 4)), RiskLevel::High);
        assert_eq!(RiskLevel::of(&risk(5, 5)), RiskLevel::High);
    }

    #[test]
    fn the_matrix_is_symmetric_and_monotone() {
        for l in 1..=5u8 {
            for i in 1..=5u8 {
                assert_eq!(RiskLevel::of(&risk(l, i)), RiskLevel::of(&risk(i, l)));
                if l < 5 {
                    assert!(RiskLevel::of(&risk(l, i)) <= RiskLevel::of(&risk(l + 1, i)));
                }
            }
        }
        // Every product of two scores lands in a band: none is 7, 13 or 14.
        let products: Vec<u32> = (1..=5u32)
            .flat_map(|l| (1..=5u32).map(move |i| l * i))
            .collect();
        assert!(!products.iter().any(|p| [7, 13, 14].contains(p)));
    }
}
