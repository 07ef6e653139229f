//! The `[overlap]` table of factdiff.toml.

use factdiff_findings::Severity;
use serde::{Deserialize, Serialize};

/// What to do with boilerplate: text found in many otherwise unrelated articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateMode {
    /// Report each boilerplate sentence once, as an `info` finding of kind
    /// `boilerplate`, apart from the overlaps between stories.
    #[default]
    Report,
    /// Leave boilerplate out of the report altogether.
    Ignore,
}

/// Parameters of overlap detection: the `[overlap]` table of factdiff.toml.
///
/// The defaults were chosen on real data (the seeds, Reuters-21578, Clough–Stevenson
/// and MSRP; see `cargo xtask eval`) and are documented field by field.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct OverlapConfig {
    /// A passage shorter than this many words is not reported (default 10), words
    /// counted as written ("gold-silver-lead-zinc" is one). Short common phrases
    /// ("the Trans-Caspian International Transport Route") stay below.
    pub min_words: usize,
    /// A passage must also share at least this many distinct content words (neither
    /// function words nor figures; default 7), so that a template that differs only
    /// in its figures ("available in denominations of 10 mln yen and will be listed
    /// in") is not an overlap.
    pub min_content_words: usize,
    /// A whole paragraph (a headline, a subtitle) repeated exactly is reported from
    /// this many words (default 6), even below `min-words`.
    pub min_paragraph_words: usize,
    /// A passage repeated inside one article, other than whole sentences or a whole
    /// paragraph repeated exactly, is reported from this many words (default 20). Read on real text (issue
    /// 13), the shorter repeats within one article were normal writing, not text
    /// printed twice: a lede in the words of the quote it reports ("the Bundesbank has
    /// no interest in higher capital market rates"), two sentences citing the same
    /// sources, the header of a second table; a paragraph or a teaser printed twice is
    /// longer.
    pub min_within_words: usize,
    /// Words per shingle (default 5): the unit of exact matching.
    pub shingle: usize,
    /// Winnowing window, in shingles (default 4): one fingerprint is kept per window,
    /// so any match of `shingle + window - 1` words (8) shares a fingerprint.
    pub window: usize,
    /// Edited words tolerated between two matching stretches of one passage
    /// (default 4), as WCopyfind's imperfections: a sentence with a changed word or two
    /// stays one passage.
    pub max_gap: usize,
    /// Two articles are compared when they share at least this many fingerprints
    /// (default 2).
    pub min_shared: usize,
    /// A fingerprint found in more articles than this (default 100) is too common to
    /// make two articles candidates.
    pub max_postings: usize,
    /// Report sentences retold in other words (the sentence-level near overlap, as
    /// `info`; default false). Off by default: read on real text as an editor reviewing
    /// duplicate coverage would (issue 13, `cargo xtask eval precision`), such a pair
    /// was the same report in 2 of 12 judged, the others two reports of one template
    /// or two outlets' own sentences on one event ("Klitschko stopped Rahman in the
    /// seventh round" / "Klitschko defended his IBF crown ..."). Passages repeated with
    /// edits are reported either way.
    pub reworded: bool,
    /// With `reworded`, two sentences that tell the same thing in other words are a near overlap when
    /// their similarity (Dice coefficient of their content words) reaches this
    /// (default 0.55); 0 when both give figures and share none. Chosen on MSRP
    /// (`cargo xtask eval msrp`), whose pairs are all hard candidates with high word
    /// overlap (67.5% paraphrases): at 0.55, precision of "paraphrase" is 0.77 on
    /// train and test, recall 0.81 / 0.79. It is the knee of the curve (0.60 buys
    /// 2.5 points of precision for 7 of recall), and MSRP's non-paraphrases above it
    /// are mostly partial coverage of the same event, which an editor reviewing
    /// duplicate coverage still wants to see.
    pub near_threshold: f64,
    /// With `reworded`, sentences shorter than this many words are not compared for rewording
    /// (default 10).
    pub near_min_words: usize,
    /// Two articles are duplicate coverage (one cluster) when each has at least this
    /// share of its words in passages found in the other (default 0.8).
    pub cluster_containment: f64,
    /// A passage is formulaic phrasing, not an overlap, when most of its fingerprints
    /// are found in at least this many unrelated articles (default 5): wire templates
    /// such as "The selling concession is 1-3/8 pct while management and underwriting
    /// combined pays ..." repeat across hundreds of stories with other figures.
    pub common_phrase_articles: usize,
    /// A sentence found in at least this many unrelated articles (default 5) is
    /// boilerplate, unless `boilerplate-df` asks for more.
    pub boilerplate_min_articles: usize,
    /// ... or in at least this fraction of all articles (default 0.001), whichever is
    /// larger.
    pub boilerplate_df: f64,
    /// A boilerplate sentence has at least this many words (default 4).
    pub boilerplate_min_words: usize,
    /// The severity of a repeated passage and of a cluster of duplicate coverage
    /// (`info`, `warning` or `error`; default `info`). Boilerplate and reworded
    /// sentences are always `info`. `info` by default (issue 13; `cargo xtask eval
    /// precision`, the figure in `[precision.overlap]` of eval/figures.toml): read as
    /// an editor would, it is 0.902 (147 of 163) over Reuters-21578 and ECB+ together,
    /// at its aim of 0.9 on ECB+ (0.982, 54 of 55) but below it on Reuters (0.861, 93 of
    /// 108): templates of other companies, days and markets, stock phrases of a few
    /// days' news, table headers and attributions remain. `severity = "warning"` brings
    /// it back.
    pub severity: Severity,
    /// Report boilerplate (as `info`) or ignore it (default `report`).
    pub boilerplate: BoilerplateMode,
}

impl Default for OverlapConfig {
    fn default() -> Self {
        OverlapConfig {
            min_words: 10,
            min_content_words: 7,
            min_paragraph_words: 6,
            min_within_words: 20,
            shingle: 5,
            window: 4,
            max_gap: 4,
            min_shared: 2,
            max_postings: 100,
            reworded: false,
            near_threshold: 0.55,
            near_min_words: 10,
            cluster_containment: 0.8,
            common_phrase_articles: 5,
            boilerplate_min_articles: 5,
            boilerplate_df: 0.001,
            boilerplate_min_words: 4,
            severity: Severity::Info,
            boilerplate: BoilerplateMode::Report,
        }
    }
}

impl OverlapConfig {
    /// Checks the values a user wrote: each one that [`sanitized`](Self::sanitized)
    /// would change silently (a passage of 0 words, a fraction above 1) is an error
    /// that names the key and the range it takes, so that factdiff.toml means what it
    /// says.
    pub fn validate(&self) -> Result<(), String> {
        let at_least = [
            ("shingle", self.shingle, 1),
            ("window", self.window, 1),
            ("min-shared", self.min_shared, 1),
            ("max-postings", self.max_postings, 2),
            ("min-words", self.min_words, 1),
            ("min-paragraph-words", self.min_paragraph_words, 1),
            ("min-within-words", self.min_within_words, 1),
            ("boilerplate-min-articles", self.boilerplate_min_articles, 2),
            ("common-phrase-articles", self.common_phrase_articles, 2),
        ];
        for (key, value, min) in at_least {
            if value < min {
                return Err(format!(
                    "[overlap] {key} = {value}: expected a whole number of at least {min}"
                ));
            }
        }
        for (key, value) in [("shingle", self.shingle), ("window", self.window)] {
            if value > 64 {
                return Err(format!(
                    "[overlap] {key} = {value}: expected a whole number from 1 to 64"
                ));
            }
        }
        for (key, value) in [
            ("near-threshold", self.near_threshold),
            ("cluster-containment", self.cluster_containment),
            ("boilerplate-df", self.boilerplate_df),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(format!(
                    "[overlap] {key} = {value}: expected a number between 0 and 1"
                ));
            }
        }
        Ok(())
    }

    /// The configuration with out-of-range values brought into range (a shingle or
    /// window of 0 becomes 1, fractions are clamped to [0, 1]).
    pub fn sanitized(&self) -> OverlapConfig {
        let mut c = self.clone();
        c.shingle = c.shingle.clamp(1, 64);
        c.window = c.window.clamp(1, 64);
        c.min_shared = c.min_shared.max(1);
        c.max_postings = c.max_postings.max(2);
        c.min_words = c.min_words.max(1);
        c.min_paragraph_words = c.min_paragraph_words.max(1);
        c.min_within_words = c.min_within_words.max(1);
        c.near_threshold = clamp01(c.near_threshold);
        c.cluster_containment = clamp01(c.cluster_containment);
        c.boilerplate_df = clamp01(c.boilerplate_df);
        c.boilerplate_min_articles = c.boilerplate_min_articles.max(2);
        c.common_phrase_articles = c.common_phrase_articles.max(2);
        c
    }

    /// How many unrelated articles make a sentence boilerplate in a corpus of
    /// `n_articles`.
    pub fn boilerplate_threshold(&self, n_articles: usize) -> usize {
        let by_df = (self.boilerplate_df * n_articles as f64).ceil() as usize;
        self.boilerplate_min_articles.max(by_df).max(2)
    }
}

fn clamp01(x: f64) -> f64 {
    if x.is_nan() { 1.0 } else { x.clamp(0.0, 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_valid_and_values_out_of_range_are_named() {
        assert_eq!(OverlapConfig::default().validate(), Ok(()));
        let c = OverlapConfig {
            shingle: 65,
            ..OverlapConfig::default()
        };
        assert_eq!(
            c.validate().unwrap_err(),
            "[overlap] shingle = 65: expected a whole number from 1 to 64"
        );
        let c = OverlapConfig {
            boilerplate_df: f64::NAN,
            ..OverlapConfig::default()
        };
        assert!(
            c.validate()
                .unwrap_err()
                .starts_with("[overlap] boilerplate-df = NaN")
        );
    }

    #[test]
    fn kebab_case_keys_and_unknown_keys_rejected() {
        let c: OverlapConfig =
            serde_json::from_str(r#"{"min-words": 12, "boilerplate": "ignore"}"#).unwrap();
        assert_eq!(c.min_words, 12);
        assert_eq!(c.boilerplate, BoilerplateMode::Ignore);
        assert_eq!(c.shingle, 5);
        assert!(serde_json::from_str::<OverlapConfig>(r#"{"min_words": 12}"#).is_err());
        assert_eq!(c.severity, Severity::Info);
        assert!(!c.reworded);
        let c: OverlapConfig =
            serde_json::from_str(r#"{"severity": "warning", "reworded": true}"#).unwrap();
        assert_eq!(c.severity, Severity::Warning);
        assert!(c.reworded);
    }

    #[test]
    fn boilerplate_threshold_takes_the_larger() {
        let c = OverlapConfig::default();
        assert_eq!(c.boilerplate_threshold(5), 5);
        assert_eq!(c.boilerplate_threshold(19_043), 20);
    }
}
