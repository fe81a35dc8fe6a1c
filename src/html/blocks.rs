//! Blocks: the text of a page as a list of blocks — one per paragraph, heading, list item, table
//! cell or run of text between block elements — each with the element it came from.
//!
//! One pass over the nodes in document order with explicit stacks (no recursion). Left-out
//! subtrees (`skip`) are jumped over. White space is collapsed as a browser renders it; inline
//! elements join their text without adding space; a block element starts a new block; two `<br>`
//! in a row end one, a single `<br>` is a space. The text of a `q` element gets quote marks
//! unless it has its own, so that the quote stage sees it as a quotation.

use super::dom::{Dom, NodeId};

/// What a block is, from its element and the elements around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    /// `h1`–`h6`, with the level.
    Heading(u8),
    ListItem,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The innermost block element holding the text.
    pub node: NodeId,
    /// White space collapsed, trimmed.
    pub text: String,
    pub kind: Kind,
    /// It sits inside a `blockquote`.
    pub quote: bool,
    /// Characters other than white space.
    pub chars: usize,
    /// Of those, the characters inside links.
    pub link_chars: usize,
    pub commas: usize,
}

impl Block {
    /// The share of its characters that are link text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Elements that start and end a block of their own.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
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
            | "html"
            | "legend"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Quote marks a `q` element's text may already carry.
fn starts_with_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(['"', '\'', '“', '‘', '„', '«', '‹', '»'])
}

/// The block being filled.
#[derive(Default)]
struct Buffer {
    text: String,
    chars: usize,
    link_chars: usize,
    commas: usize,
    space: bool,
    /// `<br>`s since the last text.
    breaks: u32,
}

impl Buffer {
    fn push(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.breaks = 0;
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
            if matches!(c, ',' | '،' | '，') {
                self.commas += 1;
            }
        }
    }
}

/// An element open during the walk.
struct Open {
    id: NodeId,
    end: NodeId,
    /// A `q` whose closing mark we owe.
    closes_quote: bool,
}

/// The walk's state.
struct Walk<'d> {
    dom: &'d Dom,
    out: Vec<Block>,
    buffer: Buffer,
    /// Open block elements, innermost last.
    owners: Vec<NodeId>,
    links: u32,
    quotes: u32,
    items: u32,
}

impl Walk<'_> {
    fn flush(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        if buffer.chars == 0 {
            return;
        }
        let node = self.owners.last().copied().unwrap_or(0);
        let name = &*self.dom.nodes[node].name;
        let kind = match name.as_bytes() {
            [b'h', level @ b'1'..=b'6'] => Kind::Heading(level - b'0'),
            _ if self.items > 0 => Kind::ListItem,
            _ => Kind::Paragraph,
        };
        self.out.push(Block {
            node,
            text: buffer.text,
            kind,
            quote: self.quotes > 0,
            chars: buffer.chars,
            link_chars: buffer.link_chars,
            commas: buffer.commas,
        });
    }

    fn enter(&mut self, id: NodeId) -> Open {
        let name = &*self.dom.nodes[id].name;
        if is_block(name) {
            self.flush();
            self.owners.push(id);
        }
        let mut closes_quote = false;
        match name {
            "a" => self.links += 1,
            "blockquote" => self.quotes += 1,
            "li" | "dd" => self.items += 1,
            "q" if !starts_with_quote(&self.dom.text_start(id, 64, 64)) => {
                self.buffer.push("“", false);
                closes_quote = true;
            }
            "br" if self.buffer.chars > 0 => {
                self.buffer.breaks += 1;
                self.buffer.space = true;
                if self.buffer.breaks >= 2 {
                    self.flush();
                }
            }
            _ => {}
        }
        Open {
            id,
            end: self.dom.subtree_end(id),
            closes_quote,
        }
    }

    fn leave(&mut self, open: Open) {
        let name = &*self.dom.nodes[open.id].name;
        if open.closes_quote {
            self.buffer.push("”", false);
        }
        if is_block(name) {
            self.flush();
            self.owners.pop();
        }
        match name {
            "a" => self.links = self.links.saturating_sub(1),
            "blockquote" => self.quotes = self.quotes.saturating_sub(1),
            "li" | "dd" => self.items = self.items.saturating_sub(1),
            _ => {}
        }
    }
}

/// The blocks of `dom`, leaving out every node `skip` marks and its subtree.
pub fn collect(dom: &Dom, skip: &[bool]) -> Vec<Block> {
    let mut walk = Walk {
        dom,
        out: Vec::new(),
        buffer: Buffer::default(),
        owners: vec![0],
        links: 0,
        quotes: 0,
        items: 0,
    };
    let mut open: Vec<Open> = Vec::new();
    let mut id = 1;
    while id < dom.nodes.len() {
        while open.last().is_some_and(|o| id >= o.end) {
            if let Some(o) = open.pop() {
                walk.leave(o);
            }
        }
        if skip.get(id).copied().unwrap_or(false) {
            id = dom.subtree_end(id);
            continue;
        }
        if dom.nodes[id].is_text() {
            walk.buffer.push(dom.text_of(id), walk.links > 0);
        } else {
            let o = walk.enter(id);
            open.push(o);
        }
        id += 1;
    }
    while let Some(o) = open.pop() {
        walk.leave(o);
    }
    walk.flush();
    walk.out
}

#[cfg(test)]
mod tests {
    use super::super::dom;
    use super::*;

    #[test]
    fn cuts_blocks_at_block_elements() {
        let d = dom::parse(
            "<div>Lead <b>bold</b>text<p>One,\n two</p><ul><li><a href=x>Link</a></li></ul>\
             tail<br><br>after <q>quoted</q></div>",
        );
        let skip = vec![false; d.nodes.len()];
        let blocks = collect(&d, &skip);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Lead boldtext",
                "One, two",
                "Link",
                "tail",
                "after “quoted”"
            ],
            "should cut at block elements and double breaks"
        );
        assert_eq!(blocks[2].kind, Kind::ListItem, "should know a list item");
        assert_eq!(blocks[2].link_chars, 4, "should count link text");
        assert_eq!(blocks[1].commas, 1, "should count commas");
    }
}
