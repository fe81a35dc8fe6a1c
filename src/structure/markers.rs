//! Markers: the language knowledge the structure stage uses, loaded once from the data files in
//! `data/structure/` (each states its sources in its header) and normalised the same way as the
//! text ([`crate::normalize`]), so that a marker written with a precomposed nukta letter still
//! matches text written with a decomposed one and the other way round.
//!
//! Lookups are by whole word or phrase: Latin letters compare without case, Devanagari as written.

use crate::scan::TextExt;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::data;
use crate::normalize::Normalized;

/// Where a read-also or promo phrase marks a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The phrase opens the block ("यह भी पढ़ें: …", "Read more: …").
    Start,
    /// The phrase closes the block ("… यहां पढ़ें").
    End,
    /// The phrase may stand anywhere in a short block or trailing sentence ("click here").
    Anywhere,
}

/// What kind of word an abbreviation is (see `data/structure/abbreviations.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Always followed by a name: never ends a sentence.
    Title,
    /// Usually not a sentence end.
    Word,
    /// A Devanagari letter name used as an initial.
    Letter { ambiguous: bool },
}

/// What kind of function word a word is (see `data/structure/function_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionWord {
    /// Cannot close a headline or a finished line (a postposition, conjunction, article).
    ClosesNothing,
    /// Carries no topic but may close a line.
    Stop,
    /// The Hindi auxiliary verb, which headlines drop.
    Auxiliary,
}

/// How a word that opens a sentence refers back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    Pronoun,
    Continuation,
    /// Only a common first word of an English sentence ("The").
    Start,
}

/// All markers, parsed once.
#[derive(Debug, Default)]
pub struct Markers {
    pub read_also: Vec<(String, Place)>,
    /// The read-also phrases that open a block, by their first character (lower case).
    pub starts_by_char: HashMap<char, Vec<Box<str>>>,
    /// The read-also phrases that close a block ("… यहां पढ़ें").
    pub ends: Vec<Box<str>>,
    /// The promo phrases that may stand anywhere.
    pub promos: FoldedPhrases,
    pub captions: HashSet<String>,
    /// The first word of each caption phrase.
    pub caption_starts: HashSet<String>,
    /// The first characters of [`Markers::caption_starts`] in ASCII (bit `c`) and Devanagari
    /// (bit `c - U+0900`): most words are told from them without a lookup.
    caption_first: (u128, u128),
    /// Bit [`pair_bit`] of the first two characters of each of [`Markers::caption_starts`]
    /// (a word of one character is looked up whatever its character).
    caption_pairs: Vec<u64>,
    /// What the word lists (abbreviations, function words, openers, agencies) and the page
    /// labels say of a key: one map of one type for all of them, so that the wasm carries the
    /// code of one map instead of five.
    words: HashMap<&'static str, Word>,
    pub places: HashMap<&'static str, ()>,
    /// Byline prefixes ("posted by", "रिपोर्ट"), folded.
    pub bylines: Vec<String>,
    /// The first characters of [`Markers::bylines`], or none when one of them is empty (then
    /// every text is compared).
    byline_firsts: Option<Vec<char>>,
}

/// What the marker lists say of one key (a word, or a folded page label).
#[derive(Debug, Default, Clone, Copy)]
struct Word {
    abbreviation: Option<Abbreviation>,
    /// Function words by kind.
    function_word: Option<FunctionWord>,
    opener: Option<Opener>,
    /// A news agency (`true`) or staff credit (`false`).
    agency: Option<bool>,
    /// A page label; `true` for advertisement slots.
    label: Option<bool>,
}

/// The markers, loaded on first use.
pub fn markers() -> &'static Markers {
    static MARKERS: OnceLock<Markers> = OnceLock::new();
    MARKERS.get_or_init(load)
}

/// The key a word or phrase is stored and looked up under: normalised, single spaces, Latin
/// letters in lower case.
pub fn key(text: &str) -> String {
    fold(&Normalized::new(text).text)
}

/// Text of the (already normalised) input folded for phrase matching: lower case, runs of white
/// space as one space.
pub fn fold(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // White space seen since the last character copied.
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        // Runs of ASCII letters and digits and Devanagari letters are copied whole (ASCII
        // lower-cased in place), other characters one by one.
        let (run_end, upper) = crate::chars::letter_run(bytes, at);
        let (c, len) = if run_end > at {
            (None, run_end - at)
        } else {
            let (c, len) = crate::chars::char_at(text, at);
            (Some(c), len)
        };
        if c.is_some_and(char::is_whitespace) {
            space = true;
            at += len;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match c {
            None => {
                let from = out.len();
                out.push_str(&text[at..run_end]);
                if upper {
                    out[from..].make_ascii_lowercase();
                }
            }
            Some(c) => crate::normalize::push_lowercase(&mut out, c),
        }
        at += len;
    }
    out
}

/// Phrases looked for in a text as [`fold`] gives it, read from the text itself: folding a whole
/// sentence to look for a few phrases cost more than the search. Bytes that open no phrase are
/// passed over by a table; at the others, two ASCII bytes are told by a table of the pairs that
/// open a phrase, and other places by a table of bits of each phrase's first two characters;
/// the phrases that open with the character are then compared.
#[derive(Debug)]
pub struct FoldedPhrases {
    /// The phrases that are their own fold, by their first character.
    plain_by_first: HashMap<char, Vec<Box<str>>>,
    /// The others (with capitals, or white space other than single spaces), by their first
    /// character.
    by_first: HashMap<char, Vec<Box<str>>>,
    /// Per byte that opens a character: whether a phrase may open there. An ASCII character
    /// whose lower case opens a phrase; white space, when a phrase opens with a space; every
    /// character beyond ASCII (a Devanagari one is then told from `devanagari_first`).
    opens: [bool; 256],
    /// Per [`ascii_key`] of an ASCII byte, the keys of the ASCII bytes after it (a bit each) with
    /// which the two may fold to a phrase's first two characters (all after a phrase's only
    /// character): most pairs of bytes in Latin text are passed over by it, without folding
    /// them.
    ascii_pairs: [u64; 64],
    /// Per Devanagari character (U+0900 + index): whether a phrase opens with it.
    devanagari_first: [bool; 128],
    /// Bit [`pair_bit`] of the first two characters of each phrase, and whether every phrase
    /// has two.
    pairs: Vec<u64>,
    all_pairs: bool,
    /// Bit [`triple_bit`] of the first three characters of each phrase, and whether every
    /// phrase has three: most pairs that open a phrase ("fo", "on") open many words too.
    triples: Vec<u64>,
    all_triples: bool,
    /// An empty phrase occurs in every text.
    has_empty: bool,
}

impl Default for FoldedPhrases {
    fn default() -> Self {
        FoldedPhrases::new(&[])
    }
}

/// The bit of a phrase's first three characters in [`FoldedPhrases::triples`].
#[inline]
fn triple_bit(first: char, second: char, third: char) -> usize {
    let key = u32::from(first) << 16 ^ u32::from(second) << 8 ^ u32::from(third);
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The bit of a phrase's first two characters in [`FoldedPhrases::pairs`].
#[inline]
fn pair_bit(first: char, second: char) -> usize {
    ((u32::from(first) << 8 ^ u32::from(second)).wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl FoldedPhrases {
    /// Out of line: the default markers build an empty set too, and one copy is enough.
    #[inline(never)]
    pub fn new(phrases: &[&str]) -> FoldedPhrases {
        let mut set = FoldedPhrases {
            plain_by_first: HashMap::default(),
            by_first: HashMap::default(),
            opens: [false; 256],
            ascii_pairs: [0; 64],
            devanagari_first: [false; 128],
            pairs: vec![0; 64],
            all_pairs: true,
            triples: vec![0; 64],
            all_triples: true,
            has_empty: false,
        };
        // Every character beyond ASCII is looked at.
        set.opens[0xC0..].fill(true);
        for phrase in phrases {
            let mut chars = phrase.chars();
            let (first, second, third) = (chars.next(), chars.next(), chars.next());
            let Some(first) = first else {
                set.has_empty = true;
                continue;
            };
            // The keys of the ASCII bytes that may fold to `second` (all when there is none)
            // after those of each that may fold to `first`.
            let seconds = second.map_or(!0, ascii_keys_folding_to);
            let mut firsts = ascii_keys_folding_to(first);
            while firsts != 0 {
                set.ascii_pairs[firsts.trailing_zeros() as usize] |= seconds;
                firsts &= firsts - 1;
            }
            match second {
                Some(second) => {
                    let bit = pair_bit(first, second);
                    set.pairs[bit / 64] |= 1 << (bit % 64);
                }
                None => set.all_pairs = false,
            }
            match (second, third) {
                (Some(second), Some(third)) => {
                    let bit = triple_bit(first, second, third);
                    set.triples[bit / 64] |= 1 << (bit % 64);
                }
                _ => set.all_triples = false,
            }
            match u32::from(first) {
                // White space of every kind folds to the space.
                _ if first == ' ' => {
                    for b in 0..0x80u8 {
                        set.opens[usize::from(b)] |= char::from(b).is_whitespace();
                    }
                }
                // The ASCII characters whose lower case it is (U+212A, the Kelvin sign, is beyond
                // ASCII and looked at anyway).
                c @ 0..=0x7F => {
                    for b in 0..0x80u8 {
                        set.opens[usize::from(b)] |= u32::from(b.to_ascii_lowercase()) == c;
                    }
                }
                c @ 0x900..=0x97F => set.devanagari_first[(c - 0x900) as usize] = true,
                _ => {}
            }
            let by_first = if fold(phrase) == *phrase {
                &mut set.plain_by_first
            } else {
                &mut set.by_first
            };
            by_first.entry(first).or_default().push((*phrase).into());
        }
        set
    }

    /// Whether `fold(text)` holds one of the phrases, as a substring.
    pub fn in_folded(&self, text: &str) -> bool {
        if self.has_empty {
            return true;
        }
        let bytes = text.as_bytes();
        // White space before the first other character folds to nothing, after it to one space
        // when more follows.
        let lead = text.len() - text.trim_start().len();
        let mut at = 0;
        loop {
            while let Some(&b) = bytes.get(at) {
                if self.opens[usize::from(b)] {
                    break;
                }
                at += 1;
            }
            let Some(&b) = bytes.get(at) else {
                return false;
            };
            if b < 0x80 {
                // An ASCII character before another opens no phrase unless the two fold to the
                // first two characters of one.
                if let Some(&n) = bytes.get(at + 1).filter(|&&n| n < 0x80) {
                    if self.ascii_pairs[ascii_key(b)] >> ascii_key(n) & 1 == 0 {
                        at += 1;
                        continue;
                    }
                }
                let c = char::from(b);
                let first = if c.is_whitespace() {
                    ' '
                } else {
                    c.to_ascii_lowercase()
                };
                let found = (first != ' ' || at > lead)
                    && self.pair_may_open(bytes, at + 1, first)
                    && self.opens_at(text, at, 0, first);
                if found {
                    return true;
                }
                at += 1;
                continue;
            }
            if let Some(&[0xE0, b1 @ (0xA4 | 0xA5), b2]) = bytes.get(at..at + 3) {
                // Devanagari is its own lower case.
                let index = usize::from(b1 & 1) << 6 | usize::from(b2 & 0x3F);
                let c = char::from_u32(0x900 + index as u32).unwrap_or(' ');
                let found = self.devanagari_first[index]
                    && self.pair_may_open(bytes, at + 3, c)
                    && self.opens_at(text, at, 0, c);
                if found {
                    return true;
                }
                at += 3;
                continue;
            }
            let (c, len) = crate::chars::char_at(text, at);
            if c.is_whitespace() {
                if at > lead && self.opens[usize::from(b' ')] && self.opens_at(text, at, 0, ' ') {
                    return true;
                }
            } else {
                // A character whose lower case is two characters: a phrase may open with either.
                for (k, first) in crate::unicode::lower(c).enumerate() {
                    if self.opens_at(text, at, k, first) {
                        return true;
                    }
                }
            }
            at += len;
        }
    }

    /// Whether a phrase may open with `first` followed by the character at byte `next` and the
    /// one after it: false only when those are ASCII or Devanagari and no phrase opens with the
    /// two, or the three (white space reads as the space it may fold to; after white space the
    /// third is not looked at).
    #[inline]
    fn pair_may_open(&self, bytes: &[u8], next: usize, first: char) -> bool {
        if !self.all_pairs {
            return true;
        }
        let (second, len) = match own_fold_at(bytes, next) {
            Ok(second) => second,
            Err(may) => return may,
        };
        let bit = pair_bit(first, second);
        self.pairs[bit / 64] >> (bit % 64) & 1 == 1
            && (!self.all_triples
                || second == ' '
                || self.triple_may_open(bytes, next + len, first, second))
    }

    /// After a pair that opens a phrase ([`FoldedPhrases::pair_may_open`]), whether one opens
    /// with the three characters: out of line, as few pairs get here.
    #[inline(never)]
    fn triple_may_open(&self, bytes: &[u8], at: usize, first: char, second: char) -> bool {
        let third = match own_fold_at(bytes, at) {
            Ok((third, _)) => third,
            Err(may) => return may,
        };
        let bit = triple_bit(first, second, third);
        self.triples[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// Whether a phrase opens at character `k` of the folded text from byte `at`, `first`.
    fn opens_at(&self, text: &str, at: usize, k: usize, first: char) -> bool {
        let plain = self
            .plain_by_first
            .get(&first)
            .map_or(&[][..], Vec::as_slice);
        let others = self.by_first.get(&first).map_or(&[][..], Vec::as_slice);
        if plain.is_empty() && others.is_empty() {
            return false;
        }
        // Plain phrases are compared with the bytes as they are, and read folded only when the
        // text parts from one at a character that folding may change.
        let raw = &text.as_bytes()[at..];
        let sure = |phrase: &str| {
            if k == 0 {
                compare_plain(raw, phrase.as_bytes())
            } else {
                None
            }
        };
        if plain.iter().any(|phrase| sure(phrase) == Some(true)) {
            return true;
        }
        if others.is_empty() && plain.iter().all(|phrase| sure(phrase).is_some()) {
            return false;
        }
        let mut after = Folded::new(&text[at..]);
        if after.nth(k) != Some(first) {
            return false;
        }
        let unsure = plain.iter().filter(|phrase| sure(phrase).is_none());
        unsure.chain(others).any(|phrase| {
            let mut rest = after.clone();
            phrase.chars().skip(1).all(|p| rest.next() == Some(p))
        })
    }
}

/// The key of an ASCII byte in [`FoldedPhrases::ascii_pairs`]: its low six bits, a letter's
/// the same as its capital's.
#[inline]
fn ascii_key(b: u8) -> usize {
    usize::from((b | 0x20) & 63)
}

/// The keys ([`ascii_key`]) of the ASCII bytes that fold to `c`, a bit each: of the white space
/// bytes for the space, of `c` for another ASCII character.
fn ascii_keys_folding_to(c: char) -> u64 {
    match u8::try_from(c) {
        Ok(b' ') => b" \t\n\x0B\x0C\r"
            .iter()
            .fold(0, |keys, &b| keys | 1 << ascii_key(b)),
        Ok(b) if b.is_ascii() => 1 << ascii_key(b),
        _ => 0,
    }
}

/// The character at byte `at` as folding leaves it, with its length, when it is ASCII (white
/// space reads as the space it may fold to) or Devanagari; else whether a phrase may go on
/// there: `Err(false)` at the end of the text (no phrase of more characters fits), `Err(true)`
/// at another character.
#[inline]
fn own_fold_at(bytes: &[u8], at: usize) -> Result<(char, usize), bool> {
    match bytes.get(at..) {
        Some([b, ..]) if *b < 0x80 => {
            let c = char::from(*b);
            Ok((
                if c.is_whitespace() {
                    ' '
                } else {
                    c.to_ascii_lowercase()
                },
                1,
            ))
        }
        Some([0xE0, b @ (0xA4 | 0xA5), low, ..]) => {
            let c = 0x900 | u32::from(b & 1) << 6 | u32::from(low & 0x3F);
            Ok((char::from_u32(c).unwrap_or(' '), 3))
        }
        Some([]) | None => Err(false),
        Some(_) => Err(true),
    }
}

/// Whether the folded text from `raw` opens with `phrase`, a phrase that is its own fold, told
/// from the bytes as they are: `Some(true)` when the text opens with the phrase, `Some(false)`
/// when they part at a character that is its own fold (ASCII but a capital or white space, or
/// Devanagari) or the text ends, `None` when they part at a character that folding may change.
#[inline]
fn compare_plain(raw: &[u8], phrase: &[u8]) -> Option<bool> {
    let same = raw.iter().zip(phrase).take_while(|(a, b)| a == b).count();
    if same == phrase.len() {
        return Some(true);
    }
    // The character of the text where they part opens where a character of the phrase does.
    let mut start = same;
    while start > 0 && raw.get(start).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
        start -= 1;
    }
    match raw.get(start..) {
        Some([]) | None => Some(false),
        Some([b, ..]) if b.is_ascii() => {
            (!b.is_ascii_uppercase() && !char::from(*b).is_whitespace()).then_some(false)
        }
        Some([0xE0, 0xA4 | 0xA5, ..]) => Some(false),
        Some(_) => None,
    }
}

/// The characters of [`fold`] of a text that opens with no white space, or of the part of a
/// folded text after a character (white space there reads as the one space it folds to).
#[derive(Clone)]
struct Folded<'a> {
    chars: std::str::Chars<'a>,
    /// A character read after a run of white space, to be lower-cased next.
    next_raw: Option<char>,
    /// The second character of a lower case of two.
    second: Option<char>,
}

impl<'a> Folded<'a> {
    fn new(text: &'a str) -> Folded<'a> {
        Folded {
            chars: text.chars(),
            next_raw: None,
            second: None,
        }
    }
}

impl Iterator for Folded<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.second.take() {
            return Some(c);
        }
        let c = match self.next_raw.take() {
            Some(c) => c,
            None => {
                let c = self.chars.next()?;
                if c.is_whitespace() {
                    // One space, when a character follows the run; none at the end.
                    self.next_raw = Some(self.chars.find(|c| !c.is_whitespace())?);
                    return Some(' ');
                }
                c
            }
        };
        let mut lower = crate::unicode::lower(c);
        let first = lower.next();
        self.second = lower.next();
        first
    }
}

/// The key of a word of the (already normalised) text: lower case, borrowed when it is already.
pub fn word_key(word: &str) -> Cow<'_, str> {
    // Most words are one run of ASCII letters and digits or of Devanagari letters and signs
    // (whose only capitals are ASCII ones): told from the bytes, without decoding characters.
    let (run_end, upper) = crate::chars::letter_run(word.as_bytes(), 0);
    if run_end == word.len() && !upper {
        Cow::Borrowed(word)
    } else if run_end == word.len() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        word_key_by_chars(word)
    }
}

/// [`word_key`] without its fast path for runs of letters: ASCII by its bytes, other words by
/// their characters.
fn word_key_by_chars(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(crate::normalize::is_uppercase) {
        Cow::Owned(word.chars().flat_map(crate::unicode::lower).collect())
    } else {
        Cow::Borrowed(word)
    }
}

/// The first two cells, trimmed, of each row of a data file ([`data::text`] has no comment or
/// blank lines): all that the lists say, read by [`data::each_row`] without a Vec per row.
/// `build.rs` stores each row's first cell as its [`key`].
fn rows(text: &'static str) -> Vec<(&'static str, Option<&'static str>)> {
    let mut rows = Vec::new();
    data::each_row(text, &mut Vec::new(), &mut |cols| {
        if let [key, rest @ ..] = cols {
            rows.push((key.trim(), rest.first().map(|cell| cell.trim())));
        }
    });
    rows
}

fn load() -> Markers {
    let mut m = Markers::default();
    for (key, second) in rows(data::text(data::STRUCTURE_READ_ALSO)) {
        let place = match second {
            Some("start") => Place::Start,
            Some("end") => Place::End,
            _ => Place::Anywhere,
        };
        m.read_also.push((key.to_string(), place));
    }
    // Longer phrases first, so that "यह भी पढ़ें" wins over "पढ़ें:".
    crate::sort::by_key(&mut m.read_also, |(phrase, _)| {
        std::cmp::Reverse(phrase.len())
    });
    for (phrase, place) in &m.read_also {
        if *place == Place::End {
            m.ends.push(phrase.as_str().into());
        }
        if let (Place::Start, Some(first)) = (place, phrase.chars().next()) {
            m.starts_by_char
                .entry(first)
                .or_default()
                .push(phrase.as_str().into());
        }
    }
    let promos: Vec<&str> = m
        .read_also
        .iter()
        .filter(|(_, place)| *place == Place::Anywhere)
        .map(|(phrase, _)| phrase.as_str())
        .collect();
    m.promos = FoldedPhrases::new(&promos);
    for (key, second) in rows(data::text(data::STRUCTURE_DATELINES)) {
        match second {
            Some("byline") => m.bylines.push(key.to_string()),
            kind => {
                m.words.entry(key).or_default().agency = Some(kind == Some("agency"));
            }
        }
    }
    crate::sort::by_key(&mut m.bylines, |b| std::cmp::Reverse(b.len()));
    m.byline_firsts = m
        .bylines
        .iter()
        .map(|b| b.chars().next())
        .collect::<Option<Vec<char>>>();
    for (key, second) in rows(data::text(data::STRUCTURE_PAGE_LABELS)) {
        m.words.entry(key).or_default().label = Some(second == Some("advert"));
    }
    m.captions = rows(data::text(data::STRUCTURE_CAPTIONS))
        .into_iter()
        .map(|(key, _)| key.to_string())
        .collect();
    m.caption_starts = m
        .captions
        .iter()
        .filter_map(|c| c.split(' ').next())
        .map(str::to_string)
        .collect();
    m.caption_pairs = vec![0; 64];
    for start in &m.caption_starts {
        match start.chars().next().map(u32::from) {
            Some(c @ 0..=0x7F) => m.caption_first.0 |= 1 << c,
            Some(c @ 0x900..=0x97F) => m.caption_first.1 |= 1 << (c - 0x900),
            _ => {}
        }
        let mut chars = start.chars();
        if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
            let bit = pair_bit(first, second);
            m.caption_pairs[bit / 64] |= 1 << (bit % 64);
        }
    }
    for (key, second) in rows(data::text(data::STRUCTURE_ABBREVIATIONS)) {
        let kind = match second {
            Some("title") => Abbreviation::Title,
            Some("letter") => Abbreviation::Letter { ambiguous: false },
            Some("letter-ambiguous") => Abbreviation::Letter { ambiguous: true },
            _ => Abbreviation::Word,
        };
        m.words.entry(key).or_default().abbreviation = Some(kind);
    }
    for (key, second) in rows(data::text(data::STRUCTURE_FUNCTION_WORDS)) {
        let kind = match second {
            Some("stop") => FunctionWord::Stop,
            Some("auxiliary") => FunctionWord::Auxiliary,
            _ => FunctionWord::ClosesNothing,
        };
        m.words.entry(key).or_default().function_word = Some(kind);
    }
    for (key, second) in rows(data::text(data::STRUCTURE_OPENERS)) {
        let kind = match second {
            Some("continuation") => Opener::Continuation,
            Some("start") => Opener::Start,
            _ => Opener::Pronoun,
        };
        m.words.entry(key).or_default().opener = Some(kind);
    }
    for (key, _) in rows(data::text(data::STRUCTURE_DATELINE_PLACES)) {
        m.places.insert(key, ());
    }
    m
}

/// Whether `c` belongs to no word: the pattern that trims a text to its words. (One function
/// for every such trim: each closure would be a pattern type of its own, its own copy of the
/// trimming code.)
#[inline]
pub fn is_not_word_char(c: char) -> bool {
    !is_word_char(c)
}

/// Whether `c` belongs to a word: a letter, a digit or a combining mark (Devanagari vowel signs,
/// virama and nukta are marks).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // Devanagari: everything but the dandas and the abbreviation sign is letter, mark or digit.
        '\u{0900}'..='\u{097F}' => !matches!(c, '।' | '॥' | '॰'),
        _ => crate::chars::is_alphanumeric(c) || crate::unicode::is_combining_mark(c),
    }
}

/// The words of `text` with the punctuation around them stripped, as byte ranges of `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        next_word(text, &mut at).map(|(start, end, _)| (start, &text[start..end]))
    })
}

/// [`words`] of `text` with their [`word_key`]s: most words are one run of letters without a
/// capital, their own key, which [`next_word`] tells as it reads them (not `word_key` again).
pub fn keyed_words(text: &str) -> impl Iterator<Item = (&str, Cow<'_, str>)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, end, plain) = next_word(text, &mut at)?;
        let word = &text[start..end];
        Some((
            word,
            if plain {
                Cow::Borrowed(word)
            } else {
                word_key(word)
            },
        ))
    })
}

/// [`words`] of `text`, the first of them written into `listed` (as many as fit), and how many
/// there are: a block's shape asks only these, and reads every block, so its words are read in
/// one loop instead of a call each.
pub fn list_words<'a>(text: &'a str, listed: &mut [(usize, &'a str)]) -> usize {
    let (mut at, mut count) = (0, 0);
    while let Some((start, end, _)) = next_word(text, &mut at) {
        if let Some(slot) = listed.get_mut(count) {
            *slot = (start, &text[start..end]);
        }
        count += 1;
    }
    count
}

/// The next of [`words`] of `text` from byte `at`, and `at` moved past it: each piece between
/// white space, from its first to its last word character; runs of letters
/// ([`crate::chars::letter_run`]) are read a run at a time. The third value says whether the
/// word is one run without an ASCII capital (so its own [`word_key`]).
#[inline(always)]
fn next_word(text: &str, at: &mut usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    loop {
        let mut word: Option<(usize, usize)> = None;
        let mut plain = false;
        let mut in_piece = false;
        while *at < bytes.len() {
            let (run_end, upper) = crate::chars::letter_run(bytes, *at);
            if run_end > *at {
                plain = word.is_none() && !upper;
                word = Some((word.map_or(*at, |(start, _)| start), run_end));
                in_piece = true;
                *at = run_end;
                // A space after the run ends the piece (most words end so).
                if bytes.get(*at) == Some(&b' ') {
                    *at += 1;
                    break;
                }
                continue;
            }
            let (c, len) = crate::chars::char_at(text, *at);
            if c.is_whitespace() {
                if in_piece {
                    // The next piece starts after this white space.
                    *at += len;
                    break;
                }
            } else {
                in_piece = true;
                if is_word_char(c) {
                    plain = false;
                    word = Some((word.map_or(*at, |(start, _)| start), *at + len));
                }
            }
            *at += len;
        }
        if let Some((start, end)) = word {
            return Some((start, end, plain));
        }
        if *at >= bytes.len() {
            return None;
        }
    }
}

impl Markers {
    /// Whether a word that opens with `first` may be a [`Markers::caption_starts`] word (then
    /// it is looked up): by the first characters of those words in ASCII (without case) and
    /// Devanagari; a word that opens with another character may.
    pub fn may_start_caption(&self, first: char) -> bool {
        match u32::from(first.to_ascii_lowercase()) {
            c @ 0..=0x7F => self.caption_first.0 >> c & 1 == 1,
            c @ 0x900..=0x97F => self.caption_first.1 >> (c - 0x900) & 1 == 1,
            _ => true,
        }
    }

    /// Whether `word` may be one of [`Markers::caption_starts`] by its first two characters (in
    /// lower case): false only when both are ASCII or Devanagari and no caption word opens with
    /// the two, or when the word is empty.
    pub fn may_open_caption_word(&self, word: &str) -> bool {
        let own_lower = |c: char| match c {
            _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
            '\u{0900}'..='\u{097F}' => Some(c),
            _ => None,
        };
        if word.is_empty() {
            return false;
        }
        let (first, len) = crate::chars::char_at(word, 0);
        if len == word.len() {
            return true;
        }
        let (second, _) = crate::chars::char_at(word, len);
        let (Some(first), Some(second)) = (own_lower(first), own_lower(second)) else {
            return true;
        };
        let bit = pair_bit(first, second);
        self.caption_pairs
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 == 1)
    }

    /// What the lists say of `word`, looked up by its [`word_key`]: a short ASCII word with
    /// capitals is lower-cased on the stack (a lookup needs no key of its own).
    fn word(&self, word: &str) -> Option<&Word> {
        let mut stack = [0u8; 32];
        // Most words are one run of ASCII letters and digits or of Devanagari ([`word_key`]'s
        // fast path), most of those without a capital: their own key, looked up as they are (a
        // Devanagari word is not checked for ASCII, then read again by `word_key`).
        let (run_end, upper) = crate::chars::letter_run(word.as_bytes(), 0);
        if run_end == word.len() && !upper {
            return self.words.get(word);
        }
        match crate::chars::ascii_lowercase_in(word, &mut stack) {
            Some(key) => self.words.get(key),
            None => self.words.get(word_key(word).as_ref()),
        }
    }

    /// Whether `word` cannot close a headline or a finished line ("के", "और", "the").
    pub fn is_function_word(&self, word: &str) -> bool {
        self.word(word)
            .is_some_and(|w| w.function_word == Some(FunctionWord::ClosesNothing))
    }

    /// Whether `word` is the Hindi auxiliary verb ("है", "था").
    pub fn is_auxiliary(&self, word: &str) -> bool {
        self.word(word)
            .is_some_and(|w| w.function_word == Some(FunctionWord::Auxiliary))
    }

    /// Whether `word` carries no topic of its own (function words, auxiliaries, light verbs).
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.word(word).is_some_and(|w| w.function_word.is_some())
    }

    /// The kind of function word of a word's [`word_key`], if it is one.
    pub fn function_word(&self, key: &str) -> Option<FunctionWord> {
        self.words.get(key)?.function_word
    }

    /// Whether `word` opens running text that refers back (a pronoun subject or a conjunction).
    pub fn refers_back(&self, word: &str) -> bool {
        matches!(
            self.opener(word),
            Some(Opener::Pronoun | Opener::Continuation)
        )
    }

    pub fn opener(&self, word: &str) -> Option<Opener> {
        Self::opener_of(word, self.word(word)?)
    }

    fn opener_of(word: &str, entry: &Word) -> Option<Opener> {
        // Latin openers are capitalised words: "It" opens a sentence, "it" does not.
        let kind = entry.opener?;
        let latin = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        (!latin || word.chars().next().is_some_and(char::is_uppercase)).then_some(kind)
    }

    /// For a word of a line that may be a dateline, with one lookup: `None` when the word rules
    /// the line out ([`Markers::is_function_word`] or [`Markers::refers_back`]), else whether it
    /// is a news agency or staff credit ([`Markers::agency`]).
    pub fn dateline_word(&self, word: &str) -> Option<bool> {
        let Some(entry) = self.word(word) else {
            return Some(false);
        };
        let rules_out = entry.function_word == Some(FunctionWord::ClosesNothing)
            || matches!(
                Self::opener_of(word, entry),
                Some(Opener::Pronoun | Opener::Continuation)
            );
        (!rules_out).then_some(entry.agency.is_some())
    }

    pub fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        self.word(word)?.abbreviation
    }

    /// Whether `word` is a news agency or staff credit; `Some(true)` for an agency.
    pub fn agency(&self, word: &str) -> Option<bool> {
        self.word(word)?.agency
    }

    /// Whether `text` is a page label ("विज्ञापन", "हाइलाइट्स"): `Some(true)` for an advert slot.
    pub fn label(&self, text: &str) -> Option<bool> {
        let t = text.trim().trim_where(is_not_word_char);
        if t.len() > 40 {
            return None;
        }
        self.words.get(fold(t).as_str())?.label
    }

    /// Whether `text` opens with a byline prefix ("Posted By :", "रिपोर्ट:").
    pub fn opens_with_byline(&self, text: &str) -> bool {
        // The folded text opens with the lower case of the first character that is no white
        // space: most texts are told from it without folding their head.
        if let Some(firsts) = &self.byline_firsts {
            let first = text.trim_start().chars().next();
            match first.and_then(|c| crate::unicode::lower(c).next()) {
                Some(first) if firsts.contains(&first) => {}
                _ => return false,
            }
        }
        self.byline_in_head(text)
    }

    /// [`Markers::opens_with_byline`] without the test of the first character: folds the head.
    fn byline_in_head(&self, text: &str) -> bool {
        // The first 60 characters.
        let end = text.char_indices().nth(60).map_or(text.len(), |(at, _)| at);
        let head = fold(&text[..end]);
        self.bylines.iter().any(|b| {
            let Some(rest) = head.strip_prefix(b.as_str()) else {
                return false;
            };
            if !rest.starts_with(&[' ', ':', '-', '|'][..]) {
                return false;
            }
            // "Updated: …", "Updated 12 Mar …", "Posted By …", "By Jane Smith" — but not the
            // heading "Updated rules for schools".
            let rest = rest.trim_start();
            rest.starts_with(&[':', '-', '|'][..])
                || rest.chars().take(12).any(|c| c.is_ascii_digit())
                || b.ends_with("by") && !rest.is_empty()
        })
    }

    /// Whether `name` (one or more words, single spaces) is a known dateline city.
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains_key(word_key(name).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_are_the_pieces_between_white_space_trimmed_to_word_characters() {
        let by_pieces = |text: &str| -> Vec<(usize, String)> {
            let base = text.as_ptr() as usize;
            text.split_whitespace()
                .filter_map(|piece| {
                    let start = piece.find(is_word_char)?;
                    let end = piece
                        .char_indices()
                        .rev()
                        .find(|&(_, c)| is_word_char(c))
                        .map(|(at, c)| at + c.len_utf8())?;
                    let at = piece.as_ptr() as usize - base + start;
                    Some((at, piece[start..end].to_string()))
                })
                .collect()
        };
        for text in [
            "",
            "   ",
            "“नमस्ते,” Mr. Smith!",
            "एक। दो॥ ॰ तीन॰ -- (फोटो : PTI)",
            "a\u{2028}b\u{00A0}c\u{3000}d\u{0085}e\tf\r\ng",
            "don't U.S.A's 3.5% e\u{0301}té 😀 ~~ x",
            "क़ि\u{094D}\u{200D}ष ५०",
            "ÉCOLE  Straße İstanbul ΣΑΣ",
        ] {
            let found: Vec<(usize, String)> =
                words(text).map(|(at, w)| (at, w.to_string())).collect();
            assert_eq!(found, by_pieces(text), "should read the words of {text:?}");
            let by_words: Vec<String> = text
                .split_whitespace()
                .map(|w| w.chars().flat_map(crate::unicode::lower).collect())
                .collect();
            assert_eq!(
                fold(text),
                by_words.join(" "),
                "should fold {text:?} to its lower-cased words"
            );
        }
    }

    #[test]
    fn caption_pairs_pass_every_caption_word() {
        let m = markers();
        for start in &m.caption_starts {
            let upper: String = start.chars().flat_map(char::to_uppercase).collect();
            for word in [start.as_str(), &upper] {
                assert!(m.may_open_caption_word(word), "should look up {word:?}");
            }
        }
        assert!(
            !m.may_open_caption_word("the") && !m.may_open_caption_word("सरकार"),
            "should pass over words that open no caption word"
        );
    }

    #[test]
    fn loads_every_file() {
        let m = markers();
        assert!(!m.read_also.is_empty(), "should load read-also markers");
        assert!(
            m.agency("भाषा") == Some(true),
            "should know the agency भाषा"
        );
        assert!(
            m.agency("pti") == Some(true),
            "should match agencies without case"
        );
        assert!(m.is_place("नई दिल्ली"), "should know नई दिल्ली");
        assert!(m.is_function_word("के"), "should know the postposition के");
        assert_eq!(
            m.abbreviation("डॉ"),
            Some(Abbreviation::Title),
            "should know डॉ as a title"
        );
        assert_eq!(
            m.opener("लेकिन"),
            Some(Opener::Continuation),
            "should know लेकिन"
        );
        assert_eq!(
            m.opener("it"),
            None,
            "should not take lower-case it as an opener"
        );
    }

    #[test]
    fn matches_either_nukta_form() {
        // The data writes पढ़ें with a precomposed ढ़ (U+095C) or a decomposed one; both match.
        let decomposed = key("पढ\u{093C}ें");
        let precomposed = key("पढ़ें");
        assert_eq!(decomposed, precomposed, "should key both nukta forms alike");
    }

    #[test]
    fn finds_words_without_punctuation() {
        let w: Vec<_> = words("“नमस्ते,” Mr. Smith!").map(|(_, w)| w).collect();
        assert_eq!(
            w,
            ["नमस्ते", "Mr", "Smith"],
            "should strip quotes and punctuation"
        );
    }

    /// Characters whose folds differ from them in every way [`fold`] knows: capitals, white space
    /// of several kinds, a capital whose lower case is two characters (U+0130) and one whose
    /// lower case is ASCII (the Kelvin sign), the mark U+0307 that opens the second, Devanagari;
    /// and "!", which shares the key of "a" in [`FoldedPhrases::ascii_pairs`].
    fn folding_char() -> impl Strategy<Value = char> {
        prop_oneof![
            proptest::char::range('a', 'c'),
            proptest::char::range('A', 'C'),
            Just('k'),
            Just('K'),
            Just('\u{212A}'),
            Just('i'),
            Just('\u{130}'),
            Just('\u{307}'),
            Just(' '),
            Just('\n'),
            Just('\t'),
            Just('!'),
            Just('\u{A0}'),
            Just('\u{2003}'),
            Just('क'),
            Just('ि'),
            Just('।'),
            Just('É'),
            Just('é'),
        ]
    }

    fn folding_text(most: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(folding_char(), 0..most).prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn folded_phrases_find_what_a_search_of_the_fold_finds(
            phrases in proptest::collection::vec(folding_text(4), 0..5),
            texts in proptest::collection::vec(folding_text(8), 1..8),
        ) {
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let set = FoldedPhrases::new(&refs);
            // Texts made of the phrases (and their capitals, and their spaces as tabs) and other
            // text, so that many hold one.
            let with_phrases = format!("{}{}{}", texts[0], phrases.join(" "), texts[0]);
            let upper = with_phrases.to_uppercase();
            let tabs = with_phrases.replace(' ', "\t");
            for text in texts.iter().chain([&texts.concat(), &with_phrases, &upper, &tabs]) {
                let folded = fold(text);
                prop_assert_eq!(
                    set.in_folded(text),
                    refs.iter().any(|p| folded.contains(p)),
                    "should find a phrase in {:?} as a search of its fold {:?} does",
                    text,
                    folded
                );
            }
        }
    }

    proptest! {
        #[test]
        fn word_key_reads_as_before(
            cs in proptest::collection::vec(
                prop_oneof![
                    folding_char(),
                    Just('7'), Just('.'), Just('-'), Just('॥'), Just('॰'), Just('ß'), Just('ǅ'),
                ],
                0..6,
            )
        ) {
            let word: String = cs.into_iter().collect();
            let (key, plain) = (word_key(&word), word_key_by_chars(&word));
            prop_assert_eq!(key.as_ref(), plain.as_ref(), "should key {:?} as before", word);
            prop_assert_eq!(
                matches!(key, Cow::Borrowed(_)),
                matches!(plain, Cow::Borrowed(_)),
                "should borrow {:?} as before", word
            );
        }
    }

    proptest! {
        #[test]
        fn keyed_words_are_the_words_with_their_keys(
            cs in proptest::collection::vec(
                prop_oneof![
                    folding_char(),
                    Just('7'), Just('.'), Just('-'), Just('॥'), Just('é'), Just('\''), Just('\n'),
                ],
                0..12,
            )
        ) {
            let text: String = cs.into_iter().collect();
            let keyed: Vec<(&str, Cow<str>)> = keyed_words(&text).collect();
            let plain: Vec<(&str, Cow<str>)> = words(&text).map(|(_, w)| (w, word_key(w))).collect();
            prop_assert_eq!(keyed, plain, "should read {:?} as words and word_key do", text);
        }
    }

    proptest! {
        #[test]
        fn opens_with_byline_answers_as_folding_the_head(
            lead in folding_text(3),
            byline in 0usize..6,
            rest in folding_text(8),
            digits in proptest::option::of(0u32..100),
        ) {
            let m = markers();
            let b = m.bylines.get(byline).map_or("", String::as_str);
            let text = format!("{lead}{}{rest}{}", b.to_uppercase(), digits.map_or(String::new(), |d| format!(": {d}")));
            prop_assert_eq!(
                m.opens_with_byline(&text),
                m.byline_in_head(&text),
                "should tell a byline in {:?} as folding the head does", text
            );
        }
    }

    #[test]
    fn finds_promo_phrases_in_any_case_and_spacing() {
        let promos = &markers().promos;
        assert!(
            promos.in_folded("Please  CLICK\nHere to read more."),
            "should find 'click here' across case and white space"
        );
        assert!(
            promos.in_folded("आप हमें फ़ेसबुक और ट्विटर पर फ़ॉलो भी कर सकते हैं."),
            "should find a Hindi promo"
        );
        assert!(
            !promos.in_folded("The council voted to follow the plan."),
            "should find no promo in a plain sentence"
        );
    }
}
