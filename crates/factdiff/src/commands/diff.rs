//! `factdiff diff A B`: a word diff of two articles, or of two passages given as
//! `FILE:LINE-LINE`. Exit code 0 when the texts are the same up to white space, 1 when
//! they differ, 2 on a usage error.

use std::io::Write;
use std::path::PathBuf;

use factdiff_corpus::{Article, Format as InputFormat, LoadOptions};
use factdiff_report::{DiffSide, DiffView, render_diff_json, render_diff_text};

use super::Ctx;
use crate::args::{DiffArgs, OutputFormat};
use crate::error::CliError;
use crate::output::{emit, use_color, wrote};

/// `FILE`, `FILE:LINE` or `FILE:LINE-LINE`.
#[derive(Debug, PartialEq, Eq)]
struct Spec {
    path: String,
    lines: Option<(u32, u32)>,
}

fn parse_spec(spec: &str, exists: impl Fn(&str) -> bool) -> Result<Spec, CliError> {
    if !exists(spec)
        && let Some((path, range)) = spec.rsplit_once(':')
        && !range.is_empty()
        && range.chars().all(|c| c.is_ascii_digit() || c == '-')
    {
        let (from, to) = range.split_once('-').unwrap_or((range, range));
        let parse = |s: &str| s.parse::<u32>().ok().filter(|&n| n >= 1);
        return match (parse(from), parse(to)) {
            (Some(from), Some(to)) if from <= to => Ok(Spec {
                path: path.to_owned(),
                lines: Some((from, to)),
            }),
            _ => Err(CliError::usage(format!(
                "`{spec}`: give lines as FILE:LINE or FILE:FIRST-LAST, 1-based, FIRST <= LAST"
            ))),
        };
    }
    Ok(Spec {
        path: spec.to_owned(),
        lines: None,
    })
}

/// The text a spec names, and where it is: its path, first and last line.
struct Selected {
    text: String,
    path: String,
    first_line: u32,
    last_line: u32,
}

impl Selected {
    fn side(self, words: usize) -> DiffSide {
        DiffSide {
            path: self.path,
            first_line: self.first_line,
            last_line: self.last_line,
            words,
        }
    }
}

/// The text a spec names.
fn select(ctx: &Ctx<'_>, spec: &Spec, stderr: &mut dyn Write) -> Result<Selected, CliError> {
    let options = LoadOptions {
        cwd: ctx.env.cwd.clone(),
        exclude: Vec::new(),
    };
    let corpus = ctx
        .workers
        .run(|| factdiff_corpus::load(&[PathBuf::from(&spec.path)], &options))?;
    super::print_problems(&corpus.problems, ctx.cli.global.verbose, stderr);
    let articles: Vec<&Article> = corpus.articles.iter().collect();
    let Some(first) = articles.first() else {
        return Err(CliError::usage(format!(
            "`{}` holds no article to compare",
            spec.path
        )));
    };
    let path = first.path.to_string();
    let side = |text: String, first_line: u32, last_line: u32| Selected {
        text,
        path: path.clone(),
        first_line,
        last_line,
    };
    match spec.lines {
        None => {
            if articles.len() > 1 {
                return Err(CliError::usage(format!(
                    "`{}` holds {} records; pick one with FILE:LINE",
                    spec.path,
                    articles.len()
                )));
            }
            let text = first.slice(first.body).to_owned();
            let (l0, _, l1, _) = first.line_columns(first.body);
            Ok(side(text, l0, l1))
        }
        Some((from, to)) if matches!(first.format, InputFormat::Jsonl | InputFormat::Json) => {
            let picked: Vec<&str> = articles
                .iter()
                .filter(|a| a.record_line.is_some_and(|l| (from..=to).contains(&l)))
                .map(|a| a.slice(a.body))
                .collect();
            if picked.is_empty() {
                return Err(CliError::usage(format!(
                    "`{}` has no record on lines {from}-{to}",
                    spec.path
                )));
            }
            Ok(side(picked.join("\n\n"), from, to))
        }
        Some((from, to)) if matches!(first.format, InputFormat::Txt | InputFormat::Markdown) => {
            let lines: Vec<&str> = first.text.split_inclusive('\n').collect();
            if from as usize > lines.len() {
                return Err(CliError::usage(format!(
                    "`{}` has {} lines; line {from} is past its end",
                    spec.path,
                    lines.len()
                )));
            }
            let to = to.min(lines.len() as u32);
            Ok(side(
                lines[from as usize - 1..to as usize].concat(),
                from,
                to,
            ))
        }
        Some(_) => Err(CliError::usage(format!(
            "`{}`: line ranges work on text, Markdown and JSONL files; compare the whole HTML file instead",
            spec.path
        ))),
    }
}

pub fn run(
    ctx: &Ctx<'_>,
    args: &DiffArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let exists = |p: &str| ctx.env.cwd.join(p).exists();
    let spec_a = parse_spec(&args.a, exists)?;
    let spec_b = parse_spec(&args.b, exists)?;
    let a = select(ctx, &spec_a, stderr)?;
    let b = select(ctx, &spec_b, stderr)?;
    let comparison = factdiff_pipeline::compare(&a.text, &b.text, &ctx.config.overlap);
    let differs = comparison.differs();
    let view = DiffView {
        a: a.side(comparison.words_a),
        b: b.side(comparison.words_b),
        similarity: comparison.similarity,
        containment_a: comparison.containment_a,
        containment_b: comparison.containment_b,
        diff: comparison.diff,
    };
    let mut buf = Vec::new();
    let written = match args.output.format {
        OutputFormat::Text => render_diff_text(
            &view,
            use_color(ctx.env, ctx.cli.global.color, args.output.output.is_some()),
            &mut buf,
        ),
        OutputFormat::Json => render_diff_json(&view, &mut buf),
    };
    written.map_err(|err| CliError::usage(format!("cannot render the diff: {err}")))?;
    emit(ctx.env, args.output.output.as_deref(), &buf, stdout)?;
    if let Some(path) = &args.output.output {
        let what = if differs {
            format!("the texts differ (similarity {})", view.similarity)
        } else {
            "the same text".to_owned()
        };
        wrote(stderr, path, &what);
    }
    Ok(u8::from(differs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let no = |_: &str| false;
        assert_eq!(
            parse_spec("a.txt:3-5", no).unwrap(),
            Spec {
                path: "a.txt".into(),
                lines: Some((3, 5))
            }
        );
        assert_eq!(
            parse_spec("a.txt:7", no).unwrap(),
            Spec {
                path: "a.txt".into(),
                lines: Some((7, 7))
            }
        );
        assert_eq!(parse_spec("a.txt", no).unwrap().lines, None);
        assert!(parse_spec("a.txt:5-3", no).is_err());
        assert!(parse_spec("a.txt:0-3", no).is_err());
        // A file whose name ends like a range is a file.
        assert_eq!(parse_spec("odd:1-2", |_| true).unwrap().lines, None);
    }
}
