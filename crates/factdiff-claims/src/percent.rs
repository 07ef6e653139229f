//! Percentages: `23 percent`, `21%`, `per cent`, `pct`, percentage points.
//!
//! The number is read by [`crate::numbers`]; this module recognizes the percent sign or
//! word after it. A change ("increased by 65 percent") is the same value; the change
//! relation is made by [`crate::relations`].

use crate::{Ctx, Sent};

/// The percent unit after token `j`: `(end token, unit)`, the unit `%` or `pp`
/// (percentage points).
pub(crate) fn unit_after(ctx: &Ctx, s: &Sent, j: usize) -> Option<(usize, String)> {
    let t = s.toks.get(j)?;
    if t.text == "%" {
        return Some((j + 1, "%".into()));
    }
    let v = &ctx.lex.context;
    match t.lower.as_ref() {
        l if v.percent_words.contains(l) => Some((j + 1, "%".into())),
        "per" if s.lower(j + 1) == "cent" => Some((j + 2, "%".into())),
        "percentage" if v.percentage_point_words.contains(s.lower(j + 1)) => {
            Some((j + 2, "pp".into()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    #[test]
    fn percentages() {
        check_kind(
            ClaimKind::Percent,
            &[
                ("rose 23 percent", &["23 percent = [23, 23] %"]),
                ("a 21% share", &["21% = [21, 21] %"]),
                (
                    "increased by 65 percent, reaching 2.8 million tons",
                    &["65 percent = [65, 65] % ChangeTo->2.8 million tons"],
                ),
                (
                    "11 percent higher than the figure of 2022",
                    &["11 percent = [11, 11] %"],
                ),
                ("up 4.5 per cent", &["4.5 per cent = [4.5, 4.5] %"]),
                ("fell 3.2 pct in January", &["3.2 pct = [3.2, 3.2] %"]),
                (
                    "a rise of 0.5 percentage points",
                    &["0.5 percentage points = [0.5, 0.5] pp"],
                ),
                (
                    "about 40 percent of voters",
                    &["about 40 percent = [36, 44] %"],
                ),
                (
                    "more than 50 percent",
                    &["more than 50 percent = (50, inf) %"],
                ),
                ("nearly 60%", &["nearly 60% = [54, 60) %"]),
                ("up to 30 percent", &["up to 30 percent = (-inf, 30] %"]),
                ("less than 2%", &["less than 2% = (-inf, 2) %"]),
                (
                    "between 5 and 7 percent",
                    &["between 5 and 7 percent = [5, 7] %"],
                ),
                ("5-7 pct", &["5-7 pct = [5, 7] %"]),
                ("ten percent", &["ten percent = [10, 10] %"]),
                (
                    "twenty-five per cent of the vote",
                    &["twenty-five per cent = [25, 25] %"],
                ),
                (
                    "at least 12 percent",
                    &["at least 12 percent = [12, inf) %"],
                ),
                ("a 7.25 pct stake", &["7.25 pct = [7.25, 7.25] %"]),
                ("inflation of 8.4%", &["8.4% = [8.4, 8.4] %"]),
                ("grew 1.5% year on year", &["1.5% = [1.5, 1.5] %"]),
                ("accounted for 23% of trade", &["23% = [23, 23] %"]),
                ("dropped 0.3 percent", &["0.3 percent = [0.3, 0.3] %"]),
                ("a 100 percent stake", &["100 percent = [100, 100] %"]),
                ("some 70 per cent", &["some 70 per cent = [63, 77] %"]),
                ("roughly 15%", &["roughly 15% = [13.5, 16.5] %"]),
                ("over 90 percent", &["over 90 percent = (90, inf) %"]),
                ("almost 20 percent", &["almost 20 percent = [18, 20) %"]),
                ("a 2.5 pct dividend rise", &["2.5 pct = [2.5, 2.5] %"]),
                ("7.5% growth", &["7.5% = [7.5, 7.5] %"]),
                ("a 51 pct majority", &["51 pct = [51, 51] %"]),
                // Negatives.
                ("percentage of the vote", &[]),
                ("COVID-19 percent", &[]),
                ("Article 5 percent", &[]),
            ],
        );
    }
}
