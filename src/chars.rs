//! Character classes answered quickly for ASCII, Devanagari and general punctuation (curly
//! quotes, dashes), nearly every character read: the general Unicode tables behind
//! `char::is_alphabetic` are slow to search. The answers are the standard library's own (a
//! block's are taken from it by `build.rs`).

// Two blocks of 128 characters read from a table: Devanagari (U+0900..=U+097F) and General
// Punctuation (U+2000..=U+207F: curly quotes, dashes, odd spaces). `BLOCKS` holds their first
// characters and `TABLES`, per block, 128 bits for each class (alphabetic, alphanumeric,
// numeric): set when `c` is in the class, as the standard library answers (`build.rs` asks it).
include!(concat!(env!("OUT_DIR"), "/char_blocks.rs"));

/// The class of [`TABLES`] for alphabetic characters; then alphanumeric, then numeric.
const ALPHABETIC: usize = 0;
const ALPHANUMERIC: usize = 1;
const NUMERIC: usize = 2;

/// Bit `bit` of `class` in block `b` of [`TABLES`] (bytes: no 128-bit shifts, which the wasm
/// spells out at length).
#[inline]
fn in_table(b: usize, class: usize, bit: u32) -> bool {
    TABLES
        .get(b)
        .and_then(|t| t.get(class))
        .and_then(|bytes| bytes.get(bit as usize / 8))
        .is_some_and(|&byte| byte >> (bit % 8) & 1 == 1)
}

/// The block of [`BLOCKS`] that holds `c`, and `c`'s bit in it.
#[inline]
fn block(c: char) -> Option<(usize, u32)> {
    let c = c as u32;
    BLOCKS
        .iter()
        .position(|&start| (start..start + 128).contains(&c))
        .map(|b| (b, c - BLOCKS[b]))
}

/// Whether the non-ASCII `c` is in `class` of [`TABLES`], from the table when its block has one.
/// One copy out of line for the three tests: they inline only their ASCII test (each of the
/// dozens of copies of this search took a hundred bytes of wasm).
#[inline(never)]
fn in_class(c: char, class: usize) -> bool {
    match block(c) {
        Some((b, bit)) => in_table(b, class, bit),
        None if class == ALPHABETIC => c.is_alphabetic(),
        None if class == ALPHANUMERIC => c.is_alphanumeric(),
        None => c.is_numeric(),
    }
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_class(c, ALPHABETIC)
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    in_class(c, ALPHANUMERIC)
}

/// `c.is_numeric()`.
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_class(c, NUMERIC)
}

/// The character at byte `at` of `text` (a character boundary) and its length in bytes:
/// ASCII and Devanagari (E0 A4 xx, E0 A5 xx) without the general decoder. The word splitters
/// call it for every character, so it is always inlined.
#[inline(always)]
pub fn char_at(text: &str, at: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    match bytes[at] {
        b if b < 0x80 => (b as char, 1),
        0xE0 if matches!(bytes.get(at + 1), Some(0xA4 | 0xA5)) => {
            let low = u32::from(bytes[at + 1] & 1) << 6 | u32::from(bytes[at + 2] & 0x3f);
            (char::from_u32(0x900 + low).unwrap_or('\u{FFFD}'), 3)
        }
        _ => decode_at(text, at),
    }
}

/// [`char_at`] for any other character, with the general decoder: out of line, so that the
/// places that read a text character by character inline only the two quick cases.
#[inline(never)]
fn decode_at(text: &str, at: usize) -> (char, usize) {
    let c = text[at..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8())
}

/// `word` without the full stops that close it (`word.trim_end_matches('.')`), read from its
/// bytes: the name finders trim every word they look up, and the general pattern search costs
/// several times this loop.
#[inline]
pub fn trim_end_dots(word: &str) -> &str {
    let bytes = word.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    &word[..end]
}

/// `word` in ASCII lower case, written into `buffer`, when it is ASCII and fits: a word is looked
/// up in a list of lower-case words without allocating its lower case (most words asked about
/// are short). `None` when it does not fit or is not ASCII.
#[inline]
pub fn ascii_lowercase_in<'b>(word: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let out = buffer.get_mut(..word.len()).filter(|_| word.is_ascii())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether `text` holds Devanagari characters (U+0900 to U+097F). Never inlined: a loop over
/// the whole text, asked in some thirty places, where the call costs nothing beside the loop.
#[inline(never)]
pub fn has_devanagari(text: &str) -> bool {
    // U+0900..=U+097F in UTF-8 are E0 A4 xx and E0 A5 xx, and E0 only ever opens a character:
    // the bytes are searched without decoding characters: those of a text that opens with
    // Devanagari (a Hindi word) not at all, and ASCII text (an English one) a machine word at a
    // time.
    let bytes = text.as_bytes();
    matches!(bytes, [0xE0, 0xA4 | 0xA5, ..])
        || !text.is_ascii()
            && bytes
                .windows(2)
                .any(|w| w[0] == 0xE0 && matches!(w[1], 0xA4 | 0xA5))
}

/// [`ASCII_LETTERS`] of an ASCII capital letter; other letters and digits are 1.
const UPPER: u8 = 2;

/// Per byte: 0, or 1 for an ASCII letter or digit and [`UPPER`] for a capital (one load per
/// byte where the tests of three ranges would take several).
static ASCII_LETTERS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            UPPER
        } else {
            byte.is_ascii_alphanumeric() as u8
        };
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits and Devanagari letters, signs and digits (not the
/// dandas or the abbreviation sign ॰) that starts at byte `at` of `bytes` ends, and whether it
/// holds an ASCII capital: every word splitter counts these as word characters, and most
/// characters of a text are, so they are read a run at a time, from the bytes.
#[inline]
pub fn letter_run(bytes: &[u8], mut at: usize) -> (usize, bool) {
    let mut upper = false;
    while let Some(&b) = bytes.get(at) {
        let class = ASCII_LETTERS[usize::from(b)];
        if class != 0 {
            upper |= class == UPPER;
            at += 1;
            continue;
        }
        match bytes.get(at..at + 3) {
            Some([0xE0, 0xA4, _]) => at += 3,
            // Not '।', '॥' (E0 A5 A4, E0 A5 A5), '॰' (E0 A5 B0).
            Some([0xE0, 0xA5, low]) if !matches!(low, 0xA4 | 0xA5 | 0xB0) => at += 3,
            _ => break,
        }
    }
    (at, upper)
}

/// The length in bytes of the character whose UTF-8 encoding opens with `first`.
#[inline(always)]
pub const fn utf8_len(first: u8) -> usize {
    match first {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        for c in ('\0'..='\u{0FFF}')
            .chain('\u{1F00}'..='\u{20FF}')
            .chain(['中', '😀'])
        {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
        assert!(is_alphabetic('क') && !is_alphanumeric('।') && is_alphanumeric('५'));
        assert!(is_numeric('५') && is_numeric('⁴') && !is_numeric('क'));
    }

    #[test]
    fn tells_devanagari_by_its_bytes() {
        for (text, want) in [
            ("abc", false),
            ("PM मोदी", true),
            ("\u{0900}", true),
            ("\u{097F}", true),
            ("\u{0980}", false),
            ("\u{08FF}", false),
            ("😀 “x”", false),
            ("", false),
        ] {
            assert_eq!(
                has_devanagari(text),
                want,
                "should tell whether {text:?} holds U+0900..=U+097F"
            );
        }
        // ASCII is tested a machine word at a time: the character may stand anywhere in or
        // across one.
        for pad in 0..20 {
            for (c, want) in [('क', true), ('।', true), ('\u{0980}', false), ('é', false)] {
                let text = format!("{}{c}{}", "a".repeat(pad), "b".repeat(pad % 3));
                assert_eq!(
                    has_devanagari(&text),
                    want,
                    "should tell whether {text:?} holds U+0900..=U+097F after {pad} bytes"
                );
            }
        }
    }

    #[test]
    fn trims_dots_as_trim_end_matches_does() {
        for word in ["", ".", "...", "U.S.", "डॉ.", "a.b", "Jr..", "क़।."] {
            assert_eq!(
                trim_end_dots(word),
                word.trim_end_matches('.'),
                "should trim {word:?} as trim_end_matches('.') does"
            );
        }
    }

    #[test]
    fn lower_cases_ascii_words_that_fit() {
        let mut buffer = [0u8; 8];
        for word in ["", "Friday", "NASA", "already"] {
            assert_eq!(
                ascii_lowercase_in(word, &mut buffer),
                Some(word.to_ascii_lowercase().as_str()),
                "should lower-case {word:?} in the buffer"
            );
        }
        for word in ["Wednesdays", "Évian", "रूस"] {
            assert_eq!(
                ascii_lowercase_in(word, &mut buffer),
                None,
                "should leave {word:?} (too long or not ASCII) to the caller"
            );
        }
    }

    #[test]
    fn char_at_decodes_as_the_standard_library_does() {
        let text = "a क़ि।॰ “x” é😀\u{0900}\u{097F}";
        for (at, c) in text.char_indices() {
            assert_eq!(char_at(text, at), (c, c.len_utf8()), "at byte {at}");
            assert_eq!(utf8_len(text.as_bytes()[at]), c.len_utf8(), "at byte {at}");
        }
    }

    #[test]
    fn letter_runs_are_word_characters() {
        let text = "abcXYZ09 क़ि।॰ॐ५ “x” é";
        for (at, _) in text.char_indices() {
            let (end, upper) = letter_run(text.as_bytes(), at);
            let run = &text[at..end];
            let want = text[at..]
                .chars()
                .take_while(|&c| {
                    c.is_ascii_alphanumeric()
                        || ('\u{0900}'..='\u{097F}').contains(&c) && !matches!(c, '।' | '॥' | '॰')
                })
                .map(char::len_utf8)
                .sum::<usize>();
            assert_eq!(end - at, want, "should read the run at byte {at}");
            assert_eq!(
                upper,
                run.bytes().any(|b| b.is_ascii_uppercase()),
                "should tell capitals in {run:?}"
            );
        }
    }
}
