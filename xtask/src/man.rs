//! `cargo xtask man [DIR]`: the man pages of `factdiff` and of each subcommand
//! (`factdiff.1`, `factdiff-check.1`, ...; made by `factdiff::man_pages`), into
//! `DIR`, else `$CARGO_TARGET_DIR/man/`, else `target/man/`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::util::root;

pub fn run(args: &[String]) -> Result<()> {
    let dir = out_dir(
        args.first().map(String::as_str),
        std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from),
        &root(),
    );
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, roff) in factdiff::man_pages()? {
        let path = dir.join(name);
        std::fs::write(&path, roff).with_context(|| format!("writing {}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}

/// The folder given, else `man/` in the target folder: `CARGO_TARGET_DIR` (relative
/// to the current folder when relative, as cargo reads it), else `target/` of the
/// workspace.
fn out_dir(given: Option<&str>, target_dir: Option<PathBuf>, root: &Path) -> PathBuf {
    if let Some(dir) = given {
        return PathBuf::from(dir);
    }
    match target_dir.filter(|d| !d.as_os_str().is_empty()) {
        Some(target) => target.join("man"),
        None => root.join("target/man"),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    #[test]
    fn the_man_pages_go_to_the_target_dir() {
        let root = Path::new("/repo");
        assert_eq!(
            super::out_dir(None, None, root),
            PathBuf::from("/repo/target/man")
        );
        assert_eq!(
            super::out_dir(None, Some(PathBuf::from("/tmp/t")), root),
            PathBuf::from("/tmp/t/man")
        );
        assert_eq!(
            super::out_dir(None, Some(PathBuf::from("build")), root),
            PathBuf::from("build/man")
        );
        assert_eq!(
            super::out_dir(None, Some(PathBuf::new()), root),
            PathBuf::from("/repo/target/man")
        );
        assert_eq!(
            super::out_dir(Some("out"), Some(PathBuf::from("/tmp/t")), root),
            PathBuf::from("out")
        );
    }
}
