//! The rule-file parser, the fact-sheet parser and the lexicon loader on any text: an
//! error or a rule set, never a panic; a parsed rule set then checks a small corpus.
#![no_main]

use factdiff_claims::{ArticleClaims, Lexicons};
use factdiff_corpus::{Corpus, Input};
use factdiff_rules::RuleSet;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    Corpus::from_inputs(vec![
        Input {
            path: "a.md".into(),
            bytes: b"+++\ndate = 2025-10-14\n+++\nAt least 37 people were killed on Monday, 14 October 2025. The WHO said \"we are ready\".\n".to_vec(),
        },
        Input {
            path: "b.md".into(),
            bytes: b"+++\ndate = 2025-10-15\n+++\nTwelve people were killed on Sunday. The WHO said \"we are not ready\".\n".to_vec(),
        },
    ])
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lexicons = Lexicons::builtin();
    let lexicons_ok = lexicons.merge_str(Path::new("fuzz.toml"), text).is_ok();
    let rules = RuleSet::from_sources(&[("fuzz.toml", text)]);
    let mut facts = RuleSet::builtin();
    let facts_ok = facts.add_fact_sheet("facts/fuzz.toml", text).is_ok();
    let lexicons = if lexicons_ok {
        lexicons
    } else {
        Lexicons::builtin()
    };
    let claims: Vec<_> = CORPUS
        .articles
        .iter()
        .map(|a| ArticleClaims::extract(a, &lexicons))
        .collect();
    let stories = factdiff_stories::group(
        &CORPUS,
        &claims,
        &lexicons,
        &factdiff_stories::StoryConfig::default(),
    );
    if let Ok(rules) = rules {
        let _ = factdiff_rules::check(&CORPUS, &claims, &rules, &stories);
    }
    if facts_ok {
        let _ = factdiff_rules::check(&CORPUS, &claims, &facts, &stories);
    }
});
