//! Scan: tests of eight bytes of a text at once, for the loops that look for a few rare bytes
//! (line breaks, sentence marks, quotes) and can skip the rest of the text eight bytes at a time.

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
