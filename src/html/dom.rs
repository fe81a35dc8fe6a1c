//! Dom: builds a flat tree of an HTML page from the tokens of `html5gum`, a WHATWG tokenizer.
//!
//! Input is any string; output is a [`Dom`]: every element and text run in document order, each
//! with its parent's index, so that a node's subtree is the contiguous run of nodes after it
//! ([`Dom::subtree_end`]). Nothing here recurses, so ten thousand nested `div`s cost what ten
//! thousand sibling ones do.
//!
//! The tokenizer does the hard part by the standard: character references, comments, CDATA,
//! and the raw-text content of `script`, `style`, `title`, `textarea`, `noscript` (its naive state
//! switching), so a script holding `"</p>"` stays one text run. The tree rules are the forgiving
//! part of the standard's tree builder that matters for reading an article, each a constant
//! amount of work per tag so the whole build stays linear:
//!
//! - void elements (`br`, `img`, `meta` …) never hold children; `<x/>` closes itself only inside
//!   `svg` or `math`;
//! - an end tag closes the nearest open element of its name and everything opened after it; an
//!   end tag with no open element of its name is ignored;
//! - a block start tag closes an open `p` near the top of the stack, a heading closes an open
//!   heading, and `li`, `dt`/`dd`, `tr`, `td`/`th`, `option` close an open sibling of their kind,
//!   looking at most [`IMPLIED_END_REACH`] elements down the stack.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::convert::Infallible;
use std::rc::Rc;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// How far down the stack of open elements an implied end tag looks.
pub const IMPLIED_END_REACH: usize = 12;

/// The attributes newslens reads; all others are dropped while parsing.
pub const KEPT_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "lang",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "itemprop",
    "property",
    "name",
    "content",
    "datetime",
    "type",
    "rel",
    "http-equiv",
    "data-testid",
    "data-component",
];

/// Attribute names (one of [`KEPT_ATTRIBUTES`]) and values.
pub type Attributes = Vec<(&'static str, Box<str>)>;

/// One element or run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The parent's index; the document root is its own parent.
    pub parent: NodeId,
    /// The tag name in lower case, shared by all elements of that name; empty for text.
    pub name: Rc<str>,
    /// For text: the range of [`Dom::text`] it holds.
    pub text: (usize, usize),
    /// Kept attributes ([`KEPT_ATTRIBUTES`]), names in lower case.
    pub attributes: Attributes,
    /// 1 + the number of earlier siblings with the same tag name (CSS `:nth-of-type`).
    pub nth_of_type: u32,
    /// Elements above it; the root's children have depth 0.
    pub depth: u32,
}

impl Node {
    pub fn is_text(&self) -> bool {
        self.name.is_empty()
    }

    /// The value of attribute `name`, if the element has it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| &**v)
    }
}

/// A parsed page.
#[derive(Debug, Clone, Default)]
pub struct Dom {
    /// Node 0 is the document root (name `#document`); the others follow in document order.
    pub nodes: Vec<Node>,
    /// The decoded text of every text node, one after the other.
    pub text: String,
    /// `subtree_end[i]`: one past the last node of `i`'s subtree.
    ends: Vec<NodeId>,
}

impl Dom {
    /// The text of text node `id` (empty for an element).
    pub fn text_of(&self, id: NodeId) -> &str {
        let (start, end) = self.nodes[id].text;
        &self.text[start..end]
    }

    /// One past the last node of `id`'s subtree: its descendants are `id + 1..subtree_end(id)`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.ends[id]
    }

    /// All the text inside `id`, as it stands in the markup (white space not collapsed).
    pub fn inner_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for n in id..self.subtree_end(id) {
            if self.nodes[n].is_text() {
                out.push_str(self.text_of(n));
            }
        }
        out
    }

    /// The start of the text inside `id`: at most `max_bytes` (rounded up to a character) from
    /// at most `max_nodes` nodes, so that asking it of every one of many nested elements stays
    /// linear.
    pub fn text_start(&self, id: NodeId, max_bytes: usize, max_nodes: usize) -> String {
        let mut out = String::new();
        let end = self.subtree_end(id).min(id + 1 + max_nodes);
        for n in id..end {
            if self.nodes[n].is_text() {
                let text = self.text_of(n);
                let room = max_bytes.saturating_sub(out.len());
                let mut cut = room.min(text.len());
                while !text.is_char_boundary(cut) {
                    cut += 1;
                }
                out.push_str(&text[..cut]);
                if out.len() >= max_bytes {
                    break;
                }
            }
        }
        out
    }

    /// The ancestors of `id`, nearest first, without the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut at = id;
        std::iter::from_fn(move || {
            let parent = self.nodes[at].parent;
            if parent == at || parent == 0 {
                None
            } else {
                at = parent;
                Some(parent)
            }
        })
    }
}

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `p` (the standard's list, less the rare ones).
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The builder's state while tokens arrive.
struct Builder {
    dom: Dom,
    /// Open elements, the root first.
    stack: Vec<NodeId>,
    /// Children seen so far per (parent, name), for `nth_of_type`; the name by the address of
    /// its shared text (see `names`), which stands for one name while the builder lives.
    seen: HashMap<(NodeId, usize), u32>,
    /// Each tag name once, so that elements share their name instead of allocating it, with
    /// the number of open elements of that name.
    names: HashMap<Rc<str>, u32>,
    /// The start tag being read: name and attributes.
    tag: Option<(Rc<str>, Attributes)>,
    attribute: Option<&'static str>,
    /// Open `svg` and `math` elements, where `<x/>` closes itself.
    foreign: u32,
}

impl Builder {
    fn new() -> Builder {
        let root = Node {
            parent: 0,
            name: "#document".into(),
            text: (0, 0),
            attributes: Vec::new(),
            nth_of_type: 1,
            depth: 0,
        };
        Builder {
            dom: Dom {
                nodes: vec![root],
                ..Dom::default()
            },
            stack: vec![0],
            seen: HashMap::default(),
            names: HashMap::default(),
            tag: None,
            attribute: None,
            foreign: 0,
        }
    }

    /// The shared name `name`.
    fn intern(&mut self, name: &[u8]) -> Rc<str> {
        let name = lower(name);
        if let Some((shared, _)) = self.names.get_key_value(&*name) {
            return shared.clone();
        }
        let shared: Rc<str> = Rc::from(&*name);
        self.names.insert(shared.clone(), 0);
        shared
    }

    /// The empty name of text nodes.
    fn empty(&mut self) -> Rc<str> {
        self.intern(b"")
    }

    fn top(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn pop(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        if let Some(id) = self.stack.pop() {
            let name = &self.dom.nodes[id].name;
            if matches!(&**name, "svg" | "math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
            if let Some(count) = self.names.get_mut(name) {
                *count = count.saturating_sub(1);
            }
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.names.get(name).is_some_and(|&n| n > 0)
    }

    /// Pops up to and including the nearest open element named `name`.
    fn close(&mut self, name: &str) {
        if !self.is_open(name) {
            return;
        }
        while self.stack.len() > 1 {
            let done = &*self.dom.nodes[self.top()].name == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    /// Closes the nearest open element for which `hit` holds if it is among the top
    /// [`IMPLIED_END_REACH`] of the stack and no element for which `wall` holds stands above it.
    fn close_near(&mut self, hit: impl Fn(&str) -> bool, wall: impl Fn(&str) -> bool) {
        let reach = self.stack.len().saturating_sub(1).min(IMPLIED_END_REACH);
        for k in 0..reach {
            let id = self.stack[self.stack.len() - 1 - k];
            let name = &*self.dom.nodes[id].name;
            if hit(name) {
                for _ in 0..=k {
                    self.pop();
                }
                return;
            }
            if wall(name) {
                return;
            }
        }
    }

    fn start_tag(&mut self, self_closing: bool) {
        let Some((name, attributes)) = self.tag.take() else {
            return;
        };
        let n: &str = &name;
        if closes_p(n) && self.is_open("p") {
            self.close_near(|t| t == "p", |_| false);
        }
        if is_heading(n) {
            self.close_near(is_heading, |_| true);
        }
        match n {
            "li" => self.close_near(|t| t == "li", |t| matches!(t, "ul" | "ol" | "menu")),
            "dt" | "dd" => self.close_near(|t| matches!(t, "dt" | "dd"), |t| t == "dl"),
            "tr" => self.close_near(|t| t == "tr", |t| t == "table"),
            "td" | "th" => self.close_near(|t| matches!(t, "td" | "th"), |t| t == "tr"),
            "option" => self.close_near(|t| t == "option", |t| t == "select"),
            _ => {}
        }
        let parent = self.top();
        let nth = self
            .seen
            .entry((parent, name.as_ptr() as usize))
            .or_insert(0);
        *nth += 1;
        let node = Node {
            parent,
            name: name.clone(),
            text: (0, 0),
            attributes,
            nth_of_type: *nth,
            depth: self.stack.len() as u32 - 1,
        };
        let id = self.dom.nodes.len();
        self.dom.nodes.push(node);
        let closes_itself = is_void(&name) || (self_closing && self.foreign > 0);
        if !closes_itself {
            if matches!(&*name, "svg" | "math") {
                self.foreign += 1;
            }
            // Every tag name is in `names` (see intern).
            if let Some(count) = self.names.get_mut(&name) {
                *count += 1;
            }
            self.stack.push(id);
        }
    }

    fn text(&mut self, value: &[u8]) {
        let parent = self.top();
        let start = self.dom.text.len();
        self.dom.text.push_str(&String::from_utf8_lossy(value));
        let end = self.dom.text.len();
        if let Some(last) = self.dom.nodes.last_mut() {
            if last.is_text() && last.parent == parent && last.text.1 == start {
                last.text.1 = end;
                return;
            }
        }
        let name = self.empty();
        self.dom.nodes.push(Node {
            parent,
            name,
            text: (start, end),
            attributes: Vec::new(),
            nth_of_type: 0,
            depth: self.stack.len() as u32 - 1,
        });
    }

    fn event(&mut self, event: CallbackEvent<'_>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Some((self.intern(name), Vec::new()));
                self.attribute = None;
            }
            CallbackEvent::AttributeName { name } => {
                self.attribute = KEPT_ATTRIBUTES
                    .iter()
                    .copied()
                    .find(|kept| kept.as_bytes().eq_ignore_ascii_case(name));
            }
            CallbackEvent::AttributeValue { value } => {
                if let (Some(name), Some((_, attributes))) = (self.attribute.take(), &mut self.tag)
                {
                    if !attributes.iter().any(|(n, _)| *n == name) {
                        attributes.push((name, String::from_utf8_lossy(value).into()));
                    }
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                // An attribute without a value (`<div hidden>`) only ever had a name.
                if let (Some(name), Some((_, attributes))) = (self.attribute.take(), &mut self.tag)
                {
                    if !attributes.iter().any(|(n, _)| *n == name) {
                        attributes.push((name, "".into()));
                    }
                }
                self.start_tag(self_closing);
            }
            CallbackEvent::EndTag { name } => {
                let name = lower(name);
                self.close(&name);
            }
            CallbackEvent::String { value } => self.text(value),
            CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }

    fn finish(mut self) -> Dom {
        let n = self.dom.nodes.len();
        let mut ends: Vec<NodeId> = (1..=n).collect();
        for id in (1..n).rev() {
            let parent = self.dom.nodes[id].parent;
            ends[parent] = ends[parent].max(ends[id]);
        }
        self.dom.ends = ends;
        self.dom
    }
}

/// A tag name as text in lower case (the tokenizer lowers ASCII letters already).
fn lower(name: &[u8]) -> Cow<'_, str> {
    let text = String::from_utf8_lossy(name);
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        text
    }
}

/// Parse `html` into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    let mut builder = Builder::new();
    {
        let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>| -> Option<Infallible> {
            builder.event(event);
            None
        });
        emitter.naively_switch_states(true);
        // Reading a &str cannot fail, and the callback does all the work.
        let Ok(()) = Tokenizer::new_with_emitter(html, emitter).finish();
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom) -> Vec<String> {
        dom.nodes
            .iter()
            .skip(1)
            .map(|n| {
                if n.is_text() {
                    format!("#{}", &dom.text[n.text.0..n.text.1])
                } else {
                    format!("{}<{}", n.name, dom.nodes[n.parent].name)
                }
            })
            .collect()
    }

    #[test]
    fn implies_end_tags() {
        let dom = parse("<ul><li>a<li>b</ul><p>x<div>y</div>");
        assert_eq!(
            names(&dom),
            [
                "ul<#document",
                "li<ul",
                "#a",
                "li<ul",
                "#b",
                "p<#document",
                "#x",
                "div<#document",
                "#y"
            ],
            "should close li before li and p before div"
        );
    }

    #[test]
    fn keeps_script_text_whole() {
        let dom = parse("<p>a</p><script>var s = \"</p><p>\";</script><p>b</p>");
        let script = dom.nodes.iter().position(|n| &*n.name == "script").unwrap();
        assert_eq!(
            dom.inner_text(script),
            "var s = \"</p><p>\";",
            "should read a script as raw text"
        );
    }

    #[test]
    fn decodes_named_character_references() {
        // The tokenizer's table of references (WHATWG's list): the first and last names, names
        // from groups at both ends of it, legacy names without ';', and in an attribute.
        let cases = [
            ("&AElig;", "\u{c6}"),
            ("&AElig", "\u{c6}"),
            ("&Aopf;", "\u{1d538}"),
            ("&CounterClockwiseContourIntegral;", "\u{2233}"),
            ("&NewLine;", "\n"),
            ("&Tab;", "\t"),
            ("&amp;", "&"),
            ("&amp", "&"),
            ("&nbsp;", "\u{a0}"),
            ("&eacute;", "\u{e9}"),
            ("&fjlig;", "fj"),
            ("&notin;", "\u{2209}"),
            ("&notit;", "\u{ac}it;"),
            ("&not", "\u{ac}"),
            ("&nvlt;", "<\u{20d2}"),
            ("&zwnj;", "\u{200c}"),
            ("&zwnj", "&zwnj"),
            ("&bogus;", "&bogus;"),
            ("&#8212;", "\u{2014}"),
        ];
        for (markup, text) in cases {
            let dom = parse(&format!("<p>{markup} x</p>"));
            assert_eq!(dom.text, format!("{text} x"), "should decode {markup}");
        }
        let dom = parse("<a class=\"a&amp=b&ampc&amp;d\">x</a>");
        assert_eq!(
            dom.nodes[1].attribute("class"),
            Some("a&amp=b&ampc&d"),
            "should leave a reference without ';' before '=' or a letter in an attribute"
        );
    }

    #[test]
    fn subtrees_are_contiguous() {
        let dom = parse("<div><p>a<b>b</b></p></div><p>c</p>");
        let div = 1;
        assert_eq!(
            dom.subtree_end(div),
            6,
            "should end the div after its last descendant"
        );
        assert_eq!(dom.nodes[2].nth_of_type, 1, "should count the first p");
        assert_eq!(dom.nodes[6].nth_of_type, 1, "should count p per parent");
    }
}
