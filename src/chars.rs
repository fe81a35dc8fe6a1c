//! Character classes answered quickly for ASCII and Devanagari, the scripts of nearly every
//! character read: the general Unicode tables behind `char::is_alphabetic` are slow to search.
//! The answers are the standard library's own (the Devanagari block's are taken from it once).

use std::sync::OnceLock;

/// The Devanagari block, U+0900..=U+097F: bit `c - 0x900` set when `c` is alphabetic, and when
/// it is alphanumeric.
fn devanagari() -> &'static (u128, u128) {
    static TABLE: OnceLock<(u128, u128)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (mut alphabetic, mut alphanumeric) = (0u128, 0u128);
        for (bit, c) in ('\u{0900}'..='\u{097F}').enumerate() {
            alphabetic |= u128::from(c.is_alphabetic()) << bit;
            alphanumeric |= u128::from(c.is_alphanumeric()) << bit;
        }
        (alphabetic, alphanumeric)
    })
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphabetic(),
        '\u{0900}'..='\u{097F}' => devanagari().0 >> (c as u32 - 0x900) & 1 == 1,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0900}'..='\u{097F}' => devanagari().1 >> (c as u32 - 0x900) & 1 == 1,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library() {
        for c in ('\0'..='\u{0FFF}').chain(['‘', '’', '“', '—', 'é', '中']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(is_alphabetic('क') && !is_alphanumeric('।') && is_alphanumeric('५'));
    }
}
