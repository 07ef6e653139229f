//! Where output goes: standard output, or a file written atomically (a temporary file
//! beside it, then a rename), so an interrupted run never leaves half a report.

use std::io::Write;
use std::path::Path;

use crate::Env;
use crate::args::ColorChoice;
use crate::error::CliError;

/// Writes `bytes` to `path` (relative to the working directory) atomically, or to
/// standard output when `path` is `None`.
pub fn emit(
    env: &Env,
    path: Option<&Path>,
    bytes: &[u8],
    stdout: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(path) = path else {
        return stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(|err| CliError::usage(format!("cannot write to standard output: {err}")));
    };
    let full = env.cwd.join(path);
    let dir = full
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(&env.cwd);
    let fail =
        |err: std::io::Error| CliError::usage(format!("cannot write `{}`: {err}", path.display()));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.persist(&full).map_err(|err| fail(err.error))?;
    Ok(())
}

/// Whether to colour the text written to standard output.
pub fn use_color(env: &Env, choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !to_file && env.stdout_is_terminal && !env.no_color,
    }
}
