//! HTML input: finds the article in a whole page, as Readability and trafilatura do, and hands
//! its plain text with the structure the markup tells to the same stages a text article goes
//! through, so the [`crate::Article`] has the same shape. Its spans refer to the extracted text,
//! which the Article carries in `text`; each section heading and paragraph carries the element it
//! came from ([`crate::Source`]: a CSS path and an element index).
//!
//! The steps, one module each:
//!
//! 1. [`dom`] tokenizes the page with `html5gum` (a WHATWG tokenizer) into a flat tree;
//! 2. [`meta`] reads the title (`<title>` cut as Readability does, else `og:title`, JSON-LD
//!    `headline` or the `h1`), byline, publication time and language from the head, `<meta>`,
//!    microdata and JSON-LD ([`jsonld`]); the declared language counts where the script of the
//!    letters does not tell, and the caller's `lang` option over both;
//! 3. [`content`] leaves out page furniture (by tag, ARIA role, `hidden`, and the class words of
//!    [`classes`]) and picks the article's container by Readability's scoring;
//! 4. [`blocks`] cuts the page's text into blocks (paragraphs, headings, list items, quotes);
//! 5. here, the blocks inside the container become the article's parts (less those repeated
//!    three times or more, and advert labels): `h2`–`h4` are
//!    headings, a `blockquote` is a quotation (given quote marks if it has none), list items and
//!    paragraphs are paragraphs, and link lists and link-only lines go to `related`, as do the
//!    links of "related stories" boxes near the article; a kicker and standfirst come from
//!    elements the class words name next to the `h1`;
//!    A page with no body text in its markup (one that scripts render) falls back to its JSON-LD
//!    `articleBody`;
//! 6. [`layout`] builds the text and its structure.
//!
//! Every step is linear in the page and none recurses, so hostile markup (unclosed tags, deep
//! nesting, huge pages) costs only its length.

pub mod blocks;
pub mod classes;
pub mod content;
pub mod dom;
pub mod jsonld;
pub mod layout;
pub mod meta;

use rustc_hash::FxHashMap as HashMap;

use crate::article::{Article, Source, Span, Warning};
use crate::options::Options;
use crate::structure::markers::markers;

use blocks::{Block, Kind};
use classes::HeadRole;
use dom::{Dom, NodeId};
use layout::{Part, Role};

/// CSS paths longer than this many steps are not given (the element index still is).
const MAX_PATH_STEPS: usize = 32;

/// A block whose text the article repeats this many times is page furniture.
const FURNITURE_REPEATS: usize = 3;

/// At most this many links of related-story boxes go to `related`.
const MAX_RELATED_LINKS: usize = 40;

pub use crate::options::looks_like_html;

/// The element index and CSS path of element `id`.
fn source(dom: &Dom, element_index: &[usize], id: NodeId) -> Source {
    let mut steps: Vec<String> = Vec::new();
    let mut at = id;
    let mut complete = false;
    while steps.len() < MAX_PATH_STEPS {
        let node = &dom.nodes[at];
        if let Some(ident) = node.attribute("id").filter(|i| css_ident(i)) {
            steps.push(["#", ident].concat());
            complete = true;
            break;
        }
        let step = if matches!(&*node.name, "html" | "body" | "head") {
            String::from(&*node.name)
        } else {
            let mut step = [&*node.name, ":nth-of-type("].concat();
            crate::decimal::push_decimal(&mut step, node.nth_of_type.into());
            step.push(')');
            step
        };
        steps.push(step);
        if node.parent == 0 || node.parent == at {
            complete = true;
            break;
        }
        at = node.parent;
    }
    steps.reverse();
    Source {
        path: complete.then(|| steps.join(" > ")),
        node: element_index[id],
    }
}

/// Whether `ident` can follow `#` in a CSS selector without escapes.
fn css_ident(ident: &str) -> bool {
    let mut chars = ident.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The language tags the pipeline knows, from a markup subtag.
fn known_lang(tag: &str) -> Option<&'static str> {
    match tag {
        "hi" => Some("hi"),
        "en" => Some("en"),
        "ur" => Some("ur"),
        _ => None,
    }
}

fn same_text(a: &str, b: &str) -> bool {
    crate::unicode::to_lowercase(&meta::collapse(a))
        == crate::unicode::to_lowercase(&meta::collapse(b))
}

/// The element near the first `h1` that the class words name `role`: before it for a kicker,
/// after it for a standfirst and byline, within the h1's grandparent.
fn head_part(dom: &Dom, h1: NodeId, role: HeadRole) -> Option<String> {
    let scope = dom.ancestors(h1).nth(1).unwrap_or(0);
    let (from, to) = match role {
        HeadRole::Kicker => (scope + 1, h1),
        _ => (dom.subtree_end(h1), dom.subtree_end(scope)),
    };
    let words = classes::classes();
    let mut found = None;
    let mut id = from;
    while id < to {
        let node = &dom.nodes[id];
        if node.is_text() || matches!(&*node.name, "script" | "style") {
            id += 1;
            continue;
        }
        if words.head_role(&content::class_key(dom, id)) == Some(role) {
            let text = meta::collapse(&dom.inner_text(id));
            let count = text.split_whitespace().count();
            let fits = match role {
                HeadRole::Kicker => (1..=8).contains(&count),
                HeadRole::Byline => (1..=15).contains(&count),
                HeadRole::Standfirst => (6..=80).contains(&count),
            };
            if fits {
                found = Some(text);
                if role != HeadRole::Kicker {
                    break;
                }
            }
            id = dom.subtree_end(id);
            continue;
        }
        id += 1;
    }
    found
}

/// The parts of the article in `dom`.
fn parts(dom: &Dom, meta: &meta::Meta) -> Vec<Part> {
    let mut marks = content::left_out(dom, true);
    let mut all = blocks::collect(dom, &marks.skip);
    let mut roots = content::choose(dom, &marks, &all);
    if roots.is_empty() {
        // No paragraph long enough is visible: the page may hide its body until a script runs.
        marks = content::left_out(dom, false);
        all = blocks::collect(dom, &marks.skip);
        roots = content::choose(dom, &marks, &all);
    }
    let ranges: Vec<(NodeId, NodeId)> = if roots.is_empty() {
        // Nothing long enough to vote: every block that is left is the article.
        vec![(0, dom.nodes.len())]
    } else {
        roots.iter().map(|&r| (r, dom.subtree_end(r))).collect()
    };
    // The containers are siblings in document order, so their subtrees are sorted and disjoint.
    let inside = |id: NodeId| {
        let after = ranges.partition_point(|&(start, _)| start <= id);
        after > 0 && id < ranges[after - 1].1
    };

    let h1 = meta::first_h1(dom);
    let title = meta.title.clone().or_else(|| {
        h1.map(|h| meta::collapse(&dom.inner_text(h)))
            .filter(|t| !t.is_empty())
    });
    let head = |role| h1.and_then(|h| head_part(dom, h, role));
    let kicker = head(HeadRole::Kicker);
    let standfirst = head(HeadRole::Standfirst);
    // The page's own byline line ("By Sam Porter") is article text; the meta author is the
    // fallback.
    let mut byline = head(HeadRole::Byline).or_else(|| meta.byline.clone());
    let times = time_texts(dom);

    let mut out = Vec::new();
    let mut push = |role, text: &str, source| {
        out.push(Part {
            role,
            text: text.to_string(),
            source,
        })
    };
    if let Some(k) = &kicker {
        push(Role::Kicker, k, None);
    }
    if let Some(t) = &title {
        push(Role::Title, t, h1);
    }
    if let Some(s) = &standfirst {
        push(Role::Standfirst, s, None);
    }
    let head_parts = out.len();

    let labels = markers();
    let mut related: Vec<Part> = Vec::new();
    let mut body_started = false;
    // A text repeated this often in the article (a gallery's slide titles, "Share") is furniture.
    let mut repeats: HashMap<&str, usize> = HashMap::default();
    for block in all.iter().filter(|b| inside(b.node)) {
        *repeats.entry(block.text.as_str()).or_insert(0) += 1;
    }
    for block in all.iter().filter(|b| inside(b.node)) {
        let text = block.text.as_str();
        if repeats.get(text).is_some_and(|&n| n >= FURNITURE_REPEATS)
            || labels.label(text) == Some(true)
            || times.iter().any(|t| same_text(t, text))
            || kicker.as_deref().is_some_and(|k| same_text(k, text))
            || title.as_deref().is_some_and(|t| same_text(t, text))
            || standfirst.as_deref().is_some_and(|s| same_text(s, text))
            || byline.as_deref().is_some_and(|b| same_text(b, text))
        {
            continue;
        }
        let words = text.split_whitespace().count();
        // A "By …" or "Updated: …" line above the body is the byline or page furniture.
        if !body_started && words <= 12 && labels.opens_with_byline(text) {
            byline.get_or_insert_with(|| text.to_string());
            continue;
        }
        let role = match block.kind {
            // The page's headline (or its variant) above the body is not a section heading.
            Kind::Heading(1) if !body_started => continue,
            Kind::Heading(1..=4) if block.link_density() < 0.5 => Role::Heading,
            _ if link_only(block, words) => Role::Related,
            _ => Role::Paragraph,
        };
        body_started |= role == Role::Paragraph;
        let text = if block.quote && role == Role::Paragraph {
            quoted(text)
        } else {
            text.to_string()
        };
        let part = Part {
            role,
            text,
            source: Some(block.node),
        };
        if role == Role::Related {
            related.push(part);
        } else {
            out.push(part);
        }
    }
    if !body_started {
        // No body in the markup (a page that renders it with scripts): the JSON-LD articleBody,
        // one paragraph per line.
        if let Some(body) = &meta.article_body {
            for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
                out.push(Part {
                    role: Role::Paragraph,
                    text: line.to_string(),
                    source: None,
                });
            }
        }
    }
    if let Some(b) = byline {
        out.insert(
            head_parts,
            Part {
                role: Role::Byline,
                text: b,
                source: None,
            },
        );
    }
    related.extend(related_links(dom, &marks, &roots));
    out.extend(related);
    out
}

/// The texts of the page's first `time` elements: a block that is only a date is page furniture.
fn time_texts(dom: &Dom) -> Vec<String> {
    dom.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| &*n.name == "time")
        .take(16)
        .map(|(id, _)| meta::collapse(&dom.text_start(id, 256, 64)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// A block that is (nearly) all link text: a list of links or a lone "read more" link line.
fn link_only(block: &Block, words: usize) -> bool {
    let density = block.link_density();
    match block.kind {
        Kind::ListItem => density >= 0.5,
        _ => density >= 0.9 && words <= 20,
    }
}

/// `text` in quote marks, unless it already has them.
fn quoted(text: &str) -> String {
    let opens = text.starts_with(['"', '“', '‘', '„', '«']);
    let closes = text.ends_with(['"', '”', '’', '»']);
    if opens || closes {
        text.to_string()
    } else {
        ["“", text, "”"].concat()
    }
}

/// The links of "related stories" boxes inside or beside the article's container.
fn related_links(dom: &Dom, marks: &content::Marks, roots: &[NodeId]) -> Vec<Part> {
    let Some(&first) = roots.first() else {
        return Vec::new();
    };
    let scope = dom.ancestors(first).nth(1).unwrap_or(0);
    let mut out = Vec::new();
    let mut id = scope + 1;
    let end = dom.subtree_end(scope);
    while id < end && out.len() < MAX_RELATED_LINKS {
        let node = &dom.nodes[id];
        if node.is_text() || !marks.verdicts[id].related || never_related(&node.name) {
            id += 1;
            continue;
        }
        let box_end = dom.subtree_end(id);
        let mut link = id + 1;
        while link < box_end && out.len() < MAX_RELATED_LINKS {
            if &*dom.nodes[link].name == "a" {
                let text = meta::collapse(&dom.inner_text(link));
                if text.split_whitespace().count() >= 3 {
                    out.push(Part {
                        role: Role::Related,
                        text,
                        source: Some(link),
                    });
                }
                link = dom.subtree_end(link);
            } else {
                link += 1;
            }
        }
        id = box_end;
    }
    out
}

fn never_related(name: &str) -> bool {
    matches!(name, "script" | "style" | "head" | "body" | "html")
}

/// Parse the HTML page `html` with `options`.
pub fn parse(html: &str, options: &Options) -> Article {
    let dom = dom::parse(html);
    let meta = meta::read(&dom);
    let lang = options.lang.as_deref().and_then(known_lang);
    let markup_lang = meta.lang.as_deref().and_then(known_lang);
    let parts = parts(&dom, &meta);
    let laid = layout::lay_out(&parts, lang, markup_lang);
    let mut article = crate::read_structure(&laid.text, laid.structure, options);

    let mut element_index = vec![0usize; dom.nodes.len()];
    let mut count = 0;
    for (id, node) in dom.nodes.iter().enumerate().skip(1) {
        element_index[id] = count;
        if !node.is_text() {
            count += 1;
        }
    }
    for (section, (heading, paragraphs)) in article.sections.iter_mut().zip(&laid.sources) {
        section.heading_source = heading.map(|id| source(&dom, &element_index, id));
        for (paragraph, from) in section.paragraphs.iter_mut().zip(paragraphs) {
            paragraph.source = from.map(|id| source(&dom, &element_index, id));
        }
    }
    article.byline = laid.byline.map(|r| Span::of(&laid.text, r.start, r.end));
    article.published = meta.published;
    if article.sections.is_empty() {
        article.warnings.push(Warning {
            code: "no-article-text".to_string(),
            message: "found no article text in the HTML; is it the page of an article, and is \
                      its text in the markup rather than loaded by scripts?"
                .to_string(),
            byte_start: 0,
            byte_end: 0,
        });
    }
    article.text = Some(laid.text);
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_markup_from_text() {
        assert!(
            looks_like_html("  <!doctype html><p>x"),
            "should see a doctype"
        );
        assert!(looks_like_html("a</p>b</P>c</div>"), "should see end tags");
        assert!(
            !looks_like_html("x < y and 3 > 2, said the </p> man"),
            "should not take a stray tag for HTML"
        );
    }

    #[test]
    fn paths_stop_at_an_id() {
        let dom = dom::parse("<div id=main><p>a</p><p>b</p></div>");
        let index: Vec<usize> = (0..dom.nodes.len()).collect();
        let second_p = dom.nodes.iter().rposition(|n| &*n.name == "p").unwrap();
        assert_eq!(
            source(&dom, &index, second_p).path.as_deref(),
            Some("#main > p:nth-of-type(2)"),
            "should start the path at the nearest id"
        );
    }
}
