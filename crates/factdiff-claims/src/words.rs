//! The one copy of each context word: the words and names of a claim key's context
//! ([`crate::ClaimKey::context`]) are shared strings, each distinct word allocated once
//! for the whole corpus, not once per sentence that uses it (issue 14: the context
//! words were a third of the claims' memory).
//!
//! A word is an `Arc<str>`, not an id into a table: it reads, compares, sorts and
//! serializes as the string it is, so nothing that reaches a report can depend on the
//! order the table saw the words in (which depends on the threads). Equal words of
//! one table are one allocation, and `Arc`'s equality checks the pointer first.
//!
//! A sentence's whole context (its sorted words) is shared the same way: copies and
//! rewrites of an article that keep a sentence's content words share its list.
//!
//! Written by hand, and why: the interner crates (lasso, string-interner) hand out ids
//! whose order is the order of first use, which parallel extraction does not fix; this
//! is a set of shared strings behind a few locks.

use std::sync::{Arc, Mutex, PoisonError};

use crate::lexicon::HashSet;

/// A context word or name, shared by every claim that has it in its context.
pub type Word = Arc<str>;

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
            return Arc::clone(w);
        }
        let w: Word = Arc::from(word);
        set.insert(Arc::clone(&w));
        w
    }

    /// The table's copy of the context made of `words` (each interned), made on
    /// first use: equal contexts of any articles are one allocation.
    pub(crate) fn intern_context<'w>(&self, words: impl Iterator<Item = &'w str>) -> Arc<[Word]> {
        use std::hash::BuildHasher;
        let context: Vec<Word> = words.map(|w| self.intern(w)).collect();
        let shard = foldhash::fast::FixedState::default().hash_one(&context) as usize % SHARDS;
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
            assert!(Arc::ptr_eq(first, &list[0]));
            assert!(Arc::ptr_eq(first, &list[2]));
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
        assert!(Arc::ptr_eq(&word(&ca), &word(&cb)));
        // The table changes where the words are held, not the claims.
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
}
