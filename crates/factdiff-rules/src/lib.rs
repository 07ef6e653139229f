//! Rules as data; claims x rules -> findings, across articles.
//!
//! A rule file (TOML) instantiates one of the built-in rule [`Kind`]s with an ID,
//! severity, message template and parameters; fact sheets declare facts that claims
//! are checked against. [`RuleSet::builtin`] is the repository's `rules/` folder
//! embedded in the binary; [`RuleSet::load`] overlays folders of the user's own (a
//! rule with the same ID replaces the built-in one, `enabled = false` turns it off).
//! Every error in a rule file names the file, line, column and key.
//!
//! The check is written as map -> group by key -> compare: each article's claims are
//! computed apart (by factdiff-claims), claims are grouped by what they are about, and
//! only claims within a group are compared, never all pairs of articles. The result is
//! sorted into the one total order of findings, whatever the thread count.
//!
//! ```
//! use factdiff_rules::{Kind, RuleSet};
//!
//! let rules = RuleSet::builtin();
//! assert_eq!(rules.get("name-variant").unwrap().kind, Kind::NameVariant);
//!
//! let err = RuleSet::from_sources(&[(
//!     "mine/typo.toml",
//!     "id = \"my-rule\"\nkind = \"count-mismatch\"\nserverity = \"info\"\n",
//! )])
//! .unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "mine/typo.toml:3:1: unknown key `serverity`; did you mean `severity`?"
//! );
//! ```
#![deny(missing_docs)]

mod catalog;
mod docs;
mod error;
pub mod kinds;
mod load;
pub mod measured;
mod params;
mod schema;
mod template;
mod text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use factdiff_claims::ArticleClaims;
use factdiff_corpus::Corpus;
use factdiff_findings::{Finding, Severity};
pub use factdiff_stories::Stories;

pub use catalog::rule_meta;
pub use docs::{rules_doc_blocks, update_rules_doc};
pub use error::RuleError;
pub use kinds::{Kind, KindInfo};
pub use params::{ParamSpec, ParamType, ParamValue, Params};
pub use schema::{json_schema, toml_to_json};

/// One rule: a kind with its ID, severity, message and parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The stable ID findings carry (`count-mismatch`).
    pub id: String,
    /// The kind it instantiates.
    pub kind: Kind,
    /// The severity of its findings.
    pub severity: Severity,
    /// The message template.
    pub message: String,
    /// What the rule is for, in the file's words.
    pub description: Option<String>,
    /// Whether it runs.
    pub enabled: bool,
    /// The kind's parameters, defaults filled in.
    pub params: Params,
    /// The file it was read from.
    pub file: String,
}

/// A fact declared in a fact sheet: claims about `subject` in `unit` must fall in
/// `[min, max]`, widened by `tolerance`.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Its ID (`file#n` when the sheet gives none).
    pub id: String,
    /// Words (lower case) that must all appear in a claim's sentence.
    pub subject: Vec<String>,
    /// The claim's unit: counted noun, ISO currency code or `%`.
    pub unit: String,
    /// The claim's measure, when the fact names one.
    pub measure: Option<String>,
    /// Lower bound, `None` for none.
    pub min: Option<f64>,
    /// Upper bound, `None` for none.
    pub max: Option<f64>,
    /// A fraction the bounds are widened by (0.05 is 5%).
    pub tolerance: f64,
    /// The fact holds for articles dated on or after this day.
    pub valid_from: Option<jiff::civil::Date>,
    /// The fact holds for articles dated on or before this day.
    pub valid_until: Option<jiff::civil::Date>,
    /// Where the fact comes from.
    pub source: Option<String>,
    /// The sheet it was declared in.
    pub file: String,
    /// The line of its `[[fact]]`.
    pub line: u32,
}

/// A set of rules and facts, by ID.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    rules: BTreeMap<String, Rule>,
    /// Fact sheets by file name: a sheet replaces the one of the same name.
    facts: BTreeMap<String, Vec<Fact>>,
}

impl RuleSet {
    /// The default rule set: the repository's `rules/` folder, embedded.
    pub fn builtin() -> RuleSet {
        let mut set = RuleSet::from_sources(kinds::BUILTIN).expect("the built-in rules are valid");
        for (file, text) in load::BUILTIN_FACTS {
            set.add_facts(load::parse_facts(file, text).expect("the built-in facts are valid"));
        }
        set
    }

    /// The built-in rules overlaid, in order, with each folder's rule files (`*.toml`)
    /// and fact sheets (`facts/*.toml`). A rule with an ID already present replaces it.
    pub fn load(dirs: &[PathBuf]) -> Result<RuleSet, RuleError> {
        RuleSet::load_from(Path::new(""), dirs)
    }

    /// [`RuleSet::load`] with `dirs` relative to `base`; errors name the files as
    /// `dir/file.toml`, relative, the way the user wrote them.
    pub fn load_from(base: &Path, dirs: &[PathBuf]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::builtin();
        for dir in dirs {
            load::read_dir(base, dir, &mut set)?;
        }
        Ok(set)
    }

    /// A rule set from rule files in memory: `(file name, TOML)`.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::default();
        for (file, text) in sources {
            set.insert(load::parse_rule(file, text)?);
        }
        Ok(set)
    }

    /// Adds facts from a sheet in memory.
    pub fn add_fact_sheet(&mut self, file: &str, text: &str) -> Result<(), RuleError> {
        let facts = load::parse_facts(file, text)?;
        self.add_facts(facts);
        Ok(())
    }

    pub(crate) fn insert(&mut self, rule: Rule) {
        self.rules.insert(rule.id.clone(), rule);
    }

    pub(crate) fn add_facts(&mut self, facts: Vec<Fact>) {
        let Some(first) = facts.first() else { return };
        let name = first
            .file
            .rsplit('/')
            .next()
            .unwrap_or(&first.file)
            .to_owned();
        self.facts.insert(name, facts);
    }

    /// Every rule, in ID order, enabled or not.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values()
    }

    /// The rules that run, in ID order.
    pub fn enabled(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values().filter(|r| r.enabled)
    }

    /// Turns every rule on, those off by default too: what an evaluation measures
    /// (`cargo xtask eval precision` reads the findings of a rule that is off by
    /// default, to say why it is off and when it may be turned on).
    pub fn enable_all(&mut self) {
        for rule in self.rules.values_mut() {
            rule.enabled = true;
        }
    }

    /// The rule with this ID.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.get(id)
    }

    /// The event classes the enabled rules add to the claims' events lexicon
    /// (`date-mismatch`'s `predicates`), each its name then its words, in rule ID
    /// order: vocabulary a rule file gives is the lexicon's, read by factdiff-claims,
    /// not matched by the rule.
    pub fn event_classes(&self) -> Vec<Vec<String>> {
        self.rules
            .values()
            .filter(|r| r.enabled && r.kind == Kind::DateMismatch)
            .flat_map(|r| r.params.groups("predicates").iter().cloned())
            .collect()
    }

    /// Every fact, sheet by sheet in name order.
    pub fn facts(&self) -> impl Iterator<Item = &Fact> {
        self.facts.values().flatten()
    }

    /// The ID closest to `id`, for "did you mean" in `rules explain` ([`suggest_id`]).
    pub fn suggest(&self, id: &str) -> Option<&str> {
        suggest_id(id, self.rules.keys().map(String::as_str))
    }
}

/// The rule ID of `ids` that `given` most likely means, for "did you mean": the
/// closest by edit distance (a typo, "quote-drif"), else the one ID that has `given`
/// as one of its words ("anniversary" for `anniversary-mismatch`, "drift" for
/// `quote-drift`; "mismatch", a word of several, suggests none).
pub fn suggest_id<'a>(given: &str, ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let ids: Vec<&str> = ids.into_iter().collect();
    error::did_you_mean(given, ids.iter().copied()).or_else(|| {
        let word = given.trim().to_lowercase().replace('_', "-");
        let mut having = ids
            .iter()
            .copied()
            .filter(|id| !word.is_empty() && id.split('-').any(|w| w == word));
        match (having.next(), having.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    })
}

/// Checks the claims of a corpus (`claims[i]` are the claims of article `i`) against
/// the enabled rules: each rule maps articles, groups claims by key and compares only
/// within a group, and two articles' claims only when `stories` says the articles
/// report the same event (unless the rule's `across = "corpus"` widens it); the rules run one after the other, each parallel inside (so their
/// working sets are not held at once). The findings come back sorted into their one
/// total order, with unique fingerprints, whatever the thread count.
pub fn check(
    corpus: &Corpus,
    claims: &[ArticleClaims],
    rules: &RuleSet,
    stories: &Stories,
) -> Vec<Finding> {
    assert_eq!(
        corpus.articles.len(),
        claims.len(),
        "one list of claims per article"
    );
    let enabled: Vec<&Rule> = rules.enabled().collect();
    let mut cx = kinds::Cx {
        corpus,
        claims,
        rules,
        stories,
        scopes: Vec::new(),
    };
    // Computed once, before the rules run side by side, for every rule that reads it.
    if enabled.iter().any(|r| r.kind.needs_scopes()) {
        cx.scopes = kinds::scope::scopes(&cx);
    }
    // One rule after the other, each parallel over articles and groups: their
    // working sets are not held at once.
    let mut findings: Vec<Finding> = enabled
        .iter()
        .flat_map(|rule| rule.kind.check(&cx, rule))
        .collect();
    factdiff_findings::finalize(&mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> RuleError {
        RuleSet::from_sources(&[("r.toml", text)]).unwrap_err()
    }

    #[test]
    fn builtin_has_the_ten_default_rules_with_their_kinds_ids() {
        let set = RuleSet::builtin();
        let ids: Vec<&str> = set.rules().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, Kind::ids());
        for rule in set.rules() {
            assert_eq!(rule.kind.info().id, rule.id);
            // acronym-undefined and sum-mismatch are off by default: below their
            // precision aim on real news (their rule files say why; `rules explain`
            // gives the figure).
            assert_eq!(
                rule.enabled,
                !["acronym-undefined", "sum-mismatch"].contains(&rule.id.as_str()),
                "{}",
                rule.id
            );
        }
        assert!(set.facts().count() >= 2);
    }

    #[test]
    fn errors_name_file_line_column_and_key() {
        let e =
            err("id = \"x\"\nkind = \"count-mismatch\"\n\n[params]\nmonotonik = [\"deaths\"]\n");
        assert_eq!(
            e.to_string(),
            "r.toml:5:1: unknown parameter `monotonik` for kind `count-mismatch`; did you mean `monotonic`?"
        );
        assert_eq!(e.key.as_deref(), Some("params.monotonik"));

        let e = err("id = \"x\"\nkind = \"count-mismatc\"\n");
        assert_eq!(
            e.to_string(),
            "r.toml:2:8: unknown rule kind `count-mismatc`; did you mean `count-mismatch`?"
        );
        let e = err("id = \"x\"\nkind = \"quote-drift\"\nseverity = \"fatal\"\n");
        assert!(
            e.to_string()
                .starts_with("r.toml:3:12: unknown severity `fatal`; expected one of `error`"),
            "{e}"
        );
        let e = err("id = \"x\"\nkind = \"quote-drift\"\n[params]\nmin-words = \"six\"\n");
        assert_eq!(
            e.to_string(),
            "r.toml:4:13: `params.min-words`: expected an integer from 2 to 100"
        );
        let e = err("id = \"x\"\nkind = \"quote-drift\"\nmessage = \"{speakr} said\"\n");
        assert_eq!(
            e.to_string(),
            "r.toml:3:12: unknown placeholder `{speakr}` in `message`; did you mean `speaker`?"
        );
        let e = err("id = \"Bad Id\"\nkind = \"quote-drift\"\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("kebab-case"));
        let e = err("kind = \"quote-drift\"\n");
        assert!(e.message.contains("missing key `id`"), "{e}");
        let e = err("id = \"x\"\nkind = [\n");
        assert!(e.message.starts_with("invalid TOML"), "{e}");
    }

    #[test]
    fn a_user_rule_replaces_the_builtin_one_and_can_disable_it() {
        let dir = std::env::temp_dir().join(format!("factdiff-rules-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("facts")).unwrap();
        std::fs::write(
            dir.join("quotes.toml"),
            "id = \"quote-drift\"\nkind = \"quote-drift\"\nenabled = false\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("strict.toml"),
            "id = \"strict-counts\"\nkind = \"count-mismatch\"\nseverity = \"warning\"\n[params]\nmonotonic = []\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("facts/mine.toml"),
            "[[fact]]\nsubject = [\"kazakhstan\", \"regions\"]\nunit = \"regions\"\nvalue = 20\n",
        )
        .unwrap();
        let set = RuleSet::load(std::slice::from_ref(&dir)).unwrap();
        assert!(!set.get("quote-drift").unwrap().enabled);
        assert_eq!(
            set.get("strict-counts").unwrap().severity,
            Severity::Warning
        );
        assert!(set.enabled().all(|r| r.id != "quote-drift"));
        assert!(set.facts().any(|f| f.unit == "regions"));

        std::fs::write(
            dir.join("facts/bad.toml"),
            "[[fact]]\nsubject = [\"x\"]\nunit = \"t\"\nvalu = 3\n",
        )
        .unwrap();
        let e = RuleSet::load(std::slice::from_ref(&dir)).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("bad.toml:4:1: unknown key `valu` in a fact; did you mean `value`?"),
            "{e}"
        );
        assert_eq!(e.key.as_deref(), Some("fact[0].valu"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The findings of one rule file over articles given as (date, text).
    fn run(rule: &str, articles: &[(&str, &str)]) -> Vec<Finding> {
        let inputs = articles
            .iter()
            .enumerate()
            .map(|(i, (date, text))| factdiff_corpus::Input {
                path: format!("{i}.md"),
                // Each its own headline: one headline over sentences worded alike on
                // other days is a recurring report, which count-mismatch leaves alone.
                bytes: format!(
                    "+++\ntitle = \"Report {}\"\ndate = {date}\n+++\n{text}\n",
                    char::from(b'A' + i as u8)
                )
                .into_bytes(),
            })
            .collect();
        let corpus = Corpus::from_inputs(inputs);
        let lex = factdiff_claims::Lexicons::builtin();
        let claims: Vec<ArticleClaims> = corpus
            .articles
            .iter()
            .map(|a| ArticleClaims::extract(a, &lex))
            .collect();
        let rules = RuleSet::from_sources(&[("r.toml", rule)]).unwrap();
        let stories = factdiff_stories::group(
            &corpus,
            &claims,
            &lex,
            &factdiff_stories::StoryConfig::default(),
        );
        check(&corpus, &claims, &rules, &stories)
    }

    /// One statement in many near-copies of one text, each worded a little
    /// differently, is compared with the text they copy, not pair by pair (issue
    /// 14): n copies, n - 1 findings; a few copies are compared pair by pair.
    #[test]
    fn quote_drift_in_many_copies_is_linear() {
        let rule = "id = \"q\"\nkind = \"quote-drift\"\n[params]\nacross = \"corpus\"\n";
        let words = [
            "homes", "houses", "roads", "bridges", "schools", "clinics", "farms", "shops", "mills",
            "docks",
        ];
        let texts: Vec<String> = words
            .iter()
            .map(|w| {
                format!(
                    "Floods swept through the Arno valley on Tuesday, cutting off three villages and \
                     closing the main road to the coast. Rescue teams from Florence reached the \
                     upper valley by helicopter and moved two hundred residents to a sports hall \
                     in the town of Pontassieve, where the regional council set up a shelter. \
                     \"We will rebuild every one of the {w} in this valley before the winter \
                     comes,\" Mayor John Smith said at the shelter on Wednesday morning."
                )
            })
            .collect();
        let articles: Vec<(&str, &str)> =
            texts.iter().map(|t| ("2024-10-30", t.as_str())).collect();
        assert_eq!(run(rule, &articles).len(), words.len() - 1);
        // A few copies are still compared pair by pair.
        assert_eq!(run(rule, &articles[..3]).len(), 3);
    }

    #[test]
    fn monotonic_adds_to_the_lexicons_rising_measures() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let toll = [
            (
                "2024-10-30",
                "12 people were killed in the floods in Valencia, emergency services said.",
            ),
            (
                "2024-10-31",
                "20 people were killed in the floods in Valencia, emergency services said.",
            ),
        ];
        let missing = [
            (
                "2024-10-30",
                "20 people are missing after the floods in Valencia, emergency services said.",
            ),
            (
                "2024-10-31",
                "12 people are missing after the floods in Valencia, emergency services said.",
            ),
        ];
        // Deaths rise (the lexicon's `[monotonic]`), whatever the rule lists.
        assert!(run(&format!("{counts}monotonic = []\n"), &toll).is_empty());
        // The missing are found: another day's count is another day's report ...
        assert!(run(counts, &missing).is_empty());
        // ... unless the rule adds `missing` to the rising measures: then a later,
        // smaller count contradicts the earlier one.
        assert_eq!(
            run(&format!("{counts}monotonic = [\"missing\"]\n"), &missing).len(),
            1
        );
        // The same day, the two counts contradict each other.
        let same_day = [(missing[0].0, missing[0].1), (missing[0].0, missing[1].1)];
        assert_eq!(run(counts, &same_day).len(), 1);
    }

    #[test]
    fn a_table_sharing_two_whole_counts_is_one_players_line() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let nouns = format!("{counts}same-nouns = [[\"catch\", \"pass\"]]\n");
        let line = |who: &str, rest: &str| {
            format!(
                "The Saints put running back Marcus Bell on injured reserve on Wednesday, \
                 ending his season before the playoff game at Seattle.\n\n{who}{rest}"
            )
        };
        let a = line(
            "He",
            " finished with 812 yards rushing and caught 41 passes for 356 yards.",
        );
        // A table (six figures) with a period the other sentence does not give.
        let table = " missed four games this season and had only 812 yards and six \
                     touchdowns on 190 carries and another 298 yards on 41 catches.";
        let b = line("But he", table);
        let pair = [("2011-01-05", a.as_str()), ("2011-01-05", b.as_str())];
        // "41 passes" / "41 catches": with `same-nouns`, two shared whole counts.
        assert_eq!(run(&nouns, &pair).len(), 1);
        // Without it, one shared figure in a table: its rows' periods stay strict.
        assert!(run(counts, &pair).is_empty());
        // Two players' lines sharing the same figures are two lines.
        let other = line("Panthers back Dion Carter", table);
        let a = line(
            "Saints back Marcus Bell",
            " finished with 812 yards rushing and caught 41 passes for 356 yards.",
        );
        let two = [("2011-01-05", a.as_str()), ("2011-01-05", other.as_str())];
        assert!(run(&nouns, &two).is_empty());
    }

    #[test]
    fn a_bare_toll_counts_people_in_the_ledes_only() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let lede = |injured: &str| {
            format!(
                "A bus overturned near Cusco on Sunday, killing 4 people, and {injured} \
                 injured, police said."
            )
        };
        let people = lede("15 people were");
        let pair = |a: &str| {
            run(
                counts,
                &[("2024-10-06", a), ("2024-10-06", people.as_str())],
            )
        };
        // "12 were injured" counts people: it contradicts "15 people were injured".
        assert_eq!(pair(&lede("12 were")).len(), 1);
        // Not in the body, where a bare figure is a part or a source's earlier one.
        let body = format!(
            "Rescue teams reached the road near Cusco on Sunday.\n\n{}",
            lede("12 were")
        );
        assert!(pair(&body).is_empty());
        // Nor a round word for a toll still being counted.
        assert!(pair(&lede("dozens were")).is_empty());
    }

    #[test]
    fn parts_are_compared_only_with_parts_of_the_same_whole() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let text = |reports: u32, rest: &str| {
            format!(
                "Coldline Appliances is recalling about 1.9 million space heaters because \
                 they can overheat, the Consumer Product Safety Commission said Tuesday.\n\n\
                 The company has received {reports} reports of the heaters overheating, \
                 {rest}, the agency said."
            )
        };
        let pair = |a: &str, b: &str| run(counts, &[("2026-03-10", a), ("2026-03-10", b)]).len();
        let nine = text(41, "including 9 minor burn injuries");
        // Two parts of one whole both articles give alike.
        assert_eq!(
            pair(&nine, &text(41, "including 19 minor burn injuries")),
            1
        );
        // Not a part against a figure given alone, which may be a whole.
        let alone = text(41, "and 19 minor burn injuries were reported");
        assert_eq!(pair(&nine, &alone), 0);
        // Nor parts of wholes that differ (the wholes themselves are compared).
        let other_whole = "Coldline Appliances is recalling about 1.9 million space heaters \
                           because they can overheat, the Consumer Product Safety Commission \
                           said Tuesday.\n\nOf its 250 heaters returned, 19 minor burn \
                           injuries were linked to the fault, the agency said.";
        assert_eq!(pair(&nine, other_whole), 0);
        // One part of a list is compared by the name it is given to.
        let vote = |rest: &str| {
            format!(
                "Grace Okafor was elected chair of the Dunmore school board on Tuesday, \
                 beating Leon Brandt, the district office said.\n\n\
                 Of the 3,214 ballots cast, {rest}."
            )
        };
        let list = vote("1,702 went to Okafor and 1,488 to Brandt, and 24 were spoiled");
        let found = |b: &str| {
            run(counts, &[("2026-05-20", list.as_str()), ("2026-05-20", b)])
                .iter()
                .map(|f| f.locations[1].text.as_str().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(found(&vote("1,720 were for Okafor")), ["1,702"]);
        assert_eq!(found(&vote("1,520 went to Brandt")), ["1,488"]);
        // A part given to no name is not one of a list's.
        assert!(found(&vote("30 were spoiled")).is_empty());
    }

    #[test]
    fn amounts_of_one_class_are_one_figure() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let classes = "amount-predicates = [[\"demand\", \"ransom\", \"demanded\"], \
                       [\"fine\", \"fined\", \"fine\"], [\"prison term\", \"sentenced\"]]\n";
        let hedges = "amount-hedges = [\"sought\", \"maximum\"]\n";
        let with = format!("{counts}{classes}{hedges}");
        let lede = "Hospitals of the Vestfold Hospital Trust cancelled operations after a \
                    ransomware attack on Monday, chief executive Margit Olsen said.";
        let ransom = |sentence: &str| format!("{lede}\n\n{sentence}");
        let a = ransom("The criminal group demanded a ransom of $5.4 million.");
        let pair = |rule: &str, days: [&str; 2], b: &str| {
            run(rule, &[(days[0], a.as_str()), (days[1], b)]).len()
        };
        let same = ["2026-11-10", "2026-11-10"];
        let b = ransom("The attackers demanded $4.5 million in cryptocurrency.");
        // One demand worded two ways, the same day.
        assert_eq!(pair(&with, same, &b), 1);
        // Without the class, two amounts of nothing said.
        assert_eq!(pair(counts, same, &b), 0);
        // "May" is a month, no hedge.
        assert_eq!(
            pair(
                &format!("{counts}{classes}amount-hedges = [\"may\"]\n"),
                same,
                &ransom("In May the attackers demanded $4.5 million in cryptocurrency.")
            ),
            1
        );
        // Another day's figure is another day's report.
        assert_eq!(pair(&with, ["2026-11-10", "2026-11-12"], &b), 0);
        // Another class: a fine is no ransom.
        assert_eq!(
            pair(
                &with,
                same,
                &ransom("The trust was fined $4.5 million by regulators.")
            ),
            0
        );
        // What could be is not what is.
        assert_eq!(
            pair(
                &with,
                same,
                &ransom("The trust faces a maximum fine of $4.5 million.")
            ),
            0
        );
        // A payer the other article never names: two companies' fines.
        let fines = |x: &str, y: &str| {
            run(
                &with,
                &[
                    (
                        "2026-05-21",
                        &*format!("{x} by the Financial Conduct Authority on Thursday."),
                    ),
                    (
                        "2026-05-21",
                        &*format!("{y} by the Financial Conduct Authority on Thursday."),
                    ),
                ],
            )
            .len()
        };
        assert_eq!(
            fines(
                "Barclays was fined 26 million pounds",
                "Lloyds was fined 105 million pounds"
            ),
            0
        );
        assert_eq!(
            fines(
                "Barclays was fined 26 million pounds",
                "Barclays was fined 105 million pounds"
            ),
            1
        );
        // The watchdog that fines and the company fined, each the first name of a
        // clause: one fine.
        let fine = |x: &str, y: &str| run(&with, &[("2026-05-21", x), ("2026-05-21", y)]).len();
        assert_eq!(
            fine(
                "The Financial Conduct Authority fined Barclays 26 million pounds on Thursday.",
                "Barclays must pay a fine of 105 million pounds, the Financial Conduct Authority said on Thursday."
            ),
            1
        );
        // A prison term: a duration of its class, not what prosecutors sought.
        let terms = |x: &str, y: &str| {
            let text = |t: &str| format!("{t} for the shooting at the Riverside mall in Dayton.");
            run(
                &with,
                &[("2026-06-05", &*text(x)), ("2026-06-05", &*text(y))],
            )
            .len()
        };
        let hale = "Marcus Hale was sentenced to 40 years";
        assert_eq!(terms(hale, "Marcus Hale was sentenced to 45 years"), 1);
        assert_eq!(terms(hale, "Marcus Hale was sentenced to 40 years"), 0);
        assert_eq!(
            terms(hale, "Prosecutors sought 45 years for Marcus Hale"),
            0
        );
        assert_eq!(
            terms("Marcus Hale spent 40 years", "Marcus Hale spent 45 years"),
            0
        );
    }

    #[test]
    fn a_class_counts_its_nouns_alike() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let class = "lede-predicates = [[\"layoffs\", \"eliminating\", \"cutting\", \"laying off\", \"out of work\"]]\n";
        let nouns = "class-nouns = [[\"layoffs\", \"job\", \"worker\", \"people\"]]\n";
        let with = format!("{counts}{class}{nouns}");
        let lede = |cut: &str| {
            format!(
                "Harlow Steel said on Tuesday it would close its Millbrook mill next year, \
                 {cut}, the company said."
            )
        };
        let jobs = lede("eliminating 1,200 jobs");
        let pair = |rule: &str, b: &str| {
            run(rule, &[("2026-09-15", jobs.as_str()), ("2026-09-15", b)]).len()
        };
        // Jobs, workers laid off and people put out of work (a phrase of the class)
        // count one thing.
        assert_eq!(pair(&with, &lede("putting 1,100 people out of work")), 1);
        assert_eq!(pair(&with, &lede("laying off 1,100 workers")), 1);
        // Without the nouns, two counted nouns; without the class, no job cut.
        assert_eq!(
            pair(
                &format!("{counts}{class}"),
                &lede("laying off 1,100 workers")
            ),
            0
        );
        assert_eq!(
            pair(
                &format!("{counts}{nouns}"),
                &lede("laying off 1,100 workers")
            ),
            0
        );
        // A workforce is no job cut ("employs 1,100 workers").
        assert_eq!(pair(&with, &lede("where it employs 1,100 workers")), 0);
    }

    #[test]
    fn one_persons_age_given_two_ways_in_a_story() {
        let counts = "id = \"c\"\nkind = \"count-mismatch\"\n[params]\n";
        let text = |who: &str, age: u32| {
            format!(
                "{who}, {age}, was walking home on Monday evening when she was hit by a \
                 stray bullet in Brooklyn, police said."
            )
        };
        let pair = |a: &str, day_a: &str, b: &str, day_b: &str| {
            run(counts, &[(day_a, a), (day_b, b)]).len()
        };
        let (a, b) = (text("Carmen Horton", 34), text("Carmen Horton", 36));
        let older = text("Carmen Horton", 35);
        // The same day, two ages of one person.
        assert_eq!(pair(&a, "2024-05-14", &b, "2024-05-14"), 1);
        // Two days later, one more year: a birthday between them.
        assert_eq!(pair(&a, "2024-05-14", &older, "2024-05-16"), 0);
        // But not two more, nor one less.
        assert_eq!(pair(&a, "2024-05-14", &b, "2024-05-16"), 1);
        assert_eq!(pair(&older, "2024-05-14", &a, "2024-05-16"), 1);
        // A surname alone may be another of the family.
        let (x, y) = (text("Horton", 34), text("Horton", 36));
        assert_eq!(pair(&x, "2024-05-14", &y, "2024-05-14"), 0);
    }

    #[test]
    fn a_rules_predicates_are_event_classes_for_the_lexicon() {
        let dates = "id = \"d\"\nkind = \"date-mismatch\"\n[params]\n";
        let set = RuleSet::from_sources(&[(
            "r.toml",
            &format!("{dates}predicates = [[\"start\", \"premiered\"]]\n"),
        )])
        .unwrap();
        assert!(
            set.event_classes()
                .contains(&vec!["start".to_owned(), "premiered".to_owned()])
        );
        let off = RuleSet::from_sources(&[(
            "r.toml",
            &format!("enabled = false\n{dates}predicates = [[\"start\", \"premiered\"]]\n"),
        )])
        .unwrap();
        assert!(off.event_classes().is_empty());
    }
}

#[cfg(test)]
mod suggest_tests {
    use super::suggest_id;

    #[test]
    fn a_typo_or_one_word_of_one_rule_is_suggested() {
        let ids = [
            "anniversary-mismatch",
            "count-mismatch",
            "quote-drift",
            "weekday-mismatch",
        ];
        assert_eq!(suggest_id("quote-drif", ids), Some("quote-drift"));
        assert_eq!(
            suggest_id("weekday-mismtach", ids),
            Some("weekday-mismatch")
        );
        assert_eq!(suggest_id("anniversary", ids), Some("anniversary-mismatch"));
        assert_eq!(suggest_id("Weekday", ids), Some("weekday-mismatch"));
        assert_eq!(suggest_id("drift", ids), Some("quote-drift"));
        // A word of several rules, or of none: no guess.
        assert_eq!(suggest_id("mismatch", ids), None);
        assert_eq!(suggest_id("spelling", ids), None);
        assert_eq!(suggest_id("", ids), None);
    }
}
