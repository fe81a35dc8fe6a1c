//! Structure: finds what the article is made of — kicker, title, standfirst, dateline, sections
//! of sub-heading and paragraphs, sentences, read-also and promo lines — in the normalised text,
//! as byte ranges of it, in one linear pass of a few steps, each in its own module:
//!
//! 1. [`blocks`] cuts the text into blocks: lines (any line break), broken lines joined, glued
//!    paragraphs ("है.अगला") cut apart;
//! 2. [`related`] cuts read-also links and promos out of each block, also when they are glued to
//!    a paragraph;
//! 3. [`headline`] finds the title, its kicker and the standfirst among the first blocks;
//! 4. [`classify`] tells sub-headings, dateline lines, link boxes and paragraphs apart, from
//!    their [`shape`] and their neighbours ([`topic`]);
//! 5. sections are built: a dateline line joins the paragraph after it, the dateline that opens
//!    the body ([`dateline`]) is exposed and stays inside the first paragraph, paragraphs are cut
//!    into [`sentences`], repeated paragraphs are marked ([`duplicates`]), and each paragraph and
//!    the body get a language ([`crate::lang`]).
//!
//! Language knowledge (read-also phrases, agencies, captions, abbreviations, function words) is
//! data in `data/structure/`, loaded by [`markers`].

pub mod blocks;
pub mod classify;
pub mod dateline;
pub mod duplicates;
pub mod headline;
pub mod markers;
pub mod related;
pub mod sentences;
pub mod shape;
pub mod topic;

use crate::doc::{ParagraphDraft, Range, SectionDraft, Structure};
use crate::lang::Letters;
use crate::options::Options;

use classify::Role;
use shape::Shape;

/// A block after read-also links were cut out: story text or a related line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub range: Range,
    pub blank_before: bool,
    /// One whole line of the input.
    pub single_line: bool,
    pub related: bool,
    /// It was cut from paragraphs that scraping glued together.
    pub glued: bool,
    pub shape: Shape,
    /// Its sentences.
    pub sentences: Vec<Range>,
}

/// The units of `text`: its blocks, with related pieces cut out.
fn units(text: &str) -> Vec<Unit> {
    let blocks = blocks::blocks_with_sentences(text);
    // A unit per block, more where related pieces are cut out.
    let mut out = Vec::with_capacity(blocks.len());
    // The pieces of one block at a time, in one Vec.
    let mut pieces = Vec::new();
    for (block, split) in blocks {
        let split = split.unwrap_or_else(|| sentences::split(text, block.range));
        pieces.clear();
        related::split_with(text, block.range, &split, &mut pieces);
        let whole = pieces.len() == 1;
        // The block's sentences go to the piece that is the whole block (in place, without a
        // Vec of their own); the other pieces are split anew.
        let mut split = Some(split);
        for (k, &piece) in pieces.iter().enumerate() {
            if piece.range.is_empty() {
                continue;
            }
            let own = if piece.range == block.range {
                split.take()
            } else {
                None
            };
            let sentences: Vec<Range> = own
                .unwrap_or_else(|| sentences::split(text, piece.range))
                .into_iter()
                .map(|s| s.range)
                .collect();
            out.push(Unit {
                range: piece.range,
                blank_before: k == 0 && block.blank_before,
                single_line: whole && block.single_line,
                related: piece.related,
                glued: block.glued,
                shape: Shape::with_sentences(piece.range.slice(text), sentences.len()),
                sentences,
            });
        }
    }
    out
}

/// Find the structure of `text` (normalised).
pub fn analyse(text: &str, options: &Options) -> Structure {
    let mut units = units(text);
    let front = headline::front(text, &units);
    let roles = classify::classify(text, &units, front.body_start);
    let mut structure = Structure {
        kicker: front.kicker,
        title: front.title,
        standfirst: front.standfirst,
        ..Structure::default()
    };

    let mut section = SectionDraft::default();
    // The letters of every paragraph: the body's language.
    let mut letters = Letters::default();
    let mut pending_dateline: Option<Range> = None;
    // Paragraphs pushed so far: the dateline belongs to the first one only.
    let mut pushed = 0usize;
    for i in front.body_start..units.len() {
        let unit = &mut units[i];
        match roles[i] {
            Role::Related => {
                pushed += flush_dateline(text, &mut pending_dateline, &mut section, &mut letters);
                structure.related.push(unit.range);
            }
            Role::Heading => {
                pushed += flush_dateline(text, &mut pending_dateline, &mut section, &mut letters);
                if section.heading.is_some() || !section.paragraphs.is_empty() {
                    structure.sections.push(std::mem::take(&mut section));
                }
                section.heading = Some(unit.range);
            }
            Role::DatelineLine => {
                // Byline, place and date lines in a row make one dateline.
                pending_dateline = Some(match pending_dateline {
                    Some(earlier) => Range::new(earlier.start, unit.range.end),
                    None => unit.range,
                });
            }
            Role::Paragraph => {
                let (paragraph, dateline) = match pending_dateline.take() {
                    Some(line) => {
                        let range = Range::new(line.start, unit.range.end);
                        (
                            paragraph(text, range, Some(line), None, &mut letters),
                            Some(line),
                        )
                    }
                    None => {
                        let dateline = dateline::leading(text, unit.range);
                        // The unit is not read again: its sentences move to the paragraph.
                        let cached = Some(std::mem::take(&mut unit.sentences));
                        (
                            paragraph(text, unit.range, dateline, cached, &mut letters),
                            dateline,
                        )
                    }
                };
                if pushed == 0 {
                    structure.dateline = dateline;
                }
                pushed += 1;
                section.paragraphs.push(paragraph);
            }
        }
    }
    flush_dateline(text, &mut pending_dateline, &mut section, &mut letters);
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        structure.sections.push(section);
    }

    let mut paragraphs: Vec<&mut ParagraphDraft> = structure
        .sections
        .iter_mut()
        .flat_map(|s| s.paragraphs.iter_mut())
        .collect();
    duplicates::mark(text, &mut paragraphs, &mut structure.notes);

    structure.lang = match options.lang.as_deref() {
        Some("hi") => "hi",
        Some("en") => "en",
        Some("ur") => "ur",
        // The letters of all paragraphs, else of the whole text.
        _ => match letters.tag() {
            "und" => crate::lang::detect(text),
            tag => tag,
        },
    };
    structure
}

/// A dateline line with no paragraph after it becomes a paragraph of its own; returns how many
/// paragraphs were added.
fn flush_dateline(
    text: &str,
    pending: &mut Option<Range>,
    section: &mut SectionDraft,
    letters: &mut Letters,
) -> usize {
    match pending.take() {
        Some(line) => {
            section
                .paragraphs
                .push(paragraph(text, line, None, None, letters));
            1
        }
        None => 0,
    }
}

/// The paragraph `range` with its sentences (`cached` when they were split already); a dateline
/// that opens it is a sentence of its own. Its letters are added to `letters` (the body's).
fn paragraph(
    text: &str,
    range: Range,
    dateline: Option<Range>,
    cached: Option<Vec<Range>>,
    letters: &mut Letters,
) -> ParagraphDraft {
    let own = Letters::of(range.slice(text));
    letters.add(own);
    if let (None, Some(cached)) = (dateline, cached) {
        return ParagraphDraft {
            range,
            sentences: cached,
            duplicate: false,
            lang: own.tag(),
        };
    }
    ParagraphDraft {
        range,
        sentences: sentences::of_paragraph(text, range, dateline),
        duplicate: false,
        lang: own.tag(),
    }
}
