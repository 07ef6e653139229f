//! `cargo xtask eval planted [--check|--record]`: recall of contradictions planted into
//! real multi-outlet coverage.
//!
//! ECB+'s development half reports each real event through many outlets
//! (`manifest.jsonl` gives each article's event). For each kind of contradiction, a
//! fixed-seed generator picks at most one site per event, where one article says what
//! another article of the same event also says, and changes it in that one article:
//!
//! - `count`: a figure followed by its counted word ("40 people"), given alike by two
//!   outlets, with no qualifier before it in either ("at least", "about": the
//!   `[qualifiers]` of `rules/lexicons/numbers.toml`) and no other figure just before it
//!   (a range), is changed by a quarter or more (by 1 to 3 below 10); expected rule:
//!   `count-mismatch`;
//! - `date`: a day of a month ("January 12", "12 January"; month names from
//!   `rules/lexicons/calendar.toml`) that two outlets give alike, each in a line told
//!   in words (not a dateline: "May 3, 2013 12:50 PM" is when an outlet published,
//!   and outlets publish on different days), is moved one or two days;
//!   `date-mismatch`;
//! - `quote`: one word (three letters or more) of a quotation of six words or more that
//!   two outlets give word for word is replaced by another word of the same article;
//!   `quote-drift`;
//! - `surname`: a person's surname (a capitalized "First Last" that both articles give,
//!   whose last word also stands alone, and whose first word is not a title, month,
//!   weekday or function word of the lexicons) is respelled by one letter (a consonant
//!   doubled or undoubled, or a vowel swapped) everywhere in one article;
//!   `name-variant`.
//!
//! Each kind's copy of the corpus is written to `target/xtask/planted/KIND/` (the
//! originals are only read) and analysed as a whole with the built-in engines. A plant
//! is found when a finding of its rule has a location overlapping the planted span.
//! A finding that the original corpus does not have (by evaluation fingerprint) and
//! that touches no planted span appears only because of the planting: it is counted as
//! a side effect (overlap passages that a planted word splits are counted apart). `--check` compares with `[planted]` of `eval/figures.toml` and fails
//! when a recall falls below, or the side effects rise above, the recorded figure;
//! `--record` writes today's figures.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use factdiff_findings::Finding;
use regex::Regex;

use crate::eval_truth::{
    self, eval_fingerprints, ratio, read_figures, recorded, round3, show, write_figures,
};
use crate::gen_corpus::Rng;
use crate::util::{out_dir, root};

const SEED: u64 = 0x13_2026;

/// The kinds of plant, with the rule that should report each.
const KINDS: &[(&str, &str)] = &[
    ("count", "count-mismatch"),
    ("date", "date-mismatch"),
    ("quote", "quote-drift"),
    ("surname", "name-variant"),
];

/// An article of the corpus as stored.
struct Original {
    file: String,
    event: String,
    text: String,
}

/// One planted contradiction.
struct Plant {
    /// The file changed.
    file: String,
    /// The article of the same event that gives the original text.
    other: String,
    /// The byte ranges of the planted text in the changed file.
    spans: Vec<Range<usize>>,
    from: String,
    to: String,
}

/// Word lists the plants need, read from the claims' lexicon files (no list of English
/// words lives outside them).
struct Words {
    /// Qualifier phrases before a number, as lower-case word lists.
    qualifiers: Vec<Vec<String>>,
    /// Time units ("years", "days"): a figure before one is a duration, not a count.
    time_units: HashSet<String>,
    /// Month spelling -> the month's key in the lexicon.
    months: HashMap<String, String>,
    /// Words that never start a person's name: titles, weekdays, months, function
    /// words.
    not_first_names: HashSet<String>,
}

fn lexicon(name: &str) -> Result<toml::Table> {
    let path = root().join("rules/lexicons").join(name);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("{}: not valid TOML", path.display()))
}

fn strings(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(toml::Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

impl Words {
    fn load() -> Result<Words> {
        let numbers = lexicon("numbers.toml")?;
        let calendar = lexicon("calendar.toml")?;
        let words = lexicon("words.toml")?;
        let keys = |table: &toml::Table, key: &str| -> Vec<String> {
            table
                .get(key)
                .and_then(toml::Value::as_table)
                .map(|t| t.keys().map(|k| k.to_lowercase()).collect())
                .unwrap_or_default()
        };
        let qualifiers = keys(&numbers, "qualifiers")
            .into_iter()
            .map(|q| q.split_whitespace().map(str::to_owned).collect())
            .collect();
        let time_units = keys(&calendar, "time_units").into_iter().collect();
        let mut months = HashMap::new();
        let mut not_first_names: HashSet<String> = HashSet::new();
        if let Some(table) = calendar.get("months").and_then(toml::Value::as_table) {
            for (month, spellings) in table {
                for spelling in strings(Some(spellings)) {
                    not_first_names.insert(spelling.clone());
                    months.insert(spelling, month.clone());
                }
            }
        }
        if months.len() < 12 {
            bail!("rules/lexicons/calendar.toml: [months] lost its months");
        }
        for table_key in ["weekdays"] {
            if let Some(table) = calendar.get(table_key).and_then(toml::Value::as_table) {
                for spellings in table.values() {
                    not_first_names.extend(strings(Some(spellings)));
                }
            }
        }
        for key in ["titles", "not_names", "function_words", "stopwords"] {
            not_first_names.extend(strings(words.get(key)));
        }
        Ok(Words {
            qualifiers,
            time_units,
            months,
            not_first_names,
        })
    }

    /// Whether the words just before byte `at` of `text` end with a qualifier.
    fn qualified(&self, text: &str, at: usize) -> bool {
        let before: Vec<String> = text[..at]
            .split_whitespace()
            .rev()
            .take(4)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        self.qualifiers
            .iter()
            .any(|q| q.len() <= before.len() && q.iter().rev().zip(&before).all(|(a, b)| a == b))
    }
}

pub fn run(args: &[String]) -> Result<bool> {
    let mut mode = "";
    for arg in args {
        match arg.as_str() {
            "--check" | "--record" if mode.is_empty() => mode = arg,
            other => bail!(
                "unknown argument `{other}`; usage: cargo xtask eval planted [--check | --record]"
            ),
        }
    }
    let words = Words::load()?;
    let dir = eval_truth::ecbplus_dir()?;
    let events = eval_truth::events(&dir)?;
    let base = eval_truth::load_markdown_folder(&dir)?;
    let originals: Vec<Original> = base
        .articles
        .iter()
        .map(|a| {
            let path = dir.join(&a.path);
            Ok(Original {
                file: a.path.clone(),
                event: events
                    .get(&a.path)
                    .with_context(|| format!("{} is not in manifest.jsonl", a.path))?
                    .clone(),
                text: std::fs::read_to_string(&path)
                    .with_context(|| format!("reading {}", path.display()))?,
            })
        })
        .collect::<Result<_>>()?;
    let engines = factdiff_pipeline::Engines::builtin();
    let before: HashSet<String> =
        eval_fingerprints(&factdiff_pipeline::analyse(&base, &engines).findings)
            .into_iter()
            .collect();
    drop(base);

    println!(
        "cargo xtask eval planted: contradictions planted in ECB+ ({} articles, {} events), \
         at most one per event and kind, seed {SEED:#x}; copies under target/xtask/planted/",
        originals.len(),
        originals
            .iter()
            .map(|o| &o.event)
            .collect::<BTreeSet<_>>()
            .len()
    );
    let mut table = toml::Table::new();
    let mut rows = Vec::new();
    let mut details = Vec::new();
    for (kind, rule) in KINDS {
        let mut rng = Rng::new(SEED ^ xxhash_rust::xxh3::xxh3_64(kind.as_bytes()));
        let (texts, plants) = plant(kind, &originals, &words, &mut rng);
        let folder = write_copy(kind, &originals, &texts)?;
        let corpus = eval_truth::load_markdown_folder(&folder)?;
        let findings = factdiff_pipeline::analyse(&corpus, &engines).findings;
        let touches = |f: &Finding, plant: &Plant| {
            f.locations.iter().any(|loc| {
                loc.path == plant.file
                    && plant
                        .spans
                        .iter()
                        .any(|s| loc.byte_start < s.end && s.start < loc.byte_end)
            })
        };
        let mut found = 0;
        for p in &plants {
            if findings.iter().any(|f| f.rule == *rule && touches(f, p)) {
                found += 1;
            } else {
                details.push(format!(
                    "  missed {kind}: {} `{}` -> `{}` (as in {})",
                    p.file, p.from, p.to, p.other
                ));
            }
        }
        let prints = eval_fingerprints(&findings);
        let mut side: BTreeMap<&str, usize> = BTreeMap::new();
        for (f, print) in findings.iter().zip(&prints) {
            if !before.contains(print) && !plants.iter().any(|p| touches(f, p)) {
                eval_truth::bump(&mut side, f.rule.as_str());
                details.push(format!(
                    "  side effect of {kind}: {} {}",
                    f.rule,
                    f.locations
                        .iter()
                        .map(eval_truth::quote)
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
            }
        }
        // Overlap passages split by a planted word are set apart from the rest.
        let side_overlap = side.get("overlap").copied().unwrap_or(0);
        let side_other = side.values().sum::<usize>() - side_overlap;
        let recall = ratio(found, plants.len()).map(round3);
        rows.push(format!(
            "| {kind} | {rule} | {} | {found} | {} | {side_other} | {side_overlap} |",
            plants.len(),
            show(recall)
        ));
        let mut row = toml::Table::new();
        row.insert("plants".into(), toml::Value::Integer(plants.len() as i64));
        row.insert("found".into(), toml::Value::Integer(found as i64));
        if let Some(recall) = recall {
            row.insert("recall".into(), toml::Value::Float(recall));
        }
        row.insert(
            "side_effects".into(),
            toml::Value::Integer(side_other as i64),
        );
        row.insert(
            "side_effects_overlap".into(),
            toml::Value::Integer(side_overlap as i64),
        );
        table.insert((*kind).to_owned(), toml::Value::Table(row));
    }
    println!();
    println!(
        "| kind | rule | planted | found | recall (aim 0.9) | other findings added | overlap passages added |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|");
    for row in &rows {
        println!("{row}");
    }
    if !details.is_empty() {
        println!();
        for line in &details {
            println!("{line}");
        }
    }
    match mode {
        "--record" => {
            write_figures("planted", table)?;
            println!(
                "\nrecorded in eval/figures.toml [planted]; review the change like a snapshot"
            );
            Ok(true)
        }
        "--check" => {
            let old = read_figures("planted")?;
            let mut failures = Vec::new();
            for (kind, _) in KINDS {
                let now = |field: &str| recorded(&table, kind, field);
                if let (Some(was), Some(is)) = (recorded(&old, kind, "recall"), now("recall"))
                    && is + 1e-9 < was
                {
                    failures.push(format!(
                        "{kind}: recall {is:.3} is below the recorded {was:.3}"
                    ));
                }
                for field in ["side_effects", "side_effects_overlap"] {
                    if let (Some(was), Some(is)) = (recorded(&old, kind, field), now(field))
                        && is > was
                    {
                        failures.push(format!(
                            "{kind}: {is} findings added elsewhere ({field}), more than the recorded {was}"
                        ));
                    }
                }
                if recorded(&old, kind, "plants") != now("plants") {
                    // The sites follow the corpus and the lexicons' qualifiers and
                    // months: a change there is no regression, but the figures then
                    // compare other plants.
                    println!(
                        "note: {kind}: {} plants, {} recorded (the corpus or the lexicons changed); \
                         re-record when the new figures are right",
                        now("plants").unwrap_or(0.0),
                        recorded(&old, kind, "plants").unwrap_or(0.0)
                    );
                }
            }
            if failures.is_empty() {
                println!(
                    "\ncheck: every recall is at or above, and every count of findings added \
                     elsewhere at or below, the one recorded in eval/figures.toml"
                );
                Ok(true)
            } else {
                println!("\ncheck FAILED against eval/figures.toml [planted]:");
                for failure in &failures {
                    println!("  {failure}");
                }
                println!(
                    "fix the rule, or if the new figures are right, re-record them with \
                     `cargo xtask eval planted --record`; they are reviewed like a snapshot"
                );
                Ok(false)
            }
        }
        _ => Ok(true),
    }
}

/// Writes every article, planted or not, to `target/xtask/planted/KIND/`.
fn write_copy(kind: &str, originals: &[Original], texts: &[String]) -> Result<PathBuf> {
    let folder = out_dir()?.join("planted").join(kind);
    if folder.exists() {
        std::fs::remove_dir_all(&folder)?;
    }
    std::fs::create_dir_all(&folder)?;
    for (original, text) in originals.iter().zip(texts) {
        std::fs::write(folder.join(&original.file), text)?;
    }
    Ok(folder)
}

/// A site where the plant goes: a file, the byte range to replace and its new text, and
/// the other article of the event that gives the original.
struct Site {
    file: usize,
    other: usize,
    range: Range<usize>,
    replacement: String,
    /// A surname is respelled everywhere in its article: these are its other ranges.
    also: Vec<Range<usize>>,
}

/// The texts with the plants of `kind` in them, and the plants.
fn plant(
    kind: &str,
    originals: &[Original],
    words: &Words,
    rng: &mut Rng,
) -> (Vec<String>, Vec<Plant>) {
    let mut by_event: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (idx, o) in originals.iter().enumerate() {
        by_event.entry(&o.event).or_default().push(idx);
    }
    let mut texts: Vec<String> = originals.iter().map(|o| o.text.clone()).collect();
    let mut plants = Vec::new();
    for members in by_event.values() {
        let mut sites = match kind {
            "count" => count_sites(originals, members, words, rng),
            "date" => date_sites(originals, members, words, rng),
            "quote" => quote_sites(originals, members, rng),
            _ => surname_sites(originals, members, words, rng),
        };
        if sites.is_empty() {
            continue;
        }
        let site = sites.swap_remove(rng.below(sites.len()));
        let text = &originals[site.file].text;
        let from = text[site.range.clone()].to_owned();
        // Replace from the last range to the first, tracking where each lands.
        let mut ranges: Vec<Range<usize>> = site.also.clone();
        ranges.push(site.range.clone());
        ranges.sort_by_key(|r| r.start);
        ranges.dedup_by_key(|r| r.start);
        let mut out = String::with_capacity(text.len() + 8);
        let mut spans = Vec::new();
        let mut last = 0;
        for r in &ranges {
            out.push_str(&text[last..r.start]);
            let start = out.len();
            out.push_str(&site.replacement);
            spans.push(start..out.len());
            last = r.end;
        }
        out.push_str(&text[last..]);
        texts[site.file] = out;
        plants.push(Plant {
            file: originals[site.file].file.clone(),
            other: originals[site.other].file.clone(),
            spans,
            from,
            to: site.replacement,
        });
    }
    (texts, plants)
}

/// The body of an article: after its front matter.
fn body_start(text: &str) -> usize {
    if let Some(rest) = text.strip_prefix("+++")
        && let Some(end) = rest.find("\n+++")
    {
        return 3 + end + 4;
    }
    0
}

fn count_sites(
    originals: &[Original],
    members: &[usize],
    words: &Words,
    rng: &mut Rng,
) -> Vec<Site> {
    let re = Regex::new(r"(?:^|[\s(])((?:\d{1,3}(?:,\d{3})+)|\d+) ([a-z]{3,})\b").expect("regex");
    // The figures of each article: (value text, word) -> ranges of the value, left only
    // where no qualifier and no other figure comes just before.
    let figures = |text: &str| -> BTreeMap<(String, String), Vec<Range<usize>>> {
        let mut out: BTreeMap<(String, String), Vec<Range<usize>>> = BTreeMap::new();
        let start = body_start(text);
        for cap in re.captures_iter(&text[start..]) {
            let (num, word) = (cap.get(1).expect("group"), cap.get(2).expect("group"));
            let range = start + num.start()..start + num.end();
            let value: u64 = num.as_str().replace(',', "").parse().unwrap_or(0);
            let after = &text[start + word.end()..];
            let mut from = range.start.saturating_sub(12);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..range.start];
            if value < 2
                || (!num.as_str().contains(',') && (1900..=2100).contains(&value))
                || words.time_units.contains(word.as_str())
                || after.starts_with('-')
                || before.chars().any(|c| c.is_ascii_digit())
                || words.qualified(text, range.start)
            {
                continue;
            }
            out.entry((num.as_str().to_owned(), word.as_str().to_owned()))
                .or_default()
                .push(range);
        }
        out
    };
    let all: Vec<_> = members
        .iter()
        .map(|&i| figures(&originals[i].text))
        .collect();
    let mut sites = Vec::new();
    for (a, fa) in all.iter().enumerate() {
        for (key, ranges) in fa {
            let Some(b) = (0..all.len()).find(|&b| b != a && all[b].contains_key(key)) else {
                continue;
            };
            let value: u64 = key.0.replace(',', "").parse().unwrap_or(0);
            let new = changed(value, rng);
            let replacement = if key.0.contains(',') {
                with_commas(new)
            } else {
                new.to_string()
            };
            sites.push(Site {
                file: members[a],
                other: members[b],
                range: ranges[0].clone(),
                replacement,
                also: Vec::new(),
            });
        }
    }
    sites
}

/// A count changed enough to be plainly another figure: by 1 to 3 below 10, else by a
/// quarter to a half, up or down.
fn changed(value: u64, rng: &mut Rng) -> u64 {
    if value < 10 {
        return value + 1 + rng.below(3) as u64;
    }
    let delta = (value as f64 * (0.25 + 0.25 * rng.unit())).round().max(1.0) as u64;
    if rng.below(2) == 0 {
        value + delta
    } else {
        value - delta
    }
}

fn with_commas(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (idx, c) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn date_sites(
    originals: &[Original],
    members: &[usize],
    words: &Words,
    rng: &mut Rng,
) -> Vec<Site> {
    let month_day =
        Regex::new(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?\b").expect("regex");
    let day_month = Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)? ([A-Z][a-z]{2,8})\b").expect("regex");
    // (month, day) -> the ranges of the day's digits, per article.
    let dates = |text: &str| -> BTreeMap<(String, u8), Vec<Range<usize>>> {
        let mut out: BTreeMap<(String, u8), Vec<Range<usize>>> = BTreeMap::new();
        let start = body_start(text);
        let body = &text[start..];
        let mut add = |month: &str, day: regex::Match| {
            let Some(m) = words.months.get(&month.to_lowercase()).cloned() else {
                return;
            };
            // A dateline ("May 3, 2013 12:50 PM", "PUBLISHED: 13 March 2013") is when an
            // outlet published, not when anything happened: two outlets' days differ
            // and no one would call that a contradiction. A date is planted only in a
            // line that tells something, in words.
            if !in_words(body, day.start()) {
                return;
            }
            let Ok(d) = day.as_str().parse::<u8>() else {
                return;
            };
            if (1..=31).contains(&d) {
                out.entry((m, d))
                    .or_default()
                    .push(start + day.start()..start + day.end());
            }
        };
        for cap in month_day.captures_iter(body) {
            add(&cap[1], cap.get(2).expect("group"));
        }
        for cap in day_month.captures_iter(body) {
            add(&cap[2], cap.get(1).expect("group"));
        }
        out
    };
    let all: Vec<_> = members.iter().map(|&i| dates(&originals[i].text)).collect();
    let mut sites = Vec::new();
    for (a, da) in all.iter().enumerate() {
        for ((month, day), ranges) in da {
            let day = *day;
            let key = (month.clone(), day);
            let Some(b) = (0..all.len()).find(|&b| b != a && all[b].contains_key(&key)) else {
                continue;
            };
            let shift = 1 + rng.below(2) as u8;
            let new = if day + shift <= 28 {
                day + shift
            } else {
                day - shift
            };
            sites.push(Site {
                file: members[a],
                other: members[b],
                range: ranges[0].clone(),
                replacement: new.to_string(),
                also: Vec::new(),
            });
        }
    }
    sites
}

/// The least lower-case words of a line that tells something (a dateline has none or
/// one or two: "at", "pm", "updated", "published on").
const TOLD_WORDS: usize = 5;

/// Whether the line of `text` holding byte `at` is told in words: at least
/// [`TOLD_WORDS`] lower-case words, not a dateline or a title's date.
fn in_words(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end]
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase())
        })
        .count()
        >= TOLD_WORDS
}

fn quote_sites(originals: &[Original], members: &[usize], rng: &mut Rng) -> Vec<Site> {
    let quote = Regex::new(r#"“([^”“]{20,600})”|"([^"]{20,600})""#).expect("regex");
    let word = Regex::new(r"\b[A-Za-z]{3,}\b").expect("regex");
    let mut sites = Vec::new();
    for (ai, &a) in members.iter().enumerate() {
        let text = &originals[a].text;
        let start = body_start(text);
        // Words of the article to put in a quote: lower-case ones, outside quotes too.
        let pool: Vec<&str> = word
            .find_iter(&text[start..])
            .map(|m| m.as_str())
            .filter(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        for cap in quote.captures_iter(&text[start..]) {
            let inner = cap.get(1).or_else(|| cap.get(2)).expect("a group");
            if inner.as_str().split_whitespace().count() < 6 {
                continue;
            }
            let Some(bi) = (0..members.len())
                .find(|&bi| bi != ai && originals[members[bi]].text.contains(inner.as_str()))
            else {
                continue;
            };
            let candidates: Vec<regex::Match> = word.find_iter(inner.as_str()).collect();
            if candidates.is_empty() || pool.is_empty() {
                continue;
            }
            let target = candidates[rng.below(candidates.len())];
            let mut replacement = String::new();
            for _ in 0..20 {
                let w = pool[rng.below(pool.len())];
                if !w.eq_ignore_ascii_case(target.as_str()) && !inner.as_str().contains(w) {
                    replacement = w.to_owned();
                    break;
                }
            }
            if replacement.is_empty() {
                continue;
            }
            if target.as_str().starts_with(|c: char| c.is_uppercase()) {
                let mut chars = replacement.chars();
                let first = chars.next().expect("three letters").to_uppercase();
                replacement = first.chain(chars).collect();
            }
            let at = start + inner.start() + target.start();
            sites.push(Site {
                file: a,
                other: members[bi],
                range: at..at + target.len(),
                replacement,
                also: Vec::new(),
            });
        }
    }
    sites
}

fn surname_sites(
    originals: &[Original],
    members: &[usize],
    words: &Words,
    rng: &mut Rng,
) -> Vec<Site> {
    let full = Regex::new(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b").expect("regex");
    let mut sites = Vec::new();
    let all_text: String = originals.iter().map(|o| o.text.as_str()).collect();
    for (ai, &a) in members.iter().enumerate() {
        let text = &originals[a].text;
        let start = body_start(text);
        let mut seen = BTreeSet::new();
        for cap in full.captures_iter(&text[start..]) {
            let (first, last) = (&cap[1], &cap[2]);
            if words.not_first_names.contains(&first.to_lowercase())
                || words.not_first_names.contains(&last.to_lowercase())
                || !seen.insert(last.to_owned())
            {
                continue;
            }
            let name = format!("{first} {last}");
            let Some(bi) = (0..members.len())
                .find(|&bi| bi != ai && originals[members[bi]].text.contains(&name))
            else {
                continue;
            };
            let alone = Regex::new(&format!(r"\b{last}\b")).expect("a word");
            let occurrences: Vec<Range<usize>> = alone
                .find_iter(&text[start..])
                .map(|m| start + m.start()..start + m.end())
                .collect();
            // The surname must also stand alone ("Reid said"), as a person's does.
            let stands_alone = [a, members[bi]].iter().any(|&i| {
                let t = &originals[i].text;
                alone
                    .find_iter(t)
                    .any(|m| !t[..m.start()].ends_with(&format!("{first} ")))
            });
            if !stands_alone {
                continue;
            }
            let Some(variant) = respell(last, rng) else {
                continue;
            };
            if all_text.contains(&variant) {
                continue;
            }
            let range = occurrences[0].clone();
            sites.push(Site {
                file: a,
                other: members[bi],
                range,
                replacement: variant,
                also: occurrences[1..].to_vec(),
            });
        }
    }
    sites
}

/// A surname respelled by one letter: an interior consonant doubled, a double consonant
/// made single, or an interior vowel swapped (i/y, e/a, o/u), as transliterations and
/// misspellings vary. `None` when no edit applies.
fn respell(name: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut edits: Vec<String> = Vec::new();
    for i in 1..chars.len() {
        let c = chars[i];
        let prev = chars[i - 1];
        let next = chars.get(i + 1).copied();
        if "lnrstmp".contains(c) && prev != c && next != Some(c) && i + 1 < chars.len() {
            let mut v = chars.clone();
            v.insert(i, c);
            edits.push(v.into_iter().collect());
        }
        if prev == c && "bcdfglmnprstz".contains(c) {
            let mut v = chars.clone();
            v.remove(i);
            edits.push(v.into_iter().collect());
        }
        let swap = match c {
            'i' => Some('y'),
            'y' => Some('i'),
            'e' => Some('a'),
            'a' => Some('e'),
            'o' => Some('u'),
            'u' => Some('o'),
            _ => None,
        };
        if let Some(s) = swap {
            let mut v = chars.clone();
            v[i] = s;
            edits.push(v.into_iter().collect());
        }
    }
    (!edits.is_empty()).then(|| edits.swap_remove(rng.below(edits.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(file: &str, event: &str, body: &str) -> Original {
        Original {
            file: file.to_owned(),
            event: event.to_owned(),
            text: format!("+++\ntitle = \"t\"\n+++\n{body}\n"),
        }
    }

    #[test]
    fn a_count_given_alike_by_two_outlets_is_a_site_unless_qualified() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(1);
        let plain = [
            article("a.md", "e", "The quake killed 40 people in the town."),
            article("b.md", "e", "Officials said 40 people died."),
        ];
        let sites = count_sites(&plain, &[0, 1], &words, &mut rng);
        assert_eq!(sites.len(), 2, "each article's figure is a site");
        let site = &sites[0];
        assert_eq!(&plain[site.file].text[site.range.clone()], "40");
        assert_ne!(site.replacement, "40");
        let hedged = [
            article("a.md", "e", "The quake killed at least 40 people."),
            article("b.md", "e", "Officials said at least 40 people died."),
        ];
        assert!(count_sites(&hedged, &[0, 1], &words, &mut rng).is_empty());
        let durations = [
            article("a.md", "e", "He served 12 years in prison."),
            article("b.md", "e", "After 12 years in prison he left."),
        ];
        assert!(count_sites(&durations, &[0, 1], &words, &mut rng).is_empty());
    }

    #[test]
    fn a_date_given_alike_is_moved_one_or_two_days() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = [
            article("a.md", "e", "The vote was held on December 14 in Ashgabat."),
            article(
                "b.md",
                "e",
                "Voting began early on 14 December in the capital.",
            ),
        ];
        let sites = date_sites(&originals, &[0, 1], &words, &mut rng);
        assert_eq!(sites.len(), 2);
        for site in &sites {
            let day: i32 = site.replacement.parse().unwrap();
            assert!((1..=2).contains(&(day - 14).abs()), "{day}");
        }
    }

    #[test]
    fn a_dateline_is_no_site_for_a_date() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = [
            article(
                "a.md",
                "e",
                "December 14, 2013 10:46 AM\n\nThe vote was held in Ashgabat.",
            ),
            article(
                "b.md",
                "e",
                "PUBLISHED: 14 December 2013\n\nVoting began in the capital.",
            ),
        ];
        assert!(date_sites(&originals, &[0, 1], &words, &mut rng).is_empty());
    }

    #[test]
    fn a_surname_is_respelled_by_one_letter_everywhere_in_its_article() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(3);
        let originals = [
            article("a.md", "e", "Tara Reid entered rehab. Reid is 33."),
            article("b.md", "e", "Actress Tara Reid checked in."),
        ];
        let sites = surname_sites(&originals, &[0, 1], &words, &mut rng);
        let site = sites.iter().find(|s| s.file == 0).expect("a site in a.md");
        assert_eq!(site.also.len(), 1, "the second Reid is respelled too");
        assert_ne!(site.replacement, "Reid");
        assert!(site.replacement.len().abs_diff(4) <= 1);
    }

    #[test]
    fn respellings_and_changed_counts_differ_from_the_original() {
        let mut rng = Rng::new(4);
        for name in ["Berdymukhamedov", "Palin", "Gray", "Phillips"] {
            let v = respell(name, &mut rng).unwrap();
            assert_ne!(v, name);
            assert_eq!(v.chars().next(), name.chars().next(), "the initial stays");
        }
        for value in [2, 9, 10, 288, 5000] {
            assert_ne!(changed(value, &mut rng), value);
        }
        assert_eq!(with_commas(3118), "3,118");
        assert_eq!(with_commas(1234567), "1,234,567");
        assert_eq!(with_commas(999), "999");
    }
}
