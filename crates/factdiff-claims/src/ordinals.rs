//! Ordinals: `25th anniversary`, `80th session`, `for the fifth time`, `5th World Nomad
//! Games`, with the thing they count.
//!
//! Written by hand (a table of ordinal words and the digit suffixes): no crate reads
//! ordinals in running text. Word ordinals other than `first` need a noun after them;
//! `first` only counts with a noun that is counted in news (anniversary, session, ...),
//! because "the first" is usually not a claim.

use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

fn word_ordinal(ctx: &Ctx, w: &str) -> Option<u32> {
    if let Some(&n) = ctx.lex.ordinals.get(w) {
        return Some(n);
    }
    // "twenty-fifth"
    let (tens, unit) = w.split_once('-')?;
    let tens = ctx.lex.number_words.get(tens)?;
    let unit = ctx.lex.ordinals.get(unit)?;
    (*tens >= 20.0 && *unit < 10).then_some(*tens as u32 + unit)
}

/// What an ordinal counts: the capitalized name after it ("World Nomad Games"), or the
/// head of the noun phrase ("anniversary").
fn counted(ctx: &Ctx, s: &Sent, j: usize) -> Option<(usize, String)> {
    let t = s.toks.get(j)?;
    if t.is_capitalized() || t.is_all_caps() {
        let mut k = j;
        let mut words = Vec::new();
        while let Some(x) = s.toks.get(k)
            && (x.is_capitalized() || x.is_all_caps())
            && x.space_before
        {
            words.push(x.lower.to_string());
            k += 1;
        }
        // "the seventh IADB capital replenishment": an acronym before a lower-case
        // word or a number modifies what is counted; it is not counted itself.
        if k == j + 1
            && t.is_all_caps()
            && s.toks.get(k).is_some_and(|x| {
                x.space_before && (x.is_num() || x.is_word() && !x.is_capitalized())
            })
        {
            return None;
        }
        return Some((k, words.join(" ")));
    }
    noun_phrase(ctx, s, j)
}

/// The noun an ordinal counts, in the lower-case words after it: the last word of a
/// compound ("the fourth head coach" counts coaches), a unit of time that ends it ("the
/// second straight year", "the 4th qtr data"), and nothing when a word in -s follows a
/// noun (a verb or a plural head: "Second man dies", "third priority certificates").
fn noun_phrase(ctx: &Ctx, s: &Sent, j: usize) -> Option<(usize, String)> {
    let lex = ctx.lex;
    let mut head: Option<(usize, String)> = None;
    for k in j..(j + 3).min(s.toks.len()) {
        let t = &s.toks[k];
        if !t.is_word() || t.is_capitalized() || (k > j && !t.space_before) {
            break;
        }
        let l = t.lower.as_ref();
        if lex.time_units.contains_key(l) {
            return Some((k + 1, crate::nouns::lemma(lex, l)));
        }
        // Only a plural in -s: "head", "data" (plural as written) are also the
        // singular nouns of compounds ("the fourth head coach").
        let plural = l.ends_with('s') && !l.ends_with("ss") && l.len() > 3;
        // A word in -s after a noun is a verb ("Second man dies") or the plural head
        // of a class ("third priority certificates"): which one, the words do not
        // say, so the ordinal counts nothing.
        if k > j && plural && head.is_some() {
            return None;
        }
        if lex.stopwords.contains(l)
            || lex.months.contains_key(l)
            || !l.chars().all(|c| c.is_alphabetic() || c == '-')
            || l.ends_with("ly")
            || (k > j && l.ends_with("ed"))
        {
            break;
        }
        head = Some((k + 1, crate::nouns::lemma(lex, l)));
        if plural {
            break;
        }
    }
    head
}

/// Extracts the ordinals of one sentence.
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    let mut i = 0;
    while i < s.toks.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        let t = &s.toks[i];
        let (n, next) = if t.is_num()
            && !t.text.contains([',', '.'])
            && let Some(suf) = s.toks.get(i + 1)
            && !suf.space_before
            && matches!(suf.lower.as_ref(), "st" | "nd" | "rd" | "th")
        {
            // Touching a word before ("COVID-19th") is no ordinal.
            if i > 0 && !t.space_before && !s.toks[i - 1].text.starts_with(['(', '"', '“']) {
                i += 2;
                continue;
            }
            (t.text.parse::<u32>().ok(), i + 2)
        } else if t.is_word() && t.has(crate::lexicon::class::ORDINAL) {
            (word_ordinal(ctx, t.lower.as_ref()), i + 1)
        } else {
            (None, i + 1)
        };
        let Some(n) = n else {
            i += 1;
            continue;
        };
        let Some((end, of)) = counted(ctx, s, next) else {
            i = next;
            continue;
        };
        let vocab = &ctx.lex.context;
        let first_word = s.lower(next);
        if of.is_empty()
            || (n == 1 && t.is_word() && !vocab.first_counts.contains(of.as_str()))
            // "52nd Street", "112th Precinct": an address or a unit's name, a label.
            || vocab.address_words.contains(first_word.trim_end_matches('.'))
            // "third world countries": a fixed phrase, no ordinal.
            || vocab
                .not_ordinals
                .contains(format!("{} {first_word}", s.lower(i)).as_str())
            || !s.free(i, end)
        {
            i = next;
            continue;
        }
        let span = s.span(i, end);
        s.take(i, end);
        claims.push(Claim::new(
            ClaimKind::Ordinal,
            span,
            s.idx,
            ClaimValue::Ordinal { n, of: of.into() },
        ));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// What an ordinal counts: the last noun of a compound, a unit of time after a
    /// modifier, not a verb after the noun, not an acronym that modifies (issue 13).
    #[test]
    fn counted_nouns_of_compounds() {
        check_kind(
            ClaimKind::Ordinal,
            &[
                (
                    "Cheeks is the fourth head coach since 2003.",
                    &["fourth head coach = 4 coach"],
                ),
                (
                    "It's the second straight year that Bush failed.",
                    &["second straight year = 2 year"],
                ),
                (
                    "for delivery in the fourth agreement year",
                    &["fourth agreement year = 4 year"],
                ),
                ("Note: 4th qtr data not available", &["4th qtr = 4 qtr"]),
                ("A second man dies in the park.", &[]),
                ("an offering of third priority certificates due 1999", &[]),
                (
                    "the third priority of the plan",
                    &["third priority = 3 priority"],
                ),
                ("the seventh IADB four-year capital replenishment", &[]),
                (
                    "the 5th World Nomad Games in Astana",
                    &["5th World Nomad Games = 5 world nomad games"],
                ),
                ("for the fifth time", &["fifth time = 5 time"]),
            ],
        );
    }

    /// Addresses and fixed phrases are no ordinals (issue 13).
    #[test]
    fn addresses_and_fixed_phrases() {
        check_kind(
            ClaimKind::Ordinal,
            &[
                ("a shooting on East 52nd Street", &[]),
                ("near 97th Ave. in Queens", &[]),
                ("taken to the 112th Precinct", &[]),
                ("loans to third world countries", &[]),
                ("she took first place", &["first place = 1 place"]),
            ],
        );
    }

    #[test]
    fn ordinals() {
        check_kind(
            ClaimKind::Ordinal,
            &[
                (
                    "the 25th anniversary of the signing of the treaty in 1999",
                    &["25th anniversary = 25 anniversary AnniversaryOf->1999"],
                ),
                (
                    "During the 80th session of the General Assembly",
                    &["80th session = 80 session"],
                ),
                ("for the fifth time", &["fifth time = 5 time"]),
                (
                    "the 5th World Nomad Games",
                    &["5th World Nomad Games = 5 world nomad games"],
                ),
                ("for the first time", &["first time = 1 time"]),
                ("the second round of talks", &["second round = 2 round"]),
                (
                    "the 30th anniversary of independence",
                    &["30th anniversary = 30 anniversary"],
                ),
                (
                    "the twenty-fifth anniversary",
                    &["twenty-fifth anniversary = 25 anniversary"],
                ),
                ("the 3rd meeting", &["3rd meeting = 3 meeting"]),
                ("the 1st edition", &["1st edition = 1 edition"]),
                ("the 22nd congress", &["22nd congress = 22 congress"]),
                (
                    "its third consecutive win",
                    &["third consecutive win = 3 win"],
                ),
                ("the tenth summit", &["tenth summit = 10 summit"]),
                ("a fourth term", &["fourth term = 4 term"]),
                ("the 100th birthday", &["100th birthday = 100 birthday"]),
                (
                    "the sixth round of negotiations",
                    &["sixth round = 6 round"],
                ),
                (
                    "the 11th Astana International Forum",
                    &["11th Astana International Forum = 11 astana international forum"],
                ),
                ("the seventh wave", &["seventh wave = 7 wave"]),
                ("the 2nd stage", &["2nd stage = 2 stage"]),
                ("the 15th round", &["15th round = 15 round"]),
                ("the eighth year", &["eighth year = 8 year"]),
                (
                    "the ninth convocation",
                    &["ninth convocation = 9 convocation"],
                ),
                (
                    "the 33rd Olympic Games",
                    &["33rd Olympic Games = 33 olympic games"],
                ),
                ("the fifteenth century", &["fifteenth century = 15 century"]),
                (
                    "the 75th anniversary of the victory",
                    &["75th anniversary = 75 anniversary"],
                ),
                ("a second term", &["second term = 2 term"]),
                (
                    "the first anniversary",
                    &["first anniversary = 1 anniversary"],
                ),
                (
                    "the 4th plenary meeting",
                    &["4th plenary meeting = 4 meeting"],
                ),
                (
                    "the 19th party congress",
                    &["19th party congress = 19 congress"],
                ),
                ("the twelfth session", &["twelfth session = 12 session"]),
                // Negatives.
                ("the first of them", &[]),
                ("first, we must act", &[]),
                ("came second.", &[]),
                ("the first lady", &[]),
            ],
        );
    }
}
