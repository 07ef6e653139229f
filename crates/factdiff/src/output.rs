//! Where output goes: standard output, or a file written atomically (a temporary file
//! beside it, then a rename), so an interrupted run never leaves half a report. The
//! file gets the permissions a plain create would give it (`0o666` less the umask, so
//! `0644` under the usual umask), or keeps those it had. A device or a pipe
//! (`-o /dev/null`) is written in place, never replaced.

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
    emit_to(env, path, stdout, |sink| match sink {
        Sink::ThisThread(out) => write(out),
        Sink::AnyThread(out) => write(out),
    })
}

/// What [`emit_to`] writes to: standard output as the caller gave it, written on this
/// thread, or a file, which any thread may write.
pub enum Sink<'a> {
    /// Standard output (its lock is the thread's).
    ThisThread(&'a mut dyn Write),
    /// A file.
    AnyThread(&'a mut (dyn Write + Send)),
}

/// [`emit_with`], telling `write` whether another thread may write its output (a
/// file may be; standard output is written where the caller holds it).
pub fn emit_to(
    env: &Env,
    path: Option<&Path>,
    stdout: &mut dyn Write,
    write: impl FnOnce(Sink<'_>) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let Some(path) = path else {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
        return write(Sink::ThisThread(&mut out))
            .and_then(|()| out.flush())
            .map_err(|err| CliError::usage(format!("cannot write to standard output: {err}")));
    };
    let full = env.cwd.join(path);
    let dir = full
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(&env.cwd);
    // Said before a temporary file's name can turn up in a message.
    if !dir.is_dir() {
        let shown = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| dir.display().to_string(), |d| d.display().to_string());
        let what = if dir.exists() {
            format!("`{shown}` is not a folder")
        } else {
            format!("folder `{shown}` does not exist; create it")
        };
        return Err(CliError::usage(format!(
            "cannot write `{}`: {what}",
            path.display()
        )));
    }
    if full.is_dir() {
        return Err(CliError::usage(format!(
            "cannot write `{}`: it is a folder; give a file name",
            path.display()
        )));
    }
    let fail =
        |err: std::io::Error| CliError::usage(format!("cannot write `{}`: {err}", path.display()));
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written as it
    // is: a rename over it would replace the device with a plain file.
    if std::fs::metadata(&full).is_ok_and(|meta| !meta.is_file()) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&full)
            .map_err(fail)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        return write(Sink::AnyThread(&mut out))
            .and_then(|()| out.flush())
            .map_err(fail);
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".factdiff-");
    // As `File::create` would: 0o666 less the umask (tempfile's default is 0o600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    // A file that exists keeps its permissions.
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(&full) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(fail)?;
    }
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(Sink::AnyThread(&mut out))
            .and_then(|()| out.flush())
            .map_err(fail)?;
    }
    tmp.persist(&full).map_err(|err| fail(err.error))?;
    Ok(())
}

/// Says on standard error what a run wrote to `--output FILE`: one line.
pub fn wrote(stderr: &mut dyn Write, path: &Path, what: &str) {
    let _ = writeln!(stderr, "wrote `{}`: {what}", path.display());
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

    /// `-o /dev/null` once replaced the machine's /dev/null with a plain file (the
    /// rename of the atomic write): a device or a pipe is written in place. Tried on a
    /// FIFO of a temporary folder, held open for reading and writing so that neither
    /// side blocks.
    #[cfg(unix)]
    #[test]
    fn a_pipe_or_device_is_written_in_place_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo failed");
        let mut reader = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&fifo)
            .unwrap();
        emit(
            &env(dir.path()),
            Some(Path::new("pipe")),
            b"report\n",
            &mut Vec::new(),
        )
        .unwrap();
        let kind = std::fs::metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the pipe was replaced by a {kind:?}");
        let mut got = [0u8; 7];
        reader.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"report\n");
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

    /// Issue 15: the temporary file's 0600 does not reach the report.
    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_mode_of_a_plain_create_and_an_old_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |name: &str| {
            std::fs::metadata(dir.path().join(name))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        // What this process's umask gives a plain create.
        std::fs::File::create(dir.path().join("plain.txt")).unwrap();
        emit(
            &env(dir.path()),
            Some(Path::new("new.txt")),
            b"x\n",
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(mode("new.txt"), mode("plain.txt"));

        std::fs::write(dir.path().join("old.txt"), "old\n").unwrap();
        std::fs::set_permissions(
            dir.path().join("old.txt"),
            std::fs::Permissions::from_mode(0o640),
        )
        .unwrap();
        emit(
            &env(dir.path()),
            Some(Path::new("old.txt")),
            b"new\n",
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(mode("old.txt"), 0o640);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("old.txt")).unwrap(),
            "new\n"
        );
    }

    #[test]
    fn a_missing_folder_is_named_and_no_temporary_file_is() {
        let dir = tempfile::tempdir().unwrap();
        let err = emit(
            &env(dir.path()),
            Some(Path::new("out/report.json")),
            b"x",
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(err.code, 2);
        assert_eq!(
            err.message,
            "cannot write `out/report.json`: folder `out` does not exist; create it"
        );
        std::fs::write(dir.path().join("file"), "").unwrap();
        let err = emit(
            &env(dir.path()),
            Some(Path::new("file/report.json")),
            b"x",
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "cannot write `file/report.json`: `file` is not a folder"
        );
        std::fs::create_dir(dir.path().join("report.json")).unwrap();
        let err = emit(
            &env(dir.path()),
            Some(Path::new("report.json")),
            b"x",
            &mut Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "cannot write `report.json`: it is a folder; give a file name"
        );
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
