//! The fact table of a story: each thing at least two of its articles give a value
//! for, and the value each gives.
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
//!   date is background (last year's quake), not this story's.
//! - **Dates of events** ([`EventKey`]): the same predicate class (`strike`, `start`)
//!   with a participant or the place in common; reporting dates ("said on Monday")
//!   and the ends of reporting periods are left out.
//! - **Quotes**: the same words (most of their words in common, or one an excerpt of
//!   the other) in two articles.
//!
//! Each article shows the first value it gives (in text order); the rows are sorted
//! by kind, then by what they are of.
//!
//! A row does not say whether its values disagree: the rules do. The pipeline's
//! `link_findings` marks a row when a finding of the rules reports one of its values.
//! The table aligns more loosely than the rules compare (no period, owner or
//! story-day checks), and a comparison of its own, which it had until December 2026,
//! was read on Reuters-21578: 47 of its 78 marks had no finding, and nearly all of
//! those were false (other weeks' figures, other credit lines, another measure read as
//! the row's).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use factdiff_claims::{
    ArticleClaims, Claim, ClaimKind, ClaimValue, EventKey, Role, describe_interval, month_name,
};
use factdiff_corpus::{Article, Corpus};
use rayon::prelude::*;

use crate::Stories;
use factdiff_findings::{Fact, FactValue, Interval, Role as LocationRole};

/// Figures are about the same thing when their sentences share this many context
/// words ...
const MIN_SHARED_CONTEXT: usize = 2;
/// ... and this share of them (Jaccard): the count-mismatch rule's defaults.
const MIN_CONTEXT_SIMILARITY: f64 = 0.3;
/// An event date this many days or more from its article's date is background.
const BACKGROUND_DAYS: i32 = 30;
/// Quotes shorter than this (in words) are phrases, not statements to align.
const MIN_QUOTE_WORDS: usize = 5;
/// Two quotes are the same quote when this share of the longer one's words are the
/// other's, in order (or one is an excerpt of the other): "the work of scientists ...
/// including here at the Interior Department" and "... including right here in the
/// Interior Department" are; "absolute heart of the Endangered Species Act" and
/// "wholly inappropriate use of the Endangered Species Act" are not.
const SAME_QUOTE: f64 = 0.75;
/// Words of a quote compared in order, at most (longer quotes are cut).
const MAX_QUOTE_WORDS: usize = 200;
/// Quotes of a story considered, at most (pairs are compared).
const MAX_QUOTES: usize = 400;

/// One article of a story as the fact table reads it, in the story's order.
pub struct FactSource<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its claims: the table reads figures, dates and quotes, so the names may be left
    /// out ([`ArticleClaims::others`]).
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
pub fn fill_facts(stories: &mut Stories, corpus: &Corpus, claims: &[ArticleClaims]) {
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
                        claims: claims.get(m)?.others(),
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

/// The interval of a figure, as the rules compare it (factdiff-findings' `Interval`:
/// "more than 20" and "20" touch, a reporter rounds).
fn interval_of(claim: &Claim) -> Option<Interval> {
    claim.value.interval()
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
    if matches!(frame.role, Role::Table | Role::Comparison) || !claim.relations().is_empty() {
        return None;
    }
    let interval = interval_of(claim)?;
    let unit = interval.unit.as_str();
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
    let unit = if key.unit.is_empty() {
        unit
    } else {
        &*key.unit
    };
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
    claim
        .value
        .interval()
        .map_or_else(String::new, |interval| describe_interval(&interval))
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
                // Only whole numbers count things: "magnitude 6.6" beside "killed" is
                // no toll.
                let whole: Vec<_> = claims
                    .into_iter()
                    .filter(|c| {
                        interval_of(c).is_some_and(|iv| {
                            [iv.min, iv.max].iter().flatten().all(|v| v.fract() == 0.0)
                        })
                    })
                    .collect();
                if whole.is_empty() {
                    continue;
                }
                let list = into.claims.entry(idx).or_default();
                list.extend(whole);
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
    // A quantity with neither unit nor counted noun ("66", an age near "killed") says
    // too little to align.
    rows.retain(|key, _| !(key.2.is_empty() && key.0 == ClaimKind::Quantity));
    rows.into_values()
        .flat_map(split_by_context)
        .filter(|row| row.claims.len() >= 2)
        .map(|row| make_fact(sources, row, describe_figure))
        .collect()
}

/// Figures of one measure and unit about the same thing share the words of their
/// sentences (the claim key's context: names and content words): at least
/// `MIN_SHARED_CONTEXT` of them, and a Jaccard index of `MIN_CONTEXT_SIMILARITY` (the
/// count-mismatch rule's defaults). A row is split into groups around seeds taken in
/// the story's order: each figure joins the first seed it shares enough with, else
/// seeds a group of its own (never chained: "4 people" of this quake and "230,000
/// people" of the 2004 tsunami, both deaths, stay apart).
fn split_by_context(row: Row<'_>) -> Vec<Row<'_>> {
    let context = |c: &Claim| -> Vec<String> {
        c.key
            .as_deref()
            .map(|k| k.context.iter().map(|w| w.to_string()).collect())
            .unwrap_or_default()
    };
    let close = |a: &[String], b: &[String]| {
        let shared = a.iter().filter(|w| b.contains(w)).count();
        let union = a.len() + b.len() - shared;
        shared >= MIN_SHARED_CONTEXT
            && union > 0
            && shared as f64 / union as f64 >= MIN_CONTEXT_SIMILARITY
    };
    let mut groups: Vec<(Vec<String>, Row<'_>)> = Vec::new();
    for (idx, claims) in row.claims {
        for claim in claims {
            let words = context(claim);
            match groups.iter_mut().find(|(seed, _)| close(seed, &words)) {
                Some((_, group)) => group.claims.entry(idx).or_default().push(claim),
                None => groups.push((
                    words,
                    Row {
                        thing: row.thing.clone(),
                        claims: BTreeMap::from([(idx, vec![claim])]),
                    },
                )),
            }
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
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
                let (event, timex) = event_of(claim)?;
                // An event dated far from the article's own date is background (an
                // earlier quake), not this story's.
                if let (Some(date), Some(y), Some(m), Some(d)) =
                    (src.article.meta.date, timex.year, timex.month, timex.day)
                    && let Ok(day) = jiff::civil::Date::new(y, m, d)
                    && (day - date).get_days().abs() > BACKGROUND_DAYS
                {
                    return None;
                }
                let names: BTreeSet<&str> = event
                    .participants
                    .iter()
                    .map(factdiff_claims::Word::as_str)
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
            let row = Row { thing, claims };
            Some(make_fact(sources, row, describe_date))
        })
        .collect();
    facts.sort_by(|a, b| a.thing.cmp(&b.thing));
    facts
}

// ---------------------------------------------------------------------------------
// Quotes.

/// The words of a quote, lower case, for comparing wordings: what an editor put in
/// brackets or parentheses ("her (Tara Reid) family", "[US] Fish") left out, curly
/// apostrophes folded.
/// What a quote row is of: its speaker and opening words ("quote by Ram Bahadur
/// Thapa: “we are doing everything we can…”"), as the table names its quote rows and
/// the pipeline names a row made from a quote-drift finding.
pub fn quote_row(who: Option<&str>, text: &str) -> String {
    quote_thing(who, &quote_words(text))
}

fn quote_thing(who: Option<&str>, words: &[String]) -> String {
    let opening: Vec<&str> = words.iter().take(6).map(String::as_str).collect();
    let ellipsis = if words.len() > 6 { "…" } else { "" };
    match who {
        Some(who) => format!("quote by {who}: “{}{ellipsis}”", opening.join(" ")),
        None => format!("quote: “{}{ellipsis}”", opening.join(" ")),
    }
}

fn quote_words(text: &str) -> Vec<String> {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for ch in text.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '’' | '‘' if depth == 0 => plain.push('\''),
            _ if depth == 0 => plain.push(ch),
            _ => {}
        }
    }
    plain
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
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

/// Words the two sequences share in order (their longest common subsequence).
fn common_in_order(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = if x == y {
                prev[j] + 1
            } else {
                row[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Whether the words of `part` are a run of the words of `whole`.
fn excerpt_of(part: &[String], whole: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

fn describe_quote(claim: &Claim) -> String {
    let ClaimValue::Quote { text } = &claim.value else {
        return String::new();
    };
    match claim.speaker() {
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
    let same = |i: usize, j: usize| {
        let (a, b) = (&items[i].words, &items[j].words);
        if excerpt_of(a, b) || excerpt_of(b, a) {
            return true;
        }
        // Cheap first: most of the words in common at all.
        if dice(&sets[i], &sets[j]) < SAME_QUOTE {
            return false;
        }
        let (a, b) = (
            &a[..a.len().min(MAX_QUOTE_WORDS)],
            &b[..b.len().min(MAX_QUOTE_WORDS)],
        );
        common_in_order(a, b) as f64 >= SAME_QUOTE * a.len().max(b.len()) as f64
    };
    // Groups around seeds, in the story's order: each quote joins the first seed it is
    // the same quote as, else seeds a group (never chained: a quote that joins two
    // others does not make them one).
    // A quote worded as one before joins the group that one joined (`same` reads only
    // the words, a seed is the same quote as itself, and the groups before that one
    // are the same seeds as then): copies of a story are not compared again.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut joined: HashMap<&[String], usize> = HashMap::new();
    for (idx, item) in items.iter().enumerate() {
        let words = item.words.as_slice();
        let at = match joined.get(words) {
            Some(&at) => at,
            None => groups
                .iter()
                .position(|g| same(g[0], idx))
                .unwrap_or(groups.len()),
        };
        match groups.get_mut(at) {
            Some(group) => group.push(idx),
            None => groups.push(vec![idx]),
        }
        joined.entry(words).or_insert(at);
    }
    groups
        .into_iter()
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
            // The first quote of each article is the one shown, with who it is given
            // to; a wording or a speaker is marked when quote-drift reports it.
            let seed = &items[members[0]];
            // Named by the speaker most of its articles give (the first on a tie).
            let mut speakers: Vec<(&str, usize)> = Vec::new();
            for &m in &members {
                if let Some(who) = items[m].claim.speaker() {
                    match speakers.iter_mut().find(|(w, _)| *w == who) {
                        Some((_, n)) => *n += 1,
                        None => speakers.push((who, 1)),
                    }
                }
            }
            let who = speakers
                .iter()
                .rev()
                .max_by_key(|(_, n)| *n)
                .map(|(w, _)| *w);
            let thing = quote_thing(who, &seed.words);
            Some(make_fact(sources, Row { thing, claims }, describe_quote))
        })
        .collect()
}

// ---------------------------------------------------------------------------------

/// A row as a fact: each article's first claim, described.
fn make_fact(sources: &[FactSource<'_>], row: Row<'_>, describe: fn(&Claim) -> String) -> Fact {
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
        disagree: false,
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
    fn deaths_and_injuries_are_rows_of_their_own() {
        let facts = table(&[
            "+++\ndate = 2025-10-07\n+++\nThe earthquake in Herat killed 112 people and injured 300 on Saturday, October 4.\n",
            "+++\ndate = 2025-10-07\n+++\nAt least 140 people died in the Herat earthquake, and 300 people were injured.\n",
        ]);
        let deaths = row(&facts, "deaths");
        let values: Vec<&str> = deaths.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["112", "at least 140"]);
        assert_eq!(deaths.values[1].location.path, "1.md");
        let injuries = row(&facts, "injuries");
        let values: Vec<&str> = injuries.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["300", "300"]);
        assert!(facts.iter().all(|f| !f.disagree), "{facts:#?}");
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
    fn a_quote_worded_otherwise_and_an_excerpt_share_a_row() {
        let facts = table(&[
            "Herat quake.\n\n\"We are doing everything we can to reach the villages,\" said Mohammad Karimi.\n",
            "Herat quake.\n\n\"We are doing all we can to reach the villages,\" said Mohammad Karimi.\n",
            "Herat quake.\n\nKarimi said: \"doing everything we can to reach the villages\".\n",
        ]);
        let quote = row(&facts, "quote");
        assert_eq!(quote.values.len(), 3, "{quote:#?}");
        let two = table(&[
            "Herat quake.\n\n\"We are doing everything we can to reach the villages,\" said Mohammad Karimi.\n",
            "Herat quake.\n\nKarimi said: \"doing everything we can (in Zindajan) to reach the villages\".\n",
        ]);
        assert_eq!(row(&two, "quote").values.len(), 2, "{two:#?}");
    }

    #[test]
    fn quotes_are_grouped_around_a_seed_never_chained() {
        // The third quote holds both others; they are still two rows.
        let facts = table(&[
            "Reid.\n\n\"Tara Reid has checked herself into Promises Treatment Center,\" he said.\n",
            "Reid.\n\n\"We appreciate your respect to her and her family's privacy at this time,\" he said.\n",
            "Reid.\n\n\"Tara Reid has checked herself into Promises Treatment Center. We appreciate your respect to her and her family's privacy at this time,\" he said.\n",
        ]);
        let quotes: Vec<&Fact> = facts
            .iter()
            .filter(|f| f.thing.starts_with("quote"))
            .collect();
        assert!(!quotes.is_empty(), "{facts:#?}");
        assert!(quotes.iter().all(|q| q.values.len() == 2), "{quotes:#?}");
    }

    #[test]
    fn figures_of_one_measure_about_other_things_are_apart() {
        let facts = table(&[
            "Papua quake.\n\nThe earthquake in Papua killed four people in Jayawijaya.\n\nThe 2004 tsunami in Aceh killed 230,000 people across the region.\n",
            "Papua quake.\n\nThe earthquake in Papua killed at least five people in Jayawijaya.\n",
        ]);
        let deaths: Vec<&Fact> = facts
            .iter()
            .filter(|f| f.thing.starts_with("deaths"))
            .collect();
        assert_eq!(deaths.len(), 1, "{deaths:#?}");
        let values: Vec<&str> = deaths[0].values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["4", "at least 5"]);
    }

    #[test]
    fn an_undated_day_fits_its_dated_day_and_background_dates_are_left_out() {
        let facts = table(&[
            "+++\ndate = 2025-09-16\n+++\nThe summit opened in Samarkand on September 15.\n\nThe last summit opened in Samarkand on March 2.\n",
            "The summit opened in Samarkand on September 15.\n",
        ]);
        let date = row(&facts, "date");
        let values: Vec<&str> = date.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["15 September 2025", "15 September"]);
    }

    #[test]
    fn event_dates_align_by_predicate_and_participant() {
        let facts = table(&[
            "+++\ndate = 2025-09-16\n+++\nThe summit opened in Samarkand on September 15, 2025.\n",
            "+++\ndate = 2025-09-17\n+++\nThe summit began in Samarkand on Friday, September 16, 2025.\n",
        ]);
        let date = row(&facts, "date");
        let values: Vec<&str> = date.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["15 September 2025", "16 September 2025"]);
    }
}
