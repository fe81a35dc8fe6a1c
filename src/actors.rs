//! Actors: merges the mentions that name the same actor into one [`ActorDraft`].
//!
//! Rules, in order:
//! 1. Mentions with the same canonical name are one actor: spelling variants, acronyms and full
//!    names, demonyms and their country, a capital used for its government and its country all
//!    carry their entry's canonical name from the lexicon.
//! 2. Mentions without one are one actor when their surface forms are the same.
//! 3. A shorter person name whose words are a run of a longer person name's words is that person
//!    ("लावरोव" = "सर्गेई लावरोव", "किम" = "किम जोंग उन"). When several people fit (two Thackerays),
//!    the nearest one mentioned before it wins; two full names are never merged.
//! 4. A role phrase the article ties to a person ("रूस के विदेश मंत्री सर्गेई लावरोव") makes the same
//!    office, used alone later with the same context ("रूस के विदेश मंत्री ने"), a mention of that
//!    person — unless the article ties it to more than one person.
//! 5. An actor named only by demonyms ("रूसी पर्यटक") is dropped: an adjective alone is not an
//!    actor of the story.
//!
//! `name` is the fullest form used, in the script most of the actor's mentions use.

use std::collections::{HashMap, HashSet};

use crate::article::ActorKind;
use crate::doc::{ActorDraft, Mention, Range, Source, Structure};
use crate::mentions::lexicon::{self, is_word_char, TitleClass};
use crate::mentions::patterns::{title_at, words, Word};

/// Mentions gathered for one actor.
#[derive(Debug, Clone)]
struct Group {
    mentions: Vec<usize>,
    canonical: Option<String>,
}

/// Merge `mentions` (in text order) of `text` (normalised) into actors, in order of first mention.
pub fn merge(text: &str, mentions: &[Mention], structure: &Structure) -> Vec<ActorDraft> {
    let mut groups = group_by_name(text, mentions);
    merge_appositions(text, mentions, &mut groups);
    merge_name_parts(text, mentions, &mut groups);
    merge_longer_places(text, mentions, &mut groups);
    let mut extra: Vec<(usize, Range)> = role_mentions(text, mentions, &groups, structure);
    let parts = name_part_mentions(text, mentions, &groups, &extra, structure);
    extra.extend(parts);
    let repeats = repeated_names(text, mentions, &groups, &extra, structure);
    extra.extend(repeats);
    extra.sort_by_key(|(_, r)| r.start);
    let mut actors: Vec<(usize, ActorDraft)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.mentions.iter().any(|&m| !mentions[m].adjectival))
        .map(|(gi, g)| {
            let roles: Vec<Range> = extra
                .iter()
                .filter(|(owner, _)| *owner == gi)
                .map(|(_, r)| *r)
                .collect();
            let first = g.mentions.iter().map(|&m| mentions[m].range.start).min();
            (first.unwrap_or(0), draft(text, mentions, g, &roles))
        })
        .collect();
    actors.sort_by_key(|(first, _)| *first);
    actors.into_iter().map(|(_, a)| a).collect()
}

fn surface<'a>(text: &'a str, m: &Mention) -> &'a str {
    m.range.slice(text)
}

/// Rules 1 and 2.
fn group_by_name(text: &str, mentions: &[Mention]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        // Spelling varies ("तीर्थ देव" / "तीर्थदेव", "बंगाईगांव" / "बंगाइगांव"): surfaces are
        // compared without spaces and with vowel lengths and nasal signs folded.
        let bare = loose_key(surface(text, m));
        let key = match &m.canonical {
            Some(c) => format!("c:{c}"),
            None => format!("s:{bare}"),
        };
        let by_surface = format!("s:{bare}");
        let found = by_key
            .get(&key)
            .or_else(|| by_key.get(&by_surface))
            .copied();
        match found {
            Some(g) => groups[g].mentions.push(i),
            None => {
                by_key.insert(key.clone(), groups.len());
                groups.push(Group {
                    mentions: vec![i],
                    canonical: m.canonical.clone(),
                });
            }
        }
        if let Some(&g) = by_key.get(&key) {
            by_key.entry(by_surface).or_insert(g);
        }
    }
    groups
}

/// A spelling key that writers' variants of one Hindi name share: no spaces, nukta or ZWJ, long
/// vowels as short, ॉ as ा, ँ as ं. Latin letters are only lower-cased.
fn loose_key(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{093C}' | '-'))
        .map(|c| match c {
            'ी' => 'ि',
            'ू' => 'ु',
            'ई' => 'इ',
            'ऊ' => 'उ',
            'ॉ' => 'ा',
            'ँ' => 'ं',
            other => other.to_ascii_lowercase(),
        })
        .collect();
    folded
}

/// Moves the mentions of group `from` into group `into`.
fn absorb(mentions: &[Mention], groups: &mut [Group], from: usize, into: usize) {
    if from == into {
        return;
    }
    let taken = std::mem::take(&mut groups[from].mentions);
    groups[into].mentions.extend(taken);
    groups[into]
        .mentions
        .sort_by_key(|&m| mentions[m].range.start);
    if groups[into].canonical.is_none() {
        groups[into].canonical = groups[from].canonical.take();
    }
}

fn group_of(groups: &[Group], mention: usize) -> Option<usize> {
    groups.iter().position(|g| g.mentions.contains(&mention))
}

/// "A (B)": a name with another form of it in brackets right after it ("भारतीय खाद्य सुरक्षा और
/// मानक प्राधिकरण (एफएसएसएआई)", "हेमंत बिस्व शर्मा (Himanta Biswa Sarma)") is one actor.
fn merge_appositions(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        let between = text[a.range.end..b.range.start].trim();
        let closed = text[b.range.end..].trim_start().starts_with(')');
        let same_class = (a.kind == ActorKind::Person) == (b.kind == ActorKind::Person);
        let agree = a.canonical.is_none() || b.canonical.is_none() || a.canonical == b.canonical;
        if between == "(" && closed && same_class && agree && !a.adjectival && !b.adjectival {
            if let (Some(ga), Some(gb)) = (group_of(groups, i - 1), group_of(groups, i)) {
                absorb(mentions, groups, gb, ga);
            }
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// A place or organisation named in full and by a shorter run of its words ("बांद्रा स्टेशन",
/// "बांद्रा रेलवे स्टेशन") is one actor when only one longer name fits.
fn merge_longer_places(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let words_of = |g: &Group| -> Vec<String> {
        g.mentions
            .iter()
            .map(|&m| name_words(surface(text, &mentions[m])))
            .max_by_key(|w| w.len())
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let kind_of = |g: &Group| mentions[g.mentions[0]].kind;
    for g in 0..groups.len() {
        if groups[g].mentions.is_empty()
            || groups[g].canonical.is_some()
            || kind_of(&groups[g]) == ActorKind::Person
        {
            continue;
        }
        let short = words_of(&groups[g]);
        if short.len() < 2 {
            continue;
        }
        let fits: Vec<usize> = (0..groups.len())
            .filter(|&h| h != g && !groups[h].mentions.is_empty())
            .filter(|&h| kind_of(&groups[h]) == kind_of(&groups[g]))
            .filter(|&h| {
                let long = words_of(&groups[h]);
                long.len() > short.len()
                    && long.first() == short.first()
                    && long.last() == short.last()
                    && short.iter().all(|w| long.contains(w))
            })
            .collect();
        if let [h] = fits[..] {
            absorb(mentions, groups, g, h);
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

fn name_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !is_word_char(c) && c != '.')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_run_of(short: &[&str], long: &[&str]) -> bool {
    !short.is_empty() && short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

fn is_personish(m: &Mention) -> bool {
    m.kind == ActorKind::Person
}

/// Rule 3.
fn merge_name_parts(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let longest = |g: &Group| -> Vec<String> {
        g.mentions
            .iter()
            .map(|&m| name_words(surface(text, &mentions[m])))
            .max_by_key(|w| w.len())
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let person = |g: &Group| g.mentions.iter().all(|&m| is_personish(&mentions[m]));
    // A lone word that only a capitalisation guess typed may still be a person's surname.
    let guess = |g: &Group| {
        g.mentions.iter().all(|&m| {
            mentions[m].source == Source::Pattern
                && name_words(surface(text, &mentions[m])).len() == 1
        })
    };
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| longest(&groups[g]).len());
    let mut merged_into: HashMap<usize, usize> = HashMap::new();
    for &g in &order {
        if !person(&groups[g]) && !guess(&groups[g]) {
            continue;
        }
        let short = longest(&groups[g]);
        let short: Vec<&str> = short.iter().map(String::as_str).collect();
        let first = mentions[groups[g].mentions[0]].range.start;
        let mut best: Option<(usize, usize)> = None; // (distance key, group)
        for (h, other) in groups.iter().enumerate() {
            if h == g || merged_into.contains_key(&h) || !person(other) {
                continue;
            }
            if groups[g].canonical.is_some()
                && other.canonical.is_some()
                && groups[g].canonical != other.canonical
            {
                continue;
            }
            let long = longest(other);
            let long: Vec<&str> = long.iter().map(String::as_str).collect();
            if !is_run_of(&short, &long) {
                continue;
            }
            // Nearest mention before the short form, else the nearest after it.
            let distance = other
                .mentions
                .iter()
                .map(|&m| mentions[m].range.start)
                .map(|s| {
                    if s <= first {
                        first - s
                    } else {
                        usize::MAX / 2 + (s - first)
                    }
                })
                .min()
                .unwrap_or(usize::MAX);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, h));
            }
        }
        if let Some((_, h)) = best {
            merged_into.insert(g, h);
        }
    }
    // Follow chains (a → b → c) and move mentions.
    let root = |mut g: usize| {
        while let Some(&h) = merged_into.get(&g) {
            g = h;
        }
        g
    };
    let mut moves: Vec<(usize, usize)> = merged_into.keys().map(|&g| (g, root(g))).collect();
    moves.sort();
    for (g, r) in moves {
        let taken = std::mem::take(&mut groups[g].mentions);
        groups[r].mentions.extend(taken);
        groups[r].mentions.sort_by_key(|&m| mentions[m].range.start);
        if groups[r].canonical.is_none() {
            groups[r].canonical = groups[g].canonical.clone();
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// The office (and its "X के" or demonym context) just before word `i`, as (context key, office
/// text, office range).
fn role_before(
    text: &str,
    mentions: &[Mention],
    words: &[Word],
    i: usize,
) -> Option<(String, String, Range)> {
    let lex = lexicon::builtin();
    // Find an office title that ends right before word i (allowing chained titles).
    let mut start = None;
    for n in 1..=lex.longest_affix.min(i) {
        let j = i - n;
        if let Some((TitleClass::Office, m)) = title_at(lex, text, words, j) {
            if j + m == i {
                start = Some(j);
            }
        }
    }
    let j = start?;
    let office = Range::new(words[j].start, words[i - 1].end);
    // Context: "रूस के", "उत्तर कोरियाई" before the office, in the same sentence.
    let bare = office.slice(text).to_string();
    let mut key = bare.clone();
    let w1 = j.checked_sub(1).map(|k| words[k]);
    let w2 = j.checked_sub(2).map(|k| words[k]);
    let adjectival = |w: &Word| {
        let r = Range::new(w.start, w.end);
        mentions.iter().any(|m| m.adjectival && m.range.overlaps(r))
    };
    match (w2, w1) {
        (Some(owner), Some(marker)) if matches!(marker.text, "के" | "की" | "का") => {
            key = format!("{} {} {key}", owner.text, marker.text);
        }
        (_, Some(adjective)) if adjectival(&adjective) => {
            key = format!("{} {key}", adjective.text);
        }
        _ => {}
    }
    Some((key, bare, office))
}

/// Rule 4: (group, office range) for each later use of an office tied to one person.
fn role_mentions(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    structure: &Structure,
) -> Vec<(usize, Range)> {
    let owner: HashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, grp)| grp.mentions.iter().map(move |&m| (m, g)))
        .collect();
    let person_at: HashMap<usize, usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| is_personish(m))
        .map(|(i, m)| (m.range.start, i))
        .collect();
    let mut roles: HashMap<String, Option<usize>> = HashMap::new();
    let mut offices: HashMap<String, Option<usize>> = HashMap::new();
    let mut candidates: Vec<(String, String, Range)> = Vec::new();
    for region in structure.regions() {
        for sentence in &region.sentences {
            let ws = words(text, sentence.start, sentence.end);
            for i in 1..ws.len() {
                let Some((key, bare, office)) = role_before(text, mentions, &ws, i) else {
                    continue;
                };
                let named = person_at.get(&ws[i].start).copied();
                match named.and_then(|m| owner.get(&m)) {
                    Some(&g) => {
                        for (map, k) in [(&mut roles, key), (&mut offices, bare)] {
                            let slot = map.entry(k).or_insert(Some(g));
                            if *slot != Some(g) {
                                *slot = None; // tied to two people: no evidence for either
                            }
                        }
                    }
                    None => candidates.push((key, bare, office)),
                }
            }
        }
    }
    candidates
        .into_iter()
        .filter_map(|(key, bare, office)| {
            // The same office in the same context; or the bare office ("विदेश मंत्री ने") when
            // the article ties it to one person only.
            let g = match roles.get(&key) {
                Some(g) => (*g)?,
                None if key == bare => offices.get(&bare).copied().flatten()?,
                None => return None,
            };
            let taken = mentions.iter().any(|m| m.range.overlaps(office));
            (!taken).then_some((g, office))
        })
        .collect()
}

/// Rule 3 for words no earlier stage marked: a first name or surname of a person named in full
/// elsewhere in the article ("किम" after "किम जोंग उन"), when it is not a common word.
fn name_part_mentions(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    taken: &[(usize, Range)],
    structure: &Structure,
) -> Vec<(usize, Range)> {
    let lex = lexicon::builtin();
    let mut parts: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if !grp.mentions.iter().all(|&m| is_personish(&mentions[m])) {
            continue;
        }
        for &m in &grp.mentions {
            let ws = name_words(surface(text, &mentions[m]));
            if ws.len() < 2 {
                continue;
            }
            for w in [ws[0], ws[ws.len() - 1]] {
                let long_enough = w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
                let capitalised_or_hindi =
                    is_devanagari(w) || w.chars().next().is_some_and(char::is_uppercase);
                if long_enough && capitalised_or_hindi && !lex.is_common(w) {
                    let owners = parts.entry(w.to_string()).or_default();
                    if !owners.contains(&g) {
                        owners.push(g);
                    }
                }
            }
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for region in structure.regions() {
        for sentence in &region.sentences {
            for w in words(text, sentence.start, sentence.end) {
                let Some(owners) = parts.get(w.text) else {
                    continue;
                };
                let range = Range::new(w.start, w.end);
                if mentions.iter().any(|m| m.range.overlaps(range))
                    || taken.iter().any(|(_, r)| r.overlaps(range))
                {
                    continue;
                }
                // The owner mentioned last before this word, else the first one mentioned.
                let owner = owners
                    .iter()
                    .filter_map(|&g| {
                        let before = groups[g]
                            .mentions
                            .iter()
                            .map(|&m| mentions[m].range.start)
                            .filter(|&s| s < w.start)
                            .max();
                        before.map(|b| (b, g))
                    })
                    .max()
                    .map(|(_, g)| g)
                    .unwrap_or(owners[0]);
                found.push((owner, range));
            }
        }
    }
    found
}

/// A name that a pattern found once is the same name wherever else the article uses it
/// ("बंगाईगांव (Bongaigaon) जिले", later "बंगाईगांव को"), unless it is an ordinary word.
fn repeated_names(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    taken: &[(usize, Range)],
    structure: &Structure,
) -> Vec<(usize, Range)> {
    let lex = lexicon::builtin();
    let mut by_surface: HashMap<&str, usize> = HashMap::new();
    for (g, grp) in groups.iter().enumerate() {
        for &m in &grp.mentions {
            let mention = &mentions[m];
            let s = surface(text, mention);
            let single = !s.contains(' ');
            let ordinary = single && (lex.is_common(s) || s.is_ascii() && lex.is_english_word(s));
            if mention.source == Source::Pattern && !mention.adjectival && !ordinary {
                by_surface.entry(s).or_insert(g);
            }
        }
    }
    let mut found: Vec<(usize, Range)> = Vec::new();
    if by_surface.is_empty() {
        return found;
    }
    for region in structure.regions() {
        let block = region.range.slice(text);
        for (surface, &g) in &by_surface {
            for (at, _) in block.match_indices(surface) {
                let range = Range::new(
                    region.range.start + at,
                    region.range.start + at + surface.len(),
                );
                let before = text[..range.start].chars().next_back();
                let after = text[range.end..].chars().next();
                if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                    continue;
                }
                let overlaps = mentions.iter().any(|m| m.range.overlaps(range))
                    || taken
                        .iter()
                        .chain(found.iter())
                        .any(|(_, r)| r.overlaps(range));
                if !overlaps {
                    found.push((g, range));
                }
            }
        }
    }
    found
}

fn is_devanagari(s: &str) -> bool {
    s.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}

fn draft(text: &str, mentions: &[Mention], g: &Group, roles: &[Range]) -> ActorDraft {
    let names: Vec<&Mention> = g.mentions.iter().map(|&m| &mentions[m]).collect();
    let devanagari = names
        .iter()
        .filter(|m| is_devanagari(surface(text, m)))
        .count();
    let prefer_devanagari = devanagari * 2 >= names.len();
    // How often each surface occurs, counted once: counting per candidate would be quadratic in
    // the mentions of an actor named thousands of times.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in &names {
        *counts.entry(surface(text, m)).or_default() += 1;
    }
    let count = |s: &str| counts.get(s).copied().unwrap_or(0);
    let name = names
        .iter()
        .filter(|m| !m.adjectival)
        .map(|m| surface(text, m))
        .max_by_key(|s| {
            (
                is_devanagari(s) == prefer_devanagari,
                name_words(s).len(),
                count(s),
                s.chars().count(),
            )
        })
        .unwrap_or_default()
        .to_string();
    // The kind of the best-sourced mention, the longest name among equals.
    let kind = names
        .iter()
        .filter(|m| !m.adjectival)
        .min_by_key(|m| {
            let source = match m.source {
                Source::User => 0,
                Source::Lexicon => 1,
                Source::Pattern => 2,
                Source::Tagger => 3,
            };
            (
                source,
                std::cmp::Reverse(name_words(surface(text, m)).len()),
            )
        })
        .map_or(ActorKind::Person, |m| m.kind);
    let wikidata = names.iter().find_map(|m| m.wikidata.clone());
    let mut ranges: Vec<Range> = names
        .iter()
        .map(|m| m.range)
        .chain(roles.iter().copied())
        .collect();
    ranges.sort();
    ranges.dedup_by(|b, a| a.overlaps(*b));
    let mut aliases: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for r in &ranges {
        let s = r.slice(text);
        if s != name && seen.insert(s) {
            aliases.push(s.to_string());
        }
    }
    ActorDraft {
        name,
        canonical: g.canonical.clone(),
        wikidata,
        kind,
        mentions: ranges,
        aliases,
    }
}
