//! The compiled lexicon: names of countries, places, organisations and people, their demonyms,
//! the titles and suffixes that patterns use, and the common words that are never names.
//!
//! Every table lives in `data/lexicon/*.tsv` (each file's header says where its facts came from
//! and how to regenerate it) and is parsed once per process. A name's surface forms are the ways
//! the text may write it ([`super::forms`]); `build.rs` expands the built-in names' forms at build
//! time, so the first parse only reads them, and the caller's own actors are expanded here.
//!
//! A match counts only where it starts and ends on a word boundary, so a form can only match
//! where the text's word equals the form's first word: forms are grouped by a key of their
//! first word, and matching looks up each word of the text once, the words the patterns read
//! (no automaton to build: the tables are ready as soon as the forms are read).

use crate::scan::TextExt;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::article::ActorKind;
use crate::data;
use crate::normalize::Normalized;
use crate::options::ActorEntry;
use crate::word_set::WordSet;

use super::forms;
use super::patterns::Word;

/// [`forms::ENTITY_FILES`], which `build.rs` reads.
const ENTITY_FILES: [data::File; 6] = [
    data::LEXICON_PEOPLE,
    data::LEXICON_ORGANIZATIONS,
    data::LEXICON_COUNTRIES,
    data::LEXICON_INDIA,
    data::LEXICON_REGIONS,
    data::LEXICON_CITIES,
];

/// One named thing of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Borrowed from the built-in tables; owned for the caller's own entries.
    pub canonical: Cow<'static, str>,
    pub kind: ActorKind,
    pub wikidata: Option<Cow<'static, str>>,
    /// For a capital: the entry of the country whose government it can stand for.
    pub capital_of: Option<usize>,
}

/// What one surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub entry: usize,
    /// A demonym or adjective ("रूसी", "Russian") rather than the name itself.
    pub adjectival: bool,
}

/// A lexicon match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

/// A word that ends an organisation's or a place's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suffix {
    pub kind: ActorKind,
    /// The suffix is part of the name ("पुलिस"), not a generic noun after it ("शहर").
    pub in_name: bool,
    /// How the English name is made from the English name before it: "Government of {}".
    pub english: Option<String>,
}

/// How a title is used before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// श्री, Dr: only ever before a name.
    Honorific,
    /// विदेश मंत्री, President: an office, which a story may also use alone for its holder.
    Office,
    /// जी, साहब: written after a name, never part of it.
    After,
    /// स्वामी, संत, सरदार: an honorific that belongs to the name it opens ("स्वामी विवेकानंद").
    Part,
}

/// Names and the table that finds them.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Every surface form with what it names, in the order they were added.
    forms: Vec<(Cow<'static, str>, Form)>,
    /// By the key of a form's first word ([`word_key`]), the first form of its group; the others
    /// follow through `next`, longest first (forms of one length in the order they were added).
    /// A chain through the forms rather than the forms sorted into groups: made in one pass.
    groups: Groups,
    /// For each form, the next form of its group, or [`END`].
    next: Vec<u32>,
}

/// The end of a group's chain of forms ([`Gazetteer::next`]).
const END: u32 = u32::MAX;

/// The compiled tables.
pub struct Lexicon {
    pub names: Gazetteer,
    /// Titles, suffixes, openers and team words in one map (one map type in the wasm, not
    /// four): what each list says of a key, see [`Affix`]. Keyed by the files' text (and the
    /// capitalised titles, made once), with no String per key.
    affixes: HashMap<&'static str, Affix>,
    /// The most words in a title or suffix.
    pub longest_affix: usize,
    /// The first word of every title and suffix, a quick test before any lookup
    /// ([`Lexicon::opens_affix`]), in three sets by how the word opens ([`opening_class`]).
    affix_first_words: [WordSet<&'static str>; 3],
    /// The few hundred most frequent Hindi words (postpositions, pronouns, auxiliaries).
    hi_function_words: WordSet<&'static str>,
    /// The other common Hindi words (build.rs splits `hi_common.tsv`): a sorted list, looked up
    /// in the embedded data itself.
    hi_common: data::SortedList,
    en_common: WordSet<&'static str>,
    /// The most frequent English words: a sorted list, looked up in the embedded data itself, so
    /// there is no set to build.
    en_words: data::SortedList,
    /// Common family names: a name word before one makes a person's name.
    pub surnames: WordSet<&'static str>,
    /// The bytes that open `surnames` ([`Lexicon::is_surname`]): a word that opens with another
    /// byte (most words of an English text, which open with a small letter) is none.
    surname_openers: [u64; 4],
    /// Family names also used as middle names ("कुमार", "सिंह"), after which another may follow.
    pub middle_names: WordSet<&'static str>,
    /// Given names that are no ordinary words (`given_names.tsv`): one before a name word opens
    /// a person's name.
    pub given_names: WordSet<&'static str>,
    /// Nouns that say what a quoted name beside them is (`classifiers.tsv`): "‘शर्क’ अखबार".
    pub classifiers: Vec<(&'static str, ActorKind)>,
    /// How a story names the government of the state it is set in (`state_governments.tsv`):
    /// "राज्य सरकार".
    pub state_governments: WordSet<&'static str>,
    /// The consonant sound of each letter that has one (`name_sounds.tsv`), Devanagari and
    /// lower-case Latin, for comparing a name across the two scripts ([`Lexicon::sounds`]).
    pub name_sounds: Vec<(char, char)>,
    /// Latin letters written in Devanagari, used as initials ("जी एस अयंगर").
    pub initials: WordSet<&'static str>,
    /// The length in bytes of the longest of `initials`.
    pub longest_initial: usize,
    /// Hindi words after which a title's name words name a scheme, not a person
    /// (`data/lexicon/hi_name_stops.tsv`).
    pub scheme_words: WordSet<&'static str>,
    /// Hindi conjunctions, never part of a name a pattern finds.
    pub conjunctions: WordSet<&'static str>,
    /// Hindi words that alone before an organisation's head word name no organisation ("नई
    /// सरकार", "निजी बैंक"): determiners, pronouns and generic adjectives.
    pub generic_words: WordSet<&'static str>,
    /// Hindi personal pronouns in all their forms: never part of a name.
    pub pronouns: WordSet<&'static str>,
}

/// What the lexicon's lists say of one key (words joined with one space).
#[derive(Default)]
pub struct Affix {
    /// A title (`titles.tsv`).
    pub title: Option<TitleClass>,
    /// An organisation or place suffix (`suffixes.tsv`).
    pub suffix: Option<Suffix>,
    /// A word that opens a longer name around a known place, with that name's kind ("East
    /// Jerusalem", "Real Madrid"); from the `before` rows of `suffixes.tsv`.
    opener: Option<ActorKind>,
    /// An English word that shows a place name standing for a sports team (`teams.tsv`).
    team: Option<TeamRole>,
}

impl Affix {
    pub fn is_title(&self) -> bool {
        self.title.is_some()
    }

    pub fn is_suffix(&self) -> bool {
        self.suffix.is_some()
    }
}

/// How a word of `data/lexicon/teams.tsv` shows a sports team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamRole {
    /// Between two teams: "Surrey v Kent".
    Versus,
    /// A match's result, before or after a team: "Leicestershire beat Somerset".
    Result,
    /// May follow the number after a team: "Leeds 22 points", "Somerset 83 and 174".
    Score,
}

/// The built-in lexicon, parsed on first use.
pub fn builtin() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::new)
}

/// The number of lines of a packed data file (each ends in a line feed).
fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// The first cell of each row of a packed data file ([`data::text`] has no comment or blank
/// lines), trimmed: what the word lists hold (the lexicon reads them with [`data::each_row`]).
#[cfg(test)]
fn first_cells(tsv: &'static str) -> impl Iterator<Item = &'static str> {
    tsv.lines().map(|line| {
        line.split_once('\t')
            .map_or(line, |(first, _)| first)
            .trim()
    })
}

/// The data rows of a TSV file: lines that are neither empty nor `#` comments, split on tabs.
pub fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// A letter, digit or combining mark: a character that continues a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
    }
    crate::chars::is_alphanumeric(c)
}

/// The built-in names, numbered in the order of [`ENTITY_FILES`] and their rows; `on_row` gets
/// each name's number and row.
fn builtin_entries(mut on_row: impl FnMut(usize, &[&'static str])) -> Vec<Entry> {
    // About one name for every 70 bytes of the files (1,232 in 87 KB): room for them at once
    // rather than growing the list a dozen times and rehashing the map as often.
    let bytes: usize = ENTITY_FILES.iter().map(|&f| data::text(f).len()).sum();
    let mut entries = Vec::with_capacity(bytes / 64);
    let mut capitals: Vec<(usize, &str)> = Vec::new();
    let mut by_canonical: HashMap<&str, usize> =
        HashMap::with_capacity_and_hasher(bytes / 64, Default::default());
    // The few kind names, each read once.
    let mut kinds: Vec<(&str, Option<ActorKind>)> = Vec::new();
    let mut cols: Vec<&'static str> = Vec::new();
    for file in ENTITY_FILES {
        // Packed files have no comment or blank lines (see `rows`).
        data::each_row(data::text(file), &mut cols, &mut |cols| {
            let kind = cols.get(1).and_then(|&name| {
                match kinds.iter().find(|(known, _)| *known == name) {
                    Some(&(_, kind)) => kind,
                    None => {
                        let kind = ActorKind::from_name(name);
                        kinds.push((name, kind));
                        kind
                    }
                }
            });
            let (Some(&canonical), Some(kind)) = (cols.first(), kind) else {
                return;
            };
            let entry = entries.len();
            on_row(entry, cols);
            entries.push(Entry {
                canonical: Cow::Borrowed(canonical),
                kind,
                wikidata: cols.get(2).filter(|w| !w.is_empty()).map(|&w| w.into()),
                capital_of: None,
            });
            by_canonical.entry(canonical).or_insert(entry);
            if let Some(country) = cols.get(5).filter(|c| !c.trim().is_empty()) {
                capitals.push((entry, country.trim()));
            }
        });
    }
    for (entry, country) in capitals {
        entries[entry].capital_of = by_canonical.get(country).copied();
    }
    entries
}

/// Collects surface forms; the first entry to claim a form keeps it.
#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    patterns: Vec<Cow<'static, str>>,
    forms: Vec<Form>,
    seen: HashSet<String>,
}

impl Builder {
    fn add_form(&mut self, form: &str, f: Form) {
        for v in forms::surface_forms(form) {
            if self.seen.insert(v.clone()) {
                self.patterns.push(Cow::Owned(v));
                self.forms.push(f);
            }
        }
    }

    fn build(self) -> Gazetteer {
        let patterns = self.patterns;
        let mut groups = Groups::with_room(patterns.len());
        let mut next = vec![END; patterns.len()];
        let len_of = |i: u32| patterns.get(i as usize).map_or(0, |p| p.len());
        for (i, pattern) in patterns.iter().enumerate() {
            let (i, len) = (i as u32, pattern.len());
            let head = groups.head_mut(word_key(first_word(pattern)));
            if *head == END {
                *head = i;
                continue;
            }
            // Into the chain after the forms at least as long (groups are a few forms; only
            // one form of each length can match at a place, as forms are unique).
            if len_of(*head) < len {
                next[i as usize] = *head;
                *head = i;
                continue;
            }
            let mut at = *head as usize;
            while next[at] != END && len_of(next[at]) >= len {
                at = next[at] as usize;
            }
            next[i as usize] = next[at];
            next[at] = i;
        }
        Gazetteer {
            entries: self.entries,
            forms: patterns.into_iter().zip(self.forms).collect(),
            groups,
            next,
        }
    }
}

impl Gazetteer {
    /// The caller's own entries (`options.actors`).
    pub fn from_user(user: &[ActorEntry]) -> Gazetteer {
        let mut b = Builder::default();
        for actor in user {
            let entry = b.entries.len();
            b.entries.push(Entry {
                canonical: Cow::Owned(
                    actor
                        .canonical
                        .clone()
                        .unwrap_or_else(|| actor.name.clone()),
                ),
                kind: actor.kind,
                wikidata: actor.wikidata.clone().map(Cow::Owned),
                capital_of: None,
            });
            for form in std::iter::once(&actor.name).chain(&actor.aliases) {
                let f = Form {
                    entry,
                    adjectival: false,
                };
                b.add_form(form, f);
            }
        }
        b.build()
    }

    /// The built-in names. Their files are packed with the forms expanded and each kept by the
    /// first name that claims it (`build.rs`, [`forms::expand_entity_files`]), so they are only
    /// read here; `Form^` stands for `Form|FORM`, and `=` for the row's canonical name.
    fn builtin() -> Gazetteer {
        let mut b = Builder::default();
        // About one form for every 19 bytes of the files (4,593 in 87 KB): room for them at
        // once rather than growing the lists a dozen times.
        let bytes: usize = ENTITY_FILES.iter().map(|&f| data::text(f).len()).sum();
        b.patterns.reserve(bytes / 16);
        b.forms.reserve(bytes / 16);
        // The capitals of the `Form^` forms (about 1,300) one after another in one string, and
        // the patterns they go to: one allocation rather than one each.
        let mut capitals = String::new();
        let mut capital_patterns: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        b.entries = builtin_entries(|entry, cols| {
            let canonical = cols.first().copied().unwrap_or("");
            for (column, adjectival) in forms::FORM_COLUMNS.into_iter().zip([false, true]) {
                let cell = cols.get(column).copied().unwrap_or("");
                // The forms between bars, read from the bytes (`split` costs more for such
                // short pieces).
                let mut rest = cell;
                while !rest.is_empty() {
                    let bar = rest.bytes().position(|b| b == b'|').unwrap_or(rest.len());
                    let form = &rest[..bar];
                    rest = rest.get(bar + 1..).unwrap_or("");
                    if form.is_empty() {
                        continue;
                    }
                    let f = Form { entry, adjectival };
                    let (form, upper) = match form.strip_suffix('^') {
                        Some(form) => (form, true),
                        None => (form, false),
                    };
                    let form = if form == "=" { canonical } else { form };
                    if upper {
                        let start = capitals.len();
                        capitals.push_str(form);
                        capital_patterns.push((b.patterns.len(), start..capitals.len()));
                        b.patterns.push(Cow::Borrowed(""));
                        b.forms.push(f);
                    }
                    b.patterns.push(Cow::Borrowed(form));
                    b.forms.push(f);
                }
            }
        });
        // Upper case in place (ASCII: the ranges stay), and kept for the life of the process
        // like the rest of the built-in names (a static's).
        capitals.make_ascii_uppercase();
        let capitals: &'static str = String::leak(capitals);
        for (pattern, range) in capital_patterns {
            if let Some(p) = b.patterns.get_mut(pattern) {
                *p = Cow::Borrowed(capitals.get(range).unwrap_or(""));
            }
        }
        b.build()
    }

    /// The built-in names with their forms expanded here, as `build.rs` does it.
    #[cfg(test)]
    fn builtin_expanded_at_run_time() -> Gazetteer {
        let mut b = Builder {
            entries: builtin_entries(|_, _| {}),
            ..Builder::default()
        };
        let mut entry = 0;
        // The packed files hold the expanded forms: read the originals.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for file in forms::ENTITY_FILES {
            let text = std::fs::read_to_string(dir.join(file)).expect("should read the file");
            for cols in rows(&text) {
                if cols.get(1).and_then(|k| ActorKind::from_name(k)).is_none() {
                    continue;
                }
                for (field, adjectival) in forms::FORM_COLUMNS.into_iter().zip([false, true]) {
                    for form in forms::split_forms(cols.get(field)) {
                        b.add_form(form, Form { entry, adjectival });
                    }
                }
                entry += 1;
            }
        }
        b.build()
    }

    /// Every match in `text[start..end]` that begins and ends on word boundaries,
    /// leftmost-longest and without overlaps.
    ///
    /// A match that ends on a word boundary covers whole words, so the form's first word is the
    /// text's word where the match starts: each place after a non-word character is looked up
    /// once, under the hash of the word that starts there.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.forms.is_empty() {
            return hits;
        }
        let block = &text[start..end];
        // Matches may not overlap: places before the end of the last one are not looked at.
        let mut free_from = 0;
        let mut at = 0;
        // Whether the character before `at` continues a word (then no match starts at `at`):
        // only inside a match.
        let mut in_word = false;
        while let Some(c) = block[at..].chars().next() {
            // A match may not start on a matra or sign: that would split a syllable.
            if in_word || at < free_from || is_joining_mark(c) {
                in_word = is_word_char(c);
                at += c.len_utf8();
                continue;
            }
            let rest = &block[at..];
            let word = first_word(rest);
            if let Some((len, f)) = self.longest_at(rest, word) {
                hits.push(Hit {
                    start: start + at,
                    end: start + at + len,
                    form: f,
                });
                free_from = at + len;
            }
            // No match starts inside the word, nor on the character that ends it (no word
            // character): step over both (or over the one other character).
            at += word.len();
            if let Some(&b) = block.as_bytes().get(at) {
                at += crate::chars::utf8_len(b);
            }
        }
        hits
    }

    /// The longest form that matches at the start of `rest` and ends on a word boundary, whose
    /// first word is `word` (the word characters `rest` opens with), as its length and what it
    /// names.
    #[inline(always)]
    fn longest_at(&self, rest: &str, word: &str) -> Option<(usize, Form)> {
        let first = self.groups.head(word_key(word))?;
        // The group's chain, longest first: the first form that matches.
        let mut i = first as usize;
        loop {
            let (form, f) = self.forms.get(i)?;
            // A form ending in a full stop ("U.S.", "डॉ.") may be followed by anything.
            if rest.starts_with(form.as_ref())
                && (form.ends_with('.')
                    || !rest[form.len()..].chars().next().is_some_and(is_word_char))
            {
                return Some((form.len(), *f));
            }
            i = *self.next.get(i)? as usize;
        }
    }

    /// [`Gazetteer::find`] in `text[start..end]`, whose words ([`super::patterns::words`]) are
    /// `words`: a match starts where a run of word characters does, so the places to look at
    /// are read from the words (a word [`Word::joined`] is several runs) instead of from the
    /// text again. A gazetteer with a form that opens with no word character (the caller's
    /// own, "(…)") has the text read as `find` does.
    pub fn find_in_words(&self, text: &str, start: usize, end: usize, words: &[Word]) -> Vec<Hit> {
        if self.forms.is_empty() || self.groups.head(word_key("")).is_some() {
            return self.find(text, start, end);
        }
        let mut hits = Vec::new();
        let block = &text[..end];
        // Matches may not overlap: runs before the end of the last one are not looked at.
        let mut free_from = start;
        for w in words {
            // A joined word's runs are one character apart.
            let mut at = w.start;
            while at < w.end {
                let run = if w.joined {
                    first_word(&block[at..w.end])
                } else {
                    w.text
                };
                // A match may not start on a matra or sign: that would split a syllable.
                if at >= free_from && !opens_with_joining_mark(run) {
                    if let Some((len, f)) = self.longest_at(&block[at..], run) {
                        hits.push(Hit {
                            start: at,
                            end: at + len,
                            form: f,
                        });
                        free_from = at + len;
                    }
                }
                at += run.len();
                if let Some(&b) = block.as_bytes().get(at) {
                    at += crate::chars::utf8_len(b);
                }
            }
        }
        hits
    }

    pub fn entry(&self, form: Form) -> &Entry {
        &self.entries[form.entry]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Lexicon {
    fn new() -> Lexicon {
        let names = Gazetteer::builtin();
        // The titles' and suffixes' first cells are stored as their `affix_key`s (build.rs).
        // Files are read with `each_row`: no Vec per row.
        let mut longest_affix = 1;
        // Room for every row at once (and a capitalised form of each title), rather than
        // growing the map as it fills.
        let rows = line_count(data::text(data::LEXICON_TITLES)) * 2
            + line_count(data::text(data::LEXICON_SUFFIXES))
            + line_count(data::text(data::LEXICON_TEAMS));
        let mut affixes: HashMap<&'static str, Affix> =
            HashMap::with_capacity_and_hasher(rows, Default::default());
        let mut cols: Vec<&'static str> = Vec::new();
        // The titles, each with where its capitalised form is in `capitals` if it is written in
        // lower case ("coach" also starts sentences: "Coach"): the capitalised forms in one
        // string, kept like the files' text, and the titles entered in the file's order after.
        let mut titles = Vec::new();
        let mut capitals = String::new();
        data::each_row(data::text(data::LEXICON_TITLES), &mut cols, &mut |cols| {
            let class = match cols.get(1).map(|c| c.trim()) {
                Some("honorific") => TitleClass::Honorific,
                Some("after") => TitleClass::After,
                Some("part") => TitleClass::Part,
                _ => TitleClass::Office,
            };
            let key = cols[0];
            longest_affix = longest_affix.max(key.split(' ').count());
            let capital = key.first_is(|c: char| c.is_ascii_lowercase()).then(|| {
                let start = capitals.len();
                capitals.push_str(key);
                capitals[start..start + 1].make_ascii_uppercase();
                start..capitals.len()
            });
            titles.push((key, capital, class));
        });
        let capitals: &'static str = String::leak(capitals);
        for (key, capital, class) in titles {
            if let Some(capital) = capital.and_then(|range| capitals.get(range)) {
                affixes.entry(capital).or_default().title = Some(class);
            }
            affixes.entry(key).or_default().title = Some(class);
        }
        data::each_row(data::text(data::LEXICON_SUFFIXES), &mut cols, &mut |cols| {
            if cols.get(2).is_some_and(|p| p.trim() == "before") {
                if let Some(kind) = cols.get(1).and_then(|k| ActorKind::from_name(k)) {
                    affixes.entry(cols[0]).or_default().opener = Some(kind);
                }
                return;
            }
            if let Some(kind) = cols.get(1).and_then(|k| ActorKind::from_name(k)) {
                let key = cols[0];
                longest_affix = longest_affix.max(key.split(' ').count());
                let in_name = cols.get(2).is_none_or(|p| p.trim() != "without");
                let english = cols
                    .get(3)
                    .map(|e| e.trim())
                    .filter(|e| crate::scan::contains_str(e, "{}"))
                    .map(str::to_string);
                affixes.entry(key).or_default().suffix = Some(Suffix {
                    kind,
                    in_name,
                    english,
                });
            }
        });
        // The first words of titles and suffixes, read before the team words join the map.
        let mut affix_first_words: [WordSet<&'static str>; 3] = Default::default();
        for (key, _) in affixes
            .iter()
            .filter(|(_, a)| a.title.is_some() || a.suffix.is_some())
        {
            if let Some(first) = key.split(' ').next() {
                affix_first_words[opening_class(first)].insert(first);
            }
        }
        data::each_row(data::text(data::LEXICON_TEAMS), &mut cols, &mut |cols| {
            let role = match cols.get(1).map(|r| r.trim()) {
                Some("versus") => TeamRole::Versus,
                Some("result") => TeamRole::Result,
                Some("score") => TeamRole::Score,
                _ => return,
            };
            affixes.entry(cols[0].trim()).or_default().team = Some(role);
        });
        // The Hindi name stops' four lists in one reading of the file.
        let mut scheme_words = WordSet::default();
        let mut conjunctions = WordSet::default();
        let mut pronouns = WordSet::default();
        let mut generic_words = WordSet::default();
        data::each_row(
            data::text(data::LEXICON_HI_NAME_STOPS),
            &mut cols,
            &mut |cols| {
                let set = match cols.get(1).map(|r| r.trim()) {
                    Some("scheme") => &mut scheme_words,
                    Some("conjunction") => &mut conjunctions,
                    Some("pronoun") => &mut pronouns,
                    Some("generic") => &mut generic_words,
                    _ => return,
                };
                set.insert(cols[0].trim());
            },
        );
        let mut middle_names = WordSet::default();
        data::each_row(data::text(data::LEXICON_SURNAMES), &mut cols, &mut |cols| {
            if cols.get(1).is_some_and(|c| c.trim() == "middle") {
                middle_names.insert(cols[0].trim());
            }
        });
        let mut name_sounds = Vec::new();
        data::each_row(
            data::text(data::LEXICON_NAME_SOUNDS),
            &mut cols,
            &mut |cols| {
                let letter = cols[0].trim().chars().next();
                let sound = cols.get(1).and_then(|s| s.trim().chars().next());
                if let (Some(letter), Some(sound)) = (letter, sound) {
                    name_sounds.push((letter, sound));
                }
            },
        );
        let mut classifiers = Vec::new();
        data::each_row(
            data::text(data::LEXICON_CLASSIFIERS),
            &mut cols,
            &mut |cols| {
                if let Some(kind) = cols.get(1).and_then(|k| ActorKind::from_name(k.trim())) {
                    classifiers.push((cols[0].trim(), kind));
                }
            },
        );
        // Word lists are stored normalised (their generators and editors keep them so).
        // The big word lists: each row's first cell, trimmed, with no allocation per row.
        let mut words = |tsv: &'static str| -> WordSet<&'static str> {
            let mut set = WordSet::with_capacity(line_count(tsv));
            data::each_row(tsv, &mut cols, &mut |cols| {
                set.insert(cols.first().map_or("", |w| w.trim()));
            });
            set
        };
        let surnames = words(data::text(data::LEXICON_SURNAMES));
        let mut surname_openers = [0u64; 4];
        for &name in surnames.iter() {
            if let Some(&b) = name.as_bytes().first() {
                surname_openers[usize::from(b / 64)] |= 1 << (b % 64);
            }
        }
        let initials: WordSet<&'static str> = words(data::text(data::LEXICON_INITIALS));
        let longest_initial = initials.iter().map(|l| l.len()).max().unwrap_or(0);
        Lexicon {
            names,
            affixes,
            longest_affix,
            affix_first_words,
            hi_function_words: words(data::text(data::LEXICON_HI_FUNCTION_WORDS)),
            hi_common: data::LEXICON_HI_COMMON,
            en_common: words(data::text(data::LEXICON_EN_COMMON)),
            en_words: data::LEXICON_EN_WORDS,
            surname_openers,
            surnames,
            initials,
            longest_initial,
            scheme_words,
            conjunctions,
            pronouns,
            generic_words,
            middle_names,
            given_names: words(data::text(data::LEXICON_GIVEN_NAMES)),
            state_governments: words(data::text(data::LEXICON_STATE_GOVERNMENTS)),
            name_sounds,
            classifiers,
        }
    }

    /// What the lists say of `key` (words joined with one space), if any says something.
    pub fn affix(&self, key: &str) -> Option<&Affix> {
        self.affixes.get(key)
    }

    /// The class of the title `key` (words joined with one space, see [`affix_key`]).
    pub fn title(&self, key: &str) -> Option<TitleClass> {
        self.affixes.get(key).and_then(|a| a.title)
    }

    /// The suffix `key` (words joined with one space).
    pub fn suffix(&self, key: &str) -> Option<&Suffix> {
        self.affixes.get(key).and_then(|a| a.suffix.as_ref())
    }

    pub fn is_title(&self, key: &str) -> bool {
        self.title(key).is_some()
    }

    pub fn is_suffix(&self, key: &str) -> bool {
        self.suffix(key).is_some()
    }

    /// Whether some title or suffix opens with `word` (its final full stops dropped). Each word
    /// is asked of the set of its [`opening_class`]: most words of an English text open with a
    /// small letter and only a few titles do ("coach"), so the quick test of that set turns
    /// nearly all of them away without hashing, and the other two sets, each about half the
    /// words, turn away more than one set of all would.
    #[inline(always)]
    pub fn opens_affix(&self, word: &str) -> bool {
        match opening_class(word) {
            0 => self.affix_first_words[0].contains(word),
            1 => self.affix_first_words[1].contains(word),
            _ => self.affix_first_words[2].contains(word),
        }
    }

    /// The kind of the longer name that `word` opens ("East Jerusalem", "Real Madrid").
    pub fn opener(&self, word: &str) -> Option<ActorKind> {
        self.affixes.get(word).and_then(|a| a.opener)
    }

    /// How `word` shows a place name standing for a sports team.
    pub fn team_role(&self, word: &str) -> Option<TeamRole> {
        self.affixes.get(word).and_then(|a| a.team)
    }

    /// Whether `word` is one of the most frequent English words (any case).
    /// A plural of one counts too ("Standings", "Extras").
    pub fn is_english_word(&self, word: &str) -> bool {
        data::contains_ascii_lowercase(self.en_words, word)
            || word.len() > 3
                && word
                    .strip_suffix(&['s', 'S'][..])
                    .is_some_and(|stem| data::contains_ascii_lowercase(self.en_words, stem))
    }

    /// Whether `word` with its first letter in upper case (as [`char::to_uppercase`] writes it)
    /// is a suffix key ("party" → "Party"), without Unicode's upper-case table: an ASCII letter
    /// is upper-cased as ASCII, Devanagari has no case, and for any other first letter build.rs
    /// lists the words that make a key (`LEXICON_SUFFIXES_UNCAPITALISED`).
    pub fn is_suffix_capitalised(&self, word: &str) -> bool {
        let mut chars = word.chars();
        match chars.next() {
            // An empty word stays empty, and no key is.
            None => false,
            Some(c) if c.is_ascii() => {
                let mut key = String::with_capacity(word.len());
                key.push(c.to_ascii_uppercase());
                key.push_str(chars.as_str());
                self.is_suffix(&key)
            }
            Some('\u{0900}'..='\u{097F}') => self.is_suffix(word),
            Some(_) => rows(data::text(data::LEXICON_SUFFIXES_UNCAPITALISED))
                .any(|cols| cols[0] == word && cols.get(1).is_some_and(|key| self.is_suffix(key))),
        }
    }

    /// The consonant sounds of `name` in either script ([`Lexicon::name_sounds`]), a repeated
    /// sound once: "Adhokshajanand" and "अधोक्षजानंद" are both "dksjnd".
    pub fn sounds(&self, name: &str) -> String {
        let mut out = String::new();
        for c in name.chars() {
            let c = c.to_ascii_lowercase();
            let sound = self.name_sounds.iter().find(|&&(l, _)| l == c);
            if let Some(&(_, sound)) = sound {
                if !out.ends_with(sound) {
                    out.push(sound);
                }
            }
        }
        out
    }

    /// Whether `word` (normalised) is an ordinary word rather than part of a name.
    pub fn is_common(&self, word: &str) -> bool {
        if word.is_ascii() {
            // "Friday's" is as common as "Friday".
            let word = word.strip_suffix("'s").unwrap_or(word);
            self.en_common.contains_ascii_lowercase(word)
        } else {
            self.hi_function_words.contains(word) || data::contains(self.hi_common, word)
        }
    }

    /// Whether `word` is one of [`Lexicon::surnames`], told from its first byte for most words
    /// that are not.
    pub fn is_surname(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&b| self.surname_openers[usize::from(b / 64)] >> (b % 64) & 1 == 1)
            && self.surnames.contains(word)
    }

    /// Whether `word` is one of the few hundred most frequent Hindi words (postpositions,
    /// pronouns, auxiliaries): never a first name, unlike rarer common words ("ली").
    pub fn is_function_word(&self, word: &str) -> bool {
        self.hi_function_words.contains(word)
    }
}

/// How `word` opens: 0 with an ASCII small letter, 1 with a character that is not ASCII (a
/// Devanagari letter), 2 otherwise (a capital, a digit, or nothing).
#[inline(always)]
fn opening_class(word: &str) -> usize {
    match word.as_bytes().first() {
        Some(b'a'..=b'z') => 0,
        Some(0x80..) => 1,
        _ => 2,
    }
}

/// The word characters that `text` opens with (empty if it opens with another character).
fn first_word(text: &str) -> &str {
    // A run of ASCII letters and Devanagari letters (word characters here) is read from the
    // bytes; the characters after it one by one.
    let (run, _) = crate::chars::letter_run(text.as_bytes(), 0);
    // The run stops at the end or at an ASCII byte (usually a space) that is no word character.
    if text.as_bytes().get(run).is_none_or(u8::is_ascii) {
        return &text[..run];
    }
    let end = text[run..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| run + i);
    &text[..end]
}

/// The key of a group of forms: forms are only compared with the text after this matches.
/// Made from the word's length and its first and last eight bytes (or four, or three bytes of a
/// shorter word): words that share a key share a group, which costs a comparison of their
/// forms, never a match (a form that matches opens with the text's own first word).
#[inline]
fn word_key(word: &str) -> u64 {
    let b = word.as_bytes();
    let n = b.len();
    let eight = |at: usize| {
        b.get(at..at + 8).map_or(0, |w| {
            u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])
        })
    };
    let four = |at: usize| {
        b.get(at..at + 4).map_or(0, |w| {
            u64::from(u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        })
    };
    let (head, tail) = match n {
        8.. => (eight(0), eight(n - 8)),
        4.. => (four(0), four(n - 4)),
        1.. => (
            u64::from(b[0]),
            u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]),
        ),
        0 => (0, 0),
    };
    (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The groups of a gazetteer's forms by their first words' [`word_key`]s: a table with open
/// addressing (a key's slot is read from its top bits, then the slots after it), at most half
/// full.
struct Groups {
    /// Each slot's key and the first form of its group, or [`END`] for an empty slot.
    slots: Vec<(u64, u32)>,
    /// 64 less the number of bits of a slot's index.
    shift: u32,
}

impl Groups {
    /// A table with room for `n` groups.
    fn with_room(n: usize) -> Groups {
        let size = (2 * n).next_power_of_two().max(2);
        Groups {
            slots: vec![(0, END); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The first form of the group of `key`, if there is one.
    #[inline]
    fn head(&self, key: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize;
        loop {
            let &(k, head) = self.slots.get(i)?;
            if head == END {
                return None;
            }
            if k == key {
                return Some(head);
            }
            i = (i + 1) & mask;
        }
    }

    /// The first form of the group of `key`, [`END`] in a new group: never more groups than
    /// the table has room for.
    fn head_mut(&mut self, key: u64) -> &mut u32 {
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize;
        while self.slots[i].1 != END && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        self.slots[i].0 = key;
        &mut self.slots[i].1
    }
}

fn is_joining_mark(c: char) -> bool {
    ('\u{093A}'..='\u{094F}').contains(&c) || matches!(c, '\u{0900}'..='\u{0903}')
}

/// Whether `word` opens with a [`is_joining_mark`] character, told from its bytes.
fn opens_with_joining_mark(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        [0xE0, 0xA4, 0x80..=0x83 | 0xBA..=0xBF, ..] | [0xE0, 0xA5, 0x80..=0x8F, ..]
    )
}

/// A title or suffix as a lookup key: normalised, trailing full stop dropped, single spaces.
/// Borrowed when `form` is its own key, as the words of a normalised text mostly are.
pub fn affix_key(form: &str) -> Cow<'_, str> {
    let norm = Normalized::new(form.trim()).text;
    let key = norm.trim_end_matches('.');
    let single_spaced = key
        .split(' ')
        .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
    if !single_spaced {
        let mut joined = String::with_capacity(key.len());
        for w in key.split_whitespace() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(w);
        }
        return Cow::Owned(joined);
    }
    match norm {
        Cow::Borrowed(norm) => Cow::Borrowed(norm.trim_end_matches('.')),
        Cow::Owned(mut norm) => {
            norm.truncate(norm.trim_end_matches('.').len());
            Cow::Owned(norm)
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // core's lower case, to compare with
mod tests {
    use super::*;

    #[test]
    fn opens_affix_holds_the_first_word_of_every_title_and_suffix_and_no_other() {
        let lex = builtin();
        let mut firsts: HashSet<&str> = HashSet::default();
        for (key, affix) in &lex.affixes {
            if affix.title.is_some() || affix.suffix.is_some() {
                firsts.extend(key.split(' ').next());
            }
        }
        for &first in &firsts {
            assert!(
                lex.opens_affix(first),
                "should tell that a title or suffix opens with {first:?}"
            );
        }
        for key in lex.affixes.keys() {
            for word in key.split(' ').chain(["", "the", "The", "said", "7", "और"]) {
                assert_eq!(
                    lex.opens_affix(word),
                    firsts.contains(word),
                    "should tell whether a title or suffix opens with {word:?}"
                );
            }
        }
    }

    /// Each form as (form, entry, adjectival), sorted.
    fn forms_of(g: &Gazetteer) -> Vec<(String, usize, bool)> {
        let mut forms: Vec<(String, usize, bool)> = g
            .forms
            .iter()
            .map(|(form, f)| (form.to_string(), f.entry, f.adjectival))
            .collect();
        forms.sort();
        forms
    }

    #[test]
    fn first_word_is_the_text_up_to_its_first_non_word_character() {
        for text in [
            "",
            " x",
            "abc def",
            "रूस, चीन",
            "क़ि।x",
            "Zoë es",
            "a’b",
            "x\u{0301}y z",
            "५०%",
        ] {
            assert_eq!(
                first_word(text),
                text.split(|c: char| !is_word_char(c)).next().unwrap_or(""),
                "should read the first word of {text:?}"
            );
        }
    }

    #[test]
    fn reads_rows_as_lines_split_on_tabs() {
        for text in [
            "",
            "a",
            "a\tb\n",
            "रूस\tRussia\t\tQ159\n\nx\ty\r\nlast\t",
            "\t\n\n\t\t",
            "no line feed\r",
        ] {
            let want: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
            let mut got: Vec<Vec<&str>> = Vec::new();
            data::each_row(text, &mut Vec::new(), &mut |cols| got.push(cols.to_vec()));
            assert_eq!(got, want, "should read {text:?} as its lines split on tabs");
        }
    }

    #[test]
    fn upper_cases_a_first_letter_as_unicode_does() {
        let lex = builtin();
        let capitalised = |word: &str| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        };
        let mut words = vec![String::new(), "ß".to_string(), "ǰ".to_string()];
        for key in lex
            .affixes
            .iter()
            .filter(|(_, a)| a.suffix.is_some() || a.opener.is_some())
            .map(|(k, _)| k)
        {
            let mut chars = key.chars();
            let first = chars.next().expect("should have no empty key");
            let rest = chars.as_str();
            for c in first.to_lowercase().chain([first, 'ſ', 'ı', 'é', 'ß']) {
                words.push(format!("{c}{rest}"));
            }
            words.push(key.to_lowercase());
        }
        for word in &words {
            assert_eq!(
                lex.is_suffix_capitalised(word),
                lex.is_suffix(&capitalised(word)),
                "should find {word:?} a suffix exactly when its capitalised form is one"
            );
        }
        assert!(
            words
                .iter()
                .filter(|w| lex.is_suffix_capitalised(w))
                .count()
                > 100,
            "should find the suffixes written in lower case"
        );
    }

    #[test]
    fn forms_expanded_at_build_time_are_those_of_the_data_files() {
        let built = Gazetteer::builtin();
        let expanded = Gazetteer::builtin_expanded_at_run_time();
        assert!(built.forms.len() > 1000, "should read the built-in forms");
        assert_eq!(
            built.entries, expanded.entries,
            "should number the entries as build.rs does"
        );
        assert_eq!(
            forms_of(&built),
            forms_of(&expanded),
            "should find the same forms, each claimed by the same entry"
        );
    }

    #[test]
    fn knows_common_words() {
        let lex = builtin();
        assert!(
            lex.is_function_word("के") && lex.is_common("के"),
            "should know a most frequent Hindi word as a function word"
        );
        assert!(
            lex.is_common("ला") && !lex.is_function_word("ला"),
            "should know a rarer common Hindi word, not as a function word"
        );
        assert!(
            !lex.is_common("किमजोंग"),
            "should not know a name as a common word"
        );
        assert!(
            lex.is_english_word("Standings") && lex.is_english_word("the"),
            "should know common English words and their plurals in any case"
        );
    }

    #[test]
    fn given_names_are_no_ordinary_words_and_are_stored_normalised() {
        let lex = builtin();
        let names: Vec<&str> = first_cells(data::text(data::LEXICON_GIVEN_NAMES)).collect();
        assert!(names.len() > 100, "should have the given names");
        for name in names {
            assert!(lex.given_names.contains(name), "should know {name}");
            assert!(
                !lex.is_common(name) && !lex.pronouns.contains(name),
                "{name} is an ordinary word: a given name before another word would make a person of it"
            );
            assert_eq!(
                Normalized::new(name).text,
                name,
                "{name} should be stored normalised"
            );
        }
    }

    #[test]
    fn every_classifier_has_a_kind() {
        let lex = builtin();
        let listed = rows(data::text(data::LEXICON_CLASSIFIERS)).count();
        assert!(listed > 10, "should have the classifiers");
        assert_eq!(
            lex.classifiers.len(),
            listed,
            "every row of classifiers.tsv should name a kind an actor can have"
        );
    }

    #[test]
    fn a_name_sounds_the_same_in_both_scripts() {
        let lex = builtin();
        for (latin, devanagari) in [
            ("Adhokshajanand Tirthadev", "अधोक्षजानंद तीर्थदेव"),
            ("Bachchan", "बच्चन"),
            ("Ambika", "अंबिका"),
            ("Krishna", "कृष्ण"),
            ("Swami", "स्वामी"),
        ] {
            assert_eq!(
                lex.sounds(latin),
                lex.sounds(&Normalized::new(devanagari).text),
                "{latin} / {devanagari}"
            );
        }
        assert_ne!(lex.sounds("Sharma"), lex.sounds("वर्मा"));
    }

    #[test]
    fn tells_surnames_as_the_set_does() {
        let lex = builtin();
        let english = include_str!("../../bench/en-harbour-strike.txt");
        let sample = include_str!("../../samples/sample-hi-russia-north-korea.txt");
        let listed: Vec<&str> = lex.surnames.iter().copied().collect();
        let words = english.split_whitespace().chain(sample.split_whitespace());
        for word in words
            .chain(listed.iter().copied())
            .chain(["kumar", "Kumar", "ZZ"])
        {
            assert_eq!(
                lex.is_surname(word),
                lex.surnames.contains(word),
                "should tell whether {word:?} is a surname as the set does"
            );
        }
        assert!(lex.is_surname("यादव"), "should know a surname");
    }

    #[test]
    fn finds_in_words_what_it_finds_in_the_text() {
        let g = Gazetteer::builtin();
        let mut texts: Vec<String> = [
            "उत्तर कोरिया और रूसी सेना, New Delhi. Newark",
            "the U.S.Army and U.S. troops in O'Neill's Washington D.C.",
            "रूस ाभारत -ीचीन, x’Russia China&India U.S.1 डॉ.मॉस्को",
            "",
            "(India) [रूस] India's Russia-China",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let sample = include_str!("../../samples/sample-hi-russia-north-korea.txt");
        texts.extend(sample.lines().map(|l| Normalized::new(l).text.into_owned()));
        let english = include_str!("../../bench/en-harbour-strike.txt");
        texts.extend(english.lines().map(str::to_string));
        for text in &texts {
            for start in [0, text.len() / 3] {
                let start = (start..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                let words = super::super::patterns::words(text, start, text.len());
                assert_eq!(
                    g.find_in_words(text, start, text.len(), &words),
                    g.find(text, start, text.len()),
                    "should find in the words of {:?} what it finds in the text",
                    &text[start..]
                );
            }
        }
    }

    #[test]
    fn finds_whole_words_longest_first() {
        let g = Gazetteer::builtin();
        let text = "उत्तर कोरिया और रूसी सेना, New Delhi. Newark";
        let found: Vec<&str> = g
            .find(text, 0, text.len())
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(
            found,
            ["उत्तर कोरिया", "रूसी", "New Delhi"],
            "should find whole names, the longest at each place, and no name inside a word"
        );
    }
}
