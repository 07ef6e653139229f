//! # count-mismatch
//!
//! ## What it does
//! Reports the same count or amount given with disjoint intervals, within one
//! article or across articles: two claims with the same measure (killed, died, dead
//! and death toll are all `deaths`), the same unit or counted noun (people, buses,
//! USD) and the same event context (they share the context words and names of their
//! clauses) whose normalized intervals do not meet.
//!
//! Numbers are intervals: `at least 140` is [140, ∞), `about 80 billion` is widened
//! by 10%, `2.8 million` by its precision (half its last digit: [2.75M, 2.85M]), so
//! `$2bn` is 2,000,000,000 USD give or take half a billion, [1.5bn, 2.5bn]; `two
//! dozen` is 24. A measure declared monotonic (a death toll only rises) is compared
//! with time in mind: a later, larger figure is an update, a later, smaller one a
//! contradiction.
//!
//! ## Why is this bad?
//! Two sources that give different figures for the same thing cannot both be right;
//! a reader who sees both loses trust in both. An editor wants to know which figure
//! to check.
//!
//! ## Example
//! Fires (same date, same earthquake):
//! ```text
//! quake-a.md: The earthquake killed 112 people in Herat province.
//! quake-b.md: At least 140 people died in the Herat earthquake.
//! ```
//! Fires: "a $2bn loan" / "a 200 million dollar loan" for the same loan; "signed
//! four agreements" / "signing seven agreements" for the same visit.
//!
//! Does not fire:
//! ```text
//! a.md: 2.3 million barrels a day     b.md: 2,300,000 barrels a day
//! a.md: about 80 billion euros        b.md: 78.5 billion euros
//! a.md (Oct 14): at least 90 dead     b.md (Oct 15): the toll climbed to 131
//! ```
//! nor claims about different events (another city, another year), nor a template
//! sentence reused for another company or place (each sentence names something the
//! other does not: "lowered the ratings on Atlantic City Electric Co ..., affecting
//! about 500 mln dlrs" / "on Delmarva Power and Light Co ..., affecting 646 mln
//! dlrs"), nor a part and its
//! whole ("139 people, including 7 women") or a figure given alone (two parts of one
//! whole both articles give alike are compared, by the name each is given to when
//! one is of a list: "41 reports ..., including 9 minor burn injuries" / "including
//! 19 minor burn injuries"; "Of the 3,214 ballots cast, 1,702 went to Okafor and 1,488
//! to Brandt" / "1,720 went to Okafor"), nor this year's figure against last
//! year's ("Net profit 3.5 mln dlrs vs 2.3 mln"), nor the quarter against the year,
//! nor a figure of another day (a recurring report, "FED ADDS RESERVES": "to arrange
//! 1.5 billion dlrs" / "two billion dlrs" two days later; a running figure updated),
//! unless its measure only rises, nor a sentence naming what the other article never
//! names ("10 houses were damaged in Takengon" / "about 1,500 houses" in a story that
//! gives only the district's figure; a source's name, "she told Reuters", beside
//! names both sentences give does not count), nor successive states of a running
//! figure (two new values of changes the same day, "is lowering its price by 0.50
//! cent to 65.50 cents" / "raising ... to 66.00 cents"; "on volume of 19 mln shares"
//! in the morning, 188 mln at the close). Within one story, the two ledes must name
//! the same thing (one outlet's "Doug McDermott" is another's "McDermott"; a headline
//! read as one name meets a name that is a run of its words; a dateline,
//! "KATHMANDU, Nepal (AP) —", is where the story was filed, not a name of its lede),
//! and their sentences
//! the same names and context words, unless the two counts are aligned on what they
//! count: two outlets' rewrites word the rest differently ("Almost all of the 288
//! candidates running for 125 seats in the parliament" / "out of the 365 candidates
//! running for the 125 seats"). Aligned: the same counted noun, and another figure
//! both sentences give with the same word next to both counts, or two such figures;
//! not where both sentences name people and none the same ("Wayne caught nine passes
//! for 112 yards" / "Garcon caught six passes for 112 yards"), nor where one sentence
//! writes the other's figure ("won 48 of 62 points" / "won 48 points"); such counts
//! are of one period whether or not both sentences say it ("his finest season in
//! 2008 with 35 receptions for 1,098 yards" / "career highs of 59 receptions, 1,098
//! yards"), unless one sentence is a table (more than four figures: two companies'
//! price lists) and the two share fewer than two whole counts of things (one
//! player's line, "had only 269 yards and two touchdowns on 83 carries and another
//! 201 yards on 29 catches" this season / "269 yards ... and caught 29 passes for
//! 274 yards", is one line; a shared figure may count its things by another noun of
//! the rule's `same-nouns`, "passes" / "catches"). Aligned too: the same counted
//! noun and the same class of what happened to it, read from the count's clause (the
//! rule's `predicates`: "fired 11 shots" / "fired a total of 6 shots"), where
//! neither sentence names what the other
//! article never names; a toll (`lede-predicates`: deaths, injuries, arrests,
//! rescued, layoffs) only where one of the two is in its article's lede, as articles
//! give a toll's parts and other events' tolls too ("Another two people were
//! killed", "In 2004, ... a tsunami that killed 230,000 people"). The counted nouns
//! of a class may differ where the rule's `class-nouns` count them alike: one round
//! of job cuts is "eliminating 1,200 jobs" in one outlet and "putting 1,100 people
//! out of work" in another, but "employs 1,100 workers" is no job cut. A bare toll,
//! an exact figure without its noun ("12 were injured"), counts people, but is
//! compared only where both figures are their articles' ledes: in the body it is a
//! part or a source's earlier figure ("The UN said earlier that it had confirmed 30
//! dead"), and "dozens" or "over 200" injured are round words for a toll still
//! being counted. A
//! count of things has an owner when its sentence says whose it is, by a whole
//! name: the name after an "of" right after the counted noun ("1.7 billion dlrs of
//! debt of Bankers Trust", not the source that said it), a possessive right before
//! the figure ("the Bluejays' 15 assists"), else the first name of its clause
//! before the figure, its subject ("Andre Iguodala 14.9 points"), else the speaker
//! an apposition sets off from the figure's clause ("Miabek Lang, the commissioner
//! of Pariang County, said earlier that 9 people were killed"), else the name an
//! apposition follows ("SeaMicro, an 80-employee startup"); a common word
//! capitalized at the start of a sentence is nobody ("Floods in Kerala"). A period
//! word of the reporting verb ("said earlier that", "said last week that") dates
//! the speech, not the count (the claims' frame leaves it out of the count's
//! period), and a name the other article writes in another form is still named
//! there ("Pariang county" in lower case, "South Sudan's Unity state"). Counts of
//! two owners marked by "of" or a possessive are never compared (two companies'
//! template sentences whose names end alike: "40 mln new shares of Tokyo Optical Co
//! Ltd" / "60 mln new shares of Keihanshin Real Estate Co Ltd"; a clause's first
//! name may be a place in it, "The visit to Baku ended with Mirziyoyev and Aliyev
//! signing seven agreements", so two of those do not part two counts); two counts
//! of one owner within a story are aligned whatever their ledes when they are of
//! one class, toll or not, give the same predicate next to both ("DiLeo has spent
//! 19 seasons" / "DiLeo has spent 13 seasons"), or are both marked by the
//! possessive; not a name's counts of different predicates ("McDermott had 10
//! points in the first 7 1/2 minutes" / "McDermott now has 2,029 points"). Within
//! one article only whole counts of things are compared ("40 stalls" / "60
//! stalls"), and not where a sentence gives both ("8,000 head to Indonesia and
//! 5,000 head to Turkey"): an article gives many amounts of money, percentages and
//! measurements of different things. A person's age set off by commas after the
//! full name ("Carmen Horton, 34, was walking") is compared within one story: two
//! ages of one name the same day, or more years apart than the days allow (one
//! more year a day later is a birthday; a surname alone may be another of the
//! family). An amount of money or a prison term of a class of what it is (the rule's
//! `amount-predicates`: a ransom demanded, a fine, bail, a reward, aid, a prison
//! term) is one figure of the story wherever two articles give it the same day:
//! "demanded a ransom of $5.4 million" / "demanded $4.5 million in cryptocurrency",
//! "was fined 50 million euros" / "must pay a fine of 15 million euros", "was
//! sentenced on Thursday to 45 years in prison" / "was sentenced to 54 years", where
//! the ledes share a name, neither sentence names people none of whom the other
//! names, nor whoever the other article never names (two companies' fines of one
//! watchdog the same day), and no owner marked by "of" or a possessive differs
//! ("UBS's fine" / "fined Barclays"); not what was sought,
//! offered or could be (`amount-hedges`: "prosecutors had sought 60 years", "faces a
//! maximum fine of"). A duration is compared only as a prison term.
//!
//! How often it is right on real news is measured, not written here: `factdiff
//! rules explain count-mismatch` gives the figure recorded in eval/figures.toml.
//!
//! ## Options
//! - `monotonic` (array of measures, default `[]`): measures that only rise over
//!   time, besides those the measures lexicon marks `monotonic` (deaths, injuries,
//!   arrests, rescued: the claim key's `monotonic`); a later, larger figure is not
//!   reported, a later, smaller one is. Figures of other measures are compared only
//!   within one day: another day's figure is another day's report.
//! - `min-shared-context` (integer, default 2): context words and names two claims
//!   must share to be about the same thing.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two claims' contexts.
//! - `max-days-apart` (integer, default 2): the most days between the dates of two
//!   articles whose figures of a rising measure are compared (other figures: the
//!   same day); a toll of last month's story is not a contradiction of today's.
//! - `within-article` (boolean, default true): also compare claims of one article.
//! - `ignore-units` (array of strings, default `[]`): units never compared.
//! - `predicates` (array of arrays of strings, default `[]`; the built-in rule file
//!   gives `shots`): classes of what happened to what a count counts, the first word
//!   naming the class, the others the words of the count's clause (within five
//!   words) that signal it, or a measure of that name: within one story, two whole
//!   counts of the same counted noun and class are about the same thing.
//! - `lede-predicates` (the same, default `[]`; the built-in rule file gives deaths,
//!   injuries, arrests, rescued): classes of tolls, aligned only where one of the two
//!   counts is in its article's lede.
//! - `same-nouns` (array of arrays of strings, default `[]`; the built-in rule file
//!   gives catch, pass, reception): counted nouns, singular, that count the same
//!   things in the other figures two sentences share ("caught 29 passes" / "29
//!   catches"); never for the two counts compared.
//! - `class-nouns` (the same, default `[]`; the built-in rule file gives `layoffs`:
//!   job, worker, employee, staff, staffer, position, people): a class of
//!   `predicates` or `lede-predicates` (its name), then the counted nouns it counts
//!   alike: a count of one of them whose class it is counts the first ("eliminating
//!   1,200 jobs" / "laying off 1,100 workers" / "putting 1,100 people out of work"),
//!   and the class is given only to counts of them ("cutting 12 flights" is no job
//!   cut). A class's words may be phrases ("out of work", "laid off").
//! - `amount-predicates` (array of arrays of strings, default `[]`; the built-in rule
//!   file gives demand, fine, bail, reward, aid and prison term): classes of what an
//!   amount of money or a prison term (a duration of whole years or months) is, the
//!   first word naming the class, the others the words of its clause (within five
//!   words) that signal it: two of one class in two articles of a story, the same
//!   day, are one figure.
//! - `amount-hedges` (array of strings, default `[]`; the built-in rule file gives
//!   sought, asked, faces, maximum, could, ...): words of an amount's clause (within
//!   five words) that make it what was asked for, offered or could be: no class.
//! - `across` (`"story"` or `"corpus"`, default `"story"`): compare the figures of two
//!   articles of one story (the articles that report the same event,
//!   docs/stories.md), or of any two articles: another week's car sales or another
//!   year's earthquake is not a contradiction.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "count-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same count or amount given with disjoint intervals",
    message: "{value} here, but {other_value} in {other_path}: {why}",
    placeholders: &[
        "value",
        "other_value",
        "other_path",
        "measure",
        "unit",
        "interval",
        "other_interval",
        "why",
    ],
    params: &[
        ParamSpec {
            name: "monotonic",
            ty: ParamType::Strings,
            default: "[]",
            doc: "measures that only rise over time, besides the lexicon's `[monotonic]` ones",
        },
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names two claims must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "within-article",
            ty: ParamType::Bool,
            default: "true",
            doc: "also compare claims of one article",
        },
        ParamSpec {
            name: "max-days-apart",
            ty: ParamType::Integer { min: 0, max: 3650 },
            default: "2",
            doc: "the most days between two articles whose figures of a rising measure are compared (other figures: the same day)",
        },
        ParamSpec {
            name: "ignore-units",
            ty: ParamType::Strings,
            default: "[]",
            doc: "units never compared",
        },
        ParamSpec {
            name: "predicates",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "classes of what happened to what a count counts (a name, then the words of its clause that signal it): two counts of one story of the same counted noun and class are about the same thing",
        },
        ParamSpec {
            name: "lede-predicates",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "classes like `predicates` of tolls that articles also give in parts (by place, by day, another event's): aligned only where one of the two counts is in its article's lede",
        },
        ParamSpec {
            name: "same-nouns",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "groups of counted nouns (singular) that count the same things in the other figures two sentences share (\"caught 29 passes\" / \"29 catches\")",
        },
        ParamSpec {
            name: "class-nouns",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "a class of `predicates` or `lede-predicates` (its name), then the counted nouns (singular) it counts alike (\"eliminating 1,200 jobs\" / \"laying off 1,100 workers\"); the class is given only to counts of them",
        },
        ParamSpec {
            name: "amount-predicates",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "classes of what an amount of money or a prison term is (a name, then the words of its clause that signal it: \"fined\", \"ransom\", \"sentenced\"): two of one class in two articles of a story, the same day, whose ledes name the same thing, are one figure",
        },
        ParamSpec {
            name: "amount-hedges",
            ty: ParamType::Strings,
            default: "[]",
            doc: "words of an amount's clause that make it no fact of its class (\"prosecutors sought 25 years\", \"faces a maximum fine of\")",
        },
        super::ACROSS,
    ],
    source: include_str!("count_mismatch.rs"),
};

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::Arc;

use factdiff_claims::{ArticleClaims, ClaimKind, ClaimRef, ClaimValue, RelationKind};
use factdiff_findings::Finding;
use rayon::prelude::*;

use factdiff_claims::{Period, Role};

use super::scope::{self, ArticleScope, Name};
use factdiff_corpus::Span;
use factdiff_findings::{CountDetails, Interval};

use super::{Cx, context_overlap, describe, finding, interval_of};
use crate::Rule;

/// More distinct figures than this for one measure, unit and subject within the
/// time window: the key names nothing specific enough to compare.
const MAX_DISTINCT: usize = 48;

struct Item<'a> {
    article: usize,
    claim: usize,
    sentence: u32,
    day: Option<i32>,
    interval: Interval,
    period: &'a Period,
    context: &'a [factdiff_claims::Word],
    /// The names of its own sentence (within one article, only these count).
    names: &'a [Name<'a>],
    /// The names of its article's lede: what the story is about.
    lede: &'a [Name<'a>],
    /// Every name its article gives, sorted and unique.
    article_names: &'a [&'a str],
    /// Its article's text: a name the claims read in another form is still named.
    text: &'a str,
    /// Whether it is the new value of a change ("increased to 33 mln").
    update: bool,
    /// Whether its measure only rises over time (the claim key's `monotonic`).
    monotonic: bool,
    /// The capitalized words of its sentence after the first (the names it gives, as
    /// written), sorted and unique. Shared by the items of one sentence.
    caps: Words<'a>,
    /// The words of its sentence, figures left out, sorted and unique: how it is
    /// worded, to tell a template or a recurring report from an outlet's own words.
    /// Shared by the items of one sentence.
    words: Words<'a>,
    /// Whether it counts things ("40 stalls"): not money, a percentage or an amount
    /// in a unit of measurement.
    counted: bool,
    /// Whether it is a bare toll, an exact figure without its noun ("12 were
    /// injured"), read as a count of people: compared only as its article's lede
    /// figure with the other article's lede figure.
    bare: bool,
    /// The content words of its clause next to the figure (at most [`NEAR`] words
    /// either side, the counted noun left out), stemmed, sorted and unique: the
    /// predicate ("fired 11 shots", "rushed for 404 yards", "365 candidates running").
    /// Empty unless it counts things. One string, the stems separated by spaces (one
    /// allocation per item).
    near: Box<str>,
    /// The class of what happened to what it counts (the rule's `predicates`: the
    /// index of the first class whose word is nearest the figure in its clause, or
    /// whose name is the claim's measure): "killed 40 people", "leaving 26 people
    /// dead" and "12 people had been killed" are all `deaths`. Only for counts of
    /// things.
    class: Option<u16>,
    /// The numbers its sentence writes in digits, claims or not ("48 of 62 points").
    /// Shared by the items of one sentence.
    numbers: Arc<[f64]>,
    /// For a part ("Of the 36,120 ballots counted, 18,542 went to Delgado"; "41
    /// reports ..., including 9 minor burn injuries"), its whole's unit and bounds: a
    /// part is compared only with a part of another article whose whole is the same
    /// figure (both outlets give the whole alike, so their parts of it are of one
    /// thing), never with a whole or a figure given alone ("139 people, including 7
    /// women").
    whole: Option<(&'a str, [u64; 2])>,
    /// For a part, the name its figure is given to, right after it in its clause
    /// ("1,702 went to Okafor", [`part_label`]).
    label: Option<&'a str>,
    /// For a part, how many parts of its whole its article gives: one of a list is
    /// compared only by its label.
    siblings: u16,
    /// Whose figure it is ([`owner`]): "of debt of Bankers Trust", "the Bluejays' 15
    /// assists", "Andre Iguodala 14.9 points", "SeaMicro, an 80-employee startup".
    /// Only for counts of things.
    owner: Option<Owner<'a>>,
    /// Where its noun is one of its class's `class-nouns`: the class's name and the
    /// noun it is keyed by ("layoffs", "job" for "1,100 people out of work"); for an
    /// amount of a class of `amount-predicates`, the class's name and its unit
    /// ("fine", "EUR"; "prison term", "years").
    counts: Option<(&'a str, &'a str)>,
    /// For an amount of money or a prison term, the class of what it is (the rule's
    /// `amount-predicates`: "fined", "a ransom of", "sentenced to"), by index: two of
    /// one class are one figure of the story ([`aligned`]). Never for a count of
    /// things.
    amount: Option<u16>,
}

/// A prison term's length as an interval: a duration of whole years or months
/// ("45 years" is `P45Y`, "18 months" `P18M`), in its own unit; none for another
/// duration (hours, a decade without its number, an approximate "PXY").
fn term(claim: &factdiff_claims::Claim) -> Option<Interval> {
    let ClaimValue::Duration(value) = &claim.value else {
        return None;
    };
    let rest = value.strip_prefix('P')?;
    let (n, unit) = if let Some(n) = rest.strip_suffix('Y') {
        (n, "years")
    } else {
        (rest.strip_suffix('M')?, "months")
    };
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = n.parse().ok()?;
    (n > 0).then(|| Interval::exact(f64::from(n), unit))
}

/// The units of a prison term ([`term`]).
const TERM_UNITS: [&str; 2] = ["years", "months"];

/// The period of a prison term: durations have none in the claims' frame; a term
/// is of the sentence its clause gives, whenever that was.
static NO_PERIOD: Period = Period {
    words: Vec::new(),
    dates: Vec::new(),
};

/// Whether a word of `hedges` is among the [`NEAR`] words either side of a figure
/// at bytes `at` of `sentence`, in its clause ("prosecutors had sought 25 years",
/// "faces a maximum fine of $10 million"): what was asked for or could be, not what
/// is.
fn hedged(sentence: &str, at: std::ops::Range<usize>, hedges: &[String]) -> bool {
    if hedges.is_empty() {
        return false;
    }
    let clause = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”');
    let before = sentence.get(..at.start).unwrap_or("");
    let before = before.rsplit(clause).next().unwrap_or("");
    let after = sentence.get(at.end..).unwrap_or("");
    let after = after.split(clause).next().unwrap_or("");
    // A capitalized word is a name or a month ("fined in May"), no hedge.
    let split = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty() && !w.starts_with(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    let (b, a) = (split(before), split(after));
    b.iter()
        .rev()
        .take(NEAR)
        .chain(a.iter().take(NEAR))
        .any(|w| hedges.iter().any(|h| h == w))
}

/// The numbers a sentence writes in digits ("48", "1,098"; not "6.5" nor "IE-6").
fn numbers(sentence: &str) -> Arc<[f64]> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != ',' && c != '.' && c != '-')
        .map(|t| t.trim_end_matches([',', '.']))
        .filter(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ','))
        .filter_map(|t| t.replace(',', "").parse().ok())
        .collect()
}

/// The counted noun of a bare toll ("12 were injured"), as the claims give it
/// for "12 people".
const PEOPLE: &str = "people";

/// How many words either side of a figure its predicate is looked for in ([`near`]).
const NEAR: usize = 5;

/// A word's stem for matching a predicate across outlets ("rushed", "rushing" and
/// "rushes" are `rush`): one inflectional ending taken off.
fn stem(word: &str) -> &str {
    for end in ["ing", "ed", "es", "s"] {
        if let Some(s) = word.strip_suffix(end)
            && s.len() >= 3
        {
            return s;
        }
    }
    word
}

/// The predicate next to the count `claims.others()[idx]` of `article` ([`near`]), the
/// other claims of its sentence left out, names too. Claims are in text order, so the
/// sentence's are those next to it (not the whole article's, per claim).
fn predicate(
    cx: &Cx<'_>,
    article: usize,
    claims: &ArticleClaims,
    idx: usize,
    context: &[factdiff_claims::Word],
    unit: &str,
    classes: &[Vec<String>],
) -> (Box<str>, Option<u16>) {
    let claim = &claims.others()[idx];
    let local = cx.in_sentence(article, claim);
    let (others, names) = claims.sentence_run(idx);
    let taken: Vec<std::ops::Range<usize>> = claims.others()[others]
        .iter()
        .map(|c| c.span)
        .chain(claims.names()[names].iter().map(|n| n.span))
        .map(local)
        .collect();
    near(
        cx.sentence_text(article, claim),
        local(claim.span),
        &taken,
        context,
        unit,
        classes,
    )
}

/// Whose figure the count `claims.others()[idx]` is, read from its sentence's names (`known`,
/// the names of its scope; the whole name, never its last word): the name after an "of" right after the counted
/// noun ("1.7 billion dlrs of debt of Bankers Trust": the issuer, not the source
/// that said it), else a possessive right before the figure ("the Bluejays' 15
/// assists"), else the first name of the figure's clause before it, its grammatical
/// subject ("Andre Iguodala 14.9 points"; "Cheeks was a draft choice of the 76ers
/// and played 11 seasons"), else the speaker an apposition sets off from the
/// figure's clause ("Miabek Lang, the commissioner of Pariang County, said earlier
/// that 9 people were killed": both start with a lower-case word), else, for a clause of one lower-case word before the
/// figure right after a name and a comma, that name (an apposition: "SeaMicro, an
/// 80-employee startup"). None where the clause names no one before the figure
/// ("said that 8 people were killed").
fn owner<'c>(
    cx: &Cx<'_>,
    article: usize,
    claims: &'c ArticleClaims,
    idx: usize,
    known: &[Name<'_>],
) -> Option<Owner<'c>> {
    let owned = |name: &'c str, marked: Mark| Some(Owner { name, marked });
    let claim = &claims.others()[idx];
    let sentence = cx.sentence_text(article, claim);
    let local = cx.in_sentence(article, claim);
    let at = local(claim.span);
    let names: Vec<(std::ops::Range<usize>, &'c str)> = claims
        .names_of_sentence(claim.sentence)
        .map(|n| (local(n.span), n.normalized.as_str()))
        // Only the names of its scope: a common word capitalized at the start of a
        // sentence ("Floods in Kerala destroyed 40 homes") is nobody.
        .filter(|(_, n)| known.iter().any(|k| &**k == *n))
        .filter(|(r, _)| r.end <= sentence.len() && sentence.is_char_boundary(r.start))
        .collect();
    let clause = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”');
    let text = |r: std::ops::Range<usize>| sentence.get(r).unwrap_or("");
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // "of" and a name, at most three words after the figure, in its clause.
    if let Some((r, n)) = names.iter().find(|(r, _)| r.start >= at.end) {
        let between = text(at.end..r.start);
        let w = words(between);
        if !between.contains(clause) && w.len() <= 3 && w.last().is_some_and(|x| x == "of") {
            return owned(n, Mark::Of);
        }
    }
    let before: Vec<&(std::ops::Range<usize>, &'c str)> =
        names.iter().filter(|(r, _)| r.end <= at.start).collect();
    // A possessive right before the figure.
    if let Some((r, n)) = before.last() {
        let between = text(r.end..at.start).trim();
        if matches!(between, "'s" | "'" | "’s" | "’") {
            return owned(n, Mark::Possessive);
        }
    }
    let clause_start = text(0..at.start).rfind(clause).map_or(0, |p| p + 1);
    if let Some((_, n)) = before.iter().find(|(r, _)| r.start >= clause_start) {
        return owned(n, Mark::Clause);
    }
    // The speaker an apposition sets off from the figure's clause: "Miabek Lang, the
    // commissioner of Pariang County, said earlier that 9 people were killed". The
    // figure's clause and the apposition before it both start with a lower-case word,
    // and the name stands right before the apposition's comma (not the apposition's
    // own last name, "Tavua" of "the mayor of Tavua, said").
    let lower_start = |t: &str| t.trim_start().starts_with(char::is_lowercase);
    if clause_start > 0
        && text(clause_start - 1..clause_start) == ","
        && lower_start(text(clause_start..at.start))
    {
        let comma = clause_start - 1;
        let apposition = text(0..comma).rfind(clause).map_or(0, |p| p + 1);
        if apposition > 0
            && text(apposition - 1..apposition) == ","
            && lower_start(text(apposition..comma))
            && let Some((r, n)) = before.iter().rev().find(|(r, _)| r.end < apposition)
            && text(r.end..apposition - 1).trim().is_empty()
        {
            return owned(n, Mark::Clause);
        }
    }
    // An apposition: "SeaMicro, an 80-employee startup".
    let lead = words(text(clause_start..at.start));
    if clause_start > 0
        && lead.len() <= 1
        && text(clause_start - 1..clause_start) == ","
        && let Some((r, n)) = before.last()
        && text(r.end..clause_start - 1).trim().is_empty()
    {
        return owned(n, Mark::Clause);
    }
    None
}

/// The name a part `claims.others()[idx]` is given to: the first name after its figure
/// in its sentence, at most three words on and no clause break or other figure between
/// ("1,702 went to Okafor", "1,488 to Brandt"; not "24 were spoiled").
fn part_label<'c>(
    cx: &Cx<'_>,
    article: usize,
    claims: &'c ArticleClaims,
    idx: usize,
) -> Option<&'c str> {
    let claim = &claims.others()[idx];
    let text: &str = &cx.article(article).text;
    let next = claims
        .after(idx)
        .take_while(|c| c.sentence() == claim.sentence)
        .find(|c| c.span().start >= claim.span.end)?;
    let ClaimRef::Name(next) = next else {
        return None;
    };
    let between = text.get(claim.span.end as usize..next.span.start as usize)?;
    let words = between.split_whitespace().count();
    let breaks = between.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']);
    (words <= 3 && !breaks).then_some(next.normalized.as_str())
}

/// Whose figure a count is ([`owner`]).
#[derive(Clone, Copy)]
struct Owner<'a> {
    /// The name, whole ("tokyo optical co ltd", never "co ltd").
    name: &'a str,
    /// How the sentence says it is the owner's.
    marked: Mark,
}

/// How a sentence says whose a count is ([`owner`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// "of" and the name right after the counted noun ("of debt of Bankers Trust").
    Of,
    /// A possessive right before the figure ("the Bluejays' 15 assists").
    Possessive,
    /// The first name of the figure's clause, or the name an apposition follows: its
    /// subject, as near as the words tell ("The visit to Baku ended with Mirziyoyev
    /// and Aliyev signing seven agreements": not Baku's), so two of them that differ
    /// do not part two counts.
    Clause,
}

/// Whether two counts of two articles of one story are of one owner and one class of
/// what happened to them: the same counted noun (their key) in whole numbers, the
/// same owner ([`owner`]), and the same class (the rule's `predicates` or
/// `lede-predicates`: "Cheeks fired 11 shots" / "Cheeks fired a total of 6 shots";
/// a toll anywhere in the articles, not only in a lede, once its owner is named), or,
/// without a class, both marked by the same possessive ("the Bluejays' 15 assists" /
/// "the Bluejays' 11 assists"). Such counts are compared whatever the ledes name
/// ([`Align::Class`]). Without a possessive, a name's counts of no class are many
/// things ("McDermott had 10 points in the first 7 1/2 minutes" / "McDermott now
/// has 2,029 points"; a coach's seasons as a player and as a coach).
fn one_owner(a: &Item<'_>, b: &Item<'_>) -> bool {
    let (Some(x), Some(y)) = (a.owner, b.owner) else {
        return false;
    };
    whole_counts(a, b)
        && names_meet(x.name, y.name)
        && a.class == b.class
        && (a.class.is_some()
            || x.marked == Mark::Possessive && y.marked == Mark::Possessive
            || !a.near.is_empty() && a.near == b.near)
}

/// The content words next to a figure at bytes `at` of `sentence` (its clause: up to
/// a comma, a colon, a semicolon, a dash or a bracket), at most [`NEAR`] either side,
/// that the claim's context holds (which leaves out stop and speech words), not the
/// counted noun: stemmed, sorted and unique. And the class (`classes`, the rule's
/// `predicates`) of the word of the same window nearest the figure that signals one,
/// the nearer side first ("8 people were killed and 20 were wounded": `killed`).
fn near(
    sentence: &str,
    at: std::ops::Range<usize>,
    taken: &[std::ops::Range<usize>],
    context: &[factdiff_claims::Word],
    unit: &str,
    classes: &[Vec<String>],
) -> (Box<str>, Option<u16>) {
    let clause = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”');
    let before = sentence.get(..at.start).unwrap_or("");
    let before = before.rsplit(clause).next().unwrap_or("");
    let after = sentence.get(at.end..).unwrap_or("");
    let after = after.split(clause).next().unwrap_or("");
    // Words as written with their offsets; a name or a figure ("three
    // touchdowns", "Klitschko") is not a predicate.
    let base = |t: &str| t.as_ptr() as usize - sentence.as_ptr() as usize;
    let split = |t: &str| -> Vec<String> {
        let start = base(t);
        t.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty() && !w.starts_with(char::is_uppercase))
            .filter(|w| {
                let at = start + (w.as_ptr() as usize - t.as_ptr() as usize);
                !taken.iter().any(|r| r.start <= at && at < r.end)
            })
            .map(str::to_lowercase)
            .collect()
    };
    let (b, a) = (split(before), split(after));
    // The class whose word or phrase ("out of work") starts at `words[at]`.
    let class_at = |words: &[String], at: usize| {
        classes
            .iter()
            .position(|c| {
                c.iter().skip(1).any(|x| {
                    let mut phrase = x.split(' ');
                    let n = phrase.clone().count();
                    words
                        .get(at..at + n)
                        .is_some_and(|run| phrase.by_ref().zip(run).all(|(p, w)| p == w))
                })
            })
            .and_then(|p| u16::try_from(p).ok())
    };
    let mut class = None;
    for k in 0..NEAR {
        let before = b.len().checked_sub(k + 1).and_then(|i| class_at(&b, i));
        class = before.or_else(|| (k < a.len()).then(|| class_at(&a, k)).flatten());
        if class.is_some() {
            break;
        }
    }
    let words = b.iter().rev().take(NEAR).chain(a.iter().take(NEAR));
    let mut out: Vec<&str> = words
        .filter(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !(w.starts_with(unit) || unit.len() > 3 && w.starts_with(stem(unit))))
        .filter(|w| context.iter().any(|c| c.len() >= 4 && w.starts_with(&**c)))
        .map(|w| stem(w))
        .collect();
    out.sort_unstable();
    out.dedup();
    (out.join(" ").into_boxed_str(), class)
}

/// A sentence's words, sorted and unique, shared by the items of that sentence.
type Words<'a> = Arc<[&'a str]>;

/// How alike two sentences' wording must be (the Jaccard similarity of their words,
/// figures left out) for them to be one template: reused with other names, or a
/// recurring report of another day.
const TEMPLATE_SIMILARITY: f64 = 0.5;

/// The words of a sentence that are not figures, sorted and unique.
fn wording(sentence: &str) -> Vec<&str> {
    let mut out: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The Jaccard similarity of two sorted, unique word lists.
fn worded_alike(a: &[&str], b: &[&str]) -> f64 {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The capitalized words of a sentence after its first word, sorted and unique.
fn capitalized(sentence: &str) -> Vec<&str> {
    let mut out: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two ledes name the same thing first (the story's subject): the same name,
/// or one a run of the other's words ("mcdermott" against a headline read as one
/// name, "mcdermott sets scoring record"). A name both ledes give after their
/// subjects (an underwriter, a rating agency) is not enough.
fn ledes_meet(a: &[Name<'_>], b: &[Name<'_>]) -> bool {
    let within = run_of;
    // A first name of four words or more is a headline read as one name ("sudan
    // bombs south sudanese refugee camp"): any name of the other lede that is a run
    // of its words ("sudan") meets it.
    let headline = |first: &str, other: &[Name<'_>]| {
        first.split(' ').count() >= HEADLINE_WORDS && other.iter().any(|n| within(n, first))
    };
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            x == y || within(x, y) || within(y, x) || headline(x, b) || headline(y, a)
        }
        _ => false,
    }
}

/// The fewest words of a lede's first name read as a headline ([`ledes_meet`]).
const HEADLINE_WORDS: usize = 4;

/// The comparable value of an item: its interval and period.
type ValueKey<'a> = (u64, u64, bool, bool, &'a Period);

fn bounds(i: &Interval) -> [u64; 2] {
    [
        i.min.map_or(u64::MAX, f64::to_bits),
        i.max.map_or(u64::MAX, f64::to_bits),
    ]
}

fn value_key<'a>(item: &Item<'a>) -> ValueKey<'a> {
    let i = &item.interval;
    (
        i.min.map_or(u64::MAX, f64::to_bits),
        i.max.map_or(u64::MAX, f64::to_bits),
        i.min_open,
        i.max_open,
        item.period,
    )
}

/// A pair found: the later claim (primary) against an earlier one.
struct Hit {
    primary: (usize, usize),
    related: (usize, usize),
    intervals: (Interval, Interval),
    why: String,
    shared: usize,
    /// The class and the noun both counts are keyed by where the rule's
    /// `class-nouns` count theirs alike ("layoffs", "job"): what the message names.
    counts: Option<(String, String)>,
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let monotonic: BTreeSet<&str> = p.strings("monotonic").iter().map(String::as_str).collect();
    let ignore: BTreeSet<&str> = p
        .strings("ignore-units")
        .iter()
        .map(String::as_str)
        .collect();
    let min_shared = p.int("min-shared-context") as usize;
    let min_sim = p.float("min-context-similarity");
    let within = p.bool("within-article");
    let max_days = p.int("max-days-apart");
    let scopes = &cx.scopes;
    let across_corpus = Cx::across_corpus(rule);
    // The classes, `predicates` first, then `lede-predicates` from `lede_from` on.
    let classes: Vec<Vec<String>> = p
        .groups("predicates")
        .iter()
        .chain(p.groups("lede-predicates"))
        .cloned()
        .collect();
    let lede_from = p.groups("predicates").len();
    let same_nouns = p.groups("same-nouns");
    // Each class's counted nouns (`class-nouns`), by the class's index: a count of one
    // of them counts the first, and a class with nouns is given only to their counts.
    let class_nouns: Vec<Option<&[String]>> = classes
        .iter()
        .map(|c| {
            p.groups("class-nouns")
                .iter()
                .find(|g| g.len() > 1 && g.first() == c.first())
                .map(|g| &g[1..])
        })
        .collect();
    let class_nouns = &class_nouns[..];
    let classes = &classes[..];
    // What an amount of money or a prison term is (`amount-predicates`), and the words
    // that make it what was asked for or could be (`amount-hedges`).
    let amounts = p.groups("amount-predicates");
    let hedges = p.strings("amount-hedges");
    // An amount's key names its class, apart from the things amounts are of ("a
    // $2bn fine" is `fine` without a class word of its own nearby).
    let amount_keys: Vec<String> = amounts
        .iter()
        .map(|c| format!("={}", c.first().map_or("", String::as_str)))
        .collect();
    let amount_keys = &amount_keys[..];

    // Each article's names: a sentence's figure is about what it names, and another
    // article that never names it speaks of something else.
    let article_names: Vec<Vec<&str>> = scopes
        .par_iter()
        .map(|sc| {
            let mut names: Vec<&str> = sc.names().map(|n| &**n).collect();
            names.sort_unstable();
            names.dedup();
            names
        })
        .collect();
    let article_names = &article_names;
    // Each article's figures in their units, whatever they are of (a change's new
    // value, a part, a figure without a key too), sorted and unique, each with its
    // sentence. A figure with one bound ("up to 3,491,030 new shares") gives that
    // bound too.
    // The units borrowed from the claims (the interval's unit is its value's).
    let sentence_figures: Vec<Vec<(u32, &str, [u64; 2])>> = cx
        .claims
        .par_iter()
        .map(|claims| {
            let mut figures: Vec<(u32, &str, [u64; 2])> = Vec::new();
            for c in claims.others() {
                let Some(i) = interval_of(c) else { continue };
                let ClaimValue::Interval(value) = &c.value else {
                    continue;
                };
                let unit = &value.unit;
                figures.push((c.sentence, &**unit, bounds(&i)));
                if let (Some(b), None) | (None, Some(b)) = (i.min, i.max) {
                    figures.push((c.sentence, &**unit, [b.to_bits(); 2]));
                }
            }
            figures.sort_unstable();
            figures.dedup();
            figures
        })
        .collect();
    let article_figures: Vec<Vec<(&str, [u64; 2])>> = sentence_figures
        .par_iter()
        .map(|figures| {
            let mut out: Vec<(&str, [u64; 2])> =
                figures.iter().map(|(_, u, b)| (*u, *b)).collect();
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect();
    let article_figures = &article_figures;
    let sentence_figures = &sentence_figures;
    // Map: each article's comparable claims, keyed by (story, measure, unit, subject).
    // Borrowed from the claims and scopes: one allocation per item at most.
    // A part's key also holds its whole ([`Item::whole`]): parts are grouped only with
    // parts of the same whole, apart from the figures given alone.
    type Key<'k> = (usize, Cow<'k, str>, &'k str, &'k str, Option<(&'k str, [u64; 2])>);
    let items_of = |article: usize| -> Vec<(Key<'_>, Item<'_>)> {
            let all = &cx.claims[article];
            // The figures; `predicate`, `part_label` and `owner` read the names too.
            let claims = all.others();
            let sc: &ArticleScope = &scopes[article];
            let story = cx.scope_of(rule, article);
            let change: BTreeSet<usize> = claims
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.relations().iter().any(|r| {
                        matches!(r.kind, RelationKind::ChangeTo | RelationKind::ConversionOf)
                    })
                })
                .map(|(idx, _)| idx)
                .collect();
            // A part ("including 9 minor burn injuries") is compared only with a part
            // of the same whole, in its unit and bounds ([`Item::whole`], the key).
            let whole_of = |c: &factdiff_claims::Claim| -> Option<(&str, [u64; 2])> {
                let r = c.relations().iter().find(|r| r.kind == RelationKind::PartOf)?;
                let whole = claims.get(r.target)?;
                let i = interval_of(whole)?;
                let ClaimValue::Interval(value) = &whole.value else {
                    return None;
                };
                Some((&*value.unit, bounds(&i)))
            };
            let part_of = |c: &factdiff_claims::Claim| {
                c.relations()
                    .iter()
                    .find(|r| r.kind == RelationKind::PartOf)
                    .map(|r| r.target)
            };
            let mut parts_per_whole: std::collections::BTreeMap<usize, u16> =
                std::collections::BTreeMap::new();
            for c in claims {
                if let Some(w) = part_of(c) {
                    let n = parts_per_whole.entry(w).or_default();
                    *n = n.saturating_add(1);
                }
            }
            let mut out = Vec::new();
            // The last sentence's capitalized words, wording and numbers, shared by its items.
            let mut last: Option<(u32, Words<'_>, Words<'_>, Arc<[f64]>)> = None;
            for (idx, claim) in claims.iter().enumerate() {
                if change.contains(&idx) {
                    continue;
                }
                let whole = whole_of(claim);
                let is_part = claim.relations().iter().any(|r| r.kind == RelationKind::PartOf);
                if is_part && whole.is_none() {
                    continue;
                }
                // A duration is compared only as a prison term ([`term`], a class of
                // `amount-predicates` below).
                let duration = claim.kind == ClaimKind::Duration;
                let Some(interval) = (if duration {
                    term(claim)
                } else {
                    interval_of(claim)
                }) else {
                    continue;
                };
                let Some(key) = claim.key.as_ref() else {
                    continue;
                };
                let Some(frame) = claim.frame.as_deref() else {
                    continue;
                };
                let Some(period) = frame.period.as_deref().or(duration.then_some(&NO_PERIOD))
                else {
                    continue;
                };
                // A cell of a comparison table ("Shr 34 cts vs 1.19 dlrs"), or the
                // other side of a comparison ("up from 12", "a year ago").
                if matches!(frame.role, Role::Table | Role::Comparison) {
                    continue;
                }
                let measure = key.measure.as_deref().unwrap_or_default();
                let unit = match &claim.value {
                    ClaimValue::Interval(value) if key.unit.is_empty() => &*value.unit,
                    _ if duration => "",
                    _ => &*key.unit,
                };
                // What an amount of money or a prison term is: the class of the word of
                // `amount-predicates` nearest it in its clause, unless a word of
                // `amount-hedges` makes it what was asked for or could be.
                let amount = if (claim.kind == ClaimKind::Money || duration) && !amounts.is_empty()
                {
                    let (_, class) = predicate(cx, article, all, idx, &key.context, unit, amounts);
                    class.filter(|_| {
                        !hedged(
                            cx.sentence_text(article, claim),
                            cx.in_sentence(article, claim)(claim.span),
                            hedges,
                        )
                    })
                } else {
                    None
                };
                if duration && amount.is_none() {
                    continue;
                }
                let unit = if duration {
                    TERM_UNITS
                        .iter()
                        .find(|u| **u == interval.unit)
                        .copied()
                        .unwrap_or_default()
                } else {
                    unit
                };
                // A bare toll ("12 were injured", "three died") counts people: the
                // measures that only rise are tolls of people (lexicons/measures.toml),
                // so it is compared with "15 people were hurt". Only an exact figure:
                // "dozens", "hundreds" and "over 200" injured are an outlet's round
                // words for a toll still being counted.
                let bare_toll = claim.kind == ClaimKind::Quantity
                    && unit.is_empty()
                    && key.monotonic
                    && !measure.is_empty()
                    && interval.min.is_some()
                    && interval.min == interval.max;
                let unit = if bare_toll { PEOPLE } else { unit };
                if unit.is_empty() && measure.is_empty() || ignore.contains(unit) {
                    continue;
                }
                // A percentage without a measure is a change or a share of something
                // unnamed: too vague to compare.
                if claim.kind == ClaimKind::Percent && measure.is_empty() {
                    continue;
                }
                if interval.min.is_none() && interval.max.is_none() {
                    continue;
                }
                let Some(subject) = sc.subject() else {
                    continue;
                };
                // Within one story (the default), its articles report one event:
                // two outlets' ledes name it in their own words ("Doug McDermott" /
                // "Creighton"), so they need only share a name ([`compare`]), not
                // lead with the same one. Across the corpus, the lede's first name
                // keeps the figures of different companies apart.
                let subject = if across_corpus { subject } else { "" };
                // Without a measure, an amount in a unit of measurement ("470,600
                // tons", "40 mln dlrs") must say what it is an amount of; a counted
                // noun ("three earthquakes") says it itself.
                // A part counts what its whole counts, in the whole's unit (its key
                // holds the whole): "1,702 went to Okafor" and "1,488 to Brandt" are
                // ballots whatever the words after them.
                let what = if let Some(c) = amount {
                    Cow::Borrowed(amount_keys[usize::from(c)].as_str())
                } else if !measure.is_empty()
                    || whole.is_some()
                    || frame.counted && claim.kind == ClaimKind::Quantity
                {
                    Cow::Borrowed(measure)
                } else {
                    match frame.thing.as_deref() {
                        Some(thing) => Cow::Borrowed(thing),
                        None => continue,
                    }
                };
                let (caps, words, numbers) = match &last {
                    Some((s, caps, words, numbers)) if *s == claim.sentence => {
                        (Arc::clone(caps), Arc::clone(words), Arc::clone(numbers))
                    }
                    _ => {
                        let text = cx.sentence_text(article, claim);
                        let (caps, words): (Words<'_>, Words<'_>) =
                            (capitalized(text).into(), wording(text).into());
                        let numbers = numbers(text);
                        last = Some((
                            claim.sentence,
                            Arc::clone(&caps),
                            Arc::clone(&words),
                            Arc::clone(&numbers),
                        ));
                        (caps, words, numbers)
                    }
                };
                let counted = bare_toll || frame.counted && claim.kind == ClaimKind::Quantity;
                let (near, class) = if counted {
                    let (near, class) =
                        predicate(cx, article, all, idx, &key.context, unit, classes);
                    // The claim's measure names a class itself ("the death toll
                    // rose to 40": `deaths`).
                    let named = classes
                        .iter()
                        .position(|c| c.first().is_some_and(|n| n == measure))
                        .and_then(|p| u16::try_from(p).ok());
                    (near, class.or(named))
                } else {
                    (Box::default(), None)
                };
                // A class's nouns count the same things ("eliminating 1,200 jobs",
                // "laying off 1,100 workers", "putting 1,100 people out of work"): the
                // count is keyed by the first; a count of another noun is of no class.
                let (unit, class, counts) = match class.and_then(|c| class_nouns[usize::from(c)])
                {
                    Some(nouns) if nouns.iter().any(|n| n == unit) => {
                        let name = class.and_then(|c| classes[usize::from(c)].first());
                        (&*nouns[0], class, name.map(|n| (&**n, &*nouns[0])))
                    }
                    Some(_) => (unit, None, None),
                    None => (unit, class, None),
                };
                let counts = counts.or_else(|| {
                    let c = usize::from(amount?);
                    Some((amounts[c].first()?.as_str(), unit))
                });
                out.push((
                    (story, what, unit, subject, whole),
                    Item {
                        article,
                        claim: idx,
                        sentence: claim.sentence,
                        day: sc.day,
                        interval: interval.clone(),
                        period,
                        context: &key.context,
                        names: sc.sentence_names(claim.sentence),
                        lede: sc.lede(),
                        article_names: &article_names[article],
                        text: &cx.article(article).text,
                        update: frame.role == Role::Update,
                        monotonic: key.monotonic,
                        caps,
                        words,
                        counted,
                        bare: bare_toll,
                        near,
                        class,
                        numbers,
                        whole,
                        label: whole.and_then(|_| part_label(cx, article, all, idx)),
                        siblings: part_of(claim)
                            .and_then(|w| parts_per_whole.get(&w).copied())
                            .unwrap_or(0),
                        owner: if counted || amount.is_some() {
                            owner(cx, article, all, idx, sc.sentence_names(claim.sentence))
                        } else {
                            None
                        },
                        counts,
                        amount,
                    },
                ));
            }
            out
    };
    // Compare within each group, in time order, each claim against the distinct
    // figures of the window before it: linear in the group's size.
    let compare_group = |group: &mut [(&Key<'_>, &Item<'_>)]| -> Vec<Hit> {
            group.sort_by_key(|(_, it)| (it.day, it.article, it.claim));
            let (_, measure, _, subject, _) = group[0].0;
            let items: Vec<&Item<'_>> = group.iter().map(|(_, it)| *it).collect();
            let mut out = Vec::new();
            // An article that also gives the other figure (a range, two tranches,
            // "coffee earnings rose to 220 mln dlrs ... oil derivatives were down to
            // 54 mln dlrs") does not contradict it.
            let gives = |article: usize, i: &Interval| {
                article_figures[article]
                    .binary_search_by(|(u, b)| (*u, *b).cmp(&(i.unit.as_str(), bounds(i))))
                    .is_ok()
            };
            // Within one article, a sentence that gives both figures ("8,000 head of
            // dairy cattle to Indonesia and 5,000 head to Turkey", "Arab Heavy dropped
            // 10 cts ... and Dubai was off 12 cts") lists the figures of different
            // things: neither contradicts the other where the article repeats them.
            let said_with = |it: &Item<'_>, i: &Interval| {
                sentence_figures[it.article]
                    .binary_search_by(|(s, u, b)| {
                        (*s, *u, *b).cmp(&(it.sentence, i.unit.as_str(), bounds(i)))
                    })
                    .is_ok()
            };
            // Each item against the latest item of each distinct value in its window.
            scope::sliding_window(
                &items,
                |it| it.day,
                |it| value_key(it),
                max_days,
                1,
                |j, latest| {
                    let b = items[j];
                    let vb = value_key(b);
                    if latest.len() > MAX_DISTINCT {
                        return;
                    }
                    for (va, held) in latest {
                        let Some(&i) = held.last() else { continue };
                        if *va == vb {
                            continue;
                        }
                        let a = items[i];
                        // Two parts of one whole ([`Item::whole`]) in one article are
                        // its parts, not one figure given twice.
                        if a.whole.is_some() && a.article == b.article {
                            continue;
                        }
                        // Two parts of one whole are the same part when given to the
                        // same name ("1,702 went to Okafor" / "1,720 went to Okafor"),
                        // or, named by neither, when neither is one of a list ("41
                        // reports ..., including 9 minor burn injuries"): not Okafor's
                        // votes against Brandt's, nor against the spoiled ballots.
                        if a.whole.is_some() {
                            let same = match (a.label, b.label) {
                                (Some(x), Some(y)) => names_meet(x, y),
                                (None, None) => a.siblings <= 1 && b.siblings <= 1,
                                _ => false,
                            };
                            if !same {
                                continue;
                            }
                        }
                        // A bare toll is the story's own figure only in a lede: in the
                        // body it is a part, a source's earlier figure or another
                        // place's ("Five people died and seven were injured in Aceh",
                        // "The UN said earlier that it had confirmed 30 dead").
                        if (a.bare || b.bare)
                            && (a.article == b.article || a.sentence != 0 || b.sentence != 0)
                        {
                            continue;
                        }
                        if a.article != b.article
                            && (gives(a.article, &b.interval) || gives(b.article, &a.interval))
                        {
                            continue;
                        }
                        if a.article == b.article
                            && (said_with(a, &b.interval) || said_with(b, &a.interval))
                        {
                            continue;
                        }
                        // Counts of two owners that their sentences mark ("of", a
                        // possessive) are of two things ("48 mln shares of Tokyo
                        // Optical Co Ltd" / "60 mln shares of Keihanshin Real Estate
                        // Co Ltd").
                        if let (Some(x), Some(y)) = (a.owner, b.owner)
                            && x.marked != Mark::Clause
                            && y.marked != Mark::Clause
                            && !names_meet(x.name, y.name)
                        {
                            continue;
                        }
                        let aligned = if a.article != b.article && !across_corpus {
                            aligned(a, b, sentence_figures, lede_from, same_nouns)
                        } else {
                            Align::No
                        };
                        if let Some(hit) = compare(
                            a, b, subject, measure, &monotonic, min_shared, min_sim, within,
                            aligned,
                        ) {
                            out.push(hit);
                            break;
                        }
                    }
                },
            );
            out
    };
    // A key names its scope (the story, `Cx::scope_of`), so no group spans two: each
    // scope's items are made, grouped, compared and dropped in turn (issue 14: held
    // for the whole corpus at once they were the run's peak), the scopes in parallel.
    let order = cx.by_scope(rule);
    let scopes_of: Vec<&[(usize, usize)]> = order.chunk_by(|a, b| a.0 == b.0).collect();
    let mut hits: Vec<Hit> = scopes_of
        .par_iter()
        .flat_map_iter(|articles| {
            let per_article: Vec<Vec<(Key<'_>, Item<'_>)>> = articles
                .par_iter()
                .with_min_len(64)
                .map(|&(_, article)| items_of(article))
                .collect();
            // Group by key: sorted (stable: articles stay in order), then cut where it
            // changes. The items stay in their articles' lists; what is sorted and cut
            // into groups is a reference to each.
            let mut all: Vec<(&Key, &Item<'_>)> =
                Vec::with_capacity(per_article.iter().map(Vec::len).sum());
            all.extend(per_article.iter().flatten().map(|(key, item)| (key, item)));
            all.par_sort_by(|a, b| a.0.cmp(b.0));
            all.par_chunk_by_mut(|a, b| a.0 == b.0)
                .flat_map_iter(compare_group)
                .collect::<Vec<Hit>>()
        })
        .collect();
    // One finding per claim: its first conflict in a total order.
    hits.sort_by_key(|h| (h.primary, h.related));
    hits.dedup_by_key(|h| h.primary);
    let ages = if across_corpus {
        Vec::new()
    } else {
        age_findings(cx, rule, within)
    };
    hits.into_iter()
        .map(|hit| {
            let (pa, pc) = hit.primary;
            let (ra, rc) = hit.related;
            let claim_p = &cx.claims[pa].others()[pc];
            let claim_r = &cx.claims[ra].others()[rc];
            let key = claim_p.key.as_ref();
            let (ip, ir) = hit.intervals;
            // A class's nouns counted alike: the class and the noun they are keyed by.
            let (measure, unit) = match hit.counts {
                Some(counts) => counts,
                None => (
                    key.and_then(|k| k.measure.as_deref())
                        .unwrap_or_default()
                        .to_owned(),
                    match key.map(|k| &*k.unit) {
                        Some(u) if !u.is_empty() => u.to_owned(),
                        _ => ip.unit.clone(),
                    },
                ),
            };
            let what = match (measure.is_empty(), unit.is_empty()) {
                // Money and percent figures show their unit ("$2 billion", "12%").
                (true, _) if factdiff_claims::shows_unit(&unit) => "amount".to_owned(),
                (true, _) => unit.clone(),
                (false, true) => measure.clone(),
                (false, false) => format!("{measure} ({unit})"),
            };
            let values = [
                ("value", cx.article(pa).slice(claim_p.span).to_owned()),
                ("other_value", cx.article(ra).slice(claim_r.span).to_owned()),
                ("other_path", cx.article(ra).reference()),
                ("measure", measure.clone()),
                ("unit", unit.clone()),
                ("interval", describe(&ip)),
                ("other_interval", describe(&ir)),
                ("why", format!("{} for the same {what}", hit.why)),
            ];
            cx.with_story(
                finding(
                    rule,
                    &values,
                    vec![cx.loc(pa, claim_p.span), cx.loc(ra, claim_r.span)],
                ),
                pa,
                ra,
            )
            .with_details(CountDetails {
                measure,
                unit,
                interval: ip,
                other_interval: ir,
                shared_context: hit.shared as u64,
            })
        })
        .chain(ages)
        .collect()
}

/// A person's age set off by commas after a full name ("Carmen Horton, 34, was
/// walking"), which the claims read as no count: the name as written, its
/// normalized form (two words or more: a surname alone may be a father's or a
/// son's), the age and the age's span, in text order.
fn ages<'c>(cx: &'c Cx<'_>, article: usize) -> Vec<(&'c str, &'c str, u32, Span)> {
    let a = cx.article(article);
    let text: &str = &a.text;
    let mut out = Vec::new();
    for c in cx.claims[article].names() {
        let normalized = &c.normalized;
        if normalized.split(' ').filter(|w| !w.is_empty()).count() < 2 {
            continue;
        }
        let end = c.span.end as usize;
        let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(", ")) else {
            continue;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) || !matches!(rest.as_bytes().get(digits), Some(b',' | b')'))
        {
            continue;
        }
        let Ok(age) = rest[..digits].parse::<u32>() else {
            continue;
        };
        if !(1..=120).contains(&age) {
            continue;
        }
        let start = end + 2;
        let span = Span {
            start: start as u32,
            end: (start + digits) as u32,
        };
        out.push((a.slice(c.span), &**normalized, age, span));
    }
    out
}

/// The same person's age given two ways within one story ([`ages`]): "Carmen Horton,
/// 34," / "Carmen Horton, 36," the same day. An age rises by one a year: articles a
/// year apart may differ by that, and by one where either is undated (a birthday
/// between them); within one day (and one article) they must agree. Only within one
/// story: across a corpus, one name is many people.
fn age_findings(cx: &Cx<'_>, rule: &Rule, within: bool) -> Vec<Finding> {
    type Age<'c> = ((usize, &'c str), usize, &'c str, u32, Span);
    let mut all: Vec<Age<'_>> = (0..cx.claims.len())
        .into_par_iter()
        .flat_map_iter(|article| {
            let scope = cx.scope_of(rule, article);
            ages(cx, article)
                .into_iter()
                .map(move |(name, key, age, span)| ((scope, key), article, name, age, span))
        })
        .collect();
    all.sort_by_key(|x| (x.0, x.1, x.4.start));
    let day = |article: usize| cx.scopes.get(article).and_then(|s| s.day);
    let mut out = Vec::new();
    for group in all.chunk_by(|x, y| x.0 == y.0) {
        for (j, b) in group.iter().enumerate() {
            // Its first conflict with an earlier mention: one finding per mention.
            let conflict = group[..j].iter().find(|a| {
                if a.1 == b.1 && !within || a.3 == b.3 {
                    return false;
                }
                let rise = |early: u32, late: u32, days: i32| {
                    late >= early && late - early <= (days / 365 + 1) as u32
                };
                match (day(a.1), day(b.1)) {
                    _ if a.1 == b.1 => true,
                    (Some(x), Some(y)) if x == y => true,
                    (Some(x), Some(y)) if x < y => !rise(a.3, b.3, y - x),
                    (Some(x), Some(y)) => !rise(b.3, a.3, x - y),
                    _ => a.3.abs_diff(b.3) > 1,
                }
            });
            let Some(a) = conflict else {
                continue;
            };
            let (ia, ib) = (
                Interval::exact(f64::from(a.3), "years"),
                Interval::exact(f64::from(b.3), "years"),
            );
            let values = [
                ("value", b.3.to_string()),
                ("other_value", a.3.to_string()),
                ("other_path", cx.article(a.1).reference()),
                ("measure", "age".to_owned()),
                ("unit", "years".to_owned()),
                ("interval", describe(&ib)),
                ("other_interval", describe(&ia)),
                (
                    "why",
                    format!("{} and {} cannot both be the age of {}", a.3, b.3, b.2),
                ),
            ];
            out.push(
                cx.with_story(
                    finding(
                        rule,
                        &values,
                        vec![cx.loc(b.1, b.4), cx.loc(a.1, a.4)],
                    ),
                    b.1,
                    a.1,
                )
                .with_details(CountDetails {
                    measure: "age".to_owned(),
                    unit: "years".to_owned(),
                    interval: ib,
                    other_interval: ia,
                    shared_context: 0,
                }),
            );
        }
    }
    out
}

/// Whether `text` gives the name `name` (lower case, its words separated by spaces)
/// as a run of its words, read as names are: lower case, without dots ("J.J.") and
/// without a possessive's "'s" ("South Sudan's Unity state" gives "south sudan unity
/// state").
fn mentions(text: &str, name: &str) -> bool {
    let want: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    if want.is_empty() {
        return false;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’' | '.'))
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '-' | '\'' | '’' | '.'));
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.replace('.', "").to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(want.len())
        .any(|win| win.iter().zip(&want).all(|(x, y)| x == y))
}

/// Whether two names are one, or one a run of the other's words ("democratic party"
/// in "democratic party of turkmenistan").
fn names_meet(x: &str, y: &str) -> bool {
    run_of(x, y) || run_of(y, x)
}

/// Whether the words of `short` are a run of the words of `long` ("sudan" in "sudan
/// bombs south sudanese refugee camp").
fn run_of(short: &str, long: &str) -> bool {
    let (s, l): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), long.split(' ').collect());
    s.len() <= l.len() && l.windows(s.len()).any(|w| w == s.as_slice())
}

/// Whether both items count things in whole numbers: a count of things is a whole
/// number ("an average width of 4.66 feet" is a measurement).
fn whole_counts(a: &Item<'_>, b: &Item<'_>) -> bool {
    a.counted && b.counted && whole_numbers(a, b)
}

/// Whether both items' figures are whole numbers: "at least 140 people" counts whole
/// people too, every bound given is whole.
fn whole_numbers(a: &Item<'_>, b: &Item<'_>) -> bool {
    let whole = |i: &Interval| {
        (i.min.is_some() || i.max.is_some())
            && [i.min, i.max]
                .iter()
                .all(|x| x.is_none_or(|x| x.fract() == 0.0))
    };
    whole(&a.interval) && whole(&b.interval)
}

/// Whether two counts of things of two articles of one story are aligned on what
/// they count: the same counted noun (their key), whole numbers, and either
/// - two other figures both sentences give ("59 receptions, 1,098 yards and seven
///   touchdowns" / "35 receptions for 1,098 yards and seven touchdowns"), or
/// - one other figure both give and the same predicate next to both counts ("288
///   candidates running for 125 seats" / "365 candidates running for the 125
///   seats"; "rushed for 404 yards" / "537 yards rushing": [`near`]);
///
/// not where both sentences name people or things and none the same ("Wayne caught
/// nine passes for 112 yards" / "Garcon caught six passes for 112 yards"), nor where
/// one sentence writes the other's figure ("won 48 of 62 points" / "won 48 points").
/// A shared predicate alone is not enough: same-day bond notices of different
/// issuers all "yield ... basis points more than comparable Treasury securities".
///
/// Wire rewrites word the rest of a sentence differently: aligned figures need not
/// share their ledes' first names, the sentences' other names or a bag of context
/// words ([`compare`]).
fn aligned(
    a: &Item<'_>,
    b: &Item<'_>,
    sentence_figures: &[Vec<(u32, &str, [u64; 2])>],
    lede_from: usize,
    same_nouns: &[Vec<String>],
) -> Align {
    // Two parts of one whole both articles give alike ("41 reports ..., including 9
    // minor burn injuries" / "including 19 minor burn injuries"; "Of the 3,214 ballots
    // cast, 1,702 went to Okafor" / "1,720 went to Okafor"): the whole is the figure
    // they share, and a part is a whole number of what the whole counts.
    let parts = a.whole.is_some() && a.whole == b.whole && whole_numbers(a, b);
    // Both sentences name people or things, and none the same.
    let share_name = a
        .names
        .iter()
        .any(|x| b.names.iter().any(|y| names_meet(x, y)));
    let conflict = !a.names.is_empty() && !b.names.is_empty() && !share_name;
    // Two amounts of one class (`amount-predicates`: "demanded a ransom of $5.4
    // million" / "demanded $4.5 million in cryptocurrency"; "was sentenced to 45
    // years" / "to 54 years") in two articles of one story the same day: one figure
    // of the story, however the outlets word the rest, where the ledes name the same
    // thing (the story's subject: a story may gather two companies' notices) and
    // neither sentence names people none of whom the other names, gives another
    // owner ("fined Barclays" / "fined UBS") or writes the other's figure. An
    // article gives many amounts, so one of no class is compared only as before.
    if a.amount.is_some() || b.amount.is_some() {
        // Two owners, one of them marked by "of" or a possessive ("UBS's 1.5 billion
        // dlr fine" / "fined Barclays 290 mln stg"); two clauses' first names may be
        // the payer and the one who is paid ("The European Commission fined Halvern
        // Pharma 50 million euros" / "Halvern Pharma must pay a fine of").
        let owners_differ = matches!((a.owner, b.owner), (Some(x), Some(y))
            if !names_meet(x.name, y.name) && (x.marked != Mark::Clause || y.marked != Mark::Clause));
        let writes = |it: &Item<'_>, other: &Interval| {
            other.min == other.max && other.min.is_some_and(|x| it.numbers.contains(&x))
        };
        let one = a.amount == b.amount
            && !conflict
            && !owners_differ
            && !writes(a, &b.interval)
            && !writes(b, &a.interval)
            && (ledes_meet(a.lede, b.lede)
                || a.lede.iter().any(|x| b.lede.iter().any(|y| names_meet(x, y))));
        return if one { Align::Class } else { Align::No };
    }
    if !parts && !whole_counts(a, b) {
        return Align::No;
    }
    // Each sentence's figures, for another figure both give (not either compared one).
    let of = |it: &Item<'_>| -> &[(u32, &str, [u64; 2])] {
        let figures = &sentence_figures[it.article];
        let lo = figures.partition_point(|f| f.0 < it.sentence);
        let hi = figures.partition_point(|f| f.0 <= it.sentence);
        &figures[lo..hi]
    };
    let (fa, fb) = (of(a), of(b));
    let compared =
        |f: &(u32, &str, [u64; 2])| f.2 == bounds(&a.interval) || f.2 == bounds(&b.interval);
    // A sentence that writes the other figure too, in whatever unit or none
    // ("landing 178 of 369 punches thrown" / "landed 178 punches"), counts something
    // else with it.
    let writes = |it: &Item<'_>, other: &Interval| {
        other.min == other.max && other.min.is_some_and(|x| it.numbers.contains(&x))
    };
    if writes(a, &b.interval) || writes(b, &a.interval) {
        return Align::No;
    }
    // The same figure in the same unit, or in a counted noun of the rule's
    // `same-nouns` ("caught 29 passes" / "29 catches").
    let same_noun = |x: &str, y: &str| {
        x == y
            || same_nouns
                .iter()
                .any(|g| g.iter().any(|n| n == x) && g.iter().any(|n| n == y))
    };
    let shared: Vec<&(u32, &str, [u64; 2])> = fa
        .iter()
        .filter(|f| !f.1.is_empty() && !compared(f))
        .filter(|f| fb.iter().any(|g| g.2 == f.2 && same_noun(g.1, f.1)))
        .collect();
    let shared_figures = shared.len();
    // A whole count of things (not money nor a percentage: "269 yards", "29
    // catches", not "22.50 dlrs" nor "0.3 pct").
    let whole_count = |f: &&(u32, &str, [u64; 2])| {
        f.2[0] == f.2[1]
            && !factdiff_claims::shows_unit(f.1)
            && f64::from_bits(f.2[0]).fract() == 0.0
    };
    let predicate = a.near.split(' ').any(|w| !w.is_empty() && b.near.split(' ').any(|x| x == w));
    // The same class of what happened to what both count ("killed 40 people" /
    // "leaving 26 people dead"; "fired 11 shots" / "fired a total of 6 shots").
    // A toll ("deaths") also comes in parts (a district's, another day's, another
    // event's): only the lede's figure is the story's own.
    let in_lede = |it: &Item<'_>| it.sentence == 0;
    let class = a.class.is_some() && a.class == b.class;
    let toll = a.class.is_some_and(|c| usize::from(c) >= lede_from);
    if conflict {
        Align::No
    } else if parts {
        Align::Named
    } else if shared_figures >= 2 || shared_figures == 1 && predicate {
        // A table is read as a list of rows (two companies' same-day price lists share
        // a row's figures), unless it shares two whole counts of things with the other
        // sentence: one player's line of a game or a season ("269 yards and two
        // touchdowns on 83 carries and another 201 yards on 29 catches" / "269 yards
        // ... and caught 29 passes for 274 yards").
        let table = fa.len() > FEW_FIGURES || fb.len() > FEW_FIGURES;
        if table && shared.iter().copied().filter(whole_count).count() < 2 {
            Align::Named
        } else {
            Align::Figures
        }
    } else if one_owner(a, b) {
        // One owner's count of one class or predicate ("DiLeo has spent 19 seasons"
        // / "DiLeo has spent 13 seasons"), wherever it stands in its article.
        Align::Class
    } else if class && toll && in_lede(a) && in_lede(b) {
        // Two ledes' tolls of one story: the story's own figures.
        Align::Named
    } else if class && (!toll || in_lede(a) || in_lede(b)) {
        Align::Class
    } else {
        Align::No
    }
}

/// The most figures a sentence gives (in their units, distinct) for it to be read
/// as no table ([`Align::Named`]).
const FEW_FIGURES: usize = 4;

/// How two counts are aligned on what they count ([`aligned`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    No,
    /// By the same class of what happened to them: their sentences may still name
    /// something the other article never names (another school's toll, "in the
    /// southern city of Khan Younis").
    Class,
    /// By other figures both sentences give.
    Figures,
    /// Whatever their ledes and context words, but their sentences must not name what
    /// the other article never names, and their periods are compared: other
    /// figures both sentences give where one is a table (more than [`FEW_FIGURES`]
    /// figures: two companies' same-day price lists share rows' figures, "0.3 pct
    /// sulphur 22.50 dlrs"), or two ledes' tolls of one class.
    Named,
}

/// Whether `b` (later) contradicts `a` (earlier in time order), and why.
#[allow(clippy::too_many_arguments)]
fn compare<'a>(
    a: &Item<'a>,
    b: &Item<'a>,
    subject: &str,
    measure: &str,
    monotonic: &BTreeSet<&str>,
    min_shared: usize,
    min_sim: f64,
    within: bool,
    align: Align,
) -> Option<Hit> {
    let aligned = align != Align::No;
    let same_article = a.article == b.article;
    if same_article && (!within || a.sentence == b.sentence) {
        return None;
    }
    // Within one article, figures are about the same thing only when their own
    // sentences name the same actor first ("USAir offered" is not "TWA offered");
    // across articles, their sentences must share a name when both name any.
    if same_article {
        if a.names.is_empty() || a.names.first() != b.names.first() {
            return None;
        }
        // One article gives many amounts of money, percentages and measurements of
        // different things (two zones' assays, cars' and trucks' sales, an offer and
        // the raised bid); a count of things it gives twice is the one it repeats.
        // A count of things is a whole number: "an average width of 4.66 feet" is a
        // measurement, and an article gives many.
        if !whole_counts(a, b) {
            return None;
        }
    } else {
        // The two ledes name the same thing (the story's subject).
        if !aligned && !ledes_meet(a.lede, b.lede) {
            return None;
        }
        // Besides the story subject (often only the source: "Moody's said it
        // downgraded 1.7 billion dlrs of debt of Bankers Trust"), the sentences must
        // name the same things: whatever else one names, the other names too.
        let ledes = |n: &Name<'a>| &**n == subject || a.lede.contains(n) || b.lede.contains(n);
        let other = |names: &'a [Name<'a>]| names.iter().filter(move |n| !ledes(n));
        let (oa, ob): (Vec<_>, Vec<_>) = (other(a.names).collect(), other(b.names).collect());
        let both_bare = oa.is_empty() && ob.is_empty();
        if !aligned && !both_bare && !oa.iter().any(|n| ob.contains(n)) {
            return None;
        }
        // And whatever one sentence names, the other article names somewhere: a
        // figure of "Takengon", "Ford" or "Egypt" is not the figure of an article
        // that never mentions it (the district's houses, Resorts International's
        // debt, Iraq's credit line).
        // Unless the two sentences agree on more names than that: "475 damaged shops in
        // Athens by Christmas, she told Reuters" and "355 damaged shops in Athens ...
        // Christmas" name the same shops whatever the source.
        // Named by its text, too: a name the claims read in another form ("Pariang
        // county" in lower case, "South Sudan's Unity state") is still named.
        let unnamed_of = |names: &[&Name<'a>], article: &[&str], text: &str| {
            names
                .iter()
                .filter(|n| article.binary_search(&&****n).is_err() && !mentions(text, n))
                .count()
        };
        let agreed = oa.iter().filter(|n| ob.contains(n)).count();
        let unnamed =
            unnamed_of(&oa, b.article_names, b.text) + unnamed_of(&ob, a.article_names, a.text);
        if align != Align::Figures && unnamed > 0 && unnamed >= agreed {
            return None;
        }
        // An amount is of whoever its sentence names, the ledes' names too: "The SEC
        // fined Acme 5 mln dlrs" is not the fine of an article that never names Acme.
        if a.amount.is_some() {
            let all = |names: &'a [Name<'a>]| names.iter().collect::<Vec<_>>();
            if unnamed_of(&all(a.names), b.article_names, b.text)
                + unnamed_of(&all(b.names), a.article_names, a.text)
                > 0
            {
                return None;
            }
        }
        // A template sentence reused with new figures for another company or place
        // ("lowered the ratings on Atlantic City Electric Co ..., affecting about 500
        // mln dlrs" / "on Delmarva Power and Light Co ..., affecting 646 mln dlrs"):
        // each sentence names something the other does not. Only a sentence worded
        // alike is a template: two outlets' independent reports of one event name
        // things in their own words ("Afghanistan" / "the Afghan disaster ministry").
        let alike = worded_alike(&a.words, &b.words) >= TEMPLATE_SIMILARITY;
        let only = |x: &[&str], y: &[&str]| x.iter().any(|w| y.binary_search(w).is_err());
        // Two amounts of one class are told apart by the names the claims read (a
        // dateline's, "MADISON, Wis. (AP) —", and a month's capital are none): a
        // rewrite of one outlet's lede by another is worded alike and names the same.
        let only_named =
            |x: &[Name<'a>], y: &[Name<'a>]| x.iter().any(|n| !y.iter().any(|m| names_meet(n, m)));
        let template = if a.amount.is_some() {
            only_named(a.names, b.names) && only_named(b.names, a.names)
        } else {
            only(&a.caps, &b.caps) && only(&b.caps, &a.caps)
        };
        if alike && template {
            return None;
        }
        // A figure of another day is another day's report: a recurring report
        // ("FED ADDS RESERVES": "to arrange 1.5 billion dlrs of customer repurchase
        // agreements"; "CERTIFICATED COTTON STOCKS": "... were reported at 34,661
        // bales"), a running figure updated ("An additional 162,500 tonnes ... are
        // still available" / "150,000 tonnes" the next day), another day's trading
        // volume or bill sale. Two outlets' reports of one event, or two versions of
        // one story, come the same day. A measure that only rises is the exception:
        // its later, smaller figure is still a contradiction.
        let rising = b.monotonic || monotonic.contains(measure);
        if !rising && matches!((a.day, b.day), (Some(x), Some(y)) if x != y) {
            return None;
        }
    }
    // "more than 20 tonnes" and "20 tonnes" are the same report, rounded.
    // Counts aligned by the other figures both sentences give are of one period
    // whether or not both say it ("his finest season in 2008 with 35 receptions for
    // 1,098 yards and seven touchdowns" / "career-highs of 59 receptions, 1,098 yards
    // and seven touchdowns"): period words only part them where both give some. Not
    // in a table ([`Align::Named`]).
    let periods = if align == Align::Figures {
        let (mut x, mut y) = (a.period.clone(), b.period.clone());
        if x.words.is_empty() || y.words.is_empty() {
            (x.words, y.words) = (Vec::new(), Vec::new());
        }
        x.compatible(&y)
    } else {
        a.period.compatible(b.period)
    };
    if !a.interval.apart(&b.interval) || !periods {
        return None;
    }
    // A later article's updated figure ("increased to 37.95 mln shares") supersedes;
    // two new values of changes ("raising its price to 66.00 cents", "lowering it to
    // 65.50 cents") are the successive states of a running figure.
    if b.update && (a.day != b.day || a.update) {
        return None;
    }
    let (shared, sim) = context_overlap(a.context, b.context);
    let (need_shared, need_sim) = if same_article {
        (min_shared + 1, min_sim.max(0.5))
    } else {
        (min_shared, min_sim)
    };
    if !aligned && (shared < need_shared || sim < need_sim) {
        return None;
    }
    let mut why = format!(
        "{} and {} cannot both be true",
        describe(&a.interval),
        describe(&b.interval)
    );
    if (b.monotonic || monotonic.contains(measure))
        && let (Some(da), Some(db)) = (a.day, b.day)
        && da != db
    {
        // Items come in time order: `a` is the earlier report. A later, larger
        // figure is an update.
        if a.interval
            .max
            .is_some_and(|hi| b.interval.min.is_some_and(|lo| lo >= hi))
        {
            return None;
        }
        why = format!(
            "the later report gives {}, less than the earlier {}, and {measure} only rise",
            describe(&b.interval),
            describe(&a.interval)
        );
    }
    Some(Hit {
        primary: (b.article, b.claim),
        related: (a.article, a.claim),
        intervals: (b.interval.clone(), a.interval.clone()),
        why,
        shared,
        counts: b
            .counts
            .map(|(class, noun)| (class.to_owned(), noun.to_owned())),
    })
}


