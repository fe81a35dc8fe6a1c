//! The compiled lexicon: names of countries, places, organisations and people, their demonyms,
//! the titles and suffixes that patterns use, and the common words that are never names.
//!
//! Every table lives in `data/lexicon/*.tsv` (each file's header says where its facts came from
//! and how to regenerate it) and is parsed once per process. Surface forms are normalised the way
//! the text is ([`crate::normalize`]), and each Devanagari form also gets the spellings Hindi
//! writers commonly use for it (no nukta, ा for ॉ, ं for ँ and for a nasal consonant + virama), so
//! "मॉस्को" also finds "मास्को" and "हिन्दी" also finds "हिंदी". A match counts only where it starts and ends on a word
//! boundary, so a form can only match where the text's word equals the form's first word: forms
//! are grouped by the hash of their first word, and matching looks up each word of the text once
//! (no automaton to build: the tables are ready as soon as the forms are read).

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::BuildHasher;
use std::sync::OnceLock;

use crate::article::ActorKind;
use crate::data;
use crate::normalize::Normalized;
use crate::options::ActorEntry;

const ENTITY_FILES: [data::File; 6] = [
    data::LEXICON_PEOPLE,
    data::LEXICON_ORGANIZATIONS,
    data::LEXICON_COUNTRIES,
    data::LEXICON_INDIA,
    data::LEXICON_REGIONS,
    data::LEXICON_CITIES,
];

/// Hindi words more frequent than this rank are function words.
const FUNCTION_WORD_RANK: u32 = 300;

/// One named thing of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub canonical: String,
    pub kind: ActorKind,
    pub wikidata: Option<String>,
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
    /// Every surface form with what it names, grouped by the hash of the form's first word and
    /// longest first within a group.
    forms: Vec<(String, Form)>,
    /// Where each group of `forms` is, by the hash of its first word.
    groups: HashMap<u64, (u32, u32)>,
}

/// The compiled tables.
pub struct Lexicon {
    pub names: Gazetteer,
    /// Titles by their words joined with one space.
    pub titles: HashMap<String, TitleClass>,
    /// Organisation and place suffixes by their words joined with one space.
    pub suffixes: HashMap<String, Suffix>,
    /// Words that open a longer name around a known place, with that name's kind ("East
    /// Jerusalem", "Real Madrid"); from the `before` rows of `suffixes.tsv`.
    pub openers: HashMap<String, ActorKind>,
    /// The most words in a title or suffix.
    pub longest_affix: usize,
    /// The first word of every title and suffix: a quick test before any lookup.
    pub affix_first_words: HashSet<String>,
    /// Common Hindi words with their frequency rank (0 = most frequent).
    hi_common: HashMap<&'static str, u32>,
    en_common: HashSet<&'static str>,
    /// The most frequent English words (build.rs stores the file sorted: only membership counts).
    en_words: HashSet<&'static str>,
    /// Common family names: a name word before one makes a person's name.
    pub surnames: HashSet<&'static str>,
    /// Family names also used as middle names ("कुमार", "सिंह"), after which another may follow.
    pub middle_names: HashSet<&'static str>,
    /// Latin letters written in Devanagari, used as initials ("जी एस अयंगर").
    pub initials: HashSet<&'static str>,
    /// English words that show a place name standing for a sports team
    /// (`data/lexicon/teams.tsv`).
    pub team_words: HashMap<&'static str, TeamRole>,
    /// Hindi words after which a title's name words name a scheme, not a person
    /// (`data/lexicon/hi_name_stops.tsv`).
    pub scheme_words: HashSet<&'static str>,
    /// Hindi conjunctions, never part of a name a pattern finds.
    pub conjunctions: HashSet<&'static str>,
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

/// The data rows of a TSV file: lines that are neither empty nor `#` comments, split on tabs.
pub fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

fn split_forms<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
}

/// `form` as the text will carry it, plus its common Hindi spelling variants.
pub fn variants(form: &str) -> Vec<String> {
    let norm = Normalized::new(form).text.into_owned();
    let mut out = vec![norm.clone()];
    if !norm.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        return out;
    }
    let no_nukta: String = norm.chars().filter(|&c| c != '\u{093C}').collect();
    let folded = fold_spelling(&no_nukta);
    for v in [no_nukta, folded] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The loosest common spelling of a Devanagari word: ा for ॉ, ं for ँ, ं for a nasal + virama
/// before a consonant.
fn fold_spelling(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let nasal = matches!(c, 'ङ' | 'ञ' | 'ण' | 'न' | 'म');
        if nasal
            && i > 0
            && chars.get(i + 1) == Some(&'\u{094D}')
            && chars.get(i + 2).is_some_and(|&n| is_consonant(n))
        {
            out.push('\u{0902}');
            i += 2;
            continue;
        }
        out.push(match c {
            '\u{0949}' => '\u{093E}',
            '\u{0901}' => '\u{0902}',
            other => other,
        });
        i += 1;
    }
    out
}

fn is_consonant(c: char) -> bool {
    ('\u{0915}'..='\u{0939}').contains(&c) || ('\u{0958}'..='\u{095F}').contains(&c)
}

/// A letter, digit or combining mark: a character that continues a word.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0900}'..='\u{097F}').contains(&c) {
        return !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}');
    }
    c.is_alphanumeric()
}

/// Collects surface forms; the first entry to claim a form keeps it.
#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    patterns: Vec<String>,
    forms: Vec<Form>,
    seen: HashSet<String>,
}

impl Builder {
    fn add_form(&mut self, form: &str, f: Form) {
        let mut all = variants(form.trim());
        // Text in capitals ("LONDON", headlines, datelines) names the same things.
        if form.is_ascii() && form.chars().any(|c| c.is_ascii_lowercase()) {
            all.push(form.trim().to_ascii_uppercase());
        }
        for v in all {
            if v.chars().count() >= 2 && self.seen.insert(v.clone()) {
                self.patterns.push(v);
                self.forms.push(f);
            }
        }
    }

    fn build(self) -> Gazetteer {
        let mut forms: Vec<(u64, String, Form)> = self
            .patterns
            .into_iter()
            .zip(self.forms)
            .map(|(pattern, form)| (word_hash(first_word(&pattern)), pattern, form))
            .collect();
        // Within a group, only one form of each length can match at a place (forms are unique).
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
        let mut groups: HashMap<u64, (u32, u32)> = HashMap::default();
        for (i, (hash, _, _)) in forms.iter().enumerate() {
            let group = groups.entry(*hash).or_insert((i as u32, i as u32));
            group.1 = i as u32 + 1;
        }
        Gazetteer {
            entries: self.entries,
            forms: forms.into_iter().map(|(_, p, f)| (p, f)).collect(),
            groups,
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
                canonical: actor
                    .canonical
                    .clone()
                    .unwrap_or_else(|| actor.name.clone()),
                kind: actor.kind,
                wikidata: actor.wikidata.clone(),
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

    fn builtin() -> Gazetteer {
        let mut b = Builder::default();
        let mut capitals: Vec<(usize, String)> = Vec::new();
        let mut by_canonical: HashMap<String, usize> = HashMap::default();
        for file in ENTITY_FILES {
            for cols in rows(data::text(file)) {
                let (Some(canonical), Some(kind)) = (
                    cols.first(),
                    cols.get(1).and_then(|k| ActorKind::from_name(k)),
                ) else {
                    continue;
                };
                let entry = b.entries.len();
                b.entries.push(Entry {
                    canonical: canonical.to_string(),
                    kind,
                    wikidata: cols.get(2).filter(|w| !w.is_empty()).map(|w| w.to_string()),
                    capital_of: None,
                });
                by_canonical.entry(canonical.to_string()).or_insert(entry);
                if let Some(country) = cols.get(5).filter(|c| !c.trim().is_empty()) {
                    capitals.push((entry, country.trim().to_string()));
                }
                for (field, adjectival) in [(3, false), (4, true)] {
                    for form in split_forms(cols.get(field)) {
                        b.add_form(form, Form { entry, adjectival });
                    }
                }
            }
        }
        for (entry, country) in capitals {
            b.entries[entry].capital_of = by_canonical.get(&country).copied();
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
        let mut before: Option<char> = None;
        for (at, c) in block.char_indices() {
            let opens = at >= free_from && !before.is_some_and(is_word_char);
            before = Some(c);
            // A match may not start on a matra or sign: that would split a syllable.
            if !opens || is_joining_mark(c) {
                continue;
            }
            let rest = &block[at..];
            let Some(&(from, to)) = self.groups.get(&word_hash(first_word(rest))) else {
                continue;
            };
            let longest = self.forms[from as usize..to as usize]
                .iter()
                .find(|(form, _)| {
                    // A form ending in a full stop ("U.S.", "डॉ.") may be followed by anything.
                    rest.starts_with(form.as_str())
                        && (form.ends_with('.')
                            || !rest[form.len()..].chars().next().is_some_and(is_word_char))
                });
            if let Some((form, f)) = longest {
                hits.push(Hit {
                    start: start + at,
                    end: start + at + form.len(),
                    form: *f,
                });
                free_from = at + form.len();
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
        let mut longest_affix = 1;
        let mut titles = HashMap::default();
        for cols in rows(data::text(data::LEXICON_TITLES)) {
            let class = match cols.get(1).map(|c| c.trim()) {
                Some("honorific") => TitleClass::Honorific,
                Some("after") => TitleClass::After,
                Some("part") => TitleClass::Part,
                _ => TitleClass::Office,
            };
            let key = affix_key(cols[0]);
            longest_affix = longest_affix.max(key.split(' ').count());
            // A title written in lower case ("coach") also starts sentences ("Coach").
            if key.starts_with(|c: char| c.is_ascii_lowercase()) {
                let mut upper = key.clone();
                upper[..1].make_ascii_uppercase();
                titles.insert(upper, class);
            }
            titles.insert(key, class);
        }
        let mut suffixes = HashMap::default();
        let mut openers = HashMap::default();
        for cols in rows(data::text(data::LEXICON_SUFFIXES)) {
            if cols.get(2).is_some_and(|p| p.trim() == "before") {
                if let Some(kind) = cols.get(1).and_then(|k| ActorKind::from_name(k)) {
                    openers.insert(affix_key(cols[0]), kind);
                }
                continue;
            }
            if let Some(kind) = cols.get(1).and_then(|k| ActorKind::from_name(k)) {
                let key = affix_key(cols[0]);
                longest_affix = longest_affix.max(key.split(' ').count());
                let in_name = cols.get(2).is_none_or(|p| p.trim() != "without");
                let english = cols
                    .get(3)
                    .map(|e| e.trim())
                    .filter(|e| e.contains("{}"))
                    .map(str::to_string);
                suffixes.insert(
                    key,
                    Suffix {
                        kind,
                        in_name,
                        english,
                    },
                );
            }
        }
        let affix_first_words = titles
            .keys()
            .chain(suffixes.keys())
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        // Word lists are stored normalised (their generators and editors keep them so).
        let words = |tsv: &'static str| -> HashSet<&'static str> {
            rows(tsv).map(|cols| cols[0].trim()).collect()
        };
        Lexicon {
            names,
            titles,
            suffixes,
            openers,
            longest_affix,
            affix_first_words,
            hi_common: rows(data::text(data::LEXICON_HI_COMMON))
                .enumerate()
                .map(|(rank, cols)| (cols[0].trim(), rank as u32))
                .collect(),
            en_common: words(data::text(data::LEXICON_EN_COMMON)),
            en_words: words(data::text(data::LEXICON_EN_WORDS)),
            surnames: words(data::text(data::LEXICON_SURNAMES)),
            initials: words(data::text(data::LEXICON_INITIALS)),
            scheme_words: rows(data::text(data::LEXICON_HI_NAME_STOPS))
                .filter(|cols| cols.get(1).is_some_and(|r| r.trim() == "scheme"))
                .map(|cols| cols[0].trim())
                .collect(),
            conjunctions: rows(data::text(data::LEXICON_HI_NAME_STOPS))
                .filter(|cols| cols.get(1).is_some_and(|r| r.trim() == "conjunction"))
                .map(|cols| cols[0].trim())
                .collect(),
            team_words: rows(data::text(data::LEXICON_TEAMS))
                .filter_map(|cols| {
                    let role = match cols.get(1).map(|r| r.trim()) {
                        Some("versus") => TeamRole::Versus,
                        Some("result") => TeamRole::Result,
                        Some("score") => TeamRole::Score,
                        _ => return None,
                    };
                    Some((cols[0].trim(), role))
                })
                .collect(),
            middle_names: rows(data::text(data::LEXICON_SURNAMES))
                .filter(|cols| cols.get(1).is_some_and(|c| c.trim() == "middle"))
                .map(|cols| cols[0].trim())
                .collect(),
        }
    }

    /// Whether `word` is one of the most frequent English words (any case).
    /// A plural of one counts too ("Standings", "Extras").
    pub fn is_english_word(&self, word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        self.en_words.contains(lower.as_str())
            || lower.len() > 3
                && lower
                    .strip_suffix('s')
                    .is_some_and(|stem| self.en_words.contains(stem))
    }

    /// Whether `word` (normalised) is an ordinary word rather than part of a name.
    pub fn is_common(&self, word: &str) -> bool {
        if word.is_ascii() {
            // "Friday's" is as common as "Friday".
            let word = word.strip_suffix("'s").unwrap_or(word);
            self.en_common.contains(word.to_ascii_lowercase().as_str())
        } else {
            self.hi_common.contains_key(word)
        }
    }

    /// Whether `word` is one of the few hundred most frequent Hindi words (postpositions,
    /// pronouns, auxiliaries): never a first name, unlike rarer common words ("ली").
    pub fn is_function_word(&self, word: &str) -> bool {
        self.hi_common
            .get(word)
            .is_some_and(|&rank| rank < FUNCTION_WORD_RANK)
    }
}

/// The word characters that `text` opens with (empty if it opens with another character).
fn first_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// The key of a group of forms: forms are only compared with the text after this matches.
fn word_hash(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

fn is_joining_mark(c: char) -> bool {
    ('\u{093A}'..='\u{094F}').contains(&c) || matches!(c, '\u{0900}'..='\u{0903}')
}

/// A title or suffix as a lookup key: normalised, trailing full stop dropped, single spaces.
pub fn affix_key(form: &str) -> String {
    let norm = Normalized::new(form.trim()).text.into_owned();
    norm.trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
