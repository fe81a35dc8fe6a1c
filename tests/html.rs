//! HTML input: pages written for these tests (tests/fixtures/html/) and generated hostile pages.
//! The Article of a page must hold the article's parts and none of the page's furniture, its
//! spans must be slices of its extracted `text`, and no markup may make it panic, recurse deeply
//! or take more than linear time.

use newslens::{parse_with, Article, Format, Options};
use proptest::prelude::*;

fn html_options() -> Options {
    Options {
        format: Format::Html,
        ..Options::default()
    }
}

fn read(name: &str) -> String {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("should read {path}: {e}"))
}

fn parse_html(html: &str) -> Article {
    parse_with(html, &html_options())
}

/// Every span is a slice of the extracted text.
fn assert_spans_slice_text(article: &Article) {
    let text = article
        .text
        .as_deref()
        .expect("should carry the extracted text");
    for span in article.spans() {
        assert_eq!(
            text.get(span.byte_start..span.byte_end),
            Some(span.text.as_str()),
            "should give spans that slice the extracted text"
        );
    }
    for quote in &article.quotes {
        assert_eq!(
            text.get(quote.byte_start..quote.byte_end),
            Some(quote.text.as_str()),
            "should give quotes that slice the extracted text"
        );
    }
}

fn headings(article: &Article) -> Vec<&str> {
    article
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
        .collect()
}

fn paragraphs(article: &Article) -> Vec<&str> {
    article
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.span.text.as_str()))
        .collect()
}

#[test]
fn reads_a_hindi_page() {
    let article = parse_html(&read("hindi.html"));
    assert_spans_slice_text(&article);
    assert_eq!(
        article.lang, "hi",
        "should take the language from the markup"
    );
    assert_eq!(
        article.title.as_ref().map(|t| t.text.as_str()),
        Some("बाढ़ से निपटने के लिए नई योजना"),
        "should cut the site name off the title"
    );
    assert_eq!(
        article.kicker.as_ref().map(|k| k.text.as_str()),
        Some("Monsoon Watch"),
        "should find the kicker by its class"
    );
    assert!(
        article
            .standfirst
            .as_ref()
            .is_some_and(|s| s.text.starts_with("राज्य सरकार ने")),
        "should find the standfirst by its class"
    );
    assert_eq!(
        article.byline.as_ref().map(|b| b.text.as_str()),
        Some("अनिता शर्मा"),
        "should read the author from JSON-LD"
    );
    assert_eq!(
        article.published.as_deref(),
        Some("2026-07-14T09:30:00+05:30"),
        "should read the publication time"
    );
    assert_eq!(
        headings(&article),
        ["राहत शिविरों की तैयारी", "English summary"],
        "should take h2 and h3 as section headings"
    );
    let body = paragraphs(&article);
    assert!(
        body.iter().any(|p| p.starts_with("पटना:")),
        "should keep the first paragraph"
    );
    assert!(
        body.contains(&"पीने का साफ पानी और भोजन"),
        "should keep list items as paragraphs"
    );
    let text = article.text.as_deref().unwrap_or_default();
    assert!(
        text.contains("“सुरक्षित आश्रय”"),
        "should put a q element's words in quote marks"
    );
    assert!(
        article
            .quotes
            .iter()
            .any(|q| q.text.starts_with("हम हर जिले में")),
        "should read a blockquote as a quote"
    );
    assert!(
        article
            .quotes
            .iter()
            .any(|q| q.text.starts_with("इस बार कोई भी गांव")),
        "should find quotes in the paragraphs"
    );
    for furniture in [
        "विदेश",
        "शेयर करें",
        "व्हाट्सऐप",
        "टिप्पणियां",
        "धन्यवाद",
        "क्रिकेट",
        "सर्वाधिकार",
        "dataLayer",
        "नकली",
        "display: flex",
    ] {
        assert!(
            !text.contains(furniture),
            "should leave out page furniture, found {furniture:?}"
        );
    }
    let related: Vec<&str> = article.related.iter().map(|r| r.text.as_str()).collect();
    assert!(
        related.contains(&"गंगा का जलस्तर खतरे के निशान के पार पहुंचा"),
        "should put related-story links in related, got {related:?}"
    );
    let english = article
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.span.text.starts_with("The state government"))
        .expect("should keep the English paragraph");
    assert_eq!(english.lang, "en", "should detect the English paragraph");
}

#[test]
fn points_each_block_at_its_element() {
    let article = parse_html(&read("hindi.html"));
    let first = &article.sections[0].paragraphs[0];
    assert!(
        first.span.text.starts_with("पटना:"),
        "should start with the lead"
    );
    let source = first.source.as_ref().expect("should give a source");
    assert_eq!(
        source.path.as_deref(),
        Some("html > body > main:nth-of-type(1) > article:nth-of-type(1) > div:nth-of-type(2) > p:nth-of-type(1)"),
        "should give the CSS path of the first paragraph"
    );
    let heading = article.sections[1]
        .heading_source
        .as_ref()
        .expect("should give the heading's source");
    assert!(
        heading
            .path
            .as_deref()
            .is_some_and(|p| p.ends_with("> h2:nth-of-type(1)")),
        "should point the heading at its h2"
    );
    assert!(
        heading.node > source.node,
        "should number elements in document order"
    );
}

#[test]
fn leaves_out_page_furniture() {
    let article = parse_html(&read("furniture.html"));
    assert_spans_slice_text(&article);
    let text = article.text.as_deref().unwrap_or_default();
    for furniture in [
        "cookies",
        "Sport",
        "newsletter",
        "Advertisement",
        "poll",
        "Share on",
        "Most read",
        "waited for this",
        "All rights reserved",
        "2 March 2026",
    ] {
        assert!(
            !text.contains(furniture),
            "should leave out {furniture:?}, text was:\n{text}"
        );
    }
    assert_eq!(
        article.title.as_ref().map(|t| t.text.as_str()),
        Some("Harbour bridge reopens after repairs"),
        "should cut the site name after the dash"
    );
    assert_eq!(
        article.byline.as_ref().map(|b| b.text.as_str()),
        Some("By Sam Porter"),
        "should prefer the page's byline line to the meta author"
    );
    assert_eq!(
        article.published.as_deref(),
        Some("2026-03-02T08:00:00Z"),
        "should read the time element"
    );
    assert_eq!(article.lang, "en", "should read the language");
    assert_eq!(
        paragraphs(&article).len(),
        3,
        "should keep the three story paragraphs"
    );
    let related: Vec<&str> = article.related.iter().map(|r| r.text.as_str()).collect();
    assert!(
        related.contains(&"City plans a second crossing over the river")
            && related.iter().any(|r| r.contains("new ferries")),
        "should put link lists and read-more lines in related, got {related:?}"
    );
    assert!(
        article
            .quotes
            .iter()
            .any(|q| q.text.starts_with("We are proud")),
        "should find the quote"
    );
}

#[test]
fn survives_hostile_markup() {
    let article = parse_html(&read("hostile.html"));
    assert_spans_slice_text(&article);
    let text = article.text.as_deref().unwrap_or_default();
    for kept in [
        "flooded the lower town square",
        "and <p> tags stayed text",
        "bold misnested italic words",
        "the water is falling now",
        "A table cell that holds",
    ] {
        assert!(
            text.contains(kept),
            "should keep {kept:?}, text was:\n{text}"
        );
    }
    for dropped in [
        "injected", "quoted", "document", "CDATA", "icon", "markup", "content:", "</",
    ] {
        assert!(
            !text.contains(dropped),
            "should not read {dropped:?} as text, text was:\n{text}"
        );
    }
    assert_eq!(
        article.title.as_ref().map(|t| t.text.as_str()),
        Some("Storm \"warning\" & more"),
        "should decode the title's character references"
    );
}

#[test]
fn survives_deeply_nested_divs() {
    let depth = 20_000;
    let html = format!(
        "<title>Deep</title>{}<p>The words at the bottom of a very deep page, found all the same.</p>",
        "<div>".repeat(depth)
    );
    let article = parse_html(&html);
    assert_spans_slice_text(&article);
    let body = paragraphs(&article);
    assert_eq!(
        body,
        ["The words at the bottom of a very deep page, found all the same."],
        "should find the text under twenty thousand divs"
    );
    let source = article.sections[0].paragraphs[0]
        .source
        .as_ref()
        .expect("should give a source");
    assert_eq!(
        source.path, None,
        "should give no CSS path deeper than its limit"
    );
    assert_eq!(
        source.node,
        depth + 1,
        "should still give the element's index"
    );

    let closed = format!(
        "{}<p>Closed nesting holds this sentence, which must be read.</p>{}",
        "<div><span>".repeat(depth),
        "</span></div>".repeat(depth)
    );
    let article = parse_html(&closed);
    assert_eq!(
        paragraphs(&article).len(),
        1,
        "should read closed deep nesting"
    );
}

#[test]
fn survives_deeply_nested_headlines_and_quotes() {
    // Each nested h1 and q asks for its text: that must cost a bounded amount, not its subtree.
    let depth = 50_000;
    for open in ["<h1><div>", "<q>", "<time><span>"] {
        let html = format!(
            "<title>Nested</title>{}<p>A sentence at the bottom of it all, long enough to be read.</p>",
            open.repeat(depth)
        );
        let article = parse_html(&html);
        assert_spans_slice_text(&article);
        assert!(
            article
                .text
                .as_deref()
                .is_some_and(|t| t.contains("bottom of it all")),
            "should read the text under {depth} × {open}"
        );
    }
}

#[test]
fn reads_a_five_megabyte_page() {
    // Real pages are mostly markup: megabytes of scripts, menus and comment threads around a few
    // hundred paragraphs.
    let furniture = "<nav><a href=/a>Home</a> <a href=/b>World</a> <a href=/c>Sport</a></nav>\
        <script>var config = {\"a\": \"</p><p>\", \"b\": [1, 2, 3]};</script>\
        <div class=comments><p>A reader wrote a long comment that is not part of the story, \
        with its own sentences, commas, and opinions.</p></div>\
        <div class=share-bar><a href=#>Share</a></div>\n";
    let mut html = String::from("<html><head><title>Budget | Paper</title></head><body>");
    let half = 5 * 1024 * 1024 / 2;
    while html.len() < half {
        html.push_str(furniture);
    }
    html.push_str("<article><div class=story-body>");
    let count = 300;
    for n in 0..count {
        html.push_str(&format!(
            "<p>The council met for the {n}th time on Monday, and the mayor said the budget, \
             which was cut last year, would grow by a tenth in the coming year.</p>\n"
        ));
    }
    html.push_str("</div></article>");
    while html.len() < 2 * half {
        html.push_str(furniture);
    }
    let article = parse_html(&html);
    assert_eq!(
        paragraphs(&article).len(),
        count,
        "should read every paragraph of the story in a 5 MB page"
    );
    let text = article.text.as_deref().unwrap_or_default();
    assert!(
        !text.contains("Share") && !text.contains("reader wrote") && !text.contains("config"),
        "should leave out the furniture"
    );
}

#[test]
fn auto_tells_markup_from_text() {
    let auto = Options {
        format: Format::Auto,
        ..Options::default()
    };
    let page = read("furniture.html");
    assert_eq!(
        parse_with(&page, &auto),
        parse_html(&page),
        "should read a page as HTML"
    );
    let text = "Kicker: A headline\nRussia said on Monday, “We will act.”";
    let as_text = newslens::parse(text);
    assert_eq!(
        parse_with(text, &auto),
        as_text,
        "should read plain text as text"
    );
    assert_eq!(as_text.text, None, "should not copy a text input");
    assert!(
        as_text
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .all(|p| p.source.is_none()),
        "should give no sources for text"
    );
}

#[test]
fn refuses_an_unknown_format() {
    let error = serde_json::from_str::<Options>(r#"{"format": "xml"}"#)
        .expect_err("should refuse format xml");
    assert!(
        error
            .to_string()
            .contains(r#"unknown format "xml"; expected "text", "html" or "auto""#),
        "should say which formats there are, said: {error}"
    );
    let options: Options = serde_json::from_str(r#"{"format": "auto"}"#).expect("should read auto");
    assert_eq!(options.format, Format::Auto, "should read format auto");
}

#[test]
fn takes_byline_and_update_lines_out_of_the_body() {
    let article = parse_html(
        "<article><h1>Rains return</h1><p>By Jane Smith</p><p>Updated: 3 March 2026, 10:20</p>\
         <p>The rains returned to the valley on Sunday after a dry month, and farmers said the \
         wheat would recover if the showers lasted.</p><p>रिपोर्ट: अमित कुमार</p></article>",
    );
    assert_eq!(
        article.byline.as_ref().map(|b| b.text.as_str()),
        Some("By Jane Smith"),
        "should take the By line above the body as the byline"
    );
    let body = paragraphs(&article);
    assert!(
        body.iter()
            .all(|p| !p.starts_with("By ") && !p.starts_with("Updated")),
        "should keep byline and update lines out of the body, got {body:?}"
    );
    assert!(
        body.contains(&"रिपोर्ट: अमित कुमार"),
        "should leave a credit line below the body where it is"
    );
}

#[test]
fn reads_paragraphs_split_by_line_breaks() {
    let article = parse_html(
        "<div class=\"content\">नई दिल्ली: संसद का शीतकालीन सत्र सोमवार से शुरू होगा, जिसमें कई अहम \
         विधेयक पेश किए जाएंगे।<br><br>सरकार ने कहा कि सभी दलों से बातचीत की जा रही है और \
         सत्र सुचारु रूप से चलेगा।<br>विपक्ष ने महंगाई पर चर्चा की मांग की है।</div>",
    );
    assert_eq!(
        paragraphs(&article),
        [
            "नई दिल्ली: संसद का शीतकालीन सत्र सोमवार से शुरू होगा, जिसमें कई अहम विधेयक पेश किए जाएंगे।",
            "सरकार ने कहा कि सभी दलों से बातचीत की जा रही है और सत्र सुचारु रूप से चलेगा। विपक्ष ने महंगाई पर चर्चा की मांग की है।"
        ],
        "should cut paragraphs at a double br and join lines at a single one"
    );
    assert_eq!(
        article.dateline.as_ref().map(|d| d.text.as_str()),
        Some("नई दिल्ली:"),
        "should find the dateline of the first paragraph"
    );
}

#[test]
fn leaves_out_text_the_page_repeats() {
    let story = "<p>The museum reopened its doors on Saturday after a year of work, and the \
                 curators said the new rooms would hold the collection of old maps.</p>";
    let slides = "<div class=slide-title>Photos: the museum reopens</div>".repeat(3);
    let article = parse_html(&format!("<article>{story}{slides}{story}</article>"));
    let text = article.text.unwrap_or_default();
    assert!(
        !text.contains("Photos:"),
        "should leave out a slide title repeated three times"
    );
    assert!(
        text.contains("The museum reopened"),
        "should keep a paragraph that appears twice"
    );
}

#[test]
fn trusts_the_letters_over_a_template_lang() {
    let hindi_in_english_template = "<html lang=\"en\"><body><article><p>सरकार ने सोमवार को \
        नई योजना की घोषणा की और कहा कि सभी जिलों में काम जल्द शुरू होगा।</p></article></body></html>";
    assert_eq!(
        parse_html(hindi_in_english_template).lang,
        "hi",
        "should go by the Devanagari letters, not a template's lang=en"
    );
    let numbers = "<html lang=\"hi\"><body><article><p>2026 — 14/07 — 09:30 — 12,500 — \
        3.5% — 1,200 — 45 — 7 — 2026 — 14/07 — 09:30</p></article></body></html>";
    assert_eq!(
        parse_html(numbers).lang,
        "hi",
        "should take the declared language when the letters do not tell"
    );
}

#[test]
fn reads_a_body_that_a_script_would_show() {
    let story = "<p>The river rose by two metres overnight, and the town council opened three \
                 shelters for the families who had to leave their homes.</p>";
    let hidden_page =
        format!("<body><div style=\"display: none\"><article>{story}</article></div></body>");
    assert_eq!(
        paragraphs(&parse_html(&hidden_page)).len(),
        1,
        "should read a page whose whole body is hidden until a script runs"
    );
    let hidden_part = format!(
        "<body><article>{story}<div hidden><p>A hidden promotion for a newsletter that nobody \
         sees on the page, with its own long sentence.</p></div></article></body>"
    );
    let text = parse_html(&hidden_part).text.unwrap_or_default();
    assert!(
        !text.contains("promotion"),
        "should leave out a hidden part of a visible article"
    );
}

#[test]
fn falls_back_to_the_json_ld_article_body() {
    let page = r#"<html><head><title>Budget day - Paper</title>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget day",
        "articleBody":"The minister presented the budget on Monday.\nShe said, \"Growth will return.\""}
        </script></head><body><div id="root"></div><script>render()</script></body></html>"#;
    let article = parse_html(page);
    assert_eq!(
        paragraphs(&article),
        [
            "The minister presented the budget on Monday.",
            "She said, \"Growth will return.\""
        ],
        "should read the articleBody of a page that scripts render"
    );
    assert!(
        article
            .quotes
            .iter()
            .any(|q| q.text == "Growth will return."),
        "should find the quote in it"
    );
}

#[test]
fn an_empty_page_says_so() {
    let article = parse_html("<html><head><script>x()</script></head><body><nav>Menu</nav></body>");
    assert!(article.sections.is_empty(), "should find no article");
    assert!(
        article.warnings.iter().any(|w| w.code == "no-article-text"),
        "should warn that there is no article text"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(prop::sample::select(vec![
        "<div>", "</div>", "<p>", "</p>", "<li>", "<ul>", "</ul>", "<table>", "<td>", "<tr>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<q>", "</q>",
        "<blockquote>", "<h2>", "</h2>", "<a href=x>", "</a>", "<br>", "<svg>", "<title>",
        "\"", "“", "”", "&amp;", "&#x9;", "&#0;", "&bogus;", "<", ">", "=", "'", "रूस ने कहा",
        "The minister said, ", "words. ", "😀", "\u{200D}", "क़", "e\u{301}\u{302}", "\r\n",
        "<html lang=hi>", "<meta property=og:title content='T'>", "<p class=share>",
    ]), 0..80)) {
        let html: String = parts.concat();
        let article = parse_html(&html);
        assert_spans_slice_text(&article);
    }
}
