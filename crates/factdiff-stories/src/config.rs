//! The `[stories]` table of factdiff.toml.

use serde::{Deserialize, Serialize};

/// Parameters of the story stage: the `[stories]` table of factdiff.toml.
///
/// The defaults were chosen on the development half of ECB+ (`cargo xtask eval
/// stories`: 21 topics of two similar real events each), for precision first; see
/// docs/stories.md for the figures.
#[derive(Deserialize, Serialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct StoryConfig {
    /// Two articles are linked when their evidence scores at least this (default
    /// 0.30): the weighted similarity of their rare names, event words, figures and
    /// shared passages, each between 0 and 1.
    pub link_threshold: f64,
    /// Two groups of articles merge into one story when the average score of all the
    /// pairs across them (a pair never scored counts 0) reaches this (default 0.20):
    /// average link, so that one good pair cannot chain two events together.
    pub merge_threshold: f64,
    /// Weight of the rare names shared (people, places, organisations; default 0.20).
    pub name_weight: f64,
    /// Weight of the event's words shared (content words and figures; default 0.70).
    pub word_weight: f64,
    /// Weight of the text shared word for word (default 0.10).
    pub passage_weight: f64,
    /// Two articles both dated more than this many days apart are not one story
    /// (default 10), unless they share text word for word (a later republication).
    pub max_days_apart: u32,
    /// A key (name, word, passage) found in more than this share of the articles
    /// (default 0.005), and in more than `block-min-df` articles, is too common to
    /// make two articles candidates.
    pub block_max_share: f64,
    /// See `block-max-share` (default 60).
    pub block_min_df: usize,
    /// ... but a key in more than this many articles is too common whatever the
    /// corpus's size (default 200). Without this ceiling the cap grows with the corpus,
    /// and the candidate pairs a key gives grow with its square: the grouping was
    /// quadratic (1x to 4x Reuters: 4.1 s to 126 s). It binds only above 40,000
    /// articles (0.005 of them is 200), so smaller corpora block as before.
    pub block_max_df: usize,
    /// Two articles are scored only when they share at least this many rare keys
    /// (default 3).
    pub min_shared_keys: usize,
    /// Each article's leading names (the rarest names it repeats, at most this many;
    /// default 3): two articles whose leading names are each absent from the other
    /// are about different participants or places, and are never linked.
    pub lead_names: usize,
    /// Each article's nearest candidates (default 6) whose agreement scores a pair:
    /// two articles are scored by how much their `neighbours` highest-scoring
    /// candidates (and they themselves) agree, weighted by those scores (shared
    /// nearest neighbours), not by their own evidence alone. 0 scores each pair by
    /// its own evidence.
    pub neighbours: usize,
    /// Two groups of articles merge only while at most this share of the pairs
    /// across them are vetoed (default 0.2; 0: no veto at all). Two articles alone
    /// are never linked over a veto.
    pub veto_share: f64,
}

impl Default for StoryConfig {
    fn default() -> StoryConfig {
        StoryConfig {
            link_threshold: 0.30,
            merge_threshold: 0.20,
            name_weight: 0.20,
            word_weight: 0.70,
            passage_weight: 0.10,
            max_days_apart: 10,
            block_max_share: 0.005,
            block_min_df: 60,
            block_max_df: 200,
            min_shared_keys: 3,
            lead_names: 3,
            neighbours: 6,
            veto_share: 0.2,
        }
    }
}

impl StoryConfig {
    /// Checks what the types cannot say; the message names the key and how to fix it.
    pub fn validate(&self) -> Result<(), String> {
        for (key, value) in [
            ("link-threshold", self.link_threshold),
            ("merge-threshold", self.merge_threshold),
            ("name-weight", self.name_weight),
            ("word-weight", self.word_weight),
            ("passage-weight", self.passage_weight),
            ("block-max-share", self.block_max_share),
            ("veto-share", self.veto_share),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(format!(
                    "[stories] {key} = {value}: expected a number between 0 and 1"
                ));
            }
        }
        if self.name_weight + self.word_weight + self.passage_weight <= 0.0 {
            return Err(
                "[stories] name-weight, word-weight and passage-weight are all 0: give at least one a weight above 0".to_owned(),
            );
        }
        if self.block_max_df < self.block_min_df {
            return Err(format!(
                "[stories] block-max-df = {} is below block-min-df = {}: give block-max-df at least block-min-df",
                self.block_max_df, self.block_min_df
            ));
        }
        if self.min_shared_keys == 0 {
            return Err("[stories] min-shared-keys = 0: expected at least 1".to_owned());
        }
        Ok(())
    }
}
