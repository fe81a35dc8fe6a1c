//! Regression tests for what the property tests and the fuzzers found, one test per finding,
//! keyed by a short description of the input that broke. Each checks the invariant that broke
//! (see `tests/invariants.rs`), not just the absence of a panic.

use newslens::{wire, Options};

/// The UTF-16 slice `start..end` of `text`, as JS's `text.slice(start, end)` gives it.
fn js_slice(text: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    if start > end || end > units.len() {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}

/// Every span of `text`'s wire Article must slice the text in UTF-16.
fn assert_wire_spans_slice(text: &str) {
    let article = newslens::parse_to_wire(text, &Options::default()).expect("should parse");
    let mut spans: Vec<&wire::Span> = Vec::new();
    spans.extend(article.title.iter());
    spans.extend(article.kicker.iter());
    spans.extend(article.standfirst.iter());
    spans.extend(article.related.iter());
    for section in &article.sections {
        spans.extend(section.heading.iter());
    }
    for actor in &article.actors {
        spans.extend(actor.mentions.iter());
    }
    for span in spans {
        assert_eq!(
            js_slice(text, span.start, span.end).as_deref(),
            Some(span.text.as_str()),
            "should give UTF-16 offsets that slice the span's text"
        );
    }
    for section in &article.sections {
        for p in &section.paragraphs {
            assert_eq!(
                js_slice(text, p.start, p.end).as_deref(),
                Some(p.text.as_str()),
                "should give UTF-16 offsets that slice the paragraph's text"
            );
        }
    }
}

/// Found by `devanagari_keeps_the_invariants`: a non-ASCII text whose length in bytes is a
/// multiple of the UTF-16 index's block (64) gave the end of the text UTF-16 offset 0.
#[test]
fn non_ascii_text_ending_on_a_64_byte_boundary() {
    // 21 Devanagari letters (63 bytes) and a full stop: 64 bytes, one paragraph ending at 64.
    let text = format!("{}.", "क".repeat(21));
    assert_eq!(text.len(), 64, "the text should be exactly one block long");
    assert_wire_spans_slice(&text);
    let text = format!("{}।", "नमस्ते ".repeat(9).trim_end());
    assert_wire_spans_slice(&text);
    let mut text = "मोदी ने कहा “शांति” ".repeat(3);
    while text.len() % 64 != 0 {
        text.push('x');
    }
    assert_wire_spans_slice(&text);
}
