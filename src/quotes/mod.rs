//! Quotes: finds quoted passages in the story's regions (kicker, title, standfirst, headings,
//! paragraphs; never read-also lines) and tells direct quotes from partial ones.
//!
//! Inputs are the normalised text, its words ([`cues::TextWords`]) and its [`Structure`]; the
//! output is one [`FoundQuote`] per quotation, in text order and never overlapping, plus warnings.
//! The rules:
//!
//! - [`marks`] finds the quote marks of every form and decides which open and which close; marks
//!   pair only within their family (double or single), so a quote nested in another stays inside
//!   it and is not reported on its own.
//! - An opening mark that never closes runs to the end of its paragraph (warning
//!   `quote-unclosed`); a lone mark that cannot open or close is ignored (warning
//!   `quote-stray-mark`).
//! - News style writes a quote of several paragraphs with no closing mark until the last
//!   paragraph and a fresh opening mark on each one. That is one quote: its range runs from the
//!   first paragraph to the last closing mark, crossing the paragraph breaks (and the repeated
//!   opening marks) between them. It never leaves its section.
//! - [`kind`] decides whether a quoted passage is a direct quote, a partial quote, or not a
//!   quote at all (a title, name, term, slogan or scare quote), which is dropped.

pub mod cues;
pub mod kind;
pub mod marks;

use crate::doc::{FoundQuote, Note, Range, Region, Role};
use cues::TextWords;
use marks::{Family, Mark, Shape};

/// A quote mark that opened and has not closed yet.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    region: usize,
}

/// A quoted passage before it is classified.
#[derive(Debug, Clone, Copy)]
pub struct Quoted {
    /// Between the marks, trimmed of white space.
    pub range: Range,
    pub open: Option<Range>,
    pub close: Option<Range>,
    /// The region the quote starts in and the one it ends in.
    pub first_region: usize,
    pub last_region: usize,
}

/// Find the quotes of `text` (normalised) in its `regions`
/// ([`crate::doc::Structure::regions`]); `words` are the words of `text` ([`TextWords`]).
pub fn find_quotes(
    text: &str,
    regions: &[Region],
    words: &TextWords<'_>,
) -> (Vec<FoundQuote>, Vec<Note>) {
    let (quoted, mut notes) = pair_marks(text, regions);
    let mut quotes = Vec::new();
    for q in quoted {
        if let Some(kind) = kind::classify(text, regions, &q, words) {
            quotes.push(FoundQuote {
                range: q.range,
                open: q.open,
                close: q.close,
                kind,
            });
        }
    }
    drop_truncated_copies(text, &mut quotes);
    crate::sort::by_key(&mut notes, |n| n.range.start);
    (quotes, notes)
}

/// Scraped pages repeat a paragraph cut short before its full copy: the cut copy's quote never
/// closes and starts with the same words as the next quote. Keep only the full one.
fn drop_truncated_copies(text: &str, quotes: &mut Vec<FoundQuote>) {
    let opening = |q: &FoundQuote| -> String {
        // Up to a line break: the cut copy may run on into the next line.
        q.range
            .slice(text)
            .split(&['\n', '\r'][..])
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(40)
            .collect()
    };
    let mut keep = vec![true; quotes.len()];
    for i in 0..quotes.len().saturating_sub(1) {
        if quotes[i].close.is_none() {
            let here = opening(&quotes[i]);
            if here.chars().count() >= 20 && opening(&quotes[i + 1]).starts_with(&here) {
                keep[i] = false;
            }
        }
    }
    let mut k = keep.iter();
    quotes.retain(|_| *k.next().unwrap_or(&true));
}

fn family_index(family: Family) -> usize {
    match family {
        Family::Double => 0,
        Family::Single => 1,
    }
}

/// Pair the marks of all regions into quoted passages, outermost only, in text order.
pub fn pair_marks(text: &str, regions: &[Region]) -> (Vec<Quoted>, Vec<Note>) {
    let mut quoted: Vec<Quoted> = Vec::new();
    let mut notes = Vec::new();
    let mut pending: [Option<Open>; 2] = [None, None];
    // The repeated opening mark of a news-style continued quote, to skip.
    let mut continued: [Option<usize>; 2] = [None, None];

    let region_marks: Vec<Vec<Mark>> = regions
        .iter()
        .map(|r| marks::marks(r.range.slice(text), r.range.start))
        .collect();

    for (ri, region) in regions.iter().enumerate() {
        // Quotes of the same family nested inside an open one ("… he called “hell” than …").
        let mut depth = [0usize; 2];
        for (mi, mark) in region_marks[ri].iter().enumerate() {
            let f = family_index(mark.family);
            if continued[f] == Some(mark.start) {
                continued[f] = None;
                continue;
            }
            match pending[f] {
                Some(open) => {
                    let opens_anew = mark.shape == Shape::Open && mark.clear_opener();
                    if depth[f] > 0 && !(mark.shape != Shape::Close && mark.clear_opener()) {
                        depth[f] -= 1;
                        continue;
                    }
                    let could_nest =
                        opens_anew || mark.shape == Shape::Neutral && mark.clear_opener();
                    if could_nest && nested(&region_marks[ri][mi + 1..], mark.family, depth[f]) {
                        depth[f] += 1;
                        continue;
                    }
                    if opens_anew {
                        // The earlier mark never closed: it ends where the new quote starts.
                        push_quoted(text, &mut quoted, open, mark.start, None, ri);
                        notes.push(unclosed_note(open.mark));
                        pending[f] = Some(Open {
                            mark: *mark,
                            region: ri,
                        });
                    } else {
                        push_quoted(
                            text,
                            &mut quoted,
                            open,
                            mark.start,
                            Some(Range::new(mark.start, mark.end)),
                            ri,
                        );
                        pending[f] = None;
                    }
                }
                None => {
                    if marks::trailing_apostrophe(mark) {
                        continue;
                    }
                    let can_open = mark.next.is_some()
                        && (mark.text_after() || mark.shape == Shape::Open || !mark.text_before());
                    let closer_shape = mark.shape == Shape::Close
                        || mark.shape == Shape::Neutral && mark.text_before();
                    let looks_closing = !mark.text_after() && closer_shape;
                    if can_open && !looks_closing {
                        pending[f] = Some(Open {
                            mark: *mark,
                            region: ri,
                        });
                    } else {
                        notes.push(Note {
                            code: "quote-stray-mark",
                            message:
                                "a quote mark that neither opens nor closes a quote was ignored"
                                    .to_string(),
                            range: Range::new(mark.start, mark.end),
                        });
                    }
                }
            }
        }
        // Quotes still open at the end of the region.
        for f in 0..2 {
            let Some(open) = pending[f] else { continue };
            if let Some(next_mark) = continuation(regions, &region_marks, ri, open.mark.family) {
                continued[f] = Some(next_mark);
                continue;
            }
            pending[f] = None;
            let content = Range::new(open.mark.end, region.range.end);
            if open.mark.family == Family::Single
                && !crate::chars::has_devanagari(content.slice(text))
            {
                // An English single mark left open is far more often an apostrophe ("'em",
                // "rock 'n' roll") than a quote that runs on.
                notes.push(Note {
                    code: "quote-stray-mark",
                    message: "a single quote mark that never closes was ignored".to_string(),
                    range: Range::new(open.mark.start, open.mark.end),
                });
                continue;
            }
            push_quoted(text, &mut quoted, open, region.range.end, None, ri);
            notes.push(unclosed_note(open.mark));
        }
    }
    crate::sort::by_key(&mut quoted, |q| {
        (q.range.start, std::cmp::Reverse(q.range.end))
    });
    // Nested and crossing quotes: the one that starts first wins.
    let mut kept: Vec<Quoted> = Vec::with_capacity(quoted.len());
    for q in quoted {
        let outer = |k: &Quoted| {
            let whole = Range::new(
                k.open.map_or(k.range.start, |o| o.start),
                k.close.map_or(k.range.end, |c| c.end),
            );
            whole.overlaps(q.range)
        };
        if !kept.iter().rev().take(4).any(outer) {
            kept.push(q);
        }
    }
    (kept, notes)
}

/// An opening mark inside an open quote of its family starts a nested quote when enough marks
/// of the family follow to close both, and the next one does not open yet another quote.
fn nested(rest: &[Mark], family: Family, depth: usize) -> bool {
    let mut same = rest.iter().filter(|m| m.family == family);
    let Some(next) = same.clone().next() else {
        return false;
    };
    !(next.shape == Shape::Open && next.clear_opener()) && same.nth(depth + 1).is_some()
}

fn unclosed_note(mark: Mark) -> Note {
    Note {
        code: "quote-unclosed",
        message:
            "a quote mark never closes; the quote was taken to run to the end of its paragraph"
                .to_string(),
        range: Range::new(mark.start, mark.end),
    }
}

/// When region `ri` ends inside an open quote and the next region is a paragraph of the same
/// section that opens with a mark of the same family, the quote goes on: news style for quotes of
/// several paragraphs. Returns that repeated mark's start.
fn continuation(
    regions: &[Region],
    region_marks: &[Vec<Mark>],
    ri: usize,
    family: Family,
) -> Option<usize> {
    let (here, next) = (regions.get(ri)?, regions.get(ri + 1)?);
    if here.role != Role::Paragraph || next.role != Role::Paragraph {
        return None;
    }
    let first = region_marks[ri + 1].first()?;
    (first.start == next.range.start && first.family == family && first.text_after())
        .then_some(first.start)
}

fn push_quoted(
    text: &str,
    quoted: &mut Vec<Quoted>,
    open: Open,
    end: usize,
    close: Option<Range>,
    region: usize,
) {
    let inner = trim(text, Range::new(open.mark.end, end));
    if inner.is_empty() {
        return;
    }
    quoted.push(Quoted {
        range: inner,
        open: Some(Range::new(open.mark.start, open.mark.end)),
        close,
        first_region: open.region,
        last_region: region,
    });
}

fn trim(text: &str, range: Range) -> Range {
    let s = range.slice(text);
    let lead = s.len() - s.trim_start().len();
    if lead == s.len() {
        return Range::new(range.start, range.start);
    }
    let trail = s.len() - s.trim_end().len();
    Range::new(range.start + lead, range.end - trail)
}
