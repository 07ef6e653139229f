//! Quotations: “…”, «…», "…", ‘…’, across sentence ends and paragraph breaks (a
//! paragraph that opens a quote without closing the one before continues it), with the
//! speaker when attributed ("…," he said; X said: “…”; according to X), a pronoun
//! resolved to the nearest person named before.
//!
//! Written by hand: pairing quotation marks with news conventions (continued
//! paragraphs, apostrophes that look like closing single quotes) is a small state
//! machine that no crate provides.

use factdiff_corpus::Span;

use crate::token::tokenize;
use crate::{Claim, ClaimKind, ClaimValue, Ctx};

const MAX_QUOTE: usize = 4000;

const MIN_WORDS: usize = 3;

/// At most this many words between a speech verb and the quotation after it ("McNab
/// said, however, that Ronald and Rapier “…”"); farther, the quotation belongs to
/// another clause ("He said the union ... billed as its “best and final offer.”").
const MAX_GAP_BEFORE: usize = 8;

/// At most this many words between a speech verb and a quotation of a whole sentence
/// set off by a comma or colon after it ("He said that even though Herrington's
/// recommendation did not agree with existing policy, “We'll take a look at it.”").
const MAX_GAP_BEFORE_SENTENCE: usize = 30;

fn closer_of(open: char) -> Option<char> {
    Some(match open {
        '“' => '”',
        '«' => '»',
        '"' => '"',
        '‘' => '’',
        '„' => '“',
        _ => return None,
    })
}

/// The quotations of the article's body: `(outer span, inner span)`.
fn find_quotes(text: &str, body: Span) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    let start = body.start as usize;
    let end = body.end as usize;
    let mut i = start;
    while i < end {
        let Some(c) = text[i..end].chars().next() else {
            break;
        };
        let Some(close) = closer_of(c) else {
            i += c.len_utf8();
            continue;
        };
        let prev = text[..i].chars().next_back();
        // An opening mark follows space, a line start or an opening bracket/dash.
        // An ASCII mark after other punctuation ("calculation," he said) closes a
        // quotation: it opens none.
        if prev.is_some_and(|p| {
            p.is_alphanumeric()
                || (c == '"' && (p == '"' || !(p.is_whitespace() || "([{—–-/".contains(p))))
        }) {
            i += c.len_utf8();
            continue;
        }
        let inner_start = i + c.len_utf8();
        let mut k = inner_start;
        let mut found = None;
        // ASCII quotations opened inside this one and not closed yet.
        let mut nested = 0usize;
        while k < end && k - inner_start < MAX_QUOTE {
            let Some(d) = text[k..end].chars().next() else {
                break;
            };
            // An ASCII mark after white space and before a word opens a nested
            // quotation ("We can't say "yes"...", a "white knight" right now,"): it
            // closes nothing, and the next closing mark closes it, not this one.
            let after_space = c == '"'
                && text[..k]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace);
            if d == '"' && after_space {
                if text[k + 1..end]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                {
                    nested += 1;
                }
            } else if d == close && k > inner_start && c == '"' && nested > 0 {
                nested -= 1;
            } else if d == close && k > inner_start && !after_space {
                let next = text[k + d.len_utf8()..].chars().next();
                // ’ inside a word is an apostrophe (Kazakhstan’s).
                let apostrophe = d == '’' && next.is_some_and(char::is_alphabetic);
                if !apostrophe {
                    found = Some(k);
                    break;
                }
            } else if d == c && c != close {
                // A new opening mark: a continued paragraph if a line break came
                // between, else the quote was never closed.
                if !text[inner_start..k].contains('\n') {
                    break;
                }
            } else if c == '"' && d == '\n' && paragraph_break(text, k) {
                // ASCII quotes continue over a wrapped line, and into a new paragraph
                // only when it opens with one.
                let rest = text[k..end].trim_start();
                if !rest.starts_with('"') {
                    break;
                }
                k = end - rest.len() + 1;
                continue;
            }
            k += d.len_utf8();
        }
        match found {
            Some(close_at) => {
                let inner = Span::new(inner_start, close_at);
                let outer = Span::new(i, close_at + close.len_utf8());
                out.push((outer, inner));
                i = outer.end as usize;
            }
            None => i = inner_start,
        }
    }
    out
}

/// Cleans a quotation's text: marks of continued paragraphs and nested ASCII marks
/// dropped, white space folded, a trailing comma dropped.
fn clean(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    for w in inner.split_whitespace() {
        // ASCII marks of a nested quotation ("a "white knight" right now") go on
        // both sides; an ASCII mark is never an apostrophe.
        let w = w.trim_start_matches(['“', '"', '«']).trim_end_matches('"');
        let w = if w.ends_with('”') && !w.is_empty() {
            &w[..w.len() - '”'.len_utf8()]
        } else {
            w
        };
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches([',', ' ']).to_owned()
}

struct Person {
    start: u32,
    name: String,
    /// Whether a speech verb is next to the name ("Fekete said", "said Fekete"): the
    /// name is someone who speaks in the article, not a company or a bond market.
    speaks: bool,
    /// Whether the name opens its sentence (after titles at most): the subject a
    /// pronoun in the next sentence refers to ("Zelenskyy spoke. He recalled ...").
    subject: bool,
    /// Where the name's sentence starts.
    sentence: u32,
}

/// How far before a quotation a pronoun looks for someone who spoke ("Fekete said he
/// hoped ... “…,” he said"), in bytes: about two paragraphs of news.
const SPEAKER_REACH: u32 = 1200;

/// Whether a speech verb is right next to the name at `span`: the word after it
/// (or after "also"), or the word before it ("said Fekete").
fn next_to_speech_verb(ctx: &Ctx, text: &str, span: Span) -> bool {
    let is_verb = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        ctx.lex.speech_verbs.contains(w.as_str())
    };
    let after = &text[span.end as usize..];
    let after = after.strip_prefix("'s").unwrap_or(after);
    let after = after.strip_prefix("’s").unwrap_or(after);
    // A comma right after the name opens an apposition, not an attribution.
    let mut words = after.split_whitespace();
    let next_ok = !after.starts_with([',', '.', ';', ':']);
    let next = words.next().unwrap_or("");
    let next = if next.eq_ignore_ascii_case("also") {
        words.next().unwrap_or("")
    } else {
        next
    };
    // "said Fekete." / "said Tokayev, adding": the name ends the clause; "noted Hungary
    // had" makes Hungary the subject of what was said, not a speaker.
    let before = text[..span.start as usize].trim_end();
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let ends_clause = after.is_empty() || after.starts_with([',', '.', ';']);
    // "Horton's mother, Denise Peace, said": a name set off by commas before the verb
    // is the subject's apposition, and so the speaker.
    let apposition = before.ends_with(',')
        && after
            .strip_prefix(',')
            .and_then(|a| a.split_whitespace().next())
            .is_some_and(is_verb);
    apposition
        || (next_ok && is_verb(next))
        || (ends_clause && !prev.ends_with([',', '.', '”', '"']) && is_verb(prev))
}

/// People named in the article, in order: names after a title, or of two or three
/// capitalized words, and a single word that speaks ("Fekete said") or is the surname
/// of someone named before.
fn persons(ctx: &Ctx, claims: &[Claim]) -> Vec<Person> {
    let text = &ctx.article.text;
    let mut out: Vec<Person> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Name)
        .filter_map(|c| {
            let surface = &text[c.span.range()];
            let speaks = next_to_speech_verb(ctx, text, c.span);
            let sentence_start = ctx
                .article
                .sentence_at(c.span.start)
                .map_or(c.span.start, |s| s.span.start);
            let subject = text[sentence_start as usize..c.span.start as usize]
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let before = text[..c.span.start as usize].trim_end();
            let last_word = before
                .rsplit(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("");
            let last_lower = last_word.trim_end_matches([',', '.']).to_lowercase();
            let after_title = ctx.lex.titles.contains(last_lower.as_str());
            let words = surface.split_whitespace().count();
            let person_like = || {
                (2..=3).contains(&words)
                    && surface
                        .split_whitespace()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    && !surface.split_whitespace().any(|w| {
                        let lw = w.to_lowercase();
                        let lw = lw.trim_end_matches("'s").trim_end_matches("’s");
                        let places = &ctx.lex.context.place_org_words;
                        places.contains(lw) || places.contains(lw.trim_end_matches('s'))
                    })
            };
            let single_word = words == 1
                && surface.chars().next().is_some_and(char::is_uppercase)
                && !ctx
                    .lex
                    .context
                    .place_org_words
                    .contains(surface.to_lowercase().as_str());
            // A name right after an article that does not speak modifies a noun or
            // names a thing ("the Ida Yarbrough apartments", "a Toyota plant"): no
            // one a pronoun refers to.
            let modifier = ctx.lex.context.determiners.contains(last_lower.as_str()) && !speaks;
            ((after_title || person_like() || single_word) && !modifier).then(|| Person {
                start: c.span.start,
                // A name wrapped over two lines is one name.
                name: surface.split_whitespace().collect::<Vec<_>>().join(" "),
                speaks: speaks || after_title,
                subject,
                sentence: sentence_start,
            })
        })
        .collect();
    // A surname alone takes the full name given earlier; another single word is a
    // person only when it speaks.
    let mut kept: Vec<Person> = Vec::with_capacity(out.len());
    for mut p in out.drain(..) {
        if !p.name.contains(' ') {
            let full = kept
                .iter()
                .rev()
                .find(|q| q.name.ends_with(&format!(" {}", p.name)))
                .map(|q| q.name.clone());
            match full {
                Some(full) => p.name = full,
                None if !p.speaks => continue,
                None => {}
            }
        }
        kept.push(p);
    }
    kept
}

/// The person a pronoun refers to, looked for before `at` (the quotation's start for a
/// pronoun after it, the pronoun itself before one): the last person named
/// before it when that name is a sentence's subject, else that sentence's subject when
/// it is a person's full name (or a surname of one named before) who spoke there
/// ("Dolný said he would stay until President Zuzana Kráľová appoints a cabinet. “…,”
/// he said": Dolný, not the name his clause goes on to; not "Police said ..."), else the last
/// one who spoke not long before it, else the last person named before it. A person
/// whose surname the
/// pronoun's own clause names after it (“…,” he testified, Timmons pulled the
/// trigger) is someone else.
fn antecedent(people: &[Person], at: u32, clause_after: &str) -> Option<String> {
    let named_after = |p: &Person| {
        let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
        clause_after
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == surname)
    };
    let mut before = people
        .iter()
        .rev()
        .filter(|p| p.start < at && !named_after(p));
    let nearest = before.clone().next()?;
    if nearest.subject {
        return Some(nearest.name.clone());
    }
    if let Some(subject) = before
        .clone()
        .take_while(|p| p.sentence == nearest.sentence)
        .find(|p| p.subject && p.speaks && p.name.contains(' '))
    {
        return Some(subject.name.clone());
    }
    before
        .find(|p| p.speaks && p.start + SPEAKER_REACH >= at)
        .unwrap_or(nearest)
        .name
        .clone()
        .into()
}

fn full_name(people: &[Person], name: &str) -> String {
    if !name.contains(' ')
        && let Some(p) = people
            .iter()
            .find(|p| p.name.ends_with(&format!(" {name}")))
    {
        return p.name.clone();
    }
    name.to_owned()
}

/// Where a quotation's speaker is looked for: `text[from..to]`, after the closing
/// mark or before the opening one of the quotation that starts at `quote_start`.
#[derive(Clone, Copy)]
struct Window {
    from: usize,
    to: usize,
    after: bool,
    quote_start: u32,
}

/// A quotation's speaker, and whether it was found through a pronoun ("he said").
struct Speaker {
    name: String,
    via_pronoun: bool,
}

/// The speaker named in the window (text around a quote): a name or pronoun next to a
/// speech verb.
fn speaker_in(ctx: &Ctx, text: &str, window: Window, people: &[Person]) -> Option<Speaker> {
    let Window {
        from,
        to,
        after,
        quote_start,
    } = window;
    let toks = tokenize(text, from, to);
    let verb_at = toks
        .iter()
        .position(|t| ctx.lex.speech_verbs.contains(t.lower.as_ref()) || t.lower == "according")?;
    let is_name = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_capitalized()
                && !ctx.lex.context.speaker_pronouns.contains(t.lower.as_ref())
                && !ctx.lex.not_names.contains(t.lower.as_ref())
        })
    };
    // Whether the token at `j` is the dot of a title ("Ms. Davis").
    let title_dot = |j: usize| {
        j >= 1
            && toks.get(j).is_some_and(|t| t.text == ".")
            && ctx.lex.titles.contains(toks[j - 1].lower.as_ref())
    };
    let name_run = |k: usize, forward: bool| -> Option<String> {
        let mut a = k;
        let mut b = k + 1;
        if forward {
            loop {
                if is_name(b) && toks[b].space_before {
                    b += 1;
                } else if toks.get(b).is_some_and(|t| t.text == ".")
                    && toks[b - 1].text.len() == 1
                    && is_name(b + 1)
                {
                    // An initial: "Edward J. Markey".
                    b += 2;
                } else if title_dot(b) && is_name(b + 1) {
                    // A title's dot: "Brig. Gen. Rodolfo Dizon", dropped below.
                    b += 2;
                } else {
                    break;
                }
            }
        } else {
            loop {
                if a > 0 && is_name(a - 1) && toks[a].space_before {
                    a -= 1;
                } else if a > 1
                    && toks[a - 1].text == "."
                    && toks[a - 2].text.len() == 1
                    && is_name(a - 2)
                {
                    // An initial: "John F. Kennedy".
                    a -= 2;
                } else if a > 1
                    && ctx.lex.context.name_particles.contains(toks[a - 1].text)
                    && is_name(a - 2)
                    && toks[a].space_before
                    && toks[a - 1].space_before
                {
                    // A surname's particle: "Gerhard de Kock".
                    a -= 2;
                } else {
                    break;
                }
            }
        }
        // Drop titles and what comes before them ("Kazakh President").
        if let Some(t) = (a..b)
            .rev()
            .find(|&k| ctx.lex.titles.contains(toks[k].lower.trim_end_matches('.')))
        {
            a = t + 1;
            // and its dot ("Gen. Norman Schwarzkopf").
            if a < b && toks[a].text == "." {
                a += 1;
            }
        }
        (a < b && can_speak(ctx, &toks, a, b)).then(|| {
            let s = &text[toks[a].start as usize..toks[b - 1].end as usize];
            let s = s.trim_end_matches("’s").trim_end_matches("'s");
            // A name wrapped over two lines is one name.
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        })
    };
    // A speaker pronoun at `k`: where its antecedent is looked for before (the
    // quotation's start when the pronoun follows it), and the rest of its clause.
    let pronoun = |k: usize| {
        toks.get(k)
            .filter(|t| ctx.lex.context.speaker_pronouns.contains(t.lower.as_ref()))
            .map(|t| {
                let at = if after { quote_start } else { t.start };
                (at, &text[t.end as usize..to])
            })
    };
    // The end of a person's name that opens the window at `k`: a name the article
    // gives as a person's (or its surname).
    let opening_name = |k: usize| -> Option<usize> {
        let mut end = k;
        while is_name(end) && (end == k || toks[end].space_before) {
            end += 1;
        }
        (end > k && end < toks.len()).then_some(())?;
        let name = text[toks[k].start as usize..toks[end - 1].end as usize]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        people
            .iter()
            .any(|p| {
                p.name == name
                    || p.name
                        .strip_suffix(name.as_str())
                        .is_some_and(|first| first.ends_with(' '))
            })
            .then_some(end)
    };
    let resolve = |name: Option<String>, pron: Option<(u32, &str)>| -> Option<Speaker> {
        if let Some(n) = name {
            return Some(Speaker {
                name: full_name(people, &n),
                via_pronoun: false,
            });
        }
        let (at, clause_after) = pron?;
        Some(Speaker {
            name: antecedent(people, at, clause_after)?,
            via_pronoun: true,
        })
    };
    if toks[verb_at].lower == "according" {
        // "according to X"
        if toks.get(verb_at + 1).is_some_and(|t| t.lower == "to") {
            let k = if toks.get(verb_at + 2).is_some_and(|t| t.lower == "the") {
                verb_at + 3
            } else {
                verb_at + 2
            };
            return resolve(if is_name(k) { name_run(k, true) } else { None }, None);
        }
        return None;
    }
    if after {
        // ”, he said / ”, said Tokayev / ” Tokayev said
        if verb_at == 0 {
            // "said analyst Carole Berger": up to two lower-case words (a title)
            // before the name.
            let k = (1..=3)
                .find(|&k| {
                    is_name(k)
                        || pronoun(k).is_some()
                        || !toks
                            .get(k)
                            .is_some_and(|t| t.is_word() && !t.is_capitalized())
                })
                .unwrap_or(1);
            // "said a prominent House leader": a capitalized word after lower-case
            // words, itself before a noun, modifies that noun; it is no one's name.
            if k > 1 && is_name(k) {
                let mut end = k + 1;
                while is_name(end) && toks[end].space_before {
                    end += 1;
                }
                if toks.get(end).is_some_and(|t| {
                    t.is_word()
                        && !t.is_capitalized()
                        && !ctx.lex.stopwords.contains(t.lower.as_ref())
                }) {
                    return None;
                }
            }
            if is_name(k) {
                // "said Microsoft security chief Christopher Budd", "said Ms. Davis's
                // sister Crystal": a name, then lower-case words of a title or a tie,
                // then a name: the last name that can speak is the speaker; the first
                // one modifies the title.
                let mut runs = vec![k];
                let mut j = k + 1;
                let mut words = 0;
                while let Some(t) = toks.get(j) {
                    if is_name(j) {
                        if !is_name(j - 1) && !title_dot(j - 1) {
                            runs.push(j);
                        }
                    } else if !(title_dot(j)
                        || (t.is_word()
                            && !t.is_capitalized()
                            && !ctx.lex.stopwords.contains(t.lower.as_ref())
                            // A verb's form ends the noun phrase ("said Smith after
                            // meeting Jones").
                            && !t.lower.ends_with("ing")
                            && !t.lower.ends_with("ed")))
                    {
                        break;
                    }
                    words += 1;
                    if words > 8 {
                        break;
                    }
                    j += 1;
                }
                let later = runs[1..].iter().rev().find_map(|&r| name_run(r, true));
                return resolve(later.or_else(|| name_run(k, true)), None);
            }
            return resolve(None, pronoun(k));
        }
        // ” James Steele, chief of the fire department, told …: the name that opens
        // the window, when a comma follows it and the verb comes after the apposition.
        // So too when the word before the verb ends a company's name that is no
        // person's (” Krapels, president of Energy Security Analysis, Inc said).
        let person_before_verb = || {
            is_name(verb_at - 1)
                && name_run(verb_at - 1, false).is_some_and(|n| {
                    people
                        .iter()
                        .any(|p| p.name == n || p.name.ends_with(&format!(" {n}")))
                })
        };
        if is_name(0)
            && let Some(comma) = toks.iter().position(|t| t.text == ",")
            && comma > 0
            && comma < verb_at
            && (0..comma).all(|j| is_name(j) || toks[j].text == ".")
            && (toks[verb_at - 1].text == ","
                || (is_name(verb_at - 1) && !person_before_verb())
                // ” Burnell Roberts, chairman and chief executive officer said.
                || (toks[comma + 1..verb_at]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized())
                    && comma + 1 < verb_at))
        {
            return resolve(name_run(comma - 1, false), None);
        }
        // ” Shuichi Takemoto of the Foreign Ministry told …: a person named at the
        // window's start, then what he speaks for, then the verb.
        if let Some(end) = opening_name(0)
            && end < verb_at
            && ctx
                .lex
                .context
                .place_before
                .contains(toks[end].lower.as_ref())
        {
            return resolve(name_run(end - 1, false), None);
        }
        // ,” Macron had told the summit / ,” Smith also said: up to two words of the
        // attribution between the speaker and the verb, when the quotation ends on a
        // comma (the attribution's clause goes on). After a quotation that ends its
        // sentence ('... aid Du Pont." He also noted'; '... apparent." President Reagan
        // has said'), the next sentence is another statement.
        let goes_on = text[..from]
            .trim_end_matches(['"', '”', '\'', '’'])
            .ends_with(',');
        let mut k = verb_at - 1;
        for _ in 0..2 {
            if goes_on
                && k > 0
                && ctx
                    .lex
                    .context
                    .attribution_adverbs
                    .contains(toks[k].lower.as_ref())
            {
                k -= 1;
            }
        }
        // ” the Daily News quoted witness Devonte Brown as saying.
        if toks[k].lower == "as" && k > 0 && is_name(k - 1) {
            return resolve(name_run(k - 1, false), None);
        }
        return resolve(
            if is_name(k) { name_run(k, false) } else { None },
            pronoun(k),
        );
    }
    // A quotation of a whole sentence, set off by a comma or colon ("He said that even
    // though …, “We'll take a look at it.”"), is what the verb says even when a
    // clause comes between; a phrase quoted inside a clause may be someone else's.
    let whole_sentence = text[..to].trim_end().ends_with([',', ':'])
        && text[to..].chars().nth(1).is_some_and(char::is_uppercase);
    // X said: “ / X said that “ / he noted: “ / Hawke said business “…”: the speech
    // verb nearest the quotation whose subject can be found, with few words between
    // them (the quotation is what the verb says, not a phrase of a later clause).
    for verb_at in (0..toks.len()).rev() {
        if !ctx.lex.speech_verbs.contains(toks[verb_at].lower.as_ref()) {
            continue;
        }
        let gap = toks[verb_at + 1..].iter().filter(|t| t.is_word()).count();
        if gap > MAX_GAP_BEFORE && !(whole_sentence && gap <= MAX_GAP_BEFORE_SENTENCE) {
            return None;
        }
        let Some(k) = verb_at.checked_sub(1) else {
            continue;
        };
        let k = if ctx
            .lex
            .context
            .attribution_adverbs
            .contains(toks[k].lower.as_ref())
        {
            let Some(k) = k.checked_sub(1) else {
                continue;
            };
            k
        } else {
            k
        };
        if is_name(k) {
            // "Herbert Flynn of Fort Coffee said": a person (a full name, or one the
            // article gives as a person's), then where he is from or what he speaks
            // for; the person speaks.
            let mut a = k;
            while a > 0 && is_name(a - 1) && toks[a].space_before {
                a -= 1;
            }
            if a >= 3 && toks[a - 1].lower == "the" {
                a -= 1;
            }
            if a >= 2
                && ctx
                    .lex
                    .context
                    .place_before
                    .contains(toks[a - 1].lower.as_ref())
                && is_name(a - 2)
                && let Some(person) = name_run(a - 2, false)
                && (person.contains(' ') || people.iter().any(|p| p.name == person))
            {
                return resolve(Some(person), None);
            }
            return resolve(name_run(k, false), None);
        }
        if let Some(pron) = pronoun(k) {
            return resolve(None, Some(pron));
        }
        // "quoted chairman Simon Keswick as saying: “…”"
        if toks[k].lower == "as" && k > 0 && is_name(k - 1) {
            return resolve(name_run(k - 1, false), None);
        }
        // Betsy Loyless, senior vice president of the society, said, “…”: the name
        // that opens the sentence, when an apposition or a clause closes before the
        // verb.
        if (toks[k].text == "," || toks[k].lower == "and")
            && let Some(comma) = toks.iter().position(|t| t.text == ",")
            && comma > 0
            && comma < k
            && (0..comma).all(|j| is_name(j) || toks[j].text == ".")
        {
            return resolve(name_run(comma - 1, false), None);
        }
        // President Obama directed …, stating that “…”; Larry Holder puts this …,
        // saying Bush “…”: a participle of speech after a comma speaks for the
        // sentence's subject, the first person it names, when a verb or an apposition
        // follows that name.
        if toks[k].text == "," && toks[verb_at].lower.ends_with("ing") {
            if let Some(pron) = pronoun(0) {
                return resolve(None, Some(pron));
            }
            let verb_start = toks[verb_at].start;
            let subject = people
                .iter()
                .filter(|p| p.start >= from as u32 && p.start < verb_start)
                .find_map(|p| {
                    let j = toks.iter().position(|t| t.start == p.start)?;
                    let mut e = j + 1;
                    while is_name(e) && toks[e].space_before {
                        e += 1;
                    }
                    let next = toks.get(e)?;
                    let verb_next = next.text == ","
                        || (next.is_word()
                            && !next.is_capitalized()
                            && !ctx.lex.stopwords.contains(next.lower.as_ref()));
                    verb_next.then(|| name_run(e - 1, false)).flatten()
                });
            if subject.is_some() {
                return resolve(subject, None);
            }
        }
        // Lyons said that … and added, “…”: a second speech verb of the sentence's
        // subject, who spoke first at its start.
        if toks[k].lower == "and" || (toks[k].text == "," && k > 0 && toks[k - 1].lower == "and") {
            let said = |j: usize| {
                toks.get(j)
                    .is_some_and(|t| ctx.lex.speech_verbs.contains(t.lower.as_ref()))
            };
            if let Some(pron) = pronoun(0)
                && said(1)
            {
                return resolve(None, Some(pron));
            }
            if let Some(end) = opening_name(0)
                && said(end)
            {
                return resolve(name_run(end - 1, false), None);
            }
        }
    }
    None
}

/// Whether the line break at `at` ends a paragraph: the next line is blank or
/// indented. A line break of wrapped text (Reuters wraps at 65 columns) ends nothing,
/// whatever the line's length: the attribution often stands on the next line.
fn paragraph_break(text: &str, at: usize) -> bool {
    let next = &text[at + 1..];
    let line = next.split('\n').next().unwrap_or("");
    // A line that ends a sentence or a quotation ends its paragraph too: the next
    // line is not an attribution wrapped onto it.
    // ("said.”", "energy shortage."; not "today,\"" nor the "U.S." of a wrapped line).
    let line_end = text[..at]
        .trim_end_matches([' ', '\t', '\r'])
        .trim_end_matches(['”', '"', '»', '’']);
    let word = line_end
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', '!', '?']);
    let initial = word
        .rsplit('.')
        .next()
        .is_some_and(|w| w.chars().count() == 1);
    let ends = line_end.ends_with(['.', '!', '?']) && !initial;
    ends || line.trim().is_empty() || next.starts_with([' ', '\t'])
}

/// Where the sentence of a quotation's opening mark at `at` starts, not before
/// `floor`: after the last sentence end (`.`, `!`, `?` before white space,
/// perhaps after a closing mark) or paragraph break. Read from the text, not from the
/// article's sentences: a wrapped line that ends short before a capital or a quotation
/// mark starts a paragraph there, cutting "Hawke said business" from its quotation.
fn sentence_start_before(text: &str, floor: usize, at: usize) -> usize {
    let mut from = floor;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let region = &text[from..at];
    let mut start = from;
    for (off, ch) in region.char_indices() {
        let after = &region[off + ch.len_utf8()..];
        let ends = match ch {
            '.' | '!' | '?' => after
                .trim_start_matches(['"', '”', '’', '\''])
                .starts_with(char::is_whitespace),
            '\n' => paragraph_break(text, from + off),
            _ => false,
        };
        if ends {
            start = from + off + ch.len_utf8();
        }
    }
    start
}

/// Where the window after a closing mark ends: at the first sentence end, opening
/// mark or paragraph break. The dot of a title or an initial ("”, Mr. Rosenstein
/// said", "”, John F. Kennedy said") ends no sentence.
fn window_end(ctx: &Ctx, text: &str, from: usize, to: usize) -> usize {
    let mut k = from;
    while let Some(p) = text[k..to].find(['.', '“', '"', '«', '\n']) {
        let at = k + p;
        if text[at..].starts_with('\n') {
            if paragraph_break(text, at) {
                return at;
            }
            k = at + 1;
            continue;
        }
        if text[at..].starts_with('.') {
            let word = text[from..at]
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let lower = word.to_lowercase();
            let initial = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
            if !word.is_empty()
                && (initial
                    || ctx.lex.titles.contains(lower.as_str())
                    || ctx.lex.titles.contains(format!("{lower}.").as_str()))
            {
                k = at + 1;
                continue;
            }
        }
        return at;
    }
    to
}

/// Whether a quoted text is a title of a book, film or show ("War and Peace", "The
/// Late Show"): every word capitalized but the short function words, and no
/// punctuation of speech at its end. A quotation of speech ends with one ("We will
/// win,") or has lower-case words.
fn is_title(ctx: &Ctx, quoted: &str) -> bool {
    if quoted.ends_with(['.', ',', '!', '?', ':', ';']) {
        return false;
    }
    let mut capitals = 0;
    for w in quoted.split_whitespace() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() || first.is_numeric() {
            capitals += 1;
        } else if !ctx.lex.stopwords.contains(w.to_lowercase().as_str()) {
            return false;
        }
    }
    capitals >= 2
}

/// Whether the name run `a..b` of `toks` can speak: not a weekday or month, not a
/// place after a preposition ("police in Los Angeles said": the police spoke), and not
/// only words that never start a name.
fn can_speak(ctx: &Ctx, toks: &[crate::token::Tok], a: usize, b: usize) -> bool {
    use crate::lexicon::class;
    let classes = |k: usize| ctx.lex.class_of(toks[k].lower.as_ref());
    if b == a + 1 && classes(a) & (class::MONTH | class::WEEKDAY) != 0 {
        return false;
    }
    if (a..b).all(|k| classes(k) & (class::NOT_NAME | class::WEEKDAY | class::MONTH) != 0) {
        return false;
    }
    !(a > 0
        && toks[a - 1].is_word()
        && !toks[a - 1].is_capitalized()
        && ctx
            .lex
            .context
            .place_before
            .contains(toks[a - 1].lower.as_ref()))
}

/// Adds the quotations of the article to `claims` (which already hold its names).
pub(crate) fn extract(ctx: &Ctx, claims: &mut Vec<Claim>) {
    let text = &ctx.article.text;
    // The people of the article, found when a first quotation asks (most articles
    // have none).
    let mut people: Option<Vec<Person>> = None;
    let mut found = Vec::new();
    for (outer, inner) in find_quotes(text, ctx.article.body) {
        let quoted = clean(&text[inner.range()]);
        if quoted.split_whitespace().count() < MIN_WORDS || is_title(ctx, &quoted) {
            continue;
        }
        let people = people.get_or_insert_with(|| persons(ctx, claims));
        // After the closing mark, within the sentence: ”, he said.
        let mut after_end = (outer.end as usize + 80).min(text.len());
        while !text.is_char_boundary(after_end) {
            after_end -= 1;
        }
        let after_end = window_end(ctx, text, outer.end as usize, after_end);
        let mut speaker = speaker_in(
            ctx,
            text,
            Window {
                from: outer.end as usize,
                to: after_end,
                after: true,
                quote_start: outer.start,
            },
            people,
        );
        // Before the opening mark, within its sentence: X said: “ — also when the
        // words after it only gave a pronoun (“Moffat said: “…” he said.”): a name
        // in the quotation's own sentence beats a guessed antecedent.
        if speaker.as_ref().is_none_or(|s| s.via_pronoun) {
            let mut floor = (outer.start as usize)
                .saturating_sub(200)
                .max(ctx.article.body.start as usize);
            while !text.is_char_boundary(floor) {
                floor += 1;
            }
            let mut from = sentence_start_before(text, floor, outer.start as usize);
            // A paragraph that ends with a colon introduces the quotation that opens
            // the next one ("…, says his organization will probably sue:\n\n“…”").
            let gap = &text[from..outer.start as usize];
            if gap.trim().is_empty() && text[floor..from].trim_end().ends_with(':') {
                let colon = floor + text[floor..from].trim_end().len() - 1;
                from = sentence_start_before(text, floor, colon);
            }
            if from < outer.start as usize
                && let Some(before) = speaker_in(
                    ctx,
                    text,
                    Window {
                        from,
                        to: outer.start as usize,
                        after: false,
                        quote_start: outer.start,
                    },
                    people,
                )
                && (speaker.is_none() || !before.via_pronoun)
            {
                speaker = Some(before);
            }
        }
        let speaker = speaker.map(|s| s.name);
        // Whoever a quotation is given to has spoken there: a pronoun after it
        // refers back to them before a company named in between ("…,” Ken Maxwell,
        // head of Johannesburg Consolidated's gold division, told …. “…,” he said).
        if let Some(name) = &speaker {
            let at = people.partition_point(|p| p.start <= outer.start);
            people.insert(
                at,
                Person {
                    start: outer.start,
                    name: name.clone(),
                    speaks: true,
                    subject: false,
                    sentence: ctx
                        .article
                        .sentence_at(outer.start)
                        .map_or(outer.start, |s| s.span.start),
                },
            );
        }
        let sentence = ctx
            .article
            .sentences
            .partition_point(|s| s.span.end <= outer.start) as u32;
        let mut c = Claim::new(
            ClaimKind::Quote,
            outer,
            sentence,
            ClaimValue::Quote {
                text: Box::new(quoted.into()),
            },
        );
        c.set_speaker(speaker.map(String::into_boxed_str));
        found.push(c);
    }
    claims.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// Found by the property tests (tests/e2e/properties.rs): the window after a
    /// closing mark ended inside the next quote's three-byte closing mark.
    #[test]
    fn window_after_a_quote_ends_on_a_char_boundary() {
        let text = "\u{201c}We ue svdlk da vknke av tq oluq,\u{201d} Kassym-Jomart Tokayev said. \u{201c}We kf netewx ztnoe eodmwx houmzd lzhbavva rvgo,\u{201d} Maria Lopez said.";
        let article = crate::testutil::article(text, None);
        let claims = crate::extract(&article, &crate::Lexicons::builtin());
        let quotes = claims.iter().filter(|c| c.kind == ClaimKind::Quote).count();
        assert_eq!(quotes, 2);
    }

    /// The look-back before a quotation starts on a char boundary, whatever the
    /// multi-byte characters 200 bytes before it (found on ECB+ articles).
    #[test]
    fn look_back_starts_on_a_char_boundary() {
        for pad in 0..3 {
            let text = format!(
                "{}{} Smith said:\n\n“We will win this one.”",
                "—".repeat(80),
                "x".repeat(pad)
            );
            let article = crate::testutil::article(&text, None);
            let claims = crate::extract(&article, &crate::Lexicons::builtin());
            assert_eq!(
                claims.iter().filter(|c| c.kind == ClaimKind::Quote).count(),
                1
            );
        }
    }

    /// ASCII marks: a mark after punctuation closes, a mark after white space opens;
    /// a speaker after a title word or before an apposition (issue 13).
    #[test]
    fn ascii_marks_and_speakers_around_appositions() {
        check_kind(
            ClaimKind::Quote,
            &[
                (
                    "\"Perelman never does anything without calculation,\" he said. But he added, \"The board has to be careful.\"",
                    &[
                        "\"Perelman never does anything without calculation,\" = Perelman never does anything without calculation | -",
                        "\"The board has to be careful.\" = The board has to be careful. | -",
                    ],
                ),
                (
                    "\"I view it as posturing,\" said analyst Carole Berger of Cyrus Inc.",
                    &["\"I view it as posturing,\" = I view it as posturing | Carole Berger"],
                ),
                (
                    "\"We treat it as arson,\" James Steele, chief of the fire department, told the paper.",
                    &["\"We treat it as arson,\" = We treat it as arson | James Steele"],
                ),
            ],
        );
    }

    /// Issue 13, fourth round: nested ASCII quotations and wrapped lines; the last name of a long
    /// attribution; a participle of speech speaks for the sentence's subject; a
    /// pronoun before a clause that names someone else; a pronoun's own clause names
    /// someone else.
    #[test]
    fn nested_marks_long_attributions_and_participles() {
        check_kind(
            ClaimKind::Quote,
            &[
                (
                    "\"They could be talking to a \"white knight\" right now,\" said Janney Scott Montgomery Inc analyst Marvin Roffman.",
                    &[
                        "\"They could be talking to a \"white knight\" right now,\" = They could be talking to a white knight right now | Marvin Roffman",
                    ],
                ),
                // An apposition with a title's dot; a company's name before the verb
                // is no speaker when a person opens the attribution.
                (
                    "\"Tax dollars are being used to subsidize foreign farms,\" Sen. Don Nickles, an Oklahoma Republican, said in a letter.",
                    &[
                        "\"Tax dollars are being used to subsidize foreign farms,\" = Tax dollars are being used to subsidize foreign farms | Don Nickles",
                    ],
                ),
                (
                    "Energy analyst Edward Krapels said more. \"The argument for a tariff is persuasive,\" Krapels, president of Energy Security Analysis, Inc said.",
                    &[
                        "\"The argument for a tariff is persuasive,\" = The argument for a tariff is persuasive | Edward Krapels",
                    ],
                ),
                (
                    "“The cops jumped out of the car so fast,” the Daily News quoted witness Devonte Brown as saying.",
                    &[
                        "“The cops jumped out of the car so fast,” = The cops jumped out of the car so fast | Devonte Brown",
                    ],
                ),
                // A paragraph ending with a colon introduces the next one's quotation.
                (
                    "Andrew Wetzler, director of the Endangered Species Program, says his group will sue:\n\n“This administration has rejected anything with a whiff of science.”",
                    &[
                        "“This administration has rejected anything with a whiff of science.” = This administration has rejected anything with a whiff of science. | Andrew Wetzler",
                    ],
                ),
                // An initial inside the name after the verb; an apposition without
                // its closing comma.
                (
                    "“They want to wreak havoc,” said Edward J. Markey (D-Mass.), chairman of the committee.",
                    &["“They want to wreak havoc,” = They want to wreak havoc | Edward J. Markey"],
                ),
                (
                    "\"The outlook bodes well for earnings,\" Burnell Roberts, chairman and chief executive officer said.",
                    &[
                        "\"The outlook bodes well for earnings,\" = The outlook bodes well for earnings | Burnell Roberts",
                    ],
                ),
                // A person, then where he is from, then the verb.
                (
                    "Her father Herbert Flynn of Fort Coffee said later, “I'm glad it's over.”",
                    &["“I'm glad it's over.” = I'm glad it's over. | Herbert Flynn"],
                ),
                (
                    "Shuichi Takemoto of the Foreign Ministry said: “They are linking issues.”",
                    &["“They are linking issues.” = They are linking issues. | Shuichi Takemoto"],
                ),
                // A wrapped line does not end an ASCII quotation.
                (
                    "The statement quoted chairman Simon Keswick as\nsaying: \"We continue to believe that the issuing of \"B\" shares\nwould benefit shareholders.\"\n    Keswick said more.",
                    &[
                        "\"We continue to believe that the issuing of \"B\" shares\nwould benefit shareholders.\" = We continue to believe that the issuing of B shares would benefit shareholders. | Simon Keswick",
                    ],
                ),
                (
                    "“Deploy this update as soon as possible,” said Microsoft security response communications head Christopher Budd.",
                    &[
                        "“Deploy this update as soon as possible,” = Deploy this update as soon as possible | Christopher Budd",
                    ],
                ),
                (
                    "“You try to put it out of your mind,” said Ms. Davis’s sister Crystal.",
                    &[
                        "“You try to put it out of your mind,” = You try to put it out of your mind | Crystal",
                    ],
                ),
                (
                    "“We will win this,” said Smith after meeting Jones.",
                    &["“We will win this,” = We will win this | Smith"],
                ),
                (
                    "On March 3, President Obama directed the departments to review it, stating that “we should strengthen the act, not weaken it.”",
                    &[
                        "“we should strengthen the act, not weaken it.” = we should strengthen the act, not weaken it. | Obama",
                    ],
                ),
                (
                    "Spokesman Marlin Fitzwater spoke today. He said that even though Herrington's recommendation did not agree with existing policy, “We'll take a look at it.”",
                    &["“We'll take a look at it.” = We'll take a look at it. | Marlin Fitzwater"],
                ),
                (
                    "Timmons, now 16, was armed. After a face-off with rivals who “wanted to fight with us,” he testified, Timmons pulled the trigger.",
                    &["“wanted to fight with us,” = wanted to fight with us | -"],
                ),
            ],
        );
    }

    /// Titles in quotation marks are not quotes; a title or an initial before the
    /// speaker's name does not end the attribution; a place, a weekday or a month is
    /// no speaker (issue 13).
    #[test]
    fn titles_speakers_and_non_speakers() {
        check_kind(
            ClaimKind::Quote,
            &[
                ("She read \"War and Peace\" twice.", &[]),
                ("He hosted \"The Late Show\" for years.", &[]),
                (
                    "\"We will not give up,\" Mr. Rosenstein said.",
                    &["\"We will not give up,\" = We will not give up | Rosenstein"],
                ),
                (
                    "\"We will not give up,\" John F. Kennedy said.",
                    &["\"We will not give up,\" = We will not give up | John F. Kennedy"],
                ),
                (
                    "\"The fire is out now,\" police in Los Angeles said.",
                    &["\"The fire is out now,\" = The fire is out now | -"],
                ),
                (
                    "On Tuesday said: \"The fire is out now.\"",
                    &["\"The fire is out now.\" = The fire is out now. | -"],
                ),
            ],
        );
    }

    /// Speakers found as an editor reads them (issue 13, second round): a pronoun is
    /// the last person who spoke, not a company named in between; a speaker before a
    /// partial quotation or after an apposition; a surname that is also a title word;
    /// the attribution after a line break of wrapped text.
    #[test]
    fn speakers_after_appositions_particles_and_second_verbs() {
        check_kind(
            ClaimKind::Quote,
            &[
                // A surname's particle.
                (
                    "Reserve Bank governor Gerhard de Kock said the country should have \"no difficulty whatsoever\" with the terms.",
                    &["\"no difficulty whatsoever\" = no difficulty whatsoever | Gerhard de Kock"],
                ),
                // The person, then what he speaks for, then the verb.
                (
                    "\"They are linking unrelated issues,\" Shuichi Takemoto of the Foreign Ministry's North American Division told Reuters.",
                    &[
                        "\"They are linking unrelated issues,\" = They are linking unrelated issues | Shuichi Takemoto",
                    ],
                ),
                // A second speech verb of the sentence's subject.
                (
                    "Mark Lyons said the prisoner used a wheelchair and added, “Since he fled on foot, that's in question.”",
                    &[
                        "“Since he fled on foot, that's in question.” = Since he fled on foot, that's in question. | Mark Lyons",
                    ],
                ),
                // A name set off by commas before the verb speaks; a pronoun refers
                // back to it, not to someone named later who does not speak here.
                (
                    "Horton's mother, Denise Peace, said she cares for the children. A bullet hit Unique Armstead. Of the gunman, she said, “He's a menace to society.”",
                    &["“He's a menace to society.” = He's a menace to society. | Denise Peace"],
                ),
                // A name after an article is no one a pronoun refers to.
                (
                    "They met at the Ida Yarbrough apartments in Albany. After a face-off, he testified, “Jermayne fired the shot.”",
                    &["“Jermayne fired the shot.” = Jermayne fired the shot. | -"],
                ),
                // A speaker before a past-perfect speech verb; not after a quotation
                // that ends its sentence.
                (
                    "\"We will not give in,\" Macron had told the summit.",
                    &["\"We will not give in,\" = We will not give in | Macron"],
                ),
                (
                    "Foley said, \"The deficit problem has become more apparent.\" President Reagan has said he will veto it.",
                    &[
                        "\"The deficit problem has become more apparent.\" = The deficit problem has become more apparent. | Foley",
                    ],
                ),
                // A name in the quotation's own sentence beats a pronoun's guess.
                (
                    "Capaldi appeared in Doctor Who in 2008. Steven Moffat, lead writer of the show, said: “It's an incendiary combination.” he said.",
                    &[
                        "“It's an incendiary combination.” = It's an incendiary combination. | Steven Moffat",
                    ],
                ),
            ],
        );
    }

    #[test]
    fn speakers_pronouns_and_partial_quotations() {
        check_kind(
            ClaimKind::Quote,
            &[
                (
                    "Fekete said he hoped to raise credits. He noted Hungary could borrow on the Japanese Samurai bond market. \"I am for credits to invest,\" he said.",
                    &["\"I am for credits to invest,\" = I am for credits to invest | Fekete"],
                ),
                (
                    "Peter Capaldi was named. The cast included Daniel Rigby, and few knew Capaldi had been chosen. “It is so wonderful not to keep this secret,” he said.",
                    &[
                        "“It is so wonderful not to keep this secret,” = It is so wonderful not to keep this secret | Peter Capaldi",
                    ],
                ),
                (
                    "In a speech to the National Press Club, Hawke said business \"must not puncture the spirit of restraint\" evident in low wages.",
                    &[
                        "\"must not puncture the spirit of restraint\" = must not puncture the spirit of restraint | Hawke",
                    ],
                ),
                (
                    "Army Lt. Col. Craig McNab said, however, that Ronald and Rapier \"are not out of the picture.\"",
                    &[
                        "\"are not out of the picture.\" = are not out of the picture. | Craig McNab",
                    ],
                ),
                (
                    "Betsy Loyless, senior vice president for policy, said, “The administration has given a great gift to wildlife.”",
                    &[
                        "“The administration has given a great gift to wildlife.” = The administration has given a great gift to wildlife. | Betsy Loyless",
                    ],
                ),
                (
                    "Feldman, who also spoke with media Wednesday, said the technology was “processor agnostic for now,” so it would be easy.",
                    &["“processor agnostic for now,” = processor agnostic for now | Feldman"],
                ),
                (
                    "\"The figures are unreservedly good,\" Chase Manhattan Securities\neconomist Andrew Wroblewski said.",
                    &[
                        "\"The figures are unreservedly good,\" = The figures are unreservedly good | Andrew Wroblewski",
                    ],
                ),
                // Wrapped lines (Reuters): a short line before a capital or a mark ends
                // no sentence and cuts no attribution.
                (
                    "In a speech to the National Press Club, Hawke said business\n\"must not puncture the spirit of restraint\" evident in low wages.",
                    &[
                        "\"must not puncture the spirit of restraint\" = must not puncture the spirit of restraint | Hawke",
                    ],
                ),
                (
                    "\"I view it as pre-negotiation posturing,\" said analyst Carole\nBerger of Cyrus J. Lawrence Inc, referring to Brazil.",
                    &[
                        "\"I view it as pre-negotiation posturing,\" = I view it as pre-negotiation posturing | Carole Berger",
                    ],
                ),
                (
                    "\"The results were disastrous,\" Ken Maxwell, head of Johannesburg Consolidated's gold division, told a news conference in Johannesburg.\n\n    \"We haven't recovered from the strike yet,\" he said.",
                    &[
                        "\"The results were disastrous,\" = The results were disastrous | Ken Maxwell",
                        "\"We haven't recovered from the strike yet,\" = We haven't recovered from the strike yet | Ken Maxwell",
                    ],
                ),
                (
                    "\"It is done,\" he said.\n\n    Paul Smith runs the firm, which was sold for the first time today.",
                    &["\"It is done,\" = It is done | -"],
                ),
                (
                    "\"I think he essentially will negotiate,\" said a prominent\nHouse leader who did not want to be identified.",
                    &[
                        "\"I think he essentially will negotiate,\" = I think he essentially will negotiate | -",
                    ],
                ),
                (
                    "He met Vladimir Putin in November about the plant.\n“We do not rule out building a second plant.”\nRegarding the crash, he noted that the boxes went to Brazil.",
                    &[
                        "“We do not rule out building a second plant.” = We do not rule out building a second plant. | -",
                    ],
                ),
                (
                    "\"By and large, we had a good dose of profit taking today,\"\nMaison Placements Canada Inc analyst John Ing commented.",
                    &[
                        "\"By and large, we had a good dose of profit taking today,\" = By and large, we had a good dose of profit taking today | John Ing",
                    ],
                ),
                // A phrase of a later clause is not what the verb says.
                (
                    "He said the union needed time to draft a formal response to the proposal, which the network billed as its \"best and final offer.\"",
                    &["\"best and final offer.\" = best and final offer. | -"],
                ),
                // The subject who spoke in the sentence before, not a name its
                // clause goes on to.
                (
                    "Prime Minister Marek Dolny lost a vote. Dolny said he would remain as caretaker until President Zuzana Kralova appoints a new cabinet. \"I accept the result, but not the lies,\" he said.",
                    &[
                        "\"I accept the result, but not the lies,\" = I accept the result, but not the lies | Marek Dolny",
                    ],
                ),
                // Ranks cut short before the name, after a place's name.
                (
                    "\"The gates were opened too late,\" said Quezon City police chief Brig. Gen. Rodolfo Dizon.",
                    &[
                        "\"The gates were opened too late,\" = The gates were opened too late | Rodolfo Dizon",
                    ],
                ),
                (
                    "\"So far, the offensive is progressing with dramatic success,\" said a buoyant Gen. Norman Schwarzkopf, commander of U.S. forces.",
                    &[
                        "\"So far, the offensive is progressing with dramatic success,\" = So far, the offensive is progressing with dramatic success | Norman Schwarzkopf",
                    ],
                ),
                // A single word that is no one's surname is no such subject.
                (
                    "Police said a man was arrested after Officer Jane Roe saw him. \"He ran toward the river and was gone,\" she said.",
                    &[
                        "\"He ran toward the river and was gone,\" = He ran toward the river and was gone | Jane Roe",
                    ],
                ),
                // A company is no one a pronoun refers to when nobody spoke.
                (
                    "Central Financial is looking for a company. \"We want a wide spectrum of services,\" he said.",
                    &[
                        "\"We want a wide spectrum of services,\" = We want a wide spectrum of services | Central Financial",
                    ],
                ),
            ],
        );
    }

    #[test]
    fn quotes() {
        check_kind(
            ClaimKind::Quote,
            &[
                (
                    "Kazakh President Kassym-Jomart Tokayev spoke. “We welcome the signing of a peace agreement. It matters,” he emphasised.",
                    &[
                        "“We welcome the signing of a peace agreement. It matters,” = We welcome the signing of a peace agreement. It matters | Kassym-Jomart Tokayev",
                    ],
                ),
                (
                    "“We will act now,” said Tokayev.",
                    &["“We will act now,” = We will act now | Tokayev"],
                ),
                (
                    "Tokayev said: “We will act now.”",
                    &["“We will act now.” = We will act now. | Tokayev"],
                ),
                (
                    "«Peace is near for all,» Aliyev said.",
                    &["«Peace is near for all,» = Peace is near for all | Aliyev"],
                ),
                (
                    "\"Peace is near for all,\" Aliyev said.",
                    &["\"Peace is near for all,\" = Peace is near for all | Aliyev"],
                ),
                (
                    "‘Peace is near for all,’ she said.",
                    &["‘Peace is near for all,’ = Peace is near for all | -"],
                ),
                (
                    "According to Ilham Aliyev, “the treaty is ready to sign.”",
                    &[
                        "“the treaty is ready to sign.” = the treaty is ready to sign. | Ilham Aliyev",
                    ],
                ),
                (
                    "President Ilham Aliyev met him. “The treaty is ready,” he said.",
                    &["“The treaty is ready,” = The treaty is ready | Ilham Aliyev"],
                ),
                (
                    "“First paragraph of the speech.\n\n“Second paragraph of it,” Tokayev said.",
                    &[
                        "“First paragraph of the speech.\n\n“Second paragraph of it,” = First paragraph of the speech. Second paragraph of it | Tokayev",
                    ],
                ),
                ("He called it a “historic day” for us.", &[]),
                ("the news agency “Armenpress” reported", &[]),
                (
                    "Kazakhstan’s decision was driven by the desire to help",
                    &[],
                ),
                (
                    "“We support UN reform, including expanding the Council,” the president noted.",
                    &[
                        "“We support UN reform, including expanding the Council,” = We support UN reform, including expanding the Council | -",
                    ],
                ),
                (
                    "Murat Nurtleu noted: “Central Asia is open to all partners.”",
                    &[
                        "“Central Asia is open to all partners.” = Central Asia is open to all partners. | Murat Nurtleu",
                    ],
                ),
                (
                    "“It is time to act,” Kazakh President Kassym-Jomart Tokayev said.",
                    &["“It is time to act,” = It is time to act | Kassym-Jomart Tokayev"],
                ),
                (
                    "Ms. Jane Doe added, “the vote was fair and free.”",
                    &["“the vote was fair and free.” = the vote was fair and free. | Jane Doe"],
                ),
                (
                    "“One two three,” they said.",
                    &["“One two three,” = One two three | -"],
                ),
                (
                    "Tokayev said that “the treaty will bring lasting peace.”",
                    &[
                        "“the treaty will bring lasting peace.” = the treaty will bring lasting peace. | Tokayev",
                    ],
                ),
                (
                    "“We are ready to help both sides,” Tokayev stressed.",
                    &[
                        "“We are ready to help both sides,” = We are ready to help both sides | Tokayev",
                    ],
                ),
                (
                    "“Trade grew quickly this year,” the minister told reporters.",
                    &["“Trade grew quickly this year,” = Trade grew quickly this year | -"],
                ),
                (
                    "Volodymyr Zelenskyy spoke first. He recalled the saying «a bad peace is better than a good war.»",
                    &[
                        "«a bad peace is better than a good war.» = a bad peace is better than a good war. | Volodymyr Zelenskyy",
                    ],
                ),
                (
                    "\"We will keep the oil flowing,\" said Saudi Oil Minister Hisham Nazer.",
                    &[
                        "\"We will keep the oil flowing,\" = We will keep the oil flowing | Hisham Nazer",
                    ],
                ),
                (
                    "\"The market is firm,\" one trader said.",
                    &["\"The market is firm,\" = The market is firm | -"],
                ),
                (
                    "Vladimir Putin said: “Negotiations are underway with a company from this country.”",
                    &[
                        "“Negotiations are underway with a company from this country.” = Negotiations are underway with a company from this country. | Vladimir Putin",
                    ],
                ),
                (
                    "“I must emphasize that we do not aspire to be mediators,” Tokayev said.",
                    &[
                        "“I must emphasize that we do not aspire to be mediators,” = I must emphasize that we do not aspire to be mediators | Tokayev",
                    ],
                ),
                (
                    "‘This is the end of an era,’ Smith wrote.",
                    &["‘This is the end of an era,’ = This is the end of an era | Smith"],
                ),
                (
                    "The plan is called “Crossroads of Peace” by the government.",
                    &[],
                ),
                (
                    "The agency’s chief said Kazakhstan’s growth was strong.",
                    &[],
                ),
                ("He said it was 'fine'.", &[]),
                ("“Unclosed quotation runs on and on without an end", &[]),
                (
                    "According to the Kremlin, “the call was initiated by Moscow.”",
                    &[
                        "“the call was initiated by Moscow.” = the call was initiated by Moscow. | Kremlin",
                    ],
                ),
            ],
        );
    }
}
