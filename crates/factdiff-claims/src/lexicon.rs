//! Lexicons: the words behind the extractors, as TOML under `rules/lexicons/`.
//!
//! The files in the repository are embedded as the built-in default
//! ([`Lexicons::builtin`]); [`Lexicons::load`] reads a directory of `*.toml` files on top
//! of them, so a user adds a measure, a currency or a known acronym without Rust. Every
//! file may hold any of the top-level tables below; an entry replaces the built-in entry
//! with the same key, and list-valued tables (`titles`, `stopwords`, ...) are extended.
//! A file is read with serde into [`LexiconFile`], whose keys and values keep their
//! spans; validation errors name the file, the line and column, and the dotted key.

use std::collections::BTreeMap;
use std::collections::HashMap as StdHashMap;
use std::collections::HashSet as StdHashSet;

/// The lexicons' hash maps use foldhash with its fixed seed: they are looked up for
/// almost every word, and SipHash's DoS resistance buys nothing for keys that come from
/// our own files. The seed is fixed so that nothing depends on the process; still, no
/// output depends on their iteration order (they are only looked up, or folded into
/// sets and bit masks).
pub(crate) type HashMap<K, V> = StdHashMap<K, V, foldhash::fast::FixedState>;
/// A hash set with the lexicons' hasher (see [`HashMap`]).
pub(crate) type HashSet<K> = StdHashSet<K, foldhash::fast::FixedState>;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

const BUILTIN: &[(&str, &str)] = &[
    (
        "numbers.toml",
        include_str!("../../../rules/lexicons/numbers.toml"),
    ),
    (
        "units.toml",
        include_str!("../../../rules/lexicons/units.toml"),
    ),
    (
        "currencies.toml",
        include_str!("../../../rules/lexicons/currencies.toml"),
    ),
    (
        "calendar.toml",
        include_str!("../../../rules/lexicons/calendar.toml"),
    ),
    (
        "measures.toml",
        include_str!("../../../rules/lexicons/measures.toml"),
    ),
    (
        "events.toml",
        include_str!("../../../rules/lexicons/events.toml"),
    ),
    (
        "acronyms.toml",
        include_str!("../../../rules/lexicons/acronyms.toml"),
    ),
    (
        "words.toml",
        include_str!("../../../rules/lexicons/words.toml"),
    ),
    (
        "context.toml",
        include_str!("../../../rules/lexicons/context.toml"),
    ),
];

/// Bits of a word's lexicon classes, looked up once per token.
pub(crate) mod class {
    pub const MONTH: u16 = 1;
    pub const WEEKDAY: u16 = 1 << 1;
    pub const NUM_START: u16 = 1 << 2;
    pub const DATE_START: u16 = 1 << 3;
    pub const ORDINAL: u16 = 1 << 4;
    pub const TITLE: u16 = 1 << 5;
    pub const NOT_NAME: u16 = 1 << 6;
    pub const STOP: u16 = 1 << 7;
    pub const SPEECH: u16 = 1 << 8;
    pub const TIME_UNIT: u16 = 1 << 9;
    /// The first word of a multi-word lexicon entry (a phrase may start here).
    pub const MULTI_START: u16 = 1 << 10;
    /// Classes that the head of a hyphenated word passes on (`twenty-one`,
    /// `first-quarter`, `mid-November`).
    pub const HEAD: u16 = NUM_START | DATE_START | ORDINAL;
}

/// A lexicon file that cannot be used: it names the file, the line, the column and
/// the key, from the spans the TOML reader gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The file, as given.
    pub file: PathBuf,
    /// The 1-based line of the offending key or value, when known.
    pub line: Option<u32>,
    /// The 1-based column (in characters) on that line, when known.
    pub column: Option<u32>,
    /// The dotted key (`measures.deaths`), when known.
    pub key: Option<String>,
    /// What is wrong, lower-case, no trailing period.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `file:line:column: ...`, as the rule loader writes it, for editors to follow.
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(key) = &self.key {
            write!(f, ": key `{key}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for LexiconError {}

/// What a qualifier before a number does to its interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// `about 35`: widened both ways by the approximation fraction.
    Approx,
    /// `nearly 40`: widened downwards only.
    ApproxBelow,
    /// `at least 37`: `[37, inf)`.
    AtLeast,
    /// `more than 600`: `(600, inf)`.
    MoreThan,
    /// `up to 8`: `(-inf, 8]`.
    AtMost,
    /// `fewer than 8`: `(-inf, 8)`.
    LessThan,
}

impl Qualifier {
    fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "approx" => Qualifier::Approx,
            "approx_below" => Qualifier::ApproxBelow,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "at_most" => Qualifier::AtMost,
            "less_than" => Qualifier::LessThan,
            _ => return None,
        })
    }
}

/// The lexicons the extractors read. Keys are lower-case.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    pub(crate) number_words: HashMap<String, f64>,
    pub(crate) scales: HashMap<String, f64>,
    pub(crate) vague: HashMap<String, (f64, f64)>,
    pub(crate) qualifiers: HashMap<String, Qualifier>,
    pub(crate) approx_fraction: f64,
    /// spelling -> canonical unit
    pub(crate) units: HashMap<String, String>,
    /// The canonical units of `[units]` (`m`, `ft`, `t`): units of measure.
    pub(crate) unit_names: HashSet<String>,
    /// symbol (case kept) -> ISO code
    pub(crate) currency_symbols: HashMap<String, String>,
    /// word -> ISO code
    pub(crate) currency_words: HashMap<String, String>,
    /// spelling -> month 1..=12
    pub(crate) months: HashMap<String, i8>,
    /// spelling -> weekday
    pub(crate) weekdays: HashMap<String, jiff::civil::Weekday>,
    pub(crate) seasons: HashMap<String, String>,
    pub(crate) time_units: HashMap<String, String>,
    /// word or phrase -> measure
    pub(crate) measures: HashMap<String, String>,
    pub(crate) monotonic: HashSet<String>,
    /// word or phrase -> event predicate class (`opened` -> `start`)
    pub(crate) events: HashMap<String, String>,
    /// Event classes of support verbs ("elections will be held", "the summit took
    /// place"): a more specific event word of the same clause names the event.
    pub(crate) light_events: HashSet<String>,
    /// Event classes that happen once to whom they happen (a conviction, an escape):
    /// one story's two dates of such an event one or two days apart are one event
    /// retold, whatever else their sentences say.
    pub(crate) once_events: HashSet<String>,
    /// Event words of two senses (events.toml's `[event_senses]`): word -> a word that
    /// may follow it within [`SENSE_REACH`] words -> the class it then names ("fired
    /// it" is `shoot`, "fired the coach" stays `dismiss`).
    pub(crate) event_senses: HashMap<String, HashMap<String, String>>,
    /// upper-case acronym -> expansion
    pub(crate) acronyms: HashMap<String, String>,
    pub(crate) titles: HashSet<String>,
    pub(crate) speech_verbs: HashSet<String>,
    pub(crate) reporting_verbs: HashSet<String>,
    pub(crate) label_words: HashSet<String>,
    /// Label words whose labelled figure names one thing that happens once ("magnitude
    /// 6.1", "Flight 17"), `words.toml` `event_labels`.
    pub(crate) event_labels: HashSet<String>,
    /// Words right after a number that make it a designation, not a count ("a
    /// 12-gauge shotgun", "the 64-bit version", "10U servers").
    pub(crate) label_units: HashSet<String>,
    pub(crate) not_names: HashSet<String>,
    pub(crate) stopwords: HashSet<String>,
    /// case-sensitive unit symbols, only right after a number
    pub(crate) unit_symbols: HashSet<String>,
    /// The longest phrase (in words) of any multi-word key, for lookahead.
    pub(crate) max_phrase_words: usize,
    /// The first words of multi-word keys.
    pub(crate) multi_starts: HashSet<String>,
    /// Words that may start a number phrase: qualifiers, number words, vague amounts.
    pub(crate) number_starts: HashSet<String>,
    /// Word -> its [`class`] bits.
    pub(crate) classes: HashMap<String, u16>,
    /// The word lists of the lexicon files ([`Vocab`]): the words that frame a figure or
    /// a date (`context.toml`) and the other lists the extractors test.
    pub(crate) context: Vocab,
    /// Plural -> singular where the `-s` rules do not say it (`words.toml` `plurals`).
    pub(crate) plurals: HashMap<String, String>,
    /// Word ordinals (`first` -> 1 ... `hundredth` -> 100), `numbers.toml` `ordinals`.
    pub(crate) ordinals: HashMap<String, u32>,
    /// Verbs that multiply an amount (`doubled` -> 2), `numbers.toml` `multipliers`.
    pub(crate) multipliers: HashMap<String, f64>,
}

impl Lexicons {
    /// The lexicons embedded from `rules/lexicons/` at build time.
    pub fn builtin() -> Lexicons {
        let mut lex = Lexicons {
            approx_fraction: 0.1,
            ..Lexicons::default()
        };
        for (name, src) in BUILTIN {
            lex.merge_str(Path::new(name), src)
                .unwrap_or_else(|err| panic!("built-in lexicon is invalid: {err}"));
        }
        lex
    }

    /// The built-in lexicons extended, and overridden where keys repeat, by every
    /// `*.toml` file in `dir` (sorted by name).
    pub fn load(dir: &Path) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::builtin();
        let entries = std::fs::read_dir(dir).map_err(|err| LexiconError {
            file: dir.to_path_buf(),
            line: None,
            column: None,
            key: None,
            message: format!("cannot read directory: {err}"),
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        files.sort();
        for file in files {
            let src = std::fs::read_to_string(&file).map_err(|err| LexiconError {
                file: file.clone(),
                line: None,
                column: None,
                key: None,
                message: format!("cannot read file: {err}"),
            })?;
            lex.merge_str(&file, &src)?;
        }
        Ok(lex)
    }

    /// [`Lexicons::load`] of the folder `dir` relative to `cwd`; errors name the files
    /// as `dir` gives them (relative when it is), as rule-file errors do.
    pub fn load_in(cwd: &Path, dir: &Path) -> Result<Lexicons, LexiconError> {
        Lexicons::load(&cwd.join(dir)).map_err(|mut err| {
            if dir.is_relative()
                && let Ok(rel) = err.file.strip_prefix(cwd)
            {
                err.file = rel.to_path_buf();
            }
            err
        })
    }

    /// Adds the tables of one lexicon file given as text; `file` names it in errors.
    pub fn merge_str(&mut self, file: &Path, src: &str) -> Result<(), LexiconError> {
        let v = Validator { file, src };
        let parsed: LexiconFile = toml::from_str(src).map_err(|err| v.toml_error(&err))?;
        self.apply(&v, parsed)?;
        self.derive_classes();
        Ok(())
    }

    /// Merges a parsed lexicon file: validates what the types cannot say (finite
    /// numbers, known codes and names) with the spans of the keys and values.
    fn apply(&mut self, v: &Validator<'_>, f: LexiconFile) -> Result<(), LexiconError> {
        // The tables in the order of their names, as the merge has always gone: where two
        // entries give one spelling, the later one wins.
        for (k, x) in &f.acronyms {
            self.acronyms
                .insert(k.get_ref().to_uppercase(), x.get_ref().clone());
        }
        if let Some(words) = &f.after_other {
            self.context.extend("after_other", &v.words(words)?);
        }
        if let Some(words) = &f.before_other {
            self.context.extend("before_other", &v.words(words)?);
        }
        if let Some(words) = &f.change_to {
            self.context.extend("change_to", &v.words(words)?);
        }
        if let Some(words) = &f.change_from {
            self.context.extend("change_from", &v.words(words)?);
        }
        if let Some(words) = &f.running_words {
            self.context.extend("running_words", &v.words(words)?);
        }
        if let Some(words) = &f.change_verbs {
            self.context.extend("change_verbs", &v.words(words)?);
        }
        for (code, cur) in &f.currencies {
            let c = code.get_ref();
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(v.at(
                    code.span().start,
                    &["currencies", c],
                    "a currency is keyed by its ISO 4217 code (three capitals)",
                ));
            }
            let cur = cur.get_ref();
            if let Some(symbols) = &cur.symbols {
                for s in v.words(symbols)? {
                    self.currency_symbols.insert(s.to_owned(), c.clone());
                }
            }
            if let Some(words) = &cur.words {
                for s in v.words(words)? {
                    self.currency_words.insert(s.to_lowercase(), c.clone());
                }
            }
        }
        // The predicate classes of dates were a list of `context.toml`, read at
        // sentence scope beside the clause-scope `[events]`: one definition now.
        if let Some(classes) = &f.date_predicates {
            return Err(v.at(
                classes.span().start,
                &["date_predicates"],
                "`date_predicates` is no longer read: a date's event class is the `[events]` \
                 table of events.toml; write each class there as `NAME = [\"word\", ...]` \
                 (its words are added to the built-in ones)",
            ));
        }
        for (k, x) in &f.events {
            for s in v.words(x)? {
                self.events.insert(s.to_lowercase(), k.get_ref().clone());
            }
        }
        if let Some(words) = &f.light_events {
            for s in v.words(words)? {
                self.light_events.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.once_events {
            for s in v.words(words)? {
                self.once_events.insert(s.to_lowercase());
            }
        }
        for (word, classes) in &f.event_senses {
            let senses = self
                .event_senses
                .entry(word.get_ref().to_lowercase())
                .or_default();
            for (class, cues) in classes.get_ref() {
                for cue in v.words(cues)? {
                    senses.insert(cue.to_lowercase(), class.get_ref().to_lowercase());
                }
            }
        }
        if let Some(words) = &f.function_words {
            for s in v.words(words)? {
                self.stopwords.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.label_words {
            for s in v.words(words)? {
                self.label_words.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.event_labels {
            for s in v.words(words)? {
                self.event_labels.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.label_units {
            for s in v.words(words)? {
                self.label_units.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.link_words {
            self.context.extend("link_words", &v.words(words)?);
        }
        for (k, x) in &f.measures {
            for s in v.words(x)? {
                self.measures.insert(s.to_lowercase(), k.get_ref().clone());
            }
        }
        for (k, x) in &f.monotonic {
            if *x.get_ref() {
                self.monotonic.insert(k.get_ref().clone());
            } else {
                self.monotonic.remove(k.get_ref());
            }
        }
        for (k, x) in &f.months {
            let month = MONTHS
                .iter()
                .position(|m| *m == k.get_ref().as_str())
                .ok_or_else(|| {
                    v.at(
                        k.span().start,
                        &["months", k.get_ref()],
                        format!(
                            "`{}` is not an English month name{}",
                            k.get_ref(),
                            suggestion(k.get_ref(), &MONTHS)
                        ),
                    )
                })?;
            for s in v.words(x)? {
                self.months.insert(s.to_lowercase(), month as i8 + 1);
            }
        }
        if let Some(words) = &f.next_year {
            self.context.extend("next_year", &v.words(words)?);
        }
        if let Some(words) = &f.not_names {
            for s in v.words(words)? {
                self.not_names.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.not_things {
            self.context.extend("not_things", &v.words(words)?);
        }
        for (k, x) in &f.multipliers {
            let n = v.number(&["multipliers", k.get_ref()], x)?;
            self.multipliers.insert(k.get_ref().to_lowercase(), n);
        }
        for (k, x) in &f.number_words {
            let n = v.number(&["number_words", k.get_ref()], x)?;
            self.number_words.insert(k.get_ref().to_lowercase(), n);
        }
        // Overlap detection's own function words (factdiff-overlap reads them from the
        // built-in `words.toml`): checked, not used here.
        if let Some(words) = &f.overlap_stopwords {
            v.words(words)?;
        }
        for (k, x) in &f.ordinals {
            let n = *x.get_ref();
            if n == 0 {
                return Err(v.at(
                    x.span().start,
                    &["ordinals", k.get_ref()],
                    "an ordinal is 1 or more",
                ));
            }
            self.ordinals.insert(k.get_ref().to_lowercase(), n);
        }
        if let Some(words) = &f.period_end_before_date {
            self.context
                .extend("period_end_before_date", &v.words(words)?);
        }
        if let Some(words) = &f.span_before_date {
            self.context.extend("span_before_date", &v.words(words)?);
        }
        if let Some(words) = &f.state_before_date {
            self.context.extend("state_before_date", &v.words(words)?);
        }
        if let Some(words) = &f.schedule_before_date {
            self.context
                .extend("schedule_before_date", &v.words(words)?);
        }
        if let Some(words) = &f.period_end_words {
            self.context.extend("period_end_words", &v.words(words)?);
        }
        if let Some(words) = &f.period_words {
            self.context.extend("period_words", &v.words(words)?);
        }
        for (k, x) in &f.qualifiers {
            let s = x.get_ref();
            let q = Qualifier::parse(s).ok_or_else(|| {
                v.at(
                    x.span().start,
                    &["qualifiers", k.get_ref()],
                    format!("unknown qualifier `{s}`{}", suggestion(s, &QUALIFIERS)),
                )
            })?;
            self.qualifiers.insert(k.get_ref().to_lowercase(), q);
        }
        if let Some(words) = &f.reporting_verbs {
            for s in v.words(words)? {
                self.reporting_verbs.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.said_before_date {
            self.context.extend("said_before_date", &v.words(words)?);
        }
        for (k, x) in &f.scales {
            let n = v.number(&["scales", k.get_ref()], x)?;
            self.scales.insert(k.get_ref().to_lowercase(), n);
        }
        v.codes(
            "seasons",
            &f.seasons,
            &["SP", "SU", "FA", "WI"],
            "a season code",
            &mut self.seasons,
        )?;
        if let Some(settings) = &f.settings
            && let Some(x) = &settings.approx_fraction
        {
            let fraction = v.number(&["settings", "approx_fraction"], x)?;
            if !(0.0..1.0).contains(&fraction) {
                return Err(v.at(
                    x.span().start,
                    &["settings", "approx_fraction"],
                    "`approx_fraction` must be at least 0 and below 1",
                ));
            }
            self.approx_fraction = fraction;
        }
        for (name, list) in [
            ("address_words", &f.address_words),
            ("first_counts", &f.first_counts),
            ("infinitive_marks", &f.infinitive_marks),
            ("not_ordinals", &f.not_ordinals),
            ("month_after", &f.month_after),
            ("multiplier_change_words", &f.multiplier_change_words),
            ("part_markers", &f.part_markers),
            ("passive_agent", &f.passive_agent),
            ("past_tense", &f.past_tense),
            ("speech_period_words", &f.speech_period_words),
            ("past_auxiliaries", &f.past_auxiliaries),
            ("planned_words", &f.planned_words),
            ("scheduled_words", &f.scheduled_words),
            ("place_before", &f.place_before),
            ("plural_agreement", &f.plural_agreement),
            ("plural_nouns", &f.plural_nouns),
            ("alternative_marks", &f.alternative_marks),
            ("org_words", &f.org_words),
            ("place_org_words", &f.place_org_words),
            ("speaker_pronouns", &f.speaker_pronouns),
            ("name_links", &f.name_links),
            ("attribution_adverbs", &f.attribution_adverbs),
            ("name_particles", &f.name_particles),
            ("determiners", &f.determiners),
            ("expansion_skip_words", &f.expansion_skip_words),
            ("clause_starts", &f.clause_starts),
            ("clause_ends", &f.clause_ends),
            ("time_clause_starts", &f.time_clause_starts),
            ("joined_clause_starts", &f.joined_clause_starts),
            ("later_words", &f.later_words),
            ("attribution_starts", &f.attribution_starts),
            ("cause_words", &f.cause_words),
            ("place_prepositions", &f.place_prepositions),
            ("future_words", &f.future_words),
            ("plan_words", &f.plan_words),
            ("date_words", &f.date_words),
            ("date_lead_words", &f.date_lead_words),
            ("date_modifiers", &f.date_modifiers),
            ("not_year_after", &f.not_year_after),
            ("bare_duration_units", &f.bare_duration_units),
            ("not_after_bare_duration", &f.not_after_bare_duration),
            ("relative_after_duration", &f.relative_after_duration),
            ("one_before_the", &f.one_before_the),
            ("not_after_one", &f.not_after_one),
            ("duration_lead_words", &f.duration_lead_words),
            ("indefinite_articles", &f.indefinite_articles),
            ("range_starts", &f.range_starts),
            ("percent_words", &f.percent_words),
            ("percentage_point_words", &f.percentage_point_words),
            ("pound_words", &f.pound_words),
            ("list_links", &f.list_links),
            ("part_list_gaps", &f.part_list_gaps),
            ("conversion_gaps", &f.conversion_gaps),
            ("part_whole_markers", &f.part_whole_markers),
            ("change_result_markers", &f.change_result_markers),
        ] {
            if let Some(words) = list {
                self.context.extend(name, &v.words(words)?);
            }
        }
        for (k, x) in &f.plurals {
            self.plurals
                .insert(k.get_ref().to_lowercase(), x.get_ref().to_lowercase());
        }
        if let Some(words) = &f.since {
            self.context.extend("since", &v.words(words)?);
        }
        if let Some(words) = &f.speech_verbs {
            for s in v.words(words)? {
                self.speech_verbs.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.stopwords {
            for s in v.words(words)? {
                self.stopwords.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.table_words {
            self.context.extend("table_words", &v.words(words)?);
        }
        v.codes(
            "time_units",
            &f.time_units,
            &["Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q"],
            "a time unit",
            &mut self.time_units,
        )?;
        if let Some(words) = &f.titles {
            for s in v.words(words)? {
                self.titles.insert(s.to_lowercase());
            }
        }
        if let Some(words) = &f.weight_words {
            self.context.extend("weight_words", &v.words(words)?);
        }
        if let Some(words) = &f.unit_symbols {
            for s in v.words(words)? {
                self.unit_symbols.insert(s.to_owned());
            }
        }
        for (k, x) in &f.units {
            self.unit_names.insert(k.get_ref().clone());
            for spelling in v.words(x)? {
                self.units
                    .insert(spelling.to_lowercase(), k.get_ref().clone());
            }
        }
        for (k, x) in &f.vague {
            let (lo, hi) = *x.get_ref();
            if !lo.is_finite() || !hi.is_finite() || lo > hi {
                return Err(v.at(
                    x.span().start,
                    &["vague", k.get_ref()],
                    "expected [min, max]: two finite numbers, min <= max",
                ));
            }
            self.vague.insert(k.get_ref().to_lowercase(), (lo, hi));
        }
        for (k, x) in &f.weekdays {
            let idx = WEEKDAYS
                .iter()
                .position(|m| *m == k.get_ref().as_str())
                .ok_or_else(|| {
                    v.at(
                        k.span().start,
                        &["weekdays", k.get_ref()],
                        format!(
                            "`{}` is not an English weekday name{}",
                            k.get_ref(),
                            suggestion(k.get_ref(), &WEEKDAYS)
                        ),
                    )
                })?;
            let day = jiff::civil::Weekday::from_monday_one_offset(idx as i8 + 1).expect("1..=7");
            for s in v.words(x)? {
                self.weekdays.insert(s.to_lowercase(), day);
            }
        }
        Ok(())
    }

    /// Recomputes the tables derived from the word lists (phrase starts, classes).
    fn derive_classes(&mut self) {
        self.multi_starts = self
            .phrases()
            .filter(|k| k.contains(' '))
            .filter_map(|k| k.split(' ').next().map(str::to_owned))
            .collect();
        self.number_starts = self
            .number_words
            .keys()
            .chain(self.vague.keys())
            .chain(self.qualifiers.keys())
            .filter_map(|k| k.split(' ').next().map(str::to_owned))
            .chain(self.context.range_starts.iter().cloned())
            .chain(self.multipliers.keys().cloned())
            .collect();
        for word in self.number_words.keys() {
            if let Some((a, _)) = word.split_once('-') {
                self.number_starts.insert(a.to_owned());
            }
        }
        self.classes = HashMap::default();
        let mut add = |word: &str, bit: u16| {
            *self_classes_entry(&mut self.classes, word) |= bit;
        };
        for w in self.months.keys() {
            add(w, class::MONTH | class::DATE_START);
        }
        for w in self.weekdays.keys() {
            add(w, class::WEEKDAY | class::DATE_START);
        }
        for w in &self.number_starts {
            add(w, class::NUM_START);
        }
        for w in self.number_words.keys().chain(self.seasons.keys()) {
            add(w.split(' ').next().unwrap_or(w), class::DATE_START);
        }
        for w in &self.context.date_words {
            add(w, class::DATE_START);
        }
        for w in self.ordinals.keys() {
            add(w, class::ORDINAL | class::DATE_START);
        }
        for w in &self.titles {
            add(w, class::TITLE);
        }
        for w in &self.not_names {
            add(w, class::NOT_NAME);
        }
        for w in &self.stopwords {
            add(w, class::STOP);
        }
        for w in &self.speech_verbs {
            add(w, class::SPEECH);
        }
        for w in self.time_units.keys() {
            add(w, class::TIME_UNIT);
        }
        for w in &self.multi_starts {
            add(w, class::MULTI_START);
        }
        self.max_phrase_words = self
            .phrases()
            .map(|k| k.split_whitespace().count())
            .max()
            .unwrap_or(1);
    }

    /// The entries of the tables whose keys may be phrases of several words.
    fn phrases(&self) -> impl Iterator<Item = &String> {
        self.number_words
            .keys()
            .chain(self.vague.keys())
            .chain(self.qualifiers.keys())
            .chain(self.units.keys())
            .chain(self.currency_words.keys())
            .chain(self.measures.keys())
            .chain(self.events.keys())
    }

    /// The class bits of a lower-case word.
    pub(crate) fn class_of(&self, lower: &str) -> u16 {
        let mut c = self.classes.get(lower).copied().unwrap_or(0);
        if let Some((head, tail)) = lower.split_once('-') {
            c |= self.classes.get(head).copied().unwrap_or(0) & class::HEAD;
            c |= self.classes.get(tail).copied().unwrap_or(0) & class::ORDINAL;
        }
        if let Some(stem) = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
        {
            c |= self.classes.get(stem).copied().unwrap_or(0)
                & (class::DATE_START | class::TITLE | class::NOT_NAME);
        }
        c
    }

    /// The expansion of a known acronym (`UN` -> `United Nations`).
    pub fn known_acronym(&self, short: &str) -> Option<&str> {
        self.acronyms.get(short).map(String::as_str)
    }

    /// Whether a measure only ever rises over time (death tolls).
    pub fn is_monotonic(&self, measure: &str) -> bool {
        self.monotonic.contains(measure)
    }

    /// Whether a figure's unit is a unit of measure (`m`, `ft`, `kg`: a canonical unit
    /// of `[units]` or a unit symbol), not a counted noun or a currency.
    pub fn is_measure_unit(&self, unit: &str) -> bool {
        self.unit_names.contains(unit) || self.unit_symbols.contains(unit)
    }

    /// The fraction by which `about`, `nearly` and the like widen a number.
    pub fn approx_fraction(&self) -> f64 {
        self.approx_fraction
    }

    /// Adds event classes, each its name then the words or phrases that signal it
    /// (a rule file's `predicates`): a word already in a class moves to the new one.
    pub fn add_event_classes(&mut self, classes: &[Vec<String>]) {
        if classes.is_empty() {
            return;
        }
        for class in classes {
            let Some((name, words)) = class.split_first() else {
                continue;
            };
            for word in words {
                self.events.insert(word.to_lowercase(), name.to_lowercase());
            }
        }
        self.derive_classes();
    }

    /// The event predicate class a word or phrase names (`opened` -> `start`).
    pub fn event(&self, phrase: &str) -> Option<&str> {
        self.events.get(phrase).map(String::as_str)
    }

    /// Whether an event class is a support verb's (`hold`: "will be held"), which a
    /// more specific event word of the clause overrides ("elections will be held").
    pub fn is_light_event(&self, class: &str) -> bool {
        self.light_events.contains(class)
    }

    /// The class an event word of two senses names when followed by `next` (the words
    /// after it, nearest first, of which the first [`SENSE_REACH`] count): events.toml's
    /// `[event_senses]` ("fired" then "it" or "two shots" is `shoot`). `None` keeps the
    /// word's own class.
    pub fn event_sense<'n>(
        &self,
        word: &str,
        next: impl IntoIterator<Item = &'n str>,
    ) -> Option<&str> {
        let senses = self.event_senses.get(word)?;
        next.into_iter()
            .take(SENSE_REACH)
            .find_map(|w| senses.get(w))
            .map(String::as_str)
    }

    /// Whether an event class happens once to whom it happens (`convict`, `escape`:
    /// events.toml's `once_events`), so that one story's two close dates of it are one
    /// event retold.
    pub fn is_once_event(&self, class: &str) -> bool {
        self.once_events.contains(class)
    }

    /// The measure a word or phrase names (`killed` -> `deaths`).
    pub fn measure(&self, phrase: &str) -> Option<&str> {
        self.measures.get(phrase).map(String::as_str)
    }

    /// Whether a word (lower case) is a stop word: a function word or one of
    /// `stopwords` (`words.toml`), which says nothing of what an article is about.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }
}

/// The English name of a month (1 is "January"), from the calendar's month table.
pub fn month_name(month: i8) -> Option<String> {
    let name = MONTHS.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// Whether a lower-case word is the full English name of a month (`may`, `june`), not
/// an abbreviation (`jun`): the names that key the calendar's `[months]` table.
pub(crate) fn is_month_name(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

fn self_classes_entry<'m>(map: &'m mut HashMap<String, u16>, word: &str) -> &'m mut u16 {
    map.entry(word.to_owned()).or_insert(0)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The entries of a lexicon table, with the spans of their keys and values, in the
/// order of their keys.
/// How many words after an event word of two senses may tell its sense
/// (events.toml's `[event_senses]`): "fired it", "fired a shot", "fired two more shots".
pub const SENSE_REACH: usize = 3;

type Entries<T> = BTreeMap<Spanned<String>, Spanned<T>>;
/// A list of words, each with its span.
type WordList = Vec<Spanned<String>>;
/// A list of words with its span.
type Words = Spanned<WordList>;

/// One lexicon file as written: every table optional, no other table allowed.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct LexiconFile {
    number_words: Entries<f64>,
    scales: Entries<f64>,
    vague: Entries<(f64, f64)>,
    qualifiers: Entries<String>,
    settings: Option<Settings>,
    units: Entries<WordList>,
    unit_symbols: Option<Words>,
    currencies: Entries<Currency>,
    months: Entries<WordList>,
    weekdays: Entries<WordList>,
    seasons: Entries<String>,
    time_units: Entries<String>,
    measures: Entries<WordList>,
    monotonic: Entries<bool>,
    events: Entries<WordList>,
    light_events: Option<Words>,
    once_events: Option<Words>,
    event_senses: Entries<Entries<WordList>>,
    acronyms: Entries<String>,
    titles: Option<Words>,
    speech_verbs: Option<Words>,
    reporting_verbs: Option<Words>,
    label_words: Option<Words>,
    event_labels: Option<Words>,
    label_units: Option<Words>,
    not_names: Option<Words>,
    function_words: Option<Words>,
    stopwords: Option<Words>,
    overlap_stopwords: Option<Words>,
    period_words: Option<Words>,
    table_words: Option<Words>,
    before_other: Option<Words>,
    after_other: Option<Words>,
    change_verbs: Option<Words>,
    change_to: Option<Words>,
    change_from: Option<Words>,
    running_words: Option<Words>,
    link_words: Option<Words>,
    not_things: Option<Words>,
    said_before_date: Option<Words>,
    period_end_before_date: Option<Words>,
    span_before_date: Option<Words>,
    state_before_date: Option<Words>,
    schedule_before_date: Option<Words>,
    period_end_words: Option<Words>,
    next_year: Option<Words>,
    since: Option<Words>,
    alternative_marks: Option<Words>,
    date_predicates: Option<Spanned<Vec<Words>>>,
    past_tense: Option<Words>,
    speech_period_words: Option<Words>,
    past_auxiliaries: Option<Words>,
    weight_words: Option<Words>,
    multiplier_change_words: Option<Words>,
    part_markers: Option<Words>,
    month_after: Option<Words>,
    plural_nouns: Option<Words>,
    plural_agreement: Option<Words>,
    place_before: Option<Words>,
    passive_agent: Option<Words>,
    first_counts: Option<Words>,
    address_words: Option<Words>,
    not_ordinals: Option<Words>,
    scheduled_words: Option<Words>,
    planned_words: Option<Words>,
    infinitive_marks: Option<Words>,
    org_words: Option<Words>,
    place_org_words: Option<Words>,
    speaker_pronouns: Option<Words>,
    name_links: Option<Words>,
    attribution_adverbs: Option<Words>,
    name_particles: Option<Words>,
    determiners: Option<Words>,
    expansion_skip_words: Option<Words>,
    clause_starts: Option<Words>,
    clause_ends: Option<Words>,
    time_clause_starts: Option<Words>,
    joined_clause_starts: Option<Words>,
    later_words: Option<Words>,
    attribution_starts: Option<Words>,
    cause_words: Option<Words>,
    place_prepositions: Option<Words>,
    future_words: Option<Words>,
    plan_words: Option<Words>,
    date_words: Option<Words>,
    date_lead_words: Option<Words>,
    date_modifiers: Option<Words>,
    not_year_after: Option<Words>,
    bare_duration_units: Option<Words>,
    not_after_bare_duration: Option<Words>,
    relative_after_duration: Option<Words>,
    one_before_the: Option<Words>,
    not_after_one: Option<Words>,
    duration_lead_words: Option<Words>,
    indefinite_articles: Option<Words>,
    range_starts: Option<Words>,
    percent_words: Option<Words>,
    percentage_point_words: Option<Words>,
    pound_words: Option<Words>,
    list_links: Option<Words>,
    part_list_gaps: Option<Words>,
    conversion_gaps: Option<Words>,
    part_whole_markers: Option<Words>,
    change_result_markers: Option<Words>,
    plurals: Entries<String>,
    ordinals: Entries<u32>,
    multipliers: Entries<f64>,
}

/// The `[settings]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    approx_fraction: Option<Spanned<f64>>,
}

/// One `[currencies.XXX]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Currency {
    symbols: Option<Words>,
    words: Option<Words>,
}

/// The values a qualifier may take.
const QUALIFIERS: [&str; 6] = [
    "approx",
    "approx_below",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
];

/// The file being merged, to turn spans into errors.
struct Validator<'a> {
    file: &'a Path,
    src: &'a str,
}

impl Validator<'_> {
    /// An error at a byte offset of the file, for the dotted key `path`.
    fn at<S: AsRef<str>>(
        &self,
        offset: usize,
        path: &[S],
        message: impl Into<String>,
    ) -> LexiconError {
        let (line, column) = factdiff_corpus::line_column_of(self.src, offset);
        LexiconError {
            file: self.file.to_path_buf(),
            line: Some(line),
            column: Some(column),
            key: Some(
                path.iter()
                    .map(|s| s.as_ref().to_owned())
                    .collect::<Vec<_>>()
                    .join("."),
            ),
            message: message.into(),
        }
    }

    /// A parse or type error from the TOML reader: its span gives the line and column,
    /// and the key written there; an unknown table or field gets a did-you-mean.
    fn toml_error(&self, err: &toml::de::Error) -> LexiconError {
        let mut message = err.message().trim_end().trim_end_matches('.').to_owned();
        if let Some(rest) = message.strip_prefix("unknown field `") {
            // serde's words: "unknown field `x`, expected one of `a`, `b`" (or
            // "expected `a`"); the candidates are the fields of the table.
            let mut parts = rest.split('`');
            let given = parts.next().unwrap_or_default().to_owned();
            let expected: Vec<&str> = parts.skip(1).step_by(2).collect();
            message = format!("unknown key `{given}`{}", suggestion(&given, &expected));
        }
        let Some(span) = err.span() else {
            return LexiconError {
                file: self.file.to_path_buf(),
                line: None,
                column: None,
                key: None,
                message,
            };
        };
        let (line, column) = factdiff_corpus::line_column_of(self.src, span.start);
        LexiconError {
            file: self.file.to_path_buf(),
            line: Some(line),
            column: Some(column),
            key: key_at(self.src, span.start),
            message,
        }
    }

    fn number<S: AsRef<str>>(&self, path: &[S], value: &Spanned<f64>) -> Result<f64, LexiconError> {
        let n = *value.get_ref();
        if n.is_finite() {
            Ok(n)
        } else {
            Err(self.at(value.span().start, path, "expected a finite number"))
        }
    }

    /// The words of a list, none of them blank.
    fn words<'w>(&self, words: &'w Words) -> Result<Vec<&'w str>, LexiconError> {
        words
            .get_ref()
            .iter()
            .map(|w| {
                if w.get_ref().trim().is_empty() {
                    let offset = w.span().start;
                    let key = key_at(self.src, offset);
                    let mut err = self.at(offset, &[""], "expected a non-empty string");
                    err.key = key;
                    Err(err)
                } else {
                    Ok(w.get_ref().as_str())
                }
            })
            .collect()
    }

    /// Reads a table of `word = "CODE"` entries into `into` (keys lower-cased), each
    /// code one of `allowed`; `what` names a code in the error.
    fn codes(
        &self,
        section: &str,
        entries: &Entries<String>,
        allowed: &[&str],
        what: &str,
        into: &mut HashMap<String, String>,
    ) -> Result<(), LexiconError> {
        for (k, x) in entries {
            let code = x.get_ref().as_str();
            if !allowed.contains(&code) {
                return Err(self.at(
                    x.span().start,
                    &[section, k.get_ref()],
                    format!("{what} is one of {}, not `{code}`", allowed.join(", ")),
                ));
            }
            into.insert(k.get_ref().to_lowercase(), code.to_owned());
        }
        Ok(())
    }
}

/// The dotted key written at a byte offset of a TOML text: the deepest key whose own
/// span or whose value's span holds the offset (`currencies.EUR.words`).
fn key_at(src: &str, offset: usize) -> Option<String> {
    fn walk(table: &DeTable<'_>, offset: usize, path: &mut Vec<String>) -> bool {
        for (key, value) in table.iter() {
            path.push(key.get_ref().to_string());
            if let DeValue::Table(inner) = value.get_ref()
                && walk(inner, offset, path)
            {
                return true;
            }
            if key.span().contains(&offset) || value.span().contains(&offset) {
                return true;
            }
            path.pop();
        }
        false
    }
    let root = DeTable::parse(src).ok()?;
    let mut path = Vec::new();
    walk(root.get_ref(), offset, &mut path).then(|| path.join("."))
}

/// `; did you mean `x`?` for a near miss, else `; expected one of `a`, `b``.
fn suggestion(given: &str, candidates: &[&str]) -> String {
    let given_l = given.to_lowercase();
    let best = candidates
        .iter()
        .map(|c| (strsim::levenshtein(&given_l, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min();
    match best {
        Some((_, c)) => format!("; did you mean `{c}`?"),
        None if candidates.is_empty() => String::new(),
        None => {
            let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("; expected one of {}", list.join(", "))
        }
    }
}

/// The word lists the extractors test, one set (or, for phrases matched inside a
/// text, one list) per top-level list of the lexicon files: the words that frame a
/// figure or a date (`context.toml`) and those of `words.toml`, `calendar.toml`,
/// `numbers.toml`, `units.toml` and `acronyms.toml` (each file says what each list
/// does). Lower case; built once at load, looked up with a `&str`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocab {
    pub period_words: HashSet<String>,
    pub table_words: HashSet<String>,
    pub before_other: HashSet<String>,
    pub after_other: Vec<String>,
    pub change_verbs: HashSet<String>,
    pub change_to: HashSet<String>,
    pub change_from: HashSet<String>,
    pub running_words: HashSet<String>,
    pub link_words: HashSet<String>,
    pub not_things: HashSet<String>,
    pub said_before_date: Vec<String>,
    pub period_end_before_date: Vec<String>,
    /// Phrases right before a date that make it the day a state is given for ("as
    /// of December 16"), no event.
    pub state_before_date: Vec<String>,
    /// Phrases right before a date that make it the day something is set for ("Trial
    /// is set for June 17", "scheduled for September 16"): a schedule, not a span.
    pub schedule_before_date: Vec<String>,
    /// Words right before a date that make it a span or a period ("a rate for April
    /// 6", "through April 7").
    pub span_before_date: HashSet<String>,
    pub period_end_words: HashSet<String>,
    pub next_year: Vec<String>,
    pub since: Vec<String>,
    /// Words between two numbers that make them alternatives ("two or three years"):
    /// an approximate count.
    pub alternative_marks: HashSet<String>,
    /// Irregular past-tense verbs ("met", "held"): a weekday they govern is past.
    pub past_tense: HashSet<String>,
    /// Period words that, right after a reporting verb or right before one, date the
    /// speech, not the figure ("said earlier that 9 people were killed").
    pub speech_period_words: HashSet<String>,
    /// Auxiliaries of the past before a participle ("was made", "were killed"): a day
    /// date such a verb governs tells what happened.
    pub past_auxiliaries: HashSet<String>,
    /// Words that make `pounds` a weight ("weighed 200 pounds").
    pub weight_words: HashSet<String>,
    /// Words of change that make "N times" a multiplier ("increased 3.5 times").
    pub multiplier_change_words: HashSet<String>,
    /// Phrases that introduce the parts of a whole right before a number ("of whom").
    pub part_markers: Vec<String>,
    /// Words after which a month alone is a date ("in December", "early May").
    pub month_after: HashSet<String>,
    /// Plural nouns without a plural `-s` ("people", "police", "staff").
    pub plural_nouns: HashSet<String>,
    /// Verbs in the plural right after a sentence-initial word ("Staff were"): the word
    /// is a common noun, not a name.
    pub plural_agreement: HashSet<String>,
    /// Prepositions before a place: a name right after one is not who spoke ("police
    /// in Los Angeles said").
    pub place_before: HashSet<String>,
    /// The word of a passive's agent: a sentence-initial `-ed` word right before it is
    /// a participle, not a name ("Published by Reuters").
    pub passive_agent: HashSet<String>,
    /// Nouns that `first` counts ("the first session"): elsewhere "the first" is no
    /// claim.
    pub first_counts: HashSet<String>,
    /// Words after an ordinal that make it part of an address or a name ("52nd
    /// Street", "112th Precinct").
    pub address_words: HashSet<String>,
    /// An ordinal word and the word after it that are a fixed phrase ("third world").
    pub not_ordinals: HashSet<String>,
    /// Words before a date that make it scheduled ("will open on", "is scheduled for").
    pub scheduled_words: HashSet<String>,
    /// Words before a date that make it planned or expected ("plans to sign on").
    pub planned_words: HashSet<String>,
    /// Words that make a participle after them no past ("to be held on Friday").
    pub infinitive_marks: HashSet<String>,
    /// Words that make a title part of an organization's name ("Foreign Ministry").
    pub org_words: HashSet<String>,
    /// Words that make a name a place or an organization, not a person who speaks.
    pub place_org_words: HashSet<String>,
    /// Pronouns that refer back to a speaker.
    pub speaker_pronouns: HashSet<String>,
    /// Lower-case words that may join the words of a name ("Bank of England").
    pub name_links: HashSet<String>,
    /// Adverbs and perfect auxiliaries between a speaker and the speech verb ("he also
    /// said", "Macron had told").
    pub attribution_adverbs: HashSet<String>,
    /// Lower-case particles inside a surname ("de Kock", "van der Vaart").
    pub name_particles: HashSet<String>,
    /// Articles: a name right after one that does not speak is no speaker.
    pub determiners: HashSet<String>,
    /// Function words an acronym's expansion may hold without a letter of its own.
    pub expansion_skip_words: HashSet<String>,
    /// Words after a comma that start a new clause.
    pub clause_starts: HashSet<String>,
    /// Words that end a date's clause going forward ("... on Monday and ...").
    pub clause_ends: HashSet<String>,
    /// Words that start a clause of the time a date gives ("on Nov. 13, when ..."):
    /// a date whose own clause tells no event is dated by that clause's.
    pub time_clause_starts: HashSet<String>,
    /// Words that join a second verb of one subject, its auxiliary right after them
    /// ("on February 1, but was arrested"): a date whose own clause tells no event is
    /// dated by that verb's, when it is a past passive of an event word.
    pub joined_clause_starts: HashSet<String>,
    /// Words that put what a clause tells at another time than a date before it
    /// ("and was later charged"): such a joined clause does not date the date.
    pub later_words: HashSet<String>,
    /// Words after a comma that start an attribution ("..., according to police"):
    /// like a reporting verb a few words after the comma ("..., police said"), they
    /// end a date's clause, whose speaker is no participant of its event.
    pub attribution_starts: HashSet<String>,
    /// Words that make the event word right after them a cause ("in response to
    /// rocket attacks"), not the event a date of their clause dates.
    pub cause_words: HashSet<String>,
    /// Prepositions that make the name right after them the place of a date's event.
    pub place_prepositions: HashSet<String>,
    /// Words that make a sentence speak of the future ("will", "scheduled").
    pub future_words: HashSet<String>,
    /// Words of plans and expectations, which look ahead too ("planned", "next").
    pub plan_words: HashSet<String>,
    /// Words that may start a date expression ("today", "last", "mid").
    pub date_words: HashSet<String>,
    /// Words right before a date that are skipped when looking for its verb ("on", "late").
    pub date_lead_words: HashSet<String>,
    /// Words right before a date that belong to it ("early December", "mid-2024").
    pub date_modifiers: HashSet<String>,
    /// Words right after a four-digit number that make it no year ("2000 percent").
    pub not_year_after: HashSet<String>,
    /// Plural time units that are a duration alone ("for years", "decades").
    pub bare_duration_units: HashSet<String>,
    /// Words after a bare plural unit that make it no duration ("years ago", "years old").
    pub not_after_bare_duration: HashSet<String>,
    /// Words after a duration that make it a distance in time or an age, no length ("a year ago").
    pub relative_after_duration: HashSet<String>,
    /// Words after `the` that make the unit after them a duration of one ("the past year").
    pub one_before_the: HashSet<String>,
    /// Units of time that after `a` are more often something else ("a second", "a
    /// quarter").
    pub not_after_one: HashSet<String>,
    /// Words after `the` right before a duration that belong to it ("the past 15 years").
    pub duration_lead_words: HashSet<String>,
    /// The indefinite articles: a count of one before a unit ("a year", "half a million").
    pub indefinite_articles: HashSet<String>,
    /// Words that start a range of numbers ("between 5 and 7", "from 5 to 7").
    pub range_starts: HashSet<String>,
    /// Spellings of the percent sign after a number ("5 percent").
    pub percent_words: HashSet<String>,
    /// Words after `percentage` that make it percentage points.
    pub percentage_point_words: HashSet<String>,
    /// Spellings of `pound`, a weight or a currency.
    pub pound_words: HashSet<String>,
    /// Words or marks that link the items of a list right before a number ("... and 10").
    pub list_links: HashSet<String>,
    /// Gaps between two amounts that make the second another part of the same whole ("and", ", and").
    pub part_list_gaps: HashSet<String>,
    /// Gaps between two amounts of money that make the second a conversion of the first ("(", "or").
    pub conversion_gaps: HashSet<String>,
    /// Phrases between a whole and a later amount that make the amount a part of it ("including", "of whom"); matched inside the gap.
    pub part_whole_markers: Vec<String>,
    /// Phrases between a change ("increased by 65 percent") and an amount that make the amount its result ("reaching"); matched inside the gap.
    pub change_result_markers: Vec<String>,
}

impl Vocab {
    /// Adds lower-case words to the list `name` (a list of `context.toml`).
    pub(crate) fn extend(&mut self, name: &str, words: &[&str]) {
        let words = words.iter().map(|w| w.to_lowercase());
        let add_vec = |list: &mut Vec<String>, words: &mut dyn Iterator<Item = String>| {
            for w in words {
                if !list.contains(&w) {
                    list.push(w);
                }
            }
        };
        let mut words = words;
        match name {
            "period_words" => self.period_words.extend(words),
            "table_words" => self.table_words.extend(words),
            "before_other" => self.before_other.extend(words),
            "after_other" => add_vec(&mut self.after_other, &mut words),
            "change_verbs" => self.change_verbs.extend(words),
            "change_to" => self.change_to.extend(words),
            "change_from" => self.change_from.extend(words),
            "running_words" => self.running_words.extend(words),
            "link_words" => self.link_words.extend(words),
            "not_things" => self.not_things.extend(words),
            "said_before_date" => add_vec(&mut self.said_before_date, &mut words),
            "period_end_before_date" => add_vec(&mut self.period_end_before_date, &mut words),
            "state_before_date" => add_vec(&mut self.state_before_date, &mut words),
            "schedule_before_date" => add_vec(&mut self.schedule_before_date, &mut words),
            "period_end_words" => self.period_end_words.extend(words),
            "span_before_date" => self.span_before_date.extend(words),
            "next_year" => add_vec(&mut self.next_year, &mut words),
            "past_tense" => self.past_tense.extend(words),
            "speech_period_words" => self.speech_period_words.extend(words),
            "past_auxiliaries" => self.past_auxiliaries.extend(words),
            "weight_words" => self.weight_words.extend(words),
            "multiplier_change_words" => self.multiplier_change_words.extend(words),
            "part_markers" => add_vec(&mut self.part_markers, &mut words),
            "month_after" => self.month_after.extend(words),
            "plural_nouns" => self.plural_nouns.extend(words),
            "plural_agreement" => self.plural_agreement.extend(words),
            "place_before" => self.place_before.extend(words),
            "passive_agent" => self.passive_agent.extend(words),
            "first_counts" => self.first_counts.extend(words),
            "address_words" => self.address_words.extend(words),
            "not_ordinals" => self.not_ordinals.extend(words),
            "scheduled_words" => self.scheduled_words.extend(words),
            "planned_words" => self.planned_words.extend(words),
            "infinitive_marks" => self.infinitive_marks.extend(words),
            "alternative_marks" => self.alternative_marks.extend(words),
            "org_words" => self.org_words.extend(words),
            "place_org_words" => self.place_org_words.extend(words),
            "speaker_pronouns" => self.speaker_pronouns.extend(words),
            "name_links" => self.name_links.extend(words),
            "attribution_adverbs" => self.attribution_adverbs.extend(words),
            "name_particles" => self.name_particles.extend(words),
            "determiners" => self.determiners.extend(words),
            "expansion_skip_words" => self.expansion_skip_words.extend(words),
            "clause_starts" => self.clause_starts.extend(words),
            "clause_ends" => self.clause_ends.extend(words),
            "time_clause_starts" => self.time_clause_starts.extend(words),
            "joined_clause_starts" => self.joined_clause_starts.extend(words),
            "later_words" => self.later_words.extend(words),
            "attribution_starts" => self.attribution_starts.extend(words),
            "cause_words" => self.cause_words.extend(words),
            "place_prepositions" => self.place_prepositions.extend(words),
            "future_words" => self.future_words.extend(words),
            "plan_words" => self.plan_words.extend(words),
            "date_words" => self.date_words.extend(words),
            "date_lead_words" => self.date_lead_words.extend(words),
            "date_modifiers" => self.date_modifiers.extend(words),
            "not_year_after" => self.not_year_after.extend(words),
            "bare_duration_units" => self.bare_duration_units.extend(words),
            "not_after_bare_duration" => self.not_after_bare_duration.extend(words),
            "relative_after_duration" => self.relative_after_duration.extend(words),
            "one_before_the" => self.one_before_the.extend(words),
            "not_after_one" => self.not_after_one.extend(words),
            "duration_lead_words" => self.duration_lead_words.extend(words),
            "indefinite_articles" => self.indefinite_articles.extend(words),
            "range_starts" => self.range_starts.extend(words),
            "percent_words" => self.percent_words.extend(words),
            "percentage_point_words" => self.percentage_point_words.extend(words),
            "pound_words" => self.pound_words.extend(words),
            "list_links" => self.list_links.extend(words),
            "part_list_gaps" => self.part_list_gaps.extend(words),
            "conversion_gaps" => self.conversion_gaps.extend(words),
            "part_whole_markers" => add_vec(&mut self.part_whole_markers, &mut words),
            "change_result_markers" => add_vec(&mut self.change_result_markers, &mut words),
            _ => add_vec(&mut self.since, &mut words),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let lex = Lexicons::builtin();
        assert_eq!(lex.measure("killed"), Some("deaths"));
        assert_eq!(lex.measure("death toll"), Some("deaths"));
        assert_eq!(
            lex.currency_words.get("tenge").map(String::as_str),
            Some("KZT")
        );
        assert!(lex.known_acronym("OSCE").is_some());
        assert!(lex.is_monotonic("deaths"));
        assert_eq!(lex.months.get("aug"), Some(&8));
        // Stop words: the shared function words and the claims' own, not overlap's.
        assert!(lex.stopwords.contains("the") && lex.stopwords.contains("year"));
        assert!(!lex.stopwords.contains("may"));
    }

    /// Broken overlay files: the error names the line and column of the offending key
    /// or value, from the TOML reader's spans, and the dotted key. The last two cases
    /// are ones the old line guesser (a scan of the source for the key) got wrong: a
    /// table header with spaces sent it to the same key in an earlier table (line 2),
    /// and dotted keys gave it no line at all.
    #[test]
    fn errors_name_file_line_column_and_key() {
        let cases: &[(&str, (u32, u32), &str, &str)] = &[
            // an unknown table, with a did-you-mean
            (
                "\n[measure]\nfloods = [\"flooded\"]\n",
                (2, 2),
                "measure",
                "unknown key `measure`; did you mean `measures`?",
            ),
            // a wrong type
            (
                "[measures]\ndeaths = [\"killed\"]\nfloods = 3\n",
                (3, 10),
                "measures.floods",
                "invalid type: integer `3`, expected a sequence",
            ),
            // an unknown field in a nested table
            (
                "[currencies.EUR]\nwords = [\"euro\"]\nsymbol = [\"€\"]\n",
                (3, 1),
                "currencies.EUR.symbol",
                "unknown key `symbol`; did you mean `symbols`?",
            ),
            // a wrong type inside a list in a nested table
            (
                "[currencies.EUR]\nsymbols = [\"€\"]\nwords = [\"euro\", 5]\n",
                (3, 18),
                "currencies.EUR.words",
                "invalid type: integer `5`, expected a string",
            ),
            // a bad value in a nested table
            (
                "[currencies]\nEUR.words = [\"euro\"]\neur.words = [\"euros\"]\n",
                (3, 1),
                "currencies.eur",
                "a currency is keyed by its ISO 4217 code (three capitals)",
            ),
            // a value the types allow and the lexicon does not
            (
                "[qualifiers]\n\"about\" = \"aprox\"\n",
                (2, 11),
                "qualifiers.about",
                "unknown qualifier `aprox`; did you mean `approx`?",
            ),
            (
                "[settings]\napprox_fraction = 1.5\n",
                (2, 19),
                "settings.approx_fraction",
                "`approx_fraction` must be at least 0 and below 1",
            ),
            // a blank word on a later line of a list
            (
                "[measures]\nfloods = [\n  \"flooded\",\n  \" \",\n]\n",
                (4, 3),
                "measures.floods",
                "expected a non-empty string",
            ),
            // the old guesser: line 2, the `floods` of `[units]`
            (
                "[units]\nfloods = [\"fl\"]\n[ measures ]\nfloods = 3\n",
                (4, 10),
                "measures.floods",
                "invalid type: integer `3`, expected a sequence",
            ),
            // the old guesser: no line
            (
                "measures.deaths = [\"killed\"]\nmeasures.floods = 3\n",
                (2, 19),
                "measures.floods",
                "invalid type: integer `3`, expected a sequence",
            ),
        ];
        for (src, (line, column), key, message) in cases {
            let mut lex = Lexicons::builtin();
            let err = lex.merge_str(Path::new("my.toml"), src).unwrap_err();
            assert_eq!(
                (
                    err.line,
                    err.column,
                    err.key.as_deref(),
                    err.message.as_str()
                ),
                (Some(*line), Some(*column), Some(*key), *message),
                "{src:?}"
            );
            assert_eq!(
                err.to_string(),
                format!("my.toml:{line}:{column}: key `{key}`: {message}")
            );
        }
        // Not TOML at all: the reader's own message and position, and the key it is in.
        let err = Lexicons::builtin()
            .merge_str(Path::new("x.toml"), "[scales]\nk = \n")
            .unwrap_err();
        assert_eq!(
            (err.line, err.column, err.key.as_deref()),
            (Some(2), Some(5), None)
        );
    }

    /// A broken file in a user's `lexicons/` folder is named with its path.
    #[test]
    fn a_broken_overlay_names_its_file() {
        let dir = std::env::temp_dir().join(format!("factdiff-lex-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.toml"), "[acronyms]\nTITR = \"Route\"\n").unwrap();
        std::fs::write(dir.join("b.toml"), "[monotonic]\nfloods = \"yes\"\n").unwrap();
        let err = Lexicons::load(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(err.file, dir.join("b.toml"));
        assert_eq!(
            (err.line, err.column, err.key.as_deref()),
            (Some(2), Some(10), Some("monotonic.floods"))
        );
    }

    /// The word lists that were Rust constants load from the files, and an overlay
    /// extends them as it does the other lists; `[ordinals]` and `[multipliers]` feed
    /// the token classes and the number starts.
    #[test]
    fn an_overlay_extends_the_word_lists() {
        let mut lex = Lexicons::builtin();
        assert!(lex.context.clause_starts.contains("whereas"));
        assert!(lex.context.future_words.contains("’ll"));
        assert_eq!(lex.ordinals.get("hundredth"), Some(&100));
        assert!(!lex.context.org_words.contains("directorate"));
        lex.merge_str(
            Path::new("my.toml"),
            "org_words = [\"Directorate\"]\n[ordinals]\nthousandth = 1000\n\
             [multipliers]\nquintupled = 5\n",
        )
        .unwrap();
        assert!(lex.context.org_words.contains("directorate"));
        assert!(lex.context.org_words.contains("ministry"));
        assert_eq!(lex.ordinals.get("thousandth"), Some(&1000));
        assert_ne!(lex.class_of("thousandth") & class::ORDINAL, 0);
        assert_eq!(lex.multipliers.get("quintupled"), Some(&5.0));
        assert!(lex.number_starts.contains("quintupled"));
        let err = Lexicons::builtin()
            .merge_str(Path::new("my.toml"), "[ordinals]\nzeroth = 0\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.toml:2:10: key `ordinals.zeroth`: an ordinal is 1 or more"
        );
        let err = Lexicons::builtin()
            .merge_str(Path::new("my.toml"), "clause_starts = [\"and\", \"\"]\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "my.toml:1:25: key `clause_starts`: expected a non-empty string"
        );
    }

    #[test]
    fn a_directory_extends_the_builtin() {
        let dir = std::env::temp_dir().join(format!("factdiff-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("extra.toml"),
            "[measures]\nfloods = [\"flooded\"]\n[acronyms]\nTITR = \"Trans-Caspian International Transport Route\"\n",
        )
        .unwrap();
        let lex = Lexicons::load(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(lex.measure("flooded"), Some("floods"));
        assert_eq!(lex.measure("killed"), Some("deaths"));
        assert!(lex.known_acronym("TITR").is_some());
    }
}
