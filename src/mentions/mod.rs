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
//! सर्गेई लावरोव" is part of a longer name; a run of capitalised words around known places is
//! one name ("Real Madrid", "East Jerusalem"); a place inside a scheme's name ("स्वच्छ भारत
//! अभियान") is no mention. A tagger guess that extends a pattern's organisation backwards gives
//! its full name. Across the story, a place that plays as a sports team somewhere ("Surrey v
//! Kent", "Somerset 83 and 174") is the team wherever it is named, apart from datelines and
//! places of play. In a Hindi list of places, an unknown short item is a place too ("अहमदनगर ,
//! धुले , जलगांव और नासिक"). Mentions returned are non-overlapping, in text order.

pub mod features;
pub mod forms;
pub mod lexicon;
pub mod patterns;
pub mod tagger;
pub mod train;

use crate::scan::TextExt;
use std::collections::BTreeSet;

use crate::article::ActorKind;
use crate::doc::{Mention, Range, Region, Source, Structure};
use crate::options::Options;

use lexicon::{Gazetteer, Hit, Lexicon};

/// The words ([`patterns::words`]) of each sentence of the story's `regions`
/// ([`Structure::regions`]), in reading order: read once for the patterns here and for the
/// actors stage.
pub fn sentence_words<'t>(text: &'t str, regions: &[Region]) -> Vec<Vec<patterns::Word<'t>>> {
    regions
        .iter()
        .flat_map(|region| region.sentences)
        .map(|sentence| patterns::words(text, sentence.start, sentence.end))
        .collect()
}

/// Find actor mentions in the story's `regions` of `text` (normalised), in text order;
/// `sentence_words` are the words of their sentences ([`sentence_words`]), whose `known` flags
/// and titles the patterns set ([`patterns::find`]).
pub fn find_mentions<'t>(
    text: &'t str,
    structure: &Structure,
    regions: &[Region],
    sentence_words: &mut [Vec<patterns::Word<'t>>],
    options: &Options,
) -> Vec<Mention> {
    let lex = lexicon::builtin();
    let user = Gazetteer::from_user(&options.actors);
    // The learned tagger reads only sentences with a Devanagari letter: a text without one
    // never reads its model (decoding its rows is a third of a first parse's tables).
    let mut tagger = tagger::has_devanagari_letter(text)
        .then(tagger::shipped_model)
        .flatten()
        .map(|model| tagger::Tagger::for_text(model, text));
    let mut mentions = Vec::new();
    // The tagger's tokens of each sentence, for the lists of places in a Hindi story below:
    // read once, and kept in one list (a list each was an allocation a sentence), each
    // sentence's as its span there, `None` where the tagger read none.
    let hindi = structure.lang == "hi";
    let mut tokens: Vec<Range> = Vec::new();
    let mut token_spans: Vec<Option<(usize, usize)>> = Vec::new();
    let sentences = regions
        .iter()
        .flat_map(|region| region.sentences.iter().copied());
    for (sentence, words) in sentences.zip(sentence_words) {
        mentions.extend(sentence_mentions(
            lex,
            &user,
            tagger.as_mut(),
            text,
            sentence,
            words,
        ));
        if hindi {
            let read = tagger.as_ref().and_then(|t| t.tokens());
            token_spans.push(read.map(|read| {
                let from = tokens.len();
                tokens.extend_from_slice(read);
                (from, tokens.len())
            }));
        }
    }
    if hindi {
        // In a Hindi story a lone capitalised Latin word is more often a brand, a web address or
        // a loan word ("WhatsApp", "Virus") than an actor; names in Latin there come in full.
        mentions.retain(|m| {
            let s = m.range.slice(text);
            let glossed = text[..m.range.start].ends_with('(');
            m.source != Source::Pattern || !s.is_ascii() || s.contains_char(' ') || glossed
        });
    }
    // Regions may overlap at their edges (a dateline inside a paragraph): keep text order, no
    // overlaps.
    crate::sort::by_key(&mut mentions, |m| {
        (m.range.start, std::cmp::Reverse(m.range.end))
    });
    mentions.dedup_by(|b, a| a.range.overlaps(b.range));
    bracketed_acronyms(lex, text, &mut mentions);
    sports_teams(lex, text, regions, &mut mentions);
    if hindi {
        places_in_lists(lex, text, regions, &tokens, &token_spans, &mut mentions);
    }
    mentions
}

/// The mentions (sorted by start, not overlapping each other) that lie inside `range`.
fn within(mentions: &[Mention], range: Range) -> &[Mention] {
    let from = mentions.partition_point(|m| m.range.start < range.start);
    let to = mentions.partition_point(|m| m.range.start < range.end);
    &mentions[from..to.max(from)]
}

/// The mentions (sorted by start, not overlapping each other) that overlap `range`.
fn overlapping(mentions: &[Mention], range: Range) -> &[Mention] {
    let to = mentions.partition_point(|m| m.range.start < range.end);
    let mut from = to;
    while from > 0 && mentions[from - 1].range.end > range.start {
        from -= 1;
    }
    &mentions[from..to]
}

/// The most words in one item of a list that [`places_in_lists`] may read as a place.
const LIST_ITEM_WORDS: usize = 2;

/// In a list of three or more items of which at least two, and at least a third of the short ones,
/// are places found ("अहमदनगर , धुले , जलगांव , नंदुरबार और नासिक"), a short item of name words
/// that no common-word list holds is a place too, and so is a guess of the tagger's that read it
/// as something else. Items are separated by commas and conjunctions; other punctuation ends a
/// list. Work is linear in the sentence: mentions are found by binary search, and the tokens
/// are the tagger's where it read the sentence (`tokens`, all its tokens, of which each
/// sentence's `token_spans`).
fn places_in_lists(
    lex: &Lexicon,
    text: &str,
    regions: &[Region],
    tokens: &[Range],
    token_spans: &[Option<(usize, usize)>],
    mentions: &mut Vec<Mention>,
) {
    let mut found: Vec<Mention> = Vec::new();
    let mut retyped: Vec<Range> = Vec::new();
    let mut items: Vec<(usize, usize)> = Vec::new();
    let sentences = regions.iter().flat_map(|region| region.sentences);
    for (k, sentence) in sentences.enumerate() {
        // Most sentences hold no list of two places: skip them without tokenising.
        let places = within(mentions, *sentence)
            .iter()
            .filter(|m| matches!(m.kind, ActorKind::Place | ActorKind::Country))
            .count();
        if places < 2 {
            continue;
        }
        let own;
        let tokens = match token_spans.get(k).copied().flatten() {
            Some((from, to)) => &tokens[from..to],
            None => {
                own = features::tokenize(sentence.slice(text));
                &own
            }
        };
        let at = |i: usize| {
            Range::new(
                sentence.start + tokens[i].start,
                sentence.start + tokens[i].end,
            )
        };
        // Each list of items (runs of word tokens, as token index ranges) is read as soon as
        // it ends.
        let mut read_list = |items: &[(usize, usize)]| {
            let short = |&(s, e): &(usize, usize)| e - s <= LIST_ITEM_WORDS;
            let last = items.len() - 1;
            let known = items
                .iter()
                .enumerate()
                .filter(|&(n, &(s, e))| {
                    let whole = Range::new(at(s).start, at(e - 1).end);
                    // The first item may have words before its place, the last words after.
                    within(mentions, whole).iter().any(|m| {
                        !m.adjectival
                            && matches!(m.kind, ActorKind::Place | ActorKind::Country)
                            && (m.range == whole
                                || n == 0 && m.range.end == whole.end
                                || n == last && m.range.start == whole.start)
                    })
                })
                .count();
            let shorts = items.iter().filter(|i| short(i)).count();
            if known < 2 || known * 3 < shorts {
                return;
            }
            for &(s, e) in items.iter().filter(|i| short(i)) {
                let range = Range::new(at(s).start, at(e - 1).end);
                let name_words = (s..e).all(|k| {
                    let w = at(k).slice(text);
                    w.chars().all(|c| ('\u{0900}'..='\u{097F}').contains(&c))
                        && !lex.is_common(w)
                        && !lex.is_suffix(w)
                        && !lex.is_title(w)
                });
                if !name_words {
                    continue;
                }
                match overlapping(mentions, range) {
                    [] => found.push(Mention {
                        range,
                        kind: ActorKind::Place,
                        source: Source::Pattern,
                        canonical: None,
                        wikidata: None,
                        adjectival: false,
                    }),
                    [m] if m.source == Source::Tagger
                        && m.range == range
                        && m.kind != ActorKind::Place =>
                    {
                        retyped.push(range)
                    }
                    _ => {}
                }
            }
        };
        items.clear();
        let mut item_start: Option<usize> = None;
        for i in 0..=tokens.len() {
            let w = (i < tokens.len()).then(|| at(i).slice(text));
            let is_word = w.is_some_and(|w| w.chars().any(crate::chars::is_alphanumeric));
            let separator = w.is_some_and(|w| w == "," || lex.conjunctions.contains(w));
            if is_word && !separator {
                item_start.get_or_insert(i);
                continue;
            }
            if let Some(s) = item_start.take() {
                items.push((s, i));
            }
            if !separator {
                if items.len() >= 3 {
                    read_list(&items);
                }
                items.clear();
            }
        }
    }
    for m in mentions.iter_mut() {
        if retyped.contains(&m.range) {
            m.kind = ActorKind::Place;
        }
    }
    if !found.is_empty() {
        crate::sort::by_key(&mut found, |m| m.range.start);
        found.dedup_by_key(|m| m.range);
        add_weaker(mentions, found);
    }
}

/// An acronym in brackets right after the name of an organisation or a place names it too
/// ("भारतीय उद्योग परिसंघ (सीआईआई)", "Kurdistan Democratic Party (KDP)"); actors merge the two
/// as an apposition.
fn bracketed_acronyms(lex: &Lexicon, text: &str, mentions: &mut Vec<Mention>) {
    let mut found = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == ActorKind::Person || m.adjectival {
            continue;
        }
        let Some(inner) = text[m.range.end..]
            .trim_start_matches(' ')
            .strip_prefix('(')
        else {
            continue;
        };
        let start = text.len() - inner.trim_start_matches(' ').len();
        let word_len = text[start..]
            .find(|c: char| !lexicon::is_word_char(c) && c != '.')
            .unwrap_or(text.len() - start);
        let end = start + word_len;
        let word = &text[start..end];
        let closes = text[end..].trim_start_matches(' ').starts_with(')');
        let devanagari_acronym = word.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
            && !lex.is_common(word)
            && word.chars().count() >= 3;
        let latin_acronym = word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '.' || c.is_ascii_digit())
            && word.chars().any(|c| c.is_ascii_uppercase());
        let range = Range::new(start, end);
        let free = mentions.get(i + 1).is_none_or(|n| !n.range.overlaps(range));
        if closes && word_len > 0 && (devanagari_acronym || latin_acronym) && free {
            found.push(Mention {
                range,
                kind: m.kind,
                source: Source::Pattern,
                canonical: None,
                wikidata: None,
                adjectival: false,
            });
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        crate::sort::by_key(mentions, |m| m.range.start);
    }
}

/// Whether `text[at..]` follows an initial: a capital letter and a full stop ("A. Smith").
fn after_initial(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    matches!(
        (before.next(), before.next(), before.next()),
        (Some(' '), Some('.'), Some(c)) if c.is_ascii_uppercase()
    ) && !before.next().is_some_and(crate::chars::is_alphanumeric)
}

/// The most team names one story is searched for.
const MAX_TEAMS: usize = 64;

/// A place that the story uses for a sports team somewhere ("Surrey v Kent", "Leicestershire
/// beat Somerset", "Somerset 83 and 174") names the team wherever the story uses it: its
/// mentions become organisations, and its other uses are found too ("Kent made up for lost
/// time"). Countries keep their kind (a national side is named by its country), and only Latin
/// names are read this way: the signs are those of English sports reports.
fn sports_teams(lex: &Lexicon, text: &str, regions: &[Region], mentions: &mut Vec<Mention>) {
    let teamlike = |m: &Mention| {
        matches!(m.kind, ActorKind::Place | ActorKind::Organization)
            && m.source != Source::User
            && !m.adjectival
            && m.range.slice(text).is_ascii()
    };
    // A name a pattern guessed to be a person's is a team in a line of results.
    let guessed_person = |m: &Mention| {
        m.kind == ActorKind::Person
            && m.source == Source::Pattern
            && m.range.slice(text).is_ascii()
            && m.range.slice(text).contains_char(' ')
    };
    let mut teams: Vec<&str> = mentions
        .iter()
        .filter(|m| {
            teamlike(m) && patterns::plays_as_team(lex, text, m.range)
                || guessed_person(m) && patterns::in_result_line(text, m.range)
        })
        .map(|m| m.range.slice(text))
        .collect();
    if teams.is_empty() {
        return;
    }
    crate::sort::natural(&mut teams);
    teams.dedup();
    // A bounded number keeps the work linear in the text on any input.
    teams.truncate(MAX_TEAMS);
    // A name the story also gives a person ("A. Hollioake", "Adam Hollioake") is a player.
    let person_words: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == ActorKind::Person)
        .map(|m| crate::scan::after_last(m.range.slice(text), |c| c == ' '))
        .collect();
    let player = |name: &str| {
        person_words.contains(&name)
            || crate::scan::match_starts(text, name).any(|at| after_initial(text, at))
    };
    // A one-word guess that a score made a team is a player when the story names a person so.
    let players: Vec<&str> = teams.iter().copied().filter(|t| player(t)).collect();
    for m in mentions.iter_mut() {
        let surface = m.range.slice(text);
        if m.kind == ActorKind::Organization
            && m.source == Source::Pattern
            && !surface.contains_char(' ')
            && players.contains(&surface)
        {
            m.kind = ActorKind::Person;
        }
    }
    teams.retain(|team| !players.contains(team));
    for m in mentions.iter_mut() {
        if (m.kind == ActorKind::Place && teamlike(m) || guessed_person(m))
            && teams.binary_search(&m.range.slice(text)).is_ok()
            && !patterns::names_setting(text, m.range)
        {
            // The team's own name: it is not the place, which a dateline may also name.
            m.kind = ActorKind::Organization;
            m.canonical = Some(m.range.slice(text).to_string().into());
            m.wikidata = None;
        }
    }
    let mut found = Vec::new();
    for region in regions {
        let block = region.range.slice(text);
        for team in &teams {
            for at in crate::scan::match_starts(block, team) {
                let range = Range::new(
                    region.range.start + at,
                    region.range.start + at + team.len(),
                );
                let before = text[..range.start].chars().next_back();
                let after = text[range.end..].chars().next();
                if before.is_some_and(lexicon::is_word_char)
                    || after.is_some_and(lexicon::is_word_char)
                    || patterns::names_setting(text, range)
                    || overlaps_any(mentions, range)
                {
                    continue;
                }
                found.push(Mention {
                    range,
                    kind: ActorKind::Organization,
                    source: Source::Pattern,
                    canonical: Some(team.to_string().into()),
                    wikidata: None,
                    adjectival: false,
                });
            }
        }
    }
    // Regions may overlap at their edges: keep one of two overlapping finds.
    crate::sort::by_key(&mut found, |m| m.range.start);
    found.dedup_by(|b, a| a.range.overlaps(b.range));
    if !found.is_empty() {
        mentions.extend(found);
        crate::sort::by_key(mentions, |m| m.range.start);
    }
}

/// Whether `range` overlaps one of `mentions` (sorted by start, not overlapping each other).
fn overlaps_any(mentions: &[Mention], range: Range) -> bool {
    crate::doc::overlaps_any(mentions, |m| m.range, range)
}

/// The mentions of one sentence; `tagger` is the learned tagger at work on `text`, if any.
pub fn sentence_mentions<'a>(
    lex: &'static Lexicon,
    user: &Gazetteer,
    tagger: Option<&mut tagger::Tagger<'a>>,
    text: &'a str,
    sentence: Range,
    words: &mut [patterns::Word<'a>],
) -> Vec<Mention> {
    let mut kept: Vec<Mention> = user
        .find(text, sentence.start, sentence.end)
        .into_iter()
        .map(|h| hit_mention(user, h, Source::User, text))
        .collect();
    let mut lexicon: Vec<Mention> = lex
        .names
        .find_in_words(text, sentence.start, sentence.end, words)
        .into_iter()
        .map(|h| hit_mention(&lex.names, h, Source::Lexicon, text))
        .collect();
    // "स्वच्छ भारत अभियान", "वंदे भारत मिशन": a place in the name of a scheme is no mention of
    // the place.
    lexicon.retain(|m| {
        m.kind == ActorKind::Person
            || !text[m.range.end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.split(&[' ', ',', '।', '.'][..]).next())
                .is_some_and(|next| lex.scheme_words.contains(next))
    });
    let known: Vec<Range> = lexicon.iter().map(|m| m.range).collect();
    let found = patterns::find(lex, text, words, &known);
    // Strong patterns that wrap lexicon hits overrule them.
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
            // "किराया यूपी सरकार": a name the lexicon knows starts the organisation. A person the
            // lexicon knows by a full name ends there: the words a title pattern reads after it
            // name something else ("महात्मा गांधी नरेगा" is a scheme named after him).
            let range = match inside.first() {
                Some(first) if org_over_place => Range::new(first.range.start, f.range.end),
                Some(only) if same_person && only.range.slice(text).contains_char(' ') => {
                    Range::new(f.range.start, f.range.end.min(only.range.end))
                }
                _ => f.range,
            };
            // The English name: the person's own; "Government of {}" filled with the known
            // name; or the known organisation's name ("इरना न्यूज" is IRNA).
            let (canonical, wikidata) = match inside.as_slice() {
                [only] if same_person => (only.canonical.clone(), only.wikidata.clone()),
                [only] if org_over_place && only.range.start == range.start => {
                    match (f.english, &only.canonical) {
                        (Some(template), Some(name)) => (
                            Some(crate::scan::replace_str(template, "{}", name).into()),
                            None,
                        ),
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
    // A run of capitalised words around known places is one longer name ("Real Madrid",
    // "Kurdistan Democratic Party", "East Jerusalem"): an organisation, unless a place word
    // opens it. Demonyms and people inside a run are left alone ("Bosnian Serb Radovan
    // Karadzic").
    // Read at most once, and only when a run of capitals is in question (never in most Hindi
    // sentences).
    let title_case = std::cell::OnceCell::new();
    let words = &*words;
    let read_title_case = || {
        let (mut latin, mut capitalised) = (0, 0);
        for w in words {
            if w.text.is_ascii() && w.text.chars().any(|c| c.is_ascii_alphabetic()) {
                latin += 1;
                if w.text.first_is(|c: char| c.is_ascii_uppercase()) {
                    capitalised += 1;
                }
            }
        }
        latin >= 3 && capitalised * 10 >= latin * 7
    };
    for f in found.iter().filter(|f| !f.strong) {
        let surface = f.range.slice(text);
        if !surface.is_ascii() || !surface.contains_char(' ') {
            continue;
        }
        let mut inside = lexicon
            .iter()
            .filter(|m| m.range.overlaps(f.range))
            .peekable();
        if inside.peek().is_none() {
            continue;
        }
        let fits = inside.all(|m| {
            f.range.contains(m.range)
                && m.range != f.range
                && !m.adjectival
                && m.kind != ActorKind::Person
        });
        if !fits || strong.iter().any(|m| m.range.overlaps(f.range)) {
            continue;
        }
        // In a headline in title case ("Russia Supports North Korea") capitals make no name.
        if *title_case.get_or_init(read_title_case) {
            continue;
        }
        let opener = lex.opener(surface.split(' ').next().unwrap_or(""));
        let kind = opener.unwrap_or(ActorKind::Organization);
        lexicon.retain(|m| !f.range.contains(m.range));
        strong.push(Mention {
            range: f.range,
            kind,
            source: Source::Pattern,
            canonical: None,
            wikidata: None,
            adjectival: false,
        });
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
    // merely extends a lexicon hit loses to it). Without the `tagger` feature there is no
    // model, and the condition leaves the tagger's code out of the build.
    if let Some(tagger) = tagger.filter(|_| cfg!(feature = "tagger")) {
        let mut guesses = tagger.tag_text(text, sentence);
        for g in guesses.iter_mut() {
            // A family name or a given name alone ("कुमार कहते हैं", "अली ने कहा") names a
            // person, whatever the guess.
            let surface = g.range.slice(text);
            if lex.surnames.contains(surface) || lex.given_names.contains(surface) {
                g.kind = ActorKind::Person;
            }
            // A word spelled in Latin letters ("ईबीआरडी", "एनसीएलटी") is an organisation's
            // acronym, not a person's or a place's name the lexicon would know.
            if g.kind != ActorKind::Organization && tagger.spelled_in_letters(g.range.slice(text)) {
                g.kind = ActorKind::Organization;
            }
            if g.kind == ActorKind::Person {
                g.range = without_titles(lex, text, g.range);
                g.range = with_initials(lex, text, sentence.start, g.range);
            }
        }
        // A guess that the initials before a name now cover ("एम" of "एम एस स्वामीनाथन") is
        // part of that name.
        // Guesses come in text order and only reach back over the ones just before them.
        // The guesses kept so far are `guesses[..kept_guesses]`, a stack (no second list).
        let mut kept_guesses = 0;
        for i in 0..guesses.len() {
            let range = guesses[i].range;
            while kept_guesses > 0 && {
                let p = guesses[kept_guesses - 1].range;
                p != range && range.contains(p)
            } {
                kept_guesses -= 1;
            }
            guesses.swap(kept_guesses, i);
            kept_guesses += 1;
        }
        guesses.truncate(kept_guesses);
        // A one-word guess that the common-word list calls an ordinary word is a slip, and so
        // is a title or a suffix alone ("विभाग", "मंत्री"): they name nobody by themselves.
        guesses.retain(|g| {
            let s = g.range.slice(text);
            s.contains_char(' ') || !(tagger.is_common(s) || lex.is_suffix(s) || lex.is_title(s))
        });
        // Words a guess adds to a pattern's name must be name words: no sentence end, no
        // function word.
        let plain = |added: &str| {
            !added.contains(&['.', '।', '!', '?', ':', ','][..])
                && added.split(' ').all(|w| !lex.is_function_word(w))
        };
        // A guess that ends where a pattern's organisation or place ends, with the same kind,
        // but starts earlier has its full name: the patterns look back only a few words
        // ("भारतीय लघु उद्योग विकास बैंक", not "लघु उद्योग विकास बैंक").
        for g in guesses.iter_mut() {
            let Some(k) = kept.iter().position(|k| {
                k.source == Source::Pattern
                    && k.kind == g.kind
                    && k.kind != ActorKind::Person
                    && k.range.end == g.range.end
                    && g.range.start < k.range.start
            }) else {
                continue;
            };
            if !plain(&text[g.range.start..kept[k].range.start])
                || kept
                    .iter()
                    .any(|other| other.range.overlaps(g.range) && !g.range.contains(other.range))
            {
                continue;
            }
            let range = g.range;
            kept.retain(|m| !range.contains(m.range));
            kept.push(g.clone());
            crate::sort::by_key(&mut kept, |m| m.range.start);
        }
        // Likewise a person's guess that ends later than a pattern's person inside it: the name
        // goes on to the guess's end (a family name's pattern ends at the family name: "नागेश
        // पांडेय संजय", not "नागेश पांडेय"); where it starts, the pattern knows better.
        for g in guesses.iter() {
            let Some(k) = kept.iter().position(|k| {
                k.source == Source::Pattern
                    && k.kind == ActorKind::Person
                    && g.kind == ActorKind::Person
                    && g.range.start <= k.range.start
                    && k.range.end < g.range.end
            }) else {
                continue;
            };
            // Nor a title or an honorific ("कल्पेश जी").
            let added = &text[kept[k].range.end..g.range.end];
            let titled = added
                .split(' ')
                .any(|w| !w.is_empty() && lex.affix(&lexicon::affix_key(w)).is_some());
            if !plain(added)
                || titled
                || kept
                    .iter()
                    .any(|other| other.range.overlaps(g.range) && !g.range.contains(other.range))
            {
                continue;
            }
            kept[k].range = Range::new(kept[k].range.start, g.range.end);
        }
        add_weaker(&mut kept, guesses);
    }
    // "उत्तरी युगांडा", "दक्षिणी यूरोप": a Hindi compass word before a country or a region the
    // lexicon knows makes one place, a part of the one named (its own actor).
    // Mentions are in text order and do not overlap: the one before may not reach the word.
    for i in 0..kept.len() {
        let m = &kept[i];
        if !matches!(m.kind, ActorKind::Place | ActorKind::Country)
            || m.adjectival
            || m.source != Source::Lexicon
        {
            continue;
        }
        let Some(before) = text[sentence.start..m.range.start].strip_suffix(' ') else {
            continue;
        };
        let word = crate::scan::after_last(before, |c| c == ' ');
        let start = m.range.start - 1 - word.len();
        let opens = word.first_is(|c| ('\u{0900}'..='\u{097F}').contains(&c))
            && lex.opener(word) == Some(ActorKind::Place)
            && (i == 0 || kept[i - 1].range.end <= start);
        if opens {
            let m = &mut kept[i];
            m.range = Range::new(start, m.range.end);
            m.kind = ActorKind::Place;
            m.canonical = None;
            m.wikidata = None;
        }
    }
    // "आईआईएम अहमदाबाद", "आईआईटी दिल्ली": an acronym before a city the lexicon knows names an
    // institution's campus there.
    let mut campuses: Vec<(Range, Range)> = Vec::new();
    for m in kept.iter() {
        if m.kind != ActorKind::Place || m.adjectival || m.source != Source::Lexicon {
            continue;
        }
        let Some(before) = text[sentence.start..m.range.start].strip_suffix(' ') else {
            continue;
        };
        let word = crate::scan::after_last(before, |c| c == ' ');
        let acronym = Range::new(m.range.start - 1 - word.len(), m.range.start - 1);
        // The acronym may be a mention of its own, but no part of a longer one.
        let free = overlapping(&kept, acronym)
            .iter()
            .all(|k| k.range == acronym);
        if free && patterns::spelled_in_letters(lex, word) {
            campuses.push((acronym, m.range));
        }
    }
    if !campuses.is_empty() {
        // Inserted one by one, not collected: collecting sorts them first, with its own copy of
        // the standard library's sort (3 KB of wasm).
        let mut parts: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (a, p) in &campuses {
            parts.insert((a.start, a.end));
            parts.insert((p.start, p.end));
        }
        kept.retain(|k| !parts.contains(&(k.range.start, k.range.end)));
        kept.extend(campuses.into_iter().map(|(acronym, place)| Mention {
            range: Range::new(acronym.start, place.end),
            kind: ActorKind::Organization,
            source: Source::Pattern,
            canonical: None,
            wikidata: None,
            adjectival: false,
        }));
        crate::sort::by_key(&mut kept, |m| m.range.start);
    }
    // "नई सरकार", "मेरी सरकार", "निजी बैंक": generic words before an organisation's head word
    // name no organisation.
    kept.retain(|m| !(m.source != Source::User && generic_organisation(lex, m.range.slice(text))));
    kept
}

/// Whether `surface` is only generic words ([`Lexicon::generic_words`]) before the head word of
/// an organisation.
fn generic_organisation(lex: &Lexicon, surface: &str) -> bool {
    let Some(at) = surface.bytes().rposition(|b| b == b' ') else {
        return false;
    };
    let (before, head) = (&surface[..at], &surface[at + 1..]);
    lex.suffix(head)
        .is_some_and(|s| s.kind == ActorKind::Organization)
        && before.split(' ').all(|w| lex.generic_words.contains(w))
}

/// `range` of a person's name moved back over up to three initials before it ("एम एस
/// स्वामीनाथन", "के. सी. वर्मन"), not before `floor`. "के" after a word that is no initial is
/// the case marker.
fn with_initials(lex: &Lexicon, text: &str, floor: usize, range: Range) -> Range {
    let mut start = range.start;
    for _ in 0..3 {
        let before = &text[floor..start];
        let Some(rest) = before
            .strip_suffix(' ')
            .map(|b| b.strip_suffix('.').unwrap_or(b))
        else {
            break;
        };
        let word_start = rest
            .rfind(|c: char| !lexicon::is_word_char(c))
            .map_or(0, |at| {
                at + rest[at..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &rest[word_start..];
        let initial = lex.initials.contains(word)
            || word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
        if !initial {
            break;
        }
        let prev = rest[..word_start].trim_end_matches(' ');
        let prev = prev.strip_suffix('.').unwrap_or(prev);
        let prev_word = crate::scan::after_last(prev, |c| !lexicon::is_word_char(c));
        let after_word = rest[..word_start].ends_with(' ')
            && !prev_word.is_empty()
            && !lex.initials.contains(prev_word);
        if lex.is_function_word(word) && after_word {
            break;
        }
        start = floor + word_start;
    }
    Range::new(start, range.end)
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
            let class = lex.title(&lexicon::affix_key(prefix));
            if class.is_some_and(|c| c != lexicon::TitleClass::Part) {
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
pub fn add_weaker(kept: &mut Vec<Mention>, mut weaker: Vec<Mention>) {
    crate::sort::by_key(kept, |m| m.range.start);
    // Most sentences have nothing of one source or another: no index to build then.
    if weaker.is_empty() {
        return;
    }
    let reach: Vec<usize> = kept
        .iter()
        .scan(0, |most, k| {
            *most = k.range.end.max(*most);
            Some(*most)
        })
        .collect();
    let mut added: BTreeSet<(usize, usize)> = BTreeSet::new();
    weaker.retain(|m| {
        let (start, end) = (m.range.start, m.range.end);
        let before = kept.partition_point(|k| k.range.start < end);
        let over_kept = before > 0 && reach[before - 1] > start;
        let over_added = added
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, e)| e > start);
        if !over_kept && !over_added {
            added.insert((start, end));
        }
        !over_kept && !over_added
    });
    // The weaker ones left are added whole; often nothing was kept before (no names of the
    // caller's own), and they become the list as they are.
    if kept.is_empty() {
        *kept = weaker;
    } else {
        kept.append(&mut weaker);
    }
    crate::sort::by_key(kept, |m| m.range.start);
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
    let next_word = after.split(&[' ', ',', '.', '।'][..]).next().unwrap_or("");
    if text[range.end..].starts_with("'s") || text[range.end..].starts_with("’s") {
        return true;
    }
    if GOVERNMENT_AFTER.contains(&next_word) {
        return true;
    }
    let prev_word = crate::scan::after_last(before, |c| c == ' ');
    matches!(next_word, "और" | "and") || matches!(prev_word, "और" | "and")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of a text written for the test: surface and kind, in text order.
    fn mentions_of(text: &str) -> Vec<(String, ActorKind)> {
        let text = crate::normalize::Normalized::new(text).text.into_owned();
        let options = Options::default();
        let structure = crate::structure::analyse(&text, &options);
        let regions = structure.regions();
        find_mentions(
            &text,
            &structure,
            &regions,
            &mut sentence_words(&text, &regions),
            &options,
        )
        .into_iter()
        .map(|m| (m.range.slice(&text).to_string(), m.kind))
        .collect()
    }

    fn has(found: &[(String, ActorKind)], surface: &str, kind: ActorKind) -> bool {
        found.iter().any(|(s, k)| s == surface && *k == kind)
    }

    #[test]
    fn a_known_full_name_ends_a_titled_person() {
        let found = mentions_of("योजना की खबर\nगांव में महात्मा गांधी नरेगा के तहत काम मिला।");
        assert!(
            has(&found, "महात्मा गांधी", ActorKind::Person),
            "should end the person where the known name ends, found {found:?}"
        );
        assert!(
            !found.iter().any(|(s, _)| s.contains("नरेगा")),
            "should not read the scheme's word as part of the person, found {found:?}"
        );
    }

    #[test]
    fn an_organisation_named_for_two_fields_is_one_name() {
        let found = mentions_of("विभाग की खबर\nपेयजल और स्वच्छता विभाग ने नई नीति जारी की।");
        assert!(
            has(&found, "पेयजल और स्वच्छता विभाग", ActorKind::Organization),
            "should read both fields into the department's name, found {found:?}"
        );
        let found = mentions_of("बैठक की खबर\nभारत और चीन सरकार के बीच बातचीत हुई।");
        assert!(
            has(&found, "भारत", ActorKind::Country),
            "should keep a known name before the conjunction its own actor, found {found:?}"
        );
    }

    #[test]
    fn a_name_in_the_english_style_runs_through_for_and_and() {
        let found = mentions_of("बैंक की खबर\nयूरोपियन बैंक फॉर रिकन्स्ट्रक्शन एंड डेवलपमेंट ने कर्ज दिया।");
        assert!(
            has(
                &found,
                "यूरोपियन बैंक फॉर रिकन्स्ट्रक्शन एंड डेवलपमेंट",
                ActorKind::Organization
            ),
            "should read the whole name, found {found:?}"
        );
    }

    #[test]
    fn the_case_marker_ke_is_no_initial_after_a_word() {
        let found = mentions_of("बैंक की खबर\nयोजना इंडियन बैंक के के सी वर्मन ने शुरू की थी।");
        assert!(
            has(&found, "के सी वर्मन", ActorKind::Person),
            "should take the initials but not the case marker before them, found {found:?}"
        );
        let found = mentions_of("खबर\nदेश के रमेश कुमार ने कहा कि काम जारी है।");
        assert!(
            !found.iter().any(|(s, _)| s.starts_with("के ")),
            "should not start a name with the case marker, found {found:?}"
        );
    }

    #[test]
    fn an_unknown_name_in_a_list_of_places_is_a_place() {
        let found = mentions_of("दौरे की खबर\nवे दिल्ली , पटना , कोटबंदर और लखनऊ जाएंगे।");
        assert!(
            has(&found, "कोटबंदर", ActorKind::Place),
            "should read the unknown item of a list of cities as a place, found {found:?}"
        );
        let found = mentions_of("खबर\nदिल्ली , पटना और विकास पर बात हुई।");
        assert!(
            !found.iter().any(|(s, _)| s == "विकास"),
            "should leave a common word in the list alone, found {found:?}"
        );
        let found = mentions_of("खबर\nराम , श्याम , कोटबंदर और दिल्ली की बात हुई।");
        assert!(
            !found.iter().any(|(s, _)| s == "कोटबंदर"),
            "should need two places in the list, found {found:?}"
        );
    }

    #[test]
    fn generic_words_before_a_head_word_name_no_organisation() {
        let found = mentions_of("सरकार की खबर\nनई सरकार ने कहा कि निजी बैंक कर्ज देंगे।");
        assert!(
            !found
                .iter()
                .any(|(s, _)| s.contains("सरकार") || s.contains("बैंक")),
            "should find no organisation in generic phrases, found {found:?}"
        );
        let found = mentions_of("सरकार की खबर\nमहाराष्ट्र सरकार ने कहा कि काम जारी है।");
        assert!(
            has(&found, "महाराष्ट्र सरकार", ActorKind::Organization),
            "should keep a named government, found {found:?}"
        );
    }

    #[test]
    fn a_compass_word_before_a_known_place_makes_a_part_of_it() {
        let found = mentions_of("दौरे की खबर\nवे उत्तरी युगांडा और दक्षिणी यूरोप गए।");
        assert!(
            has(&found, "उत्तरी युगांडा", ActorKind::Place)
                && has(&found, "दक्षिणी यूरोप", ActorKind::Place),
            "should read each region as one place, found {found:?}"
        );
    }

    #[test]
    fn words_spelled_in_latin_letters_are_acronyms() {
        let lex = lexicon::builtin();
        let spelled_in_letters = patterns::spelled_in_letters;
        assert!(
            spelled_in_letters(lex, "ईबीआरडी") && spelled_in_letters(lex, "एनसीएलटी"),
            "should read a run of letter names as an acronym"
        );
        assert!(
            !spelled_in_letters(lex, "सेबी") && !spelled_in_letters(lex, "एसी"),
            "should need three letters and nothing but letters"
        );
        assert!(
            !spelled_in_letters(lex, "ईबीआरडी बैंक"),
            "should read one word only"
        );
    }

    #[test]
    fn an_opening_adjective_carries_an_official_name_over_ordinary_words() {
        let found = mentions_of("संस्थान की खबर\nराष्ट्रीय विषाणु विज्ञान संस्थान ने जांच की।");
        assert!(
            has(
                &found,
                "राष्ट्रीय विषाणु विज्ञान संस्थान",
                ActorKind::Organization
            ),
            "should read the name from its opening adjective, found {found:?}"
        );
    }

    #[test]
    fn an_opening_adjective_is_no_persons_name() {
        let found = mentions_of("बैठक की खबर\nकेंद्रीय मंत्रिमंडल ने नई नीति को मंजूरी दी।");
        assert!(
            !found.iter().any(|(_, k)| *k == ActorKind::Person),
            "should find no person in the cabinet, found {found:?}"
        );
    }

    #[test]
    fn an_acronym_after_a_name_in_the_english_style_is_its_own() {
        let found = mentions_of("बैंक की खबर\nयूरोपियन बैंक फॉर डेवलपमेंट ईबीआरडी ने कर्ज दिया।");
        assert!(
            has(&found, "यूरोपियन बैंक फॉर डेवलपमेंट", ActorKind::Organization),
            "should end the name before the acronym, found {found:?}"
        );
    }

    #[test]
    fn initials_before_a_guessed_name_belong_to_it() {
        let lex = lexicon::builtin();
        let text = "रिपोर्ट में एम एस स्वामीनाथन ने कहा";
        let name = text.find("स्वामीनाथन").unwrap_or(0);
        let range = Range::new(name, name + "स्वामीनाथन".len());
        assert_eq!(
            with_initials(lex, text, 0, range).slice(text),
            "एम एस स्वामीनाथन",
            "should take the initials before the name"
        );
        let text = "बैंक के के सी वर्मन ने कहा";
        let name = text.find("वर्मन").unwrap_or(0);
        let range = Range::new(name, name + "वर्मन".len());
        assert_eq!(
            with_initials(lex, text, 0, range).slice(text),
            "के सी वर्मन",
            "should leave the case marker before the initials"
        );
    }

    // The society's name is the tagger's guess: a build without the tagger finds only the person.
    #[cfg(feature = "tagger")]
    #[test]
    fn a_titled_name_ends_where_an_english_style_organisation_begins() {
        let found = mentions_of("सम्मान की खबर\nप्रो. स्वामीनाथन रॉयल सोसायटी ऑफ लन्दन के सदस्य हैं।");
        assert!(
            has(&found, "स्वामीनाथन", ActorKind::Person)
                && has(&found, "रॉयल सोसायटी ऑफ लन्दन", ActorKind::Organization),
            "should split the professor from the society, found {found:?}"
        );
        let found = mentions_of("खबर\nसभा में बोले प्रो. रमेश वर्मन");
        assert!(
            has(&found, "रमेश वर्मन", ActorKind::Person),
            "should read a titled name that ends the text, found {found:?}"
        );
    }

    #[test]
    fn name_words_joined_by_a_hyphen_stay_in_an_organisation() {
        let found = mentions_of("फाउंडेशन की खबर\nगांधी-किंग डेवलपमेंट फाउंडेशन ने मदद दी।");
        assert!(
            has(&found, "गांधी-किंग डेवलपमेंट फाउंडेशन", ActorKind::Organization),
            "should read the hyphenated words into the name, found {found:?}"
        );
        let found = mentions_of("सीमा की खबर\nभारत-चीन सेना की बातचीत हुई।");
        assert!(
            has(&found, "भारत", ActorKind::Country)
                && !found.iter().any(|(s, _)| s.contains_char('-')),
            "should keep a known country before a hyphen its own, found {found:?}"
        );
    }

    #[test]
    fn an_acronym_before_a_city_names_a_campus() {
        let found = mentions_of("संस्थान की खबर\nआईआईटी दिल्ली में नया केंद्र खुला।");
        assert!(
            has(&found, "आईआईटी दिल्ली", ActorKind::Organization),
            "should read the institute's campus as one organisation, found {found:?}"
        );
    }
}
