//! # date-mismatch
//!
//! ## What it does
//! Reports the same event given different dates: two date claims whose events have
//! the same predicate class (opened, began and started are all `start`), share their
//! participants and place (the names and content words of the clause), and whose
//! normalized dates (TIMEX3) differ at the precision both give.
//!
//! A reporting date ("officials said on Tuesday") is never compared with an event
//! date ("the quake struck on Monday"), and events with different predicates
//! ("delegations arrived" against "the summit opened") are different events, as are
//! events in two places ("stormed the embassy in Tunis" / "in Khartoum"), though not
//! a place within a place that each clause names ("the Tamra Refugee Camp in Upper
//! Nile" / "the refugee camp at Tamra, in Upper Nile"). What
//! happened is compared with what happened, and a scheduled or planned date ("will
//! open on July 3", "is scheduled to open on July 4") with another such date, never
//! with what happened (a schedule may move). A day after its article's date is a
//! schedule, unless the text tells it as past with an auxiliary ("The announcement
//! was made Sunday (August 6)" in an article of August 4: a wrong date, compared with
//! what happened). An event whose clause names nothing and
//! no one (", which began October 1") is not compared.
//!
//! An event may be told by its verb or its noun ("the summit opened" / "the
//! December 16 election", "Monday's quake", "the Nov. 29 escape"); a support verb
//! gives way to the clause's event ("elections ... will be held on December 15" is
//! the election's date); a date whose own clause tells no event is dated by the past
//! passive of an event word its subject goes on to ("was pulled over ... on February
//! 1, but was arrested on suspicion of drunk driving": the arrest's date; not "and
//! was later charged"). A court date is an event (`hearing`: "his arraignment is set
//! for March 3" / "is due in court for an arraignment hearing on March 4", two
//! schedules compared). A date in brackets ("on Tuesday (11 February)") keeps the
//! clause around it. Two sentences share a name when one gives a surname the other
//! gives with the first name ("Peterson" / "Scott Peterson"). A date whose clause has
//! no event word is compared only with a copy of the same report: the same name,
//! most words of the clause alike, the sentence's other figures and dates alike, and
//! neither date a period a figure is for ("a rate for April 6": a template reused
//! for each day is no copy); a sentence copied whole (most of its words and names
//! alike) is such a copy even when the date's clause has few words ("... will act by
//! the May 9 deadline"). A copy needs no likeness of the whole sentences beyond two
//! shared words: a statement copied inside a longer quotation has more words of its
//! own ("... since she became a vice-presidential candidate on Aug. 27. Whatever the
//! motives ..."); and the name its sentences share may be one common to the corpus
//! (the person a corpus of one event's coverage is about: "Palin").
//!
//! Each date is compared with the latest few dates of each day in its window (not
//! only the latest): the latest outlet's "October 19" may be told in other words
//! ("a knee injury suffered in an October 19 game") while an earlier one's is told
//! alike ("Bush suffered a left knee injury against Carolina on October 19"). Two
//! dates of what happened whose ledes name other things first are of one subject
//! when their sentences share a name, one common to the corpus too (the person a
//! story is about is named in most of its outlets: "Bush injured his left knee on
//! Oct. 20" / "Bush suffered a left knee injury ... on October 19"), and tell the
//! event in alike words; two clauses that each name someone the other sentence does
//! not are two people's, however alike the rest ("Falcons running back Michael Turner
//! injured his left knee ... on November 2" / "Falcons receiver Roddy White injured
//! his left knee ... on November 3").
//!
//! Within a story, two dates of what happened are also one event when each clause
//! places it, in one place, and every name of one clause (a participant and a place
//! at least) is named in the other's, the dates a day or two apart: one outlet tells
//! who says so and why, the other the time, so that their sentences share few words
//! ("the Yida Refugee Camp in South Sudan was bombed" / "bombed the Samaritan's Purse
//! refugee camp in Yida, South Sudan, ..., alleges the ... organization"). And two
//! sentences that share no more than the event and its place are two events when one
//! clause names someone or something the other sentence does not ("The Turkic States
//! summit opened in Samarkand" / "The SCO summit opened in Samarkand ...").
//!
//! A labelled figure of the date's clause ("magnitude 6.1", "6.1-magnitude", "Game 7":
//! a number with a label word) tells things apart: two clauses that give one label
//! other numbers are two events ("a magnitude 5.9 earthquake struck in Malatya province
//! on Sunday" / "a magnitude 4.8 aftershock struck in Malatya province on Monday").
//! And within a story, two dates of what happened of one class, a day or two apart,
//! whose clauses give the same figure of a label that names one event (a quake's
//! magnitude, a flight's number: words.toml's `event_labels`; a road's number is
//! none) and whose sentences share a name are one event, however few words their
//! sentences share ("A magnitude 6.1 earthquake struck Van province in eastern Turkey
//! on Monday, November 2" / "The 6.1-magnitude earthquake hit Van province on Tuesday,
//! 3 November").
//!
//! A past event that two outlets of one story refer back to by a definite noun at
//! its date ("the shooting on Thursday, Feb. 6, 2025" / "the judge said the shooting
//! on Feb. 7, 2025, was ..."), both dates a week or more before their articles' (a
//! sentencing reported long after the crime), is one event however little else the
//! sentences share; two shootings of the articles' own week, each told as news, are
//! not compared so. A weekday that does not fit its date but falls on the day another
//! outlet gives ("was arrested ... on Sunday, February 2, 2009", a Monday / "was
//! arrested around 1:30 a.m. Feb. 1", a Sunday), the two clauses naming one person,
//! makes the two dates one event too: the article contradicts itself, and the
//! finding is in it (weekday-mismatch says which weekday the date has; this says
//! which day the other outlet gives).
//!
//! An event that happens once to whom it happens (the events lexicon's
//! `once_events`: a conviction, a sentencing, a plea, an escape, a crime or
//! incident, an unveiling, a hiring: "the Trail Blazers hired him" / "He joined the
//! Blazers") may be retold in other words: within a story, two such
//! dates of what happened, one or two days apart, whose sentences share a name, are
//! compared however little else their sentences share ("the crimes he committed on
//! March 12, 2005" / "the March 11, 2005, incident that left four people dead"),
//! unless each clause names someone the other sentence does not (two co-defendants
//! sentenced a day apart by one judge). Events that recur (a war's strikes, a board's
//! meetings) and schedules are compared by their context only.
//!
//! ## Why is this bad?
//! An event happens once. When two articles date it differently, at least one is
//! wrong, and readers and archives inherit the error.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md: The summit opened in Samarkand on September 15.
//! b.md: The summit began in Samarkand on Friday, September 16.
//! ```
//! Does not fire:
//! ```text
//! a.md: Delegations arrived in Samarkand on September 14.
//! b.md: The summit opened in Samarkand on September 15.
//!
//! a.md: The quake struck on Monday.   b.md: Officials said on Tuesday ...
//! ```
//!
//! ## Options
//! - `min-shared-context` (integer, default 2): context words and names the two
//!   events must share.
//! - `min-context-similarity` (number, default 0.3): the least Jaccard similarity of
//!   the two contexts.
//! - `max-days-apart` (integer, default 2): the most days between the dates of two
//!   articles whose event dates are compared. Dates are compared only between
//!   articles with the same story subject (the first name of the lede), whose
//!   sentences share a name when both name any (within a story, what happened is
//!   compared when the ledes' first names differ but the two sentences share a
//!   name; a schedule only under the same lede's first name); the end of a reporting period ("the
//!   quarter ended December 31") is not an event, nor are two dates read from the
//!   article's day ("yesterday", "on Friday") of articles of different days
//!   compared: the event recurs (a market opens every day). Two weekdays are,
//!   when they are a day or two apart, each on or before its article's day, and
//!   the later article gives the earlier day ("crashed into a gorge ... on
//!   Tuesday" in Tuesday's story, "on Monday" in Wednesday's): what recurs moves on
//!   with the articles' days ("opened higher on Tuesday" in Tuesday's market report,
//!   "on Wednesday" in Wednesday's), and "yesterday" or "today" moves with the hour a
//!   story is dated, a weekday does not. A day and month without
//!   the year ("on 3 June") is the text's own day and is compared.
//! - `require-predicate` (boolean, default true): compare only dates whose event
//!   predicate is known (precision first), and a date without one only with a copy
//!   of its report (the clause in nearly the same words, as above).
//! - `predicates` (array of arrays of strings, default `[]`): event classes, each
//!   its name then the words that signal it (`["start", "premiered"]`), added to the
//!   events lexicon (`rules/lexicons/events.toml`) for the run, so that the claims
//!   extractor reads them as it reads the built-in ones (the rule matches no words
//!   itself). A date's event class is the nearest signal word of its clause (its
//!   claim key's `event.predicate`); without one, and with `require-predicate =
//!   false`, its claim key's measure. A reporting date ("said on Tuesday") and the
//!   end of a reporting period are told apart by the claims extractor.
//! - `across` (`"story"` or `"corpus"`, default `"story"`): compare the dates of two
//!   articles of one story (the articles that report the same event,
//!   docs/stories.md), or of any two articles: last year's earthquake has its own
//!   date.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "date-mismatch",
    category: Category::Contradiction,
    severity: Severity::Error,
    summary: "the same event given different dates",
    message: "{event} on {date} here, but on {other_date} in {other_path}",
    placeholders: &["event", "date", "other_date", "other_path"],
    params: &[
        ParamSpec {
            name: "min-shared-context",
            ty: ParamType::Integer { min: 1, max: 20 },
            default: "2",
            doc: "context words and names the two events must share",
        },
        ParamSpec {
            name: "min-context-similarity",
            ty: ParamType::Float { min: 0.0, max: 1.0 },
            default: "0.3",
            doc: "least Jaccard similarity of the two contexts",
        },
        ParamSpec {
            name: "max-days-apart",
            ty: ParamType::Integer { min: 0, max: 3650 },
            default: "2",
            doc: "the most days between two articles whose dates are compared",
        },
        ParamSpec {
            name: "require-predicate",
            ty: ParamType::Bool,
            default: "true",
            doc: "compare only dates whose event predicate is known (without one: copies of one report)",
        },
        ParamSpec {
            name: "predicates",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "event classes (a name, then the words that signal it) added to the events lexicon's",
        },
        super::ACROSS,
    ],
    source: include_str!("date_mismatch.rs"),
};

use std::collections::BTreeMap;

use factdiff_claims::{ClaimValue, Modality, Timex, Word};
use factdiff_findings::{DateDetails, Finding};
use rayon::prelude::*;

use super::scope;
use super::{Cx, context_overlap, finding};
use crate::Rule;

/// More distinct dates than this for one event class and subject within the window:
/// the key is not specific enough to compare.
const MAX_DISTINCT: usize = 32;
/// The items of each distinct date of the window a date is compared with, the latest
/// first: the latest "October 19" of a story may be an outlet's told in other words
/// ("a knee injury suffered in an October 19 game") while an earlier outlet's tells it
/// alike ("Bush suffered a left knee injury against Carolina on October 19").
const RECENT_PER_DATE: usize = 4;
/// The same for dates without an event word, which share one key per story and are
/// compared only as copies (`same_clause`, specific by itself), each article's
/// apart: a story of twenty outlets gives more than [`MAX_DISTINCT`] such dates in a
/// window, of which one is the copy's ("since she became a vice-presidential
/// candidate on Aug. 27").
const MAX_DISTINCT_COPIES: usize = 256;

struct Item<'a> {
    article: usize,
    /// The event's participants and place (names and content words of its clause).
    event: &'a factdiff_claims::EventKey,
    claim: usize,
    day: Option<i32>,
    names: &'a [scope::Name<'a>],
    timex: &'a Timex,
    context: &'a [factdiff_claims::Word],
    /// The first name of the article's lede.
    subject: Option<&'a str>,
    /// Whether the date's clause names nothing and no one: an event that happens once
    /// told by its noun ("The announcement was made Sunday (August 4), during ..."),
    /// compared only as retold ([`retold`]), by its sentence's names.
    unnamed: bool,
    /// Whether the date is a weekday read from the article's date ("on Monday"), not
    /// "yesterday" or "today".
    weekday: bool,
    /// Whether the date is a past event the article refers back to: named by a
    /// definite noun at the date ("the shooting on Feb. 6, 2025"), written as a day
    /// and month (no weekday read from the article's date), at least
    /// [`BACKGROUND_DAYS`] before the article's date ([`referred_alike`]).
    background: bool,
    /// The day the written weekday names when it does not fit the date ("Sunday,
    /// February 2, 2009": 1 February, the Sunday before): `(year, month, day)`.
    weekday_day: Option<(i16, i8, i8)>,
}

/// The least days a date named by a definite noun is before its article's to be a
/// past event the story refers back to ([`referred_alike`]), not one of a series
/// told day by day ("the attack on Monday" of a war's daily reports).
const BACKGROUND_DAYS: i32 = 7;

/// Whether two dates of one story are one past event the articles refer back to by
/// one definite noun ("the shooting on Thursday, Feb. 6, 2025" / "the judge said the
/// shooting on Feb. 7, 2025, was ..."), in reports of a later event (a sentencing):
/// both what happened, of one class, each [`Item::background`], the dates at most
/// [`RETOLD_DAYS`] apart; unless each clause names someone the other sentence does
/// not. Such sentences share little beyond the noun: each outlet tells its own news
/// around the reference.
fn referred_alike(a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    actual
        && a.background
        && b.background
        && !(names_another(a, b) && names_another(b, a))
        && days_apart(a.timex, b.timex).is_some_and(|d| d <= RETOLD_DAYS)
}

/// The day a written weekday names when it does not fit its date: the day within
/// three days of it that falls on the weekday ("Sunday, February 2, 2009" names 1
/// February). `None` when the weekday fits or the date gives no year.
fn weekday_named(weekday: Option<jiff::civil::Weekday>, t: &Timex) -> Option<(i16, i8, i8)> {
    let w = weekday?;
    let date = jiff::civil::Date::new(t.year?, t.month?, t.day?).ok()?;
    if date.weekday() == w {
        return None;
    }
    (-3i32..=3)
        .filter_map(|d| date.checked_add(jiff::Span::new().days(d)).ok())
        .find(|d| d.weekday() == w)
        .map(|d| (d.year(), d.month(), d.day()))
}

/// Whether one date's weekday, which does not fit it, names the other's day ("was
/// arrested ... on Sunday, February 2, 2009" / "was arrested around 1:30 a.m. Feb.
/// 1", a Sunday): the article contradicts itself, and the other outlet gives the
/// day its weekday names, so the two are one event, however differently the rest is
/// told; both what happened, of one class, their clauses naming one person or thing
/// (one common to the corpus too: "Jamal Williams ... was arrested" / "Williams, 32,
/// was arrested"), whatever else each names (a road, a team).
fn weekday_points(cx: &Cx<'_>, a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    let names = |x: &Item<'_>, y: &Item<'_>| {
        x.weekday_day.is_some_and(|(yy, m, d)| {
            y.timex.month == Some(m)
                && y.timex.day == Some(d)
                && y.timex.year.is_none_or(|year| year == yy)
        })
    };
    actual
        && (names(a, b) || names(b, a))
        && clause_names_any(cx, a)
            .iter()
            .any(|n| clause_names_any(cx, b).iter().any(|m| same_name(n, m)))
}

/// Whether two names may name one person or thing: alike, or one a surname the
/// other ends with ("Peterson", "Scott Peterson").
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || !short.contains(' ')
            && short.chars().count() >= 4
            && long.rsplit(' ').next() == Some(short)
}

/// Whether two dates' sentences name someone or something both name.
fn share_a_name(a: &Item<'_>, b: &Item<'_>) -> bool {
    a.names
        .iter()
        .any(|n| b.names.iter().any(|m| same_name(n, m)))
}

/// Whether two dates' sentences name someone both name, counting the names the
/// scopes leave out as common to the corpus (in more than one article in a hundred:
/// "U.S.", "Reuters", but also the person a corpus of one event's coverage is about,
/// "Palin" in 25 of ECB+'s 496 articles). Only for copies of one clause
/// (`same_clause`), which their words already tie.
fn share_any_name(cx: &Cx<'_>, a: &Item<'_>, b: &Item<'_>) -> bool {
    let (na, nb) = (all_names(cx, a), all_names(cx, b));
    share_a_name(a, b) || na.iter().any(|n| nb.iter().any(|m| same_name(n, m)))
}

/// Every name of a date's sentence, those common to the corpus too.
fn all_names<'c>(cx: &'c Cx<'_>, it: &Item<'_>) -> Vec<&'c str> {
    let claims = &cx.claims[it.article];
    let sentence = claims.others()[it.claim].sentence;
    claims
        .names_of_sentence(sentence)
        .map(|n| n.normalized.as_str())
        .collect()
}

/// Whether the clause of `x`'s date names someone or something, common to the corpus
/// or not, that the sentence of `y` names in no form ([`alike`]): "Saints receiver
/// Marques Colston injured his left knee on October 20" names Colston, whom "Saints
/// running back Reggie Bush injured his left knee on October 19" does not, and Bush,
/// whom the other does not. A clause's one-word names are read in their lemma
/// ("williams" is the participant `william`).
fn names_another_any(cx: &Cx<'_>, x: &Item<'_>, y: &Item<'_>) -> bool {
    let others = all_names(cx, y);
    clause_names_any(cx, x)
        .into_iter()
        .any(|n| !others.iter().any(|m| alike(n, m)))
}

/// The names of a date's sentence, common to the corpus or not, that its clause
/// names (a participant or its place; a one-word name is a participant in its lemma:
/// "williams" is `william`).
fn clause_names_any<'c>(cx: &'c Cx<'_>, x: &Item<'_>) -> Vec<&'c str> {
    let in_clause = |n: &str| {
        x.event.place.as_deref() == Some(n)
            || x.event.participants.iter().any(|p| {
                p == n || n.len() > p.len() && n.len() <= p.len() + 2 && n.starts_with(p.as_str())
            })
    };
    all_names(cx, x)
        .into_iter()
        .filter(|n| in_clause(n))
        .collect()
}

/// Whether two events' places may be one place: either gives none, the words of one
/// are among the other's ("south sudan", "south sudan unity"), or one event's place
/// is named in the other's clause and the other's in the one's, a place within a
/// place ("the Tamra Refugee Camp in Upper Nile was bombed" / "bombed the refugee
/// camp at Tamra, in Upper Nile": each place among the other clause's names).
/// Protesters who stormed the embassy in Tunis on Sept. 14 and the one in Khartoum on
/// Sept. 15 are two events, as are two camps in two provinces.
fn same_place(a: &Item<'_>, b: &Item<'_>) -> bool {
    let within = |short: &str, long: &str| {
        short
            .split(' ')
            .all(|w| long.split(' ').any(|v| v == w))
    };
    let named_in = |place: &str, other: &Item<'_>| {
        other
            .event
            .participants
            .iter()
            .any(|p| p == place || p.contains(' ') && within(place, p))
    };
    match (a.event.place.as_deref(), b.event.place.as_deref()) {
        (Some(x), Some(y)) => {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            within(short, long) || named_in(x, b) && named_in(y, a)
        }
        _ => true,
    }
}

/// Predicate-less events are compared only when their clauses tell the same thing:
/// at least this many participants (place included) in common...
const SAME_CLAUSE_SHARED: usize = 3;
/// ... and at least this share of them (Jaccard).
const SAME_CLAUSE_SIMILARITY: f64 = 0.6;
/// Or the whole sentence copied: at least this many of its content words and names
/// in common ("Salazar ... has not indicated that he will act by the May 9 deadline",
/// whose clause has two content words) ...
const SAME_SENTENCE_SHARED: usize = 5;
/// ... and at least this share of them.
const SAME_SENTENCE_SIMILARITY: f64 = 0.8;

/// The values of the other figures and dates of a date's sentence, in order: a copy
/// of one report gives them alike, a template reused for another day or company
/// does not ("set a rate for April 6 of 781.95" / "for April 3 of 782.50"; "div pay
/// May 27, record May 23" / "pay May 25, record April 18").
fn others_in_sentence(cx: &Cx<'_>, it: &Item<'_>) -> Vec<String> {
    let claims = cx.claims[it.article].others();
    let sentence = claims[it.claim].sentence;
    claims
        .iter()
        .enumerate()
        .filter(|&(i, c)| i != it.claim && c.sentence == sentence)
        .filter_map(|(_, c)| match &c.value {
            ClaimValue::Date(t) => Some(t.value.clone()),
            ClaimValue::Interval(i) => Some(format!("{:?}..{:?} {}", i.min, i.max, i.unit)),
            ClaimValue::Duration(d) => Some(d.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a date is a span or the period a figure is for ("set a rate for April 6",
/// "the average price through April 7"), as its frame says (the context lexicon's
/// `span_before_date`), not the day something happened.
fn period_date(cx: &Cx<'_>, it: &Item<'_>) -> bool {
    cx.claims[it.article].others()[it.claim]
        .frame
        .as_deref()
        .is_some_and(|f| f.span)
}

/// Whether two events without a predicate are told in the same words: their
/// sentences share a name, their clauses share most participants ("Flynn's body was found in a car near Spiro on
/// April 9" / "... on April 11") or their sentences most words, as a copy of one
/// report does, and the other
/// figures and dates of their sentences are alike (`others_in_sentence`); neither
/// date is a span or period a figure is for (`period_date`: a rate "for April 6" is
/// set again every day).
fn same_clause(cx: &Cx<'_>, a: &Item<'_>, b: &Item<'_>) -> bool {
    let words = |it: &Item<'_>| -> Vec<String> {
        let e = it.event;
        e.participants
            .iter()
            .chain(e.place.as_ref())
            .map(|w| w.to_string())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (shared, sim) = context_overlap(&wa, &wb);
    let (sentence_shared, sentence_sim) = context_overlap(a.context, b.context);
    share_any_name(cx, a, b)
        && (shared >= SAME_CLAUSE_SHARED && sim >= SAME_CLAUSE_SIMILARITY
            || sentence_shared >= SAME_SENTENCE_SHARED
                && sentence_sim >= SAME_SENTENCE_SIMILARITY)
        && !period_date(cx, a)
        && !period_date(cx, b)
        && others_in_sentence(cx, a) == others_in_sentence(cx, b)
}

/// Whether two articles of a story speak of the same subject: their ledes' first
/// names alike, else, for what happened, a name the two dates' sentences share
/// ("Peterson was convicted on Nov. 12" under a lede that names Redwood City first).
/// Schedules keep to the lede's subject: a company's board meets again and again,
/// each meeting its own date ("will consider the bid this Friday at a regularly
/// scheduled board meeting" / "the next regularly scheduled meeting will be April
/// 29").
fn same_subject(a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    a.subject.is_some() && a.subject == b.subject || actual && share_a_name(a, b)
}

/// Whether two dates of what happened, under ledes that name other things first, are
/// of one subject by a name their sentences share that is common to the corpus (the
/// person a story is about: "Bush" of 24 outlets' coverage of his injury, "Williams"
/// of his arrest; `share_any_name`), told in alike words: more than
/// [`NAMED_APART_SHARED`] context words shared and the sentences' likeness at least
/// `min_sim` ("Bush injured his left knee on Oct. 20 and had arthroscopic surgery" /
/// "Bush suffered a left knee injury against Carolina on October 19 and missed the
/// next four games following arthroscopic surgery"). A lede names first what the
/// article is about only when that name is rare; a story's own names are common in
/// a corpus of its coverage. Two clauses that each name someone the other sentence
/// does not, common names included, are two people's ([`names_another_any`]: two
/// players of one team hurt a day apart).
fn common_subject(cx: &Cx<'_>, a: &Item<'_>, b: &Item<'_>, actual: bool, min_sim: f64) -> bool {
    let (shared, sim) = context_overlap(a.context, b.context);
    actual
        && shared > NAMED_APART_SHARED
        && sim >= min_sim
        && share_any_name(cx, a, b)
        && !(names_another_any(cx, a, b) && names_another_any(cx, b, a))
}

/// The most days apart two dates of an event that happens once may be and still be
/// one event retold in other words ([`retold`]): the slips of a day or two that a
/// wrong date is.
const RETOLD_DAYS: i32 = 2;

/// The days between two dates that give a month and a day, each year taken from the
/// other date when only one gives it (a leap year when neither does).
fn days_apart(a: &Timex, b: &Timex) -> Option<i32> {
    let year = a.year.or(b.year).unwrap_or(2000);
    let day = |t: &Timex| {
        jiff::civil::Date::new(t.year.unwrap_or(year), t.month?, t.day?)
            .ok()?
            .since(jiff::civil::date(1970, 1, 1))
            .ok()
            .map(|span| span.get_days())
    };
    Some((day(a)? - day(b)?).abs())
}

/// A date's day number (days since 1970), when it gives its year, month and day.
fn day_number(t: &Timex) -> Option<i32> {
    jiff::civil::Date::new(t.year?, t.month?, t.day?)
        .ok()?
        .since(jiff::civil::date(1970, 1, 1))
        .ok()
        .map(|span| span.get_days())
}

/// Whether two weekdays read from the dates of two articles of different days may
/// date one thing ("crashed into a gorge ... on Monday" in Wednesday's story, "on
/// Tuesday" in Tuesday's): both what happened, each on or before its own article's day (a
/// weekday after it is next week's, a schedule), a day or two apart
/// ([`RETOLD_DAYS`]), and the later article giving the earlier day. A weekday names
/// its day whatever the hour a story was written, unlike "yesterday" or "today",
/// which a story dated after midnight moves; and a thing that recurs, reported each
/// day, moves on with the articles ("rose on Monday" in Tuesday's market report, "on
/// Tuesday" in Wednesday's), while a later story that dates it before the earlier
/// story's day tells the earlier story's thing another day.
fn weekdays_of_one_event(a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    actual
        && a.weekday
        && b.weekday
        && a.day.zip(day_number(a.timex)).is_some_and(|ra| {
            b.day
                .zip(day_number(b.timex))
                .is_some_and(|rb| one_event_by_days(ra, rb))
        })
}

/// [`weekdays_of_one_event`] by its days: each side its article's day and the day its
/// weekday names.
fn one_event_by_days((da, ea): (i32, i32), (db, eb): (i32, i32)) -> bool {
    ea <= da
        && eb <= db
        && (ea - eb).abs() <= RETOLD_DAYS
        && (da < db && eb < ea || db < da && ea < eb)
}

/// Whether the clause of `x`'s date names someone or something (a name of its
/// sentence among the event's participants) that the sentence of `y` does not name.
fn names_another(x: &Item<'_>, y: &Item<'_>) -> bool {
    x.event.participants.iter().any(|p| {
        x.names.iter().any(|n| **n == **p) && !y.names.iter().any(|m| same_name(p, m))
    })
}

/// Two sentences that share no more context words than this (the event's word, its
/// noun and its place: "opened", "summit", "Samarkand") are two events when one clause
/// names someone or something the other sentence does not ([`names_unshared`]).
const NAMED_APART_SHARED: usize = 3;

/// Whether the clause of `x`'s date names someone or something that the sentence of
/// `y` names in no form ([`alike`]: "the Trail Blazers" / "the Portland Trail
/// Blazers" are one): "The Turkic States summit opened in Samarkand on September 16"
/// is not the summit of a sentence that names no Turkic States ("The SCO summit
/// opened in Samarkand on September 15, with ..."), when the two share no more than
/// the event and its place ([`NAMED_APART_SHARED`] words): a copy of one
/// report may name its source in one outlet only ("The Southwest Times Record reports
/// Simpson has been held ... since his arrest on June 21").
fn names_unshared(x: &Item<'_>, y: &Item<'_>) -> bool {
    x.event.participants.iter().any(|p| {
        x.names.iter().any(|n| **n == **p) && !y.names.iter().any(|m| alike(p, m))
    })
}

/// Whether two dates of one story are an event that happens once told in other words
/// ("the crimes he committed on March 12, 2005" / "the March 11, 2005, incident that
/// left four people dead"): both what happened, of a class of events that happen once
/// to whom they happen (events.toml's `once_events`), their sentences sharing a name,
/// and the dates at most [`RETOLD_DAYS`] apart. Such sentences need not share most of
/// their words: an outlet tells the sentencing, another the crime. But when each
/// clause names someone the other sentence does not ("sentenced Tom Smith on June 3"
/// / "sentenced his accomplice, Bill Jones, on June 4", one judge named in both),
/// they are two people's events. Events that recur (a war's strikes, a board's
/// meetings) and schedules are left to the context.
fn retold(a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    actual
        && a.event.once
        && b.event.once
        && !a.names.is_empty()
        && !b.names.is_empty()
        && share_a_name(a, b)
        && !(names_another(a, b) && names_another(b, a))
        && days_apart(a.timex, b.timex).is_some_and(|d| d <= RETOLD_DAYS)
}

/// Whether two names may name one place or thing: [`same_name`], or the words of one
/// among the other's ("Yida" / "the Yida Refugee Camp").
fn alike(a: &str, b: &str) -> bool {
    let within = |short: &str, long: &str| {
        short
            .split(' ')
            .all(|w| long.split(' ').any(|v| v == w))
    };
    same_name(a, b) || within(a, b) || within(b, a)
}

/// The names of a date's clause: its participants that are names of its sentence,
/// then its place.
fn clause_names<'a>(it: &'a Item<'_>) -> Vec<&'a str> {
    it.event
        .participants
        .iter()
        .filter(|p| it.names.iter().any(|n| **n == ***p))
        .map(Word::as_str)
        .chain(it.event.place.as_deref())
        .collect()
}

/// The least names of a clause that tell who or what and where: a participant and a
/// place, or two participants.
const NAMED_CLAUSE: usize = 2;

/// Whether every name of `x`'s clause, at least [`NAMED_CLAUSE`] of them, is named in
/// `y`'s clause (a participant or its place): not only in its sentence, where "Israel
/// said" names the speaker, not the one who struck.
fn named_within(x: &Item<'_>, y: &Item<'_>) -> bool {
    let names = clause_names(x);
    names.len() >= NAMED_CLAUSE
        && names.iter().all(|p| {
            y.event.participants.iter().any(|q| alike(p, q))
                || y.event.place.as_deref().is_some_and(|q| alike(p, q))
        })
}

/// Whether two dates of one story are what happened to the same named participants
/// in the same place, told at other lengths ("On Thursday, November 10th ..., the Yida
/// Refugee Camp in South Sudan was bombed" / "The government of Sudan bombed the
/// Samaritan's Purse refugee camp in Yida, South Sudan, on Thursday, Nov. 10,
/// alleges the nondenominational evangelical Christian organization"): the events of
/// one class (their group), each clause placing it (in one place: `same_place`), every
/// name of one clause, a participant and a place at least, named in the other's
/// clause, and the dates at most [`RETOLD_DAYS`] apart.
/// The likeness of the whole sentences does not count: one outlet names who says so
/// and why, the other does not. Two events of one class in one place with other
/// participants ("the SCO summit opened in Samarkand" / "the C5 summit opened in
/// Samarkand") are two events, as are a war's strikes told without a place ("Israel
/// struck police compounds across Gaza on December 27" / "the air force struck the
/// Islamic University in Gaza on 28 December, Israel said").
fn named_alike(a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    actual
        && a.event.place.is_some()
        && b.event.place.is_some()
        && (named_within(a, b) || named_within(b, a))
        && days_apart(a.timex, b.timex).is_some_and(|d| d <= RETOLD_DAYS)
}

/// Whether two dates' clauses give one label two numbers and never the same
/// ("a magnitude 6.1 earthquake struck in Van province on Monday" / "a magnitude 5.2
/// aftershock struck in Van province on Tuesday", "Game 6" / "Game 7"): two things,
/// whatever else their sentences share.
fn labelled_apart(a: &Item<'_>, b: &Item<'_>) -> bool {
    fn split(l: &str) -> (&str, &str) {
        l.split_once(' ').unwrap_or((l, ""))
    }
    fn numbers<'a>(it: &Item<'a>, word: &str) -> Vec<&'a str> {
        it.event
            .labels
            .iter()
            .map(|l| split(l))
            .filter(|(w, _)| *w == word)
            .map(|(_, n)| n)
            .collect()
    }
    a.event.labels.iter().any(|la| {
        let (word, _) = split(la);
        let (na, nb) = (numbers(a, word), numbers(b, word));
        !nb.is_empty() && !na.iter().any(|n| nb.contains(n))
    })
}

/// Whether two dates of one story are what happened to one thing its label names
/// ("A magnitude 6.1 earthquake struck Van province in eastern Turkey on Monday,
/// November 2" / "The 6.1-magnitude earthquake hit Van province on Tuesday, 3
/// November"): both what happened, of one class (their group), their clauses giving
/// the same labelled figure of a label that names one thing (events lexicon's
/// `event_labels`: a quake's magnitude, a flight's number), their sentences sharing a
/// name (one common to the corpus too, [`share_any_name`]: the place a corpus of one
/// quake's coverage is about), and the dates at most [`RETOLD_DAYS`] apart. A quake and its aftershock, of
/// other magnitudes, are two ([`labelled_apart`]); a road's number names no event.
fn identified_alike(cx: &Cx<'_>, a: &Item<'_>, b: &Item<'_>, actual: bool) -> bool {
    actual
        && a
            .event
            .identifiers
            .iter()
            .any(|l| b.event.identifiers.contains(l))
        && share_any_name(cx, a, b)
        && days_apart(a.timex, b.timex).is_some_and(|d| d <= RETOLD_DAYS)
}

/// The most words of a sentence an event is told in.
const EVENT_WORDS: usize = 12;
/// The most words of a piece after the date that gives its time ("at approximately
/// 4:30 pm", "at 5 a.m. local time"); a longer piece with a figure tells the event
/// ("spilling about 30,000 litres of acid into the river").
const TIME_WORDS: usize = 6;

/// The event a date dates, in the words of its sentence: the clause before the date,
/// without the preposition that introduces it ("The summit began in Samarkand [on]
/// Friday, September 16"), else the clause after it ("On Friday, September 16, the
/// summit began in Samarkand"); at most [`EVENT_WORDS`] words, `…` where cut. `None`
/// when neither side has two words.
fn event_words(sentence: &str, start: usize, end: usize) -> Option<String> {
    // A date in its own brackets ("on tonight's (August 5) show") is told by the
    // words around its brackets.
    let before = sentence
        .get(..start)?
        .trim_end()
        .trim_end_matches('(');
    let after = sentence.get(end..)?;
    let mut words: Vec<&str> = before.split_whitespace().collect();
    // The short lower-case word right before the date introduces it (`on`, `at`).
    if words
        .last()
        .is_some_and(|w| w.len() <= 3 && w.chars().all(|c| c.is_lowercase()))
    {
        words.pop();
    }
    let words: Vec<&str> = words
        .into_iter()
        .rev()
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if words.len() >= 2 {
        let cut = words.len() > EVENT_WORDS;
        let kept = &words[words.len().saturating_sub(EVENT_WORDS)..];
        return Some(format!("{}{}", if cut { "…" } else { "" }, kept.join(" ")));
    }
    // The pieces after the date, at a comma, a semicolon or a colon that is no clock
    // time's ("4:30") nor a figure's ("30,000"); a short first piece with a figure is
    // the date's time ("On Thursday, March 6 at approximately 4:30 pm, the camp was
    // bombed"), and the event is the next.
    let after = after.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let b = after.as_bytes();
    let pieces: Vec<&str> = {
        let mut out = Vec::new();
        let mut from = 0;
        for (i, &c) in b.iter().enumerate() {
            let in_figure = matches!(c, b':' | b',')
                && i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if matches!(c, b',' | b';' | b':') && !in_figure {
                out.push(&after[from..i]);
                from = i + 1;
            }
        }
        out.push(&after[from..]);
        out
    };
    let piece = match pieces.as_slice() {
        [first, next, ..]
            if first.chars().any(|c| c.is_ascii_digit())
                && first.split_whitespace().count() <= TIME_WORDS =>
        {
            next
        }
        [first, ..] => first,
        [] => "",
    };
    let clause = piece.trim_end_matches(['.', '!', '?']);
    let words: Vec<&str> = clause.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let cut = words.len() > EVENT_WORDS;
    let kept = &words[..words.len().min(EVENT_WORDS)];
    Some(format!("{}{}", kept.join(" "), if cut { "…" } else { "" }))
}

fn show(t: &Timex) -> String {
    t.value.clone()
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let min_shared = p.int("min-shared-context") as usize;
    let min_sim = p.float("min-context-similarity");
    let require = p.bool("require-predicate");
    let max_days = p.int("max-days-apart");
    let scopes = &cx.scopes;
    let across_corpus = Cx::across_corpus(rule);
    // (story, predicate class, whether it happened, subject); a predicate-less event
    // (only compared clause to clause) has the class `None`.
    type Key = (usize, Option<String>, bool, String);
    let per_article: Vec<Vec<(Key, Item<'_>)>> = cx
        .claims
        .par_iter()
        .enumerate()
        .map(|(article, claims)| {
            let story = cx.scope_of(rule, article);
            claims
                .others()
                .iter()
                .enumerate()
                .filter_map(|(idx, claim)| {
                    let ClaimValue::Date(timex) = &claim.value else {
                        return None;
                    };
                    if timex.reporting
                        || timex.invalid
                        || timex.month.is_none()
                        || timex.day.is_none()
                    {
                        return None;
                    }
                    let key = claim.key.as_ref()?;
                    let frame = claim.frame.as_deref()?;
                    // The event the date dates, as factdiff-claims read it from its
                    // clause (the events lexicon; a rule's `predicates` added there).
                    let event = key.event.as_deref()?;
                    // "said on Tuesday": a reporting date, whatever else is near.
                    if event.reporting || frame.said_on {
                        return None;
                    }
                    // An event whose clause names nothing and no one (", which began
                    // October 1") is not identified: its sentence may be about anything.
                    // An event that happens once ("The announcement was made Sunday
                    // (August 4), during ...") is, by its sentence's names, which it is
                    // compared by (`retold`).
                    let names = scopes[article].sentence_names(claim.sentence);
                    let unnamed = event.participants.is_empty() && event.place.is_none();
                    if unnamed && (!event.once || names.is_empty()) {
                        return None;
                    }
                    // Without a predicate, the event is its clause: compared only with
                    // a clause that tells it in nearly the same words (`same_clause`),
                    // or, with `require-predicate = false`, keyed by the measure.
                    let class = match event.predicate.as_deref() {
                        Some(class) => Some(class.to_owned()),
                        None if require => None,
                        None => Some(key.measure.as_deref().unwrap_or_default().to_owned()),
                    };
                    // What happened is compared with what happened, a schedule with a
                    // schedule: a date set beforehand may move ("will open on July 3").
                    let actual = frame.modality == Modality::Actual;
                    // The end of a reporting period ("the quarter ended December 31")
                    // is a company's calendar, not an event.
                    if frame.period_end {
                        return None;
                    }
                    let sc = &scopes[article];
                    // Across the corpus, the lede's first name stands for what an article
                    // is about; within a story, two articles' subjects may differ (one
                    // lede names the place, the other the person) and a name their
                    // sentences share does as well (`same_subject`).
                    let subject = if across_corpus {
                        sc.subject()?.to_owned()
                    } else {
                        String::new()
                    };
                    let lede_subject = sc.subject();
                    Some((
                        (story, class, actual, subject),
                        Item {
                            article,
                            event,
                            claim: idx,
                            day: sc.day,
                            names,
                            timex,
                            context: &key.context,
                            subject: lede_subject,
                            unnamed,
                            weekday: timex.deictic && claim.weekday.is_some(),
                            background: event.definite
                                && !timex.deictic
                                && sc.day.zip(day_number(timex)).is_some_and(|(day, date)| {
                                    day - date >= BACKGROUND_DAYS
                                }),
                            weekday_day: weekday_named(claim.weekday, timex),
                        },
                    ))
                })
                .collect()
        })
        .collect();
    let mut groups: BTreeMap<Key, Vec<Item<'_>>> = BTreeMap::new();
    for items in per_article {
        for (key, item) in items {
            groups.entry(key).or_default().push(item);
        }
    }
    let groups: Vec<_> = groups.into_iter().collect();
    // Within each group, in time order, each date against the distinct dates of the
    // window of days before it: linear in the group's size.
    groups
        .into_par_iter()
        .flat_map_iter(|((_, class, actual, _), mut items)| {
            items.sort_by_key(|it| (it.day, it.article, it.claim));
            let mut out = Vec::new();
            // An article that gives both dates ("celebrations yesterday of the year
            // that ended on Saturday") does not contradict one that gives either.
            let given: std::collections::BTreeSet<(usize, &str)> = items
                .iter()
                .map(|it| (it.article, it.timex.value.as_str()))
                .collect();
            // Each date against the latest item of each distinct date and place in its
            // window (the place apart: the latest "September 14" may be another
            // city's event while an earlier one is this one's). Dates without an event
            // word, compared only as copies of one clause, keep each article's own:
            // the latest "Aug. 29" of the story may be another clause's.
            let copies = class.is_none();
            scope::sliding_window(
                &items,
                |it| it.day,
                |it| {
                    (
                        it.timex.value.as_str(),
                        it.event.place.as_deref(),
                        copies.then_some(it.article),
                    )
                },
                max_days,
                RECENT_PER_DATE,
                |j, recent| {
                    let b = &items[j];
                    let cap = if class.is_some() {
                        MAX_DISTINCT
                    } else {
                        MAX_DISTINCT_COPIES
                    };
                    // The latest item of each distinct date first, then the earlier
                    // ones of the window (`RECENT_PER_DATE`): a finding the latest
                    // gives stays the one it was.
                    let latest = recent.values().filter_map(|held| held.last());
                    let earlier = recent
                        .values()
                        .flat_map(|held| held.iter().rev().skip(1));
                    let found = (recent.len() <= cap)
                        .then(|| {
                            latest.chain(earlier).map(|&i| &items[i]).find(|a| {
                                let (ta, tb) = (a.timex, b.timex);
                                a.article != b.article
                                    // "yesterday" in Tuesday's story and "on Friday" in
                                    // Monday's: a recurring event reported each day. A
                                    // day and month written without the year ("on 3
                                    // June") is no such day: it does not move.
                                    && (!ta.deictic
                                        || !tb.deictic
                                        || a.day == b.day
                                        || weekdays_of_one_event(a, b, actual))
                                    && !given.contains(&(a.article, tb.value.as_str()))
                                    && !given.contains(&(b.article, ta.value.as_str()))
                                    && (ta.month != tb.month
                                        || ta.day != tb.day
                                        || ta.year.zip(tb.year).is_some_and(|(x, y)| x != y))
                                    && (a.names.is_empty()
                                        || b.names.is_empty()
                                        || share_a_name(a, b)
                                        || class.is_none()
                                        || !across_corpus && named_alike(a, b, actual)
                                        || !across_corpus && identified_alike(cx, a, b, actual)
                                        || !across_corpus && referred_alike(a, b, actual)
                                        || !across_corpus && weekday_points(cx, a, b, actual))
                                    && same_place(a, b)
                                    && !labelled_apart(a, b)
                                    && (class.is_some() || same_clause(cx, a, b))
                                    && {
                                        // A date without an event word is compared as
                                        // a copy of its clause (`same_clause`), which
                                        // is stricter than the sentences' likeness: a
                                        // copy inside a longer quotation has more words
                                        // of its own ("Gov. Palin stopped by the church
                                        // this morning, and ... since she became a
                                        // vice-presidential candidate on Aug. 27.
                                        // Whatever the motives of the arsonist ...").
                                        let (shared, sim) = context_overlap(a.context, b.context);
                                        !across_corpus
                                            && (referred_alike(a, b, actual)
                                                || weekday_points(cx, a, b, actual))
                                            || shared >= min_shared
                                            && (class.is_none()
                                                || sim >= min_sim
                                                    && !a.unnamed
                                                    && !b.unnamed
                                                    && (shared > NAMED_APART_SHARED
                                                        || !names_unshared(a, b)
                                                            && !names_unshared(b, a))
                                                    // Each clause naming someone the
                                                    // other sentence does not: two
                                                    // people's ("Falcons running back
                                                    // Michael Turner injured his left
                                                    // knee" / "Falcons receiver Roddy
                                                    // White injured his left knee").
                                                    && !(names_unshared(a, b)
                                                        && names_unshared(b, a))
                                                || !across_corpus && retold(a, b, actual)
                                                || !across_corpus && named_alike(a, b, actual)
                                                || !across_corpus
                                                    && identified_alike(cx, a, b, actual))
                                    }
                                    && (across_corpus
                                        || same_subject(a, b, actual)
                                        || class.is_none() && actual
                                        || common_subject(cx, a, b, actual, min_sim)
                                        || named_alike(a, b, actual)
                                        || identified_alike(cx, a, b, actual)
                                        || referred_alike(a, b, actual)
                                        || weekday_points(cx, a, b, actual))
                            })
                        })
                        .flatten();
                    if let Some(a) = found {
                        // The article whose weekday names the other's day is the one
                        // that contradicts itself: the finding is in it.
                        let (a, b) = if a.weekday_day.is_some() && b.weekday_day.is_none() {
                            (b, a)
                        } else {
                            (a, b)
                        };
                        let shared = context_overlap(a.context, b.context).0;
                        let (ta, tb) = (a.timex, b.timex);
                        let cb = &cx.claims[b.article].others()[b.claim];
                        let ca = &cx.claims[a.article].others()[a.claim];
                        let shared_words: Vec<String> = b
                            .context
                            .iter()
                            .filter(|w| a.context.contains(w))
                            .map(|w| w.to_string())
                            .collect();
                        let sentence = cx.sentence_text(b.article, cb);
                        let at = cx.in_sentence(b.article, cb)(cb.span);
                        let event = event_words(sentence, at.start, at.end)
                        .unwrap_or_else(|| {
                            format!("the event ({})", class.as_deref().unwrap_or("-"))
                        });
                        let values = [
                            ("event", event),
                            ("date", cx.article(b.article).slice(cb.span).to_owned()),
                            (
                                "other_date",
                                cx.article(a.article).slice(ca.span).to_owned(),
                            ),
                            ("other_path", cx.article(a.article).reference()),
                        ];
                        out.push(
                            cx.with_story(
                                finding(
                                    rule,
                                    &values,
                                    vec![cx.loc(b.article, cb.span), cx.loc(a.article, ca.span)],
                                ),
                                b.article,
                                a.article,
                            )
                            .with_details(DateDetails {
                                predicate: class.clone().unwrap_or_default(),
                                date: show(tb),
                                other_date: show(ta),
                                shared_context: shared_words,
                                shared_count: shared as u64,
                            }),
                        );
                    }
                },
            );
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{days_apart, event_words, one_event_by_days, same_name, weekday_named};

    #[test]
    fn a_weekday_that_does_not_fit_names_the_nearest_day_it_falls_on() {
        let sunday = Some(jiff::civil::Weekday::Sunday);
        // 2 February 2009 is a Monday: "Sunday" names the 1st.
        assert_eq!(
            weekday_named(sunday, &timex(Some(2009), 2, 2)),
            Some((2009, 2, 1))
        );
        // Across a month and a year.
        assert_eq!(
            weekday_named(Some(jiff::civil::Weekday::Wednesday), &timex(Some(2025), 1, 2)),
            Some((2025, 1, 1))
        );
        assert_eq!(
            weekday_named(Some(jiff::civil::Weekday::Monday), &timex(Some(2024), 12, 29)),
            Some((2024, 12, 30))
        );
        // A weekday that fits, no weekday, or no year: nothing named.
        assert_eq!(weekday_named(sunday, &timex(Some(2009), 2, 1)), None);
        assert_eq!(weekday_named(None, &timex(Some(2009), 2, 2)), None);
        assert_eq!(weekday_named(sunday, &timex(None, 2, 2)), None);
    }

    fn timex(year: Option<i16>, month: i8, day: i8) -> factdiff_claims::Timex {
        factdiff_claims::Timex {
            value: String::new(),
            year,
            month: Some(month),
            day: Some(day),
            relative: false,
            deictic: false,
            reporting: false,
            invalid: false,
        }
    }

    #[test]
    fn days_apart_across_a_month_and_without_a_year() {
        // 28 February to 1 March: two days in a leap year, one in another.
        assert_eq!(
            days_apart(&timex(Some(2024), 2, 28), &timex(Some(2024), 3, 1)),
            Some(2)
        );
        assert_eq!(
            days_apart(&timex(Some(2023), 2, 28), &timex(None, 3, 1)),
            Some(1)
        );
        assert_eq!(days_apart(&timex(None, 11, 29), &timex(None, 11, 30)), Some(1));
        // Another year is a year apart, not a slip of a day.
        assert_eq!(
            days_apart(&timex(Some(2004), 3, 11), &timex(Some(2005), 3, 12)),
            Some(366)
        );
    }

    #[test]
    fn weekdays_of_articles_of_other_days_are_one_event_when_the_later_gives_the_earlier_day()
    {
        // Tuesday's story says Tuesday (day 14), Wednesday's says Monday (day 13).
        assert!(one_event_by_days((14, 14), (15, 13)));
        assert!(one_event_by_days((15, 13), (14, 14)));
        // A market reported each day: Tuesday's story says Tuesday, Wednesday's
        // Wednesday; or Monday's story Friday (day 10), Tuesday's Monday.
        assert!(!one_event_by_days((14, 14), (15, 15)));
        assert!(!one_event_by_days((13, 10), (14, 13)));
        // A weekday after its article's day is next week's: a schedule.
        assert!(!one_event_by_days((14, 16), (15, 13)));
        // More than two days apart: not a slip of a day.
        assert!(!one_event_by_days((14, 14), (18, 11)));
    }

    #[test]
    fn a_surname_meets_its_full_name() {
        assert!(same_name("peterson", "scott peterson"));
        assert!(same_name("scott peterson", "peterson"));
        assert!(same_name("tunis", "tunis"));
        // A first name is no surname; a short word is no name to go by.
        assert!(!same_name("laci", "laci peterson"));
        assert!(!same_name("lee", "bruce lee"));
        assert!(!same_name("tunis", "khartoum"));
    }

    fn event(sentence: &str, date: &str) -> Option<String> {
        let start = sentence.find(date).unwrap();
        event_words(sentence, start, start + date.len())
    }

    #[test]
    fn an_event_is_told_in_the_words_of_its_sentence() {
        assert_eq!(
            event(
                "The summit began in Samarkand on Friday, September 16, with a dinner.",
                "Friday, September 16"
            )
            .as_deref(),
            Some("The summit began in Samarkand")
        );
        assert_eq!(
            event(
                "On September 15, the summit opened in Samarkand with a dinner.",
                "September 15"
            )
            .as_deref(),
            Some("the summit opened in Samarkand with a dinner")
        );
        assert_eq!(
            event(
                "Officials said that after long talks, the long-delayed summit of the leaders of the region finally opened in Samarkand on September 15.",
                "September 15"
            )
            .as_deref(),
            Some("…long-delayed summit of the leaders of the region finally opened in Samarkand")
        );
        assert_eq!(event("On September 15.", "September 15"), None);
        assert_eq!(
            event(
                "On Thursday, March 6 at approximately 4:30 pm, the camp was bombed.",
                "Thursday, March 6"
            )
            .as_deref(),
            Some("the camp was bombed")
        );
        // A figure's thousands comma cuts no piece, and a long piece with a figure
        // is the event, not the date's time.
        assert_eq!(
            event(
                "A train derailed near Elkford, British Columbia, on Monday, spilling about 30,000 litres of acid into the river and forcing 1,200 people out, officials said.",
                "Monday"
            )
            .as_deref(),
            Some("spilling about 30,000 litres of acid into the river and forcing 1,200…")
        );
        assert_eq!(
            event(
                "Capaldi was unveiled on tonight's (August 5) special show.",
                "August 5"
            )
            .as_deref(),
            Some("Capaldi was unveiled on tonight's")
        );
    }
}
