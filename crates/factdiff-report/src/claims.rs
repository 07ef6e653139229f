//! The listing of `factdiff claims`: every claim of every article.
//!
//! JSON (`--format json`): `{ "version": 1, "claims": [ ClaimRecord, ... ] }`, the
//! claims in article order (by path, then record) and, within an article, by position.
//! Each claim is a [`ClaimRecord`]; its fields are documented there (`kind`, `text`,
//! `location`, `value`, and as they apply `speaker`, `expansion`, `known`, `weekday`,
//! `reporting`, `invalid`, `key`, `relations`).
//!
//! Text: one line per claim, `path:line:column: kind  text  => value`, with the
//! speaker, definition, weekday and relations after it, then a count per kind.

use std::collections::BTreeMap;
use std::io::{self, Write};

use factdiff_findings::ClaimRecord;
use serde::Serialize;

#[derive(Serialize)]
struct ClaimsListing<'a> {
    version: u32,
    claims: &'a [ClaimRecord],
}

/// Writes `{ "version": 1, "claims": [...] }`.
pub fn render_claims_json(claims: &[ClaimRecord], out: &mut dyn Write) -> io::Result<()> {
    crate::json::write_json(
        &ClaimsListing {
            version: crate::json::VERSION,
            claims,
        },
        out,
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "inf".to_owned(),
        other => other.to_string(),
    }
}

/// The value as a person reads it: `[37, inf) people`, `2025-08-07`, `25 anniversary`.
fn show_value(claim: &ClaimRecord) -> String {
    let v = &claim.value;
    match v {
        serde_json::Value::Object(map) if map.contains_key("unit") => {
            let min_open = map.get("min_open").is_some_and(|b| b == true) || map["min"].is_null();
            let max_open = map.get("max_open").is_some_and(|b| b == true) || map["max"].is_null();
            let min = if map["min"].is_null() {
                "-inf".to_owned()
            } else {
                number(&map["min"])
            };
            let unit = map["unit"].as_str().unwrap_or("");
            let interval = format!(
                "{}{}, {}{}",
                if min_open { "(" } else { "[" },
                min,
                number(&map["max"]),
                if max_open { ")" } else { "]" }
            );
            if unit.is_empty() {
                interval
            } else {
                format!("{interval} {unit}")
            }
        }
        serde_json::Value::Object(map) if map.contains_key("n") => {
            format!("{} {}", map["n"], map["of"].as_str().unwrap_or(""))
        }
        serde_json::Value::String(s) => one_line(s),
        other => other.to_string(),
    }
}

/// Writes the claims as text, one line each, then the count per kind.
pub fn render_claims_text(claims: &[ClaimRecord], out: &mut dyn Write) -> io::Result<()> {
    let mut per_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for claim in claims {
        *per_kind.entry(claim.kind.as_str()).or_default() += 1;
        let loc = &claim.location;
        let mut line = format!(
            "{}:{}:{}: {:<8} {}",
            loc.path,
            loc.line,
            loc.column,
            claim.kind,
            one_line(&claim.text)
        );
        if claim.kind != "quote" {
            line.push_str(&format!("  => {}", show_value(claim)));
        }
        if let Some(speaker) = &claim.speaker {
            line.push_str(&format!("  (speaker: {speaker})"));
        }
        if let Some(expansion) = &claim.expansion {
            line.push_str(&format!("  (defined: {})", one_line(expansion)));
        } else if claim.known {
            line.push_str("  (known)");
        }
        if let Some(weekday) = &claim.weekday {
            line.push_str(&format!("  (weekday: {weekday})"));
        }
        if claim.reporting {
            line.push_str("  (reporting date)");
        }
        if claim.invalid {
            line.push_str("  (no such date)");
        }
        if let Some(measure) = claim.key.as_ref().and_then(|k| k.measure.as_deref()) {
            line.push_str(&format!("  (measure: {measure})"));
        }
        for rel in &claim.relations {
            line.push_str(&format!(
                "  ({} {}:{} {})",
                rel.kind,
                rel.line,
                rel.column,
                one_line(&rel.text)
            ));
        }
        writeln!(out, "{line}")?;
    }
    let kinds: Vec<String> = per_kind
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    let total = crate::text::plural(claims.len(), "claim", "claims");
    if kinds.is_empty() {
        writeln!(out, "{total}")
    } else {
        writeln!(out, "{total}: {}", kinds.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use factdiff_findings::{ClaimKeyRecord, Location, RelationRecord, Role};
    use serde_json::json;

    use super::*;

    fn rec(kind: &str, text: &str, line: u32, value: serde_json::Value) -> ClaimRecord {
        ClaimRecord {
            kind: kind.into(),
            text: text.into(),
            location: Location {
                role: Role::Primary,
                path: "news/a.md".into(),
                line,
                column: 3,
                end_line: line,
                end_column: 3 + text.chars().count() as u32,
                byte_start: 10,
                byte_end: 10 + text.len(),
                field: None,
                article: None,
                text: text.into(),
            },
            value,
            speaker: None,
            expansion: None,
            known: false,
            weekday: None,
            reporting: false,
            invalid: false,
            key: None,
            relations: Vec::new(),
        }
    }

    fn sample() -> Vec<ClaimRecord> {
        let mut q = rec(
            "quantity",
            "at least 37 people",
            2,
            json!({"min": 37, "max": null, "unit": "people"}),
        );
        q.key = Some(ClaimKeyRecord {
            measure: Some("deaths".into()),
            unit: "people".into(),
            context: vec!["quake".into()],
            monotonic: false,
            event: None,
        });
        let mut part = rec(
            "quantity",
            "7 women",
            2,
            json!({"min": 7, "max": 7, "unit": "woman"}),
        );
        part.relations.push(RelationRecord {
            kind: "part-of".into(),
            text: "at least 37 people".into(),
            line: 2,
            column: 3,
        });
        let mut d = rec("date", "Monday (15 December)", 3, json!("2025-12-15"));
        d.weekday = Some("monday".into());
        let mut quote = rec(
            "quote",
            "“We hope,\n he said”",
            4,
            json!("We hope, he said"),
        );
        quote.speaker = Some("Kassym-Jomart Tokayev".into());
        let mut acr = rec("acronym", "TITR", 5, json!("TITR"));
        acr.expansion = Some("Trans-Caspian International Transport Route".into());
        vec![
            q,
            part,
            d,
            quote,
            acr,
            rec(
                "percent",
                "more than 5%",
                6,
                json!({"min": 5, "max": null, "unit": "%", "min_open": true}),
            ),
        ]
    }

    #[test]
    fn text_lists_each_claim_and_counts_kinds() {
        let mut out = Vec::new();
        render_claims_text(&sample(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "news/a.md:2:3: quantity at least 37 people  => [37, inf) people  (measure: deaths)\n\
             news/a.md:2:3: quantity 7 women  => [7, 7] woman  (part-of 2:3 at least 37 people)\n\
             news/a.md:3:3: date     Monday (15 December)  => 2025-12-15  (weekday: monday)\n\
             news/a.md:4:3: quote    “We hope, he said”  (speaker: Kassym-Jomart Tokayev)\n\
             news/a.md:5:3: acronym  TITR  => TITR  (defined: Trans-Caspian International Transport Route)\n\
             news/a.md:6:3: percent  more than 5%  => (5, inf) %\n\
             6 claims: 1 acronym, 1 date, 1 percent, 2 quantity, 1 quote\n"
        );
    }

    #[test]
    fn json_round_trips() {
        let claims = sample();
        let mut out = Vec::new();
        render_claims_json(&claims, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["claims"][0]["value"]["max"], serde_json::Value::Null);
        assert_eq!(v["claims"][2]["value"], "2025-12-15");
        let back: Vec<ClaimRecord> = serde_json::from_value(v["claims"].clone()).unwrap();
        assert_eq!(back, claims);
    }
}
