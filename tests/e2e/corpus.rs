//! `factdiff corpus` on the seeds and on the fixture folder of every format and every
//! bad input.

use crate::{run, snap};

#[test]
fn corpus_seeds_text() {
    let out = run(&["corpus", "seeds"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snap!("corpus_seeds_text", out.both());
}

#[test]
fn corpus_seeds_json() {
    let out = run(&["corpus", "seeds", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    snap!("corpus_seeds_json", out.stdout);
}

#[test]
fn corpus_fixtures_every_format_and_bad_input() {
    let out = run(&["corpus", "tests/fixtures/corpus"]);
    assert_eq!(out.code, 0);
    snap!("corpus_fixtures_text", out.both());
}
