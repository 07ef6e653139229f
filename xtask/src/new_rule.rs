//! `cargo xtask new-rule NAME`: the skeleton of a new rule kind, as ruff's
//! `add_rule.py` makes one. It writes
//!
//! - `crates/factdiff-rules/src/kinds/NAME.rs` (the kind's file: its doc in ruff's
//!   sections, its `INFO`, and a check that compiles and reports nothing yet),
//! - the kind's line in the registry (`kinds/mod.rs`, in ID order),
//! - `rules/NAME.toml` (the built-in rule of the kind),
//! - `tests/fixtures/rules/NAME/fire-example.md` and `ok-example.md`, with
//!   `expect.toml` naming where the fire case's finding must be,
//! - a `### `NAME`` section in docs/rules.md with its generated blocks,
//!
//! and prints what the author does next. A name that is not kebab-case, or that a kind
//! or rule already has, is refused (exit 2) and nothing is written.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::util::root;

const REGISTRY: &str = "crates/factdiff-rules/src/kinds/mod.rs";
const KINDS: &str = "crates/factdiff-rules/src/kinds";
const RULES_DOC: &str = "docs/rules.md";
/// The line the registry's entries follow.
const REGISTRY_OPEN: &str = "registry! {\n";
/// Rule IDs that are not kinds but exist (the CLI's catalog): never a kind's name.
const RESERVED: &[&str] = &["overlap", "unused-suppression"];

pub fn run(args: &[String]) -> Result<()> {
    let [name] = args else {
        bail!("usage: cargo xtask new-rule NAME (a kebab-case rule ID, e.g. `unit-mismatch`)");
    };
    let written = scaffold(&root(), name)?;
    println!("created the rule kind `{name}`:");
    for path in &written {
        println!("  {path}");
    }
    println!(
        "\nnext:\n\
         1. write `check` in {KINDS}/{module}.rs (read claims, never raw text; group by key,\n   \
            compare within a group) and its doc: What it does, Why is this bad?, Example\n   \
            (a case that fires and one that does not), Options; set `summary`, `message`,\n   \
            `placeholders`, `params` and `category`/`severity` in its INFO;\n\
         2. replace the text of tests/fixtures/rules/{name}/fire-example.md with an article\n   \
            the kind must report, and ok-example.md with a near miss it must not (rename\n   \
            them `fire-*.md` / `ok-*.md`; add as many as the kind needs) and give each\n   \
            fire case the line and text of its finding in expect.toml;\n\
         3. write the prose of its section in docs/rules.md, then regenerate the tables and\n   \
            the schema: FACTDIFF_UPDATE_DOCS=1 cargo test -p factdiff-rules --test files\n\
         4. cargo test -p factdiff-rules, then INSTA_UPDATE=new cargo test -p factdiff-tests\n   \
            -- rules; review each .snap.new (rules_{name}_text, rules_{name}_json, rules_list\n   \
            ...) and accept only what is right.",
        module = module_name(name),
    );
    Ok(())
}

/// Whether `name` is a kebab-case ID: lower-case ASCII words of letters and digits,
/// joined by single hyphens, starting with a letter.
pub fn is_kebab_case(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `term-drift` -> `term_drift`.
fn module_name(name: &str) -> String {
    name.replace('-', "_")
}

/// `term-drift` -> `TermDrift`.
fn variant_name(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// One line of the registry: `Variant = "id" in module` with an optional `[scopes]`.
#[derive(Debug, PartialEq)]
pub struct RegistryLine {
    pub variant: String,
    pub id: String,
    pub module: String,
    pub scopes: bool,
}

/// The entries of the registry in `registry_source` (kinds/mod.rs), each checked to be
/// well-formed: the variant is the ID in CamelCase, the module the ID in snake_case.
pub fn registry_lines(registry_source: &str) -> Result<Vec<RegistryLine>> {
    let start = registry_source
        .find(REGISTRY_OPEN)
        .context("no `registry! {` block in kinds/mod.rs")?
        + REGISTRY_OPEN.len();
    let body = &registry_source[start..];
    let end = body
        .find("\n}\n")
        .context("the `registry! {` block is not closed")?;
    let mut lines = Vec::new();
    for line in body[..end].lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        lines.push(parse_registry_line(line)?);
    }
    Ok(lines)
}

fn parse_registry_line(line: &str) -> Result<RegistryLine> {
    let bad = || {
        anyhow::anyhow!("malformed registry line `{line}`; expected `Variant = \"id\" in module,`")
    };
    let rest = line.strip_suffix(',').ok_or_else(bad)?;
    let (variant, rest) = rest.split_once(" = \"").ok_or_else(bad)?;
    let (id, rest) = rest.split_once("\" in ").ok_or_else(bad)?;
    let (module, scopes) = match rest.strip_suffix(" [scopes]") {
        Some(module) => (module, true),
        None => (rest, false),
    };
    if !is_kebab_case(id) || variant != variant_name(id) || module != module_name(id) {
        return Err(bad());
    }
    Ok(RegistryLine {
        variant: variant.to_owned(),
        id: id.to_owned(),
        module: module.to_owned(),
        scopes,
    })
}

/// Writes the new kind's files under `root` (a checkout) and returns their paths,
/// relative to it. Checks everything before writing anything.
pub fn scaffold(root: &Path, name: &str) -> Result<Vec<String>> {
    if !is_kebab_case(name) {
        bail!(
            "`{name}` is not a kebab-case rule ID: use lower-case letters, digits and single \
             hyphens, starting with a letter (e.g. `unit-mismatch`)"
        );
    }
    if RESERVED.contains(&name) {
        bail!("`{name}` is already a rule ID (`factdiff rules explain {name}`); pick another name");
    }
    let module = module_name(name);
    let registry_path = root.join(REGISTRY);
    let registry = read(&registry_path)?;
    let lines = registry_lines(&registry)?;
    if lines.iter().any(|l| l.id == name) {
        bail!("the rule kind `{name}` exists (in {REGISTRY}); pick another name");
    }
    let kind_file = format!("{KINDS}/{module}.rs");
    let rule_file = format!("rules/{name}.toml");
    let fixtures = format!("tests/fixtures/rules/{name}");
    for path in [&kind_file, &rule_file, &fixtures] {
        if root.join(path).exists() {
            bail!("`{path}` exists; a kind named `{name}` would overwrite it; pick another name");
        }
    }
    let doc_path = root.join(RULES_DOC);
    let doc = read(&doc_path)?;
    let heading = format!("### `{name}`\n");
    if doc.contains(&heading) {
        bail!(
            "{RULES_DOC} already has a section `{}`; pick another name",
            heading.trim()
        );
    }
    let anchor = "\n## A whole new rule\n";
    let at = doc.find(anchor).with_context(|| {
        format!("{RULES_DOC} has no `## A whole new rule` section to put the kind's section before")
    })?;

    // The registry line goes before the first entry with a greater ID.
    let new_line = format!("    {} = \"{name}\" in {module},\n", variant_name(name));
    let start = registry
        .find(REGISTRY_OPEN)
        .expect("registry_lines found it")
        + REGISTRY_OPEN.len();
    let mut insert_at = start;
    let mut offset = start;
    for line in registry[start..].split_inclusive('\n') {
        if line.starts_with('}') {
            break;
        }
        match parse_registry_line(line.trim()) {
            Ok(entry) if entry.id.as_str() < name => insert_at = offset + line.len(),
            Ok(_) => break,
            Err(_) => {}
        }
        offset += line.len();
    }
    let registry = format!(
        "{}{new_line}{}",
        &registry[..insert_at],
        &registry[insert_at..]
    );

    let section = format!(
        "\n### `{name}`\n\n\
         What `{name}` reports, in a sentence or two for rule-file authors; what it\n\
         leaves alone.\n\n\
         <!-- begin generated: params-{name} -->\n<!-- end generated: params-{name} -->\n"
    );
    let doc = format!("{}{section}{}", &doc[..at], &doc[at..]);

    write(root, &kind_file, &kind_source(name, &module))?;
    write(root, REGISTRY, &registry)?;
    write(root, &rule_file, &rule_toml(name))?;
    write(
        root,
        &format!("{fixtures}/fire-example.md"),
        &fixture(name, true),
    )?;
    write(
        root,
        &format!("{fixtures}/ok-example.md"),
        &fixture(name, false),
    )?;
    write(root, &format!("{fixtures}/expect.toml"), EXPECT_TEMPLATE)?;
    write(root, RULES_DOC, &doc)?;
    Ok(vec![
        kind_file,
        format!("{REGISTRY} (registry line)"),
        rule_file,
        format!("{fixtures}/fire-example.md"),
        format!("{fixtures}/ok-example.md"),
        format!("{fixtures}/expect.toml"),
        format!("{RULES_DOC} (section `{name}`)"),
    ])
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn write(root: &Path, rel: &str, text: &str) -> Result<()> {
    let path: PathBuf = root.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
}

/// The kind's file: its doc in ruff's sections, its `INFO` and a check in the
/// map -> compare shape that reports nothing until `fires` says what to report.
fn kind_source(name: &str, module: &str) -> String {
    KIND_TEMPLATE
        .replace("{name}", name)
        .replace("{module}", module)
}

const KIND_TEMPLATE: &str = r#"//! # {name}
//!
//! ## What it does
//! Reports a claim that `fires` accepts: say which claims, compared with what.
//!
//! ## Why is this bad?
//! Say what a reader loses when the claim is wrong.
//!
//! ## Example
//! Fires:
//! ```text
//! The sentence of tests/fixtures/rules/{name}/fire-example.md.
//! ```
//! Does not fire:
//! ```text
//! The sentence of tests/fixtures/rules/{name}/ok-example.md.
//! ```
//!
//! ## Options
//! This kind takes no parameters.

use factdiff_findings::{Category, Severity};

use super::KindInfo;

pub(crate) const INFO: KindInfo = KindInfo {
    id: "{name}",
    category: Category::Contradiction,
    severity: Severity::Warning,
    summary: "what a finding of {name} means, in a few words",
    message: "{claim}: the finding's message",
    placeholders: &["claim"],
    params: &[],
    source: include_str!("{module}.rs"),
};

use factdiff_claims::Claim;
use factdiff_findings::Finding;
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;

/// Whether the rule reports `claim` of article `article`.
fn fires(_cx: &Cx<'_>, _article: usize, _claim: &Claim, _rule: &Rule) -> bool {
    false
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            // Every claim but the names (`claims.names()`: span, sentence, normalized form).
            claims
                .others()
                .iter()
                .filter(move |claim| fires(cx, article, claim, rule))
                .map(move |claim| {
                    let text = cx.article(article).slice(claim.span).to_owned();
                    finding(rule, &[("claim", text)], vec![cx.loc(article, claim.span)])
                })
        })
        .collect()
}
"#;

fn rule_toml(name: &str) -> String {
    format!(
        "# The built-in rule of the kind `{name}` (`factdiff rules explain {name}`).\n\
         id = \"{name}\"\nkind = \"{name}\"\nseverity = \"warning\"\n"
    )
}

/// The fixture folder's `expect.toml` (read by the fixture loop of
/// tests/e2e/rules.rs): where each `fire-*` case's finding must be.
const EXPECT_TEMPLATE: &str = "\
# Each fire-* case of this folder must hold the primary location of a finding of the
# rule, at this line and on this text (`related`: the file of the other side, if any).
# A case the rule misses for now: `expect-miss = \"why\"` (an ok-* case it reports:
# `expect-false-alarm`), reported by the test as a known gap.

[fire-example]
line = 5
text = \"the words the finding points at\"
";

fn fixture(name: &str, fires: bool) -> String {
    let (title, body) = if fires {
        (
            "An article the rule reports",
            format!("Replace this paragraph with a sentence that `{name}` must report."),
        )
    } else {
        (
            "A near miss the rule leaves alone",
            format!("Replace this paragraph with a near miss that `{name}` must not report."),
        )
    };
    format!("+++\ntitle = \"{title}\"\ndate = 2025-01-15\n+++\n{body}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary folder holding the files the scaffold reads, copied from this
    /// checkout.
    fn mirror() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for rel in [REGISTRY, RULES_DOC] {
            let to = dir.path().join(rel);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(root().join(rel), to).unwrap();
        }
        std::fs::create_dir_all(dir.path().join("rules")).unwrap();
        std::fs::create_dir_all(dir.path().join("tests/fixtures/rules")).unwrap();
        dir
    }

    #[test]
    fn the_registry_of_this_checkout_is_well_formed() {
        let lines =
            registry_lines(&std::fs::read_to_string(root().join(REGISTRY)).unwrap()).unwrap();
        let ids: Vec<&str> = lines.iter().map(|l| l.id.as_str()).collect();
        assert!(ids.contains(&"count-mismatch"), "{ids:?}");
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        for line in &lines {
            assert!(
                root()
                    .join(KINDS)
                    .join(format!("{}.rs", line.module))
                    .is_file(),
                "{}",
                line.id
            );
            assert!(
                root().join(format!("rules/{}.toml", line.id)).is_file(),
                "{}",
                line.id
            );
        }
        assert!(lines.iter().any(|l| l.id == "count-mismatch" && l.scopes));
    }

    #[test]
    fn scaffolds_a_kind_and_registers_it_in_id_order() {
        let dir = mirror();
        let before =
            registry_lines(&std::fs::read_to_string(dir.path().join(REGISTRY)).unwrap()).unwrap();
        let written = scaffold(dir.path(), "fact-drift").unwrap();
        assert_eq!(written.len(), 7);

        let registry = std::fs::read_to_string(dir.path().join(REGISTRY)).unwrap();
        let after = registry_lines(&registry).unwrap();
        assert_eq!(after.len(), before.len() + 1);
        let ids: Vec<&str> = after.iter().map(|l| l.id.as_str()).collect();
        let at = ids.iter().position(|id| *id == "fact-drift").unwrap();
        assert_eq!(ids[at - 1], "date-mismatch");
        assert_eq!(ids[at + 1], "fact-mismatch");
        assert_eq!(
            after[at],
            RegistryLine {
                variant: "FactDrift".into(),
                id: "fact-drift".into(),
                module: "fact_drift".into(),
                scopes: false
            }
        );
        assert!(registry.contains("    FactDrift = \"fact-drift\" in fact_drift,\n"));

        let kind = std::fs::read_to_string(dir.path().join(KINDS).join("fact_drift.rs")).unwrap();
        assert!(kind.starts_with("//! # fact-drift\n"));
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Options",
        ] {
            assert!(kind.contains(&format!("//! {section}\n")), "{section}");
        }
        assert!(kind.contains("    id: \"fact-drift\",\n"));
        assert!(kind.contains("include_str!(\"fact_drift.rs\")"));
        assert!(kind.contains("pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding>"));
        assert!(!kind.contains("TODO") && !kind.contains("{name}") && !kind.contains("{module}"));

        let toml = std::fs::read_to_string(dir.path().join("rules/fact-drift.toml")).unwrap();
        assert!(toml.contains("id = \"fact-drift\"\nkind = \"fact-drift\"\n"));
        let fire = std::fs::read_to_string(
            dir.path()
                .join("tests/fixtures/rules/fact-drift/fire-example.md"),
        )
        .unwrap();
        let ok = std::fs::read_to_string(
            dir.path()
                .join("tests/fixtures/rules/fact-drift/ok-example.md"),
        )
        .unwrap();
        assert!(fire.starts_with("+++\n") && fire.contains("must report"));
        assert!(ok.contains("must not report"));
        let expect = std::fs::read_to_string(
            dir.path()
                .join("tests/fixtures/rules/fact-drift/expect.toml"),
        )
        .unwrap();
        assert!(expect.contains("\n[fire-example]\nline = 5\ntext = "));

        let doc = std::fs::read_to_string(dir.path().join(RULES_DOC)).unwrap();
        let section = doc.find("### `fact-drift`").unwrap();
        assert!(section < doc.find("## A whole new rule").unwrap());
        assert!(doc.contains("<!-- begin generated: params-fact-drift -->\n<!-- end generated: params-fact-drift -->\n"));

        // A second time, the name exists: refused, nothing changed.
        let err = scaffold(dir.path(), "fact-drift").unwrap_err().to_string();
        assert!(err.contains("exists"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(REGISTRY)).unwrap(),
            registry
        );
    }

    #[test]
    fn refuses_names_that_exist_or_are_not_kebab_case() {
        let dir = mirror();
        let registry = std::fs::read_to_string(dir.path().join(REGISTRY)).unwrap();
        for bad in [
            "Fact-Drift",
            "fact_drift",
            "fact--drift",
            "-fact",
            "fact-",
            "1fact",
            "",
            "fact drift",
        ] {
            let err = scaffold(dir.path(), bad).unwrap_err().to_string();
            assert!(err.contains("not a kebab-case rule ID"), "{bad}: {err}");
        }
        let err = scaffold(dir.path(), "count-mismatch")
            .unwrap_err()
            .to_string();
        assert!(err.contains("exists"), "{err}");
        let err = scaffold(dir.path(), "overlap").unwrap_err().to_string();
        assert!(err.contains("already a rule ID"), "{err}");
        std::fs::write(dir.path().join("rules/term-drift.toml"), "").unwrap();
        let err = scaffold(dir.path(), "term-drift").unwrap_err().to_string();
        assert!(err.contains("`rules/term-drift.toml` exists"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(REGISTRY)).unwrap(),
            registry
        );
        assert!(!dir.path().join(KINDS).join("term_drift.rs").exists());
    }

    #[test]
    fn names_convert() {
        assert_eq!(variant_name("count-mismatch"), "CountMismatch");
        assert_eq!(module_name("count-mismatch"), "count_mismatch");
        assert!(is_kebab_case("a1-b2"));
        assert!(
            parse_registry_line("CountMismatch = \"count-mismatch\" in count_mismatch [scopes],")
                .unwrap()
                .scopes
        );
        assert!(
            parse_registry_line("CountMismatch = \"count-mismatch\" in countmismatch,").is_err()
        );
        assert!(parse_registry_line("Count = \"count-mismatch\" in count_mismatch,").is_err());
    }
}
