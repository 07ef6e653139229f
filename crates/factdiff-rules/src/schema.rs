//! The JSON Schema of rule files and fact sheets, for editors (taplo / Even Better TOML
//! validate TOML against JSON Schema). It is generated from what the loader accepts:
//! the keys of a rule file and of a fact, every [`Kind`], and each kind's
//! [`ParamSpec`]s with their types, ranges and defaults. `docs/rule-file.schema.json`
//! is this function's output; a test keeps the file in step.

use serde_json::{Map, Value, json};

use crate::kinds::Kind;
use crate::params::{ParamSpec, ParamType};

/// What each key of a rule file means; the same keys as the loader's.
const RULE_KEY_DOCS: &[(&str, &str)] = &[
    (
        "id",
        "The rule's stable ID, kebab-case. A file whose id is a built-in rule's replaces that rule.",
    ),
    ("kind", "The built-in rule kind this file instantiates."),
    (
        "severity",
        "The severity of the rule's findings; default: the kind's.",
    ),
    (
        "message",
        "The message template: {name} is replaced by a value of the finding ({{ and }} are literal braces); default: the kind's.",
    ),
    (
        "description",
        "One line on what the rule is for; shown by `rules list` and in SARIF.",
    ),
    ("enabled", "false turns the rule off; default true."),
    (
        "params",
        "The kind's parameters; each one left out keeps its default.",
    ),
];

/// What each key of a `[[fact]]` means; the same keys as the loader's.
const FACT_KEY_DOCS: &[(&str, &str)] = &[
    ("id", "The fact's name in messages; default FILE#N."),
    (
        "subject",
        "Words that must all appear in a claim's sentence (case-insensitive).",
    ),
    (
        "unit",
        "The claim's unit: the counted noun, an ISO currency code or %.",
    ),
    (
        "measure",
        "The claim's measure (deaths, budget ...), if any.",
    ),
    ("value", "The exact value; give either value or min/max."),
    ("min", "The lower bound (inclusive)."),
    ("max", "The upper bound (inclusive)."),
    (
        "tolerance",
        "A fraction the bounds are widened by (0.05 is 5%); default 0.",
    ),
    (
        "valid-from",
        "The fact holds for articles dated on or after this day.",
    ),
    (
        "valid-until",
        "The fact holds for articles dated on or before this day.",
    ),
    (
        "source",
        "Where the fact comes from; the {source} placeholder of fact-mismatch.",
    ),
    ("note", "Free text for the sheet's readers."),
];

/// The JSON Schema (draft 07) of a rules folder's TOML files: a rule file (`id`,
/// `kind`, ...) or a fact sheet (`[[fact]]`).
pub fn json_schema() -> Value {
    let kind_ids: Vec<&str> = Kind::ids();
    let mut definitions = Map::new();
    definitions.insert("ruleFile".into(), rule_file(&kind_ids));
    definitions.insert("factSheet".into(), fact_sheet());
    for kind in Kind::ALL {
        let info = kind.info();
        definitions.insert(format!("params-{}", info.id), params(info.params));
    }
    sorted(json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/factdiff/factdiff/docs/rule-file.schema.json",
        "title": "factdiff rule file or fact sheet",
        "description": "A factdiff rule file (rules/*.toml: a rule kind with its ID, severity, message and parameters) or fact sheet (rules/facts/*.toml: [[fact]] tables). Generated from the rule kinds; see docs/rules.md.",
        "oneOf": [
            { "$ref": "#/definitions/ruleFile" },
            { "$ref": "#/definitions/factSheet" },
        ],
        "definitions": definitions,
    }))
}

/// Every object's keys in sorted order, whether or not serde_json keeps insertion
/// order (its `preserve_order` feature), so the printed schema is the same bytes in
/// every build.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

fn rule_file(kind_ids: &[&str]) -> Value {
    let mut properties = Map::new();
    for &(key, doc) in RULE_KEY_DOCS {
        let mut schema = match key {
            "id" => json!({ "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" }),
            "kind" => json!({ "type": "string", "enum": kind_ids }),
            "severity" => json!({ "type": "string", "enum": ["error", "warning", "info"] }),
            "enabled" => json!({ "type": "boolean", "default": true }),
            "params" => json!({ "type": "object" }),
            _ => json!({ "type": "string" }),
        };
        schema["description"] = json!(doc);
        properties.insert(key.to_owned(), schema);
    }
    // Each kind's parameters, chosen by `kind`.
    let by_kind: Vec<Value> = Kind::ALL
        .iter()
        .map(|kind| {
            let id = kind.info().id;
            json!({
                "if": { "properties": { "kind": { "const": id } }, "required": ["kind"] },
                "then": { "properties": { "params": { "$ref": format!("#/definitions/params-{id}") } } },
            })
        })
        .collect();
    json!({
        "type": "object",
        "required": ["id", "kind"],
        "additionalProperties": false,
        "properties": properties,
        "allOf": by_kind,
    })
}

fn params(specs: &[ParamSpec]) -> Value {
    let mut properties = Map::new();
    for spec in specs {
        let mut schema = match spec.ty {
            ParamType::Bool => json!({ "type": "boolean" }),
            ParamType::Integer { min, max } => {
                json!({ "type": "integer", "minimum": min, "maximum": max })
            }
            ParamType::Float { min, max } => {
                json!({ "type": "number", "minimum": min, "maximum": max })
            }
            ParamType::Strings => json!({ "type": "array", "items": { "type": "string" } }),
            ParamType::StringGroups => json!({
                "type": "array",
                "items": { "type": "array", "items": { "type": "string" } },
            }),
            ParamType::Choice(values) => json!({ "type": "string", "enum": values }),
        };
        schema["description"] = json!(spec.doc);
        schema["default"] = default_json(spec);
        properties.insert(spec.name.to_owned(), schema);
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    })
}

fn fact_sheet() -> Value {
    let mut properties = Map::new();
    for &(key, doc) in FACT_KEY_DOCS {
        let mut schema = match key {
            "subject" => {
                json!({ "type": "array", "minItems": 1, "items": { "type": "string" } })
            }
            "value" | "min" | "max" => json!({ "type": "number" }),
            "tolerance" => json!({
                "type": "number", "minimum": 0, "exclusiveMaximum": 1, "default": 0,
            }),
            "valid-from" | "valid-until" => json!({ "type": "string", "format": "date" }),
            _ => json!({ "type": "string" }),
        };
        schema["description"] = json!(doc);
        properties.insert(key.to_owned(), schema);
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["fact"],
        "properties": {
            "fact": {
                "description": "The facts of the sheet, one [[fact]] table each.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["subject", "unit"],
                    "properties": properties,
                    "anyOf": [
                        { "required": ["value"], "not": { "anyOf": [{ "required": ["min"] }, { "required": ["max"] }] } },
                        { "required": ["min"], "not": { "required": ["value"] } },
                        { "required": ["max"], "not": { "required": ["value"] } },
                    ],
                },
            },
        },
    })
}

/// A parameter's default as JSON.
fn default_json(spec: &ParamSpec) -> Value {
    let table: toml::Table =
        toml::from_str(&format!("v = {}", spec.default)).expect("parameter defaults are TOML");
    toml_to_json(&table["v"])
}

/// A TOML value as JSON, with dates and times as strings (as editors see them).
pub fn toml_to_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(n) => json!(n),
        toml::Value::Float(x) => json!(x),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{FACT_KEYS, RULE_KEYS};

    #[test]
    fn the_schema_documents_exactly_the_keys_the_loader_accepts() {
        let keys: Vec<&str> = RULE_KEY_DOCS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, RULE_KEYS);
        let keys: Vec<&str> = FACT_KEY_DOCS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, FACT_KEYS);
    }
}
