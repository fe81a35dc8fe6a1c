//! Content: which parts of a page are the article, after Mozilla Readability's algorithm.
//!
//! 1. [`left_out`] marks the subtrees that are never article text: scripts, styles, forms,
//!    navigation, headers, footers, asides, figures, hidden elements, landmark roles other than
//!    the main one, and elements whose class or id words say page furniture
//!    ([`super::classes`]: menus, comments, share bars, related links, ads).
//! 2. [`choose`] scores every block of at least [`MIN_SCORED_CHARS`] characters (one point, one
//!    per comma and one per 100 characters up to three) and hands the score to up to five ancestors (the
//!    parent in full, the grandparent half, farther ones less), each starting from a score for
//!    its tag and ±25 for its class words. The best container after discounting its link text
//!    wins; Readability's corrections follow (a wrapper with one child gives way to its parent,
//!    a parent that holds several near-best candidates or scores higher takes over), and siblings
//!    that score well, or are paragraphs with little link text, join it.
//!
//! Every step is a pass over the nodes or walks a bounded number of ancestors, so the whole is
//! linear in the page.

use rustc_hash::FxHashMap as HashMap;

use super::blocks::Block;
use super::classes::{classes, Verdict};
use super::dom::{Dom, NodeId};

/// Blocks shorter than this do not vote for their container.
pub const MIN_SCORED_CHARS: usize = 25;

/// How many ancestors a block's score reaches.
const SCORED_ANCESTORS: usize = 5;

/// Tags whose subtree is never article text.
fn never_text(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "form"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "figure"
            | "dialog"
            | "menu"
    )
}

/// ARIA roles of page furniture.
fn furniture_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "search"
            | "dialog"
            | "alertdialog"
            | "menu"
            | "menubar"
            | "toolbar"
            | "form"
    )
}

/// Inline styles that hide an element.
fn hidden_style(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(crate::unicode::lower)
        .collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// What the page's markup says about each node.
#[derive(Debug, Clone)]
pub struct Marks {
    /// The node and its subtree are left out.
    pub skip: Vec<bool>,
    /// The class words of each element.
    pub verdicts: Vec<Verdict>,
    /// Characters of text (not white space) in the subtree, left-out parts not counted.
    pub chars: Vec<usize>,
    /// Of those, the characters inside links.
    pub link_chars: Vec<usize>,
}

impl Marks {
    pub fn link_density(&self, id: NodeId) -> f32 {
        if self.chars[id] == 0 {
            0.0
        } else {
            self.link_chars[id] as f32 / self.chars[id] as f32
        }
    }
}

/// The lower-cased `class`, `id` and test or component names of an element, joined by spaces
/// (sites with generated class names still name their parts in `data-testid`).
pub fn class_key(dom: &Dom, id: NodeId) -> String {
    let node = &dom.nodes[id];
    let mut key = String::new();
    for name in ["class", "id", "data-testid", "data-component"] {
        if let Some(value) = node.attribute(name) {
            key.push_str(value);
            key.push(' ');
        }
    }
    key.make_ascii_lowercase();
    key
}

/// Marks the left-out subtrees and counts the text of every subtree. Elements hidden by a
/// `hidden` attribute, `aria-hidden` or an inline style are left out only when `hide` is set:
/// some pages hide their whole body until a script shows it, and are read again without it.
pub fn left_out(dom: &Dom, hide: bool) -> Marks {
    let n = dom.nodes.len();
    let mut skip = vec![false; n];
    let mut verdicts = vec![Verdict::default(); n];
    let mut in_link = vec![false; n];
    let mut in_table = vec![false; n];
    let words = classes();
    for id in 1..n {
        let node = &dom.nodes[id];
        let parent = node.parent;
        in_link[id] = in_link[parent];
        in_table[id] = in_table[parent];
        if skip[parent] {
            skip[id] = true;
            continue;
        }
        if node.is_text() {
            continue;
        }
        let name = &*node.name;
        in_link[id] |= name == "a";
        in_table[id] |= matches!(name, "table" | "code" | "pre");
        let verdict = words.judge(&class_key(dom, id));
        verdicts[id] = verdict;
        let furniture = verdict.unlikely
            && !in_table[parent]
            && !matches!(name, "html" | "body" | "article" | "main" | "a");
        let hidden = node.attribute("hidden").is_some()
            || node
                .attribute("aria-hidden")
                .is_some_and(|v| v.trim() == "true")
            || node.attribute("style").is_some_and(hidden_style);
        skip[id] = never_text(name)
            || furniture
            || (hide && hidden)
            || node.attribute("role").is_some_and(furniture_role);
    }
    let mut chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    for id in (1..n).rev() {
        if skip[id] {
            continue;
        }
        if dom.nodes[id].is_text() {
            let count = dom
                .text_of(id)
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            chars[id] = count;
            if in_link[id] {
                link_chars[id] = count;
            }
        }
        let parent = dom.nodes[id].parent;
        if parent != id {
            chars[parent] += chars[id];
            link_chars[parent] += link_chars[id];
        }
    }
    Marks {
        skip,
        verdicts,
        chars,
        link_chars,
    }
}

/// The starting score of a container, from its tag.
fn tag_score(name: &str) -> f32 {
    match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The element children of `id`, in order.
fn children(dom: &Dom, id: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut child = id + 1;
    while child < dom.subtree_end(id) {
        if !dom.nodes[child].is_text() {
            out.push(child);
        }
        child = dom.subtree_end(child);
    }
    out
}

/// The containers that hold the article, in document order (siblings of one another); empty
/// when no block is long enough to vote.
pub fn choose(dom: &Dom, marks: &Marks, blocks: &[Block]) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let mut candidates: Vec<NodeId> = Vec::new();
    for block in blocks {
        if block.chars < MIN_SCORED_CHARS || matches!(block.kind, super::blocks::Kind::Heading(_)) {
            continue;
        }
        let points = 1.0 + block.commas as f32 + (block.chars as f32 / 100.0).floor().min(3.0);
        // A block of text straight inside a div is its own paragraph, as Readability turns such
        // divs into paragraphs: its ancestors are the div's.
        for (level, ancestor) in dom.ancestors(block.node).take(SCORED_ANCESTORS).enumerate() {
            if !scored[ancestor] {
                scored[ancestor] = true;
                score[ancestor] =
                    tag_score(&dom.nodes[ancestor].name) + marks.verdicts[ancestor].weight as f32;
                candidates.push(ancestor);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            score[ancestor] += points / divider;
        }
    }
    let final_score = |id: NodeId| score[id] * (1.0 - marks.link_density(id));
    let mut ranked: Vec<NodeId> = candidates.clone();
    crate::sort::by(&mut ranked, |&a, &b| {
        final_score(b).total_cmp(&final_score(a)).then(a.cmp(&b))
    });
    let Some(&best) = ranked.first() else {
        return Vec::new();
    };
    let mut top = best;
    let top_score = final_score(best);

    // Several near-best candidates under one ancestor: the article is split into parts.
    let close: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(4)
        .copied()
        .filter(|&c| top_score > 0.0 && final_score(c) / top_score >= 0.75)
        .collect();
    if close.len() >= 2 {
        // (list, ancestor) for each close candidate's ancestors: a map of the type the DOM's
        // builder uses, not one set per list.
        let lists: HashMap<(usize, NodeId), u32> = close
            .iter()
            .enumerate()
            .flat_map(|(l, &c)| dom.ancestors(c).map(move |a| ((l, a), 0)))
            .collect();
        for ancestor in dom.ancestors(top) {
            if &*dom.nodes[ancestor].name == "body" {
                break;
            }
            if (0..close.len())
                .filter(|&l| lists.contains_key(&(l, ancestor)))
                .count()
                >= 2
            {
                top = ancestor;
                break;
            }
        }
    }

    // A parent that scores higher than the candidate holds more of the article.
    let mut last = final_score(top);
    let threshold = last / 3.0;
    for parent in dom.ancestors(top).collect::<Vec<_>>() {
        if &*dom.nodes[parent].name == "body" {
            break;
        }
        if !scored[parent] {
            continue;
        }
        let s = final_score(parent);
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            break;
        }
        last = s;
    }

    // A wrapper that is its parent's only child stands for the parent.
    loop {
        let parent = dom.nodes[top].parent;
        if parent == 0 || &*dom.nodes[parent].name == "body" || children(dom, parent).len() != 1 {
            break;
        }
        top = parent;
    }

    // Siblings that belong to the article too.
    let parent = dom.nodes[top].parent;
    let top_score = if scored[top] { final_score(top) } else { 0.0 };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.nodes[top].attribute("class").unwrap_or("");
    let mut chosen = Vec::new();
    for sibling in children(dom, parent) {
        if sibling == top {
            chosen.push(sibling);
            continue;
        }
        if marks.skip[sibling] {
            continue;
        }
        let mut bonus = 0.0;
        let class = dom.nodes[sibling].attribute("class").unwrap_or("");
        if !class.is_empty() && class == top_class {
            bonus = top_score * 0.2;
        }
        if scored[sibling] && score[sibling] + bonus >= threshold {
            chosen.push(sibling);
        } else if &*dom.nodes[sibling].name == "p" {
            let density = marks.link_density(sibling);
            let length = marks.chars[sibling];
            let text = super::meta::collapse(&dom.inner_text(sibling));
            if (length > 80 && density < 0.25)
                || (length > 0
                    && length <= 80
                    && density == 0.0
                    && (text.ends_with('.') || text.contains(". ")))
            {
                chosen.push(sibling);
            }
        }
    }
    chosen
}
