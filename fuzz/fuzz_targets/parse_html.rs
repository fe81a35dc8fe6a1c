//! `parse_with` on arbitrary markup with `format: Html` (and `Auto`): no panic, no hang, and
//! every invariant holds against the text the Article carries (the plain text extracted from
//! the page, which HTML spans refer to). Parsing is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::{Format, Options};

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    // The first byte picks the format, so the detector of `auto` is fuzzed too.
    let format = if data.first().is_some_and(|b| b & 1 == 1) {
        Format::Auto
    } else {
        Format::Html
    };
    let options = Options {
        format,
        ..Options::default()
    };
    let article = newslens::parse_with(&page, &options);
    let text = article.text.as_deref().unwrap_or(&page);
    newslens_fuzz::invariants::check_article(text, &article);
    if let Ok(wire) = newslens::parse_to_wire(&page, &options) {
        let wire_text = wire.text.as_deref().unwrap_or(&page);
        newslens_fuzz::invariants::check_wire(wire_text, &wire);
    }
    assert_eq!(
        article,
        newslens::parse_with(&page, &options),
        "parsing the same page twice should give the same Article"
    );
});
