//! `cargo xtask ci`: what CI checks, in the order that fails fastest.

use std::process::Command;

use anyhow::Result;

use crate::util::{self, root};

pub fn run() -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = root();
    let step = |args: &[&str]| util::run(Command::new(&cargo).current_dir(&root).args(args));
    step(&["fmt", "--all", "--", "--check"])?;
    step(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    step(&["test", "--workspace"])?;
    Ok(())
}
