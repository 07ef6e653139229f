//! Relations between the claims of one sentence: part/whole ("139 people, including 7
//! women"; "Of the 15 seats, 9 went to … and 6 to …"), change ("increased by 65
//! percent, reaching 2.8 million tons"; not a tally, "by 7 votes to 2"), conversion
//! ("10 trillion tenge (about 35 billion dollars)") and anniversary ("25th
//! anniversary of the signing … in 1999").
//!
//! Written by hand: these are patterns over the claims already found and the few words
//! between them.

use std::sync::Arc;

use crate::{Claim, ClaimKind, ClaimValue, Ctx, Relation, RelationKind};

fn is_amount(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
    )
}

fn unit_of(c: &Claim) -> &str {
    match &c.value {
        ClaimValue::Interval(i) => &i.unit,
        _ => "",
    }
}

/// Adds relations to `claims` (sorted by span; targets are indices into it).
pub(crate) fn relate(ctx: &Ctx, claims: &mut [Claim]) {
    let text = &ctx.article.text;
    let lex = ctx.lex;
    let mut start = 0;
    while start < claims.len() {
        let sentence = claims[start].sentence;
        let mut end = start;
        while end < claims.len() && claims[end].sentence == sentence {
            end += 1;
        }
        let idx: Vec<usize> = (start..end)
            .filter(|&k| {
                claims[k].kind != ClaimKind::Quote
                    && claims[k].kind != ClaimKind::Name
                    && claims[k].kind != ClaimKind::Acronym
            })
            .collect();
        let sentence_start = ctx
            .article
            .sentences
            .get(sentence as usize)
            .map_or(0, |s| s.span.start as usize);
        let between = |a: usize, b: usize| -> String {
            let (x, y) = (claims[a].span.end as usize, claims[b].span.start as usize);
            if x <= y {
                text[x..y].to_lowercase()
            } else {
                String::new()
            }
        };
        let mut new: Vec<(usize, Relation)> = Vec::new();
        // Of the 15 seats, 9 went to … and 6 to …
        let lead = text[sentence_start..]
            .chars()
            .take(7)
            .collect::<String>()
            .to_lowercase();
        let of_the_whole = lead.starts_with("of the ")
            && idx.first().is_some_and(|&w| {
                is_amount(&claims[w]) && claims[w].span.start as usize <= sentence_start + 8
            });
        // "…, and of the 15 seats, 9 went to …": a whole inside the sentence.
        let inner_whole = idx.iter().position(|&w| {
            let c = &claims[w];
            is_amount(c)
                && !unit_of(c).is_empty()
                && crate::frame::lower_ends_with(
                    &text[sentence_start..c.span.start as usize],
                    " of the",
                )
                && text[c.span.end as usize..].trim_start().starts_with(',')
        });
        for (n, &a) in idx.iter().enumerate() {
            if !is_amount(&claims[a]) {
                continue;
            }
            if of_the_whole && n > 0 && claims[a].kind == claims[idx[0]].kind {
                // "were cast for the two candidates": a set the sentence names, no part.
                if crate::frame::lower_ends_with(
                    &text[sentence_start..claims[a].span.start as usize],
                    " the",
                ) {
                    continue;
                }
                new.push((
                    a,
                    Relation {
                        kind: RelationKind::PartOf,
                        target: idx[0],
                    },
                ));
                continue;
            }
            if let Some(w) = inner_whole
                && n > w
                && claims[a].kind == claims[idx[w]].kind
                && unit_of(&claims[a]) == unit_of(&claims[idx[w]])
            {
                new.push((
                    a,
                    Relation {
                        kind: RelationKind::PartOf,
                        target: idx[w],
                    },
                ));
                continue;
            }
            // A list of parts: "including 5 railway and 8 automobile ones".
            if n > 0
                && let Some((_, r)) = new
                    .iter()
                    .find(|(from, r)| *from == idx[n - 1] && r.kind == RelationKind::PartOf)
                && ({
                    let gap = between(idx[n - 1], a);
                    let gap = gap.trim();
                    lex.context.part_list_gaps.contains(gap)
                        || (unit_of(&claims[a]) == unit_of(&claims[idx[n - 1]])
                            && claims[a].kind == claims[idx[n - 1]].kind
                            && gap.len() < 60
                            && !gap.contains([';', '(', ')'])
                            && !gap.contains(|c: char| c.is_ascii_digit())
                            && (gap.ends_with(" and") || gap.ends_with(',')))
                })
            {
                let r = *r;
                new.push((a, r));
                continue;
            }
            // Part/whole: the nearest earlier amount of the same kind with "including"
            // (or "of whom", "of which", "among them") between.
            for &w in idx[..n].iter().rev() {
                if claims[w].kind != claims[a].kind || !is_amount(&claims[w]) {
                    continue;
                }
                // A multiplier is a change, not a part.
                if (unit_of(&claims[a]) == "times") != (unit_of(&claims[w]) == "times") {
                    break;
                }
                let gap = between(w, a);
                let marker = lex
                    .context
                    .part_whole_markers
                    .iter()
                    .any(|m| gap.contains(m.as_str()));
                if marker && gap.len() < 120 && !gap.contains(';') {
                    new.push((
                        a,
                        Relation {
                            kind: RelationKind::PartOf,
                            target: w,
                        },
                    ));
                }
                break;
            }
            // Conversion: an amount of money in brackets or after "or about" right
            // after another in a different currency.
            if n > 0 && claims[a].kind == ClaimKind::Money {
                let w = idx[n - 1];
                if claims[w].kind == ClaimKind::Money && unit_of(&claims[w]) != unit_of(&claims[a])
                {
                    let gap = between(w, a);
                    let gap = gap.trim();
                    if lex.context.conversion_gaps.contains(gap)
                        || gap.len() <= 3 && gap.contains('(')
                    {
                        new.push((
                            a,
                            Relation {
                                kind: RelationKind::ConversionOf,
                                target: w,
                            },
                        ));
                    }
                }
            }
            // Change: "increased by 65 percent, reaching 2.8 million tons".
            if let Some(&next) = idx.get(n + 1) {
                let before = &text[sentence_start..claims[a].span.start as usize];
                let by_change = crate::frame::lower_ends_with(before, " by")
                    || crate::frame::lower_ends_with(before, "by") && lower_len_below(before, 4);
                let gap = between(a, next);
                // A tally is no change: "approved by 7 votes to 2", "won by 18,542 votes
                // to 17,542" count one thing twice, the second figure bare and not
                // larger ("rose by 5 mln dlrs to 120 mln dlrs" and "by 38 to 801"
                // are changes).
                let tally = claims[a].kind == ClaimKind::Quantity
                    && claims[next].kind == ClaimKind::Quantity
                    && !unit_of(&claims[a]).is_empty()
                    && unit_of(&claims[next]).is_empty()
                    && gap.trim() == "to"
                    && matches!(
                        (&claims[a].value, &claims[next].value),
                        (ClaimValue::Interval(x), ClaimValue::Interval(y))
                            if y.max.is_some_and(|m| x.min.is_some_and(|n| m <= n))
                    );
                if by_change
                    && !tally
                    && is_amount(&claims[next])
                    && lex
                        .context
                        .change_result_markers
                        .iter()
                        .any(|m| gap.contains(m.as_str()))
                    && gap.len() < 60
                {
                    new.push((
                        a,
                        Relation {
                            kind: RelationKind::ChangeTo,
                            target: next,
                        },
                    ));
                }
            }
        }
        // Anniversary: an ordinal anniversary and a year in the sentence.
        for &a in &idx {
            if let ClaimValue::Ordinal { of, .. } = &claims[a].value
                && &**of == "anniversary"
                && let Some(&d) = idx.iter().filter(|&&d| matches!(&claims[d].value, ClaimValue::Date(t) if t.year.is_some() && !t.relative)).min_by_key(|&&d| (claims[d].span.start as i64 - claims[a].span.end as i64).abs())
            {
                new.push((a, Relation { kind: RelationKind::AnniversaryOf, target: d }));
            }
        }
        for (from, rel) in new {
            // A part counts what its whole counts: "Of the 15 seats, 9 went to … and 6
            // to …" are seats whatever words stand near the 6.
            if rel.kind == RelationKind::PartOf
                && unit_of(&claims[from]) == unit_of(&claims[rel.target])
                && let Some(whole) = claims[rel.target].key.clone()
                && let Some(key) = claims[from].key.as_mut().map(Arc::make_mut)
                && key.measure.is_none()
            {
                key.measure = whole.measure.clone();
                key.monotonic = whole.monotonic;
            }
            claims[from].add_relation(rel);
        }
        start = end;
    }
}

/// Whether `text` lower-cased is shorter than `n` bytes, copying only a short text (a
/// character's lower case has at least a quarter of its bytes).
fn lower_len_below(text: &str, n: usize) -> bool {
    text.len() < 4 * n && text.to_lowercase().len() < n
}

#[cfg(test)]
mod tests {
    use crate::ClaimKind;
    use crate::testutil::check_kind;

    const RELATED: &[(&str, &[&str])] = &[
        (
            "13 transport corridors are open, including 5 railway and 8 automobile ones.",
            &[
                "13 transport corridors = [13, 13] corridor",
                "5 railway = [5, 5] railway PartOf->13 transport corridors",
                "8 automobile ones = [8, 8] one PartOf->13 transport corridors",
            ],
        ),
        (
            "The crash killed 139 people, including 7 women.",
            &[
                "139 people = [139, 139] people",
                "7 women = [7, 7] woman PartOf->139 people",
            ],
        ),
        (
            "Of the 15 seats, 9 went to the ruling party and 6 to the opposition.",
            &[
                "15 seats = [15, 15] seat",
                "9 = [9, 9] seat PartOf->15 seats",
                "6 = [6, 6] seat PartOf->15 seats",
            ],
        ),
        (
            "Of the 36,120 ballots counted, 35,994 were cast for the two candidates and 126 were blank.",
            &[
                "36,120 ballots = [36120, 36120] ballot",
                "35,994 = [35994, 35994] ballot PartOf->36,120 ballots",
                "two = [2, 2] ballot",
                "126 = [126, 126] ballot PartOf->36,120 ballots",
            ],
        ),
        (
            "The ministry gave 20 grants, including 12 for schools and 10 for hospitals.",
            &[
                "20 grants = [20, 20] grant",
                "12 = [12, 12] grant PartOf->20 grants",
                "10 = [10, 10] grant PartOf->20 grants",
            ],
        ),
        (
            "Of the 15 seats, nine went to the ruling party and six to the opposition.",
            &[
                "15 seats = [15, 15] seat",
                "nine = [9, 9] seat PartOf->15 seats",
                "six = [6, 6] seat PartOf->15 seats",
            ],
        ),
        (
            "In Sunday's vote, of the 15 seats, 9 went to the ruling party and 6 to the opposition.",
            &[
                "15 seats = [15, 15] seat",
                "9 = [9, 9] seat PartOf->15 seats",
                "6 = [6, 6] seat PartOf->15 seats",
            ],
        ),
        (
            "The fund has 30 projects, of which 18 in Almaty, 7 in Astana and 5 elsewhere.",
            &[
                "30 projects = [30, 30] project",
                "18 = [18, 18] project PartOf->30 projects",
                "7 = [7, 7] project PartOf->30 projects",
                "5 = [5, 5] project PartOf->30 projects",
            ],
        ),
        (
            "He won 20 races in 2019, including 12 in Europe.",
            &[
                "20 races = [20, 20] race",
                "12 = [12, 12] race PartOf->20 races",
            ],
        ),
        // Not parts: no marker, or a number with its own counted noun.
        (
            "The 20 grants were approved and 12 were paid.",
            &["20 grants = [20, 20] grant"],
        ),
        (
            "They sent 20 trucks, including 12 tankers; 5 buses came later.",
            &[
                "20 trucks = [20, 20] truck",
                "12 tankers = [12, 12] tanker PartOf->20 trucks",
                "5 buses = [5, 5] bus",
            ],
        ),
        (
            "It rescued 40 miners, of whom 12 children were hurt.",
            &[
                "40 miners = [40, 40] miner",
                "12 children = [12, 12] child PartOf->40 miners",
            ],
        ),
        (
            "Some 200 workers, among them 30 engineers, left.",
            &[
                "Some 200 workers = [180, 220] worker",
                "30 engineers = [30, 30] engineer PartOf->Some 200 workers",
            ],
        ),
        (
            "Shipments rose to 50 ships, and 20 trucks came.",
            &["50 ships = [50, 50] ship", "20 trucks = [20, 20] truck"],
        ),
    ];

    #[test]
    fn part_whole() {
        check_kind(ClaimKind::Quantity, RELATED);
    }

    /// A tally, "by 7 votes to 2", counts one thing twice: no change to its second
    /// figure. A change's result restates its unit, or is larger.
    #[test]
    fn a_tally_is_no_change() {
        check_kind(
            ClaimKind::Quantity,
            &[
                (
                    "The council approved the plan by 7 votes to 2.",
                    &["7 votes = [7, 7] vote", "2 = [2, 2] "],
                ),
                (
                    "Delgado beat Reyes by 18,542 votes to 17,542.",
                    &[
                        "18,542 votes = [18542, 18542] vote",
                        "17,542 = [17542, 17542] ",
                    ],
                ),
                (
                    "The fleet grew by 12 ships to 40.",
                    &["12 ships = [12, 12] ship ChangeTo->40", "40 = [40, 40] "],
                ),
                (
                    "The fleet grew by 12 ships to 40 ships.",
                    &[
                        "12 ships = [12, 12] ship ChangeTo->40 ships",
                        "40 ships = [40, 40] ship",
                    ],
                ),
            ],
        );
    }

    #[test]
    fn change_and_conversion() {
        check_kind(
            ClaimKind::Percent,
            &[
                (
                    "Cargo increased by 65 percent, reaching 2.8 million tons.",
                    &["65 percent = [65, 65] % ChangeTo->2.8 million tons"],
                ),
                (
                    "Trade grew by 11 percent to 3 billion dollars.",
                    &["11 percent = [11, 11] % ChangeTo->3 billion dollars"],
                ),
                (
                    "Trade grew 11 percent in 2024.",
                    &["11 percent = [11, 11] %"],
                ),
            ],
        );
        check_kind(
            ClaimKind::Money,
            &[
                (
                    "It costs 10 trillion tenge (about 35 billion dollars).",
                    &[
                        "10 trillion tenge = [9500000000000, 10500000000000] KZT",
                        "about 35 billion dollars = [31500000000, 38500000000] USD ConversionOf->10 trillion tenge",
                    ],
                ),
                (
                    "It costs 500 million euros ($540 million).",
                    &[
                        "500 million euros = [499500000, 500500000] EUR",
                        "$540 million = [539500000, 540500000] USD ConversionOf->500 million euros",
                    ],
                ),
                (
                    "It costs 5 million dollars and 3 million euros.",
                    &[
                        "5 million dollars = [4500000, 5500000] USD",
                        "3 million euros = [2500000, 3500000] EUR",
                    ],
                ),
            ],
        );
        check_kind(
            ClaimKind::Ordinal,
            &[
                (
                    "We mark the 25th anniversary of the signing of the treaty in 1999.",
                    &["25th anniversary = 25 anniversary AnniversaryOf->1999"],
                ),
                (
                    "We mark the 25th anniversary of the treaty.",
                    &["25th anniversary = 25 anniversary"],
                ),
            ],
        );
    }

    const MORE_RELATED: &[(&str, &[&str])] = &[
        (
            "Police arrested 120 people, including 15 minors.",
            &[
                "120 people = [120, 120] people",
                "15 minors = [15, 15] minor PartOf->120 people",
            ],
        ),
        (
            "The fleet has 40 ships, including 12 tankers and 8 ferries.",
            &[
                "40 ships = [40, 40] ship",
                "12 tankers = [12, 12] tanker PartOf->40 ships",
                "8 ferries = [8, 8] ferry PartOf->40 ships",
            ],
        ),
        (
            "Of the 300 delegates, 120 voted for the plan.",
            &[
                "300 delegates = [300, 300] delegate",
                "120 = [120, 120] delegate PartOf->300 delegates",
            ],
        ),
        (
            "They freed 25 hostages, among whom 4 journalists.",
            &[
                "25 hostages = [25, 25] hostage",
                "4 journalists = [4, 4] journalist PartOf->25 hostages",
            ],
        ),
        (
            "The port handled 2.8 million tons and 10,000 containers.",
            &[
                "2.8 million tons = [2750000, 2850000] t",
                "10,000 containers = [10000, 10000] container",
            ],
        ),
        (
            "Exports increased 3.5 times, including 40 cars.",
            &["3.5 times = [3.5, 3.5] times", "40 cars = [40, 40] car"],
        ),
        (
            "Some 70 products worth 350 million dollars were listed.",
            &["Some 70 products = [63, 77] product"],
        ),
        (
            "A total of 56 banks, of which 11 foreign ones, applied.",
            &[
                "56 banks = [56, 56] bank",
                "11 foreign ones = [11, 11] one PartOf->56 banks",
            ],
        ),
    ];

    #[test]
    fn more_relations() {
        check_kind(ClaimKind::Quantity, MORE_RELATED);
        check_kind(
            ClaimKind::Percent,
            &[
                (
                    "Output rose by 4.5 pct to 120 mln tonnes.",
                    &["4.5 pct = [4.5, 4.5] % ChangeTo->120 mln tonnes"],
                ),
                (
                    "Sales fell by 8 percent, reaching 300 units.",
                    &["8 percent = [8, 8] % ChangeTo->300 units"],
                ),
                (
                    "Its share rose by 2 percent and its staff by 5 percent.",
                    &["2 percent = [2, 2] %", "5 percent = [5, 5] %"],
                ),
            ],
        );
        check_kind(
            ClaimKind::Money,
            &[
                (
                    "It raised 2 billion yen, or about 15 million dollars.",
                    &[
                        "2 billion yen = [1500000000, 2500000000] JPY",
                        "about 15 million dollars = [13500000, 16500000] USD ConversionOf->2 billion yen",
                    ],
                ),
                (
                    "A fine of 1,000 euros and 500 dollars.",
                    &[
                        "1,000 euros = [1000, 1000] EUR",
                        "500 dollars = [500, 500] USD",
                    ],
                ),
            ],
        );
        check_kind(
            ClaimKind::Ordinal,
            &[
                (
                    "This year marks the 30th anniversary of independence, declared in 1991.",
                    &["30th anniversary = 30 anniversary AnniversaryOf->1991"],
                ),
                (
                    "In 2026 we celebrate the 120th anniversary of the poet, born in 1906.",
                    &["120th anniversary = 120 anniversary AnniversaryOf->1906"],
                ),
                (
                    "The 80th session opened in 2025.",
                    &["80th session = 80 session"],
                ),
            ],
        );
    }
}
