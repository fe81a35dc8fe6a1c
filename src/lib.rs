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
//! [`normalize`] → [`structure`] → [`mentions`] → [`actors`] → [`quotes`] → [`attribution`] →
//! [`rank`] → [`assemble`]. Stages work on the normalised text; [`assemble`] maps every range
//! back to the input, so each span's `text` is exactly the input's slice.

pub mod actors;
pub mod article;
pub mod assemble;
pub mod attribution;
pub(crate) mod chars;
pub mod data;
pub mod decimal;
pub mod doc;
#[cfg(feature = "html")]
pub mod html;
pub mod lang;
pub mod mentions;
pub mod normalize;
pub mod options;
pub mod phrases;
pub mod quotes;
pub mod rank;
pub mod scan;
pub mod sort;
pub mod structure;
pub(crate) mod unicode;
pub mod wire;
pub(crate) mod word_set;

pub use article::{
    Actor, ActorKind, Article, Paragraph, Quote, QuoteKind, Section, Sentence, Source, Span,
    Warning,
};
pub use options::{ActorEntry, Format, Options};

use std::fmt;

/// Why an input could not be parsed at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input is longer than [`Options::max_input_bytes`].
    InputTooLarge { bytes: usize, limit: usize },
    /// `format: "html"` was asked of a build without the `html` feature.
    HtmlNotBuilt,
}

impl Error {
    /// The warning code [`parse_with`] reports the error under.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input-too-large",
            Error::HtmlNotBuilt => "html-not-built",
        }
    }
}

impl Error {
    /// What went wrong and what to do about it (also the error's `Display`); built from its
    /// parts without `core::fmt`, which the wasm does not carry (see [`decimal`]).
    pub fn message(&self) -> String {
        match self {
            Error::InputTooLarge { bytes, limit } => [
                "the input is ",
                &decimal::decimal(*bytes as u64),
                " bytes of UTF-8, more than maxInputBytes (",
                &decimal::decimal(*limit as u64),
                "); pass a larger maxInputBytes or a shorter text",
            ]
            .concat(),
            Error::HtmlNotBuilt => "this build of newslens reads no HTML (it was built without \
                                    the html feature, as the package's newslens_text_bg.wasm is, \
                                    which the <news-lens> widget loads); pass the article's plain \
                                    text with format \"text\", or load newslens_wasm_bg.wasm, \
                                    which reads HTML"
                .to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
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
        text: None,
        byline: None,
        published: None,
        warnings: vec![Warning {
            code: error.code().to_string(),
            message: error.message(),
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
    #[cfg(feature = "html")]
    match options.format {
        Format::Html => return Ok(html::parse(text, options)),
        Format::Auto if html::looks_like_html(text) => return Ok(html::parse(text, options)),
        _ => {}
    }
    #[cfg(not(feature = "html"))]
    match options.format {
        Format::Html => return Err(Error::HtmlNotBuilt),
        Format::Auto if options::looks_like_html(text) => return Err(Error::HtmlNotBuilt),
        _ => {}
    }
    let normalized = normalize::Normalized::new(text);
    let structure = structure::analyse(&normalized.text, options);
    Ok(read_normalized(text, &normalized, structure, options))
}

/// The stages after structure, on a text that normalises to itself (the extracted text of an
/// HTML page, [`html::layout`]) and whose structure is already known.
#[cfg(feature = "html")]
pub(crate) fn read_structure(text: &str, structure: doc::Structure, options: &Options) -> Article {
    let normalized = normalize::Normalized::new(text);
    if !normalized.is_identity() {
        // The ranges of `structure` would not be ranges of the normalised text: find the
        // structure again from the text itself.
        let found = structure::analyse(&normalized.text, options);
        return read_normalized(text, &normalized, found, options);
    }
    read_normalized(text, &normalized, structure, options)
}

/// The stages after structure: mentions, actors, quotes, attribution, rank, assemble (quotes
/// need nothing of mentions and actors, and run after them so that the two lists of words are
/// not held at once).
fn read_normalized(
    text: &str,
    normalized: &normalize::Normalized<'_>,
    structure: doc::Structure,
    options: &Options,
) -> Article {
    let norm: &str = &normalized.text;
    let regions = structure.regions();
    let mut words = mentions::sentence_words(norm, &regions);
    let mut mentions = mentions::find_mentions(norm, &structure, &regions, &mut words, options);
    let mut actors = actors::merge(norm, &mut mentions, &regions, &words);
    drop(words);
    // Quotes and attribution read many windows of text around each quote: in words read once.
    let mut lowered = String::new();
    let cue_words = quotes::cues::TextWords::new(norm, &mut lowered);
    let (quotes, notes) = quotes::find_quotes(norm, &regions, &cue_words);
    let attributions = attribution::attribute(norm, &cue_words, &regions, &quotes, &mut actors);
    drop(cue_words);
    let salience = rank::salience_with_text(Some(norm), &structure, &actors, &attributions);
    assemble::assemble(
        text,
        assemble::Parts {
            normalized,
            structure,
            quotes,
            actors,
            attributions,
            salience,
            notes,
        },
    )
}

/// The Article of `text` in the public JSON schema, with UTF-16 offsets (what JS and the CLI see):
/// offsets into `text`, or into the Article's own `text` when it was read from HTML.
pub fn parse_to_wire(text: &str, options: &Options) -> Result<wire::Article, Error> {
    let mut article = try_parse_with(text, options)?;
    // From HTML the offsets are into the Article's own text, which joins the result last.
    let own_text = article.text.take();
    let mut wire = wire::Article::from_article(article, own_text.as_deref().unwrap_or(text));
    wire.text = own_text;
    Ok(wire)
}

#[cfg(all(test, not(feature = "html")))]
mod without_html {
    use super::*;

    #[test]
    fn refuses_html_and_reads_auto_text_as_text() {
        let html = Options {
            format: Format::Html,
            ..Options::default()
        };
        assert_eq!(
            try_parse_with("<p>x</p>", &html),
            Err(Error::HtmlNotBuilt),
            "should refuse HTML in a build without the html feature"
        );
        let auto = Options {
            format: Format::Auto,
            ..Options::default()
        };
        assert_eq!(
            try_parse_with("<p>A line.</p>", &auto),
            Err(Error::HtmlNotBuilt),
            "should refuse auto input that looks like HTML, not read its tags as text"
        );
        let text = "A line. x < y and 3 > 2.";
        assert_eq!(
            parse_with(text, &auto),
            parse(text),
            "should read auto input that looks like text as text"
        );
    }
}
