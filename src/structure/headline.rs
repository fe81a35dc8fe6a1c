//! Headline: the title on the first line, the kicker before it, and the standfirst after it.
//!
//! The first block is the title when it reads like a headline: one sentence of at most 40 words
//! that does not open with a word referring back ("लेकिन", "उन्होंने", "However"), does not end in
//! a function word or a comma, and does not end with a full stop or danda — unless that mark
//! closes a quotation the headline ends with ("रूस ने कहा, ”… नाकाम होगी.”") or a blank line
//! sets the block apart from a body that follows (many English feeds end headlines with a full
//! stop). Scraped bodies without a headline (the first block is running text) get no title; in
//! a text whose paragraphs were glued together without spaces (the layout of scraped BBC Hindi
//! bodies, where line breaks mark removed links, not headlines), a first line is the title only
//! when a blank line or a kicker sets it apart.
//!
//! A kicker is a short label before a colon on the title line ("Russia Supports North Korea:",
//! "कोरोना वायरस:", the breadcrumb "देश / Coronavirus Outbreak :", the place "ईटानगर:") followed by
//! a longer headline; a colon inside a quotation or between digits does not split, and a short
//! tail ("…शुरू: केजरीवाल" names a speaker) is not a headline.
//!
//! The standfirst is the block after the title when the block after it opens with a dateline
//! (the body starts there), when it is a long heading-like line right before the body, or when
//! it stands right under the title and a blank line sets it apart from the body.

use crate::doc::Range;

use super::dateline;
use super::markers::{markers, words};
use super::sentences::{is_quote, trim};
use super::shape::{opens_with_reference, Shape};
use super::Unit;

/// The most words a title has.
const TITLE_MAX_WORDS: usize = 40;
// A title's shape must have been looked at as a caption.
const _: () = assert!(TITLE_MAX_WORDS <= super::shape::CAPTION_MAX_WORDS);
/// The most words a title that ends with a full stop has.
const STOPPED_TITLE_MAX_WORDS: usize = 25;
/// From this many glued paragraph boundaries on, a text has the glued layout.
const GLUED_LAYOUT_MIN: usize = 3;
/// The most words a kicker has.
const KICKER_MAX_WORDS: usize = 6;
/// The most words a standfirst has.
const STANDFIRST_MAX_WORDS: usize = 120;

/// What the first blocks are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Front {
    pub kicker: Option<Range>,
    pub title: Option<Range>,
    pub standfirst: Option<Range>,
    /// The index of the first unit of the body.
    pub body_start: usize,
}

/// The title, kicker and standfirst among `units`, which must be story text (not related).
pub fn front(text: &str, units: &[Unit]) -> Front {
    let mut front = Front::default();
    let Some(first) = units.first().filter(|u| !u.related) else {
        return front;
    };
    if !is_title(text, first, units.get(1)) {
        return front;
    }
    // Bodies scraped with their paragraphs glued together ("है.अगला") also break lines where
    // links were removed, so there a first line is a headline only when a blank line or a
    // kicker sets it apart.
    let glued_layout = units.iter().filter(|u| u.glued).count() >= GLUED_LAYOUT_MIN;
    if glued_layout
        && !units.get(1).is_some_and(|u| u.blank_before)
        && kicker_split(text, first.range).is_none()
    {
        return front;
    }
    let line = title_range(text, first.range);
    match kicker_split(text, line) {
        Some((kicker, title)) => {
            front.kicker = Some(kicker);
            front.title = Some(title);
        }
        None => front.title = Some(line),
    }
    front.body_start = 1;
    if let Some(second) = units.get(1).filter(|u| !u.related) {
        if is_standfirst(text, second, units.get(2)) {
            front.standfirst = Some(second.range);
            front.body_start = 2;
        }
    }
    front
}

fn is_title(text: &str, unit: &Unit, next: Option<&Unit>) -> bool {
    let s = unit.range.slice(text);
    let shape = &unit.shape;
    if !unit.single_line
        || shape.words == 0
        || shape.words > TITLE_MAX_WORDS
        || opens_with_reference(s)
        || shape.ends_with_function_word
        || shape.list_item
        || shape.caption
        || matches!(s.trim_end().chars().next_back(), Some(',' | '(' | '['))
        || (dateline::may_be_line(shape.words) && dateline::is_line(s))
    {
        return false;
    }
    let Some(next) = next else {
        // A text of one block is a title only when it is a bare headline.
        return shape.heading_like();
    };
    // A blank line after a short first block sets it apart as the headline, whatever its
    // punctuation ("Virginian could make history. Again.").
    let set_apart = next.blank_before && shape.words <= STOPPED_TITLE_MAX_WORDS;
    if shape.sentences > 1 {
        return set_apart && shape.sentences <= 3;
    }
    match shape.final_mark {
        None | Some('?' | '!') => true,
        Some(_) if shape.ends_in_quote => true,
        Some(_) => set_apart,
    }
}

/// The title line without a separator some feeds end it with ("Headline; ").
fn title_range(text: &str, range: Range) -> Range {
    let s = range.slice(text);
    let kept = s.trim_end_matches(&[';', ' ', '|'][..]).len();
    if kept == 0 {
        range
    } else {
        Range::new(range.start, range.start + kept)
    }
}

/// The kicker and the title of the headline line `range`, when a label precedes a colon.
pub fn kicker_split(text: &str, range: Range) -> Option<(Range, Range)> {
    let line = range.slice(text);
    let m = markers();
    let mut quoted = false;
    let mut before = None;
    for (at, c) in line.char_indices() {
        if is_quote(c) {
            quoted = true;
        }
        if !matches!(c, ':' | '：') {
            before = Some(c);
            continue;
        }
        let after = line[at + c.len_utf8()..].chars().next();
        if before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit()) {
            before = Some(c);
            continue; // 10:30
        }
        if quoted {
            return None;
        }
        let label = &line[..at];
        let rest = &line[at + c.len_utf8()..];
        let label_words: Vec<&str> = words(label).map(|(_, w)| w).collect();
        // The rest has at least two words and as many as the label: counted only so far.
        let ok = (1..=KICKER_MAX_WORDS).contains(&label_words.len())
            && label.chars().count() <= 60
            && words(rest).nth(label_words.len().max(2) - 1).is_some()
            && !label_words.last().is_some_and(|w| m.is_function_word(w))
            && !label_words.first().is_some_and(|w| m.refers_back(w));
        if !ok {
            return None;
        }
        let kicker = trim(text, Range::new(range.start, range.start + at));
        let title = trim(text, Range::new(range.start + at + c.len_utf8(), range.end));
        return (!kicker.is_empty() && !title.is_empty()).then_some((kicker, title));
    }
    None
}

fn is_standfirst(text: &str, unit: &Unit, next: Option<&Unit>) -> bool {
    let shape: &Shape = &unit.shape;
    let s = unit.range.slice(text);
    let Some(next) = next.filter(|n| !n.related) else {
        return false;
    };
    if shape.words > STANDFIRST_MAX_WORDS
        || opens_with_reference(s)
        || (dateline::may_be_line(shape.words) && dateline::is_line(s))
        || dateline::leading(text, unit.range).is_some()
    {
        return false;
    }
    let next_text = next.range.slice(text);
    let body_opens_with_dateline = (dateline::may_be_line(next.shape.words)
        && dateline::is_line(next_text))
        || dateline::leading(text, next.range).is_some();
    let long_heading_before_body = shape.heading_like()
        && shape.words >= 10
        && shape.final_mark.is_none()
        && !next.shape.heading_like();
    // "Headline\nStandfirst\n\nBody": a line under the headline, set apart from the body.
    let set_apart = !unit.blank_before && next.blank_before && shape.sentences <= 3;
    body_opens_with_dateline || long_heading_before_body || set_apart
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Option<(&str, &str)> {
        kicker_split(line, Range::new(0, line.len())).map(|(k, t)| (k.slice(line), t.slice(line)))
    }

    #[test]
    fn splits_kickers() {
        assert_eq!(
            split("देश / Coronavirus Outbreak : दिखने लगा लॉकडाउन का असर, जिले हुए फ्री"),
            Some((
                "देश / Coronavirus Outbreak",
                "दिखने लगा लॉकडाउन का असर, जिले हुए फ्री"
            )),
            "should split a breadcrumb"
        );
        assert_eq!(
            split("ईटानगर: राज्य में तीन नए मामले सामने आए"),
            Some(("ईटानगर", "राज्य में तीन नए मामले सामने आए")),
            "should split a place kicker"
        );
        assert_eq!(
            split("मंत्री ने कहा, 'हमारा लक्ष्य: सबको टीका' और काम शुरू"),
            None,
            "should not split at a colon inside a quotation"
        );
        assert_eq!(
            split("गैर-राशन कार्ड धारकों के लिए रजिस्ट्रेशन शुरू: केजरीवाल"),
            None,
            "should not split off a speaker at the end"
        );
        assert_eq!(
            split("बैठक 10:30 बजे शुरू होगी"),
            None,
            "should not split a time"
        );
    }
}
