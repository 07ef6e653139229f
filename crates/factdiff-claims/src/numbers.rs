//! Numbers and quantities: digits, number words, scales, qualifiers and ranges as
//! intervals, with the counted noun or unit after them.
//!
//! One parser reads the number phrase ([`crate::number_phrase`]); what follows it
//! decides the kind: a currency makes money ([`crate::money`]), `%` or `percent` a
//! percentage ([`crate::percent`]), a unit of time a duration ([`crate::durations`]),
//! anything else a quantity, whose counted noun is read by [`crate::nouns`]. Written
//! by hand: quantity extractors on crates.io (and quantulum3 in Python) read "mln" as a
//! unit and "COVID-19" as a count, and none of them keeps the interval semantics of
//! news qualifiers ("more than 600" is open, "at least 37" is closed).

use crate::nouns::{counted_noun, measure_near};
use crate::number_phrase::{interval, parse_at};
use crate::{Claim, ClaimKind, ClaimValue, Ctx, Sent};

/// Whether a part marker (`part_markers` of the context lexicon) ends right before
/// token `i` ("…, including 12", "of whom 7").
fn part_marker_before(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    ctx.lex.context.part_markers.iter().any(|m| {
        let n = m.split(' ').count();
        i >= n
            && m.split(' ')
                .enumerate()
                .all(|(k, w)| s.lower(i - n + k) == w)
    })
}

/// Whether `pounds` at `j` is a weight: a word of `weight_words` among the three
/// words before the number at `start` ("weighed 200 pounds", "a weight of 50 pounds").
fn weight_pounds(ctx: &Ctx, s: &Sent, start: usize, j: usize) -> bool {
    ctx.lex.context.pound_words.contains(s.lower(j))
        && s.toks[start.saturating_sub(3)..start]
            .iter()
            .any(|t| ctx.lex.context.weight_words.contains(t.lower.as_ref()))
}

/// Whether a counted noun's last word reads as a plural: a count above one counts a
/// plural ("two met" is the two who met, "a 3 year plan" counts no plan).
fn plural_head(ctx: &Ctx, word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") || ctx.lex.context.plural_nouns.contains(word)
}

/// Whether the number phrase is a person's age in apposition: a plain whole number
/// from 1 to 120 written in digits, between a comma after a capitalized name and a
/// comma (or a closing parenthesis) after it: "John Jenkin, 23, was arrested".
fn is_age_apposition(s: &Sent, p: &crate::number_phrase::NumPhrase) -> bool {
    p.plain
        && p.digits
        && p.currency.is_none()
        && p.end == p.num_start + 1
        && p.lo.fract() == 0.0
        && (1.0..=120.0).contains(&p.lo)
        && p.start >= 2
        && s.toks[p.start - 1].text == ","
        && s.toks[p.start - 2].is_capitalized()
        && s.toks
            .get(p.end)
            .is_some_and(|t| matches!(t.text, "," | ")"))
}

/// Whether a list link ends right before token `i` ("… and 10", "…, 10").
fn list_link_before(ctx: &Ctx, s: &Sent, i: usize) -> bool {
    i > 0 && ctx.lex.context.list_links.contains(s.lower(i - 1))
}

/// Extracts quantities, money, percentages and numeric durations from one sentence.
pub(crate) fn extract(ctx: &Ctx, s: &mut Sent, claims: &mut Vec<Claim>) {
    let lex = ctx.lex;
    // "Of the 15 seats, 9 went to …": later bare numbers count seats.
    let mut of_the_unit: Option<String> = None;
    // The last counted quantity (a whole that bare parts may count), and whether a
    // list of parts is being read.
    let mut whole_unit: Option<String> = None;
    let mut in_parts = false;
    let mut i = 0;
    while i < s.toks.len() {
        if s.taken[i] {
            i += 1;
            continue;
        }
        // Only a number, a currency symbol or a word that starts a number phrase can
        // start one: everything else is skipped without a lookup.
        let t = &s.toks[i];
        let candidate = t.is_num()
            || lex.currency_symbols.contains_key(t.text)
            || s.toks
                .get(i + 1)
                .is_some_and(|n| n.text == "$" && !n.space_before)
            || (t.is_word() && t.has(crate::lexicon::class::NUM_START));
        if !candidate {
            i += 1;
            continue;
        }
        // Multiplier verbs: "doubled", "tripled".
        let mult = lex.multipliers.get(s.lower(i)).copied();
        if let Some(m) = mult {
            let span = s.span(i, i + 1);
            s.take(i, i + 1);
            claims.push(Claim::new(
                ClaimKind::Quantity,
                span,
                s.idx,
                ClaimValue::Interval(Box::new(crate::IntervalValue {
                    min: Some(m),
                    max: Some(m),
                    min_open: false,
                    max_open: false,
                    unit: "times".into(),
                })),
            ));
            i += 1;
            continue;
        }
        let Some(p) = parse_at(ctx, s, i) else {
            i += 1;
            continue;
        };
        if !s.free(p.start, p.end) {
            i += 1;
            continue;
        }
        let j = p.end;
        let next = s.toks.get(j);
        // Ordinals belong to ordinals.rs; decades and years to dates.rs.
        if let Some(n) = next
            && !n.space_before
            && matches!(n.lower.as_ref(), "st" | "nd" | "rd" | "th" | "s")
        {
            i = j + 1;
            continue;
        }
        let lone_year = p.plain
            && p.digits
            && p.currency.is_none()
            && (1000.0..=2100.0).contains(&p.lo)
            && p.lo.fract() == 0.0
            && !s.toks[p.num_start].text.contains(',');
        let vague = !p.digits && lex.vague.contains_key(s.lower(p.num_start))
            || s.toks[p.num_start..p.end]
                .iter()
                .any(|t| lex.vague.contains_key(t.lower.as_ref()));
        // A person's age set off by commas after a name ("John Jenkin, 23, was
        // arrested"): an age, consumed but not a count of the noun after it.
        if is_age_apposition(s, &p) {
            s.take(p.start, p.end);
            i = p.end;
            continue;
        }
        let mut kind = ClaimKind::Quantity;
        let mut unit = String::new();
        let mut end = j;
        let mut matched = false;
        // Percent.
        if let Some((e, u)) = crate::percent::unit_after(ctx, s, j) {
            kind = ClaimKind::Percent;
            unit = u;
            end = e;
            matched = true;
        }
        // Money.
        if !matched {
            if let Some((e, code)) = crate::money::currency_after(ctx, s, j, vague)
                .filter(|_| !weight_pounds(ctx, s, p.start, j))
            {
                kind = ClaimKind::Money;
                unit = code;
                end = e;
                matched = true;
            } else if let Some(code) = &p.currency {
                kind = ClaimKind::Money;
                unit = code.clone();
                matched = true;
            }
        }
        // Durations.
        if !matched && let Some((e, value)) = crate::durations::numeric(ctx, s, &p) {
            if !value.is_empty() {
                let span = s.span(p.num_start.min(p.start), e);
                s.take(p.start, e);
                claims.push(Claim::new(
                    ClaimKind::Duration,
                    span,
                    s.idx,
                    ClaimValue::Duration(value.into()),
                ));
            }
            i = e;
            continue;
        }
        // Units.
        if !matched {
            for n in (1..=3).rev() {
                if let Some(ph) = s.phrase(j, n)
                    && let Some(u) = lex.units.get(&*ph)
                    && (n > 1 || ph.len() > 1 || !s.toks[j].space_before)
                {
                    unit = u.clone();
                    end = j + n;
                    matched = true;
                    break;
                }
            }
            if !matched
                && let Some(t) = next
                && lex.unit_symbols.contains(t.text)
                && p.digits
                && !lone_year
            {
                unit = t.text.to_owned();
                end = j + 1;
                matched = true;
            }
        }
        // Multipliers: "increased 3.5 times", "by 2.5 times".
        if !matched
            && let Some(t) = next
            && (t.is("times") || t.is("fold") || t.is("-fold"))
        {
            let before = &s.toks[p.start.saturating_sub(3)..p.start];
            let change_words = &lex.context.multiplier_change_words;
            if before
                .iter()
                .any(|b| change_words.contains(b.lower.as_ref()))
                || s.toks
                    .get(j + 1)
                    .is_some_and(|a| change_words.contains(a.lower.as_ref()))
            {
                unit = "times".into();
                end = j + 1;
                matched = true;
            } else {
                i = j + 1;
                continue;
            }
        }
        // Counted noun.
        if !matched
            && !lone_year
            && p.plain
            && let Some(u) = &of_the_unit
        {
            unit = u.clone();
            matched = true;
        }
        // A bare part of a whole counted before it: "20 grants, including 12 for
        // schools and 10 for hospitals" counts grants.
        let mut inherited = false;
        if !matched
            && !lone_year
            && p.plain
            && kind == ClaimKind::Quantity
            && let Some(u) = &whole_unit
            && counted_noun(ctx, s, j, false).is_none()
            && (part_marker_before(ctx, s, p.start)
                || in_parts && list_link_before(ctx, s, p.start))
        {
            unit = u.clone();
            matched = true;
            inherited = true;
        }
        if !matched && !lone_year {
            if weight_pounds(ctx, s, p.start, j) {
                unit = "lb".into();
                end = j + 1;
                matched = true;
            } else if let Some((e, head)) =
                counted_noun(ctx, s, j, vague || p.end > p.num_start + 1).filter(|(e, _)| {
                    // Parts after a whole may elide its noun ("13 corridors, including
                    // 5 railway and 8 road ones").
                    vague
                        || p.hi <= 1.0
                        || plural_head(ctx, s.lower(e - 1))
                        // A count inside a compound modifier ("a 35-word oath", "a 48-page
                        // indictment") is an attribute: it counts words, pages.
                        || s.toks.get(j).is_some_and(|t| t.text == "-" && !t.space_before)
                        || part_marker_before(ctx, s, p.start)
                        || in_parts && list_link_before(ctx, s, p.start)
                })
            {
                unit = head;
                end = e;
                matched = true;
            } else if let Some(_m) = measure_near(ctx, s, p.start, p.end) {
                // A bare number beside another bare number is a table cell ("Imports
                // 10.56 10.63 11.68 11.70"): which column it is, the words do not say.
                let cell = |k: usize| {
                    s.toks
                        .get(k)
                        .is_some_and(|t| t.is_num() && !t.text.contains(['-', '/']))
                };
                let table_cell = (p.start > 0 && cell(p.start - 1)) || cell(p.end);
                matched = (p.digits || !p.plain) && !table_cell;
            }
        }
        if !matched || (lone_year && kind == ClaimKind::Quantity && unit.is_empty()) {
            i = p.end.max(i + 1);
            continue;
        }
        // "Of the 15 seats, 9 went to …", also inside a sentence.
        if p.start >= 2
            && s.lower(p.start - 2) == "of"
            && s.lower(p.start - 1) == "the"
            && (p.start == 2 || s.toks.get(end).is_some_and(|t| t.text == ","))
            && kind == ClaimKind::Quantity
            && !unit.is_empty()
        {
            of_the_unit = Some(unit.clone());
        }
        if kind == ClaimKind::Quantity && !unit.is_empty() && unit != "times" {
            if inherited {
                in_parts = true;
            } else {
                whole_unit = Some(unit.clone());
                in_parts = part_marker_before(ctx, s, p.start);
            }
        }
        let span = s.span(p.start, end);
        s.take(p.start, end);
        claims.push(Claim::new(kind, span, s.idx, interval(&p, &unit)));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    /// Causes of wrong figures read on real news (issue 13).
    #[test]
    fn weights_ages_models_and_pronoun_counts_are_not_counts() {
        check_kind(
            ClaimKind::Quantity,
            &[
                (
                    "The boxer weighed 200 pounds.",
                    &["200 pounds = [200, 200] lb"],
                ),
                ("The two met in Paris.", &[]),
                ("The three agreed to talk.", &[]),
                ("The two men met in Paris.", &["two men = [2, 2] man"]),
                ("John Jenkin, 23, was arrested.", &[]),
                (
                    "Police arrested 23 people.",
                    &["23 people = [23, 23] people"],
                ),
                ("It has a 9400M graphics chip.", &[]),
                ("a 3 year plan", &[]),
                (
                    "500 staff lost their jobs",
                    &["500 staff = [500, 500] staff"],
                ),
            ],
        );
        check_kind(
            ClaimKind::Money,
            &[
                ("The boxer weighed 200 pounds.", &[]),
                ("He paid 200 pounds.", &["200 pounds = [200, 200] GBP"]),
            ],
        );
    }

    /// Scores and fractions are not counts; a count in a compound modifier counts
    /// its own noun; number words are numbers (issue 13).
    #[test]
    fn scores_fractions_compounds_and_number_words() {
        check_kind(
            ClaimKind::Quantity,
            &[
                ("Friday night's 88-72 loss in Cleveland", &[]),
                ("a dividend of 8-1/2 shares", &[]),
                ("he swore a 35-word oath", &["35-word = [35, 35] word"]),
                ("a 48-page indictment", &["48-page = [48, 48] page"]),
                // A kind or a model (`label_units`), not a count.
                ("escaped with a 12-gauge shotgun", &[]),
                ("a 12 gauge shotgun", &[]),
                ("the 64-bit version of Windows", &[]),
                ("a .357 caliber revolver", &[]),
                ("just 10U in size", &[]),
                ("fired 14 shots", &["14 shots = [14, 14] shot"]),
                ("64 bits of data", &["64 bits = [64, 64] bit"]),
                ("a dozen people died", &["a dozen people = [12, 12] people"]),
                (
                    "scores of people died",
                    &["scores of people = [40, 199] people"],
                ),
            ],
        );
    }

    /// A toll that has risen to a figure counts what the sentence's subject counts,
    /// however long the subject; a magnitude counts nothing; a table cell beside other
    /// bare numbers is no claim (issue 13, second round).
    #[test]
    fn risen_tolls_magnitudes_and_table_cells() {
        let lex = crate::Lexicons::builtin();
        let measure_of = |text: &str, figure: &str| {
            let a = crate::testutil::article(text, None);
            crate::extract(&a, &lex)
                .into_iter()
                .filter(|c| c.kind == ClaimKind::Quantity && &a.text[c.span.range()] == figure)
                .map(|c| {
                    c.key
                        .and_then(|k| k.measure.clone())
                        .map(|m| m.to_string())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            measure_of(
                "The death toll from the magnitude 6.6 earthquake that jolted Luding county in Sichuan province on Monday, September 5, has risen to 46, the Ganzi prefecture government said.",
                "46"
            ),
            ["deaths"]
        );
        assert_eq!(
            measure_of("The death toll has risen to 46, officials said.", "46"),
            ["deaths"]
        );
        assert!(measure_of("A magnitude 6.6 earthquake killed 46 people.", "6.6").is_empty());
        assert!(measure_of("The quake, of magnitude 6.6, killed dozens.", "6.6").is_empty());
        check_kind(
            ClaimKind::Quantity,
            &[
                ("Imports      10.56   10.63     11.68   11.70", &[]),
                (
                    "Imports rose to 11.70 from a year ago",
                    &["11.70 = [11.7, 11.7] "],
                ),
            ],
        );
    }

    /// Hedges keep their interval: "topped" is above, "as high as" at most.
    #[test]
    fn hedges_are_intervals() {
        check_kind(
            ClaimKind::Money,
            &[
                (
                    "Bitcoin topped $60,000.",
                    &["topped $60,000 = (60000, inf) USD"],
                ),
                (
                    "costs as high as $184 million",
                    &["as high as $184 million = (-inf, 184000000] USD"],
                ),
            ],
        );
        check_kind(
            ClaimKind::Percent,
            &[(
                "rose as much as 5 percent",
                &["as much as 5 percent = (-inf, 5] %"],
            )],
        );
        check_kind(
            ClaimKind::Quantity,
            &[
                (
                    "as many as 40 people",
                    &["as many as 40 people = (-inf, 40] people"],
                ),
                ("as few as 3 ships", &["as few as 3 ships = [3, inf) ship"]),
            ],
        );
    }

    #[test]
    fn quantities() {
        check_kind(
            ClaimKind::Quantity,
            &[
                (
                    "At least 37 people were killed.",
                    &["At least 37 people = [37, inf) people"],
                ),
                (
                    "The quake killed 139 people, including 7 women.",
                    &[
                        "139 people = [139, 139] people",
                        "7 women = [7, 7] woman PartOf->139 people",
                    ],
                ),
                (
                    "There are 1,250,000 residents.",
                    &["1,250,000 residents = [1250000, 1250000] resident"],
                ),
                (
                    "The road is 13,000 km long.",
                    &["13,000 km = [13000, 13000] km"],
                ),
                (
                    "The road is 13,000km long.",
                    &["13,000km = [13000, 13000] km"],
                ),
                ("It weighs 3.2 tons.", &["3.2 tons = [3.2, 3.2] t"]),
                (
                    "Eleven soldiers died.",
                    &["Eleven soldiers = [11, 11] soldier"],
                ),
                (
                    "twenty-one delegates came",
                    &["twenty-one delegates = [21, 21] delegate"],
                ),
                (
                    "a dozen ministers spoke",
                    &["a dozen ministers = [12, 12] minister"],
                ),
                (
                    "dozens of houses burned",
                    &["dozens of houses = [24, 99] house"],
                ),
                (
                    "hundreds of people marched",
                    &["hundreds of people = [200, 999] people"],
                ),
                (
                    "thousands of refugees fled",
                    &["thousands of refugees = [2000, 9999] refugee"],
                ),
                (
                    "more than 600 prisoners",
                    &["more than 600 prisoners = (600, inf) prisoner"],
                ),
                (
                    "over 50 countries took part",
                    &["over 50 countries = (50, inf) country"],
                ),
                (
                    "nearly 40 villages",
                    &["nearly 40 villages = [36, 40) village"],
                ),
                (
                    "about 35 experts",
                    &["about 35 experts = [31.5, 38.5] expert"],
                ),
                ("some 300 firms", &["some 300 firms = [270, 330] firm"]),
                ("up to 8 ships", &["up to 8 ships = (-inf, 8] ship"]),
                (
                    "fewer than 20 journalists",
                    &["fewer than 20 journalists = (-inf, 20) journalist"],
                ),
                ("5 to 8 workers", &["5 to 8 workers = [5, 8] worker"]),
                ("5–8 workers", &["5–8 workers = [5, 8] worker"]),
                (
                    "between 5 and 8 workers",
                    &["between 5 and 8 workers = [5, 8] worker"],
                ),
                (
                    "2.8 million tons of grain",
                    &["2.8 million tons = [2750000, 2850000] t"],
                ),
                (
                    "13 transport corridors",
                    &["13 transport corridors = [13, 13] corridor"],
                ),
                (
                    "130 ethnic groups live there",
                    &["130 ethnic groups = [130, 130] group"],
                ),
                (
                    "after 21 rounds of negotiations",
                    &["21 rounds = [21, 21] round"],
                ),
                (
                    "exports increased 3.5 times",
                    &["3.5 times = [3.5, 3.5] times"],
                ),
                ("grew by 2.5 times", &["2.5 times = [2.5, 2.5] times"]),
                ("trade doubled", &["doubled = [2, 2] times"]),
                // Number words with multipliers.
                (
                    "Two dozen buses were set on fire.",
                    &["Two dozen buses = [24, 24] bus"],
                ),
                (
                    "about 2 dozen eggs",
                    &["about 2 dozen eggs = [21.6, 26.4] egg"],
                ),
                (
                    "half a million people fled",
                    &["half a million people = [500000, 500000] people"],
                ),
                (
                    "half a dozen ministers resigned",
                    &["half a dozen ministers = [6, 6] minister"],
                ),
                (
                    "three hundred soldiers",
                    &["three hundred soldiers = [300, 300] soldier"],
                ),
                (
                    "two hundred and fifty delegates",
                    &["two hundred and fifty delegates = [250, 250] delegate"],
                ),
                (
                    "one hundred and twenty-one villages",
                    &["one hundred and twenty-one villages = [121, 121] village"],
                ),
                (
                    "two hundred thousand refugees",
                    &["two hundred thousand refugees = [200000, 200000] refugee"],
                ),
                (
                    "twenty one delegates",
                    &["twenty one delegates = [21, 21] delegate"],
                ),
                (
                    "a hundred thousand people",
                    &["a hundred thousand people = [100000, 100000] people"],
                ),
                // Counted nouns after capitalized modifiers.
                (
                    "All 191 UN member states voted.",
                    &["191 UN member states = [191, 191] state"],
                ),
                (
                    "killed 5 Russian soldiers",
                    &["5 Russian soldiers = [5, 5] soldier"],
                ),
                ("More than 20 thousand Armenians live there", &[]),
                ("two hundred and Kazakhstan", &[]),
                ("one hundred percent", &[]),
                ("output tripled", &["tripled = [3, 3] times"]),
                ("The death toll rose to 37.", &["37 = [37, 37] "]),
                (
                    "including 5 railway and 8 automobile ones",
                    &[
                        "5 railway = [5, 5] railway",
                        "8 automobile ones = [8, 8] one",
                    ],
                ),
                (
                    "VAT of 150 mln barrels",
                    &["150 mln barrels = [149500000, 150500000] bbl"],
                ),
                ("2617.4 m", &["2617.4 m = [2617.4, 2617.4] m"]),
                // A rate of flow is not a stock of barrels.
                (
                    "output of 220,000 bpd",
                    &["220,000 bpd = [220000, 220000] bbl/d"],
                ),
                // Negatives.
                ("Point 5 of the declaration", &[]),
                ("see page 12 of the report", &[]),
                ("Call +7 717 274 5678 now", &[]),
                ("call 555-123-4567", &[]),
                ("the COVID-19 pandemic", &[]),
                ("under Article 51 of the Charter", &[]),
                ("the G7 leaders met", &[]),
                ("Resolution 2231 was adopted", &[]),
                ("ID 004521 was used", &[]),
                ("one of the leaders", &[]),
                ("a Boeing 737 jet", &[]),
                ("at 10:30 local time", &[]),
                ("in 2023", &[]),
            ],
        );
    }
}
