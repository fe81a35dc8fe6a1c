//! Assemble: maps every range of the stages back to the input and builds the public [`Article`]:
//! spans with their text, actors sorted by salience with ids, quotes with speaker ids, warnings.

use std::borrow::Cow;

use crate::article::{Actor, Article, Paragraph, Quote, Section, Sentence, Span, Warning};
use crate::doc::{ActorDraft, Attribution, FoundQuote, Note, Range, Structure};
use crate::normalize::Normalized;

/// Everything the stages produced for one input.
pub struct Parts<'n> {
    pub normalized: &'n Normalized<'n>,
    pub structure: Structure,
    pub quotes: Vec<FoundQuote>,
    pub actors: Vec<ActorDraft>,
    pub attributions: Vec<Attribution>,
    pub salience: Vec<f32>,
    pub notes: Vec<Note>,
}

/// Build the Article for `input` from the stages' `parts`.
pub fn assemble(input: &str, parts: Parts<'_>) -> Article {
    let n = parts.normalized;
    let bounds = |r: Range| {
        let start = n.start_to_input(r.start);
        (start, n.end_to_input(r.end).max(start))
    };
    let span = |r: Range| {
        let (start, end) = bounds(r);
        Span::of(input, start, end)
    };
    let structure = &parts.structure;

    // Actors, most salient first; ties keep the order of first mention.
    let mut order: Vec<usize> = (0..parts.actors.len()).collect();
    crate::sort::by(&mut order, |&a, &b| {
        parts.salience[b]
            .total_cmp(&parts.salience[a])
            .then(a.cmp(&b))
    });
    let mut id_of = vec![String::new(); parts.actors.len()];
    for (rank, &i) in order.iter().enumerate() {
        id_of[i].push('a');
        crate::decimal::push_decimal(&mut id_of[i], rank as u64 + 1);
    }
    let mut quote_counts = vec![0u32; parts.actors.len()];
    for speaker in parts.attributions.iter().filter_map(|a| a.speaker) {
        if let Some(count) = quote_counts.get_mut(speaker) {
            *count += 1;
        }
    }
    let quotes = parts
        .quotes
        .iter()
        .zip(
            parts
                .attributions
                .iter()
                .chain(std::iter::repeat(&Attribution::default())),
        )
        .map(|(q, a)| {
            let s = span(q.range);
            Quote {
                text: s.text,
                byte_start: s.byte_start,
                byte_end: s.byte_end,
                kind: q.kind,
                speaker: a.speaker.and_then(|i| id_of.get(i).cloned()),
                speaker_mention: a.speaker_mention.map(span),
                cue: a.cue.map(span),
            }
        })
        .collect();

    // The drafts' strings move into the actors (the quotes above took copies of the ids).
    let mut drafts = parts.actors;
    let actors = order
        .iter()
        .map(|&i| {
            let draft = &mut drafts[i];
            Actor {
                id: std::mem::take(&mut id_of[i]),
                name: std::mem::take(&mut draft.name),
                canonical: draft.canonical.take().map(Cow::into_owned),
                kind: draft.kind,
                aliases: std::mem::take(&mut draft.aliases),
                mentions: draft.mentions.iter().map(|&m| span(m)).collect(),
                quote_count: quote_counts[i],
                salience: parts.salience[i],
            }
        })
        .collect();

    let sections = structure
        .sections
        .iter()
        .map(|section| Section {
            heading: section.heading.map(span),
            paragraphs: section
                .paragraphs
                .iter()
                .map(|p| Paragraph {
                    span: span(p.range),
                    sentences: p
                        .sentences
                        .iter()
                        .map(|&r| {
                            let (byte_start, byte_end) = bounds(r);
                            Sentence {
                                byte_start,
                                byte_end,
                            }
                        })
                        .collect(),
                    lang: p.lang.to_string(),
                    duplicate: p.duplicate,
                    source: None,
                })
                .collect(),
            heading_source: None,
        })
        .collect();

    let warnings = structure
        .notes
        .iter()
        .chain(parts.notes.iter())
        .map(|note| {
            let (byte_start, byte_end) = bounds(note.range);
            Warning {
                code: note.code.to_string(),
                message: note.message.clone(),
                byte_start,
                byte_end,
            }
        })
        .collect();

    Article {
        lang: structure.lang.to_string(),
        title: structure.title.map(span),
        kicker: structure.kicker.map(span),
        standfirst: structure.standfirst.map(span),
        dateline: structure.dateline.map(span),
        sections,
        related: structure.related.iter().map(|&r| span(r)).collect(),
        quotes,
        actors,
        warnings,
        text: None,
        byline: None,
        published: None,
    }
}
