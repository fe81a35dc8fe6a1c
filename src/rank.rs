//! Rank: scores how much the story is about each actor, from where and how it is named.
//!
//! The score adds up, for each actor:
//! - every mention (1 point; the text keeps returning to what it is about);
//! - being named in the headline (4), the kicker or standfirst (2), the lead paragraph (2), its
//!   first sentence (2 more) and sub-headings (1.5 each, at most 3): editors put the story's
//!   subjects there;
//! - every further paragraph that names it (0.5 each, at most 2): a story keeps returning to
//!   what it is about, while a setting or a passing name stays in one paragraph;
//! - every quote attributed to it (2): who speaks drives a story;
//! - being the subject of a sentence, a mention followed by the agent marker "ने" or a verb of
//!   saying (1.5 each, at most 4.5): actors act, settings do not;
//! - being a person (1 for each of the first 3 mentions): a person the story keeps naming is
//!   rarely just its backdrop; and 2 more when the story names the person more than once and
//!   introduces them by an office
//!   ("विदेश मंत्री सर्गेई लावरोव", "President Macron"): it tells the reader who they are because
//!   they matter to it.
//!
//! An actor named only by a generic word ("विभाग ने कहा", "the ministry said": a bare title or
//! organisation suffix) gets half its score: it names an institution only loosely.

use crate::article::ActorKind;
use crate::doc::{ActorDraft, Attribution, Range, Structure};
use crate::mentions::lexicon::{self, TitleClass};
use crate::mentions::patterns::{title_at, words};

const MENTION: f32 = 1.0;
const TITLE: f32 = 4.0;
const KICKER_OR_STANDFIRST: f32 = 2.0;
const LEAD: f32 = 2.0;
const FIRST_SENTENCE: f32 = 1.0;
const HEADING: f32 = 1.5;
const HEADING_CAP: f32 = 3.0;
const QUOTE: f32 = 2.0;
const SUBJECT: f32 = 1.5;
const SUBJECT_CAP: f32 = 4.5;
const SPREAD: f32 = 0.5;
const SPREAD_CAP: f32 = 2.0;
const PERSON: f32 = 1.0;
const PERSON_CAP: f32 = 3.0;
const INTRODUCED: f32 = 2.0;
const GENERIC: f32 = 0.5;

/// Words after a mention that make it the subject of its sentence.
const SUBJECT_AFTER: [&str; 6] = ["ने", "said", "says", "told", "announced", "added"];

/// The salience of each actor, in the order of `actors`.
pub fn salience(
    structure: &Structure,
    actors: &[ActorDraft],
    attributions: &[Attribution],
) -> Vec<f32> {
    salience_with_text(None, structure, actors, attributions)
}

/// [`salience`], also counting subjects when the normalised `text` is at hand.
pub fn salience_with_text(
    text: Option<&str>,
    structure: &Structure,
    actors: &[ActorDraft],
    attributions: &[Attribution],
) -> Vec<f32> {
    let lead_paragraph = structure
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .find(|p| !p.duplicate);
    let lead = lead_paragraph.map(|p| p.range);
    let first_sentence = lead_paragraph.and_then(|p| p.sentences.first().copied());
    let headings: Vec<Range> = structure
        .sections
        .iter()
        .filter_map(|s| s.heading)
        .collect();
    let mut paragraphs: Vec<Range> = structure
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .filter(|p| !p.duplicate)
        .map(|p| p.range)
        .collect();
    crate::sort::natural(&mut paragraphs);
    let within = |block: Option<Range>, actor: &ActorDraft| {
        block.is_some_and(|b| actor.mentions.iter().any(|m| b.contains(*m)))
    };
    // Counted once for all actors: counting per actor would make long texts quadratic.
    let mut quote_counts = vec![0usize; actors.len()];
    for speaker in attributions.iter().filter_map(|a| a.speaker) {
        if let Some(count) = quote_counts.get_mut(speaker) {
            *count += 1;
        }
    }
    // The lower case of a mention's key ([`is_generic`]): one string for all of them.
    let mut lower = String::new();
    actors
        .iter()
        .enumerate()
        .map(|(i, actor)| {
            let mut score = MENTION * actor.mentions.len() as f32;
            if within(structure.title, actor) {
                score += TITLE;
            }
            if within(structure.kicker, actor) || within(structure.standfirst, actor) {
                score += KICKER_OR_STANDFIRST;
            }
            if within(lead, actor) {
                score += LEAD;
            }
            if within(first_sentence, actor) {
                score += FIRST_SENTENCE;
            }
            let in_headings = headings.iter().filter(|h| within(Some(**h), actor)).count();
            score += (HEADING * in_headings as f32).min(HEADING_CAP);
            // Paragraphs are in text order: find each mention's by binary search. Mentions are
            // in text order too, so the paragraphs they are in come in order: count the changes.
            let mut spread = 0usize;
            let mut last = None;
            for m in &actor.mentions {
                let at = paragraphs.partition_point(|p| p.end <= m.start);
                if paragraphs.get(at).is_some_and(|p| p.contains(*m)) && last != Some(at) {
                    spread += 1;
                    last = Some(at);
                }
            }
            score += (SPREAD * spread.saturating_sub(1) as f32).min(SPREAD_CAP);
            score += QUOTE * quote_counts[i] as f32;
            if let Some(text) = text {
                let subjects = actor
                    .mentions
                    .iter()
                    .filter(|m| {
                        let next = text[m.end..]
                            .trim_start_matches(&[' ', ','][..])
                            .split(&[' ', ',', '.', '।'][..])
                            .next()
                            .unwrap_or("");
                        SUBJECT_AFTER.contains(&next)
                    })
                    .count();
                score += (SUBJECT * subjects as f32).min(SUBJECT_CAP);
            }
            if actor.kind == ActorKind::Person {
                score += (PERSON * actor.mentions.len() as f32).min(PERSON_CAP);
                let repeated = actor.mentions.len() > 1;
                if repeated
                    && text.is_some_and(|t| actor.mentions.iter().any(|m| after_office(t, *m)))
                {
                    score += INTRODUCED;
                }
            }
            // A generic word alone ("विभाग ने कहा", "the ministry said") names an institution
            // only loosely: it ranks below the named actors.
            if text.is_some_and(|t| actor.mentions.iter().all(|m| is_generic(t, *m, &mut lower))) {
                score *= GENERIC;
            }
            score
        })
        .collect()
}

/// Whether `mention` is a bare title or organisation suffix: a generic word, not a name.
/// Its key in lower case, unless that is the key itself, is written into `buffer` (a string
/// each was an allocation a mention).
fn is_generic(text: &str, mention: Range, buffer: &mut String) -> bool {
    let lex = lexicon::builtin();
    let key = lexicon::affix_key(mention.slice(text));
    let lower = crate::normalize::lowercase_in(&key, buffer);
    lex.is_suffix(&key)
        || lex.is_title(&key)
        || lex.is_title(lower)
        || lower
            .strip_prefix("the ")
            .is_some_and(|k| lex.is_suffix_capitalised(k) || lex.is_title(k))
}

/// Whether an office title ends right before `mention` ("विदेश मंत्री |सर्गेई लावरोव|").
fn after_office(text: &str, mention: Range) -> bool {
    let lex = lexicon::builtin();
    // The 60 characters before the mention, within its line. Only they are searched for the
    // line start: searching the whole line would make a long line of mentions quadratic.
    let before = &text[..mention.start];
    let window = before.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let from = before[window..]
        .bytes()
        .rposition(|b| b == b'\n')
        .map_or(window, |i| window + i + 1);
    let ws = words(text, from, mention.start);
    (1..=lex.longest_affix.min(ws.len())).any(|n| {
        let i = ws.len() - n;
        matches!(title_at(lex, text, &ws, i), Some((TitleClass::Office, m)) if i + m == ws.len())
    })
}
