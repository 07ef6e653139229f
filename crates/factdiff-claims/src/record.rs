//! Claims to [`ClaimRecord`]s, the serializable form `factdiff claims` prints.

use factdiff_corpus::Article;
use factdiff_findings::{ClaimKeyRecord, ClaimRecord, EventKeyRecord, RelationRecord, Role};
use serde_json::{Value, json};

use crate::{Claim, ClaimValue};

fn bound(x: Option<f64>) -> Value {
    match x {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => json!(v as i64),
        Some(v) => json!(v),
        None => Value::Null,
    }
}

/// The record of one claim of `article`. Relations name their target claim by its text
/// and position; `claims` is the article's full claim list (the one `claim` is in).
pub fn record(article: &Article, claims: &[Claim], claim: &Claim) -> ClaimRecord {
    let value = match &claim.value {
        ClaimValue::Interval(i) => {
            let mut v = json!({ "min": bound(i.min), "max": bound(i.max), "unit": i.unit });
            if i.min_open {
                v["min_open"] = json!(true);
            }
            if i.max_open {
                v["max_open"] = json!(true);
            }
            v
        }
        ClaimValue::Date(t) => json!(t.value),
        ClaimValue::Duration(d) => json!(d),
        ClaimValue::Ordinal { n, of } => json!({ "n": n, "of": of }),
        ClaimValue::Quote { text } => json!(text),
        ClaimValue::Name { normalized } => json!(normalized),
        ClaimValue::Acronym { short, .. } => json!(short),
    };
    let (reporting, invalid) = match &claim.value {
        ClaimValue::Date(t) => (t.reporting, t.invalid),
        _ => (false, false),
    };
    let known = matches!(claim.value, ClaimValue::Acronym { known: true, .. });
    ClaimRecord {
        kind: claim.kind.as_str().to_owned(),
        text: article.slice(claim.span).to_owned(),
        location: article.location(claim.span, Role::Primary),
        value,
        speaker: claim.speaker().map(str::to_owned),
        expansion: claim.expansion().map(str::to_owned),
        known,
        weekday: claim.weekday.map(|w| format!("{w:?}").to_lowercase()),
        reporting,
        invalid,
        key: claim.key.as_ref().map(|k| ClaimKeyRecord {
            measure: k.measure.as_deref().map(str::to_owned),
            unit: k.unit.to_string(),
            context: k.context.iter().map(|w| w.to_string()).collect(),
            monotonic: k.monotonic,
            event: k.event.as_ref().map(|e| EventKeyRecord {
                predicate: e.predicate.as_deref().map(str::to_owned),
                participants: e.participants.iter().map(|w| w.to_string()).collect(),
                place: e.place.as_deref().map(str::to_owned),
                reporting: e.reporting,
            }),
        }),
        relations: claim
            .relations()
            .iter()
            .filter_map(|r| {
                let target = claims.get(r.target)?;
                let (line, column, _, _) = article.line_columns(target.span);
                Some(RelationRecord {
                    kind: match r.kind {
                        crate::RelationKind::PartOf => "part-of",
                        crate::RelationKind::ChangeTo => "change-to",
                        crate::RelationKind::ConversionOf => "conversion-of",
                        crate::RelationKind::AnniversaryOf => "anniversary-of",
                    }
                    .to_owned(),
                    text: article.slice(target.span).to_owned(),
                    line,
                    column,
                })
            })
            .collect(),
    }
}

/// The records of all claims of `article`, in order.
pub fn records(article: &Article, claims: &[Claim]) -> Vec<ClaimRecord> {
    claims.iter().map(|c| record(article, claims, c)).collect()
}
