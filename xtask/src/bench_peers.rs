//! `cargo xtask bench peers [--rounds N] [--sample N] [--threads N]`: factdiff against
//! the tools a user would otherwise pick, on the same Reuters-21578 JSONL, in
//! interleaved rounds (each round runs every side once, in its own process, so that a
//! busy moment of the shared machine slows all of them alike); the median of the
//! rounds is reported, with the ratios.
//!
//! - Near-duplicates: `factdiff_overlap::detect` (after the corpus load) against
//!   datasketch's MinHashLSH (128 permutations, threshold 0.8, word 5-grams,
//!   `update_batch`; `xtask/peers/minhash.py`), both timed from reading the file, on
//!   Reuters with planted copies: every 10th story copied once with 2% and once with 5%
//!   of its words edited (fixed seed). Recall is the share of planted copies linked to
//!   their story (factdiff: by an overlap finding; datasketch: the story is among the
//!   copy's LSH candidates).
//! - Quantities and dates: `factdiff_claims::extract` (every kind of claim) against
//!   quantulum3 (`xtask/peers/quantities.py`) and dateparser's `search_dates`
//!   (English; `xtask/peers/dates.py`), on the same sample of stories (the first N,
//!   default 300): MB/s of text, the loading of each tool left out.
//! - The floor: reading the JSONL and hashing every word 5-gram (xxh3), in Rust, one
//!   thread: how far the near-duplicate search is from the cost of merely looking at
//!   every shingle once.
//!
//! factdiff runs on one thread by default (`--threads`), as the Python peers do. The
//! peers are installed from the package registry into a virtual environment under
//! `target/xtask/venv` on the first run.

use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use factdiff_overlap::{OverlapConfig, detect};
use serde_json::{Value, json};

use crate::gen_corpus::{Rng, edit_at};
use crate::util::{out_dir, peak_rss, root};

/// Every `PLANT_EVERY`th story gets planted copies.
const PLANT_EVERY: usize = 10;

/// The edit rates of the planted copies, in percent of words.
const PLANT_RATES: [u32; 2] = [2, 5];

/// The peers, as pip installs them.
const PEERS: [&str; 3] = ["datasketch", "quantulum3", "dateparser"];

/// Reuters with planted copies: `target/xtask/reuters-planted.jsonl`, written once.
/// A copy's id is its story's with `-p2` or `-p5` appended.
fn planted() -> Result<PathBuf> {
    let source = crate::corpus::reuters()?;
    let out_path = out_dir()?.join("reuters-planted.jsonl");
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
    let mut rng = Rng::new(0x9ee7_0002);
    for line in lines.iter().step_by(PLANT_EVERY) {
        let record: Value = serde_json::from_str(line).context("parsing the Reuters JSONL")?;
        let text = record["text"].as_str().unwrap_or_default();
        let id = record["id"].as_str().unwrap_or_default();
        for rate in PLANT_RATES {
            let mut copy = record.clone();
            copy["text"] = edit_at(text, &mut rng, f64::from(rate) / 100.0).into();
            copy["id"] = format!("{id}-p{rate}").into();
            writeln!(out, "{}", serde_json::to_string(&copy)?)?;
        }
    }
    out.flush()?;
    drop(out);
    std::fs::rename(&tmp, &out_path)?;
    Ok(out_path)
}

/// The texts of the first `n` articles of Reuters as a JSON array, for the Python
/// peers (the same articles the claims worker times).
fn sample(n: usize) -> Result<PathBuf> {
    let out_path = out_dir()?.join(format!("reuters-sample-{n}.json"));
    if !out_path.is_file() {
        let corpus = crate::util::load_file(&crate::corpus::reuters()?)?;
        let texts: Vec<&str> = corpus.articles.iter().take(n).map(|a| &*a.text).collect();
        std::fs::write(&out_path, serde_json::to_vec(&texts)?)?;
    }
    Ok(out_path)
}

/// The virtual environment's Python, with the peers installed.
fn venv_python() -> Result<PathBuf> {
    let venv = out_dir()?.join("venv");
    let python = venv.join("bin/python");
    let import = format!("import {}", PEERS.join(", "));
    let ready = python.is_file()
        && Command::new(&python)
            .args(["-c", &import])
            .output()
            .is_ok_and(|o| o.status.success());
    if !ready {
        eprintln!("setting up {} ({}) ...", venv.display(), PEERS.join(", "));
        if !python.is_file() {
            crate::util::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        }
        crate::util::run(
            Command::new(&python)
                .args(["-m", "pip", "install", "-q"])
                .args(PEERS),
        )?;
    }
    Ok(python)
}

fn last_json(output: &std::process::Output, what: &str) -> Result<Value> {
    if !output.status.success() {
        bail!(
            "{what} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with('{'))
        .with_context(|| format!("{what} printed no result"))?;
    Ok(serde_json::from_str(line)?)
}

/// The worker, one process per run: `peers-run overlap|claims|floor FILE THREADS [N]`.
pub fn run_one(args: &[String]) -> Result<()> {
    let (kind, path, threads, n) = match args {
        [k, p, t] => (k, p, t, None),
        [k, p, t, n] => (k, p, t, Some(n.parse::<usize>()?)),
        _ => bail!("usage: cargo xtask bench peers-run overlap|claims|floor FILE THREADS [N]"),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.parse().context("THREADS is a whole number")?)
        .build_global()?;
    let path = PathBuf::from(path);
    let result = match kind.as_str() {
        "overlap" => overlap(&path)?,
        "claims" => claims(&path, n.context("claims needs the sample size N")?)?,
        "floor" => floor(&path)?,
        other => bail!("unknown worker `{other}`"),
    };
    println!("{result}");
    Ok(())
}

/// Load and overlap detection, and the recall of the planted copies per edit rate.
fn overlap(path: &Path) -> Result<Value> {
    let start = Instant::now();
    let corpus = crate::util::load_file(path)?;
    let load_secs = start.elapsed().as_secs_f64();
    let findings = detect(&corpus, &OverlapConfig::default());
    let secs = start.elapsed().as_secs_f64();
    let mut links = crate::overlap_links::links(&corpus, &findings);
    let by_id: std::collections::HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.meta.id.as_deref().map(|id| (id, i)))
        .collect();
    let mut planted: BTreeMap<String, u64> = BTreeMap::new();
    let mut found: BTreeMap<String, u64> = BTreeMap::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        let Some((orig, rate)) = a.meta.id.as_deref().and_then(|id| id.rsplit_once("-p")) else {
            continue;
        };
        let Some(&o) = by_id.get(orig) else { continue };
        *planted.entry(rate.to_owned()).or_default() += 1;
        if links.linked(o, i) {
            *found.entry(rate.to_owned()).or_default() += 1;
        }
    }
    Ok(json!({
        "secs": secs,
        "load_secs": load_secs,
        "peak_rss": peak_rss().unwrap_or(0),
        "findings": findings.len(),
        "planted": planted,
        "found": found,
    }))
}

/// Claims extraction over the first `n` articles (repeated until a second has passed,
/// so that a sample of a few hundred milliseconds is timed well) and over all of them.
fn claims(path: &Path, n: usize) -> Result<Value> {
    use rayon::prelude::*;
    let corpus = crate::util::load_file(path)?;
    let lexicons = factdiff_claims::Lexicons::builtin();
    let sample = &corpus.articles[..n.min(corpus.articles.len())];
    let sample_bytes: usize = sample.iter().map(|a| a.text.len()).sum();
    let (mut reps, mut found) = (0u32, 0usize);
    let start = Instant::now();
    while reps == 0 || start.elapsed().as_secs_f64() < 1.0 {
        found = sample
            .par_iter()
            .map(|a| factdiff_claims::extract(a, &lexicons).len())
            .sum();
        reps += 1;
    }
    let sample_secs = start.elapsed().as_secs_f64() / f64::from(reps);
    let start = Instant::now();
    let all: usize = corpus
        .articles
        .par_iter()
        .map(|a| factdiff_claims::extract(a, &lexicons).len())
        .sum();
    let all_secs = start.elapsed().as_secs_f64();
    Ok(json!({
        "bytes": sample_bytes,
        "secs": sample_secs,
        "found": found,
        "all_bytes": corpus.text_bytes(),
        "all_secs": all_secs,
        "all_found": all,
    }))
}

/// The floor: read the JSONL, lower-case each text, and hash every word 5-gram with
/// xxh3 (over the words' own hashes), on one thread.
fn floor(path: &Path) -> Result<Value> {
    use xxhash_rust::xxh3::xxh3_64;
    let start = Instant::now();
    let data = std::fs::read_to_string(path)?;
    let mut texts = Vec::new();
    for line in data.lines() {
        let record: Value = serde_json::from_str(line)?;
        texts.push(record["text"].as_str().unwrap_or_default().to_lowercase());
    }
    let read_secs = start.elapsed().as_secs_f64();
    let mut acc = 0u64;
    let mut shingles = 0u64;
    let mut words: Vec<u64> = Vec::new();
    for text in &texts {
        words.clear();
        words.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| xxh3_64(w.as_bytes())),
        );
        for gram in words.windows(5) {
            let mut buf = [0u8; 40];
            for (k, w) in gram.iter().enumerate() {
                buf[k * 8..k * 8 + 8].copy_from_slice(&w.to_le_bytes());
            }
            acc ^= xxh3_64(&buf);
            shingles += 1;
        }
    }
    std::hint::black_box(acc);
    Ok(json!({
        "secs": start.elapsed().as_secs_f64(),
        "read_secs": read_secs,
        "shingles": shingles,
    }))
}

pub(crate) fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn recall(v: &Value, rate: u32) -> String {
    let key = rate.to_string();
    let planted = v["planted"][&key].as_u64().unwrap_or(0);
    let found = v["found"][&key].as_u64().unwrap_or(0);
    format!(
        "{:.3} ({found}/{planted})",
        found as f64 / planted.max(1) as f64
    )
}

pub fn run(args: &[String]) -> Result<()> {
    let (mut rounds, mut sample_n, mut threads) = (3usize, 300usize, 1usize);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| -> Result<usize> {
            rest.next()
                .with_context(|| format!("{arg} takes {what}"))?
                .parse()
                .with_context(|| format!("{arg} takes {what}"))
        };
        match arg.as_str() {
            "--rounds" => rounds = value("a number of rounds, such as 3")?.max(1),
            "--sample" => sample_n = value("a number of stories, such as 300")?.max(1),
            "--threads" => threads = value("a number of threads, such as 1")?.max(1),
            other => bail!("unknown argument `{other}`; expected --rounds, --sample or --threads"),
        }
    }
    let python = venv_python()?;
    let reuters = crate::corpus::reuters()?;
    let planted = planted()?;
    let sample = sample(sample_n)?;
    let peers = root().join("xtask/peers");
    let exe = std::env::current_exe()?;
    let worker = |kind: &str, file: &Path, n: Option<usize>| -> Result<Value> {
        let mut cmd = Command::new(&exe);
        cmd.args(["bench", "peers-run", kind])
            .arg(file)
            .arg(threads.to_string());
        if let Some(n) = n {
            cmd.arg(n.to_string());
        }
        last_json(&cmd.output()?, &format!("factdiff {kind}"))
    };
    let script = |name: &str, file: &Path| -> Result<Value> {
        let out = Command::new(&python)
            .arg(peers.join(name))
            .arg(file)
            .output()?;
        last_json(&out, name)
    };
    println!(
        "cargo xtask bench peers: {rounds} interleaved round(s); factdiff on {threads} thread(s), the peers in CPython; medians; load average at the start {}",
        crate::bench_hostile::load_average()
    );
    let mut runs: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for round in 1..=rounds {
        eprintln!("round {round} of {rounds}");
        runs.entry("overlap")
            .or_default()
            .push(worker("overlap", &planted, None)?);
        runs.entry("datasketch")
            .or_default()
            .push(script("minhash.py", &planted)?);
        runs.entry("floor")
            .or_default()
            .push(worker("floor", &planted, None)?);
        runs.entry("claims")
            .or_default()
            .push(worker("claims", &reuters, Some(sample_n))?);
        runs.entry("quantulum3")
            .or_default()
            .push(script("quantities.py", &sample)?);
        runs.entry("dateparser")
            .or_default()
            .push(script("dates.py", &sample)?);
    }
    let med = |name: &str, key: &str| {
        let mut values: Vec<f64> = runs[name].iter().filter_map(|v| v[key].as_f64()).collect();
        median(&mut values)
    };
    let last = |name: &str| &runs[name][runs[name].len() - 1];
    let mb = |name: &str, bytes: &str, secs: &str| {
        last(name)[bytes].as_f64().unwrap_or(0.0) / 1e6 / med(name, secs).max(1e-9)
    };
    let (ours, theirs, floor_secs) = (
        med("overlap", "secs"),
        med("datasketch", "secs"),
        med("floor", "secs"),
    );
    let file_mb = std::fs::metadata(&planted)?.len() as f64 / 1e6;
    println!();
    println!(
        "near-duplicates on `{}` ({file_mb:.1} MB JSONL, {} planted copies), from reading the file:",
        planted.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
        last("overlap")["planted"]
            .as_object()
            .map_or(0, |m| m.values().filter_map(Value::as_u64).sum::<u64>()),
    );
    println!("| side | s | recall at 2% | recall at 5% | peak MiB |");
    println!("|---|---:|---:|---:|---:|");
    for (name, label) in [
        ("overlap", "factdiff (load + overlap)"),
        ("datasketch", "datasketch MinHashLSH"),
    ] {
        println!(
            "| {label} | {:.2} | {} | {} | {:.0} |",
            med(name, "secs"),
            recall(last(name), 2),
            recall(last(name), 5),
            last(name)["peak_rss"].as_f64().unwrap_or(0.0) / 1048576.0,
        );
    }
    println!("| floor (read + xxh3 of every word 5-gram) | {floor_secs:.2} | | | |");
    println!(
        "factdiff is {:.1}x faster than datasketch; {:.1}x slower than the floor",
        theirs / ours.max(1e-9),
        ours / floor_secs.max(1e-9)
    );
    let ours_mb = mb("claims", "bytes", "secs");
    let q_mb = mb("quantulum3", "bytes", "secs");
    let d_mb = mb("dateparser", "bytes", "secs");
    println!();
    println!(
        "claims on the first {sample_n} stories ({:.2} MB of text), loading left out:",
        last("claims")["bytes"].as_f64().unwrap_or(0.0) / 1e6
    );
    println!("| side | MB/s | found | factdiff is |");
    println!("|---|---:|---:|---:|");
    println!(
        "| factdiff (every kind of claim) | {ours_mb:.3} | {} | |",
        last("claims")["found"]
    );
    println!(
        "| quantulum3 (quantities) | {q_mb:.4} | {} | {:.0}x faster |",
        last("quantulum3")["found"],
        ours_mb / q_mb.max(1e-12)
    );
    println!(
        "| dateparser search_dates (dates, English) | {d_mb:.4} | {} | {:.0}x faster |",
        last("dateparser")["found"],
        ours_mb / d_mb.max(1e-12)
    );
    println!(
        "factdiff claims over all of Reuters: {:.2} MB/s ({} claims)",
        mb("claims", "all_bytes", "all_secs"),
        last("claims")["all_found"]
    );
    println!(
        "load average at the end {}",
        crate::bench_hostile::load_average()
    );
    Ok(())
}
