//! GitHub Actions workflow commands: each finding becomes an annotation on the pull
//! request, at its primary location.
//!
//! ```text
//! ::error file=news/quake-b.md,line=8,col=16,endLine=8,endColumn=33,title=factdiff count-mismatch::112 people killed here, at least 140 there%0Arelated: news/quake-a.md:5:1
//! ```
//!
//! Errors are `::error`, warnings `::warning`, info `::notice`. The message names the
//! related locations on lines of their own. Escaping follows GitHub's runner: in the
//! message `%`, `\r` and `\n` become `%25`, `%0D`, `%0A`; in a property value `:` and
//! `,` also become `%3A` and `%2C`. A JSONL record's annotation has its line but no
//! columns (those are into the record's `text` field), and the record's name (`id`,
//! else title) in its title: `title=factdiff count-mismatch (w4)`. Input problems are
//! warnings on their file. Nothing else is written: standard output holds only
//! workflow commands, so it can be piped or collected whole; the CLI writes the
//! summary line to standard error.

use std::io::{self, Write};

use factdiff_findings::{Finding, Severity};

use crate::{RenderContext, Renderer, Report, position};

/// GitHub Actions workflow commands (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Github;

impl Renderer for Github {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, out)
    }
}

/// Writes one workflow command per finding and input problem, and nothing else.
pub(crate) fn render(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for finding in report.findings {
        writeln!(out, "{}", command(finding))?;
    }
    for problem in report.problems {
        let mut props = format!("file={}", escape_property(&problem.path));
        if let Some(line) = problem.line {
            props.push_str(&format!(",line={line}"));
        }
        writeln!(
            out,
            "::warning {props},title={}::{}",
            escape_property("factdiff input problem"),
            escape_data(&problem.message)
        )?;
    }
    Ok(())
}

/// The workflow command for one finding.
pub fn command(finding: &Finding) -> String {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut props = Vec::new();
    if let Some(loc) = finding.primary() {
        props.push(format!("file={}", escape_property(&loc.path)));
        props.push(format!("line={}", loc.line));
        if loc.field.is_none() {
            props.push(format!("col={}", loc.column));
            props.push(format!("endLine={}", loc.end_line.max(loc.line)));
            props.push(format!("endColumn={}", loc.end_column));
        }
    }
    // A record of an archive: its name in the title, so the annotation on the file's
    // line says which story it is about.
    let title = match finding.primary().and_then(|loc| loc.article.as_deref()) {
        Some(name) => format!("factdiff {} ({name})", finding.rule),
        None => format!("factdiff {}", finding.rule),
    };
    props.push(format!("title={}", escape_property(&title)));
    let mut message = finding.message.clone();
    for loc in finding.related() {
        message.push_str(&format!("\nrelated: {}", position(loc)));
    }
    format!("::{name} {}::{}", props.join(","), escape_data(&message))
}

/// Escapes a command's message: `%`, `\r`, `\n`.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, and `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn every_finding_kind() {
        let text = testdata::render_report(|report, out| render(report, out));
        insta::assert_snapshot!(text);
    }

    #[test]
    fn escapes_as_the_runner_does() {
        assert_eq!(escape_data("100%\r\nnext: a,b"), "100%25%0D%0Anext: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
