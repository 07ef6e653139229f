//! `cargo xtask mutants [CARGO-MUTANTS ARGS...]`: mutation testing of the claims and
//! rules crates with `cargo mutants`, as an evaluation of the tests (not run in CI:
//! it builds and tests the workspace once per mutant).
//!
//! Each mutant (a function body replaced, an operator flipped) is built and tested by
//! the mutated crate's own tests and the end-to-end tests (`factdiff-tests`: the rule
//! fixtures, the snapshots); a mutant they do not catch is code no test pins down. The
//! task prints the share caught, `caught / (caught + missed + timeout)` (a mutant
//! that does not build, "unviable", counts for nothing), with the missed ones, and
//! records them in `target/xtask/mutants/`. The full run takes hours on a laptop:
//! pass a sample, e.g. `--shard 0/20` (every 20th mutant) or `--file
//! crates/factdiff-rules/src/kinds/invalid_date.rs`; docs/testing.md records the
//! figure and its sample.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::util::{out_dir, root};

/// The crates whose code is mutated.
const PACKAGES: &[&str] = &["factdiff-claims", "factdiff-rules"];

/// What the run found, from the lists cargo-mutants writes (one mutant a line).
#[derive(Debug, Default, PartialEq)]
pub struct Score {
    pub caught: usize,
    pub missed: usize,
    pub timeout: usize,
    pub unviable: usize,
}

impl Score {
    /// Reads `caught.txt`, `missed.txt`, `timeout.txt` and `unviable.txt` of a
    /// cargo-mutants output folder (`mutants.out`); a missing list is empty.
    pub fn read(dir: &Path) -> Result<Score> {
        let count = |name: &str| -> Result<usize> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text.lines().filter(|l| !l.trim().is_empty()).count()),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(0),
                Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
            }
        };
        Ok(Score {
            caught: count("caught.txt")?,
            missed: count("missed.txt")?,
            timeout: count("timeout.txt")?,
            unviable: count("unviable.txt")?,
        })
    }

    /// The share of viable mutants the tests caught, `None` when none was viable.
    pub fn share(&self) -> Option<f64> {
        let viable = self.caught + self.missed + self.timeout;
        (viable > 0).then(|| self.caught as f64 / viable as f64)
    }

    pub fn summary(&self) -> String {
        let share = self
            .share()
            .map_or_else(|| "n/a".to_owned(), |s| format!("{s:.2}"));
        format!(
            "mutants caught: {share} ({} caught, {} missed, {} timeout; {} unviable left out)",
            self.caught, self.missed, self.timeout, self.unviable
        )
    }
}

pub fn run(args: &[String]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let installed = Command::new(&cargo)
        .args(["mutants", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        bail!("cargo-mutants is not installed: cargo install cargo-mutants --locked");
    }
    let out = out_dir()?.join("mutants");
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(root()).arg("mutants");
    for package in PACKAGES {
        cmd.args(["--package", package]);
    }
    // The end-to-end tests are where the rules are proved (the fixture loop, the
    // option cases, the snapshots), so they run beside each crate's own tests.
    for package in PACKAGES.iter().chain(&["factdiff-tests"]) {
        cmd.args(["--test-package", package]);
    }
    // A shard is a sample spread over both crates, not a run of consecutive mutants.
    cmd.args(["--sharding", "round-robin"]);
    cmd.arg("--output").arg(&out).args(args);
    // Without debug info the builds of each mutant are a good deal faster.
    cmd.env("CARGO_PROFILE_DEV_DEBUG", "0");
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    // cargo-mutants exits 2 when a mutant is missed, 3 on a timeout: results, not
    // failures of the run; 1 and 4 (bad usage, a baseline that fails) are.
    let status = cmd.status().with_context(|| format!("running {shown}"))?;
    if !matches!(status.code(), Some(0 | 2 | 3)) {
        bail!("{shown} failed with {status}");
    }
    let results = out.join("mutants.out");
    let score = Score::read(&results)?;
    let summary = score.summary();
    println!("{summary}");
    let missed = std::fs::read_to_string(results.join("missed.txt")).unwrap_or_default();
    if !missed.is_empty() {
        println!("missed:\n{missed}");
    }
    std::fs::write(out.join("summary.txt"), format!("{shown}\n{summary}\n"))
        .with_context(|| format!("writing {}", out.join("summary.txt").display()))?;
    println!("lists in {}", results.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Score;

    #[test]
    fn the_share_counts_timeouts_as_not_caught_and_leaves_unviable_out() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("caught.txt"), "a\nb\nc\n\n").unwrap();
        std::fs::write(dir.path().join("missed.txt"), "d\n").unwrap();
        std::fs::write(dir.path().join("unviable.txt"), "e\nf\n").unwrap();
        let score = Score::read(dir.path()).unwrap();
        assert_eq!(
            score,
            Score {
                caught: 3,
                missed: 1,
                timeout: 0,
                unviable: 2
            }
        );
        assert_eq!(score.share(), Some(0.75));
        assert_eq!(
            score.summary(),
            "mutants caught: 0.75 (3 caught, 1 missed, 0 timeout; 2 unviable left out)"
        );
        assert_eq!(Score::default().share(), None);
    }
}
