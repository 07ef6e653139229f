//! The tables of docs/rules.md, generated from the registry of rule kinds: the list of
//! kinds (category, default severity, summary) and, in each kind's section, its
//! placeholders and parameters. The prose around them is written by hand; a generated
//! block lies between a `<!-- begin generated: NAME -->` line and its `<!-- end
//! generated: NAME -->` line, and [`update_rules_doc`] rewrites every such block (a
//! test in `tests/files.rs` keeps docs/rules.md in step, as it does the schema).

use crate::kinds::{Kind, KindInfo};
use crate::params::{ParamSpec, ParamType};
use crate::{ParamValue, RuleSet};

/// A default longer than this is summarized in the parameter table.
const MAX_DEFAULT_WIDTH: usize = 60;

/// The generated blocks of docs/rules.md: `(name, markdown)`, in document order. The
/// `kinds` table first, then one `params-ID` block per kind.
pub fn rules_doc_blocks() -> Vec<(String, String)> {
    let builtin = RuleSet::builtin();
    let mut blocks = vec![("kinds".to_owned(), kinds_table())];
    for kind in Kind::ALL {
        let info = kind.info();
        let in_file = builtin.get(info.id).map(|rule| &rule.params);
        blocks.push((format!("params-{}", info.id), kind_block(info, in_file)));
    }
    blocks
}

/// `doc` with every generated block replaced by its current content. An error names a
/// block the document lacks (with the lines to add) or a block the registry does not
/// know.
pub fn update_rules_doc(doc: &str) -> Result<String, String> {
    let blocks = rules_doc_blocks();
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    let mut seen = Vec::new();
    while let Some(start) = rest.find(BEGIN) {
        let after_begin = &rest[start + BEGIN.len()..];
        let name_end = after_begin
            .find(" -->\n")
            .ok_or_else(|| "a `<!-- begin generated: NAME -->` line is not closed".to_owned())?;
        let name = &after_begin[..name_end];
        let (_, content) = blocks
            .iter()
            .find(|(n, _)| n == name)
            .ok_or_else(|| format!("docs/rules.md: no generated block is called `{name}`"))?;
        let end_marker = format!("<!-- end generated: {name} -->\n");
        let body = &after_begin[name_end + " -->\n".len()..];
        let end = body
            .find(&end_marker)
            .ok_or_else(|| format!("docs/rules.md: `{name}` has no `{}`", end_marker.trim()))?;
        out.push_str(&rest[..start]);
        out.push_str(&format!("{BEGIN}{name} -->\n{content}{end_marker}"));
        rest = &body[end + end_marker.len()..];
        seen.push(name.to_owned());
    }
    out.push_str(rest);
    for (name, _) in &blocks {
        if !seen.contains(name) {
            return Err(format!(
                "docs/rules.md has no generated block `{name}`: add the lines \
                 `{BEGIN}{name} -->` and `<!-- end generated: {name} -->` where it goes \
                 (a kind's under its `### `ID`` heading)"
            ));
        }
    }
    Ok(out)
}

const BEGIN: &str = "<!-- begin generated: ";

/// The kinds: category, the kind's severity, how the built-in rule of that ID ships
/// (its severity, or off) and its measured precision on real text (eval/figures.toml,
/// [`crate::measured`]).
fn kinds_table() -> String {
    let mut out = String::from(
        "| kind | category | default severity | built-in rule | precision on real text | what it reports |\n|---|---|---|---|---|---|\n",
    );
    for kind in Kind::ALL {
        let info = kind.info();
        let shipped = match crate::measured::Shipped::builtin(info.id) {
            Some(s) if !s.enabled => "off".to_owned(),
            Some(s) => format!("`{}`", s.severity.as_str()),
            None => "-".to_owned(),
        };
        let measured = crate::measured::builtin(info.id);
        out.push_str(&format!(
            "| [`{id}`](#{id}) | {} | `{}` | {shipped} | {} | {} |\n",
            info.category.as_str(),
            info.severity.as_str(),
            crate::measured::precision_cell(&measured),
            cell(info.summary),
            id = info.id,
        ));
    }
    out
}

/// A kind's default severity, placeholders and parameter table.
fn kind_block(info: &KindInfo, in_file: Option<&crate::Params>) -> String {
    let placeholders: Vec<String> = info
        .placeholders
        .iter()
        .map(|name| format!("`{{{name}}}`"))
        .collect();
    let mut out = format!(
        "Default severity `{}`. Placeholders: {}.",
        info.severity.as_str(),
        placeholders.join(", ")
    );
    if info.params.is_empty() {
        out.push_str(" No parameters.\n");
        return out;
    }
    out.push_str("\n\n| parameter | type | default | meaning |\n|---|---|---|---|\n");
    for spec in info.params {
        let mut default = default_cell(spec, info.id);
        let default_value = crate::Params::defaults(std::slice::from_ref(spec));
        if let Some(params) = in_file
            && params.get(spec.name) != default_value.get(spec.name)
        {
            default.push_str(&format!(" (`rules/{}.toml` sets its own)", info.id));
        }
        out.push_str(&format!(
            "| `{}` | {} | {default} | {} |\n",
            spec.name,
            type_cell(spec.ty),
            cell(spec.doc),
        ));
    }
    out
}

fn type_cell(ty: ParamType) -> String {
    match ty {
        ParamType::Bool => "boolean".into(),
        ParamType::Integer { min, max } => format!("integer {min}–{max}"),
        ParamType::Float { min, max } => format!("number {min}–{max}"),
        ParamType::Strings => "array of strings".into(),
        ParamType::StringGroups => "array of arrays of strings".into(),
        ParamType::Choice(values) => values
            .iter()
            .map(|v| format!("`\"{v}\"`"))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

fn default_cell(spec: &ParamSpec, id: &str) -> String {
    if spec.default.chars().count() <= MAX_DEFAULT_WIDTH {
        return format!("`{}`", cell(spec.default));
    }
    let n = match crate::Params::defaults(std::slice::from_ref(spec)).get(spec.name) {
        Some(ParamValue::Strings(v)) => v.len(),
        Some(ParamValue::StringGroups(v)) => v.len(),
        _ => 1,
    };
    format!("{n} entries (`factdiff rules explain {id}` lists them)")
}

/// Text for a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_replaced_and_missing_ones_named() {
        let blocks = rules_doc_blocks();
        let mut doc = String::from("# Title\n\nprose\n");
        for (name, _) in &blocks {
            doc.push_str(&format!(
                "{BEGIN}{name} -->\nstale\n<!-- end generated: {name} -->\nmore prose\n"
            ));
        }
        let updated = update_rules_doc(&doc).unwrap();
        assert!(!updated.contains("stale"));
        assert_eq!(updated.matches("more prose").count(), blocks.len());
        assert!(updated.contains(
            "| `monotonic` | array of strings | `[]` | measures that only rise over time, besides"
        ));
        assert!(updated.contains("| `predicates` | array of arrays of strings | `[]` |"));
        assert!(updated.contains(
            "| `canonical` | array of strings | `[]` (`rules/name-variant.toml` sets its own) |"
        ));
        assert!(updated.contains("| `min-words` | integer 2–100 | `6` |"));
        assert!(
            updated.contains(
                "| [`invalid-date`](#invalid-date) | contradiction | `error` | `error` | "
            )
        );
        // The built-in rule's status and its measured precision, from eval/figures.toml.
        let cm = crate::measured::builtin("count-mismatch");
        assert!(updated.contains(&format!(
            "| [`count-mismatch`](#count-mismatch) | contradiction | `error` | `info` | {} |",
            crate::measured::precision_cell(&cm)
        )));
        assert!(
            updated
                .contains("| [`sum-mismatch`](#sum-mismatch) | contradiction | `error` | off | ")
        );
        assert!(updated.contains("| [`fact-mismatch`](#fact-mismatch) | contradiction | `error` | `error` | not measured |"));
        assert!(updated.contains("Placeholders: `{date}`, `{why}`. No parameters.\n"));
        assert_eq!(update_rules_doc(&updated).unwrap(), updated);

        let without = doc.replace(&format!("{BEGIN}params-quote-drift -->\n"), "");
        let err = update_rules_doc(&without).unwrap_err();
        assert!(
            err.contains("`<!-- end generated: params-quote-drift -->`")
                || err.contains("params-quote-drift"),
            "{err}"
        );
        let unknown = format!("{doc}{BEGIN}params-nope -->\n<!-- end generated: params-nope -->\n");
        assert!(
            update_rules_doc(&unknown)
                .unwrap_err()
                .contains("`params-nope`")
        );
    }
}
