//! `--only-changed REV`: the files changed since a git revision, through the `git`
//! command, and the findings that touch them.
//!
//! A finding is reported when any of its locations is in a changed file, not only its
//! primary one: a new article that contradicts two old ones gives two findings whose
//! primary locations are in the old articles (the total order puts them first), and
//! each is news that the change brings.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use factdiff_findings::Finding;

use crate::config::relative;
use crate::error::CliError;

/// The files changed since `rev` (committed since, staged, unstaged, and untracked
/// files that are not ignored), as paths relative to `cwd` with `/`, the form of the
/// paths in findings.
pub fn changed_files(cwd: &Path, rev: &str) -> Result<BTreeSet<String>, CliError> {
    let top = git(cwd, &["rev-parse", "--show-toplevel"])?;
    let top = Path::new(top.trim_end_matches(['\n', '\r']));
    // `--end-of-options` keeps a revision that starts with `-` from being an option.
    let verified = git(
        cwd,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        CliError::usage(format!(
            "--only-changed: `{rev}` is not a revision of this git repository"
        ))
    })?;
    let commit = verified.trim();
    let diff = git(
        cwd,
        &["diff", "--name-only", "-z", "--no-renames", commit, "--"],
    )?;
    let untracked = git(top, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    let base = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    Ok(diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|p| !p.is_empty())
        .map(|p| {
            relative(&base, &top.join(p))
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect())
}

/// Keeps the findings with at least one location in a `changed` file; returns how many
/// were dropped (those only in unchanged files).
pub fn retain_touching(findings: &mut Vec<Finding>, changed: &BTreeSet<String>) -> usize {
    let before = findings.len();
    findings.retain(|f| f.locations.iter().any(|l| changed.contains(&l.path)));
    before - findings.len()
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, CliError> {
    let output = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(|err| {
            CliError::usage(format!(
                "--only-changed needs the `git` command, which could not be run: {err}"
            ))
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.trim();
        if said.contains("not a git repository") {
            return Err(CliError::usage(
                "--only-changed needs a git repository, and the working directory is not in one",
            ));
        }
        return Err(CliError::usage(format!(
            "--only-changed: `git {}` failed: {said}",
            args.join(" ")
        )));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
