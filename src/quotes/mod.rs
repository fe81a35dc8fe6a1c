//! Quotes: finds quoted passages in the story's regions and tells direct quotes from partial ones.
//!
//! This first version pairs curly double quotes inside one region; a quote of four or more
//! words is direct, a shorter one partial.

use crate::article::QuoteKind;
use crate::doc::{FoundQuote, Note, Range, Structure};

/// Find the quotes of `text` (normalised) in the regions of `structure`.
pub fn find_quotes(text: &str, structure: &Structure) -> (Vec<FoundQuote>, Vec<Note>) {
    let mut quotes = Vec::new();
    for region in structure.regions() {
        let s = region.range.slice(text);
        let mut open: Option<usize> = None;
        for (at, c) in s.char_indices() {
            match (c, open) {
                ('“', None) => open = Some(at),
                ('”', Some(from)) => {
                    let inner = Range::new(
                        region.range.start + from + '“'.len_utf8(),
                        region.range.start + at,
                    );
                    let words = inner.slice(text).split_whitespace().count();
                    quotes.push(FoundQuote {
                        range: inner,
                        open: Some(Range::new(region.range.start + from, inner.start)),
                        close: Some(Range::new(inner.end, inner.end + '”'.len_utf8())),
                        kind: if words >= 4 {
                            QuoteKind::Direct
                        } else {
                            QuoteKind::Partial
                        },
                    });
                    open = None;
                }
                _ => {}
            }
        }
    }
    (quotes, Vec::new())
}
