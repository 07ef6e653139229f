//! Claim keys: what a claim is about, for matching claims across articles.
//!
//! The key is the measure (from the measures lexicon: killed / died / dead / death
//! toll -> `deaths`), the unit or counted noun, and the event context: the normalized
//! names and the content words of the sentence, sorted.

use crate::numbers::{lemma, measure_near};
use crate::{Claim, ClaimKey, ClaimKind, ClaimValue, Ctx, Sent};

const MAX_CONTEXT: usize = 16;

/// Sets the key of each quantity, money, percent, date, duration and ordinal claim of
/// one sentence (`claims` holds only that sentence's claims).
pub(crate) fn assign(ctx: &Ctx, s: &Sent, claims: &mut [Claim]) {
    if s.toks.is_empty() {
        return;
    }
    if !claims.iter().any(|c| {
        !matches!(
            c.kind,
            ClaimKind::Quote | ClaimKind::Name | ClaimKind::Acronym
        )
    }) {
        return;
    }
    let lex = ctx.lex;
    let mut context: Vec<String> = claims
        .iter()
        .filter_map(|c| match &c.value {
            ClaimValue::Name { normalized } => Some(normalized.clone()),
            _ => None,
        })
        .collect();
    for (k, t) in s.toks.iter().enumerate() {
        if s.taken[k] || !t.is_word() || t.is_capitalized() {
            continue;
        }
        let l = t.lower.as_ref();
        if l.len() < 4
            || t.has(crate::lexicon::class::STOP | crate::lexicon::class::SPEECH)
            || !l.chars().all(char::is_alphabetic)
        {
            continue;
        }
        context.push(lemma(l));
    }
    context.sort();
    context.dedup();
    context.truncate(MAX_CONTEXT);
    for c in claims.iter_mut() {
        if matches!(
            c.kind,
            ClaimKind::Quote | ClaimKind::Name | ClaimKind::Acronym
        ) {
            continue;
        }
        let from = s.toks.partition_point(|t| t.start < c.span.start);
        let to = s.toks.partition_point(|t| t.end <= c.span.end);
        let unit = match &c.value {
            ClaimValue::Interval { unit, .. } => unit.clone(),
            ClaimValue::Date(_) => "date".into(),
            ClaimValue::Duration(_) => "duration".into(),
            ClaimValue::Ordinal { of, .. } => of.clone(),
            _ => String::new(),
        };
        let measure = if matches!(
            c.kind,
            ClaimKind::Quantity | ClaimKind::Money | ClaimKind::Percent
        ) {
            // The counted noun itself may name the measure ("deaths", "votes").
            let own = s.toks[from..to.max(from)]
                .iter()
                .find_map(|t| lex.measure(t.lower.as_ref()).map(str::to_owned));
            own.or_else(|| measure_near(ctx, s, from, to.max(from + 1)))
        } else {
            None
        };
        c.key = Some(ClaimKey {
            measure,
            unit,
            context: context.clone(),
        });
    }
}
