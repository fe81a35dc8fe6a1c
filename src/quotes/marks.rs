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

/// The quote marks of `region` (a slice of the normalised text starting at byte `base`), in
/// order. Apostrophes are left out; doubled single marks become one double mark.
pub fn marks(region: &str, base: usize) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = region.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let Some((mut family, mut shape)) = shape_of(c) else {
            i += 1;
            continue;
        };
        if c == '"' && chars.get(i + 1).is_some_and(|&(_, n)| n == '>') {
            // The end of an attribute value that began before a line break (`date="May 9\n">`).
            i += 1;
            continue;
        }
        if c == '"' && i > 0 && chars[i - 1].1 == '=' {
            // `author="…"`: an attribute of markup left in scraped text, not a quote. Its value
            // runs to the next straight mark.
            i = chars[i + 1..]
                .iter()
                .position(|&(_, d)| d == '"')
                .map_or(chars.len(), |k| i + k + 2);
            continue;
        }
        let mut last = i;
        // `''`, `‘‘`, `’’` and ``` `` ``` are one double mark.
        if family == Family::Single {
            if let Some(&(_, d)) = chars.get(i + 1) {
                if d == c {
                    family = Family::Double;
                    last = i + 1;
                }
            }
        }
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(last + 1).map(|&(_, n)| n);
        let end = chars[last].0 + chars[last].1.len_utf8();
        i = last + 1;
        if family == Family::Single && is_apostrophe(prev, next, &chars[last + 1..]) {
            continue;
        }
        if family == Family::Double && c == '\'' {
            shape = Shape::Neutral;
        }
        out.push(Mark {
            start: base + at,
            end: base + end,
            family,
            shape,
            prev,
            next,
        });
    }
    out
}

/// A single mark inside or at the edge of an English word, not a quote mark.
fn is_apostrophe(prev: Option<char>, next: Option<char>, rest: &[(usize, char)]) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // don't, O'Neil, Côte d'Ivoire
    if letter(prev)
        && letter(next)
        && (prev.is_some_and(is_latin_alnum) || next.is_some_and(is_latin_alnum))
    {
        return true;
    }
    // the '90s, in '08
    let digits = rest.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    if !letter(prev) && digits == 2 {
        let after = rest.get(2).map(|&(_, c)| c);
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
