//! Lexicons: the words behind the extractors, as TOML under `rules/lexicons/`.
//!
//! The files in the repository are embedded as the built-in default
//! ([`Lexicons::builtin`]); [`Lexicons::load`] reads a directory of `*.toml` files on top
//! of them, so a user adds a measure, a currency or a known acronym without Rust. Every
//! file may hold any of the top-level tables below; an entry replaces the built-in entry
//! with the same key, and list-valued tables (`titles`, `stopwords`, ...) are extended.
//! Validation errors name the file, the line and the key.

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

/// Word ordinals (`first` ... `hundredth`), shared with the ordinals extractor.
pub(crate) const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

const DATE_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "this",
    "next",
    "past",
    "earlier",
    "later",
    "early",
    "late",
    "the",
    "that",
    "a",
    "an",
    "mid",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "now",
    "currently",
    "recently",
];

/// A lexicon file that cannot be used: it names the file, the line and the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The file, as given.
    pub file: PathBuf,
    /// The 1-based line of the offending key, when known.
    pub line: Option<u32>,
    /// The dotted key (`measures.deaths`), when known.
    pub key: Option<String>,
    /// What is wrong, lower-case, no trailing period.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
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
    /// upper-case acronym -> expansion
    pub(crate) acronyms: HashMap<String, String>,
    pub(crate) titles: HashSet<String>,
    pub(crate) speech_verbs: HashSet<String>,
    pub(crate) reporting_verbs: HashSet<String>,
    pub(crate) label_words: HashSet<String>,
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
    /// The words that frame a figure or a date (`context.toml`).
    pub(crate) context: Vocab,
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
                key: None,
                message: format!("cannot read file: {err}"),
            })?;
            lex.merge_str(&file, &src)?;
        }
        Ok(lex)
    }

    /// Adds the tables of one lexicon file given as text; `file` names it in errors.
    pub fn merge_str(&mut self, file: &Path, src: &str) -> Result<(), LexiconError> {
        let table: toml::Table = src.parse().map_err(|err: toml::de::Error| {
            let line = err
                .span()
                .map(|span| factdiff_corpus::line_column_of(src, span.start).0);
            LexiconError {
                file: file.to_path_buf(),
                line,
                key: None,
                message: err.message().trim_end_matches('.').to_owned(),
            }
        })?;
        let v = Validator { file, src };
        for (section, value) in &table {
            match section.as_str() {
                "number_words" => {
                    for (k, x) in v.table(section, value)? {
                        let n = v.number(&[section, k], x)?;
                        self.number_words.insert(k.to_lowercase(), n);
                    }
                }
                "scales" => {
                    for (k, x) in v.table(section, value)? {
                        let n = v.number(&[section, k], x)?;
                        self.scales.insert(k.to_lowercase(), n);
                    }
                }
                "vague" => {
                    for (k, x) in v.table(section, value)? {
                        let pair = v.pair(&[section, k], x)?;
                        self.vague.insert(k.to_lowercase(), pair);
                    }
                }
                "qualifiers" => {
                    for (k, x) in v.table(section, value)? {
                        let s = v.string(&[section, k], x)?;
                        let q = Qualifier::parse(s).ok_or_else(|| {
                            v.error(
                                &[section, k],
                                format!(
                                    "unknown qualifier `{s}`; expected approx, approx_below, \
                                     at_least, more_than, at_most or less_than"
                                ),
                            )
                        })?;
                        self.qualifiers.insert(k.to_lowercase(), q);
                    }
                }
                "settings" => {
                    for (k, x) in v.table(section, value)? {
                        match k.as_str() {
                            "approx_fraction" => {
                                let f = v.number(&[section, k], x)?;
                                if !(0.0..1.0).contains(&f) {
                                    return Err(v.error(
                                        &[section, k],
                                        "must be at least 0 and below 1".into(),
                                    ));
                                }
                                self.approx_fraction = f;
                            }
                            _ => return Err(v.error(&[section, k], "unknown setting".into())),
                        }
                    }
                }
                "units" => {
                    for (k, x) in v.table(section, value)? {
                        for spelling in v.strings(&[section, k], x)? {
                            self.units.insert(spelling.to_lowercase(), k.clone());
                        }
                    }
                }
                "currencies" => {
                    for (code, x) in v.table(section, value)? {
                        let path = [section.as_str(), code.as_str()];
                        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                            return Err(v.error(
                                &path,
                                "a currency is keyed by its ISO 4217 code (three capitals)".into(),
                            ));
                        }
                        for (field, y) in v.table(code, x)? {
                            let fpath = [section.as_str(), code.as_str(), field.as_str()];
                            match field.as_str() {
                                "symbols" => {
                                    for s in v.strings(&fpath, y)? {
                                        self.currency_symbols.insert(s.to_owned(), code.clone());
                                    }
                                }
                                "words" => {
                                    for s in v.strings(&fpath, y)? {
                                        self.currency_words.insert(s.to_lowercase(), code.clone());
                                    }
                                }
                                _ => {
                                    return Err(v.error(
                                        &fpath,
                                        "unknown field; expected `symbols` or `words`".into(),
                                    ));
                                }
                            }
                        }
                    }
                }
                "months" => {
                    for (k, x) in v.table(section, value)? {
                        let month =
                            MONTHS
                                .iter()
                                .position(|m| *m == k.as_str())
                                .ok_or_else(|| {
                                    v.error(&[section, k], "not an English month name".into())
                                })?;
                        for s in v.strings(&[section, k], x)? {
                            self.months.insert(s.to_lowercase(), month as i8 + 1);
                        }
                    }
                }
                "weekdays" => {
                    for (k, x) in v.table(section, value)? {
                        let idx =
                            WEEKDAYS
                                .iter()
                                .position(|m| *m == k.as_str())
                                .ok_or_else(|| {
                                    v.error(&[section, k], "not an English weekday name".into())
                                })?;
                        let day = jiff::civil::Weekday::from_monday_one_offset(idx as i8 + 1)
                            .expect("1..=7");
                        for s in v.strings(&[section, k], x)? {
                            self.weekdays.insert(s.to_lowercase(), day);
                        }
                    }
                }
                "seasons" => {
                    let seasons = ["SP", "SU", "FA", "WI"];
                    v.codes(section, value, &seasons, "a season code", &mut self.seasons)?;
                }
                "time_units" => {
                    let units = ["Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q"];
                    v.codes(section, value, &units, "a time unit", &mut self.time_units)?;
                }
                "measures" => {
                    for (k, x) in v.table(section, value)? {
                        for s in v.strings(&[section, k], x)? {
                            self.measures.insert(s.to_lowercase(), k.clone());
                        }
                    }
                }
                "events" => {
                    for (k, x) in v.table(section, value)? {
                        for s in v.strings(&[section, k], x)? {
                            self.events.insert(s.to_lowercase(), k.clone());
                        }
                    }
                }
                "monotonic" => {
                    for (k, x) in v.table(section, value)? {
                        match x {
                            toml::Value::Boolean(true) => {
                                self.monotonic.insert(k.clone());
                            }
                            toml::Value::Boolean(false) => {
                                self.monotonic.remove(k);
                            }
                            _ => {
                                return Err(v.error(&[section, k], "expected true or false".into()));
                            }
                        }
                    }
                }
                "acronyms" => {
                    for (k, x) in v.table(section, value)? {
                        let s = v.string(&[section, k], x)?;
                        self.acronyms.insert(k.to_uppercase(), s.to_owned());
                    }
                }
                "unit_symbols" => {
                    for s in v.strings(&[section], value)? {
                        self.unit_symbols.insert(s.to_owned());
                    }
                }
                // Overlap detection's own function words (factdiff-overlap reads them
                // from the built-in `words.toml`): checked, not used here.
                "overlap_stopwords" => {
                    v.strings(&[section], value)?;
                }
                "titles" | "speech_verbs" | "reporting_verbs" | "label_words" | "not_names"
                | "function_words" | "stopwords" => {
                    let set = match section.as_str() {
                        "titles" => &mut self.titles,
                        "speech_verbs" => &mut self.speech_verbs,
                        "reporting_verbs" => &mut self.reporting_verbs,
                        "label_words" => &mut self.label_words,
                        "not_names" => &mut self.not_names,
                        _ => &mut self.stopwords,
                    };
                    for s in v.strings(&[section], value)? {
                        set.insert(s.to_lowercase());
                    }
                }
                list if Vocab::LISTS.contains(&list) => {
                    let words = v.strings(&[section], value)?;
                    self.context.extend(list, &words);
                }
                "date_predicates" => {
                    let bad = || {
                        v.error(
                            &[section],
                            "expected a list of classes, each a list of strings: its name, \
                             then its words"
                                .into(),
                        )
                    };
                    for class in value.as_array().ok_or_else(bad)? {
                        let class = v.strings(&[section], class)?;
                        if class.len() < 2 {
                            return Err(bad());
                        }
                        self.context
                            .set_predicate(class.iter().map(|w| w.to_lowercase()).collect());
                    }
                }
                _ => {
                    return Err(v.error(
                        &[section],
                        "unknown lexicon table; expected one of number_words, scales, vague, \
                         qualifiers, settings, units, currencies, months, weekdays, seasons, \
                         time_units, unit_symbols, measures, monotonic, events, acronyms, titles, speech_verbs, \
                         reporting_verbs, label_words, not_names, function_words, stopwords, \
                         overlap_stopwords, period_words, table_words, before_other, after_other, \
                         change_verbs, change_to, link_words, not_things, said_before_date, \
                         period_end_before_date, period_end_words, next_year, since, date_predicates"
                            .into(),
                    ));
                }
            }
        }
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
            .chain(
                [
                    "between",
                    "from",
                    "doubled",
                    "tripled",
                    "trebled",
                    "quadrupled",
                    "halved",
                ]
                .map(str::to_owned),
            )
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
        for w in DATE_WORDS {
            add(w, class::DATE_START);
        }
        for (w, _) in ORDINAL_WORDS {
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
        Ok(())
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
            c |= self.classes.get(stem).copied().unwrap_or(0) & (class::DATE_START | class::TITLE);
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

    /// The fraction by which `about`, `nearly` and the like widen a number.
    pub fn approx_fraction(&self) -> f64 {
        self.approx_fraction
    }

    /// The event predicate class a word or phrase names (`opened` -> `start`).
    pub fn event(&self, phrase: &str) -> Option<&str> {
        self.events.get(phrase).map(String::as_str)
    }

    /// The measure a word or phrase names (`killed` -> `deaths`).
    pub fn measure(&self, phrase: &str) -> Option<&str> {
        self.measures.get(phrase).map(String::as_str)
    }
}

/// The English name of a month (1 is "January"), from the calendar's month table.
pub fn month_name(month: i8) -> Option<String> {
    let name = MONTHS.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
    let mut chars = name.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
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

struct Validator<'a> {
    file: &'a Path,
    src: &'a str,
}

impl Validator<'_> {
    /// The line where the last part of a dotted key is written: the first line, after
    /// the line of its table header, that starts with the key.
    fn line_of<S: AsRef<str>>(&self, path: &[S]) -> Option<u32> {
        let mut from = 0usize;
        let mut found = None;
        for (depth, part) in path.iter().enumerate() {
            let part = part.as_ref();
            let is_last = depth + 1 == path.len();
            for (idx, line) in self.src.lines().enumerate().skip(from) {
                let t = line.trim_start();
                let t = t.trim_start_matches('[').trim_start_matches('"');
                let hit = t.starts_with(part)
                    && t[part.len()..]
                        .trim_start_matches('"')
                        .trim_start()
                        .starts_with(['=', ']', '.']);
                let dotted = t.contains(&format!(".{part}]")) || t.contains(&format!(".{part}\""));
                if hit || dotted {
                    from = idx;
                    if is_last {
                        found = Some(idx as u32 + 1);
                    }
                    break;
                }
            }
        }
        found
    }

    fn error<S: AsRef<str>>(&self, path: &[S], message: String) -> LexiconError {
        LexiconError {
            file: self.file.to_path_buf(),
            line: self.line_of(path),
            key: Some(
                path.iter()
                    .map(|s| s.as_ref().to_owned())
                    .collect::<Vec<_>>()
                    .join("."),
            ),
            message,
        }
    }

    fn table<'v>(
        &self,
        section: &str,
        value: &'v toml::Value,
    ) -> Result<&'v toml::Table, LexiconError> {
        value
            .as_table()
            .ok_or_else(|| self.error(&[section], "expected a table".into()))
    }

    fn number<S: AsRef<str>>(&self, path: &[S], value: &toml::Value) -> Result<f64, LexiconError> {
        match value {
            toml::Value::Integer(i) => Ok(*i as f64),
            toml::Value::Float(f) if f.is_finite() => Ok(*f),
            _ => Err(self.error(path, "expected a number".into())),
        }
    }

    fn pair<S: AsRef<str>>(
        &self,
        path: &[S],
        value: &toml::Value,
    ) -> Result<(f64, f64), LexiconError> {
        let bad = || self.error(path, "expected [min, max] with min <= max".into());
        let arr = value.as_array().ok_or_else(bad)?;
        if arr.len() != 2 {
            return Err(bad());
        }
        let lo = self.number(path, &arr[0])?;
        let hi = self.number(path, &arr[1])?;
        if lo > hi {
            return Err(bad());
        }
        Ok((lo, hi))
    }

    /// Reads a table of `word = "CODE"` entries into `into` (keys lower-cased), each
    /// code one of `allowed`; `what` names a code in the error.
    fn codes(
        &self,
        section: &str,
        value: &toml::Value,
        allowed: &[&str],
        what: &str,
        into: &mut HashMap<String, String>,
    ) -> Result<(), LexiconError> {
        for (k, x) in self.table(section, value)? {
            let code = self.string(&[section, k], x)?;
            if !allowed.contains(&code) {
                return Err(self.error(
                    &[section, k],
                    format!("{what} is one of {}", allowed.join(", ")),
                ));
            }
            into.insert(k.to_lowercase(), code.to_owned());
        }
        Ok(())
    }

    fn string<'v, S: AsRef<str>>(
        &self,
        path: &[S],
        value: &'v toml::Value,
    ) -> Result<&'v str, LexiconError> {
        value
            .as_str()
            .ok_or_else(|| self.error(path, "expected a string".into()))
    }

    fn strings<'v, S: AsRef<str>>(
        &self,
        path: &[S],
        value: &'v toml::Value,
    ) -> Result<Vec<&'v str>, LexiconError> {
        let arr = value
            .as_array()
            .ok_or_else(|| self.error(path, "expected a list of strings".into()))?;
        arr.iter()
            .map(|x| {
                x.as_str()
                    .filter(|s| !s.trim().is_empty())
                    .ok_or_else(|| self.error(path, "expected a list of non-empty strings".into()))
            })
            .collect()
    }
}

/// The context lexicon: the words that frame a figure or a date (see
/// `rules/lexicons/context.toml` for what each list does). Lower case.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocab {
    pub period_words: HashSet<String>,
    pub table_words: HashSet<String>,
    pub before_other: HashSet<String>,
    pub after_other: Vec<String>,
    pub change_verbs: HashSet<String>,
    pub change_to: HashSet<String>,
    pub link_words: HashSet<String>,
    pub not_things: HashSet<String>,
    pub said_before_date: Vec<String>,
    pub period_end_before_date: Vec<String>,
    pub period_end_words: HashSet<String>,
    pub next_year: Vec<String>,
    pub since: Vec<String>,
    /// Predicate classes in order: each its name, then its signal words.
    pub date_predicates: Vec<Vec<String>>,
}

impl Vocab {
    /// The names of the word lists, as written in a lexicon file.
    pub(crate) const LISTS: [&'static str; 13] = [
        "period_words",
        "table_words",
        "before_other",
        "after_other",
        "change_verbs",
        "change_to",
        "link_words",
        "not_things",
        "said_before_date",
        "period_end_before_date",
        "period_end_words",
        "next_year",
        "since",
    ];

    /// Adds lower-case words to the list `name` (one of [`Vocab::LISTS`]).
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
            "link_words" => self.link_words.extend(words),
            "not_things" => self.not_things.extend(words),
            "said_before_date" => add_vec(&mut self.said_before_date, &mut words),
            "period_end_before_date" => add_vec(&mut self.period_end_before_date, &mut words),
            "period_end_words" => self.period_end_words.extend(words),
            "next_year" => add_vec(&mut self.next_year, &mut words),
            _ => add_vec(&mut self.since, &mut words),
        }
    }

    /// Sets a predicate class: `class` is its name then its words. A class already
    /// there keeps its place and takes the new words.
    pub(crate) fn set_predicate(&mut self, class: Vec<String>) {
        match self
            .date_predicates
            .iter_mut()
            .find(|c| c.first() == class.first())
        {
            Some(old) => *old = class,
            None => self.date_predicates.push(class),
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

    #[test]
    fn errors_name_file_line_and_key() {
        let mut lex = Lexicons::builtin();
        let src = "[measures]\ndeaths = [\"killed\"]\nfloods = 3\n";
        let err = lex.merge_str(Path::new("my.toml"), src).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`my.toml`:3: key `measures.floods`: expected a list of strings"
        );
        let err = lex
            .merge_str(
                Path::new("c.toml"),
                "[currencies.usd]\nwords = [\"bucks\"]\n",
            )
            .unwrap_err();
        assert_eq!(err.line, Some(1));
        assert_eq!(err.key.as_deref(), Some("currencies.usd"));
        let err = lex
            .merge_str(Path::new("x.toml"), "\n[colours]\nred = 1\n")
            .unwrap_err();
        assert_eq!((err.line, err.key.as_deref()), (Some(2), Some("colours")));
        let err = lex
            .merge_str(Path::new("x.toml"), "[scales]\nk = \n")
            .unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = lex
            .merge_str(
                Path::new("q.toml"),
                "[qualifiers]\n\"about\" = \"roughly\"\n",
            )
            .unwrap_err();
        assert_eq!(
            (err.line, err.key.as_deref()),
            (Some(2), Some("qualifiers.about"))
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
