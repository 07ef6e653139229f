//! Tests that need a program outside Rust (headless Chromium for the HTML report,
//! `script` for a terminal): without it they skip on a developer's machine, saying
//! so, and fail under CI, where a skipped test would pass unseen.
//!
//! One file, included with `#[path]` by every test binary that needs it (the e2e
//! binary of `tests/` and `crates/factdiff/tests/terminal.rs`), so the rule for what
//! counts as "under CI" is written once.

/// Whether a `CI` environment value means "running under CI". CI services set it to
/// "true" (GitHub Actions, GitLab, Travis, `.ci/run`, `cargo xtask ci`), "1", "yes" or
/// their own words; any set, non-empty value counts except the usual spellings of
/// false, so that no truthy value lets a needed tool go missing unseen.
pub fn is_ci(value: Option<&str>) -> bool {
    match value.map(str::trim) {
        None | Some("") => false,
        Some(v) => !["false", "0", "no", "off", "n", "f"]
            .iter()
            .any(|no| v.eq_ignore_ascii_case(no)),
    }
}

/// Whether this process runs under CI (see [`is_ci`]).
pub fn under_ci() -> bool {
    is_ci(std::env::var("CI").ok().as_deref())
}

/// Whether a test may go on: `true` when the tool was `found`. When it was not, panics
/// under CI with `what` and how to `install` it, and otherwise prints that the test
/// is skipped and returns `false`.
pub fn need(found: bool, what: &str, install: &str) -> bool {
    need_under(under_ci(), found, what, install)
}

/// [`need`] with whether this runs under CI given, so that it can be tested.
#[allow(clippy::print_stderr)]
fn need_under(ci: bool, found: bool, what: &str, install: &str) -> bool {
    if found {
        return true;
    }
    assert!(!ci, "{what} is missing and CI is set: {install}");
    eprintln!(
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
         SKIPPED (not under CI): {what} is missing: {install}\n\
         !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    );
    false
}

#[cfg(test)]
mod tests {
    use super::{is_ci, need_under};

    #[test]
    fn every_truthy_ci_value_counts_and_false_ones_do_not() {
        for v in [
            "true", "TRUE", "True", "1", "yes", "on", "y", "gitlab", " true ",
        ] {
            assert!(is_ci(Some(v)), "{v:?}");
        }
        for v in ["false", "False", "0", "no", "off", "", "  "] {
            assert!(!is_ci(Some(v)), "{v:?}");
        }
        assert!(!is_ci(None));
    }

    #[test]
    fn a_missing_tool_skips_locally_and_goes_on_when_found() {
        assert!(!need_under(false, false, "a tool", "install it"));
        assert!(need_under(false, true, "a tool", "install it"));
        assert!(need_under(true, true, "a tool", "install it"));
    }

    #[test]
    #[should_panic(expected = "a tool is missing and CI is set: install it")]
    fn a_missing_tool_fails_under_ci() {
        need_under(true, false, "a tool", "install it");
    }
}
