//! `cargo xtask eval clough`: how well the overlap similarity separates reuse from
//! non-reuse on the Clough–Stevenson corpus of short answers (cut, light, heavy, non
//! against their Wikipedia source). Score: the share of the answer's words inside
//! passages shared with the source (`factdiff_overlap::compare`, containment of the
//! answer), and the word-level similarity beside it. Prints ROC AUC of cut+light+heavy
//! against non and the mean per class.

use anyhow::{Context, Result};
use factdiff_overlap::{OverlapConfig, compare};

/// ROC AUC: the chance that a positive scores above a negative (ties count half).
pub fn auc(pos: &[f64], neg: &[f64]) -> f64 {
    let mut wins = 0.0;
    for &p in pos {
        for &n in neg {
            wins += if p > n {
                1.0
            } else if p == n {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()).max(1) as f64
}

pub fn run(_args: &[String]) -> Result<()> {
    let dir = crate::util::data_dir()?.join("clough-stevenson-plagiarism");
    let info = std::fs::read_to_string(dir.join("file_information.csv"))
        .context("reading file_information.csv")?;
    let read = |name: &str| -> Result<String> {
        let bytes = std::fs::read(dir.join("texts").join(name))
            .with_context(|| format!("reading {name}"))?;
        Ok(String::from_utf8_lossy(&bytes)
            .trim_start_matches('\u{feff}')
            .to_owned())
    };
    let config = OverlapConfig::default();
    let classes = ["cut", "light", "heavy", "non"];
    let mut scores: Vec<(String, f64, f64)> = Vec::new();
    for line in info.lines().skip(1) {
        let cols: Vec<&str> = line.trim().split(',').collect();
        let [file, task, class] = cols[..] else {
            continue;
        };
        if !classes.contains(&class) {
            continue;
        }
        let answer = read(file)?;
        let source = read(&format!("orig_task{task}.txt"))?;
        let c = compare(&answer, &source, &config);
        scores.push((class.to_owned(), c.containment_a, c.similarity));
    }
    println!("clough-stevenson: {} answers", scores.len());
    for (name, pick) in [
        ("containment of the answer", 0usize),
        ("word similarity", 1usize),
    ] {
        let value = |s: &(String, f64, f64)| if pick == 0 { s.1 } else { s.2 };
        let pos: Vec<f64> = scores.iter().filter(|s| s.0 != "non").map(value).collect();
        let neg: Vec<f64> = scores.iter().filter(|s| s.0 == "non").map(value).collect();
        let means: Vec<String> = classes
            .iter()
            .map(|c| {
                let v: Vec<f64> = scores.iter().filter(|s| s.0 == *c).map(value).collect();
                format!(
                    "{c} {:.3} (n={})",
                    v.iter().sum::<f64>() / v.len().max(1) as f64,
                    v.len()
                )
            })
            .collect();
        println!(
            "  {name}: AUC (cut+light+heavy vs non) {:.3}; mean {}",
            auc(&pos, &neg),
            means.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn auc_of_separated_and_tied_scores() {
        assert_eq!(super::auc(&[0.9, 0.8], &[0.1, 0.2]), 1.0);
        assert_eq!(super::auc(&[0.5], &[0.5]), 0.5);
    }
}
