//! Topic: how much two blocks talk about the same things, measured by the content words they
//! share after cutting common inflections ("मामलों" and "मामले" share "माम…"; "cases" and "case").
//!
//! Used to tell a sub-heading (the paragraph after it takes up its words) from the headline of a
//! link box dropped between two paragraphs of one story (the paragraph after it carries on from
//! the paragraph before, not from the link).

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use super::markers::{markers, word_key, words};

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
    let m = markers();
    // Room for about as many stems as the text has words, so that the set is not rebuilt as it
    // grows.
    let mut out = HashSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    out.extend(
        words(text)
            .filter_map(|(_, w)| {
                let key = word_key(w);
                let content =
                    m.function_word(&key).is_none() && !w.chars().all(crate::chars::is_numeric);
                content.then(|| stem(key))
            })
            .filter(|s| s.chars().count() >= 2),
    );
    out
}

fn stem(word: Cow<'_, str>) -> Cow<'_, str> {
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
        if word[..len].chars().count() < 2 {
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

/// [`covered`] of `a` by the stems of `b` and `c` together, without making the union.
pub fn covered_by_either(
    a: &HashSet<Cow<'_, str>>,
    b: &HashSet<Cow<'_, str>>,
    c: Option<&HashSet<Cow<'_, str>>>,
) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let found = a
        .iter()
        .filter(|s| b.contains(*s) || c.is_some_and(|c| c.contains(*s)))
        .count();
    found as f32 / a.len() as f32
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
    fn covered_by_either_is_covered_by_the_union() {
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
                    let (a, b, c) = (stems(a), stems(b), stems(c));
                    let mut union = b.clone();
                    union.extend(c.iter().cloned());
                    assert_eq!(
                        covered_by_either(&a, &b, Some(&c)),
                        covered(&a, &union),
                        "should cover {a:?} by {b:?} and {c:?} as by their union"
                    );
                    assert_eq!(
                        covered_by_either(&a, &b, None),
                        covered(&a, &b),
                        "should cover {a:?} by {b:?} alone as covered does"
                    );
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
