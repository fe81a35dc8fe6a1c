//! Attribution: decides who said each quote, from the speech verbs and cue phrases around it.
//!
//! Input: the normalised text and its words ([`TextWords`]), its structure, the quotes and the
//! actors found so far (which may be none). Output: one [`Attribution`] per quote; actors may be added or given new mentions.
//!
//! For each quote the clause before its opening mark and the clause after its closing mark are
//! read for a cue (`data/quotes/cues-*.tsv`):
//! - Hindi: "X ने (…) कहा/बताया/ट्वीट किया", "X कहते/कहती हैं", "X का कहना/मानना है",
//!   "X के मुताबिक/अनुसार", after the quote "…”, X ने कहा" and "…”, यह कहना है X का", the
//!   headline form "‘…’ : X", and with no speech verb the agent of the sentence ("X ने … ‘…’ किया");
//! - English: "X said", "said X", "X told …", "according to X", "“…,” X said", "“…” beamed X",
//!   "X: “…”", "— X", appositives ("X, a Y, said"), and with no speech verb the subject of the
//!   sentence ("Cruz blamed the law on “…”"). After a quote that ends its own sentence only a short
//!   attribution ("“….” Trump said.") counts, not the next sentence's reported speech.
//!
//! The speaker phrase is cut at clause words (`data/quotes/speakers.tsv`) and split into a role
//! ("रूस के विदेश मंत्री", "Tulsa police Chief") and a name. A pronoun ("उन्होंने", "he") goes to
//! the most recent earlier subject that fits (subjects of sentences and speech verbs before mere
//! mentions; a person, of the same gender when a title or verb form tells); a role with no name
//! goes to the person the story earlier introduced with that role ("रूस के विदेश मंत्री सर्गेई
//! लावरोव"), or else becomes an actor of its own. A quote with no cue of its own takes the speaker
//! of the quote before it in the same paragraph (or of the paragraph before, when it is a
//! paragraph of its own), a quote after "X said:" at the end of the previous paragraph takes X, an
//! English quote that starts a sentence takes the named subject of the sentence before, and a
//! quoted heading takes the first speaker of its section. No speaker is better than a wrong one:
//! plural subjects ("दोनों नेताओं", "both") and unnamed descriptions stay unattributed.
//!
//! Speakers become actors: an actor of the actors stage whose mention overlaps the speaker's name
//! (or the head word of a role phrase) is used first and gets the speaker's name among its forms,
//! then one with the same name or surname; otherwise a new actor is added (a person, or an
//! organisation or group when the phrase's last word says so). The file is longer than most
//! modules because the Hindi and English patterns share the phrase and actor machinery.

use crate::article::ActorKind;
use crate::chars::has_devanagari;
use crate::doc::{ActorDraft, Attribution, FoundQuote, Range, Region, Role};
use crate::quotes::cues::{cues, is_word_char, speakers, TextWords, Word};
use crate::scan::TextExt;
use crate::scan::{bytes_equal, eight, final_marks, is_ascii};
use crate::word_set::WordSet;

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Unknown,
}

/// Words that name or refer to a speaker.
#[derive(Debug, Clone)]
struct Phrase {
    whole: Range,
    name: Option<Range>,
    role: Option<Range>,
    pronoun: bool,
    plural: bool,
    kind: ActorKind,
    gender: Gender,
}

/// A speaker phrase with the cue that introduced it.
#[derive(Debug, Clone)]
struct Found {
    phrase: Phrase,
    cue: Option<Range>,
}

/// An earlier subject a pronoun may refer to.
#[derive(Debug, Clone)]
struct Subject {
    at: usize,
    /// The subject of a sentence or of a speech verb, not a mere mention.
    strong: bool,
    phrase: Option<Phrase>,
    actor: Option<usize>,
    gender: Gender,
}

struct State<'t> {
    text: &'t str,
    /// The words of `text`.
    words: &'t TextWords<'t>,
    genders: Vec<Gender>,
    /// The subjects of the text's sentences, in text order.
    subjects: Vec<Subject>,
    /// The speakers of the quotes attributed so far, in text order: kept apart from `subjects`
    /// so that adding one never shifts the others (on a long text that was quadratic).
    speakers: Vec<Subject>,
    /// The subjects named in several words, by the lower-cased last word of the name, in order.
    subject_surnames: HashMap<String, Vec<usize>>,
    index: ActorIndex,
}

/// What attribution asks of the actors for every speaker, kept up to date as it adds actors,
/// names and mentions, so that no question reads every actor (on a long text with many speakers
/// that was quadratic).
#[derive(Debug, Default)]
struct ActorIndex {
    /// Every mention of every actor by its start: (start, number in `ends`).
    starts: BTreeSet<(usize, usize)>,
    /// Each mention's end and actor.
    ends: Vec<(usize, usize)>,
    /// The longest mention: an overlapping mention starts at most this far before a range.
    longest: usize,
    /// The actors' names, read from the actors once [`NAME_SCANS`] questions about names were
    /// answered without them.
    names: Option<NameIndex>,
    /// How many questions about names were answered by reading every actor's names.
    scans: usize,
}

/// How many questions about names are answered by reading every actor's names before the
/// [`NameIndex`] is built: most texts ask one or two, and building it (a few strings and map
/// entries for each actor) costs as much as some fifty readings.
const NAME_SCANS: usize = 16;

/// The actors by their names and aliases.
#[derive(Debug, Default)]
struct NameIndex {
    /// Each name or alias an actor has had (none is ever taken away), and the first such actor.
    forms: HashMap<String, usize>,
    /// The same, lower-cased.
    lower_forms: HashMap<String, usize>,
    /// The actors named in several words (a name that never changes again), by the lower-cased
    /// last word of the name.
    by_surname: HashMap<String, Vec<usize>>,
    /// The actors that were named in one word, lower-cased, in order (the name may have grown).
    by_single_name: HashMap<String, Vec<usize>>,
}

impl ActorIndex {
    fn new(actors: &[ActorDraft]) -> ActorIndex {
        let mut index = ActorIndex::default();
        for (a, actor) in actors.iter().enumerate() {
            for &m in &actor.mentions {
                index.add_mention(m, a);
            }
        }
        index
    }

    fn add_mention(&mut self, range: Range, a: usize) {
        self.longest = self.longest.max(range.end - range.start);
        self.starts.insert((range.start, self.ends.len()));
        self.ends.push((range.end, a));
    }

    /// The actors with a mention that overlaps `range` (an actor may come more than once).
    fn overlapping(&self, range: Range) -> impl Iterator<Item = usize> + '_ {
        let from = range.start.saturating_sub(self.longest);
        self.starts
            .range((from, 0)..(range.end, 0))
            .map(|&(_, k)| self.ends[k])
            .filter(move |&(end, _)| end > range.start)
            .map(|(_, a)| a)
    }

    /// The first actor with the name or alias `form`.
    fn with_form(&mut self, actors: &[ActorDraft], form: &str) -> Option<usize> {
        match self.names(actors) {
            Some(names) => names.forms.get(form).copied(),
            None => actors.iter().position(|a| forms_of(a).any(|f| f == form)),
        }
    }

    /// The actor called `lower` (a name in lower case, of one word when `single`): the first with
    /// that name or alias in lower case; else for one word, the person with that surname
    /// mentioned last (the last actor among equals); for several, the first person named so far
    /// by the last word alone.
    fn named(&mut self, actors: &[ActorDraft], lower: &str, single: bool) -> Option<usize> {
        let surname = last_word(lower);
        let every: Vec<usize>;
        // The actors that may be the person, from the index, or else all of them: the tests
        // below tell (of the index's, all pass).
        let (first, people) = match self.names(actors) {
            Some(names) => {
                let people = if single {
                    names.by_surname.get(lower)
                } else {
                    names.by_single_name.get(surname)
                };
                let people = people.map_or(&[][..], Vec::as_slice);
                (names.lower_forms.get(lower).copied(), people)
            }
            None => {
                let is_lower = |f: &str| lower_is(f, lower);
                every = (0..actors.len()).collect();
                (
                    actors.iter().position(|a| forms_of(a).any(is_lower)),
                    &every[..],
                )
            }
        };
        let person = |a: usize| actors[a].kind == ActorKind::Person;
        let several = |a: usize| actors[a].name.contains(char::is_whitespace);
        first.or_else(|| {
            let mut people = people.iter().copied().filter(|&a| person(a));
            if single {
                people
                    .filter(|&a| several(a) && lower_is(last_word(&actors[a].name), lower))
                    .map(|a| (actors[a].mentions.last().map_or(0, |m| m.start), a))
                    .max()
                    .map(|(_, a)| a)
            } else {
                people.find(|&a| !several(a) && lower_is(&actors[a].name, surname))
            }
        })
    }

    /// The names of `actors`, read now if they were not before and enough questions were
    /// answered without them ([`NAME_SCANS`]); `None` while not.
    fn names(&mut self, actors: &[ActorDraft]) -> Option<&NameIndex> {
        if self.names.is_none() && self.scans < NAME_SCANS {
            self.scans += 1;
            return None;
        }
        Some(self.names.get_or_insert_with(|| {
            // Room for every name and alias at once: the maps are not rebuilt as they grow.
            let forms = actors.iter().map(|a| 1 + a.aliases.len()).sum();
            // (`reserve`, which inserting uses already, rather than more code for `with_capacity`.)
            let mut names = NameIndex::default();
            names.forms.reserve(forms);
            names.lower_forms.reserve(forms);
            names.by_surname.reserve(actors.len());
            names.by_single_name.reserve(actors.len());
            for (a, actor) in actors.iter().enumerate() {
                names.add_name(&actor.name, a);
                for alias in &actor.aliases {
                    names.add_form(alias, a);
                }
            }
            names
        }))
    }

    /// Actor `a` now also goes by `form`.
    fn add_form(&mut self, form: &str, a: usize) {
        if let Some(names) = &mut self.names {
            names.add_form(form, a);
        }
    }

    /// Actor `a` is now called `name`.
    fn add_name(&mut self, name: &str, a: usize) {
        if let Some(names) = &mut self.names {
            names.add_name(name, a);
        }
    }
}

impl NameIndex {
    fn add_form(&mut self, form: &str, a: usize) {
        let first = self.forms.entry(form.to_string()).or_insert(a);
        *first = (*first).min(a);
        let first = self
            .lower_forms
            .entry(crate::unicode::to_lowercase(form))
            .or_insert(a);
        *first = (*first).min(a);
    }

    fn add_name(&mut self, name: &str, a: usize) {
        self.add_form(name, a);
        let (map, key) = if name.contains(char::is_whitespace) {
            (
                &mut self.by_surname,
                crate::unicode::to_lowercase(last_word(name)),
            )
        } else {
            (&mut self.by_single_name, crate::unicode::to_lowercase(name))
        };
        map.entry(key).or_default().push(a);
    }
}

/// One [`Attribution`] per quote, in the same order; `words` are the words of `text`, `regions`
/// its regions ([`crate::doc::Structure::regions`]).
pub fn attribute<'t>(
    text: &'t str,
    words: &'t TextWords<'t>,
    regions: &[Region],
    quotes: &[FoundQuote],
    actors: &mut Vec<ActorDraft>,
) -> Vec<Attribution> {
    let subjects = collect_subjects(text, words, regions, quotes, actors);
    let mut subject_surnames: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, sub) in subjects.iter().enumerate() {
        let Some(name) = sub.phrase.as_ref().and_then(|p| p.name) else {
            continue;
        };
        let full = name.slice(text);
        if full.contains(char::is_whitespace) {
            let key = crate::unicode::to_lowercase(last_word(full));
            subject_surnames.entry(key).or_default().push(i);
        }
    }
    let mut state = State {
        text,
        words,
        genders: vec![Gender::Unknown; actors.len()],
        subjects,
        speakers: Vec::new(),
        subject_surnames,
        index: ActorIndex::new(actors),
    };
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    for (qi, q) in quotes.iter().enumerate() {
        let found = find_cue(text, words, regions, quotes, qi);
        let mut attribution = Attribution::default();
        if let Some(found) = found {
            attribution.cue = found.cue;
            let phrase = found.phrase;
            let actor = if phrase.pronoun {
                resolve_pronoun(&mut state, actors, q.range.start, phrase.gender)
            } else {
                resolve_phrase(&mut state, actors, &phrase, q.range.start)
            };
            if let Some(actor) = actor {
                attribution.speaker = Some(actor);
                attribution.speaker_mention = Some(if phrase.pronoun {
                    phrase.whole
                } else {
                    phrase.name.or(phrase.role).unwrap_or(phrase.whole)
                });
                let at = state.speakers.partition_point(|s| s.at <= q.range.start);
                state.speakers.insert(
                    at,
                    Subject {
                        strong: true,
                        at: q.range.start,
                        phrase: None,
                        actor: Some(actor),
                        gender: phrase.gender,
                    },
                );
            }
        }
        out.push(attribution);
    }
    inherit_speakers(text, regions, quotes, &mut out);
    heading_speakers(&mut state, actors, regions, quotes, &mut out);
    out
}

/// A quoted heading or headline with no cue of its own takes the first speaker of the
/// paragraphs that follow it, up to the next heading: the next attributed quote, or else the
/// first sentence with a named subject of a speech verb ("X ने कहा कि …").
fn heading_speakers(
    state: &mut State<'_>,
    actors: &mut Vec<ActorDraft>,
    regions: &[Region],
    quotes: &[FoundQuote],
    out: &mut [Attribution],
) {
    let text = state.text;
    for qi in 0..quotes.len() {
        if out[qi].speaker.is_some() || out[qi].cue.is_some() {
            continue;
        }
        let Some(ri) = region_of(regions, quotes[qi].range.start) else {
            continue;
        };
        if regions[ri].role == Role::Paragraph {
            continue;
        }
        let section_end = regions[ri + 1..]
            .iter()
            .position(|r| r.role != Role::Paragraph)
            .map_or(regions.len(), |p| ri + 1 + p);
        let body = &regions[ri + 1..section_end];
        let in_body = |q: &FoundQuote| body.iter().any(|r| r.range.contains(q.range));
        // Quotes are in text order: none after the section's end is in its body.
        let body_end = body.last().map_or(0, |r| r.range.end);
        let next = quotes
            .iter()
            .zip(out.iter())
            .skip(qi + 1)
            .take_while(|(q, _)| q.range.start <= body_end)
            .find(|(q, a)| in_body(q) && a.speaker.is_some())
            .and_then(|(_, a)| a.speaker);
        let speaker = next.or_else(|| {
            body.iter()
                .flat_map(|r| sentences(text, r.range))
                .find_map(|(s, hindi)| {
                    let ws = state.words.of(s);
                    let found = if hindi {
                        hindi_before(text, &ws)
                    } else {
                        english_before(text, &ws)
                    }?;
                    if found.phrase.pronoun || found.cue.is_none() {
                        return None;
                    }
                    resolve_phrase(state, actors, &found.phrase, s.start)
                })
        });
        out[qi].speaker = speaker;
    }
}

fn region_of(regions: &[Region], at: usize) -> Option<usize> {
    // Regions are in text order.
    let i = regions.partition_point(|r| r.range.end < at);
    regions
        .get(i)
        .filter(|r| r.range.start <= at && at <= r.range.end)
        .map(|_| i)
}

fn whole_quote(q: &FoundQuote) -> Range {
    Range::new(
        q.open.map_or(q.range.start, |o| o.start),
        q.close.map_or(q.range.end, |c| c.end),
    )
}

/// Where the sentence that holds byte `at` starts, not before `floor`: just after the last
/// sentence end before `at`. Read backwards from `at`, so a paragraph with many quotes is not
/// read from its start once per quote.
fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let s = &text[floor..at];
    let bytes = s.as_bytes();
    // The marks are read from the bytes, as in `sentence_and_script`: ASCII, and '।' (E0 A5 A4).
    let mut end = bytes.len();
    while end > 0 {
        let i = end - 1;
        end = i;
        match bytes[i] {
            b'?' | b'!' | b'|' => return floor + i + 1,
            b'.' => {
                let after = s[i + 1..].chars().next();
                let glued = after.is_some_and(|n| !n.is_ascii() && is_word_char(n));
                if (after.is_none_or(char::is_whitespace) || glued) && !closes_abbreviation(s, i) {
                    return floor + i + 1;
                }
            }
            b if b.is_ascii_alphabetic() => {
                // Before a Latin letter (most of an English text), eight bytes at a time while
                // all are ASCII and none is a mark.
                while let Some(w) = end.checked_sub(8).and_then(|from| eight(bytes, from)) {
                    if !is_ascii(w) || final_marks(w) | bytes_equal(w, b'|') != 0 {
                        break;
                    }
                    end -= 8;
                }
            }
            // The last byte of a character of three (a Devanagari one): read whole.
            _ if i >= 2 && bytes[i - 2] == 0xE0 => {
                if bytes[i - 1..=i] == [0xA5, 0xA4] {
                    return floor + i + 1;
                }
                end = i - 2;
            }
            _ => {}
        }
    }
    floor
}

/// The bytes [`sentence_and_script`] looks at: its marks and E0, the first byte of '।' (all
/// other bytes are passed over with one table load).
static SENTENCE_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    stops[b'?' as usize] = true;
    stops[b'!' as usize] = true;
    stops[b'|' as usize] = true;
    stops[b'.' as usize] = true;
    stops[0xE0] = true;
    stops
};

/// Where the sentence that starts at or after byte `at` ends, not after `ceiling`, and whether
/// it holds Devanagari ([`has_devanagari`] of the sentence, asked only of one that holds a byte
/// E0, which the search sees anyway: an English sentence is not read again).
fn sentence_and_script(text: &str, at: usize, ceiling: usize) -> (usize, bool) {
    let s = &text[at..ceiling];
    let bytes = s.as_bytes();
    // The marks are read from the bytes: ASCII, and '।' (E0 A5 A4); no byte of another
    // character equals one of them or E0. The first character never ends the sentence.
    let mut i = bytes.first().map_or(0, |&b| crate::chars::utf8_len(b));
    // Devanagari opens with E0: a sentence without that byte (an English one) holds none.
    let mut e0 = bytes.first() == Some(&0xE0);
    let end = 'scan: loop {
        let Some(&b) = bytes.get(i) else {
            break s.len();
        };
        if !SENTENCE_STOPS[usize::from(b)] {
            i += 1;
            // After a Latin letter (most bytes of an English text, few of a Hindi one), eight at
            // a time while all are ASCII and none is a mark.
            if b.is_ascii_alphabetic() {
                while let Some(w) = eight(bytes, i) {
                    if !is_ascii(w) || final_marks(w) | bytes_equal(w, b'|') != 0 {
                        break;
                    }
                    i += 8;
                }
            }
            continue;
        }
        if b == 0xE0 {
            e0 = true;
            // A Devanagari character (or another one of three bytes): read whole, with the ones
            // of its word after it (in a Hindi text, most bytes) before the next table load; read
            // from a slice that shrinks, fewer instructions a character than an index.
            let mut rest = &bytes[i..];
            while let [0xE0, second, third, after @ ..] = rest {
                if [*second, *third] == [0xA5, 0xA4] {
                    break 'scan bytes.len() - rest.len();
                }
                rest = after;
            }
            i = bytes.len() - rest.len();
            continue;
        }
        if matches!(b, b'?' | b'!' | b'|') {
            break i;
        }
        if b == b'.' && full_stop_ends(s, i) {
            break i;
        }
        i += 1;
    };
    (at + end, e0 && has_devanagari(&s[..end]))
}

/// Whether the full stop at byte `i` of `s` ends a sentence: it is followed by white space, a
/// character that is not ASCII or nothing, and does not close an initial or a title.
fn full_stop_ends(s: &str, i: usize) -> bool {
    let after = s[i + 1..].chars().next();
    after.is_none_or(|n| n.is_whitespace() || !n.is_ascii()) && !closes_abbreviation(s, i)
}

/// Whether the full stop at byte `i` of `s` closes an initial (a word of one or two letters
/// that opens with a capital) or a title ("Dr.").
fn closes_abbreviation(s: &str, i: usize) -> bool {
    // Most words before a full stop are ASCII small letters ("said."): found from their bytes,
    // with no character decoded, and looked up as they are.
    let bytes = &s.as_bytes()[..i];
    let gap = bytes.iter().rposition(|b| !b.is_ascii_lowercase());
    if gap.is_none_or(|k| !bytes[k].is_ascii_alphanumeric() && bytes[k].is_ascii()) {
        return is_listed(List::Title, &s[gap.map_or(0, |k| k + 1)..i]);
    }
    closes_abbreviation_by_chars(s, i)
}

/// [`closes_abbreviation`] read a character at a time, for any word.
fn closes_abbreviation_by_chars(s: &str, i: usize) -> bool {
    let before_word = crate::scan::after_last(&s[..i], |c| !is_word_char(c));
    before_word.chars().count() <= 2 && before_word.chars().next().is_some_and(char::is_uppercase)
        || is_listed(List::Title, &crate::normalize::lowercase(before_word))
}

/// The sentences of `range`, split where [`sentence_and_script`] says (titles and initials do not end
/// a sentence), each with whether it holds Devanagari.
fn sentences(text: &str, range: Range) -> impl Iterator<Item = (Range, bool)> + '_ {
    let mut at = range.start;
    std::iter::from_fn(move || {
        if at >= range.end {
            return None;
        }
        let (end, hindi) = sentence_and_script(text, at, range.end);
        let next = text[end..range.end]
            .chars()
            .next()
            .map_or(range.end, |c| end + c.len_utf8());
        let sentence = Range::new(at, end);
        // A step that does not move on ends the list.
        at = if next <= at { range.end } else { next };
        Some((sentence, hindi))
    })
}

/// The speaker phrase and cue of quote `qi`, from its own sentence.
fn find_cue(
    text: &str,
    words: &TextWords<'_>,
    regions: &[Region],
    quotes: &[FoundQuote],
    qi: usize,
) -> Option<Found> {
    let q = &quotes[qi];
    let whole = whole_quote(q);
    let first = region_of(regions, whole.start)?;
    let last = region_of(regions, whole.end).unwrap_or(first);
    let region = regions[first].range;
    // The clause before: back to the sentence start or the previous quote.
    let mut floor = region.start;
    if let Some(prev) = qi.checked_sub(1).map(|p| whole_quote(&quotes[p])) {
        if prev.end <= whole.start && prev.end >= region.start {
            floor = prev.end;
        }
    }
    let before = Range::new(sentence_start(text, floor, whole.start), whole.start);
    // The clause after: on to the sentence end or the next quote.
    let end_region = regions[last].range;
    let mut ceiling = end_region.end;
    if let Some(next) = quotes.get(qi + 1).map(whole_quote) {
        if next.start >= whole.end && next.start <= ceiling {
            ceiling = next.start;
        }
    }
    // The split tells whether the clause after holds Devanagari, as it reads it anyway.
    let (after_end, after_hindi) = sentence_and_script(text, whole.end, ceiling);
    let after = Range::new(whole.end, after_end.max(whole.end));
    let after_text = after.slice(text).trim_start();
    let content = q.range.slice(text).trim_end();
    let hindi = has_devanagari(before.slice(text)) || after_hindi;

    // Headline and caption form: ‘…’ : X, or “…” ― X.
    if let Some(found) = dash_speaker(text, words, after) {
        return Some(found);
    }
    let before_words = words.of(before);
    let after_words = words.of(after);
    let trailing =
        content.ends_with(&[',', '?', '!'][..]) || after_text.starts_with(&[',', '—', '–'][..]);
    if hindi {
        let from_before = || hindi_before(text, &before_words);
        let from_after = || hindi_after(text, &after_words);
        if trailing {
            from_after().or_else(from_before)
        } else {
            from_before().or_else(from_after)
        }
    } else {
        let from_before = || english_before(text, &before_words);
        // After a quote that ends its own sentence, only a short attribution belongs to it
        // ("“….” Trump said."), not the next sentence's reported speech.
        let ends_sentence = content.ends_with('.');
        let from_after = || english_after(text, &after_words, ends_sentence);
        if trailing {
            from_after().or_else(from_before)
        } else {
            from_before().or_else(from_after)
        }
    }
    .or_else(|| {
        // A quote that opens its paragraph after a paragraph ending "X said:".
        let prev_region = first.checked_sub(1).map(|p| regions[p].range)?;
        let opens = text[region.start..whole.start].trim().is_empty();
        let colon = prev_region.slice(text).trim_end().ends_with(':');
        if !(opens && colon) {
            return None;
        }
        let clause = Range::new(
            sentence_start(text, prev_region.start, prev_region.end),
            prev_region.end,
        );
        let clause_words = words.of(clause);
        if has_devanagari(clause.slice(text)) {
            hindi_before(text, &clause_words)
        } else {
            english_before(text, &clause_words).or_else(|| {
                // "President Clinton released the following statement:"
                let phrase = sentence_subject(text, &clause_words)?;
                Some(Found { phrase, cue: None })
            })
        }
    })
    .or_else(|| {
        // English news style: "Clinton touted her record. “We need …”" — a quote that starts a
        // sentence inside a paragraph goes to the named subject of the sentence before it.
        if hindi || !before.slice(text).trim().is_empty() || before.start <= region.start {
            return None;
        }
        let last_char = text[floor..before.start].char_indices().last()?.0 + floor;
        let prev_start = sentence_start(text, floor, last_char);
        if prev_start >= before.start || prev_start < region.start {
            return None;
        }
        let prev = Range::new(prev_start, before.start);
        if prev.slice(text).trim_start().first_is(is_mark) {
            // "“Elections matter,” Kelly said. “Look …”": the sentence before opens with a quote,
            // whose first words are no subject.
            return None;
        }
        let prev_words = words.of(prev);
        let phrase = sentence_subject(text, &prev_words)?;
        phrase.name?;
        Some(Found { phrase, cue: None })
    })
}

/// "‘…’ : PM मोदी", "“…” ― Karen Smith": a short name after a colon or dash that ends the line.
fn dash_speaker(text: &str, words: &TextWords<'_>, after: Range) -> Option<Found> {
    let s = after.slice(text);
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let mark = rest.chars().next()?;
    if !matches!(mark, ':' | '―' | '—' | '–' | '-') {
        return None;
    }
    let start = after.start + lead + mark.len_utf8();
    let name = Range::new(start, after.end);
    let ws = words.of(name);
    let tail = text[ws.last()?.range.end..after.end].trim();
    if ws.is_empty() || ws.len() > 5 || !tail.chars().all(|c| c == '.' || c == '।') {
        return None;
    }
    if ws.iter().any(|w| cues().has("verb", &w.lower)) {
        return None;
    }
    let range = Range::new(ws[0].range.start, ws[ws.len() - 1].range.end);
    let phrase = if has_devanagari(range.slice(text)) {
        split_phrase(text, &ws, 0, ws.len(), Gender::Unknown)
    } else {
        english_name(text, &ws, 0, ws.len())
    }?;
    Some(Found {
        cue: Some(Range::new(start - mark.len_utf8(), start)),
        phrase: Phrase {
            whole: range,
            ..phrase
        },
    })
}

fn is_pronoun(word: &Word<'_>) -> bool {
    cues().has("pronoun", &word.lower)
}

/// The gender a Hindi verb form shows ("कहती" feminine).
fn hindi_verb_gender(verb: &str) -> Gender {
    if verb.ends_with("ती") || verb == "बोली" || verb == "लिखी" {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// "X ने … कहा", "X कहते हैं", "X का कहना है", "X के मुताबिक" in the words before a quote.
fn hindi_before(text: &str, ws: &[Word<'_>]) -> Option<Found> {
    let c = cues();
    // The speech verb nearest the quote.
    let mut verb = None;
    for i in (0..ws.len()).rev() {
        if let Some(len) = c.match_at("verb", ws, i) {
            verb = Some((i, len));
            break;
        }
    }
    // "X का कहना है": the verbal noun after का.
    let saying = (1..ws.len()).rev().find(|&i| {
        let owner = &ws[i - 1].lower;
        (owner == "का" || owner.ends_with("का") && c.has("pronoun", owner))
            && c.has("saying", &ws[i].lower)
    });
    if let Some(k) = saying {
        if c.has("pronoun", &ws[k - 1].lower) {
            // "उनका कहना है"
            let cue = Range::new(ws[k - 1].range.start, ws[k].range.end);
            return Some(pronoun_found(&ws[k - 1], cue, Gender::Unknown));
        }
        if verb.is_none_or(|(i, _)| k >= i) {
            let cue = Range::new(ws[k - 1].range.start, ws[k].range.end);
            return agent_or_subject(text, ws, k - 1, cue, Gender::Unknown, false);
        }
    }
    if let Some((i, len)) = verb {
        let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
        let gender = hindi_verb_gender(&ws[i].lower);
        // The agent "X ने" before the verb, within the clause.
        for j in (i.saturating_sub(25)..i).rev() {
            if ws[j].lower == "कि" {
                break;
            }
            if ws[j].lower == "ने" {
                return agent_or_subject(text, ws, j, cue, gender, true);
            }
            if ws[j].lower.ends_with("ने") && c.has("pronoun", &ws[j].lower) {
                return Some(pronoun_found(&ws[j], cue, gender));
            }
        }
        // No agent: the nominative subject right before "कहते हैं".
        return agent_or_subject(text, ws, i, cue, gender, false);
    }
    // "X के मुताबिक, …"
    for i in (0..ws.len()).rev() {
        if let Some(len) = c.match_at("according", ws, i) {
            let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
            let phrase = split_phrase(text, ws, 0, i, Gender::Unknown)?;
            return (!phrase.plural).then_some(Found {
                phrase,
                cue: Some(cue),
            });
        }
    }
    // No speech verb: the agent of the sentence ("X ने ऐसे … ‘…’ किया").
    let j = ws.iter().rposition(|w| w.lower == "ने")?;
    let phrase = split_phrase(text, ws, 0, j, Gender::Unknown)?;
    (!phrase.plural).then_some(Found { phrase, cue: None })
}

fn pronoun_found(word: &Word<'_>, cue: Range, gender: Gender) -> Found {
    Found {
        phrase: Phrase {
            whole: word.range,
            name: None,
            role: None,
            pronoun: true,
            plural: false,
            kind: ActorKind::Person,
            gender,
        },
        cue: Some(cue),
    }
}

/// The phrase that ends before `ws[end]`, as the speaker; a pronoun right there is a pronoun.
fn agent_or_subject(
    text: &str,
    ws: &[Word<'_>],
    end: usize,
    cue: Range,
    gender: Gender,
    agent: bool,
) -> Option<Found> {
    let prev = ws.get(end.checked_sub(1)?)?;
    if is_pronoun(prev) && !(agent && prev.lower.ends_with("ने")) {
        return Some(pronoun_found(prev, cue, gender));
    }
    let phrase = split_phrase(text, ws, 0, end, gender)?;
    if phrase.plural {
        return None;
    }
    Some(Found {
        phrase,
        cue: Some(cue),
    })
}

/// "…”, X ने कहा": a speech verb soon after the quote; "…”, यह कहना है X का".
fn hindi_after(text: &str, ws: &[Word<'_>]) -> Option<Found> {
    let c = cues();
    if let Some(k) = (0..ws.len().min(4)).find(|&k| c.has("saying", &ws[k].lower)) {
        let aux = ws
            .get(k + 1)
            .is_some_and(|w| matches!(w.lower.as_ref(), "है" | "था" | "थी"));
        let owner = (k + 3..ws.len().min(k + 12)).find(|&j| ws[j].lower == "का");
        if let (true, Some(j)) = (aux, owner) {
            let cue = Range::new(ws[k].range.start, ws[k + 1].range.end);
            let phrase = split_phrase(text, ws, k + 2, j, Gender::Unknown)?;
            return (!phrase.plural).then_some(Found {
                phrase,
                cue: Some(cue),
            });
        }
    }
    let (i, len) = (0..ws.len().min(10)).find_map(|i| Some((i, c.match_at("verb", ws, i)?)))?;
    let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
    let gender = hindi_verb_gender(&ws[i].lower);
    for j in (0..i).rev() {
        if ws[j].lower == "ने" {
            let phrase = split_phrase(text, ws, 0, j, gender)?;
            return (!phrase.plural).then_some(Found {
                phrase,
                cue: Some(cue),
            });
        }
        if c.has("pronoun", &ws[j].lower) {
            return Some(pronoun_found(&ws[j], cue, gender));
        }
    }
    None
}

/// The gap between two words holds a clause break (punctuation other than a hyphen or a dot).
fn breaks(text: &str, a: &Word<'_>, b: &Word<'_>) -> bool {
    text[a.range.end..b.range.start]
        .chars()
        .any(|c| !c.is_whitespace() && c != '-' && c != '.' && c != '\'' && c != '’')
}

/// The Hindi speaker phrase ending before `ws[end]` and not starting before `ws[floor]`, split
/// into role and name.
fn split_phrase(
    text: &str,
    ws: &[Word<'_>],
    floor: usize,
    end: usize,
    gender: Gender,
) -> Option<Phrase> {
    let mut start = end;
    while start > floor && end - start < 9 {
        let w = &ws[start - 1];
        if is_listed(List::Stop, &w.lower) || cues().has("verb", &w.lower) {
            break;
        }
        if start < end && breaks(text, w, &ws[start]) {
            break;
        }
        start -= 1;
    }
    // A genitive or stop word cannot start a phrase.
    while start < end && matches!(ws[start].lower.as_ref(), "के" | "की" | "का" | "एक")
    {
        start += 1;
    }
    // "मोदी जी": the honorific after a name is not part of it.
    let mut end = end;
    while end > start + 1 && is_listed(List::Honorific, &ws[end - 1].lower) {
        end -= 1;
    }
    if start == end {
        return None;
    }
    let phrase = &ws[start..end];
    let whole = Range::new(phrase[0].range.start, phrase[phrase.len() - 1].range.end);
    let plural = is_listed(List::Plural, &phrase[0].lower);
    let last = &phrase[phrase.len() - 1].lower;
    let kind = if is_listed(List::Organisation, last) {
        ActorKind::Organization
    } else if is_listed(List::Group, last) || plural {
        ActorKind::Group
    } else {
        ActorKind::Person
    };
    let mut gender = gender;
    for w in phrase {
        if is_listed(List::Female, &w.lower) {
            gender = Gender::Female;
        } else if is_listed(List::Male, &w.lower) {
            gender = Gender::Male;
        }
    }
    let descriptor = |w: &Word<'_>| {
        is_listed(List::Role, &w.lower)
            || is_listed(List::Title, &w.lower)
            || is_listed(List::Organisation, &w.lower)
    };
    let role_end = phrase.iter().rposition(descriptor);
    let is_role = phrase.iter().any(|w| is_listed(List::Role, &w.lower));
    let kind = match role_end {
        Some(r) if r + 1 < phrase.len() && is_listed(List::Organisation, &phrase[r].lower) => {
            ActorKind::Organization
        }
        _ => kind,
    };
    // The name is the phrase's words from `name_from` on.
    let (name_from, role) = match role_end {
        Some(r) if r + 1 < phrase.len() => {
            let role = is_role.then(|| {
                let role_last = phrase[..=r]
                    .iter()
                    .rposition(|w| is_listed(List::Role, &w.lower))
                    .unwrap_or(r);
                Range::new(whole.start, phrase[role_last].range.end)
            });
            (Some(r + 1), role)
        }
        Some(_) => (None, Some(whole)),
        None if kind != ActorKind::Person => (None, Some(whole)),
        None => {
            // No role word: the name is what follows the last genitive.
            let g = phrase
                .iter()
                .rposition(|w| matches!(w.lower.as_ref(), "के" | "की" | "का"));
            let from = g.map_or(0, |g| g + 1);
            if from >= phrase.len() || phrase.len() - from > 4 {
                return None;
            }
            (Some(from), None)
        }
    };
    let name = name_from
        .filter(|&from| phrase.len() - from <= 4)
        .map(|from| Range::new(phrase[from].range.start, whole.end));
    if name.is_none() && role.is_none() {
        return None;
    }
    Some(Phrase {
        whole,
        name,
        role,
        pronoun: false,
        plural,
        kind,
        gender,
    })
}

/// A quote mark of any form.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '`'
    )
}

/// The speaker lists (`data/quotes/speakers.tsv`) that attribution asks about.
#[derive(Debug, Clone, Copy)]
enum List {
    Auxiliary,
    Female,
    Group,
    Honorific,
    Male,
    Organisation,
    Plural,
    Role,
    Stop,
    Title,
    NotName,
}

/// The kind of each [`List`] in the speaker lists, in the same order.
const LIST_KINDS: [&str; 11] = [
    "auxiliary",
    "female",
    "group",
    "honorific",
    "male",
    "organisation",
    "plural",
    "role",
    "stop",
    "title",
    "not-name",
];

/// Whether `word` is one of the one-word forms of `list`, as [`speakers`]`().has` tells: each
/// list is looked up by its kind once, not on every word asked about.
fn is_listed(list: List, word: &str) -> bool {
    static SETS: OnceLock<[Option<&'static WordSet<&'static str>>; LIST_KINDS.len()]> =
        OnceLock::new();
    let sets = SETS.get_or_init(|| LIST_KINDS.map(|kind| speakers().words_of(kind)));
    sets[list as usize].is_some_and(|set| set.contains(word))
}

fn capitalised(w: &Word<'_>) -> bool {
    let listed = |word: &str| is_listed(List::NotName, word);
    // Contractions are listed without their apostrophe ("theyre" for "They're", "They’re").
    // (Told from the bytes first: ’ ends in 0x99, and a search for a set of chars decodes
    // every char.)
    let apostrophe =
        |s: &str| s.bytes().any(|b| b == b'\'' || b == 0x99) && s.contains(&['\'', '’'][..]);
    let not_name =
        || listed(&w.lower) || apostrophe(&w.lower) && listed(&w.lower.replace(['\'', '’'], ""));
    w.text.chars().next().is_some_and(char::is_uppercase) && !not_name()
}

/// An English name made of the capitalised words `ws[from..to]` (titles dropped, gender kept).
fn english_name(text: &str, ws: &[Word<'_>], from: usize, to: usize) -> Option<Phrase> {
    let mut gender = Gender::Unknown;
    let mut start = from;
    while start < to
        && (is_listed(List::Title, &ws[start].lower)
            || is_listed(List::Role, &ws[start].lower)
            || ws[start].lower == "the")
    {
        if is_listed(List::Female, &ws[start].lower) {
            gender = Gender::Female;
        } else if is_listed(List::Male, &ws[start].lower) {
            gender = Gender::Male;
        }
        start += 1;
    }
    if start >= to || !ws[start..to].iter().all(capitalised) {
        return None;
    }
    // "A cashier who …": the article, unless it is an initial ("Julie A. Diaz").
    if matches!(ws[start].lower.as_ref(), "a" | "an")
        && !text[ws[start].range.end..].starts_with('.')
    {
        return None;
    }
    let shouting = to - start > 1
        && ws[start..to]
            .iter()
            .all(|w| w.text.chars().count() > 3 && !w.text.chars().any(char::is_lowercase));
    if shouting {
        // "HIGHER THAN EXPECTED TURNOUT": a headline in capitals, not a name.
        return None;
    }
    let last_text = ws[to - 1].text;
    if last_text.ends_with("’s") || last_text.ends_with("'s") {
        // "Lord Goldsmith's admission": a possessive names what belongs to someone.
        return None;
    }
    let whole = Range::new(ws[from].range.start, ws[to - 1].range.end);
    let name = Range::new(ws[start].range.start, ws[to - 1].range.end);
    let last = &ws[to - 1].lower;
    let kind = if is_listed(List::Organisation, last) {
        ActorKind::Organization
    } else if is_listed(List::Group, last) {
        ActorKind::Group
    } else {
        ActorKind::Person
    };
    Some(Phrase {
        whole,
        name: Some(name),
        role: None,
        pronoun: false,
        plural: false,
        kind,
        gender,
    })
}

/// The capitalised run (with titles) that ends right before `ws[end]`, allowing auxiliaries
/// ("Trump is promising") and a parenthesis ("Sen. Claire McCaskill (D-Mo.) said") between;
/// or else a definite description ("the Indiana governor said"), as a role phrase.
fn english_subject(text: &str, ws: &[Word<'_>], end: usize) -> Option<Phrase> {
    subject_before(text, ws, end, false)
}

fn subject_before(text: &str, ws: &[Word<'_>], end: usize, after_comma: bool) -> Option<Phrase> {
    let mut end = end;
    while end > 0
        && (is_listed(List::Auxiliary, &ws[end - 1].lower)
            || ws[end - 1].lower.ends_with("ly") && !capitalised(&ws[end - 1]))
    {
        end -= 1;
    }
    if end > 0
        && end < ws.len()
        && text[ws[end - 1].range.end..ws[end].range.start].contains_char(')')
    {
        // Skip back over the parenthesis.
        let mut k = end - 1;
        while k > 0 && !text[ws[k - 1].range.end..ws[k].range.start].contains_char('(') {
            k -= 1;
        }
        if k > 0 && end - k <= 4 {
            end = k;
        }
    }
    let comma_before = end > 0
        && end < ws.len()
        && text[ws[end - 1].range.end..ws[end].range.start].contains(&[',', ';', ':'][..]);
    let possessive =
        end > 0 && (ws[end - 1].text.ends_with("’s") || ws[end - 1].text.ends_with("'s"));
    if possessive {
        return None;
    }
    if comma_before && !after_comma {
        // "Graham, a Republican from South Carolina, said": left to the appositive rule.
        return None;
    }
    let mut start = end;
    while start > 0 {
        let w = &ws[start - 1];
        let title = is_listed(List::Title, &w.lower);
        if !(capitalised(w) || title) || start < end && breaks(text, w, &ws[start]) {
            break;
        }
        start -= 1;
    }
    if start < end {
        if let Some(phrase) = english_name(text, ws, start, end) {
            return Some(phrase);
        }
    }
    // "the Indiana governor", "The commission": a description that starts with "the".
    let the = (end.saturating_sub(5)..end)
        .rev()
        .find(|&k| ws[k].lower == "the")?;
    if (the + 1..end).any(|k| breaks(text, &ws[k - 1], &ws[k])) || the + 1 >= end {
        return None;
    }
    let last = &ws[end - 1];
    if last.text.ends_with("’s") || last.text.ends_with("'s") || last.lower.ends_with("ly") {
        return None;
    }
    let function_word = |w: &Word<'_>| {
        matches!(
            w.lower.as_ref(),
            "when"
                | "which"
                | "who"
                | "that"
                | "whose"
                | "where"
                | "while"
                | "as"
                | "if"
                | "so"
                | "of"
                | "to"
                | "in"
                | "on"
                | "for"
                | "with"
                | "by"
                | "and"
                | "or"
        )
    };
    let verbal = |w: &Word<'_>| is_listed(List::Auxiliary, &w.lower) || w.lower == "not";
    if ws[the + 1..end]
        .iter()
        .any(|w| function_word(w) || verbal(w))
    {
        return None;
    }
    let role = Range::new(ws[the].range.start, last.range.end);
    let kind = if is_listed(List::Organisation, &last.lower) {
        ActorKind::Organization
    } else if is_listed(List::Group, &last.lower) {
        ActorKind::Group
    } else {
        ActorKind::Person
    };
    if kind == ActorKind::Group {
        return None;
    }
    Some(Phrase {
        whole: role,
        name: None,
        role: Some(role),
        pronoun: false,
        plural: false,
        kind,
        gender: Gender::Unknown,
    })
}

/// The capitalised run after `ws[from]` (skipping lower-case role words: "MSNBC host Chris
/// Matthews"), up to a clause break; the last run wins.
fn english_after_verb(text: &str, ws: &[Word<'_>], from: usize) -> Option<Phrase> {
    let mut best: Option<(usize, usize)> = None;
    let mut i = from;
    while i < ws.len() && i < from + 8 {
        if i > from && breaks(text, &ws[i - 1], &ws[i]) {
            break;
        }
        let w = &ws[i];
        if capitalised(w) || is_listed(List::Title, &w.lower) {
            let start = i;
            while i < ws.len()
                && (capitalised(&ws[i]) || is_listed(List::Title, &ws[i].lower))
                && (i == start || !breaks(text, &ws[i - 1], &ws[i]))
            {
                i += 1;
            }
            best = Some((start, i));
            continue;
        }
        if !(is_listed(List::Role, &w.lower) || w.lower == "the" || w.lower.ends_with("s")) {
            break;
        }
        i += 1;
    }
    let (s, e) = best?;
    english_name(text, ws, s, e)
}

fn english_pronoun(w: &Word<'_>, cue: Range) -> Option<Found> {
    let gender = match w.lower.as_ref() {
        "he" => Gender::Male,
        "she" => Gender::Female,
        "i" | "we" | "they" => return None,
        _ => return None,
    };
    Some(pronoun_found(w, cue, gender))
}

/// The speaker named in the words before a quote: by a speech verb, or else the subject of the
/// sentence ("Cruz blamed the law on “…”").
fn english_before(text: &str, ws: &[Word<'_>]) -> Option<Found> {
    english_verb_before(text, ws).or_else(|| {
        let phrase = sentence_subject(text, ws)?;
        Some(Found { phrase, cue: None })
    })
}

fn english_verb_before(text: &str, ws: &[Word<'_>]) -> Option<Found> {
    let c = cues();
    // "PENCE: “…”", "Jeffrey M. Jones: “…”": a name and a colon right before the quote.
    if let Some(last) = ws.last() {
        let colon = text[last.range.end..].trim_start().starts_with(':');
        // (The verbs are looked for only before a colon: few quotes have one.)
        if colon && !(0..ws.len()).any(|i| c.match_at("verb", ws, i).is_some()) {
            let mut start = ws.len();
            while start > 0
                && ws.len() - start < 4
                && (capitalised(&ws[start - 1]) || is_listed(List::Title, &ws[start - 1].lower))
                && (start == ws.len() || !breaks(text, &ws[start - 1], &ws[start]))
            {
                start -= 1;
            }
            // "… doesn't surprise Republican pollster Daron Shaw: “…”": a role word before the
            // name says it is the speaker too.
            let clause_start = start < ws.len()
                && (start == 0
                    || breaks(text, &ws[start - 1], &ws[start])
                    || is_listed(List::Role, &ws[start - 1].lower));
            if clause_start {
                if let Some(phrase) = english_name(text, ws, start, ws.len()) {
                    let at = text[last.range.end..].find(':').map(|f| last.range.end + f);
                    return Some(Found {
                        phrase,
                        cue: at.map(|a| Range::new(a, a + 1)),
                    });
                }
            }
        }
    }
    for i in (0..ws.len()).rev() {
        if let Some(len) = c.match_at("according", ws, i) {
            let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
            let phrase = english_after_verb(text, ws, i + len)
                .or_else(|| description_after(text, ws, i + len))?;
            return Some(Found {
                phrase,
                cue: Some(cue),
            });
        }
        let Some(len) = c.match_at("verb", ws, i) else {
            continue;
        };
        if ws[i].lower == "according" {
            continue;
        }
        let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
        if i > 0 && is_pronoun(&ws[i - 1]) {
            return english_pronoun(&ws[i - 1], cue);
        }
        let participle = ws[i].lower.ends_with("ing")
            && !(i > 0 && is_listed(List::Auxiliary, &ws[i - 1].lower));
        let coordinated = i > 0 && matches!(ws[i - 1].lower.as_ref(), "and" | "but");
        if participle || coordinated {
            // "Trump attacked Clinton …, saying", "X said … but said": the subject of the
            // sentence, unless a name stands right before the participle ("Trump saying").
            let right_before =
                participle && i > 0 && capitalised(&ws[i - 1]) && !breaks(text, &ws[i - 1], &ws[i]);
            let phrase = if right_before {
                english_subject(text, ws, i)
            } else {
                sentence_subject(text, ws)
            }?;
            return Some(Found {
                phrase,
                cue: Some(cue),
            });
        }
        let phrase = english_subject(text, ws, i)
            .or_else(|| appositive_subject(text, ws, i))
            .or_else(|| inverted_subject(text, ws, i + len))?;
        return Some(Found {
            phrase,
            cue: Some(cue),
        });
    }
    None
}

/// "according to the transit agency": a description from "the" to the next clause break.
fn description_after(text: &str, ws: &[Word<'_>], from: usize) -> Option<Phrase> {
    if ws.get(from)?.lower != "the" {
        return None;
    }
    let mut end = from + 1;
    while end < ws.len() && end < from + 6 && !breaks(text, &ws[end - 1], &ws[end]) {
        end += 1;
    }
    if end == from + 1 || end < ws.len() && !breaks(text, &ws[end - 1], &ws[end]) {
        return None;
    }
    let role = Range::new(ws[from].range.start, ws[end - 1].range.end);
    let last = &ws[end - 1].lower;
    if is_listed(List::Group, last) {
        return None;
    }
    Some(Phrase {
        whole: role,
        name: None,
        role: Some(role),
        pronoun: false,
        plural: false,
        kind: if is_listed(List::Organisation, last) {
            ActorKind::Organization
        } else {
            ActorKind::Person
        },
        gender: Gender::Unknown,
    })
}

/// The name that opens the sentence `ws` ("Trump attacked …"), if a lower-case word follows it.
fn sentence_subject(text: &str, ws: &[Word<'_>]) -> Option<Phrase> {
    let opener = &ws.first()?.lower;
    let preposition = ws.get(1).is_some_and(|w| {
        matches!(
            w.lower.as_ref(),
            "at" | "by"
                | "in"
                | "on"
                | "to"
                | "for"
                | "with"
                | "from"
                | "after"
                | "about"
                | "during"
                | "before"
                | "over"
                | "outside"
                | "inside"
                // "Following a late meeting, the Council …": a determiner after the opener.
                | "a"
                | "an"
                | "the"
                | "his"
                | "her"
                | "its"
                | "their"
        )
    });
    if (opener.ends_with("ing") || opener.ends_with("ed")) && preposition {
        // "Speaking at a town hall, Trump …", "Reached by phone, …": a participle, not a name;
        // the subject comes after the participle's clause.
        let k = (1..ws.len())
            .find(|&k| text[ws[k - 1].range.end..ws[k].range.start].contains_char(','))?;
        return sentence_subject(text, &ws[k..]);
    }
    if ws[0].text.first_is(char::is_uppercase) && !capitalised(&ws[0]) {
        // "And Mr. Christie gloated": a conjunction before the subject.
        if matches!(opener.as_ref(), "and" | "but" | "or" | "so" | "yet")
            && !text[ws[0].range.end..ws.get(1)?.range.start].contains_char(',')
        {
            if let Some(phrase) = sentence_subject(text, &ws[1..]) {
                return Some(phrase);
            }
        }
        // "Before the convention, Chief Calvin Williams …", "In a statement, Trump …": an
        // opening phrase set off by a comma; the subject comes after it.
        let k = (1..ws.len().min(10))
            .find(|&k| text[ws[k - 1].range.end..ws[k].range.start].contains_char(','))?;
        return sentence_subject(text, &ws[k..]);
    }
    let mut end = 0;
    while end < ws.len()
        && (capitalised(&ws[end])
            || is_listed(List::Title, &ws[end].lower)
            // "Secretary of State Madeleine Albright"
            || end > 0
                && matches!(ws[end].lower.as_ref(), "of" | "the")
                && ws.get(end + 1).is_some_and(capitalised))
        && (end == 0 || !breaks(text, &ws[end - 1], &ws[end]))
    {
        end += 1;
    }
    if end == 0 || end >= ws.len() || capitalised(&ws[end]) {
        return None;
    }
    // "Signs of …": a noun with its complement, not a subject.
    if ws[end].lower == "of" {
        return None;
    }
    // The name is the last stretch without titles, roles or connectors.
    let is_part = |w: &Word<'_>| {
        capitalised(w) && !is_listed(List::Title, &w.lower) && !is_listed(List::Role, &w.lower)
    };
    if let Some(last) = (0..end).rev().find(|&k| !is_part(&ws[k])) {
        if last + 1 < end && last > 0 {
            let mut phrase = english_name(text, ws, last + 1, end)?;
            phrase.whole = Range::new(ws[0].range.start, ws[end - 1].range.end);
            for w in &ws[..=last] {
                if is_listed(List::Female, &w.lower) {
                    phrase.gender = Gender::Female;
                } else if is_listed(List::Male, &w.lower) {
                    phrase.gender = Gender::Male;
                }
            }
            return Some(phrase);
        }
    }

    english_name(text, ws, 0, end).or_else(|| english_subject(text, ws, end))
}

/// "said Caddell: “…”": a name right after the verb that ends the clause.
fn inverted_subject(text: &str, ws: &[Word<'_>], from: usize) -> Option<Phrase> {
    let phrase = english_after_verb(text, ws, from)?;
    let end = phrase.whole.end;
    let k = ws.iter().position(|w| w.range.end == end)?;
    // "said Caddell.", "said Donald Hartley of Madison"
    let closes = k + 1 == ws.len() || breaks(text, &ws[k], &ws[k + 1]) || ws[k + 1].lower == "of";
    closes.then_some(phrase)
}

/// "Graham, a Republican from South Carolina, said": the name before the appositive.
fn appositive_subject(text: &str, ws: &[Word<'_>], verb: usize) -> Option<Phrase> {
    if verb == 0 || !text[ws[verb - 1].range.end..ws[verb].range.start].contains_char(',') {
        return None;
    }
    let first_comma =
        (1..verb).find(|&k| text[ws[k - 1].range.end..ws[k].range.start].contains_char(','))?;
    if first_comma == verb {
        return None;
    }
    // "…, her senior policy adviser, Jake Sullivan, said": a pure name right before the verb.
    let last_comma = (1..verb)
        .rev()
        .find(|&k| text[ws[k - 1].range.end..ws[k].range.start].contains_char(','))?;
    if last_comma > first_comma && verb - last_comma <= 4 {
        let pure = (last_comma..verb)
            .all(|k| capitalised(&ws[k]) || is_listed(List::Title, &ws[k].lower))
            && (last_comma + 1..verb).all(|k| !breaks(text, &ws[k - 1], &ws[k]));
        if pure {
            if let Some(p) = english_name(text, ws, last_comma, verb) {
                return Some(p);
            }
        }
    }
    let before = subject_before(text, ws, first_comma, true);
    if before.as_ref().is_some_and(|p| p.name.is_some()) {
        return before;
    }
    // "The director, Sam Reid, said": the name is the appositive itself.
    let inner = &ws[first_comma..verb];
    let named = inner.len() <= 4
        && !inner.is_empty()
        && (first_comma + 1..verb).all(|k| !breaks(text, &ws[k - 1], &ws[k]));
    if named {
        if let Some(p) = english_name(text, ws, first_comma, verb) {
            return Some(p);
        }
    }
    before
}

/// "“…,” X said", "“…,” said X", "“…,” he added", and "“…,” Bozell concludes" with any verb
/// in -s or -ed right after a name that follows the quote.
fn english_after(text: &str, ws: &[Word<'_>], strict: bool) -> Option<Found> {
    let found = english_after_any(text, ws)?;
    if strict {
        // The words after the cue must not start a new clause of their own.
        let cue_end = found.cue.map_or(found.phrase.whole.end, |c| {
            c.end.max(found.phrase.whole.end)
        });
        let k = ws.partition_point(|w| w.range.start < cue_end);
        let mut tail = 0;
        while k + tail < ws.len() && (tail == 0 || !breaks(text, &ws[k + tail - 1], &ws[k + tail]))
        {
            tail += 1;
        }
        let subject_like = ws[k..k + tail].iter().any(|w| {
            matches!(
                w.lower.as_ref(),
                "it" | "that" | "he" | "she" | "they" | "we" | "i" | "there" | "this" | "the"
            )
        });
        if tail > 4 || subject_like {
            return None;
        }
    }
    Some(found)
}

fn english_after_any(text: &str, ws: &[Word<'_>]) -> Option<Found> {
    let c = cues();
    // "“…” according to Judicial Watch"
    if let Some(len) = c.match_at("according", ws, 0) {
        let cue = Range::new(ws[0].range.start, ws[len - 1].range.end);
        let phrase =
            english_after_verb(text, ws, len).or_else(|| description_after(text, ws, len))?;
        return Some(Found {
            phrase,
            cue: Some(cue),
        });
    }
    // "“…” beamed Donald Hartley of Madison": any verb in -ed or -s, then a name.
    if let Some(first) = ws.first() {
        let verb_like = !capitalised(first)
            && first.lower.len() > 3
            && (first.lower.ends_with('s') || first.lower.ends_with("ed"))
            && !is_listed(List::Auxiliary, &first.lower)
            && !is_listed(List::NotName, &first.lower);
        if verb_like && ws.get(1).is_some_and(capitalised) && !c.has("verb", &first.lower) {
            if let Some(phrase) = inverted_subject(text, ws, 1) {
                return Some(Found {
                    phrase,
                    cue: Some(first.range),
                });
            }
        }
    }
    let mut run = 0;
    while run < ws.len()
        && run < 4
        && (capitalised(&ws[run]) || is_listed(List::Title, &ws[run].lower))
        && (run == 0 || !breaks(text, &ws[run - 1], &ws[run]))
    {
        run += 1;
    }
    if run > 0 && run < ws.len() && !breaks(text, &ws[run - 1], &ws[run]) {
        let verb = &ws[run];
        let verb_like = !capitalised(verb)
            && verb.lower.len() > 3
            && (verb.lower.ends_with('s') || verb.lower.ends_with("ed"))
            && !is_listed(List::Auxiliary, &verb.lower);
        if verb_like {
            if let Some(phrase) = english_name(text, ws, 0, run) {
                return Some(Found {
                    phrase,
                    cue: Some(verb.range),
                });
            }
        }
    }
    let (i, len) = (0..ws.len().min(20)).find_map(|i| Some((i, c.match_at("verb", ws, i)?)))?;
    let cue = Range::new(ws[i].range.start, ws[i + len - 1].range.end);
    if i == 0 {
        let phrase = english_after_verb(text, ws, len)?;
        return Some(Found {
            phrase,
            cue: Some(cue),
        });
    }
    if is_pronoun(&ws[i - 1]) {
        return english_pronoun(&ws[i - 1], cue);
    }
    let phrase = english_subject(text, ws, i).or_else(|| appositive_subject(text, ws, i))?;
    // The subject must start the clause (allowing titles and "the"), not be deep inside it.
    Some(Found {
        phrase,
        cue: Some(cue),
    })
}

/// Earlier subjects of speech and action a pronoun may refer to: Hindi agents ("X ने"),
/// subjects of speech verbs in either language, and person mentions of the actors stage.
fn collect_subjects(
    text: &str,
    words: &TextWords<'_>,
    regions: &[Region],
    quotes: &[FoundQuote],
    actors: &[ActorDraft],
) -> Vec<Subject> {
    // Quotes are in text order and do not overlap: a binary search finds the one near `r`.
    let spans: Vec<Range> = quotes.iter().map(whole_quote).collect();
    let inside = |r: Range| {
        let i = spans.partition_point(|q| q.end <= r.start);
        spans.get(i).is_some_and(|q| q.overlaps(r))
    };
    let mut out = Vec::new();
    // The lists asked of every word, looked up once.
    let titles = speakers().words_of("title");
    let verbs = cues().words_of("verb");
    let is_in = |list: Option<&WordSet<&'static str>>, w: &Word<'_>| {
        list.is_some_and(|l| l.contains(w.lower.as_ref()))
    };
    // The words come in text order: the first quote that does not end before a word is found
    // by moving on from the last word's, not by a search for each word.
    let mut next_span = 0;
    for region in regions {
        for (sentence, hindi) in sentences(text, region.range) {
            let ws = words.of(sentence);
            // Subjects inside a reported clause ("… कहा कि X ने …") are not what a later
            // pronoun refers to (asked of Hindi sentences only).
            let reported = if hindi {
                ws.iter().position(|w| w.lower == "कि").unwrap_or(ws.len())
            } else {
                ws.len()
            };
            for (i, w) in ws.iter().enumerate() {
                while spans.get(next_span).is_some_and(|q| q.end <= w.range.start) {
                    next_span += 1;
                }
                let quoted = spans.get(next_span).is_some_and(|q| q.overlaps(w.range));
                if quoted || hindi && i > reported {
                    continue;
                }
                let phrase = if hindi {
                    if w.lower != "ने" {
                        continue;
                    }
                    split_phrase(text, &ws, 0, i, Gender::Unknown)
                } else if is_in(titles, w)
                    && ws.get(i + 1).is_some_and(capitalised)
                    && (i == 0 || !capitalised(&ws[i - 1]))
                {
                    // "Mrs. Helen Ward", "Mr. Baker": a titled name is a person.
                    let mut end = i + 1;
                    while end < ws.len()
                        && capitalised(&ws[end])
                        && !breaks(text, &ws[end - 1], &ws[end])
                    {
                        end += 1;
                    }
                    english_name(text, &ws, i, end)
                } else if i == 0 {
                    sentence_subject(text, &ws)
                } else {
                    if !is_in(verbs, w) || i == 0 {
                        continue;
                    }
                    english_subject(text, &ws, i)
                };
                let strong = hindi || i == 0 || is_in(verbs, w);
                if let Some(p) = phrase.filter(|p| !p.plural && p.kind == ActorKind::Person) {
                    if !inside(p.whole) {
                        out.push(Subject {
                            strong,
                            at: p.whole.start,
                            gender: p.gender,
                            phrase: Some(p),
                            actor: None,
                        });
                    }
                }
            }
        }
    }
    for (ai, a) in actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        for &m in &a.mentions {
            if !inside(m) {
                out.push(Subject {
                    strong: false,
                    at: m.start,
                    phrase: None,
                    actor: Some(ai),
                    gender: Gender::Unknown,
                });
            }
        }
    }
    crate::sort::by_key(&mut out, |s| s.at);
    out
}

fn gender_fits(want: Gender, have: Gender) -> bool {
    want == Gender::Unknown || have == Gender::Unknown || want == have
}

/// The subjects and speakers before byte `at`, nearest first; of two at the same place, the
/// speaker comes first.
fn subjects_before<'s>(
    subjects: &'s [Subject],
    speakers: &'s [Subject],
    at: usize,
) -> impl Iterator<Item = &'s Subject> {
    let mut subjects = subjects[..subjects.partition_point(|s| s.at < at)]
        .iter()
        .rev()
        .peekable();
    let mut speakers = speakers[..speakers.partition_point(|s| s.at < at)]
        .iter()
        .rev()
        .peekable();
    std::iter::from_fn(move || match (subjects.peek(), speakers.peek()) {
        (Some(s), Some(p)) if s.at > p.at => subjects.next(),
        (_, Some(_)) => speakers.next(),
        (Some(_), None) => subjects.next(),
        (None, None) => None,
    })
}

/// The most recent earlier subject that fits a pronoun at byte `at`.
fn resolve_pronoun(
    state: &mut State<'_>,
    actors: &mut Vec<ActorDraft>,
    at: usize,
    gender: Gender,
) -> Option<usize> {
    let candidates: Vec<Subject> = subjects_before(&state.subjects, &state.speakers, at)
        .take_while(|s| at - s.at < 6000)
        .take(40)
        .cloned()
        .collect();
    // Subjects of sentences and speech first; mere mentions only when no subject fits (read
    // in two passes, not parted into two lists).
    let strong = candidates.iter().filter(|s| s.strong);
    for s in strong.chain(candidates.iter().filter(|s| !s.strong)) {
        let known = s.actor.map_or(s.gender, |a| {
            state.genders.get(a).copied().unwrap_or(s.gender)
        });
        if !gender_fits(gender, known) {
            continue;
        }
        if let Some(a) = s.actor {
            if actors.get(a).is_some_and(|x| x.kind == ActorKind::Person) {
                return Some(a);
            }
            continue;
        }
        if let Some(p) = &s.phrase {
            // A phrase that an earlier stage knows as a country or place is not a "he".
            let key = p.name.unwrap_or(p.whole);
            let known_other = state
                .index
                .overlapping(key)
                .any(|a| actors[a].kind != ActorKind::Person);
            if known_other {
                continue;
            }
            if let Some(a) = resolve_phrase(state, actors, p, at) {
                if gender != Gender::Unknown {
                    state.genders[a] = gender;
                }
                return Some(a);
            }
        }
    }
    None
}

/// The actor a speaker phrase names; added when there is none yet.
fn resolve_phrase(
    state: &mut State<'_>,
    actors: &mut Vec<ActorDraft>,
    phrase: &Phrase,
    at: usize,
) -> Option<usize> {
    let text = state.text;
    // An actor of the actors stage mentioned right there: on the name, or on the head word of a
    // role phrase (so that "रूस" in "रूस के विदेश मंत्री" does not make Russia the speaker).
    let key = match phrase.name {
        Some(name) => name,
        None => {
            let role_words = state.words.of(phrase.role.unwrap_or(phrase.whole));
            role_words.last().map_or(phrase.whole, |w| w.range)
        }
    };
    if let Some(a) = state.index.overlapping(key).min() {
        add_role(state, actors, a, phrase.role.map(|r| r.slice(text)));
        // The speaker phrase's own name is one more surface form of the actor (an earlier stage
        // may have cut the mention differently: "विश्लेषक अली" for "अली अफशरी").
        add_role(state, actors, a, phrase.name.map(|n| n.slice(text)));
        return Some(a);
    }
    let role_text = phrase.role.map(|r| r.slice(text).to_string());
    if let Some(name) = phrase.name {
        return Some(resolve_name(
            state,
            actors,
            name,
            phrase.kind,
            phrase.gender,
            role_text.as_deref(),
        ));
    }
    let role = phrase.role?;
    let role_str = role.slice(text);
    if let Some(a) = state.index.with_form(actors, role_str) {
        add_mention(state, actors, a, role);
        return Some(a);
    }
    // The person the story earlier introduced with this role: "ROLE NAME".
    if let Some(name) = earlier_with_role(text, state.words, role, at) {
        let a = resolve_name(
            state,
            actors,
            name,
            ActorKind::Person,
            phrase.gender,
            Some(role_str),
        );
        add_mention(state, actors, a, role);
        return Some(a);
    }
    Some(new_actor(
        state,
        actors,
        role,
        phrase.kind,
        phrase.gender,
        None,
    ))
}

/// Find "ROLE NAME" before byte `at` for a role phrase; the name's range.
fn earlier_with_role(text: &str, words: &TextWords<'_>, role: Range, at: usize) -> Option<Range> {
    let role_words = words.of(role);
    let tail_len = role_words.len().min(2);
    let tail: Vec<&str> = role_words[role_words.len() - tail_len..]
        .iter()
        .map(|w| w.text)
        .collect();
    let needle = tail.join(" ");
    let end = role.start.min(at);
    let mut from = end.saturating_sub(20_000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let hay = &text[..end];
    let mut search_end = hay.len();
    while let Some(found) =
        crate::scan::rfind_str(&hay[from..search_end], &needle).map(|f| f + from)
    {
        let after = found + needle.len();
        let rest_end = (after + 200).min(text.len());
        let mut end = rest_end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let ws = words.of(Range::new(after, end));
        let mut n = 0;
        while n < ws.len() && n < 4 {
            let w = &ws[n];
            let prev_end = if n == 0 { after } else { ws[n - 1].range.end };
            let gap = &text[prev_end..w.range.start];
            if gap.chars().any(|c| !c.is_whitespace() && c != '-')
                || is_listed(List::Stop, &w.lower)
                || matches!(w.lower.as_ref(), "के" | "की" | "का" | "ने" | "को" | "से")
                || cues().has("verb", &w.lower)
            {
                break;
            }
            if !has_devanagari(w.text) && !capitalised(w) {
                break;
            }
            n += 1;
        }
        let next_ok = ws
            .get(n)
            .is_some_and(|w| matches!(w.lower.as_ref(), "ने" | "के" | "की" | "का" | "को" | "से"));
        if n > 0 && (next_ok || n == ws.len()) {
            return Some(Range::new(ws[0].range.start, ws[n - 1].range.end));
        }
        search_end = found;
    }
    None
}

fn last_word(s: &str) -> &str {
    crate::scan::after_last(s, char::is_whitespace)
}

/// An actor's name and aliases: every form it has had (none is ever taken away).
fn forms_of(actor: &ActorDraft) -> impl Iterator<Item = &str> {
    std::iter::once(actor.name.as_str()).chain(actor.aliases.iter().map(String::as_str))
}

/// Whether `form` in lower case ([`crate::unicode::to_lowercase`]) is `lower`, which is in lower
/// case: told from the bytes for an ASCII form, without a string.
fn lower_is(form: &str, lower: &str) -> bool {
    if form.is_ascii() {
        // No ASCII capital is left in `lower`: equal ignoring case is equal in lower case.
        form.eq_ignore_ascii_case(lower)
    } else {
        crate::unicode::to_lowercase(form) == lower
    }
}

/// The actor called `name`: by exact name or alias, by surname, or new.
fn resolve_name(
    state: &mut State<'_>,
    actors: &mut Vec<ActorDraft>,
    name: Range,
    kind: ActorKind,
    gender: Gender,
    role: Option<&str>,
) -> usize {
    let text = state.text;
    let s = name.slice(text);
    let lower = crate::unicode::to_lowercase(s);
    let single = !s.contains(char::is_whitespace);
    let found = state.index.named(actors, &lower, single);
    match found {
        Some(a) => {
            if !single && !actors[a].name.contains(char::is_whitespace) {
                let old = std::mem::replace(&mut actors[a].name, s.to_string());
                if !actors[a].aliases.contains(&old) {
                    actors[a].aliases.push(old);
                }
                state.index.add_name(s, a);
            } else if actors[a].name != s && !actors[a].aliases.iter().any(|x| x == s) {
                actors[a].aliases.push(s.to_string());
                state.index.add_form(s, a);
            }
            add_mention(state, actors, a, name);
            add_role(state, actors, a, role);
            if gender != Gender::Unknown {
                state.genders[a] = gender;
            }
            a
        }
        None => {
            // A surname alone: the fuller name the story used for it earlier, if any.
            let fuller = single
                .then(|| {
                    let named = state.subject_surnames.get(&lower)?;
                    named.iter().rev().find_map(|&i| {
                        let n = state.subjects[i].phrase.as_ref()?.name?;
                        (n.start < name.start).then_some(n)
                    })
                })
                .flatten();
            match fuller {
                Some(full) => {
                    let a = new_actor(state, actors, full, kind, gender, role);
                    actors[a].aliases.push(s.to_string());
                    state.index.add_form(s, a);
                    add_mention(state, actors, a, name);
                    a
                }
                None => new_actor(state, actors, name, kind, gender, role),
            }
        }
    }
}

fn new_actor(
    state: &mut State<'_>,
    actors: &mut Vec<ActorDraft>,
    range: Range,
    kind: ActorKind,
    gender: Gender,
    role: Option<&str>,
) -> usize {
    let name = range.slice(state.text).to_string();
    let a = actors.len();
    state.index.add_name(&name, a);
    state.index.add_mention(range, a);
    let aliases: Vec<String> = role
        .filter(|r| *r != name)
        .map(str::to_string)
        .into_iter()
        .collect();
    for alias in &aliases {
        state.index.add_form(alias, a);
    }
    actors.push(ActorDraft {
        name,
        canonical: None,
        wikidata: None,
        kind,
        mentions: vec![range],
        aliases,
    });
    state.genders.push(gender);
    a
}

fn add_role(state: &mut State<'_>, actors: &mut [ActorDraft], a: usize, role: Option<&str>) {
    if let Some(role) = role {
        let actor = &mut actors[a];
        if actor.name != role && !actor.aliases.iter().any(|x| x == role) {
            actor.aliases.push(role.to_string());
            state.index.add_form(role, a);
        }
    }
}

/// Add a mention to an actor, in text order, unless it overlaps one it has.
/// Whether any of an actor's `mentions` (in text order, without overlaps, as the actors stage
/// gives them and [`add_mention`] keeps them) overlaps `range`.
fn overlaps_any(mentions: &[Range], range: Range) -> bool {
    crate::doc::overlaps_any(mentions, |&m| m, range)
}

fn add_mention(state: &mut State<'_>, actors: &mut [ActorDraft], a: usize, range: Range) {
    let mentions = &mut actors[a].mentions;
    if overlaps_any(mentions, range) {
        return;
    }
    let at = mentions.partition_point(|m| m.start < range.start);
    mentions.insert(at, range);
    state.index.add_mention(range, a);
}

/// Quotes without a cue of their own: a quote goes on from the attributed quote before it in
/// the same paragraph, or in the paragraph before when it opens its paragraph; a quoted heading
/// takes the first speaker of its section.
fn inherit_speakers(
    text: &str,
    regions: &[Region],
    quotes: &[FoundQuote],
    out: &mut [Attribution],
) {
    for qi in 0..quotes.len() {
        if out[qi].speaker.is_some() || out[qi].cue.is_some() {
            continue;
        }
        let whole = whole_quote(&quotes[qi]);
        let Some(ri) = region_of(regions, whole.start) else {
            continue;
        };
        let region = &regions[ri];
        if region.role != Role::Paragraph {
            continue;
        }
        let Some(prev) = qi.checked_sub(1) else {
            continue;
        };
        let Some(speaker) = out[prev].speaker else {
            continue;
        };
        let prev_whole = whole_quote(&quotes[prev]);
        let same_paragraph =
            region.range.start <= prev_whole.start && whole.start - prev_whole.end < 250;
        let opens_paragraph = text[region.range.start..whole.start].trim().is_empty();
        // The quote before ends the paragraph before, but for its attribution ("…,” said Lamar
        // Smith, a Republican from Texas who chairs the committee."): one short sentence.
        let prev_ends_region = ri > 0 && {
            let p = regions[ri - 1].range;
            let tail = Range::new(prev_whole.end.min(p.end), p.end);
            p.start <= prev_whole.start
                && (tail.len() < 80
                    || tail.len() < 300
                        && out[prev].cue.is_some()
                        && sentences(text, tail)
                            .filter(|(s, _)| !s.slice(text).trim().is_empty())
                            .count()
                            <= 1)
        };
        let end = region_of(regions, whole.end).map_or(region.range.end, |r| regions[r].range.end);
        let alone = text[whole.end.min(end)..end].trim().chars().count() <= 1;
        if same_paragraph || opens_paragraph && alone && prev_ends_region {
            out[qi].speaker = Some(speaker);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn is_listed_answers_as_the_speaker_lists_do() {
        let lists = [
            List::Auxiliary,
            List::Female,
            List::Group,
            List::Honorific,
            List::Male,
            List::Organisation,
            List::Plural,
            List::Role,
            List::Stop,
            List::Title,
            List::NotName,
        ];
        for (list, kind) in lists.into_iter().zip(LIST_KINDS) {
            let words = speakers().words_of(kind);
            assert!(words.is_some(), "should find the speaker list {kind:?}");
            for word in words
                .into_iter()
                .flat_map(|w| w.iter())
                .chain(&["", "said"])
            {
                assert_eq!(
                    is_listed(list, word),
                    speakers().has(kind, word),
                    "should tell whether {word:?} is of {kind:?} as the lists do"
                );
            }
        }
    }

    /// [`sentence_and_script`]'s end read a character at a time.
    fn sentence_end_plain(text: &str, at: usize, ceiling: usize) -> usize {
        let s = &text[at..ceiling];
        for (i, c) in s.char_indices().skip(1) {
            let ends = match c {
                '।' | '?' | '!' | '|' => true,
                '.' => full_stop_ends(s, i),
                _ => false,
            };
            if ends {
                return at + i;
            }
        }
        ceiling
    }

    /// [`sentence_start`] read a character at a time.
    fn sentence_start_plain(text: &str, floor: usize, at: usize) -> usize {
        let s = &text[floor..at];
        for (i, c) in s.char_indices().rev() {
            if matches!(c, '।' | '?' | '!' | '|') {
                return floor + i + c.len_utf8();
            } else if c == '.' {
                let after = s[i + 1..].chars().next();
                let glued = after.is_some_and(|n| !n.is_ascii() && is_word_char(n));
                if (after.is_none_or(char::is_whitespace) || glued) && !closes_abbreviation(s, i) {
                    return floor + i + 1;
                }
            }
        }
        floor
    }

    proptest! {
        #[test]
        fn closes_abbreviation_reads_as_the_characters_say(
            word in prop_oneof![
                Just(""), Just("Dr"), Just("dr"), Just("DR"), Just("gov"), Just("Rep"),
                Just("professor"), Just("PROFESSOR"), Just("said"), Just("Smith"), Just("M"),
                Just("m"), Just("AB"), Just("Ab"), Just("aB"), Just("x1"), Just("1"), Just("डॉ"),
                Just("Éd"), Just("É"), Just("é"),
            ],
            before in prop_oneof![
                Just(""), Just(" "), Just("."), Just("a"), Just("A"), Just("7"), Just("é"),
                Just("“"), Just("क"),
            ],
        ) {
            let s = format!("{before}{word}.");
            let i = s.len() - 1;
            prop_assert_eq!(
                closes_abbreviation(&s, i),
                closes_abbreviation_by_chars(&s, i),
                "should tell whether the full stop of {:?} closes an abbreviation as its characters say",
                s
            );
        }

        #[test]
        fn sentence_start_reads_as_the_characters_say(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just('.'), Just('?'), Just('!'), Just('|'), Just('।'), Just('॥'),
                    Just('A'), Just('b'), Just('M'), Just('r'), Just('क'), Just('ि'),
                    Just('\u{0E01}'), Just('\u{1964}'), Just('é'), Just('😀'), Just('\n'),
                ],
                0..40,
            ),
            from in 0usize..24,
        ) {
            let text: String = cs.into_iter().collect();
            let floor = (0..=from.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            prop_assert_eq!(
                sentence_start(&text, floor, text.len()),
                sentence_start_plain(&text, floor, text.len()),
                "should start the sentence of {:?} after {} where its characters say",
                text,
                floor
            );
        }

        #[test]
        fn sentence_end_reads_as_the_characters_say(
            cs in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just('.'), Just('?'), Just('!'), Just('|'), Just('।'), Just('॥'),
                    Just('A'), Just('b'), Just('M'), Just('r'), Just('क'), Just('ि'),
                    Just('\u{0E01}'), Just('é'), Just('😀'), Just('\n'),
                ],
                0..24,
            ),
            from in 0usize..24,
        ) {
            let text: String = cs.into_iter().collect();
            let at = (0..=from.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
            let end = sentence_end_plain(&text, at, text.len());
            prop_assert_eq!(
                sentence_and_script(&text, at, text.len()),
                (end, has_devanagari(&text[at..end])),
                "should end the sentence of {:?} from {} where its characters say, and tell its \
                 script",
                text,
                at
            );
        }
    }
}
