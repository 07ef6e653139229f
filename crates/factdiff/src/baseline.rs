//! Baselines: the findings a project has accepted, by fingerprint.
//!
//! `factdiff baseline FILE` writes, and `check --baseline FILE` reads:
//!
//! ```json
//! { "version": 1,
//!   "findings": [ { "fingerprint": "…", "rule": "count-mismatch",
//!                   "path": "news/quake-b.md", "message": "…" } ] }
//! ```
//!
//! Only `fingerprint` decides; `rule`, `path` and `message` are for the people who
//! review the file. A fingerprint hashes the rule, the paths and the quoted texts, never
//! lines or offsets, so a finding keeps its place in the baseline when lines move or
//! other parts of its article change. The paths it hashes, and `path`, are relative to
//! the fingerprint root (the folder of factdiff.toml, else the git repository's root,
//! else the working directory; see `fingerprint.rs`), so a baseline works from any
//! folder of the project.

use std::collections::BTreeSet;
use std::path::Path;

use factdiff_findings::Finding;
use serde::{Deserialize, Serialize};

use crate::error::CliError;

/// The baseline file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    /// 1.
    pub version: u32,
    /// The accepted findings, sorted by fingerprint.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub fingerprint: String,
    #[serde(default)]
    pub rule: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub message: String,
}

/// The baseline of these findings, as pretty JSON with a final newline; `path` gives
/// a report path as the baseline shows it (relative to the fingerprint root).
pub fn to_bytes(findings: &[Finding], path: &dyn Fn(&str) -> String) -> Vec<u8> {
    let mut entries: Vec<Entry> = findings
        .iter()
        .map(|f| Entry {
            fingerprint: f.fingerprint.clone(),
            rule: f.rule.clone(),
            path: f.primary().map(|l| path(&l.path)).unwrap_or_default(),
            message: f.message.clone(),
        })
        .collect();
    entries.sort();
    let file = BaselineFile {
        version: 1,
        findings: entries,
    };
    let mut out = serde_json::to_vec_pretty(&file).expect("a baseline serializes");
    out.push(b'\n');
    out
}

/// Reads the fingerprints of a baseline file (`shown` is the path as the user gave it).
pub fn read(path: &Path, shown: &Path) -> Result<BTreeSet<String>, CliError> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        CliError::usage(format!(
            "cannot read the baseline `{}`: {err}; write one with `factdiff baseline FILE`",
            shown.display()
        ))
    })?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|err| {
        CliError::usage(format!(
            "{}:{}:{}: not a factdiff baseline: {err}",
            shown.display(),
            err.line(),
            err.column()
        ))
    })?;
    if file.version != 1 {
        return Err(CliError::usage(format!(
            "`{}` is a baseline of version {}; this factdiff reads version 1",
            shown.display(),
            file.version
        )));
    }
    Ok(file.findings.into_iter().map(|e| e.fingerprint).collect())
}
