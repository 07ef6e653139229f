//! `factdiff baseline FILE [PATH...]`: the fingerprints of what `check` reports now.

use std::io::Write;

use super::Ctx;
use crate::args::BaselineArgs;
use crate::baseline;
use crate::error::CliError;
use crate::output::emit;

pub fn run(
    ctx: &Ctx<'_>,
    args: &BaselineArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let engines = super::rules::engines(ctx, args.rules.as_deref())?;
    let mut analysis = ctx
        .workers
        .run(|| factdiff_pipeline::analyse(&corpus, &engines));
    // What `check` would report, before any baseline.
    let filters = factdiff_pipeline::Filters {
        ignores: &ctx.config.ignores,
        baseline: None,
    };
    factdiff_pipeline::filter(&corpus, &mut analysis.findings, &filters);
    emit(
        ctx.env,
        Some(&args.file),
        &baseline::to_bytes(&analysis.findings),
        stdout,
    )?;
    let n = analysis.findings.len();
    let _ = writeln!(
        stderr,
        "wrote {n} finding{} to `{}`",
        if n == 1 { "" } else { "s" },
        args.file.display()
    );
    Ok(0)
}
