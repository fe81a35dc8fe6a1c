// <news-lens>: shows a news article as a reader wants it: its header, collapsible sections,
// quotes highlighted in place with their speakers, and a summary of the people, countries and
// organisations in it. This module is the element class; `widget.js` defines the tag.
//
// The text comes from (first that is set) the `text` property, the `src` attribute (a URL of
// a text file), the `for` attribute (the id of an article on the page) or the element's own
// text. It is parsed by the newslens wasm core; every span of the Article is a UTF-16 range of
// that text, and each block is built by cutting its text at the quote and mention boundaries
// into text nodes and elements. Article text only ever reaches the DOM through text nodes:
// nothing is parsed as HTML. With `for`, the page's article stays where it is: enhance.js
// (loaded only then) reads its blocks and highlights it in place, this element shows the
// actors and quotes beside it, and `restore()` undoes it all.
import { init, parse } from "../js/index.js";
import { css } from "./styles.js";
import { labelsFor, loadLabels, prefetchLabels, directionOf, scriptLang } from "./labels.js";

const SVG = "http://www.w3.org/2000/svg";
const QUOTE_MARKS = "\"'“”‘’«»„‟‹›「」『』";
const SHOWN_ACTORS = 6;
const SHOWN_ACTORS_NARROW = 4;
const GRAPH_NODES = 8;
const WORDS_PER_MINUTE = 200;

let sheet = null;
const stylesheet = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
};

/** Creates an element: `props` sets `class`, `part`, `text` (its textContent) and attributes. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** For #preview: an Article made of the words at the start of `text`, with each part #show renders. */
function previewArticle(text) {
  const w = [...text.slice(0, 400).matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  if (w.length < 4) return null;
  const all = { start: w[0].start, end: w.at(-1).end };
  const actor = (id, word, kind) => ({ id, name: word.text, kind, mentions: [word], quoteCount: 1 });
  return {
    lang: scriptLang(text),
    title: all,
    kicker: w[0],
    sections: [{ paragraphs: [all] }, { heading: w[1], paragraphs: [all] }],
    related: [all],
    quotes: [{ ...w[2], kind: "direct", speaker: "a" }],
    actors: [actor("a", w[w.length >> 1], "person"), actor("b", w.at(-1), "country")],
  };
}

/** Removes the indentation an HTML author gave the text written inside the element. */
function dedent(text) {
  const lines = text.replace(/^\s*\n|\n\s*$/g, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join("\n").trim();
}

/** A span's [start, end) clamped to the text, or null when it is unusable. */
function range(span, length) {
  if (!span || !Number.isFinite(span.start) || !Number.isFinite(span.end)) return null;
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return end > start ? [start, end] : null;
}

/** Sorts ranges by start and drops the ones that overlap an earlier one. */
function disjoint(items) {
  items.sort((a, b) => a.s - b.s || b.e - a.e);
  let end = -1;
  return items.filter((item) => (item.s >= end ? ((end = item.e), true) : false));
}

/** The index of the first of the sorted, disjoint `items` that ends after `at` (binary search). */
function after(items, at) {
  let [lo, hi] = [0, items.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].e <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class NewsLensElement extends HTMLElement {
  static observedAttributes = ["src", "for"];

  #root;
  #token = 0;
  #abort = null;
  #textProperty = null;
  #text = "";
  #article = null;
  #parseTime = null;
  #labels = labelsFor("en");
  #observer = null;
  #scheduled = false;
  #external = false; // showing an Article given to showArticle(), not one parsed here
  #page = null; // the article on the page being enhanced (`for`), a PageArticle
  // Built for the current article:
  #actors = new Map();
  #quotes = [];
  #mentions = [];
  #selected = null;
  #allActors = false;
  #parts = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.adoptedStyleSheets = [stylesheet()];
    this.#root.addEventListener("click", (e) => this.#onClick(e));
    this.#root.addEventListener("keydown", (e) => this.#onKey(e));
    this.#root.addEventListener("mouseover", (e) => this.#onHover(e, true));
    this.#root.addEventListener("mouseout", (e) => this.#onHover(e, false));
    this.#root.addEventListener("focusin", (e) => this.#onHover(e, true));
    this.#root.addEventListener("focusout", (e) => this.#onHover(e, false));
  }

  connectedCallback() {
    // A property set before this class was defined is an own property hiding the setter.
    for (const name of ["text", "src"]) {
      if (Object.hasOwn(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    // Text written inside the element is the article: re-read it when the page changes it.
    this.#observer ??= new MutationObserver(() => {
      if (this.#textProperty == null && !this.hasAttribute("src") && !this.hasAttribute("for")) this.#change();
    });
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#abort?.abort();
    // The page's article is left as it was; connecting again enhances it again.
    this.#token++;
    this.#unmark();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after) this.#change();
  }

  /** The article text shown (setting it parses and shows the new text). */
  get text() {
    return this.#text;
  }
  set text(value) {
    this.#textProperty = value == null ? null : String(value);
    this.#change();
  }

  get src() {
    return this.getAttribute("src");
  }
  set src(value) {
    if (value == null) this.removeAttribute("src");
    else this.setAttribute("src", value);
  }

  /** The Article shown, as `parse` returned it (null before the first parse). */
  get article() {
    return this.#article;
  }

  /** How long the last parse took, in milliseconds (null when nothing was parsed). */
  get parseTime() {
    return this.#parseTime;
  }

  /** The id of the selected actor, or null. */
  get selectedActor() {
    return this.#selected;
  }

  /** Shows an Article parsed elsewhere (a server, a worker) for `text`, without loading wasm. */
  showArticle(text, article) {
    const token = ++this.#token;
    this.#abort?.abort();
    this.#unmark();
    this.#external = true;
    this.#text = String(text);
    this.#parseTime = null;
    loadLabels(article?.lang).then(() => token === this.#token && this.#show(article));
  }

  /** Removes its content and (with `for`) every highlight in the page's article, left as it was. */
  restore() {
    this.#token++;
    this.#unmark();
    this.#article = null;
    this.#parts = {};
    this.#root.replaceChildren();
  }

  #unmark() {
    this.#page?.restore();
    this.#page = null;
  }

  /** Opens every section. */
  expandAll() {
    for (const d of this.#root.querySelectorAll("details")) d.open = true;
  }

  /** Closes every section. */
  collapseAll() {
    for (const d of this.#root.querySelectorAll("details")) d.open = false;
  }

  /** Highlights every mention of the actor with this id and shows only its quotes; null clears. */
  selectActor(id) {
    const actor = id == null ? null : this.#actors.get(id);
    this.#selected = actor ? actor.id : null;
    const p = this.#parts;
    for (const m of p.mentionEls ?? []) {
      const on = m.dataset.a === this.#selected;
      m.classList.toggle("on", on);
      m.setAttribute("part", on ? "mention mention-selected" : "mention");
    }
    for (const b of this.#root.querySelectorAll("[data-act=actor]")) {
      b.setAttribute("aria-pressed", String(b.dataset.a === this.#selected));
    }
    for (const q of p.quoteEls ?? []) {
      q.classList.toggle("dim", !!actor && q.dataset.s !== actor.id);
    }
    for (const g of p.groups ?? []) g.hidden = !!actor && g.dataset.s !== actor.id;
    for (const d of this.#root.querySelectorAll("details")) {
      const hits = d.querySelector(".hits");
      const n = actor ? d.querySelectorAll(".m.on").length : 0;
      if (hits) hits.remove();
      if (n) d.firstChild.append(el("span", { class: "hits", text: String(n) }));
    }
    // The picture fades the others only for an actor it shows: fading all of it says nothing.
    const pictured = !!actor && (p.nodes ?? []).some((node) => node.dataset.a === actor.id);
    for (const line of p.lines ?? []) {
      const touches = pictured && (line.dataset.a === actor.id || line.dataset.b === actor.id);
      line.classList.toggle("hot", touches);
      line.classList.toggle("off", pictured && !touches);
    }
    for (const node of p.nodes ?? []) node.classList.toggle("off", pictured && node.dataset.a !== actor.id);
    this.#page?.select(this.#selected);
    const count = p.quoteCount;
    if (count) {
      const total = this.#quotes.length;
      const shown = actor ? this.#quotes.filter((q) => q.speaker === actor).length : total;
      count.textContent = actor ? `${shown}/${total}` : String(total);
    }
    if (p.status) {
      const n = actor ? actor.mentions.length : 0;
      p.status.textContent = actor ? this.#labels.selected(actor.name, n) : this.#labels.cleared;
    }
    this.dispatchEvent(
      new CustomEvent("newslens-actor-select", { detail: actor, bubbles: true, composed: true }),
    );
  }

  /** The text's source changed: parse again. */
  #change() {
    this.#external = false;
    this.#schedule();
  }

  /** Loads once for all the changes made in one task (attributes set one after another). */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected && !this.#external) this.#load();
    });
  }

  async #load() {
    const token = ++this.#token;
    this.#abort?.abort();
    this.#abort = null;
    this.#unmark();
    let text;
    let page = null;
    try {
      if (this.#textProperty != null) {
        text = this.#textProperty;
      } else if (this.hasAttribute("src")) {
        this.#notice(this.#labels.loading);
        // Meanwhile init's idle warm-up (js/index.js) can run.
        init(this.getAttribute("wasm") || new URL("../dist/newslens_text_bg.wasm", import.meta.url)).catch(() => {});
        const abort = (this.#abort = new AbortController());
        const url = new URL(this.getAttribute("src"), document.baseURI);
        const response = await fetch(url, { signal: abort.signal });
        if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
        text = await response.text();
      } else if (this.hasAttribute("for")) {
        // The article may still be arriving when the element is defined early (a bundle).
        if (document.readyState === "loading") await new Promise((done) => document.addEventListener("DOMContentLoaded", done, { once: true }));
        if (token !== this.#token) return;
        const id = this.getAttribute("for");
        const root = this.getRootNode();
        const source = root.getElementById?.(id) ?? document.getElementById(id);
        if (!source) throw new Error(`no element with id "${id}"`);
        const { PageArticle } = await import("./enhance.js");
        if (token !== this.#token) return;
        page = new PageArticle(source);
        text = page.text;
      } else {
        text = dedent(this.textContent);
      }
    } catch (error) {
      if (token === this.#token && error.name !== "AbortError") this.#fail(error, "", this.#labels.unreadable);
      return;
    }
    if (token !== this.#token) return;
    this.#text = text;
    this.#page = page;
    if (!text.trim()) {
      this.#article = null;
      this.#root.replaceChildren();
      return;
    }
    let article;
    try {
      this.#notice(this.#labels.loading);
      prefetchLabels(text);
      const ready = init(this.getAttribute("wasm") || new URL("../dist/newslens_text_bg.wasm", import.meta.url));
      // A race that `ready` wins if it has settled (a microtask later, not a frame).
      const waiting = {};
      if ((await Promise.race([ready, waiting])) === waiting) {
        if (token !== this.#token) return;
        this.#preview(text);
        await ready;
      }
      if (token !== this.#token) return;
      const started = performance.now();
      article = parse(text);
      this.#parseTime = performance.now() - started;
    } catch (error) {
      if (token === this.#token) this.#fail(error, text);
      return;
    }
    await loadLabels(article?.lang);
    if (token === this.#token) this.#show(article);
  }

  /** Shows the plain text and why the analysis is missing. */
  #fail(error, text, message = this.#labels.failed) {
    const why = String(error?.message || error).slice(0, 200);
    this.#article = null;
    this.#parts = {};
    const notice = el("p", { class: "notice", part: "notice", role: "alert", text: message(why) });
    const plain = el("div", { class: "plain", part: "body" });
    // An article on the page (`for`) is already there as it was: only the reason is shown.
    if (!this.#page) for (const block of text.split(/\n\s*\n|\n/)) if (block.trim()) plain.append(el("p", { text: block.trim() }));
    this.#root.replaceChildren(el("div", { class: "nl", part: "base" }, notice, plain));
  }

  #notice(message) {
    if (!this.#article) this.#root.replaceChildren(el("p", { class: "notice", part: "notice", role: "status", text: message }));
  }

  /**
   * While the wasm loads: lays out, hidden, what #show builds for the start of the text, so
   * that the browser finds the fonts and compiles this code before the Article comes, not
   * after (in Chromium on Linux, finding fonts was most of a first render's layout).
   */
  #preview(text) {
    const article = !this.#page && !this.#article && previewArticle(text);
    if (!article) return;
    const [notice] = this.#root.children;
    const labels = this.#labels;
    try {
      this.#show(article, true);
      const base = this.#root.firstChild;
      // Nothing for the page: no parts, no ids, no `.main` (which shows an Article is in).
      for (const node of [base, ...base.querySelectorAll("[part], [id], .main")]) {
        node.removeAttribute("part");
        node.removeAttribute("id");
        node.classList.remove("main");
      }
      base.classList.add("preview");
      base.ariaHidden = "true";
      base.inert = true;
      this.#root.replaceChildren(notice, base);
    } catch {
      this.#root.replaceChildren(notice);
    }
    this.#labels = labels;
    this.#article = null;
    this.#actors = new Map();
    this.#mentions = this.#quotes = [];
    this.#parts = {};
  }

  #show(article, preview = false) {
    if (!article || typeof article !== "object") return this.#fail(new Error("no Article to show"), this.#text);
    const text = this.#text;
    const n = text.length;
    const L = (this.#labels = labelsFor(article.lang));
    this.#article = article;
    this.#selected = null;
    this.#allActors = false;
    this.#parts = { mentionEls: [], quoteEls: [], groups: [], lines: [], nodes: [] };

    this.#actors = new Map();
    const actors = (article.actors ?? []).filter((a) => a && a.id != null);
    for (const a of actors) this.#actors.set(a.id, { ...a, mentions: a.mentions ?? [] });
    this.#mentions = disjoint(
      [...this.#actors.values()].flatMap((a) =>
        a.mentions.map((m) => range(m, n)).filter(Boolean).map(([s, e]) => ({ s, e, actor: a })),
      ),
    );
    this.#quotes = disjoint(
      (article.quotes ?? []).map((q, i) => {
        const r = range(q, n);
        if (!r) return null;
        let [s, e] = r;
        // Show the quotation marks as part of the quote.
        if (s > 0 && QUOTE_MARKS.includes(text[s - 1])) s--;
        if (e < n && QUOTE_MARKS.includes(text[e])) e++;
        return { s, e, i, kind: q.kind === "partial" ? "partial" : "direct", text: q.text ?? text.slice(...r), speaker: this.#actors.get(q.speaker) ?? null };
      }).filter(Boolean),
    );

    const lang = article.lang && article.lang !== "und" ? article.lang : null;
    const dir = lang ? directionOf(lang) : null;
    const status = (this.#parts.status = el("p", { class: "status", role: "status" }));
    if (this.#page) return this.#showBeside(article, L, lang, dir, status);
    const base = el("article", { class: "nl", part: "base", lang, dir });
    const card = (this.#parts.card = el("div", { class: "card", part: "card", role: "tooltip", id: "card", hidden: true }));
    const main = el("div", { class: "main", part: "body" }, this.#articleView(article, L), this.#quotesView(L));
    base.append(
      this.#header(article, L),
      el("aside", {}, this.#actorList(L), this.#relations(article, L)),
      this.#toolbar(L, (article.sections ?? []).some((x) => range(x.heading, n))),
      main,
    );
    const related = (article.related ?? []).map((r) => range(r, n)).filter(Boolean);
    if (related.length) {
      const list = el("ul");
      for (const [s, e] of related) list.append(el("li", { part: "related", text: text.slice(s, e).replace(/^[^:|]{1,30}[:|]\s*(?=\S)/, "") }));
      base.append(el("nav", { class: "related", part: "related-list", "aria-labelledby": "related-h" }, el("h3", { class: "h", id: "related-h", text: L.related }), list));
    }
    base.append(card, status);
    this.#root.replaceChildren(base);
    if (preview) return;
    this.dispatchEvent(new CustomEvent("newslens-parsed", { detail: article, bubbles: true, composed: true }));
  }

  /** For an article on the page (`for`): highlights it in place, and shows actors and quotes here. */
  #showBeside(article, L, lang, dir, status) {
    this.#page.mark(this.#quotes, this.#mentions);
    const quotes = this.#quotesView(L);
    quotes.hidden = false;
    quotes.prepend(el("h3", { class: "h", text: L.quotes }));
    const aside = el("aside", {}, this.#actorList(L), this.#relations(article, L));
    const base = el("div", { class: "nl side", part: "base", lang, dir }, aside, el("div", { class: "main", part: "body" }, quotes), status);
    this.#root.replaceChildren(base);
    this.dispatchEvent(new CustomEvent("newslens-parsed", { detail: article, bubbles: true, composed: true }));
  }

  #header(article, L) {
    const text = this.#text;
    const header = el("header", { part: "header" });
    const block = (span, tag, cls) => {
      const r = range(span, text.length);
      if (!r) return;
      const node = el(tag, { class: cls, part: cls });
      this.#fill(node, ...r);
      header.append(node);
    };
    block(article.kicker, "p", "kicker");
    block(article.title, "h2", "title");
    block(article.standfirst, "p", "standfirst");
    const meta = el("p", { class: "meta", part: "meta" });
    // A dateline that opens the first paragraph is read there; only a separate one goes here.
    const dateline = range(article.dateline, text.length);
    const inBody = (article.sections ?? []).some((x) => (x.paragraphs ?? []).some((p) => dateline && p.start <= dateline[0] && dateline[1] <= p.end));
    if (dateline && !inBody) meta.append(el("span", { part: "dateline", text: text.slice(...dateline) }));
    if (article.lang && article.lang !== "und") meta.append(el("span", { text: L.name }));
    const words = (text.match(/\S+/g) ?? []).length;
    meta.append(el("span", { text: L.minutes(Math.max(1, Math.round(words / WORDS_PER_MINUTE))) }));
    header.append(meta);
    return header;
  }

  #toolbar(L, sections) {
    const count = (this.#parts.quoteCount = el("span", { class: "count", text: String(this.#quotes.length) }));
    const view = (name, label, extra) =>
      el("button", { type: "button", "data-act": "view", "data-v": name, "aria-pressed": String(name === "article") }, label, extra);
    return el(
      "div",
      { class: "toolbar", part: "toolbar" },
      el("div", { class: "seg", role: "group", "aria-label": L.view }, view("article", L.article), view("quotes", L.quotes, count)),
      el("span", { class: "grow" }),
      ...(sections ? [
        el("button", { type: "button", class: "btn", part: "button", "data-act": "expand", text: L.expand }),
        el("button", { type: "button", class: "btn", part: "button", "data-act": "collapse", text: L.collapse }),
      ] : []),
    );
  }

  #articleView(article) {
    const text = this.#text;
    const view = el("div", { class: "body", "data-view": "article" });
    for (const section of article.sections ?? []) {
      const paragraphs = (section.paragraphs ?? []).map((p) => range(p, text.length)).filter(Boolean);
      const heading = range(section.heading, text.length);
      let box;
      if (heading) {
        // The heading's words go in an <h3> inside the summary: screen readers then list it
        // among the headings while the summary keeps its expanded/collapsed state, and the
        // summary (a flex box) gets one item instead of one per text node and mention.
        const words = el("h3");
        this.#fill(words, ...heading);
        box = el("details", { part: "section", open: true }, el("summary", { part: "heading" }, words));
      } else {
        box = el("section", { class: "lead", part: "section section-lead" });
      }
      for (const [s, e] of paragraphs) {
        const p = el("p", { part: "paragraph" });
        this.#fill(p, s, e);
        box.append(p);
      }
      if (heading || paragraphs.length) view.append(box);
    }
    return view;
  }

  /** Appends text[from, to) to `parent`, quotes and mentions as elements, the rest as text. */
  #fill(parent, from, to) {
    let at = from;
    const quotes = this.#quotes;
    for (let k = after(quotes, from); k < quotes.length && quotes[k].s < to; k++) {
      const q = quotes[k];
      const s = Math.max(q.s, from);
      const e = Math.min(q.e, to);
      if (s < at) continue;
      this.#plain(parent, at, s);
      const node = el("span", {
        class: `q q-${q.kind}`,
        part: `quote quote-${q.kind}`,
        "data-q": q.i,
        "data-s": q.speaker?.id ?? "",
        tabindex: q.speaker ? "0" : null,
        "aria-describedby": q.speaker ? "card" : null,
      });
      this.#plain(node, s, e);
      parent.append(node);
      this.#parts.quoteEls.push(node);
      if (q.e <= to && (q.speaker || q.kind === "direct")) {
        const name = q.speaker ? q.speaker.name : this.#labels.unknown;
        parent.append(
          el("span", { class: q.speaker ? "chip" : "chip unknown", part: "speaker", "data-a": q.speaker?.id, text: name }),
        );
      }
      at = e;
    }
    this.#plain(parent, at, to);
  }

  #plain(parent, from, to) {
    const text = this.#text;
    let at = from;
    const mentions = this.#mentions;
    for (let k = after(mentions, from); k < mentions.length && mentions[k].s < to; k++) {
      const m = mentions[k];
      const s = Math.max(m.s, from);
      const e = Math.min(m.e, to);
      if (s < at) continue;
      if (s > at) parent.append(text.slice(at, s));
      const node = el("span", { class: "m", part: "mention", "data-a": m.actor.id, text: text.slice(s, e) });
      this.#parts.mentionEls.push(node);
      parent.append(node);
      at = e;
    }
    if (to > at) parent.append(text.slice(at, to));
  }

  #quotesView(L) {
    const view = el("div", { class: "body", "data-view": "quotes", part: "quotes", hidden: true });
    if (!this.#quotes.length) view.append(el("p", { class: "empty", text: L.noQuotes }));
    const groups = new Map();
    for (const q of this.#quotes) {
      const key = q.speaker?.id ?? "";
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(q);
    }
    const order = [...this.#actors.keys(), ""].filter((k) => groups.has(k));
    for (const key of order) {
      const actor = this.#actors.get(key);
      const title = el("h3", {}, el("span", { text: actor ? actor.name : L.unknown }));
      if (actor) title.append(this.#kind(actor, L));
      title.append(el("span", { class: "count", text: L.quoteCount(groups.get(key).length) }));
      const list = el("ul", { class: "qlist" });
      for (const q of groups.get(key)) {
        list.append(
          el(
            "li",
            { class: q.kind, part: "quote-item" },
            el("blockquote", { text: this.#article.quotes[q.i]?.text ?? q.text }),
            el("button", { type: "button", class: "link", "data-act": "goto", "data-q": q.i, text: `${L.goTo} →` }),
          ),
        );
      }
      const group = el("section", { class: "group-q", part: "quote-group", "data-s": key }, title, list);
      this.#parts.groups.push(group);
      view.append(group);
    }
    return view;
  }

  #kind(actor, L) {
    return el("span", { class: `kind ${actor.kind}`, part: "kind", text: L.kinds[actor.kind] ?? actor.kind });
  }

  /** The inside of an actor card: name, English name, kind, mentions with a bar, quotes. */
  #actorBody(actor, L, most) {
    const bar = el("span", { class: "bar", "aria-hidden": "true" }, el("span"));
    bar.firstChild.style.setProperty("--w", `${Math.max(4, (100 * actor.mentions.length) / Math.max(1, most))}%`);
    const body = [el("span", { class: "name", text: actor.name }), this.#kind(actor, L)];
    if (actor.canonical && actor.canonical !== actor.name) body.push(el("span", { class: "canon", lang: "en", text: actor.canonical }));
    body.push(
      el(
        "span",
        { class: `stats ${actor.kind}` },
        el("span", { text: L.mentions(actor.mentions.length) }),
        bar,
        el("span", { text: L.quoteCount(actor.quoteCount ?? 0) }),
      ),
    );
    return body;
  }

  #actorList(L) {
    const actors = [...this.#actors.values()];
    const most = Math.max(1, ...actors.map((a) => a.mentions.length));
    const box = el("section", { class: "actors", part: "actors", "aria-labelledby": "actors-h" }, el("h3", { class: "h", id: "actors-h", text: L.actors }));
    if (!actors.length) {
      box.append(el("p", { class: "empty", text: L.noActors }));
      return box;
    }
    const list = el("ul", { class: "cards" });
    actors.forEach((actor, i) => {
      const button = el("button", { type: "button", class: "actor", part: "actor", "data-act": "actor", "data-a": actor.id, "aria-pressed": "false" }, ...this.#actorBody(actor, L, most));
      list.append(el("li", { hidden: i >= SHOWN_ACTORS }, button));
    });
    box.append(list);
    // Narrow layouts show fewer cards (see the stylesheet), so the button appears sooner there.
    if (actors.length > SHOWN_ACTORS_NARROW) {
      const few = actors.length <= SHOWN_ACTORS ? "few" : "";
      box.append(el("button", { type: "button", class: `btn more ${few}`, part: "button", "data-act": "more", "aria-expanded": "false", text: L.showAll(actors.length) }));
    }
    return box;
  }

  /** An SVG of the actors that share sentences, a line's width growing with how often. */
  #relations(article, L) {
    const n = this.#text.length;
    const blocks = [article.kicker, article.title, article.standfirst];
    for (const section of article.sections ?? []) {
      blocks.push(section.heading);
      for (const p of section.paragraphs ?? []) blocks.push(...(p.sentences?.length ? p.sentences : [p]));
    }
    const sentences = blocks.map((b) => range(b, n)).filter(Boolean).sort((a, b) => a[0] - b[0]);
    const together = new Map();
    let i = 0;
    let present = new Set();
    const flush = () => {
      const ids = [...present].sort();
      for (let x = 0; x < ids.length; x++)
        for (let y = x + 1; y < ids.length; y++) {
          const key = `${ids[x]}\n${ids[y]}`;
          together.set(key, (together.get(key) ?? 0) + 1);
        }
      present = new Set();
    };
    for (const m of this.#mentions) {
      if (i < sentences.length && m.s >= sentences[i][1]) {
        flush();
        while (i < sentences.length && m.s >= sentences[i][1]) i++;
      }
      if (i < sentences.length && m.s >= sentences[i][0]) present.add(m.actor.id);
    }
    flush();
    const linked = new Set([...together.keys()].flatMap((k) => k.split("\n")));
    const first = new Set([...this.#actors.values()].filter((a) => linked.has(a.id)).slice(0, GRAPH_NODES).map((a) => a.id));
    const pairs = [...together]
      .map(([k, count]) => [...k.split("\n"), count])
      .filter(([a, b]) => first.has(a) && first.has(b))
      .sort((x, y) => y[2] - x[2]);
    // Only the actors linked to another one shown: a dot with no line says nothing.
    const chosen = new Set(pairs.flatMap(([a, b]) => [a, b]));
    const nodes = [...this.#actors.values()].filter((a) => chosen.has(a.id));
    if (nodes.length < 2) return null;
    const most = pairs[0]?.[2] ?? 1;
    const mostMentions = Math.max(...nodes.map((a) => a.mentions.length));
    const [W, H, cx, cy] = [320, 250, 160, 125];
    const at = new Map(
      nodes.map((a, k) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * k) / nodes.length;
        return [a.id, [cx + 95 * Math.cos(angle), cy + 80 * Math.sin(angle), Math.cos(angle), Math.sin(angle)]];
      }),
    );
    const name = (id) => this.#actors.get(id).name;
    const svg = svgEl("svg", {
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": pairs.slice(0, 6).map(([a, b, c]) => L.together(name(a), name(b), c)).join("; "),
    });
    for (const [a, b, count] of pairs) {
      const [x1, y1] = at.get(a);
      const [x2, y2] = at.get(b);
      const line = svgEl("line", { x1, y1, x2, y2, "stroke-width": (1.5 + (6 * count) / most).toFixed(1), "data-a": a, "data-b": b });
      this.#parts.lines.push(line);
      svg.append(line);
    }
    for (const actor of nodes) {
      const [x, y, dx, dy] = at.get(actor.id);
      const g = svgEl("g", { class: actor.kind, "data-a": actor.id });
      const r = 5 + 7 * Math.sqrt(actor.mentions.length / mostMentions);
      g.append(svgEl("circle", { cx: x, cy: y, r: r.toFixed(1) }));
      const label = svgEl("text", {
        x: x.toFixed(1),
        y: (dy < 0 ? y - r - 5 : y + r + 14).toFixed(1),
        "text-anchor": "middle",
      });
      label.textContent = actor.name.length > 16 ? `${actor.name.slice(0, 15)}…` : actor.name;
      g.append(label);
      this.#parts.nodes.push(g);
      svg.append(g);
    }
    return el("figure", { class: "relations", part: "relations" }, el("figcaption", { class: "h", text: L.relations }), svg);
  }

  #setView(name) {
    for (const b of this.#root.querySelectorAll("[data-act=view]")) b.setAttribute("aria-pressed", String(b.dataset.v === name));
    for (const v of this.#root.querySelectorAll("[data-view]")) v.hidden = v.dataset.view !== name;
    for (const b of this.#root.querySelectorAll("[data-act=expand],[data-act=collapse]")) b.hidden = name !== "article";
  }

  #onClick(event) {
    const target = event.target.closest?.("[data-act],.chip[data-a],.m,g[data-a]");
    if (!target) return;
    const act = target.dataset.act;
    if (act === "view") this.#setView(target.dataset.v);
    else if (act === "expand") this.expandAll();
    else if (act === "collapse") this.collapseAll();
    else if (act === "more") {
      this.#allActors = !this.#allActors;
      const list = target.previousElementSibling;
      const items = list.children;
      list.classList.toggle("all", this.#allActors);
      for (let k = SHOWN_ACTORS; k < items.length; k++) items[k].hidden = !this.#allActors;
      target.setAttribute("aria-expanded", String(this.#allActors));
      target.textContent = this.#allActors ? this.#labels.showFewer : this.#labels.showAll(items.length);
    } else if (act === "goto" && this.#page) {
      this.#page.reveal(Number(target.dataset.q));
    } else if (act === "goto") {
      this.#setView("article");
      const quote = this.#root.querySelector(`.q[data-q="${Number(target.dataset.q)}"]`);
      if (quote) {
        const section = quote.closest("details");
        if (section) section.open = true;
        quote.scrollIntoView({ block: "center", behavior: "smooth" });
        if (quote.tabIndex < 0) quote.tabIndex = -1;
        quote.focus({ preventScroll: true });
      }
    } else {
      // An actor card, a speaker chip, a mention or a node of the picture: select, or clear.
      const id = target.dataset.a;
      this.selectActor(id === this.#selected ? null : id);
    }
  }

  #onKey(event) {
    // Keys typed while an input method composes a character are not commands.
    if (event.isComposing || event.keyCode === 229) return;
    const target = event.target;
    if (event.key === "Escape") {
      this.#hideCard();
      if (this.#selected) this.selectActor(null);
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && target.classList?.contains("q") && target.dataset.s) {
      event.preventDefault();
      this.selectActor(target.dataset.s === this.#selected ? null : target.dataset.s);
      return;
    }
    // Arrow keys move between section headings, and between actor cards.
    const group = target.localName === "summary" ? "summary" : target.dataset?.act === "actor" ? "li:not([hidden]) > [data-act=actor]" : null;
    if (!group) return;
    const all = [...this.#root.querySelectorAll(group)];
    const at = all.indexOf(target);
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined || (group === "summary" && /Left|Right/.test(event.key))) return;
    event.preventDefault();
    all[(next + all.length) % all.length]?.focus();
  }

  #onHover(event, entering) {
    const quote = event.target.closest?.(".q[data-s]:not([data-s='']), .chip[data-a]");
    if (!quote) return;
    if (!entering) {
      if (!quote.contains(event.relatedTarget)) this.#hideCard();
      return;
    }
    const actor = this.#actors.get(quote.dataset.s ?? quote.dataset.a);
    if (!actor) return;
    const card = this.#parts.card;
    const most = Math.max(1, ...[...this.#actors.values()].map((a) => a.mentions.length));
    card.replaceChildren(el("span", { class: "said", text: this.#labels.speaker }), ...this.#actorBody(actor, this.#labels, most));
    card.hidden = false;
    const base = card.parentElement.getBoundingClientRect();
    const rects = quote.getClientRects();
    const rect = rects[rects.length - 1] ?? quote.getBoundingClientRect();
    const left = Math.min(Math.max(8, rect.left - base.left), base.width - card.offsetWidth - 8);
    card.style.setProperty("left", `${Math.max(8, left)}px`);
    card.style.setProperty("top", `${rect.bottom - base.top + 6}px`);
  }

  #hideCard() {
    if (this.#parts.card) this.#parts.card.hidden = true;
  }
}
