//! Who is the original: how the articles of a story stand to each other, from the
//! share of each article's text that the overlap engine found inside passages shared
//! with another (its containment) and the articles' dates.
//!
//! - An article most of whose words (`COPY`, 0.8, the overlap engine's
//!   `cluster-containment` default) are another's is a **copy** of it; a large share
//!   (`REWRITE`, 0.3) makes a **rewrite**; else it is an **independent** report.
//! - The **original** is the first by [`OriginalRank`] among the articles that others
//!   repeat: the earliest dated, then the longer text, then the path; undated
//!   articles come after dated ones. It is the rule the overlap engine's clusters
//!   read, so that `check` and `stories` name the same article.
//! - Each copy or rewrite names the article it repeats most of (`of`) among those
//!   ranked before it: the original when that holds the most of it, else an earlier
//!   member it is closer to. A later article is never what an earlier one copies.
//!
//! Deterministic: only containments, dates, word counts and the articles' order in.

use factdiff_corpus::{Corpus, OriginalRank};
use factdiff_findings::Relation;
use rayon::prelude::*;

use crate::Stories;

/// A copy holds at least this share of its words in passages shared with another.
pub const COPY: f64 = 0.8;
/// A rewrite holds at least this share.
pub const REWRITE: f64 = 0.3;

/// One article of a story, as relations need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The article's date, if it has one.
    pub date: Option<jiff::civil::Date>,
    /// Words of its body.
    pub words: usize,
    /// Its path.
    pub path: String,
    /// Its record line (0 for a whole file).
    pub record: u32,
}

impl Member {
    fn rank(&self) -> OriginalRank<'_> {
        OriginalRank::new(self.date, self.words, &self.path, self.record)
    }
}

/// How each member stands: its relation, and for a copy or rewrite the member it
/// repeats (an index into `members`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Related {
    /// The relation.
    pub relation: Relation,
    /// For a copy or rewrite: the member it repeats.
    pub of: Option<usize>,
}

/// The relations of a story's members. `containment(i, j)` is the share of member
/// `i`'s words inside passages shared with member `j` (0 when they share none).
/// Returns the order to list the members in (the original first, then by date, path)
/// and each member's relation, indexed like `members`.
pub fn relate(
    members: &[Member],
    containment: impl Fn(usize, usize) -> f64,
) -> (Vec<usize>, Vec<Related>) {
    let n = members.len();
    // containment[i][j], computed once.
    let share: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| if i == j { 0.0 } else { containment(i, j) })
                .collect()
        })
        .collect();
    // Members linked by a copy or rewrite edge, as components (union-find).
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, row) in share.iter().enumerate() {
        for (j, &s) in row.iter().enumerate() {
            if i != j && s >= REWRITE {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    // Chronological order: dated first by date, then the longer text, then the path.
    let chrono = |i: usize| members[i].rank();
    let mut related = vec![
        Related {
            relation: Relation::Independent,
            of: None,
        };
        n
    ];
    let mut originals: Vec<usize> = Vec::new();
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut components: Vec<Vec<usize>> = Vec::new();
    for root in 0..n {
        let comp: Vec<usize> = (0..n).filter(|&i| roots[i] == root).collect();
        if comp.len() >= 2 {
            components.push(comp);
        }
    }
    for comp in &components {
        let Some(&original) = comp.iter().min_by_key(|&&i| chrono(i)) else {
            continue;
        };
        originals.push(original);
        related[original].relation = Relation::Original;
        for &i in comp {
            if i == original {
                continue;
            }
            // The member it repeats most of, among those before it (a copy repeats
            // what came out first, never a later article): the original on a tie,
            // then the earlier.
            let best = comp
                .iter()
                .copied()
                .filter(|&j| j != i && chrono(j) < chrono(i))
                .max_by(|&a, &b| {
                    // `Greater` prefers `a`: the larger share, then the original,
                    // then the earlier.
                    share[i][a]
                        .total_cmp(&share[i][b])
                        .then_with(|| (a == original).cmp(&(b == original)))
                        .then_with(|| chrono(b).cmp(&chrono(a)))
                })
                .unwrap_or(original);
            let s = share[i][best];
            related[i] = if s >= COPY {
                Related {
                    relation: Relation::Copy,
                    of: Some(best),
                }
            } else if s >= REWRITE {
                Related {
                    relation: Relation::Rewrite,
                    of: Some(best),
                }
            } else {
                // Linked only because others repeat it: it repeats no one much.
                Related {
                    relation: Relation::Independent,
                    of: None,
                }
            };
        }
    }
    // An original whose component kept no copy or rewrite is independent, and an
    // article that others repeat but that repeats no earlier one is an original too
    // (a brief came out first, a longer report followed it and was republished).
    for &o in &originals {
        if !related.iter().any(|r| r.of == Some(o)) {
            related[o].relation = Relation::Independent;
        }
    }
    for i in 0..n {
        if related[i].relation == Relation::Independent && related.iter().any(|r| r.of == Some(i)) {
            related[i].relation = Relation::Original;
        }
    }
    // List order: the earliest original first, then the rest by date and path.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (related[i].relation != Relation::Original, chrono(i)));
    (order, related)
}

/// Orders every story's articles (the likely original first, then by date and path)
/// and sets their relations. `containments(members)` gives, for a story's members
/// (indices in the corpus), `share[i][j]`: the share of `members[i]`'s words inside
/// passages shared with `members[j]`; `words(a)` the words of article `a`'s body: the
/// overlap engine's (asked once per story, so that it can prepare each member once for
/// all its pairs). The facts' values follow their articles.
pub fn fill_relations(
    stories: &mut Stories,
    corpus: &Corpus,
    containments: impl Fn(&[usize]) -> Vec<Vec<f64>> + Sync,
    words: impl Fn(usize) -> usize + Sync,
) {
    stories
        .stories
        .par_iter_mut()
        .zip(stories.members.par_iter_mut())
        .for_each(|(story, list)| {
            if list.len() != story.articles.len() {
                return;
            }
            let members: Vec<Member> = list
                .iter()
                .map(|&m| {
                    let article = &corpus.articles[m];
                    Member {
                        date: article.meta.date,
                        words: words(m),
                        path: article.path.to_string(),
                        record: article.record_line.unwrap_or(0),
                    }
                })
                .collect();
            let share = containments(list);
            let (order, related) = relate(&members, |i, j| share[i][j]);
            // New position of each old index.
            let mut at = vec![0usize; order.len()];
            for (pos, &old) in order.iter().enumerate() {
                at[old] = pos;
            }
            story.articles = order
                .iter()
                .map(|&old| {
                    let mut a = story.articles[old].clone();
                    a.relation = related[old].relation;
                    a.of = related[old].of.map(|j| at[j]);
                    a
                })
                .collect();
            *list = order.iter().map(|&old| list[old]).collect();
            for fact in &mut story.facts {
                for v in &mut fact.values {
                    v.article = at[v.article];
                }
                fact.values.sort_by_key(|v| v.article);
            }
            // The title is the original's when it has one.
            if let Some(title) = story
                .articles
                .iter()
                .find(|a| a.relation == Relation::Original)
                .and_then(|a| a.title.as_deref())
                .filter(|t| !t.trim().is_empty())
            {
                story.title = title.trim().to_owned();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(date: Option<&str>, words: usize, path: &str) -> Member {
        Member {
            date: date.map(|d| d.parse().unwrap()),
            words,
            path: path.to_owned(),
            record: 0,
        }
    }

    #[test]
    fn the_earliest_full_text_is_the_original_and_copies_name_it() {
        // 0: the original (earliest), 1: a copy of it, 2: a rewrite, 3: independent.
        let members = [
            member(Some("2025-10-08"), 300, "c.md"),
            member(Some("2025-10-07"), 300, "a.md"),
            member(Some("2025-10-09"), 200, "b.md"),
            member(Some("2025-10-06"), 250, "d.md"),
        ];
        let table = [
            [0.0, 0.95, 0.4, 0.0],
            [0.95, 0.0, 0.35, 0.0],
            [0.6, 0.5, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
        ];
        let (order, rel) = relate(&members, |i, j| table[i][j]);
        assert_eq!(rel[1].relation, Relation::Original);
        assert_eq!(
            rel[0],
            Related {
                relation: Relation::Copy,
                of: Some(1)
            }
        );
        assert_eq!(
            rel[2],
            Related {
                relation: Relation::Rewrite,
                of: Some(0)
            }
        );
        assert_eq!(rel[3].relation, Relation::Independent);
        assert_eq!(order, vec![1, 3, 0, 2]);
    }

    #[test]
    fn a_teaser_out_the_same_day_as_its_report_is_a_copy_of_it() {
        let members = [
            member(Some("2025-10-07"), 60, "brief.md"),
            member(Some("2025-10-07"), 400, "full.md"),
        ];
        let table = [[0.0, 0.9], [0.14, 0.0]];
        let (order, rel) = relate(&members, |i, j| table[i][j]);
        assert_eq!(rel[1].relation, Relation::Original);
        assert_eq!(rel[0].relation, Relation::Copy);
        assert_eq!(rel[0].of, Some(1));
        assert_eq!(order, vec![1, 0]);
    }

    #[test]
    fn a_later_copy_that_adds_a_line_is_not_the_original() {
        // The republisher's copy holds all of the original and a credit line more.
        let members = [
            member(Some("2025-10-08"), 320, "copy.md"),
            member(Some("2025-10-07"), 300, "wire.md"),
        ];
        let table = [[0.0, 0.94], [1.0, 0.0]];
        let (order, rel) = relate(&members, |i, j| table[i][j]);
        assert_eq!(rel[1].relation, Relation::Original);
        assert_eq!(rel[0].relation, Relation::Copy);
        assert_eq!(rel[0].of, Some(1));
        assert_eq!(order, vec![1, 0]);
    }

    #[test]
    fn a_brief_out_first_is_not_what_a_later_report_copies() {
        // 0: a brief out first; 1: the report that followed, holding the brief;
        // 2: a copy of the report. The copy names the report, never the other way.
        let members = [
            member(Some("2025-10-06"), 60, "brief.md"),
            member(Some("2025-10-07"), 400, "report.md"),
            member(Some("2025-10-08"), 400, "copy.md"),
        ];
        let table = [[0.0, 0.9, 0.9], [0.14, 0.0, 0.95], [0.14, 0.95, 0.0]];
        let (order, rel) = relate(&members, |i, j| table[i][j]);
        assert_eq!(rel[0].relation, Relation::Independent);
        assert_eq!(rel[1].relation, Relation::Original);
        assert_eq!(
            rel[2],
            Related {
                relation: Relation::Copy,
                of: Some(1)
            }
        );
        assert_eq!(order, vec![1, 0, 2]);
    }

    #[test]
    fn undated_come_after_dated_and_unrelated_stay_independent() {
        let members = [
            member(None, 300, "a.md"),
            member(Some("2025-10-07"), 300, "b.md"),
            member(Some("2025-10-05"), 300, "c.md"),
        ];
        let table = [[0.0, 0.9, 0.0], [0.9, 0.0, 0.0], [0.0, 0.0, 0.0]];
        let (order, rel) = relate(&members, |i, j| table[i][j]);
        assert_eq!(rel[1].relation, Relation::Original);
        assert_eq!(rel[0].relation, Relation::Copy);
        assert_eq!(rel[2].relation, Relation::Independent);
        assert_eq!(order, vec![1, 2, 0]);
    }
}
