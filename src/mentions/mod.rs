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
//! places of play. Mentions returned are non-overlapping, in text order.

pub mod features;
pub mod forms;
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
    crate::sort::by_key(&mut mentions, |m| {
        (m.range.start, std::cmp::Reverse(m.range.end))
    });
    mentions.dedup_by(|b, a| a.range.overlaps(b.range));
    bracketed_acronyms(lex, text, &mut mentions);
    sports_teams(lex, text, structure, &mut mentions);
    mentions
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
    ) && !before.next().is_some_and(char::is_alphanumeric)
}

/// The most team names one story is searched for.
const MAX_TEAMS: usize = 64;

/// A place that the story uses for a sports team somewhere ("Surrey v Kent", "Leicestershire
/// beat Somerset", "Somerset 83 and 174") names the team wherever the story uses it: its
/// mentions become organisations, and its other uses are found too ("Kent made up for lost
/// time"). Countries keep their kind (a national side is named by its country), and only Latin
/// names are read this way: the signs are those of English sports reports.
fn sports_teams(lex: &Lexicon, text: &str, structure: &Structure, mentions: &mut Vec<Mention>) {
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
            && m.range.slice(text).contains(' ')
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
        .filter_map(|m| m.range.slice(text).rsplit(' ').next())
        .collect();
    let player = |name: &str| {
        person_words.contains(&name)
            || text
                .match_indices(name)
                .any(|(at, _)| after_initial(text, at))
    };
    // A one-word guess that a score made a team is a player when the story names a person so.
    let players: Vec<&str> = teams.iter().copied().filter(|t| player(t)).collect();
    for m in mentions.iter_mut() {
        let surface = m.range.slice(text);
        if m.kind == ActorKind::Organization
            && m.source == Source::Pattern
            && !surface.contains(' ')
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
            m.canonical = Some(m.range.slice(text).to_string());
            m.wikidata = None;
        }
    }
    let mut found = Vec::new();
    for region in structure.regions() {
        let block = region.range.slice(text);
        for team in &teams {
            for (at, _) in block.match_indices(team) {
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
                    canonical: Some(team.to_string()),
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
    let mut lexicon: Vec<Mention> = lex
        .names
        .find(text, sentence.start, sentence.end)
        .into_iter()
        .map(|h| hit_mention(&lex.names, h, Source::Lexicon, text))
        .collect();
    // "स्वच्छ भारत अभियान", "वंदे भारत मिशन": a place in the name of a scheme is no mention of
    // the place.
    lexicon.retain(|m| {
        m.kind == ActorKind::Person
            || !text[m.range.end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.split([' ', ',', '।', '.']).next())
                .is_some_and(|next| lex.scheme_words.contains(next))
    });
    let known: Vec<Range> = lexicon.iter().map(|m| m.range).collect();
    let found = patterns::find(lex, text, sentence.start, sentence.end, &known);
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
    // A run of capitalised words around known places is one longer name ("Real Madrid",
    // "Kurdistan Democratic Party", "East Jerusalem"): an organisation, unless a place word
    // opens it. Demonyms and people inside a run are left alone ("Bosnian Serb Radovan
    // Karadzic").
    let title_case = {
        let latin: Vec<patterns::Word> = patterns::words(text, sentence.start, sentence.end)
            .into_iter()
            .filter(|w| w.text.is_ascii() && w.text.chars().any(|c| c.is_ascii_alphabetic()))
            .collect();
        let capitalised = latin
            .iter()
            .filter(|w| w.text.starts_with(|c: char| c.is_ascii_uppercase()))
            .count();
        latin.len() >= 3 && capitalised * 10 >= latin.len() * 7
    };
    for f in found.iter().filter(|f| !f.strong) {
        let surface = f.range.slice(text);
        if !surface.is_ascii() || !surface.contains(' ') {
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
        if title_case {
            continue;
        }
        let opener = lex.openers.get(surface.split(' ').next().unwrap_or(""));
        let kind = opener.copied().unwrap_or(ActorKind::Organization);
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
    // merely extends a lexicon hit loses to it).
    if let Some(model) = tagger::shipped_model() {
        let mut guesses = tagger::tag_text(model, text, sentence);
        for g in guesses.iter_mut() {
            // A family name alone ("कुमार कहते हैं") names a person, whatever the guess.
            if lex.surnames.contains(g.range.slice(text)) {
                g.kind = ActorKind::Person;
            }
            if g.kind == ActorKind::Person {
                g.range = without_titles(lex, text, g.range);
            }
        }
        // A one-word guess that the common-word list calls an ordinary word is a slip, and so
        // is a title or a suffix alone ("विभाग", "मंत्री"): they name nobody by themselves.
        guesses.retain(|g| {
            let s = g.range.slice(text);
            s.contains(' ')
                || !(lex.is_common(s) || lex.suffixes.contains_key(s) || lex.titles.contains_key(s))
        });
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
            // The words it adds must be name words: no sentence end, no function word.
            let added = &text[g.range.start..kept[k].range.start];
            let plain = !added.contains(['.', '।', '!', '?', ':', ','])
                && added.split(' ').all(|w| !lex.is_function_word(w));
            if !plain
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
            let class = lex.titles.get(&lexicon::affix_key(prefix));
            if class.is_some_and(|&c| c != lexicon::TitleClass::Part) {
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
    crate::sort::by_key(kept, |m| m.range.start);
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
