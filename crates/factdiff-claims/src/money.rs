//! Money: amount, scale and currency as an ISO 4217 code.
//!
//! The amount is read by [`crate::numbers`] (which also takes a currency symbol before
//! it: `$2.7bn`, `€40 million`, `US$5`); this module recognizes the currency word after
//! it (`35 billion dollars`, `10 trillion tenge`, `150 mln dlrs`) from the currencies
//! lexicon.

use crate::{Ctx, Sent};

/// The currency after token `j`: `(end token, ISO code)`.
pub(crate) fn currency_after(
    ctx: &Ctx,
    s: &Sent,
    j: usize,
    vague: bool,
) -> Option<(usize, String)> {
    let j = if vague && s.lower(j) == "of" {
        j + 1
    } else {
        j
    };
    for n in (1..=3).rev() {
        if let Some(p) = s.phrase(j, n)
            && let Some(code) = ctx.lex.currency_words.get(&*p)
        {
            // Upper-case codes only as written ("USD", not "usd" inside a word).
            return Some((j + n, code.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// A decimal comma or a grouping typo ("2,29 dlrs", "6,306,0000 dlrs") is no figure
    /// to compare: read as 29 it set two prices against each other (issue 13).
    #[test]
    fn digits_glued_by_a_comma_that_groups_no_thousands_are_no_figure() {
        check_kind(
            ClaimKind::Money,
            &[
                ("The price fell to 2,29 dlrs a share.", &[]),
                ("Net loss 6,306,0000 dlrs.", &[]),
                (
                    "Net loss 6,306,000 dlrs.",
                    &["6,306,000 dlrs = [6306000, 6306000] USD"],
                ),
            ],
        );
    }

    #[test]
    fn money() {
        check_kind(
            ClaimKind::Money,
            &[
                (
                    "35 billion dollars",
                    &["35 billion dollars = [34500000000, 35500000000] USD"],
                ),
                ("$2.7bn", &["$2.7bn = [2650000000, 2750000000] USD"]),
                (
                    "10 trillion tenge (about 35 billion dollars)",
                    &[
                        "10 trillion tenge = [9500000000000, 10500000000000] KZT",
                        "about 35 billion dollars = [31500000000, 38500000000] USD ConversionOf->10 trillion tenge",
                    ],
                ),
                (
                    "350 million dollars",
                    &["350 million dollars = [349500000, 350500000] USD"],
                ),
                ("€40 million", &["€40 million = [39500000, 40500000] EUR"]),
                (
                    "a profit of 150 mln dlrs",
                    &["150 mln dlrs = [149500000, 150500000] USD"],
                ),
                (
                    "2.5 billion stg",
                    &["2.5 billion stg = [2450000000, 2550000000] GBP"],
                ),
                (
                    "120 billion yen",
                    &["120 billion yen = [119500000000, 120500000000] JPY"],
                ),
                ("$5", &["$5 = [5, 5] USD"]),
                (
                    "US$300 million",
                    &["US$300 million = [299500000, 300500000] USD"],
                ),
                ("£12m", &["£12m = [11500000, 12500000] GBP"]),
                (
                    "about $35 billion",
                    &["about $35 billion = [31500000000, 38500000000] USD"],
                ),
                (
                    "more than $1 billion",
                    &["more than $1 billion = (1000000000, inf) USD"],
                ),
                (
                    "up to 5 million euros",
                    &["up to 5 million euros = (-inf, 5000000] EUR"],
                ),
                ("500 tenge", &["500 tenge = [500, 500] KZT"]),
                ("3,000 roubles", &["3,000 roubles = [3000, 3000] RUB"]),
                (
                    "1.2 billion manats",
                    &["1.2 billion manats = [1150000000, 1250000000] AZN"],
                ),
                (
                    "millions of dollars",
                    &["millions of dollars = [2000000, 999999999] USD"],
                ),
                (
                    "$4.5 trillion",
                    &["$4.5 trillion = [4450000000000, 4550000000000] USD"],
                ),
                ("20 dlrs a share", &["20 dlrs = [20, 20] USD"]),
                ("1.50 dlrs per share", &["1.50 dlrs = [1.5, 1.5] USD"]),
                (
                    "400 mln Swiss francs",
                    &["400 mln Swiss francs = [399500000, 400500000] CHF"],
                ),
                ("50 mln marks", &["50 mln marks = [49500000, 50500000] DEM"]),
                (
                    "7 billion rupees",
                    &["7 billion rupees = [6500000000, 7500000000] INR"],
                ),
                (
                    "15 million US dollars",
                    &["15 million US dollars = [14500000, 15500000] USD"],
                ),
                (
                    "$10-12 billion",
                    &["$10-12 billion = [10000000000, 12000000000] USD"],
                ),
                (
                    "between $5 and $8 million",
                    &["between $5 and $8 million = [5000000, 8000000] USD"],
                ),
                (
                    "nearly 2 trillion tenge",
                    &["nearly 2 trillion tenge = [1800000000000, 2000000000000) KZT"],
                ),
                ("€1.5bn", &["€1.5bn = [1450000000, 1550000000] EUR"]),
                (
                    "5 billion yuan",
                    &["5 billion yuan = [4500000000, 5500000000] CNY"],
                ),
                // After a name: an amount paid to or by whoever is named, not a model
                // ("a Boeing 737 jet").
                (
                    "The Commission fined Google 4.3 billion euros",
                    &["4.3 billion euros = [4250000000, 4350000000] EUR"],
                ),
                (
                    "it downgraded Texas Air Corp's 410 mln dlrs of debt",
                    &["410 mln dlrs = [409500000, 410500000] USD"],
                ),
                (
                    "will pay Acme 500 dollars",
                    &["500 dollars = [500, 500] USD"],
                ),
                // Negatives.
                ("a Boeing 737 jet for 40 passengers", &[]),
                ("the dollar rose", &[]),
                ("the G20 dollar", &[]),
            ],
        );
    }
}
