//! Which of the articles that repeat one another is the likely original: one rule,
//! read by the overlap engine's clusters (`check`) and by the story view's relations
//! (`stories`), so that both name the same article.

use std::cmp::Reverse;

use jiff::civil::Date;

use crate::Article;

/// The rank of an article among articles that repeat one another: the smallest is
/// the likely original. Dated articles come before undated ones, then the earlier
/// date (the one published first), then the longer body in words (of a teaser and
/// the report it is cut from, out the same day, the report), then the path and
/// record (the corpus order), so that the choice never depends on the input order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OriginalRank<'a> {
    undated: bool,
    date: Option<Date>,
    longer: Reverse<usize>,
    path: &'a str,
    record: u32,
}

impl<'a> OriginalRank<'a> {
    /// The rank of an article given by its parts: its date, the words of its body,
    /// its path and its record line (0 for a whole file).
    pub fn new(date: Option<Date>, words: usize, path: &'a str, record: u32) -> Self {
        OriginalRank {
            undated: date.is_none(),
            date,
            longer: Reverse(words),
            path,
            record,
        }
    }

    /// The rank of `article`, whose body has `words` words (as the overlap engine
    /// counts them).
    pub fn of(article: &'a Article, words: usize) -> Self {
        Self::new(
            article.meta.date,
            words,
            &article.path,
            article.record_line.unwrap_or(0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn the_earliest_then_the_longest_then_the_path() {
        let mut ranks = [
            OriginalRank::new(None, 900, "a.md", 0),
            OriginalRank::new(date("2025-10-07"), 100, "b.md", 0),
            OriginalRank::new(date("2025-10-06"), 50, "z.md", 0),
            OriginalRank::new(date("2025-10-07"), 300, "c.md", 0),
            OriginalRank::new(date("2025-10-07"), 300, "b.md", 2),
        ];
        ranks.sort();
        let order: Vec<(&str, u32)> = ranks.iter().map(|r| (r.path, r.record)).collect();
        assert_eq!(
            order,
            [
                ("z.md", 0),
                ("b.md", 2),
                ("c.md", 0),
                ("b.md", 0),
                ("a.md", 0)
            ]
        );
    }
}
