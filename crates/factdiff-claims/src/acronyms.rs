//! Acronyms, with their definition where the article gives one.
//!
//! A definition is found the way Schwartz and Hearst (2003) do it: a short form in
//! parentheses after a long form whose words' letters spell it ("Trans-Caspian
//! International Transport Route (TITR)"), or the reverse ("TITR (Trans-Caspian ...)").
//! Written by hand: the algorithm is a few lines and no maintained crate implements it.
//! All-capital lines (headlines, Reuters titles) are skipped.

use crate::lexicon::class;
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Lexicons, Sent};

/// Whether a token is an acronym: two to ten capitals (digits and `&` allowed after
/// the first letter), optionally with a plural `s`.
pub(crate) fn short_form(text: &str) -> Option<&str> {
    let core = text
        .strip_suffix('s')
        .filter(|c| {
            c.len() >= 2
                && c.chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
        })
        .unwrap_or(text);
    let caps = core.chars().filter(char::is_ascii_uppercase).count();
    let digits = core.chars().any(|c| c.is_ascii_digit());
    let ok = core.len() <= 10
        && (caps >= 2 || caps == 1 && digits && core.len() <= 4)
        && core.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && core
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    ok.then_some(core)
}

/// The long form that ends right before `before` (a byte offset, just after the `(`)
/// and spells `short`, by the Schwartz-Hearst backward character match: each letter of
/// the short form, from the last, is found in the long form, the first one at the
/// start of a word; the candidate is at most `min(|short| + 5, 2 |short|)` words.
fn long_form_before(
    lex: &Lexicons,
    text: &str,
    sentence_start: usize,
    before: usize,
    short: &str,
) -> Option<(usize, String)> {
    initials_before(lex, text, sentence_start, before, short)
        .or_else(|| schwartz_hearst(text, sentence_start, before, short))
}

/// The text before a short form, without what opens it: a parenthesis ("Japan Bond
/// Research Institute (JBRI)") or a comma and `or` ("Adenosine Deaminase, or ADA").
fn strip_opener(region: &str) -> Option<&str> {
    let region = region.trim_end();
    if let Some(r) = region.strip_suffix('(') {
        return Some(r.trim_end());
    }
    let r = region.strip_suffix("or")?;
    if !r.ends_with(char::is_whitespace) {
        return None;
    }
    Some(r.trim_end().strip_suffix(',')?.trim_end())
}

/// Word initials first: each letter of the short form, from the last, is the initial
/// of a word (words that do not fit are skipped, at most five).
fn initials_before(
    lex: &Lexicons,
    text: &str,
    sentence_start: usize,
    before: usize,
    short: &str,
) -> Option<(usize, String)> {
    let region = strip_opener(&text[sentence_start..before])?;
    let letters: Vec<char> = short
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut li = letters.len();
    let mut skipped = 0;
    let mut first = None;
    // The words of the region read from the end, lazily: only the last few are ever
    // looked at, and splitting the whole sentence before each short form was
    // quadratic in the sentence.
    for (off, w) in words_from_end(region) {
        if li == 0 {
            break;
        }
        let initial = w.chars().next()?.to_lowercase().next()?;
        if lex.context.expansion_skip_words.contains(w) {
            continue;
        }
        if initial == letters[li - 1] {
            li -= 1;
            first = Some(off);
        } else {
            skipped += 1;
            if skipped > 5 {
                return None;
            }
        }
    }
    if li != 0 {
        return None;
    }
    let start = sentence_start + first?;
    Some((
        start,
        text[start..sentence_start + region.len()].trim().to_owned(),
    ))
}

/// The words of `text` (runs of letters, digits and apostrophes) with their offsets,
/// last first.
fn words_from_end(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let in_word = |ch: char| ch.is_alphanumeric() || ch == '\'' || ch == '’';
    let mut rest = text;
    std::iter::from_fn(move || {
        let end = rest
            .char_indices()
            .rev()
            .find(|&(_, ch)| in_word(ch))
            .map(|(idx, ch)| idx + ch.len_utf8())?;
        let start = rest[..end]
            .char_indices()
            .rev()
            .find(|&(_, ch)| !in_word(ch))
            .map_or(0, |(idx, ch)| idx + ch.len_utf8());
        let word = (start, &rest[start..end]);
        rest = &rest[..start];
        Some(word)
    })
}

fn schwartz_hearst(
    text: &str,
    sentence_start: usize,
    before: usize,
    short: &str,
) -> Option<(usize, String)> {
    let region = strip_opener(&text[sentence_start..before])?;
    let n_letters = short.chars().filter(char::is_ascii_alphanumeric).count();
    let max_words = (n_letters + 5).min(2 * n_letters);
    // The candidate: the last `max_words` words of the region.
    let mut cand_start = region.len();
    let mut words = 0;
    // From the end, lazily: the sentence before the parenthesis may be long, and each
    // short form in it would read all of it (quadratic in the sentence).
    for (idx, _) in region.rmatch_indices(' ') {
        words += 1;
        if words >= max_words {
            break;
        }
        cand_start = idx + 1;
    }
    if words < max_words {
        cand_start = 0;
    }
    let long: Vec<char> = region[cand_start..].chars().collect();
    let shorts: Vec<char> = short.chars().collect();
    let mut l = long.len() as isize - 1;
    let mut k = shorts.len() as isize - 1;
    while k >= 0 {
        let c = shorts[k as usize].to_ascii_lowercase();
        if !c.is_ascii_alphanumeric() {
            k -= 1;
            continue;
        }
        while l >= 0
            && (long[l as usize].to_lowercase().next() != Some(c)
                || (k == 0 && l > 0 && long[l as usize - 1].is_alphanumeric()))
        {
            l -= 1;
        }
        if l < 0 {
            return None;
        }
        l -= 1;
        k -= 1;
    }
    let first: usize = long[..(l + 1) as usize]
        .iter()
        .rposition(|c| *c == ' ')
        .map_or(0, |p| p + 1);
    let byte_off: usize = long[..first].iter().map(|c| c.len_utf8()).sum();
    let start = sentence_start + cand_start + byte_off;
    let start = start.min(sentence_start + region.len());
    let long_form = text[start..sentence_start + region.len()].trim();
    // The long form has more words than the short form has letters minus 2, and does
    // not start with a function word.
    let n_words = long_form.split_whitespace().count();
    if long_form.is_empty() || n_words < 2 || long_form.len() <= short.len() {
        return None;
    }
    Some((start, long_form.trim_start_matches("the ").to_owned()))
}

/// Where the sentence at `start` really starts, for a long form before a short one: a
/// line of wrapped text that ends short, before a capital, makes a paragraph of the
/// next line ("Japan Bond Research\nInstitute (JBRI)"); the long form may begin on the
/// lines before, up to two, when they end with no sentence punctuation and the line
/// break is not followed by indentation.
fn soft_start(text: &str, floor: usize, start: usize) -> usize {
    let mut start = start;
    for _ in 0..2 {
        let before = &text[floor..start];
        let Some(line_end) = before.strip_suffix('\n') else {
            break;
        };
        let line = line_end.rsplit('\n').next().unwrap_or("");
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':', ';', '"', '”']) {
            break;
        }
        start = floor + line_end.len() - line.len() + (line.len() - line.trim_start().len());
    }
    start
}

/// Gives a later mention of an acronym the definition an earlier one had ("ATI
/// Technologies (ATI)" ... "the purchase of ATI"). `claims` are in article order.
pub(crate) fn carry_expansions(claims: &mut [Claim]) {
    let mut defined: std::collections::HashMap<String, Box<str>> = std::collections::HashMap::new();
    for c in claims.iter_mut() {
        let ClaimValue::Acronym { short, .. } = &c.value else {
            continue;
        };
        match c.expansion() {
            Some(e) => {
                defined.entry(short.to_string()).or_insert_with(|| e.into());
            }
            None => c.set_expansion(defined.get(&**short).cloned()),
        }
    }
}

/// Extracts the acronyms of one sentence.
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
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
    if letters > 0 && caps * 10 > letters * 6 && s.toks.len() > 3 {
        return; // A headline in capitals.
    }
    let text = &ctx.article.text;
    let sentence_start = soft_start(
        text,
        ctx.article.body.start as usize,
        s.toks.first().map_or(0, |t| t.start as usize),
    );
    for i in 0..s.toks.len() {
        let t = &s.toks[i];
        if s.taken[i] || !t.is_word() {
            continue;
        }
        // "G7" is one acronym: a capital touching digits.
        let (end_idx, surface_end) = if s
            .toks
            .get(i + 1)
            .is_some_and(|n| n.is_num() && !n.space_before && !n.text.contains([',', '.']))
            && t.text.len() == 1
            && t.text.chars().all(|c| c.is_ascii_uppercase())
        {
            (i + 2, s.toks[i + 1].end)
        } else {
            (i + 1, t.end)
        };
        let surface = &text[t.start as usize..surface_end as usize];
        let Some(short) = short_form(surface) else {
            continue;
        };
        // A label in capitals ("NOTE: …") or a sign-off alone in the article's last
        // sentence ("REUTER") is a word in capitals, not an acronym.
        let label = s
            .toks
            .get(end_idx)
            .is_some_and(|n| n.text == ":" && !n.space_before)
            && short.len() >= 4;
        let sign_off = s.toks.iter().filter(|x| x.is_word()).count() == 1
            && s.idx as usize + 1 == ctx.article.sentences.len();
        if label || sign_off {
            continue;
        }
        let short = short.to_owned();
        let known = ctx.lex.known_acronym(&short).is_some();
        let mut c = Claim::new(
            ClaimKind::Acronym,
            factdiff_corpus::Span {
                start: t.start,
                end: surface_end,
            },
            s.idx,
            ClaimValue::Acronym {
                short: ctx.words.intern(&short),
                known,
            },
        );
        let in_parens = i > 0
            && s.toks[i - 1].text == "("
            && s.toks.get(end_idx).is_some_and(|n| n.text == ")");
        // "Adenosine Deaminase, or ADA, is": the long form before a comma and `or`.
        let after_or = i > 1
            && s.toks[i - 1].lower == "or"
            && s.toks[i - 2].text == ","
            && s.toks.get(end_idx).is_none_or(|n| !n.is_word());
        if (in_parens || after_or)
            && let Some((_, long)) = long_form_before(
                ctx.lex,
                text,
                sentence_start,
                s.toks[i - 1].end as usize,
                &short,
            )
        {
            // A long form wrapped over two lines is one phrase.
            c.set_expansion(Some(
                long.split_whitespace().collect::<Vec<_>>().join(" ").into(),
            ));
        } else if s.toks.get(end_idx).is_some_and(|n| n.text == "(") {
            // "TITR (Trans-Caspian International Transport Route)"
            if let Some(close) = s.toks[end_idx..].iter().position(|x| x.text == ")") {
                let inner_start = s.toks.get(end_idx + 1).map(|x| x.start as usize);
                let inner_end = s.toks[end_idx + close].start as usize;
                if let Some(st) = inner_start
                    && st < inner_end
                {
                    let inner = text[st..inner_end].trim();
                    let initials: String = inner
                        .split([' ', '-'])
                        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .filter_map(|w| w.chars().next())
                        .collect();
                    if initials
                        == short
                            .chars()
                            .filter(char::is_ascii_alphabetic)
                            .collect::<String>()
                    {
                        c.set_expansion(Some(inner.into()));
                    }
                }
            }
        }
        // An ordinary word in capitals for emphasis or as a lede's first word ("ONE
        // Australian and one English climber", "brings out EVERY kick"), unless the
        // article defines it or it is a known acronym.
        let lower = short.to_lowercase();
        let ordinary = ctx.lex.class_of(&lower) & (class::STOP | class::NOT_NAME) != 0
            || ctx.lex.number_words.contains_key(lower.as_str());
        if c.expansion().is_none() && !known && ordinary {
            continue;
        }
        s.take(i, end_idx);
        claims.push(c);
    }
}

/// Drops the acronyms that are the first word of a name ("IC Gas said", "IC Industries"):
/// an undefined, unknown acronym that the article writes more than once, always before
/// the same capitalized word. `claims` are in article order.
pub(crate) fn drop_name_parts(text: &str, claims: &mut Vec<Claim>) {
    use std::collections::HashMap;
    let next_word = |c: &Claim| {
        let rest = text[c.span.end as usize..].trim_start_matches([' ', '\n', '\r', '\t']);
        let end = rest
            .find(|ch: char| !ch.is_alphanumeric() && ch != '-')
            .unwrap_or(rest.len());
        let w = &rest[..end];
        let capitalized = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && rest.len() < text.len() - c.span.end as usize;
        capitalized.then_some(w)
    };
    // Per short form: the one word that always follows it, or `None` once it varies,
    // and how often it is written (once says nothing: "EDT Friday").
    let mut follows: HashMap<&str, Option<&str>> = HashMap::new();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for c in claims.iter() {
        let ClaimValue::Acronym { short, known } = &c.value else {
            continue;
        };
        if *known || c.expansion().is_some() {
            follows.insert(short, None);
            continue;
        }
        *times.entry(short).or_default() += 1;
        let w = next_word(c);
        follows
            .entry(short)
            .and_modify(|seen| {
                if *seen != w {
                    *seen = None;
                }
            })
            .or_insert(w);
    }
    let parts: std::collections::HashSet<String> = follows
        .into_iter()
        .filter(|(k, w)| w.is_some() && times.get(k).is_some_and(|&n| n >= 2))
        .map(|(k, _)| k.to_owned())
        .collect();
    if parts.is_empty() {
        return;
    }
    claims.retain(|c| match &c.value {
        ClaimValue::Acronym { short, .. } => !parts.contains(&**short),
        _ => true,
    });
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// Ordinary words in capitals, the first word of a name, and definitions after a
    /// comma and `or` or across a line break (issue 13, second round).
    #[test]
    fn words_in_capitals_name_parts_and_definitions() {
        check_kind(
            ClaimKind::Acronym,
            &[
                ("ONE Australian and one English climber have died.", &[]),
                ("Wylie brings out EVERY kick and more.", &[]),
                (
                    "It gave 33 mln IC Gas ordinary. IC Gas said it noted the offer.",
                    &[],
                ),
                (
                    "The IC unit of IC Gas said it noted the offer.",
                    &["IC = IC | -", "IC = IC | -"],
                ),
                ("The market closed at 1600 EDT Friday.", &["EDT = EDT | -"]),
                // A known acronym is no part of a name.
                (
                    "Wheat at 123.97 dlrs FOB Gulf. Corn at 103.43 dlrs FOB Gulf.",
                    &["FOB = FOB | - (known)", "FOB = FOB | - (known)"],
                ),
                (
                    "    The disease is caused by a missing enzyme, called Adenosine\nDeaminase, or ADA, that is crucial.",
                    &["ADA = ADA | Adenosine Deaminase"],
                ),
                (
                    "    Kyosuke Yoshida, managing director of Japan Bond Research\nInstitute (JBRI), said, \"Agencies should be used.\"",
                    &["JBRI = JBRI | Japan Bond Research Institute"],
                ),
                ("The WHO said so.", &["WHO = WHO | - (known)"]),
            ],
        );
    }

    /// Labels and sign-offs in capitals are no acronyms; a definition carries to
    /// later mentions (issue 13).
    #[test]
    fn labels_sign_offs_and_carried_definitions() {
        check_kind(
            ClaimKind::Acronym,
            &[
                (
                    "Revs 689,000 vs 689,000. NOTE: Full name given. Reuter.",
                    &[],
                ),
                ("The Soviet Union agreed to take it.\nREUTER", &[]),
                (
                    "AMD will buy ATI Technologies (ATI). The purchase of ATI is vital.",
                    &[
                        "AMD = AMD | -",
                        "ATI = ATI | -",
                        "ATI = ATI | ATI Technologies",
                        "ATI = ATI | ATI Technologies",
                    ],
                ),
            ],
        );
    }

    #[test]
    fn acronyms() {
        check_kind(
            ClaimKind::Acronym,
            &[
                (
                    "the Trans-Caspian International Transport Route (TITR) is busy",
                    &["TITR = TITR | Trans-Caspian International Transport Route"],
                ),
                (
                    "the UN Regional Center for Preventive Diplomacy for Central Asia (UNRCCA)",
                    &[
                        "UN = UN | - (known)",
                        "UNRCCA = UNRCCA | UN Regional Center for Preventive Diplomacy for Central Asia",
                    ],
                ),
                ("Kazakhstan supports UN reform", &["UN = UN | - (known)"]),
                (
                    "the EU and NATO",
                    &["EU = EU | - (known)", "NATO = NATO | - (known)"],
                ),
                (
                    "the CIS and the OSCE",
                    &["CIS = CIS | - (known)", "OSCE = OSCE | - (known)"],
                ),
                (
                    "CSTO and EAEU partners",
                    &["CSTO = CSTO | - (known)", "EAEU = EAEU | - (known)"],
                ),
                ("GDP grew", &["GDP = GDP | - (known)"]),
                ("the IT sector", &["IT = IT | - (known)"]),
                ("the G7 leaders", &["G7 = G7 | - (known)"]),
                (
                    "the Shanghai Cooperation Organisation (SCO) summit",
                    &["SCO = SCO | Shanghai Cooperation Organisation (known)"],
                ),
                (
                    "the Organization for Security and Co-operation in Europe (OSCE)",
                    &["OSCE = OSCE | Organization for Security and Co-operation in Europe (known)"],
                ),
                (
                    "the Conference on Interaction and Confidence-Building Measures in Asia (CICA)",
                    &[
                        "CICA = CICA | Conference on Interaction and Confidence-Building Measures in Asia (known)",
                    ],
                ),
                (
                    "the Eurasian Economic Union (EAEU)",
                    &["EAEU = EAEU | Eurasian Economic Union (known)"],
                ),
                ("the XYZQ group", &["XYZQ = XYZQ | -"]),
                ("NGOs said", &["NGOs = NGO | -"]),
                (
                    "the AIF (Astana International Forum)",
                    &["AIF = AIF | Astana International Forum"],
                ),
                (
                    "the Organization of Turkic States (OTS)",
                    &["OTS = OTS | Organization of Turkic States"],
                ),
                (
                    "the Collective Security Treaty Organization (CSTO)",
                    &["CSTO = CSTO | Collective Security Treaty Organization (known)"],
                ),
                (
                    "the International Monetary Fund (IMF)",
                    &["IMF = IMF | International Monetary Fund (known)"],
                ),
                (
                    "the World Health Organization (WHO)",
                    &["WHO = WHO | World Health Organization (known)"],
                ),
                ("the BRICS group", &["BRICS = BRICS | - (known)"]),
                ("ACME (Totally Unrelated Words) said", &["ACME = ACME | -"]),
                (
                    "the Caspian Pipeline Consortium (CPC)",
                    &["CPC = CPC | Caspian Pipeline Consortium"],
                ),
                (
                    "the European Bank for Reconstruction and Development (EBRD)",
                    &["EBRD = EBRD | European Bank for Reconstruction and Development"],
                ),
                (
                    "the Asian Development Bank (ADB)",
                    &["ADB = ADB | Asian Development Bank"],
                ),
                (
                    "the North Atlantic Treaty Organization (NATO)",
                    &["NATO = NATO | North Atlantic Treaty Organization (known)"],
                ),
                (
                    "the Commonwealth of Independent States (CIS)",
                    &["CIS = CIS | Commonwealth of Independent States (known)"],
                ),
                ("US officials", &["US = US | - (known)"]),
                ("the AI boom", &["AI = AI | - (known)"]),
                ("the USSR collapsed", &["USSR = USSR | - (known)"]),
                // Negatives.
                ("I went home", &[]),
                ("A new deal", &[]),
                ("KAZAKHSTAN SIGNS DEAL WITH ARMENIA", &[]),
                ("the Kazakh leader", &[]),
            ],
        );
    }
}
