//! `factdiff check`: the report contract, exit codes, bad input and bad usage.

use factdiff_findings::Problem;

use crate::{root, run, run_in, snap};

#[test]
fn check_in_the_repository_root_reads_the_seeds_through_factdiff_toml() {
    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "factdiff");
    assert_eq!(json["summary"]["articles"], 5);
    assert!(json["findings"].is_array());
}

#[test]
fn check_fixtures_text_and_json() {
    // "Two dozen buses left the depot" (wire.jsonl) and "a fleet of 30 buses left the
    // depot" (page.html) name no shared subject and no date in common: precision before
    // recall, so no contradiction (tests/fixtures/rules/count-mismatch holds the one
    // that fires); the run exits 0 with its input problems on standard error.
    let out = run(&["check", "tests/fixtures/corpus"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snap!("check_fixtures_text", out.both());

    let out = run(&["check", "tests/fixtures/corpus", "--format", "json"]);
    assert_eq!(out.code, 0);
    snap!("check_fixtures_json", out.stdout.clone());
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let problems: Vec<Problem> = serde_json::from_value(json["problems"].clone()).unwrap();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for want in [
        "tests/fixtures/corpus/binary.txt: binary file",
        "tests/fixtures/corpus/broken-front.md:3: broken TOML front matter",
        "tests/fixtures/corpus/empty.jsonl: empty file",
        "tests/fixtures/corpus/empty.txt: empty file",
        "tests/fixtures/corpus/latin1.txt: invalid UTF-8",
        "tests/fixtures/corpus/wire.jsonl:2: line is not valid JSON",
        "tests/fixtures/corpus/wire.jsonl:3: record has no `text` field",
    ] {
        assert!(
            shown.iter().any(|s| s.starts_with(want)),
            "{want} not in {shown:#?}"
        );
    }
    // The other files are still read.
    assert_eq!(json["summary"]["articles"], 8);
}

#[test]
fn missing_path_exits_2_with_a_clear_message() {
    let out = run(&["check", "no/such/folder"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: path `no/such/folder` does not exist; check the spelling, or run from the folder it is relative to\n"
    );
}

#[test]
fn a_dash_says_standard_input_is_not_read() {
    let out = run(&["check", "-"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: standard input (`-`) is not read: save the text as a file, such as `article.txt`, and give its path\n"
    );
}

#[test]
fn unknown_config_key_exits_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "paths = [\".\"]\nfail_on = \"warning\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: factdiff.toml:2:1: unknown field `fail_on`, expected one of"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("`fail-on`"), "{}", out.stderr);
}

/// One string where a list is wanted, as a newcomer writes `paths`: the message
/// writes the list.
#[test]
fn a_string_for_a_list_exits_2_writing_the_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factdiff.toml"), "paths = \"articles\"\n").unwrap();
    let out = run_in(dir.path(), &["check"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: factdiff.toml:1:9: invalid type: string \"articles\", expected a sequence; a list is wanted: write `paths = [\"articles\"]`\n"
    );
}

/// A word or a fraction where factdiff.toml wants a whole number: the message says
/// what to write, not the Rust type ("expected u32").
#[test]
fn a_string_for_a_number_exits_2_saying_a_whole_number_is_wanted() {
    let dir = tempfile::tempdir().unwrap();
    for (toml, want) in [
        (
            "[stories]\nmax-days-apart = \"ten\"\n",
            "error: factdiff.toml:2:18: invalid type: string \"ten\", expected u32; a whole number, 0 or more, is wanted, without quotes: write `max-days-apart = 10`, say\n",
        ),
        (
            "[overlap]\nmin-words = 2.5\n",
            "error: factdiff.toml:2:13: invalid type: floating point `2.5`, expected usize; a whole number, 0 or more, is wanted, without quotes: write `min-words = 10`, say\n",
        ),
    ] {
        std::fs::write(dir.path().join("factdiff.toml"), toml).unwrap();
        let out = run_in(dir.path(), &["check"]);
        assert_eq!(out.code, 2);
        assert_eq!(out.stderr, want);
    }
}

#[test]
fn bad_usage_exits_2_and_help_exits_0() {
    let out = run(&["check", "--format", "yaml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("invalid value 'yaml'"),
        "{}",
        out.stderr
    );
    let out = run(&["check", "--threads", "0"]);
    assert_eq!(out.code, 2);
    let out = run(&["--help"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Usage: factdiff"));
    let out = run(&["--config", "nope.toml", "check"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("config file `nope.toml` does not exist")
    );
}

#[test]
fn a_file_that_cannot_be_read_is_a_problem_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ok.txt"), "A story.\n").unwrap();
    // A link to a file that has vanished: found by the walk, gone when read.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("vanished.txt"))
        .unwrap();
    let out = run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("vanished.txt"), "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["summary"]["articles"], 1);
}

#[test]
fn output_file_is_written_and_inputs_are_never_modified() {
    let fixtures = root().join("tests/fixtures/corpus");
    let before = snapshot_tree(&fixtures);
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let out = run(&[
        "check",
        "tests/fixtures/corpus",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(written["version"], 1);
    assert_eq!(snapshot_tree(&fixtures), before);
}

#[test]
fn no_color_when_not_on_a_terminal() {
    let out = run(&["check", "tests/fixtures/corpus", "--color", "auto"]);
    assert!(!out.stdout.contains('\u{1b}'));
    let out = run(&["check", "tests/fixtures/corpus", "--color", "never"]);
    assert!(!out.stdout.contains('\u{1b}'));
}

fn snapshot_tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
                meta.modified().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Issue 15: a run that read no article has checked nothing; a CI must not pass on
/// it. Every command that reads articles exits 2, says why nothing was read and what
/// to do, and writes no report: an empty folder, a folder of files that are not
/// articles, and exclude globs that leave nothing.
#[test]
fn a_run_that_reads_no_article_exits_2_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    std::fs::create_dir_all(top.join("empty")).unwrap();
    std::fs::create_dir_all(top.join("binary")).unwrap();
    std::fs::write(top.join("binary/a.txt"), b"\x00\x01\x02 not text \x00").unwrap();
    std::fs::write(top.join("binary/notes.log"), "not an article's extension\n").unwrap();
    std::fs::create_dir_all(top.join("site/drafts")).unwrap();
    std::fs::write(
        top.join("site/factdiff.toml"),
        "paths = [\"drafts\"]\nexclude = [\"drafts/**\"]\n",
    )
    .unwrap();
    std::fs::write(top.join("site/drafts/a.md"), "# A draft\n\nText.\n").unwrap();

    for command in ["check", "overlap", "claims", "baseline"] {
        let with = |paths: &[&'static str]| -> Vec<&'static str> {
            let mut args = vec![command];
            if command == "baseline" {
                args.push("accepted.json");
            }
            args.extend_from_slice(paths);
            args
        };
        let out = run_in(top, &with(&["empty"]));
        assert_eq!(out.code, 2, "{command}: {}", out.both());
        assert_eq!(out.stdout, "", "{command}: no report");
        assert_eq!(
            out.stderr,
            "error: no article was read from `empty`: there is no .txt, .md, .jsonl or .html file there (files a .gitignore names are skipped); give the folder of the articles, or set `paths` in factdiff.toml\n",
            "{command}"
        );

        let out = run_in(top, &with(&["binary"]));
        assert_eq!(out.code, 2, "{command}: {}", out.both());
        assert_eq!(out.stdout, "", "{command}: no report");
        assert_eq!(
            out.stderr,
            "warning: binary/a.txt: binary file (it holds NUL bytes); skipped\nerror: no article was read from `binary`: nothing there could be read as an article (the warning above says why); fix those files, or give the folder of the articles\n",
            "{command}"
        );

        let out = run_in(&top.join("site"), &with(&[]));
        assert_eq!(out.code, 2, "{command}: {}", out.both());
        assert_eq!(
            out.stderr,
            "error: no article was read from `drafts`: the `exclude` globs of factdiff.toml leave out every file there (1 found without them); narrow the globs, or give other paths\n",
            "{command}"
        );
    }
    assert!(!top.join("accepted.json").exists(), "no baseline written");
}

/// Issue 15: `--output FILE` says on standard error what it wrote, in one line; a
/// missing folder is named (exit 2), not a temporary file.
#[test]
fn output_file_is_summed_up_on_standard_error_and_a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = root().join("tests/fixtures/rules/count-mismatch");
    for name in ["context-quake-a.md", "fire-quake-b.md"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    let out = run_in(
        dir.path(),
        // count-mismatch reports at info (issue 13): `--fail-on info` fails on it.
        &[
            "check",
            ".",
            "--format",
            "json",
            "--output",
            "report.json",
            "--fail-on",
            "info",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.both());
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "wrote `report.json`: 2 articles, 4 claims, 1 finding (0 errors, 0 warnings, 1 info)\n"
    );
    let out = run_in(dir.path(), &["claims", ".", "--output", "claims.txt"]);
    assert_eq!(out.code, 0, "{}", out.both());
    assert_eq!(out.stderr, "wrote `claims.txt`: 4 claims of 2 articles\n");

    let out = run_in(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "sarif",
            "--output",
            "out/report.sarif",
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: cannot write `out/report.sarif`: folder `out` does not exist; create it\n"
    );
    assert!(!dir.path().join("out").exists());
}

/// The README's sample output is what the command it shows prints, byte for byte
/// (issue 15: the sample had gone stale with the messages).
#[test]
fn the_readme_sample_is_the_real_output() {
    let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
    let start = readme
        .find("```console\n$ factdiff check ")
        .expect("a console sample in README.md");
    let block = &readme[start + "```console\n$ ".len()..];
    let block = &block[..block.find("```").expect("the sample is closed")];
    let (command, shown) = block.split_once('\n').unwrap();
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let out = crate::run(&args);
    // The sample's finding is a count-mismatch, which reports at info (issue 13).
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, shown, "README.md's sample output is stale");
}
