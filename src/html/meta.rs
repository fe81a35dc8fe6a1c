//! Meta: what a page says about its article outside the body text — title, byline, publication
//! time and language — from `<title>`, `<meta>` tags (Open Graph, `article:*`, `author`),
//! `itemprop` microdata, JSON-LD ([`super::jsonld`]), `<time datetime>` and the `lang` attribute.
//!
//! The title follows Mozilla Readability's `_getArticleTitle`: the document's `<title>` with the
//! site's name cut off at a separator (` | `, ` - `, ` – `, ` » `, ` / `) or after a colon, unless
//! that leaves too few words; a page without a `<title>` falls back to `og:title`, the JSON-LD
//! `headline` and the lone `h1`. The language is the primary subtag of `<html lang>`, else of
//! `og:locale`, the JSON-LD `inLanguage` or `content-language`.

use super::dom::{Dom, NodeId};
use super::jsonld;

/// What the page says about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// As the page writes it, usually ISO 8601.
    pub published: Option<String>,
    /// Primary language subtag in lower case ("hi", "en").
    pub lang: Option<String>,
}

/// Collapses runs of white space to one space and trims.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The primary subtag of a language tag or locale ("hi-IN", "en_US" → "hi", "en").
fn primary(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3)
        .contains(&primary.len())
        .then_some(primary)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];

/// The title of a page whose `<title>` is `full`, as Readability cuts it; `headings` are the
/// texts of the page's `h1` and `h2` elements and its `og:title`. A cut title that one of them
/// repeats is kept however short it is (Readability would put a short title back whole, which
/// loses "रूस का बयान | साइट" to its site name).
pub fn clean_title(full: &str, headings: &[String]) -> String {
    let full = collapse(full);
    let sep_at = |c: char, text: &str, at: usize| {
        at > 0
            && SEPARATORS.contains(&c)
            && text[..at].ends_with(' ')
            && text[at + c.len_utf8()..].starts_with(' ')
    };
    let separators: Vec<(usize, char)> = full
        .char_indices()
        .filter(|&(at, c)| sep_at(c, &full, at))
        .collect();
    let mut title = full.clone();
    let mut hierarchical = false;
    if let (Some(&(first, first_c)), Some(&(last, _))) = (separators.first(), separators.last()) {
        hierarchical = separators
            .iter()
            .any(|&(_, c)| matches!(c, '\\' | '/' | '>' | '»'));
        title = full[..last].trim().to_string();
        if word_count(&title) < 3 {
            title = full[first + first_c.len_utf8()..].trim().to_string();
        }
    } else if let Some(colon) = full.find(": ") {
        if !headings.iter().any(|h| collapse(h) == full) {
            let last = full.rfind(':').unwrap_or(colon);
            title = full[last + 1..].trim().to_string();
            if word_count(&title) < 3 {
                title = full[colon + 1..].trim().to_string();
            } else if word_count(&full[..colon]) > 5 {
                title = full.clone();
            }
        }
    } else if full.chars().count() > 150 || full.chars().count() < 15 {
        let h1s: Vec<&String> = headings.iter().take(2).collect();
        if h1s.len() == 1 {
            title = collapse(h1s[0]);
        }
    }
    let confirmed = headings
        .iter()
        .any(|h| collapse(h).to_lowercase() == title.to_lowercase());
    let words = word_count(&title);
    if confirmed {
        return title;
    }
    let without_separators = full
        .split(|c| SEPARATORS.contains(&c))
        .map(word_count)
        .sum::<usize>();
    if words <= 4 && (!hierarchical || words + 1 != without_separators) {
        title = full;
    }
    title
}

/// Reads what the page says about its article.
pub fn read(dom: &Dom) -> Meta {
    let mut doc_title: Option<String> = None;
    let mut html_lang: Option<String> = None;
    let mut headings: Vec<String> = Vec::new();
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
            "h1" | "h2" if headings.len() < 64 => {
                headings.push(collapse(&dom.inner_text(id)));
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
        .map(|(i, _)| collapse(&dom.inner_text(i)))
        .filter(|t| !t.is_empty())
        .take(2)
        .collect();
    headings.extend(meta(&["og:title"]));
    let title = match doc_title {
        Some(full) => Some(clean_title(&full, &headings)),
        None => meta(&["og:title", "twitter:title"])
            .or_else(|| ld_value("headline"))
            .or_else(|| (h1s.len() == 1).then(|| h1s[0].clone())),
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
            clean_title("After the storm, smooth sailing for all - News.com", &[]),
            "After the storm, smooth sailing for all",
            "should cut the site name after a dash"
        );
        assert_eq!(
            clean_title("The rains came early this year | Site", &[]),
            "The rains came early this year",
            "should cut the site name after a bar"
        );
        assert_eq!(
            clean_title(
                "New laws: pot, guns and drones",
                &["New laws: pot, guns and drones".into()]
            ),
            "New laws: pot, guns and drones",
            "should keep a colon title that a heading repeats"
        );
        assert_eq!(
            clean_title("मौसम | खबर", &[]),
            "मौसम | खबर",
            "should keep a short title whole"
        );
        assert_eq!(
            clean_title("रूस का बयान | साइट", &["रूस का बयान".into()]),
            "रूस का बयान",
            "should cut a short title that the h1 repeats"
        );
    }

    #[test]
    fn reads_primary_subtags() {
        assert_eq!(primary("hi-IN").as_deref(), Some("hi"), "should read hi-IN");
        assert_eq!(primary("en_US").as_deref(), Some("en"), "should read en_US");
        assert_eq!(primary("x"), None, "should refuse a one-letter tag");
    }
}
