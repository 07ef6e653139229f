//! # count-mismatch
//!
//! ## What it does
//! Reports the same count or amount given with disjoint intervals, within one
//! article or across articles: two claims with the same measure (killed, died, dead
//! and death toll are all `deaths`), the same unit or counted noun (people, buses,
//! USD) and the same event context (they share the context words and names of their
//! clauses) whose normalized intervals do not meet.
//!
//! Numbers are intervals: `at least 140` is [140, ∞), `about 80 billion` is widened
//! by 10%, `2.8 million` by its precision, `two dozen` is 24, `$2bn` is 2,000,000,000
//! USD. A measure declared monotonic (a death toll only rises) is compared with time
//! in mind: a later, larger figure is an update, a later, smaller one a contradiction.
//!
//! ## Why is this bad?
//! Two sources that give different figures for the same thing cannot both be right;
//! a reader who sees both loses trust in both. An editor wants to know which figure
//! to check.
//!
//! ## Example
//! Fires (same date, same earthquake):
//! ```text
//! quake-a.md: The earthquake killed 112 people in Herat province.
//! quake-b.md: At least 140 people died in the Herat earthquake.
//! ```
//! Fires: "a $2bn loan" / "a 200 million dollar loan" for the same loan; "signed
//! four agreements" / "signing seven agreements" for the same visit.
//!
//! Does not fire:
//! ```text
//! a.md: 2.3 million barrels a day     b.md: 2,300,000 barrels a day
//! a.md: about 80 billion euros        b.md: 78.5 billion euros
//! a.md (Oct 14): at least 90 dead     b.md (Oct 15): the toll climbed to 131
//! ```
//! nor claims about different events (another city, another year), nor a part and its
//! whole ("139 people, including 7 women").
//!
//! ## Options
//! - `monotonic` (array of measures, default `["deaths", "injuries", "arrests"]`):
//!   measures that only rise over time; a later, larger figure is not reported.
//! - `min-shared-context` (integer, default 2): context words and names two claims
//!   must share to be about the same thing.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two claims' contexts.
//! - `within-article` (boolean, default true): also compare claims of one article.
//! - `ignore-units` (array of strings, default `[]`): units never compared.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "count-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same count or amount given with disjoint intervals",
    message: "{value} here, but {other_value} in {other_path}: {why}",
    placeholders: &[
        "value",
        "other_value",
        "other_path",
        "measure",
        "unit",
        "interval",
        "other_interval",
        "why",
    ],
    params: &[
        ParamSpec {
            name: "monotonic",
            ty: ParamType::Strings,
            default: r#"["deaths", "injuries", "arrests"]"#,
            doc: "measures that only rise over time",
        },
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names two claims must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "within-article",
            ty: ParamType::Bool,
            default: "true",
            doc: "also compare claims of one article",
        },
        ParamSpec {
            name: "ignore-units",
            ty: ParamType::Strings,
            default: "[]",
            doc: "units never compared",
        },
    ],
    source: include_str!("count_mismatch.rs"),
};

use std::collections::{BTreeMap, BTreeSet};

use factdiff_claims::RelationKind;
use factdiff_findings::Finding;
use rayon::prelude::*;

use super::{Cx, Interval, context_overlap, finding};
use crate::Rule;

/// Words shared by more claims of a group than this are too common to pair claims.
const MAX_POSTING: usize = 64;

struct Item<'a> {
    article: usize,
    claim: usize,
    sentence: u32,
    interval: Interval,
    context: &'a [String],
    text: String,
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let monotonic: BTreeSet<&str> = p.strings("monotonic").iter().map(String::as_str).collect();
    let ignore: BTreeSet<&str> = p
        .strings("ignore-units")
        .iter()
        .map(String::as_str)
        .collect();
    let min_shared = p.int("min-shared-context") as usize;
    let min_sim = p.float("min-context-similarity");
    let within = p.bool("within-article");

    // Map: each article's comparable claims, keyed by (measure, unit).
    let per_article: Vec<Vec<((String, String), Item<'_>)>> = cx
        .claims
        .par_iter()
        .enumerate()
        .map(|(article, claims)| {
            let part_or_change: BTreeSet<usize> = claims
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.relations.iter().any(|r| {
                        matches!(
                            r.kind,
                            RelationKind::PartOf
                                | RelationKind::ChangeTo
                                | RelationKind::ConversionOf
                        )
                    })
                })
                .map(|(idx, _)| idx)
                .collect();
            claims
                .iter()
                .enumerate()
                .filter(|(idx, _)| !part_or_change.contains(idx))
                .filter_map(|(idx, claim)| {
                    let interval = Interval::of(claim)?;
                    let key = claim.key.as_ref()?;
                    let measure = key.measure.clone().unwrap_or_default();
                    let unit = if key.unit.is_empty() {
                        interval.unit.clone()
                    } else {
                        key.unit.clone()
                    };
                    if unit.is_empty() && measure.is_empty() || ignore.contains(unit.as_str()) {
                        return None;
                    }
                    // A percentage without a measure is a change or a share of
                    // something unnamed: too vague to compare.
                    if claim.kind == factdiff_claims::ClaimKind::Percent && measure.is_empty() {
                        return None;
                    }
                    if interval.min.is_none() && interval.max.is_none() {
                        return None;
                    }
                    let text = cx.article(article).slice(claim.span).to_owned();
                    Some((
                        (measure, unit),
                        Item {
                            article,
                            claim: idx,
                            sentence: claim.sentence,
                            interval,
                            context: &key.context,
                            text,
                        },
                    ))
                })
                .collect()
        })
        .collect();
    // Group by key.
    let mut groups: BTreeMap<(String, String), Vec<Item<'_>>> = BTreeMap::new();
    for items in per_article {
        for (key, item) in items {
            groups.entry(key).or_default().push(item);
        }
    }
    let groups: Vec<_> = groups.into_iter().collect();
    // Compare within each group.
    groups
        .par_iter()
        .flat_map_iter(|((measure, unit), items)| {
            let mut out = Vec::new();
            for (i, j) in candidate_pairs(items) {
                let (a, b) = (&items[i], &items[j]);
                if a.article == b.article && (!within || a.sentence == b.sentence) {
                    continue;
                }
                if !a.interval.disjoint(&b.interval) {
                    continue;
                }
                let (shared, sim) = context_overlap(a.context, b.context);
                let (need_shared, need_sim) = if a.article == b.article {
                    (min_shared + 1, min_sim.max(0.5))
                } else {
                    (min_shared, min_sim)
                };
                if shared < need_shared || sim < need_sim {
                    continue;
                }
                let mut why = format!(
                    "{} and {} cannot both be true",
                    a.interval.show(),
                    b.interval.show()
                );
                if monotonic.contains(measure.as_str()) {
                    let da = cx.article(a.article).meta.date;
                    let db = cx.article(b.article).meta.date;
                    if let (Some(da), Some(db)) = (da, db)
                        && da != db
                    {
                        let (early, late) = if da < db { (a, b) } else { (b, a) };
                        // A later, larger figure is an update.
                        if early
                            .interval
                            .max
                            .is_some_and(|hi| late.interval.min.is_some_and(|lo| lo >= hi))
                        {
                            continue;
                        }
                        why = format!(
                            "the later report gives {}, less than the earlier {}, and {measure} only rise",
                            late.interval.show(),
                            early.interval.show()
                        );
                    }
                }
                // The claim of the later article (in corpus order) is the primary.
                let (primary, related) = (b, a);
                let what = match (measure.is_empty(), unit.is_empty()) {
                    (true, _) => unit.clone(),
                    (false, true) => measure.clone(),
                    (false, false) => format!("{measure} ({unit})"),
                };
                let values = [
                    ("value", primary.text.clone()),
                    ("other_value", related.text.clone()),
                    ("other_path", cx.article(related.article).path.clone()),
                    ("measure", measure.clone()),
                    ("unit", unit.clone()),
                    ("interval", primary.interval.show()),
                    ("other_interval", related.interval.show()),
                    ("why", format!("{why} for the same {what}")),
                ];
                let claim_p = &cx.claims[primary.article][primary.claim];
                let claim_r = &cx.claims[related.article][related.claim];
                out.push(
                    finding(
                        rule,
                        &values,
                        vec![cx.loc(primary.article, claim_p.span), cx.loc(related.article, claim_r.span)],
                    )
                    .with_detail("measure", measure.clone())
                    .with_detail("unit", unit.clone())
                    .with_detail("interval", primary.interval.json())
                    .with_detail("other_interval", related.interval.json())
                    .with_detail("shared_context", shared as u64),
                );
            }
            out
        })
        .collect()
}

/// Pairs `(i, j)`, `i < j`, of items that share at least one context word that is not
/// too common in the group: never all pairs of a large group.
fn candidate_pairs(items: &[Item<'_>]) -> Vec<(usize, usize)> {
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (idx, item) in items.iter().enumerate() {
        for word in item.context {
            let list = postings.entry(word.as_str()).or_default();
            if list.last() != Some(&idx) {
                list.push(idx);
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for list in postings.values() {
        if list.len() > MAX_POSTING {
            continue;
        }
        for (n, &i) in list.iter().enumerate() {
            for &j in &list[n + 1..] {
                pairs.insert((i, j));
            }
        }
    }
    pairs.into_iter().collect()
}
