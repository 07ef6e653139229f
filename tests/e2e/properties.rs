//! Properties (proptest) over generated news text: what must hold for any input, not
//! just the fixtures. Case counts are modest so that the suite stays fast; a failing
//! case is shrunk and printed by proptest, and belongs in a plain regression test.

use std::collections::BTreeSet;
use std::path::Path;

use factdiff_claims::{ClaimValue, Lexicons, extract};
use factdiff_corpus::{Corpus, Input};
use factdiff_overlap::{OverlapConfig, compare};
use factdiff_report::json::JsonReport;
use proptest::prelude::*;

use crate::run_in;

const PLACES: &[&str] = &["Samarkand", "Astana", "Herat", "Valencia", "Lagos"];
const NAMES: &[&str] = &[
    "Maria Lopez",
    "Kassym-Jomart Tokayev",
    "Ahmed Nouri",
    "Li Wei",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Sunday"];
const MONTHS: &[&str] = &["January", "April", "September", "October"];
const NOUNS: &[&str] = &["people", "helicopters", "tons", "documents", "houses"];

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(items)
}

/// One sentence of news-like text: counts, dates, money, quotes, names, or noise.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..5000, pick(NOUNS), pick(PLACES), pick(WEEKDAYS)).prop_map(|(n, noun, place, day)| {
            format!("At least {n} {noun} were killed in {place} on {day}.")
        }),
        (1u32..32, pick(MONTHS), 1990i32..2030, pick(PLACES)).prop_map(|(d, m, y, place)| {
            format!("The summit opened in {place} on {d} {m} {y}.")
        }),
        (pick(NAMES), "[a-z]{2,8}( [a-z]{2,8}){2,6}")
            .prop_map(|(name, words)| format!("\u{201c}We {words},\u{201d} {name} said.")),
        (1u32..999, 1u32..99, pick(PLACES)).prop_map(|(a, b, place)| {
            format!("Trade with {place} rose by {b} percent to ${a}.{b} billion, about {a} million tenge.")
        }),
        (2u32..40, 1u32..40, pick(NOUNS)).prop_map(|(total, part, noun)| {
            format!("The {total} {noun}, including {part} women, between 5 and {total} in all.")
        }),
        "[A-Z]{2,5} officials met the [A-Z][a-z]{3,9} delegation",
        "[a-zA-Z0-9àéüñ.,;:!?'\"()\u{2019}\u{201c}\u{201d} -]{0,60}",
        any::<String>(),
    ]
}

/// An article: a few paragraphs of sentences.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..4).prop_map(|paras| {
        let paras: Vec<String> = paras.into_iter().map(|p| p.join(" ")).collect();
        paras.join("\n\n") + "\n"
    })
}

/// A passage worth repeating: enough words to be an overlap.
fn passage() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{3,9}", 16..40).prop_map(|w| w.join(" ") + ".")
}

fn corpus(texts: &[String]) -> Corpus {
    Corpus::from_inputs(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input {
                path: format!("{i}.txt"),
                bytes: t.clone().into_bytes(),
            })
            .collect(),
    )
}

fn write_files(dir: &Path, files: &[(String, String)]) {
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// Where a finding points: path, line, column, end line, end column.
type Place = (String, u32, u32, u32, u32);

/// A finding as a set member that does not depend on its message or fingerprint.
fn finding_keys(report: &JsonReport) -> BTreeSet<(String, Vec<Place>)> {
    report
        .findings
        .iter()
        .map(|f| {
            let mut locs: Vec<_> = f
                .locations
                .iter()
                .map(|l| (l.path.clone(), l.line, l.column, l.end_line, l.end_column))
                .collect();
            locs.sort();
            (f.rule.to_string(), locs)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every claim's span lies on character boundaries inside its article's text, and
    /// every interval has min <= max.
    #[test]
    fn claim_spans_and_intervals_are_sound(text in article()) {
        let corpus = corpus(std::slice::from_ref(&text));
        let lexicons = Lexicons::builtin();
        for article in &corpus.articles {
            for claim in extract(article, &lexicons) {
                let (start, end) = (claim.span.start as usize, claim.span.end as usize);
                prop_assert!(start <= end && end <= article.text.len(), "{claim:?}");
                prop_assert!(article.text.is_char_boundary(start), "{claim:?}");
                prop_assert!(article.text.is_char_boundary(end), "{claim:?}");
                if let ClaimValue::Interval(value) = &claim.value && let (Some(lo), Some(hi)) = (value.min, value.max) {
                    prop_assert!(lo <= hi, "[{lo}, {hi}] for {:?}", article.slice(claim.span));
                }
            }
        }
    }

    /// Comparing A with B gives what comparing B with A gives, sides swapped.
    #[test]
    fn overlap_is_symmetric(
        shared in passage(),
        (a0, a1, b0, b1) in (article(), article(), article(), article()),
    ) {
        let a = format!("{a0}\n{shared}\n\n{a1}");
        let b = format!("{b0}\n{shared}\n\n{b1}");
        let config = OverlapConfig::default();
        let ab = compare(&a, &b, &config);
        let ba = compare(&b, &a, &config);
        prop_assert_eq!((ab.words_a, ab.words_b), (ba.words_b, ba.words_a));
        prop_assert_eq!(ab.similarity, ba.similarity);
        prop_assert_eq!(
            (ab.containment_a, ab.containment_b),
            (ba.containment_b, ba.containment_a)
        );
        let mirrored: Vec<(u32, u32, u32, u32, u32)> = ba
            .passages
            .iter()
            .map(|p| (p.b_start, p.b_end, p.a_start, p.a_end, p.matched))
            .collect();
        let mut forward_passages: Vec<(u32, u32, u32, u32, u32)> = ab
            .passages
            .iter()
            .map(|p| (p.a_start, p.a_end, p.b_start, p.b_end, p.matched))
            .collect();
        let mut mirrored = mirrored;
        forward_passages.sort_unstable();
        mirrored.sort_unstable();
        prop_assert_eq!(forward_passages, mirrored);
        // And the findings of `detect` do not depend on the order of the files.
        let forward = factdiff_overlap::detect(&corpus(&[a.clone(), b.clone()]), &config);
        let backward = factdiff_overlap::detect(&corpus(&[b, a]), &config);
        // The same findings with the two files' names swapped.
        let keys = |findings: &[factdiff_findings::Finding], swap: bool| {
            let mut keys: Vec<String> = findings
                .iter()
                .map(|f| {
                    let mut locs: Vec<String> = f
                        .locations
                        .iter()
                        .map(|l| {
                            let path = match (swap, l.path.as_str()) {
                                (true, "0.txt") => "1.txt",
                                (true, "1.txt") => "0.txt",
                                (_, p) => p,
                            };
                            format!("{path}:{}:{}-{}:{}", l.line, l.column, l.end_line, l.end_column)
                        })
                        .collect();
                    locs.sort();
                    locs.join(" ")
                })
                .collect();
            keys.sort();
            keys
        };
        prop_assert_eq!(keys(&forward, false), keys(&backward, true));
    }
}

proptest! {
    // These run the whole CLI over files on disk: fewer cases.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// The JSON report parses into its documented types and writes back to the same
    /// bytes.
    #[test]
    fn json_report_round_trips(texts in prop::collection::vec(article(), 1..4)) {
        // A corpus of blank files reads no article: that is exit 2 by design
        // (`a_run_that_reads_no_article_exits_2_and_says_why`), not a report.
        prop_assume!(texts.iter().any(|t| !t.trim().is_empty()));
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("{i}.md"), t)).collect();
        write_files(dir.path(), &files);
        let out = run_in(dir.path(), &["check", ".", "--format", "json", "--fail-on", "never"]);
        prop_assert_eq!(out.code, 0, "{}", out.stderr);
        let report: JsonReport = serde_json::from_str(&out.stdout).unwrap();
        prop_assert_eq!(report.version, 1);
        prop_assert_eq!(report.summary.findings, report.findings.len());
        let mut again = Vec::new();
        factdiff_report::json::write_json(&report, &mut again).unwrap();
        prop_assert_eq!(String::from_utf8(again).unwrap(), out.stdout);
    }

    /// The report is byte-identical for any thread count and any order of the files,
    /// whether the order is the directory's or the command line's.
    #[test]
    fn report_ignores_threads_and_file_order(
        texts in prop::collection::vec(article(), 2..5),
        shared in passage(),
        seed in any::<u64>(),
    ) {
        // Two of the articles share a passage, so overlaps are in play too.
        let mut files: Vec<(String, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("{i}.md"), if i < 2 { format!("{t}\n{shared}\n") } else { t }))
            .collect();
        let mut outputs = Vec::new();
        for (round, threads) in ["1", "2", "4"].into_iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            // A different creation order each round, from the seed.
            let shift = (seed as usize).wrapping_add(round) % files.len();
            files.rotate_left(shift);
            if round == 1 {
                files.reverse();
            }
            write_files(dir.path(), &files);
            let mut args = vec!["--threads", threads, "check", "--format", "json", "--fail-on", "never"];
            let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
            if round == 2 {
                args.extend(names.iter().map(String::as_str));
            } else {
                args.push(".");
            }
            outputs.push(run_in(dir.path(), &args).stdout);
        }
        prop_assert_eq!(&outputs[0], &outputs[1]);
        prop_assert_eq!(&outputs[0], &outputs[2]);
    }

    /// An article with nothing in common with two others never takes away a finding
    /// between those two.
    #[test]
    fn an_unrelated_article_removes_no_finding(
        a in article(),
        b in article(),
        shared in passage(),
        unrelated in prop::collection::vec("[q-z]{4,9}", 20..60),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            ("a.md".to_owned(), format!("{a}\n{shared}\n")),
            ("b.md".to_owned(), format!("{b}\n{shared}\n")),
        ];
        write_files(dir.path(), &files);
        let check = || {
            let out = run_in(dir.path(), &["check", ".", "--format", "json", "--fail-on", "never"]);
            serde_json::from_str::<JsonReport>(&out.stdout).unwrap()
        };
        let before = finding_keys(&check());
        write_files(dir.path(), &[("c.md".to_owned(), unrelated.join(" ") + ".\n")]);
        let after = finding_keys(&check());
        let missing: Vec<_> = before.difference(&after).collect();
        prop_assert!(missing.is_empty(), "lost {missing:?}");
    }
}
