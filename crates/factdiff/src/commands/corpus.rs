//! `factdiff corpus [PATH...]`: the articles read, with their metadata and counts.

use std::io::Write;

use factdiff_report::corpus::{ArticleRow, render_json, render_text};
use rayon::prelude::*;

use super::Ctx;
use crate::args::{CorpusArgs, OutputFormat};
use crate::error::CliError;
use crate::output::{emit, wrote};

pub fn run(
    ctx: &Ctx<'_>,
    args: &CorpusArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let corpus = super::load_corpus(ctx, &args.paths, stderr)?;
    let rows: Vec<ArticleRow> = ctx.workers.run(|| rows(&corpus));
    let mut buf = Vec::new();
    let written = match args.output.format {
        OutputFormat::Text => render_text(&rows, &corpus.problems, &mut buf),
        OutputFormat::Json => render_json(&rows, &corpus.problems, &mut buf),
    };
    written.map_err(|err| CliError::usage(format!("cannot render: {err}")))?;
    emit(ctx.env, args.output.output.as_deref(), &buf, stdout)?;
    if let Some(path) = &args.output.output {
        let n = rows.len();
        wrote(
            stderr,
            path,
            &format!("{n} article{}", if n == 1 { "" } else { "s" }),
        );
    }
    Ok(0)
}

fn rows(corpus: &factdiff_corpus::Corpus) -> Vec<ArticleRow> {
    corpus
        .articles
        .par_iter()
        .map(|a| ArticleRow {
            path: a.path.to_string(),
            record_line: a.record_line,
            format: a.format.as_str().to_owned(),
            title: a.meta.title.clone(),
            date: a.meta.date.map(|d| d.to_string()),
            date_source: a.meta.date_source.map(|s| {
                match s {
                    factdiff_corpus::DateSource::FrontMatter => "front-matter",
                    factdiff_corpus::DateSource::Record => "record",
                    factdiff_corpus::DateSource::HtmlMeta => "html-meta",
                    factdiff_corpus::DateSource::Inferred => "inferred",
                }
                .to_owned()
            }),
            source: a.meta.source.as_deref().map(str::to_owned),
            url: a.meta.url.as_deref().map(str::to_owned),
            author: a.meta.author.as_deref().map(str::to_owned),
            id: a.meta.id.as_deref().map(str::to_owned),
            paragraphs: a.paragraphs.len(),
            sentences: a.sentences.len(),
            words: a.word_count(),
            bytes: a.body.len(),
        })
        .collect()
}
