//! The claim record: one claim as `factdiff claims` prints it.
//!
//! `factdiff claims --format json` writes `{ "version": 1, "claims": [ ClaimRecord, ... ] }`.
//! Each record is an object with these fields (absent fields are left out):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `kind` | string | one of `quantity`, `money`, `percent`, `date`, `duration`, `ordinal`, `quote`, `name`, `acronym` |
//! | `text` | string | the claim's text as written |
//! | `location` | [`Location`] | where it is, as in the report contract (`role` is `primary`) |
//! | `value` | see below | the normalized value |
//! | `speaker` | string | a quote's speaker, as the article names them |
//! | `expansion` | string | an acronym's definition, as the article gives it |
//! | `known` | `true` | an acronym in the known-acronyms lexicon |
//! | `weekday` | string | a weekday written next to a date (`monday` ... `sunday`) |
//! | `reporting` | `true` | a date that says when something was said ("said on Monday") |
//! | `invalid` | `true` | a date that does not exist ("31 April") |
//! | `key` | object | what the claim is about: `measure` (string or absent), `unit`, `context` (sorted words and names), `monotonic` (`true` when the measure only rises, as death tolls do), `event` (a date's: `predicate` such as `start` or `report`, `participants`, `place`, `reporting`) |
//! | `relations` | array | `{ "kind", "text", "line", "column" }`: `part-of`, `change-to`, `conversion-of`, `anniversary-of`, pointing at another claim of the same article |
//!
//! `value` by kind:
//!
//! - `quantity`, `money`, `percent`: `{ "min": number|null, "max": number|null, "unit": string }`,
//!   `null` for an open end (`at least 37 people` is `{ "min": 37, "max": null, "unit": "people" }`);
//!   `"min_open": true` / `"max_open": true` when the bound itself is excluded (`more than 600`).
//!   Money's unit is an ISO 4217 code, percent's is `%` (or `pp` for percentage points),
//!   a multiplier's (`doubled`, `3.5 times`) is `times`.
//! - `date`: the TIMEX3 value string (`2025-08-07`, `2025-08`, `2025`, `2025-W32`,
//!   `2012-SU`, `2025-Q1`, `XXXX-08-07`, `PRESENT_REF`).
//! - `duration`: the TIMEX3 duration string (`P25Y`, `PT3H`, `P1DE`, `PXY`).
//! - `ordinal`: `{ "n": number, "of": string }` (`{ "n": 25, "of": "anniversary" }`).
//! - `quote`: the quoted text without the quotation marks.
//! - `name`: the normalized name (lower-case, titles and abbreviation dots dropped).
//! - `acronym`: the acronym.

use serde::{Deserialize, Serialize};

use crate::Location;

/// One claim, as `factdiff claims` prints it. See the module docs for the schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// `quantity`, `money`, `percent`, `date`, `duration`, `ordinal`, `quote`, `name` or
    /// `acronym`.
    pub kind: String,
    /// The claim's text as written.
    pub text: String,
    /// Where it is.
    pub location: Location,
    /// The normalized value; its shape depends on `kind`.
    pub value: serde_json::Value,
    /// A quote's speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// An acronym's definition as the article gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    /// Whether an acronym is in the known-acronyms lexicon.
    #[serde(default, skip_serializing_if = "is_false")]
    pub known: bool,
    /// A weekday written next to a date, lower-case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// Whether a date is when something was said rather than when it happened.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reporting: bool,
    /// Whether a date does not exist.
    #[serde(default, skip_serializing_if = "is_false")]
    pub invalid: bool,
    /// What the claim is about, for matching across articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<ClaimKeyRecord>,
    /// Relations to other claims of the same article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationRecord>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What a claim is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimKeyRecord {
    /// The measure (`deaths`), when one is named near the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// The unit or counted noun.
    pub unit: String,
    /// Sorted normalized names and content words of the claim's sentence.
    pub context: Vec<String>,
    /// Whether the measure only rises over time (death tolls).
    #[serde(default, skip_serializing_if = "is_false")]
    pub monotonic: bool,
    /// For a date: the event it dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<EventKeyRecord>,
}

/// The event a date is the date of, from its clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventKeyRecord {
    /// The predicate class (`start`, `sign`, `arrive`, `report`), when the clause names
    /// one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    /// Sorted normalized names and content nouns of the clause, the place excepted.
    pub participants: Vec<String>,
    /// The normalized name after `in`, `at` or `near`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Whether the date says when something was said.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reporting: bool,
}

/// A relation from a claim to another claim of the same article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRecord {
    /// `part-of`, `change-to`, `conversion-of` or `anniversary-of`.
    pub kind: String,
    /// The other claim's text.
    pub text: String,
    /// The other claim's 1-based line.
    pub line: u32,
    /// The other claim's 1-based column.
    pub column: u32,
}
