//! Datelines and bylines: the place, date, agency or reporter credit that opens a story's body.
//!
//! Two forms are found:
//! - at the start of a paragraph ([`leading`]): "नई दिल्ली, जेएनएन ।", "जागरण संवाददाता, आगरा।",
//!   "नयी दिल्ली :", "नयी दिल्ली, 23 मार्च (भाषा)", "WASHINGTON (AFP) –", "LONDON, March 3 -";
//! - as a line of its own before a paragraph ([`is_line`]): "पेइचिंग", "नई दिल्ली",
//!   "दुर्गेश नंदन झा, नई दिल्ली", "By Jane Smith".
//!
//! What counts as evidence: an agency or staff credit (`data/structure/datelines.tsv`), a known
//! dateline city (`data/structure/dateline_places.tsv`), a date, a capitalised Latin place
//! ("WASHINGTON"), or a lone word on its line. A short opening that merely has a comma or a colon
//! ("उन्होंने कहा :") is not a dateline.

use crate::doc::Range;
use crate::scan::TextExt;

use super::markers::{is_not_word_char, is_word_char, markers, words};
use super::sentences::trim;
use crate::scan::{beyond_ascii, bytes_equal, to_flagged};

/// The most words a dateline has.
const MAX_WORDS: usize = 8;
/// The most words a byline or time line has.
const BYLINE_MAX_WORDS: usize = 14;

const MONTHS: &[&str] = &[
    "जनवरी",
    "फरवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "सितम्बर",
    "अक्टूबर",
    "अक्तूबर",
    "नवंबर",
    "नवम्बर",
    "दिसंबर",
    "दिसम्बर",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The first bytes of the [`MONTHS`].
const MONTH_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < MONTHS.len() {
        table[MONTHS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// The first [`words`] of `text`, one past [`MAX_WORDS`] at most (that tells a short run from a
/// longer one), and how many there are: listed in place (a list that grew was two allocations a
/// line).
fn first_words(text: &str) -> ([&str; MAX_WORDS + 1], usize) {
    let mut listed = [""; MAX_WORDS + 1];
    let mut count = 0;
    for (slot, (_, w)) in listed.iter_mut().zip(words(text)) {
        *slot = w;
        count += 1;
    }
    (listed, count)
}

/// Whether `text` (a short run) carries evidence of a dateline or byline.
fn evidence(text: &str) -> bool {
    let (listed, count) = first_words(text);
    evidence_in(text, &listed[..count])
}

/// [`evidence`] when the [`first_words`] of `text` are known already (`all`): a line is not
/// split into words again.
fn evidence_in(text: &str, all: &[&str]) -> bool {
    let m = markers();
    if all.is_empty() || all.len() > MAX_WORDS {
        return false;
    }
    // One lookup a word: a word that rules the line out anywhere outweighs an agency.
    let mut agency = false;
    for w in all {
        match m.dateline_word(w) {
            None => return false,
            Some(credit) => agency |= credit,
        }
    }
    if agency {
        return true;
    }
    if all.iter().any(|w| {
        // Only a word that opens as some month does is keyed and compared.
        let first = w.as_bytes()[0].to_ascii_lowercase();
        MONTH_FIRST_BYTES[usize::from(first)]
            && MONTHS.contains(&super::markers::word_key(w).as_ref())
    }) {
        return true;
    }
    // A known city as the whole text or as one comma-separated part of it.
    super::markers::fold(text)
        .split(&[',', '/', '|'][..])
        .map(|part| part.trim_where(is_not_word_char))
        .any(|part| m.is_place(part))
        || all.len() <= 3
            && all.iter().all(|w| {
                w.chars().all(|c| !c.is_lowercase()) && w.chars().any(|c| c.is_uppercase())
            })
}

/// Whether a block of `words` words (as [`words`] counts them: its [`super::shape::Shape`]'s
/// count) may be a dateline or byline line: [`is_line`] holds of no longer one, so a caller that
/// knows the count skips its searches of a whole paragraph.
pub fn may_be_line(words: usize) -> bool {
    words <= BYLINE_MAX_WORDS.max(MAX_WORDS)
}

/// Whether the whole of `text` is a dateline or byline standing on its own line.
pub fn is_line(text: &str) -> bool {
    line(text, true)
}

/// [`is_line`] of a text known to be no page label ([`super::markers::Markers::label`]), as
/// the classifier knows of the lines it asks about: the label is not looked up again.
pub fn is_unlabelled_line(text: &str) -> bool {
    line(text, false)
}

/// [`is_line`], with the look-up of a page label only when `may_be_label`.
fn line(text: &str, may_be_label: bool) -> bool {
    let m = markers();
    let t = text
        .trim()
        .trim_end_matches(&['।', ':', '-', '–', '—', '|', ' '][..]);
    let (asks_or_quotes, dot) = line_marks(t);
    if t.is_empty() || asks_or_quotes {
        return false;
    }
    // A byline or time line: "By Jane Smith", "Posted By : …", "Updated: 12 Mar 2024, 10:30 IST".
    if m.opens_with_byline(t) {
        return words(t).count() <= BYLINE_MAX_WORDS && super::sentences::final_mark(t).0.is_none();
    }
    if dot {
        return false;
    }
    // One word past the most tells a dateline from a longer line.
    let (listed, count) = first_words(t);
    let all = &listed[..count];
    if all.is_empty() || all.len() > MAX_WORDS || may_be_label && m.label(t).is_some() {
        return false;
    }
    // A lone Devanagari word before a paragraph is a place ("पेइचिंग"); a lone Latin word only
    // in capitals ("WASHINGTON") or when known.
    if all.len() == 1 {
        let w = all[0];
        let devanagari = w.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c));
        return !m.is_function_word(w)
            && !m.refers_back(w)
            && !w.chars().all(crate::chars::is_numeric)
            && (devanagari || evidence_in(t, all));
    }
    evidence_in(t, all)
}

/// Whether `t` holds one of '?', '!', '"', '“', '”' (then it is no dateline line), and whether
/// it holds a '.' or '\'' (then it is a byline or none): one reading of the bytes for the seven
/// searches (no byte of another character is ASCII or opens with E2 80 9C, E2 80 9D).
fn line_marks(t: &str) -> (bool, bool) {
    let bytes = t.as_bytes();
    let mut dot = false;
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b'?' | b'!' | b'"' => return (true, dot),
            0xE2 if matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C | 0x9D])) => {
                return (true, dot)
            }
            b'.' | b'\'' => dot = true,
            _ => {}
        }
    }
    (false, dot)
}

/// The dateline that opens the paragraph `range`, if any: a byte range inside it.
pub fn leading(text: &str, range: Range) -> Option<Range> {
    let s = range.slice(text);
    // Look only at the first few words.
    let head = &s[..nth_space(s, MAX_WORDS + 4).unwrap_or(s.len())];
    let found = agency_in_brackets(head)
        .or_else(|| before_mark(head))
        .or_else(|| capitals_before_dash(head))?;
    let dateline = trim(text, Range::new(range.start, range.start + found));
    (!dateline.is_empty() && dateline.end < range.end).then_some(dateline)
}

/// Where the white space character number `n` (from 0) of `s` is, if it has that many:
/// `s.char_indices().filter(|(_, c)| c.is_whitespace()).nth(n)`, reading runs of letters (ASCII
/// and Devanagari, never white space) a run at a time.
fn nth_space(s: &str, n: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut seen = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (run_end, _) = crate::chars::letter_run(bytes, at);
        if run_end > at {
            at = run_end;
            continue;
        }
        let (c, len) = crate::chars::char_at(s, at);
        if c.is_whitespace() {
            if seen == n {
                return Some(at);
            }
            seen += 1;
        }
        at += len;
    }
    None
}

/// "नयी दिल्ली, 23 मार्च (भाषा)", "WASHINGTON (AFP) –": up to the bracket and a dash or colon
/// after it.
fn agency_in_brackets(head: &str) -> Option<usize> {
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let inside = &head[open + 1..close];
    let m = markers();
    let is_agency = words(inside).count() <= 3 && words(inside).any(|(_, w)| m.agency(w).is_some());
    if !is_agency || words(&head[..open]).count() > 5 {
        return None;
    }
    if words(&head[..open]).any(|(_, w)| m.is_function_word(w) || m.refers_back(w)) {
        return None;
    }
    Some(close + 1 + separator_len(&head[close + 1..]))
}

/// "नई दिल्ली, जेएनएन ।", "जागरण संवाददाता, आगरा।", "नयी दिल्ली :", "बीजिंग :".
fn before_mark(head: &str) -> Option<usize> {
    for (at, mark) in marks(head) {
        let before = &head[..at];
        let after = &head[at + mark.len()..];
        // A colon or hyphen between two words ("कोविड-19", "10:30") is no separator.
        if matches!(mark, ":" | "-") && !before.ends_with(' ') && !after.starts_with(' ') {
            continue;
        }
        if !evidence(before) {
            return None;
        }
        return Some(at + mark.len() + separator_len(after));
    }
    None
}

/// `head.match_indices(['।', ':', '|', '-', '–', '—'])`, read from the bytes a character at a
/// time without decoding characters.
fn marks(head: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = head.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            let from = at;
            match b {
                b':' | b'|' | b'-' => at += 1,
                b if b.is_ascii() => {
                    // Latin text eight bytes at a time, up to the first mark or byte beyond ASCII.
                    at = to_flagged(bytes, at + 1, |w| {
                        bytes_equal(w, b':')
                            | bytes_equal(w, b'|')
                            | bytes_equal(w, b'-')
                            | beyond_ascii(w)
                    });
                    continue;
                }
                // '।' is E0 A5 A4; '–' and '—' are E2 80 93 and E2 80 94.
                0xE0 | 0xE2 => {
                    at += 3;
                    let mark = match b {
                        0xE0 => bytes.get(from + 1..at) == Some(&[0xA5, 0xA4]),
                        _ => matches!(bytes.get(from + 1..at), Some([0x80, 0x93 | 0x94])),
                    };
                    if !mark {
                        continue;
                    }
                }
                _ => {
                    at += crate::chars::utf8_len(b);
                    continue;
                }
            }
            return Some((from, &head[from..at]));
        }
        None
    })
}

/// "WASHINGTON —", "NEW DELHI, March 3 -": capitals, maybe a date, then a dash.
fn capitals_before_dash(head: &str) -> Option<usize> {
    // The first word before the dash opens at the first word character of `head` (or there is
    // none): most heads do not open with three capitals and need no search for a dash.
    let start = head.find(is_word_char)?;
    let bytes = head.as_bytes();
    if !bytes
        .get(start..start + 3)
        .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase))
    {
        return None;
    }
    let at = head.find(&['—', '–', '-'][..])?;
    let before = &head[..at];
    let first = words(before).next()?.1;
    let capital = first.chars().count() >= 3 && first.chars().all(|c| c.is_ascii_uppercase());
    (capital && words(before).count() <= 5)
        .then(|| at + head[at..].chars().next().map_or(1, char::len_utf8))
}

/// The length of a dash, colon or danda (and spaces) that closes a dateline.
fn separator_len(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    let spaces = rest.len() - trimmed.len();
    match trimmed.chars().next() {
        Some(c @ ('-' | '–' | '—' | ':' | '।' | '|')) => spaces + c.len_utf8(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn marks_are_what_match_indices_finds(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just('।'), Just('॥'), Just(':'), Just('|'), Just('-'), Just('–'), Just('—'),
                    Just('‘'), Just('€'), Just('क'), Just('a'), Just(' '), Just('é'),
                    // Runs of ASCII, read eight bytes at a time.
                    Just('a'), Just('b'), Just('.'), Just('a'), Just('b'), Just('.'),
                ],
                0..40,
            )
        ) {
            let s: String = cs.into_iter().collect();
            let plain: Vec<(usize, &str)> =
                s.match_indices(['।', ':', '|', '-', '–', '—']).collect();
            prop_assert_eq!(marks(&s).collect::<Vec<_>>(), plain, "should find the marks of {:?}", s);
        }
    }

    proptest! {
        #[test]
        fn line_marks_are_what_contains_finds(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just('?'), Just('!'), Just('"'), Just('“'), Just('”'), Just('.'), Just('\''),
                    Just('‘'), Just('—'), Just('क'), Just('a'), Just(' '), Just('€'),
                ],
                0..12,
            )
        ) {
            let s: String = cs.into_iter().collect();
            let asks = ['?', '!', '"', '“', '”'].iter().any(|&c| s.contains(c));
            let dot = s.contains('.') || s.contains('\'');
            let (found_asks, found_dot) = line_marks(&s);
            prop_assert_eq!(found_asks, asks, "should find the marks of {:?}", s);
            if !asks {
                prop_assert_eq!(found_dot, dot, "should find a full stop in {:?}", s);
            }
        }
    }

    proptest! {
        #[test]
        fn nth_space_finds_what_char_indices_finds(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just('\n'), Just('\u{A0}'), Just('\u{2003}'), Just('\u{3000}'),
                    proptest::char::range('a', 'c'), Just('Z'), Just('7'), Just(','),
                    proptest::char::range('\u{0964}', '\u{0966}'), Just('क'), Just('ि'),
                    Just('—'), Just('😀'),
                ],
                0..30,
            ),
            n in 0usize..8,
        ) {
            let s: String = cs.into_iter().collect();
            let plain = s.char_indices().filter(|&(_, c)| c.is_whitespace()).nth(n).map(|(at, _)| at);
            prop_assert_eq!(nth_space(&s, n), plain, "should find white space {} of {:?}", n, s);
        }
    }

    fn lead(text: &str) -> Option<&str> {
        leading(text, Range::new(0, text.len())).map(|r| r.slice(text))
    }

    #[test]
    fn no_line_longer_than_may_be_line_allows_is_one() {
        let byline = "By Jane Smith and John Doe, Staff Writers";
        for extra in 0..12 {
            let text = format!("{byline}{}", " Delhi".repeat(extra));
            let count = words(&text).count();
            assert!(
                may_be_line(count) || !is_line(&text),
                "should not take {text:?} ({count} words) as a line"
            );
        }
        assert!(
            is_line(byline) && may_be_line(words(byline).count()),
            "should allow a byline of a few words"
        );
    }

    #[test]
    fn finds_datelines_that_open_a_paragraph() {
        assert_eq!(
            lead("नई दिल्ली, जेएनएन । सरकार ने कहा।"),
            Some("नई दिल्ली, जेएनएन ।"),
            "should take place and agency"
        );
        assert_eq!(
            lead("जागरण संवाददाता, आगरा। मठ के स्वामी ने कहा।"),
            Some("जागरण संवाददाता, आगरा।"),
            "should take a staff credit"
        );
        assert_eq!(
            lead("नयी दिल्ली : मंत्रालय ने कहा।"),
            Some("नयी दिल्ली :"),
            "should take a place before a colon"
        );
        assert_eq!(
            lead("मुंबई, चार अप्रैल (भाषा) मुंबई बंदरगाह न्यास ने कहा।"),
            Some("मुंबई, चार अप्रैल (भाषा)"),
            "should take place, date and agency in brackets"
        );
        assert_eq!(
            lead("WASHINGTON (AFP) – The president said."),
            Some("WASHINGTON (AFP) –"),
            "should take an English wire dateline"
        );
        assert_eq!(
            lead("उन्होंने कहा : हम तैयार हैं।"),
            None,
            "should not take a speaker before a colon"
        );
        assert_eq!(
            lead("कोविड-19 के मामले बढ़े।"),
            None,
            "should not take a hyphenated word"
        );
    }

    #[test]
    fn finds_datelines_on_their_own_line() {
        assert!(is_line("पेइचिंग"), "should take a lone place word");
        assert!(is_line("नई दिल्ली"), "should take a known city");
        assert!(
            is_line("दुर्गेश नंदन झा, नई दिल्ली"),
            "should take a byline with a city"
        );
        assert!(is_line("By Jane Smith"), "should take an English byline");
        assert!(
            is_line("Posted By : Sunil Verma"),
            "should take a posted-by line"
        );
        assert!(
            is_line("Updated: 12 Mar 2024, 10:30 AM IST"),
            "should take a time line"
        );
        assert!(
            !is_line("Updated rules for schools"),
            "should not take a heading that opens with Updated"
        );
        assert!(
            !is_line("रूस को किम का समर्थन"),
            "should not take a sub-heading"
        );
        assert!(
            !is_line("Background"),
            "should not take a lone English word"
        );
    }
}
