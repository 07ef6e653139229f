//! `factdiff overlap [PATH...]`: only the overlap findings, in the report formats.

use std::io::Write;

use factdiff_report::{Format, RenderOptions, Report};

use super::Ctx;
use crate::args::{CheckArgs, FailOn, OutputFormat};
use crate::error::CliError;
use crate::output::{emit, use_color};
use crate::sources::CorpusSources;

pub fn run(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let config = factdiff_overlap::OverlapConfig::default();
    let findings = ctx
        .workers
        .run(|| factdiff_overlap::detect(&corpus, &config));
    let report = Report {
        articles: corpus.articles.len(),
        claims: 0,
        findings: &findings,
        problems: &corpus.problems,
    };
    let format = match args.output.format {
        OutputFormat::Text => Format::Text,
        OutputFormat::Json => Format::Json,
    };
    let options = RenderOptions {
        color: use_color(ctx.env, ctx.cli.global.color, args.output.output.is_some()),
    };
    let mut buf = Vec::new();
    factdiff_report::render(
        &report,
        format,
        &options,
        &CorpusSources::new(&corpus),
        &mut buf,
    )
    .map_err(|err| CliError::usage(format!("cannot render the report: {err}")))?;
    emit(ctx.env, args.output.output.as_deref(), &buf, stdout)?;
    let fail_on = args.fail_on.or(ctx.config.fail_on).unwrap_or(FailOn::Error);
    Ok(super::check::exit_code(&findings, fail_on))
}
