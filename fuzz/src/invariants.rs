//! The invariants every result of `parse`/`parse_with` must keep, whatever the input, checked
//! by the fuzz targets (`fuzz/fuzz_targets/`) and by `tests/regression.rs` (which includes this
//! file with `#[path]`, so both check exactly the same things). Each failed check panics with a
//! message naming the invariant, which is what libFuzzer records as a finding.
//!
//! On the Rust [`Article`]: every span, quote, sentence and warning lies within the input, on
//! character boundaries, and a span's or quote's text is exactly its slice; title, kicker,
//! standfirst, sub-headings, paragraphs and related lines are non-empty and never overlap; the
//! dateline lies inside a paragraph; sentences lie inside their paragraph; quotes never overlap
//! one another; every speaker is the id of a listed actor, actor ids are unique, each actor's
//! quote count is the number of quotes it speaks and its mentions are in order without overlaps;
//! saliences are finite and sorted highest first; languages are known tags.
//!
//! On the wire form (what JS and the CLI see): JSON serialisation succeeds and parses back, and
//! every UTF-16 `start..end` slices the input to the span's text.

use std::collections::HashSet;

use newslens::{wire, Article};

const LANGS: &[&str] = &["hi", "en", "ur", "und"];

fn check_range(input: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= input.len(),
        "{what} {start}..{end} should lie within the input of {} bytes",
        input.len()
    );
    assert!(
        input.is_char_boundary(start) && input.is_char_boundary(end),
        "{what} {start}..{end} should lie on character boundaries"
    );
}

fn check_slice(input: &str, start: usize, end: usize, text: &str, what: &str) {
    check_range(input, start, end, what);
    assert_eq!(
        &input[start..end],
        text,
        "{what} {start}..{end}: its text should equal its slice of the input"
    );
}

/// Check every invariant of `article`, the result of parsing `input`.
pub fn check_article(input: &str, article: &Article) {
    assert!(
        LANGS.contains(&article.lang.as_str()),
        "the article's lang {:?} should be a known tag",
        article.lang
    );
    for span in article.spans() {
        check_slice(input, span.byte_start, span.byte_end, &span.text, "a span");
    }
    for warning in &article.warnings {
        check_range(input, warning.byte_start, warning.byte_end, "a warning");
        assert!(
            !warning.code.is_empty() && !warning.message.is_empty(),
            "a warning should have a code and a message"
        );
    }

    // Blocks: non-empty and disjoint.
    let mut blocks: Vec<(usize, usize, &str)> = Vec::new();
    for (span, what) in [
        (&article.kicker, "the kicker"),
        (&article.title, "the title"),
        (&article.standfirst, "the standfirst"),
    ] {
        blocks.extend(span.iter().map(|s| (s.byte_start, s.byte_end, what)));
    }
    blocks.extend(
        article
            .related
            .iter()
            .map(|s| (s.byte_start, s.byte_end, "a related line")),
    );
    for section in &article.sections {
        blocks.extend(
            section
                .heading
                .iter()
                .map(|s| (s.byte_start, s.byte_end, "a heading")),
        );
        for p in &section.paragraphs {
            blocks.push((p.span.byte_start, p.span.byte_end, "a paragraph"));
            assert!(
                LANGS.contains(&p.lang.as_str()),
                "a paragraph's lang {:?} should be a known tag",
                p.lang
            );
            for s in &p.sentences {
                check_range(input, s.byte_start, s.byte_end, "a sentence");
                assert!(
                    p.span.byte_start <= s.byte_start && s.byte_end <= p.span.byte_end,
                    "sentence {}..{} should lie inside its paragraph {}..{}",
                    s.byte_start,
                    s.byte_end,
                    p.span.byte_start,
                    p.span.byte_end
                );
            }
        }
    }
    for &(start, end, what) in &blocks {
        assert!(start < end, "{what} {start}..{end} should not be empty");
    }
    blocks.sort();
    for pair in blocks.windows(2) {
        assert!(
            pair[0].1 <= pair[1].0,
            "{} {}..{} and {} {}..{} should not overlap",
            pair[0].2,
            pair[0].0,
            pair[0].1,
            pair[1].2,
            pair[1].0,
            pair[1].1
        );
    }
    if let Some(d) = &article.dateline {
        assert!(
            article
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .any(|p| { p.span.byte_start <= d.byte_start && d.byte_end <= p.span.byte_end }),
            "the dateline {}..{} should lie inside a paragraph",
            d.byte_start,
            d.byte_end
        );
    }

    // Quotes: each is its slice, and they never overlap.
    for q in &article.quotes {
        check_slice(input, q.byte_start, q.byte_end, &q.text, "a quote");
    }
    let mut quotes: Vec<(usize, usize)> = article
        .quotes
        .iter()
        .map(|q| (q.byte_start, q.byte_end))
        .collect();
    quotes.sort();
    for pair in quotes.windows(2) {
        assert!(
            pair[0].1 <= pair[1].0,
            "quotes {:?} and {:?} should not overlap",
            pair[0],
            pair[1]
        );
    }

    // Actors and speakers.
    let mut ids = HashSet::new();
    for actor in &article.actors {
        assert!(
            ids.insert(actor.id.as_str()),
            "actor id {:?} should be unique",
            actor.id
        );
        assert!(
            actor.salience.is_finite(),
            "actor {}'s salience should be finite",
            actor.id
        );
        let said = article
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref() == Some(&actor.id))
            .count();
        assert_eq!(
            actor.quote_count as usize, said,
            "actor {}'s quote count should be the number of quotes it speaks",
            actor.id
        );
        for pair in actor.mentions.windows(2) {
            assert!(
                pair[0].byte_end <= pair[1].byte_start,
                "actor {}'s mentions should be in order without overlaps",
                actor.id
            );
        }
    }
    for pair in article.actors.windows(2) {
        assert!(
            pair[0].salience >= pair[1].salience,
            "actors should be sorted by salience, highest first"
        );
    }
    for q in &article.quotes {
        if let Some(id) = &q.speaker {
            assert!(
                ids.contains(id.as_str()),
                "speaker {id:?} should be the id of a listed actor"
            );
        }
    }
    serde_json::to_string(article).expect("the Article should serialise to JSON");
}

/// Check the wire form of the result of parsing `input`: its JSON and its UTF-16 offsets.
pub fn check_wire(input: &str, article: &wire::Article) {
    let json = serde_json::to_string(article).expect("the wire Article should serialise to JSON");
    let _: serde_json::Value =
        serde_json::from_str(&json).expect("the wire Article's JSON should parse");

    let units: Vec<u16> = input.encode_utf16().collect();
    let check = |start: usize, end: usize, text: &str, what: &str| {
        assert!(
            start <= end && end <= units.len(),
            "{what} {start}..{end} should lie within the input's {} UTF-16 units",
            units.len()
        );
        let slice = String::from_utf16(&units[start..end])
            .unwrap_or_else(|_| panic!("{what} {start}..{end} should not split a surrogate pair"));
        assert_eq!(
            slice, text,
            "{what} {start}..{end}: its text should equal the input's UTF-16 slice"
        );
    };
    let mut spans: Vec<(&wire::Span, &str)> = Vec::new();
    for (span, what) in [
        (&article.title, "the title"),
        (&article.kicker, "the kicker"),
        (&article.standfirst, "the standfirst"),
        (&article.dateline, "the dateline"),
    ] {
        spans.extend(span.iter().map(|s| (s, what)));
    }
    spans.extend(article.related.iter().map(|s| (s, "a related line")));
    for section in &article.sections {
        spans.extend(section.heading.iter().map(|s| (s, "a heading")));
        for p in &section.paragraphs {
            check(p.start, p.end, &p.text, "a paragraph");
            for s in &p.sentences {
                assert!(
                    p.start <= s.start && s.end <= p.end,
                    "a sentence's UTF-16 range should lie inside its paragraph's"
                );
            }
        }
    }
    for q in &article.quotes {
        check(q.start, q.end, &q.text, "a quote");
        spans.extend(q.speaker_mention.iter().map(|s| (s, "a speaker mention")));
        spans.extend(q.cue.iter().map(|s| (s, "a cue")));
    }
    for actor in &article.actors {
        spans.extend(actor.mentions.iter().map(|s| (s, "an actor mention")));
    }
    for (span, what) in spans {
        check(span.start, span.end, &span.text, what);
    }
    for w in &article.warnings {
        assert!(
            w.start <= w.end && w.end <= units.len(),
            "a warning's UTF-16 range should lie within the input"
        );
    }
}
