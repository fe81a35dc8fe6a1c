//! Quote finding: every mark form, unclosed and stray marks, multi-paragraph quotes, nesting,
//! apostrophes, and the direct / partial / not-a-quote decision, in Hindi and English.
//!
//! Fixtures in `tests/fixtures/quotes/`: `NAME.txt` is the article, `NAME.json` the quotes it
//! should give (text and kind, in order) and the warning codes it should raise.

use newslens::{parse, Article, QuoteKind};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
    }
}

fn fixtures() -> Vec<(String, String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("fixture folder should exist") {
        let path = entry.expect("fixture entry should be readable").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(&path).expect("fixture text should be UTF-8");
            let expected = fs::read_to_string(path.with_extension("json"))
                .expect("every fixture text should have a .json next to it");
            let expected: Value =
                serde_json::from_str(&expected).expect("fixture JSON should parse");
            out.push((name, text, expected));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "should find quote fixtures");
    out
}

#[test]
fn fixtures_give_their_quotes_and_kinds() {
    for (name, text, expected) in fixtures() {
        let article = parse(&text);
        let got: Vec<(String, &str)> = article
            .quotes
            .iter()
            .map(|q| (q.text.clone(), kind_name(q.kind)))
            .collect();
        let want: Vec<(String, &str)> = expected["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                (
                    q["text"].as_str().unwrap().to_string(),
                    q["kind"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, want, "{name}: should find exactly the expected quotes");
    }
}

#[test]
fn fixtures_raise_their_warnings() {
    for (name, text, expected) in fixtures() {
        let article = parse(&text);
        let codes: Vec<&str> = article
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .filter(|c| c.starts_with("quote-"))
            .collect();
        for want in expected["warnings"].as_array().unwrap() {
            let want = want.as_str().unwrap();
            assert!(
                codes.contains(&want),
                "{name}: should warn {want}, got {codes:?}"
            );
        }
        if expected["warnings"].as_array().unwrap().is_empty() {
            assert!(
                codes.is_empty(),
                "{name}: should raise no quote warnings, got {codes:?}"
            );
        }
    }
}

fn quotes(article: &Article) -> Vec<(&str, QuoteKind)> {
    article
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.kind))
        .collect()
}

const SAMPLE: &str = include_str!("../samples/sample-hi-russia-north-korea.txt");

#[test]
fn sample_article_has_five_quotes() {
    let article = parse(SAMPLE);
    let found = quotes(&article);
    assert_eq!(
        found.len(),
        5,
        "should find the five quotes of the sample: {found:?}"
    );
    assert!(
        found[0].0.starts_with("उत्तर कोरिया के खिलाफ किसी भी"),
        "should open the headline quote at the mismatched ” mark: {:?}",
        found[0]
    );
    assert_eq!(
        found[1],
        ("सभी रणनीतिक मुद्दों", QuoteKind::Partial),
        "should keep the woven fragment as a partial quote"
    );
    assert!(
        found.iter().all(|(t, _)| !t.contains("इंडो-पैसिफिक स्ट्रेटेजी")),
        "should drop the scare-quoted term"
    );
    assert!(
        found[2..].iter().all(|(_, k)| *k == QuoteKind::Direct),
        "should find the three body quotes direct"
    );
}

#[test]
fn english_apostrophes_are_not_marks() {
    let article = parse(
        "Headline here\n\nThe band's songs from the '90s don't age, Reuters' critic said. \"We still play them every night for the fans,\" the singer said.",
    );
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["We still play them every night for the fans,"],
        "should find only the double-quoted sentence, never apostrophes"
    );
    assert!(
        article
            .warnings
            .iter()
            .all(|w| !w.code.starts_with("quote-")),
        "should not warn about apostrophes"
    );
}

#[test]
fn quotes_never_overlap_and_span_their_text() {
    for (name, text, _) in
        fixtures()
            .into_iter()
            .chain([("sample".to_string(), SAMPLE.to_string(), Value::Null)])
    {
        let article = parse(&text);
        for pair in article.quotes.windows(2) {
            assert!(
                pair[0].byte_end <= pair[1].byte_start,
                "{name}: quotes should not overlap: {:?} / {:?}",
                pair[0].text,
                pair[1].text
            );
        }
        for q in &article.quotes {
            assert_eq!(
                &text[q.byte_start..q.byte_end],
                q.text,
                "{name}: a quote's span should be its text"
            );
        }
    }
}

#[test]
fn odd_input_never_panics() {
    let inputs = [
        "",
        "\"",
        "“",
        "'",
        "''",
        "‘‘’’",
        "Title\n\"\n\"\n\"",
        "शीर्षक\nउन्होंने कहा, “",
        "Title\n” ” ” “ “ “",
        "Title\n\"a\" \"b\" \"c",
        "T\n«»„“‚‘",
        "T\nsaid \"x\" said",
        "T\nने कहा, ‘’",
        "T\n— said\n: ने",
        "T\n\"A,\" said. \"B\" (said) \"C.\" he said.",
        "T\n😀 “😀” 😀 ने कहा “😀 😀 😀 😀”\r\n“x",
    ];
    for input in inputs {
        let article = parse(input);
        for q in &article.quotes {
            assert!(
                q.byte_start <= q.byte_end && q.byte_end <= input.len(),
                "should keep quote spans inside the input"
            );
        }
    }
}

/// Quote-finding mistakes found while measuring (issue 4): `(text, expected quote texts)`.
const REGRESSIONS: &[(&str, &[&str])] = &[
    // A hyphenated two-word term counted as three words and became a partial quote.
    (
        "शीर्षक\nपश्चिमी देश “इंडो-पैसिफिक स्ट्रेटेजी” के तहत काम कर रहे हैं।",
        &[],
    ),
    // The last word of a multi-word cue ("घोषणा की") matched any "की", so a coined term in a
    // sentence without speech became a partial quote.
    (
        "शीर्षक\nन्यास ने समंदर पर ‘तैरता पृथक वास’ तैयार करने की पहल की है।",
        &[],
    ),
    // A same-family quote nested in another cut the outer quote short.
    (
        "Headline\n\"I'd rather live in what he called \"hell\" than live under his rule,\" she said.",
        &["I'd rather live in what he called \"hell\" than live under his rule,"],
    ),
    // A quoted heading that is a label, not an utterance.
    (
        "शीर्षक\n'चीन पर कोरोना आपदा पैदा करने का आरोप'\nसांसद ने चीन पर आरोप लगाया है और जांच की मांग की है।",
        &[],
    ),
    // A short quoted source name before "के मुताबिक".
    (
        "शीर्षक\n‘नेशनल हेल्थ सर्विसेज’ के मुताबिक मरीजों की संख्या बढ़ी है।",
        &[],
    ),
];

#[test]
fn regressions_keep_their_quotes() {
    for (text, want) in REGRESSIONS {
        let article = parse(text);
        let got: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(&got, want, "should find exactly these quotes in {text:?}");
    }
}

#[test]
fn named_schemes_and_programmes_are_not_quotes() {
    let article = parse(
        "शीर्षक\nसरकार ने ‘स्वच्छ भारत हरित अभियान’ की शुरुआत की और कहा कि 'मन की बात' कार्यक्रम में इसकी चर्चा होगी।\nThe senator said the \"Clean Water For Every Town\" campaign would start next week.",
    );
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.is_empty(), "should find no quotes, got {texts:?}");
}

#[test]
fn a_quote_glued_to_a_title_noun_stays_a_quote() {
    // Regression: in glued text “… हैं.”अखबार के … the noun after the quote made it a title.
    let article = parse(
        "शीर्षक\nसलाहकार ने अखबार को बताया, “हमारी सारी योजनाएं पहले जैसी ही हैं.”अखबार के इस बयान से साफ है कि कुछ नहीं बदलेगा.",
    );
    assert_eq!(article.quotes.len(), 1, "should keep the glued quote");
}

#[test]
fn a_truncated_copy_of_a_paragraph_does_not_double_its_quote() {
    // Regression: a scraped page repeated a paragraph cut off inside its quote, then in full.
    let article = parse(
        "बंदरगाह पर तैयारी\nन्यास के चेयरमैन ने कहा, ‘‘हमने नगर निगम और एक क्रूज\nन्यास के चेयरमैन ने कहा, ‘‘हमने नगर निगम और एक क्रूज परिचालक से करार किए हैं ।’’ इसके बाद काम शुरू हुआ।",
    );
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["हमने नगर निगम और एक क्रूज परिचालक से करार किए हैं ।"],
        "should keep only the full copy of the quote"
    );
}
