//! `cargo xtask bench corpus [--repeat N]`: load and segment the Reuters JSONL corpus
//! (paragraphs, sentences and every word), report MB/s and peak memory.

use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::util::{mib, peak_rss};

pub fn run(args: &[String]) -> Result<()> {
    let repeat: usize = match args {
        [flag, n] if flag == "--repeat" => n.parse()?,
        _ => 5,
    };
    let path = crate::corpus::reuters()?;
    let bytes = std::fs::metadata(&path)?.len();
    let mut best = f64::MAX;
    let mut best_load = f64::MAX;
    let mut summary = (0, 0, 0, 0);
    for _ in 0..repeat {
        let start = Instant::now();
        let corpus = crate::util::load_file(&path)?;
        best_load = best_load.min(start.elapsed().as_secs_f64());
        let words: usize = corpus.articles.par_iter().map(|a| a.word_count()).sum();
        let secs = start.elapsed().as_secs_f64();
        best = best.min(secs);
        summary = (
            corpus.articles.len(),
            corpus
                .articles
                .iter()
                .map(|a| a.sentences.len())
                .sum::<usize>(),
            words,
            corpus.text_bytes(),
        );
    }
    let (articles, sentences, words, text_bytes) = summary;
    println!(
        "corpus: {} ({:.1} MB file, {:.1} MB text)",
        path.display(),
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    println!("articles {articles}, sentences {sentences}, words {words}");
    println!(
        "threads {}, best of {repeat}: {:.3} s, {:.1} MB/s (read, decode, parse, paragraphs and sentences {:.3} s; words {:.3} s)",
        rayon::current_num_threads(),
        best,
        bytes as f64 / 1e6 / best,
        best_load,
        best - best_load
    );
    if let Some(peak) = peak_rss() {
        println!("peak memory {}", mib(peak));
    }
    Ok(())
}
