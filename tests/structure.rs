//! The structure stage: fixtures (`tests/fixtures/structure/NAME.txt` with the expected
//! `NAME.json`), the sample article, and properties that must hold for any input.
//!
//! A fixture's JSON names what must come out; a field left out is not checked:
//! `kicker`, `title`, `standfirst`, `dateline` (text or null), `headings` and `related` (texts in
//! order), `sentences` (the number of sentences of each paragraph, in order), `duplicates` (the
//! duplicate flag of each paragraph) and `lang`.
//!
//! The properties: for any input, no panic; title, kicker, standfirst, sub-headings, paragraphs
//! and related lines lie within the text on character boundaries, never overlap and together
//! hold every letter and digit; sentences lie inside their paragraph; the dateline lies inside
//! the first paragraph; every span of the public result is the input's slice. Every fixture is also run with CRLF and CR line
//! breaks and must give the same result.

use std::fs;
use std::path::Path;

use newslens::doc::Range;
use newslens::normalize::Normalized;
use newslens::{parse, Article, Options};
use proptest::prelude::*;
use serde_json::Value;

fn fixtures() -> Vec<(String, String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("should read the fixture folder") {
        let path = entry.expect("should list a fixture").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("should read a fixture text");
        let json = fs::read_to_string(path.with_extension("json"))
            .unwrap_or_else(|_| panic!("should find the JSON beside {}", path.display()));
        let expected: Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("should parse {}: {e}", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((name, text, expected));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 10, "should find the structure fixtures");
    out
}

/// Line breaks folded to LF, so that results of CRLF and CR variants compare equal.
fn lf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn opt_text(span: &Option<newslens::Span>) -> Value {
    span.as_ref()
        .map_or(Value::Null, |s| Value::String(lf(&s.text)))
}

/// The fields a fixture may check, as JSON.
fn observed(article: &Article) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("kicker".into(), opt_text(&article.kicker));
    m.insert("title".into(), opt_text(&article.title));
    m.insert("standfirst".into(), opt_text(&article.standfirst));
    m.insert("dateline".into(), opt_text(&article.dateline));
    let headings = article
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| Value::String(lf(&h.text)))
        .collect();
    m.insert("headings".into(), Value::Array(headings));
    let related = article
        .related
        .iter()
        .map(|r| Value::String(lf(&r.text)))
        .collect();
    m.insert("related".into(), Value::Array(related));
    let paragraphs: Vec<_> = article
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .collect();
    m.insert(
        "sentences".into(),
        Value::Array(
            paragraphs
                .iter()
                .map(|p| Value::from(p.sentences.len()))
                .collect(),
        ),
    );
    m.insert(
        "duplicates".into(),
        Value::Array(
            paragraphs
                .iter()
                .map(|p| Value::from(p.duplicate))
                .collect(),
        ),
    );
    m.insert("lang".into(), article.lang.clone().into());
    m
}

#[test]
fn fixtures_give_the_expected_structure() {
    for (name, text, expected) in fixtures() {
        for (variant, input) in [
            ("LF", text.clone()),
            ("CRLF", text.replace('\n', "\r\n")),
            ("CR", text.replace('\n', "\r")),
        ] {
            let article = parse(&input);
            let got = observed(&article);
            for (field, want) in expected.as_object().expect("should be an object") {
                assert_eq!(
                    got.get(field),
                    Some(want),
                    "{name} ({variant}): {field} should be as in {name}.json"
                );
            }
        }
    }
}

#[test]
fn sample_article_has_kicker_title_seven_headings_and_a_read_also_line() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/sample-hi-russia-north-korea.txt");
    let text = fs::read_to_string(path).expect("should read the sample article");
    let article = parse(&text);
    assert_eq!(
        article.kicker.as_ref().map(|k| k.text.as_str()),
        Some("Russia Supports North Korea"),
        "should find the English kicker"
    );
    let title = article.title.as_ref().expect("should find the title");
    assert!(
        title.text.starts_with("मॉस्को-प्योंगयांग की गहराती दोस्ती") && !title.text.contains("Russia"),
        "should give the title without the kicker"
    );
    let headings: Vec<&str> = article
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
        .collect();
    assert_eq!(
        headings,
        [
            "पुतिन का संदेश, रणनीतिक गठजोड़",
            "नए रणनीतिक साझेदार, पश्चिमी देशों की बढ़ी बेचैनी",
            "परमाणु कार्यक्रम पर रूस का समर्थन",
            "अमेरिका-जापान-दक्षिण कोरिया को नसीहत",
            "रूस को किम का समर्थन",
            "पर्यटन की नई कड़ी भी जोड़ेगा रूस",
            "बढ़ती ध्रुवीयता और एशिया में नया शक्ति संतुलन",
        ],
        "should find exactly the 7 sub-headings"
    );
    assert_eq!(article.related.len(), 1, "should find one related line");
    let related = &article.related[0];
    assert!(
        related.text.starts_with("यह भी पढ़ें:"),
        "should put the read-also line in related"
    );
    for section in &article.sections {
        for p in &section.paragraphs {
            assert!(
                p.span.byte_end <= related.byte_start || p.span.byte_start >= related.byte_end,
                "should keep the read-also line out of every section"
            );
        }
    }
    assert_eq!(article.lang, "hi", "should read the body as Hindi");
    assert!(article.dateline.is_none(), "should find no dateline");
}

#[test]
fn paragraphs_say_their_language() {
    let text = "Cricket: भारत ने सीरीज जीती\nभारत ने आखिरी मैच में शानदार जीत दर्ज की और सीरीज अपने नाम कर ली । कप्तान ने टीम की तारीफ की ।\nThe captain thanked the fans.";
    let article = parse(text);
    let langs: Vec<&str> = article
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.lang.as_str())
        .collect();
    assert_eq!(
        langs,
        ["hi", "en"],
        "should tag each paragraph by its script"
    );
    assert_eq!(article.lang, "hi", "should tag the body by its majority");
}

#[test]
fn a_duplicate_paragraph_gets_a_warning() {
    let text = "शीर्षक यहां है\nपहला पैराग्राफ यहां है ।\nदूसरा पैराग्राफ यहां है ।\nपहला पैराग्राफ यहां है ।";
    let article = parse(text);
    let warnings: Vec<&str> = article.warnings.iter().map(|w| w.code.as_str()).collect();
    assert!(
        warnings.contains(&"duplicate-paragraph"),
        "should warn about the repeated paragraph"
    );
}

/// Check the properties every structure must have, on the normalised text and on the input.
fn check_structure(input: &str) {
    let normalized = Normalized::new(input);
    let norm: &str = &normalized.text;
    let s = newslens::structure::analyse(norm, &Options::default());
    let mut blocks: Vec<Range> = Vec::new();
    blocks.extend(s.kicker);
    blocks.extend(s.title);
    blocks.extend(s.standfirst);
    blocks.extend(s.related.iter().copied());
    for section in &s.sections {
        blocks.extend(section.heading);
        blocks.extend(section.paragraphs.iter().map(|p| p.range));
        for p in &section.paragraphs {
            for sentence in &p.sentences {
                assert!(
                    p.range.contains(*sentence),
                    "sentence {sentence:?} should lie inside its paragraph {:?}",
                    p.range
                );
                assert!(!sentence.is_empty(), "sentences should not be empty");
            }
            assert!(
                !p.sentences.is_empty(),
                "a paragraph should have at least one sentence"
            );
        }
    }
    for r in &blocks {
        assert!(
            r.start <= r.end && r.end <= norm.len(),
            "{r:?} should lie within the text"
        );
        assert!(
            norm.is_char_boundary(r.start) && norm.is_char_boundary(r.end),
            "{r:?} should lie on character boundaries"
        );
        assert!(!r.is_empty(), "{r:?} should not be empty");
    }
    blocks.sort();
    for pair in blocks.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "blocks {:?} and {:?} should not overlap",
            pair[0],
            pair[1]
        );
    }
    // Together they cover the text: no letter or digit is lost.
    let mut next_block = 0;
    for (at, c) in norm.char_indices() {
        while next_block < blocks.len() && blocks[next_block].end <= at {
            next_block += 1;
        }
        if c.is_alphanumeric() {
            assert!(
                blocks.get(next_block).is_some_and(|b| b.start <= at),
                "{c:?} at {at} should lie in a block of the structure"
            );
        }
    }
    if let Some(d) = s.dateline {
        let first = s
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .next()
            .expect("a dateline should come with a paragraph");
        assert!(
            first.range.contains(d),
            "the dateline should lie inside the first paragraph"
        );
    }
    // The public result: every span is the input's slice.
    let article = parse(input);
    for span in article.spans() {
        assert_eq!(
            &input[span.byte_start..span.byte_end],
            span.text,
            "a span's text should equal its slice of the input"
        );
    }
}

fn devanagari_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "रूस",
        "ने",
        "कहा",
        "।",
        " ।",
        ".",
        "?",
        "!",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " ",
        ",",
        ":",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "डॉ.",
        "Mr.",
        "U.S.",
        "3.5",
        "यह भी पढ़ें:",
        "Read more:",
        "फोटो : PTI",
        "नई दिल्ली, जेएनएन ।",
        "(भाषा)",
        "(",
        ")",
        "ज़",
        "ज\u{93C}",
        "\u{200D}",
        "\u{A0}",
        "1.",
        "-",
        "है.अगला",
        "😀",
        "لاہور",
        "Kicker: ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_a_sound_structure(input in "\\PC{0,200}") {
        check_structure(&input);
    }

    #[test]
    fn devanagari_and_quote_heavy_text_gives_a_sound_structure(input in devanagari_heavy()) {
        check_structure(&input);
    }

    #[test]
    fn line_break_mixes_give_a_sound_structure(input in "([a-zअ-ह ।.\"“”'’:]{0,12}[\\r\\n]{0,3}){0,20}") {
        check_structure(&input);
    }
}
