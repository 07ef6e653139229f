//! `cargo xtask eval reuters-dups`: Reuters-21578 holds stories published twice with
//! the same body, and same-title updates with edited bodies. Reports how many of the
//! exact-duplicate pairs `factdiff_overlap::detect` links (all should), and a sample of
//! the same-title, different-body pairs with what was found, for a person to judge.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::Result;
use factdiff_overlap::{OverlapConfig, compare, detect};

use crate::overlap_links::links;

pub fn run(_args: &[String]) -> Result<()> {
    let path = crate::corpus::reuters()?;
    let corpus = crate::util::load_file(&path)?;
    let config = OverlapConfig::default();
    let start = Instant::now();
    let findings = detect(&corpus, &config);
    let secs = start.elapsed().as_secs_f64();
    let mut links = links(&corpus, &findings);
    // Exact duplicates: the same body, white space aside.
    let mut by_body: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (idx, a) in corpus.articles.iter().enumerate() {
        let body: Vec<&str> = a.slice(a.body).split_whitespace().collect();
        if body.is_empty() {
            continue;
        }
        by_body.entry(body.join(" ")).or_default().push(idx);
        if !a.meta.title.is_empty() {
            by_title.entry(a.meta.title.clone()).or_default().push(idx);
        }
    }
    let (mut pairs, mut found) = (0usize, 0usize);
    let mut missed: Vec<(usize, usize)> = Vec::new();
    for group in by_body.values().filter(|g| g.len() > 1) {
        for x in 0..group.len() {
            for y in x + 1..group.len() {
                pairs += 1;
                if links.linked(group[x], group[y]) {
                    found += 1;
                } else {
                    missed.push((group[x], group[y]));
                }
            }
        }
    }
    let kinds = |k: &str| {
        findings
            .iter()
            .filter(|f| f.details.overlap().map(|o| o.kind.as_str()) == Some(k))
            .count()
    };
    println!(
        "reuters: {} articles, overlap in {secs:.2} s: {} findings ({} exact, {} near, {} cluster, {} boilerplate)",
        corpus.articles.len(),
        findings.len(),
        kinds("exact"),
        kinds("near"),
        kinds("cluster"),
        kinds("boilerplate")
    );
    println!(
        "exact-duplicate pairs (same body): {pairs}; linked by an overlap: {found} (recall {:.4})",
        found as f64 / pairs.max(1) as f64
    );
    for &(x, y) in missed.iter().take(10) {
        let a = &corpus.articles[x];
        println!(
            "  missed: line {} and line {} ({} words): {:?}",
            a.record_line.unwrap_or(0),
            corpus.articles[y].record_line.unwrap_or(0),
            a.body_words().count(),
            a.slice(a.body).chars().take(80).collect::<String>()
        );
    }
    // Same title, different body: a sample to judge.
    let mut near_pairs = Vec::new();
    for group in by_title.values().filter(|g| g.len() == 2) {
        let (x, y) = (group[0], group[1]);
        let (a, b) = (&corpus.articles[x], &corpus.articles[y]);
        if a.slice(a.body)
            .split_whitespace()
            .eq(b.slice(b.body).split_whitespace())
        {
            continue;
        }
        near_pairs.push((x, y));
    }
    let n_linked = near_pairs
        .iter()
        .filter(|&&(x, y)| links.linked(x, y))
        .count();
    println!(
        "same title, different body: {} pairs, {} linked by an overlap; every 40th for a person to judge:",
        near_pairs.len(),
        n_linked
    );
    for &(x, y) in near_pairs.iter().step_by(40).take(12) {
        let (a, b) = (&corpus.articles[x], &corpus.articles[y]);
        let c = compare(a.slice(a.body), b.slice(b.body), &config);
        println!(
            "  {:<5} lines {}/{} {:?}: similarity {:.2}, containment {:.2}/{:.2}",
            if links.linked(x, y) { "found" } else { "not" },
            a.record_line.unwrap_or(0),
            b.record_line.unwrap_or(0),
            a.meta.title,
            c.similarity,
            c.containment_a,
            c.containment_b
        );
    }
    Ok(())
}
