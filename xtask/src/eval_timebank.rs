//! `cargo xtask eval timebank [DIR]`: the date extractor against TempEval-3 gold.
//!
//! Reads every `.tml` under DIR (default `../shared/data/tempeval3/TBAQ-cleaned`),
//! strips the TimeML tags to get the plain text and the gold TIMEX3 spans, runs
//! `factdiff_claims::extract` with the document creation time as the article's date,
//! and compares the date claims with the gold `type="DATE"` expressions: extent
//! precision, recall and F1, strict (same span) and relaxed (overlapping), and the
//! value accuracy of the relaxed matches, with value F1 as TempEval-3 counts it (a
//! match with the right value over the predictions and over the gold). Predictions
//! that overlap a gold TIME, DURATION or SET expression are not counted either way:
//! they are not dates in the gold's typing, and not wrong.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use factdiff_claims::{ClaimKind, ClaimValue, Lexicons, extract};
use factdiff_corpus::{Corpus, Input};
use rayon::prelude::*;

use crate::util::data_dir;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

pub(crate) struct Doc {
    pub(crate) name: String,
    pub(crate) dct: String,
    pub(crate) text: String,
    gold: Vec<Gold>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(tag[at..end].to_owned())
}

pub(crate) fn parse(name: String, src: &str) -> Result<Doc> {
    let dct_at = src.find("<DCT>").context("no <DCT>")?;
    let dct_tag_end = src[dct_at..]
        .find('>')
        .map(|p| p + dct_at)
        .unwrap_or(dct_at);
    let dct_tag_start = src[dct_at + 5..].find("<TIMEX3").context("no DCT TIMEX3")? + dct_at + 5;
    let _ = dct_tag_end;
    let tag_end = src[dct_tag_start..].find('>').context("bad TIMEX3")? + dct_tag_start;
    let dct = attr(&src[dct_tag_start..tag_end], "value").context("DCT without value")?;
    let dct: String = dct.chars().take(10).collect();
    let body_start = src.find("<TEXT>").context("no <TEXT>")? + "<TEXT>".len();
    let body_end = src.find("</TEXT>").context("no </TEXT>")?;
    let body = &src[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').context("unclosed tag")?;
            let tag = &rest[..=end];
            if tag.starts_with("<TIMEX3") {
                open = Some((
                    text.len(),
                    attr(tag, "type").unwrap_or_default(),
                    attr(tag, "value").unwrap_or_default(),
                ));
            } else if tag.starts_with("</TIMEX3") {
                if let Some((start, kind, value)) = open.take() {
                    gold.push(Gold {
                        start,
                        end: text.len(),
                        kind,
                        value,
                    });
                }
            }
            i += end + 1;
        } else if rest.starts_with("&amp;") {
            text.push('&');
            i += 5;
        } else {
            let c = rest.chars().next().expect("non-empty");
            text.push(c);
            i += c.len_utf8();
        }
    }
    Ok(Doc {
        name,
        dct,
        text,
        gold,
    })
}

pub(crate) fn tml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            tml_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Counts for one document.
#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    strict: usize,
    relaxed_pred: usize,
    relaxed_gold: usize,
    value_ok: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict += o.strict;
        self.relaxed_pred += o.relaxed_pred;
        self.relaxed_gold += o.relaxed_gold;
        self.value_ok += o.value_ok;
    }
}

struct Outcome {
    counts: Counts,
    errors: Vec<String>,
}

fn score(doc: &Doc, lex: &Lexicons) -> Outcome {
    let prefix = format!("+++\ndate = {}\n+++\n", doc.dct);
    let corpus = Corpus::from_inputs(vec![Input {
        path: format!("{}.md", doc.name),
        bytes: format!("{prefix}{}", doc.text).into_bytes(),
    }]);
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    let Some(article) = corpus.articles.first() else {
        return Outcome { counts, errors };
    };
    let shift = prefix.len();
    let preds: Vec<(usize, usize, String)> = extract(article, lex)
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .filter_map(|c| match c.value {
            ClaimValue::Date(t) => Some((
                c.span.start as usize - shift,
                c.span.end as usize - shift,
                t.value,
            )),
            _ => None,
        })
        .collect();
    let dates: Vec<&Gold> = doc.gold.iter().filter(|g| g.kind == "DATE").collect();
    let others: Vec<&Gold> = doc.gold.iter().filter(|g| g.kind != "DATE").collect();
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    counts.gold = dates.len();
    for (s, e, v) in &preds {
        let hit = dates.iter().find(|g| overlaps((*s, *e), (g.start, g.end)));
        if hit.is_none() && others.iter().any(|g| overlaps((*s, *e), (g.start, g.end))) {
            continue;
        }
        counts.predicted += 1;
        match hit {
            Some(g) => {
                counts.relaxed_pred += 1;
                if g.start == *s && g.end == *e {
                    counts.strict += 1;
                }
                if g.value == *v {
                    counts.value_ok += 1;
                } else {
                    errors.push(format!(
                        "{}: value  {:?} gold {} ours {}",
                        doc.name,
                        &doc.text[g.start..g.end],
                        g.value,
                        v
                    ));
                }
            }
            None => errors.push(format!(
                "{}: false  {:?} -> {}",
                doc.name,
                &doc.text[*s..*e],
                v
            )),
        }
    }
    for g in &dates {
        if preds
            .iter()
            .any(|(s, e, _)| overlaps((*s, *e), (g.start, g.end)))
        {
            counts.relaxed_gold += 1;
        } else {
            errors.push(format!(
                "{}: missed {:?} ({})",
                doc.name,
                &doc.text[g.start..g.end],
                g.value
            ));
        }
    }
    Outcome { counts, errors }
}

fn prf(tp_p: usize, pred: usize, tp_g: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp_p as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp_g as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

pub fn run(args: &[String]) -> Result<()> {
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let dir = match args.iter().find(|a| !a.starts_with('-')) {
        Some(d) => PathBuf::from(d),
        None => data_dir()?.join("tempeval3/TBAQ-cleaned"),
    };
    let mut files = Vec::new();
    tml_files(&dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        bail!("no .tml files under `{}`", dir.display());
    }
    let docs: Vec<Doc> = files
        .iter()
        .map(|f| {
            let src =
                std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            parse(name, &src).with_context(|| format!("parsing {}", f.display()))
        })
        .collect::<Result<_>>()?;
    let lex = Lexicons::builtin();
    let outcomes: Vec<Outcome> = docs.par_iter().map(|d| score(d, &lex)).collect();
    let mut total = Counts::default();
    for o in &outcomes {
        total += o.counts;
    }
    let (sp, sr, sf) = prf(total.strict, total.predicted, total.strict, total.gold);
    let (rp, rr, rf) = prf(
        total.relaxed_pred,
        total.predicted,
        total.relaxed_gold,
        total.gold,
    );
    let (vp, vr, vf) = prf(total.value_ok, total.predicted, total.value_ok, total.gold);
    println!(
        "TempEval-3 TBAQ-cleaned: {} documents, {} gold DATE expressions, {} predicted",
        docs.len(),
        total.gold,
        total.predicted
    );
    println!("  strict extent   P {sp:.3}  R {sr:.3}  F1 {sf:.3}");
    println!("  relaxed extent  P {rp:.3}  R {rr:.3}  F1 {rf:.3}");
    println!(
        "  value accuracy  {:.3} of {} relaxed matches",
        if total.relaxed_pred == 0 {
            0.0
        } else {
            total.value_ok as f64 / total.relaxed_pred as f64
        },
        total.relaxed_pred
    );
    println!("  value           P {vp:.3}  R {vr:.3}  F1 {vf:.3}");
    println!("  (anchors on the TE3 test set: HeidelTime value F1 0.776, SUTime 0.674)");
    if verbose {
        for o in &outcomes {
            for e in &o.errors {
                println!("{e}");
            }
        }
    }
    Ok(())
}
