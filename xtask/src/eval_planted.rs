//! `cargo xtask eval planted [--check|--record] [--list]`: recall of contradictions planted into
//! real multi-outlet coverage.
//!
//! ECB+'s development half reports each real event through many outlets
//! (`manifest.jsonl` gives each article's event). For each kind of contradiction, a
//! fixed-seed generator picks at most one site per event, where one article says what
//! another article of the same event also says, and changes it in that one article:
//!
//! - `count`: a count as factdiff's own claims read it (a quantity of one exact whole
//!   value of two or more, in digits, with a counted noun or unit that is not a unit of
//!   time; "at least 40" and "about 40" are intervals, never planted) that another
//!   outlet of the event gives with the same measure, noun and value, is changed by a
//!   quarter or more (by 1 to 3 below 10); a measure that only rises (a death toll) is
//!   changed the way that contradicts the other outlet's date order; not a figure of a
//!   conversion in brackets ("55 kilometers (34 miles)"), which changed alone no longer
//!   converts the other; `count-mismatch`;
//! - `date`: a day of a month ("January 12", "12 January"; month names from
//!   `rules/lexicons/calendar.toml`) that two outlets give alike, each in a line told
//!   in words (not a dateline: "May 3, 2013 12:50 PM" is when an outlet published,
//!   and outlets publish on different days), is moved one or two days (everywhere
//!   the article gives that day so, not in one place of two); a date the
//!   claims read as when someone spoke ("quoting her lawyer as saying on May 2") is
//!   paired only with such a date, not with another outlet's same day of what
//!   happened ("her exit from the clinic on Thursday, May 2"), which it does not
//!   contradict; and only with a date whose own clause dates an event of the class the
//!   planted date's own clause dates (the class factdiff's claims read, the nearest
//!   word of events.toml's `[events]` in the date's clause: "the conflict began on
//!   December 27" / "the air attacks, which Israel says it launched ... on 27
//!   December" are both `start`), or a copy of the same sentence (six words or more,
//!   of which the other sentence has three in five or more, as a copy inside a longer
//!   quotation does): one day given to two things ("the night of May 29" of a
//!   suspect's story / "the hectic scene on May 29"; Microsoft's "emergency response"
//!   mode "on December 9 after it first learned of the attacks" / the "bulletin
//!   release Dec. 9", whose sentence names the attacks in another clause) is no event
//!   the two must agree on; `date-mismatch`;
//! - `quote`: one word (three letters or more) of a quotation of six words or more that
//!   two outlets give word for word is replaced by another word of the same article;
//!   `quote-drift`;
//! - `surname`: a person's surname (the last of a name claim of two words or more,
//!   which another outlet of the event also gives, shown to be a person's by a title
//!   before the name or the surname, or by a speech verb, a quotation or an age beside
//!   the full name (the surname alone may be a country's or a team's: "Indonesia
//!   said"), and never written in lower case by the event's outlets, nor its first
//!   name) is respelled by one letter (a consonant doubled or undoubled, or an interior
//!   vowel swapped; a changed last vowel is another form of a name, which name-variant
//!   leaves alone) everywhere in one article;
//!   `name-variant`.
//!
//! Dates are planted in two rounds ([`DATE_ROUNDS`]), each its own copy of the corpus
//! (`date/`, `date-2/`) with at most one plant per event, the second in an article the
//! first did not plant in, at another day of the event where it gives one; the figures
//! add the rounds.
//!
//! Each kind's copy of the corpus is written to `target/xtask/planted/KIND/` (the
//! originals are only read) and analysed as a whole with the built-in engines. A plant
//! is found when a finding of its rule has a location overlapping the planted span.
//! A finding that the original corpus does not have (by evaluation fingerprint) and
//! that touches no planted span appears only because of the planting: it is counted as
//! a side effect (overlap passages that a planted word splits are counted apart). `--check` compares with `[planted]` of `eval/figures.toml` and fails
//! when a recall falls below, or the side effects rise above, the recorded figure;
//! `--record` writes today's figures; `--list` prints every plant, found or missed, with
//! its planted line.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use factdiff_claims::{Claim, ClaimKind, ClaimValue};
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

/// An article of the corpus as stored, with factdiff's claims of it (which say what a
/// figure counts and who is a person).
struct Original {
    file: String,
    event: String,
    text: String,
    date: Option<jiff::civil::Date>,
    claims: Vec<Claim>,
    /// The byte ranges of its sentences, as factdiff reads them.
    sentences: Vec<Range<usize>>,
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
    /// The planted line, for `--list`.
    line: String,
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
    /// Titles before a person's name ("Mr.", "President", "coach").
    titles: HashSet<String>,
    /// Verbs that attribute speech ("said", "told").
    speech_verbs: HashSet<String>,
    /// Cardinal number words ("six"): a figure written out, as in a conversion in
    /// brackets ("10 kilometers (six miles)").
    number_words: HashSet<String>,
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
            titles: strings(words.get("titles")).into_iter().collect(),
            speech_verbs: strings(words.get("speech_verbs")).into_iter().collect(),
            number_words: keys(&numbers, "number_words").into_iter().collect(),
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
    let mut list = false;
    for arg in args {
        match arg.as_str() {
            "--check" | "--record" if mode.is_empty() => mode = arg,
            "--list" => list = true,
            other => bail!(
                "unknown argument `{other}`; usage: cargo xtask eval planted [--check | --record] [--list]"
            ),
        }
    }
    let words = Words::load()?;
    let dir = eval_truth::ecbplus_dir()?;
    let events = eval_truth::events(&dir)?;
    let base = eval_truth::load_markdown_folder(&dir)?;
    let lexicons = factdiff_claims::Lexicons::builtin();
    let table = factdiff_claims::WordTable::new();
    let originals: Vec<Original> = base
        .articles
        .iter()
        .map(|a| {
            let path = dir.join(&*a.path);
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            if *text != *a.text {
                bail!("{}: the article's text is not the file as stored", a.path);
            }
            Ok(Original {
                file: a.path.to_string(),
                event: events
                    .get(&*a.path)
                    .with_context(|| format!("{} is not in manifest.jsonl", a.path))?
                    .clone(),
                text,
                date: a.meta.date,
                claims: factdiff_claims::extract_with(a, &lexicons, &table),
                sentences: sentence_ranges(a),
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
        let mut found = 0;
        let mut planted = 0;
        let mut side: BTreeMap<String, usize> = BTreeMap::new();
        // The sites each event's earlier rounds took: a later round plants another.
        let mut taken: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for round in 0..rounds(kind) {
            let seed = SEED ^ xxhash_rust::xxh3::xxh3_64(kind.as_bytes());
            let mut rng = Rng::new(if round == 0 {
                seed
            } else {
                seed ^ round as u64
            });
            let (texts, plants) = plant(kind, &originals, &words, &mut rng, &mut taken);
            let copy = if round == 0 {
                (*kind).to_owned()
            } else {
                format!("{kind}-{}", round + 1)
            };
            let folder = write_copy(&copy, &originals, &texts)?;
            let corpus = eval_truth::load_markdown_folder(&folder)?;
            let findings = factdiff_pipeline::analyse(&corpus, &engines).findings;
            planted += plants.len();
            let touches = |f: &Finding, plant: &Plant| {
                f.locations.iter().any(|loc| {
                    loc.path == plant.file
                        && plant
                            .spans
                            .iter()
                            .any(|s| loc.byte_start < s.end && s.start < loc.byte_end)
                })
            };
            for p in &plants {
                let hit = findings.iter().any(|f| f.rule == *rule && touches(f, p));
                if list {
                    details.push(format!(
                        "  {} {kind}: {} `{}` -> `{}` (as in {}): {}",
                        if hit { "found" } else { "missed" },
                        p.file,
                        p.from,
                        p.to,
                        p.other,
                        p.line
                    ));
                }
                if hit {
                    found += 1;
                } else if !list {
                    details.push(format!(
                        "  missed {kind}: {} `{}` -> `{}` (as in {})",
                        p.file, p.from, p.to, p.other
                    ));
                }
            }
            let prints = eval_fingerprints(&findings);
            for (f, print) in findings.iter().zip(&prints) {
                if !before.contains(print) && !plants.iter().any(|p| touches(f, p)) {
                    eval_truth::bump(&mut side, f.rule.as_str().to_owned());
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
        }
        // Overlap passages split by a planted word are set apart from the rest.
        let side_overlap = side.get("overlap").copied().unwrap_or(0);
        let side_other = side.values().sum::<usize>() - side_overlap;
        let recall = ratio(found, planted).map(round3);
        rows.push(format!(
            "| {kind} | {rule} | {planted} | {found} | {} | {side_other} | {side_overlap} |",
            show(recall)
        ));
        let mut row = toml::Table::new();
        row.insert("plants".into(), toml::Value::Integer(planted as i64));
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
    taken: &mut BTreeMap<String, BTreeSet<String>>,
) -> (Vec<String>, Vec<Plant>) {
    let mut by_event: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (idx, o) in originals.iter().enumerate() {
        by_event.entry(&o.event).or_default().push(idx);
    }
    let mut texts: Vec<String> = originals.iter().map(|o| o.text.clone()).collect();
    let mut plants = Vec::new();
    for (event, members) in &by_event {
        let mut sites = match kind {
            "count" => count_sites(originals, members, words, rng),
            "date" => date_sites(originals, members, words, rng),
            "quote" => quote_sites(originals, members, rng),
            _ => surname_sites(originals, members, words, rng),
        };
        // A later round plants in an article no earlier round of the event planted
        // in: another outlet's date, of another day of the event where it gives one
        // (the same day is the event's same date, told by another pair of outlets).
        let file_label = |site: &Site| format!("file {}", site.file);
        let day_label = |site: &Site| match kind {
            "date" => date_label(words, &originals[site.file].text, &site.range),
            _ => format!("at {}", site.range.start),
        };
        if let Some(before) = taken.get(*event) {
            sites.retain(|site| !before.contains(&file_label(site)));
            if sites.iter().any(|site| !before.contains(&day_label(site))) {
                sites.retain(|site| !before.contains(&day_label(site)));
            }
        }
        if sites.is_empty() {
            continue;
        }
        let site = sites.swap_remove(rng.below(sites.len()));
        let before = taken.entry((*event).to_owned()).or_default();
        before.insert(file_label(&site));
        before.insert(day_label(&site));
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
        let at = spans[0].start;
        let line_start = out[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = out[at..].find('\n').map_or(out.len(), |i| at + i);
        let line = out[line_start..line_end].trim().to_owned();
        texts[site.file] = out;
        plants.push(Plant {
            line,
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

/// A count as factdiff's claims read it: what it counts (the measure and the counted
/// noun or unit) and its value.
type CountKey = (Option<String>, String, u64);

/// Where a count is: the byte range of its digits, whether its measure only rises,
/// and the last words of the names its sentence gives (whose figure it is).
type CountSite = (Range<usize>, bool, Vec<String>);

/// Whether `text` has `word` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The counts of an article that a plant may change: quantity claims of one exact whole
/// value (no qualifier: "at least 40" and "about 40" are intervals; no range), of two
/// or more, with a counted noun or unit that is not a unit of time (a duration), written
/// in digits (one run of them in the claim's text: "40 people", "5,000 gallons"), each
/// with the byte range of its digits.
fn counts(original: &Original, words: &Words) -> BTreeMap<CountKey, CountSite> {
    let digits = Regex::new(r"\d{1,3}(?:,\d{3})+|\d+").expect("regex");
    let mut out = BTreeMap::new();
    for claim in &original.claims {
        let (ClaimKind::Quantity, Some(key)) = (claim.kind, claim.key.as_deref()) else {
            continue;
        };
        let ClaimValue::Interval(value) = &claim.value else {
            continue;
        };
        let factdiff_claims::IntervalValue {
            min: Some(min),
            max: Some(max),
            min_open: false,
            max_open: false,
            unit,
        } = &**value
        else {
            continue;
        };
        if min != max
            || min.fract() != 0.0
            || *min < 2.0
            || unit.is_empty()
            || words.time_units.contains(&**unit)
        {
            continue;
        }
        let (start, end) = (claim.span.start as usize, claim.span.end as usize);
        let runs: Vec<regex::Match> = digits.find_iter(&original.text[start..end]).collect();
        let [run] = runs[..] else { continue };
        let text = &original.text;
        let range = start + run.start()..start + run.end();
        // Not part of a decimal, a model number or a compound ("6.5", "IE-6").
        let glued = |c: Option<char>| c.is_some_and(|c| c == '.' || c.is_alphanumeric());
        if glued(text[..range.start].chars().next_back())
            || text[range.end..]
                .strip_prefix('.')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let value: u64 = run.as_str().replace(',', "").parse().unwrap_or(0);
        if value as f64 != *min || words.qualified(text, range.start) {
            continue;
        }
        // Not one figure of a conversion in brackets ("55 kilometers (34 miles)", "a
        // depth of 22 miles (35 kilometers)"): changed alone, it no longer converts the
        // other, which still gives the old value; the article contradicts itself, not
        // the other outlet.
        // The other figure in digits or in words ("10 kilometers (six miles)").
        let figure = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || words.number_words.contains(
                    &w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase(),
                )
        };
        let before = text[..start].trim_end();
        let converts = before
            .strip_suffix('(')
            .is_some_and(|b| b.split_whitespace().rev().take(3).any(figure));
        let converted = text[end..]
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|r| r.split_whitespace().next().is_some_and(figure));
        if converts || converted {
            continue;
        }
        out.entry((
            key.measure.as_deref().map(str::to_owned),
            unit.to_string(),
            value,
        ))
        .or_insert_with(|| {
            let names = original
                .claims
                .iter()
                .filter(|c| c.kind == ClaimKind::Name && c.sentence == claim.sentence)
                .filter_map(|c| {
                    text[c.span.start as usize..c.span.end as usize]
                        .split_whitespace()
                        .next_back()
                        .map(str::to_lowercase)
                })
                .collect();
            (range, key.monotonic, names)
        });
    }
    out
}

fn count_sites(
    originals: &[Original],
    members: &[usize],
    words: &Words,
    rng: &mut Rng,
) -> Vec<Site> {
    let all: Vec<_> = members
        .iter()
        .map(|&i| counts(&originals[i], words))
        .collect();
    let mut sites = Vec::new();
    for (a, ca) in all.iter().enumerate() {
        for (key, (range, monotonic, names)) in ca {
            // Another outlet of the event gives the same count of the same thing: of
            // someone its sentence names, when it names anyone ("Vaughn finished with
            // 16 points" is not the "team-high 16 points" of an article that never
            // names Vaughn). In any case: a sentence's first word the claims read as
            // a name ("Officials said") is the other outlet's word written lower.
            let whose = |b: usize| {
                let other = originals[members[b]].text.to_lowercase();
                names.is_empty() || names.iter().any(|n| has_word(&other, n))
            };
            let Some(b) = (0..all.len()).find(|&b| b != a && all[b].contains_key(key) && whose(b))
            else {
                continue;
            };
            let value = key.2;
            // A measure that only rises (a death toll) is updated by a later, larger
            // figure: the changed copy goes the way that contradicts the other outlet's
            // (smaller when it is dated later, larger when earlier).
            let (da, db) = (originals[members[a]].date, originals[members[b]].date);
            let direction = match (monotonic, da, db) {
                (true, Some(da), Some(db)) if da > db => Some(false),
                (true, Some(da), Some(db)) if da < db => Some(true),
                (true, _, _) => Some(false),
                _ => None,
            };
            let Some(new) = changed(value, direction, rng) else {
                continue;
            };
            let replacement = if originals[members[a]].text[range.clone()].contains(',') {
                with_commas(new)
            } else {
                new.to_string()
            };
            sites.push(Site {
                file: members[a],
                other: members[b],
                range: range.clone(),
                replacement,
                also: Vec::new(),
            });
        }
    }
    sites
}

/// A count changed enough to be plainly another figure: by 1 to 3 below 10 (up,
/// unless `up` says down), else by a quarter to a half, up or down as `up` says or at
/// random. `None` when it must go down and cannot stay at two or more.
fn changed(value: u64, up: Option<bool>, rng: &mut Rng) -> Option<u64> {
    if value < 10 {
        let delta = 1 + rng.below(3) as u64;
        return match up {
            Some(false) => (value >= 3).then(|| value - delta.min(value - 2)),
            _ => Some(value + delta),
        };
    }
    let delta = (value as f64 * (0.25 + 0.25 * rng.unit())).round().max(1.0) as u64;
    if up.unwrap_or_else(|| rng.below(2) == 0) {
        Some(value + delta)
    } else {
        Some(value - delta)
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

/// How many copies of the corpus a kind is planted in, each with at most one plant per
/// event, a later one in an article no earlier copy of the event planted in (another
/// day of the event where one is a site). Few events give a date two outlets agree
/// on, so dates take two rounds: a recall measured on some thirty plants, not
/// sixteen, where one plant moved the figure by 0.06.
fn rounds(kind: &str) -> usize {
    if kind == "date" { DATE_ROUNDS } else { 1 }
}

/// Copies of the corpus the dates are planted in.
const DATE_ROUNDS: usize = 2;

/// The day a date site moves, as "month day" (the month's key in the calendar lexicon): the
/// same day in two articles of an event is one date of it.
fn date_label(words: &Words, text: &str, range: &Range<usize>) -> String {
    let day = &text[range.clone()];
    let before = text[..range.start].trim_end_matches([' ', '.']);
    let word_before = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let after =
        text[range.end..].trim_start_matches(|c: char| c.is_alphabetic() && c.is_lowercase());
    let word_after = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let month = if word_before.chars().next().is_some_and(char::is_uppercase) {
        word_before
    } else {
        word_after
    };
    let month = month.to_lowercase();
    let month = words.months.get(&month).cloned().unwrap_or(month);
    format!("{month} {day}")
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
    // (month, day, whether the date is when someone spoke) -> the ranges of the day's
    // digits, per article.
    let dates = |original: &Original| -> BTreeMap<(String, u8, bool), Vec<Range<usize>>> {
        let text = original.text.as_str();
        let mut out: BTreeMap<(String, u8, bool), Vec<Range<usize>>> = BTreeMap::new();
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
                let range = start + day.start()..start + day.end();
                out.entry((m, d, said_on(original, &range)))
                    .or_default()
                    .push(range);
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
    let all: Vec<_> = members.iter().map(|&i| dates(&originals[i])).collect();
    let mut sites = Vec::new();
    for (a, da) in all.iter().enumerate() {
        for ((month, day, said), ranges) in da {
            let day = *day;
            let key = (month.clone(), day, *said);
            let here = sentence_at(&originals[members[a]], ranges[0].start);
            let class = event_class(&originals[members[a]], &ranges[0]);
            let Some(b) = (0..all.len()).find(|&b| {
                b != a
                    && all[b].get(&key).is_some_and(|there| {
                        there.iter().any(|r| {
                            let other = &originals[members[b]];
                            one_event(
                                (here, class),
                                (sentence_at(other, r.start), event_class(other, r)),
                            )
                        })
                    })
            }) else {
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
                // The day everywhere the article gives it so: one date moved and its
                // copy left would be a contradiction inside the article ("Unlike on
                // Nov. 13, when ... Peterson was found guilty" above "convicted on Nov.
                // 12"), which no outlet's error makes.
                also: ranges[1..].to_vec(),
            });
        }
    }
    sites
}

/// Whether the date claim over `range` is when someone spoke, as factdiff's claims
/// read it ("quoting her lawyer as saying on May 2", "said on Tuesday"): such a date
/// and another outlet's same day of what happened ("her exit from the clinic on
/// Thursday, May 2") are two things; moving one contradicts nothing the other says.
fn said_on(original: &Original, range: &Range<usize>) -> bool {
    original.claims.iter().any(|c| {
        let ClaimValue::Date(t) = &c.value else {
            return false;
        };
        (c.span.start as usize) <= range.start
            && range.end <= c.span.end as usize
            && (t.reporting
                || c.frame.as_deref().is_some_and(|f| f.said_on)
                || c.key
                    .as_deref()
                    .and_then(|k| k.event.as_deref())
                    .is_some_and(|e| e.reporting))
    })
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

/// The byte ranges of an article's sentences.
fn sentence_ranges(article: &factdiff_corpus::Article) -> Vec<Range<usize>> {
    article
        .sentences
        .iter()
        .map(|s| s.span.start as usize..s.span.end as usize)
        .collect()
}

/// The sentence of `original` holding byte `at` (its line when no sentence does).
fn sentence_at(original: &Original, at: usize) -> &str {
    let text = original.text.as_str();
    match original
        .sentences
        .iter()
        .find(|s| s.start <= at && at < s.end)
    {
        Some(s) => &text[s.clone()],
        None => {
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            &text[start..end]
        }
    }
}

/// The least share of the shorter sentence's lower-case words that the longer one
/// has, for two sentences that tell a date in the same words: a copy of one report,
/// perhaps inside a longer quotation ("... since she became a vice-presidential
/// candidate on Aug. 29. Whatever the motives of the arsonist, ...").
const COPY_LIKENESS: f64 = 0.6;
/// The least words of the shorter sentence for that share to tell anything.
const COPY_WORDS: usize = 6;

/// The class of the event the date claim over `range` dates, as factdiff's claims
/// read it from the date's own clause (the nearest word of events.toml's `[events]`
/// there), not from anywhere in its sentence.
fn event_class<'o>(original: &'o Original, range: &Range<usize>) -> Option<&'o str> {
    original.claims.iter().find_map(|c| {
        let ClaimValue::Date(_) = &c.value else {
            return None;
        };
        ((c.span.start as usize) <= range.start && range.end <= c.span.end as usize)
            .then(|| c.key.as_deref()?.event.as_deref()?.predicate.as_deref())
            .flatten()
    })
}

/// Whether two outlets' sentences of one day date one event: each date's own clause
/// dates an event of one class ([`event_class`]: "the conflict began on December 27" /
/// "the air attacks, which Israel says it launched ... on 27 December", both
/// `start`), or one sentence is nearly a copy of the other. A day two outlets give to
/// two things is no event the two must agree on: "went into emergency response mode
/// on December 9 after it learned of the attacks" / "the monthly security bulletin
/// release Dec. 9" (the second sentence names attacks, but in another clause:
/// "Security researchers first saw evidence of attacks ..., shortly following
/// Microsoft's Patch Tuesday ... release Dec. 9"), "the night of May 29" of a
/// suspect's story / "the hectic scene on May 29" a mother told.
fn one_event((a, ca): (&str, Option<&str>), (b, cb): (&str, Option<&str>)) -> bool {
    if ca.is_some() && ca == cb {
        return true;
    }
    let set = |s: &str| -> BTreeSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (sa, sb) = (set(a), set(b));
    let shared = sa.intersection(&sb).count();
    let shorter = sa.len().min(sb.len());
    shorter >= COPY_WORDS && shared as f64 / shorter as f64 >= COPY_LIKENESS
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

/// The names of people an article may give, by factdiff's name claims: a name of two
/// words or more (titles are not part of a name claim), taken as its last two words,
/// a first name or initial and a surname of three letters or more, neither a word of
/// the lexicons that never starts a name. Returns ("First Last", surname), each surname
/// once.
fn people<'a>(original: &'a Original, words: &Words) -> Vec<(String, &'a str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for claim in &original.claims {
        if claim.kind != ClaimKind::Name {
            continue;
        }
        let name = &original.text[claim.span.start as usize..claim.span.end as usize];
        let parts: Vec<&str> = name.split_whitespace().collect();
        // The first name (or initial) and surname: a capitalized word before the
        // name ("Actress Tara Reid" at a sentence's start) is not the person's.
        let [.., first, last] = parts[..] else {
            continue;
        };
        let word = |w: &str| {
            w.len() >= 3
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w[1..].chars().all(|c| c.is_ascii_lowercase())
        };
        let initial = first.len() >= 2 && first.ends_with('.');
        if !(word(first) || initial) || !word(last) {
            continue;
        }
        if words.not_first_names.contains(&first.to_lowercase())
            || words.not_first_names.contains(&last.to_lowercase())
            || out.iter().any(|(_, s)| *s == last)
        {
            continue;
        }
        out.push((format!("{first} {last}"), last));
    }
    out
}

/// Whether `text` shows `surname` (of `full`) to be a person's: a title right before
/// the name or the surname ("Mr. Reid", "President Obama", "coach Ruiz"), a speech verb
/// right after or before it ("Reid said", "said Tara Reid"), a quotation given to it,
/// or an age after it ("Tara Reid, 33,").
fn is_person(original: &Original, full: &str, surname: &str, words: &Words) -> bool {
    let text = &original.text[body_start(&original.text)..];
    let word = Regex::new(r"[A-Za-z][A-Za-z.'’-]*|\d+|[,;:()]").expect("regex");
    let tokens: Vec<&str> = word
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches('.'))
        .collect();
    // A quotation given to the full name ("…,” said Tara Reid).
    let spoken = original.claims.iter().any(|c| {
        c.speaker().is_some_and(|s| {
            let words: Vec<&str> = s.split_whitespace().collect();
            words.len() >= 2 && words[words.len() - 2..].join(" ") == full
        })
    });
    if spoken {
        return true;
    }
    let full_len = full.split_whitespace().count();
    let verb = |t: &str| words.speech_verbs.contains(&t.to_lowercase());
    let title = |t: &str| words.titles.contains(&t.to_lowercase());
    for (i, t) in tokens.iter().enumerate() {
        if *t != surname {
            continue;
        }
        // Where the name starts: at its first word when the full name ends here.
        // Where the name starts: at its first word when the full name ends here.
        let whole = i + 1 >= full_len && tokens[i + 1 - full_len..=i].join(" ") == full;
        let start = if whole { i + 1 - full_len } else { i };
        let after = tokens.get(i + 1).copied().unwrap_or("");
        let before = start.checked_sub(1).map_or("", |k| tokens[k]);
        let age = after == ","
            && tokens
                .get(i + 2)
                .is_some_and(|t| t.parse::<u32>().is_ok_and(|n| (1..=110).contains(&n)))
            && tokens.get(i + 3) == Some(&",");
        // A title says a person whatever follows ("Mr. Reid"); a speech verb or an
        // age only by the full name: the surname alone may be another thing's name
        // ("Indonesia said", a team's "Drake said").
        if title(before) || whole && (verb(after) || verb(before) || age) {
            return true;
        }
    }
    false
}

fn surname_sites(
    originals: &[Original],
    members: &[usize],
    words: &Words,
    rng: &mut Rng,
) -> Vec<Site> {
    let mut sites = Vec::new();
    let all_text: String = originals.iter().map(|o| o.text.as_str()).collect();
    for (ai, &a) in members.iter().enumerate() {
        let text = &originals[a].text;
        let start = body_start(text);
        for (full, last) in people(&originals[a], words) {
            // Another outlet of the event names the same person.
            let alone = Regex::new(&format!(r"\b{last}\b")).expect("a word");
            let Some(bi) = (0..members.len()).find(|&bi| {
                bi != ai
                    && alone.is_match(
                        &originals[members[bi]].text[body_start(&originals[members[bi]].text)..],
                    )
            }) else {
                continue;
            };
            let b = members[bi];
            if !is_person(&originals[a], &full, last, words)
                && !is_person(&originals[b], &full, last, words)
            {
                continue;
            }
            // No outlet of the event writes the first name or the surname as an ordinary
            // word ("election commission", "highway patrol", "west", "devices").
            let first = full.split_whitespace().next().unwrap_or(last);
            let lower = Regex::new(&format!(
                r"\b(?:{}|{})\b",
                regex::escape(&first.to_lowercase()),
                regex::escape(&last.to_lowercase())
            ))
            .expect("a word");
            if members.iter().any(|&m| lower.is_match(&originals[m].text)) {
                continue;
            }
            let occurrences: Vec<Range<usize>> = alone
                .find_iter(&text[start..])
                .map(|m| start + m.start()..start + m.end())
                .collect();
            let Some(variant) = respell(last, rng) else {
                continue;
            };
            if all_text.contains(&variant) || occurrences.is_empty() {
                continue;
            }
            sites.push(Site {
                file: a,
                other: b,
                range: occurrences[0].clone(),
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
        // An interior vowel: a changed last vowel is another form of a name
        // ("Italiana" / "Italiane"), which name-variant leaves alone by design.
        let swap = match c {
            _ if i + 1 == chars.len() => None,
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

    /// Articles of one event as stored, with their claims.
    fn event(bodies: &[(&str, &str)]) -> Vec<Original> {
        let texts: Vec<(String, String)> = bodies
            .iter()
            .map(|(file, body)| {
                (
                    (*file).to_owned(),
                    format!("+++\ntitle = \"t\"\ndate = 2013-05-03\n+++\n{body}\n"),
                )
            })
            .collect();
        dated(&texts)
    }

    fn dated(texts: &[(String, String)]) -> Vec<Original> {
        let corpus = factdiff_corpus::Corpus::from_inputs(
            texts
                .iter()
                .map(|(path, text)| factdiff_corpus::Input {
                    path: path.clone(),
                    bytes: text.as_bytes().to_vec(),
                })
                .collect(),
        );
        let lexicons = factdiff_claims::Lexicons::builtin();
        texts
            .iter()
            .map(|(path, text)| {
                let a = corpus
                    .articles
                    .iter()
                    .find(|a| &*a.path == path)
                    .expect("an article");
                Original {
                    file: path.clone(),
                    event: "e".to_owned(),
                    text: text.clone(),
                    date: a.meta.date,
                    claims: factdiff_claims::extract(a, &lexicons),
                    sentences: sentence_ranges(a),
                }
            })
            .collect()
    }

    fn planted(originals: &[Original], site: &Site) -> String {
        let text = &originals[site.file].text;
        format!(
            "{}{}{}",
            &text[..site.range.start],
            site.replacement,
            &text[site.range.end..]
        )
    }

    #[test]
    fn a_count_of_the_same_thing_given_alike_by_two_outlets_is_a_site() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(1);
        let plain = event(&[
            ("a.md", "The quake killed 40 people in the town."),
            ("b.md", "Officials said the quake killed 40 people."),
        ]);
        let sites = count_sites(&plain, &[0, 1], &words, &mut rng);
        assert_eq!(sites.len(), 1, "the claims read \"Officials\" as a name");
        let plain = event(&[
            (
                "a.md",
                "The quake killed 40 people in the town, officials said.",
            ),
            ("b.md", "Officials said the quake killed 40 people."),
        ]);
        let sites = count_sites(&plain, &[0, 1], &words, &mut rng);
        assert_eq!(sites.len(), 2, "each article's figure is a site");
        // The same one's figure, named in both; a count in a compound modifier.
        for [a, b] in [
            [
                "Vaughn finished with 16 points.",
                "Jarvis Vaughn scored 16 points in the win.",
            ],
            [
                "He swore a 35-word oath on Monday.",
                "The 35-word oath was read aloud.",
            ],
        ] {
            let originals = event(&[("a.md", a), ("b.md", b)]);
            let sites = count_sites(&originals, &[0, 1], &words, &mut rng);
            assert_eq!(sites.len(), 2, "{a} / {b}");
        }
        let site = &sites[0];
        assert_eq!(&plain[site.file].text[site.range.clone()], "40");
        assert_ne!(site.replacement, "40");
    }

    #[test]
    fn no_count_site_for_hedged_figures_durations_or_other_things() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(1);
        let cases: &[[&str; 2]] = &[
            // Qualified: an interval, not one figure.
            [
                "The quake killed at least 40 people.",
                "Officials said at least 40 people died.",
            ],
            // A duration.
            [
                "He served 12 years in prison.",
                "After 12 years in prison he left.",
            ],
            // The same figure of other things.
            [
                "Police fired 13 shots at the car.",
                "The mother of 13 children spoke to reporters.",
            ],
            // A model number and a date are no counts.
            [
                "The flaw affects Internet Explorer 8 users.",
                "Internet Explorer 8 users are at risk since June 17.",
            ],
            // Designations (`label_units`) are no counts.
            [
                "He escaped with a 12-gauge shotgun.",
                "Deputies said he had a 12-gauge shotgun.",
            ],
            [
                "The 64-bit version is safe.",
                "Only the 64-bit version was patched.",
            ],
            // A figure of a conversion in brackets, either side.
            [
                "The epicenter was 55 kilometers (34 miles) west of Bireun.",
                "The epicenter was 34 miles west of the town of Bireun.",
            ],
            [
                "It struck at a depth of 22 miles (35 kilometers) near Manokwari.",
                "It struck at a depth of 35 kilometers near Manokwari.",
            ],
            // The other figure in words.
            [
                "It struck at a depth of 10 kilometers (six miles) near Bireun.",
                "It struck at a depth of 10 kilometers near the town of Bireun.",
            ],
            // Another one's figure: the other outlet never names Vaughn.
            [
                "Vaughn finished with 16 points and nine rebounds.",
                "Raji had a team-high 16 points for the Eagles.",
            ],
        ];
        for [a, b] in cases {
            let originals = event(&[("a.md", a), ("b.md", b)]);
            let sites = count_sites(&originals, &[0, 1], &words, &mut rng);
            assert!(
                sites.is_empty(),
                "{a} / {b}: {:?}",
                sites
                    .iter()
                    .map(|s| planted(&originals, s))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_death_toll_is_planted_the_way_that_contradicts_a_rising_toll() {
        let words = Words::load().unwrap();
        let body = "The earthquake killed 40 people in the province.";
        let originals = dated(&[
            (
                "a.md".to_owned(),
                format!("+++\ntitle = \"t\"\ndate = 2013-05-03\n+++\n{body}\n"),
            ),
            (
                "b.md".to_owned(),
                format!("+++\ntitle = \"t\"\ndate = 2013-05-04\n+++\n{body}\n"),
            ),
        ]);
        for seed in 0..20 {
            let mut rng = Rng::new(seed);
            let sites = count_sites(&originals, &[0, 1], &words, &mut rng);
            assert_eq!(sites.len(), 2, "both tolls are sites");
            for site in sites {
                let new: u64 = site.replacement.parse().unwrap();
                if site.file == 0 {
                    assert!(new > 40, "the earlier article gets a larger toll: {new}");
                } else {
                    assert!(new < 40, "the later article gets a smaller toll: {new}");
                }
            }
        }
    }

    #[test]
    fn a_date_given_alike_is_moved_one_or_two_days() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = event(&[
            (
                "a.md",
                "The vote was held on December 14 in Ashgabat. Results of the December 14 vote came a day later.",
            ),
            ("b.md", "Voting took place on 14 December in the capital."),
        ]);
        let sites = date_sites(&originals, &[0, 1], &words, &mut rng);
        assert_eq!(sites.len(), 2);
        for site in &sites {
            let day: i32 = site.replacement.parse().unwrap();
            assert!((1..=2).contains(&(day - 14).abs()), "{day}");
            // The day moves everywhere its article gives it.
            assert_eq!(
                site.also.len(),
                usize::from(site.file == 0),
                "{}",
                site.file
            );
        }
    }

    /// A second round plants in another article of the event, at another day where the
    /// event gives one; a day is one day however its month is written.
    #[test]
    fn a_second_round_plants_another_article_and_another_day() {
        let words = Words::load().unwrap();
        let originals = event(&[
            (
                "a.md",
                "The vote was held on December 14 in Ashgabat, and the new parliament opened on Jan. 5 in the capital.",
            ),
            (
                "b.md",
                "Voting was held on 14 December in the capital. The parliament opened on 5 January in the capital.",
            ),
        ]);
        let a = &originals[0].text;
        let at = a.find("5 in").unwrap();
        assert_eq!(date_label(&words, a, &(at..at + 1)), "january 5");
        let b = &originals[1].text;
        let at = b.find("5 January").unwrap();
        assert_eq!(date_label(&words, b, &(at..at + 1)), "january 5");
        for seed in 0..4 {
            let mut taken = BTreeMap::new();
            let (_, first) = plant("date", &originals, &words, &mut Rng::new(seed), &mut taken);
            let (_, second) = plant(
                "date",
                &originals,
                &words,
                &mut Rng::new(seed + 9),
                &mut taken,
            );
            let (_, third) = plant(
                "date",
                &originals,
                &words,
                &mut Rng::new(seed + 19),
                &mut taken,
            );
            assert_eq!((first.len(), second.len(), third.len()), (1, 1, 0));
            assert_ne!(first[0].file, second[0].file);
            assert_ne!(first[0].from, second[0].from);
        }
    }

    /// When someone spoke and what happened the same day are two things: moving one
    /// contradicts nothing the other outlet says.
    #[test]
    fn a_date_someone_spoke_on_meets_only_such_a_date() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = event(&[
            (
                "a.md",
                "The agency reported, quoting her lawyer as saying on May 2 that prosecutors have not approved it.",
            ),
            (
                "b.md",
                "She checked into a second rehab center after her quick exit from the clinic on Thursday, May 2.",
            ),
        ]);
        assert!(date_sites(&originals, &[0, 1], &words, &mut rng).is_empty());
        let originals = event(&[
            (
                "a.md",
                "The agency reported, quoting her lawyer as saying on May 2 that prosecutors have not approved it.",
            ),
            (
                "b.md",
                "Her lawyer said on May 2 that prosecutors have not approved the placement at the center.",
            ),
        ]);
        assert_eq!(date_sites(&originals, &[0, 1], &words, &mut rng).len(), 2);
    }

    /// A day two outlets give to two things is no site: the sentences must name an
    /// event of one class, or be nearly one sentence.
    #[test]
    fn a_date_is_planted_only_where_the_two_sentences_date_one_event() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = event(&[
            (
                "a.md",
                "The teen told police he had only been playing basketball with him until about 5:00 on the night of May 29.",
            ),
            (
                "b.md",
                "His mother described to jurors the hectic scene on May 29 as she lay on the sidewalk.",
            ),
        ]);
        assert!(date_sites(&originals, &[0, 1], &words, &mut rng).is_empty());
        // An event word of another clause of the sentence dates nothing: the attacks
        // are named beside the bulletin's release, not as what happened on its day.
        let originals = event(&[
            (
                "a.md",
                "Security researchers first saw evidence of attacks last week, shortly following the monthly security bulletin release Dec. 9.",
            ),
            (
                "b.md",
                "Reavey said the company went into emergency response mode on December 9 after it first learned of the attacks.",
            ),
        ]);
        assert!(date_sites(&originals, &[0, 1], &words, &mut rng).is_empty());
        let originals = event(&[
            (
                "a.md",
                "The death toll rose above 680 since the conflict began on December 27.",
            ),
            (
                "b.md",
                "Schools have been shut since the start of the air attacks, which Israel launched on 27 December.",
            ),
        ]);
        assert_eq!(date_sites(&originals, &[0, 1], &words, &mut rng).len(), 2);
        let originals = event(&[
            ("a.md", "Formal sentencing is set for 11 a.m. on Nov. 8."),
            ("b.md", "Formal sentencing was set for 11 a.m. on Nov. 8."),
        ]);
        assert_eq!(date_sites(&originals, &[0, 1], &words, &mut rng).len(), 2);
        // A statement copied inside a longer quotation, no event word in either.
        let originals = event(&[
            (
                "a.md",
                "Her spokesman says Palin told a pastor she apologizes for the attention the church has received since she became the vice presidential candidate on Aug. 29.",
            ),
            (
                "b.md",
                "“Gov. Palin stopped by this morning, and she told a pastor that she apologizes for the attention the church has received since she became a vice-presidential candidate on Aug. 29. Whatever the motives, the governor has faith that it will in some way be used for good.”",
            ),
        ]);
        assert_eq!(date_sites(&originals, &[0, 1], &words, &mut rng).len(), 2);
    }

    #[test]
    fn a_dateline_is_no_site_for_a_date() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(2);
        let originals = event(&[
            (
                "a.md",
                "December 14, 2013 10:46 AM\n\nThe vote was held in Ashgabat.",
            ),
            (
                "b.md",
                "PUBLISHED: 14 December 2013\n\nVoting began in the capital.",
            ),
        ]);
        assert!(date_sites(&originals, &[0, 1], &words, &mut rng).is_empty());
    }

    #[test]
    fn a_surname_is_respelled_by_one_letter_everywhere_in_its_article() {
        let words = Words::load().unwrap();
        let mut rng = Rng::new(3);
        let originals = event(&[
            (
                "a.md",
                "Tara Reid, 33, entered rehab, her spokesman said. Reid is well.",
            ),
            (
                "b.md",
                "Actress Tara Reid checked in, said publicist Jack Ketsoyan.",
            ),
        ]);
        let sites = surname_sites(&originals, &[0, 1], &words, &mut rng);
        let site = sites.iter().find(|s| s.file == 0).expect("a site in a.md");
        assert_eq!(site.also.len(), 1, "the second Reid is respelled too");
        assert_ne!(site.replacement, "Reid");
        assert!(site.replacement.len().abs_diff(4) <= 1);
    }

    #[test]
    fn a_respelling_keeps_the_last_letter() {
        // "Steele" / "Steela" is another form of a name to name-variant, not a slip.
        for seed in 0..64 {
            let mut rng = Rng::new(seed);
            for name in ["Steele", "Gray", "Rossi"] {
                let v = respell(name, &mut rng).expect("an edit");
                assert_eq!(v.chars().last(), name.chars().last(), "{name} -> {v}");
            }
        }
    }

    #[test]
    fn a_surname_needs_a_sign_of_a_person() {
        let words = Words::load().unwrap();
        let person = [
            "Mr. Ketsoyan confirmed the news on Friday.",
            "Jack Ketsoyan said the star went to the center.",
            "The star went to the center, said Jack Ketsoyan.",
            "Jack Ketsoyan, 41, confirmed the news.",
            "\u{201c}She is well,\u{201d} said publicist Jack Ketsoyan.",
        ];
        for a in person {
            let originals = event(&[
                ("a.md", a),
                (
                    "b.md",
                    "Jack Ketsoyan spoke to reporters outside the center.",
                ),
            ]);
            let mut rng = Rng::new(5);
            let sites = surname_sites(&originals, &[0, 1], &words, &mut rng);
            assert!(
                sites.iter().any(|s| s.file == 1),
                "{a}: a person, so b.md's Ketsoyan is a site"
            );
        }
        // No sign of a person, or a word the coverage writes in lower case.
        let not_person: &[[&str; 2]] = &[
            [
                "Floods hit South Sudan last week.",
                "Aid reached South Sudan on Monday.",
            ],
            [
                "The Labour Party said it would vote against.",
                "The Labour Party lost; the party said so.",
            ],
            [
                "Advanced Micro Devices said it would buy ATI.",
                "Advanced Micro Devices makes devices for servers.",
            ],
            // A speech verb by the surname alone: a country, not a person.
            [
                "Aid reached World Vision Indonesia on Monday.",
                "Indonesia said the quake killed ten people.",
            ],
        ];
        for [a, b] in not_person {
            let originals = event(&[("a.md", a), ("b.md", b)]);
            let mut rng = Rng::new(5);
            let sites = surname_sites(&originals, &[0, 1], &words, &mut rng);
            assert!(
                sites.is_empty(),
                "{a} / {b}: {:?}",
                sites
                    .iter()
                    .map(|s| planted(&originals, s))
                    .collect::<Vec<_>>()
            );
        }
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
            for up in [None, Some(true), Some(false)] {
                if let Some(new) = changed(value, up, &mut rng) {
                    assert_ne!(new, value);
                    assert!(new >= 2);
                    match up {
                        Some(true) => assert!(new > value),
                        Some(false) => assert!(new < value),
                        None => {}
                    }
                }
            }
        }
        assert_eq!(changed(2, Some(false), &mut rng), None);
        assert_eq!(with_commas(3118), "3,118");
        assert_eq!(with_commas(1234567), "1,234,567");
        assert_eq!(with_commas(999), "999");
    }
}
