//! `factdiff stories` on tests/fixtures/stories: one event told by three articles (an
//! original, a republished copy, an independent report giving another death toll)
//! and a similar but different event (another earthquake) that is a story of its own.

use factdiff_findings::{Relation, Story};

use crate::{run, snap};

const FIXTURES: &str = "tests/fixtures/stories";

fn stories_json(paths: &[&str]) -> Vec<Story> {
    let mut args = vec!["stories", "--format", "json"];
    args.extend_from_slice(paths);
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["summary"]["stories"],
        json["stories"].as_array().unwrap().len()
    );
    serde_json::from_value(json["stories"].clone()).unwrap()
}

fn story_of<'s>(stories: &'s [Story], path: &str) -> &'s Story {
    stories
        .iter()
        .find(|s| s.articles.iter().any(|a| a.path.ends_with(path)))
        .unwrap_or_else(|| panic!("no story holds {path}: {stories:#?}"))
}

/// The rules of `check`'s findings on `path` that are among `rules`, in report
/// order, and the JSON report to show when an assertion fails.
fn findings_of(path: &str, rules: &[&str]) -> (Vec<String>, String) {
    let out = run(&["check", path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .filter(|r| rules.contains(r))
        .map(str::to_owned)
        .collect();
    (found, out.stdout)
}

/// The file names of a story's articles, in its order.
fn file_names(story: &Story) -> Vec<&str> {
    story
        .articles
        .iter()
        .map(|a| a.path.rsplit('/').next().unwrap())
        .collect()
}

#[test]
fn stories_text() {
    let out = run(&["stories", FIXTURES]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snap!("stories_fixtures_text", out.both());
}

#[test]
fn stories_markdown() {
    let out = run(&["stories", FIXTURES, "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    snap!("stories_fixtures_markdown", out.stdout);
}

#[test]
fn stories_relations_original_copy_independent() {
    let stories = stories_json(&[FIXTURES]);
    let herat = story_of(&stories, "herat-reuters.md");
    let paths: Vec<(&str, Relation, Option<usize>)> = herat
        .articles
        .iter()
        .map(|a| (a.path.rsplit('/').next().unwrap(), a.relation, a.of))
        .collect();
    assert_eq!(
        paths,
        [
            ("herat-reuters.md", Relation::Original, None),
            ("herat-ap.md", Relation::Independent, None),
            ("herat-wire.md", Relation::Copy, Some(0)),
        ]
    );
    assert_eq!(
        herat.title,
        "Earthquake kills 112 in Afghanistan's Herat province"
    );
    assert_eq!(
        herat.articles[1].source.as_deref(),
        Some("Associated Press")
    );
    assert_eq!(herat.articles[2].date.as_deref(), Some("2025-10-08"));
}

#[test]
fn stories_similar_event_is_its_own_story() {
    let stories = stories_json(&[FIXTURES]);
    let herat = story_of(&stories, "herat-reuters.md");
    let sichuan = story_of(&stories, "sichuan-quake.md");
    assert_ne!(herat.id, sichuan.id);
    assert!(
        herat.articles.iter().all(|a| a.path.contains("herat-")),
        "{herat:#?}"
    );
    // The README, which names both quakes and gives the Herat one's day, is in
    // neither story (the second pass reads the days an undated text gives).
    assert!(
        sichuan.articles.iter().all(|a| a.path.contains("sichuan-")),
        "{sichuan:#?}"
    );
    // No fact of one story holds a value from the other.
    for fact in herat.facts.iter().chain(&sichuan.facts) {
        let story = if fact.values[0].location.path.contains("herat-") {
            "herat-"
        } else {
            "sichuan-"
        };
        assert!(
            fact.values.iter().all(|v| v.location.path.contains(story)),
            "{fact:#?}"
        );
    }
}

#[test]
fn stories_fact_table_marks_the_disagreement_only() {
    let stories = stories_json(&[FIXTURES]);
    let herat = story_of(&stories, "herat-reuters.md");
    let thing = |t: &str| {
        herat
            .facts
            .iter()
            .find(|f| f.thing.starts_with(t))
            .unwrap_or_else(|| panic!("no fact {t}: {:#?}", herat.facts))
    };
    let deaths = thing("deaths");
    assert!(deaths.disagree);
    let values: Vec<(usize, &str)> = deaths
        .values
        .iter()
        .map(|v| (v.article, v.value.as_str()))
        .collect();
    assert_eq!(values, [(0, "112"), (1, "at least 140"), (2, "112")]);
    assert!(!thing("injuries").disagree);
    assert!(!thing("date").disagree);
    assert_eq!(thing("date").values[0].value, "4 October 2025");
    let quote = thing("quote by Islamuddin Jurat");
    assert!(!quote.disagree);
    assert_eq!(quote.values.len(), 3);
    // Only the deaths disagree.
    assert_eq!(herat.facts.iter().filter(|f| f.disagree).count(), 1);
}

#[test]
fn stories_disagreement_links_to_its_finding() {
    let paths = [
        "tests/fixtures/stories/herat-reuters.md",
        "tests/fixtures/stories/herat-ap.md",
    ];
    let stories = stories_json(&paths);
    let deaths = stories[0]
        .facts
        .iter()
        .find(|f| f.thing.starts_with("deaths"))
        .expect("a deaths row");
    assert!(deaths.disagree);
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend_from_slice(&paths);
    let out = run(&args);
    let check: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mismatches: Vec<&str> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "count-mismatch")
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    assert!(!mismatches.is_empty(), "{}", out.stdout);
    assert_eq!(deaths.findings, mismatches);
    // The check report carries the same stories, linked the same way.
    let in_check: Vec<Story> = serde_json::from_value(check["stories"].clone()).unwrap();
    assert_eq!(in_check, stories);
}

#[test]
fn stories_html_is_one_offline_page() {
    let out = run(&["stories", FIXTURES, "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = out.stdout;
    assert!(page.contains("default-src 'none'"));
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(page.contains("<section id=\"stories\">"));
    assert!(page.contains("class=\"disagree\""));
    assert!(page.contains(
        "Likely original: <span class=\"where\">tests/fixtures/stories/herat-reuters.md</span>"
    ));
}

/// Two like events two days apart (earthquakes in two provinces of one region, told in
/// one agency's template, the same minister quoted) are two stories, and no rule
/// compares their days or their tolls.
#[test]
fn stories_two_quakes_two_days_apart_are_two_stories() {
    const TWINS: &str = "tests/fixtures/stories-twins";
    let stories = stories_json(&[TWINS]);
    assert_eq!(stories.len(), 2, "{stories:#?}");
    for province in ["malatya-", "van-"] {
        let story = story_of(&stories, &format!("{province}aa.md"));
        assert_eq!(
            file_names(story),
            [format!("{province}aa.md"), format!("{province}dha.md")],
            "{story:#?}"
        );
        assert!(story.facts.iter().all(|f| !f.disagree), "{story:#?}");
    }
    let (rules, report) = findings_of(TWINS, &["date-mismatch", "count-mismatch"]);
    assert!(rules.is_empty(), "{report}");
}

/// Two bus crashes in two states told in one agency's template (undated, the same
/// chief minister's stock sentence) are two stories: the second crash is alone, and
/// no quote-drift gives the stock sentence to two speakers.
#[test]
fn stories_like_crashes_in_two_states_in_one_template_are_two_stories() {
    const TEMPLATES: &str = "tests/fixtures/stories-templates";
    let stories = stories_json(&[TEMPLATES]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(
        file_names(&stories[0]),
        ["ganjam-pti.md", "ganjam-sambad.md"],
        "{stories:#?}"
    );
    let (cross, report) = findings_of(
        TEMPLATES,
        &["quote-drift", "count-mismatch", "date-mismatch"],
    );
    assert!(cross.is_empty(), "{report}");
}

/// Two companies' results in one template (a table under a headline that names the
/// company by its ticker) are two stories; a second report of the first, its name
/// misspelt and its ticker written another way, is in the first's story. A third
/// company's ticker written as an instrument code in parentheses (`(MRDN.O)`), its
/// table a copy of the second's figures, is its own company too (read as no ticker, it
/// was taken for a copy of the second).
#[test]
fn stories_other_companies_results_in_one_template_are_two_stories() {
    const ISSUERS: &str = "tests/fixtures/stories-issuers";
    let stories = stories_json(&[ISSUERS]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(
        file_names(&stories[0]),
        ["halversen-tool.md", "halvorsen-tool.md"],
        "{stories:#?}"
    );
}

/// Two insurers' third quarters told the wires' way, the company the possessive
/// subject of the headline (`Halcyon Mutual Corp.'s third-quarter net income fell`,
/// `Ridgeline Insurance Co.'s third-quarter net income rose`), three days apart, one
/// hurricane hurting both, are two stories (the build before the results subject put
/// them in one); a second outlet's report of Halcyon's quarter, its headline of
/// another form, is in Halcyon's.
#[test]
fn stories_other_companies_results_told_the_wires_way_are_two_stories() {
    const RESULTS: &str = "tests/fixtures/stories-results";
    let stories = stories_json(&[RESULTS]);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    assert_eq!(
        file_names(&stories[0]),
        ["halcyon-journal.md", "halcyon-wire.md"],
        "{stories:#?}"
    );
}

/// A short report of one event that names it once (a community radio's report of
/// the island's mourning) is left alone by the merges (its own evidence with each
/// report is under the floor) and joins the story in the second pass: its evidence
/// with the story as a whole, and no other group nearly as close. A report of the
/// ferry owner's arrest five days later stays alone: it was written after the story
/// was told (dated the day after the last report, it would join).
#[test]
fn stories_a_report_left_alone_joins_its_story_when_it_was_written_while_the_story_was_told() {
    const LONER: &str = "tests/fixtures/stories-loner";
    let stories = stories_json(&[LONER]);
    assert_eq!(stories.len(), 2, "{stories:#?}");
    assert_eq!(
        file_names(story_of(&stories, "ferry-reuters.md")),
        [
            "ferry-afp.md",
            "ferry-reuters.md",
            "ferry-ap.md",
            "ferry-brief.md"
        ],
        "{stories:#?}"
    );
    assert_eq!(
        file_names(story_of(&stories, "mine-a.md")),
        ["mine-b.md", "mine-a.md"],
        "{stories:#?}"
    );
}
