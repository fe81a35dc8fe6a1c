//! The public Rust API on fixture texts: the sample article's kicker, title and read-also line,
//! and the invariants every result must keep whatever the stages find — each span's text is the
//! input's slice at its byte range, and the wire form's UTF-16 offsets slice the same text.
//!
//! The invariant tests run on the sample and on every `.txt` in `tests/fixtures/api/` (texts
//! written for these tests: emoji, CRLF line ends, mixed Devanagari and Latin with nukta
//! letters, zero-width characters and no-break spaces); add a file there to cover a new case.

use std::fs;
use std::path::Path;

use newslens::{wire, Article, Options};

const SAMPLE: &str = include_str!("../samples/sample-hi-russia-north-korea.txt");

/// (name, text) of the sample and of every fixture text.
fn inputs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api");
    let mut inputs = vec![("sample".to_string(), SAMPLE.to_string())];
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("should find tests/fixtures/api")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        inputs.push((name, fs::read_to_string(&path).unwrap()));
    }
    assert!(inputs.len() >= 4, "should have the sample and the fixtures");
    inputs
}

/// The UTF-16 slice `start..end` of `text`, as JS's `text.slice(start, end)` would give it.
fn js_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(
        start <= end && end <= units.len(),
        "should give offsets inside the text: {start}..{end} of {}",
        units.len()
    );
    String::from_utf16(&units[start..end]).expect("should not split a surrogate pair")
}

/// Every (what, text, start, end) of a wire Article's spans, paragraphs included.
fn wire_spans(article: &wire::Article) -> Vec<(String, &str, usize, usize)> {
    let mut named: Vec<(String, &wire::Span)> = Vec::new();
    for (what, span) in [
        ("title", &article.title),
        ("kicker", &article.kicker),
        ("standfirst", &article.standfirst),
        ("dateline", &article.dateline),
    ] {
        named.extend(span.iter().map(|s| (what.to_string(), s)));
    }
    for (n, section) in article.sections.iter().enumerate() {
        named.extend(
            section
                .heading
                .iter()
                .map(|s| (format!("sections[{n}].heading"), s)),
        );
    }
    for (n, s) in article.related.iter().enumerate() {
        named.push((format!("related[{n}]"), s));
    }
    for (n, q) in article.quotes.iter().enumerate() {
        named.extend(
            q.speaker_mention
                .iter()
                .map(|s| (format!("quotes[{n}].speakerMention"), s)),
        );
        named.extend(q.cue.iter().map(|s| (format!("quotes[{n}].cue"), s)));
    }
    for actor in &article.actors {
        for (n, s) in actor.mentions.iter().enumerate() {
            named.push((format!("actor {}.mentions[{n}]", actor.id), s));
        }
    }
    let mut all: Vec<(String, &str, usize, usize)> = named
        .into_iter()
        .map(|(what, s)| (what, s.text.as_str(), s.start, s.end))
        .collect();
    for (n, section) in article.sections.iter().enumerate() {
        for (m, p) in section.paragraphs.iter().enumerate() {
            all.push((
                format!("sections[{n}].paragraphs[{m}]"),
                &p.text,
                p.start,
                p.end,
            ));
        }
    }
    all
}

#[test]
fn sample_has_the_english_kicker_and_the_title_without_it() {
    let article = newslens::parse(SAMPLE);
    let kicker = article.kicker.as_ref().expect("should find a kicker");
    assert_eq!(
        kicker.text, "Russia Supports North Korea",
        "should find the English kicker"
    );
    let title = article.title.as_ref().expect("should find a title");
    assert!(
        title.text.starts_with("मॉस्को-प्योंगयांग"),
        "should give the Hindi headline as the title: {:?}",
        title.text
    );
    assert!(
        !title.text.contains("Russia Supports"),
        "should keep the kicker out of the title"
    );
    assert!(
        kicker.byte_end <= title.byte_start,
        "should place the kicker before the title"
    );
    assert_eq!(article.lang, "hi", "should detect a Hindi body");
}

#[test]
fn sample_read_also_line_is_related_and_in_no_section() {
    let article = newslens::parse(SAMPLE);
    assert!(
        article
            .related
            .iter()
            .any(|s| s.text.starts_with("यह भी पढ़ें:")),
        "should put the read-also line in related: {:?}",
        article.related
    );
    for section in &article.sections {
        for paragraph in &section.paragraphs {
            assert!(
                !paragraph.span.text.contains("यह भी पढ़ें"),
                "should keep the read-also line out of the sections"
            );
        }
        if let Some(heading) = &section.heading {
            assert!(
                !heading.text.contains("यह भी पढ़ें"),
                "should not make the read-also line a heading"
            );
        }
    }
    assert!(
        !article.sections.is_empty(),
        "should find the body's sections"
    );
}

#[test]
fn every_span_is_the_input_slice_at_its_byte_range() {
    for (name, text) in inputs() {
        let article = newslens::parse(&text);
        for span in article.spans() {
            assert_eq!(
                text.get(span.byte_start..span.byte_end),
                Some(span.text.as_str()),
                "{name}: should give span text equal to the input slice"
            );
        }
        for quote in &article.quotes {
            assert_eq!(
                text.get(quote.byte_start..quote.byte_end),
                Some(quote.text.as_str()),
                "{name}: should give quote text equal to the input slice"
            );
        }
        check_structure(&name, &text, &article);
    }
}

/// Sentences lie inside their paragraph, in order; quotes point at known actors; ranges of
/// paragraphs do not overlap.
fn check_structure(name: &str, text: &str, article: &Article) {
    let mut last_end = 0;
    for section in &article.sections {
        for p in &section.paragraphs {
            assert!(
                p.span.byte_start >= last_end,
                "{name}: should give paragraphs in text order without overlap"
            );
            last_end = p.span.byte_end;
            let mut at = p.span.byte_start;
            for s in &p.sentences {
                assert!(
                    at <= s.byte_start
                        && s.byte_start <= s.byte_end
                        && s.byte_end <= p.span.byte_end,
                    "{name}: should keep sentences inside their paragraph, in order"
                );
                assert!(
                    text.is_char_boundary(s.byte_start) && text.is_char_boundary(s.byte_end),
                    "{name}: should put sentence bounds on character boundaries"
                );
                at = s.byte_end;
            }
        }
    }
    for quote in &article.quotes {
        if let Some(id) = &quote.speaker {
            assert!(
                article.actors.iter().any(|a| &a.id == id),
                "{name}: should only name speakers that are actors"
            );
        }
    }
}

#[test]
fn wire_offsets_are_utf16_and_slice_the_same_text() {
    for (name, text) in inputs() {
        let article = newslens::parse_to_wire(&text, &Options::default()).unwrap();
        let spans = wire_spans(&article);
        assert!(!spans.is_empty(), "{name}: should find something to check");
        for (what, span_text, start, end) in spans {
            assert_eq!(
                js_slice(&text, start, end),
                span_text,
                "{name}: {what} should be text.slice(start, end) in UTF-16"
            );
        }
        for (n, quote) in article.quotes.iter().enumerate() {
            assert_eq!(
                js_slice(&text, quote.start, quote.end),
                quote.text,
                "{name}: quotes[{n}] should be text.slice(start, end) in UTF-16"
            );
        }
    }
}

#[test]
fn emoji_shift_utf16_offsets_by_two_units() {
    // 😀 is two UTF-16 units and four UTF-8 bytes: the body after it starts at unit 13, byte 15.
    let text = "😀 Headline\n\nThe body of the story starts here.";
    let article = newslens::parse_to_wire(text, &Options::default()).unwrap();
    let body = wire_spans(&article)
        .into_iter()
        .find(|(_, span_text, _, _)| span_text.starts_with("The body"))
        .expect("should find the body text in some span");
    assert_eq!(body.2, 13, "should count the emoji as two UTF-16 units");
    let bytes = newslens::parse(text);
    assert!(
        bytes.spans().iter().any(|s| s.byte_start == 15),
        "should keep UTF-8 byte offsets in the core Article"
    );
}

#[test]
fn crlf_line_ends_stay_out_of_spans() {
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/api/crlf.txt"),
    )
    .unwrap();
    assert!(
        text.contains("\r\n"),
        "should read the fixture with CRLF intact"
    );
    let article = newslens::parse(&text);
    for span in article.spans() {
        assert!(
            !span.text.ends_with('\r') && !span.text.starts_with('\n'),
            "should not end a span with CR or start it with LF: {:?}",
            span.text
        );
    }
    assert!(
        article
            .related
            .iter()
            .any(|s| s.text.starts_with("यह भी पढ़ें")),
        "should find the read-also line with CRLF line ends too"
    );
}

#[test]
fn too_large_input_is_an_error_or_a_warning() {
    let options = Options {
        max_input_bytes: 4,
        ..Options::default()
    };
    let error = newslens::try_parse_with("hello world", &options).unwrap_err();
    assert!(
        error.to_string().contains("maxInputBytes"),
        "should name the limit: {error}"
    );
    let article = newslens::parse_with("hello world", &options);
    assert_eq!(
        article.warnings.first().map(|w| w.code.as_str()),
        Some("input-too-large"),
        "should warn instead of parsing"
    );
}

#[test]
fn empty_and_blank_inputs_give_empty_articles() {
    for text in ["", "\n\n", "   \r\n\t", "\u{200b}"] {
        let article = newslens::parse(text);
        assert!(
            article.sections.iter().all(|s| s.paragraphs.is_empty()),
            "should find no paragraphs in {text:?}"
        );
        assert!(
            article.quotes.is_empty(),
            "should find no quotes in {text:?}"
        );
    }
}

#[test]
fn options_reject_unknown_fields_and_languages() {
    let unknown = serde_json::from_str::<Options>(r#"{"bogus": 1}"#).unwrap_err();
    assert!(
        unknown.to_string().contains("bogus"),
        "should name the unknown field: {unknown}"
    );
    let lang = serde_json::from_str::<Options>(r#"{"lang": "fr"}"#).unwrap_err();
    assert!(
        lang.to_string().contains("\"hi\""),
        "should list the accepted languages: {lang}"
    );
    let auto: Options = serde_json::from_str(r#"{"lang": "auto"}"#).unwrap();
    assert_eq!(auto.lang, None, "should read \"auto\" as detect");
}
