//! `factdiff stories [PATH...]`: the stories, their articles and the facts they give.

use std::io::Write;

use factdiff_report::{
    StoriesReport, render_stories_html, render_stories_json, render_stories_markdown,
    render_stories_text, stories_summary,
};

use super::Ctx;
use crate::args::{StoriesArgs, StoriesFormat};
use crate::error::CliError;
use crate::output::{emit_with, wrote};

pub fn run(
    ctx: &Ctx<'_>,
    args: &StoriesArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let html = args.format == StoriesFormat::Html;
    let (corpus, analysis, _) =
        super::analyse(ctx, &args.paths, args.rules.as_deref(), html, stderr)?;
    let articles = corpus.articles.len();
    // The facts link to the findings `check` would report: the same filters (ignored
    // rules, suppressions; no baseline), the same fingerprints.
    let mut findings = analysis.findings;
    super::check::filter(ctx, &corpus, &mut findings, None);
    let mut stories = analysis.stories.stories;
    ctx.workers
        .run(|| factdiff_pipeline::link_findings(&mut stories, &findings));
    if args.format == StoriesFormat::Html {
        super::check::check_pair_selectors(&args.pairs.pair, &analysis.pairs)?;
    }
    let pair_texts = args.pairs.texts();
    let report = StoriesReport {
        articles,
        stories: &stories,
        findings: &findings,
        pairs: &analysis.pairs,
        pair_texts: &pair_texts,
    };
    let sources = crate::sources::CorpusSources::new(&corpus);
    let to = args.output.as_deref();
    emit_with(ctx.env, to, stdout, |out| match args.format {
        StoriesFormat::Text => render_stories_text(&report, out),
        StoriesFormat::Json => render_stories_json(&report, out),
        StoriesFormat::Markdown => render_stories_markdown(&report, out),
        StoriesFormat::Html => render_stories_html(&report, &sources, out),
    })?;
    if let Some(path) = to {
        wrote(stderr, path, &stories_summary(&report));
    }
    Ok(0)
}
