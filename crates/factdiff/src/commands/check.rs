//! `factdiff check [PATH...]`: every analysis, then one report.

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::Instant;

use factdiff_corpus::Corpus;
use factdiff_findings::{Finding, RuleMeta, Severity};
use factdiff_report::{Format, RenderOptions, Report};

use rayon::prelude::*;

use super::Ctx;
use super::rules::Engines;
use crate::args::{CheckArgs, FailOn};
use crate::error::CliError;
use crate::output::{emit, emit_with, use_color};
use crate::progress::{Progress, Status};
use crate::sources::CorpusSources;
use crate::{baseline, catalog, changed, suppress};

/// What the analyses produced.
pub struct Analysis {
    /// Every finding, in their one total order.
    pub findings: Vec<Finding>,
    /// How many claims were extracted.
    pub claims: usize,
}

/// Runs the analyses over the corpus, one after the other, each parallel over
/// articles: claims extraction then the rule engine, then overlap detection; then
/// sorts the findings into their one total order. One after the other, not side by
/// side: each keeps both cores busy on its own, and the claims are freed before the
/// overlap index is built, so the peak memory is the larger of the two, not their
/// sum. `cargo xtask bench check` times this function.
pub fn analyse(corpus: &Corpus, engines: &Engines) -> Analysis {
    analyse_counted(corpus, engines, &Stage::default())
}

/// Where [`analyse_counted`] is, for the progress bar: its phase, and the articles
/// whose claims are extracted.
#[derive(Debug, Default)]
pub struct Stage {
    phase: AtomicU8,
    claims_done: AtomicUsize,
}

impl Stage {
    /// The phase and its count, for `articles` articles.
    pub fn status(&self, articles: usize) -> Status {
        let (phase, done, total) = match self.phase.load(Ordering::Relaxed) {
            0 => (
                "extracting claims",
                self.claims_done.load(Ordering::Relaxed),
                articles,
            ),
            1 => ("checking rules", 0, 0),
            _ => ("finding overlaps", 0, 0),
        };
        Status {
            phase,
            detail: String::new(),
            done: done as u64,
            total: total as u64,
        }
    }
}

/// [`analyse`], telling `stage` where it is.
pub fn analyse_counted(corpus: &Corpus, engines: &Engines, stage: &Stage) -> Analysis {
    let (mut findings, claims) = {
        let claims: Vec<Vec<factdiff_claims::Claim>> = corpus
            .articles
            .par_iter()
            .map(|article| {
                let claims = factdiff_claims::extract(article, &engines.lexicons);
                stage.claims_done.fetch_add(1, Ordering::Relaxed);
                claims
            })
            .collect();
        let n_claims = claims.iter().map(Vec::len).sum::<usize>();
        stage.phase.store(1, Ordering::Relaxed);
        (
            factdiff_rules::check(corpus, &claims, &engines.rules),
            n_claims,
        )
    };
    stage.phase.store(2, Ordering::Relaxed);
    findings.extend(factdiff_overlap::detect(corpus, &engines.overlap));
    factdiff_findings::finalize(&mut findings);
    Analysis { findings, claims }
}

pub fn run(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let started = Instant::now();
    let mut progress = Progress::start(ctx.env);
    let corpus = super::load_corpus_with(ctx, &args.paths, &progress, stderr)?;
    let engines = super::rules::engines(ctx, args.rules.as_deref())?;
    let stage = Arc::new(Stage::default());
    let articles = corpus.articles.len();
    progress.track({
        let stage = Arc::clone(&stage);
        move || stage.status(articles)
    });
    let analysis = ctx
        .workers
        .run(|| analyse_counted(&corpus, &engines, &stage));
    progress.finish();
    finish(
        ctx,
        args,
        &corpus,
        analysis.findings,
        analysis.claims,
        &catalog::rules(&engines.rules),
        started,
        stdout,
        stderr,
    )
}

/// What `check` and `overlap` do once the engines have run: drop what factdiff.toml
/// ignores, what inline comments suppress (reporting unused suppressions), what the
/// baseline accepts and, with `--only-changed`, what lies in unchanged files; then
/// render, write, and return the exit code. `rules` documents the rules for the
/// formats that list them (SARIF).
#[allow(clippy::too_many_arguments)]
pub fn finish(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    corpus: &Corpus,
    mut findings: Vec<Finding>,
    claims: usize,
    rules: &[RuleMeta],
    started: Instant,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let filters = Filters::resolve(ctx, args)?;
    warn_unknown_rules(ctx, rules, stderr);
    filters.apply(ctx, corpus, &mut findings, stderr);
    let report = Report {
        articles: corpus.articles.len(),
        claims,
        findings: &findings,
        problems: &corpus.problems,
    };
    let format: Format = args.output.format.into();
    let options = RenderOptions {
        color: use_color(ctx.env, ctx.cli.global.color, args.output.output.is_some()),
        link_base: args.output.link_base.clone(),
        // The width is for standard output: a report written to a file (`-o`) keeps
        // the fixed width whatever the window it was made in.
        width: ctx.env.width.filter(|_| args.output.output.is_none()),
    };
    let sources = CorpusSources::new(corpus);
    let render = |out: &mut dyn Write| {
        factdiff_report::render_with_rules(&report, rules, format, &options, &sources, out)
    };
    let to = args.output.output.as_deref();
    // The elapsed time ends the summary line only at a terminal: never in a file,
    // a pipe or a snapshot. Elsewhere the report streams to its destination.
    if format == Format::Text && to.is_none() && ctx.env.stdout_is_terminal {
        let mut buf = Vec::new();
        render(&mut buf)
            .map_err(|err| CliError::usage(format!("cannot render the report: {err}")))?;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            buf.extend_from_slice(
                format!(" in {:.2}s\n", started.elapsed().as_secs_f64()).as_bytes(),
            );
        }
        emit(ctx.env, None, &buf, stdout)?;
    } else {
        emit_with(ctx.env, to, stdout, render)?;
    }
    let fail_on = args.fail_on.or(ctx.config.fail_on).unwrap_or(FailOn::Error);
    Ok(exit_code(&findings, fail_on))
}

/// The filters a run applies after the engines, resolved before it reports.
struct Filters {
    baseline: Option<BTreeSet<String>>,
    changed: Option<BTreeSet<String>>,
}

impl Filters {
    fn resolve(ctx: &Ctx<'_>, args: &CheckArgs) -> Result<Filters, CliError> {
        let baseline = match &args.baseline {
            Some(path) => Some(baseline::read(&ctx.env.cwd.join(path), path)?),
            None => None,
        };
        let changed = match &args.only_changed {
            Some(rev) => Some(changed::changed_files(&ctx.env.cwd, rev)?),
            None => None,
        };
        Ok(Filters { baseline, changed })
    }

    fn apply(
        &self,
        ctx: &Ctx<'_>,
        corpus: &Corpus,
        findings: &mut Vec<Finding>,
        stderr: &mut dyn Write,
    ) {
        ignore_and_suppress(ctx, corpus, findings);
        if let Some(accepted) = &self.baseline {
            let n = baseline::apply(findings, accepted);
            if n > 0 {
                let _ = writeln!(
                    stderr,
                    "note: {} in the baseline not reported",
                    plural(n, "finding", "findings")
                );
            }
        }
        if let Some(changed) = &self.changed {
            findings.retain(|f| f.primary().is_some_and(|l| changed.contains(&l.path)));
        }
    }
}

/// Drops what factdiff.toml ignores and what inline comments suppress, and adds the
/// unused suppressions. `baseline` applies this too, so a baseline holds what `check`
/// would report.
pub fn ignore_and_suppress(ctx: &Ctx<'_>, corpus: &Corpus, findings: &mut Vec<Finding>) {
    findings.retain(|f| !ctx.config.ignores(f));
    let directives = suppress::directives(corpus, &ctx.env.cwd);
    suppress::apply(findings, &directives);
    // An unused suppression can be ignored like any rule.
    findings.retain(|f| !ctx.config.ignores(f));
}

/// A rule ID in factdiff.toml that no rule has is most likely a typo, which would
/// ignore nothing: say so (the run goes on).
fn warn_unknown_rules(ctx: &Ctx<'_>, rules: &[RuleMeta], stderr: &mut dyn Write) {
    let file = ctx
        .config
        .file
        .as_deref()
        .unwrap_or(crate::config::FILE_NAME);
    for (key, id) in ctx.config.named_rules() {
        if !rules.iter().any(|r| r.id == id) {
            let _ = writeln!(
                stderr,
                "warning: {file}: `{key}` names `{id}`, which is not a rule; `factdiff rules list` lists them"
            );
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// 1 when a finding is at or above `fail_on`, else 0.
pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> u8 {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
        FailOn::Never => return 0,
    };
    u8::from(findings.iter().any(|f| f.severity >= threshold))
}
