//! Whole numbers written out in decimal for the messages of errors and warnings, the way
//! `format!("{n}")` writes them, and without it: `core::fmt` (the formatter, its padding and
//! integer code, the Debug and Display impls) is about 4 KB of the widget module's gzip size,
//! which `scripts/snip-panics.mjs` removes only when nothing but a panic's message uses it. So
//! the code the wasm runs builds its messages from their parts with `concat` and `push_str`, and
//! numbers with these two functions.

/// `n` in decimal digits, as `n.to_string()` writes it.
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal digits to `out`.
pub fn push_decimal(out: &mut String, n: u64) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_as_to_string_does() {
        let mut n = 1u64;
        for _ in 0..20 {
            for m in [n - 1, n, n + 1, n.saturating_mul(7) / 3] {
                assert_eq!(
                    decimal(m),
                    m.to_string(),
                    "should write {m} as to_string does"
                );
            }
            n = n.saturating_mul(10);
        }
        assert_eq!(
            decimal(u64::MAX),
            u64::MAX.to_string(),
            "should write the largest u64"
        );
        let mut out = String::from("a");
        push_decimal(&mut out, 12);
        assert_eq!(out, "a12", "should append the digits");
    }
}
