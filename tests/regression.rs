//! Regression tests for what the property tests and the fuzzers found, one test per finding,
//! keyed by a short description of the input that broke. Each checks the invariant that broke
//! (the fuzzers' checks, `fuzz/src/invariants.rs`, included here), not just the absence of a
//! panic. The fuzzers' seed texts and odd caller options are checked here too, so the normal
//! test run keeps what the fuzzers start from.

#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use std::fs;
use std::path::Path;

use newslens::{wire, ActorEntry, ActorKind, Options};

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

/// Parse `text` with `options` and check every invariant of both result forms.
fn assert_invariants(text: &str, options: &Options) {
    let article = newslens::parse_with(text, options);
    invariants::check_article(text, &article);
    let wire = newslens::parse_to_wire(text, options).expect("should accept the input");
    invariants::check_wire(text, &wire);
}

#[test]
fn fuzz_seeds_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut seeds = 0;
    for entry in fs::read_dir(dir).expect("should list fuzz/seeds") {
        let bytes = fs::read(entry.expect("should read a seed").path()).expect("should read");
        let text = String::from_utf8_lossy(&bytes);
        assert_invariants(&text, &Options::default());
        seeds += 1;
    }
    assert!(seeds >= 5, "should find the fuzz seeds");
}

/// Caller actors with names the fuzzer likes: empty, blank, a lone mark, NUL, the whole text,
/// a name inside another, the same alias twice, a name across a line break.
#[test]
fn odd_caller_actor_names_keep_the_invariants() {
    let text =
        "Headline\nMinister Asha Rao said, “we will act.” Rao\u{0} left.\nराव ने कहा, “ठीक है।”";
    let odd = [
        "",
        " ",
        "“",
        "\u{0}",
        "\n",
        text,
        "Rao",
        "Asha Rao said",
        "a",
        "Rao\u{0}",
        "Headline\nMinister",
        "राव",
        "\u{200D}",
    ];
    for (n, name) in odd.iter().enumerate() {
        for kind in [ActorKind::Person, ActorKind::Organization, ActorKind::Place] {
            let options = Options {
                lang: [None, Some("en".to_string()), Some("hi".to_string())][n % 3].clone(),
                actors: vec![
                    ActorEntry {
                        name: name.to_string(),
                        kind,
                        aliases: odd
                            .iter()
                            .map(|a| a.to_string())
                            .chain([name.to_string()])
                            .collect(),
                        canonical: Some(String::new()),
                        wikidata: Some("\u{0}".to_string()),
                    },
                    ActorEntry {
                        name: "Rao".to_string(),
                        kind: ActorKind::Person,
                        aliases: vec!["Rao".to_string(), String::new()],
                        canonical: None,
                        wikidata: None,
                    },
                ],
                ..Options::default()
            };
            assert_invariants(text, &options);
        }
    }
}
