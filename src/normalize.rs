//! The normalised view that every later stage reads, and the map back to the input.
//!
//! Scraped news text writes the same word in several ways: nukta letters precomposed (U+0958 क़)
//! or decomposed (क + U+093C), zero-width joiners and soft hyphens inside words, no-break and
//! narrow spaces, Latin letters with a separate combining accent. Stages match on one form:
//!
//! - letters with a nukta are decomposed (क़ → क + ़), whichever way they came;
//! - a base letter followed by a combining mark is composed when Unicode composes the pair (e + ◌́ → é);
//! - zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) and soft hyphens are removed;
//! - every space separator other than U+0020 (NBSP, thin, narrow, ideographic …) becomes U+0020.
//!
//! Everything else is copied as it is, line breaks included. Spans found on the normalised text are
//! mapped back with [`Normalized::start_to_input`] and [`Normalized::end_to_input`], so results
//! always refer to the caller's text. The map is a list of the places where the two texts differ,
//! so it costs nothing for text that needs no change.

use std::borrow::Cow;

use crate::unicode::{compose, decompose_indic, is_combining_mark};

/// A piece of the input that normalising changed: `input[input_start..input_end]` became
/// `text[start..end]` (empty when the piece was removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    start: usize,
    end: usize,
    input_start: usize,
    input_end: usize,
}

/// The normalised text of an input and the way back to the input's byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    pub text: Cow<'a, str>,
    changes: Vec<Change>,
}

/// What normalising does to one character, if anything.
enum Edit {
    Keep,
    Remove,
    Replace(char),
    Decompose,
}

fn edit_for(c: char) -> Edit {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Edit::Remove,
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Edit::Replace(' '),
        // Devanagari, the common case, without a search of the decomposition tables: these are
        // all its letters that Unicode decomposes, each into a letter and a nukta.
        '\u{0929}' | '\u{0931}' | '\u{0934}' | '\u{0958}'..='\u{095F}' => Edit::Decompose,
        '\u{0900}'..='\u{097F}' => Edit::Keep,
        // Indic letters with a nukta: U+0958–095F, U+09DC–09DF, U+0A33–0A5E, U+0B5C–0B5D and kin.
        '\u{0900}'..='\u{0DFF}' if has_nukta_decomposition(c) => Edit::Decompose,
        _ => Edit::Keep,
    }
}

fn has_nukta_decomposition(c: char) -> bool {
    let mut nukta = false;
    let mut parts = 0;
    decompose_indic(c, |d| {
        parts += 1;
        nukta |= matches!(
            d,
            '\u{093C}' | '\u{09BC}' | '\u{0A3C}' | '\u{0ABC}' | '\u{0B3C}'
        );
    });
    parts > 1 && nukta
}

/// Whether the combining mark `mark` may compose with the character before it. No ASCII
/// character is a mark, and the nukta is the only Devanagari mark that composes with anything:
/// the tables are searched only for the rest.
fn may_compose(mark: char) -> bool {
    match mark {
        _ if mark.is_ascii() => false,
        '\u{0900}'..='\u{097F}' => mark == '\u{093C}',
        _ => true,
    }
}

/// Whether any byte of `input` could start a character that normalising changes.
fn may_need_change(input: &str) -> bool {
    // Every character edited above is outside ASCII, and a combining mark that could compose
    // with its base is too: ASCII is passed over eight bytes at a time, and only the other
    // characters are decoded.
    // (This file is also compiled into the build script, without the crate's byte helpers.)
    let bytes = input.as_bytes();
    let mut at = 0;
    loop {
        while let Some(chunk) = bytes.get(at..at + 8) {
            if !chunk.is_ascii() {
                break;
            }
            at += 8;
        }
        match bytes.get(at) {
            None => return false,
            Some(b) if b.is_ascii() => at += 1,
            Some(_) => {
                let Some(c) = input[at..].chars().next() else {
                    return false;
                };
                if !matches!(edit_for(c), Edit::Keep) || is_combining_mark(c) {
                    return true;
                }
                at += c.len_utf8();
            }
        }
    }
}

/// The start of the last character of the run that starts at byte `at` (a character boundary)
/// of characters that normalising keeps and that cannot compose with the one before: ASCII, and
/// Devanagari but its letters with a nukta (E0 A4 A9, B1, B4; E0 A5 98..=9F) and the nukta
/// (E0 A4 BC). `at` itself when the run is empty or one character long. Read from the bytes.
fn last_of_kept_run(bytes: &[u8], mut at: usize) -> usize {
    let mut last = at;
    while let Some(&b) = bytes.get(at) {
        let len = match (b, bytes.get(at + 1..at + 3)) {
            _ if b.is_ascii() => 1,
            (0xE0, Some(&[0xA4, low])) if !matches!(low, 0xA9 | 0xB1 | 0xB4 | 0xBC) => 3,
            (0xE0, Some(&[0xA5, low])) if !(0x98..=0x9F).contains(&low) => 3,
            _ => break,
        };
        last = at;
        at += len;
    }
    last
}

impl<'a> Normalized<'a> {
    /// Normalise `input`.
    pub fn new(input: &'a str) -> Normalized<'a> {
        if !may_need_change(input) {
            return Normalized {
                text: Cow::Borrowed(input),
                changes: Vec::new(),
            };
        }
        let mut text = String::with_capacity(input.len() + input.len() / 16);
        let mut changes = Vec::new();
        let bytes = input.as_bytes();
        // Where the run of characters copied as they are begins: runs are copied in one piece.
        let mut kept_from = 0;
        let mut at = 0;
        while at < input.len() {
            // Most characters are kept and nothing after them composes with them: all of a run
            // of such characters but its last are passed over without the steps below.
            at = last_of_kept_run(bytes, at);
            let Some(c) = input[at..].chars().next() else {
                break;
            };
            let next_at = at + c.len_utf8();
            let next = input[next_at..].chars().next().map(|n| (n, n.len_utf8()));
            let edit = edit_for(c);
            let next_may_compose = next.is_some_and(|(mark, _)| may_compose(mark));
            if matches!(edit, Edit::Keep) && !next_may_compose {
                at = next_at;
                continue;
            }
            text.push_str(&input[kept_from..at]);
            let start = text.len();
            match edit {
                Edit::Keep => {
                    // A base and one combining mark that Unicode composes become one letter.
                    if let Some((mark, mark_len)) = next {
                        if is_combining_mark(mark) && !is_combining_mark(c) {
                            if let Some(composed) = compose(c, mark) {
                                text.push(composed);
                                changes.push(Change {
                                    start,
                                    end: text.len(),
                                    input_start: at,
                                    input_end: next_at + mark_len,
                                });
                                kept_from = next_at + mark_len;
                                at = kept_from;
                                continue;
                            }
                        }
                    }
                    text.push(c);
                }
                Edit::Remove => changes.push(Change {
                    start,
                    end: start,
                    input_start: at,
                    input_end: next_at,
                }),
                Edit::Replace(with) => {
                    text.push(with);
                    changes.push(Change {
                        start,
                        end: text.len(),
                        input_start: at,
                        input_end: next_at,
                    });
                }
                Edit::Decompose => {
                    decompose_indic(c, |d| text.push(d));
                    changes.push(Change {
                        start,
                        end: text.len(),
                        input_start: at,
                        input_end: next_at,
                    });
                }
            }
            kept_from = next_at;
            at = next_at;
        }
        text.push_str(&input[kept_from..]);
        Normalized {
            text: Cow::Owned(text),
            changes,
        }
    }

    /// Whether the normalised text is the input itself.
    pub fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// The input offset where a span that starts at normalised offset `at` starts.
    ///
    /// A start inside a changed piece moves to the piece's start; characters removed right
    /// before `at` are left out of the span.
    pub fn start_to_input(&self, at: usize) -> usize {
        let before = self.changes.partition_point(|c| c.start <= at);
        match before.checked_sub(1).map(|i| self.changes[i]) {
            None => at,
            Some(c) if at < c.end => c.input_start,
            Some(c) => c.input_end + (at - c.end),
        }
    }

    /// The input offset where a span that ends at normalised offset `at` ends.
    ///
    /// An end inside a changed piece moves to the piece's end; characters removed right after
    /// `at` are left out of the span.
    pub fn end_to_input(&self, at: usize) -> usize {
        let before = self.changes.partition_point(|c| c.start < at);
        match before.checked_sub(1).map(|i| self.changes[i]) {
            None => at,
            Some(c) if at <= c.end => c.input_end,
            Some(c) => c.input_end + (at - c.end),
        }
    }
}

/// Whether `c` is an upper-case letter, as [`char::is_uppercase`] says, without its table search
/// for ASCII and Devanagari (which has no case).
pub fn is_uppercase(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_uppercase(),
        '\u{0900}'..='\u{097F}' => false,
        _ => c.is_uppercase(),
    }
}

/// Whether [`lowercase`] keeps `c` as it is without asking Unicode's tables: ASCII without
/// capitals, and Devanagari (which has no case).
#[inline]
pub fn is_own_lowercase(c: char) -> bool {
    match c {
        _ if c.is_ascii() => !c.is_ascii_uppercase(),
        '\u{0900}'..='\u{097F}' => true,
        _ => false,
    }
}

/// `text` in lower case, exactly as [`str::to_lowercase`] gives it, but borrowed when nothing
/// changes: ASCII without capitals and Devanagari are checked without Unicode's tables.
pub fn lowercase(text: &str) -> Cow<'_, str> {
    let unchanged = text.chars().all(is_own_lowercase);
    if unchanged {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(crate::unicode::to_lowercase(text))
    }
}

/// [`lowercase`] for a caller that asks many times: `text` itself when it is its own lower
/// case, else its lower case written into `buffer` (cleared first), without a new string each.
pub fn lowercase_in<'a>(text: &'a str, buffer: &'a mut String) -> &'a str {
    if text.chars().all(is_own_lowercase) {
        return text;
    }
    buffer.clear();
    crate::unicode::push_lowercase(text, buffer);
    buffer
}

/// Appends `c` in lower case, as `out.extend(c.to_lowercase())` does.
pub fn push_lowercase(out: &mut String, c: char) {
    match c {
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        '\u{0900}'..='\u{097F}' => out.push(c),
        _ => out.extend(crate::unicode::lower(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_runs_hold_what_is_kept_and_composes_with_nothing() {
        for c in ('\0'..='\u{0FFF}').chain(['\u{200D}', '\u{2003}', '“', '😀']) {
            let text = format!("{c}a");
            let kept = matches!(edit_for(c), Edit::Keep) && !may_compose(c);
            assert_eq!(
                last_of_kept_run(text.as_bytes(), 0),
                if kept && (c.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&c)) {
                    c.len_utf8()
                } else {
                    0
                },
                "should run over {c:?} only when it is kept and composes with nothing"
            );
        }
    }

    #[test]
    fn may_need_change_answers_as_reading_every_character() {
        for c in ('\0'..='\u{0FFF}').chain(['\u{200D}', '\u{2003}', '“', '😀', '\u{0301}']) {
            for pad in 0..10 {
                let text = format!("{}{c}abcdefgh", "x".repeat(pad));
                let by_char = text.chars().any(|c| {
                    !c.is_ascii() && (!matches!(edit_for(c), Edit::Keep) || is_combining_mark(c))
                });
                assert_eq!(
                    may_need_change(&text),
                    by_char,
                    "should tell whether {text:?} may need a change"
                );
            }
        }
    }

    #[test]
    fn devanagari_shortcuts_agree_with_unicode_tables() {
        for c in '\u{0900}'..='\u{097F}' {
            assert_eq!(
                matches!(edit_for(c), Edit::Decompose),
                has_nukta_decomposition(c),
                "should decompose {c:?} exactly when Unicode gives it a nukta decomposition"
            );
            if c == '\u{093C}' {
                continue;
            }
            for base in '\0'..='\u{2FFFF}' {
                assert!(
                    unicode_normalization::char::compose(base, c).is_none(),
                    "should find no composition of {base:?} with the Devanagari sign {c:?}"
                );
            }
        }
    }

    fn roundtrip(input: &str, normal: &str) {
        let n = Normalized::new(input);
        assert_eq!(n.text, normal, "should normalise {input:?}");
        assert_eq!(
            n.start_to_input(0),
            0,
            "should map the start of the text to 0"
        );
        assert_eq!(
            n.end_to_input(n.text.len()),
            input.len(),
            "should map the end to the end"
        );
    }

    #[test]
    fn leaves_plain_text_alone() {
        let n = Normalized::new("रूस ने कहा. Russia said.");
        assert!(n.is_identity(), "should not copy text that needs no change");
    }

    #[test]
    fn decomposes_nukta_letters_and_drops_zero_width() {
        roundtrip("ख़बर", "ख\u{93C}बर");
        roundtrip("ख\u{93C}बर", "ख\u{93C}बर");
        roundtrip("क्\u{200D}ष", "क्ष");
        roundtrip("a\u{a0}b", "a b");
        roundtrip("e\u{301}te\u{301}", "été");
    }

    #[test]
    fn maps_spans_back_to_the_input() {
        let input = "ज़रूर \u{200C}मॉस्को";
        let n = Normalized::new(input);
        let word = n.text.find("मॉस्को").expect("should keep the word");
        let start = n.start_to_input(word);
        let end = n.end_to_input(word + "मॉस्को".len());
        assert_eq!(&input[start..end], "मॉस्को", "should skip the removed ZWNJ");
        let first_end = n.end_to_input(n.text.find(' ').unwrap());
        assert_eq!(
            &input[..first_end],
            "ज़रूर",
            "should end the first word after its nukta letter"
        );
    }
}
