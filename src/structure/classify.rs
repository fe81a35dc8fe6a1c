//! Classify: decides what each block of the body is — a sub-heading, a dateline line, a related
//! line or a paragraph — from its shape and its neighbours.
//!
//! - A block that [`super::related`] marked is related; so is an advertisement slot
//!   ("विज्ञापन"), while a section label ("हाइलाइट्स", "सार") heads what follows
//!   (`data/structure/page_labels.tsv`).
//! - Short lines under a bare read-also line ("यह भी पढ़ें:") are the links it lists: related.
//! - A dateline or byline on its own line before a paragraph ("पेइचिंग", "दुर्गेश नंदन झा, नई
//!   दिल्ली") is a dateline line; it joins the paragraph after it.
//! - A heading-like block ([`Shape::heading_like`]: short, no sentence-final mark, not running
//!   text, not a caption or list item) that is followed by a paragraph (maybe after a link box or
//!   a dateline line) is a sub-heading — on pages that concatenate stories, also each further story's
//!   headline. A heading-like block followed by another one is not (a list or a run of labels).
//! - A headline-like block dropped between two paragraphs of one story is a link box, so related:
//!   it ends in "!" like a clickbait headline (a story's own sentences seldom stand alone as a
//!   paragraph that ends in "!"), or the paragraph after it opens with a conjunction that carries
//!   on ("लेकिन", "However"), or it shares few words with the paragraph after it while that
//!   paragraph carries on the words of the one before ([`super::topic`]). Sub-headings introduce
//!   what follows; link boxes do not.
//! - Everything else is a paragraph.

use rustc_hash::FxHashSet;

use super::dateline;
use super::markers::{markers, words, Opener};
use super::related;
use super::topic::{shared, stems, Cover};
use super::Unit;

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Related,
    Heading,
    DatelineLine,
    Paragraph,
}

/// The most link headlines listed under a bare read-also line.
const MAX_LISTED_LINKS: usize = 6;
/// The fewest words a link headline has (sub-headings are often shorter).
const LINK_MIN_WORDS: usize = 6;
/// Below this share of its words in the next paragraphs, a headline does not introduce them.
const INTRODUCES: f32 = 0.2;
/// At this share of words between the paragraphs around it, a story carries on across a block.
const CARRIES_ON: f32 = 0.2;

/// The role of each unit from `body_start` on (units before it get `Paragraph` and are not read).
pub fn classify(text: &str, units: &[Unit], body_start: usize) -> Vec<Role> {
    let n = units.len();
    let mut roles = vec![Role::Paragraph; n];
    for (i, unit) in units.iter().enumerate().skip(body_start) {
        if unit.related {
            roles[i] = Role::Related;
        }
    }
    // Page labels: an advert slot is related, a section label ("हाइलाइट्स") heads what follows.
    for i in body_start..n {
        if roles[i] != Role::Paragraph || !units[i].single_line {
            continue;
        }
        match markers().label(units[i].range.slice(text)) {
            Some(true) => roles[i] = Role::Related,
            Some(false) if units.get(i + 1).is_some_and(|u| !u.related) => roles[i] = Role::Heading,
            _ => {}
        }
    }
    // A single line still a paragraph before text is no label: a label is related, or heads
    // the text after it.
    for i in body_start..n {
        let next_is_text = units.get(i + 1).is_some_and(|u| !u.related);
        if roles[i] == Role::Paragraph
            && next_is_text
            && units[i].single_line
            && dateline::may_be_line(units[i].shape.words)
            && dateline::is_unlabelled_line(units[i].range.slice(text))
        {
            roles[i] = Role::DatelineLine;
        }
    }
    // A bare "यह भी पढ़ें:" / "Related stories:" line heads a list of link headlines.
    for i in body_start..n {
        if roles[i] != Role::Related || !is_bare_marker(units[i].range.slice(text)) {
            continue;
        }
        let mut j = i + 1;
        while j < n
            && j - i <= MAX_LISTED_LINKS
            && roles[j] == Role::Paragraph
            && units[j].single_line
            && (units[j].shape.heading_like() || units[j].shape.list_item)
        {
            roles[j] = Role::Related;
            j += 1;
        }
    }
    let paragraph_like = |j: usize| {
        roles[j] == Role::Paragraph && !(units[j].single_line && units[j].shape.heading_like())
    };
    let headings: Vec<usize> = (body_start..n)
        .filter(|&i| {
            if roles[i] != Role::Paragraph
                || !units[i].single_line
                || !units[i].shape.heading_like()
            {
                return false;
            }
            // What follows, past a link box or two and a dateline line, must be a paragraph.
            let mut j = i + 1;
            while j < n && j - i <= 2 && roles[j] == Role::Related {
                j += 1;
            }
            if j < n && roles[j] == Role::DatelineLine {
                j += 1;
            }
            j < n && paragraph_like(j)
        })
        .collect();
    for i in headings {
        roles[i] = Role::Heading;
    }
    for i in body_start.max(1)..n {
        let candidate = match roles[i] {
            // A question between paragraphs is a rhetorical one far more often than a link.
            Role::Heading => units[i].shape.final_mark.is_none(),
            Role::Paragraph => units[i].single_line && units[i].shape.exclaimed_headline(),
            _ => false,
        };
        if candidate && is_link_box(text, units, &roles, i) {
            roles[i] = Role::Related;
        }
    }
    roles
}

/// Whether `text` is a read-also marker and nothing else ("यह भी पढ़ें:", "Related stories").
fn is_bare_marker(text: &str) -> bool {
    related::start_marker(text)
        .is_some_and(|end| !text[end..].chars().any(super::markers::is_word_char))
}

/// Whether the headline-like block `i` is a link box between two paragraphs of one story.
fn is_link_box(text: &str, units: &[Unit], roles: &[Role], i: usize) -> bool {
    if units[i].shape.words < LINK_MIN_WORDS
        || roles[i - 1] != Role::Paragraph
        || roles.get(i + 1) != Some(&Role::Paragraph)
    {
        return false;
    }
    let next = units[i + 1].range.slice(text);
    let carries_on = words(next)
        .next()
        .is_some_and(|(_, w)| markers().opener(w) == Some(Opener::Continuation));
    // A story's own sentences seldom stand alone as a paragraph that ends in "!"; the
    // headlines of links to other stories often do, on the same topic as the story.
    if carries_on || units[i].shape.final_mark == Some('!') {
        return true;
    }
    let headline = stems(units[i].range.slice(text));
    // The paragraphs are read only as far as needed: a headline that the next paragraph takes
    // up already introduces what follows.
    let mut cover = Cover::new(&headline, INTRODUCES);
    let mut after_first = FxHashSet::with_capacity_and_hasher(next.len() / 8, Default::default());
    if cover.read(next, Some(&mut after_first)) {
        return false;
    }
    let third =
        (roles.get(i + 2) == Some(&Role::Paragraph)).then(|| units[i + 2].range.slice(text));
    !third.is_some_and(|third| cover.read(third, None))
        && shared(&stems(units[i - 1].range.slice(text)), &after_first) >= CARRIES_ON
}
