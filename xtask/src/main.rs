//! `cargo xtask TASK ...`: the project's own tasks, one module each.
//!
//! Run `cargo xtask` alone for the list. Data sets are read from `../shared/data`
//! (override with `FACTDIFF_DATA`); generated corpora go under `target/xtask/`, never
//! into the repository.

mod bench_check;
mod bench_claims;
mod bench_corpus;
mod bench_hostile;
mod bench_overlap;
mod bench_peers;
mod bench_scale;
mod ci;
mod corpus;
mod eval_claims;
mod eval_clough;
mod eval_measeval;
mod eval_msrp;
mod eval_planted;
mod eval_precision;
mod eval_reuters_dups;
mod eval_stories;
mod eval_timebank;
mod eval_truth;
mod gen_corpus;
mod man;
mod mutants;
mod new_rule;
mod overlap_links;
mod util;

use anyhow::{Result, bail};

/// `(name, arguments, what it does)`: the list `cargo xtask` prints.
const TASKS: &[(&str, &str, &str)] = &[
    (
        "man",
        "[DIR]",
        "the man pages of factdiff and its subcommands (default: $CARGO_TARGET_DIR/man, else target/man/)",
    ),
    (
        "new-rule",
        "NAME",
        "scaffold a new rule kind: its file, registry line, rules/NAME.toml, fixtures, docs section",
    ),
    (
        "ci",
        "",
        "fmt check, clippy with warnings denied, then the tests, all with CI=true (what .ci/run runs)",
    ),
    (
        "mutants",
        "[CARGO-MUTANTS ARGS]",
        "cargo mutants on factdiff-claims and factdiff-rules (not CI; sample with --shard K/N or --file): share caught",
    ),
    (
        "corpus",
        "reuters",
        "turn Reuters-21578 (SGML, Latin-1) into target/xtask/reuters.jsonl",
    ),
    (
        "corpus",
        "tbaq",
        "turn TempEval-3's TBAQ-cleaned (TimeML news) into target/xtask/tbaq.jsonl",
    ),
    (
        "bench",
        "corpus",
        "load and segment the Reuters JSONL corpus: MB/s and peak memory",
    ),
    (
        "bench",
        "overlap",
        "overlap at 1x/4x/16x near-duplicate Reuters: time, memory, recall; vs datasketch",
    ),
    (
        "bench",
        "check [--scales 1,4,16] [--threads 1,2] [--rounds 3]",
        "the whole check at 1x/4x/16x Reuters, 1 and 2 threads, medians of interleaved rounds: time, CPU, MB/s, memory, findings per rule",
    ),
    (
        "bench",
        "scale [--threads N] [--max-rss GIB] [--no-stories] [FACTOR...]",
        "the release `factdiff check` end to end at 1x/4x/16x/64x (~1 GB) Reuters: wall, MB/s, peak memory, growth, findings per rule",
    ),
    (
        "bench",
        "hostile [--max MB] [--rounds N] [CASE...]",
        "the pathological inputs of docs/bad-input.md at two sizes 10x apart, best of N interleaved rounds; fails above a CPU-time ratio of 12",
    ),
    (
        "bench",
        "peers [--rounds N]",
        "factdiff vs datasketch, quantulum3, dateparser and a 5-gram hashing floor on Reuters, interleaved: ratios",
    ),
    (
        "bench",
        "claims",
        "claims over Reuters: MB/s, claims per kind; vs quantulum3 and dateparser on a sample",
    ),
    (
        "eval",
        "claims [--check] [--sample N]",
        "claims of ECB+ and Reuters vs the judged sample eval/claims/: precision per kind, lost, not judged",
    ),
    (
        "eval",
        "timebank [DIR]",
        "dates vs TempEval-3 TBAQ-cleaned: strict/relaxed extent P/R/F1, value accuracy",
    ),
    (
        "eval",
        "measeval [DIR]",
        "quantities vs MeasEval (test split): strict/relaxed extent P/R/F1",
    ),
    (
        "gen-corpus",
        "[FACTOR...]",
        "Reuters copies with 5% of words edited (fixed seed) at 4x, 16x under target/xtask",
    ),
    (
        "eval",
        "reuters-dups",
        "recall of Reuters exact-duplicate pairs; a sample of same-title edits to judge",
    ),
    (
        "eval",
        "clough",
        "ROC AUC of reuse vs non-reuse on Clough-Stevenson, means per class",
    ),
    (
        "eval",
        "msrp",
        "choose the near-overlap threshold on MSRP: precision and recall",
    ),
    (
        "eval",
        "stories [--check] [--with KEY=VALUE]",
        "stories vs the events of ECB+ (dev): pairwise and B-cubed P/R/F1, beside a TF-IDF single-link baseline",
    ),
    (
        "eval",
        "precision [--check|--record]",
        "per rule, precision over the judged findings (eval/judgments/) on Reuters and ECB+, lost and unjudged findings",
    ),
    (
        "eval",
        "sample RULE... [N] [--all]",
        "each rule's first N sampled findings (default 40) in context, with a judgment line to fill in",
    ),
    (
        "eval",
        "planted [--check|--record] [--list]",
        "recall of contradictions planted in ECB+ (counts, dates, quotes, surnames), and findings the planting adds elsewhere",
    ),
];

/// The factdiff binary's allocator (jemalloc, see crates/factdiff/src/main.rs), so that
/// what the evaluations and benches run in this process allocates as `factdiff` does.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(err) = run(&args) {
        eprintln!("error: {err:#}");
        std::process::exit(2);
    }
}

fn run(args: &[String]) -> Result<()> {
    let Some(task) = args.first() else {
        print_tasks();
        return Ok(());
    };
    let rest = &args[1..];
    let sub = rest.first().map(String::as_str);
    match (task.as_str(), sub) {
        ("ci", _) => ci::run(),
        ("man", _) => man::run(rest),
        ("mutants", _) => mutants::run(rest),
        ("new-rule", _) => new_rule::run(rest),
        ("corpus", Some("reuters")) => corpus::reuters().map(|_| ()),
        ("corpus", Some("tbaq")) => corpus::tbaq().map(|_| ()),
        ("bench", Some("corpus")) => bench_corpus::run(&rest[1..]),
        ("bench", Some("overlap")) => bench_overlap::run(&rest[1..]),
        ("bench", Some("overlap-run")) => bench_overlap::run_one(&rest[1..]),
        ("bench", Some("check")) => bench_check::run(&rest[1..]),
        ("bench", Some("check-run")) => bench_check::run_one(&rest[1..]),
        ("bench", Some("scale")) => bench_scale::run(&rest[1..]),
        ("bench", Some("hostile")) => bench_hostile::run(&rest[1..]),
        ("bench", Some("hostile-run")) => bench_hostile::run_one(&rest[1..]),
        ("bench", Some("peers")) => bench_peers::run(&rest[1..]),
        ("bench", Some("peers-run")) => bench_peers::run_one(&rest[1..]),
        ("bench", Some("claims")) => bench_claims::run(&rest[1..]),
        ("eval", Some("timebank")) => eval_timebank::run(&rest[1..]),
        ("eval", Some("claims")) => eval_claims::run(&rest[1..]),
        ("eval", Some("measeval")) => eval_measeval::run(&rest[1..]),
        ("gen-corpus", _) => gen_corpus::run(rest),
        ("eval", Some("reuters-dups")) => eval_reuters_dups::run(&rest[1..]),
        ("eval", Some("clough")) => eval_clough::run(&rest[1..]),
        ("eval", Some("msrp")) => eval_msrp::run(&rest[1..]),
        ("eval", Some("stories")) => eval_stories::run(&rest[1..]),
        ("eval", Some("precision")) => passed(eval_precision::run(&rest[1..])?),
        ("eval", Some("sample")) => eval_precision::sample(&rest[1..]),
        ("eval", Some("planted")) => passed(eval_planted::run(&rest[1..])?),
        ("help" | "--help" | "-h", _) => {
            print_tasks();
            Ok(())
        }
        _ => {
            print_tasks();
            bail!(
                "unknown task `{}`; pick one from the list above",
                args.join(" ")
            )
        }
    }
}

/// A check that ran and failed exits 1 (its output says why); bad usage and errors
/// exit 2 in `main`.
fn passed(ok: bool) -> Result<()> {
    if !ok {
        std::process::exit(1);
    }
    Ok(())
}

fn print_tasks() {
    println!("cargo xtask TASK\n\ntasks:");
    for (name, sub, what) in TASKS {
        let head = if sub.is_empty() {
            name.to_string()
        } else {
            format!("{name} {sub}")
        };
        println!("  {head:<24} {what}");
    }
}
