//! `cargo xtask TASK ...`: the project's own tasks, one module each.
//!
//! Run `cargo xtask` alone for the list. Data sets are read from `../shared/data`
//! (override with `FACTDIFF_DATA`); generated corpora go under `target/xtask/`, never
//! into the repository.

mod bench_corpus;
mod ci;
mod corpus;
mod util;

use anyhow::{Result, bail};

/// `(name, arguments, what it does)`: the list `cargo xtask` prints.
const TASKS: &[(&str, &str, &str)] = &[
    (
        "ci",
        "",
        "fmt check, clippy with warnings denied, then the tests (what .ci/run runs)",
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
        ("corpus", Some("reuters")) => corpus::reuters().map(|_| ()),
        ("bench", Some("corpus")) => bench_corpus::run(&rest[1..]),
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
