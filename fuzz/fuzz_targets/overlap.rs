//! Overlap detection on any small corpus: the input is split at 0xFF bytes into up to
//! four articles. No panic; every location inside its article; `compare`'s shares lie in [0, 1].
#![no_main]

use factdiff_corpus::{Corpus, Input};
use factdiff_overlap::{OverlapConfig, compare, detect};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<Input> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| Input {
            path: format!("{i}.txt"),
            bytes: bytes.to_vec(),
        })
        .collect();
    let corpus = Corpus::from_inputs(inputs);
    let config = OverlapConfig::default();
    for finding in detect(&corpus, &config) {
        for loc in &finding.locations {
            let article = corpus
                .articles
                .iter()
                .find(|a| *a.path == *loc.path)
                .expect("a location names an article");
            assert!(loc.byte_start <= loc.byte_end, "{loc:?}");
            assert!(loc.line >= 1 && loc.line <= loc.end_line, "{loc:?}");
            assert!(!article.text.is_empty());
        }
    }
    if let [a, b, ..] = corpus.articles.as_slice() {
        let ab = compare(&a.text, &b.text, &config);
        let ba = compare(&b.text, &a.text, &config);
        // Symmetric: the same figures with the sides swapped.
        assert_eq!((ab.words_a, ab.words_b), (ba.words_b, ba.words_a));
        assert_eq!(ab.similarity, ba.similarity);
        assert_eq!((ab.containment_a, ab.containment_b), (ba.containment_b, ba.containment_a));
        assert!((0.0..=1.0).contains(&ab.similarity));
        assert!((0.0..=1.0).contains(&ab.containment_a) && (0.0..=1.0).contains(&ab.containment_b));
    }
});
