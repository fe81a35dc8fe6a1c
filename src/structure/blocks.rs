//! Blocks: cuts the text into the units the classifier judges — one per paragraph, heading or
//! other line of the article.
//!
//! Lines end at LF, CRLF, CR and the Unicode line and paragraph separators. Blank lines always
//! separate blocks, so blank-line layouts and one-line-per-paragraph layouts both work. A line
//! that was broken in the middle of a sentence (a removed link, a hard wrap) is joined with the
//! next one: it does not end with a sentence-final mark and it ends with a function word, a comma
//! or an opening bracket, or it already holds a sentence boundary (no heading does) and the next
//! line cannot stand alone as a heading, or the next line goes on in lower case. In a text whose
//! paragraphs were glued together without spaces in several places ([`glued_layout`]), every
//! line without a sentence-final mark runs on. Last, paragraphs that scraping glued into one
//! line without a space ("है.अगला वाक्य") are cut apart at those glued sentence boundaries.

use crate::doc::Range;

use super::markers::{markers, words};
use super::related;
use super::sentences::{self, final_mark, trim, Sentence};
use super::shape::Shape;
use crate::scan::{bytes_below, bytes_equal, eight, final_marks, is_ascii, next_char};

/// A unit of the article: a paragraph, heading or other line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub range: Range,
    /// A blank line stands before it (or it opens the text).
    pub blank_before: bool,
    /// It is one line of the input, not joined from several or cut from a glued line.
    pub single_line: bool,
    /// It was cut from paragraphs glued together without a space.
    pub glued: bool,
}

/// A non-empty line, trimmed.
#[derive(Debug, Clone, Copy)]
struct Line {
    range: Range,
    blank_before: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut blank = true;
    let mut at = 0;
    // The breaks are found in the bytes: LF, CR, VT, FF and U+2028, U+2029 (E2 80 A8, E2 80 A9);
    // no byte of another character equals one of them or E2.
    loop {
        // Eight bytes at a time while none is a control character or E2 (most of a line).
        while let Some(w) = eight(bytes, at) {
            if bytes_below(w, 0x0E) | bytes_equal(w, 0xE2) != 0 {
                break;
            }
            at = next_char(bytes, at + 8);
        }
        let len = match bytes.get(at) {
            None => 0,
            Some(b'\n' | b'\r' | 0x0B | 0x0C) => 1,
            Some(&b) if b.is_ascii() => {
                at += 1;
                continue;
            }
            Some(0xE2) if matches!(bytes.get(at + 1..at + 3), Some([0x80, 0xA8 | 0xA9])) => 3,
            Some(&b) => {
                at += crate::chars::utf8_len(b);
                continue;
            }
        };
        let line = trim(text, Range::new(start, at));
        if line.is_empty() {
            blank = true;
        } else {
            out.push(Line {
                range: line,
                blank_before: blank,
            });
            blank = false;
        }
        if len == 0 {
            break;
        }
        let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
        at += len + usize::from(crlf);
        start = at;
    }
    out
}

/// Whether `line` stops in the middle of a sentence, so that `next` carries it on.
fn broken_after(text: &str, line: Range, next: Range) -> bool {
    let s = line.slice(text);
    // A read-also link starts a block of its own, even right after a broken line.
    if final_mark(s).0.is_some() || related::start_marker(next.slice(text)).is_some() {
        return false;
    }
    let last = s.chars().next_back().unwrap_or(' ');
    if matches!(last, ',' | '(' | '[' | '“' | '‘' | '/' | '&') {
        return true;
    }
    if words(s)
        .last()
        .is_some_and(|(_, w)| markers().is_function_word(w))
    {
        return true;
    }
    let first_next = next.slice(text).chars().next().unwrap_or(' ');
    if first_next.is_lowercase() || matches!(first_next, ',' | ';' | ')' | ']') {
        return true;
    }
    // A line that holds a sentence boundary but stops without a mark ran on into the next line,
    // unless the next line can stand alone as a heading ("… -डॉ. कौर, सीएमओ" before one).
    sentences::split(text, line).len() > 1 && !Shape::of(next.slice(text)).heading_like()
}

/// From this many glued sentence boundaries on, a text has the glued layout.
const GLUED_LAYOUT_MIN: usize = 3;

/// Whether scraping glued the text's paragraphs together without spaces ("है.अगला") in several
/// places. Such bodies (BBC Hindi) also break lines where links were removed, so there every line
/// without a sentence-final mark runs on into the next.
pub fn glued_layout(text: &str) -> bool {
    let bytes = text.as_bytes();
    let devanagari = |at: usize, low: std::ops::RangeInclusive<u16>| {
        // The Devanagari character (E0 A4 xx, E0 A5 xx) at byte `at`, if its offset from
        // U+0900 is in `low`.
        match bytes.get(at..at + 3) {
            Some(&[0xE0, b @ (0xA4 | 0xA5), c]) => {
                low.contains(&(u16::from(b & 1) << 6 | u16::from(c & 0x3F)))
            }
            _ => false,
        }
    };
    let mut count = 0;
    let mut at = 0;
    // The marks '.', '?', '!' and '।' (E0 A5 A4) after a Devanagari character (the three bytes
    // before the mark) and before a Devanagari letter U+0905..=U+0939.
    while at < bytes.len() {
        // Six bytes at a time while the eight from `at` hold no '.', '?', '!' and no A5 A4 (the
        // end of '।'): a mark that opens in the six ends in the eight. Seven at a time when the
        // eight are ASCII (Latin text): a mark among the seven has no Devanagari letter after it.
        if let Some(w) = eight(bytes, at) {
            if is_ascii(w) {
                at += 7;
                continue;
            }
            let marks = final_marks(w);
            if marks | (bytes_equal(w, 0xA5) << 8 & bytes_equal(w, 0xA4)) == 0 {
                at = next_char(bytes, at + 6);
                continue;
            }
        }
        let len = match bytes[at] {
            b'.' | b'?' | b'!' => 1,
            0xE0 if bytes.get(at + 1..at + 3) == Some(&[0xA5, 0xA4]) => 3,
            b if b.is_ascii() => {
                at += 1;
                continue;
            }
            b => {
                at += crate::chars::utf8_len(b);
                continue;
            }
        };
        if at >= 3 && devanagari(at - 3, 0x00..=0x7F) && devanagari(at + len, 0x05..=0x39) {
            count += 1;
            if count >= GLUED_LAYOUT_MIN {
                return true;
            }
        }
        at += len;
    }
    false
}

/// In the glued layout: whether `line` stops without a mark and `next` is not a read-also link.
fn runs_on(text: &str, line: Range, next: Range) -> bool {
    final_mark(line.slice(text)).0.is_none() && related::start_marker(next.slice(text)).is_none()
}

/// The blocks of `text`, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    blocks_with_sentences(text)
        .into_iter()
        .map(|(block, _)| block)
        .collect()
}

/// [`blocks`] with the sentences of each block when they were split already (the blocks cut
/// from glued paragraphs have none), so that later steps need not split them again.
pub fn blocks_with_sentences(text: &str) -> Vec<(Block, Option<Vec<Sentence>>)> {
    let lines = lines(text);
    let glued = glued_layout(text);
    // A block per line at most.
    let mut joined: Vec<Block> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i];
        let mut end = first.range.end;
        let mut j = i;
        while j + 1 < lines.len()
            && !lines[j + 1].blank_before
            && (broken_after(text, lines[j].range, lines[j + 1].range)
                || (glued && runs_on(text, lines[j].range, lines[j + 1].range)))
        {
            j += 1;
            end = lines[j].range.end;
        }
        joined.push(Block {
            range: Range::new(first.range.start, end),
            blank_before: first.blank_before,
            single_line: j == i,
            glued: false,
        });
        i = j + 1;
    }
    let mut out = Vec::with_capacity(joined.len());
    for block in joined {
        let sentences = sentences::split(text, block.range);
        if !sentences.iter().any(|s| s.glued) {
            out.push((block, Some(sentences)));
            continue;
        }
        let mut start = block.range.start;
        let mut first = true;
        for (k, sentence) in sentences.iter().enumerate() {
            let last = k + 1 == sentences.len();
            if sentence.glued || last {
                let end = if last {
                    block.range.end
                } else {
                    sentence.range.end
                };
                out.push((
                    Block {
                        range: trim(text, Range::new(start, end)),
                        blank_before: first && block.blank_before,
                        single_line: false,
                        glued: true,
                    },
                    None,
                ));
                first = false;
                start = end;
            }
        }
    }
    out.retain(|(b, _)| !b.range.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text).iter().map(|b| b.range.slice(text)).collect()
    }

    #[test]
    fn reads_every_line_break() {
        assert_eq!(
            texts("एक.\r\nदो.\rतीन.\n\nचार."),
            ["एक.", "दो.", "तीन.", "चार."],
            "should split on CRLF, CR, LF and blank lines"
        );
    }

    #[test]
    fn reads_the_other_line_breaks() {
        assert_eq!(
            texts("एक.\u{2028}दो.\u{2029}तीन.\u{0B}चार.\u{0C}पांच.\r\n\r\nछह."),
            ["एक.", "दो.", "तीन.", "चार.", "पांच.", "छह."],
            "should split on the line and paragraph separators, VT and FF"
        );
    }

    #[test]
    fn tells_the_glued_layout() {
        assert!(
            glued_layout("पहला है.दूसरा है।तीसरा है?चौथा है."),
            "should see three glued boundaries"
        );
        assert!(
            !glued_layout("पहला है.दूसरा है।तीसरा है. चौथा है."),
            "should not count a boundary with a space"
        );
        assert!(
            !glued_layout("one.Two.Three.Four है.ॐ है.ॠ है.१"),
            "should count only a Devanagari character before and a letter U+0905..=U+0939 after"
        );
    }

    #[test]
    fn finds_breaks_and_marks_at_every_offset() {
        // The bytes are read six to eight at a time: a break or mark may fall anywhere in them.
        for pad in 0..20 {
            let lead = "a".repeat(pad);
            let glued = format!("{lead} पहला है.दूसरा है।तीसरा है।चौथा है.");
            assert!(
                glued_layout(&glued),
                "should see the glued boundaries after {pad} bytes"
            );
            let text = format!("{lead}x एक.\u{2028}दो — तीन.\rचार.\n\nपांच.");
            assert_eq!(
                texts(&text),
                [
                    format!("{lead}x एक."),
                    "दो — तीन.".into(),
                    "चार.".into(),
                    "पांच.".into()
                ],
                "should find every line break after {pad} bytes"
            );
        }
    }

    #[test]
    fn joins_lines_broken_mid_sentence() {
        assert_eq!(
            texts("वे मंच पर आते हैं और\nचले जाते हैं.\nThe man walked into the\nroom."),
            [
                "वे मंच पर आते हैं और\nचले जाते हैं.",
                "The man walked into the\nroom."
            ],
            "should join a line that ends in a function word"
        );
    }

    #[test]
    fn cuts_glued_paragraphs() {
        assert_eq!(
            texts("पहला पैराग्राफ है.दूसरा पैराग्राफ है."),
            ["पहला पैराग्राफ है.", "दूसरा पैराग्राफ है."],
            "should cut है.दूसरा into two blocks"
        );
    }
}
