//! `cargo xtask eval claims [--check] [--sample N]`: the claims measured against a
//! judged sample kept in the repository (`eval/claims/KIND.jsonl`).
//!
//! The claims of two real corpora are extracted as `factdiff claims` extracts them
//! (`factdiff_pipeline::lexicons` and `claim_records`): the ECB+ development half
//! (`../shared/data/ecbplus-dev/*.md`) and Reuters-21578 (`target/xtask/reuters.jsonl`,
//! made by `cargo xtask corpus reuters`). Each judged claim is keyed by where it is
//! (path relative to the data folder, the record's id for Reuters, byte span), its
//! kind and its value (with the speaker for a quote, the definition for an acronym),
//! so a claim whose span or value changes is a new claim, to be judged again.
//!
//! Per kind it prints the precision over the judged claims still extracted, the
//! judged-right claims no longer extracted (lost recall) and how many extracted claims
//! are not judged. `--check` fails when a kind's precision falls below the figure
//! recorded in `eval/figures.toml` (`[claims]`). `--sample N` writes N claims per kind
//! not judged yet, drawn with a fixed seed (half from each corpus), with their context,
//! to `target/xtask/claims-sample/KIND.jsonl` for a person to judge: set `right` and
//! `cause`, drop `context`, and append the lines to `eval/claims/KIND.jsonl`. With
//! `--held-out` the sample comes only from articles that hold no judged claim (not the
//! ones read to find what a change fixes), so the change is measured on fresh text.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use factdiff_findings::ClaimRecord;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

/// The kinds, in the order they are printed.
const KINDS: [&str; 9] = [
    "quantity", "money", "percent", "date", "duration", "ordinal", "quote", "name", "acronym",
];

/// The seed of the samples: a new sample of the same claims draws the same ones.
const SEED: u64 = 13;

/// One judged claim, one line of `eval/claims/KIND.jsonl`.
#[derive(Debug, Deserialize, Serialize)]
struct Judgment {
    /// Where the claim is, its kind and value (see [`key`]).
    key: String,
    /// The claim's text as written (cut at 120 characters).
    text: String,
    /// Whether an editor would accept the claim: span, value and (for a quote) speaker.
    right: bool,
    /// Why, in a few words.
    cause: String,
}

/// A claim not judged yet, as written for a person to judge.
#[derive(Serialize)]
struct Unjudged<'a> {
    key: &'a str,
    text: String,
    right: Option<bool>,
    cause: &'a str,
    context: String,
}

/// One extracted claim: its key, its record, and the source text around it.
struct Extracted {
    key: String,
    corpus: usize,
    record: ClaimRecord,
}

/// The claim's stable key: `PATH[#ID]:START-END:KIND:VALUE`.
fn key(r: &ClaimRecord) -> String {
    let loc = &r.location;
    let mut k = loc.path.clone();
    if let Some(id) = &loc.article {
        let _ = write!(k, "#{id}");
    }
    let _ = write!(
        k,
        ":{}-{}:{}:{}",
        loc.byte_start, loc.byte_end, r.kind, r.value
    );
    if r.kind == "quote" {
        let _ = write!(k, " by {}", r.speaker.as_deref().unwrap_or("-"));
    }
    if r.kind == "acronym" {
        let _ = write!(k, " = {}", r.expansion.as_deref().unwrap_or("-"));
    }
    k
}

/// The article part of a key: the path and, for an archive's record, `#ID`.
fn article_of(key: &str) -> &str {
    // The path has no `:` (paths relative to the data folder); the span follows it.
    key.split_once(':').map_or(key, |(a, _)| a)
}

fn cut(text: &str, n: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(n) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

/// The two corpora, loaded as `factdiff claims` would load them.
fn corpora(data: &Path) -> Result<Vec<factdiff_corpus::Corpus>> {
    let ecb_dir = data.join("ecbplus-dev");
    let mut ecb: Vec<PathBuf> = std::fs::read_dir(&ecb_dir)
        .with_context(|| format!("reading {}", ecb_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("SOURCE.md"))
        .collect();
    ecb.sort();
    let options = factdiff_corpus::LoadOptions {
        cwd: data.to_path_buf(),
        exclude: Vec::new(),
    };
    let ecb = factdiff_corpus::load(&ecb, &options)?;
    let reuters = crate::util::load_file(&crate::corpus::reuters()?)?;
    Ok(vec![ecb, reuters])
}

/// The text around a claim, from its article, for judging.
fn context(corpus: &factdiff_corpus::Corpus, data: &Path, r: &ClaimRecord) -> String {
    let loc = &r.location;
    let (text, start, end) = match &loc.article {
        Some(id) => match corpus
            .articles
            .iter()
            .find(|a| a.record_name() == Some(id.as_str()))
        {
            Some(a) => (a.text.to_string(), loc.byte_start, loc.byte_end),
            None => return String::new(),
        },
        None => match std::fs::read_to_string(data.join(&loc.path)) {
            Ok(t) => (t, loc.byte_start, loc.byte_end),
            Err(_) => return String::new(),
        },
    };
    let mut a = start.saturating_sub(260);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + 200).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let (s, e) = (start.min(text.len()), end.min(text.len()));
    cut(
        &format!("{}[[{}]]{}", &text[a..s], &text[s..e], &text[e..b]),
        600,
    )
}

fn judgments(dir: &Path, kind: &str) -> Result<BTreeMap<String, Judgment>> {
    let path = dir.join(format!("{kind}.jsonl"));
    let mut out = BTreeMap::new();
    let Ok(src) = std::fs::read_to_string(&path) else {
        return Ok(out);
    };
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let j: Judgment = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a judgment", path.display(), n + 1))?;
        if out.contains_key(&j.key) {
            bail!(
                "{}:{}: the key is judged twice; keep one line",
                path.display(),
                n + 1
            );
        }
        out.insert(j.key.clone(), j);
    }
    Ok(out)
}

/// The `[claims]` table of `eval/figures.toml`: the recorded precision per kind.
fn recorded(root: &Path) -> Result<BTreeMap<String, f64>> {
    let path = root.join("eval/figures.toml");
    let src = std::fs::read_to_string(&path)
        .with_context(|| format!("reading {} (the recorded figures)", path.display()))?;
    let table: toml::Table =
        toml::from_str(&src).with_context(|| format!("{}: not TOML", path.display()))?;
    let Some(claims) = table.get("claims").and_then(|t| t.as_table()) else {
        bail!("{}: no [claims] table", path.display());
    };
    let mut out = BTreeMap::new();
    for (k, v) in claims {
        let Some(x) = v.as_float() else {
            bail!("{}: [claims] {k} must be a number like 0.9", path.display());
        };
        out.insert(k.clone(), x);
    }
    Ok(out)
}

pub fn run(args: &[String]) -> Result<()> {
    let mut check = false;
    let mut sample = 0usize;
    let mut held_out = false;
    let mut show_wrong = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => check = true,
            "--held-out" => held_out = true,
            "--wrong" => show_wrong = true,
            "--sample" => {
                sample = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .context("--sample takes a number of claims per kind, e.g. --sample 40")?;
            }
            other => {
                bail!("unknown argument `{other}`; use --check, --sample N, --held-out or --wrong")
            }
        }
    }
    let root = crate::util::root();
    let data = crate::util::data_dir()?;
    let lexicons = factdiff_pipeline::lexicons(&root, Some(Path::new("rules")))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let corpora = corpora(&data)?;
    let mut extracted: Vec<Extracted> = Vec::new();
    for (c, corpus) in corpora.iter().enumerate() {
        for record in factdiff_pipeline::claim_records(corpus, &lexicons) {
            extracted.push(Extracted {
                key: key(&record),
                corpus: c,
                record,
            });
        }
    }
    let dir = root.join("eval/claims");
    let figures = if check {
        recorded(&root)?
    } else {
        BTreeMap::new()
    };
    let mut failed = Vec::new();
    println!(
        "claims of {} ECB+ and {} Reuters articles; judged sample in eval/claims/",
        corpora[0].articles.len(),
        corpora[1].articles.len()
    );
    println!(
        "{:<9} {:>7} {:>6} {:>6} {:>9} {:>5} {:>10}",
        "kind", "judged", "right", "wrong", "precision", "lost", "not judged"
    );
    // With --held-out, the sample leaves out every article that holds a judged claim of
    // any kind: those were read to find the causes a change fixes, so a fresh sample
    // from them would not be an honest measure of the change.
    let mut read: BTreeSet<String> = BTreeSet::new();
    if held_out {
        for kind in KINDS {
            for k in judgments(&dir, kind)?.keys() {
                read.insert(article_of(k).to_owned());
            }
        }
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(SEED);
    for kind in KINDS {
        let judged = judgments(&dir, kind)?;
        let of_kind: Vec<&Extracted> = extracted.iter().filter(|e| e.record.kind == kind).collect();
        let keys: BTreeSet<&str> = of_kind.iter().map(|e| e.key.as_str()).collect();
        let (mut right, mut wrong) = (0usize, 0usize);
        let mut lost = Vec::new();
        let mut still_wrong = Vec::new();
        for j in judged.values() {
            match (keys.contains(j.key.as_str()), j.right) {
                (true, true) => right += 1,
                (true, false) => {
                    wrong += 1;
                    still_wrong.push(j);
                }
                (false, true) => lost.push(j),
                (false, false) => {}
            }
        }
        let unjudged: Vec<&Extracted> = of_kind
            .iter()
            .copied()
            .filter(|e| !judged.contains_key(&e.key))
            .collect();
        let precision = right as f64 / (right + wrong).max(1) as f64;
        println!(
            "{kind:<9} {:>7} {right:>6} {wrong:>6} {:>9} {:>5} {:>10}",
            right + wrong,
            if right + wrong > 0 {
                format!("{precision:.3}")
            } else {
                "-".into()
            },
            lost.len(),
            unjudged.len()
        );
        for j in lost.iter().take(5) {
            println!("    lost: {} ({})", j.key, j.cause);
        }
        if show_wrong {
            for j in &still_wrong {
                println!("    wrong: {} ({})", j.key, j.cause);
            }
        }
        if let Some(&want) = figures.get(kind)
            && precision + 1e-9 < want
        {
            failed.push(format!(
                "{kind}: precision {precision:.3} < recorded {want}"
            ));
        }
        if sample > 0 {
            let out = crate::util::out_dir()?.join("claims-sample");
            std::fs::create_dir_all(&out)?;
            let mut lines = String::new();
            for c in 0..corpora.len() {
                let mut pool: Vec<&Extracted> = unjudged
                    .iter()
                    .copied()
                    .filter(|e| e.corpus == c && !read.contains(article_of(&e.key)))
                    .collect();
                pool.sort_by(|a, b| a.key.cmp(&b.key));
                pool.shuffle(&mut rng);
                let share = sample / corpora.len() + usize::from(c < sample % corpora.len());
                for e in pool.into_iter().take(share) {
                    let line = Unjudged {
                        key: &e.key,
                        text: cut(&e.record.text, 120),
                        right: None,
                        cause: "",
                        context: context(&corpora[c], &data, &e.record),
                    };
                    lines.push_str(&serde_json::to_string(&line)?);
                    lines.push('\n');
                }
            }
            std::fs::write(out.join(format!("{kind}.jsonl")), lines)?;
        }
    }
    if sample > 0 {
        println!(
            "sample to judge: {}",
            crate::util::out_dir()?.join("claims-sample").display()
        );
    }
    if check {
        for kind in KINDS {
            if !figures.contains_key(kind) {
                failed.push(format!(
                    "{kind}: no figure recorded in eval/figures.toml [claims]"
                ));
            }
        }
        if !failed.is_empty() {
            bail!(
                "claims precision below the recorded figures:\n  {}",
                failed.join("\n  ")
            );
        }
        println!("check: every kind at or above its recorded figure");
    }
    Ok(())
}
