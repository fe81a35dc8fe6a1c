//! Attribution: decides who said each quote, from speech verbs and cue phrases around it.
//!
//! This first version attributes nothing: no speaker is better than a wrong one.

use crate::doc::{ActorDraft, Attribution, FoundQuote, Structure};

/// One [`Attribution`] per quote, in the same order.
pub fn attribute(
    _text: &str,
    _structure: &Structure,
    quotes: &[FoundQuote],
    _actors: &mut Vec<ActorDraft>,
) -> Vec<Attribution> {
    vec![Attribution::default(); quotes.len()]
}
