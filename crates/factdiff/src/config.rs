//! factdiff.toml: found in the current folder or above, or named with `--config`.
//!
//! ```toml
//! paths = ["seeds"]        # what `factdiff check` reads when given no PATH
//! rules = "rules"          # the rule set's folder
//! exclude = ["drafts/**"]  # globs (gitignore style) of files to leave out
//! fail-on = "error"        # error | warning | info | never
//! ignore = ["acronym-undefined"]   # rules whose findings are never reported
//!
//! [per-path-ignores]       # glob -> rules not reported there ("*": every rule)
//! "archive/**" = ["overlap"]
//!
//! [overlap]                # the overlap engine's parameters (see OverlapConfig)
//! min-words = 10
//! boilerplate = "ignore"
//!
//! [stories]                # the story stage's parameters (see StoryConfig)
//! max-days-apart = 10
//! ```
//!
//! Paths and globs are relative to the folder that holds the file. Unknown keys are
//! errors that name the file, line and key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::args::FailOn;
use crate::error::CliError;

/// The configuration file's name.
pub const FILE_NAME: &str = "factdiff.toml";

/// factdiff.toml as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    pub rules: Option<PathBuf>,
    #[serde(default)]
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub per_path_ignores: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub overlap: factdiff_pipeline::OverlapConfig,
    #[serde(default)]
    pub stories: factdiff_pipeline::StoryConfig,
}

/// The configuration, with its paths made relative to the working directory.
#[derive(Debug, Default)]
pub struct Config {
    /// Where it was read from, as shown to the user.
    #[cfg_attr(not(test), allow(dead_code))]
    pub file: Option<String>,
    /// The folder that holds the file (absolute): the root of fingerprints' paths.
    pub dir: Option<PathBuf>,
    pub paths: Vec<PathBuf>,
    /// The rule set's folder (checked to exist; read by the rule engine).
    pub rules: Option<PathBuf>,
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// The rules not reported (`ignore`), and by path (`per-path-ignores`, globs
    /// made relative to the working directory).
    pub ignores: factdiff_pipeline::Ignores,
    /// The overlap engine's parameters.
    pub overlap: factdiff_pipeline::OverlapConfig,
    /// The story stage's parameters.
    pub stories: factdiff_pipeline::StoryConfig,
}

impl Config {
    /// The rule IDs the configuration names, with the key that names each: `ignore`
    /// or `per-path-ignores` (`*` is not a rule ID and is left out).
    pub fn named_rules(&self) -> Vec<(&'static str, &str)> {
        let mut named: Vec<(&'static str, &str)> = self
            .ignores
            .rules
            .iter()
            .map(|r| ("ignore", r.as_str()))
            .collect();
        for (_, rules) in &self.ignores.per_path {
            named.extend(
                rules
                    .iter()
                    .filter(|r| r.as_str() != "*")
                    .map(|r| ("per-path-ignores", r.as_str())),
            );
        }
        named.sort_unstable();
        named.dedup();
        named
    }
}

/// Finds and reads the configuration. `explicit` is `--config`.
pub fn load(cwd: &Path, explicit: Option<&Path>) -> Result<Config, CliError> {
    let file = match explicit {
        Some(path) => {
            let full = cwd.join(path);
            if !full.is_file() {
                return Err(CliError::usage(format!(
                    "config file `{}` does not exist; check the path given to --config",
                    path.display()
                )));
            }
            full
        }
        None => match cwd
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
        {
            Some(found) => found,
            None => return Ok(Config::default()),
        },
    };
    let shown = relative(cwd, &file).display().to_string();
    let text = std::fs::read_to_string(&file)
        .map_err(|err| CliError::usage(format!("cannot read `{shown}`: {err}")))?;
    let parsed: ConfigFile = toml::from_str(&text).map_err(|err| {
        let (line, column) = err
            .span()
            .map(|span| line_col(&text, span.start))
            .unwrap_or((1, 1));
        // `[rules.ID]` (as other linters configure a rule): rules are files here.
        let rules_table = text
            .parse::<toml::Table>()
            .is_ok_and(|t| t.get("rules").is_some_and(toml::Value::is_table));
        // `paths = "articles"`: one string where a list is wanted, written as one.
        let list = err
            .message()
            .contains("expected a sequence")
            .then(|| err.span())
            .flatten()
            .and_then(|span| {
                let value = text.get(span.clone())?.trim();
                let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let key = text[line_start..span.start].trim_end().strip_suffix('=')?.trim();
                Some(format!("; a list is wanted: write `{key} = [{value}]`"))
            });
        // `max-days-apart = "ten"`, `min-words = 2.5`: serde names the Rust type
        // ("expected u32"); say what to write instead.
        let number = ["u8", "u16", "u32", "u64", "usize"]
            .iter()
            .any(|ty| err.message().ends_with(&format!("expected {ty}")))
            .then(|| {
                let span = err.span()?;
                let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let key = text[line_start..span.start].trim_end().strip_suffix('=')?.trim();
                Some(format!(
                    "; a whole number, 0 or more, is wanted, without quotes: write `{key} = 10`, say"
                ))
            })
            .flatten();
        // `max_days_apart = 3`, `fail-on = "warn"`: the key or value meant, when one of
        // those allowed is it with hyphens, or begins with it.
        let meant = did_you_mean(err.message());
        let hint = if let Some(list) = list.as_ref().or(number.as_ref()).or(meant.as_ref()) {
            list.as_str()
        } else if rules_table {
            "; `rules` names the folder of rule files, not a table: to turn a rule on or off, \
             or change its severity or options, write `ID.toml` in that folder (`id = \"ID\"`, \
             `kind = \"ID\"` and the keys to change, such as `enabled = true`; docs/rules.md) \
             and set `rules = \"FOLDER\"`"
        } else {
            "; see the keys documented in README.md (paths, rules, exclude, fail-on, ignore, per-path-ignores, overlap, stories)"
        };
        CliError::usage(format!(
            "{shown}:{line}:{column}: {}{hint}",
            err.message().trim_end_matches('\n')
        ))
    })?;
    if let Err(message) = parsed.overlap.validate() {
        let line = text.find("[overlap]").map_or(1, |at| line_col(&text, at).0);
        return Err(CliError::usage(format!("{shown}:{line}: {message}")));
    }
    if let Err(message) = parsed.stories.validate() {
        let line = text.find("[stories]").map_or(1, |at| line_col(&text, at).0);
        return Err(CliError::usage(format!("{shown}:{line}: {message}")));
    }
    let dir = file.parent().unwrap_or(cwd);
    let rel = |p: &PathBuf| relative(cwd, &dir.join(p));
    if let Some(rules) = &parsed.rules
        && !dir.join(rules).is_dir()
    {
        return Err(CliError::usage(format!(
            "{shown}: `rules = \"{}\"` is not a folder; point it at the folder of rule files, or remove the key",
            rules.display()
        )));
    }
    // Globs are relative to the file's folder; findings' paths to the working directory.
    let prefix = relative(cwd, dir).to_string_lossy().replace('\\', "/");
    let mut per_path_ignores = Vec::new();
    for (glob, rules) in &parsed.per_path_ignores {
        let full = if prefix.is_empty() {
            glob.clone()
        } else {
            format!("{prefix}/{}", glob.trim_start_matches("./"))
        };
        let matcher = globset::GlobBuilder::new(&full)
            .literal_separator(true)
            .build()
            .map_err(|err| {
                let line = text
                    .find(&format!("\"{glob}\""))
                    .map_or(1, |at| line_col(&text, at).0);
                CliError::usage(format!(
                    "{shown}:{line}: per-path-ignores: `{glob}` is not a valid glob: {}",
                    err.kind()
                ))
            })?
            .compile_matcher();
        per_path_ignores.push((matcher, rules.clone()));
    }
    Ok(Config {
        file: Some(shown),
        dir: Some(dir.to_path_buf()),
        paths: parsed.paths.iter().map(rel).collect(),
        rules: parsed.rules.as_ref().map(rel),
        exclude: parsed.exclude,
        fail_on: parsed.fail_on,
        ignores: factdiff_pipeline::Ignores {
            rules: parsed.ignore,
            per_path: per_path_ignores,
        },
        overlap: parsed.overlap,
        stories: parsed.stories,
    })
}

/// "; did you mean `max-days-apart`?" for serde's "unknown field `max_days_apart`,
/// expected one of `link-threshold`, ..." (or "unknown variant `warn`, expected one of
/// `error`, `warning`, ..."): the one allowed name that is the given one written with
/// hyphens and in lower case, else the one that begins with it (three letters at
/// least).
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    let (given, allowed) = rest.split_once("`, expected one of ")?;
    let allowed: Vec<&str> = allowed
        .split(", ")
        .filter_map(|name| name.trim().strip_prefix('`')?.strip_suffix('`'))
        .collect();
    let normal = given.replace('_', "-").to_lowercase();
    let same = allowed.iter().find(|name| **name == normal);
    let begun: Vec<&&str> = allowed
        .iter()
        .filter(|name| normal.len() >= 3 && name.starts_with(&normal))
        .collect();
    let name = same.or(if begun.len() == 1 {
        begun.first().copied()
    } else {
        None
    })?;
    Some(format!("; did you mean `{name}`?"))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let (line, column) = factdiff_corpus::line_column_of(text, offset);
    (line as usize, column as usize)
}

/// `target` relative to `base` (both absolute), with `..` where needed, so that no
/// absolute path reaches a report.
pub fn relative(base: &Path, target: &Path) -> PathBuf {
    pathdiff::diff_paths(target, base).unwrap_or_else(|| target.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_or_value_written_otherwise_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let message = |text: &str| {
            std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
            load(dir.path(), None).unwrap_err().message
        };
        assert!(
            message("[stories]\nmax_days_apart = 3\n")
                .ends_with("; did you mean `max-days-apart`?"),
        );
        assert!(message("fail-on = \"warn\"\n").ends_with("; did you mean `warning`?"));
        assert!(message("Fail-On = \"error\"\n").ends_with("; did you mean `fail-on`?"));
        // Nothing meant: the keys README.md documents.
        assert!(message("colour = \"never\"\n").contains("see the keys documented in README.md"));
        assert_eq!(
            did_you_mean("unknown variant `e`, expected one of `error`, `every`"),
            None
        );
    }

    #[test]
    fn overlap_parameters_are_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[overlap]\nmin-words = 25\nboilerplate = \"ignore\"\n",
        )
        .unwrap();
        let config = load(dir.path(), None).unwrap();
        assert_eq!(config.overlap.min_words, 25);
        // A value out of range is an error naming the key, not clamped silently.
        std::fs::write(
            dir.path().join(FILE_NAME),
            "paths = []\n\n[overlap]\nmin-words = 0\n",
        )
        .unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert_eq!(
            err.message,
            "factdiff.toml:3: [overlap] min-words = 0: expected a whole number of at least 1"
        );
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[overlap]\nnear-threshold = 1.5\n",
        )
        .unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert!(
            err.message
                .contains("near-threshold = 1.5: expected a number between 0 and 1")
        );
        std::fs::write(dir.path().join(FILE_NAME), "[overlap]\nmin-wrods = 25\n").unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert!(
            err.message
                .starts_with("factdiff.toml:2:1: unknown field `min-wrods`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "paths = [\"a\"]\npathz = 3\n").unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert_eq!(err.code, 2);
        assert!(
            err.message
                .starts_with("factdiff.toml:2:1: unknown field `pathz`"),
            "{}",
            err.message
        );
        assert!(err.message.contains("`paths`"), "{}", err.message);
    }

    #[test]
    fn a_table_of_rules_says_that_rules_are_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "paths = [\"a\"]\n\n[rules.sum-mismatch]\nseverity = \"error\"\n",
        )
        .unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert_eq!(err.code, 2);
        assert!(
            err.message.starts_with("factdiff.toml:3:"),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("write `ID.toml` in that folder"),
            "{}",
            err.message
        );
    }

    #[test]
    fn ignores_by_rule_and_by_path_relative_to_the_file() {
        use factdiff_findings::{Category, Finding, Location, Role, Severity};
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "ignore = [\"name-variant\"]\n[per-path-ignores]\n\"archive/**\" = [\"overlap\"]\n\"wire/*.jsonl\" = [\"*\"]\n",
        )
        .unwrap();
        let finding = |rule: &str, path: &str| {
            let loc = Location {
                role: Role::Primary,
                path: path.into(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 2,
                byte_start: 0,
                byte_end: 1,
                field: None,
                article: None,
                text: "x".into(),
            };
            Finding::new(rule, Category::Overlap, Severity::Info, "m", vec![loc])
        };
        let config = load(&dir.path().join("sub"), None).unwrap();
        assert!(
            config
                .ignores
                .matches(&finding("name-variant", "../news/a.md"))
        );
        assert!(
            config
                .ignores
                .matches(&finding("overlap", "../archive/2020/a.md"))
        );
        assert!(
            !config
                .ignores
                .matches(&finding("count-mismatch", "../archive/2020/a.md"))
        );
        assert!(
            config
                .ignores
                .matches(&finding("count-mismatch", "../wire/feed.jsonl"))
        );
        assert!(!config.ignores.matches(&finding("overlap", "../news/a.md")));

        std::fs::write(
            dir.path().join(FILE_NAME),
            "paths = []\n[per-path-ignores]\n\"a/[b\" = [\"*\"]\n",
        )
        .unwrap();
        let err = load(dir.path(), None).unwrap_err();
        assert!(
            err.message
                .starts_with("factdiff.toml:3: per-path-ignores: `a/[b` is not a valid glob"),
            "{}",
            err.message
        );
    }

    #[test]
    fn found_above_and_paths_relative_to_the_working_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
        std::fs::create_dir_all(dir.path().join("rules")).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "paths = [\"seeds\"]\nrules = \"rules\"\n",
        )
        .unwrap();
        let config = load(&dir.path().join("sub/deeper"), None).unwrap();
        assert_eq!(config.paths, [PathBuf::from("../../seeds")]);
        assert_eq!(config.file.as_deref(), Some("../../factdiff.toml"));
    }
}
