//! Every report format on the seeds and the fixtures, SARIF against the official
//! schema, the HTML in a real browser; baselines, suppression, ignores, `--fail-on`
//! and `--only-changed`.

use std::path::Path;
use std::process::Command;

use crate::{root, run, run_in, snap};

const FORMATS: &[&str] = &["text", "json", "sarif", "github", "markdown", "html"];

/// The official SARIF 2.1.0 schema (tests/schemas, with its licence).
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

/// Asserts that `text` is a SARIF log the schema accepts; returns it.
fn assert_valid_sarif(text: &str) -> serde_json::Value {
    let log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid:\n{}", errors.join("\n"));
    log
}

#[test]
fn every_format_on_the_seeds_and_the_fixtures() {
    for (name, path) in [("seeds", "seeds"), ("fixtures", "tests/fixtures/corpus")] {
        for format in FORMATS {
            let out = run(&["check", path, "--format", format, "--fail-on", "never"]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            snap!(format!("report_{name}_{format}"), out.stdout.clone());
            if *format == "sarif" {
                assert_valid_sarif(&out.stdout);
            }
        }
    }
}

/// The rule fixtures (every contradiction kind) in the formats that tests/e2e/rules.rs
/// does not already snapshot there.
#[test]
fn ci_and_editor_formats_on_the_rule_fixtures() {
    for format in ["sarif", "github", "markdown", "html"] {
        let out = run(&[
            "check",
            "tests/fixtures/rules",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        snap!(format!("report_rule_fixtures_{format}"), out.stdout.clone());
        if format == "sarif" {
            let log = assert_valid_sarif(&out.stdout);
            let results = log["runs"][0]["results"].as_array().unwrap();
            assert!(
                results.iter().any(|r| r["relatedLocations"].is_array()),
                "contradictions carry their other side"
            );
        }
    }
}

#[test]
fn sarif_of_the_seeds_lists_every_rule_and_locates_every_finding() {
    let out = run(&["check", "seeds", "--format", "sarif", "--fail-on", "never"]);
    let log = assert_valid_sarif(&out.stdout);
    let json = run(&["check", "seeds", "--format", "json", "--fail-on", "never"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let run0 = &log["runs"][0];
    let rules: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "acronym-undefined",
        "count-mismatch",
        "date-mismatch",
        "overlap",
        "unused-suppression",
        "weekday-mismatch",
    ] {
        assert!(rules.contains(&id), "{id} not in {rules:?}");
    }
    let results = run0["results"].as_array().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["rule"]);
        assert_eq!(
            result["partialFingerprints"]["factdiff/v1"],
            finding["fingerprint"]
        );
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], finding["locations"][0]["line"]);
        let related = finding["locations"].as_array().unwrap().len() - 1;
        assert_eq!(
            result["relatedLocations"].as_array().map_or(0, Vec::len),
            related
        );
    }
}

#[test]
fn sarif_of_hand_built_findings_of_every_kind_validates() {
    use factdiff_findings::{Category, Finding, Location, Problem, Role, Severity};
    let loc = |path: &str, line: u32, text: &str, field: Option<&str>| Location {
        role: Role::Primary,
        path: path.into(),
        line,
        column: 3,
        end_line: line,
        end_column: 3 + text.chars().count() as u32,
        byte_start: 10,
        byte_end: 10 + text.len(),
        field: field.map(Into::into),
        article: field.map(|_| "w4 \"Buses\" <b>".into()),
        text: text.into(),
    };
    let findings = vec![
        Finding::new(
            "count-mismatch",
            Category::Contradiction,
            Severity::Error,
            "112 here, 140 there",
            vec![loc("a b/ü.md", 2, "112", None), loc("c.md", 9, "140", None)],
        ),
        Finding::new(
            "overlap",
            Category::Overlap,
            Severity::Info,
            "repeated",
            vec![loc("a.md", 1, "x y", None), loc("b.md", 1, "x z", None)],
        )
        .with_details(factdiff_findings::OverlapDetails {
            kind: factdiff_findings::OverlapKind::Near,
            scope: factdiff_findings::OverlapScope::Across,
            level: None,
            words: 2,
            similarity: 0.5,
            original: None,
            members: None,
            articles: None,
            diff: ["x ", "y"]
                .iter()
                .zip([
                    factdiff_findings::DiffTag::Equal,
                    factdiff_findings::DiffTag::Delete,
                ])
                .map(|(text, tag)| factdiff_findings::DiffChunk {
                    tag,
                    text: (*text).into(),
                })
                .collect(),
        }),
        Finding::new(
            "acronym-undefined",
            Category::Style,
            Severity::Warning,
            "NATO",
            vec![loc("w.jsonl", 4, "NATO", Some("text"))],
        ),
    ];
    let problems = [Problem::file("bin.txt", "binary file")];
    let report = factdiff_report::Report {
        articles: 4,
        claims: 2,
        findings: &findings,
        problems: &problems,
        stories: &[],
        pairs: &factdiff_report::NO_PAIRS,
    };
    let mut out = Vec::new();
    let cx = factdiff_report::RenderContext {
        report,
        rules: &[],
        options: &Default::default(),
        sources: &factdiff_report::NoSources,
    };
    factdiff_report::Format::Sarif
        .renderer()
        .render(&cx, &mut out)
        .unwrap();
    let log = assert_valid_sarif(std::str::from_utf8(&out).unwrap());
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%20b/%C3%BC.md"
    );
    // The validator is not a rubber stamp.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_validator().is_valid(&broken));
}

/// Two articles that repeat one paragraph: the overlap engine reports it.
fn write_pair(dir: &Path, lead_b: &str) {
    let para = "The river burst its banks on Sunday night after three days of torrential rain, flooding hundreds of homes and cutting the main road to the capital.";
    std::fs::write(
        dir.join("a.md"),
        format!("# Floods in the valley\n\n{para}\n\nRescue teams worked through the night.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.md"),
        format!("# Valley flooding\n\n{lead_b}\n\n{para}\n"),
    )
    .unwrap();
}

fn findings_of(dir: &Path, extra: &[&str]) -> (u8, Vec<serde_json::Value>) {
    let mut args = vec!["check", ".", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(extra);
    let out = run_in(dir, &args);
    assert!(out.code == 0, "{}", out.both());
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    (out.code, json["findings"].as_array().unwrap().clone())
}

#[test]
fn baseline_hides_accepted_findings_across_line_shifts_and_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "Officials gave a short statement.");
    let (_, before) = findings_of(dir.path(), &[]);
    assert!(!before.is_empty(), "the pair must have an overlap finding");

    let out = run_in(dir.path(), &["baseline", "accepted.json", "."]);
    assert_eq!(out.code, 0, "{}", out.both());
    assert_eq!(
        out.stderr,
        format!(
            "wrote {} finding{} to `accepted.json`\n",
            before.len(),
            if before.len() == 1 { "" } else { "s" }
        )
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("accepted.json")).unwrap())
            .unwrap();
    assert_eq!(file["version"], 1);
    assert_eq!(file["findings"][0]["fingerprint"], before[0]["fingerprint"]);

    let (_, after) = findings_of(dir.path(), &["--baseline", "accepted.json"]);
    assert_eq!(after, Vec::<serde_json::Value>::new());
    // The note says the findings were left out because they are accepted, not that
    // the baseline holds findings that no longer occur.
    let out = run_in(dir.path(), &["check", ".", "--baseline", "accepted.json"]);
    assert!(
        out.stderr
            .contains(" not reported: already in the baseline"),
        "{}",
        out.both()
    );

    // Lines shift and an unrelated paragraph changes: still accepted.
    write_pair(
        dir.path(),
        "Officials gave a longer statement.\n\nThey spoke at noon.\n\nNobody asked questions.",
    );
    let (_, shifted) = findings_of(dir.path(), &[]);
    assert!(!shifted.is_empty());
    assert_ne!(
        shifted[0]["locations"][1]["line"], before[0]["locations"][1]["line"],
        "the repeated paragraph moved"
    );
    let (_, after) = findings_of(dir.path(), &["--baseline", "accepted.json"]);
    assert_eq!(after, Vec::<serde_json::Value>::new());

    // A new repeat is reported.
    std::fs::write(
        dir.path().join("c.md"),
        "# Roads\n\nRescue teams worked through the night. The government promised emergency funds for every family that lost a home in the floods this week.\n\nThe government promised emergency funds for every family that lost a home in the floods this week.\n",
    )
    .unwrap();
    let (_, new) = findings_of(dir.path(), &["--baseline", "accepted.json"]);
    assert!(!new.is_empty(), "a new finding shows through the baseline");
    assert!(
        new.iter().all(|f| f["locations"][0]["path"] == "c.md"),
        "{new:#?}"
    );

    let out = run_in(dir.path(), &["check", ".", "--baseline", "missing.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("cannot read the baseline `missing.json`"),
        "{}",
        out.stderr
    );
}

#[test]
fn inline_suppression_in_markdown_and_html_and_unused_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "Officials gave a short statement.");
    let (_, plain) = findings_of(dir.path(), &[]);
    assert!(!plain.is_empty());
    let primary = plain[0]["locations"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();
    let line = plain[0]["locations"][0]["line"].as_u64().unwrap() as usize;

    // Suppress the finding at its primary line, and add one suppression that hides nothing.
    let path = dir.path().join(&primary);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.insert(
        line - 1,
        "<!-- factdiff-disable-next-line overlap -->".into(),
    );
    lines.insert(
        0,
        "<!-- factdiff-disable-next-line count-mismatch -->".into(),
    );
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (_, findings) = findings_of(dir.path(), &[]);
    let rules: Vec<(&str, &str, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["locations"][0]["path"].as_str().unwrap(),
                f["locations"][0]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [("unused-suppression", primary.as_str(), 1)],
        "{findings:#?}"
    );
    assert_eq!(findings[0]["severity"], "info");

    // A disable/enable block in HTML.
    let html = dir.path().join("page.html");
    std::fs::write(
        &html,
        "<html><body>\n<!-- factdiff-disable overlap -->\n<p>The river burst its banks on Sunday night after three days of torrential rain, flooding hundreds of homes and cutting the main road to the capital.</p>\n<!-- factdiff-enable -->\n</body></html>\n",
    )
    .unwrap();
    let (_, with_html) = findings_of(dir.path(), &[]);
    // A finding is suppressed by a comment at any of its locations.
    assert!(
        with_html.iter().all(|f| f["locations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["path"] != "page.html")),
        "{with_html:#?}"
    );
    // Without the block, the page's repeat is reported (so the block did the work).
    std::fs::write(
        &html,
        "<html><body>\n<p>The river burst its banks on Sunday night after three days of torrential rain, flooding hundreds of homes and cutting the main road to the capital.</p>\n</body></html>\n",
    )
    .unwrap();
    let (_, without) = findings_of(dir.path(), &[]);
    assert!(without.len() > with_html.len(), "{without:#?}");
}

#[test]
fn config_ignores_rules_and_paths() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "Officials gave a short statement.");
    let (_, plain) = findings_of(dir.path(), &[]);
    assert!(!plain.is_empty());
    let primary = plain[0]["locations"][0]["path"]
        .as_str()
        .unwrap()
        .to_owned();

    std::fs::write(
        dir.path().join("factdiff.toml"),
        format!("[per-path-ignores]\n\"{primary}\" = [\"overlap\"]\n"),
    )
    .unwrap();
    let (_, findings) = findings_of(dir.path(), &[]);
    assert!(
        findings
            .iter()
            .all(|f| f["locations"][0]["path"] != primary.as_str())
    );

    std::fs::write(dir.path().join("factdiff.toml"), "ignore = [\"overlap\"]\n").unwrap();
    let (_, findings) = findings_of(dir.path(), &[]);
    assert_eq!(findings, Vec::<serde_json::Value>::new());

    // A rule ID that no rule has is a warning (it ignores nothing), not an error.
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "ignore = [\"overlap\", \"count-mismach\"]\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.both());
    assert_eq!(
        out.stderr,
        "warning: factdiff.toml: `ignore` names `count-mismach`, which is not a rule; did you mean `count-mismatch`?\n"
    );
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "ignore = [\"overlap\", \"spelling\"]\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(
        out.stderr,
        "warning: factdiff.toml: `ignore` names `spelling`, which is not a rule; `factdiff rules list` lists them\n"
    );

    std::fs::write(
        dir.path().join("factdiff.toml"),
        "ignores = [\"overlap\"]\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "."]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: factdiff.toml:1:1: unknown field `ignores`"),
        "{}",
        out.stderr
    );
}

#[test]
fn fail_on_sets_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "Officials gave a short statement.");
    let (_, findings) = findings_of(dir.path(), &[]);
    let worst = findings
        .iter()
        .map(|f| match f["severity"].as_str().unwrap() {
            "error" => 2,
            "warning" => 1,
            _ => 0,
        })
        .max()
        .expect("findings");
    for (level, rank) in [("error", 2), ("warning", 1), ("info", 0)] {
        let out = run_in(dir.path(), &["check", ".", "--fail-on", level]);
        assert_eq!(out.code, u8::from(worst >= rank), "--fail-on {level}");
    }
    let out = run_in(dir.path(), &["check", ".", "--fail-on", "never"]);
    assert_eq!(out.code, 0);
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("a.txt"), "Nothing twice here.\n").unwrap();
    let out = run_in(empty.path(), &["check", ".", "--fail-on", "info"]);
    assert_eq!(out.code, 0, "{}", out.both());
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=factdiff",
            "-c",
            "user.email=factdiff@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn only_changed_reports_findings_in_files_changed_since_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    write_pair(repo, "Officials gave a short statement.");
    std::fs::write(
        repo.join("c.md"),
        "# Roads\n\nThe government promised emergency funds for every family that lost a home in the floods this week.\n\nThe government promised emergency funds for every family that lost a home in the floods this week.\n",
    )
    .unwrap();
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "articles"]);

    let (_, all) = findings_of(repo, &[]);
    let paths = |fs: &[serde_json::Value]| -> Vec<String> {
        let mut v: Vec<String> = fs
            .iter()
            .map(|f| f["locations"][0]["path"].as_str().unwrap().to_owned())
            .collect();
        v.dedup();
        v
    };
    assert!(paths(&all).contains(&"c.md".to_owned()), "{all:#?}");
    assert!(paths(&all).iter().any(|p| p != "c.md"), "{all:#?}");

    let (_, none) = findings_of(repo, &["--only-changed", "HEAD"]);
    assert_eq!(none, Vec::<serde_json::Value>::new());

    let c = std::fs::read_to_string(repo.join("c.md")).unwrap();
    std::fs::write(
        repo.join("c.md"),
        c.replace("# Roads", "# Roads and bridges"),
    )
    .unwrap();
    let (_, changed) = findings_of(repo, &["--only-changed", "HEAD"]);
    assert_eq!(paths(&changed), ["c.md"]);

    // From a subfolder, paths stay relative to the working directory.
    std::fs::create_dir(repo.join("sub")).unwrap();
    let out = run_in(
        &repo.join("sub"),
        &["check", "..", "--only-changed", "HEAD", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(paths(json["findings"].as_array().unwrap()), ["../c.md"]);

    let out = run_in(repo, &["check", ".", "--only-changed", "no-such-rev"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: --only-changed: `no-such-rev` is not a revision of this git repository\n"
    );

    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("a.txt"), "Text.\n").unwrap();
    let out = run_in(outside.path(), &["check", ".", "--only-changed", "HEAD"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: --only-changed needs a git repository, and the working directory is not in one\n"
    );
}

/// Issue 15: a new article that contradicts two committed ones gives two findings
/// whose primary locations are the committed articles (the total order puts them
/// first) and whose related location is the new one. `--only-changed` reports both,
/// whether the new article is untracked or staged, and says how many findings it
/// leaves out, and why.
#[test]
fn only_changed_reports_a_new_article_that_contradicts_committed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let article = |title: &str, body: &str| {
        format!("+++\ntitle = \"{title}\"\ndate = 2023-10-08\n+++\n{body}\n")
    };
    std::fs::write(
        repo.join("x.md"),
        article(
            "Quake hits western Afghanistan",
            "The earthquake killed 112 people in Herat province, officials said.",
        ),
    )
    .unwrap();
    std::fs::write(
        repo.join("y.md"),
        article(
            "Herat quake",
            "The Herat earthquake killed 112 people, aid workers said.",
        ),
    )
    .unwrap();
    // An older pair with findings of its own, which no change touches.
    write_pair(repo, "Officials gave a short statement.");
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "articles"]);
    let (_, old) = findings_of(repo, &[]);
    assert!(!old.is_empty(), "the older pair has findings");
    assert!(
        old.iter().all(|f| f["rule"] != "count-mismatch"),
        "{old:#?}"
    );

    std::fs::write(
        repo.join("new.md"),
        article(
            "Herat earthquake toll",
            "At least 140 people died in the Herat earthquake, officials said.",
        ),
    )
    .unwrap();
    for staged in [false, true] {
        if staged {
            git(repo, &["add", "new.md"]);
        }
        let out = run_in(
            repo,
            &[
                "check",
                ".",
                "--only-changed",
                "HEAD",
                "--format",
                "json",
                "--fail-on",
                "info",
            ],
        );
        assert_eq!(out.code, 1, "staged: {staged}\n{}", out.both());
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let shown: Vec<(String, String, String)> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["locations"][0]["path"].as_str().unwrap().to_owned(),
                    f["locations"][1]["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let want = |primary: &str| {
            (
                "count-mismatch".to_owned(),
                primary.to_owned(),
                "new.md".to_owned(),
            )
        };
        assert_eq!(shown, [want("x.md"), want("y.md")], "staged: {staged}");
        let n = old.len();
        assert_eq!(
            out.stderr,
            format!(
                "note: {n} finding{} only in unchanged files not reported (--only-changed HEAD)\n",
                if n == 1 { "" } else { "s" }
            ),
            "staged: {staged}"
        );
    }
}

/// Issue 15: `--format github` writes only workflow commands to standard output (a
/// step may collect it whole); the summary line goes to standard error.
#[test]
fn github_format_prints_only_workflow_commands_on_standard_output() {
    for path in [
        "tests/fixtures/rules/count-mismatch",
        "tests/fixtures/corpus",
    ] {
        let out = run(&["check", path, "--format", "github", "--fail-on", "never"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stdout.is_empty(), "{path}");
        for line in out.stdout.lines() {
            assert!(
                ["::error ", "::warning ", "::notice "]
                    .iter()
                    .any(|c| line.starts_with(c)),
                "not a workflow command: {line}"
            );
        }
        let summary = out.stderr.lines().last().unwrap_or_default();
        assert!(
            summary.contains(" articles, ") && summary.contains(" findings"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.contains("factdiff"), "{shell}");
        assert!(out.stdout.contains("baseline"), "{shell}");
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.code, 2);
    let pages = factdiff::man_pages().unwrap();
    assert_eq!(pages[0].0, "factdiff.1");
    let man = String::from_utf8(pages[0].1.clone()).unwrap();
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq \\(aq") || man.contains(".TH factdiff"),
        "{man}"
    );
    assert!(man.contains(".TH factdiff 1"), "{man}");
    assert!(man.contains("baseline"));
}

#[test]
fn html_escapes_a_hostile_article() {
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let out = run_in(
        dir.path(),
        &["check", ".", "--format", "html", "--fail-on", "never"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = out.stdout;
    assert!(page.contains("&lt;script&gt;"), "the hostile text is shown");
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(!page.contains("<img"));
    // The copy and its original side by side, whole: the markup is text there too.
    assert_eq!(page.matches("<article class=\"pair\"").count(), 1, "{page}");
    let pair = page.split("<article class=\"pair\"").nth(1).unwrap();
    assert!(pair.contains("&lt;script&gt;document.title="), "{pair}");
    assert!(pair.contains("&quot;&gt;&lt;img src=x onerror="), "{pair}");
    assert!(pair.contains("Vandals strike town hall &lt;b onmouseover=alert(1)&gt;"));
    assert!(!pair.contains("<b ") && !pair.contains("<img"));
    // The stories page too (it has no script at all).
    let out = run_in(dir.path(), &["stories", ".", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("<article class=\"pair\""),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("<script") && !out.stdout.contains("<img"));
    assert!(out.stdout.contains("&lt;script&gt;document.title="));
}

/// Two different articles that repeat one passage full of markup, and a republished
/// copy of the first (a duplicate pair, shown side by side whole).
pub fn hostile_corpus(dir: &Path) {
    let evil = "Witnesses said <script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script> and then \"><img src=x onerror=\"document.title='pwned'\"> was posted on the wall of the town hall that night.";
    let body_a = format!(
        "The mayor called an emergency meeting of the council on Tuesday morning to discuss repairs to the old building, which dates from the eighteenth century and was restored only last year at great cost to the town.\n\n{evil}\n\nPolice have opened an inquiry and asked anyone with information to come forward; the council has offered a reward for details leading to an arrest.\n"
    );
    std::fs::write(
        dir.join("evil-a.txt"),
        format!("Town hall vandalised\n\n{body_a}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("evil-c.txt"),
        format!("Vandals strike town hall <b onmouseover=alert(1)>\n\n{body_a}"),
    )
    .unwrap();
    std::fs::write(
        dir.join("evil-b.txt"),
        format!(
            "Graffiti row divides residents\n\nShopkeepers on the market square say business has fallen since the scaffolding went up, and several have written to the regional newspaper asking for the works to be finished before the Christmas market opens.\n\n{evil}\n\nA local artist has offered to paint a mural over the damaged plaster, an idea the heritage society has already rejected in a sharply worded letter.\n"
        ),
    )
    .unwrap();
}

/// Headless Chromium, or `None` when it is not installed (a failure under CI: see
/// `tests/support/tools.rs`).
fn chromium() -> Option<String> {
    let candidates = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var("FACTDIFF_CHROMIUM")
        .ok()
        .into_iter()
        .chain(candidates.iter().map(|s| s.to_string()))
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    crate::tools::need(
        found.is_some(),
        "chromium (for the HTML report's browser test)",
        "apt-get install -y chromium, or set FACTDIFF_CHROMIUM",
    );
    found
}

/// Runs headless Chromium on a local file with `extra` arguments; returns stdout.
fn headless(browser: &str, page: &Path, extra: &[&str]) -> String {
    headless_at(browser, page, "", extra)
}

/// [`headless`] on the page's URL with a `#fragment` (the filters read it). Chromium
/// is run a second time, with a fresh profile, when the first run fails: on a loaded
/// machine headless Chromium now and then exits early (a crashed GPU or network
/// helper process) with the page never loaded, which says nothing of the report.
fn headless_at(browser: &str, page: &Path, fragment: &str, extra: &[&str]) -> String {
    let url = format!("file://{}{fragment}", page.display());
    let mut failures = Vec::new();
    for _attempt in 0..2 {
        let profile = tempfile::tempdir().unwrap();
        let out = Command::new("timeout")
            .arg("120")
            .arg(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium runs");
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout).into_owned();
        }
        failures.push(format!(
            "{}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    panic!("chromium failed twice:\n{}", failures.join("\n"));
}

#[test]
fn html_report_in_a_real_browser() {
    let Some(browser) = chromium() else {
        return;
    };
    // The report of the seeds: the DOM as the browser built it, and a screenshot.
    let shots = root().join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("seeds.html");
    let out = run(&[
        "check",
        "seeds",
        "--format",
        "html",
        "--fail-on",
        "never",
        "--output",
    ]
    .iter()
    .copied()
    .chain([page.to_str().unwrap()])
    .collect::<Vec<_>>());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = run(&["check", "seeds", "--format", "json", "--fail-on", "never"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();

    let dom = headless(&browser, &page, &["--dump-dom"]);
    assert!(dom.contains("<title>factdiff report</title>"), "{dom}");
    assert!(dom.contains("5 articles"), "{dom}");
    assert_eq!(
        dom.matches("<article class=\"finding ").count(),
        findings.len(),
        "every finding once"
    );
    // Grouped by rule, each group counting its findings.
    let mut rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    rules.sort();
    rules.dedup();
    for rule in &rules {
        let n = findings.iter().filter(|f| f["rule"] == *rule).count();
        assert!(
            dom.contains(&format!("id=\"rule-{rule}\" data-total=\"{n}\"")),
            "{rule}: {dom}"
        );
    }
    // The script ran (the Content-Security-Policy allowed it by its hash): the
    // filters are shown.
    assert!(
        dom.contains("<form id=\"filters\" class=\"filters\" role=\"search\">"),
        "{dom}"
    );
    let overlaps = findings
        .iter()
        .filter(|f| f["category"] == "overlap" && f["details"]["kind"] != "cluster")
        .count();
    assert_eq!(dom.matches("class=\"finding overlap\"").count(), overlaps);
    if overlaps > 0 {
        assert!(dom.contains("<del>") || dom.contains("<ins>") || dom.contains("also at"));
    }
    let contradictions = findings
        .iter()
        .filter(|f| f["category"] == "contradiction")
        .count();
    assert_eq!(
        dom.matches("class=\"finding contradiction\"").count(),
        contradictions
    );
    assert_eq!(dom.matches("<script").count(), 1, "the page's own script");

    // The filters, in the browser: a rule and a severity from the URL's fragment.
    let rule = "name-variant";
    let expected = findings.iter().filter(|f| f["rule"] == rule).count();
    assert!(
        expected > 0 && expected < findings.len(),
        "the seeds have {rule}"
    );
    let dom = headless_at(&browser, &page, &format!("#rule={rule}"), &["--dump-dom"]);
    let (shown, hidden) = finding_visibility(&dom);
    assert_eq!(shown.len(), expected, "{dom}");
    assert_eq!(hidden.len(), findings.len() - expected);
    assert!(
        shown
            .iter()
            .all(|a| a.contains(&format!("data-rule=\"{rule}\"")))
    );
    assert!(
        dom.contains(&format!("{expected} of {} findings shown", findings.len())),
        "{dom}"
    );
    let dom = headless_at(
        &browser,
        &page,
        &format!("#rule={rule}&severity=warning"),
        &["--dump-dom"],
    );
    let (shown, _) = finding_visibility(&dom);
    let expected = findings
        .iter()
        .filter(|f| f["rule"] == rule && f["severity"] == "warning")
        .count();
    assert_eq!(shown.len(), expected, "{dom}");
    // Text: case-insensitive, over what the finding shows.
    let dom = headless_at(&browser, &page, "#q=kasim", &["--dump-dom"]);
    let (shown, hidden) = finding_visibility(&dom);
    assert!(!shown.is_empty() && !hidden.is_empty(), "{dom}");
    assert!(shown.iter().all(|a| a.contains("Kasim")));
    assert!(hidden.iter().all(|a| !a.to_lowercase().contains("kasim")));

    let shot = shots.join("seeds-report.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &browser,
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600",
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() > 10_000, "the screenshot shows a page");

    // The rule fixtures: every contradiction kind quoted, and duplicate-coverage clusters.
    let page = dir.path().join("rules.html");
    let out = run(&[
        "check",
        "tests/fixtures/rules",
        "--format",
        "html",
        "--fail-on",
        "never",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = run(&[
        "check",
        "tests/fixtures/rules",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let dom = headless(&browser, &page, &["--dump-dom"]);
    let count = |category: &str, kind: Option<&str>| {
        findings
            .iter()
            .filter(|f| f["category"] == category)
            .filter(|f| kind.is_none_or(|k| f["details"]["kind"] == k))
            .count()
    };
    let contradictions = count("contradiction", None);
    assert!(
        contradictions >= 10,
        "the fixtures fire every contradiction rule"
    );
    assert_eq!(
        dom.matches("class=\"finding contradiction\"").count(),
        contradictions
    );
    let clusters = count("overlap", Some("cluster"));
    assert_eq!(dom.matches("class=\"finding cluster\"").count(), clusters);
    // Each contradiction quotes every source it names, its text marked.
    let marks = findings
        .iter()
        .filter(|f| f["category"] == "contradiction")
        .map(|f| f["locations"].as_array().unwrap().len())
        .sum::<usize>();
    let marked = dom
        .split("class=\"finding contradiction\"")
        .skip(1)
        .map(|part| {
            part.split("</article>")
                .next()
                .unwrap()
                .matches("<mark>")
                .count()
        })
        .sum::<usize>();
    assert_eq!(marked, marks);
    headless(
        &browser,
        &page,
        &[
            &format!(
                "--screenshot={}",
                shots.join("rule-fixtures-report.png").display()
            ),
            "--window-size=1280,4000",
        ],
    );

    // A hostile article: its markup is text, and no script of it runs.
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "html",
            "--fail-on",
            "never",
            "-o",
            "report.html",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        report.contains("class=\"finding overlap\"")
            && report.contains("&lt;script&gt;document.title="),
        "the hostile passage is reported as an overlap, so its text is on the page"
    );
    let dom = headless(&browser, &dir.path().join("report.html"), &["--dump-dom"]);
    assert!(dom.contains("<title>factdiff report</title>"), "{dom}");
    assert!(!dom.contains("<body data-pwned"), "{dom}");
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "no script but the page's: {dom}"
    );
    assert!(!dom.contains("<img"), "no img element: {dom}");
    assert!(
        dom.contains("&lt;script&gt;document.title="),
        "shown as text: {dom}"
    );
    assert!(
        dom.contains("&gt;&lt;img src=x onerror="),
        "shown as text: {dom}"
    );
    headless(
        &browser,
        &dir.path().join("report.html"),
        &[
            &format!(
                "--screenshot={}",
                shots.join("hostile-report.png").display()
            ),
            "--window-size=1280,1200",
        ],
    );
}

/// The marks of one column of a pair: `(number, id, the link's target, the marked
/// text)` of each `<mark class="shared…" id="pair-N-S…">`.
fn column_marks(dom: &str, pair: &str, side: &str) -> Vec<(usize, String, String, String)> {
    let prefix = format!("id=\"{pair}-{side}");
    dom.split("<mark class=\"shared")
        .skip(1)
        .filter_map(|part| {
            let at = part.find(&prefix)?;
            let rest = &part[at + 4..];
            let id = rest.split('"').next()?.to_owned();
            let n = id.rsplit(side).next()?.parse().ok()?;
            let target = part.split("href=\"#").nth(1)?.split('"').next()?.to_owned();
            let body = part
                .split("</a>")
                .nth(1)?
                .split("</mark>")
                .next()?
                .to_owned();
            Some((n, id, target, body))
        })
        .collect()
}

fn words(html: &str) -> Vec<String> {
    html.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The duplicates side by side, in the browser: the two whole texts of a pair, every
/// shared passage marked in both columns with the same number, each mark's link
/// resolving to the same passage in the other column (the folded texts open when a
/// link points into them), on a wide and on a narrow screen; a hostile copy inert.
#[test]
fn html_side_by_side_in_a_real_browser() {
    let Some(browser) = chromium() else {
        return;
    };
    let shots = root().join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let dir = tempfile::tempdir().unwrap();

    // The stories page with the rewrite pair chosen: its texts open at once.
    let page = dir.path().join("pair.html");
    let out = run(&[
        "stories",
        "tests/fixtures/stories",
        "--format",
        "html",
        "--pair",
        "tests/fixtures/stories/sichuan-xinhua.md",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &page, &["--dump-dom"]);
    assert_eq!(dom.matches("<article class=\"pair\"").count(), 1, "{dom}");
    let pair = dom
        .split("<article class=\"pair\" id=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    assert!(
        dom.contains("<details class=\"pair-texts\" open=\"\">"),
        "{dom}"
    );
    assert!(dom.contains("sichuan-quake.md"), "{dom}");
    assert!(dom.contains("is a rewrite of"), "{dom}");
    let left = column_marks(&dom, &pair, "l");
    let right = column_marks(&dom, &pair, "r");
    let row = dom
        .split(&format!("<tr id=\"{pair}-row\">"))
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    let passages: usize = row
        .rsplit("<td class=\"num\">")
        .next()
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(passages >= 2, "{row}");
    assert_eq!(
        left.len(),
        passages,
        "every passage marked on the left: {dom}"
    );
    assert_eq!(right.len(), passages, "and on the right: {dom}");
    let ids: Vec<String> = dom
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_owned))
        .collect();
    for (n, id, target, text) in &left {
        // The same number on the other side, linked both ways.
        let (_, other_id, back, other_text) = right
            .iter()
            .find(|m| m.0 == *n)
            .unwrap_or_else(|| panic!("passage {n} on the right: {dom}"));
        assert_eq!(target, other_id);
        assert_eq!(back, id);
        assert!(
            ids.contains(target) && ids.contains(back),
            "anchors resolve"
        );
        // The two marks hold the same passage: most of their words are the same.
        let (a, b) = (words(text), words(other_text));
        let common = a.iter().filter(|w| b.contains(w)).count();
        assert!(
            common * 10 >= a.len().max(b.len()) * 7,
            "passage {n}: {text:?} / {other_text:?}"
        );
    }
    headless(
        &browser,
        &page,
        &[
            &format!("--screenshot={}", shots.join("side-by-side.png").display()),
            "--window-size=1280,2400",
        ],
    );
    // On a narrow screen, the columns one under the other: `factdiff overlap` (no
    // story view above) with its one cluster's pair.
    let narrow = dir.path().join("overlap.html");
    let out = run(&[
        "overlap",
        "tests/fixtures/stories",
        "--format",
        "html",
        "--fail-on",
        "never",
        "-o",
        narrow.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &narrow, &["--dump-dom"]);
    assert!(
        dom.contains("<details class=\"pair-texts\" open=\"\">"),
        "{dom}"
    );
    headless(
        &browser,
        &narrow,
        &[
            &format!(
                "--screenshot={}",
                shots.join("side-by-side-narrow.png").display()
            ),
            "--window-size=420,2600",
        ],
    );

    // The default page folds the texts; a link into one opens it.
    let page = dir.path().join("stories.html");
    let out = run(&[
        "stories",
        "tests/fixtures/stories",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &page, &["--dump-dom"]);
    assert_eq!(
        dom.matches("<details class=\"pair-texts\">").count(),
        2,
        "{dom}"
    );
    let dom = headless_at(&browser, &page, "#pair-2-r1", &["--dump-dom"]);
    assert_eq!(
        dom.matches("<details class=\"pair-texts\">").count(),
        1,
        "{dom}"
    );
    let opened = dom
        .split("<details class=\"pair-texts\" open=\"\">")
        .nth(1)
        .unwrap();
    assert!(
        opened.contains("id=\"pair-2-r1\""),
        "the fold holding the target opened"
    );

    // The check page: a cluster finding links to its pair, shown whole.
    let page = dir.path().join("check.html");
    let out = run(&[
        "check",
        "tests/fixtures/stories",
        "--format",
        "html",
        "--fail-on",
        "never",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &page, &["--dump-dom"]);
    let cluster = dom
        .split("class=\"finding cluster\"")
        .nth(1)
        .expect("a cluster finding")
        .split("</article>")
        .next()
        .unwrap();
    let target = cluster
        .split("Side by side, whole: <a href=\"#")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to its pair");
    assert!(dom.contains(&format!("<article class=\"pair\" id=\"{target}\">")));

    // A hostile copy: side by side, its markup is text and nothing of it runs.
    let dir = tempfile::tempdir().unwrap();
    hostile_corpus(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "html",
            "--fail-on",
            "never",
            "--pair",
            "evil-c.txt",
            "-o",
            "report.html",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &dir.path().join("report.html"), &["--dump-dom"]);
    assert!(dom.contains("<title>factdiff report</title>"), "{dom}");
    assert!(
        !dom.contains("<body data-pwned") && !dom.contains("pwned</title>"),
        "{dom}"
    );
    assert_eq!(dom.matches("<script").count(), 1, "{dom}");
    assert!(!dom.contains("<img") && !dom.contains("<b "), "{dom}");
    let pair = dom
        .split("<article class=\"pair\"")
        .nth(1)
        .expect("the pair")
        .split("</article>")
        .next()
        .unwrap();
    // Shown whole in both columns, as text.
    assert_eq!(
        pair.matches("&lt;script&gt;document.title=").count(),
        2,
        "{pair}"
    );
    assert!(
        pair.contains("<details class=\"pair-texts\" open=\"\">"),
        "{pair}"
    );
    headless(
        &browser,
        &dir.path().join("report.html"),
        &[
            &format!(
                "--screenshot={}",
                shots.join("side-by-side-hostile.png").display()
            ),
            "--window-size=1280,2400",
        ],
    );
}

/// `--pair` that names no pair is a usage error that says what to give.
#[test]
fn a_pair_selector_that_names_no_pair_is_a_usage_error() {
    let out = run(&[
        "stories",
        "tests/fixtures/stories",
        "--format",
        "html",
        "--pair",
        "tests/fixtures/stories/nowhere.md",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("`--pair tests/fixtures/stories/nowhere.md` names no duplicate pair"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn baseline_keeps_a_contradiction_accepted_when_its_articles_shift() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = root().join("tests/fixtures/rules/count-mismatch");
    let a = std::fs::read_to_string(fixtures.join("context-quake-a.md")).unwrap();
    let b = std::fs::read_to_string(fixtures.join("fire-quake-b.md")).unwrap();
    std::fs::write(dir.path().join("quake-a.md"), &a).unwrap();
    std::fs::write(dir.path().join("quake-b.md"), &b).unwrap();
    let (_, before) = findings_of(dir.path(), &[]);
    assert!(
        before.iter().any(|f| f["rule"] == "count-mismatch"),
        "{before:#?}"
    );
    let out = run_in(dir.path(), &["baseline", "accepted.json", "."]);
    assert_eq!(out.code, 0, "{}", out.both());

    // Both articles gain paragraphs above the claims; the claims' lines move. (The
    // paragraphs name nothing and the claims stay in the lede: the rule engine takes
    // what a story is about from its lede, which is another matter than a line shift.)
    let (front_a, body_a) = a.rsplit_once("+++\n").unwrap();
    let (front_b, body_b) = b.rsplit_once("+++\n").unwrap();
    std::fs::write(
        dir.path().join("quake-a.md"),
        format!("{front_a}+++\nroads were closed for a week.\n\n{body_a}"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("quake-b.md"),
        format!("{front_b}+++\naid arrived by helicopter.\n\n{body_b}"),
    )
    .unwrap();
    let (_, shifted) = findings_of(dir.path(), &[]);
    let moved = shifted
        .iter()
        .find(|f| f["rule"] == "count-mismatch")
        .expect("still reported without the baseline");
    let was = before
        .iter()
        .find(|f| f["rule"] == "count-mismatch")
        .unwrap();
    assert_ne!(moved["locations"][0]["line"], was["locations"][0]["line"]);
    assert_eq!(moved["fingerprint"], was["fingerprint"]);
    let (_, after) = findings_of(dir.path(), &["--baseline", "accepted.json"]);
    assert!(
        after.iter().all(|f| f["rule"] != "count-mismatch"),
        "{after:#?}"
    );

    // A changed figure is a new finding.
    let b_now = std::fs::read_to_string(dir.path().join("quake-b.md")).unwrap();
    std::fs::write(
        dir.path().join("quake-b.md"),
        b_now.replace("At least 140", "At least 150"),
    )
    .unwrap();
    let (_, changed) = findings_of(dir.path(), &["--baseline", "accepted.json"]);
    assert!(
        changed.iter().any(|f| f["rule"] == "count-mismatch"),
        "{changed:#?}"
    );
}

/// Issue 15: fingerprints hash paths relative to the folder of factdiff.toml (else the
/// git repository's root), not to the working directory: a baseline written at the
/// root accepts the same findings from a subfolder, and the other way round. At the
/// root, fingerprints are those of the paths as reported, as they always were, so
/// baselines written there keep working.
#[test]
fn baseline_works_from_any_folder_of_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let news = top.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(top.join("factdiff.toml"), "paths = [\"news\"]\n").unwrap();
    let fixtures = root().join("tests/fixtures/rules/count-mismatch");
    for name in ["context-quake-a.md", "fire-quake-b.md"] {
        std::fs::copy(fixtures.join(name), news.join(name)).unwrap();
    }
    write_pair(&news, "Officials gave a short statement.");
    let json_of = |cwd: &Path, args: &[&str]| -> Vec<serde_json::Value> {
        let mut all = args.to_vec();
        all.extend(["--format", "json", "--fail-on", "never"]);
        let out = run_in(cwd, &all);
        assert_eq!(out.code, 0, "{}", out.both());
        let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        json["findings"].as_array().unwrap().clone()
    };
    let fingerprints = |findings: &[serde_json::Value]| -> Vec<String> {
        let mut v: Vec<String> = findings
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap().to_owned())
            .collect();
        v.sort();
        v
    };

    let at_root = json_of(top, &["check"]);
    assert!(at_root.iter().any(|f| f["rule"] == "count-mismatch"));
    assert!(at_root.iter().any(|f| f["rule"] == "overlap"));
    // At the root: the fingerprint of the paths as reported (`news/...`).
    for value in &at_root {
        let finding: factdiff_findings::Finding = serde_json::from_value(value.clone()).unwrap();
        let as_reported = factdiff_findings::Finding::new(
            finding.rule.clone(),
            finding.category,
            finding.severity,
            finding.message.clone(),
            finding.locations.clone(),
        );
        assert_eq!(as_reported.fingerprint, finding.fingerprint);
    }
    // From the subfolder the paths change, the fingerprints do not.
    let in_news = json_of(&news, &["check", "."]);
    assert_eq!(in_news[0]["locations"][0]["path"], "a.md");
    assert_eq!(at_root[0]["locations"][0]["path"], "news/a.md");
    assert_eq!(fingerprints(&in_news), fingerprints(&at_root));

    // A baseline written at the root, read from the subfolder; and the converse.
    let out = run_in(top, &["baseline", "from-root.json"]);
    assert_eq!(out.code, 0, "{}", out.both());
    let out = run_in(&news, &["baseline", "../from-news.json", "."]);
    assert_eq!(out.code, 0, "{}", out.both());
    // The same entries from either folder (the messages, for people, name the other
    // article as the report does, relative to where it ran).
    let entries = |name: &str| -> Vec<(String, String, String)> {
        let text = std::fs::read_to_string(top.join(name)).unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        file["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let field = |k: &str| e[k].as_str().unwrap().to_owned();
                (field("fingerprint"), field("rule"), field("path"))
            })
            .collect()
    };
    let from_root = entries("from-root.json");
    assert!(
        from_root.iter().any(|e| e.2 == "news/fire-quake-b.md"),
        "{from_root:?}"
    );
    assert_eq!(entries("from-news.json"), from_root);
    let new = json_of(&news, &["check", ".", "--baseline", "../from-root.json"]);
    assert_eq!(new, Vec::<serde_json::Value>::new());
    let new = json_of(top, &["check", "--baseline", "from-news.json"]);
    assert_eq!(new, Vec::<serde_json::Value>::new());

    // Without factdiff.toml, the root is the git repository's.
    std::fs::remove_file(top.join("factdiff.toml")).unwrap();
    git(top, &["init", "-q"]);
    let out = run_in(top, &["baseline", "git-root.json", "news"]);
    assert_eq!(out.code, 0, "{}", out.both());
    let new = json_of(&news, &["check", ".", "--baseline", "../git-root.json"]);
    assert_eq!(new, Vec::<serde_json::Value>::new());
}

#[test]
fn elapsed_time_ends_the_summary_only_at_a_terminal() {
    let env = factdiff::Env {
        cwd: root(),
        stdout_is_terminal: true,
        stderr_is_terminal: false,
        no_color: true,
        width: None,
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = factdiff::run(
        ["factdiff", "check", "seeds", "--fail-on", "never"],
        &env,
        &mut stdout,
        &mut stderr,
    );
    assert_eq!(code, 0);
    let text = String::from_utf8(stdout).unwrap();
    let last = text.lines().last().unwrap();
    let (summary, elapsed) = last.rsplit_once(" in ").expect("an elapsed time");
    assert!(summary.starts_with("5 articles, "), "{last}");
    assert!(
        elapsed.ends_with('s') && elapsed.trim_end_matches('s').parse::<f64>().is_ok(),
        "{last}"
    );

    // Not in a pipe (every other test), nor in a file.
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("report.txt");
    let code = factdiff::run(
        [
            "factdiff",
            "check",
            "seeds",
            "--fail-on",
            "never",
            "-o",
            out_file.to_str().unwrap(),
        ],
        &env,
        &mut Vec::new(),
        &mut Vec::new(),
    );
    assert_eq!(code, 0);
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(written.lines().last(), Some(summary));
}

#[test]
fn every_format_is_the_same_for_any_thread_count() {
    for format in ["sarif", "github", "markdown", "html"] {
        let one = run(&[
            "--threads",
            "1",
            "check",
            "seeds",
            "tests/fixtures/corpus",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
        let three = run(&[
            "--threads",
            "3",
            "check",
            "tests/fixtures/corpus",
            "seeds",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert!(
            one.stdout == three.stdout,
            "{format} differs with threads or order"
        );
        assert!(
            !one.stdout.contains(&*root().to_string_lossy()),
            "no absolute path"
        );
    }
}

/// The `<article class="finding ...">` elements of a DOM: those shown, those hidden.
fn finding_visibility(dom: &str) -> (Vec<&str>, Vec<&str>) {
    dom.split("<article class=\"finding ")
        .skip(1)
        .map(|part| part.split("</article>").next().unwrap())
        .partition(|article| {
            let tag = article.split('>').next().unwrap();
            !tag.contains(" hidden")
        })
}

/// Runs `factdiff ARGS` in the repository root with the text report `width` wide.
fn run_at_width(width: usize, args: &[&str]) -> String {
    let env = factdiff::Env {
        cwd: root(),
        stdout_is_terminal: false,
        stderr_is_terminal: false,
        no_color: true,
        width: Some(width),
    };
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("factdiff").chain(args.iter().copied());
    let code = factdiff::run(argv, &env, &mut stdout, &mut stderr);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&stderr));
    String::from_utf8(stdout).unwrap()
}

#[test]
fn the_text_report_fits_its_width_cutting_long_lines_at_words() {
    let args = [
        "check",
        "tests/fixtures/rules/count-mismatch/context-quake-a.md",
        "tests/fixtures/rules/count-mismatch/fire-quake-b.md",
        "--fail-on",
        "never",
    ];
    let wide = run_at_width(140, &args);
    assert!(
        wide.contains("5 | At least 140 people died in the Herat earthquake, officials said.\n"),
        "{wide}"
    );
    let text = run_at_width(60, &args);
    snap!("text_report_at_width_60", text.clone());
    let source_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()) && l.contains(" | "))
        .collect();
    assert!(source_lines.len() >= 2, "{text}");
    for line in &source_lines {
        assert!(line.chars().count() <= 60, "too wide: {line:?}\n{text}");
    }
    // Cut at a word, with "…", never in the middle of a word; the locations keep
    // their real columns.
    let original = "At least 140 people died in the Herat earthquake, officials said.";
    let cut = source_lines
        .iter()
        .find(|l| l.contains("At least 140"))
        .expect("the primary line");
    let (_, shown) = cut.split_once(" | ").unwrap();
    let kept = shown.strip_suffix('…').expect("cut on the right with …");
    assert!(original.starts_with(kept), "{kept:?}");
    assert_eq!(original[kept.len()..].chars().next(), Some(' '), "{kept:?}");
    assert!(
        !text.contains("..."),
        "annotate-snippets' own cut is not used: {text}"
    );
    assert!(
        text.contains("--> tests/fixtures/rules/count-mismatch/fire-quake-b.md:5:1"),
        "{text}"
    );
    assert!(
        text.contains("::: tests/fixtures/rules/count-mismatch/context-quake-a.md:5:23"),
        "{text}"
    );
    // The marker still points at the figure.
    let (idx, _) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("killed 112 people"))
        .unwrap();
    let quoted = text.lines().nth(idx).unwrap();
    let marker = text.lines().nth(idx + 1).unwrap();
    let at = marker.chars().position(|c| c == '-').unwrap();
    let under: String = quoted.chars().skip(at).collect();
    assert!(under.starts_with("112 people"), "{quoted}\n{marker}");
}

/// Issue 15: a JSONL record's location follows one convention in every format (the
/// record's line; the column into its `text`, across the text's line breaks), the text
/// report numbers no line that is not the record's, and every format names the record
/// (its `id`, else its title) beside the file.
#[test]
fn jsonl_record_locations_agree_and_name_the_article() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wire.jsonl"),
        concat!(
            "{\"id\": \"r1\", \"date\": \"2025-10-14\", \"text\": \"Herat quake.\\nRescuers worked through the night in the rubble of the villages.\\nThe earthquake killed 112 people in Herat province, officials said.\\nMore rain is due.\"}\n",
            "{\"title\": \"Quake toll rises\", \"date\": \"2025-10-14\", \"text\": \"Herat quake latest.\\nAt least 140 people died in the Herat earthquake, officials said.\\nAid arrived.\"}\n",
        ),
    )
    .unwrap();
    let run = |format: &str| {
        let out = crate::run_in(
            dir.path(),
            &[
                "check",
                "wire.jsonl",
                "--format",
                format,
                "--fail-on",
                "info",
            ],
        );
        assert_eq!(out.code, 1, "{}", out.both());
        out.stdout
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["rule"], "count-mismatch");
    let place = |loc: &serde_json::Value| {
        (
            loc["line"].as_u64().unwrap(),
            loc["column"].as_u64().unwrap(),
            loc["end_line"].as_u64().unwrap(),
            loc["field"].as_str().unwrap().to_owned(),
            loc["article"].as_str().unwrap().to_owned(),
        )
    };
    // "At least 140 people" starts at scalar 21 of the second record's text (after
    // "Herat quake latest.\n"); "112 people" at 101 of the first's.
    assert_eq!(
        place(&finding["locations"][0]),
        (2, 21, 2, "text".into(), "Quake toll rises".into())
    );
    assert_eq!(
        place(&finding["locations"][1]),
        (1, 101, 1, "text".into(), "r1".into())
    );
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("but 112 people in wire.jsonl (r1):"),
        "{finding}"
    );

    let text = run("text");
    assert!(
        text.contains(" --> wire.jsonl:2 (Quake toll rises, text column 21)\n"),
        "{text}"
    );
    assert!(
        text.contains(" ::: wire.jsonl:1 (r1, text column 101)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n1 | The earthquake killed 112 people in Herat province, officials said.\n"
        ),
        "{text}"
    );
    // Only the records' own lines are numbered: no line 3 or 4 made up from the
    // line breaks inside a record's text.
    let numbered: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(" | ").map(|(n, _)| n.trim()))
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(numbered, ["2", "1"], "{text}");
    assert!(!text.contains(":::\n"), "{text}");

    let github = run("github");
    assert!(
        github
            .contains("file=wire.jsonl,line=2,title=factdiff count-mismatch (Quake toll rises)::"),
        "{github}"
    );
    assert!(
        github.contains("%0Arelated: wire.jsonl:1 (r1, text column 101)"),
        "{github}"
    );
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["properties"]["article"],
        "Quake toll rises"
    );
    assert_eq!(result["locations"][0]["properties"]["column"], 21);
    assert_eq!(result["relatedLocations"][0]["properties"]["article"], "r1");
    let markdown = run("markdown");
    assert!(
        markdown.contains("wire.jsonl:2 (Quake toll rises, text column 21)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("wire.jsonl:1 (r1, text column 101)"),
        "{markdown}"
    );
    let html = run("html");
    assert!(
        html.contains("wire.jsonl:2 (Quake toll rises, text column 21)"),
        "{html}"
    );
    assert!(
        html.contains("wire.jsonl:1 (r1, text column 101)"),
        "{html}"
    );
}

/// The story view of the check page and of `factdiff stories`, in the browser: each
/// story with its articles and relations, the fact table, and a disagreement linked to
/// the finding on the page that reports it.
#[test]
fn html_story_view_in_a_real_browser() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("stories-check.html");
    let paths = [
        "tests/fixtures/stories/herat-reuters.md",
        "tests/fixtures/stories/herat-ap.md",
    ];
    let mut args = vec!["check", "--format", "html", "--fail-on", "never", "-o"];
    args.push(page.to_str().unwrap());
    args.extend_from_slice(&paths);
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &page, &["--dump-dom"]);
    assert!(dom.contains("<section id=\"stories\">"), "{dom}");
    assert_eq!(dom.matches("<article class=\"story\"").count(), 1, "{dom}");
    assert!(dom.contains("rel-original"), "{dom}");
    // The disagreement's row links to a finding of the page, a count-mismatch.
    let row = dom
        .split("<tr class=\"disagree\">")
        .nth(1)
        .expect("a disagreement row");
    let target = row
        .split("href=\"#")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to a finding");
    let finding = dom
        .split(&format!("id=\"{target}\""))
        .nth(1)
        .expect("the linked finding is on the page");
    assert!(
        finding
            .trim_start()
            .starts_with("data-rule=\"count-mismatch\""),
        "{finding}"
    );

    let page = dir.path().join("stories.html");
    let out = run(&[
        "stories",
        "tests/fixtures/stories",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let dom = headless(&browser, &page, &["--dump-dom"]);
    assert!(dom.contains("<title>factdiff stories</title>"), "{dom}");
    assert_eq!(dom.matches("<article class=\"story\"").count(), 2, "{dom}");
    assert!(dom.contains("<tr class=\"disagree\">"), "{dom}");
}
