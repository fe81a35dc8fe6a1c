//! Classes: what the `class` and `id` words of an element say about it, from
//! `data/html/classes.tsv` (its header names the sources).
//!
//! The content roles (`unlikely`, `maybe`, `related`, `positive`, `negative`) match as substrings
//! of the lower-cased `class` and `id` joined by a space, as Readability matches them, with one
//! [`PhraseSet`] per role. The head roles (`kicker`, `byline`, `standfirst`) match whole
//! words of those attributes (split at spaces, `-` and `_`), because as substrings they would
//! hit too much ("dek" in "desktop").

use std::sync::OnceLock;

use crate::phrases::PhraseSet;

const CLASSES: &str = include_str!("../../data/html/classes.tsv");

/// A part of the article's head that markup can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadRole {
    Kicker,
    Byline,
    Standfirst,
}

/// The compiled class words.
#[derive(Debug)]
pub struct Classes {
    unlikely: PhraseSet,
    maybe: PhraseSet,
    related: PhraseSet,
    positive: PhraseSet,
    negative: PhraseSet,
    /// The head words and their roles, in the order of the file: a dozen, looked up from the
    /// end (a word listed twice has its last role) instead of a hash map of its own type.
    head: Vec<(&'static str, HeadRole)>,
    /// The [`filter_bit`] of each head word: most words of a key are told apart by it alone.
    head_filter: u64,
}

/// What the class words of one element say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verdict {
    /// Page furniture: leave it out.
    pub unlikely: bool,
    /// A list of links to other stories.
    pub related: bool,
    /// +25 for a likely article container, -25 for an unlikely one, 0 or both.
    pub weight: i32,
}

/// The class words, loaded on first use.
pub fn classes() -> &'static Classes {
    static CLASSES_ONCE: OnceLock<Classes> = OnceLock::new();
    CLASSES_ONCE.get_or_init(load)
}

/// The content roles, in the order of [`load`]'s lists.
const ROLES: [&str; 5] = ["unlikely", "maybe", "related", "positive", "negative"];

fn load() -> Classes {
    // One list per content role (an array, not a map: one hash map type less in the wasm).
    let mut lists: [Vec<&'static str>; 5] = Default::default();
    let mut head = Vec::new();
    for line in CLASSES.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t').map(str::trim);
        let (Some(word), Some(role)) = (cells.next(), cells.next()) else {
            continue;
        };
        match role {
            "kicker" => head.push((word, HeadRole::Kicker)),
            "byline" => head.push((word, HeadRole::Byline)),
            "standfirst" => head.push((word, HeadRole::Standfirst)),
            _ => {
                if let Some(at) = ROLES.iter().position(|&r| r == role) {
                    lists[at].push(word);
                }
            }
        }
    }
    let [unlikely, maybe, related, positive, negative] = lists.map(|words| PhraseSet::new(&words));
    let head_filter = head
        .iter()
        .fold(0, |bits, (word, _)| bits | filter_bit(word));
    Classes {
        unlikely,
        maybe,
        related,
        positive,
        negative,
        head,
        head_filter,
    }
}

/// One of 64 bits, chosen by the length and the first byte of `word`.
fn filter_bit(word: &str) -> u64 {
    let first = word.bytes().next().unwrap_or(0);
    1 << ((word.len() * 31 + usize::from(first)) % 64)
}

impl Classes {
    /// The verdict on an element whose lower-cased `class` and `id` joined by a space are `key`.
    pub fn judge(&self, key: &str) -> Verdict {
        if key.trim().is_empty() {
            return Verdict::default();
        }
        let mut weight = 0;
        if self.positive.is_match(key) {
            weight += 25;
        }
        if self.negative.is_match(key) {
            weight -= 25;
        }
        Verdict {
            unlikely: self.unlikely.is_match(key) && !self.maybe.is_match(key),
            related: self.related.is_match(key),
            weight,
        }
    }

    /// The head role named by a whole word of `key`, if any.
    pub fn head_role(&self, key: &str) -> Option<HeadRole> {
        key.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|word| self.head_filter & filter_bit(word) != 0)
            .find_map(|word| {
                self.head
                    .iter()
                    .rev()
                    .find(|(head, _)| *head == word)
                    .map(|&(_, role)| role)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_like_readability() {
        let c = classes();
        assert!(
            c.judge("share-bar").unlikely,
            "should leave out a share bar"
        );
        assert!(
            !c.judge("article-header").unlikely,
            "should keep an element that names the article"
        );
        assert_eq!(
            c.judge("story-body").weight,
            25,
            "should favour a story body"
        );
        assert!(c.judge("related-links").related, "should see related links");
        assert_eq!(
            c.head_role("layout-desktop"),
            None,
            "should match head words whole"
        );
        assert_eq!(
            c.head_role("c-byline__name"),
            Some(HeadRole::Byline),
            "should find a byline word"
        );
    }
}
