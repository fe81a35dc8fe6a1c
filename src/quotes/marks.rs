//! Quote marks: finds the marks of one region and pairs them into quoted spans.
//!
//! Marks come in two families that pair only with their own kind: double (“ ” " « » „ and the
//! doubled forms `''`, `‘‘`, `’’`, ``` `` ```) and single (‘ ’ ' ‚). Scraped text often uses the
//! wrong glyph (an opening ” after a comma, a closing “ glued to the next sentence), so a mark's
//! role comes from where it stands as much as from its shape: a mark with text right after it
//! and nothing open opens; a mark while its family is open closes. An apostrophe between Latin
//! letters ("don't"), a mark before a decade ("the '90s"), a trailing possessive ("Reuters'")
//! with nothing open and the marks around a markup attribute's value (`id="…"`) are not marks
//! at all.

use crate::scan::{bytes_equal, eight, is_ascii};

/// Which marks pair with which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// What the glyph itself says about its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Open,
    Close,
    Neutral,
}

/// One quote mark in a region, as byte offsets of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub family: Family,
    pub shape: Shape,
    /// The character before the mark inside its region.
    pub prev: Option<char>,
    /// The character after the mark inside its region.
    pub next: Option<char>,
}

impl Mark {
    /// Text follows the mark directly: the way an opening mark stands.
    pub fn text_after(&self) -> bool {
        self.next.is_some_and(|c| !c.is_whitespace())
    }

    /// Text stands directly before the mark: the way a closing mark stands.
    pub fn text_before(&self) -> bool {
        self.prev.is_some_and(|c| !c.is_whitespace())
    }

    /// The mark clearly starts something: white space (or nothing) before, a word after.
    pub fn clear_opener(&self) -> bool {
        !self.text_before() && self.next.is_some_and(|c| c.is_alphanumeric())
    }
}

fn shape_of(c: char) -> Option<(Family, Shape)> {
    Some(match c {
        '“' | '„' | '«' => (Family::Double, Shape::Open),
        '”' | '»' => (Family::Double, Shape::Close),
        '"' => (Family::Double, Shape::Neutral),
        '‘' | '‚' | '`' => (Family::Single, Shape::Open),
        '’' => (Family::Single, Shape::Close),
        '\'' => (Family::Single, Shape::Neutral),
        _ => return None,
    })
}

fn is_latin_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && (c as u32) < 0x0250)
}

/// In [`STEP`], an ASCII letter: [`marks`] steps over ASCII from it eight bytes at a time.
const LETTER: u8 = 0x80;

/// Per byte: 0 for the bytes that every quote mark's UTF-8 form opens with (none of them
/// continues a character), [`LETTER`] for an ASCII letter, else the length of the character
/// that the byte opens, which [`marks`] steps over.
static STEP: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'"' | b'\'' | b'`' | 0xC2 | 0xE2 => 0,
            byte if byte.is_ascii_alphabetic() => LETTER,
            byte => crate::chars::utf8_len(byte) as u8,
        };
        b += 1;
    }
    table
};

/// The quote marks of `region` (a slice of the normalised text starting at byte `base`), in
/// order. Apostrophes are left out; doubled single marks become one double mark.
pub fn marks(region: &str, base: usize) -> Vec<Mark> {
    let bytes = region.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // Other characters are passed whole without decoding (a Devanagari letter in one step).
        let step = STEP[usize::from(bytes[at])];
        if step & !LETTER != 0 {
            at += usize::from(step);
            // The rest of a Devanagari word (three bytes a letter, the first E0, which no mark
            // opens with) in a loop of its own, not a table load each.
            while bytes.get(at) == Some(&0xE0) {
                at += 3;
            }
            continue;
        }
        if step == LETTER {
            // After a Latin letter (most bytes of an English text), eight bytes at a time
            // while all are ASCII and none is a mark.
            at += 1;
            while let Some(w) = eight(bytes, at) {
                let marks = bytes_equal(w, b'"') | bytes_equal(w, b'\'') | bytes_equal(w, b'`');
                if !is_ascii(w) || marks != 0 {
                    break;
                }
                at += 8;
            }
            continue;
        }
        let Some(c) = region[at..].chars().next() else {
            break;
        };
        let after = at + c.len_utf8();
        let Some((mut family, mut shape)) = shape_of(c) else {
            at = after;
            continue;
        };
        let prev = region[..at].chars().next_back();
        if c == '"' && bytes.get(after) == Some(&b'>') {
            // The end of an attribute value that began before a line break (`date="May 9\n">`).
            at = after;
            continue;
        }
        if c == '"' && prev == Some('=') {
            // `author="…"`: an attribute of markup left in scraped text, not a quote. Its value
            // runs to the next straight mark.
            at = region[after..]
                .find('"')
                .map_or(bytes.len(), |k| after + k + 1);
            continue;
        }
        let mut end = after;
        // `''`, `‘‘`, `’’` and ``` `` ``` are one double mark.
        if family == Family::Single && region[after..].starts_with(c) {
            family = Family::Double;
            end = after + c.len_utf8();
        }
        let start = at;
        let rest = &region[end..];
        let next = rest.chars().next();
        at = end;
        if family == Family::Single && is_apostrophe(prev, next, rest) {
            continue;
        }
        if family == Family::Double && c == '\'' {
            shape = Shape::Neutral;
        }
        out.push(Mark {
            start: base + start,
            end: base + end,
            family,
            shape,
            prev,
            next,
        });
    }
    out
}

/// A single mark inside or at the edge of an English word, not a quote mark. `rest` is the
/// text after the mark.
fn is_apostrophe(prev: Option<char>, next: Option<char>, rest: &str) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // don't, O'Neil, Côte d'Ivoire
    if letter(prev)
        && letter(next)
        && (prev.is_some_and(is_latin_alnum) || next.is_some_and(is_latin_alnum))
    {
        return true;
    }
    // the '90s, in '08
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if !letter(prev) && digits == 2 {
        let after = rest.chars().nth(2);
        if after.is_none_or(|c| c == 's' || !c.is_alphanumeric()) {
            return true;
        }
    }
    false
}

/// A possessive or plural apostrophe after an English word ("Reuters'", "dogs’ owners"): only
/// an apostrophe when no single quote is open.
pub fn trailing_apostrophe(mark: &Mark) -> bool {
    mark.family == Family::Single
        && mark.shape != Shape::Open
        && mark.prev.is_some_and(is_latin_alnum)
        && !mark.next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_over_every_character_but_the_marks() {
        for c in ('\0'..='\u{FFFF}').chain(['😀', '\u{10FFFF}']) {
            let mut utf8 = [0u8; 4];
            let step = STEP[usize::from(c.encode_utf8(&mut utf8).as_bytes()[0])];
            if shape_of(c).is_some() {
                assert_eq!(step, 0, "should stop at {c:?}, a quote mark");
            } else {
                assert!(
                    step == 0 || usize::from(step) == c.len_utf8() || step == LETTER,
                    "should stop at {c:?} or step over it whole"
                );
                assert_eq!(
                    step == LETTER,
                    c.is_ascii_alphabetic(),
                    "should step over ASCII from {c:?} only if it is a letter"
                );
            }
        }
    }

    #[test]
    fn finds_marks_at_every_offset_after_letters() {
        // ASCII is stepped over eight bytes at a time: a mark may stand anywhere in the eight.
        for pad in 0..20 {
            for q in ["\"", "“", "''", "``"] {
                let text = format!("{} {q}word{q} b", "a".repeat(pad));
                let starts: Vec<usize> = marks(&text, 0).iter().map(|m| m.start).collect();
                let open = pad + 1;
                let close = open + q.len() + 4;
                assert_eq!(starts, [open, close], "should find both marks of {text:?}");
            }
        }
    }
}
