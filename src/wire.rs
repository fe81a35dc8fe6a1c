//! The Article as JavaScript and the CLI see it: the same shape as [`crate::Article`] with every
//! offset in UTF-16 code units (`start`/`end`), so that `text.slice(start, end)` in JS is the span.
//!
//! The conversion happens once, here, at the boundary. [`Utf16Index`] answers "how many UTF-16
//! units come before byte N" in constant time per query after one linear pass over the text, and
//! is the identity on ASCII text.

use serde::Serialize;

use crate::article::{self, ActorKind, QuoteKind, Source};

/// Converts UTF-8 byte offsets of one text to UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct Utf16Index<'a> {
    text: &'a [u8],
    /// UTF-16 units before each block of [`BLOCK`] bytes; empty for ASCII text.
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

/// UTF-16 units contributed by one byte of UTF-8: one per leading byte, one more for a leading
/// byte of a four-byte sequence (a surrogate pair), none for continuation bytes.
fn units(byte: u8) -> u32 {
    match byte {
        0x00..=0x7F | 0xC0..=0xEF => 1,
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
    }
}

/// [`units`] summed over `bytes`, eight bytes at a time: of each byte only its top four bits
/// matter, so a word's continuation bytes (`10xxxxxx`) and four-byte leaders (`1111xxxx`) are
/// found by shifting the word onto itself, and counted by one multiplication (about 2
/// instructions a byte where the match is 8 to 17: the index reads every byte of the text).
fn units_in(bytes: &[u8]) -> u32 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    // The flag of each byte (its top bit, shifted to bit 0) summed into the highest byte.
    let count = |flags: u64| ((flags >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as u32;
    let mut chunks = bytes.chunks_exact(8);
    let mut sum = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Bit 7 of a byte holds bit 6 of the same byte in `w << 1` (bit 5 in `w << 2`, ...):
        // the bits carried in from the byte below never reach bit 7.
        let continuation = w & !(w << 1) & TOP;
        let four = w & (w << 1) & (w << 2) & (w << 3) & TOP;
        sum += 8 - count(continuation) + count(four);
    }
    sum + chunks.remainder().iter().map(|&b| units(b)).sum::<u32>()
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Utf16Index<'a> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return Utf16Index {
                text: bytes,
                blocks: Vec::new(),
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += units_in(chunk);
        }
        // The end of a text whose length is a multiple of BLOCK starts a block of its own.
        blocks.push(count);
        Utf16Index {
            text: bytes,
            blocks,
        }
    }

    /// The UTF-16 offset of byte offset `at` (which must be a character boundary).
    pub fn utf16(&self, at: usize) -> usize {
        if self.blocks.is_empty() {
            return at;
        }
        let block = at / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        let from = block * BLOCK;
        let upto = at.min(self.text.len());
        base as usize + units_in(&self.text[from.min(upto)..upto]) as usize
    }
}

/// A piece of the input: `text === input.slice(start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentences: Vec<Sentence>,
    pub lang: String,
    pub duplicate: bool,
    /// HTML input only: the element the paragraph came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub heading: Option<Span>,
    pub paragraphs: Vec<Paragraph>,
    /// HTML input only: the element the heading came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_mention: Option<Span>,
    pub cue: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub canonical: Option<String>,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub quote_count: u32,
    pub salience: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// The Article of the public JSON schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub lang: String,
    pub title: Option<Span>,
    pub kicker: Option<Span>,
    pub standfirst: Option<Span>,
    pub dateline: Option<Span>,
    pub sections: Vec<Section>,
    pub related: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    pub warnings: Vec<Warning>,
    /// HTML input only: the extracted plain text that every offset refers to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// HTML input only: the page's author line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<Span>,
    /// HTML input only: the page's publication time as it writes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl Article {
    /// The wire form of `article`, which was parsed from `input` (for HTML, the Article's own
    /// text, which the caller takes out first and puts into the result's `text`). Its strings
    /// move into the result: nothing is copied.
    pub fn from_article(article: article::Article, input: &str) -> Article {
        let index = Utf16Index::new(input);
        let span = |s: article::Span| Span {
            start: index.utf16(s.byte_start),
            end: index.utf16(s.byte_end),
            text: s.text,
        };
        let opt = |s: Option<article::Span>| s.map(span);
        Article {
            lang: article.lang,
            title: opt(article.title),
            kicker: opt(article.kicker),
            standfirst: opt(article.standfirst),
            dateline: opt(article.dateline),
            sections: article
                .sections
                .into_iter()
                .map(|section| Section {
                    heading: opt(section.heading),
                    paragraphs: section
                        .paragraphs
                        .into_iter()
                        .map(|p| Paragraph {
                            start: index.utf16(p.span.byte_start),
                            end: index.utf16(p.span.byte_end),
                            text: p.span.text,
                            sentences: p
                                .sentences
                                .iter()
                                .map(|s| Sentence {
                                    start: index.utf16(s.byte_start),
                                    end: index.utf16(s.byte_end),
                                })
                                .collect(),
                            lang: p.lang,
                            duplicate: p.duplicate,
                            source: p.source,
                        })
                        .collect(),
                    heading_source: section.heading_source,
                })
                .collect(),
            related: article.related.into_iter().map(span).collect(),
            quotes: article
                .quotes
                .into_iter()
                .map(|q| Quote {
                    start: index.utf16(q.byte_start),
                    end: index.utf16(q.byte_end),
                    text: q.text,
                    kind: q.kind,
                    speaker: q.speaker,
                    speaker_mention: opt(q.speaker_mention),
                    cue: opt(q.cue),
                })
                .collect(),
            actors: article
                .actors
                .into_iter()
                .map(|a| Actor {
                    id: a.id,
                    name: a.name,
                    canonical: a.canonical,
                    kind: a.kind,
                    aliases: a.aliases,
                    mentions: a.mentions.into_iter().map(span).collect(),
                    quote_count: a.quote_count,
                    salience: a.salience,
                })
                .collect(),
            warnings: article
                .warnings
                .into_iter()
                .map(|w| Warning {
                    start: index.utf16(w.byte_start),
                    end: index.utf16(w.byte_end),
                    code: w.code,
                    message: w.message,
                })
                .collect(),
            text: article.text,
            byline: opt(article.byline),
            published: article.published,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn converts_every_boundary() {
        let text = "a😀रूस\r\nb“क़”".repeat(30);
        let index = Utf16Index::new(&text);
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                index.utf16(at),
                utf16_len(&text[..at]),
                "should count UTF-16 units before byte {at}"
            );
        }
    }

    #[test]
    fn converts_the_end_of_a_text_of_whole_blocks() {
        let text = "क".repeat(BLOCK); // 3 * BLOCK bytes: the end is a block boundary
        let index = Utf16Index::new(&text);
        assert_eq!(
            index.utf16(text.len()),
            BLOCK,
            "should count every unit before the end of the text"
        );
    }

    #[test]
    fn counts_units_a_word_at_a_time_as_byte_by_byte() {
        // Every byte value at every place of a word, and every length of tail.
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev().step_by(3)).collect();
        for start in 0..16 {
            for end in (start..bytes.len()).step_by(7) {
                let slice = &bytes[start..end];
                assert_eq!(
                    units_in(slice),
                    slice.iter().map(|&b| units(b)).sum::<u32>(),
                    "should count the units of bytes {start}..{end} as units() does"
                );
            }
        }
    }

    #[test]
    fn is_identity_on_ascii() {
        let index = Utf16Index::new("plain ascii");
        assert_eq!(index.utf16(5), 5, "should not change ASCII offsets");
    }
}
