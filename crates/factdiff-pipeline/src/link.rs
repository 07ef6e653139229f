//! Disagreements linked to their findings: a fact of a story names the findings that
//! report it, by fingerprint. Run after the filters, so that a fact links only to
//! findings that are reported, with the fingerprints they are reported under.

use factdiff_findings::{Category, Finding, Location, Story};

/// The article of a location: its file and, in an archive, its record's line.
fn article_of(loc: &Location) -> (&str, Option<u32>) {
    (loc.path.as_str(), loc.field.as_ref().map(|_| loc.line))
}

fn overlaps(a: &Location, b: &Location) -> bool {
    article_of(a) == article_of(b) && a.byte_start < b.byte_end && b.byte_start < a.byte_end
}

/// Sets each fact's `findings`: the contradictions between articles that point at one
/// of its values and name no article the fact has no value from, sorted and unique; a fact a
/// finding reports disagrees.
pub fn link_findings(stories: &mut [Story], findings: &[Finding]) {
    for story in stories {
        for fact in &mut story.facts {
            let mut linked: Vec<String> = findings
                .iter()
                .filter(|f| f.category == Category::Contradiction)
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
                    // Between articles: a finding within one article (parts that do not
                    // add up, a weekday that does not fit) is not a disagreement of
                    // the story's articles.
                    let mut articles: Vec<_> = f.locations.iter().map(article_of).collect();
                    articles.sort_unstable();
                    articles.dedup();
                    hits && within && articles.len() >= 2
                })
                .map(|f| f.fingerprint.clone())
                .collect();
            linked.sort();
            linked.dedup();
            // A finding that reports it marks it, whatever the table's own comparison
            // said (a quote given to two speakers).
            fact.disagree |= !linked.is_empty();
            fact.findings = linked;
        }
    }
}
