//! Scan: tests of eight bytes of a text at once, for the loops that look for a few rare bytes
//! (line breaks, sentence marks, quotes) or count common ones (Latin letters), and can step over
//! the rest of the text eight bytes at a time.

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

#[cfg(test)]
mod tests {
    use super::*;

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
