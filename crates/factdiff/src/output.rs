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
    emit_with(env, path, stdout, |out| out.write_all(bytes))
}

/// Streams what `write` writes to `path` (relative to the working directory)
/// atomically, or to standard output when `path` is `None`, through a buffer: a large
/// report is never held whole in memory. On an error the temporary file is removed
/// and `path` keeps what it held.
pub fn emit_with(
    env: &Env,
    path: Option<&Path>,
    stdout: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let Some(path) = path else {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
        return write(&mut out)
            .and_then(|()| out.flush())
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
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(dir: &Path) -> Env {
        Env {
            cwd: dir.to_path_buf(),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            no_color: false,
            width: None,
        }
    }

    #[test]
    fn a_report_that_fails_halfway_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("report.json"), "old report\n").unwrap();
        let err = emit_with(
            &env(dir.path()),
            Some(Path::new("report.json")),
            &mut Vec::new(),
            |out| {
                out.write_all(&[b'x'; 200_000])?;
                Err(std::io::Error::other("disk full"))
            },
        )
        .unwrap_err();
        assert!(format!("{err:?}").contains("report.json"), "{err:?}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("report.json")).unwrap(),
            "old report\n"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
    }

    #[test]
    fn a_streamed_report_is_written_whole() {
        let dir = tempfile::tempdir().unwrap();
        let body = "line\n".repeat(100_000);
        emit_with(
            &env(dir.path()),
            Some(Path::new("out.txt")),
            &mut Vec::new(),
            |out| out.write_all(body.as_bytes()),
        )
        .unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("out.txt")).unwrap(),
            body
        );
        let mut stdout = Vec::new();
        emit_with(&env(dir.path()), None, &mut stdout, |out| {
            out.write_all(body.as_bytes())
        })
        .unwrap();
        assert_eq!(stdout, body.as_bytes());
    }
}
