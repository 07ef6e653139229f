//! Shared by the overlap evaluations and benchmark: which articles the overlap
//! findings link.

use std::collections::HashMap;

use factdiff_corpus::Corpus;
use factdiff_findings::Finding;

/// Union-find over article indices.
pub struct Links(Vec<usize>);

impl Links {
    pub fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut c = x;
        while self.0[c] != r {
            let n = self.0[c];
            self.0[c] = r;
            c = n;
        }
        r
    }
    fn union(&mut self, x: usize, y: usize) {
        let (a, b) = (self.find(x), self.find(y));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
    pub fn linked(&mut self, x: usize, y: usize) -> bool {
        self.find(x) == self.find(y)
    }
}

/// Article index by (path, line of its record).
pub fn article_index(corpus: &Corpus) -> HashMap<(String, u32), usize> {
    corpus
        .articles
        .iter()
        .enumerate()
        .map(|(idx, a)| ((a.path.to_string(), a.record_line.unwrap_or(1)), idx))
        .collect()
}

/// Articles linked by clusters or by cross-article passages of at least `min_share`
/// of the smaller article (0 for any passage).
pub fn links(corpus: &Corpus, findings: &[Finding]) -> Links {
    let index = article_index(corpus);
    let mut links = Links((0..corpus.articles.len()).collect());
    for f in findings {
        let kind = f.details.overlap().map_or("", |o| o.kind.as_str());
        if kind == "boilerplate" {
            continue;
        }
        let ids: Vec<usize> = f
            .locations
            .iter()
            .filter_map(|l| index.get(&(l.path.clone(), l.line)).copied())
            .collect();
        for w in ids.windows(2) {
            links.union(w[0], w[1]);
        }
    }
    links
}
