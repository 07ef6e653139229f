//! `cargo xtask bench claims [--sample N]`: claims extraction over the Reuters-21578
//! JSONL corpus (`target/xtask/reuters.jsonl`, made by `cargo xtask corpus reuters`):
//! MB/s on all cores and on one, claims per kind; then a sample of the stories (the
//! first N, default 200) through quantulum3 (quantities) and dateparser (dates) in a
//! virtual environment under `target/xtask/venv`, side by side, with the throughput
//! ratios and the suspicious hits of each (quantulum3 reading `mln` as a unit,
//! dateparser taking short words such as "we" or "may" for dates).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use factdiff_claims::{ClaimKind, ClaimValue, Lexicons, extract};
use factdiff_corpus::Article;
use rayon::prelude::*;

use crate::util::{out_dir, root};

const PEERS: &str = r#"
import json, sys, time, warnings
warnings.filterwarnings("ignore")
texts = json.load(open(sys.argv[1]))
nbytes = sum(len(t.encode("utf-8")) for t in texts)
out = {"bytes": nbytes}
from quantulum3 import parser as qp
t0 = time.perf_counter(); quants = [qp.parse(t) for t in texts]; t1 = time.perf_counter()
hits = [q for qs in quants for q in qs]
mln = [q for q in hits if "mln" in q.surface.lower() and q.unit.name != "dimensionless"]
out["quantulum3"] = {"secs": t1 - t0, "hits": len(hits), "mln_as_unit": len(mln),
    "examples": sorted({f"{q.surface} -> {q.unit.name}" for q in mln})[:5]}
from dateparser.search import search_dates
t0 = time.perf_counter(); found = [search_dates(t, languages=["en"]) or [] for t in texts]; t1 = time.perf_counter()
hits = [s for fs in found for (s, _) in fs]
short = [s for s in hits if len(s.strip()) <= 3 or s.strip().lower() in {"we", "may", "now", "march", "second", "sat", "sun"}]
out["dateparser"] = {"secs": t1 - t0, "hits": len(hits), "short_word_dates": len(short),
    "examples": sorted({s for s in short})[:8]}
print(json.dumps(out))
"#;

fn kind_counts(articles: &[Article], lex: &Lexicons) -> BTreeMap<&'static str, usize> {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for a in articles {
        for c in extract(a, lex) {
            *counts.entry(c.kind.as_str()).or_default() += 1;
        }
    }
    counts
}

/// CPU seconds (user + system) this process has used so far (Linux).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    // After the command name: state is field 3, utime 14, stime 15 (1-based).
    let ticks = |i: usize| {
        fields
            .get(i - 3)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(14) + ticks(15)) / 100.0
}

/// Best wall time of three runs, and the CPU time of that run.
fn time_extract(
    articles: &[Article],
    lex: &Lexicons,
    threads: Option<usize>,
) -> Result<(f64, f64)> {
    let run = || {
        let cpu = cpu_secs();
        let start = Instant::now();
        let n: usize = articles.par_iter().map(|a| extract(a, lex).len()).sum();
        std::hint::black_box(n);
        (start.elapsed().as_secs_f64(), cpu_secs() - cpu)
    };
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = match threads {
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()?
                .install(run),
            None => run(),
        };
        if t.0 < best.0 {
            best = t;
        }
    }
    Ok(best)
}

/// The load average over the last minute: other work on the machine slows the wall
/// clock figures.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

fn venv_python() -> Result<PathBuf> {
    let venv = out_dir()?.join("venv");
    let python = venv.join("bin/python");
    let ready = python.is_file()
        && Command::new(&python)
            .args(["-c", "import quantulum3, dateparser"])
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        eprintln!("setting up {} (quantulum3, dateparser) ...", venv.display());
        crate::util::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        crate::util::run(Command::new(venv.join("bin/pip")).args([
            "install",
            "-q",
            "quantulum3",
            "dateparser",
        ]))?;
    }
    Ok(python)
}

fn peers(sample: &[&Article]) -> Result<serde_json::Value> {
    let python = venv_python()?;
    let dir = out_dir()?;
    let texts: Vec<&str> = sample.iter().map(|a| a.slice(a.body)).collect();
    let input = dir.join("claims-sample.json");
    std::fs::write(&input, serde_json::to_vec(&texts)?)?;
    let script = dir.join("bench_claims_peers.py");
    std::fs::write(&script, PEERS)?;
    let out = Command::new(python)
        .arg(&script)
        .arg(&input)
        .current_dir(root())
        .output()
        .context("running the peers")?;
    if !out.status.success() {
        bail!("peers failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let last = line.lines().last().unwrap_or("{}");
    Ok(serde_json::from_str(last)?)
}

pub fn run(args: &[String]) -> Result<()> {
    let sample_n: usize = match args {
        [flag, n, ..] if flag == "--sample" => n.parse()?,
        _ => 200,
    };
    let path = crate::corpus::reuters()?;
    let corpus = crate::util::load_file(&path)?;
    let lex = Lexicons::builtin();
    let bytes = corpus.text_bytes() as f64;
    let mb = bytes / 1e6;
    let cores = rayon::current_num_threads();
    let (all, all_cpu) = time_extract(&corpus.articles, &lex, None)?;
    let (one, one_cpu) = time_extract(&corpus.articles, &lex, Some(1))?;
    let counts = kind_counts(&corpus.articles, &lex);
    let total: usize = counts.values().sum();
    println!(
        "claims over Reuters-21578: {} stories, {mb:.1} MB of text",
        corpus.articles.len()
    );
    println!(
        "  {cores} threads: {all:.3} s, {:.1} MB/s ({all_cpu:.2} CPU s; load average {})",
        mb / all,
        load_average()
    );
    println!(
        "  1 thread:  {one:.3} s, {:.1} MB/s; {:.1} MB per CPU second",
        mb / one,
        mb / one_cpu.max(0.01)
    );
    println!(
        "  {total} claims: {}",
        counts
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Units that are really scales would show up here: none should.
    let mut mln_units = 0;
    for a in corpus.articles.iter().take(2000) {
        for c in extract(a, &lex) {
            if let ClaimValue::Interval(value) = &c.value
                && (&*value.unit == "mln" || &*value.unit == "bln")
            {
                mln_units += 1;
            }
        }
    }
    println!("  `mln`/`bln` read as a unit (first 2000 stories): {mln_units}");

    let sample: Vec<&Article> = corpus.articles.iter().take(sample_n).collect();
    let sample_bytes: usize = sample.iter().map(|a| a.body.len()).sum();
    let start = Instant::now();
    let mut ours: BTreeMap<ClaimKind, usize> = BTreeMap::new();
    for a in &sample {
        for c in extract(a, &lex) {
            *ours.entry(c.kind).or_default() += 1;
        }
    }
    let our_secs = start.elapsed().as_secs_f64();
    let numeric = [
        ClaimKind::Quantity,
        ClaimKind::Money,
        ClaimKind::Percent,
        ClaimKind::Duration,
    ]
    .iter()
    .map(|k| ours.get(k).copied().unwrap_or(0))
    .sum::<usize>();
    let dates = ours.get(&ClaimKind::Date).copied().unwrap_or(0);
    println!(
        "sample: the first {} stories, {:.1} kB; factdiff (1 thread, no parallelism): {:.4} s, {:.1} MB/s, {numeric} quantities/money/percent/durations, {dates} dates",
        sample.len(),
        sample_bytes as f64 / 1e3,
        our_secs,
        sample_bytes as f64 / 1e6 / our_secs
    );
    if sample.is_empty() {
        return Ok(());
    }
    let peers = match peers(&sample) {
        Ok(v) => v,
        Err(err) => {
            println!("  peers not run: {err:#}");
            return Ok(());
        }
    };
    let peer_bytes = peers["bytes"].as_f64().unwrap_or(sample_bytes as f64);
    for (name, what) in [("quantulum3", "quantities"), ("dateparser", "dates")] {
        let p = &peers[name];
        let secs = p["secs"].as_f64().unwrap_or(f64::NAN);
        let rate = peer_bytes / 1e6 / secs;
        println!(
            "  {name}: {secs:.2} s, {rate:.3} MB/s, {} {what}; factdiff on {cores} threads is {:.0}x faster, on 1 thread {:.0}x",
            p["hits"],
            (mb / all) / rate,
            (mb / one) / rate
        );
    }
    println!(
        "  quantulum3 read `mln` as a unit {} times, e.g. {}",
        peers["quantulum3"]["mln_as_unit"], peers["quantulum3"]["examples"]
    );
    println!(
        "  dateparser took {} short words for dates, e.g. {}",
        peers["dateparser"]["short_word_dates"], peers["dateparser"]["examples"]
    );
    Ok(())
}
