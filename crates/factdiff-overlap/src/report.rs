//! Analysis to findings: locations, messages, similarities and word diffs.

use std::collections::BTreeMap;

use factdiff_corpus::{Article, Corpus, OriginalRank, Span};
use factdiff_findings::{
    Category, ClusterMember, ClusterOriginal, DiffChunk, Finding, Location, OverlapDetails,
    OverlapKind, OverlapLevel, OverlapScope, Role, Severity,
};
use rayon::prelude::*;

use crate::align::{Passage, Prepared, align_pair_with_hash};
use crate::diff::{round3, token_similarity, token_similarity_with, word_diff};
use crate::engine::{Analysis, MAX_COPY_DAYS, NearSentence, PairResult, days_apart, formulaic};
use crate::near::Stopwords;
use crate::prints::{
    ArticlePrints, body_word_spans, is_number, paragraph_ranges, sentence_ranges, seq_hash,
};
use crate::template::{STOCK_WORDS, stock_shared, templated};
use crate::{BoilerplateMode, OverlapConfig, RULE};

/// The span of words `[first, end)`.
/// Where the other side of an overlap is, for its message: `in `b.md` line 3`; for a
/// record of an archive, its name too: `in `wire.jsonl` line 3 (w3)`; within one
/// article, `later in the same article, line 9` (for a record, the column in its text,
/// since every place in it has the record's line).
fn where_other(loc_b: &Location, within: bool) -> String {
    match (within, &loc_b.article) {
        (true, Some(_)) => format!(
            "later in the same article, column {} of its text",
            loc_b.column
        ),
        (true, None) => format!("later in the same article, line {}", loc_b.line),
        (false, Some(name)) => format!("in `{}` line {} ({name})", loc_b.path, loc_b.line),
        (false, None) => format!("in `{}` line {}", loc_b.path, loc_b.line),
    }
}

fn words_span(spans: &[Span], first: u32, end: u32) -> Span {
    Span {
        start: spans[first as usize].start,
        end: spans[end as usize - 1].end,
    }
}

/// The word ranges of an article's boilerplate sentences.
fn boilerplate_ranges(p: &ArticlePrints, boilerplate: &[u64]) -> Vec<(u32, u32)> {
    if boilerplate.is_empty() {
        return Vec::new();
    }
    p.sentences
        .iter()
        .filter(|s| boilerplate.binary_search(&s.hash).is_ok())
        .map(|s| (s.first_word, s.end_word))
        .collect()
}

fn inside_share(ranges: &[(u32, u32)], s: u32, e: u32) -> f64 {
    let covered: u32 = ranges
        .iter()
        .map(|&(rs, re)| re.min(e).saturating_sub(rs.max(s)))
        .sum();
    f64::from(covered) / f64::from((e - s).max(1))
}

struct Side<'a> {
    article: &'a Article,
    prints: &'a ArticlePrints,
    /// The words' spans, found when a passage needs them.
    word_spans: std::cell::OnceCell<Vec<Span>>,
}

impl<'a> Side<'a> {
    fn new(corpus: &'a Corpus, prints: &'a [ArticlePrints], id: u32) -> Self {
        Side {
            article: &corpus.articles[id as usize],
            prints: &prints[id as usize],
            word_spans: std::cell::OnceCell::new(),
        }
    }

    fn spans(&self) -> &[Span] {
        self.word_spans
            .get_or_init(|| body_word_spans(self.article))
    }
}

fn scope(within: bool) -> OverlapScope {
    if within {
        OverlapScope::Within
    } else {
        OverlapScope::Across
    }
}

/// The details every overlap has; the cluster and boilerplate fields are left empty.
fn details(kind: OverlapKind, within: bool, words: usize, similarity: f64) -> OverlapDetails {
    OverlapDetails {
        kind,
        scope: scope(within),
        level: None,
        words,
        similarity: round3(similarity),
        original: None,
        members: None,
        articles: None,
        diff: Vec::new(),
    }
}

fn diff_of(a: &str, b: &str) -> Vec<DiffChunk> {
    word_diff(a, b)
}

/// The content words (neither function words nor figures) found on both sides.
fn shared_content(a: &[u32], b: &[u32]) -> usize {
    let stop = stopwords();
    let set = |t: &[u32]| {
        let mut v: Vec<u32> = t
            .iter()
            .copied()
            .filter(|&t| !is_number(t) && !stop.contains(t))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (sa, sb) = (set(a), set(b));
    sa.iter().filter(|t| sb.binary_search(t).is_ok()).count()
}

fn stopwords() -> &'static Stopwords {
    static STOP: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
    STOP.get_or_init(Stopwords::new)
}

fn passage_finding(
    sa: &Side<'_>,
    sb: &Side<'_>,
    p: &Passage,
    an: &Analysis,
    cfg: &OverlapConfig,
) -> Option<Finding> {
    let boilerplate = &an.boilerplate;
    let within = sa.article.id == sb.article.id;
    let ta = &sa.prints.tokens[p.a_start as usize..p.a_end as usize];
    let tb = &sb.prints.tokens[p.b_start as usize..p.b_end as usize];
    let words = p.a_len().min(p.b_len()) as usize;
    let exact = ta == tb;
    let whole = |side: &Side<'_>, s: u32, e: u32| {
        paragraph_ranges(side.spans(), side.article).contains(&(s, e))
    };
    // Inside one article, whole sentences said twice word for word are text printed
    // twice; a shorter piece of one sentence found in another is normal writing (a
    // lede in the words of the quote it reports) unless it is long.
    let whole_sentences = |side: &Side<'_>, s: u32, e: u32| {
        let sentences = sentence_ranges(side.spans(), side.article);
        sentences.iter().any(|r| r.0 == s) && sentences.iter().any(|r| r.1 == e)
    };
    let min_words = if within
        && !(exact
            && whole_sentences(sa, p.a_start, p.a_end)
            && whole_sentences(sb, p.b_start, p.b_end))
    {
        cfg.min_words.max(cfg.min_within_words)
    } else {
        cfg.min_words
    };
    let long_enough = words >= min_words && shared_content(ta, tb) >= cfg.min_content_words;
    let whole_paragraph = || {
        exact
            && words >= cfg.min_paragraph_words
            && whole(sa, p.a_start, p.a_end)
            && whole(sb, p.b_start, p.b_end)
    };
    if !(long_enough || whole_paragraph()) {
        return None;
    }
    if formulaic(
        sa.prints,
        p.a_start,
        p.a_end,
        &an.common,
        an.fp_mask,
        cfg.shingle,
    ) {
        return None;
    }
    // The same template filled in by two reports: most of the passage's skeleton,
    // figures masked, recurs in many unrelated articles, on both sides (on one side
    // only, it may be a stock phrase around copied words: "its directors authorized
    // the repurchase of up to 20 pct of its 1.66 dlr par value common stock").
    let template = |t: &[u32]| templated(t, &an.templates, an.template_mask, cfg.shingle);
    if template(ta) && template(tb) {
        return None;
    }
    // A stock phrase: a short passage whose skeleton is said again and again, on many
    // days, by unrelated reports ("the Federal funds rate at which banks lend to one
    // another"), not copied from one of these articles into the other.
    // Weeks apart, the words the two share are enough to tell: an edit breaks the
    // shingles around it on one side only ("The Reserve Bank said it cancelled the
    // regular weekly treasury bill tender" / "... is cancelling its regular ...").
    // Within days, the same story is still told with the stock phrases of its
    // subject; only a passage made of them on both sides is one.
    let stock = |t: &[u32]| templated(t, &an.stock, an.template_mask, cfg.shingle);
    let weeks_apart = days_apart(sa.prints.day, sb.prints.day) > MAX_COPY_DAYS;
    // Weeks apart, words two short passages share that a third story of yet another
    // day also tells its subject with are a phrase of that subject ("before Prime
    // Minister Yasuhiro Nakasone leaves for Washington on April 29", a sinking fund's
    // standing terms), said again, not copied from one of these stories into the other.
    let recurring = || stock_shared(ta, tb, &an.recurring, an.template_mask, cfg.shingle);
    if words < STOCK_WORDS
        && ((stock(ta) && stock(tb))
            || (weeks_apart
                && (stock_shared(ta, tb, &an.stock, an.template_mask, cfg.shingle) || recurring())))
    {
        return None;
    }
    let bp_a = boilerplate_ranges(sa.prints, boilerplate);
    let bp_b = boilerplate_ranges(sb.prints, boilerplate);
    if inside_share(&bp_a, p.a_start, p.a_end) >= 0.5
        && inside_share(&bp_b, p.b_start, p.b_end) >= 0.5
    {
        return None;
    }
    let span_a = words_span(sa.spans(), p.a_start, p.a_end);
    let span_b = words_span(sb.spans(), p.b_start, p.b_end);
    let loc_a = sa.article.location(span_a, Role::Primary);
    let loc_b = sb.article.location(span_b, Role::Related);
    // Words as a reader counts them: "gold-silver-lead-zinc" and "off-the-field" are
    // one word each, not the four and three the shingles see.
    if written_words(&loc_a.text).min(written_words(&loc_b.text)) < min_words && !whole_paragraph()
    {
        return None;
    }
    // A short list of names ("Drexel Burnham Lambert Inc, Kidder Peabody and Co, and
    // Salomon") says who, not what: the same underwriters or officials named in two
    // stories are no text repeated.
    if words < STOCK_WORDS
        && !whole_paragraph()
        && mostly_names(&loc_a.text)
        && mostly_names(&loc_b.text)
    {
        return None;
    }
    // A company's standing description, "Caltex Petroleum Corp, a joint venture
    // between Chevron Corp and Texaco Inc, said", says who speaks: what it says comes
    // after, and differs. Nor is a list of names, all its words but the function
    // words capitalized ("the Atchison, Topeka and Santa Fe Railway Co and the
    // Southern Pacific Transportation Co"), text repeated.
    if words < STOCK_WORDS
        && !whole_paragraph()
        && ((describes_speaker(&loc_a.text) && describes_speaker(&loc_b.text))
            || (names_only(&loc_a.text) && names_only(&loc_b.text)))
    {
        return None;
    }
    let diff = diff_of(&loc_a.text, &loc_b.text);
    if !exact && (only_slots_changed(&diff) || other_figures(&diff)) {
        return None;
    }
    let similarity = if exact { 1.0 } else { token_similarity(ta, tb) };
    let kind = if exact {
        OverlapKind::Exact
    } else {
        OverlapKind::Near
    };
    let where_b = where_other(&loc_b, within);
    let message = if exact {
        format!("passage of {words} words repeated {where_b}")
    } else {
        format!(
            "passage of {words} words repeated with edits {where_b} (similarity {:.2})",
            similarity
        )
    };
    Some(
        Finding::new(
            RULE,
            Category::Overlap,
            cfg.severity,
            message,
            vec![loc_a, loc_b],
        )
        .with_details(OverlapDetails {
            diff,
            ..details(kind, within, words, similarity)
        }),
    )
}

/// The words of a text as written: the pieces between white space that hold a letter
/// or a digit.
fn written_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether at least three words in four of a text (those with a letter) begin with a
/// capital: a list of names, a table's header. Text without a small letter (a wire
/// story in capitals) cannot tell.
fn mostly_names(text: &str) -> bool {
    if !text.chars().any(char::is_lowercase) {
        return false;
    }
    let (mut words, mut capitals) = (0usize, 0usize);
    for w in text.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        capitals += usize::from(first.is_uppercase());
    }
    words > 0 && 4 * capitals >= 3 * words
}

/// The changed regions of a word diff: the words deleted and inserted between two
/// equal pieces that hold a word.
fn changed_regions(chunks: &[DiffChunk]) -> Vec<(Vec<&str>, Vec<&str>)> {
    use factdiff_findings::DiffTag;
    let mut regions: Vec<(Vec<&str>, Vec<&str>)> = vec![(Vec::new(), Vec::new())];
    for c in chunks {
        let words = c.text.split_whitespace();
        match c.tag {
            DiffTag::Equal if c.text.chars().any(char::is_alphanumeric) => {
                regions.push((Vec::new(), Vec::new()));
            }
            DiffTag::Equal => {}
            DiffTag::Delete => regions.last_mut().expect("one").0.extend(words),
            DiffTag::Insert => regions.last_mut().expect("one").1.extend(words),
        }
    }
    regions
}

/// A word without the punctuation around it, lower-cased.
fn bare(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The value of a figure as a string of digits: the digits of a word that has any
/// ("200ft" and "200" alike, "18.50-dlr" and "18.50"), a number word's value ("seven",
/// `[number_words]` of the numbers lexicon, as "7"); `None` for any other word.
fn figure_value(w: &str) -> Option<String> {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return Some(w.chars().filter(char::is_ascii_digit).collect());
    }
    crate::template::number_value(&bare(w)).map(|v| v.to_string())
}

/// Whether the two sides of a word diff give other figures in the same words: at
/// least as many changed regions put a figure of another value in the place of one
/// (`1.5 billion` / `3.4 billion`, `five years` / `seven years`) as the two sides
/// have figures in common, and at least one does. Two reports of one template say the same words around other figures
/// ("the Fed said that banks had average net free reserves of 644 mln dlrs" / "the
/// Fed estimated that banks had daily average net free reserves of 759 mln dlrs");
/// copies of one story give the same figures, an update among them changing one or
/// two of many. A figure added or dropped ("LaSalle, 36, of" / "LaSalle, of"), or the
/// same value written another way ("six miles" / "10 kilometers (six miles)"), is no
/// figure replaced.
fn other_figures(chunks: &[DiffChunk]) -> bool {
    use factdiff_findings::DiffTag;
    let kept = kept_figures(chunks, DiffTag::Delete).min(kept_figures(chunks, DiffTag::Insert));
    let replaced = changed_regions(chunks)
        .iter()
        .filter(|(deleted, inserted)| {
            let values = |ws: &[&str]| -> Vec<String> {
                ws.iter().filter_map(|w| figure_value(w)).collect()
            };
            let (gone, come) = (values(deleted), values(inserted));
            // "29-of-34" / "29 of 34": the same figures written apart.
            gone.concat() != come.concat()
                && gone.iter().any(|v| !come.contains(v))
                && come.iter().any(|v| !gone.contains(v))
        })
        .count();
    replaced > 0 && replaced >= kept
}

/// The figures one side of a word diff (its equal chunks and those of `tag`) keeps
/// whole: a word with a figure's value none of whose letters the diff changed. The
/// diff may split a figure ("6.5" / "6.1" keep "6." and change "5"): a figure changed
/// in part is replaced, not kept.
fn kept_figures(chunks: &[DiffChunk], tag: factdiff_findings::DiffTag) -> usize {
    use factdiff_findings::DiffTag;
    let (mut kept, mut word, mut touched) = (0usize, String::new(), false);
    let mut finish = |word: &mut String, touched: &mut bool| {
        if !word.is_empty() && !*touched && figure_value(word).is_some() {
            kept += 1;
        }
        word.clear();
        *touched = false;
    };
    for c in chunks
        .iter()
        .filter(|c| c.tag == DiffTag::Equal || c.tag == tag)
    {
        for ch in c.text.chars() {
            if ch.is_whitespace() {
                finish(&mut word, &mut touched);
            } else {
                word.push(ch);
                touched |= c.tag != DiffTag::Equal;
            }
        }
    }
    finish(&mut word, &mut touched);
    kept
}

/// Whether a diff changes only a template's slots: figures, dates and names (words
/// with a digit or a capital, number words) put in the place of others, with at most one ordinary
/// word besides ("Total loans rose 3.3 pct to 517.19 billion dlrs from December" /
/// "1.3 pct to 523.74 billion dlrs from January"). The same template with other
/// figures is not repeated text.
///
/// Only a slot replaced counts: a figure or name added or dropped ("the No. 1 Tar
/// Heels", "Fri., May 3") is an edit of copied text. Nor does a change of case or
/// punctuation alone ("Vice" / "vice", "May." / "May"), or a name against its initials
/// ("Internet Explorer" / "IE"): the same words.
fn only_slots_changed(chunks: &[DiffChunk]) -> bool {
    let regions = changed_regions(chunks);
    // A figure in words ("five", "seven": `[number_words]` of the numbers lexicon) is
    // a slot as much as one in digits.
    let slot = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit())
            || w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(char::is_uppercase)
            || crate::template::number_value(&bare(w)).is_some()
    };
    // The capitals of a name, "IE" of "Internet Explorer".
    let initials = |ws: &[&str]| -> String {
        ws.iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .collect()
    };
    let (mut replaced, mut ordinary) = (0, 0);
    for (deleted, inserted) in &regions {
        let (ld, li): (Vec<String>, Vec<String>) = (
            deleted.iter().map(|w| bare(w)).collect(),
            inserted.iter().map(|w| bare(w)).collect(),
        );
        let gone: Vec<&str> = deleted
            .iter()
            .zip(&ld)
            .filter(|(_, l)| !l.is_empty() && !li.contains(l))
            .map(|(w, _)| *w)
            .collect();
        let come: Vec<&str> = inserted
            .iter()
            .zip(&li)
            .filter(|(_, l)| !l.is_empty() && !ld.contains(l))
            .map(|(w, _)| *w)
            .collect();
        let short_for = |short: &[&str], long: &[&str]| {
            short.len() == 1
                && long.len() >= 2
                && short[0]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    == initials(long)
        };
        if short_for(&gone, &come) || short_for(&come, &gone) {
            continue;
        }
        // The same figure written another way ("200ft" / "200 feet", "6 pm" / "6pm"):
        // the same value, not another one in its slot.
        let digits = |ws: &[&str]| -> String {
            let all: String = ws.iter().flat_map(|w| w.chars()).collect();
            all.chars().filter(char::is_ascii_digit).collect::<String>()
        };
        let figure = digits(&gone);
        if !figure.is_empty() && figure == digits(&come) {
            continue;
        }
        let n_ordinary = gone.iter().chain(&come).filter(|w| !slot(w)).count();
        ordinary += n_ordinary;
        if !gone.is_empty() && !come.is_empty() && gone.len() + come.len() > n_ordinary {
            replaced += 1;
        }
    }
    replaced > 0 && ordinary <= 1
}

fn pair_findings(
    corpus: &Corpus,
    prints: &[ArticlePrints],
    r: &PairResult,
    an: &Analysis,
    cfg: &OverlapConfig,
) -> Vec<Finding> {
    let sa = Side::new(corpus, prints, r.a);
    let sb = if r.a == r.b {
        Side::new(corpus, prints, r.a)
    } else {
        Side::new(corpus, prints, r.b)
    };
    r.passages
        .iter()
        .filter_map(|p| passage_finding(&sa, &sb, p, an, cfg))
        .collect()
}

/// Whether a text ends in a description of who speaks, closed by a comma and a verb
/// that attributes speech (`speech_verbs` of the words lexicon), with no quotation in
/// it: "a joint venture between Chevron Corp <CHV> and Texaco Inc <TX>, said".
fn describes_speaker(text: &str) -> bool {
    if text.contains(['"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    let mut words = text.split_whitespace().rev();
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    before.ends_with(',')
        && crate::near::speech_verbs()
            .binary_search(&bare(last))
            .is_ok()
}

/// Whether every content word of a text (neither a function word nor a figure) begins
/// with a capital: names and the words between them ("the Atchison, Topeka and Santa
/// Fe Railway Co and the Southern Pacific Transportation Co"). The first word may be
/// capitalized only because a sentence begins there ("Replacing Inco and
/// Owens-Illinois Inc will be Coca-Cola Co and Boeing Co"): a content word there is
/// no name. Text without a small letter cannot tell.
fn names_only(text: &str) -> bool {
    if !text.chars().any(char::is_lowercase) {
        return false;
    }
    let stop = stopwords();
    let mut content = 0usize;
    for (idx, w) in text.split_whitespace().enumerate() {
        let Some(first) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        let Some(&token) = crate::prints::text_tokens(w).first() else {
            continue;
        };
        if stop.contains(token) || crate::template::is_figure(token) {
            continue;
        }
        if idx == 0 || !first.is_uppercase() {
            return false;
        }
        content += 1;
    }
    content >= 2
}

fn near_finding(corpus: &Corpus, prints: &[ArticlePrints], n: &NearSentence) -> Finding {
    let sentence = |(art, idx): (u32, u32)| {
        let article = &corpus.articles[art as usize];
        let s = prints[art as usize].sentences[idx as usize];
        (article, article.sentences[idx as usize].span, s)
    };
    let (art_a, span_a, sa) = sentence(n.a);
    let (art_b, span_b, sb) = sentence(n.b);
    let loc_a = art_a.location(span_a, Role::Primary);
    let loc_b = art_b.location(span_b, Role::Related);
    let words = (sa.end_word - sa.first_word).min(sb.end_word - sb.first_word);
    let within = n.a.0 == n.b.0;
    let where_b = where_other(&loc_b, within);
    let message = format!(
        "the same report in other words {where_b} (similarity {:.2})",
        n.similarity
    );
    let diff = diff_of(&loc_a.text, &loc_b.text);
    // Info, not warning: read on real text, a sentence retold in other words was the
    // same report once in nine (issue 13); an editor may look, CI should not fail.
    Finding::new(
        RULE,
        Category::Overlap,
        Severity::Info,
        message,
        vec![loc_a, loc_b],
    )
    .with_details(OverlapDetails {
        level: Some(OverlapLevel::Sentence),
        diff,
        ..details(OverlapKind::Near, within, words as usize, n.similarity)
    })
}

/// A cluster's likely original, by the rule the story view also reads
/// ([`OriginalRank`]): the earliest dated member, then the longer, then the path.
fn original_of<'a>(articles: &[&'a Article], prints: &[ArticlePrints]) -> &'a Article {
    articles
        .iter()
        .min_by_key(|a| OriginalRank::of(a, prints[a.id.0 as usize].tokens.len()))
        .copied()
        .unwrap_or(articles[0])
}

/// A cluster as its finding names it: the likely original, and each other member
/// with the passages it shares with the original (the original as side A), as the
/// finding measured them. The HTML report shows each such pair side by side.
#[derive(Clone, Debug)]
pub struct ClusterPairs {
    /// Its first article (the smallest ID, as `Analysis::cluster_of` names it).
    pub first: u32,
    /// The likely original.
    pub original: u32,
    /// Every other member, in article order, and its passages.
    pub members: Vec<MemberPassages>,
}

/// A cluster member and the passages it shares with the original.
type MemberPassages = (u32, Vec<Passage>);

fn cluster_finding(
    corpus: &Corpus,
    prints: &[ArticlePrints],
    members: &[u32],
    cfg: &OverlapConfig,
) -> (Finding, ClusterPairs) {
    let first = members.iter().copied().min().unwrap_or_default();
    let articles: Vec<&Article> = members
        .iter()
        .map(|&m| &corpus.articles[m as usize])
        .collect();
    let original = original_of(&articles, prints);
    let po = &prints[original.id.0 as usize];
    // The original is aligned and diffed with every other member: prepared once for
    // both (its shingles' index, its hash, its words that occur once).
    let prepared = Prepared::new(&po.tokens, cfg.shingle);
    let side = factdiff_findings::PatienceSide::new(&po.tokens);
    let (members, passages): (Vec<ClusterMember>, Vec<Option<MemberPassages>>) = articles
        .par_iter()
        .map(|a| {
            let pm = &prints[a.id.0 as usize];
            let loc = a.location(a.body, Role::Related);
            let mut member = ClusterMember {
                path: loc.path,
                line: loc.line,
                title: a.meta.title.clone(),
                date: a.meta.date.map(|d| d.to_string()),
                words: pm.tokens.len(),
                containment: None,
                similarity: None,
                adds: None,
                drops: None,
            };
            if a.id != original.id {
                let hash = seq_hash(&pm.tokens);
                let passages =
                    align_pair_with_hash(&prepared, &pm.tokens, hash, cfg.shingle, cfg.max_gap);
                let matched: usize = passages.iter().map(|p| p.matched as usize).sum();
                member.containment = Some(round3(matched as f64 / pm.tokens.len().max(1) as f64));
                member.similarity = Some(round3(token_similarity_with(
                    &side,
                    prepared.hash(),
                    &pm.tokens,
                    hash,
                )));
                member.adds = Some(pm.tokens.len().saturating_sub(matched));
                member.drops = Some(po.tokens.len().saturating_sub(matched));
                return (member, Some((a.id.0, passages)));
            }
            (member, None)
        })
        .unzip();
    let pairs = ClusterPairs {
        first,
        original: original.id.0,
        members: passages.into_iter().flatten().collect(),
    };
    let locations: Vec<Location> = articles
        .iter()
        .map(|a| a.location(a.body, Role::Related))
        .collect();
    let first = articles[0];
    let second = articles[1];
    let similarity = token_similarity(
        &prints[first.id.0 as usize].tokens,
        &prints[second.id.0 as usize].tokens,
    );
    let orig_loc = original.location(original.body, Role::Related);
    let message = match (original.meta.date, &orig_loc.article) {
        (date, Some(name)) => format!(
            "{} articles are duplicate coverage of one story; likely original `{}` line {} ({name}{})",
            articles.len(),
            orig_loc.path,
            orig_loc.line,
            date.map(|d| format!(", {d}")).unwrap_or_default()
        ),
        (Some(date), None) => format!(
            "{} articles are duplicate coverage of one story; likely original `{}` ({date})",
            articles.len(),
            orig_loc.path
        ),
        (None, None) => format!(
            "{} articles are duplicate coverage of one story; likely original `{}` line {}",
            articles.len(),
            orig_loc.path,
            orig_loc.line
        ),
    };
    let diff = diff_of(first.slice(first.body), second.slice(second.body));
    let words = prints[first.id.0 as usize]
        .tokens
        .len()
        .min(prints[second.id.0 as usize].tokens.len());
    let finding = Finding::new(RULE, Category::Overlap, cfg.severity, message, locations)
        .with_details(OverlapDetails {
            original: Some(ClusterOriginal {
                path: orig_loc.path,
                line: orig_loc.line,
            }),
            members: Some(members),
            diff,
            ..details(OverlapKind::Cluster, false, words, similarity)
        });
    (finding, pairs)
}

/// How many other places a boilerplate finding lists.
const MAX_BOILERPLATE_RELATED: usize = 9;

fn boilerplate_findings(corpus: &Corpus, prints: &[ArticlePrints], hashes: &[u64]) -> Vec<Finding> {
    let mut occ: Vec<(u64, u32, u32)> = prints
        .iter()
        .flat_map(|p| {
            p.sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| hashes.binary_search(&s.hash).is_ok())
                .map(move |(idx, s)| (s.hash, p.article, idx as u32))
        })
        .collect();
    occ.sort_unstable();
    let mut groups: Vec<&[(u64, u32, u32)]> = occ.chunk_by(|x, y| x.0 == y.0).collect();
    groups.sort_by_key(|g| (g[0].1, g[0].2));
    groups
        .into_iter()
        .map(|group| {
            let mut arts: Vec<u32> = group.iter().map(|o| o.1).collect();
            arts.dedup();
            let mut seen = Vec::new();
            let mut locations = Vec::new();
            for &(_, art, idx) in group {
                if seen.contains(&art) {
                    continue;
                }
                seen.push(art);
                let article = &corpus.articles[art as usize];
                locations
                    .push(article.location(article.sentences[idx as usize].span, Role::Related));
                if locations.len() > MAX_BOILERPLATE_RELATED {
                    break;
                }
            }
            let (_, art, idx) = group[0];
            let s = prints[art as usize].sentences[idx as usize];
            let message = format!(
                "boilerplate in {} articles, set apart from the overlaps",
                arts.len()
            );
            Finding::new(RULE, Category::Overlap, Severity::Info, message, locations).with_details(
                OverlapDetails {
                    articles: Some(arts.len()),
                    ..details(
                        OverlapKind::Boilerplate,
                        false,
                        (s.end_word - s.first_word) as usize,
                        1.0,
                    )
                },
            )
        })
        .collect()
}

/// All findings of an analysis, in the total order, and each cluster's pairs (its
/// members against its likely original), in the order of their first article.
pub fn findings(
    corpus: &Corpus,
    prints: &[ArticlePrints],
    an: &Analysis,
    cfg: &OverlapConfig,
) -> (Vec<Finding>, Vec<ClusterPairs>) {
    // Once per pair of clusters (the first pair of articles), and repeats within an
    // article once per cluster (its first article).
    let mut first: BTreeMap<(u32, u32), (u32, u32)> = BTreeMap::new();
    for r in &an.pairs {
        let (x, y) = (an.cluster_of[r.a as usize], an.cluster_of[r.b as usize]);
        first.entry((x.min(y), x.max(y))).or_insert((r.a, r.b));
    }
    let pairs: Vec<&PairResult> = an
        .pairs
        .iter()
        .filter(|r| {
            let (x, y) = (an.cluster_of[r.a as usize], an.cluster_of[r.b as usize]);
            x != y && first.get(&(x.min(y), x.max(y))) == Some(&(r.a, r.b))
        })
        .chain(
            an.selves
                .iter()
                .filter(|r| an.cluster_of[r.a as usize] == r.a),
        )
        .collect();
    let mut out: Vec<Finding> = pairs
        .par_iter()
        .flat_map_iter(|r| pair_findings(corpus, prints, r, an, cfg))
        .collect();
    out.extend(
        an.near
            .par_iter()
            .map(|n| near_finding(corpus, prints, n))
            .collect::<Vec<_>>(),
    );
    // Clusters.
    let mut members: Vec<(u32, u32)> = an
        .cluster_of
        .iter()
        .enumerate()
        .map(|(idx, &root)| (root, idx as u32))
        .collect();
    members.sort_unstable();
    // A cluster whose text is a template filled in (its skeleton mostly found in
    // many clusters; or a short note's, on many days: a dividend note, a daily
    // ship-loading report) is one story only among the members of one day: the same
    // note sent twice is a copy, the same figures on another day a report of that day.
    let templated_text = |root: u32| {
        let tokens = &prints[root as usize].tokens;
        templated(tokens, &an.templates, an.template_mask, cfg.shingle)
            || (tokens.len() < 2 * STOCK_WORDS
                && templated(tokens, &an.stock, an.template_mask, cfg.shingle))
    };
    let clusters: Vec<Vec<u32>> = members
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|g| g.len() >= 2)
        .flat_map(|g| {
            let ids: Vec<u32> = g.iter().map(|m| m.1).collect();
            if !templated_text(g[0].0) {
                return vec![ids];
            }
            let mut by_day: Vec<(Option<i32>, u32)> = ids
                .iter()
                .map(|&id| (prints[id as usize].day, id))
                .collect();
            by_day.sort_unstable();
            by_day
                .chunk_by(|x, y| x.0 == y.0)
                .filter(|d| d.len() >= 2)
                .map(|d| d.iter().map(|m| m.1).collect())
                .collect()
        })
        .collect();
    let (cluster_findings, cluster_pairs): (Vec<Finding>, Vec<ClusterPairs>) = clusters
        .par_iter()
        .map(|m| cluster_finding(corpus, prints, m, cfg))
        .unzip();
    out.extend(cluster_findings);
    if cfg.boilerplate == BoilerplateMode::Report {
        out.extend(boilerplate_findings(corpus, prints, &an.boilerplate));
    }
    factdiff_findings::finalize(&mut out);
    (out, cluster_pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_names_is_mostly_capitals() {
        assert!(mostly_names(
            "Drexel Burnham Lambert Inc, Kidder Peabody and Co, and Salomon"
        ));
        assert!(!mostly_names(
            "The Bank of Japan intervened in the market, buying a moderate amount of dollars"
        ));
        // A story in capitals cannot tell.
        assert!(!mostly_names("THE BANK OF JAPAN INTERVENED IN THE MARKET"));
    }

    #[test]
    fn names_and_a_speaker_described_are_no_text_repeated() {
        assert!(names_only(
            "the Atchison, Topeka and Santa Fe Railway Co and the Southern Pacific Transportation Co"
        ));
        // A sentence's first word is capitalized whatever it is.
        assert!(!names_only(
            "Replacing Inco and Owens-Illinois Inc will be Coca-Cola Co and Boeing Co"
        ));
        assert!(!names_only(
            "Secretary of State George Shultz told a group of farm leaders"
        ));
        assert!(describes_speaker(
            "a joint venture between Chevron Corp <CHV> and Texaco Inc <TX>, said"
        ));
        // What was said, and a quotation with its speaker, are text.
        assert!(!describes_speaker(
            "The Federal Reserve may intervene in the government securities market to add reserves today, some economists said"
        ));
        assert!(!describes_speaker(
            "as it strives to rebuild the American economy,\u{201d} Kempthorne said"
        ));
    }

    #[test]
    fn a_figure_the_diff_splits_is_replaced_not_kept() {
        // "6.5" / "6.1": the diff keeps "6." and changes "5"; two figures replaced
        // against the two kept (28-day, 3.80), not three.
        assert!(other_figures(&word_diff(
            "accepted bids for 6.5 billion marks at today's tender for a 28-day pact at a rate of 3.80 pct. Banks bid for a total 8.6 billion marks",
            "accepted bids for 6.1 billion marks at today's tender for a 28-day pact at a fixed rate of 3.80 pct. Banks bid for a total 12.2 billion marks",
        )));
    }

    #[test]
    fn words_are_counted_as_written() {
        assert_eq!(
            written_words("a gold-silver-lead-zinc ore body on Admiralty Island"),
            7
        );
        assert_eq!(
            written_words("We're aware of the off-the-field issue -- Vincent"),
            7
        );
    }

    #[test]
    fn a_template_with_other_figures_is_not_repeated_text() {
        let other = |a: &str, b: &str| other_figures(&word_diff(a, b));
        // The weekly report with this week's figure, words edited besides.
        assert!(other(
            "the Fed said that banks had average net free reserves of 644 mln dlrs",
            "the Fed estimated that banks had daily average net free reserves of 759 mln dlrs",
        ));
        assert!(other(
            "put option after five years, which will be priced to give the investor an annual yield to the put of 8-3/4 to",
            "put option after seven years which will be priced to give the investor a yield to the put of 7-1/4 to",
        ));
        // As many replaced as kept: the weekly figures beside the series' name.
        assert!(other(
            "Canadian narrowly-defined money supply M-1 fell 1.16 billion dlrs to",
            "Canadian narrowly-defined money supply M-1 fell 291 mln dlrs to",
        ));
        // One figure replaced among more kept: an update of copied text.
        assert!(!other(
            "said 12 people were killed and 40 injured when the bus hit a wall on Route 9 near the 3 bridges",
            "said 15 people were killed and 40 injured when the bus hit a wall on Route 9 near the 3 bridges",
        ));
        // A figure added or dropped, or the same value written another way, is an edit.
        assert!(!other(
            "Police stopped Anthony Phillip LaSalle, 36, of Bloomington, when he hit another vehicle at the intersection",
            "Police stopped LaSalle, of Bloomington, when he hit another vehicle two blocks away at the intersection",
        ));
        assert!(!other(
            "The quake struck yesterday afternoon at a depth of just six miles and",
            "The magnitude-6.1 quake struck at a depth of just 10 kilometers (six miles) and",
        ));
        assert!(!other(
            "Peyton Manning completed 29-of-34 passes for 364 yards and three touchdowns",
            "Peyton Manning completed 29 of 34 passes for 364 yards and three touchdowns",
        ));
        assert!(!other(
            "cancelled a 40 mln dlr crude oil purchase from Saudi Arabia",
            "cancelled a 40-mln dlr oil purchase from Saudi Arabia",
        ));
        // Number words name values: "Group of Seven" is "Group of 7".
        assert!(!other(
            "meetings of Group of 7 Finance ministers in Paris and in Washington",
            "meetings of Group of Seven finance ministers in Paris and Washington",
        ));
    }

    #[test]
    fn a_template_with_other_figures_dates_and_names_is_not_repeated_text() {
        let slots = |a: &str, b: &str| only_slots_changed(&word_diff(a, b));
        // Other figures and another month: the same template.
        assert!(slots(
            "Total loans and advances rose 3.3 pct to 517.19 billion dlrs from December, when they",
            "Total loans and advances rose 1.3 pct to 523.74 billion dlrs from January, when they",
        ));
        // Another country and other figures, one ordinary word besides.
        assert!(slots(
            "and in Belgium 3,250 tonnes, it added, the traders said",
            "and in France 4,000 tonnes, it also added, the traders said",
        ));
        // Figures in words are slots too: another company's earnings note.
        assert!(slots(
            "dlrs, or three cts per shr, in qtr and 110,000 dlrs, or ten cts per shr, in nine mths. Reuter",
            "dlrs, or three cts per shr, in qtr and 151,000 dlrs, or seven cts per shr, in six mths. Reuter",
        ));
        // The same figure in another form is an edit of copied text, not a slot.
        assert!(!slots(
            "36-year-old Duncan Rait died after slipping and falling about 200ft from a ridge",
            "36-year-old Duncan Rait, died after slipping and falling about 200 feet from a ridge",
        ));
        // Words changed, not slots: repeated with edits, reported.
        assert!(!slots(
            "A reply would be made to Greece shortly, Ozal said",
            "A reply would be made to Athens soon, officials added",
        ));
        // A figure or name added or dropped is an edit of copied text, not a template
        // filled in; punctuation and a name's initials change nothing.
        assert!(!slots(
            "career scoring record and help the Tar Heels (10-0) remain unbeaten with a 91-73 victory over",
            "career scoring record and help the No. 1 Tar Heels remain unbeaten with a 91-73 victory over",
        ));
        assert!(!slots(
            "Lindsay Lohan Checks Into Rehab at Betty Ford Center Fri., May. 3, 2013",
            "Lindsay Lohan checks into rehab at Betty Ford Center May 3, 2013",
        ));
        assert!(!slots(
            "encourages all Internet Explorer customers to test and deploy this update",
            "encourages all IE customers to test and deploy this update",
        ));
        // A change of case alone is no change of slot, and no change at all.
        assert!(!slots(
            "Ming, Vice Chairman of the Council",
            "Ming, vice chairman of the Council"
        ));
    }
}
