//! Meta: what a page says about its article outside the body text — title, byline, publication
//! time and language — from `<title>`, `<meta>` tags (Open Graph, `article:*`, `author`),
//! `itemprop` microdata, JSON-LD ([`super::jsonld`]), `<time datetime>` and the `lang` attribute.
//!
//! The title follows the rules of newspaper4k's title extractor ([`choose_title`]): the document's
//! `<title>`, checked against the longest `h1` and `og:title`, with the site's name cut off at a
//! separator; a page without a `<title>` falls back to `og:title`, the JSON-LD `headline` and the
//! longest `h1`. The language is the primary subtag of `<html lang>`, else of
//! `og:locale`, the JSON-LD `inLanguage` or `content-language`.

use super::dom::{Dom, NodeId};
use super::jsonld;

/// A headline is read from at most this many bytes of text …
const MAX_TITLE_BYTES: usize = 2048;
/// … in at most this many nodes, so that thousands of nested `h1`s cost a bounded amount each.
const MAX_TITLE_NODES: usize = 512;

/// What the page says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// As the page writes it, usually ISO 8601.
    pub published: Option<String>,
    /// Primary language subtag in lower case ("hi", "en").
    pub lang: Option<String>,
    /// The JSON-LD `articleBody`, line breaks kept: the text of pages that render their body
    /// with scripts.
    pub article_body: Option<String>,
}

/// Collapses runs of white space to one space and trims.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The primary subtag of a language tag or locale ("hi-IN", "en_US" → "hi", "en").
fn primary(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3)
        .contains(&primary.len())
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

/// The title's letters and digits in lower case, with single spaces: titles that differ only in
/// case and punctuation compare equal.
fn filtered(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || is_mark(*c))
        .flat_map(crate::unicode::lower)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Devanagari vowel signs and viramas are marks, not letters, but belong to the words.
fn is_mark(c: char) -> bool {
    crate::unicode::is_combining_mark(c)
}

/// Where a `<title>` is cut into pieces, in order of preference: the first one it holds is used.
/// A hyphen and a slash count only with spaces around them, so "food-related" and "24/7" stay
/// whole.
const SPLITTERS: &[&str] = &["|", " - ", "_", " / ", " » "];

/// The article's title from the document's `<title>` (`full`), the page's `h1` texts and its
/// `og:title`, by the rules of newspaper4k's title extractor: the title as it is when the
/// longest `h1` repeats it; the `h1` when `og:title` agrees with it, or when the title holds both
/// and the `h1` is the longer; `og:title` when the title starts with it; else the piece of the
/// title, cut at its first kind of separator, that holds the `h1`, or the longest piece. A result
/// that differs from the `h1` only in case and punctuation is the `h1`.
pub fn choose_title(full: &str, h1s: &[String], og: Option<&str>) -> String {
    let title = collapse(full);
    // The longest h1 of more than two words.
    let h1 = h1s
        .iter()
        .map(|h| collapse(h))
        .max_by_key(|h| h.chars().count())
        .filter(|h| h.split(' ').count() > 2)
        .unwrap_or_default();
    let og = og.map(collapse).unwrap_or_default();
    let (f_title, f_h1, f_og) = (filtered(&title), filtered(&h1), filtered(&og));
    let chosen = if !h1.is_empty() && h1 == title {
        title.clone()
    } else if !f_h1.is_empty()
        && (f_h1 == f_og
            || (f_title.contains(&f_h1)
                && !f_og.is_empty()
                && f_title.contains(&f_og)
                && h1.chars().count() > og.chars().count()))
    {
        h1.clone()
    } else if !f_og.is_empty() && f_og != f_title && f_title.starts_with(&f_og) {
        og.clone()
    } else {
        match SPLITTERS.iter().find(|s| title.contains(**s)) {
            Some(splitter) => {
                let pieces: Vec<&str> = title.split(splitter).map(str::trim).collect();
                let holds_h1 = pieces
                    .iter()
                    .find(|p| !f_h1.is_empty() && filtered(p).contains(&f_h1));
                let longest = pieces
                    .iter()
                    .rev()
                    .max_by_key(|p| p.chars().count())
                    .copied()
                    .unwrap_or("");
                holds_h1.copied().unwrap_or(longest).to_string()
            }
            None => title.clone(),
        }
    };
    if !f_h1.is_empty() && filtered(&chosen) == f_h1 {
        h1
    } else {
        chosen
    }
}

/// Reads what the page says about its article.
pub fn read(dom: &Dom) -> Meta {
    let mut doc_title: Option<String> = None;
    let mut html_lang: Option<String> = None;
    let mut first_time: Option<String> = None;
    // Meta values by their name, in the order they came.
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut ld: Vec<jsonld::Field> = Vec::new();
    let mut foreign_until = 0;

    let mut id = 1;
    while id < dom.nodes.len() {
        let node = &dom.nodes[id];
        if node.is_text() || id < foreign_until {
            id += 1;
            continue;
        }
        match &*node.name {
            "svg" | "math" => foreign_until = dom.subtree_end(id),
            "html" if html_lang.is_none() => {
                html_lang = node.attribute("lang").and_then(primary);
            }
            "title" if doc_title.is_none() => {
                doc_title = Some(collapse(&dom.inner_text(id))).filter(|t| !t.is_empty());
            }
            "time" if first_time.is_none() => {
                first_time = node.attribute("datetime").map(str::to_string);
            }
            "script" => {
                if node
                    .attribute("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                {
                    ld.extend(jsonld::fields(&dom.inner_text(id)));
                }
                id = dom.subtree_end(id);
                continue;
            }
            _ => {}
        }
        let name = node
            .attribute("property")
            .or_else(|| node.attribute("name"))
            .or_else(|| node.attribute("itemprop"))
            .or_else(|| node.attribute("http-equiv"));
        if let Some(name) = name {
            let value = node
                .attribute("content")
                .or_else(|| node.attribute("datetime"));
            if let Some(value) = value.map(collapse).filter(|v| !v.is_empty()) {
                metas.push((name.to_ascii_lowercase(), value));
            }
        }
        id += 1;
    }

    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            metas
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        })
    };
    let ld_value = |key: &str| {
        ld.iter()
            .find(|f| f.key == key && !f.value.trim().is_empty())
            .map(|f| collapse(&f.value))
    };

    let h1s: Vec<String> = dom
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| &*n.name == "h1")
        .map(|(i, _)| collapse(&dom.text_start(i, MAX_TITLE_BYTES, MAX_TITLE_NODES)))
        .filter(|t| !t.is_empty())
        .take(64)
        .collect();
    let og_title = meta(&["og:title"]);
    let title = match doc_title {
        Some(full) => Some(choose_title(&full, &h1s, og_title.as_deref())),
        None => og_title
            .or_else(|| meta(&["twitter:title"]))
            .or_else(|| ld_value("headline"))
            .or_else(|| h1s.iter().max_by_key(|h| h.chars().count()).cloned()),
    };

    let author_names: Vec<String> = ld
        .iter()
        .filter(|f| f.parent == "author" && (f.key == "name" || f.key == "author"))
        .map(|f| collapse(&f.value))
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .fold(Vec::new(), |mut all, n| {
            if !all.contains(&n) {
                all.push(n);
            }
            all
        });
    let byline = meta(&[
        "author",
        "byl",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
    ])
    .filter(|a| !a.contains("://"))
    .or_else(|| (!author_names.is_empty()).then(|| author_names.join(", ")));

    let published = meta(&[
        "article:published_time",
        "datepublished",
        "og:published_time",
        "published_time",
        "parsely-pub-date",
        "pubdate",
        "publishdate",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "date",
    ])
    .or_else(|| ld_value("datePublished"))
    .or(first_time);

    let lang = html_lang
        .or_else(|| meta(&["og:locale"]).and_then(|l| primary(&l)))
        .or_else(|| ld_value("inLanguage").and_then(|l| primary(&l)))
        .or_else(|| meta(&["content-language"]).and_then(|l| primary(&l)));

    Meta {
        title: title.filter(|t| !t.is_empty()),
        byline: byline.filter(|b| !b.is_empty()),
        published,
        lang,
        article_body: ld
            .iter()
            .find(|f| f.key == "articleBody" && !f.value.trim().is_empty())
            .map(|f| f.value.clone()),
    }
}

/// The first `h1` of the page, if any.
pub fn first_h1(dom: &Dom) -> Option<NodeId> {
    dom.nodes.iter().position(|n| &*n.name == "h1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_the_site_name() {
        assert_eq!(
            choose_title(
                "After the storm, smooth sailing for all - News.com",
                &[],
                None
            ),
            "After the storm, smooth sailing for all",
            "should keep the longest piece"
        );
        assert_eq!(
            choose_title("Site | The rains came early this year", &[], None),
            "The rains came early this year",
            "should keep the longest piece wherever it is"
        );
        assert_eq!(
            choose_title("A well-known fact about 24/7 shops", &[], None),
            "A well-known fact about 24/7 shops",
            "should not cut at a hyphen or slash inside words"
        );
        assert_eq!(
            choose_title(
                "Rains return to the valley | Site",
                &["RAINS RETURN TO THE VALLEY!".into()],
                None
            ),
            "RAINS RETURN TO THE VALLEY!",
            "should give the h1 when the title differs from it only in case and punctuation"
        );
    }

    #[test]
    fn prefers_h1_and_og_title_when_they_agree() {
        let h1 = "रूस का बयान: उत्तर कोरिया के साथ".to_string();
        assert_eq!(
            choose_title("रूस का बयान | साइट", std::slice::from_ref(&h1), Some(&h1)),
            h1,
            "should take the h1 that og:title repeats"
        );
        assert_eq!(
            choose_title(
                "Storm hits the coast tonight - Site",
                &[],
                Some("Storm hits the coast")
            ),
            "Storm hits the coast",
            "should take og:title when the title starts with it"
        );
        assert_eq!(
            choose_title(
                "Long headline of the story here | Site",
                &["Long headline of the story here".into()],
                None
            ),
            "Long headline of the story here",
            "should keep the piece that holds the h1"
        );
    }

    #[test]
    fn reads_primary_subtags() {
        assert_eq!(primary("hi-IN").as_deref(), Some("hi"), "should read hi-IN");
        assert_eq!(primary("en_US").as_deref(), Some("en"), "should read en_US");
        assert_eq!(primary("x"), None, "should refuse a one-letter tag");
    }
}
