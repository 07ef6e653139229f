//! The root that fingerprints' paths are relative to.
//!
//! Reports give paths relative to the working directory (the contract), but a
//! fingerprint must not depend on where factdiff runs: a baseline written at the root
//! of a repository must accept the same findings when `check` runs in a subfolder, and
//! the other way round. So fingerprints hash paths relative to one root: the folder of
//! the factdiff.toml in use (found above the working directory, or named with
//! `--config`), else the root of the git repository around the working directory (the
//! nearest folder above it that holds `.git`), else the working directory. When the
//! root is the working directory, as for everyone who ran factdiff beside its
//! factdiff.toml, fingerprints are the ones computed from the report's paths: baselines
//! written that way keep working.

use std::path::{Component, Path, PathBuf};

use crate::Env;
use crate::config::{Config, relative};

/// The working directory and the root of fingerprints' paths.
pub struct FingerprintRoot {
    cwd: PathBuf,
    root: PathBuf,
}

impl FingerprintRoot {
    /// The root for a run: the configuration's folder, else the git repository's root,
    /// else the working directory. Found from the paths alone (no `git` command), so
    /// that it is the same whatever is installed.
    pub fn find(env: &Env, config: &Config) -> FingerprintRoot {
        let cwd = normalize(&env.cwd);
        let root = match &config.dir {
            Some(dir) => normalize(&cwd.join(dir)),
            None => cwd
                .ancestors()
                .find(|dir| dir.join(".git").exists())
                .unwrap_or(&cwd)
                .to_path_buf(),
        };
        FingerprintRoot { cwd, root }
    }

    /// Whether fingerprints hash other paths than the report's (the root is not the
    /// working directory).
    pub fn rebases(&self) -> bool {
        self.root != self.cwd
    }

    /// A report path (relative to the working directory) as a fingerprint hashes it:
    /// relative to the root, with `/`.
    pub fn path(&self, report_path: &str) -> String {
        if self.root == self.cwd {
            return report_path.to_owned();
        }
        let full = normalize(&self.cwd.join(report_path));
        relative(&self.root, &full)
            .to_string_lossy()
            .replace('\\', "/")
    }
}

/// `path` with `.` and `..` resolved lexically (the working directory is absolute, and
/// the config folder and report paths are found from it, so no link needs resolving).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root_of(cwd: &Path, config_dir: Option<&Path>) -> FingerprintRoot {
        let env = Env {
            cwd: cwd.to_path_buf(),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            no_color: false,
            width: None,
        };
        let config = Config {
            dir: config_dir.map(Path::to_path_buf),
            ..Config::default()
        };
        FingerprintRoot::find(&env, &config)
    }

    #[test]
    fn config_folder_then_git_root_then_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        std::fs::create_dir_all(top.join("repo/.git")).unwrap();
        std::fs::create_dir_all(top.join("repo/site/news")).unwrap();
        let news = top.join("repo/site/news");

        let by_config = root_of(&news, Some(&top.join("repo/site")));
        assert_eq!(by_config.path("a.md"), "news/a.md");
        assert_eq!(by_config.path("../wire/b.md"), "wire/b.md");
        assert_eq!(by_config.path("./../../x.md"), "../x.md");

        let by_git = root_of(&news, None);
        assert_eq!(by_git.path("a.md"), "site/news/a.md");

        let plain = root_of(top, None);
        assert_eq!(plain.path("repo/site/news/a.md"), "repo/site/news/a.md");
        // At the root, paths are hashed as reported.
        let at_root = root_of(&top.join("repo/site"), Some(&top.join("repo/site")));
        assert_eq!(at_root.path("./news/../news/a.md"), "./news/../news/a.md");
    }
}
