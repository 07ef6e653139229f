//! [`Interval`]: a figure as the range of values it allows, the one type the rules
//! compare figures with and the findings' details carry.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A figure as the range of values it allows: `112` is `[112, 112]`, "at least 140" is
/// `[140, ∞)`, "more than 600" is `(600, ∞)`, "about 2.8 million" is `[2.75e6, 2.85e6]`.
///
/// `min` and `max` are the bounds, `None` for an open end; `min_open` / `max_open` say
/// that the bound itself is excluded. `unit` is the unit or counted noun (`people`),
/// an ISO 4217 code for money, `%` for a percentage.
///
/// In a finding's JSON details it is `{ "min", "max", "min_open", "max_open", "unit" }`
/// (`null` for an open end). Its `Display` is the notation `[140, ∞) people`; the words
/// an article would use ("at least 140") are `factdiff_claims::describe_interval`'s,
/// since every English word lives in factdiff-claims and its lexicons.
///
/// ```
/// use factdiff_findings::Interval;
///
/// let at_least = Interval { min: Some(140.0), max: None, ..Interval::exact(0.0, "people") };
/// let exactly = Interval::exact(112.0, "people");
/// assert!(at_least.disjoint(&exactly));
/// assert_eq!(at_least.gap(&exactly), 28.0);
/// assert_eq!(at_least.to_string(), "[140, ∞) people");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// The least value, `None` when there is none.
    pub min: Option<f64>,
    /// The greatest value, `None` when there is none.
    pub max: Option<f64>,
    /// Whether `min` itself is excluded ("more than 600").
    pub min_open: bool,
    /// Whether `max` itself is excluded ("less than 3%").
    pub max_open: bool,
    /// The unit or counted noun, an ISO 4217 code or `%`.
    pub unit: String,
}

impl Interval {
    /// One value: `[x, x]`.
    pub fn exact(x: f64, unit: impl Into<String>) -> Interval {
        Interval {
            min: Some(x),
            max: Some(x),
            min_open: false,
            max_open: false,
            unit: unit.into(),
        }
    }

    /// Whether the two intervals have no point in common (an excluded bound counts as
    /// outside: "more than 20" and "20" are disjoint).
    pub fn disjoint(&self, other: &Interval) -> bool {
        fn below(a: &Interval, b: &Interval) -> bool {
            match (a.max, b.min) {
                (Some(hi), Some(lo)) => hi < lo || (hi == lo && (a.max_open || b.min_open)),
                _ => false,
            }
        }
        below(self, other) || below(other, self)
    }

    /// The distance between the two intervals with their open ends closed: 0 when they
    /// share a point or touch ("more than 20" and "20"), else how far the upper one's
    /// least value is above the lower one's greatest.
    pub fn gap(&self, other: &Interval) -> f64 {
        fn above(a: &Interval, b: &Interval) -> f64 {
            match (a.max, b.min) {
                (Some(hi), Some(lo)) if hi < lo => lo - hi,
                _ => 0.0,
            }
        }
        above(self, other).max(above(other, self))
    }

    /// Whether the two intervals are disjoint even with their open ends closed ("more
    /// than 20" and "20" touch, and a reporter rounds): a [`gap`](Interval::gap) above
    /// zero.
    pub fn apart(&self, other: &Interval) -> bool {
        self.gap(other) > 0.0
    }
}

impl fmt::Display for Interval {
    /// `[112, 112] people`, `[140, ∞)`, `(600, ∞) bus`, `[2750000, 2850000] USD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open_min = self.min_open || self.min.is_none();
        let open_max = self.max_open || self.max.is_none();
        f.write_str(if open_min { "(" } else { "[" })?;
        match self.min {
            Some(lo) => write!(f, "{lo}")?,
            None => f.write_str("-∞")?,
        }
        f.write_str(", ")?;
        match self.max {
            Some(hi) => write!(f, "{hi}")?,
            None => f.write_str("∞")?,
        }
        f.write_str(if open_max { ")" } else { "]" })?;
        if !self.unit.is_empty() {
            write!(f, " {}", self.unit)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(min: Option<f64>, max: Option<f64>, min_open: bool, max_open: bool) -> Interval {
        Interval {
            min,
            max,
            min_open,
            max_open,
            unit: String::new(),
        }
    }

    #[test]
    fn disjoint_gap_and_apart() {
        let twenty = iv(Some(20.0), Some(20.0), false, false);
        let more_than_20 = iv(Some(20.0), None, true, false);
        let at_most_10 = iv(None, Some(10.0), false, false);
        let five_to_eight = iv(Some(5.0), Some(8.0), false, false);
        // Touching at an excluded bound: disjoint, but not apart.
        assert!(twenty.disjoint(&more_than_20));
        assert!(!twenty.apart(&more_than_20));
        assert_eq!(twenty.gap(&more_than_20), 0.0);
        // Apart, either way round.
        assert!(twenty.apart(&at_most_10) && at_most_10.apart(&twenty));
        assert_eq!(twenty.gap(&at_most_10), 10.0);
        assert_eq!(at_most_10.gap(&twenty), 10.0);
        // Overlapping.
        assert!(!at_most_10.disjoint(&five_to_eight));
        assert_eq!(five_to_eight.gap(&at_most_10), 0.0);
        // Two unbounded ends on the same side always overlap.
        assert!(!more_than_20.disjoint(&iv(Some(100.0), None, false, false)));
    }

    #[test]
    fn shows_its_bounds() {
        assert_eq!(
            Interval::exact(112.0, "people").to_string(),
            "[112, 112] people"
        );
        assert_eq!(iv(Some(600.0), None, true, false).to_string(), "(600, ∞)");
        assert_eq!(iv(None, Some(2.5), false, true).to_string(), "(-∞, 2.5)");
    }

    #[test]
    fn serializes_as_the_report_contract_says() {
        let json = serde_json::to_string(&iv(Some(140.0), None, false, false)).unwrap();
        assert_eq!(
            json,
            r#"{"min":140.0,"max":null,"min_open":false,"max_open":false,"unit":""}"#
        );
        let back: Interval = serde_json::from_str(&json).unwrap();
        assert_eq!(back, iv(Some(140.0), None, false, false));
    }
}
