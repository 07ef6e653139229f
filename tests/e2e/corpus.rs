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

/// Issue 15: archives date their stories in many forms (RFC 2822, Reuters-21578's
/// `26-FEB-1987 15:01:01.79`, `March 3, 2025`, Unix seconds); each is read as the
/// calendar date written, and only the ambiguous or malformed ones are warnings.
#[test]
fn jsonl_dates_in_the_forms_archives_use() {
    let out = run(&[
        "corpus",
        "tests/fixtures/dates/archive.jsonl",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let dates: Vec<(&str, Option<&str>)> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["date"].as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            ("iso", Some("2025-03-03")),
            ("rfc3339", Some("2025-03-03")),
            ("rfc2822", Some("1987-02-26")),
            ("reuters", Some("1987-02-26")),
            ("month-first", Some("2025-03-03")),
            ("day-first", Some("2025-03-03")),
            ("slashes", Some("2025-03-03")),
            ("unix", Some("1987-02-26")),
            ("ambiguous", None),
            ("object", None),
        ]
    );
    let warnings: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", out.stderr);
    assert!(
        warnings[0].starts_with(
            "warning: tests/fixtures/dates/archive.jsonl:9: field `date`: `03/04/2025` is not a date (expected YYYY-MM-DD"
        ),
        "{}",
        out.stderr
    );
    assert!(
        warnings[1].starts_with("warning: tests/fixtures/dates/archive.jsonl:10: field `date`: `{\"year\":2025}` is not a date"),
        "{}",
        out.stderr
    );
}

/// Issue 15: a `.json` file named on the command line is read as JSON articles (an
/// array of record objects, or one), or refused with a warning naming the file, line
/// and what is wrong; it is never one article of raw JSON. A folder walk leaves
/// `.json` out.
#[test]
fn json_files_named_are_read_as_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.json"),
        "[\n  {\"id\": \"q1\", \"title\": \"Quake\", \"date\": \"8 October 2023\",\n   \"text\": \"The earthquake killed 112 people in Herat province, officials said.\"},\n  {\"id\": \"q2\", \"date\": \"2023/10/08\",\n   \"text\": \"At least 140 people died in the Herat earthquake, officials said.\"}\n]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        "{\"name\": \"site\", \"version\": \"1.0.0\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.json"),
        "[{\"text\": \"x\"},\n oops]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("note.md"), "A note.\n").unwrap();

    let out = crate::run_in(dir.path(), &["corpus", "export.json", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.both());
    assert_eq!(out.stderr, "");
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rows: Vec<(&str, &str, u64, &str)> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap(),
                a["format"].as_str().unwrap(),
                a["record_line"].as_u64().unwrap(),
                a["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("q1", "json", 2, "2023-10-08"),
            ("q2", "json", 4, "2023-10-08")
        ]
    );

    // Its records are checked like any others.
    let out = crate::run_in(dir.path(), &["check", "export.json", "--fail-on", "info"]);
    assert_eq!(out.code, 1, "{}", out.both());
    assert!(
        out.stdout.contains("info[count-mismatch]"),
        "{}",
        out.stdout
    );

    // Files that hold no article are refused with a reason each; as no article is
    // left, the run says so and exits 2 (a CI must not pass on nothing).
    let out = crate::run_in(dir.path(), &["corpus", "package.json", "broken.json"]);
    assert_eq!(
        out.stderr,
        "warning: broken.json:2: file is not valid JSON: expected value (column 2); no article\n\
         warning: package.json:1: record has no `text` field; skipped\n\
         error: no article was read from `package.json`, `broken.json`: nothing there could be read as an article (the warnings above say why); fix those files, or give the folder of the articles\n"
    );
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");

    // A walk reads the Markdown and leaves every `.json` out, silently.
    let out = crate::run_in(dir.path(), &["corpus", ".", "--format", "json"]);
    assert_eq!(out.stderr, "");
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let paths: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["note.md"]);
}
