//! Values in plain words, for messages an editor reads: an interval as it would be
//! written in an article ("at least 140", "about 2.8 million", "between 5 and 8
//! million", "$2 billion", "less than 3%"), and quoted text set mid-sentence ("but at
//! least 140 people", not "but At least 140 people"). Machine-readable intervals stay
//! in a finding's JSON details; these are for the message only.

use std::borrow::Cow;
use std::sync::OnceLock;

use factdiff_findings::Interval;

use crate::ClaimValue;
use crate::lexicon::{Lexicons, class};

/// The scale words, largest first, used when a number is a round multiple of one.
const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];

/// Currencies written with their symbol before the amount; other ISO codes are
/// written before it ("CHF 5 million").
const SYMBOLS: [(&str, &str); 4] = [("USD", "$"), ("EUR", "€"), ("GBP", "£"), ("JPY", "¥")];

/// How `approx` qualifiers widen a number by default (the numbers lexicon's
/// `settings.approx_fraction`): an interval this wide around its middle is "about".
const APPROX_FRACTION: f64 = 0.1;

/// Whether [`describe_interval`] writes `unit` itself: an ISO currency code (three
/// upper-case letters) or `%`. Other units (counted nouns, units of measure) are left
/// to the message around the figure.
pub fn shows_unit(unit: &str) -> bool {
    unit == "%" || is_currency(unit)
}

fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// A number in words and digits: grouped digits below a million (`112`, `1,250`),
/// a scale word above when the number is a round multiple of it (`2.8 million`,
/// `1.25 billion`), with up to three decimals (`2.75`).
fn split(x: f64) -> (String, Option<&'static str>) {
    if x.is_finite() && x.abs() >= 1e6 {
        for (scale, word) in SCALES {
            if x.abs() >= scale {
                let v = x / scale;
                if ((v * 1000.0).round() - v * 1000.0).abs() < 1e-6 {
                    return (digits(v), Some(word));
                }
                break;
            }
        }
    }
    (digits(x), None)
}

/// Digits with thousands grouped and up to three decimals, trailing zeros dropped.
fn digits(x: f64) -> String {
    if !x.is_finite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let fixed = format!("{:.3}", x.abs());
    let fixed = fixed.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = fixed.split_once('.').unwrap_or((fixed, ""));
    let mut out = String::new();
    if x < 0.0 && fixed != "0" {
        out.push('-');
    }
    for (idx, ch) in int.chars().enumerate() {
        if idx > 0 && (int.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The place value of the last digit `split` writes: 0.1 million for `2.8 million`.
fn last_digit(x: f64) -> f64 {
    let (shown, scale) = split(x);
    let decimals = shown.split_once('.').map_or(0, |(_, f)| f.len()) as i32;
    let scale = SCALES
        .iter()
        .find(|(_, w)| Some(*w) == scale)
        .map_or(1.0, |(s, _)| *s);
    scale * 10f64.powi(-decimals)
}

/// One figure with its unit: `140`, `2.8 million`, `$2 billion`, `CHF 5 million`,
/// `12.5%`.
fn amount(x: f64, unit: &str) -> String {
    let (shown, scale) = split(x);
    let number = match scale {
        Some(word) => format!("{shown} {word}"),
        None => shown,
    };
    with_unit(number, unit)
}

fn with_unit(number: String, unit: &str) -> String {
    if unit == "%" {
        return format!("{number}%");
    }
    if is_currency(unit) {
        return match SYMBOLS.iter().find(|(code, _)| *code == unit) {
            Some((_, symbol)) => match number.strip_prefix('-') {
                Some(rest) => format!("-{symbol}{rest}"),
                None => format!("{symbol}{number}"),
            },
            None => format!("{unit} {number}"),
        };
    }
    number
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

/// An interval in the words an article would use (the one human display of
/// factdiff-findings' [`Interval`], here since its words are English). `min`/`max`
/// `None` are open ends, `min_open`/`max_open` exclude the bound; `unit` is written for
/// money (an ISO code: `$`, `€`, `£`, `¥` or the code) and percent, not otherwise (see
/// [`shows_unit`]).
///
/// `112`; `at least 140`; `more than 600`; `up to 5`; `less than 3%`; `about 2.8
/// million` (a number widened by its precision or by `about`); `nearly 40`; `between
/// 5 and 8 million`; `between $5 million and $8 million`.
pub fn describe_interval(interval: &Interval) -> String {
    let Interval {
        min,
        max,
        min_open,
        max_open,
        unit,
    } = interval;
    let (min_open, max_open, unit) = (*min_open, *max_open, unit.as_str());
    match (*min, *max) {
        (Some(lo), Some(hi)) if close(lo, hi) => amount(lo, unit),
        (Some(lo), None) if min_open => format!("more than {}", amount(lo, unit)),
        (Some(lo), None) => format!("at least {}", amount(lo, unit)),
        (None, Some(hi)) if max_open => format!("less than {}", amount(hi, unit)),
        (None, Some(hi)) => format!("up to {}", amount(hi, unit)),
        (None, None) => "any amount".to_owned(),
        (Some(lo), Some(hi)) => {
            let (mid, half) = ((lo + hi) / 2.0, (hi - lo) / 2.0);
            if !min_open && !max_open && mid > 0.0 {
                // Widened around a stated figure: by `about`, or by the precision of
                // the figure ("2.8 million" is [2.75, 2.85] million).
                if close(half, APPROX_FRACTION * mid) || close(half, last_digit(mid) / 2.0) {
                    return format!("about {}", amount(mid, unit));
                }
            }
            if !min_open && max_open && hi > 0.0 && close(lo, (1.0 - APPROX_FRACTION) * hi) {
                return format!("nearly {}", amount(hi, unit));
            }
            match (min_open, max_open) {
                (false, false) => {
                    let ((a, sa), (b, sb)) = (split(lo), split(hi));
                    if sa == sb && !shows_unit(unit) {
                        let scale = sb.map(|w| format!(" {w}")).unwrap_or_default();
                        format!("between {a} and {b}{scale}")
                    } else {
                        format!("between {} and {}", amount(lo, unit), amount(hi, unit))
                    }
                }
                (true, false) => format!(
                    "more than {} and up to {}",
                    amount(lo, unit),
                    amount(hi, unit)
                ),
                (false, true) => format!(
                    "at least {} and less than {}",
                    amount(lo, unit),
                    amount(hi, unit)
                ),
                (true, true) => format!(
                    "more than {} and less than {}",
                    amount(lo, unit),
                    amount(hi, unit)
                ),
            }
        }
    }
}

impl ClaimValue {
    /// A quantity, money or percent value as factdiff-findings' [`Interval`], the type
    /// rules compare figures with and findings carry; `None` for other values.
    pub fn interval(&self) -> Option<Interval> {
        match self {
            ClaimValue::Interval(i) => Some(Interval {
                min: i.min,
                max: i.max,
                min_open: i.min_open,
                max_open: i.max_open,
                unit: i.unit.to_string(),
            }),
            _ => None,
        }
    }

    /// A quantity, money or percent value in plain words ([`describe_interval`]);
    /// `None` for other values.
    pub fn describe(&self) -> Option<String> {
        self.interval().as_ref().map(describe_interval)
    }
}

fn builtin() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(Lexicons::builtin)
}

/// The number a single number word stands for in the built-in lexicons
/// (`numbers.toml`'s `number_words` and `ordinals`), and whether it is an ordinal:
/// "eleven" is `(11, false)`, "eleventh" `(11, true)`; `None` for any other word, and
/// for phrases ("a dozen"). For comparing two wordings that write one number in words
/// and in digits ("the eleventh hour" / "the 11th hour").
pub fn number_word(word: &str) -> Option<(u32, bool)> {
    let lex = builtin();
    let lower = word.to_lowercase();
    if lower.contains(' ') {
        return None;
    }
    if let Some(&n) = lex.ordinals.get(&lower) {
        return Some((n, true));
    }
    lex.number_words
        .get(&lower)
        .filter(|x| x.fract() == 0.0 && **x >= 0.0 && **x <= f64::from(u32::MAX))
        .map(|&x| (x as u32, false))
}

/// Text quoted from an article, to be set mid-sentence in a message: its first letter
/// lowered when its first word is an ordinary word capitalized only because it began
/// a sentence ("At least 140 people" -> "at least 140 people", "Seven agreements" ->
/// "seven agreements", "The summit" -> "the summit"). A name, a month or weekday, an
/// acronym or any word the lexicons do not know as a function, number or qualifier
/// word keeps its case ("Kassym-Jomart Tokayev", "Friday, September 16", "UN").
pub fn mid_sentence(text: &str) -> Cow<'_, str> {
    let first: &str = text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .next()
        .unwrap_or_default();
    let mut chars = first.chars();
    let Some(initial) = chars.next() else {
        return Cow::Borrowed(text);
    };
    // Only a capital followed by lower-case letters ("At", not "UN" or "iPhone").
    if !initial.is_uppercase() || !chars.all(|c| !c.is_uppercase()) {
        return Cow::Borrowed(text);
    }
    let lower = first.to_lowercase();
    let lex = builtin();
    let bits = lex.classes.get(&lower).copied().unwrap_or(0);
    let ordinary = bits & (class::NOT_NAME | class::STOP | class::NUM_START) != 0
        && bits & (class::MONTH | class::WEEKDAY | class::TITLE) == 0;
    if !ordinary {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    out.extend(initial.to_lowercase());
    out.push_str(&text[initial.len_utf8()..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_and_their_digits() {
        assert_eq!(number_word("eleventh"), Some((11, true)));
        assert_eq!(number_word("Eleven"), Some((11, false)));
        assert_eq!(number_word("twenty"), Some((20, false)));
        assert_eq!(number_word("hour"), None);
        assert_eq!(number_word("11th"), None);
        assert_eq!(number_word("a dozen"), None);
    }

    fn d(min: Option<f64>, max: Option<f64>, min_open: bool, max_open: bool, unit: &str) -> String {
        describe_interval(&Interval {
            min,
            max,
            min_open,
            max_open,
            unit: unit.into(),
        })
    }

    #[test]
    fn intervals_in_plain_words() {
        let inf = None;
        for (got, want) in [
            (d(Some(112.0), Some(112.0), false, false, "people"), "112"),
            (d(Some(140.0), inf, false, false, "people"), "at least 140"),
            (d(Some(600.0), inf, true, false, "bus"), "more than 600"),
            (d(inf, Some(5.0), false, false, "km"), "up to 5"),
            (d(inf, Some(3.0), false, true, "%"), "less than 3%"),
            (d(Some(5.0), Some(8.0), false, false, ""), "between 5 and 8"),
            (
                d(Some(5e6), Some(8e6), false, false, "t"),
                "between 5 and 8 million",
            ),
            (
                d(Some(5e6), Some(8e6), false, false, "USD"),
                "between $5 million and $8 million",
            ),
            // "2.8 million", widened by its precision; "about 2.8 million" by 10%.
            (
                d(Some(2.75e6), Some(2.85e6), false, false, "bbl"),
                "about 2.8 million",
            ),
            (
                d(Some(2.52e6), Some(3.08e6), false, false, "bbl"),
                "about 2.8 million",
            ),
            (
                d(Some(1.5e9), Some(2.5e9), false, false, "USD"),
                "about $2 billion",
            ),
            (
                d(Some(72e9), Some(88e9), false, false, "EUR"),
                "about €80 billion",
            ),
            (
                d(Some(31.5), Some(38.5), false, false, "expert"),
                "about 35",
            ),
            (d(Some(36.0), Some(40.0), false, true, "car"), "nearly 40"),
            (
                d(Some(24.0), Some(99.0), false, false, "expert"),
                "between 24 and 99",
            ),
            (
                d(Some(1_250_000.0), Some(1_250_000.0), false, false, "USD"),
                "$1.25 million",
            ),
            (
                d(Some(1_234_567.0), Some(1_234_567.0), false, false, ""),
                "1,234,567",
            ),
            (d(Some(12.5), Some(12.5), false, false, "%"), "12.5%"),
            (
                d(Some(40e6), Some(40e6), false, false, "CHF"),
                "CHF 40 million",
            ),
            (
                d(Some(2.0), Some(4.0), true, false, ""),
                "more than 2 and up to 4",
            ),
            (d(Some(-3.5), Some(-3.5), false, false, "%"), "-3.5%"),
            (d(Some(1_250.0), Some(1_250.0), false, false, ""), "1,250"),
        ] {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_claim_value_describes_itself() {
        let v = ClaimValue::Interval(Box::new(crate::IntervalValue {
            min: Some(140.0),
            max: None,
            min_open: false,
            max_open: false,
            unit: "people".into(),
        }));
        assert_eq!(v.describe().as_deref(), Some("at least 140"));
        assert_eq!(ClaimValue::Duration("P3Y".into()).describe(), None);
    }

    #[test]
    fn ordinary_words_are_lowered_mid_sentence_and_names_are_not() {
        for (text, want) in [
            ("At least 140 people", "at least 140 people"),
            ("Seven agreements", "seven agreements"),
            ("The summit began", "the summit began"),
            ("About 2.8 million barrels", "about 2.8 million barrels"),
            ("Dozens of people", "dozens of people"),
            ("More than 600 buses", "more than 600 buses"),
            // Names, months, weekdays, acronyms, unknown words keep their case.
            ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
            ("Friday, September 16", "Friday, September 16"),
            ("September 15", "September 15"),
            ("UN member states", "UN member states"),
            ("President Tokayev", "President Tokayev"),
            ("Herat province", "Herat province"),
            ("112 people", "112 people"),
            ("$2bn", "$2bn"),
            ("", ""),
        ] {
            assert_eq!(mid_sentence(text), want, "{text}");
        }
    }
}
