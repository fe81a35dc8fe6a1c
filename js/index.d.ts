// TypeScript declarations of the newslens package: the same API in browsers, bundlers and Node.
// Hand-written to document the schema; tests/js/types.test.mjs checks them with `tsc`.

/** A piece of the input. Offsets are UTF-16 code units: `input.slice(start, end) === text`. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A sentence of a paragraph, as UTF-16 offsets into the input. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * Where a block of an HTML input came from (`format: "html"`): the element's CSS path and its
 * index among the page's elements in document order. Both count the elements as the markup
 * spells them: for a whole page that writes out `html`, `head` and `body`,
 * `document.querySelector(path)` and `document.getElementsByTagName("*")[node]`; for a fragment
 * such as `root.innerHTML`, `root.querySelector(":scope > " + path)` and
 * `root.querySelectorAll("*")[node]`.
 */
export interface Source {
  /**
   * A CSS selector of the element, from the nearest ancestor with an id or from `html`, e.g.
   * `"#story > p:nth-of-type(3)"`; `null` when it would be longer than 32 steps.
   */
  path: string | null;
  /** The element's index among all elements of the page in document order, from 0. */
  node: number;
}

/** A paragraph of the body: a span with its sentences. */
export interface Paragraph extends Span {
  sentences: Sentence[];
  /** BCP 47 tag of the paragraph's script-based language: "hi", "en", "ur" or "und". */
  lang: string;
  /** The paragraph repeats text found elsewhere in the article (a scraping artefact); its quotes and actors are counted once. */
  duplicate: boolean;
  /** HTML input only: the element the paragraph came from. */
  source?: Source;
}

/** A run of paragraphs under one sub-heading; the lead section has `heading: null`. */
export interface Section {
  heading: Span | null;
  paragraphs: Paragraph[];
  /** HTML input only: the element the heading came from. */
  headingSource?: Source;
}

/**
 * A quotation. Its span covers the words between the quote marks, not the marks.
 * `direct`: a whole quoted utterance; `partial`: a fragment woven into reported speech, or a
 * scare-quoted term.
 */
export interface Quote extends Span {
  kind: "direct" | "partial";
  /** The `id` of the Actor who said it, when the article tells. */
  speaker: string | null;
  /** The words that name or refer to the speaker ("लावरोव", "उन्होंने", "the minister"). */
  speakerMention: Span | null;
  /** The speech verb or cue phrase ("ने कहा", "said", "according to"). */
  cue: Span | null;
}

export type ActorKind = "person" | "country" | "organization" | "place" | "group";

/** Somebody or something the story is about. `Article.actors` is sorted most salient first. */
export interface Actor {
  /** Stable within one result (`a1`, `a2`, …): quotes refer to actors by it. */
  id: string;
  /** The fullest form the article uses, in the article's script. */
  name: string;
  /** The English name, when known. */
  canonical: string | null;
  kind: ActorKind;
  /** Every other surface form used for this actor in the article. */
  aliases: string[];
  /** Every place the text mentions the actor. */
  mentions: Span[];
  /** How many quotes the actor is the speaker of. */
  quoteCount: number;
  /** Higher is more important. */
  salience: number;
}

/** Something doubtful that the parser still handled, with where it is (UTF-16 offsets). */
export interface Warning {
  /** A stable kebab-case code, e.g. `unclosed-quote`, `lone-surrogate`. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  start: number;
  end: number;
}

/** Everything newslens found in one article. */
export interface Article {
  /** BCP 47 tag of the body's language: `"hi"`, `"en"`, `"ur"` or `"und"`. */
  lang: string;
  title: Span | null;
  /** The short label above the headline ("Russia Supports North Korea"). */
  kicker: Span | null;
  /** The summary paragraph under the headline. */
  standfirst: Span | null;
  /** Place and date opening the body ("नई दिल्ली:"). */
  dateline: Span | null;
  sections: Section[];
  /** Read-also, promo and link lines ("यह भी पढ़ें: …"), kept out of the sections. */
  related: Span[];
  quotes: Quote[];
  /** Most salient first. */
  actors: Actor[];
  warnings: Warning[];
  /**
   * HTML input only: the article's plain text as extracted from the page. Every offset of an
   * Article read from HTML refers to this text: `article.text.slice(start, end) === span.text`.
   */
  text?: string;
  /** HTML input only: the author line the page gives. */
  byline?: Span;
  /** HTML input only: the publication time the page gives, as it writes it (usually ISO 8601). */
  published?: string;
}

/** An actor the site knows (its reporters, local politicians), found before any other rule. */
export interface ActorEntry {
  /** The name as the articles write it. */
  name: string;
  kind: ActorKind;
  /** Other surface forms: spellings, short names, acronyms, other scripts. */
  aliases?: string[];
  /** The English name. */
  canonical?: string | null;
  /** A Wikidata id such as `"Q7747"`. */
  wikidata?: string | null;
}

/**
 * Options of `parse`. Every field is optional; `undefined` and `null` mean "not given".
 * An unknown or ill-typed option throws an `Error`.
 */
export interface Options {
  /** The body's language if known. Default `"auto"`: detected from the text. */
  lang?: "auto" | "hi" | "en" | null;
  /** Actors the site knows. Default: none. */
  actors?: ActorEntry[] | null;
  /** Longer inputs (in UTF-8 bytes) throw an `Error`. Default 33554432 (32 MiB). */
  maxInputBytes?: number | null;
  /**
   * What the input is. Default `"text"`: the article's plain text. `"html"`: a web page or
   * fragment; the article is found in it first and the result carries the extracted `text`.
   * `"auto"`: HTML when the input looks like markup, else text. The module without the HTML
   * reader (`dist/newslens_text_bg.wasm`, which the `<news-lens>` widget loads) throws
   * `html-not-built` for `"html"`, and for `"auto"` input that looks like markup.
   */
  format?: "text" | "html" | "auto" | null;
}

/**
 * Loads the WebAssembly module; call once before `parse` in browsers (safe to call again; in
 * Node the module is ready at import and this resolves at once).
 * @param wasm where the `.wasm` file is, if not beside the glue code in `dist/`
 */
export function init(
  wasm?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/**
 * Parses a news article: its plain text, or a web page with `{ format: "html" }`. Throws an `Error` saying what was wrong and what is
 * accepted when `text` is not a string, an option is unknown or ill-typed, or the text is
 * longer than `maxInputBytes`.
 */
export function parse(text: string, options?: Options | null): Article;

/** The package version. */
export function version(): string;

export default init;
