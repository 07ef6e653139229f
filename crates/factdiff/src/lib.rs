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
mod output;
mod progress;
mod sources;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

pub use crate::args::Cli;
pub use crate::error::CliError;

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
        })
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

/// The man page of `factdiff` (roff), generated from the command line's definition.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    Ok(out)
}
