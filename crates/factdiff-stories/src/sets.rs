//! Disjoint sets of indices (union-find), for every step that links items into
//! groups: the story stage's near-copies, quote-drift's linked quotations, the story
//! evaluation's baseline.

/// Disjoint sets over `0..n`; each set's root is its lowest index, so the sets do not
/// depend on the order of the unions.
#[derive(Clone, Debug)]
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` sets of one index each.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    /// The root (lowest index) of the set that holds `x`.
    pub fn root(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        // Path compression: every index on the way points at the root.
        let mut y = x;
        while self.parent[y] != r {
            let next = self.parent[y];
            self.parent[y] = r;
            y = next;
        }
        r
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Each index's root, in index order.
    pub fn roots(mut self) -> Vec<usize> {
        (0..self.parent.len()).map(|i| self.root(i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::DisjointSets;

    #[test]
    fn roots_are_the_lowest_index_whatever_the_order() {
        let mut sets = DisjointSets::new(6);
        sets.union(4, 2);
        sets.union(5, 4);
        sets.union(3, 1);
        assert_eq!(sets.roots(), vec![0, 1, 2, 1, 2, 2]);
    }
}
