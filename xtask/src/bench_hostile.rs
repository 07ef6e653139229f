//! `cargo xtask bench hostile [--max MB] [--rounds N] [CASE...]`: the pathological
//! inputs of docs/bad-input.md, each at two sizes a factor of 10 apart, through
//! `factdiff_pipeline` (the corpus load, then `analyse`: claims, rules, overlap), in
//! release mode, one process per run (`bench hostile-run DIR`) so that its peak memory
//! is its own. Fails when the big size takes more than [`MAX_RATIO`] times the small
//! one: a linear run takes about 10 times as long, a quadratic one 100 times.
//!
//! What is timed, and why (the machine is shared, and a ratio of wall-clock times moved
//! by more than the 2 that separates 12 from linear when other builds ran):
//! - the CPU time of the run (`CLOCK_PROCESS_CPUTIME_ID`, every thread), on one rayon
//!   thread: the work done, which the load of the machine does not stretch the way it
//!   stretches wall time, and no idle worker spinning into it;
//! - the load and the analysis only: the engines (lexicons, rules) are built before the
//!   clock starts, a constant that would make a super-linear step look smaller;
//! - `--rounds N` (default 3) interleaved rounds, each running the small size then the
//!   big one, and the fastest run of each size kept: a busy moment slows one run, not
//!   every run of one size. The wall time of those runs is printed beside it.
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

use crate::util::{cpu_secs, out_dir, peak_rss};

/// The time ratio between the two sizes above which the bench fails.
pub const MAX_RATIO: f64 = 12.0;

/// The default big size of the one-line article, in MB.
const DEFAULT_MAX_MB: f64 = 100.0;

/// Rounds by default: each runs both sizes once; the fastest run of each size is kept.
const DEFAULT_ROUNDS: usize = 3;

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

/// The worker: loads the folder and runs the analysis on one thread; prints one JSON
/// line with the wall and CPU time of the load and the analysis.
pub fn run_one(args: &[String]) -> Result<()> {
    let [dir] = args else {
        bail!("usage: cargo xtask bench hostile-run DIR")
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()?;
    let dir = PathBuf::from(dir);
    // Built before the clocks start: a constant, not part of what grows with the input.
    let engines = factdiff_pipeline::Engines::builtin();
    let options = factdiff_corpus::LoadOptions {
        cwd: dir.clone(),
        exclude: Vec::new(),
    };
    let start = Instant::now();
    let cpu_start = cpu_secs();
    let corpus = factdiff_corpus::load(std::slice::from_ref(&dir), &options)?;
    let load_secs = start.elapsed().as_secs_f64();
    let analysis = factdiff_pipeline::analyse(&corpus, &engines);
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_secs() - cpu_start;
    println!(
        "{}",
        json!({
            "articles": corpus.articles.len(),
            "problems": corpus.problems.len(),
            "text_bytes": corpus.text_bytes(),
            "claims": analysis.claims,
            "findings": analysis.findings.len(),
            "load_secs": load_secs,
            "secs": secs,
            "cpu_secs": cpu,
            "peak_rss": peak_rss().unwrap_or(0),
        })
    );
    Ok(())
}

/// The load average of the machine (`/proc/loadavg`: 1, 5 and 15 minutes).
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".to_owned())
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
    let mut rounds = DEFAULT_ROUNDS;
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
            "--rounds" => {
                rounds = rest
                    .next()
                    .context("--rounds takes a number of rounds, such as 3")?
                    .parse()
                    .context("--rounds takes a whole number of rounds, such as 3")?;
                if rounds == 0 {
                    bail!("--rounds must be at least 1");
                }
            }
            name if CASES.iter().any(|c| c.name == name) => only.push(name.to_owned()),
            other => bail!(
                "unknown argument `{other}`; expected --max MB, --rounds N or case names ({})",
                CASES.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
            ),
        }
    }
    let big = max_mb / DEFAULT_MAX_MB;
    let small = big / 10.0;
    let exe = std::env::current_exe()?;
    println!(
        "cargo xtask bench hostile: corpus load + factdiff_pipeline::analyse, release, one process per run, one thread; \
         sizes {small}x and {big}x of docs/bad-input.md's; {rounds} interleaved round(s), the fastest run of each size kept; \
         fails above a CPU-time ratio of {MAX_RATIO}; load average at the start {}",
        load_average()
    );
    println!();
    println!(
        "| input | size | articles | claims | findings | CPU s | wall s | peak MiB | peak/text | CPU ratio | wall ratio |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut failed = Vec::new();
    for case in CASES {
        if !only.is_empty() && !only.iter().any(|n| n == case.name) {
            continue;
        }
        let dirs = [input(case, small)?, input(case, big)?];
        let mut best: [Option<Value>; 2] = [None, None];
        for _ in 0..rounds {
            for (idx, dir) in dirs.iter().enumerate() {
                let v = measure(&exe, dir)?;
                if best[idx]
                    .as_ref()
                    .is_none_or(|b| v["cpu_secs"].as_f64() < b["cpu_secs"].as_f64())
                {
                    best[idx] = Some(v);
                }
            }
        }
        let [Some(lo), Some(hi)] = best else {
            bail!("no run of `{}` (rounds must be at least 1)", case.name)
        };
        let cpu = |v: &Value| v["cpu_secs"].as_f64().unwrap_or(0.0);
        let wall = |v: &Value| v["secs"].as_f64().unwrap_or(0.0);
        let ratio = cpu(&hi) / cpu(&lo).max(1e-9);
        for (idx, v) in [&lo, &hi].into_iter().enumerate() {
            let text = v["text_bytes"].as_f64().unwrap_or(0.0);
            let peak = v["peak_rss"].as_f64().unwrap_or(0.0);
            let (cpu_ratio, wall_ratio) = if idx == 1 {
                (
                    format!("{ratio:.1}"),
                    format!("{:.1}", wall(&hi) / wall(&lo).max(1e-9)),
                )
            } else {
                (String::new(), String::new())
            };
            println!(
                "| {} | {:.1} MB | {} | {} | {} | {:.2} | {:.2} | {:.0} | {:.1}x | {cpu_ratio} | {wall_ratio} |",
                case.name,
                text / 1e6,
                v["articles"],
                v["claims"],
                v["findings"],
                cpu(v),
                wall(v),
                peak / 1048576.0,
                peak / text.max(1.0),
            );
        }
        if ratio > MAX_RATIO {
            failed.push(case.name);
        }
    }
    println!();
    for case in CASES {
        println!("{}: {}", case.name, case.what);
    }
    println!(
        "(sizes are the article text; the big size is {max_mb} MB for `line`; ratio = big time / small time, 10 is linear; load average at the end {})",
        load_average()
    );
    if !failed.is_empty() {
        bail!(
            "not linear: {} took more than {MAX_RATIO} times the CPU time at 10 times the size",
            failed.join(", ")
        );
    }
    Ok(())
}
