//! Shape: what a block looks like on its own — how many words, how it ends, how it opens, whether
//! it is a list item or a photo caption. The classifier combines these with the block's
//! neighbours to decide what the block is.

use crate::doc::Range;
use crate::scan::TextExt;

use super::markers::{is_word_char, list_words, markers, word_key, words};
use super::sentences::{self, final_mark, is_quote};

/// The most words a sub-heading or the headline of a further story has.
pub const HEADING_MAX_WORDS: usize = 25;
/// Blocks up to this many words are looked at closely (captions, sentences).
pub const SHORT_MAX_WORDS: usize = 120;
/// The most words a sub-heading that asks a question has.
pub const QUESTION_MAX_WORDS: usize = 15;
/// The most characters a sub-heading has.
pub const HEADING_MAX_CHARS: usize = 250;
/// The most words of a block that is looked at as a caption: only titles and sub-headings ask
/// (`headline` checks that its titles fit), and a longer block is most of a text's words.
pub const CAPTION_MAX_WORDS: usize = 40;
// A sub-heading's shape must have been looked at as a caption.
const _: () = assert!(HEADING_MAX_WORDS <= CAPTION_MAX_WORDS);

/// Features of one block of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub words: usize,
    /// It has 2 to [`HEADING_MAX_WORDS`] words and at most [`HEADING_MAX_CHARS`] characters:
    /// the size of a sub-heading (its characters are counted only for a block of such words).
    pub headline_sized: bool,
    /// The sentence-final mark it ends with, before closing quotes and brackets.
    pub final_mark: Option<char>,
    /// The final mark stands inside a closing quotation ("… होगी.”").
    pub ends_in_quote: bool,
    /// It ends with a comma, colon, dash or an opening bracket: it introduces what follows.
    pub ends_open: bool,
    /// Its last word is a postposition, conjunction or article; false for a block of more than
    /// [`CAPTION_MAX_WORDS`] words (only titles, which have fewer, and headline-sized blocks
    /// ask).
    pub ends_with_function_word: bool,
    /// Its first word refers back (a pronoun subject or a conjunction like लेकिन, However);
    /// looked up only in a `headline_sized` block, the only one `headline_body` asks about
    /// (the title and standfirst are asked with [`opens_with_reference`]).
    pub opens_with_reference: bool,
    /// It opens like a list item: "1.", "2)", "(क)", "•", "-".
    pub list_item: bool,
    /// It reads like a photo or video caption or credit ("… - फोटो : PTI"); false for a block
    /// of more than [`CAPTION_MAX_WORDS`] words.
    pub caption: bool,
    /// How many sentences it has; `usize::MAX` for a block of more than [`SHORT_MAX_WORDS`]
    /// words, which is never a heading, title or standfirst.
    pub sentences: usize,
    // The five below are looked for only in a `headline_sized` block, the only blocks
    // `headline_body` asks about them; in any other they are false.
    /// It has a comma (a question with one is running text more often than a heading).
    pub has_comma: bool,
    /// It opens with a quote mark that it does not close at its end.
    pub open_quote: bool,
    /// It holds markup or code left by scraping ("<tweet", "{", "http://").
    pub markup: bool,
    /// It opens with a speaker label of a transcript or interview ("Q:", "TAPPER:", "सवाल:").
    pub speaker_label: bool,
    /// It ends with the Hindi auxiliary verb and reports no speech: a sentence that lost its
    /// danda ("सरकार ने जांच के आदेश दिए हैं"), since headlines drop the auxiliary.
    pub ends_with_auxiliary: bool,
}

impl Shape {
    /// The shape of `text` as one block.
    pub fn of(text: &str) -> Shape {
        Shape::measure(text, None)
    }

    /// The shape of `text`, whose sentences were already counted.
    pub fn with_sentences(text: &str, sentences: usize) -> Shape {
        Shape::measure(text, Some(sentences))
    }

    fn measure(text: &str, sentences: Option<usize>) -> Shape {
        let m = markers();
        let trimmed = text.trim();
        // The words are listed only for a block that may be a caption (on the stack: there are
        // few); of a longer one only the count and the first word matter.
        let mut listed = [(0, ""); CAPTION_MAX_WORDS + 1];
        let count = list_words(trimmed, &mut listed);
        let all = &listed[..count.min(listed.len())];
        // The last word matters only to a block of those (see `ends_with_function_word`).
        let last_word = all.last().filter(|_| count <= CAPTION_MAX_WORDS);
        let (final_mark, ends_in_quote) = final_mark(trimmed);
        let last = trimmed.chars().next_back().unwrap_or(' ');
        // Sentence counts matter only for short blocks (headings, titles, standfirsts); long
        // ones skip the work.
        let short = count <= SHORT_MAX_WORDS;
        // Paragraphs, most of a text, skip the searches that read the whole block for what
        // only a headline-sized one is asked.
        let headline_sized = (2..=HEADING_MAX_WORDS).contains(&count)
            && trimmed.chars().count() <= HEADING_MAX_CHARS;
        let (has_comma, markup) = if headline_sized {
            comma_and_markup(trimmed)
        } else {
            (false, false)
        };
        Shape {
            words: count,
            headline_sized,
            final_mark,
            ends_in_quote,
            ends_open: matches!(
                last,
                ',' | ':' | ';' | '-' | '–' | '—' | '(' | '[' | '/' | '|' | '&'
            ),
            ends_with_function_word: last_word.is_some_and(|(_, w)| m.is_function_word(w)),
            opens_with_reference: headline_sized
                && all.first().is_some_and(|&(_, w)| m.refers_back(w)),
            list_item: is_list_item(trimmed),
            caption: count <= CAPTION_MAX_WORDS && is_caption(trimmed, all),
            sentences: match sentences {
                _ if !short => usize::MAX,
                Some(n) => n,
                None => sentences::split(text, Range::new(0, text.len())).len(),
            },
            has_comma,
            open_quote: headline_sized
                && trimmed.first_is(is_quote)
                && !trimmed
                    .trim_end_matches(&['.', '?', '!', '।'][..])
                    .last_is(is_quote),
            markup,
            speaker_label: headline_sized && opens_with_speaker_label(trimmed),
            ends_with_auxiliary: headline_sized
                && last_word.is_some_and(|(_, w)| m.is_auxiliary(w))
                && !trimmed.contains(&['-', '–', '—', ':', '?'][..])
                && !trimmed.contains(is_quote),
        }
    }

    /// Whether the block could be a sub-heading by its own look: short, one line of words
    /// without a sentence-final mark (a question may be a heading), not running text.
    pub fn heading_like(&self) -> bool {
        let question = self.final_mark == Some('?')
            && !self.ends_in_quote
            && !self.has_comma
            && self.words <= QUESTION_MAX_WORDS;
        (self.final_mark.is_none() || question) && self.headline_body()
    }

    /// Whether the block reads like a headline that ends in an exclamation mark, as the
    /// headlines of links to other stories often do ("… गिरे, 35 रुपये किलो हो गया दाम!").
    /// Alone this says nothing; the classifier also asks whether the block interrupts a story.
    pub fn exclaimed_headline(&self) -> bool {
        self.final_mark == Some('!') && !self.ends_in_quote && self.headline_body()
    }

    /// What every headline-like block has: few words on one sentence, not running text, not a
    /// caption, a list item, a quotation or markup.
    fn headline_body(&self) -> bool {
        self.headline_sized
            && self.sentences <= 1
            && !self.ends_open
            && !self.ends_with_function_word
            && !self.opens_with_reference
            && !self.list_item
            && !self.caption
            && !self.open_quote
            && !self.markup
            && !self.speaker_label
            && !self.ends_with_auxiliary
    }
}

/// Whether the first word of `text` refers back ([`Shape::opens_with_reference`] of a block of
/// any size).
pub fn opens_with_reference(text: &str) -> bool {
    words(text.trim())
        .next()
        .is_some_and(|(_, w)| markers().refers_back(w))
}

/// Whether `text` has a comma (',' or the Arabic '،'), and whether it holds markup or code
/// ('<', '>', '{', '}', '=', "://"): one reading of the bytes for the searches (no byte of
/// another character is ASCII, and D8 8C is '،').
fn comma_and_markup(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let (mut comma, mut markup) = (false, false);
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b',' => comma = true,
            0xD8 if bytes.get(at + 1) == Some(&0x8C) => comma = true,
            b'<' | b'>' | b'{' | b'}' | b'=' => markup = true,
            b':' if bytes.get(at + 1..at + 3) == Some(b"//") => markup = true,
            _ => {}
        }
    }
    (comma, markup)
}

/// "Q:", "A:", "TAPPER:", "सवाल:", "जवाब:" at the start of a line: a turn of a transcript.
fn opens_with_speaker_label(text: &str) -> bool {
    let Some(colon) = text.find(':') else {
        return false;
    };
    let label = text[..colon].trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 2 {
        return false;
    }
    let capitals = words.iter().all(|w| {
        w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
            && w.chars().any(char::is_uppercase)
    });
    capitals
        || matches!(
            label,
            "सवाल" | "जवाब" | "प्रश्न" | "उत्तर" | "Question" | "Answer"
        )
}

/// "1.", "12)", "(क)", "(a)", "•", "-", "*", "–" at the start of a line.
fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(
        first,
        '•' | '●'
            | '▪'
            | '◦'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '✓'
            | '✔'
            | '*'
            | '-'
            | '–'
            | '—'
            | '·'
    ) {
        return true;
    }
    if first == '(' {
        let rest = chars.as_str();
        let inner = &rest[..rest.find(')').unwrap_or(rest.len())];
        return !inner.is_empty() && inner.chars().count() <= 3 && inner.chars().all(is_word_char);
    }
    if crate::chars::is_numeric(first) {
        let mut rest = chars.skip_while(|&c| crate::chars::is_numeric(c));
        return matches!(rest.next(), Some('.' | ')' | ':'))
            && rest.next().is_none_or(char::is_whitespace);
    }
    false
}

/// A caption word followed by a colon ("फोटो : PTI"), after a dash or bar ("- फोटो"), inside
/// brackets ("(फाइल फोटो)"), alone, or a credit of several words closing the line ("… Getty
/// Images"). Captions are looked up by runs of up to three words; `all` are the words of `text`.
fn is_caption(text: &str, all: &[(usize, &str)]) -> bool {
    let m = markers();
    let mut phrase = String::new();
    let mut lower = String::new();
    for i in 0..all.len() {
        let may_start = all[i]
            .1
            .chars()
            .next()
            .is_some_and(|c| m.may_start_caption(c))
            && m.may_open_caption_word(all[i].1);
        if !may_start || !m.caption_starts.contains(key_in(all[i].1, &mut lower)) {
            continue;
        }
        phrase.clear();
        for j in i..(i + 3).min(all.len()) {
            if j > i {
                phrase.push(' ');
            }
            phrase.push_str(&word_key(all[j].1));
            if !m.captions.contains(&phrase) {
                continue;
            }
            let before = text[..all[i].0].trim_end();
            let after = text[all[j].0 + all[j].1.len()..].trim_start();
            let credit = after.starts_with(':')
                || (!before.is_empty() && before.ends_with(&['-', '–', '—', '|', '(', '['][..]))
                || (before.is_empty() && (after.is_empty() || after.starts_with(')')))
                || (after.is_empty() && j > i);
            if credit {
                return true;
            }
        }
    }
    false
}

/// [`word_key`] of `word`, lower-cased into `buffer` when it must be (many words are tried, few
/// are captions).
fn key_in<'a>(word: &'a str, buffer: &'a mut String) -> &'a str {
    if word.chars().any(crate::normalize::is_uppercase) {
        buffer.clear();
        if word.is_ascii() {
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
        } else {
            buffer.extend(word.chars().flat_map(crate::unicode::lower));
        }
        buffer
    } else {
        word
    }
}

/// Whether a quote mark or bracket wraps the whole of `text` ("'घबराने की कोई जरूरत नहीं'").
pub fn fully_quoted(text: &str) -> bool {
    let t = text.trim();
    let first = t.chars().next();
    let last = t.chars().next_back();
    t.chars().count() > 2 && first.is_some_and(is_quote) && last.is_some_and(is_quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_headings_from_sentences() {
        assert!(
            Shape::of("परमाणु कार्यक्रम पर रूस का समर्थन").heading_like(),
            "should take a short line without a final mark as heading-like"
        );
        assert!(
            !Shape::of("रूस ने समर्थन किया है.").heading_like(),
            "should not take a sentence with a full stop"
        );
        assert!(
            !Shape::of("उन्होंने कहा कि सरकार तैयार है").heading_like(),
            "should not take a line that opens with a pronoun subject"
        );
        assert!(
            !Shape::of("सरकार ने इस मामले में जांच के आदेश दे दिए हैं").heading_like(),
            "should not take a sentence that lost its danda"
        );
        assert!(
            Shape::of("मजदूरों का प्रदर्शन, कहा- हमें घर जाना है").heading_like(),
            "should take a headline that ends in reported speech"
        );
        assert!(
            !Shape::of("राजधानी में लोग सड़कों पर उतरे और").heading_like(),
            "should not take a line that ends in a conjunction"
        );
    }

    #[test]
    fn finds_commas_and_markup_as_searches_do() {
        for text in [
            "",
            "a, b",
            "रूस، भारत",
            "<tweet",
            "x = 1",
            "{a}",
            "see http://x",
            "10:30 and a:/b",
            "— “क” ‘ख’ 😀",
        ] {
            let comma = text.contains(',') || text.contains('،');
            let markup = text.contains(['<', '>', '{', '}', '=']) || text.contains("://");
            assert_eq!(
                comma_and_markup(text),
                (comma, markup),
                "should find the commas and markup of {text:?}"
            );
        }
    }

    #[test]
    fn knows_captions_and_list_items() {
        assert!(
            Shape::of("कोरोना जांच के लिए सैंपल - फोटो : PTI").caption,
            "should see a photo credit"
        );
        assert!(
            Shape::of("(फाइल फोटो)").caption,
            "should see a bracketed caption"
        );
        assert!(
            !Shape::of("फोटो खींचने पर रोक").caption,
            "should not take a heading about photos"
        );
        assert!(
            !Shape::of("Q: Do you think the law will pass?").heading_like(),
            "should not take an interview question as a heading"
        );
        assert!(
            !Shape::of("<tweet author=\"x\">Big news today").heading_like(),
            "should not take markup as a heading"
        );
        assert!(
            Shape::of("क्या स्कूल फिर से बंद होंगे?").heading_like(),
            "should take a short question as heading-like"
        );
        assert!(Shape::of("1. पहला कदम").list_item, "should see 1.");
        assert!(Shape::of("(क) पहला कदम").list_item, "should see (क)");
        assert!(
            !Shape::of("2020 में क्या हुआ").list_item,
            "should not take a year"
        );
    }
}
