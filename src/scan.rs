//! Scan: tests of eight bytes of a text at once, for the loops that look for a few rare bytes
//! (line breaks, sentence marks, quotes) or count common ones (Latin letters), and can step over
//! the rest of the text eight bytes at a time; and the search for a string in a string.

/// The eight bytes of `bytes` from `at` as one number (the first in the lowest byte), if there
/// are eight: bytes are tested eight at a time, no byte of them needs to open a character.
pub fn eight(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit set in every byte of `w` below `n` (at most 0x7F), and maybe in others; zero only
/// when none is below `n`.
pub fn bytes_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH
}

/// The high bit set in every byte of `w` equal to `b`, and maybe in others; zero only when none
/// is.
pub fn bytes_equal(w: u64, b: u8) -> u64 {
    bytes_below(w ^ (ONES * u64::from(b)), 1)
}

/// The high bit set in exactly the bytes of `w` equal to `b`.
pub fn bytes_exactly(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// Whether the eight bytes of `w` are all ASCII.
pub fn is_ascii(w: u64) -> bool {
    w & HIGH == 0
}

/// The high bit set in exactly the bytes of `w` beyond ASCII.
pub fn beyond_ascii(w: u64) -> u64 {
    w & HIGH
}

/// The offset of the first byte from `at` that `flags` flags, reading eight bytes at a time (see
/// [`eight`]): the lowest byte flagged in the first eight with one. The tests here flag a byte
/// above a real one only, so the lowest is always a real one. When no eight from `at` on hold
/// one, the offset of the last few bytes (fewer than eight), for the caller to read one by one.
#[inline]
pub fn to_flagged(bytes: &[u8], mut at: usize, flags: impl Fn(u64) -> u64) -> usize {
    while let Some(w) = eight(bytes, at) {
        let flagged = flags(w);
        if flagged != 0 {
            return at + (flagged.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// The high bit set in every byte of `w` that is a sentence-final mark ('.', '?', '!'), and
/// maybe in others; zero only when none is.
pub fn final_marks(w: u64) -> u64 {
    bytes_equal(w, b'.') | bytes_equal(w, b'?') | bytes_equal(w, b'!')
}

/// How many of the eight ASCII bytes of `w` ([`is_ascii`]) are letters: a byte with its 0x20
/// bit set is a lower-case letter when it is from 'a' to 'z' (adding 0x1F reaches 0x80, adding
/// 0x05 does not); no byte is above 0x7F, so no sum carries into the next byte.
pub fn ascii_letters(w: u64) -> usize {
    let x = w | (ONES * 0x20);
    let letters = x.wrapping_add(ONES * 0x1F) & !x.wrapping_add(ONES * 0x05) & HIGH;
    // The flags as 0 or 1 per byte, summed into the top byte.
    ((letters >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The high bit set in exactly the bytes of `w` that open a character of two bytes or more
/// (0xC0..=0xFF).
pub fn lead_bytes(w: u64) -> u64 {
    w & (w << 1) & HIGH
}

/// The first character boundary at or after `at` (UTF-8 continuation bytes are 0x80..=0xBF).
pub fn next_char(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
        at += 1;
    }
    at
}

/// Needles longer than this are searched with an automaton ([`long_needle`]).
const SHORT_NEEDLE: usize = 32;

/// Where `needle` first occurs in `hay` at or after byte `from`, as `hay[from..].find(needle)`
/// (plus `from`) gives it. The standard library's search for a string (its two-way searcher)
/// is about 2.5 KB of wasm code; the needles here are mostly a word or a few, so this compares
/// the needle's last byte with the byte under it and, like the two-way search, skips the
/// needle's length past a byte that the needle does not have (bytes told apart by their low six
/// bits). That can compare a needle's bytes again at each byte of the text, so a needle longer
/// than a few words (a hostile text's "name") goes to an automaton instead, whose time is linear
/// in the text whatever the needle.
pub fn find_str(hay: &str, needle: &str, from: usize) -> Option<usize> {
    if needle.len() > SHORT_NEEDLE {
        return long_needle(needle)?
            .find_overlapping_iter(hay.get(from..)?)
            .next()
            .map(|m| m.start() + from);
    }
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&last, head)) = needle.split_last() else {
        return (from <= hay.len()).then_some(from);
    };
    let set = needle.iter().fold(0u64, |set, &b| set | 1 << (b & 63));
    let n = needle.len();
    let mut at = from;
    while let Some(&b) = hay.get(at + n - 1) {
        if b == last && hay[at..at + n - 1] == *head {
            return Some(at);
        }
        at += if set >> (b & 63) & 1 == 0 { n } else { 1 };
    }
    None
}

/// The part of `text` after the last character for which `split` holds, as
/// `text.rsplit(split).next()` gives it (all of `text` when there is none). A function pointer,
/// not a pattern type: one copy of the code for every such split.
pub fn after_last(text: &str, split: fn(char) -> bool) -> &str {
    match text.char_indices().rev().find(|&(_, c)| split(c)) {
        Some((at, c)) => &text[at + c.len_utf8()..],
        None => text,
    }
}

/// `text` with every `from` in it replaced by `to`, as `text.replace(from, to)` gives it
/// ([`match_starts`]).
pub fn replace_str(text: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    for at in match_starts(text, from) {
        out.push_str(&text[last..at]);
        out.push_str(to);
        last = at + from.len();
    }
    out.push_str(&text[last..]);
    out
}

/// Character tests of a text that take one copy of the code for all their callers.
pub trait TextExt {
    /// `str::contains` for a character, without the standard library's string searcher,
    /// which it uses for a character outside ASCII ([`find_str`]).
    fn contains_char(&self, c: char) -> bool;
    /// Whether the first character passes `test`, as `str::starts_with(test)` tells (with a
    /// function pointer, not a pattern type of its own for each test).
    fn first_is(&self, test: fn(char) -> bool) -> bool;
    /// Whether the last character passes `test`, as `str::ends_with(test)` tells.
    fn last_is(&self, test: fn(char) -> bool) -> bool;
    /// `str::trim_start_matches(test)` with a function pointer.
    fn trim_start_where(&self, test: fn(char) -> bool) -> &str;
    /// `str::trim_end_matches(test)` with a function pointer.
    fn trim_end_where(&self, test: fn(char) -> bool) -> &str;
    /// `str::trim_matches(test)` with a function pointer.
    fn trim_where(&self, test: fn(char) -> bool) -> &str {
        self.trim_start_where(test).trim_end_where(test)
    }
}

impl TextExt for str {
    fn first_is(&self, test: fn(char) -> bool) -> bool {
        self.chars().next().is_some_and(test)
    }

    fn last_is(&self, test: fn(char) -> bool) -> bool {
        self.chars().next_back().is_some_and(test)
    }

    fn trim_start_where(&self, test: fn(char) -> bool) -> &str {
        self.trim_start_matches(test)
    }

    fn trim_end_where(&self, test: fn(char) -> bool) -> &str {
        self.trim_end_matches(test)
    }

    fn contains_char(&self, c: char) -> bool {
        if c.is_ascii() {
            self.as_bytes().contains(&(c as u8))
        } else {
            contains_str(self, c.encode_utf8(&mut [0; 4]))
        }
    }
}

/// Whether `needle` occurs in `hay`, as `hay.contains(needle)` ([`find_str`]).
pub fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle, 0).is_some()
}

/// Where `needle` last occurs in `hay`, as `hay.rfind(needle)` gives it ([`find_str`]; a long
/// needle through an automaton, as there).
pub fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    if needle.len() > SHORT_NEEDLE {
        return long_needle(needle)?
            .find_overlapping_iter(hay)
            .last()
            .map(|m| m.start());
    }
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    (0..=hay.len().checked_sub(needle.len())?)
        .rev()
        .find(|&at| hay[at..].starts_with(needle))
}

/// The automaton that finds `needle` (daachorse, built as the actors stage builds its automaton
/// of many surfaces, which shares the code; `None` only if it cannot be built).
fn long_needle(needle: &str) -> Option<daachorse::DoubleArrayAhoCorasick<u32>> {
    let patterns = vec![needle];
    daachorse::DoubleArrayAhoCorasickBuilder::new()
        .use_prefilter(false)
        .build::<_, _, u32>(&patterns)
        .ok()
}

/// The places of `needle` in `hay`, left to right and not overlapping, as
/// `hay.match_indices(needle)` gives them (their byte offsets; [`find_str`]).
pub fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let at = find_str(hay, needle, from?)?;
        // An empty needle is found at every character boundary.
        from = if needle.is_empty() {
            (at < hay.len()).then(|| next_char(hay.as_bytes(), at + 1))
        } else {
            Some(at + needle.len())
        };
        Some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_long_needles_as_the_standard_library_does() {
        let long = "ab".repeat(20);
        let hays = [
            "ab".repeat(50),
            format!("x{long}y{long}"),
            "मोदी ".repeat(30),
            "a".repeat(100),
        ];
        let needles = [
            long.clone(),
            format!("{long}a"),
            "मोदी ".repeat(8),
            "a".repeat(40),
        ];
        for hay in &hays {
            for needle in &needles {
                assert!(
                    needle.len() > SHORT_NEEDLE,
                    "the test's needles should be long"
                );
                for from in [0, 1, 3, hay.len() / 2, hay.len()] {
                    if hay.is_char_boundary(from) {
                        assert_eq!(
                            find_str(hay, needle, from),
                            hay[from..].find(needle.as_str()).map(|at| at + from),
                            "should find {needle:?} in {hay:?} from {from} where str::find does"
                        );
                    }
                }
                assert_eq!(
                    rfind_str(hay, needle),
                    hay.rfind(needle.as_str()),
                    "should find {needle:?} in {hay:?} last where str::rfind does"
                );
                assert_eq!(
                    match_starts(hay, needle).collect::<Vec<_>>(),
                    hay.match_indices(needle.as_str())
                        .map(|(at, _)| at)
                        .collect::<Vec<_>>(),
                    "should give the places of {needle:?} in {hay:?} as match_indices does"
                );
            }
        }
    }

    #[test]
    fn finds_strings_as_the_standard_library_does() {
        let hays = [
            "",
            "a",
            "aaa",
            "abcabc",
            "मोदी ने कहा, मोदी",
            "a\u{0900}b",
            "x & y & z",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "abc",
            "c",
            "मोदी",
            "ने",
            "\u{0900}",
            " & ",
            "zz",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    find_str(hay, needle, 0),
                    hay.find(needle),
                    "should find {needle:?} in {hay:?} first where str::find does"
                );
                assert_eq!(
                    rfind_str(hay, needle),
                    hay.rfind(needle),
                    "should find {needle:?} in {hay:?} last where str::rfind does"
                );
                assert_eq!(
                    match_starts(hay, needle).collect::<Vec<_>>(),
                    hay.match_indices(needle)
                        .map(|(at, _)| at)
                        .collect::<Vec<_>>(),
                    "should give the places of {needle:?} in {hay:?} as match_indices does"
                );
                assert_eq!(
                    (
                        hay.first_is(char::is_alphabetic),
                        hay.last_is(char::is_alphabetic)
                    ),
                    (
                        hay.starts_with(char::is_alphabetic),
                        hay.ends_with(char::is_alphabetic)
                    ),
                    "should test the first and last characters of {hay:?} as str does"
                );
                assert_eq!(
                    (
                        hay.trim_where(char::is_alphabetic),
                        hay.trim_start_where(char::is_alphabetic),
                        hay.trim_end_where(char::is_alphabetic)
                    ),
                    (
                        hay.trim_matches(char::is_alphabetic),
                        hay.trim_start_matches(char::is_alphabetic),
                        hay.trim_end_matches(char::is_alphabetic)
                    ),
                    "should trim {hay:?} as str does"
                );
                for c in needle.chars() {
                    assert_eq!(
                        hay.contains_char(c),
                        hay.contains(c),
                        "should tell whether {hay:?} has {c:?} as str::contains does"
                    );
                }
                assert_eq!(
                    after_last(hay, |c| c == ' ' || c == 'b' || c == 'ी'),
                    hay.rsplit([' ', 'b', 'ी']).next().unwrap(),
                    "should give what follows the last split in {hay:?} as rsplit does"
                );
                assert_eq!(
                    replace_str(hay, needle, "<>"),
                    hay.replace(needle, "<>"),
                    "should replace {needle:?} in {hay:?} as str::replace does"
                );
            }
        }
    }

    #[test]
    fn counts_ascii_letters_as_one_byte_at_a_time_does() {
        for b in 0u8..0x80 {
            assert_eq!(
                ascii_letters(u64::from_le_bytes([b; 8])),
                if b.is_ascii_alphabetic() { 8 } else { 0 },
                "should count {b:#x} eight times or never"
            );
        }
        let text = b"Tass [Z`z{] @Putin, 2024: ok?";
        for at in 0..text.len() - 8 {
            let w = eight(text, at).expect("eight bytes");
            assert_eq!(
                ascii_letters(w),
                text[at..at + 8]
                    .iter()
                    .filter(|b| b.is_ascii_alphabetic())
                    .count(),
                "should count the letters of {:?}",
                std::str::from_utf8(&text[at..at + 8])
            );
            assert_eq!(
                final_marks(w) != 0,
                text[at..at + 8]
                    .iter()
                    .any(|b| matches!(b, b'.' | b'?' | b'!')),
                "should see a final mark in {:?} or none",
                std::str::from_utf8(&text[at..at + 8])
            );
        }
    }

    #[test]
    fn flags_every_byte_it_is_asked_for() {
        // Words of bytes from a simple generator, with the bytes asked for and their neighbours.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let special = [
            0, 1, 0x0D, 0x0E, 0x21, 0x2E, 0x7F, 0x80, 0xA4, 0xA5, 0xE0, 0xE2, 0xFF,
        ];
        for k in 0..20_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let mut b = seed.to_le_bytes();
            if k % 2 == 0 {
                for (j, x) in b.iter_mut().enumerate() {
                    *x = special[(usize::from(*x) + j) % special.len()];
                }
            }
            let w = u64::from_le_bytes(b);
            for n in [1u8, 0x0E, 0x2F, 0x7F] {
                let flags = bytes_below(w, n).to_le_bytes();
                for (x, f) in b.iter().zip(flags) {
                    assert!(
                        *x >= n || f == 0x80,
                        "should flag {x:#x} below {n:#x} in {b:x?}"
                    );
                }
                assert_eq!(
                    bytes_below(w, n) != 0,
                    b.iter().any(|&x| x < n),
                    "{b:x?} below {n:#x}"
                );
            }
            let leads = lead_bytes(w).to_le_bytes();
            for (x, f) in b.iter().zip(leads) {
                assert_eq!(
                    f == 0x80,
                    *x >= 0xC0,
                    "should flag {x:#x} as a lead byte or not"
                );
            }
            for want in special {
                let exact = bytes_exactly(w, want).to_le_bytes();
                for (x, f) in b.iter().zip(exact) {
                    assert_eq!(
                        f == 0x80,
                        *x == want,
                        "should flag {x:#x} as {want:#x} or not"
                    );
                }
                let flags = bytes_equal(w, want).to_le_bytes();
                for (x, f) in b.iter().zip(flags) {
                    assert!(*x != want || f == 0x80, "should flag {x:#x} in {b:x?}");
                }
                assert_eq!(
                    bytes_equal(w, want) != 0,
                    b.contains(&want),
                    "{b:x?} has {want:#x}"
                );
            }
        }
    }
}
