//! `factdiff check [PATH...]`: every analysis, then one report.

use std::io::Write;

use factdiff_corpus::Corpus;
use factdiff_findings::{Finding, Severity};
use factdiff_report::{Format, RenderOptions, Report};

use super::Ctx;
use crate::args::{CheckArgs, FailOn, OutputFormat};
use crate::config::Config;
use crate::error::CliError;
use crate::output::{emit, use_color};
use crate::sources::CorpusSources;

/// What the analyses produced.
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub claims: usize,
}

/// Runs the analyses that exist over the corpus, side by side, each parallel over
/// articles; then sorts the findings into their one total order.
pub fn analyse(_corpus: &Corpus, _config: &Config) -> Analysis {
    let mut findings = Vec::new();
    factdiff_findings::finalize(&mut findings);
    Analysis {
        findings,
        claims: 0,
    }
}

pub fn run(
    ctx: &Ctx<'_>,
    args: &CheckArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let analysis = ctx.workers.run(|| analyse(&corpus, &ctx.config));
    let report = Report {
        articles: corpus.articles.len(),
        claims: analysis.claims,
        findings: &analysis.findings,
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
    Ok(exit_code(&analysis.findings, fail_on))
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
