//! Tokens and features of the learned tagger ([`super::tagger`]), shared by training
//! ([`super::train`]) and inference so that the two can never disagree.
//!
//! [`tokenize`] splits normalised text into words and punctuation the way the IL-NER corpus is
//! tokenised: white space separates words, punctuation marks are tokens of their own, except a
//! full stop after a short abbreviation ("डॉ.", "एस.", "Mr.") and the point or comma inside a
//! number ("2.5", "50,000"). [`sentence_features`] turns a sentence's words into hashed feature
//! ids: the word, its prefixes and suffixes, its shape and script, the words around it, whether
//! a case marker (ने, को, का, के, की, से, में, पर, तक) follows, and its position. Words are read in
//! the normalised form of [`crate::normalize`], with Latin letters lower-cased for the word
//! features (the shape feature keeps the case) and digits folded to `0`.
//!
//! The ids are 32-bit FNV-1a hashes of a template number and the feature's text; the model folds
//! them into its own number of buckets. Changing a template changes every hash the model learnt,
//! so any change here must bump [`FEATURE_VERSION`]: the model file records the version it was
//! trained with and [`super::tagger`] refuses a model from another version.
//!
//! [`visit_features`] is the definition (training uses it). The tagger gets the same ids in two
//! parts, to memoise the first per article: [`Word::visit`], the features of one word (its own,
//! and those it gives the tokens up to two away), and [`token_features`], those of word pairs.

use std::borrow::Cow;

use crate::chars::char_at;
use crate::doc::Range;
use crate::structure::markers::is_word_char;

/// The version of the feature templates; stored in the model file.
pub const FEATURE_VERSION: u16 = 1;

/// Case markers and postpositions that often follow a name in Hindi.
const CASE_MARKERS: &[&str] = &["ने", "को", "का", "के", "की", "से", "में", "पर", "तक"];

/// Bit `n` set when a word of `n` bytes may be one of [`CASE_MARKERS`] (all are shorter than
/// 64): most words are told apart by their length alone.
const CASE_MARKER_LENGTHS: u64 = lengths(CASE_MARKERS);

/// Bit `n` set for the lengths in bytes of `words` below 64.
const fn lengths(words: &[&str]) -> u64 {
    let mut mask = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() < 64 {
            mask |= 1 << words[i].len();
        }
        i += 1;
    }
    mask
}

/// Whether `form` is one of [`CASE_MARKERS`].
fn is_case_marker(form: &str) -> bool {
    form.len() < 64 && CASE_MARKER_LENGTHS >> form.len() & 1 == 1 && CASE_MARKERS.contains(&form)
}

/// Byte ranges of the tokens of `text`, in order.
///
/// Read byte by byte: an ASCII byte is its own character and a Devanagari one is `E0 A4 xx` or
/// `E0 A5 xx` in UTF-8, so only other scripts' characters are decoded, and a character's
/// neighbours only for the few marks that may join a word.
pub fn tokenize(text: &str) -> Vec<Range> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so that a caller can keep one buffer.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Range>) {
    let bytes = text.as_bytes();
    tokens.clear();
    tokens.reserve(bytes.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut chars_in_word = 0usize;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // A space ends a word and is no token (the commonest character after letters).
        if byte == b' ' {
            if let Some(s) = start.take() {
                tokens.push(Range::new(s, at));
            }
            at += 1;
            continue;
        }
        let (c, len) = char_at(text, at);
        let in_word = match c {
            _ if is_word_char(c) => true,
            '.' | ',' | '\'' | '’' if start.is_some() => {
                let prev = text[..at].chars().next_back();
                let next = text[at + len..].chars().next();
                joins_word(c, chars_in_word, prev, next)
            }
            _ => false,
        };
        if in_word {
            if start.is_none() {
                start = Some(at);
                chars_in_word = 0;
            }
            chars_in_word += 1;
            at += len;
            // The rest of a run of Devanagari letters and marks and ASCII letters and digits,
            // Devanagari first (a Hindi word's characters).
            loop {
                at += match bytes.get(at..at + 3) {
                    Some(
                        [0xE0, 0xA4, _] | [0xE0, 0xA5, 0x80..=0xA3 | 0xA6..=0xAF | 0xB1..=0xBF],
                    ) => 3,
                    _ => match bytes.get(at) {
                        Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9') => 1,
                        _ => break,
                    },
                };
                chars_in_word += 1;
            }
            continue;
        } else {
            if let Some(s) = start.take() {
                tokens.push(Range::new(s, at));
            }
            if !c.is_whitespace() {
                tokens.push(Range::new(at, at + len));
            }
        }
        at += len;
    }
    if let Some(s) = start {
        tokens.push(Range::new(s, text.len()));
    }
}

/// A decimal digit of any script, ASCII and Devanagari first.
fn is_digit(c: char) -> bool {
    match c {
        '0'..='9' | '\u{0966}'..='\u{096F}' => true,
        _ if c.is_ascii() || ('\u{0900}'..='\u{097F}').contains(&c) => false,
        _ => c.is_numeric(),
    }
}

/// Whether punctuation `c` stays inside the current word: the point or comma of a number, an
/// apostrophe between letters, the full stop of a short abbreviation.
fn joins_word(c: char, chars_in_word: usize, prev: Option<char>, next: Option<char>) -> bool {
    let prev_digit = prev.is_some_and(is_digit);
    let next_digit = next.is_some_and(is_digit);
    match c {
        '.' | ',' if prev_digit && next_digit => true,
        '\'' | '’' => {
            prev.is_some_and(crate::chars::is_alphabetic)
                && next.is_some_and(crate::chars::is_alphabetic)
        }
        '.' => chars_in_word <= 3 && next.is_some_and(|n| !is_digit(n)) && !prev_digit,
        _ => false,
    }
}

/// The feature ids of every token of a sentence: `out[i]` lists token `i`'s ids.
pub fn sentence_features(words: &[&str]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::with_capacity(40); words.len()];
    visit_features(words, |i, id| out[i].push(id));
    out
}

/// Calls `visit(i, id)` for every feature id of every token `i` of a sentence, token by token.
pub fn visit_features(words: &[&str], mut visit: impl FnMut(usize, u32)) {
    let forms: Vec<String> = words.iter().map(|w| word_form(w)).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let form = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            forms.get(i as usize).map_or("</s>", String::as_str)
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            shapes.get(i as usize).map_or("</s>", String::as_str)
        }
    };
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut bounded: Vec<char> = Vec::new();
    for i in 0..words.len() {
        let mut f = |id: u32| visit(i, id);
        let at = i as isize;
        let w = form(at);
        f(hash(0, &[]));
        f(hash(1, &[w]));
        chars.clear();
        chars.extend(w.char_indices());
        for n in 1..=3 {
            if chars.len() > n {
                f(hash(2 + n as u8, &[&w[..chars[n].0]]));
            }
        }
        for n in 1..=4 {
            if chars.len() > n {
                f(hash(6 + n as u8, &[&w[chars[chars.len() - n].0..]]));
            }
        }
        f(hash(11, &[shape_at(at)]));
        f(hash(12, &[length_class(chars.len())]));
        f(hash(13, &[form(at - 1)]));
        f(hash(14, &[form(at + 1)]));
        f(hash(15, &[form(at - 2)]));
        f(hash(16, &[form(at + 2)]));
        f(hash(17, &[form(at - 1), w]));
        f(hash(18, &[w, form(at + 1)]));
        f(hash(19, &[shape_at(at - 1), shape_at(at)]));
        f(hash(20, &[shape_at(at), shape_at(at + 1)]));
        f(hash(21, &[suffix(form(at - 1), 2)]));
        f(hash(22, &[suffix(form(at + 1), 2)]));
        let next_marker = CASE_MARKERS.contains(&form(at + 1));
        let next2_marker = CASE_MARKERS.contains(&form(at + 2));
        f(hash(23, &[marker_flag(next_marker, next2_marker)]));
        if i == 0 {
            f(hash(24, &[]));
        }
        f(hash(25, &[form(at - 2), form(at - 1)]));
        f(hash(26, &[form(at + 1), form(at + 2)]));
        f(hash(27, &[suffix(form(at - 1), 3)]));
        f(hash(28, &[suffix(form(at + 1), 1)]));
        f(hash(29, &[form(at - 1), form(at + 1)]));
        // Character trigrams, with word boundaries, say how foreign or native a name sounds.
        if chars.len() > 2 {
            bounded.clear();
            bounded.push('^');
            bounded.extend(chars.iter().map(|&(_, c)| c));
            bounded.push('$');
            for gram in bounded.windows(3) {
                f(hash_chars(30, gram));
            }
        }
    }
}

/// A word's part in the features of its sentence, worked out once per distinct word: the
/// tagger memoises it per article ([`super::tagger::Tagger`]), since the same words recur
/// (Hindi case markers and verbs above all). Every feature id of [`visit_features`] is either
/// one word's ([`Word::visit`]: its own features, or its features as a neighbour of the token)
/// or one of a few about a pair of words or none ([`token_features`]); a test checks that the
/// two together give exactly the ids of [`visit_features`].
///
/// The form and shape borrow the word's text and a constant where they can (most words), so
/// that a word costs no allocation.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    form: Cow<'a, str>,
    shape: Cow<'static, str>,
    /// Whether the form is one of [`CASE_MARKERS`].
    marker: bool,
    /// FNV states after a pair template and this word as the pair's first part, in the order
    /// of [`PAIR_TEMPLATES`]: pairs 0, 1, 4, 5 and 6 of the form, 2 and 3 of the shape.
    first: [u32; 7],
    /// The ids of the form alone in [`FORM_TEMPLATES`] 13 to 16 and 1 (as the word's
    /// neighbours see it, and its own), hashed with the pairs' first parts.
    alone: [u32; 5],
}

/// The length in bytes of the UTF-8 character that `lead` opens.
fn utf8_len(lead: u8) -> usize {
    1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0)
}

/// The pair templates (first part the form: 17, 18, 25, 26, 29; the shape: 19, 20).
const PAIR_TEMPLATES: [u8; 7] = [17, 18, 19, 20, 25, 26, 29];

/// The templates that hash the form on its own after the template: the five pair templates
/// whose first part is the form, then 13 to 16 and 1. Hashed side by side over the form's bytes.
const FORM_TEMPLATES: [u8; 10] = [17, 18, 25, 26, 29, 13, 14, 15, 16, 1];

/// Where [`Word::visit`] sends a feature: to the word's own token or to a token near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The word's own token.
    Own,
    /// The token just after the word (the word comes before it).
    Before,
    /// The token just before the word (the word comes after it).
    After,
    /// The token two after the word.
    TwoBefore,
    /// The token two before the word.
    TwoAfter,
}

impl<'a> Word<'a> {
    /// A word of a sentence.
    pub fn new(word: &'a str) -> Word<'a> {
        if let Some(scripts) = own_form_scripts(word) {
            // Devanagari and lower-case Latin letters only: shape "D", "x" or a mix.
            let shape = match scripts {
                (true, false) => Cow::Borrowed("x"),
                (false, true) => Cow::Borrowed("D"),
                _ => Cow::Owned(shape(word)),
            };
            return Word::with(Cow::Borrowed(word), shape);
        }
        Word::with(Cow::Owned(word_form(word)), Cow::Owned(shape(word)))
    }

    /// The mark before a sentence's first word (`<s>`) or after its last (`</s>`), which
    /// stands in for the missing neighbours.
    pub fn boundary(start: bool) -> Word<'static> {
        let mark = if start { "<s>" } else { "</s>" };
        Word::with(Cow::Borrowed(mark), Cow::Borrowed(mark))
    }

    fn with(form: Cow<'a, str>, shape: Cow<'static, str>) -> Word<'a> {
        let f = hash_form(form.as_bytes());
        let s = hash_lanes2(
            const { fnv_parts([PAIR_TEMPLATES[2], PAIR_TEMPLATES[3]]) },
            shape.as_bytes(),
        );
        Word {
            marker: is_case_marker(&form),
            first: [f[0], f[1], s[0], s[1], f[2], f[3], f[4]],
            alone: [
                Fnv(f[5]).finish(),
                Fnv(f[6]).finish(),
                Fnv(f[7]).finish(),
                Fnv(f[8]).finish(),
                Fnv(f[9]).finish(),
            ],
            form,
            shape,
        }
    }

    /// Calls `visit(role, id)` for every feature that depends on this word alone: its own
    /// (form, prefixes, suffixes, shape, length, character trigrams) and those it gives the
    /// tokens near it. A sentence boundary has no token, so no own features.
    pub fn visit(&self, is_boundary: bool, mut visit: impl FnMut(Role, u32)) {
        let w: &str = &self.form;
        let bytes = w.as_bytes();
        // Where each character starts, found once, lead byte to lead byte (a Hindi word is a
        // few characters of three bytes each); on the stack for all but long words: a small
        // buffer is zeroed in a few stores, not a call.
        let mut stack = [0u32; 16];
        let (mut n, mut at) = (0, 0);
        while let (Some(&lead), Some(start)) = (bytes.get(at), stack.get_mut(n)) {
            *start = at as u32;
            n += 1;
            at += utf8_len(lead);
        }
        let heap: Vec<u32>;
        let starts: &[u32] = if at >= bytes.len() {
            &stack[..n]
        } else {
            heap = w.char_indices().map(|(at, _)| at as u32).collect();
            &heap
        };
        let chars = starts.len();
        // The last `n` characters ([`suffix`]), and the first `n` when shorter than the word.
        let last = |n: usize| -> &[u8] {
            let at = chars.checked_sub(n).map_or(0, |k| starts[k] as usize);
            &bytes[at..]
        };
        let [before, after, two_before, two_after, own_form] = self.alone;
        visit(Role::Before, before);
        visit(Role::After, after);
        visit(Role::TwoBefore, two_before);
        visit(Role::TwoAfter, two_after);
        // Suffixes of 1 to 4 characters: as the neighbours see them (21, 22, 27, 28), and the
        // word's own ones shorter than the word (7 to 10), side by side over the same bytes.
        let [s1, own1] = hash_lanes2(const { fnv_parts([28, 7]) }, last(1));
        let [s2b, s2a, own2] = hash_lanes3(const { fnv_parts([21, 22, 8]) }, last(2));
        let [s3, own3] = hash_lanes2(const { fnv_parts([27, 9]) }, last(3));
        let [s1, own1, s2b, s2a, own2, s3, own3] = [
            Fnv(s1).finish(),
            Fnv(own1).finish(),
            Fnv(s2b).finish(),
            Fnv(s2a).finish(),
            Fnv(own2).finish(),
            Fnv(s3).finish(),
            Fnv(own3).finish(),
        ];
        visit(Role::Before, s2b);
        visit(Role::After, s2a);
        visit(Role::Before, s3);
        visit(Role::After, s1);
        if is_boundary {
            return;
        }
        let mut own = |id: u32| visit(Role::Own, id);
        own(own_form);
        // Prefixes of 1 to 3 characters shorter than the word (3 to 5), side by side: all three
        // over the first character, two over the second, one over the third.
        if chars > 1 {
            let first = &bytes[..starts[1] as usize];
            let [p1, p2, p3] = hash_lanes3(const { fnv_parts([3, 4, 5]) }, first);
            own(Fnv(p1).finish());
            if chars > 2 {
                let second = &bytes[starts[1] as usize..starts[2] as usize];
                let [p2, p3] = hash_lanes2([p2, p3], second);
                own(Fnv(p2).finish());
                if chars > 3 {
                    let mut h = Fnv(p3);
                    h.feed_all(&bytes[starts[2] as usize..starts[3] as usize]);
                    own(h.finish());
                }
            }
        }
        // Suffixes of 1 to 4 characters, shorter than the word.
        for (n, id) in [own1, own2, own3].into_iter().enumerate() {
            if chars > n + 1 {
                own(id);
            }
        }
        if chars > 4 {
            let mut h = Fnv::new(10);
            h.feed(0xff);
            h.feed_all(last(4));
            own(h.finish());
        }
        own(match &*self.shape {
            "D" => SHAPE_D,
            "x" => SHAPE_X,
            shape => hash(11, &[shape]),
        });
        own(LENGTH_CLASSES[match chars {
            0..=1 => 0,
            2..=3 => 1,
            4..=6 => 2,
            _ => 3,
        }]);
        if chars > 2 {
            // Trigram k of "^" + form + "$" spans the form's characters k - 1 to k + 1: the
            // three trigrams that take character k (k - 1, k and k + 1) take it side by side,
            // in one pass over its bytes, and trigram k - 1 is then complete.
            const START: u32 = fnv_parts([30])[0];
            // Before character 0 there is no trigram -1: its lane is fed and dropped.
            let (mut last, mut this) = (START, fnv_step(START, b'^'));
            for k in 0..chars {
                let end = starts.get(k + 1).map_or(bytes.len(), |&at| at as usize);
                let [done, next_last, next_this] =
                    hash_lanes3([last, this, START], &bytes[starts[k] as usize..end]);
                if k > 0 {
                    own(Fnv(done).finish());
                }
                (last, this) = (next_last, next_this);
            }
            own(Fnv(fnv_step(last, b'$')).finish());
        }
    }

    /// The word as the word features see it ([`word_form`]).
    pub fn form(&self) -> &str {
        &self.form
    }

    /// Whether the word's shape is that of Devanagari alone, "D" (the shape pairs of two such
    /// words are [`DEVANAGARI_SHAPE_PAIRS`]).
    fn has_devanagari_shape(&self) -> bool {
        *self.shape == *"D"
    }
}

/// Calls `visit(id)` for the features of a token that depend on pairs of words or on none:
/// `at` holds the words from two before the token to two after it (sentence boundaries beyond
/// the ends), `first` whether it is the sentence's first token.
pub fn token_features(at: [&Word<'_>; 5], first: bool, mut visit: impl FnMut(u32)) {
    fixed_features(marker_class(at[3], at[4]), first, &mut visit);
    pair_features(at, visit);
}

/// Which of the three case-marker features a token has: a marker just after it (0), two after
/// it (1) or none (2), from the words after it.
pub fn marker_class(after: &Word<'_>, after2: &Word<'_>) -> usize {
    match (after.marker, after2.marker) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    }
}

/// The features of [`token_features`] that depend on no word's text: the bias, the case-marker
/// feature of [`marker_class`] `marker`, and whether the token is the sentence's first. A few
/// ids in all, so a tagger can sum their weights once.
pub fn fixed_features(marker: usize, first: bool, mut visit: impl FnMut(u32)) {
    visit(BIAS);
    visit([MARKER_NEXT, MARKER_NEXT2, MARKER_NONE][marker.min(2)]);
    if first {
        visit(FIRST);
    }
}

/// The features of [`token_features`] about pairs of words: `at` as there.
pub fn pair_features(at: [&Word<'_>; 5], mut visit: impl FnMut(u32)) {
    let [before2, before, word, after, after2] = at;
    let pair = |first: &Word<'_>, n: usize, second: &str| {
        let mut h = Fnv(first.first[n]);
        h.feed(0xff);
        h.feed_all(second.as_bytes());
        h.finish()
    };
    visit(pair(before, 0, &word.form));
    visit(pair(word, 1, &after.form));
    visit(pair(before, 2, &word.shape));
    visit(pair(word, 3, &after.shape));
    visit(pair(before2, 4, &before.form));
    visit(pair(after, 5, &after2.form));
    visit(pair(before, 6, &after.form));
}

/// The ids of [`pair_features`] of two adjacent words `x` and `y` (the second part `y`), each
/// pair hashed once for the tokens around it: `[17, 19]` for `y`'s token (as its word before
/// and itself), `[18, 20]` for `x`'s (as itself and its word after), 25 for the token after
/// `y`, 26 for the token before `x`; and the last, 29 of `w` and `y`, for `x`'s token when `w`
/// is the word before it (the words before and after the token). The five form pairs share
/// one pass over `y`'s bytes.
pub fn adjacent_pair_features(w: &Word<'_>, x: &Word<'_>, y: &Word<'_>) -> [u32; 7] {
    let f = &x.first;
    let [f17, f18, f25, f26, f29] =
        continue_lanes5([f[0], f[1], f[4], f[5], w.first[6]], y.form.as_bytes());
    // Two Devanagari words (most pairs): their shape pairs' ids are constants.
    let [f19, f20] = if x.has_devanagari_shape() && y.has_devanagari_shape() {
        DEVANAGARI_SHAPE_PAIRS
    } else {
        let [f19, f20] = continue_lanes2([f[2], f[3]], y.shape.as_bytes());
        [Fnv(f19).finish(), Fnv(f20).finish()]
    };
    // Written out, not mapped: the release profile optimises for size and unrolls no loop.
    [
        Fnv(f17).finish(),
        f19,
        Fnv(f18).finish(),
        f20,
        Fnv(f25).finish(),
        Fnv(f26).finish(),
        Fnv(f29).finish(),
    ]
}

// The features of [`token_features`] that depend on no word, hashed once at compile time.
const BIAS: u32 = const_hash(0, b"", false);
// The most common shapes, and the length classes of [`length_class`] (the words' ids of
// templates 11 and 12), hashed at compile time too.
const SHAPE_D: u32 = const_hash(11, b"D", true);
const SHAPE_X: u32 = const_hash(11, b"x", true);
const LENGTH_CLASSES: [u32; 4] = [
    const_hash(12, b"1", true),
    const_hash(12, b"2-3", true),
    const_hash(12, b"4-6", true),
    const_hash(12, b"7+", true),
];
const FIRST: u32 = const_hash(24, b"", false);
const MARKER_NEXT: u32 = const_hash(23, b"next", true);
const MARKER_NEXT2: u32 = const_hash(23, b"next2", true);
const MARKER_NONE: u32 = const_hash(23, b"none", true);

/// The ids of the shape pairs (19, 20) of two Devanagari words, "D" and "D".
const DEVANAGARI_SHAPE_PAIRS: [u32; 2] = [
    const_hash_pair(19, b"D", b"D"),
    const_hash_pair(20, b"D", b"D"),
];

/// [`hash`] of two parts, in a constant.
const fn const_hash_pair(template: u8, first: &[u8], second: &[u8]) -> u32 {
    fed(Fnv(const_state(template, first)), second).finish()
}

/// The FNV state of [`hash`] after the template and one part.
const fn const_state(template: u8, part: &[u8]) -> u32 {
    fed(Fnv::new(template), part).0
}

/// `h` after one more part: its separator, then its bytes.
const fn fed(mut h: Fnv, part: &[u8]) -> Fnv {
    h.feed(0xff);
    let mut i = 0;
    while i < part.len() {
        h.feed(part[i]);
        i += 1;
    }
    h
}

/// [`hash`] of no part or of one, in a constant.
const fn const_hash(template: u8, part: &[u8], has_part: bool) -> u32 {
    if has_part {
        Fnv(const_state(template, part)).finish()
    } else {
        Fnv::new(template).finish()
    }
}

fn marker_flag(next: bool, next2: bool) -> &'static str {
    match (next, next2) {
        (true, _) => "next",
        (false, true) => "next2",
        (false, false) => "none",
    }
}

/// The last `n` characters of `s`.
fn suffix(s: &str, n: usize) -> &str {
    let at = s.char_indices().rev().nth(n - 1).map_or(0, |(at, _)| at);
    &s[at..]
}

fn length_class(chars: usize) -> &'static str {
    match chars {
        0..=1 => "1",
        2..=3 => "2-3",
        4..=6 => "4-6",
        _ => "7+",
    }
}

/// The word as the word features see it: lower case, digits folded to `0`.
pub fn word_form(word: &str) -> String {
    if is_own_form(word) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_digit(c) {
            out.push('0');
        } else if ('\u{0900}'..='\u{097F}').contains(&c) {
            out.push(c);
        } else {
            out.extend(crate::unicode::lower(c));
        }
    }
    out
}

/// Whether [`word_form`] leaves `word` as it is: Devanagari other than digits, and lower-case
/// Latin letters (most words). Read byte by byte: Devanagari is U+0900 to U+097F, `E0 A4 xx` and
/// `E0 A5 xx` in UTF-8, its digits `E0 A5 A6` to `E0 A5 AF`.
pub(crate) fn is_own_form(word: &str) -> bool {
    own_form_scripts(word).is_some()
}

/// [`is_own_form`], and if so whether the word has Latin letters and whether it has Devanagari
/// ones, found in the same pass.
fn own_form_scripts(word: &str) -> Option<(bool, bool)> {
    let bytes = word.as_bytes();
    let (mut latin, mut devanagari) = (false, false);
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'a'..=b'z' => {
                latin = true;
                at += 1
            }
            0xE0 if matches!(
                bytes.get(at + 1..at + 3),
                Some([0xA4, _]) | Some([0xA5, 0x80..=0xA5 | 0xB0..=0xBF])
            ) =>
            {
                devanagari = true;
                at += 3
            }
            _ => return None,
        }
    }
    Some((latin, devanagari))
}

/// A short description of the word's script and case: `D` Devanagari, `X` upper-case Latin,
/// `x` lower-case Latin, `0` digit, `.` anything else, with runs of one class collapsed.
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(4);
    for c in word.chars() {
        let class = match c {
            c if is_digit(c) => '0',
            '\u{0900}'..='\u{097F}' => 'D',
            c if c.is_uppercase() => 'X',
            c if crate::chars::is_alphabetic(c) => 'x',
            _ => '.',
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// The FNV states (unfinished) of [`hash`] of one part, `bytes`, for two templates, from their
/// states before the part ([`fnv_parts`], worked out at compile time), or two states continued
/// over more of a part: one pass over the bytes for both. Written out lane by lane
/// ([`hash_lanes3`], [`hash_form`]) so that the lanes stay in registers: the release profile
/// optimises for size and unrolls no loop.
fn hash_lanes2(starts: [u32; 2], bytes: &[u8]) -> [u32; 2] {
    let [mut h0, mut h1] = starts;
    for &b in bytes {
        h0 = fnv_step(h0, b);
        h1 = fnv_step(h1, b);
    }
    [h0, h1]
}

/// The FNV states of two states continued with the separator and one part, `bytes`.
fn continue_lanes2(states: [u32; 2], bytes: &[u8]) -> [u32; 2] {
    let [h0, h1] = states;
    let (mut h0, mut h1) = (fnv_step(h0, 0xff), fnv_step(h1, 0xff));
    for &b in bytes {
        h0 = fnv_step(h0, b);
        h1 = fnv_step(h1, b);
    }
    [h0, h1]
}

/// [`continue_lanes2`] for five states.
fn continue_lanes5(states: [u32; 5], bytes: &[u8]) -> [u32; 5] {
    let [h0, h1, h2, h3, h4] = states;
    let (mut h0, mut h1) = (fnv_step(h0, 0xff), fnv_step(h1, 0xff));
    let (mut h2, mut h3, mut h4) = (fnv_step(h2, 0xff), fnv_step(h3, 0xff), fnv_step(h4, 0xff));
    for &b in bytes {
        h0 = fnv_step(h0, b);
        h1 = fnv_step(h1, b);
        h2 = fnv_step(h2, b);
        h3 = fnv_step(h3, b);
        h4 = fnv_step(h4, b);
    }
    [h0, h1, h2, h3, h4]
}

/// [`hash_lanes2`] for three templates.
fn hash_lanes3(starts: [u32; 3], bytes: &[u8]) -> [u32; 3] {
    let [mut h0, mut h1, mut h2] = starts;
    for &b in bytes {
        h0 = fnv_step(h0, b);
        h1 = fnv_step(h1, b);
        h2 = fnv_step(h2, b);
    }
    [h0, h1, h2]
}

/// [`hash_lanes2`] for the ten [`FORM_TEMPLATES`].
fn hash_form(bytes: &[u8]) -> [u32; 10] {
    let [mut h0, mut h1, mut h2, mut h3, mut h4, mut h5, mut h6, mut h7, mut h8, mut h9] =
        const { fnv_parts(FORM_TEMPLATES) };
    for &b in bytes {
        h0 = fnv_step(h0, b);
        h1 = fnv_step(h1, b);
        h2 = fnv_step(h2, b);
        h3 = fnv_step(h3, b);
        h4 = fnv_step(h4, b);
        h5 = fnv_step(h5, b);
        h6 = fnv_step(h6, b);
        h7 = fnv_step(h7, b);
        h8 = fnv_step(h8, b);
        h9 = fnv_step(h9, b);
    }
    [h0, h1, h2, h3, h4, h5, h6, h7, h8, h9]
}

/// The FNV states after each template and the separator before a part.
const fn fnv_parts<const N: usize>(templates: [u8; N]) -> [u32; N] {
    let mut states = [0; N];
    let mut i = 0;
    while i < N {
        let mut h = Fnv::new(templates[i]);
        h.feed(0xff);
        states[i] = h.0;
        i += 1;
    }
    states
}

/// [`Fnv::feed`] on a bare state.
#[inline(always)]
fn fnv_step(h: u32, b: u8) -> u32 {
    (h ^ u32::from(b)).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over a template number and the parts (separated by a byte that UTF-8 never uses),
/// finished with a mixing step so that the low bits are as good as the high ones.
fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut h = Fnv::new(template);
    for part in parts {
        h.feed(0xff);
        h.feed_all(part.as_bytes());
    }
    h.finish()
}

/// [`hash`] of one part made of `chars`, without building the string.
fn hash_chars(template: u8, chars: &[char]) -> u32 {
    let mut h = Fnv::new(template);
    h.feed(0xff);
    let mut buf = [0u8; 4];
    for c in chars {
        c.encode_utf8(&mut buf).bytes().for_each(|b| h.feed(b));
    }
    h.finish()
}

const FNV_PRIME: u32 = 0x0100_0193;

struct Fnv(u32);

impl Fnv {
    const fn new(template: u8) -> Fnv {
        let mut h = Fnv(0x811c_9dc5);
        h.feed(template);
        h
    }

    const fn feed(&mut self, b: u8) {
        self.0 ^= b as u32;
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }

    /// [`Fnv::feed`] for each byte, four at a time (the same hash with less loop overhead).
    fn feed_all(&mut self, bytes: &[u8]) {
        let mut quads = bytes.chunks_exact(4);
        for q in &mut quads {
            self.feed(q[0]);
            self.feed(q[1]);
            self.feed(q[2]);
            self.feed(q[3]);
        }
        for &b in quads.remainder() {
            self.feed(b);
        }
    }

    const fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^ (h >> 16)
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // core's lower case, to compare with
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|r| r.slice(text)).collect()
    }

    #[test]
    fn splits_punctuation_but_keeps_abbreviations_and_numbers() {
        assert_eq!(
            words("डॉ. राम ने कहा, \"50,000 लोग\" (2.5%) आए।"),
            vec![
                "डॉ.",
                "राम",
                "ने",
                "कहा",
                ",",
                "\"",
                "50,000",
                "लोग",
                "\"",
                "(",
                "2.5",
                "%",
                ")",
                "आए",
                "।"
            ],
            "should split punctuation off words and keep abbreviations and numbers whole"
        );
        assert_eq!(
            words("भारत-पाक वार्ता"),
            vec!["भारत", "-", "पाक", "वार्ता"],
            "should split a hyphen like the corpus does"
        );
    }

    #[test]
    fn features_are_the_same_for_the_same_words() {
        let a = sentence_features(&["मोदी", "ने", "कहा"]);
        let b = sentence_features(&["मोदी", "ने", "कहा"]);
        assert_eq!(a, b, "should give the same ids for the same sentence");
        assert_eq!(a.len(), 3, "should give one id list per word");
        assert_ne!(a[0], a[2], "should give different words different ids");
    }

    /// The ids of [`Word::visit`] and [`token_features`] for each token, sorted.
    fn split_features(words: &[&str]) -> Vec<Vec<u32>> {
        let start = Word::boundary(true);
        let end = Word::boundary(false);
        let memo: Vec<Word> = words.iter().map(|w| Word::new(w)).collect();
        let n = words.len() as isize;
        let at = |i: isize| match i {
            _ if i < 0 => &start,
            _ if i >= n => &end,
            _ => &memo[i as usize],
        };
        let mut out = vec![Vec::new(); words.len()];
        for (i, ids) in out.iter_mut().enumerate() {
            let i = i as isize;
            let roles = [
                (0, Role::Own),
                (-1, Role::Before),
                (1, Role::After),
                (-2, Role::TwoBefore),
                (2, Role::TwoAfter),
            ];
            for (offset, role) in roles {
                let j = i + offset;
                at(j).visit(j < 0 || j >= n, |r, id| {
                    if r == role {
                        ids.push(id);
                    }
                });
            }
            let around = [at(i - 2), at(i - 1), at(i), at(i + 1), at(i + 2)];
            token_features(around, i == 0, |id| ids.push(id));
            // The pairs as the tagger hashes them, each adjacent pair once.
            let mut pairs = Vec::new();
            pair_features(around, |id| pairs.push(id));
            let [before2, before, word, after, after2] = around;
            // The word before each pair's first: any for the pairs whose last id is not used.
            let (left, own, right) = (
                adjacent_pair_features(before2, before, word),
                adjacent_pair_features(before, word, after),
                adjacent_pair_features(before2, before2, before),
            );
            let mut split = vec![
                left[0],
                left[1],
                own[2],
                own[3],
                right[4],
                adjacent_pair_features(word, after, after2)[5],
                own[6],
            ];
            pairs.sort_unstable();
            split.sort_unstable();
            assert_eq!(split, pairs, "should give the pair ids pair by pair");
            ids.sort_unstable();
        }
        out
    }

    #[test]
    fn word_and_token_features_are_the_sentence_features() {
        let sentences = [
            "डॉ. राम ने कहा, \"50,000 लोग\" (2.5%) आए।",
            "McDonald's CEO Chris Kempczinski said on Tuesday: 2024 was good 🙂",
            "मोदी",
            "में की",
            "प्रधानमंत्री नरेंद्र मोदी ने २०२४ में अमेरिका की यात्रा की और ट्रंप से मिले।",
            "a ab abc abcd abcde < s > </s> <s>",
            "abक कab aB क२ मोदीjee",
            // Longer than the stack buffer of character starts in Word::visit.
            "संयुक्तराष्ट्रसुरक्षापरिषदअध्यक्ष ने supercalifragilisticexpialidociousness कहा",
        ];
        for text in sentences {
            let words = words(text);
            let mut expected = sentence_features(&words);
            expected.iter_mut().for_each(|ids| ids.sort_unstable());
            assert_eq!(
                split_features(&words),
                expected,
                "should give the same ids word by word as sentence by sentence: {text}"
            );
        }
        assert!(
            split_features(&[]).is_empty(),
            "should give nothing for no words"
        );
    }

    #[test]
    fn word_forms_fold_case_and_digits() {
        for word in ["मोदी", "क़ानून", "abc", "॥", "ॐ"] {
            assert_eq!(word_form(word), word, "should keep {word} as it is");
        }
        assert_eq!(word_form("२०२४"), "0000", "should fold Devanagari digits");
        assert_eq!(
            word_form("Modi2"),
            "modi0",
            "should lower-case and fold digits"
        );
        assert_eq!(word_form("Éa"), "éa", "should lower-case any letter");
        for word in ["मोदी", "abc", "A", "१", "a1", "ॲ", "।", "€", "Ä"] {
            let slow: String = word
                .chars()
                .map(|c| match c {
                    c if is_digit(c) => '0',
                    '\u{0900}'..='\u{097F}' => c,
                    c => c.to_lowercase().next().unwrap_or(c),
                })
                .collect();
            assert_eq!(
                word_form(word),
                slow,
                "should give the folded form of {word}"
            );
        }
    }

    #[test]
    fn shapes_describe_script_and_case() {
        assert_eq!(shape("मोदी"), "D", "should call Devanagari D");
        assert_eq!(shape("McDonald"), "XxXx", "should keep Latin case");
        assert_eq!(shape("2024"), "0", "should collapse digits");
    }
}
