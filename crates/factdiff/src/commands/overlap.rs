//! `factdiff overlap [PATH...]`: only the overlap findings, in the report formats.

use std::io::Write;

use super::Ctx;
use crate::args::CheckArgs;
use crate::error::CliError;

pub fn run(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let started = std::time::Instant::now();
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let config = &ctx.config.overlap;
    // The duplicate pairs only for HTML, the one report that shows them (as `check`).
    let html = args.output.format == factdiff_report::Format::Html;
    let analysis = ctx
        .workers
        .run(|| factdiff_pipeline::analyse_overlap_with(&corpus, config, html));
    // The same ignores, suppressions, baseline, --only-changed and formats as `check`;
    // SARIF lists the built-in rules, as no rule files are read.
    let rules = factdiff_pipeline::catalog::rules(&factdiff_pipeline::RuleSet::builtin(), config);
    let code = super::check::finish(
        ctx, args, &corpus, analysis, &rules, started, stdout, stderr,
    );
    crate::release(corpus);
    code
}
