//! A small tokenizer that keeps punctuation and spacing.
//!
//! Written by hand because the extractors need what word segmenters drop: whether a
//! number touches the word before it (`COVID-19`, `G7`), the currency symbol in
//! `$2.7bn`, the hyphen in `5-8`, the dot in `Aug. 7`.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters, with inner hyphens, apostrophes and dots (`Kassym-Jomart`, `U.N.`,
    /// `Caliber.Az`, `don't`).
    Word,
    /// Digits with grouping commas and a decimal point (`1,250,000`, `3.5`).
    Num,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of a sentence; offsets are into the article's text.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    pub text: &'a str,
    /// Lower-case text (borrowed when already lower-case).
    pub lower: std::borrow::Cow<'a, str>,
    /// Whether white space comes right before it.
    pub space_before: bool,
    /// A word whose first letter is a capital.
    pub cap: bool,
    /// A word of two or more letters, all capitals.
    pub caps: bool,
    /// Lexicon classes of the word ([`crate::lexicon::class`]), set by the caller.
    pub class: u16,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == TokKind::Num
    }
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn is_capitalized(&self) -> bool {
        self.cap
    }
    pub fn is_all_caps(&self) -> bool {
        self.caps
    }
    pub fn has(&self, class: u16) -> bool {
        self.class & class != 0
    }
    /// The value of a Num token (grouping commas removed).
    pub fn num_value(&self) -> Option<f64> {
        if self.kind != TokKind::Num {
            return None;
        }
        if self.text.contains(',') {
            self.text.replace(',', "").parse().ok()
        } else {
            self.text.parse().ok()
        }
    }
    /// Digits after the decimal point.
    pub fn decimals(&self) -> u32 {
        self.text
            .split_once('.')
            .map_or(0, |(_, frac)| frac.len() as u32)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{0301}'
}

/// Tokens of `text[start..end]`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    tokenize_with(text, None, start, end)
}

/// Tokens of `text[start..end]`; `lower`, when given, is `text[start..end]` in ASCII
/// lower case (same offsets), which spares an allocation per capitalized word.
pub(crate) fn tokenize_with<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    start: usize,
    end: usize,
) -> Vec<Tok<'a>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity((end - start) / 5 + 1);
    let mut i = start;
    let mut space_before = true;
    while i < end {
        let b = bytes[i];
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..end].chars().next().expect("in range")
        };
        if c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let tok_start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokKind::Num;
            i += 1;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_digit() {
                    i += 1;
                } else if (b == b',')
                    && i + 3 < end + 1
                    && bytes
                        .get(i + 1..i + 4)
                        .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                    && i + 4 <= end
                {
                    i += 4;
                } else if b == b'.'
                    && i + 1 < end
                    && bytes[i + 1].is_ascii_digit()
                    && !text[tok_start..i].contains('.')
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if is_word_char(c) {
            kind = TokKind::Word;
            i += c.len_utf8();
            while i < end {
                // ASCII fast path: letters continue the word; other ASCII bytes but
                // the joiners end it.
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                if b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.') {
                    break;
                }
                let c = text[i..end].chars().next().expect("in range");
                if is_word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
                // Inner joiners: a hyphen, apostrophe or dot followed by a letter.
                if matches!(c, '-' | '\'' | '’' | '.' | '‐') {
                    let next = text[i + c.len_utf8()..end].chars().next();
                    if next.is_some_and(is_word_char) {
                        i += c.len_utf8();
                        continue;
                    }
                    // `U.N.`: a dot after a single letter that followed a dot.
                    if c == '.' {
                        let word = &text[tok_start..i];
                        if word.contains('.') && word.chars().rev().nth(1) == Some('.') {
                            i += 1;
                        } else if word.len() == 1
                            && word.chars().all(|c| c.is_ascii_uppercase())
                            && text[i + 1..end].starts_with(|c: char| c.is_ascii_uppercase())
                            && text[i + 2..end].starts_with('.')
                        {
                            i += 1;
                            continue;
                        }
                    }
                }
                break;
            }
        } else {
            kind = TokKind::Punct;
            i += c.len_utf8();
        }
        let s = &text[tok_start..i];
        let (mut n_upper, mut n_lower) = (0usize, 0usize);
        if kind == TokKind::Word {
            for b in s.bytes() {
                if b.is_ascii_uppercase() {
                    n_upper += 1;
                } else if b.is_ascii_lowercase() {
                    n_lower += 1;
                }
            }
            if !s.is_ascii() {
                n_upper = s.chars().filter(|c| c.is_uppercase()).count();
                n_lower = s.chars().filter(|c| c.is_lowercase()).count();
            }
        }
        let cap = kind == TokKind::Word && s.chars().next().is_some_and(char::is_uppercase);
        let caps = kind == TokKind::Word && n_upper >= 2 && n_lower == 0;
        let lower = if n_upper == 0 {
            std::borrow::Cow::Borrowed(s)
        } else if let Some(l) = lower {
            std::borrow::Cow::Borrowed(&l[tok_start - start..i - start])
        } else {
            std::borrow::Cow::Owned(s.to_lowercase())
        };
        out.push(Tok {
            start: tok_start as u32,
            end: i as u32,
            kind,
            text: s,
            lower,
            space_before,
            cap,
            caps,
            class: 0,
        });
        space_before = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn splits_news_text() {
        assert_eq!(texts("$2.7bn"), ["$", "2.7", "bn"]);
        assert_eq!(texts("1,250,000 people"), ["1,250,000", "people"]);
        assert_eq!(texts("COVID-19"), ["COVID", "-", "19"]);
        assert_eq!(
            texts("Kassym-Jomart U.N. Caliber.Az."),
            ["Kassym-Jomart", "U.N.", "Caliber.Az", "."]
        );
        assert_eq!(texts("5-8, Aug. 7"), ["5", "-", "8", ",", "Aug", ".", "7"]);
        assert_eq!(texts("Kazakhstan’s 3.5."), ["Kazakhstan’s", "3.5", "."]);
        assert_eq!(
            texts("1,25 and 12,3456"),
            ["1", ",", "25", "and", "12", ",", "3456"]
        );
        assert_eq!(texts("U.S. dollars"), ["U.S.", "dollars"]);
    }
}
