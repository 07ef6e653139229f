//! The duplicate pairs the HTML report shows side by side (issue 12): each story's
//! copies and rewrites against the article they repeat, then each overlap cluster's
//! members against its likely original (a pair a story already gives is not given
//! twice). The passages are the overlap engine's ([`Detection::shared`]): the ones
//! its findings measured, not detected again.

use std::collections::BTreeSet;

use factdiff_corpus::Corpus;
use factdiff_findings::{Pair, PairArticle, PairGroup, Pairs, Relation, Role};
use factdiff_overlap::Detection;
use factdiff_stories::Stories;
use rayon::prelude::*;

/// A group as it is gathered: its story's ID, its members (corpus indices), its
/// pairs as (left, right, relation).
type Group = (
    Option<String>,
    Vec<usize>,
    Vec<(usize, usize, Option<Relation>)>,
);

/// The pairs of a run (see the module doc).
pub(crate) fn pairs(corpus: &Corpus, overlap: &Detection, stories: &Stories) -> Pairs {
    let mut groups: Vec<Group> = Vec::new();
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (story, list) in stories.stories.iter().zip(&stories.members) {
        if list.len() != story.articles.len() {
            continue;
        }
        let mut pairs = Vec::new();
        for (i, a) in story.articles.iter().enumerate() {
            let (Relation::Copy | Relation::Rewrite, Some(j)) = (a.relation, a.of) else {
                continue;
            };
            let (Some(&left), Some(&right)) = (list.get(j), list.get(i)) else {
                continue;
            };
            seen.insert((left.min(right), left.max(right)));
            pairs.push((left, right, Some(a.relation)));
        }
        if !pairs.is_empty() {
            groups.push((Some(story.id.clone()), list.clone(), pairs));
        }
    }
    for cluster in &overlap.clusters {
        let original = cluster.original as usize;
        let mut members = vec![original];
        let mut pairs = Vec::new();
        for (m, _) in &cluster.members {
            let m = *m as usize;
            members.push(m);
            if seen.insert((original.min(m), original.max(m))) {
                pairs.push((original, m, None));
            }
        }
        if !pairs.is_empty() {
            groups.push((None, members, pairs));
        }
    }

    let ids: Vec<usize> = groups
        .iter()
        .flat_map(|(_, members, _)| members.iter().copied())
        .collect::<BTreeSet<usize>>()
        .into_iter()
        .collect();
    let index = |id: usize| ids.binary_search(&id).unwrap_or_default();
    let articles: Vec<PairArticle> = ids
        .par_iter()
        .map(|&id| {
            let article = &corpus.articles[id];
            PairArticle {
                path: article.path.to_string(),
                record_line: article.record_line,
                article: article.record_name().map(str::to_owned),
                line: article.location(article.body, Role::Related).line,
                title: article.meta.title.clone(),
                source: article.meta.source.as_deref().map(str::to_owned),
                date: article.meta.date.map(|d| d.to_string()),
                words: overlap.words(id),
            }
        })
        .collect();
    let jobs: Vec<(usize, usize, usize, Option<Relation>)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, _, pairs))| pairs.iter().map(move |&(l, r, rel)| (g, l, r, rel)))
        .collect();
    let pairs: Vec<Pair> = jobs
        .par_iter()
        .map(|&(group, left, right, relation)| {
            let (passages, left_coverage, right_coverage) = overlap.shared(corpus, left, right);
            Pair {
                group,
                left: index(left),
                right: index(right),
                relation,
                left_coverage,
                right_coverage,
                passages,
            }
        })
        .collect();
    Pairs {
        articles,
        groups: groups
            .into_iter()
            .map(|(story, members, _)| PairGroup {
                story,
                members: members.into_iter().map(index).collect(),
            })
            .collect(),
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use factdiff_corpus::{Corpus, Input};

    use crate::{Engines, analyse};

    const BODY: &str = "The earthquake of magnitude 6.3 struck Herat province in western Afghanistan on Saturday, killing 112 people in the villages of Zindajan district, officials said. Rescuers from Kabul reached the villages by Sunday evening and dug through the rubble of mud-brick homes with their hands.";

    /// A copy and its original make one pair, its passages the bytes of each body
    /// the copy repeats, both covered whole.
    #[test]
    fn a_copy_is_paired_with_its_original_by_the_passages_they_share() {
        let original = format!("+++\ntitle = \"Quake\"\ndate = 2025-10-07\n+++\n{BODY}\n");
        let copy = format!(
            "+++\ntitle = \"Quake copy\"\ndate = 2025-10-08\nsource = \"Wire\"\n+++\n{BODY}\n"
        );
        let alone = "A summit of ten leaders opened in Samarkand on Thursday with talks on trade and the railway that links the region to the sea.\n";
        let corpus = Corpus::from_inputs(vec![
            Input {
                path: "a.md".into(),
                bytes: original.into(),
            },
            Input {
                path: "b.md".into(),
                bytes: copy.into(),
            },
            Input {
                path: "c.md".into(),
                bytes: alone.into(),
            },
        ]);
        let analysis = analyse(&corpus, &Engines::builtin());
        let pairs = &analysis.pairs;
        assert_eq!(pairs.pairs.len(), 1, "{pairs:#?}");
        let pair = &pairs.pairs[0];
        let (left, right) = (&pairs.articles[pair.left], &pairs.articles[pair.right]);
        assert_eq!((left.path.as_str(), right.path.as_str()), ("a.md", "b.md"));
        assert_eq!(right.source.as_deref(), Some("Wire"));
        assert_eq!(left.date.as_deref(), Some("2025-10-07"));
        assert_eq!(left.line, 5);
        assert_eq!((pair.left_coverage, pair.right_coverage), (1.0, 1.0));
        assert_eq!(pair.passages.len(), 1);
        let p = pair.passages[0];
        let body_a = &corpus.articles[0].text[corpus.articles[0].body.range()];
        let body_b = &corpus.articles[1].text[corpus.articles[1].body.range()];
        // From the first word to the last (the final full stop is no word).
        let words = BODY.trim_end_matches('.');
        assert_eq!(&body_a[p.left.0 as usize..p.left.1 as usize], words);
        assert_eq!(&body_b[p.right.0 as usize..p.right.1 as usize], words);
        assert_eq!(
            pairs.groups[pair.group].members,
            vec![pair.left, pair.right]
        );
    }
}
