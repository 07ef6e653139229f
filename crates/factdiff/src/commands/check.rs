//! `factdiff check [PATH...]`: every analysis, then one report.

use std::collections::BTreeSet;
use std::io::Write;
use std::time::Instant;

use factdiff_corpus::Corpus;
use factdiff_findings::{Finding, RuleMeta, Severity};
use factdiff_pipeline::{Phase, Stage, catalog};
use factdiff_report::json::{EncodeJob, WriteJob};
use factdiff_report::{Format, RenderContext, RenderOptions, Report};
use rayon::prelude::*;

use super::Ctx;
use crate::args::{CheckArgs, FailOn};
use crate::error::CliError;
use crate::fingerprint::FingerprintRoot;
use crate::output::{Sink, emit, emit_to, use_color, wrote};
use crate::progress::Status;
use crate::sources::CorpusSources;
use crate::{baseline, changed};

/// The pipeline's phase and count, for the progress bar over `articles` articles.
pub(super) fn status(stage: &Stage, articles: usize) -> Status {
    let (phase, done, total) = match stage.phase() {
        Phase::Claims => ("extracting claims", stage.claims_done(), articles),
        Phase::Stories => ("grouping stories", 0, 0),
        Phase::Rules => ("checking rules", 0, 0),
        Phase::Overlap => ("finding overlaps", 0, 0),
    };
    Status {
        phase,
        detail: String::new(),
        done: done as u64,
        total: total as u64,
    }
}

pub fn run(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let started = Instant::now();
    let html = args.output.format == Format::Html;
    let (corpus, analysis, engines) =
        super::analyse(ctx, &args.paths, args.rules.as_deref(), html, stderr)?;
    let code = finish(
        ctx,
        args,
        &corpus,
        analysis,
        &catalog::rules(&engines.rules, &engines.overlap),
        started,
        stdout,
        stderr,
    );
    crate::release(corpus);
    code
}

/// What `check` and `overlap` do once the engines have run: drop what factdiff.toml
/// ignores, what inline comments suppress (reporting unused suppressions), what the
/// baseline accepts and, with `--only-changed`, what lies only in unchanged files; then
/// render, write, and return the exit code. `rules` documents the rules for the
/// formats that list them (SARIF).
#[allow(clippy::too_many_arguments)]
pub fn finish(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    corpus: &Corpus,
    analysis: factdiff_pipeline::Analysis,
    rules: &[RuleMeta],
    started: Instant,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let factdiff_pipeline::Analysis {
        mut findings,
        claims,
        mut stories,
        pairs,
    } = analysis;
    if args.output.format == Format::Html {
        check_pair_selectors(&args.output.pairs.pair, &pairs)?;
    }
    let filters = Filters::resolve(ctx, args)?;
    warn_unknown_rules(ctx, rules, stderr);
    filters.apply(ctx, corpus, &mut findings, stderr);
    // The stories' disagreements link to the findings reported, by the fingerprints
    // they are reported under.
    ctx.workers
        .run(|| factdiff_pipeline::link_findings(&mut stories.stories, &findings));
    let report = Report {
        articles: corpus.articles.len(),
        claims,
        findings: &findings,
        problems: &corpus.problems,
        stories: &stories.stories,
        pairs: &pairs,
    };
    let format = args.output.format;
    let options = RenderOptions {
        color: use_color(ctx.env, ctx.cli.global.color, args.output.output.is_some()),
        link_base: args.output.link_base.clone(),
        // The width is for standard output: a report written to a file (`-o`) keeps
        // the fixed width whatever the window it was made in.
        width: ctx.env.width.filter(|_| args.output.output.is_none()),
        pair_texts: args.output.pairs.texts(),
    };
    let sources = CorpusSources::new(corpus);
    let cx = RenderContext {
        report,
        rules,
        options: &options,
        sources: &sources,
    };
    // The JSON report's findings and stories (nearly all of it) are encoded on the
    // workers, a batch at a time, and written in order: the same bytes.
    let encode = |n: usize, item: &(dyn Fn(usize) -> Vec<u8> + Sync)| -> Vec<Vec<u8>> {
        ctx.workers
            .run(|| (0..n).into_par_iter().map(item).collect())
    };
    // Written to a file, each batch of them is written on one worker while the next
    // is encoded on the others (one worker does one after the other).
    let beside =
        |write: WriteJob<'_>, encode: EncodeJob<'_>| ctx.workers.run(|| rayon::join(write, encode));
    let render = |out: Sink<'_>| match (format, out) {
        (Format::Json, Sink::AnyThread(out)) => {
            factdiff_report::json::render_beside(&cx.report, out, &encode, &beside)
        }
        (Format::Json, Sink::ThisThread(out)) => {
            factdiff_report::json::render_with(&cx.report, out, &encode)
        }
        (_, Sink::AnyThread(out)) => format.renderer().render(&cx, out),
        (_, Sink::ThisThread(out)) => format.renderer().render(&cx, out),
    };
    let to = args.output.output.as_deref();
    // The elapsed time ends the summary line only at a terminal: never in a file,
    // a pipe or a snapshot. Elsewhere the report streams to its destination.
    if format == Format::Text && to.is_none() && ctx.env.stdout_is_terminal {
        let mut buf = Vec::new();
        render(Sink::ThisThread(&mut buf))
            .map_err(|err| CliError::usage(format!("cannot render the report: {err}")))?;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            buf.extend_from_slice(
                format!(" in {:.2}s\n", started.elapsed().as_secs_f64()).as_bytes(),
            );
        }
        emit(ctx.env, None, &buf, stdout)?;
    } else {
        emit_to(ctx.env, to, stdout, render)?;
    }
    // A report written to a file is summed up in one line on standard error; GitHub's
    // format is workflow commands only, so its summary goes there too.
    let summary = factdiff_report::text::summary_line(&report);
    match to {
        Some(path) => wrote(stderr, path, &summary),
        None if format == Format::Github => {
            let _ = writeln!(stderr, "{summary}");
        }
        None => {}
    }
    let fail_on = args.fail_on.or(ctx.config.fail_on).unwrap_or(FailOn::Error);
    let code = exit_code(&findings, fail_on);
    crate::release((findings, stories, pairs));
    Ok(code)
}

/// The filters a run applies after the engines, resolved before it reports.
struct Filters {
    baseline: Option<BTreeSet<String>>,
    /// `--only-changed`: the revision and the files changed since it.
    changed: Option<(String, BTreeSet<String>)>,
}

impl Filters {
    fn resolve(ctx: &Ctx<'_>, args: &CheckArgs) -> Result<Filters, CliError> {
        let baseline = match &args.baseline {
            Some(path) => Some(baseline::read(&ctx.env.cwd.join(path), path)?),
            None => None,
        };
        let changed = match &args.only_changed {
            Some(rev) => Some((rev.clone(), changed::changed_files(&ctx.env.cwd, rev)?)),
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
        let n = filter(ctx, corpus, findings, self.baseline.as_ref()).in_baseline;
        if n > 0 {
            let _ = writeln!(
                stderr,
                "note: {} not reported: already in the baseline",
                plural(n, "finding", "findings")
            );
        }
        if let Some((rev, changed)) = &self.changed {
            let n = changed::retain_touching(findings, changed);
            if n > 0 {
                let _ = writeln!(
                    stderr,
                    "note: {} only in unchanged files not reported (--only-changed {rev})",
                    plural(n, "finding", "findings")
                );
            }
        }
    }
}

/// The pipeline's filters for a run: the config's ignores, the baseline's
/// fingerprints, and fingerprints rebased on the fingerprint root (`fingerprint.rs`),
/// so that a baseline does not depend on where factdiff runs. `baseline` runs them
/// too (without a baseline), so a baseline holds what `check` would report, with the
/// same fingerprints.
pub fn filter(
    ctx: &Ctx<'_>,
    corpus: &Corpus,
    findings: &mut Vec<Finding>,
    baseline: Option<&BTreeSet<String>>,
) -> factdiff_pipeline::Filtered {
    let root = FingerprintRoot::find(ctx.env, &ctx.config);
    let rebase = |p: &str| root.path(p);
    let filters = factdiff_pipeline::Filters {
        ignores: &ctx.config.ignores,
        baseline,
        fingerprint_path: root.rebases().then_some(&rebase as &dyn Fn(&str) -> String),
    };
    factdiff_pipeline::filter(corpus, findings, &filters)
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
            let hint = match factdiff_pipeline::suggest_id(id, rules.iter().map(|r| r.id.as_str()))
            {
                Some(best) => format!("did you mean `{best}`?"),
                None => "`factdiff rules list` lists them".to_owned(),
            };
            let _ = writeln!(
                stderr,
                "warning: {file}: `{key}` names `{id}`, which is not a rule; {hint}"
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

/// `--pair`: each selector must name an article of a duplicate pair or a story of
/// one, else the page would show nothing for it.
pub fn check_pair_selectors(
    selectors: &[String],
    pairs: &factdiff_findings::Pairs,
) -> Result<(), CliError> {
    for selector in selectors {
        let names_story = pairs
            .groups
            .iter()
            .any(|g| g.story.as_deref() == Some(selector.as_str()));
        if !names_story && !pairs.articles.iter().any(|a| a.is_named_by(selector)) {
            return Err(CliError::usage(format!(
                "`--pair {selector}` names no duplicate pair: give the path of an article of a pair (PATH:LINE for a record of an archive) or a story's ID, as the page's index of pairs and its stories list them"
            )));
        }
    }
    Ok(())
}
