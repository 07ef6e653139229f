//! The claims extractor on any text (read as Markdown, so front matter dates anchor
//! relative dates): no panic, claim spans on character boundaries inside the article,
//! intervals with min <= max, relations pointing at claims of the article.
#![no_main]

use factdiff_claims::{ClaimValue, Lexicons, extract};
use factdiff_corpus::{Format, read_file};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

#[path = "../common.rs"]
mod common;

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::builtin);

fuzz_target!(|data: &[u8]| {
    let (articles, _) = read_file("fuzz.md", data, Format::Markdown);
    for article in &articles {
        common::check_article(article);
        let claims = extract(article, &LEXICONS);
        for claim in &claims {
            common::check_span(article, claim.span);
            assert!((claim.sentence as usize) < article.sentences.len().max(1));
            if let ClaimValue::Interval(value) = &claim.value
                && let (Some(lo), Some(hi)) = (value.min, value.max)
            {
                assert!(
                    lo <= hi,
                    "interval [{lo}, {hi}] in {:?}",
                    article.slice(claim.span)
                );
            }
            for relation in claim.relations() {
                assert!(relation.target < claims.len());
            }
        }
        let _ = factdiff_claims::records(article, &claims);
    }
});
