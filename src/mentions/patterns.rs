//! Patterns: names that nobody listed, found from the words around them.
//!
//! - A title or honorific before a name makes it a person ("विदेश मंत्री सर्गेई लावरोव",
//!   "President Emmanuel Macron"); titles may chain ("केंद्रीय स्वास्थ्य मंत्री डॉ हर्षवर्धन"). An
//!   honorific of the `part` class stays in the name ("सरदार वल्लभभाई पटेल"); name words before
//!   a scheme word name a scheme, not a person ("प्रधानमंत्री आवास योजना").
//! - An organisation or place suffix after name words makes the whole an organisation or place
//!   ("मुफस्सिल पुलिस", "महाराष्ट्र सरकार", "Oxford University", "Ministry of Defence"); a Hindi
//!   name in the English style ("… इंस्टीट्यूट ऑफ मेडिकल साइंसेज") reaches further back.
//! - Two or more Hindi name words before the case marker ने make a person ("X Y ने कहा").
//! - In English, runs of capitalised words are names; a run that only starts or ends with a
//!   common word loses it, and "Shares of" before a name is not part of it; partners joined by
//!   "&" make a firm. Its kind comes from the words around it: a suffix, a score or "v" (a
//!   team), a place preposition, an age or "said" (a person).
//! - In English sports reports, a name in capitals before a score is a team ("BALTIMORE 70
//!   63"); [`plays_as_team`] and [`in_result_line`] tell the caller where a name plays as a
//!   team, [`names_setting`] where it names the place of a match or a dateline.
//!
//! A name word is one that the common-word lists (`data/lexicon/hi_common.tsv`,
//! `en_common.tsv`) do not hold and that is not a title or a suffix. Patterns work on one
//! sentence at a time; the caller decides between them and the lexicon.

use crate::article::ActorKind;
use crate::chars::has_devanagari;
use crate::doc::{Range, Ranges};
use crate::scan::TextExt;

use std::cell::OnceCell;

use super::lexicon::{is_word_char, Affix, Lexicon, Suffix, TeamRole, TitleClass};

/// A word of the text with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The word lies inside a name the lexicon found.
    pub known: bool,
    /// The title that starts at the word and how many words it spans, as [`title_at`] finds it.
    /// Like `known`, set by [`find`], so that the stages after it need not look it up again.
    pub title: Option<(TitleClass, u8)>,
    /// The word is runs of word characters joined by an inner apostrophe, full stop or
    /// ampersand ("O'Neill", "U.S"), not one run ([`super::lexicon::Gazetteer::find_in_words`]
    /// looks the runs up apart).
    pub joined: bool,
}

/// A name a pattern found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub range: Range,
    pub kind: ActorKind,
    /// How sure the rule is: title and suffix rules are strong, capitalisation guesses weak.
    pub strong: bool,
    /// For a name made of a known name and a suffix: how to make its English name.
    pub english: Option<&'static str>,
}

/// The words of `text[start..end]`: runs of letters, digits and marks, with an inner
/// apostrophe or full stop kept when a letter follows ("O'Neill", "U.S").
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(word_estimate(&text[start..end]));
    each_word(text, start, end, |w| {
        out.push(w);
        true
    });
    out
}

/// Calls `found` with each of the [`words`] of `text[start..end]`, in order, listing none, until
/// it returns false.
fn each_word<'a>(text: &'a str, start: usize, end: usize, mut found: impl FnMut(Word<'a>) -> bool) {
    let block = &text[start..end];
    let mut begin: Option<usize> = None;
    let mut joined = false;
    let bytes = block.as_bytes();
    let mut i = 0;
    // ASCII bytes are read without decoding a character, runs of letters a run at a time, and
    // a space (the commonest end of a word) before anything else.
    while let Some(&b) = bytes.get(i) {
        let at = i;
        let in_word = if b == b' ' {
            i += 1;
            false
        } else {
            let (run_end, _) = crate::chars::letter_run(bytes, i);
            if run_end > i {
                begin.get_or_insert(i);
                i = run_end;
                continue;
            }
            let c = match b {
                0..=0x7F => char::from(b),
                _ => crate::chars::char_at(block, i).0,
            };
            i += c.len_utf8();
            let inner = matches!(c, '\'' | '’' | '.' | '&')
                && begin.is_some()
                && bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            joined |= inner;
            is_word_char(c) || inner
        };
        if in_word {
            begin.get_or_insert(at);
        } else if let Some(b) = begin.take() {
            let go_on = found(Word {
                start: start + b,
                end: start + at,
                text: &block[b..at],
                known: false,
                title: None,
                joined: std::mem::take(&mut joined),
            });
            if !go_on {
                return;
            }
        }
    }
    if let Some(b) = begin {
        found(Word {
            start: start + b,
            end,
            text: &block[b..],
            known: false,
            title: None,
            joined,
        });
    }
}

/// About how many words `text` has at most, so that a list of them is seldom grown: an English
/// word and the space or mark after it take 5.3 to 6.1 bytes (median 5.8, in 26 English news
/// articles), a Hindi one about twice that. At six bytes most English texts outgrew the list
/// once, copying it whole.
pub fn word_estimate(text: &str) -> usize {
    text.len() / 5 + 1
}

fn is_capitalised(word: &str) -> bool {
    // Most words open with an ASCII or a Devanagari byte, told without decoding a character
    // (and without a call: the rules ask it of most words).
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(0xE0) | None => false,
        _ => opens_with_capital(word),
    }
}

/// Whether `word`'s first character is a capital, decoded: [`is_capitalised`] for the words
/// that open with neither ASCII nor Devanagari.
#[inline(never)]
fn opens_with_capital(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_all_caps(word: &str) -> bool {
    // Most words ("Smith") are told by their second byte: a small ASCII letter is a small letter
    // in any word.
    if word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    // An ASCII word is told from its bytes.
    if word.is_ascii() {
        let bytes = word.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() > 1;
    }
    word.chars()
        .filter(|&c| crate::chars::is_alphabetic(c))
        .count()
        > 1
        && !word.chars().any(|c| c.is_lowercase())
}

/// The longest entry of the lexicon's affixes for which `has` holds (titles or suffixes, keyed
/// by words joined with one space, no final full stop) that starts at word `i`, and how many
/// words it spans.
fn affix_at<'l>(
    lex: &'l Lexicon,
    has: fn(&Affix) -> bool,
    text: &str,
    words: &[Word],
    i: usize,
) -> Option<(&'l Affix, usize)> {
    let first = crate::chars::trim_end_dots(words[i].text);
    if !lex.opens_affix(first) {
        return None;
    }
    longest_affix_at(lex, has, text, words, i)
}

/// [`affix_at`] for a word that opens some affix ([`Lexicon::opens_affix`]), not asked again.
fn longest_affix_at<'l>(
    lex: &'l Lexicon,
    has: fn(&Affix) -> bool,
    text: &str,
    words: &[Word],
    i: usize,
) -> Option<(&'l Affix, usize)> {
    let mut best = None;
    each_affix_at(lex, text, words, i, &mut |affix, n| {
        if has(affix) {
            best = Some((affix, n));
        }
    });
    best
}

/// Calls `found` with each entry of the lexicon's affixes that starts at word `i` and how many
/// words it spans, shortest first (a callback through a pointer: one copy of the code for its
/// two callers).
fn each_affix_at<'l>(
    lex: &'l Lexicon,
    text: &str,
    words: &[Word],
    i: usize,
    found: &mut dyn FnMut(&'l Affix, usize),
) {
    // The key is the text itself, `text[start..end]`, while the words are one space apart and
    // keep their full stops; only another gap or a dropped full stop makes a key of its own.
    let start = words[i].start;
    let mut end = start;
    let mut owned: Option<String> = None;
    for n in 1..=lex.longest_affix.min(words.len() - i) {
        let k = i + n - 1;
        let word = crate::chars::trim_end_dots(words[k].text);
        if n > 1 {
            let gap = &text[words[k - 1].end..words[k].start];
            if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '.') {
                break;
            }
            if owned.is_none() && (gap != " " || end != words[k - 1].end) {
                owned = Some(text[start..end].to_string());
            }
        }
        let key = match &mut owned {
            Some(key) => {
                key.push(' ');
                key.push_str(word);
                key.as_str()
            }
            None => {
                end = words[k].start + word.len();
                &text[start..end]
            }
        };
        if let Some(affix) = lex.affix(key) {
            found(affix, n);
        }
    }
}

/// The longest title at word `i`: its class and how many words it spans.
pub fn title_at(
    lex: &Lexicon,
    text: &str,
    words: &[Word],
    i: usize,
) -> Option<(TitleClass, usize)> {
    let (affix, n) = affix_at(lex, Affix::is_title, text, words, i)?;
    Some((affix.title?, n))
}

/// The longest suffix at word `i` and how many words it spans.
pub fn suffix_at<'l>(
    lex: &'l Lexicon,
    text: &str,
    words: &[Word],
    i: usize,
) -> Option<(&'l Suffix, usize)> {
    let (affix, n) = affix_at(lex, Affix::is_suffix, text, words, i)?;
    Some((affix.suffix.as_ref()?, n))
}

/// Whether only a space or two separates words `a` and `b`.
fn adjacent(text: &str, a: &Word, b: &Word) -> bool {
    // Read as bytes: a gap of spaces is its bytes, and needs no check of character boundaries.
    matches!(text.as_bytes()[a.end..b.start], [b' '] | [b' ', b' '])
}

/// Whether `word` can be part of a name in its script.
fn is_name_word(t: &Sentence, i: usize) -> bool {
    *t.words_asked[i].1.get_or_init(|| name_word(t, i))
}

fn name_word(t: &Sentence, i: usize) -> bool {
    let (lex, words) = (t.lex, t.words);
    let w = words[i].text;
    if words[i].known {
        return true;
    }
    if w.chars().all(|c| c.is_ascii_digit()) || w.chars().count() < 2 && !is_capitalised(w) {
        return false;
    }
    if t.title(i).is_some() || t.suffix(i).is_some() {
        return false;
    }
    if has_devanagari(w) {
        // An adjective that opens official names ("राष्ट्रीय", "केंद्रीय") is no name word of
        // its own: "केंद्रीय मंत्रिमंडल ने" names no person.
        !lex.is_common(w)
            && !lex.conjunctions.contains(w)
            && !lex.pronouns.contains(w)
            && lex.opener(w).is_none()
    } else {
        is_capitalised(w) && !lex.is_common(w)
    }
}

/// Names the patterns find in one sentence of `text`, whose [`words`] are `words`; `known` are
/// the ranges of names the lexicon found there, whose words count as name words (each word's
/// `known` and `title` are set here, in place: the words are read once for every stage, not
/// copied).
pub fn find<'t>(
    lex: &'static Lexicon,
    text: &'t str,
    words: &mut [Word<'t>],
    known: &[Range],
) -> Vec<Found> {
    // A word is known when a known range contains it: among the ranges that start at or before
    // it, the furthest end reaches its end. The lexicon's ranges come in text order.
    let sorted;
    let known = if known.is_sorted_by_key(|k| k.start) {
        known
    } else {
        let mut copy = known.to_vec();
        crate::sort::by_key(&mut copy, |k| k.start);
        sorted = copy;
        &sorted
    };
    let mut next = 0;
    let mut furthest = 0;
    for w in words.iter_mut() {
        while next < known.len() && known[next].start <= w.start {
            furthest = furthest.max(known[next].end);
            next += 1;
        }
        w.known = next > 0 && furthest >= w.end;
    }
    let affixes = affixes_of(lex, text, words);
    for (w, ((title, _), _)) in words.iter_mut().zip(&affixes) {
        // A title spans a few words (`Lexicon::longest_affix`), far fewer than 256.
        w.title = title.map(|(class, n)| (class, n as u8));
    }
    let sentence = Sentence::new(lex, text, words, affixes);
    let mut found = Vec::new();
    titled_persons(&sentence, &mut found);
    suffixed_names(&sentence, &mut found);
    surnamed_persons(&sentence, &mut found);
    // Three rules start from a Devanagari word, which an ASCII sentence (most of an English
    // text) lacks. They are not inlined: inlined, they made the other rules' loops slower
    // (by cachegrind) than skipping them saves.
    if !sentence.ascii {
        given_named_persons(&sentence, &mut found);
    }
    quoted_names(&sentence, &mut found);
    if !sentence.ascii {
        glossed_names(&sentence, &mut found);
        marked_persons(&sentence, &mut found);
    }
    capitalised_runs(&sentence, &mut found);
    teams_in_capitals(&sentence, &mut found);
    found
}

/// The title and the suffix that start at a word, if any, and how many words each spans.
type Affixes = (
    Option<(TitleClass, usize)>,
    Option<(&'static Suffix, usize)>,
);

/// The [`Affixes`] of each of `words`, all at once (the first rule asks them of every word),
/// each with an empty cell for whether the word is a name word ([`Sentence::words_asked`]).
fn affixes_of(lex: &'static Lexicon, text: &str, words: &[Word]) -> Vec<(Affixes, OnceCell<bool>)> {
    (0..words.len())
        .map(|i| {
            if !lex.opens_affix(crate::chars::trim_end_dots(words[i].text)) {
                return ((None, None), OnceCell::new());
            }
            // As title_at and suffix_at, which would ask about the first word again, and read
            // the keys twice: the longest of each.
            let (mut title, mut suffix) = (None, None);
            each_affix_at(lex, text, words, i, &mut |affix, n| {
                if let Some(class) = affix.title {
                    title = Some((class, n));
                }
                if let Some(s) = &affix.suffix {
                    suffix = Some((s, n));
                }
            });
            ((title, suffix), OnceCell::new())
        })
        .collect()
}

/// The words of one sentence, with what the rules ask about each word worked out at most once:
/// every rule asks again whether a word opens a title or a suffix, or is a name word.
struct Sentence<'s, 'a> {
    lex: &'static Lexicon,
    text: &'a str,
    words: &'s [Word<'a>],
    /// For each word: its [`Affixes`] ([`affixes_of`]), and whether it is a name word
    /// ([`name_word`]), once asked (in one list, not two: one allocation a sentence fewer).
    words_asked: Vec<(Affixes, OnceCell<bool>)>,
    /// The sentence is ASCII from its first word to its last, so it has no Devanagari word: the
    /// rules that start from one (given names, the agent marker, a name before its gloss) are
    /// not run on most sentences of an English text.
    ascii: bool,
}

impl<'s, 'a> Sentence<'s, 'a> {
    /// The sentence of `words`, whose [`Affixes`] are `affixes` ([`affixes_of`]).
    fn new(
        lex: &'static Lexicon,
        text: &'a str,
        words: &'s [Word<'a>],
        affixes: Vec<(Affixes, OnceCell<bool>)>,
    ) -> Sentence<'s, 'a> {
        let ascii = words.first().zip(words.last()).is_none_or(|(first, last)| {
            // A Hindi sentence is told from its first byte (`is_ascii` reads them all).
            let span = &text.as_bytes()[first.start..last.end];
            span.first().is_some_and(u8::is_ascii) && span.is_ascii()
        });
        Sentence {
            lex,
            text,
            words,
            words_asked: affixes,
            ascii,
        }
    }

    fn affixes(&self, i: usize) -> Affixes {
        self.words_asked[i].0
    }

    /// [`title_at`] word `i`.
    fn title(&self, i: usize) -> Option<(TitleClass, usize)> {
        self.affixes(i).0
    }

    /// [`suffix_at`] word `i`.
    fn suffix(&self, i: usize) -> Option<(&'static Suffix, usize)> {
        self.affixes(i).1
    }
}

/// A name written in capitals right before a score is a team in a table of results or
/// standings ("BALTIMORE 70 63"); other words in capitals are a headline's.
fn teams_in_capitals(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    // The names the other rules found, sorted: listed only when a team is in question (in few
    // sentences), and only those found before this rule.
    let before = found.len();
    let mut taken: Option<Vec<Range>> = None;
    let overlaps_taken = |taken: &[Range], range: Range| {
        let after = taken.partition_point(|r| r.start < range.end);
        taken[..after]
            .iter()
            .rev()
            .take(8)
            .any(|r| r.overlaps(range))
    };
    for k in 1..words.len() {
        let number = &words[k];
        if number.text.len() > 3 || !number.text.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let caps_name = |w: &Word| {
            w.text.is_ascii() && is_all_caps(w.text) && !w.known && !lex.is_common(w.text)
        };
        if !caps_name(&words[k - 1]) || !adjacent(text, &words[k - 1], number) {
            continue;
        }
        // One word: the words in capitals before it are a table's headings ("PCT GB ATLANTA")
        // or part of a known name ("KANSAS CITY").
        let s = k - 1;
        if s > 0 && words[s - 1].known && adjacent(text, &words[s - 1], &words[s]) {
            continue;
        }
        let range = Range::new(words[s].start, words[k - 1].end);
        let taken = taken.get_or_insert_with(|| {
            let mut taken: Vec<Range> = found[..before].iter().map(|f| f.range).collect();
            crate::sort::natural(&mut taken);
            taken
        });
        if overlaps_taken(taken, range) || !plays_as_team(lex, text, range) {
            continue;
        }
        found.push(Found {
            range,
            kind: ActorKind::Organization,
            strong: false,
            english: None,
        });
    }
}

fn titled_persons(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    let mut i = 0;
    while i < words.len() {
        let (class, n) = match t.title(i) {
            Some((c @ (TitleClass::Honorific | TitleClass::Office | TitleClass::Part), n)) => {
                (c, n)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // Chained titles: "केंद्रीय स्वास्थ्य मंत्री डॉ हर्षवर्धन". A title that belongs to the
        // name ("सरदार वल्लभभाई पटेल") opens it when it comes last.
        let mut j = i + n;
        let mut opens_name = (class == TitleClass::Part).then_some(i);
        while j < words.len() && adjacent_or_dot(text, &words[j - 1], &words[j]) {
            match t.title(j) {
                Some((c, m)) => {
                    opens_name = (c == TitleClass::Part).then_some(j);
                    j += m;
                }
                None => break,
            }
        }
        let first = j;
        // A first name may also be a Hindi word ("प्रोफेसर ली क्रोनिन") when a name word follows.
        if j + 1 < words.len()
            && has_devanagari(words[j].text)
            && !is_name_word(t, j)
            && lex.is_common(words[j].text)
            && !lex.is_function_word(words[j].text)
            && t.title(j).is_none()
            && adjacent(text, &words[j], &words[j + 1])
            && is_name_word(t, j + 1)
            && has_devanagari(words[j + 1].text)
            && adjacent_or_dot(text, &words[j - 1], &words[j])
        {
            j += 1;
        }
        while j < words.len()
            && j - first < 4
            && (adjacent_or_dot(text, &words[j - 1], &words[j])
                || j > first && hyphened(&words[j - 1], &words[j], text))
            && is_name_word(t, j)
            && (j == first || same_script(words[first].text, words[j].text))
            && !(j > first && opens_styled_organisation(t, j))
        {
            j += 1;
        }
        // "प्रधानमंत्री आवास योजना": a scheme named after an office, not a person. A scheme word
        // ends the name words, or follows them.
        let scheme =
            (first..=j.min(words.len() - 1)).any(|k| lex.scheme_words.contains(words[k].text));
        if j > first && !scheme {
            let start = opens_name.map_or(words[first].start, |t| words[t].start);
            found.push(Found {
                range: Range::new(start, words[j - 1].end),
                kind: ActorKind::Person,
                strong: true,
                english: None,
            });
        }
        i = j.max(i + 1);
    }
}

/// Whether word `i` opens an organisation's name in the English style: an organisation suffix
/// and "ऑफ" or "फॉर" follow it ("प्रो. स्वामीनाथन रॉयल सोसायटी ऑफ लन्दन": रॉयल is the
/// society's, not the professor's).
fn opens_styled_organisation(t: &Sentence, i: usize) -> bool {
    let words = t.words;
    if i + 1 >= words.len() {
        return false;
    }
    match t.suffix(i + 1) {
        Some((suffix, n)) => {
            suffix.kind == ActorKind::Organization
                && words
                    .get(i + 1 + n)
                    .is_some_and(|w| matches!(w.text, "ऑफ" | "फॉर"))
        }
        None => false,
    }
}

fn adjacent_or_dot(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text.as_bytes()[a.end..b.start];
    !gap.is_empty() && gap.len() <= 3 && gap.iter().all(|&c| c == b' ' || c == b'.')
}

/// Whether `a` and `b` are two halves of a hyphenated name ("वॉलर-ब्रिज", "गांधी-किंग
/// डेवलपमेंट फाउंडेशन"): a hyphen between them (spaced too, as tokenised text has it), and
/// neither inside a name the lexicon knows ("पुतिन-किम वार्ता", "भारत-चीन": two known names
/// joined by a hyphen are partners, not one name).
fn hyphened(a: &Word, b: &Word, text: &str) -> bool {
    let gap = &text[a.end..b.start];
    gap.len() <= 3 && gap.trim() == "-" && !a.known && !b.known
}

fn same_script(a: &str, b: &str) -> bool {
    has_devanagari(a) == has_devanagari(b)
}

/// The most words before an organisation's head word that an opener may reach back over.
const ORG_REACH: usize = 4;

fn suffixed_names(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    let mut i = 1;
    while i < words.len() {
        let Some((suffix, n)) = t.suffix(i) else {
            i += 1;
            continue;
        };
        let latin = !has_devanagari(words[i].text);
        if latin && !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        // A Hindi name in the English style ("संजय गांधी पोस्ट ग्रेजुएट इंस्टीट्यूट ऑफ मेडिकल
        // साइंसेज") is longer and may hold ordinary words.
        let styled = !latin && words.get(i + n).is_some_and(|w| w.text == "ऑफ");
        let reach = if styled { 5 } else { 3 };
        let plain_word = |k: usize| {
            let w = words[k].text;
            lex.is_common(w)
                && !lex.is_function_word(w)
                && !lex.conjunctions.contains(w)
                && t.title(k).is_none()
                && t.suffix(k).is_none()
        };
        let mut k = i;
        while k > 0
            && i - k < reach
            && (adjacent(text, &words[k - 1], &words[k])
                || k < i && hyphened(&words[k - 1], &words[k], text))
            && same_script(words[k - 1].text, words[i].text)
            && (is_name_word(t, k - 1) || styled && plain_word(k - 1))
        {
            k -= 1;
        }
        // The name starts with a name word ("अभी संजय गांधी …" starts at संजय).
        while k < i && !is_name_word(t, k) {
            k += 1;
        }
        // An organisation named for two fields joined by a conjunction: "पेयजल और स्वच्छता
        // विभाग", "सूचना एवं प्रसारण मंत्रालय". The first field is one name word that no list
        // knows (a known name before "और" is an actor of its own: "भारत और चीन सरकार").
        if suffix.kind == ActorKind::Organization
            && k < i
            && k >= 2
            && !latin
            && lex.conjunctions.contains(words[k - 1].text)
            && adjacent(text, &words[k - 2], &words[k - 1])
            && adjacent(text, &words[k - 1], &words[k])
            && has_devanagari(words[k - 2].text)
            && !words[k - 2].known
            && is_name_word(t, k - 2)
        {
            k -= 2;
        }
        // An official name may hold ordinary words after the adjective that opens it
        // ("राष्ट्रीय विषाणु विज्ञान संस्थान", "राज्य कर्मचारी चयन बोर्ड"): the openers are the
        // organisation rows of `before` in the suffix data.
        if suffix.kind == ActorKind::Organization && !latin {
            let mut o = k;
            while o > 0
                && i - o < ORG_REACH
                && adjacent(text, &words[o - 1], &words[o])
                && has_devanagari(words[o - 1].text)
            {
                o -= 1;
                let w = words[o].text;
                if lex.opener(w) == Some(ActorKind::Organization) {
                    k = o;
                    break;
                }
                if lex.is_function_word(w)
                    || lex.conjunctions.contains(w)
                    || t.title(o).is_some()
                    || t.suffix(o).is_some()
                {
                    break;
                }
            }
        }
        let mut end = i + n;
        // "Ministry of Defence", "University of Oxford", "यूनिवर्सिटी ऑफ मेडिकल साइंसेज"
        // "यूरोपियन बैंक फॉर रिकन्स्ट्रक्शन एंड डेवलपमेंट", "इंटरनेशनल कोर्ट ऑफ जस्टिस": in a
        // Hindi name in the English style, the words after "ऑफ" or "फॉर" may be titles too,
        // and "एंड" joins two of them.
        let of = if latin { "of" } else { "ऑफ" };
        let joins = |w: &str| w == of || !latin && w == "फॉर";
        if end + 1 < words.len()
            && joins(words[end].text)
            && (!latin || is_capitalised(words[end + 1].text))
        {
            // An acronym after the name is its own ("… एंड डेवलपमेंट ईबीआरडी").
            let field = |k: usize| {
                !spelled_in_letters(lex, words[k].text)
                    && (is_name_word(t, k) || t.suffix(k).is_some() || t.title(k).is_some())
            };
            let mut k = end + 1;
            while k < words.len()
                && k - i < 6
                && adjacent(text, &words[k - 1], &words[k])
                && (if latin {
                    is_capitalised(words[k].text)
                } else {
                    field(k)
                        || words[k].text == "एंड"
                            && k > end + 1
                            && k + 1 < words.len()
                            && adjacent(text, &words[k], &words[k + 1])
                            && field(k + 1)
                })
            {
                k += 1;
            }
            if k > end + 1 {
                end = k;
            }
        }
        let kind = suffix.kind;
        if k < i && !suffix.in_name {
            found.push(Found {
                range: Range::new(words[k].start, words[i - 1].end),
                kind,
                strong: true,
                english: None,
            });
        } else if k < i || end > i + n + 1 {
            found.push(Found {
                range: Range::new(words[k].start, words[end - 1].end),
                kind,
                strong: true,
                english: suffix.english.as_deref().filter(|_| end == i + n),
            });
        }
        i = end;
    }
}

/// Whether `word` is three or more Latin letters as Hindi writes them ([`Lexicon::initials`]),
/// run together: an acronym ("ईबीआरडी" = EBRD).
pub fn spelled_in_letters(lex: &Lexicon, word: &str) -> bool {
    /// Longer words are no acronyms; the bound keeps the search small.
    const MOST_BYTES: usize = 64;
    if word.len() > MOST_BYTES || !word.first_is(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        return false;
    }
    // letters[i]: the fewest letters that spell word[..i] (i a byte offset), if any do.
    let mut letters = [None::<u8>; MOST_BYTES + 1];
    letters[0] = Some(0);
    // The letters that open word[at..] are its openings up to the longest letter's length that
    // are letters: a few set lookups instead of comparing every letter.
    let longest = lex.longest_initial;
    let bytes = word.as_bytes();
    // The furthest offset that letters spell up to: beyond it nothing is spelled (most words
    // stop after a letter or two).
    let mut furthest = 0;
    for at in 0..word.len() {
        if at > furthest {
            return false;
        }
        let Some(n) = letters[at] else {
            continue;
        };
        // The openings of word[at..] that end on a character boundary, stepped over by the
        // characters' lengths.
        let limit = (at + longest).min(word.len());
        let mut end = at;
        while end < limit {
            end += crate::chars::utf8_len(bytes[end]);
            if end <= limit && lex.initials.contains(&word[at..end]) {
                let next = &mut letters[end];
                *next = Some(next.map_or(n + 1, |m| m.min(n + 1)));
                furthest = furthest.max(end);
            }
        }
    }
    letters[word.len()].is_some_and(|n| n >= 3)
}

/// Moves the start `k` of a name back over up to three initials before it ("जी एस अयंगर").
fn with_initials(t: &Sentence, mut k: usize) -> usize {
    let (lex, text, words) = (t.lex, t.text, t.words);
    let first = k;
    while k > 0 && first - k < 3 {
        let gap = &text[words[k - 1].end..words[k].start];
        let w = words[k - 1].text;
        let initial =
            lex.initials.contains(w) || w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
        if !matches!(gap, " " | ". " | ".") || !initial {
            break;
        }
        // "के" is an initial ("के सी चक्रवर्ती") but more often the case marker: after a word
        // that is no initial it is the marker ("अमेरिका के रोग नियंत्रण केंद्र ने").
        let after_word = k >= 2
            && adjacent(text, &words[k - 2], &words[k - 1])
            && !lex.initials.contains(words[k - 2].text);
        if lex.is_function_word(w) && after_word {
            break;
        }
        k -= 1;
    }
    k
}

/// One or two name words before a common family name: "जवाहर यादव", "Anil Kumar Singh".
fn surnamed_persons(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    let mut i = 1;
    while i < words.len() {
        if !lex.is_surname(words[i].text) || words[i].known {
            i += 1;
            continue;
        }
        let mut k = i;
        if k > 0
            && joins_name(text, &words[k - 1], &words[k])
            && same_script(words[k - 1].text, words[i].text)
            && !words[k - 1].known
            && is_name_word(t, k - 1)
        {
            k -= 1;
        }
        // After a middle name a family name may follow: "मुकेश कुमार आहूजा".
        let mut end = i + 1;
        if lex.middle_names.contains(words[i].text)
            && end < words.len()
            && adjacent(text, &words[i], &words[end])
            && same_script(words[end].text, words[i].text)
            && !words[end].known
            && is_name_word(t, end)
            && has_devanagari(words[end].text)
        {
            end += 1;
        }
        if k < i {
            let k = with_initials(t, k);
            found.push(Found {
                range: Range::new(words[k].start, words[end - 1].end),
                kind: ActorKind::Person,
                strong: false,
                english: None,
            });
        }
        i = end;
    }
}

/// Given names and the name word after them: "सईद जलीली", "मोहम्मद अली जिन्ना". The rules
/// before this one read titles and family names, so a name one of them found is left to it
/// ("विदेश मंत्री सईद जलीली", "सुरेश कुमार आहूजा"). A given name alone names nobody in
/// particular ("अली ने"), a given name inside a name the lexicon knows ("भुवनेश्वर") is that
/// name, and a name that goes on past the word after the given names ("मोहम्मद तकी मिस्वाह")
/// is left to the tagger, which reads it whole.
#[inline(never)]
fn given_named_persons(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    // Every given name of the list is written in Devanagari: other words are not looked up.
    let given = |k: usize| {
        let w = words[k].text.as_bytes();
        w.len() > 1
            && w[0] == 0xE0
            && matches!(w[1], 0xA4 | 0xA5)
            && !words[k].known
            && lex.given_names.contains(words[k].text)
    };
    let markers = crate::structure::markers::markers();
    // The names the rules before found, listed for a binary search (not a pass over them all
    // per candidate), and only in a sentence with a candidate: most have none. This rule's own
    // names never overlap one another; they join `found` at the end.
    let taken: OnceCell<Ranges> = OnceCell::new();
    let mut persons: Vec<Found> = Vec::new();
    let is_taken = |range: Range| {
        taken
            .get_or_init(|| Ranges::new(found.iter().map(|f| f.range)))
            .overlaps(range)
    };
    let mut i = 0;
    while i < words.len() {
        if !given(i) {
            i += 1;
            continue;
        }
        // A given name inside a longer name ("अलताफ़ हुसैन अली", "बह्र इदरिस अबू गर्डा") does
        // not open it: the tagger reads such names whole.
        let inside = i > 0
            && adjacent(text, &words[i - 1], &words[i])
            && has_devanagari(words[i - 1].text)
            && is_name_word(t, i - 1);
        let mut end = i + 1;
        while end < words.len() && given(end) && adjacent(text, &words[end - 1], &words[end]) {
            end += 1;
        }
        if end < words.len()
            && adjacent(text, &words[end - 1], &words[end])
            && has_devanagari(words[end].text)
            && !words[end].known
            && !lex.surnames.contains(words[end].text)
            && !lex.initials.contains(words[end].text)
            && is_name_word(t, end)
            && !inflected(lex, words[end].text)
        {
            end += 1;
            // A hyphenated family name: "फीबी वॉलर-ब्रिज".
            while end < words.len()
                && hyphened(&words[end - 1], &words[end], text)
                && is_name_word(t, end)
            {
                end += 1;
            }
        }
        // What follows may show the words are no person, or not all of one: an auxiliary after
        // a verb ("दीपक जलाते थे"); the name of a body named after someone ("सतीश चंद्र
        // कमेटी"); more of the name ("स्कॉट सी. लेवी"); a scheme or an award a few words on
        // ("राजीव गांधी खेल रत्न पुरस्कार").
        let next = words
            .get(end)
            .filter(|w| adjacent_or_dot(text, &words[end - 1], w));
        let named_after = next.is_some_and(|w| {
            markers.is_auxiliary(w.text)
                || t.suffix(end).is_some()
                || !lex.is_common(w.text) && is_name_word(t, end)
        }) || (end..words.len().min(end + SCHEME_REACH))
            .take_while(|&k| adjacent(text, &words[k - 1], &words[k]))
            .any(|k| lex.scheme_words.contains(words[k].text));
        let range = Range::new(words[i].start, words[end - 1].end);
        if end - i >= 2 && !inside && !named_after && !is_taken(range) {
            persons.push(Found {
                range,
                kind: ActorKind::Person,
                strong: false,
                english: None,
            });
        }
        i = end;
    }
    found.extend(persons);
}

/// How many words after a name a scheme or award word may show that the name is its namesake
/// ("राजीव गांधी खेल रत्न पुरस्कार").
const SCHEME_REACH: usize = 3;

/// The opening and closing quotation marks around a quoted name.
const OPENING_MARKS: &[char] = &['‘', '“', '\'', '"'];
const CLOSING_MARKS: &[char] = &['’', '”', '\'', '"'];

/// The most words a quoted name beside a classifier may have.
const QUOTED_NAME_WORDS: usize = 4;

/// A quoted name right after or before a noun that says what it is ([`Lexicon::classifiers`]):
/// "अर्द्धसैनिक बल ‘बसीज’ में", "‘शर्क’ अखबार के अनुसार", "धार्मिक स्थल ‘कुम’ की यात्रा". The
/// quoted words must hold a name word; a quoted phrase without such a noun beside it is left
/// alone (scare quotes: "‘धोखा’ दिया"), unless it is two words or more ending in an
/// organisation's suffix ("'द एक्सप्रेस ट्रिब्यून'").
fn quoted_names(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    let classifier = |k: usize| {
        lex.classifiers
            .iter()
            .find(|(w, _)| *w == words[k].text)
            .map(|&(_, kind)| kind)
    };
    // One space and a quotation mark between a classifier and the name, either way round.
    let beside = |gap: &str, marks: &[char]| {
        gap.chars().count() == 2
            && (gap.starts_with(marks) && gap.ends_with(' ')
                || gap.starts_with(' ') && gap.ends_with(marks))
    };
    let mut i = 0;
    while i < words.len() {
        // The byte before the word: an ASCII mark, or the last byte of ‘ (E2 80 98) or “ (E2 80
        // 9C), before the whole mark is compared.
        let opened = words[i].start > 0
            && matches!(
                text.as_bytes()[words[i].start - 1],
                b'\'' | b'"' | 0x98 | 0x9C
            )
            && text[..words[i].start].ends_with(OPENING_MARKS);
        if !opened {
            i += 1;
            continue;
        }
        // The quoted words: up to the closing mark, with spaces alone between them.
        let mut end = i + 1;
        while end < words.len()
            && end - i < QUOTED_NAME_WORDS
            && adjacent(text, &words[end - 1], &words[end])
        {
            end += 1;
        }
        if !text[words[end - 1].end..].starts_with(CLOSING_MARKS) {
            i += 1;
            continue;
        }
        let before = (i > 0)
            .then(|| &text[words[i - 1].end..words[i].start])
            .filter(|gap| beside(gap, OPENING_MARKS))
            .and_then(|_| classifier(i - 1));
        let after = words
            .get(end)
            .map(|next| &text[words[end - 1].end..next.start])
            .filter(|gap| beside(gap, CLOSING_MARKS))
            .and_then(|_| classifier(end));
        let named = (i..end).any(|k| !words[k].known && is_name_word(t, k));
        // Quotation marks also bound a name in the English style that ends in an organisation's
        // suffix and has no other name word: "'द एक्सप्रेस ट्रिब्यून' ने".
        let styled = end - i >= 2
            && (i + 1..end).any(|k| {
                t.suffix(k).is_some_and(|(suffix, n)| {
                    k + n == end && suffix.in_name && suffix.kind == ActorKind::Organization
                })
            });
        let kind = match before.or(after) {
            Some(kind) => named.then_some(kind),
            None => styled.then_some(ActorKind::Organization),
        };
        if let Some(kind) = kind {
            found.push(Found {
                range: Range::new(words[i].start, words[end - 1].end),
                kind,
                strong: false,
                english: None,
            });
        }
        i = end;
    }
}

/// Whether a Hindi word that the common-word list lacks is still an inflected form, not a name:
/// a word that ends in a nasalised vowel (plural, honorific and subjunctive endings: "बोलीं",
/// "मुस्कुराईं", "उम्मीदवारों", "जाएं"; no name ends so), or a masculine plural or honorific
/// form in -े/-ए of a common word ("पहुंचे" of "पहुंचा", "मिले" of "मिलना"). After a given
/// name such a word is what the person did: "सुनीता बोलीं", "मोहन पहुंचे".
fn inflected(lex: &Lexicon, word: &str) -> bool {
    let mut chars = word.chars().rev();
    let (last, before) = (chars.next(), chars.next());
    if matches!(last, Some('ं' | 'ँ')) && before.is_some_and(|c| matches!(c, 'ा'..='ौ' | 'आ'..='औ'))
    {
        return true;
    }
    let Some(stem) = word.strip_suffix('े').or_else(|| word.strip_suffix('ए')) else {
        return false;
    };
    !stem.is_empty()
        && (lex.is_common(stem)
            || lex.is_common(&[stem, "ा"].concat())
            || lex.is_common(&[stem, "ना"].concat()))
}

/// A Hindi name glossed in Latin script in brackets right after it: "बंगाईगांव (Bongaigaon)
/// जिले", "हेमंत बिस्व शर्मा (Himanta Biswa Sarma)". Writers gloss names, not ordinary words.
#[inline(never)]
fn glossed_names(t: &Sentence, found: &mut Vec<Found>) {
    let (text, words) = (t.text, t.words);
    for i in 1..words.len() {
        // Most gaps are a space: told from the bytes before the gap is sliced and trimmed.
        let (a, b) = (words[i - 1].end, words[i].start);
        let bracket =
            text.as_bytes()[a..b].iter().any(|b| matches!(b, b'(')) && text[a..b].trim() == "(";
        if !bracket || has_devanagari(words[i].text) || !is_capitalised(words[i].text) {
            continue;
        }
        // The Latin run inside the brackets.
        let mut j = i + 1;
        while j < words.len()
            && adjacent(text, &words[j - 1], &words[j])
            && !has_devanagari(words[j].text)
        {
            j += 1;
        }
        if !text[words[j - 1].end..].starts_with(')') {
            continue;
        }
        // The Devanagari name words before the bracket.
        let mut k = i;
        while k > 0
            && i - k < 4
            && has_devanagari(words[k - 1].text)
            && (k == i || adjacent(text, &words[k - 1], &words[k]))
            && is_name_word(t, k - 1)
        {
            k -= 1;
        }
        if k == i {
            continue;
        }
        let latin_kind = (i..j).rev().find_map(|x| t.suffix(x)).map(|(s, _)| s.kind);
        let after_kind = words.get(j).and_then(|_| t.suffix(j)).map(|(s, _)| s.kind);
        let kind = latin_kind.or(after_kind).unwrap_or(if j - i >= 2 {
            ActorKind::Person
        } else {
            ActorKind::Place
        });
        for range in [
            Range::new(words[k].start, words[i - 1].end),
            Range::new(words[i].start, words[j - 1].end),
        ] {
            found.push(Found {
                range,
                kind,
                strong: true,
                english: None,
            });
        }
    }
}

/// The Hindi case markers that follow a sentence's agent.
const AGENT_MARKER: &str = "ने";

#[inline(never)]
fn marked_persons(t: &Sentence, found: &mut Vec<Found>) {
    let (text, words) = (t.text, t.words);
    for i in 2..words.len() {
        if words[i].text != AGENT_MARKER {
            continue;
        }
        let mut k = i;
        while k > 0
            && i - k < 3
            && adjacent(text, &words[k - 1], &words[k])
            && has_devanagari(words[k - 1].text)
            && is_name_word(t, k - 1)
        {
            k -= 1;
        }
        if i - k >= 2 {
            let k = with_initials(t, k);
            found.push(Found {
                range: Range::new(words[k].start, words[i - 1].end),
                kind: ActorKind::Person,
                strong: false,
                english: None,
            });
        }
    }
}

/// Words that may join capitalised words inside one English name.
const CONNECTORS: [&str; 8] = ["of", "de", "van", "von", "al", "bin", "der", "la"];
/// Words before a place name.
const PLACE_PREPOSITIONS: [&str; 6] = ["in", "at", "near", "from", "to", "across"];

/// Whether `word` is one of [`PLACE_PREPOSITIONS`] in any case ("In", "AT").
fn is_place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether `a` and `b` are neighbours in a name: one space apart, or an initial and its full
/// stop before `b` ("M. Butcher", "J.R. Smith").
fn joins_name(text: &str, a: &Word, b: &Word) -> bool {
    if adjacent(text, a, b) {
        return true;
    }
    let gap = &text[a.end..b.start];
    let initial = a.text.len() <= 3 && a.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    initial && matches!(gap, "." | ". ")
}

/// A word written in capitals that may be an acronym: short, and not part of a line in capitals.
fn is_lone_acronym(words: &[Word], i: usize) -> bool {
    let caps = |k: usize| words.get(k).is_some_and(|w| is_all_caps(w.text));
    words[i].text.chars().count() <= 5 && !(i > 0 && caps(i - 1)) && !caps(i + 1)
}

fn capitalised_runs(t: &Sentence, found: &mut Vec<Found>) {
    let (lex, text, words) = (t.lex, t.text, t.words);
    if words.iter().all(|w| has_devanagari(w.text)) {
        return;
    }
    // Most words are told by their first byte (a small letter, a Devanagari letter), before
    // they are searched for Devanagari (none in an ASCII sentence).
    let starts_run = |i: usize| {
        let w = words[i].text;
        is_capitalised(w)
            && (t.ascii || !has_devanagari(w))
            && (!is_all_caps(w) || is_lone_acronym(words, i))
            && t.title(i).is_none()
    };
    let mut i = 0;
    while i < words.len() {
        // Most words open with a small or a Devanagari letter: told without the closure's call.
        if !is_capitalised(words[i].text) || !starts_run(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // "Douglas & Lomason", "Marks & Spencer": partners' names make a firm.
        let mut firm = false;
        while j < words.len() {
            if &text[words[j - 1].end..words[j].start] == " & " && starts_run(j) {
                firm = true;
                j += 1;
                continue;
            }
            if !joins_name(text, &words[j - 1], &words[j]) {
                break;
            }
            let next = words[j].text;
            if starts_run(j) {
                j += 1;
            } else if CONNECTORS.contains(&next)
                && words.get(j + 1).is_some_and(|n| is_capitalised(n.text))
                && adjacent(text, &words[j], &words[j + 1])
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut s = i;
        // Drop leading common words ("The", "But", "Monday") from the run, and trailing ones
        // ("Durham May 22" names Durham).
        while s < j && lex.is_common(words[s].text) {
            s += 1;
        }
        while j > s + 1 && lex.is_common(words[j - 1].text) {
            j -= 1;
        }
        // "Shares of Douglas & Lomason": an ordinary word and "of" before a name are not part
        // of it, unless the word heads a name ("Bank of England", "Republic of Ireland").
        if j - s >= 3
            && words[s + 1].text == "of"
            && lex.is_english_word(words[s].text)
            && lex.opener(words[s].text).is_none()
            && t.suffix(s).is_none()
            && t.title(s).is_none()
        {
            s += 2;
        }
        // Letters alone ("W L" over a table) are headings or initials, not a name.
        if words[s..j].iter().all(|w| w.text.chars().count() < 2) {
            i = j.max(i + 1);
            continue;
        }
        // A lone ordinary word ("Attendance", "Results") is a heading or a sentence start, and a
        // lone letter is an initial or a list marker.
        let lone_word = j - s == 1
            && (words[s].text.chars().count() < 2 || lex.is_english_word(words[s].text))
            && !(is_capitalised(words[s].text)
                && words[s].text.chars().count() > 2
                && plays_as_team(lex, text, Range::new(words[s].start, words[s].end)));
        if s < j && !lone_word {
            let kind = if firm
                && crate::scan::contains_str(&text[words[s].start..words[j - 1].end], " & ")
            {
                ActorKind::Organization
            } else {
                run_kind(t, s, j)
            };
            found.push(Found {
                range: Range::new(words[s].start, words[j - 1].end),
                kind,
                strong: false,
                english: None,
            });
        }
        i = j;
    }
}

/// Byte bounds of at most `before` characters before `range` and `after` characters after
/// it, on its line: looking around a name costs the same however long the line is.
fn window(text: &str, range: Range, before: usize, after: usize) -> (usize, usize) {
    // Characters are counted by their first bytes, none decoded: a line feed is one byte, and
    // no other character has that byte. Most text around a name is ASCII: eight bytes with no
    // line feed are eight characters, stepped over at once.
    use crate::scan::{bytes_equal, eight, is_ascii};
    let bytes = text.as_bytes();
    let plain = |w: u64| is_ascii(w) && bytes_equal(w, b'\n') == 0;
    let mut end = range.end;
    let mut n = 0;
    while n < after {
        if n + 8 <= after && eight(bytes, end).is_some_and(plain) {
            end += 8;
            n += 8;
            continue;
        }
        match bytes.get(end) {
            Some(b'\n') | None => break,
            Some(&b) => end += crate::chars::utf8_len(b),
        }
        n += 1;
    }
    let mut start = range.start;
    let mut n = 0;
    while n < before && start > 0 {
        if n + 8 <= before && start >= 8 && eight(bytes, start - 8).is_some_and(plain) {
            start -= 8;
            n += 8;
            continue;
        }
        let mut at = start - 1;
        while at > 0 && bytes[at] & 0xC0 == 0x80 {
            at -= 1;
        }
        if bytes[at] == b'\n' {
            break;
        }
        start = at;
        n += 1;
    }
    (start, end)
}

/// Whether the name at `range` of `text` stands in a line of results, score against score:
/// "Port Vale 2 Leyton Orient 1" — a number of one digit between it and another
/// capitalised name that a number follows, or a name and a number before it and a number after.
pub fn in_result_line(text: &str, range: Range) -> bool {
    // The score after is one space and a digit on: most names are told from two bytes.
    if !text.as_bytes()[range.end..].starts_with(b" ")
        || !text
            .as_bytes()
            .get(range.end + 1)
            .is_some_and(u8::is_ascii_digit)
    {
        return false;
    }
    let (before_start, after_end) = window(text, range, 30, 60);
    let after = words(text, range.end, after_end);
    let before = words(text, before_start, range.start);
    // One digit: "62 Nolan Henke 64" is a golf leaderboard of players.
    let score = |w: &Word| w.text.len() == 1 && w.text.chars().all(|c| c.is_ascii_digit());
    let spaced = |a: usize, b: usize| &text[a..b] == " ";
    let score_after = after
        .first()
        .is_some_and(|w| score(w) && spaced(range.end, w.start));
    if !score_after {
        return false;
    }
    // A name and its score before: "... Port Vale 2 |Leyton Orient| 1".
    let n = before.len();
    if n >= 2
        && score(&before[n - 1])
        && spaced(before[n - 1].end, range.start)
        && is_capitalised(before[n - 2].text)
        && spaced(before[n - 2].end, before[n - 1].start)
    {
        return true;
    }
    // Another name and its score after: "|Port Vale| 2 Leyton Orient 1".
    let mut k = 1;
    while k < after.len() && k <= 4 && spaced(after[k - 1].end, after[k].start) {
        if score(&after[k]) {
            return k > 1;
        }
        if !is_capitalised(after[k].text) {
            return false;
        }
        k += 1;
    }
    false
}

/// Whether the name at `range` of `text` names a setting rather than a side: it follows a place
/// preposition ("in Atlantic City") or opens a dateline ("NEW YORK 1996-08-30").
pub fn names_setting(text: &str, range: Range) -> bool {
    let before = text[..range.start].trim_end_matches(' ');
    let prev = crate::scan::after_last(before, |c| !crate::chars::is_alphanumeric(c));
    let after = text[range.end..].trim_start_matches(&[' ', ','][..]);
    let date = after.len() > 5
        && after.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && after.as_bytes()[4] == b'-';
    is_place_preposition(prev) || date
}

/// Whether the name at `range` of `text` plays as a sports team in its sentence: a versus word
/// or a result verb next to it ("Surrey v Kent", "beat Somerset"), or a score right after it
/// ("Somerset 83 and 174", "Kent 108-3", "Leeds 22 points") — a number of up to three digits
/// not followed by an ordinary word ("Paris 2 days" is no score).
pub fn plays_as_team(lex: &Lexicon, text: &str, range: Range) -> bool {
    // A few words either side are enough (and keep the test short). Of the words before only the
    // last is asked about, of those after the first three: none is listed. Only a word one space
    // from the name counts, so a side without that space is not read.
    let spaced = |at: usize| text.as_bytes().get(at) == Some(&b' ');
    let before_chars = if range.start > 0 && spaced(range.start - 1) {
        20
    } else {
        0
    };
    let after_chars = if spaced(range.end) { 40 } else { 0 };
    if before_chars == 0 && after_chars == 0 {
        return false;
    }
    let (before_start, after_end) = window(text, range, before_chars, after_chars);
    let mut before = None;
    each_word(text, before_start, range.start, |w| {
        before = Some(w);
        true
    });
    let mut after = [None; 3];
    let mut n = 0;
    each_word(text, range.end, after_end, |w| {
        if let Some(slot) = after.get_mut(n) {
            *slot = Some(w);
            n += 1;
        }
        n < after.len()
    });
    let [first, second, third] = after;
    let role =
        |w: Option<Word>, gap_ok: bool| w.filter(|_| gap_ok).and_then(|w| lex.team_role(w.text));
    let next_gap = first.is_some_and(|w| &text[range.end..w.start] == " ");
    let prev_gap = before.is_some_and(|w| &text[w.end..range.start] == " ");
    // "in Salzburg 3-2": the place where a match was played.
    if prev_gap && before.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w.text)) {
        return false;
    }
    if matches!(
        role(first, next_gap),
        Some(TeamRole::Versus | TeamRole::Result)
    ) || matches!(
        role(before, prev_gap),
        Some(TeamRole::Versus | TeamRole::Result)
    ) {
        return true;
    }
    let Some(number) = first.filter(|_| next_gap) else {
        return false;
    };
    if number.text.len() > 3 || !number.text.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // "12,000" and "2.5" are amounts, not scores; "10-0-41-2" is a player's figures.
    let mut rest = text[number.end..].chars();
    if matches!(rest.next(), Some(',' | '.')) && rest.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let dashed = |a: Option<Word>, b: Option<Word>| {
        a.zip(b).is_some_and(|(a, b)| {
            &text[a.end..b.start] == "-" && b.text.chars().all(|c| c.is_ascii_digit())
        })
    };
    if dashed(first, second) && dashed(second, third) {
        return false;
    }
    match second {
        Some(w) if text[number.end..w.start].trim().is_empty() => {
            !w.text.first_is(|c: char| c.is_ascii_lowercase())
                || lex.team_role(w.text) == Some(TeamRole::Score)
        }
        _ => true,
    }
}

fn run_kind(t: &Sentence, s: usize, e: usize) -> ActorKind {
    let (text, words) = (t.text, t.words);
    if let Some((suffix, _)) = (s..e).rev().find_map(|k| t.suffix(k)) {
        return suffix.kind;
    }
    // A name followed by a score, or after "v"/"vs", is a team: "Wigan 4", "v Hampshire".
    let score_after = e - s == 1
        && words.get(e).is_some_and(|w| {
            w.text.len() <= 3
                && w.text.chars().all(|c| c.is_ascii_digit())
                && adjacent(text, &words[e - 1], w)
        });
    let versus_before = s > 0 && matches!(words[s - 1].text, "v" | "vs" | "versus");
    if score_after || versus_before {
        return ActorKind::Organization;
    }
    // A word in capitals before a date opens a dateline: "BONN 1996-08-22".
    let date_after = words.get(e).is_some_and(|w| {
        w.text.chars().all(|c| c.is_ascii_digit()) && text[w.end..].starts_with('-')
    });
    if e - s == 1 && is_all_caps(words[s].text) {
        return if date_after {
            ActorKind::Place
        } else {
            ActorKind::Organization
        };
    }
    let before = (s > 0).then(|| words[s - 1].text);
    // "in Tunbridge Wells", "from Leeds"; but "from Tony Adams", "to Mike Tyson": a name of
    // several words after "from" or "to" is as often a person's.
    if before.is_some_and(|b| {
        is_place_preposition(b)
            && (e - s == 1 || !(b.eq_ignore_ascii_case("from") || b.eq_ignore_ascii_case("to")))
    }) {
        return ActorKind::Place;
    }

    // A lone unknown word is more often a place than a person: people are introduced by their
    // full name, and a later surname joins that person when actors are merged.
    let said_after = words
        .get(e)
        .is_some_and(|w| matches!(w.text, "said" | "says" | "told" | "added" | "argued"));
    // "said Washington", "Duran, 45, takes": a speaker, an age.
    let said_before = s > 0 && matches!(words[s - 1].text, "said" | "says" | "told");
    let age_after = words.get(e).is_some_and(|w| {
        text[words[e - 1].end..w.start].trim() == ","
            && (1..=3).contains(&w.text.len())
            && w.text.chars().all(|c| c.is_ascii_digit())
            && text[w.end..].trim_start().starts_with(',')
    });
    if e - s == 1 && !said_after && !said_before && !age_after {
        return ActorKind::Place;
    }
    ActorKind::Person
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_counts_characters_not_bytes_and_stops_at_a_line_feed() {
        for text in [
            "ab\nकि Ωx😀 Name रूस 😀y\nz",
            "ab\ncd ef Name gh ij\nz",
            "ab\nsome words before a Name and words after it\nz",
            "रूस ab cd ef gh Name ij kl mn op रूस",
            "Name",
        ] {
            let start = text.find("Name").unwrap();
            let range = Range::new(start, start + 4);
            // Character by character, as the bytes are not.
            let by_chars = |before: usize, after: usize| {
                let mut end = range.end;
                for (i, c) in text[range.end..].char_indices().take(after) {
                    if c == '\n' {
                        break;
                    }
                    end = range.end + i + c.len_utf8();
                }
                let mut start = range.start;
                for (i, c) in text[..range.start].char_indices().rev().take(before) {
                    if c == '\n' {
                        break;
                    }
                    start = i;
                }
                (start, end)
            };
            for before in 0..40 {
                for after in 0..40 {
                    assert_eq!(
                        window(text, range, before, after),
                        by_chars(before, after),
                        "should take {before} characters before and {after} after, within the line"
                    );
                }
            }
        }
        assert!(
            is_all_caps("NEW") && !is_all_caps("New") && !is_all_caps("A") && is_all_caps("U.S"),
            "should tell words in capitals from their bytes"
        );
    }

    #[test]
    fn spells_in_letters_as_a_search_of_every_opening_does() {
        let lex = super::super::lexicon::builtin();
        // Every opening of every reachable offset, as the search first read them.
        let reference = |word: &str| {
            if word.len() > 64 || !word.first_is(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
                return false;
            }
            let mut letters = [None::<u8>; 65];
            letters[0] = Some(0);
            for at in 0..word.len() {
                let Some(n) = letters[at] else { continue };
                for end in at + 1..=(at + lex.longest_initial).min(word.len()) {
                    if word.is_char_boundary(end) && lex.initials.contains(&word[at..end]) {
                        let next = &mut letters[end];
                        *next = Some(next.map_or(n + 1, |m| m.min(n + 1)));
                    }
                }
            }
            letters[word.len()].is_some_and(|n| n >= 3)
        };
        let initials: Vec<&str> = lex.initials.iter().copied().collect();
        let mut words: Vec<String> = Vec::new();
        for a in &initials {
            for b in &initials {
                words.push(format!("{a}{b}"));
                words.push(format!("{a}{b}{a}"));
                words.push(format!("{a}{b}क"));
                words.push(format!("{a}x{b}{b}"));
            }
        }
        let sample = include_str!("../../samples/sample-hi-russia-north-korea.txt");
        words.extend(sample.split_whitespace().map(str::to_string));
        for word in &words {
            assert_eq!(
                spelled_in_letters(lex, word),
                reference(word),
                "should tell whether {word:?} is spelled in letters"
            );
        }
    }

    #[test]
    fn tells_capitals_as_the_standard_library_does() {
        for c in ('\0'..='\u{2FFF}').chain(['Ω', 'Ж', '😀']) {
            let word = format!("{c}x");
            assert_eq!(
                is_capitalised(&word),
                c.is_uppercase(),
                "should tell whether {word:?} opens with a capital"
            );
        }
    }
}
