//! Article -> claims: every dated, counted, quoted and named statement, normalized.
//!
//! [`extract`] reads one [`Article`] and returns its [`Claim`]s, sorted by span: numbers
//! and quantities as intervals with their counted noun or unit, money with an ISO
//! currency code, percentages, dates as TIMEX3 values (relative ones resolved against
//! the article's date), durations, ordinals, quotes with their speakers, names,
//! acronyms with their definitions, and relations between the claims of a sentence
//! (part/whole, change, conversion, anniversary). Values are normalized the same way
//! whatever the phrasing, so that the rule engine can compare claims across articles
//! by their [`ClaimKey`].
//!
//! The analysis does no IO and never prints; it is deterministic and per article, so
//! the caller runs it in parallel over a corpus.
//!
//! ```
//! use factdiff_claims::{extract, ClaimKind, ClaimValue, Lexicons};
//! use factdiff_corpus::{Corpus, Input};
//!
//! let corpus = Corpus::from_inputs(vec![Input {
//!     path: "quake.md".into(),
//!     bytes: b"+++\ndate = 2025-10-14\n+++\nAt least 37 people were killed on Sunday.\n".to_vec(),
//! }]);
//! let article = &corpus.articles[0];
//! let claims = extract(article, &Lexicons::builtin());
//! let count = claims.iter().find(|c| c.kind == ClaimKind::Quantity).unwrap();
//! assert_eq!(article.slice(count.span), "At least 37 people");
//! assert_eq!(count.key.as_ref().unwrap().measure.as_deref(), Some("deaths"));
//! let date = claims.iter().find(|c| c.kind == ClaimKind::Date).unwrap();
//! assert!(matches!(&date.value, ClaimValue::Date(t) if t.value == "2025-10-12"));
//! ```
#![deny(missing_docs)]

mod acronyms;
mod dates;
mod describe;
mod durations;
pub mod frame;
mod key;
mod lexicon;
mod money;
mod names;
mod nouns;
mod number_phrase;
mod numbers;
mod ordinals;
mod percent;
mod quotes;
mod record;
mod relations;
mod token;
mod words;

#[cfg(test)]
mod testutil;

use std::sync::Arc;

use factdiff_corpus::{Article, Span};
use serde::Serialize;

pub use describe::{describe_interval, mid_sentence, number_word, shows_unit};
pub use frame::{Frame, Modality, Period, Role, has_phrase, lower_ends_with};
pub use lexicon::{LexiconError, Lexicons, Qualifier, month_name};
pub use record::{record, records};
pub use words::{Word, WordTable};

/// The kind of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A count or measurement with its counted noun or unit.
    Quantity,
    /// An amount of money with its currency.
    Money,
    /// A percentage or a change in percent.
    Percent,
    /// A calendar date, month, year, week, season or quarter.
    Date,
    /// A length of time.
    Duration,
    /// An ordinal: `25th anniversary`, `for the fifth time`.
    Ordinal,
    /// A quotation, with its speaker when attributed.
    Quote,
    /// A name of a person, place or organization.
    Name,
    /// An acronym, with its definition when the article gives one.
    Acronym,
}

impl ClaimKind {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quantity => "quantity",
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Date => "date",
            ClaimKind::Duration => "duration",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Quote => "quote",
            ClaimKind::Name => "name",
            ClaimKind::Acronym => "acronym",
        }
    }
}

/// A normalized date: its TIMEX3 value and the parts it fixes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// The TIMEX3 value: `2025-08-07`, `2025-08`, `2025`, `2025-W32`, `2012-SU`,
    /// `2025-Q1`, `199` (a decade), `XXXX-08-07` when no year can be known,
    /// `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.
    pub value: String,
    /// The year, when known.
    pub year: Option<i16>,
    /// The month, when known.
    pub month: Option<i8>,
    /// The day of the month, when known.
    pub day: Option<i8>,
    /// Whether the date was resolved against the article's date (or another date of
    /// the article) rather than written in full.
    pub relative: bool,
    /// Whether the day itself was read from the article's date ("yesterday", "on
    /// Friday"), not only the year ("on 3 June"): such a day moves with the article's
    /// day, so two of them in articles of different days may name a recurring event.
    pub deictic: bool,
    /// Whether this is when something was said ("said on Monday"), not when the event
    /// happened.
    pub reporting: bool,
    /// Whether the written date does not exist ("31 April"); `value` then holds the
    /// date as written.
    pub invalid: bool,
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimValue {
    /// A number as an interval (quantity, money, percent), boxed: the widest value,
    /// which a fifth of the claims have ([`IntervalValue`]; issue 14).
    Interval(Box<IntervalValue>),
    /// A date, boxed as an interval is.
    Date(Box<Timex>),
    /// A duration as a TIMEX3 value (`P25Y`, `PT3H`, `P1DE`), a shared word
    /// ([`WordTable`]): a corpus's durations are a few distinct values.
    Duration(Word),
    /// An ordinal and what it counts.
    Ordinal {
        /// The number.
        n: u32,
        /// The noun it counts (`anniversary`, `session`, `time`), a shared word.
        of: Word,
    },
    /// A quotation's text, without the quotation marks.
    Quote {
        /// The quoted words, behind a thin pointer (a `Box<str>` is 16 bytes, and the
        /// widest variant sets the size of every claim's value: issue 14).
        text: Box<Box<str>>,
    },
    /// A name with its normalized form.
    Name {
        /// Lower-case, dots and titles dropped, apostrophes and dashes unified. A
        /// shared word ([`WordTable`]): a corpus's names are more than half its claims,
        /// its distinct names a few (issue 14).
        normalized: Word,
    },
    /// An acronym.
    Acronym {
        /// The acronym as written, without a plural `s`, a shared word.
        short: Word,
        /// Whether the known-acronyms lexicon holds it.
        known: bool,
    },
}

/// A number as an interval (quantity, money, percent): the value of
/// [`ClaimValue::Interval`]. `None` is an open end; `min_open`/`max_open` say whether
/// the bound itself is excluded (`more than 600`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IntervalValue {
    /// Lower bound, `None` for minus infinity.
    pub min: Option<f64>,
    /// Upper bound, `None` for infinity.
    pub max: Option<f64>,
    /// Whether `min` is excluded.
    pub min_open: bool,
    /// Whether `max` is excluded.
    pub max_open: bool,
    /// The unit: a canonical unit (`km`, `t`), the counted noun's head (`people`,
    /// `corridors`), an ISO currency code for money, `%` for percent, `times` for a
    /// multiplier, empty when the number counts something named by its measure.
    /// Once the claim has its key, the same shared word as the key's unit
    /// ([`WordTable`]).
    pub unit: Word,
}

/// What a claim is about, for matching claims across articles.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClaimKey {
    /// The measure or predicate (`deaths`, `trade`), from the measures lexicon. A
    /// shared word ([`WordTable`]): a few dozen distinct ones for a whole corpus.
    pub measure: Option<Word>,
    /// The unit or counted noun (`people`, `t`, `USD`, `%`), a shared word too.
    pub unit: Word,
    /// The event context: normalized names and content words of the sentence, sorted
    /// and deduplicated. Shared by the claims of a sentence, each word shared by the
    /// whole corpus ([`WordTable`]).
    pub context: std::sync::Arc<[Word]>,
    /// Whether the measure only rises over time (the measures lexicon's `monotonic`
    /// table: death tolls): a later, larger figure is an update, not a contradiction.
    pub monotonic: bool,
    /// For a date: the event it dates, from its clause; equal events of one run are
    /// one copy.
    pub event: Option<Arc<EventKey>>,
}

/// The event a date is the date of: its predicate class, participants and place, from
/// the date's clause. "The summit opened in Samarkand on September 15" and "the summit
/// began in Samarkand on Friday, September 16" share the key (`start`, `summit`,
/// `samarkand`); "delegations arrived in Samarkand on September 14" does not.
///
/// Its strings are shared [`Word`]s and its lists boxed slices sized exactly: a
/// corpus's distinct events are held through the rules (0.24 million at Reuters 16x,
/// 100 MiB with owned strings and `Vec`s, 31 MiB so: issue 14). They compare, order,
/// hash and serialize as the strings they hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EventKey {
    /// The predicate class from the events lexicon (`start`, `sign`, `arrive`,
    /// `strike`), `report` for a reporting date, `None` when the clause names none.
    pub predicate: Option<Word>,
    /// Normalized names and content nouns of the clause (the place excepted), sorted.
    pub participants: Box<[Word]>,
    /// The normalized name after `in`, `at` or `near` in the clause.
    pub place: Option<Word>,
    /// Whether the date says when something was said ("said on Monday").
    pub reporting: bool,
    /// Whether the predicate's class happens once to whom it happens (events.toml's
    /// `once_events`: a conviction, an escape), not again and again (a strike, a
    /// meeting): one story's two close dates of it are one event retold.
    #[serde(skip)]
    pub once: bool,
    /// Whether the event is named by a definite noun right at the date ("the
    /// shooting on Feb. 6, 2025", "the Nov. 29 escape", "the March 11, 2005,
    /// incident"): an event the text refers back to as known, not one of a series.
    #[serde(skip)]
    pub definite: bool,
    /// The labelled figures of the clause, each its label word (words.toml's
    /// `label_words`) and number: "a magnitude 6.1 earthquake" and "the 6.1-magnitude
    /// quake" give `magnitude 6.1`, "Flight 17" `flight 17`. Two clauses that give one
    /// label two numbers tell two things ("a magnitude 6.1 earthquake" / "a magnitude
    /// 5.2 aftershock", "Game 6" / "Game 7"). Not in the claims' JSON (a label word is
    /// no claim of its own).
    #[serde(skip)]
    pub labels: Box<[Word]>,
    /// The labels of `labels` that name one thing that happens once (words.toml's
    /// `event_labels`: a quake's magnitude, a flight's number), not a place where
    /// things happen again and again ("Route 94").
    #[serde(skip)]
    pub identifiers: Box<[Word]>,
}

/// How two claims of one sentence relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationKind {
    /// This claim is a part of the target (`139 people, including 7 women`).
    PartOf,
    /// This claim is a change that led to the target (`increased by 65 percent,
    /// reaching 2.8 million tons`).
    ChangeTo,
    /// This claim is the same amount converted (`10 trillion tenge (about 35 billion
    /// dollars)`): the target is the original.
    ConversionOf,
    /// This ordinal anniversary counts from the target date.
    AnniversaryOf,
}

/// A relation from one claim to another claim of the same article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Relation {
    /// What the relation is.
    pub kind: RelationKind,
    /// The index of the other claim in the article's claim list.
    pub target: usize,
}

/// One claim of an article.
///
/// 56 bytes (a test holds it): the parts few claims have (a quote's speaker, an
/// acronym's definition, relations) are boxed together in one [`Rare`], read with
/// [`Claim::speaker`], [`Claim::expansion`] and [`Claim::relations`] (issue 14: every
/// claim of the corpus is held through the stories and the rules). Serialized with
/// `speaker`, `expansion` and `relations` as fields of its own, as before. Its value
/// is 16 bytes: an interval and a date boxed, a quote's text behind a thin pointer,
/// the other strings shared [`Word`]s.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// What kind of claim.
    pub kind: ClaimKind,
    /// The surface text's span in `article.text`.
    pub span: Span,
    /// The index of its sentence in `article.sentences` (the first, for a quote).
    pub sentence: u32,
    /// The normalized value.
    pub value: ClaimValue,
    /// What it is about (quantities, money, percentages, dates, durations, ordinals).
    /// Behind a pointer: names, quotes and acronyms, most of the claims, have none.
    /// Shared: the claims of a run extracted with one [`WordTable`] that have equal
    /// keys hold one copy of it.
    pub key: Option<Arc<ClaimKey>>,
    /// A quote's speaker, an acronym's definition, relations: `None` when the claim
    /// has none of them, as most claims.
    rare: Option<Box<Rare>>,
    /// A weekday written next to a date ("Monday (15 December)").
    pub weekday: Option<jiff::civil::Weekday>,
    /// What the words around it say: a figure's period and role, a date's predicate
    /// ([`frame`]). Names, quotes and acronyms have none; equal frames of one run are
    /// one copy, as keys are.
    pub frame: Option<Arc<Frame>>,
}

/// The parts of a [`Claim`] that few claims have, boxed together.
#[derive(Clone, Debug, Default, PartialEq)]
struct Rare {
    speaker: Option<Box<str>>,
    expansion: Option<Box<str>>,
    relations: Vec<Relation>,
}

impl Claim {
    pub(crate) fn new(kind: ClaimKind, span: Span, sentence: u32, value: ClaimValue) -> Claim {
        Claim {
            kind,
            span,
            sentence,
            value,
            key: None,
            rare: None,
            weekday: None,
            frame: None,
        }
    }

    /// A quote's speaker, as the article names them.
    pub fn speaker(&self) -> Option<&str> {
        self.rare.as_ref()?.speaker.as_deref()
    }

    /// An acronym's definition, as the article gives it.
    pub fn expansion(&self) -> Option<&str> {
        self.rare.as_ref()?.expansion.as_deref()
    }

    /// Relations to other claims of the article.
    pub fn relations(&self) -> &[Relation] {
        self.rare.as_ref().map_or(&[], |r| &r.relations)
    }

    fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }

    pub(crate) fn set_speaker(&mut self, speaker: Option<Box<str>>) {
        if speaker.is_some() || self.rare.is_some() {
            self.rare_mut().speaker = speaker;
        }
    }

    pub(crate) fn set_expansion(&mut self, expansion: Option<Box<str>>) {
        if expansion.is_some() || self.rare.is_some() {
            self.rare_mut().expansion = expansion;
        }
    }

    /// Adds `relation` unless the claim has it already.
    pub(crate) fn add_relation(&mut self, relation: Relation) {
        if !self.relations().contains(&relation) {
            self.rare_mut().relations.push(relation);
        }
    }
}

impl Serialize for Claim {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Claim", 10)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("span", &self.span)?;
        s.serialize_field("sentence", &self.sentence)?;
        s.serialize_field("value", &self.value)?;
        s.serialize_field("key", &self.key)?;
        s.serialize_field("speaker", &self.speaker())?;
        s.serialize_field("expansion", &self.expansion())?;
        s.serialize_field("relations", self.relations())?;
        s.serialize_field(
            "weekday",
            &self.weekday.map(|w| format!("{w:?}").to_lowercase()),
        )?;
        s.serialize_field("frame", &self.frame)?;
        s.end()
    }
}

/// A name claim as the run holds it, apart from the other claims: its span, its
/// sentence and its normalized form, 24 bytes (a test holds it) where a [`Claim`] is
/// 56. The names are more than half of a corpus's claims (3.3 million of 5.9 million
/// at Reuters 16x), and a name has no key, frame, weekday or relation (issue 14).
#[derive(Clone, Debug, PartialEq)]
pub struct NameClaim {
    /// Lower-case, dots and titles dropped, apostrophes and dashes unified: the
    /// [`ClaimValue::Name`] of the claim, a shared word ([`WordTable`]).
    pub normalized: Word,
    /// The surface text's span in `article.text`.
    pub span: Span,
    /// The index of its sentence in `article.sentences`.
    pub sentence: u32,
}

/// One article's claims as a run holds them: the names ([`NameClaim`]s) apart from
/// the other claims, each list in the article's order (by span, then kind). A
/// relation's [`Relation::target`] indexes [`ArticleClaims::others`] (no relation
/// names or targets a name). [`ArticleClaims::in_order`] reads both lists together in
/// the order of the full list [`extract`] gives, and [`ArticleClaims::to_claims`]
/// makes that list again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleClaims {
    others: Box<[Claim]>,
    names: Box<[NameClaim]>,
}

impl From<Vec<Claim>> for ArticleClaims {
    /// The names of `claims` (an article's claims as [`extract`] gives them) taken
    /// apart, the relations' targets renumbered in the other claims' list.
    fn from(claims: Vec<Claim>) -> ArticleClaims {
        let n_names = claims.iter().filter(|c| c.kind == ClaimKind::Name).count();
        let mut names: Vec<NameClaim> = Vec::with_capacity(n_names);
        let mut others: Vec<Claim> = Vec::with_capacity(claims.len() - n_names);
        // Each claim's index in `others` (names: none).
        let mut place: Vec<usize> = Vec::with_capacity(claims.len());
        let has_relations = claims.iter().any(|c| !c.relations().is_empty());
        for claim in claims {
            if claim.kind == ClaimKind::Name
                && let ClaimValue::Name { normalized } = claim.value
            {
                debug_assert!(claim.rare.is_none() && claim.key.is_none());
                if has_relations {
                    place.push(usize::MAX);
                }
                names.push(NameClaim {
                    normalized,
                    span: claim.span,
                    sentence: claim.sentence,
                });
            } else {
                if has_relations {
                    place.push(others.len());
                }
                others.push(claim);
            }
        }
        if has_relations {
            for rare in others.iter_mut().filter_map(|c| c.rare.as_mut()) {
                for relation in &mut rare.relations {
                    relation.target = place[relation.target];
                    debug_assert!(relation.target != usize::MAX, "a relation to a name");
                }
            }
        }
        ArticleClaims {
            others: others.into_boxed_slice(),
            names: names.into_boxed_slice(),
        }
    }
}

impl ArticleClaims {
    /// [`extract`]'s claims of `article`, the names apart.
    pub fn extract(article: &Article, lex: &Lexicons) -> ArticleClaims {
        extract(article, lex).into()
    }

    /// [`extract_with`]'s claims of `article`, the names apart.
    pub fn extract_with(article: &Article, lex: &Lexicons, words: &WordTable) -> ArticleClaims {
        extract_with(article, lex, words).into()
    }

    /// Every claim but the names, in the article's order; a relation's target is an
    /// index into this list.
    pub fn others(&self) -> &[Claim] {
        &self.others
    }

    /// The names, in the article's order.
    pub fn names(&self) -> &[NameClaim] {
        &self.names
    }

    /// How many claims, names and others.
    pub fn len(&self) -> usize {
        self.others.len() + self.names.len()
    }

    /// Whether the article has no claim.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The names of sentence `sentence`, in order (the names are sorted by span, so
    /// by sentence).
    pub fn names_of_sentence(&self, sentence: u32) -> impl Iterator<Item = &NameClaim> {
        self.names.iter().filter(move |n| n.sentence == sentence)
    }

    /// Every claim, names and others, in the order of the full list [`extract`]
    /// gives (by span, then kind): the two lists merged.
    pub fn in_order(&self) -> InOrder<'_> {
        InOrder {
            claims: self,
            other: 0,
            name: 0,
        }
    }

    /// How many names come before `others()[idx]` in the full list (by span, then
    /// kind).
    fn names_before(&self, idx: usize) -> usize {
        let Some(c) = self.others.get(idx) else {
            return self.names.len();
        };
        let at = (c.span.start, c.span.end, c.kind);
        self.names
            .partition_point(|n| (n.span.start, n.span.end, ClaimKind::Name) < at)
    }

    /// The claims after `others()[idx]` in the full list, in order.
    pub fn after(&self, idx: usize) -> InOrder<'_> {
        InOrder {
            claims: self,
            other: idx + 1,
            name: self.names_before(idx),
        }
    }

    /// The run of claims of the sentence of `others()[idx]` around it in the full
    /// list (the claims next to it that have its sentence), as a range of
    /// [`ArticleClaims::others`] and one of [`ArticleClaims::names`].
    pub fn sentence_run(&self, idx: usize) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let sentence = self.others[idx].sentence;
        let (mut other, mut name) = (idx, self.names_before(idx));
        // Back: the later in order of the claims before the cursor, while it has the
        // sentence.
        loop {
            let o = other.checked_sub(1).map(|o| &self.others[o]);
            let n = name.checked_sub(1).map(|n| &self.names[n]);
            let back_name = match (o, n) {
                (Some(c), Some(n)) => {
                    (n.span.start, n.span.end, ClaimKind::Name) > (c.span.start, c.span.end, c.kind)
                }
                (None, Some(_)) => true,
                (_, None) => false,
            };
            match (back_name, o, n) {
                (true, _, Some(n)) if n.sentence == sentence => name -= 1,
                (false, Some(c), _) if c.sentence == sentence => other -= 1,
                _ => break,
            }
        }
        let (mut other_end, mut name_end) = (other, name);
        let mut forward = InOrder {
            claims: self,
            other,
            name,
        };
        while let Some(c) = forward.next() {
            if c.sentence() != sentence {
                break;
            }
            (other_end, name_end) = (forward.other, forward.name);
        }
        (other..other_end, name..name_end)
    }

    /// The full list of claims, as [`extract`] gave it: the names made claims again,
    /// the relations' targets indices into it.
    pub fn to_claims(&self) -> Vec<Claim> {
        let mut full: Vec<usize> = Vec::with_capacity(self.others.len());
        let mut out: Vec<Claim> = Vec::with_capacity(self.len());
        for claim in self.in_order() {
            match claim {
                ClaimRef::Other(i, c) => {
                    debug_assert_eq!(i, full.len());
                    full.push(out.len());
                    out.push(c.clone());
                }
                ClaimRef::Name(n) => out.push(Claim::new(
                    ClaimKind::Name,
                    n.span,
                    n.sentence,
                    ClaimValue::Name {
                        normalized: n.normalized.clone(),
                    },
                )),
            }
        }
        for rare in out.iter_mut().filter_map(|c| c.rare.as_mut()) {
            for relation in &mut rare.relations {
                relation.target = full[relation.target];
            }
        }
        out
    }
}

/// A claim of [`ArticleClaims::in_order`]: one of the other claims (with its index in
/// [`ArticleClaims::others`]) or a name.
#[derive(Clone, Copy, Debug)]
pub enum ClaimRef<'a> {
    /// A claim other than a name, and its index in [`ArticleClaims::others`].
    Other(usize, &'a Claim),
    /// A name.
    Name(&'a NameClaim),
}

impl ClaimRef<'_> {
    /// The claim's span.
    pub fn span(&self) -> Span {
        match self {
            ClaimRef::Other(_, c) => c.span,
            ClaimRef::Name(n) => n.span,
        }
    }

    /// The index of the claim's sentence.
    pub fn sentence(&self) -> u32 {
        match self {
            ClaimRef::Other(_, c) => c.sentence,
            ClaimRef::Name(n) => n.sentence,
        }
    }

    /// The claim's kind.
    pub fn kind(&self) -> ClaimKind {
        match self {
            ClaimRef::Other(_, c) => c.kind,
            ClaimRef::Name(_) => ClaimKind::Name,
        }
    }
}

/// The iterator of [`ArticleClaims::in_order`].
pub struct InOrder<'a> {
    claims: &'a ArticleClaims,
    other: usize,
    name: usize,
}

impl<'a> Iterator for InOrder<'a> {
    type Item = ClaimRef<'a>;

    fn next(&mut self) -> Option<ClaimRef<'a>> {
        let other = self.claims.others.get(self.other);
        let name = self.claims.names.get(self.name);
        // The order `extract` sorts by: span, then kind.
        let take_name = match (other, name) {
            (Some(c), Some(n)) => {
                (n.span.start, n.span.end, ClaimKind::Name) < (c.span.start, c.span.end, c.kind)
            }
            (None, Some(_)) => true,
            (_, None) => false,
        };
        if take_name {
            self.name += 1;
            name.map(ClaimRef::Name)
        } else {
            self.other += 1;
            other.map(|c| ClaimRef::Other(self.other - 1, c))
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.claims.len() - self.other - self.name;
        (n, Some(n))
    }
}

/// Bytes of a phrase kept on the stack (longer ones go to the heap).
const PHRASE_INLINE: usize = 64;

/// A lower-case phrase of [`Sent::phrase`]: a token's own text, or words joined in a
/// stack buffer (no allocation per lookup).
pub(crate) enum Phrase<'a> {
    Borrowed(&'a str),
    Inline { buf: [u8; PHRASE_INLINE], len: u8 },
    Owned(String),
}

impl std::ops::Deref for Phrase<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Phrase::Borrowed(s) => s,
            // Whole UTF-8 words and ASCII spaces: always valid.
            Phrase::Inline { buf, len } => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Phrase::Owned(s) => s,
        }
    }
}

/// One sentence being read: its tokens and which are already part of a claim.
pub(crate) struct Sent<'a> {
    pub idx: u32,
    /// First words of the lexicons' multi-word entries.
    pub toks: Vec<token::Tok<'a>>,
    pub taken: Vec<bool>,
    /// What the sentence's words say of the future, scanned once, on the first date
    /// that asks (`dates::Future`).
    pub future: std::cell::OnceCell<dates::Future>,
}

impl Sent<'_> {
    pub fn span(&self, from: usize, to: usize) -> Span {
        Span {
            start: self.toks[from].start,
            end: self.toks[to - 1].end,
        }
    }
    pub fn free(&self, from: usize, to: usize) -> bool {
        to <= self.toks.len() && self.taken[from..to].iter().all(|t| !t)
    }
    pub fn take(&mut self, from: usize, to: usize) {
        for t in &mut self.taken[from..to] {
            *t = true;
        }
    }
    /// Lower-case words `from..from+n` joined by one space, if all are words.
    pub fn phrase(&self, from: usize, n: usize) -> Option<Phrase<'_>> {
        let toks = self.toks.get(from..from + n)?;
        let first = &toks[0];
        if !first.is_word() {
            return None;
        }
        if n == 1 {
            return Some(Phrase::Borrowed(first.lower.as_ref()));
        }
        // Only words that start a multi-word lexicon entry start a phrase.
        if !first.has(lexicon::class::MULTI_START) {
            return None;
        }
        let mut buf = [0u8; PHRASE_INLINE];
        let mut len = 0usize;
        let mut heap: Option<String> = None;
        for (i, t) in toks.iter().enumerate() {
            if !(t.is_word() || t.kind == token::TokKind::Punct && t.text == "." && i > 0) {
                return None;
            }
            let sep: &[u8] = if i > 0 && t.space_before { b" " } else { b"" };
            let word = t.lower.as_bytes();
            if let Some(h) = heap.as_mut() {
                h.push_str(if sep.is_empty() { "" } else { " " });
                h.push_str(&t.lower);
            } else if len + sep.len() + word.len() <= PHRASE_INLINE {
                buf[len..len + sep.len()].copy_from_slice(sep);
                len += sep.len();
                buf[len..len + word.len()].copy_from_slice(word);
                len += word.len();
            } else {
                let mut h = String::from(std::str::from_utf8(&buf[..len]).unwrap_or(""));
                h.push_str(if sep.is_empty() { "" } else { " " });
                h.push_str(&t.lower);
                heap = Some(h);
            }
        }
        Some(match heap {
            Some(h) => Phrase::Owned(h),
            None => Phrase::Inline {
                buf,
                len: len as u8,
            },
        })
    }
    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &t.lower)
    }
}

/// The state shared by the extractors while reading one article.
pub(crate) struct Ctx<'a> {
    pub article: &'a Article,
    pub lex: &'a Lexicons,
    /// The article's date, which anchors relative dates.
    pub anchor: Option<jiff::civil::Date>,
    /// The last full date mentioned ("later the same day").
    pub last_day: Option<jiff::civil::Date>,
    /// The article's runs of ASCII letters and digits, built on first use
    /// ([`names::appears_lower`]).
    pub runs: std::cell::OnceCell<lexicon::HashSet<&'a [u8]>>,
    /// How many words [`names::appears_lower`] searched the text for before `runs`.
    pub lower_scans: std::cell::Cell<u32>,
    /// The one copy of each context word.
    pub words: &'a WordTable,
}

/// The claims of one article, sorted by span then kind. No IO; deterministic. Its
/// context words are shared within the article only: a run over a corpus shares them
/// across articles with [`extract_with`].
pub fn extract(article: &Article, lex: &Lexicons) -> Vec<Claim> {
    extract_with(article, lex, &WordTable::new())
}

/// [`extract`], taking each context word from `words`, which the caller shares across
/// the articles of a corpus (and across threads) so that each distinct word is held
/// once. The claims are the same whatever the table held before.
pub fn extract_with(article: &Article, lex: &Lexicons, words: &WordTable) -> Vec<Claim> {
    let mut ctx = Ctx {
        article,
        lex,
        words,
        anchor: article.meta.date,
        last_day: None,
        runs: std::cell::OnceCell::new(),
        lower_scans: std::cell::Cell::new(0),
    };
    let mut claims: Vec<Claim> = Vec::new();
    for (idx, sentence) in article.sentences.iter().enumerate() {
        let (start, end) = (sentence.span.start as usize, sentence.span.end as usize);
        let sentence_text = &article.text[start..end];
        let lower_buf = sentence_text
            .is_ascii()
            .then(|| sentence_text.to_ascii_lowercase());
        let mut toks = token::tokenize_with(&article.text, lower_buf.as_deref(), start, end);
        for t in &mut toks {
            if t.is_word() {
                t.class = lex.class_of(&t.lower);
            }
        }
        let n = toks.len();
        let mut sent = Sent {
            idx: idx as u32,
            toks,
            taken: vec![false; n],
            future: std::cell::OnceCell::new(),
        };
        let first = claims.len();
        dates::extract(&mut ctx, &mut sent, &mut claims);
        numbers::extract(&ctx, &mut sent, &mut claims);
        durations::extract(&ctx, &mut sent, &mut claims);
        durations::widen_past(&ctx, &sent, &mut claims[first..]);
        ordinals::extract(&ctx, &mut sent, &mut claims);
        acronyms::extract(&ctx, &mut sent, &mut claims);
        names::extract(&ctx, &mut sent, &mut claims);
        key::assign(&ctx, &sent, &mut claims[first..]);
    }
    acronyms::carry_expansions(&mut claims);
    acronyms::drop_name_parts(&article.text, &mut claims);
    names::join_wrapped(&ctx, &mut claims);
    quotes::extract(&ctx, &mut claims);
    // Sort, then relate claims within each sentence (relations use final indices).
    claims.sort_by(|a, b| {
        (a.span.start, a.span.end, a.kind).cmp(&(b.span.start, b.span.end, b.kind))
    });
    relations::relate(&ctx, &mut claims);
    frame::assign(&ctx, &mut claims);
    // The keys are final: equal ones of the run share one copy.
    for key in claims.iter_mut().filter_map(|c| c.key.as_mut()) {
        *key = words.key(Arc::clone(key));
    }
    // A duration's value and an ordinal's noun, equal in many claims of a corpus, are
    // the run's shared copies (an acronym is made one): one allocation per distinct
    // string.
    for claim in &mut claims {
        if let ClaimValue::Duration(w) | ClaimValue::Ordinal { of: w, .. } = &mut claim.value {
            *w = words.intern(w);
        }
    }
    // The lists live until the rules have run: no spare capacity.
    claims.shrink_to_fit();
    for rare in claims.iter_mut().filter_map(|c| c.rare.as_mut()) {
        rare.relations.shrink_to_fit();
    }
    claims
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// Every claim of a corpus is held through the stories and the rules: a field
    /// added to `Claim` costs its size times every claim (1.5 million at Reuters 4x).
    /// Box what few claims have (as [`Rare`]) rather than grow this.
    #[test]
    fn a_claim_takes_56_bytes() {
        assert_eq!(std::mem::size_of::<Word>(), 8);
        assert_eq!(std::mem::size_of::<ClaimValue>(), 16);
        assert_eq!(std::mem::size_of::<ClaimKey>(), 48);
        assert_eq!(std::mem::size_of::<Claim>(), 56);
        // The names, more than half the claims, are held apart in 24 bytes.
        assert_eq!(std::mem::size_of::<NameClaim>(), 24);
        // A corpus's distinct events are held through the rules too: shared words and
        // exactly sized lists, no owned strings.
        assert_eq!(std::mem::size_of::<EventKey>(), 72);
    }

    /// The names apart and the other claims are the full list, read in its order and
    /// made again from them; a sentence's run and the claims after one are the full
    /// list's.
    #[test]
    fn the_names_apart_are_the_full_list() {
        use factdiff_corpus::{Corpus, Input};
        let text = "+++\ndate = 2025-10-14\n+++\n\
            Of the 15 seats, 9 went to Anna Okafor and 6 to Brandt, said UN official \
            Maria Lopez on Monday.\n\n\
            The quake killed 139 people, including 7 women, in Herat, the WHO said. \
            Prices increased by 65 percent, reaching 2.8 million tons in Kabul.\n\n\
            \"We will rebuild,\" said Ahmad Wali, 34, of the Red Crescent. \
            It paid 10 trillion tenge (about 35 billion dollars) to Kazakhstan.\n";
        let corpus = Corpus::from_inputs(vec![Input {
            path: "a.md".into(),
            bytes: text.as_bytes().to_vec(),
        }]);
        let article = &corpus.articles[0];
        let full = extract(article, &Lexicons::builtin());
        assert!(full.iter().any(|c| c.kind == ClaimKind::Name));
        assert!(full.iter().any(|c| !c.relations().is_empty()));
        let apart = ArticleClaims::from(full.clone());
        assert_eq!(apart.len(), full.len());
        assert_eq!(
            apart.names().len(),
            full.iter().filter(|c| c.kind == ClaimKind::Name).count()
        );
        assert_eq!(apart.to_claims(), full);
        let read: Vec<(Span, u32, ClaimKind)> = apart
            .in_order()
            .map(|c| (c.span(), c.sentence(), c.kind()))
            .collect();
        let want: Vec<(Span, u32, ClaimKind)> =
            full.iter().map(|c| (c.span, c.sentence, c.kind)).collect();
        assert_eq!(read, want);
        // A relation's target is the same claim in the other claims' list.
        for (i, c) in apart.others().iter().enumerate() {
            let at = full
                .iter()
                .position(|f| (f.span, f.kind) == (c.span, c.kind))
                .unwrap();
            for (r, f) in c.relations().iter().zip(full[at].relations()) {
                let (t, w) = (&apart.others()[r.target], &full[f.target]);
                assert_eq!((t.span, t.kind, r.kind), (w.span, w.kind, f.kind));
            }
            let after: Vec<Span> = apart.after(i).map(|c| c.span()).collect();
            let want: Vec<Span> = full[at + 1..].iter().map(|c| c.span).collect();
            assert_eq!(after, want);
            let (others, names) = apart.sentence_run(i);
            let same = |f: &Claim| f.sentence == c.sentence;
            let lo = full[..at]
                .iter()
                .rposition(|f| !same(f))
                .map_or(0, |p| p + 1);
            let hi = full[at..]
                .iter()
                .position(|f| !same(f))
                .map_or(full.len(), |p| at + p);
            let mut run: Vec<Span> = apart.others()[others]
                .iter()
                .map(|c| c.span)
                .chain(apart.names()[names].iter().map(|n| n.span))
                .collect();
            let mut want: Vec<Span> = full[lo..hi].iter().map(|c| c.span).collect();
            run.sort_unstable();
            want.sort_unstable();
            assert_eq!(run, want);
        }
    }

    #[test]
    fn the_rare_parts_are_read_back_and_serialized_as_fields() {
        let span = Span { start: 0, end: 4 };
        let mut c = Claim::new(
            ClaimKind::Acronym,
            span,
            0,
            ClaimValue::Acronym {
                short: "TITR".into(),
                known: false,
            },
        );
        c.set_speaker(None);
        assert!(c.rare.is_none(), "no box for nothing");
        assert_eq!(
            (c.speaker(), c.expansion(), c.relations()),
            (None, None, &[][..])
        );
        c.set_expansion(Some("Trans-Caspian Route".into()));
        let relation = Relation {
            kind: RelationKind::PartOf,
            target: 3,
        };
        c.add_relation(relation);
        c.add_relation(relation);
        assert_eq!(c.expansion(), Some("Trans-Caspian Route"));
        assert_eq!(c.relations(), &[relation]);
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["expansion"], "Trans-Caspian Route");
        assert_eq!(json["speaker"], serde_json::Value::Null);
        assert_eq!(json["relations"][0]["target"], 3);
        assert_eq!(json["relations"][0]["kind"], "part-of");
    }
}
