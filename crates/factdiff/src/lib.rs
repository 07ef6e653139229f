//! The `factdiff` command line: arguments, configuration, exit codes and output.
//!
//! This crate holds no analysis. It resolves flags and factdiff.toml into a run,
//! loads the corpus (factdiff-corpus), calls the engines, and hands their findings to
//! a renderer (factdiff-report). [`run`] takes the working directory and the output
//! streams as arguments, so that tests run the real CLI in-process.

mod args;
mod baseline;
mod changed;
mod commands;
mod config;
mod error;
mod fingerprint;
mod man;
mod output;
mod progress;
mod sources;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;

pub use crate::args::Cli;
pub use crate::error::CliError;
pub use crate::man::man_pages;

/// What a run may know of the world it runs in: nothing else is read from it.
#[derive(Clone, Debug)]
pub struct Env {
    /// The working directory: relative paths resolve against it and report paths are
    /// relative to it.
    pub cwd: PathBuf,
    /// Whether standard output is a terminal (colour, and the elapsed time on the
    /// summary line, only then).
    pub stdout_is_terminal: bool,
    /// Whether standard error is a terminal (the progress spinner only then).
    pub stderr_is_terminal: bool,
    /// Whether NO_COLOR is set to a non-empty value.
    pub no_color: bool,
    /// The width of the text report, in columns: `COLUMNS` when it is a positive
    /// number, else the terminal's width when standard output is a terminal, else
    /// `None` (a fixed width, so reports in files and pipes do not depend on the
    /// window they were made in).
    pub width: Option<usize>,
}

impl Env {
    /// The environment of this process.
    pub fn from_process() -> std::io::Result<Env> {
        use std::io::IsTerminal;
        Ok(Env {
            cwd: std::env::current_dir()?,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stderr_is_terminal: std::io::stderr().is_terminal(),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            width: width(
                std::env::var("COLUMNS").ok().as_deref(),
                std::io::stdout().is_terminal(),
                || terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
            ),
        })
    }
}

/// The text report's width: `COLUMNS` when it is a positive number, else the
/// terminal's (`terminal()`) when standard output is one, else none.
fn width(
    columns: Option<&str>,
    stdout_is_terminal: bool,
    terminal: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    match columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        Some(n) if n > 0 => Some(n),
        _ if stdout_is_terminal => terminal().filter(|&n| n > 0),
        _ => None,
    }
}

/// Runs the CLI and returns its exit code: 0 nothing at or above `--fail-on`, 1
/// findings at or above it, 2 a usage, configuration or fatal error.
pub fn run<I, T>(args: I, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let text = if env.stdout_is_terminal && !env.no_color {
                err.render().ansi().to_string()
            } else {
                err.render().to_string()
            };
            return if err.use_stderr() {
                let _ = write!(stderr, "{text}");
                2
            } else {
                let _ = write!(stdout, "{text}");
                0
            };
        }
    };
    match commands::dispatch(&cli, env, stdout, stderr) {
        Ok(code) => code,
        Err(err) => {
            let _ = writeln!(stderr, "error: {err}");
            err.code
        }
    }
}

/// Whether the run is the process's last act ([`run_to_exit`]).
static EXITING: AtomicBool = AtomicBool::new(false);

/// [`run`] as the last thing the process does (the `factdiff` binary): the run's
/// largest structures (the corpus, the findings, the stories) are left to the
/// operating system at exit, not freed one allocation at a time first. Freeing them
/// took one thread at the end of `check` while the others waited (about 0.7 CPU
/// seconds at 16x Reuters; issue 14). A caller that goes on after the run (the
/// tests, in-process) calls [`run`], which frees them.
pub fn run_to_exit<I, T>(args: I, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    EXITING.store(true, Ordering::Relaxed);
    run(args, env, stdout, stderr)
}

/// Drops `value`, or, when the run is the process's last act ([`run_to_exit`]),
/// leaves it to the operating system at exit.
pub(crate) fn release<T>(value: T) {
    if EXITING.load(Ordering::Relaxed) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_width_is_columns_else_the_terminals_else_none() {
        assert_eq!(super::width(Some("60"), false, || Some(200)), Some(60));
        assert_eq!(super::width(Some("60"), true, || Some(200)), Some(60));
        assert_eq!(super::width(None, true, || Some(200)), Some(200));
        assert_eq!(super::width(Some("wide"), true, || Some(200)), Some(200));
        assert_eq!(super::width(Some("0"), false, || Some(200)), None);
        assert_eq!(super::width(None, false, || Some(200)), None);
        assert_eq!(super::width(None, true, || None), None);
    }
}
