//! `cargo xtask bench overlap [--scales 1,4,16] [--no-datasketch]`: overlap detection
//! on the Reuters JSONL at 1x, 4x and 16x (the near-duplicate copies of `gen-corpus`:
//! every copy is a planted near-duplicate of its story): wall time, peak memory and
//! recall of the planted pairs, and datasketch's MinHashLSH (word 5-grams, 128
//! permutations, threshold 0.8) on the same files in the same run, from a virtual
//! environment under target/xtask/venv. Each side runs in its own process, so that
//! peak memory is its own.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use factdiff_overlap::{OverlapConfig, detect};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::util::{out_dir, peak_rss};

const DATASKETCH: &str = r#"
import json, re, resource, sys, time
from datasketch import MinHash, MinHashLSH
path = sys.argv[1]
start = time.time()
docs = []
with open(path, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        docs.append((r.get("id", ""), r["text"]))
lsh = MinHashLSH(threshold=0.8, num_perm=128)
hashes = {}
for key, text in docs:
    words = re.findall(r"\w+", text.lower())
    m = MinHash(num_perm=128)
    for i in range(max(len(words) - 4, 1)):
        m.update(" ".join(words[i:i + 5]).encode("utf-8"))
    hashes[key] = m
    lsh.insert(key, m)
planted = found = 0
for key, m in hashes.items():
    if "-c" in key:
        planted += 1
        orig = key.split("-c")[0]
        if orig in set(lsh.query(m)):
            found += 1
secs = time.time() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
rss = usage.ru_maxrss * 1024
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"secs": secs, "cpu_secs": cpu, "peak_rss": rss, "planted": planted, "found": found}))
"#;

/// The worker: one process, one file.
pub fn run_one(args: &[String]) -> Result<()> {
    let [path] = args else {
        bail!("usage: cargo xtask bench overlap-run FILE")
    };
    let path = PathBuf::from(path);
    let start = Instant::now();
    let corpus = crate::util::load_file(&path)?;
    let load_secs = start.elapsed().as_secs_f64();
    let rss_after_load = peak_rss().unwrap_or(0);
    // The stages on their own, then the whole of `detect` (which repeats them).
    let config = OverlapConfig::default();
    let start = Instant::now();
    let prints: Vec<factdiff_overlap::ArticlePrints> = corpus
        .articles
        .par_iter()
        .map(|a| factdiff_overlap::article_prints(a, config.shingle, config.window))
        .collect();
    let map_secs = start.elapsed().as_secs_f64();
    let cands = factdiff_overlap::candidate_pairs(&prints, &config).len();
    let index_secs = start.elapsed().as_secs_f64() - map_secs;
    let t = Instant::now();
    let analysis = factdiff_overlap::analyze(&prints, &config);
    let analyze_secs = t.elapsed().as_secs_f64();
    let kinds = format!(
        "{} cross pairs, {} within, {} near sentences, {} clusters, {} boilerplate, {} common",
        analysis.pairs.len(),
        analysis.selves.len(),
        analysis.near.len(),
        analysis
            .cluster_of
            .iter()
            .enumerate()
            .filter(|(i, c)| **c as usize != *i)
            .count(),
        analysis.boilerplate.len(),
        analysis.common.len()
    );
    drop((prints, analysis));
    let cpu_before = cpu_secs();
    let start = Instant::now();
    let findings = detect(&corpus, &config);
    let detect_secs = start.elapsed().as_secs_f64();
    let mut links = crate::overlap_links::links(&corpus, &findings);
    let by_id: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.meta.id.as_deref().map(|id| (id, i)))
        .collect();
    let (mut planted, mut found) = (0usize, 0usize);
    for (i, a) in corpus.articles.iter().enumerate() {
        let Some(id) = a.meta.id.as_deref() else {
            continue;
        };
        let Some((orig, _)) = id.split_once("-c") else {
            continue;
        };
        let Some(&o) = by_id.get(orig) else { continue };
        planted += 1;
        found += usize::from(links.linked(o, i));
    }
    println!(
        "{}",
        json!({
            "articles": corpus.articles.len(),
            "text_bytes": corpus.text_bytes(),
            "load_secs": load_secs,
            "detect_secs": detect_secs,
            "map_secs": map_secs,
            "analyze_secs": analyze_secs,
            "candidates": cands,
            "index_and_candidates_secs": index_secs,
            "analysis": kinds,
            "detect_cpu_secs": cpu_secs() - cpu_before,
            "rss_after_load": rss_after_load,
            "peak_rss": peak_rss().unwrap_or(0),
            "findings": findings.len(),
            "planted": planted,
            "found": found,
        })
    );
    Ok(())
}

/// User and system CPU time of this process so far (Linux `/proc/self/stat`).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |x| x.1);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn last_json(output: &[u8]) -> Result<Value> {
    let text = String::from_utf8_lossy(output);
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .context("no result line")?;
    Ok(serde_json::from_str(line)?)
}

fn venv_python() -> Result<PathBuf> {
    let venv = out_dir()?.join("venv");
    let python = venv.join("bin/python");
    if !python.is_file() {
        crate::util::run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    }
    let ok = Command::new(&python)
        .args(["-c", "import datasketch"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        crate::util::run(Command::new(&python).args(["-m", "pip", "install", "-q", "datasketch"]))?;
    }
    Ok(python)
}

fn datasketch(python: &Path, file: &Path) -> Result<Value> {
    let script = out_dir()?.join("datasketch_bench.py");
    std::fs::write(&script, DATASKETCH)?;
    let out = Command::new(python).arg(&script).arg(file).output()?;
    if !out.status.success() {
        bail!(
            "datasketch failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    last_json(&out.stdout)
}

fn mib(v: &Value) -> String {
    format!("{:.0} MiB", v.as_f64().unwrap_or(0.0) / 1048576.0)
}

pub fn run(args: &[String]) -> Result<()> {
    let mut scales = vec![1usize, 4, 16];
    let mut with_datasketch = true;
    let mut idx = 0;
    while idx < args.len() {
        match args[idx].as_str() {
            "--scales" => {
                idx += 1;
                scales = args
                    .get(idx)
                    .context("--scales takes a list such as 1,4,16")?
                    .split(',')
                    .map(|s| s.parse().context("scales are whole numbers"))
                    .collect::<Result<_>>()?;
            }
            "--no-datasketch" => with_datasketch = false,
            other => bail!("unknown argument `{other}`"),
        }
        idx += 1;
    }
    let python = if with_datasketch {
        Some(venv_python()?)
    } else {
        None
    };
    let exe = std::env::current_exe()?;
    let mut first_secs = None;
    println!(
        "threads: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    for scale in scales {
        let file = crate::gen_corpus::generate(scale)?;
        let out = Command::new(&exe)
            .args(["bench", "overlap-run"])
            .arg(&file)
            .output()?;
        if !out.status.success() {
            bail!(
                "overlap run failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let ours = last_json(&out.stdout)?;
        let secs = ours["detect_secs"].as_f64().unwrap_or(0.0);
        let base = *first_secs.get_or_insert((scale, secs));
        let planted = ours["planted"].as_u64().unwrap_or(0);
        let recall = ours["found"].as_u64().unwrap_or(0) as f64 / planted.max(1) as f64;
        println!(
            "{scale:>2}x factdiff: {} articles, {:.1} MB text; load {:.2} s, overlap {:.2} s wall / {:.2} s CPU ({:.1}x the {}x wall time); peak {} ({:.2}x the text; {} after load); recall {:.4} of {planted} planted pairs; {} findings; stages: {}",
            ours["articles"],
            ours["text_bytes"].as_f64().unwrap_or(0.0) / 1e6,
            ours["load_secs"].as_f64().unwrap_or(0.0),
            secs,
            ours["detect_cpu_secs"].as_f64().unwrap_or(0.0),
            secs / base.1.max(1e-9),
            base.0,
            mib(&ours["peak_rss"]),
            ours["peak_rss"].as_f64().unwrap_or(0.0) / ours["text_bytes"].as_f64().unwrap_or(1.0),
            mib(&ours["rss_after_load"]),
            recall,
            ours["findings"],
            ours["analysis"].as_str().unwrap_or(""),
        );
        if let Some(python) = &python {
            let theirs = datasketch(python, &file)?;
            let tsecs = theirs["secs"].as_f64().unwrap_or(0.0);
            let tplanted = theirs["planted"].as_u64().unwrap_or(0);
            let trecall = theirs["found"].as_u64().unwrap_or(0) as f64 / tplanted.max(1) as f64;
            let total = secs + ours["load_secs"].as_f64().unwrap_or(0.0);
            println!(
                "{scale:>2}x datasketch MinHashLSH: {tsecs:.2} s wall / {:.2} s CPU (factdiff load+overlap is {:.1}x faster in wall time, {:.1}x in CPU), peak {}, recall {trecall:.4} of {tplanted}",
                theirs["cpu_secs"].as_f64().unwrap_or(0.0),
                tsecs / total.max(1e-9),
                theirs["cpu_secs"].as_f64().unwrap_or(0.0)
                    / (ours["detect_cpu_secs"].as_f64().unwrap_or(0.0)
                        + ours["load_secs"].as_f64().unwrap_or(0.0))
                    .max(1e-9),
                mib(&theirs["peak_rss"]),
            );
        }
    }
    Ok(())
}
