//! Actors: merges the mentions that name the same actor into one [`ActorDraft`].
//!
//! Rules, in order:
//! 1. Mentions with the same canonical name are one actor: spelling variants, acronyms and full
//!    names, demonyms and their country, a capital used for its government and its country all
//!    carry their entry's canonical name from the lexicon.
//! 2. Mentions without one are one actor when their surface forms are the same, and so are a
//!    known name and its surface — unless one is known as an organisation and the other as a
//!    place ("NEW YORK" the team and "NEW YORK" the dateline).
//!    A name written in Latin letters and one in Devanagari with the same consonant sounds are
//!    one actor ("Swami Adhokshajanand Tirthadev", "स्वामी अधोक्षजानंद तीर्थदेव").
//! 3. A shorter person name whose words are a run of a longer person name's words is that person
//!    ("लावरोव" = "सर्गेई लावरोव", "किम" = "किम जोंग उन"). When several people fit (two Thackerays),
//!    the nearest one mentioned before it wins; two full names are never merged.
//!    A one-word Hindi person name one letter off a word of another person's name is that
//!    person ("अमदीनेजाद" = "महमूद अहमदीनेजाद"): transliterated names slip in Hindi copy.
//!    "राज्य सरकार" is the one state's government the article names in full ("महाराष्ट्र सरकार").
//! 4. A role phrase the article ties to a person ("रूस के विदेश मंत्री सर्गेई लावरोव") makes the same
//!    office, used alone later with the same context ("रूस के विदेश मंत्री ने"), a mention of that
//!    person — unless the article ties it to more than one person.
//! 5. An actor named only by demonyms ("रूसी पर्यटक") is dropped: an adjective alone is not an
//!    actor of the story.
//!
//! `name` is the fullest form used, in the script most of the actor's mentions use; `kind` is
//! that of the best-sourced mention, a person's among equals (a lone word guessed to be a place
//! is the weakest guess).

use crate::scan::TextExt;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::article::ActorKind;
use crate::chars::has_devanagari;
use crate::doc::{overlaps_any, ActorDraft, Mention, Range, Ranges, Region, Source};
use crate::mentions::lexicon::{self, is_word_char, TitleClass};
use crate::mentions::patterns::Word;

/// Mentions gathered for one actor.
#[derive(Debug, Clone)]
struct Group {
    mentions: Vec<usize>,
    canonical: Option<Cow<'static, str>>,
}

/// Merge `mentions` (in text order) of `text` (normalised) into actors, in order of first mention;
/// a mention found to be a slip of a person's name becomes that person's.
/// `sentence_words` are the words of the story's sentences
/// ([`crate::mentions::sentence_words`]) as finding mentions left them (with their titles), for
/// rules 3 and 4.
pub fn merge(
    text: &str,
    mentions: &mut [Mention],
    regions: &[Region],
    sentence_words: &[Vec<Word>],
) -> Vec<ActorDraft> {
    let mut groups = group_by_name(text, mentions);
    merge_appositions(text, mentions, &mut groups);
    merge_scripts(text, mentions, &mut groups);
    merge_name_parts(text, mentions, &mut groups);
    merge_spelling_slips(text, mentions, &mut groups);
    let mentions = &*mentions;
    merge_state_governments(text, mentions, &mut groups);
    merge_longer_places(text, mentions, &mut groups);
    let mut extra: Vec<(usize, Range)> = role_mentions(text, mentions, &groups, sentence_words);
    // The ranges of the mentions and roles, made once for the two stages that read them (and
    // only when one does).
    let known = OnceCell::new();
    let known = || known.get_or_init(|| known_ranges(mentions, &extra));
    let parts = name_part_mentions(text, mentions, &groups, known, sentence_words);
    let repeats = repeated_names(
        text,
        mentions,
        &groups,
        known,
        &parts,
        regions,
        sentence_words,
    );
    extra.extend(parts);
    extra.extend(repeats);
    crate::sort::by_key(&mut extra, |(_, r)| r.start);
    let mut roles: Vec<Vec<Range>> = vec![Vec::new(); groups.len()];
    for &(owner, range) in &extra {
        if let Some(r) = roles.get_mut(owner) {
            r.push(range);
        }
    }
    let mut actors: Vec<(usize, ActorDraft)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.mentions.iter().any(|&m| !mentions[m].adjectival))
        .map(|(gi, g)| {
            let first = g.mentions.iter().map(|&m| mentions[m].range.start).min();
            (first.unwrap_or(0), draft(text, mentions, g, &roles[gi]))
        })
        .collect();
    crate::sort::by_key(&mut actors, |(first, _)| *first);
    actors.into_iter().map(|(_, a)| a).collect()
}

fn surface<'a>(text: &'a str, m: &Mention) -> &'a str {
    m.range.slice(text)
}

/// Rules 1 and 2.
fn group_by_name(text: &str, mentions: &[Mention]) -> Vec<Group> {
    // Room for a group for each mention at once (growing it step by step cost more).
    let mut groups: Vec<Group> = Vec::with_capacity(mentions.len());
    // Groups by canonical name, and by loose surface; each mention adds at most one key to each
    // map, which get room for as many at once instead of growing.
    let mut by_canonical: HashMap<&str, usize> = HashMap::default();
    let mut by_surface: HashMap<&str, usize> = HashMap::default();
    by_canonical.reserve(mentions.len());
    by_surface.reserve(mentions.len());
    // Spelling varies ("तीर्थ देव" / "तीर्थदेव", "बंगाईगांव" / "बंगाइगांव"): surfaces are
    // compared without spaces and with vowel lengths and nasal signs folded. Every mention's
    // key is made first, one after another in one string (room for them at once: a key is
    // never longer than its surface), which the map borrows its keys from (a copy of each new
    // key was an allocation for each). A surface met again is not folded again: its key's
    // place in the string, (start, end), is looked up (an actor is named by a few surfaces over
    // and over, and folding a Hindi name costs more than the lookup).
    let mut keys = String::with_capacity(mentions.iter().map(|m| m.range.len()).sum());
    let mut key_at: HashMap<&str, (usize, usize)> = HashMap::default();
    key_at.reserve(mentions.len());
    let spans: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| {
            let s = surface(text, m);
            *key_at.entry(s).or_insert_with(|| {
                let start = keys.len();
                loose_key_into(s, &mut keys);
                (start, keys.len())
            })
        })
        .collect();
    for (i, m) in mentions.iter().enumerate() {
        let (start, end) = spans[i];
        let bare = &keys[start..end];
        // The surface's group, looked up once: the map changes only at the end.
        let by_bare = by_surface.get(bare).copied();
        // A mention's own key: its canonical name if it has one, else its surface.
        let own = match &m.canonical {
            Some(c) => by_canonical.get(c.as_ref()).copied(),
            None => by_bare,
        };
        // The same surface is another actor when the two are known as an organisation and a
        // place ("NEW YORK" the dateline and "NEW YORK" the team).
        let found = own.or_else(|| {
            by_bare.filter(|&g| {
                let first = &mentions[groups[g].mentions[0]];
                let organisation = |m: &Mention| m.kind == ActorKind::Organization;
                m.canonical.is_none()
                    || groups[g].canonical.is_none()
                    || organisation(m) == organisation(first)
            })
        });
        let keyed = match found {
            Some(g) => {
                groups[g].mentions.push(i);
                own
            }
            None => {
                let g = groups.len();
                if let Some(c) = &m.canonical {
                    by_canonical.insert(c.as_ref(), g);
                }
                // Room for a few mentions (most actors named more than once are named a few
                // times): growing from one cost more than the larger allocation.
                let mut named = Vec::with_capacity(4);
                named.push(i);
                groups.push(Group {
                    mentions: named,
                    canonical: m.canonical.clone(),
                });
                Some(g)
            }
        };
        if let (Some(g), None) = (keyed, by_bare) {
            by_surface.insert(bare, g);
        }
    }
    groups
}

/// A spelling key that writers' variants of one Hindi name share: no spaces, nukta or ZWJ, long
/// vowels as short, ॉ as ा, ँ as ं. Latin letters are only lower-cased.
fn loose_key(s: &str) -> String {
    // Every character folds to one of the same length, so the key is never longer than `s`:
    // room for it at once (collected through a filter, it would grow several times).
    let mut folded = String::with_capacity(s.len());
    loose_key_into(s, &mut folded);
    folded
}

/// The Devanagari characters [`loose_key`] folds or drops, a bit each by their last byte's low
/// six bits: of U+0900..U+093F (ँ, ई, ऊ, ़), and of U+0940..U+097F (ी, ू, ॉ).
const DEVANAGARI_FOLDED: [u64; 2] = [
    1 << 0x01 | 1 << 0x08 | 1 << 0x0A | 1 << 0x3C,
    1 | 1 << 0x02 | 1 << 0x09,
];

/// [`loose_key`] of `s`, written onto the end of `folded`.
fn loose_key_into(s: &str, folded: &mut String) {
    let bytes = s.as_bytes();
    // Most characters stay as they are: the runs between the ones that fold or drop are copied
    // whole (pushed one by one, a key took twice as long to make). ASCII and Devanagari that
    // stay are told from their bytes, and only the rest decoded (decoding every character, and
    // asking each whether it is white space, was most of the time of a key).
    let (mut kept, mut at) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        // The length of a character that stays, or 0 for one that may fold or drop (ASCII
        // white space is that of `char::is_whitespace`).
        let stays = match b {
            b'A'..=b'Z' | b'-' | b'\t'..=b'\r' | b' ' => 0,
            0..=0x7F => 1,
            0xE0 if matches!(bytes.get(at + 1), Some(0xA4 | 0xA5)) => {
                let bits = DEVANAGARI_FOLDED[usize::from(bytes[at + 1] & 1)];
                match bits >> (bytes[at + 2] & 0x3F) & 1 {
                    0 => 3,
                    _ => 0,
                }
            }
            _ => 0,
        };
        if stays > 0 {
            at += stays;
            continue;
        }
        let (c, len) = crate::chars::char_at(s, at);
        at += len;
        let Some(into) = loose_fold(c) else {
            continue;
        };
        folded.push_str(&s[kept..at - len]);
        folded.extend(into);
        kept = at;
    }
    folded.push_str(&s[kept..]);
}

/// The rule of [`loose_key`] for one character: `None` when it stays as it is, else what it
/// becomes (`Some(None)` when it is dropped).
fn loose_fold(c: char) -> Option<Option<char>> {
    match c {
        'ी' => Some(Some('ि')),
        'ू' => Some(Some('ु')),
        'ई' => Some(Some('इ')),
        'ऊ' => Some(Some('उ')),
        'ॉ' => Some(Some('ा')),
        'ँ' => Some(Some('ं')),
        '\u{093C}' | '-' => Some(None),
        'A'..='Z' => Some(Some(c.to_ascii_lowercase())),
        c if c.is_whitespace() => Some(None),
        _ => None,
    }
}

/// Moves the mentions of group `from` into group `into`.
fn absorb(mentions: &[Mention], groups: &mut [Group], from: usize, into: usize) {
    if from == into {
        return;
    }
    let taken = std::mem::take(&mut groups[from].mentions);
    groups[into].mentions.extend(taken);
    crate::sort::by_key(&mut groups[into].mentions, |&m| mentions[m].range.start);
    if groups[into].canonical.is_none() {
        groups[into].canonical = groups[from].canonical.take();
    }
}

/// "A (B)": a name with another form of it in brackets right after it ("भारतीय खाद्य सुरक्षा और
/// मानक प्राधिकरण (एफएसएसएआई)", "हेमंत बिस्व शर्मा (Himanta Biswa Sarma)") is one actor.
fn merge_appositions(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    // The group of each mention, kept up to date as groups absorb others (a search of every
    // group for each pair would be quadratic in the number of actors).
    let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];
    for (g, group) in groups.iter().enumerate() {
        for &m in &group.mentions {
            if let Some(slot) = owner.get_mut(m) {
                slot.get_or_insert(g);
            }
        }
    }
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        // Asked in turn, the text after `b` only of a pair with "(" between them (most pairs
        // have other words between them).
        let between = || text[a.range.end..b.range.start].trim() == "(";
        let closed = || text[b.range.end..].trim_start().starts_with(')');
        let same_class = (a.kind == ActorKind::Person) == (b.kind == ActorKind::Person);
        let agree = a.canonical.is_none() || b.canonical.is_none() || a.canonical == b.canonical;
        if between() && closed() && same_class && agree && !a.adjectival && !b.adjectival {
            if let (Some(ga), Some(gb)) = (owner[i - 1], owner[i]) {
                if ga != gb {
                    for &m in &groups[gb].mentions {
                        owner[m] = Some(ga);
                    }
                }
                absorb(mentions, groups, gb, ga);
            }
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// The fewest consonant sounds a name must have for [`merge_scripts`] to compare it: shorter
/// names too often sound alike by chance ("Modi", "मादी").
const SCRIPTS_MIN_SOUNDS: usize = 6;

/// Rule 2, across scripts: a group named only in Latin letters joins the one group named only
/// in Devanagari whose name has the same consonant sounds ([`lexicon::Lexicon::sounds`]), of
/// the same class (a person or not), when no other group sounds the same: a story's English
/// label line and its Hindi body name the same people ("Swami Adhokshajanand Tirthadev",
/// "स्वामी अधोक्षजानंद तीर्थदेव"). Names known to the lexicon already share their canonical name.
fn merge_scripts(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let written = |g: &Group, devanagari: bool| {
        g.mentions.iter().all(|&m| {
            let s = surface(text, &mentions[m]);
            if devanagari {
                has_devanagari(s)
            } else {
                s.is_ascii()
            }
        })
    };
    let latin: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].canonical.is_none() && written(&groups[g], false))
        .collect();
    if latin.is_empty() {
        return;
    }
    let lex = lexicon::builtin();
    // The sounds of every name of the groups written in Devanagari: the groups that have them.
    let mut by_sounds: HashMap<String, Vec<usize>> = HashMap::default();
    for (g, group) in groups.iter().enumerate() {
        if group.canonical.is_some() || !written(group, true) {
            continue;
        }
        for &m in &group.mentions {
            let sounds = lex.sounds(surface(text, &mentions[m]));
            if sounds.chars().count() >= SCRIPTS_MIN_SOUNDS {
                let list = by_sounds.entry(sounds).or_default();
                if !list.contains(&g) {
                    list.push(g);
                }
            }
        }
    }
    if by_sounds.is_empty() {
        return;
    }
    let person = |g: usize| mentions[groups[g].mentions[0]].kind == ActorKind::Person;
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for &g in &latin {
        let mut fits: Vec<usize> = groups[g]
            .mentions
            .iter()
            .filter_map(|&m| by_sounds.get(&lex.sounds(surface(text, &mentions[m]))))
            .flatten()
            .copied()
            .filter(|&h| person(h) == person(g))
            .collect();
        crate::sort::natural(&mut fits);
        fits.dedup();
        if let [h] = fits[..] {
            moves.push((g, h));
        }
    }
    // A Devanagari group that two Latin ones fit is left alone: the sounds cannot tell which.
    let mut targets: Vec<usize> = moves.iter().map(|&(_, h)| h).collect();
    crate::sort::natural(&mut targets);
    for (g, h) in moves {
        if targets.iter().filter(|&&t| t == h).count() == 1 {
            absorb(mentions, groups, g, h);
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// A place or organisation named in full and by a shorter run of its words ("बांद्रा स्टेशन",
/// "बांद्रा रेलवे स्टेशन") is one actor when only one longer name fits.
fn merge_longer_places(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let kind_of = |g: &Group| mentions[g.mentions[0]].kind;
    // Each group's longest name, worked out once and again only for a group that grows: the
    // loop pairs every group with every other. A person's is never read (only groups of the
    // kind of a group that is no person's are), so it is left empty, and its group unlisted.
    let mut names = LongestNames::new(text, mentions, groups, |g| {
        let person = groups[g]
            .mentions
            .first()
            .is_some_and(|&m| mentions[m].kind == ActorKind::Person);
        !person
    });
    // The groups whose longest name starts with a given word, listed under the first word of
    // each name they have had (a group is listed again when its name changes); the test below
    // reads their current names, so it keeps those that now start and end as the short name.
    let mut by_first = Chains::with_capacity(groups.len());
    for h in 0..groups.len() {
        if let Some(&first) = names.get(h).first() {
            by_first.push(first, h);
        }
    }
    for g in 0..groups.len() {
        if groups[g].mentions.is_empty()
            || groups[g].canonical.is_some()
            || kind_of(&groups[g]) == ActorKind::Person
        {
            continue;
        }
        let short = names.get(g);
        if short.len() < 2 {
            continue;
        }
        // Exactly one group fits (a group listed twice counts once).
        let one = {
            let mut fits = by_first
                .get(short[0])
                .filter(|&h| h != g && !groups[h].mentions.is_empty())
                .filter(|&h| kind_of(&groups[h]) == kind_of(&groups[g]))
                .filter(|&h| {
                    let long = names.get(h);
                    long.len() > short.len()
                        && long.first() == short.first()
                        && long.last() == short.last()
                        && short.iter().all(|w| long.contains(w))
                });
            fits.next().filter(|&h| fits.all(|other| other == h))
        };
        if let Some(h) = one {
            absorb(mentions, groups, g, h);
            names.renew(g, text, mentions, &groups[g]);
            names.renew(h, text, mentions, &groups[h]);
            if let Some(&first) = names.get(h).first() {
                by_first.push(first, h);
            }
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// The words of a name, without the full stops of initials.
fn name_word_iter(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    // The pieces between characters that are neither word characters nor full stops, as
    // `str::split` gives them: runs of letters ([`crate::chars::letter_run`]) are read from the
    // bytes, other characters decoded.
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            let start = at;
            let mut end = s.len();
            while at < s.len() {
                at = crate::chars::letter_run(bytes, at).0;
                let Some(c) = s[at..].chars().next() else {
                    break;
                };
                if !is_word_char(c) && c != '.' {
                    end = at;
                    break;
                }
                at += c.len_utf8();
            }
            if end == s.len() {
                done = true;
            } else {
                at = end + s[end..].chars().next().map_or(0, char::len_utf8);
            }
            let word = crate::chars::trim_end_dots(&s[start..end]);
            if !word.is_empty() {
                return Some(word);
            }
        }
        None
    })
}

/// How many [`name_word_iter`] words `s` has, without listing them.
fn name_word_count(s: &str) -> usize {
    name_word_iter(s).count()
}

fn is_run_of(short: &[&str], long: &[&str]) -> bool {
    !short.is_empty() && short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

fn is_personish(m: &Mention) -> bool {
    m.kind == ActorKind::Person
}

/// Whether every mention of `g` names a person.
fn is_person_group(mentions: &[Mention], g: &Group) -> bool {
    g.mentions.iter().all(|&m| is_personish(&mentions[m]))
}

/// The [`longest_name`]s of some groups, the words of all in one list (a list for each group
/// was an allocation for each).
struct LongestNames<'t> {
    words: Vec<&'t str>,
    /// Each group's words in `words`: (start, end).
    spans: Vec<(usize, usize)>,
}

impl<'t> LongestNames<'t> {
    /// The longest names of those of `groups` that `read` picks by number (the others are left
    /// empty).
    fn new(
        text: &'t str,
        mentions: &[Mention],
        groups: &[Group],
        read: impl Fn(usize) -> bool,
    ) -> Self {
        let mut names = LongestNames {
            words: Vec::with_capacity(2 * groups.len()),
            spans: Vec::with_capacity(groups.len()),
        };
        for (g, grp) in groups.iter().enumerate() {
            let start = names.words.len();
            if read(g) {
                longest_name(text, mentions, grp, &mut names.words);
            }
            names.spans.push((start, names.words.len()));
        }
        names
    }

    /// Group `g`'s longest name.
    fn get(&self, g: usize) -> &[&'t str] {
        let (start, end) = self.spans[g];
        &self.words[start..end]
    }

    /// Works out group `g`'s longest name again (its mentions changed).
    fn renew(&mut self, g: usize, text: &'t str, mentions: &[Mention], group: &Group) {
        let start = self.words.len();
        longest_name(text, mentions, group, &mut self.words);
        self.spans[g] = (start, self.words.len());
    }
}

/// Adds to `words` the name words of `g`'s mention with the most of them.
fn longest_name<'t>(text: &'t str, mentions: &[Mention], g: &Group, words: &mut Vec<&'t str>) {
    // Counted first, listed once: the last of the longest, as `max_by_key` picks (of equal
    // surfaces, any: their words are the same). A group names its actor with a few surfaces
    // over and over: the longest so far and the last other one are not counted again, and
    // the words of a group named by one surface only (most) are not counted at all.
    if let [first, rest @ ..] = &g.mentions[..] {
        let first = surface(text, &mentions[*first]);
        if rest.iter().all(|&m| surface(text, &mentions[m]) == first) {
            words.extend(name_word_iter(first));
            return;
        }
    }
    let mut best: Option<(&str, usize)> = None;
    let mut other: Option<(&str, usize)> = None;
    for &m in &g.mentions {
        let s = surface(text, &mentions[m]);
        let count = match (best, other) {
            (Some((b, n)), _) if b == s => n,
            (_, Some((o, n))) if o == s => n,
            _ => name_word_count(s),
        };
        if best.is_none_or(|(_, n)| count >= n) {
            best = Some((s, count));
        } else {
            other = Some((s, count));
        }
    }
    if let Some((s, _)) = best {
        words.extend(name_word_iter(s));
    }
}

/// Rule 3.
fn merge_name_parts(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let person = |g: &Group| is_person_group(mentions, g);
    // A lone word that only a capitalisation guess typed may still be a person's surname.
    let guess = |g: &Group| {
        g.mentions.iter().all(|&m| {
            mentions[m].source == Source::Pattern
                && name_word_count(surface(text, &mentions[m])) == 1
        })
    };
    // Each group's kind, whether it may be a short name (a person's or a guess), and its
    // longest name, worked out once: the loop below pairs every group with every other. Only
    // people's and short names' longest names are read: the others are left empty.
    let persons: Vec<bool> = groups.iter().map(person).collect();
    let may_be_short: Vec<bool> = groups
        .iter()
        .zip(&persons)
        .map(|(g, &person)| person || guess(g))
        .collect();
    let longests = LongestNames::new(text, mentions, groups, |g| may_be_short[g]);
    // The lengths of the short names, shortest first, and the short names by length, each
    // length's in group order (as a stable sort of the groups by length gives them, without
    // sorting: names are a few words long).
    let mut has_length: Vec<bool> = Vec::new();
    for long in (0..groups.len())
        .filter(|&g| may_be_short[g])
        .map(|g| longests.get(g))
    {
        if has_length.len() <= long.len() {
            has_length.resize(long.len() + 1, false);
        }
        has_length[long.len()] = true;
    }
    let lengths: Vec<usize> = (0..has_length.len()).filter(|&n| has_length[n]).collect();
    let (may_be_short, longests) = (&may_be_short, &longests);
    let shorts: Vec<usize> = lengths
        .iter()
        .flat_map(|&n| {
            (0..groups.len()).filter(move |&g| may_be_short[g] && longests.get(g).len() == n)
        })
        .collect();
    // The people whose longest name holds each short name as a run of words, in group order:
    // each short name meets only the names it is a run of, not every group (quadratic in the
    // people of a long text). Only runs as long as some short name are listed. A short name's
    // number is that of the first short name with its words, which numbers its list of people;
    // names are looked up by their words (joining them into a string for each short name and
    // each run cost more than the lookups).
    let mut wanted: HashMap<&[&str], usize> = HashMap::default();
    wanted.reserve(shorts.len());
    let numbers: Vec<usize> = (0..shorts.len())
        .map(|i| *wanted.entry(longests.get(shorts[i])).or_insert(i))
        .collect();
    let mut longer: Vec<Vec<usize>> = vec![Vec::new(); shorts.len()];
    for h in (0..groups.len()).filter(|&h| persons[h]) {
        let long = longests.get(h);
        for &n in &lengths {
            if n == 0 || n >= long.len() {
                continue;
            }
            for run in long.windows(n) {
                if let Some(&i) = wanted.get(run) {
                    let list = &mut longer[i];
                    if list.last() != Some(&h) {
                        list.push(h);
                    }
                }
            }
        }
    }
    // The group each short group is merged into, if any.
    let mut merged_into: Vec<Option<usize>> = vec![None; groups.len()];
    for (&g, &i) in shorts.iter().zip(&numbers) {
        let short = longests.get(g);
        let first = mentions[groups[g].mentions[0]].range.start;
        let mut best: Option<(usize, usize)> = None; // (distance key, group)
        let candidates = &longer[i];
        for &h in candidates {
            let other = &groups[h];
            if h == g || merged_into[h].is_some() || !persons[h] {
                continue;
            }
            if groups[g].canonical.is_some()
                && other.canonical.is_some()
                && groups[g].canonical != other.canonical
            {
                continue;
            }
            let long = longests.get(h);
            if !is_run_of(short, long) {
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
            merged_into[g] = Some(h);
        }
    }
    // Follow chains (a → b → c) and move mentions.
    let root = |mut g: usize| {
        while let Some(h) = merged_into[g] {
            g = h;
        }
        g
    };
    // In group order.
    let moves: Vec<(usize, usize)> = (0..groups.len())
        .filter(|&g| merged_into[g].is_some())
        .map(|g| (g, root(g)))
        .collect();
    for (g, r) in moves {
        let taken = std::mem::take(&mut groups[g].mentions);
        groups[r].mentions.extend(taken);
        crate::sort::by_key(&mut groups[r].mentions, |&m| mentions[m].range.start);
        if groups[r].canonical.is_none() {
            groups[r].canonical = groups[g].canonical.clone();
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// The fewest characters of both words that [`merge_spelling_slips`] compares: shorter names are
/// too often two real names a letter apart ("शर्मा", "वर्मा"; "पांडे", "पांडेय" are folded
/// anyway).
const SLIP_MIN_CHARS: usize = 6;

/// The most characters of a word [`merge_spelling_slips`] compares: a word's deletions cost the
/// square of its length, and no name is longer (a 100 KB run of letters is no name either).
const SLIP_MAX_CHARS: usize = 40;

/// Rule 3, for spelling slips: a one-word person name, or a word only guessed at (no canonical
/// name, no lexicon entry), that is one letter off
/// a word of another person's name — a letter left out, added or changed, or two letters swapped
/// ("अमदीनेजाद", "अमहदीनेजाद" for "अहमदीनेजाद"; "मिस्बाह" for "मिस्वाह") — is that person,
/// when exactly one person fits. Devanagari words of [`SLIP_MIN_CHARS`] or more characters with
/// the same first letter only, compared by their [`loose_key`]s. Candidates are found through
/// their words' one-letter deletions (a slip leaves the two words a deletion in common), not by
/// comparing every pair of people.
// Not inlined into `merge`: 1.2 KB gzip smaller, and it runs once per parse.
#[inline(never)]
fn merge_spelling_slips(text: &str, mentions: &mut [Mention], groups: &mut Vec<Group>) {
    let person = |g: &Group| is_person_group(mentions, g);
    // Only Hindi names slip so: a text without one has nothing to compare.
    if !mentions.iter().any(|m| has_devanagari(surface(text, m))) {
        return;
    }
    let slip_key = |w: &str| -> Option<String> {
        if !has_devanagari(w) {
            return None;
        }
        let key = loose_key(w);
        let chars = key.chars().count();
        (SLIP_MIN_CHARS..=SLIP_MAX_CHARS)
            .contains(&chars)
            .then_some(key)
    };
    let persons: Vec<bool> = groups.iter().map(person).collect();
    // A person, or a word only guessed at (a slip of a person's name may be guessed a place).
    let guessed = |g: &Group| {
        g.canonical.is_none()
            && g.mentions
                .iter()
                .all(|&m| matches!(mentions[m].source, Source::Tagger | Source::Pattern))
    };
    // The longest names of the people and of the guesses, the only ones read below (the others
    // are left empty).
    let longests = LongestNames::new(text, mentions, groups, |g| {
        persons[g] || guessed(&groups[g])
    });
    // The keys of each person's long enough name words, made once: they are indexed here and
    // compared again for every slip that meets them.
    let keys: Vec<Vec<String>> = (0..groups.len())
        .map(|g| match persons[g] {
            true => longests.get(g).iter().filter_map(|w| slip_key(w)).collect(),
            false => Vec::new(),
        })
        .collect();
    // Each key and its deletions, written one after another in one string (a string each was
    // most of the cost of comparing names for slips), with the group of each: (end, group).
    let mut written = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for (h, keys) in keys.iter().enumerate() {
        for key in keys {
            each_deletion(key, |d| {
                written.push_str(d);
                ends.push((written.len(), h));
            });
        }
    }
    // The groups under each key and deletion; a group listed last already is not listed again.
    let mut by_string = Chains::with_capacity(ends.len());
    let mut start = 0;
    for &(end, h) in &ends {
        let string = &written[start..end];
        if by_string.get(string).next() != Some(h) {
            by_string.push(string, h);
        }
        start = end;
    }
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for g in 0..groups.len() {
        let [word] = longests.get(g) else {
            continue;
        };
        if !(persons[g] || guessed(&groups[g])) || groups[g].canonical.is_some() {
            continue;
        }
        let Some(key) = slip_key(word) else {
            continue;
        };
        let mut fits: Vec<usize> = Vec::new();
        each_deletion(&key, |d| {
            for h in by_string.get(d) {
                if h != g
                    && keys[h].iter().any(|other| {
                        other.chars().next() == key.chars().next() && one_slip(&key, other)
                    })
                {
                    fits.push(h);
                }
            }
        });
        crate::sort::natural(&mut fits);
        fits.dedup();
        // Of two one-word names a slip apart, the later one joins the earlier.
        if let [h] = fits[..] {
            if longests.get(h).len() > 1 || h < g {
                moves.push((g, h));
            }
        }
    }
    for (g, h) in moves {
        if !groups[h].mentions.is_empty() {
            // A guess at the slip's kind was wrong: it names the person.
            for &m in &groups[g].mentions {
                mentions[m].kind = ActorKind::Person;
            }
            absorb(mentions, groups, g, h);
        }
    }
    groups.retain(|g| !g.mentions.is_empty());
}

/// Rule 3, for a state's government named by its role: every group named only "राज्य सरकार"
/// or the like ([`lexicon::Lexicon::state_governments`]) joins the group of the one state's or
/// province's government the article names in full ("महाराष्ट्र सरकार": a place the lexicon
/// knows, not a country, before the same head word), if there is exactly one such group.
fn merge_state_governments(text: &str, mentions: &[Mention], groups: &mut Vec<Group>) {
    let lex = lexicon::builtin();
    // The phrases are Hindi: other names are not looked up.
    let generic = |g: &Group| {
        g.mentions.iter().all(|&m| {
            let s = surface(text, &mentions[m]);
            has_devanagari(s) && lex.state_governments.contains(s)
        })
    };
    let roles: Vec<usize> = (0..groups.len()).filter(|&g| generic(&groups[g])).collect();
    if roles.is_empty() {
        return;
    }
    // The head word the role's name ends in ("सरकार"), and a name "X सरकार" with X a place the
    // lexicon knows whole.
    let role = surface(text, &mentions[groups[roles[0]].mentions[0]]);
    let head = crate::scan::after_last(role, |c| c == ' ');
    let of_a_state = |s: &str| {
        let Some(place) = s.strip_suffix(head).and_then(|p| p.strip_suffix(' ')) else {
            return false;
        };
        let hits = lex.names.find(place, 0, place.len());
        matches!(hits.as_slice(), [hit] if hit.start == 0
            && hit.end == place.len()
            && !hit.form.adjectival
            && lex.names.entry(hit.form).kind == ActorKind::Place)
    };
    let states: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            !roles.contains(&g)
                && groups[g]
                    .mentions
                    .iter()
                    .any(|&m| of_a_state(surface(text, &mentions[m])))
        })
        .collect();
    if let [state] = states[..] {
        for g in roles {
            absorb(mentions, groups, g, state);
        }
        groups.retain(|g| !g.mentions.is_empty());
    }
}

/// Calls `found` with `key` itself, then `key` with one character left out at each place in
/// turn: two words one slip apart share one of these. Each is made in one buffer.
fn each_deletion(key: &str, mut found: impl FnMut(&str)) {
    found(key);
    let mut d = String::with_capacity(key.len());
    for (i, c) in key.char_indices() {
        d.clear();
        d.push_str(&key[..i]);
        d.push_str(&key[i + c.len_utf8()..]);
        found(&d);
    }
}

/// `s` without its first character.
fn after_first(s: &str) -> &str {
    s.chars().next().map_or("", |c| &s[c.len_utf8()..])
}

/// Whether `a` and `b` differ by exactly one letter left out, added or changed, or two adjacent
/// letters swapped.
fn one_slip(a: &str, b: &str) -> bool {
    let (na, nb) = (a.chars().count(), b.chars().count());
    let (short, long) = if na <= nb { (a, b) } else { (b, a) };
    // Where they first differ (the same byte in both: what comes before is the same).
    let Some(at) = short
        .char_indices()
        .zip(long.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, _), _)| i)
    else {
        return na.abs_diff(nb) == 1;
    };
    let (s, l) = (&short[at..], &long[at..]);
    match na.abs_diff(nb) {
        0 => {
            after_first(s) == after_first(l) || {
                let (s1, l1) = (after_first(s), after_first(l));
                s.chars().next() == l1.chars().next()
                    && l.chars().next() == s1.chars().next()
                    && after_first(s1) == after_first(l1)
            }
        }
        1 => s == after_first(l),
        _ => false,
    }
}

/// For each word (and the end), the first word of the office title that ends right before it,
/// if any: of several, the one that starts first (chained titles). `offices[j]` is the number of
/// words of the office title at word `j`.
fn office_starts(offices: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut starts = vec![None; offices.len() + 1];
    for (j, m) in offices.iter().enumerate() {
        if let Some(slot) = m.filter(|&m| m > 0).and_then(|m| starts.get_mut(j + m)) {
            slot.get_or_insert(j);
        }
    }
    starts
}

/// The office (and its "X के" or demonym context) of words `j..i`, just before word `i`, as
/// (context key, office text, office range).
fn role_before(
    text: &str,
    adjectivals: &Ranges,
    words: &[Word],
    j: usize,
    i: usize,
) -> (String, String, Range) {
    let office = Range::new(words[j].start, words[i - 1].end);
    // Context: "रूस के", "उत्तर कोरियाई" before the office, in the same sentence.
    let bare = office.slice(text).to_string();
    let mut key = bare.clone();
    let w1 = j.checked_sub(1).map(|k| words[k]);
    let w2 = j.checked_sub(2).map(|k| words[k]);
    let adjectival = |w: &Word| adjectivals.overlaps(Range::new(w.start, w.end));
    match (w2, w1) {
        (Some(owner), Some(marker)) if matches!(marker.text, "के" | "की" | "का") => {
            key = [owner.text, " ", marker.text, " ", &key].concat();
        }
        (_, Some(adjective)) if adjectival(&adjective) => {
            key = [adjective.text, " ", &key].concat();
        }
        _ => {}
    }
    (key, bare, office)
}

/// Rule 4: (group, office range) for each later use of an office tied to one person.
fn role_mentions(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    sentence_words: &[Vec<Word>],
) -> Vec<(usize, Range)> {
    // Most sentences name no office, and many texts none: they are told from their words alone
    // (not from a list of titles made for each), and a text without one asks nothing more.
    let office = |w: &Word| matches!(w.title, Some((TitleClass::Office, _)));
    if !sentence_words.iter().flatten().any(office) {
        return Vec::new();
    }
    // Each mention's group (the later group, were a mention in two).
    let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];
    for (g, grp) in groups.iter().enumerate() {
        for &m in &grp.mentions {
            owner[m] = Some(g);
        }
    }
    // (start, mention) of the persons' mentions by start, of equal starts the later mention
    // last: the person mentioned at a start is the last one at it.
    let mut person_at: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| is_personish(m))
        .map(|(i, m)| (m.range.start, i))
        .collect();
    crate::sort::natural(&mut person_at);
    // Demonyms, asked about before every office: found by binary search, not by reading every
    // mention.
    let adjectivals = Ranges::new(mentions.iter().filter(|m| m.adjectival).map(|m| m.range));
    // Each role's and bare office's person, or [`TIED`] (maps of the type the other stages use).
    let mut roles: HashMap<String, usize> = HashMap::default();
    let mut offices: HashMap<String, usize> = HashMap::default();
    let mut candidates: Vec<(String, String, Range)> = Vec::new();
    // The office title at each word, as the patterns found it (one list for every sentence).
    let mut titles: Vec<Option<usize>> = Vec::new();
    for ws in sentence_words {
        if !ws.iter().any(office) {
            continue;
        }
        titles.clear();
        titles.extend(ws.iter().map(|w| match w.title {
            Some((TitleClass::Office, m)) => Some(usize::from(m)),
            _ => None,
        }));
        let starts = office_starts(&titles);
        for i in 1..ws.len() {
            let Some(j) = starts[i] else {
                continue;
            };
            let (key, bare, office) = role_before(text, &adjectivals, ws, j, i);
            let start = ws[i].start;
            let named = person_at[..person_at.partition_point(|&(s, _)| s <= start)]
                .last()
                .filter(|&&(s, _)| s == start);
            match named.and_then(|&(_, m)| owner[m]) {
                Some(g) => {
                    for (map, k) in [(&mut roles, key), (&mut offices, bare)] {
                        let slot = map.entry(k).or_insert(g);
                        if *slot != g {
                            *slot = TIED; // tied to two people: no evidence for either
                        }
                    }
                }
                None => candidates.push((key, bare, office)),
            }
        }
    }
    let named = Ranges::new(mentions.iter().map(|m| m.range));
    candidates
        .into_iter()
        .filter_map(|(key, bare, office)| {
            // The same office in the same context; or the bare office ("विदेश मंत्री ने") when
            // the article ties it to one person only.
            let g = match roles.get(&key) {
                Some(&g) => g,
                None if key == bare => *offices.get(&bare)?,
                None => return None,
            };
            if g == TIED {
                return None;
            }
            (!named.overlaps(office)).then_some((g, office))
        })
        .collect()
}

/// Rule 3 for words no earlier stage marked: a first name or surname of a person named in full
/// elsewhere in the article ("किम" after "किम जोंग उन"), when it is not a common word.
/// `known` gives the ranges of the mentions and of the roles found ([`known_ranges`]).
fn name_part_mentions<'r>(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    known: impl Fn() -> &'r Ranges,
    sentence_words: &[Vec<Word>],
) -> Vec<(usize, Range)> {
    let lex = lexicon::builtin();
    // Each name part's number (the part is the text's own word, not a copy); each part's first
    // and last owner, and every (part, owner) in group order (a list of owners for each part
    // was an allocation for each).
    // (The map is given room for a part of each mention at once instead of growing.)
    let mut parts: HashMap<&str, usize> = HashMap::default();
    parts.reserve(mentions.len());
    let mut first_last: Vec<(usize, usize)> = Vec::new();
    let mut owners: Vec<(usize, usize)> = Vec::new();
    for (g, grp) in groups.iter().enumerate() {
        if !is_person_group(mentions, grp) {
            continue;
        }
        // A person is named by a few surfaces over and over: a surface read for the mention
        // before adds nothing (its words, and their lexicon lookups, are not read again).
        let mut before = None;
        for &m in &grp.mentions {
            let s = surface(text, &mentions[m]);
            if before.replace(s) == Some(s) {
                continue;
            }
            // The first and the last of two or more name words.
            let mut ws = name_word_iter(s);
            let (Some(first), Some(last)) = (ws.next(), ws.last()) else {
                continue;
            };
            for w in [first, last] {
                // Two letters are enough to tell (the rest are not counted); an ASCII capital
                // (most names of an English text) needs no look at the rest either.
                let long_enough = || {
                    w.chars()
                        .filter(|&c| crate::chars::is_alphabetic(c))
                        .nth(1)
                        .is_some()
                };
                let opening = w.chars().next();
                let capitalised_or_hindi = || {
                    opening.is_some_and(|c| c.is_ascii_uppercase())
                        || has_devanagari(w)
                        || opening.is_some_and(char::is_uppercase)
                };
                if long_enough() && capitalised_or_hindi() && !lex.is_common(w) {
                    let next = first_last.len();
                    let part = *parts.entry(w).or_insert(next);
                    if part == next {
                        first_last.push((g, g));
                        owners.push((part, g));
                    }
                    // Groups come in order: one already listed is the last.
                    if first_last[part].1 != g {
                        first_last[part].1 = g;
                        owners.push((part, g));
                    }
                }
            }
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    // Most words of the text are told from the parts' openings and lengths without a lookup
    // (a part is capitalised or Hindi, most words of an English text are neither).
    let mut filter = WordFilter::default();
    for w in parts.keys() {
        filter.add(w);
    }
    let known = known();
    // The words that are parts and not yet any mention's: (part, range).
    let mut hits: Vec<(usize, Range)> = Vec::new();
    for ws in sentence_words {
        for w in ws {
            if !filter.may_be(w.text.as_bytes(), 0, w.text.len()) {
                continue;
            }
            let Some(&part) = parts.get(w.text) else {
                continue;
            };
            let range = Range::new(w.start, w.end);
            if !known.overlaps(range) {
                hits.push((part, range));
            }
        }
    }
    if hits.is_empty() {
        return hits;
    }
    // For each part found, where its owners are mentioned, (start, owner) in text order: the
    // owner mentioned last before a place is found by binary search, not by reading every
    // mention of every owner at every place (quadratic on a long text). Of two owners mentioned
    // at the same start, the later group wins, as the largest (start, owner) does. Only the
    // parts found are listed (most parts are found only inside their owners' mentions).
    let mut places: Vec<Vec<(usize, usize)>> = vec![Vec::new(); first_last.len()];
    let mut wanted = vec![false; first_last.len()];
    for &(part, _) in &hits {
        wanted[part] = true;
    }
    for &(part, g) in owners.iter().filter(|&&(part, _)| wanted[part]) {
        let at = groups[g]
            .mentions
            .iter()
            .map(|&m| (mentions[m].range.start, g));
        places[part].extend(at);
    }
    for at in &mut places {
        crate::sort::natural(at);
    }
    hits.into_iter()
        .map(|(part, range)| {
            // The owner mentioned last before this word, else the first one mentioned.
            let at = &places[part];
            let before = at.partition_point(|&(s, _)| s < range.start);
            let owner = before
                .checked_sub(1)
                .map_or(first_last[part].0, |k| at[k].1);
            (owner, range)
        })
        .collect()
}

/// The ranges of `mentions` (in text order) and of `taken`, for the words they cover: the two
/// lists merged by start, so that [`Ranges::new`] finds them in order (one list after the other
/// was sorted whole again, most of the cost of the ranges when anything was taken).
fn known_ranges(mentions: &[Mention], taken: &[(usize, Range)]) -> Ranges {
    if taken.is_empty() {
        return Ranges::new(mentions.iter().map(|m| m.range));
    }
    let mut taken: Vec<Range> = taken.iter().map(|t| t.1).collect();
    crate::sort::by_key(&mut taken, |r| r.start);
    let mut all = Vec::with_capacity(mentions.len() + taken.len());
    let mut rest = taken.iter().peekable();
    for m in mentions {
        while let Some(r) = rest.next_if(|r| r.start < m.range.start) {
            all.push(*r);
        }
        all.push(m.range);
    }
    all.extend(rest);
    Ranges::new(all.into_iter())
}

/// A name that a pattern found once is the same name wherever else the article uses it
/// ("बंगाईगांव (Bongaigaon) जिले", later "बंगाईगांव को"), unless it is an ordinary word.
/// `sentence_words` are the words of the sentences of `regions`, in order. `known` gives the
/// ranges of the mentions and of the roles found ([`known_ranges`]); `parts` are the name parts
/// found ([`name_part_mentions`]: words, in text order), the words taken besides.
fn repeated_names<'r>(
    text: &str,
    mentions: &[Mention],
    groups: &[Group],
    known: impl Fn() -> &'r Ranges,
    parts: &[(usize, Range)],
    regions: &[Region],
    sentence_words: &[Vec<Word>],
) -> Vec<(usize, Range)> {
    debug_assert!(
        parts.windows(2).all(|w| w[0].1.end <= w[1].1.start),
        "name parts should be in text order and apart (overlaps_any searches them)"
    );
    let lex = lexicon::builtin();
    // Each surface's first group (one map of a type the other stages use), given room for a
    // surface of each mention at once instead of growing.
    let mut by_surface: HashMap<&str, usize> = HashMap::default();
    by_surface.reserve(mentions.len());
    for (g, grp) in groups.iter().enumerate() {
        for &m in &grp.mentions {
            let mention = &mentions[m];
            if mention.source != Source::Pattern || mention.adjectival {
                continue;
            }
            by_surface.entry(surface(text, mention)).or_insert(g);
        }
    }
    let mut found: Vec<(usize, Range)> = Vec::new();
    // Longest surface first, so that "John Sankus" is claimed before the "Sankus" inside it
    // (a HashMap's order changes from run to run, and so did the result).
    let mut by_surface: Vec<(&str, usize)> = by_surface.into_iter().collect();
    if by_surface.is_empty() {
        return found;
    }
    crate::sort::by(&mut by_surface, |a, b| {
        b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0))
    });
    // All surfaces are found in one pass over each region; checking each place against every
    // mention would be quadratic in the length of the article.
    let surfaces: Vec<&str> = by_surface.iter().map(|&(s, _)| s).collect();
    // A few surfaces are found faster one by one; more, by the word they open with; the rest
    // with an automaton (building it costs as much as a search of a short article).
    let by_first_word = if surfaces.len() > FEW_SURFACES {
        first_words(&surfaces)
    } else {
        None
    };
    let automaton = if by_first_word.is_none()
        && surfaces.len() > FEW_SURFACES
        && surfaces.iter().all(|s| !s.is_empty())
    {
        // Surfaces are distinct (map keys) and not empty, which is all the builder asks; if it
        // fails anyway, each surface is searched on its own.
        daachorse::DoubleArrayAhoCorasickBuilder::new()
            .use_prefilter(false)
            .build::<_, _, u32>(&surfaces)
            .ok()
    } else {
        None
    };
    let known = known();
    // Whether each surface is an ordinary word, once asked.
    let mut ordinary: Vec<Option<bool>> = vec![None; by_surface.len()];
    // The places already claimed here, (start, end): claimed places never overlap one another,
    // so a place overlaps one when the last that starts before its end ends after its start.
    // (A table of the text's bytes cost more to clear than the few places do to find.)
    let mut claimed: BTreeSet<(usize, usize)> = BTreeSet::new();
    // The words of each region's sentences, which name the region's runs of word characters
    // (read once already; reading the text again here was half the work of this stage).
    let mut first_sentence = 0;
    // Each region's places, in one list for all (a list each grew step by step).
    let mut places: Vec<(usize, usize)> = Vec::new();
    for region in regions {
        let block = region.range.slice(text);
        let sentences = first_sentence..first_sentence + region.sentences.len();
        first_sentence = sentences.end;
        match &by_first_word {
            Some(by_first_word) => {
                let words = sentence_words.get(sentences).map(|words| (region, words));
                at_word_starts(by_first_word, &surfaces, block, words, &mut places);
            }
            None => places = occurrences(automaton.as_ref(), &surfaces, block),
        }
        for &(p, at) in &places {
            let (surface, g) = by_surface[p];
            let range = Range::new(
                region.range.start + at,
                region.range.start + at + surface.len(),
            );
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            if known.overlaps(range) || overlaps_any(parts, |&(_, r)| r, range) {
                continue;
            }
            // A one-word surface that is an ordinary word ("Results") names no one elsewhere.
            // Asked only here, once a surface: most places are the mentions themselves, known
            // already, and the lexicon's answers cost more than the search.
            let ordinary = *ordinary[p].get_or_insert_with(|| {
                !surface.contains_char(' ')
                    && (lex.is_common(surface)
                        || surface.is_ascii() && lex.is_english_word(surface))
            });
            if ordinary {
                continue;
            }
            // An empty place claims no byte.
            if !range.is_empty() {
                let last = claimed.range(..(range.end, 0)).next_back();
                if last.is_some_and(|&(_, end)| end > range.start) {
                    continue;
                }
                claimed.insert((range.start, range.end));
            }
            found.push((g, range));
        }
    }
    found
}

/// Where each of `surfaces` occurs in `block`, surface by surface in their order, each
/// surface's places left to right and not overlapping one another (as `str::match_indices`
/// gives them): `(surface index, byte offset)`. `automaton`, if given, holds `surfaces`, none
/// of them empty.
fn occurrences(
    automaton: Option<&daachorse::DoubleArrayAhoCorasick<u32>>,
    surfaces: &[&str],
    block: &str,
) -> Vec<(usize, usize)> {
    let Some(automaton) = automaton else {
        return surfaces
            .iter()
            .enumerate()
            .flat_map(|(p, s)| crate::scan::match_starts(block, s).map(move |at| (p, at)))
            .collect();
    };
    // Matches come in the order of their ends, so each surface's places come left to right.
    let mut places: Vec<(usize, usize)> = automaton
        .find_overlapping_iter(block)
        .map(|m| (m.value() as usize, m.start()))
        .collect();
    // Surface by surface, each one's places in the order found; then those that overlap the
    // surface's place kept before them are dropped. (Only the surfaces found here are looked
    // at: a table of all of them for each block would make a long text of many short
    // paragraphs quadratic.)
    crate::sort::by_key(&mut places, |&(p, _)| p);
    let mut kept: Option<(usize, usize)> = None;
    places.retain(|&(p, at)| {
        let free = kept.is_none_or(|(q, end)| q != p || at >= end);
        if free {
            kept = Some((p, at + surfaces[p].len()));
        }
        free
    });
    places
}

/// Up to this many surfaces are searched for one by one.
const FEW_SURFACES: usize = 8;

/// In `role_mentions`: a role or office tied to two people (no group has this number).
const TIED: usize = usize::MAX;

/// The longest surface, in bytes, and the most surfaces opening with one word, that
/// [`at_word_starts`] compares at each word of a text: beyond either, the automaton keeps the
/// work linear.
const WORD_START_MAX_BYTES: usize = 64;
// `overlaps_itself` keeps its border lengths in bytes.
const _: () = assert!(WORD_START_MAX_BYTES <= 256);
const WORD_START_MAX_SHARING: usize = 8;

/// A quick test of a word against a set of words, by their [`opening`]s, byte lengths and last
/// bytes: a word that opens or ends otherwise or is of another length is none of them, and is
/// not looked up (many capitalised words of an English text open and are as long as a name).
struct WordFilter {
    opens: [bool; 256],
    /// Bit `n` for a word `n` bytes long (the last bit stands for the longer ones).
    lengths: u64,
    /// The last bytes of the words (0 for an empty one).
    ends: [bool; 256],
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            opens: [false; 256],
            lengths: 0,
            ends: [false; 256],
        }
    }
}

impl WordFilter {
    /// `word` is one of the set.
    fn add(&mut self, word: &str) {
        self.opens[opening(word.as_bytes(), 0)] = true;
        self.lengths |= 1 << word.len().min(63);
        self.ends[word.as_bytes().last().map_or(0, |&b| usize::from(b))] = true;
    }

    /// Whether the word `bytes[at..end]` may be one of the set.
    #[inline]
    fn may_be(&self, bytes: &[u8], at: usize, end: usize) -> bool {
        self.opens[opening(bytes, at)]
            && self.lengths >> (end - at).min(63) & 1 == 1
            && self.ends[match end > at {
                true => usize::from(bytes[end - 1]),
                false => 0,
            }]
    }
}

/// Values listed under string keys without a list for each key (an allocation each): a key's
/// last entry in a map of the type the other stages use, and each entry the one listed before
/// it under the same key.
struct Chains<'k, T> {
    last: HashMap<&'k str, usize>,
    entries: Vec<(T, Option<usize>)>,
}

impl<'k, T: Copy> Chains<'k, T> {
    /// Room for `n` entries.
    fn with_capacity(n: usize) -> Self {
        let mut last = HashMap::default();
        last.reserve(n);
        Chains {
            last,
            entries: Vec::with_capacity(n),
        }
    }

    /// Lists `value` under `key`.
    fn push(&mut self, key: &'k str, value: T) {
        let before = self.last.insert(key, self.entries.len());
        self.entries.push((value, before));
    }

    /// The values listed under `key`, the last listed first.
    fn get(&self, key: &str) -> impl Iterator<Item = T> + '_ {
        std::iter::successors(self.last.get(key).copied(), |&i| self.entries[i].1)
            .map(|i| self.entries[i].0)
    }
}

/// The surfaces by the run of word characters each opens with ([`Chains`]), and a
/// [`WordFilter`] of those runs.
struct FirstWords<'s> {
    by_word: Chains<'s, usize>,
    filter: WordFilter,
}

impl FirstWords<'_> {
    /// Adds to `places` those of `surfaces` that open at the word `block[at..end]`.
    /// (Not inlined: the test before it is, and is what most words get.)
    #[inline(never)]
    fn places_at(
        &self,
        surfaces: &[&str],
        block: &str,
        at: usize,
        end: usize,
        places: &mut Vec<(usize, usize)>,
    ) {
        for p in self.by_word.get(&block[at..end]) {
            if block[at..].starts_with(surfaces[p]) {
                places.push((p, at));
            }
        }
    }
}

/// A number below 256 for the character at byte `at` of `bytes` (a character boundary): an
/// ASCII character's own, a Devanagari one's offset in its block above 128, else its first byte.
/// Characters may share one, but a character always has the same one.
#[inline]
fn opening(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..) {
        Some(&[0xE0, b1 @ (0xA4 | 0xA5), b2, ..]) => {
            0x80 | usize::from(b1 & 1) << 6 | usize::from(b2 & 0x3F)
        }
        Some(&[b, ..]) => usize::from(b),
        _ => 0,
    }
}

/// The surfaces by the run of word characters each opens with, when [`at_word_starts`] can find
/// them: each opens with a word character, is at most [`WORD_START_MAX_BYTES`] long and cannot
/// overlap itself (two places of such a surface never overlap, so every place counts), and no
/// more than [`WORD_START_MAX_SHARING`] open with one word.
fn first_words<'s>(surfaces: &[&'s str]) -> Option<FirstWords<'s>> {
    let mut by_word = Chains::with_capacity(surfaces.len());
    let mut filter = WordFilter::default();
    for (p, s) in surfaces.iter().enumerate() {
        if s.len() > WORD_START_MAX_BYTES
            || !s.chars().next().is_some_and(is_word_char)
            || overlaps_itself(s.as_bytes())
        {
            return None;
        }
        let first = word_run_end(s, 0);
        by_word.push(&s[..first], p);
        if by_word.get(&s[..first]).count() > WORD_START_MAX_SHARING {
            return None;
        }
        filter.add(&s[..first]);
    }
    Some(FirstWords { by_word, filter })
}

/// Whether a proper start of `s` is also its end (then two places of `s` may overlap): the
/// border of Knuth, Morris and Pratt's failure function. `s` is at most
/// [`WORD_START_MAX_BYTES`] long ([`first_words`] asks about no longer surface).
fn overlaps_itself(s: &[u8]) -> bool {
    // A border opens with the first byte: a surface that has it only once has none (most
    // English names), and is not read twice.
    let Some((first, rest)) = s.split_first() else {
        return false;
    };
    if !rest.iter().any(|b| b == first) {
        return false;
    }
    // The table fits on the stack, in bytes (cleared with a few stores, not a call).
    let mut table = [0u8; WORD_START_MAX_BYTES];
    let Some(border) = table.get_mut(..s.len()) else {
        // Longer than any surface asked about: "may overlap" sends the caller the safe way.
        return true;
    };
    let mut k = 0;
    for i in 1..s.len() {
        while k > 0 && s[i] != s[k] {
            k = usize::from(border[k - 1]);
        }
        if s[i] == s[k] {
            k += 1;
        }
        // Below the table's length, 64.
        border[i] = k as u8;
    }
    border.last().is_some_and(|&b| b > 0)
}

/// Where the run of word characters that starts at byte `at` of `s` ends.
fn word_run_end(s: &str, mut at: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        at = crate::chars::letter_run(bytes, at).0;
        // A run of letters stops at the end or at an ASCII byte that is no word character
        // (most often), or at another character, decoded.
        if bytes.get(at).is_none_or(u8::is_ascii) {
            return at;
        }
        match s[at..].chars().next() {
            Some(c) if is_word_char(c) => at += c.len_utf8(),
            _ => return at,
        }
    }
}

/// The places of `surfaces` in `block` that [`repeated_names`] can keep, as [`occurrences`]
/// gives them: a surface that opens a word of the block (no word character before it) and
/// opens with that word, found by looking the word up in `first` ([`first_words`]).
/// A place that does not open a word, or whose first word runs on past the surface's, has a
/// word character before it or after it and is never kept.
/// `words`, if given, are the block's region and the words of its sentences ([`sentence_runs`]).
/// The places replace those in `places`.
fn at_word_starts(
    first: &FirstWords,
    surfaces: &[&str],
    block: &str,
    words: Option<(&Region, &[Vec<Word>])>,
    places: &mut Vec<(usize, usize)>,
) {
    let bytes = block.as_bytes();
    places.clear();
    // Most words open otherwise than any surface, or are of another length: the test is made
    // here, small enough to be inlined where words are found, and only the rest are looked up.
    let mut look_up = |at: usize, end: usize| {
        if first.filter.may_be(bytes, at, end) {
            first.places_at(surfaces, block, at, end, places);
        }
    };
    let from_words =
        words.is_some_and(|(region, words)| sentence_runs(block, region, words, &mut look_up));
    if !from_words {
        word_runs(block, 0, block.len(), &mut look_up);
    }
    // Surface by surface, each one's places left to right.
    crate::sort::by_key(places, |&(p, _)| p);
}

/// Calls `found` with the start and end of each run of word characters of `block[from..to]`,
/// in order (`from` and `to` cut no run).
fn word_runs(block: &str, from: usize, to: usize, found: &mut impl FnMut(usize, usize)) {
    let bytes = &block.as_bytes()[..to];
    let mut at = from;
    while at < to {
        let (run_end, _) = crate::chars::letter_run(bytes, at);
        let (word, next) = if run_end > at {
            (true, run_end)
        } else {
            let (c, len) = crate::chars::char_at(block, at);
            (is_word_char(c), at + len)
        };
        if !word {
            at = next;
            continue;
        }
        // A run of letters that stops at an ASCII byte (most often) or at the end is the whole
        // word run, as [`word_run_end`] would find.
        let end = if run_end > at && bytes.get(run_end).is_none_or(u8::is_ascii) {
            run_end
        } else {
            word_run_end(&block[..to], next)
        };
        found(at, end);
        // The character after the run is none of a word: the next run starts after it.
        at = end;
    }
}

/// [`word_runs`] of `block`, the text of `region`, read from the `words` of its sentences
/// ([`crate::mentions::sentence_words`]): each word is a run, or runs joined by an apostrophe
/// or a full stop, and only the white space between sentences is read again.
/// False, with nothing found, when a run might cross a sentence's edge (or the sentences are not
/// the block's): then the block is to be read.
fn sentence_runs(
    block: &str,
    region: &Region,
    words: &[Vec<Word>],
    found: &mut impl FnMut(usize, usize),
) -> bool {
    let (base, sentences) = (region.range.start, region.sentences);
    // An edge cuts a run when the characters on both sides of it are word characters.
    let cuts = |at: usize| {
        let (before, after) = block.split_at(at);
        before.chars().next_back().is_some_and(is_word_char)
            && after.chars().next().is_some_and(is_word_char)
    };
    // The sentences are in order and inside the block, and their edges cut no run.
    let mut done = base;
    let fit = words.len() == sentences.len()
        && sentences.iter().all(|s| {
            let fits = done <= s.start
                && s.start <= s.end
                && s.end <= base + block.len()
                && !cuts(s.start - base)
                && !cuts(s.end - base);
            done = s.end;
            fits
        });
    if !fit {
        return false;
    }
    let mut done = 0;
    for (s, ws) in sentences.iter().zip(words) {
        word_runs(block, done, s.start - base, found);
        for w in ws {
            let (start, end) = (w.start - base, w.end - base);
            if w.joined {
                word_runs(block, start, end, found);
            } else {
                found(start, end);
            }
        }
        done = s.end - base;
    }
    word_runs(block, done, block.len(), found);
    true
}

/// What [`draft`] asks of one surface of an actor to choose its name.
struct Surface {
    /// The actor's mentions with this surface.
    count: usize,
    words: usize,
    devanagari: bool,
    /// A state's government named by its role ([`lexicon::Lexicon::state_governments`]).
    role: bool,
    chars: usize,
}

fn draft(text: &str, mentions: &[Mention], g: &Group, roles: &[Range]) -> ActorDraft {
    let names = || g.mentions.iter().map(|&m| &mentions[m]);
    // What the choice of a name asks of each surface, worked out once for each: counting per
    // candidate would be quadratic in the mentions of an actor named thousands of times, and
    // an actor is named by a few surfaces over and over.
    let lex = lexicon::builtin();
    let measure = |s: &str, count: usize| {
        let devanagari = has_devanagari(s);
        Surface {
            count,
            words: name_word_count(s),
            devanagari,
            // A role ("राज्य सरकार") names the actor only when nothing else does. The roles are
            // Hindi: other surfaces are not looked up.
            role: devanagari && lex.state_governments.contains(s),
            chars: s.chars().count(),
        }
    };
    // Most actors are named by one surface: it is then not measured at all, nor kept in a map
    // (its allocation, and a lookup per mention for each choice below). Every mention's measures
    // are then the same, and choose nothing: the name is that surface, the kind that of the
    // best-sourced mention, whatever they are.
    let first = names().next().map_or("", |m| surface(text, m));
    let only = names()
        .all(|m| surface(text, m) == first)
        .then_some(Surface {
            count: 0,
            words: 0,
            devanagari: false,
            role: false,
            chars: 0,
        });
    // Each surface measured, and the number of each mention's surface among them: each mention
    // is looked up once, not again for each choice below.
    let mut surfaces: Vec<Surface> = Vec::new();
    let mut numbers: Vec<usize> = Vec::new();
    if only.is_none() {
        numbers.reserve(g.mentions.len());
        let mut by_surface: HashMap<&str, usize> = HashMap::default();
        for m in names() {
            let s = surface(text, m);
            let n = *by_surface.entry(s).or_insert_with(|| {
                surfaces.push(measure(s, 0));
                surfaces.len() - 1
            });
            surfaces[n].count += 1;
            numbers.push(n);
        }
    }
    let devanagari: usize = surfaces
        .iter()
        .chain(&only)
        .filter(|s| s.devanagari)
        .map(|s| s.count)
        .sum();
    let prefer_devanagari = devanagari * 2 >= g.mentions.len();
    // The measures of the `i`th mention's surface.
    let of = |i: usize| only.as_ref().unwrap_or_else(|| &surfaces[numbers[i]]);
    let name = names()
        .enumerate()
        .filter(|(_, m)| !m.adjectival)
        .max_by_key(|&(i, _)| {
            let s = of(i);
            (
                s.devanagari == prefer_devanagari,
                !s.role,
                s.words,
                s.count,
                s.chars,
            )
        })
        .map_or("", |(_, m)| surface(text, m))
        .to_string();
    // The kind of the best-sourced mention, the longest name among equals.
    let kind = names()
        .enumerate()
        .filter(|(_, m)| !m.adjectival)
        .min_by_key(|&(i, m)| {
            let source = match m.source {
                Source::User => 0,
                Source::Lexicon => 1,
                Source::Pattern => 2,
                Source::Tagger => 3,
            };
            // Among equals a person wins: a guess that a lone word is a place is the weakest
            // ("Duran, 45," elsewhere makes every "Duran" a person).
            (
                source,
                std::cmp::Reverse(of(i).words),
                m.kind != ActorKind::Person,
            )
        })
        .map_or(ActorKind::Person, |(_, m)| m.kind);
    let wikidata = names().find_map(|m| m.wikidata.clone());
    let mut ranges: Vec<Range> = names()
        .map(|m| m.range)
        .chain(roles.iter().copied())
        .collect();
    crate::sort::natural(&mut ranges);
    ranges.dedup_by(|b, a| a.overlaps(*b));
    let mut aliases: Vec<String> = Vec::new();
    // The aliases seen (a map of a type the other stages use).
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for r in &ranges {
        let s = r.slice(text);
        if s != name && seen.insert(s, 0).is_none() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn name_words_are_the_pieces_split_at_non_word_characters() {
        for name in [
            "",
            "A. P. J. Abdul Kalam",
            "किम जोंग-उन",
            "U.S.",
            "O'Neil, Jr.",
            "..a..b..",
            "श्री॰ राम। सीता",
            "Zoë  Ça,va",
            "a😀b",
        ] {
            let by_split: Vec<&str> = name
                .split(|c: char| !is_word_char(c) && c != '.')
                .map(|w| w.trim_end_matches('.'))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                name_word_iter(name).collect::<Vec<_>>(),
                by_split,
                "should split {name:?} as str::split does"
            );
        }
    }

    /// The loose key's rule ([`loose_fold`]) applied to every character (what `loose_key_into`
    /// does from bytes, deciding most characters without decoding them).
    fn fold_by_char(s: &str) -> String {
        s.chars()
            .filter_map(|c| loose_fold(c).unwrap_or(Some(c)))
            .collect()
    }

    #[test]
    fn a_loose_key_folds_every_ascii_and_devanagari_character_as_the_rule_says() {
        // Every character the byte-level fast path decides alone, each between two letters.
        for c in ('\0'..='\u{7F}').chain('\u{0900}'..='\u{097F}') {
            let s = format!("क{c}a");
            assert_eq!(
                loose_key(&s),
                fold_by_char(&s),
                "should fold {c:?} as the rule says"
            );
        }
    }

    proptest! {
        #[test]
        fn a_loose_key_folds_each_character_as_the_rule_says(
            s in proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('\u{0900}', '\u{097F}'),
                    proptest::char::range('A', 'c'),
                    prop::sample::select(vec![' ', '-', '\t', '\u{0B}', '\u{85}', '\u{A0}', '\u{2003}', 'é', '😀']),
                ],
                0..12,
            ).prop_map(|cs| cs.into_iter().collect::<String>())
        ) {
            prop_assert_eq!(loose_key(&s), fold_by_char(&s), "should fold {:?} character by character", s);
        }
    }

    #[test]
    fn one_slip_is_one_letter_left_out_added_changed_or_two_swapped() {
        for (a, b, slip) in [
            ("abcdef", "abdef", true),
            ("abcdef", "abcxdef", true),
            ("abcdef", "abxdef", true),
            ("abcdef", "acbdef", true),
            ("abcdef", "abcdfe", true),
            ("abcdef", "bacdef", true),
            ("abcdef", "abcdefg", true),
            ("abcdef", "abcdefgh", false),
            ("abcdef", "abcdef", false),
            ("abcdef", "axcdxf", false),
            ("abcdef", "abef", false),
            ("abcdef", "bcadef", false),
        ] {
            assert_eq!(one_slip(a, b), slip, "{a} / {b}");
            assert_eq!(one_slip(b, a), slip, "{b} / {a}");
        }
    }

    #[test]
    fn a_name_one_letter_off_a_persons_name_word_is_that_person() {
        let text =
            "सादिक जिबकलम ने कहा. जिबाकलम ने फिर कहा. अनिल शर्मा और वर्मा आए. फरहादी और फरहाद मिले.";
        let mention = |s: &str, source: Source, kind: ActorKind| {
            let start = text.find(s).unwrap();
            Mention {
                range: Range::new(start, start + s.len()),
                kind,
                source,
                canonical: None,
                wikidata: None,
                adjectival: false,
            }
        };
        let mut mentions = vec![
            mention("सादिक जिबकलम", Source::Pattern, ActorKind::Person),
            mention("जिबाकलम", Source::Tagger, ActorKind::Place),
            mention("अनिल शर्मा", Source::Pattern, ActorKind::Person),
            mention("वर्मा", Source::Pattern, ActorKind::Person),
            mention("फरहादी", Source::Pattern, ActorKind::Person),
            mention("फरहाद ", Source::Pattern, ActorKind::Person),
        ];
        mentions[5].range.end -= 1;
        let mut groups = group_by_name(text, &mentions);
        merge_spelling_slips(text, &mut mentions, &mut groups);
        let names: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| {
                g.mentions
                    .iter()
                    .map(|&m| surface(text, &mentions[m]))
                    .collect()
            })
            .collect();
        assert_eq!(
            names,
            [
                vec!["सादिक जिबकलम", "जिबाकलम"],
                vec!["अनिल शर्मा"],
                vec!["वर्मा"],
                vec!["फरहादी"],
                vec!["फरहाद"],
            ],
            "a slip of six letters or more joins the person; shorter names a letter apart stay apart"
        );
        assert_eq!(
            mentions[1].kind,
            ActorKind::Person,
            "the slip names the person"
        );
    }

    /// The places of `places` that [`repeated_names`] may keep: no word character before or
    /// after them in `block`.
    fn kept(places: Vec<(usize, usize)>, surfaces: &[&str], block: &str) -> Vec<(usize, usize)> {
        places
            .into_iter()
            .filter(|&(p, at)| {
                let before = block[..at].chars().next_back();
                let after = block[at + surfaces[p].len()..].chars().next();
                !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
            })
            .collect()
    }

    fn name_text(most: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'c'),
                Just(' '),
                Just('.'),
                Just('-'),
                Just('क'),
                Just('ि'),
                Just('।'),
                Just('é'),
                Just('\u{301}'),
            ],
            1..most,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn word_starts_keep_what_a_search_per_surface_keeps(
            mut surfaces in proptest::collection::vec(name_text(6), 1..12),
            parts in proptest::collection::vec(name_text(8), 0..6),
        ) {
            crate::sort::natural(&mut surfaces);
            surfaces.dedup();
            let surfaces: Vec<&str> = surfaces.iter().map(String::as_str).collect();
            let blocks = [parts.concat(), format!("{} {}.", surfaces.join(" "), parts.join(" "))];
            if let Some(by_first_word) = first_words(&surfaces) {
                for block in &blocks {
                    let mut places = Vec::new();
                    at_word_starts(&by_first_word, &surfaces, block, None, &mut places);
                    prop_assert_eq!(
                        kept(places, &surfaces, block),
                        kept(occurrences(None, &surfaces, block), &surfaces, block),
                        "should keep in {:?} the places a search per surface keeps", block
                    );
                }
            }
        }
    }

    /// Runs of word characters: where each starts and ends.
    type Runs = Vec<(usize, usize)>;

    /// The runs [`sentence_runs`] gives for `text` cut into sentences, if it gives them, and
    /// those [`word_runs`] reads.
    fn runs_both_ways(text: &str) -> (Option<Runs>, Runs) {
        let range = Range::new(0, text.len());
        let sentences: Vec<Range> = crate::structure::sentences::split(text, range)
            .into_iter()
            .map(|s| s.range)
            .collect();
        let region = Region {
            role: crate::doc::Role::Paragraph,
            range,
            sentences: &sentences,
        };
        let words: Vec<Vec<Word>> = sentences
            .iter()
            .map(|s| crate::mentions::patterns::words(text, s.start, s.end))
            .collect();
        let mut from_words = Vec::new();
        let fit = sentence_runs(text, &region, &words, &mut |a, b| from_words.push((a, b)));
        let mut read = Vec::new();
        word_runs(text, 0, text.len(), &mut |a, b| read.push((a, b)));
        (fit.then_some(from_words), read)
    }

    #[test]
    fn the_words_of_sentences_give_the_runs_of_their_text() {
        let text = "Mr. O'Neill met U.S. officials.Then he left! \"Why?\" रूस ने कहा। ठीक…है";
        let (from_words, read) = runs_both_ways(text);
        assert_eq!(from_words, Some(read), "should give the runs of {text:?}");
    }

    proptest! {
        #[test]
        fn the_words_of_sentences_give_the_runs_a_reading_gives(
            text in proptest::collection::vec(
                prop_oneof![
                    proptest::char::range('a', 'c'),
                    proptest::char::range('A', 'C'),
                    Just(' '),
                    Just('.'),
                    Just('\''),
                    Just('&'),
                    Just('?'),
                    Just('"'),
                    Just('क'),
                    Just('ि'),
                    Just('।'),
                    Just('é'),
                    Just('\u{301}'),
                ],
                0..40,
            )
            .prop_map(|cs| cs.into_iter().collect::<String>()),
        ) {
            let (from_words, read) = runs_both_ways(&text);
            if let Some(from_words) = from_words {
                prop_assert_eq!(from_words, read, "should give the runs of {:?}", text);
            }
        }
    }

    proptest! {
        #[test]
        fn office_starts_are_the_first_office_ending_before_each_word(
            offices in proptest::collection::vec(proptest::option::of(0usize..5), 0..12),
        ) {
            let starts = office_starts(&offices);
            for (i, &start) in starts.iter().enumerate().take(offices.len()).skip(1) {
                // Each title of up to the longest length ending right before word i, the longest
                // one last.
                let mut plain = None;
                for n in 1..=4.min(i) {
                    let j = i - n;
                    if offices[j].is_some_and(|m| j + m == i) {
                        plain = Some(j);
                    }
                }
                prop_assert_eq!(start, plain, "should find the office before word {}", i);
            }
        }
    }

    #[test]
    fn tells_surfaces_that_overlap_themselves() {
        for (s, overlaps) in [
            ("", false),
            ("a", false),
            ("ab", false),
            ("aa", true),
            ("aba", true),
            ("abab", true),
            ("abc ab", true),
            ("Anna", false),
            ("मम", true),
        ] {
            assert_eq!(
                overlaps_itself(s.as_bytes()),
                overlaps,
                "should tell whether {s:?} overlaps itself"
            );
        }
    }

    #[test]
    fn the_automaton_finds_what_a_search_per_surface_finds() {
        let surfaces = ["aa", "a", "ab ab", "रूस", "रूसी सेना", "b"];
        let block = "aaa ab ab ab रूसी सेना और रूस, baab";
        let automaton = daachorse::DoubleArrayAhoCorasick::<u32>::new(surfaces)
            .expect("should build from distinct surfaces");
        assert_eq!(
            occurrences(Some(&automaton), &surfaces, block),
            occurrences(None, &surfaces, block),
            "should give each surface's places like str::match_indices"
        );
    }
}
