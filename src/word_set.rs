//! A set of words asked about nearly every word of a text (title openers, speech verbs, speaker
//! words), most of which it does not hold. Beside the hash set it keeps 4,096 bits, one for each
//! (length, first byte, third byte, last byte) of its words, hashed: a word whose bit is clear is
//! not in the set, told in a few instructions without hashing the word or probing the table.
//! `contains` answers exactly as the hash set does.

use rustc_hash::FxHashSet as HashSet;
use std::borrow::Borrow;
use std::hash::Hash;

/// A hash set of words with a quick test for most of the words it does not hold.
#[derive(Debug, Clone)]
pub struct WordSet<K> {
    words: HashSet<K>,
    /// Bit [`slot`] of each word of `words`.
    maybe: [u64; 64],
}

impl<K> Default for WordSet<K> {
    fn default() -> Self {
        WordSet {
            words: HashSet::default(),
            maybe: [0; 64],
        }
    }
}

/// The filter bit of `word`: its length and three of its bytes (for Devanagari, the third is
/// the first letter's own byte), mixed by a multiplication and cut to 12 bits.
#[inline]
fn slot(word: &str) -> usize {
    slot_of(word.as_bytes(), |b| b)
}

/// [`slot`] of `bytes` with each of the three bytes read passed through `map` first.
#[inline]
fn slot_of(bytes: &[u8], map: impl Fn(u8) -> u8) -> usize {
    let byte = |i: usize| bytes.get(i).copied().map_or(0, |b| u32::from(map(b)));
    let len = bytes.len();
    let key = (len as u32)
        ^ byte(0) << 8
        ^ byte(2.min(len.saturating_sub(1))) << 16
        ^ byte(len.saturating_sub(1)) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl<K: Borrow<str> + Hash + Eq> WordSet<K> {
    /// An empty set with room for `n` words.
    pub fn with_capacity(n: usize) -> Self {
        WordSet {
            words: HashSet::with_capacity_and_hasher(n, Default::default()),
            maybe: [0; 64],
        }
    }

    /// Adds `word`.
    pub fn insert(&mut self, word: K) {
        let s = slot(word.borrow());
        self.maybe[s / 64] |= 1 << (s % 64);
        self.words.insert(word);
    }

    /// Whether `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.may_hold(slot(word)) && self.words.contains(word)
    }

    /// Whether `word` in ASCII lower case (as [`str::to_ascii_lowercase`] makes it) is in the
    /// set. The quick test lowers only the three bytes it reads: most words that are not in the
    /// set are turned away without lowering them whole.
    pub fn contains_ascii_lowercase(&self, word: &str) -> bool {
        if !self.may_hold(slot_of(word.as_bytes(), |b| b.to_ascii_lowercase())) {
            return false;
        }
        let mut buffer = [0u8; 24];
        match crate::chars::ascii_lowercase_in(word, &mut buffer) {
            Some(lower) => self.words.contains(lower),
            None => self.words.contains(word.to_ascii_lowercase().as_str()),
        }
    }

    /// The quick test: whether a word of slot `s` ([`slot`]) may be in the set (it is not
    /// when its bit is clear).
    #[inline]
    fn may_hold(&self, s: usize) -> bool {
        self.maybe[s / 64] >> (s % 64) & 1 == 1
    }

    /// The words, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.words.iter()
    }
}

impl<K: Borrow<str> + Hash + Eq> FromIterator<K> for WordSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(words: I) -> Self {
        let mut set = WordSet::default();
        for word in words {
            set.insert(word);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        // Short words of ASCII, Devanagari and a few others, empty ones included.
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'e'),
                proptest::char::range('A', 'C'),
                proptest::char::range('\u{0915}', '\u{0919}'),
                Just('\u{093E}'),
                Just('.'),
                Just('é'),
                Just('😀'),
            ],
            0..5,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn answers_as_the_hash_set(
            members in proptest::collection::vec(word(), 0..40),
            asked in proptest::collection::vec(word(), 0..80),
        ) {
            let plain: HashSet<String> = members.iter().cloned().collect();
            let set: WordSet<String> = members.iter().cloned().collect();
            for w in members.iter().chain(&asked) {
                prop_assert_eq!(
                    set.contains(w),
                    plain.contains(w.as_str()),
                    "should say whether {:?} is a member as the hash set does",
                    w
                );
                prop_assert_eq!(
                    set.contains_ascii_lowercase(w),
                    plain.contains(w.to_ascii_lowercase().as_str()),
                    "should say whether {:?} in lower case is a member as the hash set does",
                    w
                );
            }
        }
    }

    #[test]
    fn most_other_words_are_told_by_the_bits() {
        let set: WordSet<&str> = ["said", "told", "कहा", "बताया", "Mr", "President"]
            .into_iter()
            .collect();
        let others = [
            "the", "a", "strike", "harbour", "और", "के", "ने", "workers", "on",
        ];
        let told = others.iter().filter(|w| !set.may_hold(slot(w))).count();
        assert!(
            told >= others.len() - 2,
            "should rule out most non-members by the bits alone, ruled out {told}"
        );
    }
}
