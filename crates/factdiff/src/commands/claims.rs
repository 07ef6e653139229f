//! `factdiff claims [PATH...]`: every claim of every article, normalized.

use std::io::Write;

use factdiff_findings::ClaimRecord;
use factdiff_report::{render_claims_json, render_claims_text};

use super::Ctx;
use crate::args::{ClaimsArgs, OutputFormat};
use crate::error::CliError;
use crate::output::{emit, wrote};

pub fn run(
    ctx: &Ctx<'_>,
    args: &ClaimsArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    // The built-in lexicons, extended by `RULES/lexicons/*.toml` when that folder exists.
    let rules = args.rules.as_deref().or(ctx.config.rules.as_deref());
    let lexicons = factdiff_pipeline::lexicons(&ctx.env.cwd, rules)
        .map_err(|err| CliError::usage(err.to_string()))?;
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let claims: Vec<ClaimRecord> = ctx
        .workers
        .run(|| factdiff_pipeline::claim_records(&corpus, &lexicons));
    let mut buf = Vec::new();
    let written = match args.output.format {
        OutputFormat::Text => render_claims_text(&claims, &mut buf),
        OutputFormat::Json => render_claims_json(&claims, &mut buf),
    };
    written.map_err(|err| CliError::usage(format!("cannot render: {err}")))?;
    emit(ctx.env, args.output.output.as_deref(), &buf, stdout)?;
    if let Some(path) = &args.output.output {
        let n = corpus.articles.len();
        wrote(
            stderr,
            path,
            &format!(
                "{} claim{} of {n} article{}",
                claims.len(),
                if claims.len() == 1 { "" } else { "s" },
                if n == 1 { "" } else { "s" }
            ),
        );
    }
    Ok(0)
}
