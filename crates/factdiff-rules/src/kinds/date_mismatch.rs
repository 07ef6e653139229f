//! # date-mismatch
//!
//! ## What it does
//! Reports the same event given different dates: two date claims whose events have
//! the same predicate class (opened, began and started are all `start`), share their
//! participants and place (the names and content words of the clause), and whose
//! normalized dates (TIMEX3) differ at the precision both give.
//!
//! A reporting date ("officials said on Tuesday") is never compared with an event
//! date ("the quake struck on Monday"), and events with different predicates
//! ("delegations arrived" against "the summit opened") are different events.
//!
//! ## Why is this bad?
//! An event happens once. When two articles date it differently, at least one is
//! wrong, and readers and archives inherit the error.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md: The summit opened in Samarkand on September 15.
//! b.md: The summit began in Samarkand on Friday, September 16.
//! ```
//! Does not fire:
//! ```text
//! a.md: Delegations arrived in Samarkand on September 14.
//! b.md: The summit opened in Samarkand on September 15.
//!
//! a.md: The quake struck on Monday.   b.md: Officials said on Tuesday ...
//! ```
//!
//! ## Options
//! - `min-shared-context` (integer, default 2): context words and names the two
//!   events must share.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two contexts.
//! - `max-days-apart` (integer, default 2): the most days between the dates of two
//!   articles whose event dates are compared. Dates are compared only between
//!   articles with the same story subject (the first name of the lede), whose
//!   sentences share a name when both name any; the end of a reporting period ("the
//!   quarter ended December 31") is not an event, nor are two relative dates
//!   ("yesterday", "on Friday") of articles of different days compared: the event
//!   recurs (a market opens every day).
//! - `require-predicate` (boolean, default true): compare only dates whose event
//!   predicate is known (precision first).
//! - `predicates` (array of arrays of strings): predicate classes, each its name then
//!   the words that signal it (`["start", "opened", "began", "started"]`). A date's
//!   predicate is its claim key's measure, else the class of the nearest such word
//!   in its sentence.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "date-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same event given different dates",
    message: "{event} on {date} here, but on {other_date} in {other_path}",
    placeholders: &["event", "date", "other_date", "other_path"],
    params: &[
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names the two events must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "max-days-apart",
            ty: ParamType::Integer { min: 0, max: 3650 },
            default: "2",
            doc: "the most days between two articles whose dates are compared",
        },
        ParamSpec {
            name: "require-predicate",
            ty: ParamType::Bool,
            default: "true",
            doc: "compare only dates whose event predicate is known",
        },
        ParamSpec {
            name: "predicates",
            ty: ParamType::StringGroups,
            default: r#"[["start", "opened", "opens", "began", "begins", "started", "starts", "kicked off", "launched", "opening"], ["end", "closed", "ended", "concluded", "wrapped up", "closing"], ["strike", "struck", "hit", "jolted", "rocked"], ["sign", "signed", "signing"], ["arrive", "arrived", "arrives", "landed"], ["die", "died", "killed"], ["elect", "elected", "won"], ["hold", "held", "took place", "was held", "hosted"]]"#,
            doc: "predicate classes: a name, then the words that signal it",
        },
    ],
    source: include_str!("date_mismatch.rs"),
};

use std::collections::BTreeMap;

use factdiff_claims::{ClaimValue, Timex};
use factdiff_findings::Finding;
use rayon::prelude::*;

use super::scope;
use super::{Cx, context_overlap, finding, has_phrase};
use crate::Rule;

/// More distinct dates than this for one event class and subject within the window:
/// the key is not specific enough to compare.
const MAX_DISTINCT: usize = 32;

struct Item<'a> {
    article: usize,
    claim: usize,
    day: Option<i32>,
    names: &'a [scope::Name<'a>],
    timex: &'a Timex,
    context: &'a [String],
}

/// The predicate class of a date claim: its key's measure, else the class of the
/// signal word nearest the date in its sentence.
fn predicate(sentence_lower: &str, date_at: usize, classes: &[Vec<String>]) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for class in classes {
        let Some((name, words)) = class.split_first() else {
            continue;
        };
        for word in words {
            let mut from = 0;
            while let Some(pos) = sentence_lower[from..].find(word.as_str()) {
                let start = from + pos;
                let end = start + word.len();
                from = end;
                let before = sentence_lower[..start].chars().next_back();
                let after = sentence_lower[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let distance = start.abs_diff(date_at);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, name.as_str()));
                }
            }
        }
    }
    best.map(|(_, name)| name.to_owned())
}

fn show(t: &Timex) -> String {
    t.value.clone()
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let min_shared = p.int("min-shared-context") as usize;
    let min_sim = p.float("min-context-similarity");
    let require = p.bool("require-predicate");
    let classes = p.groups("predicates");
    let max_days = p.int("max-days-apart");
    let scopes = &cx.scopes;
    let per_article: Vec<Vec<((String, String), Item<'_>)>> = cx
        .claims
        .par_iter()
        .enumerate()
        .map(|(article, claims)| {
            let a = cx.article(article);
            claims
                .iter()
                .enumerate()
                .filter_map(|(idx, claim)| {
                    let ClaimValue::Date(timex) = &claim.value else {
                        return None;
                    };
                    if timex.reporting
                        || timex.invalid
                        || timex.month.is_none()
                        || timex.day.is_none()
                    {
                        return None;
                    }
                    let key = claim.key.as_ref()?;
                    let sentence = a.sentences.get(claim.sentence as usize)?;
                    let lower = a.slice(sentence.span).to_lowercase();
                    let at = (claim.span.start - sentence.span.start) as usize;
                    // "said on Tuesday": a reporting date, whatever the extractor says.
                    if has_phrase(&lower, "said on")
                        && lower.len() >= at
                        && lower[..at.min(lower.len())].trim_end().ends_with("said on")
                    {
                        return None;
                    }
                    let class = match predicate(&lower, at, classes) {
                        Some(class) => class,
                        None if require => return None,
                        None => key.measure.clone().unwrap_or_default(),
                    };
                    // The end of a reporting period ("the quarter ended December 31")
                    // is a company's calendar, not an event.
                    if lower[..at.min(lower.len())].trim_end().ends_with("ended")
                        && scope::words(&lower).any(|w| {
                            [
                                "quarter", "qtr", "year", "period", "weeks", "week", "months",
                                "mths",
                            ]
                            .contains(&w.as_str())
                        })
                    {
                        return None;
                    }
                    let sc = &scopes[article];
                    let subject = sc.subject()?.to_owned();
                    Some((
                        (class, subject),
                        Item {
                            article,
                            claim: idx,
                            day: sc.day,
                            names: sc.sentence_names(claim.sentence),
                            timex,
                            context: &key.context,
                        },
                    ))
                })
                .collect()
        })
        .collect();
    let mut groups: BTreeMap<(String, String), Vec<Item<'_>>> = BTreeMap::new();
    for items in per_article {
        for (key, item) in items {
            groups.entry(key).or_default().push(item);
        }
    }
    let groups: Vec<_> = groups.into_iter().collect();
    // Within each group, in time order, each date against the distinct dates of the
    // window of days before it: linear in the group's size.
    groups
        .into_par_iter()
        .flat_map_iter(|((class, _), mut items)| {
            items.sort_by_key(|it| (it.day, it.article, it.claim));
            let mut out = Vec::new();
            // An article that gives both dates ("celebrations yesterday of the year
            // that ended on Saturday") does not contradict one that gives either.
            let given: std::collections::BTreeSet<(usize, &str)> = items
                .iter()
                .map(|it| (it.article, it.timex.value.as_str()))
                .collect();
            // Each date against the latest item of each distinct date in its window.
            scope::sliding_window(
                &items,
                |it| it.day,
                |it| it.timex.value.as_str(),
                max_days,
                |j, latest| {
                    let b = &items[j];
                    let found = (latest.len() <= MAX_DISTINCT)
                        .then(|| {
                            latest.values().map(|&i| &items[i]).find(|a| {
                                let (ta, tb) = (a.timex, b.timex);
                                a.article != b.article
                                    // "yesterday" in Tuesday's story and "on Friday" in
                                    // Monday's: a recurring event reported each day.
                                    && (!ta.relative || !tb.relative || a.day == b.day)
                                    && !given.contains(&(a.article, tb.value.as_str()))
                                    && !given.contains(&(b.article, ta.value.as_str()))
                                    && (ta.month != tb.month
                                        || ta.day != tb.day
                                        || ta.year.zip(tb.year).is_some_and(|(x, y)| x != y))
                                    && (a.names.is_empty()
                                        || b.names.is_empty()
                                        || a.names.iter().any(|n| b.names.contains(n)))
                                    && {
                                        let (shared, sim) = context_overlap(a.context, b.context);
                                        shared >= min_shared && sim >= min_sim
                                    }
                            })
                        })
                        .flatten();
                    if let Some(a) = found {
                        let shared = context_overlap(a.context, b.context).0;
                        let (ta, tb) = (a.timex, b.timex);
                        let cb = &cx.claims[b.article][b.claim];
                        let ca = &cx.claims[a.article][a.claim];
                        let shared_words: Vec<&str> = b
                            .context
                            .iter()
                            .filter(|w| a.context.contains(w))
                            .map(String::as_str)
                            .collect();
                        let event = format!("{class} ({})", shared_words.join(", "));
                        let values = [
                            ("event", event),
                            ("date", cx.article(b.article).slice(cb.span).to_owned()),
                            (
                                "other_date",
                                cx.article(a.article).slice(ca.span).to_owned(),
                            ),
                            ("other_path", cx.article(a.article).reference()),
                        ];
                        out.push(
                            finding(
                                rule,
                                &values,
                                vec![cx.loc(b.article, cb.span), cx.loc(a.article, ca.span)],
                            )
                            .with_detail("predicate", class.clone())
                            .with_detail("date", show(tb))
                            .with_detail("other_date", show(ta))
                            .with_detail("shared_context", shared_words)
                            .with_detail("shared_count", shared as u64),
                        );
                    }
                },
            );
            out
        })
        .collect()
}
