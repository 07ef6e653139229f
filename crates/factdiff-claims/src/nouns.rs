//! Nouns and measures around a figure: the singular form of a counted noun, the counted
//! noun phrase after a number, and the measure word near it (`killed` -> `deaths`).
//! Shared by the extractors of quantities, ordinals and dates and by the claim key.

use crate::{Ctx, Lexicons, Sent};

/// Singular form of a counted noun (`corridors` -> `corridor`, `people` stays; the
/// exceptions to the `-s` rules are the `plurals` of the words lexicon).
pub(crate) fn lemma(lex: &Lexicons, word: &str) -> String {
    lemma_cow(lex, word).into_owned()
}

/// [`lemma`], borrowing `word` (or the lexicon's entry) when no new text is needed.
pub(crate) fn lemma_cow<'a>(lex: &'a Lexicons, word: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if let Some(singular) = lex.plurals.get(word) {
        return Cow::Borrowed(singular.as_str());
    }
    if let Some(stem) = word.strip_suffix("ies")
        && stem.len() > 1
    {
        return Cow::Owned(format!("{stem}y"));
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return Cow::Borrowed(&word[..stem.len() + suffix.len() - 2]);
        }
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && word.len() > 3 {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

/// The counted noun phrase after `j`: `(end token, head lemma)`.
pub(crate) fn counted_noun(
    ctx: &Ctx,
    s: &Sent,
    mut j: usize,
    after_vague: bool,
) -> Option<(usize, String)> {
    let lex = ctx.lex;
    if after_vague && s.lower(j) == "of" {
        j += 1;
    }
    let start = j;
    let mut head = None;
    // Capitalized modifiers before the head ("191 UN member states", "5 Russian
    // soldiers"): skipped, but only a lower-case head makes a counted noun.
    let mut caps = 0;
    while j < s.toks.len() && j < start + 3 + caps {
        let t = &s.toks[j];
        let hyphen_attached = t.text == "-" && !t.space_before && j == start;
        if hyphen_attached {
            // A compound modifier ("a 35-word oath", "a 48-page indictment"): the
            // number counts the word after the hyphen, not the head noun after it.
            return s
                .toks
                .get(j + 1)
                .filter(|w| w.is_word() && !w.space_before && !w.is_capitalized())
                .map(|w| (j + 2, lemma(lex, w.lower.as_ref())));
        }
        if !t.is_word() || (j > start && !t.space_before && s.toks[j - 1].text != "-") {
            break;
        }
        let l = t.lower.as_ref();
        if t.is_capitalized()
            && head.is_none()
            && caps < 2
            && !t.has(crate::lexicon::class::NOT_NAME | crate::lexicon::class::DATE_START)
            && !lex.currency_words.contains_key(l)
            // "20 thousand Armenians live": a plural name is the counted noun itself.
            && (l.ends_with("ss") || !l.ends_with('s'))
            && s.toks.get(j + 1).is_some_and(|n| n.is_word() && n.space_before)
        {
            caps += 1;
            j += 1;
            continue;
        }
        if t.is_capitalized()
            || lex.stopwords.contains(l)
            || lex.months.contains_key(l)
            || !l
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            || l.ends_with("ly")
            || (j > start && l.ends_with("ed"))
        {
            break;
        }
        head = Some((j + 1, lemma(lex, l)));
        j += 1;
        // A noun phrase ends at its first plural noun ("37 people were").
        if l.ends_with('s') && !l.ends_with("ss") && l.len() > 3
            || lex.context.plural_nouns.contains(l)
        {
            break;
        }
    }
    head
}

/// How many words either side of a figure a measure word may be.
const WINDOW: usize = 8;

/// Whether a measure word or phrase is near token `i` (within the clause), or anywhere
/// before it when a change verb reaches the figure ("has risen to 46").
pub(crate) fn measure_near(ctx: &Ctx, s: &Sent, from: usize, to: usize) -> Option<String> {
    // "The death toll from the quake that struck ... on Monday has risen to 46": a
    // figure a change verb reaches counts what the clause's subject counts, however
    // far back the subject is.
    let reached = from >= 2
        && s.lower(from - 1) == "to"
        && ctx
            .lex
            .context
            .multiplier_change_words
            .contains(s.lower(from - 2));
    let lo = if reached {
        0
    } else {
        from.saturating_sub(WINDOW)
    };
    let hi = (to + WINDOW).min(s.toks.len());
    let mut best: Option<(usize, String)> = None;
    for k in lo..hi {
        if k >= from && k < to {
            continue;
        }
        for n in (1..=2).rev() {
            if let Some(p) = s.phrase(k, n)
                && let Some(m) = ctx.lex.measures.get(&*p)
            {
                let mut dist = if k < from { from - k } else { k - to + 1 };
                // A comma or semicolon between them ends the clause.
                let (a, b) = if k < from { (k, from) } else { (to, k) };
                if s.toks[a..b]
                    .iter()
                    .any(|t| matches!(t.text, ";" | ":" | "(" | ")"))
                {
                    continue;
                }
                // A measure before a figure that a list link ("and", "while":
                // `list_links`, a word, not a comma, which also sets off an apposition:
                // "the growth of GDP last year, 8.7 percent, with the lowest
                // inflation") joins to the item before it is that item's ("12 people
                // were killed and 28 people were injured": the 28 were injured): one
                // after the figure comes first, this one only when there is none.
                if k + 1 < from
                    && s.toks[from - 1].is_word()
                    && ctx.lex.context.list_links.contains(s.lower(from - 1))
                {
                    dist += WINDOW;
                }
                if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                    best = Some((dist, m.clone()));
                }
                break;
            }
        }
    }
    best.map(|(_, m)| m)
}
