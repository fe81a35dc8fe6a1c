//! The result of a parse: an [`Article`] and the pieces it is made of.
//!
//! Every span here is a UTF-8 byte range (`byte_start..byte_end`) into the text that was given to
//! [`crate::parse`], and its `text` is exactly that slice. The JSON that JavaScript and the CLI see
//! is the same shape with UTF-16 `start`/`end` offsets instead; [`crate::wire`] converts.

use serde::Serialize;

/// A piece of the input: `text == input[byte_start..byte_end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub text: String,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Span {
    /// The span of `input[byte_start..byte_end]`.
    ///
    /// The range must lie on character boundaries of `input`.
    pub fn of(input: &str, byte_start: usize, byte_end: usize) -> Span {
        Span {
            text: input[byte_start..byte_end].to_string(),
            byte_start,
            byte_end,
        }
    }
}

/// A sentence inside a paragraph, as a byte range of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Where a block of an HTML input came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// A CSS selector of the element (`#story > p:nth-of-type(3)`), from the nearest ancestor
    /// with an id or from `html`; `None` when that path would be longer than 32 steps.
    pub path: Option<String>,
    /// The element's index among all elements of the page in document order, counting from 0.
    pub node: usize,
}

/// One paragraph of the body with its sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    #[serde(flatten)]
    pub span: Span,
    pub sentences: Vec<Sentence>,
    /// BCP 47 tag of the paragraph's language: `hi`, `en`, `ur` or `und`.
    pub lang: String,
    /// The paragraph repeats an earlier one; its quotes and actors are not counted again.
    pub duplicate: bool,
    /// The element it came from, for HTML input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A run of paragraphs under one sub-heading; the lead section has no heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub heading: Option<Span>,
    pub paragraphs: Vec<Paragraph>,
    /// The element the heading came from, for HTML input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_source: Option<Source>,
}

/// Whether a quote is a whole quoted utterance or a fragment woven into reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
}

/// A quotation. Its span covers the words between the quote marks, not the marks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub text: String,
    pub byte_start: usize,
    pub byte_end: usize,
    pub kind: QuoteKind,
    /// The id of the [`Actor`] who said it, when the article tells.
    pub speaker: Option<String>,
    /// The words that name or refer to the speaker ("लावरोव", "उन्होंने", "the minister").
    pub speaker_mention: Option<Span>,
    /// The speech verb or cue phrase ("ने कहा", "said", "according to").
    pub cue: Option<Span>,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
    Place,
    Group,
}

impl ActorKind {
    /// The kind named by `name` as it is written in data files and options.
    pub fn from_name(name: &str) -> Option<ActorKind> {
        // Compared without case, not lowered into a String: the lexicon asks this of hundreds
        // of rows on its first use.
        const NAMES: [(&str, ActorKind); 12] = [
            ("person", ActorKind::Person),
            ("per", ActorKind::Person),
            ("country", ActorKind::Country),
            ("organization", ActorKind::Organization),
            ("organisation", ActorKind::Organization),
            ("org", ActorKind::Organization),
            ("place", ActorKind::Place),
            ("loc", ActorKind::Place),
            ("location", ActorKind::Place),
            ("city", ActorKind::Place),
            ("state", ActorKind::Place),
            ("group", ActorKind::Group),
        ];
        let name = name.trim();
        NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|&(_, kind)| kind)
    }

    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
        }
    }
}

/// Somebody or something the story is about, with every place the text mentions it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    /// Stable within one result: quotes refer to actors by it.
    pub id: String,
    /// The fullest form the article uses, in the article's script.
    pub name: String,
    /// The English name, when known.
    pub canonical: Option<String>,
    pub kind: ActorKind,
    /// Every other surface form used for this actor in the article.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub quote_count: u32,
    /// Higher is more important; actors are sorted by it, highest first.
    pub salience: f32,
}

/// Something doubtful that the parser still handled, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// A stable, kebab-case code such as `unclosed-quote`.
    pub code: String,
    /// A sentence a person can act on.
    pub message: String,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Everything newslens found in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// BCP 47 tag of the body's language: `hi`, `en`, `ur` or `und`.
    pub lang: String,
    pub title: Option<Span>,
    pub kicker: Option<Span>,
    pub standfirst: Option<Span>,
    pub dateline: Option<Span>,
    pub sections: Vec<Section>,
    /// Read-also, promo and link lines, kept out of the sections.
    pub related: Vec<Span>,
    pub quotes: Vec<Quote>,
    /// Most salient first.
    pub actors: Vec<Actor>,
    pub warnings: Vec<Warning>,
    /// For HTML input: the article's plain text as extracted from the page. Every span of an
    /// Article read from HTML is a range of this text, not of the markup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// For HTML input: the author line the page gives (a span of `text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<Span>,
    /// For HTML input: the publication time the page gives, as it writes it (usually ISO 8601).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

impl Article {
    /// Every span of the result, for checks that must hold of all of them.
    pub fn spans(&self) -> Vec<&Span> {
        let mut all: Vec<&Span> = Vec::new();
        all.extend(self.title.iter());
        all.extend(self.kicker.iter());
        all.extend(self.standfirst.iter());
        all.extend(self.dateline.iter());
        all.extend(self.byline.iter());
        for section in &self.sections {
            all.extend(section.heading.iter());
            all.extend(section.paragraphs.iter().map(|p| &p.span));
        }
        all.extend(self.related.iter());
        for quote in &self.quotes {
            all.extend(quote.speaker_mention.iter());
            all.extend(quote.cue.iter());
        }
        for actor in &self.actors {
            all.extend(actor.mentions.iter());
        }
        all
    }
}
