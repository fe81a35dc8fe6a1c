//! A small set of phrases looked for anywhere in a text (promo phrases in a sentence, class words
//! in an element's `class` and `id`): whether any of them occurs, as a substring.
//!
//! The phrases are grouped by their first character, so a text is read once, and each character
//! is compared only with the phrases that open with it. Before that, three bytes at each place
//! (the first, and two further in, no further than the shortest phrase reaches) are looked up in
//! a table of bits hashed from the same three bytes of every phrase: most places of a text are
//! passed over without decoding a character. Building the set is a few allocations, with no
//! automaton to compile on first use.

use rustc_hash::FxHashMap as HashMap;

/// Phrases by their first character.
#[derive(Debug)]
pub struct PhraseSet {
    by_first: HashMap<char, Vec<Box<str>>>,
    /// The first characters of the phrases among ASCII (bit `c`) and Devanagari (bit
    /// `c - U+0900`): most characters of a text are told apart without a lookup in `by_first`.
    ascii_first: u128,
    devanagari_first: u128,
    /// An empty phrase occurs in every text.
    has_empty: bool,
    /// The length in bytes of the shortest phrase.
    shortest: usize,
    /// Bit [`PhraseSet::probe`] of each phrase.
    probes: [u64; 64],
}

impl Default for PhraseSet {
    fn default() -> Self {
        PhraseSet {
            by_first: HashMap::default(),
            ascii_first: 0,
            devanagari_first: 0,
            has_empty: false,
            shortest: usize::MAX,
            probes: [0; 64],
        }
    }
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
            set.shortest = set.shortest.min(phrase.len());
        }
        for phrase in phrases.iter().filter(|p| !p.is_empty()) {
            let bit = set.probe(phrase.as_bytes());
            set.probes[bit / 64] |= 1 << (bit % 64);
        }
        set
    }

    /// The probe bit of the bytes that start at a place: bytes 0, 2 and 5 (for Devanagari the
    /// first two letters' own bytes), or nearer ones when the shortest phrase is shorter, hashed
    /// to 12 bits. `bytes` holds at least [`PhraseSet::shortest`] bytes.
    #[inline]
    fn probe(&self, bytes: &[u8]) -> usize {
        let last = self.shortest.saturating_sub(1);
        let key = u32::from(bytes[0])
            | u32::from(bytes[2.min(last)]) << 8
            | u32::from(bytes[5.min(last)]) << 16;
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
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
        if self.has_empty {
            return true;
        }
        if self.by_first.is_empty() {
            return false;
        }
        let bytes = text.as_bytes();
        // A phrase starts at a character boundary and fits in the text.
        let Some(places) = bytes.len().checked_sub(self.shortest - 1) else {
            return false;
        };
        (0..places).any(|at| {
            // A UTF-8 continuation byte (10xx_xxxx) starts no character.
            if bytes[at] & 0xC0 == 0x80 {
                return false;
            }
            let bit = self.probe(&bytes[at..]);
            self.probes[bit / 64] >> (bit % 64) & 1 == 1
                && text.get(at..).is_some_and(|rest| self.opens(rest))
        })
    }

    /// Whether a phrase opens `rest`.
    fn opens(&self, rest: &str) -> bool {
        rest.chars().next().is_some_and(|c| {
            self.may_open(c)
                && self
                    .by_first
                    .get(&c)
                    .is_some_and(|phrases| phrases.iter().any(|p| rest.starts_with(&**p)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    fn phrase() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'd'),
                Just(' '),
                proptest::char::range('\u{0915}', '\u{0917}'),
                Just('\u{093C}'),
                Just('é'),
            ],
            0..7,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn finds_what_contains_finds(
            phrases in proptest::collection::vec(phrase(), 0..6),
            texts in proptest::collection::vec(phrase(), 1..20),
        ) {
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let set = PhraseSet::new(&refs);
            // Texts made of the phrases and other words, so that many hold one.
            let joined = texts.concat();
            let with_phrases = format!("{}{}{}", texts[0], phrases.concat(), texts[0]);
            for text in texts.iter().chain([&joined, &with_phrases]) {
                prop_assert_eq!(
                    set.is_match(text),
                    refs.iter().any(|p| text.contains(p)),
                    "should find a phrase in {:?} as str::contains does",
                    text
                );
            }
        }
    }
}
