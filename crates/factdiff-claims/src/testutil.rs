//! The table-driven test helper shared by the extractors' tests.

use factdiff_corpus::{Article, Corpus, Input};

use crate::{Claim, ClaimKind, ClaimValue, Lexicons, extract};

/// The default anchor of test articles: Tuesday 14 October 2025.
pub(crate) const ANCHOR: &str = "2025-10-14";

pub(crate) fn article(text: &str, date: Option<&str>) -> Article {
    let mut bytes = Vec::new();
    if let Some(d) = date {
        bytes.extend_from_slice(format!("+++\ndate = {d}\n+++\n").as_bytes());
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes.push(b'\n');
    let corpus = Corpus::from_inputs(vec![Input {
        path: "t.md".into(),
        bytes,
    }]);
    corpus.articles.into_iter().next().expect("one article")
}

fn fmt_num(x: Option<f64>, inf: &str) -> String {
    x.map_or_else(|| inf.to_owned(), |v| format!("{v}"))
}

/// One line for a claim: `surface = value`.
pub(crate) fn render(article: &Article, claims: &[Claim], c: &Claim) -> String {
    let value = match &c.value {
        ClaimValue::Interval(i) => format!(
            "{}{}, {}{} {}",
            if i.min_open || i.min.is_none() {
                "("
            } else {
                "["
            },
            fmt_num(i.min, "-inf"),
            fmt_num(i.max, "inf"),
            if i.max_open || i.max.is_none() {
                ")"
            } else {
                "]"
            },
            i.unit
        ),
        ClaimValue::Date(t) => {
            let mut s = t.value.clone();
            if let Some(w) = c.weekday {
                s.push_str(&format!(" {w:?}"));
            }
            if t.reporting {
                s.push_str(" reporting");
            }
            if t.invalid {
                s.push_str(" invalid");
            }
            s
        }
        ClaimValue::Duration(d) => d.to_string(),
        ClaimValue::Ordinal { n, of } => format!("{n} {of}"),
        ClaimValue::Quote { text } => {
            format!("{text} | {}", c.speaker().unwrap_or("-"))
        }
        ClaimValue::Name { normalized } => normalized.to_string(),
        ClaimValue::Acronym { short, known } => format!(
            "{short} | {}{}",
            c.expansion().unwrap_or("-"),
            if *known { " (known)" } else { "" }
        ),
    };
    let mut line = format!("{} = {}", article.slice(c.span), value);
    for r in c.relations() {
        line.push_str(&format!(
            " {:?}->{}",
            r.kind,
            article.slice(claims[r.target].span)
        ));
    }
    line
}

/// Checks the claims of one kind for each `(text, expected lines)` with the default
/// anchor date.
pub(crate) fn check_kind(kind: ClaimKind, cases: &[(&str, &[&str])]) {
    check_kind_dated(kind, Some(ANCHOR), cases);
}

pub(crate) fn check_kind_dated(kind: ClaimKind, date: Option<&str>, cases: &[(&str, &[&str])]) {
    let lex = Lexicons::builtin();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let art = article(text, date);
        let claims = extract(&art, &lex);
        let got: Vec<String> = claims
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| render(&art, &claims, c))
            .collect();
        if got != *expected {
            failures.push(format!("{text:?}\n   want {expected:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
