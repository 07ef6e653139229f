//! # acronym-undefined
//!
//! ## What it does
//! Reports an acronym used in an article that never defines it ("the Trans-Caspian
//! International Transport Route (TITR)" defines TITR) and that is not in the
//! known-acronyms lexicon (`rules/lexicons/acronyms.toml`: UN, EU, CIS, OSCE, CSTO,
//! EAEU, GDP, IT ...) or in the rule's `known` list. Each acronym is reported once
//! per article, at its first use.
//!
//! ## Why is this bad?
//! A reader who does not know the acronym cannot follow the story. This is a matter
//! of style, so its severity is below the contradictions.
//!
//! ## Example
//! Fires:
//! ```text
//! The TITR carried 4.5 million tons last year.
//! ```
//! Does not fire:
//! ```text
//! The Trans-Caspian International Transport Route (TITR) carried 4.5 million tons.
//! The UN and the EU welcomed the deal.
//! ```
//!
//! ## Options
//! - `known` (array of strings, default `[]`): acronyms a reader is expected to know,
//!   beyond the lexicon.

use factdiff_findings::{Category, Severity};

use super::KindInfo;
use crate::params::{ParamSpec, ParamType};

pub(crate) const INFO: KindInfo = KindInfo {
    id: "acronym-undefined",
    category: Category::Style,
    severity: Severity::Info,
    summary: "an acronym used but never defined and not commonly known",
    message: "`{acronym}` is used but never defined in this article",
    placeholders: &["acronym"],
    params: &[ParamSpec {
        name: "known",
        ty: ParamType::Strings,
        default: "[]",
        doc: "acronyms a reader is expected to know, beyond the lexicon",
    }],
    source: include_str!("acronym_undefined.rs"),
};

use std::collections::{BTreeMap, BTreeSet};

use factdiff_claims::ClaimValue;
use factdiff_findings::Finding;
use rayon::prelude::*;

use super::{Cx, finding};
use crate::Rule;

pub(crate) fn check(cx: &Cx<'_>, rule: &Rule) -> Vec<Finding> {
    let known: BTreeSet<&str> = rule
        .params
        .strings("known")
        .iter()
        .map(String::as_str)
        .collect();
    cx.claims
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, claims)| {
            // Per acronym: whether the article defines it, and its first use.
            let mut seen: BTreeMap<&str, (bool, Option<&factdiff_claims::Claim>)> = BTreeMap::new();
            for claim in claims {
                let ClaimValue::Acronym {
                    short,
                    known: in_lexicon,
                } = &claim.value
                else {
                    continue;
                };
                if *in_lexicon || known.contains(short.as_str()) {
                    continue;
                }
                let entry = seen.entry(short.as_str()).or_insert((false, None));
                entry.0 |= claim.expansion.is_some();
                if entry.1.is_none() {
                    entry.1 = Some(claim);
                }
            }
            seen.into_iter()
                .filter(|(_, (defined, _))| !defined)
                .filter_map(|(short, (_, first))| {
                    let claim = first?;
                    Some(
                        finding(
                            rule,
                            &[("acronym", short.to_owned())],
                            vec![cx.loc(article, claim.span)],
                        )
                        .with_detail("acronym", short),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}
