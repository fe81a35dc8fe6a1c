//! Rank: scores how much the story is about each actor, from where and how it is named.
//!
//! The score adds up, for each actor:
//! - every mention (1 point; the text keeps returning to what it is about);
//! - being named in the headline (4), the kicker or standfirst (2), the lead paragraph (2) and
//!   sub-headings (1.5 each, at most 3): editors put the story's subjects there;
//! - every quote attributed to it (2): who speaks drives a story;
//! - being the subject of a sentence, a mention followed by the agent marker "ने" or a verb of
//!   saying (1.5 each, at most 4.5): actors act, settings do not;
//! - being a person (1 for each of the first 3 mentions): a person the story keeps naming is
//!   rarely just its backdrop.

use crate::article::ActorKind;
use crate::doc::{ActorDraft, Attribution, Range, Structure};

const MENTION: f32 = 1.0;
const TITLE: f32 = 4.0;
const KICKER_OR_STANDFIRST: f32 = 2.0;
const LEAD: f32 = 2.0;
const HEADING: f32 = 1.5;
const HEADING_CAP: f32 = 3.0;
const QUOTE: f32 = 2.0;
const SUBJECT: f32 = 1.5;
const SUBJECT_CAP: f32 = 4.5;
const PERSON: f32 = 1.0;
const PERSON_CAP: f32 = 3.0;

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
    let lead = structure
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .find(|p| !p.duplicate)
        .map(|p| p.range);
    let headings: Vec<Range> = structure
        .sections
        .iter()
        .filter_map(|s| s.heading)
        .collect();
    let within = |block: Option<Range>, actor: &ActorDraft| {
        block.is_some_and(|b| actor.mentions.iter().any(|m| b.contains(*m)))
    };
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
            let in_headings = headings.iter().filter(|h| within(Some(**h), actor)).count();
            score += (HEADING * in_headings as f32).min(HEADING_CAP);
            let quotes = attributions.iter().filter(|a| a.speaker == Some(i)).count();
            score += QUOTE * quotes as f32;
            if let Some(text) = text {
                let subjects = actor
                    .mentions
                    .iter()
                    .filter(|m| {
                        let next = text[m.end..]
                            .trim_start_matches([' ', ','])
                            .split([' ', ',', '.', '।'])
                            .next()
                            .unwrap_or("");
                        SUBJECT_AFTER.contains(&next)
                    })
                    .count();
                score += (SUBJECT * subjects as f32).min(SUBJECT_CAP);
            }
            if actor.kind == ActorKind::Person {
                score += (PERSON * actor.mentions.len() as f32).min(PERSON_CAP);
            }
            score
        })
        .collect()
}
