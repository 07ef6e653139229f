//! `factdiff claims` on the seeds (text and JSON) and on a dated article, where
//! relative dates resolve against the article's date.

use factdiff_findings::ClaimRecord;

use crate::{run, run_in, snap};

const KINDS: &[&str] = &[
    "quantity", "money", "percent", "date", "duration", "ordinal", "quote", "name", "acronym",
];

#[test]
fn claims_seeds_text() {
    let out = run(&["claims", "seeds"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snap!("claims_seeds_text", out.both());
}

#[test]
fn claims_seeds_json() {
    let out = run(&["claims", "seeds", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let claims: Vec<ClaimRecord> = serde_json::from_value(json["claims"].clone()).unwrap();
    assert!(claims.iter().all(|c| KINDS.contains(&c.kind.as_str())));
    // In article order, then by position.
    let keys: Vec<_> = claims
        .iter()
        .map(|c| (c.location.path.clone(), c.location.byte_start))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let find = |text: &str| {
        claims
            .iter()
            .find(|c| c.text == text)
            .unwrap_or_else(|| panic!("no claim {text:?}"))
    };
    // The seeds carry no date: a yearless date keeps XXXX.
    assert_eq!(find("Aug. 7").value, "XXXX-08-07");
    let money = find("350 million dollars");
    assert_eq!(money.kind, "money");
    assert_eq!(money.value["unit"], "USD");
    assert_eq!(money.value["min"], 349_500_000);
    let dead = find("At least 37 people");
    assert_eq!(dead.value["max"], serde_json::Value::Null);
    assert_eq!(
        dead.key.as_ref().unwrap().measure.as_deref(),
        Some("deaths")
    );
    let part = find("7 women");
    assert_eq!(part.relations[0].kind, "part-of");
    assert_eq!(part.relations[0].text, "139 people");
    let titr = claims
        .iter()
        .find(|c| c.kind == "acronym" && c.text == "TITR" && c.expansion.is_some())
        .unwrap();
    assert_eq!(
        titr.expansion.as_deref(),
        Some("Trans-Caspian International Transport Route")
    );
    assert!(
        claims
            .iter()
            .any(|c| c.kind == "quote" && c.speaker.as_deref() == Some("Kassym-Jomart Tokayev"))
    );
    snap!("claims_seeds_json", out.stdout);
}

#[test]
fn claims_resolve_relative_dates_against_the_article_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("quake.md"),
        "+++\ndate = 2025-10-14\n+++\nQuake kills dozens\n\nAt least 37 people were killed on Sunday, officials said on Monday. \
         The toll rose last week, and a vigil is planned for early December. \
         Aid worth $2.7bn arrived on Monday, 14 October 2025.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["claims", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let claims: Vec<ClaimRecord> = serde_json::from_value(json["claims"].clone()).unwrap();
    let dates: Vec<(String, String, bool, Option<String>)> = claims
        .iter()
        .filter(|c| c.kind == "date")
        .map(|c| {
            (
                c.text.clone(),
                c.value.as_str().unwrap().to_owned(),
                c.reporting,
                c.weekday.clone(),
            )
        })
        .collect();
    let expected: Vec<(String, String, bool, Option<String>)> = vec![
        (
            "Sunday".into(),
            "2025-10-12".into(),
            false,
            Some("sunday".into()),
        ),
        (
            "Monday".into(),
            "2025-10-13".into(),
            true,
            Some("monday".into()),
        ),
        ("last week".into(), "2025-W41".into(), false, None),
        ("early December".into(), "2025-12".into(), false, None),
        (
            "Monday, 14 October 2025".into(),
            "2025-10-14".into(),
            false,
            Some("monday".into()),
        ),
    ];
    assert_eq!(dates, expected);
    let money = claims.iter().find(|c| c.kind == "money").unwrap();
    assert_eq!(money.text, "$2.7bn");
    assert_eq!(money.value["min"], 2_650_000_000_i64);
}
