//! Finding the input files: a parallel walk (the `ignore` crate) that honours
//! `.gitignore`, `.ignore` and the configuration's exclude globs, then one sort.

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use factdiff_findings::Problem;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::LoadOptions;
use crate::article::Format;

/// A file to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    /// Path as reported: relative to the working directory, `/` separators.
    pub path: String,
    /// Path to open.
    pub fs_path: PathBuf,
    /// How to read it.
    pub format: Format,
}

/// The files found, sorted by path, and the problems met while walking.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// Files to read, sorted by reported path, without duplicates.
    pub files: Vec<FoundFile>,
    /// Directories that could not be read, symlink loops, and the like.
    pub problems: Vec<Problem>,
}

/// A usage mistake: the run cannot go on.
#[derive(Debug)]
pub enum DiscoverError {
    /// A path given does not exist.
    Missing(String),
    /// An exclude pattern does not parse.
    BadGlob {
        /// The pattern.
        pattern: String,
        /// What the glob parser said.
        message: String,
    },
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscoverError::Missing(path) if path == "-" => {
                write!(
                    f,
                    "standard input (`-`) is not read: save the text as a file, such as `article.txt`, and give its path"
                )
            }
            DiscoverError::Missing(path) => {
                write!(
                    f,
                    "path `{path}` does not exist; check the spelling, or run from the folder it is relative to"
                )
            }
            DiscoverError::BadGlob { pattern, message } => {
                write!(
                    f,
                    "exclude pattern `{pattern}` is not a valid glob: {message}"
                )
            }
        }
    }
}

impl std::error::Error for DiscoverError {}

/// Walks `paths` (files or directories) in parallel. A file named explicitly is read
/// whatever its extension (as plain text when factdiff does not know it; `.json` as
/// JSON articles); in a directory only `.txt`, `.md`, `.jsonl` and `.html` files (and
/// their variants) are.
pub fn discover(paths: &[PathBuf], options: &LoadOptions) -> Result<Discovery, DiscoverError> {
    let exclude = build_globs(&options.exclude)?;
    let found = Mutex::new(Vec::new());
    let problems = Mutex::new(Vec::new());
    for path in paths {
        let fs_path = if path.is_absolute() {
            path.clone()
        } else {
            options.cwd.join(path)
        };
        let meta = std::fs::metadata(&fs_path)
            .map_err(|_| DiscoverError::Missing(display_path(path, &options.cwd)))?;
        if meta.is_file() {
            let display = display_path(path, &options.cwd);
            let format = format_of(path).unwrap_or(Format::Txt);
            found
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(FoundFile {
                    path: display,
                    fs_path,
                    format,
                });
            continue;
        }
        let mut builder = ignore::WalkBuilder::new(&fs_path);
        builder
            .require_git(false)
            .follow_links(true)
            .sort_by_file_name(Ord::cmp);
        let root_display = display_path(path, &options.cwd);
        let exclude = exclude.clone();
        let root_fs = fs_path.clone();
        builder.filter_entry(move |entry| {
            let rel = entry.path().strip_prefix(&root_fs).unwrap_or(entry.path());
            let display = join_display(&root_display, rel);
            !exclude.is_match(&display)
        });
        let root_display = display_path(path, &options.cwd);
        builder.build_parallel().run(|| {
            let found = &found;
            let problems = &problems;
            let root_display = root_display.clone();
            let fs_path = fs_path.clone();
            Box::new(move |entry| {
                match entry {
                    Ok(entry) => {
                        // `.json` is read only when named: in a folder it is mostly
                        // configuration, or factdiff's own baselines and reports.
                        if entry.file_type().is_some_and(|t| t.is_file())
                            && let Some(format) = format_of(entry.path())
                            && format != Format::Json
                        {
                            let rel = entry.path().strip_prefix(&fs_path).unwrap_or(entry.path());
                            found
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .push(FoundFile {
                                    path: join_display(&root_display, rel),
                                    fs_path: entry.path().to_path_buf(),
                                    format,
                                });
                        }
                    }
                    Err(err) => {
                        problems
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(walk_problem(&err, &fs_path, &root_display));
                    }
                }
                ignore::WalkState::Continue
            })
        });
    }
    let mut files = found.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort();
    files.dedup_by(|a, b| a.path == b.path);
    let mut problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    problems.sort();
    Ok(Discovery { files, problems })
}

fn walk_problem(err: &ignore::Error, root_fs: &Path, root_display: &str) -> Problem {
    let mut path = None;
    let mut cur = err;
    loop {
        match cur {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                cur = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                cur = err
            }
            _ => break,
        }
    }
    let shown = path.map_or_else(
        || root_display.to_owned(),
        |p| join_display(root_display, p.strip_prefix(root_fs).unwrap_or(&p)),
    );
    let message = match cur {
        ignore::Error::Loop { .. } => "symbolic link loop; not followed".to_owned(),
        ignore::Error::Io(io) => format!("cannot be read: {io}"),
        other => format!("cannot be walked: {other}"),
    };
    Problem::file(shown, message)
}

fn build_globs(patterns: &[String]) -> Result<GlobSet, DiscoverError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let trimmed = pattern.trim_start_matches("./").trim_end_matches('/');
        // gitignore semantics: a pattern without a slash matches at any depth.
        let full = if trimmed.contains('/') {
            trimmed.to_owned()
        } else {
            format!("**/{trimmed}")
        };
        for candidate in [full.clone(), format!("{full}/**")] {
            let glob = Glob::new(&candidate).map_err(|err| DiscoverError::BadGlob {
                pattern: pattern.clone(),
                message: err.kind().to_string(),
            })?;
            builder.add(glob);
        }
    }
    builder.build().map_err(|err| DiscoverError::BadGlob {
        pattern: patterns.join(", "),
        message: err.to_string(),
    })
}

fn format_of(path: &Path) -> Option<Format> {
    path.extension()
        .and_then(|ext| ext.to_str())
        .and_then(Format::from_extension)
}

/// A path as reports show it: relative to `cwd` when it is inside it, `/` separators,
/// no `./` prefix.
pub(crate) fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = if path.is_absolute() {
        path.strip_prefix(cwd).unwrap_or(path)
    } else {
        path
    };
    let mut parts: Vec<String> = Vec::new();
    for comp in rel.components() {
        match comp {
            Component::CurDir => {}
            Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if joined.is_empty() {
        ".".to_owned()
    } else {
        joined
    }
}

fn join_display(root: &str, rel: &Path) -> String {
    let rel = display_path(rel, Path::new(""));
    match (root, rel.as_str()) {
        (_, ".") => root.to_owned(),
        (".", _) => rel,
        _ => format!("{}/{}", root.trim_end_matches('/'), rel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_with_excludes_and_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("news/drafts")).unwrap();
        for name in [
            "news/b.md",
            "news/a.txt",
            "news/drafts/x.txt",
            "news/c.jsonl",
            "news/skip.log",
            "news/d.html",
            "news/e.tmp.txt",
        ] {
            std::fs::write(root.join(name), "text").unwrap();
        }
        std::fs::write(root.join("news/.gitignore"), "*.tmp.txt\n").unwrap();
        let options = LoadOptions {
            cwd: root.to_path_buf(),
            exclude: vec!["drafts".into()],
        };
        let found = discover(&[PathBuf::from("news")], &options).unwrap();
        let paths: Vec<_> = found.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["news/a.txt", "news/b.md", "news/c.jsonl", "news/d.html"]
        );

        let found = discover(&[PathBuf::from(".")], &options).unwrap();
        assert_eq!(found.files[0].path, "news/a.txt");
        let found = discover(&[root.join("news/skip.log")], &options).unwrap();
        assert_eq!(found.files[0].path, "news/skip.log");
        assert_eq!(found.files[0].format, Format::Txt);
    }

    #[test]
    fn missing_path_and_bad_glob_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let options = LoadOptions {
            cwd: dir.path().to_path_buf(),
            exclude: vec![],
        };
        let err = discover(&[PathBuf::from("nope")], &options).unwrap_err();
        assert!(err.to_string().contains("`nope` does not exist"));
        let options = LoadOptions {
            cwd: dir.path().to_path_buf(),
            exclude: vec!["a[".into()],
        };
        assert!(matches!(
            discover(&[], &options),
            Err(DiscoverError::BadGlob { .. })
        ));
    }
}
