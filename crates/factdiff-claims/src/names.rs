//! Names of people, places and organizations: capitalized sequences with hyphens,
//! apostrophes and inner dots ("Kassym-Jomart Tokayev", "Caliber.Az", "U.N."), with a
//! normalized form for matching.
//!
//! Written by hand: named-entity recognizers are statistical models, heavy for a
//! per-article pass and not deterministic across versions; a capitalization rule with
//! lexicons of titles and sentence-initial function words is precise enough for
//! spelling checks ("Kassym-Jomart" / "Kasim-Jomart"). Titles are left out of the name
//! ("President Tokayev" is `tokayev`), headlines in capitals are skipped.

use crate::lexicon::class;
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

/// The normalized form of a name: lower-case, dots of abbreviations dropped, curly
/// apostrophes and dashes unified, possessive `'s` dropped, one space between words.
pub(crate) fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // The curly apostrophes and dashes are not ASCII: an ASCII word needs no copy.
        let w: std::borrow::Cow<'_, str> = if word.is_ascii() {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(word.replace(['’', '‘'], "'").replace(['‐', '–'], "-"))
        };
        let w = w.strip_suffix("'s").unwrap_or(&w);
        let dotted =
            w.len() > 2 && w.ends_with('.') && w.bytes().filter(|c| *c == b'.').count() >= 2;
        if w.is_ascii() {
            out.extend(
                w.bytes()
                    .filter(|c| !dotted || *c != b'.')
                    .map(|c| char::from(c.to_ascii_lowercase())),
            );
        } else {
            out.extend(
                w.chars()
                    .filter(|c| !dotted || *c != '.')
                    .flat_map(char::to_lowercase),
            );
        }
    }
    out
}

/// Whether a sentence is written in capitals (a headline): names and acronyms are not
/// read from it.
pub(crate) fn is_caps_line(s: &Sent) -> bool {
    let letters: usize = s
        .toks
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text.len())
        .sum();
    let caps: usize = s
        .toks
        .iter()
        .filter(|t| t.is_all_caps())
        .map(|t| t.text.len())
        .sum();
    letters > 0 && caps * 10 > letters * 6 && s.toks.len() > 3
}

/// How many words an article's text is searched for before its runs are collected.
const SCANS_BEFORE_SET: u32 = 16;

/// Whether `word` (lower case) occurs in lower case as a whole word (between bytes
/// that are not ASCII letters or digits) in the article. A word of ASCII letters and
/// digits is searched for in the text (`memchr`'s `memmem`) for the first
/// [`SCANS_BEFORE_SET`] words an article asks about, and after that looked up in the
/// article's runs of them, collected once: a search of the whole text per
/// sentence-initial word was quadratic in the article, and hashing every word of the
/// article costs more than a few searches of it (most articles ask about few words).
fn appears_lower(ctx: &Ctx<'_>, word: &str) -> bool {
    let text: &str = &ctx.article.text;
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        if word.is_empty() {
            return false;
        }
        if ctx.runs.get().is_none() && ctx.lower_scans.get() < SCANS_BEFORE_SET {
            ctx.lower_scans.set(ctx.lower_scans.get() + 1);
            let bytes = text.as_bytes();
            return memchr::memmem::find_iter(bytes, word.as_bytes()).any(|at| {
                let end = at + word.len();
                (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                    && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
            });
        }
        // Split as bytes (a multi-byte character is never ASCII alphanumeric); only
        // runs that do not start with a capital can be a lower-case word.
        let runs = ctx.runs.get_or_init(|| {
            text.as_bytes()
                .split(|b| !b.is_ascii_alphanumeric())
                .filter(|r| r.first().is_some_and(|b| !b.is_ascii_uppercase()))
                .collect()
        });
        return runs.contains(word.as_bytes());
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let at = from + pos;
        let end = at + word.len();
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let after_ok = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before_ok && after_ok {
            return true;
        }
        from = at + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// Whether `phrase` occurs capitalized as written in the article where no sentence
/// starts: after a word, a comma or a title's dot ("in New Orleans", "John Smith",
/// "Mr. Smith"), as a whole word.
fn appears_mid_sentence(ctx: &Ctx<'_>, phrase: &str) -> bool {
    let text: &str = &ctx.article.text;
    let body = &text[ctx.article.body.range()];
    let base = ctx.article.body.start as usize;
    body.match_indices(phrase).any(|(at, _)| {
        let at = base + at;
        let end = at + phrase.len();
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        // A line break before it may be a sentence's start ("Dear Kasim-Jomart" on a
        // line of its own): only spaces count.
        let before = text[..at].trim_end_matches([' ', '\t']);
        // Only white space between the word before and the phrase.
        let spaced = before.len() < at;
        let prev = before.chars().next_back();
        let prev_word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let mid = match prev {
            Some(c) if c.is_alphanumeric() || matches!(c, ',' | ';' | '-') => true,
            Some('.') => {
                let w = prev_word.trim_end_matches('.').to_lowercase();
                ctx.lex.titles.contains(w.as_str())
                    || ctx.lex.titles.contains(format!("{w}.").as_str())
                    || w.len() == 1
            }
            _ => false,
        };
        after_ok && spaced && mid
    })
}

/// Joins the two halves of a name that a wrapped line cut into two paragraphs
/// ("the Export Enhancement\nProgram", "American\nMarketing Services"): a name that
/// ends its line with no punctuation, and a name that opens the next line right after
/// (one line break, no indentation). `claims` are in article order.
/// The shortest line of wrapped running text whose last name may go on on the next
/// line (Reuters wraps at about 65 columns; a title or a caption is shorter).
const WRAPPED_LINE: usize = 40;

pub(crate) fn join_wrapped(ctx: &Ctx, claims: &mut Vec<Claim>) {
    let text: &str = &ctx.article.text;
    let mut names: Vec<usize> = (0..claims.len())
        .filter(|&k| claims[k].kind == ClaimKind::Name)
        .collect();
    names.sort_by_key(|&k| claims[k].span.start);
    let mut gone = vec![false; claims.len()];
    let mut prev: Option<usize> = None;
    for &k in &names {
        if let Some(p) = prev
            && claims[p].span.end <= claims[k].span.start
        {
            let between = &text[claims[p].span.end as usize..claims[k].span.start as usize];
            // Only a line of running text wraps: a short line is a title or a caption.
            let line = text[..claims[p].span.end as usize]
                .rsplit('\n')
                .next()
                .unwrap_or("")
                .trim();
            if between.trim_matches([' ', '\t']) == "\n"
                && between.ends_with('\n')
                && line.chars().count() >= WRAPPED_LINE
            {
                let span = factdiff_corpus::Span::new(
                    claims[p].span.start as usize,
                    claims[k].span.end as usize,
                );
                claims[p].span = span;
                claims[p].value = ClaimValue::Name {
                    normalized: ctx.words.intern(&normalize(ctx.article.slice(span))),
                };
                gone[k] = true;
                continue;
            }
        }
        prev = Some(k);
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// Extracts the names of one sentence.
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    if is_caps_line(s) {
        return;
    }
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        let t = &s.toks[i];
        if s.taken[i] || !t.is_capitalized() {
            i += 1;
            continue;
        }
        // The run of capitalized words, joined by `of`/`for` between capitals.
        let mut j = i;
        while j < n {
            let x = &s.toks[j];
            let capital = !s.taken[j] && x.is_capitalized() && (j == i || x.space_before);
            let connector = j > i
                && ctx.lex.context.name_links.contains(x.lower.as_ref())
                && s.toks
                    .get(j + 1)
                    .is_some_and(|y| y.is_capitalized() && !s.taken[j + 1]);
            if capital || connector {
                j += 1;
            } else {
                break;
            }
        }
        let run: Vec<usize> = (i..j).collect();
        i = j.max(i + 1);
        // Split at titles: names are what comes after the last title and before the
        // first.
        let org = |k: usize| {
            s.toks.get(k).is_some_and(|y| {
                let l = y.lower.trim_end_matches("'s").trim_end_matches("’s");
                ctx.lex.context.org_words.contains(l)
            })
        };
        let is_title = |k: usize| s.toks[k].has(class::TITLE) && !org(k + 1) && !org(k);
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let mut seg_start = run[0];
        for &k in &run {
            if is_title(k) {
                if k > seg_start {
                    segments.push((seg_start, k));
                }
                seg_start = k + 1;
            }
        }
        if seg_start < j {
            segments.push((seg_start, j));
        }
        for (a, b) in segments {
            // Trim connectors at the edges, and a sentence-initial function word.
            let mut a = a;
            let mut b = b;
            // A sentence-initial word that is no function word ("New") stays when the
            // article writes the name with it mid-sentence too ("in New Orleans").
            let keeps_first = |a: usize, b: usize| {
                a + 1 < b
                    && !s.toks[a].has(class::STOP)
                    && appears_mid_sentence(
                        ctx,
                        &ctx.article.text[s.toks[a].start as usize..s.toks[a + 1].end as usize],
                    )
            };
            while a < b
                && (ctx.lex.context.name_links.contains(s.lower(a))
                    || (s.toks[a].has(class::NOT_NAME)
                        && (a == 0 || !s.toks[a - 1].is_word())
                        && !keeps_first(a, b)))
            {
                a += 1;
            }
            while b > a && ctx.lex.context.name_links.contains(s.lower(b - 1)) {
                b -= 1;
            }
            if a >= b {
                continue;
            }
            let first = &s.toks[a];
            // Where a sentence starts (first token, after an opening quote or a line
            // break), a capital says nothing: a single word there is a name only if the
            // article never writes it in lower case.
            let text = &ctx.article.text;
            let starts_sentence = a == 0
                || !s.toks[a - 1].is_word() && !s.toks[a - 1].is_num()
                || text[s.toks[a - 1].end as usize..first.start as usize].contains('\n');
            if starts_sentence && first.has(class::NOT_NAME) && !keeps_first(a, b) {
                a += 1;
                if a >= b {
                    continue;
                }
            }
            let first = &s.toks[a];
            if a == 0 && b == a + 1 && first.has(class::STOP | class::SPEECH) {
                continue;
            }
            // A single sentence-initial word is a common word when a plural verb
            // follows it ("Staff were", "Officials say": a name takes the singular),
            // when it is a participle before a preposition ("Published by", "Based
            // in"), or a contraction of "I" ("I’m").
            let next_lower = s.toks.get(b).filter(|x| x.is_word() && !x.is_capitalized());
            let common_start = starts_sentence
                && (next_lower.is_some_and(|x| {
                    ctx.lex.context.plural_agreement.contains(x.lower.as_ref())
                        || first.lower.len() > 5
                            && first.lower.ends_with("ed")
                            && ctx.lex.context.passive_agent.contains(x.lower.as_ref())
                }) || ctx
                    .lex
                    .not_names
                    .contains(first.lower.replace('’', "'").as_str()));
            if b == a + 1
                && (first.text == "I"
                    || first.text.len() == 1
                    || common_start
                    || first.has(class::NOT_NAME | class::NUM_START | class::ORDINAL)
                    || starts_sentence
                        && (first.lower.ends_with("ing")
                            || appears_lower(ctx, &first.lower)
                            // "Usually, issuers": an adverb in -ly before a comma,
                            // which the article capitalizes nowhere else.
                            || first.lower.len() >= 6
                                && first.lower.ends_with("ly")
                                && s.toks.get(b).is_some_and(|x| x.text == ",")
                                && !appears_mid_sentence(ctx, first.text)))
            {
                continue;
            }
            if b == a + 1 && first.has(class::MONTH | class::WEEKDAY) {
                continue;
            }
            let mut span = s.span(a, b);
            // Leave a possessive out of the span.
            let surface = ctx.article.slice(span);
            for suffix in ["'s", "’s"] {
                if surface.ends_with(suffix) {
                    span.end -= suffix.len() as u32;
                }
            }
            let surface = ctx.article.slice(span);
            let normalized = normalize(surface);
            if normalized.is_empty() {
                continue;
            }
            s.take(a, b);
            claims.push(Claim::new(
                ClaimKind::Name,
                span,
                s.idx,
                ClaimValue::Name {
                    normalized: ctx.words.intern(&normalized),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    #[test]
    fn appears_lower_finds_whole_lower_case_words_only() {
        let lex = crate::Lexicons::builtin();
        let article = crate::testutil::article(
            "Shares rose. The shares of Mr. O'neill's firm, co-owned by rose-growers, fell 3pct \
             in café trading; Café owners said so.",
            None,
        );
        let ctx = crate::Ctx {
            article: &article,
            lex: &lex,
            anchor: None,
            last_day: None,
            runs: std::cell::OnceCell::new(),
            lower_scans: std::cell::Cell::new(0),
            words: &crate::WordTable::new(),
        };
        // The first words are searched for in the text, the later ones looked up in
        // its runs: both give the same answers.
        for (word, expected) in [("", false)].into_iter().chain(
            [
                ("shares", true),
                ("share", false),
                ("rose", true),
                ("co", true),
                ("owned", true),
                ("growers", true),
                ("3pct", true),
                ("pct", false),
                ("fell", true),
                ("café", true),
                ("caf", true),
                ("o'neill", false),
                ("neill", true),
                ("owners", true),
                ("mr", false),
                ("the", false),
            ]
            .repeat(3),
        ) {
            assert_eq!(super::appears_lower(&ctx, word), expected, "{word}");
        }
        assert!(ctx.runs.get().is_some());
    }

    #[test]
    fn suffixes_and_contractions() {
        check_kind(
            ClaimKind::Name,
            &[
                (
                    "Tony White, Jr. had 16 points.",
                    &["Tony White = tony white"],
                ),
                ("There's been more rioting in Greece.", &["Greece = greece"]),
            ],
        );
    }

    /// A sentence-initial adverb before a comma is no name; "New" stays before a name
    /// the article also writes with it mid-sentence;
    /// a name cut by a wrapped line is one name (issue 13, second round).
    #[test]
    fn sentence_initial_words_and_wrapped_names() {
        check_kind(
            ClaimKind::Name,
            &[
                ("Usually, issuers alert the agencies.", &[]),
                ("Finally, the vote was held.", &[]),
                (
                    "Italy, France and Spain agreed.",
                    &["Italy = italy", "France = france", "Spain = spain"],
                ),
                (
                    "They played in New Orleans on Sunday.\n\nNew Orleans picked up DeShawn Wynn.",
                    &[
                        "New Orleans = new orleans",
                        "New Orleans = new orleans",
                        "DeShawn Wynn = deshawn wynn",
                    ],
                ),
                (
                    "Tokayev and Aliyev\nKazakh President Tokayev spoke.",
                    &[
                        "Tokayev = tokayev",
                        "Aliyev = aliyev",
                        "Kazakh = kazakh",
                        "Tokayev = tokayev",
                    ],
                ),
                (
                    "    An additional 143,000 tonnes of feed are still available under the Export Enhancement\nProgram announced in April, it said.",
                    &["Export Enhancement\nProgram = export enhancement program"],
                ),
            ],
        );
    }

    /// Sentence-initial common words are not names (issue 13).
    #[test]
    fn sentence_initial_common_words() {
        check_kind(
            ClaimKind::Name,
            &[
                ("Staff were evacuated.", &[]),
                ("Officials say the road is closed.", &[]),
                ("Published by Reuters.", &["Reuters = reuters"]),
                ("I’m sure.", &[]),
                ("There were five.", &[]),
                ("Smith was evacuated.", &["Smith = smith"]),
                ("Ahmed in a statement was clear.", &["Ahmed = ahmed"]),
            ],
        );
    }

    #[test]
    fn names() {
        check_kind(
            ClaimKind::Name,
            &[
                (
                    "Kazakh President Kassym-Jomart Tokayev said.",
                    &[
                        "Kazakh = kazakh",
                        "Kassym-Jomart Tokayev = kassym-jomart tokayev",
                    ],
                ),
                (
                    "the President of the Republic of Kazakhstan, Kasim-Jomart Tokayev, gave",
                    &[
                        "Republic of Kazakhstan = republic of kazakhstan",
                        "Kasim-Jomart Tokayev = kasim-jomart tokayev",
                    ],
                ),
                ("President Zelenskyy spoke", &["Zelenskyy = zelenskyy"]),
                (
                    "Caliber.Az reports via local media.",
                    &["Caliber.Az = caliber.az"],
                ),
                ("the U.N. said", &["U.N. = un"]),
                (
                    "Kazakhstan’s decision to join the Abraham Accords",
                    &[
                        "Kazakhstan = kazakhstan",
                        "Abraham Accords = abraham accords",
                    ],
                ),
                (
                    "Tokayev further advocated for reform of the United Nations system.",
                    &["Tokayev = tokayev", "United Nations = united nations"],
                ),
                (
                    "In remarks at the International Forum on Peace and Trust in Ashgabat",
                    &[
                        "International Forum = international forum",
                        "Peace = peace",
                        "Trust = trust",
                        "Ashgabat = ashgabat",
                    ],
                ),
                (
                    "Deputy Prime Minister and Foreign Minister Murat Nurtleu met Kaha Imnadze",
                    &[
                        "Murat Nurtleu = murat nurtleu",
                        "Kaha Imnadze = kaha imnadze",
                    ],
                ),
                (
                    "the Kazakh Foreign Ministry's press office",
                    &["Kazakh Foreign Ministry = kazakh foreign ministry"],
                ),
                (
                    "between Azerbaijan and Armenia",
                    &["Azerbaijan = azerbaijan", "Armenia = armenia"],
                ),
                ("the South Caucasus", &["South Caucasus = south caucasus"]),
                ("the Middle East", &["Middle East = middle east"]),
                (
                    "the Security Council and the General Assembly",
                    &[
                        "Security Council = security council",
                        "General Assembly = general assembly",
                    ],
                ),
                (
                    "Ahead of his visit to the Republic of Armenia",
                    &["Republic of Armenia = republic of armenia"],
                ),
                (
                    "Vladimir Putin and Ilham Aliyev",
                    &[
                        "Vladimir Putin = vladimir putin",
                        "Ilham Aliyev = ilham aliyev",
                    ],
                ),
                ("Mr. Smith said", &["Smith = smith"]),
                (
                    "Emmanuel Macron’s office",
                    &["Emmanuel Macron = emmanuel macron"],
                ),
                ("in Samarkand on September 15", &["Samarkand = samarkand"]),
                (
                    "The Trans-Caspian International Transport Route",
                    &[
                        "Trans-Caspian International Transport Route = trans-caspian international transport route",
                    ],
                ),
                ("Central Asia is growing", &["Central Asia = central asia"]),
                ("the O'Neill family", &["O'Neill = o'neill"]),
                (
                    "Secretary-General António Guterres",
                    &["António Guterres = antónio guterres"],
                ),
                (
                    "the Ministry of Foreign Affairs",
                    &["Ministry of Foreign Affairs = ministry of foreign affairs"],
                ),
                ("Astana hosted", &["Astana = astana"]),
                ("Kazakhstan hopes", &["Kazakhstan = kazakhstan"]),
                ("Reuters reported", &["Reuters = reuters"]),
                ("the Aral Sea", &["Aral Sea = aral sea"]),
                ("the Kremlin said", &["Kremlin = kremlin"]),
                ("Armenpress news agency", &["Armenpress = armenpress"]),
                // Negatives.
                ("The talks ended.", &[]),
                ("We hope for peace.", &[]),
                ("During the meeting, they spoke.", &[]),
                ("On Monday it rained.", &[]),
                ("TOKAYEV MEETS PUTIN IN MOSCOW", &[]),
            ],
        );
    }
}
