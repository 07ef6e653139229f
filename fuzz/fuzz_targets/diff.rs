//! `factdiff diff`'s core on any two texts (split at the first 0xFF byte): compare,
//! word diff, and both renderers. No panic; the diff's sides rebuild the inputs' words.
#![no_main]

use factdiff_findings::DiffTag;
use factdiff_overlap::{OverlapConfig, compare, round3, text_tokens, word_diff};
use factdiff_report::{DiffSide, DiffView, render_diff_json, render_diff_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let a = String::from_utf8_lossy(a);
    let b = String::from_utf8_lossy(b);
    let comparison = compare(&a, &b, &OverlapConfig::default());
    assert!((0.0..=1.0).contains(&comparison.similarity));
    let diff = word_diff(a.trim(), b.trim());
    let side = |path: &str, text: &str| DiffSide {
        path: path.into(),
        first_line: 1,
        last_line: text.lines().count().max(1) as u32,
        words: text_tokens(text).len(),
    };
    let old: String = diff
        .iter()
        .filter(|c| c.tag != DiffTag::Insert)
        .map(|c| c.text.as_str())
        .collect();
    let new: String = diff
        .iter()
        .filter(|c| c.tag != DiffTag::Delete)
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(old, a.trim());
    // Equal chunks carry A's text: B comes back up to white space and apostrophes
    // (the documented contract of `word_diff`).
    let loose = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if matches!(c, '\u{2019}' | '\u{2018}') {
                    '\''
                } else {
                    c
                }
            })
            .collect()
    };
    assert_eq!(loose(&new), loose(b.trim()));
    let view = DiffView {
        a: side("a.txt", &a),
        b: side("b.txt", &b),
        similarity: round3(comparison.similarity),
        containment_a: round3(comparison.containment_a),
        containment_b: round3(comparison.containment_b),
        diff,
    };
    let mut out = Vec::new();
    render_diff_text(&view, false, &mut out).expect("rendered");
    out.clear();
    render_diff_json(&view, &mut out).expect("rendered");
});
