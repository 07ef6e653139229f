//! # sum-mismatch
//!
//! ## What it does
//! Reports parts that exceed their stated total ("20 grants, including 12 for schools
//! and 10 for hospitals": 22 > 20), and parts of an exhaustive split that do not make
//! it up ("Of the 15 seats, 9 went to the ruling party and 5 to the opposition").
//! Parts and wholes come from the claims' part/whole relations within a sentence.
//!
//! Only a count of things is a total: an amount of money is often netted (a loss
//! "including a gain"), and a percentage is a share of something else. Parts must be
//! in the total's unit ("13 exchanges including 68,000 lines" are not parts), and a
//! bare number is no part when it is a label, an age or a year ("747-400", "a 52-3
//! record", "Smith, 23,", "1987").
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

use factdiff_claims::{ClaimKind, RelationKind};
use factdiff_findings::Finding;
use rayon::prelude::*;

use factdiff_findings::{Interval, SumDetails};

use super::{Cx, finding, interval_of};
use crate::Rule;

/// Parts the claims extractor left as bare numbers: "20 grants, including 12 for
/// schools and 10 for hospitals". The whole must be followed by `including`, `of
/// which` or `among them`; then every number written in digits up to the sentence end.
fn bare_parts(
    a: &factdiff_corpus::Article,
    whole: &factdiff_claims::Claim,
) -> Vec<(factdiff_corpus::Span, f64)> {
    let Some(sentence) = a.sentences.get(whole.sentence as usize) else {
        return Vec::new();
    };
    let rest_start = whole.span.end as usize;
    let rest = &a.text[rest_start..sentence.span.end as usize];
    // Only the first words after the whole are read: a lower-case copy of the rest of
    // the sentence for every whole was quadratic in the sentence. (These marks have no
    // case, and a character lower-cases to one or more.)
    let trimmed = rest.trim_start_matches([',', ' ', '\u{2014}', '-']);
    let head = trimmed.chars().take(16).collect::<String>().to_lowercase();
    if !["including ", "of which ", "among them "]
        .iter()
        .any(|m| head.starts_with(m))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (span, word) in a.words(factdiff_corpus::Span::new(
        rest_start,
        sentence.span.end as usize,
    )) {
        if word.chars().all(|c| c.is_ascii_digit()) && word.len() < 10 {
            // A year or a part of another figure ("12.5", "3,000") is not a part.
            let next = a.text[span.end as usize..].chars().next();
            if matches!(next, Some('.' | ','))
                && a.text[span.end as usize + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return Vec::new();
            }
            // Nor is a label ("747-400", "52-3", "1/2"), an age or a figure set off by
            // commas ("Smith, 23, and"), or a year: the numbers of a sports line, a
            // model or a person are not parts of a count.
            let prev = a.text[..span.start as usize].chars().next_back();
            let set_off = prev == Some(' ')
                && a.text[..span.start as usize].trim_end().ends_with(',')
                && next == Some(',');
            let year = word.len() == 4 && matches!(word.parse::<u32>(), Ok(1800..=2100));
            if matches!(prev, Some('-' | '/')) || matches!(next, Some('-' | '/')) || set_off || year
            {
                return Vec::new();
            }
            if let Ok(x) = word.parse::<f64>() {
                out.push((span, x));
            }
        }
    }
    out
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let markers = rule.params.strings("exhaustive-markers");
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            let a = cx.article(article);
            let mut out = Vec::new();
            // The parts of each claim, found once: scanning every claim for the parts
            // of every whole was quadratic in the claims of an article.
            let mut parts_of: Vec<Vec<usize>> = vec![Vec::new(); claims.len()];
            for (idx, c) in claims.iter().enumerate() {
                let mut targets: Vec<usize> = c
                    .relations
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
                if whole.kind != ClaimKind::Quantity {
                    continue;
                }
                let Some(total) = interval_of(whole) else {
                    continue;
                };
                // Parts in another unit are not parts of this total ("15 warrants,
                // two of which ... 100 grams"; "13 exchanges including 68,000 lines").
                let mut parts: Vec<(usize, Interval)> = parts_of[w_idx]
                    .iter()
                    .map(|&idx| (idx, &claims[idx]))
                    .filter(|(_, c)| c.kind == whole.kind)
                    .filter_map(|(idx, c)| Some((idx, interval_of(c)?)))
                    .filter(|(_, iv)| iv.unit == total.unit)
                    .collect();
                if parts.len() < parts_of[w_idx].len() {
                    continue;
                }
                let mut written_parts: Vec<(factdiff_corpus::Span, f64)> = Vec::new();
                if parts.is_empty() {
                    written_parts = bare_parts(a, whole);
                    if written_parts.len() < 2 {
                        continue;
                    }
                    parts = written_parts
                        .iter()
                        .map(|(_, x)| Interval::exact(*x, total.unit.clone()))
                        .enumerate()
                        .map(|(n, iv)| (usize::MAX - n, iv))
                        .collect();
                }
                let part_span = |idx: usize| {
                    if idx > claims.len() {
                        written_parts[usize::MAX - idx].0
                    } else {
                        claims[idx].span
                    }
                };
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
