//! Disagreements linked to their findings: a fact of a story names the findings that
//! report it, by fingerprint. Run after the filters, so that a fact links only to
//! findings that are reported, with the fingerprints they are reported under.

use std::collections::{HashMap, HashSet};

use factdiff_findings::{Category, Fact, FactValue, Finding, Location, RuleDetails, Story};
use foldhash::fast::FixedState;
use rayon::prelude::*;

/// The article of a location: its file and, in an archive, its record's line.
fn article_of(loc: &Location) -> (&str, Option<u32>) {
    (loc.path.as_str(), loc.field.as_ref().map(|_| loc.line))
}

fn overlaps(a: &Location, b: &Location) -> bool {
    article_of(a) == article_of(b) && a.byte_start < b.byte_end && b.byte_start < a.byte_end
}

/// Sets each fact's `findings`: the contradictions between articles that point at one
/// of its values and name no article the fact has no value from, sorted and unique; a
/// fact disagrees when, and only when, a finding reports it.
///
/// The contradictions are indexed by the articles they name, so that a fact reads only
/// the findings of its own values' articles, not every finding of the run (that made
/// linking quadratic: a fifth of `check` at 4x Reuters).
pub fn link_findings(stories: &mut [Story], findings: &[Finding]) {
    // Each contradiction between articles, under every article it names.
    // foldhash, not SipHash: only looked up, never iterated, and built on one
    // thread while the others wait (issue 14).
    let mut by_article: HashMap<(&str, Option<u32>), Vec<usize>, FixedState> = HashMap::default();
    for (idx, f) in findings.iter().enumerate() {
        if f.category != Category::Contradiction {
            continue;
        }
        // Between articles: a finding within one article (parts that do not add up, a
        // weekday that does not fit) is not a disagreement of the story's articles.
        let mut articles: Vec<_> = f.locations.iter().map(article_of).collect();
        articles.sort_unstable();
        articles.dedup();
        if articles.len() < 2 {
            continue;
        }
        for article in articles {
            by_article.entry(article).or_default().push(idx);
        }
    }
    // The stories in parallel (on one thread, the second waited for it at the end
    // of the run): each reads the index and sets its own facts.
    stories
        .par_iter_mut()
        .for_each_init(Vec::<usize>::new, |candidates, story| {
            for fact in &mut story.facts {
                candidates.clear();
                for v in &fact.values {
                    if let Some(found) = by_article.get(&article_of(&v.location)) {
                        candidates.extend_from_slice(found);
                    }
                }
                candidates.sort_unstable();
                candidates.dedup();
                let mut linked: Vec<String> = candidates
                    .iter()
                    .map(|&idx| &findings[idx])
                    .filter(|f| {
                        let hits = f
                            .locations
                            .iter()
                            .any(|l| fact.values.iter().any(|v| overlaps(l, &v.location)));
                        let within = f.locations.iter().all(|l| {
                            fact.values
                                .iter()
                                .any(|v| article_of(&v.location) == article_of(l))
                        });
                        hits && within
                    })
                    .map(|f| f.fingerprint.clone())
                    .collect();
                linked.sort();
                linked.dedup();
                // A finding that reports it marks it, whatever the table's own comparison
                // said (a quote given to two speakers); and only a finding does. The table
                // aligns looser than the rules compare (no period, owner or story-day
                // checks): read on Reuters, 47 of its 78 disagreements had no finding, and
                // nearly all were other weeks' figures, other credit lines, another
                // measure read as the row's, or "I'm" against "I am". The values stay side
                // by side for the editor to read; the mark is the rules' word.
                fact.disagree = !linked.is_empty();
                fact.findings = linked;
            }
        });
    add_unlisted(stories, findings);
}

/// The record of a location or a story's article: its file and, in an archive, its
/// record's name.
type Member<'a> = (&'a str, Option<&'a str>);

/// Gives each contradiction between articles of one story that no row of its table
/// reports a row of its own, so that the story view shows every disagreement the
/// rules found among its articles: the table aligns only figures, event dates and
/// quotes it can name, and a name spelled two ways, or two figures the rule aligned by
/// what happened to them ("killing at least 140 people" / "killed 128 people" in two
/// outlets' ledes, whose sentences share few words), had no row (on ECB+, 31 of its
/// 50 cross-article contradictions). The row is what the finding is about, each
/// article's value the text the finding points at.
fn add_unlisted<'a>(stories: &mut [Story], findings: &'a [Finding]) {
    // Borrowed from the findings: at 16x Reuters they are 90,000 contradictions.
    let member = |l: &'a Location| -> Member<'a> { (l.path.as_str(), l.article.as_deref()) };
    let mut by_member: HashMap<Member<'a>, Vec<usize>, FixedState> = HashMap::default();
    for (idx, f) in findings.iter().enumerate() {
        if f.category != Category::Contradiction {
            continue;
        }
        let mut members: Vec<Member<'a>> = f.locations.iter().map(member).collect();
        members.sort_unstable();
        members.dedup();
        if members.len() < 2 {
            continue;
        }
        for m in members {
            by_member.entry(m).or_default().push(idx);
        }
    }
    // The stories in parallel: each reads the index and adds to its own table (on one
    // thread, the second waited for it at the end of the run; issue 14).
    stories.par_iter_mut().for_each(|story| {
        let index: HashMap<Member<'_>, usize, FixedState> = story
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| ((a.path.as_str(), a.article.as_deref()), i))
            .collect();
        let listed: HashSet<&str, FixedState> = story
            .facts
            .iter()
            .flat_map(|f| f.findings.iter().map(String::as_str))
            .collect();
        let mut candidates: Vec<usize> = story
            .articles
            .iter()
            .filter_map(|a| by_member.get(&(a.path.as_str(), a.article.as_deref())))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut rows: Vec<Fact> = Vec::new();
        for f in candidates.into_iter().map(|idx| &findings[idx]) {
            if listed.contains(f.fingerprint.as_str()) {
                continue;
            }
            let of = |l: &Location| index.get(&(l.path.as_str(), l.article.as_deref())).copied();
            if f.locations.iter().any(|l| of(l).is_none()) {
                continue;
            }
            // Each article's first location, in the story's order.
            let mut values: Vec<FactValue> = Vec::new();
            for l in &f.locations {
                let article = of(l).unwrap_or_default();
                if values.iter().all(|v| v.article != article) {
                    values.push(FactValue {
                        article,
                        value: l.text.to_string(),
                        location: l.clone(),
                    });
                }
            }
            values.sort_by_key(|v| v.article);
            rows.push(Fact {
                thing: thing_of(f),
                values,
                disagree: true,
                findings: vec![f.fingerprint.clone()],
            });
        }
        rows.sort_by(|a, b| {
            a.thing
                .cmp(&b.thing)
                .then_with(|| a.findings.cmp(&b.findings))
        });
        story.facts.extend(rows);
    });
}

/// What a finding's row is of, in the words of the story's table ("deaths (people)",
/// "date (strike)", "quote by Ram Bahadur Thapa"), from the rule's details.
fn thing_of(f: &Finding) -> String {
    match &f.details.rule {
        RuleDetails::CountMismatch(c) if !c.measure.is_empty() && !c.unit.is_empty() => {
            format!("{} ({})", c.measure, c.unit)
        }
        RuleDetails::CountMismatch(c) if !c.measure.is_empty() => c.measure.clone(),
        RuleDetails::CountMismatch(c) => c.unit.clone(),
        RuleDetails::DateMismatch(d) if !d.predicate.is_empty() => {
            format!("date ({})", d.predicate)
        }
        RuleDetails::DateMismatch(_) => "date".to_owned(),
        RuleDetails::QuoteDrift(q) => factdiff_stories::facts::quote_row(
            q.speaker.as_deref().or(q.other_speaker.as_deref()),
            f.locations.first().map_or("", |l| l.text.as_ref()),
        ),
        RuleDetails::NameVariant(n) => format!("name: {} / {}", n.majority, n.variant),
        _ => f.rule.clone(),
    }
}

#[cfg(test)]
mod tests {
    use factdiff_findings::{Category, Fact, FactValue, Finding, Location, Role, Severity, Story};

    use super::link_findings;

    fn loc(path: &str, start: usize, text: &str) -> Location {
        Location {
            role: Role::Primary,
            path: path.into(),
            line: 1,
            column: 1 + start as u32,
            end_line: 1,
            end_column: 1 + (start + text.len()) as u32,
            byte_start: start,
            byte_end: start + text.len(),
            field: None,
            article: None,
            text: text.into(),
        }
    }

    fn finding(rule: &str, category: Category, locations: Vec<Location>) -> Finding {
        Finding::new(rule, category, Severity::Error, "m", locations)
    }

    /// A fact links the contradictions between its own articles that point at one of
    /// its values, and no other finding: not one naming an article it has no value
    /// from, not one within one article, not one elsewhere, not an overlap.
    #[test]
    fn a_fact_links_the_contradictions_between_its_articles_at_its_values() {
        let between = finding(
            "count-mismatch",
            Category::Contradiction,
            vec![loc("a.md", 10, "112"), loc("b.md", 20, "140")],
        );
        let to_other = finding(
            "count-mismatch",
            Category::Contradiction,
            vec![loc("a.md", 10, "112"), loc("c.md", 5, "90")],
        );
        let within = finding(
            "sum-mismatch",
            Category::Contradiction,
            vec![loc("a.md", 10, "112"), loc("a.md", 40, "7")],
        );
        let elsewhere = finding(
            "date-mismatch",
            Category::Contradiction,
            vec![loc("a.md", 60, "Monday"), loc("b.md", 70, "Tuesday")],
        );
        let overlap = finding(
            "overlap",
            Category::Overlap,
            vec![loc("a.md", 0, "The quake killed 112"), loc("b.md", 0, "x")],
        );
        let findings = vec![
            to_other.clone(),
            within,
            between.clone(),
            elsewhere,
            overlap,
            between.clone(),
        ];
        let mut stories = vec![Story {
            id: "s".into(),
            title: "t".into(),
            articles: Vec::new(),
            facts: vec![Fact {
                thing: "people killed".into(),
                values: vec![
                    FactValue {
                        article: 0,
                        value: "112".into(),
                        location: loc("a.md", 10, "112"),
                    },
                    FactValue {
                        article: 1,
                        value: "140".into(),
                        location: loc("b.md", 20, "140"),
                    },
                ],
                disagree: false,
                findings: Vec::new(),
            }],
        }];
        link_findings(&mut stories, &findings);
        let fact = &stories[0].facts[0];
        assert_eq!(fact.findings, vec![between.fingerprint]);
        assert!(fact.disagree);
    }

    /// A contradiction between articles of a story that no row reports becomes a row
    /// of its own, named from the rule's details, with each article's value; one that
    /// names an article outside the story does not.
    #[test]
    fn a_finding_no_row_reports_is_a_row_of_its_own() {
        use factdiff_findings::{NameVariantDetails, Relation, RuleDetails, StoryArticle};

        let article = |path: &str| StoryArticle {
            path: path.into(),
            article: None,
            title: None,
            source: None,
            date: None,
            relation: Relation::Independent,
            of: None,
        };
        let mut name = finding(
            "name-variant",
            Category::Contradiction,
            vec![loc("b.md", 30, "Thappa"), loc("a.md", 40, "Thapa")],
        );
        name.details.rule = RuleDetails::NameVariant(NameVariantDetails {
            variant: "Thappa".into(),
            majority: "Thapa".into(),
            folded: "thapa".into(),
            variant_count: 1,
            majority_count: 2,
            canonical: false,
        });
        let outside = finding(
            "count-mismatch",
            Category::Contradiction,
            vec![loc("a.md", 10, "112"), loc("c.md", 5, "90")],
        );
        let mut stories = vec![Story {
            id: "s".into(),
            title: "t".into(),
            articles: vec![article("a.md"), article("b.md")],
            facts: Vec::new(),
        }];
        link_findings(&mut stories, &[outside, name.clone()]);
        let facts = &stories[0].facts;
        assert_eq!(facts.len(), 1, "{facts:#?}");
        assert_eq!(facts[0].thing, "name: Thapa / Thappa");
        assert!(facts[0].disagree);
        assert_eq!(facts[0].findings, vec![name.fingerprint]);
        let values: Vec<(usize, &str)> = facts[0]
            .values
            .iter()
            .map(|v| (v.article, v.value.as_str()))
            .collect();
        assert_eq!(values, [(0, "Thapa"), (1, "Thappa")]);
    }

    /// The table's own comparison does not mark a fact no finding reports (two weeks'
    /// figures in one row): the values stay, the mark goes.
    #[test]
    fn a_disagreement_no_finding_reports_is_not_marked() {
        let value = |article: usize, path: &str, text: &str| FactValue {
            article,
            value: text.into(),
            location: loc(path, 10, text),
        };
        let mut stories = vec![Story {
            id: "s".into(),
            title: "t".into(),
            articles: Vec::new(),
            facts: vec![Fact {
                thing: "exports (t), weekly".into(),
                values: vec![value(0, "a.md", "22,086"), value(1, "b.md", "48,062")],
                disagree: true,
                findings: Vec::new(),
            }],
        }];
        link_findings(&mut stories, &[]);
        let fact = &stories[0].facts[0];
        assert!(!fact.disagree);
        assert_eq!(fact.values.len(), 2);
    }
}
