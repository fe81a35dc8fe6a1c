//! Cue words: the speech verbs, cue phrases and not-a-quote markers of `data/quotes/*.tsv`, and
//! the word splitter both the quote finder and attribution match them with.
//!
//! Each list row is `kind <TAB> form`; a form is one or more whole words. Lists are normalised
//! like the text ([`crate::normalize`]) and lower-cased at build time (`build.rs`), and read into
//! tables on first use.

use crate::data;
use crate::doc::Range;
use crate::word_set::WordSet;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// Word lists by kind; each form is a sequence of lower-case words, borrowed from the embedded
/// data (nothing is copied when the lists are read).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// By kind. The lists have a dozen kinds or fewer, asked for by name on nearly every word:
    /// comparing names along a short list is quicker than hashing the name.
    kinds: Vec<(&'static str, Kind)>,
}

/// The forms of one kind.
#[derive(Debug, Default)]
struct Kind {
    /// The words of every form, one form after another, in the lists' order.
    form_words: Vec<&'static str>,
    /// Each form's words in `form_words` (a range), longest first.
    forms: Vec<(u32, u32)>,
    /// The one-word forms, for [`Lexicon::has`].
    words: WordSet<&'static str>,
    /// By first word, the first form (an index into `forms`) that starts with it; the others
    /// follow through `next_first`, longest first, so that [`Lexicon::match_at`] tries only
    /// those. A chain through the forms rather than a list per word: no allocation per word.
    by_first: HashMap<&'static str, usize>,
    /// For each form, the next form with its first word, or [`END`].
    next_first: Vec<u32>,
    /// The same by last word, for [`Lexicon::match_before`].
    by_last: HashMap<&'static str, usize>,
    next_last: Vec<u32>,
}

/// The end of a chain of forms in [`Kind`].
const END: u32 = u32::MAX;

impl Kind {
    /// The words of form `i`.
    fn form(&self, i: u32) -> &[&'static str] {
        match self.forms.get(i as usize) {
            Some(&(from, to)) => self
                .form_words
                .get(from as usize..to as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }

    /// The number of words of the first form of the chain from `first` (through `next`) that
    /// `fits`.
    fn first_fit(
        &self,
        first: Option<&usize>,
        next: &[u32],
        fits: impl Fn(&[&'static str]) -> bool,
    ) -> Option<usize> {
        let mut i = *first? as u32;
        while i != END {
            let form = self.form(i);
            if fits(form) {
                return Some(form.len());
            }
            i = next.get(i as usize).copied().unwrap_or(END);
        }
        None
    }
}

impl Lexicon {
    /// The lists of the data files `sources`, read once into `cell` (one lazy initialiser for
    /// every list, not a copy of its code for each).
    fn load(cell: &'static OnceLock<Lexicon>, sources: &[data::File]) -> &'static Lexicon {
        cell.get_or_init(|| Lexicon::parse(sources.iter().map(|&file| data::text(file))))
    }

    fn parse(sources: impl IntoIterator<Item = &'static str>) -> Lexicon {
        let mut kinds: Vec<(&'static str, Kind)> = Vec::new();
        // Rows come grouped by kind: the kind of the row before is tried first.
        let mut at = 0;
        let mut cols: Vec<&'static str> = Vec::new();
        for source in sources {
            // Packed files have no comment or blank lines; each row is `kind <TAB> form`.
            data::each_row(source, &mut cols, &mut |cols| {
                let [name, form @ ..] = cols else {
                    return;
                };
                if form.is_empty() {
                    return;
                }
                if kinds.get(at).is_none_or(|(k, _)| k != name) {
                    at = match kinds.iter().position(|(k, _)| k == name) {
                        Some(at) => at,
                        None => {
                            kinds.push((name, Kind::default()));
                            kinds.len() - 1
                        }
                    };
                }
                let Some((_, kind)) = kinds.get_mut(at) else {
                    return;
                };
                // Stored normalised (no space but ASCII ones, which build.rs checks) and in lower
                // case by build.rs (see `cue_form` there).
                let from = kind.form_words.len() as u32;
                for cell in form {
                    kind.form_words.extend(cell.split_ascii_whitespace());
                }
                let to = kind.form_words.len() as u32;
                if to > from {
                    kind.forms.push((from, to));
                }
            });
        }
        for (_, kind) in kinds.iter_mut() {
            // Longest forms first, so that a match is the longest one.
            crate::sort::by_key(&mut kind.forms, |&(from, to)| std::cmp::Reverse(to - from));
            let n = kind.forms.len();
            kind.by_first = HashMap::with_capacity_and_hasher(n, Default::default());
            kind.by_last = HashMap::with_capacity_and_hasher(n, Default::default());
            kind.next_first = vec![END; n];
            kind.next_last = vec![END; n];
            kind.words = WordSet::with_capacity(n);
            // From the last form back, each put before the forms after it in its chains.
            for i in (0..n as u32).rev() {
                let (Some(&first), Some(&last)) = (kind.form(i).first(), kind.form(i).last())
                else {
                    continue;
                };
                if kind.form(i).len() == 1 {
                    kind.words.insert(first);
                }
                if let Some(next) = kind.by_first.insert(first, i as usize) {
                    kind.next_first[i as usize] = next as u32;
                }
                if let Some(next) = kind.by_last.insert(last, i as usize) {
                    kind.next_last[i as usize] = next as u32;
                }
            }
        }
        Lexicon { kinds }
    }

    fn kind(&self, kind: &str) -> Option<&Kind> {
        // Names are a few bytes long, mostly told apart by their length or first byte: compared
        // byte by byte, without a call to memcmp for each name on the list.
        self.kinds
            .iter()
            .find(|(k, _)| {
                k.len() == kind.len() && k.bytes().zip(kind.bytes()).all(|(a, b)| a == b)
            })
            .map(|(_, k)| k)
    }

    /// The forms of `kind`, longest first, each its words.
    pub fn forms(&self, kind: &str) -> impl Iterator<Item = &[&'static str]> {
        let kind = self.kind(kind);
        let n = kind.map_or(0, |k| k.forms.len() as u32);
        (0..n).filter_map(move |i| kind.map(|k| k.form(i)))
    }

    /// The number of words of the longest `kind` form that starts at `words[at]`.
    pub fn match_at(&self, kind: &str, words: &[Word<'_>], at: usize) -> Option<usize> {
        let first = words.get(at)?;
        let kind = self.kind(kind)?;
        let candidates = kind.by_first.get(first.lower.as_ref());
        kind.first_fit(candidates, &kind.next_first, |form| {
            form.len() + at <= words.len()
                && form.iter().zip(&words[at..]).all(|(f, w)| w.lower == *f)
        })
    }

    /// The number of words of the longest `kind` form that ends at `words[end - 1]`.
    pub fn match_before(&self, kind: &str, words: &[Word<'_>], end: usize) -> Option<usize> {
        let last = words.get(end.checked_sub(1)?)?;
        let kind = self.kind(kind)?;
        let candidates = kind.by_last.get(last.lower.as_ref());
        kind.first_fit(candidates, &kind.next_last, |form| {
            form.len() <= end
                && form
                    .iter()
                    .zip(&words[end - form.len()..end])
                    .all(|(f, w)| w.lower == *f)
        })
    }

    /// Whether `word` is one of the one-word forms of `kind`.
    pub fn has(&self, kind: &str, word: &str) -> bool {
        self.kind(kind).is_some_and(|k| k.words.contains(word))
    }

    /// The one-word forms of `kind`, for asking [`Lexicon::has`] of many words.
    pub fn words_of(&self, kind: &str) -> Option<&WordSet<&'static str>> {
        self.kind(kind).map(|k| &k.words)
    }
}

/// Speech verbs and cue phrases, Hindi and English together (the two scripts never collide).
pub fn cues() -> &'static Lexicon {
    static CUES: OnceLock<Lexicon> = OnceLock::new();
    Lexicon::load(&CUES, &[data::QUOTES_CUES_HI, data::QUOTES_CUES_EN])
}

/// Markers of names, titles and terms, and of utterances.
pub fn not_quotes() -> &'static Lexicon {
    static LIST: OnceLock<Lexicon> = OnceLock::new();
    Lexicon::load(&LIST, &[data::QUOTES_NOT_QUOTES])
}

/// Roles, titles and other words that shape a speaker phrase.
pub fn speakers() -> &'static Lexicon {
    static LIST: OnceLock<Lexicon> = OnceLock::new();
    Lexicon::load(&LIST, &[data::QUOTES_SPEAKERS])
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
        _ => crate::chars::is_alphanumeric(c),
    }
}

/// The words of `text[range]`, in order.
pub fn words(text: &str, range: Range) -> Vec<Word<'_>> {
    each_word(text, range, |range, text, plain| Word {
        range,
        text,
        lower: if plain {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(crate::unicode::to_lowercase(text))
        },
    })
}

/// What `make` makes of each word of `text[range]` (its range, its text, and whether it is its
/// own lower case), in order.
// Inlined into its two callers: called through `make`, the loop took 0.1% more of a Hindi parse.
#[inline(always)]
fn each_word<'t, T>(
    text: &'t str,
    range: Range,
    mut make: impl FnMut(Range, &'t str, bool) -> T,
) -> Vec<T> {
    let s = range.slice(text);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(crate::mentions::patterns::word_estimate(s));
    let mut start: Option<usize> = None;
    // The word so far is its own lower case: ASCII without capitals, or Devanagari (as
    // `normalize::lowercase` tells), so its lower case is borrowed without reading it again.
    let mut plain = true;
    let mut at = 0;
    while at <= bytes.len() {
        // Most characters are ASCII letters and digits or Devanagari letters and signs (its own
        // lower case): a run of them is read without the general steps below.
        let (end, upper) = crate::chars::letter_run(bytes, at);
        let (c, len) = if end > at {
            if start.is_none() {
                start = Some(at);
                plain = true;
            }
            plain &= !upper;
            at = end;
            // A space after the run ends the word (most words end so): read as such here.
            if bytes.get(at) != Some(&b' ') {
                continue;
            }
            (' ', 1)
        } else {
            match bytes.get(at) {
                None => (' ', 1),
                Some(&b) if b.is_ascii() => (char::from(b), 1),
                Some(_) => crate::chars::char_at(s, at),
            }
        };
        let inside = is_word_char(c)
            || (c == '\'' || c == '’' || c == '.')
                && start.is_some()
                && bytes
                    .get(at + len)
                    .is_some_and(|n| n.is_ascii_alphanumeric());
        match (inside, start) {
            (true, None) => {
                start = Some(at);
                plain = true;
            }
            (false, Some(from)) => {
                let r = Range::new(range.start + from, range.start + at);
                out.push(make(r, &s[from..at], plain));
                start = None;
            }
            _ => {}
        }
        if inside {
            plain &= crate::normalize::is_own_lowercase(c);
        }
        at += len;
    }
    out
}

/// The words of a whole text, read once: the quote finder and attribution read many
/// overlapping windows around each quote, whose words are sliced from these.
#[derive(Debug, Clone)]
pub struct TextWords<'t> {
    text: &'t str,
    words: Vec<Word<'t>>,
}

impl<'t> TextWords<'t> {
    /// The words of `text`; the lower case of those that are not their own is written into
    /// `lowered`, one after another, and borrowed from there (no string for each).
    pub fn new(text: &'t str, lowered: &'t mut String) -> Self {
        lowered.clear();
        // Each such word's number and where its lower case is in `lowered`.
        let mut placed: Vec<(usize, usize, usize)> = Vec::new();
        let mut count = 0;
        let mut words = each_word(text, Range::new(0, text.len()), |range, word, plain| {
            if !plain {
                // Room at the first such word for the lower case of the words to come that need
                // it (a fraction of the text: a quarter, so that a long text does not hold twice
                // its length), not a string grown a dozen times.
                if lowered.capacity() == 0 {
                    lowered.reserve((text.len() - range.start) / 4);
                }
                let from = lowered.len();
                crate::unicode::push_lowercase(word, lowered);
                placed.push((count, from, lowered.len()));
            }
            count += 1;
            Word {
                range,
                text: word,
                lower: Cow::Borrowed(word),
            }
        });
        let lowered: &'t String = lowered;
        for (i, from, to) in placed {
            words[i].lower = Cow::Borrowed(&lowered[from..to]);
        }
        // The list was sized for the most words a text of its length has; a text of few words
        // (marks, digits) would keep much more memory than it needs for as long as it is read.
        words.shrink_to_fit();
        TextWords { text, words }
    }

    /// The words of `text[range]` as [`words`] finds them: a slice of the text's words, unless a
    /// word crosses an end of `range` (which then cuts it), when they are read anew.
    pub fn of(&self, range: Range) -> Cow<'_, [Word<'t>]> {
        let lo = self.words.partition_point(|w| w.range.end <= range.start);
        let hi = self.words.partition_point(|w| w.range.start < range.end);
        let part = &self.words[lo..hi.max(lo)];
        let crosses = part.first().is_some_and(|w| w.range.start < range.start)
            || part.last().is_some_and(|w| w.range.end > range.end);
        if crosses {
            Cow::Owned(words(self.text, range))
        } else {
            Cow::Borrowed(part)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_longest_form_of_a_kind() {
        let lexicon = Lexicon::parse([
            "verb\tsaid\nverb\tsaid that\nnoun\tsaid\n# a comment\nverb\tsaid that he\n",
            "verb\thas said\nverb\the said\nverb\tsaid\nother\t \n",
        ]);
        let text = "He has said that he said";
        let ws = words(text, Range::new(0, text.len()));
        let at = |kind, i| lexicon.match_at(kind, &ws, i);
        let before = |kind, end| lexicon.match_before(kind, &ws, end);
        assert_eq!(
            at("verb", 2),
            Some(3),
            "should match the longest form from a word"
        );
        assert_eq!(
            at("verb", 5),
            Some(1),
            "should match a shorter form at the end"
        );
        assert_eq!(at("noun", 2), Some(1), "should keep the kinds apart");
        assert_eq!((at("verb", 0), at("other", 2)), (None, None));
        assert_eq!(
            before("verb", 6),
            Some(2),
            "should match the longest form to a word"
        );
        assert_eq!(
            before("verb", 3),
            Some(2),
            "should match \"has said\" before a word"
        );
        assert_eq!(before("verb", 4), Some(2), "should match \"said that\"");
        assert_eq!((before("verb", 1), before("verb", 0)), (None, None));
        assert!(lexicon.has("verb", "said") && !lexicon.has("verb", "has"));
        let forms: Vec<&[&str]> = lexicon.forms("verb").collect();
        assert_eq!(
            forms.first().map(|f| f.len()),
            Some(3),
            "should list the longest first"
        );
        assert_eq!(forms.len(), 6, "should keep every form");
    }

    /// Every range of a text with words that a cut could change: the slice is what reading the
    /// range alone finds, at every pair of character boundaries, including cuts inside "U.S",
    /// "don't" and Devanagari words.
    #[test]
    fn slices_read_as_alone() {
        let text = "He said: “U.S.A's don't” — उन्होंने कहा, ‘हाँ’. Mr. O'Neil 3.5 ÉCOLE";
        let mut lowered = String::new();
        let all = TextWords::new(text, &mut lowered);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut sliced = 0;
        for (k, &start) in cuts.iter().enumerate() {
            for &end in &cuts[k..] {
                let range = Range::new(start, end);
                let part = all.of(range);
                assert_eq!(
                    &part[..],
                    &words(text, range)[..],
                    "should read {start}..{end} as alone"
                );
                sliced += usize::from(matches!(part, Cow::Borrowed(_)));
            }
        }
        assert!(
            sliced > cuts.len(),
            "should slice most ranges, not read them anew"
        );
    }
}
