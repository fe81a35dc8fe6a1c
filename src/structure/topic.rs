//! Topic: how much two blocks talk about the same things, measured by the content words they
//! share after cutting common inflections ("मामलों" and "मामले" share "माम…"; "cases" and "case").
//!
//! Used to tell a sub-heading (the paragraph after it takes up its words) from the headline of a
//! link box dropped between two paragraphs of one story (the paragraph after it carries on from
//! the paragraph before, not from the link).

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use super::markers::{keyed_words, markers};

/// Hindi and English inflections, longest first.
const SUFFIXES: &[&str] = &[
    "ियों",
    "ाओं",
    "ुओं",
    "ाएं",
    "ाएँ",
    "ियां",
    "ियाँ",
    "ों",
    "ें",
    "ीं",
    "ाँ",
    "ां",
    "ी",
    "े",
    "ा",
    "ो",
    "ing",
    "ed",
    "es",
    "s",
];

/// The content-word stems of `text`, borrowed from it where no case folding was needed.
pub fn stems(text: &str) -> HashSet<Cow<'_, str>> {
    // Room for about as many stems as the text has words, so that the set is not rebuilt as it
    // grows.
    let mut out = HashSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    out.extend(each_stem(text));
    out
}

/// The content-word stems of `text` in order, a stem as often as it comes.
fn each_stem(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let m = markers();
    keyed_words(text)
        .filter_map(|(w, key)| {
            let content =
                m.function_word(&key).is_none() && !w.chars().all(crate::chars::is_numeric);
            content.then(|| stem(key))
        })
        .filter(|s| s.chars().nth(1).is_some())
}

/// The last bytes of the [`SUFFIXES`]: a word that ends with another byte has none of them.
const SUFFIX_LAST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < SUFFIXES.len() {
        let bytes = SUFFIXES[i].as_bytes();
        table[bytes[bytes.len() - 1] as usize] = true;
        i += 1;
    }
    table
};

fn stem(word: Cow<'_, str>) -> Cow<'_, str> {
    let last = word.as_bytes().last().copied();
    if !last.is_some_and(|b| SUFFIX_LAST_BYTES[usize::from(b)]) {
        return word;
    }
    for suffix in SUFFIXES {
        // Compared from the last byte, where most suffixes already differ (without memcmp).
        let ends = word.len() >= suffix.len()
            && word
                .bytes()
                .rev()
                .zip(suffix.bytes().rev())
                .all(|(a, b)| a == b);
        if !ends {
            continue;
        }
        let len = word.len() - suffix.len();
        if word[..len].chars().nth(1).is_none() {
            continue;
        }
        return match word {
            Cow::Borrowed(w) => Cow::Borrowed(&w[..len]),
            Cow::Owned(mut w) => {
                w.truncate(len);
                Cow::Owned(w)
            }
        };
    }
    word
}

/// The share of `a`'s stems that `b` has too (0 when `a` has none).
pub fn covered(a: &HashSet<Cow<'_, str>>, b: &HashSet<Cow<'_, str>>) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|s| b.contains(*s)).count() as f32 / a.len() as f32
}

/// How much of a block's stems ([`stems`]) other blocks have, read only as far as it takes
/// to find a share of them: a sub-heading's words mostly come back early in the paragraph
/// after it.
pub struct Cover<'a> {
    /// Each of the block's stems once, with whether it was found.
    stems: Vec<(&'a str, bool)>,
    found: usize,
    share: f32,
}

impl<'a> Cover<'a> {
    /// To find `share` of the stems `of`.
    pub fn new(of: &'a HashSet<Cow<'_, str>>, share: f32) -> Cover<'a> {
        Cover {
            stems: of.iter().map(|s| (s.as_ref(), false)).collect(),
            found: 0,
            share,
        }
    }

    /// Whether the blocks so far cover the share ([`covered`] of the stems by the stems of all
    /// the blocks together is at least the share; never for a block without stems).
    pub fn covered(&self) -> bool {
        !self.stems.is_empty() && self.found as f32 / self.stems.len() as f32 >= self.share
    }

    /// Reads the stems of `text` until the share is covered; each stem read goes into `all`
    /// if given (so the set is all of the text's stems when the share is not covered).
    pub fn read<'t>(&mut self, text: &'t str, mut all: Option<&mut HashSet<Cow<'t, str>>>) -> bool {
        if self.covered() {
            return true;
        }
        for stem in each_stem(text) {
            if let Some(seen) = self
                .stems
                .iter_mut()
                .find_map(|(s, seen)| (*s == stem.as_ref()).then_some(seen))
            {
                if !*seen {
                    *seen = true;
                    self.found += 1;
                    if self.covered() {
                        return true;
                    }
                }
            }
            if let Some(all) = all.as_deref_mut() {
                all.insert(stem);
            }
        }
        false
    }
}

/// How much two blocks share, relative to the smaller one.
pub fn shared(a: &HashSet<Cow<'_, str>>, b: &HashSet<Cow<'_, str>>) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    covered(small, large)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_as_covered_by_the_union_says() {
        let texts = [
            "",
            "नए मामलों की जांच",
            "दो नए मामले सामने आए",
            "जांच के आदेश",
            "Cases rise again",
            "the case of the missing cases",
        ];
        for a in texts {
            for b in texts {
                for c in texts {
                    let stems_a = stems(a);
                    let mut union = stems(b);
                    union.extend(stems(c));
                    for share in [0.0, 0.2, 0.34, 0.5, 1.0] {
                        let expect = |by: &HashSet<Cow<'_, str>>| {
                            !stems_a.is_empty() && covered(&stems_a, by) >= share
                        };
                        let mut cover = Cover::new(&stems_a, share);
                        let mut all = HashSet::default();
                        let by_b = cover.read(b, Some(&mut all));
                        assert_eq!(
                            by_b,
                            expect(&stems(b)),
                            "should say whether {b:?} covers {share} of {a:?}"
                        );
                        if !by_b {
                            assert_eq!(
                                all,
                                stems(b),
                                "should collect every stem of {b:?} when it does not cover {a:?}"
                            );
                        }
                        assert_eq!(
                            cover.read(c, None),
                            expect(&union),
                            "should say whether {b:?} and {c:?} cover {share} of {a:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn matches_inflected_forms() {
        let a = stems("नए मामलों की जांच");
        let b = stems("दो नए मामले सामने आए");
        assert!(covered(&a, &b) > 0.3, "should match मामलों with मामले");
    }
}
