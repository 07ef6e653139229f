//! The real binary at a terminal. `script` (util-linux) runs it on a pseudo-terminal,
//! so that the progress spinner draws on standard error and the summary line ends with
//! the elapsed time; the in-process tests in tests/ never have a terminal.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
#[allow(clippy::print_stderr)]
fn check_at_a_terminal_draws_the_spinner_and_ends() {
    if Command::new("script").arg("--version").output().is_err() {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(!ci, "this test needs `script` (util-linux) under CI");
        eprintln!("SKIPPED: no `script` command to give factdiff a terminal");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let command = format!(
        "'{}' check seeds --fail-on never --color never",
        env!("CARGO_BIN_EXE_factdiff")
    );
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(&root)
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
            panic!("factdiff did not end at a terminal (the spinner deadlocked?)");
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
    assert!(status.success(), "{out}");
    // The terminal shows standard error and standard output together.
    assert!(
        out.contains("checking 5 articles"),
        "the spinner drew: {out:?}"
    );
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
