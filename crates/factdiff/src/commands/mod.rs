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
    for problem in &corpus.problems {
        let _ = writeln!(stderr, "warning: {problem}");
    }
    if corpus.articles.is_empty() {
        return Err(no_article(ctx, &paths, &options, &corpus));
    }
    Ok(corpus)
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
