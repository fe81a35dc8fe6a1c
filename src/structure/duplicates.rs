//! Duplicates: scraped pages often repeat paragraphs (a story block pasted twice, a paragraph that
//! reappears as the start of a longer one). A paragraph whose text, with white space folded,
//! equals an earlier paragraph's is a duplicate; so is a paragraph of some length whose whole text
//! opens a longer paragraph. Duplicates keep their span and get a warning; later stages skip
//! them, so their quotes and actors are not counted twice.
//!
//! Paragraphs are compared through hash maps (exact text, and the first [`PREFIX_BYTES`] bytes
//! for the longer-paragraph case), so the work stays linear in the size of the text.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

use crate::doc::{Note, ParagraphDraft};

use crate::scan::{
    bytes_below, bytes_equal, bytes_exactly, eight, is_ascii, lead_bytes, next_char,
};

/// How many bytes of a paragraph identify it as the possible start of a longer one.
const PREFIX_BYTES: usize = 64;
/// How many longer paragraphs with the same start are compared at most.
const MAX_CANDIDATES: usize = 4;

/// The text of a paragraph with white space folded to single spaces (and none before a danda):
/// borrowed when it is so already, as most paragraphs are.
fn folded<'t>(text: &'t str, p: &ParagraphDraft) -> Cow<'t, str> {
    let s = p.range.slice(text);
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(p.range.len());
    for word in s.split_whitespace() {
        if !out.is_empty() && !word.starts_with(&['।', '॥'][..]) {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether [`folded`] would not change `s`: its only white space is single spaces between
/// words, none before a danda.
fn is_folded(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Read from the bytes: ASCII, and characters of three bytes opening with E0 (Devanagari
    // among them), none of which is white space, without decoding.
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b' ' => {
                let danda = matches!(bytes.get(at + 1..at + 4), Some([0xE0, 0xA5, 0xA4 | 0xA5]));
                if danda || bytes.get(at + 1) == Some(&b' ') {
                    return false;
                }
                at += 1;
            }
            b'\t'..=b'\r' => return false,
            _ if b.is_ascii() => {
                at += 1;
                // Inside a run of ASCII (Latin text), six bytes at a time while the eight from
                // `at` hold no two spaces, no space before E0 A5 (a danda among others), no
                // control character and no character that opens with a byte other than E0: what
                // can change opens in the six. Eight ASCII bytes hold no danda and no other
                // character: then seven at a time, with the two tests left.
                if !bytes.get(at).is_some_and(|&b| b.is_ascii() && b != b' ') {
                    continue;
                }
                while let Some(w) = eight(bytes, at) {
                    let space = bytes_equal(w, b' ');
                    let changes = space << 8 & space | bytes_below(w, 0x0E);
                    if is_ascii(w) {
                        if changes != 0 {
                            break;
                        }
                        at += 7;
                        continue;
                    }
                    let danda = space << 16 & bytes_equal(w, 0xE0) << 8 & bytes_equal(w, 0xA5);
                    let other = lead_bytes(w) & !bytes_exactly(w, 0xE0);
                    if changes | danda | other != 0 {
                        break;
                    }
                    at = next_char(bytes, at + 6);
                }
            }
            0xE0 => {
                // A run of such characters read whole, from a slice that shrinks, with the single
                // spaces before a Devanagari character of E0 A4 (a Hindi word after a word; not a
                // danda, E0 A5 A4 or A5).
                let mut rest = &bytes[at + 3..];
                while let [0xE0, _, _, after @ ..] | [b' ', 0xE0, 0xA4, _, after @ ..] = rest {
                    rest = after;
                }
                at = bytes.len() - rest.len();
            }
            _ => {
                let Some(c) = s[at..].chars().next() else {
                    break;
                };
                if c.is_whitespace() {
                    return false;
                }
                at += c.len_utf8();
            }
        }
    }
    true
}

fn prefix(s: &str) -> &str {
    let mut end = PREFIX_BYTES.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Mark the duplicates among `paragraphs` (in text order) and say so in `notes`.
pub fn mark(text: &str, paragraphs: &mut [&mut ParagraphDraft], notes: &mut Vec<Note>) {
    let keys: Vec<Cow<'_, str>> = paragraphs.iter().map(|p| folded(text, p)).collect();
    // A key per paragraph at most, room for them at once.
    let mut seen: HashMap<&str, usize> = HashMap::default();
    let mut starts: HashMap<&str, Vec<usize>> = HashMap::default();
    seen.reserve(keys.len());
    starts.reserve(keys.len());
    for (i, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        // One hash of the key for both the look-up and the insertion.
        if let Entry::Vacant(slot) = seen.entry(key) {
            slot.insert(i);
            if key.len() >= PREFIX_BYTES {
                let list = starts.entry(prefix(key)).or_default();
                if list.len() < MAX_CANDIDATES {
                    list.push(i);
                }
            }
        } else {
            paragraphs[i].duplicate = true;
        }
    }
    // A paragraph that is the opening of a longer one, before or after it.
    for (i, key) in keys.iter().enumerate() {
        if paragraphs[i].duplicate || key.len() < PREFIX_BYTES {
            continue;
        }
        let Some(candidates) = starts.get(prefix(key)) else {
            continue;
        };
        let longer = candidates
            .iter()
            .any(|&j| j != i && keys[j].len() > key.len() && keys[j].starts_with(key.as_ref()));
        if longer {
            paragraphs[i].duplicate = true;
        }
    }
    for p in paragraphs.iter().filter(|p| p.duplicate) {
        notes.push(Note {
            code: "duplicate-paragraph",
            message: "This paragraph repeats text found elsewhere in the article (a scraping \
                      artefact); its quotes and actors are counted only once."
                .to_string(),
            range: p.range,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Range;
    use proptest::prelude::*;

    #[test]
    fn sees_unfolded_space_at_every_offset() {
        // Latin text is read six or seven bytes at a time: what folding changes may fall
        // anywhere.
        for pad in 1..24 {
            let lead = "a".repeat(pad);
            for unfolded in ["  ", " ।", " ॥", "\n", "\t", "\u{A0}", "\u{2009}"] {
                let s = format!("{lead}{unfolded}bcdefghijk");
                assert!(!is_folded(&s), "should see {unfolded:?} after {pad} bytes");
            }
            for folded in [" ०", " क", " “b”", "é"] {
                let s = format!("{lead}{folded}bcdefghijk");
                assert!(
                    is_folded(&s),
                    "should take {folded:?} after {pad} bytes as folded"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn is_folded_when_folding_changes_nothing(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just(' '), Just('\n'), Just('\t'), Just('\u{A0}'), Just('\u{2009}'),
                    Just('।'), Just('॥'), Just('०'), Just('क'), Just('ि'), Just('“'), Just('é'),
                    proptest::char::range('a', 'e'), Just('.'), Just('😀'),
                ],
                0..40,
            )
        ) {
            let s: String = cs.into_iter().collect();
            let mut folded = String::new();
            for word in s.split_whitespace() {
                if !folded.is_empty() && !word.starts_with(&['।', '॥'][..]) {
                    folded.push(' ');
                }
                folded.push_str(word);
            }
            prop_assert_eq!(is_folded(&s), folded == s, "should tell whether {:?} is folded", s);
        }
    }

    #[test]
    fn borrows_only_text_that_folding_keeps() {
        for text in [
            "एक दो।",
            "।एक दो",
            "a “b” c",
            "",
            "एक  दो",
            " एक",
            "एक ",
            "एक ।",
            "एक ॥",
            "a\tb",
            "a\nb",
            "a\u{2028}b",
            "a\u{0085}b",
            "a\u{00A0}b",
        ] {
            let p = ParagraphDraft {
                range: Range::new(0, text.len()),
                sentences: Vec::new(),
                duplicate: false,
                lang: "und",
            };
            let mut slow = String::new();
            for word in text.split_whitespace() {
                if !slow.is_empty() && !word.starts_with(&['।', '॥'][..]) {
                    slow.push(' ');
                }
                slow.push_str(word);
            }
            let key = folded(text, &p);
            assert_eq!(key, slow, "should fold {text:?}");
            assert_eq!(
                matches!(key, Cow::Borrowed(_)),
                slow == text,
                "should borrow {text:?} exactly when folding keeps it"
            );
        }
    }
}
