//! Paragraphs, sentences and words, with byte spans.
//!
//! Written by hand rather than with UAX #29 sentence boundaries, which split news text
//! after every abbreviation ("Aug. 7", "Mr. Tokayev", "U.N. resolutions"). Words use
//! UAX #29 word boundaries from `unicode-segmentation`.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// A paragraph: a run of lines with no blank line, indented line or line-ending
/// sentence break between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// The paragraph's text, trimmed of surrounding white space.
    pub span: Span,
}

/// A sentence. It lies inside one paragraph; a quotation that spans sentence ends
/// stays in one sentence (up to a limit), so that its attribution stays with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// The sentence's text, trimmed of surrounding white space.
    pub span: Span,
    /// The index of its paragraph in [`crate::Article::paragraphs`].
    pub paragraph: u32,
}

/// Lines shorter than this with no closing punctuation read as a title or heading:
/// the line break after one ends the paragraph.
const SHORT_LINE: usize = 60;

/// A quotation longer than this (in bytes) no longer holds its sentence ends together.
const MAX_QUOTE_SENTENCE: usize = 1500;

pub(crate) fn paragraphs(text: &str, body: Span) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut para_end = 0usize;
    let mut prev_line: Option<(usize, usize)> = None; // trimmed span of the previous line
    let base = body.start as usize;
    let body_text = &text[body.range()];
    let mut line_start = 0usize;
    for line in body_text.split_inclusive('\n') {
        let abs_start = base + line_start;
        line_start += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(start) = para_start.take() {
                out.push(Paragraph {
                    span: Span::new(start, para_end),
                });
            }
            prev_line = None;
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let t_start = abs_start + lead;
        let t_end = t_start + trimmed.len();
        let breaks = match prev_line {
            None => true,
            Some((ps, pe)) => {
                let prev = &text[ps..pe];
                lead > 0 || ends_sentence_line(prev) || starts_item(trimmed) || {
                    let first = trimmed.chars().next().unwrap_or(' ');
                    prev.len() < SHORT_LINE
                        && (first.is_uppercase() || is_open_quote(first) || first.is_numeric())
                }
            }
        };
        if breaks && let Some(start) = para_start.take() {
            out.push(Paragraph {
                span: Span::new(start, para_end),
            });
        }
        if para_start.is_none() {
            para_start = Some(t_start);
        }
        para_end = t_end;
        prev_line = Some((t_start, t_end));
    }
    if let Some(start) = para_start {
        out.push(Paragraph {
            span: Span::new(start, para_end),
        });
    }
    out
}

fn ends_sentence_line(line: &str) -> bool {
    let last = line.trim_end().chars().last().unwrap_or(' ');
    matches!(
        last,
        '.' | '!' | '?' | ':' | '"' | '”' | '»' | '’' | ')' | '…' | ';'
    )
}

fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '#' | '>') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '‘' | '„' | '\'')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '»' | '’' | '\'')
}

/// Words that end with a period without ending a sentence when a number or a
/// capitalized name follows ("Aug. 7", "Dr. Michael Jhung", "No. 5").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "art", "fig", "p",
    "pp", "ch", "sec", "approx", "est", "vs", "etc", "al", "inc", "corp", "co", "ltd", "bros",
    "dept", "univ", "ave", "blvd", "rd", "mt", "ft", "mln", "bln", "pct", "cf", "ie", "eg", "viz",
    "op", "ed", "eds", "govt",
];

/// Times of day written with periods, after which a date goes on rather than a new
/// sentence ("arrested around 1:30 a.m. Feb. 1 on state Route 94", "at 6 p.m.
/// Monday").
const TIMES_OF_DAY: &[&str] = &["a.m", "p.m"];

/// The month and weekday names, whole or cut short, that go on a time of day's
/// sentence (the calendar lexicon's `[months]` and `[weekdays]`, which are loaded only
/// after the text is split).
const MONTHS_AND_WEEKDAYS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Abbreviations that never end a sentence, whatever follows (titles before names,
/// military and police ranks among them: "Brig. Gen. Rodolfo Dizon", "Cpl. Ana Cruz",
/// "Const. Mark Lee", "Atty. Gen. Ruth Ong").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "vs", "art",
    "fig", "pp", "ie", "eg", "cf", "viz", "brig", "cpl", "pvt", "pfc", "lieut", "cdr", "const",
    "atty", "msgr",
];

pub(crate) fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p_idx, para) in paragraphs.iter().enumerate() {
        split_paragraph(text, para.span, p_idx as u32, &mut out);
    }
    out
}

fn split_paragraph(text: &str, span: Span, paragraph: u32, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let para = &text[span.range()];
    let base = span.start as usize;
    let mut start = 0usize;
    let mut quote_depth = 0i32;
    let mut straight_open = false;
    let mut quote_start = 0usize;
    let mut iter = para.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '“' | '«' | '„' => {
                if quote_depth == 0 {
                    quote_start = i;
                }
                quote_depth += 1;
            }
            '”' | '»' => quote_depth = (quote_depth - 1).max(0),
            '"' => {
                straight_open = !straight_open;
                if straight_open {
                    quote_start = i;
                }
            }
            '.' | '!' | '?' | '…' => {
                // Take the run of closing punctuation and quotes after the mark.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '.' | '!' | '?' | '…' | ')' | ']') || is_close_quote(d) {
                        match d {
                            '”' | '»' => quote_depth = (quote_depth - 1).max(0),
                            '"' => straight_open = !straight_open,
                            _ => {}
                        }
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                // A sentence ends only before white space.
                let Some(&(next_i, next_c)) = iter.peek() else {
                    continue;
                };
                if !next_c.is_whitespace() {
                    continue;
                }
                let in_quote = quote_depth > 0 || straight_open;
                if in_quote && i - quote_start < MAX_QUOTE_SENTENCE {
                    continue;
                }
                let after = para[next_i..].trim_start();
                let Some(next_word_char) = after.chars().next() else {
                    continue;
                };
                if c == '.' && !is_sentence_end(&para[..i], after) {
                    continue;
                }
                if next_word_char.is_lowercase() {
                    continue;
                }
                push_sentence(bytes, base + start, base + end, paragraph, out);
                start = next_i;
            }
            _ => {}
        }
    }
    push_sentence(bytes, base + start, base + para.len(), paragraph, out);
}

/// Whether the period at the end of `before` ends the sentence, given what follows.
fn is_sentence_end(before: &str, after: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '«' | '\''))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let next = after.chars().next().unwrap_or(' ');
    // Initials and dotted acronyms: "J.", "U.S.", "U.N." — a sentence does not end
    // there unless a clear sentence start follows that is not a name.
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    let dotted = word.contains('.') || letters.len() == 1;
    if dotted && letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if TIMES_OF_DAY.contains(&lower.as_str()) {
        // "1:30 a.m. Feb. 1", "6 p.m. Monday": the time's date goes on.
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        return !MONTHS_AND_WEEKDAYS.contains(&next_word.as_str());
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "Aug. 7", "Inc. shares": continues; "... Co. The" ends.
        return !(next.is_numeric() || next.is_lowercase());
    }
    true
}

fn push_sentence(bytes: &[u8], start: usize, end: usize, paragraph: u32, out: &mut Vec<Sentence>) {
    let mut s = start;
    let mut e = end;
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if s < e {
        out.push(Sentence {
            span: Span::new(s, e),
            paragraph,
        });
    }
}

pub(crate) fn words(text: &str, span: Span) -> Words<'_> {
    let slice = &text[span.range()];
    let inner = if slice.is_ascii() {
        WordsInner::Ascii { pos: 0 }
    } else {
        WordsInner::Unicode(slice.split_word_bound_indices())
    };
    Words {
        slice,
        base: span.start as usize,
        inner,
    }
}

/// The words of a span: UAX #29 word boundaries, keeping the pieces with a letter or
/// digit. ASCII text (most news wire) takes a fast path that gives the same words as
/// `unicode-segmentation` (a test compares them) at several times the speed.
pub struct Words<'a> {
    slice: &'a str,
    base: usize,
    inner: WordsInner<'a>,
}

enum WordsInner<'a> {
    Ascii { pos: usize },
    Unicode(unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = (Span, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let (start, end) = match &mut self.inner {
            WordsInner::Ascii { pos } => {
                let range = next_ascii_word(self.slice.as_bytes(), *pos)?;
                *pos = range.1;
                range
            }
            WordsInner::Unicode(iter) => loop {
                let (i, w) = iter.next()?;
                if w.chars().any(char::is_alphanumeric) {
                    break (i, i + w.len());
                }
            },
        };
        Some((
            Span::new(self.base + start, self.base + end),
            &self.slice[start..end],
        ))
    }
}

/// The next word at or after `pos` in ASCII text, by the UAX #29 rules that apply to
/// ASCII: letters, digits and `_` join (WB8-10, WB13a/b); a letter, then `.`, `'` or
/// `:`, then a letter joins (WB6/7); a digit, then `.`, `,`, `;` or `'`, then a digit
/// joins (WB11/12). A piece of `_` alone is not a word.
fn next_ascii_word(bytes: &[u8], mut pos: usize) -> Option<(usize, usize)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    loop {
        while pos < bytes.len() && !is_word(bytes[pos]) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        loop {
            while pos < bytes.len() && is_word(bytes[pos]) {
                pos += 1;
            }
            if pos + 1 < bytes.len() {
                let (prev, mid, next) = (bytes[pos - 1], bytes[pos], bytes[pos + 1]);
                let letters = prev.is_ascii_alphabetic()
                    && next.is_ascii_alphabetic()
                    && matches!(mid, b'.' | b'\'' | b':');
                let digits = prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(mid, b'.' | b',' | b';' | b'\'');
                if letters || digits {
                    pos += 1;
                    continue;
                }
            }
            break;
        }
        if bytes[start..pos].iter().any(u8::is_ascii_alphanumeric) {
            return Some((start, pos));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let body = Span::new(0, text.len());
        let paras = paragraphs(text, body);
        sentences(text, &paras)
            .into_iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn sentences_survive_abbreviations_initials_and_decimals() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The floods began on Aug. 7 in the north. Rescue teams arrived.",
                &[
                    "The floods began on Aug. 7 in the north.",
                    "Rescue teams arrived.",
                ],
            ),
            (
                "The U.S. and the U.N. agreed. Talks resume Monday.",
                &["The U.S. and the U.N. agreed.", "Talks resume Monday."],
            ),
            (
                "\"It was too late,\" said Brig. Gen. Rodolfo Dizon. Cpl. Ana Cruz agreed.",
                &[
                    "\"It was too late,\" said Brig. Gen. Rodolfo Dizon.",
                    "Cpl. Ana Cruz agreed.",
                ],
            ),
            (
                "Mr. Tokayev met Dr. Michael Jhung on Tuesday. They spoke for an hour.",
                &[
                    "Mr. Tokayev met Dr. Michael Jhung on Tuesday.",
                    "They spoke for an hour.",
                ],
            ),
            (
                "It cited U.N. resolutions on the region. Output grew 3.5 times.",
                &[
                    "It cited U.N. resolutions on the region.",
                    "Output grew 3.5 times.",
                ],
            ),
            (
                "Trade grew 3.5 times since 2014. It reached $2.7 bn.",
                &["Trade grew 3.5 times since 2014.", "It reached $2.7 bn."],
            ),
            (
                "“We welcome the deal. It opens a new page,” he said. Talks go on.",
                &[
                    "“We welcome the deal. It opens a new page,” he said.",
                    "Talks go on.",
                ],
            ),
            (
                "«Мы рады. Это важно», сказал он. Всё.",
                &["«Мы рады. Это важно», сказал он.", "Всё."],
            ),
            (
                "He said: \"We are ready. We will go.\" Then he left.",
                &["He said: \"We are ready. We will go.\"", "Then he left."],
            ),
            (
                "Is it over? No. It is not!",
                &["Is it over?", "No.", "It is not!"],
            ),
            // A time of day's date goes on its sentence; another word after it
            // starts one.
            (
                "Williams was arrested around 1:30 a.m. Feb. 1 on state Route 94. He is held.",
                &[
                    "Williams was arrested around 1:30 a.m. Feb. 1 on state Route 94.",
                    "He is held.",
                ],
            ),
            (
                "The polls close at 8 p.m. Tuesday. The count starts at 9 p.m. Officials said so.",
                &[
                    "The polls close at 8 p.m. Tuesday.",
                    "The count starts at 9 p.m.",
                    "Officials said so.",
                ],
            ),
            (
                "J. K. Rowling spoke. Shares of Acme Inc. rose.",
                &["J. K. Rowling spoke.", "Shares of Acme Inc. rose."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn paragraphs_follow_blank_lines_titles_and_indentation() {
        let text = "A short title\nThe first paragraph is one long line that ends here.\nThe second.\n\n    Indented\nwrapped line that goes on\nand on.\n";
        let body = Span::new(0, text.len());
        let paras: Vec<&str> = paragraphs(text, body)
            .iter()
            .map(|p| &text[p.span.range()])
            .collect();
        assert_eq!(
            paras,
            [
                "A short title",
                "The first paragraph is one long line that ends here.",
                "The second.",
                "Indented\nwrapped line that goes on\nand on."
            ]
        );
    }

    #[test]
    fn hard_wrapped_reuters_text_stays_one_sentence() {
        let text = "    Showers continued throughout the week in the Bahia cocoa zone, alleviating\nthe drought since early January and improving prospects for\nthe coming temporao. Normal humidity levels have not been restored.\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn ascii_fast_path_agrees_with_unicode_segmentation() {
        let samples = [
            "Trade rose 3.5 times to 1,250,000 tons; Kassym-Jomart's visit.",
            "The U.S. and U.N. met at 10:30 a.m. on 3/4/87, e.g. in N.Y.",
            "COVID-19 G7 snake_case __init__ x_1 'quoted' don't rock'n'roll 1;2 3.a a.3",
            "Shr 34 cts vs 1.19 dlrs\n    Net 3,500,000 vs 2,300,000\r\n  Revs 12.4 mln",
            "a.b.c 1.2.3 ..a.. ,1, ''a'' :a: a:b 1:2 a'1 1'a -5 +5 5% $5 #5 @x",
        ];
        for text in samples {
            let span = Span::new(0, text.len());
            let fast: Vec<_> = words(text, span).map(|(s, _)| s).collect();
            let slow: Vec<_> = text
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| Span::new(i, i + w.len()))
                .collect();
            assert_eq!(fast, slow, "{text}");
        }
        // Pseudo-random ASCII soup, fixed seed.
        let alphabet = b"ab Z9_.,;:'\n-";
        let mut state = 0x2545F4914F6CDD1Du64;
        for _ in 0..2000 {
            let len = (state % 24) as usize;
            let text: String = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize] as char
                })
                .collect();
            let span = Span::new(0, text.len());
            let fast: Vec<_> = words(&text, span).map(|(s, _)| s).collect();
            let slow: Vec<_> = text
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
                .map(|(i, w)| Span::new(i, i + w.len()))
                .collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn words_keep_numbers_whole() {
        let text = "Trade rose 3.5 times to 1,250,000 tons; Kassym-Jomart's visit.";
        let words: Vec<&str> = words(text, Span::new(0, text.len()))
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            words,
            [
                "Trade",
                "rose",
                "3.5",
                "times",
                "to",
                "1,250,000",
                "tons",
                "Kassym",
                "Jomart's",
                "visit"
            ]
        );
    }
}

/// The dateline opening one of the first two paragraphs of `paragraphs` ("KATHMANDU,
/// Nepal (AP) — ", "PARIS, Nov 3 (Reuters) - ", "WASHINGTON — "), the separator and the
/// space after it included: where the story was filed, not what it is about.
///
/// A dateline is a place of at most four capitalized words, then optionally a comma
/// and a few more capitalized words or a date, then optionally an agency in
/// parentheses, then a dash (or AP's old `_`), within the paragraph's first 100
/// bytes. Its place must be in capitals, every word, or the agency be given:
/// "President Obama — " is a sentence's subject, and "AMD Acquires SeaMicro – " a
/// headline, not a dateline.
pub fn dateline(text: &str, paragraphs: &[Paragraph]) -> Option<Span> {
    paragraphs.iter().take(2).find_map(|p| {
        let start = p.span.start as usize;
        let para = &text[start..p.span.end as usize];
        dateline_len(para).map(|len| Span::new(start, start + len))
    })
}

/// The length of the dateline opening `para`, if it opens with one ([`dateline`]).
fn dateline_len(para: &str) -> Option<usize> {
    const SEPARATORS: [&str; 5] = [" — ", " – ", " -- ", " - ", " _ "];
    let cut = (0..=para.len().min(100))
        .rev()
        .find(|&i| para.is_char_boundary(i))?;
    let head = &para[..cut];
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|s| head.find(s).map(|at| (at, *s)))
        .min()?;
    let prefix = head[..at].trim_end();
    // The place: up to the first comma or parenthesis.
    let place_end = prefix.find([',', '(']).unwrap_or(prefix.len());
    let place: Vec<&str> = prefix[..place_end].split_whitespace().collect();
    if place.is_empty() || place.len() > 4 {
        return None;
    }
    let capitalized = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // Outside the agency's parentheses every word is capitalized or a figure (a date).
    let outside = match prefix.find('(') {
        Some(open) => &prefix[..open],
        None => prefix,
    };
    if !outside.split_whitespace().all(capitalized) || outside.split_whitespace().count() > 8 {
        return None;
    }
    let agency = prefix.ends_with(')') && prefix.contains('(');
    // Every word of the place in capitals ("NEW YORK", "RIO DE JANEIRO"): a headline
    // that opens with an acronym ("AMD Acquires SeaMicro – ...") is no dateline.
    let in_capitals = place[0].chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place
            .iter()
            .all(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
    if !(agency || in_capitals) {
        return None;
    }
    Some(at + sep.len())
}

#[cfg(test)]
mod dateline_tests {
    use super::dateline_len;

    #[test]
    fn a_dateline_is_a_place_an_agency_and_a_dash() {
        for (para, dateline) in [
            (
                "KATHMANDU, Nepal (AP) — A powerful earthquake struck",
                "KATHMANDU, Nepal (AP) — ",
            ),
            (
                "KATHMANDU, Nov 3 (Reuters) - The death toll rose",
                "KATHMANDU, Nov 3 (Reuters) - ",
            ),
            ("WASHINGTON — The Senate voted", "WASHINGTON — "),
            ("NEW YORK (CNN) -- Stocks fell", "NEW YORK (CNN) -- "),
            (
                "Kathmandu, Nepal (AP) — A powerful earthquake",
                "Kathmandu, Nepal (AP) — ",
            ),
            ("RIO DE JANEIRO _ Police said", "RIO DE JANEIRO _ "),
            ("MÜNCHEN — Die Polizei", "MÜNCHEN — "),
        ] {
            assert_eq!(
                dateline_len(para).map(|n| &para[..n]),
                Some(dateline),
                "{para}"
            );
        }
    }

    #[test]
    fn a_sentence_with_a_dash_is_no_dateline() {
        for para in [
            "President Obama — who spoke on Monday — said",
            "The quake — the strongest in years — killed 12 people",
            "Officials said the toll - now 112 - could rise",
            "A powerful earthquake struck remote western Nepal late Monday.",
            "Tara Reid, 33 — the actress — checked in",
            // A headline opening with an acronym (ECB+).
            "AMD Acquires SeaMicro – Will It Be Able to Compete",
            // Cut within a character at its 100th byte.
            &"é".repeat(120),
        ] {
            assert_eq!(dateline_len(para), None, "{para}");
        }
    }
}
