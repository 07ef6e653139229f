//! # fact-mismatch
//!
//! ## What it does
//! Reports a claim that contradicts a fact declared in a fact sheet
//! (`rules/facts/*.toml`, or `facts/` in a folder given with `--rules`). A fact names
//! its subject (words that must all be in the claim's sentence), its unit (the
//! counted noun, an ISO currency code or `%`), optionally its measure, its value or
//! interval, a tolerance, and the dates it holds between:
//!
//! ```toml
//! [[fact]]
//! id = "un-member-states"
//! subject = ["UN"]
//! unit = "states"
//! value = 193
//! valid-from = 2011-07-14
//! source = "https://www.un.org/en/about-us/member-states"
//! ```
//!
//! A claim whose interval is disjoint from the fact's (widened by `tolerance`) is
//! reported. A fact with dates applies only to articles dated within them.
//!
//! ## Why is this bad?
//! Some figures are settled; a newsroom keeps them in a fact sheet so that a typo or
//! an outdated figure is caught before it is published.
//!
//! ## Example
//! Fires (with the fact above, article dated 2025):
//! ```text
//! All 191 UN member states voted.
//! ```
//! Does not fire:
//! ```text
//! All 193 UN member states voted.
//! 191 states of the OSCE region ...      (the subject `UN` is not there)
//! ```
//!
//! ## Options
//! This kind takes no parameters; the facts are its data.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "fact-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "a claim that contradicts a fact declared in a fact sheet",
    message: "{value} contradicts the fact `{fact}`: {expected}",
    placeholders: &["value", "fact", "expected", "source"],
    params: &[],
    source: include_str!("fact_mismatch.rs"),
};

use factdiff_findings::Finding;
use rayon::prelude::*;

use factdiff_findings::{FactDetails, Interval};

use super::{Cx, finding, has_phrase, interval_of};
use crate::{Fact, Rule};

fn singular(unit: &str) -> &str {
    unit.strip_suffix("es")
        .filter(|u| u.ends_with('s') || u.ends_with("ch") || u.ends_with("sh") || u.ends_with('x'))
        .or_else(|| unit.strip_suffix('s'))
        .unwrap_or(unit)
}

fn unit_matches(claim: &str, fact: &str) -> bool {
    let (c, f) = (claim.to_lowercase(), fact.to_lowercase());
    c == f || singular(&c) == singular(&f)
}

fn fact_interval(f: &Fact) -> Interval {
    let widen = |x: f64| x.abs() * f.tolerance;
    Interval {
        min: f.min.map(|x| x - widen(x)),
        max: f.max.map(|x| x + widen(x)),
        min_open: false,
        max_open: false,
        unit: f.unit.clone(),
    }
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let facts: Vec<&Fact> = cx.rules.facts().collect();
    if facts.is_empty() {
        return Vec::new();
    }
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            let a = cx.article(article);
            let mut out = Vec::new();
            // The lower-case sentence of the claims before, kept while the claims are in
            // the same sentence: a copy per claim was quadratic in the sentence.
            let mut sentence_lower: Option<(u32, String)> = None;
            for claim in claims.others() {
                let Some(interval) = interval_of(claim) else {
                    continue;
                };
                let key = claim.key.as_ref();
                let unit = key
                    .map(|k| &*k.unit)
                    .filter(|u| !u.is_empty())
                    .unwrap_or(&interval.unit);
                if sentence_lower
                    .as_ref()
                    .is_none_or(|(idx, _)| *idx != claim.sentence)
                {
                    let lower = cx.sentence_text(article, claim).to_lowercase();
                    sentence_lower = Some((claim.sentence, lower));
                }
                let sentence = sentence_lower.as_ref().map_or("", |(_, l)| l.as_str());
                for fact in &facts {
                    // The claim's unit, else the counted noun written within a few
                    // words after the number ("191 UN member states").
                    let after: String = a.text[claim.span.start as usize..]
                        .split_whitespace()
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    if !unit_matches(unit, &fact.unit)
                        && !(unit.is_empty()
                            && (has_phrase(&after, &fact.unit)
                                || has_phrase(&after, singular(&fact.unit))))
                    {
                        continue;
                    }
                    if let Some(m) = &fact.measure
                        && key.and_then(|k| k.measure.as_deref()) != Some(m.as_str())
                    {
                        continue;
                    }
                    if !fact.subject.iter().all(|w| has_phrase(sentence, w)) {
                        continue;
                    }
                    if fact.valid_from.is_some() || fact.valid_until.is_some() {
                        let Some(date) = a.meta.date else { continue };
                        if fact.valid_from.is_some_and(|d| date < d)
                            || fact.valid_until.is_some_and(|d| date > d)
                        {
                            continue;
                        }
                    }
                    let expected = fact_interval(fact);
                    if !interval.disjoint(&expected) {
                        continue;
                    }
                    if fact.min.is_none() && fact.max.is_none() {
                        continue;
                    }
                    let mut expected_text = factdiff_claims::describe_interval(&Interval {
                        min: fact.min,
                        max: fact.max,
                        min_open: false,
                        max_open: false,
                        unit: fact.unit.clone(),
                    });
                    if !factdiff_claims::shows_unit(&fact.unit) {
                        expected_text.push(' ');
                        expected_text.push_str(&fact.unit);
                    }
                    if fact.tolerance > 0.0 {
                        let pct = fact.tolerance * 100.0;
                        let pct = factdiff_claims::describe_interval(&Interval::exact(pct, "%"));
                        expected_text.push_str(&format!(" (±{pct})"));
                    }
                    let values = [
                        ("value", a.slice(claim.span).to_owned()),
                        ("fact", fact.id.clone()),
                        ("expected", expected_text),
                        ("source", fact.source.clone().unwrap_or_default()),
                    ];
                    out.push(
                        finding(rule, &values, vec![cx.loc(article, claim.span)]).with_details(
                            FactDetails {
                                fact: fact.id.clone(),
                                fact_file: format!("{}:{}", fact.file, fact.line),
                                interval: interval.clone(),
                                expected,
                                source: fact.source.clone(),
                            },
                        ),
                    );
                }
            }
            out
        })
        .collect()
}
