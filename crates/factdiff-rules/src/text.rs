//! Small text helpers shared by the rule kinds: edit distance, transliteration folding,
//! word diffs.

use factdiff_findings::{DiffChunk, DiffTag};

/// Levenshtein distance in chars (strsim's).
pub(crate) use strsim::levenshtein as edit_distance;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Folds a name for transliteration-aware matching: lower case, accents and
/// apostrophes dropped, `kh`->`h`, `zh`/`dzh`/`dj`->`j`, `y`->`i`, an `i` next to
/// another vowel dropped (`iy`/`ie`/`ye`/`yo`), doubled letters single (`ss`->`s`).
/// "Kassym-Jomart" and "Kasim-Jomart" fold alike, as do "Mirziyoyev" and "Mirziyoev".
pub(crate) fn translit_fold(name: &str) -> String {
    let lower: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' | 'ı' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ç' => Some('c'),
            'ş' => Some('s'),
            'ğ' => Some('g'),
            'ñ' => Some('n'),
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

/// Lower-case words of a quote, punctuation and quotation marks dropped, for comparing
/// wording.
pub(crate) fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '—' || c == '–')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .trim_matches(|c| c == '\'' || c == '-')
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word diff of two word lists (Patience algorithm, no deadline: the output is
/// snapshotted and must not depend on machine speed).
pub(crate) fn word_diff(old: &[String], new: &[String]) -> Vec<DiffChunk> {
    let old_refs: Vec<&str> = old.iter().map(String::as_str).collect();
    let new_refs: Vec<&str> = new.iter().map(String::as_str).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old_refs, &new_refs);
    let mut chunks: Vec<DiffChunk> = Vec::new();
    let mut push = |tag: DiffTag, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match chunks.last_mut() {
            Some(last) if last.tag == tag => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => chunks.push(DiffChunk { tag, text }),
        }
    };
    for op in ops {
        for change in op.iter_changes(&old_refs, &new_refs) {
            let tag = match change.tag() {
                similar::ChangeTag::Equal => DiffTag::Equal,
                similar::ChangeTag::Delete => DiffTag::Delete,
                similar::ChangeTag::Insert => DiffTag::Insert,
            };
            push(tag, &[change.value()]);
        }
    }
    chunks
}

/// The diff in one line: `We will [-never-] {+not+} accept these terms`.
pub(crate) fn diff_inline(chunks: &[DiffChunk]) -> String {
    let parts: Vec<String> = chunks
        .iter()
        .map(|c| match c.tag {
            DiffTag::Equal => c.text.clone(),
            DiffTag::Delete => format!("[-{}-]", c.text),
            DiffTag::Insert => format!("{{+{}+}}", c.text),
        })
        .collect();
    parts.join(" ")
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

/// A number for a message: integers without a fraction, others with up to 3
/// decimals, thousands grouped.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        let n = x.round() as i64;
        let digits = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (idx, ch) in digits.chars().enumerate() {
            if idx > 0 && (digits.len() - idx) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if n < 0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
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
        ] {
            assert_eq!(translit_fold(a), translit_fold(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Nazarbayev", "Nazarbayeva"),
            ("Ivan", "Evan"),
            ("Austria", "Australia"),
        ] {
            assert_ne!(translit_fold(a), translit_fold(b), "{a} / {b}");
        }
    }

    #[test]
    fn distances_and_numbers() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(number(1_250_000.0), "1,250,000");
        assert_eq!(number(2.75), "2.75");
        assert_eq!(number(f64::INFINITY), "∞");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(13), "13th");
    }

    #[test]
    fn word_diff_marks_the_changed_word() {
        let a = quote_words("“We will never accept these terms,”");
        let b = quote_words("We will not accept these terms.");
        let d = word_diff(&a, &b);
        assert_eq!(
            diff_inline(&d),
            "we will [-never-] {+not+} accept these terms"
        );
    }
}
