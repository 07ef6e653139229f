//! `cargo xtask gen-corpus [FACTOR...]`: near-duplicate corpora made from the Reuters
//! JSONL, for the overlap benchmark and the scale benchmarks.
//!
//! `target/xtask/reuters-x{N}.jsonl` holds every Reuters story once, followed by
//! `N - 1` copies of each, with about 5% of the words edited (a third substituted by
//! another word of the same story, a third deleted, a third with a word inserted), by a
//! fixed-seed generator: the same bytes on every run. A copy's `id` is the story's id
//! with `-c1`, `-c2`, ... appended, so every copy is a planted near-duplicate of its
//! story.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

/// Share of words edited in a copy.
pub const EDIT_RATE: f64 = 0.05;

/// SplitMix64: small, fast and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A copy of `text` with about `EDIT_RATE` of its words edited. Line breaks are kept.
pub fn edit(text: &str, rng: &mut Rng) -> String {
    edit_at(text, rng, EDIT_RATE)
}

/// A copy of `text` with about `rate` of its words edited (a third substituted by
/// another word of the text, a third deleted, a third followed by an inserted word).
pub fn edit_at(text: &str, rng: &mut Rng, rate: f64) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut col = 0;
    for word in &words {
        let mut push = |w: &str, out: &mut String| {
            if !out.is_empty() {
                if col > 60 {
                    out.push('\n');
                    col = 0;
                } else {
                    out.push(' ');
                }
            }
            out.push_str(w);
            col += w.len() + 1;
        };
        if rng.unit() < rate {
            match rng.below(3) {
                0 => push(words[rng.below(words.len())], &mut out),
                1 => {}
                _ => {
                    push(word, &mut out);
                    push(words[rng.below(words.len())], &mut out);
                }
            }
        } else {
            push(word, &mut out);
        }
    }
    out
}

/// Writes `reuters-x{factor}.jsonl` (if not there yet) and returns its path.
pub fn generate(factor: usize) -> Result<PathBuf> {
    let source = crate::corpus::reuters()?;
    let out_path = crate::util::out_dir()?.join(format!("reuters-x{factor}.jsonl"));
    if factor <= 1 {
        return Ok(source);
    }
    if out_path.is_file() {
        return Ok(out_path);
    }
    let lines: Vec<String> = std::io::BufReader::new(std::fs::File::open(&source)?)
        .lines()
        .collect::<Result<_, _>>()?;
    let tmp = out_path.with_extension("jsonl.tmp");
    let mut out = BufWriter::new(std::fs::File::create(&tmp)?);
    for line in &lines {
        writeln!(out, "{line}")?;
    }
    let mut rng = Rng::new(0x5eed_0000 + factor as u64);
    for copy in 1..factor {
        for line in &lines {
            let mut record: serde_json::Value =
                serde_json::from_str(line).context("parsing the Reuters JSONL")?;
            let text = record["text"].as_str().unwrap_or_default().to_owned();
            record["text"] = edit(&text, &mut rng).into();
            let id = record["id"].as_str().unwrap_or_default().to_owned();
            record["id"] = format!("{id}-c{copy}").into();
            writeln!(out, "{}", serde_json::to_string(&record)?)?;
        }
    }
    out.flush()?;
    drop(out);
    std::fs::rename(&tmp, &out_path)?;
    Ok(out_path)
}

pub fn run(args: &[String]) -> Result<()> {
    let factors: Vec<usize> = if args.is_empty() {
        vec![4, 16]
    } else {
        args.iter()
            .map(|a| a.parse().context("factors are whole numbers"))
            .collect::<Result<_>>()?
    };
    for factor in factors {
        let path = generate(factor)?;
        let bytes = std::fs::metadata(&path)?.len();
        println!("{} ({:.1} MB)", path.display(), bytes as f64 / 1e6);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_fixed_and_close() {
        let text = (0..2000)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let a = edit(&text, &mut Rng::new(1));
        assert_eq!(a, edit(&text, &mut Rng::new(1)));
        assert_ne!(a, text);
        let n = a.split_whitespace().count();
        assert!((1900..=2100).contains(&n), "{n}");
        let same = a
            .split_whitespace()
            .zip(text.split_whitespace())
            .filter(|(x, y)| x == y)
            .count();
        assert!(same < 1990, "{same}");
    }
}
