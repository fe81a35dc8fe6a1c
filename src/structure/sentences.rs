//! Sentences: splits a block of text into sentences on the danda (।, ॥), full stop, question and
//! exclamation marks and runs of them ("?!", "।।"), keeping closing quotes and brackets with the
//! sentence they close.
//!
//! A mark does not end a sentence inside a quotation, after an abbreviation ("डॉ.", "Mr.",
//! "U.S.", chains of initials "ए.पी.जे."), between digits ("3.5"), in an ellipsis, or before a
//! lower-case Latin word. A quotation left open at the end of the block does not hide the
//! boundaries after it. Scraped text often glues paragraphs together without a space ("है.अगला
//! वाक्य"): such a boundary is still found and reported as `glued`, which the block splitter
//! uses to separate the paragraphs.
//!
//! Quote marks are read by their surroundings, not their shape, because scraped text mixes them
//! up (an opening ” after a comma): a mark after a space or opening punctuation and before a word
//! opens, a mark after a word and before a space or punctuation closes. A single quote between
//! two letters is an apostrophe.

use crate::doc::Range;
use crate::scan::TextExt;

use super::markers::{is_word_char, markers, Abbreviation, Opener};
use crate::scan::{beyond_ascii, bytes_equal, final_marks, to_flagged};

/// A sentence and how it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range,
    /// The next sentence follows with no space in between: two paragraphs glued together.
    pub glued: bool,
}

#[inline]
fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '〝' | '〞' | '＂'
    )
}

#[inline]
fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›')
}

#[inline]
pub fn is_quote(c: char) -> bool {
    is_double_quote(c) || is_single_quote(c)
}

/// Marks that end a sentence (the ellipsis only with a stronger mark).
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(c, '।' | '॥' | '.' | '?' | '!' | '…' | '؟' | '۔')
}

#[inline]
fn is_closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}')
}

fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '—' | '–' | '-' | ',' | ':' | ';' | '/' | '|'
    ) || is_quote(c)
}

fn is_devanagari_letter(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0963}' | '\u{0970}'..='\u{097F}')
}

/// Whether `text` (trimmed) ends a sentence: its last mark, before closing quotes and brackets,
/// is a sentence-final one. Returns `(ends, closed_a_quote)`.
pub fn final_mark(text: &str) -> (Option<char>, bool) {
    let mut quoted = false;
    for c in text.trim_end().chars().rev() {
        if is_quote(c) {
            quoted = true;
        } else if is_closing_bracket(c) || c.is_whitespace() {
            continue;
        } else {
            return (is_terminal(c).then_some(c), quoted);
        }
    }
    (None, quoted)
}

/// The characters of a block by the byte offset where each opens (an index is always a character
/// boundary): an ASCII block is read as its bytes, any other decoded where it is read, with
/// ASCII and Devanagari told from their bytes ([`crate::chars::char_at`]).
trait Chars: Copy {
    /// The length of the block in bytes.
    fn len(self) -> usize;
    /// The character at index `i` (< `len`).
    fn ch(self, i: usize) -> char;
    /// The index of the character after the one at `i` (< `len`).
    fn next(self, i: usize) -> usize;
    /// The index of the character before the one at `i` (0 < `i` <= `len`).
    fn prev(self, i: usize) -> usize;
    fn get(self, i: usize) -> Option<char> {
        (i < self.len()).then(|| self.ch(i))
    }
    /// The character before index `i`, if any.
    fn before(self, i: usize) -> Option<char> {
        (i > 0).then(|| self.ch(self.prev(i)))
    }
    /// The text of the characters at indices `from..to` (`to` <= `len`).
    fn slice(&self, from: usize, to: usize) -> &str;
    /// An index at or after `i` (at most `len`) before which no character from `i` on is a quote
    /// mark or a sentence-final mark.
    fn skip_plain(self, i: usize) -> usize;
}

/// An ASCII block: a character per byte.
#[derive(Clone, Copy)]
struct Ascii<'a>(&'a str);

impl Chars for Ascii<'_> {
    #[inline]
    fn len(self) -> usize {
        self.0.len()
    }
    #[inline]
    fn ch(self, i: usize) -> char {
        self.0.as_bytes()[i] as char
    }
    #[inline]
    fn next(self, i: usize) -> usize {
        i + 1
    }
    #[inline]
    fn prev(self, i: usize) -> usize {
        i - 1
    }
    fn slice(&self, from: usize, to: usize) -> &str {
        &self.0[from..to]
    }
    /// Eight bytes at a time: the ASCII quote and final marks are '"', '\'', '.', '?' and '!'.
    /// The eight that hold one are passed up to the first (the lowest byte flagged is always one
    /// of them), so that the caller does not test them again a byte further each time.
    #[inline]
    fn skip_plain(self, i: usize) -> usize {
        to_flagged(self.0.as_bytes(), i, |w| {
            bytes_equal(w, b'"') | bytes_equal(w, b'\'') | final_marks(w)
        })
    }
}

/// Another block, decoded where it is read.
#[derive(Clone, Copy)]
struct Utf8<'a>(&'a str);

impl Chars for Utf8<'_> {
    #[inline]
    fn len(self) -> usize {
        self.0.len()
    }
    #[inline]
    fn ch(self, i: usize) -> char {
        crate::chars::char_at(self.0, i).0
    }
    #[inline]
    fn next(self, i: usize) -> usize {
        i + crate::chars::utf8_len(self.0.as_bytes()[i])
    }
    #[inline]
    fn prev(self, i: usize) -> usize {
        let bytes = self.0.as_bytes();
        let mut p = i - 1;
        while (0x80..0xC0).contains(&bytes[p]) {
            p -= 1;
        }
        p
    }
    fn slice(&self, from: usize, to: usize) -> &str {
        &self.0[from..to]
    }
    /// Past ASCII other than the quote and final marks and Devanagari other than the dandas,
    /// read from the bytes (eight at a time in a run of ASCII).
    #[inline]
    fn skip_plain(self, mut i: usize) -> usize {
        // '!', '"', '\'', '.' and '?'.
        const MARKS: u64 = 1 << 0x21 | 1 << 0x22 | 1 << 0x27 | 1 << 0x2E | 1 << 0x3F;
        let bytes = self.0.as_bytes();
        loop {
            match bytes.get(i..) {
                Some([0xE0, 0xA4, _, ..]) => i += 3,
                // Not '।' and '॥' (E0 A5 A4, E0 A5 A5).
                Some([0xE0, 0xA5, low, ..]) if *low & 0xFE != 0xA4 => i += 3,
                Some([b, ..]) if *b < 0x40 && MARKS >> b & 1 == 0 => i += 1,
                Some([0x40..=0x7F, ..]) => {
                    // Up to the first mark or byte beyond ASCII, which the bytes above read.
                    i = to_flagged(bytes, i + 1, |w| {
                        final_marks(w)
                            | bytes_equal(w, b'"')
                            | bytes_equal(w, b'\'')
                            | beyond_ascii(w)
                    });
                }
                _ => return i,
            }
        }
    }
}

/// Where the quote marks stand in one pass over a block.
struct QuoteState {
    double: Option<usize>,
    single: Option<usize>,
}

impl QuoteState {
    fn open(&self) -> bool {
        self.double.is_some() || self.single.is_some()
    }
}

/// The role a quote mark at `i` plays, updating `state`. `ignored` lists opening marks that a
/// previous pass found unclosed.
fn read_quote<C: Chars>(chars: C, i: usize, state: &mut QuoteState, ignored: &[usize]) {
    let c = chars.ch(i);
    let prev = chars.before(i);
    let next = chars.get(chars.next(i));
    let single = is_single_quote(c);
    if single && prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
        return; // an apostrophe
    }
    // A mark glued between a sentence end and a word opens the next sentence (".'नेचर").
    let opens_here = (prev.is_none_or(|p| p.is_whitespace() || is_opening_punct(p))
        && next.is_some_and(|n| !n.is_whitespace()))
        || (prev.is_some_and(is_terminal) && next.is_some_and(is_word_char));
    let slot = if single {
        &mut state.single
    } else {
        &mut state.double
    };
    // Right after a sentence-final mark an open quotation closes, even when scraping glued the
    // next paragraph to the mark (".”अगला") or put a space before it ("हैं. ”अगला"): the first
    // of the four characters before it that is no white space.
    let mut before_mark = None;
    let mut j = i;
    for _ in 0..4 {
        if j == 0 {
            break;
        }
        j = chars.prev(j);
        let b = chars.ch(j);
        if !b.is_whitespace() {
            before_mark = Some(b);
            break;
        }
    }
    let after_stop = before_mark.is_some_and(is_terminal);
    let closes_here = (prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || !is_word_char(n)))
        || (slot.is_some() && after_stop);
    if slot.is_some() && closes_here {
        *slot = None;
    } else if slot.is_none()
        && !ignored.contains(&i)
        && (opens_here || (!closes_here && matches!(c, '“' | '‘' | '«' | '„')))
    {
        // It opens by its place, or by its shape when its place says nothing.
        *slot = Some(i);
    }
}

/// How far (in characters) the look-around for a word goes, so that odd input stays linear.
const LOOK: usize = 40;

/// The word that ends right before index `end` (letters, marks and inner full stops).
fn word_before<C: Chars>(chars: &C, end: usize) -> (usize, &str) {
    let mut start = end;
    let mut taken = 0;
    while start > 0 && taken < LOOK {
        let p = chars.prev(start);
        let c = chars.ch(p);
        if is_word_char(c) || (c == '.' && p > 0 && is_word_char(chars.ch(chars.prev(p)))) {
            start = p;
            taken += 1;
        } else {
            break;
        }
    }
    (start, chars.slice(start, end))
}

/// Where the word after index `from` starts: past up to four spaces and opening marks.
#[inline]
fn word_after_start<C: Chars>(chars: C, from: usize) -> usize {
    let mut i = from;
    let mut passed = 0;
    while i < chars.len() && passed < 4 && !is_word_char(chars.ch(i)) {
        i = chars.next(i);
        passed += 1;
    }
    i
}

/// The word that starts after index `from`, skipping spaces and opening punctuation.
fn word_after<C: Chars>(chars: &C, from: usize) -> &str {
    let start = word_after_start(*chars, from).min(chars.len());
    let mut end = start;
    let mut taken = 0;
    while end < chars.len() && taken < LOOK && is_word_char(chars.ch(end)) {
        end = chars.next(end);
        taken += 1;
    }
    chars.slice(start, end)
}

/// Whether the single full stop at index `i` can end a sentence, judged by the words around it.
fn full_stop_may_end<C: Chars>(chars: C, i: usize) -> bool {
    let m = markers();
    let prev = chars.before(i);
    let after = chars.next(i);
    let next = chars.get(after);
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return false; // 3.5
    }
    let (word_start, word) = word_before(&chars, i);
    let next_word = word_after(&chars, after);
    let next_opens = || {
        next_word.is_empty()
            || m.opener(next_word).is_some()
            || next_word.chars().next().is_some_and(is_devanagari_letter)
    };
    if next_word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase())
        && next.is_some_and(char::is_whitespace)
    {
        return false; // "approx. five", "e.g. the"
    }
    if word_start == 0 && !word.is_empty() && word.chars().all(crate::chars::is_numeric) {
        return false; // "1. पहला कदम": a list number
    }
    let last_part = crate::scan::after_last(word, |c| c == '.');
    if word.contains_char('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return next_opens(); // U.S., a.m., ए.के.
    }
    match m.abbreviation(last_part) {
        Some(Abbreviation::Title) => return false,
        Some(Abbreviation::Word) => return next_word.is_empty() || m.opener(next_word).is_some(),
        Some(Abbreviation::Letter { ambiguous }) => {
            let chained = chars.before(word_start) == Some('.');
            let next_is_initial = m
                .abbreviation(next_word)
                .is_some_and(|a| matches!(a, Abbreviation::Letter { .. }))
                && {
                    // the next word is itself followed by a full stop (within four and then
                    // `LOOK` characters of the mark)
                    let mut j = after;
                    let mut from_mark = 1;
                    while j < chars.len() && from_mark < 4 && !is_word_char(chars.ch(j)) {
                        j = chars.next(j);
                        from_mark += 1;
                    }
                    while j < chars.len() && from_mark < LOOK && is_word_char(chars.ch(j)) {
                        j = chars.next(j);
                        from_mark += 1;
                    }
                    chars.get(j) == Some('.')
                };
            if chained || next_is_initial || (!ambiguous && !next_word.is_empty()) {
                return false;
            }
        }
        None => {}
    }
    let mut letters = last_part.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() && !next_word.is_empty() {
            return false; // an initial: "J. Smith"
        }
    }
    true
}

/// Whether a boundary may stand between a mark run from `run_start` to `end` and a word glued
/// to it.
fn glue_allowed<C: Chars>(chars: C, run_start: usize, end: usize) -> bool {
    let next = chars.ch(end);
    let mut strong = false;
    let mut j = run_start;
    while j < end {
        strong |= matches!(chars.ch(j), '।' | '॥' | '?' | '!' | '؟' | '۔');
        j = chars.next(j);
    }
    let before = chars.before(run_start);
    if !(is_word_char(next) || is_quote(next) || matches!(next, '(' | '[')) {
        return false;
    }
    if strong {
        return true;
    }
    if before.is_some_and(|b| b.is_ascii_digit()) || next.is_ascii_digit() {
        return false;
    }
    // The first word character among the four from `end`.
    let mut after_letter = None;
    let mut j = end;
    for _ in 0..4 {
        let Some(c) = chars.get(j) else {
            break;
        };
        if is_word_char(c) {
            after_letter = Some(c);
            break;
        }
        j = chars.next(j);
    }
    if after_letter.is_some_and(is_devanagari_letter) || matches!(next, '(' | '[') {
        return true;
    }
    // Latin: "said.The" but not "U.S.A", "Jagran.com" or "e.g".
    let (_, word) = word_before(&chars, run_start);
    let lower_before = before.is_some_and(|b| b.is_lowercase());
    let upper_after =
        next.is_uppercase() && chars.get(chars.next(end)).is_some_and(char::is_lowercase);
    lower_before && upper_after && word.chars().count() >= 2 && !word.contains_char('.')
}

/// One pass: the indices where sentences end (exclusive) with their glued flag, and the opening
/// quote marks left unclosed.
fn boundaries<C: Chars>(chars: C, ignored: &[usize]) -> (Vec<(usize, bool)>, Vec<usize>) {
    let mut state = QuoteState {
        double: None,
        single: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = chars.skip_plain(i);
        if i >= chars.len() {
            break;
        }
        let c = chars.ch(i);
        if is_quote(c) {
            read_quote(chars, i, &mut state, ignored);
            i = chars.next(i);
            continue;
        }
        if !is_terminal(c) {
            i = chars.next(i);
            continue;
        }
        let run_start = i;
        let mut end = i;
        let mut run_len = 0;
        let mut only_dots = true;
        while end < chars.len() {
            let m = chars.ch(end);
            if !is_terminal(m) {
                break;
            }
            only_dots &= m == '.' || m == '…';
            run_len += 1;
            end = chars.next(end);
        }
        if only_dots && (run_len > 1 || c == '…') {
            i = end; // an ellipsis
            continue;
        }
        if run_len == 1 && c == '.' && !full_stop_may_end(chars, i) {
            i = end;
            continue;
        }
        while end < chars.len() && (is_quote(chars.ch(end)) || is_closing_bracket(chars.ch(end))) {
            if is_quote(chars.ch(end)) {
                let before = state.double.is_some() as u8 + state.single.is_some() as u8;
                read_quote(chars, end, &mut state, ignored);
                let after = state.double.is_some() as u8 + state.single.is_some() as u8;
                if after > before {
                    break; // it opened a new quote: it belongs to the next sentence
                }
            }
            end = chars.next(end);
        }
        // Re-read a mark that opened: step back so the loop sees it again after the boundary.
        if end < chars.len() && is_quote(chars.ch(end)) && state.open() {
            let opened_here = state.double == Some(end) || state.single == Some(end);
            if opened_here {
                if state.double == Some(end) {
                    state.double = None;
                } else {
                    state.single = None;
                }
            }
        }
        if state.open() {
            i = end;
            continue;
        }
        // "… on 17 March?" he said.": a lower-case Latin word goes on with the same sentence.
        // (Its first letter is read where the word starts, without listing the word.)
        let lower_next = chars
            .get(word_after_start(chars, end))
            .is_some_and(|c| c.is_ascii_lowercase());
        let boundary = match chars.get(end) {
            None => Some(false),
            Some(n) if n.is_whitespace() && lower_next => None,
            Some(n) if n.is_whitespace() => Some(false),
            Some(_) if glue_allowed(chars, run_start, end) => Some(true),
            _ => None,
        };
        if let Some(glued) = boundary {
            out.push((end, glued));
        }
        i = end;
    }
    let unclosed = state.double.into_iter().chain(state.single).collect();
    (out, unclosed)
}

/// The sentences of `text[range]`, trimmed of white space, in order.
pub fn split(text: &str, range: Range) -> Vec<Sentence> {
    let slice = range.slice(text);
    if slice.is_ascii() {
        split_chars(text, range, Ascii(slice))
    } else {
        split_chars(text, range, Utf8(slice))
    }
}

/// [`split`] over the characters of `text[range]`.
fn split_chars<C: Chars>(text: &str, range: Range, chars: C) -> Vec<Sentence> {
    let mut ignored = Vec::new();
    let mut found = boundaries(chars, &ignored);
    // An opening mark that never closes would hide every boundary after it: ignore it and look
    // again (a few times at most, so the work stays linear).
    for _ in 0..3 {
        if found.1.is_empty() {
            break;
        }
        ignored.extend(found.1.iter().copied());
        found = boundaries(chars, &ignored);
    }
    // A sentence per boundary and one after the last at most: room for them at once.
    let mut out = Vec::with_capacity(found.0.len() + 1);
    let mut start = 0;
    for (end, glued) in found.0 {
        let piece = trim(text, Range::new(range.start + start, range.start + end));
        if !piece.is_empty() {
            out.push(Sentence {
                range: piece,
                glued,
            });
        } else if let Some(last) = out.last_mut() {
            last.glued |= glued;
        }
        start = end;
    }
    let rest = trim(text, Range::new(range.start + start, range.end));
    if !rest.is_empty() {
        out.push(Sentence {
            range: rest,
            glued: false,
        });
    }
    out
}

/// The sentence ranges of the paragraph `range`; a `dateline` that opens it is a sentence of its
/// own, and the rest is split after it.
pub fn of_paragraph(text: &str, range: Range, dateline: Option<Range>) -> Vec<Range> {
    let mut found = Vec::new();
    let body = match dateline {
        Some(d) if d.start == range.start && d.end < range.end => {
            found.push(d);
            trim(text, Range::new(d.end, range.end))
        }
        _ => range,
    };
    if !body.is_empty() {
        found.extend(split(text, body).into_iter().map(|s| s.range));
    }
    found
}

/// `range` without the white space at its ends.
pub fn trim(text: &str, range: Range) -> Range {
    let s = range.slice(text);
    let trimmed_start = s.trim_start();
    let lead = s.len() - trimmed_start.len();
    let kept = trimmed_start.trim_end().len();
    Range::new(range.start + lead, range.start + lead + kept)
}

/// Whether `c` opens the next sentence right away (used by callers to treat `(`, quotes).
pub fn opens_text(c: char) -> bool {
    is_word_char(c) || is_quote(c) || matches!(c, '(' | '[')
}

/// Whether `word` opens a new sentence in English (a capitalised opener).
pub fn is_sentence_opener(word: &str) -> bool {
    markers()
        .opener(word)
        .is_some_and(|o| o != Opener::Continuation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_no_quote_or_final_mark() {
        let marks = "\"“”„‟«»〝〞＂'‘’‚‛‹›।॥.?!…؟۔";
        for c in ('\0'..='\u{0FFF}')
            .chain('\u{2000}'..='\u{303F}')
            .chain(marks.chars())
        {
            let text = c.to_string();
            let skipped = Utf8(&text).skip_plain(0);
            assert!(
                skipped == 0 || !(is_quote(c) || is_terminal(c)),
                "should stop at {c:?}"
            );
            // At every place in a run of plain text, read eight ASCII bytes at a time.
            for pad in 0..9 {
                let run = format!("{}क{}", "a".repeat(pad), "कि ".repeat(3));
                let text = format!("{run}{c}");
                let skipped = Utf8(&text).skip_plain(0);
                assert!(
                    skipped == run.len()
                        || (skipped == text.len() && !(is_quote(c) || is_terminal(c))),
                    "should stop at {c:?} after {pad} bytes, or pass it"
                );
            }
            if c.is_ascii() {
                let eight = text.repeat(8);
                let skipped = Ascii(&eight).skip_plain(0);
                assert!(
                    skipped == 0 || !(is_quote(c) || is_terminal(c)),
                    "should stop at {c:?} in ASCII"
                );
                // Anywhere in the eight bytes read at once: at the mark itself.
                for pad in 0..17 {
                    let text = format!("{}{c}{}", "a".repeat(pad), "b".repeat(9));
                    let stops = is_quote(c) || is_terminal(c);
                    for skipped in [Ascii(&text).skip_plain(0), Utf8(&text).skip_plain(0)] {
                        assert!(
                            skipped == pad || !stops && skipped > pad,
                            "should stop at {c:?} after {pad} bytes, or pass it"
                        );
                    }
                }
            }
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        split(text, Range::new(0, text.len()))
            .into_iter()
            .map(|s| s.range.slice(text))
            .collect()
    }

    #[test]
    fn splits_on_danda_and_full_stop() {
        assert_eq!(
            texts("वह आया । फिर गया. Then? Yes!"),
            ["वह आया ।", "फिर गया.", "Then?", "Yes!"],
            "should split on । . ? !"
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_quotes() {
        assert_eq!(
            texts("डॉ. शर्मा ने 3.5 लाख दिए। Mr. Smith met U.S. officials."),
            ["डॉ. शर्मा ने 3.5 लाख दिए।", "Mr. Smith met U.S. officials."],
            "should not split after डॉ., Mr., U.S. or inside 3.5"
        );
        assert_eq!(
            texts("उन्होंने कहा, “हम तैयार हैं. हम लड़ेंगे.” फिर वे गए."),
            ["उन्होंने कहा, “हम तैयार हैं. हम लड़ेंगे.”", "फिर वे गए."],
            "should not split inside a quotation"
        );
    }

    #[test]
    fn goes_on_after_a_quoted_question() {
        assert_eq!(
            texts("\"Why now?\" he asked. They left."),
            ["\"Why now?\" he asked.", "They left."],
            "should not end a sentence before a lower-case word"
        );
    }

    #[test]
    fn finds_glued_paragraphs() {
        let s = split("यह सच है.अगला वाक्य है", Range::new(0, 33));
        assert_eq!(s.len(), 2, "should split है.अगला");
        assert!(s[0].glued, "should mark the boundary as glued");
    }

    #[test]
    fn gives_a_glued_opening_quote_to_the_next_sentence() {
        assert_eq!(
            texts("यह हुआ.'नेचर' पत्रिका ने लिखा."),
            ["यह हुआ.", "'नेचर' पत्रिका ने लिखा."],
            "should start the next sentence with its opening quote"
        );
        assert_eq!(
            texts("1. पहला कदम उठाया गया."),
            ["1. पहला कदम उठाया गया."],
            "should not end a sentence after a list number"
        );
    }

    #[test]
    fn survives_an_unclosed_quote() {
        assert_eq!(
            texts("उसने कहा, “हम आएंगे. फिर देखेंगे. बस"),
            ["उसने कहा, “हम आएंगे.", "फिर देखेंगे.", "बस"],
            "should split after a quote that never closes"
        );
    }
}
