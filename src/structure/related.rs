//! Related lines: read-also links ("यह भी पढ़ें: …", "Read more: …"), "… यहां पढ़ें" and app or
//! social promos ("आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं") are kept out of the story.
//!
//! [`split`] cuts a block into story and related pieces. Scraping often glues a link onto a
//! paragraph: at its start ("यह भी पढ़ें- <headline> डॉ. शर्मा ने बताया कि …"), where the link's
//! headline ends before the first word that can only open a sentence (a title such as "डॉ.", a
//! pronoun subject) or else with the first sentence; or after its last sentences ("… है। यह भी
//! पढ़ें: …"), where the link runs to the end of the block. Promo sentences at the end of a block
//! go with the bracket that holds them ("(बीबीसी मॉनिटरिंग … पढ़ सकते हैं.)").
//!
//! The phrases are data: `data/structure/read_also.tsv`.

use crate::doc::Range;
use crate::scan::TextExt;

use super::markers::{fold, is_not_word_char, is_word_char, markers, words, Abbreviation, Opener};
use super::sentences::{self, trim, Sentence};

/// The most words a promo sentence or an end-marked link line has.
const PROMO_MAX_WORDS: usize = 40;

/// A piece of a block: story text or a related line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub range: Range,
    pub related: bool,
}

/// Whether `phrase` (a marker key) matches `text` at its start, ignoring case and runs of space;
/// returns the byte length matched.
fn match_start(text: &str, phrase: &str) -> Option<usize> {
    let mut t = text.char_indices().peekable();
    for pc in phrase.chars() {
        if pc == ' ' {
            // one or more spaces in the text
            let mut any = false;
            while t.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
                t.next();
                any = true;
            }
            if !any {
                return None;
            }
            continue;
        }
        let (_, tc) = t.next()?;
        if !crate::unicode::lower(tc).eq(std::iter::once(pc)) && tc != pc {
            return None;
        }
    }
    let end = t.peek().map_or(text.len(), |&(at, _)| at);
    // The marker must end at a word boundary: "पढ़ें:" yes, "पढ़ेंगे" no.
    let last_is_word = phrase.chars().next_back().is_some_and(is_word_char);
    if last_is_word && text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some(end)
}

/// Where the text opens with a read-also marker (after bullets or brackets): the marker's end.
pub fn start_marker(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start_where(is_not_word_char).len();
    let rest = &text[lead..];
    let first = crate::unicode::lower(rest.chars().next()?).next()?;
    markers()
        .starts_by_char
        .get(&first)?
        .iter()
        .find_map(|phrase| match_start(rest, phrase))
        .map(|end| lead + end)
}

/// Whether the text closes with an end marker ("… यहां पढ़ें").
fn end_marker(text: &str) -> bool {
    let trimmed = text.trim_end_where(is_not_word_char);
    // The folded tail ends with the lower case of the last character (a word character, never
    // white space): a marker that ends otherwise cannot match, and most blocks end with a
    // character no end marker ends with, told without folding the tail.
    let last = trimmed
        .chars()
        .next_back()
        .and_then(|c| crate::unicode::lower(c).last());
    let may_end = |phrase: &str| phrase.chars().next_back().is_none_or(|p| Some(p) == last);
    if !markers().ends.iter().any(|phrase| may_end(phrase)) {
        return false;
    }
    end_marker_in_tail(trimmed)
}

/// [`end_marker`] without the test of the last character: folds the tail of `trimmed` (the
/// text without its closing non-word characters) and compares.
fn end_marker_in_tail(trimmed: &str) -> bool {
    // End markers are short: only the tail of the block matters.
    let mut from = trimmed.len().saturating_sub(80);
    while !trimmed.is_char_boundary(from) {
        from += 1;
    }
    let k = fold(&trimmed[from..]);
    markers().ends.iter().any(|phrase| k.ends_with(&**phrase))
}

/// Whether the text holds a promo phrase.
pub fn has_promo(text: &str) -> bool {
    markers().promos.in_folded(text)
}

/// The story and related pieces of the block `range`, in order, covering it.
pub fn split(text: &str, range: Range) -> Vec<Piece> {
    let mut out = Vec::new();
    split_with(text, range, &sentences::split(text, range), &mut out);
    out
}

/// [`split`] when the sentences of `range` are known already, added to `out` (a caller that
/// splits many blocks reuses one Vec).
pub fn split_with(text: &str, range: Range, sentences: &[Sentence], out: &mut Vec<Piece>) {
    let block = range.slice(text);
    let Some(marker_end) = start_marker(block) else {
        return split_tail(text, range, sentences, out);
    };
    // A link that opens the block: its headline, then maybe a glued paragraph.
    let marker_end = range.start + marker_end;
    // The sentence the marker stands in; the link ends inside it.
    let holder = sentences
        .iter()
        .position(|s| s.range.end >= marker_end)
        .unwrap_or(sentences.len().saturating_sub(1));
    let link_end = if holder + 1 >= sentences.len() {
        range.end
    } else {
        headline_end(text, Range::new(marker_end, sentences[holder].range.end))
    };
    out.push(Piece {
        range: trim(text, Range::new(range.start, link_end)),
        related: true,
    });
    let rest = trim(text, Range::new(link_end, range.end));
    if !rest.is_empty() {
        split_tail(text, rest, &sentences::split(text, rest), out);
    }
}

/// [`split`] for a block that does not open with a link, whose sentences are `sentences`: its
/// pieces are added to `out`.
fn split_tail(text: &str, range: Range, sentences: &[Sentence], out: &mut Vec<Piece>) {
    let block = range.slice(text);
    let piece = |range: Range, related| Piece { range, related };

    // A link glued after the story text runs to the end of the block.
    if let Some(s) = sentences
        .iter()
        .skip(1)
        .find(|s| start_marker(s.range.slice(text)).is_some())
    {
        let story = trim(text, Range::new(range.start, s.range.start));
        out.push(piece(story, false));
        out.push(piece(Range::new(s.range.start, range.end), true));
        return;
    }

    // "… यहां पढ़ें" closes a short block or the last sentence.
    if end_marker(block) {
        if words(block).count() <= PROMO_MAX_WORDS || sentences.len() <= 1 {
            out.push(piece(range, true));
            return;
        }
        if let Some(last) = sentences.last() {
            let story = trim(text, Range::new(range.start, last.range.start));
            out.push(piece(story, false));
            out.push(piece(last.range, true));
            return;
        }
    }

    // Promo sentences at the end, with the bracket around them.
    let mut first_promo = sentences.len();
    while first_promo > 0 {
        let s = sentences[first_promo - 1].range.slice(text);
        if has_promo(s) && words(s).count() <= PROMO_MAX_WORDS {
            first_promo -= 1;
        } else {
            break;
        }
    }
    if first_promo < sentences.len() {
        let mut start = sentences[first_promo].range.start;
        if let Some(open) = opening_bracket(block) {
            start = start.min(range.start + open);
        }
        let story = trim(text, Range::new(range.start, start));
        if !story.is_empty() {
            out.push(piece(story, false));
        }
        out.push(piece(Range::new(start, range.end), true));
        return;
    }
    out.push(piece(range, false));
}

/// Where the bracket that closes `block` opens, when the block ends with `)`.
fn opening_bracket(block: &str) -> Option<usize> {
    let trimmed = block.trim_end();
    if !trimmed.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (at, c) in trimmed.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where the headline of a link glued onto a paragraph ends, inside `range` (from after the
/// marker to the end of the first sentence): before the first word that can only open a
/// sentence, at least three words in; else at the end of the range.
fn headline_end(text: &str, range: Range) -> usize {
    let m = markers();
    let s = range.slice(text);
    for (n, (at, word)) in words(s).enumerate() {
        if n < 3 {
            continue;
        }
        let followed_by_stop = s[at + word.len()..].starts_with('.');
        let title = followed_by_stop && m.abbreviation(word) == Some(Abbreviation::Title);
        let pronoun = m.opener(word) == Some(Opener::Pronoun);
        if title || pronoun {
            // Step back over an opening quote or bracket that belongs to the new sentence.
            return range.start + at;
        }
    }
    range.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, bool)> {
        split(text, Range::new(0, text.len()))
            .into_iter()
            .map(|p| (p.range.slice(text), p.related))
            .collect()
    }

    #[test]
    fn end_marker_answers_as_folding_the_tail() {
        let texts = [
            "",
            "।",
            "पूरी खबर यहां पढ़ें",
            "पूरी खबर यहाँ   पढ़ें ।",
            "पूरी खबर यहां देखें)",
            "वे यहां हैं।",
            "Read it HERE",
            "Markets fall again.",
            "खबर यहां पढ़ेंगे",
            "İ",
            "ΣΑΣ",
        ];
        for text in texts {
            assert_eq!(
                end_marker(text),
                end_marker_in_tail(text.trim_end_where(is_not_word_char)),
                "should tell an end marker in {text:?} as folding the tail does"
            );
        }
        assert!(end_marker("पूरी खबर यहां पढ़ें"), "should find the end marker");
    }

    #[test]
    fn takes_a_read_also_line() {
        assert_eq!(
            pieces("यह भी पढ़ें: बाजार में गिरावट, निवेशक परेशान?"),
            [("यह भी पढ़ें: बाजार में गिरावट, निवेशक परेशान?", true)],
            "should take the whole line"
        );
        assert_eq!(
            pieces("Read more: Markets fall again"),
            [("Read more: Markets fall again", true)],
            "should take an English read-more line"
        );
    }

    #[test]
    fn cuts_a_link_glued_to_a_paragraph() {
        assert_eq!(
            pieces("ये भी पढ़ें- शहर में नए मामले, स्कूल बंद डॉ. वर्मा ने बताया कि जांच जारी है । मरीज ठीक हैं ।"),
            [
                ("ये भी पढ़ें- शहर में नए मामले, स्कूल बंद", true),
                ("डॉ. वर्मा ने बताया कि जांच जारी है । मरीज ठीक हैं ।", false)
            ],
            "should end the link before डॉ."
        );
        assert_eq!(
            pieces("बैठक खत्म हुई । यह भी पढ़ें: नई नीति लागू"),
            [("बैठक खत्म हुई ।", false), ("यह भी पढ़ें: नई नीति लागू", true)],
            "should cut a link glued at the end"
        );
    }

    #[test]
    fn takes_promo_brackets() {
        assert_eq!(
            pieces("(हमारी सेवा खबरें देती है. आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.)"),
            [(
                "(हमारी सेवा खबरें देती है. आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं.)",
                true
            )],
            "should take the whole bracket"
        );
    }
}
