//! `factdiff baseline FILE [PATH...]`: the fingerprints of what `check` reports now.

use std::io::Write;

use super::Ctx;
use crate::args::BaselineArgs;
use crate::baseline;
use crate::error::CliError;
use crate::fingerprint::FingerprintRoot;
use crate::output::emit;

pub fn run(
    ctx: &Ctx<'_>,
    args: &BaselineArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let (corpus, mut analysis, _) =
        super::analyse(ctx, &args.paths, args.rules.as_deref(), false, stderr)?;
    // What `check` would report, before any baseline.
    super::check::filter(ctx, &corpus, &mut analysis.findings, None);
    let root = FingerprintRoot::find(ctx.env, &ctx.config);
    emit(
        ctx.env,
        Some(&args.file),
        &baseline::to_bytes(&analysis.findings, &|p| root.path(p)),
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
