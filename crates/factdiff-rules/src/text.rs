//! Small text helpers shared by the rule kinds: edit distance, transliteration folding,
//! quote words, ordinals.

use std::borrow::Cow;

/// Levenshtein distance in chars (strsim's).
pub(crate) use strsim::levenshtein as edit_distance;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Folds a name for transliteration-aware matching: lower case, a Latin letter's
/// diacritics dropped (`deunicode`'s ASCII for it: "Subašić" as "subasic", "Łukasz"
/// as "lukasz", "Gößling" as "gossling"), apostrophes dropped, `kh`->`h`,
/// `zh`/`dzh`/`dj`->`j`, `y`->`i`, a hard `c`->`k`, an `i` next to another vowel
/// dropped (`iy`/`ie`/`ye`/`yo`), doubled letters single (`ss`->`s`).
/// "Kassym-Jomart" and "Kasim-Jomart" fold alike, as do "Mirziyoyev" and "Mirziyoev".
/// Letters of other scripts are kept as written.
pub(crate) fn translit_fold(name: &str) -> String {
    let lower: String = unmarked(name)
        .chars()
        .filter_map(|c| match c {
            '\'' | '’' | '‘' | 'ʼ' | '`' => None,
            '‐' | '‑' | '–' => Some('-'),
            c => Some(c),
        })
        .collect();
    let s = lower
        .replace("dzh", "j")
        .replace("zh", "j")
        .replace("dj", "j")
        .replace("kh", "h")
        .replace("ph", "f")
        .replace('y', "i");
    // A hard `c` is a `k` ("Catherine" / "Katherine", "Nicolas" / "Nikolas").
    let s = fold_hard_c(&s);
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (idx, &c) in chars.iter().enumerate() {
        if c == 'i' {
            let prev = idx.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(idx + 1).copied();
            // Keep a word-initial `i` ("Ivan"); drop a glide next to another vowel.
            let glide = prev.is_some_and(|p| is_vowel(p) && p != 'i')
                || (prev.is_some_and(|p| p.is_alphabetic())
                    && next.is_some_and(|n| is_vowel(n) && n != 'i'));
            if glide {
                continue;
            }
        }
        if out.last() == Some(&c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// A name in lower case with its Latin letters' diacritics dropped, and nothing else
/// folded: "Subašić" and "Subasic" are one spelling, with and without its marks.
pub(crate) fn unmarked(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match latin_ascii(c) {
            Some(ascii) => out.extend(ascii.chars().flat_map(char::to_lowercase)),
            None => out.push(c),
        }
    }
    out
}

/// A Latin letter with diacritics as ASCII letters (`deunicode`): "š" as "s", "ł" as
/// "l", "ß" as "ss"; `None` for any other character (another script's letters, whose
/// transliteration would be a reading, not a spelling).
fn latin_ascii(c: char) -> Option<&'static str> {
    let latin = matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}');
    deunicode::deunicode_char(c)
        .filter(|a| latin && !a.is_empty() && a.chars().all(|a| a.is_ascii_alphabetic()))
}

/// `c` before `a`, `o`, `u` or a consonant (not `h`) written as `k`.
fn fold_hard_c(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let next = chars.get(i + 1).copied();
            if c == 'c'
                && next.is_some_and(|n| n.is_alphabetic() && !matches!(n, 'e' | 'i' | 'h' | 'k'))
            {
                'k'
            } else {
                c
            }
        })
        .collect()
}

/// Lower-case words of a quote, punctuation and quotation marks dropped, for comparing
/// wording.
///
/// Words are compared as read, not as typed: words in brackets are dropped, a hyphen
/// splits ("cyber-criminals" and
/// "cyber criminals" are the same words), so does an ellipsis ("relationship...I am"),
/// a whole hour's `:00` is dropped ("6:00 p.m." and "6 p.m." say the same), and a
/// number written in words is read as its digits ("eleventh-hour" and "11th hour").
#[cfg(test)]
pub(crate) fn quote_words(text: &str) -> Vec<String> {
    quote_word_spans(text).into_iter().map(|(_, w)| w).collect()
}

/// [`quote_words`] with the byte range of each word in `text`, as written.
pub(crate) fn quote_word_spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let pieces = quote_pieces(text);
    // An editor's words in brackets are not the speaker's ("to her (Tara Reid) and").
    let words = pieces
        .into_iter()
        .filter(|p| p.group.is_none())
        .map(|p| (p.range, p.word))
        .collect();
    numbers_as_digits(text, words)
}

/// The other reading of a quote with an editor's gloss: a word followed by a few
/// words in brackets that say what it stands for ("from today (Monday)", "to her
/// (Tara Reid)"), the gloss read in the word's place ("from monday", "to tara reid"),
/// as an outlet that writes the gloss instead of the word does. `None` when the quote
/// has no gloss.
pub(crate) fn quote_word_spans_glossed(
    text: &str,
) -> Option<Vec<(std::ops::Range<usize>, String)>> {
    let pieces = quote_pieces(text);
    // The groups that gloss the word right before them: one to `GLOSS_WORDS` words,
    // the opening bracket after a space that follows a word outside brackets.
    let glosses: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let g = p.group?;
            let first = k == 0 || pieces[k - 1].group != Some(g);
            let before = k.checked_sub(1).map(|b| &pieces[b]);
            let size = pieces.iter().filter(|q| q.group == Some(g)).count();
            let glossed = before.is_some_and(|b| {
                b.group.is_none() && {
                    let between = text[b.range.end..p.range.start].trim_start();
                    matches!(between, "(" | "[")
                }
            });
            (first && glossed && (1..=GLOSS_WORDS).contains(&size)).then_some(g)
        })
        .collect();
    if glosses.is_empty() {
        return None;
    }
    let mut words: Vec<(std::ops::Range<usize>, String)> = Vec::with_capacity(pieces.len());
    for (k, p) in pieces.iter().enumerate() {
        match p.group {
            Some(g) if glosses.contains(&g) => {
                // The first word of the gloss takes the glossed word's place.
                if k > 0 && pieces[k - 1].group != Some(g) {
                    words.pop();
                }
                words.push((p.range.clone(), p.word.clone()));
            }
            Some(_) => {}
            None => words.push((p.range.clone(), p.word.clone())),
        }
    }
    Some(numbers_as_digits(text, words))
}

/// The most words of a gloss in brackets ([`quote_word_spans_glossed`]).
const GLOSS_WORDS: usize = 4;

/// A word of a quote as written: its byte range, the word compared, and the group of
/// brackets it is in (`None`: outside brackets).
struct QuotePiece {
    range: std::ops::Range<usize>,
    word: String,
    group: Option<usize>,
}

/// The words of a quote, in brackets or not. A hyphen splits ("cyber-criminals" and
/// "cyber criminals" are the same words), so does an ellipsis ("relationship...I
/// am"), and a whole hour's `:00` is dropped ("6:00 p.m." and "6 p.m." say the same).
fn quote_pieces(text: &str) -> Vec<QuotePiece> {
    let mut depth = 0usize;
    let mut groups = 0usize;
    let mut pieces = Vec::new();
    let mut start: Option<(usize, Option<usize>)> = None;
    for (i, c) in text.char_indices() {
        let split = match c {
            '(' | '[' => {
                if depth == 0 {
                    groups += 1;
                }
                depth += 1;
                true
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                true
            }
            // An ellipsis splits, with or without spaces around it
            // ("relationship...I am"): two dots in a row, or "…".
            '.' => text[i + 1..].starts_with('.') || text[..i].ends_with('.'),
            _ => c.is_whitespace() || matches!(c, '—' | '–' | '-' | '…'),
        };
        match (split, start) {
            (true, Some((s, g))) => {
                pieces.push((s..i, g));
                start = None;
            }
            (false, None) => start = Some((i, (depth > 0).then_some(groups))),
            _ => {}
        }
    }
    if let Some((s, g)) = start {
        pieces.push((s..text.len(), g));
    }
    pieces
        .into_iter()
        .filter_map(|(range, group)| {
            let w = &text[range.clone()];
            let w = match w.split_once(":00") {
                Some((hour, rest))
                    if !hour.is_empty()
                        && hour.bytes().all(|b| b.is_ascii_digit())
                        && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    Cow::Owned(format!("{hour}{rest}"))
                }
                _ => Cow::Borrowed(w),
            };
            let w = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .trim_matches(|c| c == '\'' || c == '-')
                .to_owned();
            (!w.is_empty()).then_some(QuotePiece {
                range,
                word: w,
                group,
            })
        })
        .collect()
}

/// A number written in words read as its digits, so that a number written two ways
/// is one wording ("the eleventh-hour regulation" / "the 11th hour regulation",
/// "eleven people" / "11 people"): a word of the numbers lexicon (`number_word`), and
/// a tens word joined by a hyphen to a unit ("twenty-first" / "21st").
fn numbers_as_digits(
    text: &str,
    words: Vec<(std::ops::Range<usize>, String)>,
) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::with_capacity(words.len());
    // The value of the last word pushed when it was a tens word ("twenty").
    let mut tens: Option<u32> = None;
    for (range, word) in words {
        let Some((n, is_ordinal)) = factdiff_claims::number_word(&word) else {
            out.push((range, word));
            tens = None;
            continue;
        };
        let show = |n: u32| {
            if is_ordinal {
                ordinal(i64::from(n))
            } else {
                n.to_string()
            }
        };
        let joined = out
            .last()
            .is_some_and(|(prev, _)| text.get(prev.end..range.start) == Some("-"));
        match tens {
            Some(t) if joined && (1..=9).contains(&n) => {
                let (prev, _) = out.pop().expect("a tens word was pushed");
                out.push((prev.start..range.end, show(t + n)));
                tens = None;
            }
            _ => {
                tens = (!is_ordinal && (20..=90).contains(&n) && n % 10 == 0).then_some(n);
                out.push((range, show(n)));
            }
        }
    }
    out
}

/// An English ordinal suffix: 1st, 2nd, 3rd, 11th, 22nd.
pub(crate) fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_transliterations_alike() {
        for (a, b) in [
            ("Kassym-Jomart", "Kasim-Jomart"),
            ("Mirziyoyev", "Mirziyoev"),
            ("Khodjaev", "Hodjaev"),
            ("Zelenskyy", "Zelensky"),
            ("Zelenskyy", "Zelenskiy"),
            ("Nazarbayev", "Nazarbaev"),
            ("Catherine", "Katherine"),
            ("Khabib", "Habib"),
            // Diacritics, which wire copy often drops.
            ("Subašić", "Subasic"),
            ("Erdoğan", "Erdogan"),
            ("Łukasz", "Lukasz"),
            ("Dvořák", "Dvorak"),
            ("Nguyễn", "Nguyen"),
            ("Gößling", "Gossling"),
        ] {
            assert_eq!(translit_fold(a), translit_fold(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Nazarbayev", "Nazarbayeva"),
            ("Ivan", "Evan"),
            ("Austria", "Australia"),
            ("Subašić", "Subasik"),
        ] {
            assert_ne!(translit_fold(a), translit_fold(b), "{a} / {b}");
        }
        // Another script's letters are kept as written.
        assert_eq!(translit_fold("Зеленский"), "зеленский");
        assert_eq!(translit_fold("北京"), "北京");
    }

    #[test]
    fn unmarked_drops_only_diacritics() {
        assert_eq!(unmarked("Subašić"), unmarked("SUBASIC"));
        assert_eq!(unmarked("Erdoğan"), "erdogan");
        assert_ne!(unmarked("Zelenskyy"), unmarked("Zelensky"));
        assert_ne!(unmarked("Subašić"), unmarked("Subasik"));
    }

    #[test]
    fn a_number_written_two_ways_is_one_wording() {
        assert_eq!(
            quote_words("By rolling back this eleventh-hour regulation"),
            quote_words("By rolling back this 11th hour regulation")
        );
        assert_eq!(
            quote_words("the twenty-first century"),
            ["the", "21st", "century"]
        );
        assert_eq!(
            quote_words("Eleven people, one of them a child"),
            ["11", "people", "1", "of", "them", "a", "child"]
        );
        // Two numbers are two wordings.
        assert_ne!(
            quote_words("the eleventh hour"),
            quote_words("the 12th hour")
        );
        assert_eq!(quote_words("twenty five"), ["20", "5"]);
    }

    #[test]
    fn a_gloss_in_brackets_is_read_in_the_place_of_its_word() {
        let glossed = |t: &str| -> Option<Vec<String>> {
            quote_word_spans_glossed(t).map(|w| w.into_iter().map(|(_, w)| w).collect())
        };
        let quote = "under fresh scrutiny from today (Monday), with activity";
        assert_eq!(
            quote_words(quote),
            [
                "under", "fresh", "scrutiny", "from", "today", "with", "activity"
            ]
        );
        assert_eq!(
            glossed(quote),
            Some(quote_words(
                "under fresh scrutiny from Monday, with activity"
            ))
        );
        assert_eq!(
            glossed("respect to her (Tara Reid) and her family"),
            Some(quote_words("respect to Tara Reid and her family"))
        );
        // Brackets that follow no word, or hold more than a gloss, or nothing.
        assert_eq!(glossed("(Laughs) We will win"), None);
        assert_eq!(glossed("we will [...] win"), None);
        assert_eq!(
            glossed("we will (and I say this to every one of you) win"),
            None
        );
        assert_eq!(glossed("we will win"), None);
    }

    #[test]
    fn distances_and_ordinals() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(13), "13th");
    }
}
