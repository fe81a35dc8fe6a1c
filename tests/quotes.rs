//! Quote finding: every mark form, unclosed and stray marks, multi-paragraph quotes, nesting,
//! apostrophes, and the direct / partial / not-a-quote decision, in Hindi and English.

use newslens::{parse, Article, QuoteKind};

fn quotes(article: &Article) -> Vec<(&str, QuoteKind)> {
    article
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.kind))
        .collect()
}

fn texts(article: &Article) -> Vec<&str> {
    article.quotes.iter().map(|q| q.text.as_str()).collect()
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
    assert_eq!(
        texts(&article),
        vec!["We still play them every night for the fans,"],
        "should find only the double-quoted sentence, never apostrophes"
    );
}
