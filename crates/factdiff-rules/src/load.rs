//! Reading and validating rule files and fact sheets.
//!
//! The TOML is parsed with spans (`toml::de::DeTable`) so that every error names the
//! file, line, column and key; unknown keys and kinds get a did-you-mean.

use std::path::Path;

use factdiff_findings::Severity;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::error::{RuleError, suggestion};
use crate::kinds::Kind;
use crate::params::{self, Params};
use crate::template;
use crate::{Fact, Rule, RuleSet};

/// The keys of a rule file.
pub(crate) const RULE_KEYS: &[&str] = &[
    "id",
    "kind",
    "severity",
    "message",
    "description",
    "enabled",
    "params",
];

/// The keys of one `[[fact]]` of a fact sheet.
pub(crate) const FACT_KEYS: &[&str] = &[
    "id",
    "subject",
    "unit",
    "measure",
    "value",
    "min",
    "max",
    "tolerance",
    "valid-from",
    "valid-until",
    "source",
    "note",
];

/// The fact sheets built into the binary.
pub(crate) const BUILTIN_FACTS: &[(&str, &str)] = &[(
    "rules/facts/example.toml",
    include_str!("../../../rules/facts/example.toml"),
)];

type Table<'i> = DeTable<'i>;

fn parse_table<'i>(file: &str, text: &'i str) -> Result<Spanned<Table<'i>>, RuleError> {
    DeTable::parse(text).map_err(|err| {
        let offset = err.span().map_or(0, |s| s.start);
        RuleError::at(
            file,
            text,
            offset,
            None,
            format!("invalid TOML: {}", err.message().trim_end()),
        )
    })
}

/// Converts a parsed value to a plain TOML value.
fn to_value(value: &DeValue<'_>) -> toml::Value {
    match value {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map(toml::Value::Integer)
            .unwrap_or_else(|_| toml::Value::String(n.as_str().to_owned())),
        DeValue::Float(x) => toml::Value::Float(x.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(d) => toml::Value::Datetime(*d),
        DeValue::Array(arr) => {
            toml::Value::Array(arr.iter().map(|v| to_value(v.get_ref())).collect())
        }
        DeValue::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_value(v.get_ref())))
                .collect(),
        ),
    }
}

struct Cx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Cx<'_> {
    fn err(&self, offset: usize, key: &str, message: impl Into<String>) -> RuleError {
        RuleError::at(self.file, self.text, offset, Some(key), message)
    }

    fn string(&self, key: &str, value: &Spanned<DeValue<'_>>) -> Result<String, RuleError> {
        value.get_ref().as_str().map(str::to_owned).ok_or_else(|| {
            self.err(
                value.span().start,
                key,
                format!(
                    "`{key}` must be a string, not {}",
                    value.get_ref().type_str()
                ),
            )
        })
    }

    fn number(&self, key: &str, value: &Spanned<DeValue<'_>>) -> Result<f64, RuleError> {
        match to_value(value.get_ref()) {
            toml::Value::Integer(n) => Ok(n as f64),
            toml::Value::Float(x) if x.is_finite() => Ok(x),
            _ => Err(self.err(value.span().start, key, format!("`{key}` must be a number"))),
        }
    }

    fn date(
        &self,
        key: &str,
        value: &Spanned<DeValue<'_>>,
    ) -> Result<jiff::civil::Date, RuleError> {
        let shown = match value.get_ref() {
            DeValue::Datetime(d) => d.to_string(),
            DeValue::String(s) => s.to_string(),
            _ => String::new(),
        };
        shown.parse::<jiff::civil::Date>().map_err(|_| {
            self.err(
                value.span().start,
                key,
                format!("`{key}` must be a date such as 2020-02-01"),
            )
        })
    }
}

/// Parses and validates one rule file.
pub(crate) fn parse_rule(file: &str, text: &str) -> Result<Rule, RuleError> {
    let cx = Cx { file, text };
    let root = parse_table(file, text)?;
    let table = root.get_ref();
    for (key, _) in table.iter() {
        if !RULE_KEYS.contains(&key.get_ref().as_ref()) {
            return Err(cx.err(
                key.span().start,
                key.get_ref(),
                format!(
                    "unknown key `{}`{}",
                    key.get_ref(),
                    suggestion(key.get_ref(), RULE_KEYS)
                ),
            ));
        }
    }
    let get = |name: &str| table.get(name);
    let kind_value = get("kind")
        .ok_or_else(|| cx.err(0, "kind", "missing key `kind`: the rule kind this file instantiates (`factdiff rules list` shows them)"))?;
    let kind_name = cx.string("kind", kind_value)?;
    let kind = Kind::from_id(&kind_name).ok_or_else(|| {
        cx.err(
            kind_value.span().start,
            "kind",
            format!(
                "unknown rule kind `{kind_name}`{}",
                suggestion(&kind_name, &Kind::ids())
            ),
        )
    })?;
    let info = kind.info();
    let id_value = get("id").ok_or_else(|| {
        cx.err(
            0,
            "id",
            "missing key `id`: the rule's stable ID, kebab-case",
        )
    })?;
    let id = cx.string("id", id_value)?;
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
    {
        return Err(cx.err(
            id_value.span().start,
            "id",
            format!("`id` must be kebab-case (a-z, 0-9, `-`), not `{id}`"),
        ));
    }
    let severity = match get("severity") {
        None => info.severity,
        Some(value) => {
            let s = cx.string("severity", value)?;
            match s.as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                other => {
                    return Err(cx.err(
                        value.span().start,
                        "severity",
                        format!(
                            "unknown severity `{other}`{}",
                            suggestion(other, &["error", "warning", "info"])
                        ),
                    ));
                }
            }
        }
    };
    let message = match get("message") {
        None => info.message.to_owned(),
        Some(value) => {
            let message = cx.string("message", value)?;
            let start = value.span().start + 1;
            let used = template::placeholders(&message)
                .map_err(|(pos, what)| cx.err(start + pos, "message", what))?;
            for (pos, name) in used {
                if !info.placeholders.contains(&name) {
                    return Err(cx.err(
                        start + pos,
                        "message",
                        format!(
                            "unknown placeholder `{{{name}}}` in `message`{}",
                            suggestion(name, info.placeholders)
                        ),
                    ));
                }
            }
            message
        }
    };
    let description = get("description")
        .map(|v| cx.string("description", v))
        .transpose()?;
    let enabled = match get("enabled") {
        None => true,
        Some(value) => value.get_ref().as_bool().ok_or_else(|| {
            cx.err(
                value.span().start,
                "enabled",
                "`enabled` must be true or false",
            )
        })?,
    };
    let mut params = Params::defaults(info.params);
    if let Some(value) = get("params") {
        let Some(ptable) = value.get_ref().as_table() else {
            return Err(cx.err(
                value.span().start,
                "params",
                "`params` must be a table: `[params]`",
            ));
        };
        let names: Vec<&str> = info.params.iter().map(|p| p.name).collect();
        for (key, pvalue) in ptable.iter() {
            let name = key.get_ref().as_ref();
            let dotted = format!("params.{name}");
            let Some(spec) = info.params.iter().find(|p| p.name == name) else {
                let hint = if names.is_empty() {
                    format!("; kind `{}` takes no parameters", info.id)
                } else {
                    suggestion(name, &names)
                };
                return Err(cx.err(
                    key.span().start,
                    &dotted,
                    format!("unknown parameter `{name}` for kind `{}`{hint}", info.id),
                ));
            };
            let converted =
                params::from_toml(&to_value(pvalue.get_ref()), spec.ty).map_err(|what| {
                    cx.err(pvalue.span().start, &dotted, format!("`{dotted}`: {what}"))
                })?;
            params.0.insert(spec.name, converted);
        }
    }
    Ok(Rule {
        id,
        kind,
        severity,
        message,
        description,
        enabled,
        params,
        file: file.to_owned(),
    })
}

/// Parses and validates one fact sheet: `[[fact]]` tables.
pub(crate) fn parse_facts(file: &str, text: &str) -> Result<Vec<Fact>, RuleError> {
    let cx = Cx { file, text };
    let root = parse_table(file, text)?;
    let mut facts = Vec::new();
    for (key, value) in root.get_ref().iter() {
        if key.get_ref() != "fact" {
            return Err(cx.err(
                key.span().start,
                key.get_ref(),
                format!(
                    "unknown key `{}` in a fact sheet{}",
                    key.get_ref(),
                    suggestion(key.get_ref(), &["fact"])
                ),
            ));
        }
        let Some(items) = value.get_ref().as_array() else {
            return Err(cx.err(
                value.span().start,
                "fact",
                "`fact` must be an array of tables: `[[fact]]`",
            ));
        };
        for (idx, item) in items.iter().enumerate() {
            let Some(table) = item.get_ref().as_table() else {
                return Err(cx.err(item.span().start, "fact", "each `fact` must be a table"));
            };
            facts.push(parse_fact(&cx, idx, item.span().start, table)?);
        }
    }
    Ok(facts)
}

fn parse_fact(cx: &Cx<'_>, idx: usize, at: usize, table: &Table<'_>) -> Result<Fact, RuleError> {
    for (key, _) in table.iter() {
        if !FACT_KEYS.contains(&key.get_ref().as_ref()) {
            let dotted = format!("fact[{idx}].{}", key.get_ref());
            return Err(cx.err(
                key.span().start,
                &dotted,
                format!(
                    "unknown key `{}` in a fact{}",
                    key.get_ref(),
                    suggestion(key.get_ref(), FACT_KEYS)
                ),
            ));
        }
    }
    let key = |name: &str| format!("fact[{idx}].{name}");
    let (line, _) = crate::error::line_col(cx.text, at);
    let subject = match table.get("subject") {
        None => {
            return Err(cx.err(
                at,
                &key("subject"),
                "a fact needs `subject`: the words a sentence must hold for the fact to apply",
            ));
        }
        Some(value) => match to_value(value.get_ref()) {
            toml::Value::Array(items) if !items.is_empty() && items.iter().all(|v| v.is_str()) => {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_lowercase))
                    .collect::<Vec<_>>()
            }
            _ => {
                return Err(cx.err(
                    value.span().start,
                    &key("subject"),
                    "`subject` must be a non-empty array of strings",
                ));
            }
        },
    };
    let unit = match table.get("unit") {
        None => {
            return Err(cx.err(
                at,
                &key("unit"),
                "a fact needs `unit`: the counted noun (`states`), ISO currency or `%`",
            ));
        }
        Some(value) => cx.string(&key("unit"), value)?,
    };
    let measure = table
        .get("measure")
        .map(|v| cx.string(&key("measure"), v))
        .transpose()?;
    let num = |name: &str| -> Result<Option<f64>, RuleError> {
        table
            .get(name)
            .map(|v| cx.number(&key(name), v))
            .transpose()
    };
    let value = num("value")?;
    let (mut min, mut max) = (num("min")?, num("max")?);
    if let Some(v) = value {
        if min.is_some() || max.is_some() {
            return Err(cx.err(
                at,
                &key("value"),
                "give either `value` or `min`/`max`, not both",
            ));
        }
        min = Some(v);
        max = Some(v);
    }
    if min.is_none() && max.is_none() {
        return Err(cx.err(
            at,
            &key("value"),
            "a fact needs `value`, or `min` and/or `max`",
        ));
    }
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
    {
        return Err(cx.err(at, &key("min"), "`min` is greater than `max`"));
    }
    let tolerance = num("tolerance")?.unwrap_or(0.0);
    if !(0.0..1.0).contains(&tolerance) {
        return Err(cx.err(
            at,
            &key("tolerance"),
            "`tolerance` is a fraction from 0 to 1 (0.05 is 5%)",
        ));
    }
    let date = |name: &str| table.get(name).map(|v| cx.date(&key(name), v)).transpose();
    let id = match table.get("id") {
        Some(v) => cx.string(&key("id"), v)?,
        None => format!("{}#{}", cx.file, idx + 1),
    };
    Ok(Fact {
        id,
        subject,
        unit,
        measure,
        min,
        max,
        tolerance,
        valid_from: date("valid-from")?,
        valid_until: date("valid-until")?,
        source: table
            .get("source")
            .map(|v| cx.string(&key("source"), v))
            .transpose()?,
        file: cx.file.to_owned(),
        line,
    })
}

/// Reads a folder: `*.toml` are rule files, `facts/*.toml` fact sheets; `lexicons/` is
/// the claims' and left alone. Files are read in name order.
pub(crate) fn read_dir(base: &Path, dir: &Path, set: &mut RuleSet) -> Result<(), RuleError> {
    let shown = show(dir);
    let list = |d: &Path| -> Result<Vec<std::path::PathBuf>, RuleError> {
        let entries = std::fs::read_dir(base.join(d)).map_err(|err| RuleError {
            file: show(d),
            line: 1,
            column: 1,
            key: None,
            message: format!("cannot read the rules folder: {err}"),
        })?;
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| d.join(e.file_name()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        Ok(files)
    };
    if !base.join(dir).is_dir() {
        return Err(RuleError {
            file: shown,
            line: 1,
            column: 1,
            key: None,
            message: "the rules folder does not exist".into(),
        });
    }
    let read = |path: &Path| -> Result<(String, String), RuleError> {
        let name = show(path);
        std::fs::read_to_string(base.join(path))
            .map(|text| (name.clone(), text))
            .map_err(|err| RuleError {
                file: name,
                line: 1,
                column: 1,
                key: None,
                message: format!("cannot read the rule file: {err}"),
            })
    };
    let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for path in list(dir)? {
        let (name, text) = read(&path)?;
        let rule = parse_rule(&name, &text)?;
        if let Some(first) = seen.insert(rule.id.clone(), name.clone()) {
            let offset = text.find("id").unwrap_or(0);
            return Err(RuleError::at(
                &name,
                &text,
                offset,
                Some("id"),
                format!(
                    "rule `{}` is already defined in `{first}`; IDs must be unique",
                    rule.id
                ),
            ));
        }
        set.insert(rule);
    }
    let facts_dir = dir.join("facts");
    if base.join(&facts_dir).is_dir() {
        for path in list(&facts_dir)? {
            let (name, text) = read(&path)?;
            set.add_facts(parse_facts(&name, &text)?);
        }
    }
    Ok(())
}

fn show(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}
