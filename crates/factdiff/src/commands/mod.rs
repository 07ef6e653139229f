//! One module per subcommand. Each resolves its flags with the configuration, runs,
//! and returns an exit code.

mod baseline;
pub(crate) mod check;
mod claims;
mod completions;
mod corpus;
mod diff;
mod overlap;
pub(crate) mod rules;
mod stories;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use factdiff_corpus::{Corpus, LoadCounts, LoadOptions};

use crate::Env;
use crate::args::{Cli, Command};
use crate::config::{self, Config};
use crate::error::CliError;
use crate::progress::{Progress, Status};

/// Everything a subcommand needs besides its own arguments.
pub struct Ctx<'a> {
    pub cli: &'a Cli,
    pub config: Config,
    pub env: &'a Env,
    pub workers: Workers,
}

/// The worker threads: `--threads N`, or rayon's global pool (one per core).
pub struct Workers(Option<rayon::ThreadPool>);

impl Workers {
    /// Runs parallel work on these workers.
    pub fn run<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.0 {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

/// Resolves the configuration and the workers, then runs the subcommand.
pub fn dispatch(
    cli: &Cli,
    env: &Env,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let config = config::load(&env.cwd, cli.global.config.as_deref())?;
    let workers = match cli.global.threads {
        Some(n) => Workers(Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n as usize)
                .build()
                .map_err(|err| CliError::usage(format!("cannot start {n} threads: {err}")))?,
        )),
        None => Workers(None),
    };
    let ctx = Ctx {
        cli,
        config,
        env,
        workers,
    };
    match &cli.command {
        Command::Check(args) => check::run(&ctx, args, stdout, stderr),
        Command::Corpus(args) => corpus::run(&ctx, args, stdout, stderr),
        Command::Claims(args) => claims::run(&ctx, args, stdout, stderr),
        Command::Rules(args) => rules::run(&ctx, args, stdout, stderr),
        Command::Stories(args) => stories::run(&ctx, args, stdout, stderr),
        Command::Overlap(args) => overlap::run(&ctx, args, stdout, stderr),
        Command::Diff(args) => diff::run(&ctx, args, stdout, stderr),
        Command::Baseline(args) => baseline::run(&ctx, args, stdout, stderr),
        Command::Completions(args) => completions::run(args, stdout),
    }
}

/// The paths to read: those given, else the configuration's, else `.`.
fn input_paths(given: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if !given.is_empty() {
        given.to_vec()
    } else if !config.paths.is_empty() {
        config.paths.clone()
    } else {
        vec![PathBuf::from(".")]
    }
}

/// Loads the corpus on the workers and writes its input problems to standard error.
///
/// A run that reads no article has checked nothing, and a CI step must not pass on
/// it: that is an error (exit 2) that says why nothing was read and what to do, and
/// no report is written (an empty SARIF upload would close every open alert).
fn load_corpus(
    ctx: &Ctx<'_>,
    given: &[PathBuf],
    stderr: &mut dyn Write,
) -> Result<Corpus, CliError> {
    load_corpus_with(ctx, given, &Progress::none(), stderr)
}

/// [`load_corpus`], showing the files read of the total on `progress`.
fn load_corpus_with(
    ctx: &Ctx<'_>,
    given: &[PathBuf],
    progress: &Progress,
    stderr: &mut dyn Write,
) -> Result<Corpus, CliError> {
    let paths = input_paths(given, &ctx.config);
    let options = LoadOptions {
        cwd: ctx.env.cwd.clone(),
        exclude: ctx.config.exclude.clone(),
    };
    let counts = Arc::new(LoadCounts::default());
    progress.track({
        let counts = Arc::clone(&counts);
        move || {
            let articles = counts.articles.load(Ordering::Relaxed);
            Status {
                phase: "reading files",
                detail: format!("{articles} articles"),
                done: counts.files_read.load(Ordering::Relaxed) as u64,
                total: counts.files.load(Ordering::Relaxed) as u64,
            }
        }
    });
    let corpus = ctx
        .workers
        .run(|| factdiff_corpus::load_counted(&paths, &options, &counts))?;
    print_problems(&corpus.problems, ctx.cli.global.verbose, stderr);
    if corpus.articles.is_empty() {
        return Err(no_article(ctx, &paths, &options, &corpus));
    }
    Ok(corpus)
}

/// What `check`, `stories` and `baseline` share: the corpus read from `given`, the
/// engines (`--rules`, else the configuration's), and the whole analysis on the
/// workers, with the pipeline's phase on `progress` (a bar at a terminal, else none);
/// the duplicate pairs only when `pairs` (the HTML reports show them, no other).
fn analyse(
    ctx: &Ctx<'_>,
    given: &[PathBuf],
    rules: Option<&std::path::Path>,
    pairs: bool,
    stderr: &mut dyn Write,
) -> Result<
    (
        Corpus,
        factdiff_pipeline::Analysis,
        factdiff_pipeline::Engines,
    ),
    CliError,
> {
    let mut progress = Progress::start(ctx.env);
    let corpus = load_corpus_with(ctx, given, &progress, stderr)?;
    let engines = rules::engines(ctx, rules)?;
    let stage = Arc::new(factdiff_pipeline::Stage::default());
    let articles = corpus.articles.len();
    progress.track({
        let stage = Arc::clone(&stage);
        move || check::status(&stage, articles)
    });
    let analysis = ctx
        .workers
        .run(|| factdiff_pipeline::analyse_with(&corpus, &engines, &stage, pairs));
    progress.finish();
    Ok((corpus, analysis, engines))
}

/// Why no article was read from `paths`, and what to do.
fn no_article(
    ctx: &Ctx<'_>,
    paths: &[PathBuf],
    options: &LoadOptions,
    corpus: &Corpus,
) -> CliError {
    let shown = paths
        .iter()
        .map(|p| {
            let p = p.display().to_string();
            format!("`{}`", if p.is_empty() { "." } else { p.as_str() })
        })
        .collect::<Vec<_>>()
        .join(", ");
    let config = ctx.config.file.as_deref().unwrap_or(config::FILE_NAME);
    // Only now, and only with exclude globs: what a walk without them would find.
    let excluded = if options.exclude.is_empty() || !corpus.problems.is_empty() {
        0
    } else {
        let all = LoadOptions {
            exclude: Vec::new(),
            ..options.clone()
        };
        factdiff_corpus::discover(paths, &all).map_or(0, |d| d.files.len())
    };
    let why = if !corpus.problems.is_empty() {
        format!(
            "nothing there could be read as an article (the {} why); fix those files, or give the folder of the articles",
            if corpus.problems.len() == 1 {
                "warning above says"
            } else {
                "warnings above say"
            }
        )
    } else if excluded > 0 {
        format!(
            "the `exclude` globs of {config} leave out every file there ({excluded} found without them); narrow the globs, or give other paths"
        )
    } else {
        "there is no .txt, .md, .jsonl or .html file there (files a .gitignore names are skipped); give the folder of the articles, or set `paths` in factdiff.toml".to_owned()
    };
    CliError::usage(format!("no article was read from {shown}: {why}"))
}

/// How many warnings of one kind are printed without `--verbose`.
const WARNINGS_PER_KIND: usize = 5;

/// Writes input problems to standard error as `warning: path:line: message`, in their
/// order. Unless `verbose`, only the first [`WARNINGS_PER_KIND`] of each kind are
/// written, the last of them followed by how many more there are: an archive with one
/// bad field in every record gives five lines, not twenty thousand.
pub(crate) fn print_problems(
    problems: &[factdiff_corpus::Problem],
    verbose: bool,
    stderr: &mut dyn Write,
) {
    let mut totals: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    if !verbose {
        for problem in problems {
            *totals.entry(problem_kind(&problem.message)).or_default() += 1;
        }
    }
    let mut shown: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for problem in problems {
        if verbose {
            let _ = writeln!(stderr, "warning: {problem}");
            continue;
        }
        let kind = problem_kind(&problem.message);
        let n = shown.entry(kind.clone()).or_default();
        *n += 1;
        if *n > WARNINGS_PER_KIND {
            continue;
        }
        let _ = writeln!(stderr, "warning: {problem}");
        let total = totals.get(&kind).copied().unwrap_or(0);
        if *n == WARNINGS_PER_KIND && total > WARNINGS_PER_KIND {
            let _ = writeln!(
                stderr,
                "warning: and {} more like this (--verbose shows all)",
                thousands(total - WARNINGS_PER_KIND)
            );
        }
    }
}

/// The kind of a problem: its message with the values in it (anything in backticks,
/// and numbers) taken out, so that ``field `date`: `26-FEB-1987` is not a date`` and
/// ``field `date`: `2-MAR-1987` is not a date`` are one kind.
fn problem_kind(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut in_ticks = false;
    for c in message.chars() {
        match c {
            '`' => {
                in_ticks = !in_ticks;
                kind.push('`');
            }
            _ if in_ticks => {}
            c if c.is_ascii_digit() => {
                if !kind.ends_with('#') {
                    kind.push('#');
                }
            }
            c => kind.push(c),
        }
    }
    kind
}

/// `21573` as `21,573`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, c) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use factdiff_corpus::Problem;

    use super::*;

    #[test]
    fn warnings_of_one_kind_are_summarized_after_five() {
        let mut problems: Vec<Problem> = (1..=21_578)
            .map(|line| {
                Problem::line(
                    "reuters.jsonl",
                    line,
                    format!("field `date`: `{line}-FEB-1987` is not a date; the record is read without a date"),
                )
            })
            .collect();
        problems.insert(
            3,
            Problem::line("reuters.jsonl", 3, "record has no `text` field; skipped"),
        );
        let mut out = Vec::new();
        print_problems(&problems, false, &mut out);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 7, "{text}");
        assert_eq!(
            lines[0],
            "warning: reuters.jsonl:1: field `date`: `1-FEB-1987` is not a date; the record is read without a date"
        );
        assert_eq!(
            lines[3],
            "warning: reuters.jsonl:3: record has no `text` field; skipped"
        );
        assert!(
            lines[5].starts_with("warning: reuters.jsonl:5: field `date`"),
            "{text}"
        );
        assert_eq!(
            lines[6],
            "warning: and 21,573 more like this (--verbose shows all)"
        );

        let mut out = Vec::new();
        print_problems(&problems, true, &mut out);
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 21_579);

        // Five of a kind: no summary line.
        let mut out = Vec::new();
        print_problems(&problems[..6], false, &mut out);
        assert!(!String::from_utf8(out).unwrap().contains("more like this"));
    }

    #[test]
    fn numbers_group_by_thousands() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (21_573, "21,573"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(thousands(n), want);
        }
    }
}
