//! The rule engine end to end: one fixture folder per rule under
//! tests/fixtures/rules/, where every `fire-*` file must get a finding of that rule
//! and no `ok-*` or `pass-*` file may be named by one (`pass-*`: articles of similar
//! but different events, two quakes or two summits, which are in different stories
//! and must not be compared); text and json snapshots of each folder;
//! `rules list` / `rules explain`; bad rule files exit 2 with file:line:column.

use std::path::Path;

use crate::{root, run, run_in, snap};

/// Every rule kind, from the rule engine's registry: each has a fixture folder and
/// snapshots, so a new kind is tested as soon as it is registered.
fn kinds() -> Vec<&'static str> {
    factdiff_rules::Kind::ids()
}

fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures/rules")
}

#[test]
fn every_fixture_folder_is_a_registered_kind() {
    let mut folders: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders, kinds());
}

/// What `RULE/expect.toml` says of one `fire-*` or `ok-*` case (keyed by its file
/// name without the extension).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Expect {
    /// The line of the finding's primary location in the fire case's own file.
    line: Option<u64>,
    /// The text the primary location points at.
    text: Option<String>,
    /// The file that holds the related location, when the finding has one.
    related: Option<String>,
    /// A fire case the rule misses today: why (a known gap, reported, not hidden).
    expect_miss: Option<String>,
    /// An ok case the rule reports today: why (a known false alarm).
    expect_false_alarm: Option<String>,
}

fn expectations(rule: &str) -> std::collections::BTreeMap<String, Expect> {
    let path = fixtures().join(rule).join("expect.toml");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    toml::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Each rule's fixture folder is checked as one corpus. A `fire-*` file must hold the
/// primary location of a finding of that rule, at the line and on the text its entry
/// in `expect.toml` names (and the related location in the file it names): a finding
/// that only points into it as the other side, or at another claim, does not count.
/// Every finding's primary location must be in a `fire-*` file, and no location in an
/// `ok-*` file. Other files (`context-*`) are the other side of a case. A case marked
/// `expect-miss` / `expect-false-alarm` is a known gap of the rule: printed, and the
/// test fails when the gap closes so that the mark is removed.
#[test]
#[allow(clippy::print_stderr)]
fn every_rule_fires_on_its_fire_cases_and_not_on_its_ok_cases() {
    let mut failures = Vec::new();
    let mut gaps = Vec::new();
    for rule in kinds() {
        let dir = fixtures().join(rule);
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|err| panic!("fixture folder for `{rule}`: {err}"))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f != "expect.toml")
            .collect();
        files.sort();
        let stem = |f: &str| f.rsplit_once('.').map_or(f, |(s, _)| s).to_owned();
        let expect = expectations(rule);
        for case in expect.keys() {
            assert!(
                files.iter().any(|f| &stem(f) == case),
                "{rule}/expect.toml: `{case}` names no fixture file"
            );
        }
        assert!(
            files.iter().any(|f| f.starts_with("fire-")),
            "{rule}: no fire case"
        );
        assert!(
            files.iter().any(|f| f.starts_with("ok-")),
            "{rule}: no ok case"
        );

        let out = run_in(
            &fixtures(),
            &["check", rule, "--format", "json", "--fail-on", "never"],
        );
        assert_eq!(out.code, 0, "{rule}: {}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let findings: Vec<&serde_json::Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .collect();
        let file_of = |loc: &serde_json::Value| {
            Path::new(loc["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        };
        let primary = |f: &serde_json::Value| f["locations"][0].clone();
        for file in &files {
            let name = stem(file);
            let default = Expect::default();
            let want = expect.get(&name).unwrap_or(&default);
            if file.starts_with("fire-") {
                let (Some(line), Some(text)) = (want.line, want.text.as_deref()) else {
                    failures.push(format!(
                        "{rule}/expect.toml: `[{name}]` must give the `line` and `text` of its primary location"
                    ));
                    continue;
                };
                let hit = findings.iter().any(|f| {
                    let p = primary(f);
                    assert_eq!(p["role"], "primary", "{f:#?}");
                    file_of(&p) == *file
                        && p["line"] == line
                        && p["text"] == text
                        && want.related.as_ref().is_none_or(|r| {
                            f["locations"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .skip(1)
                                .any(|l| &file_of(l) == r)
                        })
                });
                match (&want.expect_miss, hit) {
                    (None, true) => {}
                    (None, false) => failures.push(format!(
                        "{rule}: `{file}` must get a finding at line {line} on `{text}`{}",
                        want.related
                            .as_ref()
                            .map(|r| format!(" related to `{r}`"))
                            .unwrap_or_default()
                    )),
                    (Some(why), false) => gaps.push(format!("{rule}/{file}: missed: {why}")),
                    (Some(_), true) => failures.push(format!(
                        "{rule}: `{file}` fires now: remove its `expect-miss` from expect.toml"
                    )),
                }
            } else if file.starts_with("ok-") || file.starts_with("pass-") {
                let named: Vec<_> = findings
                    .iter()
                    .filter(|f| {
                        f["locations"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|l| &file_of(l) == file)
                    })
                    .map(|f| f["message"].as_str().unwrap())
                    .collect();
                match (&want.expect_false_alarm, named.is_empty()) {
                    (None, true) => {}
                    (None, false) => failures.push(format!(
                        "{rule}: `{file}` must get no finding; got {named:#?}"
                    )),
                    (Some(why), false) => gaps.push(format!("{rule}/{file}: false alarm: {why}")),
                    (Some(_), true) => failures.push(format!(
                        "{rule}: `{file}` gets no finding now: remove its `expect-false-alarm`"
                    )),
                }
            }
        }
        for finding in &findings {
            let file = file_of(&primary(finding));
            if !file.starts_with("fire-") {
                let expected_alarm = expect
                    .get(&stem(&file))
                    .is_some_and(|e| e.expect_false_alarm.is_some());
                if !expected_alarm {
                    failures.push(format!(
                        "{rule}: a finding in `{file}`, which is no fire case: {}",
                        finding["message"]
                    ));
                }
            }
            assert!(!finding["message"].as_str().unwrap().is_empty());
        }
    }
    if !gaps.is_empty() {
        eprintln!(
            "known gaps of the rules (expect-miss / expect-false-alarm in tests/fixtures/rules/*/expect.toml):\n  {}",
            gaps.join("\n  ")
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_reports_text_and_json() {
    for rule in kinds() {
        let out = run_in(&fixtures(), &["check", rule, "--fail-on", "never"]);
        snap!(format!("rules_{rule}_text"), out.both());
        let out = run_in(
            &fixtures(),
            &["check", rule, "--format", "json", "--fail-on", "never"],
        );
        snap!(format!("rules_{rule}_json"), out.stdout.clone());
    }
}

#[test]
fn seeds_report_the_name_variant_and_no_contradiction() {
    let out = run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let variant = findings
        .iter()
        .find(|f| f["rule"] == "name-variant")
        .expect("the Kasim/Kassym variant");
    assert_eq!(variant["details"]["variant"], "Kasim-Jomart");
    assert_eq!(variant["details"]["majority"], "Kassym-Jomart");
    let contradictions: Vec<_> = findings
        .iter()
        .filter(|f| f["category"] == "contradiction" && f["rule"] != "name-variant")
        .collect();
    assert!(contradictions.is_empty(), "{contradictions:#?}");
    let out = run(&["check", "--fail-on", "never"]);
    snap!("rules_seeds_check_text", out.both());
}

#[test]
fn rules_list_and_explain() {
    let out = run(&["rules", "list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for rule in kinds() {
        assert!(out.stdout.contains(rule), "{rule} not listed");
    }
    // The rules that are not rule kinds are listed and explained too.
    for rule in ["overlap", "unused-suppression"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{rule} "))),
            "{rule} not listed"
        );
    }
    snap!("rules_list", out.both());
    for rule in kinds().into_iter().chain(["overlap", "unused-suppression"]) {
        let out = run(&["rules", "explain", rule]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Options",
        ] {
            assert!(out.stdout.contains(section), "{rule}: {section}");
        }
    }
    snap!(
        "rules_explain_count_mismatch",
        run(&["rules", "explain", "count-mismatch"]).both()
    );
    snap!(
        "rules_explain_overlap",
        run(&["rules", "explain", "overlap"]).both()
    );
    let out = run(&["rules", "explain", "count-mismatc"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unknown rule `count-mismatc`; did you mean `count-mismatch`?\n"
    );
    // One word of one rule's ID, as a newcomer would type it.
    let out = run(&["rules", "explain", "anniversary"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: unknown rule `anniversary`; did you mean `anniversary-mismatch`?\n"
    );
}

/// `rules list` and `rules explain overlap` give the severity overlap is reported at
/// under the configuration in use: `info` by default (its snapshots), `warning` when
/// factdiff.toml's `[overlap]` says so, and the rule's own beside it only when they
/// differ.
#[test]
fn overlap_is_listed_and_explained_at_its_configured_severity() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "[overlap]\nseverity = \"warning\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["rules", "list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("overlap "))
        .unwrap();
    assert!(line.contains(" warning "), "{line}");
    let out = run_in(dir.path(), &["rules", "explain", "overlap"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("\n- severity: warning\n"),
        "{}",
        out.stdout
    );
    let out = run(&["rules", "explain", "overlap"]);
    assert!(
        out.stdout.contains(
            "\n- severity: info (the `severity` of `[overlap]`; the rule's own: warning)\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_bad_rule_file_exits_2_with_file_line_column_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("myrules")).unwrap();
    std::fs::write(dir.path().join("a.md"), "Some text.\n").unwrap();
    std::fs::write(
        dir.path().join("myrules/counts.toml"),
        "id = \"strict-counts\"\nkind = \"count-mismatch\"\n\n[params]\nmin-shared-contex = 3\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "a.md", "--rules", "myrules"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: myrules/counts.toml:5:1: unknown parameter `min-shared-contex` for kind `count-mismatch`; did you mean `min-shared-context`?\n"
    );
    // A good user rule runs beside the built-in ones.
    std::fs::write(
        dir.path().join("myrules/counts.toml"),
        "id = \"strict-counts\"\nkind = \"count-mismatch\"\nseverity = \"warning\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["rules", "list", "--rules", "myrules"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("strict-counts"));
}

/// A broken lexicon in a rules folder stops `check` and `claims` as a broken rule file
/// does: exit 2, the file as the user named its folder, the line and column from the
/// TOML reader's span, the dotted key and a did-you-mean.
#[test]
fn a_bad_lexicon_file_exits_2_with_file_line_column_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("myrules/lexicons")).unwrap();
    std::fs::write(dir.path().join("a.md"), "Some text.\n").unwrap();
    std::fs::write(
        dir.path().join("myrules/lexicons/currencies.toml"),
        "[currencies.EUR]\nwords = [\"euro\"]\nsymbol = [\"€\"]\n",
    )
    .unwrap();
    let expected = "error: myrules/lexicons/currencies.toml:3:1: key `currencies.EUR.symbol`: \
                    unknown key `symbol`; did you mean `symbols`?\n";
    for command in ["check", "claims"] {
        let out = run_in(dir.path(), &[command, "a.md", "--rules", "myrules"]);
        assert_eq!(out.code, 2, "{command}");
        assert_eq!(out.stderr, expected, "{command}");
    }
}

/// Every word diff reads from its finding's first location to its second, as the
/// legend says ("[-…-] only in this article"): the equal and deleted pieces put
/// together are the first location's text and the equal and inserted ones the
/// second's, white space and case as written (issue 15: a quote-drift diff lost the
/// spaces between its words and its capitals).
#[test]
fn every_word_diff_reads_from_the_first_location_to_the_second() {
    let out = run_in(
        &root().join("tests/fixtures"),
        &["check", ".", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut checked = std::collections::BTreeSet::new();
    for finding in json["findings"].as_array().unwrap() {
        let Some(diff) = finding["details"]["diff"].as_array() else {
            continue;
        };
        if diff.is_empty() {
            continue;
        }
        let side = |skip: &str| -> String {
            diff.iter()
                .filter(|c| c["tag"] != skip)
                .map(|c| c["text"].as_str().unwrap())
                .collect()
        };
        let locs = finding["locations"].as_array().unwrap();
        let (first, second) = (side("insert"), side("delete"));
        for (text, loc) in [(first, &locs[0]), (second, &locs[1])] {
            let quoted = words(loc["text"].as_str().unwrap());
            assert!(
                quoted.contains(&words(&text)),
                "{}: `{text}` is not in `{quoted}`",
                finding["message"]
            );
        }
        checked.insert(finding["rule"].as_str().unwrap().to_owned());
    }
    assert!(
        checked.contains("quote-drift") && checked.contains("overlap"),
        "{checked:?}"
    );
}

/// Messages speak plainly: no interval brackets, no lower-cased word lists, a figure
/// quoted mid-sentence not capitalized, a word diff that names its sides.
#[test]
fn messages_are_in_plain_words() {
    let out = run_in(
        &fixtures(),
        &["check", ".", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    for m in &messages {
        assert!(
            !m.contains('∞') && !m.contains(", ∞") && !m.contains("[1"),
            "{m}"
        );
        assert!(!m.contains("but At ") && !m.contains("but About "), "{m}");
    }
    let has = |s: &str| messages.iter().any(|m| m.contains(s));
    assert!(
        has("112 and at least 140 cannot both be true"),
        "{messages:#?}"
    );
    assert!(
        has("about $2 billion and about $200 million"),
        "{messages:#?}"
    );
    assert!(
        has("The summit began in Samarkand on Friday, September 16 here"),
        "{messages:#?}"
    );
    assert!(
        has(
            "the same quote is worded differently ([-…-] only in this article, \
             {+…+} only in the other article): We will [-not-]{+never+} accept these terms"
        ),
        "{messages:#?}"
    );
}

/// A first name of many stories ("William") respelled in one story ("Willam E.
/// Trotter" / "William E. Trotter", one use each) is compared across the corpus and
/// within its story: the two passes report one finding, from the minority spelling,
/// not a second one the other way round ("William" against the story's "Willam").
#[test]
fn a_name_respelled_in_one_story_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        (
            "a.md",
            "2024-01-10",
            "Commerce Secretary William Daley visited a steel plant in Gary on Tuesday.",
        ),
        (
            "b.md",
            "2024-03-05",
            "Foreign Office minister William Waldegrave met officials in Baghdad.",
        ),
        (
            "c.md",
            "2024-06-20",
            "William Hague spoke at the party conference in Blackpool.",
        ),
        (
            "d.md",
            "2024-09-01",
            "Rally's Inc said a group led by Burt Sugarman, James Trotter and Willam E. Trotter holds a 45.2% stake in the Louisville fast-food chain.",
        ),
        (
            "e.md",
            "2024-09-02",
            "The group of Burt Sugarman, James Trotter and William E. Trotter raised its stake in Rally's Inc, the Louisville fast-food chain, to 45.2%.",
        ),
    ];
    for (name, date, text) in articles {
        std::fs::write(
            dir.path().join(name),
            format!("+++\ntitle = \"{name}\"\ndate = {date}\n+++\n{text}\n"),
        )
        .unwrap();
    }
    let out = run_in(
        dir.path(),
        &["check", ".", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let variants: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "name-variant")
        .map(|f| {
            let p = &f["locations"][0];
            format!(
                "{}: {}",
                p["path"].as_str().unwrap(),
                p["text"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(variants, ["d.md: Willam"], "{}", out.stdout);
}
