//! `cargo xtask eval stories [--check] [--with KEY=VALUE]...`: the story stage against
//! the events of ECB+ (development half, `../shared/data/ecbplus-dev`): 21 topics of
//! two similar real events each, every event reported by many outlets. The gold
//! clustering is the manifest's event of each article (articles of different topics
//! are different events). Prints pairwise precision, recall and F1 of "same story"
//! and B-cubed precision, recall and F1, beside a naive baseline in the same run:
//! TF-IDF cosine of the articles' content words, single link above a threshold, the
//! threshold being the best of a sweep on this very data (so the baseline is given its
//! best chance). `--check` fails when a figure falls below `eval/figures.toml`'s
//! `[stories]`, `--record` rewrites that table (only it); `--with` overrides a
//! `[stories]` parameter for one run (tuning). With `FACTDIFF_EVAL_VERBOSE` set, it
//! prints the mixed stories and every pair it gets wrong (a false link, a missed
//! same-event pair) with both signatures in short (date, leading days, most frequent
//! names, title) and the pair's score and veto, which is what to read before changing
//! the evidence.
//! Beside ECB+, the stories of Reuters-21578 (`target/xtask/reuters.jsonl`) read as an
//! editor: `eval/stories/reuters.jsonl` holds one judgment a line (the story's
//! articles by Reuters' ids, their titles, whether they report one real event, and why
//! not), a seeded random sample of the stories of two articles or more. A judged story
//! still found (the same articles, no more, no fewer) counts for the Reuters precision;
//! a story not judged is counted and shown, as `eval precision` does for findings, so
//! that a change of the stage is read before it is recorded. `--check` fails when that
//! precision falls below `reuters_precision` of `[stories]` too. With
//! `FACTDIFF_EVAL_DUMP_REUTERS=FILE` it writes every Reuters article's signature (its
//! id and `Signature`, one JSON line each, about 40 MB): what a quick experiment on the
//! judged stories' pairs reads outside the crate. With `FACTDIFF_EVAL_LINKS=FILE` it
//! writes ECB+'s scored candidate pairs, one a line (`a b score own veto`, the
//! articles by their index in `FACTDIFF_EVAL_DUMP`'s lines): with the dump, what a
//! script replays the clustering on.
//! Through the library (factdiff-stories), not the binary.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::{Context, Result, bail};
use factdiff_corpus::{Corpus, Input};
use factdiff_stories::{Signature, StoryConfig, Veto};
use rayon::prelude::*;

/// Pairwise and B-cubed precision, recall and F1 of a clustering against the gold.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    pub pair_p: f64,
    pub pair_r: f64,
    pub pair_f: f64,
    pub b3_p: f64,
    pub b3_r: f64,
    pub b3_f: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Scores `predicted` (a cluster label per item) against `gold`.
pub fn score(gold: &[usize], predicted: &[usize]) -> Scores {
    let n = gold.len();
    let (mut tp, mut fp, mut fnn) = (0u64, 0u64, 0u64);
    for i in 0..n {
        for j in i + 1..n {
            match (gold[i] == gold[j], predicted[i] == predicted[j]) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fnn += 1,
                _ => {}
            }
        }
    }
    let pair_p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let pair_r = if tp + fnn == 0 {
        1.0
    } else {
        tp as f64 / (tp + fnn) as f64
    };
    let (mut b3_p, mut b3_r) = (0.0, 0.0);
    for i in 0..n {
        let (mut both, mut in_pred, mut in_gold) = (0.0, 0.0, 0.0);
        for j in 0..n {
            let g = gold[i] == gold[j];
            let p = predicted[i] == predicted[j];
            if g && p {
                both += 1.0;
            }
            if p {
                in_pred += 1.0;
            }
            if g {
                in_gold += 1.0;
            }
        }
        b3_p += both / in_pred;
        b3_r += both / in_gold;
    }
    b3_p /= n.max(1) as f64;
    b3_r /= n.max(1) as f64;
    Scores {
        pair_p,
        pair_r,
        pair_f: f1(pair_p, pair_r),
        b3_p,
        b3_r,
        b3_f: f1(b3_p, b3_r),
    }
}

/// Single-link clusters of the pairs whose score reaches `threshold`.
fn single_link(n: usize, pairs: &[(usize, usize, f64)], threshold: f64) -> Vec<usize> {
    let mut sets = factdiff_stories::DisjointSets::new(n);
    for &(a, b, s) in pairs {
        if s >= threshold {
            sets.union(a, b);
        }
    }
    sets.roots()
}

/// The baseline's scores: TF-IDF cosine of content words (the signatures' words less
/// their figures) for every pair.
fn baseline_pairs(sigs: &[Signature]) -> Vec<(usize, usize, f64)> {
    let n = sigs.len() as f64;
    let mut df: HashMap<&str, f64> = HashMap::new();
    for sig in sigs {
        for (w, _) in sig.words.iter().filter(|(w, _)| !w.starts_with('#')) {
            *df.entry(w.as_str()).or_default() += 1.0;
        }
    }
    let vectors: Vec<BTreeMap<&str, f64>> = sigs
        .iter()
        .map(|sig| {
            let mut v: BTreeMap<&str, f64> = sig
                .words
                .iter()
                .filter(|(w, _)| !w.starts_with('#'))
                .map(|(w, tf)| (w.as_str(), f64::from(*tf) * (n / df[w.as_str()]).ln()))
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
            v.values_mut().for_each(|x| *x /= norm);
            v
        })
        .collect();
    (0..vectors.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let vectors = &vectors;
            (a + 1..vectors.len()).map(move |b| {
                let dot = vectors[a]
                    .iter()
                    .filter_map(|(w, x)| vectors[b].get(w).map(|y| x * y))
                    .sum::<f64>();
                (a, b, dot)
            })
        })
        .collect()
}

fn parse_args(args: &[String]) -> Result<(Mode, StoryConfig)> {
    let mut check = Mode::Print;
    let mut with = String::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--check" => check = Mode::Check,
            "--record" => check = Mode::Record,
            "--with" => {
                let kv = it.next().context("--with needs KEY=VALUE")?;
                with.push_str(kv);
                with.push('\n');
            }
            other => {
                bail!("unknown argument `{other}`; expected --check, --record or --with KEY=VALUE")
            }
        }
    }
    let config: StoryConfig = toml::from_str(&with).context("--with: not a [stories] parameter")?;
    config.validate().map_err(anyhow::Error::msg)?;
    Ok((check, config))
}

/// What to do with the figures besides printing them.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Print,
    Check,
    Record,
}

/// One article's signature in short, for reading a wrong pair.
fn brief(sig: &Signature, path: &str, event: &str, title: &str) -> String {
    let mut names: Vec<&(String, u32)> = sig.names.iter().collect();
    names.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let names: Vec<String> = names
        .iter()
        .take(6)
        .map(|(n, tf)| format!("{n}:{tf}"))
        .collect();
    let mut days: Vec<&(String, u32)> = sig.dates.iter().collect();
    days.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let days: Vec<String> = days
        .iter()
        .take(3)
        .map(|(d, n)| format!("{d}:{n}"))
        .collect();
    let title: String = title.chars().take(90).collect();
    format!(
        "{path} [{event}] date {} days [{}] names [{}] {title:?}",
        sig.date.map_or("-".to_owned(), |d| d.to_string()),
        days.join(" "),
        names.join(" "),
    )
}

pub fn run(args: &[String]) -> Result<()> {
    let (check, config) = parse_args(args)?;
    let dir = crate::util::data_dir()?.join("ecbplus-dev");
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl"))
        .context("reading ecbplus-dev/manifest.jsonl")?;
    let mut event_of: BTreeMap<String, String> = BTreeMap::new();
    let mut topic_of: BTreeMap<String, u64> = BTreeMap::new();
    let mut inputs = Vec::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line)?;
        let file = record["file"]
            .as_str()
            .context("manifest: no file")?
            .to_owned();
        let event = record["event"]
            .as_str()
            .context("manifest: no event")?
            .to_owned();
        let bytes = std::fs::read(dir.join(&file)).with_context(|| format!("reading {file}"))?;
        topic_of.insert(file.clone(), record["topic"].as_u64().unwrap_or(0));
        event_of.insert(file.clone(), event);
        inputs.push(Input { path: file, bytes });
    }
    let corpus = Corpus::from_inputs(inputs);
    let lexicons = factdiff_claims::Lexicons::builtin();
    let claims: Vec<factdiff_claims::ArticleClaims> = corpus
        .articles
        .par_iter()
        .map(|a| factdiff_claims::ArticleClaims::extract(a, &lexicons))
        .collect();
    let started = std::time::Instant::now();
    let sigs = factdiff_stories::signatures(&corpus, &claims, &lexicons);
    let stories = factdiff_stories::group_signatures(&corpus, &sigs, &config);
    let elapsed = started.elapsed();
    if let Some(dump) = std::env::var_os("FACTDIFF_EVAL_DUMP") {
        // Every article's signature with its event, title and story found (`null`:
        // alone), one JSON line each: what a quick experiment outside the crate reads.
        let mut out = String::new();
        for (i, (article, sig)) in corpus.articles.iter().zip(&sigs).enumerate() {
            let line = serde_json::json!({
                "path": article.path,
                "event": event_of[&*article.path],
                "title": article.meta.title,
                "sig": sig,
                "story": stories.index_of(i),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        std::fs::write(&dump, out).context("writing FACTDIFF_EVAL_DUMP")?;
    }

    let mut events: BTreeMap<&str, usize> = BTreeMap::new();
    let gold: Vec<usize> = corpus
        .articles
        .iter()
        .map(|a| {
            let next = events.len();
            *events.entry(event_of[&*a.path].as_str()).or_insert(next)
        })
        .collect();
    let n = corpus.articles.len();
    let predicted: Vec<usize> = (0..n)
        .map(|i| stories.index_of(i).map_or(i, |s| n + s))
        .collect();
    let ours = score(&gold, &predicted);

    // The diagnostics: candidates, vetoes, and the pairs of different events linked.
    let links = factdiff_stories::links(&sigs, &config);
    if let Some(dump) = std::env::var_os("FACTDIFF_EVAL_LINKS") {
        let mut out = String::new();
        for l in &links {
            out.push_str(&format!(
                "{} {} {} {} {:?}\n",
                l.a, l.b, l.score, l.direct, l.veto
            ));
        }
        std::fs::write(&dump, out).context("writing FACTDIFF_EVAL_LINKS")?;
    }
    let same_cands = links.iter().filter(|l| gold[l.a] == gold[l.b]).count();
    let vetoes = |v: Veto| links.iter().filter(|l| l.veto == Some(v)).count();
    let wrong_vetoes = |v: Veto| {
        links
            .iter()
            .filter(|l| l.veto == Some(v) && gold[l.a] == gold[l.b])
            .count()
    };

    let base_pairs = baseline_pairs(&sigs);
    let mut best = (0.0, Scores::default());
    for step in 1..=19 {
        let t = f64::from(step) * 0.05;
        let s = score(&gold, &single_link(n, &base_pairs, t));
        if s.pair_f > best.1.pair_f {
            best = (t, s);
        }
    }

    println!(
        "ecbplus-dev: {n} articles, {} events; {} stories found ({} articles in none) in {:.0} ms",
        events.len(),
        stories.stories.len(),
        stories.of_article.iter().filter(|s| s.is_none()).count(),
        elapsed.as_secs_f64() * 1000.0
    );
    println!(
        "  candidates {} ({} same event); vetoes: dates {} ({} wrong), event days {} ({} wrong), names {} ({} wrong), headlines {} ({} wrong), subjects {} ({} wrong), tickers {} ({} wrong)",
        links.len(),
        same_cands,
        vetoes(Veto::Dates),
        wrong_vetoes(Veto::Dates),
        vetoes(Veto::EventDays),
        wrong_vetoes(Veto::EventDays),
        vetoes(Veto::Names),
        wrong_vetoes(Veto::Names),
        vetoes(Veto::Headline),
        wrong_vetoes(Veto::Headline),
        vetoes(Veto::Subjects),
        wrong_vetoes(Veto::Subjects),
        vetoes(Veto::Tickers),
        wrong_vetoes(Veto::Tickers),
    );
    println!(
        "  {:<44} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
        "", "pair P", "pair R", "pair F", "B3 P", "B3 R", "B3 F"
    );
    let row = |name: &str, s: &Scores| {
        println!(
            "  {name:<44} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}",
            s.pair_p, s.pair_r, s.pair_f, s.b3_p, s.b3_r, s.b3_f
        );
    };
    row("factdiff stories", &ours);
    // The two halves of the topics (the 1st, 3rd, ... and the 2nd, 4th, ...): a
    // setting chosen on one half and read on the other, against fitting one topic.
    let topics: Vec<u64> = {
        let mut t: Vec<u64> = topic_of.values().copied().collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    for half in 0..2 {
        let members: Vec<usize> = (0..n)
            .filter(|&i| {
                let topic = topic_of[&*corpus.articles[i].path];
                topics.binary_search(&topic).is_ok_and(|k| k % 2 == half)
            })
            .collect();
        let g: Vec<usize> = members.iter().map(|&i| gold[i]).collect();
        let p: Vec<usize> = members.iter().map(|&i| predicted[i]).collect();
        row(
            &format!("  topics half {} ({} articles)", half + 1, members.len()),
            &score(&g, &p),
        );
    }
    row(
        &format!("baseline: TF-IDF cosine, single link >= {:.2}", best.0),
        &best.1,
    );
    if std::env::var_os("FACTDIFF_EVAL_VERBOSE").is_some() {
        for (i, story) in stories.members.iter().enumerate() {
            let mut by_event: BTreeMap<&str, usize> = BTreeMap::new();
            for &m in story {
                *by_event
                    .entry(event_of[&*corpus.articles[m].path].as_str())
                    .or_default() += 1;
            }
            if by_event.len() > 1 {
                println!(
                    "  mixed story {i}: {by_event:?} {}",
                    stories.stories[i].title
                );
            }
        }
    }

    if std::env::var_os("FACTDIFF_EVAL_VERBOSE").is_some() {
        let by_pair: HashMap<(usize, usize), &factdiff_stories::Link> =
            links.iter().map(|l| ((l.a, l.b), l)).collect();
        let show = |a: usize, b: usize| {
            let article = |i: usize| {
                let art = &corpus.articles[i];
                brief(
                    &sigs[i],
                    &art.path,
                    event_of[&*art.path].as_str(),
                    &art.meta.title,
                )
            };
            let link = by_pair
                .get(&(a, b))
                .map_or("not a candidate".to_owned(), |l| {
                    format!(
                        "score {:.3} (own {:.3}) veto {:?}",
                        l.score, l.direct, l.veto
                    )
                });
            println!("    {link}\n      {}\n      {}", article(a), article(b));
        };
        for (what, linked) in [("false link", true), ("missed pair", false)] {
            let mut count = 0;
            for a in 0..n {
                for b in a + 1..n {
                    let same_story = predicted[a] == predicted[b];
                    if same_story == linked && (gold[a] == gold[b]) != linked {
                        count += 1;
                        println!("  {what}:");
                        show(a, b);
                    }
                }
            }
            println!("  {count} pairs: {what}");
        }
    }

    let reuters = reuters_read(&config, &lexicons)?;
    let reuters_p = reuters.precision().unwrap_or(0.0);
    if check == Mode::Record {
        let mut table = toml::Table::new();
        for (key, value) in [
            ("pairwise_precision", ours.pair_p),
            ("pairwise_recall", ours.pair_r),
            ("pairwise_f1", ours.pair_f),
            ("bcubed_precision", ours.b3_p),
            ("bcubed_recall", ours.b3_r),
            ("bcubed_f1", ours.b3_f),
            ("reuters_precision", reuters_p),
        ] {
            table.insert(
                key.to_owned(),
                toml::Value::Float((value * 1000.0).round() / 1000.0),
            );
        }
        crate::eval_truth::write_figures("stories", table)?;
        println!("  recorded in eval/figures.toml [stories]; review the change like a snapshot");
    }
    if check == Mode::Check {
        let text = std::fs::read_to_string(crate::util::root().join("eval/figures.toml"))
            .context("reading eval/figures.toml")?;
        let figures: toml::Table = toml::from_str(&text).context("eval/figures.toml")?;
        let table = figures
            .get("stories")
            .and_then(|t| t.as_table())
            .context("eval/figures.toml has no [stories] table")?;
        let mut failed = Vec::new();
        for (key, value) in [
            ("pairwise_precision", ours.pair_p),
            ("pairwise_recall", ours.pair_r),
            ("pairwise_f1", ours.pair_f),
            ("bcubed_precision", ours.b3_p),
            ("bcubed_recall", ours.b3_r),
            ("bcubed_f1", ours.b3_f),
            ("reuters_precision", reuters_p),
        ] {
            let floor = table
                .get(key)
                .and_then(|v| v.as_float())
                .with_context(|| format!("eval/figures.toml [stories] has no `{key}`"))?;
            // The figures are recorded to three places.
            if value + 0.0005 < floor {
                failed.push(format!("{key} {value:.3} < {floor:.3}"));
            }
        }
        if !failed.is_empty() {
            bail!("stories below the recorded figures: {}", failed.join(", "));
        }
        println!("  check: every figure at or above eval/figures.toml [stories]");
    }
    Ok(())
}

/// One story of Reuters read as an editor: a line of `eval/stories/reuters.jsonl`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryJudgment {
    /// `reuters`.
    corpus: String,
    /// The story's articles, by Reuters' ids (`NEWID`).
    articles: Vec<String>,
    /// Their titles, for the reader of the file.
    #[allow(dead_code)]
    titles: Vec<String>,
    /// Whether the articles report one real event.
    verdict: bool,
    /// What the event is, or what links the articles when it is not one.
    cause: String,
}

/// Every judgment of `eval/stories/reuters.jsonl`, by its set of articles. A line
/// that is not one, or a set judged twice, is an error naming the line.
fn story_judgments() -> Result<BTreeMap<BTreeSet<String>, StoryJudgment>> {
    let path = crate::util::root().join("eval/stories/reuters.jsonl");
    let mut out = BTreeMap::new();
    let text = std::fs::read_to_string(&path).context("reading eval/stories/reuters.jsonl")?;
    for (idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let shown = format!("eval/stories/reuters.jsonl:{}", idx + 1);
        let judgment: StoryJudgment = serde_json::from_str(line).with_context(|| {
            format!("{shown}: not a judgment (fields: corpus, articles, titles, verdict, cause)")
        })?;
        if judgment.corpus != crate::eval_truth::REUTERS
            || judgment.articles.len() < 2
            || judgment.cause.trim().is_empty()
        {
            bail!("{shown}: a judgment of Reuters, two articles or more and a cause");
        }
        let key: BTreeSet<String> = judgment.articles.iter().cloned().collect();
        if out.insert(key, judgment).is_some() {
            bail!("{shown}: these articles are judged twice; keep one line");
        }
    }
    Ok(out)
}

/// The judged Reuters stories against the stories found today.
#[derive(Default)]
struct ReutersRead {
    /// Judged stories still found: one event, not.
    right: usize,
    wrong: usize,
    /// Judged stories no longer found: one event, not.
    lost_right: usize,
    lost_wrong: usize,
}

impl ReutersRead {
    fn precision(&self) -> Option<f64> {
        let judged = self.right + self.wrong;
        (judged > 0).then(|| (self.right as f64 / judged as f64 * 1000.0).round() / 1000.0)
    }
}

/// Groups Reuters-21578 and reads its stories against the judgments; prints the
/// precision over the judged stories still found, those no longer found and how many
/// are not judged (the first few shown, to read).
fn reuters_read(config: &StoryConfig, lexicons: &factdiff_claims::Lexicons) -> Result<ReutersRead> {
    let judgments = story_judgments()?;
    let corpus = crate::util::load_file(&crate::corpus::reuters()?)?;
    let claims: Vec<factdiff_claims::ArticleClaims> = corpus
        .articles
        .par_iter()
        .map(|a| factdiff_claims::ArticleClaims::extract(a, lexicons))
        .collect();
    let stories = factdiff_stories::group(&corpus, &claims, lexicons, config);
    if let Some(dump) = std::env::var_os("FACTDIFF_EVAL_DUMP_REUTERS") {
        let mut out = String::new();
        for (article, claims) in corpus.articles.iter().zip(&claims) {
            let sig = factdiff_stories::signature(article, claims, lexicons);
            out.push_str(&serde_json::json!({"id": article.meta.id, "sig": sig}).to_string());
            out.push('\n');
        }
        std::fs::write(&dump, out).context("writing FACTDIFF_EVAL_DUMP_REUTERS")?;
    }
    let id = |i: usize| {
        corpus.articles[i]
            .meta
            .id
            .as_deref()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("line {}", corpus.articles[i].record_line.unwrap_or(0)))
    };
    let mut read = ReutersRead::default();
    let mut found: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut unjudged: Vec<usize> = Vec::new();
    for (s, members) in stories.members.iter().enumerate() {
        let key: BTreeSet<String> = members.iter().map(|&i| id(i)).collect();
        match judgments.get(&key) {
            Some(j) if j.verdict => read.right += 1,
            Some(_) => read.wrong += 1,
            None => unjudged.push(s),
        }
        found.insert(key);
    }
    for (key, j) in &judgments {
        if !found.contains(key) {
            if j.verdict {
                read.lost_right += 1;
            } else {
                read.lost_wrong += 1;
            }
        }
    }
    println!(
        "reuters: {} articles; {} stories ({} articles in none)",
        corpus.articles.len(),
        stories.stories.len(),
        stories.of_article.iter().filter(|s| s.is_none()).count(),
    );
    println!(
        "  read as an editor (eval/stories/reuters.jsonl): {} judged stories still found, {} one event: precision {}; \
         no longer found: {} one event, {} not; {} stories not judged",
        read.right + read.wrong,
        read.right,
        read.precision()
            .map_or("-".to_owned(), |p| format!("{p:.3}")),
        read.lost_right,
        read.lost_wrong,
        unjudged.len(),
    );
    if std::env::var_os("FACTDIFF_EVAL_VERBOSE").is_some() {
        for &s in &unjudged {
            let titles: Vec<String> = stories.members[s]
                .iter()
                .map(|&i| format!("{} {:?}", id(i), corpus.articles[i].meta.title))
                .collect();
            println!("  not judged: {}", titles.join(" | "));
        }
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_and_bcubed_scores() {
        let gold = [0, 0, 1, 1];
        let perfect = score(&gold, &[5, 5, 7, 7]);
        assert_eq!((perfect.pair_f, perfect.b3_f), (1.0, 1.0));
        let merged = score(&gold, &[0, 0, 0, 0]);
        assert_eq!(merged.pair_r, 1.0);
        assert!((merged.pair_p - 2.0 / 6.0).abs() < 1e-9);
        assert!((merged.b3_p - 0.5).abs() < 1e-9);
        let split = score(&gold, &[0, 1, 2, 3]);
        assert_eq!(split.pair_p, 1.0);
        assert_eq!(split.pair_r, 0.0);
        assert!((split.b3_r - 0.5).abs() < 1e-9);
    }

    #[test]
    fn single_link_chains() {
        let pairs = [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.1)];
        assert_eq!(single_link(4, &pairs, 0.3), vec![0, 0, 0, 3]);
    }
}
