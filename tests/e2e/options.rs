//! Each parameter of each rule kind changes what the rule reports: for every
//! parameter in a kind's `KindInfo`, a small corpus is checked with the built-in rule
//! and again with a rule file that sets the parameter, and both sets of findings (the
//! primary location and its text) are the ones written here. A new parameter without
//! a case here fails `every_parameter_of_every_kind_has_a_case`.

use std::collections::BTreeSet;

use crate::run_in;

/// One parameter set to one value, on a corpus where that changes the findings.
struct Case {
    rule: &'static str,
    param: &'static str,
    /// The parameter's value in TOML.
    value: &'static str,
    /// `(file, article date, text)`.
    articles: &'static [(&'static str, &'static str, &'static str)],
    /// The findings of the built-in rule: `file:line: text` of the primary location.
    default: &'static [&'static str],
    /// The findings with the parameter set.
    changed: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        rule: "count-mismatch",
        param: "monotonic",
        value: "[\"evacuations\"]",
        articles: &[
            (
                "a.md",
                "2024-05-01",
                "Floods in Sindh province displaced 800 people, officials said.",
            ),
            (
                "b.md",
                "2024-05-02",
                "Floods in Sindh province displaced 500 people, officials said.",
            ),
        ],
        // Another day's figure is another day's report, unless the measure only
        // rises: then the later, smaller figure contradicts the earlier one.
        default: &[],
        changed: &["b.md:5: 500 people"],
    },
    Case {
        rule: "count-mismatch",
        param: "min-shared-context",
        value: "8",
        articles: &[
            (
                "a.md",
                "2024-05-01",
                "The Asian Development Bank approved a $2bn loan to Pakistan for flood reconstruction.",
            ),
            (
                "b.md",
                "2024-05-01",
                "The Asian Development Bank approved a 200 million dollar loan to Pakistan for flood reconstruction.",
            ),
        ],
        default: &["b.md:5: 200 million dollar"],
        changed: &[],
    },
    Case {
        rule: "count-mismatch",
        param: "min-context-similarity",
        value: "0.95",
        articles: &[
            (
                "a.md",
                "2024-05-01",
                "The Asian Development Bank approved a $2bn loan to Pakistan for flood reconstruction.",
            ),
            (
                "b.md",
                "2024-05-01",
                "The Asian Development Bank approved a 200 million dollar loan to Pakistan for flood reconstruction on Friday after talks with the government in Islamabad.",
            ),
        ],
        default: &["b.md:5: 200 million dollar"],
        changed: &[],
    },
    Case {
        rule: "count-mismatch",
        param: "within-article",
        value: "false",
        articles: &[(
            "a.md",
            "2024-05-01",
            "The fire at the Kyiv central market destroyed 40 stalls overnight, the emergency service said.\n\nTraders were allowed back into the market on Monday morning.\n\nThe fire at the Kyiv central market destroyed 60 stalls overnight, the emergency service said on Monday.",
        )],
        default: &["a.md:9: 60 stalls"],
        changed: &[],
    },
    Case {
        rule: "count-mismatch",
        param: "max-days-apart",
        value: "5",
        articles: &[
            (
                "a.md",
                "2024-04-01",
                "At least 57 people were killed in the landslide in Enga province, officials said.",
            ),
            (
                "b.md",
                "2024-04-05",
                "The landslide in Enga province has killed 43 people, officials said.",
            ),
        ],
        // A death toll only rises: its later, smaller figure is compared within
        // `max-days-apart` days (other measures only on the same day).
        default: &[],
        changed: &["b.md:5: 43 people"],
    },
    Case {
        rule: "count-mismatch",
        param: "ignore-units",
        value: "[\"USD\"]",
        articles: &[
            (
                "a.md",
                "2024-05-01",
                "The Asian Development Bank approved a $2bn loan to Pakistan for flood reconstruction.",
            ),
            (
                "b.md",
                "2024-05-01",
                "The Asian Development Bank approved a 200 million dollar loan to Pakistan for flood reconstruction.",
            ),
        ],
        default: &["b.md:5: 200 million dollar"],
        changed: &[],
    },
    Case {
        rule: "date-mismatch",
        param: "min-shared-context",
        value: "8",
        articles: &[
            (
                "a.md",
                "2022-09-17",
                "The summit opened in Samarkand on September 15 with a welcome dinner for the leaders.",
            ),
            (
                "b.md",
                "2022-09-17",
                "The summit began in Samarkand on Friday, September 16, with a welcome dinner for the leaders.",
            ),
        ],
        default: &["b.md:5: Friday, September 16"],
        changed: &[],
    },
    Case {
        rule: "date-mismatch",
        param: "min-context-similarity",
        value: "0.95",
        articles: &[
            (
                "a.md",
                "2022-09-17",
                "The summit opened in Samarkand on September 15 with a welcome dinner for the leaders.",
            ),
            (
                "b.md",
                "2022-09-17",
                "The summit began in Samarkand on Friday, September 16, with a welcome dinner for the leaders.",
            ),
        ],
        default: &["b.md:5: Friday, September 16"],
        changed: &[],
    },
    Case {
        rule: "date-mismatch",
        param: "max-days-apart",
        value: "5",
        articles: &[
            (
                "a.md",
                "2022-09-17",
                "The summit opened in Samarkand on September 15, 2022 with a welcome dinner for the leaders.",
            ),
            (
                "b.md",
                "2022-09-21",
                "The summit began in Samarkand on Friday, September 16, 2022, with a welcome dinner for the leaders.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: Friday, September 16, 2022"],
    },
    Case {
        rule: "date-mismatch",
        param: "require-predicate",
        value: "false",
        articles: &[
            (
                "a.md",
                "2024-05-01",
                // Other figures in each sentence: no copy of one report, which is
                // compared without a predicate too.
                "The delegation tour of Tashkent is on May 15 with 30 guests, the ministry said.",
            ),
            (
                "b.md",
                "2024-05-01",
                "The delegation tour of Tashkent is on May 16 with 40 guests, the ministry said.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: May 16"],
    },
    Case {
        rule: "date-mismatch",
        param: "predicates",
        value: "[[\"start\", \"premiered\"]]",
        articles: &[
            (
                "a.md",
                "2024-05-05",
                "The film premiered in Almaty on May 3 with a gala for 300 guests.",
            ),
            (
                "b.md",
                "2024-05-05",
                "The film premiered in Almaty on May 4 with a gala for 400 guests.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: May 4"],
    },
    Case {
        rule: "acronym-undefined",
        param: "known",
        value: "[\"KTZ\"]",
        articles: &[(
            "a.md",
            "2025-01-15",
            "The KTZ raised freight rates by 9 percent on Monday.",
        )],
        default: &["a.md:5: KTZ"],
        changed: &[],
    },
    Case {
        rule: "acronym-undefined",
        param: "company-words",
        value: "[\"group\"]",
        articles: &[(
            "a.md",
            "2025-01-15",
            "Shares of the KAP group rose on Monday.",
        )],
        default: &["a.md:5: KAP"],
        changed: &[],
    },
    Case {
        rule: "anniversary-mismatch",
        param: "tolerance",
        value: "1",
        articles: &[(
            "a.md",
            "2025-05-10",
            "The city will mark the 25th anniversary of the bridge, which opened in 2001, next week.",
        )],
        default: &["a.md:5: 25th anniversary"],
        changed: &[],
    },
    Case {
        rule: "name-variant",
        param: "canonical",
        value: "[\"Dmitro Kuleba\"]",
        articles: &[
            (
                "a.md",
                "2024-03-01",
                "Foreign Minister Dmytro Kuleba met his Polish counterpart. Dmytro Kuleba said the talks went well.",
            ),
            (
                "b.md",
                "2024-03-01",
                "Dmytro Kuleba flew to Warsaw on Friday.",
            ),
            (
                "c.md",
                "2024-03-02",
                "Dmitro Kuleba said the talks in Warsaw went well.",
            ),
        ],
        default: &["c.md:5: Dmitro"],
        changed: &["a.md:5: Dmytro", "b.md:5: Dmytro"],
    },
    Case {
        rule: "name-variant",
        param: "exceptions",
        value: "[[\"Dmytro\", \"Dmitro\"]]",
        articles: &[
            (
                "a.md",
                "2024-03-01",
                "Foreign Minister Dmytro Kuleba met his Polish counterpart. Dmytro Kuleba said the talks went well.",
            ),
            (
                "b.md",
                "2024-03-01",
                "Dmytro Kuleba flew to Warsaw on Friday.",
            ),
            (
                "c.md",
                "2024-03-02",
                "Dmitro Kuleba said the talks in Warsaw went well.",
            ),
        ],
        default: &["c.md:5: Dmitro"],
        changed: &[],
    },
    Case {
        rule: "name-variant",
        param: "min-length-beside",
        value: "5",
        articles: &[
            (
                "a.md",
                "2011-08-26",
                "Actress Tara Reid has checked into a rehabilitation center in Malibu, her publicist said. Reid, 35, starred in American Pie.",
            ),
            (
                "b.md",
                "2011-08-26",
                "The American Pie star Tara Reyd entered a treatment center in Malibu, her publicist said.",
            ),
        ],
        default: &["b.md:5: Reyd"],
        changed: &[],
    },
    Case {
        rule: "name-variant",
        param: "min-length",
        // Two letters apart (ss/s, y/i): only folding joins them, which needs
        // `min-length` letters ("Kassym-Jomart" has 13).
        value: "14",
        articles: &[
            (
                "a.md",
                "2024-03-01",
                "President Kassym-Jomart Tokayev met his Uzbek counterpart. Kassym-Jomart Tokayev said the talks went well.",
            ),
            (
                "b.md",
                "2024-03-01",
                "Kassym-Jomart Tokayev flew to Tashkent on Friday.",
            ),
            (
                "c.md",
                "2024-03-02",
                "Kasim-Jomart Tokayev said the talks in Tashkent went well.",
            ),
        ],
        default: &["c.md:5: Kasim-Jomart"],
        changed: &[],
    },
    Case {
        rule: "name-variant",
        param: "max-edits",
        value: "1",
        articles: &[
            (
                "a.md",
                "2025-10-01",
                "President Kassym-Jomart Tokayev arrived in Yerevan. Tokayev met Shavkat Mirziyoyev later.",
            ),
            (
                "b.md",
                "2025-10-02",
                "Kassym-Jomart Tokayev and Shavkat Mirziyoyev held talks.",
            ),
            (
                "c.md",
                "2025-10-03",
                "Kasim-Jomart Tokayev spoke with Shavkat Mirziyoev by phone.",
            ),
        ],
        default: &["c.md:5: Kasim-Jomart", "c.md:5: Mirziyoev"],
        changed: &["c.md:5: Mirziyoev"],
    },
    Case {
        rule: "quote-drift",
        param: "min-words",
        value: "7",
        articles: &[
            (
                "a.md",
                "2025-04-02",
                "“We will never accept these terms,” Foreign Minister Sabine Keller said on Tuesday.",
            ),
            (
                "b.md",
                "2025-04-02",
                "“We will not accept these terms,” Foreign Minister Sabine Keller said.",
            ),
        ],
        default: &["b.md:5: “We will not accept these terms,”"],
        changed: &[],
    },
    Case {
        rule: "quote-drift",
        param: "min-similarity",
        value: "0.95",
        articles: &[
            (
                "a.md",
                "2025-04-02",
                "“We will never accept these terms,” Foreign Minister Sabine Keller said on Tuesday.",
            ),
            (
                "b.md",
                "2025-04-02",
                "“We will not accept these terms,” Foreign Minister Sabine Keller said.",
            ),
        ],
        default: &["b.md:5: “We will not accept these terms,”"],
        changed: &[],
    },
    Case {
        rule: "quote-drift",
        param: "speakers",
        value: "false",
        articles: &[
            (
                "a.md",
                "2025-04-03",
                "“This port will connect three continents within a decade,” Prime Minister Anton Weber said.",
            ),
            (
                "b.md",
                "2025-04-03",
                "“This port will connect three continents within a decade,” Transport Minister Lena Vogt said.",
            ),
        ],
        default: &["b.md:5: “This port will connect three continents within a decade,”"],
        changed: &[],
    },
    Case {
        rule: "sum-mismatch",
        param: "exhaustive-markers",
        value: "[]",
        articles: &[(
            "a.md",
            "2025-02-11",
            "Of the 15 seats, 9 went to the ruling party and 5 to the opposition.",
        )],
        default: &["a.md:5: 15 seats"],
        changed: &[],
    },
    Case {
        rule: "count-mismatch",
        param: "across",
        value: "\"corpus\"",
        articles: &[
            (
                "a.md",
                "2023-03-05",
                "The earthquake killed 27 people in Badghis province, officials said.\n\nThe earthquake struck the district of Qadis on January 17, 2022 and destroyed hundreds of homes. Rescuers searched the rubble in Qadis through the night after the quake of January 17, 2022, and Governor Abdul Qayum Rahimi said Qadis needed tents and blankets.",
            ),
            (
                "b.md",
                "2023-03-05",
                "The earthquake killed 310 people in Badghis province, officials said.\n\nThe earthquake struck the district of Muqur on March 4, 2023 and destroyed thousands of homes. Rescuers searched the rubble in Muqur through the night after the quake of March 4, 2023, and Governor Noor Ahmad Islamjar said Muqur needed tents and blankets.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: 310 people"],
    },
    Case {
        rule: "count-mismatch",
        param: "predicates",
        value: "[[\"shots\", \"fired\"]]",
        articles: &[
            (
                "a.md",
                "2013-03-11",
                "Two plainclothes officers shot and killed a 16-year-old in the East Flatbush section of Brooklyn on Saturday night, the New York Police Department said.\n\nThe sergeant and the officer fired 11 shots after the teenager pointed a revolver at them, according to the department.",
            ),
            (
                "b.md",
                "2013-03-11",
                "Relatives of a Brooklyn teenager shot and killed by police gathered in East Flatbush on Sunday to ask how the shooting happened.\n\nBoth officers fired a total of 6 shots at the youth, hitting him in the torso and legs, police said.",
            ),
        ],
        default: &[],
        changed: &["b.md:7: 6 shots"],
    },
    Case {
        rule: "count-mismatch",
        param: "lede-predicates",
        value: "[[\"deaths\", \"killed\", \"dead\"]]",
        articles: &[
            (
                "a.md",
                "2009-01-07",
                "No militants were inside the United Nations school shelled by Israeli forces in Gaza on Tuesday, leaving 26 people dead, the UN says.\n\nThe agency said an initial investigation found no sign that the school had been used to fire mortars.",
            ),
            (
                "b.md",
                "2009-01-07",
                "John Ging, the head of UNRWA operations in Gaza, said the shelling of the United Nations school by Israeli forces on Tuesday killed 40 people sheltering from the fighting.\n\nMr Ging said no militants had been inside the school and that it had not been used to fire mortars.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: 40 people"],
    },
    Case {
        rule: "count-mismatch",
        param: "same-nouns",
        value: "[[\"catch\", \"pass\"]]",
        articles: &[
            (
                "a.md",
                "2011-01-05",
                "The New Orleans Saints placed running back Marcus Bell on injured reserve on Wednesday with a broken ankle.\n\nHe finished with 812 yards rushing and caught 41 passes for 356 yards.",
            ),
            (
                "b.md",
                "2011-01-05",
                "The Saints put running back Marcus Bell on injured reserve on Wednesday, ending his season before the playoff game at Seattle.\n\nBut he missed four games this season and had only 812 yards and six touchdowns on 190 carries and another 298 yards on 41 catches.",
            ),
        ],
        // One player's line: "41 passes" and "41 catches" are the same catches, so
        // the two lines share two figures and the yards are compared, though only one
        // says "this season".
        default: &[],
        changed: &["b.md:7: 298 yards"],
    },
    Case {
        rule: "count-mismatch",
        param: "class-nouns",
        // The class's words come with it (a rule file of the case's own: no
        // `lede-predicates` of the built-in file); without the nouns, "1,200 jobs" and
        // "1,100 people" are two counted nouns and the same words align nothing.
        value: "[[\"layoffs\", \"job\", \"worker\", \"people\"]]\npredicates = [[\"layoffs\", \"eliminating\", \"out of work\"]]",
        articles: &[
            (
                "a.md",
                "2026-09-15",
                "Harlow Steel said on Tuesday it would close its Millbrook mill next year, eliminating 1,200 jobs.\n\nThe company blamed cheap imports and weak demand for its plate steel.",
            ),
            (
                "b.md",
                "2026-09-15",
                "Harlow Steel will shut its Millbrook steel mill next year, putting 1,100 people out of work, the company said on Tuesday.\n\nUnion leaders called the decision a betrayal of the town.",
            ),
        ],
        // "1,200 jobs" and "1,100 people" put out of work: with `class-nouns`, one
        // count of jobs cut.
        default: &[],
        changed: &["b.md:5: 1,100 people"],
    },
    Case {
        rule: "count-mismatch",
        param: "amount-predicates",
        value: "[[\"demand\", \"ransom\", \"demanded\"]]",
        articles: &[
            (
                "a.md",
                "2026-11-10",
                "Hospitals run by the Vestfold Hospital Trust cancelled hundreds of operations after a ransomware attack, chief executive Margit Olsen said.\n\nThe criminal group demanded a ransom of $5.4 million, Margit Olsen said.",
            ),
            (
                "b.md",
                "2026-11-10",
                "Norway's Vestfold Hospital Trust said on Tuesday that a ransomware attack had forced it to postpone about 600 planned operations.\n\nThe attackers demanded $4.5 million in cryptocurrency, chief executive Margit Olsen told a news conference.",
            ),
        ],
        // One ransom demand worded two ways: without the class, two amounts of
        // nothing said.
        default: &[],
        changed: &["b.md:7: $4.5 million"],
    },
    Case {
        rule: "count-mismatch",
        param: "amount-hedges",
        // The class's words come with it (a rule file of the case's own): the
        // hedges given leave out what prosecutors sought ("sought"), not what the
        // other side asked for ("asked" is not among them).
        value: "[\"sought\"]\namount-predicates = [[\"prison term\", \"sentenced\"]]",
        articles: &[
            (
                "a.md",
                "2026-06-05",
                "Marcus Hale was sentenced on Friday to 40 years in prison for the shooting at the Riverside mall in Dayton.",
            ),
            (
                "b.md",
                "2026-06-05",
                "Prosecutors sought to have Marcus Hale sentenced to 60 years in prison for the shooting at the Riverside mall in Dayton.",
            ),
            (
                "c.md",
                "2026-06-05",
                "The defence asked that Marcus Hale be sentenced to 30 years in prison for the shooting at the Riverside mall in Dayton.",
            ),
        ],
        default: &[],
        changed: &["c.md:5: 30 years"],
    },
    Case {
        rule: "quote-drift",
        param: "across",
        value: "\"corpus\"",
        articles: &[
            (
                "a.md",
                "2013-01-05",
                "Actress Tara Reid has entered the Promises Treatment Center in Malibu, her representative said. “She has voluntarily checked herself into a treatment facility, and we ask that you respect her privacy at this time,” said Reid's publicist Jack Ketsoyan.",
            ),
            (
                "b.md",
                "2013-01-06",
                "Actress Lindsay Lohan has checked into a rehab facility in Southern California, her lawyer said. “She has voluntarily checked herself into a treatment program, and we ask that you respect her privacy during this time,” said Lohan's lawyer Mark Heller.",
            ),
        ],
        default: &[],
        changed: &[
            "b.md:5: “She has voluntarily checked herself into a treatment program, and we ask that you respect her privacy during this time,”",
        ],
    },
    Case {
        rule: "date-mismatch",
        param: "across",
        value: "\"corpus\"",
        articles: &[
            (
                "a.md",
                "2023-03-05",
                // No place in the opening's clause: events in two places are never
                // compared, whatever the scope; and one clause names no one the other
                // sentence does not (two clauses that each do are two events).
                "The SCO summit opened on July 3, 2024, with President Kassym-Jomart Tokayev welcoming the leaders of the member states to Astana.\n\nTokayev told the leaders in Astana that the summit of July 3, 2024 would adopt a development strategy. Astana hosted the meeting for the first time since 2019.",
            ),
            (
                "b.md",
                "2023-03-05",
                "The SCO summit opened on August 31, 2025, with President Kassym-Jomart Tokayev among the leaders of the member states.\n\nXi told the leaders in Tianjin that the summit of August 31, 2025 would adopt a development strategy. Tianjin hosted the meeting for the first time.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: August 31, 2025"],
    },
    Case {
        rule: "name-variant",
        param: "across",
        value: "\"corpus\"",
        articles: &[
            (
                "a.md",
                "2024-03-01",
                "Kassym-Jomart Tokayev opened a new steel plant in Karaganda on Monday, where workers met Kassym-Jomart Tokayev at the gate.",
            ),
            (
                "b.md",
                "2024-03-20",
                "President Kasim-Jomart Tokayev discussed grain exports with farmers in Kostanay province during a visit to the harvest fair.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: Kasim-Jomart"],
    },
    Case {
        rule: "name-variant",
        param: "corpus-wide-stories",
        value: "1",
        articles: &[
            (
                "a.md",
                "2024-03-01",
                "Kassym-Jomart Tokayev opened a new steel plant in Karaganda on Monday, where workers met Kassym-Jomart Tokayev at the gate.",
            ),
            (
                "b.md",
                "2024-03-20",
                "President Kasim-Jomart Tokayev discussed grain exports with farmers in Kostanay province during a visit to the harvest fair.",
            ),
        ],
        default: &[],
        changed: &["b.md:5: Kasim-Jomart"],
    },
    Case {
        rule: "name-variant",
        param: "max-variant-articles",
        value: "1",
        articles: &[(
            "a.md",
            "2024-03-01",
            "Kassym-Jomart Tokayev opened a steel plant in Karaganda. Workers greeted Kassym-Jomart Tokayev at the gate, and Kasim-Jomart Tokayev thanked them.",
        )],
        default: &["a.md:5: Kasim-Jomart"],
        changed: &[],
    },
];

/// The findings of `rule` on the case's articles, with the parameter set or not.
fn findings(case: &Case, set: bool) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, date, text) in case.articles {
        std::fs::write(
            dir.path().join(name),
            format!("+++\ntitle = \"{name}\"\ndate = {date}\n+++\n{text}\n"),
        )
        .unwrap();
    }
    std::fs::create_dir(dir.path().join("myrules")).unwrap();
    std::fs::write(
        dir.path().join("myrules/rule.toml"),
        format!(
            "id = \"{0}\"\nkind = \"{0}\"\nenabled = true\n{1}",
            case.rule,
            if set {
                format!("\n[params]\n{} = {}\n", case.param, case.value)
            } else {
                String::new()
            }
        ),
    )
    .unwrap();
    // Both runs read the rule file, so a rule off by default (acronym-undefined) is on
    // in both; only the parameter differs.
    let args = vec![
        "check",
        ".",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--rules",
        "myrules",
    ];
    let out = run_in(dir.path(), &args);
    assert_eq!(out.code, 0, "{}: {}", case.param, out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut got: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == case.rule)
        .map(|f| {
            let p = &f["locations"][0];
            format!(
                "{}:{}: {}",
                p["path"].as_str().unwrap(),
                p["line"],
                p["text"].as_str().unwrap()
            )
        })
        .collect();
    got.sort();
    got
}

#[test]
fn every_parameter_changes_what_its_rule_reports() {
    let mut failures = Vec::new();
    for case in CASES {
        assert_ne!(
            case.default, case.changed,
            "{}: a case must change something",
            case.param
        );
        for (set, want) in [(false, case.default), (true, case.changed)] {
            let got = findings(case, set);
            if got != want {
                failures.push(format!(
                    "{} with {}{}: expected {want:?}, got {got:?}",
                    case.rule,
                    if set { "" } else { "the default " },
                    if set {
                        format!("{} = {}", case.param, case.value)
                    } else {
                        case.param.to_owned()
                    }
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_parameter_of_every_kind_has_a_case() {
    let covered: BTreeSet<(&str, &str)> = CASES.iter().map(|c| (c.rule, c.param)).collect();
    let missing: Vec<String> = factdiff_rules::Kind::ALL
        .iter()
        .flat_map(|kind| {
            let info = kind.info();
            info.params
                .iter()
                .filter(|p| !covered.contains(&(info.id, p.name)))
                .map(|p| format!("{} {}", info.id, p.name))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "parameters without a case in tests/e2e/options.rs: {missing:?}"
    );
}
