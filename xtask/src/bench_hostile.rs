//! `cargo xtask bench hostile [--max MB]`: the pathological inputs of docs/bad-input.md,
//! each at two sizes a factor of 10 apart, through `factdiff_pipeline` (the corpus
//! load, then `analyse`: claims, rules, overlap), in release mode, one process per run
//! (`bench hostile-run DIR`) so that its peak memory is its own. Fails when the big
//! size takes more than [`MAX_RATIO`] times the small one: a linear run takes about
//! 10 times as long, a quadratic one 100 times.
//!
//! The inputs are written under `target/xtask/hostile/` (once; a marker file says a
//! folder is complete) and never into the repository. `--max MB` sets the big size of
//! the one-line article (default 100 MB, the row of docs/bad-input.md); the other
//! inputs scale with it from their sizes in that table (1,000,000 words, 10,000
//! paragraphs, 100,000 files, a 1 MB quote at `--max 100`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::util::{out_dir, peak_rss};

/// The time ratio between the two sizes above which the bench fails.
pub const MAX_RATIO: f64 = 12.0;

/// The default big size of the one-line article, in MB.
const DEFAULT_MAX_MB: f64 = 100.0;

/// Small runs are repeated and the fastest kept: a run of a few tens of milliseconds
/// is mostly noise on a shared machine, and the ratio is taken against it.
const SMALL_RUNS: usize = 3;

/// One pathological input: its name, what it is, and how to write it at `scale` (1.0
/// is the size of docs/bad-input.md's table).
struct Case {
    name: &'static str,
    what: &'static str,
    write: fn(&Path, f64) -> Result<()>,
}

const CASES: &[Case] = &[
    Case {
        name: "line",
        what: "one line of 100 MB, one sentence (no full stop) of figures and dates",
        write: write_line,
    },
    Case {
        name: "words",
        what: "`a a a ...`: 1,000,000 words, in two files",
        write: write_words,
    },
    Case {
        name: "paragraphs",
        what: "one paragraph repeated 10,000 times, in three files",
        write: write_paragraphs,
    },
    Case {
        name: "files",
        what: "100,000 tiny files (one sentence each)",
        write: write_files,
    },
    Case {
        name: "quote",
        what: "1 MB between quotation marks, and 1 MB after a mark that never closes",
        write: write_quote,
    },
];

/// A clause of figures and dates with future words in it, repeated without a sentence
/// end: every date of the line is in one sentence (the input that was quadratic when
/// the sentence was scanned for future words once per date).
fn write_line(dir: &Path, scale: f64) -> Result<()> {
    let clause = "the council will meet for 3 hours on Monday, 12 March 2024 and said 40 \
                  people had come in April, expected 5% more next year and $2 million, ";
    let bytes = (100e6 * scale) as usize;
    let mut text = clause.repeat(bytes / clause.len() + 1);
    text.truncate(bytes);
    // End on a word boundary.
    let end = text.rfind(' ').unwrap_or(text.len());
    text.truncate(end);
    text.push('\n');
    std::fs::write(dir.join("one-line.txt"), text)?;
    Ok(())
}

fn write_words(dir: &Path, scale: f64) -> Result<()> {
    let text = "a ".repeat((1e6 * scale) as usize);
    std::fs::write(dir.join("a1.txt"), &text)?;
    std::fs::write(dir.join("a2.txt"), &text)?;
    Ok(())
}

fn write_paragraphs(dir: &Path, scale: f64) -> Result<()> {
    // The first word never appears in lower case (the names extractor's slow case
    // once).
    let paragraph = "Rescuers reached the flooded villages north of the river on Tuesday, \
                     officials said, and more rescue boats were on their way.\n\n";
    let text = paragraph.repeat((1e4 * scale) as usize);
    for name in ["r1.txt", "r2.txt", "r3.txt"] {
        std::fs::write(dir.join(name), &text)?;
    }
    Ok(())
}

fn write_files(dir: &Path, scale: f64) -> Result<()> {
    for i in 0..(1e5 * scale) as usize {
        let sub = dir.join(format!("tiny/{:03}", i % 500));
        if i < 500 {
            std::fs::create_dir_all(&sub)?;
        }
        std::fs::write(sub.join(format!("{i}.txt")), format!("Note {i}.\n"))?;
    }
    Ok(())
}

fn write_quote(dir: &Path, scale: f64) -> Result<()> {
    let clause = "we will rebuild every house and every school in the valley ";
    let words = clause.repeat((1e6 * scale) as usize / clause.len());
    std::fs::write(
        dir.join("quote.txt"),
        format!("The mayor said: \u{201c}{words}\u{201d} Then 3 people left.\n"),
    )?;
    std::fs::write(
        dir.join("open.txt"),
        format!("An opening mark that never closes: \u{201c}{words}\n"),
    )?;
    Ok(())
}

/// The folder of one case at one scale, written if it is not complete.
fn input(case: &Case, scale: f64) -> Result<PathBuf> {
    let dir = out_dir()?
        .join("hostile")
        .join(format!("{}-{}", case.name, scale_name(scale)));
    let done = dir.join(".complete");
    if !done.is_file() {
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        (case.write)(&dir, scale).with_context(|| format!("writing {}", dir.display()))?;
        // The marker is not an article: a dot file, left out by the walk.
        std::fs::write(&done, "")?;
    }
    Ok(dir)
}

fn scale_name(scale: f64) -> String {
    format!("{:.0}ppm", scale * 1e6)
}

/// The worker: loads the folder and runs the analysis; prints one JSON line.
pub fn run_one(args: &[String]) -> Result<()> {
    let [dir] = args else {
        bail!("usage: cargo xtask bench hostile-run DIR")
    };
    let dir = PathBuf::from(dir);
    let start = Instant::now();
    let options = factdiff_corpus::LoadOptions {
        cwd: dir.clone(),
        exclude: Vec::new(),
    };
    let corpus = factdiff_corpus::load(std::slice::from_ref(&dir), &options)?;
    let load_secs = start.elapsed().as_secs_f64();
    let engines = factdiff_pipeline::Engines::builtin();
    let analysis = factdiff_pipeline::analyse(&corpus, &engines);
    println!(
        "{}",
        json!({
            "articles": corpus.articles.len(),
            "problems": corpus.problems.len(),
            "text_bytes": corpus.text_bytes(),
            "claims": analysis.claims,
            "findings": analysis.findings.len(),
            "load_secs": load_secs,
            "secs": start.elapsed().as_secs_f64(),
            "peak_rss": peak_rss().unwrap_or(0),
        })
    );
    Ok(())
}

fn measure(exe: &Path, dir: &Path) -> Result<Value> {
    let out = Command::new(exe)
        .args(["bench", "hostile-run"])
        .arg(dir)
        .output()?;
    if !out.status.success() {
        bail!(
            "the run on `{}` failed ({}): {}",
            dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .context("the worker printed no result")?;
    Ok(serde_json::from_str(line)?)
}

pub fn run(args: &[String]) -> Result<()> {
    let mut max_mb = DEFAULT_MAX_MB;
    let mut only: Vec<String> = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--max" => {
                max_mb = rest
                    .next()
                    .context("--max takes the big size of the one-line article in MB, such as 100")?
                    .parse()
                    .context("--max takes a number of MB, such as 100")?;
                if max_mb.is_nan() || max_mb <= 0.0 {
                    bail!("--max must be more than 0 MB");
                }
            }
            name if CASES.iter().any(|c| c.name == name) => only.push(name.to_owned()),
            other => bail!(
                "unknown argument `{other}`; expected --max MB or case names ({})",
                CASES.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    let big = max_mb / DEFAULT_MAX_MB;
    let small = big / 10.0;
    let exe = std::env::current_exe()?;
    println!(
        "cargo xtask bench hostile: corpus load + factdiff_pipeline::analyse, release, one process per run; \
         sizes {small}x and {big}x of docs/bad-input.md's (the small size best of {SMALL_RUNS}); fails above a ratio of {MAX_RATIO}"
    );
    println!();
    println!("| input | size | articles | claims | findings | s | peak MiB | peak/text | ratio |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut failed = Vec::new();
    for case in CASES {
        if !only.is_empty() && !only.iter().any(|n| n == case.name) {
            continue;
        }
        let mut secs = [0.0f64; 2];
        for (idx, scale) in [small, big].into_iter().enumerate() {
            let dir = input(case, scale)?;
            let runs = if idx == 0 { SMALL_RUNS } else { 1 };
            let mut best: Option<Value> = None;
            for _ in 0..runs {
                let v = measure(&exe, &dir)?;
                if best
                    .as_ref()
                    .is_none_or(|b| v["secs"].as_f64() < b["secs"].as_f64())
                {
                    best = Some(v);
                }
            }
            let v = best.expect("at least one run");
            let s = v["secs"].as_f64().unwrap_or(0.0);
            secs[idx] = s;
            let text = v["text_bytes"].as_f64().unwrap_or(0.0);
            let peak = v["peak_rss"].as_f64().unwrap_or(0.0);
            let ratio = if idx == 1 {
                format!("{:.1}", secs[1] / secs[0].max(1e-9))
            } else {
                String::new()
            };
            println!(
                "| {} | {:.1} MB | {} | {} | {} | {s:.2} | {:.0} | {:.1}x | {ratio} |",
                case.name,
                text / 1e6,
                v["articles"],
                v["claims"],
                v["findings"],
                peak / 1048576.0,
                peak / text.max(1.0),
            );
        }
        if secs[1] / secs[0].max(1e-9) > MAX_RATIO {
            failed.push(case.name);
        }
    }
    println!();
    for case in CASES {
        println!("{}: {}", case.name, case.what);
    }
    println!(
        "(sizes are the article text; the big size is {max_mb} MB for `line`; ratio = big time / small time, 10 is linear)"
    );
    if !failed.is_empty() {
        bail!(
            "not linear: {} took more than {MAX_RATIO} times as long at 10 times the size",
            failed.join(", ")
        );
    }
    Ok(())
}
