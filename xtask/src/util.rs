//! Helpers shared by tasks: where things are, timing, peak memory.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// `../shared/data` beside the checkout, or `$FACTDIFF_DATA`.
pub fn data_dir() -> Result<PathBuf> {
    let dir = std::env::var_os("FACTDIFF_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/data"));
    if !dir.is_dir() {
        bail!(
            "data folder `{}` not found; put shared/ beside the checkout or set FACTDIFF_DATA",
            dir.display()
        );
    }
    Ok(dir)
}

/// `target/xtask/`, created on demand.
pub fn out_dir() -> Result<PathBuf> {
    let dir = root().join("target/xtask");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// Peak resident memory of this process so far, in bytes (Linux `VmHWM`).
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The CPU time this process has used so far, every thread (those that have ended
/// too), in seconds: `CLOCK_PROCESS_CPUTIME_ID`. Unlike the wall clock, it does not
/// grow when other processes take the cores, so a ratio of two runs measures the work
/// done, not the load of a shared machine.
pub fn cpu_secs() -> f64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Formats bytes as MiB with one decimal.
/// Loads one corpus file (a JSONL file, usually) as `factdiff check FILE` would, with
/// paths relative to its folder.
pub fn load_file(path: &Path) -> Result<factdiff_corpus::Corpus> {
    let options = factdiff_corpus::LoadOptions {
        cwd: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
        exclude: Vec::new(),
    };
    Ok(factdiff_corpus::load(&[path.to_path_buf()], &options)?)
}

pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Runs a command, failing with its name when it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    eprintln!("$ {shown}");
    let status = cmd.status().with_context(|| format!("running {shown}"))?;
    if !status.success() {
        bail!("{shown} failed with {status}");
    }
    Ok(())
}
