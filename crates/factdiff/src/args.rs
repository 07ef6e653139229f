//! The command line, as clap parses it. Resolved once into a run in `commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use factdiff_report::Format;

/// factdiff reads a folder of news articles and reports the claims that contradict
/// each other and the text that is said twice.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read this configuration file instead of looking for factdiff.toml in the
    /// current folder and its parents.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Number of worker threads (default: one per core). Output never depends on it.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// When to colour the text output. NO_COLOR in the environment means never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print every input warning. Without it, the first 5 warnings of each kind are
    /// printed, then how many more there are (the JSON report lists them all).
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles: contradictions between their claims and overlaps in their text.
    Check(CheckArgs),
    /// List the articles read: title, date, source, word and sentence counts.
    Corpus(CorpusArgs),
    /// List the claims of the articles: quantities, money, percentages, dates,
    /// durations, ordinals, quotes, names and acronyms, with their normalized values.
    Claims(ClaimsArgs),
    /// Show the stories: the articles that report one event, which is the likely
    /// original and which are copies, rewrites or independent reports, and the facts
    /// they give, disagreements marked.
    Stories(StoriesArgs),
    /// Find text said twice: passages repeated within or across articles, clusters of
    /// duplicate coverage, boilerplate.
    Overlap(CheckArgs),
    /// Word diff of two articles, or of two passages given as FILE:LINE-LINE.
    /// Exit code 0 when they are the same text (up to white space), 1 when not.
    Diff(DiffArgs),
    /// List the rules, or explain one: what it checks, why, examples and options.
    Rules(RulesArgs),
    /// Write the fingerprints of the current findings to FILE, so that
    /// `check --baseline FILE` reports only the findings that are new.
    Baseline(BaselineArgs),
    /// Print a completion script for a shell.
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The baseline file to write (JSON).
    pub file: PathBuf,
    /// Files and folders to check (default: the `paths` of factdiff.toml, else `.`).
    pub paths: Vec<PathBuf>,
    /// The rules to run, as for `check --rules DIR` (default: the `rules` of
    /// factdiff.toml): a baseline holds what `check` with the same rules reports.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first text: FILE, FILE:LINE or FILE:LINE-LINE (for JSONL, record lines).
    pub a: String,
    /// The second text, in the same form.
    pub b: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportOutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Markdown: point links at URL/PATH#LLINE (a repository's files at a commit, as
    /// a pull-request comment needs) instead of relative paths.
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
    #[command(flatten)]
    pub pairs: PairArgs,
}

/// Which duplicate pairs the HTML page shows whole, side by side.
#[derive(Debug, Args)]
pub struct PairArgs {
    /// HTML: show the two whole texts of the first N duplicate pairs side by side (by
    /// the share of an article the other holds); the others are listed.
    #[arg(long, value_name = "N", default_value_t = factdiff_report::PairTexts::DEFAULT_FIRST)]
    pub pairs: usize,
    /// HTML: show the texts of the duplicate pairs of this article (its path; PATH:LINE
    /// for a record of an archive) or of this story (its ID), instead of the first N;
    /// repeat it to show several.
    #[arg(long, value_name = "ARTICLE|STORY")]
    pub pair: Vec<String>,
}

impl PairArgs {
    /// The report's options.
    pub fn texts(&self) -> factdiff_report::PairTexts {
        factdiff_report::PairTexts {
            first: self.pairs,
            select: self.pair.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (default: the `paths` of factdiff.toml, else `.`).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: ReportOutputArgs,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Read rule files (`*.toml`) and fact sheets (`facts/*.toml`) from DIR, over the
    /// built-in rules (default: the `rules` of factdiff.toml).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Report only findings whose fingerprint is not in FILE (see `factdiff baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Analyse everything, but report only findings with a location in a file changed
    /// since the git revision REV (committed, staged, unstaged, or new and not ignored).
    #[arg(long, value_name = "REV")]
    pub only_changed: Option<String>,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Files and folders to read (default: the `paths` of factdiff.toml, else `.`).
    pub paths: Vec<PathBuf>,
    /// Read lexicons from DIR/lexicons (`*.toml`), over the built-in ones (default: the
    /// `rules` of factdiff.toml).
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Files and folders to read (default: the `paths` of factdiff.toml, else `.`).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StoriesFormat::Text)]
    pub format: StoriesFormat,
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Read rule files and lexicons from DIR, over the built-in ones, as `check --rules
    /// DIR` (default: the `rules` of factdiff.toml): the facts link to the findings of
    /// these rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    #[command(flatten)]
    pub pairs: PairArgs,
}

/// The formats of `factdiff stories`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StoriesFormat {
    /// For people at a terminal.
    Text,
    /// JSON, version 1.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Files and folders to read (default: the `paths` of factdiff.toml, else `.`).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub command: RulesCommand,
    /// Read rule files from DIR, over the built-in rules (default: the `rules` of
    /// factdiff.toml).
    #[arg(long, value_name = "DIR", global = true)]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the rules: ID, severity, category and what each reports.
    List,
    /// Print a rule's documentation and its settings.
    Explain {
        /// The rule's ID, such as `count-mismatch`.
        id: String,
    },
}
