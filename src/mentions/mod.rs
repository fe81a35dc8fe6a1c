//! Mentions: finds the places where the text names a person, country, organisation, place or
//! group, in the story's regions (never in read-also lines or duplicated paragraphs).
//!
//! Three sources, strongest first:
//! 1. the caller's own entries (`options.actors`, source `User`);
//! 2. the compiled lexicon ([`lexicon`], source `Lexicon`): names, demonyms (marked
//!    `adjectival`) and capitals — a capital that the sentence uses for its government
//!    ("मॉस्को-प्योंगयांग की दोस्ती", "Moscow said") is a mention of its country;
//! 3. patterns ([`patterns`], source `Pattern`): titles, suffixes, case markers, capitals;
//! 4. the learned tagger ([`tagger`], source `Tagger`), which fills the gaps the others leave.
//!
//! A lexicon hit beats a guess, but a strong pattern that wraps lexicon hits overrules them:
//! "भारत" inside "भारत सरकार" is part of an organisation, and "लावरोव" inside "विदेश मंत्री
//! सर्गेई लावरोव" is part of a longer name. Mentions returned are non-overlapping, in text order.

pub mod features;
pub mod lexicon;
pub mod patterns;
pub mod tagger;
pub mod train;

use std::collections::BTreeSet;

use crate::article::ActorKind;
use crate::doc::{FoundQuote, Mention, Range, Source, Structure};
use crate::options::Options;

use lexicon::{Gazetteer, Hit, Lexicon};

/// Find actor mentions in the story's regions of `text` (normalised), in text order.
pub fn find_mentions(
    text: &str,
    structure: &Structure,
    _quotes: &[FoundQuote],
    options: &Options,
) -> Vec<Mention> {
    let lex = lexicon::builtin();
    let user = Gazetteer::from_user(&options.actors);
    let mut mentions = Vec::new();
    for region in structure.regions() {
        for sentence in &region.sentences {
            mentions.extend(sentence_mentions(lex, &user, text, *sentence));
        }
    }
    if structure.lang == "hi" {
        // In a Hindi story a lone capitalised Latin word is more often a brand, a web address or
        // a loan word ("WhatsApp", "Virus") than an actor; names in Latin there come in full.
        mentions.retain(|m| {
            let s = m.range.slice(text);
            let glossed = text[..m.range.start].ends_with('(');
            m.source != Source::Pattern || !s.is_ascii() || s.contains(' ') || glossed
        });
    }
    // Regions may overlap at their edges (a dateline inside a paragraph): keep text order, no
    // overlaps.
    mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    mentions.dedup_by(|b, a| a.range.overlaps(b.range));
    mentions
}

/// The mentions of one sentence.
pub fn sentence_mentions(
    lex: &'static Lexicon,
    user: &Gazetteer,
    text: &str,
    sentence: Range,
) -> Vec<Mention> {
    let mut kept: Vec<Mention> = user
        .find(text, sentence.start, sentence.end)
        .into_iter()
        .map(|h| hit_mention(user, h, Source::User, text))
        .collect();
    let lexicon: Vec<Mention> = lex
        .names
        .find(text, sentence.start, sentence.end)
        .into_iter()
        .map(|h| hit_mention(&lex.names, h, Source::Lexicon, text))
        .collect();
    let known: Vec<Range> = lexicon.iter().map(|m| m.range).collect();
    let found = patterns::find(lex, text, sentence.start, sentence.end, &known);
    // Strong patterns that wrap lexicon hits overrule them.
    let mut lexicon = lexicon;
    let mut strong = Vec::new();
    for f in found.iter().filter(|f| f.strong) {
        let inside: Vec<&Mention> = lexicon
            .iter()
            .filter(|m| m.range.overlaps(f.range))
            .collect();
        let wraps = inside.iter().all(|m| f.range.contains(m.range));
        let same_person = f.kind == ActorKind::Person
            && inside.iter().all(|m| m.kind == ActorKind::Person)
            && inside.len() == 1;
        let org_over_place = f.kind != ActorKind::Person
            && inside.iter().all(|m| m.kind != ActorKind::Person)
            && inside.last().is_some_and(|m| m.range.end < f.range.end);
        if inside.is_empty() || wraps && (same_person || org_over_place) {
            if same_person && inside[0].range == f.range {
                continue; // the lexicon already has exactly this name
            }
            // "किराया यूपी सरकार": a name the lexicon knows starts the organisation.
            let range = match inside.first() {
                Some(first) if org_over_place => Range::new(first.range.start, f.range.end),
                _ => f.range,
            };
            // The English name: the person's own; "Government of {}" filled with the known
            // name; or the known organisation's name ("इरना न्यूज" is IRNA).
            let (canonical, wikidata) = match inside.as_slice() {
                [only] if same_person => (only.canonical.clone(), only.wikidata.clone()),
                [only] if org_over_place && only.range.start == range.start => {
                    match (f.english, &only.canonical) {
                        (Some(template), Some(name)) => (Some(template.replace("{}", name)), None),
                        (None, Some(_)) if only.kind == f.kind && !only.adjectival => {
                            (only.canonical.clone(), only.wikidata.clone())
                        }
                        _ => (None, None),
                    }
                }
                _ => (None, None),
            };
            lexicon.retain(|m| !f.range.contains(m.range));
            strong.push(Mention {
                range,
                kind: f.kind,
                source: if same_person && canonical.is_some() {
                    Source::Lexicon
                } else {
                    Source::Pattern
                },
                canonical,
                wikidata,
                adjectival: false,
            });
        }
    }
    add_weaker(&mut kept, lexicon);
    add_weaker(&mut kept, strong);
    let weak: Vec<Mention> = found
        .iter()
        .filter(|f| !f.strong)
        .map(|f| Mention {
            range: f.range,
            kind: f.kind,
            source: Source::Pattern,
            canonical: None,
            wikidata: None,
            adjectival: false,
        })
        .collect();
    add_weaker(&mut kept, weak);
    // The learned tagger's mentions come last: the caller's entries, the lexicon and the
    // patterns beat it wherever they overlap, so a guess only fills a gap (and a guess that
    // merely extends a lexicon hit loses to it).
    if let Some(model) = tagger::shipped_model() {
        let mut guesses = tagger::tag_text(model, text, sentence);
        for g in guesses.iter_mut().filter(|g| g.kind == ActorKind::Person) {
            g.range = without_titles(lex, text, g.range);
        }
        // A one-word guess that the common-word list calls an ordinary word is a slip.
        guesses.retain(|g| {
            let s = g.range.slice(text);
            s.contains(' ') || !lex.is_common(s)
        });
        add_weaker(&mut kept, guesses);
    }
    kept
}

/// `range` without the titles and honorifics it starts with ("डॉ. कविता राव" → "कविता राव"):
/// the corpus the tagger learnt from sometimes counts them as part of the name.
fn without_titles(lex: &Lexicon, text: &str, range: Range) -> Range {
    let words = features::tokenize(range.slice(text));
    let mut start = 0;
    'strip: while start + 1 < words.len() {
        for n in (1..=lex.longest_affix.min(words.len() - start - 1)).rev() {
            let prefix =
                &text[range.start + words[start].start..range.start + words[start + n - 1].end];
            if lex.titles.contains_key(&lexicon::affix_key(prefix)) {
                start += n;
                continue 'strip;
            }
        }
        break;
    }
    match words.get(start) {
        Some(first) if start > 0 => Range::new(range.start + first.start, range.end),
        _ => range,
    }
}

/// Add `weaker` mentions that overlap none of `kept` (nor an earlier added one); keeps text order.
///
/// Linear-logarithmic, not quadratic, so that a long paragraph with thousands of names stays
/// fast: `kept` is searched by start with the running maximum of its ends, and the added
/// mentions, which never overlap one another, by the last one that starts before a mention ends.
pub fn add_weaker(kept: &mut Vec<Mention>, weaker: Vec<Mention>) {
    kept.sort_by_key(|m| m.range.start);
    let reach: Vec<usize> = kept
        .iter()
        .scan(0, |most, k| {
            *most = k.range.end.max(*most);
            Some(*most)
        })
        .collect();
    let base = kept.len();
    let mut added: BTreeSet<(usize, usize)> = BTreeSet::new();
    for m in weaker {
        let (start, end) = (m.range.start, m.range.end);
        let before = kept[..base].partition_point(|k| k.range.start < end);
        let over_kept = before > 0 && reach[before - 1] > start;
        let over_added = added
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, e)| e > start);
        if !over_kept && !over_added {
            added.insert((start, end));
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.range.start);
}

fn hit_mention(gazetteer: &Gazetteer, hit: Hit, source: Source, text: &str) -> Mention {
    let entry = gazetteer.entry(hit.form);
    let range = Range::new(hit.start, hit.end);
    if let Some(country) = entry
        .capital_of
        .filter(|_| stands_for_government(text, range))
    {
        let country = &gazetteer.entries[country];
        return Mention {
            range,
            kind: country.kind,
            source,
            canonical: Some(country.canonical.clone()),
            wikidata: country.wikidata.clone(),
            adjectival: false,
        };
    }
    Mention {
        range,
        kind: entry.kind,
        source,
        canonical: Some(entry.canonical.clone()),
        wikidata: entry.wikidata.clone(),
        adjectival: hit.form.adjectival,
    }
}

/// Words after a capital that make it the subject or owner of an act: the government speaks.
const GOVERNMENT_AFTER: [&str; 8] = ["ने", "का", "की", "said", "says", "has", "have", "will"];

/// Whether a capital at `range` stands for its government: joined to another name by a hyphen
/// or "और"/"and" ("मॉस्को-प्योंगयांग"), or followed by a case marker or a verb of saying.
fn stands_for_government(text: &str, range: Range) -> bool {
    let after = text[range.end..].trim_start_matches(' ');
    let before = text[..range.start].trim_end_matches(' ');
    if text[range.end..].starts_with('-') || before.ends_with('-') {
        return true;
    }
    let next_word = after.split([' ', ',', '.', '।']).next().unwrap_or("");
    if text[range.end..].starts_with("'s") || text[range.end..].starts_with("’s") {
        return true;
    }
    if GOVERNMENT_AFTER.contains(&next_word) {
        return true;
    }
    let prev_word = before.rsplit(' ').next().unwrap_or("");
    matches!(next_word, "और" | "and") || matches!(prev_word, "और" | "and")
}
