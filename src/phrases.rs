//! A small set of phrases looked for anywhere in a text (promo phrases in a sentence, class words
//! in an element's `class` and `id`): whether any of them occurs, as a substring.
//!
//! The phrases are grouped by their first character, so a text is read once, and each character
//! is compared only with the phrases that open with it. Building the set is a few allocations,
//! with no automaton to compile on first use.

use rustc_hash::FxHashMap as HashMap;

/// Phrases by their first character.
#[derive(Debug, Default)]
pub struct PhraseSet {
    by_first: HashMap<char, Vec<Box<str>>>,
    /// The first characters of the phrases among ASCII (bit `c`) and Devanagari (bit
    /// `c - U+0900`): most characters of a text are told apart without a lookup in `by_first`.
    ascii_first: u128,
    devanagari_first: u128,
    /// An empty phrase occurs in every text.
    has_empty: bool,
}

impl PhraseSet {
    pub fn new(phrases: &[&str]) -> PhraseSet {
        let mut set = PhraseSet::default();
        for phrase in phrases {
            match phrase.chars().next() {
                Some(first) => {
                    match first as u32 {
                        c @ 0..=0x7F => set.ascii_first |= 1 << c,
                        c @ 0x900..=0x97F => set.devanagari_first |= 1 << (c - 0x900),
                        _ => {}
                    }
                    set.by_first
                        .entry(first)
                        .or_default()
                        .push((*phrase).into())
                }
                None => set.has_empty = true,
            }
        }
        set
    }

    /// Whether a phrase may open with `c`, from the bit tables of ASCII and Devanagari; any
    /// other character may (the map lookup that follows decides).
    #[inline]
    fn may_open(&self, c: char) -> bool {
        match c as u32 {
            c @ 0..=0x7F => self.ascii_first >> c & 1 == 1,
            c @ 0x900..=0x97F => self.devanagari_first >> (c - 0x900) & 1 == 1,
            _ => true,
        }
    }

    /// Whether any phrase occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.has_empty
            || !self.by_first.is_empty()
                && text.char_indices().any(|(at, c)| {
                    self.may_open(c)
                        && self.by_first.get(&c).is_some_and(|phrases| {
                            phrases.iter().any(|p| text[at..].starts_with(&**p))
                        })
                })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_any_phrase_anywhere() {
        let set = PhraseSet::new(&["share", "फ़ॉलो कर", "ad"]);
        assert!(
            set.is_match("post-share-bar"),
            "should find a phrase inside a word"
        );
        assert!(
            set.is_match("हमें फ़ॉलो करें"),
            "should find a Devanagari phrase"
        );
        assert!(set.is_match("head"), "should find a phrase at the end");
        assert!(!set.is_match("फ़ॉलो"), "should not find a part of a phrase");
        assert!(!set.is_match(""), "should find nothing in an empty text");
        assert!(
            !PhraseSet::new(&[]).is_match("text"),
            "should find nothing with no phrases"
        );
        assert!(
            PhraseSet::new(&[""]).is_match(""),
            "should find an empty phrase in every text"
        );
    }
}
