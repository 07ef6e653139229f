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

const CHANGE_WORDS: &[&str] = &[
    "increased",
    "increase",
    "increasing",
    "rose",
    "risen",
    "grew",
    "grown",
    "growth",
    "decreased",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "higher",
    "lower",
    "more",
    "less",
    "larger",
    "smaller",
    "bigger",
    "by",
    "expanded",
    "up",
    "down",
    "multiplied",
    "surged",
    "jumped",
    "climbed",
    "times",
];

/// Words that introduce the parts of a whole, right before a number.
const PART_MARKERS: &[&[&str]] = &[
    &["including"],
    &["includes"],
    &["include"],
    &["of", "whom"],
    &["of", "which"],
    &["among", "them"],
    &["among", "whom"],
    &["among", "which"],
];

/// Whether a part marker ends right before token `i` ("…, including 12").
fn part_marker_before(s: &Sent, i: usize) -> bool {
    PART_MARKERS.iter().any(|m| {
        i >= m.len()
            && m.iter()
                .enumerate()
                .all(|(k, w)| s.lower(i - m.len() + k) == *w)
    })
}

/// Whether a list link ends right before token `i` ("… and 10", "…, 10").
fn list_link_before(s: &Sent, i: usize) -> bool {
    i > 0 && matches!(s.lower(i - 1), "and" | "," | "while" | "plus")
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
        let mult = match s.lower(i) {
            "doubled" => Some(2.0),
            "tripled" | "trebled" => Some(3.0),
            "quadrupled" => Some(4.0),
            "halved" => Some(0.5),
            _ => None,
        };
        if let Some(m) = mult {
            let span = s.span(i, i + 1);
            s.take(i, i + 1);
            claims.push(Claim::new(
                ClaimKind::Quantity,
                span,
                s.idx,
                ClaimValue::Interval {
                    min: Some(m),
                    max: Some(m),
                    min_open: false,
                    max_open: false,
                    unit: "times".into(),
                },
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
            if let Some((e, code)) = crate::money::currency_after(ctx, s, j, vague) {
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
                    ClaimValue::Duration(value),
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
            if before
                .iter()
                .any(|b| CHANGE_WORDS.contains(&b.lower.as_ref()))
                || s.toks
                    .get(j + 1)
                    .is_some_and(|a| CHANGE_WORDS.contains(&a.lower.as_ref()))
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
            && (part_marker_before(s, p.start) || in_parts && list_link_before(s, p.start))
        {
            unit = u.clone();
            matched = true;
            inherited = true;
        }
        if !matched && !lone_year {
            if let Some((e, head)) = counted_noun(ctx, s, j, vague || p.end > p.num_start + 1) {
                unit = head;
                end = e;
                matched = true;
            } else if let Some(_m) = measure_near(ctx, s, p.start, p.end) {
                matched = p.digits || !p.plain;
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
                in_parts = part_marker_before(s, p.start);
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
