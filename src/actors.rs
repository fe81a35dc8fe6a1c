//! Actors: merges mentions that name the same actor into one [`ActorDraft`].
//!
//! This first version merges mentions with the same canonical name, or the same surface form.

use crate::doc::{ActorDraft, Mention, Structure};

/// Merge `mentions` (in text order) of `text` (normalised) into actors, in order of first mention.
pub fn merge(text: &str, mentions: &[Mention], _structure: &Structure) -> Vec<ActorDraft> {
    let mut actors: Vec<ActorDraft> = Vec::new();
    for m in mentions {
        let surface = m.range.slice(text).to_string();
        let same = actors.iter().position(|a| {
            a.kind == m.kind
                && (m.canonical.is_some() && a.canonical == m.canonical
                    || a.name == surface
                    || a.aliases.contains(&surface))
        });
        match same {
            Some(i) => {
                let actor = &mut actors[i];
                actor.mentions.push(m.range);
                if surface != actor.name && !actor.aliases.contains(&surface) {
                    actor.aliases.push(surface);
                }
            }
            None => actors.push(ActorDraft {
                name: surface,
                canonical: m.canonical.clone(),
                wikidata: m.wikidata.clone(),
                kind: m.kind,
                mentions: vec![m.range],
                aliases: Vec::new(),
            }),
        }
    }
    actors
}
