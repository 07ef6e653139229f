//! # acronym-undefined
//!
//! ## What it does
//! Reports an acronym used in an article that never defines it ("the Trans-Caspian
//! International Transport Route (TITR)" defines TITR) and that is not in the
//! known-acronyms lexicon (`rules/lexicons/acronyms.toml`: UN, EU, CIS, OSCE, CSTO,
//! EAEU, GDP, IT ...) or in the rule's `known` list. Each acronym is reported once
//! per article, at its first use.
//!
//! Only tokens that read as acronyms are candidates. Not reported: a token with a
//! digit or in a model number (A300, M3, DC-10, PC/AT, 767-300ER), a roman numeral, a
//! token in a table row (columns set apart by runs of spaces) (II, IV), a token on a line with
//! no lower-case letter (all-caps headlines, tables, the wire sign-off), a name the
//! article gives as a ticker in angle brackets (`<IBM>` defines IBM), and an ordinary
//! word written in caps (NOTE, YEAR: the article also uses it in lower case). A
//! definition in apposition counts ("the International Coffee Organization, ICO,"),
//! and so does one in parentheses right after it ("PRV (pseudorabies virus)"), the
//! words right before it whose initials spell it ("the Iraqi news agency INA"), and a
//! capitalized phrase anywhere in the article whose initials spell it ("U.S.
//! Geological Survey" ... "USGS"). Nor are these acronyms: caps that are part of a
//! name, a capitalized word following ("IC Industries", "CBS News"); a stock ticker
//! after its exchange ("NYSE: HPQ"); the caps that open a paragraph, before
//! punctuation or two words long (a dateline "WASHINGTON —", a label "EXCLUSIVE:",
//! a tabloid lede "AN AUSTRALIAN climber"); a headline (the title repeated as the
//! first paragraph).
//!
//! ## Why is this bad?
//! A reader who does not know the acronym cannot follow the story. This is a matter
//! of style, so its severity is below the contradictions.
//!
//! Off by default (`enabled = false` in the built-in rule file): read as an editor
//! would on real news (issue 13), its findings were right 12 times in 25 on
//! ecbplus-dev and 5 times in 20 on Reuters-21578 once its false-alarm causes were fixed (before: 6 in 20 there, 2 in
//! 65 across three corpora). What is left is mostly company names written in capitals
//! (AMD, ATI, TMZ) and the terms of a sports or technology section (IBF, TD, XML),
//! which no rule can tell from an undefined acronym without knowing the reader; a
//! style rule needs 0.8. Turn it on with a rule file of the same `id` and
//! `enabled = true` where the house style asks for every acronym to be spelled out.
//!
//! ## Example
//! Fires:
//! ```text
//! The TITR carried 4.5 million tons last year.
//! ```
//! Does not fire:
//! ```text
//! The Trans-Caspian International Transport Route (TITR) carried 4.5 million tons.
//! The UN and the EU welcomed the deal.
//! ```
//!
//! ## Options
//! - `known` (array of strings, default `[]`): acronyms a reader is expected to know,
//!   beyond the lexicon.
//! - `company-words` (array of strings, default `[]`): words that make the caps word
//!   before them a company's name ("USX Corp", "CIBC Ltd"), not reported.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "acronym-undefined",
    category: Category::Style,
    severity: Severity::Info,
    summary: "an acronym used but never defined and not commonly known",
    message: "`{acronym}` is used but never defined in this article",
    placeholders: &["acronym"],
    params: &[
        ParamSpec {
            name: "known",
            ty: ParamType::Strings,
            default: "[]",
            doc: "acronyms a reader is expected to know, beyond the lexicon",
        },
        ParamSpec {
            name: "company-words",
            ty: ParamType::Strings,
            default: "[]",
            doc: "words that make the caps word before them a company's name (Corp, Inc, Ltd)",
        },
    ],
    source: include_str!("acronym_undefined.rs"),
};

use std::collections::{BTreeMap, BTreeSet};

use factdiff_claims::ClaimValue;
use factdiff_findings::{AcronymDetails, Finding};
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let known: BTreeSet<&str> = rule
        .params
        .strings("known")
        .iter()
        .map(String::as_str)
        .collect();
    let company: BTreeSet<String> = rule
        .params
        .strings("company-words")
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            // Per acronym: whether the article defines it, and its first use.
            let mut seen: BTreeMap<&str, (bool, Option<&factdiff_claims::Claim>)> = BTreeMap::new();
            // The article's words, split once, and whether a capitalized phrase spells
            // each acronym, found once per acronym.
            let words: std::cell::OnceCell<Vec<&str>> = std::cell::OnceCell::new();
            let mut spelled: BTreeMap<&str, bool> = BTreeMap::new();
            for claim in claims.others() {
                let ClaimValue::Acronym {
                    short,
                    known: in_lexicon,
                } = &claim.value
                else {
                    continue;
                };
                if *in_lexicon || known.contains(&**short) {
                    continue;
                }
                let a = cx.article(article);
                let mut defines = defined_here(&a.text, short, claim.span);
                if !defines && !is_candidate(a, short, claim.span, &company) {
                    continue;
                }
                if !defines {
                    let words = words.get_or_init(|| a.text.split_whitespace().collect());
                    defines = spelled_in_sentence(a, short, claim.span)
                        || *spelled.entry(&**short).or_insert_with(|| {
                            (1..=words.len()).any(|end| spelled_by(&words[..end], short, true))
                        });
                }
                let entry = seen.entry(&**short).or_insert((false, None));
                entry.0 |= claim.expansion().is_some() || defines;
                if entry.1.is_none() {
                    entry.1 = Some(claim);
                }
            }
            seen.into_iter()
                .filter(|(_, (defined, _))| !defined)
                .filter_map(|(short, (_, first))| {
                    let claim = first?;
                    Some(
                        finding(
                            rule,
                            &[("acronym", short.to_owned())],
                            vec![cx.loc(article, claim.span)],
                        )
                        .with_details(AcronymDetails {
                            acronym: short.to_owned(),
                        }),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Whether `short`, used at `span` of the article, reads as an acronym needing a
/// definition.
fn is_candidate(
    a: &factdiff_corpus::Article,
    short: &str,
    span: factdiff_corpus::Span,
    company: &BTreeSet<String>,
) -> bool {
    let text: &str = &a.text;
    if short.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if short.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return false;
    }
    let start = (span.start as usize).min(text.len());
    let end = (span.end as usize).clamp(start, text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if !text[line_start..line_end]
        .bytes()
        .any(|b| b.is_ascii_lowercase())
    {
        return false;
    }
    // Part of a model or product number ("DC-10", "CF6-80C2", "PC/AT").
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let next = after.next();
    let line = &text[line_start..line_end];
    // A table row: columns set apart by runs of spaces ("MAURITIUS      nil   7,500").
    if line.trim().contains("   ") {
        return false;
    }
    if before == Some('/')
        || next == Some('/')
        || before.is_some_and(|c| c.is_ascii_digit())
        || next.is_some_and(|c| c.is_ascii_digit())
        || (next == Some('-') && after.next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // A model with a number ("VZX 8530").
    if text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    // A headline (the article's title repeated as its first paragraph): headlines
    // abbreviate, the body defines.
    let title = a.meta.title.trim();
    if !title.is_empty() && text[line_start..line_end].trim() == title {
        return false;
    }
    // The opening capitals of a paragraph: a dateline ("WASHINGTON —", "NEW YORK,
    // March 3 -"), a label ("EXCLUSIVE:") or a tabloid lede's first words ("LINDSAY
    // Lohan has ..."), not acronyms.
    if paragraph_opening(a, start) {
        return false;
    }
    // A label before a colon: an exchange before its ticker ("NSDQ: MSFT").
    if text[end..].starts_with(':') {
        return false;
    }
    // A stock ticker after its exchange ("NYSE: HPQ", "Nasdaq:AAPL").
    let head = text[line_start..start].trim_end();
    if let Some(exchange) = head.strip_suffix(':')
        && exchange
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    // Part of a name: a capitalized word follows on the same line ("IC Industries",
    // "CBS News", "USGS Director"): the name is what the reader reads, not the caps.
    if text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(|c: char| c.is_whitespace()).next())
        .is_some_and(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
        })
    {
        return false;
    }
    // A company's name ("USX Corp", "CIBC Ltd").
    let next_word = text[end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if company.contains(&next_word) {
        return false;
    }
    // Given as a ticker or a company in angle brackets ("<IBM>", "<ALFS ST>", "<MCV
    // Holdings Inc>"), in the title or the text, or in parentheses after its name.
    let bracketed = format!("<{short}");
    let opens = |t: &str| {
        t.match_indices(&bracketed).any(|(i, m)| {
            !t[i + m.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
    };
    let inside = text[line_start..start]
        .rfind('<')
        .is_some_and(|i| !text[line_start + i..start].contains('>'));
    if inside || opens(text) || opens(&a.meta.title) || text.contains(&format!("({short})")) {
        return false;
    }
    // An ordinary word or a name written in caps: the article also writes it in lower
    // or title case ("NOTE" and "note", "TAIWAN" and "Taiwan").
    let lower = short.to_ascii_lowercase();
    let title: String = short.chars().take(1).chain(lower.chars().skip(1)).collect();
    !has_word(text, &lower) && !has_word(text, &title)
}

/// Whether this use of `short` defines it: right after its name in apposition ("the
/// International Coffee Organization, ICO,", "the Brazilian Coffee Institute, or BCI"), or right
/// before a parenthesized definition ("PRV (pseudorabies virus)").
fn defined_here(text: &str, short: &str, span: factdiff_corpus::Span) -> bool {
    let start = (span.start as usize).min(text.len());
    let end = (span.end as usize).clamp(start, text.len());
    let rest = text[end..].strip_prefix('s').unwrap_or(&text[end..]);
    if rest.starts_with(" (") {
        return true;
    }
    let head = text[..start].trim_end();
    let head = head.strip_suffix(" or").unwrap_or(head).trim_end();
    let Some(head) = head.strip_suffix(',') else {
        return false;
    };
    let initials: String = head
        .split_whitespace()
        .rev()
        .take(2 * short.len())
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    initials.ends_with(short)
}

/// Whether `word` occurs in `text` as a whole word, exactly as given.
fn has_word(text: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// The start of the sentence holding byte `at`.
fn sentence_start(a: &factdiff_corpus::Article, at: usize) -> usize {
    let n = a.sentences.partition_point(|s| s.span.start as usize <= at);
    n.checked_sub(1)
        .map_or(0, |i| a.sentences[i].span.start as usize)
}

/// Whether byte `at` is in the capitals that open a paragraph: nothing but capitals,
/// digits and punctuation between the paragraph's start and it.
fn paragraph_opening(a: &factdiff_corpus::Article, at: usize) -> bool {
    let text: &str = &a.text;
    let n = a.paragraphs.partition_point(|p| p.span.start as usize <= at);
    let para_start = n
        .checked_sub(1)
        .map_or(0, |i| a.paragraphs[i].span.start as usize)
        .max(a.body.start as usize);
    if para_start > at {
        return false;
    }
    let before = &text[para_start..at];
    if before.chars().any(char::is_lowercase) {
        return false;
    }
    // What follows the run of capitals: punctuation (a dateline or a label), or a
    // lower-case or capitalized word (a lede). Only a sentence's opening run counts:
    // "ABC said" at a paragraph's start is an acronym like any other, so a lone caps
    // word must be followed by punctuation or by another caps word.
    let rest = &text[at..];
    let run_end = rest
        .find(|c: char| c.is_lowercase() || matches!(c, ',' | '—' | '–' | '(' | ':' | '-'))
        .unwrap_or(rest.len());
    let run = &rest[..run_end];
    let words = before.split_whitespace().count() + run.split_whitespace().count();
    let after = rest[run_end..].chars().next();
    matches!(after, Some(',' | '—' | '–' | '(' | ':' | '-')) || words >= 2
}

/// Whether the words right before this use, in its sentence, spell `short` by their
/// initials ("the Iraqi news agency INA"). A capitalized phrase anywhere in the
/// article that spells it defines it too ("the U.S. Geological Survey said" ...
/// "USGS"; a headline's "AMD" and the body's "Advanced Micro Devices"): `check` looks
/// for one once per acronym.
fn spelled_in_sentence(
    a: &factdiff_corpus::Article,
    short: &str,
    span: factdiff_corpus::Span,
) -> bool {
    let text: &str = &a.text;
    let start = (span.start as usize).min(text.len());
    let words: Vec<&str> = text[sentence_start(a, start).min(start)..start]
        .split_whitespace()
        .collect();
    spelled_by(&words, short, false)
}

/// The letters a word stands for in initials: its first letter, and each letter of
/// dotted initials ("U.S." stands for U and S).
fn initials_of(word: &str) -> Vec<char> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let w = w.trim_end_matches('.').trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    if w.contains('.') && w.split('.').all(|p| p.chars().count() == 1) {
        return w.chars().filter(|c| c.is_alphabetic()).collect();
    }
    w.chars().next().filter(|c| c.is_alphabetic()).into_iter().collect()
}

/// A short lower-case joining word ("of", "and", "the", "for", "de"), which initials
/// skip; told by its shape, not by a word list.
fn is_joiner(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty() && w.len() <= 3 && w.chars().all(char::is_lowercase)
}

/// Whether the words that end `words` spell `short` by their initials (joining words
/// skipped inside); with `capitalized`, every spelling word must be capitalized.
fn spelled_by(words: &[&str], short: &str, capitalized: bool) -> bool {
    let letters: Vec<char> = short.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.len() < 2 {
        return false;
    }
    let mut need = letters.len();
    for word in words.iter().rev() {
        if need == 0 {
            break;
        }
        if is_joiner(word) {
            if need == letters.len() {
                return false;
            }
            continue;
        }
        let init = initials_of(word);
        if init.is_empty()
            || init.len() > need
            || capitalized && !word.starts_with(|c: char| c.is_uppercase())
        {
            return false;
        }
        let want = &letters[need - init.len()..need];
        if !init
            .iter()
            .zip(want)
            .all(|(a, b)| a.to_ascii_uppercase() == *b)
        {
            return false;
        }
        need -= init.len();
    }
    need == 0
}
