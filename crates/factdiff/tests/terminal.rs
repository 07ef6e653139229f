//! The real binary at a terminal. `script` (util-linux) runs it on a pseudo-terminal,
//! so that the progress bar draws on standard error and the summary line ends with
//! the elapsed time; the in-process tests in tests/ never have a terminal.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../../tests/support/tools.rs"]
mod tools;

/// Whether `script` is at hand (a failure under CI when it is not: see
/// `tests/support/tools.rs`).
fn have_script() -> bool {
    let found = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    tools::need(
        found,
        "`script` (util-linux, to give factdiff a terminal)",
        "apt-get install -y util-linux",
    )
}

#[test]
fn check_at_a_terminal_ends_with_the_elapsed_time() {
    if !have_script() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (status, out) = at_a_terminal(&root, "check seeds --fail-on never --color never");
    assert!(status.success(), "{out}");
    let summary = out
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .rfind(|l| l.starts_with("5 articles, "))
        .expect("a summary line");
    let (_, elapsed) = summary
        .rsplit_once(" in ")
        .expect("elapsed time at a terminal");
    assert!(elapsed.ends_with('s'), "{summary}");
}

/// A run long enough to be seen: the progress bar shows the phase and the articles
/// done of the total.
#[test]
fn check_at_a_terminal_draws_a_progress_bar() {
    if !have_script() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../seeds")
            .read_dir()
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .min()
            .unwrap(),
    )
    .unwrap();
    for i in 0..400 {
        std::fs::write(
            dir.path().join(format!("a{i:03}.txt")),
            format!("{seed}\n\nUpdate {i}: officials said {i} more people were moved.\n"),
        )
        .unwrap();
    }
    let (status, out) = at_a_terminal(
        dir.path(),
        "check . --fail-on never --color never --format json -o out.json",
    );
    assert!(status.success(), "{out}");
    assert!(out.contains("extracting claims"), "the phase: {out:?}");
    assert!(
        out.contains("/400 ("),
        "articles done of the total: {out:?}"
    );
    assert!(out.contains(" left"), "the time left: {out:?}");
}

/// Runs `factdiff ARGS` in `dir` on a pseudo-terminal; returns its status and what
/// the terminal showed (standard error and standard output together).
fn at_a_terminal(dir: &Path, args: &str) -> (std::process::ExitStatus, String) {
    let command = format!("'{}' {args}", env!("CARGO_BIN_EXE_factdiff"));
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("factdiff did not end at a terminal (the progress bar deadlocked?)");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    (status, out)
}
