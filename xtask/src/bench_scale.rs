//! `cargo xtask bench scale [FACTOR...]`: the full `factdiff check`, end to end (the
//! release binary: load, claims, rules, overlap, JSON report written to a file), on
//! Reuters-21578 grown by `gen-corpus` (near-duplicate copies, fixed seed) to 1x, 4x,
//! 16x and 64x (about 1.2 GB). Each size runs in its own process; its peak memory is
//! the kernel's high-water mark (`VmHWM` in `/proc/PID/status`, sampled every 10 ms
//! until the process ends). Prints wall time, MB/s, peak memory against the corpus
//! text, the growth exponent between sizes (1.0 is linear) and the findings per rule.
//! A run whose memory passes `--max-rss GIB` (8 by default) is stopped. Its CPU time
//! (user and system, every thread) is read from `/proc/PID/stat` once it has exited
//! and before it is reaped: on a shared machine the CPU time and the peak memory are
//! the figures that mean something, not the wall time.
//! Then, in this process, the story stage on the same corpus (issue 12: at most a fifth
//! of `check`'s time, near-linear): the corpus is loaded and its claims extracted
//! untimed, then the stage is timed step by step (signatures; candidates, scores and
//! clustering; the fact tables) with the same thread count, and its share of the
//! `check` wall time is printed, with its CPU time and its share of `check`'s CPU time
//! (`--no-stories` leaves this part out: at 16x and 64x it holds the corpus and its
//! claims in this process and takes as long again).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::util::{mib, root};

/// One size's measurements.
struct Row {
    factor: usize,
    file_bytes: u64,
    text_bytes: u64,
    articles: u64,
    secs: f64,
    /// User and system CPU seconds of the `check` process, every thread.
    cpu: f64,
    peak: u64,
    per_rule: BTreeMap<String, usize>,
    stories: StoryTimes,
}

/// The story stage's steps, timed in this process on the same corpus.
#[derive(Clone, Copy, Default)]
struct StoryTimes {
    signatures: f64,
    grouping: f64,
    facts: f64,
    /// The CPU time of the three steps (every thread of this process, which does
    /// nothing else meanwhile): on a shared machine, the figure to set against
    /// `check`'s CPU time.
    cpu: f64,
    stories: usize,
}

impl StoryTimes {
    fn total(&self) -> f64 {
        self.signatures + self.grouping + self.facts
    }
}

/// Times the story stage as `factdiff check` runs it (`factdiff_pipeline::analyse`:
/// signatures and grouping after the claims, then the fact tables), on the corpus
/// file `check` read.
fn time_stories(corpus_path: &Path) -> Result<StoryTimes> {
    use rayon::prelude::*;
    let corpus = crate::util::load_file(corpus_path)?;
    let lexicons = factdiff_claims::Lexicons::builtin();
    let words = factdiff_claims::WordTable::new();
    let claims: Vec<factdiff_claims::ArticleClaims> = corpus
        .articles
        .par_iter()
        .map(|a| factdiff_claims::ArticleClaims::extract_with(a, &lexicons, &words))
        .collect();
    let config = factdiff_stories::StoryConfig::default();
    let cpu_before = cpu_secs(std::process::id()).context("reading this process's CPU time")?;
    let start = Instant::now();
    let sigs = factdiff_stories::signatures(&corpus, &claims, &lexicons);
    let signatures = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut stories = factdiff_stories::group_signatures(&corpus, &sigs, &config);
    let grouping = start.elapsed().as_secs_f64();
    drop(sigs);
    let start = Instant::now();
    factdiff_stories::fill_facts(&mut stories, &corpus, &claims);
    let facts = start.elapsed().as_secs_f64();
    let cpu = cpu_secs(std::process::id()).context("reading this process's CPU time")? - cpu_before;
    Ok(StoryTimes {
        signatures,
        grouping,
        facts,
        cpu,
        stories: stories.stories.len(),
    })
}

/// What the scale benchmark reads of a JSON report.
#[derive(serde::Deserialize)]
struct RuleCounts {
    summary: Summary,
    findings: Vec<RuleOf>,
}

#[derive(serde::Deserialize)]
struct Summary {
    articles: u64,
}

#[derive(serde::Deserialize)]
struct RuleOf {
    rule: String,
}

/// A run is stopped when its resident memory passes this: the machine's 24 GiB are
/// shared by half a dozen engineers' builds and tests.
const DEFAULT_MAX_RSS_GIB: u64 = 8;

/// The release binary, built if needed, in the target folder cargo uses.
fn factdiff_binary() -> Result<PathBuf> {
    crate::util::run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .current_dir(root())
            .args(["build", "--release", "--quiet", "--package", "factdiff"]),
    )?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let bin = target.join("release/factdiff");
    if !bin.is_file() {
        bail!("no release binary at `{}`", bin.display());
    }
    Ok(bin)
}

/// The bytes of article text in a JSONL corpus (the `text` fields, decoded).
fn text_bytes(path: &Path) -> Result<u64> {
    use std::io::BufRead;
    let file = std::fs::File::open(path)?;
    let mut total = 0u64;
    for line in std::io::BufReader::with_capacity(1 << 20, file).lines() {
        let line = line?;
        let record: Value = serde_json::from_str(&line).context("parsing the corpus JSONL")?;
        total += record["text"].as_str().map_or(0, str::len) as u64;
    }
    Ok(total)
}

/// The high-water mark of a live process's resident memory, in bytes.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The user and system CPU time of a process (every thread, those that ended too), in
/// seconds. Read while it is a zombie, it is the whole run's.
fn cpu_secs(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which may hold spaces, in parentheses):
    // state is the 3rd field of the line, utime the 14th, stime the 15th.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks as f64 / rustix::param::clock_ticks_per_second() as f64)
}

/// Whether the child has exited, without reaping it (its `/proc` entry stays).
fn exited(pid: u32) -> Result<bool> {
    use rustix::process::{Pid, WaitId, WaitIdOptions, waitid};
    let pid = Pid::from_raw(pid as i32).context("a child process id is positive")?;
    let options = WaitIdOptions::EXITED | WaitIdOptions::NOWAIT | WaitIdOptions::NOHANG;
    Ok(waitid(WaitId::Pid(pid), options)
        .context("waiting for factdiff")?
        .is_some())
}

fn measure(
    bin: &Path,
    factor: usize,
    threads: Option<&str>,
    max_rss: u64,
    stories: bool,
) -> Result<Row> {
    let corpus = crate::gen_corpus::generate(factor)?;
    let file_bytes = std::fs::metadata(&corpus)?.len();
    let text_bytes = text_bytes(&corpus)?;
    let out_dir = crate::util::out_dir()?;
    let report = out_dir.join(format!("scale-x{factor}.json"));
    let mut cmd = Command::new(bin);
    cmd.current_dir(&out_dir);
    if let Some(threads) = threads {
        cmd.args(["--threads", threads]);
    }
    cmd.arg("check")
        .arg(&corpus)
        .args(["--format", "json", "--fail-on", "never", "--output"])
        .arg(&report)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().context("starting factdiff")?;
    let pid = child.id();
    let mut peak = 0;
    let cpu;
    let status = loop {
        if let Some(hwm) = vm_hwm(pid) {
            peak = peak.max(hwm);
        }
        if peak > max_rss {
            child.kill()?;
            child.wait()?;
            bail!(
                "factdiff check on x{factor} passed {} of memory and was stopped \
                 (--max-rss GIB sets the limit)",
                mib(max_rss)
            );
        }
        if exited(pid)? {
            cpu = cpu_secs(pid);
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu.context("reading the CPU time of factdiff from /proc")?;
    if !status.success() {
        let mut err = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            use std::io::Read;
            stderr.read_to_string(&mut err)?;
        }
        bail!("factdiff check failed on x{factor} ({status}): {err}");
    }
    // Only the rule of each finding is read: the report at 64x is gigabytes of JSON,
    // which a `Value` would hold several times over.
    let json: RuleCounts = serde_json::from_reader(std::io::BufReader::with_capacity(
        1 << 20,
        std::fs::File::open(&report)?,
    ))
    .context("reading the report")?;
    let stories = match threads {
        _ if !stories => StoryTimes::default(),
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t.parse().context("--threads needs a number")?)
            .build()?
            .install(|| time_stories(&corpus))?,
        None => time_stories(&corpus)?,
    };
    let mut per_rule = BTreeMap::new();
    for finding in json.findings {
        *per_rule.entry(finding.rule).or_insert(0) += 1;
    }
    std::fs::remove_file(&report)?;
    Ok(Row {
        factor,
        file_bytes,
        text_bytes,
        articles: json.summary.articles,
        secs,
        cpu,
        peak,
        per_rule,
        stories,
    })
}

pub fn run(args: &[String]) -> Result<()> {
    let mut threads = None;
    let mut max_rss = DEFAULT_MAX_RSS_GIB << 30;
    let mut factors = Vec::new();
    let mut stories = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--no-stories" {
            stories = false;
        } else if arg == "--threads" {
            threads = Some(rest.next().context("--threads needs a number")?.clone());
        } else if arg == "--max-rss" {
            let gib: u64 = rest
                .next()
                .context("--max-rss needs a number of GiB")?
                .parse()
                .context("--max-rss takes a whole number of GiB")?;
            max_rss = gib << 30;
        } else {
            factors.push(arg.parse::<usize>().context("factors are whole numbers")?);
        }
    }
    if factors.is_empty() {
        factors = vec![1, 4, 16, 64];
    }
    let bin = factdiff_binary()?;
    let mut rows: Vec<Row> = Vec::new();
    println!(
        "factdiff check, end to end, {} thread(s), one process per size",
        threads.as_deref().unwrap_or("all")
    );
    println!(
        "{:>5} {:>9} {:>10} {:>10} {:>9} {:>9} {:>9} {:>11} {:>8} {:>7}",
        "size",
        "articles",
        "file",
        "text",
        "wall s",
        "CPU s",
        "MB/CPU s",
        "peak",
        "peak/txt",
        "growth"
    );
    for factor in factors {
        let row = measure(&bin, factor, threads.as_deref(), max_rss, stories)?;
        let growth = rows.last().map_or(String::from("-"), |prev: &Row| {
            let size = (row.text_bytes as f64 / prev.text_bytes as f64).ln();
            let time = (row.cpu / prev.cpu).ln();
            format!("{:.2}", time / size)
        });
        println!(
            "{:>4}x {:>9} {:>10} {:>10} {:>9.1} {:>9.1} {:>9.2} {:>11} {:>8.2} {:>7}",
            row.factor,
            row.articles,
            mib(row.file_bytes),
            mib(row.text_bytes),
            row.secs,
            row.cpu,
            row.text_bytes as f64 / 1e6 / row.cpu,
            mib(row.peak),
            row.peak as f64 / row.text_bytes as f64,
            growth,
        );
        if !stories {
            rows.push(row);
            continue;
        }
        let t = &row.stories;
        println!(
            "      story stage: {} stories; signatures {:.2} s, grouping {:.2} s, facts {:.2} s: {:.2} s, {:.1}% of check; CPU {:.2} s, {:.1}% of check's",
            t.stories,
            t.signatures,
            t.grouping,
            t.facts,
            t.total(),
            100.0 * t.total() / row.secs,
            t.cpu,
            100.0 * t.cpu / row.cpu
        );
        rows.push(row);
    }
    println!("\nMB/CPU s is article text (MB = 10^6 bytes) over the CPU time of every thread;");
    println!("growth is the exponent of CPU time against text size since the previous row");
    println!(
        "(1.00 = linear). On a shared machine, read the CPU time and the peak, not the wall.\n"
    );
    if stories {
        println!("the story stage (in this process, same corpus and threads; issue 12: at most");
        println!("a fifth of check's time; share is of wall time, CPU share of CPU time, growth");
        println!("of the stage's CPU time):");
        println!(
            "{:>5} {:>8} {:>11} {:>10} {:>8} {:>9} {:>8} {:>9} {:>9} {:>7}",
            "size",
            "stories",
            "signatures",
            "grouping",
            "facts",
            "stage s",
            "share",
            "CPU s",
            "CPU share",
            "growth"
        );
        for (i, row) in rows.iter().enumerate() {
            let t = &row.stories;
            let growth = i.checked_sub(1).map_or(String::from("-"), |p| {
                let prev = &rows[p];
                let size = (row.text_bytes as f64 / prev.text_bytes as f64).ln();
                format!("{:.2}", (t.cpu / prev.stories.cpu).ln() / size)
            });
            println!(
                "{:>4}x {:>8} {:>11.2} {:>10.2} {:>8.2} {:>9.2} {:>7.1}% {:>9.2} {:>8.1}% {:>7}",
                row.factor,
                t.stories,
                t.signatures,
                t.grouping,
                t.facts,
                t.total(),
                100.0 * t.total() / row.secs,
                t.cpu,
                100.0 * t.cpu / row.cpu,
                growth,
            );
        }
    }
    println!();
    println!("findings per rule:");
    let rules: std::collections::BTreeSet<&String> =
        rows.iter().flat_map(|r| r.per_rule.keys()).collect();
    print!("{:<22}", "rule");
    for row in &rows {
        print!(" {:>9}", format!("{}x", row.factor));
    }
    println!();
    for rule in rules {
        print!("{rule:<22}");
        for row in &rows {
            print!(" {:>9}", row.per_rule.get(rule).copied().unwrap_or(0));
        }
        println!();
    }
    Ok(())
}
