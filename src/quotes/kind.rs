//! Kinds: tells a direct quote (a quoted utterance) from a partial one (a fragment woven into a
//! reported sentence), and both from quoted names, titles, terms, slogans and scare quotes.
//! Word lists: `data/quotes/not-quotes.tsv`; only 600 bytes on each side of a quote are read.
//!
//! The rules, in order:
//! - a phrase right after a title noun ("फिल्म ‘…’", "the book “…”") or right before a name word
//!   ("‘…’ शीर्षक से", "‘…’ नामक", and for non-sentences a title noun: "‘…’ कार्यक्रम") is a
//!   title: dropped;
//! - one or two words are a term, name or scare quote unless a speech verb and a comma or colon
//!   introduce them ("उन्होंने कहा, ‘हां’") or, opening a sentence, a comma and a speech verb
//!   follow them ("“Safety,” said Grimm"), and always right after a verb that names ("what lawmakers called
//!   “fraud”"): dropped;
//! - a short phrase that acts as a source ("‘…’ के मुताबिक", "‘द …’ ने"), reads as a title (all
//!   English words capitalised, or starting with Hindi "द") or ends in a kind of named thing
//!   ("‘स्वच्छ भारत अभियान’") is a name: dropped;
//! - a quoted heading or headline that stands alone must read as an utterance (a verb, negation
//!   or a first or second person pronoun), or it is a label: dropped;
//! - what remains is direct when it is a sentence (it ends with sentence punctuation), starts a
//!   sentence, or is introduced by a comma or colon or followed by one;
//! - otherwise it is partial if its sentence reports speech (a speech verb or cue phrase) or it is
//!   longer than four words; a short fragment in a sentence without speech is a coined term or a
//!   scare quote: dropped.

use super::cues::{not_quotes, words, Lexicon, Word};
use super::Quoted;
use crate::article::QuoteKind;
use crate::doc::{Range, Region, Role};

/// How many bytes on each side of a quote are read.
const WINDOW: usize = 600;

/// The nearest character boundary at or before `at`.
fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The quote with the text around it that [`classify`] reads: only the neighbourhood of the
/// quote matters; bounding it keeps long glued paragraphs with many quotes linear.
fn neighbourhood(text: &str, regions: &[Region], q: &Quoted) -> Range {
    let open_at = q.open.map_or(q.range.start, |o| o.start);
    let close_at = q.close.map_or(q.range.end, |c| c.end);
    let first = regions[q.first_region].range;
    let last = regions[q.last_region].range;
    Range::new(
        char_floor(text, first.start.max(open_at.saturating_sub(WINDOW))),
        char_floor(text, last.end.min(close_at + WINDOW)).max(close_at),
    )
}

/// The words of the region that the last quote classified lay in: a paragraph whose quotes'
/// neighbourhoods together are longer than it is read into words once, not once for each quote.
pub struct RegionWords<'t> {
    /// Per region: reading it whole is less work than reading its quotes' neighbourhoods.
    whole: Vec<bool>,
    region: Option<usize>,
    words: Vec<Word<'t>>,
}

impl<'t> RegionWords<'t> {
    /// Ready for the quotes `quoted` of `regions`.
    pub fn new(text: &str, regions: &[Region], quoted: &[Quoted]) -> Self {
        let mut read = vec![0usize; regions.len()];
        for q in quoted.iter().filter(|q| q.first_region == q.last_region) {
            read[q.first_region] += neighbourhood(text, regions, q).len();
        }
        let whole = read
            .iter()
            .zip(regions)
            .map(|(&n, region)| n > region.range.len())
            .collect();
        RegionWords {
            whole,
            region: None,
            words: Vec::new(),
        }
    }

    /// Reads region `ri` of `regions` into words, when worth it, unless it is the one already
    /// read.
    fn load(&mut self, text: &'t str, regions: &[Region], ri: usize) {
        if self.whole[ri] && self.region != Some(ri) {
            self.words = words(text, regions[ri].range);
            self.region = Some(ri);
        }
    }

    /// The words of `text[range]` inside region `ri` (loaded), as [`words`] finds them: a slice
    /// of the region's words when `range` lies in the region and no word crosses its ends.
    fn part(&self, regions: &[Region], ri: usize, range: Range) -> Option<&[Word<'t>]> {
        let region = regions[ri].range;
        if self.region != Some(ri) || range.start < region.start || range.end > region.end {
            return None;
        }
        let lo = self.words.partition_point(|w| w.range.end <= range.start);
        let hi = self.words.partition_point(|w| w.range.start < range.end);
        let part = &self.words[lo..hi.max(lo)];
        let crosses = part.first().is_some_and(|w| w.range.start < range.start)
            || part.last().is_some_and(|w| w.range.end > range.end);
        (!crosses).then_some(part)
    }
}

/// The words of `text[range]`: `cached` when there, else read into `owned`.
fn words_in<'w, 't>(
    cached: Option<&'w [Word<'t>]>,
    owned: &'w mut Vec<Word<'t>>,
    text: &'t str,
    range: Range,
) -> &'w [Word<'t>] {
    match cached {
        Some(part) => part,
        None => {
            *owned = words(text, range);
            owned
        }
    }
}

/// The kind of the quoted passage `q`, or `None` when it is not a quote. `cache` keeps the
/// words of the last region read.
pub fn classify<'t>(
    text: &'t str,
    regions: &[Region],
    q: &Quoted,
    cache: &mut RegionWords<'t>,
) -> Option<QuoteKind> {
    let list = not_quotes();
    let first = &regions[q.first_region];
    let open_at = q.open.map_or(q.range.start, |o| o.start);
    let close_at = q.close.map_or(q.range.end, |c| c.end);
    let Range {
        start: before_start,
        end: after_end,
    } = neighbourhood(text, regions, q);
    let before = Range::new(before_start, open_at).slice(text).trim_end();
    let after = Range::new(close_at, after_end).slice(text).trim_start();
    let content = q.range.slice(text);
    let single = q.first_region == q.last_region;
    if single {
        cache.load(text, regions, q.first_region);
    }
    let cache = &*cache;
    let cached = |range: Range| {
        single
            .then(|| cache.part(regions, q.first_region, range))
            .flatten()
    };
    let (inner_range, before_range, after_range) = (
        q.range,
        Range::new(before_start, open_at),
        Range::new(close_at, after_end),
    );
    let (mut own_inner, mut own_before, mut own_after) = (Vec::new(), Vec::new(), Vec::new());
    let inner = words_in(cached(inner_range), &mut own_inner, text, inner_range);
    let before_words = words_in(cached(before_range), &mut own_before, text, before_range);
    let after_words = words_in(cached(after_range), &mut own_after, text, after_range);

    let sentence = is_sentence(content);
    let introduced = before.ends_with([',', ':', '-', '–', '—'])
        || before_words
            .last()
            .is_some_and(|w| super::cues::cues().has("verb", &w.lower))
            && before.ends_with(|c: char| super::cues::is_word_char(c));
    let followed = after.starts_with([',', '-', '–', '—']);

    if title_before(list, before_words, before) || title_after(list, after_words, after, sentence) {
        return None;
    }
    let tokens = content
        .split_whitespace()
        .filter(|t| t.chars().any(super::cues::is_word_char))
        .count();
    // "what lawmakers called “fraud”", "has been labeled “top secret”": a verb that names
    // introduces a term, not speech, unless a person is its subject ("what he called “a
    // disgrace”", "Trump called “sad”": their words).
    let named = before.ends_with(super::cues::is_word_char)
        && before_words.len() >= 2
        && list.has("naming", &before_words[before_words.len() - 1].lower)
        && !before_words[before_words.len() - 2]
            .text
            .starts_with(char::is_uppercase)
        && !super::cues::cues().has("pronoun", &before_words[before_words.len() - 2].lower);
    // "“Safety,” said Grimm.", "… the “woman card,” Fiorina said": a word or two that a speech
    // verb right after attributes. Inside a sentence the verb needs its subject first ("a star
    // of “Scandal,” thanked Obama" is a title).
    let starts_sentence = before.is_empty() || before.ends_with(['.', '।', '?', '!', '|']);
    let speech =
        |w: &Word<'_>| super::cues::cues().has("verb", &w.lower) && !list.has("naming", &w.lower);
    let skip = usize::from(!starts_sentence);
    let subject_first = starts_sentence
        || after_words.first().is_some_and(|w| {
            w.text.starts_with(char::is_uppercase) || super::cues::cues().has("pronoun", &w.lower)
        });
    let attributed = (content.ends_with(',') || followed)
        && subject_first
        && after_words.iter().take(4).skip(skip).any(speech);
    if tokens <= 2 && (!(introduced || attributed) || named) {
        return None;
    }
    let in_body = first.role == Role::Paragraph;
    if (!sentence || in_body)
        && !(attributed && tokens <= 2)
        && inner.len() <= 6
        && reads_as_name(list, inner, after_words, after)
    {
        return None;
    }
    let alone = before.is_empty()
        && after
            .trim_matches(|c: char| c.is_ascii_punctuation())
            .is_empty();
    if alone
        && matches!(
            first.role,
            Role::Heading | Role::Title | Role::Kicker | Role::Standfirst
        )
        && !sentence
        && !is_utterance(list, inner)
    {
        return None;
    }
    if sentence || introduced || followed || starts_sentence {
        return Some(QuoteKind::Direct);
    }
    // A fragment woven into a sentence is a partial quote only when the sentence reports speech;
    // otherwise it is a coined term or a scare quote.
    let after_at = after_end - after.len();
    let reported = has_cue(sentence_words(before_words, before, before_start, true))
        || has_cue(sentence_words(after_words, after, after_at, false));
    (reported || tokens > 4).then_some(QuoteKind::Partial)
}

/// The words hold a speech verb or cue phrase.
fn has_cue(words: &[Word<'_>]) -> bool {
    let cues = super::cues::cues();
    (0..words.len()).any(|i| {
        ["verb", "according", "saying", "noun"]
            .iter()
            .any(|kind| cues.match_at(kind, words, i).is_some())
    })
}

/// The words of the same sentence on one side of a quote: back to the last sentence end before
/// it, or on to the first one after it. `side` is the text on that side, starting at byte `at`.
fn sentence_words<'w, 't>(
    words: &'w [Word<'t>],
    side: &str,
    at: usize,
    before: bool,
) -> &'w [Word<'t>] {
    let ends = ['.', '।', '?', '!'];
    if before {
        match side.rfind(ends) {
            Some(cut) => {
                let keep = words.iter().position(|w| w.range.start > at + cut);
                &words[keep.unwrap_or(words.len())..]
            }
            None => words,
        }
    } else {
        match side.find(ends) {
            Some(cut) => {
                let keep = words.iter().position(|w| w.range.end > at + cut);
                &words[..keep.unwrap_or(words.len())]
            }
            None => words,
        }
    }
}

/// The passage is a sentence: it ends with sentence punctuation or holds a sentence break.
fn is_sentence(content: &str) -> bool {
    let end = content.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c));
    end.ends_with(['.', '।', '?', '!', '…'])
        || content.contains(". ")
        || content.contains("। ")
        || content.contains("? ")
}

fn title_before(list: &Lexicon, before: &[Word<'_>], before_text: &str) -> bool {
    let adjacent = before_text.ends_with(super::cues::is_word_char);
    adjacent
        && list
            .match_before("title-before", before, before.len())
            .is_some()
}

fn title_after(list: &Lexicon, after: &[Word<'_>], after_text: &str, sentence: bool) -> bool {
    let adjacent = after_text.starts_with(super::cues::is_word_char);
    // "‘…’ शीर्षक से", and a title noun after a name that is not a sentence: "‘मन की बात’
    // कार्यक्रम" (but "“… हैं.”अखबार के इस बयान" is a quote glued to the next sentence).
    adjacent
        && (list.match_at("title-after", after, 0).is_some()
            || !sentence
                && after
                    .first()
                    .is_some_and(|w| list.has("title-before", &w.lower)))
}

/// A short phrase that is the name of something: the subject or source of the sentence ("‘…’ ने",
/// "‘…’ के मुताबिक"), a Hindi title that starts with "द", or English words all in capitals.
fn reads_as_name(list: &Lexicon, inner: &[Word<'_>], after: &[Word<'_>], after_text: &str) -> bool {
    let adjacent = after_text.starts_with(super::cues::is_word_char);
    if adjacent && list.match_at("source-after", after, 0).is_some() {
        return true;
    }
    if inner
        .first()
        .is_some_and(|w| list.has("title-start", &w.lower))
    {
        return true;
    }
    // "‘स्वच्छ भारत अभियान’", "“Make America Great Again campaign”": the last word says what
    // kind of named thing it is.
    if inner.len() >= 2
        && inner.last().is_some_and(|w| {
            list.has("title-before", &w.lower)
                || crate::quotes::cues::speakers().has("organisation", &w.lower)
        })
    {
        return true;
    }
    let small = [
        "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with",
    ];
    let latin = inner.iter().all(|w| {
        w.text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    });
    latin
        && inner.iter().any(|w| !small.contains(&w.lower.as_ref()))
        && inner.iter().all(|w| {
            small.contains(&w.lower.as_ref())
                || w.text.chars().next().is_some_and(|c| !c.is_lowercase())
        })
}

/// A quoted heading reads as something said: it has a verb, negation or a personal pronoun.
fn is_utterance(list: &Lexicon, inner: &[Word<'_>]) -> bool {
    inner.iter().any(|w| {
        list.has("utterance", &w.lower)
            || list
                .forms("utterance-suffix")
                .iter()
                .any(|s| w.lower.ends_with(s[0]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Role;

    /// A part of a region's words, when given, is what reading the part alone finds: at every
    /// pair of character boundaries, including cuts inside "U.S", "don't" and Devanagari words.
    #[test]
    fn region_parts_read_as_alone() {
        let text = "He said: “U.S.A's don't” — उन्होंने कहा, ‘हाँ’. Mr. O'Neil 3.5";
        let whole = Range::new(0, text.len());
        let regions = [Region {
            role: Role::Paragraph,
            range: whole,
            sentences: std::slice::from_ref(&whole),
        }];
        let mut cache = RegionWords {
            whole: vec![true],
            region: None,
            words: Vec::new(),
        };
        cache.load(text, &regions, 0);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut sliced = 0;
        for (k, &start) in cuts.iter().enumerate() {
            for &end in &cuts[k..] {
                let range = Range::new(start, end);
                if let Some(part) = cache.part(&regions, 0, range) {
                    assert_eq!(part, &words(text, range)[..], "{start}..{end}");
                    sliced += 1;
                }
            }
        }
        assert!(sliced > 0);
    }
}
