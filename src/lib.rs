//! newslens reads a news article — Hindi, English or both mixed — and tells what is in it: its
//! kicker, title, standfirst and dateline, its sections and paragraphs, read-also lines, direct
//! and partial quotes with who said them, and the actors of the story ranked by importance.
//!
//! ```
//! let article = newslens::parse("Kicker: A headline\nRussia said on Monday, “We will act.”");
//! assert_eq!(article.kicker.unwrap().text, "Kicker");
//! ```
//!
//! The pipeline runs one stage per module, each taking plain data and returning plain data:
//! [`normalize`] → [`structure`] → [`quotes`] → [`mentions`] → [`actors`] → [`attribution`] →
//! [`rank`] → [`assemble`]. Stages work on the normalised text; [`assemble`] maps every range
//! back to the input, so each span's `text` is exactly the input's slice.

pub mod actors;
pub mod article;
pub mod assemble;
pub mod attribution;
pub mod data;
pub mod doc;
pub mod lang;
pub mod mentions;
pub mod normalize;
pub mod options;
pub mod quotes;
pub mod rank;
pub mod structure;
pub mod wire;

pub use article::{
    Actor, ActorKind, Article, Paragraph, Quote, QuoteKind, Section, Sentence, Span, Warning,
};
pub use options::{ActorEntry, Options};

use std::fmt;

/// Why an input could not be parsed at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is longer than [`Options::max_input_bytes`].
    InputTooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "the input is {bytes} bytes of UTF-8, more than maxInputBytes ({limit}); \
                 pass a larger maxInputBytes or a shorter text"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Parse `text` with the default [`Options`].
pub fn parse(text: &str) -> Article {
    parse_with(text, &Options::default())
}

/// Parse `text` with `options`. Input that cannot be parsed gives an empty Article whose
/// `warnings` say why; [`try_parse_with`] returns the reason as an error instead.
pub fn parse_with(text: &str, options: &Options) -> Article {
    try_parse_with(text, options).unwrap_or_else(|error| Article {
        lang: "und".to_string(),
        title: None,
        kicker: None,
        standfirst: None,
        dateline: None,
        sections: Vec::new(),
        related: Vec::new(),
        quotes: Vec::new(),
        actors: Vec::new(),
        warnings: vec![Warning {
            code: "input-too-large".to_string(),
            message: error.to_string(),
            byte_start: 0,
            byte_end: 0,
        }],
    })
}

/// Parse `text` with `options`, or say why it cannot be parsed.
pub fn try_parse_with(text: &str, options: &Options) -> Result<Article, Error> {
    if text.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            bytes: text.len(),
            limit: options.max_input_bytes,
        });
    }
    let normalized = normalize::Normalized::new(text);
    let norm: &str = &normalized.text;
    let structure = structure::analyse(norm, options);
    let (quotes, notes) = quotes::find_quotes(norm, &structure);
    let mentions = mentions::find_mentions(norm, &structure, &quotes, options);
    let mut actors = actors::merge(norm, &mentions, &structure);
    let attributions = attribution::attribute(norm, &structure, &quotes, &mut actors);
    let salience = rank::salience_with_text(Some(norm), &structure, &actors, &attributions);
    Ok(assemble::assemble(
        text,
        assemble::Parts {
            normalized: &normalized,
            structure,
            quotes,
            actors,
            attributions,
            salience,
            notes,
        },
    ))
}

/// The Article of `text` in the public JSON schema, with UTF-16 offsets (what JS and the CLI see).
pub fn parse_to_wire(text: &str, options: &Options) -> Result<wire::Article, Error> {
    let article = try_parse_with(text, options)?;
    Ok(wire::Article::from_article(&article, text))
}
