//! `cargo xtask TASK ...`: the project's own tasks, one module each.
//!
//! Run `cargo xtask` alone for the list. Data sets are read from `../shared/data`
//! (override with `FACTDIFF_DATA`); generated corpora go under `target/xtask/`, never
//! into the repository.

mod bench_check;
mod bench_claims;
mod bench_corpus;
mod bench_overlap;
mod bench_scale;
mod ci;
mod corpus;
mod eval_clough;
mod eval_measeval;
mod eval_msrp;
mod eval_reuters_dups;
mod eval_timebank;
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
        "check",
        "the whole check at 1x/4x/16x Reuters, 1 and 2 threads: time, MB/s, memory, findings per rule",
    ),
    (
        "bench",
        "scale [--threads N] [FACTOR...]",
        "the release `factdiff check` end to end at 1x/4x/16x/64x (~1 GB) Reuters: wall, MB/s, peak memory, growth, findings per rule",
    ),
    (
        "bench",
        "claims",
        "claims over Reuters: MB/s, claims per kind; vs quantulum3 and dateparser on a sample",
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
];

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
        ("bench", Some("corpus")) => bench_corpus::run(&rest[1..]),
        ("bench", Some("overlap")) => bench_overlap::run(&rest[1..]),
        ("bench", Some("overlap-run")) => bench_overlap::run_one(&rest[1..]),
        ("bench", Some("check")) => bench_check::run(&rest[1..]),
        ("bench", Some("check-run")) => bench_check::run_one(&rest[1..]),
        ("bench", Some("scale")) => bench_scale::run(&rest[1..]),
        ("bench", Some("claims")) => bench_claims::run(&rest[1..]),
        ("eval", Some("timebank")) => eval_timebank::run(&rest[1..]),
        ("eval", Some("measeval")) => eval_measeval::run(&rest[1..]),
        ("gen-corpus", _) => gen_corpus::run(rest),
        ("eval", Some("reuters-dups")) => eval_reuters_dups::run(&rest[1..]),
        ("eval", Some("clough")) => eval_clough::run(&rest[1..]),
        ("eval", Some("msrp")) => eval_msrp::run(&rest[1..]),
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
