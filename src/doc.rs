//! The plain data that the stages hand to one another.
//!
//! Every range here is a byte range of the *normalised* text ([`crate::normalize`]); only the
//! last step ([`crate::assemble`]) maps ranges back to the input and builds the public
//! [`crate::Article`]. Each stage reads what earlier stages produced and returns its own data;
//! no stage changes what an earlier one decided.

use std::borrow::Cow;

use crate::article::{ActorKind, QuoteKind};

/// A byte range `start..end` of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

impl Range {
    pub fn new(start: usize, end: usize) -> Range {
        debug_assert!(start <= end, "a range should not end before it starts");
        Range { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Range) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Range) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// Whether `range` overlaps one of `items`, whose ranges (`range_of`) are sorted by start and do
/// not overlap each other: a binary search, since long texts hold thousands of mentions.
pub fn overlaps_any<T>(items: &[T], range_of: impl Fn(&T) -> Range, range: Range) -> bool {
    let after = items.partition_point(|item| range_of(item).start < range.end);
    after > 0 && range_of(&items[after - 1]).end > range.start
}

/// A fixed set of ranges that answers "does anything overlap this range?" in logarithmic time.
pub struct Ranges {
    /// Starts in order, and the furthest end among the ranges up to each one.
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Ranges {
    pub fn new(ranges: impl Iterator<Item = Range>) -> Ranges {
        let mut ranges: Vec<Range> = ranges.collect();
        // Ties in start may come in any order: a query reads the last of them.
        crate::sort::by_key(&mut ranges, |r| r.start);
        let starts = ranges.iter().map(|r| r.start).collect();
        let furthest_end = ranges
            .iter()
            .scan(0, |end, r| {
                *end = (*end).max(r.end);
                Some(*end)
            })
            .collect();
        Ranges {
            starts,
            furthest_end,
        }
    }

    /// Whether a range overlaps `range` (in the sense of [`Range::overlaps`]).
    pub fn overlaps(&self, range: Range) -> bool {
        let before_end = self.starts.partition_point(|&s| s < range.end);
        before_end > 0 && self.furthest_end[before_end - 1] > range.start
    }
}

/// Something doubtful the parser handled, before it is mapped to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
    pub range: Range,
}

/// What a block of text is in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Kicker,
    Title,
    Standfirst,
    Heading,
    Paragraph,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphDraft {
    pub range: Range,
    pub sentences: Vec<Range>,
    /// The paragraph repeats an earlier one (scraping often doubles paragraphs): later stages
    /// skip it so that its quotes and mentions are not counted twice.
    pub duplicate: bool,
    /// BCP 47 tag of the paragraph's language ([`crate::lang`]): `hi`, `en`, `ur` or `und`.
    pub lang: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SectionDraft {
    pub heading: Option<Range>,
    pub paragraphs: Vec<ParagraphDraft>,
}

/// What the structure stage found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Structure {
    /// BCP 47 tag of the body: `hi`, `en`, `ur` or `und`.
    pub lang: &'static str,
    pub kicker: Option<Range>,
    pub title: Option<Range>,
    pub standfirst: Option<Range>,
    /// Lies inside the first paragraph.
    pub dateline: Option<Range>,
    pub sections: Vec<SectionDraft>,
    pub related: Vec<Range>,
    pub notes: Vec<Note>,
}

/// A block of text that later stages read, with its sentences (borrowed from the structure).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region<'a> {
    pub role: Role,
    pub range: Range,
    pub sentences: &'a [Range],
}

impl Structure {
    /// The text blocks of the story in reading order: kicker, title, standfirst, then each
    /// section's heading and paragraphs. Related lines and duplicated paragraphs are left out.
    pub fn regions(&self) -> Vec<Region<'_>> {
        fn whole(role: Role, range: &Range) -> Region<'_> {
            Region {
                role,
                range: *range,
                sentences: std::slice::from_ref(range),
            }
        }
        let mut regions = Vec::new();
        regions.extend(self.kicker.as_ref().map(|r| whole(Role::Kicker, r)));
        regions.extend(self.title.as_ref().map(|r| whole(Role::Title, r)));
        regions.extend(self.standfirst.as_ref().map(|r| whole(Role::Standfirst, r)));
        for section in &self.sections {
            regions.extend(section.heading.as_ref().map(|r| whole(Role::Heading, r)));
            for paragraph in section.paragraphs.iter().filter(|p| !p.duplicate) {
                regions.push(Region {
                    role: Role::Paragraph,
                    range: paragraph.range,
                    sentences: &paragraph.sentences,
                });
            }
        }
        regions
    }
}

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// The words between the marks.
    pub range: Range,
    /// The opening mark, if there was one.
    pub open: Option<Range>,
    /// The closing mark, if there was one (none when the quote ran to the end of a paragraph).
    pub close: Option<Range>,
    pub kind: QuoteKind,
}

/// Where a mention came from, strongest evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// `options.actors`.
    User,
    /// The compiled lexicon.
    Lexicon,
    /// A title, honorific, suffix or case-marker pattern.
    Pattern,
    /// The learned tagger.
    Tagger,
}

/// One place the text names an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub range: Range,
    pub kind: ActorKind,
    pub source: Source,
    /// The English name when the mention's entry has one: borrowed from the built-in lexicon
    /// (no copy per mention), owned when made here or given by the caller.
    pub canonical: Option<Cow<'static, str>>,
    /// A Wikidata id when known.
    pub wikidata: Option<Cow<'static, str>>,
    /// The mention is a demonym or adjective ("रूसी", "Russian") rather than a name.
    pub adjectival: bool,
}

/// An actor after mentions were merged, before ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorDraft {
    /// The fullest surface form used in the article.
    pub name: String,
    pub canonical: Option<Cow<'static, str>>,
    pub wikidata: Option<Cow<'static, str>>,
    pub kind: ActorKind,
    /// In text order, without overlaps.
    pub mentions: Vec<Range>,
    /// Surface forms other than `name`.
    pub aliases: Vec<String>,
}

/// Who said a quote, as an index into the actor list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    pub speaker: Option<usize>,
    pub speaker_mention: Option<Range>,
    pub cue: Option<Range>,
}
