//! What the truthfulness evaluations share (`eval precision`, `eval sample`, `eval
//! planted`): the two real corpora, the evaluation's fingerprint of a finding, the text
//! around a location for a judge to read, and the recorded figures
//! (`eval/figures.toml`).
//!
//! The corpora: Reuters-21578 with its dates read (`target/xtask/reuters.jsonl`, from
//! `cargo xtask corpus reuters`) and ECB+'s development half
//! (`../shared/data/ecbplus-dev`, one Markdown file per article, many outlets per real
//! event). Each is loaded with paths relative to its own folder, so that what a run
//! prints and fingerprints does not depend on where the checkout is.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use factdiff_corpus::{Article, Corpus, LoadOptions};
use factdiff_findings::{Finding, Location};

use crate::util::{data_dir, root};

/// The name of the Reuters corpus in judgments and tables.
pub const REUTERS: &str = "reuters";
/// The name of the ECB+ corpus in judgments and tables.
pub const ECBPLUS: &str = "ecbplus-dev";
/// The name of TempEval-3's TBAQ-cleaned news (AP, NYT, Xinhua, WSJ, ...) in
/// judgments and tables.
pub const TBAQ: &str = "tbaq";
/// The corpora the precision evaluation reads, in the order its sample takes them.
pub const PRECISION_CORPORA: [&str; 3] = [REUTERS, ECBPLUS, TBAQ];

/// One corpus of an evaluation with what is known of its articles.
pub struct EvalCorpus {
    /// [`REUTERS`], [`ECBPLUS`] or [`TBAQ`].
    pub name: &'static str,
    pub corpus: Corpus,
    /// ECB+: file name -> the real event it reports (`manifest.jsonl`); empty for
    /// Reuters, whose articles are not grouped by event.
    pub events: HashMap<String, String>,
}

impl EvalCorpus {
    /// The article a location points into: by its record name in an archive, else by
    /// its path.
    pub fn article_of(&self, loc: &Location) -> Option<&Article> {
        // Articles are sorted by path, then record line; a linear scan is fast enough
        // for the few locations a judge reads.
        self.corpus
            .articles
            .iter()
            .find(|a| *a.path == *loc.path && a.record_name().map(str::to_owned) == loc.article)
    }

    /// The event an article of ECB+ reports, if known.
    pub fn event_of(&self, path: &str) -> Option<&str> {
        self.events.get(path).map(String::as_str)
    }
}

/// Reuters-21578 as `factdiff check target/xtask/reuters.jsonl` reads it from
/// `target/xtask/` (paths `reuters.jsonl`), building the JSONL first if needed.
pub fn reuters() -> Result<EvalCorpus> {
    let path = crate::corpus::reuters()?;
    Ok(EvalCorpus {
        name: REUTERS,
        corpus: crate::util::load_file(&path)?,
        events: HashMap::new(),
    })
}

/// TempEval-3's TBAQ-cleaned, as `cargo xtask corpus tbaq` writes it.
pub fn tbaq() -> Result<EvalCorpus> {
    let path = crate::corpus::tbaq()?;
    Ok(EvalCorpus {
        name: TBAQ,
        corpus: crate::util::load_file(&path)?,
        events: HashMap::new(),
    })
}

/// The folder of ECB+'s development half.
pub fn ecbplus_dir() -> Result<PathBuf> {
    Ok(data_dir()?.join("ecbplus-dev"))
}

/// ECB+'s development half, read from `dir` with paths relative to it.
pub fn ecbplus() -> Result<EvalCorpus> {
    let dir = ecbplus_dir()?;
    Ok(EvalCorpus {
        name: ECBPLUS,
        corpus: load_markdown_folder(&dir)?,
        events: events(&dir)?,
    })
}

/// Every `.md` file of `dir` (not below it), named explicitly: ECB+'s `.ignore` keeps
/// its files out of a walk, which is right for `factdiff check` on a checkout beside
/// it, but here they are the corpus. Paths are relative to `dir`.
pub fn load_markdown_folder(dir: &Path) -> Result<Corpus> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "SOURCE.md"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .md articles in {}", dir.display());
    }
    let options = LoadOptions {
        cwd: dir.to_path_buf(),
        exclude: Vec::new(),
    };
    let corpus = factdiff_corpus::load(&files, &options)?;
    if let Some(problem) = corpus.problems.first() {
        bail!("{}: {problem:?}", dir.display());
    }
    Ok(corpus)
}

/// ECB+'s `manifest.jsonl`: file name -> event id.
pub fn events(dir: &Path) -> Result<HashMap<String, String>> {
    #[derive(serde::Deserialize)]
    struct Entry {
        file: String,
        event: String,
    }
    let path = dir.join("manifest.jsonl");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut events = HashMap::new();
    for (idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let entry: Entry = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a manifest entry", path.display(), idx + 1))?;
        events.insert(entry.file, entry.event);
    }
    Ok(events)
}

/// The evaluation's fingerprint of each finding, in the findings' order: factdiff's own
/// fingerprint (rule, paths, quoted texts; see `factdiff_findings::Finding::new`) over
/// locations whose path also names the record of an archive (`reuters.jsonl#1234`).
/// factdiff's fingerprint of a finding in a JSONL archive hashes only the file's path,
/// so two findings on the same words in different stories ("GNP" undefined in two
/// stories) differ only by a `-2` suffix that depends on every finding before them;
/// with the record in the path, a judgment stays attached to its finding when other
/// findings come and go. Paths are relative to the corpus folder, so the fingerprints
/// are the same on any clone. A fingerprint that still repeats gets `-2`, `-3`, ... in
/// the findings' total order, as factdiff's do.
pub fn eval_fingerprints(findings: &[Finding]) -> Vec<String> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let locations: Vec<Location> = finding
                .locations
                .iter()
                .map(|loc| {
                    let mut loc = loc.clone();
                    if let Some(name) = &loc.article {
                        loc.path = format!("{}#{name}", loc.path);
                    }
                    loc
                })
                .collect();
            let print = Finding::new(
                finding.rule.clone(),
                finding.category,
                finding.severity,
                "",
                locations,
            )
            .fingerprint;
            let count = seen.entry(print.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                format!("{print}-{count}")
            } else {
                print
            }
        })
        .collect()
}

/// How a location is named in a judgment: `reuters.jsonl#1234: text` or
/// `t01_ecb_01.md: text`, the text on one line and cut to 200 characters.
pub fn quote(loc: &Location) -> String {
    let name = match &loc.article {
        Some(article) => format!("{}#{article}", loc.path),
        None => loc.path.clone(),
    };
    let text: String = loc.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = if text.chars().count() > 200 {
        format!("{}…", text.chars().take(200).collect::<String>())
    } else {
        text
    };
    format!("{name}: {text}")
}

/// The byte range of a location in its article's text: its offsets when they hold its
/// text (always, for a record of an archive and a file without a BOM or CRLF), else
/// the occurrence of its text nearest to them.
pub fn text_range(article: &Article, loc: &Location) -> Option<std::ops::Range<usize>> {
    let text = &article.text;
    if text.get(loc.byte_start..loc.byte_end) == Some(loc.text.as_str()) {
        return Some(loc.byte_start..loc.byte_end);
    }
    text.match_indices(loc.text.as_str())
        .map(|(start, _)| start)
        .min_by_key(|start| start.abs_diff(loc.byte_start))
        .map(|start| start..start + loc.text.len())
}

/// The text around a location for a judge: up to `before` and `after` bytes either
/// side (cut at a character boundary), the location itself between ⟦ and ⟧ (cut in its
/// middle when longer than 600 bytes), line breaks shown as ¶.
pub fn context(article: &Article, loc: &Location, before: usize, after: usize) -> String {
    let text = &article.text;
    let body = article.body.start as usize..article.body.end as usize;
    let Some(range) = text_range(article, loc) else {
        return format!("⟦{}⟧ (not found in the article's text)", loc.text);
    };
    let mut start = range.start.saturating_sub(before).max(body.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + after).min(body.end.max(range.end));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let inner = &text[range.clone()];
    let inner = if inner.len() > 600 {
        let mut a = 280;
        while !inner.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = inner.len() - 280;
        while !inner.is_char_boundary(b) {
            b += 1;
        }
        format!("{} […] {}", &inner[..a], &inner[b..])
    } else {
        inner.to_owned()
    };
    let flat = |s: &str| s.replace("\r\n", " ¶ ").replace('\n', " ¶ ");
    format!(
        "{}{}⟦{}⟧{}{}",
        if start > body.start { "…" } else { "" },
        flat(&text[start..range.start]),
        flat(&inner),
        flat(&text[range.end..end]),
        if end < body.end { "…" } else { "" },
    )
}

/// `eval/figures.toml`: the figures each evaluation recorded, one table per evaluation
/// (`[precision.RULE]`, `[planted.KIND]`, ...). Read and written as a plain TOML table so
/// that one evaluation's `--record` keeps the others' tables as they are.
pub fn figures_path() -> PathBuf {
    root().join("eval/figures.toml")
}

/// The recorded table of one evaluation (empty when none is recorded).
pub fn read_figures(section: &str) -> Result<toml::Table> {
    let path = figures_path();
    if !path.is_file() {
        return Ok(toml::Table::new());
    }
    let text = std::fs::read_to_string(&path)?;
    let table: toml::Table = toml::from_str(&text)
        .map_err(|err| anyhow::anyhow!("{}: not valid TOML: {err}", path.display()))?;
    match table.get(section) {
        None => Ok(toml::Table::new()),
        Some(toml::Value::Table(t)) => Ok(t.clone()),
        Some(_) => bail!("{}: `{section}` must be a table", path.display()),
    }
}

/// Replaces the table of one evaluation in `eval/figures.toml`, keeping the others.
pub fn write_figures(section: &str, figures: toml::Table) -> Result<()> {
    let path = figures_path();
    let mut table: toml::Table = if path.is_file() {
        toml::from_str(&std::fs::read_to_string(&path)?)
            .map_err(|err| anyhow::anyhow!("{}: not valid TOML: {err}", path.display()))?
    } else {
        toml::Table::new()
    };
    table.insert(section.to_owned(), toml::Value::Table(figures));
    let header = "# Figures recorded by the truthfulness evaluations (docs/evaluation.md), one table\n\
                  # per evaluation. `cargo xtask eval NAME --check` fails when a figure gets worse\n\
                  # than recorded here; `cargo xtask eval NAME --record` rewrites its table. Raising\n\
                  # (or lowering) a figure is a reviewed change, like a snapshot.\n\n";
    let body = toml::to_string(&table)?;
    std::fs::create_dir_all(path.parent().expect("eval/"))?;
    std::fs::write(&path, format!("{header}{body}"))
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// A number of a recorded table: `table[key][field]`.
pub fn recorded(table: &toml::Table, key: &str, field: &str) -> Option<f64> {
    let value = table.get(key)?.get(field)?;
    value
        .as_float()
        .or_else(|| value.as_integer().map(|i| i as f64))
}

/// `part / whole`, or `None` for an empty whole.
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// A ratio as `0.875`, or `-` when there is none.
pub fn show(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// Rounds to three decimals, as figures are printed and recorded.
pub fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// A `BTreeMap` of counts, increased by one at `key`.
pub fn bump<K: Ord>(map: &mut BTreeMap<K, usize>, key: K) {
    *map.entry(key).or_default() += 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use factdiff_findings::{Category, Role, Severity};

    fn loc(path: &str, article: Option<&str>, text: &str) -> Location {
        Location {
            role: Role::Primary,
            path: path.to_owned(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            byte_start: 0,
            byte_end: text.len(),
            field: article.map(|_| "text".to_owned()),
            article: article.map(str::to_owned),
            text: text.into(),
        }
    }

    fn finding(locations: Vec<Location>) -> Finding {
        Finding::new(
            "acronym-undefined",
            Category::Style,
            Severity::Info,
            "m",
            locations,
        )
    }

    #[test]
    fn fingerprints_name_the_record_so_they_do_not_depend_on_other_findings() {
        let a = finding(vec![loc("reuters.jsonl", Some("12"), "GNP")]);
        let b = finding(vec![loc("reuters.jsonl", Some("99"), "GNP")]);
        // factdiff's own fingerprints of the two are alike but for a suffix...
        assert_eq!(a.fingerprint, b.fingerprint);
        // ...the evaluation's differ, and each is the same with or without the other.
        let both = eval_fingerprints(&[a.clone(), b.clone()]);
        assert_ne!(both[0], both[1]);
        assert!(!both[1].contains('-'));
        assert_eq!(eval_fingerprints(std::slice::from_ref(&b))[0], both[1]);
        // A file's finding keeps factdiff's fingerprint.
        let file = finding(vec![loc("t01_ecb_01.md", None, "GNP")]);
        assert_eq!(
            eval_fingerprints(std::slice::from_ref(&file))[0],
            file.fingerprint
        );
        // A true repeat gets a suffix.
        assert_eq!(
            eval_fingerprints(&[a.clone(), a])[1],
            format!("{}-2", both[0])
        );
    }

    #[test]
    fn quotes_name_the_record_and_fold_the_text() {
        let l = loc("reuters.jsonl", Some("7"), "two\n  lines");
        assert_eq!(quote(&l), "reuters.jsonl#7: two lines");
    }

    #[test]
    fn ratios_round_and_show() {
        assert_eq!(ratio(1, 0), None);
        assert_eq!(show(ratio(2, 3).map(round3)), "0.667");
        assert_eq!(show(None), "-");
    }
}
