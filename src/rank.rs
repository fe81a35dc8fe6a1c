//! Rank: orders actors by how much the story is about them.
//!
//! This first version scores mentions, with extra weight for the headline and quotes.

use crate::doc::{ActorDraft, Attribution, Structure};

/// The salience of each actor, in the order of `actors`.
pub fn salience(
    structure: &Structure,
    actors: &[ActorDraft],
    attributions: &[Attribution],
) -> Vec<f32> {
    actors
        .iter()
        .enumerate()
        .map(|(i, actor)| {
            let in_title = structure
                .title
                .is_some_and(|t| actor.mentions.iter().any(|m| t.contains(*m)));
            let quotes = attributions.iter().filter(|a| a.speaker == Some(i)).count();
            actor.mentions.len() as f32 + if in_title { 3.0 } else { 0.0 } + 2.0 * quotes as f32
        })
        .collect()
}
