//! `cargo xtask eval precision [--check|--record]` and `cargo xtask eval sample RULE
//! [N] [--all]`: every rule's precision on real news, measured by reading.
//!
//! factdiff runs (through `factdiff_pipeline::analyse`, with the built-in rules) on
//! Reuters-21578, on ECB+'s development half and on TempEval-3's TBAQ-cleaned news. Judged findings live in
//! `eval/judgments/RULE.jsonl`, one line each: the finding's evaluation fingerprint
//! (`eval_truth::eval_fingerprints`), its rule, its corpus, the quoted text of each
//! location, the verdict (`true`: an editor would act on it) and a short cause. The
//! findings to judge are a deterministic random sample per rule: each corpus's findings
//! ranked by a seeded hash of their fingerprint, taken from the corpora in turn, the
//! first N. Ranking by a hash of the fingerprint keeps the sample stable when a rule
//! changes: a finding that persists keeps its rank, so its judgment stays in the sample,
//! and a new finding takes its place by its own hash (shown as "not judged yet").
//!
//! `eval precision` prints per rule: findings reported, judged findings still reported,
//! the precision over those, the judged-true findings no longer reported (recall lost)
//! and the findings not judged yet. `--check` compares with `[precision]` of
//! `eval/figures.toml` and fails when a precision (over all corpora, or on one alone)
//! falls below the recorded one or more
//! judged-true findings are lost than recorded; `--record` writes today's figures.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use factdiff_findings::{Category, Finding};
use serde::{Deserialize, Serialize};

use crate::eval_truth::{
    self, ECBPLUS, EvalCorpus, PRECISION_CORPORA, REUTERS, TBAQ, bump, ratio, read_figures,
    recorded, round3, show, write_figures,
};
use crate::util::root;

/// The seed of the sample's ranking. Changing it draws another sample: never do, or
/// every judgment falls out of the sample.
const SEED: u64 = 13;

/// How many findings of each rule are judged at least (all when a rule has fewer).
pub const SAMPLE: usize = 40;

/// One judged finding: a line of `eval/judgments/RULE.jsonl`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    /// The evaluation fingerprint (`eval_truth::eval_fingerprints`).
    pub fingerprint: String,
    pub rule: String,
    /// `reuters`, `ecbplus-dev` or `tbaq`.
    pub corpus: String,
    /// Each location as `path[#record]: text`, the primary one first.
    pub quotes: Vec<String>,
    /// `true`: a real inconsistency (or repeated text, or an acronym to spell out)
    /// that an editor would act on; `false`: a false alarm.
    pub verdict: bool,
    /// Why, in a few words.
    pub cause: String,
}

/// A finding of a run with what the evaluation knows of it.
pub struct Reported<'a> {
    pub corpus: &'a EvalCorpus,
    pub finding: &'a Finding,
    pub fingerprint: String,
}

/// The corpora with their findings.
pub struct Run {
    pub corpora: Vec<(EvalCorpus, Vec<Finding>)>,
}

impl Run {
    /// Loads the corpora (Reuters, ECB+, TBAQ) and runs the built-in engines over each, every rule on: a
    /// rule off by default (acronym-undefined) is measured too, so that its figure
    /// says why it is off.
    pub fn new() -> Result<Run> {
        let mut engines = factdiff_pipeline::Engines::builtin();
        engines.rules.enable_all();
        let mut corpora = Vec::new();
        for corpus in [
            eval_truth::reuters()?,
            eval_truth::ecbplus()?,
            eval_truth::tbaq()?,
        ] {
            let findings = factdiff_pipeline::analyse(&corpus.corpus, &engines).findings;
            corpora.push((corpus, findings));
        }
        Ok(Run { corpora })
    }

    /// Every finding, corpus by corpus, in their total order.
    pub fn reported(&self) -> Vec<Reported<'_>> {
        let mut out = Vec::new();
        for (corpus, findings) in &self.corpora {
            let prints = eval_truth::eval_fingerprints(findings);
            for (finding, fingerprint) in findings.iter().zip(prints) {
                out.push(Reported {
                    corpus,
                    finding,
                    fingerprint,
                });
            }
        }
        out
    }
}

/// The folder of the judged samples.
pub fn judgments_dir() -> PathBuf {
    root().join("eval/judgments")
}

/// Every judgment of `eval/judgments/*.jsonl`, by fingerprint. A line that is not a
/// judgment, a rule that is not its file's, or a fingerprint judged twice is an error
/// naming the file and line.
pub fn read_judgments() -> Result<BTreeMap<String, Judgment>> {
    let dir = judgments_dir();
    let mut out: BTreeMap<String, Judgment> = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        let rule = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let shown = format!("eval/judgments/{rule}.jsonl");
        let text = std::fs::read_to_string(&file).with_context(|| format!("reading {shown}"))?;
        for (idx, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let judgment: Judgment = serde_json::from_str(line).with_context(|| {
                format!(
                    "{shown}:{}: not a judgment (fields: fingerprint, rule, corpus, quotes, \
                     verdict true or false, cause)",
                    idx + 1
                )
            })?;
            if judgment.rule != rule {
                bail!(
                    "{shown}:{}: a judgment of `{}` in the file of `{rule}`; move it to \
                     eval/judgments/{}.jsonl",
                    idx + 1,
                    judgment.rule,
                    judgment.rule
                );
            }
            if !PRECISION_CORPORA.contains(&judgment.corpus.as_str()) {
                bail!(
                    "{shown}:{}: corpus `{}` is not one of {}",
                    idx + 1,
                    judgment.corpus,
                    PRECISION_CORPORA.map(|c| format!("`{c}`")).join(", ")
                );
            }
            if judgment.cause.trim().is_empty() {
                bail!(
                    "{shown}:{}: the cause is empty; say why in a few words",
                    idx + 1
                );
            }
            if let Some(old) = out.insert(judgment.fingerprint.clone(), judgment) {
                bail!(
                    "{shown}:{}: fingerprint {} is judged twice; keep one line",
                    idx + 1,
                    old.fingerprint
                );
            }
        }
    }
    Ok(out)
}

/// The rank of a finding in the sample of its rule and corpus.
fn rank(fingerprint: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(fingerprint.as_bytes(), SEED)
}

/// The sample of one rule, in order: each corpus's findings ranked by [`rank`], then
/// taken from the corpora in turn (Reuters, ECB+, TBAQ, Reuters, ...), each until
/// it runs out.
pub fn ranked<'a>(reported: &'a [Reported<'a>], rule: &str) -> Vec<&'a Reported<'a>> {
    let mut lists: Vec<Vec<&Reported>> = PRECISION_CORPORA
        .iter()
        .map(|name| {
            let mut list: Vec<&Reported> = reported
                .iter()
                .filter(|r| r.corpus.name == *name && r.finding.rule == rule)
                .collect();
            list.sort_by(|a, b| {
                rank(&a.fingerprint)
                    .cmp(&rank(&b.fingerprint))
                    .then_with(|| a.fingerprint.cmp(&b.fingerprint))
            });
            list
        })
        .collect();
    let mut out = Vec::new();
    let mut cursors = vec![0usize; lists.len()];
    loop {
        let mut took = false;
        for (list, cursor) in lists.iter_mut().zip(cursors.iter_mut()) {
            if let Some(item) = list.get(*cursor) {
                out.push(*item);
                *cursor += 1;
                took = true;
            }
        }
        if !took {
            return out;
        }
    }
}

/// The figures of one rule.
#[derive(Default)]
struct RuleFigures {
    category: Option<Category>,
    reported: BTreeMap<&'static str, usize>,
    judged_true: BTreeMap<&'static str, usize>,
    judged_false: BTreeMap<&'static str, usize>,
    lost: Vec<String>,
    unjudged_in_sample: usize,
}

impl RuleFigures {
    fn judged(&self) -> usize {
        self.judged_true.values().sum::<usize>() + self.judged_false.values().sum::<usize>()
    }
    fn precision(&self) -> Option<f64> {
        ratio(self.judged_true.values().sum(), self.judged()).map(round3)
    }
    fn precision_in(&self, corpus: &str) -> Option<f64> {
        let t = self.judged_true.get(corpus).copied().unwrap_or(0);
        let f = self.judged_false.get(corpus).copied().unwrap_or(0);
        ratio(t, t + f).map(round3)
    }
}

/// The aim of the issue that asked for this evaluation: every contradiction rule and
/// overlap at least 0.9, acronym-undefined at least 0.8 (one definition, which
/// `factdiff rules explain` states too).
fn aim(category: Option<Category>) -> f64 {
    factdiff_pipeline::measured::aim(category.unwrap_or(Category::Contradiction))
}

pub fn run(args: &[String]) -> Result<bool> {
    let mut mode = "";
    for arg in args {
        match arg.as_str() {
            "--check" | "--record" if mode.is_empty() => mode = arg,
            other => bail!(
                "unknown argument `{other}`; usage: cargo xtask eval precision [--check | --record]"
            ),
        }
    }
    let judgments = read_judgments()?;
    let run = Run::new()?;
    let reported = run.reported();
    let mut rules: BTreeMap<String, RuleFigures> = BTreeMap::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for r in &reported {
        let figures = rules.entry(r.finding.rule.clone()).or_default();
        figures.category = Some(r.finding.category);
        bump(&mut figures.reported, r.corpus.name);
        if let Some(judgment) = judgments.get(&r.fingerprint) {
            seen.insert(&judgment.fingerprint);
            let counts = if judgment.verdict {
                &mut figures.judged_true
            } else {
                &mut figures.judged_false
            };
            bump(counts, r.corpus.name);
        }
    }
    for judgment in judgments.values() {
        if judgment.verdict && !seen.contains(judgment.fingerprint.as_str()) {
            rules
                .entry(judgment.rule.clone())
                .or_default()
                .lost
                .push(judgment.fingerprint.clone());
        }
    }
    let names: Vec<String> = rules.keys().cloned().collect();
    for rule in &names {
        let unjudged = ranked(&reported, rule)
            .into_iter()
            .take(SAMPLE)
            .filter(|r| !judgments.contains_key(&r.fingerprint))
            .count();
        rules.get_mut(rule).expect("listed").unjudged_in_sample = unjudged;
    }

    let articles: Vec<String> = run
        .corpora
        .iter()
        .map(|(c, f)| {
            format!(
                "{} ({} articles, {} findings)",
                c.name,
                c.corpus.articles.len(),
                f.len()
            )
        })
        .collect();
    println!(
        "cargo xtask eval precision: factdiff_pipeline::analyse, built-in rules, on {}; \
         judgments from eval/judgments/ ({} in all)",
        articles.join(" and "),
        judgments.len()
    );
    println!();
    println!(
        "| rule | reported | reuters | ecb+ | tbaq | judged & reported | true | precision | P reuters | P ecb+ | P tbaq | aim | judged true, lost | not judged yet | of them in the first {SAMPLE} |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (rule, f) in &rules {
        let reported: usize = f.reported.values().sum();
        let judged = f.judged();
        let t: usize = f.judged_true.values().sum();
        println!(
            "| {rule} | {reported} | {} | {} | {} | {judged} | {t} | {} | {} | {} | {} | {:.1} | {} | {} | {} |",
            f.reported.get(REUTERS).copied().unwrap_or(0),
            f.reported.get(ECBPLUS).copied().unwrap_or(0),
            f.reported.get(TBAQ).copied().unwrap_or(0),
            show(f.precision()),
            show(f.precision_in(REUTERS)),
            show(f.precision_in(ECBPLUS)),
            show(f.precision_in(TBAQ)),
            aim(f.category),
            f.lost.len(),
            reported - judged,
            f.unjudged_in_sample,
        );
    }
    for (rule, f) in &rules {
        for print in &f.lost {
            let j = &judgments[print];
            println!(
                "\nlost: {rule} {print} ({}), judged true: {}\n  {}",
                j.corpus,
                j.cause,
                j.quotes.join("\n  ")
            );
        }
    }
    let unjudged: usize = rules.values().map(|f| f.unjudged_in_sample).sum();
    if unjudged > 0 {
        println!(
            "\n{unjudged} findings of the samples are not judged yet: `cargo xtask eval sample RULE` \
             prints them in context with a line to fill in for eval/judgments/RULE.jsonl"
        );
    }

    let mut table = toml::Table::new();
    for (rule, f) in &rules {
        // A rule that reports nothing judged (acronym-undefined, off by default) has no
        // precision, but its lost judged-true findings are recorded all the same.
        let mut row = toml::Table::new();
        if let Some(precision) = f.precision() {
            row.insert("precision".into(), toml::Value::Float(precision));
        } else if f.lost.is_empty() {
            continue;
        }
        for corpus in PRECISION_CORPORA {
            if let Some(x) = f.precision_in(corpus) {
                row.insert(format!("precision-{corpus}"), toml::Value::Float(x));
            }
        }
        row.insert("judged".into(), toml::Value::Integer(f.judged() as i64));
        row.insert(
            "true".into(),
            toml::Value::Integer(f.judged_true.values().sum::<usize>() as i64),
        );
        row.insert("lost".into(), toml::Value::Integer(f.lost.len() as i64));
        table.insert(rule.clone(), toml::Value::Table(row));
    }
    match mode {
        "--record" => {
            write_figures("precision", table)?;
            println!(
                "\nrecorded in eval/figures.toml [precision]; review the change like a snapshot"
            );
            Ok(true)
        }
        "--check" => {
            let old = read_figures("precision")?;
            let mut failures = Vec::new();
            for (rule, f) in &rules {
                // Over all corpora, then on each alone (`precision-CORPUS`): a rule
                // that gains on one corpus may not hide a loss on another.
                let figures = [("precision".to_owned(), f.precision(), String::new())]
                    .into_iter()
                    .chain(PRECISION_CORPORA.map(|corpus| {
                        (
                            format!("precision-{corpus}"),
                            f.precision_in(corpus),
                            format!(" on {corpus}"),
                        )
                    }));
                for (field, now, on) in figures {
                    if let (Some(was), Some(now)) = (recorded(&old, rule, &field), now)
                        && now + 1e-9 < was
                    {
                        failures.push(format!(
                            "{rule}: precision{on} {now:.3} is below the recorded {was:.3}"
                        ));
                    }
                }
                let was_lost = recorded(&old, rule, "lost").unwrap_or(0.0) as usize;
                if f.lost.len() > was_lost {
                    failures.push(format!(
                        "{rule}: {} judged-true findings are no longer reported (recorded: {was_lost})",
                        f.lost.len()
                    ));
                }
            }
            for rule in old.keys() {
                if !rules.contains_key(rule) {
                    // Its judged-true findings, if any, are counted as lost above.
                    println!(
                        "note: {rule}: recorded, but it reports nothing on these corpora any more"
                    );
                }
            }
            if failures.is_empty() {
                println!(
                    "\ncheck: every precision is at or above the one recorded in eval/figures.toml, no judged-true finding lost"
                );
                Ok(true)
            } else {
                println!("\ncheck FAILED against eval/figures.toml [precision]:");
                for failure in &failures {
                    println!("  {failure}");
                }
                println!(
                    "fix the rule, or if the change is right (a finding judged true was wrong, say), \
                     correct eval/judgments/ and re-record with `cargo xtask eval precision --record`; \
                     the new figures are reviewed like a snapshot"
                );
                Ok(false)
            }
        }
        _ => Ok(true),
    }
}

/// `cargo xtask eval sample RULE... [N] [--all]`: the first N findings of each rule's
/// sample (default 40), each with its message, the text around every location and a
/// line for eval/judgments/RULE.jsonl with the verdict to fill in. Only the ones not
/// judged yet, unless `--all`.
pub fn sample(args: &[String]) -> Result<()> {
    let mut rules: Vec<String> = Vec::new();
    let mut n = SAMPLE;
    let mut all = false;
    for arg in args {
        match arg.as_str() {
            "--all" => all = true,
            a if a.starts_with(|c: char| c.is_ascii_digit()) => {
                n = a
                    .parse()
                    .with_context(|| format!("N is a whole number, not `{a}`"))?
            }
            a => rules.push(a.to_owned()),
        }
    }
    if rules.is_empty() {
        bail!("usage: cargo xtask eval sample RULE... [N] [--all]")
    }
    let judgments = read_judgments()?;
    let run = Run::new()?;
    let reported = run.reported();
    for rule in &rules {
        sample_rule(rule, n, all, &reported, &judgments)?;
    }
    Ok(())
}

fn sample_rule(
    rule: &str,
    n: usize,
    all: bool,
    reported: &[Reported<'_>],
    judgments: &BTreeMap<String, Judgment>,
) -> Result<()> {
    let sample = ranked(reported, rule);
    if sample.is_empty() {
        let rules: BTreeSet<&str> = reported.iter().map(|r| r.finding.rule.as_str()).collect();
        bail!(
            "`{rule}` reports nothing on these corpora; the rules that do: {}",
            rules.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    let total = sample.len();
    let mut shown = 0;
    for (idx, r) in sample.iter().take(n).enumerate() {
        let judged = judgments.get(&r.fingerprint);
        if judged.is_some() && !all {
            continue;
        }
        shown += 1;
        println!(
            "=== {rule} {}/{} of {total}  {}  {}  {}",
            idx + 1,
            n.min(total),
            r.corpus.name,
            r.fingerprint,
            judged.map_or_else(
                || "NOT JUDGED".to_owned(),
                |j| format!("judged {}: {}", j.verdict, j.cause)
            )
        );
        println!("message: {}", r.finding.message);
        let mut events = BTreeSet::new();
        let mut previous: Option<(&str, &Option<String>)> = None;
        for loc in &r.finding.locations {
            // Another place of the article just shown: a short window is enough.
            if previous == Some((loc.path.as_str(), &loc.article)) {
                if let Some(article) = r.corpus.article_of(loc) {
                    println!(
                        "  -- same article: {}",
                        eval_truth::context(article, loc, 120, 80)
                    );
                    continue;
                }
            }
            previous = Some((loc.path.as_str(), &loc.article));
            let Some(article) = r.corpus.article_of(loc) else {
                println!("  {} (article not found)", eval_truth::quote(loc));
                continue;
            };
            let event = r.corpus.event_of(&loc.path);
            if let Some(event) = event {
                events.insert(event.to_owned());
            }
            println!(
                "  -- {}{} line {}{}{}",
                loc.path,
                loc.article
                    .as_ref()
                    .map_or_else(String::new, |a| format!("#{a}")),
                loc.line,
                article
                    .meta
                    .date
                    .map_or_else(String::new, |d| format!(", dated {d}")),
                event.map_or_else(String::new, |e| format!(", event {e}")),
            );
            println!("     title: {}", article.meta.title);
            println!("     {}", eval_truth::context(article, loc, 350, 250));
        }
        if events.len() > 1 {
            println!(
                "  NOTE: the articles report different events ({})",
                events.into_iter().collect::<Vec<_>>().join(", ")
            );
        }
        let template = Judgment {
            fingerprint: r.fingerprint.clone(),
            rule: rule.to_owned(),
            corpus: r.corpus.name.to_owned(),
            quotes: r.finding.locations.iter().map(eval_truth::quote).collect(),
            verdict: false,
            cause: String::new(),
        };
        let line =
            serde_json::to_string(&template)?.replace("\"verdict\":false", "\"verdict\":VERDICT");
        println!("judgment: {line}\n");
    }
    let judged_in = sample
        .iter()
        .take(n)
        .filter(|r| judgments.contains_key(&r.fingerprint))
        .count();
    println!(
        "{rule}: {total} findings; of the first {}, {judged_in} judged, {shown} shown\n",
        n.min(total)
    );
    Ok(())
}
