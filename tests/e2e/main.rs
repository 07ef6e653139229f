//! End-to-end tests: the real CLI, run in-process over the seeds and the fixtures.
//!
//! One integration binary (`autotests = false`); a module per command or concern.
//! Every test goes through [`factdiff`] with an explicit working directory, so paths
//! in snapshots are relative and the same on every machine.

mod claims;
mod cli;
mod corpus;
mod determinism;
mod hardening;
mod options;
mod overlap;
mod properties;
mod reports;
mod rules;
mod stories;
mod tidy;
#[path = "../support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};

/// What a run printed and returned.
pub struct Output {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Standard output and standard error together, for snapshots.
    pub fn both(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// Runs `factdiff ARGS` with `cwd` as the working directory, no terminal, no colour.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    let env = factdiff::Env {
        cwd: cwd.to_path_buf(),
        stdout_is_terminal: false,
        stderr_is_terminal: false,
        no_color: false,
        width: None,
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("factdiff").chain(args.iter().copied());
    let code = factdiff::run(argv, &env, &mut stdout, &mut stderr);
    Output {
        code,
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

/// Runs `factdiff ARGS` from the workspace root.
pub fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// The one insta configuration every snapshot test binds.
pub fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/e2e/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_sort_maps(true);
    settings
}

/// Asserts a snapshot with the shared settings.
#[macro_export]
macro_rules! snap {
    ($name:expr, $value:expr) => {
        $crate::settings().bind(|| insta::assert_snapshot!($name, $value))
    };
}
