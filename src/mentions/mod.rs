//! Mentions: finds the places where the text names a person, country, organisation, place or
//! group. The caller's own entries (`options.actors`) are matched first.
//!
//! This first version matches only the caller's entries, by exact surface form.

pub mod features;
pub mod tagger;
pub mod train;

use crate::doc::{FoundQuote, Mention, Source, Structure};
use crate::options::Options;

/// Find actor mentions in the story's regions of `text` (normalised), in text order.
pub fn find_mentions(
    text: &str,
    structure: &Structure,
    _quotes: &[FoundQuote],
    options: &Options,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for region in structure.regions() {
        let s = region.range.slice(text);
        for entry in &options.actors {
            for form in std::iter::once(&entry.name).chain(entry.aliases.iter()) {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                for (at, _) in s.match_indices(form) {
                    let start = region.range.start + at;
                    mentions.push(Mention {
                        range: crate::doc::Range::new(start, start + form.len()),
                        kind: entry.kind,
                        source: Source::User,
                        canonical: entry.canonical.clone().or_else(|| Some(entry.name.clone())),
                        wikidata: entry.wikidata.clone(),
                        adjectival: false,
                    });
                }
            }
        }
    }
    mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    // Keep the longest of overlapping mentions.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if kept.last().is_none_or(|k| !k.range.overlaps(m.range)) {
            kept.push(m);
        }
    }
    fill_gaps(&mut kept, tagger::tag(text, structure));
    kept
}

/// Add the `guesses` (in text order) that overlap none of `mentions` (in text order, without
/// overlaps): a learned guess only fills the gaps that lists and patterns left. Linear: both
/// lists are walked once.
fn fill_gaps(mentions: &mut Vec<Mention>, guesses: Vec<Mention>) {
    let mut merged = Vec::with_capacity(mentions.len() + guesses.len());
    let mut known = std::mem::take(mentions).into_iter().peekable();
    for guess in guesses {
        while let Some(m) = known.next_if(|m| m.range.end <= guess.range.start) {
            merged.push(m);
        }
        let clashes = known.peek().is_some_and(|m| m.range.overlaps(guess.range))
            || merged
                .last()
                .is_some_and(|m: &Mention| m.range.overlaps(guess.range));
        if !clashes {
            merged.push(guess);
        }
    }
    merged.extend(known);
    *mentions = merged;
}
