//! Cue words: the speech verbs, cue phrases and not-a-quote markers of `data/quotes/*.tsv`, and
//! the word splitter both the quote finder and attribution match them with.
//!
//! Each list row is `kind <TAB> form`; a form is one or more whole words. Lists are normalised
//! like the text ([`crate::normalize`]) and lower-cased at build time (`build.rs`), and read into
//! tables on first use.

use crate::data;
use crate::doc::Range;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Word lists by kind; each form is a sequence of lower-case words, borrowed from the embedded
/// data (nothing is copied when the lists are read).
#[derive(Debug, Default)]
pub struct Lexicon {
    kinds: HashMap<&'static str, Kind>,
}

/// The forms of one kind.
#[derive(Debug, Default)]
struct Kind {
    /// Longest first.
    forms: Vec<Vec<&'static str>>,
    /// The one-word forms, for [`Lexicon::has`].
    words: HashSet<&'static str>,
    /// By first word, the forms (indices into `forms`, longest first) that start with it, so that
    /// [`Lexicon::match_at`] tries only those.
    by_first: HashMap<&'static str, Vec<usize>>,
    /// The same by last word, for [`Lexicon::match_before`].
    by_last: HashMap<&'static str, Vec<usize>>,
}

impl Lexicon {
    fn parse(sources: &[&'static str]) -> Lexicon {
        let mut kinds: HashMap<&'static str, Kind> = HashMap::default();
        for source in sources {
            for line in source.lines() {
                let line = line.trim_end();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((kind, form)) = line.split_once('\t') else {
                    continue;
                };
                // Stored normalised and in lower case by build.rs (see `cue_form` there).
                let words: Vec<&'static str> = form.split_whitespace().collect();
                if !words.is_empty() {
                    kinds.entry(kind).or_default().forms.push(words);
                }
            }
        }
        for kind in kinds.values_mut() {
            // Longest forms first, so that a match is the longest one.
            crate::sort::by_key(&mut kind.forms, |f| std::cmp::Reverse(f.len()));
            for (i, form) in kind.forms.iter().enumerate() {
                if let [word] = form[..] {
                    kind.words.insert(word);
                }
                kind.by_first.entry(form[0]).or_default().push(i);
                kind.by_last
                    .entry(form[form.len() - 1])
                    .or_default()
                    .push(i);
            }
        }
        Lexicon { kinds }
    }

    /// The forms of `kind`.
    pub fn forms(&self, kind: &str) -> &[Vec<&'static str>] {
        self.kinds.get(kind).map_or(&[], |k| k.forms.as_slice())
    }

    /// The number of words of the longest `kind` form that starts at `words[at]`.
    pub fn match_at(&self, kind: &str, words: &[Word<'_>], at: usize) -> Option<usize> {
        let first = words.get(at)?;
        let kind = self.kinds.get(kind)?;
        let candidates = kind.by_first.get(first.lower.as_ref())?;
        candidates.iter().map(|&i| &kind.forms[i]).find_map(|form| {
            let fits = form.len() + at <= words.len()
                && form.iter().zip(&words[at..]).all(|(f, w)| w.lower == *f);
            fits.then_some(form.len())
        })
    }

    /// The number of words of the longest `kind` form that ends at `words[end - 1]`.
    pub fn match_before(&self, kind: &str, words: &[Word<'_>], end: usize) -> Option<usize> {
        let last = words.get(end.checked_sub(1)?)?;
        let kind = self.kinds.get(kind)?;
        let candidates = kind.by_last.get(last.lower.as_ref())?;
        candidates.iter().map(|&i| &kind.forms[i]).find_map(|form| {
            let fits = form.len() <= end
                && form
                    .iter()
                    .zip(&words[end - form.len()..end])
                    .all(|(f, w)| w.lower == *f);
            fits.then_some(form.len())
        })
    }

    /// Whether `word` is one of the one-word forms of `kind`.
    pub fn has(&self, kind: &str, word: &str) -> bool {
        self.kinds.get(kind).is_some_and(|k| k.words.contains(word))
    }
}

/// Speech verbs and cue phrases, Hindi and English together (the two scripts never collide).
pub fn cues() -> &'static Lexicon {
    static CUES: OnceLock<Lexicon> = OnceLock::new();
    CUES.get_or_init(|| {
        Lexicon::parse(&[
            data::text(data::QUOTES_CUES_HI),
            data::text(data::QUOTES_CUES_EN),
        ])
    })
}

/// Markers of names, titles and terms, and of utterances.
pub fn not_quotes() -> &'static Lexicon {
    static LIST: OnceLock<Lexicon> = OnceLock::new();
    LIST.get_or_init(|| Lexicon::parse(&[data::text(data::QUOTES_NOT_QUOTES)]))
}

/// Roles, titles and other words that shape a speaker phrase.
pub fn speakers() -> &'static Lexicon {
    static LIST: OnceLock<Lexicon> = OnceLock::new();
    LIST.get_or_init(|| Lexicon::parse(&[data::text(data::QUOTES_SPEAKERS)]))
}

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    pub range: Range,
    pub text: &'t str,
    pub lower: Cow<'t, str>,
}

/// A character that belongs to a word: letters, digits and the Devanagari signs (matras, virama,
/// nukta), which are not all alphabetic to Unicode.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // ASCII and Devanagari first: the general Unicode tables are slow to search.
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0900}'..='\u{097F}' => !matches!(c, '।' | '॥'),
        _ => c.is_alphanumeric(),
    }
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Range) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let s = range.slice(text);
    for (at, c) in s.char_indices().chain([(s.len(), ' ')]) {
        let inside = is_word_char(c)
            || (c == '\'' || c == '’' || c == '.')
                && start.is_some()
                && s[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric() && n.is_ascii());
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let r = Range::new(range.start + from, range.start + at);
                let w = r.slice(text);
                out.push(Word {
                    range: r,
                    text: w,
                    lower: crate::normalize::lowercase(w),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `text` holds Devanagari letters.
pub fn has_devanagari(text: &str) -> bool {
    text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
}
