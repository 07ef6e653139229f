//! # sum-mismatch
//!
//! ## What it does
//! Reports parts that exceed their stated total ("20 grants, including 12 for schools
//! and 10 for hospitals": 22 > 20), and parts of an exhaustive split that do not make
//! it up ("Of the 15 seats, 9 went to the ruling party and 5 to the opposition").
//! Parts and wholes come only from the claims' typed part/whole relations within a
//! sentence (a part marker of the lexicon between them: "including", "of whom", "of
//! which", "among them"; or "Of the 15 seats, 9 ... and 6"); a number merely written
//! after a total is no part of it ("five nuclear plants ... two ... two").
//!
//! Only a count of things is a total ("20 grants", "139 people"): an amount of money
//! is often netted (a loss "including a gain"), a percentage is a share of something
//! else, and an amount in a unit of measurement is often an average (an ore grade of
//! "0.92 ounce" a ton "including a 17.5 foot section grading 2.17 ounces"). Parts
//! must be counts in the total's unit ("13 exchanges including 68,000 lines" are not
//! parts), of the same period, and not the other side of a comparison ("2.6 mln
//! barrels ..., compared to a February average of 3.5 mln").
//!
//! ## Why is this bad?
//! Arithmetic a reader can do in their head should add up; when it does not, one of
//! the figures is wrong.
//!
//! ## Example
//! Fires:
//! ```text
//! The fund awarded 20 grants, including 12 for schools and 10 for hospitals.
//! ```
//! Does not fire:
//! ```text
//! 13 transport corridors, including 5 railway and 8 automobile ones.
//! 139 people, including 7 women.
//! Of the 15 seats, 9 went to the ruling party and 6 to the opposition.
//! ```
//!
//! ## Options
//! - `exhaustive-markers` (array of strings, default `["of the", "of these", "out of"]`):
//!   words that, before the total, say its parts must make it up exactly.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "sum-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "parts that exceed, or do not make up, their stated total",
    message: "the parts ({parts}) add up to {sum}, {why} the total of {total}",
    placeholders: &["parts", "sum", "total", "why"],
    params: &[ParamSpec {
        name: "exhaustive-markers",
        ty: ParamType::Strings,
        default: r#"["of the", "of these", "out of"]"#,
        doc: "words before the total that make the split exhaustive",
    }],
    source: include_str!("sum_mismatch.rs"),
};

use factdiff_claims::{Claim, ClaimKind, ClaimValue, RelationKind, Role};
use factdiff_findings::Finding;
use rayon::prelude::*;

use factdiff_findings::{Interval, SumDetails};

use super::{Cx, finding, interval_of};
use crate::Rule;

/// Whether a claim is a count of things its own words name ("20 grants"), given as
/// what is (not a comparison's other side or a table cell): a total that parts make
/// up.
fn counts(c: &Claim) -> bool {
    c.frame
        .as_deref()
        .is_some_and(|f| (f.counted || bare_toll(c)) && matches!(f.role, Role::Reported | Role::Update))
}

/// Whether a claim is an exact toll of people told without a counted noun ("Of the
/// 27 dead", "the 30 injured"): a bare figure of a measure that only rises (the
/// tolls of `rules/lexicons/measures.toml`, which count people), as count-mismatch
/// reads it. Its parts are bare figures of the sentence too ("15 were women").
fn bare_toll(c: &Claim) -> bool {
    c.kind == ClaimKind::Quantity
        && c.key
            .as_deref()
            .is_some_and(|k| k.monotonic && k.measure.as_deref().is_some_and(|m| !m.is_empty()))
        && matches!(&c.value, ClaimValue::Interval(i)
            if i.unit.is_empty() && i.min.is_some() && i.min == i.max)
}

/// Whether a part is of its whole's period and given as what is.
fn part_of_same(part: &Claim, whole: &Claim) -> bool {
    match (part.frame.as_deref(), whole.frame.as_deref()) {
        (Some(p), Some(w)) => {
            !matches!(p.role, Role::Comparison | Role::Table)
                && match (p.period.as_deref(), w.period.as_deref()) {
                    (Some(pp), Some(wp)) => pp.compatible(wp),
                    _ => true,
                }
        }
        _ => true,
    }
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let markers = rule.params.strings("exhaustive-markers");
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            // Counts and their parts: no name is read.
            let claims = claims.others();
            let a = cx.article(article);
            let mut out = Vec::new();
            // The parts of each claim, found once: scanning every claim for the parts
            // of every whole was quadratic in the claims of an article.
            let mut parts_of: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
            for (idx, c) in claims.iter().enumerate() {
                let mut targets: Vec<usize> = c
                    .relations()
                    .iter()
                    .filter(|r| r.kind == RelationKind::PartOf && r.target < claims.len())
                    .map(|r| r.target)
                    .collect();
                targets.sort_unstable();
                targets.dedup();
                for target in targets {
                    parts_of[target].push(idx);
                }
            }
            for (w_idx, whole) in claims.iter().enumerate() {
                // Only a count of things adds up: an amount of money is netted (a
                // loss "including a gain"), a percentage is a share of something else.
                if whole.kind != ClaimKind::Quantity || !counts(whole) {
                    continue;
                }
                let Some(total) = interval_of(whole) else {
                    continue;
                };
                // Parts in another unit are not parts of this total ("15 warrants,
                // two of which ... 100 grams"; "13 exchanges including 68,000 lines").
                let parts: Vec<(usize, Interval)> = parts_of[w_idx]
                    .iter()
                    .map(|&idx| (idx, &claims[idx]))
                    .filter(|(_, c)| c.kind == whole.kind && part_of_same(c, whole))
                    .filter_map(|(idx, c)| Some((idx, interval_of(c)?)))
                    .filter(|(_, iv)| iv.unit == total.unit)
                    .collect();
                if parts.is_empty() || parts.len() < parts_of[w_idx].len() {
                    continue;
                }
                let part_span = |idx: usize| claims[idx].span;
                // The least the parts can add up to, and the most, when all are bounded.
                let low: f64 = parts.iter().map(|(_, p)| p.min.unwrap_or(0.0)).sum();
                let high: Option<f64> = parts.iter().map(|(_, p)| p.max).sum();
                let sentence = a
                    .sentences
                    .get(whole.sentence as usize)
                    .map_or(whole.span, |s| s.span);
                let before = &a.text[sentence.start as usize..whole.span.start as usize];
                let exhaustive = parts.len() >= 2
                    && markers
                        .iter()
                        .any(|m| factdiff_claims::lower_ends_with(before, m));
                let why = match (total.max, total.min, high) {
                    (Some(hi), _, _) if low > hi => "more than",
                    (_, Some(lo), Some(high)) if exhaustive && high < lo => "short of",
                    _ => continue,
                };
                let sum = factdiff_claims::describe_interval(&Interval {
                    min: Some(low),
                    max: high,
                    min_open: false,
                    max_open: false,
                    unit: total.unit.clone(),
                });
                let part_texts: Vec<String> = parts
                    .iter()
                    .map(|(idx, _)| a.slice(part_span(*idx)).to_owned())
                    .collect();
                let values = [
                    ("parts", part_texts.join(" + ")),
                    ("sum", sum),
                    ("total", a.slice(whole.span).to_owned()),
                    ("why", why.to_owned()),
                ];
                let mut locations = vec![cx.loc(article, whole.span)];
                locations.extend(
                    parts
                        .iter()
                        .map(|(idx, _)| cx.loc(article, part_span(*idx))),
                );
                out.push(
                    finding(rule, &values, locations)
                        .with_details(SumDetails {
                            total,
                            sum_min: low,
                            exhaustive,
                        }),
                );
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::counts;
    use factdiff_claims::{ClaimKind, Lexicons, extract};
    use factdiff_corpus::{Corpus, Input};

    /// Each quantity of `text` with whether it counts as a total.
    fn totals(text: &str) -> Vec<(String, bool)> {
        let corpus = Corpus::from_inputs(vec![Input {
            path: "t.md".into(),
            bytes: format!("+++\ndate = 2026-05-04\n+++\n{text}\n").into_bytes(),
        }]);
        let article = &corpus.articles[0];
        extract(article, &Lexicons::builtin())
            .iter()
            .filter(|c| c.kind == ClaimKind::Quantity)
            .map(|c| (article.slice(c.span).to_owned(), counts(c)))
            .collect()
    }

    /// A toll told without a counted noun ("Of the 27 dead", "the 30 injured") is a
    /// count of people, and so a total; a bare figure of no toll is not (issue 13).
    #[test]
    fn a_bare_toll_counts_people() {
        let of_the_dead = totals("Of the 27 dead, 15 were women and 14 were children.");
        assert_eq!(of_the_dead.first(), Some(&("27".to_owned(), true)));
        let injured = totals("Of the 30 injured, 20 were taken to hospital.");
        assert_eq!(injured.first(), Some(&("30".to_owned(), true)));
        // A hedged toll is an interval, no exact total.
        let about = totals("Of the roughly 30 injured, 20 were taken to hospital.");
        assert!(!about.first().is_some_and(|(_, total)| *total), "{about:?}");
        // A bare figure of no toll counts nothing.
        let score = totals("Of the 27 attempts, 15 went in and 14 missed.");
        assert_eq!(score.first(), Some(&("27 attempts".to_owned(), true)));
        let bare = totals("The index rose 27 to 1,500.");
        assert!(bare.iter().all(|(_, total)| !total), "{bare:?}");
    }
}
