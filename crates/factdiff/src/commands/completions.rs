//! `factdiff completions SHELL`: a completion script on standard output.

use std::io::Write;

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::error::CliError;

pub fn run(args: &CompletionsArgs, stdout: &mut dyn Write) -> Result<u8, CliError> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "factdiff", &mut buf);
    stdout
        .write_all(&buf)
        .map_err(|err| CliError::usage(format!("cannot write to standard output: {err}")))?;
    Ok(0)
}
