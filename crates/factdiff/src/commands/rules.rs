//! `factdiff rules list` and `factdiff rules explain ID`: the rules' documentation,
//! read from the rule kinds' doc comments and the rule files in use.

use std::io::Write;
use std::path::Path;

use factdiff_pipeline::Engines;
use factdiff_pipeline::{OverlapConfig, ParamValue, Rule, RuleSet};

use super::Ctx;
use crate::args::{RulesArgs, RulesCommand};
use crate::error::CliError;
use factdiff_pipeline::catalog;
use factdiff_pipeline::measured;

/// The rule set in use: the built-in rules, overlaid with `--rules DIR`, else the
/// configuration's `rules` folder. A bad rule file is a usage error naming
/// file:line:column and the key.
pub(super) fn rule_set(ctx: &Ctx<'_>, given: Option<&Path>) -> Result<RuleSet, CliError> {
    factdiff_pipeline::rule_set(&ctx.env.cwd, given.or(ctx.config.rules.as_deref()))
        .map_err(|err| CliError::usage(err.to_string()))
}

/// The engines' data for `check`: `--rules DIR`, else the configuration's `rules`
/// (its rule files and its `lexicons/` folder), and factdiff.toml's `[overlap]`.
pub(super) fn engines(ctx: &Ctx<'_>, given: Option<&Path>) -> Result<Engines, CliError> {
    let mut engines = Engines::load(
        &ctx.env.cwd,
        given.or(ctx.config.rules.as_deref()),
        ctx.config.overlap.clone(),
    )
    .map_err(|err| CliError::usage(err.to_string()))?;
    engines.stories = ctx.config.stories.clone();
    Ok(engines)
}

pub fn run(
    ctx: &Ctx<'_>,
    args: &RulesArgs,
    stdout: &mut dyn Write,
    _stderr: &mut dyn Write,
) -> Result<u8, CliError> {
    let set = rule_set(ctx, args.rules.as_deref())?;
    let mut out = String::new();
    match &args.command {
        RulesCommand::List => list(&set, &ctx.config.overlap, &mut out),
        RulesCommand::Explain { id } => {
            if let Some(rule) = set.get(id) {
                explain(rule, &mut out);
            } else if let Some(other) = catalog::other(&set, id) {
                explain_other(other, &ctx.config.overlap, &mut out);
            } else {
                let hint = match set.suggest(id) {
                    Some(best) => format!("; did you mean `{best}`?"),
                    None => "; `factdiff rules list` shows the rules".to_owned(),
                };
                return Err(CliError::usage(format!("unknown rule `{id}`{hint}")));
            }
        }
    }
    stdout
        .write_all(out.as_bytes())
        .map_err(|err| CliError::usage(format!("cannot write the output: {err}")))?;
    Ok(0)
}

/// The rules of the set and the rules that are not rule kinds (`overlap`,
/// `unused-suppression`), sorted by ID, each at the severity it is reported at
/// (`overlap`'s from factdiff.toml's `[overlap]`).
fn list(set: &RuleSet, overlap: &OverlapConfig, out: &mut String) {
    // (id, severity, category, summary, enabled)
    let mut rows: Vec<(&str, &str, &str, String, bool)> = set
        .rules()
        .map(|rule| {
            let info = rule.kind.info();
            let summary = rule.description.as_deref().unwrap_or(info.summary);
            (
                rule.id.as_str(),
                rule.severity.as_str(),
                info.category.as_str(),
                summary.to_owned(),
                rule.enabled,
            )
        })
        .collect();
    for other in catalog::OTHER_RULES {
        if catalog::other(set, other.id).is_some() {
            let summary = lowercase_first(other.short);
            rows.push((
                other.id,
                other.reported_severity(overlap).as_str(),
                other.category.as_str(),
                summary,
                true,
            ));
        }
    }
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (id, severity, category, summary, enabled) in &rows {
        let off = if *enabled { "" } else { " (disabled)" };
        out.push_str(&format!(
            "{id:width$}  {severity:7}  {category:13}  {summary}{off}\n"
        ));
    }
    let n = rows.len();
    let enabled = rows.iter().filter(|r| r.4).count();
    let facts = set.facts().count();
    out.push_str(&format!(
        "\n{n} rules, {enabled} enabled; {facts} facts. `factdiff rules explain ID` documents one.\n"
    ));
}

fn explain(rule: &Rule, out: &mut String) {
    let info = rule.kind.info();
    out.push_str(&info.doc());
    out.push_str("\n## This rule\n");
    out.push_str(&format!("- id: `{}`\n", rule.id));
    out.push_str(&format!("- kind: `{}`\n", info.id));
    out.push_str(&format!("- category: {}\n", info.category.as_str()));
    out.push_str(&format!(
        "- severity: {}{}\n",
        rule.severity.as_str(),
        if rule.enabled { "" } else { " (disabled)" }
    ));
    out.push_str(&format!("- file: `{}`\n", rule.file));
    out.push_str(&format!("- message: \"{}\"\n", rule.message));
    if let Some(description) = &rule.description {
        out.push_str(&format!("- description: {description}\n"));
    }
    if !info.params.is_empty() {
        out.push_str("- params:\n");
        for spec in info.params {
            let value = rule
                .params
                .get(spec.name)
                .map(show_value)
                .unwrap_or_default();
            out.push_str(&format!("  - `{} = {value}`: {}\n", spec.name, spec.doc));
        }
    }
    measured(
        &rule.id,
        info.category,
        measured::Shipped::builtin(&rule.id),
        out,
    );
}

/// The rule's figures on real text, as eval/figures.toml records them when the
/// binary is built (`factdiff_pipeline::measured`).
fn measured(
    id: &str,
    category: factdiff_findings::Category,
    shipped: Option<measured::Shipped>,
    out: &mut String,
) {
    match measured::explain(measured::FIGURES, id, category, shipped) {
        Ok(text) => out.push_str(&text),
        Err(err) => out.push_str(&format!("\n{err}\n")),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `rules explain` of a rule that is not a rule kind: the severity its findings are
/// reported at under the configuration in use (`overlap`'s from `[overlap]`), and the
/// rule's own when that differs.
fn explain_other(other: &catalog::OtherRule, overlap: &OverlapConfig, out: &mut String) {
    out.push_str(other.doc);
    out.push_str("\n## This rule\n");
    out.push_str(&format!("- id: `{}`\n", other.id));
    out.push_str(&format!("- category: {}\n", other.category.as_str()));
    let reported = other.reported_severity(overlap);
    if reported == other.severity {
        out.push_str(&format!("- severity: {}\n", reported.as_str()));
    } else {
        out.push_str(&format!(
            "- severity: {} (the `severity` of `[overlap]`; the rule's own: {})\n",
            reported.as_str(),
            other.severity.as_str()
        ));
    }
    out.push_str(&format!("- reported by: {}\n", other.engine));
    measured(other.id, other.category, None, out);
}

fn show_value(value: &ParamValue) -> String {
    let quote = |s: &String| format!("{s:?}");
    match value {
        ParamValue::Bool(b) => b.to_string(),
        ParamValue::Integer(n) => n.to_string(),
        ParamValue::Float(x) => format!("{x:?}"),
        ParamValue::Choice(v) => format!("\"{v}\""),
        ParamValue::Strings(v) => {
            format!("[{}]", v.iter().map(quote).collect::<Vec<_>>().join(", "))
        }
        ParamValue::StringGroups(v) => format!(
            "[{}]",
            v.iter()
                .map(|g| format!("[{}]", g.iter().map(quote).collect::<Vec<_>>().join(", ")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
