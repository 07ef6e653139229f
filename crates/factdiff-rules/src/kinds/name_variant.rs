//! # name-variant
//!
//! ## What it does
//! Reports one person or place spelled two ways across the corpus: "Kassym-Jomart" and
//! "Kasim-Jomart", "Mirziyoyev" and "Mirziyoev". Names are compared after a
//! transliteration-aware folding (kh/h, y/i, ss/s, iy/i, ie/ye, zh/j, doubled letters),
//! so spellings that fold alike but are written differently are variants. The
//! minority spelling is the primary location; the majority spelling, in the other
//! articles, the related ones. A canonical spelling, when one is declared, is the
//! majority whatever the counts.
//!
//! Spellings are one name only when they stand beside the same name somewhere
//! ("Kasim-Jomart Tokayev" and "Kassym-Jomart Tokayev"; "Riedel Environment" and
//! "Reidel Environmental"; the neighbour a capitalized word, "and" is no name):
//! "Dennis Patrick" and "Denis Sassou-Nguesso" are two people. A variant of a canonical spelling needs no such context, nor do two
//! spellings within one story (the articles that report one event: "Michelle Lyonns
//! said" in one outlet, "Lyons said" in another). A name of many stories ("Lions")
//! is compared across the corpus, and its group's spellings also within each story,
//! against the story's own majority ("Lyons" and "Lyonns"). Rating codes
//! ("BB-plus", "AAA-rated"), codes with a one-letter part ("Exp-E" of a table),
//! abbreviations without a vowel ("Stks" / "Stcks" of a table) and contractions
//! ("They're") are not names.
//!
//! Within one story, a name beside the same name in two spellings one inner letter
//! apart is one person's name respelled even when folding does not join them
//! ("Tyler Hansbrough" and "Tyler Hansbraugh"; "Tara Reid" and "Tara Reyd", from
//! `min-length-beside` letters): a letter changed anywhere but the first, or added
//! or dropped inside. A changed first letter is another name ("Ann
//! Nolan" and "Ann Dolan"), and a letter added at the end or a last vowel changed
//! another form of it ("Kovac" and "Kovaca", "Italiana" and "Italiane"), unless the
//! letter added is one that is not heard: an "e" after two consonants ("Ellen
//! Whitcomb" and "Ellen Whitcombe"; "Denis" and "Denise" are two names) or an "h"
//! after a vowel ("Kipchumba" and "Kipchumbah").
//!
//! Across stories, a name of two words or more as the claims read it (titles left
//! out) whose last word is respelled inside, beside the same first word ("Beshir
//! Omer" / "Beshir Omar", "Hector Ruiz" / "Hector Ruyz": one letter changed, added or
//! dropped, the same first and last letters), is one name where the two articles
//! share at least two other names that few articles give (as rare as the story
//! stage's blocking keys; "Sudan", "Khartoum"), so that related reports the story
//! stage left apart (months apart, or a report it did not link) are compared.
//! Unrelated reports ("Steven Gerrard" of a football match, "Steven Gerard" of a
//! bakery) or reports sharing one rare name only are two people.
//!
//! Two spellings that each begin people's full names (the name claims) whose next
//! words all differ ("Catherine Moore", "Katherine Boyle"), or each end full names
//! whose previous words all differ, are two people, within one story too. A name
//! spelled two ways within one article only has the other spelling as its related
//! location.
//!
//! Not reported, unless a spelling is canonical: a name written without its
//! diacritics, as wire copy writes names ("Subasic" / "Subašić"), which is the same
//! spelling; a name against an ordinary word (the
//! corpus writes "copper" in lower case, so "Cooper" / "Copper" are two words; but
//! within one story, a spelling respelled inside beside the same name is that name's
//! typo even when the corpus also writes it as a word: "Larry Brown" / "Larry
//! Brrown", "Western Digital" / "WEestern Digital"), and a
//! spelling used in `max-variant-articles` articles or more, which is a name of its
//! own ("Philips" and "Phillips" are two companies). With no majority (as many
//! articles for each spelling; within the same articles, as many uses), the message
//! says the name is spelled two ways and picks neither as the odd one out: one
//! article writing "Kimotho" three times against another writing "Kamotho" once is
//! one outlet's spelling against another's.
//!
//! ## Why is this bad?
//! A name spelled two ways reads as two people to a search engine, an archive and a
//! reader; style guides fix one transliteration.
//!
//! ## Example
//! Fires:
//! ```text
//! a.md, b.md, c.md: President Kassym-Jomart Tokayev ...
//! d.md:             President Kasim-Jomart Tokayev ...
//! ```
//! Does not fire:
//! ```text
//! Nursultan Nazarbayev ... his daughter Dariga Nazarbayeva ...   (different people)
//! Austria ... Australia ...                                      (different places)
//! ```
//!
//! ## Options
//! - `canonical` (array of strings): the house spellings ("Kassym-Jomart Tokayev");
//!   a variant of one is always the minority.
//! - `exceptions` (array of arrays of strings): spellings never reported against
//!   each other (`[["Nazarbayev", "Nazarbayeva"]]`).
//! - `min-length` (integer, default 5): shorter names are not compared, but for the
//!   next option.
//! - `min-length-beside` (integer, default 4): within a story, a name respelled by
//!   one inner letter beside the same name is compared from this length ("Reid" /
//!   "Reyd" beside "Tara").
//! - `max-edits` (integer, default 2): spellings further apart, in letters, are not
//!   variants.
//! - `across` (`"story"` or `"corpus"`, default `"story"`): compare the spellings of
//!   the articles of one story (the articles that report the same event,
//!   docs/stories.md), or of the whole corpus. Two stories' people who happen to fold
//!   alike ("Jon Stewart" and "John Stewart") are two people.
//! - `corpus-wide-stories` (integer, default 3): with `across = "story"`, a name whose
//!   majority spelling is found in at least this many stories (an article in no story
//!   counts as one) is a public figure named across the news, and its spellings are
//!   compared across the whole corpus ("Kassym-Jomart Tokayev" in three reports of
//!   three events, "Kasim-Jomart Tokayev" in a fourth).
//! - `max-variant-articles` (integer, default 3): a spelling used in this many
//!   articles or more is a name of its own ("Philips" and "Phillips"), not a variant
//!   of a canonical one.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "name-variant",
    category: Category::Contradiction,
    severity: Severity::Warning,
    summary: "one person or place spelled two ways",
    message: "`{variant}` is spelled `{majority}` {elsewhere}",
    placeholders: &[
        "variant",
        "majority",
        "count",
        "majority_count",
        "majority_articles",
        "elsewhere",
    ],
    params: &[
        ParamSpec {
            name: "canonical",
            ty: ParamType::Strings,
            default: "[]",
            doc: "the house spellings",
        },
        ParamSpec {
            name: "exceptions",
            ty: ParamType::StringGroups,
            default: "[]",
            doc: "spellings never reported against each other",
        },
        ParamSpec {
            name: "min-length",
            ty: ParamType::Integer { min: 2, max: 40 },
            default: "5",
            doc: "shorter names are not compared",
        },
        ParamSpec {
            name: "min-length-beside",
            ty: ParamType::Integer { min: 2, max: 40 },
            default: "4",
            doc: "within a story, shorter names respelled beside the same name are not compared",
        },
        ParamSpec {
            name: "max-edits",
            ty: ParamType::Integer { min: 1, max: 5 },
            default: "2",
            doc: "spellings further apart are not variants",
        },
        super::ACROSS,
        ParamSpec {
            name: "corpus-wide-stories",
            ty: ParamType::Integer { min: 1, max: 1000 },
            default: "3",
            doc: "a name whose majority spelling is in this many stories is compared corpus-wide",
        },
        ParamSpec {
            name: "max-variant-articles",
            ty: ParamType::Integer { min: 1, max: 1000 },
            default: "3",
            doc: "a spelling used in this many articles is a name of its own",
        },
    ],
    source: include_str!("name_variant.rs"),
};

use std::collections::{BTreeMap, BTreeSet};

use factdiff_corpus::Span;
use factdiff_findings::{Finding, NameVariantDetails};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;
use crate::text::{edit_distance, translit_fold, unmarked};

/// A set of words, hashed with foldhash's fixed seed (nothing is listed from it).
type WordSet<'a> = std::collections::HashSet<&'a str, foldhash::fast::FixedState>;

/// The spellings that fold alike, each with its uses by article.
type Spellings<'a> = BTreeMap<&'a str, Vec<(usize, &'a Uses)>>;

/// A spelling's uses in one article: how many, and the first. 20 bytes: every
/// name-like word of every article is one, held until the rule is done (issue 14).
/// The spelling itself is the text of the first use; its neighbours are spans of the
/// article's text too, in its [`Names`]' list.
#[derive(Clone, Copy)]
struct Uses {
    first: Span,
    /// How many (the low 31 bits: a use takes two bytes or more of an article, which
    /// is under 4 GiB), and in the top bit whether a use stands in prose, not only in
    /// a title-case block (a headline, "Convicted Child Molestor ...", capitalizes
    /// ordinary words).
    count_prose: u32,
    /// Where its neighbours are in the article's [`Names::beside`]: the capitalized
    /// words right before and after it ("Kassym-Jomart" beside "Tokayev"), distinct.
    beside: u32,
    beside_end: u32,
}

/// [`Uses::count_prose`]'s bit for a use in prose.
const IN_PROSE: u32 = 1 << 31;

impl Uses {
    fn count(&self) -> u32 {
        self.count_prose & !IN_PROSE
    }

    fn in_prose(&self) -> bool {
        self.count_prose & IN_PROSE != 0
    }
}

/// An article's name-like words: each distinct spelling's [`Uses`], sorted by
/// spelling, and their neighbours' spans, spelling by spelling. Two allocations an
/// article, sized exactly: no `&str` (16 bytes) and no list (16 bytes and an
/// allocation) per spelling.
struct Names {
    uses: Box<[Uses]>,
    beside: Box<[Span]>,
}

impl Names {
    fn len(&self) -> usize {
        self.uses.len()
    }

    /// The spellings with their uses, sorted by spelling; `text` is the article's.
    fn iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (&'t str, &'t Uses)> + 't {
        self.uses.iter().map(move |u| (&text[u.first.range()], u))
    }

    /// The spelling at `at` and its uses.
    fn get<'t>(&'t self, text: &'t str, at: usize) -> (&'t str, &'t Uses) {
        let u = &self.uses[at];
        (&text[u.first.range()], u)
    }

    /// The neighbours of a spelling of this article (`uses`, one of its own).
    fn neighbours<'t>(&'t self, text: &'t str, uses: &Uses) -> impl Iterator<Item = &'t str> + use<'t> {
        self.beside[uses.beside as usize..uses.beside_end as usize]
            .iter()
            .map(move |s| &text[s.range()])
    }
}

/// A spelling's uses while an article is read.
struct Reading<'t> {
    count: u32,
    first: Span,
    neighbours: Vec<(&'t str, Span)>,
    in_prose: bool,
}

/// The byte ranges of the blocks of `text` (lines between blank lines) written in
/// title case, as headlines are: four words of four letters or more, every one of
/// them capitalized. A block, not a line: a wrapped line of prose ("Earlier,
/// Venezuelan Energy and Mines Minister Aturo") is part of a paragraph with words in
/// lower case.
fn title_case_blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The block read: where it starts, its words of four letters or more, and how
    // many of them are capitalized.
    let (mut start, mut long, mut capitalized) = (0, 0, 0);
    let mut pos = 0;
    // A last empty line closes the last block.
    for line in text.split_inclusive('\n').chain([""]) {
        if line.trim().is_empty() {
            if long >= 4 && capitalized == long {
                out.push((start, pos));
            }
            (start, long, capitalized) = (pos + line.len(), 0, 0);
        } else {
            for w in line
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 4)
            {
                long += 1;
                capitalized += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
        }
        pos += line.len();
    }
    out
}

/// Name-like words of an article: a capital letter then lower-case letters, with
/// inner hyphens and apostrophes ("Kassym-Jomart", "O'Brien"); a possessive `'s` is
/// dropped. Derived from the text, so that every spelling is counted, also where the
/// name extractor would join it with its neighbours.
fn names(text: &str, body: Span, min_len: usize) -> Names {
    let mut out: BTreeMap<&str, Reading<'_>> = BTreeMap::new();
    // The previous capitalized word, its start and end, and whether it was recorded.
    let mut prev: Option<(&str, usize, usize, bool)> = None;
    let body_text = &text[body.range()];
    let base = body.start as usize;
    let mut idx = 0;
    let bytes = body_text.as_bytes();
    let titles = title_case_blocks(body_text);
    let mut title = 0;
    while idx < body_text.len() {
        let c = body_text[idx..].chars().next().unwrap_or(' ');
        let prev_alnum = body_text[..idx]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if !c.is_uppercase() || prev_alnum {
            idx += c.len_utf8();
            continue;
        }
        let start = idx;
        let mut end = idx;
        let mut j = idx;
        while j < body_text.len() {
            let ch = body_text[j..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                j += ch.len_utf8();
                end = j;
            } else if (ch == '-' || ch == '\'' || ch == '’')
                && body_text[j + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        let mut word = &body_text[start..end];
        for suffix in ["'s", "’s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                word = stem;
            }
        }
        let _ = bytes;
        let has_lower = word.chars().skip(1).any(char::is_lowercase);
        // A rating or code with a suffix ("AAA-rated", "BB-plus") is not a name, nor
        // is a contraction ("They're").
        let code = word
            .split('-')
            .next()
            .is_some_and(|head| head.chars().all(char::is_uppercase));
        let contraction = word.contains('\'') || word.contains('’');
        // A code with a one-letter part ("Exp-E", "Tl-F" of a table) is not a name.
        let code = code || word.split('-').any(|part| part.chars().count() == 1);
        // A word without a vowel is an abbreviation ("Stks", "Stcks" of a table).
        let vowel = word
            .chars()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'));
        let recorded =
            has_lower && vowel && !code && !contraction && word.chars().count() >= min_len;
        let adjacent = prev.filter(|(_, _, prev_end, _)| {
            body_text[*prev_end..start].chars().all(char::is_whitespace)
        });
        if recorded {
            while titles.get(title).is_some_and(|&(_, end)| end <= start) {
                title += 1;
            }
            let in_title = titles.get(title).is_some_and(|&(from, _)| from <= start);
            let span = Span::new(base + start, base + start + word.len());
            let uses = out.entry(word).or_insert(Reading {
                count: 0,
                first: span,
                neighbours: Vec::new(),
                in_prose: false,
            });
            uses.count += 1;
            uses.in_prose |= !in_title;
            if let Some((p, p_start, p_end, _)) = adjacent
                && !uses.neighbours.iter().any(|(n, _)| *n == p)
            {
                uses.neighbours.push((p, Span::new(base + p_start, base + p_end)));
            }
        }
        if let Some((p, _, _, true)) = adjacent
            && let Some(uses) = out.get_mut(p)
            && !uses.neighbours.iter().any(|(n, _)| *n == word)
        {
            let span = Span::new(base + start, base + start + word.len());
            uses.neighbours.push((word, span));
        }
        prev = Some((word, start, start + word.len(), recorded));
        idx = end.max(idx + c.len_utf8());
    }
    // Packed: the spellings' uses in their order, their neighbours one list.
    let mut beside = Vec::with_capacity(out.values().map(|r| r.neighbours.len()).sum());
    let uses = out
        .into_values()
        .map(|r| {
            let from = beside.len() as u32;
            beside.extend(r.neighbours.iter().map(|(_, span)| *span));
            Uses {
                first: r.first,
                count_prose: r.count | if r.in_prose { IN_PROSE } else { 0 },
                beside: from,
                beside_end: beside.len() as u32,
            }
        })
        .collect();
    Names {
        uses,
        beside: beside.into_boxed_slice(),
    }
}

/// The folded form of each distinct spelling of the corpus, made once per spelling
/// (a spelling used in a thousand articles is folded once): each spelling numbered by
/// its place among the corpus's distinct spellings sorted by folded form, then
/// spelling, so that a use of a spelling sorts and groups by one number, the forms
/// themselves not held.
struct Folds<'a> {
    /// Each spelling's place (looked up once per use of a spelling in an article:
    /// hashed, not searched in the sorted spellings).
    place: std::collections::HashMap<&'a str, u32, foldhash::fast::FixedState>,
    /// By place, the folded form's rank among the distinct folded forms in their
    /// string order: equal forms, equal ranks.
    rank: Vec<u32>,
}

impl<'a> Folds<'a> {
    fn new(count: usize, spellings: impl Iterator<Item = &'a str>) -> Folds<'a> {
        let mut all: Vec<&'a str> = Vec::with_capacity(count);
        all.extend(spellings);
        let mut spellings = all;
        spellings.par_sort_unstable();
        spellings.dedup();
        spellings.shrink_to_fit();
        let folded: Vec<Box<str>> = spellings
            .par_iter()
            .map(|w| translit_fold(w).into_boxed_str())
            .collect();
        // The spellings (sorted, distinct) in the order of their folded forms, then
        // their own.
        let mut order: Vec<u32> = (0..folded.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| {
            folded[a as usize]
                .cmp(&folded[b as usize])
                .then(a.cmp(&b))
        });
        let mut rank = vec![0u32; folded.len()];
        let mut r = 0u32;
        for k in 0..order.len() {
            if k > 0 && folded[order[k - 1] as usize] != folded[order[k] as usize] {
                r += 1;
            }
            rank[k] = r;
        }
        drop(folded);
        let place = order
            .iter()
            .enumerate()
            .map(|(k, &i)| (spellings[i as usize], k as u32))
            .collect();
        Folds { place, rank }
    }

    /// A spelling of [`Folds::new`]'s (`None` for any other) as its place: ordered as
    /// (folded form, spelling) are.
    fn key(&self, word: &str) -> Option<u32> {
        self.place.get(word).copied()
    }
}

/// Whether two sets of neighbouring words share a name: a capitalized word, the same
/// or, when the shorter has four letters or more, up to an ending ("Environment" and
/// "Environmental"; an ending of one letter only a plural's "s", "Bank" and "Banks":
/// "Andre" and "Andrew", "Carl" and "Carla" are two first names). A lower-case
/// neighbour is no name ("and Harvey PLC" says nothing of "Andre Harvie"), nor is a
/// short prefix one ("St" of "Stanley").
fn shares_neighbour<'x>(
    a: impl IntoIterator<Item = &'x str>,
    b: impl IntoIterator<Item = &'x str>,
) -> bool {
    let names = |s: &mut dyn Iterator<Item = &'x str>| -> Vec<String> {
        s.filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(|w| w.to_lowercase())
            .collect()
    };
    let (a, b) = (names(&mut a.into_iter()), names(&mut b.into_iter()));
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            short == long
                || short.chars().count() >= 4
                    && long.starts_with(short.as_str())
                    && (long.len() - short.len() >= 2 || long.ends_with('s'))
        })
    })
}

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let p = &rule.params;
    let min_len = p.int("min-length") as usize;
    let max_edits = p.int("max-edits") as usize;
    let max_articles = p.int("max-variant-articles") as usize;
    let canonical: BTreeSet<&str> = p
        .strings("canonical")
        .iter()
        .flat_map(|n| n.split_whitespace())
        .collect();
    let exceptions: Vec<BTreeSet<String>> = p
        .groups("exceptions")
        .iter()
        .map(|g| g.iter().map(|s| s.to_lowercase()).collect())
        .collect();
    let excepted = |a: &str, b: &str| {
        let (a, b) = (a.to_lowercase(), b.to_lowercase());
        exceptions.iter().any(|g| g.contains(&a) && g.contains(&b))
    };
    // Within a story, a name respelled beside the same name is compared from
    // `min-length-beside` letters ("Tara Reid" / "Tara Reyd"); elsewhere from
    // `min-length`.
    let beside_len = p.int("min-length-beside") as usize;
    let short_len = min_len.min(beside_len);
    // Map: the name-like words of each article.
    let articles = &cx.corpus.articles[..];
    let text = move |article: usize| &*articles[article].text;
    let per_article: Vec<Names> = articles
        .par_iter()
        .map(|a| names(&a.text, a.body, short_len))
        .collect();
    // Each distinct spelling folded once for the corpus, not once per article.
    let folds = Folds::new(
        per_article.iter().map(Names::len).sum(),
        per_article
            .iter()
            .enumerate()
            .flat_map(|(article, words)| words.iter(text(article)).map(|(word, _)| word)),
    );
    // Group by folded spelling: sorted (in parallel) by folded form, spelling and
    // article, as numbers (a use is its spelling's place in the order of (folded
    // form, spelling), its article and its place in the article's list: 12 bytes),
    // then cut where the form changes. Sized before it is filled (collected, it
    // would grow by doubling), and filled in parallel, each article its own slots
    // (on one thread, the second thread waited 2-3% of `check`'s wall time at 16x
    // Reuters): a word without a folded form leaves its slot `UNUSED`, which sorts
    // last and is cut off.
    const UNUSED: (u32, u32, u32) = (u32::MAX, u32::MAX, u32::MAX);
    let mut all: Vec<(u32, u32, u32)> = vec![UNUSED; per_article.iter().map(Names::len).sum()];
    {
        let mut slots: Vec<&mut [(u32, u32, u32)]> = Vec::with_capacity(per_article.len());
        let mut rest = all.as_mut_slice();
        for words in &per_article {
            let (head, tail) = std::mem::take(&mut rest).split_at_mut(words.len());
            slots.push(head);
            rest = tail;
        }
        slots
            .into_par_iter()
            .zip(per_article.par_iter())
            .enumerate()
            .with_min_len(64)
            .for_each(|(article, (slots, words))| {
                for (at, (slot, (word, _))) in slots.iter_mut().zip(words.iter(text(article))).enumerate() {
                    if let Some(place) = folds.key(word) {
                        debug_assert!(place != u32::MAX);
                        *slot = (place, article as u32, at as u32);
                    }
                }
            });
    }
    // The folded forms' ranks by place, the spellings' places dropped.
    let rank = folds.rank;
    all.par_sort_unstable();
    all.truncate(all.partition_point(|u| *u != UNUSED));
    // A use's spelling, article and uses.
    let use_of = |&(_, article, at): &(u32, u32, u32)| {
        let (word, uses) = per_article[article as usize].get(text(article as usize), at as usize);
        (word, article as usize, uses)
    };
    // Each folded form's spellings gathered in parallel (on one thread, 2% of
    // `check`'s CPU time at 16x Reuters), kept in the order of the forms.
    let chunks: Vec<&[(u32, u32, u32)]> = all
        .chunk_by(|a, b| rank[a.0 as usize] == rank[b.0 as usize])
        .collect();
    let groups: Vec<Spellings<'_>> = chunks
        .par_iter()
        .filter_map(|chunk| {
            let mut spellings: Spellings<'_> = BTreeMap::new();
            for (word, article, uses) in chunk.iter().map(use_of) {
                if word.chars().count() >= min_len {
                    spellings.entry(word).or_default().push((article, uses));
                }
            }
            (spellings.len() >= 2).then_some(spellings)
        })
        .collect();
    let wide_stories = p.int("corpus-wide-stories") as usize;
    // Words the corpus writes in lower case ("copper", "aluminium"): a capitalized
    // one is an ordinary word at a sentence's start or in a name, not a spelling of
    // another name ("Cooper" / "Copper").
    // Folded into one set per worker, not one per article held at once; a hash set
    // (only looked up, never listed), since every lower-case word of the corpus is
    // inserted into it.
    let lower_words: WordSet<'_> = cx
        .corpus
        .articles
        .par_iter()
        .fold(WordSet::default, |mut set, a| {
            set.extend(
                a.text[a.body.range()]
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| {
                        w.chars().count() >= short_len && w.chars().all(char::is_lowercase)
                    }),
            );
            set
        })
        .reduce(WordSet::default, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        });
    let ordinary = |w: &str| lower_words.contains(w.to_lowercase().as_str());
    let total = |uses: &[(usize, &Uses)]| {
        uses.iter()
            .map(|(_, u)| u.count() as usize)
            .sum::<usize>()
    };
    // The findings of one spelling against the majority one: one per article that
    // uses it.
    let emit = |word: &str,
                uses: &[(usize, &Uses)],
                major: &str,
                major_uses: &[(usize, &Uses)]|
     -> Vec<Finding> {
        let mut out = Vec::new();
        for (article, use_) in uses {
            let mut locations = vec![cx.loc(*article, use_.first)];
            locations.extend(
                major_uses
                    .iter()
                    .filter(|(a, _)| a != article)
                    .take(10)
                    .map(|(a, u)| cx.loc(*a, u.first)),
            );
            // Spelled two ways in this article only: the other spelling is shown
            // here ("Catherine Hale said ... Katherine Hale told").
            if locations.len() == 1
                && let Some((a, u)) = major_uses.iter().find(|(a, _)| a == article)
            {
                locations.push(cx.loc(*a, u.first));
            }
            // With no majority neither spelling is the odd one out: the name is
            // spelled two ways. A majority is of articles, the outlets' choices:
            // one article writing "Kimotho" three times against another writing
            // "Kamotho" once is one spelling against one. Within the same articles,
            // the uses decide ("Lyons" five times, "Lyonns" once).
            let same_articles = uses.iter().map(|(a, _)| a).eq(major_uses.iter().map(|(a, _)| a));
            let tie = !canonical.contains(major)
                && uses.len() == major_uses.len()
                && (!same_articles || total(uses) == total(major_uses));
            let elsewhere = if tie {
                let other = major_uses.iter().find(|(a, _)| a != article).map_or_else(
                    || "in this article".to_owned(),
                    |(a, _)| format!("in {}", cx.article(*a).reference()),
                );
                format!("{other}: one name spelled two ways, neither more common")
            } else {
                let (times, articles) = (total(major_uses), major_uses.len());
                format!(
                    "elsewhere ({times} {} in {articles} {})",
                    if times == 1 { "time" } else { "times" },
                    if articles == 1 { "article" } else { "articles" }
                )
            };
            let values = [
                ("variant", word.to_owned()),
                ("majority", major.to_owned()),
                ("count", use_.count().to_string()),
                ("majority_count", total(major_uses).to_string()),
                ("majority_articles", major_uses.len().to_string()),
                ("elsewhere", elsewhere),
            ];
            // The story, when the variant's article and the first majority one
            // are of one.
            let other = major_uses
                .iter()
                .map(|(a, _)| *a)
                .find(|a| a != article)
                .unwrap_or(*article);
            out.push(
                cx.with_story(finding(rule, &values, locations), *article, other)
                    .with_details(NameVariantDetails {
                        variant: word.to_owned(),
                        majority: major.to_owned(),
                        folded: translit_fold(word),
                        variant_count: use_.count() as u64,
                        majority_count: total(major_uses) as u64,
                        canonical: canonical.contains(major),
                    }),
            );
        }
        out
    };
    // Whether a spelling is not a variant of the majority one whatever else is known:
    // a name against an ordinary word is two words; a name written without its
    // diacritics, as wire copy writes names ("Subasic" / "Subašić", "Erdogan" /
    // "Erdoğan"), is the same spelling; and a spelling used in
    // `max-variant-articles` articles or more is a name of its own ("Philips" and
    // "Phillips"), not a slip, unless a canonical spelling says otherwise.
    // The majority spelling written as an ordinary word ("brown") is still a name
    // where, within one story, the two spellings stand beside the same name ("Larry
    // Brown", "Larry Brrown": `beside` says so), the variant is respelled inside (the
    // same first and last letters; "West Germany" / "West Germans" is another form)
    // and used in prose, not only in a title-case headline ("Child Molestor"). The
    // variant written as an ordinary word ("Copper") never is.
    let own_name = |word: &str, uses: &[(usize, &Uses)], major: &str, beside: bool| {
        let ends = |w: &str| {
            let mut c = w.chars().flat_map(char::to_lowercase);
            (c.next(), c.last())
        };
        let typo = beside && ends(word) == ends(major) && uses.iter().any(|(_, u)| u.in_prose());
        !canonical.contains(major)
            && (ordinary(word)
                || ordinary(major) && !typo
                || uses.len() >= max_articles
                || unmarked(word) == unmarked(major))
    };
    let beside_same = |uses: &[(usize, &Uses)], major_uses: &[(usize, &Uses)]| {
        let neighbours = |article: usize, u: &Uses| per_article[article].neighbours(text(article), u);
        uses.iter().any(|&(a, u)| {
            major_uses
                .iter()
                .any(|&(b, m)| shares_neighbour(neighbours(a, u), neighbours(b, m)))
        })
    };
    // One group of spellings that fold alike: the minority spellings against the
    // majority.
    // Each finding with its variant and majority spellings.
    let report = |spellings: &Spellings<'_>, in_story: bool| -> Vec<(String, String, Finding)> {
        let Some((major, major_uses)) = majority(spellings, &canonical) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (word, uses) in spellings {
            if *word == major
                || word.to_lowercase() == major.to_lowercase()
                || excepted(word, major)
                || edit_distance(&word.to_lowercase(), &major.to_lowercase()) > max_edits
            {
                continue;
            }
            let shared = beside_same(uses, &major_uses);
            if own_name(word, uses, major, in_story && shared) {
                continue;
            }
            // Two first names of two people's full names ("Catherine Moore",
            // "Katherine Boyle"), or two surnames ("Anna Reiss", "Boris Reis"), are
            // two people, even within one story.
            if !canonical.contains(major) && !shared && two_people(cx, word, uses, major, &major_uses) {
                continue;
            }
            // Two spellings are one name only beside the same name ("Kasim-Jomart
            // Tokayev", "Kassym-Jomart Tokayev"); "Dennis Patrick" and "Denis
            // Sassou-Nguesso" are two people. A canonical spelling needs no context,
            // nor do two spellings within one story (the articles that report one
            // event): there they name one person however each outlet introduces
            // him ("Michelle Lyonns said" / "Lyons warned").
            if !canonical.contains(major) && !in_story && !shared {
                continue;
            }
            out.extend(
                emit(word, uses, major, &major_uses)
                    .into_iter()
                    .map(|f| ((*word).to_owned(), major.to_owned(), f)),
            );
        }
        out
    };
    let mut findings: Vec<Finding> = groups
        .par_iter()
        .flat_map_iter(|spellings| {
            // Compared across the corpus: with `across = "corpus"`, or a name whose
            // majority spelling is in many stories; else within each story.
            let most = spellings
                .values()
                .max_by_key(|uses| (total(uses), uses.len()))
                .map(|uses| {
                    uses.iter()
                        .map(|(a, _)| cx.scope_of(rule, *a))
                        .collect::<BTreeSet<_>>()
                        .len()
                })
                .unwrap_or(0);
            // A scope below the stories' count is a story; above, an article alone
            // (`Cx::scope_of`).
            let stories = cx.stories.stories.len();
            if Cx::across_corpus(rule) {
                report(spellings, false)
                    .into_iter()
                    .map(|(_, _, f)| f)
                    .collect::<Vec<_>>()
            } else if most >= wide_stories {
                // Across the corpus; and within each story, a spelling the corpus
                // comparison left alone against the story's own majority: a group
                // may join two names ("Lions" of many stories, "Lyons" of one), and
                // the story's "Lyonns" is its "Lyons" respelled. A pair the corpus
                // comparison reported is not reported again the other way round
                // ("Willam" against the corpus's "William"; in their story, one use
                // of each, "William" against "Willam").
                let wide = report(spellings, false);
                let done: BTreeSet<(String, String)> =
                    wide.iter().map(|(w, m, _)| (w.clone(), m.clone())).collect();
                let mut out: Vec<Finding> = wide.into_iter().map(|(_, _, f)| f).collect();
                for (scope, s) in by_story(cx, rule, spellings) {
                    if scope < stories && s.len() >= 2 {
                        out.extend(
                            report(&s, true)
                                .into_iter()
                                .filter(|(w, m, _)| {
                                    !done.iter().any(|(dw, dm)| dw == w || (dw == m && dm == w))
                                })
                                .map(|(_, _, f)| f),
                        );
                    }
                }
                out
            } else {
                by_story(cx, rule, spellings)
                    .iter()
                    .filter(|(_, s)| s.len() >= 2)
                    .flat_map(|(scope, s)| report(s, *scope < stories))
                    .map(|(_, _, f)| f)
                    .collect()
            }
        })
        .collect();
    // Within a story, one person's surname (or first name) respelled by a letter
    // that folding does not undo ("Hansbrough" / "Hansbraugh"): two spellings beside
    // the same name ("Tyler Hansbrough", "Tyler Hansbraugh") one inner letter apart.
    // Grouped by story and neighbouring name, never all pairs: each scope's
    // (neighbour, spelling) list made, cut into blocks and dropped in turn, the scopes
    // in parallel (issue 14: the corpus's list at once was 40 bytes per neighbour of
    // every use).
    let order = cx.by_scope(rule);
    let scopes: Vec<&[(usize, usize)]> = order.chunk_by(|a, b| a.0 == b.0).collect();
    let pairs: BTreeSet<(usize, &str, &str)> = scopes
        .par_iter()
        .flat_map_iter(|articles| {
            let scope = articles[0].0;
            let mut beside: Vec<(&str, &str)> = articles
                .iter()
                .flat_map(|&(_, article)| {
                    let names = &per_article[article];
                    names.iter(text(article)).flat_map(move |(word, uses)| {
                        names.neighbours(text(article), uses).map(move |n| (n, word))
                    })
                })
                .collect();
            beside.sort_unstable();
            beside.dedup();
            let mut pairs = Vec::new();
            for block in beside.chunk_by(|a, b| a.0 == b.0) {
                // A name beside many others ("President", "New") is a title or a
                // place, not one person's other name.
                if block.len() > MAX_BESIDE {
                    continue;
                }
                for (n, x) in block.iter().enumerate() {
                    for y in &block[n + 1..] {
                        // Spellings that fold alike were compared above, when long
                        // enough.
                        let compared = x.1.chars().count() >= min_len
                            && y.1.chars().count() >= min_len
                            && translit_fold(x.1) == translit_fold(y.1);
                        let long_enough = x.1.chars().count() >= beside_len
                            && y.1.chars().count() >= beside_len;
                        if one_inner_edit(x.1, y.1) && !compared && long_enough {
                            pairs.push((scope, x.1, y.1));
                        }
                    }
                }
            }
            pairs
        })
        .collect();
    drop(order);
    if !pairs.is_empty() {
        let wanted: BTreeSet<(usize, &str)> =
            pairs.iter().flat_map(|&(s, x, y)| [(s, x), (s, y)]).collect();
        let mut uses_in: BTreeMap<(usize, &str), Vec<(usize, &Uses)>> = BTreeMap::new();
        // The wanted uses picked out of every name use of the corpus in parallel (on
        // one thread, the second thread waited through it at 16x Reuters), in the
        // order of `all`.
        type Found<'f> = ((usize, &'f str), (usize, &'f Uses));
        let found: Vec<Found<'_>> = all
            .par_iter()
            .with_min_len(4096)
            .filter_map(|u| {
                let (word, article, uses) = use_of(u);
                let key = (cx.scope_of(rule, article), word);
                wanted.contains(&key).then_some((key, (article, uses)))
            })
            .collect();
        for (key, use_) in found {
            uses_in.entry(key).or_default().push(use_);
        }
        for (scope, x, y) in pairs {
            let mut spellings: Spellings<'_> = BTreeMap::new();
            spellings.insert(x, uses_in[&(scope, x)].clone());
            spellings.insert(y, uses_in[&(scope, y)].clone());
            let Some((major, major_uses)) = majority(&spellings, &canonical) else {
                continue;
            };
            let (word, uses) = if major == x {
                (y, &spellings[y])
            } else {
                (x, &spellings[x])
            };
            // Beside the same name in one story, by how the pairs were found.
            if excepted(word, major) || own_name(word, uses, major, true) {
                continue;
            }
            findings.extend(emit(word, uses, major, &major_uses));
        }
    }
    // Across stories: a person's surname respelled by one inner letter beside the
    // same first name ("Hector Ruiz" / "Hector Ruyz"), in articles the story stage
    // left apart, where the two articles share other rare names (AMD's bid for ATI:
    // "Markham", "Nvidia"): the same person in related reports, whatever the stories.
    let candidates = if Cx::across_corpus(rule) {
        Vec::new()
    } else {
        respelled_full_names(cx, beside_len)
    };
    if !candidates.is_empty() {
        // How many articles give each spelling, and the uses of the spellings
        // compared (`all` holds each spelling's uses together, one per article;
        // each spelling lowered once).
        let wanted: BTreeSet<&str> = candidates
            .iter()
            .flat_map(|(_, x, y, _)| [*x, *y])
            .collect();
        let mut df: std::collections::HashMap<&str, usize, foldhash::fast::FixedState> =
            std::collections::HashMap::default();
        let mut uses_of: BTreeMap<String, Vec<(usize, &Uses)>> = BTreeMap::new();
        // Each spelling's run lowered in parallel (on one thread, a serial pass over
        // every name use of the corpus), then counted in order.
        type Run<'r> = (&'r str, Option<String>, &'r [(u32, u32, u32)]);
        let runs: Vec<Run<'_>> = all
            .par_chunk_by(|a, b| a.0 == b.0)
            .map(|run| {
                let word = use_of(&run[0]).0;
                let lower = word.to_lowercase();
                (word, wanted.contains(lower.as_str()).then_some(lower), run)
            })
            .collect();
        for (word, lower, run) in runs {
            df.insert(word, run.len());
            if let Some(lower) = lower {
                uses_of
                    .entry(lower)
                    .or_default()
                    .extend(run.iter().map(|u| {
                        let (_, article, uses) = use_of(u);
                        (article, uses)
                    }));
            }
        }
        let rare = rare_share(cx.corpus.articles.len());
        // A spelling already reported in an article (by the comparisons above, or
        // beside another first name) is reported once.
        let key = |f: &Finding| {
            f.locations
                .first()
                .map(|l| (l.path.clone(), l.line, l.byte_start))
        };
        let mut done: BTreeSet<_> = findings.iter().filter_map(key).collect();
        // A use shown above as the spelling another one is held against (a related
        // location) is not then reported as the variant: the pair counted again
        // among the articles that write one first word ("Superintendent of Police
        // Sakshi Verma" / "... Sakshi Varma", one each, while a third outlet's
        // "Sakshi Verma" made Verma the story's majority) would turn it around.
        let shown: BTreeSet<_> = findings
            .iter()
            .flat_map(|f| f.locations.iter().skip(1))
            .map(|l| (l.path.clone(), l.line, l.byte_start))
            .collect();
        let mut more: Vec<Finding> = Vec::new();
        for (first, x, y, articles) in &candidates {
            // Each spelling as written, in the articles whose name claims give it
            // beside `first`.
            let side = |lower: &str| -> Vec<(usize, &Uses)> {
                uses_of
                    .get(lower)
                    .into_iter()
                    .flatten()
                    .filter(|(a, _)| articles.binary_search(&(*a, lower)).is_ok())
                    .copied()
                    .collect()
            };
            // Each side as the first article spells it (another capitalization,
            // "McDonald" / "Mcdonald", is left out).
            let mut sides = Vec::with_capacity(2);
            for lower in [*x, *y] {
                let uses = side(lower);
                let Some(&(a, u)) = uses.first() else {
                    break;
                };
                let word = &cx.article(a).text[u.first.range()];
                let uses: Vec<(usize, &Uses)> = uses
                    .into_iter()
                    .filter(|(b, v)| &cx.article(*b).text[v.first.range()] == word)
                    .collect();
                sides.push((word, uses));
            }
            let Ok([(wx, sx), (wy, sy)]) = <[_; 2]>::try_from(sides) else {
                continue;
            };
            let mut spellings: Spellings<'_> = BTreeMap::new();
            spellings.insert(wx, sx);
            spellings.insert(wy, sy);
            let Some((major, major_uses)) = majority(&spellings, &canonical) else {
                continue;
            };
            let (word, uses) = if major == wx { (wy, &spellings[wy]) } else { (wx, &spellings[wx]) };
            let lower = word.to_lowercase();
            // Used in `max-variant-articles` articles or more anywhere, the spelling
            // is a name of its own; written as an ordinary word, a word.
            let everywhere = &uses_of[lower.as_str()];
            if excepted(word, major) || own_name(word, everywhere, major, true) {
                continue;
            }
            let own = [*first, *x, *y];
            for &(article, use_) in uses {
                let related: Vec<(usize, &Uses)> = major_uses
                    .iter()
                    .filter(|(b, _)| {
                        *b != article
                            && shared_rare(
                                per_article[article].iter(text(article)),
                                per_article[*b].iter(text(*b)),
                                &own,
                                |w| df.get(w).is_some_and(|n| *n <= rare) && !ordinary(w),
                            ) >= MIN_SHARED_RARE
                    })
                    .copied()
                    .collect();
                if related.is_empty() {
                    continue;
                }
                more.extend(emit(word, &[(article, use_)], major, &related));
            }
        }
        more.retain(|f| key(f).is_none_or(|k| !shown.contains(&k) && done.insert(k)));
        findings.extend(more);
    }
    findings
}

/// Other names two articles must share, each rare, for a surname respelled beside the
/// same first name to be one person's across stories.
const MIN_SHARED_RARE: usize = 2;

/// The most articles a name may be in and still be rare evidence that two articles
/// are related: as the story stage counts a key rare enough to block on by default
/// (`block-max-share` of the corpus, at least `block-min-df` articles, at most
/// `block-max-df`).
fn rare_share(articles: usize) -> usize {
    let c = factdiff_stories::StoryConfig::default();
    (c.block_max_share * articles as f64)
        .max(c.block_min_df as f64)
        .min(c.block_max_df.max(c.block_min_df) as f64) as usize
}

/// How many names two articles' name-like words (each sorted) share that `rare`
/// accepts, `own` (the compared name, lower case) left out.
fn shared_rare<'x>(
    a: impl Iterator<Item = (&'x str, &'x Uses)>,
    b: impl Iterator<Item = (&'x str, &'x Uses)>,
    own: &[&str],
    rare: impl Fn(&str) -> bool,
) -> usize {
    let (mut a, mut b) = (a.map(|(w, _)| w).peekable(), b.map(|(w, _)| w).peekable());
    let mut n = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                let w = *x;
                if rare(w) && !own.iter().any(|o| w.to_lowercase() == *o) {
                    n += 1;
                }
                a.next();
                b.next();
            }
        }
    }
    n
}

/// The words beside `word` in the names of two words or more (name claims, titles
/// left out) that it begins, then that it ends, in `uses`' articles, folded:
/// "Catherine Moore" gives `moore` to `Catherine`, `catherine` to `Moore`.
fn partners(cx: &Cx<'_>, word: &str, uses: &[(usize, &Uses)]) -> [BTreeSet<String>; 2] {
    let word = word.to_lowercase();
    let mut out = [BTreeSet::new(), BTreeSet::new()];
    for (article, _) in uses {
        for name in cx.claims[*article].names() {
            let words: Vec<&str> = name.normalized.split(' ').collect();
            if let [first, next, ..] = words.as_slice()
                && *first == word
            {
                out[0].insert(translit_fold(next));
            }
            if let [.., before, last] = words.as_slice()
                && *last == word
            {
                out[1].insert(translit_fold(before));
            }
        }
    }
    out
}

/// Whether two spellings name two people: both begin full names whose next words all
/// differ ("Catherine Moore", "Katherine Boyle"), or both end full names whose
/// words before them all differ. A spelling never written in a full name says
/// nothing ("Michelle Lyonns" / "Lyons").
fn two_people(
    cx: &Cx<'_>,
    word: &str,
    uses: &[(usize, &Uses)],
    major: &str,
    major_uses: &[(usize, &Uses)],
) -> bool {
    let (a, b) = (partners(cx, word, uses), partners(cx, major, major_uses));
    a.iter()
        .zip(&b)
        .any(|(x, y)| !x.is_empty() && !y.is_empty() && x.is_disjoint(y))
}

/// A candidate of the comparison across stories: a first name, two surnames one
/// inner letter apart with the same first and last letters (lower case), and the
/// `(article, surname)` pairs whose name claims give them beside it, sorted.
type Respelled<'a> = (&'a str, &'a str, &'a str, Vec<(usize, &'a str)>);

/// The people's names of two words or more, as the claims read them (titles left
/// out: "President Kurbanguly Berdymukhamedov" is `kurbanguly berdymukhamedov`),
/// whose surnames, beside one first name, are spelled two ways one inner letter
/// apart, the same first and last letters, from `min_len` letters ("hector ruiz" /
/// "hector ruyz"). Grouped by first name, never all pairs.
fn respelled_full_names<'a>(cx: &Cx<'a>, min_len: usize) -> Vec<Respelled<'a>> {
    let mut full: Vec<(&'a str, &'a str, usize)> = cx
        .claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            claims.names().iter().filter_map(move |c| {
                let (first, _) = c.normalized.split_once(' ')?;
                let (_, last) = c.normalized.rsplit_once(' ')?;
                Some((first, last, article))
            })
        })
        .collect();
    full.par_sort_unstable();
    full.dedup();
    let ends = |w: &str| (w.chars().next(), w.chars().last());
    let mut out = Vec::new();
    for group in full.chunk_by(|a, b| a.0 == b.0) {
        // The distinct surnames beside this first name, sorted: those of one first
        // letter are together.
        let mut lasts: Vec<&str> = group.iter().map(|g| g.1).collect();
        lasts.dedup();
        for (n, x) in lasts.iter().enumerate() {
            for y in &lasts[n + 1..] {
                if y.chars().next() != x.chars().next() {
                    break;
                }
                if x.chars().count() >= min_len
                    && y.chars().count() >= min_len
                    && ends(x) == ends(y)
                    && one_inner_edit(x, y)
                {
                    let mut articles: Vec<(usize, &str)> = group
                        .iter()
                        .filter(|g| g.1 == *x || g.1 == *y)
                        .map(|g| (g.2, g.1))
                        .collect();
                    articles.sort_unstable();
                    out.push((group[0].0, *x, *y, articles));
                }
            }
        }
    }
    out
}

/// The majority of spellings: a canonical one, else the most used, then in most
/// articles, then the first in alphabetical order.
fn majority<'a>(
    spellings: &Spellings<'a>,
    canonical: &BTreeSet<&str>,
) -> Option<(&'a str, Vec<(usize, &'a Uses)>)> {
    let total = |uses: &[(usize, &Uses)]| {
        uses.iter()
            .map(|(_, u)| u.count() as usize)
            .sum::<usize>()
    };
    spellings
        .iter()
        .max_by(|(wa, ua), (wb, ub)| {
            (canonical.contains(*wa), total(ua), ua.len())
                .cmp(&(canonical.contains(*wb), total(ub), ub.len()))
                .then_with(|| wb.cmp(wa))
        })
        .map(|(w, u)| (*w, u.clone()))
}

/// How many names may stand beside one name for it to be one person's other name.
const MAX_BESIDE: usize = 16;

/// The spellings of a group, by story.
fn by_story<'a>(
    cx: &Cx<'_>,
    rule: &Rule,
    spellings: &Spellings<'a>,
) -> BTreeMap<usize, Spellings<'a>> {
    let mut out: BTreeMap<usize, Spellings<'a>> = BTreeMap::new();
    for (word, uses) in spellings {
        for &(article, use_) in uses {
            out.entry(cx.scope_of(rule, article))
                .or_default()
                .entry(*word)
                .or_default()
                .push((article, use_));
        }
    }
    out
}

/// Whether two names differ by one letter inside them: substituted anywhere but the
/// first letter, or added or dropped neither first nor last ("Hansbrough" /
/// "Hansbraugh", "Reid" / "Reed"). A changed initial is another name ("Dolan" /
/// "Nolan"), and a letter added at the end, or a last vowel changed, another form of
/// it ("Nazarbayev" / "Nazarbayeva", "Williams" / "William", "Italiana" / "Italiane"),
/// unless that letter is one that is not heard ([`silent_ending`]: "Whitcomb" /
/// "Whitcombe", "Kipchumba" / "Kipchumbah").
pub(super) fn one_inner_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if short.is_empty() || short[0] != long[0] {
        return false;
    }
    // A changed last vowel is an inflection ("Italiana" / "Italiane").
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    match long.len() - short.len() {
        0 => {
            let changed: Vec<usize> = (1..a.len()).filter(|&i| a[i] != b[i]).collect();
            changed.len() == 1
                && !(changed[0] + 1 == a.len() && vowel(a[changed[0]]) && vowel(b[changed[0]]))
        }
        1 => {
            (1..long.len() - 1).any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..])
                || long[..short.len()] == short[..] && silent_ending(short, long[short.len()])
        }
        _ => false,
    }
}

/// Whether `letter` added at the end of `short` is a letter that is not heard, so one
/// name respelled rather than another form of it: an "e" after two consonants
/// ("Whitcomb" / "Whitcombe", "Clark" / "Clarke", "Lock" / "Locke"; after a vowel and
/// one consonant it is a form, "Denis" / "Denise", "Jan" / "Jane", "Simon" /
/// "Simone"), or an "h" after a vowel ("Kipchumba" / "Kipchumbah", "Sara" /
/// "Sarah"). No inflection of a name adds either (a case ending adds "a", "u", "em";
/// a feminine "a", "e" after one consonant).
fn silent_ending(short: &[char], letter: char) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let consonant = |c: char| c.is_alphabetic() && !vowel(c);
    match (letter, short) {
        ('e', [.., a, b]) => consonant(*a) && consonant(*b),
        ('h', [.., a]) => vowel(*a),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Span, one_inner_edit, names, rare_share, shared_rare, shares_neighbour, title_case_blocks};

    #[test]
    fn a_use_is_20_bytes() {
        // Every name-like word of every article is one, held until the rule is done
        // (issue 14).
        assert_eq!(std::mem::size_of::<super::Uses>(), 20);
    }

    #[test]
    fn spellings_and_neighbours_are_read_back_from_the_text() {
        let text = "Headline\n\nPresident Kassym-Jomart Tokayev's office said Tokayev and \
                    Tokayev's aides met Nursultan Nazarbayev.";
        let body = Span::new(10, text.len());
        let n = names(text, body, 5);
        let read: Vec<(&str, u32, Vec<&str>)> = n
            .iter(text)
            .map(|(w, u)| (w, u.count(), n.neighbours(text, u).collect()))
            .collect();
        assert_eq!(
            read,
            [
                ("Kassym-Jomart", 1, vec!["President", "Tokayev"]),
                ("Nazarbayev", 1, vec!["Nursultan"]),
                ("Nursultan", 1, vec!["Nazarbayev"]),
                ("President", 1, vec!["Kassym-Jomart"]),
                ("Tokayev", 3, vec!["Kassym-Jomart"]),
            ]
        );
        assert!(n.iter(text).all(|(_, u)| u.in_prose()));
    }

    #[test]
    fn one_letter_inside_or_a_silent_one_at_the_end_is_a_respelling() {
        for (a, b) in [
            ("Hansbrough", "Hansbraugh"),
            ("Reid", "Reyd"),
            ("Lyons", "Lyonns"),
            ("Whitcomb", "Whitcombe"),
            ("Clarke", "Clark"),
            ("Kipchumba", "Kipchumbah"),
            ("Sara", "Sarah"),
        ] {
            assert!(one_inner_edit(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Nolan", "Dolan"),
            ("Kovac", "Kovaca"),
            ("Nazarbayev", "Nazarbayeva"),
            ("William", "Williams"),
            ("Italiana", "Italiane"),
            ("Denis", "Denise"),
            ("Simon", "Simone"),
            ("Jan", "Jane"),
            ("Natarajan", "Nataraj"),
        ] {
            assert!(!one_inner_edit(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_shared_neighbour_is_a_name() {
        // "Andre Harvie" against "Fothergill and Harvey PLC": "and" is no name.
        assert!(!shares_neighbour(["Andre"], ["and", "PLC"]));
        assert!(!shares_neighbour(["Stanley"], ["St"]));
        assert!(shares_neighbour(["St"], ["St", "Paul"]));
        assert!(shares_neighbour(["Environmental"], ["Environment"]));
        assert!(shares_neighbour(["Bank"], ["Banks"]));
        assert!(!shares_neighbour(["Andre"], ["Andrew"]));
        assert!(!shares_neighbour(["Carl"], ["Carla"]));
        assert!(shares_neighbour(["Tokayev"], ["President", "Tokayev"]));
    }

    #[test]
    fn two_articles_share_the_other_names_that_are_rare() {
        let a = "Finance Minister Beshir Omer told parliament in Khartoum that Sudan would pay.";
        let b = "Beshir Omar said in Khartoum that Sudan and Egypt would talk.";
        let (na, nb) = (names(a, Span::new(0, a.len()), 4), names(b, Span::new(0, b.len()), 4));
        let own = ["beshir", "omar", "omer"];
        // Khartoum and Sudan; the compared name itself is no evidence.
        assert_eq!(shared_rare(na.iter(a), nb.iter(b), &own, |_| true), 2);
        assert_eq!(shared_rare(na.iter(a), nb.iter(b), &own, |w| w != "Sudan"), 1);
        // Rare as the story stage's blocking keys: 60 articles, 0.5% of a larger
        // corpus, never more than 200.
        assert_eq!(rare_share(496), 60);
        assert_eq!(rare_share(19_043), 95);
        assert_eq!(rare_share(300_000), 200);
    }

    #[test]
    fn a_headline_is_a_title_case_block_and_a_wrapped_line_of_prose_is_not() {
        let text = "Convicted Child Molestor Escapes Guards\n\n\
                    Earlier, Venezuelan Energy and Mines Minister Aturo\n\
                    said the talks would go on.\n\n\
                    The Next Steps For Texas Prisons";
        let blocks: Vec<&str> = title_case_blocks(text)
            .into_iter()
            .map(|(from, to)| text[from..to].trim())
            .collect();
        assert_eq!(
            blocks,
            [
                "Convicted Child Molestor Escapes Guards",
                "The Next Steps For Texas Prisons"
            ]
        );
    }
}
