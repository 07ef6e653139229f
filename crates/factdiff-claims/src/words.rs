//! The one copy of each context word: the words and names of a claim key's context
//! ([`crate::ClaimKey::context`]) are shared strings, each distinct word allocated once
//! for the whole corpus, not once per sentence that uses it (issue 14: the context
//! words were a third of the claims' memory).
//!
//! A word is a shared string (a thin pointer, [`Word`]), not an id into a table: it
//! reads, compares, sorts and serializes as the string it is, so nothing that reaches
//! a report can depend on the order the table saw the words in (which depends on the
//! threads). Equal words of one table are one allocation, and equality checks the
//! pointer first. A name's normalized form is such a word too.
//!
//! A sentence's whole context (its sorted words) is shared the same way: copies and
//! rewrites of an article that keep a sentence's content words share its list. So are
//! a claim's key, its date's event, its frame and the frame's period: equal ones of a
//! run are one `Arc` (at Reuters 16x, 2.1 million keys are 0.9 million distinct, 1.6
//! million frames 77,000).
//!
//! Written by hand, and why: the interner crates (lasso, string-interner) hand out ids
//! whose order is the order of first use, which parallel extraction does not fix; this
//! is a set of shared strings behind a few locks.

use std::sync::{Arc, Mutex, PoisonError};

use crate::lexicon::HashSet;
use crate::{ClaimKey, EventKey, Frame, Period};

/// A context word or name, shared by every claim that has it in its context; also an
/// event's words ([`crate::EventKey`]), a duration's value, an ordinal's noun and an
/// acronym ([`crate::ClaimValue`]).
///
/// A thin pointer (8 bytes, a test holds it) to the one shared copy of the string:
/// `Arc<str>` was a fat pointer of 16 bytes, in every claim's unit and every word of
/// every context (issue 14). It reads as the `str` it holds ([`Deref`](std::ops::Deref)),
/// and compares, orders, hashes, prints and serializes as that string; equality checks
/// the pointer first.
#[derive(Clone, Default)]
pub struct Word(Arc<Box<str>>);

impl Word {
    /// Whether `a` and `b` are the same shared copy.
    pub fn ptr_eq(a: &Word, b: &Word) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Word {
    /// The shared copy's address: equal words of one table have the same.
    fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }
}

/// The part of a table's sets that values made of these addresses go to.
fn shard_of(addrs: impl Iterator<Item = usize>) -> usize {
    let mut h: u64 = 0;
    for a in addrs {
        h = (h ^ a as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    (h >> 32) as usize % SHARDS
}

impl std::ops::Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Word {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Word {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Word {
        Word(Arc::new(Box::from(s)))
    }
}

impl From<String> for Word {
    fn from(s: String) -> Word {
        Word(Arc::new(s.into_boxed_str()))
    }
}

impl PartialEq for Word {
    fn eq(&self, other: &Word) -> bool {
        Word::ptr_eq(self, other) || self.as_str() == other.as_str()
    }
}

impl Eq for Word {}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Word {
    fn partial_cmp(&self, other: &Word) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Word {
    fn cmp(&self, other: &Word) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Word {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Word {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// How many independently locked parts the table has (threads extracting at once
/// rarely wait for each other).
const SHARDS: usize = 16;

/// The distinct context words met so far. One table for a run over a corpus
/// ([`crate::extract_with`]) shares each word across all its articles; it can be
/// dropped once the claims are extracted (the claims keep their words).
#[derive(Debug, Default)]
pub struct WordTable {
    shards: [Mutex<HashSet<Word>>; SHARDS],
    /// The distinct contexts (a sentence's sorted context words) met so far: the
    /// sentences of copies and rewrites that keep their content words share one list.
    contexts: [Mutex<HashSet<Arc<[Word]>>>; SHARDS],
    /// The distinct claim keys, events, frames and periods met so far: a figure's key
    /// and frame are values that many claims of a corpus share (copies and rewrites,
    /// and the same framing in every article), each held once (issue 14).
    keys: Pool<ClaimKey>,
    events: Pool<EventKey>,
    frames: Pool<Frame>,
    periods: Pool<Period>,
}

/// One copy of each distinct value, behind [`SHARDS`] locks.
#[derive(Debug)]
struct Pool<T>([Mutex<HashSet<Arc<T>>>; SHARDS]);

impl<T> Default for Pool<T> {
    fn default() -> Pool<T> {
        Pool(std::array::from_fn(|_| Mutex::default()))
    }
}

impl<T: std::hash::Hash + Eq> Pool<T> {
    /// The pool's copy of `value`: `value` itself when it is the first of its kind.
    fn share(&self, value: Arc<T>) -> Arc<T> {
        use std::hash::BuildHasher;
        let shard = foldhash::fast::FixedState::default().hash_one(&*value) as usize % SHARDS;
        self.share_in(shard, value)
    }

    /// [`Pool::share`] in the part `shard`, which must be the same for equal values.
    fn share_in(&self, shard: usize, value: Arc<T>) -> Arc<T> {
        let mut set = self.0[shard].lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(v) = set.get(&*value) {
            return Arc::clone(v);
        }
        set.insert(Arc::clone(&value));
        value
    }
}

impl WordTable {
    /// An empty table.
    pub fn new() -> WordTable {
        WordTable::default()
    }

    /// The table's copy of `word`, made on first use.
    pub(crate) fn intern(&self, word: &str) -> Word {
        use std::hash::BuildHasher;
        let shard = foldhash::fast::FixedState::default().hash_one(word) as usize % SHARDS;
        // A panic elsewhere cannot leave a set of strings half written: keep going.
        let mut set = self.shards[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(w) = set.get(word) {
            return w.clone();
        }
        let w = Word::from(word);
        set.insert(w.clone());
        w
    }

    /// The table's copy of the context made of `words` (each interned), made on
    /// first use: equal contexts of any articles are one allocation.
    pub(crate) fn intern_context<'w>(&self, words: impl Iterator<Item = &'w str>) -> Arc<[Word]> {
        let context: Vec<Word> = words.map(|w| self.intern(w)).collect();
        // The part from the words' addresses, not their text hashed (the set hashes
        // it once more): equal contexts are of the same words of this table.
        let shard = shard_of(context.iter().map(Word::addr));
        let mut set = self.contexts[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(c) = set.get(context.as_slice()) {
            return Arc::clone(c);
        }
        let c: Arc<[Word]> = Arc::from(context);
        set.insert(Arc::clone(&c));
        c
    }

    /// The table's copy of a claim key equal to `key` (its event already shared).
    pub(crate) fn key(&self, key: Arc<ClaimKey>) -> Arc<ClaimKey> {
        // The part from the addresses of the key's parts, each this table's copy (a
        // key's words, context and event are shared before the key is): equal keys
        // have the same parts. Its text is hashed once, by the set, not twice.
        let shard = shard_of(
            [
                Arc::as_ptr(&key.context).cast::<u8>() as usize,
                key.unit.addr(),
                key.measure.as_ref().map_or(0, Word::addr),
                key.event.as_ref().map_or(0, |e| Arc::as_ptr(e) as usize),
                usize::from(key.monotonic),
            ]
            .into_iter(),
        );
        self.keys.share_in(shard, key)
    }

    /// The table's copy of a date's event.
    pub(crate) fn event(&self, event: EventKey) -> Arc<EventKey> {
        self.events.share(Arc::new(event))
    }

    /// The table's copy of a claim frame (its period already shared).
    pub(crate) fn frame(&self, frame: Frame) -> Arc<Frame> {
        self.frames.share(Arc::new(frame))
    }

    /// The table's copy of a figure's period.
    pub(crate) fn period(&self, period: Period) -> Arc<Period> {
        self.periods.share(Arc::new(period))
    }

    /// How many distinct words the table holds.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(PoisonError::into_inner).len())
            .sum()
    }

    /// Whether the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_per_distinct_word_across_threads() {
        let table = WordTable::new();
        let words: Vec<Vec<Word>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        ["quake", "samarkand", "quake"]
                            .map(|w| table.intern(w))
                            .to_vec()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert_eq!(table.len(), 2);
        let first = &words[0][0];
        for list in &words {
            assert_eq!(&*list[0], "quake");
            assert!(Word::ptr_eq(first, &list[0]));
            assert!(Word::ptr_eq(first, &list[2]));
            assert_eq!(&*list[1], "samarkand");
        }
    }

    #[test]
    fn articles_extracted_with_one_table_share_their_context_words() {
        let lex = crate::Lexicons::builtin();
        let table = WordTable::new();
        let a = crate::testutil::article(
            "At least 37 people were killed in the earthquake on Sunday.",
            None,
        );
        let b = crate::testutil::article("The earthquake killed 40 people in the region.", None);
        let (ca, cb) = (
            crate::extract_with(&a, &lex, &table),
            crate::extract_with(&b, &lex, &table),
        );
        let word = |claims: &[crate::Claim]| {
            claims
                .iter()
                .find_map(|c| {
                    let key = c.key.as_ref()?;
                    key.context.iter().find(|w| &***w == "earthquake").cloned()
                })
                .expect("a figure keyed with the earthquake")
        };
        assert!(Word::ptr_eq(&word(&ca), &word(&cb)));
        // The table changes where the words are held, not the claims.
        assert_eq!(ca, crate::extract(&a, &lex));
        assert_eq!(cb, crate::extract(&b, &lex));
    }

    #[test]
    fn equal_keys_frames_and_events_of_different_articles_are_one_copy() {
        let lex = crate::Lexicons::builtin();
        let table = WordTable::new();
        let text = "Profit rose 12 pct to 40 mln dlrs in the first quarter, the company said \
                    on March 3. The merger was signed in Geneva on March 2.";
        let a = crate::testutil::article(text, None);
        let b = crate::testutil::article(&format!("{text}\n\nTrading went on."), None);
        let (ca, cb) = (
            crate::extract_with(&a, &lex, &table),
            crate::extract_with(&b, &lex, &table),
        );
        let keyed: Vec<(&crate::Claim, &crate::Claim)> = ca
            .iter()
            .zip(&cb)
            .filter(|(x, _)| x.key.is_some())
            .collect();
        assert!(keyed.len() >= 3, "{ca:#?}");
        for (x, y) in &keyed {
            let (kx, ky) = (x.key.as_ref().unwrap(), y.key.as_ref().unwrap());
            assert!(Arc::ptr_eq(kx, ky));
            if let (Some(fx), Some(fy)) = (&x.frame, &y.frame) {
                assert!(Arc::ptr_eq(fx, fy));
            }
        }
        assert!(
            keyed
                .iter()
                .any(|(x, _)| x.key.as_ref().unwrap().event.is_some())
        );
        assert!(
            keyed
                .iter()
                .any(|(x, _)| x.frame.as_ref().is_some_and(|f| f.period.is_some()))
        );
        // The table changes where the values are held, not the claims.
        assert_eq!(ca, crate::extract(&a, &lex));
        assert_eq!(cb, crate::extract(&b, &lex));
    }

    #[test]
    fn equal_contexts_of_different_articles_are_one_list() {
        let lex = crate::Lexicons::builtin();
        let table = WordTable::new();
        let text = "At least 37 people were killed in the earthquake on Sunday.";
        let a = crate::testutil::article(text, None);
        let b = crate::testutil::article(&format!("{text}\n\nRescue work went on."), None);
        let context = |claims: &[crate::Claim]| {
            claims
                .iter()
                .find_map(|c| c.key.as_ref().map(|k| Arc::clone(&k.context)))
                .expect("a keyed figure")
        };
        let (ca, cb) = (
            crate::extract_with(&a, &lex, &table),
            crate::extract_with(&b, &lex, &table),
        );
        assert!(!context(&ca).is_empty());
        assert!(Arc::ptr_eq(&context(&ca), &context(&cb)));
        assert_eq!(ca, crate::extract(&a, &lex));
    }

    /// An event's words, a duration's value, an ordinal's noun and an acronym are the
    /// table's shared copies: the events of two articles that differ (other places)
    /// share their equal words, and so do the values of their claims.
    #[test]
    fn event_words_and_short_values_of_different_articles_are_one_copy() {
        let lex = crate::Lexicons::builtin();
        let table = WordTable::new();
        let text = |place: &str| {
            format!(
                "The summit opened in {place} on September 15. The NATO talks lasted three \
                 years, the fifth round since 2019."
            )
        };
        let a = crate::testutil::article(&text("Samarkand"), None);
        let b = crate::testutil::article(&text("Astana"), None);
        let (ca, cb) = (
            crate::extract_with(&a, &lex, &table),
            crate::extract_with(&b, &lex, &table),
        );
        let event = |claims: &[crate::Claim]| {
            claims
                .iter()
                .find_map(|c| c.key.as_ref()?.event.clone())
                .expect("a dated event")
        };
        let (ea, eb) = (event(&ca), event(&cb));
        assert!(!Arc::ptr_eq(&ea, &eb), "two places, two events");
        assert_eq!(ea.place.as_deref(), Some("samarkand"));
        assert_eq!(eb.place.as_deref(), Some("astana"));
        let (pa, pb) = (
            ea.predicate.as_ref().unwrap(),
            eb.predicate.as_ref().unwrap(),
        );
        assert!(Word::ptr_eq(pa, pb));
        let summit = |e: &crate::EventKey| {
            e.participants
                .iter()
                .find(|w| &***w == "summit")
                .cloned()
                .expect("the summit takes part")
        };
        assert!(Word::ptr_eq(&summit(&ea), &summit(&eb)));
        let short = |claims: &[crate::Claim], kind: crate::ClaimKind| -> Word {
            claims
                .iter()
                .find(|c| c.kind == kind)
                .and_then(|c| match &c.value {
                    crate::ClaimValue::Duration(w)
                    | crate::ClaimValue::Ordinal { of: w, .. }
                    | crate::ClaimValue::Acronym { short: w, .. } => Some(w.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("a {kind:?} in {claims:#?}"))
        };
        for kind in [
            crate::ClaimKind::Duration,
            crate::ClaimKind::Ordinal,
            crate::ClaimKind::Acronym,
        ] {
            assert!(
                Word::ptr_eq(&short(&ca, kind), &short(&cb, kind)),
                "{kind:?}"
            );
        }
        // The table changes where the strings are held, not the claims.
        assert_eq!(ca, crate::extract(&a, &lex));
        assert_eq!(cb, crate::extract(&b, &lex));
    }
}
