//! Acronyms, with their definition where the article gives one.
//!
//! A definition is found the way Schwartz and Hearst (2003) do it: a short form in
//! parentheses after a long form whose words' letters spell it ("Trans-Caspian
//! International Transport Route (TITR)"), or the reverse ("TITR (Trans-Caspian ...)").
//! Written by hand: the algorithm is a few lines and no maintained crate implements it.
//! All-capital lines (headlines, Reuters titles) are skipped.

use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

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
    text: &str,
    sentence_start: usize,
    before: usize,
    short: &str,
) -> Option<(usize, String)> {
    initials_before(text, sentence_start, before, short)
        .or_else(|| schwartz_hearst(text, sentence_start, before, short))
}

/// Word initials first: each letter of the short form, from the last, is the initial
/// of a word (words that do not fit are skipped, at most five).
fn initials_before(
    text: &str,
    sentence_start: usize,
    before: usize,
    short: &str,
) -> Option<(usize, String)> {
    let region = text[sentence_start..before].trim_end();
    let region = region.strip_suffix('(')?.trim_end();
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
        if ["of", "and", "for", "the", "on", "in", "to", "de"].contains(&w) {
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
    let region = text[sentence_start..before].trim_end();
    let region = region.strip_suffix('(')?.trim_end();
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

/// Extracts the acronyms of one sentence.
/// Gives a later mention of an acronym the definition an earlier one had ("ATI
/// Technologies (ATI)" ... "the purchase of ATI"). `claims` are in article order.
pub(crate) fn carry_expansions(claims: &mut [Claim]) {
    let mut defined: std::collections::HashMap<String, Box<str>> = std::collections::HashMap::new();
    for c in claims.iter_mut() {
        let ClaimValue::Acronym { short, .. } = &c.value else {
            continue;
        };
        match &c.expansion {
            Some(e) => {
                defined.entry(short.clone()).or_insert_with(|| e.clone());
            }
            None => c.expansion = defined.get(short).cloned(),
        }
    }
}

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
    let sentence_start = s.toks.first().map_or(0, |t| t.start as usize);
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
                short: short.clone(),
                known,
            },
        );
        let in_parens = i > 0
            && s.toks[i - 1].text == "("
            && s.toks.get(end_idx).is_some_and(|n| n.text == ")");
        if in_parens
            && let Some((_, long)) =
                long_form_before(text, sentence_start, s.toks[i - 1].end as usize, &short)
        {
            c.expansion = Some(long.into());
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
                        c.expansion = Some(inner.into());
                    }
                }
            }
        }
        s.take(i, end_idx);
        claims.push(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

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
