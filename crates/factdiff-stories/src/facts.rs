//! The fact table of a story: each thing at least two of its articles give a value
//! for, the value each gives, and whether they disagree.
//!
//! Claims are aligned by what factdiff-claims computed for them, never by reading
//! words here, and a row compares like with like (precision first: a row that mixes
//! two things is worse than a missing row):
//!
//! - **Figures** (quantities, money, percentages): the same measure (`deaths`,
//!   `injuries`, `trade`: the measures lexicon), unit or counted noun, and period
//!   words. A figure with no measure says too little to align; a part, a change, a
//!   conversion, a table cell or the other side of a comparison is not the figure
//!   itself; a figure whose period dates are all of other years than the article's
//!   date is background (last year's quake), not this story's. Two articles disagree
//!   when none of the values one gives meets any the other gives; for a monotonic
//!   measure (a death toll) a later article's larger figure is an update, not a
//!   disagreement.
//! - **Dates of events** ([`EventKey`]): the same predicate class (`strike`, `start`)
//!   with a participant or the place in common; reporting dates ("said on Monday")
//!   and the ends of reporting periods are left out. Dates that fix the day disagree
//!   when no day one article gives is a day the other gives.
//! - **Quotes**: the same words (most of their words in common, or one an excerpt of
//!   the other) in two articles; they disagree when worded differently beyond an
//!   excerpt, or given to different speakers.
//!
//! Each article shows the first value it gives (in text order); the rows are sorted
//! by kind, then by what they are of.

use std::collections::{BTreeMap, BTreeSet};

use factdiff_claims::{
    Claim, ClaimKind, ClaimValue, EventKey, Role, describe_interval, month_name,
};
use factdiff_corpus::{Article, Corpus};
use rayon::prelude::*;

use crate::Stories;
use factdiff_findings::{Fact, FactValue, Role as LocationRole};

/// Quotes shorter than this (in words) are phrases, not statements to align.
const MIN_QUOTE_WORDS: usize = 5;
/// Two quotes with at least this Dice coefficient of their words are the same quote.
const SAME_QUOTE: f64 = 0.6;
/// Quotes of a story considered, at most (pairs are compared).
const MAX_QUOTES: usize = 400;

/// One article of a story as the fact table reads it, in the story's order.
pub struct FactSource<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its claims.
    pub claims: &'a [Claim],
}

/// A row being built: what it is of, and each article's claims for it.
struct Row<'c> {
    thing: String,
    /// Per article (index in the story), its claims in text order.
    claims: BTreeMap<usize, Vec<&'c Claim>>,
}

/// Fills the fact table of every story (`claims[i]` are the claims of article `i`),
/// in parallel over stories.
pub fn fill_facts(stories: &mut Stories, corpus: &Corpus, claims: &[Vec<Claim>]) {
    let members = &stories.members;
    stories
        .stories
        .par_iter_mut()
        .zip(members.par_iter())
        .for_each(|(story, list)| {
            let sources: Vec<FactSource<'_>> = list
                .iter()
                .filter_map(|&m| {
                    Some(FactSource {
                        article: corpus.articles.get(m)?,
                        claims: claims.get(m)?,
                    })
                })
                .collect();
            if sources.len() == list.len() {
                story.facts = facts(&sources);
            }
        });
}

/// The fact table of a story whose articles are `sources`, in the story's order.
pub fn facts(sources: &[FactSource<'_>]) -> Vec<Fact> {
    let mut out = Vec::new();
    out.extend(figure_rows(sources));
    out.extend(date_rows(sources));
    out.extend(quote_rows(sources));
    out
}

// ---------------------------------------------------------------------------------
// Figures.

/// The interval of a figure.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Interval {
    min: Option<f64>,
    max: Option<f64>,
    min_open: bool,
    max_open: bool,
}

impl Interval {
    fn of(claim: &Claim) -> Option<(Interval, &str)> {
        match &claim.value {
            ClaimValue::Interval {
                min,
                max,
                min_open,
                max_open,
                unit,
            } => Some((
                Interval {
                    min: *min,
                    max: *max,
                    min_open: *min_open,
                    max_open: *max_open,
                },
                unit,
            )),
            _ => None,
        }
    }

    /// Whether the intervals have no number in common.
    fn apart(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| match (a.max, b.min) {
            (Some(hi), Some(lo)) => hi < lo || (hi == lo && (a.max_open || b.min_open)),
            _ => false,
        };
        below(self, other) || below(other, self)
    }
}

/// What a figure is about: measure, unit, period words, kind.
type FigureKey = (ClaimKind, String, String, Vec<String>);

fn figure_key(article: &Article, claim: &Claim) -> Option<FigureKey> {
    if !matches!(
        claim.kind,
        ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
    ) {
        return None;
    }
    let key = claim.key.as_deref()?;
    let measure = key.measure.as_deref()?;
    let frame = claim.frame.as_deref()?;
    // A part, change or conversion points at the figure it is of: it is not the
    // figure itself.
    if matches!(frame.role, Role::Table | Role::Comparison) || !claim.relations.is_empty() {
        return None;
    }
    let (interval, unit) = Interval::of(claim)?;
    if interval.min.is_none() && interval.max.is_none() {
        return None;
    }
    let period = frame.period.as_deref();
    if let (Some(period), Some(date)) = (period, article.meta.date) {
        let year = format!("{:04}", date.year());
        let years: Vec<&str> = period
            .dates
            .iter()
            .filter(|d| d.len() >= 4 && d.as_bytes()[..4].iter().all(u8::is_ascii_digit))
            .map(|d| &d[..4])
            .collect();
        if !years.is_empty() && !years.contains(&year.as_str()) {
            return None;
        }
    }
    let unit = if key.unit.is_empty() { unit } else { &key.unit };
    Some((
        claim.kind,
        measure.to_owned(),
        unit.to_owned(),
        period.map(|p| p.words.clone()).unwrap_or_default(),
    ))
}

fn figure_thing(key: &FigureKey) -> String {
    let (_, measure, unit, period) = key;
    let mut thing = measure.clone();
    if !unit.is_empty() && !factdiff_claims::shows_unit(unit) && unit != measure {
        thing.push_str(&format!(" ({unit})"));
    }
    if !period.is_empty() {
        thing.push_str(&format!(", {}", period.join(" ")));
    }
    thing
}

fn describe_figure(claim: &Claim) -> String {
    match &claim.value {
        ClaimValue::Interval {
            min,
            max,
            min_open,
            max_open,
            unit,
        } => describe_interval(*min, *max, *min_open, *max_open, unit),
        _ => String::new(),
    }
}

fn figure_rows(sources: &[FactSource<'_>]) -> Vec<Fact> {
    let mut rows: BTreeMap<FigureKey, Row<'_>> = BTreeMap::new();
    for (idx, src) in sources.iter().enumerate() {
        for claim in src.claims {
            let Some(key) = figure_key(src.article, claim) else {
                continue;
            };
            rows.entry(key)
                .or_insert_with_key(|key| Row {
                    thing: figure_thing(key),
                    claims: BTreeMap::new(),
                })
                .claims
                .entry(idx)
                .or_default()
                .push(claim);
        }
    }
    // A figure without a unit ("injured 300") joins its measure's row when the story
    // gives that measure in one unit only ("300 people were injured").
    let keys: Vec<FigureKey> = rows.keys().cloned().collect();
    for key in keys.iter().filter(|k| k.2.is_empty()) {
        let mut with_unit = keys
            .iter()
            .filter(|k| k.0 == key.0 && k.1 == key.1 && k.3 == key.3 && !k.2.is_empty());
        if let (Some(target), None) = (with_unit.next(), with_unit.next())
            && let Some(row) = rows.remove(key)
            && let Some(into) = rows.get_mut(target)
        {
            for (idx, claims) in row.claims {
                let list = into.claims.entry(idx).or_default();
                list.extend(claims);
                list.sort_by_key(|c| c.span.start);
            }
        }
    }
    // A measure counts one kind of thing in a story: when articles give it in several
    // units ("300 people were injured", "hundreds of homes" read near "injured"), only
    // the unit most articles give (then most figures, then the first) is a row.
    type Measure = (ClaimKind, String, Vec<String>);
    let mut best: BTreeMap<Measure, (usize, usize, FigureKey)> = BTreeMap::new();
    for (key, row) in &rows {
        let score = (row.claims.len(), row.claims.values().map(Vec::len).sum());
        let slot = (key.0, key.1.clone(), key.3.clone());
        match best.get(&slot) {
            Some((a, b, _)) if (*a, *b) >= score => {}
            _ => {
                best.insert(slot, (score.0, score.1, key.clone()));
            }
        }
    }
    rows.retain(|key, _| {
        best.get(&(key.0, key.1.clone(), key.3.clone()))
            .is_some_and(|(_, _, k)| k == key)
    });
    rows.into_values()
        .filter(|row| row.claims.len() >= 2)
        .map(|row| {
            let disagree = figures_disagree(sources, &row);
            make_fact(sources, row, disagree, describe_figure)
        })
        .collect()
}

/// Whether two articles of the row give figures none of which meet, a later larger
/// figure of a monotonic measure excepted.
fn figures_disagree(sources: &[FactSource<'_>], row: &Row<'_>) -> bool {
    let intervals = |claims: &[&Claim]| -> Vec<Interval> {
        claims
            .iter()
            .filter_map(|c| Interval::of(c).map(|(i, _)| i))
            .collect()
    };
    let monotonic = row
        .claims
        .values()
        .flatten()
        .any(|c| c.key.as_deref().is_some_and(|k| k.monotonic));
    let entries: Vec<(usize, Vec<Interval>)> = row
        .claims
        .iter()
        .map(|(&a, claims)| (a, intervals(claims)))
        .collect();
    for (n, (a, ia)) in entries.iter().enumerate() {
        for (b, ib) in &entries[n + 1..] {
            let all_apart = ia.iter().all(|x| ib.iter().all(|y| x.apart(y)));
            if !all_apart {
                continue;
            }
            if monotonic {
                let (da, db) = (sources[*a].article.meta.date, sources[*b].article.meta.date);
                if let (Some(da), Some(db)) = (da, db)
                    && da != db
                {
                    // The later article's figures all above the earlier's: an update.
                    let (early, late) = if da < db { (ia, ib) } else { (ib, ia) };
                    let top = early
                        .iter()
                        .filter_map(|i| i.max)
                        .fold(f64::NEG_INFINITY, f64::max);
                    if late.iter().all(|i| i.min.is_some_and(|lo| lo >= top)) {
                        continue;
                    }
                }
            }
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------------
// Dates of events.

fn event_of(claim: &Claim) -> Option<(&EventKey, &factdiff_claims::Timex)> {
    let ClaimValue::Date(timex) = &claim.value else {
        return None;
    };
    let event = claim.key.as_deref()?.event.as_deref()?;
    let frame = claim.frame.as_deref();
    if event.reporting
        || timex.reporting
        || timex.invalid
        || event.predicate.is_none()
        || frame.is_some_and(|f| f.said_on || f.period_end)
        || timex.day.is_none()
        || timex.month.is_none()
    {
        return None;
    }
    Some((event, timex))
}

fn describe_date(claim: &Claim) -> String {
    let ClaimValue::Date(t) = &claim.value else {
        return String::new();
    };
    match (t.day, t.month.and_then(month_name), t.year) {
        (Some(d), Some(m), Some(y)) => format!("{d} {m} {y}"),
        (Some(d), Some(m), None) => format!("{d} {m}"),
        _ => t.value.clone(),
    }
}

fn date_rows(sources: &[FactSource<'_>]) -> Vec<Fact> {
    // Items: (article, claim, predicate, participants and place).
    struct Item<'c> {
        article: usize,
        claim: &'c Claim,
        predicate: &'c str,
        names: BTreeSet<&'c str>,
    }
    let items: Vec<Item<'_>> = sources
        .iter()
        .enumerate()
        .flat_map(|(article, src)| {
            src.claims.iter().filter_map(move |claim| {
                let (event, _) = event_of(claim)?;
                let names: BTreeSet<&str> = event
                    .participants
                    .iter()
                    .map(String::as_str)
                    .chain(event.place.as_deref())
                    .collect();
                Some(Item {
                    article,
                    claim,
                    predicate: event.predicate.as_deref()?,
                    names,
                })
            })
        })
        .collect();
    // Link items of one predicate that share a participant or the place.
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut by_name: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (idx, item) in items.iter().enumerate() {
        for name in &item.names {
            match by_name.get(&(item.predicate, *name)) {
                Some(&first) => {
                    let (a, b) = (find(&mut parent, first), find(&mut parent, idx));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    by_name.insert((item.predicate, name), idx);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in 0..n {
        let root = find(&mut parent, idx);
        groups.entry(root).or_default().push(idx);
    }
    let mut facts: Vec<Fact> = groups
        .into_values()
        .filter_map(|members| {
            let mut claims: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in &members {
                let item = &items[m];
                claims.entry(item.article).or_default().push(item.claim);
                for name in &item.names {
                    *counts.entry(name).or_default() += 1;
                }
            }
            if claims.len() < 2 {
                return None;
            }
            let predicate = items[members[0]].predicate;
            // Named by its most given participant (the first in order on a tie).
            let most = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| *name);
            let thing = match most {
                Some(name) => format!("date ({predicate}: {name})"),
                None => format!("date ({predicate})"),
            };
            let days = |cs: &[&Claim]| -> BTreeSet<String> {
                cs.iter()
                    .filter_map(|c| match &c.value {
                        ClaimValue::Date(t) => Some(t.value.clone()),
                        _ => None,
                    })
                    .collect()
            };
            let given: Vec<BTreeSet<String>> = claims.values().map(|cs| days(cs)).collect();
            let disagree = given
                .iter()
                .enumerate()
                .any(|(i, a)| given[i + 1..].iter().any(|b| a.is_disjoint(b)));
            let row = Row { thing, claims };
            Some(make_fact(sources, row, disagree, describe_date))
        })
        .collect();
    facts.sort_by(|a, b| a.thing.cmp(&b.thing));
    facts
}

// ---------------------------------------------------------------------------------
// Quotes.

fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn dice(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Whether the words of `part` are a run of the words of `whole`.
fn excerpt_of(part: &[String], whole: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

/// The surname a speaker is known by: the last word starting with a capital.
fn surname(speaker: &str) -> Option<String> {
    let word = speaker
        .split_whitespace()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    Some(
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

fn describe_quote(claim: &Claim) -> String {
    let ClaimValue::Quote { text } = &claim.value else {
        return String::new();
    };
    match claim.speaker.as_deref() {
        Some(who) => format!("“{text}” ({who})"),
        None => format!("“{text}”"),
    }
}

fn quote_rows(sources: &[FactSource<'_>]) -> Vec<Fact> {
    struct Item<'c> {
        article: usize,
        claim: &'c Claim,
        words: Vec<String>,
    }
    let items: Vec<Item<'_>> = sources
        .iter()
        .enumerate()
        .flat_map(|(article, src)| {
            src.claims.iter().filter_map(move |claim| {
                let ClaimValue::Quote { text } = &claim.value else {
                    return None;
                };
                let words = quote_words(text);
                (words.len() >= MIN_QUOTE_WORDS).then_some(Item {
                    article,
                    claim,
                    words,
                })
            })
        })
        .take(MAX_QUOTES)
        .collect();
    let sets: Vec<BTreeSet<&str>> = items
        .iter()
        .map(|i| i.words.iter().map(String::as_str).collect())
        .collect();
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let same = |i: usize, j: usize| {
        let (a, b) = (&items[i], &items[j]);
        dice(&sets[i], &sets[j]) >= SAME_QUOTE
            || excerpt_of(&a.words, &b.words)
            || excerpt_of(&b.words, &a.words)
    };
    for i in 0..n {
        for j in i + 1..n {
            if items[i].article != items[j].article && same(i, j) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in 0..n {
        let root = find(&mut parent, idx);
        groups.entry(root).or_default().push(idx);
    }
    groups
        .into_values()
        .filter_map(|members| {
            let mut claims: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
            for &m in &members {
                claims
                    .entry(items[m].article)
                    .or_default()
                    .push(items[m].claim);
            }
            if claims.len() < 2 {
                return None;
            }
            // The first quote of each article is the one shown and compared.
            let shown: Vec<usize> = claims
                .keys()
                .filter_map(|a| members.iter().copied().find(|&m| items[m].article == *a))
                .collect();
            let disagree = shown.iter().enumerate().any(|(k, &i)| {
                shown[k + 1..].iter().any(|&j| {
                    let (a, b) = (&items[i], &items[j]);
                    let worded =
                        !(excerpt_of(&a.words, &b.words) || excerpt_of(&b.words, &a.words));
                    let speakers = match (
                        a.claim.speaker.as_deref().and_then(surname),
                        b.claim.speaker.as_deref().and_then(surname),
                    ) {
                        (Some(x), Some(y)) => x != y,
                        _ => false,
                    };
                    worded || speakers
                })
            });
            let first = &items[members[0]];
            let who = members
                .iter()
                .find_map(|&m| items[m].claim.speaker.as_deref());
            let opening: Vec<&str> = first.words.iter().take(6).map(String::as_str).collect();
            let ellipsis = if first.words.len() > 6 { "…" } else { "" };
            let thing = match who {
                Some(who) => format!("quote by {who}: “{}{ellipsis}”", opening.join(" ")),
                None => format!("quote: “{}{ellipsis}”", opening.join(" ")),
            };
            Some(make_fact(
                sources,
                Row { thing, claims },
                disagree,
                describe_quote,
            ))
        })
        .collect()
}

// ---------------------------------------------------------------------------------

/// A row as a fact: each article's first claim, described.
fn make_fact(
    sources: &[FactSource<'_>],
    row: Row<'_>,
    disagree: bool,
    describe: fn(&Claim) -> String,
) -> Fact {
    let values = row
        .claims
        .iter()
        .filter_map(|(&idx, claims)| {
            let claim = claims.iter().min_by_key(|c| c.span.start)?;
            let article = sources[idx].article;
            Some(FactValue {
                article: idx,
                value: describe(claim),
                location: article.location(claim.span, LocationRole::Primary),
            })
        })
        .collect();
    Fact {
        thing: row.thing,
        values,
        disagree,
        findings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use factdiff_claims::{Lexicons, extract};
    use factdiff_corpus::{Corpus, Input};

    use super::*;

    /// The fact table of the articles `texts` (Markdown with front matter).
    fn table(texts: &[&str]) -> Vec<Fact> {
        let corpus = Corpus::from_inputs(
            texts
                .iter()
                .enumerate()
                .map(|(idx, text)| Input {
                    path: format!("{idx}.md"),
                    bytes: text.as_bytes().to_vec(),
                })
                .collect(),
        );
        let lexicons = Lexicons::builtin();
        let claims: Vec<Vec<Claim>> = corpus
            .articles
            .iter()
            .map(|a| extract(a, &lexicons))
            .collect();
        let sources: Vec<FactSource<'_>> = corpus
            .articles
            .iter()
            .zip(&claims)
            .map(|(article, claims)| FactSource { article, claims })
            .collect();
        facts(&sources)
    }

    fn row<'f>(facts: &'f [Fact], thing: &str) -> &'f Fact {
        facts
            .iter()
            .find(|f| f.thing.starts_with(thing))
            .unwrap_or_else(|| panic!("no row {thing} in {facts:#?}"))
    }

    #[test]
    fn deaths_disagree_injuries_agree() {
        let facts = table(&[
            "+++\ndate = 2025-10-07\n+++\nThe earthquake in Herat killed 112 people and injured 300 on Saturday, October 4.\n",
            "+++\ndate = 2025-10-07\n+++\nAt least 140 people died in the Herat earthquake, and 300 people were injured.\n",
        ]);
        let deaths = row(&facts, "deaths");
        assert!(deaths.disagree, "{deaths:#?}");
        let values: Vec<&str> = deaths.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["112", "at least 140"]);
        assert_eq!(deaths.values[1].location.path, "1.md");
        let injuries = row(&facts, "injuries");
        assert!(!injuries.disagree, "{injuries:#?}");
    }

    #[test]
    fn a_later_larger_toll_is_an_update() {
        let facts = table(&[
            "+++\ndate = 2025-10-07\n+++\nThe earthquake in Herat killed 112 people.\n",
            "+++\ndate = 2025-10-09\n+++\nThe earthquake in Herat has now killed 140 people.\n",
        ]);
        assert!(!row(&facts, "deaths").disagree, "{facts:#?}");
    }

    #[test]
    fn a_figure_of_another_year_is_background() {
        let facts = table(&[
            "+++\ndate = 2025-10-07\n+++\nThe earthquake in Herat killed 112 people.\n",
            "+++\ndate = 2025-10-07\n+++\nA quake in Herat in 2002 killed 1,000 people.\n",
        ]);
        assert!(
            facts.iter().all(|f| !f.thing.starts_with("deaths")),
            "{facts:#?}"
        );
    }

    #[test]
    fn a_quote_given_to_two_speakers_disagrees_an_excerpt_does_not() {
        let facts = table(&[
            "Herat quake.\n\n\"We are doing everything we can to reach the villages,\" said Mohammad Karimi.\n",
            "Herat quake.\n\n\"We are doing everything we can to reach the villages,\" said Sarah Jones.\n",
            "Herat quake.\n\nKarimi said: \"doing everything we can to reach the villages\".\n",
        ]);
        let quote = row(&facts, "quote");
        assert_eq!(quote.values.len(), 3, "{quote:#?}");
        assert!(quote.disagree);
        let two = table(&[
            "Herat quake.\n\n\"We are doing everything we can to reach the villages,\" said Mohammad Karimi.\n",
            "Herat quake.\n\nKarimi said: \"doing everything we can to reach the villages\".\n",
        ]);
        assert!(!row(&two, "quote").disagree, "{two:#?}");
    }

    #[test]
    fn event_dates_align_by_predicate_and_participant() {
        let facts = table(&[
            "+++\ndate = 2025-09-16\n+++\nThe summit opened in Samarkand on September 15.\n",
            "+++\ndate = 2025-09-17\n+++\nThe summit began in Samarkand on Friday, September 16.\n",
        ]);
        let date = row(&facts, "date");
        assert!(date.disagree, "{date:#?}");
        let values: Vec<&str> = date.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["15 September 2025", "16 September 2025"]);
    }
}
