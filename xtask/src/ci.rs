//! `cargo xtask ci`: what CI checks, in the order that fails fastest.

use std::process::Command;

use anyhow::Result;

use crate::util::{self, root};

/// Runs the checks with `CI` set (to `true` unless the caller set it already), as
/// `.ci/run` does: insta then fails on an unreviewed snapshot, and a test whose tool
/// (Chromium, `script`) is missing fails instead of skipping.
pub fn run() -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = root();
    let ci = std::env::var("CI")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "true".into());
    let step = |args: &[&str]| {
        util::run(
            Command::new(&cargo)
                .current_dir(&root)
                .env("CI", &ci)
                .args(args),
        )
    };
    step(&["fmt", "--all", "--", "--check"])?;
    step(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    // fuzz/ is a workspace of its own: neither command above builds its targets.
    step(&[
        "check",
        "--manifest-path",
        "fuzz/Cargo.toml",
        "--bins",
        "--target-dir",
        "target/fuzz-check",
    ])?;
    step(&["test", "--workspace"])?;
    Ok(())
}
