//! `cargo xtask bench check [--scales 1,4,16] [--threads 1,2] [--rounds 3]`: the whole analysis of
//! `factdiff check` (corpus load, claims, rules, overlap: `factdiff_pipeline::analyse`, the
//! function the CLI calls) on the Reuters JSONL and on the near-duplicate copies of
//! `gen-corpus` (about 5% of words edited, fixed seed). Each size and thread count runs
//! in a fresh process (`bench check-run`), so that its peak memory (`VmHWM`) is its
//! own. Prints wall time, MB/s, peak memory, growth against the smallest size, the
//! speed-up of more threads, and the findings per rule (which must not depend on the
//! thread count). The runs are interleaved in `--rounds` rounds (each runs every size
//! and thread count once) and the medians printed, so that a busy moment of the shared
//! machine slows one run of each, not every run of one; the CPU time of the analysis
//! is printed beside its wall time, with the load average at the start and the end.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::util::peak_rss;

/// The worker: one file, one thread count, one process; prints one JSON line.
pub fn run_one(args: &[String]) -> Result<()> {
    let [path, threads] = args else {
        bail!("usage: cargo xtask bench check-run FILE THREADS")
    };
    let threads: usize = threads.parse().context("THREADS is a whole number")?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()?;
    let path = PathBuf::from(path);
    let file_bytes = std::fs::metadata(&path)?.len();
    let start = Instant::now();
    let corpus = crate::util::load_file(&path)?;
    let load_secs = start.elapsed().as_secs_f64();
    let engines = factdiff_pipeline::Engines::builtin();
    let t = Instant::now();
    let cpu_start = crate::util::cpu_secs();
    let analysis = factdiff_pipeline::analyse(&corpus, &engines);
    let analyse_cpu_secs = crate::util::cpu_secs() - cpu_start;
    let analyse_secs = t.elapsed().as_secs_f64();
    let total_secs = start.elapsed().as_secs_f64();
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &analysis.findings {
        *per_rule.entry(finding.rule.as_str()).or_default() += 1;
    }
    println!(
        "{}",
        json!({
            "threads": threads,
            "articles": corpus.articles.len(),
            "file_bytes": file_bytes,
            "text_bytes": corpus.text_bytes(),
            "claims": analysis.claims,
            "findings": analysis.findings.len(),
            "per_rule": per_rule,
            "load_secs": load_secs,
            "analyse_secs": analyse_secs,
            "analyse_cpu_secs": analyse_cpu_secs,
            "total_secs": total_secs,
            "peak_rss": peak_rss().unwrap_or(0),
        })
    );
    Ok(())
}

fn list(arg: Option<&String>, what: &str) -> Result<Vec<usize>> {
    arg.with_context(|| format!("{what} takes a list such as 1,4,16"))?
        .split(',')
        .map(|s| s.parse().with_context(|| format!("{what}: whole numbers")))
        .collect()
}

pub fn run(args: &[String]) -> Result<()> {
    let mut scales = vec![1usize, 4, 16];
    let mut thread_counts = vec![1usize, 2];
    let mut rounds = 3usize;
    let mut idx = 0;
    while idx < args.len() {
        match args[idx].as_str() {
            "--scales" => {
                idx += 1;
                scales = list(args.get(idx), "--scales")?;
            }
            "--threads" => {
                idx += 1;
                thread_counts = list(args.get(idx), "--threads")?;
            }
            "--rounds" => {
                idx += 1;
                rounds = list(args.get(idx), "--rounds")?
                    .first()
                    .copied()
                    .unwrap_or(1)
                    .max(1);
            }
            other => {
                bail!("unknown argument `{other}`; expected --scales, --threads or --rounds")
            }
        }
        idx += 1;
    }
    let exe = std::env::current_exe()?;
    println!(
        "cargo xtask bench check: factdiff_pipeline::analyse (claims + rules, then overlap) after the corpus load; \
         {} cores available; one process per run; {rounds} interleaved round(s) (each runs every size and thread count once), \
         medians; load average at the start {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        crate::bench_hostile::load_average()
    );
    let f = |v: &Value, key: &str| v[key].as_f64().unwrap_or(0.0);
    let mut runs: BTreeMap<(usize, usize), Vec<Value>> = BTreeMap::new();
    for round in 1..=rounds {
        eprintln!("round {round} of {rounds}");
        for &scale in &scales {
            let file = crate::gen_corpus::generate(scale)?;
            for &threads in &thread_counts {
                let out = Command::new(&exe)
                    .args(["bench", "check-run"])
                    .arg(&file)
                    .arg(threads.to_string())
                    .output()?;
                if !out.status.success() {
                    bail!("check run failed: {}", String::from_utf8_lossy(&out.stderr));
                }
                let text = String::from_utf8_lossy(&out.stdout);
                let line = text.lines().last().context("the worker printed nothing")?;
                runs.entry((scale, threads))
                    .or_default()
                    .push(serde_json::from_str(line)?);
            }
        }
    }
    let med = |scale: usize, threads: usize, key: &str| {
        let mut values: Vec<f64> = runs[&(scale, threads)].iter().map(|v| f(v, key)).collect();
        crate::bench_peers::median(&mut values)
    };
    println!();
    println!(
        "| size | MB | articles | claims | findings | threads | load s | analyse s | analyse CPU s | wall s | MB/s | peak MiB | peak/MB | time vs {}x | speed-up vs {} thr |",
        scales[0], thread_counts[0]
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut rows: Vec<(usize, Value)> = Vec::new();
    for &scale in &scales {
        for &threads in &thread_counts {
            let v = runs[&(scale, threads)][0].clone();
            let wall = med(scale, threads, "total_secs");
            let base = med(scales[0], threads, "total_secs");
            let one_thread = med(scale, thread_counts[0], "total_secs");
            let mb = f(&v, "file_bytes") / 1e6;
            let peak = med(scale, threads, "peak_rss") / 1048576.0;
            println!(
                "| {scale}x | {mb:.1} | {} | {} | {} | {threads} | {:.2} | {:.2} | {:.2} | {wall:.2} | {:.2} | {peak:.0} | {:.1} | {:.2}x | {:.2}x |",
                v["articles"],
                v["claims"],
                v["findings"],
                med(scale, threads, "load_secs"),
                med(scale, threads, "analyse_secs"),
                med(scale, threads, "analyse_cpu_secs"),
                mb / wall.max(1e-9),
                peak * 1.048576 / mb.max(1e-9),
                wall / base.max(1e-9),
                one_thread / wall.max(1e-9),
            );
        }
    }
    for ((scale, _), vs) in &runs {
        for v in vs {
            rows.push((*scale, v.clone()));
        }
    }
    println!(
        "(medians of {rounds} round(s); load average at the end {})",
        crate::bench_hostile::load_average()
    );
    // Findings per rule, per size: the same at every thread count, or the run fails.
    let mut rules: BTreeMap<String, BTreeMap<usize, u64>> = BTreeMap::new();
    for &scale in &scales {
        let of_scale: Vec<&Value> = rows
            .iter()
            .filter(|(s, _)| *s == scale)
            .map(|(_, v)| &v["per_rule"])
            .collect();
        if of_scale.windows(2).any(|w| w[0] != w[1]) {
            bail!("findings at {scale}x differ between runs or thread counts: {of_scale:?}");
        }
        for (rule, n) in of_scale[0].as_object().into_iter().flatten() {
            rules
                .entry(rule.clone())
                .or_default()
                .insert(scale, n.as_u64().unwrap_or(0));
        }
    }
    println!();
    print!("| rule |");
    for scale in &scales {
        print!(" {scale}x |");
    }
    println!();
    println!("|---|{}", "---:|".repeat(scales.len()));
    for (rule, counts) in &rules {
        print!("| {rule} |");
        for scale in &scales {
            print!(" {} |", counts.get(scale).copied().unwrap_or(0));
        }
        println!();
    }
    println!("\nfindings per rule are identical in every run and at every thread count");
    Ok(())
}
