//! `cargo xtask eval msrp`: precision and recall of "paraphrase" on the MSRP training
//! and test pairs at each sentence-similarity threshold, and at the default
//! `near-threshold` (whose choice is explained in `OverlapConfig`). Also prints the
//! lowest threshold at which training precision reaches `--precision P` (default 0.85).

use anyhow::{Context, Result};
use factdiff_overlap::{OverlapConfig, sentence_similarity};

fn pairs(path: &std::path::Path) -> Result<Vec<(bool, f64)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() == 5).then(|| {
                (
                    cols[0].trim_start_matches('\u{feff}') == "1",
                    sentence_similarity(cols[3], cols[4]),
                )
            })
        })
        .collect())
}

fn precision_recall(pairs: &[(bool, f64)], threshold: f64) -> (f64, f64, usize) {
    let tp = pairs.iter().filter(|p| p.0 && p.1 >= threshold).count();
    let fp = pairs.iter().filter(|p| !p.0 && p.1 >= threshold).count();
    let pos = pairs.iter().filter(|p| p.0).count();
    (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / pos.max(1) as f64,
        tp + fp,
    )
}

pub fn run(args: &[String]) -> Result<()> {
    let target: f64 = match args {
        [flag, v] if flag == "--precision" => v.parse()?,
        _ => 0.85,
    };
    let dir = crate::util::data_dir()?.join("msrp");
    let train = pairs(&dir.join("msr_paraphrase_train.txt"))?;
    let test = pairs(&dir.join("msr_paraphrase_test.txt"))?;
    println!(
        "msrp: {} training pairs ({:.1}% paraphrases), {} test pairs",
        train.len(),
        100.0 * train.iter().filter(|p| p.0).count() as f64 / train.len() as f64,
        test.len()
    );
    println!("  threshold  train P / R        test P / R");
    let mut chosen = None;
    for step in 30..=90 {
        let t = step as f64 / 100.0;
        let (p, r, _) = precision_recall(&train, t);
        let (tp, tr, _) = precision_recall(&test, t);
        if step % 5 == 0 {
            println!("  {t:.2}       {p:.3} / {r:.3}      {tp:.3} / {tr:.3}");
        }
        if chosen.is_none() && p >= target {
            chosen = Some(t);
        }
    }
    let default = OverlapConfig::default().near_threshold;
    if let Some(t) = chosen {
        let (p, r, n) = precision_recall(&test, t);
        println!(
            "chosen on train for precision >= {target}: {t:.2}; on test: precision {p:.3}, recall {r:.3} ({n} pairs reported)"
        );
    } else {
        println!("no threshold reaches precision {target} on train");
    }
    let (p, r, n) = precision_recall(&test, default);
    println!(
        "default near-threshold {default:.2}: test precision {p:.3}, recall {r:.3} ({n} pairs reported)"
    );
    Ok(())
}
