//! Shared code of the fuzz targets: the invariants every parse must keep.

pub mod invariants;

use newslens::{Article, Options};

/// Parse `text` with `options` and check every invariant of the Rust result and of its wire
/// form; returns the Article for further checks.
pub fn parse_and_check(text: &str, options: &Options) -> Article {
    let article = newslens::parse_with(text, options);
    invariants::check_article(text, &article);
    match newslens::parse_to_wire(text, options) {
        Ok(wire) => invariants::check_wire(text, &wire),
        Err(error) => {
            let message = error.to_string();
            assert!(
                text.len() > options.max_input_bytes,
                "only an input over maxInputBytes should be refused: {message}"
            );
            assert!(
                message.contains(&format!("maxInputBytes ({})", options.max_input_bytes)),
                "the error should name the limit: {message}"
            );
            assert!(
                article.warnings.iter().any(|w| w.code == "input-too-large"),
                "parse_with should warn about an input over maxInputBytes"
            );
        }
    }
    article
}
