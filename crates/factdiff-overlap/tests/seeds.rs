//! The overlaps on the five seed articles, as one line each.

use factdiff_corpus::{Corpus, Input};
use factdiff_findings::Finding;
use factdiff_overlap::{OverlapConfig, detect};

fn seeds() -> Vec<Input> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut inputs: Vec<Input> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            Input {
                path: format!("seeds/{}", path.file_name().unwrap().to_str().unwrap()),
                bytes: std::fs::read(&path).unwrap(),
            }
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs
}

fn summary(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let locs: Vec<String> = f
                .locations
                .iter()
                .map(|l| format!("{}:{}:{}", l.path, l.line, l.column))
                .collect();
            let details = f.details.overlap().expect("overlap details");
            let kind = serde_json::to_value(details.kind).unwrap();
            format!(
                "{} {} words={} sim={} {} | {}",
                kind.as_str().unwrap_or("?"),
                f.severity,
                details.words,
                // As JSON writes it (`1.0`), as the snapshot always had it.
                serde_json::to_string(&details.similarity).unwrap(),
                locs.join(" -> "),
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// With sentences retold in other words asked for (`reworded`): the two repeated
/// passages and the floods lede retold in seed 002.
#[test]
fn seeds_give_the_three_repeats_and_nothing_else() {
    let corpus = Corpus::from_inputs(seeds());
    let config = OverlapConfig {
        reworded: true,
        ..OverlapConfig::default()
    };
    let findings = detect(&corpus, &config);
    insta::assert_snapshot!(summary(&findings));
}

/// By default, sentences retold in other words are not reported: the two repeated
/// passages, as `info` (overlap is below its precision aim).
#[test]
fn seeds_by_default_give_the_two_repeated_passages() {
    let corpus = Corpus::from_inputs(seeds());
    let findings = detect(&corpus, &OverlapConfig::default());
    let kinds: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            let kind = serde_json::to_value(f.details.overlap().unwrap().kind).unwrap();
            (kind.as_str().unwrap().to_owned(), f.severity.to_string())
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("exact".to_owned(), "info".to_owned()),
            ("exact".to_owned(), "info".to_owned())
        ]
    );
}

/// A story's matrix of containments (`Detection::containments`, each member prepared
/// once) is what `Detection::containment` gives pair by pair: on the seeds, and on
/// the overlap fixtures' copies, republished and rewritten articles taken as one story.
#[test]
fn containments_of_a_story_are_its_pairs_containments() {
    let mut inputs = seeds();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/overlap");
    for dir in ["cluster", "edited", "exact", "republished", "rewording"] {
        for e in std::fs::read_dir(format!("{fixtures}/{dir}")).unwrap() {
            let path = e.unwrap().path();
            inputs.push(Input {
                path: format!("{dir}/{}", path.file_name().unwrap().to_str().unwrap()),
                bytes: std::fs::read(&path).unwrap(),
            });
        }
    }
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    let corpus = Corpus::from_inputs(inputs);
    let detection = factdiff_overlap::detect_all(&corpus, &OverlapConfig::default());
    let members: Vec<usize> = (0..corpus.articles.len()).rev().collect();
    let share = detection.containments(&members);
    let mut some = 0;
    for (i, &a) in members.iter().enumerate() {
        for (j, &b) in members.iter().enumerate() {
            let want = if i == j {
                0.0
            } else {
                detection.containment(a, b)
            };
            assert_eq!(share[i][j].to_bits(), want.to_bits(), "{a} in {b}");
            some += usize::from(want > 0.0 && i != j);
        }
    }
    assert!(some > 4, "{some} pairs share passages");
}
