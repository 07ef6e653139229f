//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! One run. `tool.driver` names factdiff and lists every rule that ran (from the
//! [`RuleMeta`] the caller gives, plus any rule that has findings but no docs), sorted
//! by ID, each with `shortDescription`, `fullDescription`, `help` and
//! `defaultConfiguration.level`. Each finding is one result:
//!
//! - `ruleId`, `ruleIndex`, `level` (`error`, `warning`, or `note` for info), `message`;
//! - `locations`: the primary location; `relatedLocations`: the others, numbered from 1;
//!   an `artifactLocation` has the relative `uri` (`/` separators) under `%SRCROOT%`,
//!   and a `region` its start and end line and column (Unicode code points, the end
//!   column just past the last character) and the located text as `snippet`. A JSONL
//!   record's region is its line alone: its columns are into the record's `text`
//!   field, given under the location's `properties` (`field`, `column`, `endColumn`,
//!   and `article`, the record's `id` or else its title);
//! - `partialFingerprints`: `{ "factdiff/v1": fingerprint }`, stable across line shifts;
//! - `properties`: the finding's `category` and its `details`.
//!
//! Input problems are `invocations[0].toolExecutionNotifications`. Nothing in the log
//! depends on time, machine or absolute paths.

use std::collections::BTreeMap;
use std::io::{self, Write};

use factdiff_findings::{Finding, Location, Problem, RuleMeta, Severity};
use serde_json::{Value, json};

use crate::{RenderContext, Renderer, Report};

/// The schema the log declares.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "factdiff/v1";

/// SARIF's level for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The SARIF 2.1.0 log, listing the rules of `cx.rules` (see the module doc).
#[derive(Clone, Copy, Debug, Default)]
pub struct Sarif;

impl Renderer for Sarif {
    fn render(&self, cx: &RenderContext<'_>, out: &mut dyn Write) -> io::Result<()> {
        render(&cx.report, cx.rules, out)
    }
}

/// Writes the report as a SARIF 2.1.0 log.
pub(crate) fn render(
    report: &Report<'_>,
    rules: &[RuleMeta],
    out: &mut dyn Write,
) -> io::Result<()> {
    let log = to_value(report, rules);
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// The SARIF log as a JSON value.
pub fn to_value(report: &Report<'_>, rules: &[RuleMeta]) -> Value {
    // Every rule with docs, then those that only have findings; sorted by ID.
    let mut descriptors: BTreeMap<&str, Value> = BTreeMap::new();
    for rule in rules {
        descriptors.insert(&rule.id, descriptor(rule));
    }
    for finding in report.findings {
        descriptors
            .entry(finding.rule.as_str())
            .or_insert_with(|| undocumented(finding));
    }
    let index: BTreeMap<&str, usize> = descriptors
        .keys()
        .enumerate()
        .map(|(idx, id)| (*id, idx))
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| result(finding, index[finding.rule.as_str()]))
        .collect();
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "factdiff",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": descriptors.into_values().collect::<Vec<_>>(),
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if !report.problems.is_empty() {
        run["invocations"] = json!([{
            "executionSuccessful": true,
            "toolExecutionNotifications":
                report.problems.iter().map(notification).collect::<Vec<_>>(),
        }]);
    }
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    })
}

fn descriptor(rule: &RuleMeta) -> Value {
    json!({
        "id": rule.id,
        "name": rule.name,
        "shortDescription": { "text": rule.short },
        "fullDescription": { "text": rule.full },
        "help": { "text": rule.help, "markdown": rule.help },
        "defaultConfiguration": { "level": level(rule.default_severity) },
        "properties": { "category": rule.category.as_str(), "tags": [rule.category.as_str()] },
    })
}

fn undocumented(finding: &Finding) -> Value {
    json!({
        "id": finding.rule,
        "name": RuleMeta::name_of(&finding.rule),
        "shortDescription": { "text": format!("factdiff rule `{}`", finding.rule) },
        "defaultConfiguration": { "level": level(finding.severity) },
        "properties": {
            "category": finding.category.as_str(),
            "tags": [finding.category.as_str()],
        },
    })
}

fn result(finding: &Finding, rule_index: usize) -> Value {
    let mut result = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": finding.primary().map(|loc| vec![location(loc, None)]).unwrap_or_default(),
        "partialFingerprints": { FINGERPRINT_KEY: finding.fingerprint },
        "properties": {
            "category": finding.category.as_str(),
            "details": finding.details,
        },
    });
    let related: Vec<Value> = finding
        .related()
        .enumerate()
        .map(|(idx, loc)| location(loc, Some(idx + 1)))
        .collect();
    if !related.is_empty() {
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

fn location(loc: &Location, id: Option<usize>) -> Value {
    let mut region = json!({ "startLine": loc.line });
    if loc.field.is_none() {
        region["startColumn"] = json!(loc.column);
        region["endLine"] = json!(loc.end_line.max(loc.line));
        region["endColumn"] = json!(loc.end_column);
    }
    region["snippet"] = json!({ "text": loc.text });
    let mut value = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&loc.path), "uriBaseId": "%SRCROOT%" },
            "region": region,
        }
    });
    if let Some(field) = &loc.field {
        value["properties"] = json!({
            "field": field,
            "column": loc.column,
            "endColumn": loc.end_column,
        });
        if let Some(name) = &loc.article {
            value["properties"]["article"] = json!(name);
        }
    }
    if let Some(id) = id {
        value["id"] = json!(id);
        value["message"] = json!({ "text": loc.text });
    }
    value
}

fn notification(problem: &Problem) -> Value {
    let mut region = json!({});
    if let Some(line) = problem.line {
        region["startLine"] = json!(line);
    }
    let mut physical = json!({
        "artifactLocation": { "uri": uri(&problem.path), "uriBaseId": "%SRCROOT%" },
    });
    if problem.line.is_some() {
        physical["region"] = region;
    }
    json!({
        "level": "warning",
        "message": { "text": problem.message },
        "locations": [{ "physicalLocation": physical }],
    })
}

/// A relative path as a URI reference: `/` separators, and the characters that are not
/// allowed in a URI path percent-encoded.
pub(crate) fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b'@' => out.push(byte as char),
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn every_finding_kind() {
        let text = testdata::render_report(|report, out| render(report, &testdata::rules(), out));
        insta::assert_snapshot!(text);
        let log: Value = serde_json::from_str(&text).unwrap();
        let run = &log["runs"][0];
        let ids: Vec<&str> = run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "acronym-undefined",
                "count-mismatch",
                "overlap",
                "quote-drift"
            ]
        );
        for result in run["results"].as_array().unwrap() {
            let idx = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(ids[idx], result["ruleId"]);
        }
    }

    #[test]
    fn uri_encodes_what_a_uri_path_cannot_hold() {
        assert_eq!(uri("news/x<y> z.md"), "news/x%3Cy%3E%20z.md");
        assert_eq!(uri("a/é.md"), "a/%C3%A9.md");
    }
}
