//! Tidy: the house rules of ARCHITECTURE.md, checked by reading the manifests and the
//! sources (rust-analyzer keeps such a test). Each check names the offending file and
//! line, and says what the rule is.
//!
//! - The crate graph: the `[dependencies]` on workspace crates of every crate are exactly
//!   the edges drawn under `<!-- crate-graph -->` in ARCHITECTURE.md.
//! - No module cycle inside factdiff-claims and factdiff-corpus: a top-level module
//!   (`src/numbers.rs`, `src/dates/`) never reaches itself through `crate::module`
//!   paths (`use crate::numbers::...`, `crate::nouns::lemma(...)`).
//! - Only factdiff-corpus reads input files; besides it, only the lexicon loader
//!   (`factdiff-claims/src/lexicon.rs`), the rule loader (`factdiff-rules/src/load.rs`),
//!   the CLI (`crates/factdiff`, for the config, baseline and output) and xtask open
//!   files.
//! - Only the CLI and xtask print.
//! - No English word list in Rust: all vocabulary lives in `rules/lexicons/`. A run of
//!   string literals joined only by commas, `|` and white space (an array, a
//!   `matches!`, a match arm, on one line or written one item per line), three or more
//!   words of the lexicons or two as alternatives (`"and" | "but"`), is one, and so is
//!   an `==` chain (`w == "also" || w == "further"`). What stays written by hand is
//!   grammar, each set named with its reason in [`GRAMMAR`] (and in ARCHITECTURE.md).
//!
//! Code after `#[cfg(test)]` + `mod ...` (a crate's unit tests, kept at the end of a
//! file) is test code and may do both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::root;

/// The crates whose modules must form no cycle.
const ACYCLIC_CRATES: &[&str] = &["factdiff-claims", "factdiff-corpus"];

/// Files (relative to the workspace, `/`-separated prefixes) that may open files.
const MAY_OPEN_FILES: &[&str] = &[
    "crates/factdiff-corpus/",
    "crates/factdiff-claims/src/lexicon.rs",
    "crates/factdiff-rules/src/load.rs",
    "crates/factdiff/",
    "xtask/",
];

/// What opening, reading or writing a file looks like in the source.
const FILE_IO: &[&str] = &[
    "fs::read",
    "fs::write",
    "File::open",
    "File::create",
    "OpenOptions",
];

/// Files that may print.
const MAY_PRINT: &[&str] = &["crates/factdiff/", "xtask/"];

/// What printing looks like in the source.
const PRINTING: &[&str] = &[
    "print!(",
    "println!(",
    "eprint!(",
    "eprintln!(",
    "dbg!(",
    "io::stdout()",
    "io::stderr()",
];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("`{}`: {e}", path.display()))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The path of `file` relative to `base`, with `/`.
fn rel(base: &Path, file: &Path) -> String {
    file.strip_prefix(base)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The lines of a source file that are not unit-test code, numbered from 1, with
/// line comments dropped.
fn code_lines(src: &str) -> Vec<(usize, &str)> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "#[cfg(test)]"
            && lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim_start().starts_with("mod "))
        {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code));
    }
    out
}

// ---------------------------------------------------------------------------------
// The crate graph.

/// The edges drawn in ARCHITECTURE.md: crate -> the workspace crates it depends on.
fn drawn_graph(architecture: &str) -> BTreeMap<String, BTreeSet<String>> {
    let marker = "<!-- crate-graph -->";
    let after = architecture
        .split_once(marker)
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has no `{marker}` block"))
        .1;
    let body = after
        .split_once("```text\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .unwrap_or_else(|| panic!("ARCHITECTURE.md: no ```text block after `{marker}`"))
        .0;
    let mut graph = BTreeMap::new();
    for line in body.lines().filter(|l| !l.trim().is_empty()) {
        let (from, to) = line.split_once("->").unwrap_or_else(|| {
            panic!("ARCHITECTURE.md crate graph: `{line}` is not `crate -> dep, dep`")
        });
        let deps = to
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect();
        graph.insert(from.trim().to_owned(), deps);
    }
    graph
}

/// The workspace crates each crate's `[dependencies]` name, from its Cargo.toml.
fn manifest_graph(root: &Path) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut manifests: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|e| e.path().join("Cargo.toml"))
        .filter(|p| p.is_file())
        .collect();
    manifests.push(root.join("xtask/Cargo.toml"));
    manifests.sort();
    let mut graph = BTreeMap::new();
    for manifest in manifests {
        let table: toml::Table = toml::from_str(&read(&manifest))
            .unwrap_or_else(|e| panic!("`{}`: {e}", manifest.display()));
        let name = table["package"]["name"]
            .as_str()
            .expect("package.name")
            .to_owned();
        let deps = table
            .get("dependencies")
            .and_then(toml::Value::as_table)
            .map(|deps| {
                deps.keys()
                    .filter(|k| k.starts_with("factdiff"))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        graph.insert(name, (rel(root, &manifest), deps));
    }
    graph
}

/// How the manifests differ from the drawing, one line each.
fn graph_differences(
    drawn: &BTreeMap<String, BTreeSet<String>>,
    manifests: &BTreeMap<String, (String, BTreeSet<String>)>,
) -> Vec<String> {
    let mut errors = Vec::new();
    for (name, (manifest, deps)) in manifests {
        let Some(allowed) = drawn.get(name) else {
            errors.push(format!(
                "`{manifest}`: crate `{name}` is not in ARCHITECTURE.md's crate graph; add it \
                 with the crates it may depend on"
            ));
            continue;
        };
        for dep in deps.difference(allowed) {
            errors.push(format!(
                "`{manifest}`: `{name}` depends on `{dep}`, which ARCHITECTURE.md's crate graph \
                 does not allow; remove the dependency or change the graph (and say why)"
            ));
        }
        for dep in allowed.difference(deps) {
            errors.push(format!(
                "`{manifest}`: ARCHITECTURE.md's crate graph draws `{name} -> {dep}`, but \
                 `{name}` does not depend on it; keep the drawing true"
            ));
        }
    }
    for name in drawn.keys().filter(|n| !manifests.contains_key(*n)) {
        errors.push(format!(
            "ARCHITECTURE.md's crate graph names `{name}`, which no crates/*/Cargo.toml or \
             xtask/Cargo.toml is"
        ));
    }
    errors
}

#[test]
fn crate_graph_is_the_one_architecture_md_draws() {
    let root = root();
    let drawn = drawn_graph(&read(&root.join("ARCHITECTURE.md")));
    let errors = graph_differences(&drawn, &manifest_graph(&root));
    assert!(errors.is_empty(), "\n{}\n", errors.join("\n"));
}

// ---------------------------------------------------------------------------------
// Module cycles.

/// One `crate::module` reference: from module, to module, where.
#[derive(Clone, Debug)]
struct ModuleEdge {
    to: String,
    file: String,
    line: usize,
}

/// The top-level module a source file belongs to (`src/dates/calendar.rs` -> `dates`);
/// `None` for the crate root.
fn module_of(src_rel: &str) -> Option<String> {
    let first = src_rel.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_owned())
}

/// The top-level modules a line of code names through `crate::` (a `use` or a path;
/// `use crate::{a::x, B}` names `a`).
fn modules_named(code: &str, modules: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let heads: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or(group);
            inner.split(',').collect()
        } else {
            vec![rest]
        };
        for head in heads {
            let head = head.trim_start();
            let ident: String = head
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let is_path = head[ident.len()..].starts_with("::");
            if is_path && modules.contains(&ident) {
                out.push(ident);
            }
        }
    }
    out
}

/// The module graph of a crate's `src/`: module -> the modules it names.
fn module_graph(files: &[(String, String)]) -> BTreeMap<String, Vec<ModuleEdge>> {
    let modules: BTreeSet<String> = files.iter().filter_map(|(r, _)| module_of(r)).collect();
    let mut graph: BTreeMap<String, Vec<ModuleEdge>> = BTreeMap::new();
    for (file, text) in files {
        let Some(from) = module_of(file) else {
            continue;
        };
        let edges = graph.entry(from.clone()).or_default();
        for (line, code) in code_lines(text) {
            for to in modules_named(code, &modules) {
                if to != from && !edges.iter().any(|e| e.to == to) {
                    edges.push(ModuleEdge {
                        to,
                        file: file.clone(),
                        line,
                    });
                }
            }
        }
    }
    graph
}

/// A cycle of the graph, as its edges in order, if there is one.
fn find_cycle(graph: &BTreeMap<String, Vec<ModuleEdge>>) -> Option<Vec<(String, ModuleEdge)>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, Vec<ModuleEdge>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<(String, ModuleEdge)>,
    ) -> Option<Vec<(String, ModuleEdge)>> {
        if done.contains(node) {
            return None;
        }
        for edge in graph.get(node).into_iter().flatten() {
            if let Some(start) = path.iter().position(|(from, _)| *from == edge.to) {
                let mut cycle = path[start..].to_vec();
                cycle.push((node.to_owned(), edge.clone()));
                return Some(cycle);
            }
            if edge.to == node {
                continue;
            }
            path.push((node.to_owned(), edge.clone()));
            if let Some(c) = visit(&edge.to, graph, done, path) {
                return Some(c);
            }
            path.pop();
        }
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if let Some(c) = visit(node, graph, &mut done, &mut path) {
            return Some(c);
        }
    }
    None
}

fn describe_cycle(krate: &str, cycle: &[(String, ModuleEdge)]) -> String {
    let steps: Vec<String> = cycle
        .iter()
        .map(|(from, e)| format!("  `{from}` -> `{}` at `{}:{}`", e.to, e.file, e.line))
        .collect();
    format!(
        "module cycle in {krate}:\n{}\nmove what both sides need into a module of its own",
        steps.join("\n")
    )
}

fn sources_of(dir: &Path) -> Vec<(String, String)> {
    rust_files(dir)
        .into_iter()
        .map(|f| (rel(dir, &f), read(&f)))
        .collect()
}

#[test]
fn no_module_cycle_in_claims_and_corpus() {
    let root = root();
    let mut errors = Vec::new();
    for krate in ACYCLIC_CRATES {
        let src = root.join("crates").join(krate).join("src");
        let graph = module_graph(&sources_of(&src));
        if let Some(cycle) = find_cycle(&graph) {
            let cycle: Vec<(String, ModuleEdge)> = cycle
                .into_iter()
                .map(|(from, mut e)| {
                    e.file = format!("crates/{krate}/src/{}", e.file);
                    (from, e)
                })
                .collect();
            errors.push(describe_cycle(krate, &cycle));
        }
    }
    assert!(errors.is_empty(), "\n{}\n", errors.join("\n\n"));
}

#[test]
fn a_module_cycle_is_found_and_named() {
    let files = vec![
        ("lib.rs".to_owned(), "mod a;\nmod b;\nmod c;\n".to_owned()),
        (
            "a.rs".to_owned(),
            "use crate::{Thing, b::helper};\n".to_owned(),
        ),
        (
            "b/mod.rs".to_owned(),
            "// crate::a::x is only a comment\nfn f() { crate::c::g() }\n".to_owned(),
        ),
        (
            "c.rs".to_owned(),
            "#[cfg(test)]\nmod tests { use crate::a::x; }\n".to_owned(),
        ),
    ];
    let graph = module_graph(&files);
    assert!(find_cycle(&graph).is_none(), "{graph:?}");
    let mut files = files;
    files[3].1 = "use crate::a::helper;\n".to_owned();
    let cycle = find_cycle(&module_graph(&files)).expect("a cycle");
    let text = describe_cycle("demo", &cycle);
    assert_eq!(
        text,
        "module cycle in demo:\n  `a` -> `b` at `a.rs:1`\n  `b` -> `c` at `b/mod.rs:2`\n  \
         `c` -> `a` at `c.rs:1`\nmove what both sides need into a module of its own"
    );
}

// ---------------------------------------------------------------------------------
// File IO and printing.

/// The lines of library code (not in an allowed file) that contain one of `needles`.
fn offending_lines(root: &Path, allowed: &[&str], needles: &[&str]) -> Vec<String> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        for file in rust_files(&dir) {
            let name = rel(root, &file);
            if allowed.iter().any(|a| name.starts_with(a)) {
                continue;
            }
            let text = read(&file);
            for (line, code) in code_lines(&text) {
                if let Some(n) = needles.iter().find(|n| code.contains(*n)) {
                    out.push(format!("`{name}:{line}`: `{n}` in `{}`", code.trim()));
                }
            }
        }
    }
    out
}

#[test]
fn only_the_corpus_and_the_loaders_open_files() {
    let found = offending_lines(&root(), MAY_OPEN_FILES, FILE_IO);
    assert!(
        found.is_empty(),
        "\nonly factdiff-corpus reads input files (besides the lexicon and rule loaders, \
         the CLI and xtask); read through factdiff-corpus or take the bytes as an \
         argument:\n{}\n",
        found.join("\n")
    );
}

#[test]
fn only_the_cli_and_xtask_print() {
    let found = offending_lines(&root(), MAY_PRINT, PRINTING);
    assert!(
        found.is_empty(),
        "\nonly the CLI (crates/factdiff) and xtask print; return the text or a \
         `Problem` instead:\n{}\n",
        found.join("\n")
    );
}

// ---------------------------------------------------------------------------------
// English lives in one room.

/// Files (prefixes) that may hold English word lists, and why.
const MAY_HOLD_ENGLISH: &[(&str, &str)] = &[
    (
        "crates/factdiff-corpus/src/segment.rs",
        "sentence splitting's abbreviations (\"Mr.\", \"Sept.\"), which the corpus needs \
         before any lexicon is loaded (ARCHITECTURE.md: written by hand, and why)",
    ),
    (
        "crates/factdiff-corpus/src/formats/mod.rs",
        "the lower-case words a header line may hold beside its date (\"by\", \"updated\"), \
         which dating an article needs before any lexicon is loaded",
    ),
];

/// Word sets of factdiff-claims that stay in the Rust code: grammar, where each word
/// does its own thing, or the lexicon files' own schema. The file, the words as the
/// check finds them (in order, space-separated), and why.
const GRAMMAR: &[(&str, &str, &str)] = &[
    (
        "crates/factdiff-claims/src/lexicon.rs",
        "january february march april may june july august september october november \
         december",
        "the schema of `[months]`: the keys a lexicon file may use, which give each \
         spelling its month number",
    ),
    (
        "crates/factdiff-claims/src/lexicon.rs",
        "monday tuesday wednesday thursday friday saturday sunday",
        "the schema of `[weekdays]`: the keys a lexicon file may use",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "this last next",
        "relative-date grammar: `this`, `last` and `next` each shift the year or week by \
         their own amount (year_after, relative, the weekday rule)",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "last next this",
        "relative-date grammar: a weekday after `last`, `next` or `this` is resolved by \
         the relative rule, which shifts it",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "last this next past",
        "relative-date grammar: the shift of each word (`last` and `past` -1, `next` +1)",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "last past",
        "relative-date grammar: the words whose shift is -1",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "earlier later early late",
        "relative-date grammar: modifiers of `this`/`last`/`next` that the relative rule \
         takes into the expression",
    ),
    (
        "crates/factdiff-claims/src/dates/mod.rs",
        "now currently",
        "relative-date grammar: the words that resolve to PRESENT_REF (`recently` to \
         PAST_REF, `today` to the anchor)",
    ),
];

/// Every word of the lexicon files, lower case: keys and string values, split at
/// spaces.
fn lexicon_words(root: &Path) -> BTreeSet<String> {
    fn walk(value: &toml::Value, out: &mut BTreeSet<String>) {
        match value {
            toml::Value::String(s) => out.extend(s.to_lowercase().split(' ').map(str::to_owned)),
            toml::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            toml::Value::Table(table) => {
                for (key, v) in table {
                    out.insert(key.to_lowercase());
                    walk(v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("rules/lexicons"))
        .expect("rules/lexicons/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for file in files {
        let table: toml::Table = toml::from_str(&read(&file)).expect("a lexicon file");
        walk(&toml::Value::Table(table), &mut out);
    }
    out
}

/// The English word lists in a file's code (lines from [`code_lines`]): runs of string
/// literals joined only by commas, `|` and white space, across lines, with three or
/// more lower-case literals or two as alternatives (`|`), and `==` chains on one line
/// (`w == "also" || w == "further"`), every literal a word of the lexicons (a rule's
/// `placeholders` are names, not words). Each as its first line and its words, in
/// order, space-separated.
fn english_lists(lines: &[(usize, &str)], words: &BTreeSet<String>) -> Vec<(usize, String)> {
    let is_word = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase());
    let mut out = Vec::new();
    let mut keep = |line: usize, literals: &[&str], alternatives: bool| {
        let listed: Vec<&str> = literals.iter().copied().filter(|l| is_word(l)).collect();
        if (listed.len() >= 3 || alternatives && listed.len() >= 2)
            && listed.iter().all(|l| words.contains(*l))
        {
            out.push((line, listed.join(" ")));
        }
    };
    // Runs of literals: (first line, literals, whether `|` joins them).
    let mut run: Option<(usize, Vec<&str>, bool)> = None;
    // Whether only separators stand between the last literal and here.
    let mut joined = false;
    let mut alternative = false;
    for &(line, code) in lines {
        if code.contains("placeholders:") {
            joined = false;
            continue;
        }
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    let mut j = i + 1;
                    while j < bytes.len() && bytes[j] != b'"' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    let literal = &code[i + 1..j.min(bytes.len())];
                    if joined && let Some((_, literals, alt)) = &mut run {
                        literals.push(literal);
                        *alt |= alternative;
                    } else {
                        if let Some((at, literals, alt)) = run.take() {
                            keep(at, &literals, alt);
                        }
                        run = Some((line, vec![literal], false));
                    }
                    joined = true;
                    alternative = false;
                    i = j + 1;
                }
                // A character literal (`'"'`) is no string.
                b'\'' if bytes.get(i + 2) == Some(&b'\'') => {
                    joined = false;
                    i += 3;
                }
                b',' | b' ' | b'\t' => i += 1,
                b'|' => {
                    alternative = true;
                    i += 1;
                }
                _ => {
                    joined = false;
                    i += 1;
                }
            }
        }
    }
    if let Some((at, literals, alt)) = run.take() {
        keep(at, &literals, alt);
    }
    // `==` chains: `x == "a" || x == "b"`, one left side.
    for &(line, code) in lines {
        let mut chain: Vec<&str> = Vec::new();
        let mut left: Option<&str> = None;
        for part in code.split("||") {
            let compared = part.rsplit_once("==").and_then(|(lhs, rhs)| {
                let literal = rhs
                    .trim()
                    .trim_end_matches(['{', ')', ' '])
                    .strip_prefix('"')?
                    .strip_suffix('"')?;
                let lhs = lhs
                    .split_whitespace()
                    .last()?
                    .trim_start_matches(['(', '!', '&']);
                Some((lhs, literal))
            });
            match compared {
                Some((lhs, literal)) if left == Some(lhs) => chain.push(literal),
                Some((lhs, literal)) => {
                    keep(line, &chain, chain.len() >= 2);
                    chain = vec![literal];
                    left = Some(lhs);
                }
                None => {
                    keep(line, &chain, chain.len() >= 2);
                    chain.clear();
                    left = None;
                }
            }
        }
        keep(line, &chain, chain.len() >= 2);
    }
    out.sort();
    out
}

/// Whether one line of code lists English words (see [`english_lists`]).
fn lists_english(code: &str, words: &BTreeSet<String>) -> bool {
    !english_lists(&[(1, code)], words).is_empty()
}

#[test]
fn no_english_word_list_in_rust() {
    let root = root();
    let words = lexicon_words(&root);
    let allowed: Vec<&str> = MAY_HOLD_ENGLISH.iter().map(|(file, _)| *file).collect();
    let mut used = vec![false; GRAMMAR.len()];
    let mut found = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("crates"))
        .expect("crates/")
        .flatten()
        .map(|e| e.path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        for file in rust_files(&dir) {
            let name = rel(&root, &file);
            if allowed.iter().any(|a| name.starts_with(a)) {
                continue;
            }
            let text = read(&file);
            for (line, listed) in english_lists(&code_lines(&text), &words) {
                let grammar = GRAMMAR
                    .iter()
                    .position(|(f, w, _)| *f == name && w.split_whitespace().eq(listed.split(' ')));
                match grammar {
                    Some(g) => used[g] = true,
                    None => found.push(format!("`{name}:{line}`: {listed}")),
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "\nno English word list in the Rust code: move the words to a list of \
         rules/lexicons/ (read into `Lexicons` in factdiff-claims/src/lexicon.rs), or, for \
         grammar, name the set and why in tidy.rs's GRAMMAR and ARCHITECTURE.md:\n{}\n",
        found.join("\n")
    );
    let stale: Vec<String> = GRAMMAR
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|((file, w, _), _)| format!("`{file}`: {w}"))
        .collect();
    assert!(
        stale.is_empty(),
        "\nGRAMMAR names word sets the code no longer holds; remove them (and from \
         ARCHITECTURE.md):\n{}\n",
        stale.join("\n")
    );
}

#[test]
fn an_english_word_list_is_found() {
    let words: BTreeSet<String> = ["and", "but", "while", "said", "on"]
        .map(str::to_owned)
        .into();
    assert!(lists_english(
        r#"const W: &[&str] = &["and", "but", "while"];"#,
        &words
    ));
    assert!(lists_english(r#"matches!(w, "said" | "on")"#, &words));
    assert!(!lists_english(r#"matches!(w, "said")"#, &words));
    assert!(!lists_english(
        r#"placeholders: &["and", "but", "while"],"#,
        &words
    ));
    assert!(!lists_english(r#"["error", "warning", "info"]"#, &words));
    // `==` chains of one left side; a sequence of tests is no set.
    assert!(lists_english(
        r#"if toks[k].lower == "said" || toks[k].lower == "on" {"#,
        &words
    ));
    assert!(!lists_english(
        r#"s.lower(i) == "said" && s.lower(i + 1) == "on""#,
        &words
    ));
    assert!(!lists_english(r#"a == "said" || b == "on""#, &words));
    // Literals with other code between are no list.
    assert!(!lists_english(
        r#"[(1, "and"), (2, "but"), (3, "while")]"#,
        &words
    ));
    assert!(!lists_english(r#"f("and", x, "but", y, "while")"#, &words));
}

/// `matches!` and arrays written over several lines, as rustfmt breaks long ones, are
/// lists too: the run goes on across lines while only separators stand between.
#[test]
fn an_english_word_list_over_several_lines_is_found() {
    let words: BTreeSet<String> = ["and", "but", "while", "said", "on", "of"]
        .map(str::to_owned)
        .into();
    let src = "const A: &[&str] = &[\n    \"and\",\n    \"but\",\n    \"while\",\n];\n\
               fn f(w: &str) -> bool {\n    matches!(\n        w,\n        \"said\"\n            | \"on\"\n    )\n}\n\
               fn g(s: &S) -> bool { s.lower(1) == \"of\" }\n\
               #[cfg(test)]\nmod tests {\n    const T: &[&str] = &[\"and\", \"but\", \"while\"];\n}\n";
    let found = english_lists(&code_lines(src), &words);
    assert_eq!(
        found,
        vec![(2, "and but while".to_owned()), (9, "said on".to_owned())]
    );
}

// ---------------------------------------------------------------------------------
// Typed details.

/// What reads a finding's details by key name instead of by type.
const DETAIL_BY_KEY: &[&str] = &[
    "details.get(",
    "details[",
    "details.contains_key(",
    "serde_json::Map",
    "with_detail(",
];

/// The lines of library code in `crates/<krate>/src` that contain one of `needles`.
fn lines_of_crate(root: &Path, krate: &str, needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in rust_files(&root.join("crates").join(krate).join("src")) {
        let name = rel(root, &file);
        for (line, code) in code_lines(&read(&file)) {
            if let Some(n) = needles.iter().find(|n| code.contains(*n)) {
                out.push(format!("`{name}:{line}`: `{n}` in `{}`", code.trim()));
            }
        }
    }
    out
}

#[test]
fn details_are_typed_and_renderers_match_on_their_types() {
    let root = root();
    let mut found = Vec::new();
    for krate in [
        "factdiff-report",
        "factdiff-findings",
        "factdiff-rules",
        "factdiff-overlap",
        "factdiff-pipeline",
    ] {
        found.extend(lines_of_crate(&root, krate, DETAIL_BY_KEY));
    }
    assert!(
        found.is_empty(),
        "\na finding's details are typed (factdiff-findings' `RuleDetails`): fill them \
         with `Finding::with_details` and read them by their types (`Details::diff`, \
         `Details::overlap`, a match on `RuleDetails`), never by key name:\n{}\n",
        found.join("\n")
    );
}

#[test]
fn reading_a_detail_by_key_is_found_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("crates/factdiff-report/src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(
        src.join("html.rs"),
        "// details.get(\"kind\") in a comment is fine\nfn f(x: &F) { x.details.get(\"kind\"); }\n",
    )
    .unwrap();
    let found = lines_of_crate(dir.path(), "factdiff-report", DETAIL_BY_KEY);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("`crates/factdiff-report/src/html.rs:2`"),
        "{found:?}"
    );
}
