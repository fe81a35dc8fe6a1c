// Enhancing an article already on the page (`<news-lens for="id">`), loaded only when `for` is
// used. `PageArticle` reads the element's blocks (headings, paragraphs, blockquotes, list items,
// table cells) into plain text, one block per paragraph with a blank line between blocks, and
// keeps a map from each character of that text back to the DOM text node it came from. After the
// parse, `mark()` wraps the quotes and mentions in place: it splits the page's text nodes
// (`splitText`) at the span boundaries and wraps the pieces in <mark>/<span> elements that let
// the pointer through (clicks reach the page's elements as before). It never touches the page's
// elements, attributes or listeners and never parses HTML; `restore()` unwraps every piece and
// joins the split text nodes back into the original node objects.

// Elements that start and end a block of text (a line of the plain text).
const BLOCKS = new Set(
  ("address article blockquote br dd details dialog div dl dt fieldset figcaption footer h1 h2 h3 h4 " +
    "h5 h6 header hgroup hr li main ol p pre section summary table tbody td tfoot th thead tr ul").split(" "),
);
// Elements whose text is not the article's: code, media, controls, navigation and asides.
const SKIP = new Set(
  ("aside audio button canvas embed figure form iframe img input math nav news-lens noscript object " +
    "picture script select style svg template textarea video").split(" "),
);
const WHITESPACE = /[ \t\n\r\f]+|[^ \t\n\r\f]+/g;
const QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」『』";
const OPEN = "\u201c";
const CLOSE = "\u201d";

// The page's highlight styles: zero specificity (`:where`), so any rule of the site wins, and
// translucent colours that read on a light or a dark page. A constructable stylesheet, so a
// strict `style-src` allows it.
const PAGE_CSS = `
:where(.nl-mark) { color: inherit; background: none; pointer-events: none; border-radius: 2px; }
:where(.nl-quote-direct) { background: var(--nl-mark-quote, rgb(255 190 0 / .22)); box-shadow: inset 0 -2px 0 var(--nl-mark-quote-line, rgb(190 120 0 / .85)); }
:where(.nl-quote-partial) { background: var(--nl-mark-partial, rgb(90 110 140 / .14)); text-decoration: underline dashed var(--nl-mark-partial-line, rgb(90 110 140 / .9)) 1.5px; text-underline-offset: .25em; }
:where(.nl-quote.nl-dim) { background: none; box-shadow: none; text-decoration: none; }
:where(.nl-quote[data-nl-speaker])::after { content: attr(data-nl-speaker); display: inline-block; margin-inline-start: .3em; padding: 0 .5em; border: 1px solid; border-radius: 999px; font: 600 .75em/1.6 system-ui, sans-serif; vertical-align: .1em; white-space: nowrap; }
:where(.nl-mention.nl-on) { background: var(--nl-mark-mention, rgb(40 110 230 / .22)); box-shadow: 0 0 0 1px var(--nl-mark-mention-line, rgb(40 110 230 / .85)); }
:where(.nl-quote:focus) { outline: 2px solid var(--nl-mark-mention-line, rgb(40 110 230 / .85)); outline-offset: 2px; }
`;
let sheet = null;

/** The article text of `root` and the map from its characters to the page's text nodes. */
export class PageArticle {
  /** The plain text: the blocks, a blank line between them. */
  text = "";
  // Runs of characters of `text` that come one after another from one text node:
  // text[at[k] .. at[k] + len[k]) comes from node[k].data[off[k] .. off[k] + len[k]) (the same
  // characters, but for a space standing for a run of white space, of which it is the first).
  #at = [];
  #len = [];
  #node = [];
  #off = [];
  #marks = [];
  #split = [];
  #root;

  constructor(root) {
    this.#root = root;
    this.#read(root);
  }

  #read(root) {
    let block = "";
    let runs = [];
    let quoted = 0; // open <blockquote>s
    let credits = 0; // open <footer>s and <cite>s: the attribution of a blockquote is not quoted
    const flush = () => {
      if (block.endsWith(" ")) {
        block = block.slice(0, -1);
        const last = runs[runs.length - 1];
        if (last && last[0] + last[3] > block.length && --last[3] === 0) runs.pop();
      }
      if (!block) return;
      // A paragraph of a <blockquote> is a quotation: give it the marks the parser looks for.
      let shift = 0;
      if (quoted && !credits && !QUOTE_MARKS.includes(block[0])) {
        block = OPEN + block + CLOSE;
        shift = 1;
      }
      if (this.text) this.text += "\n\n";
      const base = this.text.length + shift;
      for (const [at, node, off, len] of runs) {
        this.#at.push(base + at);
        this.#node.push(node);
        this.#off.push(off);
        this.#len.push(len);
      }
      this.text += block;
      block = "";
      runs = [];
    };
    const addText = (node) => {
      for (const match of node.data.matchAll(WHITESPACE)) {
        let word = match[0];
        if (/^[ \t\n\r\f]/.test(word)) {
          if (!block || block.endsWith(" ")) continue;
          word = " ";
        }
        const last = runs[runs.length - 1];
        if (last && last[1] === node && last[2] + last[3] === match.index && last[0] + last[3] === block.length) last[3] += word.length;
        else runs.push([block.length, node, match.index, word.length]);
        block += word;
      }
    };
    const enter = (element) => {
      const tag = element.localName;
      if (BLOCKS.has(tag)) flush();
      if (tag === "blockquote") quoted++;
      if (tag === "footer" || tag === "cite") credits++;
      if (tag === "q") block += OPEN;
    };
    const leave = (element) => {
      const tag = element.localName;
      if (tag === "q") block += CLOSE;
      if (BLOCKS.has(tag)) flush();
      if (tag === "blockquote") quoted--;
      if (tag === "footer" || tag === "cite") credits--;
    };
    // What the reader does not see (display: none, visibility: hidden) is not read either,
    // unless the whole article is out of sight (a closed tab): then it is read as it is.
    const seen = root.checkVisibility?.({ visibilityProperty: true }) ?? false;
    const skipped = (element) =>
      SKIP.has(element.localName) ||
      element.hidden ||
      element.hasAttribute("data-newslens-skip") ||
      (seen && element.checkVisibility?.({ visibilityProperty: true }) === false);
    // An explicit walk (not recursion): a page may nest elements thousands deep.
    let node = root.firstChild;
    walk: while (node) {
      if (node.nodeType === Node.TEXT_NODE) addText(node);
      else if (node.nodeType === Node.ELEMENT_NODE && !skipped(node)) {
        enter(node);
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        leave(node);
      }
      while (!node.nextSibling) {
        node = node.parentNode;
        if (!node || node === root) break walk;
        leave(node);
      }
      node = node.nextSibling;
    }
    flush();
  }

  /**
   * Highlights in the page the `quotes` ({ s, e, i, kind, speaker }) and the `mentions`
   * ({ s, e, actor }): each a list of disjoint ranges of `text`, sorted by start.
   */
  mark(quotes, mentions) {
    // text node → its quote pieces and its mention pieces, [from, to, item] in node offsets
    const cuts = new Map();
    const add = (item, slot) => {
      let [piece, pieceNode] = [null, null];
      for (let k = this.#first(item.s); k < this.#at.length && this.#at[k] < item.e; k++) {
        const from = this.#off[k] + Math.max(0, item.s - this.#at[k]);
        const to = this.#off[k] + Math.min(this.#len[k], item.e - this.#at[k]);
        const node = this.#node[k];
        // Runs of one node split by collapsed white space make one piece, spaces and all.
        if (pieceNode === node) piece[1] = to;
        else {
          pieceNode = node;
          if (!cuts.has(node)) cuts.set(node, [[], []]);
          cuts.get(node)[slot].push((piece = [from, to, item]));
        }
      }
    };
    for (const q of quotes) add(q, 0);
    for (const m of mentions) add(m, 1);
    const last = new Map();
    for (const [node, [quotePieces, mentionPieces]] of cuts) this.#wrap(node, quotePieces, mentionPieces, last);
    // The speaker's name follows the last piece of each quote.
    for (const [quote, mark] of last) if (quote.speaker) mark.dataset.nlSpeaker = quote.speaker.name;
    const root = this.#root.getRootNode();
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(PAGE_CSS);
    }
    if (this.#marks.length && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** Splits `node` at every piece boundary and wraps the pieces in quote and mention elements. */
  #wrap(node, quotePieces, mentionPieces, last) {
    const points = new Set([0, node.length]);
    for (const [from, to] of [...quotePieces, ...mentionPieces]) points.add(from).add(to);
    const sorted = [...points].sort((a, b) => a - b);
    const parts = [];
    let rest = node;
    let [q, m] = [0, 0];
    for (let k = 1; k < sorted.length; k++) {
      const [from, to] = [sorted[k - 1], sorted[k]];
      const part = rest;
      if (k < sorted.length - 1) rest = rest.splitText(to - from);
      // Both lists are sorted and disjoint: move each pointer past the pieces that end here.
      while (q < quotePieces.length && quotePieces[q][1] <= from) q++;
      while (m < mentionPieces.length && mentionPieces[m][1] <= from) m++;
      const quote = quotePieces[q]?.[0] <= from ? quotePieces[q][2] : null;
      const mention = mentionPieces[m]?.[0] <= from ? mentionPieces[m][2] : null;
      parts.push([part, quote, mention]);
    }
    this.#split.push(parts.map(([part]) => part));
    let open = null;
    for (const [part, quote, mention] of parts) {
      let unit = part;
      if (mention) {
        unit = document.createElement("span");
        unit.className = "nl-mark nl-mention";
        unit.dataset.nlActor = mention.actor.id;
        part.replaceWith(unit);
        unit.append(part);
        this.#marks.push(unit);
      }
      if (!quote) {
        open = null;
        continue;
      }
      if (open?.quote !== quote) {
        const mark = document.createElement("mark");
        mark.className = `nl-mark nl-quote nl-quote-${quote.kind}`;
        mark.dataset.nlQuote = quote.i;
        if (quote.speaker) mark.dataset.nlBy = quote.speaker.id;
        unit.replaceWith(mark);
        this.#marks.push(mark);
        last.set(quote, mark);
        open = { quote, mark };
      }
      open.mark.append(unit);
    }
  }

  /** The index of the first run that ends after `at` (binary search). */
  #first(at) {
    let [lo, hi] = [0, this.#at.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#at[mid] + this.#len[mid] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Highlights the mentions of the actor with this id and dims other speakers' quotes (null clears). */
  select(id) {
    for (const mark of this.#marks) {
      if (mark.dataset.nlActor != null) mark.classList.toggle("nl-on", mark.dataset.nlActor === id);
      else mark.classList.toggle("nl-dim", id != null && mark.dataset.nlBy !== id);
    }
  }

  /** Scrolls quote `i` into view and focuses it. */
  reveal(i) {
    const mark = this.#marks.find((m) => m.dataset.nlQuote === String(i));
    if (!mark) return;
    mark.tabIndex = -1;
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
  }

  /** Removes every element `mark` added and joins the split text nodes: the page as it was. */
  restore() {
    for (const mark of this.#marks) mark.replaceWith(...mark.childNodes);
    for (const [head, ...tail] of this.#split) {
      head.data += tail.map((t) => t.data).join("");
      for (const t of tail) t.remove();
    }
    this.#marks = [];
    this.#split = [];
    const root = this.#root.getRootNode();
    if (sheet && root.adoptedStyleSheets?.includes(sheet) && !root.querySelector?.(".nl-mark")) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  }
}
