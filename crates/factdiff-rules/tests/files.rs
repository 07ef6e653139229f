//! The files users read and write beside the rule engine: docs/rules.md, whose TOML
//! examples must load, and docs/rule-file.schema.json, which must be the schema the
//! rule kinds generate and must accept every file of rules/.

use std::path::{Path, PathBuf};

use factdiff_claims::Lexicons;
use factdiff_rules::{Kind, RuleSet, json_schema, toml_to_json, update_rules_doc};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&json_schema())
        .expect("the schema is a valid draft 07 schema")
}

/// The schema's verdict on a TOML file, with the errors as text.
fn schema_errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let table: toml::Table = toml::from_str(text).expect("valid TOML");
    let json = toml_to_json(&toml::Value::Table(table));
    validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

#[test]
fn the_schema_in_docs_is_the_generated_one() {
    let path = root().join("docs/rule-file.schema.json");
    let generated = serde_json::to_string_pretty(&json_schema()).unwrap() + "\n";
    if std::env::var_os("FACTDIFF_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rule-file.schema.json is stale; rewrite it with \
         `FACTDIFF_UPDATE_DOCS=1 cargo test -p factdiff-rules --test files`"
    );
}

#[test]
fn the_tables_of_the_rules_doc_are_the_generated_ones() {
    let path = root().join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    let generated = update_rules_doc(&on_disk).unwrap_or_else(|err| panic!("{err}"));
    if std::env::var_os("FACTDIFF_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        on_disk == generated,
        "the generated tables of docs/rules.md are stale; rewrite them with \
         `FACTDIFF_UPDATE_DOCS=1 cargo test -p factdiff-rules --test files`"
    );
}

#[test]
fn every_file_of_rules_is_valid_under_the_schema() {
    let validator = validator();
    let mut n = 0;
    for dir in ["rules", "rules/facts"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let errors = schema_errors(&validator, &text);
            assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
            n += 1;
        }
    }
    assert_eq!(
        n,
        Kind::ALL.len() + 1,
        "one rule file per kind and the example sheet"
    );
}

#[test]
fn the_schema_lists_every_kind_and_each_kinds_parameters_and_defaults() {
    let schema = json_schema();
    let defs = &schema["definitions"];
    let kinds: Vec<&str> = defs["ruleFile"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(kinds, Kind::ids());
    let validator = validator();
    for kind in Kind::ALL {
        let info = kind.info();
        let props = defs[format!("params-{}", info.id)]["properties"]
            .as_object()
            .unwrap();
        let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
        names.sort();
        let mut expected: Vec<&str> = info.params.iter().map(|p| p.name).collect();
        expected.sort();
        assert_eq!(names, expected, "{}", info.id);
        // A file that gives every parameter its default is valid for both.
        let mut file = format!("id = \"x\"\nkind = \"{}\"\n[params]\n", info.id);
        for spec in info.params {
            file.push_str(&format!("{} = {}\n", spec.name, spec.default));
        }
        RuleSet::from_sources(&[("x.toml", &file)]).unwrap();
        assert_eq!(schema_errors(&validator, &file), Vec::<String>::new());
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let validator = validator();
    let bad_rules = [
        "id = \"x\"\nkind = \"count-mismatch\"\nserverity = \"info\"\n",
        "id = \"x\"\nkind = \"count-mismatc\"\n",
        "kind = \"count-mismatch\"\n",
        "id = \"Bad Id\"\nkind = \"count-mismatch\"\n",
        "id = \"x\"\nkind = \"count-mismatch\"\nseverity = \"fatal\"\n",
        "id = \"x\"\nkind = \"count-mismatch\"\nenabled = \"no\"\n",
        "id = \"x\"\nkind = \"count-mismatch\"\n[params]\nmonotonik = []\n",
        "id = \"x\"\nkind = \"count-mismatch\"\n[params]\nmin-shared-context = 0\n",
        "id = \"x\"\nkind = \"count-mismatch\"\n[params]\nmin-context-similarity = 1.5\n",
        "id = \"x\"\nkind = \"quote-drift\"\n[params]\nmin-words = \"six\"\n",
        "id = \"x\"\nkind = \"quote-drift\"\n[params]\nmonotonic = []\n",
        "id = \"x\"\nkind = \"invalid-date\"\n[params]\ntolerance = 1\n",
        "id = \"x\"\nkind = \"name-variant\"\n[params]\nexceptions = [\"a\", \"b\"]\n",
    ];
    for text in bad_rules {
        assert!(
            RuleSet::from_sources(&[("r.toml", text)]).is_err(),
            "loader: {text}"
        );
        assert!(
            !schema_errors(&validator, text).is_empty(),
            "schema: {text}"
        );
    }
    let bad_sheets = [
        "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\nvalu = 3\n",
        "[[fact]]\nunit = \"t\"\nvalue = 3\n",
        "[[fact]]\nsubject = []\nunit = \"t\"\nvalue = 3\n",
        "[[fact]]\nsubject = [\"x\"]\nvalue = 3\n",
        "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\n",
        "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\nvalue = 3\nmin = 1\n",
        "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\nvalue = 3\ntolerance = 1\n",
        "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\nvalue = 3\nvalid-from = \"yesterday\"\n",
        "[[facts]]\nsubject = [\"x\"]\nunit = \"t\"\nvalue = 3\n",
    ];
    for text in bad_sheets {
        let mut set = RuleSet::default();
        assert!(
            set.add_fact_sheet("f.toml", text).is_err(),
            "loader: {text}"
        );
        assert!(
            !schema_errors(&validator, text).is_empty(),
            "schema: {text}"
        );
    }
}

/// The TOML blocks of docs/rules.md, each with the file its first line names.
fn doc_examples() -> Vec<(String, String)> {
    let doc = read("docs/rules.md");
    let mut examples = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if line != "```toml" {
            continue;
        }
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let name = body
            .first()
            .and_then(|l| l.strip_prefix("# "))
            .unwrap_or_else(|| panic!("a TOML example must name its file: {body:?}"));
        examples.push((name.to_owned(), body.join("\n") + "\n"));
    }
    let mut names: Vec<&str> = examples.iter().map(|(n, _)| n.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), examples.len(), "one example per file name");
    examples
}

#[test]
fn every_toml_example_in_the_docs_loads() {
    let validator = validator();
    let examples = doc_examples();
    let mut kinds_of_files = std::collections::BTreeSet::new();
    for (name, text) in &examples {
        if name == "factdiff.toml" {
            let table: toml::Table = text.parse().unwrap();
            assert!(table["rules"].is_str(), "{name}");
            kinds_of_files.insert("config");
        } else if name.contains("/lexicons/") {
            let mut lexicons = Lexicons::builtin();
            lexicons
                .merge_str(Path::new(name), text)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            kinds_of_files.insert("lexicon");
        } else if name.contains("/facts/") {
            let mut set = RuleSet::default();
            set.add_fact_sheet(name, text)
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(set.facts().count() > 0, "{name}");
            let errors = schema_errors(&validator, text);
            assert!(errors.is_empty(), "{name}: {errors:#?}");
            kinds_of_files.insert("facts");
        } else {
            let set = RuleSet::from_sources(&[(name, text)]).unwrap_or_else(|e| panic!("{e}"));
            let rule = set.rules().next().unwrap();
            let stem = name.rsplit('/').next().unwrap().trim_end_matches(".toml");
            assert_eq!(rule.id, stem, "{name}: a rule file is named after its ID");
            let errors = schema_errors(&validator, text);
            assert!(errors.is_empty(), "{name}: {errors:#?}");
            kinds_of_files.insert("rule");
        }
    }
    assert_eq!(
        kinds_of_files.into_iter().collect::<Vec<_>>(),
        ["config", "facts", "lexicon", "rule"]
    );
}

#[test]
fn the_doc_examples_do_what_the_doc_says() {
    let examples = doc_examples();
    let get = |name: &str| -> &str {
        &examples
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no example `{name}`"))
            .1
    };
    // Loaded over the built-in rules, as `--rules myrules` does.
    let dir = std::env::temp_dir().join(format!("factdiff-rules-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in &examples {
        if let Some(rel) = name.strip_prefix("myrules/")
            && !rel.starts_with("lexicons/")
        {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }
    let set = RuleSet::load(std::slice::from_ref(&dir)).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!set.get("sum-mismatch").unwrap().enabled);
    assert!(get("myrules/acronym-undefined.toml").contains("ASEAN"));
    assert_eq!(
        set.get("acronym-undefined").unwrap().params.get("known"),
        Some(&factdiff_rules::ParamValue::Strings(vec![
            "ISIS".into(),
            "ASEAN".into(),
            "NGO".into()
        ]))
    );
    // The new rules run beside the built-in count-mismatch.
    for id in ["strict-counts", "same-day-counts", "count-mismatch"] {
        assert!(set.enabled().any(|r| r.id == id), "{id}");
    }
    // A rule's `monotonic` adds to the lexicon's list; the built-in rule adds nothing.
    assert_eq!(
        set.get("same-day-counts").unwrap().params.get("monotonic"),
        Some(&factdiff_rules::ParamValue::Strings(vec![
            "donations".into()
        ]))
    );
    assert_eq!(
        set.get("count-mismatch").unwrap().params.get("monotonic"),
        Some(&factdiff_rules::ParamValue::Strings(vec![]))
    );
    let quote = set.get("quote-drift").unwrap();
    assert_eq!(quote.severity, factdiff_findings::Severity::Error);
    assert!(set.facts().any(|f| f.id == "kazakhstan-regions"));
    assert!(
        set.facts().any(|f| f.id == "un-member-states"),
        "built-in sheet kept"
    );
    let names = set.get("name-variant").unwrap();
    assert!(
        matches!(names.params.get("exceptions"), Some(factdiff_rules::ParamValue::StringGroups(g)) if g.len() == 2)
    );

    let mut lexicons = Lexicons::builtin();
    for (name, text) in &examples {
        if name.contains("/lexicons/") {
            lexicons.merge_str(Path::new(name), text).unwrap();
        }
    }
    assert_eq!(lexicons.measure("cancelled flights"), Some("flights"));
    assert_eq!(lexicons.measure("donated"), Some("donations"));
    assert!(!lexicons.is_monotonic("donations"));
    assert!(lexicons.known_acronym("ASEAN").is_some());
    assert!(get("myrules/lexicons/events.toml").contains("inaugurate"));
    assert_eq!(lexicons.event("took office"), Some("inaugurate"));
    assert_eq!(
        lexicons.event("opened"),
        Some("start"),
        "built-in classes kept"
    );
}

#[test]
fn the_docs_name_every_kind_parameter_and_placeholder() {
    // As generated (a stale file is the test above's to report): each kind's
    // generated block must stand in its own section.
    let doc = update_rules_doc(&read("docs/rules.md")).unwrap_or_else(|err| panic!("{err}"));
    for kind in Kind::ALL {
        let info = kind.info();
        let heading = format!("### `{}`", info.id);
        let start = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/rules.md has no section {heading}"));
        let rest = &doc[start + heading.len()..];
        let section = rest[..rest.find("\n### ").unwrap_or(rest.len())].replace('\n', " ");
        for spec in info.params {
            assert!(
                section.contains(&format!("| `{}` |", spec.name)),
                "{}: parameter `{}` not in its table",
                info.id,
                spec.name
            );
        }
        if info.params.is_empty() {
            assert!(section.contains("No parameters"), "{}", info.id);
        }
        for name in info.placeholders {
            assert!(
                section.contains(&format!("`{{{name}}}`")),
                "{}: placeholder `{{{name}}}` not listed",
                info.id
            );
        }
        assert!(
            section.contains(&format!("Default severity `{}`", info.severity.as_str())),
            "{}: default severity",
            info.id
        );
    }
}
