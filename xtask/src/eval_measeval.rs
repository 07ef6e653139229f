//! `cargo xtask eval measeval [DIR]`: the quantity extractor against MeasEval gold.
//!
//! Reads the paragraphs of DIR (default `../shared/data/measeval/eval`, the test split:
//! `text/*.txt` and `tsv/*.tsv`), runs `factdiff_claims::extract` on each and compares
//! its quantity, money, percent and duration claims with the gold `Quantity` spans
//! (code-point offsets): extent precision, recall and F1, strict (same span) and
//! relaxed (overlapping). Paragraphs without a `.tsv` have no quantity: every claim
//! there is a false positive.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use factdiff_claims::{ClaimKind, Lexicons, extract};
use factdiff_corpus::{Corpus, Input};
use rayon::prelude::*;

use crate::util::data_dir;

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed_pred: usize,
    relaxed_gold: usize,
}

pub fn run(args: &[String]) -> Result<()> {
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let dir = match args.iter().find(|a| !a.starts_with('-')) {
        Some(d) => PathBuf::from(d),
        None => data_dir()?.join("measeval/eval"),
    };
    let text_dir = if dir.join("text").is_dir() {
        dir.join("text")
    } else {
        dir.join("txt")
    };
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    if texts.is_empty() {
        bail!("no paragraphs under `{}`", text_dir.display());
    }
    // Gold spans per document id, in code points.
    let mut gold: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for t in &texts {
        let id = t
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let tsv = dir.join("tsv").join(format!("{id}.tsv"));
        let mut spans = Vec::new();
        if let Ok(src) = std::fs::read_to_string(&tsv) {
            for line in src.lines().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() >= 5 && cols[2] == "Quantity" {
                    spans.push((cols[3].parse()?, cols[4].parse()?));
                }
            }
        }
        spans.sort_unstable();
        spans.dedup();
        gold.insert(id, spans);
    }
    let lex = Lexicons::builtin();
    let results: Vec<(Counts, Vec<String>)> = texts
        .par_iter()
        .map(|t| {
            let id = t
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(t).unwrap_or_default();
            let corpus = Corpus::from_inputs(vec![Input {
                path: format!("{id}.txt"),
                bytes: text.clone().into_bytes(),
            }]);
            let mut counts = Counts::default();
            let mut notes = Vec::new();
            let g = &gold[&id];
            counts.gold = g.len();
            let Some(article) = corpus.articles.first() else {
                return (counts, notes);
            };
            // Byte offset -> code point offset.
            let mut cp = vec![0usize; article.text.len() + 1];
            let mut n = 0;
            for (b, ch) in article.text.char_indices() {
                cp[b..b + ch.len_utf8()].fill(n);
                n += 1;
            }
            cp[article.text.len()] = n;
            let preds: Vec<(usize, usize)> = extract(article, &lex)
                .into_iter()
                .filter(|c| {
                    matches!(
                        c.kind,
                        ClaimKind::Quantity
                            | ClaimKind::Money
                            | ClaimKind::Percent
                            | ClaimKind::Duration
                    )
                })
                .map(|c| (cp[c.span.start as usize], cp[c.span.end as usize]))
                .collect();
            let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
            let chars: Vec<char> = article.text.chars().collect();
            let show = |s: (usize, usize)| {
                chars[s.0.min(chars.len())..s.1.min(chars.len())]
                    .iter()
                    .collect::<String>()
            };
            counts.predicted = preds.len();
            for p in &preds {
                if g.contains(p) {
                    counts.strict += 1;
                }
                if g.iter().any(|x| overlaps(*p, *x)) {
                    counts.relaxed_pred += 1;
                } else {
                    notes.push(format!("{id}: false  {:?}", show(*p)));
                }
            }
            for x in g {
                if preds.iter().any(|p| overlaps(*p, *x)) {
                    counts.relaxed_gold += 1;
                } else {
                    notes.push(format!("{id}: missed {:?}", show(*x)));
                }
            }
            (counts, notes)
        })
        .collect();
    let mut t = Counts::default();
    for (c, _) in &results {
        t.gold += c.gold;
        t.predicted += c.predicted;
        t.strict += c.strict;
        t.relaxed_pred += c.relaxed_pred;
        t.relaxed_gold += c.relaxed_gold;
    }
    let prf = |tp_p: usize, tp_g: usize| {
        let p = if t.predicted == 0 {
            0.0
        } else {
            tp_p as f64 / t.predicted as f64
        };
        let r = if t.gold == 0 {
            0.0
        } else {
            tp_g as f64 / t.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    };
    let (sp, sr, sf) = prf(t.strict, t.strict);
    let (rp, rr, rf) = prf(t.relaxed_pred, t.relaxed_gold);
    println!(
        "MeasEval {}: {} paragraphs, {} gold quantities, {} predicted",
        dir.display(),
        texts.len(),
        t.gold,
        t.predicted
    );
    println!("  strict extent   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!("  relaxed extent  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    if verbose {
        for (_, notes) in &results {
            for n in notes {
                println!("{n}");
            }
        }
    }
    Ok(())
}
