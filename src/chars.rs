//! Character classes answered quickly for ASCII, Devanagari and general punctuation (curly
//! quotes, dashes), nearly every character read: the general Unicode tables behind
//! `char::is_alphabetic` are slow to search. The answers are the standard library's own (a
//! block's are taken from it once).

use std::sync::OnceLock;

/// Two blocks of 128 characters read from a table: Devanagari (U+0900..=U+097F) and General
/// Punctuation (U+2000..=U+207F: curly quotes, dashes, odd spaces).
const BLOCKS: [u32; 2] = [0x0900, 0x2000];

/// Per block of [`BLOCKS`]: bit `c - start` set when `c` is alphabetic, and when it is
/// alphanumeric.
fn tables() -> &'static [(u128, u128); 2] {
    static TABLES: OnceLock<[(u128, u128); 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        BLOCKS.map(|start| {
            let (mut alphabetic, mut alphanumeric) = (0u128, 0u128);
            for bit in 0..128 {
                if let Some(c) = char::from_u32(start + bit) {
                    alphabetic |= u128::from(c.is_alphabetic()) << bit;
                    alphanumeric |= u128::from(c.is_alphanumeric()) << bit;
                }
            }
            (alphabetic, alphanumeric)
        })
    })
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

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match block(c) {
        Some((b, bit)) => (tables()[b].0 >> bit) & 1 == 1,
        None => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match block(c) {
        Some((b, bit)) => (tables()[b].1 >> bit) & 1 == 1,
        None => c.is_alphanumeric(),
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
        }
        assert!(is_alphabetic('क') && !is_alphanumeric('।') && is_alphanumeric('५'));
    }
}
