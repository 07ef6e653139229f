//! What a project filters out of the engines' findings: the rules it ignores (in
//! all files or by path), what inline comments suppress, and a baseline of findings
//! it has accepted.

use std::collections::BTreeSet;

use factdiff_corpus::Corpus;
use factdiff_findings::Finding;

use crate::suppress;

/// The rules whose findings are not reported: everywhere, or in the files a glob
/// matches (factdiff.toml's `ignore` and `per-path-ignores`).
#[derive(Clone, Debug, Default)]
pub struct Ignores {
    /// Rules never reported.
    pub rules: Vec<String>,
    /// Globs (matched against report paths) and the rules not reported there; `*`
    /// stands for every rule.
    pub per_path: Vec<(globset::GlobMatcher, Vec<String>)>,
}

impl Ignores {
    /// Whether a finding is ignored: its rule is ignored, or a per-path ignore
    /// matches its primary location's path and names its rule (or `*`).
    pub fn matches(&self, finding: &Finding) -> bool {
        if self.rules.iter().any(|r| r == &finding.rule) {
            return true;
        }
        let Some(loc) = finding.primary() else {
            return false;
        };
        self.per_path.iter().any(|(glob, rules)| {
            glob.is_match(&loc.path) && rules.iter().any(|r| r == "*" || r == &finding.rule)
        })
    }
}

/// The filters of one run.
#[derive(Clone, Copy)]
pub struct Filters<'a> {
    /// The ignored rules.
    pub ignores: &'a Ignores,
    /// The fingerprints of the accepted findings (`--baseline`), if any.
    pub baseline: Option<&'a BTreeSet<String>>,
    /// When fingerprints must hash other paths than the findings' report paths (a
    /// baseline is relative to the project's root, not to where factdiff runs), the
    /// path a fingerprint hashes for a report path.
    pub fingerprint_path: Option<&'a dyn Fn(&str) -> String>,
}

/// How many findings each filter took out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    /// Covered by an inline suppression comment.
    pub suppressed: usize,
    /// In the baseline.
    pub in_baseline: usize,
}

/// Applies the filters in order: fingerprints the findings again with
/// `fingerprint_path` when there is one, drops the ignored rules' findings, the suppressed
/// ones (adding an `unused-suppression` finding for each comment that suppressed
/// nothing, which can itself be ignored), then the baseline's. The findings stay in
/// their total order.
pub fn filter(corpus: &Corpus, findings: &mut Vec<Finding>, filters: &Filters<'_>) -> Filtered {
    let same = |p: &str| p.to_owned();
    let fingerprint_path = match filters.fingerprint_path {
        Some(path) => {
            factdiff_findings::refingerprint(findings, path);
            path
        }
        None => &same,
    };
    findings.retain(|f| !filters.ignores.matches(f));
    let suppressed = suppress::apply(findings, corpus, fingerprint_path);
    findings.retain(|f| !filters.ignores.matches(f));
    let in_baseline = match filters.baseline {
        Some(accepted) => {
            let before = findings.len();
            findings.retain(|f| !accepted.contains(&f.fingerprint));
            before - findings.len()
        }
        None => 0,
    };
    Filtered {
        suppressed,
        in_baseline,
    }
}
